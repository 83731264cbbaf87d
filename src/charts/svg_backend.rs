//! A plotters `DrawingBackend` that writes compact SVG into a string.
//!
//! Plotters works in integer backend pixels; this backend runs at ten
//! backend units per viewBox unit, so every coordinate lands on a tenth and
//! is written with at most one decimal. Colours are not written: each
//! style's colour is decoded as an [`Ink`] and becomes CSS classes.

use std::fmt::Write;
use std::ops::Range;

use plotters::coord::ranged1d::AsRangedCoord;
use plotters::coord::Shift;
use plotters::prelude::{Cartesian2d, DrawingArea, IntoDrawingArea};
use plotters_backend::text_anchor::HPos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::palette::Ink;
use super::svg::{self, Anchor};
use super::text;

/// Backend units per viewBox unit.
pub const SCALE: f64 = 10.0;

/// Writes plotters drawing operations as SVG elements into `out`.
pub struct SvgBackend<'a> {
    out: &'a mut String,
    size: (u32, u32),
}

impl<'a> SvgBackend<'a> {
    /// A backend for a `width` × `height` viewBox, appending to `out`.
    pub fn new(out: &'a mut String, width: f64, height: f64) -> Self {
        let size = (
            (width * SCALE).round() as u32,
            (height * SCALE).round() as u32,
        );
        SvgBackend { out, size }
    }

    fn class(color: BackendColor) -> String {
        Ink::decode(color)
            .map(Ink::class)
            .unwrap_or_else(|| "chart-ink".to_string())
    }

    fn coord(&mut self, (x, y): BackendCoord) {
        let _ = write!(self.out, "{} {}", unit(x), unit(y));
    }

    /// Appends `points` as path data, skipping repeats that rounding made.
    fn path_data<I: IntoIterator<Item = BackendCoord>>(&mut self, points: I) -> usize {
        let mut last = None;
        let mut count = 0;
        for p in points {
            if last == Some(p) {
                continue;
            }
            self.out.push_str(match count {
                0 => "M",
                1 => "L",
                _ => " ",
            });
            self.coord(p);
            last = Some(p);
            count += 1;
        }
        count
    }
}

/// A backend coordinate in viewBox units.
fn unit(v: i32) -> String {
    svg::num(f64::from(v) / SCALE)
}

/// A viewBox coordinate in backend units.
pub fn backend(v: f64) -> i32 {
    (v * SCALE).round() as i32
}

/// A backend point in viewBox units.
pub fn view((x, y): BackendCoord) -> (f64, f64) {
    (f64::from(x) / SCALE, f64::from(y) / SCALE)
}

/// A drawing area of `width` × `height` viewBox units over `out`, mapping
/// the data ranges `x` and `y` onto the viewBox rectangle `px` × `py`.
pub fn plot_area<'a, X: AsRangedCoord, Y: AsRangedCoord>(
    out: &'a mut String,
    (width, height): (f64, f64),
    x: X,
    y: Y,
    px: Range<f64>,
    py: Range<f64>,
) -> DrawingArea<SvgBackend<'a>, Cartesian2d<X::CoordDescType, Y::CoordDescType>> {
    let root: DrawingArea<SvgBackend<'a>, Shift> =
        SvgBackend::new(out, width, height).into_drawing_area();
    root.apply_coord_spec(Cartesian2d::new(
        x,
        y,
        (
            backend(px.start)..backend(px.end),
            backend(py.start)..backend(py.end),
        ),
    ))
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.draw_rect(point, (point.0 + 1, point.1 + 1), &color, true)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (x0, x1) = (
            upper_left.0.min(bottom_right.0),
            upper_left.0.max(bottom_right.0),
        );
        let (y0, y1) = (
            upper_left.1.min(bottom_right.1),
            upper_left.1.max(bottom_right.1),
        );
        let no_fill = if fill { "" } else { " fill=\"none\"" };
        let _ = write!(
            self.out,
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{no_fill}/>",
            Self::class(style.color()),
            unit(x0),
            unit(y0),
            unit(x1 - x0),
            unit(y1 - y0)
        );
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mark = self.out.len();
        let _ = write!(
            self.out,
            "<path class=\"{}\" fill=\"none\" d=\"",
            Self::class(style.color())
        );
        if self.path_data(path) < 2 {
            // A single point draws nothing; leave no empty element behind.
            self.out.truncate(mark);
            return Ok(());
        }
        self.out.push_str("\"/>");
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let no_fill = if fill { "" } else { " fill=\"none\"" };
        let _ = write!(
            self.out,
            "<circle class=\"{}\" cx=\"{}\" cy=\"{}\" r=\"{}\"{no_fill}/>",
            Self::class(style.color()),
            unit(center.0),
            unit(center.1),
            unit(radius as i32)
        );
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let mark = self.out.len();
        let _ = write!(
            self.out,
            "<path class=\"{}\" d=\"",
            Self::class(style.color())
        );
        if self.path_data(vert) < 3 {
            self.out.truncate(mark);
            return Ok(());
        }
        self.out.push_str("Z\"/>");
        Ok(())
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        content: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let anchor = match style.anchor().h_pos {
            HPos::Left => Anchor::Start,
            HPos::Center => Anchor::Middle,
            HPos::Right => Anchor::End,
        };
        let (x, y) = (f64::from(pos.0) / SCALE, f64::from(pos.1) / SCALE);
        svg::label(self.out, x, y, anchor, "chart-label", content);
        Ok(())
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        content: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        let size = style.size();
        Ok((
            (text::width(content, size) * SCALE) as u32,
            (size * SCALE) as u32,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use plotters::prelude::{PathElement, Rectangle};
    use plotters::style::Color;

    #[test]
    fn writes_classes_and_tenths() {
        let mut out = String::new();
        {
            let area = plot_area(
                &mut out,
                (100.0, 50.0),
                0.0..10.0,
                0.0..1.0,
                10.0..90.0,
                40.0..10.0,
            );
            area.draw(&Rectangle::new(
                [(0.0, 0.0), (3.33, 0.5)],
                Ink::Fill(1).color().filled(),
            ))
            .unwrap();
            area.draw(&PathElement::new(
                vec![(0.0, 0.0), (10.0, 1.0)],
                Ink::Line(2).color(),
            ))
            .unwrap();
        }
        assert!(out.contains("<rect class=\"chart-fill chart-s1\" x=\"10\" y=\"25\" width=\"26.6\" height=\"15\"/>"), "{out}");
        assert!(
            out.contains("<path class=\"chart-line chart-s2\" fill=\"none\" d=\"M10 40L90 10\"/>"),
            "{out}"
        );
        assert!(!out.contains("rgb"));
    }
}
