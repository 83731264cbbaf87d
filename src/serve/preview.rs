//! What the server currently shows: the last good build (one page, or
//! every page of a site), the error of the latest build if it failed, and
//! a build counter the pages compare against.

use crate::error::Diagnostics;

use super::source::Pages;
use super::{events, overlay, reload};

/// The in-memory state of the preview. Nothing here is ever read from disk.
#[derive(Debug, Default)]
pub struct Preview {
    /// Pages by path (`index.html`, `<slug>/index.html`).
    good: Option<Vec<(String, String)>>,
    overlay: Option<String>,
    generation: u64,
}

impl Preview {
    /// A preview that has not built anything yet.
    pub fn new() -> Self {
        Preview::default()
    }

    /// Number of the latest build, good or not.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether some build has succeeded.
    pub fn has_good_build(&self) -> bool {
        self.good.is_some()
    }

    /// Takes in the result of a build and returns the event that tells the
    /// open pages about it. A failed build keeps the last good page.
    pub fn record(&mut self, result: Result<Pages, Diagnostics>) -> String {
        self.generation += 1;
        match result {
            Ok(built) => {
                self.good = Some(built.pages);
                self.overlay = None;
                events::reload(self.generation)
            }
            Err(diagnostics) => {
                let overlay = overlay::render(&diagnostics, self.good.is_some());
                let event = events::build_error(self.generation, &overlay);
                self.overlay = Some(overlay);
                event
            }
        }
    }

    /// The page at `path` to serve, with the reload script and any error
    /// overlay, and its policy; before the first good build, an empty page
    /// with the overlay at every path a build could give. `None` for a path
    /// the last good build has no page at.
    pub fn page(&self, path: &str) -> Option<(String, String)> {
        let html = match &self.good {
            Some(pages) => pages
                .iter()
                .find(|(p, _)| p == path)
                .map(|(_, h)| h.as_str())?,
            None => reload::EMPTY_PAGE,
        };
        Some(reload::inject(
            html,
            self.generation,
            self.overlay.as_deref(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Diagnostic;

    fn built(text: &str) -> Result<Pages, Diagnostics> {
        Ok(Pages {
            pages: vec![(
                "index.html".into(),
                format!("<html><body>{text}</body></html>"),
            )],
            warnings: Diagnostics::new(),
        })
    }

    fn shown(preview: &Preview) -> String {
        preview.page("index.html").expect("a page").0
    }

    #[test]
    fn keeps_the_last_good_page_under_the_overlay() {
        let mut preview = Preview::new();
        assert!(preview.record(built("first")).starts_with("event: reload"));
        let event = preview.record(Err(Diagnostic::error("broken <json>").into()));
        assert!(event.starts_with("event: build-error"), "{event}");
        let page = shown(&preview);
        assert!(page.contains("first"), "{page}");
        assert!(page.contains("broken &lt;json&gt;"), "{page}");
        preview.record(built("second"));
        let page = shown(&preview);
        assert!(
            page.contains("second") && !page.contains("findings-overlay\" role"),
            "{page}"
        );
        assert_eq!(preview.generation(), 3);
    }

    #[test]
    fn shows_only_the_overlay_before_any_good_build() {
        let mut preview = Preview::new();
        preview.record(Err(Diagnostic::error("no report.toml").into()));
        let page = shown(&preview);
        assert!(page.contains("<title>Build failed"), "{page}");
        assert!(page.contains("no report.toml"), "{page}");
    }
}
