//! Stage 4 of the pipeline: charts.
//!
//! Takes plain chart data computed by `analysis` (counts, crosstabs, series)
//! and returns inline SVG plus the accessible parts that go with it: a
//! summary in words and the data as an HTML table. Colours and fonts are
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
mod data;
mod donut;
mod downsample;
mod heatmap;
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

use crate::model::numbers::NumberFormat;

pub use heatmap::MAX_CODES;

pub use data::{Base, Category, ChartData, Event, Hierarchy, Phase, RoadmapPhase, Scope, Series};

/// Width of every chart's viewBox: the report column's width, so one
/// viewBox unit is about one CSS pixel and label sizes read as intended.
const WIDTH: f64 = 720.0;

/// The chart kinds a `chart` directive can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Ring of shares, percentages shown.
    Donut,
    /// Full pie of shares, percentages shown.
    Pie,
    /// Horizontal bars, sorted, value labels.
    Bar,
    /// One attribute by another, bars stacked to 100 %.
    Stacked,
    /// One attribute by another, diverging around a centre line.
    Diverging,
    /// One attribute by another, bars side by side.
    Grouped,
    /// Series over dates.
    Line,
    /// Series over dates, filled.
    Area,
    /// Code co-occurrence matrix.
    Heatmap,
    /// Phases on a time axis with milestones.
    Roadmap,
}

impl ChartKind {
    /// Every kind with the name used in the `chart` directive.
    pub const ALL: [(&'static str, ChartKind); 10] = [
        ("donut", ChartKind::Donut),
        ("pie", ChartKind::Pie),
        ("bar", ChartKind::Bar),
        ("stacked", ChartKind::Stacked),
        ("diverging", ChartKind::Diverging),
        ("grouped", ChartKind::Grouped),
        ("line", ChartKind::Line),
        ("area", ChartKind::Area),
        ("heatmap", ChartKind::Heatmap),
        ("roadmap", ChartKind::Roadmap),
    ];

    /// The kind called `name` in a directive.
    pub fn parse(name: &str) -> Option<ChartKind> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, k)| k)
    }

    /// The directive name of this kind.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|&(n, _)| n)
            .unwrap_or("chart")
    }
}

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
    /// The chart's data as an accessible `<table>` (caption, th scope).
    pub table_html: String,
}

/// Draws `spec`. The error is a one-line message without location: the
/// caller knows which directive asked and attaches file and line.
pub fn render(spec: &ChartSpec) -> Result<RenderedChart, String> {
    validate::check(spec)?;
    let summary = summary::describe(spec);
    let drawing = match (&spec.data, spec.kind) {
        (
            ChartData::Split {
                categories, what, ..
            },
            ChartKind::Donut,
        ) => donut::draw(spec, categories, what, true),
        (
            ChartData::Split {
                categories, what, ..
            },
            ChartKind::Pie,
        ) => donut::draw(spec, categories, what, false),
        (ChartData::Split { categories, .. }, _) => bars::draw(spec, categories),
        (
            ChartData::Crosstab {
                rows,
                columns,
                counts,
                ..
            },
            kind,
        ) => crosstab::draw(spec, kind, rows, columns, counts),
        (
            ChartData::Series {
                series,
                events,
                phases,
            },
            kind,
        ) => timeline::draw(spec, series, events, phases, kind == ChartKind::Area),
        (ChartData::Matrix { labels, counts }, _) => heatmap::draw(spec, labels, counts),
        (ChartData::Roadmap { phases }, _) => roadmap::draw(phases),
    };
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
        table_html: table::table(spec),
        summary,
    })
}

/// A chart body (the SVG elements inside the root) and the viewBox height
/// it needs; every chart is [`WIDTH`] wide.
struct Drawing {
    body: String,
    height: f64,
}
