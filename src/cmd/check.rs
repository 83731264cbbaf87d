//! `findings check`: every stage but writing; every problem reported, of
//! a report or of every report of a site and the links between them.

use std::path::Path;
use std::process::ExitCode;

use findings::{report, Diagnostics};

use super::show;

/// Checks `project` and reports what is wrong.
pub fn run(project: &Path, deny_warnings: bool) -> ExitCode {
    if findings::site::is_site(project) {
        return finish(
            findings::site::build(project).map(|s| s.warnings),
            deny_warnings,
        );
    }
    finish(report::build(project).map(|b| b.warnings), deny_warnings)
}

/// Reports a check's problems (or its warnings) and gives the exit code.
fn finish(result: Result<Diagnostics, Diagnostics>, deny_warnings: bool) -> ExitCode {
    match result {
        Ok(warnings) => {
            show(&warnings);
            if deny_warnings && warnings.warning_count() > 0 {
                eprintln!("error: warnings are denied (--deny-warnings)");
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(problems) => {
            show(&problems);
            ExitCode::FAILURE
        }
    }
}
