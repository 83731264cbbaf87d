//! The auditable report: quote provenance, generated appendices,
//! citations, the build manifest and `findings verify`, on the fixture in
//! `tests/fixtures/audit` (multi-coded segments, two coders, a source with
//! CRLF and emoji, a private field) and on the flagship example.
//!
//! Expected counts are computed here from the fixture's JSON with plain
//! loops; expected citations are written by hand from the APA 7 and IEEE
//! rules.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use crate::common::{build_ok, copy_project, findings, repo, stderr};
use scraper::{Html, Selector};
use serde_json::Value;

fn fixture() -> tempfile::TempDir {
    copy_project(&repo().join("tests/fixtures/audit"))
}

fn json(dir: &Path, name: &str) -> Vec<Value> {
    let text = fs::read_to_string(dir.join("content/data").join(name)).expect("read fixture");
    serde_json::from_str(&text).expect("fixture json")
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn cell_text(e: scraper::ElementRef<'_>) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_quote_links_to_an_index_entry_with_its_provenance() {
    for dir in [fixture(), copy_project(&repo())] {
        let page = Html::parse_document(&build_ok(dir.path()));
        let quotes: Vec<_> = page.select(&sel("figure.quote")).collect();
        assert!(!quotes.is_empty());
        for q in quotes {
            let link = q
                .select(&sel("a.quote-link"))
                .next()
                .unwrap_or_else(|| panic!("a quote without provenance: {}", q.html()));
            let href = link.value().attr("href").expect("href");
            let id = href.strip_prefix('#').expect("in-page link");
            let entry = page
                .select(&sel(&format!("li.quote-entry[id=\"{id}\"]")))
                .next()
                .unwrap_or_else(|| panic!("{href} leads nowhere"));
            // The link's number is the entry's.
            let number = cell_text(entry.select(&sel(".quote-number")).next().expect("number"));
            assert_eq!(cell_text(link), number);
            // The entry repeats the quote's words.
            let words = cell_text(q.select(&sel("blockquote")).next().expect("words"));
            let listed = cell_text(entry.select(&sel("blockquote")).next().expect("words"));
            assert_eq!(words, listed);
        }
    }
}

#[test]
fn index_entries_give_participant_source_position_codes_and_coders() {
    let dir = fixture();
    let page = Html::parse_document(&build_ok(dir.path()));
    let entry = page
        .select(&sel("li#q-s1"))
        .next()
        .expect("s1 is quoted, so indexed");
    let terms: BTreeMap<String, String> = entry
        .select(&sel("dl.provenance > div"))
        .map(|d| {
            (
                cell_text(d.select(&sel("dt")).next().expect("dt")),
                cell_text(d.select(&sel("dd")).next().expect("dd")),
            )
        })
        .collect();
    // By hand: s1 starts at code point 10 of "line one\r\nline two 👍 here\n…",
    // the first character of line 2, and ends on it.
    assert_eq!(terms["Participant"], "Ana, Engineer");
    assert_eq!(terms["Source"], "Interviews (interviews)");
    assert_eq!(terms["Position"], "line 2 of the source text");
    assert_eq!(terms["Codes"], "Trust in audits, Cost");
    assert_eq!(terms["Coders"], "ana, ben");
    assert_eq!(terms["Quoted in"], "Findings, Appendix");
    // Codes link to their codebook entries, which exist.
    for a in entry.select(&sel("dd a[href^=\"#code-\"]")) {
        let id = &a.value().attr("href").expect("href")[1..];
        assert!(
            page.select(&sel(&format!("[id=\"{id}\"]")))
                .next()
                .is_some(),
            "{id}"
        );
    }
    // The private name of the speaker appears nowhere.
    assert!(!page.html().contains("Jane Roe"));
}

#[test]
fn codebook_counts_equal_a_plain_count_of_the_json() {
    let dir = fixture();
    let page = Html::parse_document(&build_ok(dir.path()));
    let codes = json(dir.path(), "codebook.json");
    let segments = json(dir.path(), "segments.json");
    let parent: BTreeMap<&str, Option<&str>> = codes
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["parent"].as_str()))
        .collect();
    // A segment's codes: `codes`, or the union of its coders' codes.
    let seg_codes = |s: &Value| -> BTreeSet<String> {
        let mut out: BTreeSet<String> = s["codes"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|c| c.as_str().unwrap().to_string())
            .collect();
        if let Some(codings) = s["codings"].as_object() {
            for list in codings.values() {
                out.extend(
                    list.as_array()
                        .unwrap()
                        .iter()
                        .map(|c| c.as_str().unwrap().to_string()),
                );
            }
        }
        out
    };
    let under = |code: &str, target: &str| {
        let mut at = Some(code);
        while let Some(c) = at {
            if c == target {
                return true;
            }
            at = parent[c];
        }
        false
    };
    let rows: Vec<Vec<String>> = page
        .select(&sel("table.codebook tbody tr.codebook-code"))
        .map(|tr| {
            // The label (its id follows in a `code`), then each count
            // with its share in brackets: "3 (1.9%)".
            let th = tr.select(&sel("th")).next().unwrap();
            let id: String = th.select(&sel(".code-id")).flat_map(|c| c.text()).collect();
            let all: String = th.text().collect();
            let label = all.trim().trim_end_matches(id.as_str()).trim().to_string();
            let mut row = vec![label];
            for td in tr.select(&sel("td")).map(cell_text) {
                let (n, share) = td.split_once(" (").unwrap();
                row.push(n.to_string());
                row.push(share.trim_end_matches(')').to_string());
            }
            row
        })
        .collect();
    assert_eq!(rows.len(), codes.len());
    let total = segments.len() as f64;
    let people_total = json(dir.path(), "participants.json").len() as f64;
    for c in &codes {
        let id = c["id"].as_str().unwrap();
        let label = c["label"].as_str().unwrap();
        let hits: Vec<&Value> = segments
            .iter()
            .filter(|s| seg_codes(s).iter().any(|x| under(x, id)))
            .collect();
        let people: BTreeSet<&str> = hits
            .iter()
            .map(|s| s["participant"].as_str().unwrap())
            .collect();
        let row = rows
            .iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("{label}"));
        assert_eq!(row[1], hits.len().to_string(), "{label} segments");
        assert_eq!(
            row[2],
            format!("{:.1}%", 100.0 * hits.len() as f64 / total),
            "{label}"
        );
        assert_eq!(row[3], people.len().to_string(), "{label} participants");
        assert_eq!(
            row[4],
            format!("{:.1}%", 100.0 * people.len() as f64 / people_total)
        );
        // Each code's entry is a link target.
        assert!(
            page.select(&sel(&format!("th#code-{id}"))).next().is_some(),
            "{id}"
        );
    }
}

