//! The section's rewritten Markdown events as document blocks.
//!
//! The section renderer walks pulldown-cmark's events, expanding roles and
//! directives; what it made itself (a directive's blocks, a role's value, a
//! heading) is kept aside and marked in the stream by an event no author
//! can write (a NUL byte, which pulldown-cmark replaces in every input).
//! Here the stream becomes a tree, the marks becoming the kept nodes.

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Tag, TagEnd};

use crate::document::{Alignment, Block, Inline, Inlines};

/// Nodes the renderer made, each standing for a marked event.
#[derive(Debug, Default)]
pub struct Kept {
    blocks: Vec<Vec<Block>>,
    inlines: Vec<Inline>,
}

/// Starts a marked event's text.
const NUL: char = '\0';

impl Kept {
    /// Keeps `blocks` and returns the event that marks them.
    pub fn blocks(&mut self, blocks: Vec<Block>) -> Event<'static> {
        self.blocks.push(blocks);
        Event::Html(format!("{NUL}{}", self.blocks.len() - 1).into())
    }

    /// Keeps `inline` and returns the event that marks it.
    pub fn inline(&mut self, inline: Inline) -> Event<'static> {
        self.inlines.push(inline);
        Event::InlineHtml(format!("{NUL}{}", self.inlines.len() - 1).into())
    }

    fn index(text: &str) -> Option<usize> {
        text.strip_prefix(NUL)?.parse().ok()
    }

    fn take_blocks(&mut self, text: &str) -> Option<Vec<Block>> {
        Kept::index(text).and_then(|i| self.blocks.get_mut(i).map(std::mem::take))
    }

    fn take_inline(&mut self, text: &str) -> Option<Inline> {
        let i = Kept::index(text)?;
        self.inlines
            .get_mut(i)
            .map(|n| std::mem::replace(n, Inline::SoftBreak))
    }
}

/// How deep containers (quotes, lists, emphasis, links) may nest in the
/// tree. Markdown allows any depth, and a line of 100,000 `>` is a
/// quote 100,000 deep: the tree, its writers and its drop all recurse, so
/// deeper containers give their content to the one at this depth. No
/// document a reader could follow comes near it.
pub const MAX_DEPTH: usize = 48;

/// The blocks of `events`.
pub fn blocks(events: Vec<Event<'_>>, kept: &mut Kept) -> Vec<Block> {
    let mut it = bounded(events).into_iter();
    mixed(&mut it, kept, None)
}

/// `events` without the containers nested deeper than [`MAX_DEPTH`]
/// (their content stays), in one pass without recursion.
fn bounded(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    // Nearly every text stays within the bound: then the events are kept
    // as they are, without a copy.
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for e in &events {
        match e {
            Event::Start(_) => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest <= MAX_DEPTH {
        return events;
    }
    let mut open: Vec<bool> = Vec::new();
    let mut depth = 0;
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        match &e {
            Event::Start(tag) => {
                let container = matches!(
                    tag,
                    Tag::BlockQuote(_)
                        | Tag::List(_)
                        | Tag::Item
                        | Tag::Emphasis
                        | Tag::Strong
                        | Tag::Strikethrough
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                        | Tag::FootnoteDefinition(_)
                );
                let keep = !container || depth < MAX_DEPTH;
                open.push(keep);
                if keep {
                    depth += 1;
                    out.push(e);
                }
            }
            Event::End(_) => {
                if open.pop().unwrap_or(true) {
                    depth = depth.saturating_sub(1);
                    out.push(e);
                }
            }
            _ => out.push(e),
        }
    }
    out
}

/// The inlines of `events` (a heading's content, an option's value): block
/// structure, which an option value should not have, is flattened.
pub fn inlines(events: Vec<Event<'_>>, kept: &mut Kept) -> Inlines {
    let mut out = Inlines::new();
    for b in blocks(events, kept) {
        flatten(b, &mut out);
    }
    out
}

fn flatten(b: Block, out: &mut Inlines) {
    match b {
        Block::Paragraph(i) | Block::Plain(i) | Block::HtmlBlock(i) => out.extend(i),
        Block::Heading { content, .. } => out.extend(content),
        Block::BlockQuote(bs) | Block::Footnote { blocks: bs, .. } => {
            bs.into_iter().for_each(|b| flatten(b, out))
        }
        Block::List { items, .. } => items.into_iter().flatten().for_each(|b| flatten(b, out)),
        Block::CodeBlock { text, .. } => out.push(Inline::Code(text)),
        Block::Grid { head, rows, .. } => head
            .into_iter()
            .chain(rows.into_iter().flatten())
            .for_each(|c| out.extend(c)),
        Block::Html(h) => out.push(Inline::Html(h)),
        // Nothing else can come from the parser.
        _ => {}
    }
}

type Events<'a, 'e> = &'a mut std::vec::IntoIter<Event<'e>>;

/// Blocks until `end` (or the end of the stream); inline events met at
/// block level (a tight list item's text) become `Plain` runs.
fn mixed(it: Events<'_, '_>, kept: &mut Kept, end: Option<TagEnd>) -> Vec<Block> {
    let mut out = Vec::new();
    let mut plain = Inlines::new();
    let flush = |plain: &mut Inlines, out: &mut Vec<Block>| {
        if !plain.is_empty() {
            out.push(Block::Plain(std::mem::take(plain)));
        }
    };
    while let Some(event) = it.next() {
        match event {
            Event::End(e) if Some(e) == end => break,
            Event::Html(h) if Kept::index(&h).is_some() => {
                flush(&mut plain, &mut out);
                out.extend(kept.take_blocks(&h).unwrap_or_default());
            }
            Event::Start(tag) if is_block(&tag) => {
                flush(&mut plain, &mut out);
                out.push(block(tag, it, kept));
            }
            Event::Rule => {
                flush(&mut plain, &mut out);
                out.push(Block::Rule);
            }
            other => {
                if let Some(i) = inline(other, it, kept) {
                    plain.push(i);
                }
            }
        }
    }
    flush(&mut plain, &mut out);
    out
}

fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::TableHead
            | Tag::TableRow
            | Tag::TableCell
    )
}

