//! Hostile inputs of the second hardening round, through the real binary:
//! each gets a clear error, warning or bounded result, never an abort;
//! peak memory stays under 512 MiB (measured with `wait4`); nothing
//! outside `output/` changes (a victim tree hashed before and after); a
//! refused build leaves the previous page as it was.
//!
//! Run with `--nocapture` to see each case's peak RSS.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::qdpx_support::{codebook, qde, qdpx, selection};
use sha2::{Digest, Sha256};

/// 512 MiB, in the KiB that `ru_maxrss` counts.
const RSS_LIMIT_KIB: i64 = 512 * 1024;

/// What a run of the binary gave: exit code, stderr, peak RSS in KiB.
struct Run {
    code: i32,
    stderr: String,
    rss_kib: i64,
}

/// Measures a child's peak RSS from a small Python parent: a process
/// spawned straight from this test would count the test's own memory
/// (its pages are shared until `exec`, and the kernel keeps their high
/// mark), and the test holds hundreds of megabytes of fixtures.
const MEASURE: &str = "import os, subprocess, sys\n\
p = subprocess.Popen(sys.argv[1:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)\n\
_, status, usage = os.wait4(p.pid, 0)\n\
code = os.waitstatus_to_exitcode(status)\n\
print(code, usage.ru_maxrss)\n";

/// Runs `findings ARGS` in `cwd` and measures its own peak RSS. Every
/// file of `cwd` but those under `output/` is hashed before and after:
/// whatever the input, nothing else may change.
fn run(cwd: &Path, args: &[&str]) -> Run {
    let outside = |all: BTreeMap<PathBuf, String>| -> BTreeMap<PathBuf, String> {
        all.into_iter()
            .filter(|(p, _)| !p.starts_with("output"))
            .collect()
    };
    let before = outside(hashes(cwd));
    let out = Command::new("python3")
        .arg("-c")
        .arg(MEASURE)
        .arg(env!("CARGO_BIN_EXE_findings"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run python3 to measure findings");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let said = String::from_utf8_lossy(&out.stdout);
    let mut numbers = said
        .split_whitespace()
        .map(|n| n.parse::<i64>().unwrap_or(i64::MIN));
    let (code, rss_kib) = (
        numbers.next().unwrap_or(i64::MIN),
        numbers.next().unwrap_or(i64::MIN),
    );
    assert!(!stderr.contains("panicked"), "a panic:\n{stderr}");
    assert!(code >= 0, "findings died (exit {code}):\n{stderr}");
    eprintln!("peak RSS {rss_kib:>7} KiB: findings {}", args.join(" "));
    assert_eq!(
        outside(hashes(cwd)),
        before,
        "a file outside output/ changed"
    );
    Run {
        code: code as i32,
        stderr,
        rss_kib,
    }
}

/// Asserts that the run's stderr holds `text`.
fn says(r: &Run, text: &str) {
    assert!(
        r.stderr.contains(text),
        "expected {text:?} in:\n{}",
        r.stderr
    );
}

/// A project of one section and, optionally, one data file.
fn project(dir: &Path, section: &str, data: Option<(&str, &[u8])>) {
    fs::create_dir_all(dir.join("content/sections")).expect("sections");
    fs::create_dir_all(dir.join("content/data")).expect("data");
    fs::write(dir.join("content/report.toml"), "title = \"Hardening\"\n").expect("config");
    fs::write(dir.join("content/sections/01-a.md"), section).expect("section");
    if let Some((name, bytes)) = data {
        fs::write(dir.join("content/data").join(name), bytes).expect("data file");
    }
}

const PLAIN: &str = "+++\ntitle = \"A\"\n+++\n\nSome text.\n";

/// Builds `dir` once as it is, then after `spoil` changes it: the second
/// build must fail with each of `expected`, leave the page, stay in memory.
fn refused_after(dir: &Path, spoil: impl FnOnce(&Path), expected: &[&str]) -> Run {
    let page = crate::common::build_ok(dir);
    spoil(dir);
    let r = run(dir, &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for e in expected {
        assert!(r.stderr.contains(e), "expected {e:?} in:\n{}", r.stderr);
    }
    let after = fs::read_to_string(dir.join("output/index.html")).expect("page");
    assert_eq!(after, page, "the previous page changed");
    assert!(r.rss_kib < RSS_LIMIT_KIB, "peak RSS {} KiB", r.rss_kib);
    r
}

/// A project whose one data file is `file`: `command` must succeed, say
/// `expected` on stderr and stay within the memory bound.
fn accepted_with(file: (&str, &[u8]), command: &str, expected: &str) -> Run {
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), PLAIN, Some(file));
    let r = run(dir.path(), &[command]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains(expected),
        "expected {expected:?} in:\n{}",
        r.stderr
    );
    assert!(r.rss_kib < RSS_LIMIT_KIB, "peak RSS {} KiB", r.rss_kib);
    r
}

#[test]
fn bibliography_loops_are_named_not_followed() {
    let cases = [
        (
            "@book{a, title = {A}, crossref = {b}}\n@book{b, title = {B}, crossref = {a}}\n",
            "`a` → `b` → `a`",
        ),
        (
            "@book{a, title = {A}, xdata = {x}}\n@xdata{x, xdata = {y}}\n@xdata{y, xdata = {x}}\n",
            "`x` → `y` → `x`",
        ),
        ("@string{s = s # {x}}\n@book{a, title = s}\n", "`s` → `s`"),
        (
            "@string{p = q}\n@string{q = p}\n@book{a, title = p}\n",
            "`p` → `q` → `p`",
        ),
    ];
    for (bib, names) in cases {
        let dir = tempfile::tempdir().expect("temp dir");
        project(
            dir.path(),
            "+++\ntitle = \"A\"\n+++\n\nAs {cite}`a` shows.\n",
            None,
        );
        fs::write(
            dir.path().join("content/references.bib"),
            "@book{a, title = {A}}\n",
        )
        .expect("bib");
        let r = refused_after(
            dir.path(),
            |d| fs::write(d.join("content/references.bib"), bib).expect("bib"),
            &[names, "content/references.bib:"],
        );
        // The file's own error is the one reported; the citation is not
        // told that the project has no references file.
        assert!(!r.stderr.contains("has none"), "{}", r.stderr);
        says(&r, "1 error");
    }
}

#[test]
fn one_large_note_referenced_thousands_of_times_is_copied_within_a_bound() {
    let note = "n".repeat(1 << 20);
    let mut codes = String::from("<CodeBook><Codes>");
    for i in 0..5000 {
        codes.push_str(&format!(
            "<Code guid=\"c{i}\" name=\"code {i}\" isCodable=\"true\"><NoteRef targetGUID=\"n1\"/><NoteRef targetGUID=\"n1\"/></Code>"
        ));
    }
    codes.push_str("</Codes></CodeBook>");
    let xml = qde(
        "NVivo 14",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{codes}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}</TextSource></Sources><Notes><Note guid=\"n1\" name=\"memo\"><PlainTextContent>{note}</PlainTextContent></Note></Notes>",
            selection("sel-1", 0, 5, &[("c1", "u1")]),
        ),
    );
    let study = qdpx(&xml, &[("sources/s1.txt", b"hello world")]);
    accepted_with(("study.qdpx", &study), "check", "references to notes (memos) were left out of descriptions: the notes copied reached 32 MiB");
}