#[test]
fn sample_and_sources_equal_a_plain_count_of_the_json() {
    let dir = fixture();
    let page = Html::parse_document(&build_ok(dir.path()));
    let participants = json(dir.path(), "participants.json");
    let mut teams: BTreeMap<String, usize> = BTreeMap::new();
    for p in &participants {
        *teams
            .entry(p["attributes"]["team"].as_str().unwrap().into())
            .or_default() += 1;
    }
    let table = page
        .select(&sel("table"))
        .find(|t| {
            t.select(&sel("caption"))
                .any(|c| cell_text(c) == "Participants by team")
        })
        .expect("a table of participants by team");
    for (team, n) in &teams {
        let row: Vec<String> = table
            .select(&sel("tbody tr"))
            .map(|tr| tr.select(&sel("th, td")).map(cell_text).collect::<Vec<_>>())
            .find(|r| &r[0] == team)
            .expect("row");
        assert_eq!(row[1], n.to_string());
    }
    let segments = json(dir.path(), "segments.json");
    for s in json(dir.path(), "sources.json") {
        let id = s["id"].as_str().unwrap();
        let mine: Vec<&Value> = segments.iter().filter(|x| x["source"] == id).collect();
        let people: BTreeSet<&str> = mine
            .iter()
            .map(|x| x["participant"].as_str().unwrap())
            .collect();
        let row: Vec<String> = page
            .select(&sel("table.sources-table tbody tr"))
            .map(|tr| tr.select(&sel("th, td")).map(cell_text).collect::<Vec<_>>())
            .find(|r| r[0] == s["title"].as_str().unwrap())
            .expect("source row");
        assert_eq!(row[3], mine.len().to_string());
        assert_eq!(row[4], people.len().to_string());
    }
}