fn block(tag: Tag<'_>, it: Events<'_, '_>, kept: &mut Kept) -> Block {
    match tag {
        Tag::Paragraph => Block::Paragraph(run(it, kept, TagEnd::Paragraph)),
        Tag::Heading { level, .. } => Block::Heading {
            level: level as u8,
            index: usize::MAX,
            id: String::new(),
            content: run(it, kept, TagEnd::Heading(level)),
        },
        Tag::BlockQuote(kind) => Block::BlockQuote(mixed(it, kept, Some(TagEnd::BlockQuote(kind)))),
        Tag::CodeBlock(kind) => {
            let mut text = String::new();
            for e in it.by_ref() {
                match e {
                    Event::End(TagEnd::CodeBlock) => break,
                    Event::Text(t) => text.push_str(&t),
                    _ => {}
                }
            }
            let info = match kind {
                CodeBlockKind::Fenced(info) => Some(info.to_string()),
                CodeBlockKind::Indented => None,
            };
            Block::CodeBlock { info, text }
        }
        Tag::HtmlBlock => Block::HtmlBlock(run(it, kept, TagEnd::HtmlBlock)),
        Tag::List(start) => {
            let mut items = Vec::new();
            while let Some(e) = it.next() {
                match e {
                    Event::Start(Tag::Item) => items.push(mixed(it, kept, Some(TagEnd::Item))),
                    Event::End(TagEnd::List(_)) => break,
                    _ => {}
                }
            }
            Block::List { start, items }
        }
        Tag::FootnoteDefinition(name) => Block::Footnote {
            name: name.to_string(),
            blocks: mixed(it, kept, Some(TagEnd::FootnoteDefinition)),
        },
        Tag::Table(alignments) => grid(alignments, it, kept),
        // An item, head, row or cell outside its parent cannot come from
        // the parser; its content is kept.
        _ => Block::Plain(run(it, kept, TagEnd::Item)),
    }
}

fn grid(alignments: Vec<pulldown_cmark::Alignment>, it: Events<'_, '_>, kept: &mut Kept) -> Block {
    let alignments = alignments
        .into_iter()
        .map(|a| match a {
            pulldown_cmark::Alignment::None => Alignment::None,
            pulldown_cmark::Alignment::Left => Alignment::Left,
            pulldown_cmark::Alignment::Center => Alignment::Center,
            pulldown_cmark::Alignment::Right => Alignment::Right,
        })
        .collect();
    let mut head = Vec::new();
    let mut rows: Vec<Vec<Inlines>> = Vec::new();
    let mut in_head = false;
    while let Some(e) = it.next() {
        match e {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let cell = run(it, kept, TagEnd::TableCell);
                match rows.last_mut() {
                    Some(row) if !in_head => row.push(cell),
                    _ => head.push(cell),
                }
            }
            Event::End(TagEnd::Table) => break,
            _ => {}
        }
    }
    Block::Grid {
        alignments,
        head,
        rows,
    }
}

/// Inlines until `end`.
fn run(it: Events<'_, '_>, kept: &mut Kept, end: TagEnd) -> Inlines {
    let mut out = Inlines::new();
    while let Some(e) = it.next() {
        match e {
            Event::End(e) if e == end => break,
            // A block inside inline content cannot come from the parser.
            Event::Start(tag) if is_block(&tag) => {
                let b = block(tag, it, kept);
                flatten(b, &mut out);
            }
            other => out.extend(inline(other, it, kept)),
        }
    }
    out
}

fn inline(event: Event<'_>, it: Events<'_, '_>, kept: &mut Kept) -> Option<Inline> {
    Some(match event {
        Event::Text(t) => Inline::Text(t.into_string()),
        Event::Code(t) => Inline::Code(t.into_string()),
        Event::InlineHtml(h) | Event::Html(h) => match kept.take_inline(&h) {
            Some(node) => node,
            None => Inline::RawHtml(h.into_string()),
        },
        Event::FootnoteReference(name) => Inline::FootnoteRef(name.to_string()),
        Event::SoftBreak => Inline::SoftBreak,
        Event::HardBreak => Inline::HardBreak,
        Event::Start(Tag::Emphasis) => Inline::Emphasis(run(it, kept, TagEnd::Emphasis)),
        Event::Start(Tag::Strong) => Inline::Strong(run(it, kept, TagEnd::Strong)),
        Event::Start(Tag::Strikethrough) => {
            Inline::Strikethrough(run(it, kept, TagEnd::Strikethrough))
        }
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            ..
        }) => Inline::Link {
            url: match link_type {
                LinkType::Email => format!("mailto:{dest_url}"),
                _ => dest_url.to_string(),
            },
            title: title.to_string(),
            content: run(it, kept, TagEnd::Link),
        },
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => Inline::Image {
            url: dest_url.to_string(),
            title: title.to_string(),
            alt: run(it, kept, TagEnd::Image),
        },
        // Extensions the sections are not parsed with (math, task lists…).
        Event::InlineMath(t) | Event::DisplayMath(t) => Inline::Text(t.to_string()),
        Event::TaskListMarker(_) | Event::Rule => return None,
        Event::Start(_) | Event::End(_) => return None,
    })
}

#[cfg(test)]
mod tests;
