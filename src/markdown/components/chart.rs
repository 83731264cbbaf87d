//! `chart`: computes the chart's data from the study and draws it as a
//! numbered figure with its summary and data table.

use crate::analysis::select::{select, Kind, Selection};
use crate::analysis::{code_frequency, cooccurrence, count_by, crosstab, CodeLevel};
use crate::charts::{self, Category, ChartData, ChartKind, ChartSpec, RoadmapPhase};
use crate::error::did_you_mean;
use crate::markdown::directive::Directive;
use crate::markdown::section::SectionRenderer;
use crate::model::date::Date;
use crate::model::records::scalar_text;
use crate::model::study::Study;

use super::{figure::shell, list, needs_argument, Failure};

fn required<'d>(d: &'d Directive, key: &str, example: &str) -> Result<&'d str, Failure> {
    d.option(key).ok_or_else(|| {
        (
            format!("`{{chart}} {}` needs `:{key}:`", d.argument),
            format!("add a line :{key}: {example}"),
        )
    })
}

/// `{chart} KIND` with data options and a caption body.
pub fn render(
    r: &mut SectionRenderer<'_>,
    d: &Directive,
    body_at: usize,
    scope: &str,
) -> Result<String, Failure> {
    let name = d.argument.trim();
    if name.is_empty() {
        return Err(needs_argument("chart", "donut"));
    }
    let kind = ChartKind::parse(name).ok_or_else(|| {
        let names = ChartKind::ALL.map(|k| k.0);
        let help = did_you_mean(name, names).map_or_else(
            || format!("chart kinds: {}", names.join(", ")),
            |m| format!("did you mean `{m}`?"),
        );
        (format!("unknown chart kind `{name}`"), help)
    })?;
    let (data, illustrative, default_title) = data(r, d, kind)?;
    small_cells(r.ctx.study, &data)?;
    let title = d.option("title").map_or(default_title, str::to_string);
    let (number, id) = r.figure(d.option("label"), body_at, 1)?;
    let spec = ChartSpec {
        kind,
        id: id.clone(),
        title,
        data,
        illustrative,
        format: r.ctx.format.clone(),
    };
    let chart = charts::render(&spec).map_err(|e| {
        (
            format!("cannot draw the {name} chart: {e}"),
            "check the chart's data options".to_string(),
        )
    })?;
    r.out.illustrative |= illustrative;
    let caption = r.markdown(&d.body, body_at, scope);
    let data = format!(
        "<details class=\"figure-data\"><summary>Data for Figure {number}</summary>\n{}</details>\n",
        chart.table_html
    );
    Ok(shell(
        &id,
        &number,
        &chart.svg,
        &caption,
        &data,
        illustrative,
    ))
}

