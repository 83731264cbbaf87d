//! findings' own blocks as HTML: headings with their anchors, callouts,
//! stat blocks, figures and comparisons.

use std::fmt::Write;

use crate::document::{Block, Figure, FigureBody, Inline, Place};
use crate::escape::{data_uri, html};

use super::{blocks, inlines, phrase};

/// The HTML of one of findings' blocks.
pub fn block(b: &Block) -> String {
    match b {
        Block::Heading {
            level, id, content, ..
        } => {
            let body = inlines(content);
            let id = html(id);
            format!(
                "<h{level} id=\"{id}\">{body} <a class=\"anchor\" href=\"#{id}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{level}>\n"
            )
        }
        Block::Callout { kind, title, body } => format!(
            "<aside class=\"callout callout-{kind}\" role=\"note\"><p class=\"callout-title\">{}</p>\n{}</aside>\n",
            phrase(title),
            blocks(body)
        ),
        Block::Stat {
            value,
            illustrative,
            label,
            caption,
        } => {
            let mark = if *illustrative {
                "<sup aria-label=\"illustrative\">†</sup>"
            } else {
                ""
            };
            let label = label
                .as_ref()
                .map(|l| format!("<span class=\"stat-label\">{}</span>", phrase(l)))
                .unwrap_or_default();
            format!(
                "<div class=\"stat\"><span class=\"stat-value\">{}{mark}</span>{label}<div class=\"stat-caption\">{}</div></div>\n",
                html(value),
                blocks(caption)
            )
        }
        Block::Figure(f) => figure(f),
        Block::Compare(body) => format!("<div class=\"compare\">\n{}</div>\n", blocks(body)),
        Block::Side { heading, body } => format!(
            "<section class=\"compare-side\"><h4 class=\"compare-heading\">{}</h4>\n{}</section>\n",
            phrase(heading),
            blocks(body)
        ),
        Block::Table(t) => super::table::write(t),
        Block::Quote(q) => written(|out| super::quote::quote(q, out)),
        Block::Quotes(qs) => written(|out| super::quote::quotes(qs, out)),
        Block::QuoteIndex(entries) => written(|out| super::quote_index::list(entries, out)),
        Block::Bibliography(b) => written(|out| super::bibliography::list(b, out)),
        Block::BuildManifest(facts) => written(|out| super::appendix::manifest(facts, out)),
        Block::Placed(Place::QuoteIndex(entries)) => {
            let list = entries.as_deref().map_or_else(String::new, |e| {
                written(|out| super::quote_index::list(e, out))
            });
            written(|out| super::quote_index::placed(&list, out))
        }
        Block::Placed(Place::Bibliography(b)) => {
            let list = b.as_ref().map_or_else(String::new, |b| {
                written(|out| super::bibliography::list(b, out))
            });
            written(|out| super::bibliography::placed(&list, out))
        }
        Block::CodeDescription(_) | Block::CodeExample(_) => {
            let mut out = String::new();
            super::table::push_blocks(&mut out, std::slice::from_ref(b));
            out
        }
        Block::Html(h) => h.clone(),
        // CommonMark's own blocks never reach here: the Markdown writer
        // turns them into events. Written alone, they are a run of one.
        Block::Paragraph(_)
        | Block::Plain(_)
        | Block::BlockQuote(_)
        | Block::CodeBlock { .. }
        | Block::HtmlBlock(_)
        | Block::List { .. }
        | Block::Rule
        | Block::Footnote { .. }
        | Block::Grid { .. } => blocks(std::slice::from_ref(b)),
    }
}

/// The HTML of one of findings' inlines.
pub fn inline(i: &Inline) -> String {
    match i {
        Inline::Html(h) => h.clone(),
        Inline::Value { .. }
        | Inline::CrossRef { .. }
        | Inline::Citation(_)
        | Inline::WorkLink { .. }
        | Inline::Styled { .. }
        | Inline::Displayed { .. }
        | Inline::QuoteLink(_)
        | Inline::Label(_)
        | Inline::CodeId(_)
        | Inline::Share(_)
        | Inline::Quoted(_)
        | Inline::Speaker(_)
        | Inline::Target { .. } => written(|out| super::inline::push_inline(out, i)),
        // CommonMark's own inlines never reach here: the Markdown writer
        // turns them into events. Written alone, they are a run of one.
        Inline::Text(_)
        | Inline::Code(_)
        | Inline::Emphasis(_)
        | Inline::Strong(_)
        | Inline::Strikethrough(_)
        | Inline::Link { .. }
        | Inline::Image { .. }
        | Inline::FootnoteRef(_)
        | Inline::SoftBreak
        | Inline::HardBreak
        | Inline::RawHtml(_) => inlines(std::slice::from_ref(i)),
    }
}

/// What `write` appends to an empty string.
fn written(write: impl FnOnce(&mut String)) -> String {
    let mut out = String::new();
    write(&mut out);
    out
}

/// A numbered figure: its body, caption (a one-paragraph caption without
/// its paragraph), and the data behind a chart under a disclosure.
fn figure(f: &Figure) -> String {
    let body = match &f.body {
        FigureBody::Image { mime, bytes, alt } => format!(
            "<img src=\"{}\" alt=\"{}\">",
            data_uri(mime, bytes),
            html(alt)
        ),
        FigureBody::Chart { svg, .. } => svg.clone(),
    };
    let badge = if f.illustrative {
        "<span class=\"badge\">Illustrative data</span> "
    } else {
        ""
    };
    let caption = blocks(&f.caption);
    let caption = caption.trim();
    let caption = caption
        .strip_prefix("<p>")
        .and_then(|c| c.strip_suffix("</p>"))
        .unwrap_or(caption);
    let mut out = format!(
        "<figure class=\"figure\" id=\"{}\">\n<div class=\"figure-body\">{body}</div>\n<figcaption><span class=\"figure-number\">Figure {}.</span> {badge}{caption}</figcaption>\n",
        f.id, f.number
    );
    if !f.data.is_empty() {
        let _ = write!(
            out,
            "<details class=\"figure-data\"><summary>Data for Figure {}</summary>\n{}</details>\n",
            f.number,
            blocks(&f.data)
        );
    }
    out.push_str("</figure>\n");
    out
}
