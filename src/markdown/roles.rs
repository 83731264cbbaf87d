//! Inline roles: `{share}` followed by inline code binds a number in prose
//! to the data, e.g. {share}`participants[stance=deeper-crisis]` → 77.8%.

use pulldown_cmark::Event;

use crate::analysis::code_names::{self, Lookup};
use crate::analysis::select::{select, Selection};
use crate::analysis::{share, Problem};
use crate::document::Inline;
use crate::error::did_you_mean;
use crate::markdown::context::Renderer;

/// Every role name.
pub const ROLES: [&str; 10] = [
    "count", "share", "total", "fraction", "people", "ref", "label", "kappa", "alpha", "cite",
];

/// What a role renders to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// Plain text, escaped by the Markdown writer.
    Text(String),
    /// Markup, already escaped (a placeholder the report fills).
    Html(String),
    /// A document node.
    Node(Inline),
}

/// The role name if the event ends with `{name}` right before inline code.
pub fn trailing_role<'e>(event: Option<&'e Event<'_>>) -> Option<&'e str> {
    let Some(Event::Text(t)) = event else {
        return None;
    };
    trailing_role_in(t)
}

/// The role name if `t` ends with `{name}`.
pub fn trailing_role_in(t: &str) -> Option<&str> {
    let rest = t.strip_suffix('}')?;
    let open = rest.rfind('{')?;
    let name = &rest[open + 1..];
    let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-');
    valid.then_some(name)
}

