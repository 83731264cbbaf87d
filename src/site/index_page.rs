//! The site's index page: the site's title and description, the search
//! box, the tags, and one card per report, newest first. Readable and
//! complete without JavaScript: every card is there, each tag links to
//! the list of its reports at the bottom, and the search box, which needs
//! the script, stays hidden until the script shows it.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::escape::html;
use crate::markdown::inline::inline;
use crate::model::date::Date;
use crate::report::Facts;
use crate::slug::slugify;

use super::config::SiteConfig;

/// The index's own style, after the default theme's.
const STYLE: &str = include_str!("index.css");
/// The search and tag filter.
const SCRIPT: &str = include_str!("search.js");

/// The built-in theme's style, which the index shares with the reports.
fn theme_css() -> &'static str {
    crate::render::theme::FILES
        .iter()
        .find(|(name, _)| *name == "style.css")
        .map_or("", |(_, text)| text)
}

/// A report as its card shows it.
pub struct Card<'a> {
    /// Its slug.
    pub slug: &'a str,
    /// What the build gathered.
    pub facts: &'a Facts,
}

/// The policy of the index: the default page's, plus the one inline
/// script, allowed by its hash (no other script can run).
fn policy() -> String {
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()));
    format!(
        "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'; img-src data:; \
         font-src data:; base-uri 'none'; form-action 'none'"
    )
}