/// The fixture's citations and bibliography as a reader sees them.
fn cited(style: Option<&str>) -> (Vec<String>, Vec<String>) {
    let dir = fixture();
    if let Some(style) = style {
        let toml = dir.path().join("content/report.toml");
        let text = fs::read_to_string(&toml).unwrap();
        fs::write(&toml, format!("{text}\n[citations]\nstyle = \"{style}\"\n")).unwrap();
    }
    let page = Html::parse_document(&build_ok(dir.path()));
    let citations = page.select(&sel(".citation")).map(cell_text).collect();
    let entries = page.select(&sel("li.csl-entry")).map(cell_text).collect();
    (citations, entries)
}

#[test]
fn citations_in_apa_by_default() {
    let (citations, entries) = cited(None);
    assert_eq!(
        citations,
        [
            "(Braun & Clarke, 2006, p. 82)",
            "(Braun & Clarke, 2006; Guest et al., 2012)"
        ]
    );
    assert_eq!(
        entries,
        [
            "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, 3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa",
            "Guest, G., MacQueen, K. M., & Namey, E. E. (2012). Applied Thematic Analysis. SAGE Publications. https://doi.org/10.4135/9781483384436",
        ]
    );
}

#[test]
fn citations_in_ieee_are_numbered_in_order_of_citation() {
    let (citations, entries) = cited(Some("ieee"));
    assert_eq!(citations, ["[1, p. 82]", "[1], [2]"]);
    assert_eq!(
        entries,
        [
            "[1] V. Braun and V. Clarke, “Using thematic analysis in psychology,” Qualitative Research in Psychology, vol. 3, no. 2, pp. 77–101, 2006, doi: 10.1191/1478088706qp063oa.",
            "[2] G. Guest, K. M. MacQueen, and E. E. Namey, Applied Thematic Analysis. SAGE Publications, 2012. doi: 10.4135/9781483384436.",
        ]
    );
}

#[test]
fn citation_links_reach_their_entries() {
    let dir = fixture();
    let page = Html::parse_document(&build_ok(dir.path()));
    let links: Vec<_> = page.select(&sel(".citation a")).collect();
    assert_eq!(links.len(), 3);
    for a in links {
        let id = &a.value().attr("href").unwrap()[1..];
        assert!(page
            .select(&sel(&format!("li.csl-entry[id=\"{id}\"]")))
            .next()
            .is_some());
    }
}

/// Builds the fixture with `section` added as its third section, and
/// returns the exit status and stderr of `findings check --deny-warnings`.
fn check_with(section: &str) -> (bool, String) {
    let dir = fixture();
    fs::write(dir.path().join("content/sections/03-extra.md"), section).unwrap();
    let out = findings(dir.path(), &["check", "--deny-warnings"]);
    (out.status.success(), stderr(&out))
}

