//! Inter-coder agreement: the coefficients over reliability data
//! (`coefficients`), computed from the coders' own codings of a study.

pub mod coefficients;
