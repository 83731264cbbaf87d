//! `chart`: computes the chart's data from the study and draws it as a
//! numbered figure with its summary and data table.

use crate::analysis::codes::code_rows;
use crate::analysis::cooccurrence::cooccurrence_of;
use crate::analysis::select::{select, Kind, Selection};
use crate::analysis::{code_crosstab, count_by, crosstab, CodeSort};
use crate::charts::text::capital;
use crate::charts::{self, Category, ChartData, ChartKind, ChartSpec, Scope, Shape, MAX_CODES};
use crate::document::{Block, Figure, FigureBody};
use crate::error::did_you_mean;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;

mod time;

use super::{code_options, needs_argument, Failure};

fn required<'d>(d: &'d Directive, key: &str, example: &str) -> Result<&'d str, Failure> {
    d.option(key).ok_or_else(|| {
        (
            format!("`{{chart}} {}` needs `:{key}:`", d.argument),
            format!("add a line :{key}: {example}"),
        )
    })
}

/// The options of `{chart}`.
pub const OPTIONS: &[&str] = &[
    "data", "by", "across", "count", "series", "title", "label", "level", "codes", "under", "sort",
    "top",
];

/// `{chart} KIND` with data options and a caption body.
pub fn render(
    r: &mut dyn Renderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<Vec<Block>, Failure> {
    let name = d.argument.trim();
    if name.is_empty() {
        return Err(needs_argument("chart", "donut"));
    }
    let kind = ChartKind::parse(name).ok_or_else(|| {
        let names = ChartKind::names();
        let help = did_you_mean(name, names.iter().copied()).map_or_else(
            || format!("chart kinds: {}", names.join(", ")),
            |m| format!("did you mean `{m}`?"),
        );
        (format!("unknown chart kind `{name}`"), help)
    })?;
    let (data, illustrative, default_title) = data(r, d, kind)?;
    small_cells(r.ctx().study, &data)?;
    let title = d.option("title").map_or(default_title, str::to_string);
    let (number, id) = r.figure(d.option("label"), body_at, 1)?;
    let spec = ChartSpec {
        kind,
        id: id.clone(),
        title,
        data,
        illustrative,
        format: r.ctx().format.clone(),
    };
    let chart = charts::render(&spec).map_err(|e| {
        (
            format!("cannot draw the {name} chart: {e}"),
            "check the chart's data options".to_string(),
        )
    })?;
    if illustrative {
        r.illustrative();
    }
    let caption = r.markdown(&d.body, body_at, scope);
    Ok(vec![Block::Figure(Figure {
        id,
        number,
        body: FigureBody::Chart {
            svg: chart.svg,
            summary: chart.summary,
        },
        caption,
        data: vec![Block::Table(chart.table)],
        illustrative,
    })])
}

fn data(
    r: &dyn Renderer<'_>,
    d: &Directive,
    kind: ChartKind,
) -> Result<(ChartData, bool, String), Failure> {
    let study = r.ctx().study;
    let selection = |d: &Directive| -> Result<_, Failure> {
        let sel = Selection::parse(required(d, "data", "participants")?)
            .map_err(|e| (e, "e.g. :data: participants".into()))?;
        Ok(select(study, &sel)?)
    };
    match kind.shape() {
        Shape::Split => {
            let m = selection(d)?;
            let by = required(d, "by", "stance")?;
            let ill = m.illustrative(&[by]);
            if m.kind == Kind::Segments && by == "code" {
                if kind != ChartKind::Bar {
                    return Err((
                        format!("a {} cannot show codes: a segment can carry several codes, so code shares do not add up to 100%", kind.name()),
                        "use ```{chart} bar, which shows each code's share of the selection on its own".into(),
                    ));
                }
                let q = code_options::query(study, d, CodeSort::Count)?;
                let rows = code_rows(&m, &q);
                let categories = rows
                    .rows
                    .iter()
                    .zip(code_options::labels(study, &rows))
                    .map(|(r, label)| Category {
                        label,
                        count: r.count(q.people),
                    })
                    .collect();
                let what = if q.people { "participants" } else { "segments" };
                return Ok((
                    ChartData::Split {
                        what: what.into(),
                        by: "code".into(),
                        categories,
                        scope: code_options::scope(study, &rows, q.people),
                    },
                    ill,
                    format!("{} by code", capital(what)),
                ));
            }
            no_code_options(d, "by", by)?;
            let tally = count_by(&m, by)?;
            let mut categories: Vec<Category> = tally
                .values
                .into_iter()
                .map(|(_, label, count)| Category { label, count })
                .collect();
            // Bars read best longest first; slices keep the labels' order.
            let sort = match d.option("sort") {
                None if kind == ChartKind::Bar => "count",
                None => "given",
                Some(s) => s,
            };
            match sort {
                "count" => categories.sort_by_key(|c| std::cmp::Reverse(c.count)),
                "label" => categories.sort_by_key(|c| c.label.to_lowercase()),
                "given" => {}
                other => {
                    return Err((
                        format!("`:sort:` is `{other}`"),
                        "a split by an attribute sorts by count, label or given (the order of [labels] in report.toml, then first appearance)".into(),
                    ))
                }
            }
            Ok((
                ChartData::Split {
                    what: m.dataset.clone(),
                    by: by.into(),
                    categories,
                    scope: Scope::default(),
                },
                ill,
                format!("{} by {}", capital(&m.dataset), by.replace('_', " ")),
            ))
        }
        Shape::Crosstab => {
            let m = selection(d)?;
            let by = required(d, "by", "persona")?;
            let across = required(d, "across", "stance")?;
            let ill = m.illustrative(&[by, across]);
            if m.kind == Kind::Segments && by == "code" {
                let q = code_options::query(study, d, CodeSort::Count)?;
                let rows = code_rows(&m, &q);
                let x = code_crosstab(&m, &rows.rows, across, q.people)?;
                let what = if q.people { "participants" } else { "segments" };
                let mut scope = code_options::scope(study, &rows, q.people);
                if q.people {
                    scope.totals = rows.rows.iter().map(|r| r.participants).collect();
                }
                return Ok((
                    ChartData::Crosstab {
                        what: what.into(),
                        row_attribute: "code".into(),
                        column_attribute: across.into(),
                        rows: code_options::labels(study, &rows),
                        columns: x.columns.into_iter().map(|c| c.1).collect(),
                        counts: x.counts,
                        scope,
                    },
                    ill,
                    format!("{} by code and {across}", capital(what)),
                ));
            }
            no_code_options(d, "by", by)?;
            let x = crosstab(&m, by, across)?;
            let title = format!("{} by {by} and {across}", capital(&m.dataset));
            Ok((
                ChartData::Crosstab {
                    what: m.dataset.clone(),
                    row_attribute: by.into(),
                    column_attribute: across.into(),
                    rows: x.rows.into_iter().map(|r| r.1).collect(),
                    columns: x.columns.into_iter().map(|c| c.1).collect(),
                    counts: x.counts,
                    scope: Scope::default(),
                },
                ill,
                title,
            ))
        }
        Shape::Matrix => {
            let m = selection(d)?;
            if m.kind != Kind::Segments {
                return Err((
                    format!(
                        "a heatmap crosses the codes of segments, and {} are not segments",
                        m.dataset
                    ),
                    "use :data: segments (or a selection of them)".into(),
                ));
            }
            let mut q = code_options::query(study, d, CodeSort::Codebook)?;
            q.people = false;
            let rows = code_rows(&m, &q);
            if rows.rows.len() > MAX_CODES {
                return Err((
                    format!(
                        "a heatmap of {} codes is too large to read (at most {MAX_CODES})",
                        rows.rows.len()
                    ),
                    "show fewer codes: :level: top (themes only), :codes: a, b, c, or :top: 30 (the most frequent)".into(),
                ));
            }
            let codes: Vec<usize> = rows.rows.iter().map(|r| r.code).collect();
            let counts = cooccurrence_of(&m, &codes);
            let labels = code_options::labels(study, &rows);
            let title = match code_options::top_note(&rows) {
                Some(note) => format!("Code co-occurrence ({})", note.to_lowercase()),
                None => "Code co-occurrence".into(),
            };
            Ok((
                ChartData::Matrix { labels, counts },
                m.illustrative(&["codes"]),
                title,
            ))
        }
        Shape::Series => time::series(study, d),
        Shape::Roadmap => time::roadmap(&selection(d)?),
    }
}

/// Code options on a chart that is not of codes are mistakes (a
/// misplaced `:by:`, say), not something to ignore.
fn no_code_options(d: &Directive, option: &str, field: &str) -> Result<(), Failure> {
    for key in ["level", "codes", "under", "top"] {
        if d.option(key).is_some() {
            return Err((
                format!("`:{key}:` applies to codes, and this chart is by `{field}`"),
                format!("use :{option}: code on a selection of segments, or leave :{key}: out"),
            ));
        }
    }
    Ok(())
}

/// A chart shows its counts exactly (bar lengths, slice sizes, its data
/// table), so with `min_cell` set one that would show a small count
/// refuses rather than disclose it.
fn small_cells(study: &crate::model::study::Study, data: &ChartData) -> Result<(), Failure> {
    let privacy = &study.privacy;
    let Some(k) = privacy.min_cell else {
        return Ok(());
    };
    let small = match data {
        ChartData::Split { categories, .. } => categories
            .iter()
            .filter(|c| privacy.suppressed(c.count))
            .count(),
        ChartData::Crosstab { counts, .. } | ChartData::Matrix { counts, .. } => counts
            .iter()
            .flatten()
            .filter(|&&n| privacy.suppressed(n))
            .count(),
        _ => 0,
    };
    if small == 0 {
        return Ok(());
    }
    Err((
        format!(
            "the chart would show {small} count{} below `min_cell` ({k})",
            if small == 1 { "" } else { "s" }
        ),
        "charts show counts exactly: chart a larger selection or coarser categories, or use a {table} (it writes small counts as \"< k\")".into(),
    ))
}
