//! Every `{cite}` of the report and its bibliography, rendered at once
//! with hayagriva in the report's CSL style: a numeric style numbers works
//! in the order they are first cited across sections, and an author-date
//! style tells apart two works of one author and year.
//!
//! hayagriva's element tree becomes the document's inlines here (its own
//! HTML writer neither escapes text nor avoids inline styles, which the
//! page's Content-Security-Policy forbids).

use hayagriva::archive::ArchivedStyle;
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{
    Display as CslDisplay, FontStyle, FontVariant, FontWeight, IndependentStyle, Locale,
    LocaleCode, Style, TextDecoration, VerticalAlign,
};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, ElemMeta, Formatted, LocatorPayload, Rendered, SpecificLocator,
};

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::document::{BibEntry, Bibliography, Citation, Display, Inline, Inlines, TextStyle};
use crate::load::references::{References, Works};
use crate::markdown::cite::split_locator;
use crate::markdown::context::Citation as CiteRequest;
use crate::slug::record_anchor;

/// The formatted citations, in the order given, and the bibliography of
/// the cited works (`None` when nothing is cited).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cited {
    /// One per citation.
    pub citations: Vec<Citation>,
    /// The works cited.
    pub bibliography: Option<Bibliography>,
}

/// Renders `cites` (keys already checked) from `refs` in style `style`
/// (checked when report.toml was read), in the terms of `language` (the
/// report's `language`, e.g. `en` or `de-AT`).
pub fn render(refs: &References, style: &str, language: &str, cites: &[&CiteRequest]) -> Cited {
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
        .enumerate()
        .map(|(index, (r, c))| citation(index, &r.citation, c))
        .collect();
    let bibliography = rendered.bibliography.map(|b| Bibliography {
        entries: b
            .items
            .iter()
            .map(|item| BibEntry {
                id: record_anchor("ref", &item.key),
                label: item.first_field.as_ref().map(|first| {
                    let mut label = Vec::new();
                    child(first, &[], true, &mut label);
                    label
                }),
                content: children(&item.content, &[], true),
            })
            .collect(),
    });
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
/// when the style marks the parts; `index` is its place among the report's.
fn citation(index: usize, children_of: &ElemChildren, c: &CiteRequest) -> Citation {
    let keys: Vec<&str> = c.items.iter().map(|(k, _)| k.as_str()).collect();
    Citation {
        index,
        works: keys.iter().map(|k| record_anchor("ref", k)).collect(),
        content: children(children_of, &keys, false),
    }
}

fn children(children: &ElemChildren, keys: &[&str], links: bool) -> Inlines {
    let mut out = Vec::new();
    for c in &children.0 {
        child(c, keys, links, &mut out);
    }
    out
}

/// One element as inlines: `keys` are the cited works (an element marked
/// as the n-th work's becomes a link to it), `links` whether URLs become
/// links (not inside a citation's own links).
fn child(child: &ElemChild, keys: &[&str], links: bool, out: &mut Inlines) {
    match child {
        ElemChild::Text(t) => out.push(formatted(t)),
        ElemChild::Markup(m) => out.push(Inline::Text(m.clone())),
        ElemChild::Link { text, url } => {
            let safe = url.starts_with("https://") || url.starts_with("http://");
            if links && safe {
                out.push(Inline::Link {
                    url: url.clone(),
                    title: String::new(),
                    content: vec![formatted(text)],
                });
            } else {
                out.push(formatted(text));
            }
        }
        ElemChild::Transparent { .. } => {}
        ElemChild::Elem(e) => {
            let content = match &e.meta {
                Some(ElemMeta::Entry(i)) if keys.get(*i).is_some() => vec![Inline::WorkLink {
                    id: record_anchor("ref", keys[*i]),
                    content: children(&e.children, keys, false),
                }],
                _ => children(&e.children, keys, links),
            };
            let display = match e.display {
                Some(CslDisplay::Block) => Some(Display::Block),
                Some(CslDisplay::Indent) => Some(Display::Indent),
                Some(CslDisplay::LeftMargin) => Some(Display::LeftMargin),
                Some(CslDisplay::RightInline) => Some(Display::RightInline),
                None => None,
            };
            match display {
                Some(display) => out.push(Inline::Displayed { display, content }),
                None => out.extend(content),
            }
        }
    }
}

/// Text with its formatting as styles, never as inline styles of a page:
/// italic outermost, then bold, small caps, underline, and a raised or
/// lowered position innermost.
fn formatted(t: &Formatted) -> Inline {
    let f = &t.formatting;
    let mut styles = Vec::new();
    if f.font_style == FontStyle::Italic {
        styles.push(TextStyle::Italic);
    }
    if f.font_weight == FontWeight::Bold {
        styles.push(TextStyle::Bold);
    }
    if f.font_variant == FontVariant::SmallCaps {
        styles.push(TextStyle::SmallCaps);
    }
    if f.text_decoration == TextDecoration::Underline {
        styles.push(TextStyle::Underline);
    }
    match f.vertical_align {
        VerticalAlign::Sup => styles.push(TextStyle::Superscript),
        VerticalAlign::Sub => styles.push(TextStyle::Subscript),
        _ => {}
    }
    styles
        .into_iter()
        .rev()
        .fold(Inline::Text(t.text.clone()), |inner, style| {
            Inline::Styled {
                style,
                content: vec![inner],
            }
        })
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
