//! `site.toml`: what the site is called and which folders are its
//! reports. Deserialized strictly (a misspelt key is an error with
//! did-you-mean), then validated.

use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, Location};
use crate::load::config::toml_error;

/// The site's file, at the top of the site folder.
pub const SITE_FILE: &str = "site.toml";

/// The site's settings.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Shown at the top of the index and in its `<title>`.
    pub title: String,
    /// A paragraph under the title.
    #[serde(default)]
    pub description: Option<String>,
    /// Where the site will be published (`https://example.org/research/`),
    /// for the index's canonical link; links between pages stay relative.
    #[serde(default)]
    pub base_url: Option<String>,
    /// Report folders, as globs relative to the site folder, in order.
    #[serde(default = "default_reports")]
    pub reports: Vec<String>,
    /// The index page's `lang`.
    #[serde(default = "default_language")]
    pub language: String,
}

fn default_reports() -> Vec<String> {
    vec!["reports/*".to_string()]
}

fn default_language() -> String {
    "en".to_string()
}

/// Parses `site.toml` (its `text`).
pub fn parse(text: &str) -> Result<SiteConfig, Diagnostic> {
    let path = Path::new(SITE_FILE);
    let config: SiteConfig = toml::from_str(text).map_err(|e| toml_error(path, text, &e))?;
    let at = |key: &str| {
        text.find(key).map_or(Location::file(path), |i| {
            Location::in_text(path, text, i, key.len())
        })
    };
    if config.title.trim().is_empty() {
        return Err(Diagnostic::error("the site's title is empty")
            .at(at("title"))
            .help("give the site a title: title = \"Research at Example\""));
    }
    if config.reports.is_empty() {
        return Err(Diagnostic::error("`reports` lists no folders")
            .at(at("reports"))
            .help("list the report folders as globs: reports = [\"reports/*\"]"));
    }
    if let Some(url) = &config.base_url {
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(
                Diagnostic::error(format!("`base_url` is not a web address: {url:?}"))
                    .at(at("base_url"))
                    .help("write it in full, e.g. base_url = \"https://example.org/research/\""),
            );
        }
    }
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_site_and_defaults_the_reports() {
        let c = parse("title = \"Lab\"\ndescription = \"Studies\"\n").unwrap();
        assert_eq!(c.title, "Lab");
        assert_eq!(c.reports, ["reports/*"]);
    }

    #[test]
    fn a_misspelt_key_is_an_error_with_a_suggestion() {
        let e = parse("title = \"Lab\"\nreprots = [\"a\"]\n").unwrap_err();
        assert_eq!(e.location.unwrap().line, 2);
        assert_eq!(e.help.as_deref(), Some("did you mean `reports`?"));
    }

    #[test]
    fn a_relative_base_url_is_refused() {
        let e = parse("title = \"Lab\"\nbase_url = \"example.org\"\n").unwrap_err();
        assert!(e.message.contains("base_url"), "{}", e.message);
    }
}
