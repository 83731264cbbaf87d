//! Checks `[labels.FIELD]` of report.toml against the data: a label for a
//! value no record has is almost always a misspelt value, which would
//! otherwise show unlabelled without a word.

use std::collections::BTreeSet;

use crate::analysis::select::{fields, value, Kind};
use crate::error::{did_you_mean, Diagnostic, Diagnostics, Location};
use crate::model::study::Study;

/// Every value `field` takes in any dataset, or `None` when no dataset has
/// the field at all.
fn values(study: &Study, field: &str) -> Option<BTreeSet<String>> {
    let mut found = false;
    let mut out = BTreeSet::new();
    let mut sets: Vec<(Kind, String, usize)> = vec![
        (
            Kind::Participants,
            "participants".into(),
            study.participants.len(),
        ),
        (Kind::Segments, "segments".into(), study.segments.len()),
    ];
    sets.extend(
        study
            .tables
            .iter()
            .map(|(name, rows)| (Kind::Table, name.clone(), rows.len())),
    );
    for (kind, dataset, len) in sets {
        if !fields(study, kind, &dataset).iter().any(|f| f == field) {
            continue;
        }
        found = true;
        for i in 0..len {
            out.insert(value(study, kind, &dataset, i, field).into_owned());
        }
    }
    found.then_some(out)
}

/// Warnings for labels of fields or values no record has.
pub fn unused(study: &Study, places: &[(String, String, Location)]) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    let mut missing_fields = BTreeSet::new();
    for (field, key, at) in places {
        match values(study, field) {
            None => {
                if !missing_fields.insert(field.as_str()) {
                    continue;
                }
                let mut all: Vec<String> = fields(study, Kind::Participants, "participants");
                all.extend(fields(study, Kind::Segments, "segments"));
                let help = match did_you_mean(field, all.iter().map(String::as_str)) {
                    Some(m) => format!("did you mean [labels.{m}]?"),
                    None => "name a field of participants, segments or a table".to_string(),
                };
                warnings.push(
                    Diagnostic::warning(format!(
                        "[labels.{field}]: no dataset has a field `{field}`"
                    ))
                    .at(at.clone())
                    .help(help),
                );
            }
            Some(values) if !values.contains(key) => {
                let help = match did_you_mean(key, values.iter().map(String::as_str)) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => {
                        format!("no record has this {field}; remove the label or fix the value")
                    }
                };
                warnings.push(
                    Diagnostic::warning(format!(
                        "[labels.{field}] labels `{key}`, which no record has"
                    ))
                    .at(at.clone())
                    .help(help),
                );
            }
            Some(_) => {}
        }
    }
    warnings
}
