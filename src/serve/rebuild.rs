//! Rebuilding: the loop that waits for saves, and one rebuild, which runs
//! the pipeline into memory, reports in the terminal and tells the pages.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::sync::{PoisonError, RwLock};
use std::time::Instant;

use notify_debouncer_full::DebounceEventResult;

use crate::site;

use super::events::Hub;
use super::preview::Preview;
use super::watch::Watch;

/// Builds `project` after `changed` files changed (none: the first build)
/// and publishes the result.
pub fn rebuild(project: &Path, changed: &[PathBuf], preview: &RwLock<Preview>, hub: &Hub) {
    let start = Instant::now();
    let result = site::build(project);
    let elapsed = start.elapsed().as_millis();
    let color = std::io::stderr().is_terminal();
    let cause = match changed {
        [] => String::new(),
        [one] => format!(" after a change to {}", one.display()),
        [first, rest @ ..] => format!(
            " after changes to {} and {} more",
            first.display(),
            rest.len()
        ),
    };
    match &result {
        Ok(built) => {
            if !built.warnings.is_empty() {
                eprint!("{}", built.warnings.render(color));
            }
            println!("Built in {elapsed} ms{cause}");
        }
        Err(diagnostics) => {
            eprint!("{}", diagnostics.render(color));
            let had_good = preview
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .has_good_build();
            let serving = if had_good {
                "still serving the last good build"
            } else {
                "serving the error until a build succeeds"
            };
            eprintln!("Build failed in {elapsed} ms{cause}; {serving}");
        }
    }
    let event = preview
        .write()
        .unwrap_or_else(PoisonError::into_inner)
        .record(result);
    hub.broadcast(&event);
}

/// Rebuilds after every burst of saves until the watch ends.
pub fn on_save(
    mut watch: Watch,
    saves: &Receiver<DebounceEventResult>,
    project: &Path,
    preview: &RwLock<Preview>,
    hub: &Hub,
) {
    while let Ok(first) = saves.recv() {
        // Saves that arrived during the last build make one more build.
        let mut changed = Vec::new();
        for result in std::iter::once(first).chain(saves.try_iter()) {
            match result {
                Ok(events) => changed.extend(watch.changes(&events)),
                Err(errors) => {
                    for e in errors {
                        eprintln!("warning: watching files: {e}");
                    }
                }
            }
        }
        changed.sort();
        changed.dedup();
        if !changed.is_empty() {
            rebuild(project, &changed, preview, hub);
        }
    }
}
