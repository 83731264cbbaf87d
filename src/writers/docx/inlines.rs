//! Inline content as runs: emphasis and a citation style's formatting as
//! run properties, links inside the report as hyperlinks to bookmarks,
//! computed values with their illustrative mark.

use crate::document::{Display, Inline, TextStyle};

use super::ctx::{bookmark_name, Ctx};
use super::runs::{line_break, run, tab, Fmt};

/// Writes `inlines` with `fmt`.
pub fn inlines(ctx: &mut Ctx, fmt: Fmt, inlines: &[Inline]) {
    for i in inlines {
        inline(ctx, fmt, i);
    }
}

fn inline(ctx: &mut Ctx, fmt: Fmt, i: &Inline) {
    match i {
        Inline::Text(t) | Inline::Label(t) => run(ctx, fmt, t),
        Inline::Code(t) | Inline::CodeId(t) => run(ctx, code(fmt), t),
        Inline::Emphasis(c) => inlines(
            ctx,
            Fmt {
                italic: true,
                ..fmt
            },
            c,
        ),
        Inline::Strong(c) => inlines(ctx, Fmt { bold: true, ..fmt }, c),
        Inline::Strikethrough(c) => inlines(
            ctx,
            Fmt {
                strike: true,
                ..fmt
            },
            c,
        ),
        Inline::Link { url, content, .. } => match url.strip_prefix('#') {
            Some(anchor) => internal(ctx, fmt, anchor, |ctx, f| inlines(ctx, f, content)),
            None => external(ctx, fmt, url, content),
        },
        Inline::Image { alt, .. } => inlines(ctx, fmt, alt),
        Inline::FootnoteRef(name) => run(ctx, raised(fmt), name),
        Inline::SoftBreak => run(ctx, fmt, " "),
        Inline::HardBreak => line_break(ctx),
        // Raw HTML means nothing in Word; other formats drop it too.
        Inline::RawHtml(_) | Inline::Html(_) => {}
        Inline::Value { text, illustrative } => {
            run(ctx, fmt, text);
            if *illustrative {
                run(ctx, raised(fmt), "†");
            }
        }
        Inline::CrossRef {
            label,
            report,
            number,
        } => {
            let shown = format!("Figure\u{a0}{number}");
            match report {
                // Another report of the site is another file.
                Some(_) => run(ctx, fmt, &shown),
                None => internal(ctx, fmt, label, |ctx, f| run(ctx, f, &shown)),
            }
        }
        Inline::Citation(c) => {
            let parts_link = c.content.iter().any(links_a_work);
            match c.works.first() {
                Some(first) if !parts_link => {
                    internal(ctx, fmt, first, |ctx, f| inlines(ctx, f, &c.content))
                }
                _ => inlines(ctx, fmt, &c.content),
            }
        }
        Inline::WorkLink { id, content } => {
            internal(ctx, fmt, id, |ctx, f| inlines(ctx, f, content))
        }
        Inline::Styled { style, content } => inlines(ctx, styled(fmt, *style), content),
        Inline::Displayed { display, content } => {
            inlines(ctx, fmt, content);
            if *display == Display::LeftMargin {
                tab(ctx);
            }
        }
        Inline::QuoteLink(link) => {
            let shown = format!("Q{}", link.number);
            internal(ctx, fmt, &link.anchor, |ctx, f| run(ctx, f, &shown));
        }
        Inline::Share(s) => run(ctx, fmt, &format!("({s})")),
        Inline::Quoted(c) => {
            run(ctx, fmt, "\u{201c}");
            inlines(ctx, fmt, c);
            run(ctx, fmt, "\u{201d}");
        }
        Inline::Speaker(c) => inlines(ctx, fmt, c),
        Inline::Target { id, content } => {
            let n = ctx.bookmark_start(id);
            inlines(ctx, fmt, content);
            ctx.bookmark_end(n);
        }
    }
}

/// Whether `i` is or holds a link to a bibliography entry.
fn links_a_work(i: &Inline) -> bool {
    match i {
        Inline::WorkLink { .. } => true,
        Inline::Styled { content, .. } | Inline::Displayed { content, .. } => {
            content.iter().any(links_a_work)
        }
        _ => false,
    }
}

/// Writes what `body` writes as a hyperlink to the bookmark of element id
/// `anchor` (or plainly, inside a link already).
pub fn internal(ctx: &mut Ctx, fmt: Fmt, anchor: &str, body: impl FnOnce(&mut Ctx, Fmt)) {
    if fmt.in_link {
        return body(ctx, fmt);
    }
    let name = bookmark_name(anchor);
    ctx.xml
        .open("w:hyperlink", &[("w:anchor", &name), ("w:history", "1")]);
    body(ctx, linked(fmt));
    ctx.xml.close("w:hyperlink");
}

fn external(ctx: &mut Ctx, fmt: Fmt, url: &str, content: &[Inline]) {
    if fmt.in_link {
        return inlines(ctx, fmt, content);
    }
    let rel = ctx.link_rel(url);
    ctx.xml
        .open("w:hyperlink", &[("r:id", &rel), ("w:history", "1")]);
    inlines(ctx, linked(fmt), content);
    ctx.xml.close("w:hyperlink");
}

fn linked(fmt: Fmt) -> Fmt {
    Fmt {
        in_link: true,
        style: fmt.style.or(Some("Hyperlink")),
        ..fmt
    }
}

fn code(fmt: Fmt) -> Fmt {
    Fmt {
        style: Some("HTMLCode"),
        ..fmt
    }
}

fn raised(fmt: Fmt) -> Fmt {
    Fmt {
        raised: Some(true),
        ..fmt
    }
}

fn styled(fmt: Fmt, style: TextStyle) -> Fmt {
    match style {
        TextStyle::Italic => Fmt {
            italic: true,
            ..fmt
        },
        TextStyle::Bold => Fmt { bold: true, ..fmt },
        TextStyle::SmallCaps => Fmt {
            small_caps: true,
            ..fmt
        },
        TextStyle::Underline => Fmt {
            underline: true,
            ..fmt
        },
        TextStyle::Superscript => Fmt {
            raised: Some(true),
            ..fmt
        },
        TextStyle::Subscript => Fmt {
            raised: Some(false),
            ..fmt
        },
    }
}

/// The text of `inlines` without formatting, to decide a paragraph's
/// direction.
pub fn plain(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        match i {
            Inline::Text(t)
            | Inline::Code(t)
            | Inline::Label(t)
            | Inline::CodeId(t)
            | Inline::Share(t)
            | Inline::Value { text: t, .. } => out.push_str(t),
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Strikethrough(c)
            | Inline::Quoted(c)
            | Inline::Speaker(c)
            | Inline::Link { content: c, .. }
            | Inline::Image { alt: c, .. }
            | Inline::WorkLink { content: c, .. }
            | Inline::Styled { content: c, .. }
            | Inline::Displayed { content: c, .. }
            | Inline::Target { content: c, .. } => plain(c, out),
            Inline::Citation(c) => plain(&c.content, out),
            Inline::SoftBreak | Inline::HardBreak => out.push(' '),
            Inline::CrossRef { .. }
            | Inline::QuoteLink(_)
            | Inline::FootnoteRef(_)
            | Inline::RawHtml(_)
            | Inline::Html(_) => {}
        }
    }
}
