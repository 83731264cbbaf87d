//! What the BibLaTeX parser is not shown: loops and blow-ups.
//!
//! The `biblatex` crate behind hayagriva resolves `@string` abbreviations,
//! `crossref` and `xdata` by recursion, with no guard against a loop (an
//! `@string` that names itself, two entries that cross-reference each
//! other) or against a chain deep or wide enough to exhaust the stack or
//! memory. A hostile or broken file would abort the process, so the raw
//! file is walked here first, without recursion, and refused with the
//! loop's names at its line.

use std::collections::HashMap;
use std::path::Path;

use biblatex::{RawBibliography, RawChunk};

use crate::error::{Diagnostic, Location};

/// The longest chain of `@string`s naming `@string`s, or of entries
/// inheriting from entries. Real bibliographies use one or two levels.
pub const MAX_DEPTH: usize = 32;

/// The most text all `@string`s may expand to, summed over every field.
pub const MAX_EXPANDED: u64 = 16 << 20;

/// The most entry copies that resolving `crossref` and `xdata` may make:
/// each inheritance copies the parent, and the parent's own parents.
pub const MAX_INHERITED: u64 = 100_000;

/// Refuses a `.bib` text whose abbreviations or inheritance would loop or
/// blow up. A text the raw parser rejects is left to hayagriva, which
/// reports the syntax error itself.
pub fn check(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let Ok(raw) = RawBibliography::parse(text) else {
        return Ok(());
    };
    abbreviations(path, text, &raw)?;
    inheritance(path, text, &raw)
}

/// A graph of named nodes, each with the names it refers to, where it is
/// written and its own weight.
struct Graph {
    index: HashMap<String, usize>,
    names: Vec<String>,
    at: Vec<usize>,
    edges: Vec<Vec<usize>>,
    weight: Vec<u64>,
}

impl Graph {
    /// Nodes in order; a name written twice keeps its last definition, as
    /// the parser does.
    fn new(nodes: Vec<(String, usize, Vec<String>, u64)>) -> Self {
        let mut index = HashMap::new();
        for (i, (name, ..)) in nodes.iter().enumerate() {
            index.insert(name.clone(), i);
        }
        let edges = nodes
            .iter()
            .map(|(_, _, refs, _)| refs.iter().filter_map(|r| index.get(r).copied()).collect())
            .collect();
        Graph {
            index,
            names: nodes.iter().map(|n| n.0.clone()).collect(),
            at: nodes.iter().map(|n| n.1).collect(),
            weight: nodes.iter().map(|n| n.3).collect(),
            edges,
        }
    }

    /// Walks every node depth first, without recursion. Returns the first
    /// loop found (as node indices, in order), or the depth and the total
    /// of each node: its weight plus its children's totals, saturating.
    fn walk(&self) -> Result<(Vec<usize>, Vec<u64>), Vec<usize>> {
        const NEW: u8 = 0;
        const OPEN: u8 = 1;
        const DONE: u8 = 2;
        let n = self.names.len();
        let mut state = vec![NEW; n];
        let mut depth = vec![0usize; n];
        let mut total = vec![0u64; n];
        for root in 0..n {
            if state[root] != NEW {
                continue;
            }
            // (node, next child to visit)
            let mut stack = vec![(root, 0usize)];
            state[root] = OPEN;
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                if let Some(&child) = self.edges[node].get(*next) {
                    *next += 1;
                    match state[child] {
                        NEW => {
                            state[child] = OPEN;
                            stack.push((child, 0));
                        }
                        OPEN => {
                            let from = stack.iter().position(|&(s, _)| s == child).unwrap_or(0);
                            return Err(stack[from..].iter().map(|&(s, _)| s).collect());
                        }
                        _ => {}
                    }
                    continue;
                }
                stack.pop();
                state[node] = DONE;
                depth[node] = 1 + self.edges[node]
                    .iter()
                    .map(|&c| depth[c])
                    .max()
                    .unwrap_or(0);
                total[node] = self.edges[node]
                    .iter()
                    .fold(self.weight[node], |t, &c| t.saturating_add(total[c]));
            }
        }
        Ok((depth, total))
    }

    fn loop_names(&self, cycle: &[usize]) -> String {
        let mut names: Vec<String> = cycle
            .iter()
            .map(|&i| format!("`{}`", self.names[i]))
            .collect();
        names.push(format!("`{}`", self.names[cycle[0]]));
        names.join(" → ")
    }
}

