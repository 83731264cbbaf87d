//! The options every code analysis shares (`:level:`, `:codes:`, `:under:`, `:sort:`,
//! `:top:`, `:count:`), read once for tables, bar charts, crosstabs and
//! heatmaps, and the chart scope that follows from the codes they chose.

use crate::analysis::code_names::{self, Lookup};
use crate::analysis::codes::{parse_top, path, CodeQuery};
use crate::analysis::{CodeLevel, CodeRows, CodeSort};
use crate::charts::{Base, Hierarchy, Scope};
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

/// The chart scope of `rows`: a multi-response base, the tree or paths,
/// and a note when `:top:` left codes out.
pub fn scope(study: &Study, rows: &CodeRows, people: bool) -> Scope {
    let n = if people {
        rows.base_participants
    } else {
        rows.base_segments
    };
    Scope {
        base: Base::Multi { n },
        hierarchy: hierarchy(study, rows),
        note: top_note(rows),
        totals: Vec::new(),
    }
}

/// The labels of `rows` as a chart shows them: a label that more than one
/// shown code has (real codebooks repeat "Other" under every theme) is
/// followed by its parent's label, so the bars can be told apart.
pub fn labels(study: &Study, rows: &CodeRows) -> Vec<String> {
    let plain: Vec<&str> = rows
        .rows
        .iter()
        .map(|r| study.codes[r.code].label.as_str())
        .collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &l in &plain {
        *seen.entry(l).or_default() += 1;
    }
    rows.rows
        .iter()
        .zip(&plain)
        .map(|(r, &label)| {
            let twice = seen.get(label).is_some_and(|&n| n > 1);
            match study.code_ancestors[r.code].get(1) {
                Some(&parent) if twice => {
                    format!("{label} ({})", study.codes[parent].label)
                }
                _ => label.to_string(),
            }
        })
        .collect()
}

/// Where the rows sit in the code tree.
pub fn hierarchy(study: &Study, rows: &CodeRows) -> Hierarchy {
    if rows.tree_order {
        Hierarchy::Tree(rows.rows.iter().map(|r| r.depth).collect())
    } else {
        Hierarchy::Paths(rows.rows.iter().map(|r| path(study, r.code)).collect())
    }
}

/// "Top 10 of 152 codes" when fewer codes are shown than the level holds
/// because of `:top:`.
pub fn top_note(rows: &CodeRows) -> Option<String> {
    rows.top_applied
        .then(|| format!("Top {} of {} codes", rows.rows.len(), rows.available))
}
