//! Which folders are the site's reports: each glob of `reports`, in the
//! order written, expanded to the folders it matches (sorted by name), a
//! folder matched twice counting once. A report's slug is its folder's
//! name, and is its address in the output: `output/<slug>/index.html`.

use std::path::{Path, PathBuf};

use globset::Glob;
use walkdir::WalkDir;

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::front_matter::plain_name;

use super::config::{SiteConfig, SITE_FILE};

/// A report of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportDir {
    /// Its address in the output and in links, `slug#anchor`.
    pub slug: String,
    /// Its folder, relative to the site folder.
    pub rel: PathBuf,
}

/// Finds the reports of the site in `root`.
pub fn reports(
    root: &Path,
    config: &SiteConfig,
    text: &str,
) -> Result<Vec<ReportDir>, Diagnostics> {
    let mut found: Vec<ReportDir> = Vec::new();
    let mut problems = Diagnostics::new();
    let at = |pattern: &str| {
        text.find(&format!("\"{pattern}\""))
            .map_or(Location::file(SITE_FILE), |i| {
                Location::in_text(Path::new(SITE_FILE), text, i, pattern.len() + 2)
            })
    };
    for pattern in &config.reports {
        let matcher = match Glob::new(pattern) {
            Ok(g) => g.compile_matcher(),
            Err(e) => {
                problems.push(
                    Diagnostic::error(format!("`{pattern}` is not a glob: {}", e.kind()))
                        .at(at(pattern))
                        .help("write folders as globs relative to the site, e.g. \"reports/*\""),
                );
                continue;
            }
        };
        let depth = Path::new(pattern).components().count();
        let mut matched: Vec<PathBuf> = WalkDir::new(root)
            .min_depth(1)
            .max_depth(depth)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_dir())
            .filter_map(|e| e.path().strip_prefix(root).ok().map(Path::to_path_buf))
            .filter(|rel| !rel.starts_with("output") && matcher.is_match(rel))
            .filter(|rel| root.join(rel).join("content").is_dir())
            .collect();
        matched.sort();
        if matched.is_empty() {
            problems.push(
                Diagnostic::error(format!("`{pattern}` matches no report folder"))
                    .at(at(pattern))
                    .help("a report folder holds content/report.toml; create one with `findings new reports/NAME`"),
            );
        }
        for rel in matched {
            if found.iter().any(|r| r.rel == rel) {
                continue;
            }
            let slug = rel
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !plain_name(&slug) || slug == "index.html" {
                problems.push(
                    Diagnostic::error(format!("report folder `{}` cannot be an address", rel.display()))
                        .at(Location::file(&rel))
                        .help("name report folders with letters, digits, `-` and `_`: they become output/<name>/"),
                );
                continue;
            }
            if let Some(first) = found.iter().find(|r| r.slug == slug) {
                problems.push(
                    Diagnostic::error(format!(
                        "two reports are called `{slug}`: {} and {}",
                        first.rel.display(),
                        rel.display()
                    ))
                    .at(Location::file(&rel))
                    .help("a report's folder name is its address: rename one of them"),
                );
                continue;
            }
            found.push(ReportDir { slug, rel });
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(found)
    }
}
