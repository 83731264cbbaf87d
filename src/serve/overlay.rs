//! The build-error overlay shown over the page while a rebuild fails.
//!
//! It carries everything the terminal shows (file, line, message, excerpt,
//! help), escaped, and styles itself so it reads the same on any theme.

use std::fmt::Write as _;

use crate::error::Diagnostics;

use crate::escape::html as escape;

/// The element id the reload script replaces or removes.
pub const ID: &str = "findings-overlay";

/// The overlay for a failed build. `stale` says whether the page under it
/// is an older, good build (rather than nothing at all).
pub fn render(diagnostics: &Diagnostics, stale: bool) -> String {
    let mut out = String::new();
    let heading = if stale {
        "Build failed: showing the last good build"
    } else {
        "Build failed"
    };
    let _ = write!(
        out,
        "<div id=\"{ID}\" role=\"alert\"><style>{STYLE}</style>\
         <button type=\"button\" class=\"dismiss\">Hide</button><h2>{heading}</h2>"
    );
    for d in &diagnostics.0 {
        out.push_str("<section>");
        if let Some(location) = &d.location {
            let _ = write!(
                out,
                "<p class=\"where\">{}</p>",
                escape(&location.to_string())
            );
        }
        let _ = write!(out, "<pre>{}</pre></section>", escape(&d.render(false)));
    }
    out.push_str("<p class=\"hint\">Fix it and save: this page reloads by itself.</p></div>");
    out
}

// Fixed colours with high contrast, scoped by id, so the overlay neither
// inherits the theme nor leaks styles into the report.
const STYLE: &str = "#findings-overlay{position:fixed;inset:0;z-index:2147483647;overflow:auto;\
margin:0;padding:2rem;background:rgba(20,20,24,.96);color:#f4f4f5;\
font:15px/1.5 system-ui,sans-serif}\
#findings-overlay h2{margin:0 0 1rem;color:#fca5a5;font-size:1.3rem}\
#findings-overlay section{margin:0 0 1.5rem}\
#findings-overlay .where{margin:0 0 .3rem;font-weight:bold}\
#findings-overlay pre{margin:0;padding:1rem;background:#000;color:#f4f4f5;\
white-space:pre-wrap;font:13px/1.45 ui-monospace,monospace}\
#findings-overlay .hint{color:#d4d4d8}\
#findings-overlay .dismiss{float:right;padding:.3rem .8rem;border:1px solid #a1a1aa;\
border-radius:4px;background:#27272a;color:#f4f4f5;font:inherit;cursor:pointer}";

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::error::{Diagnostic, Location};

    #[test]
    fn escapes_markup_in_every_part() {
        assert_eq!(
            escape("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }

    #[test]
    fn shows_file_line_message_and_help_escaped() {
        let text = "[{\"id\": <oops>}]";
        let d = Diagnostic::error("expected a value, found `<`")
            .at(Location::in_text(
                Path::new("content/data/participants.json"),
                text,
                8,
                1,
            ))
            .help("write <b>valid</b> JSON");
        let html = render(&d.into(), true);
        assert!(
            html.contains("content/data/participants.json:1:9"),
            "{html}"
        );
        assert!(html.contains("expected a value, found `&lt;`"), "{html}");
        assert!(
            html.contains("write &lt;b&gt;valid&lt;/b&gt; JSON"),
            "{html}"
        );
        assert!(html.contains("last good build"), "{html}");
        assert!(!html.contains("<oops>") && !html.contains("<b>"), "{html}");
    }
}
