//! What the writer keeps while it walks the document: the body being
//! written, the pictures and links that need relationships, bookmark ids,
//! list numberings, the page's text area, and where in the report it is
//! (for warnings).

use crate::error::{Diagnostic, Diagnostics};

use super::xml::Xml;

/// The text area of the page, in twentieths of a point (Word's twips).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// Page width.
    pub width: u32,
    /// Page height.
    pub height: u32,
    /// Margins: top, right, bottom, left.
    pub margins: [u32; 4],
    /// Whether the page is landscape.
    pub landscape: bool,
}

impl Page {
    /// A4 with 2.5 cm margins, the default of most of the world's Word.
    pub const A4: Page = Page {
        width: 11906,
        height: 16838,
        margins: [1418, 1418, 1418, 1418],
        landscape: false,
    };

    /// Width between the margins.
    pub fn text_width(&self) -> u32 {
        self.width
            .saturating_sub(self.margins[1] + self.margins[3])
            .max(1440)
    }

    /// Height between the margins.
    pub fn text_height(&self) -> u32 {
        self.height
            .saturating_sub(self.margins[0] + self.margins[2])
            .max(1440)
    }
}

/// A picture of the package (`word/media/imageN.ext`).
pub struct Media {
    /// File name under `word/media/`.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// The writer's state.
pub struct Ctx {
    /// `word/document.xml`'s body.
    pub xml: Xml,
    /// The page.
    pub page: Page,
    /// Pictures, in order; picture `k` has relationship `rIdImg{k+1}`.
    pub media: Vec<Media>,
    /// External link targets; link `k` has relationship `rIdLink{k+1}`.
    pub links: Vec<String>,
    /// The start of each numbered list; list `k` is numbering `k + 3`.
    pub ordered: Vec<u64>,
    /// The next bookmark id.
    next_bookmark: u32,
    /// Bookmark names used: Word keeps one bookmark per name.
    names: std::collections::HashSet<String>,
    /// The next drawing id (`wp:docPr`).
    pub next_drawing: u32,
    /// Where in the report the writer is ("section `results`").
    pub place: String,
    /// Warnings gathered on the way.
    pub warnings: Diagnostics,
    /// The charts' style sheet: their font and the theme's colours.
    pub chart_sheet: String,
    /// The figures' pictures, made beforehand.
    pub pictures: super::pictures::Pictures,
}

impl Ctx {
    /// A fresh state for a page.
    pub fn new(page: Page, chart_sheet: String) -> Ctx {
        Ctx {
            xml: Xml::new(),
            page,
            media: Vec::new(),
            links: Vec::new(),
            ordered: Vec::new(),
            next_bookmark: 0,
            names: std::collections::HashSet::new(),
            next_drawing: 1,
            place: String::new(),
            warnings: Diagnostics::new(),
            chart_sheet,
            pictures: Default::default(),
        }
    }

    /// Moves to `place`, first warning of characters stripped where the
    /// writer was.
    pub fn enter(&mut self, place: String) {
        self.flush_stripped();
        self.place = place;
    }

    /// Warns, naming the current place, when characters XML forbids were
    /// left out since the last check.
    pub fn flush_stripped(&mut self) {
        let n = self.xml.take_stripped();
        if n > 0 {
            self.warnings.push(
                Diagnostic::warning(format!(
                    "{n} character(s) that XML does not allow left out of the Word file in {}",
                    self.place
                ))
                .help("control characters (other than tab and line break) cannot appear in a .docx; remove them from the data or the text"),
            );
        }
    }

    /// Opens a bookmark named after element id `id`; returns its number
    /// for [`Ctx::bookmark_end`]. An id met twice gets a name of its own
    /// the second time; links go to the first, as on the page.
    pub fn bookmark_start(&mut self, id: &str) -> u32 {
        let n = self.next_bookmark;
        self.next_bookmark += 1;
        let num = n.to_string();
        let mut name = bookmark_name(id);
        if self.names.contains(&name) {
            name = bookmark_name(&format!("{id}#{n}"));
        }
        self.names.insert(name.clone());
        self.xml
            .empty("w:bookmarkStart", &[("w:id", &num), ("w:name", &name)]);
        n
    }

    /// Closes bookmark `n`.
    pub fn bookmark_end(&mut self, n: u32) {
        self.xml.empty("w:bookmarkEnd", &[("w:id", &n.to_string())]);
    }

    /// The relationship id of external link `url`, added on first use.
    pub fn link_rel(&mut self, url: &str) -> String {
        let k = match self.links.iter().position(|l| l == url) {
            Some(k) => k,
            None => {
                self.links.push(url.to_string());
                self.links.len() - 1
            }
        };
        format!("rIdLink{}", k + 1)
    }
}

/// The bookmark name for element id `id`: Word takes at most 40
/// characters, starting with a letter, of letters, digits and `_`; an id
/// of others is cut and given a hash of the whole, so two ids never meet.
pub fn bookmark_name(id: &str) -> String {
    let simple = id.len() <= 40
        && id.starts_with(|c: char| c.is_ascii_alphabetic())
        && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if simple {
        return id.to_string();
    }
    let mut name: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .map(|c| if c == '-' { '_' } else { c })
        .take(30)
        .collect();
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        name.insert(0, 'b');
        name.truncate(30);
    }
    format!("{name}_{:08x}", fnv1a(id))
}

/// FNV-1a, 32 bits: a stable hash (std's is seeded per process).
fn fnv1a(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookmark_names_follow_words_rules() {
        assert_eq!(bookmark_name("results"), "results");
        // FNV-1a of "fig-a" computed by hand from the algorithm's constants
        // would be error-prone; check the shape and that ids stay apart.
        let a = bookmark_name("fig-a");
        let b = bookmark_name("fig_a");
        assert_ne!(a, b);
        assert!(a.starts_with("fig_a_") && a.len() == 14, "{a}");
        let long = bookmark_name(&"x".repeat(90));
        assert!(long.len() <= 40, "{long}");
        let digit = bookmark_name("3-things");
        assert!(digit.starts_with("b3_things_"), "{digit}");
    }
}