/// Plain text of a raw field, for keys named in `crossref` and `xdata`.
fn plain(field: &[biblatex::Spanned<RawChunk<'_>>]) -> String {
    field
        .iter()
        .map(|c| match c.v {
            RawChunk::Normal(s) | RawChunk::Abbreviation(s) => s,
        })
        .collect()
}

fn abbreviations(path: &Path, text: &str, raw: &RawBibliography<'_>) -> Result<(), Diagnostic> {
    let nodes = raw
        .abbreviations
        .iter()
        .map(|pair| {
            let mut refs = Vec::new();
            let mut own = 0u64;
            for chunk in &pair.value.v {
                match chunk.v {
                    RawChunk::Abbreviation(name) => refs.push(name.to_string()),
                    RawChunk::Normal(s) => own += s.len() as u64,
                }
            }
            (pair.key.v.to_string(), pair.key.span.start, refs, own)
        })
        .collect();
    let graph = Graph::new(nodes);
    let (depth, size) = graph.walk().map_err(|cycle| {
        Diagnostic::error(format!(
            "the @string abbreviations of the references file refer to each other in a loop: {}",
            graph.loop_names(&cycle)
        ))
        .at(Location::in_text(
            path,
            text,
            graph.at[cycle[0]],
            graph.names[cycle[0]].len(),
        ))
        .help("give one of these @string definitions a plain value, so the loop ends")
    })?;
    if let Some(deep) = (0..depth.len()).find(|&i| depth[i] > MAX_DEPTH) {
        return Err(Diagnostic::error(format!(
            "the @string `{}` is defined through a chain of {} others; findings follows at most {MAX_DEPTH}",
            graph.names[deep],
            depth[deep] - 1
        ))
        .at(Location::in_text(path, text, graph.at[deep], graph.names[deep].len()))
        .help("write the value out in fewer steps"));
    }
    let mut expanded = 0u64;
    for entry in &raw.entries {
        for field in &entry.v.fields {
            for chunk in &field.value.v {
                expanded = expanded.saturating_add(match chunk.v {
                    RawChunk::Abbreviation(name) => graph.index.get(name).map_or(0, |&i| size[i]),
                    RawChunk::Normal(s) => s.len() as u64,
                });
            }
            if expanded > MAX_EXPANDED {
                return Err(Diagnostic::error(format!(
                    "the references file's @string abbreviations expand to more than {} MiB of text",
                    MAX_EXPANDED >> 20
                ))
                .at(Location::in_text(path, text, field.key.span.start, field.key.v.len()))
                .help("a bibliography needs far less: an abbreviation is probably used over and over, or doubled at each step"));
            }
        }
    }
    Ok(())
}

fn inheritance(path: &Path, text: &str, raw: &RawBibliography<'_>) -> Result<(), Diagnostic> {
    let nodes = raw
        .entries
        .iter()
        .map(|entry| {
            let mut refs: Vec<String> = Vec::new();
            for field in &entry.v.fields {
                let key = field.key.v;
                if key.eq_ignore_ascii_case("crossref") || key.eq_ignore_ascii_case("xdata") {
                    let value = plain(&field.value.v);
                    refs.extend(
                        value
                            .split(',')
                            .map(str::trim)
                            .filter(|k| !k.is_empty())
                            .map(String::from),
                    );
                }
            }
            (entry.v.key.v.to_string(), entry.v.key.span.start, refs, 1)
        })
        .collect();
    let graph = Graph::new(nodes);
    let (depth, copies) = graph.walk().map_err(|cycle| {
        Diagnostic::error(format!(
            "entries of the references file inherit from each other in a loop (crossref or xdata): {}",
            graph.loop_names(&cycle)
        ))
        .at(Location::in_text(path, text, graph.at[cycle[0]], graph.names[cycle[0]].len()))
        .help("remove the `crossref` or `xdata` field of one of these entries, so the loop ends")
    })?;
    if let Some(deep) = (0..depth.len()).find(|&i| depth[i] > MAX_DEPTH) {
        return Err(Diagnostic::error(format!(
            "entry `{}` inherits through a chain of {} entries (crossref or xdata); findings follows at most {MAX_DEPTH}",
            graph.names[deep],
            depth[deep] - 1
        ))
        .at(Location::in_text(path, text, graph.at[deep], graph.names[deep].len()))
        .help("let the entry inherit from fewer levels, or write its fields out"));
    }
    let total = copies.iter().fold(0u64, |t, &c| t.saturating_add(c));
    if total > MAX_INHERITED {
        let worst = (0..copies.len()).max_by_key(|&i| copies[i]).unwrap_or(0);
        return Err(Diagnostic::error(format!(
            "resolving `crossref` and `xdata` would copy entries more than {MAX_INHERITED} times (`{}` alone inherits {} times)",
            graph.names[worst],
            copies[worst] - 1
        ))
        .at(Location::in_text(path, text, graph.at[worst], graph.names[worst].len()))
        .help("entries that name the same parents over and over multiply: write shared fields out, or inherit from fewer entries"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(text: &str) -> Option<String> {
        check(Path::new("content/references.bib"), text)
            .err()
            .map(|d| d.render(false))
    }

    #[test]
    fn plain_files_pass() {
        let ok = "@string{pub = {Sage}}\n@book{a, title = {A}, publisher = pub}\n\
                  @inbook{b, crossref = {a}, title = {B}}\n@xdata{x, year = {2006}}\n\
                  @article{c, xdata = {x}, title = {C}}\n";
        assert_eq!(message(ok), None);
    }

    #[test]
    fn loops_are_named() {
        let m = message("@book{a, crossref = {b}}\n@book{b, crossref = {a}}\n").unwrap();
        assert!(m.contains("`a` → `b` → `a`"), "{m}");
        assert!(m.contains("references.bib:1:"), "{m}");
        let m = message("@xdata{a, xdata = {a}}\n").unwrap();
        assert!(m.contains("`a` → `a`"), "{m}");
        let m = message("@string{s = s}\n@book{k, title = s}\n").unwrap();
        assert!(m.contains("@string") && m.contains("`s` → `s`"), "{m}");
        let m = message("@string{p = q # {x}}\n@string{q = p}\n").unwrap();
        assert!(m.contains("`p` → `q` → `p`"), "{m}");
    }

    #[test]
    fn chains_and_blow_ups_are_bounded() {
        let mut deep = String::new();
        for i in 0..100 {
            deep.push_str(&format!("@book{{e{i}, crossref = {{e{}}}}}\n", i + 1));
        }
        assert!(message(&deep).unwrap().contains("chain of"));
        // Each @string doubles the one before: 2^40 characters.
        let mut doubling = String::from("@string{s0 = {xxxxxxxx}}\n");
        for i in 1..30 {
            doubling.push_str(&format!("@string{{s{i} = s{} # s{}}}\n", i - 1, i - 1));
        }
        doubling.push_str("@book{k, title = s29}\n");
        assert!(message(&doubling).unwrap().contains("expand to more than"));
    }
}
