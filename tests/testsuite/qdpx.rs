//! Hand-made `.qdpx` fixtures, one per exporter quirk, each with the
//! segments it must give written out by hand.

use std::path::Path;

use crate::qdpx_support::{codebook, project, qde, qdpx, selection};
use findings::load::qdpx::{read, Import};

const USER: &str = "<Users><User guid=\"u1\" name=\"ann\"/></Users>";

fn import(xml: &str, texts: &[(&str, &[u8])]) -> Import {
    match read(Path::new("content/data/study.qdpx"), &qdpx(xml, texts)) {
        Ok(i) => i,
        Err(e) => panic!("import failed:\n{e}"),
    }
}

/// (text, start, end, codes) of every segment.
fn spans(i: &Import) -> Vec<(String, u64, u64, Vec<String>)> {
    i.segments
        .iter()
        .map(|s| {
            (
                s.text.clone(),
                s.start.unwrap_or(u64::MAX),
                s.end.unwrap_or(u64::MAX),
                s.codes.clone(),
            )
        })
        .collect()
}

fn seg(text: &str, start: u64, end: u64, codes: &[&str]) -> (String, u64, u64, Vec<String>) {
    (
        text.to_string(),
        start,
        end,
        codes.iter().map(|c| c.to_string()).collect(),
    )
}

fn messages(i: &Import) -> Vec<String> {
    i.report.0.iter().map(|d| d.message.clone()).collect()
}

#[test]
fn utf16_offsets_after_a_bom_with_emoji() {
    // Code points: "trust" 14..19, "a lot" 27..32, "Next line" 35..44;
    // UTF-16 units add one after 😀 and two after 🙂.
    let text = "Hi 😀 there. I trust them 🙂 a lot.\r\nNext line.";
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "{USER}{}<Sources><TextSource guid=\"s1\" name=\"Interview 1\" plainTextPath=\"internal://s1.txt\">{}{}{}</TextSource></Sources>",
            codebook(&[("c1", "trust")]),
            selection("a", 15, 20, &[("c1", "u1")]),
            selection("b", 29, 34, &[("c1", "u1")]),
            selection("c", 37, 46, &[("c1", "u1")]),
        ),
    );
    let i = import(&xml, &[("sources/s1.txt", &bytes)]);
    assert_eq!(
        spans(&i),
        [
            seg("trust", 14, 19, &["trust"]),
            seg("a lot", 27, 32, &["trust"]),
            seg("Next line", 35, 44, &["trust"]),
        ]
    );
    assert!(
        messages(&i)
            .iter()
            .any(|m| m.contains("offsets read in UTF-16 code units")),
        "{:?}",
        messages(&i)
    );
    assert_eq!(i.sources[0].text.as_deref(), Some(text));
}

#[test]
fn one_selection_per_code_on_the_same_passage_is_one_segment() {
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "{USER}{}<Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>alpha beta gamma</PlainTextContent>{}{}{}{}</TextSource></Sources>",
            codebook(&[("c1", "one"), ("c2", "two"), ("c3", "three")]),
            selection("a", 0, 10, &[("c1", "u1")]),
            selection("b", 0, 10, &[("c2", "u1")]),
            selection("c", 0, 10, &[("c3", "u1")]),
            selection("d", 6, 16, &[("c1", "u1")]),
        ),
    );
    let i = import(&xml, &[]);
    assert_eq!(
        spans(&i),
        [
            seg("alpha beta", 0, 10, &["one", "two", "three"]),
            seg("beta gamma", 6, 16, &["one"]),
        ]
    );
    assert_eq!(i.segments[0].id, "a");
    let m = messages(&i);
    assert!(
        m.iter().any(|m| m
            .contains("4 selections, 2 segments (2 selections of the same span merged)")
            && m.contains("2 segments overlap another")),
        "{m:?}"
    );
}

