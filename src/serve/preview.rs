//! What the server currently shows: the last good build (one page, or
//! every page of a site), the error of the latest build if it failed, and
//! a build counter the pages compare against.
//!
//! The rebuild thread owns the [`Preview`]; after each build it makes a
//! [`Shown`], every page with its reload script already in, as shared
//! bytes. The server answers from that snapshot, so a page is put
//! together once per build, not once per request, and a thousand clients
//! of a large page share one copy of it.

use std::collections::HashMap;

use bytes::Bytes;
use hyper::header::HeaderValue;

use crate::error::Diagnostics;

use super::downloads::Downloads;
use super::source::Pages;
use super::{events, overlay, reload};

/// The in-memory state of the preview. Nothing here is ever read from disk.
#[derive(Debug, Default)]
pub struct Preview {
    /// Pages by path (`index.html`, `<slug>/index.html`).
    good: Option<Vec<(String, String)>>,
    downloads: Option<std::sync::Arc<Downloads>>,
    overlay: Option<String>,
    generation: u64,
}

/// A page as served: its HTML and its Content-Security-Policy.
#[derive(Debug, Clone)]
pub struct Page {
    /// The page with the reload script (and any overlay), shared.
    pub html: Bytes,
    /// The policy header of the page.
    pub policy: HeaderValue,
}

/// What the server answers with until the next build: a snapshot.
#[derive(Debug, Default)]
pub struct Shown {
    pages: HashMap<String, Page>,
    /// The last good build's PDF and Word file, written when asked for.
    downloads: Option<std::sync::Arc<Downloads>>,
    /// Before any good build: the overlay alone, at every page's path.
    fallback: Option<Page>,
    generation: u64,
}

impl Shown {
    /// The page at `path`; `None` for a path the last good build has no
    /// page at.
    pub fn page(&self, path: &str) -> Option<Page> {
        self.pages.get(path).or(self.fallback.as_ref()).cloned()
    }

    /// The last good build's other formats.
    pub fn downloads(&self) -> Option<std::sync::Arc<Downloads>> {
        self.downloads.clone()
    }

    /// Number of the build shown.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl Preview {
    /// A preview that has not built anything yet.
    pub fn new() -> Self {
        Preview::default()
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
                self.downloads = built.downloads;
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

    /// Every page to serve, with the reload script and any error overlay,
    /// and its policy; before the first good build, an empty page with the
    /// overlay at every path a build could give.
    pub fn shown(&self) -> Shown {
        let page = |html: &str| {
            let (html, policy) = reload::inject(html, self.generation, self.overlay.as_deref());
            Page {
                html: Bytes::from(html),
                policy: header_value(policy),
            }
        };
        match &self.good {
            Some(pages) => Shown {
                pages: pages
                    .iter()
                    .map(|(path, html)| (path.clone(), page(html)))
                    .collect(),
                downloads: self.downloads.clone(),
                fallback: None,
                generation: self.generation,
            },
            None => Shown {
                pages: HashMap::new(),
                downloads: None,
                fallback: Some(page(reload::EMPTY_PAGE)),
                generation: self.generation,
            },
        }
    }
}

/// `policy` as a header. A theme's policy that cannot be one (a control
/// character in its `<meta>`) is replaced by one that allows nothing: the
/// page then shows unstyled rather than unguarded.
fn header_value(policy: String) -> HeaderValue {
    HeaderValue::from_maybe_shared(Bytes::from(policy))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'none'"))
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
            downloads: None,
        })
    }

    fn shown(preview: &Preview) -> String {
        let page = preview.shown().page("index.html").expect("a page");
        String::from_utf8(page.html.to_vec()).expect("UTF-8")
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
        assert_eq!(preview.shown().generation(), 3);
        assert!(preview.shown().page("other/index.html").is_none());
    }

    #[test]
    fn shows_only_the_overlay_before_any_good_build() {
        let mut preview = Preview::new();
        preview.record(Err(Diagnostic::error("no report.toml").into()));
        let page = shown(&preview);
        assert!(page.contains("<title>Build failed"), "{page}");
        assert!(page.contains("no report.toml"), "{page}");
        assert!(preview.shown().page("a-report/index.html").is_some());
    }
}
