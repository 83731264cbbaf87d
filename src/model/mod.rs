//! Stage 2 of the pipeline: the study model.

pub mod date;
