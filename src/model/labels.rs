//! Display labels of attribute values (`[labels.FIELD]` in report.toml),
//! and their check against the data: a label for a value no record has is
//! almost always a misspelt value, which would otherwise show unlabelled
//! without a word.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{did_you_mean, Diagnostic, Diagnostics, Location};
use crate::model::schema::{fields, value, Kind};
use crate::model::study::Study;

/// Display labels for attribute values, keeping the order they were written in.
#[derive(Debug, Clone, Default)]
pub struct Labels(pub BTreeMap<String, Vec<(String, String)>>);

impl Labels {
    /// The label of `value` of `field`, or the value itself.
    pub fn get<'a>(&'a self, field: &str, value: &'a str) -> &'a str {
        self.0
            .get(field)
            .and_then(|l| l.iter().find(|(k, _)| k == value))
            .map_or(value, |(_, label)| label.as_str())
    }

    /// Where `value` stands in the configured order of `field`, if listed.
    pub fn rank(&self, field: &str, value: &str) -> Option<usize> {
        self.0.get(field)?.iter().position(|(k, _)| k == value)
    }
}

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
