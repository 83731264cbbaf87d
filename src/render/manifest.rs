//! The build manifest: what a page was built from, shown in its "About
//! this report" appendix and embedded as inert JSON
//! (`<script type="application/json" id="findings-manifest">`) so that
//! `findings verify` can tell whether the page still matches its data.
//!
//! It holds nothing that changes between two builds of the same inputs
//! (no time, no machine), so builds stay byte-identical.

use serde::{Deserialize, Serialize};

use crate::document::{BuildFacts, InputFact};
use crate::load::inputs::Input;

/// The element id of the embedded manifest.
pub const ELEMENT_ID: &str = "findings-manifest";

/// What a page records about its build.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The findings version that built it.
    pub findings: String,
    /// Every input file, sorted by path.
    pub inputs: Vec<ManifestInput>,
    /// Sources, participants, codes and segments.
    pub counts: Counts,
}

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestInput {
    /// Path relative to the project.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, lowercase hex.
    pub sha256: String,
}

/// The size of the study.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Sources.
    pub sources: usize,
    /// Participants.
    pub participants: usize,
    /// Codes.
    pub codes: usize,
    /// Coded segments.
    pub segments: usize,
}

impl Manifest {
    /// The manifest of a build of `inputs` with `counts` (sources,
    /// participants, codes, segments).
    pub fn new(inputs: &[Input], counts: [usize; 4]) -> Manifest {
        Manifest {
            findings: env!("CARGO_PKG_VERSION").to_string(),
            inputs: inputs
                .iter()
                .map(|i| ManifestInput {
                    path: i.path.clone(),
                    bytes: i.bytes,
                    sha256: i.sha256.clone(),
                })
                .collect(),
            counts: Counts {
                sources: counts[0],
                participants: counts[1],
                codes: counts[2],
                segments: counts[3],
            },
        }
    }

    /// The `<script>` element carrying the manifest. `<` is written
    /// `\u003c`, so no string in it can close the element.
    pub fn element(&self) -> String {
        let json = self.json();
        format!(
            "<script type=\"application/json\" id=\"{ELEMENT_ID}\">\n{}\n</script>\n",
            json.replace('<', "\\u003c")
        )
    }

    /// The manifest as JSON, as the page embeds it and the PDF attaches it.
    pub fn json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads the manifest embedded in a built page.
    pub fn from_page(page: &str) -> Option<Result<Manifest, String>> {
        let open = format!("<script type=\"application/json\" id=\"{ELEMENT_ID}\">");
        let start = page.find(&open)? + open.len();
        let len = page[start..].find("</script>")?;
        Some(serde_json::from_str(&page[start..start + len]).map_err(|e| e.to_string()))
    }

    /// What the "About this report" appendix shows, in number format `f`.
    pub fn facts(&self, f: &crate::model::numbers::NumberFormat) -> BuildFacts {
        let c = &self.counts;
        BuildFacts {
            version: self.findings.clone(),
            files: f.count(self.inputs.len() as u64),
            counts: [c.sources, c.participants, c.codes, c.segments].map(|n| f.count(n as u64)),
            inputs: self
                .inputs
                .iter()
                .map(|i| InputFact {
                    path: i.path.clone(),
                    bytes: f.count(i.bytes),
                    sha256: i.sha256.clone(),
                })
                .collect(),
        }
    }
}
