//! Line and area charts of series over dates: a date axis whose ticks
//! follow the span (days, weeks or months, never overlapping), shaded
//! phases, event markers labelled "Exploit, 3 Nov 2025", and long series
//! downsampled (LTTB) to a bounded number of points. Plotters maps dates
//! and values to positions and draws grid, phases, areas and lines.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::{Cartesian2d, Circle, DrawingArea, PathElement, Polygon, Rectangle};
use plotters::style::Color;

use super::axis::{date_ticks, decimals_for, value_ticks};
use super::downsample::{lttb, MAX_POINTS};
use super::palette::Ink;
use super::svg::{self, Anchor};
use super::svg_backend::{plot_area, view, SvgBackend};
use super::text::{self, LABEL_SIZE};
use super::{legend, ChartSpec, Drawing, Event, Phase, Series, WIDTH};
use crate::model::date::Date;

const TOP: f64 = 24.0;
const PLOT_HEIGHT: f64 = 240.0;
const LABEL_ROW: f64 = 16.0;
/// Height of a further row of phase labels (they are small).
const PHASE_ROW: f64 = 13.0;
/// Rows of phase labels at most; past them a label is shortened to its
/// band, its full text in a `<title>` (and in the data table).
const PHASE_ROWS: usize = 3;
/// Radius of the dot for a one-point series, in backend units.
const DOT: u32 = 35;

/// The registry's entry: series drawn as lines, filled below when `area`.
pub fn draw_spec(spec: &ChartSpec, area: bool) -> Option<Drawing> {
    match &spec.data {
        super::ChartData::Series {
            series,
            events,
            phases,
        } => Some(draw(spec, series, events, phases, area)),
        _ => None,
    }
}

/// Draws `series` over dates, filled below when `area`.
pub fn draw(
    spec: &ChartSpec,
    series: &[Series],
    events: &[Event],
    phases: &[Phase],
    area: bool,
) -> Drawing {
    let lines: Vec<Vec<(f64, f64)>> = series
        .iter()
        .map(|s| {
            lttb(
                &s.points
                    .iter()
                    .map(|&(d, v)| (f64::from(d.0), v))
                    .collect::<Vec<_>>(),
                MAX_POINTS,
            )
        })
        .collect();
    let (x0, x1) = date_span(&lines, events, phases);
    let (ticks, tick_labels) = value_axis(spec, &lines, area);
    let (y_lo, y_hi) = (ticks[0], ticks[ticks.len() - 1]);

    let mut body = String::new();
    let names: Vec<String> = series.iter().map(legend_name).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let legend_height = legend::draw(&mut body, &names, 12.0, TOP - 10.0, WIDTH - 24.0);

    let left = 12.0
        + tick_labels
            .iter()
            .map(|l| text::width(l, LABEL_SIZE))
            .fold(0.0, f64::max)
        + 8.0;
    let right = WIDTH - 20.0;
    let to_x = |d: f64| left + (d - x0) / (x1 - x0) * (right - left);
    let (event_labels, event_rows) = place_events(events, &to_x, right);
    let (phase_labels, phase_rows) = place_phases(phases, &to_x, right);
    let phase_row = if phases.is_empty() {
        0.0
    } else {
        LABEL_ROW + (phase_rows.max(1) - 1) as f64 * PHASE_ROW
    };
    let plot_top = TOP + legend_height + 6.0 + event_rows as f64 * LABEL_ROW + phase_row;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let height = plot_bottom + 30.0;

    let mut labels = String::new();
    {
        let plot = plot_area(
            &mut body,
            (WIDTH, height),
            x0..x1,
            y_lo..y_hi,
            left..right,
            plot_bottom..plot_top,
        );
        for (p, placed) in phases.iter().zip(&phase_labels) {
            let (s, e) = (f64::from(p.start.0), f64::from(p.end.0 + 1).min(x1));
            let _ = plot.draw(&Rectangle::new(
                [(s, y_lo), (e.max(s), y_hi)],
                Ink::Phase.color().filled(),
            ));
            if let Some((row, x, fitted)) = placed {
                let full = fitted.shortened.then_some(p.label.as_str());
                svg::text(
                    &mut labels,
                    &svg::Text {
                        x: *x,
                        y: plot_top - 5.0 - *row as f64 * PHASE_ROW,
                        lines: &fitted.lines,
                        full,
                        anchor: Anchor::Start,
                        class: "chart-phase-label",
                    },
                );
            }
        }
        for (&t, label) in ticks.iter().zip(&tick_labels) {
            let _ = plot.draw(&PathElement::new(vec![(x0, t), (x1, t)], Ink::Grid.color()));
            let (_, y) = view(plot.map_coordinate(&(x0, t)));
            svg::label(
                &mut labels,
                left - 8.0,
                y + LABEL_SIZE * 0.35,
                Anchor::End,
                "chart-tick",
                label,
            );
        }
        date_axis(&plot, &mut labels, (x0, x1), y_lo, right - left);
        draw_lines(&plot, &lines, area, y_lo);
        for (e, (row, x, anchor)) in events.iter().zip(&event_labels) {
            let (ex, _) = view(plot.map_coordinate(&(f64::from(e.date.0), y_lo)));
            let label_y = TOP + legend_height + 6.0 + (*row as f64 + 1.0) * LABEL_ROW - 4.0;
            labels.push_str(&format!(
                "<path class=\"chart-event\" fill=\"none\" d=\"M{0} {1}V{2}\"/>",
                svg::num(ex),
                svg::num(label_y - LABEL_ROW + 6.0),
                svg::num(plot_bottom)
            ));
            svg::label(
                &mut labels,
                *x,
                label_y,
                *anchor,
                "chart-event-label",
                &event_text(e),
            );
        }
    }
    body.push_str(&labels);
    Drawing { body, height }
}

