//! Measures drawing a line chart of one million points: prints the median
//! time of several runs and the SVG size. Run in release mode:
//! `cargo run --release --example chart_scale [OUT.svg]` (with a path,
//! also writes the SVG there to look at).

use std::time::{Duration, Instant};

use findings::charts::{self, ChartData, ChartKind, ChartSpec, Event, Series};
use findings::model::date::Date;
use findings::model::numbers::NumberFormat;

const POINTS: i32 = 1_000_000;
const RUNS: usize = 7;

fn main() {
    // A noisy random-walk-like series, deterministic without a RNG crate.
    let mut value = 100.0;
    let points: Vec<(Date, f64)> = (0..POINTS)
        .map(|i| {
            let wiggle = ((i as f64) * 0.013).sin() * 0.8
                + ((i as f64) * 0.37).cos() * 0.5
                + ((i % 97) as f64 - 48.0) * 0.01;
            value += wiggle;
            (Date(i), value)
        })
        .collect();
    let spec = ChartSpec {
        kind: ChartKind::Line,
        id: "scale".into(),
        title: "One million points".into(),
        data: ChartData::Series {
            series: vec![Series {
                label: "Walk".into(),
                unit: "".into(),
                points,
            }],
            events: vec![Event {
                date: Date(POINTS / 2),
                label: "Midpoint".into(),
            }],
            phases: vec![],
        },
        illustrative: false,
        format: NumberFormat::default(),
    };
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut svg = String::new();
    for _ in 0..RUNS {
        let start = Instant::now();
        let chart = charts::render(&spec).expect("the scale chart renders");
        times.push(start.elapsed());
        svg = chart.svg;
    }
    times.sort();
    println!("{POINTS} points, {RUNS} runs");
    println!(
        "median {:.1} ms (min {:.1} ms, max {:.1} ms)",
        ms(times[RUNS / 2]),
        ms(times[0]),
        ms(times[RUNS - 1])
    );
    println!("SVG {} bytes", svg.len());
    if let Some(path) = std::env::args().nth(1) {
        std::fs::write(&path, &svg).expect("write the SVG");
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
