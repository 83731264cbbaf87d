//! The directives' renderers, one file each.

mod chart;
mod code_options;
mod compare;
mod figure;
mod quote;
mod table;
mod text_blocks;

use crate::markdown::directive::Directive;
use crate::markdown::section::SectionRenderer;

/// A directive's failure: message and hint; the caller adds the location.
pub type Failure = (String, String);

/// Renders directive `d` whose body starts at file offset `body_at`.
pub fn render(
    r: &mut SectionRenderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<String, Failure> {
    match d.name.as_str() {
        "quote" => quote::one(r, d),
        "quotes" => quote::many(r, d),
        "callout" => text_blocks::callout(r, d, body_at, scope),
        "stat" => text_blocks::stat(r, d, body_at, scope),
        "compare" => compare::compare(r, d, body_at, scope),
        "side" => compare::side(r, d, body_at, scope),
        "figure" => figure::image(r, d, body_at, scope),
        "table" => table::render(r, d),
        "chart" => chart::render(r, d, body_at, scope),
        other => Err((
            format!("unknown directive `{{{other}}}`"),
            "see docs/format.md".into(),
        )),
    }
}

/// The error for a missing argument.
fn needs_argument(name: &str, example: &str) -> Failure {
    (
        format!("`{{{name}}}` needs an argument"),
        format!("write it on the fence line: ```{{{name}}} {example}"),
    )
}

/// Splits a comma-separated option value.
fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}
