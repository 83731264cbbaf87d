//! `findings serve` under load, on 127.0.0.1 only: a burst of page loads,
//! a crowd of event streams past the cap, slow and oversized request
//! heads, and clients that never read. Every loop is bounded in count
//! and time; the figures measured are printed (`--nocapture` shows them).

#![cfg(target_os = "linux")]

use std::fs;
use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Barrier, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::serve_support::*;

/// The tests measure latency, so they run one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Normal requests made during a load must each be answered this fast: a
/// generous bound for a debug build on a busy machine, yet a real one for
/// a server that lets one client hold up another (seconds).
const PROMPT: Duration = Duration::from_millis(200);

/// Served on an unused loopback port, like every test of `serve`.
fn start(project: &std::path::Path) -> Served {
    raise_file_limit();
    let served = Served::start(project);
    assert!(
        served.address.starts_with("127.0.0.1:"),
        "{}",
        served.address
    );
    served
}

#[test]
fn holds_under_load() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let project = fixture("serve-basic");
    let served = start(project.path());
    huge_heads_are_cut_off(&served);
    a_thousand_page_loads_are_answered(&served);
    event_streams_past_the_cap_are_turned_away(&served);
    slow_heads_hold_no_one_up(&served);
}

/// Two clients send a 100 MB header line: each is closed long before it
/// is through, and the server's memory barely moves.
fn huge_heads_are_cut_off(served: &Served) {
    let pid = served.child.id();
    let before = (memory(pid, "VmRSS"), memory(pid, "VmHWM"));
    let senders: Vec<_> = (0..2)
        .map(|_| {
            let mut stream = connect(served);
            thread::spawn(move || {
                stream
                    .set_write_timeout(Some(Duration::from_secs(10)))
                    .expect("write timeout");
                let chunk = vec![b'a'; 64 * 1024];
                let mut sent = 0usize;
                let mut failed = stream
                    .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Huge: ")
                    .is_err();
                while !failed && sent < 100 * 1024 * 1024 {
                    match stream.write(&chunk) {
                        Ok(n) => sent += n,
                        Err(e) => {
                            // A server that stops reading but keeps the
                            // connection open would end here: not closed.
                            assert_ne!(e.kind(), ErrorKind::WouldBlock, "never closed");
                            assert_ne!(e.kind(), ErrorKind::TimedOut, "never closed");
                            failed = true;
                        }
                    }
                }
                assert!(failed, "all 100 MB were taken in");
                sent
            })
        })
        .collect();
    let sent: Vec<usize> = senders
        .into_iter()
        .map(|s| s.join().expect("sender"))
        .collect();
    let after = (memory(pid, "VmRSS"), memory(pid, "VmHWM"));
    let grown = after.0.saturating_sub(before.0);
    let peak = after.1.saturating_sub(before.1);
    println!(
        "100 MB header lines: closed after {} and {} KiB sent; RSS grew {grown} KiB, peak RSS grew {peak} KiB",
        sent[0] / 1024,
        sent[1] / 1024
    );
    assert!(
        grown < 32 * 1024 && peak < 32 * 1024,
        "{grown} KiB, peak {peak} KiB"
    );
    assert_eq!(served.get("/").0, 200, "still serving");
}

/// 1,000 connections open at once, each asking for the page: all get it.
fn a_thousand_page_loads_are_answered(served: &Served) {
    const THREADS: usize = 20;
    const EACH: usize = 50;
    let start = Instant::now();
    let ready = Arc::new(Barrier::new(THREADS));
    let loaders: Vec<_> = (0..THREADS)
        .map(|_| {
            let address = served.address.clone();
            let ready = Arc::clone(&ready);
            thread::spawn(move || {
                let mut streams: Vec<TcpStream> = (0..EACH).map(|_| connect_to(&address)).collect();
                // Every connection is open before any request is sent.
                ready.wait();
                for stream in &mut streams {
                    stream.write_all(GET_PAGE.as_bytes()).expect("send");
                }
                streams
                    .into_iter()
                    .filter(|stream| {
                        let mut response = String::new();
                        let mut stream = stream;
                        stream.read_to_string(&mut response).is_ok()
                            && response.starts_with("HTTP/1.1 200")
                            && response.contains("Serve test")
                    })
                    .count()
            })
        })
        .collect();
    let answered: usize = loaders.into_iter().map(|l| l.join().expect("loader")).sum();
    println!(
        "1,000 concurrent page loads: {answered} answered in {} ms",
        start.elapsed().as_millis()
    );
    assert_eq!(answered, THREADS * EACH);
}