/// Evaluates role `name` on `arg`; `at`/`len` locate the code span.
pub fn evaluate(
    r: &mut dyn Renderer<'_>,
    name: &str,
    arg: &str,
    at: usize,
    len: usize,
) -> Result<Output, (String, String)> {
    let ctx = r.ctx();
    let study = ctx.study;
    let parse = |arg: &str| {
        Selection::parse(arg).map_err(|e| {
            (
                e,
                "write a selection like participants[stance=deeper-crisis]".to_string(),
            )
        })
    };
    let data_error = |p: Problem| (format!("{{{name}}}`{arg}`: {}", p.message), p.help);
    let mark = |r: &mut dyn Renderer<'_>, illustrative: bool, text: String| {
        if !illustrative {
            // TRANSITION: return `Inline::Value { text, illustrative: false }`
            // (written as Markdown text is)
            return Output::Text(text);
        }
        r.illustrative();
        Output::Node(Inline::Value { text, illustrative })
    };
    match name {
        "count" | "total" | "fraction" | "people" => {
            let sel = parse(arg)?;
            if name != "total" {
                super::lints::thin_codes(r, &sel, at);
            }
            let m = select(study, &sel).map_err(data_error)?;
            let f = ctx.format;
            // Small counts are bounded ("< 3") when [privacy] asks; a
            // dataset's size is never small-cell data.
            let p = &study.privacy;
            let text = match name {
                "count" => p.count(m.indices.len() as u64, f),
                "total" => f.count(m.total as u64),
                "people" => p.count(m.distinct_participants() as u64, f),
                _ => format!(
                    "{} of {}",
                    p.count(m.indices.len() as u64, f),
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
            super::lints::thin_codes(r, &sel, at);
            let s = share(study, &sel, ctx.format).map_err(data_error)?;
            let m = select(study, &sel).map_err(data_error)?;
            let text = study.privacy.share(s.count, s.total, s.percent, ctx.format);
            Ok(mark(r, m.illustrative(&[]), text))
        }
        "ref" => {
            let label = arg.trim();
            r.reference(label, at, len);
            // `slug:label` is a figure of another report of the site.
            let (report, label) = match label.split_once(':') {
                Some((report, l)) => (Some(report.to_string()), l),
                None => (None, label),
            };
            let node = Inline::CrossRef {
                label: label.to_string(),
                report,
                number: String::new(),
            };
            Ok(Output::Node(node))
        }
        "label" => label(study, arg).map(Output::Text),
        "cite" => super::cite::cite(r, arg).map(Output::Node),
        "kappa" | "alpha" => {
            let text = agreement(study, name, arg, ctx.format)?;
            Ok(Output::Text(text))
        }
        other => Err(unknown(other)),
    }
}

/// `{label}`FIELD:VALUE``: the display label `[labels]` gives a value.
/// A label role exists to show a configured label, so echoing the value
/// back would hide a misspelt field or value: both must be configured.
fn label(study: &crate::analysis::Analysis, arg: &str) -> Result<String, (String, String)> {
    let (field, value) = arg.split_once(':').ok_or_else(|| {
        (
            format!("{{label}}`{arg}` needs `field:value`"),
            "e.g. {label}`stance:deeper-crisis`".to_string(),
        )
    })?;
    let (field, value) = (field.trim(), value.trim());
    let Some(labels) = study.labels.0.get(field) else {
        let fields: Vec<&str> = study.labels.0.keys().map(String::as_str).collect();
        return Err((
            format!("{{label}}`{arg}`: report.toml has no [labels.{field}]"),
            match did_you_mean(field, fields.iter().copied()) {
                Some(m) => format!("did you mean `{m}:{value}`?"),
                None => {
                    format!("add [labels.{field}] to report.toml with {value} = \"Display label\"")
                }
            },
        ));
    };
    if !labels.iter().any(|(k, _)| k == value) {
        return Err((
            format!("{{label}}`{arg}`: [labels.{field}] has no label for `{value}`"),
            match did_you_mean(value, labels.iter().map(|(k, _)| k.as_str())) {
                Some(m) => format!("did you mean `{field}:{m}`?"),
                None => {
                    format!("add {value} = \"Display label\" under [labels.{field}] in report.toml")
                }
            },
        ));
    }
    Ok(study.labels.get(field, value).to_string())
}

/// `{kappa}`CODE; unit=…; coders=a, b`` (CODE may be `all`): the
/// coefficient over every segment, three decimals, "—" when undefined.
fn agreement(
    study: &crate::analysis::Analysis,
    name: &str,
    arg: &str,
    f: &crate::model::numbers::NumberFormat,
) -> Result<String, (String, String)> {
    use crate::analysis::agreement::units::Unit;
    use crate::analysis::agreement::{per_code, pick_coders};
    let wrap = |p: Problem| (format!("{{{name}}}`{arg}`: {}", p.message), p.help);
    let mut parts = arg.split(';');
    let code = parts.next().unwrap_or("").trim();
    let (mut unit, mut coders) = (Unit::Segment, None);
    for option in parts.map(str::trim).filter(|p| !p.is_empty()) {
        match option.split_once('=').map(|(k, v)| (k.trim(), v.trim())) {
            Some(("unit", v)) => unit = Unit::parse(v).map_err(wrap)?,
            Some(("coders", v)) => {
                coders = Some(
                    v.split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect::<Vec<_>>(),
                )
            }
            _ => {
                return Err((
                    format!("{{{name}}}`{arg}`: `{option}` is not an option"),
                    "options are unit=segment|character and coders=a, b, after a `;`".into(),
                ))
            }
        }
    }
    let codes: Vec<usize> = if code == "all" {
        (0..study.codes.len()).collect()
    } else {
        match code_names::lookup(study, code) {
            Lookup::Code(c) => vec![c],
            Lookup::Ambiguous(codes) => {
                return Err(wrap(code_names::ambiguous(study, code, &codes)))
            }
            Lookup::Unknown => return Err(wrap(code_names::unknown(study, code, Some("`all`")))),
        }
    };
    let coders = pick_coders(study, coders.as_deref()).map_err(wrap)?;
    let all = Selection::parse("segments").map_err(|e| (e, String::new()))?;
    let m = select(study, &all).map_err(wrap)?;
    let (each, pooled) = per_code(&m, &coders, &codes, unit).map_err(wrap)?;
    let figures = if code == "all" { pooled } else { each[0] };
    let value = if name == "kappa" {
        figures.kappa
    } else {
        figures.alpha
    };
    Ok(value.map_or_else(|| "—".to_string(), |v| f.number(v, 3)))
}

/// The message and hint for a role name that is not one of [`ROLES`].
pub fn unknown(name: &str) -> (String, String) {
    let hint = match did_you_mean(name, ROLES) {
        Some(m) => format!("did you mean {{{m}}}?"),
        None => format!("known roles: {}", ROLES.join(", ")),
    };
    (format!("unknown role `{{{name}}}`"), hint)
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
