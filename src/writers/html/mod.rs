//! The HTML writer: the only code that writes HTML tags for a report.

pub mod appendix;
pub mod bibliography;
pub mod inline_parts;
pub mod quote;
pub mod quote_index;
