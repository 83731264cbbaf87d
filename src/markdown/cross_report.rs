//! Links between the reports of a site: `[text](slug#anchor)` and
//! {ref}`slug:fig-label`. A section knows the site's report slugs (so an
//! unknown report is an error at its line, with did-you-mean) but not the
//! other reports' anchors, which exist only once every report is built:
//! each link is noted as a [`CrossLink`] and checked then.

use crate::error::{did_you_mean, Location};
use crate::load::front_matter::plain_name;

use super::context::Failure;

/// A link or reference into another report, to be checked against it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrossLink {
    /// The target report's slug.
    pub report: String,
    /// The anchor (element id) in its page; empty for the page itself.
    pub anchor: String,
    /// True for {ref}`slug:label`: the anchor must be a figure label.
    pub figure: bool,
    /// Where the link is written.
    pub at: Location,
}

/// The report and anchor a link destination names, when it names one:
/// `slug#anchor` always (a plain name then `#`), a bare `slug` only when
/// it is one of the site's reports (it could be a file otherwise). Never
/// outside a site, so a lone report's links stay exactly as written.
pub fn target<'u>(site: Option<&[String]>, dest: &'u str) -> Option<(&'u str, &'u str)> {
    let slugs = site?;
    match dest.split_once('#') {
        Some((report, anchor)) if plain_name(report) => Some((report, anchor)),
        None if slugs.iter().any(|s| s == dest) => Some((dest, "")),
        _ => None,
    }
}

/// Checks that `report` is a report of the site.
pub fn check_report(site: Option<&[String]>, report: &str, figure: bool) -> Result<(), Failure> {
    let Some(slugs) = site else {
        return Err((
            format!("{{ref}}`{report}:…` points into another report, but this report is not part of a site"),
            "a reference to another report needs a site.toml above both reports; within this report write {ref}`fig-label`".to_string(),
        ));
    };
    if slugs.iter().any(|s| s == report) {
        return Ok(());
    }
    let what = if figure { "{ref}" } else { "the link" };
    Err((
        format!("{what} points to report `{report}`, which the site does not have"),
        match did_you_mean(report, slugs.iter().map(String::as_str)) {
            Some(m) => format!("did you mean `{m}`?"),
            None => format!("the site's reports are: {}", slugs.join(", ")),
        },
    ))
}

/// The relative address of `anchor` in report `report`'s page, as seen
/// from another report's page (`output/<slug>/index.html`): it works on
/// any host, under any base path, and from `file://`.
pub fn href(report: &str, anchor: &str) -> String {
    if anchor.is_empty() {
        format!("../{report}/index.html")
    } else {
        format!("../{report}/index.html#{anchor}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_site_links_are_cross_report() {
        let slugs = ["alpha".to_string(), "beta".to_string()];
        let site = Some(&slugs[..]);
        assert_eq!(target(site, "beta#fig-1"), Some(("beta", "fig-1")));
        assert_eq!(target(site, "beta"), Some(("beta", "")));
        assert_eq!(target(site, "gamma#x"), Some(("gamma", "x")));
        assert_eq!(target(site, "notes.pdf"), None);
        assert_eq!(target(site, "#local"), None);
        assert_eq!(target(site, "https://example.org/#x"), None);
        assert_eq!(target(None, "beta#fig-1"), None);
        assert_eq!(href("beta", "fig-1"), "../beta/index.html#fig-1");
        assert_eq!(href("beta", ""), "../beta/index.html");
    }

    #[test]
    fn unknown_reports_get_a_suggestion() {
        let slugs = ["alpha".to_string(), "beta".to_string()];
        let (message, help) = check_report(Some(&slugs), "betta", false).unwrap_err();
        assert_eq!(
            message,
            "the link points to report `betta`, which the site does not have"
        );
        assert_eq!(help, "did you mean `beta`?");
        assert!(check_report(None, "beta", true).is_err());
        assert!(check_report(Some(&slugs), "alpha", true).is_ok());
    }
}
