//! Tables as Typst tables: header rows that repeat on every page a long
//! table runs onto (and are tagged as header cells), footer rows, spans,
//! numbers aligned right, a code's depth as indent, and the notes under
//! the table.

use std::fmt::Write;

use crate::document::{
    Alignment, Cell, CodePlace, Content, Inline, Inlines, Row, RowKind, Scope, Table,
};

use super::super::escape::text;
use super::{colour, Writer};

/// The most columns a table has on paper. A wider one (a co-occurrence
/// matrix of 40 codes) would squeeze every column to a letter's width, so
/// it is printed in parts of this many columns, each repeating the first.
const WIDEST: usize = 8;

impl Writer<'_> {
    /// A table of data; one too wide for the paper in parts.
    pub(super) fn table(&mut self, t: &Table) {
        match t.in_parts(WIDEST) {
            Some(parts) => parts.iter().for_each(|p| self.table_part(p)),
            None => self.table_part(t),
        }
    }

    fn table_part(&mut self, t: &Table) {
        if t.caption.is_some() || t.number.is_some() {
            self.out
                .push_str("#block(sticky: true)[#text(size: 9pt, weight: \"bold\")[");
            if let Some(n) = &t.number {
                let _ = write!(self.out, "Table {}. ", text(n));
            }
            if let Some(c) = &t.caption {
                self.inlines(c);
            }
            self.out.push_str("]]\n");
        }
        let columns = t
            .head
            .iter()
            .chain(&t.body)
            .chain(&t.foot)
            .map(|r| r.cells.iter().map(|c| c.span.max(1)).sum::<usize>())
            .max()
            .unwrap_or(1)
            .max(1);
        let _ = write!(self.out, "#table(columns: {columns}");
        if !t.head.is_empty() {
            self.out.push_str(", table.header(repeat: true");
            for r in &t.head {
                self.row(r, true);
            }
            self.out.push(')');
        }
        for r in &t.body {
            self.row(r, false);
        }
        if !t.foot.is_empty() {
            self.out.push_str(", table.footer(repeat: false");
            for r in &t.foot {
                self.row(r, false);
            }
            self.out.push(')');
        }
        self.out.push_str(")\n\n");
        for note in &t.notes {
            let _ = write!(
                self.out,
                "#text(size: 8.5pt, fill: rgb(\"{}\"))[",
                colour::MUTED
            );
            self.inlines(&note.content);
            self.out.push_str("]\n\n");
        }
    }

    /// The cells of one row, each after a comma.
    fn row(&mut self, r: &Row, head: bool) {
        for c in &r.cells {
            self.out.push_str(", ");
            self.cell(
                c,
                head || r.kind == RowKind::Entry && c.header == Some(Scope::Row),
            );
        }
    }

    fn cell(&mut self, c: &Cell, bold: bool) {
        let mut args = Vec::new();
        if c.span > 1 {
            args.push(format!("colspan: {}", c.span));
        }
        if c.numeric {
            args.push("align: right".to_string());
        }
        if c.header == Some(Scope::Col) || c.header == Some(Scope::Colgroup) {
            args.push(format!("fill: rgb(\"{}\")", colour::ACCENT_SOFT));
        }
        let _ = write!(self.out, "table.cell({})[", args.join(", "));
        if let Some(id) = &c.id {
            self.anchor(id);
        }
        match &c.place {
            Some(CodePlace::Depth { depth, .. }) if *depth > 0 => {
                let _ = write!(self.out, "#h({depth}em)");
            }
            Some(CodePlace::Path(path)) => {
                let _ = write!(
                    self.out,
                    "#text(fill: rgb(\"{}\"))[{} ›] ",
                    colour::MUTED,
                    text(path)
                );
            }
            _ => {}
        }
        if bold {
            self.out.push_str("#strong[");
        }
        match &c.content {
            Content::Text(t) => self.inlines(&[Inline::Text(t.clone())]),
            Content::Inlines(i) => self.inlines(i),
            Content::Blocks(b) => self.blocks_inline(b),
        }
        if bold {
            self.out.push(']');
        }
        if c.illustrative {
            self.out.push_str("#super[†]");
        }
        self.out.push(']');
    }

    /// A table written in Markdown.
    pub(super) fn grid(
        &mut self,
        alignments: &[Alignment],
        head: &[Inlines],
        rows: &[Vec<Inlines>],
    ) {
        let columns = head
            .len()
            .max(rows.iter().map(Vec::len).max().unwrap_or(0))
            .max(1);
        let align: Vec<&str> = (0..columns)
            .map(|i| match alignments.get(i) {
                Some(Alignment::Center) => "center",
                Some(Alignment::Right) => "right",
                _ => "left",
            })
            .collect();
        let _ = write!(
            self.out,
            "#table(columns: {columns}, align: ({},)",
            align.join(", ")
        );
        if !head.is_empty() {
            self.out.push_str(", table.header(repeat: true");
            for h in head {
                let _ = write!(
                    self.out,
                    ", table.cell(fill: rgb(\"{}\"))[#strong[",
                    colour::ACCENT_SOFT
                );
                self.inlines(h);
                self.out.push_str("]]");
            }
            self.out.push(')');
        }
        for r in rows {
            for c in r {
                self.out.push_str(", [");
                self.inlines(c);
                self.out.push(']');
            }
            // Typst fills a short row's cells; a long one would shift the next.
            for _ in r.len()..columns {
                self.out.push_str(", []");
            }
        }
        self.out.push_str(")\n\n");
    }
}
