//! The page's view of a [`Document`]: the title block, contents and
//! sections as the theme's templates receive them, every string already
//! HTML. The template itself (Tera, the theme's CSS) is applied by
//! `render::page`, which owns the theme.

use serde::Serialize;

use crate::document::{Document, Inlines};
use crate::escape::html;

use super::{appendix, blocks, inlines, phrase};

/// One section as the templates see it; every string is already HTML.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Anchor id.
    pub id: String,
    /// Title as inline HTML.
    pub title: String,
    /// Body HTML.
    pub body: String,
    /// True for an appendix the report adds (the quote index, the
    /// references, "About this report"), which holds no finding of its own.
    pub generated: bool,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// Anchor id.
    pub id: String,
    /// Title as inline HTML.
    pub title: String,
    /// Sub-entries (level-3 headings).
    pub children: Vec<TocEntry>,
}

/// Everything `base.html` receives; every string is already HTML.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// `lang` attribute.
    pub lang: String,
    /// Title as plain text, escaped (for `<title>`).
    pub title_text: String,
    /// Title as inline HTML.
    pub title: String,
    /// Subtitle as inline HTML.
    pub subtitle: String,
    /// Authors, escaped and joined.
    pub authors: String,
    /// Publication date, e.g. "20 Nov 2025".
    pub date: String,
    /// ISO date for `<time datetime>`.
    pub date_iso: String,
    /// Table of contents.
    pub toc: Vec<TocEntry>,
    /// The sections.
    pub sections: Vec<SectionView>,
    /// The theme's CSS, inline.
    pub css: String,
    /// Whether to show the illustrative-data notice.
    pub illustrative: bool,
    /// The `<meta>` carrying the page's Content-Security-Policy.
    pub csp_meta: String,
    /// The site's navigation (index, previous and next report) when the
    /// report is one of a site's; empty otherwise.
    pub site_nav: String,
    /// The same report in other formats, built beside the page.
    pub downloads: Vec<Download>,
}

/// A link to the report in another format.
#[derive(Debug, Clone, Serialize)]
pub struct Download {
    /// The file's name beside the page.
    pub href: String,
    /// What a reader calls the format ("PDF", "Word").
    pub label: String,
}

/// The view of `doc`; the CSS, the Content-Security-Policy and the site's
/// navigation are the caller's to fill in.
pub fn view(doc: &Document) -> PageView {
    let mut view = frame(doc);
    let (sections, appendices) = view.sections.split_at_mut(doc.sections.len());
    for (v, s) in sections.iter_mut().zip(&doc.sections) {
        v.body = blocks(&s.blocks);
    }
    for (v, a) in appendices.iter_mut().zip(&doc.appendices) {
        v.body = appendix::body(a);
    }
    view
}

/// [`view`] of a document no longer needed: each section's tree is freed
/// once its body is written, so that the trees and the page are never
/// both whole in memory.
pub fn view_freeing(doc: Document) -> PageView {
    let mut view = frame(&doc);
    let (sections, appendices) = view.sections.split_at_mut(doc.sections.len());
    for (v, s) in sections.iter_mut().zip(doc.sections) {
        v.body = blocks(&s.blocks);
    }
    for (v, a) in appendices.iter_mut().zip(doc.appendices) {
        v.body = appendix::body(&a);
    }
    view
}

/// The view with every body still empty.
fn frame(doc: &Document) -> PageView {
    let front = &doc.front;
    let mut view = PageView {
        lang: html(&front.language),
        title_text: html(&front.title_text),
        title: phrase(&front.title),
        subtitle: front.subtitle.as_deref().map(phrase).unwrap_or_default(),
        authors: html(&front.authors.join(", ")),
        date: front.date.clone().unwrap_or_default(),
        date_iso: front.date_iso.clone().unwrap_or_default(),
        toc: Vec::new(),
        sections: Vec::new(),
        css: String::new(),
        illustrative: doc.illustrative,
        csp_meta: String::new(),
        site_nav: String::new(),
        downloads: Vec::new(),
    };
    for (section, entry) in doc.sections.iter().zip(&doc.contents) {
        let title = phrase(&section.title);
        view.toc.push(TocEntry {
            id: section.id.clone(),
            title: title.clone(),
            children: entry
                .children
                .iter()
                .map(|c| TocEntry {
                    id: c.id.clone(),
                    title: unlinked(&c.title),
                    children: Vec::new(),
                })
                .collect(),
        });
        view.sections.push(SectionView {
            id: section.id.clone(),
            title,
            body: String::new(),
            generated: false,
        });
    }
    for a in &doc.appendices {
        let title = html(&a.title);
        view.toc.push(TocEntry {
            id: a.id.clone(),
            title: title.clone(),
            children: Vec::new(),
        });
        view.sections.push(SectionView {
            id: a.id.clone(),
            title,
            body: String::new(),
            generated: true,
        });
    }
    view
}

/// A heading's content without its tags, for the contents (links inside
/// links are invalid); entities stay escaped.
fn unlinked(content: &Inlines) -> String {
    let written = inlines(content);
    let mut out = String::with_capacity(written.len());
    let mut in_tag = false;
    for c in written.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}
