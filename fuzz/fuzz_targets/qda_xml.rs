//! A `project.qde` of arbitrary text, zipped with one source, through the
//! whole `.qdpx` reader. Errors must render; no panic, ever.

#![no_main]

use std::io::{Cursor, Write};

use libfuzzer_sys::fuzz_target;
use zip::write::SimpleFileOptions;

fuzz_target!(|input: (String, String)| {
    let (qde, text) = input;
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in [("project.qde", qde.as_bytes()), ("sources/s1.txt", text.as_bytes())] {
        if zip.start_file(name, stored).is_err() || zip.write_all(bytes).is_err() {
            return;
        }
    }
    let Ok(archive) = zip.finish() else { return };
    let path = std::path::Path::new("content/data/study.qdpx");
    match findings::load::qdpx::read(path, archive.get_ref()) {
        Ok(import) => {
            let _ = import.report.render(false);
        }
        Err(e) => {
            let _ = e.render(false);
        }
    }
});
