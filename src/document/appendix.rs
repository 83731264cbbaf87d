//! Appendices the report adds at its end (the quote index, the references,
//! "About this report") and the facts of the build the last one shows.

use super::tree::{Block, Inlines};

/// An appendix the report adds after the sections.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appendix {
    /// Element id.
    pub id: String,
    /// Title (plain text).
    pub title: String,
    /// A sentence saying what the appendix holds; empty when it says none.
    pub intro: Inlines,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// What a page was built from, with the report's number format applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildFacts {
    /// The findings version that built it.
    pub version: String,
    /// How many input files.
    pub files: String,
    /// Sources, participants, codes and coded segments.
    pub counts: [String; 4],
    /// Every input file, sorted by path.
    pub inputs: Vec<InputFact>,
}

/// One input file of a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFact {
    /// Path relative to the project.
    pub path: String,
    /// Size in bytes.
    pub bytes: String,
    /// SHA-256, lowercase hex.
    pub sha256: String,
}
