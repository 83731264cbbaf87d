//! The data of a chart, computed from a selection: one function per shape
//! of data (`split`, `crosstab`, `matrix`, `series`, `roadmap`), each
//! taking plain arguments (the matches, field names, a code query) and
//! returning a [`Chart`]. The `chart` directive reads its options, calls
//! one of them and hands the result to `charts` to draw.
//!
//! The chart data types ([`ChartData`], [`Category`], [`Scope`], …) live
//! here, in `analysis`, not in `charts`: analysis builds them and sits
//! below charts, so it could not import them from there. They are plain
//! data about counts (what a share divides by, where a row sits in the
//! code tree), the vocabulary of analysis; `charts` re-exports them
//! (`charts::ChartData`) and only reads them.

mod crosstab;
mod data;
mod matrix;
mod roadmap;
mod series;
mod split;

pub use crosstab::{code_crosstab, crosstab};
pub use data::{Base, Category, ChartData, Event, Hierarchy, Phase, RoadmapPhase, Scope, Series};
pub use matrix::matrix;
pub use roadmap::roadmap;
pub use series::series;
pub use split::{code_split, split, SplitSort};

use super::codes::{hierarchy, top_note};
use super::CodeRows;

/// A chart's data as computed, with what the figure says about it.
#[derive(Debug, Clone)]
pub struct Chart {
    /// The data to draw.
    pub data: ChartData,
    /// True when any of the data shown is illustrative.
    pub illustrative: bool,
    /// The title when the directive gives none ("Participants by stance").
    pub title: String,
}

/// `text` with its first letter in upper case: "segments" → "Segments".
pub fn capital(text: &str) -> String {
    let mut c = text.chars();
    c.next()
        .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// The chart scope of code `rows`: a multi-response base, the tree or
/// paths, and a note when `:top:` left codes out.
fn code_scope(study: &crate::model::study::Study, rows: &CodeRows, people: bool) -> Scope {
    let n = if people {
        rows.base_participants
    } else {
        rows.base_segments
    };
    Scope {
        base: Base::Multi { n },
        hierarchy: hierarchy(study, rows),
        note: top_note(rows),
        totals: Vec::new(),
    }
}

/// What code rows count: segments, or with `people` their participants.
fn counted(people: bool) -> &'static str {
    if people {
        "participants"
    } else {
        "segments"
    }
}
