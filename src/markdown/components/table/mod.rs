//! `table`: records, counts by a field, code frequency or a crosstab, as
//! a table of the document.

mod codes;

use crate::analysis::select::{check_field, record_flag, select, value, Kind, Matches, Selection};
use crate::analysis::{count_by, crosstab};
use crate::charts::text::capital;
use crate::charts::Hierarchy;
use crate::document::{text, Block, Cell, Inline, Inlines, Note, Row, Scope, Table, TableKind};
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;
use crate::markdown::inline::inline;
use crate::model::numbers::NumberFormat;

use super::{list, needs_argument, Failure};

/// The options of `{table}`.
pub const OPTIONS: &[&str] = &[
    "columns", "by", "across", "caption", "count", "level", "codes", "under", "sort", "top",
];

/// `{table} SELECTION` with `:columns:`, `:by:`, `:across:`, `:caption:`
/// and, by code, the code options.
pub fn render(r: &mut dyn Renderer<'_>, d: &Directive) -> Result<Vec<Block>, Failure> {
    if d.argument.trim().is_empty() {
        return Err(needs_argument("table", "participants"));
    }
    let sel =
        Selection::parse(&d.argument).map_err(|e| (e, "e.g. ```{table} participants".into()))?;
    let m = select(r.ctx().study, &sel)?;
    let caption = d.option("caption").map(|c| inline(c, r.ctx().raw_html));
    let f = r.ctx().format;
    let by_code = m.kind == Kind::Segments && d.option("by") == Some("code");
    if !by_code {
        for key in ["level", "codes", "under", "sort", "top", "count"] {
            if d.option(key).is_some() {
                return Err((
                    format!("`:{key}:` applies to a table of segments by code"),
                    format!("use :by: code on a selection of segments, or leave :{key}: out"),
                ));
            }
        }
    }
    let table = match (d.option("by"), d.option("across")) {
        (Some(_), None) if by_code => codes::frequency(&m, d, f)?,
        (Some(_), Some(across)) if by_code => codes::crosstab(&m, d, across, f)?,
        (Some(by), None) => shares(&m, by, f)?,
        (Some(by), Some(across)) => cross(&m, by, across, f)?,
        (None, Some(_)) => {
            return Err((
                "`:across:` needs `:by:` too".into(),
                "add :by: FIELD for the rows".into(),
            ))
        }
        (None, None) => records(&m, d.option("columns"))?,
    };
    if table.illustrative {
        r.illustrative();
    }
    Ok(vec![Block::Table(document(caption, table))])
}

/// Rows of cells; a cell's flag says it holds a made-up value.
type Rows = Vec<Vec<(String, bool)>>;

/// A table's figures, before they are laid out.
struct Data {
    /// What the table shows.
    kind: TableKind,
    head: Vec<String>,
    rows: Rows,
    /// Where the rows sit in the code tree (flat for other tables).
    hierarchy: Hierarchy,
    /// Rows under the body (bases, totals).
    foot: Vec<Vec<String>>,
    /// Sentences under the table.
    notes: Vec<String>,
    /// Whether anything shown rests on illustrative data.
    illustrative: bool,
}

impl Data {
    fn plain(kind: TableKind, head: Vec<String>, rows: Rows, illustrative: bool) -> Data {
        Data {
            kind,
            head,
            rows,
            hierarchy: Hierarchy::Flat,
            foot: Vec::new(),
            notes: Vec::new(),
            illustrative,
        }
    }
}

/// Cells none of which is made up.
fn plain(cells: Vec<String>) -> Vec<(String, bool)> {
    cells.into_iter().map(|c| (c, false)).collect()
}

fn records(m: &Matches, columns: Option<&str>) -> Result<Data, Failure> {
    let study = m.study;
    let columns = match columns {
        Some(c) => list(c),
        // Default columns leave private fields out rather than fail.
        None => match m.kind {
            Kind::Participants => ["alias", "role", "persona"].map(String::from).to_vec(),
            Kind::Segments => ["participant", "text"].map(String::from).to_vec(),
            _ => crate::analysis::select::fields(study, m.kind, &m.dataset)
                .into_iter()
                .filter(|f| f != "illustrative")
                .collect(),
        }
        .into_iter()
        .filter(|c| study.privacy.private_entry(m.kind, &m.dataset, c).is_none())
        .collect(),
    };
    for c in &columns {
        check_field(study, m.kind, &m.dataset, c)?;
    }
    let mut any = false;
    let rows = m
        .indices
        .iter()
        .map(|&i| {
            let flag = record_flag(study, m.kind, &m.dataset, i);
            columns
                .iter()
                .map(|c| {
                    let v = value(study, m.kind, &m.dataset, i, c);
                    let made_up = flag.covers(c);
                    any |= made_up;
                    (study.labels.get(c, &v).to_string(), made_up)
                })
                .collect()
        })
        .collect();
    Ok(Data::plain(
        TableKind::Records,
        columns.iter().map(|c| heading(c)).collect(),
        rows,
        any,
    ))
}

