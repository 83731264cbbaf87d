//! Figures: the picture (a chart rasterised, an image as is) with its
//! alternative text, the caption numbered by a `SEQ Figure` field whose
//! shown result is the report's number, and a chart's data table after.

use crate::document::{Block, Figure, FigureBody};
use crate::error::Diagnostic;

use super::blocks::{blocks, Scope};
use super::ctx::{Ctx, Media};
use super::para::{with, Para};
use super::pictures;
use super::raster::Picture;
use super::runs::{field, run, Fmt};

/// DrawingML's namespaces, declared where they are used.
const A: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC: &str = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/// Writes figure `f`.
pub fn figure(ctx: &mut Ctx, f: &Figure) {
    let alt = match &f.body {
        FigureBody::Chart { summary, .. } => summary.as_str(),
        FigureBody::Image { alt, .. } => alt.as_str(),
    };
    let picture = match ctx.pictures.remove(&pictures::key(f)) {
        Some(made) => made,
        None => pictures::make(f, &ctx.page, &ctx.chart_sheet),
    };
    let p = Para {
        keep_next: true,
        align: Some("center"),
        ..Para::default()
    };
    match picture {
        Ok(picture) => with(ctx, p, false, |ctx| drawing(ctx, picture, alt)),
        Err(why) => {
            ctx.warnings.push(
                Diagnostic::warning(format!(
                    "Figure {} in {} is left out of the Word file: {why}",
                    f.number, ctx.place
                ))
                .help("its alternative text stands in its place"),
            );
            with(ctx, p, false, |ctx| run(ctx, Fmt::default(), alt));
        }
    }
    caption(ctx, f);
    if !f.data.is_empty() {
        let p = Para {
            keep_next: true,
            ..Para::styled("Caption")
        };
        with(ctx, p, false, |ctx| {
            run(
                ctx,
                Fmt::default(),
                &format!("Data for Figure {}", f.number),
            )
        });
        blocks(ctx, Scope::default(), &f.data);
    }
}

/// The caption: "Figure N." (a bookmark at the figure's id around it, so
/// cross-references land on it), the illustrative badge, the caption's
/// first paragraph; further caption blocks follow in the Caption style.
fn caption(ctx: &mut Ctx, f: &Figure) {
    let (first, rest) = match f.caption.split_first() {
        Some((Block::Paragraph(c) | Block::Plain(c), rest)) => (Some(c), rest),
        _ => (None, f.caption.as_slice()),
    };
    with(ctx, Para::styled("Caption"), false, |ctx| {
        let n = ctx.bookmark_start(&f.id);
        let bold = Fmt {
            bold: true,
            ..Fmt::default()
        };
        run(ctx, bold, "Figure ");
        field(ctx, bold, "SEQ Figure \\* ARABIC", &f.number);
        run(ctx, bold, ".");
        ctx.bookmark_end(n);
        run(ctx, Fmt::default(), " ");
        if f.illustrative {
            run(ctx, Fmt::default(), "[Illustrative data] ");
        }
        if let Some(first) = first {
            super::inlines::inlines(ctx, Fmt::default(), first);
        }
    });
    let scope = Scope {
        style: Some("Caption"),
        ..Scope::default()
    };
    blocks(ctx, scope, rest);
}

/// Writes an inline picture run: relationship, size, and `descr` (its
/// alternative text) on both `wp:docPr` and `pic:cNvPr`.
fn drawing(ctx: &mut Ctx, picture: Picture, alt: &str) {
    let k = ctx.media.len() + 1;
    let name = format!("image{k}.{}", picture.ext);
    let rel = format!("rIdImg{k}");
    ctx.media.push(Media {
        name: name.clone(),
        bytes: picture.bytes,
    });
    let id = ctx.next_drawing.to_string();
    ctx.next_drawing += 1;
    let (cx, cy) = (picture.size.0.to_string(), picture.size.1.to_string());
    let x = &mut ctx.xml;
    x.open("w:r", &[]);
    x.open("w:drawing", &[]);
    let zero = [
        ("distT", "0"),
        ("distB", "0"),
        ("distL", "0"),
        ("distR", "0"),
    ];
    x.open("wp:inline", &zero);
    x.empty("wp:extent", &[("cx", &cx), ("cy", &cy)]);
    x.empty(
        "wp:effectExtent",
        &[("l", "0"), ("t", "0"), ("r", "0"), ("b", "0")],
    );
    let title = format!("Picture {id}");
    x.empty("wp:docPr", &[("id", &id), ("name", &title), ("descr", alt)]);
    x.open("wp:cNvGraphicFramePr", &[]);
    x.empty(
        "a:graphicFrameLocks",
        &[("xmlns:a", A), ("noChangeAspect", "1")],
    );
    x.close("wp:cNvGraphicFramePr");
    x.open("a:graphic", &[("xmlns:a", A)]);
    x.open("a:graphicData", &[("uri", PIC)]);
    x.open("pic:pic", &[("xmlns:pic", PIC)]);
    x.open("pic:nvPicPr", &[]);
    x.empty("pic:cNvPr", &[("id", "0"), ("name", &name), ("descr", alt)]);
    x.empty("pic:cNvPicPr", &[]);
    x.close("pic:nvPicPr");
    x.open("pic:blipFill", &[]);
    x.empty("a:blip", &[("r:embed", &rel)]);
    x.open("a:stretch", &[]);
    x.empty("a:fillRect", &[]);
    x.close("a:stretch");
    x.close("pic:blipFill");
    x.open("pic:spPr", &[]);
    x.open("a:xfrm", &[]);
    x.empty("a:off", &[("x", "0"), ("y", "0")]);
    x.empty("a:ext", &[("cx", &cx), ("cy", &cy)]);
    x.close("a:xfrm");
    x.open("a:prstGeom", &[("prst", "rect")]);
    x.empty("a:avLst", &[]);
    x.close("a:prstGeom");
    x.close("pic:spPr");
    x.close("pic:pic");
    x.close("a:graphicData");
    x.close("a:graphic");
    x.close("wp:inline");
    x.close("w:drawing");
    x.close("w:r");
}