#[test]
fn citation_mistakes_are_errors_at_their_line() {
    let (ok, err) = check_with("+++\ntitle = \"X\"\n+++\n\nAs shown {cite}`braun2060`.\n");
    assert!(!ok);
    assert!(
        err.contains("no reference has the key `braun2060`"),
        "{err}"
    );
    assert!(err.contains("03-extra.md:5"), "{err}");
    assert!(err.contains("did you mean `braun2006`?"), "{err}");

    let (ok, err) = check_with("+++\ntitle = \"X\"\n+++\n\nAs {cite}`guest2012, page 4`.\n");
    assert!(!ok);
    assert!(err.contains("`page 4` is not a locator"), "{err}");

    let dir = fixture();
    let toml = dir.path().join("content/report.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, format!("{text}\n[citations]\nstyle = \"ieeee\"\n")).unwrap();
    let err = stderr(&findings(dir.path(), &["check"]));
    assert!(err.contains("unknown citation style `ieeee`"), "{err}");
    assert!(err.contains("report.toml:8"), "{err}");
    assert!(err.contains("did you mean `ieee`?"), "{err}");

    let dir = fixture();
    let bib = dir.path().join("content/references.bib");
    fs::write(&bib, "@book{a,\n  title = {A},\n  year = {2001\n}\n").unwrap();
    let out = findings(dir.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("content/references.bib:"), "{err}");
    assert!(err.contains("not valid BibLaTeX"), "{err}");
}

#[test]
fn each_lint_fires_on_what_it_looks_for() {
    let cases = [
        // 2 of the 4 participants are in team core: 50%.
        (
            "Half the sample, 50%, sat in the core team.",
            "hand-typed-number",
            "{share}`participants[team=core]`",
        ),
        (
            "Of them, 2 of 4 were engineers.",
            "hand-typed-number",
            "{fraction}`participants[role=Engineer]`",
        ),
        (
            "The rare remark ({count}`segments[code=rare]`) stood out.",
            "thin-evidence",
            "`rare`",
        ),
    ];
    for (text, lint, hint) in cases {
        let (ok, err) = check_with(&format!("+++\ntitle = \"X\"\n+++\n\n{text}\n"));
        assert!(!ok, "{lint} did not fail --deny-warnings");
        assert!(err.contains(&format!("[{lint}]")), "{lint}: {err}");
        assert!(err.contains(hint), "{lint}: {err}");
        assert!(err.contains("03-extra.md:5"), "{lint}: {err}");
    }
}

