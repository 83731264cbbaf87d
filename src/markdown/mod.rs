//! Stage 5a of the pipeline: sections from Markdown to HTML.
//!
//! pulldown-cmark parses; [`section`] walks its event stream, turning
//! directive blocks into components and role spans into numbers, so code
//! blocks and inline code that are not directives are never touched.

pub mod components;
pub mod directive;
pub mod events;
pub mod roles;
pub mod section;
pub mod slug;
