//! Reading the built page: tables (report tables and chart data tables)
//! as rows of cell texts, figures by their title, prose figures by their
//! list-item key.

#![allow(dead_code)]

use scraper::{ElementRef, Html, Selector};

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

/// The text of an element with whitespace collapsed.
pub fn text(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A table's rows (`thead`, `tbody`, `tfoot` kept apart), each a list of
/// cell texts.
pub struct Table {
    pub head: Vec<String>,
    pub body: Vec<Vec<String>>,
    pub body_classes: Vec<String>,
    pub foot: Vec<Vec<String>>,
}

fn rows(e: ElementRef<'_>, part: &str) -> Vec<Vec<String>> {
    e.select(&sel(&format!("{part} tr")))
        .map(|tr| tr.select(&sel("th, td")).map(text).collect())
        .collect()
}

pub fn table(e: ElementRef<'_>) -> Table {
    let head = rows(e, "thead").pop().unwrap_or_default();
    let body_classes = e
        .select(&sel("tbody tr"))
        .map(|tr| {
            tr.select(&sel("th"))
                .next()
                .and_then(|th| th.value().attr("class"))
                .unwrap_or("")
                .to_string()
        })
        .collect();
    Table {
        head,
        body: rows(e, "tbody"),
        body_classes,
        foot: rows(e, "tfoot"),
    }
}

/// The report table whose caption starts with `key`.
pub fn report_table(doc: &Html, key: &str) -> Table {
    let found = doc
        .select(&sel("div.table-wrap > table"))
        .find(|t| {
            t.select(&sel("caption"))
                .next()
                .is_some_and(|c| text(c).starts_with(key))
        })
        .unwrap_or_else(|| panic!("no table captioned {key}"));
    table(found)
}

/// The figure whose chart title starts with `key`.
pub fn figure<'a>(doc: &'a Html, key: &str) -> ElementRef<'a> {
    doc.select(&sel("figure.figure"))
        .find(|f| {
            f.select(&sel("svg > title"))
                .next()
                .is_some_and(|t| text(t).starts_with(key))
        })
        .unwrap_or_else(|| panic!("no chart titled {key}"))
}

/// A figure's data table.
pub fn data_table(fig: ElementRef<'_>) -> Table {
    table(
        fig.select(&sel("table.chart-data"))
            .next()
            .expect("data table"),
    )
}

/// The prose list item `key: value` → value.
pub fn prose(doc: &Html, key: &str) -> String {
    let prefix = format!("{key}: ");
    doc.select(&sel("li"))
        .map(text)
        .find_map(|t| t.strip_prefix(&prefix).map(str::to_string))
        .unwrap_or_else(|| panic!("no prose item {key}"))
}
