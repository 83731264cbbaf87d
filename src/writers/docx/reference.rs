//! The reference document (`[docx] reference`): its styles and its page
//! size and margins, as pandoc's `--reference-doc` takes them. The file
//! is the user's but may come from anywhere, so the read is bounded: the
//! file's size, the zip's entry count, each part's unpacked size and the
//! XML events parsed.

use std::io::{Cursor, Read};
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::error::{Diagnostic, Location};

use super::ctx::Page;
use super::styles::Template;

/// Largest reference document read.
const MAX_FILE: u64 = 64 << 20;
/// Most zip entries a reference document may have.
const MAX_ENTRIES: usize = 10_000;
/// Largest unpacked `styles.xml` / `document.xml`.
const MAX_PART: u64 = 32 << 20;
/// Most XML events parsed in one part.
const MAX_EVENTS: usize = 4_000_000;

/// What a reference document gives.
#[derive(Debug, Clone)]
pub struct Reference {
    /// Its styles.
    pub styles: Template,
    /// Its page, when its last section gives a sensible one.
    pub page: Option<Page>,
}

/// Reads the reference document at `path`.
pub fn read(path: &Path) -> Result<Reference, Diagnostic> {
    let fail = |why: String| {
        Diagnostic::error(format!(
            "cannot use `{}` as the Word reference document: {why}",
            path.display()
        ))
        .at(Location::file(path))
        .help("`[docx] reference` must name a .docx saved by Word or LibreOffice (Save As › Word Document), relative to the project")
    };
    let meta = std::fs::metadata(path).map_err(|e| fail(e.to_string()))?;
    if meta.len() > MAX_FILE {
        return Err(fail(format!("it is larger than {} MiB", MAX_FILE >> 20)));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("it is not a .docx (not a zip archive: {e})")))?;
    if zip.len() > MAX_ENTRIES {
        return Err(fail(format!("it holds more than {MAX_ENTRIES} entries")));
    }
    let styles = part(&mut zip, "word/styles.xml").map_err(&fail)?;
    let styles = template(styles).map_err(|why| fail(format!("word/styles.xml {why}")))?;
    let page = match part(&mut zip, "word/document.xml") {
        Ok(doc) => page(&doc),
        Err(_) => None,
    };
    Ok(Reference { styles, page })
}

/// The text of part `name`, read to at most [`MAX_PART`] bytes.
fn part(zip: &mut zip::ZipArchive<Cursor<Vec<u8>>>, name: &str) -> Result<String, String> {
    let entry = zip
        .by_name(name)
        .map_err(|_| format!("it has no {name} (is it a Word document?)"))?;
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name} cannot be read: {e}"))?;
    if bytes.len() as u64 > MAX_PART {
        return Err(format!(
            "{name} is larger than {} MiB unpacked",
            MAX_PART >> 20
        ));
    }
    String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8"))
}

/// Checks styles.xml and finds its style ids and where it closes.
fn template(xml: String) -> Result<Template, String> {
    let mut reader = Reader::from_str(&xml);
    let mut ids = Vec::new();
    let mut depth = 0usize;
    let mut close_at = None;
    for _ in 0..MAX_EVENTS {
        let before = reader.buffer_position() as usize;
        match reader.read_event() {
            Err(e) => return Err(format!("is not well-formed XML: {e}")),
            Ok(Event::Eof) => break,
            Ok(Event::Start(s)) => {
                if depth == 0 {
                    root(&s)?;
                }
                depth += 1;
                style_id(&s, &mut ids);
            }
            Ok(Event::Empty(s)) => style_id(&s, &mut ids),
            Ok(Event::End(_)) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    close_at = Some(before);
                }
            }
            Ok(_) => {}
        }
    }
    let close_at = close_at.ok_or("does not end its <w:styles> element")?;
    Ok(Template { xml, close_at, ids })
}

/// The root must be `w:styles` with `w` bound to WordprocessingML, since
/// the styles added after the template's use that prefix.
fn root(s: &BytesStart<'_>) -> Result<(), String> {
    let bound = s
        .attributes()
        .flatten()
        .any(|a| a.key.as_ref() == "xmlns:w" && a.value.as_ref() == super::package::W);
    if s.name().as_ref() == "w:styles" && bound {
        Ok(())
    } else {
        Err("is not a WordprocessingML styles part".to_string())
    }
}

fn style_id(s: &BytesStart<'_>, ids: &mut Vec<String>) {
    if s.name().as_ref() != "w:style" {
        return;
    }
    if let Some(id) = s
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == "w:styleId")
    {
        ids.push(id.value.into_owned());
    }
}

/// The page of the document's last section (its `w:pgSz` and `w:pgMar`).
fn page(xml: &str) -> Option<Page> {
    let mut reader = Reader::from_str(xml);
    let (mut size, mut margins) = (None, None);
    for _ in 0..MAX_EVENTS {
        match reader.read_event() {
            Err(_) | Ok(Event::Eof) => break,
            Ok(Event::Start(s) | Event::Empty(s)) => match s.name().as_ref() {
                "w:pgSz" => size = Some([num(&s, "w:w")?, num(&s, "w:h")?]),
                "w:pgMar" => {
                    let m = |k: &str| num(&s, k);
                    margins = Some([m("w:top")?, m("w:right")?, m("w:bottom")?, m("w:left")?]);
                }
                _ => {}
            },
            Ok(_) => {}
        }
    }
    let ([width, height], margins) = (size?, margins?);
    let sensible = (1440..=31_680).contains(&width)
        && (1440..=31_680).contains(&height)
        && margins[1] + margins[3] + 1440 <= width
        && margins[0] + margins[2] + 1440 <= height;
    sensible.then_some(Page {
        width,
        height,
        margins,
        landscape: width > height,
    })
}

/// Attribute `key` as a whole number of twips (a negative top or bottom
/// margin, which Word allows, counts as its size).
fn num(s: &BytesStart<'_>, key: &str) -> Option<u32> {
    let a = s.attributes().flatten().find(|a| a.key.as_ref() == key)?;
    let v: i64 = a.value.trim().parse().ok()?;
    u32::try_from(v.unsigned_abs().min(100_000)).ok()
}
