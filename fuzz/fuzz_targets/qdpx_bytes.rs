//! Arbitrary bytes as a `.qdpx` archive (truncated, corrupt, hostile):
//! refused with a diagnostic or read, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("content/data/study.qdpx");
    if let Err(e) = findings::load::qdpx::read(path, bytes) {
        let _ = e.render(false);
    }
    let _ = findings::load::qdpx::qdc::read(std::path::Path::new("c.qdc"), bytes);
});
