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
    if let Some(d) = hostile(path, text, start, front) {
        return Err(d);
    }
    yaml_serde::from_str::<FrontMatter>(front).map_err(|e| error(path, text, start, front, &e))
}

/// The most front matter read as YAML. A section's front matter is a few
/// short keys; the parser's work grows faster than its input.
pub const MAX_BYTES: usize = 64 << 10;

/// The deepest nesting of `[` and `{` (flow collections), and of block
/// sequences opened on one line (`- - - x`). The YAML scanner keeps state
/// per level and rescans it: deep nesting takes it seconds per kilobyte.
pub const MAX_NESTING: usize = 32;

/// Refuses, in one linear pass, front matter the YAML parser would spend
/// seconds or unbounded memory on: too large, or nested too deep.
fn hostile(path: &Path, text: &str, start: usize, front: &str) -> Option<Diagnostic> {
    if front.len() > MAX_BYTES {
        return Some(
            Diagnostic::error(format!(
                "the front matter is {} KiB, more than the {} KiB findings reads",
                front.len() >> 10,
                MAX_BYTES >> 10
            ))
            .at(Location::in_text(path, text, 0, 3))
            .help("front matter holds a few keys (title, weight, id, summary, draft, allow): move the rest into the section's body"),
        );
    }
    let too_deep = |offset: usize| {
        Some(
            Diagnostic::error(format!(
                "the front matter nests lists or maps more than {MAX_NESTING} deep"
            ))
            .at(Location::in_text(path, text, start + offset, 1))
            .help("front matter keys take plain values: title: Findings, allow: [thin-evidence]"),
        )
    };
    let (mut depth, mut quote, mut offset) = (0usize, None::<char>, 0usize);
    for line in front.split_inclusive('\n') {
        let body = line.trim_start_matches(' ');
        let mut dashes = 0;
        let mut rest = body;
        while let Some(r) = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("-\t")) {
            dashes += 1;
            rest = r.trim_start_matches(' ');
        }
        if dashes > MAX_NESTING {
            return too_deep(offset);
        }
        let mut prev = ' ';
        for (i, c) in line.char_indices() {
            match (quote, c) {
                (Some('"'), '\\') if prev != '\\' => {}
                (Some(q), _) if c == q && !(q == '"' && prev == '\\') => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') if prev.is_whitespace() || "[{,:".contains(prev) => {
                    quote = Some(c)
                }
                (None, '#') if prev.is_whitespace() => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > MAX_NESTING {
                        return too_deep(offset + i);
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
        }
        offset += line.len();
    }
    None
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
