//! The data behind each chart as a document table (caption, column and
//! row headers), shown under the chart.

use super::downsample::MAX_POINTS;
use super::text::capital;
use super::{Base, ChartData, ChartSpec, Hierarchy, Series};
use crate::document::{text, Block, Cell, Content, Inline, Row, Scope, Table, TableKind};
use crate::model::date::Date;
use crate::model::numbers::NumberFormat;

/// The data table of `spec`, which has passed validation.
pub fn table(spec: &ChartSpec) -> Table {
    let f = &spec.format;
    let mut caption = vec![Inline::Text(spec.title.clone())];
    if let Some(note) = note(&spec.data) {
        caption.push(Inline::Text(format!(" ({note})")));
    }
    if spec.illustrative {
        caption.push(Inline::Text(" (illustrative data)".into()));
    }
    let mut t = Table::new(TableKind::ChartData);
    t.caption = Some(caption);
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
                        let cells = [f.count(c.count), f.percent(*p)];
                        row_in(&mut t, &scope.hierarchy, i, &c.label, &cells);
                    }
                    let total: u64 = counts.iter().sum();
                    let cells = numbers(&[f.count(total), f.percent(100.0)]);
                    t.foot.push(row("Total", cells));
                }
                Base::Multi { n } => {
                    let share_head = format!("Share of {} {what}", f.count(n));
                    head(&mut t, &[&first, what, &share_head]);
                    for (i, c) in categories.iter().enumerate() {
                        let cells = [f.count(c.count), f.percent(f.ratio(c.count, n))];
                        row_in(&mut t, &scope.hierarchy, i, &c.label, &cells);
                    }
                    let base = format!("{} (n = {})", capital(what), f.count(n));
                    let full = f.percent(if n > 0 { 100.0 } else { 0.0 });
                    t.foot.push(row(&base, numbers(&[f.count(n), full])));
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
            // The column attribute heads the columns of its values.
            t.head.push(Row::new(vec![
                Cell::data(Vec::new()),
                Cell {
                    span: columns.len(),
                    ..Cell::header(Scope::Colgroup, text(column_attribute))
                },
                Cell::data(Vec::new()),
            ]));
            let first = first_heading(row_attribute, &scope.hierarchy);
            let mut header: Vec<&str> = vec![&first];
            header.extend(columns.iter().map(String::as_str));
            header.push("Total");
            head(&mut t, &header);
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
        }
        ChartData::Series { series, .. } => series_table(&mut t, f, series),
        ChartData::Matrix { labels, counts } => {
            let mut header = vec![""];
            header.extend(labels.iter().map(String::as_str));
            head(&mut t, &header);
            for (label, counts) in labels.iter().zip(counts) {
                let cells: Vec<String> = counts.iter().map(|&n| f.count(n)).collect();
                t.body.push(row(label, numbers(&cells)));
            }
        }
        ChartData::Roadmap { phases } => {
            head(&mut t, &["Phase", "Start", "End", "Milestones"]);
            for p in phases {
                let milestones = Block::List {
                    start: None,
                    items: p
                        .milestones
                        .iter()
                        .map(|m| vec![Block::Plain(text(m))])
                        .collect(),
                };
                let cells = vec![
                    Cell::data(text(&p.start.long_label())),
                    Cell::data(text(&p.end.long_label())),
                    Cell {
                        content: Content::Blocks(vec![milestones]),
                        ..Cell::data(Vec::new())
                    },
                ];
                t.body.push(row(&p.label, cells));
            }
        }
    }
    t
}

/// One row per date when the series are short; a row of figures per series
/// when they are too long for a readable table.
fn series_table(t: &mut Table, f: &NumberFormat, series: &[Series]) {
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
            let cells = vec![
                Cell::data(text(&s.unit)),
                Cell::number(text(&f.count(s.points.len() as u64))),
                Cell::data(text(&s.points[0].0.long_label())),
                Cell::data(text(&s.points[s.points.len() - 1].0.long_label())),
                Cell::number(text(&f.number(lo, 2))),
                Cell::number(text(&f.number(hi, 2))),
            ];
            t.body.push(row(&s.label, cells));
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
            t.body.push(row(&d.long_label(), numbers(&cells)));
        }
    }
}

/// A header row of `cells`, each heading its column.
fn head(t: &mut Table, cells: &[&str]) {
    let cells = cells
        .iter()
        .map(|c| Cell::header(Scope::Col, text(c)))
        .collect();
    t.head.push(Row::new(cells));
}

/// Cells holding numbers.
fn numbers(cells: &[String]) -> Vec<Cell> {
    cells.iter().map(|c| Cell::number(text(c))).collect()
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
fn row_in(t: &mut Table, hierarchy: &Hierarchy, i: usize, label: &str, cells: &[String]) {
    let mut all = vec![Cell {
        place: hierarchy.place(i),
        ..Cell::header(Scope::Row, vec![Inline::Label(label.to_string())])
    }];
    all.extend(numbers(cells));
    t.body.push(Row::new(all));
}

/// A row headed by `label`.
fn row(label: &str, cells: Vec<Cell>) -> Row {
    let mut all = vec![Cell::header(Scope::Row, text(label))];
    all.extend(cells);
    Row::new(all)
}
