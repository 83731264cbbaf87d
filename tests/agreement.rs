//! Inter-coder agreement on a fixture with two and three coders
//! (`tests/fixtures/agreement`): every cell of the `{agreement}` tables and
//! every `{kappa}`/`{alpha}` role equals the values PyPI's `krippendorff`
//! and scikit-learn's `cohen_kappa_score` gave (`make.py` there wrote the
//! fixture and `expected.json`; the command is in its docstring).

mod common;

use std::fs;

use common::{build_ok, copy_project, findings, repo, stderr};
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
