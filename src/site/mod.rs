//! A research site: many reports in one folder, with an index page,
//! offline search and links between the reports. This is the layer above
//! [`crate::report`], which builds one report; here a folder holding
//! `site.toml` is read ([`config`]), its report folders found
//! ([`discover`]), every report built in parallel with
//! [`crate::report::build_in_site`], and the pages put together
//! ([`assemble`]: cross-report links, navigation, [`index_page`] with its
//! [`search`] index). [`write`] puts the pages in `output/`.

pub mod assemble;
pub mod builder;
pub mod config;
pub mod discover;
pub mod index_page;
pub mod links;
pub mod search;
pub mod write;

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::report::{self, Built};

pub use assemble::SitePages;
pub use config::{SiteConfig, SITE_FILE};
pub use discover::ReportDir;

/// Whether the folder `root` is a site (holds `site.toml`).
pub fn is_site(root: &Path) -> bool {
    root.join(SITE_FILE).is_file()
}

/// Reads `site.toml` and finds the site's reports.
pub fn load(root: &Path) -> Result<(SiteConfig, Vec<ReportDir>), Diagnostics> {
    let text = crate::load::read_text(root, Path::new(SITE_FILE)).map_err(Diagnostics::from)?;
    let config = config::parse(&text).map_err(Diagnostics::from)?;
    let reports = discover::reports(root, &config, &text)?;
    Ok((config, reports))
}

/// The slugs of `reports`, which every report is built knowing.
pub fn slugs(reports: &[ReportDir]) -> Arc<[String]> {
    reports.iter().map(|r| r.slug.clone()).collect()
}

/// Builds the site in `root` into memory: every report in parallel, then
/// the pages. All the reports' errors come back together.
pub fn build(root: &Path) -> Result<SitePages, Diagnostics> {
    let (config, reports) = load(root)?;
    let slugs = slugs(&reports);
    let results: Vec<Result<Built, Diagnostics>> = reports
        .par_iter()
        .map(|r| report::build_in_site(&root.join(&r.rel), &slugs))
        .collect();
    let mut problems = Diagnostics::new();
    let mut built = Vec::with_capacity(reports.len());
    for (dir, result) in reports.into_iter().zip(results) {
        match result {
            Ok(b) => built.push((dir, b)),
            Err(e) => problems.extend(prefixed(e, &dir.rel)),
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    assemble::assemble(&config, &built)
}

/// Verifies `page`, the built page of the report `slug` of the site in
/// `root`, against a fresh build of the whole site: a report page holds
/// the site's navigation and links, so only the site gives it again.
pub fn verify(root: &Path, slug: &str, page: &[u8]) -> report::Verdict {
    let wanted = Path::new(slug).join("index.html");
    let rebuilt = build(root).and_then(|pages| {
        pages
            .pages
            .into_iter()
            .find(|(path, _)| *path == wanted)
            .map(|(_, html)| html)
            .ok_or_else(|| {
                Diagnostics::from(
                    Diagnostic::error(format!("the site has no report `{slug}`"))
                        .at(Location::file(SITE_FILE))
                        .help("verify a report page of the site: output/SLUG/index.html"),
                )
            })
    });
    report::compare(page, rebuilt)
}

/// `diagnostics` of a report, their paths made relative to the site
/// folder (`reports/a/content/…`), so a reader knows which report.
pub fn prefixed(diagnostics: Diagnostics, rel: &Path) -> Diagnostics {
    Diagnostics(
        diagnostics
            .0
            .into_iter()
            .map(|mut d: Diagnostic| {
                if let Some(loc) = d.location.as_mut() {
                    loc.file = rel.join(&loc.file);
                } else {
                    d.location = Some(Location::file(rel));
                }
                d
            })
            .collect(),
    )
}
