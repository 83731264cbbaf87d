//! A matrix: how often the codes of segments occur together.

use super::{Chart, ChartData};
use crate::analysis::codes::{code_rows, labels, top_note, CodeQuery};
use crate::analysis::cooccurrence::cooccurrence_of;
use crate::analysis::select::Matches;
use crate::analysis::Problem;

/// The co-occurrence of the codes `q` chooses in the segments `m`, at
/// most `max_codes` of them (more would not be readable). It counts
/// segments whatever `q.people` says: two codes occur together in a
/// segment, not in a participant.
pub fn matrix(m: &Matches, q: &CodeQuery, max_codes: usize) -> Result<Chart, Problem> {
    let q = CodeQuery {
        people: false,
        ..q.clone()
    };
    let rows = code_rows(m, &q);
    if rows.rows.len() > max_codes {
        return Err(Problem::new(
            format!(
                "a heatmap of {} codes is too large to read (at most {max_codes})",
                rows.rows.len()
            ),
            "show fewer codes: :level: top (themes only), :codes: a, b, c, or :top: 30 (the most frequent)",
        ));
    }
    let codes: Vec<usize> = rows.rows.iter().map(|r| r.code).collect();
    let title = match top_note(&rows) {
        Some(note) => format!("Code co-occurrence ({})", note.to_lowercase()),
        None => "Code co-occurrence".into(),
    };
    Ok(Chart {
        data: ChartData::Matrix {
            labels: labels(m.study, &rows),
            counts: cooccurrence_of(m, &codes),
        },
        illustrative: m.illustrative(&["codes"]),
        title,
    })
}