/// The whole index page. `cards` are in the order shown; `search` is the
/// index's JSON, already safe inside a script element.
pub fn render(config: &SiteConfig, cards: &[Card<'_>], search: &str) -> String {
    let mut page = String::with_capacity(search.len() + 64 * 1024);
    let title = html(&config.title);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"findings\">\n<meta name=\"color-scheme\" content=\"light dark\">\n\
         {}\n<title>{title}</title>\n",
        html(&config.language),
        crate::render::csp::meta(&policy()),
    );
    if let Some(base) = &config.base_url {
        let base = if base.ends_with('/') {
            base.clone()
        } else {
            format!("{base}/")
        };
        let _ = writeln!(page, "<link rel=\"canonical\" href=\"{}\">", html(&base));
    }
    let _ = write!(
        page,
        "<style>\n{}\n{STYLE}</style>\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n\
         <header class=\"report-header\">\n  <div class=\"report-header-inner\">\n    <p class=\"report-kicker\">Research</p>\n    \
         <h1 class=\"report-title\">{}</h1>\n",
        theme_css(),
        crate::writers::html::phrase(&inline(&config.title, false)),
    );
    if let Some(d) = &config.description {
        let _ = writeln!(
            page,
            "    <p class=\"report-subtitle\">{}</p>",
            crate::writers::html::phrase(&inline(d, false))
        );
    }
    page.push_str("  </div>\n</header>\n<main id=\"main\" class=\"site-index\" tabindex=\"-1\">\n");
    search_box(&mut page);
    let tags = tags(cards);
    tag_list(&mut page, &tags);
    let _ = writeln!(
        page,
        "<h2 class=\"cards-title\">{} report{}</h2>\n<div class=\"cards\">",
        cards.len(),
        if cards.len() == 1 { "" } else { "s" }
    );
    for card in cards {
        push_card(&mut page, card);
    }
    page.push_str("</div>\n");
    by_tag(&mut page, &tags, cards);
    let _ = write!(
        page,
        "</main>\n<footer class=\"report-footer\">\n  <p>Every number on this page is computed from the reports' coded datasets at build time. Built with findings.</p>\n</footer>\n\
         <script type=\"application/json\" id=\"search-data\">{search}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    );
    page
}

fn search_box(page: &mut String) {
    page.push_str(
        "<section id=\"search\" class=\"search\" aria-label=\"Search\" hidden>\n\
         <form id=\"search-form\" role=\"search\">\n<label for=\"search-input\">Search every report: sections, quotes and codes</label>\n\
         <input id=\"search-input\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\">\n</form>\n\
         <p id=\"search-status\" class=\"search-status\" role=\"status\"></p>\n<div id=\"search-results\" class=\"search-results\"></div>\n</section>\n",
    );
}

/// Every tag, by its id, with its label and the slugs of its reports.
fn tags<'a>(cards: &'a [Card<'a>]) -> BTreeMap<String, (&'a str, Vec<usize>)> {
    let mut tags: BTreeMap<String, (&str, Vec<usize>)> = BTreeMap::new();
    for (i, card) in cards.iter().enumerate() {
        for tag in &card.facts.tags {
            let entry = tags
                .entry(slugify(tag))
                .or_insert((tag.as_str(), Vec::new()));
            if !entry.1.contains(&i) {
                entry.1.push(i);
            }
        }
    }
    tags
}

fn tag_list(page: &mut String, tags: &BTreeMap<String, (&str, Vec<usize>)>) {
    if tags.is_empty() {
        return;
    }
    page.push_str(
        "<nav class=\"tags\" aria-label=\"Tags\">\n<h2 class=\"tags-title\">Tags</h2>\n<ul>\n",
    );
    for (id, (label, reports)) in tags {
        let _ = writeln!(
            page,
            "<li><a href=\"#tag-{}\" data-tag=\"{}\">{} <span class=\"tag-count\">{}</span></a></li>",
            html(id),
            html(id),
            html(label),
            reports.len()
        );
    }
    page.push_str("</ul>\n</nav>\n");
}

fn push_card(page: &mut String, card: &Card<'_>) {
    let f = card.facts;
    // A tag written twice (or two spellings of one) shows once.
    let mut tags: Vec<(&str, String)> = Vec::new();
    for tag in &f.tags {
        let id = slugify(tag);
        if !tags.iter().any(|(_, seen)| *seen == id) {
            tags.push((tag, id));
        }
    }
    let ids: Vec<&str> = tags.iter().map(|(_, id)| id.as_str()).collect();
    let href = format!("{}/index.html", card.slug);
    let _ = write!(
        page,
        "<article class=\"card\" id=\"report-{}\" data-tags=\"{}\">\n<h3 class=\"card-title\"><a href=\"{}\">{}</a></h3>\n",
        html(card.slug),
        html(&ids.join("|")),
        html(&href),
        crate::writers::html::phrase(&inline(&f.title, false)),
    );
    if let Some(s) = &f.subtitle {
        let _ = writeln!(
            page,
            "<p class=\"card-subtitle\">{}</p>",
            crate::writers::html::phrase(&inline(s, false))
        );
    }
    let date = f.date.as_deref().and_then(Date::parse);
    if date.is_some() || !f.authors.is_empty() {
        page.push_str("<p class=\"card-meta\">");
        if let Some(d) = date {
            let _ = write!(page, "<time datetime=\"{d}\">{}</time>", d.long_label());
        }
        if !f.authors.is_empty() {
            if date.is_some() {
                page.push_str(" · ");
            }
            let _ = write!(
                page,
                "<span class=\"card-authors\">{}</span>",
                html(&f.authors.join(", "))
            );
        }
        page.push_str("</p>\n");
    }
    if let Some(h) = &f.headline {
        let _ = writeln!(page, "<p class=\"card-headline\">{h}</p>");
    }
    let c = &f.counts;
    let _ = writeln!(
        page,
        "<dl class=\"card-counts\"><div><dt>Participants</dt><dd>{}</dd></div><div><dt>Codes</dt><dd>{}</dd></div><div><dt>Segments</dt><dd>{}</dd></div></dl>",
        c.participants, c.codes, c.segments
    );
    if !f.tags.is_empty() {
        page.push_str("<ul class=\"card-tags\" aria-label=\"Tags\">");
        for (tag, id) in &tags {
            let _ = write!(
                page,
                "<li><a href=\"#tag-{}\">{}</a></li>",
                html(id),
                html(tag)
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</article>\n");
}

/// The reports of each tag, so the tags work without the script.
fn by_tag(page: &mut String, tags: &BTreeMap<String, (&str, Vec<usize>)>, cards: &[Card<'_>]) {
    if tags.is_empty() {
        return;
    }
    page.push_str("<section class=\"by-tag\" aria-labelledby=\"by-tag-title\">\n<h2 id=\"by-tag-title\">Reports by tag</h2>\n");
    for (id, (label, reports)) in tags {
        let _ = write!(
            page,
            "<h3 id=\"tag-{}\">{}</h3>\n<ul>",
            html(id),
            html(label)
        );
        for &i in reports {
            let _ = write!(
                page,
                "<li><a href=\"#report-{}\">{}</a></li>",
                html(cards[i].slug),
                crate::writers::html::phrase(&inline(&cards[i].facts.title, false))
            );
        }
        page.push_str("</ul>\n");
    }
    page.push_str("</section>\n");
}
