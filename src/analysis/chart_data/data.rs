//! The plain data a chart is drawn from: what [`super`] computes from a
//! selection and `charts` draws, checks, words and tabulates.

use crate::document::CodePlace;
use crate::model::date::Date;
pub use crate::model::series::{Event, Phase, Series};

/// What the shares of a split divide by.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Base {
    /// Every record is in exactly one category, so the parts sum to the
    /// whole; their shares are rounded together (largest remainder) so
    /// the parts shown side by side add up to 100 %.
    #[default]
    Partition,
    /// A record can be in several categories (segments by code): each
    /// share is the category's count over `n`, the records in the
    /// selection, rounded on its own; the shares do not add up to 100 %.
    Multi {
        /// Records in the selection.
        n: u64,
    },
}

/// Where each row of a split or crosstab sits in the code tree.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Hierarchy {
    /// Plain categories (attribute values).
    #[default]
    Flat,
    /// Codes in tree order, with each one's depth below the first level.
    Tree(Vec<usize>),
    /// Codes in another order, with the labels of the codes above each
    /// ("Theme › Sub-theme"), empty for a top-level code.
    Paths(Vec<String>),
}

impl Hierarchy {
    /// True for codes (a tree or paths), whose parents count their
    /// sub-codes.
    pub fn is_codes(&self) -> bool {
        !matches!(self, Hierarchy::Flat)
    }

    /// Where row `i` sits in the code tree: its depth (a parent, whose
    /// next row is deeper, said so), or the path of the codes above it;
    /// nothing for a plain category or a top-level code out of tree order.
    /// Report tables and chart data tables alike place their code rows so.
    pub fn place(&self, i: usize) -> Option<CodePlace> {
        match self {
            Hierarchy::Tree(depths) => {
                let depth = depths.get(i).copied().unwrap_or(0);
                let parent = depths.get(i + 1).is_some_and(|&next| next > depth);
                Some(CodePlace::Depth { depth, parent })
            }
            Hierarchy::Paths(paths) => paths
                .get(i)
                .filter(|p| !p.is_empty())
                .map(|p| CodePlace::Path(p.clone())),
            Hierarchy::Flat => None,
        }
    }
}

/// What a split's or crosstab's counts are of, beyond the counts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Scope {
    /// What the shares divide by.
    pub base: Base,
    /// Where the rows sit in the code tree.
    pub hierarchy: Hierarchy,
    /// A remark for the summary and the data table ("Top 10 of 152 codes").
    pub note: Option<String>,
    /// Per row of a crosstab, its total when that is not the sum of the
    /// row (distinct participants can be in several columns); empty: sums.
    pub totals: Vec<u64>,
}

/// Chart data as computed by `analysis`.
#[derive(Debug, Clone)]
pub enum ChartData {
    /// Counts per category (donut, pie, bar). `what` names the counted
    /// things ("participants", "segments") for the summary in words.
    Split {
        /// Plural noun for what was counted.
        what: String,
        /// Name of the attribute split by ("stance").
        by: String,
        /// Categories in display order: the chart draws them as given.
        categories: Vec<Category>,
        /// What the shares divide by, and where the rows sit in a tree.
        scope: Scope,
    },
    /// Counts of `rows` × `columns` (stacked, diverging, grouped): one bar
    /// per row, one segment per column.
    Crosstab {
        /// Plural noun for what was counted.
        what: String,
        /// Attribute along the rows ("persona").
        row_attribute: String,
        /// Attribute along the columns ("stance").
        column_attribute: String,
        /// Row labels.
        rows: Vec<String>,
        /// Column labels.
        columns: Vec<String>,
        /// `counts[row][column]`.
        counts: Vec<Vec<u64>>,
        /// What the counts are of, and where the rows sit in a tree.
        scope: Scope,
    },
    /// Series over dates (line, area).
    Series {
        /// One or more series; points sorted by date.
        series: Vec<Series>,
        /// Labelled event markers ("Exploit, 3 Nov 2025").
        events: Vec<Event>,
        /// Optional shaded phases.
        phases: Vec<Phase>,
    },
    /// Symmetric co-occurrence counts (heatmap): `counts[i][j]` is the
    /// number of segments coded with both `labels[i]` and `labels[j]`;
    /// the diagonal holds each code's own segment count.
    Matrix {
        /// Code labels.
        labels: Vec<String>,
        /// Counts.
        counts: Vec<Vec<u64>>,
    },
    /// Phases with milestones on a time axis (roadmap).
    Roadmap {
        /// Phases in order.
        phases: Vec<RoadmapPhase>,
    },
}

/// One slice or bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Category {
    /// Display label.
    pub label: String,
    /// How many.
    pub count: u64,
}

/// A roadmap phase and its milestones.
#[derive(Debug, Clone, PartialEq)]
pub struct RoadmapPhase {
    /// Name of the phase.
    pub label: String,
    /// First day.
    pub start: Date,
    /// Last day.
    pub end: Date,
    /// Milestones, in order.
    pub milestones: Vec<String>,
}
