//! A chart's text made safe for an SVG renderer outside a browser, for
//! the writers that draw a chart's SVG themselves (Typst for the PDF,
//! resvg for Word).
//!
//! usvg (inside both) sets a `<text>` in one font and falls back to
//! others character by character, but it gives up on the rest of the
//! text at the first character no fallback font takes (an invisible one,
//! such as the variation selector in "⚠️", a zero-width joiner or a
//! direction mark), and whenever a fallback font shapes the text into
//! another number of glyphs (every Latin font draws "fi" as one). Every
//! character after that is drawn as an empty box, which a PDF/UA file may
//! not contain. Real code names mix scripts and emoji ("⚠️ 信頼の開発者",
//! "önszabályozás 💸"), so the chart text loses its invisible characters
//! (Unicode's default ignorables), is put in composed form (a letter and
//! its accent as one character where Unicode has one), and is cut into
//! runs of one font each, named in a `<tspan font-family>`: usvg then
//! never needs its fallback. The page and the data table under the chart
//! keep the text as it was.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;

/// Whether `c` is a Unicode default ignorable code point: drawn as
/// nothing, but stopping usvg's font fallback.
pub fn ignorable(c: char) -> bool {
    matches!(c,
        '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}'..='\u{1160}' | '\u{17B4}'..='\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// What the writer's fonts can set.
pub trait Coverage {
    /// The family to set `c` in, or `None` when no font has it; `emoji`
    /// asks for a colour emoji font first.
    fn family_for(&self, c: char, emoji: bool) -> Option<String>;
}

/// `svg` with the text of every `<text>` element composed, without
/// ignorable characters, and in runs of one font each: a run whose font is
/// not `default` is a `<tspan font-family>`, so that usvg never needs its
/// fallback. `None` for `fonts` leaves the font to usvg.
pub fn plain(svg: &str, default: &str, fonts: Option<&dyn Coverage>) -> String {
    let mut known = HashMap::new();
    let mut out = String::with_capacity(svg.len());
    let mut in_text = 0usize;
    let mut rest = svg;
    while let Some(lt) = rest.find('<') {
        let data = &rest[..lt];
        if in_text > 0 {
            runs(data, default, fonts, &mut known, &mut out);
        } else {
            out.push_str(data);
        }
        let Some(gt) = rest[lt..].find('>') else {
            out.push_str(&rest[lt..]);
            return out;
        };
        let tag = &rest[lt..lt + gt + 1];
        if tag.starts_with("<text") && !tag.ends_with("/>") {
            in_text += 1;
        } else if tag.starts_with("</text") {
            in_text = in_text.saturating_sub(1);
        }
        out.push_str(tag);
        rest = &rest[lt + gt + 1..];
    }
    out.push_str(rest);
    out
}

/// The fonts' answers so far, by character and whether colour is asked.
type Known = HashMap<(char, bool), Option<String>>;

/// One piece of character data, as runs of one font each. Spaces and
/// combining marks stay in the run before them.
fn runs(
    data: &str,
    default: &str,
    fonts: Option<&dyn Coverage>,
    known: &mut Known,
    out: &mut String,
) {
    let mut run: Option<(String, String)> = None; // (family, escaped text)
    let flush = |run: &mut Option<(String, String)>, out: &mut String| {
        if let Some((family, text)) = run.take() {
            if family == default {
                out.push_str(&text);
            } else {
                out.push_str("<tspan font-family=\"'");
                out.push_str(&family);
                out.push_str("'\">");
                out.push_str(&text);
                out.push_str("</tspan>");
            }
        }
    };
    let units = units(data);
    for (i, (raw, c)) in units.iter().enumerate() {
        let c = *c;
        if ignorable(c) {
            continue;
        }
        let next = units.get(i + 1).map(|u| u.1);
        let emoji = pictograph(c)
            || next.is_some_and(|n| matches!(n, '\u{FE0F}' | '\u{20E3}') || modifier(n));
        let family = match (&run, fonts) {
            (Some((f, _)), _)
                if c.is_whitespace()
                    || modifier(c)
                    || unicode_normalization::char::is_combining_mark(c) =>
            {
                f.clone()
            }
            (None, _) if c.is_whitespace() => {
                out.push_str(raw);
                continue;
            }
            (_, Some(fonts)) => known
                .entry((c, emoji))
                .or_insert_with(|| fonts.family_for(c, emoji))
                .clone()
                .filter(|f| !f.contains(['\'', '"', '<', '>', '&']))
                .unwrap_or_else(|| default.to_string()),
            (_, None) => default.to_string(),
        };
        match &mut run {
            Some((f, text)) if *f == family => text.push_str(raw),
            _ => {
                flush(&mut run, out);
                run = Some((family, raw.clone()));
            }
        }
    }
    flush(&mut run, out);
}

/// An emoji skin-tone modifier: part of the emoji before it.
fn modifier(c: char) -> bool {
    matches!(c, '\u{1F3FB}'..='\u{1F3FF}')
}

/// A pictograph that readers expect in colour (the emoji blocks).
fn pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}')
}

