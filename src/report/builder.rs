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
use crate::document::{Appendix, Block};
use crate::error::{Diagnostic, Diagnostics};
use crate::load::inputs::{self, HashCache};
use crate::load::references::References;
use crate::load::{self, config::Config, SectionSource};
use crate::markdown::context::Context;
use crate::markdown::inline::inline;
use crate::markdown::lints;
use crate::markdown::section::{self, RenderedSection};
use crate::markdown::syntax;
use crate::model::study::Study;
use crate::render::late::{self, Late, SectionRef};
use crate::render::manifest::Manifest;
use crate::render::page::{self, PageView, SectionView, TocEntry};
use crate::render::resolve;
use crate::render::theme::{self, Theme};
use crate::writers::html::appendix;

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
struct State {
    config: Config,
    /// Sections in report order.
    sections: Vec<SectionSource>,
    /// Section files that failed to read since the last full load.
    unreadable: HashMap<PathBuf, Diagnostic>,
    /// Rendered sections by file; a section missing here is rendered at
    /// the next build.
    rendered: HashMap<PathBuf, RenderedSection>,
    theme: Theme,
    tera: Tera,
    study: Analysis,
    references: Option<References>,
    /// Hashes of the input files, kept for the next build's manifest.
    hashes: HashCache,
    /// What the site's index says of the study, counted at load time.
    counts: Counts,
    /// The rendered `headline` of `report.toml`, once rendered.
    headline: Option<RenderedSection>,
    /// Problems from loading and indexing: warnings, or errors in
    /// sections that failed to read at load time.
    warnings: Diagnostics,
    /// True when loading found errors: the state is then only good for
    /// reporting them, and the next build starts afresh.
    load_failed: bool,
    /// The thin-evidence threshold ([`lints::threshold`]).
    min_participants: u64,
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
pub(super) fn build_once(root: &Path, site: Option<&[String]>) -> Result<Built, Diagnostics> {
    let mut state = State::load(root)?;
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
        let mut data = loaded.data;
        if let Err(d) = super::study::coded(&loaded.config, &mut data) {
            return Err(with_early(d.into()));
        }
        let (mut study, model_problems) = Study::build(data, loaded.labels).map_err(|model| {
            let mut all = with_early(model);
            for s in &loaded.sections {
                all.extend(syntax::check_syntax(s));
            }
            all
        })?;
        let mut warnings = with_early(model_problems);
        warnings.extend(study.configure(&loaded.config.privacy, &loaded.config.label_places));
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
                (s.path.clone(), section::render(s, ctx))
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
            .map(|s| inline(&s.front.title, false))
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

    /// Numbers figures and headings across the report and renders the page.
    fn page(
        &mut self,
        root: &Path,
        read_problems: Diagnostics,
        late: Late,
        in_site: bool,
    ) -> Result<Built, Diagnostics> {
        if read_problems.has_errors() {
            return Err(read_problems);
        }

        let rendered: Vec<&RenderedSection> = self
            .sections
            .iter()
            .filter_map(|s| self.rendered.get(&s.path))
            .collect();
        let mut problems = self.warnings.clone();
        for r in rendered.iter().chain(&self.headline.as_ref()) {
            problems.extend(r.problems.clone());
        }
        problems.extend(late.problems.clone());
        let inputs = match inputs::inputs(root, &self.config.theme, &mut self.hashes) {
            Ok(i) => i,
            Err(d) => {
                problems.push(d);
                Vec::new()
            }
        };
        // Appendices the report adds take ids no section has.
        let mut ids: Vec<String> = self.sections.iter().map(|s| s.id.clone()).collect();
        let mut appendices = late.appendices.clone();
        let manifest = Manifest::new(&inputs, late.counts);
        appendices.push(Appendix {
            id: "about-this-report".into(),
            title: "About this report".into(),
            intro: Vec::new(),
            blocks: vec![Block::BuildManifest(manifest.facts(&self.config.numbers))],
        });
        for a in &mut appendices {
            while ids.contains(&a.id) {
                a.id.push_str("-appendix");
            }
            ids.push(a.id.clone());
        }
        // Cross-references are checked even when sections failed, so that
        // a dangling {ref} is reported with everything else.
        let numbering = match resolve::number(&ids, &rendered) {
            Err(e) => {
                problems.extend(e);
                return Err(problems);
            }
            Ok(_) if problems.has_errors() => return Err(problems),
            Ok(n) => n,
        };
        problems.extend(numbering.warnings.clone());

        let mut view = PageView::header(&self.config);
        view.css = format!(
            "{}\n{}",
            self.theme.get("style.css"),
            self.theme.get("charts.css")
        );
        view.illustrative = rendered.iter().any(|r| r.illustrative);
        if in_site {
            view.site_nav = facts::NAV_PLACEHOLDER.to_string();
        }
        for (i, (source, r)) in self.sections.iter().zip(&rendered).enumerate() {
            let title = inline(&source.front.title, false);
            let children = r
                .headings
                .iter()
                .zip(&numbering.heading_ids[i])
                .filter(|(h, _)| h.level == 3)
                .map(|(h, id)| TocEntry {
                    id: id.clone(),
                    title: strip_tags(&resolve::fill(&h.html, i, &numbering, &late)),
                    children: Vec::new(),
                })
                .collect();
            view.toc.push(TocEntry {
                id: source.id.clone(),
                title: title.clone(),
                children,
            });
            view.sections.push(SectionView {
                id: source.id.clone(),
                title,
                body: resolve::fill(&r.html, i, &numbering, &late),
                generated: false,
            });
        }
        for a in appendices {
            // TRANSITION: the writer writes the whole document
            let body = appendix::body(&a);
            let title = crate::escape::html(&a.title);
            view.toc.push(TocEntry {
                id: a.id.clone(),
                title: title.clone(),
                children: Vec::new(),
            });
            view.sections.push(SectionView {
                id: a.id,
                title,
                body,
                generated: true,
            });
        }
        let mut html = page::render(&self.tera, &self.theme, &view).map_err(Diagnostics::from)?;
        // After the template, so that no theme can leave it out.
        let at = html.rfind("</body>").unwrap_or(html.len());
        html.insert_str(at, &manifest.element());
        let facts = facts::Facts {
            title: self.config.title.clone(),
            subtitle: self.config.subtitle.clone(),
            authors: self.config.authors.clone(),
            date: self.config.date.clone(),
            tags: self.config.tags.clone(),
            counts: self.counts.clone(),
            headline: self.headline.as_ref().map(|h| h.html.clone()),
            figures: {
                // Sorted: the labels come from a hash map, and a did-you-mean
                // over them must not depend on its order.
                let mut f: Vec<(String, usize)> = numbering.labels.clone().into_iter().collect();
                f.sort();
                f
            },
            links: rendered.iter().flat_map(|r| r.links.clone()).collect(),
            sections: view.sections,
        };
        Ok(Built {
            html,
            warnings: problems,
            facts: Arc::new(facts),
        })
    }
}

/// Heading HTML without its tags, for the table of contents (links inside
/// links are invalid); entities stay escaped.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}
