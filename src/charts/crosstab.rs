//! Charts of one attribute by another: stacked (each row a 100 % bar),
//! diverging (the first half of the columns to the left of a centre line,
//! the second half to the right; an odd middle column straddles it) and
//! grouped (one bar per column within each row). A legend of the columns
//! sits on top; row labels on the left. Plotters maps values to positions
//! and draws bars and grid through our SVG backend.

use plotters::prelude::{PathElement, Rectangle};
use plotters::style::Color;

use super::axis::{count_ticks, value_ticks};
use super::bars::{extra_lines, fit_labels, row_label, BOTTOM, TOP};
use super::palette::Ink;
use super::svg::{self, Anchor};
use super::svg_backend::{plot_area, view};
use super::text::{self, LABEL_SIZE};
use super::{legend, ChartSpec, Drawing, WIDTH};

const BAR: f64 = 22.0;
const ROW: f64 = 34.0;
/// A grouped bar: close to a plain bar's thickness, since a group only
/// holds the columns a row has (zeros take no slot).
const GROUP_BAR: f64 = 18.0;
const GROUP_GAP: f64 = 3.0;
/// Space between two rows' groups of bars.
const GROUP_PAD: f64 = 24.0;

/// One drawn segment: series, data span, and its label when it fits.
struct Segment {
    series: usize,
    from: f64,
    to: f64,
    label: String,
}

/// How a crosstab's rows are drawn: the kinds `stacked`, `diverging` and
/// `grouped`, each naming its layout in the registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Each row a 100 % bar of its shares.
    Stacked,
    /// Each row's shares to either side of a centre line.
    Diverging,
    /// Each row a group of bars, one per non-zero column, by count.
    Grouped,
}

/// The registry's entry: a crosstab drawn in `layout`.
pub fn draw_spec(spec: &ChartSpec, layout: Layout) -> Option<Drawing> {
    match &spec.data {
        super::ChartData::Crosstab {
            rows,
            columns,
            counts,
            ..
        } => Some(draw(spec, layout, rows, columns, counts)),
        _ => None,
    }
}

