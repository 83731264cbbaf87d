//! Stage 5b of the pipeline: the page.
//!
//! Numbers figures and headings across sections, then renders the theme's
//! templates with view structs whose strings are already escaped HTML.

pub mod citations;
pub mod csp;
pub mod late;
pub mod manifest;
pub mod page;
pub mod provenance;
pub mod resolve;
pub mod theme;
pub mod theme_guard;
