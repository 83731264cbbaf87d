//! One writer per output format, each turning the report's document
//! ([`crate::document`]) into bytes. A writer never reads Markdown or the
//! study: everything it needs is in the tree.

pub mod chart_text;
pub mod docx;
pub mod html;
pub mod palette;
#[cfg(feature = "pdf")]
pub mod pdf;
