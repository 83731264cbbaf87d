//! Which column holds which field. A column whose header is the field's
//! name (any case) holds it; `[columns.NAME]` in `report.toml` maps a
//! field to a header where they differ (NAME is the file's stem); and the
//! coded-segment exports of QDA tools are recognised by their own headers.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::Sheet;
use crate::error::{Diagnostic, Location};

/// `[columns.NAME]` tables: file stem → field → header.
pub type Mapping = BTreeMap<String, BTreeMap<String, String>>;

/// The `[columns]` of `root`'s report.toml. Read on its own, leniently,
/// because datasets load while the config is parsed; the config's own
/// parse reports any error in the file.
pub fn configured(root: &Path) -> Mapping {
    let Ok(text) = std::fs::read_to_string(root.join("content/report.toml")) else {
        return Mapping::new();
    };
    let Ok(doc) = toml::from_str::<toml::Table>(&text) else {
        return Mapping::new();
    };
    let mut out = Mapping::new();
    if let Some(toml::Value::Table(files)) = doc.get("columns") {
        for (stem, fields) in files {
            if let toml::Value::Table(fields) = fields {
                let map = fields
                    .iter()
                    .filter_map(|(f, h)| Some((f.clone(), h.as_str()?.to_string())))
                    .collect();
                out.insert(stem.clone(), map);
            }
        }
    }
    out
}

/// A QDA tool's coded-segment export: one row per coding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// MAXQDA "Coded segments" (Document name, Code, Begin, End, Segment, Author).
    Maxqda,
    /// Taguette highlights (document, tag, content).
    Taguette,
    /// QualCoder coded text (codename, coded text, file, coder).
    QualCoder,
    /// Named by `[columns.NAME]` (document, code, text, …).
    Configured,
}

/// The fields of a coded export and the headers each tool gives them.
pub const CODED_FIELDS: [(&str, &[&str]); 7] = [
    // Taguette numbers its highlights: rows of one id are one highlight
    // with several tags, whatever their text.
    ("id", &["highlight id"]),
    (
        "document",
        &["Document name", "document", "file", "filename", "file name"],
    ),
    ("code", &["Code", "tag", "codename", "code name"]),
    (
        "text",
        &["Segment", "content", "coded_text", "coded text", "text"],
    ),
    ("begin", &["Begin", "pos0", "start"]),
    ("end", &["End", "pos1", "end"]),
    ("coder", &["Author", "coder", "owner"]),
];

/// The export shape of `sheet`, if it is one.
pub fn shape(sheet: &Sheet, configured: Option<&BTreeMap<String, String>>) -> Option<Shape> {
    let has = |h: &str| sheet.column(h).is_some();
    if configured.is_some_and(|m| m.contains_key("document") && m.contains_key("code")) {
        Some(Shape::Configured)
    } else if has("Document name") && has("Code") && has("Segment") {
        Some(Shape::Maxqda)
    } else if has("document") && has("tag") && has("content") {
        Some(Shape::Taguette)
    } else if has("codename") && (has("coded_text") || has("coded text") || has("text")) {
        Some(Shape::QualCoder)
    } else {
        None
    }
}

/// Taguette's codebook export (`tag`, `description`, `number of
/// highlights`): a codebook whatever the file is called.
pub fn is_taguette_codebook(sheet: &Sheet) -> bool {
    ["tag", "description", "number of highlights"]
        .iter()
        .all(|h| sheet.column(h).is_some())
}

/// Field → column of `sheet` for `fields` (each with the headers that may
/// name it, the field's own name first); configured headers win. A
/// configured header missing from the sheet is an error.
pub fn find(
    sheet: &Sheet,
    fields: &[(&str, &[&str])],
    configured: Option<&BTreeMap<String, String>>,
) -> Result<HashMap<String, usize>, Diagnostic> {
    let mut out = HashMap::new();
    for (field, aliases) in fields {
        if let Some(header) = configured.and_then(|m| m.get(*field)) {
            let col = sheet.column(header).ok_or_else(|| {
                Diagnostic::error(format!(
                    "report.toml maps `{field}` to the column `{header}`, which {} does not have",
                    sheet.path.display()
                ))
                .at(Location::file(&sheet.path))
                .help(format!("its columns are: {}", sheet.headers.join(", ")))
            })?;
            out.insert(field.to_string(), col);
            continue;
        }
        let found = std::iter::once(*field)
            .chain(aliases.iter().copied())
            .find_map(|h| sheet.column(h));
        if let Some(col) = found {
            out.insert(field.to_string(), col);
        }
    }
    Ok(out)
}
