//! Server-sent events: tells every open page that a build finished.
//!
//! Each connected page holds one long-lived response, written by a thread
//! of its own; the [`Hub`] hands every message to all of them and caps how
//! many there can be, so a runaway client cannot exhaust threads.

use std::io::{self, Write};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

/// A comment line sent this often keeps proxies from closing an idle
/// stream and lets a thread notice that its page went away.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The `reload` event: build `generation` succeeded.
pub fn reload(generation: u64) -> String {
    format!("event: reload\ndata: {generation}\n\n")
}

/// The `build-error` event: build `generation` failed with `overlay`.
pub fn build_error(generation: u64, overlay: &str) -> String {
    // JSON keeps the overlay on one `data:` line whatever it contains.
    let data = serde_json::json!({ "generation": generation, "overlay": overlay });
    format!("event: build-error\ndata: {data}\n\n")
}

/// The greeting sent to a page as it connects, naming the current build.
pub fn hello(generation: u64) -> String {
    // `retry` makes the browser reconnect quickly after a server restart.
    format!("retry: 500\nevent: hello\ndata: {generation}\n\n")
}

/// Every connected page's message queue.
pub struct Hub {
    clients: Mutex<Vec<Sender<Arc<str>>>>,
    active: Arc<AtomicUsize>,
    limit: usize,
}

/// One connected page: its messages and its place in the count.
pub struct Subscription {
    messages: Receiver<Arc<str>>,
    active: Arc<AtomicUsize>,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.active.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hub {
    /// A hub accepting at most `limit` pages at once.
    pub fn new(limit: usize) -> Self {
        Hub {
            clients: Mutex::new(Vec::new()),
            active: Arc::new(AtomicUsize::new(0)),
            limit,
        }
    }

    /// Registers a page, or `None` when `limit` pages are already connected.
    pub fn subscribe(&self) -> Option<Subscription> {
        let taken = self
            .active
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < self.limit).then_some(n + 1)
            });
        taken.ok()?;
        let (sender, messages) = mpsc::channel();
        self.lock().push(sender);
        Some(Subscription {
            messages,
            active: Arc::clone(&self.active),
        })
    }

    /// Sends `message` to every connected page, forgetting pages that left.
    pub fn broadcast(&self, message: &str) {
        let message: Arc<str> = Arc::from(message);
        self.lock()
            .retain(|client| client.send(Arc::clone(&message)).is_ok());
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<Arc<str>>>> {
        // A panicked writer leaves the list itself intact.
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Writes the event stream to one page until it disconnects: the response
/// head, `greeting`, then every message of `subscription`.
pub fn stream(mut out: impl Write, greeting: &str, subscription: Subscription) -> io::Result<()> {
    out.write_all(
        b"HTTP/1.1 200 OK\r\n\
          Content-Type: text/event-stream\r\n\
          Cache-Control: no-store\r\n\
          X-Content-Type-Options: nosniff\r\n\
          Referrer-Policy: no-referrer\r\n\
          Content-Security-Policy: default-src 'none'\r\n\
          Connection: close\r\n\r\n",
    )?;
    out.write_all(greeting.as_bytes())?;
    out.flush()?;
    loop {
        match subscription.messages.recv_timeout(KEEP_ALIVE) {
            Ok(message) => out.write_all(message.as_bytes())?,
            Err(RecvTimeoutError::Timeout) => out.write_all(b": keep-alive\n\n")?,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
        out.flush()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_the_number_of_pages() {
        let hub = Hub::new(2);
        let first = hub.subscribe();
        let second = hub.subscribe();
        assert!(first.is_some() && second.is_some());
        assert!(hub.subscribe().is_none());
        drop(first);
        assert!(hub.subscribe().is_some());
    }

    #[test]
    fn delivers_to_connected_pages_and_forgets_gone_ones() {
        let hub = Hub::new(4);
        let page = hub.subscribe().expect("room for a page");
        drop(hub.subscribe());
        hub.broadcast(&reload(7));
        assert_eq!(hub.lock().len(), 1);
        let got = page.messages.try_recv().expect("a message");
        assert_eq!(&*got, "event: reload\ndata: 7\n\n");
    }

    #[test]
    fn keeps_an_error_event_on_one_data_line() {
        let event = build_error(3, "<pre>line one\nline \"two\"</pre>");
        let data: Vec<&str> = event.lines().filter(|l| l.starts_with("data: ")).collect();
        assert_eq!(data.len(), 1, "{event}");
        assert!(event.ends_with("\n\n"));
        let parsed: serde_json::Value = serde_json::from_str(&data[0][6..]).expect("JSON data");
        assert_eq!(parsed["generation"], 3);
        assert_eq!(parsed["overlay"], "<pre>line one\nline \"two\"</pre>");
    }
}
