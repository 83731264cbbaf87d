//! The chart kinds and the registry that maps each to its name and its
//! drawing. Adding a kind is a variant here, a file with its drawing and
//! one line in [`KINDS`] naming its [`Shape`] of data (a new shape also
//! needs a `ChartData` variant, its check in `validate` and its
//! computation in the `chart` directive).

use super::{bars, crosstab, donut, heatmap, roadmap, timeline};
use super::{ChartSpec, Drawing};

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

/// Draws a chart whose data `validate` has checked; `None` when the data
/// is of another shape (which validation has already refused).
pub type Draw = fn(&ChartSpec) -> Option<Drawing>;

/// The shape of data a kind draws: what the `chart` directive computes
/// for it and what `validate` checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Counts per category.
    Split,
    /// Counts of rows × columns.
    Crosstab,
    /// Series over dates.
    Series,
    /// A co-occurrence matrix.
    Matrix,
    /// Phases with milestones.
    Roadmap,
}

/// A chart kind as the registry lists it.
#[derive(Debug, Clone, Copy)]
pub struct KindSpec {
    /// The name in ```{chart} NAME.
    pub name: &'static str,
    /// The kind.
    pub kind: ChartKind,
    /// The data it draws.
    pub shape: Shape,
    /// Its drawing.
    pub draw: Draw,
}

/// Every chart kind.
pub const KINDS: &[KindSpec] = &[
    KindSpec {
        name: "donut",
        kind: ChartKind::Donut,
        shape: Shape::Split,
        draw: |s| donut::draw_spec(s, true),
    },
    KindSpec {
        name: "pie",
        kind: ChartKind::Pie,
        shape: Shape::Split,
        draw: |s| donut::draw_spec(s, false),
    },
    KindSpec {
        name: "bar",
        kind: ChartKind::Bar,
        shape: Shape::Split,
        draw: bars::draw_spec,
    },
    KindSpec {
        name: "stacked",
        kind: ChartKind::Stacked,
        shape: Shape::Crosstab,
        draw: crosstab::draw_spec,
    },
    KindSpec {
        name: "diverging",
        kind: ChartKind::Diverging,
        shape: Shape::Crosstab,
        draw: crosstab::draw_spec,
    },
    KindSpec {
        name: "grouped",
        kind: ChartKind::Grouped,
        shape: Shape::Crosstab,
        draw: crosstab::draw_spec,
    },
    KindSpec {
        name: "line",
        kind: ChartKind::Line,
        shape: Shape::Series,
        draw: timeline::draw_spec,
    },
    KindSpec {
        name: "area",
        kind: ChartKind::Area,
        shape: Shape::Series,
        draw: timeline::draw_spec,
    },
    KindSpec {
        name: "heatmap",
        kind: ChartKind::Heatmap,
        shape: Shape::Matrix,
        draw: heatmap::draw_spec,
    },
    KindSpec {
        name: "roadmap",
        kind: ChartKind::Roadmap,
        shape: Shape::Roadmap,
        draw: roadmap::draw_spec,
    },
];

impl ChartKind {
    /// The kind called `name` in a directive.
    pub fn parse(name: &str) -> Option<ChartKind> {
        KINDS.iter().find(|k| k.name == name).map(|k| k.kind)
    }

    /// The directive name of this kind.
    pub fn name(self) -> &'static str {
        self.spec().name
    }

    /// The data this kind draws.
    pub fn shape(self) -> Shape {
        self.spec().shape
    }

    /// Every kind's name, in registry order.
    pub fn names() -> Vec<&'static str> {
        KINDS.iter().map(|k| k.name).collect()
    }

    fn spec(self) -> &'static KindSpec {
        // Every variant has its line in KINDS (tested).
        KINDS.iter().find(|k| k.kind == self).unwrap_or(&KINDS[0])
    }

    /// Draws `spec` as this kind.
    pub(super) fn draw(self, spec: &ChartSpec) -> Option<Drawing> {
        (self.spec().draw)(spec)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_registry_line() {
        for k in KINDS.iter().copied() {
            assert_eq!(ChartKind::parse(k.name), Some(k.kind));
            assert_eq!(k.kind.name(), k.name);
            assert_eq!(KINDS.iter().filter(|o| o.kind == k.kind).count(), 1);
        }
    }
}
