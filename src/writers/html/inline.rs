//! Inline content as HTML, as CommonMark writes it (pulldown-cmark's
//! markup) and with findings' own nodes: labels that may wrap, code ids,
//! shares, quotes within a line and link targets.

use crate::document::Inline;
use crate::escape::{push_html, push_label_html};

/// Appends `inlines` as HTML.
pub fn push_inlines(out: &mut String, inlines: &[Inline]) {
    for inline in inlines {
        push_inline(out, inline);
    }
}

pub(super) fn push_inline(out: &mut String, inline: &Inline) {
    match inline {
        Inline::Text(text) => push_html(out, text),
        Inline::Code(code) => wrap(out, "<code>", code, "</code>"),
        Inline::Emphasis(c) => around(out, "<em>", c, "</em>"),
        Inline::Strong(c) => around(out, "<strong>", c, "</strong>"),
        Inline::Strikethrough(c) => around(out, "<del>", c, "</del>"),
        Inline::Link {
            url,
            title,
            content,
        } => {
            out.push_str("<a href=\"");
            push_html(out, url);
            push_title(out, title);
            out.push_str("\">");
            push_inlines(out, content);
            out.push_str("</a>");
        }
        Inline::Image { url, title, alt } => {
            out.push_str("<img src=\"");
            push_html(out, url);
            out.push_str("\" alt=\"");
            push_html(out, &plain(alt));
            push_title(out, title);
            out.push_str("\" />");
        }
        Inline::FootnoteRef(name) => {
            out.push_str("<sup class=\"footnote-reference\"><a href=\"#");
            push_html(out, name);
            out.push_str("\">");
            push_html(out, name);
            out.push_str("</a></sup>");
        }
        Inline::SoftBreak => out.push('\n'),
        Inline::HardBreak => out.push_str("<br />\n"),
        Inline::RawHtml(html) | Inline::Html(html) => out.push_str(html),
        Inline::Label(label) => push_label_html(out, label),
        Inline::CodeId(id) => wrap(out, "<code class=\"code-id\">", id, "</code>"),
        Inline::Share(share) => wrap(out, "<span class=\"share\">(", share, ")</span>"),
        Inline::Quoted(c) => around(out, "<q>", c, "</q>"),
        Inline::Speaker(c) => around(out, "<span class=\"quote-alias\">", c, "</span>"),
        Inline::Value { .. }
        | Inline::CrossRef { .. }
        | Inline::Citation(_)
        | Inline::WorkLink { .. }
        | Inline::Styled { .. }
        | Inline::Displayed { .. }
        | Inline::QuoteLink(_) => super::inline_parts::inline(inline, out),
        Inline::Target { id, content } => {
            out.push_str("<span id=\"");
            push_html(out, id);
            out.push_str("\">");
            push_inlines(out, content);
            out.push_str("</span>");
        }
    }
}

/// `text` escaped between `open` and `close`.
fn wrap(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    push_html(out, text);
    out.push_str(close);
}

/// `content` between `open` and `close`.
fn around(out: &mut String, open: &str, content: &[Inline], close: &str) {
    out.push_str(open);
    push_inlines(out, content);
    out.push_str(close);
}

/// The rest of an attribute list: ` title="…"` when there is a title,
/// written before the closing quote of the previous attribute is.
fn push_title(out: &mut String, title: &str) {
    if !title.is_empty() {
        out.push_str("\" title=\"");
        push_html(out, title);
    }
}

/// The text of `inlines` without markup (an image's alternative text).
fn plain(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t)
            | Inline::Code(t)
            | Inline::Label(t)
            | Inline::CodeId(t)
            | Inline::Share(t)
            | Inline::Value { text: t, .. } => text.push_str(t),
            Inline::WorkLink { content: c, .. }
            | Inline::Styled { content: c, .. }
            | Inline::Displayed { content: c, .. } => text.push_str(&plain(c)),
            Inline::CrossRef { .. } | Inline::Citation(_) | Inline::QuoteLink(_) => {}
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Strikethrough(c)
            | Inline::Quoted(c)
            | Inline::Speaker(c)
            | Inline::Link { content: c, .. }
            | Inline::Target { content: c, .. }
            | Inline::Image { alt: c, .. } => text.push_str(&plain(c)),
            Inline::SoftBreak | Inline::HardBreak => text.push(' '),
            Inline::FootnoteRef(_) | Inline::RawHtml(_) | Inline::Html(_) => {}
        }
    }
    text
}
