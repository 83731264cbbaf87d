//! Locating a path in arbitrary (possibly invalid) JSON text: the range
//! returned must lie inside the text.

#![no_main]

use libfuzzer_sys::fuzz_target;

use findings::load::json::locate::{locate, Step};

fuzz_target!(|input: (Vec<(bool, u8, String)>, String)| {
    let (raw, text) = input;
    let path: Vec<Step> = raw
        .iter()
        .take(8)
        .map(|(is_key, n, key)| {
            if *is_key {
                Step::Key(key)
            } else {
                Step::Index(usize::from(*n))
            }
        })
        .collect();
    if let Some((start, len)) = locate(&text, &path) {
        assert!(start + len <= text.len());
        let location = findings::Location::in_text(std::path::Path::new("x.json"), &text, start, len);
        assert!(location.line >= 1);
    }
});
