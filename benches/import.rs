//! Criterion benchmarks of reading studies: the largest real `.qdpx`
//! sample (`../shared/samples/qualcoder-demo.qdpx`, skipped when absent)
//! and a generated project of 50,000 selections (one text of 50,000
//! lines, 200 codes, two coders, a tenth of the passages coded twice).
//!
//! `cargo bench --bench import`

#![allow(clippy::result_large_err)]

use std::hint::black_box;
use std::io::{Cursor, Write};
use std::path::Path;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use zip::write::SimpleFileOptions;

/// A `.qdpx` with `n` selections, built with the zip writer.
fn generated(n: usize) -> Vec<u8> {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(n);
    for i in 0..n {
        let start = text.chars().count();
        text.push_str(&format!("Line {i} says something worth coding.\n"));
        spans.push((start, text.chars().count() - 1));
    }
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Generated\" origin=\"bench\"><Users><User guid=\"u1\" name=\"ann\"/><User guid=\"u2\" name=\"ben\"/></Users><CodeBook><Codes>");
    for c in 0..200 {
        xml.push_str(&format!(
            "<Code guid=\"c{c}\" name=\"code {c}\" isCodable=\"true\"/>"
        ));
    }
    xml.push_str("</Codes></CodeBook><Sources><TextSource guid=\"s1\" name=\"All\" plainTextPath=\"internal://s1.txt\">");
    for (i, (s, e)) in spans.iter().enumerate() {
        // Every tenth selection repeats the previous span with another coder.
        let (s, e, user) = if i % 10 == 9 {
            (spans[i - 1].0, spans[i - 1].1, "u2")
        } else {
            (*s, *e, "u1")
        };
        xml.push_str(&format!(
            "<PlainTextSelection guid=\"sel{i}\" startPosition=\"{s}\" endPosition=\"{e}\"><Coding guid=\"k{i}\" creatingUser=\"{user}\"><CodeRef targetGUID=\"c{}\"/></Coding></PlainTextSelection>",
            i % 200
        ));
    }
    xml.push_str("</TextSource></Sources></Project>");
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("project.qde", xml.as_bytes()),
        ("sources/s1.txt", text.as_bytes()),
    ] {
        zip.start_file(name, options).expect("start");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn import(c: &mut Criterion) {
    let mut group = c.benchmark_group("import");
    group.measurement_time(Duration::from_secs(5));
    let path = Path::new("content/data/study.qdpx");
    let sample =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/samples/qualcoder-demo.qdpx");
    match std::fs::read(&sample) {
        Ok(bytes) => {
            group.bench_function("qualcoder-demo.qdpx", |b| {
                b.iter(|| {
                    black_box(findings::load::qdpx::read(path, &bytes).map(|i| i.segments.len()))
                })
            });
        }
        Err(_) => eprintln!("skipped: {} is absent", sample.display()),
    }
    let big = generated(50_000);
    group.sample_size(10);
    group.bench_function("generated 50,000 selections", |b| {
        b.iter(|| black_box(findings::load::qdpx::read(path, &big).map(|i| i.segments.len())))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
