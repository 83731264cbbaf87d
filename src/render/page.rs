//! The page: view structs made for the templates, and Tera.

use serde::Serialize;
use tera::Tera;

use crate::error::{Diagnostic, Location};
use crate::escape::html;
use crate::load::config::Config;
use crate::markdown::inline::inline;
use crate::model::date::Date;
use crate::render::csp;
use crate::render::theme::Theme;
use crate::render::theme_guard;
use crate::writers::html::phrase;

/// One section as the templates see it; every string is already HTML.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Anchor id.
    pub id: String,
    /// Title as inline HTML.
    pub title: String,
    /// Body HTML.
    pub body: String,
    /// True for an appendix the report adds (the quote index, the
    /// references, "About this report"), which holds no finding of its own.
    pub generated: bool,
}

/// An entry of the table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct TocEntry {
    /// Anchor id.
    pub id: String,
    /// Title as inline HTML.
    pub title: String,
    /// Sub-entries (level-3 headings).
    pub children: Vec<TocEntry>,
}

/// Everything `base.html` receives; every string is already HTML.
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    /// `lang` attribute.
    pub lang: String,
    /// Title as plain text, escaped (for `<title>`).
    pub title_text: String,
    /// Title as inline HTML.
    pub title: String,
    /// Subtitle as inline HTML.
    pub subtitle: String,
    /// Authors, escaped and joined.
    pub authors: String,
    /// Publication date, e.g. "20 Nov 2025".
    pub date: String,
    /// ISO date for `<time datetime>`.
    pub date_iso: String,
    /// Table of contents.
    pub toc: Vec<TocEntry>,
    /// The sections.
    pub sections: Vec<SectionView>,
    /// The theme's CSS, inline.
    pub css: String,
    /// Whether to show the illustrative-data notice.
    pub illustrative: bool,
    /// The `<meta>` carrying the page's Content-Security-Policy.
    pub csp_meta: String,
    /// The site's navigation (index, previous and next report) when the
    /// report is one of a site's; empty otherwise.
    pub site_nav: String,
}

impl PageView {
    /// The view of the report's header fields from `config`.
    pub fn header(config: &Config) -> PageView {
        let date = config.date.as_deref().and_then(Date::parse);
        PageView {
            lang: html(&config.language),
            title_text: html(&config.title),
            title: phrase(&inline(&config.title, false)),
            subtitle: config
                .subtitle
                .as_deref()
                .map(|s| phrase(&inline(s, false)))
                .unwrap_or_default(),
            authors: html(&config.authors.join(", ")),
            date: date.map(|d| d.long_label()).unwrap_or_default(),
            date_iso: date.map(|d| d.to_string()).unwrap_or_default(),
            toc: Vec::new(),
            sections: Vec::new(),
            css: String::new(),
            illustrative: false,
            csp_meta: csp::meta(csp::BUILD),
            site_nav: String::new(),
        }
    }
}

/// The built-in theme's templates, compiled once per process: a site of
/// 200 reports would otherwise parse the same templates 200 times.
static BUILTIN: std::sync::LazyLock<Result<Tera, Diagnostic>> =
    std::sync::LazyLock::new(|| compile(&crate::render::theme::builtin()));

/// Compiles the theme's templates once (the built-in theme's once for
/// every report).
pub fn templates(theme: &Theme) -> Result<Tera, Diagnostic> {
    if theme.is_builtin() {
        return BUILTIN.clone();
    }
    compile(theme)
}

fn compile(theme: &Theme) -> Result<Tera, Diagnostic> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    let templates: Vec<(&str, &str)> = theme
        .files
        .iter()
        .filter(|f| f.0.ends_with(".html"))
        .map(|f| (f.0, f.1.as_str()))
        .collect();
    theme_guard::restrict_functions(&mut tera);
    theme_guard::check_extends(&templates).map_err(|chain| {
        Diagnostic::error(format!(
            "the theme's templates extend each other in a loop: {chain}"
        ))
        .at(Location::file(
            theme
                .files
                .iter()
                .find(|f| chain.starts_with(f.0))
                .map_or("theme", |f| f.2.as_str()),
        ))
        .help("a template may include or extend only templates that do not lead back to it")
    })?;
    tera.add_raw_templates(templates)
        .map_err(|e| template_error(theme, &e))?;
    theme_guard::check(&tera, theme)?;
    Ok(tera)
}

/// Renders the page.
pub fn render(tera: &Tera, theme: &Theme, view: &PageView) -> Result<String, Diagnostic> {
    let context = tera::Context::from_serialize(view).map_err(|e| template_error(theme, &e))?;
    tera.render("base.html", &context)
        .map_err(|e| template_error(theme, &e))
}

fn template_error(theme: &Theme, e: &tera::Error) -> Diagnostic {
    let mut chain = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    let file = theme
        .files
        .iter()
        .find(|f| chain.contains(f.0))
        .map_or("theme", |f| f.2.as_str());
    Diagnostic::error(format!(
        "the theme's template failed: {}",
        chain.replace('\n', " ")
    ))
    .at(Location::file(file))
    .help("fix the template; the built-in themes/default/ files show the variables available")
}
