//! `findings new DIR`: a small project that builds as is.

use std::fs;
use std::path::Path;
use std::process::ExitCode;

/// The scaffold's files, relative to the new project folder.
const FILES: [(&str, &str); 7] = [
    ("content/report.toml", include_str!("scaffold/report.toml")),
    (
        "content/sections/01-introduction.md",
        include_str!("scaffold/01-introduction.md"),
    ),
    (
        "content/sections/02-findings.md",
        include_str!("scaffold/02-findings.md"),
    ),
    (
        "content/data/participants.json",
        include_str!("scaffold/participants.json"),
    ),
    (
        "content/data/codebook.json",
        include_str!("scaffold/codebook.json"),
    ),
    (
        "content/data/segments.json",
        include_str!("scaffold/segments.json"),
    ),
    (".gitignore", "/output\n"),
];

/// Creates the project in `dir`, which must not exist or be empty.
pub fn run(dir: &Path) -> ExitCode {
    create(dir, &FILES, &dir.display().to_string())
}

/// Writes `files` into `dir`, which must not exist or be empty, and says
/// that `what` was created and how to build it.
pub fn create(dir: &Path, files: &[(&str, &str)], what: &str) -> ExitCode {
    if !is_free(dir) {
        return ExitCode::FAILURE;
    }
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(rel, text)| (rel.to_string(), text.to_string()))
        .collect();
    if !write_all(dir, &files) {
        return ExitCode::FAILURE;
    }
    println!("created {what}");
    println!("next: findings build --project {}", dir.display());
    ExitCode::SUCCESS
}

/// True when `dir` does not exist or is empty; otherwise says so.
pub fn is_free(dir: &Path) -> bool {
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        eprintln!("error: {} already exists and is not empty", dir.display());
        eprintln!("help: pick a new folder name; findings new never writes into existing work");
        return false;
    }
    true
}

/// Writes `files` (path relative to `dir`, contents) into `dir`.
pub fn write_all(dir: &Path, files: &[(String, String)]) -> bool {
    for (rel, text) in files {
        let path = dir.join(rel);
        let written = path
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::write(&path, text));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return false;
        }
    }
    true
}
