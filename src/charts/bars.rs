//! Horizontal bar charts of counts per category, in the order given (the
//! directive sorts: by count, codebook, label or as written), labels on the left (wrapped or shortened to fit), the count at
//! each bar's end and a light count grid underneath. Plotters maps counts
//! to positions and draws the bars and grid through our SVG backend.

use plotters::prelude::{PathElement, Rectangle};
use plotters::style::Color;

use super::axis::count_ticks;
use super::palette::Ink;
use super::svg::{self, Anchor};
use super::svg_backend::{plot_area, view};
use super::text::{self, LABEL_SIZE};
use super::{Category, ChartSpec, Drawing, WIDTH};

/// Widest a category label may be before it wraps.
pub const MAX_LABEL: f64 = 230.0;
/// Space above the first bar (the illustrative mark sits there).
pub const TOP: f64 = 24.0;
/// Space below the last bar for the axis labels.
pub const BOTTOM: f64 = 28.0;
const BAR: f64 = 20.0;
const ROW: f64 = 32.0;

/// Fits category labels and returns them with the label column's width.
pub fn fit_labels<'a>(labels: impl Iterator<Item = &'a str>) -> (Vec<text::Fitted>, f64) {
    let fitted: Vec<text::Fitted> = labels
        .map(|l| text::fit(l, MAX_LABEL, LABEL_SIZE, 2))
        .collect();
    let width = fitted
        .iter()
        .map(|f| f.width(LABEL_SIZE))
        .fold(30.0, f64::max);
    (fitted, width)
}

/// Extra row height for a label on two lines.
pub fn extra_lines(f: &text::Fitted) -> f64 {
    (f.lines.len() as f64 - 1.0) * LABEL_SIZE * svg::LINE_HEIGHT_EM
}

/// Draws a label in the left column, right-aligned and centred on `mid`.
pub fn row_label(out: &mut String, fitted: &text::Fitted, full: &str, x: f64, mid: f64) {
    let first_baseline = mid + LABEL_SIZE * 0.35 - extra_lines(fitted) / 2.0;
    svg::text(
        out,
        &svg::Text {
            x,
            y: first_baseline,
            lines: &fitted.lines,
            full: fitted.shortened.then_some(full),
            anchor: Anchor::End,
            class: "chart-label",
        },
    );
}

/// The registry's entry: a split drawn as bars.
pub fn draw_spec(spec: &ChartSpec) -> Option<Drawing> {
    match &spec.data {
        super::ChartData::Split { categories, .. } => Some(draw(spec, categories)),
        _ => None,
    }
}

/// Draws `categories` as horizontal bars, top to bottom in their order.
pub fn draw(spec: &ChartSpec, categories: &[Category]) -> Drawing {
    let f = &spec.format;
    let order: Vec<&Category> = categories.iter().collect();
    let (fitted, label_width) = fit_labels(order.iter().map(|c| c.label.as_str()));
    let values: Vec<String> = order.iter().map(|c| f.count(c.count)).collect();
    let value_width = values
        .iter()
        .map(|v| text::width(v, LABEL_SIZE))
        .fold(0.0, f64::max);
    let left = 12.0 + label_width + 10.0;
    let right = WIDTH - 16.0 - value_width - 8.0;
    let heights: Vec<f64> = fitted.iter().map(|l| ROW + extra_lines(l)).collect();
    let bottom = TOP + heights.iter().sum::<f64>();
    let height = bottom + BOTTOM;
    let max = order.iter().map(|c| c.count).max().unwrap_or(1);
    let ticks = count_ticks(max);
    let top_tick = ticks.last().copied().unwrap_or(max) as f64;

    let mut body = String::new();
    let mut labels = String::new();
    {
        let area = plot_area(
            &mut body,
            (WIDTH, height),
            0.0..top_tick,
            0.0..height,
            left..right,
            0.0..height,
        );
        for &t in &ticks {
            let _ = area.draw(&PathElement::new(
                vec![(t as f64, TOP - 6.0), (t as f64, bottom)],
                Ink::Grid.color(),
            ));
            let (x, _) = view(area.map_coordinate(&(t as f64, 0.0)));
            svg::label(
                &mut labels,
                x,
                bottom + 16.0,
                Anchor::Middle,
                "chart-tick",
                &f.count(t),
            );
        }
        let mut y = TOP;
        for (i, c) in order.iter().enumerate() {
            let mid = y + heights[i] / 2.0;
            let bar = Rectangle::new(
                [(0.0, mid - BAR / 2.0), (c.count as f64, mid + BAR / 2.0)],
                Ink::Fill(0).color().filled(),
            );
            if c.count > 0 {
                let _ = area.draw(&bar);
            }
            row_label(&mut labels, &fitted[i], &c.label, left - 10.0, mid);
            let (end, _) = view(area.map_coordinate(&(c.count as f64, 0.0)));
            svg::label(
                &mut labels,
                end + 6.0,
                mid + LABEL_SIZE * 0.35,
                Anchor::Start,
                "chart-value",
                &values[i],
            );
            y += heights[i];
        }
        let _ = area.draw(&PathElement::new(
            vec![(0.0, TOP - 6.0), (0.0, bottom)],
            Ink::Axis.color(),
        ));
    }
    body.push_str(&labels);
    Drawing { body, height }
}