#[test]
fn a_small_archive_of_millions_of_tiny_elements_is_refused_in_bounded_memory() {
    // 200 MB of `<a/>` compresses to a fraction of a megabyte.
    let mut xml = String::with_capacity(200 << 20);
    xml.push_str("<?xml version=\"1.0\"?><Project name=\"x\">");
    while xml.len() < 200 << 20 {
        xml.push_str(&"<a/>".repeat(1 << 16));
    }
    xml.push_str("</Project>");
    let study = qdpx(&xml, &[]);
    drop(xml);
    assert!(study.len() < 2 << 20, "{} bytes", study.len());
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), PLAIN, None);
    refused_after(
        dir.path(),
        |d| fs::write(d.join("content/data/study.qdpx"), &study).expect("study"),
        &[
            "the project is larger than findings reads",
            "study.qdpx/project.qde:1:",
        ],
    );
}

fn xlsx(cells: &[(u32, u16, &str)]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, c, text) in cells {
        sheet.write_string(*r, *c, *text).expect("write cell");
    }
    book.save_to_buffer().expect("save workbook")
}

#[test]
fn a_cell_at_the_last_row_and_column_is_a_warning_not_512_gib() {
    let book = xlsx(&[
        (0, 0, "id"),
        (0, 1, "name"),
        (1, 0, "a"),
        (1, 1, "A"),
        (1_048_575, 16_383, "far"),
    ]);
    accepted_with(("places.xlsx", &book), "build", "Sheet1!XFD1048576: a value lies in a column with no name in the header row, and was left out");
}

#[test]
fn twenty_thousand_rows_in_the_last_column_are_counted_not_padded() {
    let mut cells = vec![(0, 0, "id"), (0, 1, "name")];
    cells.extend((1..=20_000).map(|r| (r, 16_383u16, "x")));
    let book = xlsx(&cells);
    accepted_with(("places.xlsx", &book), "build", "Sheet1!XFD2: 20000 values lie in columns with no name in the header row, and were left out (the first here)");
}

