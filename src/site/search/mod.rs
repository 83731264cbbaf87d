//! The site's offline search: a compact index of every report's section
//! text, quotes and code labels, embedded in the index page as inert JSON
//! and queried by a small inline script as the reader types.
//!
//! Compact, because a site of 200 reports must stay under 2 MB: words are
//! folded (lower case, diacritics dropped, so "oltas" finds "oltás") and
//! kept once in a dictionary; each piece lists the dictionary positions
//! of its distinct words, ascending, as base-36 gaps; only a short
//! excerpt of each piece is kept for showing.

pub mod extract;

use std::collections::HashSet;

use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;

use extract::{Kind, Piece};

/// Characters of a quote shown under its result.
const QUOTE_CHARS: usize = 90;
/// Characters of prose shown under its result (the title says more).
const TEXT_CHARS: usize = 50;

/// One report's searchable pieces.
#[derive(Debug, Clone)]
pub struct ReportPieces {
    /// Its slug (its page is `<slug>/index.html`).
    pub slug: String,
    /// Its title, plain text.
    pub title: String,
    /// Its pieces.
    pub pieces: Vec<Piece>,
}

/// `text` folded for matching: canonical decomposition with the combining
/// marks dropped, then lower case. The script folds queries the same way
/// (`normalize("NFD")`, marks U+0300–U+036F, `toLowerCase`).
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The distinct folded words of `text`, sorted: runs of letters and
/// digits, leaving out single ASCII characters ("a", "I", the "7" of
/// 66.7 %), which no one searches for and every piece has.
pub fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 1 || !w.is_ascii() && !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// The words a piece is found by: a quote's own, a section's or
/// heading's with its title.
fn piece_words(p: &Piece) -> Vec<String> {
    match p.kind {
        Kind::Quote => words(&p.text),
        _ => words(&format!("{} {}", p.title, p.text)),
    }
}

/// The index as JSON text, safe inside `<script type="application/json">`:
/// `{"w": [words], "r": [[slug, title, [pieces]]]}`, each piece one of
///
/// - `["s", anchor, title, excerpt, words]`: a section;
/// - `["h", anchor, title, excerpt, words]`: a heading of the last section;
/// - `["q", excerpt, words]`: a quote, found at the last section or heading
///   (`["q", excerpt, words, anchor]` when the quote has an id of its own);
/// - `["c", label, words]`: a code,
///
/// `words` being the dictionary positions of the piece's words (see
/// [`positions`]). Quotes and headings lean on the piece before them
/// rather than repeat its anchor and title: that alone is a fifth of the
/// index. Written directly rather than through a `serde_json::Value`,
/// which for 200 reports was most of the time a site took to build.
pub fn index_json(reports: &[ReportPieces]) -> String {
    // Folding and splitting is the bulk of the work: report by report,
    // in parallel.
    let found: Vec<Vec<Vec<String>>> = reports
        .par_iter()
        .map(|r| r.pieces.iter().map(piece_words).collect())
        .collect();
    let distinct: HashSet<&str> = found
        .par_iter()
        .fold(HashSet::new, |mut set, report| {
            set.extend(report.iter().flatten().map(String::as_str));
            set
        })
        .reduce(HashSet::new, |mut a, b| {
            a.extend(b);
            a
        });
    let mut dictionary: Vec<&str> = distinct.into_iter().collect();
    dictionary.sort_unstable();
    let listed: Vec<String> = reports
        .par_iter()
        .zip(&found)
        .map(|(r, found)| report_json(r, found, &dictionary))
        .collect();
    let mut out = String::with_capacity(
        dictionary.len() * 10 + listed.iter().map(String::len).sum::<usize>() + 16,
    );
    out.push_str("{\"w\":[");
    for (i, w) in dictionary.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        string(&mut out, w);
    }
    out.push_str("],\"r\":[");
    out.push_str(&listed.join(","));
    out.push_str("]}");
    // `<` only occurs inside strings, where \u003c means the same: no
    // `</script>` or `<!--` can end or bend the element.
    out.replace('<', "\\u003c")
}

