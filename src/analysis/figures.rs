//! The shares a study gives by one field: participants by each value of
//! each field that may be shown, and segments by code. The evidence lints
//! compare numbers typed in prose against them; computed once per study,
//! not once per section that holds a digit.

use crate::model::schema::{value, Kind};
use crate::model::study::Study;

/// A figure the data gives, with the selection that computes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The count.
    pub count: u64,
    /// What it is counted out of.
    pub total: u64,
    /// The selection, e.g. `participants[stance=deeper-crisis]`.
    pub selection: String,
}

/// Every share of participants by one field value (private fields left
/// out), then of segments by code (sub-codes included).
pub fn figures(study: &Study) -> Vec<Figure> {
    let mut out = Vec::new();
    let n = study.participants.len() as u64;
    let fields = ["role", "persona"]
        .into_iter()
        .map(String::from)
        .chain(study.participant_attributes().iter().cloned());
    for field in fields.filter(|f| !study.privacy.participant_field_private(f)) {
        let mut values: Vec<(String, u64)> = Vec::new();
        for i in 0..study.participants.len() {
            let v = value(study, Kind::Participants, "participants", i, &field);
            if v.is_empty() {
                continue;
            }
            match values.iter_mut().find(|(x, _)| *x == v) {
                Some((_, c)) => *c += 1,
                None => values.push((v.into_owned(), 1)),
            }
        }
        out.extend(values.into_iter().map(|(v, count)| Figure {
            count,
            total: n,
            selection: format!("participants[{field}={v}]"),
        }));
    }
    let segments = study.segments.len() as u64;
    out.extend(study.codes.iter().enumerate().map(|(code, c)| Figure {
        count: study.segments_with_code(code).len() as u64,
        total: segments,
        selection: format!("segments[code={}]", c.id),
    }));
    out
}