/// The characters of escaped character data, NFC-normalised (a letter and
/// its accent as one character where Unicode has one), each with its
/// escaped form.
fn units(data: &str) -> Vec<(String, char)> {
    let mut decoded = String::with_capacity(data.len());
    let mut rest = data;
    while let Some(amp) = rest.find('&') {
        decoded.push_str(&rest[..amp]);
        let end = rest[amp..].find(';').map(|e| amp + e);
        let entity = end.and_then(|e| entity(&rest[amp + 1..e]));
        match (end, entity) {
            (Some(e), Some(c)) => {
                decoded.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                decoded.push('&');
                rest = &rest[amp + 1..];
            }
        }
    }
    decoded.push_str(rest);
    decoded
        .nfc()
        .map(|c| {
            let raw = match c {
                '&' => "&amp;".to_string(),
                '<' => "&lt;".to_string(),
                '>' => "&gt;".to_string(),
                '"' => "&quot;".to_string(),
                '\'' => "&#39;".to_string(),
                c => c.to_string(),
            };
            (raw, c)
        })
        .collect()
}

/// The character of an XML entity's name (`amp`, `#39`, `#x1F525`).
fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let num = name.strip_prefix('#')?;
            let n = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain_(svg: &str) -> String {
        plain(svg, "Serif", None)
    }

    /// Latin in "Serif" (the default), CJK in "CJK", emoji in "Emoji".
    struct Fake;

    impl Coverage for Fake {
        fn family_for(&self, c: char, emoji: bool) -> Option<String> {
            let f = match c {
                '1' if emoji => "Emoji",
                c if (c as u32) < 0x2000 => "Serif",
                '\u{3040}'..='\u{9FFF}' => "CJK",
                '\u{2600}'..='\u{27FF}' | '\u{1F000}'..='\u{1FAFF}' => "Emoji",
                _ => return None,
            };
            Some(f.to_string())
        }
    }

    #[test]
    fn each_script_gets_its_font_and_latin_stays_plain() {
        let set = |svg| plain(svg, "Serif", Some(&Fake));
        assert_eq!(
            set("<svg><title>信頼</title><text>⚠\u{FE0F} 信頼の a\u{301}rva 🔥</text></svg>"),
            "<svg><title>信頼</title><text><tspan font-family=\"'Emoji'\">⚠ </tspan><tspan font-family=\"'CJK'\">信頼の </tspan>árva <tspan font-family=\"'Emoji'\">🔥</tspan></text></svg>"
        );
        assert_eq!(
            set("<text><tspan x=\"2\" dy=\"0\"> kód &amp; 💸</tspan></text>"),
            "<text><tspan x=\"2\" dy=\"0\"> kód &amp; <tspan font-family=\"'Emoji'\">💸</tspan></tspan></text>"
        );
        // A keycap and a skin tone go to the emoji font with their base.
        assert_eq!(
            set("<text>1\u{FE0F}\u{20E3} 👍\u{1F3FD}</text>"),
            "<text><tspan font-family=\"'Emoji'\">1\u{20E3} 👍\u{1F3FD}</tspan></text>"
        );
        // A character no font has stays in the default font.
        assert_eq!(set("<text>x\u{10FFFD}</text>"), "<text>x\u{10FFFD}</text>");
    }

    #[test]
    fn chart_text_loses_invisible_characters_and_is_composed() {
        assert_eq!(
            plain_("<svg><title>a\u{301}\u{FE0F}</title><text x=\"1\">⚠\u{FE0F} 👩\u{200D}💻 a\u{301}rva &quot;x&quot;</text></svg>"),
            "<svg><title>a\u{301}\u{FE0F}</title><text x=\"1\">⚠ 👩💻 árva &quot;x&quot;</text></svg>"
        );
        assert_eq!(
            plain_("<text><tspan x=\"2\" dy=\"0\">\u{200F}שלום\u{200E} 🔥</tspan></text>"),
            "<text><tspan x=\"2\" dy=\"0\">שלום 🔥</tspan></text>"
        );
        // Text that needs none of it comes out as it went in.
        let page = "<text class=\"chart-tick\" x=\"27.3\" y=\"339.2\" text-anchor=\"end\">0 &lt; 1 &amp; 2&#39;s</text>";
        assert_eq!(plain_(page), page);
    }

    #[test]
    fn entities_are_read_and_written_back() {
        assert_eq!(
            plain_("<text>a &amp b &#x1F525;&#xFE0F; &#39;&apos;</text>"),
            "<text>a &amp;amp b 🔥 &#39;&#39;</text>"
        );
    }

    #[test]
    fn broken_markup_survives() {
        assert_eq!(plain_("<text>a\u{FE0F} <b"), "<text>a <b");
        assert_eq!(plain_("no tags\u{FE0F}"), "no tags\u{FE0F}");
        assert_eq!(plain_("<text/>x\u{FE0F}<text>"), "<text/>x\u{FE0F}<text>");
    }
}
