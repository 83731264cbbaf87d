//! The pipeline's layering, as `docs/architecture.md` draws it: a stage
//! imports only stages below it, never a sibling or one above, and the
//! directives never import the section renderer that calls them. Reads
//! the library's sources (test code excepted: a test may build its
//! fixtures with a reader) and names every import that goes the wrong way.

use std::fs;
use std::path::Path;

/// Each stage with its level: a stage may import stages of lower levels.
/// `error`, `escape` and `slug` are the shared ground everyone may use.
const LEVELS: [(&str, u8); 16] = [
    ("error", 0),
    ("escape", 0),
    ("sanitize", 0),
    ("slug", 0),
    ("document", 1),
    ("model", 1),
    ("load", 2),
    ("analysis", 2),
    ("charts", 3),
    ("markdown", 4),
    ("writers", 5),
    ("output", 5),
    ("render", 6),
    ("report", 7),
    ("site", 8),
    ("serve", 9),
];

fn level(stage: &str) -> Option<u8> {
    LEVELS.iter().find(|(s, _)| *s == stage).map(|&(_, l)| l)
}

/// The code of a file without its test module and comments.
fn code(text: &str) -> Vec<(usize, &str)> {
    text.lines()
        .enumerate()
        .take_while(|(_, l)| l.trim() != "#[cfg(test)]")
        .filter(|(_, l)| !l.trim_start().starts_with("//"))
        .map(|(i, l)| (i + 1, l))
        .collect()
}