#[test]
fn same_name_codes_get_distinct_ids_and_keep_their_label() {
    let xml = qde(
        "qc 1.3.2",
        &format!(
            "{USER}<CodeBook><Codes><Code guid=\"p\" name=\"Positive\" color=\"#AABBCC\"><Code guid=\"pt\" name=\"trust\"><Description>Trust, good</Description></Code></Code><Code guid=\"n\" name=\"Negative\" isCodable=\"false\"><Code guid=\"nt\" name=\"trust\"/></Code></Codes></CodeBook><Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>I trust you. I trust no one.</PlainTextContent>{}{}</TextSource></Sources>",
            selection("a", 2, 7, &[("pt", "u1")]),
            selection("b", 15, 20, &[("nt", "u1")]),
        ),
    );
    let i = import(&xml, &[]);
    let codes: Vec<(&str, &str, Option<&str>)> = i
        .codes
        .iter()
        .map(|c| (c.id.as_str(), c.label.as_str(), c.parent.as_deref()))
        .collect();
    assert_eq!(
        codes,
        [
            ("positive", "Positive", None),
            ("positive-trust", "trust", Some("positive")),
            ("negative", "Negative", None),
            ("negative-trust", "trust", Some("negative")),
        ]
    );
    assert_eq!(i.codes[0].colour.as_deref(), Some("#aabbcc"));
    assert_eq!(i.codes[1].description, "Trust, good");
    assert_eq!(
        spans(&i),
        [
            seg("trust", 2, 7, &["positive-trust"]),
            seg("trust", 15, 20, &["negative-trust"]),
        ]
    );
}

#[test]
fn without_cases_each_text_source_is_a_participant() {
    let xml = qde(
        "qc 1.3.2",
        &format!(
            "{USER}{}<Sources><TextSource guid=\"s1\" plainTextPath=\"First.txt\">{}</TextSource><TextSource guid=\"s2\" name=\"Second one\"><PlainTextContent>xyz</PlainTextContent>{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a", 0, 3, &[("c1", "u1")]),
            selection("b", 1, 2, &[("c1", "u1")]),
        ),
    );
    // QualCoder names the member in plainTextPath without internal://; the
    // case of the member differs.
    let i = import(&xml, &[("Sources/first.TXT", b"abc")]);
    let people: Vec<(&str, &str)> = i
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.alias.as_str()))
        .collect();
    assert_eq!(people, [("first", "First"), ("second-one", "Second one")]);
    let who: Vec<&str> = i.segments.iter().map(|s| s.participant.as_str()).collect();
    assert_eq!(who, ["first", "second-one"]);
    assert_eq!(
        spans(&i),
        [seg("abc", 0, 3, &["x"]), seg("y", 1, 2, &["x"])]
    );
    assert!(messages(&i)
        .iter()
        .any(|m| m
            .contains("has no cases, so each of its 2 text sources stands for one participant")));
}

#[test]
fn cases_with_variables_are_participants() {
    let xml = qde(
        "ATLAS.ti",
        &format!(
            "{USER}{}<Variables><Variable guid=\"v1\" name=\"age\" typeOfVariable=\"Integer\"/><Variable guid=\"v2\" name=\"site\" typeOfVariable=\"Text\"/></Variables><Cases><Case guid=\"k1\" name=\"Ann B\"><VariableValue><VariableRef targetGUID=\"v1\"/><IntegerValue>34</IntegerValue></VariableValue><VariableValue><VariableRef targetGUID=\"v2\"/><TextValue>North</TextValue></VariableValue><SourceRef targetGUID=\"s1\"/></Case></Cases><Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>hello</PlainTextContent>{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a", 0, 5, &[("c1", "u1")]),
        ),
    );
    let i = import(&xml, &[]);
    assert_eq!(i.participants.len(), 1);
    let p = &i.participants[0];
    assert_eq!((p.id.as_str(), p.alias.as_str()), ("ann-b", "Ann B"));
    assert_eq!(p.attributes["age"], "34");
    assert_eq!(p.attributes["site"], "North");
    assert_eq!(i.segments[0].participant, "ann-b");
    assert!(!messages(&i).iter().any(|m| m.contains("no cases")));
}

