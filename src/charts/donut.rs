//! Donut and pie charts: one slice per category with its share, and a
//! legend listing every category with count and percentage.
//!
//! Slices are written as SVG arc paths directly rather than through
//! plotters, whose pie approximates arcs with an integer polygon; arcs stay
//! crisp at any size and take a few bytes each.

use std::f64::consts::TAU;
use std::fmt::Write;

use super::palette::{Ink, SERIES};
use super::svg::{self, num, Anchor};
use super::text::{self, LABEL_SIZE};
use super::{Category, ChartSpec, Drawing, WIDTH};

const RADIUS: f64 = 130.0;
const TOP: f64 = 24.0;
const CX: f64 = 24.0 + RADIUS;
/// Inner radius of a donut as a share of the outer one.
const HOLE: f64 = 0.6;
/// Smallest slice angle that still gets its percentage printed on it.
const MIN_LABEL_ANGLE: f64 = 0.33;
const LEGEND_X: f64 = 2.0 * RADIUS + 70.0;
const ROW: f64 = 26.0;

/// The registry's entry: a split drawn as a donut (`hole`) or a pie.
pub fn draw_spec(spec: &ChartSpec, hole: bool) -> Option<Drawing> {
    match &spec.data {
        super::ChartData::Split {
            categories, what, ..
        } => Some(draw(spec, categories, what, hole)),
        _ => None,
    }
}

/// Draws `categories` as a donut (`hole`) or a pie.
pub fn draw(spec: &ChartSpec, categories: &[Category], what: &str, hole: bool) -> Drawing {
    let f = &spec.format;
    let counts: Vec<u64> = categories.iter().map(|c| c.count).collect();
    let total: u64 = counts.iter().sum();
    let shares = f.split(&counts);
    let cy = TOP + RADIUS;
    let inner = if hole { RADIUS * HOLE } else { 0.0 };

    let mut body = String::from("<g class=\"chart-slices\">");
    let mut labels = String::new();
    let mut angle = 0.0;
    for (i, c) in categories.iter().enumerate() {
        if c.count == 0 {
            continue;
        }
        let sweep = c.count as f64 / total as f64 * TAU;
        let _ = write!(
            body,
            "<path class=\"{}\" d=\"{}\"><title>{}</title></path>",
            Ink::Fill(i).class(),
            slice(CX, cy, RADIUS, inner, angle, sweep),
            svg::escape(&format!(
                "{}: {} ({})",
                c.label,
                f.count(c.count),
                f.percent(shares[i])
            ))
        );
        if sweep >= MIN_LABEL_ANGLE {
            let mid = angle + sweep / 2.0;
            let r = if hole {
                (RADIUS + inner) / 2.0
            } else {
                RADIUS * 0.64
            };
            let (x, y) = point(CX, cy, r, mid);
            let class = format!("chart-value chart-on-fill chart-on-s{}", i % SERIES);
            svg::label(
                &mut labels,
                x,
                y + LABEL_SIZE * 0.35,
                Anchor::Middle,
                &class,
                &f.percent(shares[i]),
            );
        }
        angle += sweep;
    }
    body.push_str("</g>");
    body.push_str(&labels);
    if hole {
        svg::label(
            &mut body,
            CX,
            cy + 6.0,
            Anchor::Middle,
            "chart-total",
            &f.count(total),
        );
        // The noun goes under the total, on two lines if it must.
        let noun = text::fit(what, inner * 1.5, LABEL_SIZE, 2);
        let full = noun.shortened.then_some(what);
        svg::text(
            &mut body,
            &svg::Text {
                x: CX,
                y: cy + 24.0,
                lines: &noun.lines,
                full,
                anchor: Anchor::Middle,
                class: "chart-label chart-muted",
            },
        );
    }
    let legend_height = legend(&mut body, spec, categories, &shares, cy);
    Drawing {
        body,
        height: (TOP + 2.0 * RADIUS + 24.0).max(legend_height + 2.0 * TOP),
    }
}

