//! Pictures for the file: a chart's SVG rasterised with resvg at print
//! resolution (300 dpi at its printed width), an image's PNG or JPEG kept
//! as is with its size read from its header, an SVG image rasterised like
//! a chart. Every size is bounded before anything is allocated, so an
//! SVG or image claiming a huge size costs nothing.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

use crate::writers::palette::Palette;

use super::ctx::Page;

/// Print resolution of rasterised charts.
pub const DPI: f32 = 300.0;
/// EMUs (DrawingML's unit) per inch.
pub const EMU_PER_INCH: f32 = 914_400.0;
/// Longest side of a rasterised picture, in pixels.
const MAX_SIDE: u32 = 6000;
/// Largest SVG read.
const MAX_SVG_BYTES: usize = 16 << 20;
/// The family charts are set in when the options name none: fontdb falls
/// back per character to any system font that has it (CJK, Arabic, emoji).
const CHART_FONTS: &str = "'Noto Sans', 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";

/// A picture ready for the package.
#[derive(Debug, Clone)]
pub struct Picture {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// Its file extension (`png`, `jpeg`).
    pub ext: &'static str,
    /// Printed width and height in EMUs.
    pub size: (u64, u64),
}

/// The families charts are set in, in the order the style sheet names
/// them: `font` first when given.
pub fn chart_families(font: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = font.map(str::to_string).into_iter().collect();
    out.extend(
        CHART_FONTS
            .split(',')
            .map(|f| f.trim().trim_matches('\'').to_string())
            .filter(|f| f != "sans-serif"),
    );
    out
}

/// The system's fonts, read once per process.
pub fn fonts() -> Arc<fontdb::Database> {
    static FONTS: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = fontdb::Database::new();
            db.load_system_fonts();
            Arc::new(db)
        })
        .clone()
}

/// The charts' style sheet: `font` (else any installed sans-serif) and the
/// theme's colours on paper.
pub fn sheet(font: Option<&str>, palette: &Palette) -> String {
    // A family name ends at a quote or a rule's end: keep it inside its quotes.
    let family = font.map_or_else(
        || CHART_FONTS.to_string(),
        |f| {
            let f: String = f.chars().filter(|c| !"'\";{}<>\\".contains(*c)).collect();
            format!("'{f}', {CHART_FONTS}")
        },
    );
    format!(
        "svg{{font-family:{family};font-size:12px}}{}",
        palette.stylesheet()
    )
}

/// A chart's SVG as a PNG as wide as the text (or shorter when the chart
/// would be taller than the page), drawn with style sheet `sheet`.
pub fn chart(svg: &str, page: &Page, sheet: &str) -> Result<Picture, String> {
    let width_in = page.text_width() as f32 / 1440.0;
    render_svg(svg, Some(sheet.to_string()), width_in, page)
}

/// An image of a figure: PNG and JPEG as they are, SVG rasterised.
pub fn image(mime: &str, bytes: &[u8], page: &Page) -> Result<Picture, String> {
    let (ext, dims) = match mime {
        "image/png" => ("png", png_size(bytes)),
        "image/jpeg" | "image/jpg" => ("jpeg", jpeg_size(bytes)),
        "image/svg+xml" => {
            let svg = std::str::from_utf8(bytes).map_err(|_| "the SVG is not UTF-8".to_string())?;
            let natural = parse(svg, None)?.size().width() / 96.0;
            let width_in = natural.min(page.text_width() as f32 / 1440.0);
            return render_svg(svg, None, width_in, page);
        }
        other => return Err(format!("a Word file cannot show an image of type {other}")),
    };
    let (w, h) = dims.ok_or_else(|| format!("the {ext} image's size cannot be read"))?;
    // Shown at 96 pixels an inch, as the page shows it, within the text.
    let (w_in, h_in) = fit(w as f32 / 96.0, h as f32 / 96.0, page);
    Ok(Picture {
        bytes: bytes.to_vec(),
        ext,
        size: (emu(w_in), emu(h_in)),
    })
}

fn parse(svg: &str, sheet: Option<String>) -> Result<usvg::Tree, String> {
    if svg.len() > MAX_SVG_BYTES {
        return Err(format!(
            "the SVG is larger than {} MiB",
            MAX_SVG_BYTES >> 20
        ));
    }
    let options = usvg::Options {
        fontdb: fonts(),
        style_sheet: sheet,
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| format!("the SVG cannot be read: {e}"))
}

