//! The whole report as one document: its title block, contents, sections
//! and appendices, every number resolved. This is what each writer
//! receives (`writers::html::write` today; the PDF and Word writers are
//! built on the same value).

use super::appendix::Appendix;
use super::tree::{Block, Inlines};

/// A report, ready for a writer: figure numbers, heading ids,
/// cross-references, quote numbers and citations are resolved, and the
/// quote index and bibliography sit where they belong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The title block.
    pub front: Front,
    /// The table of contents: every section and appendix, with each
    /// section's level-3 headings under it.
    pub contents: Vec<ContentsEntry>,
    /// The sections in report order.
    pub sections: Vec<Section>,
    /// The appendices the report adds after the sections (quote index,
    /// references, "About this report").
    pub appendices: Vec<Appendix>,
    /// Whether any part rests on illustrative data (the reader is told).
    pub illustrative: bool,
}

/// The report's title block and what a file's properties say of it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Front {
    /// The title, as written in `report.toml` (plain text).
    pub title_text: String,
    /// The title as inline content.
    pub title: Inlines,
    /// The subtitle, when given.
    pub subtitle: Option<Inlines>,
    /// The authors, in order.
    pub authors: Vec<String>,
    /// The date as a reader sees it ("20 Nov 2025"), when given.
    pub date: Option<String>,
    /// The same date as ISO 8601 (`2025-11-20`), when given.
    pub date_iso: Option<String>,
    /// The report's language (a BCP 47 tag such as `en` or `hu`).
    pub language: String,
}

/// One section of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// Its element id, unique in the report.
    pub id: String,
    /// Its title (a level-2 heading).
    pub title: Inlines,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentsEntry {
    /// The element id it links to.
    pub id: String,
    /// Its title; links inside it are not links in the contents.
    pub title: Inlines,
    /// Entries under it (a section's level-3 headings).
    pub children: Vec<ContentsEntry>,
}
