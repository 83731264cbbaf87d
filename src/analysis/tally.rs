//! Counts of records per value of one field: the partition behind a pie,
//! a donut or a `{table} … :by: FIELD`.

use std::collections::HashMap;

use super::select::{check_field, value, Kind, Matches};
use super::Problem;
use crate::model::study::Study;

/// Label used for records that have no value for the field.
pub const NOT_RECORDED: &str = "Not recorded";

/// Counts of matched records per value of one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The field counted by.
    pub field: String,
    /// `(value, display label, count)` in display order: the order of
    /// `[labels.FIELD]` in report.toml, then first appearance.
    pub values: Vec<(String, String, u64)>,
}

impl Tally {
    /// The counts alone, in order.
    pub fn counts(&self) -> Vec<u64> {
        self.values.iter().map(|v| v.2).collect()
    }

    /// The sum of the counts.
    pub fn total(&self) -> u64 {
        self.values.iter().map(|v| v.2).sum()
    }
}

/// Refuses to split segments by `code` as if it were one value per
/// segment: a segment can carry several codes, so that split is not a
/// partition and has its own analyses (frequency, code crosstab).
pub(crate) fn not_code(m: &Matches, field: &str, option: &str) -> Result<(), Problem> {
    if m.kind == Kind::Segments && field == "code" {
        return Err(Problem::new(
            format!("`{option}: code` cannot split segments: a segment can carry several codes"),
            "count codes with `:by: code` (one row per code), and put attributes in `:across:`",
        ));
    }
    Ok(())
}

/// Counts `m` by the value of `field`. A field that no matched record has
/// a value for is an error: a split into "Not recorded" alone says nothing.
pub fn count_by(m: &Matches, field: &str) -> Result<Tally, Problem> {
    check_field(m.study, m.kind, &m.dataset, field)?;
    not_code(m, field, "by")?;
    let mut order: Vec<(String, u64)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for &i in &m.indices {
        let v = value(m.study, m.kind, &m.dataset, i, field);
        match at.get(v.as_ref()) {
            Some(&k) => order[k].1 += 1,
            None => {
                at.insert(v.to_string(), order.len());
                order.push((v.into_owned(), 1));
            }
        }
    }
    if let [(only, _)] = order.as_slice() {
        if only.is_empty() {
            return Err(Problem::new(
                format!("none of the selected {} has a `{field}`", m.dataset),
                format!("give the records a `{field}` value, or count by another field"),
            ));
        }
    }
    Ok(ordered_tally(m.study, field, order))
}

fn ordered_tally(study: &Study, field: &str, order: Vec<(String, u64)>) -> Tally {
    let labels = &study.labels;
    let mut ranked: Vec<(usize, (String, u64))> = order.into_iter().enumerate().collect();
    ranked.sort_by_key(|(first, (v, _))| (labels.rank(field, v).unwrap_or(usize::MAX), *first));
    let values = ranked
        .into_iter()
        .map(|(_, (v, n))| {
            let label = if v.is_empty() {
                NOT_RECORDED.to_string()
            } else {
                labels.get(field, &v).to_string()
            };
            (v, label, n)
        })
        .collect();
    Tally {
        field: field.to_string(),
        values,
    }
}
