//! The PDF writer: the report's document as Typst markup, laid out and
//! exported by Typst used as a library (no TeX, browser or download).
//!
//! [`write`] is the one entry point. The PDF is tagged and identifies as
//! PDF/UA-1: a structure tree of headings, tables with header cells,
//! figures with their alternative text and lists; the document's title
//! and language are set. Charts go in as the same SVG as the page, as
//! vectors. The same document gives the same bytes: the creation date is
//! the report's date (or none), never the clock, and the document
//! identifier is fixed.

pub mod attached;
mod chart;
mod diag;
mod escape;
mod fonts;
mod glyphs;
mod markup;
mod world;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;

use typst::foundations::Smart;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::document::Document;
use crate::error::{Diagnostic, Diagnostics, Severity};
use crate::writers::chart_text;

/// The paper a PDF is laid out on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

/// How to write a PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The paper size.
    pub paper: Paper,
    /// The project's font folders (`[pdf] fonts`), resolved against the
    /// project; searched before the system's fonts.
    pub fonts: Vec<PathBuf>,
    /// A stable name of the report (its slug), hashed into the PDF's
    /// document identifier; the title when `None`.
    pub ident: Option<String>,
    /// The build manifest's bytes (JSON), attached to the PDF as
    /// `manifest.json` so that the PDF carries what it was built from.
    pub manifest: Option<Vec<u8>>,
    /// The charts' colours on paper, from the theme.
    pub palette: crate::writers::palette::Palette,
}

/// The PDF of `doc`: its bytes, or the errors that stopped it. Warnings
/// (a character no font has, a link to nothing, Typst's own) are added to
/// `warnings` either way.
pub fn write(
    doc: &Document,
    options: &Options,
    warnings: &mut Diagnostics,
) -> Result<Vec<u8>, Diagnostics> {
    for folder in &options.fonts {
        if !folder.is_dir() {
            warnings.push(
                Diagnostic::warning(format!("font folder {} does not exist", folder.display()))
                    .help("[pdf] fonts lists folders of .ttf/.otf files, relative to the project"),
            );
        }
    }
    if doc.front.title_text.trim().is_empty() {
        warnings.push(
            Diagnostic::warning(format!(
                "the report has no title: the PDF is titled \"{}\"",
                markup::UNTITLED
            ))
            .help("give the report a title in report.toml: PDF/UA requires one"),
        );
    }
    // The bundled and project fonts first; the machine's too when the
    // report has a character they lack (the markup names the fallback
    // families it finds, so it is made again).
    let mut fonts = fonts::Fonts::new(&options.fonts, false);
    let mut m = markup::document(doc, options, &fonts.families());
    let svgs = m.files.iter().filter(|(p, _)| p.ends_with(".svg"));
    let mut charts = svgs.map(|(_, b)| String::from_utf8_lossy(b));
    if glyphs::lacks(&m.source, &fonts) || charts.any(|svg| glyphs::lacks(&svg, &fonts)) {
        fonts = fonts::Fonts::new(&options.fonts, true);
        m = markup::document(doc, options, &fonts.families());
    }
    if options.manifest.is_some() {
        m.source.push_str(
            "#pdf.attach(\"manifest.json\", read(\"/manifest.json\", encoding: none), relationship: \"source\", mime-type: \"application/json\", description: \"The build manifest: every input file and its SHA-256\")\n",
        );
    }
    let (errors, found): (Vec<_>, Vec<_>) = m
        .problems
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    warnings.0.extend(found);
    if !errors.is_empty() {
        return Err(Diagnostics(errors));
    }
    let mut files = m.files;
    if let Some(manifest) = &options.manifest {
        files.push(("/manifest.json".to_string(), manifest.clone()));
    }
    let source = without_missing(m.source, &m.places, &mut files, &fonts, warnings);
    let world = world::Memory::new(source, files, &fonts);
    let ident = options
        .ident
        .clone()
        .unwrap_or_else(|| doc.front.title_text.clone());
    let result = catch_unwind(AssertUnwindSafe(|| {
        typeset(&world, &m.places, ident, warnings)
    }));
    typst::comemo::evict(10);
    result.unwrap_or_else(|_| {
        Err(Diagnostics(vec![Diagnostic::error(
            "the PDF writer failed inside Typst (a bug: please report it with the report that caused it)",
        )]))
    })
}

