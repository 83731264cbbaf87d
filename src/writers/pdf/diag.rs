//! Typst's errors and warnings as findings' diagnostics. The markup is
//! generated, so a problem in it is findings' fault or a limit of Typst,
//! never the author's line: the message names the section it is in, and
//! only a debug build shows the generated line itself.

use typst::diag::{Severity, SourceDiagnostic};
use typst::WorldExt;

use crate::error::Diagnostic;

use super::world::Memory;

/// `d` as a diagnostic, placed by the section of the markup it is in.
pub fn convert(d: &SourceDiagnostic, world: &Memory<'_>, places: &[(usize, String)]) -> Diagnostic {
    let message = format!("the PDF writer: {}", d.message);
    let mut out = match d.severity {
        Severity::Error => Diagnostic::error(message),
        Severity::Warning => Diagnostic::warning(message),
    };
    let range = world.range(d.span);
    if let Some(range) = &range {
        if let Some((_, id)) = places.iter().take_while(|(s, _)| *s <= range.start).last() {
            out = out.label(format!("in section `{id}`"));
        }
    }
    let mut help: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
    if cfg!(debug_assertions) {
        if let Some(range) = range {
            let text = world.source().text();
            let start = text[..range.start.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let end = text[range.start.min(text.len())..]
                .find('\n')
                .map_or(text.len(), |i| range.start + i);
            let line = text[..start].matches('\n').count() + 1;
            let excerpt: String = text[start..end].chars().take(240).collect();
            help.push(format!("generated markup, line {line}: {excerpt}"));
        }
    }
    if !help.is_empty() {
        out = out.help(help.join("; "));
    }
    out
}
