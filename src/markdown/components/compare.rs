//! `compare` and `side`: narratives side by side.

use crate::document::Block;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;
use crate::markdown::inline::inline;

use super::{needs_argument, Failure};

/// `{compare}` whose body holds `{side}` directives.
pub fn compare(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<Vec<Block>, Failure> {
    if !d.body.contains("{side}") {
        return Err((
            "`{compare}` holds no `{side}` blocks".into(),
            "put two ```{side} Heading blocks inside, and fence the compare with four backticks"
                .into(),
        ));
    }
    Ok(vec![Block::Compare(r.markdown(&d.body, body_at, scope))])
}

/// `{side} HEADING` with a Markdown body.
pub fn side(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<Vec<Block>, Failure> {
    if d.argument.is_empty() {
        return Err(needs_argument("side", "Narrative A"));
    }
    let heading = inline(&d.argument, r.ctx().raw_html);
    let body = r.markdown(&d.body, body_at, scope);
    Ok(vec![Block::Side { heading, body }])
}
