//! Renders one chart of each kind with realistic data into
//! `/tmp/gallery/index.html` (and a forced-dark copy, `dark.html`), with
//! the default theme's `charts.css` inlined, to look at the charts in a
//! browser or a headless screenshot. Run: `cargo run --example chart_gallery`.

use std::fs;

use findings::charts::{
    self, Category, ChartData, ChartKind, ChartSpec, Event, Phase, RoadmapPhase, Series,
};
use findings::model::date::Date;
use findings::model::numbers::NumberFormat;

fn date(text: &str) -> Date {
    Date::parse(text).expect("gallery dates are valid")
}

fn spec(kind: ChartKind, id: &str, title: &str, data: ChartData, illustrative: bool) -> ChartSpec {
    ChartSpec {
        kind,
        id: id.to_string(),
        title: title.to_string(),
        data,
        illustrative,
        format: NumberFormat::default(),
    }
}

fn split(what: &str, by: &str, parts: &[(&str, u64)]) -> ChartData {
    ChartData::Split {
        what: what.to_string(),
        by: by.to_string(),
        categories: parts
            .iter()
            .map(|&(label, count)| Category {
                label: label.to_string(),
                count,
            })
            .collect(),
        scope: Default::default(),
    }
}

fn crosstab() -> ChartData {
    ChartData::Crosstab {
        what: "participants".into(),
        row_attribute: "persona".into(),
        column_attribute: "stance".into(),
        rows: vec![
            "Builder".into(),
            "Long-term holder".into(),
            "Security researcher".into(),
            "Trader".into(),
        ],
        columns: vec![
            "Strongly disagree".into(),
            "Disagree".into(),
            "Neutral".into(),
            "Agree".into(),
            "Strongly agree".into(),
        ],
        counts: vec![
            vec![1, 2, 1, 3, 2],
            vec![0, 1, 2, 4, 3],
            vec![3, 2, 1, 1, 0],
            vec![2, 3, 2, 2, 1],
        ],
        scope: Default::default(),
    }
}

fn charts() -> Vec<ChartSpec> {
    let codes = [
        ("Death of \"Code is Law\" idealism", 14),
        ("Diversification as psychological shield", 11),
        ("Cynicism toward the exploit economy", 9),
        ("Security theater fatigue", 6),
        ("Regulatory envy", 6),
        ("Quiet exit", 2),
    ];
    let start = date("2025-10-20");
    let exploit = date("2025-11-03");
    let points: Vec<(Date, f64)> = (0..60)
        .map(|i| {
            let base = if i < 14 {
                62.0 + (i as f64 * 0.7).sin() * 3.0
            } else {
                38.0 + (i as f64 - 14.0) * 0.35 + (i as f64 * 0.9).sin() * 4.0
            };
            (Date(start.0 + i), base)
        })
        .collect();
    let baseline: Vec<(Date, f64)> = points
        .iter()
        .map(|&(d, v)| (d, 50.0 + (v - 50.0) * 0.4))
        .collect();
    let labels = [
        "Death of \"Code is Law\" idealism",
        "Diversification as psychological shield",
        "Cynicism toward the exploit economy",
        "Security theater fatigue",
        "Regulatory envy",
    ];
    let matrix = vec![
        vec![14, 6, 5, 2, 0],
        vec![6, 11, 3, 1, 1],
        vec![5, 3, 9, 4, 2],
        vec![2, 1, 4, 6, 1],
        vec![0, 1, 2, 1, 6],
    ];
    let road_start = date("2026-01-05");
    let phase = |label: &str, from: i32, to: i32, milestones: [&str; 3]| RoadmapPhase {
        label: label.to_string(),
        start: Date(road_start.0 + from),
        end: Date(road_start.0 + to - 1),
        milestones: milestones.iter().map(|m| m.to_string()).collect(),
    };
    vec![
        spec(
            ChartKind::Donut,
            "fig-1",
            "Participants by stance",
            split(
                "participants",
                "stance",
                &[("Deeper crisis", 7), ("Bear-market classic", 2)],
            ),
            false,
        ),
        spec(
            ChartKind::Pie,
            "fig-2",
            "Segments by source",
            split(
                "segments",
                "source",
                &[
                    ("Interview", 23),
                    ("Forum post", 12),
                    ("Survey free text", 7),
                    ("Chat log", 3),
                ],
            ),
            true,
        ),
        spec(
            ChartKind::Bar,
            "fig-3",
            "Code frequency",
            split("segments", "code", &codes),
            false,
        ),
        spec(
            ChartKind::Stacked,
            "fig-4",
            "Stance by persona",
            crosstab(),
            false,
        ),
        spec(
            ChartKind::Diverging,
            "fig-5",
            "Agreement by persona",
            crosstab(),
            false,
        ),
        spec(
            ChartKind::Grouped,
            "fig-6",
            "Stance by persona, counts",
            crosstab(),
            false,
        ),
        spec(
            ChartKind::Line,
            "fig-7",
            "Sentiment around the exploit",
            ChartData::Series {
                series: vec![
                    Series {
                        label: "Forum sentiment".into(),
                        unit: "index".into(),
                        points: points.clone(),
                    },
                    Series {
                        label: "Market baseline".into(),
                        unit: "index".into(),
                        points: baseline,
                    },
                ],
                events: vec![
                    Event {
                        date: exploit,
                        label: "Exploit".into(),
                    },
                    Event {
                        date: date("2025-11-05"),
                        label: "Post-mortem published".into(),
                    },
                ],
                phases: vec![Phase {
                    start: exploit,
                    end: date("2025-11-16"),
                    label: "Acute phase".into(),
                }],
            },
            false,
        ),
        spec(
            ChartKind::Area,
            "fig-8",
            "Forum sentiment",
            ChartData::Series {
                series: vec![Series {
                    label: "Forum sentiment".into(),
                    unit: "index".into(),
                    points,
                }],
                events: vec![Event {
                    date: exploit,
                    label: "Exploit".into(),
                }],
                phases: vec![],
            },
            true,
        ),
        spec(
            ChartKind::Heatmap,
            "fig-9",
            "Code co-occurrence",
            ChartData::Matrix {
                labels: labels.iter().map(|l| l.to_string()).collect(),
                counts: matrix,
            },
            false,
        ),
        spec(
            ChartKind::Roadmap,
            "fig-10",
            "Roadmap",
            ChartData::Roadmap {
                phases: vec![
                    phase(
                        "0–30 days",
                        0,
                        30,
                        [
                            "Publish the incident report",
                            "Brief the community moderators",
                            "Freeze new integrations",
                        ],
                    ),
                    phase(
                        "30–90 days",
                        30,
                        90,
                        [
                            "Independent audit of the bridge",
                            "Bug bounty relaunch",
                            "Quarterly trust survey",
                        ],
                    ),
                    phase(
                        "90–180 days",
                        90,
                        180,
                        [
                            "Formal verification pilot",
                            "Governance vote on the treasury",
                            "Follow-up interviews",
                        ],
                    ),
                ],
            },
            false,
        ),
    ]
}

