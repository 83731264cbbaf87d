//! Inter-coder agreement on a fixture with two and three coders
//! (`tests/fixtures/agreement`): every cell of the `{agreement}` tables and
//! every `{kappa}`/`{alpha}` role equals the values PyPI's `krippendorff`
//! and scikit-learn's `cohen_kappa_score` gave (`make.py` there wrote the
//! fixture and `expected.json`; the command is in its docstring).

use std::fs;

use crate::common::{build_ok, copy_project, findings, repo, stderr};
use serde_json::Value;

fn cells(html: &str, caption: &str) -> Vec<Vec<String>> {
    let doc = scraper::Html::parse_document(html);
    let table_sel = scraper::Selector::parse("table.agreement").expect("selector");
    let row_sel = scraper::Selector::parse("tr").expect("selector");
    let cell_sel = scraper::Selector::parse("th, td").expect("selector");
    let text = |e: scraper::ElementRef<'_>| e.text().collect::<String>().trim().to_string();
    let table = doc
        .select(&table_sel)
        .find(|t| t.text().collect::<String>().contains(caption))
        .unwrap_or_else(|| panic!("no agreement table {caption}"));
    table
        .select(&row_sel)
        .skip(1)
        .map(|r| r.select(&cell_sel).map(text).collect())
        .collect()
}

fn three(v: &Value) -> String {
    match v.as_f64() {
        Some(x) => format!("{x:.3}"),
        None => "—".into(),
    }
}

#[test]
fn agreement_tables_and_roles_match_the_reference_packages() {
    let dir = copy_project(&repo().join("tests/fixtures/agreement"));
    let html = build_ok(dir.path());
    let expected: Value = serde_json::from_str(
        &fs::read_to_string(repo().join("tests/fixtures/agreement/expected.json"))
            .expect("expected"),
    )
    .expect("json");
    let codes = [
        ("trust", "Trust"),
        ("audit", "Audits"),
        ("fear", "Fear"),
        ("blame", "Blame"),
        ("hope", "Hope"),
    ];
    let mut compared = 0;
    for (key, caption, coders) in [("two", "Two coders", 2), ("three", "Three coders", 3)] {
        let rows = cells(&html, caption);
        let mut want: Vec<(String, &Value)> = codes
            .iter()
            .map(|(id, label)| (label.to_string(), &expected[key]["codes"][id]))
            .collect();
        want.push(("All codes".into(), &expected[key]["all"]));
        assert_eq!(rows.len(), want.len(), "{caption}: {rows:?}");
        for (row, (label, e)) in rows.iter().zip(&want) {
            let kappa = if coders == 2 {
                three(&e["kappa"])
            } else {
                "—".into()
            };
            let got: Vec<String> = row
                .iter()
                .map(|c| c.trim_end_matches('*').to_string())
                .collect();
            let wanted = vec![
                label.clone(),
                e["units"].to_string(),
                format!("{:.1}%", e["percent"].as_f64().expect("percent")),
                kappa,
                three(&e["alpha"]),
            ];
            assert_eq!(got, wanted, "{caption}");
            compared += 4;
            // Values under 0.667 are flagged, others not.
            for (cell, value) in row[3..].iter().zip([&e["kappa"], &e["alpha"]]) {
                if let Some(v) = value.as_f64().filter(|_| cell != "—") {
                    assert_eq!(cell.ends_with('*'), v < 0.667, "{caption} {label}: {cell}");
                }
            }
        }
    }
    assert!(
        html.contains("Two coders: ann and ben, per segment, 45 units"),
        "caption"
    );
    let roles = [
        (
            "K-trust",
            three(&expected["two"]["codes"]["trust"]["kappa"]),
        ),
        (
            "A-trust",
            three(&expected["two"]["codes"]["trust"]["alpha"]),
        ),
        ("A-all-three", three(&expected["three"]["all"]["alpha"])),
        ("K-all-two", three(&expected["two"]["all"]["kappa"])),
    ];
    for (key, want) in roles {
        assert!(
            html.contains(&format!("{key}: {want}<")),
            "{key} should be {want}"
        );
        compared += 1;
    }
    assert_eq!(compared, 52);
}

