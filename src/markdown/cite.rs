//! `{cite}`: a citation of works in the report's references, written
//! `{cite}`braun2006`` or `{cite}`braun2006, p. 82; guest2012``.
//!
//! The citation's text depends on every other citation (numbering in
//! numeric styles, disambiguation in author-date ones), so the role only
//! checks the keys and leaves an empty citation node; the report formats
//! every citation at once and fills it in.

use crate::error::did_you_mean;
use crate::markdown::context::{Citation, Failure, Renderer};

/// The locator prefixes understood after a key, with the CSL locator each
/// stands for.
pub const LOCATORS: [(&str, &str); 9] = [
    ("pp.", "page"),
    ("p.", "page"),
    ("chap.", "chapter"),
    ("ch.", "chapter"),
    ("sec.", "section"),
    ("§", "section"),
    ("fig.", "figure"),
    ("para.", "paragraph"),
    ("vol.", "volume"),
];

/// Checks `{cite}`arg`` and returns its placeholder.
pub fn cite(r: &mut dyn Renderer<'_>, arg: &str) -> Result<crate::document::Inline, Failure> {
    let Some(refs) = r.ctx().references else {
        return Err((
            "`{cite}` needs a references file, and the project has none".into(),
            "add content/references.bib (BibLaTeX) or content/references.json (CSL-JSON)".into(),
        ));
    };
    if refs.broken {
        return Ok(crate::document::Inline::Text(arg.to_string()));
    }
    let mut items = Vec::new();
    for part in arg.split(';').map(str::trim) {
        if part.is_empty() {
            return Err((
                format!("{{cite}}`{arg}` has an empty key"),
                "separate keys with `;`: {cite}`braun2006; guest2012`".into(),
            ));
        }
        let (key, locator) = match part.split_once(',') {
            Some((k, l)) => (k.trim(), Some(locator(l.trim())?)),
            None => (part, None),
        };
        if !refs.has(key) {
            let shown = refs.path.display();
            return Err((
                format!("no reference has the key `{key}`"),
                did_you_mean(key, refs.keys.iter().map(String::as_str)).map_or_else(
                    || format!("cite a key of {shown}, or add the work there"),
                    |m| format!("did you mean `{m}`?"),
                ),
            ));
        }
        items.push((key.to_string(), locator));
    }
    let trail = r.trail();
    let n = trail.citations.len();
    trail.citations.push(Citation { items });
    Ok(crate::document::Inline::Citation(
        crate::document::Citation {
            index: n,
            works: Vec::new(),
            content: Vec::new(),
        },
    ))
}

/// Checks a locator (`p. 12`, `pp. 3-5`, `ch. 2`).
fn locator(text: &str) -> Result<String, Failure> {
    let known = LOCATORS.iter().any(|(p, _)| {
        text.strip_prefix(p)
            .is_some_and(|rest| !rest.trim().is_empty())
    });
    if known {
        Ok(text.to_string())
    } else {
        Err((
            format!("`{text}` is not a locator"),
            "write a page or part after the key: `key, p. 12`, `key, pp. 3-5`, `key, ch. 2`, `key, sec. 4`".into(),
        ))
    }
}

/// The CSL locator and its value for a checked locator text.
pub fn split_locator(text: &str) -> (&'static str, &str) {
    LOCATORS
        .iter()
        .find_map(|(p, kind)| text.strip_prefix(p).map(|rest| (*kind, rest.trim())))
        .unwrap_or(("page", text))
}
