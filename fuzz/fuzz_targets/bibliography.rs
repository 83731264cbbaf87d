//! BibLaTeX references: any text must give a library or a diagnostic that
//! points inside the file, never a panic, a stack overflow or an
//! allocation the process cannot make (a `crossref`, `xdata` or `@string`
//! loop, a chain or a doubling of abbreviations).

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = std::path::Path::new("content/references.bib");
    match findings::load::references::bib(path, text) {
        Ok(refs) => assert!(refs.keys.iter().all(|k| refs.has(k))),
        Err(d) => {
            let _ = d.render(false);
        }
    }
});
