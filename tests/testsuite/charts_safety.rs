//! Chart rendering through the public API: data tables, the illustrative
//! mark, escaping of user text, error messages, determinism, share rounding
//! and size bounds on long series.

use crate::charts_support::*;

#[test]
fn data_tables_are_accessible() {
    let t = table_html(&draw(ChartKind::Donut, stance()));
    assert!(t.starts_with("<table class=\"chart-data\"><caption>A chart</caption>"));
    assert!(t.contains("<th scope=\"col\">stance</th><th scope=\"col\">participants</th><th scope=\"col\">Share</th>"));
    assert!(t.contains("<tr><th scope=\"row\">Deeper crisis</th><td>7</td><td>77.8%</td></tr>"));
    assert!(
        t.contains("<tfoot><tr><th scope=\"row\">Total</th><td>9</td><td>100.0%</td></tr></tfoot>")
    );
    let t = table_html(&draw(ChartKind::Stacked, personas()));
    assert!(t.contains("<th scope=\"colgroup\" colspan=\"4\">stance</th>"));
    assert!(t.contains("<th scope=\"row\">Builder</th><td>1 (16.7%)</td>"));
    let t = table_html(&draw(ChartKind::Line, sentiment()));
    assert_eq!(t.matches("<th scope=\"row\">").count(), 60);
    let t = table_html(&draw(ChartKind::Roadmap, roadmap()));
    assert!(t.contains("<li>0–30 days milestone 1</li>"));
}

#[test]
fn illustrative_charts_say_so() {
    let mut s = spec(ChartKind::Bar, stance());
    s.illustrative = true;
    let chart = render(&s).expect("renders");
    assert!(chart.svg.contains(">Illustrative data</text>"));
    assert!(chart
        .summary
        .ends_with("Illustrative data, not study results."));
    assert!(table_html(&chart).contains("(illustrative data)"));
    assert!(!draw(ChartKind::Bar, stance()).svg.contains("Illustrative"));
}

/// Every string of data of `shape` is one of three attacks on the markup.
fn hostile(shape: Shape) -> ChartData {
    let e = |i: usize| EVIL[i % EVIL.len()].to_string();
    match shape {
        Shape::Split => split(&[(EVIL[0], 3), (EVIL[1], 2), (EVIL[2], 1)]),
        Shape::Crosstab => ChartData::Crosstab {
            what: e(0),
            row_attribute: e(1),
            column_attribute: e(0),
            rows: vec![e(0), e(1)],
            columns: vec![e(1), e(0)],
            counts: vec![vec![1, 2], vec![3, 0]],
            scope: Default::default(),
        },
        Shape::Matrix => ChartData::Matrix {
            labels: (0..3).map(e).collect(),
            counts: vec![vec![1, 1, 0], vec![1, 2, 1], vec![0, 1, 3]],
        },
        Shape::Roadmap => ChartData::Roadmap {
            phases: vec![RoadmapPhase {
                label: e(0),
                start: date("2026-01-01"),
                end: date("2026-02-01"),
                milestones: vec![e(1), e(0)],
            }],
        },
        Shape::Series => ChartData::Series {
            series: vec![Series {
                label: e(0),
                unit: e(1),
                points: vec![(date("2026-01-01"), 1.0), (date("2026-01-05"), 2.0)],
            }],
            events: vec![Event {
                date: date("2026-01-02"),
                label: e(1),
            }],
            phases: vec![Phase {
                start: date("2026-01-02"),
                end: date("2026-01-04"),
                label: e(0),
            }],
        },
    }
}

const EVIL: [&str; 3] = [
    "<script>alert(1)</script>",
    "\"onload=alert(1) x='",
    "Tom & Jerry",
];

#[test]
fn user_text_is_always_escaped() {
    for k in KINDS {
        let mut s = spec(k.kind, hostile(k.shape));
        s.title = EVIL[0].to_string();
        s.id = "fig\"><script>".to_string();
        let chart = render(&s).expect("renders");
        let kind = k.name;
        for out in [&chart.svg, &table_html(&chart)] {
            assert!(!out.contains("<script"), "{kind}: {out}");
            assert!(!out.contains("\"onload="), "{kind}: {out}");
            assert!(!out.contains("'"), "{kind}: {out}");
            assert!(!out.contains("Tom & Jerry"), "{kind}");
        }
        assert!(
            chart.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{kind}"
        );
    }
}

