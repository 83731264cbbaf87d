//! The incremental site builder `serve` keeps: one [`Builder`] per report,
//! so a save rebuilds only the report it touched (and inside it only what
//! the save touched); the links between reports and the index are then
//! put together again from every report's last build, which is cheap.
//! A change to `site.toml` reads the whole site afresh.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::error::Diagnostics;
use crate::report::{Builder, Built};

use super::{assemble, load, prefixed, slugs, ReportDir, SiteConfig, SitePages, SITE_FILE};

/// Builds a site, and rebuilds it after changes doing as little work as
/// the changes allow.
#[derive(Debug)]
pub struct SiteBuilder {
    root: PathBuf,
    /// `None` until loaded, and after a change to `site.toml`.
    state: Option<State>,
}

#[derive(Debug)]
struct State {
    config: SiteConfig,
    reports: Vec<ReportDir>,
    builders: Vec<Builder>,
    /// Each report's latest build.
    built: Vec<Result<Built, Diagnostics>>,
}

impl SiteBuilder {
    /// A builder for the site in `root`; nothing is read until built.
    pub fn new(root: &Path) -> SiteBuilder {
        SiteBuilder {
            root: root.to_path_buf(),
            state: None,
        }
    }

    /// The report folders (relative to the site) as last read; empty
    /// before the first build or when `site.toml` failed.
    pub fn report_folders(&self) -> Vec<PathBuf> {
        self.state
            .as_ref()
            .map(|s| s.reports.iter().map(|r| r.rel.clone()).collect())
            .unwrap_or_default()
    }

    /// Builds every report not built yet, then the site.
    pub fn build(&mut self) -> Result<SitePages, Diagnostics> {
        let state = match &mut self.state {
            Some(state) => state,
            None => {
                let (config, reports) = load(&self.root)?;
                let slugs = slugs(&reports);
                let mut builders: Vec<Builder> = reports
                    .iter()
                    .map(|r| Builder::in_site(&self.root.join(&r.rel), slugs.clone()))
                    .collect();
                let built = builders.par_iter_mut().map(Builder::build).collect();
                self.state.insert(State {
                    config,
                    reports,
                    builders,
                    built,
                })
            }
        };
        state.pages()
    }

    /// Rebuilds after `changed` paths (relative to the site folder) were
    /// written: each report that holds one is rebuilt alone.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<SitePages, Diagnostics> {
        if changed.iter().any(|p| p == Path::new(SITE_FILE)) {
            self.state = None;
        }
        if let Some(state) = &mut self.state {
            for (i, dir) in state.reports.iter().enumerate() {
                let mine: Vec<PathBuf> = changed
                    .iter()
                    .filter_map(|p| p.strip_prefix(&dir.rel).ok().map(Path::to_path_buf))
                    .collect();
                if !mine.is_empty() {
                    state.built[i] = state.builders[i].rebuild(&mine);
                }
            }
        }
        self.build()
    }
}

impl State {
    fn pages(&self) -> Result<SitePages, Diagnostics> {
        let mut problems = Diagnostics::new();
        let mut good = Vec::with_capacity(self.reports.len());
        for (dir, built) in self.reports.iter().zip(&self.built) {
            match built {
                Ok(b) => good.push((dir.clone(), b.clone())),
                Err(e) => problems.extend(prefixed(e.clone(), &dir.rel)),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        assemble::assemble(&self.config, &good)
    }
}