/// 200 event streams asked for at once: each is answered (200 up to the
/// cap, 503 past it) within 15 s; once they leave, every slot is free
/// again within 3 s.
fn event_streams_past_the_cap_are_turned_away(served: &Served) {
    let start = Instant::now();
    let mut streams: Vec<BufReader<TcpStream>> = (0..200)
        .map(|_| {
            let mut stream = connect(served);
            stream.write_all(GET_EVENTS.as_bytes()).expect("send");
            BufReader::new(stream)
        })
        .collect();
    let mut statuses = Vec::new();
    for stream in &mut streams {
        let head = read_head(stream).expect("an answer to every event stream");
        if head.starts_with("HTTP/1.1 503") {
            assert!(head.to_ascii_lowercase().contains("retry-after:"), "{head}");
        }
        statuses.push(status(&head));
    }
    let took = start.elapsed();
    let open = statuses.iter().filter(|&&s| s == 200).count();
    let refused = statuses.iter().filter(|&&s| s == 503).count();
    println!(
        "200 event streams: {open} open, {refused} refused, all answered in {} ms",
        took.as_millis()
    );
    assert_eq!((open, refused), (64, 136), "{statuses:?}");
    assert!(took < Duration::from_secs(15), "{took:?}");

    drop(streams);
    let left = Instant::now();
    let mut held = Vec::new();
    while held.len() < 64 && left.elapsed() < Duration::from_secs(5) {
        let mut stream = BufReader::new(connect(served));
        stream
            .get_mut()
            .write_all(GET_EVENTS.as_bytes())
            .expect("send");
        match read_head(&mut stream).map(|h| status(&h)) {
            Some(200) => held.push(stream),
            _ => thread::sleep(Duration::from_millis(20)),
        }
    }
    let freed = left.elapsed();
    println!(
        "64 event-stream slots free again {} ms after their pages left",
        freed.as_millis()
    );
    assert_eq!(held.len(), 64, "slots still taken after {freed:?}");
    assert!(freed < Duration::from_secs(3), "{freed:?}");
}

/// 300 connections send half a request head and stall: normal requests
/// are answered promptly all the while, and the stalled connections are
/// closed once the head timeout (10 s) runs out.
fn slow_heads_hold_no_one_up(served: &Served) {
    let start = Instant::now();
    let mut slow: Vec<TcpStream> = (0..300)
        .map(|_| {
            let mut stream = connect(served);
            stream
                .write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: still typ")
                .expect("send");
            stream
        })
        .collect();
    let mut times = Vec::new();
    for _ in 0..10 {
        let asked = Instant::now();
        let (status, _, body) = served.get("/");
        times.push(asked.elapsed());
        assert_eq!(status, 200);
        assert!(body.contains("Serve test"));
        thread::sleep(Duration::from_millis(100));
    }
    let slowest = times.iter().max().copied().unwrap_or_default();
    println!(
        "page loads beside 300 stalled heads: slowest {} ms of {}",
        slowest.as_millis(),
        times.len()
    );
    assert!(slowest < PROMPT, "{times:?}");

    // Each stalled connection ends by the head timeout, with slack for a
    // busy machine: a read then sees the end (or a reset), not a wait.
    let mut closed = 0;
    for stream in &mut slow {
        let left = Duration::from_secs(15).saturating_sub(start.elapsed());
        stream
            .set_read_timeout(Some(left.max(Duration::from_millis(1))))
            .expect("read timeout");
        let mut rest = Vec::new();
        match stream.read_to_end(&mut rest) {
            Ok(_) => closed += 1,
            Err(e) if !matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                closed += 1
            }
            Err(_) => {}
        }
    }
    println!(
        "300 stalled heads: {closed} closed by the server after {} ms",
        start.elapsed().as_millis()
    );
    assert_eq!(closed, 300);
}

