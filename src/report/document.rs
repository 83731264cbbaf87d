//! The report's [`Document`]: the rendered sections with everything only
//! the whole report knows resolved on their trees, the appendices the
//! report adds, the title block and the contents.

use crate::document::{Appendix, Block, ContentsEntry, Document, Front, Section};
use crate::load::config::Config;
use crate::load::SectionSource;
use crate::markdown::inline::inline;
use crate::markdown::section::RenderedSection;
use crate::model::date::Date;
use crate::render::late::Late;
use crate::render::resolve::{self, Numbering};

/// The document of `sources` (in report order) as `rendered` (whose
/// blocks are `blocks`), numbered by `numbering`, with `late`'s parts and
/// `appendices` after them.
pub fn build(
    config: &Config,
    sources: &[SectionSource],
    rendered: &[&RenderedSection],
    blocks: Vec<Vec<Block>>,
    numbering: &Numbering,
    late: &Late,
    appendices: Vec<Appendix>,
) -> Document {
    let mut doc = Document {
        front: front(config),
        contents: Vec::with_capacity(sources.len() + appendices.len()),
        sections: Vec::with_capacity(sources.len()),
        appendices: Vec::new(),
        illustrative: rendered.iter().any(|r| r.illustrative),
    };
    for (i, ((source, r), mut blocks)) in sources.iter().zip(rendered).zip(blocks).enumerate() {
        let title = inline(&source.front.title, false);
        let children = r
            .headings
            .iter()
            .zip(&numbering.heading_ids[i])
            .filter(|(h, _)| h.level == 3)
            .map(|(h, id)| {
                let mut title = h.content.clone();
                resolve::resolve_inlines(&mut title, i, numbering, late);
                ContentsEntry {
                    id: id.clone(),
                    title,
                    children: Vec::new(),
                }
            })
            .collect();
        doc.contents.push(ContentsEntry {
            id: source.id.clone(),
            title: title.clone(),
            children,
        });
        resolve::resolve(&mut blocks, i, numbering, late);
        doc.sections.push(Section {
            id: source.id.clone(),
            title,
            blocks,
        });
    }
    for a in &appendices {
        doc.contents.push(ContentsEntry {
            id: a.id.clone(),
            title: crate::document::text(&a.title),
            children: Vec::new(),
        });
    }
    doc.appendices = appendices;
    doc
}

/// The title block from `report.toml`.
pub fn front(config: &Config) -> Front {
    let date = config.date.as_deref().and_then(Date::parse);
    Front {
        title_text: config.title.clone(),
        title: inline(&config.title, false),
        subtitle: config.subtitle.as_deref().map(|s| inline(s, false)),
        authors: config.authors.clone(),
        date: date.map(|d| d.long_label()),
        date_iso: date.map(|d| d.to_string()),
        language: config.language.clone(),
    }
}
