//! `findings verify PAGE`: whether a built page still matches its data.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use findings::report::{self, Verdict};
use findings::site;
use findings::{Diagnostic, Diagnostics, Location};

use super::show;

/// Exit 0 when `page` matches a fresh build of `project`, 1 when inputs
/// or the page changed, 2 when the page cannot be read or checked, or no
/// project can be found for it.
pub fn run(page: &Path, project: Option<&Path>) -> ExitCode {
    let bytes = match std::fs::read(page) {
        Ok(bytes) => bytes,
        Err(e) => {
            fail(
                Diagnostic::error(format!("cannot read {}: {e}", page.display()))
                    .at(Location::file(page))
                    .help("pass the built page, e.g. findings verify output/index.html"),
            );
            return ExitCode::from(2);
        }
    };
    // The page's own place, whatever folder this runs in: `index.html`
    // read from inside output/ has a parent only once it is absolute.
    let page_at = std::fs::canonicalize(page)
        .or_else(|_| std::path::absolute(page))
        .unwrap_or_else(|_| page.to_path_buf());
    let project = match project
        .map(Path::to_path_buf)
        .or_else(|| project_of(&page_at))
    {
        Some(project) => project,
        None => {
            fail(
                Diagnostic::error(format!(
                    "no project found for {}: no folder above it holds content/ or site.toml",
                    page.display()
                ))
                .at(Location::file(page))
                .help(format!(
                    "say which project built it: findings verify {} --project DIR",
                    page.display()
                )),
            );
            return ExitCode::from(2);
        }
    };
    let project = project.as_path();
    let shown = page.display();
    // A report page of a site is rebuilt with its site: its folder names
    // the report (output/SLUG/index.html).
    let pdf = page
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let noun = if pdf { "PDF" } else { "page" };
    let verdict = if pdf {
        verify_pdf(&bytes, project)
    } else if site::is_site(project) {
        let slug = page_at
            .parent()
            .and_then(|p| p.file_name())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        site::verify(project, &slug, &bytes)
    } else {
        report::verify(&bytes, project)
    };
    match verdict {
        Verdict::Matches { inputs } => {
            println!("{shown} matches its data: {inputs} inputs unchanged, and a fresh build gives the same {noun}");
            ExitCode::SUCCESS
        }
        Verdict::Changed { inputs } => {
            println!("{shown} no longer matches its data; since it was built:");
            for (path, what) in &inputs {
                println!("  {what:<8} {path}");
            }
            println!("rebuild with `findings build` to bring the {noun} up to date");
            ExitCode::FAILURE
        }
        Verdict::PageDiffers { built_by } => {
            let this = env!("CARGO_PKG_VERSION");
            let why = if built_by == this {
                format!("the {noun} was edited after it was built")
            } else {
                format!("it was built by findings {built_by}, this is {this}")
            };
            println!(
                "{shown} lists the same inputs, but a fresh build gives another {noun}: {why}"
            );
            ExitCode::FAILURE
        }
        Verdict::NoManifest(why) => {
            fail(
                Diagnostic::error(why)
                    .at(Location::file(page))
                    .help("verify a report page or PDF written by findings build; a site's index page carries no manifest, its report pages (output/SLUG/index.html) do"),
            );
            ExitCode::from(2)
        }
        Verdict::DoesNotBuild(problems) => {
            show(&problems);
            eprintln!("error: the project no longer builds, so {shown} cannot match it");
            ExitCode::FAILURE
        }
    }
}

/// The folder a page was built from when `--project` is not given: the
/// nearest one holding `site.toml` or `content/`, from the page's own
/// folder up (`my-study/output/index.html` → `my-study`). `page` is
/// absolute, so the search never falls back to the current folder.
fn project_of(page: &Path) -> Option<PathBuf> {
    page.parent()?
        .ancestors()
        .find(|a| site::is_site(a) || a.join("content").is_dir())
        .map(Path::to_path_buf)
}

fn fail(d: Diagnostic) {
    let mut all = Diagnostics::new();
    all.push(d);
    show(&all);
}

/// A PDF verified against its project.
#[cfg(feature = "pdf")]
fn verify_pdf(bytes: &[u8], project: &Path) -> Verdict {
    report::verify_pdf(bytes, project)
}

/// A findings built without its PDF writer cannot rebuild a PDF.
#[cfg(not(feature = "pdf"))]
fn verify_pdf(_: &[u8], _: &Path) -> Verdict {
    Verdict::NoManifest(
        "this findings was built without its PDF writer, so it cannot rebuild a PDF".into(),
    )
}
