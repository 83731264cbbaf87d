//! `callout` and `stat`: boxes of prose and headline numbers.

use crate::analysis::select::{select, Selection};
use crate::analysis::share;
use crate::document::Block;
use crate::error::did_you_mean;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;
use crate::markdown::inline::inline;

use super::{needs_argument, Failure};

const CALLOUTS: [(&str, &str); 5] = [
    ("note", "Note"),
    ("insight", "Key Insight"),
    ("finding", "Critical Finding"),
    ("strategic", "Strategic Insight"),
    ("warning", "Warning"),
];

/// `{callout} KIND` with `:title:` and a Markdown body.
pub fn callout(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<Vec<Block>, Failure> {
    let kind = if d.argument.is_empty() {
        "note"
    } else {
        d.argument.as_str()
    };
    let Some(&(_, default_title)) = CALLOUTS.iter().find(|(k, _)| *k == kind) else {
        let kinds: Vec<&str> = CALLOUTS.iter().map(|c| c.0).collect();
        return Err((
            format!("unknown callout kind `{kind}`"),
            match did_you_mean(kind, kinds.iter().copied()) {
                Some(m) => format!("did you mean `{m}`?"),
                None => format!("use one of: {}", kinds.join(", ")),
            },
        ));
    };
    let title = inline(d.option("title").unwrap_or(default_title), r.ctx().raw_html);
    let body = r.markdown(&d.body, body_at, scope);
    Ok(vec![Block::Callout {
        kind: kind.to_string(),
        title,
        body,
    }])
}

/// `{stat} MEASURE SELECTION` with a Markdown caption.
pub fn stat(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<Vec<Block>, Failure> {
    let (measure, rest) = d
        .argument
        .split_once(' ')
        .unwrap_or((d.argument.as_str(), ""));
    if measure.is_empty() || rest.trim().is_empty() {
        return Err(needs_argument(
            "stat",
            "share participants[stance=deeper-crisis]",
        ));
    }
    let sel =
        Selection::parse(rest).map_err(|e| (e, "e.g. ```{stat} count participants".into()))?;
    let study = r.ctx().study;
    let f = r.ctx().format;
    let m = select(study, &sel)?;
    let p = &study.privacy;
    let value = match measure {
        "count" => p.count(m.indices.len() as u64, f),
        "total" => f.count(m.total as u64),
        "fraction" => format!(
            "{} of {}",
            p.count(m.indices.len() as u64, f),
            f.count(m.total as u64)
        ),
        "share" => {
            let s = share(study, &sel, f)?;
            p.share(s.count, s.total, s.percent, f)
        }
        other => {
            let measures = ["count", "share", "total", "fraction"];
            return Err((
                format!("unknown stat measure `{other}`"),
                match did_you_mean(other, measures) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => "use count, share, total or fraction".into(),
                },
            ));
        }
    };
    let illustrative = if measure == "total" {
        m.illustrative_total()
    } else {
        m.illustrative(&[])
    };
    if illustrative {
        r.illustrative();
    }
    let label = d.option("label").map(|l| inline(l, r.ctx().raw_html));
    let caption = r.markdown(&d.body, body_at, scope);
    Ok(vec![Block::Stat {
        value,
        illustrative,
        label,
        caption,
    }])
}
