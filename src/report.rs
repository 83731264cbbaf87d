//! Runs the pipeline stages in order: load → model → (analysis, charts,
//! Markdown per section, in parallel) → page. `build` writes nothing; the
//! commands decide whether to write (`build`) or not (`check`, `serve`).
//!
//! [`Builder`] keeps every stage's result between builds, so `serve` can
//! redo only what a change touches; a one-shot [`build`] is a builder used
//! once.

mod assemble;
mod builder;
mod changes;
mod document;
pub mod facts;
mod formats;
pub mod stages;
mod verify;

use std::path::Path;
use std::sync::Arc;

pub use builder::Builder;
pub use facts::Facts;
pub use formats::{file_name, files, one, Files};
pub use stages::study;
#[cfg(feature = "pdf")]
pub use verify::verify_pdf;
pub use verify::{compare, verify, Verdict};

use crate::document::Document;
use crate::error::Diagnostics;
use crate::load::outputs::Format;

/// A report built in memory.
#[derive(Debug, Clone)]
pub struct Built {
    /// The whole page.
    pub html: String,
    /// The report as a document, every number resolved: what the PDF and
    /// Word writers write. `None` when a one-shot build was asked for the
    /// page alone, which frees it before the page is rendered.
    pub document: Option<Document>,
    /// The formats to write: `--format`, else `[output] formats`, else
    /// the page alone.
    pub formats: Vec<Format>,
    /// The name of the files beside the page (`<slug>.pdf`), from the
    /// title.
    pub slug: String,
    /// The build manifest as JSON (what the page embeds).
    pub manifest: String,
    /// `[pdf]` of `report.toml`.
    pub pdf: crate::load::outputs::Pdf,
    /// `[docx]` of `report.toml`.
    pub docx: crate::load::outputs::Docx,
    /// The theme's chart colours on paper, for the PDF and Word writers.
    pub palette: crate::writers::palette::Palette,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
    /// What a site's index, search and link check need to know of the
    /// report (shared, since serve keeps it beside the page).
    pub facts: Arc<Facts>,
}

/// Builds the project in `project` into memory. On failure, every error
/// found (and the warnings) come back; nothing was written.
pub fn build(project: &Path) -> Result<Built, Diagnostics> {
    builder::build_once(project, None, None)
}

/// [`build`], in `formats` whatever `report.toml` asks for: the page links
/// to each of them.
pub fn build_as(project: &Path, formats: &[Format]) -> Result<Built, Diagnostics> {
    builder::build_once(project, None, Some(formats))
}

/// Builds the report in `project`, one of a site's reports whose slugs
/// are `site`, into memory.
pub fn build_in_site(project: &Path, site: &[String]) -> Result<Built, Diagnostics> {
    builder::build_once(project, Some(site), None)
}
