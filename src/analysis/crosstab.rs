//! Crosstabs: counts of records by two fields, or of segments (or their
//! participants) by code and one field.

use std::collections::HashMap;

use super::codes::CodeRow;
use super::select::{value, Kind, Matches};
use super::tally::{count_by, not_code};
use super::Problem;

/// Counts of matched records by two fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Crosstab {
    /// Row values (the `by` field) as `(value, label)`.
    pub rows: Vec<(String, String)>,
    /// Column values (the `across` field) as `(value, label)`.
    pub columns: Vec<(String, String)>,
    /// `counts[row][column]`.
    pub counts: Vec<Vec<u64>>,
}

/// Crosstab of `m` by `by` (rows) and `across` (columns). Every record is
/// in exactly one cell.
pub fn crosstab(m: &Matches, by: &str, across: &str) -> Result<Crosstab, Problem> {
    let rows = count_by(m, by)?;
    let columns = columns(m, across)?;
    let row_at: HashMap<&str, usize> = rows
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| (v.0.as_str(), i))
        .collect();
    let col_at: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, v)| (v.0.as_str(), i))
        .collect();
    let mut counts = vec![vec![0u64; columns.len()]; rows.values.len()];
    for &i in &m.indices {
        let r = row_at[value(m.study, m.kind, &m.dataset, i, by).as_ref()];
        let c = col_at[value(m.study, m.kind, &m.dataset, i, across).as_ref()];
        counts[r][c] += 1;
    }
    Ok(Crosstab {
        rows: rows.values.into_iter().map(|(v, l, _)| (v, l)).collect(),
        columns,
        counts,
    })
}

/// The columns of a crosstab: the values of `across` among the matches.
fn columns(m: &Matches, across: &str) -> Result<Vec<(String, String)>, Problem> {
    not_code(m, across, "across")?;
    Ok(count_by(m, across)?
        .values
        .into_iter()
        .map(|(v, l, _)| (v, l))
        .collect())
}

/// Segments of `m` by code (`codes`, each counting its sub-codes) and by
/// the value of `across`: `counts[row][column]` is the selected segments
/// that carry the row's code and have the column's value, or with
/// `people` the distinct participants behind them. A segment with several
/// codes counts in several rows; within a row, every segment is in one
/// column. Rows come back labelled with the code's id and label.
pub fn code_crosstab(
    m: &Matches,
    codes: &[CodeRow],
    across: &str,
    people: bool,
) -> Result<Crosstab, Problem> {
    if m.kind != Kind::Segments {
        return Err(Problem::new(
            format!("`:by: code` needs segments, and {} are not", m.dataset),
            "use a selection of segments, e.g. segments[persona=trader]",
        ));
    }
    let study = m.study;
    let columns = columns(m, across)?;
    let col_at: HashMap<&str, usize> = columns
        .iter()
        .enumerate()
        .map(|(i, v)| (v.0.as_str(), i))
        .collect();
    let mut selected = vec![false; study.segments.len()];
    let mut column_of = vec![0usize; study.segments.len()];
    for &i in &m.indices {
        selected[i] = true;
        column_of[i] = col_at[value(study, m.kind, &m.dataset, i, across).as_ref()];
    }
    let mut counts = vec![vec![0u64; columns.len()]; codes.len()];
    let mut seen: Vec<Vec<bool>> = Vec::new();
    for (r, row) in codes.iter().enumerate() {
        if people {
            seen = vec![vec![false; study.participants.len()]; columns.len()];
        }
        for &i in study.segments_with_code(row.code) {
            if !selected[i] {
                continue;
            }
            let c = column_of[i];
            if people {
                let p = study.segment_participant[i];
                if std::mem::replace(&mut seen[c][p], true) {
                    continue;
                }
            }
            counts[r][c] += 1;
        }
    }
    Ok(Crosstab {
        rows: codes
            .iter()
            .map(|r| {
                let c = &study.codes[r.code];
                (c.id.clone(), c.label.clone())
            })
            .collect(),
        columns,
        counts,
    })
}

/// Per column, the selected segments (or distinct participants) with that
/// value of `across`, whatever their codes.
pub fn column_totals(
    m: &Matches,
    across: &str,
    people: bool,
    columns: &[(String, String)],
) -> Vec<u64> {
    let study = m.study;
    let mut out = vec![0u64; columns.len()];
    let mut seen = vec![vec![false; study.participants.len()]; columns.len()];
    for &i in &m.indices {
        let v = value(study, m.kind, &m.dataset, i, across);
        let Some(c) = columns.iter().position(|col| col.0 == v.as_ref()) else {
            continue;
        };
        if people {
            let p = study.segment_participant[i];
            if std::mem::replace(&mut seen[c][p], true) {
                continue;
            }
        }
        out[c] += 1;
    }
    out
}
