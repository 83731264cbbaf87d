//! Document properties: the core properties (title, authors, language,
//! dates from the report's own date, never the clock) and the build
//! manifest as custom properties, so a reader of the file sees what it
//! was built from.

use crate::document::{text, Block, BuildFacts, Cell, Document, Row, Scope, Table, TableKind};

use super::package::{CP, DC, DCTERMS, VT, XSI};
use super::xml::Xml;

/// Dates a report without one gets: a constant, so builds stay identical.
const NO_DATE: &str = "2000-01-01T00:00:00Z";

/// `docProps/core.xml`.
pub fn core(doc: &Document) -> Vec<u8> {
    let f = &doc.front;
    let mut x = Xml::new();
    x.open(
        "cp:coreProperties",
        &[
            ("xmlns:cp", CP),
            ("xmlns:dc", DC),
            ("xmlns:dcterms", DCTERMS),
            ("xmlns:xsi", XSI),
        ],
    );
    x.element("dc:title", &[], &f.title_text);
    if !f.authors.is_empty() {
        x.element("dc:creator", &[], &f.authors.join("; "));
    }
    if !f.language.is_empty() {
        x.element("dc:language", &[], &f.language);
    }
    let date = f
        .date_iso
        .as_deref()
        .filter(|d| is_iso_date(d))
        .map_or_else(|| NO_DATE.to_string(), |d| format!("{d}T00:00:00Z"));
    for tag in ["dcterms:created", "dcterms:modified"] {
        x.element(tag, &[("xsi:type", "dcterms:W3CDTF")], &date);
    }
    x.close("cp:coreProperties");
    x.finish()
}

/// Whether `d` is `YYYY-MM-DD`.
fn is_iso_date(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            _ => c.is_ascii_digit(),
        })
}

/// `docProps/app.xml`.
pub fn app() -> Vec<u8> {
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
            ),
            ("xmlns:vt", VT),
        ],
    );
    x.element("Application", &[], "findings");
    x.close("Properties");
    x.finish()
}

/// `docProps/custom.xml`: the build's facts, or `None` when the document
/// has no manifest.
pub fn custom(doc: &Document) -> Option<Vec<u8>> {
    let facts = facts(doc)?;
    let [sources, participants, codes, segments] = &facts.counts;
    let mut props: Vec<(String, String)> = vec![
        ("findings version".into(), facts.version.clone()),
        ("input files".into(), facts.files.clone()),
        ("sources".into(), sources.clone()),
        ("participants".into(), participants.clone()),
        ("codes".into(), codes.clone()),
        ("coded segments".into(), segments.clone()),
    ];
    for i in &facts.inputs {
        props.push((
            format!("input {}", i.path),
            format!("sha256:{} bytes:{}", i.sha256, i.bytes),
        ));
    }
    let mut x = Xml::new();
    x.open(
        "Properties",
        &[
            (
                "xmlns",
                "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
            ),
            ("xmlns:vt", VT),
        ],
    );
    for (k, (name, value)) in props.iter().enumerate() {
        let pid = (k + 2).to_string();
        x.open(
            "property",
            &[
                ("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"),
                ("pid", &pid),
                ("name", name),
            ],
        );
        x.element("vt:lpwstr", &[], value);
        x.close("property");
    }
    x.close("Properties");
    Some(x.finish())
}

/// The build's facts, wherever the manifest sits.
fn facts(doc: &Document) -> Option<&BuildFacts> {
    let sections = doc.sections.iter().flat_map(|s| s.blocks.iter());
    let appendices = doc.appendices.iter().flat_map(|a| a.blocks.iter());
    sections.chain(appendices).find_map(|b| match b {
        Block::BuildManifest(f) => Some(f),
        _ => None,
    })
}

/// The input files as a table: path, bytes, SHA-256.
pub fn inputs_table(facts: &BuildFacts) -> Table {
    let mut t = Table::new(TableKind::Records);
    t.caption = Some(text("Input files and their SHA-256"));
    t.head.push(Row::new(
        ["File", "Bytes", "SHA-256"]
            .iter()
            .map(|h| Cell::header(Scope::Col, text(h)))
            .collect(),
    ));
    for i in &facts.inputs {
        t.body.push(Row::new(vec![
            Cell::header(
                Scope::Row,
                vec![crate::document::Inline::Code(i.path.clone())],
            ),
            Cell::number(text(&i.bytes)),
            Cell::data(vec![crate::document::Inline::Code(i.sha256.clone())]),
        ]));
    }
    t
}
