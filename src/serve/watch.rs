//! Watching the project for saves.
//!
//! `content/` and `themes/` (of the project, or of each report of a site)
//! are watched recursively, so new files and folders are seen; the
//! project folder itself is watched on its own level only, so that a
//! `themes/` (or `content/`) created or replaced later gets watched too,
//! and so is a site's `site.toml`, while `output/`, `target/` and the
//! like are never walked.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify_debouncer_full::notify::event::{AccessKind, AccessMode, EventKind};
use notify_debouncer_full::notify::{self, RecursiveMode};
use notify_debouncer_full::{
    new_debouncer, DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache,
};

/// Saves closer together than this make one rebuild. Editors that save by
/// writing a temporary file and renaming it produce a burst of events.
const DEBOUNCE: Duration = Duration::from_millis(20);

/// How often the debouncer looks for events older than [`DEBOUNCE`].
const TICK: Duration = Duration::from_millis(5);

/// The file at the top of a site folder whose changes call for a rebuild.
const SITE_FILE: &str = "site.toml";

/// A running watch on one project.
pub struct Watch {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    /// The folders whose changes call for a rebuild, relative to the root.
    wanted: Vec<PathBuf>,
    /// Those of them watched now.
    watching: Vec<PathBuf>,
}

impl Watch {
    /// Starts watching the folders `wanted` (relative) of `project`,
    /// sending each burst of events to `events`.
    pub fn start(
        project: &Path,
        events: Sender<DebounceEventResult>,
        wanted: Vec<PathBuf>,
    ) -> notify::Result<Watch> {
        // Events name absolute paths; a canonical root makes them comparable.
        let root = project.canonicalize().map_err(notify::Error::io)?;
        let debouncer = new_debouncer(DEBOUNCE, Some(TICK), events)?;
        let mut watch = Watch {
            debouncer,
            root,
            wanted,
            watching: Vec::new(),
        };
        watch
            .debouncer
            .watch(&watch.root, RecursiveMode::NonRecursive)?;
        watch.refresh();
        Ok(watch)
    }

    /// Watches the folders `wanted` too (a site's reports, known once
    /// `site.toml` is read).
    pub fn watch(&mut self, wanted: Vec<PathBuf>) {
        for w in wanted {
            if !self.wanted.contains(&w) {
                self.wanted.push(w);
            }
        }
        self.refresh();
    }

    /// Watches the wanted folders that exist and are not watched.
    fn refresh(&mut self) {
        for name in &self.wanted {
            let dir = self.root.join(name);
            if dir.is_dir() && !self.watching.contains(&dir) {
                match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => self.watching.push(dir),
                    Err(e) => eprintln!("warning: cannot watch {}: {e}", dir.display()),
                }
            }
        }
    }

    /// The project files named by `events` that call for a rebuild, relative
    /// to the project, without duplicates. A watched folder that was itself
    /// created, replaced or removed is watched afresh.
    pub fn changes(&mut self, events: &[DebouncedEvent]) -> Vec<PathBuf> {
        let mut changed: Vec<PathBuf> = events
            .iter()
            .filter(|e| is_change(&e.kind))
            .flat_map(|e| e.paths.iter())
            .filter_map(|p| p.strip_prefix(&self.root).ok())
            .filter(|p| is_project_file(p, &self.wanted))
            .map(Path::to_path_buf)
            .collect();
        changed.sort();
        changed.dedup();
        let tops: Vec<PathBuf> = changed
            .iter()
            .filter(|p| self.wanted.contains(p))
            .map(|p| self.root.join(p))
            .collect();
        if !tops.is_empty() {
            for dir in tops {
                if let Some(i) = self.watching.iter().position(|w| *w == dir) {
                    // The old watch may already be gone with the old folder.
                    let _ = self.debouncer.unwatch(&dir);
                    self.watching.swap_remove(i);
                }
            }
            self.refresh();
        }
        changed
    }
}

/// Whether an event kind can change what a build reads. Opening and
/// reading files (the build itself does) are not changes.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

/// Whether `relative` is under a wanted folder (or is one), or is a
/// site's `site.toml`, and is not an editor's swap or backup file.
fn is_project_file(relative: &Path, wanted: &[PathBuf]) -> bool {
    if relative != Path::new(SITE_FILE) && !wanted.iter().any(|w| relative.starts_with(w)) {
        return false;
    }
    let name = relative
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let scratch = name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx");
    !scratch
}

#[cfg(test)]
mod tests {
    use notify_debouncer_full::notify::event::{CreateKind, ModifyKind, RenameMode};

    use super::*;

    #[test]
    fn counts_writes_and_renames_but_not_reads() {
        assert!(is_change(&EventKind::Modify(ModifyKind::Name(
            RenameMode::Both
        ))));
        assert!(is_change(&EventKind::Create(CreateKind::Folder)));
        assert!(is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(!is_change(&EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
    }

    #[test]
    fn keeps_content_and_themes_only() {
        let wanted = [PathBuf::from("content"), PathBuf::from("themes")];
        let is = |p: &str| is_project_file(Path::new(p), &wanted);
        assert!(is("content/sections/intro.md"));
        assert!(is("content/data/new-folder"));
        assert!(is("themes"));
        assert!(is("themes/plain/page.html"));
        assert!(!is("output/index.html"));
        assert!(!is("README.md"));
        assert!(!is("content/sections/.intro.md.swp"));
        assert!(!is("content/sections/intro.md~"));
        assert!(!is("contents/x.md"));
    }

    #[test]
    fn keeps_the_reports_of_a_site_and_its_site_toml() {
        let wanted = [PathBuf::from("reports/a/content")];
        assert!(is_project_file(
            Path::new("reports/a/content/sections/x.md"),
            &wanted
        ));
        assert!(is_project_file(Path::new("site.toml"), &wanted));
        assert!(!is_project_file(
            Path::new("reports/b/content/x.md"),
            &wanted
        ));
        assert!(!is_project_file(
            Path::new("reports/a/output/index.html"),
            &wanted
        ));
    }
}
