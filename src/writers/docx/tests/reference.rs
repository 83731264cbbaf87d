//! The reference document: its styles win, ours fill the gaps, its page
//! is used; a missing or broken one is an error naming the file.

use std::io::Write;

use zip::write::SimpleFileOptions;

use super::super::{write, Options};
use super::{fixture, part, unzip};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A minimal .docx whose Heading 1 is red Courier New on US Letter,
/// landscape, with 1-inch margins.
fn template(dir: &std::path::Path) -> std::path::PathBuf {
    let styles = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{W}"><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/><w:color w:val="FF0000"/></w:rPr></w:style></w:styles>"#
    );
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body><w:p/><w:sectPr><w:pgSz w:w="15840" w:h="12240" w:orient="landscape"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>"#
    );
    let path = dir.join("template.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    for (name, text) in [("word/styles.xml", styles), ("word/document.xml", document)] {
        zip.start_file(name, SimpleFileOptions::default())
            .expect("start");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.finish().expect("finish");
    path
}

#[test]
fn the_templates_styles_and_page_are_used() {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = Options {
        reference: Some(template(dir.path())),
        ..Options::default()
    };
    let parts = unzip(&write(&fixture::document(), &options).expect("written"));
    let styles = part(&parts, "word/styles.xml");
    assert_eq!(
        styles.matches("w:styleId=\"Heading1\"").count(),
        1,
        "{styles}"
    );
    assert!(styles.contains("<w:color w:val=\"FF0000\"/>"));
    assert!(
        styles.contains("w:styleId=\"Caption\""),
        "our Caption fills the gap"
    );
    let doc = part(&parts, "word/document.xml");
    assert!(doc.contains("<w:pgSz w:w=\"15840\" w:h=\"12240\" w:orient=\"landscape\"/>"));
    // The picture is as wide as the text: 15840 - 2 × 1440 twips = 9 in.
    assert!(
        doc.contains("<wp:extent cx=\"8229600\""),
        "9 in = 8229600 EMU"
    );
}

#[test]
fn a_missing_or_broken_template_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_zip = dir.path().join("notes.docx");
    std::fs::write(&not_zip, "plain text").expect("write");
    let no_styles = dir.path().join("empty.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&no_styles).expect("create"));
    zip.start_file("word/document.xml", SimpleFileOptions::default())
        .expect("start");
    zip.finish().expect("finish");
    let bad_xml = dir.path().join("bad.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&bad_xml).expect("create"));
    zip.start_file("word/styles.xml", SimpleFileOptions::default())
        .expect("start");
    zip.write_all(b"<w:styles xmlns:w=\"x\"><w:style>")
        .expect("write");
    zip.finish().expect("finish");
    let cases = [
        (dir.path().join("absent.docx"), "No such file"),
        (not_zip, "not a zip archive"),
        (no_styles, "has no word/styles.xml"),
        (bad_xml, "word/styles.xml"),
    ];
    for (path, why) in cases {
        let options = Options {
            reference: Some(path.clone()),
            ..Options::default()
        };
        let errors = write(&fixture::document(), &options).expect_err("an error");
        let d = &errors.0[0];
        assert_eq!(d.severity, crate::error::Severity::Error);
        assert!(
            d.message.contains(&path.display().to_string()) && d.message.contains(why),
            "{}",
            d.message
        );
        assert_eq!(d.location.as_ref().map(|l| l.file.clone()), Some(path));
        assert!(d.help.is_some());
    }
}
