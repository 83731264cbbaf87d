//! Directive blocks: a fenced code block whose info string is `{name}`.
//!
//! ````text
//! ```{callout} insight
//! :title: Key Insight
//!
//! Body in **Markdown**.
//! ```
//! ````

use crate::error::did_you_mean;
use crate::markdown::components::SPECS as DIRECTIVES;
pub use crate::markdown::context::Directive;

/// Splits an info string `{name} argument`; `None` when it is an ordinary
/// code block (`rust`, `json`, …).
pub fn info(info: &str) -> Option<(&str, &str)> {
    let rest = info.trim().strip_prefix('{')?;
    let (name, argument) = rest.split_once('}')?;
    Some((name.trim(), argument.trim()))
}

/// Parses the block text of directive `name`: leading option lines, then
/// the body. Errors are one-line messages with the byte offset they concern.
pub fn parse(name: &str, argument: &str, text: &str) -> Result<Directive, (String, usize, String)> {
    let Some(allowed) = DIRECTIVES
        .iter()
        .find(|d| d.name == name)
        .map(|d| d.options)
    else {
        let hint = match did_you_mean(name, DIRECTIVES.iter().map(|d| d.name)) {
            Some(m) => format!("did you mean `{{{m}}}`?"),
            None => format!(
                "known directives: {}",
                DIRECTIVES
                    .iter()
                    .map(|d| d.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return Err((format!("unknown directive `{{{name}}}`"), 0, hint));
    };
    let mut options: Vec<(String, String)> = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let Some(rest) = trimmed.strip_prefix(':') else {
            break;
        };
        let Some((key, value)) = rest.split_once(':') else {
            break;
        };
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            break;
        }
        if !allowed.contains(&key) {
            let hint = match did_you_mean(key, allowed.iter().copied()) {
                Some(m) => format!("did you mean `:{m}:`?"),
                None if allowed.is_empty() => format!("`{{{name}}}` takes no options"),
                None => format!(
                    "`{{{name}}}` takes: {}",
                    allowed
                        .iter()
                        .map(|o| format!(":{o}:"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            return Err((format!("`{{{name}}}` has no option `{key}`"), offset, hint));
        }
        if options.iter().any(|(k, _)| k == key) {
            return Err((
                format!("option `{key}` is given twice"),
                offset,
                "keep one of them".to_string(),
            ));
        }
        options.push((key.to_string(), value.trim().to_string()));
        offset += line.len();
    }
    // One blank line between options and body is customary; skip it.
    let rest = &text[offset..];
    let skip = if !options.is_empty() && rest.starts_with('\n') {
        1
    } else if !options.is_empty() && rest.starts_with("\r\n") {
        2
    } else {
        0
    };
    Ok(Directive {
        name: name.to_string(),
        argument: argument.to_string(),
        options,
        body: text[offset + skip..].to_string(),
        body_offset: offset + skip,
        at: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_info_strings() {
        assert_eq!(info("{quote} s-1"), Some(("quote", "s-1")));
        assert_eq!(info(" {chart}  donut "), Some(("chart", "donut")));
        assert_eq!(info("rust"), None);
        assert_eq!(info("{unclosed"), None);
    }

    #[test]
    fn parses_options_then_body() {
        let d = parse(
            "callout",
            "insight",
            ":title: Key Insight\n\nThe **body**.\n",
        )
        .unwrap();
        assert_eq!(d.option("title"), Some("Key Insight"));
        assert_eq!(d.body, "The **body**.\n");
        assert_eq!(d.body_offset, 21);
        let d = parse("callout", "note", "Just a body: with a colon\n").unwrap();
        assert!(d.options.is_empty());
        assert_eq!(d.body, "Just a body: with a colon\n");
    }

    #[test]
    fn rejects_unknown_names_and_options() {
        let (msg, _, help) = parse("qoute", "", "").unwrap_err();
        assert_eq!(msg, "unknown directive `{qoute}`");
        assert_eq!(help, "did you mean `{quote}`?");
        let (msg, at, help) =
            parse("chart", "donut", ":data: participants\n:bye: stance\n").unwrap_err();
        assert_eq!(msg, "`{chart}` has no option `bye`");
        assert_eq!(at, 20);
        assert_eq!(help, "did you mean `:by:`?");
        assert!(parse("quote", "x", ":role: a\n:role: b\n").is_err());
    }
}
