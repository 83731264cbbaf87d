//! The listening side: accepts connections and gives each a task of its
//! own on the async runtime, with the limits that keep one client from
//! costing the others anything.
//!
//! A request head may not exceed [`MAX_HEAD`] bytes or [`MAX_HEADERS`]
//! lines, and must arrive within [`HEAD_TIMEOUT`] (also the time an idle
//! kept-alive connection stays open); a write that makes no progress for
//! [`WRITE_TIMEOUT`] ends its connection. A page is shared bytes, so a
//! client that reads slowly holds no copy of it.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::{TcpListener, TcpSocket, TcpStream};

use super::http::{self, Site};
use super::write_timeout::WriteTimeout;

/// The largest request head read, start line included: far more than any
/// browser sends, far less than what a flood could fill memory with.
pub const MAX_HEAD: usize = 16 * 1024;

/// The most header lines a request may have.
pub const MAX_HEADERS: usize = 64;

/// How long a client has to send a request head, from the connection's
/// start or the end of the previous answer.
pub const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a write may wait for a client that reads nothing.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(15);

/// Connections the kernel holds for the server while it is busy
/// accepting others: a burst of page loads is queued, not refused.
const BACKLOG: u32 = 1024;

/// How long to wait before accepting again when the process is out of
/// file descriptors, rather than spinning on the error.
const ACCEPT_PAUSE: Duration = Duration::from_millis(50);

/// Binds `address`. Must run within the runtime.
pub fn bind(address: SocketAddr) -> io::Result<TcpListener> {
    let socket = if address.is_ipv4() {
        TcpSocket::new_v4()?
    } else {
        TcpSocket::new_v6()?
    };
    // Restarting the preview must not wait for the last run's closed
    // connections to time out.
    socket.set_reuseaddr(true)?;
    socket.bind(address)?;
    socket.listen(BACKLOG)
}

/// Accepts connections for as long as the runtime runs.
pub async fn serve(listener: TcpListener, site: Arc<Site>) {
    let mut warned = false;
    loop {
        match listener.accept().await {
            Ok((stream, _)) => {
                tokio::spawn(connection(stream, Arc::clone(&site)));
            }
            Err(e) => {
                // Out of file descriptors, most likely: the connections
                // already open end by their time limits; wait for them.
                if !warned {
                    eprintln!("warning: cannot accept a connection: {e}");
                    warned = true;
                }
                tokio::time::sleep(ACCEPT_PAUSE).await;
            }
        }
    }
}

/// Answers the requests of one connection until it closes or breaks a
/// limit.
async fn connection(stream: TcpStream, site: Arc<Site>) {
    // Small answers go out at once rather than waiting for more to send.
    let _ = stream.set_nodelay(true);
    let io = TokioIo::new(WriteTimeout::new(stream, WRITE_TIMEOUT));
    let service = service_fn(move |request| {
        let response = http::answer(&request, &site);
        async move { Ok::<_, Infallible>(response) }
    });
    let served = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_header_size(MAX_HEAD)
        .max_headers(MAX_HEADERS)
        // The read buffer stays small; hyper's own minimum is 8 KiB.
        .max_buf_size(4 * MAX_HEAD)
        // Queue body bytes as they are rather than flattening (copying)
        // them into one buffer per connection.
        .writev(true)
        .serve_connection(io, service)
        .await;
    // A client that left, timed out or sent too much is the ordinary end
    // of a connection under load; logging each would flood the terminal.
    drop(served);
}
