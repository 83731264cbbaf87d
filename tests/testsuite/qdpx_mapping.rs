//! A `.qdpx` without Cases, with participants given beside it: a
//! participant whose `source` attribute names a source gets its
//! segments; a `.qdc` codebook combines with CSV segments.

use std::fs;

use crate::qdpx_support::{codebook, project, qde, qdpx, selection};

#[test]
fn participants_json_beside_a_qdpx_claims_sources() {
    let xml = qde(
        "qc 1.3.2",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Interview 1\"><PlainTextContent>one two</PlainTextContent>{}{}</TextSource><TextSource guid=\"s2\" name=\"Interview 2\"><PlainTextContent>three</PlainTextContent>{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a", 0, 3, &[("c1", "u1")]),
            selection("b", 4, 7, &[("c1", "u1")]),
            selection("c", 0, 5, &[("c1", "u1")]),
        ),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        &qdpx(&xml, &[]),
        "N={count}`segments[persona=nurse]` D={count}`segments[persona=doctor]` P={count}`participants`\n\n```{quote} c\n```",
    );
    fs::write(
        dir.path().join("content/data/participants.json"),
        r#"[{"id": "p1", "alias": "Ann", "persona": "nurse", "attributes": {"source": "Interview 1"}},
            {"id": "p2", "alias": "Bob", "persona": "doctor", "attributes": {"source": "interview-2"}}]"#,
    )
    .expect("participants");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    // Interview 1 (two segments) is Ann's by title, Interview 2 Bob's by id.
    assert!(page.contains("N=2 D=1 P=2"), "{page}");
    assert!(page.contains("— Bob"), "{page}");
    let err = crate::common::stderr(&crate::common::findings(dir.path(), &["check"]));
    assert!(
        err.contains("note: participants come from content/data/participants.json; 3 segments were matched to them by their source"),
        "{err}"
    );
}

#[test]
fn a_qdc_codebook_combines_with_csv_segments() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("content/data");
    fs::create_dir_all(&data).expect("data");
    fs::create_dir_all(dir.path().join("content/sections")).expect("sections");
    fs::write(dir.path().join("content/report.toml"), "title = \"Q\"\n").expect("config");
    fs::write(
        dir.path().join("content/sections/a.md"),
        "+++\ntitle = \"A\"\n+++\n\nT={count}`segments[code=trust]` I={count}`segments[code=institutions]`\n",
    )
    .expect("section");
    fs::write(
        data.join("codes.qdc"),
        "<?xml version=\"1.0\"?><CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes><Code guid=\"a\" name=\"Trust\" isCodable=\"true\"><Code guid=\"b\" name=\"Institutions\" isCodable=\"true\"/></Code><Code guid=\"c\" name=\"Fear\" isCodable=\"true\"/></Codes></CodeBook>",
    )
    .expect("qdc");
    fs::write(data.join("participants.csv"), "id,name\np1,Pat\n").expect("participants");
    fs::write(
        data.join("segments.csv"),
        "id,participant,text,codes\ns1,p1,Courts are fine.,institutions\ns2,p1,I trust people.,trust;fear\ns3,p1,Scary.,fear\n",
    )
    .expect("segments");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    assert!(page.contains("T=2 I=1"), "{page}");
}

#[test]
fn json_segments_may_give_codes_per_coder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().join("content/data");
    fs::create_dir_all(&data).expect("data");
    fs::create_dir_all(dir.path().join("content/sections")).expect("sections");
    fs::write(dir.path().join("content/report.toml"), "title = \"J\"\n").expect("config");
    fs::write(
        dir.path().join("content/sections/a.md"),
        "+++\ntitle = \"A\"\n+++\n\nT={count}`segments[code=trust]` F={count}`segments[code=fear]` H={count}`segments[code=hope]`\n",
    )
    .expect("section");
    fs::write(
        data.join("participants.json"),
        r#"[{"id": "p1", "alias": "Pat"}]"#,
    )
    .expect("p");
    fs::write(
        data.join("codebook.json"),
        r#"[{"id": "trust", "label": "Trust"}, {"id": "fear", "label": "Fear"}, {"id": "hope", "label": "Hope"}]"#,
    )
    .expect("codebook");
    // s1 has codes only per coder; s2 both; s3 only `codes`.
    fs::write(
        data.join("segments.json"),
        r#"[{"id": "s1", "participant": "p1", "text": "a", "codings": {"ann": ["trust", "fear"], "ben": ["trust"]}},
            {"id": "s2", "participant": "p1", "text": "b", "codes": ["hope"], "codings": {"ben": ["fear"]}},
            {"id": "s3", "participant": "p1", "text": "c", "codes": ["trust"], "start": 4, "end": 5}]"#,
    )
    .expect("segments");
    let page = crate::common::text(&crate::common::build_ok(dir.path()));
    assert!(page.contains("T=2 F=2 H=1"), "{page}");
}

#[test]
fn notes_become_descriptions_and_a_case_can_claim_one_selection() {
    let xml = qde(
        "ATLAS.ti 24",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users><CodeBook><Codes><Code guid=\"c1\" name=\"x\" isCodable=\"true\"><Description>Defined.</Description><NoteRef targetGUID=\"n1\"/></Code></Codes></CodeBook><Cases><Case guid=\"k1\" name=\"Whole\"><SourceRef targetGUID=\"s1\"/></Case><Case guid=\"k2\" name=\"Guest\"><SourceRef targetGUID=\"b\"/></Case></Cases><Sources><TextSource guid=\"s1\" name=\"Group talk\"><Description>Focus group.</Description><NoteRef targetGUID=\"n2\"/><PlainTextContent>host speaks guest speaks</PlainTextContent>{}{}</TextSource></Sources><Notes><Note guid=\"n1\" name=\"memo\"><PlainTextContent>A memo on x.</PlainTextContent></Note><Note guid=\"n2\"><PlainTextContent>Recorded in May.</PlainTextContent></Note><Note guid=\"n3\"><PlainTextContent>Loose.</PlainTextContent></Note></Notes>",
            selection("a", 0, 11, &[("c1", "u1")]),
            selection("b", 12, 24, &[("c1", "u1")]),
        ),
    );
    let i = findings::load::qdpx::read(std::path::Path::new("s.qdpx"), &qdpx(&xml, &[]))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(i.codes[0].description, "Defined.\n\nA memo on x.");
    assert_eq!(i.sources[0].description, "Focus group.\n\nRecorded in May.");
    let who: Vec<(&str, &str)> = i
        .segments
        .iter()
        .map(|s| (s.text.as_str(), s.participant.as_str()))
        .collect();
    assert_eq!(who, [("host speaks", "whole"), ("guest speaks", "guest")]);
    let messages: Vec<&str> = i.report.0.iter().map(|d| d.message.as_str()).collect();
    assert!(
        messages.contains(&"1 notes (memos) are attached to no code or source and were left out"),
        "{messages:?}"
    );
}
