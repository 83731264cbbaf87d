//! Hostile and broken `.qdpx` files: each is refused with a clear error
//! at its file (and line:column in the XML), exit 1, the previous page
//! left as it was, and no panic.

use std::fs;
use std::io::{Cursor, Write};

use crate::qdpx_support::{archive, codebook, project, qde, qdpx, selection};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn good() -> Vec<u8> {
    let xml = qde(
        "qc 1.3.2",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("sel-1", 0, 5, &[("c1", "u1")]),
        ),
    );
    qdpx(&xml, &[("sources/s1.txt", b"hello world")])
}

/// Builds a good study, swaps in `bad`, builds again: the second build
/// must fail with every one of `expected` in its stderr and leave the page.
fn refused(bad: &[u8], expected: &[&str]) {
    let dir = tempfile::tempdir().expect("temp dir");
    project(dir.path(), &good(), "{count}`segments` segments.");
    let page = crate::common::build_ok(dir.path());
    fs::write(dir.path().join("content/data/study.qdpx"), bad).expect("swap study");
    let out = crate::common::findings(dir.path(), &["build"]);
    let err = crate::common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for e in expected {
        assert!(err.contains(e), "expected {e:?} in:\n{err}");
    }
    let after = fs::read_to_string(dir.path().join("output/index.html")).expect("page");
    assert_eq!(after, page, "the previous page changed");
}

fn with_text(xml: &str, text: &[u8]) -> Vec<u8> {
    qdpx(xml, &[("sources/s1.txt", text)])
}

fn one_selection(start: u64, end: u64) -> String {
    qde(
        "NVivo 12.6",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("sel-9", start, end, &[("c1", "u1")]),
        ),
    )
}

#[test]
fn a_zip_bomb_is_stopped_while_decompressing() {
    // 600 MiB of spaces deflate to well under a MiB.
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .large_file(true);
    zip.start_file("project.qde", options).expect("start");
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..600 {
        zip.write_all(&chunk).expect("write");
    }
    let bomb = zip.finish().expect("finish").into_inner();
    assert!(bomb.len() < 8 << 20, "{}", bomb.len());
    refused(
        &bomb,
        &[
            "error: the archive decompresses to more than 512 MiB (at member project.qde)",
            "--> content/data/study.qdpx",
            "zip bomb",
        ],
    );
}

#[test]
fn too_many_members_are_refused() {
    let names: Vec<String> = (0..10_001).map(|i| format!("sources/{i}.txt")).collect();
    let members: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    refused(
        &archive(&members),
        &["the archive has 10001 members, more than the 10000 a project may have"],
    );
}

#[test]
fn member_names_leaving_the_archive_are_refused() {
    for name in ["../evil.txt", "sources/../../evil.txt", "/etc/passwd"] {
        let bad = archive(&[("project.qde", qde("x", "").as_bytes()), (name, b"x")]);
        refused(
            &bad,
            &[&format!(
                "the archive has a member named `{name}`, which points outside it"
            )],
        );
    }
}

#[test]
fn a_doctype_with_entities_is_refused_not_expanded() {
    let xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>\n<Project name=\"&b;\"/>";
    refused(
        &qdpx(xml, &[]),
        &[
            "error: project.qde is not well-formed XML: the XML has a DOCTYPE declaration, which is refused",
            "--> content/data/study.qdpx/project.qde:2:1",
        ],
    );
    let xml = "<Project name=\"x\">\n  <Users>&lol;</Users></Project>";
    refused(
        &qdpx(xml, &[]),
        &[
            "the XML uses an entity that is not one of",
            "project.qde:2:10",
        ],
    );
}

#[test]
fn broken_xml_points_at_line_and_column() {
    let xml = "<Project name=\"x\">\n<Users>\n</Project>";
    refused(
        &qdpx(xml, &[]),
        &["project.qde is not well-formed XML", "project.qde:3:"],
    );
}

#[test]
fn a_truncated_zip_is_refused() {
    let g = good();
    refused(
        &g[..g.len() / 2],
        &[
            "error: the file is not a readable zip archive",
            "--> content/data/study.qdpx",
        ],
    );
    refused(b"", &["the file is not a readable zip archive"]);
}

#[test]
fn invalid_utf8_and_utf16_texts_are_refused() {
    let xml = one_selection(0, 2);
    refused(
        &with_text(&xml, b"ok\n\xFF\xFE bad"),
        &[
            "error: sources/s1.txt is not valid UTF-8 (byte 3)",
            "--> content/data/study.qdpx/sources/s1.txt:2:1",
        ],
    );
    // A BOM says UTF-16LE, then a lone high surrogate.
    refused(
        &with_text(&xml, b"\xFF\xFEo\x00k\x00\x3D\xD8x\x00"),
        &["error: sources/s1.txt is not valid UTF-16LE (byte 6)"],
    );
    let bad_qde = [b"<Project name=\"\xC3\">".as_slice(), b"</Project>"].concat();
    refused(
        &archive(&[("project.qde", &bad_qde)]),
        &["error: project.qde is not valid UTF-8 (byte 15)"],
    );
}

#[test]
fn selections_outside_the_text_or_inside_a_pair_are_refused() {
    refused(
        &with_text(&one_selection(3, 40), b"hello world"),
        &[
            "error: selection sel-9 on source `Int` ends at 40, past the end of the text (11 characters)",
            "project.qde:3:",
        ],
    );
    // "a😀b": 3 code points, 4 UTF-16 units. 0..4 fits only UTF-16, so
    // that is the unit; 2 then falls inside the pair.
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("whole", 0, 4, &[("c1", "u1")]),
            selection("half", 0, 2, &[("c1", "u1")]),
        ),
    );
    refused(
        &with_text(&xml, "a😀b".as_bytes()),
        &["error: selection half on source `Int` has an offset (2) that splits a character outside the BMP"],
    );
    refused(
        &with_text(&one_selection(5, 2), b"hello world"),
        &["selection sel-9 on source `Int` starts at 5, after its end 2"],
    );
}

#[test]
fn a_coding_of_an_unknown_code_is_refused() {
    let xml = qde(
        "x",
        &format!(
            "<Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>abc</PlainTextContent>{}</TextSource></Sources>",
            selection("s", 0, 1, &[("nope", "u1")]),
        ),
    );
    refused(
        &qdpx(&xml, &[]),
        &["selection s on source `Int` is coded with code nope, which is not in the codebook"],
    );
}

#[test]
fn an_archive_without_a_project_is_refused() {
    refused(
        &archive(&[("sources/a.txt", b"x")]),
        &["error: the archive has no project.qde"],
    );
}

#[test]
fn thousands_of_bad_selections_are_reported_quickly_with_a_count() {
    let sels: String = (0..30_000)
        .map(|i| selection(&format!("bad-{i}"), 0, 1_000_000, &[("c1", "u1")]))
        .collect();
    let xml = qde(
        "x",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{sels}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
        ),
    );
    let started = std::time::Instant::now();
    refused(
        &with_text(&xml, b"short"),
        &[
            "selection bad-19 on source `Int` ends at 1000000",
            "and 29980 more selections like these (only the first 20 are shown)",
        ],
    );
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}
