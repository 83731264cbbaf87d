//! Wrong chart options are reported with file, line and a hint.

use std::fs;

use crate::common::{copy_project, findings, repo, stderr};

fn check_with(section: &str, series: Option<&str>) -> String {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    fs::write(dir.path().join("content/sections/09-chart.md"), section).unwrap();
    if let Some(series) = series {
        fs::write(dir.path().join("content/data/series.json"), series).unwrap();
    }
    let out = findings(dir.path(), &["check"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    stderr(&out)
}

fn chart(body: &str) -> String {
    format!("+++\ntitle = \"Chart\"\n+++\n\nText.\n\n```{{chart}} {body}\n```\n")
}

#[test]
fn unknown_kind() {
    let err = check_with(&chart("donutt\n:data: participants\n:by: stance"), None);
    assert!(err.contains("error: unknown chart kind `donutt`"), "{err}");
    assert!(
        err.contains("--> content/sections/09-chart.md:7:1"),
        "{err}"
    );
    assert!(err.contains("help: did you mean `donut`?"), "{err}");
}

#[test]
fn missing_option_and_unknown_field_or_dataset() {
    let err = check_with(&chart("donut\n:data: participants"), None);
    assert!(err.contains("`{chart} donut` needs `:by:`"), "{err}");
    assert!(err.contains("help: add a line :by: stance"), "{err}");
    let err = check_with(&chart("bar\n:data: participants\n:by: stnace"), None);
    assert!(err.contains("participants have no field `stnace`"), "{err}");
    assert!(err.contains("did you mean `stance`?"), "{err}");
    let err = check_with(&chart("bar\n:data: particpants\n:by: stance"), None);
    assert!(err.contains("unknown dataset `particpants`"), "{err}");
}

#[test]
fn empty_data() {
    let err = check_with(
        &chart("donut\n:data: participants[stance=nobody]\n:by: stance"),
        None,
    );
    assert!(err.contains("cannot draw the donut chart"), "{err}");
    // The caret is on the option the message names, in the selection.
    assert!(
        err.contains("--> content/sections/09-chart.md:8:21"),
        "{err}"
    );
}

#[test]
fn unparseable_series_date() {
    let series = r#"[{"id": "s", "label": "S", "points": [{"date": "2025-11-03", "value": 1}, {"date": "3 Nov 2025", "value": 2}]}]"#;
    let err = check_with(&chart("line\n:series: s"), Some(series));
    assert!(err.contains("error: \"3 Nov 2025\" is not a date"), "{err}");
    assert!(err.contains("--> content/data/series.json:1:"), "{err}");
    assert!(err.contains("help: write dates as YYYY-MM-DD"), "{err}");
    let err = check_with(
        &chart("line\n:series: t"),
        Some(&series.replace("3 Nov 2025", "2025-11-04")),
    );
    assert!(err.contains("unknown series `t`"), "{err}");
}
