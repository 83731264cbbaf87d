//! Inline roles: `{share}` followed by inline code binds a number in prose
//! to the data, e.g. {share}`participants[stance=deeper-crisis]` → 77.8%.

use pulldown_cmark::Event;

use crate::analysis::select::{select, Selection};
use crate::analysis::share;
use crate::error::did_you_mean;
use crate::markdown::section::SectionRenderer;
use crate::render::escape;

/// Every role name.
pub const ROLES: [&str; 7] = [
    "count", "share", "total", "fraction", "people", "ref", "label",
];

/// What a role renders to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Plain text, escaped by the Markdown writer.
    Text(String),
    /// Markup, already escaped.
    Html(String),
}

/// The role name if the event ends with `{name}` right before inline code.
pub fn trailing_role<'e>(event: Option<&'e Event<'_>>) -> Option<&'e str> {
    let Some(Event::Text(t)) = event else {
        return None;
    };
    let t: &str = t;
    let rest = t.strip_suffix('}')?;
    let open = rest.rfind('{')?;
    let name = &rest[open + 1..];
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    valid.then_some(name)
}

/// Evaluates role `name` on `arg`; `at`/`len` locate the code span.
pub fn evaluate(
    r: &mut SectionRenderer<'_>,
    name: &str,
    arg: &str,
    at: usize,
    len: usize,
) -> Result<Output, (String, String)> {
    let ctx = r.ctx;
    let study = ctx.study;
    let parse = |arg: &str| {
        Selection::parse(arg).map_err(|e| {
            (
                e,
                "write a selection like participants[stance=deeper-crisis]".to_string(),
            )
        })
    };
    let data_error = |e: String| {
        let (message, help) = e
            .split_once("; ")
            .map_or((e.clone(), String::new()), |(m, h)| {
                (m.to_string(), h.to_string())
            });
        (
            format!("{{{name}}}`{arg}`: {message}"),
            if help.is_empty() {
                "see docs/format.md, Selections".to_string()
            } else {
                help
            },
        )
    };
    let mark = |r: &mut SectionRenderer<'_>, illustrative: bool, text: String| {
        if illustrative {
            r.out.illustrative = true;
            Output::Html(format!("<span class=\"illustrative-value\" title=\"Computed from illustrative data\">{}<sup aria-label=\"illustrative\">†</sup></span>", escape::html(&text)))
        } else {
            Output::Text(text)
        }
    };
    match name {
        "count" | "total" | "fraction" | "people" => {
            let sel = parse(arg)?;
            let m = select(study, &sel).map_err(data_error)?;
            let f = ctx.format;
            let text = match name {
                "count" => f.count(m.indices.len() as u64),
                "total" => f.count(m.total as u64),
                "people" => f.count(m.distinct_participants() as u64),
                _ => format!(
                    "{} of {}",
                    f.count(m.indices.len() as u64),
                    f.count(m.total as u64)
                ),
            };
            // A total only counts records; the others also read the
            // selection's condition fields.
            let ill = if name == "total" {
                m.illustrative_total()
            } else {
                m.illustrative(&[])
            };
            Ok(mark(r, ill, text))
        }
        "share" => {
            let sel = parse(arg)?;
            let s = share(study, &sel, ctx.format).map_err(data_error)?;
            let m = select(study, &sel).map_err(data_error)?;
            Ok(mark(r, m.illustrative(&[]), ctx.format.percent(s.percent)))
        }
        "ref" => {
            let label = arg.trim();
            let placeholder = r.reference(label, at, len);
            Ok(Output::Html(format!(
                "<a class=\"xref\" href=\"#{}\">Figure&nbsp;{placeholder}</a>",
                escape::html(label)
            )))
        }
        "label" => {
            let (field, value) = arg.split_once(':').ok_or_else(|| {
                (
                    format!("{{label}}`{arg}` needs `field:value`"),
                    "e.g. {label}`stance:deeper-crisis`".to_string(),
                )
            })?;
            Ok(Output::Text(
                study.labels.get(field.trim(), value.trim()).to_string(),
            ))
        }
        other => {
            let hint = match did_you_mean(other, ROLES) {
                Some(m) => format!("did you mean {{{m}}}?"),
                None => format!("known roles: {}", ROLES.join(", ")),
            };
            Err((format!("unknown role `{{{other}}}`"), hint))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::CowStr;

    #[test]
    fn finds_role_names_before_code() {
        let e = Event::Text(CowStr::from("We spoke to {count}"));
        assert_eq!(trailing_role(Some(&e)), Some("count"));
        let e = Event::Text(CowStr::from("a {not a role}"));
        assert_eq!(trailing_role(Some(&e)), None);
        let e = Event::Text(CowStr::from("set {}"));
        assert_eq!(trailing_role(Some(&e)), None);
        assert_eq!(trailing_role(None), None);
    }
}
