//! Paragraphs: a style, the few direct properties findings needs (keep
//! with next, alignment, indent, list numbering, a rule under it), and
//! the right-to-left mark when the text is mostly Arabic or Hebrew.

use crate::document::Inline;

use super::ctx::Ctx;
use super::inlines::{inlines, plain};
use super::runs::{mostly_rtl, Fmt};

/// A paragraph's properties.
#[derive(Debug, Clone, Copy, Default)]
pub struct Para {
    /// Its style id.
    pub style: Option<&'static str>,
    /// Keep it on the page of the next paragraph (headings, captions).
    pub keep_next: bool,
    /// `w:jc`: `center`, `right`…
    pub align: Option<&'static str>,
    /// Left indent in twips.
    pub indent: u32,
    /// List numbering: numbering id and level.
    pub num: Option<(usize, usize)>,
    /// A rule under it (a thematic break).
    pub rule: bool,
}

impl Para {
    /// A paragraph of style `style`.
    pub fn styled(style: &'static str) -> Para {
        Para {
            style: Some(style),
            ..Para::default()
        }
    }
}

/// Writes a paragraph of `content` with `fmt`.
pub fn paragraph(ctx: &mut Ctx, p: Para, fmt: Fmt, content: &[Inline]) {
    let mut text = String::new();
    plain(content, &mut text);
    open(ctx, p, mostly_rtl(&text));
    inlines(ctx, fmt, content);
    ctx.xml.close("w:p");
}

/// Writes a paragraph whose runs `body` writes; `rtl` marks it
/// right-to-left.
pub fn with(ctx: &mut Ctx, p: Para, rtl: bool, body: impl FnOnce(&mut Ctx)) {
    open(ctx, p, rtl);
    body(ctx);
    ctx.xml.close("w:p");
}

/// Opens `<w:p>` and writes its properties in the schema's order.
fn open(ctx: &mut Ctx, p: Para, rtl: bool) {
    let x = &mut ctx.xml;
    x.open("w:p", &[]);
    let plain = p.style.is_none()
        && !p.keep_next
        && p.align.is_none()
        && p.indent == 0
        && p.num.is_none()
        && !p.rule
        && !rtl;
    if plain {
        return;
    }
    x.open("w:pPr", &[]);
    if let Some(style) = p.style {
        x.empty("w:pStyle", &[("w:val", style)]);
    }
    if p.keep_next {
        x.empty("w:keepNext", &[]);
    }
    if let Some((id, level)) = p.num {
        x.open("w:numPr", &[]);
        x.empty("w:ilvl", &[("w:val", &level.to_string())]);
        x.empty("w:numId", &[("w:val", &id.to_string())]);
        x.close("w:numPr");
    }
    if p.rule {
        x.open("w:pBdr", &[]);
        let attrs = [
            ("w:val", "single"),
            ("w:sz", "6"),
            ("w:space", "1"),
            ("w:color", "auto"),
        ];
        x.empty("w:bottom", &attrs);
        x.close("w:pBdr");
    }
    if rtl {
        x.empty("w:bidi", &[]);
    }
    if p.indent > 0 {
        x.empty("w:ind", &[("w:left", &p.indent.to_string())]);
    }
    if let Some(align) = p.align {
        x.empty("w:jc", &[("w:val", align)]);
    }
    x.close("w:pPr");
}
