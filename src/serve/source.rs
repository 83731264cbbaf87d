//! What `serve` builds: one report, or a research site of many. Either
//! way a build gives pages by their path (`index.html`, and in a site
//! `<slug>/index.html`), and a rebuild redoes only what a save touched.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Diagnostics;
use crate::report::Builder;
use crate::site::{self, builder::SiteBuilder};

use super::downloads::Downloads;

/// A build's pages by path, and its warnings.
#[derive(Debug, Clone)]
pub struct Pages {
    /// `(path under the site root, html)`, the index first.
    pub pages: Vec<(String, String)>,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
    /// The report's PDF and Word file, written when asked for (a site's
    /// reports offer none yet).
    pub downloads: Option<Arc<Downloads>>,
}

/// The project being served.
#[derive(Debug)]
pub enum Source {
    /// A project folder: one report, and that folder.
    Report(Box<Builder>, PathBuf),
    /// A folder with `site.toml`.
    Site(Box<SiteBuilder>),
}

impl Source {
    /// The builder for the project or site in `root`.
    pub fn new(root: &Path) -> Source {
        if site::is_site(root) {
            Source::Site(Box::new(SiteBuilder::new(root)))
        } else {
            Source::Report(Box::new(Builder::new(root)), root.to_path_buf())
        }
    }

    /// Folders to watch, relative to the root: `content/` and `themes/` of
    /// the report, or of every report of the site.
    pub fn watched(&self) -> Vec<PathBuf> {
        let bases = match self {
            Source::Report(..) => vec![PathBuf::new()],
            Source::Site(site) => site.report_folders(),
        };
        bases
            .iter()
            .flat_map(|b| [b.join("content"), b.join("themes")])
            .collect()
    }

    /// Rebuilds after `changed` (relative to the root); none: a build.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Pages, Diagnostics> {
        match self {
            Source::Report(b, root) => {
                let mut built = if changed.is_empty() {
                    b.build()
                } else {
                    b.rebuild(changed)
                }?;
                let html = std::mem::take(&mut built.html);
                let warnings = std::mem::take(&mut built.warnings);
                Ok(Pages {
                    pages: vec![("index.html".to_string(), html)],
                    warnings,
                    downloads: Some(Arc::new(Downloads::new(built, root.clone()))),
                })
            }
            Source::Site(s) => {
                let site = if changed.is_empty() {
                    s.build()
                } else {
                    s.rebuild(changed)
                }?;
                Ok(Pages {
                    pages: site
                        .pages
                        .into_iter()
                        .map(|(p, html)| (p.to_string_lossy().into_owned(), html))
                        .collect(),
                    warnings: site.warnings,
                    downloads: None,
                })
            }
        }
    }
}
