//! The chart colours on paper, shared by the PDF and Word writers.
//!
//! On the page a chart's SVG carries classes only, and the theme's
//! `charts.css` gives every colour through custom properties (`--chart-1`
//! to `--chart-8`, `--chart-ink`, ...), which an SVG renderer outside a
//! browser does not resolve. So a writer gives the SVG a style sheet of
//! plain colours: the theme's own custom properties, its light `:root`
//! with its `@media print` overrides on top (black ink on white paper), and
//! every `var()` and `color-mix()` worked out. A project whose theme
//! changes the palette gets its colours in every format.

use std::fmt::Write;

/// Whether text on series `k` is dark: the default theme's choice of
/// `--chart-on-light` over `--chart-on-fill` for light series colours.
const ON_LIGHT: [bool; 8] = [false, true, false, false, true, true, true, true];

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb` or `#rgb`; anything else (a `var()`, a name) is `None`.
    fn parse(s: &str) -> Option<Rgb> {
        let hex = s.trim().strip_prefix('#')?;
        let digit = |i: usize, n: usize| u8::from_str_radix(hex.get(i..i + n)?, 16).ok();
        match hex.len() {
            6 => Some(Rgb(digit(0, 2)?, digit(2, 2)?, digit(4, 2)?)),
            3 => Some(Rgb(digit(0, 1)? * 17, digit(1, 1)? * 17, digit(2, 1)? * 17)),
            _ => None,
        }
    }

    /// CSS's `color-mix(in srgb, self p%, other)`, rounded as browsers do.
    fn mix(self, p: u32, other: Rgb) -> Rgb {
        let c = |a: u8, b: u8| ((u32::from(a) * p + u32::from(b) * (100 - p) + 50) / 100) as u8;
        Rgb(c(self.0, other.0), c(self.1, other.1), c(self.2, other.2))
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colours of charts on paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Palette {
    /// `--chart-1` to `--chart-8`.
    pub series: [Rgb; 8],
    /// `--chart-ink`: text, event lines.
    pub ink: Rgb,
    /// `--chart-muted`: axes, ticks, notes.
    pub muted: Rgb,
    /// `--chart-grid`: grid lines, phases.
    pub grid: Rgb,
    /// `--chart-bg`: the paper.
    pub bg: Rgb,
    /// `--chart-on-fill`: a value on a dark series colour.
    pub on_fill: Rgb,
    /// `--chart-on-light`: a value on a light series colour.
    pub on_light: Rgb,
}

impl Default for Palette {
    /// The default theme's palette on paper.
    fn default() -> Palette {
        Palette::from_theme(include_str!("../../themes/default/charts.css"))
    }
}

impl Palette {
    /// The palette `charts.css` gives on paper: the custom properties of
    /// its first top-level `:root`, then those of `:root` inside
    /// `@media print`. A property the sheet lacks, or gives as something
    /// other than `#rrggbb` or `#rgb`, keeps the built-in default's colour.
    pub fn from_theme(css: &str) -> Palette {
        let mut p = BUILT_IN;
        let css = without_comments(css);
        if let Some(root) = block_after(&css, ":root") {
            p.set_all(root);
        }
        if let Some(print) = block_after(&css, "@media print") {
            if let Some(root) = block_after(print, ":root") {
                p.set_all(root);
            }
        }
        p
    }

    fn set_all(&mut self, block: &str) {
        for decl in block.split(';') {
            let Some((name, value)) = decl.split_once(':') else {
                continue;
            };
            let Some(colour) = Rgb::parse(value) else {
                continue;
            };
            let slot = match name.trim() {
                "--chart-ink" => &mut self.ink,
                "--chart-muted" => &mut self.muted,
                "--chart-grid" => &mut self.grid,
                "--chart-bg" => &mut self.bg,
                "--chart-on-fill" => &mut self.on_fill,
                "--chart-on-light" => &mut self.on_light,
                other => match other
                    .strip_prefix("--chart-")
                    .and_then(|n| n.parse::<usize>().ok())
                {
                    Some(n @ 1..=8) => &mut self.series[n - 1],
                    _ => continue,
                },
            };
            *slot = colour;
        }
    }

    /// The style sheet an SVG chart gets: every rule of `charts.css` that
    /// draws, with the print rules' dashes and opacities, and its colours
    /// resolved.
    pub fn stylesheet(&self) -> String {
        let Palette {
            series,
            ink,
            muted,
            grid,
            bg,
            on_fill,
            ..
        } = self;
        let mut css = String::with_capacity(4096);
        let _ = write!(
            css,
            "text{{fill:{ink};font-size:12px}}\
             .chart-slices path{{stroke:{bg};stroke-width:2;stroke-linejoin:round;fill-rule:evenodd}}\
             .chart-axis{{stroke:{muted};stroke-width:1;fill:none}}\
             .chart-grid{{stroke:{grid};stroke-width:1;fill:none}}\
             .chart-event{{stroke:{ink};stroke-width:1;stroke-dasharray:3 2;fill:none}}\
             .chart-phase{{fill:{grid};fill-opacity:0.45}}\
             .chart-tick,.chart-muted,.chart-note,.chart-phase-label{{fill:{muted}}}\
             .chart-note,.chart-phase-label{{font-size:11px}}\
             .chart-phase-label{{font-style:italic}}\
             .chart-value,.chart-strong,.chart-event-label{{font-weight:600}}\
             .chart-total{{font-size:30px;font-weight:700}}\
             .chart-illustrative{{font-size:11px;font-style:italic;fill:{}}}\
             .chart-on-fill{{fill:{on_fill};font-weight:600}}\
             .chart-cell{{stroke:{bg};stroke-width:2}}\
             .chart-diag{{fill:{};stroke:{muted};stroke-dasharray:3 2;stroke-width:1}}\
             .chart-on-dark{{fill:{bg}}}.chart-hit{{fill-opacity:0}}",
            series[3],
            ink.mix(10, *bg),
        );
        for (k, colour) in series.iter().enumerate() {
            let on = self.on(k);
            let _ = write!(
                css,
                ".chart-fill.chart-s{k}{{fill:{colour}}}\
                 .chart-line.chart-s{k}{{fill:none;stroke:{colour};stroke-width:2;stroke-linejoin:round;stroke-linecap:round}}\
                 .chart-area.chart-s{k}{{fill:{colour};fill-opacity:0.25;stroke:none}}\
                 .chart-s{k} .chart-on-fill,.chart-on-fill.chart-s{k},.chart-on-s{k} .chart-on-fill,.chart-on-fill.chart-on-s{k}{{fill:{on}}}"
            );
        }
        let heat = [
            grid.mix(35, *bg),
            series[0].mix(15, *bg),
            series[0].mix(32, *bg),
            series[0].mix(52, *bg),
            series[0].mix(74, *bg),
            series[0],
        ];
        for (k, colour) in heat.iter().enumerate() {
            let _ = write!(css, ".chart-h{k}{{fill:{colour}}}");
        }
        css
    }

    /// The colour of a value written on series `k`.
    fn on(&self, k: usize) -> Rgb {
        if ON_LIGHT[k % 8] {
            self.on_light
        } else {
            self.on_fill
        }
    }
}

/// What a theme without a palette gets: the default theme's print colours.
const BUILT_IN: Palette = Palette {
    series: [
        Rgb(0x00, 0x72, 0xb2),
        Rgb(0xe6, 0x9f, 0x00),
        Rgb(0x00, 0x9e, 0x73),
        Rgb(0xd5, 0x5e, 0x00),
        Rgb(0x56, 0xb4, 0xe9),
        Rgb(0xcc, 0x79, 0xa7),
        Rgb(0xf0, 0xe4, 0x42),
        Rgb(0x8c, 0x8c, 0x8c),
    ],
    ink: Rgb(0, 0, 0),
    muted: Rgb(0x33, 0x33, 0x33),
    grid: Rgb(0xbb, 0xbb, 0xbb),
    bg: Rgb(0xff, 0xff, 0xff),
    on_fill: Rgb(0xff, 0xff, 0xff),
    on_light: Rgb(0, 0, 0),
};

/// `css` without its `/* */` comments.
fn without_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// The inside of the `{ }` block that follows the first `prelude` at
/// nesting depth 0; `None` when there is none or it is never closed.
fn block_after<'a>(css: &'a str, prelude: &str) -> Option<&'a str> {
    let mut depth = 0usize;
    for (i, c) in css.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            _ if depth == 0 && css[i..].starts_with(prelude) => {
                let open = i + css[i..].find('{')?;
                let mut inner = 0usize;
                for (j, d) in css[open..].char_indices() {
                    match d {
                        '{' => inner += 1,
                        '}' => {
                            inner -= 1;
                            if inner == 0 {
                                return Some(&css[open + 1..open + j]);
                            }
                        }
                        _ => {}
                    }
                }
                return None;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_theme_gives_its_print_colours() {
        let p = Palette::default();
        assert_eq!(p, BUILT_IN);
        let css = p.stylesheet();
        assert!(css.contains(".chart-fill.chart-s1{fill:#e69f00}"), "{css}");
        // 15% of #0072b2 into white: 255 - 0.15 * (255 - c) per channel.
        assert!(css.contains(".chart-h1{fill:#d9eaf3}"), "{css}");
        // 10% of black into white.
        assert!(css.contains(".chart-diag{fill:#e6e6e6;"), "{css}");
        // Series 2 (orange) is light: black text on it on paper.
        assert!(
            css.contains(".chart-on-fill.chart-on-s1{fill:#000000}"),
            "{css}"
        );
    }

    #[test]
    fn a_theme_palette_and_its_print_rules_win() {
        let css = "/* :root { --chart-1: #111111; } */\n\
                   :root { --chart-1: #abc; --chart-ink: #222222; --chart-2: var(--x); }\n\
                   @media (prefers-color-scheme: dark) { :root { --chart-1: #ffffff; } }\n\
                   svg.chart { color: red; }\n\
                   @media print { :root { --chart-ink: #010203; } svg.chart { x: y; } }";
        let p = Palette::from_theme(css);
        assert_eq!(p.series[0], Rgb(0xaa, 0xbb, 0xcc));
        assert_eq!(p.series[1], BUILT_IN.series[1], "a var() keeps the default");
        assert_eq!(p.ink, Rgb(1, 2, 3), "print overrides the screen");
        assert!(p.stylesheet().contains("text{fill:#010203;"));
    }

    #[test]
    fn broken_css_gives_the_default() {
        for css in [
            "",
            ":root {",
            "@media print {",
            ":root { --chart-1: #12345g; }",
            "}}}{",
        ] {
            assert_eq!(Palette::from_theme(css), BUILT_IN, "{css}");
        }
    }
}
