//! A roadmap: phases with their dates and milestones, read from a table.

use super::{Chart, ChartData, RoadmapPhase};
use crate::analysis::select::{Kind, Matches};
use crate::analysis::Problem;
use crate::model::date::Date;
use crate::model::records::scalar_text;

/// The roadmap of the table rows `m` (columns phase, start, end,
/// milestone): rows of the same phase add their milestones to it.
pub fn roadmap(m: &Matches<'_>) -> Result<Chart, Problem> {
    let study = m.study;
    if m.kind != Kind::Table {
        return Err(Problem::new(
            "a roadmap needs a table with columns phase, start, end, milestone",
            "e.g. :data: roadmap",
        ));
    }
    for column in ["phase", "start", "end", "milestone"] {
        if let Some(entry) = study.privacy.private_entry(m.kind, &m.dataset, column) {
            return Err(Problem::new(
                format!("a roadmap shows `{column}`, and `{entry}` is private"),
                "take it off the private list in report.toml, or leave the roadmap out",
            ));
        }
    }
    let rows = &study.tables[&m.dataset];
    let mut phases: Vec<RoadmapPhase> = Vec::new();
    for &i in &m.indices {
        let row = &rows[i];
        let cell = |k: &str| -> Result<String, Problem> {
            row.get(k)
                .map(|v| scalar_text(v).into_owned())
                .ok_or_else(|| {
                    Problem::new(
                        format!("row {} of {} has no `{k}`", i + 1, m.dataset),
                        "a roadmap row needs phase, start, end and milestone",
                    )
                })
        };
        let date = |k: &str| -> Result<Date, Problem> {
            let text = cell(k)?;
            Date::parse(&text).ok_or_else(|| {
                Problem::new(
                    format!(
                        "`{k}` of row {} of {} is not a date: {text:?}",
                        i + 1,
                        m.dataset
                    ),
                    "write dates as YYYY-MM-DD",
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
    Ok(Chart {
        data: ChartData::Roadmap { phases },
        illustrative: m.illustrative(&["phase", "start", "end", "milestone"]),
        title: "Roadmap".into(),
    })
}
