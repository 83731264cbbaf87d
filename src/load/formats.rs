//! The registry of input formats, like the directives' `SPECS` and the
//! chart `KINDS`: every format `content/data/` reads is one [`Format`]
//! in [`FORMATS`], with its extensions, how its bytes are recognised, when
//! it is read and its reader. The reading loop ([`super::datasets`]), the
//! warning every unread file gets, `findings new --from` and the docs'
//! list all come from this table. Adding a format is a folder under
//! `load/` with a `pub const FORMAT: Format` and one line here.

use std::path::Path;

use super::table::columns::Mapping;
use crate::error::Diagnostics;
use crate::model::input::Datasets;

/// What a reader is given: one file and what was read before it.
pub struct Input<'a> {
    /// The file as the user sees it (`content/data/x.csv`).
    pub rel: &'a Path,
    /// Its bytes.
    pub bytes: &'a [u8],
    /// `[columns.NAME]` of `report.toml` (empty outside a project).
    pub columns: &'a Mapping,
    /// The datasets read before this file (a coded export refers to the
    /// codebook, sources and participants beside it).
    pub known: &'a Datasets,
}

/// What a reader gives: the datasets of one file, merged by the loop.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The study's title, where the file names one (`Project/@name`).
    pub title: Option<String>,
    /// The datasets the file holds; any dataset another file also gives
    /// is an error naming both.
    pub data: Datasets,
    /// Notes, warnings and errors (with an error nothing is merged).
    pub report: Diagnostics,
    /// The participants were made by the reader (one per case or source),
    /// so a participants file beside it replaces them and the segments go
    /// to the participant whose `source` names theirs.
    pub participants_yield: bool,
}

impl Loaded {
    /// A read that failed with `problems`.
    pub fn failed(problems: Diagnostics) -> Loaded {
        Loaded {
            report: problems,
            ..Loaded::default()
        }
    }
}

/// A reader: one file's bytes to its datasets.
pub type Read = fn(&Input) -> Loaded;

/// An input format as the registry lists it.
#[derive(Clone, Copy)]
pub struct Format {
    /// What the format is, in messages ("REFI-QDA project").
    pub name: &'static str,
    /// Its file extensions, lower case, without the dot (matched
    /// ignoring case).
    pub extensions: &'static [&'static str],
    /// At most one such file in a project (a report reads one study).
    pub single: bool,
    /// When a file is read, by its stem: lower first, so a file can refer
    /// to what was read before it.
    pub rank: fn(&str) -> u8,
    /// Whether bytes look like this format, for a study whose extension
    /// names no format.
    pub sniff: fn(&[u8]) -> bool,
    /// The reader.
    pub read: Read,
}

/// Every format `content/data/` reads, in the order the warning lists them.
pub const FORMATS: &[Format] = &[
    super::json::FORMAT,
    super::qdpx::FORMAT,
    super::qdpx::qdc::FORMAT,
    super::table::FORMAT,
];

/// The format of the file `rel`, by its extension.
pub fn by_extension(rel: &Path) -> Option<&'static Format> {
    let ext = rel.extension()?.to_str()?;
    FORMATS
        .iter()
        .find(|f| f.extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// The format of `rel`: by its extension, else by what its bytes look like.
pub fn of(rel: &Path, bytes: &[u8]) -> Option<&'static Format> {
    by_extension(rel).or_else(|| FORMATS.iter().find(|f| (f.sniff)(bytes)))
}

/// What `content/data/` reads, for the warning on other files:
/// "`.json` (JSON datasets), `.qdpx` (one REFI-QDA project), …".
pub fn listed() -> String {
    let items: Vec<String> = FORMATS
        .iter()
        .map(|f| {
            let exts: Vec<String> = f.extensions.iter().map(|e| format!(".{e}")).collect();
            let one = if f.single { "one " } else { "" };
            format!("{} ({one}{})", exts.join(", "), f.name)
        })
        .collect();
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => items.concat(),
    }
}

/// Bytes that start, after blanks and a byte-order mark, with `prefix`.
pub fn starts_with_text(bytes: &[u8], prefix: &str) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes[start..].starts_with(prefix.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_belongs_to_one_format() {
        let mut seen = Vec::new();
        for f in FORMATS {
            for e in f.extensions {
                assert_eq!(e.to_ascii_lowercase(), *e, "{e}");
                assert!(!seen.contains(e), "{e} twice");
                seen.push(e);
                let name = format!("x.{}", e.to_ascii_uppercase());
                assert_eq!(by_extension(Path::new(&name)).map(|g| g.name), Some(f.name));
            }
        }
    }

    #[test]
    fn the_list_names_every_format() {
        let text = listed();
        for f in FORMATS {
            assert!(text.contains(f.name), "{text}");
        }
    }
}
