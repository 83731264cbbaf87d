//! Phone numbers in a quote, told apart from the other long numbers
//! research text is full of: DOIs, ISBNs, ORCIDs, dates, times, version
//! numbers, year ranges and amounts. Those are masked first; what is left
//! is a phone number when its digits and its shape say so (a `+`, `00`,
//! `(`, or trunk `0` in front, or ten digits or more in groups).

use std::sync::OnceLock;

use regex::Regex;

/// Every pattern that is not a phone number although it is digits and
/// separators. ASCII classes only, as in the other lints (compile time).
fn masks() -> &'static [Regex] {
    static MASKS: OnceLock<Vec<Regex>> = OnceLock::new();
    MASKS.get_or_init(|| {
        [
            // DOI: 10.NNNN/anything up to a space.
            r"10\.[0-9]{4,9}/[^\s]+",
            // ISBN with its label, 10 or 13 digits.
            r"(?i)isbn(-1[03])?:?\s*[0-9][0-9 -]{8,16}[0-9x]",
            // ORCID.
            r"[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]",
            // Times: 14:30, 14:30:15.
            r"[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?",
            // Versions: v1.2.3, 2.17.0 (three dotted parts).
            r"[vV][0-9]+(\.[0-9]+)+",
            r"[0-9]{1,4}\.[0-9]{1,4}\.[0-9]{1,4}",
            // Dates: 2025-11-03, 2025/11/03, 03/11/2025, 3.11.2025, 03-11-25.
            r"[0-9]{4}[-/.][0-9]{1,2}[-/.][0-9]{1,2}",
            r"[0-9]{1,2}[-/.][0-9]{1,2}[-/.]([0-9]{4}|[0-9]{2})",
        ]
        .iter()
        .map(|re| Regex::new(re).expect("the phone masks are valid"))
        .collect()
    })
}

/// Digits with the separators phone numbers are written with.
fn candidates() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"[+(]?[0-9][0-9 ()./-]*[0-9]").expect("the phone pattern is valid")
    })
}

/// The first phone number in `text`, as written.
pub fn find(text: &str) -> Option<&str> {
    let mut masked = text.as_bytes().to_vec();
    for re in masks() {
        for m in re.find_iter(text) {
            // A mask inside a longer number (a phone written with dots or
            // dashes) is part of that number, not a date or a version.
            if continues(text, m.start(), m.end()) {
                continue;
            }
            masked[m.start()..m.end()].fill(b'x');
        }
    }
    // Only ASCII bytes were replaced, by ASCII: still UTF-8.
    let masked = String::from_utf8(masked).ok()?;
    candidates()
        .find_iter(&masked)
        .filter(|m| bounded(&masked, m.start(), m.end()))
        .map(|m| &text[m.start()..m.end()])
        .find(|c| is_phone(c))
}

/// Whether `start..end` of `text` is digits running on, before or after,
/// through a separator (`06.30.123.4567` holds `06.30.12`).
fn continues(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let sep = |c: u8| matches!(c, b'-' | b'.' | b'/');
    let after = end + 1 < b.len() && sep(b[end]) && b[end + 1].is_ascii_digit();
    let before = start >= 2 && sep(b[start - 1]) && b[start - 2].is_ascii_digit();
    let touching =
        (end < b.len() && b[end].is_ascii_digit()) || (start > 0 && b[start - 1].is_ascii_digit());
    after || before || touching
}

/// A candidate stands on its own: not inside a word, a decimal, a path
/// or a masked number.
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let before = start
        .checked_sub(1)
        .map(|i| b[i])
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'/' | b'@'));
    let after = b
        .get(end)
        .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_');
    !before && !after
}

