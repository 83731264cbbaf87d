//! The study of a report without its page: load → model → analysis, for
//! commands that ask about the data (`findings codes`). The sections are
//! read but not rendered, so a section's mistake does not hide the codes
//! a researcher needs to fix it.

use std::path::Path;

use crate::analysis::Analysis;
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::{self, config::Config};
use crate::model::input::Datasets;
use crate::model::study::Study;

/// The analysed study of the project in `root`, or every problem that
/// kept its data from loading (the config, a dataset, the model).
pub fn study(root: &Path) -> Result<Analysis, Diagnostics> {
    let (loaded, problems) = load::load_lenient(root);
    let Some(loaded) = loaded else {
        return Err(problems);
    };
    let mut data = loaded.data;
    coded(&loaded.config, &mut data).map_err(Diagnostics::from)?;
    let (mut study, _) = Study::build(data, loaded.labels)?;
    let configured = study.configure(&loaded.config.privacy, &loaded.config.label_places);
    if configured.has_errors() {
        return Err(configured);
    }
    Ok(Analysis::new(study))
}

/// Applies the config's `[coding]` rule to the segments, its problems
/// pointing at where the rule is written: the same step for a build and
/// for a look at the study.
pub(super) fn coded(config: &Config, data: &mut Datasets) -> Result<(), Diagnostic> {
    let at = config
        .coding_place
        .clone()
        .unwrap_or_else(|| Location::file(Path::new("content/report.toml")));
    config.coding.apply(data, at)
}
