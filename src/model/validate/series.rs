//! `series.json`: dates parsed, points sorted, values finite, and events
//! and phases checked, each problem at its key.

use crate::error::{Diagnostic, Diagnostics};
use crate::model::date::Date;
use crate::model::input::{Datasets, Step};
use crate::model::series::{Event, Phase, Series};
use crate::model::study::TimeSeries;

pub(super) fn bad_date(at: crate::error::Location, text: &str) -> Diagnostic {
    Diagnostic::error(format!("{text:?} is not a date"))
        .at(at)
        .help("write dates as YYYY-MM-DD, e.g. \"2025-11-03\"")
}

/// The largest magnitude a series value may have: beyond it, numbers
/// written in full run to hundreds of digits and chart steps lose
/// precision.
const MAX_VALUE: f64 = 1e15;

pub(super) fn check_series(data: &Datasets, problems: &mut Diagnostics) -> Vec<TimeSeries> {
    let Some(file) = &data.series else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(file.records.len());
    for (i, s) in file.records.iter().enumerate() {
        let mut date = |text: &str, path: &[Step]| {
            let d = Date::parse(text);
            if d.is_none() {
                problems.push(bad_date(file.locate(path), text));
            }
            d.unwrap_or(Date(0))
        };
        let mut points: Vec<(Date, f64)> = s
            .points
            .iter()
            .enumerate()
            .map(|(j, p)| {
                (
                    date(
                        &p.date,
                        &[
                            Step::Index(i),
                            Step::Key("points"),
                            Step::Index(j),
                            Step::Key("date"),
                        ],
                    ),
                    p.value,
                )
            })
            .collect();
        let events = s
            .events
            .iter()
            .enumerate()
            .map(|(j, e)| Event {
                date: date(
                    &e.date,
                    &[
                        Step::Index(i),
                        Step::Key("events"),
                        Step::Index(j),
                        Step::Key("date"),
                    ],
                ),
                label: e.label.clone(),
            })
            .collect();
        let phases = s
            .phases
            .iter()
            .enumerate()
            .map(|(j, p)| Phase {
                start: date(
                    &p.start,
                    &[
                        Step::Index(i),
                        Step::Key("phases"),
                        Step::Index(j),
                        Step::Key("start"),
                    ],
                ),
                end: date(
                    &p.end,
                    &[
                        Step::Index(i),
                        Step::Key("phases"),
                        Step::Index(j),
                        Step::Key("end"),
                    ],
                ),
                label: p.label.clone(),
            })
            .collect();
        for (j, p) in s.points.iter().enumerate() {
            if p.value.abs() > MAX_VALUE {
                problems.push(
                    Diagnostic::error(format!(
                        "value {:e} of series `{}` is too large to show",
                        p.value, s.id
                    ))
                    .at(file.locate(&[
                        Step::Index(i),
                        Step::Key("points"),
                        Step::Index(j),
                        Step::Key("value"),
                    ]))
                    .help("values up to a quadrillion (1e15) can be charted and written out: give the series in a larger unit, e.g. \"billion USD\""),
                );
            }
        }
        points.sort_by_key(|p| p.0);
        out.push(TimeSeries {
            id: s.id.clone(),
            illustrative: s.illustrative,
            series: Series {
                label: s.label.clone(),
                unit: s.unit.clone(),
                points,
            },
            events,
            phases,
        });
    }
    out
}
