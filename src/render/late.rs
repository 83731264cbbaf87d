//! What only the whole report can give a section: the quote index (every
//! quote of every section, numbered in reading order), the citations and
//! the bibliography, and the appendices the report adds when the author
//! placed none.
//!
//! Computed while the study is still at hand, before the page is put
//! together, so a one-shot build can free the datasets afterwards.

use std::collections::HashMap;

use crate::document::{Appendix, Bibliography, Block, Citation, Inline, QuoteEntry};
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::references::References;
use crate::markdown::section::RenderedSection;
use crate::model::study::Study;

use super::citations::{self, Cited};
use super::provenance::{self, Links};

/// The report-wide parts.
#[derive(Debug, Clone, Default)]
pub struct Late {
    /// Quote number (`Q n`) of each quoted segment, by segment index.
    pub quote_numbers: HashMap<usize, usize>,
    /// The quote index, where `{quote-index}` placed it (`None` when no
    /// quote is listed, or the index is an appendix).
    pub quote_index: Option<Vec<QuoteEntry>>,
    /// Each section's citations, formatted.
    pub citations: Vec<Vec<Citation>>,
    /// The bibliography, where `{bibliography}` placed it.
    pub bibliography: Option<Bibliography>,
    /// Appendices added after the sections: the quote index and the
    /// references, when the author placed neither.
    pub appendices: Vec<Appendix>,
    /// Sources, participants, codes and segments of the study.
    pub counts: [usize; 4],
    /// Errors: two quote indexes, two bibliographies.
    pub problems: Diagnostics,
}

/// One section as the late stage needs it.
pub struct SectionRef<'a> {
    /// Its id.
    pub id: &'a str,
    /// Its title as HTML.
    pub title: &'a str,
    /// What it rendered.
    pub rendered: &'a RenderedSection,
}

/// Computes the report-wide parts of `sections` (in report order).
pub fn compute(
    study: &Study,
    sections: &[SectionRef<'_>],
    references: Option<&References>,
    style: &str,
    language: &str,
) -> Late {
    let mut late = Late {
        counts: [
            study.sources.len(),
            study.participants.len(),
            study.codes.len(),
            study.segments.len(),
        ],
        ..Late::default()
    };
    let trails = || sections.iter().map(|s| &s.rendered.trail);
    let placed_index = only_one(
        trails().flat_map(|t| t.quote_indexes.iter().map(|(at, _)| at)),
        "{quote-index}",
        &mut late.problems,
    );
    let placed_bibliography = only_one(
        trails().flat_map(|t| &t.bibliographies),
        "{bibliography}",
        &mut late.problems,
    );

    // Quotes in reading order, then what a placed index adds.
    let mut order: Vec<usize> = Vec::new();
    for t in trails() {
        for &i in &t.quoted {
            if let std::collections::hash_map::Entry::Vacant(e) = late.quote_numbers.entry(i) {
                e.insert(order.len() + 1);
                order.push(i);
            }
        }
    }
    for t in trails() {
        for &i in t.quote_indexes.iter().flat_map(|(_, extra)| extra) {
            if let std::collections::hash_map::Entry::Vacant(e) = late.quote_numbers.entry(i) {
                e.insert(order.len() + 1);
                order.push(i);
            }
        }
    }
    // A code's entry is an element id: two codebooks listing it would
    // give the page two elements of one id.
    let mut codebook = vec![false; study.codes.len()];
    for (place, codes) in trails().flat_map(|t| &t.codebooks) {
        if let Some(&twice) = codes.iter().find(|&&c| codebook[c]) {
            late.problems.push(
                Diagnostic::error(format!(
                    "the code `{}` is in two codebooks",
                    study.codes[twice].id
                ))
                .at(place.clone())
                .help("give each {codebook} its own :codes:, or keep one codebook"),
            );
        }
        for &c in codes {
            codebook[c] = true;
        }
    }
    if !order.is_empty() {
        let entries: Vec<_> = order
            .iter()
            .enumerate()
            .map(|(k, &i)| {
                let links = Links {
                    codebook: &codebook,
                    quoted_in: sections
                        .iter()
                        .filter(|s| s.rendered.trail.quoted.contains(&i))
                        .map(|s| (s.id, s.title))
                        .collect(),
                };
                provenance::entry(study, i, k + 1, &links)
            })
            .collect();
        if placed_index {
            late.quote_index = Some(entries);
        } else {
            late.appendices.push(Appendix {
                id: "quote-index".into(),
                title: "Quote index".into(),
                intro: vec![Inline::Text(
                    "Every quote in this report, numbered as it is linked, with the participant, source, position and codes of its segment.".into(),
                )],
                blocks: vec![Block::QuoteIndex(entries)],
            });
        }
    }

    if let Some(refs) = references {
        cite(
            &mut late,
            sections,
            refs,
            style,
            language,
            placed_bibliography,
        );
    }
    late
}

/// Renders every citation of `sections` at once and places the
/// bibliography: where `{bibliography}` is, or as an appendix.
fn cite(
    late: &mut Late,
    sections: &[SectionRef<'_>],
    refs: &References,
    style: &str,
    language: &str,
    placed: bool,
) {
    let trails = || sections.iter().map(|s| &s.rendered.trail);
    let cites: Vec<_> = trails().flat_map(|t| &t.citations).collect();
    let Cited {
        citations,
        bibliography,
    } = citations::render(refs, style, language, &cites);
    let mut rest = citations.into_iter();
    for t in trails() {
        late.citations.push(
            rest.by_ref()
                .take(t.citations.len())
                .enumerate()
                .map(|(k, mut c)| {
                    c.index = k;
                    c
                })
                .collect(),
        );
    }
    if placed {
        late.bibliography = bibliography;
    } else if let Some(b) = bibliography {
        late.appendices.push(Appendix {
            id: "references".into(),
            title: "References".into(),
            intro: Vec::new(),
            blocks: vec![Block::Bibliography(b)],
        });
    }
}

/// True when one of `places` exists; two or more are an error at the second.
fn only_one<'a>(
    places: impl Iterator<Item = &'a Location>,
    what: &str,
    problems: &mut Diagnostics,
) -> bool {
    let places: Vec<&Location> = places.collect();
    if let Some(second) = places.get(1) {
        problems.push(
            Diagnostic::error(format!("the report places {what} twice"))
                .at((*second).clone())
                .help(format!("keep one {what}: {} has the first", places[0])),
        );
    }
    !places.is_empty()
}
