//! An XLSX workbook's first worksheet to a [`Sheet`], with calamine.
//!
//! An XLSX file is a zip archive, so it goes through the same limits as a
//! `.qdpx` first (member names, count, and decompressed size counted while
//! reading, here a tighter total); only then does calamine open it.
//!
//! The worksheet is streamed cell by cell, never as calamine's dense
//! range: one cell written at `XFD1048576` would make that range 17
//! billion cells. Only cells with a value are kept, and the grid built from
//! them is bounded before it is allocated.

use std::io::Cursor;
use std::path::Path;

use calamine::{DataRef, Reader, Xlsx};

use super::{column_letters, Overflow, Sheet};
use crate::error::{Diagnostic, Location};
use crate::load::qdpx::archive::{Archive, MAX_MEMBERS};

/// The most a workbook may decompress to. A coded-segment export of ten
/// thousand passages is a few megabytes.
pub const MAX_UNCOMPRESSED: u64 = 128 << 20;

/// The most cells with a value one worksheet may hold.
pub const MAX_CELLS: usize = 2_000_000;

/// The most named columns a worksheet may have.
pub const MAX_COLUMNS: usize = 1_000;

/// The most cells the grid of rows × named columns may take.
pub const MAX_GRID: usize = 4_000_000;

/// Reads the XLSX `bytes` of `rel`.
pub fn read(rel: &Path, bytes: &[u8]) -> Result<Sheet, Diagnostic> {
    let mut archive = Archive::open_limited(rel, bytes, MAX_UNCOMPRESSED, MAX_MEMBERS)?;
    for name in archive.names().to_vec() {
        archive.read(&name)?;
    }
    drop(archive);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| broken(rel, &e))?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(broken(rel, &"it has no worksheet"));
    };
    let cells = cells(rel, &mut book, &name)?;
    grid(rel, &name, cells)
}

fn broken(rel: &Path, e: &dyn std::fmt::Display) -> Diagnostic {
    Diagnostic::error(format!("the workbook cannot be read: {e}"))
        .at(Location::file(rel))
        .help("save it again from your spreadsheet program as .xlsx (Excel workbook)")
}

/// Cells with a value: (row, column, text), 0-based.
type Cells = Vec<(u32, u32, String)>;

/// Every cell with a value, in the worksheet's order.
fn cells(rel: &Path, book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Result<Cells, Diagnostic> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|e| broken(rel, &e))?;
    let mut out = Vec::new();
    while let Some(cell) = reader.next_cell().map_err(|e| broken(rel, &e))? {
        let (row, col) = cell.get_position();
        let at = || format!("{name}!{}{}", column_letters(col as usize), row as u64 + 1);
        let text = match cell.get_value() {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
            DataRef::SharedString(s) => s.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
            DataRef::Float(f) => f.to_string(),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(d) => d.to_string(),
            DataRef::Error(e) => {
                return Err(
                    Diagnostic::error(format!("{}: the cell holds the error {e}", at()))
                        .at(Location::file(rel))
                        .help("fix the formula in the workbook, or replace it by its value"),
                );
            }
        };
        if out.len() >= MAX_CELLS {
            return Err(Diagnostic::error(format!(
                "{}: the worksheet holds more than {MAX_CELLS} cells with a value",
                at()
            ))
            .at(Location::file(rel))
            .help("findings reads coded segments and small tables; split the workbook, or export fewer rows"));
        }
        out.push((row, col, text));
    }
    Ok(out)
}

/// The header row (the first row with a value) and the rows under it, as
/// wide as the named columns; a value right of them is counted for a
/// warning, never silently dropped.
fn grid(rel: &Path, name: &str, mut cells: Cells) -> Result<Sheet, Diagnostic> {
    // Exporters write rows in order; a hand-made file may not.
    cells.sort_by_key(|&(r, c, _)| (r, c));
    let mut sheet = Sheet {
        path: rel.to_path_buf(),
        sheet: Some(name.to_string()),
        ..Sheet::default()
    };
    let Some(&(top, ..)) = cells.first() else {
        return Err(no_header(rel, name));
    };
    let width = cells
        .iter()
        .take_while(|c| c.0 == top)
        .filter(|c| !c.2.trim().is_empty())
        .map(|c| c.1 as usize + 1)
        .max()
        .unwrap_or(0);
    if width > MAX_COLUMNS {
        return Err(Diagnostic::error(format!(
            "{name}!{}{}: the header row names more than {MAX_COLUMNS} columns",
            column_letters(width - 1),
            top as u64 + 1
        ))
        .at(Location::file(rel))
        .help("the first row must name the columns (id, participant, text, codes, …); delete what lies right of them"));
    }
    let rows = {
        let mut distinct: Vec<u32> = cells.iter().map(|c| c.0).collect();
        distinct.dedup();
        distinct.len()
    };
    if rows.saturating_mul(width) > MAX_GRID {
        return Err(Diagnostic::error(format!(
            "worksheet {name} has {rows} rows of {width} columns, more than the {MAX_GRID} cells findings reads"
        ))
        .at(Location::file(rel))
        .help("split the workbook, or export fewer rows or columns"));
    }
    sheet.headers = vec![String::new(); width];
    let mut overflow = Overflow::default();
    let mut current: Option<(u32, Vec<String>)> = None;
    for (row, col, text) in cells {
        if current.as_ref().is_some_and(|(r, _)| *r != row) {
            if let Some((r, done)) = current.take() {
                push_row(&mut sheet, top, r, done);
            }
        }
        let line = row as usize + 1;
        let (_, cells) = current.get_or_insert_with(|| (row, vec![String::new(); width]));
        match cells.get_mut(col as usize) {
            Some(slot) => *slot = text,
            None => overflow.note(line, col as usize, &text),
        }
    }
    if let Some((r, done)) = current {
        push_row(&mut sheet, top, r, done);
    }
    if sheet.headers.iter().all(String::is_empty) {
        return Err(no_header(rel, name));
    }
    overflow.scan(&sheet);
    sheet.warnings.extend(overflow.warning(&sheet));
    Ok(sheet)
}

fn push_row(sheet: &mut Sheet, top: u32, row: u32, cells: Vec<String>) {
    if row == top {
        sheet.headers = cells.iter().map(|h| h.trim().to_string()).collect();
    } else if cells.iter().any(|c| !c.trim().is_empty()) {
        sheet.rows.push(cells);
        sheet.lines.push(row as usize + 1);
    }
}

fn no_header(rel: &Path, name: &str) -> Diagnostic {
    Diagnostic::error(format!("worksheet {name} has no header row"))
        .at(Location::file(rel))
        .help("the first row must name the columns (id, participant, text, codes, …)")
}
