//! `table`: records, counts by a field, code frequency or a crosstab, as
//! an accessible HTML table.

use crate::analysis::format::NumberFormat;
use crate::analysis::select::{check_field, record_flag, select, value, Kind, Matches, Selection};
use crate::analysis::{code_frequency, count_by, crosstab};
use crate::markdown::directive::Directive;
use crate::markdown::section::{inline, SectionRenderer};
use crate::render::escape::push_html;

use super::{list, needs_argument, Failure};

/// `{table} SELECTION` with `:columns:`, `:by:`, `:across:`, `:caption:`.
pub fn render(r: &mut SectionRenderer<'_>, d: &Directive) -> Result<String, Failure> {
    if d.argument.trim().is_empty() {
        return Err(needs_argument("table", "participants"));
    }
    let sel =
        Selection::parse(&d.argument).map_err(|e| (e, "e.g. ```{table} participants".into()))?;
    let m = select(r.ctx.study, &sel)?;
    let caption = d.option("caption").map(|c| inline(c, r.ctx.raw_html));
    let (head, rows, illustrative) = match (d.option("by"), d.option("across")) {
        (Some("code"), None) if m.kind == Kind::Segments => frequency(&m, r.ctx.format),
        (Some(by), None) => shares(r, &m, by)?,
        (Some(by), Some(across)) => cross(&m, by, across, r.ctx.format)?,
        (None, Some(_)) => {
            return Err((
                "`:across:` needs `:by:` too".into(),
                "add :by: FIELD for the rows".into(),
            ))
        }
        (None, None) => records(&m, d.option("columns"))?,
    };
    r.out.illustrative |= illustrative;
    Ok(table_html(caption.as_deref(), &head, &rows, illustrative))
}

/// Rows of cells; a cell's flag says it holds a made-up value.
type Rows = Vec<Vec<(String, bool)>>;

/// Cells none of which is made up.
fn plain(cells: Vec<String>) -> Vec<(String, bool)> {
    cells.into_iter().map(|c| (c, false)).collect()
}

fn records(m: &Matches, columns: Option<&str>) -> Result<(Vec<String>, Rows, bool), Failure> {
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
    Ok((columns.iter().map(|c| heading(c)).collect(), rows, any))
}

fn shares(
    r: &SectionRenderer<'_>,
    m: &Matches,
    by: &str,
) -> Result<(Vec<String>, Rows, bool), Failure> {
    let tally = count_by(m, by)?;
    let f = r.ctx.format;
    let privacy = &m.study.privacy;
    let parts = f.split(&tally.counts());
    let total = tally.total();
    let mut rows: Rows = tally
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
    rows.push(plain(vec![
        "Total".into(),
        f.count(tally.total()),
        f.percent(if tally.total() > 0 { 100.0 } else { 0.0 }),
    ]));
    Ok((
        vec![heading(by), "Count".into(), "Share".into()],
        rows,
        m.illustrative(&[by]),
    ))
}

fn frequency(m: &Matches, f: &NumberFormat) -> (Vec<String>, Rows, bool) {
    let study = m.study;
    let privacy = &study.privacy;
    let rows = code_frequency(m)
        .into_iter()
        .map(|c| {
            plain(vec![
                study.codes[c.code].label.clone(),
                privacy.count(c.segments, f),
                privacy.count(c.participants, f),
            ])
        })
        .collect();
    (
        vec!["Code".into(), "Segments".into(), "Participants".into()],
        rows,
        m.illustrative(&["codes"]),
    )
}

fn cross(
    m: &Matches,
    by: &str,
    across: &str,
    f: &NumberFormat,
) -> Result<(Vec<String>, Rows, bool), Failure> {
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
    Ok((head, rows, m.illustrative(&[by, across])))
}

/// "risk_profile" → "Risk profile".
fn heading(field: &str) -> String {
    let spaced = field.replace(['_', '-'], " ");
    let mut chars = spaced.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

fn table_html(caption: Option<&str>, head: &[String], rows: &Rows, illustrative: bool) -> String {
    let mut html = String::from("<div class=\"table-wrap\"><table>\n");
    if let Some(c) = caption {
        html.push_str("<caption>");
        html.push_str(c);
        html.push_str("</caption>\n");
    }
    html.push_str("<thead><tr>");
    for h in head {
        html.push_str("<th scope=\"col\">");
        push_html(&mut html, h);
        html.push_str("</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for cells in rows {
        html.push_str("<tr>");
        for (i, (cell, made_up)) in cells.iter().enumerate() {
            let numeric = i > 0
                && !cell.is_empty()
                && cell
                    .chars()
                    .all(|c| c.is_ascii_digit() || ".,%\u{a0}\u{202f} ".contains(c));
            html.push_str(match (i, numeric) {
                (0, _) => "<th scope=\"row\">",
                (_, true) => "<td class=\"num\">",
                _ => "<td>",
            });
            push_html(&mut html, cell);
            if *made_up {
                html.push_str("<sup class=\"made-up\" title=\"Illustrative\">†</sup>");
            }
            html.push_str(if i == 0 { "</th>" } else { "</td>" });
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody></table>\n");
    if rows.iter().flatten().any(|c| c.1) {
        html.push_str(
            "<p class=\"table-note\">† Illustrative: not given by the source study.</p>\n",
        );
    } else if illustrative {
        html.push_str("<p class=\"table-note\">Computed in part from illustrative records not given by the source study.</p>\n");
    }
    html.push_str("</div>\n");
    html
}
