//! The theme: Tera templates and CSS. The default theme is compiled into
//! the binary; a project's `themes/NAME/` overrides it file by file.

use std::path::Path;

use crate::error::{Diagnostic, Location};

/// Files a theme is made of, with the built-in version of each.
pub const FILES: [(&str, &str); 4] = [
    ("base.html", include_str!("../../themes/default/base.html")),
    (
        "section.html",
        include_str!("../../themes/default/section.html"),
    ),
    ("style.css", include_str!("../../themes/default/style.css")),
    (
        "charts.css",
        include_str!("../../themes/default/charts.css"),
    ),
];

/// A theme's files, each from the project or built in.
#[derive(Debug, Clone)]
pub struct Theme {
    /// `(file name, text, where it came from)`.
    pub files: Vec<(&'static str, String, String)>,
}

impl Theme {
    /// Whether every file is the built-in one (no project file overrides
    /// it), so its compiled templates can be shared between reports.
    pub fn is_builtin(&self) -> bool {
        self.files.iter().all(|f| f.2.starts_with("built-in "))
    }

    /// Whether every template (`*.html`) is the built-in one, whatever
    /// the CSS: the page then knows how each value is used.
    pub fn templates_are_builtin(&self) -> bool {
        self.files
            .iter()
            .filter(|f| f.0.ends_with(".html"))
            .all(|f| f.2.starts_with("built-in "))
    }

    /// The text of theme file `name`.
    pub fn get(&self, name: &str) -> &str {
        self.files
            .iter()
            .find(|f| f.0 == name)
            .map_or("", |f| f.1.as_str())
    }
}

/// The built-in theme, every file its own.
pub fn builtin() -> Theme {
    Theme {
        files: FILES
            .iter()
            .map(|(file, text)| (*file, text.to_string(), format!("built-in {file}")))
            .collect(),
    }
}

/// Loads theme `name` for the project in `root`.
pub fn load(root: &Path, name: &str) -> Result<Theme, Diagnostic> {
    let dir = root.join("themes").join(name);
    if name != "default" && !dir.is_dir() {
        return Err(Diagnostic::error(format!("theme `{name}` not found"))
            .at(Location::file("content/report.toml"))
            .help(format!(
                "create themes/{name}/ with the files to override, or use theme = \"default\""
            )));
    }
    let mut files = Vec::with_capacity(FILES.len());
    for (file, builtin) in FILES {
        let rel = Path::new("themes").join(name).join(file);
        if root.join(&rel).is_file() {
            let text = crate::load::read_text(root, &rel)?;
            files.push((file, text, rel.display().to_string()));
        } else {
            files.push((file, builtin.to_string(), format!("built-in {file}")));
        }
    }
    Ok(Theme { files })
}
