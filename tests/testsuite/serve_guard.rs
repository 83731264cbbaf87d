//! `findings serve` against other sites: a foreign `Host` (DNS rebinding)
//! and a cross-origin event stream are refused, the names of this machine
//! are still served, and every answer carries its security headers.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::serve_support::*;

fn get(host: &str) -> String {
    format!("GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n")
}

#[test]
fn a_foreign_host_is_refused_and_logged_once() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let port = served.port().to_string();
    for host in [
        format!("evil.example:{port}"),
        format!("evil.example:{port}"),
        "evil.example".to_string(),
        format!("localhost.evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost:{}", port.parse::<u32>().unwrap() + 1),
    ] {
        let (status, _, body) = served.raw(&get(&host));
        assert_eq!(status, 421, "{host}: {body}");
        assert!(!body.contains("Serve test"), "{host}: {body}");
    }
    // No Host at all (HTTP/1.0 allows it) is not this machine's name either.
    let (status, _, body) = served.raw("GET / HTTP/1.0\r\n\r\n");
    assert_eq!(status, 421, "{body}");
    let log = served.stderr_when(|l| l.contains("without a Host header"));
    assert_eq!(
        log.matches("warning: refused a request without a Host header")
            .count(),
        1,
        "{log}"
    );
    let refused = format!("warning: refused a request for host \"evil.example:{port}\"");
    assert_eq!(log.matches(&refused).count(), 1, "{log}");
    assert_eq!(
        log.matches("warning: refused a request for host").count(),
        5,
        "{log}"
    );
}

#[test]
fn the_names_of_this_machine_are_served() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let port = served.port().to_string();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("LOCALHOST:{port}"),
        "localhost".to_string(),
        format!("[::1]:{port}"),
    ] {
        let (status, _, body) = served.raw(&get(&host));
        assert_eq!(status, 200, "{host}: {body}");
        assert!(body.contains("Serve test"), "{host}");
    }
}

#[test]
fn a_cross_origin_event_stream_is_refused() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let port = served.port().to_string();
    let stream = |origin: &str| {
        format!("GET /__findings/events HTTP/1.1\r\nHost: localhost:{port}\r\n{origin}\r\n")
    };
    for origin in [
        "Origin: http://evil.example\r\n".to_string(),
        format!("Origin: http://evil.example:{port}\r\n"),
        "Origin: null\r\n".to_string(),
        format!("Origin: https://localhost:{port}\r\n"),
    ] {
        let (status, head) = served.raw_head(&stream(&origin));
        assert_eq!(status, 403, "{origin}: {head}");
    }
    let (status, head) = served.raw_head(&stream(&format!("Origin: http://localhost:{port}\r\n")));
    assert_eq!(status, 200, "{head}");
    assert!(head.contains("content-type: text/event-stream"), "{head}");
    assert!(head.contains("referrer-policy: no-referrer"), "{head}");
}

#[test]
fn every_answer_carries_the_security_headers() {
    let project = fixture("serve-basic");
    let served = Served::start(project.path());
    let (status, head, page) = served.get("/");
    assert_eq!(status, 200);
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    assert!(head.contains("referrer-policy: no-referrer"), "{head}");

    // The policy allows the page's one script by its hash, computed here
    // from the script as served.
    let start = page
        .find("<script data-generation=")
        .expect("the reload script");
    let text_start = start + page[start..].find('>').unwrap() + 1;
    let text_end = text_start + page[text_start..].find("</script>").unwrap();
    let hash = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(&page.as_bytes()[text_start..text_end]));
    let policy = format!(
        "content-security-policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; script-src 'sha256-{hash}'; connect-src 'self'"
    );
    // The helper lowercases the head, base64 and all.
    assert!(
        head.contains(&policy.to_ascii_lowercase()),
        "{head}\nwanted {policy}"
    );
    // One script runs; the other is the build manifest, inert JSON.
    assert_eq!(
        page.matches("<script").count(),
        2,
        "one script and the manifest"
    );
    assert_eq!(
        page.matches("<script type=\"application/json\" id=\"findings-manifest\">")
            .count(),
        1
    );
    // The page's own <meta> says the same, or the browser would enforce
    // the built page's policy, which allows no script, as well.
    let meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; font-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;; script-src &#39;sha256-";
    assert!(page.contains(meta), "{page}");

    for target in ["/nothing-here", "/__findings/other"] {
        let (status, head, _) = served.get(target);
        assert_eq!(status, 404);
        assert!(
            head.contains("content-security-policy: default-src 'none'"),
            "{head}"
        );
        assert!(head.contains("x-content-type-options: nosniff"), "{head}");
        assert!(head.contains("referrer-policy: no-referrer"), "{head}");
    }
}
