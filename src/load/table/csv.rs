//! A CSV file to a [`Sheet`]: UTF-8 with or without a byte-order mark,
//! comma-separated (or semicolon-separated, as spreadsheets in many
//! locales save it), the first row the header. Fields are decoded one by
//! one so that bad bytes are reported at their row and column.

use std::path::Path;

use csv::{ByteRecord, ReaderBuilder};

use super::{column_letters, Overflow, Sheet};
use crate::error::{Diagnostic, Location};

/// Reads the CSV `bytes` of `rel`.
pub fn read(rel: &Path, bytes: &[u8]) -> Result<Sheet, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = String::from_utf8_lossy(bytes).into_owned();
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes);
    let mut sheet = Sheet {
        path: rel.to_path_buf(),
        text,
        ..Sheet::default()
    };
    let mut record = ByteRecord::new();
    let mut first = true;
    let (mut counted, mut lines_before, mut next) = (0, 0, 0);
    loop {
        // Where this record starts: past the previous one and any blank
        // lines (the reader's own record positions were off by a line).
        let mut start = next.min(bytes.len());
        while bytes.get(start).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
            start += 1;
        }
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                let at = if line == 0 {
                    Location::file(rel)
                } else {
                    Location::at_line(rel, &sheet.text, line, 1)
                };
                return Err(Diagnostic::error(format!("the CSV cannot be read: {e}"))
                    .at(at)
                    .help("check the quotes on this row: a field with a quote must be quoted, with the quote doubled"));
            }
        }
        next = reader.position().byte() as usize;
        // The csv reader lets a quote that never closes run to the end of
        // the file, swallowing every row after it into one cell.
        if next >= bytes.len() && unclosed_quote(&bytes[start.min(bytes.len())..], delimiter) {
            let line = lines_before
                + bytes[counted..start]
                    .iter()
                    .filter(|&&b| b == b'\n')
                    .count()
                + 1;
            return Err(Diagnostic::error(format!(
                "row {line}: a quoted cell opens here and never closes, so the rest of the file would be read into it"
            ))
            .at(Location::at_line(rel, &sheet.text, line, 1))
            .help("close the quote, and write a quote inside a quoted cell twice (\"\")"));
        }
        lines_before += bytes[counted..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        counted = start;
        let line = lines_before + 1;
        let mut cells = Vec::with_capacity(record.len());
        for (col, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(s) => cells.push(s.to_string()),
                Err(e) => {
                    return Err(Diagnostic::error(format!(
                        "row {line}, column {}: the cell is not valid UTF-8 (its byte {})",
                        column_letters(col),
                        e.valid_up_to() + 1
                    ))
                    .at(Location::at_line(rel, &sheet.text, line, 1))
                    .help("save the file as CSV UTF-8 in your spreadsheet program"))
                }
            }
        }
        if first {
            sheet.headers = cells.iter().map(|h| h.trim().to_string()).collect();
            first = false;
        } else if cells.iter().any(|c| !c.trim().is_empty()) {
            cells.resize(cells.len().max(sheet.headers.len()), String::new());
            sheet.rows.push(cells);
            sheet.lines.push(line);
        }
    }
    if sheet.headers.iter().all(String::is_empty) {
        return Err(Diagnostic::error("the CSV has no header row")
            .at(Location::file(rel))
            .help("the first row must name the columns (id, participant, text, codes, …)"));
    }
    let mut overflow = Overflow::default();
    overflow.scan(&sheet);
    sheet.warnings.extend(overflow.warning(&sheet));
    Ok(sheet)
}

/// Whether `record` (the raw bytes of the last record) ends inside a
/// quoted cell: a quote that opens a cell and is never closed.
fn unclosed_quote(record: &[u8], delimiter: u8) -> bool {
    let (mut quoted, mut at_start, mut i) = (false, true, 0);
    while i < record.len() {
        let b = record[i];
        if quoted {
            if b == b'"' {
                if record.get(i + 1) == Some(&b'"') {
                    i += 2;
                    continue;
                }
                quoted = false;
            }
        } else {
            if b == b'"' && at_start {
                quoted = true;
            }
            at_start = b == delimiter || b == b'\n' || b == b'\r';
        }
        i += 1;
    }
    quoted
}

#[cfg(test)]
mod tests {
    #[test]
    fn sees_a_quote_that_never_closes() {
        use super::unclosed_quote;
        assert!(unclosed_quote(b"p1,\"open\nmore,rows\n", b','));
        assert!(!unclosed_quote(b"p1,\"a \"\"quoted\"\" word\",x\n", b','));
        assert!(!unclosed_quote(b"p1,a 5\" screen,x\n", b','));
        assert!(!unclosed_quote(b"p1;\"a;b\";c\n", b';'));
    }

    use super::*;

    #[test]
    fn reads_headers_rows_and_lines_with_or_without_bom() {
        let s = read(
            Path::new("d.csv"),
            b"\xEF\xBB\xBFid,text\r\na,\"two\r\nlines\"\r\n\r\nb,x\r\n",
        )
        .expect("reads");
        assert_eq!(s.headers, ["id", "text"]);
        assert_eq!(s.rows, [["a", "two\r\nlines"], ["b", "x"]]);
        assert_eq!(s.lines, [2, 5]);
        let s = read(Path::new("d.csv"), b"id;text\na;b,c\n").expect("reads");
        assert_eq!(s.rows, [["a", "b,c"]]);
    }

    #[test]
    fn bad_bytes_name_their_row_and_column() {
        let e = read(Path::new("d.csv"), b"id,text\na,ok\nb,\xFFno\n").unwrap_err();
        assert_eq!(
            e.message,
            "row 3, column B: the cell is not valid UTF-8 (its byte 1)"
        );
        assert_eq!(e.location.map(|l| l.line), Some(3));
    }
}
#[cfg(test)]
mod lines {
    #[test]
    fn lines_are_counted_from_byte_offsets() {
        let s = super::read(
            std::path::Path::new("d.csv"),
            b"id,document,tag,content\r\n1,a,b,\"c, d\"\r\n2,a,b,c\r\n",
        )
        .unwrap();
        assert_eq!(s.lines, [2, 3]);
        let s = super::read(std::path::Path::new("d.csv"), b"a\n\"x\ny\"\n\nb\n").unwrap();
        assert_eq!(s.lines, [2, 5]);
    }
}
