//! Replacing one file of the output folder so that nothing can redirect
//! the write and no crash can leave half of it.
//!
//! The new text goes to a temporary file created with `O_CREAT|O_EXCL`
//! under a random name (so a symbolic link planted in advance can be
//! neither guessed nor followed), is flushed to disk, then renamed over
//! the destination: a rename replaces a link at the destination instead of
//! writing through it. The folder is flushed last, so that after a power
//! cut the rename itself is not lost.

use std::fs::{self, File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Random characters in a temporary name: 62^12 names cannot be guessed.
const RANDOM_CHARS: usize = 12;
/// Suffix of every temporary file findings makes.
const SUFFIX: &str = ".tmp";

/// Writes `bytes` to `dir/name` atomically. `dir` must be open as `folder`
/// so that it can be flushed after the rename.
pub fn replace(dir: &Path, folder: &File, name: &str, bytes: &[u8]) -> io::Result<()> {
    let prefix = prefix(name);
    // 0o666 less the umask, as for any file a program creates; the
    // temporary file's default 0o600 would hide the page from a web server.
    let mut tmp = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(SUFFIX)
        .rand_bytes(RANDOM_CHARS)
        .permissions(Permissions::from_mode(0o666))
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // On failure the temporary file is removed when dropped.
    tmp.persist(dir.join(name)).map_err(|e| e.error)?;
    folder.sync_all()
}

/// Removes the temporary files a killed build left in `dir` for any of
/// `names`; nothing else matches their pattern, and removing a link
/// removes only the link.
pub fn clean_leftovers(dir: &Path, names: &[&str]) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let file_name = entry?.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        if names.iter().any(|n| is_temporary(file_name, n)) {
            match fs::remove_file(dir.join(file_name)) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(())
}

/// `.index.html.` for `index.html`, `.findings.` for `.findings`: hidden,
/// and named after the file it will become.
fn prefix(name: &str) -> String {
    format!(".{}.", name.trim_start_matches('.'))
}

/// Whether `file_name` is one of our temporary names for `name`: the
/// prefix, exactly [`RANDOM_CHARS`] letters or digits, the suffix.
fn is_temporary(file_name: &str, name: &str) -> bool {
    file_name
        .strip_prefix(&prefix(name))
        .and_then(|rest| rest.strip_suffix(SUFFIX))
        .is_some_and(|random| {
            random.len() == RANDOM_CHARS && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_only_its_own_temporary_names() {
        assert!(is_temporary(".index.html.a1B2c3D4e5F6.tmp", "index.html"));
        for other in [
            ".index.html.a1B2c3D4e5F.tmp",
            ".index.html.a1B2c3D4e5F67.tmp",
            ".index.html.a1B2c3D4e5F!.tmp",
            ".index.html.12345.tmp",
            "index.html",
            ".index.html.a1B2c3D4e5F6.tmp.bak",
            ".findings.a1B2c3D4e5F6.tmp",
        ] {
            assert!(!is_temporary(other, "index.html"), "{other}");
        }
        assert!(is_temporary(".findings.a1B2c3D4e5F6.tmp", ".findings"));
    }
}
