//! `findings new DIR --from X` for every kind of export a researcher has:
//! the real `.qdpx` files in `../shared/samples/` (skipped, saying so,
//! when that folder is absent), and small fixtures made here of a Taguette
//! highlights CSV, a MAXQDA coded-segments XLSX, a QualCoder CSV and a
//! Taguette codebook. Each project is built with no hand editing, and its
//! page's counts, per-code counts and quotes are compared with a separate
//! plain reading in Python (`tests/qdpx_independent.py`,
//! `tests/coded_independent.py`), never with the crate's own reader.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{Html, Selector};
use serde_json::Value;

fn sample(name: &str) -> Option<PathBuf> {
    let path = crate::common::repo().join("../shared/samples").join(name);
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

/// The independent reading by `script`, or `None` without python3.
fn independent(script: &str, study: &Path) -> Option<Value> {
    let script = crate::common::repo().join("tests").join(script);
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

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `findings new demo --from STUDY` in a scratch folder, then build.
fn scaffold_and_build(study: &Path) -> (tempfile::TempDir, Html) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = crate::common::findings(
        dir.path(),
        &["new", "demo", "--from", study.to_str().expect("utf-8 path")],
    );
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    let project = dir.path().join("demo");
    let page = crate::common::build_ok(&project);
    (dir, Html::parse_document(&page))
}

/// What the page says: the overview's counts, the codebook's rows (label,
/// segments) and the codes named as on no segment, the quote index.
struct Page {
    text: String,
    rows: Vec<(String, u64)>,
    unused: String,
    quotes: Vec<String>,
}

fn read_page(page: &Html) -> Page {
    let rows = page
        .select(&sel("table.codebook tbody tr.codebook-code"))
        .map(|tr| {
            let th = tr.select(&sel("th")).next().expect("row head");
            // The label, without the id that follows it.
            let id: String = th.select(&sel(".code-id")).flat_map(|c| c.text()).collect();
            let all: String = th.text().collect();
            let label = all.trim().trim_end_matches(id.as_str()).trim().to_string();
            let count = tr
                .select(&sel("td"))
                .next()
                .map(|td| td.text().collect::<String>())
                .and_then(|t| t.split_whitespace().next()?.parse().ok())
                .unwrap_or(0);
            (label, count)
        })
        .collect();
    let unused = page
        .select(&sel(".codebook-unused"))
        .map(|p| p.text().collect::<String>())
        .collect();
    let quotes = page
        .select(&sel(".quote-entry blockquote"))
        .map(|q| {
            let t = folded(&q.text().collect::<String>());
            t.trim_start_matches('“').trim_end_matches('”').to_string()
        })
        .collect();
    Page {
        text: folded(&page.root_element().text().collect::<String>()),
        rows,
        unused,
        quotes,
    }
}

/// The page against the independent reading.
fn compare(page: &Page, expected: &Value) {
    let n = expected["participants"].as_u64().expect("participants");
    if n > 0 {
        assert!(
            page.text.contains(&format!(" {n} participants,")),
            "{n} participants: {}",
            &page.text[..page.text.len().min(600)]
        );
    }
    let codes: Vec<(String, u64)> = expected["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| {
            (
                c[0].as_str().expect("name").into(),
                c[1].as_u64().expect("n"),
            )
        })
        .collect();
    let texts: Vec<String> = expected["texts"]
        .as_array()
        .expect("texts")
        .iter()
        .map(|t| folded(t.as_str().expect("text")))
        .collect();
    if texts.is_empty() {
        // Nothing coded: the codebook is the whole tree, without counts.
        let labels: Vec<String> = codes.iter().map(|c| c.0.clone()).collect();
        let shown: Vec<String> = page.rows.iter().map(|r| r.0.clone()).collect();
        assert_eq!(shown, labels);
    } else {
        let used: Vec<(String, u64)> = codes.iter().filter(|c| c.1 > 0).cloned().collect();
        assert_eq!(page.rows, used);
        for (label, _) in codes.iter().filter(|c| c.1 == 0) {
            assert!(page.unused.contains(label.as_str()), "{label} unnamed");
        }
        assert!(
            page.text
                .contains(&format!(" {} coded segments.", texts.len())),
            "segment count"
        );
    }
    assert_eq!(page.quotes, texts);
}