/// The legend beside the circle, vertically centred on it when it fits;
/// returns its height.
fn legend(
    out: &mut String,
    spec: &ChartSpec,
    categories: &[Category],
    shares: &[f64],
    cy: f64,
) -> f64 {
    let f = &spec.format;
    let value_width = 110.0;
    let label_width = WIDTH - LEGEND_X - 20.0 - value_width;
    let fitted: Vec<text::Fitted> = categories
        .iter()
        .map(|c| text::fit(&c.label, label_width, LABEL_SIZE, 2))
        .collect();
    let heights: Vec<f64> = fitted
        .iter()
        .map(|l| ROW + (l.lines.len() as f64 - 1.0) * LABEL_SIZE * svg::LINE_HEIGHT_EM)
        .collect();
    let height: f64 = heights.iter().sum();
    let mut y = (cy - height / 2.0).max(TOP);
    out.push_str("<g class=\"chart-legend\">");
    for (i, c) in categories.iter().enumerate() {
        let base = y + 17.0;
        let _ = write!(
            out,
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" rx=\"2\"/>",
            Ink::Fill(i).class(),
            num(LEGEND_X),
            num(base - 10.5)
        );
        svg::text(
            out,
            &svg::Text {
                x: LEGEND_X + 20.0,
                y: base,
                lines: &fitted[i].lines,
                full: fitted[i].shortened.then_some(c.label.as_str()),
                anchor: Anchor::Start,
                class: "chart-label",
            },
        );
        svg::label(
            out,
            WIDTH - 20.0 - 58.0,
            base,
            Anchor::End,
            "chart-value",
            &f.count(c.count),
        );
        svg::label(
            out,
            WIDTH - 20.0,
            base,
            Anchor::End,
            "chart-value chart-muted",
            &f.percent(shares[i]),
        );
        y += heights[i];
    }
    out.push_str("</g>");
    height
}

/// The point at `angle` (clockwise from twelve o'clock) on a circle.
fn point(cx: f64, cy: f64, r: f64, angle: f64) -> (f64, f64) {
    (cx + r * angle.sin(), cy - r * angle.cos())
}

/// Path data of a ring slice (a pie slice when `inner` is zero).
fn slice(cx: f64, cy: f64, outer: f64, inner: f64, start: f64, sweep: f64) -> String {
    // A full turn has no distinct end point; draw it as two half turns.
    if sweep >= TAU - 1e-9 {
        let half = |r: f64, dir: u8| {
            let (top, bottom) = (point(cx, cy, r, 0.0), point(cx, cy, r, TAU / 2.0));
            format!(
                "M{} {}A{r} {r} 0 1 {dir} {} {}A{r} {r} 0 1 {dir} {} {}Z",
                num(top.0),
                num(top.1),
                num(bottom.0),
                num(bottom.1),
                num(top.0),
                num(top.1),
                r = num(r)
            )
        };
        return if inner > 0.0 {
            format!("{}{}", half(outer, 1), half(inner, 0))
        } else {
            half(outer, 1)
        };
    }
    let large = u8::from(sweep > TAU / 2.0);
    let (a, b) = (
        point(cx, cy, outer, start),
        point(cx, cy, outer, start + sweep),
    );
    let mut d = format!(
        "M{} {}A{r} {r} 0 {large} 1 {} {}",
        num(a.0),
        num(a.1),
        num(b.0),
        num(b.1),
        r = num(outer)
    );
    if inner > 0.0 {
        let (c, e) = (
            point(cx, cy, inner, start + sweep),
            point(cx, cy, inner, start),
        );
        let _ = write!(
            d,
            "L{} {}A{r} {r} 0 {large} 0 {} {}Z",
            num(c.0),
            num(c.1),
            num(e.0),
            num(e.1),
            r = num(inner)
        );
    } else {
        let _ = write!(d, "L{} {}Z", num(cx), num(cy));
    }
    d
}
