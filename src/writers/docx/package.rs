//! The package: the parts of a .docx, their content types and
//! relationships, zipped with fixed timestamps and permissions in a fixed
//! order, so the same document always gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::ctx::Media;
use super::xml::Xml;

/// WordprocessingML.
pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
/// Relationships inside a part.
pub const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// DrawingML placement in a Word document.
pub const WP: &str = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
/// Core properties.
pub const CP: &str = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
/// Dublin Core.
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
/// Dublin Core terms.
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
/// XML Schema instance.
pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";
/// Variant types of custom properties.
pub const VT: &str = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes";

const PKG_RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Every part of a .docx the writer makes.
pub struct Parts {
    /// `word/document.xml`.
    pub document: Vec<u8>,
    /// `word/styles.xml`.
    pub styles: Vec<u8>,
    /// `word/numbering.xml`.
    pub numbering: Vec<u8>,
    /// `docProps/core.xml`.
    pub core: Vec<u8>,
    /// `docProps/app.xml`.
    pub app: Vec<u8>,
    /// `docProps/custom.xml`, when the report has a build manifest.
    pub custom: Option<Vec<u8>>,
    /// Pictures under `word/media/`.
    pub media: Vec<Media>,
    /// External link targets.
    pub links: Vec<String>,
}

/// The zipped package.
pub fn zip(parts: &Parts) -> Result<Vec<u8>, String> {
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types(parts)),
        ("_rels/.rels".into(), package_rels(parts.custom.is_some())),
        ("word/document.xml".into(), parts.document.clone()),
        ("word/_rels/document.xml.rels".into(), document_rels(parts)),
        ("word/styles.xml".into(), parts.styles.clone()),
        ("word/numbering.xml".into(), parts.numbering.clone()),
        ("word/settings.xml".into(), settings()),
        ("docProps/core.xml".into(), parts.core.clone()),
        ("docProps/app.xml".into(), parts.app.clone()),
    ];
    if let Some(custom) = &parts.custom {
        files.push(("docProps/custom.xml".into(), custom.clone()));
    }
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .unix_permissions(0o644);
    // Pictures are compressed already.
    let stored = options.compression_method(CompressionMethod::Stored);
    let media = parts
        .media
        .iter()
        .map(|m| (format!("word/media/{}", m.name), &m.bytes, stored));
    let xml = files.iter().map(|(n, b)| (n.clone(), b, options));
    for (name, bytes, opts) in xml.chain(media) {
        zip.start_file(name, opts).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    let cursor = zip.finish().map_err(|e| e.to_string())?;
    Ok(cursor.into_inner())
}

fn content_types(parts: &Parts) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("Types", &[("xmlns", CT)]);
    let rels = "application/vnd.openxmlformats-package.relationships+xml";
    x.empty("Default", &[("Extension", "rels"), ("ContentType", rels)]);
    x.empty(
        "Default",
        &[("Extension", "xml"), ("ContentType", "application/xml")],
    );
    x.empty(
        "Default",
        &[("Extension", "png"), ("ContentType", "image/png")],
    );
    x.empty(
        "Default",
        &[("Extension", "jpeg"), ("ContentType", "image/jpeg")],
    );
    let overrides = [
        ("/word/document.xml", format!("{WML}.document.main+xml")),
        ("/word/styles.xml", format!("{WML}.styles+xml")),
        ("/word/numbering.xml", format!("{WML}.numbering+xml")),
        ("/word/settings.xml", format!("{WML}.settings+xml")),
        (
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml".into(),
        ),
        (
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml".into(),
        ),
    ];
    for (part, kind) in &overrides {
        x.empty("Override", &[("PartName", part), ("ContentType", kind)]);
    }
    if parts.custom.is_some() {
        let kind = "application/vnd.openxmlformats-officedocument.custom-properties+xml";
        x.empty(
            "Override",
            &[("PartName", "/docProps/custom.xml"), ("ContentType", kind)],
        );
    }
    x.close("Types");
    x.finish()
}

fn package_rels(custom: bool) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", PKG_RELS)]);
    let mut rels = vec![
        (
            "rId1",
            format!("{OFFICE_RELS}/officeDocument"),
            "word/document.xml",
        ),
        (
            "rId2",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                .into(),
            "docProps/core.xml",
        ),
        (
            "rId3",
            format!("{OFFICE_RELS}/extended-properties"),
            "docProps/app.xml",
        ),
    ];
    if custom {
        rels.push((
            "rId4",
            format!("{OFFICE_RELS}/custom-properties"),
            "docProps/custom.xml",
        ));
    }
    for (id, kind, target) in &rels {
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", kind), ("Target", target)],
        );
    }
    x.close("Relationships");
    x.finish()
}

fn document_rels(parts: &Parts) -> Vec<u8> {
    let mut x = Xml::new();
    x.open("Relationships", &[("xmlns", PKG_RELS)]);
    for (id, kind, target) in [
        ("rIdStyles", "styles", "styles.xml"),
        ("rIdNumbering", "numbering", "numbering.xml"),
        ("rIdSettings", "settings", "settings.xml"),
    ] {
        let kind = format!("{OFFICE_RELS}/{kind}");
        x.empty(
            "Relationship",
            &[("Id", id), ("Type", &kind), ("Target", target)],
        );
    }
    let image = format!("{OFFICE_RELS}/image");
    for (k, m) in parts.media.iter().enumerate() {
        let (id, target) = (format!("rIdImg{}", k + 1), format!("media/{}", m.name));
        x.empty(
            "Relationship",
            &[("Id", &id), ("Type", &image), ("Target", &target)],
        );
    }
    let link = format!("{OFFICE_RELS}/hyperlink");
    for (k, url) in parts.links.iter().enumerate() {
        let id = format!("rIdLink{}", k + 1);
        let attrs = [
            ("Id", id.as_str()),
            ("Type", &link),
            ("Target", url),
            ("TargetMode", "External"),
        ];
        x.empty("Relationship", &attrs);
    }
    x.close("Relationships");
    x.finish()
}

fn settings() -> Vec<u8> {
    let mut x = Xml::new();
    x.open("w:settings", &[("xmlns:w", W)]);
    x.empty("w:defaultTabStop", &[("w:val", "720")]);
    x.empty("w:characterSpacingControl", &[("w:val", "doNotCompress")]);
    x.open("w:compat", &[]);
    let uri = "http://schemas.microsoft.com/office/word";
    let attrs = [
        ("w:name", "compatibilityMode"),
        ("w:uri", uri),
        ("w:val", "15"),
    ];
    x.empty("w:compatSetting", &attrs);
    x.close("w:compat");
    x.close("w:settings");
    x.finish()
}
