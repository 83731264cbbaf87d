//! Inline content as Typst markup: text, emphasis, links, and findings'
//! own inlines (computed values with their "†", cross-references,
//! citations, quote links).

use std::fmt::Write;

use crate::document::{Display, Inline, TextStyle};

use super::super::escape::{push_text, string, text};
use super::Writer;

impl Writer<'_> {
    /// A run of inlines.
    pub(super) fn inlines(&mut self, content: &[Inline]) {
        for i in content {
            self.inline(i);
        }
    }

    /// `content` inside `call[…]`.
    fn wrapped(&mut self, call: &str, content: &[Inline]) {
        self.out.push_str(call);
        self.out.push('[');
        self.inlines(content);
        self.out.push(']');
    }

    fn inline(&mut self, i: &Inline) {
        match i {
            Inline::Text(t) | Inline::Label(t) => push_text(&mut self.out, t),
            Inline::Code(c) | Inline::CodeId(c) => {
                let _ = write!(self.out, "#raw({})", string(c));
            }
            Inline::Emphasis(c) => self.wrapped("#emph", c),
            Inline::Strong(c) => self.wrapped("#strong", c),
            Inline::Strikethrough(c) => self.wrapped("#strike", c),
            Inline::Link { url, content, .. } => self.link(url, content),
            Inline::Image { alt, .. } => {
                // An inline image's file is not in the document; its words are.
                self.out.push_str("#[");
                self.inlines(alt);
                self.out.push(']');
            }
            Inline::FootnoteRef(name) => self.footnote(name),
            Inline::SoftBreak => self.out.push(' '),
            Inline::HardBreak => self.out.push_str("#linebreak()"),
            // Raw HTML has no meaning on paper.
            Inline::RawHtml(_) | Inline::Html(_) => {}
            Inline::Value {
                text: t,
                illustrative,
            } => {
                push_text(&mut self.out, t);
                if *illustrative {
                    self.out.push_str("#super[†]");
                }
            }
            Inline::CrossRef {
                label,
                report,
                number,
            } => {
                let words = format!("Figure\u{a0}{}", text(number));
                if report.is_none() && !label.is_empty() {
                    self.open_link(label);
                    self.out.push_str(&words);
                    self.out.push(']');
                } else {
                    self.out.push_str(&words);
                }
            }
            Inline::Citation(c) => {
                let linked = c.content.iter().any(links_a_work);
                match c.works.first() {
                    Some(first) if !linked => {
                        self.open_link(first);
                        self.inlines(&c.content);
                        self.out.push(']');
                    }
                    _ => self.inlines(&c.content),
                }
            }
            Inline::WorkLink { id, content } => {
                self.open_link(id);
                self.inlines(content);
                self.out.push(']');
            }
            Inline::Styled { style, content } => self.wrapped(
                match style {
                    TextStyle::Italic => "#emph",
                    TextStyle::Bold => "#strong",
                    TextStyle::SmallCaps => "#smallcaps",
                    TextStyle::Underline => "#underline",
                    TextStyle::Superscript => "#super",
                    TextStyle::Subscript => "#sub",
                },
                content,
            ),
            Inline::Displayed { display, content } => {
                self.inlines(content);
                if *display == Display::LeftMargin {
                    self.out.push(' ');
                }
            }
            Inline::QuoteLink(link) => {
                self.open_link(&link.anchor);
                self.out.push('Q');
                push_text(&mut self.out, &link.number);
                self.out.push(']');
            }
            Inline::Share(s) => {
                self.out.push_str("\\(");
                push_text(&mut self.out, s);
                self.out.push_str("\\)");
            }
            Inline::Quoted(c) => {
                self.out.push('\u{201c}');
                self.inlines(c);
                self.out.push('\u{201d}');
            }
            Inline::Speaker(c) => self.inlines(c),
            Inline::Target { id, content } => {
                self.anchor(id);
                self.inlines(content);
            }
        }
    }

    /// A link: to a place in the report by its label, or out of it.
    fn link(&mut self, url: &str, content: &[Inline]) {
        if let Some(id) = url.strip_prefix('#') {
            self.open_link(id);
        } else if url.starts_with("http://")
            || url.starts_with("https://")
            || url.starts_with("mailto:")
        {
            let _ = write!(self.out, "#link({})[", string(url));
        } else {
            // A relative address (another report of a site, a file) leads
            // nowhere from a PDF: the words stay, without the link.
            self.out.push_str("#[");
        }
        self.inlines(content);
        self.out.push(']');
    }

    /// The footnote `name` of the current section, at its reference.
    fn footnote(&mut self, name: &str) {
        let blocks = self
            .footnotes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, b)| b.clone());
        match blocks {
            Some(blocks) => {
                self.out.push_str("#footnote[");
                self.blocks_inline(&blocks);
                self.out.push(']');
            }
            None => {
                self.out.push_str("#super[");
                push_text(&mut self.out, name);
                self.out.push(']');
            }
        }
    }
}

/// Whether a citation's content links its works itself.
fn links_a_work(i: &Inline) -> bool {
    match i {
        Inline::WorkLink { .. } | Inline::Link { .. } => true,
        Inline::Styled { content, .. } | Inline::Displayed { content, .. } => {
            content.iter().any(links_a_work)
        }
        _ => false,
    }
}
