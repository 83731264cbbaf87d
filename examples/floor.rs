//! The throughput floor for `findings build`: read every section file of a
//! project, drop the front matter, parse and render it with pulldown-cmark
//! using the options `findings` uses, and write one HTML file. Nothing
//! else: no datasets, roles, directives, charts or templates. Whatever
//! `findings` spends beyond this is the cost of its own features.
//!
//! `cargo run --release --example floor -- PROJECT OUT.html`

use std::fs;
use std::path::PathBuf;

use pulldown_cmark::{html, Options, Parser};

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(project), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: floor PROJECT OUT.html");
        std::process::exit(2);
    };
    let dir = PathBuf::from(project).join("content/sections");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("listing {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    files.sort();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut page = String::from("<!DOCTYPE html>\n<html><body>\n");
    for path in files {
        let text =
            fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
        html::push_html(&mut page, Parser::new_ext(body(&text), options));
    }
    page.push_str("</body></html>\n");
    fs::write(&out, page).unwrap_or_else(|e| panic!("writing {out}: {e}"));
}

/// The Markdown after the `+++` front matter.
fn body(text: &str) -> &str {
    let Some(rest) = text.strip_prefix("+++") else {
        return text;
    };
    rest.find("\n+++")
        .map_or(text, |end| rest[end + 4..].trim_start_matches(['\r', '\n']))
}
