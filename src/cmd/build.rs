//! `findings build`.

use std::path::Path;
use std::process::ExitCode;

/// Builds the project into its output folder.
pub fn run(project: &Path, out: Option<&Path>, force: bool, deny_warnings: bool) -> ExitCode {
    let _ = (project, out, force, deny_warnings);
    ExitCode::FAILURE
}
