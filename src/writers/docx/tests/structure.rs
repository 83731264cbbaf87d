//! The package's structure: well-formed parts, content types and
//! relationships that agree, pictures with alternative text at print
//! resolution, SEQ captions, repeating header rows, right-to-left marks.

use std::collections::BTreeMap;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::fixture::SUMMARY;
use super::{part, unzip, written};

/// Every element of an XML part with its attributes, in order; panics on
/// XML that is not well-formed.
fn elements(xml: &str) -> Vec<(String, BTreeMap<String, String>)> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Eof => break,
            Event::Start(s) | Event::Empty(s) => {
                let attrs = s
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        (
                            a.key.as_ref().to_string(),
                            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .expect("value")
                                .into_owned(),
                        )
                    })
                    .collect();
                out.push((s.name().as_ref().to_string(), attrs));
            }
            _ => {}
        }
    }
    out
}

#[test]
fn every_xml_part_is_well_formed() {
    let parts = unzip(&written());
    for (name, bytes) in &parts {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let text = std::str::from_utf8(bytes).expect("utf-8");
            assert!(!elements(text).is_empty(), "{name}");
        }
    }
    assert!(parts
        .keys()
        .next()
        .is_some_and(|k| k == "[Content_Types].xml"));
}

#[test]
fn content_types_and_relationships_agree_with_the_parts() {
    let parts = unzip(&written());
    let types = elements(&part(&parts, "[Content_Types].xml"));
    let defaults: Vec<&str> = types
        .iter()
        .filter(|(n, _)| n == "Default")
        .map(|(_, a)| a["Extension"].as_str())
        .collect();
    let overrides: Vec<&str> = types
        .iter()
        .filter(|(n, _)| n == "Override")
        .map(|(_, a)| a["PartName"].as_str())
        .collect();
    for name in parts.keys().filter(|n| *n != "[Content_Types].xml") {
        let ext = name.rsplit('.').next().expect("extension");
        assert!(
            overrides.contains(&format!("/{name}").as_str()) || defaults.contains(&ext),
            "no content type for {name}"
        );
    }
    for o in &overrides {
        assert!(
            parts.contains_key(&o[1..]),
            "override of a missing part {o}"
        );
    }
    for (rels, base) in [
        ("_rels/.rels", ""),
        ("word/_rels/document.xml.rels", "word/"),
    ] {
        for (_, a) in elements(&part(&parts, rels))
            .iter()
            .filter(|(n, _)| n == "Relationship")
        {
            if a.get("TargetMode").is_some_and(|m| m == "External") {
                continue;
            }
            let target = format!("{base}{}", a["Target"]);
            assert!(
                parts.contains_key(&target),
                "{rels}: missing target {target}"
            );
        }
    }
    // Every r:id and r:embed of the document has its relationship.
    let ids: Vec<String> = elements(&part(&parts, "word/_rels/document.xml.rels"))
        .into_iter()
        .filter_map(|(_, a)| a.get("Id").cloned())
        .collect();
    for (_, a) in elements(&part(&parts, "word/document.xml")) {
        for key in ["r:id", "r:embed"] {
            if let Some(id) = a.get(key) {
                assert!(ids.contains(id), "no relationship {id}");
            }
        }
    }
}

#[test]
fn every_picture_has_its_summary_as_alternative_text_at_300_dpi() {
    let parts = unzip(&written());
    let doc = elements(&part(&parts, "word/document.xml"));
    let pictures: Vec<_> = doc.iter().filter(|(n, _)| n == "wp:docPr").collect();
    assert_eq!(pictures.len(), 1);
    for (_, a) in &pictures {
        assert_eq!(a["descr"], SUMMARY);
    }
    let extent = doc.iter().find(|(n, _)| n == "wp:extent").expect("extent");
    let inches = extent.1["cx"].parse::<f64>().expect("cx") / 914_400.0;
    let png = &parts["word/media/image1.png"];
    assert_eq!(&png[1..4], b"PNG");
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert!(
        f64::from(width) / inches >= 299.5,
        "{width} px over {inches} in"
    );
}

#[test]
fn captions_are_seq_fields_with_the_reports_numbers() {
    let doc = part(&unzip(&written()), "word/document.xml");
    let figure = "<w:instrText xml:space=\"preserve\"> SEQ Figure \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\">1</w:t>";
    assert!(doc.contains(figure), "no SEQ Figure field showing 1");
    let table = "<w:instrText xml:space=\"preserve\"> SEQ Table \\* ARABIC </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t xml:space=\"preserve\">1</w:t>";
    assert!(doc.contains(table), "no SEQ Table field showing 1");
    assert!(doc.contains(" TOC \\o &quot;1-3&quot; \\h \\z \\u "));
    assert!(doc.contains("<w:pStyle w:val=\"Subtitle\"/></w:pPr><w:r><w:t xml:space=\"preserve\">Community reactions</w:t>"));
}

#[test]
fn links_reach_bookmarks_and_tables_repeat_their_header() {
    let doc = elements(&part(&unzip(&written()), "word/document.xml"));
    let marks: Vec<&str> = doc
        .iter()
        .filter(|(n, _)| n == "w:bookmarkStart")
        .map(|(_, a)| a["w:name"].as_str())
        .collect();
    let anchors: Vec<&str> = doc
        .iter()
        .filter(|(n, _)| n == "w:hyperlink")
        .filter_map(|(_, a)| a.get("w:anchor").map(String::as_str))
        .collect();
    for a in &anchors {
        assert!(marks.contains(a), "link to a missing bookmark {a}");
    }
    for wanted in [
        "intro",
        "intro_method_",
        "fig_sentiment_",
        "q_hu_",
        "ref_braun_",
    ] {
        assert!(
            anchors.iter().any(|a| a.starts_with(wanted)),
            "no link to {wanted}"
        );
    }
    assert!(doc.iter().filter(|(n, _)| n == "w:tblHeader").count() >= 3);
    assert!(doc.iter().any(|(n, _)| n == "w:smallCaps"));
    assert!(doc.iter().any(|(n, _)| n == "w:bidi"));
    assert!(doc.iter().any(|(n, _)| n == "w:rtl"));
}

#[test]
fn properties_carry_title_authors_language_date_and_manifest() {
    let parts = unzip(&written());
    let core = part(&parts, "docProps/core.xml");
    for wanted in [
        "<dc:title>Wörd öutput: a study</dc:title>",
        "<dc:creator>Ana Kovács; Omar Ali</dc:creator>",
        "<dc:language>en</dc:language>",
        ">2025-11-20T00:00:00Z</dcterms:created>",
    ] {
        assert!(core.contains(wanted), "{wanted} not in {core}");
    }
    let custom = part(&parts, "docProps/custom.xml");
    assert!(
        custom.contains("name=\"coded segments\"><vt:lpwstr>88</vt:lpwstr>"),
        "{custom}"
    );
    assert!(
        custom.contains("name=\"input content/data/segments.json\"><vt:lpwstr>sha256:abab"),
        "{custom}"
    );
}
