//! HTTP: which URLs exist and what each one answers.
//!
//! The server knows exactly two paths, the page and its event stream, and
//! answers 404 to everything else. Nothing maps a URL to a file, so no
//! spelling of `../` can reach the disk. Before any of that, [`Guard`]
//! turns away requests for another host name (421) and event streams
//! asked for by another origin (403).

use std::sync::{PoisonError, RwLock};
use std::thread;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::events::{self, Hub};
use super::guard::Guard;
use super::preview::Preview;
use super::reload::EVENTS_PATH;

/// The policy of every answer but the page: nothing may load or run.
const NOTHING: &str = "default-src 'none'; base-uri 'none'; form-action 'none'";

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A page, by its path under the site: `index.html`, `<slug>/index.html`.
    Page(String),
    /// The live-reload event stream.
    Events,
    /// Anything else.
    NotFound,
}

/// The route of a request target (`/path?query`), matched exactly.
pub fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    if path == EVENTS_PATH {
        return Route::Events;
    }
    // Only the shapes of a built page's path; which pages exist is the
    // preview's to say, so nothing here reaches the disk.
    let Some(rel) = path.strip_prefix('/') else {
        return Route::NotFound;
    };
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let parts: Vec<&str> = rel.split('/').collect();
    let plain = |p: &str| {
        !p.is_empty()
            && p.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
    };
    match parts.as_slice() {
        ["index.html"] => Route::Page(rel),
        [slug, "index.html"] if plain(slug) && !slug.starts_with("__") => Route::Page(rel),
        _ => Route::NotFound,
    }
}

/// Answers requests for as long as the server runs.
pub fn serve(server: &Server, preview: &RwLock<Preview>, hub: &Hub, guard: &Guard) {
    for request in server.incoming_requests() {
        if let Err(e) = answer(request, preview, hub, guard) {
            // One broken connection must not stop the preview.
            eprintln!("warning: answering a request: {e}");
        }
    }
}

fn answer(
    request: Request,
    preview: &RwLock<Preview>,
    hub: &Hub,
    guard: &Guard,
) -> std::io::Result<()> {
    let host = header_value(&request, "Host");
    if !guard.allows_host(host.as_deref()) {
        guard.log_refused(host.as_deref());
        return request.respond(text(
            "Misdirected request: this preview answers only to localhost\n",
            421,
        ));
    }
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = text("Method not allowed\n", 405);
        return request.respond(response.with_header(header("Allow", "GET, HEAD")));
    }
    match route(request.url()) {
        Route::Page(path) => {
            let page = preview
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .page(&path);
            let Some((page, policy)) = page else {
                return request.respond(text("Not found\n", 404));
            };
            let response = secured(Response::from_string(page), &policy)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store"));
            request.respond(response)
        }
        Route::Events
            if !guard
                .allows_origin(header_value(&request, "Origin").as_deref(), host.as_deref()) =>
        {
            request.respond(text(
                "Forbidden: the event stream is for this preview's own page\n",
                403,
            ))
        }
        // A HEAD gets the stream's headers; there is no body to hold open.
        Route::Events if *request.method() == Method::Head => {
            let response = secured(Response::empty(200), NOTHING)
                .with_header(header("Content-Type", "text/event-stream"))
                .with_header(header("Cache-Control", "no-store"));
            request.respond(response)
        }
        Route::Events => match hub.subscribe() {
            Some(subscription) => {
                let generation = preview
                    .read()
                    .unwrap_or_else(PoisonError::into_inner)
                    .generation();
                let greeting = events::hello(generation);
                // The stream lives as long as the page, so it gets a thread.
                thread::Builder::new()
                    .name("findings-events".into())
                    .spawn(move || {
                        // A page closing its stream is the normal way it ends.
                        let _ = events::stream(request.into_writer(), &greeting, subscription);
                    })
                    .map(drop)
            }
            None => request.respond(text("Too many open pages\n", 503)),
        },
        Route::NotFound => request.respond(text("Not found\n", 404)),
    }
}

fn text(body: &str, status: u16) -> Response<std::io::Cursor<Vec<u8>>> {
    secured(Response::from_string(body), NOTHING)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

/// The headers every answer carries: its policy, no guessing of types, and
/// no `Referer` leaking the preview's address to a link's target.
fn secured<R: std::io::Read>(response: Response<R>, policy: &str) -> Response<R> {
    response
        .with_header(header("Content-Security-Policy", policy))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header("Referrer-Policy", "no-referrer"))
}

/// The value of the request's header `name`, when it has exactly one.
fn header_value(request: &Request, name: &'static str) -> Option<String> {
    let mut values = request
        .headers()
        .iter()
        .filter(|h| h.field.equiv(name))
        .map(|h| h.value.as_str().to_string());
    let first = values.next()?;
    values.next().is_none().then_some(first)
}

fn header(name: &str, value: &str) -> Header {
    // Only called with fixed names and values, and the policy (ASCII).
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid static header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_the_page_at_root_and_index() {
        let page = |p: &str| Route::Page(p.to_string());
        assert_eq!(route("/"), page("index.html"));
        assert_eq!(route("/index.html"), page("index.html"));
        assert_eq!(route("/?t=1"), page("index.html"));
        assert_eq!(route("/follow-up/"), page("follow-up/index.html"));
        assert_eq!(route("/follow-up/index.html"), page("follow-up/index.html"));
        assert_eq!(route("/__findings/events"), Route::Events);
    }

    #[test]
    fn refuses_every_other_path() {
        for target in [
            "",
            "/../Cargo.toml",
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc/passwd",
            "//etc/passwd",
            "/etc/passwd",
            "/index.html/../../etc/passwd",
            "/content/report.toml",
            "/content/data/participants.json",
            "/%69ndex.html",
            "/index.html%00",
            "/..\\..\\windows\\win.ini",
            "C:\\Windows\\win.ini",
            "http://localhost/etc/passwd",
            "/__findings/events/../../etc/passwd",
            "/__findings/",
        ] {
            assert_eq!(route(target), Route::NotFound, "{target}");
        }
    }
}
