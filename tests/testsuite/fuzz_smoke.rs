//! A stable, deterministic stand-in for the cargo-fuzz targets in `fuzz/`
//! (which need nightly): each parser gets a few thousand mutations of
//! realistic seeds, from a fixed-seed generator, and must never panic.
//! The crashes the real fuzzer found are kept as explicit cases at the end.

use crate::fuzz_support::{rounds, Rng};
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event};

use findings::analysis::select::Selection;
use findings::analysis::Analysis;
use findings::load::front_matter::{self, FrontMatter};
use findings::load::json::locate::{locate, Step};
use findings::load::json::parse_file;
use findings::load::SectionSource;
use findings::markdown::context::Context;
use findings::markdown::section::render;
use findings::markdown::{directive, roles};
use findings::model::input::Datasets;
use findings::model::labels::Labels;
use findings::model::numbers::NumberFormat;
use findings::model::study::Study;
use findings::{Diagnostics, Location};

/// Characters the parsers treat specially, plus multi-byte ones (the
/// classic source of byte-slicing panics).
const ALPHABET: &[char] = &[
    '{', '}', '[', ']', '`', ':', '=', '!', ',', '"', '\\', '\n', '\r', '\t', '+', '-', '#', '>',
    '~', ' ', '.', '0', '9', 'a', 'é', '€', '😀', '\u{1}', '\u{0}', '\u{feff}',
];

