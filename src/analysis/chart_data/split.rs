//! A split: counts per category, of records by the values of one field
//! (a partition) or of segments by code (multi-response).

use super::{capital, code_scope, counted, Category, Chart, ChartData, Scope};
use crate::analysis::codes::{code_rows, labels, CodeQuery};
use crate::analysis::select::Matches;
use crate::analysis::{count_by, Problem};

/// The order of a split by a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SplitSort {
    /// Most records first.
    Count,
    /// By label, ignoring case.
    Label,
    /// The order of `[labels]` in report.toml, then first appearance.
    Given,
}

impl SplitSort {
    fn parse(name: &str) -> Result<SplitSort, Problem> {
        match name {
            "count" => Ok(SplitSort::Count),
            "label" => Ok(SplitSort::Label),
            "given" => Ok(SplitSort::Given),
            other => Err(Problem::new(
                format!("`:sort:` is `{other}`"),
                "a split by an attribute sorts by count, label or given (the order of [labels] in report.toml, then first appearance)",
            )),
        }
    }
}

/// The records of `m` by the values of `field`, in the order `sort` names
/// (`count`, `label` or `given`), or `default` without one.
pub fn split(
    m: &Matches,
    field: &str,
    sort: Option<&str>,
    default: SplitSort,
) -> Result<Chart, Problem> {
    let tally = count_by(m, field)?;
    let mut categories: Vec<Category> = tally
        .values
        .into_iter()
        .map(|(_, label, count)| Category { label, count })
        .collect();
    match sort.map_or(Ok(default), SplitSort::parse)? {
        SplitSort::Count => categories.sort_by_key(|c| std::cmp::Reverse(c.count)),
        SplitSort::Label => categories.sort_by_key(|c| c.label.to_lowercase()),
        SplitSort::Given => {}
    }
    Ok(Chart {
        data: ChartData::Split {
            what: m.dataset.clone(),
            by: field.into(),
            categories,
            scope: Scope::default(),
        },
        illustrative: m.illustrative(&[field]),
        title: format!("{} by {}", capital(&m.dataset), field.replace('_', " ")),
    })
}

/// The segments of `m` (or with `q.people` their participants) by the
/// codes `q` chooses: a segment can carry several codes, so the shares
/// are each of the whole selection and do not add up to 100 %.
pub fn code_split(m: &Matches, q: &CodeQuery) -> Chart {
    let study = m.study;
    let rows = code_rows(m, q);
    let categories = rows
        .rows
        .iter()
        .zip(labels(study, &rows))
        .map(|(r, label)| Category {
            label,
            count: r.count(q.people),
        })
        .collect();
    let what = counted(q.people);
    Chart {
        data: ChartData::Split {
            what: what.into(),
            by: "code".into(),
            categories,
            scope: code_scope(study, &rows, q.people),
        },
        illustrative: m.illustrative(&["code"]),
        title: format!("{} by code", capital(what)),
    }
}
