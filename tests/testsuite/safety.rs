//! What a report must never do, tested on the real binary: lose the last
//! good output, write outside its output folder, turn data into live
//! markup, or publish a private value.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::common::{build_ok, copy_project, findings, repo, stderr, text};

/// The strings `tests/fixtures/hostile` puts into every field.
const PAYLOADS: [&str; 5] = [
    "<script>alert(1)</script>",
    "\"onload=alert(1) x=\"",
    "</textarea>",
    "javascript:alert(1)",
    "]]>",
];

/// One start tag: its name and attributes, as a browser would read them.
#[derive(Debug)]
struct Tag {
    name: String,
    attributes: Vec<(String, String)>,
}

/// Reads every start tag of `html` the way the HTML tokenizer does
/// (quoted and unquoted attribute values; comments and `<style>` text
/// skipped), so the assertions below are about real markup, not text
/// that merely looks like it.
fn tags(html: &str) -> Vec<Tag> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let mut j = i + 1;
        if j >= b.len() || !b[j].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' && b[j] != b'/' {
            j += 1;
        }
        let name = html[i + 1..j].to_ascii_lowercase();
        let mut attributes = Vec::new();
        loop {
            while j < b.len() && (b[j].is_ascii_whitespace() || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            let start = j;
            while j < b.len() && !b[j].is_ascii_whitespace() && !b"=>/".contains(&b[j]) {
                j += 1;
            }
            let attr = html[start..j].to_ascii_lowercase();
            let mut value = String::new();
            if j < b.len() && b[j] == b'=' {
                j += 1;
                if j < b.len() && (b[j] == b'"' || b[j] == b'\'') {
                    let quote = b[j];
                    let end = html[j + 1..]
                        .find(quote as char)
                        .map_or(b.len(), |e| j + 1 + e);
                    value = html[j + 1..end].to_string();
                    j = end + 1;
                } else {
                    let start = j;
                    while j < b.len() && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    value = html[start..j].to_string();
                }
            }
            attributes.push((attr, value));
        }
        if name == "style" {
            j = html[j..].find("</style>").map_or(b.len(), |e| j + e);
        }
        out.push(Tag { name, attributes });
        i = j;
    }
    out
}

#[test]
fn hostile_strings_in_every_field_never_become_markup() {
    let dir = copy_project(&repo().join("tests/fixtures/hostile"));
    let html = build_ok(dir.path());
    // The page carries no script but its inert build manifest (whose
    // strings are paths and hashes), and nothing the payloads could have
    // opened or closed.
    let manifest = "<script type=\"application/json\" id=\"findings-manifest\">";
    let html = match html.find(manifest) {
        Some(at) => html[..at].to_string(),
        None => panic!("no manifest"),
    };
    for needle in ["<script", "</textarea>", "]]>", "<textarea", "<iframe"] {
        assert!(
            !html.to_ascii_lowercase().contains(needle),
            "found {needle}"
        );
    }
    let all = tags(&html);
    assert!(all.len() > 100, "the tag reader read too little");
    for tag in &all {
        assert!(
            !["script", "iframe", "object", "embed", "textarea", "base"]
                .contains(&tag.name.as_str()),
            "live <{}>",
            tag.name
        );
        for (attr, value) in &tag.attributes {
            assert!(
                !attr.starts_with("on"),
                "event handler {attr}={value:?} on <{}>",
                tag.name
            );
            if ["href", "src", "xlink:href", "action", "formaction"].contains(&attr.as_str()) {
                let folded: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                for scheme in ["javascript:", "vbscript:", "data:text"] {
                    assert!(
                        !folded.starts_with(scheme),
                        "{attr}={value:?} on <{}>",
                        tag.name
                    );
                }
            }
        }
    }

    // Every field was really rendered (escaped), so the checks above
    // looked at it: alias, role, quote text, code label, source title,
    // series label, table cell, labels, title, subtitle, authors, options.
    let page = text(&html);
    for prefix in [
        "A ", "R ", "Q ", "L ", "T ", "Series ", "M ", "Label ", "Title ", "Sub ", "Au ",
        "Callout ", "Stat ", "Caption ", "Side ", "Heading ", "Section ",
    ] {
        let escaped = format!("{prefix}{}", PAYLOADS[0]);
        assert!(page.contains(&escaped), "{escaped:?} not shown");
    }
    // The researcher's own Markdown link to javascript: is neutralised too.
    assert!(page.contains("a link"));
}

#[test]
fn raw_html_false_escapes_the_researchers_html() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let section = "+++\ntitle = \"Raw\"\nweight = 99\n+++\n\nInline <b onclick=\"alert(1)\">bold</b> text.\n\n<div class=\"box\">block</div>\n";
    fs::write(dir.path().join("content/sections/99-raw.md"), section).unwrap();
    let html = build_ok(dir.path());
    // Raw HTML passes by default, cleaned: the element stays, the event
    // handler does not.
    assert!(html.contains("<b>bold</b>"), "raw HTML passes by default");
    assert!(!html.contains("onclick"), "an event handler passed");
    assert!(html.contains("<div class=\"box\">block</div>"));

    let config = dir.path().join("content/report.toml");
    let mut toml = fs::read_to_string(&config).unwrap();
    toml = format!("raw_html = false\n{toml}");
    fs::write(&config, toml).unwrap();
    let html = build_ok(dir.path());
    assert!(
        !html.contains("<b onclick"),
        "raw HTML passed with raw_html = false"
    );
    assert!(
        html.contains("&lt;b onclick="),
        "inline HTML not shown as text"
    );
    assert!(html.contains("bold&lt;/b&gt;"));
    assert!(
        html.contains("&lt;div class="),
        "block HTML not shown as text"
    );
    assert!(!tags(&html)
        .iter()
        .any(|t| t.name == "div" && t.attributes.iter().any(|a| a.1 == "box")));
}

