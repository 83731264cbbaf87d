//! The incremental builder: keeps the loaded project, the indexed study,
//! the compiled templates and every section's rendered HTML, and on a
//! change redoes only what that change touches.
//!
//! | change | redone |
//! |---|---|
//! | a section file (edited, added, removed) | that section, then numbering and the page |
//! | a theme file | the templates, then the page |
//! | anything else (datasets, `report.toml`, assets) | everything |
//!
//! The page is always assembled from all sections, because figure numbers
//! and heading ids run across the whole report. Whatever was redone, the
//! result is byte for byte what a fresh [`crate::report::build`] gives.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use tera::Tera;

use crate::analysis::Analysis;
use crate::error::{Diagnostic, Diagnostics};
use crate::load::inputs::HashCache;
use crate::load::outputs::Format;
use crate::load::references::References;
use crate::load::{self, config::Config, SectionSource};
use crate::markdown::context::Context;
use crate::markdown::inline::inline;
use crate::markdown::lints;
use crate::markdown::section::RenderedSection;
use crate::markdown::syntax;
use crate::render::late::{self, Late, SectionRef};
use crate::render::page;
use crate::render::theme::{self, Theme};
use crate::writers::html::phrase;

use super::changes::{relative_to, scope_of, Scope};
use super::facts::{self, Counts};
use super::Built;

/// Builds a project, and rebuilds it after changes doing as little work
/// as the changes allow.
///
/// ```no_run
/// # use std::path::{Path, PathBuf};
/// let mut builder = findings::report::Builder::new(Path::new("my-study"));
/// let first = builder.build();
/// // … the user saves content/sections/02-context.md …
/// let next = builder.rebuild(&[PathBuf::from("content/sections/02-context.md")]);
/// ```
#[derive(Debug)]
pub struct Builder {
    root: PathBuf,
    /// The slugs of the site's reports when this report is one of them.
    site: Option<Arc<[String]>>,
    /// `None` until loaded, and again after a change that needs a full
    /// reload or a reload that failed: the next build starts afresh.
    state: Option<State>,
}

/// Everything kept between builds.
pub(super) struct State {
    pub(super) config: Config,
    /// Sections in report order.
    pub(super) sections: Vec<SectionSource>,
    /// Section files that failed to read since the last full load.
    pub(super) unreadable: HashMap<PathBuf, Diagnostic>,
    /// Rendered sections by file; a section missing here is rendered at
    /// the next build.
    pub(super) rendered: HashMap<PathBuf, RenderedSection>,
    pub(super) theme: Theme,
    pub(super) tera: Tera,
    pub(super) study: Analysis,
    pub(super) references: Option<References>,
    /// Hashes of the input files, kept for the next build's manifest.
    pub(super) hashes: HashCache,
    /// What the site's index says of the study, counted at load time.
    pub(super) counts: Counts,
    /// The rendered `headline` of `report.toml`, once rendered.
    pub(super) headline: Option<facts::Headline>,
    /// Problems from loading and indexing: warnings, or errors in
    /// sections that failed to read at load time.
    pub(super) warnings: Diagnostics,
    /// True when loading found errors: the state is then only good for
    /// reporting them, and the next build starts afresh.
    pub(super) load_failed: bool,
    /// The thin-evidence threshold ([`lints::threshold`]).
    pub(super) min_participants: u64,
    /// Whether the rendered sections outlive the build (serve's builder
    /// keeps them; a one-shot build lets the document take their blocks).
    pub(super) keep_rendered: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("State")
            .field("sections", &self.sections.len())
            .field("rendered", &self.rendered.len())
            .finish_non_exhaustive()
    }
}

impl Builder {
    /// A builder for the project in `root`; nothing is read until
    /// [`Builder::build`].
    pub fn new(root: &Path) -> Builder {
        Builder {
            root: root.to_path_buf(),
            site: None,
            state: None,
        }
    }

    /// A builder for the report in `root`, one of a site's reports
    /// (`site`, their slugs): links into the others are then allowed, and
    /// the page keeps a placeholder for the site's navigation.
    pub fn in_site(root: &Path, site: Arc<[String]>) -> Builder {
        Builder {
            root: root.to_path_buf(),
            site: Some(site),
            state: None,
        }
    }

    /// Builds the report, reading and rendering whatever is not already
    /// known. On failure every error found comes back, and the builder
    /// keeps what it can for the next attempt.
    pub fn build(&mut self) -> Result<Built, Diagnostics> {
        let state = match &mut self.state {
            Some(state) => state,
            None => self.state.insert(State::load(&self.root)?),
        };
        state.render_stale(&self.root, self.site.as_deref());
        let read = state.order();
        let late = state.late();
        let built = state.page(&self.root, read, late, self.site.is_some());
        if built.is_err() && state.load_failed {
            self.state = None;
        }
        built
    }

    /// Rebuilds after `changed` paths (absolute, or relative to the project
    /// folder) were written, created or removed. Paths outside the project
    /// or under `output/` are ignored.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Built, Diagnostics> {
        let relative: Vec<PathBuf> = changed
            .iter()
            .filter_map(|p| relative_to(&self.root, p))
            .collect();
        let scope = relative.iter().map(|p| scope_of(p)).max();
        match (&mut self.state, scope) {
            (None, _) | (_, Some(Scope::Everything)) => self.state = None,
            (Some(state), Some(scope)) => {
                if scope >= Scope::Sections {
                    for rel in relative.iter().filter(|p| scope_of(p) == Scope::Sections) {
                        state.reload_section(&self.root, rel);
                    }
                }
                if scope == Scope::Theme {
                    if let Err(e) = state.reload_theme(&self.root) {
                        self.state = None;
                        return Err(e);
                    }
                }
            }
            (Some(_), None) => {}
        }
        self.build()
    }
}

