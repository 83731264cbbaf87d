//! The one error type of the pipeline.
//!
//! Every stage reports problems as [`Diagnostic`]s: a message, where it is
//! (file, line, column, the source line itself) and a hint on how to fix it.
//! Stages collect independent problems into [`Diagnostics`] instead of
//! stopping at the first, so `findings check` can list them all at once.

use std::fmt;

mod location;
mod suggest;

pub use location::Location;
#[cfg(test)]
use location::EXCERPT_CHARS;

pub use suggest::{did_you_mean, expected_keys};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use crate::escape::is_hidden;

/// How bad a diagnostic is: errors fail the build, warnings only inform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Fails the build.
    Error,
    /// Shown, but fails only with `--deny-warnings`.
    Warning,
    /// What was read or decided on the way (an import's counts, say):
    /// shown, never failing anything.
    Note,
}

/// One problem found in a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in one sentence without a trailing full stop.
    pub message: String,
    /// Where it is, when it is somewhere in particular.
    pub location: Option<Location>,
    /// A short label under the caret.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// A new error with just a message.
    pub fn error(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            message: message.into(),
            location: None,
            label: None,
            help: None,
        }
    }

    /// A new warning with just a message.
    pub fn warning(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// A new note: information, not a problem.
    pub fn note(message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(message)
        }
    }

    /// Attaches the place the problem is.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Attaches a label printed under the caret.
    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    /// Attaches a hint on how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Renders the diagnostic the way rustc does: message, `-->` location,
    /// the source line with a caret, and `help:`.
    ///
    /// Control characters and bidi overrides quoted from a project would
    /// act on the terminal (colours, text reordered), so each is printed
    /// as U+FFFD: one character for one, which keeps the caret in place.
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
            Severity::Note => Level::NOTE,
        };
        let message = tame(&self.message);
        let line_text = self.location.as_ref().map(|l| tame(&l.line_text));
        let label = self.label.as_deref().map(tame);
        let help = self.help.as_deref().map(tame);
        let mut group = Group::with_title(level.primary_title(&message));
        let path;
        if let Some(loc) = &self.location {
            path = loc.file.display().to_string();
            if loc.line == 0 {
                group = group.element(annotate_snippets::Origin::path(&path));
            } else {
                let line_text = line_text.as_deref().unwrap_or_default();
                let column = loc.column.saturating_sub(1 + loc.skipped);
                let start = char_to_byte(line_text, column);
                let end = char_to_byte(line_text, column + loc.len.max(1));
                let mut annotation = AnnotationKind::Primary.span(start..end.max(start));
                if let Some(label) = &label {
                    annotation = annotation.label(label);
                }
                let snippet = Snippet::source(line_text)
                    .line_start(loc.line)
                    .annotation(annotation);
                // A cut excerpt would make the renderer count the column
                // from the cut; the real place is written below instead.
                group = group.element(if loc.skipped == 0 {
                    snippet.path(&path)
                } else {
                    snippet
                });
            }
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let out = renderer.render(&[group]);
        match &self.location {
            Some(loc) if loc.skipped > 0 => {
                let (title, rest) = out.split_once('\n').unwrap_or((&out, ""));
                let gutter = " ".repeat(loc.line.to_string().len());
                format!("{title}\n{gutter}--> {loc}\n{rest}")
            }
            _ => out,
        }
    }
}

/// `text` with every hidden character (see `escape::is_hidden`)
/// replaced by U+FFFD.
fn tame(text: &str) -> String {
    text.chars()
        .map(|c| if is_hidden(c) { '\u{FFFD}' } else { c })
        .collect()
}

