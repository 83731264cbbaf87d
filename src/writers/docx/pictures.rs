//! Every figure's picture made before the body is written, in parallel:
//! rasterising is nearly all of the writer's time, and each chart is
//! independent of the others.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::document::{Block, Content, Figure, FigureBody};

use crate::writers::chart_text;

use super::chart_fonts::ChartFonts;
use super::ctx::Page;
use super::raster::{self, Picture};

/// Pictures by the address of their figure in the document.
pub type Pictures = HashMap<usize, Result<Picture, String>>;

/// The key of figure `f`.
pub fn key(f: &Figure) -> usize {
    f as *const Figure as usize
}

/// The picture of every figure under `runs`.
/// `families` are the charts' fonts, in the style sheet's order.
pub fn all<'a>(
    runs: impl Iterator<Item = &'a [Block]>,
    page: &Page,
    sheet: &str,
    families: &[String],
) -> Pictures {
    let mut figures = Vec::new();
    for blocks in runs {
        collect(blocks, &mut figures);
    }
    // The charts' text in runs of fonts that have it, before the pictures
    // are drawn in parallel: what each font covers is read once.
    let db = raster::fonts();
    let names: Vec<&str> = families.iter().map(String::as_str).collect();
    let fonts = ChartFonts::new(&db, &names);
    let default = fonts.first().unwrap_or_default().to_string();
    let prepared: Vec<(&Figure, Option<String>)> = figures
        .into_iter()
        .map(|f| match &f.body {
            FigureBody::Chart { svg, .. } => {
                (f, Some(chart_text::plain(svg, &default, Some(&fonts))))
            }
            FigureBody::Image { .. } => (f, None),
        })
        .collect();
    prepared
        .par_iter()
        .map(|(f, svg)| {
            let picture = match svg {
                Some(svg) => guarded(|| raster::chart(svg, page, sheet)),
                None => make(f, page, sheet),
            };
            (key(f), picture)
        })
        .collect()
}

/// `draw()`, or an error if the SVG renderer panics on what it was given:
/// a picture that cannot be drawn is a warning, never the end of the build.
fn guarded(draw: impl FnOnce() -> Result<Picture, String>) -> Result<Picture, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(draw)).unwrap_or_else(|_| {
        Err("the SVG renderer failed on it (a bug: please report it with the report)".to_string())
    })
}

/// The picture of one figure; `sheet` is the charts' style sheet.
pub fn make(f: &Figure, page: &Page, sheet: &str) -> Result<Picture, String> {
    guarded(|| match &f.body {
        FigureBody::Chart { svg, .. } => {
            raster::chart(&chart_text::plain(svg, "", None), page, sheet)
        }
        FigureBody::Image { mime, bytes, .. } => raster::image(mime, bytes, page),
    })
}

fn collect<'a>(blocks: &'a [Block], out: &mut Vec<&'a Figure>) {
    for b in blocks {
        match b {
            Block::Figure(f) => {
                out.push(f);
                collect(&f.caption, out);
                collect(&f.data, out);
            }
            Block::BlockQuote(body)
            | Block::Compare(body)
            | Block::Footnote { blocks: body, .. }
            | Block::Callout { body, .. }
            | Block::Side { body, .. }
            | Block::Stat { caption: body, .. } => collect(body, out),
            Block::List { items, .. } => items.iter().for_each(|i| collect(i, out)),
            Block::Table(t) => {
                for row in t.head.iter().chain(&t.body).chain(&t.foot) {
                    for cell in &row.cells {
                        if let Content::Blocks(body) = &cell.content {
                            collect(body, out);
                        }
                    }
                }
            }
            _ => {}
        }
    }
}
