//! `findings codes` through the real binary: the table, the tree and the
//! JSON of a small JSON project and of a MAXQDA-shaped CSV export, and
//! the errors of a project that does not load. Every count is worked out
//! by hand from the rows the fixtures hold (written out beside each test).

use std::fs;

use crate::common::{copy_project, findings, repo, stderr};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `tests/fixtures/small`: codes speed, trust and audit (under trust);
/// s1 (p1) speed; s2 (p2) audit; s3 (p3) speed and trust.
/// Own: speed 2 segments / 2 people, trust 1 / 1 (s3), audit 1 / 1 (s2).
/// Branch: trust holds s2 and s3, so 2 / 2.
#[test]
fn lists_a_json_study_as_a_table_and_a_tree() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let out = findings(dir.path(), &["codes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "id     label   parent  segments  participants\n\
         speed  Speed   -              2             2\n\
         trust  Trust   -              1             1\n\
         audit  Audits  trust          1             1\n\
         \n\
         3 codes. segments, participants: coded with the code itself (sub-codes not included; --tree adds the branch's counts)\n"
    );
    let out = findings(dir.path(), &["codes", "--tree"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let table: Vec<&str> = text.lines().take(4).collect();
    assert_eq!(
        table,
        [
            "label     id     segments  participants  branch segments  branch participants",
            "Speed     speed         2             2                2                    2",
            "Trust     trust         1             1                2                    2",
            "  Audits  audit         1             1                1                    1",
        ]
    );
}

#[test]
fn prints_json_with_paths_and_both_counts() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let out = findings(dir.path(), &["codes", "--json", "--project", "."]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let want = serde_json::json!([
        {"id": "speed", "label": "Speed", "parent": null, "path": "Speed",
         "segments": 2, "participants": 2, "branch_segments": 2, "branch_participants": 2},
        {"id": "trust", "label": "Trust", "parent": null, "path": "Trust",
         "segments": 1, "participants": 1, "branch_segments": 2, "branch_participants": 2},
        {"id": "audit", "label": "Audits", "parent": "trust", "path": "Trust › Audits",
         "segments": 1, "participants": 1, "branch_segments": 1, "branch_participants": 1},
    ]);
    assert_eq!(got, want);
}

/// A MAXQDA coded-segments CSV: two documents (two participants, no
/// participants file), codes made from the paths, the repeated name
/// `programming` given its parent's prefix. Rows: Ana's "Loops first."
/// (Concepts\programming), Ana's "I can code now." and Bo's "Me too."
/// (Skills\programming), Bo's "Me too." again under Skills.
#[test]
fn lists_the_codes_of_a_coded_export() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("content/data")).unwrap();
    fs::create_dir_all(root.join("content/sections")).unwrap();
    fs::write(root.join("content/report.toml"), "title = \"X\"\n").unwrap();
    fs::write(
        root.join("content/data/coded.csv"),
        "Document name,Code,Begin,End,Segment\n\
         Interview Ana,Concepts\\programming,1,1,Loops first.\n\
         Interview Ana,Skills\\programming,2,2,I can code now.\n\
         Interview Bo,Skills\\programming,1,1,Me too.\n\
         Interview Bo,Skills,1,1,Me too.\n",
    )
    .unwrap();
    let out = findings(root, &["codes", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let got: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let rows: Vec<(String, String, u64, u64, u64, u64)> = got
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().to_string(),
                e["id"].as_str().unwrap().to_string(),
                e["segments"].as_u64().unwrap(),
                e["participants"].as_u64().unwrap(),
                e["branch_segments"].as_u64().unwrap(),
                e["branch_participants"].as_u64().unwrap(),
            )
        })
        .collect();
    let want = |p: &str, id: &str, s, n, bs, bn| (p.to_string(), id.to_string(), s, n, bs, bn);
    let mut rows = rows;
    rows.sort();
    assert_eq!(
        rows,
        [
            want("Concepts", "concepts", 0, 0, 1, 1),
            want("Concepts › programming", "concepts-programming", 1, 1, 1, 1),
            // Bo's "Me too." is one segment carrying Skills and its child.
            want("Skills", "skills", 1, 1, 2, 2),
            want("Skills › programming", "skills-programming", 2, 2, 2, 2),
        ]
    );
}

