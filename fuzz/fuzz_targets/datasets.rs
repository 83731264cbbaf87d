//! Dataset files of every kind; the first byte picks the kind. Errors must
//! render (their locations point into the text).

#![no_main]

use libfuzzer_sys::fuzz_target;

use findings::load::json::parse_file;
use findings::model::input::Datasets;
use findings::Diagnostics;

const STEMS: [&str; 6] = ["participants", "codebook", "segments", "sources", "series", "table"];

fuzz_target!(|input: (u8, String)| {
    let (kind, text) = input;
    let stem = STEMS[usize::from(kind) % STEMS.len()];
    let mut data = Datasets::default();
    let mut problems = Diagnostics::new();
    let path = std::path::Path::new("content/data/x.json");
    parse_file(stem, path, text, &mut data, &mut problems);
    let _ = problems.render(false);
    // Whatever parsed must validate or fail with diagnostics, not panic.
    let labels = findings::model::labels::Labels::default();
    match findings::model::study::Study::build(data, labels) {
        Ok((_, warnings)) => {
            let _ = warnings.render(false);
        }
        Err(e) => {
            let _ = e.render(false);
        }
    }
});
