//! Writing a site into `output/`: every page through [`crate::output`],
//! so each is written aside and renamed into place, and each folder
//! (`output/`, `output/<slug>/`) carries its own marker: findings replaces
//! only what it wrote and never removes anything, not even the folder of
//! a report the site no longer lists. Nothing is written until every
//! report has built, so a failed build leaves the previous site as it was.

use std::path::{Path, PathBuf};

use crate::error::Diagnostic;
use crate::output;

use super::SitePages;

/// Writes `site` into `out`; the index first, so that `out` is marked as
/// findings' before the report folders appear in it.
pub fn write(out: &Path, site: &SitePages, force: bool) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut written = Vec::with_capacity(site.pages.len());
    for (rel, html) in &site.pages {
        let folder = rel
            .parent()
            .map_or_else(|| out.to_path_buf(), |p| out.join(p));
        written.push(output::write(&folder, html, force)?);
    }
    Ok(written)
}
