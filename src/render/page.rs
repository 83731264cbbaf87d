//! The page through the theme: its templates compiled (once for the
//! built-in theme) and rendered with the HTML writer's view of the report.

use tera::Tera;

use crate::error::{Diagnostic, Location};
use crate::render::theme::Theme;
use crate::render::theme_guard;

pub use crate::writers::html::page::{PageView, SectionView, TocEntry};

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
