//! A crosstab: counts of rows × columns, the rows the values of one field
//! or codes of segments, the columns the values of another field.

use super::{capital, code_scope, counted, Chart, ChartData, Scope};
use crate::analysis::codes::{code_rows, labels, CodeQuery};
use crate::analysis::crosstab as counts;
use crate::analysis::select::Matches;
use crate::analysis::Problem;

/// The records of `m` by `by` (rows) and `across` (columns).
pub fn crosstab(m: &Matches, by: &str, across: &str) -> Result<Chart, Problem> {
    let x = counts::crosstab(m, by, across)?;
    Ok(Chart {
        data: ChartData::Crosstab {
            what: m.dataset.clone(),
            row_attribute: by.into(),
            column_attribute: across.into(),
            rows: x.rows.into_iter().map(|r| r.1).collect(),
            columns: x.columns.into_iter().map(|c| c.1).collect(),
            counts: x.counts,
            scope: Scope::default(),
        },
        illustrative: m.illustrative(&[by, across]),
        title: format!("{} by {by} and {across}", capital(&m.dataset)),
    })
}

/// The segments of `m` (or with `q.people` their participants) by the
/// codes `q` chooses (rows) and `across` (columns). Distinct participants
/// can be in several columns of a row, so each row keeps its own total.
pub fn code_crosstab(m: &Matches, q: &CodeQuery, across: &str) -> Result<Chart, Problem> {
    let study = m.study;
    let rows = code_rows(m, q);
    let x = counts::code_crosstab(m, &rows.rows, across, q.people)?;
    let what = counted(q.people);
    let mut scope = code_scope(study, &rows, q.people);
    if q.people {
        scope.totals = rows.rows.iter().map(|r| r.participants).collect();
    }
    Ok(Chart {
        data: ChartData::Crosstab {
            what: what.into(),
            row_attribute: "code".into(),
            column_attribute: across.into(),
            rows: labels(study, &rows),
            columns: x.columns.into_iter().map(|c| c.1).collect(),
            counts: x.counts,
            scope,
        },
        illustrative: m.illustrative(&["code", across]),
        title: format!("{} by code and {across}", capital(what)),
    })
}
