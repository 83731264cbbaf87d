//! A whole section body (roles, directives, nesting) rendered against a
//! small fixed study: errors are fine, panics are not.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

use findings::model::numbers::NumberFormat;
use findings::model::labels::Labels;
use findings::load::json::parse_file;
use findings::model::input::Datasets;
use findings::load::front_matter::FrontMatter;
use findings::load::SectionSource;
use findings::markdown::context::Context;
use findings::markdown::section::render;
use findings::analysis::Analysis;
use findings::model::study::Study;
use findings::Diagnostics;

fn study() -> &'static Analysis {
    static STUDY: OnceLock<Analysis> = OnceLock::new();
    STUDY.get_or_init(|| {
        let mut data = Datasets::default();
        let mut problems = Diagnostics::new();
        let files = [
            ("participants", r#"[{"id":"p1","alias":"Ann","role":"Analyst","persona":"expert","attributes":{"stance":"pro"}},{"id":"p2","alias":"Bo","persona":"builder","attributes":{"stance":"con"}}]"#),
            ("codebook", r#"[{"id":"trust","label":"Trust"},{"id":"audit","label":"Audits","parent":"trust"}]"#),
            ("segments", r#"[{"id":"s1","participant":"p1","text":"It is fast.","codes":["audit"]},{"id":"s2","participant":"p2","text":"Slow.","codes":["trust"]}]"#),
            ("series", r#"[{"id":"idx","label":"Index","points":[{"date":"2025-01-01","value":1},{"date":"2025-01-03","value":2}]}]"#),
            ("roadmap", r#"[{"phase":"One","start":"2025-01-01","end":"2025-02-01","milestone":"M"}]"#),
        ];
        for (stem, text) in files {
            parse_file(stem, Path::new("x.json"), text.to_string(), &mut data, &mut problems);
        }
        Analysis::new(Study::build(data, Labels::default()).expect("fixed study").0)
    })
}

fuzz_target!(|body: &str| {
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
    let ctx = Context::new(study(), &format, Path::new("/nonexistent"), false);
    let rendered = render(&section, ctx);
    let _ = rendered.problems.render(false);
});
