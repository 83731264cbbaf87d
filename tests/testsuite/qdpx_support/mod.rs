//! Builders for hand-made `.qdpx` fixtures: a zip written with the zip
//! crate's writer (not the reader under test) and a project around it.

#![allow(dead_code)]

use std::fs;
use std::io::{Cursor, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// A zip archive holding `members` (name, bytes), deflated.
pub fn archive(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, bytes) in members {
        zip.start_file(*name, options).expect("start member");
        zip.write_all(bytes).expect("write member");
    }
    zip.finish().expect("finish zip").into_inner()
}

/// A `project.qde` with `body` inside `<Project>`, written by `origin`.
pub fn qde(origin: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Fixture study\" origin=\"{origin}\">\n{body}\n</Project>\n"
    )
}

/// A `.qdpx` with `project.qde` = `xml` and the sources `texts`.
pub fn qdpx(xml: &str, texts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut members: Vec<(&str, &[u8])> = vec![("project.qde", xml.as_bytes())];
    members.extend_from_slice(texts);
    archive(&members)
}

/// A project in `dir` whose only data is `content/data/study.qdpx` and
/// whose one section says `body`.
pub fn project(dir: &Path, study: &[u8], body: &str) {
    fs::create_dir_all(dir.join("content/data")).expect("data dir");
    fs::create_dir_all(dir.join("content/sections")).expect("sections dir");
    fs::write(dir.join("content/report.toml"), "title = \"Fixture\"\n").expect("config");
    fs::write(
        dir.join("content/sections/01-a.md"),
        format!("+++\ntitle = \"A\"\n+++\n\n{body}\n"),
    )
    .expect("section");
    fs::write(dir.join("content/data/study.qdpx"), study).expect("study");
}

/// One code per `(guid, name)`, at the top level.
pub fn codebook(codes: &[(&str, &str)]) -> String {
    let mut out = String::from("<CodeBook><Codes>");
    for (guid, name) in codes {
        out.push_str(&format!(
            "<Code guid=\"{guid}\" name=\"{name}\" isCodable=\"true\"/>"
        ));
    }
    out.push_str("</Codes></CodeBook>");
    out
}

/// A selection `guid` of `start..end` coded with `codes` (code GUID, user GUID).
pub fn selection(guid: &str, start: u64, end: u64, codes: &[(&str, &str)]) -> String {
    let mut out = format!(
        "<PlainTextSelection guid=\"{guid}\" startPosition=\"{start}\" endPosition=\"{end}\">"
    );
    for (i, (code, user)) in codes.iter().enumerate() {
        out.push_str(&format!(
            "<Coding guid=\"{guid}-c{i}\" creatingUser=\"{user}\"><CodeRef targetGUID=\"{code}\"/></Coding>"
        ));
    }
    out.push_str("</PlainTextSelection>");
    out
}
