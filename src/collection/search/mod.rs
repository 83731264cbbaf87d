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

use std::collections::{BTreeSet, HashMap};

use serde_json::{json, Value};
use unicode_normalization::UnicodeNormalization;

use extract::{Kind, Piece};

/// Characters of a piece's text shown under its result.
const EXCERPT_CHARS: usize = 140;

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
    text.nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The distinct folded words of `text`: runs of letters and digits.
pub fn words(text: &str) -> BTreeSet<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// The index as JSON text, safe inside `<script type="application/json">`:
/// `{"w": [words], "r": [[slug, title]], "d": [[report, kind, anchor,
/// title, excerpt, positions]]}`, kind being `t` (text), `q` (quote) or
/// `c` (code).
pub fn index_json(reports: &[ReportPieces]) -> String {
    let mut dictionary: BTreeSet<String> = BTreeSet::new();
    let mut piece_words = Vec::new();
    for r in reports {
        for p in &r.pieces {
            let w = words(&format!("{} {}", p.title, p.text));
            dictionary.extend(w.iter().cloned());
            piece_words.push(w);
        }
    }
    let position: HashMap<&str, usize> = dictionary
        .iter()
        .enumerate()
        .map(|(i, w)| (w.as_str(), i))
        .collect();
    let mut docs = Vec::new();
    let mut each = piece_words.iter();
    for (ri, r) in reports.iter().enumerate() {
        for p in &r.pieces {
            let w = each.next().map(|w| {
                let mut at: Vec<usize> = w.iter().map(|w| position[w.as_str()]).collect();
                at.sort_unstable();
                gaps(&at)
            });
            let kind = match p.kind {
                Kind::Text => "t",
                Kind::Quote => "q",
                Kind::Code => "c",
            };
            docs.push(json!([ri, kind, p.anchor, p.title, excerpt(&p.text), w]));
        }
    }
    let value = json!({
        "w": dictionary.into_iter().collect::<Vec<_>>(),
        "r": reports.iter().map(|r| json!([r.slug, r.title])).collect::<Vec<Value>>(),
        "d": docs,
    });
    // `<` only occurs inside strings, where \u003c means the same: no
    // `</script>` or `<!--` can end or bend the element.
    value.to_string().replace('<', "\\u003c")
}

/// Ascending positions as base-36 gaps joined by `.`: "3.a.1" is 3, 13, 14.
fn gaps(at: &[usize]) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (i, &p) in at.iter().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push_str(&base36(p - last));
        last = p;
    }
    out
}

fn base36(mut n: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut digits = Vec::new();
    loop {
        digits.push(DIGITS[n % 36]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

/// The first words of `text`, cut at a word end.
fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXCERPT_CHARS).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Oltás ÉS Ünnep"), "oltas es unnep");
        let w: Vec<String> = words("Trust & trust, fear-2").into_iter().collect();
        assert_eq!(w, ["2", "fear", "trust"]);
    }

    #[test]
    fn positions_are_base36_gaps() {
        assert_eq!(gaps(&[3, 13, 14]), "3.a.1");
        assert_eq!(gaps(&[40]), "14");
        assert_eq!(gaps(&[]), "");
    }

    #[test]
    fn the_index_lists_words_once_and_is_inert() {
        let reports = [ReportPieces {
            slug: "a".into(),
            title: "A".into(),
            pieces: vec![Piece {
                kind: Kind::Quote,
                anchor: "s".into(),
                title: "S".into(),
                text: "Oltás </script> oltas".into(),
            }],
        }];
        let json = index_json(&reports);
        assert!(!json.contains('<'), "{json}");
        // Words: oltas (0), s (1), script (2); the piece has all three.
        assert_eq!(
            json,
            r#"{"w":["oltas","s","script"],"r":[["a","A"]],"d":[[0,"q","s","S","Oltás \u003c/script> oltas","0.1.1"]]}"#
        );
    }
}