#[test]
fn a_csv_row_with_more_cells_than_headers_is_a_warning_at_its_row() {
    let csv = "id,name\na,Alpha\nb,Beta,stray, more\n";
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), PLAIN, Some(("places.csv", csv.as_bytes())));
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    says(
        &r,
        "warning: row 3, column C: 2 values lie in columns with no name in the header row",
    );
    says(&r, "--> content/data/places.csv:3:1");
}

#[test]
fn csv_bytes_named_xlsx_are_told_to_be_renamed() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        PLAIN,
        Some(("places.xlsx", b"id,name\na,Alpha\n")),
    );
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    says(&r, "it is a CSV file, so rename it to .csv");
    assert!(!r.stderr.contains(".qdpx"), "{}", r.stderr);
}

#[test]
fn repeated_guids_are_errors_at_their_xml_position() {
    let xml = qde(
        "NVivo 14",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}{}</TextSource></Sources>",
            codebook(&[("c1", "alpha"), ("c1", "beta")]),
            selection("sel-1", 0, 5, &[("c1", "u1")]),
            selection("sel-1", 6, 11, &[("c1", "u1")]),
        ),
    );
    let study = qdpx(&xml, &[("sources/s1.txt", b"hello world")]);
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), PLAIN, Some(("study.qdpx", &study)));
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    // Both at line 3 of project.qde (the body's line), never line 0.
    says(&r, "codes `alpha` and `beta` have the same GUID c1");
    says(&r, "two selections have the GUID sel-1");
    assert_eq!(
        r.stderr.matches("study.qdpx/project.qde:3:").count(),
        2,
        "{}",
        r.stderr
    );
    assert!(!r.stderr.contains(":0:"), "{}", r.stderr);
}

#[test]
fn an_assets_folder_linked_out_of_the_project_is_refused() {
    let outside = tempfile::tempdir().expect("outside");
    fs::write(
        outside.path().join("secret.png"),
        b"\x89PNG\r\n\x1a\nsecret",
    )
    .expect("secret");
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        "+++\ntitle = \"A\"\n+++\n\n```{figure} secret.png\n:alt: A secret\n\nA secret.\n```\n",
        None,
    );
    std::os::unix::fs::symlink(outside.path(), dir.path().join("content/assets")).expect("link");
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    says(
        &r,
        "content/assets/secret.png points outside the project folder",
    );
    assert!(!dir.path().join("output/index.html").exists());
}

/// Every file under `root` with its SHA-256 (links as their target).
fn hashes(root: &Path) -> BTreeMap<PathBuf, String> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let bytes = fs::read(entry.path()).expect("read");
            let rel = entry
                .path()
                .strip_prefix(root)
                .expect("inside")
                .to_path_buf();
            let hex: String = Sha256::digest(&bytes)
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect();
            out.insert(rel, hex);
        } else if entry.file_type().is_symlink() {
            let target = fs::read_link(entry.path()).expect("link");
            let rel = entry
                .path()
                .strip_prefix(root)
                .expect("inside")
                .to_path_buf();
            out.insert(rel, format!("-> {}", target.display()));
        }
    }
    out
}

#[test]
fn a_file_named_like_our_temporary_file_in_a_foreign_folder_survives() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), PLAIN, None);
    let victim = tempfile::tempdir().expect("victim");
    for (name, text) in [
        (".index.html.abcdefABCDEF.tmp", "mine, not findings'"),
        (".findings.abcdefABCDEF.tmp", "also mine"),
        (".profile", "export X=1"),
        ("notes.txt", "notes"),
    ] {
        fs::write(victim.path().join(name), text).expect("victim file");
    }
    let before = hashes(victim.path());
    let out = victim.path().display().to_string();
    let r = run(dir.path(), &["build", "--out", &out]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    says(&r, "holds files findings did not write");
    assert_eq!(
        hashes(victim.path()),
        before,
        "a file outside output/ changed"
    );
}

