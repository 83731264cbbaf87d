//! The JSON reader: `content/data/*.json`, parsed strictly into the
//! model's records, each file kept with its text so that later stages can
//! point at the very key a problem is about (`locate`).

pub mod locate;

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{did_you_mean, expected_keys, Diagnostic, Diagnostics, Location};
use crate::model::input::{DataFile, Datasets, Locator, Step};
use crate::model::records::Segment;

/// The registry entry: `*.json`, each file a dataset named by its stem.
pub const FORMAT: crate::load::formats::Format = crate::load::formats::Format {
    name: "JSON datasets",
    extensions: &["json"],
    single: false,
    // First: every other format may refer to what JSON gives.
    rank: |_| 0,
    sniff: |b| {
        crate::load::formats::starts_with_text(b, "[")
            || crate::load::formats::starts_with_text(b, "{")
    },
    read,
};

/// Reads one JSON dataset file.
fn read(input: &crate::load::formats::Input) -> crate::load::formats::Loaded {
    let mut loaded = crate::load::formats::Loaded::default();
    let stem = input
        .rel
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    match crate::load::files::text_of(input.rel, input.bytes.to_vec()) {
        Ok(text) => parse_file(stem, input.rel, text, &mut loaded.data, &mut loaded.report),
        Err(d) => loaded.report.push(d),
    }
    loaded
}

/// Parses one dataset file named `stem` into `into`.
pub fn parse_file(
    stem: &str,
    path: &Path,
    text: String,
    into: &mut Datasets,
    problems: &mut Diagnostics,
) {
    fn parse<T: DeserializeOwned>(
        path: &Path,
        text: String,
        problems: &mut Diagnostics,
    ) -> Option<DataFile<T>> {
        match serde_json::from_str::<T>(&text) {
            Ok(records) => Some(DataFile::new(path, text, records, JSON_LOCATOR)),
            Err(e) => {
                problems.push(json_error(path, &text, &e));
                None
            }
        }
    }
    match stem {
        "participants" => into.participants = parse(path, text, problems),
        "codebook" => into.codebook = parse(path, text, problems),
        "segments" => {
            into.segments = parse(path, text, problems).map(|mut file: DataFile<Vec<Segment>>| {
                file.records.iter_mut().for_each(Segment::union_codings);
                file
            })
        }
        "sources" => into.sources = parse(path, text, problems),
        "series" => into.series = parse(path, text, problems),
        _ => {
            if let Some(table) = parse::<Vec<crate::model::records::Row>>(path, text, problems) {
                check_flat(&table, problems);
                into.tables.insert(stem.to_string(), table);
            }
        }
    }
}

/// How a JSON file's values are found: records are the top-level array's
/// elements, and a path walks into one from where it starts.
const JSON_LOCATOR: Locator = Locator {
    record_starts: locate::element_starts,
    locate_from: json_from,
};

/// [`locate::locate_from`], starting at the top-level value when `pos` is 0.
fn json_from(text: &str, pos: usize, path: &[crate::model::input::Step]) -> Option<(usize, usize)> {
    let pos = if pos == 0 {
        text.len() - text.trim_start().len()
    } else {
        pos
    };
    locate::locate_from(text, pos, path)
}

/// Generic tables hold scalars only: a nested value cannot be a cell.
fn check_flat(table: &DataFile<Vec<crate::model::records::Row>>, problems: &mut Diagnostics) {
    for (i, row) in table.records.iter().enumerate() {
        for (key, value) in row {
            let flag_list = key == "illustrative"
                && value
                    .as_array()
                    .is_some_and(|a| a.iter().all(Value::is_string));
            if (value.is_array() || value.is_object()) && !flag_list {
                problems.push(
                    Diagnostic::error(format!(
                        "column `{key}` of row {} holds a list or an object",
                        i + 1
                    ))
                    .at(table.locate(&[Step::Index(i), Step::Key(key)]))
                    .help("table cells must be strings, numbers, booleans or null"),
                );
            }
        }
    }
}

