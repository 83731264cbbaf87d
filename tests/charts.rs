//! Chart rendering through the public API: the SVG structure of every
//! kind, summaries, data tables, escaping, errors, determinism and size
//! bounds, plus one snapshot per kind.

use findings::analysis::format::NumberFormat;
use findings::charts::{
    render, Category, ChartData, ChartKind, ChartSpec, Event, Phase, RenderedChart, RoadmapPhase,
    Series,
};
use findings::model::date::Date;

fn date(text: &str) -> Date {
    Date::parse(text).expect("test dates are valid")
}

fn spec(kind: ChartKind, data: ChartData) -> ChartSpec {
    ChartSpec {
        kind,
        id: "fig-1".to_string(),
        title: "A chart".to_string(),
        data,
        illustrative: false,
        format: NumberFormat::default(),
    }
}

fn split(parts: &[(&str, u64)]) -> ChartData {
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
    }
}

fn stance() -> ChartData {
    split(&[("Deeper crisis", 7), ("Bear-market classic", 2)])
}

fn crosstab(rows: &[&str], columns: &[&str], counts: Vec<Vec<u64>>) -> ChartData {
    ChartData::Crosstab {
        what: "participants".to_string(),
        row_attribute: "persona".to_string(),
        column_attribute: "stance".to_string(),
        rows: rows.iter().map(|s| s.to_string()).collect(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
        counts,
    }
}

fn personas() -> ChartData {
    crosstab(
        &["Builder", "Trader", "Researcher"],
        &["Disagree", "Unsure", "Neutral", "Agree"],
        vec![vec![1, 2, 0, 3], vec![2, 1, 1, 1], vec![0, 0, 2, 4]],
    )
}

fn sentiment() -> ChartData {
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

fn cooccurrence() -> ChartData {
    ChartData::Matrix {
        labels: ["Trust", "Fear", "Exit"]
            .iter()
            .map(|s| s.to_string())
            .collect(),
        counts: vec![vec![9, 4, 0], vec![4, 6, 2], vec![0, 2, 5]],
    }
}

fn roadmap() -> ChartData {
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

fn draw(kind: ChartKind, data: ChartData) -> RenderedChart {
    render(&spec(kind, data)).expect("the chart renders")
}

/// The attribute `name` of every element starting with `prefix`.
fn attrs(svg: &str, prefix: &str, name: &str) -> Vec<f64> {
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
fn lines(svg: &str) -> String {
    svg.replace("><", ">\n<")
}

#[test]
fn root_is_accessible_and_responsive() {
    for kind in [ChartKind::Donut, ChartKind::Bar] {
        let chart = draw(kind, stance());
        let svg = &chart.svg;
        assert!(
            svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-"),
            "{svg}"
        );
        assert!(svg.contains(" role=\"img\" aria-labelledby=\"fig-1-title fig-1-desc\""));
        assert!(svg.contains(" viewBox=\"0 0 720 "));
        assert!(svg.contains(" width=\"100%\""));
        let root = &svg[..svg.find('>').expect("root tag")];
        assert!(!root.contains(" height="), "no fixed height: {root}");
        assert!(svg.contains("<title id=\"fig-1-title\">A chart</title>"));
        assert!(svg.contains(&format!("<desc id=\"fig-1-desc\">{}</desc>", chart.summary)));
        assert!(svg.ends_with("</svg>"));
        assert!(
            !svg.contains("rgb") && !svg.contains("#") && !svg.contains("font-family"),
            "colours or fonts baked in"
        );
    }
}

#[test]
fn donut_has_a_slice_per_category_with_shares_and_total() {
    let chart = draw(
        ChartKind::Donut,
        split(&[
            ("Deeper crisis", 7),
            ("Bear-market classic", 2),
            ("None", 0),
        ]),
    );
    let svg = &chart.svg;
    assert_eq!(svg.matches("<path class=\"chart-fill chart-s").count(), 2);
    assert!(svg.contains(">77.8%</text>") && svg.contains(">22.2%</text>"));
    assert!(svg.contains("<text class=\"chart-total\""));
    assert!(svg.contains(">9</text>"));
    assert_eq!(
        svg.matches("<rect class=\"chart-fill").count(),
        3,
        "every category is in the legend"
    );
    assert_eq!(
        chart.summary,
        "By stance, 7 of 9 participants (77.8%) are Deeper crisis; 2 (22.2%) are Bear-market classic; 0 (0.0%) are None."
    );
    let pie = draw(ChartKind::Pie, stance());
    assert!(!pie.svg.contains("chart-total"));
}

#[test]
fn a_single_category_is_a_full_ring() {
    let chart = draw(ChartKind::Donut, split(&[("Everyone", 4)]));
    assert!(chart.svg.contains(">100.0%</text>"));
    assert_eq!(
        chart
            .svg
            .matches("<path class=\"chart-fill chart-s0\"")
            .count(),
        1
    );
}

#[test]
fn bars_are_sorted_with_values_at_their_ends() {
    let chart = draw(
        ChartKind::Bar,
        split(&[("Beta", 3), ("Gamma", 9), ("Alpha", 3), ("Delta", 0)]),
    );
    let svg = &chart.svg;
    let pos = |label: &str| svg.find(&format!(">{label}</text>")).expect(label);
    assert!(
        pos("Gamma") < pos("Alpha") && pos("Alpha") < pos("Beta") && pos("Beta") < pos("Delta")
    );
    let widths = attrs(svg, "<rect class=\"chart-fill chart-s0\"", "width");
    assert_eq!(widths.len(), 3, "a zero count draws no bar");
    assert!(widths[0] > widths[1] && widths[1] == widths[2]);
    assert_eq!(attrs(svg, "<text class=\"chart-value\"", "x").len(), 4);
}

#[test]
fn long_labels_wrap_or_shorten_with_the_full_text_as_title() {
    let long = "Diversification as psychological shield against every kind of loss imaginable";
    let chart = draw(ChartKind::Bar, split(&[(long, 4), ("Short", 2)]));
    assert!(chart.svg.contains("<tspan"));
    assert!(chart.svg.contains(&format!("<title>{long}</title>")));
    assert!(chart.svg.contains('…'));
}

#[test]
fn stacked_bars_fill_100_percent_per_row() {
    let chart = draw(ChartKind::Stacked, personas());
    let svg = &chart.svg;
    assert_eq!(
        svg.matches("<rect class=\"chart-fill chart-s").count() - 4,
        9,
        "nine non-zero cells plus a legend of four"
    );
    assert!(svg.contains(">100%</text>"));
    assert!(chart.summary.starts_with("17 participants by persona and stance. Builder (6): Disagree 1 (16.7%), Unsure 2 (33.3%), Neutral 0 (0.0%), Agree 3 (50.0%)."));
}

#[test]
fn diverging_puts_the_first_half_left_of_the_centre() {
    let chart = draw(ChartKind::Diverging, personas());
    let svg = &chart.svg;
    let centre_left = attrs(svg, "<rect class=\"chart-fill chart-s1\" x", "x");
    let centre_right = attrs(svg, "<rect class=\"chart-fill chart-s2\" x", "x");
    let widths = attrs(svg, "<rect class=\"chart-fill chart-s1\" x", "width");
    // Column 1 ends where column 2 starts: at the centre line (index 0 is
    // the legend swatch).
    assert!(
        (centre_left[1] + widths[1] - centre_right[1]).abs() < 0.2,
        "{centre_left:?} {widths:?} {centre_right:?}"
    );
    assert!(svg.contains(">0%</text>"));
}

#[test]
fn grouped_draws_a_bar_per_cell_with_counts() {
    let chart = draw(ChartKind::Grouped, personas());
    assert_eq!(
        chart
            .svg
            .matches("<rect class=\"chart-fill chart-s")
            .count()
            - 4,
        9
    );
    assert_eq!(chart.svg.matches("<text class=\"chart-value\"").count(), 12);
}

#[test]
fn line_has_dates_events_and_phases() {
    let chart = draw(ChartKind::Line, sentiment());
    let svg = &chart.svg;
    assert_eq!(
        svg.matches("<path class=\"chart-line chart-s0\"").count(),
        1
    );
    assert!(svg.contains(">Exploit, 3 Nov 2025</text>"));
    assert!(svg.contains("<path class=\"chart-event\""));
    assert!(svg.contains("<rect class=\"chart-phase\""));
    assert!(svg.contains(">Acute phase</text>"));
    assert!(svg.contains(">3 Nov</text>"), "weekly ticks on Mondays");
    let ticks = attrs(svg, "<text class=\"chart-tick\"", "x");
    assert!(ticks.len() >= 8);
    assert!(chart.summary.contains("Marked: Exploit, 3 Nov 2025."));
    let area = draw(ChartKind::Area, sentiment());
    assert!(area.svg.contains("<path class=\"chart-area chart-s0\""));
}

#[test]
fn heatmap_has_a_cell_per_pair_and_a_distinct_diagonal() {
    let chart = draw(ChartKind::Heatmap, cooccurrence());
    let svg = &chart.svg;
    assert_eq!(svg.matches("<rect class=\"chart-cell").count(), 9);
    assert_eq!(
        svg.matches("<rect class=\"chart-cell chart-diag\"").count(),
        3
    );
    assert_eq!(
        svg.matches("chart-h5").count(),
        2,
        "the largest pair, both ways"
    );
    assert_eq!(svg.matches("chart-h0").count(), 2, "zero pairs");
    assert!(chart
        .summary
        .contains("Most often together: Trust and Fear (4); Fear and Exit (2)."));
}

#[test]
fn roadmap_lists_phases_and_milestones() {
    let chart = draw(ChartKind::Roadmap, roadmap());
    let svg = &chart.svg;
    assert_eq!(svg.matches("<rect class=\"chart-fill chart-s").count(), 3);
    assert_eq!(svg.matches(">• ").count(), 9);
    assert!(svg.contains(">30–90 days</text>"));
    assert!(chart
        .summary
        .starts_with("3 phases from 1 Jan 2026 to 29 Jun 2026."));
}

#[test]
fn data_tables_are_accessible() {
    let t = draw(ChartKind::Donut, stance()).table_html;
    assert!(t.starts_with("<table class=\"chart-data\"><caption>A chart</caption>"));
    assert!(t.contains("<th scope=\"col\">stance</th><th scope=\"col\">participants</th><th scope=\"col\">Share</th>"));
    assert!(t.contains("<tr><th scope=\"row\">Deeper crisis</th><td>7</td><td>77.8%</td></tr>"));
    assert!(
        t.contains("<tfoot><tr><th scope=\"row\">Total</th><td>9</td><td>100.0%</td></tr></tfoot>")
    );
    let t = draw(ChartKind::Stacked, personas()).table_html;
    assert!(t.contains("<th scope=\"colgroup\" colspan=\"4\">stance</th>"));
    assert!(t.contains("<th scope=\"row\">Builder</th><td>1 (16.7%)</td>"));
    let t = draw(ChartKind::Line, sentiment()).table_html;
    assert_eq!(t.matches("<th scope=\"row\">").count(), 60);
    let t = draw(ChartKind::Roadmap, roadmap()).table_html;
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
    assert!(chart.table_html.contains("(illustrative data)"));
    assert!(!draw(ChartKind::Bar, stance()).svg.contains("Illustrative"));
}

#[test]
fn user_text_is_always_escaped() {
    let evil = [
        "<script>alert(1)</script>",
        "\"onload=alert(1) x='",
        "Tom & Jerry",
    ];
    let e = |i: usize| evil[i % evil.len()].to_string();
    let mut charts = vec![
        (
            ChartKind::Donut,
            split(&[(evil[0], 3), (evil[1], 2), (evil[2], 1)]),
        ),
        (ChartKind::Bar, split(&[(evil[0], 3), (evil[1], 2)])),
        (
            ChartKind::Heatmap,
            ChartData::Matrix {
                labels: (0..3).map(e).collect(),
                counts: vec![vec![1, 1, 0], vec![1, 2, 1], vec![0, 1, 3]],
            },
        ),
        (
            ChartKind::Roadmap,
            ChartData::Roadmap {
                phases: vec![RoadmapPhase {
                    label: e(0),
                    start: date("2026-01-01"),
                    end: date("2026-02-01"),
                    milestones: vec![e(1), e(0)],
                }],
            },
        ),
        (
            ChartKind::Line,
            ChartData::Series {
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
        ),
    ];
    for kind in [ChartKind::Stacked, ChartKind::Diverging, ChartKind::Grouped] {
        let mut data = crosstab(
            &[evil[0], evil[1]],
            &[evil[1], evil[0]],
            vec![vec![1, 2], vec![3, 0]],
        );
        if let ChartData::Crosstab {
            column_attribute,
            row_attribute,
            what,
            ..
        } = &mut data
        {
            *column_attribute = e(0);
            *row_attribute = e(1);
            *what = e(0);
        }
        charts.push((kind, data));
    }
    for (kind, data) in charts {
        let mut s = spec(kind, data);
        s.title = e(0);
        s.id = "fig\"><script>".to_string();
        let chart = render(&s).expect("renders");
        for out in [&chart.svg, &chart.table_html] {
            assert!(!out.contains("<script"), "{kind:?}: {out}");
            assert!(!out.contains("\"onload="), "{kind:?}: {out}");
            assert!(!out.contains("'"), "{kind:?}: {out}");
            assert!(!out.contains("Tom & Jerry"), "{kind:?}");
        }
        assert!(
            chart.svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{kind:?}"
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
        chart.table_html.len() < 2_000,
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
fn snapshots_of_every_kind() {
    let cases = [
        ("donut", ChartKind::Donut, stance()),
        (
            "pie",
            ChartKind::Pie,
            split(&[("Interview", 23), ("Forum post", 12), ("Chat log", 3)]),
        ),
        (
            "bar",
            ChartKind::Bar,
            split(&[
                ("Death of \"Code is Law\" idealism", 14),
                ("Security theater fatigue", 6),
                ("Quiet exit", 2),
            ]),
        ),
        ("stacked", ChartKind::Stacked, personas()),
        ("diverging", ChartKind::Diverging, personas()),
        ("grouped", ChartKind::Grouped, personas()),
        ("line", ChartKind::Line, sentiment()),
        ("area", ChartKind::Area, sentiment()),
        ("heatmap", ChartKind::Heatmap, cooccurrence()),
        ("roadmap", ChartKind::Roadmap, roadmap()),
    ];
    for (name, kind, data) in cases {
        let chart = draw(kind, data);
        insta::assert_snapshot!(name, lines(&chart.svg));
    }
}

#[test]
fn tied_shares_round_the_same_in_chart_summary_and_table() {
    // 1/3 each: the rounding unit goes to the first in display order.
    let chart = draw(
        ChartKind::Donut,
        split(&[("Zeta", 1), ("Alpha", 1), ("Mid", 1)]),
    );
    assert_eq!(
        chart.summary,
        "By stance, 1 of 3 participants (33.3%) are Alpha; 1 (33.3%) are Mid; 1 (33.4%) are Zeta."
    );
    assert!(chart
        .table_html
        .contains("<th scope=\"row\">Zeta</th><td>1</td><td>33.4%</td>"));
    assert!(chart.svg.contains("Zeta: 1 (33.4%)"));
}

#[test]
fn a_one_point_series_is_a_dot() {
    let data = ChartData::Series {
        series: vec![Series {
            label: "Once".to_string(),
            unit: String::new(),
            points: vec![(date("2026-01-01"), 3.0)],
        }],
        events: vec![],
        phases: vec![],
    };
    let chart = draw(ChartKind::Line, data);
    assert!(chart.svg.contains("<circle class=\"chart-fill chart-s0\""));
}
