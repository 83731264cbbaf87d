//! Themes: the built-in theme needs no files; a project's theme overrides
//! it file by file; a broken template is reported, not panicked on.

use std::fs;

use crate::common::{build_ok, copy_project, findings, repo, stderr};

#[test]
fn a_project_theme_overrides_one_file_and_keeps_the_rest() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let theme = dir.path().join("themes/house");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("style.css"), "body { color: rebeccapurple; }\n").unwrap();
    let config = dir.path().join("content/report.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("theme = \"house\"\n{text}")).unwrap();
    let html = build_ok(dir.path());
    assert!(
        html.contains("body { color: rebeccapurple; }"),
        "the override is used"
    );
    assert!(
        !html.contains("--serif:"),
        "the built-in style.css is replaced, not added to"
    );
    assert!(
        html.contains("class=\"skip-link\""),
        "base.html still comes from the built-in theme"
    );
    assert!(
        html.contains("--chart-1"),
        "charts.css still comes from the built-in theme"
    );
}

#[test]
fn a_missing_theme_and_a_broken_template_are_errors() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let config = dir.path().join("content/report.toml");
    let text = fs::read_to_string(&config).unwrap();
    fs::write(&config, format!("theme = \"nope\"\n{text}")).unwrap();
    let out = findings(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("theme `nope` not found"),
        "{}",
        stderr(&out)
    );

    let theme = dir.path().join("themes/nope");
    fs::create_dir_all(&theme).unwrap();
    fs::write(theme.join("section.html"), "{{ section.nothing | upper }").unwrap();
    let out = findings(dir.path(), &["build"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("the theme's template failed"), "{err}");
    assert!(err.contains("themes/nope/section.html"), "{err}");
}

#[test]
fn the_small_fixture_renders_as_snapshotted() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let html = build_ok(dir.path());
    let start = html.find("<main").expect("main");
    let end = html.find("</main>").expect("/main");
    insta::assert_snapshot!("small_fixture_main", &html[start..end]);
}
