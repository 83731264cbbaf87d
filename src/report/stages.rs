//! The stages of one report, each called the same way by a one-shot
//! build, `serve`'s incremental [`super::Builder`], `check`, `verify`,
//! `findings codes` and the benches, so none of them can skip a step:
//!
//! load (`crate::load`) → [`index`] (model) → analysis → [`section`]
//! (Markdown to document blocks) → the document, resolved → the writers.

use std::path::Path;

use crate::analysis::Analysis;
use crate::error::{Diagnostics, Location};
use crate::load::{self, config::Config, SectionSource};
use crate::markdown::context::Context;
use crate::markdown::section::{self, RenderedSection};
use crate::model::input::Datasets;
use crate::model::labels::Labels;
use crate::model::study::Study;

/// load → model: the config's `[coding]` rule applied to the segments
/// (its problems pointing where the rule is written), then the study
/// validated, indexed and configured (privacy, label places). The
/// warnings come back with the study; the configuration's errors are
/// among them, for the caller to weigh.
pub fn index(
    config: &Config,
    mut data: Datasets,
    labels: Labels,
) -> Result<(Study, Diagnostics), Diagnostics> {
    let at = config
        .coding_place
        .clone()
        .unwrap_or_else(|| Location::file(Path::new("content/report.toml")));
    config
        .coding
        .apply(&mut data, at)
        .map_err(Diagnostics::from)?;
    let (mut study, mut warnings) = Study::build(data, labels)?;
    warnings.extend(study.configure(&config.privacy, &config.label_places));
    Ok((study, warnings))
}

/// Markdown → document for one section: its blocks, with what only the
/// whole report knows (numbers, ids, citations) left for
/// [`crate::render::resolve`].
pub fn section(source: &SectionSource, ctx: Context<'_>) -> RenderedSection {
    section::render(source, ctx)
}

/// The analysed study of the project in `root` without its page (load →
/// model → analysis), for commands that ask about the data (`findings
/// codes`). The sections are read but not rendered, so a section's
/// mistake does not hide the codes a researcher needs to fix it.
pub fn study(root: &Path) -> Result<Analysis, Diagnostics> {
    let (loaded, problems) = load::load_lenient(root);
    let Some(loaded) = loaded else {
        return Err(problems);
    };
    let (study, warnings) = index(&loaded.config, loaded.data, loaded.labels)?;
    if warnings.has_errors() {
        return Err(warnings);
    }
    Ok(Analysis::new(study))
}
