//! The section renderer's side of raw HTML: every piece the allow-list
//! will cut when the HTML writer cleans it ([`crate::sanitize`]) is a
//! warning at its line.

use crate::markdown::context::Renderer;
use crate::markdown::section::SectionRenderer;

impl SectionRenderer<'_> {
    /// Warns at `at` when the raw HTML `piece` loses an element or an
    /// attribute to the allow-list.
    pub(super) fn lint_raw_html(&mut self, piece: &str, at: usize) {
        let lost = crate::sanitize::dropped(piece);
        if lost.is_empty() {
            return;
        }
        let shown: Vec<&str> = lost.iter().take(3).map(String::as_str).collect();
        let more = match lost.len() {
            n if n > 3 => format!(" and {} more", n - 3),
            _ => String::new(),
        };
        self.warning(
            at,
            format!(
                "raw HTML left out of the page: {}{more}",
                shown.join(", ")
            ),
            "the page keeps formatting HTML only (sup, sub, kbd, abbr, mark, details, tables, links, images); to show HTML as text put it in backticks, or set raw_html = false in report.toml".into(),
        );
    }
}
