//! Stage 3 of the pipeline: analysis.
//!
//! Pure functions over the indexed study: counts and shares by attribute
//! (`tally`, `share`), code frequency (`frequency`), which codes a code
//! analysis shows and in what order (`codes`), crosstabs (`crosstab`),
//! co-occurrence (`cooccurrence`) and the data of each chart shape
//! (`chart_data`). Prose roles, tables and charts all call these, so a
//! number is computed one way only.
//!
//! Two kinds of distribution are kept apart. A *partition* puts every
//! record in exactly one category (participants by stance): its parts sum
//! to the whole. A *multi-response* distribution lets a record fall in
//! several categories (segments by code, since a segment can carry several
//! codes): each share is the records with the category over the records in
//! the selection, and the shares do not sum to 100 %.

pub mod agreement;
pub mod chart_data;
pub mod code_list;
pub mod code_names;
pub mod codes;
pub mod cooccurrence;
pub mod crosstab;
pub mod figures;
pub mod frequency;
pub mod memo;
pub mod select;
pub mod share;
pub mod tally;

pub use codes::{CodeLevel, CodeRow, CodeRows, CodeSort};
pub use cooccurrence::cooccurrence;
pub use crosstab::{code_crosstab, crosstab, Crosstab};
pub use frequency::{code_frequency, own_code_frequency, CodeFrequency};
pub use share::{share, Share};
pub use tally::{count_by, Tally, NOT_RECORDED};

use crate::model::study::Study;

/// A study with the answers computed from it so far: analysis sits on the
/// model and keeps its own memo beside it, so the model stays plain data.
/// It reads as the study it wraps (`Deref`), so callers write
/// `analysis.codes` as they would `study.codes`.
#[derive(Debug, Clone, Default)]
pub struct Analysis {
    study: Study,
    memo: memo::Memo,
}

impl Analysis {
    /// Starts the analysis of `study`, with nothing computed yet.
    pub fn new(study: Study) -> Analysis {
        Analysis {
            study,
            memo: memo::Memo::default(),
        }
    }

    /// The study analysed.
    pub fn study(&self) -> &Study {
        &self.study
    }

    /// The study back, for a caller that changes it (answers would no
    /// longer hold).
    pub fn into_study(self) -> Study {
        self.study
    }

    pub(crate) fn memo(&self) -> &memo::Memo {
        &self.memo
    }

    /// The shares the study gives by one field ([`figures::figures`]),
    /// computed the first time they are asked for.
    pub fn figures(&self) -> &[figures::Figure] {
        self.memo.figures(|| figures::figures(&self.study))
    }
}

impl std::ops::Deref for Analysis {
    type Target = Study;

    fn deref(&self) -> &Study {
        &self.study
    }
}

/// Why a number cannot be computed: what is wrong and how to fix it. The
/// caller knows where it was asked for and adds the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl Problem {
    /// A problem with its hint.
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            help: help.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.help)
    }
}

/// Directive renderers report `(message, help)` pairs.
impl From<Problem> for (String, String) {
    fn from(p: Problem) -> Self {
        (p.message, p.help)
    }
}

#[cfg(test)]
pub(crate) mod tests;
