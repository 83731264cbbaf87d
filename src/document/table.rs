//! A table of the report: records, counts, crosstabs, the codebook, the
//! sources, agreement and the data under each chart. It says what each
//! row and cell is (a header of which scope, a number, a code at a depth,
//! a made-up value); a writer decides how that looks.

use super::tree::{Block, Inline, Inlines};

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

    /// The table in parts no wider than `widest` columns, each with the
    /// first column, for a writer whose paper cannot hold it whole (a
    /// co-occurrence matrix of 40 codes); `None` when it fits, or when
    /// its rows differ in length or a cell spans columns.
    pub fn in_parts(&self, widest: usize) -> Option<Vec<Table>> {
        let t = self;
        let widest = widest.max(2);
        let rows = || t.head.iter().chain(&t.body).chain(&t.foot);
        let columns = rows().next()?.cells.len();
        let even = rows().all(|r| r.cells.len() == columns && r.cells.iter().all(|c| c.span <= 1));
        if columns <= widest || !even {
            return None;
        }
        let cut = |r: &Row, from: usize, to: usize| Row {
            kind: r.kind,
            cells: std::iter::once(&r.cells[0])
                .chain(&r.cells[from..to])
                .cloned()
                .collect(),
        };
        let mut parts = Vec::new();
        let mut from = 1;
        while from < columns {
            let to = (from + widest - 1).min(columns);
            let mut part = Table::new(t.kind);
            part.head = t.head.iter().map(|r| cut(r, from, to)).collect();
            part.body = t.body.iter().map(|r| cut(r, from, to)).collect();
            part.foot = t.foot.iter().map(|r| cut(r, from, to)).collect();
            if from == 1 {
                part.caption = t.caption.clone();
                part.number = t.number.clone();
            } else {
                part.caption = Some(vec![Inline::Text(format!(
                    "(continued: columns {} to {} of {})",
                    from + 1,
                    to,
                    columns
                ))]);
            }
            parts.push(part);
            from = to;
        }
        if let Some(last) = parts.last_mut() {
            last.notes = t.notes.clone();
        }
        Some(parts)
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
    /// Plain text (unescaped): a cell of one text run. A chart's data
    /// table has thousands of such cells, and a list of inlines for each
    /// took a fifth of a large report's memory.
    Text(String),
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
    /// A data cell of `content` (kept as [`Content::Text`] when it is
    /// one text run).
    pub fn data(content: Inlines) -> Cell {
        let content = match <[Inline; 1]>::try_from(content) {
            Ok([Inline::Text(t)]) => Content::Text(t),
            Ok([other]) => Content::Inlines(vec![other]),
            Err(content) => Content::Inlines(content),
        };
        Cell {
            content,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: usize, tag: &str) -> Row {
        Row::new(
            (0..cells)
                .map(|i| Cell::data(vec![Inline::Text(format!("{tag}{i}"))]))
                .collect(),
        )
    }

    #[test]
    fn a_wide_table_is_cut_into_parts_that_repeat_its_first_column() {
        let mut t = Table::new(TableKind::Crosstab);
        t.head = vec![row(21, "h")];
        t.body = vec![row(21, "a"), row(21, "b")];
        let parts = t.in_parts(8).expect("in parts");
        let widths: Vec<usize> = parts.iter().map(|p| p.body[0].cells.len()).collect();
        assert_eq!(widths, [8, 8, 7]);
        let first = |p: &Table, r: usize| p.body[r].cells[0].clone();
        assert!(parts.iter().all(|p| first(p, 1) == t.body[1].cells[0]));
        assert_eq!(parts[1].body[0].cells[1], t.body[0].cells[8]);
        assert_eq!(parts[2].head[0].cells[6], t.head[0].cells[20]);
        assert_eq!(
            parts[1].caption,
            Some(vec![Inline::Text(
                "(continued: columns 9 to 15 of 21)".into()
            )])
        );
        // Eight columns fit; a spanning cell cannot be cut.
        t.body = vec![row(8, "a")];
        t.head = vec![row(8, "h")];
        assert!(t.in_parts(8).is_none());
        t.head[0].cells[1].span = 2;
        t.body = vec![row(21, "a")];
        assert!(t.in_parts(8).is_none());
    }
}
