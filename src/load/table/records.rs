//! A [`Sheet`] to the records of a dataset, by column name: the fields a
//! record has come from the columns of that name; a participant's other
//! columns are its attributes; other datasets' unknown columns are named
//! in a warning (never silently dropped).

use std::collections::{BTreeMap, HashMap};

use serde_json::{Map, Number, Value};

use super::columns;
use super::Sheet;
use crate::error::{Diagnostic, Diagnostics};
use crate::model::records::{Code, Illustrative, Participant, Row, Segment, Source};

type Fields = [(&'static str, &'static [&'static str])];

const PARTICIPANT: &Fields = &[
    ("id", &[]),
    ("alias", &["name"]),
    ("role", &[]),
    ("persona", &[]),
];
const CODE: &Fields = &[
    ("id", &[]),
    ("label", &["name", "code", "tag"]),
    ("description", &["memo"]),
    ("parent", &[]),
    ("colour", &["color"]),
];
const SOURCE: &Fields = &[
    ("id", &[]),
    ("kind", &[]),
    ("title", &["name"]),
    ("description", &[]),
];
const SEGMENT: &Fields = &[
    ("id", &[]),
    ("participant", &[]),
    ("source", &[]),
    ("text", &[]),
    ("codes", &["code"]),
    ("coder", &[]),
    ("stance", &[]),
    ("timestamp", &[]),
    ("start", &[]),
    ("end", &[]),
];

fn located(
    sheet: &Sheet,
    fields: &Fields,
    map: Option<&BTreeMap<String, String>>,
    required: &[&str],
) -> Result<HashMap<String, usize>, Diagnostics> {
    let cols = columns::find(sheet, fields, map)?;
    let mut errors = Diagnostics::new();
    for r in required {
        if !cols.contains_key(*r) {
            errors.push(
                Diagnostic::error(format!("{} has no `{r}` column", sheet.path.display()))
                    .at(sheet.at_row(0))
                    .help(format!(
                        "its columns are: {}; name one `{r}`, or map it in report.toml: [columns.{}] {r} = \"Your column\"",
                        sheet.headers.join(", "),
                        stem(sheet)
                    )),
            );
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(cols)
    }
}

fn stem(sheet: &Sheet) -> String {
    sheet
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn get<'a>(sheet: &'a Sheet, cols: &HashMap<String, usize>, row: usize, field: &str) -> &'a str {
    cols.get(field).map_or("", |&c| sheet.cell(row, c))
}

/// A warning naming the columns no field took, when there are any.
fn unused(sheet: &Sheet, cols: &HashMap<String, usize>, what: &str) -> Option<Diagnostic> {
    let used: Vec<usize> = cols.values().copied().collect();
    let left: Vec<&str> = sheet
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !used.contains(i) && !h.is_empty())
        .map(|(_, h)| h.as_str())
        .collect();
    (!left.is_empty()).then(|| {
        Diagnostic::warning(format!(
            "columns of {} that are not {what} fields were not read: {}",
            sheet.path.display(),
            left.join(", ")
        ))
        .at(sheet.at_row(0))
        .help("rename a column to the field it holds, or map it: see docs/format.md (CSV and XLSX)")
    })
}

/// Participants; columns other than the fields are attributes.
pub fn participants(
    sheet: &Sheet,
    map: Option<&BTreeMap<String, String>>,
) -> Result<Vec<Participant>, Diagnostics> {
    let cols = located(sheet, PARTICIPANT, map, &["id"])?;
    let taken: Vec<usize> = cols.values().copied().collect();
    Ok((0..sheet.rows.len())
        .map(|r| {
            let id = get(sheet, &cols, r, "id").to_string();
            let alias = get(sheet, &cols, r, "alias");
            let attributes: Map<String, Value> = sheet
                .headers
                .iter()
                .enumerate()
                .filter(|(c, h)| !taken.contains(c) && !h.is_empty())
                .map(|(c, h)| (h.clone(), Value::String(sheet.cell(r, c).to_string())))
                .collect();
            Participant {
                alias: if alias.is_empty() {
                    id.clone()
                } else {
                    alias.to_string()
                },
                id,
                role: get(sheet, &cols, r, "role").to_string(),
                persona: get(sheet, &cols, r, "persona").to_string(),
                illustrative: Illustrative::default(),
                attributes,
            }
        })
        .collect())
}

/// Codes; without an `id` column, ids are made from the labels.
pub fn codebook(
    sheet: &Sheet,
    map: Option<&BTreeMap<String, String>>,
    problems: &mut Diagnostics,
) -> Result<Vec<Code>, Diagnostics> {
    let cols = located(sheet, CODE, map, &["label"])?;
    // Taguette's count of highlights is the tool's own figure; the report
    // counts the highlights themselves.
    let counted = usize::from(columns::is_taguette_codebook(sheet));
    if let Some(w) =
        unused(sheet, &cols, "code").filter(|_| sheet.headers.len() > cols.len() + counted)
    {
        problems.push(w);
    }
    Ok((0..sheet.rows.len())
        .map(|r| {
            let label = get(sheet, &cols, r, "label").to_string();
            let id = match get(sheet, &cols, r, "id") {
                "" => crate::load::qdpx::ids::from_name(&label, "code"),
                id => id.to_string(),
            };
            let opt = |f: &str| {
                Some(get(sheet, &cols, r, f))
                    .filter(|v| !v.is_empty())
                    .map(String::from)
            };
            Code {
                id,
                label,
                description: get(sheet, &cols, r, "description").to_string(),
                parent: opt("parent"),
                colour: opt("colour"),
            }
        })
        .collect())
}

/// Sources.
pub fn sources(
    sheet: &Sheet,
    map: Option<&BTreeMap<String, String>>,
    problems: &mut Diagnostics,
) -> Result<Vec<Source>, Diagnostics> {
    let cols = located(sheet, SOURCE, map, &["id"])?;
    if let Some(w) = unused(sheet, &cols, "source") {
        problems.push(w);
    }
    Ok((0..sheet.rows.len())
        .map(|r| {
            let id = get(sheet, &cols, r, "id").to_string();
            let title = get(sheet, &cols, r, "title");
            Source {
                title: if title.is_empty() {
                    id.clone()
                } else {
                    title.to_string()
                },
                id,
                kind: get(sheet, &cols, r, "kind").to_string(),
                description: get(sheet, &cols, r, "description").to_string(),
                text: None,
            }
        })
        .collect())
}

/// Segments: `codes` holds codes separated by `;`; with a `coder` column
/// they are that coder's codes too.
pub fn segments(
    sheet: &Sheet,
    map: Option<&BTreeMap<String, String>>,
    problems: &mut Diagnostics,
) -> Result<Vec<Segment>, Diagnostics> {
    let cols = located(sheet, SEGMENT, map, &["participant", "text"])?;
    if let Some(w) = unused(sheet, &cols, "segment") {
        problems.push(w);
    }
    let mut errors = super::CellErrors::default();
    let stem = stem(sheet);
    let mut out = Vec::with_capacity(sheet.rows.len());
    for r in 0..sheet.rows.len() {
        let opt = |f: &str| {
            Some(get(sheet, &cols, r, f))
                .filter(|v| !v.is_empty())
                .map(String::from)
        };
        let mut offset = |f: &str| -> Option<u64> {
            let v = opt(f)?;
            match v.parse() {
                Ok(n) => Some(n),
                Err(_) => {
                    errors.push(|| {
                        sheet
                            .cell_error(r, cols[f], &format!("`{v}` is not a whole number"))
                            .help("start and end are character offsets: whole numbers from 0")
                    });
                    None
                }
            }
        };
        let (start, end) = (offset("start"), offset("end"));
        let codes: Vec<String> = get(sheet, &cols, r, "codes")
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect();
        let mut codings = BTreeMap::new();
        if let Some(coder) = opt("coder") {
            codings.insert(coder, codes.clone());
        }
        out.push(Segment {
            id: opt("id").unwrap_or_else(|| format!("{stem}-{}", sheet.lines[r])),
            participant: get(sheet, &cols, r, "participant").to_string(),
            source: opt("source"),
            text: get(sheet, &cols, r, "text").to_string(),
            codes,
            codings,
            start,
            end,
            stance: opt("stance"),
            timestamp: opt("timestamp"),
            illustrative: Illustrative::default(),
        });
    }
    if errors.any() {
        Err(errors.finish(&sheet.path))
    } else {
        Ok(out)
    }
}

/// A generic table: one row per row, numbers as numbers, empty cells null.
pub fn table(sheet: &Sheet) -> Vec<Row> {
    (0..sheet.rows.len())
        .map(|r| {
            sheet
                .headers
                .iter()
                .enumerate()
                .filter(|(_, h)| !h.is_empty())
                .map(|(c, h)| (h.clone(), scalar(sheet.cell(r, c))))
                .collect()
        })
        .collect()
}

fn scalar(cell: &str) -> Value {
    if cell.is_empty() {
        return Value::Null;
    }
    if let Ok(i) = cell.parse::<i64>() {
        return Value::Number(i.into());
    }
    match cell.parse::<f64>().ok().and_then(Number::from_f64) {
        Some(n)
            if cell
                .chars()
                .all(|c| c.is_ascii_digit() || "+-.eE".contains(c)) =>
        {
            Value::Number(n)
        }
        _ => Value::String(cell.to_string()),
    }
}
