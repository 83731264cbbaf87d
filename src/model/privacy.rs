//! `[privacy]` in `report.toml`: fields that must never reach the report,
//! and small-cell suppression of counts.
//!
//! Private fields are enforced where every field name enters the pipeline
//! (`analysis::select::check_field`: selection conditions, table
//! columns, `by` and `across`), so no role, table or chart can show or
//! filter on one. Quotes leave private attribution fields out. Small
//! counts (fewer than `min_cell` records, zero excepted) are written
//! "< k" in prose and tables, and charts that would draw one refuse.

use serde::Deserialize;

use crate::error::{did_you_mean, Diagnostic, Diagnostics, Location};
use crate::model::numbers::NumberFormat;
use crate::model::records::SEGMENT_FIELDS;
use crate::model::schema::{fields, Kind};
use crate::model::study::Study;

/// The `[privacy]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Privacy {
    /// `dataset.field` names that must never be shown or filtered on,
    /// e.g. `participants.email` (participant attributes included).
    #[serde(default)]
    pub private: Vec<String>,
    /// Counts below this (and above zero) are suppressed.
    #[serde(default)]
    pub min_cell: Option<u64>,
    /// Where each `private` entry is written in report.toml, for messages.
    #[serde(skip)]
    pub locations: Vec<Location>,
}

impl Privacy {
    /// The `private` entries as `(dataset, field)`; malformed ones (which
    /// the config check reports) are skipped.
    fn entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.private.iter().filter_map(|e| e.split_once('.'))
    }

    /// The `dataset.field` entry that makes `field` of records of `kind`
    /// private, if any. A segment's participant fields are private when
    /// the participant's are.
    pub fn private_entry(&self, kind: Kind, dataset: &str, field: &str) -> Option<String> {
        let owner = match kind {
            Kind::Participants => "participants",
            Kind::Segments if SEGMENT_FIELDS.contains(&field) => "segments",
            Kind::Segments => "participants",
            Kind::Codebook => "codebook",
            Kind::Sources => "sources",
            Kind::Table => dataset,
        };
        self.entries()
            .any(|(d, f)| d == owner && f == field)
            .then(|| format!("{owner}.{field}"))
    }

    /// True when participants' `field` is private (for quote attributions).
    pub fn participant_field_private(&self, field: &str) -> bool {
        self.private_entry(Kind::Participants, "participants", field)
            .is_some()
    }

    /// True when a count of `n` records must not be shown.
    pub fn suppressed(&self, n: u64) -> bool {
        matches!(self.min_cell, Some(k) if n > 0 && n < k)
    }

    /// A count as it may be shown: "< k" when suppressed.
    pub fn count(&self, n: u64, f: &NumberFormat) -> String {
        match self.min_cell {
            Some(k) if self.suppressed(n) => format!("< {}", f.count(k)),
            _ => f.count(n),
        }
    }

    /// A share of `count` records out of `total`, printed as `percent`, as
    /// it may be shown: when the count is suppressed, the bound "< p%"
    /// where p is the share k records would have.
    pub fn share(&self, count: u64, total: u64, percent: f64, f: &NumberFormat) -> String {
        match self.min_cell {
            Some(k) if self.suppressed(count) && total > 0 => {
                format!("< {}", f.percent(100.0 * k as f64 / total as f64))
            }
            _ => f.percent(percent),
        }
    }

    /// Checks every `private` entry names a field that exists, so that a
    /// typo never leaves the real field unprotected.
    pub fn check(&self, study: &Study) -> Diagnostics {
        let mut problems = Diagnostics::new();
        for (i, entry) in self.private.iter().enumerate() {
            let Some((dataset, field)) = entry.split_once('.') else {
                continue;
            };
            let at = self
                .locations
                .get(i)
                .cloned()
                .unwrap_or_else(|| Location::file("content/report.toml"));
            let kind = match dataset {
                "participants" => Some(Kind::Participants),
                "segments" => Some(Kind::Segments),
                "codebook" => Some(Kind::Codebook),
                "sources" => Some(Kind::Sources),
                t if study.tables.contains_key(t) => Some(Kind::Table),
                _ => None,
            };
            let Some(kind) = kind else {
                let mut names = vec!["participants", "segments", "codebook", "sources"];
                names.extend(study.tables.keys().map(String::as_str));
                problems.push(
                    Diagnostic::error(format!("private field `{entry}`: no dataset `{dataset}`"))
                        .at(at)
                        .help(match did_you_mean(dataset, names.iter().copied()) {
                            Some(m) => format!("did you mean `{m}.{field}`?"),
                            None => format!("datasets: {}", names.join(", ")),
                        }),
                );
                continue;
            };
            let known = fields(study, kind, dataset);
            if !known.iter().any(|k| k == field) {
                problems.push(
                    Diagnostic::error(format!(
                        "private field `{entry}`: {dataset} have no field `{field}`"
                    ))
                    .at(at)
                    .help(
                        match did_you_mean(field, known.iter().map(String::as_str)) {
                            Some(m) => format!("did you mean `{dataset}.{m}`? A misspelt private field protects nothing"),
                            None => format!("fields of {dataset}: {}", known.join(", ")),
                        },
                    ),
                );
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn privacy() -> Privacy {
        Privacy {
            private: vec!["participants.email".into(), "segments.text".into()],
            min_cell: Some(3),
            locations: Vec::new(),
        }
    }

    #[test]
    fn segment_fields_fall_through_to_participants() {
        let p = privacy();
        assert_eq!(
            p.private_entry(Kind::Segments, "segments", "email"),
            Some("participants.email".to_string())
        );
        assert_eq!(
            p.private_entry(Kind::Segments, "segments", "text"),
            Some("segments.text".to_string())
        );
        assert_eq!(
            p.private_entry(Kind::Participants, "participants", "text"),
            None
        );
        assert!(p.participant_field_private("email"));
    }

    #[test]
    fn small_counts_are_bounded_not_shown() {
        let p = privacy();
        let f = NumberFormat::default();
        assert_eq!(p.count(0, &f), "0");
        assert_eq!(p.count(2, &f), "< 3");
        assert_eq!(p.count(3, &f), "3");
        assert_eq!(p.share(2, 9, 22.2, &f), "< 33.3%");
        assert_eq!(p.share(7, 9, 77.8, &f), "77.8%");
        assert!(!Privacy::default().suppressed(1));
    }
}
