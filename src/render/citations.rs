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
    Display, FontStyle, FontVariant, FontWeight, IndependentStyle, Locale, LocaleCode, Style,
    TextDecoration, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, ElemMeta, Formatted, LocatorPayload, Rendered, SpecificLocator,
};

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

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
/// (checked when report.toml was read), in the terms of `language` (the
/// report's `language`, e.g. `en` or `de-AT`).
pub fn render(refs: &References, style: &str, language: &str, cites: &[&Citation]) -> Cited {
    if cites.is_empty() {
        return Cited::default();
    }
    let Some(style) = cached_style(style) else {
        return Cited::default();
    };
    let locales = cached_locales(language);
    let (style, locales) = (&*style, &locales[..]);
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
                driver.citation(CitationRequest::new(
                    items,
                    style,
                    Some(LocaleCode(language.to_string())),
                    locales,
                    None,
                ));
            }
            driver.finish(BibliographyRequest::new(
                style,
                Some(LocaleCode(language.to_string())),
                locales,
            ))
        }};
    }
    let rendered: Rendered = match &refs.works {
        Works::Bib(library) => drive!(|k: &str| library.get(k)),
        Works::Csl(items) => {
            drive!(|k: &str| items.iter().find(|i| i.id().is_some_and(|id| id == k)))
        }
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

/// Decoded styles and locales, kept for the process: a site builds its
/// reports in one process, and each would decode the same ones again.
type Cache<T> = OnceLock<Mutex<HashMap<String, T>>>;

static STYLES: Cache<Option<Arc<IndependentStyle>>> = OnceLock::new();
static LOCALES: Cache<Arc<Vec<Locale>>> = OnceLock::new();

/// `make(key)`, made once per process.
fn cached<T: Clone>(cache: &'static Cache<T>, key: &str, make: impl FnOnce(&str) -> T) -> T {
    let map = cache.get_or_init(Default::default);
    if let Some(hit) = map.lock().ok().and_then(|m| m.get(key).cloned()) {
        return hit;
    }
    let made = make(key);
    if let Ok(mut m) = map.lock() {
        m.entry(key.to_string()).or_insert_with(|| made.clone());
    }
    made
}

fn cached_style(name: &str) -> Option<Arc<IndependentStyle>> {
    cached(&STYLES, name, |n| independent(n).map(Arc::new))
}

fn cached_locales(language: &str) -> Arc<Vec<Locale>> {
    cached(&LOCALES, language, |l| Arc::new(locales(l)))
}

/// The bundled CSL locales of `language` (every dialect of its primary
/// language) and US English, the fallback of every style.
///
/// hayagriva's `archive::locales()` decodes all 63 bundled locales, about
/// 120 ms, ten times the rest of a small report's build; each locale's
/// CBOR starts with its `@xml:lang`, so only the few needed are decoded.
fn locales(language: &str) -> Vec<Locale> {
    let primary = language
        .split(['-', '_'])
        .next()
        .unwrap_or("en")
        .to_ascii_lowercase();
    let wanted = |lang: &str| {
        lang == "en-US"
            || lang
                .split('-')
                .next()
                .is_some_and(|p| p.eq_ignore_ascii_case(&primary))
    };
    let mut out = Vec::new();
    for bytes in hayagriva::archive::LOCALES {
        match lang_of(bytes) {
            Some(lang) if !wanted(lang) => continue,
            // A layout this reading does not know: decode it to be sure.
            _ => {}
        }
        if let Ok(locale) = ciborium::de::from_reader::<Locale, _>(*bytes) {
            out.push(locale);
        }
    }
    out
}

/// The `@xml:lang` a bundled locale's CBOR map starts with, when it does.
fn lang_of(bytes: &[u8]) -> Option<&str> {
    const KEY: &[u8] = b"@xml:lang";
    // A map header, the key as a text string (0x69: nine bytes), then the
    // value as a short text string (0x60 + length).
    let rest = bytes.get(1..)?;
    let rest = rest
        .strip_prefix(&[0x60 + KEY.len() as u8][..])?
        .strip_prefix(KEY)?;
    let len = rest.first()?.checked_sub(0x60).filter(|&l| l < 24)? as usize;
    std::str::from_utf8(rest.get(1..1 + len)?).ok()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_locales_of_the_language_and_us_english() {
        let langs = |language: &str| -> Vec<String> {
            locales(language)
                .iter()
                .filter_map(|l| l.lang.as_ref().map(|c| c.0.clone()))
                .collect()
        };
        assert_eq!(langs("en"), ["en-GB", "en-US"]);
        assert_eq!(langs("de-AT"), ["de-AT", "de-CH", "de-DE", "en-US"]);
        // Every bundled locale is read the same way.
        let read = hayagriva::archive::LOCALES
            .iter()
            .filter(|b| lang_of(b).is_some())
            .count();
        assert_eq!(read, hayagriva::archive::LOCALES.len());
    }
}
