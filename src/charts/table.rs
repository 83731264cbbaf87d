//! The data behind each chart as an accessible HTML `<table>` (caption,
//! column and row headers), shown under the chart in a `<details>`.

use std::fmt::Write;

use super::downsample::MAX_POINTS;
use super::svg::escape;
use super::text::capital;
use super::{Base, ChartData, ChartSpec, Hierarchy, Series};
use crate::model::date::Date;
use crate::model::numbers::NumberFormat;

/// The data table of `spec`, which has passed validation.
pub fn table(spec: &ChartSpec) -> String {
    let f = &spec.format;
    let mut caption = escape(&spec.title);
    if let Some(note) = note(&spec.data) {
        caption.push_str(" (");
        caption.push_str(&escape(note));
        caption.push(')');
    }
    if spec.illustrative {
        caption.push_str(" (illustrative data)");
    }
    let mut t = format!("<table class=\"chart-data\"><caption>{caption}</caption>");
    match &spec.data {
        ChartData::Split {
            what,
            by,
            categories,
            scope,
        } => {
            let counts: Vec<u64> = categories.iter().map(|c| c.count).collect();
            let first = first_heading(by, &scope.hierarchy);
            match scope.base {
                Base::Partition => {
                    let shares = f.split(&counts);
                    head(&mut t, &[&first, what, "Share"]);
                    for (i, (c, p)) in categories.iter().zip(&shares).enumerate() {
                        row_in(
                            &mut t,
                            &scope.hierarchy,
                            i,
                            &c.label,
                            &[f.count(c.count), f.percent(*p)],
                        );
                    }
                    let total: u64 = counts.iter().sum();
                    t.push_str("</tbody><tfoot>");
                    row(&mut t, "Total", &[f.count(total), f.percent(100.0)]);
                    t.push_str("</tfoot>");
                }
                Base::Multi { n } => {
                    let share_head = format!("Share of {} {what}", f.count(n));
                    head(&mut t, &[&first, what, &share_head]);
                    for (i, c) in categories.iter().enumerate() {
                        let cells = [f.count(c.count), f.percent(f.ratio(c.count, n))];
                        row_in(&mut t, &scope.hierarchy, i, &c.label, &cells);
                    }
                    t.push_str("</tbody><tfoot>");
                    let base = format!("{} (n = {})", capital(what), f.count(n));
                    row(
                        &mut t,
                        &base,
                        &[f.count(n), f.percent(if n > 0 { 100.0 } else { 0.0 })],
                    );
                    t.push_str("</tfoot>");
                }
            }
        }
        ChartData::Crosstab {
            row_attribute,
            column_attribute,
            rows,
            columns,
            counts,
            scope,
            ..
        } => {
            let first = first_heading(row_attribute, &scope.hierarchy);
            let mut header: Vec<&str> = vec![&first];
            header.extend(columns.iter().map(String::as_str));
            header.push("Total");
            let group = format!(
                "<tr><td></td><th scope=\"colgroup\" colspan=\"{}\">{}</th><td></td></tr>",
                columns.len(),
                escape(column_attribute)
            );
            head_with(&mut t, &group, &header);
            for (i, (label, counts)) in rows.iter().zip(counts).enumerate() {
                let shares = f.split(counts);
                let mut cells: Vec<String> = counts
                    .iter()
                    .zip(&shares)
                    .map(|(&n, &p)| format!("{} ({})", f.count(n), f.percent(p)))
                    .collect();
                let total = scope
                    .totals
                    .get(i)
                    .copied()
                    .unwrap_or_else(|| counts.iter().sum());
                cells.push(f.count(total));
                row_in(&mut t, &scope.hierarchy, i, label, &cells);
            }
            t.push_str("</tbody>");
        }
        ChartData::Series { series, .. } => series_table(&mut t, f, series),
        ChartData::Matrix { labels, counts } => {
            let mut header = vec![""];
            header.extend(labels.iter().map(String::as_str));
            head(&mut t, &header);
            for (label, counts) in labels.iter().zip(counts) {
                let cells: Vec<String> = counts.iter().map(|&n| f.count(n)).collect();
                row(&mut t, label, &cells);
            }
            t.push_str("</tbody>");
        }
        ChartData::Roadmap { phases } => {
            head(&mut t, &["Phase", "Start", "End", "Milestones"]);
            for p in phases {
                let items: String = p
                    .milestones
                    .iter()
                    .map(|m| format!("<li>{}</li>", escape(m)))
                    .collect();
                let _ = write!(
                    t,
                    "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td><ul>{items}</ul></td></tr>",
                    escape(&p.label),
                    p.start.long_label(),
                    p.end.long_label()
                );
            }
            t.push_str("</tbody>");
        }
    }
    t.push_str("</table>");
    t
}

