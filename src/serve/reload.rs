//! The live-reload script injected into the page in serve mode only.
//!
//! The script listens to the server-sent events of [`super::events`]: it
//! reloads on a new good build (keeping the scroll position across the
//! reload) and shows or replaces the error overlay on a failed one.
//!
//! Its text never changes (the build number is an attribute of its
//! element), so the page's Content-Security-Policy can allow exactly this
//! script by its SHA-256 hash and no other.

use std::sync::LazyLock;

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::render::csp;

/// The path of the server-sent events stream the script connects to.
pub const EVENTS_PATH: &str = "/__findings/events";

/// Inserts the reload script (and `overlay`, when a build failed) into
/// `html` for build number `generation`, and gives the policy to serve it
/// with. The page's own policy (in its `<meta>`) is widened by exactly the
/// reload script and the event stream, and the `<meta>` says so too: a page
/// enforces every policy it carries. A site's index keeps its search
/// script that way.
pub fn inject(html: &str, generation: u64, overlay: Option<&str>) -> (String, String) {
    let snippet = format!(
        "{}<script data-generation=\"{generation}\">{}</script>",
        overlay.unwrap_or(""),
        &*SCRIPT
    );
    let (html, policy) = widen_policy(html);
    let at = body_end(&html).unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + snippet.len());
    out.push_str(&html[..at]);
    out.push_str(&snippet);
    out.push_str(&html[at..]);
    (out, policy)
}

/// `html` with its policy `<meta>` widened for the reload script, and
/// that policy; a page without one is served with the report page's policy.
fn widen_policy(html: &str) -> (String, String) {
    const OPEN: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    let Some(start) = html.find(OPEN) else {
        return (html.to_string(), POLICY.clone());
    };
    let from = start + OPEN.len();
    let Some(len) = html[from..].find('"') else {
        return (html.to_string(), POLICY.clone());
    };
    let own = html[from..from + len]
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let hash = format!("'sha256-{}'", &*HASH);
    let widened = match own.find("script-src ") {
        Some(i) => format!(
            "{}{hash} {}",
            &own[..i + "script-src ".len()],
            &own[i + "script-src ".len()..]
        ),
        None => format!("{own}; script-src {hash}"),
    };
    let policy = format!("{widened}; connect-src 'self'");
    let end = from + len + "\">".len();
    let html = format!("{}{}{}", &html[..start], csp::meta(&policy), &html[end..]);
    (html, policy)
}

static HASH: LazyLock<String> = LazyLock::new(|| {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(SCRIPT.as_bytes()))
});

/// The policy of a served report page: the built page's, plus the reload
/// script by hash and the event stream on the page's own origin.
static POLICY: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{}; script-src 'sha256-{}'; connect-src 'self'",
        csp::BUILD,
        &*HASH
    )
});

/// The script's text, with its fixed names filled in.
static SCRIPT: LazyLock<String> = LazyLock::new(|| {
    TEMPLATE
        .replace("__EVENTS__", EVENTS_PATH)
        .replace("__OVERLAY__", super::overlay::ID)
});

/// Byte offset of the last `</body>` (any case); the snippet goes just
/// before it so it runs after the whole report is in the document.
fn body_end(html: &str) -> Option<usize> {
    // ASCII lowercasing keeps byte offsets, so they index `html` directly.
    html.to_ascii_lowercase().rfind("</body")
}

/// The page served when the very first build fails: nothing but the
/// overlay, which the script replaces by the report once a build passes.
pub const EMPTY_PAGE: &str = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<title>Build failed · findings</title></head><body></body></html>\n";

// The generation check makes a page that missed an event (it connected
// after a rebuild, or the server restarted) catch up as soon as it hears
// the server's greeting.
const TEMPLATE: &str = r##"(() => {
  let generation = Number(document.currentScript.dataset.generation);
  const key = "findings-scroll:" + location.pathname;
  const saved = sessionStorage.getItem(key);
  if (saved !== null) {
    sessionStorage.removeItem(key);
    // Instant: a theme's smooth scrolling would replay the whole way down.
    const restore = () => window.scrollTo({ top: Number(saved), behavior: "instant" });
    restore();
    addEventListener("load", restore, { once: true });
  }
  const reload = () => {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  };
  // "Hide" on the overlay uncovers the last good build until the next one.
  document.addEventListener("click", (e) => {
    if (e.target.closest?.("#__OVERLAY__ .dismiss")) {
      document.getElementById("__OVERLAY__")?.remove();
    }
  });
  const source = new EventSource("__EVENTS__");
  source.addEventListener("hello", (e) => {
    if (Number(e.data) !== generation) reload();
  });
  source.addEventListener("reload", (e) => {
    if (Number(e.data) !== generation) reload();
  });
  source.addEventListener("build-error", (e) => {
    const failed = JSON.parse(e.data);
    generation = failed.generation;
    document.getElementById("__OVERLAY__")?.remove();
    document.body.insertAdjacentHTML("beforeend", failed.overlay);
  });
})();"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injects_before_the_closing_body_tag() {
        let (page, _) = inject("<html><body><p>x</p></body></html>", 3, None);
        assert!(page.starts_with("<html><body><p>x</p><script "), "{page}");
        assert!(page.ends_with("</script></body></html>"), "{page}");
        assert!(page.contains("<script data-generation=\"3\">"), "{page}");
        assert!(page.contains("\"/__findings/events\""), "{page}");
    }

    #[test]
    fn uses_the_last_body_tag_in_any_case() {
        let (page, _) = inject("<BODY><pre>&lt;/body&gt; </body></pre></BODY>", 1, None);
        let script = page.find("<script ").unwrap_or(0);
        assert_eq!(&page[script - 6..script], "</pre>", "{page}");
        assert!(page.ends_with("</script></BODY>"), "{page}");
    }

    #[test]
    fn appends_when_there_is_no_body_tag() {
        let (page, _) = inject("<p>fragment</p>", 1, None);
        assert!(page.starts_with("<p>fragment</p><script "), "{page}");
    }

    #[test]
    fn puts_the_overlay_before_the_script() {
        let (page, _) = inject(
            EMPTY_PAGE,
            2,
            Some("<div id=\"findings-overlay\">bad</div>"),
        );
        assert!(
            page.contains("<body><div id=\"findings-overlay\">bad</div><script "),
            "{page}"
        );
    }

    #[test]
    fn widens_the_page_policy_by_the_reload_script_only() {
        let built = format!("<head>{}</head><body></body>", csp::meta(csp::BUILD));
        let (page, served) = inject(&built, 1, None);
        assert_eq!(served, *POLICY);
        assert!(page.contains(&csp::meta(&POLICY)), "{page}");
        let index = format!(
            "<head>{}</head><body></body>",
            csp::meta("default-src 'none'; script-src 'sha256-abc'; img-src data:")
        );
        let (page, served) = inject(&index, 1, None);
        let hash = format!("'sha256-{}'", &*HASH);
        assert_eq!(
            served,
            format!("default-src 'none'; script-src {hash} 'sha256-abc'; img-src data:; connect-src 'self'")
        );
        assert!(page.contains(&csp::meta(&served)), "{page}");
    }
}
