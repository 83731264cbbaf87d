//! Characters no font has. PDF/UA-1 forbids the empty box a PDF would
//! show for each, so each is replaced by a mark (U+FFFD or a square) and
//! named in a warning with its script, the character and the section it
//! is in, and how to add a font that has it.

use std::collections::{BTreeMap, BTreeSet};

use unicode_script::UnicodeScript;

use crate::error::Diagnostic;

use super::fonts::Fonts;

/// Characters that are never drawn themselves: joiners, variation
/// selectors, soft hyphens, bidi marks. No font needs to "have" them.
fn invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E0000}'..='\u{E01EF}')
}

/// Whether `text` has a visible character no font in `fonts` has (ASCII
/// aside: every bundled text font has it).
pub fn lacks(text: &str, fonts: &Fonts) -> bool {
    text.chars()
        .any(|c| !c.is_ascii() && !invisible(c) && !fonts.covers(c))
}

/// `text` with every character of `missing` replaced by a mark some font
/// has (a question mark at worst: it means nothing in markup or strings).
pub fn replace(text: &str, missing: &BTreeSet<char>, fonts: &Fonts) -> String {
    let mark = ['\u{FFFD}', '\u{25A1}']
        .into_iter()
        .find(|c| fonts.covers(*c))
        .unwrap_or('?');
    text.chars()
        .map(|c| if missing.contains(&c) { mark } else { c })
        .collect()
}

/// The warnings for the characters of `source` no font in `fonts` has,
/// one per script, and those characters; `places` (offset, section id)
/// says where each is.
pub fn missing(
    source: &str,
    places: &[(usize, String)],
    fonts: &Fonts,
) -> (Vec<Diagnostic>, BTreeSet<char>) {
    // Script → character → the sections it is in.
    let mut found: BTreeMap<String, BTreeMap<char, Vec<String>>> = BTreeMap::new();
    let mut known: BTreeMap<char, bool> = BTreeMap::new();
    for (offset, c) in source.char_indices() {
        if c.is_ascii() || invisible(c) {
            continue;
        }
        if *known.entry(c).or_insert_with(|| fonts.covers(c)) {
            continue;
        }
        let section = places
            .iter()
            .take_while(|(start, _)| *start <= offset)
            .last()
            .map_or("the title block", |(_, id)| id.as_str())
            .to_string();
        let sections = found
            .entry(c.script().full_name().to_string())
            .or_default()
            .entry(c)
            .or_default();
        if !sections.contains(&section) {
            sections.push(section);
        }
    }
    let all = found.values().flat_map(|m| m.keys().copied()).collect();
    let warnings = found
        .into_iter()
        .map(|(script, chars)| {
            let mut sections: Vec<&str> = Vec::new();
            for s in chars.values().flatten() {
                if !sections.contains(&s.as_str()) {
                    sections.push(s);
                }
            }
            let list: Vec<String> = chars
                .keys()
                .take(8)
                .map(|c| format!("{c} (U+{:04X})", *c as u32))
                .collect();
            let more = chars.len().saturating_sub(8);
            let more = if more > 0 { format!(" and {more} more") } else { String::new() };
            Diagnostic::warning(format!(
                "no font has the {script} characters {}{more}: the PDF shows a replacement mark for each",
                list.join(", ")
            ))
            .label(format!("in {}", places_list(&sections)))
            .help(format!(
                "install a font covering {script} on this machine, or put one (.ttf, .otf) in a folder of the project and add it to report.toml: [pdf] fonts = [\"fonts/\"]"
            ))
        })
        .collect();
    (warnings, all)
}

fn places_list(sections: &[&str]) -> String {
    let named: Vec<String> = sections
        .iter()
        .map(|s| {
            if s.starts_with("the ") {
                s.to_string()
            } else {
                format!("section `{s}`")
            }
        })
        .collect();
    named.join(", ")
}