#[test]
fn a_project_that_does_not_load_prints_its_errors() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let path = dir.path().join("content/data/segments.json");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, text.replace("\"speed\", \"trust\"", "\"sped\"")).unwrap();
    let out = findings(dir.path(), &["codes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.contains("error: segment `s3` names unknown code `sped`"),
        "{err}"
    );
    assert!(err.contains("content/data/segments.json:4:"), "{err}");
    assert!(err.contains("did you mean `speed`?"), "{err}");

    let empty = tempfile::tempdir().unwrap();
    let out = findings(empty.path(), &["codes"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no content/ folder"),
        "{}",
        stderr(&out)
    );
}

/// A label stands for its code in a section: `Audits` is `audit`, which
/// only s2 carries.
#[test]
fn a_section_may_name_a_code_by_its_label() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    fs::write(
        dir.path().join("content/sections/09-labels.md"),
        "+++\ntitle = \"Labels\"\n+++\n\nAudits: {count}`segments[code=Audits]`, speed: {count}`segments[code=speed]`.\n",
    )
    .unwrap();
    let html = crate::common::build_ok(dir.path());
    assert!(crate::common::text(&html).contains("Audits: 1, speed: 2."));
}

/// `tests/fixtures/audit` with `section` as a third section and, when
/// given, its codebook and segments replaced; stderr of `findings check`.
fn check_audit(section: &str, edit: impl Fn(&std::path::Path)) -> String {
    let dir = copy_project(&repo().join("tests/fixtures/audit"));
    fs::write(dir.path().join("content/sections/03-extra.md"), section).unwrap();
    edit(dir.path());
    stderr(&findings(dir.path(), &["check"]))
}

/// In the audit fixture `rare` (Rare remark) is on s6 only, said by p4;
/// `trust-team` (Trust in the team) is on s2 and s3, both said by p2: one
/// participant each, fewer than the default 2.
#[test]
fn thin_evidence_fires_once_per_code_and_section_wherever_codes_are_shown() {
    let section = "+++\ntitle = \"X\"\n+++\n\n\
        Rare: {count}`segments[code=rare]`, {share}`segments[code=rare]`.\n\n\
        ```{stat} count segments[code=rare]\n```\n\n\
        ```{chart} bar\n:data: segments[code=trust-team]\n:by: code\n:codes: trust-team, rare\n```\n\n\
        ```{quotes} segments[code=rare]\n```\n";
    let err = check_audit(section, |_| {});
    let extra: Vec<&str> = err
        .split("\n\n")
        .filter(|d| d.contains("[thin-evidence]") && d.contains("03-extra.md"))
        .collect();
    assert_eq!(extra.len(), 2, "{err}");
    assert!(extra[0].starts_with("warning: the code `rare` (Rare remark) rests on 1 participant, fewer than 2 [thin-evidence]"), "{err}");
    assert!(extra[1].starts_with("warning: the code `trust-team` (Trust in the team) rests on 1 participant, fewer than 2 [thin-evidence]"), "{err}");

    // `{stat}` alone, and a chart's `:data:` alone, are each seen.
    let err = check_audit(
        "+++\ntitle = \"X\"\n+++\n\n```{stat} share segments[code=rare]\n```\n",
        |_| {},
    );
    assert!(
        err.contains("warning: the code `rare` (Rare remark) rests on 1 participant"),
        "{err}"
    );
    let err = check_audit("+++\ntitle = \"X\"\n+++\n\n```{chart} bar\n:data: segments[code=trust-team]\n:by: role\n```\n", |_| {});
    assert!(
        err.contains("warning: the code `trust-team` (Trust in the team) rests on 1 participant"),
        "{err}"
    );
}

