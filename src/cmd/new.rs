//! `findings new`.

use std::path::Path;
use std::process::ExitCode;

/// Scaffolds a project.
pub fn run(dir: &Path) -> ExitCode {
    let _ = dir;
    ExitCode::FAILURE
}