#[test]
fn pdf_selections_are_counted_and_left_out() {
    let xml = qde(
        "MAXQDA 24",
        &format!(
            "{USER}{}<Sources><PDFSource guid=\"p1\" name=\"Report\" path=\"internal://p1.pdf\"><PDFSelection guid=\"x1\" page=\"1\" firstX=\"0\" firstY=\"0\" secondX=\"1\" secondY=\"1\"/><PDFSelection guid=\"x2\" page=\"2\" firstX=\"0\" firstY=\"0\" secondX=\"1\" secondY=\"1\"/></PDFSource><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>hello</PlainTextContent>{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a", 0, 5, &[("c1", "u1")]),
        ),
    );
    let i = import(&xml, &[("sources/p1.pdf", b"%PDF-1.4")]);
    let kinds: Vec<(&str, &str)> = i
        .sources
        .iter()
        .map(|s| (s.id.as_str(), s.kind.as_str()))
        .collect();
    assert_eq!(kinds, [("report", "PDF"), ("int", "text")]);
    assert_eq!(spans(&i), [seg("hello", 0, 5, &["x"])]);
    assert!(
        messages(&i).iter().any(|m| m
            == "2 selections on 1 sources (1 PDF) are not text and were left out; the sources are listed"),
        "{:?}",
        messages(&i)
    );
}

#[test]
fn a_docx_beside_the_text_is_ignored() {
    let xml = qde(
        "NVivo for Mac 15.0.0",
        &format!(
            "{USER}{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\" richTextPath=\"internal://s1.docx\">{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a", 4, 8, &[("c1", "u1")]),
        ),
    );
    let i = import(
        &xml,
        &[
            ("sources/s1.docx", b"PK not this text"),
            ("sources/s1.txt", b"the text"),
        ],
    );
    assert_eq!(spans(&i), [seg("text", 4, 8, &["x"])]);
    assert!(messages(&i)
        .iter()
        .any(|m| m.starts_with("1 rich-text (.docx) copies")));
}

#[test]
fn two_coders_codings_are_kept_per_coder() {
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/><User guid=\"u2\" name=\"ben\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>one two three</PlainTextContent>{}{}{}</TextSource></Sources>",
            codebook(&[("c1", "x"), ("c2", "y")]),
            selection("a", 0, 3, &[("c1", "u1")]),
            selection("b", 0, 3, &[("c2", "u2"), ("c1", "u2")]),
            selection("c", 4, 7, &[("c2", "u1")]),
        ),
    );
    let i = import(&xml, &[]);
    assert_eq!(
        spans(&i),
        [seg("one", 0, 3, &["x", "y"]), seg("two", 4, 7, &["y"])]
    );
    let first: Vec<(&str, Vec<&str>)> = i.segments[0]
        .codings
        .iter()
        .map(|(k, v)| (k.as_str(), v.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(first, [("ann", vec!["x"]), ("ben", vec!["y", "x"])]);
    assert_eq!(i.segments[1].codings.len(), 1);
    assert_eq!(i.segments[1].codings["ann"], ["y"]);
}

#[test]
fn crlf_is_kept_in_the_text() {
    let xml = qde(
        "qc 1.3.2",
        &format!(
            "{USER}{}<Sources><TextSource guid=\"s1\" name=\"Int\" plainTextPath=\"internal://s1.txt\">{}{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a", 0, 18, &[("c1", "u1")]),
            selection("b", 10, 18, &[("c1", "u1")]),
        ),
    );
    let i = import(&xml, &[("sources/s1.txt", b"line one\r\nline two\r\n")]);
    assert_eq!(
        spans(&i),
        [
            seg("line one\r\nline two", 0, 18, &["x"]),
            seg("line two", 10, 18, &["x"]),
        ]
    );
}

