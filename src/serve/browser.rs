//! `--open`: shows the preview in the desktop's browser.

use std::process::{Command, Stdio};
use std::thread;

/// Opens `url` with the platform's opener. Failing to is only a warning:
/// the URL is printed anyway.
pub fn open(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = Command::new(program)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    match spawned {
        // Waiting on a thread reaps the opener and reports a failure
        // without holding up the server.
        Ok(mut child) => {
            let url = url.to_string();
            thread::spawn(move || match child.wait() {
                Ok(status) if !status.success() => {
                    eprintln!("warning: `{program} {url}` failed ({status}); open the URL by hand");
                }
                Err(e) => eprintln!("warning: `{program} {url}` failed: {e}; open the URL by hand"),
                Ok(_) => {}
            });
        }
        Err(e) => eprintln!(
            "warning: cannot run `{program}` to open a browser: {e}; open the URL by hand"
        ),
    }
}