/// The markup and the charts with every character no font has replaced
/// (PDF/UA-1 refuses a PDF showing an empty box), each named in a warning,
/// and each chart's text made plain for Typst's SVG renderer.
fn without_missing(
    source: String,
    places: &[(usize, String)],
    files: &mut [(String, Vec<u8>)],
    fonts: &fonts::Fonts,
    warnings: &mut Diagnostics,
) -> String {
    let (found, missing) = glyphs::missing(&source, places, fonts);
    warnings.0.extend(found);
    for (path, bytes) in files.iter_mut().filter(|(p, _)| p.ends_with(".svg")) {
        let Ok(svg) = std::str::from_utf8(bytes) else {
            continue;
        };
        let svg = chart_text::plain(svg, fonts::TEXT, Some(&fonts::ChartFonts::new(fonts)));
        let chart = [(0, format!("the chart {path}"))];
        let (found, in_chart) = glyphs::missing(&svg, &chart, fonts);
        warnings.0.extend(found);
        let svg = glyphs::replace(&svg, &in_chart, fonts);
        *bytes = svg.into_bytes();
    }
    if missing.is_empty() {
        source
    } else {
        glyphs::replace(&source, &missing, fonts)
    }
}

/// Lays out and exports the world's markup.
fn typeset(
    world: &world::Memory<'_>,
    places: &[(usize, String)],
    ident: String,
    warnings: &mut Diagnostics,
) -> Result<Vec<u8>, Diagnostics> {
    let errors = |list: &[typst::diag::SourceDiagnostic]| {
        Diagnostics(
            list.iter()
                .map(|d| diag::convert(d, world, places))
                .collect(),
        )
    };
    let compiled = typst::compile::<PagedDocument>(world);
    warnings.0.extend(
        compiled
            .warnings
            .iter()
            .map(|d| diag::convert(d, world, places)),
    );
    let document = compiled.output.map_err(|e| errors(&e))?;
    let standards = PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| {
        Diagnostics(vec![Diagnostic::error(format!(
            "the PDF writer: {}",
            e.message()
        ))])
    })?;
    let mut options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some(format!("findings {}", env!("CARGO_PKG_VERSION")))),
        timestamp: None,
        standards,
        tagged: true,
        ..PdfOptions::default()
    };
    match typst_pdf::pdf(&document, &options) {
        Ok(bytes) => Ok(bytes),
        Err(found) if found.iter().all(|d| d.message.starts_with(UA_ERROR)) => {
            // Some text cannot be mapped back to its characters as PDF/UA
            // requires (Typst's hint names complex scripts). The reader
            // still gets a tagged PDF, with every word; only the PDF/UA
            // claim is left out, and the writer says why.
            let why = found
                .first()
                .map(|d| d.message.trim_start_matches(UA_ERROR).trim());
            warnings.push(
                Diagnostic::warning(format!(
                    "the PDF is tagged but not PDF/UA-1: {}",
                    why.unwrap_or("the PDF/UA-1 check failed")
                ))
                .help("this happens with text Typst cannot map back to its characters (some complex scripts, unusual emoji sequences); the page and the Word file are not affected"),
            );
            options.standards = PdfStandards::default();
            typst_pdf::pdf(&document, &options).map_err(|e| errors(&e))
        }
        Err(found) => Err(errors(&found)),
    }
}

/// How Typst begins an error of the PDF/UA-1 check.
const UA_ERROR: &str = "PDF/UA-1 error:";

#[cfg(test)]
mod tests;
