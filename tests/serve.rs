//! `findings serve` end to end: the real binary on a temporary copy of a
//! fixture project, spoken to over raw HTTP so nothing normalises the
//! request paths the way a client library would.

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
const WAIT: Duration = Duration::from_secs(10);

/// A running `findings serve`, killed when dropped so a failing test
/// leaves no server behind.
struct Served {
    child: Child,
    address: String,
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
    fn start(project: &Path) -> Served {
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
    fn line(&self, wanted: impl Fn(&str) -> bool) -> String {
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

    fn stderr(&self) -> String {
        self.stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Sends `GET target` as is and returns the status, head and body.
    fn get(&self, target: &str) -> (u16, String, String) {
        self.request("GET", target)
    }

    /// Sends `method target` as is, with no body.
    fn request(&self, method: &str, target: &str) -> (u16, String, String) {
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

    fn page(&self) -> String {
        let (status, _, body) = self.get("/");
        assert_eq!(status, 200);
        body
    }

    /// Polls the page until `wanted` accepts it: saves can come as one
    /// burst or several, so the number of reloads is not fixed.
    fn page_until(&self, wanted: impl Fn(&str) -> bool) -> String {
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

    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.address).expect("connect");
        stream.set_read_timeout(Some(WAIT)).expect("timeout");
        stream
    }

    fn events(&self) -> Events {
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
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    /// The next event other than a comment: its name and data.
    fn next(&mut self) -> (String, String) {
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
    fn until(&mut self, wanted: &str) -> String {
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

fn copy_dir(from: &Path, to: &Path) {
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

fn fixture(name: &str) -> tempfile::TempDir {
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
fn save(path: &Path, text: &str) {
    let temporary = path.with_extension("tmp~");
    fs::write(&temporary, text).expect("write temporary file");
    fs::rename(&temporary, path).expect("rename over the original");
}

#[test]
fn serves_only_the_page_with_the_right_headers() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    for target in ["/", "/index.html", "/?from=test"] {
        let (status, head, body) = served.get(target);
        assert_eq!(status, 200, "{target}");
        assert!(
            head.contains("content-type: text/html; charset=utf-8"),
            "{head}"
        );
        assert!(head.contains("cache-control: no-store"), "{head}");
        assert!(
            body.contains("Serve test"),
            "{body}\nstderr:\n{}",
            served.stderr()
        );
        assert!(body.contains("/__findings/events"), "{body}");
    }
    for target in [
        "/../content/report.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/content/report.toml",
        "/content/sections/intro.md",
        "/index.html/../content/report.toml",
        "/favicon.ico",
    ] {
        let (status, head, body) = served.get(target);
        assert_eq!(status, 404, "{target}: {body}");
        assert!(
            !body.contains("Serve test") && !body.contains("root:"),
            "{target}: {body}"
        );
        assert!(head.contains("cache-control: no-store"), "{head}");
    }
}

#[test]
fn reloads_on_save_and_shows_errors_until_fixed() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let mut events = served.events();
    events.until("hello");

    let section = project.path().join("content/sections/intro.md");
    let text = fs::read_to_string(&section).expect("read section");
    save(
        &section,
        &format!("{text}\nA sentence added while serving.\n"),
    );
    events.until("reload");
    served.page_until(|page| page.contains("A sentence added while serving."));

    let data = project.path().join("content/data/participants.json");
    let good = fs::read_to_string(&data).expect("read dataset");
    fs::write(&data, "[{\"id\": \"p1\",").expect("break dataset");
    let error = events.until("build-error");
    assert!(error.contains("participants.json"), "{error}");
    let page = served.page();
    assert!(
        page.contains("A sentence added while serving."),
        "the last good build stays"
    );
    assert!(
        page.contains("findings-overlay") && page.contains("participants.json"),
        "{page}"
    );

    fs::write(&data, good).expect("fix dataset");
    events.until("reload");
    served.page_until(|page| !page.contains("role=\"alert\""));
}

#[test]
fn picks_up_new_section_files_and_folders() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let mut events = served.events();
    events.until("hello");
    let nested = project.path().join("content/assets/new");
    fs::create_dir_all(&nested).expect("create folder");
    fs::write(nested.join("note.txt"), "x").expect("write into new folder");
    events.until("reload");
    let extra = "+++\ntitle = \"Later\"\nweight = 2\n+++\n\nA section written while serving.\n";
    fs::write(project.path().join("content/sections/later.md"), extra).expect("add section");
    served.page_until(|page| page.contains("A section written while serving."));
}

#[test]
fn shows_the_error_when_the_first_build_fails_then_recovers() {
    let project = fixture("serve-basic");
    let data = project.path().join("content/data/participants.json");
    let good = fs::read_to_string(&data).expect("read dataset");
    fs::write(&data, "not json").expect("break dataset");
    let served = Served::start(project.path());
    let page = served.page();
    assert!(
        page.contains("findings-overlay") && page.contains("participants.json"),
        "{page}"
    );
    let mut events = served.events();
    events.until("hello");
    fs::write(&data, good).expect("fix dataset");
    events.until("reload");
    served.page_until(|page| page.contains("Serve test"));
}

#[cfg(unix)]
#[test]
fn stops_cleanly_on_ctrl_c() {
    let project = fixture("serve-basic");
    let mut served = Served::start(project.path());
    let interrupted = Command::new("kill")
        .args(["-INT", &served.child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(interrupted.success());
    served.line(|l| l == "Stopped");
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(status) = served.child.try_wait().expect("wait for serve") {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "serve did not stop");
        thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn watches_a_themes_folder_created_while_serving() {
    let project = fixture("serve-basic");
    assert!(!project.path().join("themes").exists());
    let served = Served::start(project.path());
    let theme = project.path().join("themes/default");
    // Written at once: the rebuild after the folder appears reads it even
    // if its own event came before the folder was watched.
    fs::create_dir_all(&theme).expect("create theme folder");
    fs::write(theme.join("style.css"), "body { --made-while-serving: 1; }")
        .expect("write theme file");
    served.page_until(|page| page.contains("--made-while-serving"));
    fs::write(
        theme.join("style.css"),
        "body { --edited-while-serving: 2; }",
    )
    .expect("edit theme file");
    served.page_until(|page| page.contains("--edited-while-serving"));
}

#[test]
fn answers_only_get_and_head() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let (status, head, body) = served.request("HEAD", "/");
    assert_eq!(status, 200);
    assert!(
        head.contains("text/html; charset=utf-8") && body.is_empty(),
        "{head}{body}"
    );
    let (status, head, _) = served.request("HEAD", "/__findings/events");
    assert_eq!(status, 200);
    assert!(head.contains("content-type: text/event-stream"), "{head}");
    for method in ["POST", "PUT", "DELETE"] {
        let (status, head, _) = served.request(method, "/");
        assert_eq!(status, 405, "{method}");
        assert!(head.contains("allow: get, head"), "{head}");
    }
}

#[test]
fn every_open_page_hears_the_reload() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let mut pages: Vec<Events> = (0..8).map(|_| served.events()).collect();
    for page in &mut pages {
        page.until("hello");
    }
    let section = project.path().join("content/sections/intro.md");
    let text = fs::read_to_string(&section).expect("read section");
    fs::write(&section, format!("{text}\nSeen by every page.\n")).expect("edit section");
    for page in &mut pages {
        page.until("reload");
    }
}