/// Every `crate::STAGE` a line names.
fn imports(line: &str) -> Vec<&str> {
    line.match_indices("crate::")
        .filter(|(i, _)| !line[..*i].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
        .map(|(i, m)| {
            let rest = &line[i + m.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The wrong-way imports in the library under `src`.
fn violations(src: &Path) -> Vec<String> {
    let mut all = Vec::new();
    files(src, &mut all);
    all.sort();
    let mut wrong = Vec::new();
    for path in all {
        let rel = path.strip_prefix(src).expect("under src");
        let first = rel.components().next().expect("a component");
        let stage = first.as_os_str().to_string_lossy();
        let stage = stage.trim_end_matches(".rs");
        // The binary (main, cli, cmd) sits on top of the library.
        if ["lib", "main", "cli", "cmd"].contains(&stage) || rel.ends_with("tests.rs") {
            continue;
        }
        let Some(own) = level(stage) else {
            wrong.push(format!(
                "{}: stage `{stage}` has no level in tests/testsuite/layering.rs",
                rel.display()
            ));
            continue;
        };
        let text = fs::read_to_string(&path).expect("read");
        let directive = rel.starts_with("markdown/components")
            || [
                "markdown/roles.rs",
                "markdown/context.rs",
                "markdown/inline.rs",
            ]
            .iter()
            .any(|f| rel == Path::new(f));
        for (n, line) in code(&text) {
            for used in imports(line) {
                if used == stage {
                    continue;
                }
                match level(used) {
                    Some(l) if l < own => {}
                    Some(_) => wrong.push(format!(
                        "{}:{n}: `{stage}` imports `{used}`, which is not below it",
                        rel.display()
                    )),
                    None => {}
                }
            }
            if directive && line.contains("markdown::section") {
                wrong.push(format!(
                    "{}:{n}: a directive or role imports the section renderer; use markdown::context",
                    rel.display()
                ));
            }
            // Directives build document nodes; only writers write a format.
            if stage == "markdown" && imports(line).contains(&"writers") {
                wrong.push(format!(
                    "{}:{n}: Markdown imports a writer; build document nodes (crate::document) instead",
                    rel.display()
                ));
            }
            // A writer sees the document only, never how it was written.
            if stage == "writers" && imports(line).contains(&"markdown") {
                wrong.push(format!(
                    "{}:{n}: a writer imports `markdown`; it may read only crate::document",
                    rel.display()
                ));
            }
        }
    }
    wrong
}

#[test]
fn every_stage_imports_only_stages_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = violations(&src);
    assert!(
        wrong.is_empty(),
        "imports against the layering:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn a_wrong_way_import_is_caught() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path();
    fs::create_dir_all(src.join("model")).expect("dir");
    fs::create_dir_all(src.join("markdown/components")).expect("dir");
    fs::write(
        src.join("model/study.rs"),
        "use crate::error::Diagnostic;\nuse crate::analysis::memo::Memo;\n",
    )
    .expect("write");
    fs::write(
        src.join("markdown/components/x.rs"),
        "use crate::markdown::section::SectionRenderer;\n",
    )
    .expect("write");
    fs::write(src.join("model/tests.rs"), "use crate::load::json;\n").expect("write");
    fs::create_dir_all(src.join("writers/html")).expect("dir");
    fs::write(
        src.join("markdown/components/y.rs"),
        "use crate::document::Block;\nuse crate::writers::html::blocks;\n",
    )
    .expect("write");
    fs::write(
        src.join("writers/html/z.rs"),
        "use crate::document::Block;\nuse crate::markdown::inline::inline;\n",
    )
    .expect("write");
    let wrong = violations(src);
    assert_eq!(
        wrong,
        vec![
            "markdown/components/x.rs:1: a directive or role imports the section renderer; use markdown::context".to_string(),
            "markdown/components/y.rs:2: `markdown` imports `writers`, which is not below it".to_string(),
            "markdown/components/y.rs:2: Markdown imports a writer; build document nodes (crate::document) instead".to_string(),
            "model/study.rs:2: `model` imports `analysis`, which is not below it".to_string(),
            "writers/html/z.rs:2: a writer imports `markdown`; it may read only crate::document".to_string(),
        ]
    );
}

/// HTML elements a report's page is made of (SVG's own elements, which
/// charts draw, are not among them).
const HTML_TAGS: [&str; 39] = [
    "p",
    "div",
    "span",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "a",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "blockquote",
    "aside",
    "sup",
    "sub",
    "em",
    "strong",
    "details",
    "summary",
    "code",
    "pre",
    "dl",
    "dt",
    "dd",
    "img",
    "q",
];

/// Lines of the library's code (tests excepted) that write an HTML tag
/// in a folder that must build document nodes instead.
fn html_outside_writers(src: &Path) -> Vec<String> {
    let mut all = Vec::new();
    for stage in ["markdown", "charts", "analysis", "model", "load"] {
        if src.join(stage).is_dir() {
            files(&src.join(stage), &mut all);
        }
    }
    all.sort();
    let mut wrong = Vec::new();
    for path in all {
        let rel = path.strip_prefix(src).expect("under src");
        if rel.ends_with("tests.rs") {
            continue;
        }
        let text = fs::read_to_string(&path).expect("read");
        for (n, line) in code(&text) {
            let tagged = HTML_TAGS.iter().any(|t| {
                ["<", "</"].iter().any(|open| {
                    line.match_indices(&format!("{open}{t}")).any(|(i, m)| {
                        let after = line[i + m.len()..].chars().next();
                        let in_string = line[..i].matches('"').count() % 2 == 1;
                        in_string && matches!(after, Some(' ' | '>' | '/'))
                    })
                })
            });
            if tagged {
                wrong.push(format!("{}:{n}", rel.display()));
            }
        }
    }
    wrong
}

#[test]
fn only_writers_write_html() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let wrong = html_outside_writers(&src);
    assert!(
        wrong.is_empty(),
        "HTML written outside writers/ (build document nodes instead):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn html_in_a_directive_is_caught() {
    let dir = tempfile::tempdir().expect("temp dir");
    let src = dir.path();
    fs::create_dir_all(src.join("markdown/components")).expect("dir");
    fs::create_dir_all(src.join("charts")).expect("dir");
    fs::write(
        src.join("markdown/components/x.rs"),
        "let a = 1 < 2;\nlet h = format!(\"<p class=\\\"x\\\">{a}</p>\");\n// \"<div>\" in a comment\n",
    )
    .expect("write");
    fs::write(
        src.join("charts/bars.rs"),
        "let s = \"<rect x=\\\"1\\\"/><text>a</text>\";\n",
    )
    .expect("write");
    assert_eq!(
        html_outside_writers(src),
        vec!["markdown/components/x.rs:2".to_string()]
    );
}