/// Whether a run of digits and separators reads as a phone number.
fn is_phone(c: &str) -> bool {
    let digits: Vec<u32> = c.chars().filter_map(|ch| ch.to_digit(10)).collect();
    let n = digits.len();
    // E.164 allows at most 15 digits; fewer than 8 is a local extension
    // or an ordinary number.
    if !(8..=15).contains(&n) {
        return false;
    }
    let groups: Vec<&str> = c
        .split(|ch: char| !ch.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let international = c.starts_with('+') || c.starts_with("00") || c.starts_with('(');
    if isbn13(&digits) || isbn10(&digits, &groups) {
        return false;
    }
    // One dot between two runs of digits is a decimal: p = 0.000123456.
    let decimal = groups.len() == 2 && c.chars().filter(|ch| !ch.is_ascii_digit()).eq(['.']);
    if !international && (decimal || thousands(c, &groups) || years(&groups)) {
        return false;
    }
    international || (c.starts_with('0') && n >= 9) || (n >= 10 && groups.len() >= 2)
}

/// 978/979 and a valid ISBN-13 check digit.
fn isbn13(d: &[u32]) -> bool {
    d.len() == 13
        && d[..2] == [9, 7]
        && matches!(d[2], 8 | 9)
        && d.iter()
            .enumerate()
            .map(|(i, &x)| if i % 2 == 0 { x } else { 3 * x })
            .sum::<u32>()
            % 10
            == 0
}

/// Four groups of ten digits with a valid ISBN-10 check digit.
fn isbn10(d: &[u32], groups: &[&str]) -> bool {
    d.len() == 10
        && groups.len() == 4
        && d.iter()
            .enumerate()
            .map(|(i, &x)| (10 - i as u32) * x)
            .sum::<u32>()
            % 11
            == 0
}

/// An amount grouped in thousands: `12 345 678`, `12.345.678`.
fn thousands(c: &str, groups: &[&str]) -> bool {
    let seps: Vec<char> = c.chars().filter(|ch| !ch.is_ascii_digit()).collect();
    groups.len() >= 3
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3)
        && seps.windows(2).all(|w| w[0] == w[1])
        && seps.first().is_some_and(|&s| s == ' ' || s == '.')
}

/// Years in a row: `2019-2020-2021`.
fn years(groups: &[&str]) -> bool {
    groups
        .iter()
        .all(|g| g.len() == 4 && (g.starts_with("19") || g.starts_with("20")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text and whether it holds a phone number.
    const CASES: &[(&str, bool)] = &[
        // Phone numbers in international and national formats.
        ("call +36 1 234 5678 today", true),
        ("+44 20 7946 0958", true),
        ("ring (555) 123-4567.", true),
        ("+1-202-555-0143", true),
        ("my mobile is 06 30 123 4567", true),
        ("+81 3-1234-5678", true),
        ("0049 30 1234567", true),
        ("020 7946 0958", true),
        ("call 555-123-4567.", true),
        ("01.23.45.67.89", true),
        ("on 2025-11-03 call +36 1 234 5678", true),
        // DOIs, ISBNs, ORCIDs.
        ("doi:10.1080/07391102.2020.1796799", false),
        ("https://doi.org/10.1080/07391102.2020.1796799", false),
        ("ISBN 978-3-16-148410-0", false),
        ("see 978-3-16-148410-0", false),
        ("ISBN 0-306-40615-2", false),
        ("ISBN-13: 9783161484100", false),
        ("ORCID 0000-0002-1825-0097", false),
        ("https://orcid.org/0000-0002-1825-0097", false),
        // Dates and times.
        ("on 2025-11-03", false),
        ("on 03/11/2025", false),
        ("on 3.11.2025", false),
        ("2025-11-03 14:30", false),
        ("03/11/2025 12:30:15", false),
        ("from 2019-2020 to 2021-2022", false),
        // Version numbers and amounts.
        ("v1.2.3", false),
        ("upgraded to 2.17.0 then 10.4.12", false),
        ("a budget of 12 345 678 euros", false),
        ("p = 0.00012345678", false),
        ("logged at 1762128000", false),
        ("+36 (1) 234-5678", true),
        (
            "We lost $128M on 3 November 2025, about 10x-1000x returns.",
            false,
        ),
        ("Version 2.0.1 shipped in 2024; 77.8% agreed.", false),
    ];

    #[test]
    fn tells_phone_numbers_from_other_numbers() {
        let wrong: Vec<String> = CASES
            .iter()
            .filter(|(text, phone)| find(text).is_some() != *phone)
            .map(|(text, phone)| {
                format!("{text:?}: expected phone={phone}, found {:?}", find(text))
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn gives_the_number_as_written() {
        assert_eq!(
            find("call +44 20 7946 0958 today"),
            Some("+44 20 7946 0958")
        );
        assert_eq!(find("ring (555) 123-4567."), Some("(555) 123-4567"));
    }
}
