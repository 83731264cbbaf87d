//! `findings verify`: does a built page still match its data? The page's
//! manifest names every input and its SHA-256; the project is rebuilt in
//! memory and both the inputs and the page are compared. Builds are
//! byte-identical, so a page that matches was built from exactly these
//! inputs by this version.

use std::path::Path;

use crate::error::Diagnostics;
use crate::render::manifest::Manifest;

/// What verifying a page found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// The page is what a build of the project gives today.
    Matches {
        /// How many inputs the manifest lists.
        inputs: usize,
    },
    /// Inputs changed since the page was built.
    Changed {
        /// Changed since: `(path, what)`, e.g. `("content/data/segments.json", "changed")`.
        inputs: Vec<(String, &'static str)>,
    },
    /// The inputs are those the page was built from, yet the page differs
    /// from a fresh build of them.
    PageDiffers {
        /// The version that built the page.
        built_by: String,
    },
    /// The page carries no manifest, or one that cannot be read.
    NoManifest(String),
    /// The project does not build.
    DoesNotBuild(Diagnostics),
}

/// Verifies `page` (a built page's bytes) against the project in `project`.
pub fn verify(page: &[u8], project: &Path) -> Verdict {
    compare(page, super::build(project).map(|b| b.html))
}

/// Verifies `page` against `rebuilt`, the page a fresh build gives (or
/// why none could be built): a report of a site is rebuilt with its site.
/// The page is compared byte for byte: a page that is not even UTF-8 any
/// more was edited, whatever a lossy reading of it would say.
pub fn compare(page: &[u8], rebuilt: Result<String, Diagnostics>) -> Verdict {
    let recorded = Manifest::from_page(&String::from_utf8_lossy(page));
    let rebuilt = rebuilt.map(|html| (Manifest::from_page(&html), html.into_bytes()));
    compare_built("page", page, recorded, rebuilt)
}

/// Verifies `pdf` (a built PDF's bytes) against the project in `project`:
/// its attached manifest against the inputs today, and its bytes against
/// the PDF a fresh build writes.
#[cfg(feature = "pdf")]
pub fn verify_pdf(pdf: &[u8], project: &Path) -> Verdict {
    use crate::load::outputs::Format;
    let read = |json: &[u8]| serde_json::from_slice::<Manifest>(json).map_err(|e| e.to_string());
    let recorded = crate::writers::pdf::attached::manifest(pdf).map(|m| m.and_then(|j| read(&j)));
    let rebuilt = super::build_as(project, &[Format::Pdf]).and_then(|built| {
        let bytes = super::formats::one(&built, project, Format::Pdf, &mut Diagnostics::new())?;
        Ok((Some(read(built.manifest.as_bytes())), bytes))
    });
    compare_built("PDF", pdf, recorded, rebuilt)
}

/// A manifest found in a built file: `None` when it carries none.
type Recorded = Option<Result<Manifest, String>>;

/// The verdict on `file` (a built `what`), the manifest it carries, and
/// what a fresh build gives: its manifest and its bytes.
fn compare_built(
    what: &str,
    file: &[u8],
    recorded: Recorded,
    rebuilt: Result<(Recorded, Vec<u8>), Diagnostics>,
) -> Verdict {
    let recorded = match recorded {
        None => return Verdict::NoManifest(format!("the {what} has no build manifest")),
        Some(Err(e)) => {
            return Verdict::NoManifest(format!("the {what}'s build manifest cannot be read: {e}"))
        }
        Some(Ok(m)) => m,
    };
    let (current, built) = match rebuilt {
        Ok((Some(Ok(m)), bytes)) => (m, bytes),
        Ok(_) => return Verdict::NoManifest("a fresh build carries no manifest".into()),
        Err(problems) => return Verdict::DoesNotBuild(problems),
    };
    let mut changed = Vec::new();
    for was in &recorded.inputs {
        match current.inputs.iter().find(|i| i.path == was.path) {
            None => changed.push((was.path.clone(), "removed")),
            Some(now) if now.sha256 != was.sha256 => changed.push((was.path.clone(), "changed")),
            Some(_) => {}
        }
    }
    for now in &current.inputs {
        if !recorded.inputs.iter().any(|i| i.path == now.path) {
            changed.push((now.path.clone(), "added"));
        }
    }
    if !changed.is_empty() {
        changed.sort();
        return Verdict::Changed { inputs: changed };
    }
    if built != file {
        return Verdict::PageDiffers {
            built_by: recorded.findings,
        };
    }
    Verdict::Matches {
        inputs: recorded.inputs.len(),
    }
}
