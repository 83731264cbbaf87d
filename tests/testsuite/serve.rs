//! `findings serve` end to end: the real binary on a temporary copy of a
//! fixture project, spoken to over raw HTTP so nothing normalises the
//! request paths the way a client library would.

use std::fs;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use crate::serve_support::*;
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

#[test]
fn serves_the_pdf_and_word_file_the_page_links_to_written_when_asked() {
    let project = fixture("serve-basic");
    let toml = project.path().join("content/report.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        format!("{text}\n[output]\nformats = [\"html\", \"pdf\", \"docx\"]\n"),
    )
    .unwrap();
    let served = Served::start(project.path());
    let page = served.page();
    assert!(page.contains("href=\"serve-test.pdf\""), "{page}");
    assert!(page.contains("href=\"serve-test.docx\""), "{page}");
    let (status, head, body) = served.get_bytes("/serve-test.docx");
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("wordprocessingml.document"), "{head}");
    assert!(body.starts_with(b"PK"), "a zip");
    let (status, head, body) = served.get_bytes("/serve-test.pdf");
    assert_eq!(status, 200, "{head}\n{}", String::from_utf8_lossy(&body));
    assert!(head.contains("content-type: application/pdf"), "{head}");
    assert!(
        head.contains("content-security-policy: default-src 'none'"),
        "{head}"
    );
    assert!(body.starts_with(b"%PDF-"), "a PDF");
    // Only the files the page offers; nothing by any other name.
    for target in [
        "/other.pdf",
        "/serve-test.odt",
        "/content%2Freport.pdf",
        "/index.html.pdf",
    ] {
        assert_eq!(served.get_bytes(target).0, 404, "{target}");
    }
}
