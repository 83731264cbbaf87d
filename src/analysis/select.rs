//! Selections: `participants[stance=deeper-crisis, persona!=Journalist]`.
//!
//! The one way prose roles, tables and charts say which records they mean.

use std::ops::Deref;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::analysis::Problem;
use crate::error::did_you_mean;
pub use crate::model::schema::{fields, record_flag, value, Kind};
use crate::model::schema::{has_field, len};
use crate::model::study::Study;

/// A dataset name with conditions that must all hold.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Selection {
    /// `participants`, `segments`, `codebook`, `sources`, or a table name.
    pub dataset: String,
    /// All must hold.
    pub conditions: Vec<Condition>,
}

/// `field=value` or `field!=value`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Condition {
    /// Field name.
    pub field: String,
    /// True for `!=`.
    pub negated: bool,
    /// Value compared with the field's text.
    pub value: String,
}

impl Selection {
    /// Parses `name` or `name[field=value, field!=value]`.
    pub fn parse(text: &str) -> Result<Selection, String> {
        let text = text.trim();
        let (name, rest) = match text.find('[') {
            Some(i) => (&text[..i], Some(&text[i + 1..])),
            None => (text, None),
        };
        let name = name.trim();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        {
            return Err(format!("`{text}` is not a selection: expected a dataset name like `participants[stance=a]`"));
        }
        let mut conditions = Vec::new();
        if let Some(rest) = rest {
            let inner = rest
                .strip_suffix(']')
                .ok_or_else(|| format!("`{text}` has no closing `]`"))?;
            for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                let (field, negated, value) = if let Some((f, v)) = part.split_once("!=") {
                    (f, true, v)
                } else if let Some((f, v)) = part.split_once('=') {
                    (f, false, v)
                } else {
                    return Err(format!(
                        "condition `{part}` needs `=` or `!=`, e.g. stance=deeper-crisis"
                    ));
                };
                let value = value.trim().trim_matches('"');
                conditions.push(Condition {
                    field: field.trim().to_string(),
                    negated,
                    value: value.to_string(),
                });
            }
        }
        Ok(Selection {
            dataset: name.to_string(),
            conditions,
        })
    }
}

/// The records a selection matched.
#[derive(Debug, Clone)]
pub struct Matches<'s> {
    /// The study they come from, with its memo.
    pub study: &'s Analysis,
    /// What kind of records.
    pub kind: Kind,
    /// Table name when `kind` is `Table`; the dataset name otherwise.
    pub dataset: String,
    /// Indices of the matching records, in file order.
    pub indices: Indices,
    /// Size of the unfiltered dataset.
    pub total: usize,
    /// Fields the selection's conditions read.
    pub condition_fields: Vec<String>,
    /// The selection that matched them, the key of memoized results.
    pub selection: Selection,
}

/// Indices of matched records, in file order. They are shared with the
/// study's memo, so selecting the same records again copies nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indices(Arc<[usize]>);

impl Deref for Indices {
    type Target = [usize];

    fn deref(&self) -> &[usize] {
        &self.0
    }
}

