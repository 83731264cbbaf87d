//! `findings build`: build the report and write it atomically.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use findings::load::outputs::Format;
use findings::{output, report};

use super::show;

/// Builds `project` into `out` (default `project/output`), in `formats`
/// (names as given after `--format`; none: what `report.toml` asks).
pub fn run(
    project: &Path,
    out: Option<&Path>,
    force: bool,
    deny_warnings: bool,
    formats: &[String],
) -> ExitCode {
    let formats = match parse_formats(formats) {
        Ok(f) => f,
        Err(d) => {
            show(&d);
            return ExitCode::FAILURE;
        }
    };
    if findings::site::is_site(project) {
        return super::site::build(project, out, force, deny_warnings);
    }
    let started = Instant::now();
    let built = match &formats {
        Some(f) => report::build_as(project, f),
        None => report::build(project),
    };
    let Some(built) = ready(built, |b| &b.warnings, deny_warnings) else {
        return ExitCode::FAILURE;
    };
    // Every format is written in memory first: a writer's failure leaves
    // the previous output as it was.
    let files = match report::files(built, project) {
        Ok(files) => files,
        Err(problems) => {
            show(&problems);
            eprintln!("error: the build failed; the previous output was left as it was");
            return ExitCode::FAILURE;
        }
    };
    if !files.warnings.is_empty() {
        show(&files.warnings);
    }
    let out = out.map_or_else(|| project.join("output"), Path::to_path_buf);
    let named: Vec<(&str, &[u8])> = files
        .files
        .iter()
        .map(|(name, bytes)| (name.as_str(), bytes.as_slice()))
        .collect();
    match output::write_files(&out, &named, force) {
        Ok(paths) => {
            let ms = started.elapsed().as_millis();
            for (path, (_, bytes)) in paths.iter().zip(&named) {
                println!(
                    "wrote {} ({} KiB) in {ms} ms",
                    path.display(),
                    bytes.len().div_ceil(1024)
                );
            }
            ExitCode::SUCCESS
        }
        Err(d) => {
            show(&d.into());
            ExitCode::FAILURE
        }
    }
}

/// The formats named after `--format`; `None` when none was given.
fn parse_formats(names: &[String]) -> Result<Option<Vec<Format>>, findings::Diagnostics> {
    if names.is_empty() {
        return Ok(None);
    }
    let mut formats = Vec::new();
    for name in names {
        let Some(f) = Format::parse(name) else {
            return Err(findings::Diagnostic::error(format!(
                "--format {name}: findings writes html, pdf and docx"
            ))
            .help("name one or more of them, e.g. --format html,pdf")
            .into());
        };
        formats.push(f);
    }
    formats.sort();
    formats.dedup();
    Ok(Some(formats))
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
