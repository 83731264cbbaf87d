//! `content/report.toml`: deserialized strictly, then validated.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{did_you_mean, expected_keys, Diagnostic, Location};
use crate::model::coding::Coding;
use crate::model::date::Date;
use crate::model::labels::Labels;
use crate::model::numbers::NumberFormat;
use crate::model::privacy::Privacy;

/// The report's settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Report title.
    pub title: String,
    /// Line under the title.
    #[serde(default)]
    pub subtitle: Option<String>,
    /// Authors, shown in the header.
    #[serde(default)]
    pub authors: Vec<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: Option<String>,
    /// Topics of the report, shown on its card in a site's index, where
    /// they filter the cards.
    #[serde(default)]
    pub tags: Vec<String>,
    /// One sentence for the report's card in a site's index, with roles:
    /// "{share}`participants[stance=deeper-crisis]` see a deeper crisis".
    #[serde(default)]
    pub headline: Option<String>,
    /// The page's `lang`.
    #[serde(default = "default_language")]
    pub language: String,
    /// Theme folder name under `themes/`, or the built-in `default`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Whether raw HTML in sections passes through (else it is escaped).
    #[serde(default = "yes")]
    pub raw_html: bool,
    /// Number formatting.
    #[serde(default)]
    pub numbers: NumberFormat,
    /// Display labels for attribute values, in display order, per field.
    #[serde(default)]
    pub labels: BTreeMap<String, toml::Table>,
    /// Fields never to publish and small-cell suppression.
    #[serde(default)]
    pub privacy: Privacy,
    /// Whose codes count when several coders coded a segment.
    #[serde(default)]
    pub coding: Coding,
    /// `[columns.NAME]`: which column of the CSV/XLSX dataset `NAME` holds
    /// which field, where the headers differ from the field names. The
    /// table loader reads it itself (datasets load while this file is
    /// parsed); it is declared here so that it is not an unknown key.
    #[serde(default)]
    pub columns: BTreeMap<String, BTreeMap<String, String>>,
    /// `[citations]`: how `{cite}` and the bibliography are written.
    #[serde(default)]
    pub citations: Citations,
    /// `[lints]`: thresholds of the evidence lints.
    #[serde(default)]
    pub lints: Lints,
    /// `[markdown]`: how sections' Markdown is read; `[markdown] raw_html`
    /// is another place for the top-level `raw_html`, and wins over it.
    #[serde(default)]
    pub markdown: MarkdownOptions,
    /// `[output]`: the formats a build writes.
    #[serde(default)]
    pub output: super::outputs::Output,
    /// `[pdf]`: the PDF's paper and fonts.
    #[serde(default)]
    pub pdf: super::outputs::Pdf,
    /// `[docx]`: the Word file's reference document.
    #[serde(default)]
    pub docx: super::outputs::Docx,
    /// Where each `[labels.FIELD]` key is written: `(field, value, place)`.
    #[serde(skip)]
    pub label_places: Vec<(String, String, Location)>,
    /// Where `[coding] consensus` is written.
    #[serde(skip)]
    pub coding_place: Option<Location>,
}

/// The `[citations]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citations {
    /// A CSL style bundled with hayagriva, by name (`apa`, `ieee`,
    /// `chicago-author-date`, …); APA 7 when not given.
    #[serde(default)]
    pub style: Option<String>,
}

impl Citations {
    /// The style's name, APA when none is given.
    pub fn style_name(&self) -> &str {
        self.style.as_deref().unwrap_or("apa")
    }
}

/// The `[markdown]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkdownOptions {
    /// Whether raw HTML in sections is kept (cleaned by the allow-list)
    /// or shown as text.
    #[serde(default)]
    pub raw_html: Option<bool>,
}

/// The `[lints]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lints {
    /// A code named in the prose needs at least this many participants
    /// behind it (when not given: 2, or off for a study of one source or
    /// one participant; see `markdown::lints::threshold`).
    #[serde(default)]
    pub min_participants: Option<u64>,
}

fn default_language() -> String {
    "en".to_string()
}

fn default_theme() -> String {
    "default".to_string()
}

fn yes() -> bool {
    true
}

