//! Writing a site into `output/`: every page through [`crate::output`],
//! so each is written aside and renamed into place, and each folder
//! (`output/`, `output/<slug>/`) carries its own marker: findings replaces
//! only what it wrote and never removes anything, not even the folder of
//! a report the site no longer lists. Nothing is written until every
//! report has built, so a failed build leaves the previous site as it was.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Diagnostic;
use crate::output;

use super::SitePages;

/// Writes `site` into `out`: the index first, so that `out` is marked as
/// findings' before the report folders appear in it, then the reports in
/// parallel (each is flushed to disk, and the waits overlap).
pub fn write(out: &Path, site: &SitePages, force: bool) -> Result<Vec<PathBuf>, Diagnostic> {
    let folder = |rel: &Path| {
        rel.parent()
            .map_or_else(|| out.to_path_buf(), |p| out.join(p))
    };
    let Some(((index_rel, index), reports)) = site.pages.split_first() else {
        return Ok(Vec::new());
    };
    let first = output::write(&folder(index_rel), index, force)?;
    let rest: Result<Vec<PathBuf>, Diagnostic> = reports
        .par_iter()
        .map(|(rel, html)| output::write(&folder(rel), html, force))
        .collect();
    let mut written = vec![first];
    written.extend(rest?);
    Ok(written)
}
