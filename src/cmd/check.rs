//! `findings check`: every stage but writing; every problem reported.

use std::path::Path;
use std::process::ExitCode;

use findings::site;

use super::report;

/// Checks `project` and reports what is wrong.
pub fn run(project: &Path, deny_warnings: bool) -> ExitCode {
    if findings::collection::is_site(project) {
        return super::site::check(project, deny_warnings);
    }
    match site::build(project) {
        Ok(built) => {
            report(&built.warnings);
            if deny_warnings && built.warnings.warning_count() > 0 {
                eprintln!("error: warnings are denied (--deny-warnings)");
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(problems) => {
            report(&problems);
            ExitCode::FAILURE
        }
    }
}
