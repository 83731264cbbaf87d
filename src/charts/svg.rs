//! The SVG text layer shared by every chart: escaping user text, writing
//! numbers compactly and wrapping a chart body in its accessible `<svg>`
//! document. Everything that lands in the output passes through here, so
//! escaping happens in one place.

use std::fmt::Write;

/// User text in SVG is escaped by the one escaper every stage uses.
pub use crate::escape::html as escape;

/// Writes a coordinate with at most one decimal and no trailing `.0`, which
/// keeps paths short while staying crisp at any zoom.
pub fn num(value: f64) -> String {
    let tenths = (value * 10.0).round() as i64;
    if tenths % 10 == 0 {
        format!("{}", tenths / 10)
    } else {
        let sign = if tenths < 0 { "-" } else { "" };
        format!("{sign}{}.{}", tenths.abs() / 10, tenths.abs() % 10)
    }
}

/// Where a text's anchor point sits along the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The text starts at the point.
    Start,
    /// The text is centred on the point.
    Middle,
    /// The text ends at the point.
    End,
}

/// One piece of text to draw, possibly wrapped onto several lines.
#[derive(Debug, Clone)]
pub struct Text<'a> {
    /// Anchor x.
    pub x: f64,
    /// Baseline y of the first line.
    pub y: f64,
    /// Lines to draw (already wrapped or truncated).
    pub lines: &'a [String],
    /// The full text, shown as a tooltip when the lines shorten it.
    pub full: Option<&'a str>,
    /// Horizontal anchoring.
    pub anchor: Anchor,
    /// CSS classes.
    pub class: &'a str,
}

/// Line height of wrapped labels, in em.
pub const LINE_HEIGHT_EM: f64 = 1.15;

/// Appends a `<text>` element for `text` to `out`.
pub fn text(out: &mut String, text: &Text<'_>) {
    let anchor = match text.anchor {
        Anchor::Start => "",
        Anchor::Middle => " text-anchor=\"middle\"",
        Anchor::End => " text-anchor=\"end\"",
    };
    let _ = write!(
        out,
        "<text class=\"{}\" x=\"{}\" y=\"{}\"{anchor}>",
        text.class,
        num(text.x),
        num(text.y)
    );
    if let Some(full) = text.full {
        let _ = write!(out, "<title>{}</title>", escape(full));
    }
    match text.lines {
        [one] => out.push_str(&escape(one)),
        lines => {
            for (i, line) in lines.iter().enumerate() {
                let dy = if i == 0 {
                    "0".to_string()
                } else {
                    format!("{LINE_HEIGHT_EM}em")
                };
                let _ = write!(
                    out,
                    "<tspan x=\"{}\" dy=\"{dy}\">{}</tspan>",
                    num(text.x),
                    escape(line)
                );
            }
        }
    }
    out.push_str("</text>");
}

/// Appends a single-line `<text>` element.
pub fn label(out: &mut String, x: f64, y: f64, anchor: Anchor, class: &str, content: &str) {
    text(
        out,
        &Text {
            x,
            y,
            lines: &[content.to_string()],
            full: None,
            anchor,
            class,
        },
    );
}

/// Appends an invisible rectangle over a mark whose value is not printed,
/// so hovering it shows `tip`. Transparent by attribute, not by theme, so
/// it never hides the mark even without the stylesheet.
pub fn hit_area(out: &mut String, (x0, y0): (f64, f64), (x1, y1): (f64, f64), tip: &str) {
    let _ = write!(
        out,
        "<rect class=\"chart-hit\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill-opacity=\"0\"><title>{}</title></rect>",
        num(x0),
        num(y0),
        num(x1 - x0),
        num(y1 - y0),
        escape(tip)
    );
}

/// Tick labels along an axis, each centred on its tick (`x`, label) but
/// kept inside `width`: a label pushed in from the edge that would then
/// touch its neighbour is left out (its tick line stays), so the ends of
/// an axis never crowd.
pub fn tick_labels(out: &mut String, ticks: &[(f64, String)], y: f64, width: f64) {
    let placed: Vec<(f64, f64)> = ticks
        .iter()
        .map(|(x, l)| {
            let half = super::text::width(l, super::text::LABEL_SIZE) / 2.0;
            (
                x.clamp(half + 2.0, (width - half - 2.0).max(half + 2.0)),
                half,
            )
        })
        .collect();
    let mut last: Option<(f64, f64)> = None;
    for (&(x, half), (_, l)) in placed.iter().zip(ticks) {
        if last.is_none_or(|(lx, lh)| x - half >= lx + lh + 16.0) {
            label(out, x, y, Anchor::Middle, "chart-tick", l);
            last = Some((x, half));
        }
    }
}

/// The parts of an accessible SVG document around a chart body.
pub struct Document<'a> {
    /// Prefix for ids inside the SVG (`spec.id`).
    pub id: &'a str,
    /// Chart kind name, added as a class (`chart-donut`).
    pub kind: &'a str,
    /// `<title>` text.
    pub title: &'a str,
    /// `<desc>` text: the summary in words.
    pub desc: &'a str,
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// Adds the "Illustrative data" mark in the top-right corner.
    pub illustrative: bool,
}

/// The text of the mark on charts drawn from illustrative data.
pub const ILLUSTRATIVE: &str = "Illustrative data";

impl Document<'_> {
    /// Wraps `body` in the root `<svg>` with title, desc and viewBox. The
    /// width scales with the column while the viewBox keeps proportions.
    pub fn finish(&self, body: &str) -> String {
        let id = escape(self.id);
        let mut out = String::with_capacity(body.len() + 512);
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-{kind}\" \
             role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {w} {h}\" \
             width=\"100%\" style=\"max-width:{w}px\" preserveAspectRatio=\"xMidYMid meet\">\
             <title id=\"{id}-title\">{title}</title><desc id=\"{id}-desc\">{desc}</desc>",
            kind = self.kind,
            w = num(self.width),
            h = num(self.height),
            title = escape(self.title),
            desc = escape(self.desc),
        );
        out.push_str(body);
        if self.illustrative {
            label(
                &mut out,
                self.width - 4.0,
                12.0,
                Anchor::End,
                "chart-illustrative",
                ILLUSTRATIVE,
            );
        }
        out.push_str("</svg>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            escape(r#"<a href="x">'&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn numbers_have_at_most_one_decimal() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.04), "12");
        assert_eq!(num(12.06), "12.1");
        assert_eq!(num(-0.45), "-0.5");
        assert_eq!(num(-3.0), "-3");
    }

    #[test]
    fn wrapped_text_uses_tspans_and_title() {
        let mut out = String::new();
        let lines = ["Death of".to_string(), "\"Code…".to_string()];
        text(
            &mut out,
            &Text {
                x: 5.0,
                y: 10.0,
                lines: &lines,
                full: Some("Death of \"Code\""),
                anchor: Anchor::End,
                class: "chart-label",
            },
        );
        assert!(out.contains("<title>Death of &quot;Code&quot;</title>"));
        assert_eq!(out.matches("<tspan").count(), 2);
    }
}