impl<'a> IntoIterator for &'a Indices {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl PartialEq<Vec<usize>> for Indices {
    fn eq(&self, other: &Vec<usize>) -> bool {
        *self.0 == **other
    }
}

/// Resolves the dataset of `sel`.
pub fn kind_of(study: &Study, dataset: &str) -> Result<Kind, Problem> {
    Ok(match dataset {
        "participants" => Kind::Participants,
        "segments" => Kind::Segments,
        "codebook" | "codes" => Kind::Codebook,
        "sources" => Kind::Sources,
        t if study.tables.contains_key(t) => Kind::Table,
        other => {
            let mut names = vec!["participants", "segments", "codebook", "sources"];
            names.extend(study.tables.keys().map(String::as_str));
            let hint = match did_you_mean(other, names.iter().copied()) {
                Some(m) => format!("did you mean `{m}`?"),
                None => format!("known datasets: {}", names.join(", ")),
            };
            return Err(Problem::new(format!("unknown dataset `{other}`"), hint));
        }
    })
}

/// Checks `field` exists on records of `kind`, with a suggestion if not.
pub fn check_field(study: &Study, kind: Kind, dataset: &str, field: &str) -> Result<(), Problem> {
    if has_field(study, kind, dataset, field) {
        if let Some(entry) = study.privacy.private_entry(kind, dataset, field) {
            return Err(Problem::new(
                format!("`{field}` is private (`{entry}` in report.toml's [privacy]): it cannot be shown, counted by or filtered on"),
                "leave it out here, or take it off the private list if it may be published",
            ));
        }
        return Ok(());
    }
    let known = fields(study, kind, dataset);
    let hint = match did_you_mean(field, known.iter().map(String::as_str)) {
        Some(m) => format!("did you mean `{m}`?"),
        None => format!("fields of {dataset}: {}", known.join(", ")),
    };
    Err(Problem::new(
        format!("{dataset} have no field `{field}`"),
        hint,
    ))
}

/// The records of the study that `sel` selects.
pub fn select<'s>(study: &'s Analysis, sel: &Selection) -> Result<Matches<'s>, Problem> {
    let kind = kind_of(study, &sel.dataset)?;
    let dataset = sel.dataset.as_str();
    let mut code_conditions = Vec::new();
    for c in &sel.conditions {
        if kind == Kind::Segments && c.field == "code" {
            let code = super::code_names::find(study, &c.value)?;
            code_conditions.push((code, c.negated));
        } else {
            check_field(study, kind, dataset, &c.field)?;
        }
    }
    let total = len(study, kind, dataset);
    // A code keeps an index of its segments: start from the smallest
    // candidate set instead of scanning every segment.
    let candidates: Box<dyn Iterator<Item = usize>> = match code_conditions
        .iter()
        .filter(|(_, negated)| !negated)
        .map(|&(code, _)| study.segments_with_code(code))
        .min_by_key(|s| s.len())
    {
        Some(segments) => Box::new(segments.iter().copied()),
        None => Box::new(0..total),
    };
    let indices = study.memo().selection(sel, || {
        Ok(candidates
            .filter(|&i| {
                code_conditions
                    .iter()
                    .all(|&(code, neg)| study.segment_has_code(i, code) != neg)
                    && sel
                        .conditions
                        .iter()
                        .filter(|c| !(kind == Kind::Segments && c.field == "code"))
                        .all(|c| {
                            (value(study, kind, dataset, i, &c.field) == c.value.as_str())
                                != c.negated
                        })
            })
            .collect())
    })?;
    let condition_fields = sel.conditions.iter().map(|c| c.field.clone()).collect();
    Ok(Matches {
        study,
        kind,
        dataset: dataset.to_string(),
        indices: Indices(indices),
        total,
        condition_fields,
        selection: sel.clone(),
    })
}

impl Matches<'_> {
    /// True when a result computed from these matches and from `fields`
    /// (besides the selection's own condition fields) rests on anything
    /// made up: a made-up record, or a made-up value of a field it uses.
    pub fn illustrative(&self, fields: &[&str]) -> bool {
        let mut all: Vec<&str> = self.condition_fields.iter().map(String::as_str).collect();
        all.extend_from_slice(fields);
        let study = self.study;
        let (people, segments) = study.any_illustrative();
        match self.kind {
            Kind::Participants if !people => false,
            Kind::Segments if !people && !segments => false,
            Kind::Participants => study
                .participants
                .iter()
                .any(|p| p.illustrative.touches(&all)),
            Kind::Segments => self.indices.iter().any(|&i| {
                study.segments[i].illustrative.touches(&all)
                    || study.speaker(i).illustrative.touches(&all)
            }),
            Kind::Table => (0..self.total)
                .any(|i| record_flag(study, self.kind, &self.dataset, i).touches(&all)),
            Kind::Codebook | Kind::Sources => false,
        }
    }

    /// True when the size of the whole dataset rests on made-up records.
    pub fn illustrative_total(&self) -> bool {
        let (people, segments) = self.study.any_illustrative();
        match self.kind {
            Kind::Participants if !people => return false,
            Kind::Segments if !segments => return false,
            _ => {}
        }
        (0..self.total).any(|i| record_flag(self.study, self.kind, &self.dataset, i).whole())
    }

    /// Number of distinct participants behind the matched segments.
    pub fn distinct_participants(&self) -> usize {
        if self.kind != Kind::Segments {
            return self.indices.len();
        }
        self.study.memo().people(&self.selection, || {
            let mut seen = vec![false; self.study.participants.len()];
            self.indices
                .iter()
                .filter(|&&i| {
                    !std::mem::replace(&mut seen[self.study.segment_participant[i]], true)
                })
                .count()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_selections() {
        let s = Selection::parse("segments[code=fomo, persona != Trader]").unwrap();
        assert_eq!(s.dataset, "segments");
        assert_eq!(s.conditions.len(), 2);
        assert!(s.conditions[1].negated);
        assert_eq!(s.conditions[1].value, "Trader");
        assert_eq!(Selection::parse("participants").unwrap().conditions, vec![]);
        assert!(Selection::parse("participants[stance").is_err());
        assert!(Selection::parse("participants[stance]").is_err());
        assert!(Selection::parse("").is_err());
    }
}
