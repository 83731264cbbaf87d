//! Callouts and stat blocks: a callout is a shaded single-cell table
//! (its colour by kind, as the page's), a stat a large number with its
//! label and caption.

use crate::document::{Block, Inline};

use super::blocks::{blocks, Scope};
use super::ctx::Ctx;
use super::para::{paragraph, with, Para};
use super::runs::{run, Fmt};

/// The cell's fill and border per callout kind.
fn colours(kind: &str) -> (&'static str, &'static str) {
    match kind {
        "warning" => ("FDF1E7", "D55E00"),
        "insight" | "finding" => ("E8F4EC", "009E73"),
        "strategic" => ("F6EEF3", "CC79A7"),
        _ => ("EAF2F8", "0072B2"),
    }
}

/// Writes a callout: title in bold, then its blocks, in one shaded cell
/// with a rule at its start.
pub fn callout(ctx: &mut Ctx, kind: &str, title: &[Inline], body: &[Block]) {
    let (fill, line) = colours(kind);
    let x = &mut ctx.xml;
    x.open("w:tbl", &[]);
    x.open("w:tblPr", &[]);
    x.empty("w:tblW", &[("w:w", "5000"), ("w:type", "pct")]);
    x.open("w:tblBorders", &[]);
    x.empty(
        "w:left",
        &[
            ("w:val", "single"),
            ("w:sz", "24"),
            ("w:space", "0"),
            ("w:color", line),
        ],
    );
    x.close("w:tblBorders");
    x.open("w:tblCellMar", &[]);
    x.empty("w:top", &[("w:w", "100"), ("w:type", "dxa")]);
    x.empty("w:left", &[("w:w", "160"), ("w:type", "dxa")]);
    x.empty("w:bottom", &[("w:w", "60"), ("w:type", "dxa")]);
    x.empty("w:right", &[("w:w", "160"), ("w:type", "dxa")]);
    x.close("w:tblCellMar");
    x.close("w:tblPr");
    x.open("w:tblGrid", &[]);
    x.empty("w:gridCol", &[("w:w", &ctx.page.text_width().to_string())]);
    let x = &mut ctx.xml;
    x.close("w:tblGrid");
    x.open("w:tr", &[]);
    x.open("w:trPr", &[]);
    x.empty("w:cantSplit", &[]);
    x.close("w:trPr");
    x.open("w:tc", &[]);
    x.open("w:tcPr", &[]);
    x.empty("w:tcW", &[("w:w", "0"), ("w:type", "auto")]);
    x.empty(
        "w:shd",
        &[("w:val", "clear"), ("w:color", "auto"), ("w:fill", fill)],
    );
    x.close("w:tcPr");
    if !title.is_empty() {
        let p = Para {
            keep_next: true,
            ..Para::default()
        };
        let bold = Fmt {
            bold: true,
            ..Fmt::default()
        };
        paragraph(ctx, p, bold, title);
    }
    blocks(ctx, Scope::default(), body);
    // A cell must end in a paragraph, and a callout with no body still
    // needs one.
    if !matches!(body.last(), Some(Block::Paragraph(_) | Block::Plain(_))) {
        with(ctx, Para::default(), false, |_| {});
    }
    ctx.xml.close("w:tc");
    ctx.xml.close("w:tr");
    ctx.xml.close("w:tbl");
    with(ctx, Para::default(), false, |_| {});
}

/// Writes a stat: the number large, the illustrative mark, its label
/// under it, then its caption.
pub fn stat(
    ctx: &mut Ctx,
    value: &str,
    illustrative: bool,
    label: Option<&[Inline]>,
    caption: &[Block],
) {
    let p = Para {
        keep_next: true,
        ..Para::default()
    };
    let big = Fmt {
        bold: true,
        size: Some(48),
        ..Fmt::default()
    };
    with(ctx, p, false, |ctx| {
        run(ctx, big, value);
        if illustrative {
            run(
                ctx,
                Fmt {
                    raised: Some(true),
                    ..big
                },
                "†",
            );
        }
    });
    if let Some(label) = label {
        let bold = Fmt {
            bold: true,
            ..Fmt::default()
        };
        paragraph(ctx, p, bold, label);
    }
    blocks(ctx, Scope::default(), caption);
}