#[test]
fn bad_data_gives_one_line_errors() {
    let series = |points: Vec<(Date, f64)>, phases: Vec<Phase>| ChartData::Series {
        series: vec![Series {
            label: "S".to_string(),
            unit: String::new(),
            points,
        }],
        events: vec![],
        phases,
    };
    let cases = [
        (
            ChartKind::Donut,
            split(&[]),
            "the chart has no data: no values of `stance` to count",
        ),
        (
            ChartKind::Bar,
            split(&[("A", 0), ("B", 0)]),
            "the chart has no data: every value of `stance` counts zero",
        ),
        (
            ChartKind::Stacked,
            crosstab(&["A", "B"], &["X"], vec![vec![1]]),
            "the crosstab has 1 rows of counts for 2 row labels",
        ),
        (
            ChartKind::Grouped,
            crosstab(&["A"], &["X", "Y"], vec![vec![1]]),
            "row `A` of the crosstab has 1 counts for 2 columns",
        ),
        (
            ChartKind::Diverging,
            crosstab(&["A"], &["X"], vec![vec![0]]),
            "the chart has no data: every count in the crosstab is zero",
        ),
        (
            ChartKind::Line,
            series(vec![], vec![]),
            "series `S` has no points",
        ),
        (
            ChartKind::Area,
            series(
                vec![(date("2026-01-02"), 1.0)],
                vec![Phase {
                    start: date("2026-01-05"),
                    end: date("2026-01-01"),
                    label: "P".to_string(),
                }],
            ),
            "phase `P` ends (2026-01-01) before it starts (2026-01-05)",
        ),
        (
            ChartKind::Line,
            series(vec![(date("2026-01-02"), f64::NAN)], vec![]),
            "series `S` has a value that is not a finite number",
        ),
        (
            ChartKind::Heatmap,
            ChartData::Matrix {
                labels: vec!["A".to_string()],
                counts: vec![vec![1, 2]],
            },
            "the co-occurrence matrix is not 1 × 1 for 1 codes",
        ),
        (
            ChartKind::Roadmap,
            ChartData::Roadmap {
                phases: vec![RoadmapPhase {
                    label: "Late".to_string(),
                    start: date("2026-03-01"),
                    end: date("2026-02-01"),
                    milestones: vec![],
                }],
            },
            "roadmap phase `Late` ends (2026-02-01) before it starts (2026-03-01)",
        ),
        (
            ChartKind::Roadmap,
            ChartData::Roadmap { phases: vec![] },
            "the chart has no data: the roadmap has no phases",
        ),
        (
            ChartKind::Heatmap,
            stance(),
            "a `heatmap` chart cannot draw counts per category",
        ),
    ];
    for (kind, data, message) in cases {
        let err = render(&spec(kind, data)).expect_err(message);
        assert_eq!(err, message);
        assert!(!err.contains('\n'));
    }
}

#[test]
fn output_is_deterministic() {
    for (kind, data) in [
        (ChartKind::Heatmap, cooccurrence()),
        (ChartKind::Line, sentiment()),
        (ChartKind::Donut, stance()),
    ] {
        let a = draw(kind, data.clone());
        let b = draw(kind, data);
        assert_eq!(a, b);
    }
}

#[test]
fn long_series_are_downsampled_to_a_bounded_size() {
    let points: Vec<(Date, f64)> = (0..200_000)
        .map(|i| (Date(i), f64::from(i % 1000).sqrt()))
        .collect();
    let data = ChartData::Series {
        series: vec![Series {
            label: "Long".to_string(),
            unit: String::new(),
            points,
        }],
        events: vec![],
        phases: vec![],
    };
    let chart = draw(ChartKind::Line, data);
    assert!(chart.svg.len() < 40_000, "{} bytes", chart.svg.len());
    assert!(
        table_html(&chart).len() < 2_000,
        "long series get a summary table"
    );
    let line = chart
        .svg
        .split("<path class=\"chart-line chart-s0\"")
        .nth(1)
        .expect("a line");
    let line = &line[..line.find("/>").expect("closed")];
    // Points are written "x y" and joined by spaces: at most 1,000 kept.
    assert!(line.matches(' ').count() <= 2 * 1000 + 4);
}

#[test]
fn tied_shares_round_the_same_in_chart_summary_and_table() {
    // 1/3 each: the rounding unit goes to the first in display order, and
    // the summary reads in that order too.
    let chart = draw(
        ChartKind::Donut,
        split(&[("Zeta", 1), ("Alpha", 1), ("Mid", 1)]),
    );
    assert_eq!(
        chart.summary,
        "By stance, 1 of 3 participants (33.4%) are Zeta; 1 (33.3%) are Alpha; 1 (33.3%) are Mid."
    );
    assert!(table_html(&chart).contains("<th scope=\"row\">Zeta</th><td>1</td><td>33.4%</td>"));
    assert!(chart.svg.contains("Zeta: 1 (33.4%)"));
}
