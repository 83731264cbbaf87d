//! A chart's SVG made to stand alone on paper. On the page the SVG
//! carries classes only and `themes/default/charts.css` gives every
//! colour through custom properties, which an SVG renderer outside a
//! browser does not resolve. So the writer adds a `<style>` of plain
//! colours: the default theme's palette as its print rules set it (black
//! ink, white paper), and gives the root a size in pixels instead of the
//! page's `width="100%"`.

use std::fmt::Write;

/// The default theme's series colours, `--chart-1` to `--chart-8`.
const SERIES: [&str; 8] = [
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#f0e442", "#8c8c8c",
];
/// `--on-series` per series: white on dark fills, ink on light ones.
const ON_LIGHT: [bool; 8] = [false, true, false, false, true, true, true, true];
/// The print palette (`@media print` in `charts.css`).
const INK: &str = "#000000";
const MUTED: &str = "#333333";
const GRID: &str = "#bbbbbb";
const BG: &str = "#ffffff";

/// The stylesheet the SVG gets: every rule of `charts.css` that draws,
/// with its custom properties resolved.
fn stylesheet() -> String {
    let mut css = String::with_capacity(4096);
    css.push_str("text{fill:");
    css.push_str(INK);
    css.push_str(";font-size:12px}");
    for (n, colour) in SERIES.iter().enumerate() {
        let on = if ON_LIGHT[n] { INK } else { BG };
        let _ = write!(
            css,
            ".chart-fill.chart-s{n}{{fill:{colour}}}\
             .chart-line.chart-s{n}{{fill:none;stroke:{colour};stroke-width:2;stroke-linejoin:round;stroke-linecap:round}}\
             .chart-area.chart-s{n}{{fill:{colour};fill-opacity:0.25;stroke:none}}\
             .chart-on-fill.chart-on-s{n}{{fill:{on};font-weight:600}}"
        );
    }
    let _ = write!(
        css,
        ".chart-slices path{{stroke:{BG};stroke-width:2;stroke-linejoin:round;fill-rule:evenodd}}\
         .chart-axis{{stroke:{MUTED};stroke-width:1;fill:none}}\
         .chart-grid{{stroke:{GRID};stroke-width:1;fill:none}}\
         .chart-event{{stroke:{INK};stroke-width:1;stroke-dasharray:3 2;fill:none}}\
         .chart-phase{{fill:{GRID};fill-opacity:0.45}}\
         .chart-tick,.chart-muted,.chart-note,.chart-phase-label{{fill:{MUTED}}}\
         .chart-note,.chart-phase-label{{font-size:11px}}\
         .chart-phase-label{{font-style:italic}}\
         .chart-value,.chart-strong,.chart-event-label{{font-weight:600}}\
         .chart-total{{font-size:30px;font-weight:700}}\
         .chart-illustrative{{font-size:11px;font-style:italic;fill:{}}}\
         .chart-cell{{stroke:{BG};stroke-width:2}}\
         .chart-h0{{fill:{}}}.chart-h1{{fill:{}}}.chart-h2{{fill:{}}}\
         .chart-h3{{fill:{}}}.chart-h4{{fill:{}}}.chart-h5{{fill:{}}}\
         .chart-diag{{fill:{};stroke:{MUTED};stroke-dasharray:3 2;stroke-width:1}}\
         .chart-on-dark{{fill:{BG}}}.chart-hit{{fill-opacity:0}}",
        SERIES[3],
        mix(GRID, 35, BG),
        mix(SERIES[0], 15, BG),
        mix(SERIES[0], 32, BG),
        mix(SERIES[0], 52, BG),
        mix(SERIES[0], 74, BG),
        SERIES[0],
        mix(INK, 10, BG),
    );
    css
}

/// CSS's `color-mix(in srgb, a p%, b)` of two `#rrggbb` colours.
fn mix(a: &str, p: u32, b: &str) -> String {
    let channel =
        |c: &str, i: usize| u32::from_str_radix(&c[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0);
    let mut out = String::from("#");
    for i in 0..3 {
        let v = (channel(a, i) * p + channel(b, i) * (100 - p) + 50) / 100;
        let _ = write!(out, "{v:02x}");
    }
    out
}

/// The chart's SVG with its stylesheet and a fixed size, and that size
/// (the viewBox's width and height, in CSS pixels). `None` when the SVG
/// has no root element or viewBox findings' charts always write.
pub fn standalone(svg: &str) -> Option<(String, f64, f64)> {
    let start = svg.find("<svg")?;
    let open_end = start + svg[start..].find('>')?;
    let root = &svg[start..open_end];
    let view = attribute(root, "viewBox")?;
    let mut nums = view
        .split_whitespace()
        .filter_map(|n| n.parse::<f64>().ok());
    let (_, _, w, h) = (nums.next()?, nums.next()?, nums.next()?, nums.next()?);
    if !(w > 0.0 && h > 0.0) {
        return None;
    }
    let root = root
        .replace(" width=\"100%\"", &format!(" width=\"{w}\" height=\"{h}\""))
        .replace(&format!(" style=\"max-width:{w}px\""), "");
    let mut out = String::with_capacity(svg.len() + 4096);
    out.push_str(&svg[..start]);
    out.push_str(&root);
    out.push_str("><style>");
    out.push_str(&stylesheet());
    out.push_str("</style>");
    out.push_str(&svg[open_end + 1..]);
    Some((out, w, h))
}

/// The value of attribute `name` in an opening tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let from = tag.find(&key)? + key.len();
    let len = tag[from..].find('"')?;
    Some(&tag[from..from + len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixes_like_css() {
        // 15% of #0072b2 into white: 255 - 0.15 * (255 - c) per channel.
        assert_eq!(mix("#0072b2", 15, "#ffffff"), "#d9eaf3");
        assert_eq!(mix("#000000", 10, "#ffffff"), "#e6e6e6");
    }

    #[test]
    fn gives_the_root_a_size_and_a_stylesheet() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 200\" width=\"100%\" style=\"max-width:640px\"><rect class=\"chart-fill chart-s1\"/></svg>";
        let (out, w, h) = standalone(svg).expect("a chart");
        assert_eq!((w, h), (640.0, 200.0));
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 200\" width=\"640\" height=\"200\"><style>"), "{out}");
        assert!(out.contains(".chart-fill.chart-s1{fill:#e69f00}"));
        assert!(out.ends_with("</style><rect class=\"chart-fill chart-s1\"/></svg>"));
        assert!(standalone("<p>no chart</p>").is_none());
        assert!(standalone("<svg viewBox=\"0 0 0 10\"></svg>").is_none());
    }
}
