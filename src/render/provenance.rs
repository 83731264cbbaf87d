//! The quote index: one entry per quoted segment, with where it comes
//! from, so a reviewer can trace every quote to its evidence.

use std::fmt::Write;

use crate::escape::{html, push_html};
use crate::model::study::Study;
use crate::slug::record_anchor;

/// What an entry links to beyond the segment itself.
pub struct Links<'a> {
    /// Codes whose codebook entry is on the page.
    pub codebook: &'a [bool],
    /// `(section id, title HTML)` of each section quoting the segment.
    pub quoted_in: Vec<(&'a str, &'a str)>,
}

/// The entry of segment `i`, number `n` (`Q n`).
pub fn entry(study: &Study, i: usize, n: usize, links: &Links<'_>, out: &mut String) {
    let s = &study.segments[i];
    let p = study.speaker(i);
    let privacy = &study.privacy;
    let illustrative = s.illustrative.touches(&["text"]);
    let _ = write!(
        out,
        "<li class=\"quote-entry\" id=\"{}\"><p class=\"quote-entry-head\"><span class=\"quote-number\">Q{n}</span> <code>",
        html(&record_anchor("q", &s.id))
    );
    push_html(out, &s.id);
    out.push_str("</code>");
    if illustrative {
        out.push_str(" <span class=\"badge\">Illustrative</span>");
    }
    out.push_str("</p><blockquote><p>\u{201c}");
    if privacy
        .private_entry(crate::model::schema::Kind::Segments, "segments", "text")
        .is_none()
    {
        push_html(out, s.text.trim());
    }
    out.push_str("\u{201d}</p></blockquote><dl class=\"provenance\">");
    let row = |out: &mut String, term: &str, value: &str| {
        let _ = write!(out, "<div><dt>{term}</dt><dd>{value}</dd></div>");
    };
    let alias = if privacy.participant_field_private("alias") {
        "A participant".to_string()
    } else {
        html(&p.alias)
    };
    let role = if !p.role.is_empty() && !privacy.participant_field_private("role") {
        format!(", {}", html(&p.role))
    } else {
        String::new()
    };
    let made_up = if p.illustrative.touches(&["alias", "role"]) {
        " <span class=\"badge\">Illustrative</span>"
    } else {
        ""
    };
    row(out, "Participant", &format!("{alias}{role}{made_up}"));
    let source = s
        .source
        .as_deref()
        .and_then(|id| study.sources.iter().find(|x| x.id == id));
    if let Some(src) = source {
        let kind = if src.kind.is_empty() {
            String::new()
        } else {
            format!(
                " <span class=\"quote-source-kind\">({})</span>",
                html(&src.kind)
            )
        };
        row(out, "Source", &format!("{}{kind}", html(&src.title)));
    }
    if let Some(position) = position(s.start, s.end, source.and_then(|x| x.text.as_deref())) {
        row(out, "Position", &position);
    }
    if let Some(date) = &s.timestamp {
        row(out, "Date", &html(date));
    }
    if !s.codes.is_empty()
        && privacy
            .private_entry(crate::model::schema::Kind::Segments, "segments", "code")
            .is_none()
    {
        let mut codes = String::new();
        for (k, &c) in study.segment_codes[i].iter().enumerate() {
            if k > 0 {
                codes.push_str(", ");
            }
            let label = html(&study.codes[c].label);
            if links.codebook.get(c).copied().unwrap_or(false) {
                let _ = write!(
                    codes,
                    "<a href=\"#{}\">{label}</a>",
                    html(&record_anchor("code", &study.codes[c].id))
                );
            } else {
                codes.push_str(&label);
            }
        }
        row(out, "Codes", &codes);
    }
    if !s.codings.is_empty() {
        let coders: Vec<String> = s.codings.keys().map(|c| html(c)).collect();
        row(
            out,
            if coders.len() == 1 { "Coder" } else { "Coders" },
            &coders.join(", "),
        );
    }
    if !links.quoted_in.is_empty() {
        let places: Vec<String> = links
            .quoted_in
            .iter()
            .map(|(id, title)| format!("<a href=\"#{}\">{title}</a>", html(id)))
            .collect();
        row(out, "Quoted in", &places.join(", "));
    }
    out.push_str("</dl></li>\n");
}

/// Where the segment sits: lines of its source's text when the source
/// has text, else the code-point range the data gives.
pub fn position(start: Option<u64>, end: Option<u64>, text: Option<&str>) -> Option<String> {
    let (start, end) = (start?, end?);
    match text {
        Some(text) => {
            let (mut line, mut first, mut last) = (1u64, None, None);
            for (k, c) in text.chars().enumerate() {
                let k = k as u64;
                if k == start {
                    first = Some(line);
                }
                if k + 1 == end.max(start + 1) {
                    last = Some(line);
                    break;
                }
                if c == '\n' {
                    line += 1;
                }
            }
            match (first, last) {
                (Some(a), Some(b)) if a == b => Some(format!("line {a} of the source text")),
                (Some(a), Some(b)) => Some(format!("lines {a}\u{2013}{b} of the source text")),
                _ => Some(format!("characters {start}\u{2013}{end}")),
            }
        }
        None => Some(format!("characters {start}\u{2013}{end}")),
    }
}

#[cfg(test)]
mod tests {
    use super::position;

    #[test]
    fn positions_are_lines_of_the_source() {
        let text = "one\r\ntwo 👍\nthree\n";
        // "two" starts at code point 5 ("one\r\n" is five).
        assert_eq!(
            position(Some(5), Some(8), Some(text)).unwrap(),
            "line 2 of the source text"
        );
        assert_eq!(
            position(Some(0), Some(12), Some(text)).unwrap(),
            "lines 1\u{2013}3 of the source text"
        );
        assert_eq!(
            position(Some(3), Some(9), None).unwrap(),
            "characters 3\u{2013}9"
        );
        assert_eq!(position(None, Some(9), None), None);
    }
}
