//! The real exports in `../shared/samples/`: `findings new --from` each,
//! build it, and compare the page with an independent reading of the
//! archive (`tests/qdpx_independent.py`: Python's zipfile and minidom).
//! Skips, saying so, when the samples or python3 are absent.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn sample(name: &str) -> Option<PathBuf> {
    let path = common::repo().join("../shared/samples").join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// The independent reading, or `None` without python3.
fn independent(study: &Path) -> Option<Value> {
    let script = common::repo().join("tests/qdpx_independent.py");
    let out = match Command::new("python3").arg(script).arg(study).output() {
        Ok(out) => out,
        Err(_) => {
            eprintln!("skipped: python3 is not available");
            return None;
        }
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("reader's JSON"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// (label, first number) of each body row of the table captioned `caption`.
fn table_rows(page: &str, caption: &str) -> Vec<(String, u64)> {
    let Some(start) = page.find(&format!("<caption>{caption}</caption>")) else {
        return Vec::new();
    };
    let body = &page[start..];
    let body = &body[..body.find("</tbody>").expect("table end")];
    // Row headers may carry a class (a code's depth in the tree).
    body.split("<tr><th scope=\"row\"")
        .skip(1)
        .map(|row| {
            let row = row.split_once('>').map_or(row, |(_, r)| r);
            let (label, rest) = row.split_once("</th>").expect("row label");
            let number = rest
                .split_once('>')
                .and_then(|(_, r)| r.split_once('<'))
                .map(|(n, _)| n.trim().parse().expect("a count"))
                .unwrap_or(0);
            (unescape(label), number)
        })
        .collect()
}

/// The text of every quote on the page, in order.
fn quotes(page: &str) -> Vec<String> {
    // The quotes of the report's sections, not their quote-index entries.
    let page = page.split("id=\"quote-index\"").next().unwrap_or(page);
    page.split("<blockquote><p>“")
        .skip(1)
        .map(|q| unescape(q.split("”</p></blockquote>").next().unwrap_or("")))
        .collect()
}

/// `findings new DIR --from STUDY` then build: the page.
fn scaffold_and_build(study: &Path) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("demo");
    let out = common::findings(
        dir.path(),
        &["new", "demo", "--from", study.to_str().expect("utf-8 path")],
    );
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(project
        .join("content/data")
        .join(study.file_name().expect("name"))
        .is_file());
    let page = common::build_ok(&project);
    (dir, page)
}

fn participants_on(page: &str) -> u64 {
    let text = common::text(page);
    let at = text
        .find(" participants,")
        .expect("participant count in the overview");
    text[..at]
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number")
}

#[test]
fn the_qualcoder_export_builds_and_matches_an_independent_reading() {
    let Some(study) = sample("qualcoder-demo.qdpx") else {
        return;
    };
    let Some(expected) = independent(&study) else {
        return;
    };
    let (_dir, page) = scaffold_and_build(&study);
    assert_eq!(
        participants_on(&page),
        expected["participants"].as_u64().expect("n")
    );
    let codes: Vec<(String, u64)> = expected["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| {
            (
                c[0].as_str().expect("name").to_string(),
                c[1].as_u64().expect("count"),
            )
        })
        .collect();
    assert_eq!(codes.len(), 262);
    assert_eq!(table_rows(&page, "Segments per code"), codes);
    let texts: Vec<String> = expected["texts"]
        .as_array()
        .expect("texts")
        .iter()
        .map(|t| folded(t.as_str().expect("text")))
        .collect();
    assert_eq!(texts.len(), 158);
    let shown: Vec<String> = quotes(&page).iter().map(|q| folded(q)).collect();
    assert_eq!(shown, texts);
}

#[test]
fn the_nvivo_export_builds_and_matches_an_independent_reading() {
    let Some(study) = sample("nvivo-mac-15.qdpx") else {
        return;
    };
    let Some(expected) = independent(&study) else {
        return;
    };
    let (_dir, page) = scaffold_and_build(&study);
    assert_eq!(
        participants_on(&page),
        expected["participants"].as_u64().expect("n")
    );
    let names: Vec<String> = expected["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c[0].as_str().expect("name").to_string())
        .collect();
    let listed: Vec<String> = codebook_labels(&page);
    assert_eq!(listed, names);
    assert!(expected["texts"].as_array().expect("texts").is_empty());
    assert!(quotes(&page).is_empty());
}

/// The label column of the codebook table (columns id, label, parent, …).
fn codebook_labels(page: &str) -> Vec<String> {
    let start = page
        .find("<caption>The codebook</caption>")
        .expect("codebook table");
    let body = &page[start..];
    let body = &body[..body.find("</tbody>").expect("table end")];
    body.split("<tr>")
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split("</t").collect();
            let label = cells.get(1).expect("label cell");
            unescape(label.rsplit('>').next().unwrap_or(""))
        })
        .collect()
}
