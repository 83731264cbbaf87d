//! Reports over hand-made `.qdpx` studies: agreement where two users code
//! the same text (one passage both coded alike, whose selections merge
//! into one segment, and one where their spans differ), and code sets in
//! `:codes:`. Expected figures worked out by hand in the comments, by the
//! rules of docs/format.md.

use crate::qdpx_support::{codebook, project, qde, qdpx, selection};

fn row(html: &str, caption: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let table = scraper::Selector::parse("table.agreement").expect("selector");
    let cells = scraper::Selector::parse("tbody tr td").expect("selector");
    doc.select(&table)
        .find(|t| t.text().collect::<String>().contains(caption))
        .expect("table")
        .select(&cells)
        .map(|c| {
            c.text()
                .collect::<String>()
                .trim_end_matches('*')
                .to_string()
        })
        .collect()
}

#[test]
fn segment_and_character_agreement_of_a_two_user_export() {
    // "aaaa bbbb cccc dddd": ann codes x on 0..4 and 5..9, ben on 0..4
    // and 5..14.
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/><User guid=\"u2\" name=\"ben\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>aaaa bbbb cccc dddd</PlainTextContent>{}{}{}{}</TextSource></Sources>",
            codebook(&[("c1", "x")]),
            selection("a1", 0, 4, &[("c1", "u1")]),
            selection("b1", 0, 4, &[("c1", "u2")]),
            selection("a2", 5, 9, &[("c1", "u1")]),
            selection("b2", 5, 14, &[("c1", "u2")]),
        ),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        &qdpx(&xml, &[]),
        "```{agreement} segments\n:caption: By segment\n```\n\n```{agreement} segments\n:unit: character\n:caption: By character\n```",
    );
    let html = crate::common::build_ok(dir.path());
    // Segments: [0,4) both (1,1); [5,9) ann only (1,0); [5,14) ben only
    // (0,1): agreement 1/3. κ: p_o 1/3, p_e 2/3·2/3 + 1/3·1/3 = 5/9,
    // κ = (1/3 − 5/9)/(4/9) = −0.5. α: n 6, o11 2, o10 = o01 2, n1 4,
    // n0 2: D_o 4/6, D_e 2·4·2/30, α = 1 − (4/6)/(16/30) = −0.25.
    assert_eq!(row(&html, "By segment"), ["3", "33.3%", "-0.500", "-0.250"]);
    // Characters: (1,1) ×8, (0,0) ×6, (0,1) ×5 of 19: agreement 14/19.
    // κ: p_e = 8/19·13/19 + 11/19·6/19 = 170/361, κ = 96/191 = 0.503.
    // α: n 38, o11 16, o00 12, o01 = o10 5, n1 21, n0 17:
    // α = 1 − (10/38)/(2·21·17/(38·37)) = 0.482.
    assert_eq!(
        row(&html, "By character"),
        ["19", "73.7%", "0.503", "0.482"]
    );
}

#[test]
fn a_code_set_stands_for_its_codes_in_codes() {
    let xml = qde(
        "NVivo 12.6",
        &format!(
            "<Users><User guid=\"u1\" name=\"ann\"/></Users>{}<Sources><TextSource guid=\"s1\" name=\"Int\"><PlainTextContent>one two three</PlainTextContent>{}{}{}</TextSource></Sources><Sets><Set guid=\"st\" name=\"Core\"><MemberCode targetGUID=\"c3\"/><MemberCode targetGUID=\"c1\"/></Set></Sets>",
            codebook(&[("c1", "x"), ("c2", "y"), ("c3", "z")]),
            selection("a", 0, 3, &[("c1", "u1")]),
            selection("b", 4, 7, &[("c2", "u1"), ("c3", "u1")]),
            selection("c", 8, 13, &[("c3", "u1")]),
        ),
    );
    let dir = tempfile::tempdir().expect("temp dir");
    project(
        dir.path(),
        &qdpx(&xml, &[]),
        "```{chart} bar\n:data: segments\n:by: code\n:codes: Core, y\n:title: Set\n```",
    );
    let html = crate::common::build_ok(dir.path());
    let doc = scraper::Html::parse_document(&html);
    let rows = scraper::Selector::parse("table.chart-data tbody tr").expect("selector");
    let got: Vec<String> = doc
        .select(&rows)
        .map(|r| r.text().collect::<Vec<_>>().join(" "))
        .collect();
    // The set's codes in its order (z, x), then y; z on two of three segments.
    assert_eq!(got, ["z 2 66.7%", "x 1 33.3%", "y 1 33.3%"]);
}
