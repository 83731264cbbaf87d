//! The quote index as HTML: an ordered list of entries, each the quote and
//! a description list of where it comes from.

use std::fmt::Write;

use crate::document::{QuoteEntry, Speaker};
use crate::escape::{html, push_html};

use super::inline_parts::inlines;

/// Writes the quote index.
pub fn list(entries: &[QuoteEntry], out: &mut String) {
    out.push_str("<ol class=\"quote-index\">\n");
    for e in entries {
        entry(e, out);
    }
    out.push_str("</ol>\n");
}

/// Writes the place `{quote-index}` gives the index, around `list` (the
/// written list, or the placeholder the report fills in).
pub fn placed(list: &str, out: &mut String) {
    out.push_str("<div class=\"quote-index-wrap\">");
    out.push_str(list);
    out.push_str("</div>\n");
}

/// Writes one entry.
pub fn entry(e: &QuoteEntry, out: &mut String) {
    let _ = write!(
        out,
        "<li class=\"quote-entry\" id=\"{}\"><p class=\"quote-entry-head\"><span class=\"quote-number\">Q{}</span> <code>",
        html(&e.anchor),
        e.number
    );
    push_html(out, &e.segment_id);
    out.push_str("</code>");
    if e.illustrative {
        out.push_str(BADGE);
    }
    out.push_str("</p><blockquote><p>\u{201c}");
    if let Some(text) = &e.text {
        push_html(out, text);
    }
    out.push_str("\u{201d}</p></blockquote><dl class=\"provenance\">");
    row(out, "Participant", &speaker(&e.participant));
    if let Some(src) = &e.source {
        let mut value = html(&src.title);
        if let Some(kind) = &src.kind {
            let _ = write!(
                value,
                " <span class=\"quote-source-kind\">({})</span>",
                html(kind)
            );
        }
        row(out, "Source", &value);
    }
    if let Some(position) = &e.position {
        row(out, "Position", &html(position));
    }
    if let Some(date) = &e.date {
        row(out, "Date", &html(date));
    }
    if let Some(codes) = &e.codes {
        let mut value = String::new();
        for (k, c) in codes.iter().enumerate() {
            if k > 0 {
                value.push_str(", ");
            }
            match &c.anchor {
                Some(anchor) => {
                    let _ = write!(
                        value,
                        "<a href=\"#{}\">{}</a>",
                        html(anchor),
                        html(&c.label)
                    );
                }
                None => push_html(&mut value, &c.label),
            }
        }
        row(out, "Codes", &value);
    }
    if !e.coders.is_empty() {
        let coders: Vec<String> = e.coders.iter().map(|c| html(c)).collect();
        let term = if coders.len() == 1 { "Coder" } else { "Coders" };
        row(out, term, &coders.join(", "));
    }
    if !e.quoted_in.is_empty() {
        let mut places = String::new();
        for (k, s) in e.quoted_in.iter().enumerate() {
            if k > 0 {
                places.push_str(", ");
            }
            let _ = write!(places, "<a href=\"#{}\">", html(&s.id));
            inlines(&s.title, &mut places);
            places.push_str("</a>");
        }
        row(out, "Quoted in", &places);
    }
    out.push_str("</dl></li>\n");
}

const BADGE: &str = " <span class=\"badge\">Illustrative</span>";

/// One term of the provenance list; `value` is HTML.
fn row(out: &mut String, term: &str, value: &str) {
    let _ = write!(out, "<div><dt>{term}</dt><dd>{value}</dd></div>");
}

fn speaker(p: &Speaker) -> String {
    let mut out = match &p.alias {
        Some(alias) => html(alias),
        None => "A participant".to_string(),
    };
    if let Some(role) = &p.role {
        out.push_str(", ");
        push_html(&mut out, role);
    }
    if p.illustrative {
        out.push_str(BADGE);
    }
    out
}
