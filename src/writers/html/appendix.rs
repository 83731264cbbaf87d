//! The appendices the report adds, as HTML: the body of each (its title
//! and id go to the page's template), and the facts of the build.

use std::fmt::Write;

use crate::document::{Appendix, Block, BuildFacts};
use crate::escape::{html, push_html};

use super::inline_parts::inlines;
use super::{bibliography, quote_index};

/// The body of appendix `a`.
pub fn body(a: &Appendix) -> String {
    let mut out = String::new();
    if !a.intro.is_empty() {
        out.push_str("<p class=\"appendix-intro\">");
        inlines(&a.intro, &mut out);
        out.push_str("</p>\n");
    }
    for block in &a.blocks {
        match block {
            Block::QuoteIndex(entries) => quote_index::list(entries, &mut out),
            Block::Bibliography(b) => bibliography::list(b, &mut out),
            Block::BuildManifest(facts) => manifest(facts, &mut out),
            Block::Html(h) => out.push_str(h),
            // The report adds no appendix of other blocks yet.
            _ => {}
        }
    }
    out
}

/// Writes what the page was built from: a sentence with the counts, how
/// to verify the page, and a table of every input file with its hash.
pub fn manifest(facts: &BuildFacts, out: &mut String) {
    let [sources, participants, codes, segments] = &facts.counts;
    let _ = write!(
        out,
        "<p>Built by findings {} from {} input files: {} sources, {} participants, {} codes and {} coded segments. Every number, chart and quote above was computed from these files at build time.</p>",
        html(&facts.version),
        html(&facts.files),
        html(sources),
        html(participants),
        html(codes),
        html(segments),
    );
    out.push('\n');
    out.push_str("<p>To check that this page still matches its data, run <code>findings verify index.html --project DIR</code> on a copy of the project: it rebuilds the report and names every input that changed since.</p>\n");
    out.push_str("<div class=\"table-wrap\"><table class=\"manifest\"><caption>Input files and their SHA-256</caption><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Bytes</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>");
    for i in &facts.inputs {
        out.push_str("<tr><th scope=\"row\"><code>");
        push_html(out, &i.path);
        out.push_str("</code></th><td>");
        push_html(out, &i.bytes);
        out.push_str("</td><td><code class=\"hash\">");
        push_html(out, &i.sha256);
        out.push_str("</code></td></tr>");
    }
    out.push_str("</tbody></table></div>\n");
}