#[test]
fn private_values_never_reach_the_page() {
    let dir = copy_project(&repo().join("tests/fixtures/private"));
    let html = build_ok(dir.path());
    let people = fs::read_to_string(dir.path().join("content/data/participants.json")).unwrap();
    let people: serde_json::Value = serde_json::from_str(&people).unwrap();
    let mut checked = 0;
    for p in people.as_array().unwrap() {
        for field in ["real_name", "email"] {
            let value = p["attributes"][field].as_str().unwrap();
            assert!(!html.contains(value), "{field} {value:?} published");
            // Nor any part of it: first names, the mail domain.
            for part in value.split([' ', '@', '.']).filter(|s| s.len() > 3) {
                assert!(!html.contains(part), "{part:?} of {field} published");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 14);
    // min_cell = 3: the two who see a cycle are "< 3", everywhere.
    let page = text(&html);
    assert!(
        page.contains("5 (71.4%) see a crisis and < 3 (< 42.9%) a cycle, that is < 3 of 7"),
        "{page}"
    );
    assert!(page.contains("cycle < 3 < 42.9%"), "{page}");
    assert!(!page.contains("cycle 2"), "{page}");
}

/// Every file under `root` (relative path → bytes), leaving out `skip`.
fn tree(root: &Path, skip: &str) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if rel == skip {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}

fn output_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_build_writes_nothing_outside_its_output_folder() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let before = tree(dir.path(), "output");
    build_ok(dir.path());
    build_ok(dir.path());
    assert_eq!(tree(dir.path(), "output"), before, "the project changed");
    assert_eq!(
        output_names(&dir.path().join("output")),
        [".findings", "index.html"]
    );

    // With --out elsewhere, the project is not touched at all.
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("site");
    let before = tree(dir.path(), "");
    let run = findings(dir.path(), &["build", "--out", target.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(tree(dir.path(), ""), before);
    assert_eq!(output_names(&target), [".findings", "index.html"]);
}

#[test]
fn failed_builds_of_every_kind_leave_the_last_output_byte_identical() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    build_ok(dir.path());
    let page = dir.path().join("output/index.html");
    let good = fs::read(&page).unwrap();
    let breakages: [(&str, &str); 4] = [
        ("content/report.toml", "title = \"x\"\nsubtitel = 1\n"),
        (
            "content/sections/01-intro.md",
            "+++\ntitle = \"A\"\n+++\n{cuont}`participants`\n",
        ),
        ("content/data/participants.json", "[{\"id\": 1}]"),
        (
            "content/data/codebook.json",
            "[{\"id\": \"a\", \"label\": \"A\", \"parent\": \"a\"}]",
        ),
    ];
    for (file, broken) in breakages {
        let path = dir.path().join(file);
        let original = fs::read(&path).unwrap();
        fs::write(&path, broken).unwrap();
        let run = findings(dir.path(), &["build"]);
        assert_eq!(run.status.code(), Some(1), "{file}: {}", stderr(&run));
        assert!(stderr(&run).contains("the previous output was left as it was"));
        assert_eq!(fs::read(&page).unwrap(), good, "{file}: output changed");
        assert_eq!(
            output_names(&dir.path().join("output")),
            [".findings", "index.html"]
        );
        fs::write(&path, original).unwrap();
    }
    // Warnings denied: nothing written either.
    fs::write(
        dir.path().join("content/sections/99-unused.md"),
        "+++\ntitle = \"U\"\nweight = 99\n+++\n```{chart} donut\n:data: participants\n:by: stance\n:label: fig-unreferenced\n```\n",
    )
    .unwrap();
    let run = findings(dir.path(), &["build", "--deny-warnings"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert_eq!(fs::read(&page).unwrap(), good);
    assert_eq!(
        output_names(&dir.path().join("output")),
        [".findings", "index.html"]
    );
}

#[test]
fn out_refuses_a_foreign_index_html_and_project_folders() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let site = dir.path().join("site");
    fs::create_dir(&site).unwrap();
    fs::write(site.join("index.html"), "my own page").unwrap();
    let run = findings(dir.path(), &["build", "--out", "site"]);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr(&run).contains("holds files findings did not write"),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        fs::read_to_string(site.join("index.html")).unwrap(),
        "my own page"
    );
    for folder in [".", "content", "content/data"] {
        let run = findings(dir.path(), &["build", "--out", folder]);
        assert_eq!(run.status.code(), Some(1), "--out {folder}");
        assert!(!dir.path().join(folder).join("index.html").exists());
    }
    let run = findings(dir.path(), &["build", "--out", "site", "--force"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_ne!(
        fs::read_to_string(site.join("index.html")).unwrap(),
        "my own page"
    );
}

#[test]
fn data_and_sections_linking_out_of_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    fs::write(
        outside.path().join("secret.json"),
        "[{\"phase\": \"secret\"}]",
    )
    .unwrap();
    fs::write(
        outside.path().join("secret.md"),
        "+++\ntitle = \"Secret\"\n+++\nSecret.\n",
    )
    .unwrap();
    for (link, target) in [
        ("content/data/secret.json", "secret.json"),
        ("content/sections/09-secret.md", "secret.md"),
    ] {
        let dir = copy_project(&repo().join("tests/fixtures/small"));
        #[cfg(unix)]
        std::os::unix::fs::symlink(outside.path().join(target), dir.path().join(link)).unwrap();
        let run = findings(dir.path(), &["build"]);
        assert_eq!(run.status.code(), Some(1), "{link}");
        assert!(
            stderr(&run).contains("points outside the project folder"),
            "{}",
            stderr(&run)
        );
        assert!(!dir.path().join("output/index.html").exists());
    }
}
