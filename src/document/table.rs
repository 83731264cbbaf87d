//! A table of the report: records, counts, crosstabs, the codebook, the
//! sources, agreement and the data under each chart. It says what each
//! row and cell is (a header of which scope, a number, a code at a depth,
//! a made-up value); a writer decides how that looks.

use super::tree::{Block, Inlines};

/// What a table shows, so that a writer can style each kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Records of a selection, one per row (`{table}`, `{participants}`).
    Records,
    /// Counts and shares by the values of a field (a partition).
    Counts,
    /// Counts by two fields.
    Crosstab,
    /// Code frequency: segments and participants per code.
    CodeFrequency,
    /// Codes by the values of a field.
    CodeCrosstab,
    /// The codebook: each code with its description and examples.
    Codebook,
    /// The sources of the data.
    Sources,
    /// Inter-coder agreement per code.
    Agreement,
    /// The data a chart is drawn from.
    ChartData,
}

/// A table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What it shows.
    pub kind: TableKind,
    /// Its caption.
    pub caption: Option<Inlines>,
    /// Its number, where the report numbers it (no table is numbered
    /// yet: a chart's data goes by its figure's number).
    pub number: Option<String>,
    /// Header rows.
    pub head: Vec<Row>,
    /// Body rows.
    pub body: Vec<Row>,
    /// Rows under the body: bases and totals.
    pub foot: Vec<Row>,
    /// Sentences under the table that a reader needs to read it right.
    pub notes: Vec<Note>,
}

impl Table {
    /// An empty table of `kind`.
    pub fn new(kind: TableKind) -> Table {
        Table {
            kind,
            caption: None,
            number: None,
            head: Vec::new(),
            body: Vec::new(),
            foot: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// What a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowKind {
    /// A row like any other.
    #[default]
    Plain,
    /// A codebook entry: the code and its counts.
    Entry,
    /// What runs under an entry across the whole table: the code's
    /// description and examples.
    Detail,
}

/// A row of cells.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Row {
    /// What the row is.
    pub kind: RowKind,
    /// Its cells.
    pub cells: Vec<Cell>,
}

impl Row {
    /// A plain row of `cells`.
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            kind: RowKind::Plain,
            cells,
        }
    }
}

/// What a header cell heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Its column.
    Col,
    /// Its row.
    Row,
    /// The columns it spans.
    Colgroup,
}

/// Where a row's code sits in the code tree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodePlace {
    /// In tree order: its depth below the first level, and whether it is a
    /// parent (the next row is deeper).
    Depth {
        /// Levels below the first.
        depth: usize,
        /// Whether the next row is one of its sub-codes.
        parent: bool,
    },
    /// In another order: the labels of the codes above it
    /// ("Theme › Sub-theme"), never empty.
    Path(String),
}

/// What a cell holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Content {
    /// A line of inline content.
    Inlines(Inlines),
    /// Blocks: paragraphs or a list.
    Blocks(Vec<Block>),
}

/// A cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// What it holds.
    pub content: Content,
    /// For a header cell, what it heads.
    pub header: Option<Scope>,
    /// How many columns it spans (1 for most).
    pub span: usize,
    /// Whether it holds a number (aligned as one).
    pub numeric: bool,
    /// The id that links elsewhere in the report point at.
    pub id: Option<String>,
    /// For a code's cell, where the code sits in the code tree.
    pub place: Option<CodePlace>,
    /// Whether its value is made up (illustrative, not from the study).
    pub illustrative: bool,
}

impl Cell {
    /// A data cell of `content`.
    pub fn data(content: Inlines) -> Cell {
        Cell {
            content: Content::Inlines(content),
            header: None,
            span: 1,
            numeric: false,
            id: None,
            place: None,
            illustrative: false,
        }
    }

    /// A data cell holding a number.
    pub fn number(content: Inlines) -> Cell {
        Cell {
            numeric: true,
            ..Cell::data(content)
        }
    }

    /// A header cell of `scope`.
    pub fn header(scope: Scope, content: Inlines) -> Cell {
        Cell {
            header: Some(scope),
            ..Cell::data(content)
        }
    }
}

/// What a note under a table says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NoteKind {
    /// How to read the table (bases, marks, what was computed).
    #[default]
    Reading,
    /// What the table leaves out (codes on no segment).
    Omitted,
}

/// A sentence under a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// What it says.
    pub kind: NoteKind,
    /// Its content.
    pub content: Inlines,
}

impl Note {
    /// A note on how to read the table.
    pub fn reading(content: Inlines) -> Note {
        Note {
            kind: NoteKind::Reading,
            content,
        }
    }
}
