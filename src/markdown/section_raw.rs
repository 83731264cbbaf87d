//! The section renderer's side of raw HTML: what findings writes is set
//! aside while the author's raw HTML is cleaned ([`raw_html`]), and every
//! piece of raw HTML the allow-list cuts is a warning at its line.

use crate::markdown::context::Renderer;
use crate::markdown::raw_html;
use crate::markdown::section::SectionRenderer;

impl SectionRenderer<'_> {
    /// `html`, written by findings, as it goes into the event stream: as
    /// is when raw HTML is escaped anyway or the section has none, else as
    /// a token that cleaning leaves alone.
    pub(super) fn own(&mut self, html: String) -> String {
        if self.ctx.raw_html && self.slots.active() {
            self.slots.keep(html)
        } else {
            html
        }
    }

    /// The rendered `html` of a text, cleaned when it held raw HTML
    /// (`raw`), with what findings wrote put back.
    pub(super) fn finish_raw(&self, html: String, raw: bool) -> String {
        if !self.ctx.raw_html || !self.slots.active() {
            return html;
        }
        let html = if raw { raw_html::sanitize(&html) } else { html };
        self.slots.expand(&html)
    }

    /// Warns at `at` when the raw HTML `piece` loses an element or an
    /// attribute to the allow-list.
    pub(super) fn lint_raw_html(&mut self, piece: &str, at: usize) {
        let lost = raw_html::dropped(piece);
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