#[test]
fn quote_lints_fire_on_personal_and_made_up_quotes() {
    let dir = fixture();
    let path = dir.path().join("content/data/segments.json");
    let mut segments = json(dir.path(), "segments.json");
    segments.push(serde_json::json!({"id": "s7", "participant": "p1", "text": "Write to jane@example.org", "codes": ["cost"]}));
    segments.push(serde_json::json!({"id": "s8", "participant": "p3", "text": "As Kim Loe, I disagree", "codes": ["cost"]}));
    segments.push(serde_json::json!({"id": "s9", "participant": "p3", "text": "Made up", "codes": ["cost"], "illustrative": true}));
    fs::write(&path, serde_json::to_string(&segments).unwrap()).unwrap();
    let section = dir.path().join("content/sections/03-extra.md");
    fs::write(&section, "+++\ntitle = \"X\"\n+++\n\n```{quote} s7\n```\n\n```{quote} s8\n```\n\n```{quote} s9\n```\n").unwrap();
    let err = stderr(&findings(dir.path(), &["check"]));
    assert!(
        err.contains("holds an e-mail address (jane@example.org) [personal-data]"),
        "{err}"
    );
    // At the directive's fence line.
    assert!(err.contains("03-extra.md:5:1"), "{err}");
    assert!(
        err.contains("the private `participants.name` of the speaker [personal-data]"),
        "{err}"
    );
    assert!(
        err.contains("segment `s9` rests on illustrative data"),
        "{err}"
    );
    assert!(err.contains("[unmarked-quote]"), "{err}");

    // Saying so in the directive, and allowing a lint, silence them.
    fs::write(&section, "+++\ntitle = \"X\"\nallow = [\"personal-data\"]\n+++\n\n```{quote} s7\n```\n\n```{quote} s9\n:illustrative:\n```\n").unwrap();
    let out = findings(dir.path(), &["check", "--deny-warnings"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn an_unknown_lint_in_allow_is_an_error_with_a_suggestion() {
    let (ok, err) =
        check_with("+++\ntitle = \"X\"\nallow = [\"hand-typed-numbers\"]\n+++\n\nText.\n");
    assert!(!ok);
    assert!(err.contains("`hand-typed-numbers` is not a lint"), "{err}");
    assert!(err.contains("03-extra.md:3"), "{err}");
    assert!(err.contains("did you mean `hand-typed-number`?"), "{err}");
}

#[test]
fn the_example_is_silent_under_every_lint() {
    let out = findings(&repo(), &["check", "--deny-warnings"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn the_manifest_lists_every_input_with_its_hash() {
    let dir = fixture();
    let html = build_ok(dir.path());
    let start = html
        .find("<script type=\"application/json\" id=\"findings-manifest\">")
        .expect("manifest");
    let body = &html[start..];
    let json_start = body.find('>').unwrap() + 1;
    let json_end = body.find("</script>").unwrap();
    let manifest: Value = serde_json::from_str(&body[json_start..json_end]).unwrap();
    let listed: Vec<&str> = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["path"].as_str().unwrap())
        .collect();
    let mut on_disk: Vec<String> = walk(&dir.path().join("content"))
        .into_iter()
        .map(|p| {
            p.strip_prefix(dir.path())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    on_disk.sort();
    assert_eq!(listed, on_disk);
    // The hash of one file, computed here.
    use sha2::Digest;
    let bytes = fs::read(dir.path().join("content/data/segments.json")).unwrap();
    let hex: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let entry = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["path"] == "content/data/segments.json")
        .unwrap();
    assert_eq!(entry["sha256"], hex.as_str());
    assert_eq!(manifest["counts"]["segments"], 6);
    assert_eq!(manifest["counts"]["participants"], 4);
    assert_eq!(manifest["counts"]["codes"], 5);
    assert_eq!(manifest["counts"]["sources"], 2);
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn verify_passes_on_a_fresh_build_and_names_what_changed() {
    let dir = fixture();
    build_ok(dir.path());
    let out = findings(dir.path(), &["verify", "output/index.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("matches its data"));

    let path = dir.path().join("content/data/segments.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("It costs too much.", "It costs far too much."),
    )
    .unwrap();
    let out = findings(dir.path(), &["verify", "output/index.html"]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("changed  content/data/segments.json"),
        "{said}"
    );
    assert!(!said.contains("codebook.json"), "{said}");

    // Inputs as built, but the page edited by hand.
    fs::write(&path, text).unwrap();
    let page = dir.path().join("output/index.html");
    let html = fs::read_to_string(&page).unwrap();
    fs::write(
        &page,
        html.replace("We trust the team.", "We trust the team!"),
    )
    .unwrap();
    let out = findings(dir.path(), &["verify", "output/index.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("the page was edited after it was built"));
}

#[test]
fn verify_refuses_a_page_without_a_manifest() {
    let dir = fixture();
    fs::write(dir.path().join("page.html"), "<html><body>hi</body></html>").unwrap();
    let out = findings(dir.path(), &["verify", "page.html"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no build manifest"));
}

#[test]
fn csl_json_references_cite_as_biblatex_ones_do() {
    let dir = fixture();
    fs::remove_file(dir.path().join("content/references.bib")).unwrap();
    let csl = r#"[
  {"id": "braun2006", "type": "article-journal", "title": "Using thematic analysis in psychology",
   "author": [{"family": "Braun", "given": "Virginia"}, {"family": "Clarke", "given": "Victoria"}],
   "container-title": "Qualitative Research in Psychology", "volume": "3", "issue": "2",
   "page": "77-101", "issued": {"date-parts": [[2006]]}, "DOI": "10.1191/1478088706qp063oa"},
  {"id": "guest2012", "type": "book", "title": "Applied Thematic Analysis",
   "author": [{"family": "Guest", "given": "Greg"}, {"family": "MacQueen", "given": "Kathleen M."}, {"family": "Namey", "given": "Emily E."}],
   "publisher": "SAGE Publications", "issued": {"date-parts": [[2012]]}, "DOI": "10.4135/9781483384436"}
]"#;
    fs::write(dir.path().join("content/references.json"), csl).unwrap();
    let page = Html::parse_document(&build_ok(dir.path()));
    let citations: Vec<String> = page.select(&sel(".citation")).map(cell_text).collect();
    assert_eq!(
        citations,
        [
            "(Braun & Clarke, 2006, p. 82)",
            "(Braun & Clarke, 2006; Guest et al., 2012)"
        ]
    );
    let entries: Vec<String> = page.select(&sel("li.csl-entry")).map(cell_text).collect();
    assert_eq!(entries[0], "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. Qualitative Research in Psychology, 3(2), 77–101. https://doi.org/10.1191/1478088706qp063oa");
}

#[test]
fn appendices_refuse_what_cannot_be_placed() {
    // Two quote indexes, a bibliography without references.
    let (ok, err) =
        check_with("+++\ntitle = \"X\"\n+++\n\n```{quote-index}\n```\n\n```{quote-index}\n```\n");
    assert!(!ok);
    assert!(
        err.contains("the report places {quote-index} twice"),
        "{err}"
    );

    let dir = fixture();
    fs::remove_file(dir.path().join("content/references.bib")).unwrap();
    let out = findings(dir.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("`{cite}` needs a references file"), "{err}");
    assert!(
        err.contains("`{bibliography}` needs a references file"),
        "{err}"
    );
}

#[test]
fn a_placed_quote_index_with_a_selection_lists_those_segments_too() {
    let (ok, err) =
        check_with("+++\ntitle = \"X\"\n+++\n\n```{quote-index} segments[code=rare]\n```\n");
    assert!(ok, "{err}");
    let dir = fixture();
    fs::write(
        dir.path().join("content/sections/03-extra.md"),
        "+++\ntitle = \"Evidence\"\nid = \"evidence\"\n+++\n\n```{quote-index} segments[code=trust]\n```\n",
    )
    .unwrap();
    let page = Html::parse_document(&build_ok(dir.path()));
    let ids: Vec<&str> = page
        .select(&sel("#evidence li.quote-entry"))
        .map(|e| e.value().attr("id").unwrap())
        .collect();
    // Quoted in reading order: the findings quote s1, then the first two
    // cost segments, s1 and s4; the codebook's examples (a code's own
    // segments first, one per code): trust s5, trust in audits s1, trust in
    // the team s2, cost s1, rare s6. Then the trust segments quoted nowhere,
    // in data order: s3.
    assert_eq!(ids, ["q-s1", "q-s4", "q-s5", "q-s2", "q-s6", "q-s3"]);
    // Placed, it is not added again at the end.
    assert!(page.select(&sel("section#quote-index")).next().is_none());
}

#[test]
fn two_builds_of_the_audit_trail_are_byte_identical() {
    let a = build_ok(fixture().path());
    let b = build_ok(fixture().path());
    assert!(a == b, "two builds differ");
}

#[test]
fn hostile_references_never_become_markup() {
    let dir = fixture();
    let bib = dir.path().join("content/references.bib");
    let mut text = fs::read_to_string(&bib).unwrap();
    text.push_str(
        "\n@online{evil,\n  author = {<img src=x onerror=alert(1)>, Eve},\n  title = {</li><script>alert(1)</script>},\n  url = {javascript:alert(1)},\n  year = {2020},\n}\n",
    );
    fs::write(&bib, text).unwrap();
    fs::write(
        dir.path().join("content/sections/03-extra.md"),
        "+++\ntitle = \"X\"\n+++\n\n### Seen before {cite}`evil`\n\nText.\n",
    )
    .unwrap();
    let html = build_ok(dir.path());
    assert!(!html.contains("<script>alert"), "a script from a reference");
    assert!(!html.contains("<img src=x"), "markup from a reference");
    assert!(!html.contains("href=\"javascript:"), "a javascript: link");
    assert!(html.contains("&lt;/li&gt;&lt;script&gt;"));
    // A citation in a heading is filled in the table of contents too.
    let page = Html::parse_document(&html);
    let toc: Vec<String> = page.select(&sel("nav.toc a")).map(cell_text).collect();
    assert!(
        toc.iter().any(|t| t.starts_with("Seen before (")),
        "{toc:?}"
    );
    assert!(!html.contains('\u{1}'), "a placeholder left on the page");
}

#[test]
fn two_codebooks_may_not_list_one_code() {
    let (ok, err) = check_with("+++\ntitle = \"X\"\n+++\n\n```{codebook}\n:codes: cost\n```\n");
    assert!(!ok);
    assert!(err.contains("the code `cost` is in two codebooks"), "{err}");
    assert!(err.contains("03-extra.md:5"), "{err}");
}

#[test]
fn verify_checks_a_report_page_of_a_site_against_the_site() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("demo");
    let out = findings(dir.path(), &["new", "--site", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = findings(&site, &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut pages: Vec<_> = fs::read_dir(site.join("output"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    pages.sort();
    let report = pages[0].file_name().unwrap().to_string_lossy().into_owned();
    let page = format!("output/{report}/index.html");
    let out = findings(&site, &["verify", &page]);
    assert!(
        out.status.success(),
        "{}{}",
        stderr(&out),
        String::from_utf8_lossy(&out.stdout)
    );
    // The index page carries no manifest of its own.
    let out = findings(&site, &["verify", "output/index.html"]);
    assert_eq!(out.status.code(), Some(2));
    // A change in that report's data is named.
    let data = site.join("reports").join(&report).join("content/data");
    let file = fs::read_dir(&data).unwrap().next().unwrap().unwrap().path();
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, format!("{text}\n")).unwrap();
    let out = findings(&site, &["verify", &page]);
    assert_eq!(out.status.code(), Some(1));
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("changed  content/data/{name}")));
}

#[test]
fn verify_finds_the_project_above_the_page() {
    let dir = fixture();
    build_ok(dir.path());
    let parent = dir.path().parent().unwrap();
    let name = dir
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let out = findings(parent, &["verify", &format!("{name}/output/index.html")]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn verify_takes_a_page_path_relative_to_any_folder() {
    let dir = fixture();
    build_ok(dir.path());
    let output = dir.path().join("output");
    let out = findings(&output, &["verify", "index.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("index.html matches its data:"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = findings(&output, &["verify", "./../output/index.html"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // A change is still named from there.
    let path = dir.path().join("content/data/segments.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("{text}\n")).unwrap();
    let out = findings(&output, &["verify", "index.html"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("changed  content/data/segments.json"));
}

#[test]
fn verify_of_a_page_with_no_project_above_it_is_an_error() {
    let dir = fixture();
    build_ok(dir.path());
    // The page copied where no folder above holds content/ or site.toml,
    // and verify run from the project: never compared with the folder
    // it runs in.
    let away = tempfile::tempdir().unwrap();
    let page = away.path().join("index.html");
    fs::copy(dir.path().join("output/index.html"), &page).unwrap();
    let shown = page.display().to_string();
    let out = findings(dir.path(), &["verify", &shown]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "error: no project found for {shown}: no folder above it holds content/ or site.toml\n"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "help: say which project built it: findings verify {shown} --project DIR"
        )),
        "{err}"
    );
    // Run inside the page's folder too.
    let out = findings(away.path(), &["verify", "index.html"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // With --project it is checked against that project.
    let project = dir.path().display().to_string();
    let out = findings(
        away.path(),
        &["verify", "index.html", "--project", &project],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}