/// One row per date when the series are short; a row of figures per series
/// when they are too long for a readable table.
fn series_table(t: &mut String, f: &NumberFormat, series: &[Series]) {
    let mut dates: Vec<Date> = series
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    dates.sort_unstable();
    dates.dedup();
    if dates.len() > MAX_POINTS {
        head(
            t,
            &[
                "Series",
                "Unit",
                "Points",
                "First date",
                "Last date",
                "Lowest",
                "Highest",
            ],
        );
        for s in series {
            let (lo, hi) = s
                .points
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| {
                    (lo.min(p.1), hi.max(p.1))
                });
            let cells = [
                s.unit.clone(),
                f.count(s.points.len() as u64),
                s.points[0].0.long_label(),
                s.points[s.points.len() - 1].0.long_label(),
                f.number(lo, 2),
                f.number(hi, 2),
            ];
            row(t, &s.label, &cells);
        }
    } else {
        let mut header = vec!["Date".to_string()];
        header.extend(series.iter().map(|s| {
            if s.unit.is_empty() {
                s.label.clone()
            } else {
                format!("{} ({})", s.label, s.unit)
            }
        }));
        head(t, &header.iter().map(String::as_str).collect::<Vec<_>>());
        let mut cursors = vec![0usize; series.len()];
        for d in dates {
            let cells: Vec<String> = series
                .iter()
                .zip(cursors.iter_mut())
                .map(|(s, at)| match s.points.get(*at) {
                    Some(&(pd, v)) if pd == d => {
                        *at += 1;
                        f.number(v, 2)
                    }
                    _ => String::new(),
                })
                .collect();
            row(t, &d.long_label(), &cells);
        }
    }
    t.push_str("</tbody>");
}

fn head(t: &mut String, cells: &[&str]) {
    head_with(t, "", cells);
}

/// Writes the header, after `group` (an extra header row, already HTML).
fn head_with(t: &mut String, group: &str, cells: &[&str]) {
    t.push_str("<thead>");
    t.push_str(group);
    t.push_str("<tr>");
    for c in cells {
        let _ = write!(t, "<th scope=\"col\">{}</th>", escape(c));
    }
    t.push_str("</tr></thead><tbody>");
}

/// The scope note of a split or crosstab.
fn note(data: &ChartData) -> Option<&str> {
    match data {
        ChartData::Split { scope, .. } | ChartData::Crosstab { scope, .. } => scope.note.as_deref(),
        _ => None,
    }
}

/// The first column's heading: the field, and for codes that a parent
/// counts its sub-codes.
fn first_heading(field: &str, hierarchy: &Hierarchy) -> String {
    if hierarchy.is_codes() {
        format!("{} (a parent counts its sub-codes)", capital(field))
    } else {
        field.to_string()
    }
}

/// Row `i` of a table whose rows may be codes.
fn row_in(t: &mut String, hierarchy: &Hierarchy, i: usize, label: &str, cells: &[String]) {
    t.push_str("<tr>");
    open_row_head(t, hierarchy, i);
    crate::escape::push_label_html(t, label);
    t.push_str("</th>");
    for c in cells {
        let _ = write!(t, "<td>{}</td>", escape(c));
    }
    t.push_str("</tr>");
}

/// Deepest indentation drawn; deeper codes are indented as far.
const MAX_INDENT: usize = 6;

/// Opens the header cell of row `i`, showing where it sits in the code
/// tree: indented by depth (a parent, whose next row is deeper, is set
/// apart), or led by the path of the codes above it. Report tables and
/// chart data tables alike write their code rows with it.
pub fn open_row_head(out: &mut String, hierarchy: &Hierarchy, i: usize) {
    match hierarchy {
        Hierarchy::Tree(depths) => {
            let depth = depths.get(i).copied().unwrap_or(0);
            let parent = depths.get(i + 1).is_some_and(|&next| next > depth);
            let _ = write!(
                out,
                "<th scope=\"row\" class=\"code-depth-{}{}\">",
                depth.min(MAX_INDENT),
                if parent { " code-parent" } else { "" }
            );
        }
        Hierarchy::Paths(paths) if paths.get(i).is_some_and(|p| !p.is_empty()) => {
            let _ = write!(
                out,
                "<th scope=\"row\"><span class=\"code-path\">{} › </span>",
                escape(&paths[i])
            );
        }
        _ => out.push_str("<th scope=\"row\">"),
    }
}

fn row(t: &mut String, label: &str, cells: &[String]) {
    let _ = write!(t, "<tr><th scope=\"row\">{}</th>", escape(label));
    for c in cells {
        let _ = write!(t, "<td>{}</td>", escape(c));
    }
    t.push_str("</tr>");
}
