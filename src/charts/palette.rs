//! Inks: the named roles a mark can play (series fill, axis, grid, heat
//! level…). Plotters styles carry a colour, not a class, so each ink is
//! encoded as a reserved colour that the SVG backend decodes back into CSS
//! classes. No real colour ever reaches the SVG; the theme's
//! `charts.css` maps classes to its palette.

use plotters::style::RGBColor;
use plotters_backend::BackendColor;

/// Number of distinct series classes (`chart-s0` … `chart-s7`).
pub const SERIES: usize = 8;
/// Number of heat levels (`chart-h0` … `chart-h5`).
pub const HEAT_LEVELS: usize = 6;

/// The role of a drawn mark, which decides its CSS classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    /// A filled mark (bar, slice, swatch) in series colour `n`.
    Fill(usize),
    /// A series line in colour `n`.
    Line(usize),
    /// The translucent fill under a series line.
    Area(usize),
    /// Axis lines and ticks.
    Axis,
    /// Grid lines.
    Grid,
    /// Event markers on a timeline.
    Event,
    /// Shaded phases on a timeline.
    Phase,
    /// A heatmap cell at level `n`.
    Heat(usize),
    /// A heatmap cell on the diagonal (a code with itself).
    Diagonal,
}

/// Marks the blue channel of encoded colours, so that a stray plain colour
/// is recognisable as not being an ink.
const SENTINEL: u8 = 0xA5;

impl Ink {
    /// The colour that stands for this ink in plotters styles.
    pub fn color(self) -> RGBColor {
        let (tag, n) = match self {
            Ink::Fill(n) => (1, n % SERIES),
            Ink::Line(n) => (2, n % SERIES),
            Ink::Area(n) => (3, n % SERIES),
            Ink::Axis => (4, 0),
            Ink::Grid => (5, 0),
            Ink::Event => (6, 0),
            Ink::Phase => (7, 0),
            Ink::Heat(n) => (8, n.min(HEAT_LEVELS - 1)),
            Ink::Diagonal => (9, 0),
        };
        RGBColor(tag, n as u8, SENTINEL)
    }

    /// The ink a backend colour stands for, if it is one.
    pub fn decode(color: BackendColor) -> Option<Ink> {
        let (tag, n, sentinel) = color.rgb;
        let n = usize::from(n);
        if sentinel != SENTINEL {
            return None;
        }
        Some(match tag {
            1 => Ink::Fill(n),
            2 => Ink::Line(n),
            3 => Ink::Area(n),
            4 => Ink::Axis,
            5 => Ink::Grid,
            6 => Ink::Event,
            7 => Ink::Phase,
            8 => Ink::Heat(n),
            9 => Ink::Diagonal,
            _ => return None,
        })
    }

    /// The CSS classes of this ink.
    pub fn class(self) -> String {
        match self {
            Ink::Fill(n) => format!("chart-fill chart-s{}", n % SERIES),
            Ink::Line(n) => format!("chart-line chart-s{}", n % SERIES),
            Ink::Area(n) => format!("chart-area chart-s{}", n % SERIES),
            Ink::Axis => "chart-axis".to_string(),
            Ink::Grid => "chart-grid".to_string(),
            Ink::Event => "chart-event".to_string(),
            Ink::Phase => "chart-phase".to_string(),
            Ink::Heat(n) => format!("chart-cell chart-h{}", n.min(HEAT_LEVELS - 1)),
            Ink::Diagonal => "chart-cell chart-diag".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::style::Color;

    #[test]
    fn inks_round_trip_through_colours() {
        for ink in [
            Ink::Fill(3),
            Ink::Line(7),
            Ink::Area(0),
            Ink::Axis,
            Ink::Grid,
            Ink::Event,
            Ink::Phase,
            Ink::Heat(5),
            Ink::Diagonal,
        ] {
            assert_eq!(Ink::decode(ink.color().to_backend_color()), Some(ink));
        }
        assert_eq!(Ink::decode(RGBColor(0, 0, 0).to_backend_color()), None);
    }
}
