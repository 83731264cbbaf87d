//! Generated appendices: the codebook, the sample, the sources, and where
//! the report-wide quote index and bibliography go. Each is computed from
//! the data, so it cannot fall behind it.

pub mod codebook;
pub mod participants;
pub mod sources;

use crate::analysis::select::{select, Selection};
use crate::document::{Block, Place};
use crate::markdown::context::{Directive, Renderer};

use super::Failure;

/// `{quote-index}` (every quoted segment) or `{quote-index} SELECTION`
/// (those and every segment of the selection): the index is filled in once
/// every section is rendered.
pub fn quote_index(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    _: usize,
) -> Result<Vec<Block>, Failure> {
    let extra = match d.argument.trim() {
        "" => Vec::new(),
        arg => {
            let sel = Selection::parse(arg)
                .map_err(|e| (e, "e.g. ```{quote-index} segments[code=fomo]".into()))?;
            if sel.dataset != "segments" {
                return Err((
                    format!("`{{quote-index}}` lists segments, not {}", sel.dataset),
                    "write segments[…], or leave the argument out for every quoted segment".into(),
                ));
            }
            let m = select(r.ctx().study, &sel)?;
            let extra: Vec<usize> = m.indices.iter().copied().collect();
            for &i in &extra {
                crate::markdown::lints::personal(r, i, d.at);
            }
            extra
        }
    };
    let place = r.locate(d.at, 1);
    r.trail().quote_indexes.push((place, extra));
    Ok(vec![Block::Placed(Place::QuoteIndex(None))])
}

/// `{bibliography}`: the works cited, filled in once every citation of
/// the report is known.
pub fn bibliography(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    _: usize,
) -> Result<Vec<Block>, Failure> {
    if r.ctx().references.is_none() {
        return Err((
            "`{bibliography}` needs a references file, and the project has none".into(),
            "add content/references.bib (BibLaTeX) or content/references.json (CSL-JSON)".into(),
        ));
    }
    let place = r.locate(d.at, 1);
    r.trail().bibliographies.push(place);
    Ok(vec![Block::Placed(Place::Bibliography(None))])
}
