//! The harness of the `findings serve` test crates (`serve.rs` and
//! `serve_guard.rs`): a real server on a temporary copy of a fixture,
//! spoken to over raw TCP so nothing normalises the requests the way a
//! client library would.

// Each test crate uses only part of these helpers.
#![allow(dead_code)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

/// How long any one expected thing may take before the test gives up.
pub const WAIT: Duration = Duration::from_secs(10);

/// A running `findings serve`, killed when dropped so a failing test
/// leaves no server behind.
pub struct Served {
    pub child: Child,
    pub address: String,
    stdout: Receiver<String>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    pub fn start(project: &Path) -> Served {
        let mut child = Command::new(env!("CARGO_BIN_EXE_findings"))
            .args(["serve", "--port", "0", "--project"])
            .arg(project)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start findings serve");
        // Both pipes are drained all along so the server never blocks on them.
        let (lines, stdout) = mpsc::channel();
        let out = child.stdout.take().expect("piped stdout");
        thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let err = child.stderr.take().expect("piped stderr");
        let collected = Arc::clone(&stderr);
        thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let mut text = collected.lock().unwrap_or_else(|e| e.into_inner());
                text.push_str(&line);
                text.push('\n');
            }
        });
        let mut served = Served {
            child,
            address: String::new(),
            stdout,
            stderr,
        };
        let line = served.line(|l| l.starts_with("Serving "));
        let address = line
            .trim_start_matches("Serving http://")
            .trim_end_matches('/')
            .to_string();
        served.address = address;
        served
    }

    /// Waits for a line of stdout that `wanted` accepts.
    pub fn line(&self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match self.stdout.recv_timeout(left) {
                Ok(line) if wanted(&line) => return line,
                Ok(_) => {}
                Err(_) => break,
            }
        }
        panic!("no expected line on stdout; stderr:\n{}", self.stderr());
    }

    pub fn stderr(&self) -> String {
        self.stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// What the server has written to stderr once `ready` holds of it
    /// (waiting at most five seconds: lines reach the reader thread a
    /// little after the response that caused them).
    pub fn stderr_when(&self, ready: impl Fn(&str) -> bool) -> String {
        for _ in 0..250 {
            let log = self.stderr();
            if ready(&log) {
                return log;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        self.stderr()
    }

    /// Sends `GET target` as is and returns the status, head and body.
    pub fn get(&self, target: &str) -> (u16, String, String) {
        self.request("GET", target)
    }

    /// Sends `method target` as is, with no body.
    pub fn request(&self, method: &str, target: &str) -> (u16, String, String) {
        let mut stream = self.connect();
        write!(
            stream,
            "{method} {target} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read response");
        let (head, body) = response.split_once("\r\n\r\n").expect("a response head");
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status code");
        (status, head.to_ascii_lowercase(), body.to_string())
    }

    /// GET `target` with a body that may not be text: status, head
    /// (lowercased) and the body's bytes.
    pub fn get_bytes(&self, target: &str) -> (u16, String, Vec<u8>) {
        let mut stream = self.connect();
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("read response");
        let split = response
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a response head");
        let head = String::from_utf8_lossy(&response[..split]).to_ascii_lowercase();
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status code");
        (status, head, response[split + 4..].to_vec())
    }

    pub fn page(&self) -> String {
        let (status, _, body) = self.get("/");
        assert_eq!(status, 200);
        body
    }

    /// Polls the page until `wanted` accepts it: saves can come as one
    /// burst or several, so the number of reloads is not fixed.
    pub fn page_until(&self, wanted: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let page = self.page();
            if wanted(&page) {
                return page;
            }
            assert!(
                Instant::now() < deadline,
                "page never changed: {page}\nstderr:\n{}",
                self.stderr()
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends `request`, a whole raw request, and returns the status, the
    /// head lowercased and the body; the request must ask to close.
    pub fn raw(&self, request: &str) -> (u16, String, String) {
        let mut stream = self.connect();
        stream.write_all(request.as_bytes()).expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("read response");
        let (head, body) = response.split_once("\r\n\r\n").expect("a response head");
        (status_of(head), head.to_ascii_lowercase(), body.to_string())
    }

    /// Sends `request` and returns the status and the head lowercased,
    /// without waiting for a body (an event stream's never ends).
    pub fn raw_head(&self, request: &str) -> (u16, String) {
        let mut stream = self.connect();
        stream.write_all(request.as_bytes()).expect("send");
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a response head");
            if line.trim().is_empty() {
                break;
            }
            head.push_str(&line);
        }
        (status_of(&head), head.to_ascii_lowercase())
    }

    /// The port the server listens on.
    pub fn port(&self) -> &str {
        self.address.rsplit(':').next().unwrap_or_default()
    }

    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.address).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        stream
    }

    pub fn events(&self) -> Events {
        let mut stream = self.connect();
        write!(
            stream,
            "GET /__findings/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        .expect("send");
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("event stream head");
            if line.trim().is_empty() {
                break;
            }
            head.push_str(&line.to_ascii_lowercase());
        }
        assert!(head.starts_with("http/1.1 200"), "{head}");
        assert!(head.contains("content-type: text/event-stream"), "{head}");
        assert!(head.contains("cache-control: no-store"), "{head}");
        Events { reader }
    }
}

/// The live-reload stream, read one event at a time.
pub struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// The next event other than a comment: its name and data.
    pub fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            let read = self.reader.read_line(&mut line).expect("an event in time");
            assert!(read > 0, "the event stream ended");
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if !name.is_empty() {
                    return (name, data);
                }
            } else if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_string();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data.push_str(value);
            }
        }
    }

    /// Skips greetings and earlier builds' events until one called
    /// `wanted` arrives; returns its data. The other build outcome first
    /// fails the test with its data, which says what went wrong.
    pub fn until(&mut self, wanted: &str) -> String {
        loop {
            let (name, data) = self.next();
            if name == wanted {
                return data;
            }
            assert!(
                name == "hello" || name == "reload",
                "expected {wanted}, got {name}: {data}"
            );
        }
    }
}

fn status_of(head: &str) -> u16 {
    head.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status code")
}

pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read fixture") {
        let entry = entry.expect("fixture entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy fixture file");
        }
    }
}

pub fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
        dir.path(),
    );
    dir
}

/// Writes `text` to `path` the way editors that save atomically do: a
/// temporary file renamed over the original.
pub fn save(path: &Path, text: &str) {
    let temporary = path.with_extension("tmp~");
    fs::write(&temporary, text).expect("write temporary file");
    fs::rename(&temporary, path).expect("rename over the original");
}
