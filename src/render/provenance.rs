//! The quote index: one entry per quoted segment, with where it comes
//! from, so a reviewer can trace every quote to its evidence.

use crate::document::{CodeNote, Inline, QuoteEntry, SectionNote, SourceNote, Speaker};
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
pub fn entry(study: &Study, i: usize, n: usize, links: &Links<'_>) -> QuoteEntry {
    let s = &study.segments[i];
    let p = study.speaker(i);
    let privacy = &study.privacy;
    let private = |field: &str| {
        privacy
            .private_entry(crate::model::schema::Kind::Segments, "segments", field)
            .is_some()
    };
    let shown = |field: &str, value: &str| {
        (!value.is_empty() && !privacy.participant_field_private(field)).then(|| value.to_string())
    };
    let source = s
        .source
        .as_deref()
        .and_then(|id| study.sources.iter().find(|x| x.id == id));
    let codes = (!s.codes.is_empty() && !private("code")).then(|| {
        study.segment_codes[i]
            .iter()
            .map(|&c| CodeNote {
                label: study.codes[c].label.clone(),
                anchor: links
                    .codebook
                    .get(c)
                    .copied()
                    .unwrap_or(false)
                    .then(|| record_anchor("code", &study.codes[c].id)),
            })
            .collect()
    });
    QuoteEntry {
        anchor: record_anchor("q", &s.id),
        number: n,
        segment_id: s.id.clone(),
        illustrative: s.illustrative.touches(&["text"]),
        text: (!private("text")).then(|| s.text.trim().to_string()),
        participant: Speaker {
            alias: (!privacy.participant_field_private("alias")).then(|| p.alias.clone()),
            role: shown("role", &p.role),
            illustrative: p.illustrative.touches(&["alias", "role"]),
        },
        source: source.map(|src| SourceNote {
            title: src.title.clone(),
            kind: (!src.kind.is_empty()).then(|| src.kind.clone()),
        }),
        position: position(s.start, s.end, source.and_then(|x| x.text.as_deref())),
        date: s.timestamp.clone(),
        codes,
        coders: s.codings.keys().cloned().collect(),
        quoted_in: links
            .quoted_in
            .iter()
            .map(|(id, title)| SectionNote {
                id: id.to_string(),
                title: vec![Inline::Html(title.to_string())],
            })
            .collect(),
    }
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