/// Draws a crosstab in `layout`.
pub fn draw(
    spec: &ChartSpec,
    layout: Layout,
    rows: &[String],
    columns: &[String],
    counts: &[Vec<u64>],
) -> Drawing {
    let mut body = String::new();
    let legend_labels: Vec<&str> = columns.iter().map(String::as_str).collect();
    let top = TOP + legend::draw(&mut body, &legend_labels, 12.0, TOP - 10.0, WIDTH - 24.0) + 8.0;
    let (fitted, label_width) = fit_labels(rows.iter().map(String::as_str));
    let left = 12.0 + label_width + 10.0;
    let grouped = layout == Layout::Grouped;
    // A grouped row holds a bar for each of its non-zero columns only, so
    // a row is as tall as its data and no slot stands empty.
    let slots: Vec<usize> = counts
        .iter()
        .map(|row| row.iter().filter(|&&n| n > 0).count().max(1))
        .collect();
    let block = |i: usize| {
        if grouped {
            slots[i] as f64 * (GROUP_BAR + GROUP_GAP) - GROUP_GAP + GROUP_PAD
        } else {
            ROW
        }
    };
    let heights: Vec<f64> = fitted
        .iter()
        .enumerate()
        .map(|(i, l)| block(i).max(ROW) + extra_lines(l))
        .collect();
    let bottom = top + heights.iter().sum::<f64>();
    let height = bottom + BOTTOM;

    // Each row's segments in data units, plus the x range and ticks.
    let (segments, range, ticks, tick_label) = place(spec, layout, counts);

    let right = WIDTH
        - if grouped {
            16.0 + value_room(&segments)
        } else {
            20.0
        };
    let mut labels = String::new();
    {
        let area = plot_area(
            &mut body,
            (WIDTH, height),
            range.0..range.1,
            0.0..height,
            left..right,
            0.0..height,
        );
        for &t in &ticks {
            let _ = area.draw(&PathElement::new(
                vec![(t, top - 4.0), (t, bottom)],
                Ink::Grid.color(),
            ));
            let (x, _) = view(area.map_coordinate(&(t, 0.0)));
            svg::label(
                &mut labels,
                x,
                bottom + 16.0,
                Anchor::Middle,
                "chart-tick",
                &tick_label(t),
            );
        }
        let mut y = top;
        for (i, row) in segments.iter().enumerate() {
            let mid = y + heights[i] / 2.0;
            row_label(&mut labels, &fitted[i], &rows[i], left - 10.0, mid);
            let mut slot = 0.0;
            for seg in row {
                let (y0, y1) = if grouped {
                    let first = mid - (block(i) - GROUP_PAD) / 2.0 + slot * (GROUP_BAR + GROUP_GAP);
                    if seg.to > seg.from {
                        slot += 1.0;
                    }
                    (first, first + GROUP_BAR)
                } else {
                    (mid - BAR / 2.0, mid + BAR / 2.0)
                };
                if seg.to > seg.from {
                    let rect = Rectangle::new(
                        [(seg.from, y0), (seg.to, y1)],
                        Ink::Fill(seg.series).color().filled(),
                    );
                    let _ = area.draw(&rect);
                }
                let (x0, _) = view(area.map_coordinate(&(seg.from, 0.0)));
                let (x1, _) = view(area.map_coordinate(&(seg.to, 0.0)));
                let tip = || format!("{}, {}: {}", rows[i], columns[seg.series], seg.label);
                segment_label(&mut labels, grouped, seg, (x0, y0), (x1, y1), tip);
            }
            y += heights[i];
        }
        let zero = if layout == Layout::Diverging {
            0.0
        } else {
            range.0
        };
        let _ = area.draw(&PathElement::new(
            vec![(zero, top - 4.0), (zero, bottom)],
            Ink::Axis.color(),
        ));
    }
    body.push_str(&labels);
    Drawing { body, height }
}

/// Each row's segments in data units, the x range, its ticks and how a
/// tick is labelled: counts for grouped bars, shares otherwise.
fn place<'a>(spec: &'a ChartSpec, layout: Layout, counts: &[Vec<u64>]) -> Placement<'a> {
    let f = &spec.format;
    match layout {
        Layout::Grouped => {
            let max = counts.iter().flatten().copied().max().unwrap_or(1);
            let ticks: Vec<f64> = count_ticks(max).into_iter().map(|t| t as f64).collect();
            let segs = counts
                .iter()
                .map(|row| {
                    row.iter()
                        .enumerate()
                        .map(|(j, &n)| Segment {
                            series: j,
                            from: 0.0,
                            to: n as f64,
                            label: f.count(n),
                        })
                        .collect()
                })
                .collect();
            let top_tick = ticks.last().copied().unwrap_or(max as f64);
            (
                segs,
                (0.0, top_tick),
                ticks,
                Box::new(move |t| f.count(t as u64)),
            )
        }
        Layout::Diverging => diverging(spec, counts),
        Layout::Stacked => {
            let segs = counts
                .iter()
                .map(|row| {
                    let mut at = 0.0;
                    f.split(row)
                        .into_iter()
                        .enumerate()
                        .map(|(j, p)| {
                            at += p;
                            Segment {
                                series: j,
                                from: at - p,
                                to: at,
                                label: f.percent(p),
                            }
                        })
                        .collect()
                })
                .collect();
            (
                segs,
                (0.0, 100.0),
                vec![0.0, 25.0, 50.0, 75.0, 100.0],
                Box::new(move |t| percent_tick(spec, t)),
            )
        }
    }
}

