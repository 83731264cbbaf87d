//! Fills in what sections could not know alone: figure numbers,
//! cross-references and report-wide unique heading ids.

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::error::{did_you_mean, Diagnostic, Diagnostics};
use crate::markdown::section::{RenderedSection, MARK};
use crate::slug::slugify;

use super::late::Late;

/// Report-wide numbering of figures and ids of headings.
#[derive(Debug, Default)]
pub struct Numbering {
    /// Per section, the global number of its first figure minus one.
    pub figure_offset: Vec<usize>,
    /// Figure label → global number.
    pub labels: HashMap<String, usize>,
    /// Per section, the final id of each heading.
    pub heading_ids: Vec<Vec<String>>,
    /// Labelled figures no `{ref}` points at.
    pub warnings: Diagnostics,
}

/// Numbers figures in document order, checks references and labels, and
/// gives every heading an id unique in the report (section ids included).
pub fn number<S: Borrow<RenderedSection>>(
    section_ids: &[String],
    sections: &[S],
) -> Result<Numbering, Diagnostics> {
    let mut problems = Diagnostics::new();
    let mut n = Numbering::default();
    let mut taken: HashMap<String, usize> = section_ids.iter().map(|id| (id.clone(), 1)).collect();
    let mut count = 0;
    let mut first_at: HashMap<&str, &crate::error::Location> = HashMap::new();
    for s in sections.iter().map(Borrow::borrow) {
        n.figure_offset.push(count);
        for (i, label) in s.figures.iter().enumerate() {
            if let Some((label, loc)) = label {
                if n.labels.insert(label.clone(), count + i + 1).is_some() {
                    let first = first_at
                        .get(label.as_str())
                        .map_or(String::new(), |f| format!(" ({f} has it first)"));
                    problems.push(
                        Diagnostic::error(format!("two figures have the label `{label}`"))
                            .at(loc.clone())
                            .help(format!(
                                "labels must be unique in the report: rename one{first}"
                            )),
                    );
                } else {
                    first_at.insert(label, loc);
                }
                taken.insert(label.clone(), 1);
            }
        }
        count += s.figures.len();
    }
    for s in sections.iter().map(Borrow::borrow) {
        let mut ids = Vec::with_capacity(s.headings.len());
        for h in &s.headings {
            let base = slugify(&h.slug);
            let seen = taken.entry(base.clone()).or_insert(0);
            *seen += 1;
            ids.push(if *seen == 1 {
                base
            } else {
                format!("{base}-{seen}")
            });
        }
        n.heading_ids.push(ids);
        for (label, loc) in &s.refs {
            if !n.labels.contains_key(label) {
                let help = match did_you_mean(label, n.labels.keys().map(String::as_str)) {
                    Some(m) => format!("did you mean `{m}`?"),
                    None => "give the figure or chart you mean a `:label:`".to_string(),
                };
                problems.push(
                    Diagnostic::error(format!("no figure has the label `{label}`"))
                        .at(loc.clone())
                        .help(help),
                );
            }
        }
    }
    // A label exists to be referred to; one nobody uses is usually a
    // reference that was misspelt or deleted.
    let used: std::collections::HashSet<&str> = sections
        .iter()
        .flat_map(|s| s.borrow().refs.iter().map(|(l, _)| l.as_str()))
        .collect();
    for (label, loc) in sections
        .iter()
        .flat_map(|s| s.borrow().figures.iter().flatten())
    {
        if !used.contains(label.as_str()) {
            n.warnings.push(
                Diagnostic::warning(format!("figure `{label}` is never referenced"))
                    .at(loc.clone())
                    .help(format!(
                        "refer to it in the text with {{ref}}`{label}`, or remove its `:label:`"
                    )),
            );
        }
    }
    if problems.has_errors() {
        Err(problems)
    } else {
        Ok(n)
    }
}

/// Replaces the placeholders in section `index`'s HTML: numbers and ids
/// from `n`, quote numbers, the quote index, citations and the
/// bibliography from `late`.
pub fn fill(html: &str, index: usize, n: &Numbering, late: &Late) -> String {
    // Heading ids are longer than their placeholders; a little room up
    // front saves doubling a large section's buffer at the end.
    let room = html.len() / 16;
    replace_placeholders(html, room, |token, out| {
        let (kind, payload) = token.split_at(1);
        match kind {
            "F" => {
                let local: usize = payload.parse().unwrap_or(0);
                out.push_str(&(n.figure_offset[index] + local + 1).to_string());
            }
            "R" => out.push_str(&n.labels.get(payload).copied().unwrap_or(0).to_string()),
            "H" => {
                let local: usize = payload.parse().unwrap_or(0);
                out.push_str(n.heading_ids[index].get(local).map_or("", String::as_str));
            }
            "N" => {
                let segment: usize = payload.parse().unwrap_or(usize::MAX);
                let number = late.quote_numbers.get(&segment).copied().unwrap_or(0);
                out.push_str(&number.to_string());
            }
            "C" => {
                let local: usize = payload.parse().unwrap_or(usize::MAX);
                let cited = late.citations.get(index).and_then(|c| c.get(local));
                out.push_str(cited.map_or("", String::as_str));
            }
            "Q" => out.push_str(&late.quote_index),
            "B" => out.push_str(&late.bibliography),
            // References into other reports are filled by the site,
            // once every report is numbered.
            "X" => {
                out.push(MARK);
                out.push_str(token);
                out.push(MARK);
            }
            _ => {}
        }
    })
}

/// `html` with each placeholder (`MARK token MARK`) replaced by what
/// `write` appends for its token; `room` is extra capacity to reserve.
pub fn replace_placeholders(
    html: &str,
    room: usize,
    mut write: impl FnMut(&str, &mut String),
) -> String {
    let mut out = String::with_capacity(html.len() + room);
    let mut rest = html;
    while let Some(start) = rest.find(MARK) {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let Some(end) = after.find(MARK) else {
            out.push_str(&rest[start..]);
            return out;
        };
        let token = &after[..end];
        if !token.is_empty() {
            write(token, &mut out);
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}
