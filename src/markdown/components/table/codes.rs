//! `{table} segments :by: code`: code frequency with each share over the
//! selection (a multi-response table: a segment can carry several codes),
//! and `:across: FIELD`, a code × attribute crosstab.

use crate::analysis::codes::code_rows;
use crate::analysis::crosstab::column_totals;
use crate::analysis::select::Matches;
use crate::analysis::{code_crosstab, CodeRows, CodeSort};
use crate::markdown::context::Directive;
use crate::model::numbers::NumberFormat;

use super::super::code_options;
use super::super::Failure;
use super::{heading, plain, Data};
use crate::document::TableKind;

const PARENT_NOTE: &str = "a parent counts its sub-codes";

/// Code frequency: one row per code, segments and participants, each with
/// its share of the selection's segments or participants.
pub fn frequency(m: &Matches, d: &Directive, f: &NumberFormat) -> Result<Data, Failure> {
    let study = m.study;
    let mut q = code_options::query(study, d, CodeSort::Codebook)?;
    // A table lists the codebook: codes without segments are findings too.
    q.keep_empty = d.option("top").is_none();
    let rows = code_rows(m, &q);
    let privacy = &study.privacy;
    let (ns, np) = (rows.base_segments, rows.base_participants);
    let body = rows
        .rows
        .iter()
        .map(|r| {
            plain(vec![
                study.codes[r.code].label.clone(),
                privacy.count(r.segments, f),
                privacy.share(r.segments, ns, f.ratio(r.segments, ns), f),
                privacy.count(r.participants, f),
                privacy.share(r.participants, np, f.ratio(r.participants, np), f),
            ])
        })
        .collect();
    let full = |n: u64| f.percent(if n > 0 { 100.0 } else { 0.0 });
    Ok(Data {
        kind: TableKind::CodeFrequency,
        head: vec![
            format!("Code ({PARENT_NOTE})"),
            "Segments".into(),
            format!("Share of {}", f.count(ns)),
            "Participants".into(),
            format!("Share of {}", f.count(np)),
        ],
        hierarchy: code_options::hierarchy(study, &rows),
        rows: body,
        foot: vec![vec![
            format!(
                "Segments (n = {}), participants (n = {})",
                f.count(ns),
                f.count(np)
            ),
            f.count(ns),
            full(ns),
            f.count(np),
            full(np),
        ]],
        notes: vec![notes(&rows, f)],
        illustrative: m.illustrative(&["codes"]),
    })
}

/// Code × attribute: one row per code, one column per value of `across`,
/// counting segments or (`:count: participants`) distinct participants.
pub fn crosstab(
    m: &Matches,
    d: &Directive,
    across: &str,
    f: &NumberFormat,
) -> Result<Data, Failure> {
    let study = m.study;
    let q = code_options::query(study, d, CodeSort::Codebook)?;
    let rows = code_rows(m, &q);
    let x = code_crosstab(m, &rows.rows, across, q.people)?;
    let privacy = &study.privacy;
    let what = if q.people { "Participants" } else { "Segments" };
    let mut head = vec![format!("Code ({PARENT_NOTE})")];
    head.extend(x.columns.iter().map(|c| c.1.clone()));
    head.push(format!("{what} with the code"));
    let body = rows
        .rows
        .iter()
        .zip(&x.counts)
        .map(|(r, counts)| {
            let mut cells = vec![study.codes[r.code].label.clone()];
            cells.extend(counts.iter().map(|&n| privacy.count(n, f)));
            cells.push(privacy.count(r.count(q.people), f));
            plain(cells)
        })
        .collect();
    // The base row counts each segment (participant) once per column,
    // however many codes it carries.
    let base = column_totals(m, across, q.people, &x.columns);
    let n = if q.people {
        rows.base_participants
    } else {
        rows.base_segments
    };
    let mut foot = vec![format!("{what} (n = {})", f.count(n))];
    foot.extend(base.iter().map(|&c| privacy.count(c, f)));
    foot.push(f.count(n));
    let mut notes = vec![notes(&rows, f)];
    if q.people {
        notes.push(format!(
            "A participant whose segments differ in {} counts in each of its columns.",
            heading(across).to_lowercase()
        ));
    }
    Ok(Data {
        kind: TableKind::CodeCrosstab,
        head,
        hierarchy: code_options::hierarchy(study, &rows),
        rows: body,
        foot: vec![foot],
        notes,
        illustrative: m.illustrative(&["codes", across]),
    })
}

/// What a reader needs to read the shares right.
fn notes(rows: &CodeRows, f: &NumberFormat) -> String {
    let mut s = format!(
        "A segment can carry several codes, so the shares in a column do not add up to 100{} and its counts add up to more than its base.",
        f.percent_sign
    );
    if let Some(top) = code_options::top_note(rows) {
        s = format!("{top}. {s}");
    }
    s
}