/// A serde_json error as a diagnostic at its line and column.
pub fn json_error(path: &Path, text: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    let message = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .to_string();
    let mut location = if e.line() == 0 {
        Location::file(path)
    } else {
        Location::at_line(path, text, e.line(), e.column().max(1))
    };
    // serde_json points just past an unknown key; underline the key itself.
    if let Some(name) = message
        .strip_prefix("unknown field `")
        .and_then(|r| r.split('`').next())
    {
        let line_start: usize = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let end = (line_start + e.column()).min(text.len());
        let quoted = format!("\"{name}\"");
        if let Some(found) = text.get(line_start..end).and_then(|l| l.rfind(&quoted)) {
            location = Location::in_text(path, text, line_start + found, quoted.len());
        }
    }
    let help = if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or("");
        let expected = expected_keys(rest);
        match did_you_mean(name, expected.iter().copied()) {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("the keys allowed here are: {}", expected.join(", ")),
        }
    } else if message.starts_with("missing field") {
        "add the missing key to this record; see docs/format.md for each dataset's keys".to_string()
    } else if message.starts_with("invalid type") {
        "change the value to the expected type".to_string()
    } else if message.starts_with("control character") {
        "a string runs past the end of its line: close it with `\"` (write a line break inside a string as \\n)".to_string()
    } else if message.starts_with("number out of range") {
        "JSON numbers here must fit a 64-bit float (up to about 1.8e308); write the value in a larger unit".to_string()
    } else if text.get(e_offset(text, e)..).is_some_and(|rest| {
        ["NaN", "Infinity", "-Infinity", "inf", "-inf", "nan"]
            .iter()
            .any(|w| rest.starts_with(w))
    }) {
        "JSON has no NaN or Infinity: leave the point out, or write a number".to_string()
    } else if message.starts_with("recursion limit") {
        "datasets are lists of flat records: flatten the nesting".to_string()
    } else if matches!(e.classify(), serde_json::error::Category::Eof) {
        "the file ends too early: close every [ and { and string".to_string()
    } else {
        "check the JSON syntax near here: a missing comma, quote or bracket?".to_string()
    };
    let location_is_eof = matches!(e.classify(), serde_json::error::Category::Eof);
    let message = if location_is_eof {
        format!("{message} (the JSON is not finished)")
    } else {
        message
    };
    Diagnostic::error(message).at(location).help(help)
}

/// The byte offset in `text` where serde_json's error `e` points.
fn e_offset(text: &str, e: &serde_json::Error) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + e.column().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(stem: &str, text: &str) -> (Datasets, Diagnostics) {
        let mut d = Datasets::default();
        let mut p = Diagnostics::new();
        parse_file(
            stem,
            Path::new("data/x.json"),
            text.to_string(),
            &mut d,
            &mut p,
        );
        (d, p)
    }

    #[test]
    fn syntax_errors_have_line_and_column() {
        let (_, p) = load("participants", "[\n  {\"id\": \"a\" \"alias\": \"b\"}\n]");
        let loc = p.0[0].location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (2, 14));
        assert!(
            p.0[0].message.starts_with("expected `,` or `}`"),
            "{}",
            p.0[0].message
        );
    }

    #[test]
    fn misspelt_keys_get_a_suggestion() {
        let (_, p) = load(
            "participants",
            "[{\"id\": \"a\", \"alias\": \"A\", \"persnoa\": \"x\"}]",
        );
        assert_eq!(p.0[0].help.as_deref(), Some("did you mean `persona`?"));
    }

    #[test]
    fn generic_tables_must_be_flat() {
        let (d, p) = load("roadmap", "[{\"phase\": \"1\", \"bad\": [1]}]");
        assert_eq!(d.tables.len(), 1);
        assert!(p.0[0].message.contains("`bad` of row 1"));
    }
}
