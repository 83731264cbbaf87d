//! Runs the pipeline stages in order.

use std::path::Path;

use crate::error::Diagnostics;

/// A report built in memory.
#[derive(Debug, Clone)]
pub struct Built {
    /// The whole page.
    pub html: String,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
}

/// Builds the project in `project` into memory.
pub fn build(project: &Path) -> Result<Built, Diagnostics> {
    let _ = project;
    Err(crate::Diagnostic::error("not built yet").into())
}
