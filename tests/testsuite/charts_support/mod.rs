//! Fixtures and helpers shared by the chart test crates (`charts.rs` and
//! `charts_safety.rs`).

// Each test crate uses only part of these helpers.
#![allow(dead_code)]

pub use findings::charts::{
    render, Category, ChartData, ChartKind, ChartSpec, Event, Phase, RenderedChart, RoadmapPhase,
    Series, Shape, KINDS,
};
pub use findings::model::date::Date;
pub use findings::model::numbers::NumberFormat;

/// A chart's data table as the page writes it.
pub fn table_html(chart: &RenderedChart) -> String {
    findings::writers::html::table::write(&chart.table)
}

pub fn date(text: &str) -> Date {
    Date::parse(text).expect("test dates are valid")
}

pub fn spec(kind: ChartKind, data: ChartData) -> ChartSpec {
    ChartSpec {
        kind,
        id: "fig-1".to_string(),
        title: "A chart".to_string(),
        data,
        illustrative: false,
        format: NumberFormat::default(),
    }
}

pub fn split(parts: &[(&str, u64)]) -> ChartData {
    ChartData::Split {
        what: "participants".to_string(),
        by: "stance".to_string(),
        categories: parts
            .iter()
            .map(|&(l, c)| Category {
                label: l.to_string(),
                count: c,
            })
            .collect(),
        scope: Default::default(),
    }
}

pub fn stance() -> ChartData {
    split(&[("Deeper crisis", 7), ("Bear-market classic", 2)])
}

pub fn crosstab(rows: &[&str], columns: &[&str], counts: Vec<Vec<u64>>) -> ChartData {
    ChartData::Crosstab {
        what: "participants".to_string(),
        row_attribute: "persona".to_string(),
        column_attribute: "stance".to_string(),
        rows: rows.iter().map(|s| s.to_string()).collect(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
        counts,
        scope: Default::default(),
    }
}

pub fn personas() -> ChartData {
    crosstab(
        &["Builder", "Trader", "Researcher"],
        &["Disagree", "Unsure", "Neutral", "Agree"],
        vec![vec![1, 2, 0, 3], vec![2, 1, 1, 1], vec![0, 0, 2, 4]],
    )
}

pub fn sentiment() -> ChartData {
    let start = date("2025-10-20");
    ChartData::Series {
        series: vec![Series {
            label: "Sentiment".to_string(),
            unit: "index".to_string(),
            points: (0..60)
                .map(|i| {
                    (
                        Date(start.0 + i),
                        50.0 + f64::from(i % 7) - if i > 14 { 12.0 } else { 0.0 },
                    )
                })
                .collect(),
        }],
        events: vec![Event {
            date: date("2025-11-03"),
            label: "Exploit".to_string(),
        }],
        phases: vec![Phase {
            start: date("2025-11-03"),
            end: date("2025-11-16"),
            label: "Acute phase".to_string(),
        }],
    }
}

pub fn cooccurrence() -> ChartData {
    ChartData::Matrix {
        labels: ["Trust", "Fear", "Exit"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        counts: vec![vec![9, 4, 0], vec![4, 6, 2], vec![0, 2, 5]],
    }
}

pub fn roadmap() -> ChartData {
    let phase = |label: &str, start: &str, end: &str, n: usize| RoadmapPhase {
        label: label.to_string(),
        start: date(start),
        end: date(end),
        milestones: (1..=n).map(|i| format!("{label} milestone {i}")).collect(),
    };
    ChartData::Roadmap {
        phases: vec![
            phase("0–30 days", "2026-01-01", "2026-01-30", 3),
            phase("30–90 days", "2026-01-31", "2026-03-31", 3),
            phase("90–180 days", "2026-04-01", "2026-06-29", 3),
        ],
    }
}

/// Data of `shape`, so a test can draw every kind of [`KINDS`].
pub fn sample(shape: Shape) -> ChartData {
    match shape {
        Shape::Split => stance(),
        Shape::Crosstab => personas(),
        Shape::Series => sentiment(),
        Shape::Matrix => cooccurrence(),
        Shape::Roadmap => roadmap(),
    }
}

pub fn draw(kind: ChartKind, data: ChartData) -> RenderedChart {
    render(&spec(kind, data)).expect("the chart renders")
}

/// The attribute `name` of every element starting with `prefix`.
pub fn attrs(svg: &str, prefix: &str, name: &str) -> Vec<f64> {
    svg.match_indices(prefix)
        .filter_map(|(i, _)| {
            let rest = &svg[i..];
            let element = &rest[..rest.find('>')?];
            let at = element.find(&format!(" {name}=\""))? + name.len() + 3;
            element[at..].split('"').next()?.parse().ok()
        })
        .collect()
}

/// One element per line, so snapshot diffs point at the changed element.
pub fn lines(svg: &str) -> String {
    svg.replace("><", ">\n<")
}
