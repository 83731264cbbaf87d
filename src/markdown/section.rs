//! Renders one section's Markdown, expanding roles and directives on the
//! pulldown-cmark event stream.
//!
//! Figure numbers, cross-references, heading ids, quote numbers and
//! citations depend on the whole report, but sections render
//! independently (in parallel), so their nodes are left open and
//! [`crate::render::resolve`] resolves them once every section is done.

use std::path::Path;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::document::{Block, Inlines};
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::SectionSource;
use crate::markdown::context::{Context, Directive, Failure, Renderer, Trail};
use crate::markdown::cross_report::CrossLink;
use crate::markdown::events::EventBuffer;
use crate::markdown::fence::{block_text, fence_closes};
use crate::markdown::inline::{safe_link, shown};
use crate::markdown::parser_options as options;
use crate::markdown::tree_of::{self, Kept};
use crate::markdown::{components, directive, roles};
use crate::slug::slugify;

/// A heading inside a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 3 to 6 (sections themselves are level 2).
    pub level: u8,
    /// The heading's content.
    pub content: Inlines,
    /// The id it asks for (explicit `{#id}` or made from its text).
    pub slug: String,
}

/// A rendered section, with placeholders still in its HTML.
#[derive(Debug, Clone, Default)]
pub struct RenderedSection {
    /// The body as document blocks.
    pub blocks: Vec<Block>,
    /// Headings in order; placeholder `H n` refers to `headings[n]`.
    pub headings: Vec<Heading>,
    /// Labels of figures in order; placeholder `F n` is `figures[n]`'s number.
    pub figures: Vec<Option<(String, Location)>>,
    /// Cross-references (`R label`) with where they are.
    pub refs: Vec<(String, Location)>,
    /// Links and references into other reports of the site, checked once
    /// every report is built.
    pub links: Vec<CrossLink>,
    /// Whether anything illustrative was shown.
    pub illustrative: bool,
    /// Quotes, codebook entries, placed appendices and citations.
    pub trail: Trail,
    /// Errors and warnings.
    pub problems: Diagnostics,
}

/// Renders `section` in `ctx`.
pub fn render(section: &SectionSource, ctx: Context<'_>) -> RenderedSection {
    let mut r = SectionRenderer {
        ctx,
        path: &section.path,
        text: &section.text,
        section: &section.id,
        out: RenderedSection::default(),
    };
    r.check_allow();
    r.out.blocks = r.markdown(section.body(), section.body_start, &section.id);
    r.out
}

/// Renders `snippet`, a line of Markdown with roles written in `text`
/// (the file at `path`) at byte `at`, e.g. the headline in
/// `report.toml`; its problems point there.
pub fn render_snippet(
    path: &Path,
    text: &str,
    at: usize,
    snippet: &str,
    ctx: Context<'_>,
) -> RenderedSection {
    let mut r = SectionRenderer {
        ctx,
        path,
        text,
        section: "headline",
        out: RenderedSection::default(),
    };
    r.out.blocks = r.markdown(snippet, at, "headline");
    r.out
}

/// Renders Markdown recursively (directive bodies are Markdown too) and
/// collects what the section shows.
pub struct SectionRenderer<'a> {
    /// Report-wide inputs.
    pub ctx: Context<'a>,
    path: &'a Path,
    pub(super) text: &'a str,
    /// The section's id (a plain name), for ids of unlabeled figures.
    section: &'a str,
    /// What has been collected so far.
    pub out: RenderedSection,
}

impl<'a> Renderer<'a> for SectionRenderer<'a> {
    fn ctx(&self) -> Context<'a> {
        self.ctx
    }

    fn markdown(&mut self, text: &str, base: usize, scope: &str) -> Vec<Block> {
        SectionRenderer::markdown(self, text, base, scope)
    }

    fn figure(
        &mut self,
        label: Option<&str>,
        at: usize,
        len: usize,
    ) -> Result<(usize, String), Failure> {
        SectionRenderer::figure(self, label, at, len)
    }

    fn reference(&mut self, label: &str, at: usize, len: usize) {
        SectionRenderer::reference(self, label, at, len)
    }

    fn illustrative(&mut self) {
        self.out.illustrative = true;
    }

    fn warning(&mut self, at: usize, message: String, help: String) {
        let d = Diagnostic::warning(message)
            .at(self.locate(at, 1))
            .help(help);
        self.out.problems.push(d);
    }

    fn trail(&mut self) -> &mut Trail {
        &mut self.out.trail
    }

    fn locate(&self, at: usize, len: usize) -> Location {
        SectionRenderer::locate(self, at, len)
    }
}

