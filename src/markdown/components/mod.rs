//! The directives' renderers, one file each.

mod agreement;
mod appendix;
mod chart;
mod code_options;
mod compare;
mod figure;
mod quote;
mod table;
mod text_blocks;

use crate::document::Block;
use crate::markdown::context::{Directive, Failure, Renderer};

/// Renders a directive: the renderer, the directive as written, the byte
/// offset of its body in the section file, and the footnote scope.
pub type Render = fn(&mut dyn Renderer<'_>, &Directive, usize, &str) -> Result<Vec<Block>, Failure>;

/// One directive: its name, the options it accepts and its renderer.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// The name between braces.
    pub name: &'static str,
    /// Every option it accepts (any other is an error).
    pub options: &'static [&'static str],
    /// Draws it.
    pub render: Render,
}

/// The registry: every directive. Adding one is a file in this folder and
/// a line here.
pub const SPECS: &[Spec] = &[
    Spec {
        name: "agreement",
        options: agreement::OPTIONS,
        render: agreement::render,
    },
    Spec {
        name: "quote",
        options: &["role", "illustrative"],
        render: |r, d, _, _| quote::one(r, d),
    },
    Spec {
        name: "quotes",
        options: &["limit", "role", "illustrative"],
        render: |r, d, _, _| quote::many(r, d),
    },
    Spec {
        name: "callout",
        options: &["title"],
        render: text_blocks::callout,
    },
    Spec {
        name: "stat",
        options: &["label"],
        render: text_blocks::stat,
    },
    Spec {
        name: "figure",
        options: &["label", "alt"],
        render: figure::image,
    },
    Spec {
        name: "compare",
        options: &[],
        render: compare::compare,
    },
    Spec {
        name: "side",
        options: &[],
        render: compare::side,
    },
    Spec {
        name: "table",
        options: table::OPTIONS,
        render: |r, d, _, _| table::render(r, d),
    },
    Spec {
        name: "chart",
        options: chart::OPTIONS,
        render: chart::render,
    },
    Spec {
        name: "codebook",
        options: appendix::codebook::OPTIONS,
        render: |r, d, at, _| appendix::codebook::render(r, d, at),
    },
    Spec {
        name: "participants",
        options: &["by", "columns"],
        render: |r, d, at, _| appendix::participants::render(r, d, at),
    },
    Spec {
        name: "sources",
        options: &[],
        render: |r, d, at, _| appendix::sources::render(r, d, at),
    },
    Spec {
        name: "quote-index",
        options: &[],
        render: |r, d, at, _| appendix::quote_index(r, d, at),
    },
    Spec {
        name: "bibliography",
        options: &[],
        render: |r, d, at, _| appendix::bibliography(r, d, at),
    },
];

/// Renders directive `d` whose body starts at file offset `body_at`.
pub fn render(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<Vec<Block>, Failure> {
    match SPECS.iter().find(|s| s.name == d.name) {
        Some(spec) => (spec.render)(r, d, body_at, scope),
        None => Err((
            format!("unknown directive `{{{}}}`", d.name),
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
pub fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}
