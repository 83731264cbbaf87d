//! Every figure's picture made before the body is written, in parallel:
//! rasterising is nearly all of the writer's time, and each chart is
//! independent of the others.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::document::{Block, Content, Figure, FigureBody};

use super::ctx::Page;
use super::raster::{self, Picture};

/// Pictures by the address of their figure in the document.
pub type Pictures = HashMap<usize, Result<Picture, String>>;

/// The key of figure `f`.
pub fn key(f: &Figure) -> usize {
    f as *const Figure as usize
}

/// The picture of every figure under `runs`.
pub fn all<'a>(runs: impl Iterator<Item = &'a [Block]>, page: &Page, sheet: &str) -> Pictures {
    let mut figures = Vec::new();
    for blocks in runs {
        collect(blocks, &mut figures);
    }
    figures
        .par_iter()
        .map(|f| (key(f), make(f, page, sheet)))
        .collect()
}

/// The picture of one figure; `sheet` is the charts' style sheet.
pub fn make(f: &Figure, page: &Page, sheet: &str) -> Result<Picture, String> {
    match &f.body {
        FigureBody::Chart { svg, .. } => raster::chart(svg, page, sheet),
        FigureBody::Image { mime, bytes, .. } => raster::image(mime, bytes, page),
    }
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
