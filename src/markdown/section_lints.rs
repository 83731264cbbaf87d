//! The section renderer's checks: where in a directive's options a
//! message's culprit is written, the thin-evidence lint of a directive's
//! selection, the front matter's `allow` list, and the hand-typed-number
//! lint on prose.

use crate::markdown::context::{Directive, Renderer};
use crate::markdown::section::SectionRenderer;
use crate::markdown::{components, lints};

impl SectionRenderer<'_> {
    /// Where, in a directive's fence line and options (`from..to`), the
    /// value a message quotes in backticks is written, so the caret points
    /// at `:by: stnce` rather than at the whole directive. The last quoted
    /// value is the most specific (`:role:` is `age`), so it is tried first.
    pub(super) fn culprit(&self, message: &str, from: usize, to: usize) -> Option<(usize, usize)> {
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

    /// Thin evidence: the codes a directive of the report's body names, by
    /// its selection (`{stat}`'s after the measure), a chart's `:data:`
    /// or its `:codes:`, lint at its fence line `at`. The appendices list
    /// the evidence rather than claim from it.
    pub(super) fn lint_directive(&mut self, d: &Directive, at: usize) {
        if matches!(
            d.name.as_str(),
            "quote-index" | "codebook" | "participants" | "sources"
        ) {
            return;
        }
        let argument = match d.name.as_str() {
            "stat" => d.argument.split_once(' ').map_or("", |(_, sel)| sel),
            _ => d.argument.as_str(),
        };
        for text in [Some(argument), d.option("data")].into_iter().flatten() {
            if let Ok(sel) = crate::analysis::select::Selection::parse(text) {
                lints::thin_codes(self, &sel, at);
            }
        }
        if let Some(codes) = d.option("codes") {
            lints::thin(self, &components::list(codes), at);
        }
    }

    /// Every `allow` entry of the front matter must name a lint.
    pub(super) fn check_allow(&mut self) {
        for (i, name) in self.ctx.allow.iter().enumerate() {
            // A name written twice is reported once.
            if !lints::NAMES.contains(&name.as_str()) && !self.ctx.allow[..i].contains(name) {
                let quoted = format!("\"{name}\"");
                let at = self.text.find(&quoted).unwrap_or(0);
                self.error(
                    at,
                    quoted.len(),
                    format!("`{name}` is not a lint"),
                    crate::error::did_you_mean(name, lints::NAMES).map_or_else(
                        || format!("the lints are {}", lints::NAMES.join(", ")),
                        |m| format!("did you mean `{m}`?"),
                    ),
                );
            }
        }
    }

    /// The hand-typed-number lint on prose text `t` (written `source`, at
    /// file offset `at`).
    pub(super) fn lint_numbers(&mut self, t: &str, source: &str, at: usize) {
        if self.ctx.allow.iter().any(|a| a == lints::HAND_TYPED_NUMBER)
            || !t.bytes().any(|b| b.is_ascii_digit())
        {
            return;
        }
        let hits = lints::hand_typed_numbers(t, self.ctx.study.figures());
        for (offset, _, typed, role) in hits {
            // Smart punctuation can make the event's text differ from the
            // source; then the lint points at the start of the text.
            let offset = if t == source { offset } else { 0 };
            Renderer::lint(
                self,
                lints::HAND_TYPED_NUMBER,
                at + offset,
                format!("`{typed}` is typed by hand, and the data gives it"),
                format!("write {role} so the number follows the data"),
            );
        }
    }
}
