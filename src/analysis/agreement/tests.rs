use std::path::Path;

use super::units::Unit;
use super::*;
use crate::analysis::select::{select, Selection};
use crate::analysis::Analysis;
use crate::load::json::parse_file;
use crate::model::input::Datasets;
use crate::model::labels::Labels;
use crate::model::study::Study;
use crate::Diagnostics;

/// One source of ten characters; ann codes `a` on 0..6, ben on 2..8, and
/// both code `b` on a second passage of a source ben never coded.
fn study() -> Analysis {
    let mut data = Datasets::default();
    let mut problems = Diagnostics::new();
    for (stem, text) in [
        ("participants", r#"[{"id":"p","alias":"P"}]"#),
        (
            "codebook",
            r#"[{"id":"a","label":"A"},{"id":"b","label":"B"}]"#,
        ),
        (
            "sources",
            r#"[{"id":"s1","title":"One","text":"0123456789"},{"id":"s2","title":"Two","text":"abcd"}]"#,
        ),
        (
            "segments",
            r#"[{"id":"x","participant":"p","source":"s1","text":"012345","start":0,"end":6,"codings":{"ann":["a"]}},
                {"id":"y","participant":"p","source":"s1","text":"234567","start":2,"end":8,"codings":{"ben":["a"]}},
                {"id":"z","participant":"p","source":"s2","text":"ab","start":0,"end":2,"codings":{"ann":["b"]}}]"#,
        ),
    ] {
        parse_file(
            stem,
            Path::new("x.json"),
            text.to_string(),
            &mut data,
            &mut problems,
        );
    }
    assert!(problems.is_empty(), "{problems}");
    Analysis::new(Study::build(data, Labels::default()).expect("study").0)
}

#[test]
fn character_units_by_hand() {
    let s = study();
    let m = select(&s, &Selection::parse("segments").unwrap()).unwrap();
    let coders = vec!["ann".to_string(), "ben".to_string()];
    let a = s.code_position("a").unwrap();
    let (each, _) = per_code(&m, &coders, &[a], Unit::Character).unwrap();
    // s2 is left out: ben coded nothing there. On s1's ten characters:
    // (1,0)×2, (1,1)×4, (0,1)×2, (0,0)×2.
    let f = each[0];
    assert_eq!(f.units, 10);
    assert!((f.percent.unwrap() - 60.0).abs() < 1e-9);
    // p_o 0.6, p_e 0.6·0.6 + 0.4·0.4 = 0.52: κ = 0.08 / 0.48.
    assert!((f.kappa.unwrap() - 0.08 / 0.48).abs() < 1e-9);
    // n = 20, o_10 + o_01 = 8, n_1 = 12, n_0 = 8: α = 1 − (8/20) / (192/380).
    assert!((f.alpha.unwrap() - (1.0 - 0.4 / (192.0 / 380.0))).abs() < 1e-9);
}

#[test]
fn segment_units_leave_out_sources_a_coder_never_coded() {
    let s = study();
    let m = select(&s, &Selection::parse("segments").unwrap()).unwrap();
    let coders = vec!["ann".to_string(), "ben".to_string()];
    let b = s.code_position("b").unwrap();
    let a = s.code_position("a").unwrap();
    let (each, _) = per_code(&m, &coders, &[a, b], Unit::Segment).unwrap();
    // Units x and y (s1, both coders coded there): a is (1,0) and (0,1).
    // Unit z (s2): ben coded nothing in s2, so only ann's value: not pairable.
    assert_eq!(each[0].units, 2);
    assert_eq!(each[0].percent, Some(0.0));
    assert_eq!(each[1].units, 2);
    assert_eq!(
        each[1].alpha, None,
        "b is 0 on both pairable units: one value only"
    );
}
