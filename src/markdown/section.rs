//! Renders one section's Markdown, expanding roles and directives on the
//! pulldown-cmark event stream.
//!
//! Figure numbers, cross-references and heading ids depend on the whole
//! report, but sections render independently (in parallel), so those are
//! written as placeholders (`U+0001 kind payload U+0001`) that
//! [`crate::render::resolve`] fills in once every section is done.

use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::analysis::format::NumberFormat;
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::SectionSource;
use crate::markdown::events::EventBuffer;
use crate::markdown::{components, directive, roles, slug::slugify};
use crate::model::study::Study;
use crate::render::escape::show_hidden;

/// What every section render needs to know about the report.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    /// The indexed datasets.
    pub study: &'a Study,
    /// Number formatting.
    pub format: &'a NumberFormat,
    /// Project folder, for assets.
    pub root: &'a Path,
    /// Whether raw HTML in Markdown passes through.
    pub raw_html: bool,
}

/// A heading inside a section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 3 to 6 (sections themselves are level 2).
    pub level: u8,
    /// The heading's inner HTML.
    pub html: String,
    /// The id it asks for (explicit `{#id}` or made from its text).
    pub slug: String,
}

/// A rendered section, with placeholders still in its HTML.
#[derive(Debug, Clone, Default)]
pub struct RenderedSection {
    /// The body HTML.
    pub html: String,
    /// Headings in order; placeholder `H n` refers to `headings[n]`.
    pub headings: Vec<Heading>,
    /// Labels of figures in order; placeholder `F n` is `figures[n]`'s number.
    pub figures: Vec<Option<(String, Location)>>,
    /// Cross-references (`R label`) with where they are.
    pub refs: Vec<(String, Location)>,
    /// Whether anything illustrative was shown.
    pub illustrative: bool,
    /// Errors and warnings.
    pub problems: Diagnostics,
}

/// Marks a placeholder in rendered HTML.
pub const MARK: char = '\u{1}';

/// Renders `section` in `ctx`.
pub fn render(section: &SectionSource, ctx: Context<'_>) -> RenderedSection {
    let mut r = SectionRenderer {
        ctx,
        path: &section.path,
        text: &section.text,
        out: RenderedSection::default(),
    };
    let html = r.markdown(section.body(), section.body_start, &section.id);
    r.out.html = html;
    r.out
}

/// Checks what can be checked in `section` without the datasets: unclosed
/// directive fences, directive names and options, role names. Used when
/// the datasets are broken, so these are reported with the data errors
/// instead of only after the data is fixed.
pub fn check_syntax(section: &SectionSource) -> Diagnostics {
    let mut problems = Diagnostics::new();
    syntax(
        &section.path,
        &section.text,
        section.body(),
        section.body_start,
        &mut problems,
    );
    problems
}

fn syntax(path: &Path, file: &str, text: &str, base: usize, problems: &mut Diagnostics) {
    let error =
        |problems: &mut Diagnostics, at: usize, len: usize, (message, help): (String, String)| {
            problems.push(
                Diagnostic::error(message)
                    .at(Location::in_text(path, file, at, len))
                    .help(help),
            );
        };
    // Text since the last other event, for roles split over pieces.
    let mut last_text = String::new();
    let mut iter = Parser::new_ext(text, options()).into_offset_iter();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let block = block_text(&mut iter);
                let Some((name, argument)) = directive::info(&info) else {
                    continue;
                };
                let source = &text[range.clone()];
                let fence_len = source.find('\n').unwrap_or(source.len());
                let at = base + range.start;
                if !fence_closes(source) {
                    let message = format!("the directive `{{{name}}}` never closes");
                    let help = "close it with a line holding only the opening fence (as many backticks or tildes)";
                    error(problems, at, fence_len, (message, help.to_string()));
                    continue;
                }
                match directive::parse(name, argument, &block) {
                    Ok(d) => {
                        let body_at = at + fence_len + 1 + d.body_offset;
                        syntax(path, file, &d.body, body_at, problems);
                    }
                    Err((message, offset, help)) => {
                        let pos = if offset == 0 && message.starts_with("unknown directive") {
                            at
                        } else {
                            at + fence_len + 1 + offset
                        };
                        error(problems, pos, fence_len, (message, help));
                    }
                }
            }
            Event::Code(_) => {
                if let Some(name) = roles::trailing_role_in(&last_text) {
                    if !roles::ROLES.contains(&name) {
                        let at = (base + range.start).saturating_sub(name.len() + 2);
                        error(problems, at, name.len() + 2, roles::unknown(name));
                    }
                }
                last_text.clear();
            }
            Event::Text(t) => last_text.push_str(&t),
            _ => last_text.clear(),
        }
    }
}

