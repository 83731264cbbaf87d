//! The options every code analysis shares (`:level:`, `:codes:`, `:under:`, `:sort:`,
//! `:top:`, `:count:`), read once for tables, bar charts, crosstabs and
//! heatmaps. How the codes they chose are shown (labels told apart, their
//! place in the tree, the `:top:` note) is computed in `analysis`, where
//! chart data is built too, and named here for the directives.

use crate::analysis::code_names::{self, Lookup};
pub use crate::analysis::codes::{hierarchy, labels, top_note};
use crate::analysis::codes::{parse_top, CodeQuery};
use crate::analysis::{CodeLevel, CodeSort};
use crate::error::did_you_mean;
use crate::markdown::context::Directive;
use crate::model::study::Study;

use super::{list, Failure};

/// Reads the code options of `d`. `default_sort` applies when neither
/// `:sort:` nor `:codes:` is given (with `:codes:` the order written is
/// the default).
pub fn query(study: &Study, d: &Directive, default_sort: CodeSort) -> Result<CodeQuery, Failure> {
    let level = level(study, d)?;
    let listed = matches!(level, CodeLevel::Listed(_));
    let sort = match d.option("sort") {
        None if listed => CodeSort::Given,
        None => default_sort,
        Some(name) => {
            let sort = CodeSort::parse(name).ok_or_else(|| {
                let names = CodeSort::ALL.map(|s| s.0);
                (
                    format!("`:sort:` is `{name}`"),
                    did_you_mean(name, names).map_or_else(
                        || format!("use one of: {}", names.join(", ")),
                        |m| format!("did you mean `{m}`?"),
                    ),
                )
            })?;
            if sort == CodeSort::Given && !listed {
                return Err((
                    "`:sort: given` needs `:codes:`".into(),
                    "list the codes in the order you want with :codes: a, b, c".into(),
                ));
            }
            sort
        }
    };
    let top = d
        .option("top")
        .map(parse_top)
        .transpose()
        .map_err(Failure::from)?;
    Ok(CodeQuery {
        level,
        sort,
        top,
        people: people(d)?,
        keep_empty: false,
    })
}

/// The codes of the code set `name` (a REFI-QDA `Set`, read into the
/// table `code_sets` with columns `set` and `code`), in its order.
fn set_members(study: &Study, name: &str) -> Option<Vec<usize>> {
    let rows = study.tables.get("code_sets")?;
    let codes: Vec<usize> = rows
        .iter()
        .filter(|r| r.get("set").and_then(|v| v.as_str()) == Some(name))
        .filter_map(|r| r.get("code").and_then(|v| v.as_str()))
        .filter_map(|id| study.code_position(id))
        .collect();
    (!codes.is_empty()).then_some(codes)
}

/// `:count: segments` (the default) or `:count: participants`.
pub fn people(d: &Directive) -> Result<bool, Failure> {
    match d.option("count").unwrap_or("segments") {
        "segments" => Ok(false),
        "participants" => Ok(true),
        other => Err((
            format!("`:count:` is `{other}`"),
            "use :count: segments or :count: participants".into(),
        )),
    }
}

/// The `:level:` and `:codes:` options.
fn level(study: &Study, d: &Directive) -> Result<CodeLevel, Failure> {
    if let Some(list_text) = d.option("codes") {
        if d.option("under").is_some() {
            return Err((
                "give `:codes:` or `:under:`, not both".into(),
                "keep one of the two options".into(),
            ));
        }
        if d.option("level").is_some() {
            return Err((
                "give `:codes:` or `:level:`, not both".into(),
                "keep one of the two options".into(),
            ));
        }
        let mut codes = Vec::new();
        for name in list(list_text) {
            // A code by id or unique label, else a code set of that name.
            let members = match (code_names::lookup(study, &name), set_members(study, &name)) {
                (Lookup::Code(code), _) => vec![code],
                (_, Some(set)) => set,
                (Lookup::Ambiguous(codes), None) => {
                    return Err(code_names::ambiguous(study, &name, &codes).into())
                }
                (Lookup::Unknown, None) => {
                    let p = code_names::unknown(study, &name, Some("the name of a code set"));
                    // The code last, so the caret points at it.
                    return Err((format!("`:codes:` names an {}", p.message), p.help));
                }
            };
            for code in members {
                if codes.contains(&code) {
                    return Err((
                        format!("`{}` is listed twice in `:codes:`", study.codes[code].id),
                        "list each code once (a code set's codes count as listed)".into(),
                    ));
                }
                codes.push(code);
            }
        }
        return Ok(CodeLevel::Listed(codes));
    }
    if let Some(name) = d.option("under") {
        // Named like any code: an id, or a label only one code has.
        let code = code_names::find(study, name.trim()).map_err(|p| {
            let message = match p.message.strip_prefix("unknown ") {
                Some(rest) => format!("`:under:` names an unknown {rest}"),
                None => p.message,
            };
            (message, p.help)
        })?;
        return match d.option("level").unwrap_or("top") {
            "top" => Ok(CodeLevel::Under { code, all: false }),
            "all" => Ok(CodeLevel::Under { code, all: true }),
            other => Err((
                format!("`:level:` is `{other}`"),
                "with :under:, use :level: top (its sub-codes, the default) or :level: all (every code below it)".into(),
            )),
        };
    }
    match d.option("level").unwrap_or("all") {
        "all" => Ok(CodeLevel::All),
        "top" => Ok(CodeLevel::Top),
        other => Err((
            format!("`:level:` is `{other}`"),
            "use :level: all (every code) or :level: top (top-level codes, sub-codes rolled up)"
                .into(),
        )),
    }
}