#[test]
fn a_fixture_project_builds_and_check_reports_what_it_read() {
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "{USER}{}<Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>alpha beta gamma</PlainTextContent>{}{}</TextSource></Sources>",
            codebook(&[("c1", "one"), ("c2", "two")]),
            selection("a", 0, 5, &[("c1", "u1")]),
            selection("b", 0, 5, &[("c2", "u1")]),
        ),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        &qdpx(&xml, &[]),
        "{count}`segments[code=two]` of {count}`segments`.\n\n```{quote} a\n```",
    );
    std::fs::write(dir.path().join("content/data/notes.docx"), "x").expect("docx");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    assert!(page.contains("1 of 1."), "{page}");
    assert!(page.contains("alpha"), "{page}");
    let out = crate::common::findings(dir.path(), &["check"]);
    let err = crate::common::stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("note: read content/data/study.qdpx (written by NVivo 12.6): 1 sources (1 text), 1 coder (ann), 2 codes, 2 text selections with 2 codings, merged into 1 segments"), "{err}");
    assert!(err.contains("warning: content/data/notes.docx is not read: findings reads .json (JSON datasets), .qdpx (one REFI-QDA project), .qdc (one REFI-QDA codebook) and .csv, .xlsx (tables and coded-segment exports) in content/data/"), "{err}");
}

#[test]
fn hints_name_the_qdpx_and_a_shared_label_lists_its_codes() {
    // Two sources and no cases: two participants, one of them (Int 2)
    // with no coding. "programming" sits under Concepts and under Skills.
    let codes = "<CodeBook><Codes>\
        <Code guid=\"c1\" name=\"Concepts\" isCodable=\"true\"><Code guid=\"c2\" name=\"programming\" isCodable=\"true\"/></Code>\
        <Code guid=\"c3\" name=\"Skills\" isCodable=\"true\"><Code guid=\"c4\" name=\"programming\" isCodable=\"true\"/></Code>\
        </Codes></CodeBook>";
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "{USER}{codes}<Sources><TextSource guid=\"s1\" name=\"Int 1\"><PlainTextContent>alpha beta gamma</PlainTextContent>{}{}</TextSource><TextSource guid=\"s2\" name=\"Int 2\"><PlainTextContent>delta</PlainTextContent></TextSource></Sources>",
            selection("a", 0, 5, &[("c2", "u1")]),
            selection("b", 6, 10, &[("c4", "u1")]),
        ),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        &qdpx(&xml, &[]),
        "{count}`segments[code=programming]` and {count}`segments[code=zebra]`.",
    );
    let out = crate::common::findings(dir.path(), &["codes"]);
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}", crate::common::stderr(&out));
    assert!(
        listed.contains("concepts-programming  programming  concepts"),
        "{listed}"
    );
    assert!(
        listed.contains("skills-programming    programming  skills"),
        "{listed}"
    );

    let out = crate::common::findings(dir.path(), &["check"]);
    let err = crate::common::stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("error: {count}`segments[code=programming]`: `programming` names 2 codes: `concepts-programming` (Concepts › programming), `skills-programming` (Skills › programming)"), "{err}");
    assert!(
        err.contains("help: several codes have this label; write one of these ids"),
        "{err}"
    );
    assert!(
        err.contains("error: {count}`segments[code=zebra]`: unknown code `zebra`"),
        "{err}"
    );
    assert!(
        err.contains("help: run `findings codes` to list the codes of content/data/study.qdpx"),
        "{err}"
    );
    assert!(
        err.contains("remove them in your QDA tool and export content/data/study.qdpx again"),
        "{err}"
    );
    assert!(
        !err.contains("from participants.json") && !err.contains("codebook.json"),
        "{err}"
    );
    // Every coding is in Int 1: one participant, so thin evidence is off.
    assert_eq!(
        err.matches(
            "note: the thin-evidence lint is off: every coded segment comes from one participant"
        )
        .count(),
        1,
        "{err}"
    );
}