/// Renders Markdown recursively (directive bodies are Markdown too) and
/// collects what the section shows.
pub struct SectionRenderer<'a> {
    /// Report-wide inputs.
    pub ctx: Context<'a>,
    path: &'a Path,
    text: &'a str,
    /// What has been collected so far.
    pub out: RenderedSection,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
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
    pub fn markdown(&mut self, text: &str, base: usize, scope: &str) -> String {
        let mut events = EventBuffer::new();
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
                    let html = self.directive(
                        name,
                        argument,
                        &block,
                        base + range.start,
                        fence_len,
                        scope,
                    );
                    events.push(Event::Html(html.into()));
                }
                Event::Code(arg) => match events.trailing_role() {
                    Some(name) => {
                        events.drop_text_suffix(name.len() + 2);
                        let at = base + range.start;
                        match roles::evaluate(self, &name, &arg, at, range.len()) {
                            Ok(roles::Output::Text(s)) => events.push_text(&s),
                            Ok(roles::Output::Html(s)) => events.push(Event::InlineHtml(s.into())),
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
                Event::Text(t) => events.push_text(&t),
                Event::Html(h) | Event::InlineHtml(h) if !self.ctx.raw_html => events.push_text(&h),
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
                    events.push(Event::Start(safe_link(tag)));
                }
                Event::End(TagEnd::Heading(level)) => {
                    if let Some(start) = heading_start.take() {
                        let html = self.heading(events.events(), start, level);
                        events.push(Event::Html(html.into()));
                    }
                }
                other => events.push(other),
            }
        }
        let mut html = String::with_capacity(text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_events().into_iter());
        html
    }

    /// Replaces the heading's events (from `start`) by nothing and returns
    /// its HTML with a placeholder id and an anchor link.
    fn heading(
        &mut self,
        events: &mut Vec<Event<'_>>,
        start: usize,
        level: HeadingLevel,
    ) -> String {
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
        let mut body = String::new();
        pulldown_cmark::html::push_html(&mut body, inner.into_iter().skip(1));
        // Sections are <h2>; anything a section writes sits below them.
        let level = (level as u8).max(3);
        let n = self.out.headings.len();
        self.out.headings.push(Heading {
            level,
            html: body.clone(),
            slug: explicit.unwrap_or_else(|| slugify(&plain)),
        });
        format!(
            "<h{level} id=\"{MARK}H{n}{MARK}\">{body} <a class=\"anchor\" href=\"#{MARK}H{n}{MARK}\" aria-hidden=\"true\" tabindex=\"-1\">#</a></h{level}>\n"
        )
    }

    fn directive(
        &mut self,
        name: &str,
        argument: &str,
        block: &str,
        at: usize,
        len: usize,
        scope: &str,
    ) -> String {
        let d = match directive::parse(name, argument, block) {
            Ok(d) => d,
            Err((message, offset, help)) => {
                // The block text starts on the line after the fence.
                let pos = if offset == 0 && message.starts_with("unknown directive") {
                    at
                } else {
                    at + len + 1 + offset
                };
                self.error(pos, len, message, help);
                return String::new();
            }
        };
        let body_at = at + len + 1 + d.body_offset;
        match components::render(self, &d, body_at, scope) {
            Ok(html) => html,
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
                String::new()
            }
        }
    }

    /// Where, in a directive's fence line and options (`from..to`), the
    /// value a message quotes in backticks is written, so the caret points
    /// at `:by: stnce` rather than at the whole directive. The last quoted
    /// value is the most specific (`:role:` is `age`), so it is tried first.
    fn culprit(&self, message: &str, from: usize, to: usize) -> Option<(usize, usize)> {
        let region = self.text.get(from..to.min(self.text.len()))?;
        let quoted: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
        quoted
            .into_iter()
            .rev()
            .filter(|t| !t.trim().is_empty())
            .find_map(|token| {
                let word = |c: Option<char>| {
                    c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                };
                region.match_indices(token).find_map(|(i, _)| {
                    let before = region[..i].chars().next_back();
                    let after = region[i + token.len()..].chars().next();
                    (!word(before) && !word(after)).then_some((from + i, token.len()))
                })
            })
    }

    /// Registers a figure and returns its placeholder number and element id.
    pub fn figure(
        &mut self,
        label: Option<&str>,
        at: usize,
        len: usize,
    ) -> Result<(String, String), (String, String)> {
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
        let number = format!("{MARK}F{n}{MARK}");
        let id = label.map_or_else(|| format!("figure-{number}"), str::to_string);
        Ok((number, id))
    }

    /// Records a cross-reference and returns its placeholder.
    pub fn reference(&mut self, label: &str, at: usize, len: usize) -> String {
        let loc = self.locate(at, len);
        self.out.refs.push((label.to_string(), loc));
        format!("{MARK}R{label}{MARK}")
    }
}

