//! What a site needs to know of each of its reports beyond the page: the
//! card on the index (title, date, counts, headline), the sections for
//! search, the figure numbers and the links to check across reports.
//! Gathered while the report is built, so the site never re-reads it.

use std::path::Path;

use crate::error::Diagnostics;
use crate::load::config::Config;
use crate::markdown::context::Context;
use crate::markdown::cross_report::CrossLink;
use crate::markdown::section::{self, RenderedSection};
use crate::model::study::Study;
use crate::render::page::SectionView;

/// Where the site's navigation goes in a report page (the site fills it
/// in once it knows the previous and next reports), marked with
/// [`crate::writers::html::SITE_MARK`].
pub const NAV_PLACEHOLDER: &str = "\u{1}N\u{1}";

/// The study's size, as the index card shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Participants.
    pub participants: usize,
    /// Codes of the codebook.
    pub codes: usize,
    /// Coded segments.
    pub segments: usize,
    /// Every code's label, for search.
    pub code_labels: Vec<String>,
}

impl Counts {
    /// The counts of `study`.
    pub fn of(study: &Study) -> Counts {
        Counts {
            participants: study.participants.len(),
            codes: study.codes.len(),
            segments: study.segments.len(),
            code_labels: study.codes.iter().map(|c| c.label.clone()).collect(),
        }
    }
}

/// What the site keeps of a built report.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// `title` of `report.toml`, as written.
    pub title: String,
    /// `subtitle`, as written.
    pub subtitle: Option<String>,
    /// `authors`.
    pub authors: Vec<String>,
    /// `date` (`YYYY-MM-DD`, already checked).
    pub date: Option<String>,
    /// `tags`.
    pub tags: Vec<String>,
    /// Participants, codes and segments.
    pub counts: Counts,
    /// The rendered `headline`, inline HTML.
    pub headline: Option<String>,
    /// Figure label → number, sorted by label.
    pub figures: Vec<(String, usize)>,
    /// Links and references into other reports.
    pub links: Vec<CrossLink>,
    /// The sections as the page shows them (ids final), for a site's
    /// search; empty for a report built on its own.
    pub sections: Vec<SectionView>,
}

/// The `headline` of `report.toml` as the index card shows it.
#[derive(Debug, Clone, Default)]
pub struct Headline {
    /// Its HTML, without the paragraph around it; empty when it failed.
    pub html: String,
    /// Its problems, pointing into `report.toml`.
    pub problems: Diagnostics,
}

/// Renders the `headline` of `report.toml` with roles, its problems
/// pointing into `report.toml`; `None` when there is none.
pub fn headline(root: &Path, config: &Config, ctx: Context<'_>) -> Option<Headline> {
    let line = config.headline.as_deref()?;
    let path = Path::new("content/report.toml");
    let text = crate::load::read_text(root, path).unwrap_or_default();
    // Where the value is written, so an error in a role points at it;
    // a value with escapes in it is found by its key instead.
    let key = text.find("headline").unwrap_or(0);
    let at = text[key..].find(line).map_or(key, |i| key + i);
    let rendered = section::render_snippet(path, &text, at, line, ctx);
    let mut problems = rendered.problems.clone();
    if needs_report(&rendered) {
        problems.push(
            crate::Diagnostic::error("the headline refers to a figure")
                .at(crate::Location::in_text(path, &text, at, line.len()))
                .help("a headline stands alone on the index page: write a number role such as {share}`participants[…]`, not {ref}"),
        );
        return Some(Headline {
            html: String::new(),
            problems,
        });
    }
    let html = crate::writers::html::blocks(&rendered.blocks);
    let html = html.trim();
    let html = html
        .strip_prefix("<p>")
        .and_then(|h| h.strip_suffix("</p>"))
        .unwrap_or(html)
        .to_string();
    Some(Headline { html, problems })
}

/// Whether `r` holds anything only its report can number or place (a
/// figure, a reference, a heading, a quote, a citation, a placed index),
/// which a line on the site's index cannot show.
fn needs_report(r: &RenderedSection) -> bool {
    let t = &r.trail;
    !(r.figures.is_empty()
        && r.refs.is_empty()
        && r.links.is_empty()
        && r.headings.is_empty()
        && t.quoted.is_empty()
        && t.citations.is_empty()
        && t.quote_indexes.is_empty()
        && t.bibliographies.is_empty())
}
