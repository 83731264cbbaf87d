//! Hostile input that must give a correct page (the corpus holds the
//! inputs that must give an error): hidden characters shown, very large
//! inputs built in reasonable time, extreme dates drawn, and nothing
//! outside `output/` touched. The big inputs are generated here rather
//! than committed.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::{findings, repo, stderr};

/// The corpus' minimal project (its codebook made acyclic), in a temp dir.
fn project() -> tempfile::TempDir {
    let dir = crate::common::copy_project(&repo().join("tests/corpus/codebook_cycle"));
    write(
        dir.path(),
        "content/data/codebook.json",
        "[\n  { \"id\": \"trust\", \"label\": \"Trust\" },\n  { \"id\": \"audit\", \"label\": \"Audits\", \"parent\": \"trust\" }\n]\n",
    );
    dir
}

fn write(dir: &Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

/// Every file of `dir` outside `output/`, with its bytes.
fn files_outside_output(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walk(dir)
        .into_iter()
        .filter(|p| !p.starts_with(dir.join("output")))
        .map(|p| (p.display().to_string(), fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// Builds `dir` within `limit`, returning the page.
fn build_within(dir: &Path, limit: Duration) -> String {
    let started = Instant::now();
    let run = findings(dir, &["build"]);
    let took = started.elapsed();
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(took < limit, "the build took {took:?}");
    fs::read_to_string(dir.join("output/index.html")).unwrap()
}

#[test]
fn controls_and_bidi_overrides_are_shown_and_reorder_nothing() {
    let dir = project();
    let rlo = '\u{202E}';
    write(
        dir.path(),
        "content/data/codebook.json",
        &format!("[\n  {{ \"id\": \"trust\", \"label\": \"Tr{rlo}ust\" }},\n  {{ \"id\": \"audit\", \"label\": \"Au\\u0007dits\", \"parent\": \"trust\" }}\n]\n"),
    );
    write(
        dir.path(),
        "content/data/segments.json",
        &format!("[\n  {{ \"id\": \"s-1\", \"participant\": \"p-ana\", \"source\": \"interviews\", \"text\": \"We {rlo}tsurt tsol.\", \"codes\": [\"trust\"] }},\n  {{ \"id\": \"s-2\", \"participant\": \"p-bo\", \"source\": \"interviews\", \"text\": \"Audits\\u001b[31m matter.\", \"codes\": [\"audit\"] }}\n]\n"),
    );
    write(
        dir.path(),
        "content/sections/01-intro.md",
        &format!("+++\ntitle = \"Intro {rlo}desrever\"\n+++\n\nWe spoke to {{count}}`participants` people {rlo}olleh, \u{1}R fig \u{1} and `co{rlo}de` {{co{rlo}unt}}`participants`.\n\n```{{quote}} s-1\n```\n\n```{{quote}} s-2\n```\n\n```{{chart}} bar\n:data: segments\n:by: code\n:label: fig-codes\n\nCodes.\n```\n\nSee {{ref}}`fig-codes`.\n"),
    );
    let before = files_outside_output(dir.path());
    let page = build_within(dir.path(), Duration::from_secs(20));
    assert_eq!(files_outside_output(dir.path()), before);

    for hidden in ['\u{202E}', '\u{7}', '\u{1b}', '\u{1}'] {
        assert!(!page.contains(hidden), "{:?} reached the page", hidden);
    }
    for shown in [
        "<h2 id=\"intro-title\">Intro [U+202E]desrever ",
        "We spoke to 2 people [U+202E]olleh, [U+0001]R fig [U+0001] and <code>co[U+202E]de</code> {co[U+202E]unt}<code>participants</code>.",
        "<p>“We [U+202E]tsurt tsol.”</p>",
        "<p>“Audits[U+001B][31m matter.”</p>",
        ">Tr[U+202E]ust</text>",
        ">Au[U+0007]dits</text>",
        "<th scope=\"row\">Tr[U+202E]ust</th>",
    ] {
        assert!(page.contains(shown), "missing {shown}");
    }
}

#[test]
fn a_codebook_of_100000_codes_builds() {
    let dir = project();
    let mut codebook = String::from("[\n");
    for i in 0..100_000 {
        let comma = if i + 1 < 100_000 { "," } else { "" };
        // Every code under one of ten themes: two levels, as codebooks are.
        let parent = if i < 10 {
            String::new()
        } else {
            format!(", \"parent\": \"c{}\"", i % 10)
        };
        codebook.push_str(&format!(
            "  {{ \"id\": \"c{i}\", \"label\": \"Code {i}\"{parent} }}{comma}\n"
        ));
    }
    codebook.push_str("]\n");
    write(dir.path(), "content/data/codebook.json", &codebook);
    write(
        dir.path(),
        "content/data/segments.json",
        "[\n  { \"id\": \"s-1\", \"participant\": \"p-ana\", \"source\": \"interviews\", \"text\": \"We lost trust.\", \"codes\": [\"c1\"] },\n  { \"id\": \"s-2\", \"participant\": \"p-bo\", \"source\": \"interviews\", \"text\": \"Audits matter.\", \"codes\": [\"c99999\"] }\n]\n",
    );
    let run = findings(dir.path(), &["build"]);
    assert!(run.status.success(), "{}", stderr(&run));
    // c1 and c99999 are used, and c9, the parent of c99999, has a used
    // child; the other 99,997 codes are one warning that counts them.
    let err = stderr(&run);
    assert!(
        err.contains(
            "warning: 99997 of 100000 codes are on no segment: `c0`, `c2`, `c3`, and 99994 more"
        ),
        "{}",
        &err[err.len().saturating_sub(300)..]
    );
    assert!(err.ends_with("found no errors, 1 warning\n"), "{err}");
}

#[test]
fn a_chain_and_a_cycle_of_100000_codes_are_one_error_each() {
    let dir = project();
    let chain = |close: bool| {
        let mut text = String::from("[\n");
        for i in 0..100_000usize {
            let parent = match (i, close) {
                (0, false) => String::new(),
                (0, true) => ", \"parent\": \"c99999\"".to_string(),
                _ => format!(", \"parent\": \"c{}\"", i - 1),
            };
            let comma = if i + 1 < 100_000 { "," } else { "" };
            text.push_str(&format!(
                "  {{ \"id\": \"c{i}\", \"label\": \"C\"{parent} }}{comma}\n"
            ));
        }
        text + "]\n"
    };
    write(
        dir.path(),
        "content/data/segments.json",
        "[\n  { \"id\": \"s-1\", \"participant\": \"p-ana\", \"source\": \"interviews\", \"text\": \"We lost trust.\", \"codes\": [\"c1\"] }\n]\n",
    );
    write(dir.path(), "content/data/codebook.json", &chain(false));
    let run = findings(dir.path(), &["check"]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(
        err.starts_with("error: code `c33` is nested more than 32 levels deep\n  --> content/data/codebook.json:35:42\n"),
        "{err}"
    );
    assert!(err.ends_with("found 1 error, 0 warnings\n"), "{err}");

    write(dir.path(), "content/data/codebook.json", &chain(true));
    let run = findings(dir.path(), &["check"]);
    let err = stderr(&run);
    // 100,000 codes: four shown before the gap, three after it.
    assert!(
        err.starts_with("error: the codebook has a cycle: c0 → c99999 → c99998 → c99997 → … (99993 more) → c3 → c2 → c1 → c0\n"),
        "{err}"
    );
}

#[test]
fn hostile_markdown_builds_in_linear_time() {
    for body in [
        format!("a{}\n", "](b)".repeat(100_000)),
        format!("{}a\n", "[".repeat(100_000)),
        format!("{} deep\n", ">".repeat(100_000)),
        format!("{}a{}\n", "*".repeat(100_000), "*".repeat(100_000)),
        "- a\n".repeat(50_000),
    ] {
        let dir = project();
        write(
            dir.path(),
            "content/sections/01-intro.md",
            &format!("+++\ntitle = \"Introduction\"\n+++\n\n{body}"),
        );
        // Merging text by copying took 32 s for the first of these.
        build_within(dir.path(), Duration::from_secs(20));
    }
}

#[test]
fn dates_at_the_ends_of_the_calendar_are_drawn() {
    let dir = project();
    write(
        dir.path(),
        "content/data/series.json",
        "[\n  { \"id\": \"tvl\", \"label\": \"TVL\", \"unit\": \"USD\", \"points\": [\n    { \"date\": \"0000-01-01\", \"value\": 5e-324 },\n    { \"date\": \"9999-12-31\", \"value\": -1e15 }\n  ] }\n]\n",
    );
    write(
        dir.path(),
        "content/sections/02-timeline.md",
        "+++\ntitle = \"Timeline\"\n+++\n\n```{chart} line\n:series: tvl\n:label: fig-tvl\n\nTVL.\n```\n\nSee {ref}`fig-tvl`.\n",
    );
    let page = build_within(dir.path(), Duration::from_secs(20));
    let text = crate::common::text(&page);
    assert!(
        text.contains("TVL: 2 points from 1 Jan 0 to 31 Dec 9999"),
        "{text}"
    );
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
}
