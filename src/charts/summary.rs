//! The summary in words of each chart: the SVG `<desc>` and the text a
//! screen reader or a reader without the picture gets. Counts and shares
//! come from `NumberFormat`, so they read exactly as in the prose.

use super::axis::decimals_for;
use super::{Base, Category, ChartData, ChartSpec, RoadmapPhase, Series};
use crate::model::numbers::NumberFormat;

/// The summary of `spec`, which has passed validation.
pub fn describe(spec: &ChartSpec) -> String {
    let f = &spec.format;
    let mut text = match &spec.data {
        ChartData::Split {
            what,
            by,
            categories,
            scope,
        } => split(f, what, by, categories, &scope.base),
        ChartData::Crosstab {
            what,
            row_attribute,
            column_attribute,
            rows,
            columns,
            counts,
            scope,
        } => {
            let mut s = match scope.base {
                Base::Multi { n } => format!(
                    "{} {what} by {row_attribute} and {column_attribute}; a segment can carry several codes, so it can count in several rows.",
                    f.count(n)
                ),
                Base::Partition => format!(
                    "{} {what} by {row_attribute} and {column_attribute}.",
                    f.count(counts.iter().flatten().sum())
                ),
            };
            for (i, (row, counts)) in rows.iter().zip(counts).enumerate() {
                let sum = scope
                    .totals
                    .get(i)
                    .copied()
                    .unwrap_or_else(|| counts.iter().sum());
                let shares = f.split(counts);
                let parts: Vec<String> = columns
                    .iter()
                    .zip(counts)
                    .zip(&shares)
                    .map(|((c, &n), &p)| format!("{c} {} ({})", f.count(n), f.percent(p)))
                    .collect();
                s.push_str(&format!(" {row} ({}): {}.", f.count(sum), parts.join(", ")));
            }
            s
        }
        ChartData::Series {
            series,
            events,
            phases,
        } => {
            let mut s: Vec<String> = series.iter().map(|x| describe_series(f, x)).collect();
            if !events.is_empty() {
                let list: Vec<String> = events
                    .iter()
                    .map(|e| format!("{}, {}", e.label, e.date.long_label()))
                    .collect();
                s.push(format!("Marked: {}.", list.join("; ")));
            }
            if !phases.is_empty() {
                let list: Vec<String> = phases
                    .iter()
                    .map(|p| {
                        format!(
                            "{} ({} to {})",
                            p.label,
                            p.start.long_label(),
                            p.end.long_label()
                        )
                    })
                    .collect();
                s.push(format!("Shaded phases: {}.", list.join("; ")));
            }
            s.join(" ")
        }
        ChartData::Matrix { labels, counts } => matrix(f, labels, counts),
        ChartData::Roadmap { phases } => roadmap(phases),
    };
    if let ChartData::Split { scope, .. } | ChartData::Crosstab { scope, .. } = &spec.data {
        if let Some(note) = &scope.note {
            text = format!("{note}. {text}");
        }
    }
    if spec.illustrative {
        text.push_str(" Illustrative data, not study results.");
    }
    text
}

/// "By stance, 7 of 9 participants (77.8%) are Deeper crisis; 2 (22.2%)
/// are …", in the chart's order. Shares of a partition are rounded
/// together, as the chart shows them; shares of a multi-response split
/// each on its own, over the selection's size.
fn split(f: &NumberFormat, what: &str, by: &str, categories: &[Category], base: &Base) -> String {
    let counts: Vec<u64> = categories.iter().map(|c| c.count).collect();
    let (total, shares) = match *base {
        Base::Partition => (counts.iter().sum(), f.split(&counts)),
        Base::Multi { n } => (n, counts.iter().map(|&c| f.ratio(c, n)).collect()),
    };
    let verb = if by.starts_with("code") {
        "are coded"
    } else {
        "are"
    };
    let parts: Vec<String> = categories
        .iter()
        .zip(&shares)
        .enumerate()
        .map(|(i, (c, &p))| {
            if i == 0 {
                format!(
                    "{} of {} {what} ({}) {verb} {}",
                    f.count(c.count),
                    f.count(total),
                    f.percent(p),
                    c.label
                )
            } else {
                format!("{} ({}) {verb} {}", f.count(c.count), f.percent(p), c.label)
            }
        })
        .collect();
    let mut s = format!("By {by}, {}.", parts.join("; "));
    if let Base::Multi { .. } = base {
        let who = if what == "segments" {
            "A segment can carry several codes"
        } else {
            "Each can be counted under several codes"
        };
        s.push_str(&format!(
            " {who}, so the shares do not add up to 100{}.",
            f.percent_sign
        ));
    }
    s
}

fn describe_series(f: &NumberFormat, s: &Series) -> String {
    // Validation guarantees at least one point.
    let (first, last) = (s.points[0], s.points[s.points.len() - 1]);
    let max = s
        .points
        .iter()
        .copied()
        .fold(first, |m, p| if p.1 > m.1 { p } else { m });
    let min = s
        .points
        .iter()
        .copied()
        .fold(first, |m, p| if p.1 < m.1 { p } else { m });
    let d = decimals_for((max.1 - min.1) / 100.0).min(2);
    let v = |x: f64| {
        if s.unit.is_empty() {
            f.number(x, d)
        } else {
            format!("{} {}", f.number(x, d), s.unit)
        }
    };
    format!(
        "{}: {} points from {} to {}; {} at the start, {} at the end, highest {} on {}, lowest {} on {}.",
        s.label,
        f.count(s.points.len() as u64),
        first.0.long_label(),
        last.0.long_label(),
        v(first.1),
        v(last.1),
        v(max.1),
        max.0.long_label(),
        v(min.1),
        min.0.long_label()
    )
}

fn matrix(f: &NumberFormat, labels: &[String], counts: &[Vec<u64>]) -> String {
    let mut pairs: Vec<(u64, usize, usize)> = Vec::new();
    for (i, row) in counts.iter().enumerate() {
        for (j, &n) in row.iter().enumerate().skip(i + 1) {
            if n > 0 {
                pairs.push((n, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut s = format!("Co-occurrence of {} codes.", labels.len());
    if pairs.is_empty() {
        s.push_str(" No two codes occur together.");
    } else {
        let top: Vec<String> = pairs
            .iter()
            .take(3)
            .map(|&(n, i, j)| format!("{} and {} ({})", labels[i], labels[j], f.count(n)))
            .collect();
        s.push_str(&format!(" Most often together: {}.", top.join("; ")));
    }
    let own: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| format!("{l} {}", f.count(counts[i][i])))
        .collect();
    s.push_str(&format!(
        " On the diagonal, each code's own count: {}.",
        own.join("; ")
    ));
    s
}

fn roadmap(phases: &[RoadmapPhase]) -> String {
    let (start, end) = (
        phases
            .iter()
            .map(|p| p.start)
            .min()
            .unwrap_or(phases[0].start),
        phases.iter().map(|p| p.end).max().unwrap_or(phases[0].end),
    );
    let mut s = format!(
        "{} phases from {} to {}.",
        phases.len(),
        start.long_label(),
        end.long_label()
    );
    for p in phases {
        s.push_str(&format!(
            " {} ({} to {})",
            p.label,
            p.start.long_label(),
            p.end.long_label()
        ));
        if p.milestones.is_empty() {
            s.push('.');
        } else {
            s.push_str(&format!(": {}.", p.milestones.join("; ")));
        }
    }
    s
}
