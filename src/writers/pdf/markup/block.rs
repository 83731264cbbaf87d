//! Blocks as Typst markup: CommonMark's (paragraphs, lists, code, block
//! quotes) and findings' own (callouts, stats, figures, comparisons).

use std::fmt::Write;

use crate::document::{Block, Figure, FigureBody};
use crate::error::Diagnostic;

use super::super::chart;
use super::super::escape::{string, text};
use super::{colour, Writer};

/// The colour of a callout of `kind` (`themes/default/style.css`).
fn callout_colour(kind: &str) -> &'static str {
    match kind {
        "insight" => "#1f5fa8",
        "finding" => "#b4541a",
        "strategic" => "#2f7d5b",
        "warning" => "#a8322d",
        _ => "#6b7385",
    }
}

impl Writer<'_> {
    /// A section's or appendix's blocks, its footnotes kept for where
    /// they are referred to.
    pub(super) fn body(&mut self, blocks: &[Block]) {
        for b in blocks {
            if let Block::Footnote { name, blocks } = b {
                self.footnotes.push((name.clone(), blocks.clone()));
            }
        }
        self.blocks(blocks);
    }

    /// A run of blocks.
    pub(super) fn blocks(&mut self, blocks: &[Block]) {
        for b in blocks {
            self.block(b);
        }
    }

    /// Blocks inside an inline call (a footnote).
    pub(super) fn blocks_inline(&mut self, blocks: &[Block]) {
        self.blocks(blocks);
        let end = self.out.trim_end().len();
        self.out.truncate(end);
    }

    /// A paragraph of `content`.
    pub(super) fn paragraph(&mut self, content: &[crate::document::Inline]) {
        self.inlines(content);
        self.out.push_str("\n\n");
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Paragraph(c) | Block::HtmlBlock(c) | Block::CodeDescription(c) => {
                self.paragraph(c)
            }
            Block::Plain(c) => {
                self.inlines(c);
                self.out.push('\n');
            }
            Block::Heading {
                level, id, content, ..
            } => {
                let level = level.saturating_sub(1).clamp(2, 5);
                let _ = write!(self.out, "#heading(level: {level})[");
                self.inlines(content);
                self.out.push(']');
                self.anchor_after(id);
                self.out.push_str("\n\n");
            }
            Block::BlockQuote(body) => {
                self.out.push_str("#quote[");
                self.blocks_inline(body);
                self.out.push_str("]\n\n");
            }
            Block::CodeBlock { text: code, .. } => {
                let _ = write!(self.out, "#raw(block: true, {})\n\n", string(code));
            }
            Block::List { start, items } => self.list(*start, items),
            Block::Rule => {
                let _ = write!(
                    self.out,
                    "#line(length: 100%, stroke: 0.5pt + rgb(\"{}\"))\n\n",
                    colour::RULE
                );
            }
            // Written where it is referred to.
            Block::Footnote { .. } => {}
            Block::Grid {
                alignments,
                head,
                rows,
            } => self.grid(alignments, head, rows),
            Block::Callout { kind, title, body } => self.callout(kind, title, body),
            Block::Stat {
                value,
                illustrative,
                label,
                caption,
            } => {
                let _ = write!(
                    self.out,
                    "#block(breakable: false, width: 100%, fill: rgb(\"{}\"), inset: 10pt, radius: 3pt)[#text(size: 20pt, weight: \"bold\")[{}{}]",
                    colour::PAPER_ALT,
                    text(value),
                    if *illustrative { "#super[†]" } else { "" }
                );
                if let Some(label) = label {
                    self.out.push_str(" #linebreak() #text(weight: \"bold\")[");
                    self.inlines(label);
                    self.out.push(']');
                }
                self.out.push_str("\n\n#text(size: 9.5pt)[");
                self.blocks_inline(caption);
                self.out.push_str("]]\n\n");
            }
            Block::Figure(f) => self.figure(f),
            Block::Compare(body) => self.compare(body),
            Block::Side { heading, body } => {
                self.out.push_str("#block(breakable: true)[#strong[");
                self.inlines(heading);
                self.out.push_str("]\n\n");
                self.blocks_inline(body);
                self.out.push_str("]\n\n");
            }
            Block::Table(t) => self.table(t),
            Block::CodeExample(c) => {
                self.out.push_str("#pad(left: 1em)[");
                self.inlines(c);
                self.out.push_str("]\n\n");
            }
            Block::Quote(q) => self.quote(q),
            Block::Quotes(qs) => {
                for q in qs {
                    self.quote(q);
                }
            }
            Block::QuoteIndex(entries) => self.quote_index(entries),
            Block::Bibliography(b) => self.bibliography(b),
            Block::BuildManifest(facts) => self.manifest(facts),
            // Resolved by the report before a writer sees the document;
            // raw HTML has no meaning on paper.
            Block::Placed(_) | Block::Html(_) => {}
        }
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>]) {
        match start {
            Some(n) => {
                // CommonMark allows nine digits; Typst's integers are i64.
                let n = n.min(999_999_999);
                let _ = write!(self.out, "#enum(start: {n}");
            }
            None => self.out.push_str("#list("),
        }
        for (k, item) in items.iter().enumerate() {
            if k > 0 || start.is_some() {
                self.out.push_str(", ");
            }
            self.out.push('[');
            self.blocks_inline(item);
            self.out.push(']');
        }
        self.out.push_str(")\n\n");
    }

    fn callout(&mut self, kind: &str, title: &[crate::document::Inline], body: &[Block]) {
        let c = callout_colour(kind);
        let fill = if kind == "insight" {
            colour::ACCENT_SOFT
        } else {
            "#ffffff"
        };
        let _ = write!(
            self.out,
            "#block(width: 100%, inset: (x: 10pt, y: 8pt), fill: rgb(\"{fill}\"), stroke: (left: 3pt + rgb(\"{c}\"), rest: 0.5pt + rgb(\"{}\")), above: 1.2em, below: 1.2em)[#text(size: 8pt, weight: \"bold\", tracking: 0.06em, fill: rgb(\"{c}\"))[#upper[",
            colour::RULE
        );
        self.inlines(title);
        self.out.push_str("]]\n\n");
        self.blocks_inline(body);
        self.out.push_str("]\n\n");
    }

    fn compare(&mut self, body: &[Block]) {
        let sides = body
            .iter()
            .filter(|b| matches!(b, Block::Side { .. }))
            .count();
        if sides < 2 || sides != body.len() {
            self.blocks(body);
            return;
        }
        let _ = write!(
            self.out,
            "#grid(columns: ({}), column-gutter: 1.2em",
            vec!["1fr"; sides.min(3)].join(", ")
        );
        for b in body {
            self.out.push_str(", [");
            self.block(b);
            self.trim();
            self.out.push(']');
        }
        self.out.push_str(")\n\n");
    }

    fn trim(&mut self) {
        let end = self.out.trim_end().len();
        self.out.truncate(end);
    }

    /// A figure: never split across pages, numbered as the report numbers
    /// it, its image with alternative text, then the data behind it.
    fn figure(&mut self, f: &Figure) {
        let Some(image) = self.figure_image(f) else {
            return;
        };
        let _ = write!(
            self.out,
            "#block(breakable: false, width: 100%)[#figure({image}, kind: image, supplement: [Figure], numbering: _ => {}, caption: [",
            string(&f.number)
        );
        if f.illustrative {
            self.out.push_str("#emph[Illustrative data.] ");
        }
        self.blocks_inline(&f.caption);
        self.out.push_str("])");
        self.anchor_after(&f.id);
        self.out.push_str("]\n\n");
        if !f.data.is_empty() {
            let _ = write!(
                self.out,
                "#text(size: 9pt, weight: \"bold\")[Data for Figure {}]\n\n",
                text(&f.number)
            );
            self.blocks(&f.data);
        }
    }

    /// The image call of a figure, its file added to the world; `None`
    /// (and an error) when it has no alternative text or cannot be shown.
    fn figure_image(&mut self, f: &Figure) -> Option<String> {
        let n = self.files.len();
        let (path, format, alt, bytes) = match &f.body {
            FigureBody::Chart { svg, summary } => {
                let Some((svg, w, h)) = chart::standalone(svg, &self.options.palette) else {
                    self.problem(Diagnostic::error(format!(
                        "the chart of figure `{}` is not an SVG findings can print",
                        f.id
                    )));
                    return None;
                };
                self.check_print_size(f, w, h);
                (format!("/f/{n}.svg"), "svg", summary, svg.into_bytes())
            }
            FigureBody::Image { mime, bytes, alt } => {
                let Some(format) = image_format(mime) else {
                    self.problem(
                        Diagnostic::error(format!(
                            "figure `{}` is an image of type `{mime}`, which a PDF cannot show",
                            f.id
                        ))
                        .help("use a PNG, JPEG, GIF, WebP or SVG image"),
                    );
                    return None;
                };
                (format!("/f/{n}.{format}"), format, alt, bytes.clone())
            }
        };
        if alt.trim().is_empty() {
            self.problem(
                Diagnostic::error(format!("figure `{}` has no alternative text", f.id))
                    .help("PDF/UA requires every figure to say in words what it shows: give the image an alt text (`![what it shows](file.png)`)"),
            );
            return None;
        }
        self.files.push((path.clone(), bytes));
        Some(format!(
            "findings-fit({}, {}, {})",
            string(&path),
            string(format),
            string(alt)
        ))
    }

    /// Warns when chart `f`, `w` × `h` CSS pixels, must shrink so far to
    /// fit on one page that its text is too small to read.
    fn check_print_size(&mut self, f: &Figure, w: f64, h: f64) {
        let (text_w, text_h) = super::preamble::TEXT_AREA;
        // An SVG pixel is 0.75 pt; the charts' text is 12 px.
        let (w_pt, h_pt) = (w * 0.75, h * 0.75);
        let scale = (text_w / w_pt)
            .min(text_h * super::preamble::TALLEST / h_pt)
            .min(1.0);
        let size = 9.0 * scale;
        if size < 5.0 {
            self.problem(
                Diagnostic::warning(format!(
                    "figure `{}` is too tall for a page: the PDF shrinks it to fit one, and its text to {size:.1} pt",
                    f.id
                ))
                .help("show fewer bars or rows (`:top: 25`), or split the chart in two; the page shows it at full size"),
            );
        }
    }

    /// Records a problem in the current section.
    pub(super) fn problem(&mut self, d: Diagnostic) {
        let d = if self.section.is_empty() {
            d
        } else {
            let label = format!("in section `{}`", self.section);
            d.label(label)
        };
        self.problems.push(d);
    }
}

/// Typst's image format for a media type.
fn image_format(mime: &str) -> Option<&'static str> {
    Some(match mime {
        "image/png" => "png",
        "image/jpeg" | "image/jpg" => "jpg",
        "image/gif" => "gif",
        "image/webp" => "webp",
        "image/svg+xml" => "svg",
        _ => return None,
    })
}
