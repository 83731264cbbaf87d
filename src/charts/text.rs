//! Text measurement without a font: label widths are estimated from a
//! per-character table for a typical sans-serif, so charts can reserve
//! margins from their longest label and wrap or shorten labels that would
//! otherwise be clipped or overlap. The page picks the real font, so the
//! table errs wide.

/// Chart titles are made where chart data is (`analysis`), and tables
/// head their columns the same way.
pub use crate::analysis::chart_data::capital;

/// Font size of labels and tick text, in viewBox units.
pub const LABEL_SIZE: f64 = 12.0;
/// Font size of small notes (axis titles, the illustrative mark).
pub const SMALL_SIZE: f64 = 11.0;

/// Safety factor over Helvetica-like advance widths: system-ui on Linux is
/// often DejaVu or Noto Sans, which run wider.
const FUDGE: f64 = 1.14;

/// Advance width of `c` in em for a Helvetica-like face.
fn advance(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' | 'I' => 0.24,
        ' ' | 'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '"' => 0.34,
        'm' | 'w' => 0.84,
        'M' | 'W' | '%' | '@' => 0.9,
        'A'..='Z' => 0.68,
        '0'..='9' | 'a'..='z' | '$' | '#' | '?' | '_' | '+' | '=' | '<' | '>' | '~' => 0.56,
        '…' | '—' | '–' => 0.8,
        c if is_wide(c) => 1.0,
        _ => 0.6,
    }
}

/// CJK and other full-width characters take a whole em.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60 | 0x1F300..=0x1FAFF)
}

/// Estimated width of `text` at font size `size`.
pub fn width(text: &str, size: f64) -> f64 {
    text.chars().map(advance).sum::<f64>() * size * FUDGE
}

/// A label fitted into a width.
#[derive(Debug, Clone, PartialEq)]
pub struct Fitted {
    /// The lines to draw.
    pub lines: Vec<String>,
    /// True when words were dropped, so the full text must go in a `<title>`.
    pub shortened: bool,
}

impl Fitted {
    /// The widest line's estimated width.
    pub fn width(&self, size: f64) -> f64 {
        self.lines
            .iter()
            .map(|l| width(l, size))
            .fold(0.0, f64::max)
    }
}

/// Fits `text` into `max_width` on at most `max_lines` lines, wrapping at
/// spaces and ending with an ellipsis when it still does not fit.
pub fn fit(text: &str, max_width: f64, size: f64, max_lines: usize) -> Fitted {
    let text = text.trim();
    if width(text, size) <= max_width || max_lines == 0 {
        return Fitted {
            lines: vec![text.to_string()],
            shortened: false,
        };
    }
    let mut lines: Vec<String> = Vec::new();
    let mut tokens = tokens(text).into_iter().peekable();
    let mut shortened = false;
    while let Some((_, word)) = tokens.next() {
        let last_line = lines.len() + 1 == max_lines;
        let mut line = word.to_string();
        while let Some(&(space, next)) = tokens.peek() {
            let candidate = join(&line, space, next);
            if width(&candidate, size) > max_width {
                break;
            }
            line = candidate;
            tokens.next();
        }
        if last_line {
            // Tokens remain but lines do not: take what fits of the rest.
            for (space, next) in tokens.by_ref() {
                line = join(&line, space, next);
            }
        }
        if width(&line, size) > max_width {
            line = ellipsize(&line, max_width, size);
            shortened = true;
        }
        lines.push(line);
        if last_line {
            break;
        }
    }
    Fitted { lines, shortened }
}

/// Characters a label may break after when it has no space there.
const BREAK_AFTER: [char; 4] = ['_', '/', '\\', '-'];

/// Where a label may break: at spaces, between two full-width (CJK)
/// characters, which are written without spaces, and after the joining
/// characters of [`BREAK_AFTER`]. Each token comes with whether a space
/// stood before it.
fn tokens(text: &str) -> Vec<(bool, &str)> {
    let mut out = Vec::new();
    for word in text.split_whitespace() {
        let mut start = 0;
        let mut space = true;
        for (i, c) in word.char_indices() {
            if is_wide(c) && i > start {
                out.push((space, &word[start..i]));
                space = false;
                start = i;
            }
            let end = i + c.len_utf8();
            // A joined name (`high_school`, `and/or`, `long-term`) may
            // break after its joining character, as the page's tables
            // break it, rather than be cut.
            if is_wide(c) || (BREAK_AFTER.contains(&c) && end < word.len() && i > start) {
                out.push((space, &word[start..end]));
                space = false;
                start = end;
            }
        }
        if start < word.len() {
            out.push((space, &word[start..]));
        }
    }
    if let Some(first) = out.first_mut() {
        first.0 = false;
    }
    out
}

fn join(line: &str, space: bool, next: &str) -> String {
    if space {
        format!("{line} {next}")
    } else {
        format!("{line}{next}")
    }
}

/// Cuts `text` so that it plus "…" fits `max_width`.
pub fn ellipsize(text: &str, max_width: f64, size: f64) -> String {
    let budget = max_width - width("…", size);
    let mut used = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        used += advance(c) * size * FUDGE;
        if used > budget {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_untouched() {
        let f = fit("Deeper crisis", 200.0, LABEL_SIZE, 2);
        assert_eq!(f.lines, vec!["Deeper crisis"]);
        assert!(!f.shortened);
    }

    #[test]
    fn long_text_wraps_then_ellipsizes() {
        let f = fit(
            "Diversification as psychological shield",
            150.0,
            LABEL_SIZE,
            2,
        );
        assert_eq!(f.lines.len(), 2);
        assert!(!f.shortened, "{f:?}");
        let f = fit(
            "Diversification as psychological shield against everything",
            120.0,
            LABEL_SIZE,
            2,
        );
        assert_eq!(f.lines.len(), 2);
        assert!(f.shortened);
        assert!(f.lines[1].ends_with('…'));
        assert!(f.width(LABEL_SIZE) <= 120.0);
    }

    #[test]
    fn text_without_spaces_breaks_between_wide_characters() {
        let label = "🔒 分散型金融の信頼の透明性の監査の責任の規制の問題";
        let f = fit(label, 150.0, LABEL_SIZE, 2);
        assert_eq!(f.lines.len(), 2, "{f:?}");
        // The emoji does not sit alone on the first line.
        assert!(f.lines[0].starts_with("🔒 分散"), "{f:?}");
        assert!(
            f.lines.iter().all(|l| width(l, LABEL_SIZE) <= 150.0),
            "{f:?}"
        );
        // Nothing is lost but what the ellipsis stands for.
        let joined: String = f.lines.concat();
        assert!(joined
            .trim_end_matches('…')
            .chars()
            .all(|c| label.contains(c)));
    }

    #[test]
    fn joined_names_break_after_their_joining_character() {
        let f = fit("restructuring_high_school_curriculum", 150.0, LABEL_SIZE, 2);
        assert_eq!(
            f.lines,
            ["restructuring_high_", "school_curriculum"],
            "{f:?}"
        );
        assert!(!f.shortened);
    }

    #[test]
    fn one_long_word_is_cut() {
        let f = fit("Supercalifragilisticexpialidocious", 60.0, LABEL_SIZE, 2);
        assert_eq!(f.lines.len(), 1);
        assert!(f.shortened && f.lines[0].ends_with('…'));
    }
}