/// The participants template, moved into the data as the text says,
/// builds (and check finds no error).
fn template_builds(dir: &Path) {
    let project = dir.join("demo");
    fs::rename(
        project.join("participants-template.csv"),
        project.join("content/data/participants.csv"),
    )
    .expect("move the template");
    crate::common::build_ok(&project);
}

#[test]
fn the_qualcoder_export_matches_an_independent_reading() {
    let Some(study) = sample("qualcoder-demo.qdpx") else {
        return;
    };
    let Some(expected) = independent("qdpx_independent.py", &study) else {
        return;
    };
    assert_eq!(expected["codes"].as_array().map(Vec::len), Some(262));
    let (dir, page) = scaffold_and_build(&study);
    compare(&read_page(&page), &expected);
    template_builds(dir.path());
}

#[test]
fn the_nvivo_export_matches_an_independent_reading() {
    let Some(study) = sample("nvivo-mac-15.qdpx") else {
        return;
    };
    let Some(expected) = independent("qdpx_independent.py", &study) else {
        return;
    };
    let (_dir, page) = scaffold_and_build(&study);
    let page = read_page(&page);
    compare(&page, &expected);
    assert!(page.text.contains("Nothing is coded yet"));
}

#[test]
fn a_qdpx_whose_project_file_is_named_after_the_project_is_read() {
    let Some(study) = sample("qualcoder-demo.qdpx") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let renamed = dir.path().join("renamed.qdpx");
    let mut from = zip::ZipArchive::new(fs::File::open(&study).expect("open")).expect("zip");
    let mut to = zip::ZipWriter::new(fs::File::create(&renamed).expect("create"));
    for i in 0..from.len() {
        let mut member = from.by_index(i).expect("member");
        let name = match member.name().expect("member name").to_string() {
            n if n == "project.qde" => "qc project.qde".to_string(),
            other => other,
        };
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut member, &mut bytes).expect("read");
        to.start_file(name, zip::write::SimpleFileOptions::default())
            .expect("start");
        std::io::Write::write_all(&mut to, &bytes).expect("write");
    }
    to.finish().expect("finish");
    let Some(expected) = independent("qdpx_independent.py", &study) else {
        return;
    };
    let (_dir, page) = scaffold_and_build(&renamed);
    compare(&read_page(&page), &expected);
}

/// A study written into a scratch file named `name`.
fn fixture(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    fs::write(&path, bytes).expect("write fixture");
    (dir, path)
}

const TAGUETTE: &str = "id,document,tag,content
1,Interview A,trust,We never knew who held the keys.
1,Interview A,fear,We never knew who held the keys.
2,Interview A,pause,(The participant reads the task again)
3,Interview A,pause,(The participant reads the task again)
4,Interview B,trust,\"They told us, plainly, what happened.\"
5,Interview B,pause,(The participant reads the task again)
6,Interview B,cost,It cost me a month of savings.
";

#[test]
fn a_taguette_highlights_csv_matches_and_keeps_same_text_highlights_apart() {
    let (_keep, study) = fixture("highlights.csv", TAGUETTE.as_bytes());
    let Some(expected) = independent("coded_independent.py", &study) else {
        return;
    };
    let (dir, page) = scaffold_and_build(&study);
    let page = read_page(&page);
    compare(&page, &expected);
    // Highlights 2 and 3 have the same words in one transcript: two
    // segments; highlight 1 has two tags: one segment.
    let pauses = page
        .quotes
        .iter()
        .filter(|q| q.contains("reads the task again"))
        .count();
    assert_eq!(pauses, 3);
    assert_eq!(page.quotes.len(), 6);
    assert!(page.rows.contains(&("pause".to_string(), 3)));
    template_builds(dir.path());
}

