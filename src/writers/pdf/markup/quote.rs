//! Quotes with their Q-number linking to the quote index, the quote index
//! itself, the bibliography and the build manifest ("About this report").

use std::fmt::Write;

use crate::document::{Bibliography, BuildFacts, Quote, QuoteEntry, Speaker};

use super::super::escape::{push_text, string, text};
use super::{colour, Writer};

impl Writer<'_> {
    /// A quote: the words, who said them, and the link to its entry.
    pub(super) fn quote(&mut self, q: &Quote) {
        self.out.push_str("#quote(attribution: [");
        match &q.alias {
            Some(alias) => push_text(&mut self.out, alias),
            None => self.out.push_str("A participant"),
        }
        if let Some(detail) = &q.detail {
            self.out.push_str(", ");
            push_text(&mut self.out, detail);
        }
        if q.illustrative {
            self.out.push_str(" #emph[Illustrative]");
        }
        self.out.push(' ');
        self.open_link(&q.link.anchor);
        self.out.push('Q');
        push_text(&mut self.out, &q.link.number);
        self.out.push_str("]])[\u{201c}");
        push_text(&mut self.out, &q.text);
        self.out.push_str("\u{201d}]\n\n");
    }

    /// The quote index: each entry with its number, words and provenance.
    pub(super) fn quote_index(&mut self, entries: &[QuoteEntry]) {
        for e in entries {
            self.out.push_str("#block(breakable: false, width: 100%)[");
            self.anchor(&e.anchor);
            let _ = write!(
                self.out,
                "#strong[Q{}] #raw({})",
                e.number,
                string(&e.segment_id)
            );
            if e.illustrative {
                self.out.push_str(" #emph[Illustrative]");
            }
            self.out.push_str("\n\n#quote[\u{201c}");
            if let Some(t) = &e.text {
                push_text(&mut self.out, t);
            }
            self.out.push_str("\u{201d}]\n\n");
            self.provenance(e);
            self.out.push_str("]\n\n");
        }
    }

    /// Where a quote comes from, as a term list.
    fn provenance(&mut self, e: &QuoteEntry) {
        let mut terms: Vec<(&str, String)> = vec![("Participant", speaker(&e.participant))];
        if let Some(src) = &e.source {
            let mut v = text(&src.title);
            if let Some(kind) = &src.kind {
                let _ = write!(v, " \\({}\\)", text(kind));
            }
            terms.push(("Source", v));
        }
        if let Some(p) = &e.position {
            terms.push(("Position", text(p)));
        }
        if let Some(d) = &e.date {
            terms.push(("Date", text(d)));
        }
        let _ = write!(
            self.out,
            "#text(size: 9pt)[#terms(separator: [: ], tight: true"
        );
        for (term, value) in terms {
            let _ = write!(self.out, ", terms.item[{term}][{value}]");
        }
        if let Some(codes) = &e.codes {
            self.out.push_str(", terms.item[Codes][");
            for (k, c) in codes.iter().enumerate() {
                if k > 0 {
                    self.out.push_str(", ");
                }
                match &c.anchor {
                    Some(anchor) => {
                        self.open_link(anchor);
                        push_text(&mut self.out, &c.label);
                        self.out.push(']');
                    }
                    None => push_text(&mut self.out, &c.label),
                }
            }
            self.out.push(']');
        }
        if !e.coders.is_empty() {
            let term = if e.coders.len() == 1 {
                "Coder"
            } else {
                "Coders"
            };
            let coders: Vec<String> = e.coders.iter().map(|c| text(c)).collect();
            let _ = write!(self.out, ", terms.item[{term}][{}]", coders.join(", "));
        }
        if !e.quoted_in.is_empty() {
            self.out.push_str(", terms.item[Quoted in][");
            for (k, s) in e.quoted_in.iter().enumerate() {
                if k > 0 {
                    self.out.push_str(", ");
                }
                self.open_link(&s.id);
                self.inlines(&s.title);
                self.out.push(']');
            }
            self.out.push(']');
        }
        self.out.push_str(")]\n");
    }

    /// The works cited, each entry the target of its citations.
    pub(super) fn bibliography(&mut self, b: &Bibliography) {
        for entry in &b.entries {
            self.out.push_str("#par(hanging-indent: 1.5em)[");
            self.anchor(&entry.id);
            if let Some(label) = &entry.label {
                self.inlines(label);
                self.out.push(' ');
            }
            self.inlines(&entry.content);
            self.out.push_str("]\n\n");
        }
    }

    /// What the report was built from, and how to check it.
    pub(super) fn manifest(&mut self, facts: &BuildFacts) {
        let [sources, participants, codes, segments] = &facts.counts;
        let _ = write!(
            self.out,
            "Built by findings {} from {} input files: {} sources, {} participants, {} codes and {} coded segments. Every number, chart and quote above was computed from these files at build time.\n\n",
            text(&facts.version),
            text(&facts.files),
            text(sources),
            text(participants),
            text(codes),
            text(segments),
        );
        self.out.push_str("To check that this report still matches its data, run #raw(\"findings verify\") on it with a copy of the project: it rebuilds the report and names every input that changed since.\n\n");
        let _ = write!(
            self.out,
            "#block(sticky: true)[#text(size: 9pt, weight: \"bold\")[Input files and their SHA\\-256]]\n#table(columns: (auto, auto, 1fr), table.header(repeat: true, table.cell(fill: rgb(\"{0}\"))[#strong[File]], table.cell(fill: rgb(\"{0}\"))[#strong[Bytes]], table.cell(fill: rgb(\"{0}\"))[#strong[SHA\\-256]])",
            colour::ACCENT_SOFT
        );
        for i in &facts.inputs {
            let _ = write!(
                self.out,
                ", [#raw({})], table.cell(align: right)[{}], [#text(size: 6.5pt)[#raw({})]]",
                string(&i.path),
                text(&i.bytes),
                string(&i.sha256)
            );
        }
        self.out.push_str(")\n\n");
    }
}

/// Who said a quote, as markup.
fn speaker(p: &Speaker) -> String {
    let mut out = match &p.alias {
        Some(alias) => text(alias),
        None => "A participant".to_string(),
    };
    if let Some(role) = &p.role {
        out.push_str(", ");
        push_text(&mut out, role);
    }
    if p.illustrative {
        out.push_str(" #emph[Illustrative]");
    }
    out
}