fn main() {
    let css = fs::read_to_string("themes/default/charts.css").expect("run from the crate root");
    let mut figures = String::new();
    let mut singles = Vec::new();
    for spec in charts() {
        match charts::render(&spec) {
            Ok(chart) => {
                println!(
                    "{:<10} {:>6} bytes  {}",
                    spec.kind.name(),
                    chart.svg.len(),
                    spec.title
                );
                let figure = format!(
                    "<figure><h2>{} ({})</h2>{}<figcaption>{}</figcaption><details><summary>Data</summary>{}</details></figure>\n",
                    spec.title,
                    spec.kind.name(),
                    chart.svg,
                    chart.summary,
                    findings::writers::html::table::write(&chart.table)
                );
                figures.push_str(&figure);
                singles.push((spec.id.clone(), figure));
            }
            Err(e) => eprintln!("{}: {e}", spec.id),
        }
    }
    let page = |figures: &str, extra: &str| {
        format!(
            "<!doctype html><html><head><meta charset=\"utf-8\"><title>Chart gallery</title><style>{css}\n\
             body{{font-family:system-ui,sans-serif;margin:0;padding:24px;background:var(--chart-bg);color:var(--chart-ink)}}\
             main{{max-width:720px;margin:0 auto}} figure{{margin:0 0 40px}} h2{{font-size:15px;margin:0 0 8px}}\
             figcaption{{font-size:13px;color:var(--chart-muted);margin-top:6px}}{extra}</style></head><body><main>{figures}</main></body></html>"
        )
    };
    let dark = css
        .split_once("@media (prefers-color-scheme: dark) {")
        .and_then(|(_, rest)| rest.split_once("}\n}"))
        .map(|(block, _)| format!("{block}}}\n:root{{color-scheme:dark}}"))
        .unwrap_or_default();
    fs::create_dir_all("/tmp/gallery").expect("create /tmp/gallery");
    fs::write("/tmp/gallery/index.html", page(&figures, "")).expect("write index.html");
    fs::write("/tmp/gallery/dark.html", page(&figures, &dark)).expect("write dark.html");
    // One page per chart, for close-up screenshots.
    for (id, figure) in singles {
        fs::write(format!("/tmp/gallery/{id}.html"), page(&figure, ""))
            .expect("write a chart page");
        fs::write(format!("/tmp/gallery/{id}-dark.html"), page(&figure, &dark))
            .expect("write a chart page");
    }
    println!("wrote /tmp/gallery/index.html and dark.html");
}
