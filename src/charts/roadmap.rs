//! Roadmaps: each phase a bar on a shared date axis, its name and dates on
//! the left and its milestones listed under the bar. Plotters maps dates
//! to positions and draws the bars and grid.

use plotters::prelude::{PathElement, Rectangle};
use plotters::style::Color;

use super::axis::date_ticks;
use super::palette::Ink;
use super::svg::{self, Anchor, LINE_HEIGHT_EM};
use super::svg_backend::{plot_area, view};
use super::text::{self, LABEL_SIZE, SMALL_SIZE};
use super::{ChartSpec, Drawing, RoadmapPhase, WIDTH};

const TOP: f64 = 24.0;
const AXIS: f64 = 22.0;
const BAR: f64 = 20.0;
const MILESTONE: f64 = 17.0;
const MAX_LABEL: f64 = 160.0;

/// The registry's entry: roadmap phases.
pub fn draw_spec(spec: &ChartSpec) -> Option<Drawing> {
    match &spec.data {
        super::ChartData::Roadmap { phases } => Some(draw(phases)),
        _ => None,
    }
}

/// Draws `phases` (validated: non-empty, each ending after it starts).
pub fn draw(phases: &[RoadmapPhase]) -> Drawing {
    let fitted: Vec<text::Fitted> = phases
        .iter()
        .map(|p| text::fit(&p.label, MAX_LABEL, LABEL_SIZE, 2))
        .collect();
    let spans: Vec<String> = phases.iter().map(span).collect();
    let label_width = fitted
        .iter()
        .map(|f| f.width(LABEL_SIZE))
        .chain(spans.iter().map(|s| text::width(s, SMALL_SIZE)))
        .fold(40.0, f64::max);
    let left = 12.0 + label_width + 14.0;
    let right = WIDTH - 16.0;
    let heights: Vec<f64> = phases
        .iter()
        .zip(&fitted)
        .map(|(p, f)| {
            let label =
                (f.lines.len() as f64) * LABEL_SIZE * LINE_HEIGHT_EM + SMALL_SIZE * LINE_HEIGHT_EM;
            (BAR + 6.0 + p.milestones.len() as f64 * MILESTONE).max(label) + 18.0
        })
        .collect();
    let plot_top = TOP + AXIS;
    let bottom = plot_top + heights.iter().sum::<f64>();
    let height = bottom + 8.0;
    let start = phases
        .iter()
        .map(|p| p.start)
        .min()
        .unwrap_or(phases[0].start);
    let end = phases.iter().map(|p| p.end).max().unwrap_or(phases[0].end);
    let (x0, x1) = (f64::from(start.0), f64::from(end.0 + 1));

    let mut body = String::new();
    let mut labels = String::new();
    {
        let area = plot_area(
            &mut body,
            (WIDTH, height),
            x0..x1,
            0.0..height,
            left..right,
            0.0..height,
        );
        let mut ticks = Vec::new();
        for (d, label) in date_ticks(start, end, right - left) {
            let x = f64::from(d.0);
            let _ = area.draw(&PathElement::new(
                vec![(x, plot_top - 4.0), (x, bottom)],
                Ink::Grid.color(),
            ));
            let (px, _) = view(area.map_coordinate(&(x, 0.0)));
            ticks.push((px, label));
        }
        svg::tick_labels(&mut labels, &ticks, TOP + 8.0, WIDTH);
        let mut y = plot_top + 10.0;
        for (i, p) in phases.iter().enumerate() {
            let (s, e) = (f64::from(p.start.0), f64::from(p.end.0 + 1));
            let _ = area.draw(&Rectangle::new(
                [(s, y), (e, y + BAR)],
                Ink::Fill(i).color().filled(),
            ));
            let full = fitted[i].shortened.then_some(p.label.as_str());
            svg::text(
                &mut labels,
                &svg::Text {
                    x: 12.0,
                    y: y + 14.0,
                    lines: &fitted[i].lines,
                    full,
                    anchor: Anchor::Start,
                    class: "chart-label chart-strong",
                },
            );
            let span_y = y + 14.0 + fitted[i].lines.len() as f64 * LABEL_SIZE * LINE_HEIGHT_EM;
            svg::label(
                &mut labels,
                12.0,
                span_y,
                Anchor::Start,
                "chart-note",
                &spans[i],
            );
            let (bar_x, _) = view(area.map_coordinate(&(s, 0.0)));
            let widest = p
                .milestones
                .iter()
                .map(|m| text::width(&format!("• {m}"), LABEL_SIZE))
                .fold(0.0, f64::max);
            // Start under the bar, but move left rather than run off the edge.
            let mx = bar_x.min(right - widest).max(left);
            for (k, m) in p.milestones.iter().enumerate() {
                let item = format!("• {m}");
                let fit = text::fit(&item, right - mx, LABEL_SIZE, 1);
                let full = fit.shortened.then_some(m.as_str());
                let my = y + BAR + 6.0 + (k as f64 + 0.75) * MILESTONE;
                svg::text(
                    &mut labels,
                    &svg::Text {
                        x: mx,
                        y: my,
                        lines: &fit.lines,
                        full,
                        anchor: Anchor::Start,
                        class: "chart-label",
                    },
                );
            }
            y += heights[i];
        }
        let _ = area.draw(&PathElement::new(
            vec![(x0, plot_top), (x1, plot_top)],
            Ink::Axis.color(),
        ));
    }
    body.push_str(&labels);
    Drawing { body, height }
}

/// "1 Dec 2025 – 30 Dec 2025", shortened within one year.
fn span(p: &RoadmapPhase) -> String {
    if p.start.ymd().0 == p.end.ymd().0 {
        format!("{} – {}", p.start.day_month_label(), p.end.long_label())
    } else {
        format!("{} – {}", p.start.long_label(), p.end.long_label())
    }
}
