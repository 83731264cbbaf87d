//! Every Markdown example of the format reference (`docs/format.md`, the
//! text `findings help format` prints) is checked by the real binary: a
//! reference whose examples do not build teaches mistakes.
//!
//! An example is written for a project that has what it names (the
//! flagship example's stances, two coders for agreement, a references
//! file for citations, a site for links between reports), so each is
//! tried as a section of four projects and must pass `check` in one.

use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{copy_project, findings, repo};

/// The fenced blocks of `text` whose info string is `markdown`, with the
/// line each starts on. Both ``` and ```` fences (the latter hold
/// directive examples).
fn examples(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    for (i, line) in text.lines().enumerate() {
        match &mut open {
            None => {
                let fence: String = line.chars().take_while(|&c| c == '`').collect();
                if fence.len() >= 3 && line[fence.len()..].trim() == "markdown" {
                    open = Some((i + 1, fence, String::new()));
                }
            }
            Some((start, fence, body)) => {
                if line.trim_end() == fence.as_str() {
                    out.push((*start, std::mem::take(body)));
                    open = None;
                } else {
                    body.push_str(line);
                    body.push('\n');
                }
            }
        }
    }
    out
}

/// A section file for an example: as written when it has front matter.
fn section(example: &str) -> String {
    if example.starts_with("+++") || example.starts_with("---") {
        example.to_string()
    } else {
        format!("+++\ntitle = \"Example\"\nweight = 999\n+++\n\n{example}")
    }
}

/// A project to try examples in: its folder, and where a section goes.
struct Place {
    name: &'static str,
    _dir: tempfile::TempDir,
    root: PathBuf,
    sections: PathBuf,
}

fn places() -> Vec<Place> {
    let mut out = Vec::new();
    for (name, from) in [
        ("the flagship example", repo()),
        ("the audit fixture", repo().join("tests/fixtures/audit")),
        (
            "the agreement fixture",
            repo().join("tests/fixtures/agreement"),
        ),
    ] {
        let dir = copy_project(&from);
        let root = dir.path().to_path_buf();
        out.push(Place {
            name,
            sections: root.join("content/sections"),
            root,
            _dir: dir,
        });
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let made = findings(dir.path(), &["new", "--site", "site"]);
    assert!(made.status.success(), "{}", crate::common::stderr(&made));
    let root = dir.path().join("site");
    let reports = root.join("reports");
    let report = fs::read_dir(&reports)
        .expect("reports")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !p.ends_with("onboarding"))
        .min()
        .expect("a report beside onboarding");
    out.push(Place {
        name: "a new site",
        sections: report.join("content/sections"),
        root,
        _dir: dir,
    });
    out
}

/// Whether `example` passes `check` as a section of `place`, and what
/// `check` said.
fn checks_in(place: &Place, example: &str) -> (bool, String) {
    let file = place.sections.join("99-docs-example.md");
    fs::write(&file, section(example)).expect("write example");
    let out = findings(Path::new(&place.root), &["check"]);
    fs::remove_file(&file).expect("remove example");
    (out.status.success(), crate::common::stderr(&out))
}

#[test]
fn every_markdown_example_of_the_format_reference_checks() {
    let docs = fs::read_to_string(repo().join("docs/format.md")).expect("docs/format.md");
    let examples = examples(&docs);
    assert!(
        examples.len() >= 8,
        "found only {} examples",
        examples.len()
    );
    let places = places();
    for place in &places {
        let (ok, said) = checks_in(place, "Plain text.\n");
        assert!(ok, "{} does not check as it is:\n{said}", place.name);
    }
    for (line, example) in &examples {
        let mut tried = Vec::new();
        let passed = places.iter().any(|place| {
            let (ok, said) = checks_in(place, example);
            tried.push(format!("--- in {}:\n{said}", place.name));
            ok
        });
        assert!(
            passed,
            "the example at docs/format.md:{line} checks in no project:\n{example}\n{}",
            tried.join("\n")
        );
    }
}

#[test]
fn help_format_prints_the_reference_from_the_binary() {
    let out = findings(&repo(), &["help", "format"]);
    assert!(out.status.success());
    let docs = fs::read_to_string(repo().join("docs/format.md")).expect("docs/format.md");
    assert_eq!(String::from_utf8_lossy(&out.stdout), docs);
    let out = findings(&repo(), &["help", "nonsense"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(crate::common::stderr(&out).contains("ask for one of: format, build"));
}
