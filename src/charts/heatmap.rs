//! Co-occurrence heatmaps: one cell per pair of codes with its count,
//! shaded in six levels relative to the largest pair; the diagonal (each
//! code's own count) has its own class so the theme sets it apart. Row
//! labels on the left. Columns carry slanted labels while the cells are
//! wide enough for them; past that (a dozen or more long code names) the
//! rows are numbered and the columns carry the numbers, so the grid keeps
//! its width and every label stays readable. Above [`MAX_CODES`] codes the
//! cells would be too small to read and the chart is refused.

use std::fmt::Write;

use super::palette::{Ink, HEAT_LEVELS};
use super::svg::{self, num, Anchor};
use super::text::{self, LABEL_SIZE};
use super::{ChartSpec, Drawing, WIDTH};

/// The most codes a heatmap draws.
pub const MAX_CODES: usize = 40;
const TOP: f64 = 24.0;
const RIGHT: f64 = 16.0;
const MAX_CELL: f64 = 64.0;
/// Narrowest cell that still takes a slanted column label.
const MIN_SLANTED: f64 = 20.0;
const MAX_LABEL: f64 = 220.0;
/// Shortest row: one line of label text.
const MIN_ROW: f64 = 16.0;
/// Slant of the column labels; sin and cos of 45°.
const SLANT: f64 = std::f64::consts::FRAC_1_SQRT_2;

/// How the columns are labelled.
enum Columns {
    /// The code labels, slanted.
    Slanted(Vec<text::Fitted>),
    /// Row numbers, upright or (in narrow cells) turned.
    Numbered { turned: bool, number_width: f64 },
}

/// The registry's entry: a co-occurrence matrix.
pub fn draw_spec(spec: &ChartSpec) -> Option<Drawing> {
    match &spec.data {
        super::ChartData::Matrix { labels, counts } => Some(draw(spec, labels, counts)),
        _ => None,
    }
}

