//! Criterion benchmarks of each pipeline stage on a generated corpus of
//! 1,000 sections and 100,000 segments (see `examples/gen_corpus.rs`):
//! load, model, analysis, Markdown, charts, templates, write, and the
//! incremental rebuild `serve` does after one section is saved.
//!
//! `cargo bench --bench stages` (add a name to run one: `-- charts`).

// The library's results carry large diagnostics; benchmarks return them
// unread, so their size never matters here.
#![allow(clippy::result_large_err)]

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};

use findings::analysis::select::{select, Selection};
use findings::analysis::Analysis;
use findings::analysis::{code_frequency, cooccurrence, count_by, share, CodeLevel};
use findings::charts::{self, Category, ChartData, ChartKind, ChartSpec, Event, Phase, Series};
use findings::load::outputs::Format;
use findings::load::{self, Project};
use findings::markdown::context::Context;
use findings::markdown::section::{self, RenderedSection};
use findings::model::date::Date;
use findings::model::numbers::NumberFormat;

use findings::render::page;
use findings::render::theme;
use findings::report::{stages, Builder};

#[allow(dead_code)]
#[path = "../examples/gen_corpus.rs"]
mod gen_corpus;

/// The corpus every stage runs on, generated once per benchmark run.
struct Corpus {
    _dir: tempfile::TempDir,
    root: PathBuf,
    project: Project,
    study: Analysis,
}

fn corpus() -> Corpus {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path().to_path_buf();
    gen_corpus::generate(&gen_corpus::Args {
        sections: 1000,
        segments: 100_000,
        participants: 2000,
        points: 1000,
        out: root.clone(),
    })
    .expect("the corpus is written");
    let project = load::load(&root).expect("the corpus loads");
    let (study, _) = stages::index(
        &project.config,
        project.data.clone(),
        project.labels.clone(),
    )
    .expect("valid");
    let study = Analysis::new(study);
    Corpus {
        _dir: dir,
        root,
        project,
        study,
    }
}

fn ctx<'a>(c: &'a Corpus, study: &'a Analysis) -> Context<'a> {
    Context::new(
        study,
        &c.project.config.numbers,
        &c.root,
        c.project.config.raw_html,
    )
}

/// Heavy stages: few samples, short runs, so the whole suite stays quick.
fn heavy(c: &mut Criterion) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group("stages");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    g
}

fn stages(c: &mut Criterion) {
    let corpus = corpus();
    let root = corpus.root.as_path();
    let mut g = heavy(c);

    g.bench_function("load", |b| b.iter(|| load::load(black_box(root))));

    g.bench_function("model", |b| {
        b.iter_batched(
            || (corpus.project.data.clone(), corpus.project.labels.clone()),
            |(data, labels)| stages::index(&corpus.project.config, data, labels),
            BatchSize::LargeInput,
        )
    });

    // A clone of a study starts with an empty memo: these are the costs
    // of answering each question the first time.
    let questions = [
        "segments[code=c3]",
        "segments[code=c7, stance!=a]",
        "segments[persona=Builder]",
        "participants[stance=b]",
    ]
    .map(|s| Selection::parse(s).expect("valid selections"));
    let format = NumberFormat::default();
    g.bench_function("analysis/first", |b| {
        b.iter_batched(
            || corpus.study.clone(),
            |study| {
                for q in &questions {
                    let m = select(&study, q).expect("known fields");
                    black_box(m.distinct_participants());
                    black_box(share(&study, q, &format).expect("known fields"));
                }
                let all = select(&study, &Selection::parse("segments").unwrap()).unwrap();
                black_box(code_frequency(&all));
                black_box(cooccurrence(&all, &CodeLevel::All));
                black_box(count_by(&all, "stance").unwrap());
                study
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("analysis/memoized", |b| {
        b.iter(|| {
            for q in &questions {
                black_box(share(&corpus.study, q, &format).expect("known fields"));
            }
        })
    });

    let sections = &corpus.project.sections;
    g.bench_function("markdown/all-sections", |b| {
        b.iter(|| {
            sections
                .iter()
                .map(|s| section::render(s, ctx(&corpus, &corpus.study)))
                .collect::<Vec<_>>()
        })
    });
    let documents: Vec<RenderedSection> = sections
        .iter()
        .map(|s| section::render(s, ctx(&corpus, &corpus.study)))
        .collect();
    g.bench_function("writers/html/all-sections", |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|r| findings::writers::html::blocks(black_box(&r.blocks)))
                .collect::<Vec<_>>()
        })
    });
    drop(documents);
    let theme = theme::load(root, "default").expect("the built-in theme");
    g.bench_function("templates/compile", |b| b.iter(|| page::templates(&theme)));
    let tera = page::templates(&theme).expect("the built-in templates compile");
    // Asked for with another format, the build keeps its document.
    let document = findings::report::build_as(root, &[Format::Html, Format::Docx])
        .expect("the corpus builds")
        .document
        .expect("kept for the Word file");
    g.bench_function("writers/html/page-view", |b| {
        b.iter(|| findings::writers::html::page::view(black_box(&document)))
    });
    let view = findings::writers::html::page::view(&document);
    g.bench_function("templates/page", |b| {
        b.iter(|| page::render(&tera, &theme, view.clone(), ""))
    });
    let html = page::render(&tera, &theme, view, "").expect("the page renders");

    let out = tempfile::tempdir().expect("a temporary folder");
    g.bench_function("write", |b| {
        b.iter(|| findings::output::write(out.path(), &html, true))
    });

    g.bench_function("build/whole", |b| b.iter(|| findings::report::build(root)));

    let mut builder = Builder::new(root);
    builder.build().expect("the corpus builds");
    let one = [sections[sections.len() / 2].path.clone()];
    g.bench_function("build/rebuild-one-section", |b| {
        b.iter(|| builder.rebuild(&one).expect("the corpus rebuilds"))
    });
    g.finish();
}

