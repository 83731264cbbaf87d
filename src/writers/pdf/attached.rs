//! The build manifest a PDF carries, read back for `findings verify`.
//!
//! The writer attaches the manifest as an embedded file (`manifest.json`).
//! Reading it back takes a PDF parser. hayro-syntax is Typst's own; it
//! reads damaged and hostile files without panicking, and its streams are
//! decoded within its own limits.

use hayro_syntax::object::{Dict, Name, Object, Stream};
use hayro_syntax::Pdf;

/// The bytes of the file named `manifest.json` attached to `pdf`: `None`
/// when the PDF attaches none, `Err` when it is not a PDF findings can read.
pub fn manifest(pdf: &[u8]) -> Option<Result<Vec<u8>, String>> {
    let doc = match Pdf::new(std::sync::Arc::new(pdf.to_vec())) {
        Ok(doc) => doc,
        Err(e) => {
            return Some(Err(format!(
                "the file is not a PDF findings can read ({e:?})"
            )))
        }
    };
    for object in doc.objects() {
        let Object::Dict(spec) = object else {
            continue;
        };
        if !is_name(&spec, b"Type", b"Filespec") {
            continue;
        }
        let named = |key: &[u8]| {
            spec.get::<hayro_syntax::object::String>(key)
                .is_some_and(|s| text(s.as_bytes()) == NAME)
        };
        if !(named(b"UF") || named(b"F")) {
            continue;
        }
        let stream = spec
            .get::<Dict>(b"EF")
            .and_then(|ef| ef.get::<Stream>(b"F").or_else(|| ef.get::<Stream>(b"UF")));
        return Some(match stream {
            Some(s) => s
                .decoded()
                .map(|b| b.into_owned())
                .map_err(|e| format!("the attached manifest cannot be decoded ({e:?})")),
            None => Err("the attached manifest has no contents".to_string()),
        });
    }
    None
}

/// The name the writer gives the manifest it attaches.
const NAME: &str = "manifest.json";

fn is_name(dict: &Dict<'_>, key: &[u8], value: &[u8]) -> bool {
    dict.get::<Name>(key).is_some_and(|n| &*n == value)
}

/// A PDF text string: UTF-16BE after a byte-order mark, else bytes taken
/// as Latin-1 (PDFDocEncoding agrees with it on the names that matter).
fn text(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|p| u16::from_be_bytes([p[0], p[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|b| char::from(*b)).collect(),
    }
}
