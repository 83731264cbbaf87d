//! A connection whose writes must make progress: a client that stops
//! reading (its socket buffer full) fails its connection after a while,
//! instead of holding it, and whatever it was sent, for ever.
//!
//! hyper has a timeout for reading a request's head but none for writing;
//! this wrapper gives the writes one. Reads pass through untouched, since
//! an event stream is rightly silent for hours.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{sleep, Sleep};

/// `S` whose writes fail with `TimedOut` once one has waited `limit`
/// without the client taking a single byte.
pub struct WriteTimeout<S> {
    inner: S,
    limit: Duration,
    /// Running while a write waits for room; dropped on any progress.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl<S> WriteTimeout<S> {
    /// `inner` with writes that give up after `limit` without progress.
    pub fn new(inner: S, limit: Duration) -> Self {
        WriteTimeout {
            inner,
            limit,
            stalled: None,
        }
    }

    /// Passes on a finished write and forgets the stall; on a write that
    /// must wait, starts the clock, or fails if it ran out.
    fn watch<T>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        match poll {
            Poll::Ready(result) => {
                self.stalled = None;
                Poll::Ready(result)
            }
            Poll::Pending => {
                let limit = self.limit;
                let clock = self.stalled.get_or_insert_with(|| Box::pin(sleep(limit)));
                match clock.as_mut().poll(cx) {
                    Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::TimedOut,
                        "the client stopped reading",
                    ))),
                    Poll::Pending => Poll::Pending,
                }
            }
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteTimeout<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteTimeout<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        // hyper then queues a page's shared bytes instead of copying them
        // into its own buffer for every client.
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_shutdown(cx);
        this.watch(cx, poll)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A client that takes one byte every `every` polls, or none at all.
    struct Client {
        every: Option<u32>,
        polls: u32,
    }

    impl AsyncWrite for Client {
        fn poll_write(
            self: Pin<&mut Self>,
            cx: &mut Context<'_>,
            _: &[u8],
        ) -> Poll<io::Result<usize>> {
            let this = self.get_mut();
            this.polls += 1;
            match this.every {
                Some(every) if this.polls.is_multiple_of(every) => Poll::Ready(Ok(1)),
                // Room again soon: asks to be polled once more.
                Some(_) => {
                    cx.waker().wake_by_ref();
                    Poll::Pending
                }
                None => Poll::Pending,
            }
        }

        fn poll_flush(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }

        fn poll_shutdown(self: Pin<&mut Self>, _: &mut Context<'_>) -> Poll<io::Result<()>> {
            Poll::Ready(Ok(()))
        }
    }

    /// Writes `bytes` bytes one write at a time; the first error, if any.
    fn write(client: Client, bytes: usize) -> io::Result<()> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()?;
        let mut guarded = WriteTimeout::new(client, Duration::from_millis(50));
        runtime.block_on(async {
            for _ in 0..bytes {
                std::future::poll_fn(|cx| Pin::new(&mut guarded).poll_write(cx, b"x")).await?;
            }
            Ok(())
        })
    }

    #[test]
    fn a_write_the_client_never_takes_times_out() {
        let stalled = Client {
            every: None,
            polls: 0,
        };
        let error = write(stalled, 1).expect_err("a stalled write fails");
        assert_eq!(error.kind(), io::ErrorKind::TimedOut);
    }

    #[test]
    fn a_slow_but_steady_client_is_served() {
        let slow = Client {
            every: Some(3),
            polls: 0,
        };
        write(slow, 100).expect("progress keeps the connection");
    }
}
