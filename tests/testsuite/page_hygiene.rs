//! What must hold on every page findings builds, checked on every fixture
//! that builds, the flagship example and the real-shaped study: no
//! placeholder or replacement character (U+FFFD) reaches the page, every
//! element id is plain ASCII (`[A-Za-z0-9_-]+`) and unique, every
//! in-page link resolves, and no chart draws outside its box.

use std::collections::HashSet;
use std::fs;
use std::path::Path;

use crate::common::{build_ok, copy_project, repo, svg_bounds};
use crate::real_shaped::gen;

fn check(name: &str, html: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(at) = html.find('\u{FFFD}') {
        problems.push(format!(
            "{name}: U+FFFD at byte {at}: …{}…",
            &html
                [html.floor_char_boundary(at.saturating_sub(60))..html.ceil_char_boundary(at + 20)]
        ));
    }
    if html.contains('\u{1}') {
        problems.push(format!("{name}: a U+0001 placeholder was left in the page"));
    }
    let doc = scraper::Html::parse_document(html);
    let mut ids = HashSet::new();
    for e in doc.select(&scraper::Selector::parse("[id]").expect("selector")) {
        let id = e.value().attr("id").unwrap_or("");
        let plain = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !plain {
            problems.push(format!("{name}: id {id:?} is not [A-Za-z0-9_-]+"));
        }
        if !ids.insert(id.to_string()) {
            problems.push(format!("{name}: id {id:?} is used twice"));
        }
    }
    for e in doc.select(&scraper::Selector::parse("a[href^='#']").expect("selector")) {
        let target = &e.value().attr("href").unwrap_or("#")[1..];
        if !target.is_empty() && !ids.contains(target) {
            problems.push(format!("{name}: link to #{target} goes nowhere"));
        }
    }
    for e in doc.select(&scraper::Selector::parse("[aria-labelledby]").expect("selector")) {
        for id in e
            .value()
            .attr("aria-labelledby")
            .unwrap_or("")
            .split_whitespace()
        {
            if !ids.contains(id) {
                problems.push(format!("{name}: aria-labelledby names missing id {id:?}"));
            }
        }
    }
    problems.extend(
        svg_bounds::overflows(html)
            .into_iter()
            .map(|o| format!("{name}: {o}")),
    );
    problems
}

fn build_fixture(path: &Path) -> String {
    let dir = copy_project(path);
    build_ok(dir.path())
}

#[test]
fn every_built_page_is_clean() {
    let mut problems = Vec::new();
    problems.extend(check("example", &build_fixture(&repo())));
    for fixture in ["small", "private", "serve-basic", "audit"] {
        let html = build_fixture(&repo().join("tests/fixtures").join(fixture));
        problems.extend(check(fixture, &html));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn charts_of_a_real_shaped_study_stay_in_their_boxes() {
    let dir = tempfile::tempdir().expect("temp dir");
    gen::write(dir.path());
    // Every chart kind at real scale: 170 bars of 50-character names,
    // 40 co-occurring codes, code × attribute crosstabs of every code.
    let section = "+++\ntitle = \"Ábrák\"\n+++\n\n\
```{chart} bar\n:data: segments\n:by: code\n```\n\n\
```{chart} bar\n:data: segments\n:by: code\n:count: participants\n:sort: label\n```\n\n\
```{chart} heatmap\n:data: segments\n:top: 40\n```\n\n\
```{chart} heatmap\n:data: segments\n:top: 12\n```\n\n\
```{chart} heatmap\n:data: segments\n:level: top\n```\n\n\
```{chart} stacked\n:data: segments\n:by: code\n:across: persona\n```\n\n\
```{chart} grouped\n:data: segments\n:by: code\n:across: region\n:top: 30\n```\n\n\
```{chart} diverging\n:data: segments\n:by: code\n:across: experience\n:level: top\n```\n\n\
```{chart} donut\n:data: participants\n:by: persona\n```\n\n\
```{chart} pie\n:data: participants\n:by: age_band\n```\n";
    fs::write(dir.path().join("content/sections/01-charts.md"), section).expect("section");
    let html = build_ok(dir.path());
    let problems = check("real-shaped", &html);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert_eq!(html.matches("<svg").count(), 10);
}

#[test]
fn the_audit_trail_of_a_real_shaped_study_is_clean() {
    let dir = tempfile::tempdir().expect("temp dir");
    gen::write(dir.path());
    // 150+ nested codes with long non-ASCII names, multi-coded segments
    // from several coders: every quote and example links to the index, and
    // every code link to the codebook.
    let section = "+++\ntitle = \"Függelék\"\n+++\n\n\
```{quotes} segments\n:limit: 40\n```\n\n\
```{codebook}\n:examples: 2\n```\n\n\
```{participants}\n:by: persona, region\n```\n\n\
```{sources}\n```\n\n\
```{quote-index}\n```\n";
    fs::write(dir.path().join("content/sections/01-audit.md"), section).expect("section");
    let html = build_ok(dir.path());
    let problems = check("real-shaped audit", &html);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let quotes = html.matches("class=\"quote-link\"").count();
    assert!(quotes > 40, "{quotes} quote links");
    assert!(html.contains("<table class=\"codebook\">"));
}
