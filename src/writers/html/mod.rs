//! The HTML writer: the only code that writes HTML tags for a report.

mod inline;
pub mod table;

pub use inline::push_inlines;
