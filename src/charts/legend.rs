//! Legends: a swatch and a label per series, flowing left to right and
//! wrapping onto new rows so long labels never run off the chart.

use std::fmt::Write;

use super::palette::Ink;
use super::svg::{self, Anchor};
use super::text::{self, LABEL_SIZE};

/// Height of one legend row.
pub const ROW: f64 = 20.0;
const SWATCH: f64 = 11.0;

/// Draws a legend for `labels` (series `i` for label `i`) in the box
/// starting at (`x`, `y`) and `width` wide; returns the height used.
pub fn draw(out: &mut String, labels: &[&str], x: f64, y: f64, width: f64) -> f64 {
    out.push_str("<g class=\"chart-legend\">");
    let (mut cx, mut row) = (x, 0.0);
    for (i, label) in labels.iter().enumerate() {
        let fitted = text::fit(label, width - SWATCH - 6.0, LABEL_SIZE, 1);
        let item = SWATCH + 6.0 + fitted.width(LABEL_SIZE) + 18.0;
        if cx > x && cx + item > x + width {
            cx = x;
            row += ROW;
        }
        let top = y + row + (ROW - SWATCH) / 2.0;
        let _ = write!(
            out,
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{SWATCH}\" height=\"{SWATCH}\" rx=\"2\"/>",
            Ink::Fill(i).class(),
            svg::num(cx),
            svg::num(top)
        );
        svg::text(
            out,
            &svg::Text {
                x: cx + SWATCH + 6.0,
                y: y + row + ROW / 2.0 + LABEL_SIZE * 0.35,
                lines: &fitted.lines,
                full: fitted.shortened.then_some(*label),
                anchor: Anchor::Start,
                class: "chart-label",
            },
        );
        cx += item;
    }
    out.push_str("</g>");
    row + ROW
}
