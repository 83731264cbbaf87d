//! The share a selection is of its whole dataset, as prose quotes it.

use super::select::{self, Selection};
use super::Analysis;
use super::Problem;
use crate::model::numbers::NumberFormat;

/// A share as shown in prose: the rounded percent, with the count and the
/// total it was computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// Matching records.
    pub count: u64,
    /// The unfiltered dataset's size.
    pub total: u64,
    /// Rounded percent, as printed.
    pub percent: f64,
}

/// The share of the whole dataset that `sel` selects, rounded on its own
/// (half away from zero on the exact ratio). A number quoted alone never
/// borrows the largest-remainder rounding of a chart's slices: 4 of 9 is
/// 44.4% in a sentence even where a pie of 4, 4 and 1 shows one slice as
/// 44.5% so that its slices add up to 100%.
pub fn share(study: &Analysis, sel: &Selection, format: &NumberFormat) -> Result<Share, Problem> {
    let m = select::select(study, sel)?;
    let count = m.indices.len() as u64;
    let total = m.total as u64;
    Ok(Share {
        count,
        total,
        percent: format.ratio(count, total),
    })
}
