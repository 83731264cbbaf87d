//! The last stage of one report: the report-wide numbering checked, the
//! appendices added, the page rendered through the theme and the facts a
//! site needs gathered.

use std::path::Path;
use std::sync::Arc;

use crate::document::{Appendix, Block};
use crate::error::Diagnostics;
use crate::load::inputs;
use crate::load::outputs::Format;
use crate::markdown::section::RenderedSection;
use crate::render::late::Late;
use crate::render::manifest::Manifest;
use crate::render::resolve;
use crate::render::{csp, page};
use crate::writers::html::page::{self as html_page, Download};
use crate::writers::palette::Palette;

use super::builder::State;
use super::{document, facts, Built};

impl State {
    /// Numbers figures and headings across the report and renders the page.
    pub(super) fn page(
        &mut self,
        root: &Path,
        read_problems: Diagnostics,
        late: Late,
        in_site: bool,
    ) -> Result<Built, Diagnostics> {
        if read_problems.has_errors() {
            return Err(read_problems);
        }
        // The blocks each section's tree resolves into: a copy when the
        // builder keeps the sections for the next build, else the blocks
        // themselves (a one-shot build needs them once).
        let mut blocks: Vec<Vec<Block>> = Vec::with_capacity(self.sections.len());
        for s in &self.sections {
            if let Some(r) = self.rendered.get_mut(&s.path) {
                blocks.push(if self.keep_rendered {
                    r.blocks.clone()
                } else {
                    std::mem::take(&mut r.blocks)
                });
            }
        }

        let rendered: Vec<&RenderedSection> = self
            .sections
            .iter()
            .filter_map(|s| self.rendered.get(&s.path))
            .collect();
        let mut problems = self.warnings.clone();
        for r in &rendered {
            problems.extend(r.problems.clone());
        }
        if let Some(h) = &self.headline {
            problems.extend(h.problems.clone());
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

        let document = document::build(
            &self.config,
            &self.sections,
            &rendered,
            blocks,
            &numbering,
            &late,
            appendices,
        );
        let mut formats = match &self.config.output.formats {
            f if f.is_empty() => vec![Format::Html],
            f => f.clone(),
        };
        formats.sort();
        formats.dedup();
        // A page alone, built once, needs the document no more: each
        // section's tree (together a third of the memory at 1,000
        // sections) goes once its HTML is written.
        let (mut view, document) =
            match self.keep_rendered || formats.iter().any(|f| *f != Format::Html) {
                true => (html_page::view(&document), Some(document)),
                false => (html_page::view_freeing(document), None),
            };
        view.css = format!(
            "{}\n{}",
            self.theme.get("style.css"),
            self.theme.get("charts.css")
        );
        view.csp_meta = csp::meta(csp::BUILD);
        if in_site {
            view.site_nav = facts::NAV_PLACEHOLDER.to_string();
        }
        let slug = match crate::slug::slugify(&self.config.title) {
            s if s.is_empty() => "report".to_string(),
            s => s,
        };
        view.downloads = formats
            .iter()
            .filter(|f| **f != Format::Html)
            .map(|f| Download {
                href: format!("{slug}.{}", f.name()),
                label: f.label().to_string(),
            })
            .collect();
        // Only a site's search reads the sections again.
        let sections = match in_site {
            true => view.sections.clone(),
            false => Vec::new(),
        };
        let html = page::render(&self.tera, &self.theme, view, &manifest.element())
            .map_err(Diagnostics::from)?;
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
            sections,
        };
        Ok(Built {
            html,
            document,
            formats,
            slug,
            manifest: manifest.json(),
            pdf: self.config.pdf.clone(),
            docx: self.config.docx.clone(),
            palette: Palette::from_theme(self.theme.get("charts.css")),
            warnings: problems,
            facts: Arc::new(facts),
        })
    }
}