fn spec(kind: ChartKind, data: ChartData) -> ChartSpec {
    ChartSpec {
        kind,
        id: format!("fig-{}", kind.name()),
        title: kind.name().to_string(),
        data,
        illustrative: false,
        format: NumberFormat::default(),
    }
}

fn series(points: usize) -> ChartData {
    let start = Date::parse("2000-01-01").expect("a date").0;
    let mut v = 50.0_f64;
    let points = (0..points)
        .map(|i| {
            // A deterministic wiggle: LTTB has peaks to keep.
            v += ((i as f64) * 0.37).sin() * 1.5;
            (Date(start + i as i32), v)
        })
        .collect();
    ChartData::Series {
        series: vec![Series {
            label: "Sentiment".into(),
            unit: "index".into(),
            points,
        }],
        events: vec![Event {
            date: Date(start + 10),
            label: "Exploit".into(),
        }],
        phases: vec![Phase {
            start: Date(start + 10),
            end: Date(start + 40),
            label: "Acute".into(),
        }],
    }
}

fn chart_benches(c: &mut Criterion) {
    let categories = |n: usize| {
        (0..n)
            .map(|i| Category {
                label: format!("Category {i}"),
                count: (i as u64 * 37) % 101 + 1,
            })
            .collect::<Vec<_>>()
    };
    let split = ChartData::Split {
        what: "participants".into(),
        by: "stance".into(),
        categories: categories(5),
        scope: Default::default(),
    };
    let labels: Vec<String> = (0..8).map(|i| format!("Code {i}")).collect();
    let crosstab = ChartData::Crosstab {
        what: "participants".into(),
        row_attribute: "persona".into(),
        column_attribute: "stance".into(),
        rows: labels[..5].to_vec(),
        columns: labels[..3].to_vec(),
        counts: (0..5)
            .map(|r| (0..3).map(|c| (r * 3 + c) as u64 % 7 + 1).collect())
            .collect(),
        scope: Default::default(),
    };
    let matrix = ChartData::Matrix {
        labels: labels.clone(),
        counts: (0..8)
            .map(|r| (0..8).map(|c| ((r + 1) * (c + 1)) as u64 % 13).collect())
            .collect(),
    };
    let specs = [
        spec(ChartKind::Donut, split.clone()),
        spec(ChartKind::Bar, split),
        spec(ChartKind::Stacked, crosstab),
        spec(ChartKind::Heatmap, matrix),
        spec(ChartKind::Line, series(1000)),
    ];
    let mut g = c.benchmark_group("charts");
    g.warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for s in &specs {
        g.bench_function(s.kind.name(), |b| {
            b.iter(|| charts::render(black_box(s)).expect("valid chart"))
        });
    }
    let million = spec(ChartKind::Line, series(1_000_000));
    g.sample_size(10).measurement_time(Duration::from_secs(4));
    g.bench_function("line-1M-points", |b| {
        b.iter(|| charts::render(black_box(&million)).expect("valid chart"))
    });
    g.finish();
}

criterion_group!(benches, chart_benches, stages);
criterion_main!(benches);
