//! The incremental builder must give, after any change, exactly the page a
//! fresh build of the same files gives.

use std::fs;
use std::path::{Path, PathBuf};

use findings::load::outputs::Format;
use findings::report::{self, Builder};

/// A copy of the example project in a temporary folder.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("content"),
        &dir.path().join("content"),
    );
    dir
}

fn copy(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy(&entry.path(), &dest);
        } else {
            fs::copy(entry.path(), dest).unwrap();
        }
    }
}

/// Rebuilds after `changed` and checks the page against a fresh build.
fn same_as_fresh(builder: &mut Builder, root: &Path, changed: &[PathBuf]) -> String {
    let incremental = builder.rebuild(changed).expect("the rebuild succeeds");
    let fresh = report::build(root).expect("the fresh build succeeds");
    assert!(
        incremental.html == fresh.html,
        "the rebuilt page differs from a fresh build after {changed:?}"
    );
    assert_eq!(incremental.warnings.to_string(), fresh.warnings.to_string());
    incremental.html
}

const NEW_SECTION: &str = "+++\ntitle = \"Early note\"\nweight = 1\n+++\n\n### Methods\n\n\
```{chart} donut\n:data: participants\n:by: stance\n:label: fig-early\n\nEarly.\n```\n\n\
See {ref}`fig-early`: {count}`participants` participants.\n";

#[test]
fn a_rebuilt_page_is_byte_identical_to_a_fresh_build() {
    let dir = example();
    let root = dir.path();
    let sections = root.join("content/sections");
    let mut builder = Builder::new(root);
    let first = builder.build().expect("the example builds");
    assert_eq!(first.html, report::build(root).unwrap().html);

    // An edited section, named by an absolute path as a watcher does.
    let edited = sections.join("02-problem-context.md");
    let mut text = fs::read_to_string(&edited).unwrap();
    text.push_str("\n### Added\n\nNow {share}`participants[stance=deeper-crisis]` agree.\n");
    fs::write(&edited, &text).unwrap();
    let after_edit = same_as_fresh(&mut builder, root, std::slice::from_ref(&edited));
    assert_ne!(after_edit, first.html);

    // A new section first in the report: every figure number shifts.
    let added = sections.join("00-early.md");
    fs::write(&added, NEW_SECTION).unwrap();
    same_as_fresh(
        &mut builder,
        root,
        &[PathBuf::from("content/sections/00-early.md")],
    );

    // Reordered by weight, then removed.
    fs::write(&added, NEW_SECTION.replace("weight = 1", "weight = 999")).unwrap();
    same_as_fresh(&mut builder, root, std::slice::from_ref(&added));
    fs::remove_file(&added).unwrap();
    same_as_fresh(&mut builder, root, std::slice::from_ref(&added));

    // A section that breaks, then is fixed: the error is reported, and
    // the builder recovers.
    fs::write(&edited, "+++\ntitle = \"Broken\"\n+++\n{count}`nothing`\n").unwrap();
    assert!(builder.rebuild(std::slice::from_ref(&edited)).is_err());
    assert!(report::build(root).is_err());
    fs::write(&edited, &text).unwrap();
    assert_eq!(
        same_as_fresh(&mut builder, root, std::slice::from_ref(&edited)),
        after_edit
    );

    // A dataset change re-indexes the study and re-renders everything.
    let data = root.join("content/data/participants.json");
    let json = fs::read_to_string(&data).unwrap();
    fs::write(
        &data,
        json.replacen("\"deeper-crisis\"", "\"bear-market-classic\"", 1),
    )
    .unwrap();
    let after_data = same_as_fresh(&mut builder, root, std::slice::from_ref(&data));
    assert_ne!(after_data, after_edit);

    // A theme file overriding the built-in one.
    let css = root.join("themes/default/style.css");
    fs::create_dir_all(css.parent().unwrap()).unwrap();
    fs::write(&css, "body { color: teal }\n").unwrap();
    let themed = same_as_fresh(&mut builder, root, &[css]);
    assert!(themed.contains("color: teal"));

    // Files that do not feed the report change nothing.
    let unchanged = builder
        .rebuild(&[root.join("output/index.html"), sections.join(".x.md.swp")])
        .unwrap();
    assert_eq!(unchanged.html, themed);
}