/// A partition: every record in one row, shares rounded together so they
/// add up to exactly 100 %.
fn shares(m: &Matches, by: &str, f: &NumberFormat) -> Result<Data, Failure> {
    let tally = count_by(m, by)?;
    let privacy = &m.study.privacy;
    let parts = f.split(&tally.counts());
    let total = tally.total();
    let rows: Rows = tally
        .values
        .iter()
        .zip(&parts)
        .map(|((_, label, n), p)| {
            plain(vec![
                label.clone(),
                privacy.count(*n, f),
                privacy.share(*n, total, *p, f),
            ])
        })
        .collect();
    let mut table = Data::plain(
        TableKind::Counts,
        vec![heading(by), "Count".into(), "Share".into()],
        rows,
        m.illustrative(&[by]),
    );
    table.foot.push(vec![
        "Total".into(),
        f.count(total),
        f.percent(if total > 0 { 100.0 } else { 0.0 }),
    ]);
    Ok(table)
}

fn cross(m: &Matches, by: &str, across: &str, f: &NumberFormat) -> Result<Data, Failure> {
    let x = crosstab(m, by, across)?;
    let privacy = &m.study.privacy;
    let mut head = vec![heading(by)];
    head.extend(x.columns.iter().map(|c| c.1.clone()));
    head.push("Total".into());
    let rows = x
        .rows
        .iter()
        .zip(&x.counts)
        .map(|(row, counts)| {
            let mut cells = vec![row.1.clone()];
            cells.extend(counts.iter().map(|&n| privacy.count(n, f)));
            cells.push(privacy.count(counts.iter().sum::<u64>(), f));
            plain(cells)
        })
        .collect();
    Ok(Data::plain(
        TableKind::Crosstab,
        head,
        rows,
        m.illustrative(&[by, across]),
    ))
}

/// "risk_profile" → "Risk profile".
fn heading(field: &str) -> String {
    capital(&field.replace(['_', '-'], " "))
}

fn is_numeric(cell: &str) -> bool {
    !cell.is_empty()
        && cell
            .chars()
            .all(|c| c.is_ascii_digit() || ".,%<\u{a0}\u{202f} ".contains(c))
}

/// One row: its header cell (with its place in the code tree), then
/// numbers and made-up values as such.
fn row(cells: &[(String, bool)], hierarchy: &Hierarchy, r: usize) -> Row {
    let cells = cells
        .iter()
        .enumerate()
        .map(|(i, (cell, made_up))| {
            let cell = if i == 0 {
                Cell {
                    place: hierarchy.place(r),
                    ..Cell::header(Scope::Row, vec![Inline::Label(cell.clone())])
                }
            } else if is_numeric(cell) {
                Cell::number(text(cell))
            } else {
                Cell::data(text(cell))
            };
            Cell {
                illustrative: *made_up,
                ..cell
            }
        })
        .collect();
    Row::new(cells)
}

/// The document's table of `t`, under `caption`.
fn document(caption: Option<Inlines>, t: Data) -> Table {
    let mut table = Table::new(t.kind);
    table.caption = caption;
    let head = t.head.iter().map(|h| Cell::header(Scope::Col, text(h)));
    table.head.push(Row::new(head.collect()));
    table.body = (t.rows.iter().enumerate())
        .map(|(r, cells)| row(cells, &t.hierarchy, r))
        .collect();
    table.foot = (t.foot.into_iter())
        .map(|cells| row(&plain(cells), &Hierarchy::Flat, 0))
        .collect();
    table.notes = t.notes.iter().map(|n| Note::reading(text(n))).collect();
    if t.rows.iter().flatten().any(|c| c.1) {
        let note = "† Illustrative: not given by the source study.";
        table.notes.push(Note::reading(text(note)));
    } else if t.illustrative {
        let note = "Computed in part from illustrative records not given by the source study.";
        table.notes.push(Note::reading(text(note)));
    }
    table
}
