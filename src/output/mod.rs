//! Stage 6 of the pipeline: write `output/`.
//!
//! The page is written to a temporary file beside its destination and
//! renamed over it, so a reader (or a crash) never sees half a report and a
//! failed build leaves the previous one untouched. Only files findings
//! itself writes are ever replaced; nothing is deleted.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Location};

/// The page's file name inside the output folder.
pub const PAGE: &str = "index.html";
/// Marks a folder as written by findings, so `--out` can refuse others.
pub const MARKER: &str = ".findings";

/// Writes `html` as `out/index.html` atomically. Refuses a folder holding
/// files findings did not write, unless `force`.
pub fn write(out: &Path, html: &str, force: bool) -> Result<PathBuf, Diagnostic> {
    let io = |what: &str, path: &Path, e: std::io::Error| {
        Diagnostic::error(format!("cannot {what} {}: {e}", path.display()))
            .at(Location::file(path))
            .help("check that the output folder is writable, or pass another with --out")
    };
    if out.exists() && !out.is_dir() {
        return Err(
            Diagnostic::error(format!("{} is a file, not a folder", out.display()))
                .at(Location::file(out))
                .help("pass a folder with --out"),
        );
    }
    if out.is_dir() && !force && !out.join(MARKER).exists() {
        let foreign: Vec<String> = fs::read_dir(out)
            .map_err(|e| io("read", out, e))?
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != PAGE)
            .collect();
        if !foreign.is_empty() {
            return Err(Diagnostic::error(format!(
                "{} holds files findings did not write ({})",
                out.display(),
                foreign.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
            ))
            .at(Location::file(out))
            .help("pass an empty or new folder with --out, or --force to write index.html there anyway"));
        }
    }
    fs::create_dir_all(out).map_err(|e| io("create", out, e))?;
    let marker = out.join(MARKER);
    if !marker.exists() {
        fs::write(&marker, "This folder is written by `findings build`.\n")
            .map_err(|e| io("write", &marker, e))?;
    }
    let dest = out.join(PAGE);
    let tmp = out.join(format!(".{PAGE}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(html.as_bytes())?;
        f.sync_all()?;
        fs::rename(&tmp, &dest)
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp);
        return Err(io("write", &dest, e));
    }
    Ok(dest)
}
