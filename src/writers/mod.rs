//! One writer per output format, each turning the report's document
//! ([`crate::document`]) into bytes. A writer never reads Markdown or the
//! study: everything it needs is in the tree.

pub mod docx;
pub mod html;
#[cfg(feature = "pdf")]
pub mod pdf;
