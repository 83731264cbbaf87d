//! REFI-QDA codebook exchange files (`.qdc`): a `<CodeBook>` alone, as
//! plain XML (not zipped). The codes are read exactly as a project's
//! codebook is (same ids, labels, parents, colours, descriptions), so a
//! codebook exported from a QDA tool combines with segments kept in JSON
//! or CSV.

use std::path::Path;

use super::xml::{self, Element};
use super::{decode, mapping, project, sets, Doc};
use crate::error::{Diagnostic, Location};
use crate::model::records::{Code, Row};

/// A codebook read from a `.qdc`.
#[derive(Debug, Clone, Default)]
pub struct Codebook {
    /// The codes, parents first.
    pub codes: Vec<Code>,
    /// Its Sets as rows `{set, code, label}`.
    pub sets: Vec<Row>,
}

/// The registry entry: one `.qdc`, read after a project (whose codebook
/// it would clash with) and before the tables that use its codes.
pub const FORMAT: crate::load::formats::Format = crate::load::formats::Format {
    name: "REFI-QDA codebook",
    extensions: &["qdc"],
    single: true,
    rank: |_| 3,
    sniff: |b| {
        let head = &b[..b.len().min(4096)];
        crate::load::formats::starts_with_text(head, "<")
            && head.windows(9).any(|w| w == b"<CodeBook")
    },
    read: |input| {
        let mut loaded = crate::load::formats::Loaded::default();
        match read(input.rel, input.bytes) {
            Ok(book) => {
                loaded.report.push(Diagnostic::note(format!(
                    "read {}: {} codes",
                    input.rel.display(),
                    book.codes.len()
                )));
                let rel = input.rel;
                loaded.data.codebook =
                    Some(crate::model::input::DataFile::unlocated(rel, book.codes));
                if !book.sets.is_empty() {
                    loaded.data.tables.insert(
                        super::SETS_TABLE.to_string(),
                        crate::model::input::DataFile::unlocated(rel, book.sets),
                    );
                }
            }
            Err(d) => loaded.report.push(d),
        }
        loaded
    },
};

/// Reads the `.qdc` whose bytes are `bytes`; `rel` is its path as shown.
pub fn read(rel: &Path, bytes: &[u8]) -> Result<Codebook, Diagnostic> {
    let text = decode::text(bytes).map_err(|bad| {
        let before = String::from_utf8_lossy(bytes.get(..bad.byte).unwrap_or(bytes)).into_owned();
        Diagnostic::error(format!(
            "the file is not valid {} (byte {})",
            bad.encoding, bad.byte
        ))
        .at(Location::in_text(rel, &before, before.len(), 1))
        .help("a .qdc is XML in UTF-8: export the codebook again")
    })?;
    let doc = Doc {
        path: rel.to_path_buf(),
        xml: text,
    };
    let root = xml::parse(&doc.xml).map_err(|e| {
        Diagnostic::error(format!("the file is not well-formed XML: {}", e.message))
            .at(doc.at(e.pos, 1))
            .help(e.help)
    })?;
    if root.name != "CodeBook" {
        return Err(Diagnostic::error(format!(
            "the file holds a `{}`, not a QDA-XML `CodeBook`",
            root.name
        ))
        .at(doc.at(root.pos, 1))
        .help("export the codebook again as a REFI-QDA codebook (.qdc)"));
    }
    // A project holds its codebook, and its sets, one level down: read the
    // codebook as the project it would be part of.
    let mut book = root;
    let sets_at = book.children.iter().position(|c| c.name == "Sets");
    let mut wrapper = Element {
        name: "Project".into(),
        ..Element::default()
    };
    if let Some(i) = sets_at {
        wrapper.children.push(book.children.remove(i));
    }
    wrapper.children.push(book);
    let qde = project::read(&wrapper);
    let codebook = mapping::codebook(&qde);
    let sets = sets(&qde, &codebook);
    Ok(Codebook {
        codes: codebook.codes,
        sets,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_codebook_alone() {
        let xml = "<?xml version=\"1.0\"?>\n<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\" origin=\"MAXQDA\"><Codes><Code guid=\"a\" name=\"Trust\" isCodable=\"true\" color=\"#FF0000\"><Description>Faith in others</Description><Code guid=\"b\" name=\"Institutions\" isCodable=\"true\"/></Code></Codes><Sets><Set guid=\"s\" name=\"Core\"><MemberCode targetGUID=\"b\"/></Set></Sets></CodeBook>";
        let book = read(Path::new("content/data/codes.qdc"), xml.as_bytes()).expect("reads");
        let codes: Vec<(&str, &str, Option<&str>)> = book
            .codes
            .iter()
            .map(|c| (c.id.as_str(), c.label.as_str(), c.parent.as_deref()))
            .collect();
        assert_eq!(
            codes,
            [
                ("trust", "Trust", None),
                ("institutions", "Institutions", Some("trust"))
            ]
        );
        assert_eq!(book.codes[0].description, "Faith in others");
        assert_eq!(book.codes[0].colour.as_deref(), Some("#ff0000"));
        assert_eq!(book.sets.len(), 1);
        assert_eq!(book.sets[0]["code"], "institutions");
    }

    #[test]
    fn refuses_what_is_not_a_codebook() {
        let e = read(Path::new("x.qdc"), b"<Project/>").unwrap_err();
        assert!(
            e.message.contains("not a QDA-XML `CodeBook`"),
            "{}",
            e.message
        );
        let e = read(Path::new("x.qdc"), b"<!DOCTYPE x><CodeBook/>").unwrap_err();
        assert!(e.message.contains("DOCTYPE"), "{}", e.message);
    }
}
