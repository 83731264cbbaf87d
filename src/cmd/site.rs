//! `findings build` and `new --site` on a research site (a folder with
//! `site.toml`): the same commands, many reports.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use findings::site;

use super::build::ready;
use super::new::create;
use super::show;

/// Builds the site in `root` into `out` (default `root/output`).
pub fn build(root: &Path, out: Option<&Path>, force: bool, deny_warnings: bool) -> ExitCode {
    let started = Instant::now();
    let Some(built) = ready(site::build(root), |s| &s.warnings, deny_warnings) else {
        return ExitCode::FAILURE;
    };
    let out = out.map_or_else(|| root.join("output"), Path::to_path_buf);
    match site::write::write(&out, &built, force) {
        Ok(paths) => {
            let bytes: usize = built.pages.iter().map(|(_, h)| h.len()).sum();
            println!(
                "wrote {} and {} report pages ({} KiB, search index {} KiB) in {} ms",
                out.join("index.html").display(),
                paths.len() - 1,
                bytes.div_ceil(1024),
                built.search_bytes.div_ceil(1024),
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

/// The scaffold's data, shared by both reports.
const PARTICIPANTS: &str = include_str!("scaffold/participants.json");
const CODEBOOK: &str = include_str!("scaffold/codebook.json");

/// The new site's files: `site.toml` and two reports that link to each other.
const FILES: [(&str, &str); 13] = [
    ("site.toml", include_str!("scaffold/site/site.toml")),
    (".gitignore", "/output\n"),
    (
        "reports/onboarding/content/report.toml",
        include_str!("scaffold/site/onboarding.toml"),
    ),
    (
        "reports/onboarding/content/sections/01-introduction.md",
        include_str!("scaffold/01-introduction.md"),
    ),
    (
        "reports/onboarding/content/sections/02-findings.md",
        include_str!("scaffold/02-findings.md"),
    ),
    (
        "reports/onboarding/content/data/participants.json",
        PARTICIPANTS,
    ),
    ("reports/onboarding/content/data/codebook.json", CODEBOOK),
    (
        "reports/onboarding/content/data/segments.json",
        include_str!("scaffold/segments.json"),
    ),
    (
        "reports/follow-up/content/report.toml",
        include_str!("scaffold/site/follow-up.toml"),
    ),
    (
        "reports/follow-up/content/sections/01-trust.md",
        include_str!("scaffold/site/follow-up-01.md"),
    ),
    (
        "reports/follow-up/content/data/participants.json",
        PARTICIPANTS,
    ),
    ("reports/follow-up/content/data/codebook.json", CODEBOOK),
    (
        "reports/follow-up/content/data/segments.json",
        include_str!("scaffold/site/follow-up-segments.json"),
    ),
];

/// Creates a site in `dir`, which must not exist or be empty.
pub fn new(dir: &Path) -> ExitCode {
    create(
        dir,
        &FILES,
        &format!("the site {} with two reports", dir.display()),
    )
}
