//! Series over dates, with the events and phases they mark.

use super::{Chart, ChartData};
use crate::analysis::Problem;
use crate::error::did_you_mean;
use crate::model::study::Study;

/// The series `ids` of `series.json`, their events and phases (each once).
pub fn series(study: &Study, ids: &[String]) -> Result<Chart, Problem> {
    let mut series = Vec::new();
    let (mut events, mut phases) = (Vec::new(), Vec::new());
    let mut illustrative = false;
    for id in ids {
        let s = study.time_series(id).ok_or_else(|| {
            let help = did_you_mean(id, study.series_ids()).map_or_else(
                || "use the id of a series in series.json".to_string(),
                |m| format!("did you mean `{m}`?"),
            );
            Problem::new(format!("unknown series `{id}`"), help)
        })?;
        illustrative |= s.illustrative;
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
    Ok(Chart {
        data: ChartData::Series {
            series,
            events,
            phases,
        },
        illustrative,
        title,
    })
}
