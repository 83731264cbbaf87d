//! Resolves on each section's tree what it could not know alone: figure
//! numbers, cross-references, report-wide unique heading ids, quote
//! numbers, citations and the placed quote index and bibliography.

use std::borrow::Borrow;
use std::collections::HashMap;

use crate::document::walk::{self, Visit};
use crate::document::{Block, Inline, Place, QuoteLink};
use crate::error::{did_you_mean, Diagnostic, Diagnostics};
use crate::markdown::section::RenderedSection;
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

/// Resolves what section `index` left open in `blocks`: heading ids and
/// figure numbers from `n`; cross-references, quote numbers, citations
/// and the placed quote index and bibliography from `late`. A figure of
/// another report keeps its empty number for the site to resolve.
pub fn resolve(blocks: &mut [Block], index: usize, n: &Numbering, late: &Late) {
    walk::blocks(&mut Resolver { index, n, late }, blocks);
}

/// [`resolve`] for a run of inline content of section `index` (a
/// heading's text in the contents).
pub fn resolve_inlines(content: &mut [Inline], index: usize, n: &Numbering, late: &Late) {
    walk::inlines(&mut Resolver { index, n, late }, content);
}

struct Resolver<'a> {
    index: usize,
    n: &'a Numbering,
    late: &'a Late,
}

impl Visit for Resolver<'_> {
    fn block(&mut self, block: &mut Block) {
        match block {
            Block::Heading { index, id, .. } => {
                *id = self.n.heading_ids[self.index]
                    .get(*index)
                    .cloned()
                    .unwrap_or_default();
            }
            Block::Figure(f) => {
                f.number = (self.n.figure_offset[self.index] + f.index + 1).to_string();
            }
            Block::Placed(Place::QuoteIndex(entries)) => {
                entries.clone_from(&self.late.quote_index);
            }
            Block::Placed(Place::Bibliography(b)) => b.clone_from(&self.late.bibliography),
            _ => {}
        }
    }

    fn inline(&mut self, inline: &mut Inline) {
        match inline {
            Inline::CrossRef {
                label,
                report: None,
                number,
            } => *number = self.n.labels.get(label).copied().unwrap_or(0).to_string(),
            Inline::Citation(c) => {
                if let Some(done) = self
                    .late
                    .citations
                    .get(self.index)
                    .and_then(|s| s.get(c.index))
                {
                    c.clone_from(done);
                }
            }
            _ => {}
        }
    }

    fn quote_link(&mut self, link: &mut QuoteLink) {
        let number = self.late.quote_numbers.get(&link.segment).copied();
        link.number = number.unwrap_or(0).to_string();
    }
}