fn data(
    r: &SectionRenderer<'_>,
    d: &Directive,
    kind: ChartKind,
) -> Result<(ChartData, bool, String), Failure> {
    let study = r.ctx.study;
    let selection = |d: &Directive| -> Result<_, Failure> {
        let sel = Selection::parse(required(d, "data", "participants")?)
            .map_err(|e| (e, "e.g. :data: participants".into()))?;
        Ok(select(study, &sel)?)
    };
    match kind {
        ChartKind::Donut | ChartKind::Pie | ChartKind::Bar => {
            let m = selection(d)?;
            let by = required(d, "by", "stance")?;
            let ill = m.illustrative(&[by]);
            if m.kind == Kind::Segments && by == "code" {
                let people = match d.option("count").unwrap_or("segments") {
                    "segments" => false,
                    "participants" => true,
                    other => {
                        return Err((
                            format!("`:count:` is `{other}`"),
                            "use :count: segments or :count: participants".into(),
                        ))
                    }
                };
                let level = level(study, d)?;
                let mut frequencies = code_frequency(&m);
                if let CodeLevel::Listed(codes) = &level {
                    // Listed codes come in the order the author wrote them.
                    frequencies.sort_by_key(|f| codes.iter().position(|&c| c == f.code));
                }
                let categories = frequencies
                    .into_iter()
                    .filter(|c| c.segments > 0 && level.shows(study, c.code))
                    .map(|c| Category {
                        label: study.codes[c.code].label.clone(),
                        count: if people { c.participants } else { c.segments },
                    })
                    .collect();
                let what = if people { "participants" } else { "segments" };
                return Ok((
                    ChartData::Split {
                        what: what.into(),
                        by: "code".into(),
                        categories,
                    },
                    ill,
                    format!("{} by code", capital(what)),
                ));
            }
            let tally = count_by(&m, by)?;
            let categories = tally
                .values
                .into_iter()
                .map(|(_, label, count)| Category { label, count })
                .collect();
            Ok((
                ChartData::Split {
                    what: m.dataset.clone(),
                    by: by.into(),
                    categories,
                },
                ill,
                format!("{} by {}", capital(&m.dataset), by.replace('_', " ")),
            ))
        }
        ChartKind::Stacked | ChartKind::Diverging | ChartKind::Grouped => {
            let m = selection(d)?;
            let by = required(d, "by", "persona")?;
            let across = required(d, "across", "stance")?;
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
                },
                m.illustrative(&[by, across]),
                title,
            ))
        }
        ChartKind::Heatmap => {
            let m = selection(d)?;
            let (codes, counts) = cooccurrence(&m, &level(study, d)?);
            let labels = codes
                .iter()
                .map(|&c| study.codes[c].label.clone())
                .collect();
            Ok((
                ChartData::Matrix { labels, counts },
                m.illustrative(&["codes"]),
                "Code co-occurrence".into(),
            ))
        }
        ChartKind::Line | ChartKind::Area => {
            let ids = list(required(d, "series", "sentiment-index")?);
            let mut series = Vec::new();
            let (mut events, mut phases) = (Vec::new(), Vec::new());
            let mut ill = false;
            for id in &ids {
                let s = study.time_series(id).ok_or_else(|| {
                    let help = did_you_mean(id, study.series_ids()).map_or_else(
                        || "use the id of a series in series.json".to_string(),
                        |m| format!("did you mean `{m}`?"),
                    );
                    (format!("unknown series `{id}`"), help)
                })?;
                ill |= s.illustrative;
                series.push(s.series.clone());
                events.extend(
                    s.events
                        .iter()
                        .filter(|e| !events.contains(*e))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                phases.extend(
                    s.phases
                        .iter()
                        .filter(|p| !phases.contains(*p))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
            }
            let title = series
                .iter()
                .map(|s| s.label.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            Ok((
                ChartData::Series {
                    series,
                    events,
                    phases,
                },
                ill,
                title,
            ))
        }
        ChartKind::Roadmap => {
            let m = selection(d)?;
            if m.kind != Kind::Table {
                return Err((
                    "a roadmap needs a table with columns phase, start, end, milestone".into(),
                    "e.g. :data: roadmap".into(),
                ));
            }
            for column in ["phase", "start", "end", "milestone"] {
                if let Some(entry) = study.privacy.private_entry(m.kind, &m.dataset, column) {
                    return Err((
                        format!("a roadmap shows `{column}`, and `{entry}` is private"),
                        "take it off the private list in report.toml, or leave the roadmap out"
                            .into(),
                    ));
                }
            }
            let rows = &study.tables[&m.dataset];
            let mut phases: Vec<RoadmapPhase> = Vec::new();
            for &i in &m.indices {
                let row = &rows[i];
                let cell = |k: &str| -> Result<String, Failure> {
                    row.get(k)
                        .map(|v| scalar_text(v).into_owned())
                        .ok_or_else(|| {
                            (
                                format!("row {} of {} has no `{k}`", i + 1, m.dataset),
                                "a roadmap row needs phase, start, end and milestone".into(),
                            )
                        })
                };
                let date = |k: &str| -> Result<Date, Failure> {
                    let text = cell(k)?;
                    Date::parse(&text).ok_or_else(|| {
                        (
                            format!(
                                "`{k}` of row {} of {} is not a date: {text:?}",
                                i + 1,
                                m.dataset
                            ),
                            "write dates as YYYY-MM-DD".into(),
                        )
                    })
                };
                let (label, start, end, milestone) = (
                    cell("phase")?,
                    date("start")?,
                    date("end")?,
                    cell("milestone")?,
                );
                match phases.iter_mut().find(|p| p.label == label) {
                    Some(p) => p.milestones.push(milestone),
                    None => phases.push(RoadmapPhase {
                        label,
                        start,
                        end,
                        milestones: vec![milestone],
                    }),
                }
            }
            Ok((
                ChartData::Roadmap { phases },
                m.illustrative(&["phase", "start", "end", "milestone"]),
                "Roadmap".into(),
            ))
        }
    }
}

/// The `:level:` and `:codes:` options of code charts.
fn level(study: &Study, d: &Directive) -> Result<CodeLevel, Failure> {
    if let Some(list_text) = d.option("codes") {
        if d.option("level").is_some() {
            return Err((
                "give `:codes:` or `:level:`, not both".into(),
                "keep one of the two options".into(),
            ));
        }
        let mut codes = Vec::new();
        for id in list(list_text) {
            let code = study.code_position(&id).ok_or_else(|| {
                let help = did_you_mean(&id, study.code_ids()).map_or_else(
                    || "use code ids from codebook.json".to_string(),
                    |m| format!("did you mean `{m}`?"),
                );
                (format!("unknown code `{id}` in `:codes:`"), help)
            })?;
            codes.push(code);
        }
        return Ok(CodeLevel::Listed(codes));
    }
    match d.option("level").unwrap_or("all") {
        "all" => Ok(CodeLevel::All),
        "top" => Ok(CodeLevel::Top),
        other => Err((
            format!("`:level:` is `{other}`"),
            "use :level: all (every code) or :level: top (top-level codes, sub-codes rolled up)"
                .into(),
        )),
    }
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

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}
