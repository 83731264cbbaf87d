//! `findings` turns a research project folder (Markdown sections and coded
//! JSON datasets) into one self-contained HTML report.
//!
//! The pipeline is the module layout, each stage taking and returning plain
//! data:
//!
//! 1. [`load`]: read `content/` (config, sections, datasets, assets) with spans;
//! 2. [`model`]: validate and index the study (participants, codes, segments);
//! 3. [`analysis`]: counts, shares, frequencies, crosstabs, co-occurrence;
//! 4. [`charts`]: SVG charts of analysis results;
//! 5. [`markdown`] and [`render`]: sections with directives, then the page;
//! 6. [`output`]: write `output/` atomically.
//!
//! [`report`] runs the stages in order for one report; [`site`] builds
//! a research site of many reports (index, search, links between them);
//! [`serve`] runs them on every save.

// Diagnostics are large (they carry the source line) but only travel on
// the error path, where a few bytes of copying never matter.
#![allow(clippy::result_large_err)]

pub mod analysis;
pub mod charts;
pub mod document;
pub mod error;
pub mod escape;
pub mod load;
pub mod markdown;
pub mod model;
pub mod output;
pub mod render;
pub mod report;
pub mod sanitize;
pub mod serve;
pub mod site;
pub mod slug;
pub mod writers;

pub use error::{Diagnostic, Diagnostics, Location, Severity};
