//! What a reader hands the model: the records of each dataset, each file
//! kept with its text and a way to find a record's value in it, so the
//! model can point at the very key a problem is about, whichever format
//! the file was in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

use crate::error::Location;
use crate::model::records::{Code, Participant, Row, Segment, SeriesRecord, Source};

/// One step of a path into a file's records.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// The n-th record (or element of a list).
    Index(usize),
    /// The value of a key (field) of a record.
    Key(&'a str),
}

/// A parsed file, kept with its text so later stages can point into it.
#[derive(Debug, Clone)]
pub struct DataFile<T> {
    /// Path as shown to the user.
    pub path: PathBuf,
    /// The file's text.
    pub text: String,
    /// What it holds.
    pub records: T,
    /// Finds the text of a record's value, given its path; each reader
    /// brings its own (JSON keys, CSV cells, …).
    pub locator: Locator,
    /// Where records and lines start, made at the first diagnostic.
    index: OnceLock<TextIndex>,
}

/// The byte range (start, length) of a value, found from an offset and a
/// path.
pub type LocateFrom = fn(&str, usize, &[Step]) -> Option<(usize, usize)>;

/// A reader's way to point into its file's text.
#[derive(Debug, Clone, Copy)]
pub struct Locator {
    /// Where each record starts, in one pass over the text.
    pub record_starts: fn(&str) -> Vec<usize>,
    /// The byte range (start, length) of the value at a path into the
    /// value that starts at the given offset.
    pub locate_from: LocateFrom,
}

/// The locator of a reader that cannot point into its text.
pub const UNLOCATED: Locator = Locator {
    record_starts: |_| Vec::new(),
    locate_from: |_, _, _| None,
};

/// Offsets that make locating linear overall: a codebook of 100,000 codes
/// may warn about each one, and walking the file from its start for each
/// warning took minutes.
#[derive(Debug, Clone)]
struct TextIndex {
    records: Vec<usize>,
    lines: Vec<usize>,
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

impl<T> DataFile<T> {
    /// A file read by a reader that can point into its text.
    pub fn new(path: &Path, text: String, records: T, locator: Locator) -> DataFile<T> {
        DataFile {
            path: path.to_path_buf(),
            text,
            records,
            locator,
            index: OnceLock::new(),
        }
    }

    /// A file whose problems can only be reported at the file itself.
    pub fn unlocated(path: &Path, records: T) -> DataFile<T> {
        DataFile::new(path, String::new(), records, UNLOCATED)
    }
}

impl<T> DataFile<T> {
    /// The location of `path` inside this file (the whole file if not found).
    pub fn locate(&self, path: &[Step]) -> Location {
        let index = self.index.get_or_init(|| TextIndex {
            records: (self.locator.record_starts)(&self.text),
            lines: line_starts(&self.text),
        });
        let found = match path.split_first() {
            Some((Step::Index(i), rest)) => index
                .records
                .get(*i)
                .and_then(|&start| (self.locator.locate_from)(&self.text, start, rest)),
            _ => (self.locator.locate_from)(&self.text, 0, path),
        };
        match found {
            Some((start, len)) => {
                Location::in_indexed_text(&self.path, &self.text, &index.lines, start, len)
            }
            None => Location::file(&self.path),
        }
    }
}

/// Every dataset of a project. Missing files are empty datasets.
#[derive(Debug, Clone, Default)]
pub struct Datasets {
    /// `participants.json`.
    pub participants: Option<DataFile<Vec<Participant>>>,
    /// `codebook.json`.
    pub codebook: Option<DataFile<Vec<Code>>>,
    /// `segments.json`.
    pub segments: Option<DataFile<Vec<Segment>>>,
    /// `sources.json`.
    pub sources: Option<DataFile<Vec<Source>>>,
    /// `series.json`.
    pub series: Option<DataFile<Vec<SeriesRecord>>>,
    /// Every other file, by name (file stem).
    pub tables: BTreeMap<String, DataFile<Vec<Row>>>,
}

/// Names of the datasets with a fixed schema.
pub const KNOWN: [&str; 5] = ["participants", "codebook", "segments", "sources", "series"];

/// True when `v` is a scalar (string, number, boolean or null).
pub fn is_scalar(v: &Value) -> bool {
    !(v.is_array() || v.is_object())
}
