//! The document as Typst markup: the preamble (page, fonts, running
//! header, the look of headings, links and tables), the title block, the
//! contents, the sections and the appendices.
//!
//! Every text from the document goes through [`super::escape`]; every
//! call and argument here is written by this module, so nothing from the
//! data can become code. Charts and images become files of the world,
//! named by their place (`/f/3.svg`).

mod block;
mod inline;
mod quote;
mod table;

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::document::Document;
use crate::error::Diagnostic;

use super::escape::{label, string, text};
use super::{Options, Paper};

/// Colours of the default theme (`themes/default/style.css`).
pub mod colour {
    /// Body text.
    pub const INK: &str = "#1d2330";
    /// Secondary text: the running header, table notes.
    pub const MUTED: &str = "#646c7e";
    /// Rules and table lines.
    pub const RULE: &str = "#dde1e7";
    /// Links.
    pub const ACCENT: &str = "#1f5fa8";
    /// The background of an insight callout and of table headers.
    pub const ACCENT_SOFT: &str = "#e8f0fa";
    /// A light background for stat blocks.
    pub const PAPER_ALT: &str = "#f5f6f8";
}

/// What the markup of a document is made of.
pub struct Markup {
    /// The Typst source.
    pub source: String,
    /// The files it reads (charts, images), by path.
    pub files: Vec<(String, Vec<u8>)>,
    /// Problems found on the way: figures without alternative text
    /// (errors), links to nothing (warnings).
    pub problems: Vec<Diagnostic>,
    /// Where each section starts in `source`, with its id, in order: what
    /// a problem in the source is placed by.
    pub places: Vec<(usize, String)>,
}

/// The writer of one document's markup.
pub(super) struct Writer<'a> {
    out: String,
    files: Vec<(String, Vec<u8>)>,
    problems: Vec<Diagnostic>,
    places: Vec<(usize, String)>,
    /// Labels defined so far (a label defined twice is an error in Typst
    /// as soon as a link names it, so the second is left out).
    defined: BTreeSet<String>,
    /// Labels links point at.
    linked: BTreeSet<String>,
    /// The section or appendix being written, for problems.
    section: String,
    /// The section's footnotes, by name, written where they are referred to.
    footnotes: Vec<(String, Vec<crate::document::Block>)>,
    options: &'a Options,
}

/// The markup of `doc`.
pub fn document(doc: &Document, options: &Options, families: &[String]) -> Markup {
    let mut w = Writer {
        out: String::with_capacity(64 * 1024),
        files: Vec::new(),
        problems: Vec::new(),
        places: Vec::new(),
        defined: BTreeSet::new(),
        linked: BTreeSet::new(),
        section: String::new(),
        footnotes: Vec::new(),
        options,
    };
    w.preamble(doc, families);
    w.front(doc);
    for s in &doc.sections {
        w.start(&s.id);
        w.out.push_str("#heading(level: 1)[");
        w.inlines(&s.title);
        w.out.push(']');
        w.anchor_after(&s.id);
        w.out.push_str("\n\n");
        w.body(&s.blocks);
    }
    for a in &doc.appendices {
        w.start(&a.id);
        let _ = write!(w.out, "#heading(level: 1)[{}]", text(&a.title));
        w.anchor_after(&a.id);
        w.out.push_str("\n\n");
        if !a.intro.is_empty() {
            w.paragraph(&a.intro);
        }
        w.body(&a.blocks);
    }
    if doc.illustrative {
        w.out.push_str(
            "#v(1em)\n#text(size: 0.85em)[† Computed from illustrative data, not from the study.]\n",
        );
    }
    w.finish()
}