/// The dates the chart spans: its points, events and phases, at least two
/// days wide.
fn date_span(lines: &[Vec<(f64, f64)>], events: &[Event], phases: &[Phase]) -> (f64, f64) {
    let (mut x0, mut x1) = lines
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.0), b.max(p.0))
        });
    for d in events
        .iter()
        .map(|e| e.date)
        .chain(phases.iter().flat_map(|p| [p.start, p.end]))
    {
        x0 = x0.min(f64::from(d.0));
        x1 = x1.max(f64::from(d.0));
    }
    if x1 <= x0 {
        (x0, x1) = (x0 - 1.0, x1 + 1.0);
    }
    (x0, x1)
}

/// The value axis: its ticks (from zero for an area) and their labels,
/// with as many decimals as the step needs.
fn value_axis(spec: &ChartSpec, lines: &[Vec<(f64, f64)>], area: bool) -> (Vec<f64>, Vec<String>) {
    let (mut lo, hi) = lines
        .iter()
        .flatten()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p.1), b.max(p.1))
        });
    if area && lo > 0.0 {
        lo = 0.0;
    }
    let ticks = value_ticks(lo, hi);
    let step = if ticks.len() > 1 {
        ticks[1] - ticks[0]
    } else {
        1.0
    };
    let decimals = decimals_for(step);
    let labels = ticks
        .iter()
        .map(|&t| spec.format.number(t, decimals))
        .collect();
    (ticks, labels)
}

/// A series in the legend: its label, and its unit in brackets.
fn legend_name(s: &Series) -> String {
    if s.unit.is_empty() {
        s.label.clone()
    } else {
        format!("{} ({})", s.label, s.unit)
    }
}

/// The plot of a timeline: dates across, values up.
type Plot<'a> = DrawingArea<SvgBackend<'a>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The date axis along `y_lo`: a mark and a label per tick, as many as fit
/// in `width`, then the axis line.
fn date_axis(plot: &Plot<'_>, labels: &mut String, (x0, x1): (f64, f64), y_lo: f64, width: f64) {
    let mut ticks = Vec::new();
    let (_, axis_y) = view(plot.map_coordinate(&(x0, y_lo)));
    for (d, label) in date_ticks(Date(x0.ceil() as i32), Date(x1.floor() as i32), width) {
        let x = f64::from(d.0);
        let (px, py) = view(plot.map_coordinate(&(x, y_lo)));
        labels.push_str(&format!(
            "<path class=\"chart-axis\" fill=\"none\" d=\"M{0} {1}V{2}\"/>",
            svg::num(px),
            svg::num(py),
            svg::num(py + 5.0)
        ));
        ticks.push((px, label));
    }
    svg::tick_labels(labels, &ticks, axis_y + 18.0, WIDTH);
    let _ = plot.draw(&PathElement::new(
        vec![(x0, y_lo), (x1, y_lo)],
        Ink::Axis.color(),
    ));
}

