//! An XLSX workbook's first worksheet to a [`Sheet`], with calamine.
//!
//! An XLSX file is a zip archive, so it goes through the same limits as a
//! `.qdpx` first (member names, count, and decompressed size counted while
//! reading); only then does calamine open it.

use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, Xlsx};

use super::Sheet;
use crate::error::{Diagnostic, Location};
use crate::load::qdpx::archive::Archive;

/// Reads the XLSX `bytes` of `rel`.
pub fn read(rel: &Path, bytes: &[u8]) -> Result<Sheet, Diagnostic> {
    let mut archive = Archive::open(rel, bytes)?;
    for name in archive.names().to_vec() {
        archive.read(&name)?;
    }
    let broken = |e: &dyn std::fmt::Display| {
        Diagnostic::error(format!("the workbook cannot be read: {e}"))
            .at(Location::file(rel))
            .help("save it again from your spreadsheet program as .xlsx (Excel workbook)")
    };
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(broken(&"it has no worksheet"));
    };
    let range = book.worksheet_range(&name).map_err(|e| broken(&e))?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut sheet = Sheet {
        path: rel.to_path_buf(),
        sheet: Some(name.clone()),
        ..Sheet::default()
    };
    for (r, row) in range.rows().enumerate() {
        let line = top as usize + r + 1;
        let mut cells = Vec::with_capacity(row.len());
        for (c, cell) in row.iter().enumerate() {
            let text = match cell {
                Data::Empty => String::new(),
                Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
                Data::Int(i) => i.to_string(),
                Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
                Data::Float(f) => f.to_string(),
                Data::Bool(b) => b.to_string(),
                Data::DateTime(d) => d.to_string(),
                Data::Error(e) => {
                    let col = left as usize + c;
                    return Err(Diagnostic::error(format!(
                        "{name}!{}{line}: the cell holds the error {e}",
                        super::column_letters(col)
                    ))
                    .at(Location::file(rel))
                    .help("fix the formula in the workbook, or replace it by its value"));
                }
            };
            cells.push(text);
        }
        // Cells left of the used range are empty: keep letters right.
        let mut padded = vec![String::new(); left as usize];
        padded.extend(cells);
        if sheet.headers.is_empty() {
            sheet.headers = padded.iter().map(|h| h.trim().to_string()).collect();
        } else if padded.iter().any(|c| !c.trim().is_empty()) {
            padded.resize(padded.len().max(sheet.headers.len()), String::new());
            sheet.rows.push(padded);
            sheet.lines.push(line);
        }
    }
    if sheet.headers.iter().all(String::is_empty) {
        return Err(
            Diagnostic::error(format!("worksheet {name} has no header row"))
                .at(Location::file(rel))
                .help("the first row must name the columns (id, participant, text, codes, …)"),
        );
    }
    Ok(sheet)
}