/// One report's entry: `[slug, title, [pieces]]`, its pieces' words
/// (`found`) given by their positions in `dictionary`.
fn report_json(r: &ReportPieces, found: &[Vec<String>], dictionary: &[&str]) -> String {
    let mut out = String::with_capacity(16 * 1024);
    out.push('[');
    string(&mut out, &r.slug);
    out.push(',');
    string(&mut out, &r.title);
    out.push_str(",[");
    let mut place = "";
    for (pi, (p, w)) in r.pieces.iter().zip(found).enumerate() {
        if pi > 0 {
            out.push(',');
        }
        // Both lists are sorted the same way, so positions ascend.
        let at: Vec<usize> = w
            .iter()
            .filter_map(|w| dictionary.binary_search(&w.as_str()).ok())
            .collect();
        out.push('[');
        let kind = match p.kind {
            Kind::Section => "s",
            Kind::Heading => "h",
            Kind::Quote => "q",
            Kind::Code => "c",
        };
        string(&mut out, kind);
        out.push(',');
        match p.kind {
            Kind::Section | Kind::Heading => {
                for f in [&p.anchor, &p.title, &excerpt(&p.text, TEXT_CHARS)] {
                    string(&mut out, f);
                    out.push(',');
                }
            }
            Kind::Quote => {
                string(&mut out, &excerpt(&p.text, QUOTE_CHARS));
                out.push(',');
            }
            Kind::Code => {
                string(&mut out, &p.title);
                out.push(',');
            }
        }
        out.push('"');
        out.push_str(&positions(&at));
        out.push('"');
        match p.kind {
            Kind::Section | Kind::Heading => place = &p.anchor,
            // A quote with an id of its own links there.
            Kind::Quote if p.anchor != *place => {
                out.push(',');
                string(&mut out, &p.anchor);
            }
            _ => {}
        }
        out.push(']');
    }
    out.push_str("]]");
    out
}

/// Appends `s` as a JSON string (serializing a `str` cannot fail).
fn string(out: &mut String, s: &str) {
    if let Ok(json) = serde_json::to_string(s) {
        out.push_str(&json);
    }
}

/// Digits that another digit follows, and digits that end a number.
const MORE: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const LAST: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";

/// Ascending positions as the gaps between them, each gap in base 32,
/// most significant digit first, its last digit taken from [`LAST`] so
/// that no separator is needed: gaps under 32 take one character, under
/// 1,024 two. `[3, 13, 14]` → gaps 3, 10, 1 → "DKB".
fn positions(at: &[usize]) -> String {
    let mut out = String::with_capacity(at.len() * 2);
    let mut last = 0;
    for &p in at {
        let mut gap = p - last;
        last = p;
        let mut digits = vec![LAST[gap % 32]];
        gap /= 32;
        while gap > 0 {
            digits.push(MORE[gap % 32]);
            gap /= 32;
        }
        out.extend(digits.iter().rev().map(|&d| d as char));
    }
    out
}

/// The first words of `text`, at most `chars` characters, cut at a word end.
fn excerpt(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    let cut: String = text.chars().take(chars).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Oltás ÉS Ünnep"), "oltas es unnep");
        let w: Vec<String> = words("Trust & trust, a fear-2 of 42 é")
            .into_iter()
            .collect();
        assert_eq!(w, ["42", "fear", "of", "trust"]);
    }

    #[test]
    fn positions_are_base32_gaps_ending_in_a_capital() {
        // Gaps 3, 10, 1: one digit each, from LAST.
        assert_eq!(positions(&[3, 13, 14]), "DKB");
        // 40 = 1 × 32 + 8: "1" (more follows), then "I" (8, last).
        assert_eq!(positions(&[40]), "1I");
        // 0, then 1,024 = 1 × 32² + 0 × 32 + 0.
        assert_eq!(positions(&[0, 1024]), "A10A");
        assert_eq!(positions(&[]), "");
    }

    #[test]
    fn the_index_lists_words_once_and_is_inert() {
        let reports = [ReportPieces {
            slug: "a".into(),
            title: "A".into(),
            pieces: vec![
                Piece {
                    kind: Kind::Section,
                    anchor: "s".into(),
                    title: "Trust".into(),
                    text: "Oltás".into(),
                },
                Piece {
                    kind: Kind::Quote,
                    anchor: "s".into(),
                    title: "Trust".into(),
                    text: "Oltás </script> oltas".into(),
                },
                Piece {
                    kind: Kind::Quote,
                    anchor: "quote-f2".into(),
                    title: "Trust".into(),
                    text: "trust".into(),
                },
            ],
        }];
        let json = index_json(&reports);
        assert!(!json.contains('<'), "{json}");
        // Words: oltas (0), script (1), trust (2). The section has 0 and 2
        // (gaps 0, 2: "AC"); the quote 0 and 1 (gaps 0, 1: "AB"); the
        // quote with an id of its own 2 ("C"), and its id.
        assert_eq!(
            json,
            r#"{"w":["oltas","script","trust"],"r":[["a","A",[["s","s","Trust","Oltás","AC"],["q","Oltás \u003c/script> oltas","AB"],["q","trust","C","quote-f2"]]]]}"#
        );
    }
}
