//! Stage 5a of the pipeline: sections from Markdown to HTML.
//!
//! pulldown-cmark parses; [`section`] walks its event stream, turning
//! directive blocks into components and role spans into numbers, so code
//! blocks and inline code that are not directives are never touched.

pub mod cite;
pub mod components;
pub mod context;
pub mod cross_report;
pub mod directive;
pub mod events;
mod fence;
pub mod inline;
pub mod lints;
pub mod roles;
pub mod section;
mod section_links;
mod section_lints;
mod section_raw;
pub mod syntax;
pub mod tree_of;

/// The Markdown extensions every section is parsed with.
pub(crate) fn parser_options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::ENABLE_TABLES
        | pulldown_cmark::Options::ENABLE_FOOTNOTES
        | pulldown_cmark::Options::ENABLE_STRIKETHROUGH
        | pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION
        | pulldown_cmark::Options::ENABLE_HEADING_ATTRIBUTES
}
