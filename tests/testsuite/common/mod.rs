//! Helpers shared by the integration tests: copy a project into a temp
//! folder, run the real binary on it, read what it wrote.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub mod svg_bounds;

/// The repository root (the flagship example project lives here).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `from` (its `content/` and `themes/` if any) into a new temp dir.
pub fn copy_project(from: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["content", "themes"] {
        let src = from.join(sub);
        if src.is_dir() {
            copy_dir(&src, &dir.path().join(sub));
        }
    }
    dir
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Runs `findings ARGS` in `cwd`.
pub fn findings(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_findings"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("run findings")
}

/// Builds the project in `dir` and returns the page, failing loudly.
pub fn build_ok(dir: &Path) -> String {
    let out = findings(dir, &["build"]);
    assert!(
        out.status.success(),
        "build failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::read_to_string(dir.join("output/index.html")).expect("read output")
}

/// An XLSX workbook of one sheet holding `rows` (the first the header),
/// written with rust_xlsxwriter, not the reader under test; cells that
/// read as numbers are written as numbers, as a spreadsheet holds them.
pub fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) => sheet.write_number(r, c, n).map(|_| ()),
                Err(_) => sheet.write_string(r, c, *cell).map(|_| ()),
            }
            .expect("write cell");
        }
    }
    book.save_to_buffer().expect("save workbook")
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The visible text of an HTML page: tags removed, whitespace folded, the
/// few entities we write decoded. Good enough to assert what a reader sees.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut skip = false;
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    let bytes = html.as_bytes();
    while i < bytes.len() {
        if !in_tag && lower[i..].starts_with("<style") {
            skip = true;
        }
        if skip && lower[i..].starts_with("</style>") {
            skip = false;
        }
        let c = html[i..].chars().next().unwrap_or(' ');
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag && !skip => out.push(c),
            _ => {}
        }
        i += c.len_utf8();
    }
    let decoded = out
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace('\u{a0}', " ")
        .replace("&amp;", "&");
    let folded: Vec<&str> = decoded.split_whitespace().collect();
    folded
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace("( ", "(")
        .replace(" )", ")")
}
