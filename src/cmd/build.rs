//! `findings build`: build the report and write it atomically.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use findings::{output, report};

use super::show;

/// Builds `project` into `out` (default `project/output`).
pub fn run(project: &Path, out: Option<&Path>, force: bool, deny_warnings: bool) -> ExitCode {
    if findings::site::is_site(project) {
        return super::site::build(project, out, force, deny_warnings);
    }
    let started = Instant::now();
    let Some(built) = ready(report::build(project), |b| &b.warnings, deny_warnings) else {
        return ExitCode::FAILURE;
    };
    let out = out.map_or_else(|| project.join("output"), Path::to_path_buf);
    match output::write(&out, &built.html, force) {
        Ok(path) => {
            println!(
                "wrote {} ({} KiB) in {} ms",
                path.display(),
                built.html.len().div_ceil(1024),
                started.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(d) => {
            show(&d.into());
            ExitCode::FAILURE
        }
    }
}

/// What a build gave, once its problems are reported: `None` when it
/// failed or its warnings are denied, after saying that nothing was
/// written. A report and a site are written the same way.
pub fn ready<T>(
    result: Result<T, findings::Diagnostics>,
    warnings: impl Fn(&T) -> &findings::Diagnostics,
    deny_warnings: bool,
) -> Option<T> {
    let built = match result {
        Ok(b) => b,
        Err(problems) => {
            show(&problems);
            eprintln!("error: the build failed; the previous output was left as it was");
            return None;
        }
    };
    let found = warnings(&built);
    if !found.is_empty() {
        show(found);
    }
    if deny_warnings && found.warning_count() > 0 {
        eprintln!("error: warnings are denied (--deny-warnings); nothing was written");
        return None;
    }
    Some(built)
}
