//! The fields of each kind of record and their values as text: what a
//! selection, a table column, a label or a privacy rule can name. The
//! model owns this because it is a fact about the records, whatever asks.

use std::borrow::Cow;

use crate::model::records::{
    scalar_text, Illustrative, Participant, CODE_FIELDS, PARTICIPANT_FIELDS, SEGMENT_FIELDS,
    SOURCE_FIELDS,
};
use crate::model::study::Study;

/// Which kind of records a selection ranges over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// participants.json
    Participants,
    /// segments.json
    Segments,
    /// codebook.json
    Codebook,
    /// sources.json
    Sources,
    /// A generic table.
    Table,
}

/// The field names records of `kind` have.
pub fn fields(study: &Study, kind: Kind, dataset: &str) -> Vec<String> {
    let participant_fields = || {
        let mut f: Vec<String> = PARTICIPANT_FIELDS.map(String::from).to_vec();
        for k in study.participant_attributes() {
            if !f.contains(k) {
                f.push(k.clone());
            }
        }
        f
    };
    match kind {
        Kind::Participants => participant_fields(),
        Kind::Segments => {
            let mut f: Vec<String> = SEGMENT_FIELDS.map(String::from).to_vec();
            f.extend(participant_fields().into_iter().filter(|k| k != "id"));
            f
        }
        Kind::Codebook => CODE_FIELDS.map(String::from).to_vec(),
        Kind::Sources => SOURCE_FIELDS.map(String::from).to_vec(),
        Kind::Table => {
            let mut f: Vec<String> = Vec::new();
            for row in study.tables.get(dataset).into_iter().flatten() {
                for k in row.keys() {
                    if !f.contains(k) {
                        f.push(k.clone());
                    }
                }
            }
            f
        }
    }
}

/// Whether `field` is one of [`fields`], without building the list: every
/// role checks its fields, and a report has thousands of roles.
pub fn has_field(study: &Study, kind: Kind, dataset: &str, field: &str) -> bool {
    let attribute = || study.participant_attributes().iter().any(|k| k == field);
    match kind {
        Kind::Participants => PARTICIPANT_FIELDS.contains(&field) || attribute(),
        Kind::Segments => {
            SEGMENT_FIELDS.contains(&field) || PARTICIPANT_FIELDS.contains(&field) || attribute()
        }
        Kind::Codebook => CODE_FIELDS.contains(&field),
        Kind::Sources => SOURCE_FIELDS.contains(&field),
        Kind::Table => study
            .tables
            .get(dataset)
            .is_some_and(|rows| rows.iter().any(|r| r.contains_key(field))),
    }
}

/// The text of `field` on record `i` of `kind`. Segments fall through to
/// their participant's fields. `code` is handled by [`matches`].
pub fn value<'s>(
    study: &'s Study,
    kind: Kind,
    dataset: &str,
    i: usize,
    field: &str,
) -> Cow<'s, str> {
    let participant = |p: &'s Participant| -> Cow<'s, str> {
        match field {
            "id" => p.id.as_str().into(),
            "alias" => p.alias.as_str().into(),
            "role" => p.role.as_str().into(),
            "persona" => p.persona.as_str().into(),
            other => p
                .attributes
                .get(other)
                .map_or(Cow::Borrowed(""), scalar_text),
        }
    };
    match kind {
        Kind::Participants => participant(&study.participants[i]),
        Kind::Segments => {
            let s = &study.segments[i];
            match field {
                "id" => s.id.as_str().into(),
                "participant" => s.participant.as_str().into(),
                "source" => s.source.as_deref().unwrap_or("").into(),
                // A segment's own stance, else its participant's.
                "stance" => match s.stance.as_deref() {
                    Some(own) => own.into(),
                    None => participant(study.speaker(i)),
                },
                "text" => s.text.as_str().into(),
                "timestamp" => s.timestamp.as_deref().unwrap_or("").into(),
                // Several codes: a listing shows them all. Counting by code
                // never reads this (see `tally::not_code`).
                "code" => study.segment_codes[i]
                    .iter()
                    .map(|&c| study.codes[c].label.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
                    .into(),
                _ => participant(study.speaker(i)),
            }
        }
        Kind::Codebook => {
            let c = &study.codes[i];
            match field {
                "id" => c.id.as_str().into(),
                "label" => c.label.as_str().into(),
                "parent" => c.parent.as_deref().unwrap_or("").into(),
                _ => c.description.as_str().into(),
            }
        }
        Kind::Sources => {
            let s = &study.sources[i];
            match field {
                "id" => s.id.as_str().into(),
                "kind" => s.kind.as_str().into(),
                "title" => s.title.as_str().into(),
                _ => s.description.as_str().into(),
            }
        }
        Kind::Table => study.tables[dataset][i]
            .get(field)
            .map_or(Cow::Borrowed(""), scalar_text),
    }
}

/// What of record `i` is made up to show the format.
pub fn record_flag(study: &Study, kind: Kind, dataset: &str, i: usize) -> Illustrative {
    match kind {
        Kind::Participants => study.participants[i].illustrative.clone(),
        Kind::Segments => study.segments[i].illustrative.clone(),
        Kind::Table => Illustrative::of_cell(study.tables[dataset][i].get("illustrative")),
        Kind::Codebook | Kind::Sources => Illustrative::default(),
    }
}

pub fn len(study: &Study, kind: Kind, dataset: &str) -> usize {
    match kind {
        Kind::Participants => study.participants.len(),
        Kind::Segments => study.segments.len(),
        Kind::Codebook => study.codes.len(),
        Kind::Sources => study.sources.len(),
        Kind::Table => study.tables[dataset].len(),
    }
}
