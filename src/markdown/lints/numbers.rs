//! Hand-typed numbers: a percentage or an "N of M" written as text that
//! equals a figure the data gives. Typed, it drifts from the data the day
//! a segment is recoded; a role computes it at every build.

use std::sync::OnceLock;

use regex::Regex;

pub use crate::analysis::figures::Figure;

fn percent() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"([0-9]{1,3}(?:[.,][0-9]+)?)[ \t]?(?:%|percent(?-u:\b)|per cent(?-u:\b))")
            .expect("valid pattern")
    })
}

fn fraction() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?-u:\b)([0-9]+)[ \t\n]+(?:of|out of)[ \t\n]+([0-9]+)(?-u:\b)")
            .expect("valid pattern")
    })
}

/// The hand-typed numbers in `text` that a figure gives: each as its byte
/// offset in `text`, its length, and the role to write instead.
pub fn hand_typed_numbers(text: &str, figures: &[Figure]) -> Vec<(usize, usize, String, String)> {
    let mut found = Vec::new();
    for m in percent().captures_iter(text) {
        let whole = m.get(0).expect("a match has group 0");
        let number = &m[1];
        let decimals = number.split(['.', ',']).nth(1).map_or(0, str::len) as i32;
        let Ok(typed) = number.replace(',', ".").parse::<f64>() else {
            continue;
        };
        // 0% and 100% are said of anything; they prove nothing typed.
        if typed <= 0.0 || typed >= 100.0 {
            continue;
        }
        // Equal when the typed number is the figure rounded as written,
        // nearly equal within a tenth of a point (a rounding slip).
        let tolerance = (0.5 * 10f64.powi(-decimals)).max(0.1) + 1e-9;
        push_hit(&mut found, whole, "share", figures, |f| {
            f.total > 0 && (100.0 * f.count as f64 / f.total as f64 - typed).abs() <= tolerance
        });
    }
    for m in fraction().captures_iter(text) {
        let whole = m.get(0).expect("a match has group 0");
        let (Ok(count), Ok(total)) = (m[1].parse::<u64>(), m[2].parse::<u64>()) else {
            continue;
        };
        push_hit(&mut found, whole, "fraction", figures, |f| {
            f.count == count && f.total == total && count > 0 && count < total
        });
    }
    found.sort_by_key(|f| f.0);
    found
}

/// A hit: the typed text `whole` when some figure `gives` it, with the
/// `role` that computes it.
fn push_hit(
    found: &mut Vec<(usize, usize, String, String)>,
    whole: regex::Match<'_>,
    role: &str,
    figures: &[Figure],
    gives: impl Fn(&Figure) -> bool,
) {
    let matching: Vec<&Figure> = figures.iter().filter(|f| gives(f)).collect();
    if !matching.is_empty() {
        found.push((
            whole.start(),
            whole.len(),
            whole.as_str().to_string(),
            roles(role, &matching),
        ));
    }
}

/// The role to write, and up to two others that give the same number
/// (which one the author meant only the author knows).
fn roles(role: &str, matching: &[&Figure]) -> String {
    let mut out = format!("{{{role}}}`{}`", matching[0].selection);
    let others: Vec<String> = matching[1..]
        .iter()
        .take(2)
        .map(|f| format!("{{{role}}}`{}`", f.selection))
        .collect();
    if !others.is_empty() {
        out.push_str(&format!(" (or {})", others.join(", or ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seven_of_nine() -> Vec<Figure> {
        vec![Figure {
            count: 7,
            total: 9,
            selection: "participants[stance=deeper-crisis]".into(),
        }]
    }

    #[test]
    fn finds_typed_shares_and_fractions() {
        // 7 / 9 = 77.777…%: "77.8%" and "78%" are its roundings, "77.6%"
        // is within a tenth of a point.
        let f = seven_of_nine();
        for typed in ["77.8%", "78%", "77.7 %", "77.8 percent", "77,8%"] {
            let hits = hand_typed_numbers(&format!("a {typed} majority"), &f);
            assert_eq!(hits.len(), 1, "{typed}");
            assert_eq!(hits[0].3, "{share}`participants[stance=deeper-crisis]`");
        }
        let hits = hand_typed_numbers("7 of 9 participants", &f);
        assert_eq!(hits[0].3, "{fraction}`participants[stance=deeper-crisis]`");
        assert_eq!((hits[0].0, hits[0].1), (0, 6));
    }

    #[test]
    fn leaves_other_numbers_alone() {
        let f = seven_of_nine();
        for text in ["77.5%", "76%", "100%", "8 of 9", "a $128M loss", "in 2025"] {
            assert!(hand_typed_numbers(text, &f).is_empty(), "{text}");
        }
    }
}
