//! `chart`: computes the chart's data from the study and draws it as a
//! numbered figure with its summary and data table.

use crate::analysis::chart_data;
use crate::analysis::select::{select, Kind, Selection};
use crate::analysis::CodeSort;
use crate::charts::{self, ChartData, ChartKind, ChartSpec, Shape, MAX_CODES};
use crate::document::{Block, Figure, FigureBody};
use crate::error::did_you_mean;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;

use super::{code_options, list, needs_argument, Failure};

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
    let (index, id) = r.figure(d.option("label"), body_at, 1)?;
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
        index,
        number: String::new(),
        body: FigureBody::Chart {
            svg: chart.svg,
            summary: chart.summary,
        },
        caption,
        data: vec![Block::Table(chart.table)],
        illustrative,
    })])
}

/// Reads the data options of `d` and computes the data of `kind`'s shape
/// (`analysis::chart_data`): the data, whether it is illustrative, and
/// the title when `:title:` gives none.
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
    let chart = match kind.shape() {
        Shape::Split => {
            let m = selection(d)?;
            let by = required(d, "by", "stance")?;
            if m.kind == Kind::Segments && by == "code" {
                if kind.spec().parts_of_whole {
                    return Err((
                        format!("a {} cannot show codes: a segment can carry several codes, so code shares do not add up to 100%", kind.name()),
                        "use ```{chart} bar, which shows each code's share of the selection on its own".into(),
                    ));
                }
                let q = code_options::query(study, d, CodeSort::Count)?;
                chart_data::code_split(&m, &q)
            } else {
                no_code_options(d, "by", by)?;
                chart_data::split(&m, by, d.option("sort"), kind.spec().split_sort)?
            }
        }
        Shape::Crosstab => {
            let m = selection(d)?;
            let by = required(d, "by", "persona")?;
            let across = required(d, "across", "stance")?;
            if m.kind == Kind::Segments && by == "code" {
                let q = code_options::query(study, d, CodeSort::Count)?;
                chart_data::code_crosstab(&m, &q, across)?
            } else {
                no_code_options(d, "by", by)?;
                chart_data::crosstab(&m, by, across)?
            }
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
            let q = code_options::query(study, d, CodeSort::Codebook)?;
            chart_data::matrix(&m, &q, MAX_CODES)?
        }
        Shape::Series => {
            let ids = list(required(d, "series", "sentiment-index")?);
            chart_data::series(study, &ids)?
        }
        Shape::Roadmap => chart_data::roadmap(&selection(d)?)?,
    };
    Ok((chart.data, chart.illustrative, chart.title))
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
