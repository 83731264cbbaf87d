//! From built reports to the site's pages: the links between reports
//! checked, the placeholders the reports left filled (figure numbers of
//! other reports, the site navigation), and the index page made.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Diagnostics;
use crate::escape::html;
use crate::markdown::inline::inline;
use crate::model::date::Date;
use crate::report::Built;
use crate::writers::html::phrase;
use crate::writers::html::SITE_MARK as MARK;

use super::config::SiteConfig;
use super::discover::ReportDir;
use super::index_page::{self, Card};
use super::search::{self, extract, ReportPieces};
use super::{links, prefixed};

/// The site, in memory: each page by its path under `output/`.
#[derive(Debug, Clone)]
pub struct SitePages {
    /// `index.html` first, then `<slug>/index.html` in site order.
    pub pages: Vec<(PathBuf, String)>,
    /// Every report's warnings, paths from the site folder.
    pub warnings: Diagnostics,
    /// Bytes of the index's embedded search data.
    pub search_bytes: usize,
}

/// Assembles the site from its reports, built in site order.
pub fn assemble(
    config: &SiteConfig,
    reports: &[(ReportDir, Built)],
) -> Result<SitePages, Diagnostics> {
    let by_slug: HashMap<&str, &Built> =
        reports.iter().map(|(d, b)| (d.slug.as_str(), b)).collect();
    let mut problems = Diagnostics::new();
    let mut ids = HashMap::new();
    for (dir, built) in reports {
        problems.extend(prefixed(built.warnings.clone(), &dir.rel));
        problems.extend(prefixed(links::check(built, &by_slug, &mut ids), &dir.rel));
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let order = newest_first(reports);
    let mut pages = Vec::with_capacity(reports.len() + 1);
    let cards: Vec<Card<'_>> = order
        .iter()
        .map(|&i| Card {
            slug: &reports[i].0.slug,
            facts: &reports[i].1.facts,
        })
        .collect();
    let pieces: Vec<ReportPieces> = order
        .par_iter()
        .map(|&i| report_pieces(&reports[i], &by_slug))
        .collect();
    let search = search::index_json(&pieces);
    pages.push((
        PathBuf::from("index.html"),
        index_page::render(config, &cards, &search),
    ));
    let report_pages: Vec<(PathBuf, String)> = order
        .par_iter()
        .enumerate()
        .map(|(at, &i)| {
            let nav = nav(
                config,
                reports,
                at.checked_sub(1).map(|p| order[p]),
                order.get(at + 1).copied(),
            );
            let (dir, built) = &reports[i];
            (
                Path::new(&dir.slug).join("index.html"),
                fill(&built.html, &nav, &by_slug),
            )
        })
        .collect();
    pages.extend(report_pages);
    Ok(SitePages {
        pages,
        warnings: problems,
        search_bytes: search.len(),
    })
}

/// The reports' positions, newest first (by `date`; undated last), ties
/// in the order of `site.toml`.
fn newest_first(reports: &[(ReportDir, Built)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    let date = |i: usize| reports[i].1.facts.date.as_deref().and_then(Date::parse);
    order.sort_by(|&a, &b| date(b).cmp(&date(a)).then(a.cmp(&b)));
    order
}

/// Everything of one report that search finds.
fn report_pieces(
    (dir, built): &(ReportDir, Built),
    by_slug: &HashMap<&str, &Built>,
) -> ReportPieces {
    let facts = &built.facts;
    let mut pieces: Vec<extract::Piece> = facts
        .sections
        .iter()
        // The appendices the report adds hold no finding of their own:
        // the manifest, the references, the quotes again.
        .filter(|s| !s.generated)
        .flat_map(|s| {
            // Figures of other reports are numbered only now.
            let mut s = s.clone();
            s.body = fill(&s.body, "", by_slug);
            extract::section_pieces(&s)
        })
        .collect();
    pieces.extend(facts.counts.code_labels.iter().map(|label| extract::Piece {
        kind: extract::Kind::Code,
        anchor: String::new(),
        title: label.clone(),
        text: String::new(),
    }));
    ReportPieces {
        slug: dir.slug.clone(),
        title: facts.title.clone(),
        pieces,
    }
}

/// A report page's header links: the index, the previous and next report.
fn nav(
    config: &SiteConfig,
    reports: &[(ReportDir, Built)],
    prev: Option<usize>,
    next: Option<usize>,
) -> String {
    let mut nav = format!(
        "\n<nav class=\"site-nav\" aria-label=\"Site\"><ul><li class=\"site-nav-index\"><a href=\"../index.html\">\u{2190} {}</a></li>",
        phrase(&inline(&config.title, false))
    );
    for (rel, label, at) in [("prev", "Previous", prev), ("next", "Next", next)] {
        if let Some(i) = at {
            let (dir, built) = &reports[i];
            nav.push_str(&format!(
                "<li><a rel=\"{rel}\" href=\"../{}/index.html\">{label}: {}</a></li>",
                html(&dir.slug),
                phrase(&inline(&built.facts.title, false))
            ));
        }
    }
    nav.push_str("</ul></nav>");
    nav
}

/// The page with its placeholders filled: `N` the navigation, `X` the
/// number of a figure in another report (checked before).
fn fill(page: &str, nav: &str, by_slug: &HashMap<&str, &Built>) -> String {
    replace_placeholders(page, nav.len(), |token, out| {
        if token == "N" {
            out.push_str(nav);
        } else if let Some((slug, label)) = token.strip_prefix('X').and_then(|t| t.split_once(':'))
        {
            // "Figure 2 of Onboarding Interviews": a bare number would
            // read as this report's figure.
            if let Some(target) = by_slug.get(slug) {
                let number = target
                    .facts
                    .figures
                    .iter()
                    .find(|(l, _)| l == label)
                    .map_or(0, |(_, n)| *n);
                out.push_str(&format!(
                    "{number} of {}",
                    phrase(&inline(&target.facts.title, false))
                ));
            }
        }
    })
}

/// `html` with each placeholder (`MARK token MARK`) replaced by what
/// `write` appends for its token; `room` is extra capacity to reserve.
pub fn replace_placeholders(
    html: &str,
    room: usize,
    mut write: impl FnMut(&str, &mut String),
) -> String {
    let mut out = String::with_capacity(html.len() + room);
    let mut rest = html;
    while let Some(start) = rest.find(MARK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find(MARK) else {
            out.push_str(&rest[start..]);
            return out;
        };
        let token = &after[..end];
        if !token.is_empty() {
            write(token, &mut out);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