impl<'a> SectionRenderer<'a> {
    /// The location of `len` bytes at file offset `offset`.
    pub fn locate(&self, offset: usize, len: usize) -> Location {
        Location::in_text(self.path, self.text, offset, len)
    }

    /// Records an error at file offset `offset`.
    pub fn error(&mut self, offset: usize, len: usize, message: String, help: String) {
        let d = Diagnostic::error(message)
            .at(self.locate(offset, len))
            .help(help);
        self.out.problems.push(d);
    }

    /// Renders `text`, which starts at byte `base` of the section file.
    /// `scope` prefixes footnote names so sections never share them.
    pub fn markdown(&mut self, text: &str, base: usize, scope: &str) -> Vec<Block> {
        let mut events = EventBuffer::new();
        let mut kept = Kept::default();
        let mut heading_start: Option<usize> = None;
        let mut iter = Parser::new_ext(text, options()).into_offset_iter();
        while let Some((event, range)) = iter.next() {
            match event {
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                    if directive::info(&info).is_some() =>
                {
                    let block = block_text(&mut iter);
                    let source = &text[range.clone()];
                    let fence_len = source.find('\n').unwrap_or(source.len());
                    let (name, argument) = directive::info(&info).unwrap_or_default();
                    if !fence_closes(source) {
                        // pulldown-cmark lets an unclosed fence run to the end
                        // of the document; rendering the rest as the body
                        // would hide everything after it without a word.
                        self.error(
                            base + range.start,
                            fence_len,
                            format!("the directive `{{{name}}}` never closes"),
                            "close it with a line holding only the opening fence (as many backticks or tildes)".to_string(),
                        );
                        continue;
                    }
                    let blocks = self.directive(
                        name,
                        argument,
                        &block,
                        base + range.start,
                        fence_len,
                        scope,
                    );
                    events.push(kept.blocks(blocks));
                }
                Event::Code(arg) => match events.trailing_role() {
                    Some(name) => {
                        events.drop_text_suffix(name.len() + 2);
                        let at = base + range.start;
                        match roles::evaluate(self, &name, &arg, at, range.len()) {
                            Ok(roles::Output::Text(s)) => events.push_text(&s),
                            Ok(roles::Output::Html(s)) => {
                                events.push(kept.inline(crate::document::Inline::Html(s)))
                            }
                            Ok(roles::Output::Node(node)) => events.push(kept.inline(node)),
                            Err((message, help)) => {
                                // An unknown role is the name's fault, not the argument's.
                                let written = at.checked_sub(name.len() + 2).filter(|&s| {
                                    self.text.get(s..at) == Some(&*format!("{{{name}}}"))
                                });
                                match written {
                                    Some(s) if message.starts_with("unknown role") => {
                                        self.error(s, name.len() + 2, message, help)
                                    }
                                    _ => self.error(at, range.len(), message, help),
                                }
                            }
                        }
                    }
                    None => events.push(Event::Code(shown(arg))),
                },
                Event::Text(t) => {
                    self.lint_numbers(&t, &text[range.clone()], base + range.start);
                    events.push_text(&t)
                }
                Event::Html(h) | Event::InlineHtml(h) if !self.ctx.raw_html => events.push_text(&h),
                Event::Html(ref h) | Event::InlineHtml(ref h) => {
                    self.lint_raw_html(h, base + range.start);
                    events.push(event);
                }
                Event::FootnoteReference(name) => {
                    events.push(Event::FootnoteReference(format!("{scope}-{name}").into()))
                }
                Event::Start(Tag::FootnoteDefinition(name)) => {
                    events.push(Event::Start(Tag::FootnoteDefinition(
                        format!("{scope}-{name}").into(),
                    )));
                }
                Event::Start(Tag::Heading { .. }) => {
                    heading_start = Some(events.events().len());
                    events.push(event);
                }
                Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                    let tag = self.cross_report_link(tag, base + range.start, range.len());
                    events.push(Event::Start(safe_link(tag)));
                }
                Event::End(TagEnd::Heading(level)) => {
                    if let Some(start) = heading_start.take() {
                        let heading = self.heading(events.events(), start, level, &mut kept);
                        events.push(kept.blocks(vec![heading]));
                    }
                }
                other => events.push(other),
            }
        }
        tree_of::blocks(events.into_events(), &mut kept)
    }

    /// Takes the heading's events (from `start`) out of the stream and
    /// returns its block; its id is decided once the report is known.
    fn heading(
        &mut self,
        events: &mut Vec<Event<'_>>,
        start: usize,
        level: HeadingLevel,
        kept: &mut Kept,
    ) -> Block {
        let inner: Vec<Event<'_>> = events.drain(start..).collect();
        let explicit = match &inner[0] {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        };
        let mut plain = String::new();
        for e in &inner[1..] {
            if let Event::Text(t) | Event::Code(t) = e {
                plain.push_str(t);
            }
        }
        let content = tree_of::inlines(inner.into_iter().skip(1).collect(), kept);
        // Sections are <h2>; anything a section writes sits below them.
        let level = (level as u8).max(3);
        let index = self.out.headings.len();
        self.out.headings.push(Heading {
            level,
            content: content.clone(),
            slug: explicit.unwrap_or_else(|| slugify(&plain)),
        });
        Block::Heading {
            level,
            index,
            id: String::new(),
            content,
        }
    }

    fn directive(
        &mut self,
        name: &str,
        argument: &str,
        block: &str,
        at: usize,
        len: usize,
        scope: &str,
    ) -> Vec<Block> {
        let d = match directive::parse(name, argument, block) {
            Ok(d) => Directive { at, ..d },
            Err((message, offset, help)) => {
                // The block text starts on the line after the fence.
                let pos = if offset == 0 && message.starts_with("unknown directive") {
                    at
                } else {
                    at + len + 1 + offset
                };
                self.error(pos, len, message, help);
                return Vec::new();
            }
        };
        let body_at = at + len + 1 + d.body_offset;
        self.lint_directive(&d, at);
        match components::render(self, &d, body_at, scope) {
            Ok(blocks) => blocks,
            Err((message, help)) => {
                let (pos, width) = self.culprit(&message, at, body_at).unwrap_or((at, len));
                self.error(pos, width, message, help);
                // A figure that failed still takes its number and label, so
                // references to it are not reported as dangling too.
                if matches!(name, "chart" | "figure") {
                    let label = d.option("label");
                    let known = self
                        .out
                        .figures
                        .iter()
                        .flatten()
                        .any(|(l, _)| Some(l.as_str()) == label);
                    if !known {
                        let _ = self.figure(label, body_at, 1);
                    }
                }
                Vec::new()
            }
        }
    }

    /// Registers a figure and returns its placeholder number and element id.
    pub fn figure(
        &mut self,
        label: Option<&str>,
        at: usize,
        len: usize,
    ) -> Result<(usize, String), (String, String)> {
        if let Some(label) = label {
            if label.is_empty()
                || !label
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err((
                    format!("figure label `{label}` is not a plain name"),
                    "use letters, digits and dashes, e.g. :label: fig-sentiment".into(),
                ));
            }
        }
        let n = self.out.figures.len();
        // Point at the `:label:` option itself: options sit right before
        // the body, so the nearest one before `at` is this figure's.
        let located = label.map(|l| {
            let option = self
                .text
                .get(..at)
                .and_then(|t| t.rfind(":label:"))
                .and_then(|o| self.text[o..].find(l).map(|v| (o + v, l.len())));
            let (offset, width) = option.unwrap_or((at, len));
            (l.to_string(), self.locate(offset, width))
        });
        self.out.figures.push(located);
        // An unlabeled figure's id is known here already (the section id
        // is a plain name, unique in the report), so it needs no
        // placeholder: ids end up in attributes and SVG ids, where
        // placeholders do not belong.
        let id = label.map_or_else(
            || format!("figure-{}-{}", self.section, n + 1),
            str::to_string,
        );
        Ok((n, id))
    }
}
