//! What Typst compiles against: one generated source, the charts and
//! images as files in memory, and the fonts. Nothing is read from disk
//! (but font files) and nothing downloaded: there are no packages, and
//! any other path is "not found".

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts::Fonts;

/// The path of the generated markup.
const MAIN: &str = "/main.typ";

/// The standard library, built once per process.
fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// A file id of the project root. Ids are interned for the whole process
/// (at most 2^16 of them), so the writer names files by their place in
/// the document (`/f/3.svg`), which repeats between writes.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// One compilation's world.
pub struct Memory<'a> {
    main: Source,
    files: Vec<(FileId, Bytes)>,
    fonts: &'a Fonts,
}

impl<'a> Memory<'a> {
    /// A world of `markup` and `files` (path and bytes).
    pub fn new(markup: String, files: Vec<(String, Vec<u8>)>, fonts: &'a Fonts) -> Memory<'a> {
        let main_id = file_id(MAIN).expect("a valid path");
        let files = files
            .into_iter()
            .filter_map(|(path, bytes)| Some((file_id(&path)?, Bytes::new(bytes))))
            .collect();
        Memory {
            main: Source::new(main_id, markup),
            files,
            fonts,
        }
    }

    /// The generated markup.
    pub fn source(&self) -> &Source {
        &self.main
    }
}

impl World for Memory<'_> {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.fonts.book()
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, b)| b.clone())
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.font(index)
    }

    /// No clock: the same document gives the same PDF on any day.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
