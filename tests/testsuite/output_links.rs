//! Symbolic links planted where `findings build` writes: at the page, at
//! the marker, at the names of temporary files, and at the output folder
//! itself. Whatever is planted, the file a link points to never changes.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use crate::common::{build_ok, copy_project, findings, repo, stderr};

const VICTIM: &str = "precious file, not findings'\n";

fn project() -> tempfile::TempDir {
    copy_project(&repo().join("tests/fixtures/small"))
}

/// A file outside the project that a planted link points to.
fn victim() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("victim.txt");
    fs::write(&path, VICTIM).unwrap();
    (dir, path)
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[test]
fn a_link_at_the_page_or_marker_is_refused_and_its_target_untouched() {
    for name in ["index.html", ".findings"] {
        let dir = project();
        build_ok(dir.path());
        let out = dir.path().join("output");
        let (_keep, target) = victim();
        fs::remove_file(out.join(name)).unwrap();
        symlink(&target, out.join(name)).unwrap();

        let run = findings(dir.path(), &["build"]);
        assert_eq!(run.status.code(), Some(1), "{name}: {}", stderr(&run));
        let expected = format!(
            "error: ./output/{name} is a symbolic link; findings does not write through links"
        );
        assert!(stderr(&run).contains(&expected), "{name}: {}", stderr(&run));
        assert_eq!(fs::read_to_string(&target).unwrap(), VICTIM, "{name}");
        assert!(is_link(&out.join(name)), "{name}: the link was removed");

        // --force replaces the link itself, never what it points to.
        let run = findings(dir.path(), &["build", "--force"]);
        assert!(run.status.success(), "{name}: {}", stderr(&run));
        assert_eq!(fs::read_to_string(&target).unwrap(), VICTIM, "{name}");
        assert!(!is_link(&out.join(name)), "{name}: still a link");
    }
}

#[test]
fn links_at_temporary_names_are_never_written_through() {
    let dir = project();
    build_ok(dir.path());
    let out = dir.path().join("output");
    let (_keep, target) = victim();
    // The names of every scheme of temporary file: the PID-named one of
    // earlier versions (every PID a short run can get), and random ones of
    // the current pattern for both files findings writes.
    let mut planted = Vec::new();
    for pid in 1..=400 {
        planted.push(format!(".index.html.{pid}.tmp"));
    }
    for name in [".index.html.", ".findings."] {
        for random in ["AAAAAAAAAAAA", "a1B2c3D4e5F6", "zzzzzzzzzzzz"] {
            planted.push(format!("{name}{random}.tmp"));
        }
    }
    for name in &planted {
        symlink(&target, out.join(name)).unwrap();
    }
    // Twice: the first build also removes the links of our own pattern.
    for _ in 0..2 {
        let run = findings(dir.path(), &["build"]);
        assert!(run.status.success(), "{}", stderr(&run));
        assert_eq!(fs::read_to_string(&target).unwrap(), VICTIM);
        assert!(fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("Small &lt;Study&gt; &amp; Co"));
    }
    // The leftovers of our pattern are gone; the PID names findings no
    // longer makes are not its own to remove, and stay links.
    for name in &planted {
        let ours = !name[".index.html.".len()..].starts_with(|c: char| c.is_ascii_digit())
            || name.starts_with(".findings.");
        assert_eq!(is_link(&out.join(name)), !ours, "{name}");
    }
}

#[test]
fn an_output_folder_that_is_a_link_is_refused() {
    let dir = project();
    let elsewhere = tempfile::tempdir().unwrap();
    fs::write(elsewhere.path().join("index.html"), VICTIM).unwrap();
    symlink(elsewhere.path(), dir.path().join("output")).unwrap();

    let run = findings(dir.path(), &["build"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    assert!(
        stderr(&run)
            .contains("error: ./output is a symbolic link; findings does not write through links"),
        "{}",
        stderr(&run)
    );
    assert_eq!(
        fs::read_to_string(elsewhere.path().join("index.html")).unwrap(),
        VICTIM
    );
    let names: Vec<_> = fs::read_dir(elsewhere.path()).unwrap().collect();
    assert_eq!(
        names.len(),
        1,
        "something was written where the link points"
    );

    // --force writes where the link points.
    let run = findings(dir.path(), &["build", "--force"]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(elsewhere.path().join(".findings").is_file());
}