/// Draws the co-occurrence `counts` of `labels`.
pub fn draw(spec: &ChartSpec, labels: &[String], counts: &[Vec<u64>]) -> Drawing {
    let f = &spec.format;
    let n = labels.len();
    let Layout {
        rows,
        columns,
        left,
        cell,
        row_height,
        top,
        height,
    } = layout(labels);
    let max_pair = (0..n)
        .flat_map(|i| (0..n).filter(move |&j| j != i).map(move |j| (i, j)))
        .map(|(i, j)| counts[i][j])
        .max()
        .unwrap_or(0);
    let largest = counts.iter().flatten().copied().max().unwrap_or(0);
    let show_counts =
        cell >= text::width(&f.count(largest), LABEL_SIZE) + 4.0 && row_height >= LABEL_SIZE + 2.0;

    let mut body = String::from("<g class=\"chart-cells\">");
    let mut texts = String::new();
    for (i, row) in counts.iter().enumerate() {
        let y = top + i as f64 * row_height;
        let full = rows[i].shortened.then_some(labels[i].as_str());
        let first = y + row_height / 2.0 + LABEL_SIZE * 0.35
            - (rows[i].lines.len() as f64 - 1.0) * LABEL_SIZE * svg::LINE_HEIGHT_EM / 2.0;
        let label_end = if let Columns::Numbered { number_width, .. } = &columns {
            svg::label(
                &mut texts,
                left - 8.0,
                y + row_height / 2.0 + LABEL_SIZE * 0.35,
                Anchor::End,
                "chart-tick",
                &(i + 1).to_string(),
            );
            left - 8.0 - number_width - 8.0
        } else {
            left - 8.0
        };
        svg::text(
            &mut texts,
            &svg::Text {
                x: label_end,
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
            let _ = write!(
                body,
                "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"><title>{}</title></rect>",
                ink.class(),
                num(x),
                num(y),
                num(cell),
                num(row_height),
                svg::escape(&tip)
            );
            if show_counts {
                let class = if level >= 4 {
                    "chart-value chart-on-dark"
                } else {
                    "chart-value"
                };
                svg::label(
                    &mut texts,
                    x + cell / 2.0,
                    y + row_height / 2.0 + LABEL_SIZE * 0.35,
                    Anchor::Middle,
                    class,
                    &f.count(count),
                );
            }
        }
    }
    body.push_str("</g>");
    column_labels(&mut texts, labels, &columns, left, cell, top);
    body.push_str(&texts);
    Drawing { body, height }
}

/// Where everything goes: the rows' labels, how the columns are
/// labelled, the left margin, the cell's width, a row's height, the top
/// of the cells and the whole height.
struct Layout {
    rows: Vec<text::Fitted>,
    columns: Columns,
    left: f64,
    cell: f64,
    row_height: f64,
    top: f64,
    height: f64,
}

/// Lays out a matrix of `labels`: slanted column labels where the cells
/// are wide enough, else numbered columns (turned in narrow cells).
fn layout(labels: &[String]) -> Layout {
    let n = labels.len();
    let row_lines = |cell: f64| {
        if cell >= 2.0 * LABEL_SIZE * svg::LINE_HEIGHT_EM + 4.0 {
            2
        } else {
            1
        }
    };
    // First try: slanted column labels, rows of up to two lines.
    let rows2: Vec<text::Fitted> = labels
        .iter()
        .map(|l| text::fit(l, MAX_LABEL * 0.8, LABEL_SIZE, 2))
        .collect();
    let slanted: Vec<text::Fitted> = labels
        .iter()
        .map(|l| text::fit(l, MAX_LABEL, LABEL_SIZE, 1))
        .collect();
    let widest = |fs: &[text::Fitted]| fs.iter().map(|l| l.width(LABEL_SIZE)).fold(30.0, f64::max);
    let left_slanted = 12.0 + widest(&rows2) + 10.0;
    // Column labels wrap like the row labels, on two lines, where the
    // cells leave room between two slanted labels for two lines of text;
    // else they take one longer line.
    let line = LABEL_SIZE * svg::LINE_HEIGHT_EM;
    let cell_for =
        |fs: &[text::Fitted]| (WIDTH - left_slanted - RIGHT - widest(fs) * SLANT) / n as f64;
    let slanted = if cell_for(&rows2).min(MAX_CELL) * SLANT >= 2.0 * line + 2.0 {
        rows2.clone()
    } else {
        slanted
    };
    let slant_lines = slanted.iter().map(|f| f.lines.len()).max().unwrap_or(1);
    let column_width = widest(&slanted);
    let cell_slanted = cell_for(&slanted);
    let (rows, columns, left, cell) = if cell_slanted >= MIN_SLANTED {
        let cell = cell_slanted.min(MAX_CELL);
        let rows = if row_lines(cell) == 2 {
            rows2
        } else {
            labels
                .iter()
                .map(|l| text::fit(l, MAX_LABEL * 0.8, LABEL_SIZE, 1))
                .collect()
        };
        (rows, Columns::Slanted(slanted), left_slanted, cell)
    } else {
        let number_width = text::width(&n.to_string(), LABEL_SIZE);
        let rows: Vec<text::Fitted> = labels
            .iter()
            .map(|l| text::fit(l, MAX_LABEL * 0.8, LABEL_SIZE, 1))
            .collect();
        let left = 12.0 + widest(&rows) + 8.0 + number_width + 8.0;
        let cell = ((WIDTH - left - RIGHT) / n as f64).min(MAX_CELL);
        let turned = cell < number_width + 4.0;
        (
            rows,
            Columns::Numbered {
                turned,
                number_width,
            },
            left,
            cell,
        )
    };
    let row_height = cell.max(MIN_ROW);
    let header = match &columns {
        Columns::Slanted(_) => (column_width + (slant_lines - 1) as f64 * line) * SLANT + 10.0,
        Columns::Numbered {
            turned: true,
            number_width,
        } => number_width + 10.0,
        Columns::Numbered { turned: false, .. } => LABEL_SIZE + 8.0,
    };
    let top = TOP + header;
    let height = top + row_height * n as f64 + 16.0;
    Layout {
        rows,
        columns,
        left,
        cell,
        row_height,
        top,
        height,
    }
}

/// The column labels over the cells, from `left`, `cell` wide, above `top`.
fn column_labels(
    texts: &mut String,
    labels: &[String],
    columns: &Columns,
    left: f64,
    cell: f64,
    top: f64,
) {
    for j in 0..labels.len() {
        let x = left + j as f64 * cell + cell / 2.0;
        match columns {
            Columns::Slanted(fitted) => {
                let label = &fitted[j];
                let _ = write!(
                    texts,
                    "<g transform=\"translate({},{}) rotate(-45)\">",
                    num(x),
                    num(top - 6.0)
                );
                // The last line ends at the column: earlier lines sit
                // above it, away from the cells.
                let lines_above = label.lines.len().saturating_sub(1) as f64;
                svg::text(
                    texts,
                    &svg::Text {
                        x: 0.0,
                        y: -lines_above * LABEL_SIZE * svg::LINE_HEIGHT_EM,
                        lines: &label.lines,
                        full: label.shortened.then_some(labels[j].as_str()),
                        anchor: Anchor::Start,
                        class: "chart-label",
                    },
                );
                texts.push_str("</g>");
            }
            Columns::Numbered { turned: true, .. } => {
                let _ = write!(
                    texts,
                    "<g transform=\"translate({},{}) rotate(-90)\">",
                    num(x + LABEL_SIZE * 0.35),
                    num(top - 6.0)
                );
                svg::label(
                    texts,
                    0.0,
                    0.0,
                    Anchor::Start,
                    "chart-tick",
                    &(j + 1).to_string(),
                );
                texts.push_str("</g>");
            }
            Columns::Numbered { turned: false, .. } => {
                svg::label(
                    texts,
                    x,
                    top - 6.0,
                    Anchor::Middle,
                    "chart-tick",
                    &(j + 1).to_string(),
                );
            }
        }
    }
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