/// One random edit of `text`: insert, delete, duplicate or splice.
fn mutate(rng: &mut Rng, text: &str, other: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..=rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(5) {
            0 | 1 => chars.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            2 if !chars.is_empty() => {
                let end = (at + rng.below(8)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            3 if !chars.is_empty() => {
                let start = rng.below(chars.len());
                let end = (start + rng.below(16)).min(chars.len());
                let copy: Vec<char> = chars[start..end].to_vec();
                chars.splice(at..at, copy);
            }
            _ => {
                let o: Vec<char> = other.chars().collect();
                let start = rng.below(o.len() + 1);
                let end = (start + rng.below(24)).min(o.len());
                chars.splice(at..at, o[start..end].iter().copied());
            }
        }
    }
    chars.into_iter().collect()
}

/// Runs `check` on every seed and on [`rounds`] mutations of each.
fn fuzz(seed: u64, seeds: &[&str], mut check: impl FnMut(&str)) {
    let mut rng = Rng(seed);
    let rounds = rounds(400);
    for (i, s) in seeds.iter().enumerate() {
        check(s);
        let mut current = s.to_string();
        for _ in 0..rounds {
            let other = seeds[(i + 1) % seeds.len()];
            current = mutate(&mut rng, &current, other);
            check(&current);
            if rng.below(8) == 0 {
                current = s.to_string();
            }
        }
    }
}

const SECTIONS: &[&str] = &[
    "+++\ntitle = \"Intro\"\nweight = 2\n+++\nWe spoke to {count}`participants` people.\n",
    "+++\r\ntitle = \"A\"\r\n+++\r\n",
    "---\ntitle: x\n---\n",
    "+++\ntitle = \"Ü\"\nid = \"ü\"\n+++\n```{quote} s1\n```\n",
];

const BODIES: &[&str] = &[
    "We spoke to {count}`participants` ({share}`participants[stance=pro]`); {fraction}`segments[code=trust]`, {people}`segments`, {label}`stance:pro`, {ref}`fig-a`.\n",
    "```{callout} insight\n:title: Key *insight*\n\nBody with {count}`participants`.\n```\n",
    "```{chart} donut\n:data: participants\n:by: stance\n:label: fig-a\n\nCaption.\n```\n",
    "````{compare}\n```{side} Before\nA\n```\n```{side} After\nB\n```\n````\n",
    "```{table} segments\n:by: code\n:caption: Codes\n```\n\n```{quotes} segments[code=trust]\n:limit: 1\n```\n",
    "```{chart} line\n:series: idx\n```\n```{chart} roadmap\n:data: roadmap\n```\n```{chart} heatmap\n:data: segments\n```\n",
    "> ```{stat} share participants[stance=pro]\n> :label: x\n> ```\n- ```{quote} s1\n  ```\n",
];

const JSON: &[&str] = &[
    r#"[{"id":"p1","alias":"Ann","role":"Analyst","persona":"expert","attributes":{"stance":"pro"}},{"id":"p2","alias":"Bo","illustrative":["role"]}]"#,
    r##"[{"id":"trust","label":"Trust"},{"id":"audit","label":"Audits","parent":"trust","colour":"#336699"}]"##,
    r#"[{"id":"s1","participant":"p1","text":"It is \"fast\" é","codes":["audit"],"timestamp":"2025-01-02"}]"#,
    r#"[{"id":"idx","label":"Index","points":[{"date":"2025-01-01","value":1.5}],"events":[{"date":"2025-01-02","label":"E"}],"phases":[{"start":"2025-01-01","end":"2025-01-03","label":"P"}]}]"#,
    r#"[{"phase":"One","start":"2025-01-01","end":"2025-02-01","milestone":"M","n":3,"ok":true,"x":null}]"#,
];

fn study() -> Study {
    let mut data = Datasets::default();
    let mut problems = Diagnostics::new();
    for (stem, text) in ["participants", "codebook", "segments", "series", "roadmap"]
        .iter()
        .zip(JSON)
    {
        parse_file(
            stem,
            Path::new("x.json"),
            text.to_string(),
            &mut data,
            &mut problems,
        );
    }
    assert!(problems.is_empty(), "{problems}");
    Study::build(data, Labels::default()).expect("seed study").0
}

#[test]
fn front_matter_never_panics() {
    fuzz(1, SECTIONS, |text| {
        match front_matter::split(Path::new("s.md"), text) {
            Ok((_, at)) => assert!(text.is_char_boundary(at)),
            Err(d) => drop(d.render(false)),
        }
    });
}

/// BibLaTeX with the shapes that looped or blew up before the guard:
/// `crossref`, `xdata` and `@string` chains.
const BIBS: &[&str] = &[
    "@string{pub = {Sage}}\n@book{a, title = {A}, publisher = pub # { Ltd}}\n",
    "@book{a, title = {A}, crossref = {b}}\n@book{b, title = {B}}\n",
    "@xdata{x, year = {2006}}\n@article{c, xdata = {x, y}, title = {C}}\n@xdata{y, xdata = {x}}\n",
    "@string{s = {x}}\n@string{t = s # s}\n@misc{m, note = t # t, author = {Braun, V. and Clarke, V.}}\n",
];

#[test]
fn bibliographies_never_panic() {
    fuzz(7, BIBS, |text| {
        match findings::load::references::bib(Path::new("references.bib"), text) {
            Ok(refs) => assert!(refs.keys.iter().all(|k| refs.has(k))),
            Err(d) => drop(d.render(false)),
        }
    });
}

#[test]
fn yaml_front_matter_never_panics() {
    let seeds = [
        "title: A\nweight: 2\nallow: [thin-evidence]\n",
        "title: 'A: b'\nsummary: \"x [y] {z}\"\nallow:\n  - personal-data\n",
        "title: A\nallow: [[[a], {b: [c]}]]\n",
    ];
    fuzz(8, &seeds, |yaml| {
        let text = format!("---\n{yaml}\n---\nBody.\n");
        match front_matter::split(Path::new("s.md"), &text) {
            Ok((_, at)) => assert!(text.is_char_boundary(at)),
            Err(d) => drop(d.render(false)),
        }
    });
}

#[test]
fn directives_never_panic() {
    let seeds: Vec<&str> = BODIES.iter().map(|b| b.trim_start_matches('`')).collect();
    fuzz(2, &seeds, |text| {
        let (info, block) = text.split_once('\n').unwrap_or((text, ""));
        let (name, argument) = directive::info(info).unwrap_or(("note", info));
        if let Ok(d) = directive::parse(name, argument, block) {
            assert_eq!(&block[d.body_offset..], d.body);
        }
    });
}

#[test]
fn roles_and_selections_never_panic() {
    let seeds = [
        "We spoke to {count}",
        "participants[stance=pro, persona!=\"x\"]",
        "segments[code=trust]",
        "{a}{b}",
    ];
    fuzz(3, &seeds, |text| {
        let event = Event::Text(CowStr::from(text));
        if let Some(name) = roles::trailing_role(Some(&event)) {
            assert!(text.ends_with(&format!("{{{name}}}")));
        }
        let _ = Selection::parse(text);
    });
}

#[test]
fn datasets_never_panic() {
    let stems = [
        "participants",
        "codebook",
        "segments",
        "sources",
        "series",
        "table",
    ];
    let mut k = 0;
    fuzz(4, JSON, |text| {
        k += 1;
        let mut data = Datasets::default();
        let mut problems = Diagnostics::new();
        parse_file(
            stems[k % stems.len()],
            Path::new("x.json"),
            text.to_string(),
            &mut data,
            &mut problems,
        );
        drop(problems.render(false));
        match Study::build(data, Labels::default()) {
            Ok((_, w)) => drop(w.render(false)),
            Err(e) => drop(e.render(false)),
        }
    });
}

#[test]
fn json_locate_never_panics() {
    let paths: [&[Step]; 4] = [
        &[Step::Index(0), Step::Key("id")],
        &[Step::Index(1), Step::Key("attributes"), Step::Key("stance")],
        &[Step::Index(0), Step::Key("codes"), Step::Index(0)],
        &[Step::Index(3)],
    ];
    let mut k = 0;
    fuzz(5, JSON, |text| {
        k += 1;
        if let Some((start, len)) = locate(text, paths[k % paths.len()]) {
            assert!(start + len <= text.len());
            let at = Location::in_text(Path::new("x.json"), text, start, len);
            assert!(at.line >= 1);
        }
    });
}

fn render_body(study: &Analysis, body: &str) -> Diagnostics {
    let text = format!("+++\ntitle = \"T\"\n+++\n{body}");
    let section = SectionSource {
        path: PathBuf::from("content/sections/x.md"),
        body_start: text.len() - body.len(),
        text,
        front: FrontMatter::default(),
        id: "x".to_string(),
        bom: false,
    };
    let format = NumberFormat::default();
    let ctx = Context::new(study, &format, Path::new("/nonexistent"), false);
    let rendered = render(&section, ctx);
    drop(rendered.problems.render(false));
    rendered.problems
}

#[test]
fn sections_never_panic() {
    let study = Analysis::new(study());
    fuzz(6, BODIES, |body| {
        render_body(&study, body);
    });
}

/// What cargo-fuzz's `bibliography` target found within a minute when the
/// guard was taken out (issue 19): an `xdata` that names its own entry
/// overflowed the stack inside the BibLaTeX parser. It is now an error.
#[test]
fn the_xdata_self_loop_the_fuzzer_found_is_an_error() {
    let found = "@sata{x, xdata = {x}, Aitle = {Sentim_nt analyspageis}}";
    let e = findings::load::references::bib(Path::new("references.bib"), found)
        .expect_err("a loop is refused");
    assert!(e.message.contains("`x` → `x`"), "{}", e.message);
}
