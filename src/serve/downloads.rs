//! The report's PDF and Word file in `serve`: written when a reader first
//! asks for one, from the last good build's document, and kept until the
//! next good build (a save makes them stale; the next request writes them
//! again). Writing a PDF takes longer than a rebuild, so a save never
//! waits for one.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use bytes::Bytes;

use crate::load::outputs::Format;
use crate::report::{self, Built};

/// The other formats of one good build.
pub struct Downloads {
    built: Built,
    root: PathBuf,
    made: Mutex<HashMap<Format, Arc<Result<Bytes, String>>>>,
}

impl std::fmt::Debug for Downloads {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Downloads")
            .field("slug", &self.built.slug)
            .finish()
    }
}

impl Downloads {
    /// The downloads of `built`, the report of the project in `root`.
    pub fn new(built: Built, root: PathBuf) -> Downloads {
        Downloads {
            built,
            root,
            made: Mutex::new(HashMap::new()),
        }
    }

    /// The file named `name` (`<slug>.pdf`) with its media type, written
    /// now if it was not yet; `None` when the page offers no such file.
    /// `Err` says why the writer failed.
    pub fn get(&self, name: &str) -> Option<(Arc<Result<Bytes, String>>, &'static str)> {
        let format = self
            .built
            .formats
            .iter()
            .copied()
            .filter(|f| *f != Format::Html)
            .find(|f| report::file_name(&self.built, *f) == name)?;
        let mut made = self.made.lock().unwrap_or_else(|e| e.into_inner());
        let file = made
            .entry(format)
            .or_insert_with(|| {
                let mut warnings = crate::error::Diagnostics::new();
                Arc::new(
                    report::one(&self.built, &self.root, format, &mut warnings)
                        .map(Bytes::from)
                        .map_err(|d| d.render(false)),
                )
            })
            .clone();
        Some((file, media_type(format)))
    }
}

/// The media type of a file in `format`.
fn media_type(format: Format) -> &'static str {
    match format {
        Format::Html => "text/html; charset=utf-8",
        Format::Pdf => "application/pdf",
        Format::Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    }
}
