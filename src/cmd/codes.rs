//! `findings codes`: every code of a project's study, with its id, label,
//! parent and counts, as a table, an indented tree or JSON, so a code can
//! be named in the report without opening the export.

use std::path::Path;
use std::process::ExitCode;

use findings::analysis::code_list::{code_list, Entry};
use findings::{report, site, Diagnostic, Diagnostics, Location};

use super::show;

/// Lists the codes of `project`; exit 1 when its data does not load.
pub fn run(project: &Path, tree: bool, json: bool) -> ExitCode {
    if site::is_site(project) {
        let mut all = Diagnostics::new();
        all.push(
            Diagnostic::error(format!(
                "{} is a site of several reports",
                project.display()
            ))
            .at(Location::file(project.join("site.toml")))
            .help("list one report's codes: findings codes --project REPORT-FOLDER"),
        );
        show(&all);
        return ExitCode::FAILURE;
    }
    let listed = report::study(project).and_then(|study| {
        code_list(&study, tree).map_err(|p| {
            let mut all = Diagnostics::new();
            all.push(Diagnostic::error(p.message).help(p.help));
            all
        })
    });
    let entries = match listed {
        Ok(entries) => entries,
        Err(problems) => {
            show(&problems);
            return ExitCode::FAILURE;
        }
    };
    if json {
        println!("{}", as_json(&entries, tree));
    } else {
        print!("{}", as_table(&entries, tree));
    }
    ExitCode::SUCCESS
}

/// The JSON array: one object per code.
fn as_json(entries: &[Entry], tree: bool) -> String {
    let items: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            let mut item = serde_json::json!({
                "id": e.id,
                "label": e.label,
                "parent": e.parent,
                "path": e.path,
                "segments": e.segments,
                "participants": e.participants,
                "branch_segments": e.branch_segments,
                "branch_participants": e.branch_participants,
            });
            if tree {
                item["depth"] = e.depth.into();
            }
            item
        })
        .collect();
    serde_json::to_string_pretty(&items).unwrap_or_default()
}

/// Aligned columns; in a tree, labels indented two spaces per level and
/// the branch's counts beside the code's own.
fn as_table(entries: &[Entry], tree: bool) -> String {
    let mut rows: Vec<Vec<String>> = vec![if tree {
        [
            "label",
            "id",
            "segments",
            "participants",
            "branch segments",
            "branch participants",
        ]
        .map(String::from)
        .to_vec()
    } else {
        ["id", "label", "parent", "segments", "participants"]
            .map(String::from)
            .to_vec()
    }];
    for e in entries {
        rows.push(if tree {
            vec![
                format!("{}{}", "  ".repeat(e.depth), e.label),
                e.id.clone(),
                e.segments.to_string(),
                e.participants.to_string(),
                e.branch_segments.to_string(),
                e.branch_participants.to_string(),
            ]
        } else {
            vec![
                e.id.clone(),
                e.label.clone(),
                e.parent.clone().unwrap_or_else(|| "-".into()),
                e.segments.to_string(),
                e.participants.to_string(),
            ]
        });
    }
    let text_columns = if tree { 2 } else { 3 };
    let widths: Vec<usize> = (0..rows[0].len())
        .map(|k| rows.iter().map(|r| r[k].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in &rows {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(k, (cell, &w))| {
                if k < text_columns {
                    format!("{cell:<w$}")
                } else {
                    format!("{cell:>w$}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out.push_str(&format!(
        "\n{} codes. segments, participants: coded with the code itself{}\n",
        entries.len(),
        if tree {
            "; branch: the code and every code below it, each segment once (as {codebook} counts)"
        } else {
            " (sub-codes not included; --tree adds the branch's counts)"
        }
    ));
    out
}