/// Rasterises `svg` to `width_in` inches at [`DPI`], on white.
fn render_svg(
    svg: &str,
    sheet: Option<String>,
    width_in: f32,
    page: &Page,
) -> Result<Picture, String> {
    let tree = parse(svg, sheet)?;
    let size = tree.size();
    let (sw, sh) = (size.width(), size.height());
    if !(sw.is_finite() && sh.is_finite() && sw > 0.0 && sh > 0.0) {
        return Err("the SVG has no size".to_string());
    }
    let (w_in, h_in) = fit(width_in, width_in * sh / sw, page);
    let px_w = (w_in * DPI).round().clamp(1.0, MAX_SIDE as f32) as u32;
    let px_h = (h_in * DPI).round().clamp(1.0, MAX_SIDE as f32) as u32;
    let mut pixmap = Pixmap::new(px_w, px_h).ok_or("the picture is too large")?;
    pixmap.fill(Color::WHITE);
    let transform = Transform::from_scale(px_w as f32 / sw, px_h as f32 / sh);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    let bytes = encode(&pixmap).map_err(|e| format!("the picture cannot be encoded: {e}"))?;
    Ok(Picture {
        bytes,
        ext: "png",
        size: (emu(w_in), emu(h_in)),
    })
}

/// The pixmap as an RGB PNG: it is opaque (drawn on white), so alpha
/// would only cost a quarter more; fdeflate's fast mode encodes a page-
/// wide chart in a few milliseconds, where the default level takes tens.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let mut rgb = Vec::with_capacity(pixmap.data().len() / 4 * 3);
    for p in pixmap.data().chunks_exact(4) {
        rgb.extend_from_slice(&p[..3]);
    }
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// `w` × `h` inches scaled down, keeping the aspect, to fit the text
/// area (at most 85% of its height, leaving room for the caption).
fn fit(w: f32, h: f32, page: &Page) -> (f32, f32) {
    let max_w = page.text_width() as f32 / 1440.0;
    let max_h = page.text_height() as f32 / 1440.0 * 0.85;
    let (w, h) = (w.max(0.01), h.max(0.01));
    let scale = (max_w / w).min(max_h / h).min(1.0);
    (w * scale, h * scale)
}

fn emu(inches: f32) -> u64 {
    (inches * EMU_PER_INCH).round().max(1.0) as u64
}

/// Width and height from a PNG's IHDR.
fn png_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 24 || &b[..8] != b"\x89PNG\r\n\x1a\n" || &b[12..16] != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b[16..20].try_into().ok()?);
    let h = u32::from_be_bytes(b[20..24].try_into().ok()?);
    (w > 0 && h > 0).then_some((w, h))
}

/// Width and height from a JPEG's first start-of-frame marker.
fn jpeg_size(b: &[u8]) -> Option<(u32, u32)> {
    if b.len() < 4 || b[0] != 0xFF || b[1] != 0xD8 {
        return None;
    }
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if sof {
            let h = u32::from(u16::from_be_bytes([b[i + 5], b[i + 6]]));
            let w = u32::from(u16::from_be_bytes([b[i + 7], b[i + 8]]));
            return (w > 0 && h > 0).then_some((w, h));
        }
        if len < 2 {
            return None;
        }
        i += 2 + len;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_give_sizes_and_garbage_gives_none() {
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        png.extend_from_slice(&[0, 0, 2, 0, 0, 0, 1, 0]);
        assert_eq!(png_size(&png), Some((512, 256)));
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 100, 0, 200, 3, 0, 0,
        ];
        assert_eq!(jpeg_size(&jpeg), Some((200, 100)));
        assert_eq!(png_size(b"nope"), None);
        assert_eq!(
            jpeg_size(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0, 0, 0, 0, 0, 0]),
            None
        );
    }

    #[test]
    fn a_huge_svg_size_is_bounded() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100000000" height="100000000"><rect width="10" height="10"/></svg>"#;
        let p = chart(svg, &Page::A4, "").expect("rendered");
        // A4 text width (11906 - 2*1418 twips = 9070 twips = 6.2986 in).
        let w_in = 9070.0 / 1440.0;
        assert_eq!(p.size.0, (w_in * EMU_PER_INCH).round() as u64);
        let bad = r#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"></svg>"#;
        assert!(chart(bad, &Page::A4, "").is_err());
        assert!(chart("<not svg", &Page::A4, "").is_err());
    }
}
