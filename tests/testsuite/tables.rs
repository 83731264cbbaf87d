//! CSV and XLSX datasets through the real binary: a MAXQDA-shaped XLSX
//! "Coded segments" export, a Taguette highlights CSV with participants
//! in a CSV beside it, a `[columns]` mapping, and cell errors. Every
//! expected figure is counted by hand from the rows written here.

use std::fs;
use std::path::Path;

use crate::common::xlsx;

fn project(dir: &Path, config_extra: &str, body: &str) {
    fs::create_dir_all(dir.join("content/data")).expect("data dir");
    fs::create_dir_all(dir.join("content/sections")).expect("sections");
    fs::write(
        dir.join("content/report.toml"),
        format!("title = \"Tables\"\n{config_extra}"),
    )
    .expect("config");
    fs::write(
        dir.join("content/sections/01-a.md"),
        format!("+++\ntitle = \"A\"\n+++\n\n{body}\n"),
    )
    .expect("section");
}

#[test]
fn a_maxqda_coded_segments_xlsx_builds() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        "",
        "T={count}`segments[code=trust]` I={count}`segments[code=institutions]` F={count}`segments[code=fear]` B={count}`segments[code=banks]` P={count}`participants` S={count}`segments` FP={people}`segments[code=fear]`",
    );
    let header: &[&str] = &[
        "Color",
        "Document group",
        "Document name",
        "Code",
        "Begin",
        "End",
        "Weight score",
        "Segment",
        "Comment",
        "Author",
    ];
    let book = xlsx(&[
        header,
        &[
            "#ff0000",
            "",
            "Interview A",
            "Trust\\Institutions",
            "1",
            "1",
            "0",
            "I trust the courts.",
            "",
            "ann",
        ],
        &[
            "#ff0000",
            "",
            "Interview A",
            "Trust",
            "1",
            "1",
            "0",
            "I trust the courts.",
            "",
            "ben",
        ],
        &[
            "#00ff00",
            "",
            "Interview A",
            "Fear",
            "3",
            "3",
            "0",
            "I fear the banks.",
            "",
            "ann",
        ],
        &[
            "#ff0000",
            "",
            "Interview B",
            "Trust\\Institutions",
            "2",
            "2",
            "0",
            "Courts work.",
            "",
            "ann",
        ],
        &[
            "#00ff00",
            "",
            "Interview B",
            "Fear\\Banks",
            "4",
            "4",
            "0",
            "Banks fail.",
            "",
            "ann",
        ],
    ]);
    fs::write(dir.path().join("content/data/coded-segments.xlsx"), book).expect("xlsx");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    // Passages: A1 (institutions, trust), A3 (fear), B2 (institutions),
    // B4 (banks). Trust counts A1 and B2 through its sub-code.
    assert!(page.contains("T=2 I=2 F=2 B=1 P=2 S=4 FP=2"), "{page}");
    let out = crate::common::findings(dir.path(), &["check"]);
    let err = crate::common::stderr(&out);
    assert!(err.contains("note: read content/data/coded-segments.xlsx as a MAXQDA coded-segments export: 5 codings in 4 segments of 2 documents, 4 codes, 2 coders (ann, ben)"), "{err}");
    assert!(
        err.contains(
            "names no participants, so each of its 2 documents stands for one participant"
        ),
        "{err}"
    );
}

#[test]
fn a_taguette_highlights_csv_with_participants_csv_builds() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        "",
        "T={count}`segments[code=trust]` H={count}`segments[code=hope]` S={count}`segments` P={count}`participants` A={count}`participants[age=34]` HP={people}`segments[code=hope]` TB={count}`segments[code=trust, alias=Ben]`\n\n```{quote} highlights-2\n```",
    );
    fs::write(
        dir.path().join("content/data/highlights.csv"),
        "\u{feff}id,document,tag,content\r\n1,interview-1.txt,trust,\"We trust them, mostly.\"\r\n2,interview-1.txt,hope,\"We trust them, mostly.\"\r\n3,interview-1.txt,hope,Tomorrow is better.\r\n4,interview-2.txt,trust,\"Not really, no.\"\r\n",
    )
    .expect("csv");
    fs::write(
        dir.path().join("content/data/participants.csv"),
        "id,name,source,age\np1,Ann,interview-1.txt,34\np2,Ben,interview-2.txt,51\n",
    )
    .expect("participants");
    let html = crate::common::build_ok(dir.path());
    let page = crate::common::text(&html);
    // Highlights 1 and 2 have the same words but are two highlights (a
    // row id wins over the text): "We trust them" twice (trust; hope),
    // "Tomorrow" (hope), "Not really" (trust); Ann said the first three,
    // Ben the last.
    assert!(page.contains("T=2 H=2 S=4 P=2 A=1 HP=1 TB=1"), "{page}");
    assert!(page.contains("We trust them, mostly."), "{page}");
    assert!(page.contains("Ann"), "{page}");
}

