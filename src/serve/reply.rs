//! What the server writes back: a whole body (a page, a short message) or
//! an event stream, and the headers every answer carries.

use std::convert::Infallible;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::Bytes;
use hyper::body::{Body, Frame, SizeHint};
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};

use super::events::EventStream;

/// The policy of every answer but the page: nothing may load or run.
pub const NOTHING: &str = "default-src 'none'; base-uri 'none'; form-action 'none'";

/// A response body.
pub enum Reply {
    /// Known bytes, shared with every other answer of the same page; taken
    /// when written.
    Whole(Option<Bytes>),
    /// A live-reload stream, open until the page leaves.
    Events(EventStream),
}

impl Body for Reply {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        let chunk = match self.get_mut() {
            Reply::Whole(bytes) => Poll::Ready(bytes.take().filter(|b| !b.is_empty())),
            Reply::Events(stream) => stream.poll_chunk(cx),
        };
        chunk.map(|c| c.map(|c| Ok(Frame::data(c))))
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Reply::Whole(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Reply::Whole(bytes) => {
                SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64))
            }
            Reply::Events(_) => SizeHint::default(),
        }
    }
}

/// A response with `status`, `body`, and the headers of every answer.
pub fn secured(
    status: StatusCode,
    content_type: &'static str,
    policy: HeaderValue,
    body: Reply,
) -> Response<Reply> {
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // Its policy, no guessing of types, and no `Referer` leaking the
    // preview's address to a link's target.
    headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// A short plain-text answer that may load nothing.
pub fn text(status: StatusCode, body: &'static str) -> Response<Reply> {
    secured(
        status,
        "text/plain; charset=utf-8",
        HeaderValue::from_static(NOTHING),
        Reply::Whole(Some(Bytes::from_static(body.as_bytes()))),
    )
}
