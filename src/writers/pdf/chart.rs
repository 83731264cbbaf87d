//! A chart's SVG made to stand alone on paper: the writer adds a
//! `<style>` of the theme's colours on paper ([`Palette`]), and gives the
//! root a size in pixels instead of the page's `width="100%"`.

use crate::writers::palette::Palette;

/// The chart's SVG with its stylesheet and a fixed size, and that size
/// (the viewBox's width and height, in CSS pixels). `None` when the SVG
/// has no root element or viewBox findings' charts always write.
pub fn standalone(svg: &str, palette: &Palette) -> Option<(String, f64, f64)> {
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
    out.push_str(&palette.stylesheet());
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
    fn gives_the_root_a_size_and_a_stylesheet() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 200\" width=\"100%\" style=\"max-width:640px\"><rect class=\"chart-fill chart-s1\"/></svg>";
        let (out, w, h) = standalone(svg, &Palette::default()).expect("a chart");
        assert_eq!((w, h), (640.0, 200.0));
        assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 640 200\" width=\"640\" height=\"200\"><style>"), "{out}");
        assert!(out.contains(".chart-fill.chart-s1{fill:#e69f00}"));
        assert!(out.ends_with("</style><rect class=\"chart-fill chart-s1\"/></svg>"));
        assert!(standalone("<p>no chart</p>", &Palette::default()).is_none());
        assert!(standalone("<svg viewBox=\"0 0 0 10\"></svg>", &Palette::default()).is_none());
    }
}