#[test]
fn a_maxqda_coded_segments_xlsx_matches() {
    let rows: &[&[&str]] = &[
        &[
            "Document group",
            "Document name",
            "Code",
            "Begin",
            "End",
            "Segment",
            "Author",
        ],
        &[
            "All",
            "Ann",
            "Trust\\Fear",
            "3",
            "3",
            "I did not sleep.",
            "kim",
        ],
        &["All", "Ann", "Cost", "3", "3", "I did not sleep.", "kim"],
        &[
            "All",
            "Ann",
            "Trust\\Hope",
            "5",
            "6",
            "It will come back.",
            "kim",
        ],
        &[
            "All",
            "Ben",
            "Trust\\Fear",
            "1",
            "1",
            "Gone, all of it.",
            "lee",
        ],
        &["All", "Ben", "Cost", "2", "2", "A year of work.", "lee"],
    ];
    let bytes = crate::common::xlsx(rows);
    let (_keep, study) = fixture("Coded segments.xlsx", &bytes);
    let Some(expected) = independent("coded_independent.py", &study) else {
        return;
    };
    let (dir, page) = scaffold_and_build(&study);
    let page = read_page(&page);
    compare(&page, &expected);
    assert_eq!(page.rows[0], ("Trust".to_string(), 3));
    template_builds(dir.path());
}

#[test]
fn a_qualcoder_csv_matches() {
    let csv = "codename,coded_text,file,coder,pos0,pos1
access,the bus stops at six,int_01.txt,cp,10,30
access,the bus stops at six,int_01.txt,cp,10,30
cost,fees went up twice,int_01.txt,cp,40,58
access,no ramp at the door,int_02.txt,ana,5,24
";
    let (_keep, study) = fixture("coded text.csv", csv.as_bytes());
    let Some(expected) = independent("coded_independent.py", &study) else {
        return;
    };
    let (_dir, page) = scaffold_and_build(&study);
    compare(&read_page(&page), &expected);
}

#[test]
fn a_taguette_codebook_starts_a_project() {
    let csv = "tag,description,number of highlights
trust,Who people rely on,4
fear,,2
cost,Money lost,1
";
    let (_keep, study) = fixture("codebook (1).csv", csv.as_bytes());
    let Some(expected) = independent("coded_independent.py", &study) else {
        return;
    };
    let (_dir, page) = scaffold_and_build(&study);
    compare(&read_page(&page), &expected);
}

#[test]
fn a_file_of_no_known_format_is_refused_and_nothing_written() {
    let (dir, study) = fixture("notes.txt", b"just some notes\n");
    let out = crate::common::findings(
        dir.path(),
        &["new", "demo", "--from", study.to_str().expect("utf-8")],
    );
    assert!(!out.status.success());
    let err = crate::common::stderr(&out);
    assert!(
        err.contains("findings does not know this kind of file"),
        "{err}"
    );
    assert!(err.contains(".qdpx (one REFI-QDA project)"), "{err}");
    assert!(!dir.path().join("demo").exists());
}

#[test]
fn under_shows_the_codes_below_a_code() {
    let study = crate::common::repo().join("tests/fixtures/new-from/maxqda-coded-segments.xlsx");
    let (dir, _) = scaffold_and_build(&study);
    let project = dir.path().join("demo");
    let section = project.join("content/sections/50-under.md");
    let write = |body: &str| {
        fs::write(&section, format!("+++\ntitle = \"U\"\n+++\n\n{body}\n")).expect("section");
    };
    write("```{table} segments\n:by: code\n:under: trust\n:caption: Under trust\n```");
    let page = Html::parse_document(&crate::common::build_ok(&project));
    let rows: Vec<String> = page
        .select(&sel("table"))
        .find(|t| t.text().any(|x| x == "Under trust"))
        .expect("the table")
        .select(&sel("tbody tr"))
        .map(|tr| {
            let cells: Vec<String> = tr
                .select(&sel("th, td"))
                .map(|c| c.text().collect::<String>())
                .collect();
            folded(&cells.join(" "))
        })
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[0].starts_with("Fear 2"), "{rows:?}");
    assert!(rows[1].starts_with("Hope 1"), "{rows:?}");
    write("```{chart} bar\n:data: segments\n:by: code\n:under: trsut\n```");
    let out = crate::common::findings(&project, &["check"]);
    let err = crate::common::stderr(&out);
    assert!(!out.status.success());
    assert!(
        err.contains("`:under:` names an unknown code `trsut`"),
        "{err}"
    );
    assert!(err.contains("did you mean `trust`?"), "{err}");
    write("```{table} segments\n:by: code\n:under: trust\n:codes: cost\n```");
    let err = crate::common::stderr(&crate::common::findings(&project, &["check"]));
    assert!(
        err.contains("give `:codes:` or `:under:`, not both"),
        "{err}"
    );
}