/// A one-shot build: what `Builder::new(root).build()` gives, but the
/// datasets are freed before the page is assembled, since nothing will be
/// rebuilt; on a large study that lowers the peak memory by their size.
pub(super) fn build_once(
    root: &Path,
    site: Option<&[String]>,
    formats: Option<&[Format]>,
) -> Result<Built, Diagnostics> {
    let mut state = State::load(root)?;
    state.keep_rendered = false;
    if let Some(formats) = formats {
        state.config.output.formats = formats.to_vec();
    }
    state.render_stale(root, site);
    let read = state.order();
    let late = state.late();
    state.study = Analysis::default();
    state.page(root, read, late, site.is_some())
}

impl State {
    /// Reads and indexes everything, in the order of a one-shot build so
    /// the same errors come first.
    fn load(root: &Path) -> Result<State, Diagnostics> {
        // Load problems are carried along (not returned at once) so that
        // the sections that did load are still checked against the datasets.
        let (loaded, early) = load::load_lenient(root);
        let Some(loaded) = loaded else {
            let mut all = early;
            for s in load::readable_sections(root) {
                all.extend(syntax::check_syntax(&s));
            }
            return Err(all);
        };
        let with_early = |later: Diagnostics| {
            let mut all = early.clone();
            all.extend(later);
            all
        };
        let theme = theme::load(root, &loaded.config.theme).map_err(|d| with_early(d.into()))?;
        let tera = page::templates(&theme).map_err(|d| with_early(d.into()))?;
        let (study, model_problems) =
            super::stages::index(&loaded.config, loaded.data, loaded.labels).map_err(|model| {
                let mut all = with_early(model);
                for s in &loaded.sections {
                    all.extend(syntax::check_syntax(s));
                }
                all
            })?;
        let mut warnings = with_early(model_problems);
        let (min_participants, off) =
            lints::threshold(loaded.config.lints.min_participants, &study);
        if let Some(why) = off {
            warnings.push(Diagnostic::note(why));
        }
        Ok(State {
            load_failed: warnings.has_errors(),
            counts: Counts::of(&study),
            headline: None,
            config: loaded.config,
            sections: loaded.sections,
            unreadable: HashMap::new(),
            rendered: HashMap::new(),
            theme,
            tera,
            study: Analysis::new(study),
            references: loaded.references,
            hashes: HashCache::default(),
            warnings,
            min_participants,
            keep_rendered: true,
        })
    }

    /// Re-reads section file `rel`: changed, new, removed or now a draft.
    fn reload_section(&mut self, root: &Path, rel: &Path) {
        self.sections.retain(|s| s.path != rel);
        self.rendered.remove(rel);
        self.unreadable.remove(rel);
        if !root.join(rel).exists() {
            return;
        }
        match load::read_section(root, rel) {
            Ok(Some(section)) => self.sections.push(section),
            Ok(None) => {}
            Err(d) => {
                self.unreadable.insert(rel.to_path_buf(), d);
            }
        }
    }

    fn reload_theme(&mut self, root: &Path) -> Result<(), Diagnostics> {
        self.theme = theme::load(root, &self.config.theme).map_err(Diagnostics::from)?;
        self.tera = page::templates(&self.theme).map_err(Diagnostics::from)?;
        Ok(())
    }

    /// Renders, in parallel, every section not rendered yet.
    fn render_stale(&mut self, root: &Path, site: Option<&[String]>) {
        let ctx = Context {
            study: &self.study,
            format: &self.config.numbers,
            root,
            raw_html: self.config.raw_html,
            references: self.references.as_ref(),
            allow: &[],
            min_participants: self.min_participants,
            site,
        };
        if self.headline.is_none() {
            self.headline = facts::headline(root, &self.config, ctx);
        }
        let rendered = &self.rendered;
        let fresh: Vec<(PathBuf, RenderedSection)> = self
            .sections
            .par_iter()
            .filter(|s| !rendered.contains_key(&s.path))
            .map(|s| {
                let ctx = Context {
                    allow: &s.front.allow,
                    ..ctx
                };
                (s.path.clone(), super::stages::section(s, ctx))
            })
            .collect();
        self.rendered.extend(fresh);
    }

    /// Puts the sections in report order, for the report-wide parts and the
    /// page alike, and returns the problems of reading and ordering them.
    fn order(&mut self) -> Diagnostics {
        let mut read_problems = Diagnostics::new();
        let mut unreadable: Vec<_> = self.unreadable.iter().collect();
        unreadable.sort_by_key(|(path, _)| *path);
        for (_, d) in unreadable {
            read_problems.push(d.clone());
        }
        load::order_sections(&mut self.sections, &mut read_problems);
        read_problems
    }

    /// The report-wide parts that need the study: the quote index,
    /// citations and bibliography.
    fn late(&mut self) -> Late {
        let titles: Vec<String> = self
            .sections
            .iter()
            .map(|s| phrase(&inline(&s.front.title, false)))
            .collect();
        let sections: Vec<SectionRef<'_>> = self
            .sections
            .iter()
            .zip(&titles)
            .filter_map(|(s, title)| {
                self.rendered.get(&s.path).map(|rendered| SectionRef {
                    id: &s.id,
                    title,
                    rendered,
                })
            })
            .collect();
        late::compute(
            &self.study,
            &sections,
            self.references.as_ref(),
            self.config.citations.style_name(),
            &self.config.language,
        )
    }
}
