//! Tables as native Word tables (style Table Grid): header rows repeat on
//! each page (`w:tblHeader`), footer rows follow the body set off by a
//! rule, notes follow as paragraphs; a numbered table's caption carries a
//! `SEQ Table` field.

use crate::document::{Alignment, Cell, CodePlace, Content, Inline, Inlines, Row, RowKind, Table};

use super::blocks::{self, Scope as BlockScope};
use super::ctx::Ctx;
use super::para::{paragraph, with, Para};
use super::runs::{field, run, Fmt};

/// How a row is set.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Head,
    Body,
    Foot,
}

/// The most columns a table has in Word: a wider one (a co-occurrence
/// matrix of 40 codes) is written in parts of this many columns, each
/// repeating the first, as the PDF does.
const WIDEST: usize = 8;

/// Writes a document table with its caption and notes; one too wide for
/// the page in parts.
pub fn table(ctx: &mut Ctx, t: &Table) {
    match t.in_parts(WIDEST) {
        Some(parts) => parts.iter().for_each(|p| table_part(ctx, p)),
        None => table_part(ctx, t),
    }
}

fn table_part(ctx: &mut Ctx, t: &Table) {
    if let Some(caption) = &t.caption {
        let p = Para {
            keep_next: true,
            ..Para::styled("Caption")
        };
        with(ctx, p, false, |ctx| {
            if let Some(number) = &t.number {
                run(ctx, Fmt::default(), "Table ");
                field(ctx, Fmt::default(), "SEQ Table \\* ARABIC", number);
                run(ctx, Fmt::default(), ". ");
            }
            super::inlines::inlines(ctx, Fmt::default(), caption);
        });
    }
    let columns = [&t.head, &t.body, &t.foot]
        .iter()
        .flat_map(|rows| rows.iter())
        .map(|r| r.cells.iter().map(|c| c.span.max(1)).sum::<usize>())
        .max()
        .unwrap_or(1)
        .clamp(1, 63);
    open(ctx, columns);
    for (rows, part) in [
        (&t.head, Part::Head),
        (&t.body, Part::Body),
        (&t.foot, Part::Foot),
    ] {
        for row in rows.iter() {
            write_row(ctx, row, part, columns);
        }
    }
    ctx.xml.close("w:tbl");
    for note in &t.notes {
        paragraph(
            ctx,
            Para::styled("TableNote"),
            Fmt::default(),
            &note.content,
        );
    }
    if t.notes.is_empty() {
        // Word needs a paragraph between two tables, or it joins them.
        with(ctx, Para::styled("TableNote"), false, |_| {});
    }
}

/// Writes a Markdown table: its head a repeating header row.
pub fn grid(ctx: &mut Ctx, alignments: &[Alignment], head: &[Inlines], rows: &[Vec<Inlines>]) {
    let columns = rows
        .iter()
        .map(Vec::len)
        .chain([head.len()])
        .max()
        .unwrap_or(1)
        .clamp(1, 63);
    open(ctx, columns);
    let align = |k: usize| match alignments.get(k) {
        Some(Alignment::Center) => Some("center"),
        Some(Alignment::Right) => Some("right"),
        _ => None,
    };
    for (cells, part) in
        std::iter::once((head, Part::Head)).chain(rows.iter().map(|r| (r.as_slice(), Part::Body)))
    {
        open_row(ctx, part);
        for (k, content) in cells.iter().enumerate() {
            open_cell(ctx, 1, part == Part::Foot);
            let p = Para {
                align: align(k),
                ..Para::styled("Compact")
            };
            let fmt = Fmt {
                bold: part == Part::Head,
                ..Fmt::default()
            };
            paragraph(ctx, p, fmt, content);
            ctx.xml.close("w:tc");
        }
        ctx.xml.close("w:tr");
    }
    ctx.xml.close("w:tbl");
    with(ctx, Para::styled("TableNote"), false, |_| {});
}

/// Opens a table of `columns` equal columns as wide as the text.
fn open(ctx: &mut Ctx, columns: usize) {
    let x = &mut ctx.xml;
    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    x.empty("w:tblStyle", &[("w:val", "TableGrid")]);
    x.empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
    x.empty(
        "w:tblLook",
        &[
            ("w:val", "04A0"),
            ("w:firstRow", "1"),
            ("w:lastRow", "0"),
            ("w:firstColumn", "1"),
            ("w:lastColumn", "0"),
            ("w:noHBand", "0"),
            ("w:noVBand", "1"),
        ],
    );
    x.close("w:tblPr");
    x.open("w:tblGrid", &[]);
    let width = (ctx.page.text_width() as usize / columns).to_string();
    for _ in 0..columns {
        x.empty("w:gridCol", &[("w:w", &width)]);
    }
    x.close("w:tblGrid");
}