#[test]
fn thin_evidence_names_a_code_once_when_its_id_is_its_label() {
    let err = check_audit(
        "+++\ntitle = \"X\"\n+++\n\nEquity: {count}`segments[code=equity]`.\n",
        |root| {
            let path = root.join("content/data/codebook.json");
            let text = fs::read_to_string(&path).unwrap();
            let text = text.replacen("[", "[\n  {\"id\": \"equity\", \"label\": \"equity\"},", 1);
            fs::write(&path, text).unwrap();
            let path = root.join("content/data/segments.json");
            let text = fs::read_to_string(&path).unwrap();
            fs::write(&path, text.replace("[\"rare\"]", "[\"rare\", \"equity\"]")).unwrap();
        },
    );
    assert!(
        err.contains(
            "warning: the code `equity` rests on 1 participant, fewer than 2 [thin-evidence]"
        ),
        "{err}"
    );
    assert!(!err.contains("(equity)"), "{err}");
}

/// With every segment said by p1, every code rests on one participant:
/// the lint is off, said once for the build, whatever the sections name.
#[test]
fn thin_evidence_is_off_for_a_study_of_one_participant_unless_asked_for() {
    let one = |root: &std::path::Path| {
        let path = root.join("content/data/segments.json");
        let text = fs::read_to_string(&path).unwrap();
        let text = ["p2", "p3", "p4"].iter().fold(text, |t, p| {
            t.replace(
                &format!("\"participant\": \"{p}\""),
                "\"participant\": \"p1\"",
            )
        });
        fs::write(&path, text).unwrap();
    };
    let section = "+++\ntitle = \"X\"\n+++\n\n{count}`segments[code=rare]` and {count}`segments[code=cost]`.\n";
    let err = check_audit(section, one);
    assert_eq!(
        err.matches("note: the thin-evidence lint is off: every coded segment comes from one participant, so every code rests on it; set [lints] min_participants in content/report.toml to turn it on").count(),
        1,
        "{err}"
    );
    assert!(!err.contains("[thin-evidence]"), "{err}");

    let err = check_audit(section, |root| {
        one(root);
        let path = root.join("content/report.toml");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, format!("{text}\n[lints]\nmin_participants = 2\n")).unwrap();
    });
    assert!(!err.contains("the thin-evidence lint is off"), "{err}");
    assert!(
        err.contains("the code `rare` (Rare remark) rests on 1 participant"),
        "{err}"
    );
    assert!(
        err.contains("the code `cost` (Cost) rests on 1 participant"),
        "{err}"
    );
}

/// The codebook appendix shows a code's id beside its label only where
/// the label alone would not name the code: an id unlike the label, or a
/// label another code shares.
#[test]
fn the_codebook_shows_an_id_only_where_the_label_does_not_name_the_code() {
    let dir = copy_project(&repo().join("tests/fixtures/small"));
    let data = dir.path().join("content/data");
    fs::write(
        data.join("codebook.json"),
        r#"[
  {"id": "speed", "label": "speed"},
  {"id": "trust", "label": "Trust"},
  {"id": "audit", "label": "audit", "parent": "trust"},
  {"id": "speed-audit", "label": "audit", "parent": "speed"}
]"#,
    )
    .expect("codebook");
    fs::write(
        dir.path().join("content/sections/02-more.md"),
        "+++\ntitle = \"Codebook\"\n+++\n\n```{codebook}\n```\n",
    )
    .expect("section");
    let out = findings(dir.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = fs::read_to_string(dir.path().join("output/index.html")).expect("page");
    let ids: Vec<&str> = page
        .split("<code class=\"code-id\">")
        .skip(1)
        .filter_map(|rest| rest.split("</code>").next())
        .collect();
    // `speed` is its own label; `Trust` is not `trust`; `audit` is the
    // label of two codes, so both show their ids.
    assert_eq!(ids, ["trust", "audit", "speed-audit"]);
}