#[test]
fn a_builder_can_move_to_the_thread_that_watches_files() {
    fn send<T: Send>() {}
    send::<Builder>();
}

#[test]
fn a_section_broken_at_the_first_load_builds_once_fixed() {
    let dir = example();
    let root = dir.path();
    let section = root.join("content/sections/02-problem-context.md");
    let good = fs::read_to_string(&section).unwrap();
    // Front matter that never ends is found while loading, before any render.
    fs::write(
        &section,
        "+++\ntitle = \"Problem Context\"\n\nNo closing line.\n",
    )
    .unwrap();
    let mut builder = Builder::new(root);
    let err = builder
        .build()
        .expect_err("the broken section fails the build");
    assert!(
        err.to_string().contains("the front matter never ends"),
        "{err}"
    );
    fs::write(&section, good).unwrap();
    same_as_fresh(
        &mut builder,
        root,
        &[PathBuf::from("content/sections/02-problem-context.md")],
    );
}

/// Pairs of the two capture groups of `pattern` in `text`, in order.
fn captures(pattern: &str, text: &str) -> Vec<(String, String)> {
    regex::Regex::new(pattern)
        .unwrap()
        .captures_iter(text)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

/// The document a writer receives has nothing left open: read from its
/// debug form (not through the walk that resolves it), every figure is
/// numbered 1, 2, 3… in reading order, every cross-reference carries its
/// figure's number, every quote link its quote-index entry's number, every
/// heading an id no other element has, every citation its text.
#[test]
fn the_document_a_writer_receives_is_resolved() {
    let audit = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/audit");
    let example = example();
    // Figures, quote links and cross-references seen, so the test cannot
    // pass on projects that have none.
    let mut counted = [0; 3];
    for root in [example.path(), audit.as_path()] {
        // The page alone frees its document before the page is written.
        let page_only = report::build(root).expect("it builds");
        assert!(
            page_only.document.is_none(),
            "a page-only build keeps its trees"
        );
        // Asked for a Word file too, so that the build keeps its document.
        let doc = report::build_as(root, &[Format::Html, Format::Docx])
            .expect("it builds")
            .document
            .expect("kept for the Word file");
        let all = format!("{doc:?}");
        assert!(!all.contains("\\u{1}"), "a placeholder is left in {root:?}");
        let sections = format!("{:?}", doc.sections);

        let figures = captures(
            r#"Figure\(Figure \{ id: "([^"]*)", index: \d+, number: "([^"]*)""#,
            &sections,
        );
        counted[0] += figures.len();
        for (k, (_, number)) in figures.iter().enumerate() {
            assert_eq!(number, &(k + 1).to_string(), "figure {k} of {root:?}");
        }
        let refs = captures(
            r#"CrossRef \{ label: "([^"]*)", report: None, number: "([^"]*)""#,
            &sections,
        );
        for (label, number) in &refs {
            let figure = figures.iter().find(|(id, _)| id == label).expect(label);
            assert_eq!(number, &figure.1, "{{ref}}`{label}`");
        }

        let entries = captures(r#"QuoteEntry \{ anchor: "([^"]*)", number: (\d+)"#, &all);
        let links = captures(
            r#"QuoteLink \{ anchor: "([^"]*)", segment: \d+, number: "([^"]*)""#,
            &sections,
        );
        counted[1] += links.len();
        counted[2] += refs.len();
        for (anchor, number) in &links {
            let entry = entries.iter().find(|(a, _)| a == anchor).expect(anchor);
            assert_eq!(number, &entry.1, "the quote linking to {anchor}");
        }

        let ids = captures(
            r#"Heading \{ level: (\d), index: \d+, id: "([^"]*)""#,
            &sections,
        );
        let mut seen: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
        for (_, id) in &ids {
            assert!(
                !id.is_empty() && !seen.contains(&id.as_str()),
                "heading id {id:?}"
            );
            seen.push(id);
        }
        assert!(!sections.contains("content: [] })"), "an empty citation");
    }
    assert!(counted.iter().all(|&n| n > 0), "{counted:?}");
}