/// True when the fenced block `source` (as pulldown-cmark delimits it)
/// ends with a closing fence: a line of at least as many of the opening
/// fence's characters and nothing else. Container markers (`>`, list
/// indentation) before either fence are ignored.
fn fence_closes(source: &str) -> bool {
    let strip = |line: &str| {
        line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
            .trim_end()
            .to_string()
    };
    let mut lines = source.lines();
    let opening = strip(lines.next().unwrap_or(""));
    let Some(fence_char) = opening.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return true;
    };
    let width = opening.chars().take_while(|&c| c == fence_char).count();
    let Some(last) = lines.last().map(strip) else {
        return false;
    };
    last.chars().count() >= width && last.chars().all(|c| c == fence_char)
}

/// URL schemes that run code or smuggle a document when followed.
const UNSAFE_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// A link or image whose destination would run script when followed
/// (`javascript:` and friends, however they are cased or padded) gets a
/// harmless `#` instead: the page is meant to carry no script at all.
/// Images may still be `data:` images.
fn safe_link(tag: Tag<'_>) -> Tag<'_> {
    let unsafe_url = |url: &str, allow_data_image: bool| {
        let folded: String = url
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        UNSAFE_SCHEMES.iter().any(|s| folded.starts_with(s))
            && !(allow_data_image
                && folded.starts_with("data:image/")
                && !folded.starts_with("data:image/svg"))
    };
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } if unsafe_url(&dest_url, false) => Tag::Link {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } if unsafe_url(&dest_url, true) => Tag::Image {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        },
        other => other,
    }
}

/// The text of a fenced block whose start was just read, up to its end.
fn block_text<'t>(events: impl Iterator<Item = (Event<'t>, std::ops::Range<usize>)>) -> String {
    let mut block = String::new();
    for (e, _) in events {
        match e {
            Event::Text(t) => block.push_str(&t),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {}
        }
    }
    block
}

/// Renders a one-line Markdown string (a title, a side heading) inline,
/// without the paragraph around it, with smart punctuation.
pub fn inline(text: &str, raw_html: bool) -> String {
    let events = Parser::new_ext(
        text,
        Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_STRIKETHROUGH,
    )
    .filter_map(|e| match e {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::Html(h) | Event::InlineHtml(h) if !raw_html => Some(Event::Text(shown(h))),
        Event::Text(t) => Some(Event::Text(shown(t))),
        Event::Code(t) => Some(Event::Code(shown(t))),
        Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
            Some(Event::Start(safe_link(tag)))
        }
        other => Some(other),
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html.trim_end().to_string()
}

/// `text` with hidden characters (controls, bidi overrides) shown.
fn shown(text: CowStr<'_>) -> CowStr<'_> {
    match show_hidden(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(s) => CowStr::from(s),
    }
}

#[cfg(test)]
mod tests {
    use super::{fence_closes, inline};

    #[test]
    fn sees_whether_a_fence_closes() {
        assert!(fence_closes("```{note}\nbody\n```\n"));
        assert!(fence_closes("````{compare}\n```{side} A\n```\n````"));
        assert!(fence_closes("> ```{quote} s\n> ```"));
        assert!(!fence_closes("```{note}\nbody\n"));
        assert!(!fence_closes("````{compare}\nbody\n```\n"));
        assert!(!fence_closes("```{note}"));
        assert!(!fence_closes("~~~{note}\nbody\n```\n"));
    }

    #[test]
    fn script_urls_never_become_links() {
        for md in [
            "[x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x]( JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox)",
            "[x](data:text/html,<script>alert(1)</script>)",
            "![x](data:image/svg+xml,<svg onload=alert(1)>)",
        ] {
            let html = inline(md, false).to_ascii_lowercase();
            for attr in ["href=", "src="] {
                let live = html.matches(attr).count();
                let neutral = html.matches(&format!("{attr}\"#\"")).count();
                assert_eq!(live, neutral, "{md} → {html}");
            }
        }
        assert!(inline("[ok](https://example.org)", false).contains("href=\"https://example.org\""));
        assert!(inline("![ok](data:image/png;base64,AAAA)", false).contains("src=\"data:image/png"));
    }
}
