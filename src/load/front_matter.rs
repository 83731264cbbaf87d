//! Section front matter: TOML between `+++` lines at the top of a file.

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

/// Splits `text` into front matter and body. Returns the parsed front
/// matter, the body, and the byte offset where the body starts.
pub fn split(path: &Path, text: &str) -> Result<(FrontMatter, usize), Diagnostic> {
    let first = text.lines().next().unwrap_or("");
    if first.trim_end() == "---" {
        return Err(Diagnostic::error("YAML front matter is not supported")
            .at(Location::in_text(path, text, 0, 3))
            .help("write the front matter in TOML between `+++` lines, e.g. +++ / title = \"Intro\" / +++"));
    }
    if first.trim_end() != "+++" {
        return Err(Diagnostic::error("the section has no front matter")
            .at(Location::in_text(path, text, 0, first.len()))
            .help("start the file with +++, a line title = \"…\", and +++"));
    }
    let start = first.len() + usize::from(text.len() > first.len());
    let mut offset = start;
    for line in text[start..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            let toml_text = &text[start..offset];
            let body_start = offset + line.len();
            return match toml::from_str::<FrontMatter>(toml_text) {
                Ok(fm) if fm.title.trim().is_empty() => {
                    Err(Diagnostic::error("the section title is empty")
                        .at(Location::in_text(path, text, start, 1))
                        .help("give the section a title: title = \"Findings\""))
                }
                Ok(FrontMatter { id: Some(id), .. }) if !plain_name(&id) => {
                    let key = toml_text
                        .split_inclusive('\n')
                        .scan(0, |at, l| {
                            let here = *at;
                            *at += l.len();
                            Some((here, l))
                        })
                        .find(|(_, l)| l.trim_start().starts_with("id"))
                        .map_or(0, |(at, l)| at + l.len() - l.trim_start().len());
                    Err(
                        Diagnostic::error(format!("section id `{id}` is not a plain name"))
                            .at(Location::in_text(path, text, start + key, 2))
                            .help(
                                "use letters, digits, `-` and `_`, e.g. id = \"problem-context\"",
                            ),
                    )
                }
                Ok(fm) => Ok((fm, body_start)),
                Err(e) => {
                    // Re-anchor the TOML error's span into the whole file.
                    let mut d = crate::load::config::toml_error(path, toml_text, &e);
                    if let (Some(span), Some(loc)) = (e.span(), d.location.as_mut()) {
                        *loc = Location::in_text(
                            path,
                            text,
                            start + span.start,
                            span.end - span.start,
                        );
                    }
                    if d.message.contains("missing field `title`") {
                        d = d.help("every section needs a title: title = \"Findings\"");
                    }
                    Err(d)
                }
            };
        }
        offset += line.len();
    }
    Err(Diagnostic::error("the front matter never ends")
        .at(Location::in_text(path, text, 0, 3))
        .label("opened here")
        .help("close it with a line holding only +++"))
}

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
    fn missing_front_matter_and_yaml_are_explained() {
        assert!(split(Path::new("s.md"), "# Hi\n")
            .unwrap_err()
            .message
            .contains("no front matter"));
        assert!(split(Path::new("s.md"), "---\ntitle: A\n---\n")
            .unwrap_err()
            .message
            .contains("YAML"));
    }
}
