//! Stage 3 of the pipeline: analysis.
//!
//! Pure functions over the indexed study: counts and shares by attribute,
//! code frequency, crosstabs and co-occurrence. Prose roles, tables and
//! charts all call these, so a number is computed one way only.

pub mod format;
