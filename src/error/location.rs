//! Where a problem is: a file, a line and column (or the whole file), and
//! a window of the source line to quote under the message.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in a project file, kept with the text of its line so a
/// diagnostic can quote it without re-reading the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// Path as shown to the user (relative to the project when possible).
    pub file: PathBuf,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Length of the highlighted span in characters (at least 1).
    pub len: usize,
    /// The text of the line, for the excerpt: all of it, or a window
    /// around the column when the line is very long.
    pub line_text: String,
    /// Characters of the line left out before `line_text`.
    pub skipped: usize,
}

/// Lines longer than this many characters are cut to a window around the
/// column, so that diagnostics on a minified file do not each carry (and
/// copy) the whole file.
pub(crate) const EXCERPT_CHARS: usize = 160;

impl Location {
    /// A location that names a whole file, without a line.
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Location {
            file: path.into(),
            line: 0,
            column: 0,
            len: 0,
            line_text: String::new(),
            skipped: 0,
        }
    }

    /// The location of byte `offset` (spanning `len` bytes) in `text`.
    pub fn in_text(path: &Path, text: &str, offset: usize, len: usize) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let line = text[..line_start].bytes().filter(|&b| b == b'\n').count() + 1;
        Location::at_line_start(path, text, offset, len, line, line_start)
    }

    /// Like [`Location::in_text`], with `line_starts` (where each line of
    /// `text` starts) to find the line without counting from the top.
    pub fn in_indexed_text(
        path: &Path,
        text: &str,
        line_starts: &[usize],
        offset: usize,
        len: usize,
    ) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = line_starts.partition_point(|&s| s <= offset).max(1);
        let line_start = line_starts.get(line - 1).copied().unwrap_or(0);
        Location::at_line_start(path, text, offset, len, line, line_start)
    }

    fn at_line_start(
        path: &Path,
        text: &str,
        offset: usize,
        len: usize,
        line: usize,
        line_start: usize,
    ) -> Self {
        let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let column = text[line_start..offset].chars().count() + 1;
        let span_end = floor_char_boundary(text, (offset + len).min(line_end));
        let len = text[offset..span_end].chars().count().max(1);
        let full = text[line_start..line_end].trim_end_matches('\r');
        let chars = full.chars().count();
        let (line_text, skipped) = if chars <= EXCERPT_CHARS {
            (full.to_string(), 0)
        } else {
            let start = (column - 1)
                .saturating_sub(EXCERPT_CHARS / 3)
                .min(chars - EXCERPT_CHARS);
            (
                full.chars().skip(start).take(EXCERPT_CHARS).collect(),
                start,
            )
        };
        Location {
            file: path.to_path_buf(),
            line,
            column,
            len,
            line_text,
            skipped,
        }
    }

    /// The location of 1-based `line` and byte `column` in `text` (parsers
    /// such as serde_json count columns in bytes; the location shown
    /// counts characters).
    pub fn at_line(path: &Path, text: &str, line: usize, column: usize) -> Self {
        let mut offset = 0;
        for (i, l) in text.split_inclusive('\n').enumerate() {
            if i + 1 == line {
                let col_bytes = column.saturating_sub(1).min(l.len());
                return Location::in_text(path, text, offset + col_bytes, 1);
            }
            offset += l.len();
        }
        Location::in_text(path, text, text.len(), 1)
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.file.display())
        } else {
            write!(f, "{}:{}:{}", self.file.display(), self.line, self.column)
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
