use super::select::{self, Selection};
use super::*;
use crate::load::json::parse_file;
use crate::model::input::Datasets;
use crate::model::labels::Labels;
use crate::model::numbers::NumberFormat;
use crate::model::study::Study;
use crate::Diagnostics;
use std::path::Path;

/// Nine participants (7 crisis, 2 cycle), five codes with one parent.
pub fn study() -> Analysis {
    let mut data = Datasets::default();
    let mut problems = Diagnostics::new();
    let mut people = Vec::new();
    for i in 0..9 {
        let stance = if i < 7 { "crisis" } else { "cycle" };
        let persona = [
            "expert",
            "expert",
            "builder",
            "expert",
            "builder",
            "journalist",
            "expert",
            "trader",
            "trader",
        ][i];
        people.push(format!(
                r#"{{"id":"p{i}","alias":"P{i}","persona":"{persona}","attributes":{{"stance":"{stance}"}}}}"#
            ));
    }
    parse_file(
        "participants",
        Path::new("p.json"),
        format!("[{}]", people.join(",")),
        &mut data,
        &mut problems,
    );
    parse_file(
            "codebook",
            Path::new("c.json"),
            r#"[{"id":"trust","label":"Trust"},{"id":"audit","label":"Audits","parent":"trust"},
               {"id":"div","label":"Diversify"},{"id":"fomo","label":"FOMO"},{"id":"unused","label":"Unused"}]"#
                .into(),
            &mut data,
            &mut problems,
        );
    parse_file(
        "segments",
        Path::new("s.json"),
        r#"[{"id":"s1","participant":"p0","text":"a","codes":["audit","div"]},
               {"id":"s2","participant":"p0","text":"b","codes":["trust"]},
               {"id":"s3","participant":"p1","text":"c","codes":["audit","trust"]},
               {"id":"s4","participant":"p7","text":"d","codes":["fomo","div"]}]"#
            .into(),
        &mut data,
        &mut problems,
    );
    assert!(problems.is_empty(), "{problems}");
    let mut labels = Labels::default();
    labels.0.insert(
        "stance".into(),
        vec![
            ("cycle".into(), "Cycle".into()),
            ("crisis".into(), "Crisis".into()),
        ],
    );
    Analysis::new(Study::build(data, labels).unwrap().0)
}

fn sel(s: &str) -> Selection {
    Selection::parse(s).unwrap()
}

#[test]
fn shares_of_participants_by_stance() {
    let s = study();
    let f = NumberFormat::default();
    let share = share(&s, &sel("participants[stance=crisis]"), &f).unwrap();
    assert_eq!((share.count, share.total), (7, 9));
    assert_eq!(f.percent(share.percent), "77.8%");
    let m = select::select(&s, &sel("participants")).unwrap();
    let t = count_by(&m, "stance").unwrap();
    // Configured label order first: cycle before crisis.
    assert_eq!(
        t.values,
        vec![
            ("cycle".into(), "Cycle".into(), 2),
            ("crisis".into(), "Crisis".into(), 7)
        ]
    );
}

#[test]
fn parent_codes_count_their_children_once_per_segment() {
    let s = study();
    let m = select::select(&s, &sel("segments")).unwrap();
    let f = code_frequency(&m);
    let trust = &f[s.code_position("trust").unwrap()];
    assert_eq!((trust.segments, trust.participants), (3, 2));
    let audit = &f[s.code_position("audit").unwrap()];
    assert_eq!((audit.segments, audit.participants), (2, 2));
    assert_eq!(f[s.code_position("unused").unwrap()].segments, 0);
    let m = select::select(&s, &sel("segments[code=trust]")).unwrap();
    assert_eq!(m.indices, vec![0, 1, 2]);
    assert_eq!(m.distinct_participants(), 2);
}

#[test]
fn crosstab_and_cooccurrence() {
    let s = study();
    let m = select::select(&s, &sel("participants")).unwrap();
    let x = crosstab(&m, "persona", "stance").unwrap();
    assert_eq!(x.rows[3].0, "trader");
    assert_eq!(x.counts[3], vec![2, 0]);
    assert_eq!(x.counts.iter().flatten().sum::<u64>(), 9);
    let m = select::select(&s, &sel("segments")).unwrap();
    let (codes, counts) = cooccurrence(&m, &CodeLevel::All);
    let names: Vec<&str> = codes.iter().map(|&c| s.codes[c].id.as_str()).collect();
    assert_eq!(names, ["trust", "audit", "div", "fomo"]);
    assert_eq!(counts[1][2], 1); // audit & div in s1
    assert_eq!(counts[0][1], 2); // trust & audit: s3, and s1 (audit is under trust)
    assert_eq!(counts[2][2], 2); // div alone
    let (top, counts) = cooccurrence(&m, &CodeLevel::Top);
    let names: Vec<&str> = top.iter().map(|&c| s.codes[c].id.as_str()).collect();
    assert_eq!(names, ["trust", "div", "fomo"]);
    assert_eq!(counts[0][0], 3); // audit rolls up into trust; s3 counts once
    assert_eq!(counts[0][1], 1);
    let listed = CodeLevel::Listed(vec![
        s.code_position("audit").unwrap(),
        s.code_position("div").unwrap(),
    ]);
    let (codes, counts) = cooccurrence(&m, &listed);
    assert_eq!(codes.len(), 2);
    assert_eq!(counts, vec![vec![2, 1], vec![1, 2]]);
}

#[test]
fn unknown_fields_and_codes_are_explained() {
    let s = study();
    let e = select::select(&s, &sel("participants[stanse=crisis]")).unwrap_err();
    assert_eq!(e.message, "participants have no field `stanse`");
    assert_eq!(e.help, "did you mean `stance`?");
    let e = select::select(&s, &sel("segments[code=audti]")).unwrap_err();
    assert_eq!(
        (e.message.as_str(), e.help.as_str()),
        ("unknown code `audti`", "did you mean `audit`?")
    );
    // A label stands for its code: "Audits" (and "audits") is `audit`,
    // on segments s1 and s3.
    for name in ["Audits", "audits"] {
        let m = select::select(&s, &sel(&format!("segments[code={name}]"))).unwrap();
        assert_eq!(m.indices, vec![0, 2], "{name}");
    }
    let e = select::select(&s, &sel("particpants")).unwrap_err();
    assert_eq!(e.help, "did you mean `participants`?");
}