#[test]
fn agreement_mistakes_are_errors_at_their_line() {
    let dir = copy_project(&repo().join("tests/fixtures/agreement"));
    let section = "+++\ntitle = \"A\"\n+++\n\n```{agreement} segments\n:coders: ann\n```\n\n```{agreement} segments\n:coders: ann, bne\n```\n\n```{agreement} participants\n```\n\nK {kappa}`trust; unit=word`\n";
    fs::write(dir.path().join("content/sections/01-agreement.md"), section).expect("write");
    let out = findings(dir.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    for (message, line) in [
        (
            "agreement needs at least two coders, and the list names one (ann)",
            "01-agreement.md:5:1",
        ),
        ("unknown coder `bne`", "01-agreement.md:10:15"),
        ("did you mean `ben`?", ""),
        (
            "agreement is computed over segments, and `participants` selects participants",
            "01-agreement.md:13:16",
        ),
        (
            "{kappa}`trust; unit=word`: the agreement unit is `word`",
            "01-agreement.md:16:10",
        ),
    ] {
        assert!(err.contains(message), "{message}\n{err}");
        assert!(err.contains(line), "{line}\n{err}");
    }
}

#[test]
fn few_units_are_warned_about() {
    let dir = copy_project(&repo().join("tests/fixtures/agreement"));
    let section = "+++\ntitle = \"A\"\n+++\n\n```{agreement} segments[participant=p0]\n:coders: ann, ben\n```\n";
    fs::write(dir.path().join("content/sections/01-agreement.md"), section).expect("write");
    let out = findings(dir.path(), &["check"]);
    let err = stderr(&out);
    assert!(err.contains("warning: this agreement rests on"), "{err}");
    assert!(err.contains("fewer than 10"), "{err}");
}

#[test]
fn consensus_decides_whose_codes_count() {
    let segments: Value = serde_json::from_str(
        &fs::read_to_string(repo().join("tests/fixtures/agreement/content/data/segments.json"))
            .expect("segments"),
    )
    .expect("json");
    let coded = |s: &Value, coder: &str, code: &str| {
        s["codings"][coder].as_array().is_some_and(|a| {
            a.iter()
                .any(|c| c == code || (code == "trust" && c == "audit"))
        })
    };
    let all = segments.as_array().expect("array");
    let ben = all.iter().filter(|s| coded(s, "ben", "trust")).count();
    // "all" keeps a code only where every coder applied that very code;
    // the segment then counts for trust if that code is trust or audit.
    let exactly = |s: &Value, coder: &str, code: &str| {
        s["codings"][coder]
            .as_array()
            .is_some_and(|a| a.iter().any(|c| c == code))
    };
    let every = all
        .iter()
        .filter(|s| {
            ["trust", "audit"]
                .iter()
                .any(|code| ["ann", "ben", "cy"].iter().all(|c| exactly(s, c, code)))
        })
        .count();
    let union = all
        .iter()
        .filter(|s| ["ann", "ben", "cy"].iter().any(|c| coded(s, c, "trust")))
        .count();
    for (rule, want) in [(None, union), (Some("ben"), ben), (Some("all"), every)] {
        let dir = copy_project(&repo().join("tests/fixtures/agreement"));
        if let Some(rule) = rule {
            fs::write(
                dir.path().join("content/report.toml"),
                format!("title = \"A\"\n\n[coding]\nconsensus = \"{rule}\"\n"),
            )
            .expect("write");
        }
        fs::write(
            dir.path().join("content/sections/01-agreement.md"),
            "+++\ntitle = \"A\"\n+++\n\n- N: {count}`segments[code=trust]`\n",
        )
        .expect("write");
        let html = build_ok(dir.path());
        assert!(html.contains(&format!("N: {want}<")), "{rule:?}: {want}");
    }
    assert!(
        ben != union && every < ben,
        "the fixture must tell the rules apart"
    );
    let dir = copy_project(&repo().join("tests/fixtures/agreement"));
    fs::write(
        dir.path().join("content/report.toml"),
        "title = \"A\"\n\n[coding]\nconsensus = \"bem\"\n",
    )
    .expect("write");
    let out = findings(dir.path(), &["build"]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(
        err.contains("`consensus` names `bem`, who coded nothing"),
        "{err}"
    );
    assert!(err.contains("report.toml:4:13"), "{err}");
    assert!(err.contains("did you mean `ben`?"), "{err}");
}
