//! Reading a project file: inside the project (no symlink out of it),
//! within a size limit, as UTF-8 text or as bytes, every failure a
//! diagnostic naming the file.

use std::path::Path;

use crate::error::{Diagnostic, Location};

use super::MAX_FILE_BYTES;

/// Refuses a file (a symlink, usually) whose real path leaves the project:
/// a report must only ever publish what is inside its own folder.
pub(super) fn inside(real_root: &Path, path: &Path, rel: &Path) -> Result<(), Diagnostic> {
    let real = path.canonicalize().map_err(|e| io_error(rel, &e))?;
    if real.starts_with(real_root) {
        Ok(())
    } else {
        Err(Diagnostic::error(format!(
            "{} points outside the project folder",
            rel.display()
        ))
        .at(Location::file(rel))
        .help("copy the file into the project instead of linking to it"))
    }
}

/// The UTF-8 byte-order mark.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether `bytes` start with a UTF-8 byte-order mark, which
/// [`text_of`] drops.
pub fn has_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(BOM)
}

/// Reads a project file as UTF-8 text. `rel` is relative to `root` and is
/// what the user sees in messages.
pub fn read_text(root: &Path, rel: &Path) -> Result<String, Diagnostic> {
    read_text_limited(root, rel, MAX_FILE_BYTES)
}

/// [`read_text`] with a size limit of `limit` bytes (tests use a small one).
///
/// A UTF-8 byte-order mark, which some Windows editors write, is dropped:
/// it is no character of the text, and front matter or JSON after it would
/// not be recognised. [`has_bom`] tells whether bytes have one.
pub fn read_text_limited(root: &Path, rel: &Path, limit: u64) -> Result<String, Diagnostic> {
    text_of(rel, read_bytes_limited(root, rel, limit)?)
}

/// The bytes of the file `rel` as UTF-8 text, a byte-order mark dropped
/// (see [`read_text_limited`]).
pub fn text_of(rel: &Path, mut bytes: Vec<u8>) -> Result<String, Diagnostic> {
    if bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let text = String::from_utf8_lossy(&bytes[..valid]).into_owned();
        Diagnostic::error(format!("the file is not valid UTF-8 (byte {valid})"))
            .at(Location::in_text(rel, &text, valid, 1))
            .help("save the file as UTF-8 in your editor")
    })
}

/// Reads a project file's bytes (a `.qdpx` archive, say), with the same
/// checks as [`read_text`] and a size limit of `limit` bytes.
pub fn read_bytes_limited(root: &Path, rel: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    use std::io::Read;
    let path = root.join(rel);
    let real_root = root.canonicalize().map_err(|e| io_error(rel, &e))?;
    inside(&real_root, &path, rel)?;
    let too_big = |size: u64| {
        Diagnostic::error(format!(
            "the file is {}, more than the {} limit",
            human_size(size),
            human_size(limit)
        ))
        .at(Location::file(rel))
        .help("split the dataset, or leave the file out of content/")
    };
    let meta = std::fs::metadata(&path).map_err(|e| io_error(rel, &e))?;
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    // The file may grow between the check and the read: read no more
    // than one byte past the limit either way.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(&path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(|e| io_error(rel, &e))?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// "256 MiB", "12 KiB", "80 bytes".
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1024 * 1024 => format!("{} MiB", b / (1024 * 1024)),
        b if b >= 1024 => format!("{} KiB", b / 1024),
        b => format!("{b} bytes"),
    }
}

pub(super) fn io_error(rel: &Path, e: &std::io::Error) -> Diagnostic {
    let (what, help) = match e.kind() {
        std::io::ErrorKind::NotFound => {
            ("cannot find the file", "check the path and the file name")
        }
        std::io::ErrorKind::PermissionDenied => (
            "not allowed to read the file",
            "check the file's permissions",
        ),
        _ => (
            "cannot read the file",
            "check that the file is a readable regular file",
        ),
    };
    Diagnostic::error(format!("{what}: {e}"))
        .at(Location::file(rel))
        .help(help)
}
