//! Stage 4 of the pipeline: charts.
//!
//! Takes plain chart data computed by `analysis` (counts, crosstabs, series;
//! the types live in `analysis::chart_data`, re-exported here) and returns
//! inline SVG plus the accessible parts that go with it: a summary in words
//! and the data as a document table. Colours and fonts are
//! never baked in: the SVG carries classes that the theme's CSS styles, so
//! dark mode and print restyle a chart without rebuilding.
//!
//! [`render`] checks the data (`validate`), words it (`summary`), tabulates
//! it (`table`) and draws it with the kind's module (`donut`, `bars`,
//! `crosstab`, `timeline`, `heatmap`, `roadmap`). Drawing goes through
//! plotters for coordinate mapping, bars, grids, lines and areas, into our
//! own backend (`svg_backend`) that writes compact SVG and turns plotters
//! colours into classes (`palette`); arcs, text and heatmap cells are
//! written directly (`svg`), with label widths estimated by `text`.

mod axis;
mod bars;
mod crosstab;
mod donut;
mod downsample;
mod heatmap;
mod kinds;
mod legend;
mod palette;
mod roadmap;
mod summary;
mod svg;
mod svg_backend;
mod table;
pub mod text;
mod timeline;
mod validate;

use crate::document::Table;
use crate::model::numbers::NumberFormat;

pub use heatmap::MAX_CODES;
pub use kinds::{ChartKind, KindSpec, Shape, KINDS};

pub use crate::analysis::chart_data::{
    Base, Category, ChartData, Event, Hierarchy, Phase, RoadmapPhase, Scope, Series,
};

/// Width of every chart's viewBox: the report column's width, so one
/// viewBox unit is about one CSS pixel and label sizes read as intended.
const WIDTH: f64 = 720.0;

/// Everything needed to draw one chart.
#[derive(Debug, Clone)]
pub struct ChartSpec {
    /// Which chart to draw.
    pub kind: ChartKind,
    /// Unique within the report (e.g. "fig-3"); prefixes ids inside the SVG.
    pub id: String,
    /// Short title, used for the SVG `<title>`.
    pub title: String,
    /// The data, already computed.
    pub data: ChartData,
    /// True when any of the data is illustrative rather than from the study.
    pub illustrative: bool,
    /// Number formatting, the same as the prose uses.
    pub format: NumberFormat,
}

/// A drawn chart with its accessible companions.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderedChart {
    /// `<svg …>…</svg>`, with role="img", `<title>`, `<desc>`, viewBox and classes.
    pub svg: String,
    /// The summary in words, also used as the SVG `<desc>`.
    pub summary: String,
    /// The chart's data as a table (caption, column and row headers).
    pub table: Table,
}

/// Draws `spec`. The error is a one-line message without location: the
/// caller knows which directive asked and attaches file and line.
pub fn render(spec: &ChartSpec) -> Result<RenderedChart, String> {
    validate::check(spec)?;
    let summary = summary::describe(spec);
    let drawing = spec
        .kind
        .draw(spec)
        .ok_or_else(|| format!("a `{}` chart cannot draw this data", spec.kind.name()))?;
    let svg = svg::Document {
        id: &spec.id,
        kind: spec.kind.name(),
        title: &spec.title,
        desc: &summary,
        width: WIDTH,
        height: drawing.height,
        illustrative: spec.illustrative,
    }
    .finish(&drawing.body);
    Ok(RenderedChart {
        svg,
        table: table::table(spec),
        summary,
    })
}

/// A chart body (the SVG elements inside the root) and the viewBox height
/// it needs; every chart is 720 units wide.
pub struct Drawing {
    /// The SVG elements.
    pub body: String,
    /// The viewBox height.
    pub height: f64,
}
