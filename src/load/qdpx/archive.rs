//! The `.qdpx` container: a zip archive read in memory, with limits.
//!
//! A project file comes from someone else's machine, so nothing in it is
//! trusted: member names are checked before anything is read, and sizes
//! are counted while decompressing (the sizes a zip header declares can
//! lie, which is how a zip bomb works).

use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use zip::ZipArchive;

use crate::error::{Diagnostic, Location};

/// At most this many bytes are decompressed from one archive, all members
/// together.
pub const MAX_UNCOMPRESSED: u64 = 512 * 1024 * 1024;

/// At most this many members in one archive.
pub const MAX_MEMBERS: usize = 10_000;

/// An opened archive and what has been decompressed from it so far.
pub struct Archive<'a> {
    /// The archive's path as the user sees it.
    path: PathBuf,
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// Member names, in archive order.
    names: Vec<String>,
    /// Which members have been read.
    read: Vec<bool>,
    /// Bytes decompressed so far.
    used: u64,
    /// The limit on `used` (tests pass a small one).
    limit: u64,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` (the file `path`) with the standard limits.
    pub fn open(path: &Path, bytes: &'a [u8]) -> Result<Self, Diagnostic> {
        Self::open_limited(path, bytes, MAX_UNCOMPRESSED, MAX_MEMBERS)
    }

    /// Opens `bytes` allowing `limit` decompressed bytes and `members`
    /// members.
    pub fn open_limited(
        path: &Path,
        bytes: &'a [u8],
        limit: u64,
        members: usize,
    ) -> Result<Self, Diagnostic> {
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
            Diagnostic::error(format!("the file is not a readable zip archive: {e}"))
                .at(Location::file(path))
                .help(not_zip_hint(path, bytes))
        })?;
        if zip.len() > members {
            return Err(Diagnostic::error(format!(
                "the archive has {} members, more than the {members} a project may have",
                zip.len()
            ))
            .at(Location::file(path))
            .help("export the project again; a REFI-QDA project holds one project.qde and its sources"));
        }
        let mut names = Vec::with_capacity(zip.len());
        for raw in zip.file_names_raw() {
            let name = std::str::from_utf8(raw)
                .map_err(|_| {
                    Diagnostic::error("a member of the archive has a name that is not UTF-8")
                        .at(Location::file(path))
                        .help("export the project again with plain file names")
                })?
                .to_string();
            check_name(path, &name)?;
            names.push(name);
        }
        Ok(Archive {
            path: path.to_path_buf(),
            zip,
            read: vec![false; names.len()],
            names,
            used: 0,
            limit,
        })
    }

    /// Every member name, in archive order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// Files (not folders) of the archive that were not read.
    pub fn unread(&self) -> usize {
        self.names
            .iter()
            .zip(&self.read)
            .filter(|(n, r)| !**r && !n.ends_with('/'))
            .count()
    }

    /// The member whose name equals `name` ignoring ASCII case (exporters
    /// disagree on the case of `sources/` and of file names).
    pub fn find(&self, name: &str) -> Option<&str> {
        let name = name.replace('\\', "/");
        self.names
            .iter()
            .find(|n| n.eq_ignore_ascii_case(&name))
            .map(String::as_str)
    }

    /// Decompresses member `name`, counting its bytes against the limit.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, Diagnostic> {
        let index = self
            .names
            .iter()
            .position(|n| n == name)
            .ok_or_else(|| self.damaged(name, "it is listed but cannot be found"))?;
        let left = self.limit.saturating_sub(self.used);
        let mut out = Vec::new();
        let read = match self.zip.by_index(index) {
            Ok(member) => {
                // Reserve what the member says it holds (never more than
                // the limit allows), so a large file is not doubled into
                // place; a size that lies only costs untouched pages.
                let declared = member.size().min(left.saturating_add(1));
                out.reserve_exact(usize::try_from(declared).unwrap_or(0));
                member
                    .take(left + 1)
                    .read_to_end(&mut out)
                    .map_err(|e| e.to_string())
            }
            Err(e) => Err(e.to_string()),
        };
        if let Err(why) = read {
            return Err(self.damaged(name, &why));
        }
        self.used += out.len() as u64;
        self.read[index] = true;
        if self.used > self.limit {
            return Err(Diagnostic::error(format!(
                "the archive decompresses to more than {} MiB (at member {name})",
                self.limit / (1024 * 1024)
            ))
            .at(Location::file(&self.path))
            .help("this looks like a zip bomb; a real project's texts are far smaller: export it again"));
        }
        Ok(out)
    }

    fn damaged(&self, name: &str, why: &str) -> Diagnostic {
        Diagnostic::error(format!("cannot read member {name} of the archive: {why}"))
            .at(Location::file(&self.path))
            .help("the file may be cut short or damaged: export the project again")
    }
}

/// Refuses names that would point outside the archive if anyone ever
/// extracted it: `..` parts, absolute paths, drive letters.
/// What to do with a file that should be a zip archive (a `.qdpx` or an
/// `.xlsx`) and is not: said from what its bytes look like.
fn not_zip_hint(path: &Path, bytes: &[u8]) -> String {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let head = &bytes[..bytes.len().min(4096)];
    let text = std::str::from_utf8(head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head))
        .ok()
        .or_else(|| {
            // A cut in the middle of a character is still text.
            let cut = std::str::from_utf8(head).err()?.valid_up_to();
            (head.len() - cut < 4).then(|| std::str::from_utf8(&head[..cut]).ok())?
        });
    let first_line = text.map(|t| t.lines().next().unwrap_or_default());
    let xml = text.is_some_and(|t| t.trim_start().starts_with('<'));
    let csv = first_line.is_some_and(|l| l.contains(',') || l.contains(';') || l.contains('\t'));
    match ext.as_str() {
        "xlsx" if bytes.starts_with(b"\xD0\xCF\x11\xE0") => {
            "this is an older Excel workbook (.xls): save it as .xlsx (Excel workbook) in your spreadsheet program".into()
        }
        "xlsx" if csv && !xml => {
            "the file holds text separated by commas, not a workbook: it is a CSV file, so rename it to .csv".into()
        }
        "xlsx" => "an .xlsx is a zip archive: save the file again from your spreadsheet program as .xlsx (Excel workbook)".into(),
        _ if xml => {
            "the file is XML, not a zip archive: a .qdpx holds project.qde and the sources; export the project again as a REFI-QDA project, or rename a lone codebook to .qdc".into()
        }
        _ => "a .qdpx is a zip archive: export the project again (the file may be cut short or damaged)".into(),
    }
}

fn check_name(path: &Path, name: &str) -> Result<(), Diagnostic> {
    let unified = name.replace('\\', "/");
    let absolute = unified.starts_with('/')
        || unified.as_bytes().get(1) == Some(&b':')
        || unified.contains('\0');
    let parent = unified.split('/').any(|part| part == "..");
    if absolute || parent {
        return Err(Diagnostic::error(format!(
            "the archive has a member named `{}`, which points outside it",
            name.escape_debug()
        ))
        .at(Location::file(path))
        .help("members must have relative names without `..`; the file was not written by a QDA tool, or was tampered with"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_leaving_the_archive_are_refused() {
        let p = Path::new("s.qdpx");
        assert!(check_name(p, "sources/a.txt").is_ok());
        assert!(check_name(p, "sources/a..b.txt").is_ok());
        for bad in [
            "../x",
            "sources/../../x",
            "/etc/passwd",
            "C:\\x",
            "a\\..\\b",
        ] {
            assert!(check_name(p, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_file_that_is_not_a_zip_gets_the_hint_of_what_it_is() {
        let hint = |name: &str, bytes: &[u8]| {
            Archive::open(Path::new(name), bytes)
                .err()
                .and_then(|d| d.help)
                .unwrap_or_default()
        };
        assert!(hint("t.xlsx", b"id,text\n1,hello\n").contains("rename it to .csv"));
        assert!(hint("t.xlsx", b"\xD0\xCF\x11\xE0\xA1\xB1").contains(".xls"));
        assert!(hint("t.xlsx", b"\x00\x01garbage").contains("an .xlsx is a zip"));
        assert!(hint("s.qdpx", b"<?xml version=\"1.0\"?><Project/>").contains("XML"));
        assert!(hint("s.qdpx", b"\x00\x01").contains("a .qdpx is a zip"));
    }

    #[test]
    fn garbage_is_not_an_archive() {
        let e = Archive::open(Path::new("s.qdpx"), b"PK\x03\x04 not really")
            .err()
            .map(|d| d.message);
        assert!(e.is_some_and(|m| m.contains("not a readable zip archive")));
    }
}
