//! Arbitrary bytes as a CSV dataset, read as each kind of dataset and as
//! a coded-segments export. Errors must render; no panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

use findings::model::input::Datasets;
use findings::load::datasets::read_one;
use findings::load::table::{columns::Mapping, FORMAT as TABLES};
use findings::Diagnostics;

const NAMES: [&str; 5] = ["participants.csv", "codebook.csv", "sources.csv", "segments.csv", "table.csv"];

fuzz_target!(|input: (u8, &[u8])| {
    let (kind, bytes) = input;
    let rel = std::path::PathBuf::from("content/data").join(NAMES[usize::from(kind) % NAMES.len()]);
    let mut data = Datasets::default();
    let mut problems = Diagnostics::new();
    read_one(&TABLES, &rel, bytes, &Mapping::new(), &mut data, &mut problems);
    let _ = problems.render(false);
    let labels = findings::model::labels::Labels::default();
    match findings::model::study::Study::build(data, labels) {
        Ok((_, w)) => {
            let _ = w.render(false);
        }
        Err(e) => {
            let _ = e.render(false);
        }
    }
});
