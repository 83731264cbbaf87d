//! Runs the pipeline stages in order: load → model → (analysis, charts,
//! Markdown per section, in parallel) → page. `build` writes nothing; the
//! commands decide whether to write (`build`) or not (`check`, `serve`).
//!
//! [`Builder`] keeps every stage's result between builds, so `serve` can
//! redo only what a change touches; a one-shot [`build`] is a builder used
//! once.

mod builder;
mod changes;
mod verify;

use std::path::Path;

pub use builder::Builder;
pub use verify::{verify, Verdict};

use crate::error::Diagnostics;

/// A report built in memory.
#[derive(Debug, Clone)]
pub struct Built {
    /// The whole page.
    pub html: String,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
}

/// Builds the project in `project` into memory. On failure, every error
/// found (and the warnings) come back; nothing was written.
pub fn build(project: &Path) -> Result<Built, Diagnostics> {
    builder::build_once(project)
}
