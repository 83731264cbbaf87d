//! YAML front matter (`---` fences), read with `yaml_serde` into the same
//! [`FrontMatter`] as TOML, so the keys, their meaning and the "unknown
//! key" errors with did-you-mean are the same whichever an author writes.

use std::path::Path;

use crate::error::{did_you_mean, expected_keys, Diagnostic, Location};

use super::front_matter::FrontMatter;

/// The YAML front matter `front`, which starts at byte `start` of `text`.
pub(super) fn parse(
    path: &Path,
    text: &str,
    start: usize,
    front: &str,
) -> Result<FrontMatter, Diagnostic> {
    if front.trim().is_empty() {
        return Err(Diagnostic::error("the front matter is empty")
            .at(Location::in_text(path, text, 0, 3))
            .help("every section needs a title: title: Findings"));
    }
    yaml_serde::from_str::<FrontMatter>(front).map_err(|e| error(path, text, start, front, &e))
}

/// A YAML error as a diagnostic at its line, with a hint.
fn error(path: &Path, text: &str, start: usize, front: &str, e: &yaml_serde::Error) -> Diagnostic {
    let full = e.to_string();
    // The library appends " at line L column C"; the location says it.
    let message = full
        .split_once(" at line ")
        .map_or(full.as_str(), |(m, _)| m)
        .trim()
        .to_string();
    let location = match e.location() {
        Some(at) => {
            let offset = start + at.index().min(front.len());
            let word = text[offset..].find([':', '\n']).unwrap_or(0);
            Location::in_text(path, text, offset, word.max(1))
        }
        None => Location::in_text(path, text, start, 1),
    };
    let d = Diagnostic::error(message.clone()).at(location);
    if let Some(unknown) = message.strip_prefix("unknown field `") {
        let name = unknown.split('`').next().unwrap_or("");
        let keys = expected_keys(&message);
        return d.help(match did_you_mean(name, keys.iter().copied()) {
            Some(k) => format!("did you mean `{k}`?"),
            None => format!("known keys here: {}", keys.join(", ")),
        });
    }
    if message.contains("missing field `title`") {
        return d.help("every section needs a title: title: Findings");
    }
    if message.contains("invalid type") {
        return d.help("change the value to the expected type (weight: 10, draft: true)");
    }
    d.help("check the YAML syntax: key: value, one per line")
}

#[cfg(test)]
mod tests {
    use super::super::front_matter::split;
    use std::path::Path;

    #[test]
    fn reads_the_same_keys_as_toml() {
        let text = "---\ntitle: Intro\nweight: 3\nid: intro\ndraft: false\n---\nHello\n";
        let (fm, at) = split(Path::new("s.md"), text).unwrap();
        assert_eq!(fm.title, "Intro");
        assert_eq!(fm.weight, 3);
        assert_eq!(fm.id.as_deref(), Some("intro"));
        assert_eq!(&text[at..], "Hello\n");
    }

    #[test]
    fn an_unknown_key_points_at_its_line_with_a_suggestion() {
        let e = split(Path::new("s.md"), "---\ntitle: A\nwieght: 2\n---\n").unwrap_err();
        let loc = e.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (3, 1));
        assert_eq!(e.help.as_deref(), Some("did you mean `weight`?"));
        assert!(
            e.message.starts_with("unknown field `wieght`"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_syntax_error_points_at_its_line() {
        let e = split(Path::new("s.md"), "---\ntitle: A\nweight: [1\n---\n").unwrap_err();
        assert!(e.location.unwrap().line >= 3);
    }

    #[test]
    fn a_missing_title_and_an_open_fence_are_explained() {
        let e = split(Path::new("s.md"), "---\nweight: 2\n---\n").unwrap_err();
        assert!(e.message.contains("missing field `title`"), "{}", e.message);
        let e = split(Path::new("s.md"), "---\ntitle: A\n").unwrap_err();
        assert_eq!(e.message, "the front matter never ends");
        assert_eq!(
            e.help.as_deref(),
            Some("close it with a line holding only ---")
        );
    }
}
