//! Section front matter: TOML between `+++` lines, or YAML between `---`
//! lines, at the top of a file; both read into one [`FrontMatter`].

use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, Location};

/// What a section says about itself.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    /// Section title, rendered as its `<h2>`.
    pub title: String,
    /// Order among sections (then by file name).
    #[serde(default)]
    pub weight: i64,
    /// Anchor id; defaults to one made from the file name.
    #[serde(default)]
    pub id: Option<String>,
    /// One line for the table of contents.
    #[serde(default)]
    pub summary: Option<String>,
    /// Left out of the build when true.
    #[serde(default)]
    pub draft: bool,
    /// Evidence lints this section allows, by name.
    #[serde(default)]
    pub allow: Vec<String>,
}

/// The two ways a section's front matter is fenced: TOML between `+++`
/// lines (our own), or YAML between `---` lines (what Quarto, Obsidian,
/// Jekyll and Hugo authors write by habit). Both give the same keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dialect {
    Toml,
    Yaml,
}

impl Dialect {
    fn fence(self) -> &'static str {
        match self {
            Dialect::Toml => "+++",
            Dialect::Yaml => "---",
        }
    }
}

/// Splits `text` into front matter and body. Returns the parsed front
/// matter and the byte offset where the body starts.
pub fn split(path: &Path, text: &str) -> Result<(FrontMatter, usize), Diagnostic> {
    let first = text.lines().next().unwrap_or("");
    let dialect = match first.trim_end() {
        "+++" => Dialect::Toml,
        "---" => Dialect::Yaml,
        _ => {
            return Err(Diagnostic::error("the section has no front matter")
                .at(Location::in_text(path, text, 0, first.len()))
                .help("start the file with +++, a line title = \"…\", and +++ (or YAML between --- lines)"))
        }
    };
    let start = first.len() + usize::from(text.len() > first.len());
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == dialect.fence() {
            let front = &text[start..offset];
            let parsed = match dialect {
                Dialect::Toml => parse_toml(path, text, start, front),
                Dialect::Yaml => super::front_matter_yaml::parse(path, text, start, front),
            }?;
            return validate(path, text, start, front, parsed).map(|fm| (fm, offset + line.len()));
        }
        offset += line.len();
    }
    Err(Diagnostic::error("the front matter never ends")
        .at(Location::in_text(path, text, 0, 3))
        .label("opened here")
        .help(format!(
            "close it with a line holding only {}",
            dialect.fence()
        )))
}

/// The TOML front matter `front`, which starts at byte `start` of `text`.
fn parse_toml(
    path: &Path,
    text: &str,
    start: usize,
    front: &str,
) -> Result<FrontMatter, Diagnostic> {
    toml::from_str::<FrontMatter>(front).map_err(|e| {
        // Re-anchor the TOML error's span into the whole file.
        let mut d = crate::load::config::toml_error(path, front, &e);
        if let (Some(span), Some(loc)) = (e.span(), d.location.as_mut()) {
            *loc = Location::in_text(path, text, start + span.start, span.end - span.start);
        }
        if d.message.contains("missing field `title`") {
            d = d.help("every section needs a title: title = \"Findings\"");
        }
        d
    })
}

/// Checks what the types cannot say: a title that is there, an id that
/// can go into HTML as it is. Same rules whichever dialect was read.
fn validate(
    path: &Path,
    text: &str,
    start: usize,
    front: &str,
    fm: FrontMatter,
) -> Result<FrontMatter, Diagnostic> {
    if fm.title.trim().is_empty() {
        return Err(Diagnostic::error("the section title is empty")
            .at(Location::in_text(path, text, start, 1))
            .help("give the section a title: title = \"Findings\""));
    }
    if let Some(id) = fm.id.as_deref().filter(|id| !plain_name(id)) {
        let key = front
            .split_inclusive('\n')
            .scan(0, |at, l| {
                let here = *at;
                *at += l.len();
                Some((here, l))
            })
            .find(|(_, l)| l.trim_start().starts_with("id"))
            .map_or(0, |(at, l)| at + l.len() - l.trim_start().len());
        return Err(
            Diagnostic::error(format!("section id `{id}` is not a plain name"))
                .at(Location::in_text(path, text, start + key, 2))
                .help("use letters, digits, `-` and `_`, e.g. id = \"problem-context\""),
        );
    }
    if fm.allow.len() > MAX_ALLOW {
        let key = front.find("allow").unwrap_or(0);
        return Err(Diagnostic::error(format!(
            "`allow` lists {} names; a section allows at most {MAX_ALLOW}",
            fm.allow.len()
        ))
        .at(Location::in_text(path, text, start + key, 5))
        .help("name each lint once: allow = [\"thin-evidence\", \"hand-typed-number\"]"));
    }
    Ok(fm)
}

/// The most names `allow` may list: there are only a handful of lints,
/// and each name is checked against every text of the section.
pub const MAX_ALLOW: usize = 16;

/// True for ids that can go into an HTML id and a URL fragment as they are.
pub fn plain_name(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split_ok(text: &str) -> (FrontMatter, &str) {
        let (fm, at) = split(Path::new("s.md"), text).unwrap();
        (fm, &text[at..])
    }

    #[test]
    fn splits_front_matter_from_body() {
        let (fm, body) = split_ok("+++\ntitle = \"Intro\"\nweight = 3\n+++\nHello\n");
        assert_eq!(fm.title, "Intro");
        assert_eq!(fm.weight, 3);
        assert_eq!(body, "Hello\n");
    }

    #[test]
    fn handles_crlf_and_empty_body() {
        let (fm, body) = split_ok("+++\r\ntitle = \"A\"\r\n+++\r\n");
        assert_eq!(fm.title, "A");
        assert_eq!(body, "");
    }

    #[test]
    fn unterminated_front_matter_points_at_the_opening() {
        let e = split(Path::new("s.md"), "+++\ntitle = \"A\"\nbody\n").unwrap_err();
        assert_eq!(e.message, "the front matter never ends");
        assert_eq!(e.location.unwrap().line, 1);
    }

    #[test]
    fn errors_point_into_the_file() {
        let e = split(Path::new("s.md"), "+++\ntitle = \"A\"\nwieght = 2\n+++\n").unwrap_err();
        let loc = e.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (3, 1));
        assert_eq!(e.help.as_deref(), Some("did you mean `weight`?"));
    }

    #[test]
    fn ids_must_be_plain_names() {
        let e = split(
            Path::new("s.md"),
            "+++\ntitle = \"A\"\nid = \"x\\\" onmouseover=\\\"alert(1)\"\n+++\n",
        )
        .unwrap_err();
        assert!(e.message.contains("not a plain name"), "{}", e.message);
        assert_eq!(e.location.unwrap().line, 3);
        assert!(split(
            Path::new("s.md"),
            "+++\ntitle = \"A\"\nid = \"über-uns_2\"\n+++\n"
        )
        .is_ok());
    }

    #[test]
    fn missing_front_matter_is_explained() {
        assert!(split(Path::new("s.md"), "# Hi\n")
            .unwrap_err()
            .message
            .contains("no front matter"));
    }
}
