//! HTTP: which URLs exist and what each one answers.
//!
//! The server knows exactly two paths, the page and its event stream, and
//! answers 404 to everything else. Nothing maps a URL to a file, so no
//! spelling of `../` can reach the disk.

use std::sync::{PoisonError, RwLock};
use std::thread;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::events::{self, Hub};
use super::preview::Preview;
use super::reload::EVENTS_PATH;

/// What a request asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The report.
    Page,
    /// The live-reload event stream.
    Events,
    /// Anything else.
    NotFound,
}

/// The route of a request target (`/path?query`), matched exactly.
pub fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    match path {
        "/" | "/index.html" => Route::Page,
        EVENTS_PATH => Route::Events,
        _ => Route::NotFound,
    }
}

/// Answers requests for as long as the server runs.
pub fn serve(server: &Server, preview: &RwLock<Preview>, hub: &Hub) {
    for request in server.incoming_requests() {
        if let Err(e) = answer(request, preview, hub) {
            // One broken connection must not stop the preview.
            eprintln!("warning: answering a request: {e}");
        }
    }
}

fn answer(request: Request, preview: &RwLock<Preview>, hub: &Hub) -> std::io::Result<()> {
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = text("Method not allowed\n", 405);
        return request.respond(response.with_header(header("Allow", "GET, HEAD")));
    }
    match route(request.url()) {
        Route::Page => {
            let page = preview
                .read()
                .unwrap_or_else(PoisonError::into_inner)
                .page();
            let response = Response::from_string(page)
                .with_header(header("Content-Type", "text/html; charset=utf-8"))
                .with_header(header("Cache-Control", "no-store"))
                .with_header(header("X-Content-Type-Options", "nosniff"));
            request.respond(response)
        }
        // A HEAD gets the stream's headers; there is no body to hold open.
        Route::Events if *request.method() == Method::Head => {
            let response = Response::empty(200)
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
    Response::from_string(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    // Only called with the fixed names and values above.
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid static header")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serves_the_page_at_root_and_index() {
        assert_eq!(route("/"), Route::Page);
        assert_eq!(route("/index.html"), Route::Page);
        assert_eq!(route("/?t=1"), Route::Page);
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
