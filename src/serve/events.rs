//! Server-sent events: tells every open page that a build finished.
//!
//! The rebuild thread hands each event to the [`Hub`], a broadcast
//! channel that every connected page listens to. A page holds one of a
//! fixed number of slots for as long as its stream's body lives; hyper
//! drops the body as soon as the connection ends (the page closed, or a
//! heartbeat could not be written), which frees the slot at once.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use tokio::sync::{broadcast, mpsc};
use tokio::time::{self, Instant};

/// A comment line sent this often keeps proxies from closing an idle
/// stream and makes a write fail soon after a page went away without a
/// word, so its slot is freed within a couple of seconds.
const KEEP_ALIVE: Duration = Duration::from_secs(1);

/// Events a page's stream holds before the writer waits for it; a page
/// that stops reading is then dropped by the connection's write timeout.
const QUEUE: usize = 8;

/// Events the hub keeps for a page that has not taken them yet. A page
/// further behind has its stream ended: it reconnects, and its greeting
/// names the current build.
const BACKLOG: usize = 64;

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

/// Every connected page's source of events, and the count of pages.
pub struct Hub {
    sender: broadcast::Sender<Bytes>,
    active: Arc<AtomicUsize>,
    limit: usize,
}

/// One connected page: the events to come and its place in the count.
pub struct Subscription {
    messages: broadcast::Receiver<Bytes>,
    slot: Slot,
}

/// A page's place among the `limit` of the hub, given back when dropped.
pub struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Hub {
    /// A hub accepting at most `limit` pages at once.
    pub fn new(limit: usize) -> Self {
        Hub {
            sender: broadcast::channel(BACKLOG).0,
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
        Some(Subscription {
            messages: self.sender.subscribe(),
            slot: Slot(Arc::clone(&self.active)),
        })
    }

    /// Sends `message` to every connected page. Callable from any thread.
    pub fn broadcast(&self, message: &str) {
        // No page listening is not an error: the event is simply not needed.
        let _ = self.sender.send(Bytes::from(message.to_owned()));
    }
}

/// A page's event stream as the response body reads it: the chunks to
/// write, and the slot, held until hyper drops the body.
pub struct EventStream {
    chunks: mpsc::Receiver<Bytes>,
    _slot: Slot,
}

impl EventStream {
    /// The next chunk to write; `None` ends the stream.
    pub fn poll_chunk(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Bytes>> {
        self.chunks.poll_recv(cx)
    }
}

/// Opens the stream of one page: `greeting`, then every event of
/// `subscription` and a heartbeat between them. Must run on the runtime.
pub fn open(subscription: Subscription, greeting: String) -> EventStream {
    let (sender, chunks) = mpsc::channel(QUEUE);
    // A fresh channel always has room for the first chunk.
    let _ = sender.try_send(Bytes::from(greeting));
    let Subscription { mut messages, slot } = subscription;
    tokio::spawn(async move {
        let mut beat = time::interval_at(Instant::now() + KEEP_ALIVE, KEEP_ALIVE);
        loop {
            let chunk = tokio::select! {
                // The body was dropped: the page is gone.
                () = sender.closed() => return,
                message = messages.recv() => match message {
                    Ok(message) => message,
                    // Too far behind, or the server is stopping: ending the
                    // stream makes the page reconnect and catch up.
                    Err(_) => return,
                },
                _ = beat.tick() => Bytes::from_static(b": keep-alive\n\n"),
            };
            if sender.send(chunk).await.is_err() {
                return;
            }
        }
    });
    EventStream {
        chunks,
        _slot: slot,
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
    fn delivers_to_connected_pages() {
        let hub = Hub::new(4);
        let mut page = hub.subscribe().expect("room for a page");
        drop(hub.subscribe());
        hub.broadcast(&reload(7));
        let got = page.messages.try_recv().expect("a message");
        assert_eq!(&got[..], b"event: reload\ndata: 7\n\n");
    }

    #[test]
    fn frees_the_slot_when_the_stream_is_dropped() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a runtime");
        let hub = Hub::new(1);
        runtime.block_on(async {
            let subscription = hub.subscribe().expect("room for a page");
            let mut stream = open(subscription, hello(3));
            let first = std::future::poll_fn(|cx| stream.poll_chunk(cx)).await;
            assert_eq!(first.as_deref(), Some(hello(3).as_bytes()));
            assert!(hub.subscribe().is_none());
            hub.broadcast(&reload(4));
            let next = std::future::poll_fn(|cx| stream.poll_chunk(cx)).await;
            assert_eq!(next.as_deref(), Some(reload(4).as_bytes()));
            drop(stream);
            assert!(hub.subscribe().is_some());
        });
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
