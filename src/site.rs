//! Runs the pipeline stages in order: load → model → (analysis, charts,
//! Markdown per section, in parallel) → page. `build` writes nothing; the
//! commands decide whether to write (`build`) or not (`check`, `serve`).

use std::path::Path;

use rayon::prelude::*;

use crate::error::Diagnostics;
use crate::load;
use crate::markdown::section::{self, inline, Context, RenderedSection};
use crate::model::study::Study;
use crate::render::page::{self, PageView, SectionView, TocEntry};
use crate::render::{resolve, theme};

/// A report built in memory.
#[derive(Debug, Clone)]
pub struct Built {
    /// The whole page.
    pub html: String,
    /// Warnings found on the way.
    pub warnings: Diagnostics,
}

/// Builds the project in `project` into memory. On failure, every error
/// found (and the warnings) come back; nothing was written.
pub fn build(project: &Path) -> Result<Built, Diagnostics> {
    // Load problems are carried along (not returned at once) so that the
    // sections that did load are still checked against the datasets.
    let (loaded, early) = load::load_lenient(project);
    let Some(loaded) = loaded else {
        let mut all = early;
        for s in load::readable_sections(project) {
            all.extend(section::check_syntax(&s));
        }
        return Err(all);
    };
    let with_early = |later: Diagnostics| {
        let mut all = early.clone();
        all.extend(later);
        all
    };
    let theme = theme::load(project, &loaded.config.theme).map_err(|d| with_early(d.into()))?;
    let tera = page::templates(&theme).map_err(|d| with_early(d.into()))?;
    let (mut study, model_problems) =
        Study::build(loaded.data, loaded.labels).map_err(|model| {
            let mut all = with_early(model);
            for s in &loaded.sections {
                all.extend(section::check_syntax(s));
            }
            all
        })?;
    let mut problems = with_early(model_problems);
    problems.extend(study.configure(&loaded.config));

    let ctx = Context {
        study: &study,
        format: &loaded.config.numbers,
        root: project,
        raw_html: loaded.config.raw_html,
    };
    let rendered: Vec<RenderedSection> = loaded
        .sections
        .par_iter()
        .map(|s| section::render(s, ctx))
        .collect();
    for r in &rendered {
        problems.extend(r.problems.clone());
    }
    // Cross-references are checked even when sections failed, so that a
    // dangling {ref} is reported with everything else.
    let ids: Vec<String> = loaded.sections.iter().map(|s| s.id.clone()).collect();
    let numbering = match resolve::number(&ids, &rendered) {
        Err(e) => {
            problems.extend(e);
            return Err(problems);
        }
        Ok(_) if problems.has_errors() => return Err(problems),
        Ok(n) => n,
    };
    problems.extend(numbering.warnings.clone());

    let mut view = PageView::header(&loaded.config);
    view.css = format!("{}\n{}", theme.get("style.css"), theme.get("charts.css"));
    view.illustrative = rendered.iter().any(|r| r.illustrative);
    for (i, (source, r)) in loaded.sections.iter().zip(&rendered).enumerate() {
        let title = inline(&source.front.title, false);
        let children = r
            .headings
            .iter()
            .zip(&numbering.heading_ids[i])
            .filter(|(h, _)| h.level == 3)
            .map(|(h, id)| TocEntry {
                id: id.clone(),
                title: strip_tags(&h.html),
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
            body: resolve::fill(&r.html, i, &numbering),
        });
    }
    let html = page::render(&tera, &theme, &view).map_err(Diagnostics::from)?;
    Ok(Built {
        html,
        warnings: problems,
    })
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
