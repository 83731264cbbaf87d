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

/// Renders the page, with `tail` inserted just before its last `</body>`
/// (after the template, so that no theme can leave it out).
///
/// With the built-in templates, the sections' bodies (nearly all of a
/// large page) are not copied into Tera's context: each goes in as a
/// marker, and the bodies are spliced into the rendered frame in one
/// pass. Tera would hold them three times at once (the view, the context
/// and its output): at 1,000 sections that was 30 MB. A theme of one's
/// own may do anything with a body (count its words, say), so its
/// templates get the bodies themselves.
pub fn render(
    tera: &Tera,
    theme: &Theme,
    mut view: PageView,
    tail: &str,
) -> Result<String, Diagnostic> {
    if theme.templates_are_builtin() {
        if let Some(page) = spliced(tera, theme, &mut view, tail)? {
            return Ok(page);
        }
    }
    let mut page = whole(tera, theme, &view)?;
    page.reserve(tail.len());
    insert_tail(&mut page, tail);
    Ok(page)
}

/// The page rendered with every value in Tera's context.
fn whole(tera: &Tera, theme: &Theme, view: &PageView) -> Result<String, Diagnostic> {
    let context = tera::Context::from_serialize(view).map_err(|e| template_error(theme, &e))?;
    tera.render("base.html", &context)
        .map_err(|e| template_error(theme, &e))
}

fn insert_tail(page: &mut String, tail: &str) {
    let at = page.rfind("</body>").unwrap_or(page.len());
    page.insert_str(at, tail);
}

/// How the marker of a section's body starts. A title or value that
/// holds it too sends the page the long way.
const MARK: &str = "\u{1}findings-body-";

fn marker(i: usize) -> String {
    format!("{MARK}{i}\u{1}")
}

/// The page with each non-empty body spliced in at its marker, or `None`
/// (the view as it was) when the frame does not hold every marker once,
/// in order, and nothing else that looks like one.
fn spliced(
    tera: &Tera,
    theme: &Theme,
    view: &mut PageView,
    tail: &str,
) -> Result<Option<String>, Diagnostic> {
    let bodies: Vec<String> = view
        .sections
        .iter_mut()
        .enumerate()
        .map(|(i, s)| match s.body.is_empty() {
            true => String::new(),
            false => std::mem::replace(&mut s.body, marker(i)),
        })
        .collect();
    let restore = |view: &mut PageView, bodies: Vec<String>| {
        for (s, b) in view.sections.iter_mut().zip(bodies) {
            if !b.is_empty() {
                s.body = b;
            }
        }
    };
    let frame = match whole(tera, theme, view) {
        Ok(f) => f,
        Err(e) => {
            restore(view, bodies);
            return Err(e);
        }
    };
    let mut cuts = Vec::with_capacity(bodies.len());
    let mut from = 0;
    for (i, body) in bodies.iter().enumerate() {
        if body.is_empty() {
            continue;
        }
        let m = marker(i);
        match frame[from..].find(&m) {
            Some(at) => {
                cuts.push((from + at, from + at + m.len(), i));
                from += at + m.len();
            }
            None => break,
        }
    }
    let filled = bodies.iter().filter(|b| !b.is_empty()).count();
    if cuts.len() != filled || frame.matches(MARK).count() != filled {
        restore(view, bodies);
        return Ok(None);
    }
    let size = frame.len() + bodies.iter().map(String::len).sum::<usize>() + tail.len();
    let mut page = String::with_capacity(size);
    let mut at = 0;
    let mut bodies = bodies;
    for (start, end, i) in cuts {
        page.push_str(&frame[at..start]);
        page.push_str(&std::mem::take(&mut bodies[i]));
        at = end;
    }
    page.push_str(&frame[at..]);
    drop(frame);
    insert_tail(&mut page, tail);
    Ok(Some(page))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::writers::html::page::SectionView;

    fn view(titles: &[&str], bodies: &[&str]) -> PageView {
        PageView {
            lang: "en".into(),
            title_text: "T".into(),
            title: "T".into(),
            subtitle: String::new(),
            authors: "A".into(),
            date: String::new(),
            date_iso: String::new(),
            toc: Vec::new(),
            sections: titles
                .iter()
                .zip(bodies)
                .enumerate()
                .map(|(i, (t, b))| SectionView {
                    id: format!("s{i}"),
                    title: t.to_string(),
                    body: b.to_string(),
                    generated: false,
                })
                .collect(),
            css: "p{}".into(),
            illustrative: false,
            csp_meta: String::new(),
            site_nav: "\u{1}N\u{1}".into(),
            downloads: Vec::new(),
        }
    }

    /// The spliced page against Tera given every body, the way any theme
    /// is rendered.
    fn same_as_tera(v: PageView) {
        let theme = crate::render::theme::builtin();
        let tera = templates(&theme).expect("the built-in templates");
        let mut expected = whole(&tera, &theme, &v).expect("renders");
        let at = expected.rfind("</body>").expect("a body");
        expected.insert_str(at, "<script>tail</script>");
        let got = render(&tera, &theme, v, "<script>tail</script>").expect("renders");
        assert_eq!(got, expected);
    }

    #[test]
    fn the_spliced_page_is_the_page_tera_writes() {
        same_as_tera(view(
            &["One", "Two", "Three"],
            &["<p>first</p>", "", "<p>third ü 信頼 \u{1}X a:b\u{1}</p>"],
        ));
    }

    #[test]
    fn a_title_that_looks_like_a_marker_takes_the_long_way() {
        let v = view(
            &["\u{1}findings-body-1\u{1}", "Two"],
            &["<p>first</p>", "<p>second</p>"],
        );
        let theme = crate::render::theme::builtin();
        let tera = templates(&theme).expect("the built-in templates");
        let mut kept = v.clone();
        assert!(spliced(&tera, &theme, &mut kept, "").unwrap().is_none());
        assert_eq!(kept.sections[1].body, "<p>second</p>", "bodies restored");
        same_as_tera(v);
    }

    #[test]
    fn a_theme_of_ones_own_gets_the_bodies_themselves() {
        let mut theme = crate::render::theme::builtin();
        let section = theme
            .files
            .iter_mut()
            .find(|f| f.0 == "section.html")
            .expect("a section template");
        section.1 = "<p>{{ section.body | wordcount }} words</p>".into();
        section.2 = "themes/mine/section.html".into();
        assert!(!theme.templates_are_builtin());
        let tera = templates(&theme).expect("the templates compile");
        let page = render(
            &tera,
            &theme,
            view(&["One"], &["<p>three words here</p>"]),
            "",
        )
        .expect("renders");
        assert!(page.contains("<p>3 words</p>"), "{page}");
    }
}
