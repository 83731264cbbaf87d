//! What Markdown itself has, written as HTML by pulldown-cmark's own
//! serializer: the tree's CommonMark nodes go back to its events, so a
//! paragraph, list, table or footnote comes out exactly as CommonMark's
//! reference rendering writes it. What findings adds is written by this
//! writer's other files and passed through as HTML.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, LinkType, Tag, TagEnd};

use crate::document::{Alignment, Block, Inline};

/// Turns findings' own nodes into HTML while the Markdown ones become
/// events: [`super::Scope`] implements it.
pub trait Own {
    /// The HTML of a block that is not CommonMark's.
    fn block(&mut self, b: &Block) -> String;
    /// The HTML of an inline that is not CommonMark's.
    fn inline(&mut self, i: &Inline) -> String;
}

/// Appends the events of `blocks` (in a tight list item when `tight`).
pub fn block_events<'a>(blocks: &'a [Block], own: &mut dyn Own, out: &mut Vec<Event<'a>>) {
    for b in blocks {
        match b {
            Block::Paragraph(i) => {
                out.push(Event::Start(Tag::Paragraph));
                inline_events(i, own, out);
                out.push(Event::End(TagEnd::Paragraph));
            }
            Block::Plain(i) => inline_events(i, own, out),
            Block::BlockQuote(bs) => {
                out.push(Event::Start(Tag::BlockQuote(None)));
                block_events(bs, own, out);
                out.push(Event::End(TagEnd::BlockQuote(None)));
            }
            Block::CodeBlock { info, text } => {
                let kind = match info {
                    Some(i) => CodeBlockKind::Fenced(CowStr::Borrowed(i)),
                    None => CodeBlockKind::Indented,
                };
                out.push(Event::Start(Tag::CodeBlock(kind)));
                if !text.is_empty() {
                    out.push(Event::Text(CowStr::Borrowed(text)));
                }
                out.push(Event::End(TagEnd::CodeBlock));
            }
            Block::HtmlBlock(i) => {
                out.push(Event::Start(Tag::HtmlBlock));
                for piece in i {
                    match piece {
                        Inline::RawHtml(h) => out.push(Event::Html(CowStr::Borrowed(h))),
                        other => inline_events(std::slice::from_ref(other), own, out),
                    }
                }
                out.push(Event::End(TagEnd::HtmlBlock));
            }
            Block::List { start, items } => {
                out.push(Event::Start(Tag::List(*start)));
                for item in items {
                    out.push(Event::Start(Tag::Item));
                    block_events(item, own, out);
                    out.push(Event::End(TagEnd::Item));
                }
                out.push(Event::End(TagEnd::List(start.is_some())));
            }
            Block::Rule => out.push(Event::Rule),
            Block::Footnote { name, blocks } => {
                out.push(Event::Start(Tag::FootnoteDefinition(CowStr::Borrowed(
                    name,
                ))));
                block_events(blocks, own, out);
                out.push(Event::End(TagEnd::FootnoteDefinition));
            }
            Block::Grid {
                alignments,
                head,
                rows,
            } => grid(alignments, head, rows, own, out),
            other => out.push(Event::Html(own.block(other).into())),
        }
    }
}

fn grid<'a>(
    alignments: &[Alignment],
    head: &'a [Vec<Inline>],
    rows: &'a [Vec<Vec<Inline>>],
    own: &mut dyn Own,
    out: &mut Vec<Event<'a>>,
) {
    let alignments = alignments
        .iter()
        .map(|a| match a {
            Alignment::None => pulldown_cmark::Alignment::None,
            Alignment::Left => pulldown_cmark::Alignment::Left,
            Alignment::Center => pulldown_cmark::Alignment::Center,
            Alignment::Right => pulldown_cmark::Alignment::Right,
        })
        .collect();
    out.push(Event::Start(Tag::Table(alignments)));
    out.push(Event::Start(Tag::TableHead));
    for cell in head {
        out.push(Event::Start(Tag::TableCell));
        inline_events(cell, own, out);
        out.push(Event::End(TagEnd::TableCell));
    }
    out.push(Event::End(TagEnd::TableHead));
    for row in rows {
        out.push(Event::Start(Tag::TableRow));
        for cell in row {
            out.push(Event::Start(Tag::TableCell));
            inline_events(cell, own, out);
            out.push(Event::End(TagEnd::TableCell));
        }
        out.push(Event::End(TagEnd::TableRow));
    }
    out.push(Event::End(TagEnd::Table));
}

/// Appends the events of `inlines`.
pub fn inline_events<'a>(inlines: &'a [Inline], own: &mut dyn Own, out: &mut Vec<Event<'a>>) {
    let wrap = |tag: Tag<'a>,
                end: TagEnd,
                inner: &'a [Inline],
                own: &mut dyn Own,
                out: &mut Vec<Event<'a>>| {
        out.push(Event::Start(tag));
        inline_events(inner, own, out);
        out.push(Event::End(end));
    };
    for i in inlines {
        match i {
            Inline::Text(t) => out.push(Event::Text(CowStr::Borrowed(t))),
            Inline::Code(t) => out.push(Event::Code(CowStr::Borrowed(t))),
            Inline::Emphasis(x) => wrap(Tag::Emphasis, TagEnd::Emphasis, x, own, out),
            Inline::Strong(x) => wrap(Tag::Strong, TagEnd::Strong, x, own, out),
            Inline::Strikethrough(x) => {
                wrap(Tag::Strikethrough, TagEnd::Strikethrough, x, own, out)
            }
            Inline::Link {
                url,
                title,
                content,
            } => {
                let tag = Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url: CowStr::Borrowed(url),
                    title: CowStr::Borrowed(title),
                    id: CowStr::Borrowed(""),
                };
                wrap(tag, TagEnd::Link, content, own, out);
            }
            Inline::Image { url, title, alt } => {
                let tag = Tag::Image {
                    link_type: LinkType::Inline,
                    dest_url: CowStr::Borrowed(url),
                    title: CowStr::Borrowed(title),
                    id: CowStr::Borrowed(""),
                };
                wrap(tag, TagEnd::Image, alt, own, out);
            }
            Inline::FootnoteRef(name) => out.push(Event::FootnoteReference(CowStr::Borrowed(name))),
            Inline::SoftBreak => out.push(Event::SoftBreak),
            Inline::HardBreak => out.push(Event::HardBreak),
            Inline::RawHtml(h) => out.push(Event::InlineHtml(CowStr::Borrowed(h))),
            other => out.push(Event::InlineHtml(own.inline(other).into())),
        }
    }
}
