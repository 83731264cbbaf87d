//! `findings serve` on a research site: the index and every report page
//! are served from memory, a save in one report rebuilds that report and
//! the index follows, and the index keeps its search script under the
//! served policy.

use std::fs;
use std::process::Command;

use crate::serve_support::*;

/// A new site in a temp folder.
fn new_site() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let status = Command::new(env!("CARGO_BIN_EXE_findings"))
        .args(["new", "--site"])
        .arg(tmp.path().join("site"))
        .output()
        .expect("run findings new --site");
    assert!(status.status.success());
    tmp
}

#[test]
fn serves_the_index_and_each_report_page() {
    let tmp = new_site();
    let served = Served::start(&tmp.path().join("site"));
    let (status, head, index) = served.get("/");
    assert_eq!(status, 200, "{}", served.stderr());
    assert!(index.contains("Onboarding Interviews") && index.contains("id=\"search-data\""));
    // The policy allows the search script and the reload script, by hash.
    let policy = head
        .lines()
        .find(|l| l.starts_with("content-security-policy:"))
        .expect("a policy");
    assert_eq!(policy.matches("'sha256-").count(), 2, "{policy}");
    for target in [
        "/follow-up/index.html",
        "/follow-up/",
        "/onboarding/index.html",
    ] {
        let (status, _, body) = served.get(target);
        assert_eq!(status, 200, "{target}");
        assert!(body.contains("class=\"site-nav\""), "{target}");
        assert!(body.contains("/__findings/events"), "{target}");
    }
    for target in [
        "/nope/index.html",
        "/follow-up/content/report.toml",
        "/reports/follow-up/",
    ] {
        assert_eq!(served.get(target).0, 404, "{target}");
    }
}

#[test]
fn a_save_in_one_report_rebuilds_it_and_the_index_follows() {
    let tmp = new_site();
    let site = tmp.path().join("site");
    let served = Served::start(&site);
    let mut events = served.events();
    events.until("hello");
    let config = site.join("reports/follow-up/content/report.toml");
    let text = fs::read_to_string(&config).expect("read");
    save(
        &config,
        &text.replace("Follow-up: Trust After Launch", "Follow-up: Trust Regained"),
    );
    let index = served.page_until(|p| p.contains("Follow-up: Trust Regained"));
    assert!(!index.contains("Trust After Launch"), "{index}");
    let (_, _, onboarding) = served.get("/onboarding/index.html");
    // The other report's navigation names the new title too.
    assert!(
        onboarding.contains("Previous: Follow-up: Trust Regained"),
        "{onboarding}"
    );
    // A broken link in one report fails the site, and says where.
    let section = site.join("reports/follow-up/content/sections/01-trust.md");
    let text = fs::read_to_string(&section).expect("read");
    save(
        &section,
        &text.replace("(onboarding#findings)", "(onboarding#nowhere)"),
    );
    let (event, data) = loop {
        let (event, data) = events.next();
        if event == "build-error" {
            break (event, data);
        }
    };
    assert_eq!(event, "build-error");
    assert!(
        data.contains("report `onboarding` has no anchor `nowhere`"),
        "{data}"
    );
    assert!(
        data.contains("reports/follow-up/content/sections/01-trust.md"),
        "{data}"
    );
}
