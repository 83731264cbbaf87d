//! The data of `line`, `area` and `roadmap` charts: series by id, and a
//! table of phases and milestones.

use crate::analysis::select::{Kind, Matches};
use crate::charts::{ChartData, RoadmapPhase};
use crate::error::did_you_mean;
use crate::markdown::context::Directive;
use crate::model::date::Date;
use crate::model::records::scalar_text;
use crate::model::study::Study;

use super::super::{list, Failure};
use super::required;

/// `series: a, b`: the series, their events and phases.
pub(super) fn series(study: &Study, d: &Directive) -> Result<(ChartData, bool, String), Failure> {
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

/// A roadmap of the table `m` (columns phase, start, end, milestone).
pub(super) fn roadmap(m: &Matches<'_>) -> Result<(ChartData, bool, String), Failure> {
    let study = m.study;
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
                "take it off the private list in report.toml, or leave the roadmap out".into(),
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
