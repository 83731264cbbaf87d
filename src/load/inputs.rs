//! The files a report is built from, with their SHA-256, for the page's
//! build manifest: every file under `content/` and the project's theme
//! folder, sorted, hidden files left out (as the loaders leave them out).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::{Digest, Sha256};
use walkdir::WalkDir;

use crate::error::{Diagnostic, Location};

/// One input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// Path relative to the project, with `/` separators.
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256, lowercase hex.
    pub sha256: String,
}

/// Hashes already made, by path, with the size and modification time they
/// were made at: `serve` rehashes only what changed.
#[derive(Debug, Clone, Default)]
pub struct HashCache(HashMap<PathBuf, (u64, Option<SystemTime>, String)>);

/// The inputs of the project in `root` whose theme is `theme`.
pub fn inputs(root: &Path, theme: &str, cache: &mut HashCache) -> Result<Vec<Input>, Diagnostic> {
    let mut folders = vec![PathBuf::from("content")];
    if theme != "default" {
        folders.push(Path::new("themes").join(theme));
    }
    let mut out = Vec::new();
    for folder in folders {
        let walk = WalkDir::new(root.join(&folder))
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk {
            let entry = entry.map_err(|e| {
                Diagnostic::error(format!("cannot list {}: {e}", folder.display()))
                    .at(Location::file(&folder))
                    .help("check the folder's permissions")
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let meta = entry.metadata().ok();
            let bytes = meta.as_ref().map_or(0, |m| m.len());
            let modified = meta.and_then(|m| m.modified().ok());
            let sha256 = match cache.0.get(rel) {
                Some((b, m, hash)) if *b == bytes && *m == modified && modified.is_some() => {
                    hash.clone()
                }
                _ => {
                    let data =
                        crate::load::read_bytes_limited(root, rel, crate::load::MAX_FILE_BYTES)?;
                    let hash = hex(&Sha256::digest(&data));
                    cache
                        .0
                        .insert(rel.to_path_buf(), (bytes, modified, hash.clone()));
                    hash
                }
            };
            let path: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(Input {
                path: path.join("/"),
                bytes,
                sha256,
            });
        }
    }
    Ok(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
