//! Front matter splitting: any text must give a result or a diagnostic
//! that points inside the file, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = std::path::Path::new("content/sections/x.md");
    match findings::load::front_matter::split(path, text) {
        Ok((_, body_start)) => assert!(text.is_char_boundary(body_start)),
        Err(d) => {
            let _ = d.render(false);
        }
    }
});
