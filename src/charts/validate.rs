//! Checks chart data before drawing, so every kind can assume non-empty,
//! consistent input and users get a one-line reason instead of a blank or
//! broken chart.

use super::{Category, ChartData, ChartSpec, Phase, RoadmapPhase, Scope, Series, Shape};

/// Checks that `spec.data` suits `spec.kind` and can be drawn.
pub fn check(spec: &ChartSpec) -> Result<(), String> {
    let kind = spec.kind.name();
    match (&spec.data, spec.kind.shape()) {
        (
            ChartData::Split {
                categories,
                by,
                scope,
                ..
            },
            Shape::Split,
        ) => split(spec, categories, by, scope),
        (
            ChartData::Crosstab {
                rows,
                columns,
                counts,
                row_attribute,
                ..
            },
            Shape::Crosstab,
        ) => crosstab(rows, columns, counts, row_attribute),
        (ChartData::Series { series, phases, .. }, Shape::Series) => dated(series, phases),
        (ChartData::Matrix { labels, counts }, Shape::Matrix) => matrix(labels, counts),
        (ChartData::Roadmap { phases }, Shape::Roadmap) => roadmap(phases),
        (data, _) => Err(format!("a `{kind}` chart cannot draw {}", describe(data))),
    }
}

/// A split: categories with a count above zero, and no overlapping counts
/// for a kind that draws the parts of a whole.
fn split(spec: &ChartSpec, categories: &[Category], by: &str, scope: &Scope) -> Result<(), String> {
    if spec.kind.spec().parts_of_whole && scope.base != super::Base::Partition {
        return Err(format!(
            "a {} shows the parts of a whole, and these counts overlap (a record can count under several {by} values)",
            spec.kind.name()
        ));
    }
    if categories.is_empty() {
        return Err(format!(
            "the chart has no data: no values of `{by}` to count"
        ));
    }
    if categories.iter().all(|c| c.count == 0) {
        return Err(format!(
            "the chart has no data: every value of `{by}` counts zero"
        ));
    }
    Ok(())
}

/// A crosstab: a count for every row and column, not all zero.
fn crosstab(
    rows: &[String],
    columns: &[String],
    counts: &[Vec<u64>],
    row_attribute: &str,
) -> Result<(), String> {
    if rows.is_empty() || columns.is_empty() {
        return Err(format!(
            "the chart has no data: no values of `{row_attribute}` to compare"
        ));
    }
    if counts.len() != rows.len() {
        return Err(format!(
            "the crosstab has {} rows of counts for {} row labels",
            counts.len(),
            rows.len()
        ));
    }
    if let Some((i, row)) = counts
        .iter()
        .enumerate()
        .find(|(_, r)| r.len() != columns.len())
    {
        return Err(format!(
            "row `{}` of the crosstab has {} counts for {} columns",
            rows[i],
            row.len(),
            columns.len()
        ));
    }
    if counts.iter().flatten().all(|&c| c == 0) {
        return Err("the chart has no data: every count in the crosstab is zero".to_string());
    }
    Ok(())
}

/// Series: each with points sorted by date and finite values; phases that
/// end after they start.
fn dated(series: &[Series], phases: &[Phase]) -> Result<(), String> {
    if series.is_empty() {
        return Err("the chart has no data: no series given".to_string());
    }
    for s in series {
        if s.points.is_empty() {
            return Err(format!("series `{}` has no points", s.label));
        }
        if s.points.windows(2).any(|w| w[1].0 < w[0].0) {
            return Err(format!(
                "the points of series `{}` are not sorted by date",
                s.label
            ));
        }
        if s.points.iter().any(|p| !p.1.is_finite()) {
            return Err(format!(
                "series `{}` has a value that is not a finite number",
                s.label
            ));
        }
    }
    for p in phases {
        if p.end < p.start {
            return Err(format!(
                "phase `{}` ends ({}) before it starts ({})",
                p.label, p.end, p.start
            ));
        }
    }
    Ok(())
}

/// A co-occurrence matrix: square, not all zero, and small enough to read.
fn matrix(labels: &[String], counts: &[Vec<u64>]) -> Result<(), String> {
    if labels.is_empty() {
        return Err("the chart has no data: no codes to cross".to_string());
    }
    if counts.len() != labels.len() || counts.iter().any(|r| r.len() != labels.len()) {
        return Err(format!(
            "the co-occurrence matrix is not {0} × {0} for {0} codes",
            labels.len()
        ));
    }
    if counts.iter().flatten().all(|&c| c == 0) {
        return Err("the chart has no data: every co-occurrence count is zero".to_string());
    }
    if labels.len() > super::heatmap::MAX_CODES {
        return Err(format!(
            "a heatmap of {} codes is too large to read (at most {})",
            labels.len(),
            super::heatmap::MAX_CODES
        ));
    }
    Ok(())
}

/// A roadmap: phases that end after they start.
fn roadmap(phases: &[RoadmapPhase]) -> Result<(), String> {
    if phases.is_empty() {
        return Err("the chart has no data: the roadmap has no phases".to_string());
    }
    for p in phases {
        if p.end < p.start {
            return Err(format!(
                "roadmap phase `{}` ends ({}) before it starts ({})",
                p.label, p.end, p.start
            ));
        }
    }
    Ok(())
}

/// What kind of data `data` is, for the mismatch message.
fn describe(data: &ChartData) -> &'static str {
    match data {
        ChartData::Split { .. } => "counts per category",
        ChartData::Crosstab { .. } => "a crosstab",
        ChartData::Series { .. } => "series over dates",
        ChartData::Matrix { .. } => "a co-occurrence matrix",
        ChartData::Roadmap { .. } => "roadmap phases",
    }
}
