//! Blocks as WordprocessingML: every node of the document tree, matched
//! without a catch-all so a node added later fails to compile here until
//! the Word writer learns it.

use crate::document::{Block, Inline};

use super::ctx::Ctx;
use super::para::{paragraph, with, Para};
use super::runs::{run, Fmt};
use super::{callout, figures, quotes, tables};

/// Where a run of blocks sits: the paragraph style it gets (`Quote` in a
/// block quote) and how deep in lists.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scope {
    /// The style of its paragraphs.
    pub style: Option<&'static str>,
    /// Left indent of its paragraphs, in twips.
    pub indent: u32,
    /// How many lists it is inside.
    pub depth: usize,
}

impl Scope {
    fn para(self) -> Para {
        Para {
            style: self.style,
            indent: self.indent,
            ..Para::default()
        }
    }
}

/// Writes `blocks` in `scope`.
pub fn blocks(ctx: &mut Ctx, scope: Scope, blocks: &[Block]) {
    for b in blocks {
        block(ctx, scope, b);
    }
}

fn block(ctx: &mut Ctx, scope: Scope, b: &Block) {
    match b {
        Block::Paragraph(c) | Block::Plain(c) | Block::HtmlBlock(c) => {
            paragraph(ctx, scope.para(), Fmt::default(), c)
        }
        Block::CodeDescription(c) => paragraph(ctx, scope.para(), Fmt::default(), c),
        Block::CodeExample(c) => paragraph(ctx, Para::styled("Quote"), Fmt::default(), c),
        Block::Heading {
            level, id, content, ..
        } => heading(ctx, level.saturating_sub(1), id, content),
        Block::BlockQuote(body) => {
            let inner = Scope {
                style: Some("Quote"),
                ..scope
            };
            blocks(ctx, inner, body);
        }
        Block::CodeBlock { text, .. } => {
            let p = Para {
                style: Some("HTMLPreformatted"),
                indent: scope.indent,
                ..Para::default()
            };
            with(ctx, p, false, |ctx| {
                run(ctx, Fmt::default(), text.trim_end_matches('\n'))
            });
        }
        Block::List { start, items } => list(ctx, scope, *start, items),
        Block::Rule => with(
            ctx,
            Para {
                rule: true,
                ..Para::default()
            },
            false,
            |_| {},
        ),
        Block::Footnote { name, blocks: body } => {
            with(ctx, Para::styled("FootnoteText"), false, |ctx| {
                let up = Fmt {
                    raised: Some(true),
                    ..Fmt::default()
                };
                run(ctx, up, name);
            });
            let inner = Scope {
                style: Some("FootnoteText"),
                ..scope
            };
            blocks(ctx, inner, body);
        }
        Block::Grid {
            alignments,
            head,
            rows,
        } => tables::grid(ctx, alignments, head, rows),
        Block::Callout { kind, title, body } => callout::callout(ctx, kind, title, body),
        Block::Stat {
            value,
            illustrative,
            label,
            caption,
        } => callout::stat(ctx, value, *illustrative, label.as_deref(), caption),
        Block::Figure(f) => figures::figure(ctx, f),
        Block::Compare(body) => blocks(ctx, scope, body),
        Block::Side { heading, body } => {
            let p = Para {
                keep_next: true,
                ..scope.para()
            };
            let bold = Fmt {
                bold: true,
                ..Fmt::default()
            };
            paragraph(ctx, p, bold, heading);
            blocks(ctx, scope, body);
        }
        Block::Table(t) => tables::table(ctx, t),
        Block::Quote(q) => quotes::quote(ctx, q),
        Block::Quotes(qs) => qs.iter().for_each(|q| quotes::quote(ctx, q)),
        Block::QuoteIndex(entries) => quotes::index(ctx, entries),
        Block::Bibliography(b) => quotes::bibliography(ctx, b),
        Block::BuildManifest(facts) => quotes::manifest(ctx, facts),
        // The report puts the quote index and bibliography in place
        // before a writer sees the document; raw HTML means nothing here.
        Block::Placed(_) | Block::Html(_) => {}
    }
}

/// Writes a heading of Word level `level` (1 for a section) with a
/// bookmark at `id`, so links and the contents reach it.
pub fn heading(ctx: &mut Ctx, level: u8, id: &str, content: &[Inline]) {
    const STYLES: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
    let style = STYLES[usize::from(level.clamp(1, 4)) - 1];
    let mut text = String::new();
    super::inlines::plain(content, &mut text);
    let rtl = super::runs::mostly_rtl(&text);
    with(ctx, Para::styled(style), rtl, |ctx| {
        let mark = (!id.is_empty()).then(|| ctx.bookmark_start(id));
        super::inlines::inlines(ctx, Fmt::default(), content);
        if let Some(n) = mark {
            ctx.bookmark_end(n);
        }
    });
}

/// Writes a list: each item's first paragraph numbered (bullets, or its
/// own numbering starting at `start`), its other blocks indented under it.
fn list(ctx: &mut Ctx, scope: Scope, start: Option<u64>, items: &[Vec<Block>]) {
    let (num, style) = match start {
        Some(first) => {
            ctx.ordered.push(first);
            (
                ctx.ordered.len() + super::numbering::FIRST_ORDERED - 1,
                "ListNumber",
            )
        }
        None => (super::numbering::BULLETS, "ListBullet"),
    };
    let level = scope.depth.min(8);
    let inner = Scope {
        style: scope.style,
        indent: 720 * (level as u32 + 1),
        depth: scope.depth + 1,
    };
    for item in items {
        let mut rest = item.as_slice();
        let p = Para {
            style: Some(style),
            num: Some((num, level)),
            ..Para::default()
        };
        match item.first() {
            Some(Block::Paragraph(c) | Block::Plain(c)) => {
                paragraph(ctx, p, Fmt::default(), c);
                rest = &item[1..];
            }
            _ => with(ctx, p, false, |_| {}),
        }
        blocks(ctx, inner, rest);
    }
}
