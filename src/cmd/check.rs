//! `findings check`.

use std::path::Path;
use std::process::ExitCode;

/// Checks the project without writing.
pub fn run(project: &Path, deny_warnings: bool) -> ExitCode {
    let _ = (project, deny_warnings);
    ExitCode::FAILURE
}