/// The label of one segment: a grouped bar's count right of it, a share
/// inside its segment, or in a tooltip (`tip`) when the segment is too
/// narrow for it.
fn segment_label(
    labels: &mut String,
    grouped: bool,
    seg: &Segment,
    (x0, y0): (f64, f64),
    (x1, y1): (f64, f64),
    tip: impl Fn() -> String,
) {
    let baseline = (y0 + y1) / 2.0 + LABEL_SIZE * 0.35;
    if grouped && seg.to <= seg.from {
        // No bar, no label: the data table still lists the zero.
    } else if grouped {
        svg::label(
            labels,
            x1 + 5.0,
            baseline,
            Anchor::Start,
            "chart-value",
            &seg.label,
        );
    } else if x1 - x0 < text::width(&seg.label, LABEL_SIZE) + 6.0 {
        // Too narrow for its share: the share goes in a tooltip.
        if x1 > x0 {
            svg::hit_area(labels, (x0, y0), (x1, y1), &tip());
        }
    } else {
        let class = format!(
            "chart-value chart-on-fill chart-on-s{}",
            seg.series % super::palette::SERIES
        );
        svg::label(
            labels,
            (x0 + x1) / 2.0,
            baseline,
            Anchor::Middle,
            &class,
            &seg.label,
        );
    }
}

/// Room right of the longest grouped bar for its value label.
fn value_room(segments: &[Vec<Segment>]) -> f64 {
    segments
        .iter()
        .flatten()
        .map(|s| text::width(&s.label, LABEL_SIZE) + 8.0)
        .fold(0.0, f64::max)
}

/// "25%": ticks are whole percentages whatever the decimals setting.
fn percent_tick(spec: &ChartSpec, t: f64) -> String {
    format!(
        "{}{}",
        spec.format.number(t.abs(), 0),
        spec.format.percent_sign
    )
}

type Placement<'a> = (
    Vec<Vec<Segment>>,
    (f64, f64),
    Vec<f64>,
    Box<dyn Fn(f64) -> String + 'a>,
);

/// Diverging segments: shares of each row, the first half of the columns
/// leftwards from zero (nearest the centre last), the rest rightwards.
fn diverging<'a>(spec: &'a ChartSpec, counts: &[Vec<u64>]) -> Placement<'a> {
    let f = &spec.format;
    let mut widest: f64 = 0.0;
    let segs: Vec<Vec<Segment>> = counts
        .iter()
        .map(|row| {
            let shares = f.split(row);
            let n = shares.len();
            let middle = (n % 2 == 1).then_some(n / 2);
            let half_mid = middle.map(|m| shares[m] / 2.0).unwrap_or(0.0);
            let mut out = Vec::with_capacity(n);
            let mut at = -half_mid;
            for j in (0..n / 2).rev() {
                out.push(Segment {
                    series: j,
                    from: at - shares[j],
                    to: at,
                    label: f.percent(shares[j]),
                });
                at -= shares[j];
            }
            widest = widest.max(-at);
            if let Some(m) = middle {
                out.push(Segment {
                    series: m,
                    from: -half_mid,
                    to: half_mid,
                    label: f.percent(shares[m]),
                });
            }
            let mut at = half_mid;
            for (j, &p) in shares.iter().enumerate().skip(n.div_ceil(2)) {
                out.push(Segment {
                    series: j,
                    from: at,
                    to: at + p,
                    label: f.percent(p),
                });
                at += p;
            }
            widest = widest.max(at);
            out
        })
        .collect();
    let half: Vec<f64> = value_ticks(0.0, widest.max(1.0))
        .into_iter()
        .filter(|t| *t >= 0.0)
        .collect();
    let edge = half.last().copied().unwrap_or(100.0);
    let mut ticks: Vec<f64> = half
        .iter()
        .rev()
        .filter(|t| **t > 0.0)
        .map(|t| -t)
        .collect();
    ticks.extend(half);
    (
        segs,
        (-edge, edge),
        ticks,
        Box::new(move |t| percent_tick(spec, t)),
    )
}
