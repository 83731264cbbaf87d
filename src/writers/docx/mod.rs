//! The Word writer: the report's document as a .docx that opens cleanly
//! in Word and LibreOffice and stays editable: Word's built-in styles (so
//! a publisher's template restyles it), native tables, captions numbered
//! by SEQ fields, links to bookmarks, a TOC field, charts as pictures
//! with their summary as alternative text.
//!
//! WordprocessingML is written directly with quick-xml (escaping through
//! it) and zipped with `zip`, both already used by findings: docx-rs, the
//! crate the issue names, lacks `w:tblHeader`, `w:smallCaps`, `w:rtl`
//! and `w:lang`, numbers pictures with a process-wide counter (a second
//! write in the same process gives other bytes) and has `todo!()` and
//! `expect` on paths a document can reach.

mod blocks;
mod callout;
mod chart_fonts;
mod ctx;
mod figures;
mod front;
mod inlines;
mod numbering;
mod package;
mod para;
mod pictures;
mod properties;
mod quotes;
mod raster;
mod reference;
mod runs;
mod styles;
mod tables;
mod xml;

#[cfg(test)]
mod tests;

use std::path::PathBuf;

use crate::document::Document;
use crate::error::{Diagnostic, Diagnostics};

use blocks::Scope;
use ctx::{Ctx, Page};
use para::paragraph;
use runs::Fmt;

/// What `report.toml`'s `[docx]` table gives the writer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The reference document (absolute path): its styles, page size and
    /// margins are used.
    pub reference: Option<PathBuf>,
    /// The body font; Calibri when `None` (ignored with a reference
    /// document, whose styles set the fonts).
    pub font: Option<String>,
    /// The font charts are drawn in; any installed sans-serif when `None`.
    pub chart_font: Option<String>,
    /// The charts' colours on paper, from the theme.
    pub palette: crate::writers::palette::Palette,
}

/// The .docx of `doc`. Errors (an unusable reference document) come as
/// diagnostics; warnings are dropped: see [`write_with_warnings`].
pub fn write(doc: &Document, options: &Options) -> Result<Vec<u8>, Diagnostics> {
    write_with_warnings(doc, options).map(|(bytes, _)| bytes)
}

/// The .docx of `doc` and the warnings on the way (characters XML does
/// not allow left out, a figure that could not be drawn), each naming
/// where in the report.
pub fn write_with_warnings(
    doc: &Document,
    options: &Options,
) -> Result<(Vec<u8>, Diagnostics), Diagnostics> {
    let reference = match &options.reference {
        Some(path) => Some(reference::read(path).map_err(|d| Diagnostics(vec![d]))?),
        None => None,
    };
    let page = reference.as_ref().and_then(|r| r.page).unwrap_or(Page::A4);
    let sheet = raster::sheet(options.chart_font.as_deref(), &options.palette);
    let mut ctx = Ctx::new(page, sheet);
    let runs = doc.sections.iter().map(|s| s.blocks.as_slice());
    let runs = runs.chain(doc.appendices.iter().map(|a| a.blocks.as_slice()));
    let families = raster::chart_families(options.chart_font.as_deref());
    ctx.pictures = pictures::all(runs, &page, &ctx.chart_sheet, &families);
    body(&mut ctx, doc);
    let Ctx {
        xml,
        media,
        links,
        ordered,
        mut warnings,
        ..
    } = ctx;
    let font = options.font.as_deref();
    let parts = package::Parts {
        document: xml.finish(),
        styles: styles::part(
            &doc.front.language,
            font,
            reference.as_ref().map(|r| &r.styles),
        ),
        numbering: numbering::part(&ordered),
        core: properties::core(doc),
        app: properties::app(),
        custom: properties::custom(doc),
        media,
        links,
    };
    let bytes = package::zip(&parts).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(format!(
            "cannot write the Word file: {e}"
        ))])
    })?;
    warnings.0.sort_by(|a, b| a.message.cmp(&b.message));
    Ok((bytes, warnings))
}

/// Writes `word/document.xml`: title block, contents, sections,
/// appendices, and the page.
fn body(ctx: &mut Ctx, doc: &Document) {
    ctx.xml.open(
        "w:document",
        &[
            ("xmlns:w", package::W),
            ("xmlns:r", package::R),
            ("xmlns:wp", package::WP),
        ],
    );
    ctx.xml.open("w:body", &[]);
    front::title_block(ctx, &doc.front, doc.illustrative);
    front::contents(ctx, &doc.contents);
    for s in &doc.sections {
        ctx.enter(format!("section `{}`", s.id));
        blocks::heading(ctx, 1, &s.id, &s.title);
        blocks::blocks(ctx, Scope::default(), &s.blocks);
    }
    for a in &doc.appendices {
        ctx.enter(format!("appendix `{}`", a.id));
        blocks::heading(ctx, 1, &a.id, &crate::document::text(&a.title));
        if !a.intro.is_empty() {
            paragraph(ctx, para::Para::default(), Fmt::default(), &a.intro);
        }
        blocks::blocks(ctx, Scope::default(), &a.blocks);
    }
    ctx.flush_stripped();
    section_properties(ctx);
    ctx.xml.close("w:body");
    ctx.xml.close("w:document");
}

/// The page: size, orientation and margins.
fn section_properties(ctx: &mut Ctx) {
    let p = ctx.page;
    let x = &mut ctx.xml;
    x.open("w:sectPr", &[]);
    let (w, h) = (p.width.to_string(), p.height.to_string());
    let orient = if p.landscape { "landscape" } else { "portrait" };
    x.empty("w:pgSz", &[("w:w", &w), ("w:h", &h), ("w:orient", orient)]);
    let [top, right, bottom, left] = p.margins.map(|m| m.to_string());
    let attrs = [
        ("w:top", top.as_str()),
        ("w:right", &right),
        ("w:bottom", &bottom),
        ("w:left", &left),
        ("w:header", "709"),
        ("w:footer", "709"),
        ("w:gutter", "0"),
    ];
    x.empty("w:pgMar", &attrs);
    x.close("w:sectPr");
}
