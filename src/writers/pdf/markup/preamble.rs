//! The preamble of the markup: the document's title, authors, date and
//! language, the paper, the running header and page numbers, the fonts,
//! and how headings, links, tables, figures and quotes look.

use std::fmt::Write;

use crate::document::Document;

use super::super::escape::string;
use super::super::Paper;
use super::{colour, Writer};

impl Writer<'_> {
    /// Page, text, headings, links and tables, and the document's facts.
    pub(super) fn preamble(&mut self, doc: &Document, families: &[String]) {
        let f = &doc.front;
        let authors: Vec<String> = f.authors.iter().map(|a| string(a)).collect();
        let date = f
            .date_iso
            .as_deref()
            .and_then(iso_date)
            .map(|(y, m, d)| format!("datetime(year: {y}, month: {m}, day: {d})"))
            .unwrap_or_else(|| "none".into());
        let fonts: Vec<String> = families.iter().map(|f| string(f)).collect();
        let (lang, region) = language(&f.language);
        let region = region
            .map(|r| format!(", region: \"{r}\""))
            .unwrap_or_default();
        let paper = match self.options.paper {
            Paper::A4 => "a4",
            Paper::Letter => "us-letter",
        };
        let _ = write!(
            self.out,
            "#set document(title: {title}, author: ({authors}), date: {date})\n\
             #set text(lang: \"{lang}\"{region}, font: ({fonts}), size: 10.5pt, fill: rgb(\"{ink}\"))\n\
             #set page(paper: \"{paper}\", margin: (x: 22mm, y: 24mm), numbering: \"1\", \
             header: context if here().page() > 1 {{ set text(size: 8pt, fill: rgb(\"{muted}\")); {header}; h(1fr); counter(page).display() }}, \
             footer: context if here().page() == 1 {{ align(center, text(size: 8pt, counter(page).display())) }})\n\
             #set par(leading: 0.62em, spacing: 1em)\n\
             #set heading(numbering: none)\n\
             #show heading: set block(above: 1.5em, below: 0.8em)\n\
             #show heading.where(level: 1): set text(size: 15pt)\n\
             #show heading.where(level: 2): set text(size: 12.5pt)\n\
             #show heading.where(level: 3): set text(size: 11pt)\n\
             #show raw: set text(font: \"{mono}\", size: 0.82em)\n\
             #show link: set text(fill: rgb(\"{accent}\"))\n\
             #set table(stroke: (x, y) => (bottom: 0.5pt + rgb(\"{rule}\")), inset: (x: 4pt, y: 3pt))\n\
             #show table: set text(size: 8.5pt)\n\
             #show table: set par(justify: false)\n\
             #show figure.caption: set text(size: 9pt)\n\
             #set figure(gap: 0.6em)\n\
             #set figure.caption(separator: [. ])\n\
             #let findings-fit(path, format, alt) = layout(size => {{ let i = image(path, format: format, alt: alt); let m = measure(i); let w = calc.min(m.width, size.width); let most = size.height * {tallest}; if m.height * (w / m.width) > most {{ image(path, format: format, alt: alt, height: most) }} else if m.width > size.width {{ image(path, format: format, alt: alt, width: size.width) }} else {{ i }} }})\n\
             #set quote(block: true)\n\
             #show quote: set block(above: 1em, below: 1em)\n\
             #set list(indent: 0.6em)\n\
             #set enum(indent: 0.6em)\n\n",
            title = string(title_of(doc)),
            authors = authors.join(", ") + if authors.len() == 1 { "," } else { "" },
            fonts = fonts.join(", "),
            ink = colour::INK,
            muted = colour::MUTED,
            header = string(title_of(doc)),
            mono = super::super::fonts::MONO,
            accent = colour::ACCENT,
            rule = colour::RULE,
            tallest = TALLEST,
        );
    }
}

/// The share of the page's text height a figure's image may take, leaving
/// room for its caption: a figure is never split, so a taller one is
/// shrunk to fit.
pub const TALLEST: f64 = 0.8;

/// The text area of the smallest paper (US Letter's height, A4's width)
/// in points, with the margins of [`Writer::preamble`].
pub const TEXT_AREA: (f64, f64) = (470.0, 656.0);

/// The title the PDF's properties give: PDF/UA requires one.
pub fn title_of(doc: &Document) -> &str {
    if doc.front.title_text.trim().is_empty() {
        UNTITLED
    } else {
        &doc.front.title_text
    }
}

/// The title of a report without one.
pub const UNTITLED: &str = "Untitled report";

/// Year, month and day of an ISO date (`2025-11-20`).
fn iso_date(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s.get(..10)?.split('-');
    let y = parts.next()?.parse().ok()?;
    let m: u8 = parts.next()?.parse().ok()?;
    let d: u8 = parts.next()?.parse().ok()?;
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => 0,
    };
    (d >= 1 && d <= days).then_some((y, m, d))
}

/// Typst's language and region of a BCP 47 tag (`pt-BR` → `pt`, `BR`);
/// English when the tag has no language Typst accepts.
fn language(tag: &str) -> (String, Option<String>) {
    let mut parts = tag.split(['-', '_']);
    let lang = parts.next().unwrap_or_default().to_ascii_lowercase();
    if !(2..=3).contains(&lang.len()) || !lang.chars().all(|c| c.is_ascii_lowercase()) {
        return ("en".into(), None);
    }
    let region = parts
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|r| r.to_ascii_uppercase());
    (lang, region)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_and_languages() {
        assert_eq!(iso_date("2025-11-20"), Some((2025, 11, 20)));
        assert_eq!(iso_date("2025-13-20"), None);
        assert_eq!(iso_date("2025-02-29"), None);
        assert_eq!(iso_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(iso_date("soon"), None);
        assert_eq!(language("pt-BR"), ("pt".into(), Some("BR".into())));
        assert_eq!(language("zh-Hant-TW"), ("zh".into(), Some("TW".into())));
        assert_eq!(language("hu"), ("hu".into(), None));
        assert_eq!(language("\"); #panic()"), ("en".into(), None));
        assert_eq!(language(""), ("en".into(), None));
    }
}
