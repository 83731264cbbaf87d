//! Timeline metrics with their dates parsed: what `series.json` holds once
//! validated, and what line and area charts draw.

use crate::model::date::Date;

/// A named series of dated values.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Display label.
    pub label: String,
    /// Unit of the values ("index", "USD m").
    pub unit: String,
    /// Points sorted by date.
    pub points: Vec<(Date, f64)>,
}

/// A labelled moment on a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// When.
    pub date: Date,
    /// What ("Exploit").
    pub label: String,
}

/// A shaded span on a timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Phase {
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Name of the phase.
    pub label: String,
}
