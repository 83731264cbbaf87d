//! Every `{cite}` of the report and its bibliography, rendered at once
//! with hayagriva in the report's CSL style: a numeric style numbers works
//! in the order they are first cited across sections, and an author-date
//! style tells apart two works of one author and year.
//!
//! hayagriva's own HTML writer neither escapes text nor avoids inline
//! styles (which the page's Content-Security-Policy forbids), so its
//! element tree is written here.

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{
    Display, FontStyle, FontVariant, FontWeight, IndependentStyle, Style, TextDecoration,
    VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, ElemMeta, Formatted, LocatorPayload, Rendered, SpecificLocator,
};

use crate::escape::{html, push_html};
use crate::load::references::{References, Works};
use crate::markdown::cite::split_locator;
use crate::markdown::context::Citation;
use crate::slug::record_anchor;

/// The rendered citations, in the order given, and the bibliography of
/// the cited works (an empty string when nothing is cited).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cited {
    /// One HTML string per citation.
    pub citations: Vec<String>,
    /// `<ol>` of the works cited.
    pub bibliography: String,
}

/// Renders `cites` (keys already checked) from `refs` in style `style`
/// (checked when report.toml was read).
pub fn render(refs: &References, style: &str, cites: &[&Citation]) -> Cited {
    if cites.is_empty() {
        return Cited::default();
    }
    let Some(style) = independent(style) else {
        return Cited::default();
    };
    let locales = hayagriva::archive::locales();
    // hayagriva's entry trait is private, so the two kinds of works are
    // driven by the same code written once for each.
    macro_rules! drive {
        ($find:expr) => {{
            let mut driver = BibliographyDriver::new();
            for c in cites {
                let items = c
                    .items
                    .iter()
                    .filter_map(|(key, loc)| {
                        let entry = $find(key.as_str())?;
                        Some(CitationItem::with_locator(entry, locator(loc.as_deref())))
                    })
                    .collect();
                driver.citation(CitationRequest::from_items(items, &style, &locales));
            }
            driver.finish(BibliographyRequest::new(&style, None, &locales))
        }};
    }
    let rendered: Rendered = match &refs.works {
        Works::Bib(library) => drive!(|k: &str| library.get(k)),
        Works::Csl(items) => drive!(|k: &str| items
            .iter()
            .find(|i| i.id().is_some_and(|id| id == k))),
    };
    let citations = rendered
        .citations
        .iter()
        .zip(cites)
        .map(|(r, c)| citation_html(&r.citation, c))
        .collect();
    let bibliography = rendered
        .bibliography
        .map(|b| {
            let mut out = String::from("<ol class=\"bibliography\">\n");
            for item in &b.items {
                out.push_str("<li class=\"csl-entry\" id=\"");
                out.push_str(&html(&record_anchor("ref", &item.key)));
                out.push_str("\">");
                if let Some(first) = &item.first_field {
                    out.push_str("<span class=\"csl-left\">");
                    write_child(first, &[], true, &mut out);
                    out.push_str("</span> ");
                }
                write_children(&item.content, &[], true, &mut out);
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
            out
        })
        .unwrap_or_default();
    Cited {
        citations,
        bibliography,
    }
}

/// The bundled style `name` as an independent style.
fn independent(name: &str) -> Option<IndependentStyle> {
    match ArchivedStyle::by_name(name)?.get() {
        Style::Independent(s) => Some(s),
        Style::Dependent(_) => None,
    }
}

fn locator(text: Option<&str>) -> Option<SpecificLocator<'_>> {
    let (kind, value) = split_locator(text?);
    let kind = match kind {
        "chapter" => Locator::Chapter,
        "section" => Locator::Section,
        "figure" => Locator::Figure,
        "paragraph" => Locator::Paragraph,
        "volume" => Locator::Volume,
        _ => Locator::Page,
    };
    Some(SpecificLocator(kind, LocatorPayload::Str(value)))
}

/// A citation, each cited work's part linked to its bibliography entry
/// (the whole citation to the first work when the style marks no parts).
fn citation_html(children: &ElemChildren, c: &Citation) -> String {
    let keys: Vec<&str> = c.items.iter().map(|(k, _)| k.as_str()).collect();
    let mut inner = String::new();
    write_children(children, &keys, false, &mut inner);
    if inner.contains("<a ") {
        format!("<span class=\"citation\">{inner}</span>")
    } else {
        format!(
            "<a class=\"citation\" href=\"#{}\">{inner}</a>",
            html(&record_anchor("ref", keys.first().copied().unwrap_or("")))
        )
    }
}

fn write_children(children: &ElemChildren, keys: &[&str], links: bool, out: &mut String) {
    for child in &children.0 {
        write_child(child, keys, links, out);
    }
}

/// Writes one element: `keys` are the cited works (an element marked as
/// the n-th work's becomes a link to it), `links` whether URLs become
/// links (not inside a citation's own links).
fn write_child(child: &ElemChild, keys: &[&str], links: bool, out: &mut String) {
    match child {
        ElemChild::Text(t) => formatted(t, out),
        ElemChild::Markup(m) => push_html(out, m),
        ElemChild::Link { text, url } => {
            let safe = url.starts_with("https://") || url.starts_with("http://");
            if links && safe {
                out.push_str("<a href=\"");
                push_html(out, url);
                out.push_str("\">");
                formatted(text, out);
                out.push_str("</a>");
            } else {
                formatted(text, out);
            }
        }
        ElemChild::Transparent { .. } => {}
        ElemChild::Elem(e) => {
            let block = match e.display {
                Some(Display::Block) => Some("csl-block"),
                Some(Display::Indent) => Some("csl-indent"),
                Some(Display::LeftMargin) => Some("csl-left"),
                Some(Display::RightInline) => Some("csl-right"),
                None => None,
            };
            if let Some(class) = block {
                out.push_str("<span class=\"");
                out.push_str(class);
                out.push_str("\">");
            }
            match &e.meta {
                Some(ElemMeta::Entry(i)) if keys.get(*i).is_some() => {
                    out.push_str("<a href=\"#");
                    out.push_str(&html(&record_anchor("ref", keys[*i])));
                    out.push_str("\">");
                    write_children(&e.children, keys, false, out);
                    out.push_str("</a>");
                }
                _ => write_children(&e.children, keys, links, out),
            }
            if block.is_some() {
                out.push_str("</span>");
            }
        }
    }
}

/// Text with its formatting as elements, never as inline styles.
fn formatted(t: &Formatted, out: &mut String) {
    let f = &t.formatting;
    let mut close: Vec<&str> = Vec::new();
    let mut open = |tag: &str, end: &'static str, out: &mut String| {
        out.push_str(tag);
        close.push(end);
    };
    if f.font_style == FontStyle::Italic {
        open("<i>", "</i>", out);
    }
    if f.font_weight == FontWeight::Bold {
        open("<b>", "</b>", out);
    }
    if f.font_variant == FontVariant::SmallCaps {
        open("<span class=\"small-caps\">", "</span>", out);
    }
    if f.text_decoration == TextDecoration::Underline {
        open("<u>", "</u>", out);
    }
    match f.vertical_align {
        VerticalAlign::Sup => open("<sup>", "</sup>", out),
        VerticalAlign::Sub => open("<sub>", "</sub>", out),
        _ => {}
    }
    push_html(out, &t.text);
    for end in close.iter().rev() {
        out.push_str(end);
    }
}
