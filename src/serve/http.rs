//! HTTP: which URLs exist and what each one answers.
//!
//! The server knows the pages, their event stream and the report's PDF and
//! Word file by name, and answers 404 to everything else. Nothing maps a
//! URL to a file, so no spelling of `../` can reach the disk. Before any of that, [`Guard`]
//! turns away requests for another host name (421) and event streams
//! asked for by another origin (403).

use bytes::Bytes;
use hyper::header::{self, HeaderMap, HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use tokio::sync::watch;

use super::events::{self, Hub};
use super::guard::Guard;
use super::preview::Shown;
use super::reload::EVENTS_PATH;
use super::reply::{secured, text, Reply, NOTHING};

/// What every request is answered from.
pub struct Site {
    /// The pages of the last build.
    pub shown: watch::Receiver<Shown>,
    /// The open pages' event streams.
    pub hub: std::sync::Arc<Hub>,
    /// The names the server answers to.
    pub guard: Guard,
}

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// A page, by its path under the site: `index.html`, `<slug>/index.html`.
    Page(String),
    /// The live-reload event stream.
    Events,
    /// A file beside the page, by its name (`<slug>.pdf`), decoded.
    File(String),
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
        [name] if name.ends_with(".pdf") || name.ends_with(".docx") => {
            // A slug may hold any letter (`valódi-alakú.pdf`), so the name
            // comes percent-encoded; only the names of a build's files
            // answer, so the decoded name never reaches the disk.
            match decoded(name) {
                Some(name) if !name.contains(['/', '\\']) => Route::File(name),
                _ => Route::NotFound,
            }
        }
        [slug, "index.html"] if plain(slug) && !slug.starts_with("__") => Route::Page(rel),
        _ => Route::NotFound,
    }
}

/// `%XX` escapes of a path segment decoded; `None` when they do not make
/// UTF-8.
fn decoded(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The answer to `request`. Never waits: a page is a snapshot of shared
/// bytes, and an event stream is handed to a task of its own.
pub fn answer<B>(request: &Request<B>, site: &Site) -> Response<Reply> {
    let headers = request.headers();
    let host = one_header(headers, &header::HOST);
    if !site.guard.allows_host(host.as_deref()) {
        site.guard.log_refused(host.as_deref());
        return text(
            StatusCode::MISDIRECTED_REQUEST,
            "Misdirected request: this preview answers only to localhost\n",
        );
    }
    let method = request.method();
    if method != Method::GET && method != Method::HEAD {
        let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "Method not allowed\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    // The target as sent: an absolute form (`http://host/…`) is no path
    // of this preview.
    match route(&request.uri().to_string()) {
        Route::Page(path) => match site.shown.borrow().page(&path) {
            Some(page) => secured(
                StatusCode::OK,
                "text/html; charset=utf-8",
                page.policy,
                Reply::Whole(Some(page.html)),
            ),
            None => text(StatusCode::NOT_FOUND, "Not found\n"),
        },
        Route::Events => {
            let origin = one_header(headers, &header::ORIGIN);
            if !site.guard.allows_origin(origin.as_deref(), host.as_deref()) {
                return text(
                    StatusCode::FORBIDDEN,
                    "Forbidden: the event stream is for this preview's own page\n",
                );
            }
            events(method == Method::HEAD, site)
        }
        Route::File(name) => file(&name, site),
        Route::NotFound => text(StatusCode::NOT_FOUND, "Not found\n"),
    }
}

/// The report's file `name`, written now if this build has not yet: the
/// writer runs on this worker thread, which the runtime replaces meanwhile.
fn file(name: &str, site: &Site) -> Response<Reply> {
    let Some(downloads) = site.shown.borrow().downloads() else {
        return text(StatusCode::NOT_FOUND, "Not found\n");
    };
    match tokio::task::block_in_place(|| downloads.get(name)) {
        None => text(StatusCode::NOT_FOUND, "Not found\n"),
        Some((made, media_type)) => match &*made {
            Ok(bytes) => secured(
                StatusCode::OK,
                media_type,
                HeaderValue::from_static(NOTHING),
                Reply::Whole(Some(bytes.clone())),
            ),
            Err(why) => secured(
                StatusCode::INTERNAL_SERVER_ERROR,
                "text/plain; charset=utf-8",
                HeaderValue::from_static(NOTHING),
                Reply::Whole(Some(Bytes::from(format!(
                    "{name} could not be written:\n{why}"
                )))),
            ),
        },
    }
}

/// The event stream, or 503 when every slot is taken.
fn events(head: bool, site: &Site) -> Response<Reply> {
    let stream = |body| {
        secured(
            StatusCode::OK,
            "text/event-stream",
            HeaderValue::from_static(NOTHING),
            body,
        )
    };
    // A HEAD gets the stream's headers; there is no body to hold open.
    if head {
        return stream(Reply::Whole(Some(Bytes::new())));
    }
    let Some(subscription) = site.hub.subscribe() else {
        let mut response = text(StatusCode::SERVICE_UNAVAILABLE, "Too many open pages\n");
        // The page's EventSource retries by itself; a client that reads
        // the header waits a little before it does.
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
        return response;
    };
    // Subscribed first, then greeted with the build it may already be
    // behind: an event in between is delivered too, never lost.
    let generation = site.shown.borrow().generation();
    let mut response = stream(Reply::Events(events::open(
        subscription,
        events::hello(generation),
    )));
    // An event stream is not kept for another request; the browser opens
    // a new one when it reconnects.
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// The value of the request's header `name`, when it has exactly one.
/// Bytes that are not UTF-8 are kept replaced, so such a value still
/// matches nothing and is still logged.
fn one_header(headers: &HeaderMap, name: &HeaderName) -> Option<String> {
    let mut values = headers.get_all(name).iter();
    let first = values.next()?;
    values
        .next()
        .is_none()
        .then(|| String::from_utf8_lossy(first.as_bytes()).into_owned())
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
        assert_eq!(route("/report.pdf"), Route::File("report.pdf".into()));
        assert_eq!(
            route("/val%C3%B3di-%E5%AE%9F.docx?x=1"),
            Route::File("valódi-実.docx".into())
        );
        for bad in [
            "/a%2Fb.pdf",
            "/a%5Cb.pdf",
            "/%FF.pdf",
            "/%4.pdf",
            "/x/a.pdf",
            "/a.pdf/",
        ] {
            assert!(!matches!(route(bad), Route::File(_)), "{bad}");
        }
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
