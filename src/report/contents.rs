//! The page's sections and its table of contents, from the rendered
//! sections (their HTML with the report's numbers filled in) and the
//! appendices the report adds.

use crate::document::Appendix;
use crate::load::SectionSource;
use crate::markdown::inline::inline;
use crate::markdown::section::RenderedSection;
use crate::render::late::Late;
use crate::render::page::{PageView, SectionView, TocEntry};
use crate::render::resolve::{self, Numbering};
use crate::writers::html::phrase;

/// Adds every section (with its level-3 headings in the contents) and
/// then every appendix to `view`.
pub fn fill(
    view: &mut PageView,
    sources: &[SectionSource],
    rendered: &[&RenderedSection],
    numbering: &Numbering,
    late: &Late,
    appendices: Vec<Appendix>,
) {
    for (i, (source, r)) in sources.iter().zip(rendered).enumerate() {
        let title = phrase(&inline(&source.front.title, false));
        let children = r
            .headings
            .iter()
            .zip(&numbering.heading_ids[i])
            .filter(|(h, _)| h.level == 3)
            .map(|(h, id)| TocEntry {
                id: id.clone(),
                title: strip_tags(&resolve::fill(
                    &crate::writers::html::inlines(&h.content),
                    i,
                    numbering,
                    late,
                )),
                children: Vec::new(),
            })
            .collect();
        view.toc.push(TocEntry {
            id: source.id.clone(),
            title: title.clone(),
            children,
        });
        view.sections.push(SectionView {
            id: source.id.clone(),
            title,
            body: resolve::fill(&r.html, i, numbering, late),
            generated: false,
        });
    }
    for a in appendices {
        let body = crate::writers::html::appendix::body(&a);
        let title = crate::escape::html(&a.title);
        view.toc.push(TocEntry {
            id: a.id.clone(),
            title: title.clone(),
            children: Vec::new(),
        });
        view.sections.push(SectionView {
            id: a.id,
            title,
            body,
            generated: true,
        });
    }
}

/// Heading HTML without its tags, for the table of contents (links inside
/// links are invalid); entities stay escaped.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}
