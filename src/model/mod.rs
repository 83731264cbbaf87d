//! Stage 2 of the pipeline: the study model.
//!
//! Turns the parsed datasets into an indexed [`study::Study`]: every
//! reference resolved to an index once, so analysis never searches by id.

pub mod coding;
pub mod date;
pub mod input;
pub mod labels;
pub mod numbers;
pub mod privacy;
pub mod records;
pub mod schema;
pub mod series;
pub mod study;
mod validate;