#[test]
fn columns_map_other_headers_to_fields() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        "\n[columns.segments]\nparticipant = \"Speaker\"\ntext = \"Quote\"\ncodes = \"Tags\"\n",
        "C={count}`segments[code=calm]` S={count}`segments`",
    );
    fs::write(
        dir.path().join("content/data/segments.csv"),
        "Speaker,Quote,Tags\np1,All fine.,calm; glad\np1,Not now.,calm\n",
    )
    .expect("segments");
    fs::write(
        dir.path().join("content/data/participants.json"),
        r#"[{"id": "p1", "alias": "Pat"}]"#,
    )
    .expect("participants");
    fs::write(
        dir.path().join("content/data/codebook.csv"),
        "id;label\ncalm;Calm\nglad;Glad\n",
    )
    .expect("codebook");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    assert!(page.contains("C=2 S=2"), "{page}");
}

#[test]
fn cell_errors_name_file_row_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), "", "x");
    let book = xlsx(&[
        &["id", "participant", "text", "codes", "start"],
        &["s1", "p1", "hello", "a", "0"],
        &["s2", "p1", "there", "a", "abc"],
    ]);
    fs::write(dir.path().join("content/data/segments.xlsx"), book).expect("xlsx");
    let out = crate::common::findings(dir.path(), &["build"]);
    let err = crate::common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: Sheet1!E3 (`start`): `abc` is not a whole number"),
        "{err}"
    );
    assert!(err.contains("--> content/data/segments.xlsx"), "{err}");

    fs::remove_file(dir.path().join("content/data/segments.xlsx")).expect("rm");
    fs::write(
        dir.path().join("content/data/segments.csv"),
        b"id,participant,text\ns1,p1,fine\ns2,p1,\xFFbad\n",
    )
    .expect("csv");
    let out = crate::common::findings(dir.path(), &["build"]);
    let err = crate::common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: row 3, column C: the cell is not valid UTF-8 (its byte 1)"),
        "{err}"
    );
    assert!(err.contains("--> content/data/segments.csv:3:1"), "{err}");

    fs::write(
        dir.path().join("content/data/segments.csv"),
        "who,text\np1,fine\n",
    )
    .expect("csv");
    let out = crate::common::findings(dir.path(), &["build"]);
    let err = crate::common::stderr(&out);
    assert!(
        err.contains("error: content/data/segments.csv has no `participant` column"),
        "{err}"
    );
    assert!(
        err.contains("[columns.segments] participant = \"Your column\""),
        "{err}"
    );
}

#[test]
fn a_ten_megabyte_single_line_cell_is_read_or_refused_cleanly() {
    let big = "x".repeat(10 * 1024 * 1024);
    // Read: the cell becomes an attribute, and the page shows the count.
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), "", "We spoke to {count}`participants` people.");
    fs::write(
        dir.path().join("content/data/participants.csv"),
        format!("id,alias,note\np1,Ann,{big}\np2,Bo,short\n"),
    )
    .expect("csv");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    assert!(
        page.contains("We spoke to 2 people."),
        "{}",
        &page[..200.min(page.len())]
    );
    // Refused: the same cell left unclosed is an error at its row, exit 1,
    // and the previous page stays.
    let before = fs::read(dir.path().join("output/index.html")).expect("page");
    fs::write(
        dir.path().join("content/data/participants.csv"),
        format!("id,alias,note\np1,Ann,\"{big}\np2,Bo,short\n"),
    )
    .expect("csv");
    let out = crate::common::findings(dir.path(), &["build"]);
    assert!(!out.status.success());
    let err = crate::common::stderr(&out);
    assert!(
        err.contains("content/data/participants.csv:2:1"),
        "{}",
        &err[..err.len().min(600)]
    );
    assert!(
        err.contains("row 2: a quoted cell opens here and never closes"),
        "{}",
        &err[..err.len().min(600)]
    );
    assert!(
        err.len() < 20_000,
        "the message must not quote the 10 MB cell"
    );
    assert_eq!(
        fs::read(dir.path().join("output/index.html")).expect("page"),
        before
    );
}