fn char_to_byte(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostic {}

/// Everything a stage found wrong, in the order found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// An empty collection.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Adds one diagnostic.
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    /// Adds all of another collection.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// Number of errors (not warnings).
    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// True when at least one error was found.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// True when nothing at all was found.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Renders every diagnostic followed by the summary line.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render(color));
            out.push_str("\n\n");
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// "error: could not build: 2 errors, 1 warning" style closing line.
    pub fn summary(&self) -> String {
        let (e, w) = (self.error_count(), self.warning_count());
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        if e > 0 {
            format!("found {}, {}", plural(e, "error"), plural(w, "warning"))
        } else {
            format!("found no errors, {}", plural(w, "warning"))
        }
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn an_indexed_location_is_the_counted_one() {
        let text = "ab\n\ncé\nlast line";
        let lines = [0, 3, 4, 8];
        for offset in 0..=text.len() + 2 {
            assert_eq!(
                Location::in_indexed_text(Path::new("f"), text, &lines, offset, 2),
                Location::in_text(Path::new("f"), text, offset, 2),
                "offset {offset}"
            );
        }
    }

    #[test]
    fn locates_offsets_in_lines_and_columns() {
        let text = "first\nsecond line\nthird";
        let loc = Location::in_text(Path::new("a.md"), text, 13, 4);
        assert_eq!((loc.line, loc.column, loc.len), (2, 8, 4));
        assert_eq!(loc.line_text, "second line");
        assert_eq!(loc.to_string(), "a.md:2:8");
    }

    #[test]
    fn byte_columns_become_character_columns() {
        let text = "[\n  {\"id\": \"é-é\", \"x\": 1}\n]";
        let at = text.find("\"x\"").unwrap() - text.find("  {").unwrap() + 1;
        let loc = Location::at_line(Path::new("p.json"), text, 2, at);
        assert_eq!((loc.line, loc.column), (2, 17));
        // A column inside a character, or past the line, is clamped.
        let loc = Location::at_line(Path::new("p.json"), "é\n", 1, 2);
        assert_eq!(loc.column, 1);
        assert_eq!(
            Location::at_line(Path::new("p.json"), "ab", 1, 99).column,
            3
        );
    }

    #[test]
    fn very_long_lines_are_cut_around_the_column() {
        let mut text = "x".repeat(1_000_000);
        text.replace_range(500_000..500_003, "BAD");
        let loc = Location::in_text(Path::new("min.json"), &text, 500_000, 3);
        assert_eq!((loc.line, loc.column), (1, 500_001));
        assert_eq!(loc.line_text.chars().count(), EXCERPT_CHARS);
        let out = Diagnostic::error("bad").at(loc).render(false);
        assert!(out.contains("--> min.json:1:500001"), "{out}");
        assert!(out.contains("BAD"), "{out}");
        assert!(out.len() < 2_000, "{out}");
    }

    #[test]
    fn renders_like_rustc() {
        let text = "{\n  \"id\": 3\n}";
        let d = Diagnostic::error("`id` must be a string")
            .at(Location::in_text(Path::new("data/p.json"), text, 10, 1))
            .label("a number")
            .help("quote it: \"3\"");
        let out = d.render(false);
        assert!(out.starts_with("error: `id` must be a string"), "{out}");
        assert!(out.contains("--> data/p.json:2:9"), "{out}");
        assert!(out.contains("  \"id\": 3"), "{out}");
        assert!(out.contains("^ a number"), "{out}");
        assert!(out.contains("help: quote it"), "{out}");
    }

    #[test]
    fn reads_every_form_of_expected_keys() {
        let keys = |m| expected_keys(m);
        assert_eq!(
            keys("unknown field `x`, expected one of `a`, `b`, `c`"),
            ["a", "b", "c"]
        );
        assert_eq!(keys("unknown field `x`, expected `a` or `b`"), ["a", "b"]);
        assert_eq!(keys("unknown field `x`, expected `a`"), ["a"]);
        assert!(keys("unknown field `x`, there are no fields").is_empty());
    }

    #[test]
    fn suggests_close_names_only() {
        let names = ["participants", "segments", "codebook"];
        assert_eq!(did_you_mean("participant", names), Some("participants"));
        assert_eq!(did_you_mean("zzz", names), None);
    }
}
