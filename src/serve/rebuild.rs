//! Rebuilding: the loop that waits for saves, and one rebuild, which runs
//! the pipeline into memory, reports in the terminal and tells the pages.
//!
//! This side runs on plain threads; it hands the server each build as a
//! [`Shown`] snapshot through a `watch` channel, and each event through
//! the [`Hub`], both of which the async side reads without blocking.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::Arc;
use std::time::{Duration, Instant};

use notify_debouncer_full::DebounceEventResult;
use tokio::sync::watch;

use super::events::Hub;
use super::preview::{Preview, Shown};
use super::source::Source;
use super::watch::Watch;

/// How long the save loop waits for more of a burst before it builds. The
/// debouncer expires each event on its own, so the events of one save can
/// come out a tick apart (a quarter of its timeout); waiting a little longer
/// than that keeps one save one rebuild, and one reload.
const SETTLE: Duration = Duration::from_millis(10);

/// A file written without pause still gets built this often.
const MAX_WAIT: Duration = Duration::from_millis(250);

/// The preview and where its builds go: the server's snapshot and the
/// open pages.
pub struct Publisher {
    /// The state of the last builds.
    pub preview: Preview,
    /// What the server answers with.
    pub shown: watch::Sender<Shown>,
    /// The open pages.
    pub hub: Arc<Hub>,
}

/// Builds after `changed` files changed (none: the first build) and
/// publishes the result. The builder redoes only what the changes touch:
/// an edited section is re-rendered alone.
pub fn rebuild(source: &mut Source, changed: &[PathBuf], out: &mut Publisher) {
    let start = Instant::now();
    let result = source.rebuild(changed);
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
            let serving = if out.preview.has_good_build() {
                "still serving the last good build"
            } else {
                "serving the error until a build succeeds"
            };
            eprintln!("Build failed in {elapsed} ms{cause}; {serving}");
        }
    }
    let event = out.preview.record(result);
    // The pages are put together before anyone is told, so a page that
    // reloads on the event gets the new build.
    out.shown.send_replace(out.preview.shown());
    out.hub.broadcast(&event);
}

/// Rebuilds after every burst of saves until the watch ends.
pub fn on_save(
    mut watch: Watch,
    saves: &Receiver<DebounceEventResult>,
    mut source: Source,
    mut out: Publisher,
) {
    while let Ok(first) = saves.recv() {
        // Saves that arrived during the last build, and the rest of a burst
        // the debouncer split across its ticks, make one more build.
        let mut changed = Vec::new();
        let deadline = Instant::now() + MAX_WAIT;
        let more = std::iter::from_fn(|| {
            let left = deadline.checked_duration_since(Instant::now())?;
            saves.recv_timeout(SETTLE.min(left)).ok()
        });
        let burst = std::iter::once(first).chain(more);
        for result in burst {
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
            rebuild(&mut source, &changed, &mut out);
            // A site.toml that now lists other reports: watch them too.
            watch.watch(source.watched());
        }
    }
}
