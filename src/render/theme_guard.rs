//! Limits on what a project's theme templates may do.
//!
//! A theme comes with the project, so in CI it may come from anyone's
//! branch. Tera trusts its templates: an include cycle or a recursive
//! macro overflows the stack and aborts the process, `range` builds a list
//! of any length in memory, and `get_env` would print the build machine's
//! secrets into the published page. Before rendering, a theme is checked
//! for cycles and macros, and those two functions are replaced.

use std::collections::HashMap;

use tera::ast::Node;
use tera::{Tera, Value};

use crate::error::{Diagnostic, Location};
use crate::render::theme::Theme;

/// The most items `range` may make: far more than any page lays out.
pub const MAX_RANGE: usize = 10_000;

/// Replaces Tera's `range` by one that refuses more than [`MAX_RANGE`]
/// items, and `get_env` by one that always refuses.
pub fn restrict_functions(tera: &mut Tera) {
    tera.register_function("range", range);
    tera.register_function("get_env", |_: &HashMap<String, Value>| {
        Err(tera::Error::msg(
            "themes cannot read environment variables: a theme from a contributor could publish the build machine's secrets",
        ))
    });
}

fn range(args: &HashMap<String, Value>) -> tera::Result<Value> {
    let number = |name: &str, default: Option<usize>| match args.get(name) {
        Some(v) => v
            .as_u64()
            .and_then(|n| usize::try_from(n).ok())
            .ok_or_else(|| {
                tera::Error::msg(format!(
                    "`range` needs a whole number for `{name}`, not {v}"
                ))
            }),
        None => default.ok_or_else(|| tera::Error::msg(format!("`range` needs `{name}`"))),
    };
    let start = number("start", Some(0))?;
    let end = number("end", None)?;
    let step = number("step_by", Some(1))?;
    if step == 0 {
        return Err(tera::Error::msg("`range` needs a `step_by` above 0"));
    }
    let count = end.saturating_sub(start).div_ceil(step);
    if count > MAX_RANGE {
        return Err(tera::Error::msg(format!(
            "`range` would make {count} items; a theme may loop at most {MAX_RANGE} times"
        )));
    }
    Ok(Value::Array(
        (start..end).step_by(step).map(Value::from).collect(),
    ))
}

/// Refuses templates that define macros and templates that include or
/// extend themselves, directly or through others.
pub fn check(tera: &Tera, theme: &Theme) -> Result<(), Diagnostic> {
    let source = |name: &str| {
        theme
            .files
            .iter()
            .find(|f| f.0 == name)
            .map_or_else(|| name.to_string(), |f| f.2.clone())
    };
    let mut uses: HashMap<&str, Vec<String>> = HashMap::new();
    for name in tera.get_template_names() {
        let Ok(template) = tera.get_template(name) else {
            continue;
        };
        let mut found = Vec::new();
        if visit(&template.ast, &mut found) {
            return Err(Diagnostic::error(format!(
                "{} defines a macro; theme templates may not",
                source(name)
            ))
            .at(Location::file(source(name)))
            .help("write the markup out, or use `{% include %}`: a macro calling itself would crash the build"));
        }
        found.extend(template.parent.clone());
        uses.insert(name, found);
    }
    let mut names: Vec<&str> = uses.keys().copied().collect();
    names.sort_unstable();
    for start in names {
        if let Some(cycle) = cycle_from(start, &uses) {
            return Err(Diagnostic::error(format!(
                "the theme's templates include each other in a loop: {}",
                cycle.join(" → ")
            ))
            .at(Location::file(source(start)))
            .help("a template may include or extend only templates that do not lead back to it"));
        }
    }
    Ok(())
}

/// The error for templates that extend each other in a loop, at the first
/// (by name) theme template that extends another.
pub fn extends_loop(theme: &Theme) -> Diagnostic {
    let mut extending: Vec<&(&str, String, String)> = theme
        .files
        .iter()
        .filter(|f| f.0.ends_with(".html") && f.1.contains("extends"))
        .collect();
    extending.sort_by_key(|f| f.0);
    let names: Vec<&str> = extending.iter().map(|f| f.0).collect();
    let file = extending.first().map_or("theme", |f| f.2.as_str());
    Diagnostic::error(format!(
        "the theme's templates extend each other in a loop ({})",
        names.join(", ")
    ))
    .at(Location::file(file))
    .help("a template may include or extend only templates that do not lead back to it")
}

/// Collects the templates `nodes` include; true when they define a macro.
fn visit(nodes: &[Node], includes: &mut Vec<String>) -> bool {
    nodes.iter().any(|node| match node {
        Node::MacroDefinition(..) | Node::ImportMacro(..) => true,
        Node::Include(_, names, _) => {
            includes.extend(names.iter().cloned());
            false
        }
        Node::Block(_, block, _) => visit(&block.body, includes),
        Node::FilterSection(_, section, _) => visit(&section.body, includes),
        Node::Forloop(_, for_loop, _) => {
            visit(&for_loop.body, includes)
                | for_loop
                    .empty_body
                    .as_ref()
                    .is_some_and(|body| visit(body, includes))
        }
        Node::If(condition, _) => {
            let mut defines = false;
            for (_, _, body) in &condition.conditions {
                defines |= visit(body, includes);
            }
            if let Some((_, body)) = &condition.otherwise {
                defines |= visit(body, includes);
            }
            defines
        }
        _ => false,
    })
}

/// A loop of includes that returns to `start`, as the names along it.
fn cycle_from(start: &str, uses: &HashMap<&str, Vec<String>>) -> Option<Vec<String>> {
    // Depth-first over a handful of templates; `path` is the current walk.
    fn walk(
        at: &str,
        start: &str,
        uses: &HashMap<&str, Vec<String>>,
        path: &mut Vec<String>,
    ) -> bool {
        for next in uses.get(at).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if path.contains(next) {
                continue;
            }
            path.push(next.clone());
            if walk(next, start, uses, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(start, start, uses, &mut path).then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, u64)]) -> HashMap<String, Value> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::from(*v)))
            .collect()
    }

    #[test]
    fn range_counts_like_tera_and_refuses_huge_ones() {
        assert_eq!(
            range(&args(&[("end", 3)])).unwrap(),
            serde_json::json!([0, 1, 2])
        );
        assert_eq!(
            range(&args(&[("start", 1), ("end", 8), ("step_by", 3)])).unwrap(),
            serde_json::json!([1, 4, 7])
        );
        assert!(range(&args(&[("end", 10_000)])).is_ok());
        assert!(range(&args(&[("end", 10_001)])).is_err());
        assert!(range(&args(&[("end", 5), ("step_by", 0)])).is_err());
    }
}
