//! Co-occurrence heatmaps: one cell per pair of codes with its count,
//! shaded in six levels relative to the largest pair; the diagonal (each
//! code's own count) has its own class so the theme sets it apart. Row
//! labels on the left, column labels slanted above, both shortened with the
//! full text in a tooltip. Cells are plain rects: a grid needs no mapping.

use std::fmt::Write;

use super::palette::{Ink, HEAT_LEVELS};
use super::svg::{self, num, Anchor};
use super::text::{self, LABEL_SIZE};
use super::{ChartSpec, Drawing, WIDTH};

const TOP: f64 = 24.0;
const MAX_CELL: f64 = 64.0;
const MAX_LABEL: f64 = 220.0;
/// Slant of the column labels; sin and cos of 45°.
const SLANT: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// Draws the co-occurrence `counts` of `labels`.
pub fn draw(spec: &ChartSpec, labels: &[String], counts: &[Vec<u64>]) -> Drawing {
    let f = &spec.format;
    let n = labels.len();
    // Row labels may wrap (cells are tall enough); slanted column labels not.
    let rows: Vec<text::Fitted> = labels
        .iter()
        .map(|l| text::fit(l, MAX_LABEL * 0.8, LABEL_SIZE, 2))
        .collect();
    let fitted: Vec<text::Fitted> = labels
        .iter()
        .map(|l| text::fit(l, MAX_LABEL, LABEL_SIZE, 1))
        .collect();
    let label_width = rows
        .iter()
        .map(|l| l.width(LABEL_SIZE))
        .fold(30.0, f64::max);
    let column_width = fitted
        .iter()
        .map(|l| l.width(LABEL_SIZE))
        .fold(30.0, f64::max);
    let left = 12.0 + label_width + 10.0;
    // Slanted column labels reach right of the last column; keep them inside.
    let cell = ((WIDTH - left - 16.0 - column_width * SLANT) / n as f64).clamp(12.0, MAX_CELL);
    let top = TOP + column_width * SLANT + 10.0;
    let height = top + cell * n as f64 + 16.0;
    let max_pair = (0..n)
        .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
        .map(|(i, j)| counts[i][j])
        .max()
        .unwrap_or(0);
    let show_counts = cell
        >= text::width(
            &f.count(counts.iter().flatten().copied().max().unwrap_or(0)),
            LABEL_SIZE,
        ) + 4.0;

    let mut body = String::from("<g class=\"chart-cells\">");
    let mut texts = String::new();
    for (i, row) in counts.iter().enumerate() {
        let y = top + i as f64 * cell;
        let full = rows[i].shortened.then_some(labels[i].as_str());
        let first = y + cell / 2.0 + LABEL_SIZE * 0.35
            - (rows[i].lines.len() as f64 - 1.0) * LABEL_SIZE * svg::LINE_HEIGHT_EM / 2.0;
        svg::text(
            &mut texts,
            &svg::Text {
                x: left - 8.0,
                y: first,
                lines: &rows[i].lines,
                full,
                anchor: Anchor::End,
                class: "chart-label",
            },
        );
        for (j, &count) in row.iter().enumerate() {
            let x = left + j as f64 * cell;
            let (ink, level) = if i == j {
                (Ink::Diagonal, 0)
            } else {
                let l = level(count, max_pair);
                (Ink::Heat(l), l)
            };
            let tip = if i == j {
                format!("{}: {} in all", labels[i], f.count(count))
            } else {
                format!("{} and {}: {}", labels[i], labels[j], f.count(count))
            };
            let _ = write!(body, "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{w}\" height=\"{w}\"><title>{}</title></rect>", ink.class(), num(x), num(y), svg::escape(&tip), w = num(cell));
            if show_counts {
                let class = if level >= 4 {
                    "chart-value chart-on-dark"
                } else {
                    "chart-value"
                };
                svg::label(
                    &mut texts,
                    x + cell / 2.0,
                    y + cell / 2.0 + LABEL_SIZE * 0.35,
                    Anchor::Middle,
                    class,
                    &f.count(count),
                );
            }
        }
    }
    body.push_str("</g>");
    for (j, label) in fitted.iter().enumerate() {
        let x = left + j as f64 * cell + cell / 2.0;
        let y = top - 6.0;
        let full = label.shortened.then_some(labels[j].as_str());
        let _ = write!(
            texts,
            "<g transform=\"translate({},{}) rotate(-45)\">",
            num(x),
            num(y)
        );
        svg::text(
            &mut texts,
            &svg::Text {
                x: 0.0,
                y: 0.0,
                lines: &label.lines,
                full,
                anchor: Anchor::Start,
                class: "chart-label",
            },
        );
        texts.push_str("</g>");
    }
    body.push_str(&texts);
    Drawing { body, height }
}

/// Heat level of a pair count: 0 for none, then 1–5 by fifths of the
/// largest pair, so a single co-occurrence is still visibly non-zero.
fn level(count: u64, max: u64) -> usize {
    if count == 0 || max == 0 {
        0
    } else {
        ((count as f64 / max as f64 * (HEAT_LEVELS - 1) as f64).ceil() as usize)
            .clamp(1, HEAT_LEVELS - 1)
    }
}
