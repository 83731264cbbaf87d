//! `word/numbering.xml`: bullets for every bulleted list, and one
//! numbering per numbered list so each starts at its own first number.

use super::xml::Xml;

/// The numbering id of bulleted lists.
pub const BULLETS: usize = 1;
/// The numbering id of the first numbered list; the next ones follow.
pub const FIRST_ORDERED: usize = 2;

const BULLET_CHARS: [&str; 3] = ["\u{2022}", "\u{25e6}", "\u{25aa}"];

/// The numbering part, for numbered lists starting at `starts`.
pub fn part(starts: &[u64]) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:numbering", &[("xmlns:w", super::package::W)]);
    abstract_num(&mut x, 0, true);
    abstract_num(&mut x, 1, false);
    x.open("w:num", &[("w:numId", &BULLETS.to_string())]);
    x.empty("w:abstractNumId", &[("w:val", "0")]);
    x.close("w:num");
    for (k, start) in starts.iter().enumerate() {
        x.open("w:num", &[("w:numId", &(FIRST_ORDERED + k).to_string())]);
        x.empty("w:abstractNumId", &[("w:val", "1")]);
        let start = start.min(&(i32::MAX as u64)).to_string();
        for level in 0..9 {
            x.open("w:lvlOverride", &[("w:ilvl", &level.to_string())]);
            x.empty("w:startOverride", &[("w:val", &start)]);
            x.close("w:lvlOverride");
        }
        x.close("w:num");
    }
    x.close("w:numbering");
    x.finish()
}

fn abstract_num(x: &mut Xml, id: usize, bullets: bool) {
    x.open("w:abstractNum", &[("w:abstractNumId", &id.to_string())]);
    x.empty("w:multiLevelType", &[("w:val", "multilevel")]);
    for level in 0..9usize {
        x.open("w:lvl", &[("w:ilvl", &level.to_string())]);
        x.empty("w:start", &[("w:val", "1")]);
        let (format, text) = if bullets {
            ("bullet", BULLET_CHARS[level % 3].to_string())
        } else {
            ("decimal", format!("%{}.", level + 1))
        };
        x.empty("w:numFmt", &[("w:val", format)]);
        x.empty("w:lvlText", &[("w:val", &text)]);
        x.empty("w:lvlJc", &[("w:val", "left")]);
        x.open("w:pPr", &[]);
        let left = (720 * (level + 1)).to_string();
        x.empty("w:ind", &[("w:left", &left), ("w:hanging", "360")]);
        x.close("w:pPr");
        x.close("w:lvl");
    }
    x.close("w:abstractNum");
}