impl Writer<'_> {
    /// Page, text, headings, links and tables, and the document's facts.
    fn preamble(&mut self, doc: &Document, families: &[String]) {
        let f = &doc.front;
        let authors: Vec<String> = f.authors.iter().map(|a| string(a)).collect();
        let date = f
            .date_iso
            .as_deref()
            .and_then(iso_date)
            .map(|(y, m, d)| format!("datetime(year: {y}, month: {m}, day: {d})"))
            .unwrap_or_else(|| "none".into());
        let fonts: Vec<String> = families.iter().map(|f| string(f)).collect();
        let (lang, region) = language(&f.language);
        let region = region
            .map(|r| format!(", region: \"{r}\""))
            .unwrap_or_default();
        let paper = match self.options.paper {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        };
        let _ = write!(
            self.out,
            "#set document(title: {title}, author: ({authors}), date: {date})\n\
             #set text(lang: \"{lang}\"{region}, font: ({fonts}), size: 10.5pt, fill: rgb(\"{ink}\"))\n\
             #set page(paper: \"{paper}\", margin: (x: 22mm, y: 24mm), numbering: \"1\", \
             header: context if here().page() > 1 {{ set text(size: 8pt, fill: rgb(\"{muted}\")); {header}; h(1fr); counter(page).display() }}, \
             footer: context if here().page() == 1 {{ align(center, text(size: 8pt, counter(page).display())) }})\n\
             #set par(leading: 0.62em, spacing: 1em)\n\
             #set heading(numbering: none)\n\
             #show heading: set block(above: 1.5em, below: 0.8em)\n\
             #show heading.where(level: 1): set text(size: 15pt)\n\
             #show heading.where(level: 2): set text(size: 12.5pt)\n\
             #show heading.where(level: 3): set text(size: 11pt)\n\
             #show raw: set text(font: \"{mono}\", size: 0.82em)\n\
             #show link: set text(fill: rgb(\"{accent}\"))\n\
             #set table(stroke: (x, y) => (bottom: 0.5pt + rgb(\"{rule}\")), inset: (x: 4pt, y: 3pt))\n\
             #show table: set text(size: 8.5pt)\n\
             #show table: set par(justify: false)\n\
             #show figure.caption: set text(size: 9pt)\n\
             #set figure(gap: 0.6em)\n\
             #set figure.caption(separator: [. ])\n\
             #let findings-fit(path, format, alt) = layout(size => {{ let i = image(path, format: format, alt: alt); if measure(i).width > size.width {{ image(path, format: format, alt: alt, width: size.width) }} else {{ i }} }})\n\
             #set quote(block: true)\n\
             #set list(indent: 0.6em)\n\
             #set enum(indent: 0.6em)\n\n",
            title = string(title_of(doc)),
            authors = authors.join(", ") + if authors.len() == 1 { "," } else { "" },
            fonts = fonts.join(", "),
            ink = colour::INK,
            muted = colour::MUTED,
            header = string(title_of(doc)),
            mono = super::fonts::MONO,
            accent = colour::ACCENT,
            rule = colour::RULE,
        );
    }

    /// The title block and the contents.
    fn front(&mut self, doc: &Document) {
        let f = &doc.front;
        self.out.push_str("#title[");
        self.inlines(&f.title);
        self.out.push_str("]\n\n");
        if let Some(sub) = &f.subtitle {
            self.out.push_str("#text(size: 13pt)[");
            self.inlines(sub);
            self.out.push_str("]\n\n");
        }
        if !f.authors.is_empty() {
            let names: Vec<String> = f.authors.iter().map(|a| text(a)).collect();
            let _ = writeln!(self.out, "#text(size: 11pt)[{}]\n", names.join(", "));
        }
        if let Some(date) = &f.date {
            let _ = writeln!(
                self.out,
                "#text(size: 10pt, fill: rgb(\"{}\"))[{}]\n",
                colour::MUTED,
                text(date)
            );
        }
        if !doc.contents.is_empty() {
            self.out.push_str(
                "#v(1.5em)\n#outline(title: [Contents], depth: 2)\n#pagebreak(weak: true)\n\n",
            );
        }
    }

    /// Marks where section `id` starts.
    fn start(&mut self, id: &str) {
        self.section = id.to_string();
        self.footnotes.clear();
        self.places.push((self.out.len(), id.to_string()));
    }

    /// Attaches label `id` to the element just written, once per id.
    pub(super) fn anchor_after(&mut self, id: &str) {
        if !id.is_empty() && self.defined.insert(id.to_string()) {
            self.out.push(' ');
            self.out.push_str(&label(id));
        }
    }

    /// An invisible point links to `id` can land on.
    pub(super) fn anchor(&mut self, id: &str) {
        if !id.is_empty() && !self.defined.contains(id) {
            self.out.push_str("#metadata(none)");
            self.anchor_after(id);
            self.out.push(' ');
        }
    }

    /// Opens a link to `id` (closed by `]`).
    pub(super) fn open_link(&mut self, id: &str) {
        self.linked.insert(id.to_string());
        let _ = write!(self.out, "#link({})[", label(id));
    }

    /// The markup, with a point for every link that lands nowhere (Typst
    /// refuses a link to a label the document lacks), each named in a
    /// warning.
    fn finish(mut self) -> Markup {
        let missing: Vec<String> = self.linked.difference(&self.defined).cloned().collect();
        for id in missing {
            self.problems.push(
                Diagnostic::warning(format!(
                    "a link in the PDF points at `#{id}`, which the document does not have"
                ))
                .help("the link is kept but leads to the end of the document"),
            );
            self.out.push_str("#metadata(none) ");
            self.out.push_str(&label(&id));
            self.out.push('\n');
        }
        Markup {
            source: self.out,
            files: self.files,
            problems: self.problems,
            places: self.places,
        }
    }
}

/// The title the PDF's properties give: PDF/UA requires one.
pub fn title_of(doc: &Document) -> &str {
    if doc.front.title_text.trim().is_empty() {
        UNTITLED
    } else {
        &doc.front.title_text
    }
}

/// The title of a report without one.
pub const UNTITLED: &str = "Untitled report";

/// Year, month and day of an ISO date (`2025-11-20`).
fn iso_date(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (d >= 1 && d <= days).then_some((y, m, d))
}

/// Typst's language and region of a BCP 47 tag (`pt-BR` → `pt`, `BR`);
/// English when the tag has no language Typst accepts.
fn language(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or_default().to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_lowercase()) {
        return ("en".into(), None);
    }
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|r| r.to_ascii_uppercase());
    (lang, region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_languages() {
        assert_eq!(iso_date("2025-11-20"), Some((2025, 11, 20)));
        assert_eq!(iso_date("2025-13-20"), None);
        assert_eq!(iso_date("2025-02-29"), None);
        assert_eq!(iso_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(iso_date("soon"), None);
        assert_eq!(language("pt-BR"), ("pt".into(), Some("BR".into())));
        assert_eq!(language("zh-Hant-TW"), ("zh".into(), Some("TW".into())));
        assert_eq!(language("hu"), ("hu".into(), None));
        assert_eq!(language("\"); #panic()"), ("en".into(), None));
        assert_eq!(language(""), ("en".into(), None));
    }
}