#[test]
fn a_meta_refresh_never_reaches_the_page_and_is_a_warning_at_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let section = "+++\ntitle = \"A\"\n+++\n\nWater is H<sub>2</sub>O; press <kbd>Ctrl</kbd>.\n\n<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">\n\n<details><summary>More</summary>\n\nInside, *emphasised*.\n\n</details>\n\n<a href=\"https://example.org\" onclick=\"steal()\">a link</a>\n";
    project(dir.path(), section, None);
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let page = fs::read_to_string(dir.path().join("output/index.html")).expect("page");
    assert!(
        !page.contains("evil.example"),
        "the refresh reached the page"
    );
    assert!(!page.contains("steal()"));
    for kept in [
        "H<sub>2</sub>O",
        "<kbd>Ctrl</kbd>",
        "<details><summary>More</summary>",
        "<em>emphasised</em>",
        "href=\"https://example.org\"",
    ] {
        assert!(page.contains(kept), "{kept} missing");
    }
    says(&r, "warning: raw HTML left out of the page: `<meta>`");
    says(&r, "--> content/sections/01-a.md:7:1");
    says(&r, "`onclick` on `<a>`");
    says(&r, "content/sections/01-a.md:15:");
    // With raw HTML off, at the top level or in `[markdown]`, the same
    // text is shown, escaped, and nothing warns.
    for config in ["raw_html = false\n", "[markdown]\nraw_html = false\n"] {
        fs::write(
            dir.path().join("content/report.toml"),
            format!("title = \"Hardening\"\n{config}"),
        )
        .expect("config");
        let r = run(dir.path(), &["build"]);
        assert_eq!(r.code, 0, "{}", r.stderr);
        let page = fs::read_to_string(dir.path().join("output/index.html")).expect("page");
        assert!(
            page.contains("&lt;meta http-equiv"),
            "{config}: escaped text expected"
        );
        assert!(!r.stderr.contains("raw HTML left out"), "{}", r.stderr);
    }
}

#[test]
fn deep_yaml_flow_nesting_is_refused_before_parsing() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), PLAIN, None);
    let nested = format!(
        "---\ntitle: A\nallow: {}\n---\n\nText.\n",
        "[".repeat(150_000)
    );
    let r = refused_after(
        dir.path(),
        |d| fs::write(d.join("content/sections/01-a.md"), &nested).expect("section"),
        &["the front matter is 146 KiB, more than the 64 KiB findings reads"],
    );
    says(&r, "content/sections/01-a.md:1:1");
    let deep = format!("---\ntitle: A\nallow: {}\n---\n\nText.\n", "[".repeat(40));
    fs::write(dir.path().join("content/sections/01-a.md"), &deep).expect("section");
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    says(&r, "the front matter nests lists or maps more than 32 deep");
    says(&r, "content/sections/01-a.md:3:");
}

#[test]
fn a_section_with_a_byte_order_mark_builds_with_a_note() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), &format!("\u{feff}{PLAIN}"), None);
    let r = run(dir.path(), &["build"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    says(
        &r,
        "note: the section starts with a byte-order mark, which was ignored",
    );
    let page = fs::read_to_string(dir.path().join("output/index.html")).expect("page");
    assert!(page.contains("Some text."));
    assert!(!page.contains('\u{feff}'));
}

#[test]
fn verify_compares_bytes_not_a_lossy_reading() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The text holds U+FFFD, which a lossy reading would also give for a
    // broken byte.
    project(
        dir.path(),
        "+++\ntitle = \"A\"\n+++\n\nA replacement character: \u{fffd}.\n",
        None,
    );
    let page = dir.path().join("output/index.html");
    crate::common::build_ok(dir.path());
    let ok = crate::common::findings(dir.path(), &["verify", "output/index.html"]);
    assert_eq!(ok.status.code(), Some(0), "{}", crate::common::stderr(&ok));
    let mut bytes = fs::read(&page).expect("page");
    let at = bytes
        .windows(3)
        .position(|w| w == "\u{fffd}".as_bytes())
        .expect("U+FFFD in the page");
    bytes.splice(at..at + 3, [0xFFu8]);
    fs::write(&page, &bytes).expect("edit page");
    let edited = crate::common::findings(dir.path(), &["verify", "output/index.html"]);
    let said = String::from_utf8_lossy(&edited.stdout);
    assert_eq!(edited.status.code(), Some(1), "{said}");
    assert!(
        said.contains("the page was edited after it was built"),
        "{said}"
    );
}

#[test]
fn a_front_matter_allow_list_of_thousands_is_one_error() {
    // 60 KB of `a, a, a…`: under the YAML size bound, but each name would
    // be an error of its own, checked against every text of the section.
    let names = vec!["a"; 30_000].join(",");
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        &format!("---\ntitle: A\nallow: [{names}]\n---\n\nText.\n"),
        None,
    );
    let r = run(dir.path(), &["check"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    says(&r, "`allow` lists 30000 names; a section allows at most 16");
    says(&r, "content/sections/01-a.md:3:1");
    says(&r, "found 1 error");
    // A name written twice is one error, not two.
    fs::write(
        dir.path().join("content/sections/01-a.md"),
        "+++\ntitle = \"A\"\nallow = [\"thin\", \"thin\"]\n+++\n\nText.\n",
    )
    .expect("section");
    let r = run(dir.path(), &["check"]);
    assert_eq!(
        r.stderr.matches("`thin` is not a lint").count(),
        1,
        "{}",
        r.stderr
    );
}
