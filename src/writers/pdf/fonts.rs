//! The fonts a PDF may use: the default bundled in the binary (Libertinus
//! Serif for text, covering Latin, Greek and Cyrillic; DejaVu Sans Mono
//! for code), the machine's fonts, and a project's own font folders.
//!
//! Scanning the system and parsing the bundled fonts takes longer than
//! writing a report, so both happen once per process (the scan only when a
//! report needs more than the bundled fonts) and every write (a site's
//! reports, serve's rebuilds) shares them; a project folder is
//! scanned once per process too. Each font file is read only when a
//! document first uses it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

/// The family of the body text.
pub const TEXT: &str = "Libertinus Serif";
/// The family of code and hashes.
pub const MONO: &str = "DejaVu Sans Mono";

/// Families tried after the body text's for the scripts it lacks, when the
/// machine has them (Debian's `fonts-noto-core`, `fonts-noto-cjk`,
/// `fonts-noto-color-emoji`). Naming them keeps the choice the same on
/// every machine that has them, rather than whatever font comes first.
const FALLBACK: [&str; 8] = [
    "Noto Serif",
    "Noto Naskh Arabic",
    "Noto Sans Arabic",
    "Noto Serif CJK SC",
    "Noto Sans CJK SC",
    "Noto Sans",
    "Noto Sans Symbols2",
    "Noto Color Emoji",
];

/// One font: where it comes from, loaded on first use.
struct Slot {
    info: FontInfo,
    source: Source,
    font: OnceLock<Option<Font>>,
}

enum Source {
    Loaded(Font),
    File { path: PathBuf, index: u32 },
}

impl Slot {
    fn font(&self) -> Option<Font> {
        self.font
            .get_or_init(|| match &self.source {
                Source::Loaded(font) => Some(font.clone()),
                Source::File { path, index } => {
                    let data = std::fs::read(path).ok()?;
                    Font::new(Bytes::new(data), *index)
                }
            })
            .clone()
    }
}

type Slots = Arc<Vec<Arc<Slot>>>;

/// The bundled fonts.
fn embedded() -> &'static Slots {
    static EMBEDDED: OnceLock<Slots> = OnceLock::new();
    EMBEDDED.get_or_init(|| {
        Arc::new(
            typst_kit::fonts::embedded()
                .map(|(font, info)| slot(info, Source::Loaded(font)))
                .collect(),
        )
    })
}

/// The machine's fonts. Scanning them takes longer than writing a report
/// in a Latin script, so it happens only for a report whose characters
/// the bundled and project fonts lack, once per process.
fn system() -> &'static Slots {
    static SYSTEM: OnceLock<Slots> = OnceLock::new();
    SYSTEM.get_or_init(|| Arc::new(typst_kit::fonts::system().map(on_disk).collect()))
}

/// The fonts of one project folder, scanned once per process.
fn folder(path: &Path) -> Slots {
    static FOLDERS: OnceLock<Mutex<HashMap<PathBuf, Slots>>> = OnceLock::new();
    let cache = FOLDERS.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(path.to_path_buf())
        .or_insert_with(|| {
            let mut found: Vec<_> = typst_kit::fonts::scan(path).collect();
            // The order of a directory listing varies between machines.
            found.sort_by(|a, b| (&a.0.path, a.0.index).cmp(&(&b.0.path, b.0.index)));
            Arc::new(found.into_iter().map(on_disk).collect())
        })
        .clone()
}

/// A font file found by a scan, read when first used.
fn on_disk((p, info): (typst_kit::fonts::FontPath, FontInfo)) -> Arc<Slot> {
    slot(
        info,
        Source::File {
            path: p.path,
            index: p.index,
        },
    )
}

fn slot(info: FontInfo, source: Source) -> Arc<Slot> {
    Arc::new(Slot {
        info,
        source,
        font: OnceLock::new(),
    })
}

/// The fonts of one write: the project's folders first, then the shared
/// ones. Cheap to make: the slots are shared, only the book is new.
pub struct Fonts {
    book: LazyHash<FontBook>,
    slots: Vec<Arc<Slot>>,
    project: Vec<String>,
}

impl Fonts {
    /// The fonts for a project with font folders `folders` (missing
    /// folders give no fonts; the caller checks they exist), with the
    /// machine's when `system`.
    pub fn new(folders: &[PathBuf], system: bool) -> Fonts {
        let mut slots = Vec::new();
        for f in folders {
            slots.extend(folder(f).iter().cloned());
        }
        let mut project: Vec<String> = Vec::new();
        for s in &slots {
            if !project.contains(&s.info.family) {
                project.push(s.info.family.clone());
            }
        }
        slots.extend(embedded().iter().cloned());
        if system {
            slots.extend(self::system().iter().cloned());
        }
        let book = FontBook::from_infos(slots.iter().map(|s| s.info.clone()));
        Fonts {
            book: LazyHash::new(book),
            slots,
            project,
        }
    }

    /// What the fonts are, for Typst.
    pub fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    /// Font `index` of the book, read on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        self.slots.get(index)?.font()
    }

    /// The families the text asks for, in order: the default, the
    /// project's, then the fallbacks this machine has.
    pub fn families(&self) -> Vec<String> {
        let mut out = vec![TEXT.to_string()];
        out.extend(self.project.iter().cloned());
        for f in FALLBACK {
            let f = f.to_string();
            if self.book.contains_family(&f.to_lowercase()) && !out.contains(&f) {
                out.push(f);
            }
        }
        out
    }

    /// Whether some font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.slots
            .iter()
            .any(|s| s.info.coverage.contains(c as u32))
    }
}

/// The fonts as chart text asks for them: the first of the text's
/// families with the character, else the first font with it.
pub struct ChartFonts<'a> {
    fonts: &'a Fonts,
    families: Vec<String>,
}

impl<'a> ChartFonts<'a> {
    /// The coverage of `fonts`.
    pub fn new(fonts: &'a Fonts) -> ChartFonts<'a> {
        ChartFonts {
            fonts,
            families: fonts.families(),
        }
    }
}

impl crate::writers::chart_text::Coverage for ChartFonts<'_> {
    fn family_for(&self, c: char, emoji: bool) -> Option<String> {
        let has = |s: &Slot| s.info.coverage.contains(c as u32);
        let slots = &self.fonts.slots;
        let first = self
            .families
            .iter()
            .filter(|f| emoji && f.contains("Emoji"));
        first
            .chain(&self.families)
            .find(|f| {
                slots
                    .iter()
                    .any(|s| s.info.family.eq_ignore_ascii_case(f) && has(s))
            })
            .cloned()
            .or_else(|| slots.iter().find(|s| has(s)).map(|s| s.info.family.clone()))
    }
}
