//! Research sites: `findings new --site` builds as is, every link of
//! every page resolves (in-page and between pages), the index shows what
//! the reports hold (expected values worked out by hand from the scaffold's
//! datasets), output is byte-identical across builds, links between
//! reports are checked, and a failed build leaves the output untouched.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use crate::common::{findings, stderr};

/// The pages of the new site's output.
const PAGES: [&str; 3] = [
    "index.html",
    "onboarding/index.html",
    "follow-up/index.html",
];

/// A new site in a temp folder, built; returns the folder.
fn built_demo() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = findings(tmp.path(), &["new", "--site", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = findings(tmp.path(), &["build", "--project", "demo"]);
    assert!(out.status.success(), "{}", stderr(&out));
    tmp
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn ids(html: &str) -> HashSet<String> {
    let doc = scraper::Html::parse_document(html);
    let sel = scraper::Selector::parse("[id]").expect("selector");
    doc.select(&sel)
        .filter_map(|e| e.value().attr("id").map(str::to_string))
        .collect()
}

/// Every `href` of `page` that is not absolute, resolved to a file and
/// an anchor; both must exist.
fn broken_links(out: &Path, page: &Path) -> Vec<String> {
    let html = read(&out.join(page));
    let doc = scraper::Html::parse_document(&html);
    let sel = scraper::Selector::parse("a[href]").expect("selector");
    let mut broken = Vec::new();
    for a in doc.select(&sel) {
        let href = a.value().attr("href").unwrap_or("");
        if href.starts_with("https://") || href.starts_with("http://") {
            continue;
        }
        let (file, anchor) = href.split_once('#').unwrap_or((href, ""));
        let target: PathBuf = if file.is_empty() {
            page.to_path_buf()
        } else {
            let mut t = page.parent().unwrap_or(Path::new("")).to_path_buf();
            for part in file.split('/') {
                if part == ".." {
                    t.pop();
                } else {
                    t.push(part);
                }
            }
            t
        };
        let Ok(text) = fs::read_to_string(out.join(&target)) else {
            broken.push(format!(
                "{}: {href} → no file {}",
                page.display(),
                target.display()
            ));
            continue;
        };
        if !anchor.is_empty() && !ids(&text).contains(anchor) {
            broken.push(format!("{}: {href} → no #{anchor}", page.display()));
        }
    }
    broken
}

#[test]
fn a_new_site_builds_an_index_and_two_reports_whose_links_all_resolve() {
    let tmp = built_demo();
    let out = tmp.path().join("demo/output");
    let mut broken = Vec::new();
    for page in PAGES {
        assert!(out.join(page).is_file(), "{page} missing");
        broken.extend(broken_links(&out, Path::new(page)));
    }
    assert!(broken.is_empty(), "{broken:#?}");
    for page in PAGES {
        let html = read(&out.join(page));
        assert!(!html.contains('\u{1}'), "{page}: a placeholder was left");
        let doc = scraper::Html::parse_document(&html);
        let sel = scraper::Selector::parse("[id]").expect("selector");
        let all: Vec<&str> = doc
            .select(&sel)
            .filter_map(|e| e.value().attr("id"))
            .collect();
        let distinct: HashSet<&str> = all.iter().copied().collect();
        assert_eq!(all.len(), distinct.len(), "{page}: an id is used twice");
    }
    // The report pages link each other and the index.
    let follow = read(&out.join("follow-up/index.html"));
    assert!(follow.contains("href=\"../index.html\""));
    assert!(follow.contains("href=\"../onboarding/index.html#findings\""));
    assert!(follow.contains("rel=\"next\" href=\"../onboarding/index.html\""));
    // {ref}`onboarding:fig-stance`: the onboarding report's only figure.
    assert!(
        follow.contains("Figure&nbsp;1 of Onboarding Interviews</a>"),
        "{follow}"
    );
    assert!(!follow.contains('\u{1}'));
}

#[test]
fn the_index_shows_each_report_newest_first_with_its_numbers() {
    let tmp = built_demo();
    let index = read(&tmp.path().join("demo/output/index.html"));
    let text = crate::common::text(&index);
    // follow-up is dated 2026-04-02, onboarding 2026-01-15.
    let follow = text
        .find("Follow-up: Trust After Launch")
        .expect("follow-up card");
    let onboarding = text.find("Onboarding Interviews").expect("onboarding card");
    assert!(follow < onboarding, "newest first");
    // Onboarding: 2 of its 3 participants are positive, 2/3 = 66.7 %.
    assert!(
        text.contains("66.7% of participants were positive"),
        "{text}"
    );
    // Follow-up: segments f1 and f3 carry `trust`, of 3 segments.
    assert!(text.contains("2 of 3 quotes speak of trust"), "{text}");
    // Both reports: 3 participants, 2 codes, 3 segments.
    assert_eq!(
        text.matches("Participants 3 Codes 2 Segments 3").count(),
        2,
        "{text}"
    );
    // Tags: speed is on both reports, onboarding and trust on one each.
    assert!(text.contains("onboarding 1 speed 2 trust 1"), "{text}");
    // The search data is inert JSON and the only script has its hash.
    assert!(index.contains("<script type=\"application/json\" id=\"search-data\">"));
    assert_eq!(index.matches("<script").count(), 2);
    let start = index.find("<script>").expect("script") + "<script>".len();
    let end = start + index[start..].find("</script>").expect("end");
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash =
        base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(&index[start..end]));
    assert!(
        index.contains(&format!("script-src &#39;sha256-{hash}&#39;;")),
        "the policy does not allow the script"
    );
}

#[test]
fn the_search_index_folds_diacritics_and_holds_quotes_and_code_labels() {
    let tmp = built_demo();
    let index = read(&tmp.path().join("demo/output/index.html"));
    let start = index.find("id=\"search-data\">").expect("data") + "id=\"search-data\">".len();
    let end = start + index[start..].find("</script>").expect("end");
    let data: serde_json::Value = serde_json::from_str(&index[start..end]).expect("json");
    let words: Vec<&str> = data["w"]
        .as_array()
        .expect("words")
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    // "Az oltás utáni felmérés…" is in the follow-up's quote f2.
    for w in ["oltas", "utani", "felmeres", "trust", "speed"] {
        assert!(words.contains(&w), "{w} not in {words:?}");
    }
    assert!(!words.contains(&"oltás"));
    assert!(
        !index.contains("xonboarding"),
        "a placeholder reached the index"
    );
    let docs: Vec<&serde_json::Value> = data["r"]
        .as_array()
        .expect("reports")
        .iter()
        .flat_map(|r| r[2].as_array().expect("pieces"))
        .collect();
    let quotes = docs.iter().filter(|d| d[0] == "q").count();
    let codes = docs.iter().filter(|d| d[0] == "c").count();
    // Onboarding shows quote s1; follow-up shows all three of its segments.
    assert_eq!(quotes, 4);
    // Two codes in each report's codebook.
    assert_eq!(codes, 4);
}

#[test]
fn a_site_builds_byte_for_byte_the_same_twice() {
    let tmp = built_demo();
    let out = tmp.path().join("demo/output");
    let first: Vec<String> = PAGES.iter().map(|p| read(&out.join(p))).collect();
    let again = findings(tmp.path(), &["build", "--project", "demo"]);
    assert!(again.status.success());
    let second: Vec<String> = PAGES.iter().map(|p| read(&out.join(p))).collect();
    assert!(first == second, "the second build differs");
}

#[test]
fn an_unknown_report_or_anchor_is_an_error_at_its_line() {
    let tmp = built_demo();
    let section = tmp
        .path()
        .join("demo/reports/follow-up/content/sections/01-trust.md");
    let text = read(&section)
        .replace("(onboarding#findings)", "(onbording#findings)")
        .replace(
            "{ref}`onboarding:fig-stance`",
            "{ref}`onboarding:fig-stanse`",
        );
    fs::write(&section, text).expect("write");
    let before = read(&tmp.path().join("demo/output/index.html"));
    let out = findings(tmp.path(), &["build", "--project", "demo"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("error: the link points to report `onbording`, which the site does not have\n --> reports/follow-up/content/sections/01-trust.md:7:48\n"), "{err}");
    assert!(err.contains("= help: did you mean `onboarding`?"), "{err}");
    // The figure check runs once every report is built: fix the link first.
    let text = read(&section).replace("(onbording#findings)", "(onboarding#findngs)");
    fs::write(&section, text).expect("write");
    let err = stderr(&findings(tmp.path(), &["check", "--project", "demo"]));
    assert!(err.contains("error: report `onboarding` has no anchor `findngs`\n --> reports/follow-up/content/sections/01-trust.md:7:48\n"), "{err}");
    assert!(
        err.contains("= help: did you mean `onboarding#findings`?"),
        "{err}"
    );
    assert!(err.contains("error: report `onboarding` has no figure labelled `fig-stanse`\n --> reports/follow-up/content/sections/01-trust.md:9:7\n"), "{err}");
    assert!(
        err.contains("= help: did you mean `onboarding:fig-stance`?"),
        "{err}"
    );
    assert_eq!(read(&tmp.path().join("demo/output/index.html")), before);
}

#[test]
fn a_plain_project_cannot_point_into_another_report() {
    let tmp = tempfile::tempdir().expect("temp dir");
    assert!(findings(tmp.path(), &["new", "solo"]).status.success());
    let section = tmp.path().join("solo/content/sections/02-findings.md");
    let text = read(&section).replace("{ref}`fig-stance`", "{ref}`other:fig-stance`");
    fs::write(&section, text).expect("write");
    let out = findings(tmp.path(), &["check", "--project", "solo"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("points into another report, but this report is not part of a site"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_headline_error_points_into_report_toml() {
    let tmp = built_demo();
    let config = tmp
        .path()
        .join("demo/reports/onboarding/content/report.toml");
    let text = read(&config).replace(
        "participants[stance=positive]",
        "participants[stanse=positive]",
    );
    fs::write(&config, text).expect("write");
    let out = findings(tmp.path(), &["check", "--project", "demo"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    // headline = "{share}`participants[stanse=positive]` of …" is line 6;
    // the code span starts after `headline = "{share}`, column 20.
    assert!(
        err.contains(" --> reports/onboarding/content/report.toml:6:20\n"),
        "{err}"
    );
    assert!(err.contains("stanse"), "{err}");
}

#[test]
fn a_site_never_writes_over_an_output_folder_it_did_not_write() {
    let tmp = tempfile::tempdir().expect("temp dir");
    assert!(findings(tmp.path(), &["new", "--site", "demo"])
        .status
        .success());
    let output = tmp.path().join("demo/output");
    fs::create_dir_all(&output).expect("mkdir");
    fs::write(output.join("index.html"), "mine").expect("write");
    let out = findings(tmp.path(), &["build", "--project", "demo"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("holds files findings did not write"),
        "{}",
        stderr(&out)
    );
    assert_eq!(read(&output.join("index.html")), "mine");
    assert!(!output.join("onboarding").exists());
}
