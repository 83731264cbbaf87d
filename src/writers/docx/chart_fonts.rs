//! Which installed font sets each character of a chart's text, for
//! [`crate::writers::chart_text`]: resvg (usvg) falls back per character,
//! but stops at the first character it cannot place, so a label that mixes
//! Latin, CJK and emoji is given one font per run beforehand.
//!
//! A face's characters are read from its `cmap` once, the first time the
//! face is asked about: a report asks about a few hundred characters
//! and a handful of faces.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use resvg::usvg::fontdb::{Database, ID};

use crate::writers::chart_text::Coverage;

/// Families tried after the chart's own, for the scripts they lack, when
/// the machine has them (Debian's Noto packages). Noto Color Emoji is not
/// one: its bitmaps (CBDT) are glyphs resvg does not draw, so an emoji is
/// drawn in outline from Noto Sans Symbols 2 where that font has it.
const FALLBACK: [&str; 6] = [
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Naskh Arabic",
    "Noto Sans CJK SC",
    "Noto Sans Symbols2",
    "DejaVu Sans",
];

/// The coverage of the fonts in a database.
pub struct ChartFonts<'a> {
    db: &'a Database,
    /// The families tried, in order, with the face that stands for each.
    families: Vec<(String, ID)>,
    faces: RefCell<HashMap<ID, Rc<HashSet<u32>>>>,
}

impl<'a> ChartFonts<'a> {
    /// The families of `preferred` (the chart's font first), then the
    /// fallbacks, as far as `db` has them.
    pub fn new(db: &'a Database, preferred: &[&str]) -> ChartFonts<'a> {
        let mut families: Vec<(String, ID)> = Vec::new();
        for name in preferred.iter().chain(FALLBACK.iter()) {
            if families.iter().any(|(f, _)| f.eq_ignore_ascii_case(name)) {
                continue;
            }
            // The upright regular face stands for the family's coverage.
            let face = db
                .faces()
                .filter(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
                .min_by_key(|f| {
                    (
                        f.style != resvg::usvg::fontdb::Style::Normal,
                        f.weight.0.abs_diff(400),
                    )
                });
            if let Some(face) = face {
                let family = face.families[0].0.clone();
                families.push((family, face.id));
            }
        }
        ChartFonts {
            db,
            families,
            faces: RefCell::default(),
        }
    }

    /// The first family tried: the one the chart's text is set in.
    pub fn first(&self) -> Option<&str> {
        self.families.first().map(|(f, _)| f.as_str())
    }

    fn has(&self, face: ID, c: char) -> bool {
        let mut faces = self.faces.borrow_mut();
        let set = faces.entry(face).or_insert_with(|| {
            let mut set = HashSet::new();
            self.db.with_face_data(face, |data, index| {
                if let Ok(f) = ttf_parser::Face::parse(data, index) {
                    for table in f.tables().cmap.iter().flat_map(|c| c.subtables) {
                        if table.is_unicode() {
                            table.codepoints(|cp| {
                                set.insert(cp);
                            });
                        }
                    }
                }
            });
            Rc::new(set)
        });
        set.contains(&(c as u32))
    }
}

impl Coverage for ChartFonts<'_> {
    fn family_for(&self, c: char, emoji: bool) -> Option<String> {
        let colour = self
            .families
            .iter()
            .filter(|(f, _)| emoji && f.contains("Emoji"));
        colour
            .chain(&self.families)
            .find(|(_, face)| self.has(*face, c))
            .map(|(f, _)| f.clone())
    }
}