/// Clients that ask for a 6 MB page and never read it hold no copy of it
/// each, and hold up no one: the page still loads whole for others. Once
/// their writes have made no progress for 15 s, they are dropped.
#[test]
fn a_client_that_never_reads_stalls_no_one() {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    let project = fixture("serve-basic");
    let paragraph =
        "A paragraph of a long appendix, written so the page is larger than any socket buffer.\n\n";
    let large = format!(
        "+++\ntitle = \"Appendix\"\nweight = 9\n+++\n\n{}",
        paragraph.repeat(70_000)
    );
    fs::write(project.path().join("content/sections/appendix.md"), large).expect("large section");
    let served = start(project.path());
    let pid = served.child.id();
    let before = memory(pid, "VmRSS");
    let asked = Instant::now();
    let stalled: Vec<TcpStream> = (0..20)
        .map(|_| {
            let mut stream = connect(&served);
            stream.write_all(GET_PAGE.as_bytes()).expect("send");
            stream
        })
        .collect();
    // Time for the server to fill their socket buffers and get stuck.
    thread::sleep(Duration::from_millis(500));
    let mut size = 0;
    let mut slowest = Duration::ZERO;
    for _ in 0..5 {
        let asked = Instant::now();
        let (status, _, body) = served.get("/");
        slowest = slowest.max(asked.elapsed());
        assert_eq!(status, 200);
        assert!(body.contains("Serve test") && body.contains("</html>"));
        size = body.len();
    }
    let mut probe = Duration::ZERO;
    for _ in 0..5 {
        let asked = Instant::now();
        assert_eq!(served.get("/nothing-here").0, 404);
        probe = probe.max(asked.elapsed());
    }
    let grown = memory(pid, "VmRSS").saturating_sub(before);
    println!(
        "beside 20 clients not reading a {} KiB page: whole page loaded in at most {} ms, a 404 in {} ms; RSS grew {grown} KiB",
        size / 1024,
        slowest.as_millis(),
        probe.as_millis()
    );
    assert!(size > 6_000_000, "{size}");
    assert!(probe < PROMPT, "{probe:?}");
    assert!(slowest < Duration::from_secs(3), "{slowest:?}");
    // Twenty copies would be 120 MB.
    assert!(grown < 32 * 1024, "{grown} KiB");

    // The write timeout (15 s) has run out: what the kernel had already
    // taken is there to read, then the end, well short of the page.
    thread::sleep(Duration::from_secs(17).saturating_sub(asked.elapsed()));
    let cut: Vec<usize> = stalled
        .into_iter()
        .map(|mut stream| {
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .expect("read timeout");
            let mut got = Vec::new();
            match stream.read_to_end(&mut got) {
                Ok(_) => got.len(),
                Err(e) if e.kind() == ErrorKind::ConnectionReset => got.len(),
                Err(e) => panic!("still open after {:?}: {e}", asked.elapsed()),
            }
        })
        .collect();
    let most = cut.iter().max().copied().unwrap_or_default();
    println!(
        "20 clients not reading: all dropped after {} ms, at most {} KiB of the page delivered",
        asked.elapsed().as_millis(),
        most / 1024
    );
    assert!(most < size, "{most} of {size}");
}

const GET_PAGE: &str = "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
const GET_EVENTS: &str = "GET /__findings/events HTTP/1.1\r\nHost: localhost\r\n\r\n";

fn connect(served: &Served) -> TcpStream {
    connect_to(&served.address)
}

fn connect_to(address: &str) -> TcpStream {
    let stream = TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(WAIT)).expect("timeout");
    stream
}

/// The response head, or `None` if the connection ended or timed out.
fn read_head(reader: &mut BufReader<TcpStream>) -> Option<String> {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        if line.trim().is_empty() {
            return Some(head);
        }
        head.push_str(&line);
    }
}

fn status(head: &str) -> u16 {
    head.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

/// A figure of `/proc/PID/status` in KiB (`VmRSS`, `VmHWM`).
fn memory(pid: u32, field: &str) -> u64 {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).expect("process status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} in {status}"))
}

/// Room for the test's own thousand connections, whatever the shell's
/// default; the server raises its own limit.
fn raise_file_limit() {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read and write `limit`.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < 4096 {
            limit.rlim_cur = limit.rlim_max.min(4096);
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}
