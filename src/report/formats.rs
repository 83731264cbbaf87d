//! The report in each format it is asked for: the page from the HTML
//! writer, and the PDF and Word files from the same document, each named
//! after the report's slug. Everything is written in memory, so a writer
//! that fails leaves `output/` as it was.

use std::path::{Component, Path, PathBuf};

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::outputs::Format;
use crate::output::PAGE;

use super::Built;

/// The files of a built report, with the writers' warnings.
#[derive(Debug, Default)]
pub struct Files {
    /// `(file name, bytes)`, in the order of [`Format::ALL`].
    pub files: Vec<(String, Vec<u8>)>,
    /// What the writers warn of (a glyph no font has, a character Word
    /// cannot hold).
    pub warnings: Diagnostics,
}

/// The file name of `built` in `format`.
pub fn file_name(built: &Built, format: Format) -> String {
    match format {
        Format::Html => PAGE.to_string(),
        f => format!("{}.{}", built.slug, f.name()),
    }
}

/// Writes `built` (of the project in `root`) in each of its formats; the
/// page is moved, not copied.
pub fn files(mut built: Built, root: &Path) -> Result<Files, Diagnostics> {
    let mut out = Files::default();
    for format in built.formats.clone() {
        let bytes = match format {
            Format::Html => std::mem::take(&mut built.html).into_bytes(),
            _ => one(&built, root, format, &mut out.warnings)?,
        };
        out.files.push((file_name(&built, format), bytes));
    }
    Ok(out)
}

/// The document of `built`, which a build asked for the page alone does
/// not keep.
fn document(built: &Built) -> Result<&crate::document::Document, Diagnostics> {
    built.document.as_ref().ok_or_else(|| {
        Diagnostic::error("the report was built for its page alone")
            .help("build it with the format asked for (--format html,pdf,docx)")
            .into()
    })
}

/// `built` in `format`, what the writer warns of added to `warnings`.
pub fn one(
    built: &Built,
    root: &Path,
    format: Format,
    warnings: &mut Diagnostics,
) -> Result<Vec<u8>, Diagnostics> {
    Ok(match format {
        Format::Html => built.html.as_bytes().to_vec(),
        Format::Docx => {
            let options = crate::writers::docx::Options {
                reference: match &built.docx.reference {
                    Some(r) => Some(inside(root, r, "[docx] reference")?),
                    None => None,
                },
                palette: built.palette.clone(),
                ..Default::default()
            };
            let (bytes, found) =
                crate::writers::docx::write_with_warnings(document(built)?, &options)?;
            warnings.extend(found);
            bytes
        }
        Format::Pdf => pdf(built, root, warnings)?,
    })
}

/// The PDF of `built`, its fonts from `[pdf] fonts` inside the project.
#[cfg(feature = "pdf")]
fn pdf(built: &Built, root: &Path, warnings: &mut Diagnostics) -> Result<Vec<u8>, Diagnostics> {
    use crate::load::outputs::Paper;
    use crate::writers::pdf;
    let fonts = built
        .pdf
        .fonts
        .iter()
        .map(|f| inside(root, f, "[pdf] fonts"))
        .collect::<Result<Vec<_>, _>>()?;
    let options = pdf::Options {
        paper: match built.pdf.paper {
            Paper::A4 => pdf::Paper::A4,
            Paper::Letter => pdf::Paper::Letter,
        },
        fonts,
        ident: Some(built.slug.clone()),
        manifest: Some(built.manifest.clone().into_bytes()),
        palette: built.palette.clone(),
    };
    pdf::write(document(built)?, &options, warnings)
}

/// A findings built without the `pdf` feature writes no PDF.
#[cfg(not(feature = "pdf"))]
fn pdf(_: &Built, _: &Path, _: &mut Diagnostics) -> Result<Vec<u8>, Diagnostics> {
    Err(Diagnostic::error("this findings was built without its PDF writer")
        .help("build findings with its default features (cargo build --release), or ask for --format html,docx")
        .into())
}

/// `rel`, a path `report.toml` gives for `key`, inside the project in
/// `root`: a relative path without `..`, so a report reads nothing of the
/// machine beyond its own folder.
fn inside(root: &Path, rel: &str, key: &str) -> Result<PathBuf, Diagnostics> {
    let path = Path::new(rel);
    let plain = path
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if rel.trim().is_empty() || !plain {
        return Err(Diagnostic::error(format!(
            "{key} = \"{rel}\" is not a path inside the project"
        ))
        .at(Location::file(Path::new("content/report.toml")))
        .help("give a path relative to the project folder, without `..`, e.g. \"templates/journal.docx\"")
        .into());
    }
    Ok(root.join(path))
}
