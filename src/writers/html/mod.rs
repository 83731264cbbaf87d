//! The HTML writer: the only code that writes HTML tags for a report.
//!
//! A run of blocks is written the way the section renderer used to write
//! one piece of Markdown: its CommonMark nodes through pulldown-cmark's
//! serializer ([`markdown`]), findings' own nodes by the files here. Each
//! run is written on its own (a directive's body, a caption), so footnote
//! numbers and the cleaning of raw HTML stay within it.

pub mod appendix;
pub mod bibliography;
mod blocks;
mod inline;
pub mod inline_parts;
mod markdown;
pub mod page;
pub mod quote;
pub mod quote_index;
pub mod table;

use crate::document::{Block, Inline};

/// Marks what only the site can fill in a report's page once every report
/// is built (`U+0001 token U+0001`): its navigation (`N`) and the number
/// of a figure in another report (`X slug:label`). A report on its own
/// has none.
pub const SITE_MARK: char = '\u{1}';
use crate::sanitize::{sanitize, Slots};

use markdown::{block_events, inline_events, Own};

/// The HTML of a run of blocks.
pub fn blocks(blocks: &[Block]) -> String {
    let raw = blocks.iter().any(block_has_raw);
    let mut scope = Scope::new(raw, || format!("{blocks:?}"));
    let mut events = Vec::new();
    block_events(blocks, &mut scope, &mut events);
    let mut html = String::with_capacity(blocks.len() * 256);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    scope.finish(html)
}

/// The HTML of a run of inlines standing alone (a title, a caption, a
/// heading's content): without a paragraph around it or a line break
/// after it.
pub fn phrase(content: &[Inline]) -> String {
    let mut html = inlines(content);
    let end = html.trim_end().len();
    html.truncate(end);
    html
}

/// The HTML of a run of inlines.
pub fn inlines(content: &[Inline]) -> String {
    let raw = content.iter().any(inline_has_raw);
    let mut scope = Scope::new(raw, || format!("{content:?}"));
    let mut events = Vec::new();
    inline_events(content, &mut scope, &mut events);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    scope.finish(html)
}

/// One run being written: when it holds the author's raw HTML, what
/// findings writes in it is set aside while the run is cleaned.
struct Scope {
    slots: Option<Slots>,
}

impl Scope {
    fn new(raw: bool, seed: impl FnOnce() -> String) -> Scope {
        Scope {
            slots: raw.then(|| Slots::new(&seed())),
        }
    }

    fn keep(&mut self, html: String) -> String {
        match &mut self.slots {
            Some(slots) => slots.keep(html),
            None => html,
        }
    }

    fn finish(self, html: String) -> String {
        match self.slots {
            Some(slots) => slots.expand(&sanitize(&html)),
            None => html,
        }
    }
}

impl Own for Scope {
    fn block(&mut self, b: &Block) -> String {
        let html = blocks::block(b);
        self.keep(html)
    }

    fn inline(&mut self, i: &Inline) -> String {
        let html = blocks::inline(i);
        self.keep(html)
    }
}

/// Whether the run's own Markdown (not a directive's body inside it)
/// holds raw HTML; a heading's content counts, as it is the run's text.
fn block_has_raw(b: &Block) -> bool {
    match b {
        Block::Paragraph(i) | Block::Plain(i) | Block::HtmlBlock(i) => i.iter().any(inline_has_raw),
        Block::Heading { content, .. } => content.iter().any(inline_has_raw),
        Block::BlockQuote(bs) | Block::Footnote { blocks: bs, .. } => bs.iter().any(block_has_raw),
        Block::List { items, .. } => items.iter().flatten().any(block_has_raw),
        Block::Grid { head, rows, .. } => head
            .iter()
            .chain(rows.iter().flatten())
            .flatten()
            .any(inline_has_raw),
        _ => false,
    }
}

fn inline_has_raw(i: &Inline) -> bool {
    match i {
        Inline::RawHtml(_) => true,
        Inline::Emphasis(x) | Inline::Strong(x) | Inline::Strikethrough(x) => {
            x.iter().any(inline_has_raw)
        }
        Inline::Link { content: x, .. } | Inline::Image { alt: x, .. } => {
            x.iter().any(inline_has_raw)
        }
        _ => false,
    }
}
