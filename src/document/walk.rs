//! A walk over a document's nodes that may change them: how the report
//! resolves what sections leave open (numbers, ids, citations, placed
//! parts) without each pass knowing every kind of node that holds others.

use super::quote::QuoteLink;
use super::table::{Content, Table};
use super::tree::{Block, Inline};

/// What a walk does at each node; every method defaults to nothing.
pub trait Visit {
    /// Called on a block before the nodes inside it, so it may replace
    /// the block and have the walk go into the replacement.
    fn block(&mut self, _block: &mut Block) {}
    /// Called on an inline before the nodes inside it.
    fn inline(&mut self, _inline: &mut Inline) {}
    /// Called on the link of every quote.
    fn quote_link(&mut self, _link: &mut QuoteLink) {}
}

/// Walks `blocks` and everything inside them in reading order.
pub fn blocks<V: Visit + ?Sized>(v: &mut V, blocks: &mut [Block]) {
    for b in blocks {
        block(v, b);
    }
}

/// Walks one block and everything inside it.
pub fn block<V: Visit + ?Sized>(v: &mut V, b: &mut Block) {
    v.block(b);
    match b {
        Block::Paragraph(i)
        | Block::Plain(i)
        | Block::HtmlBlock(i)
        | Block::CodeDescription(i)
        | Block::CodeExample(i)
        | Block::Heading { content: i, .. } => inlines(v, i),
        Block::BlockQuote(bs) | Block::Compare(bs) | Block::Footnote { blocks: bs, .. } => {
            blocks(v, bs)
        }
        Block::List { items, .. } => items.iter_mut().for_each(|item| blocks(v, item)),
        Block::Grid { head, rows, .. } => {
            for cell in head.iter_mut().chain(rows.iter_mut().flatten()) {
                inlines(v, cell);
            }
        }
        Block::Callout { title, body, .. } => {
            inlines(v, title);
            blocks(v, body);
        }
        Block::Side { heading, body } => {
            inlines(v, heading);
            blocks(v, body);
        }
        Block::Stat { label, caption, .. } => {
            if let Some(label) = label {
                inlines(v, label);
            }
            blocks(v, caption);
        }
        Block::Figure(f) => {
            blocks(v, &mut f.caption);
            blocks(v, &mut f.data);
        }
        Block::Table(t) => table(v, t),
        Block::Quote(q) => v.quote_link(&mut q.link),
        Block::Quotes(qs) => qs.iter_mut().for_each(|q| v.quote_link(&mut q.link)),
        Block::CodeBlock { .. }
        | Block::Rule
        | Block::QuoteIndex(_)
        | Block::Bibliography(_)
        | Block::BuildManifest(_)
        | Block::Placed(_)
        | Block::Html(_) => {}
    }
}

fn table<V: Visit + ?Sized>(v: &mut V, t: &mut Table) {
    if let Some(caption) = &mut t.caption {
        inlines(v, caption);
    }
    for row in t.head.iter_mut().chain(&mut t.body).chain(&mut t.foot) {
        for cell in &mut row.cells {
            match &mut cell.content {
                Content::Text(_) => {}
                Content::Inlines(i) => inlines(v, i),
                Content::Blocks(bs) => blocks(v, bs),
            }
        }
    }
    for note in &mut t.notes {
        inlines(v, &mut note.content);
    }
}

/// Walks `run` and everything inside it.
pub fn inlines<V: Visit + ?Sized>(v: &mut V, run: &mut [Inline]) {
    for i in run {
        v.inline(i);
        match i {
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
            | Inline::Target { content: c, .. } => inlines(v, c),
            Inline::Citation(c) => inlines(v, &mut c.content),
            Inline::QuoteLink(link) => v.quote_link(link),
            Inline::Text(_)
            | Inline::Code(_)
            | Inline::FootnoteRef(_)
            | Inline::SoftBreak
            | Inline::HardBreak
            | Inline::RawHtml(_)
            | Inline::Value { .. }
            | Inline::CrossRef { .. }
            | Inline::Html(_)
            | Inline::Label(_)
            | Inline::CodeId(_)
            | Inline::Share(_) => {}
        }
    }
}
