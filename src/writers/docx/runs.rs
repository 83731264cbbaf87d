//! Runs: text with its character properties, breaks and tabs, marked
//! right-to-left when its words are mostly Arabic or Hebrew.

use super::ctx::Ctx;

/// The character properties a run carries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fmt {
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Struck through.
    pub strike: bool,
    /// Underlined.
    pub underline: bool,
    /// Small capitals.
    pub small_caps: bool,
    /// Superscript (`Some(true)`) or subscript (`Some(false)`).
    pub raised: Option<bool>,
    /// A character style (`HTMLCode`, `Hyperlink`).
    pub style: Option<&'static str>,
    /// Inside a hyperlink already (Word does not nest them).
    pub in_link: bool,
    /// Half-points, when not the style's.
    pub size: Option<u32>,
}

/// Writes `text` as one run (tabs and line breaks as Word's own).
pub fn run(ctx: &mut Ctx, fmt: Fmt, text: &str) {
    if text.is_empty() {
        return;
    }
    ctx.xml.open("w:r", &[]);
    props(ctx, fmt, mostly_rtl(text));
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            ctx.xml.empty("w:br", &[]);
        }
        for (j, part) in line.split('\t').enumerate() {
            if j > 0 {
                ctx.xml.empty("w:tab", &[]);
            }
            if !part.is_empty() {
                ctx.xml.element("w:t", &[("xml:space", "preserve")], part);
            }
        }
    }
    ctx.xml.close("w:r");
}

/// Writes a forced line break.
pub fn line_break(ctx: &mut Ctx) {
    ctx.xml.open("w:r", &[]);
    ctx.xml.empty("w:br", &[]);
    ctx.xml.close("w:r");
}

/// Writes a tab.
pub fn tab(ctx: &mut Ctx) {
    ctx.xml.open("w:r", &[]);
    ctx.xml.empty("w:tab", &[]);
    ctx.xml.close("w:r");
}

/// Writes a field (`SEQ Figure \* ARABIC`) with `shown` as its result, so
/// a reader that does not compute fields shows the report's number.
pub fn field(ctx: &mut Ctx, fmt: Fmt, instruction: &str, shown: &str) {
    field_char(ctx, "begin");
    ctx.xml.open("w:r", &[]);
    ctx.xml.element(
        "w:instrText",
        &[("xml:space", "preserve")],
        &format!(" {instruction} "),
    );
    ctx.xml.close("w:r");
    field_char(ctx, "separate");
    run(ctx, fmt, shown);
    field_char(ctx, "end");
}

/// Writes one field character (`begin`, `separate`, `end`).
pub fn field_char(ctx: &mut Ctx, kind: &str) {
    ctx.xml.open("w:r", &[]);
    ctx.xml.empty("w:fldChar", &[("w:fldCharType", kind)]);
    ctx.xml.close("w:r");
}

fn props(ctx: &mut Ctx, f: Fmt, rtl: bool) {
    if f == Fmt::default() && !rtl {
        return;
    }
    let x = &mut ctx.xml;
    x.open("w:rPr", &[]);
    // The schema's order: rStyle, b, i, caps/smallCaps, strike, sz, u,
    // vertAlign, rtl.
    if let Some(style) = f.style {
        x.empty("w:rStyle", &[("w:val", style)]);
    }
    for (on, tag) in [
        (f.bold, "w:b"),
        (f.bold, "w:bCs"),
        (f.italic, "w:i"),
        (f.italic, "w:iCs"),
        (f.small_caps, "w:smallCaps"),
        (f.strike, "w:strike"),
    ] {
        if on {
            x.empty(tag, &[]);
        }
    }
    if let Some(size) = f.size {
        let size = size.to_string();
        x.empty("w:sz", &[("w:val", &size)]);
        x.empty("w:szCs", &[("w:val", &size)]);
    }
    if f.underline {
        x.empty("w:u", &[("w:val", "single")]);
    }
    if let Some(up) = f.raised {
        let val = if up { "superscript" } else { "subscript" };
        x.empty("w:vertAlign", &[("w:val", val)]);
    }
    if rtl {
        x.empty("w:rtl", &[]);
    }
    x.close("w:rPr");
}

/// Whether `text` has more right-to-left letters (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms) than left-to-right ones.
pub fn mostly_rtl(text: &str) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in text.chars() {
        if is_rtl(c) {
            rtl += 1;
        } else if c.is_alphabetic() {
            ltr += 1;
        }
    }
    rtl > ltr
}

fn is_rtl(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_and_hebrew_are_right_to_left_and_others_not() {
        assert!(mostly_rtl("قال المشارك إن الأمر خطير"));
        assert!(mostly_rtl("זה היה מפחיד, 2025"));
        assert!(mostly_rtl("Q3: الثقة انهارت تماما"));
        assert!(!mostly_rtl("Nagyon féltem, hogy elvész minden"));
        assert!(!mostly_rtl("资金被盗了 😱"));
        assert!(!mostly_rtl("The word سلام in English prose"));
    }
}