/// Parses and validates `report.toml` read from `path`.
pub fn parse(path: &Path, text: &str) -> Result<(Config, Labels), Vec<Diagnostic>> {
    let mut config: Config = toml::from_str(text).map_err(|e| vec![toml_error(path, text, &e)])?;
    if let Some(raw) = config.markdown.raw_html {
        config.raw_html = raw;
    }
    let mut problems = Vec::new();
    check_privacy(path, text, &mut config.privacy, &mut problems);
    if let Some(value) = &config.coding.consensus {
        let quoted = format!("\"{value}\"");
        config.coding_place = text
            .find("consensus")
            .and_then(|k| text[k..].find(&quoted).map(|v| k + v))
            .map(|at| Location::in_text(path, text, at, quoted.len()));
    }
    let mut labels = Labels::default();
    // Label order matters (it is the display order), so read it from the
    // document itself: toml::Table is sorted by key.
    let doc: toml::Table = toml::from_str(text).unwrap_or_default();
    if let Some(toml::Value::Table(fields)) = doc.get("labels") {
        for (field, values) in fields {
            let mut pairs = Vec::new();
            if let toml::Value::Table(values) = values {
                let mut ordered: Vec<(&String, &toml::Value)> = values.iter().collect();
                ordered.sort_by_key(|(k, _)| find_key_offset(text, field, k));
                for (k, v) in ordered {
                    let offset = find_key_offset(text, field, k);
                    let place = if offset == usize::MAX {
                        Location::file(path)
                    } else {
                        Location::in_text(path, text, offset, k.len())
                    };
                    config.label_places.push((field.clone(), k.clone(), place));
                    match v.as_str() {
                        Some(s) => pairs.push((k.clone(), s.to_string())),
                        None => problems.push(
                            Diagnostic::error(format!(
                                "the label of `{k}` in [labels.{field}] must be a string"
                            ))
                            .at(locate_key(path, text, k))
                            .help(format!("write it as {k} = \"Display label\"")),
                        ),
                    }
                }
            }
            labels.0.insert(field.clone(), pairs);
        }
    }
    if let Some(date) = &config.date {
        if Date::parse(date).is_none() {
            problems.push(
                Diagnostic::error(format!("`date` is not a date: {date:?}"))
                    .at(locate_key(path, text, "date"))
                    .help("write dates as YYYY-MM-DD, e.g. date = \"2025-11-20\""),
            );
        }
    }
    if let Some(style) = &config.citations.style {
        if hayagriva::archive::ArchivedStyle::by_name(style).is_none() {
            let names = hayagriva::archive::ArchivedStyle::all()
                .iter()
                .flat_map(|s| s.names().iter().copied());
            let help = did_you_mean(style, names).map_or_else(
                || "name a CSL style bundled with hayagriva, e.g. style = \"apa\", \"ieee\", \"chicago-author-date\", \"modern-language-association\"".to_string(),
                |m| format!("did you mean `{m}`?"),
            );
            let quoted = format!("\"{style}\"");
            let at = text.find(&quoted).map_or_else(
                || locate_key(path, text, "style"),
                |o| Location::in_text(path, text, o, quoted.len()),
            );
            problems.push(
                Diagnostic::error(format!("unknown citation style `{style}`"))
                    .at(at)
                    .help(help),
            );
        }
    }
    if !crate::load::front_matter::plain_name(&config.theme) {
        problems.push(
            Diagnostic::error(format!("theme `{}` is not a folder name", config.theme))
                .at(locate_key(path, text, "theme"))
                .help("name a folder of themes/ (letters, digits, `-`, `_`), or \"default\""),
        );
    }
    if config.title.trim().is_empty() {
        problems.push(
            Diagnostic::error("`title` is empty")
                .at(locate_key(path, text, "title"))
                .help("give the report a title: title = \"My study\""),
        );
    }
    if config.numbers.decimals > 4 {
        problems.push(
            Diagnostic::error(format!(
                "`decimals` is {}, more than 4",
                config.numbers.decimals
            ))
            .at(locate_key(path, text, "decimals"))
            .help("use 0 to 4 decimals for percentages"),
        );
    }
    if problems.is_empty() {
        Ok((config, labels))
    } else {
        Err(problems)
    }
}

