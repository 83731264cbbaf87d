//! The works a report cites: `content/references.bib` (BibLaTeX) or
//! `content/references.json` (CSL-JSON), read with hayagriva.
//!
//! Each key keeps where it is written, so that a citation of an unknown
//! key can suggest the nearest one and a broken entry is reported at its
//! line.

mod bib_guard;

use std::path::{Path, PathBuf};

use hayagriva::citationberg::json::Item;
use hayagriva::Library;

use crate::error::{Diagnostic, Location};

/// The file names read, in the order tried.
pub const FILES: [&str; 2] = ["references.bib", "references.json"];

/// The parsed works.
#[derive(Debug, Clone)]
pub enum Works {
    /// From BibLaTeX.
    Bib(Library),
    /// From CSL-JSON, in file order.
    Csl(Vec<Item>),
}

/// A report's references.
#[derive(Debug, Clone)]
pub struct References {
    /// Path as shown to the user (`content/references.bib`).
    pub path: PathBuf,
    /// The works.
    pub works: Works,
    /// Every key, in file order.
    pub keys: Vec<String>,
    /// The file exists but could not be read (its error is reported once,
    /// by the load): citations then pass unchecked instead of each being
    /// told that the project has no references file.
    pub broken: bool,
}

impl References {
    /// True when `key` names a work.
    pub fn has(&self, key: &str) -> bool {
        self.keys.iter().any(|k| k == key)
    }
}

/// Reads the references file in `content`, if there is one. Both files at
/// once is an error: which one a `{cite}` meant would be a guess.
pub fn load(root: &Path) -> Result<Option<References>, Diagnostic> {
    let found: Vec<&str> = FILES
        .iter()
        .copied()
        .filter(|f| root.join("content").join(f).is_file())
        .collect();
    let name = match found.as_slice() {
        [] => return Ok(None),
        [one] => *one,
        _ => {
            return Err(Diagnostic::error(
                "both content/references.bib and content/references.json exist",
            )
            .at(Location::file("content/references.json"))
            .help("keep one references file: findings reads BibLaTeX or CSL-JSON, not both"))
        }
    };
    let shown = Path::new("content").join(name);
    let text = crate::load::read_text(root, &shown)?;
    let refs = if name.ends_with(".bib") {
        bib(&shown, &text)?
    } else {
        csl(&shown, &text)?
    };
    Ok(Some(refs))
}

/// Like [`load`], but a file that exists and fails to read still counts as
/// the project's references file (marked `broken`), beside its error.
pub fn load_or_broken(root: &Path) -> (Option<References>, Option<Diagnostic>) {
    match load(root) {
        Ok(refs) => (refs, None),
        Err(d) => {
            let path = d
                .location
                .as_ref()
                .map(|l| l.file.clone())
                .unwrap_or_else(|| Path::new("content").join(FILES[0]));
            let broken = References {
                path,
                works: Works::Csl(Vec::new()),
                keys: Vec::new(),
                broken: true,
            };
            (Some(broken), Some(d))
        }
    }
}

/// Parses BibLaTeX text read from `path`.
pub fn bib(path: &Path, text: &str) -> Result<References, Diagnostic> {
    bib_guard::check(path, text)?;
    let library = hayagriva::io::from_biblatex_str(text).map_err(|errors| {
        let first = &errors[0];
        let (span, what) = match first {
            hayagriva::io::BibLaTeXError::Parse(e) => (e.span.clone(), e.kind.to_string()),
            hayagriva::io::BibLaTeXError::Type(e) => (e.span.clone(), e.kind.to_string()),
        };
        let at = span.start.min(text.len());
        let more = match errors.len() {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        Diagnostic::error(format!(
            "the references file is not valid BibLaTeX: {what}{more}"
        ))
        .at(Location::in_text(path, text, at, span.len().max(1)))
        .help("fix the entry: @type{key, field = {value}, ...}; each entry needs a unique key")
    })?;
    let keys = library.keys().map(String::from).collect();
    Ok(References {
        path: path.to_path_buf(),
        works: Works::Bib(library),
        keys,
        broken: false,
    })
}

/// Parses CSL-JSON text (an array of items) read from `path`.
pub fn csl(path: &Path, text: &str) -> Result<References, Diagnostic> {
    let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| {
        Diagnostic::error(format!("the references file is not a CSL-JSON array: {e}"))
            .at(Location::at_line(path, text, e.line(), e.column()))
            .help("write a JSON array of CSL items: [{\"id\": \"key\", \"type\": \"book\", ...}]")
    })?;
    let mut items = Vec::with_capacity(values.len());
    let mut keys: Vec<String> = Vec::with_capacity(values.len());
    for (n, value) in values.into_iter().enumerate() {
        let id = value.get("id").and_then(|v| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        });
        let at = |key: Option<&str>| {
            let offset = key
                .and_then(|k| text.find(&format!("\"{k}\"")))
                .unwrap_or(0);
            Location::in_text(path, text, offset, key.map_or(1, |k| k.len() + 2))
        };
        let Some(id) = id else {
            return Err(Diagnostic::error(format!(
                "reference {} in the CSL-JSON file has no `id`",
                n + 1
            ))
            .at(Location::file(path))
            .help("give every item an \"id\": the key {cite} uses"));
        };
        if keys.contains(&id) {
            return Err(
                Diagnostic::error(format!("two references have the id `{id}`"))
                    .at(at(Some(&id)))
                    .help("ids must be unique: rename one"),
            );
        }
        let item: Item = serde_json::from_value(value).map_err(|e| {
            Diagnostic::error(format!("reference `{id}` is not a valid CSL item: {e}"))
                .at(at(Some(&id)))
                .help("see the CSL-JSON schema: names as [{\"family\": …, \"given\": …}], dates as {\"date-parts\": [[2006]]}")
        })?;
        keys.push(id);
        items.push(item);
    }
    Ok(References {
        path: path.to_path_buf(),
        works: Works::Csl(items),
        keys,
        broken: false,
    })
}
