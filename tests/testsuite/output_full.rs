//! Writes that fail: a file size limit (`ulimit -f`), a full disk and a
//! read-only output folder. Each is an error naming the page and the
//! system's reason, exit 1, and the previous page byte for byte.

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::common::{build_ok, copy_project, repo, stderr};

fn project() -> tempfile::TempDir {
    copy_project(&repo())
}

/// Changes the report's title, so that the next build's page differs.
fn retitle(dir: &Path) {
    let toml = dir.join("content/report.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, text.replacen("title = \"", "title = \"Revised: ", 1)).unwrap();
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_failed_cleanly(run: &Output, dir: &Path, previous: &[u8], reason: &str) {
    let err = stderr(run);
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(
        err.contains(&format!(
            "error: cannot write ./output/index.html: {reason}"
        )),
        "{err}"
    );
    assert_eq!(fs::read(dir.join("output/index.html")).unwrap(), previous);
    assert_eq!(names(&dir.join("output")), [".findings", "index.html"]);
}

#[test]
fn a_file_size_limit_fails_cleanly() {
    let dir = project();
    let previous = build_ok(dir.path()).into_bytes();
    assert!(previous.len() > 64 * 1024, "the page is too small to test");
    retitle(dir.path());
    let mut command = Command::new(env!("CARGO_BIN_EXE_findings"));
    command
        .arg("build")
        .current_dir(dir.path())
        .env("NO_COLOR", "1");
    // SAFETY: setrlimit is async-signal-safe and touches only the child.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 32 * 1024,
                rlim_max: 32 * 1024,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let run = command.output().unwrap();
    // Killed by SIGXFSZ, the status would have no code at all.
    assert_failed_cleanly(&run, dir.path(), &previous, "File too large (os error 27)");
}

/// A full disk needs a small file system: a tmpfs mounted in a mount
/// namespace of our own (`unshare`), which needs no root. Where user
/// namespaces are disabled the test says so and checks nothing.
#[test]
fn a_full_disk_fails_cleanly() {
    let dir = project();
    let previous = build_ok(dir.path()).into_bytes();
    let probe = Command::new("unshare").args(["-Urm", "true"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: unshare -Urm is not available here");
        return;
    }
    retitle(dir.path());
    // Room for the marker and one page, not for a second page beside it.
    let size_kib = previous.len() * 3 / 2 / 1024;
    let script = format!(
        "set -e
mount -t tmpfs -o size={size_kib}k tmpfs output
cp \"$SAVE/index.html\" output/index.html
cp \"$SAVE/.findings\" output/.findings
set +e
\"$BIN\" build > \"$SAVE/stdout\" 2> \"$SAVE/stderr\"
echo $? > \"$SAVE/code\"
cp output/index.html \"$SAVE/after.html\"
ls -A output > \"$SAVE/names\"
"
    );
    let save = tempfile::tempdir().unwrap();
    fs::copy(
        dir.path().join("output/index.html"),
        save.path().join("index.html"),
    )
    .unwrap();
    fs::copy(
        dir.path().join("output/.findings"),
        save.path().join(".findings"),
    )
    .unwrap();
    let run = Command::new("unshare")
        .args(["-Urm", "sh", "-c", &script])
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("SAVE", save.path())
        .env("BIN", env!("CARGO_BIN_EXE_findings"))
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));
    let err = fs::read_to_string(save.path().join("stderr")).unwrap();
    assert_eq!(
        fs::read_to_string(save.path().join("code")).unwrap().trim(),
        "1",
        "{err}"
    );
    assert!(
        err.contains(
            "error: cannot write ./output/index.html: No space left on device (os error 28)"
        ),
        "{err}"
    );
    assert_eq!(fs::read(save.path().join("after.html")).unwrap(), previous);
    assert_eq!(
        fs::read_to_string(save.path().join("names")).unwrap(),
        ".findings\nindex.html\n"
    );
}

/// Read-only: a mode of 0555 does not stop root, so as root the folder is
/// made immutable instead (`chattr +i`, which root obeys), where the file
/// system supports it.
#[test]
fn a_read_only_output_folder_fails_cleanly() {
    let dir = project();
    let previous = build_ok(dir.path()).into_bytes();
    retitle(dir.path());
    let out = dir.path().join("output");
    let root = unsafe { libc::geteuid() } == 0;
    let locked = if root {
        Command::new("chattr")
            .arg("+i")
            .arg(&out)
            .status()
            .is_ok_and(|s| s.success())
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&out, fs::Permissions::from_mode(0o555)).is_ok()
    };
    if !locked {
        eprintln!("skipped: cannot make {} read-only here", out.display());
        return;
    }
    let run = crate::common::findings(dir.path(), &["build"]);
    // Unlock before asserting, so a failure does not leave a folder the
    // temp dir cannot remove.
    if root {
        Command::new("chattr").arg("-i").arg(&out).status().unwrap();
    } else {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&out, fs::Permissions::from_mode(0o755)).unwrap();
    }
    let reason = if root {
        "Operation not permitted (os error 1)"
    } else {
        "Permission denied (os error 13)"
    };
    assert_failed_cleanly(&run, dir.path(), &previous, reason);
}
