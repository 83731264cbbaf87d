//! Stage 6 of the pipeline: write `output/`.
//!
//! The page is written to a temporary file beside its destination, flushed
//! and renamed over it (see [`atomic`]), so a reader, a crash or a full
//! disk never leaves half a report, and a failed build leaves the previous
//! one untouched. The folder's `.findings` marker (see [`marker`]) lists
//! the files findings wrote; nothing else is ever replaced, and nothing but
//! findings' own leftover temporary files is ever removed. Symbolic links
//! where findings writes are refused: on a shared machine or in CI, anyone
//! who can write into `output/` could otherwise aim the build at a file
//! elsewhere.

mod atomic;
mod marker;

use std::fs::{self, File};
use std::io;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Location};

pub use marker::MARKER;

/// The page's file name inside the output folder.
pub const PAGE: &str = "index.html";

/// Writes `html` as `out/index.html` atomically. Refuses a folder holding
/// files findings did not write, and symbolic links at `out` or at a name
/// findings writes, unless `force`.
pub fn write(out: &Path, html: &str, force: bool) -> Result<PathBuf, Diagnostic> {
    let mut written = write_files(out, &[(PAGE, html.as_bytes())], force)?;
    Ok(written.remove(0))
}

/// Writes each `(name, bytes)` of `files` (plain file names: the page,
/// `<slug>.pdf`, `<slug>.docx`) into `out` atomically, in order, as
/// [`write`] writes the page; returns their paths.
pub fn write_files(
    out: &Path,
    files: &[(&str, &[u8])],
    force: bool,
) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut written: Vec<&str> = vec![MARKER];
    written.extend(files.iter().map(|f| f.0));
    match fs::symlink_metadata(out) {
        Ok(meta) if meta.file_type().is_symlink() && !force => {
            return Err(Diagnostic::error(format!(
                "{} is a symbolic link; findings does not write through links",
                out.display()
            ))
            .at(Location::file(out))
            .help("remove the link, pass a real folder with --out, or --force to write where it points"));
        }
        Ok(_) if !out.is_dir() => {
            return Err(
                Diagnostic::error(format!("{} is a file, not a folder", out.display()))
                    .at(Location::file(out))
                    .help("pass a folder with --out"),
            );
        }
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            fs::create_dir_all(out).map_err(|e| io_error("create", out, &e))?;
        }
        Err(e) => return Err(io_error("read", out, &e)),
    }
    let folder = File::open(out).map_err(|e| io_error("open", out, &e))?;
    // Two builds into one folder take turns, so neither removes the
    // other's temporary file as a leftover.
    lock(&folder);

    let mut listed = listed_files(out, force)?;
    refuse_foreign(out, &listed, &written, force)?;
    for &name in &written {
        refuse_link(out, name, force)?;
    }
    // Leftovers of a killed build are removed only in a folder findings
    // has marked as its own, and only once it is known to be ours: a file
    // that merely looks like a temporary file of ours, in someone else's
    // folder, is never touched.
    if fs::symlink_metadata(out.join(MARKER)).is_ok_and(|m| m.is_file()) {
        atomic::clean_leftovers(out, &written).map_err(|e| io_error("clean", out, &e))?;
    }
    // The marker lists the page before the page exists, so a build killed
    // in between still leaves a folder the next build recognises.
    for name in &written {
        if !listed.iter().any(|l| l == name) {
            listed.push(name.to_string());
        }
    }
    let marker_text = marker::format(&listed);
    let marker_path = out.join(MARKER);
    if !holds(&marker_path, &marker_text) {
        atomic::replace(out, &folder, MARKER, marker_text.as_bytes())
            .map_err(|e| io_error("write", &marker_path, &e))?;
    }
    let mut paths = Vec::with_capacity(files.len());
    for &(name, bytes) in files {
        let dest = out.join(name);
        atomic::replace(out, &folder, name, bytes).map_err(|e| io_error("write", &dest, &e))?;
        paths.push(dest);
    }
    Ok(paths)
}

/// The files the marker of `out` lists; none when there is no marker, or
/// when it is a link and `force` lets the build replace it.
fn listed_files(out: &Path, force: bool) -> Result<Vec<String>, Diagnostic> {
    let path = out.join(MARKER);
    match fs::symlink_metadata(&path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(io_error("read", &path, &e)),
        Ok(meta) if meta.file_type().is_symlink() => {
            refuse_link(out, MARKER, force)?;
            Ok(Vec::new())
        }
        Ok(_) => {
            let text = fs::read_to_string(&path).map_err(|e| io_error("read", &path, &e))?;
            Ok(marker::parse(&text))
        }
    }
}

/// Refuses `out` when it holds a file findings writes that the marker
/// does not list, or, with no marker at all, when it holds anything.
fn refuse_foreign(
    out: &Path,
    listed: &[String],
    written: &[&str],
    force: bool,
) -> Result<(), Diagnostic> {
    if force {
        return Ok(());
    }
    let has_marker = fs::symlink_metadata(out.join(MARKER)).is_ok();
    let mut foreign = Vec::new();
    for entry in fs::read_dir(out).map_err(|e| io_error("read", out, &e))? {
        let name = entry
            .map_err(|e| io_error("read", out, &e))?
            .file_name()
            .to_string_lossy()
            .into_owned();
        let ours = listed.contains(&name) || name == MARKER;
        // A marked folder may hold anything else: findings never touches it.
        if !ours && (!has_marker || written.contains(&name.as_str())) {
            foreign.push(name);
        }
    }
    foreign.sort();
    if foreign.is_empty() {
        return Ok(());
    }
    Err(Diagnostic::error(format!(
        "{} holds files findings did not write ({})",
        out.display(),
        foreign
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .at(Location::file(out))
    .help("pass an empty or new folder with --out, or --force to write index.html there anyway"))
}

/// Refuses a symbolic link at `out/name`, unless `force`; even then the
/// link itself is replaced by the rename, never written through.
fn refuse_link(out: &Path, name: &str, force: bool) -> Result<(), Diagnostic> {
    let path = out.join(name);
    match fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() && !force => Err(Diagnostic::error(format!(
            "{} is a symbolic link; findings does not write through links",
            path.display()
        ))
        .at(Location::file(&path))
        .help("remove the link (findings writes a new file there), or pass --force to replace the link itself")),
        _ => Ok(()),
    }
}

/// Whether `path` is a regular file (not a link) holding exactly `text`;
/// an unchanged marker is left alone rather than rewritten.
fn holds(path: &Path, text: &str) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file())
        && fs::read_to_string(path).is_ok_and(|t| t == text)
}

/// Takes an advisory lock on the output folder for as long as `folder` is
/// open. A file system without locks only loses the protection against
/// two simultaneous builds, so a failure is not an error.
fn lock(folder: &File) {
    // SAFETY: flock takes a file descriptor that `folder` keeps open for
    // the whole call and touches no memory of ours.
    let _ = unsafe { libc::flock(folder.as_raw_fd(), libc::LOCK_EX) };
}

fn io_error(what: &str, path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(format!("cannot {what} {}: {e}", path.display()))
        .at(Location::file(path))
        .help("check that the output folder is writable and the disk has room, or pass another with --out")
}