/// Each series as a line (filled down to `y_lo` for an area), or a dot
/// when it has one point.
fn draw_lines(plot: &Plot<'_>, lines: &[Vec<(f64, f64)>], area: bool, y_lo: f64) {
    for (i, points) in lines.iter().enumerate() {
        if area {
            let mut poly = points.clone();
            poly.push((points[points.len() - 1].0, y_lo));
            poly.push((points[0].0, y_lo));
            let _ = plot.draw(&Polygon::new(poly, Ink::Area(i).color().filled()));
        }
        if let [only] = points.as_slice() {
            // A lone point has no line to draw; mark it with a dot.
            let _ = plot.draw(&Circle::new(*only, DOT, Ink::Fill(i).color().filled()));
        } else {
            let _ = plot.draw(&PathElement::new(points.clone(), Ink::Line(i).color()));
        }
    }
}

/// "Exploit, 3 Nov 2025".
fn event_text(e: &Event) -> String {
    format!("{}, {}", e.label, e.date.long_label())
}

/// Puts each event's label in the first row above the plot where it does
/// not overlap an earlier one; returns (row, x, anchor) per event and the
/// number of rows used.
fn place_events(
    events: &[Event],
    to_x: &dyn Fn(f64) -> f64,
    right: f64,
) -> (Vec<(usize, f64, Anchor)>, usize) {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i| events[i].date);
    let mut rows: Vec<f64> = Vec::new();
    let mut placed = vec![(0, 0.0, Anchor::Start); events.len()];
    for i in order {
        let x = to_x(f64::from(events[i].date.0));
        let w = text::width(&event_text(&events[i]), LABEL_SIZE);
        let (start, anchor, lx) = if x + 4.0 + w > right + 16.0 {
            (x - 4.0 - w, Anchor::End, x - 4.0)
        } else {
            (x, Anchor::Start, x + 4.0)
        };
        let row = rows
            .iter()
            .position(|&end| start > end + 8.0)
            .unwrap_or(rows.len());
        if row == rows.len() {
            rows.push(0.0);
        }
        rows[row] = start + w + 4.0;
        placed[i] = (row, lx, anchor);
    }
    (placed, rows.len())
}

/// A placed phase label: its row above the plot (0 nearest), its x and
/// its lines.
type PhaseLabel = (usize, f64, text::Fitted);

/// Puts each phase's label at the start of its band, whole, in the first
/// row above the plot (nearest first) where it overlaps no other label; a
/// narrow band's label may run over the next band. With every row taken
/// a label is shortened to its band, and one whose band is too narrow for
/// even a word is left to the data table. Returns (row, x, lines) per
/// phase and the number of rows used.
fn place_phases(
    phases: &[Phase],
    to_x: &dyn Fn(f64) -> f64,
    right: f64,
) -> (Vec<Option<PhaseLabel>>, usize) {
    let mut order: Vec<usize> = (0..phases.len()).collect();
    order.sort_by_key(|&i| phases[i].start);
    let mut rows: Vec<f64> = Vec::new();
    let mut placed: Vec<Option<PhaseLabel>> = vec![None; phases.len()];
    for i in order {
        let p = &phases[i];
        let x = to_x(f64::from(p.start.0)) + 4.0;
        let band = to_x(f64::from(p.end.0 + 1)).min(right) - x - 2.0;
        let whole = text::width(p.label.trim(), text::SMALL_SIZE);
        let room = (right + 16.0 - x).max(0.0);
        let free = rows.iter().position(|&end| x > end + 6.0);
        let row = match free {
            Some(r) => r,
            None if rows.len() < PHASE_ROWS => {
                rows.push(f64::MIN);
                rows.len() - 1
            }
            None => {
                // Every row is taken here: the label starts after the row
                // that ends first, shortened to what is left of its band.
                let (row, end) =
                    rows.iter()
                        .copied()
                        .enumerate()
                        .fold(
                            (0, f64::MAX),
                            |best, (r, e)| if e < best.1 { (r, e) } else { best },
                        );
                let lx = x.max(end + 6.0);
                let left = x + band - lx;
                if left > 20.0 {
                    let fitted = text::fit(&p.label, left, text::SMALL_SIZE, 1);
                    rows[row] = lx + fitted.width(text::SMALL_SIZE);
                    placed[i] = Some((row, lx, fitted));
                }
                continue;
            }
        };
        let fitted = text::fit(&p.label, room.min(whole.max(band)), text::SMALL_SIZE, 1);
        rows[row] = x + fitted.width(text::SMALL_SIZE);
        placed[i] = Some((row, x, fitted));
    }
    (placed, rows.len())
}
