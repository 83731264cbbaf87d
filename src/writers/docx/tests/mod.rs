//! Tests of the Word writer on a hand-made document. Expected values are
//! written out here (or read with independent tools: quick-xml's reader,
//! the zip reader, pandoc), never computed by the writer's own code.

mod fixture;
mod readback;
mod reference;
mod structure;

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use super::{write, write_with_warnings, Options};

/// Every entry of the zip `bytes`, by name.
pub fn unzip(bytes: &[u8]) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = BTreeMap::new();
    for k in 0..zip.len() {
        let mut entry = zip.by_index(k).expect("entry");
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("read");
        out.insert(entry.name().expect("name").to_string(), data);
    }
    out
}

/// The fixture written with default options.
pub fn written() -> Vec<u8> {
    write(&fixture::document(), &Options::default()).expect("written")
}

/// A part as text.
pub fn part(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        parts
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .expect("utf-8")
}

#[test]
fn two_writes_are_byte_identical() {
    assert_eq!(written(), written());
}

#[test]
fn characters_xml_forbids_are_dropped_with_a_warning_naming_the_section() {
    let (bytes, warnings) =
        write_with_warnings(&fixture::document(), &Options::default()).expect("written");
    assert_eq!(warnings.0.len(), 1, "{warnings:?}");
    let w = &warnings.0[0];
    assert_eq!(w.severity, crate::error::Severity::Warning);
    assert!(
        w.message.contains("1 character(s)") && w.message.contains("section `intro`"),
        "{}",
        w.message
    );
    let doc = part(&unzip(&bytes), "word/document.xml");
    assert!(!doc.contains('\u{1}'));
    assert!(
        doc.contains("&amp;c=2")
            || part(&unzip(&bytes), "word/_rels/document.xml.rels").contains("&amp;c=2")
    );
}

#[test]
fn an_id_met_twice_gets_two_bookmark_names() {
    use crate::document::{text, Block, Inline};
    let mut doc = fixture::document();
    let target = || Inline::Target {
        id: "intro".into(),
        content: text("x"),
    };
    doc.sections[0]
        .blocks
        .push(Block::Paragraph(vec![target(), target()]));
    let doc = part(
        &unzip(&write(&doc, &Options::default()).expect("written")),
        "word/document.xml",
    );
    let names: Vec<&str> = doc
        .split("w:name=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    let unique: std::collections::BTreeSet<&&str> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "{names:?}");
    // The section's heading and the two targets: "intro" and two others.
    let intro = names
        .iter()
        .filter(|n| n.starts_with("intro") && !n.starts_with("intro_method"))
        .count();
    assert_eq!(intro, 3, "{names:?}");
}