/// Locates each `private` entry and checks its form; whether the fields
/// exist is checked against the datasets later ([`Privacy::check`]).
fn check_privacy(path: &Path, text: &str, privacy: &mut Privacy, problems: &mut Vec<Diagnostic>) {
    let section = text.find("[privacy]").unwrap_or(0);
    privacy.locations = privacy
        .private
        .iter()
        .map(|entry| {
            let quoted = format!("\"{entry}\"");
            text[section..].find(&quoted).map_or_else(
                || locate_key(path, text, "private"),
                |o| Location::in_text(path, text, section + o, quoted.len()),
            )
        })
        .collect();
    for (entry, at) in privacy.private.iter().zip(&privacy.locations) {
        let well_formed = entry
            .split_once('.')
            .is_some_and(|(d, f)| !d.is_empty() && !f.is_empty() && !f.contains('.'));
        if !well_formed {
            problems.push(
                Diagnostic::error(format!("private field `{entry}` is not `dataset.field`"))
                    .at(at.clone())
                    .help("name the dataset and the field, e.g. \"participants.email\""),
            );
        }
    }
    if let Some(k) = privacy.min_cell {
        if k < 2 {
            problems.push(
                Diagnostic::error(format!("`min_cell` is {k}: it must be at least 2"))
                    .at(locate_key(path, text, "min_cell"))
                    .help("counts below min_cell are hidden; 1 would hide nothing (leave it out instead)"),
            );
        }
    }
}

fn find_key_offset(text: &str, table: &str, key: &str) -> usize {
    let start = text.find(&format!("[labels.{table}]")).unwrap_or(0);
    locate_offset(&text[start..], key).map_or(usize::MAX, |o| start + o)
}

fn locate_offset(text: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let k = trimmed.trim_start_matches('"');
        if k.starts_with(key)
            && k[key.len()..]
                .trim_start_matches('"')
                .trim_start()
                .starts_with('=')
        {
            return Some(offset + line.len() - trimmed.len());
        }
        offset += line.len();
    }
    None
}

fn locate_key(path: &Path, text: &str, key: &str) -> Location {
    match locate_offset(text, key) {
        Some(o) => Location::in_text(path, text, o, key.len()),
        None => Location::file(path),
    }
}

/// Turns a TOML error into a diagnostic at its span, with a hint for the
/// common case of a misspelt key.
pub fn toml_error(path: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let location = match e.span() {
        Some(span) => Location::in_text(path, text, span.start, span.end - span.start),
        None => Location::file(path),
    };
    let mut d = Diagnostic::error(first_line(&message)).at(location);
    if let Some(unknown) = message.strip_prefix("unknown field `") {
        let name = unknown.split('`').next().unwrap_or("");
        let keys = expected_keys(&message);
        d = d.help(match did_you_mean(name, keys.iter().copied()) {
            Some(k) => format!("did you mean `{k}`?"),
            None if keys.is_empty() => "this table takes no keys; see docs/format.md".to_string(),
            None => format!("known keys here: {}", keys.join(", ")),
        });
    } else if message.contains("missing field") {
        d = d.help("add the missing key; see docs/format.md");
    } else if message.starts_with("invalid type") {
        d = d.help("change the value to the expected type (a list is written [\"a\", \"b\"])");
    } else if message.contains("max recursion depth") {
        d = d.help("nothing here nests more than a few levels: flatten the lists and tables");
    } else {
        d = d.help("check the TOML syntax: key = \"value\", one per line");
    }
    d
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_labels_in_written_order() {
        let text = "title = \"T\"\n[labels.stance]\nzeta = \"Z\"\nalpha = \"A\"\n";
        let (_, labels) = parse(Path::new("report.toml"), text).unwrap();
        assert_eq!(labels.rank("stance", "zeta"), Some(0));
        assert_eq!(labels.get("stance", "alpha"), "A");
        assert_eq!(labels.get("stance", "other"), "other");
    }

    #[test]
    fn unknown_key_suggests_the_right_one() {
        let text = "title = \"T\"\nsubtitel = \"x\"\n";
        let e = parse(Path::new("report.toml"), text).unwrap_err();
        let out = e[0].render(false);
        assert!(out.contains("unknown field `subtitel`"), "{out}");
        assert!(out.contains("report.toml:2:1"), "{out}");
        assert!(out.contains("did you mean `subtitle`?"), "{out}");
    }

    #[test]
    fn bad_date_is_an_error() {
        let e = parse(Path::new("r.toml"), "title = \"T\"\ndate = \"3 Nov\"\n").unwrap_err();
        assert!(e[0].message.contains("not a date"));
    }
}
