//! CSV and XLSX datasets: a spreadsheet read into a grid of text cells
//! that remembers where each cell was ([`csv`], [`xlsx`]), then mapped to
//! records by column names ([`columns`], [`records`]), or, for the coded
//! segment exports of QDA tools, one row per coding ([`coded`]).

pub mod coded;
pub mod columns;
pub mod csv;
pub mod merge;
pub mod records;
pub mod xlsx;

use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Diagnostics, Location};

/// The registry entry: CSV and XLSX tables. Participants, codebooks and
/// sources are read before other tables, so that a coded export can
/// refer to them.
pub const FORMAT: crate::load::formats::Format = crate::load::formats::Format {
    name: "tables and coded-segment exports",
    extensions: &["csv", "xlsx"],
    single: false,
    rank: |stem| match stem {
        "participants" | "codebook" | "sources" => 1,
        _ => 4,
    },
    // A CSV has no signature; an XLSX is a zip archive with a workbook.
    sniff: |b| b.starts_with(b"PK\x03\x04") && b.windows(8).any(|w| w == b"workbook"),
    read: merge::read,
};

/// At most this many cell errors of one file are reported one by one:
/// locating each costs a pass over the file.
pub const MAX_CELL_ERRORS: usize = 20;

/// A file's cell errors: the first [`MAX_CELL_ERRORS`], then a count.
#[derive(Debug, Default)]
pub struct CellErrors {
    list: Diagnostics,
    more: usize,
}

impl CellErrors {
    /// Adds the error `make` gives, unless enough are reported already.
    pub fn push(&mut self, make: impl FnOnce() -> Diagnostic) {
        if self.list.0.len() < MAX_CELL_ERRORS {
            self.list.push(make());
        } else {
            self.more += 1;
        }
    }

    /// True when any error was pushed.
    pub fn any(&self) -> bool {
        !self.list.is_empty()
    }

    /// The errors, with a last one counting those not shown.
    pub fn finish(mut self, path: &Path) -> Diagnostics {
        if self.more > 0 {
            self.list.push(
                Diagnostic::error(format!(
                    "and {} more cell errors like these (only the first {MAX_CELL_ERRORS} are shown)",
                    self.more
                ))
                .at(Location::file(path)),
            );
        }
        self.list
    }
}

/// A header row and the rows under it, every cell as text.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    /// The file as the user sees it.
    pub path: PathBuf,
    /// The worksheet's name (XLSX only).
    pub sheet: Option<String>,
    /// Column names, trimmed.
    pub headers: Vec<String>,
    /// Cells per row; rows shorter than the header are padded with "".
    pub rows: Vec<Vec<String>>,
    /// Each row's 1-based line in the file (CSV) or row in the sheet (XLSX).
    pub lines: Vec<usize>,
    /// The CSV's text, for excerpts (empty for XLSX).
    pub text: String,
    /// What reading left out, for the user to hear of.
    pub warnings: Vec<Diagnostic>,
}

impl Sheet {
    /// The column named `name`, ignoring case and surrounding spaces.
    pub fn column(&self, name: &str) -> Option<usize> {
        let name = name.trim();
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// How a cell is named in messages: `row 14, column C (`Code`)` for a
    /// CSV, `Sheet1!C14 (`Code`)` for a worksheet.
    pub fn cell_name(&self, row: usize, col: usize) -> String {
        let header = self.headers.get(col).map(String::as_str).unwrap_or("");
        let line = self.lines.get(row).copied().unwrap_or(0);
        match &self.sheet {
            Some(sheet) => format!("{sheet}!{}{line} (`{header}`)", column_letters(col)),
            None => format!("row {line}, column {} (`{header}`)", column_letters(col)),
        }
    }

    /// The place of row `row` for a diagnostic.
    pub fn at_row(&self, row: usize) -> Location {
        let line = self.lines.get(row).copied().unwrap_or(0);
        if self.text.is_empty() || line == 0 {
            Location::file(&self.path)
        } else {
            Location::at_line(&self.path, &self.text, line, 1)
        }
    }

    /// An error about cell (`row`, `col`).
    pub fn cell_error(&self, row: usize, col: usize, what: &str) -> Diagnostic {
        Diagnostic::error(format!("{}: {what}", self.cell_name(row, col))).at(self.at_row(row))
    }

    /// The cell, or "" past the row's end.
    pub fn cell(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map_or("", |c| c.trim())
    }
}

/// Values in no named column (right of the header, or under an empty
/// header cell): nothing reads them, so they are counted for a warning.
#[derive(Debug, Default)]
pub struct Overflow {
    cells: usize,
    first: Option<(usize, usize)>,
}

impl Overflow {
    /// A value at `line` (1-based) and column `col` (0-based) left out.
    pub fn note(&mut self, line: usize, col: usize, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        self.cells += 1;
        self.first.get_or_insert((line, col));
    }

    /// Notes every value of `sheet`'s rows under no column name.
    pub fn scan(&mut self, sheet: &Sheet) {
        for (row, line) in sheet.rows.iter().zip(&sheet.lines) {
            for (col, text) in row.iter().enumerate() {
                if sheet.headers.get(col).is_none_or(String::is_empty) {
                    self.note(*line, col, text);
                }
            }
        }
    }

    /// The warning for what was noted, if anything was.
    pub fn warning(&self, sheet: &Sheet) -> Option<Diagnostic> {
        let (line, col) = self.first?;
        let cell = match &sheet.sheet {
            Some(name) => format!("{name}!{}{line}", column_letters(col)),
            None => format!("row {line}, column {}", column_letters(col)),
        };
        let at = if sheet.text.is_empty() {
            Location::file(&sheet.path)
        } else {
            Location::at_line(&sheet.path, &sheet.text, line, 1)
        };
        let what = match self.cells {
            1 => "a value lies in a column with no name in the header row, and was left out".to_string(),
            n => format!("{n} values lie in columns with no name in the header row, and were left out (the first here)"),
        };
        Some(
            Diagnostic::warning(format!("{cell}: {what}"))
                .at(at)
                .help("name the column in the header row, or remove the extra cells (in a CSV, a comma inside a cell needs the cell quoted)"),
        )
    }
}

/// 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads `bytes` of the CSV or XLSX file `rel` (by its extension).
pub fn read(rel: &Path, bytes: &[u8]) -> Result<Sheet, Diagnostic> {
    let xlsx = rel
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if xlsx {
        xlsx::read(rel, bytes)
    } else {
        csv::read(rel, bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_like_spreadsheets() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