fn open_row(ctx: &mut Ctx, part: Part) {
    ctx.xml.open("w:tr", &[]);
    ctx.xml.open("w:trPr", &[]);
    ctx.xml.empty("w:cantSplit", &[]);
    if part == Part::Head {
        ctx.xml.empty("w:tblHeader", &[]);
    }
    ctx.xml.close("w:trPr");
}

fn open_cell(ctx: &mut Ctx, span: usize, rule_above: bool) {
    let x = &mut ctx.xml;
    x.open("w:tc", &[]);
    x.open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", "0"), ("w:type", "auto")]);
    if span > 1 {
        x.empty("w:gridSpan", &[("w:val", &span.to_string())]);
    }
    if rule_above {
        x.open("w:tcBorders", &[]);
        x.empty(
            "w:top",
            &[
                ("w:val", "double"),
                ("w:sz", "4"),
                ("w:space", "0"),
                ("w:color", "auto"),
            ],
        );
        x.close("w:tcBorders");
    }
    x.close("w:tcPr");
}

fn write_row(ctx: &mut Ctx, row: &Row, part: Part, columns: usize) {
    open_row(ctx, part);
    let mut used = 0;
    for cell in &row.cells {
        // A detail runs across the whole table, whatever its width.
        let span = if row.kind == RowKind::Detail {
            columns
        } else {
            cell.span.clamp(1, columns.saturating_sub(used).max(1))
        };
        used += span;
        write_cell(ctx, cell, span, part);
    }
    if used == 0 {
        open_cell(ctx, columns, false);
        with(ctx, Para::styled("Compact"), false, |_| {});
        ctx.xml.close("w:tc");
    }
    ctx.xml.close("w:tr");
}

fn write_cell(ctx: &mut Ctx, cell: &Cell, span: usize, part: Part) {
    open_cell(ctx, span, part == Part::Foot);
    let indent = match &cell.place {
        Some(CodePlace::Depth { depth, .. }) => 200 * (*depth).min(6) as u32,
        _ => 0,
    };
    let p = Para {
        align: cell.numeric.then_some("right"),
        indent,
        ..Para::styled("Compact")
    };
    let fmt = Fmt {
        bold: part != Part::Body || cell.header.is_some(),
        ..Fmt::default()
    };
    let id = cell.id.as_deref();
    let one_run;
    let inlines: Option<&[Inline]> = match &cell.content {
        Content::Text(t) => {
            one_run = [Inline::Text(t.clone())];
            Some(&one_run)
        }
        Content::Inlines(i) => Some(i),
        Content::Blocks(_) => None,
    };
    match (inlines, &cell.content) {
        (Some(content), _) => with(ctx, p, rtl_of(content), |ctx| {
            let mark = id.map(|id| ctx.bookmark_start(id));
            if let Some(CodePlace::Path(path)) = &cell.place {
                run(
                    ctx,
                    Fmt {
                        size: Some(16),
                        ..fmt
                    },
                    &format!("{path} \u{203a} "),
                );
            }
            super::inlines::inlines(ctx, fmt, content);
            if cell.illustrative {
                run(
                    ctx,
                    Fmt {
                        raised: Some(true),
                        ..fmt
                    },
                    "†",
                );
            }
            if let Some(n) = mark {
                ctx.bookmark_end(n);
            }
        }),
        (None, Content::Blocks(body)) => {
            let scope = BlockScope {
                style: Some("Compact"),
                ..BlockScope::default()
            };
            blocks::blocks(ctx, scope, body);
            // A cell must end in a paragraph; it also holds the bookmark.
            with(ctx, Para::styled("Compact"), false, |ctx| {
                if let Some(id) = id {
                    let n = ctx.bookmark_start(id);
                    ctx.bookmark_end(n);
                }
            });
        }
        (None, _) => {}
    }
    ctx.xml.close("w:tc");
}

fn rtl_of(content: &[Inline]) -> bool {
    let mut text = String::new();
    super::inlines::plain(content, &mut text);
    super::runs::mostly_rtl(&text)
}
