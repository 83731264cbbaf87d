//! YAML front matter: any text between `---` fences must give front
//! matter or a diagnostic in milliseconds, never a panic, a hang on deep
//! flow nesting (`[[[[…`) or a stack overflow.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|yaml: &str| {
    let text = format!("---\n{yaml}\n---\nBody.\n");
    let path = std::path::Path::new("content/sections/x.md");
    match findings::load::front_matter::split(path, &text) {
        Ok((_, body_start)) => assert!(text.is_char_boundary(body_start)),
        Err(d) => {
            let _ = d.render(false);
        }
    }
});
