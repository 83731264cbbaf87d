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
mod preamble;
mod quote;
mod table;

use std::collections::BTreeSet;
use std::fmt::Write;

use crate::document::Document;
use crate::error::Diagnostic;

use super::escape::{label, text};
use super::Options;

pub use preamble::UNTITLED;

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
