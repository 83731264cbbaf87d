//! The chart style sheet for print: the SVG charts carry classes only and
//! take their colours from the theme's custom properties, which an SVG
//! renderer without the page does not know. This is the theme's light,
//! print palette (themes/default/charts.css) with every `var()` and
//! `color-mix()` worked out.

use std::fmt::Write;

/// Series colours (Okabe–Ito), as in the theme.
const SERIES: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442", "#8c8c8c",
];
/// Whether text on series `k` is dark (the theme's `--chart-on-light`).
const ON_LIGHT: [bool; 8] = [false, true, false, false, true, true, true, true];
const INK: &str = "#000000";
const MUTED: &str = "#333333";
const GRID: &str = "#bbbbbb";
const BG: &str = "#ffffff";

/// The style sheet, for `usvg::Options::style_sheet`; `font` is the
/// family the charts' text is set in.
pub fn sheet(font: &str) -> String {
    let mut css = String::with_capacity(4096);
    let _ = write!(
        css,
        "svg {{ font-family: {font}; font-size: 12px; }}\
         text {{ fill: {INK}; font-size: 12px; }}\
         .chart-axis {{ stroke: {MUTED}; stroke-width: 1; fill: none; }}\
         .chart-grid {{ stroke: {GRID}; stroke-width: 1; fill: none; }}\
         .chart-event {{ stroke: {INK}; stroke-width: 1; stroke-dasharray: 3 2; fill: none; }}\
         .chart-phase {{ fill: {GRID}; fill-opacity: 0.45; }}\
         .chart-slices path {{ stroke: {BG}; stroke-width: 2; stroke-linejoin: round; fill-rule: evenodd; }}\
         .chart-tick, .chart-muted, .chart-note, .chart-phase-label {{ fill: {MUTED}; }}\
         .chart-note, .chart-phase-label {{ font-size: 11px; }}\
         .chart-phase-label {{ font-style: italic; }}\
         .chart-value {{ font-weight: 600; }}\
         .chart-strong, .chart-event-label {{ font-weight: 600; }}\
         .chart-total {{ font-size: 30px; font-weight: 700; }}\
         .chart-illustrative {{ font-size: 11px; font-style: italic; fill: {}; }}\
         .chart-on-fill {{ fill: {BG}; font-weight: 600; }}\
         .chart-cell {{ stroke: {BG}; stroke-width: 2; }}\
         .chart-on-dark {{ fill: {BG}; }}",
        SERIES[3]
    );
    for (k, colour) in SERIES.iter().enumerate() {
        let on = if ON_LIGHT[k] { INK } else { BG };
        let _ = write!(
            css,
            ".chart-fill.chart-s{k} {{ fill: {colour}; }}\
             .chart-line.chart-s{k} {{ fill: none; stroke: {colour}; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; }}\
             .chart-area.chart-s{k} {{ fill: {colour}; fill-opacity: 0.25; stroke: none; }}\
             .chart-s{k} .chart-on-fill, .chart-on-fill.chart-s{k}, .chart-on-fill.chart-on-s{k}, .chart-on-s{k} .chart-on-fill {{ fill: {on}; }}"
        );
    }
    let heat = [
        mix(GRID, 0.35),
        mix(SERIES[0], 0.15),
        mix(SERIES[0], 0.32),
        mix(SERIES[0], 0.52),
        mix(SERIES[0], 0.74),
        SERIES[0].to_string(),
    ];
    for (k, colour) in heat.iter().enumerate() {
        let _ = write!(css, ".chart-h{k} {{ fill: {colour}; }}");
    }
    let _ = write!(
        css,
        ".chart-diag {{ fill: {}; stroke: {MUTED}; stroke-dasharray: 3 2; stroke-width: 1; }}",
        mix(INK, 0.10)
    );
    css
}

/// `color-mix(in srgb, colour share, white)`.
fn mix(colour: &str, share: f32) -> String {
    let channel = |i: usize| {
        let c = u8::from_str_radix(&colour[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0);
        let v = f32::from(c) * share + 255.0 * (1.0 - share);
        v.round().clamp(0.0, 255.0) as u8
    };
    format!("#{:02x}{:02x}{:02x}", channel(0), channel(1), channel(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_mix_with_white() {
        // 0x00*0.5 + 255*0.5 = 127.5 → 128 = 0x80; 0x72=114 → 184.5 → 185 = 0xb9
        assert_eq!(mix("#0072b2", 0.5), "#80b9d9");
        assert_eq!(mix("#000000", 0.10), "#e6e6e6");
    }
}
