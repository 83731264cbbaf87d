//! The chart kinds and the registry that maps each to its name, its
//! rules and its drawing. Adding a kind is a variant here, a file with its
//! drawing and one entry in [`KINDS`] naming its [`Shape`] of data and its
//! rules; nothing else asks which kind a chart is (a new shape also needs
//! a `ChartData` variant, its check in `validate` and its computation in
//! `analysis::chart_data`).

use super::crosstab::Layout;
use super::{bars, crosstab, donut, heatmap, roadmap, timeline};
use super::{ChartSpec, Drawing};
use crate::analysis::chart_data::SplitSort;

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
    /// Whether it draws the parts of a whole (slices), whose counts must
    /// not overlap: it cannot show the codes of segments, since a segment
    /// can carry several. Bars stand each on its own, so they can.
    pub parts_of_whole: bool,
    /// The order of a split by a field without `:sort:`: bars read best
    /// longest first, slices keep the labels' order. Only splits use it.
    pub split_sort: SplitSort,
    /// Its drawing.
    pub draw: Draw,
}

/// Every chart kind.
pub const KINDS: &[KindSpec] = &[
    KindSpec {
        name: "donut",
        kind: ChartKind::Donut,
        shape: Shape::Split,
        parts_of_whole: true,
        split_sort: SplitSort::Given,
        draw: |s| donut::draw_spec(s, true),
    },
    KindSpec {
        name: "pie",
        kind: ChartKind::Pie,
        shape: Shape::Split,
        parts_of_whole: true,
        split_sort: SplitSort::Given,
        draw: |s| donut::draw_spec(s, false),
    },
    KindSpec {
        name: "bar",
        kind: ChartKind::Bar,
        shape: Shape::Split,
        parts_of_whole: false,
        split_sort: SplitSort::Count,
        draw: bars::draw_spec,
    },
    KindSpec {
        name: "stacked",
        kind: ChartKind::Stacked,
        shape: Shape::Crosstab,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
        draw: |s| crosstab::draw_spec(s, Layout::Stacked),
    },
    KindSpec {
        name: "diverging",
        kind: ChartKind::Diverging,
        shape: Shape::Crosstab,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
        draw: |s| crosstab::draw_spec(s, Layout::Diverging),
    },
    KindSpec {
        name: "grouped",
        kind: ChartKind::Grouped,
        shape: Shape::Crosstab,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
        draw: |s| crosstab::draw_spec(s, Layout::Grouped),
    },
    KindSpec {
        name: "line",
        kind: ChartKind::Line,
        shape: Shape::Series,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
        draw: |s| timeline::draw_spec(s, false),
    },
    KindSpec {
        name: "area",
        kind: ChartKind::Area,
        shape: Shape::Series,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
        draw: |s| timeline::draw_spec(s, true),
    },
    KindSpec {
        name: "heatmap",
        kind: ChartKind::Heatmap,
        shape: Shape::Matrix,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
        draw: heatmap::draw_spec,
    },
    KindSpec {
        name: "roadmap",
        kind: ChartKind::Roadmap,
        shape: Shape::Roadmap,
        parts_of_whole: false,
        split_sort: SplitSort::Given,
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

    /// This kind's entry in [`KINDS`]: its rules and its drawing.
    pub fn spec(self) -> &'static KindSpec {
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
