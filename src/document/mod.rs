//! The report as a document: the tree that sections and directives
//! produce and that every writer (HTML today, PDF and Word next) turns
//! into a format. pandoc's AST is the model: what Markdown itself has
//! (paragraphs, lists, emphasis, links…) mirrors CommonMark, and what
//! findings adds (figures, quotes, callouts, tables of data, computed
//! values) has a node of its own that says what it is, never how it looks.
//!
//! The tree holds plain data only; it imports nothing of the pipeline, so
//! charts, Markdown and the writers can all use it.

pub mod appendix;
pub mod citation;
pub mod quote;
pub mod report;
pub mod table;
pub mod tree;
pub mod walk;

pub use appendix::{Appendix, BuildFacts, InputFact};
pub use citation::{BibEntry, Bibliography, Citation, Display, TextStyle};
pub use quote::{CodeNote, Quote, QuoteEntry, QuoteLink, SectionNote, SourceNote, Speaker};
pub use report::{ContentsEntry, Document, Front, Section};
pub use table::{Cell, CodePlace, Content, Note, NoteKind, Row, RowKind, Scope, Table, TableKind};
pub use tree::{text, Alignment, Block, Figure, FigureBody, Inline, Inlines, Place};
