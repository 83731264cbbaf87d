//! The `.findings` marker: which files of an output folder findings wrote.
//!
//! The marker is the only licence findings has to replace a file: a name
//! it does not list belongs to someone else, so a build never replaces it
//! (unless `--force`, which then adds it to the list).

/// The marker's file name inside the output folder.
pub const MARKER: &str = ".findings";

/// The first line of the marker, for a person who opens it.
const HEADER: &str = "# Written by `findings build`, which replaces only the files listed below.";

/// What markers written before the marker listed files said; such a
/// folder was written by findings, and findings only ever wrote the page.
const LEGACY: &str = "This folder is written by `findings build`.";

/// The file names a marker's text lists.
pub fn parse(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for line in text.lines().map(str::trim) {
        if line == LEGACY {
            names.push(super::PAGE.to_string());
        } else if !line.is_empty() && !line.starts_with('#') {
            names.push(line.to_string());
        }
    }
    names
}

/// The marker's text listing `names`, sorted, so that the same output
/// gives the same marker.
pub fn format(names: &[String]) -> String {
    let mut sorted: Vec<&str> = names.iter().map(String::as_str).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut text = format!("{HEADER}\n");
    for name in sorted {
        text.push_str(name);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_names_and_skips_comments() {
        let text = "# a comment\n\nindex.html\n  other.css  \n";
        assert_eq!(parse(text), ["index.html", "other.css"]);
    }

    #[test]
    fn a_legacy_marker_lists_the_page() {
        assert_eq!(
            parse("This folder is written by `findings build`.\n"),
            ["index.html"]
        );
    }

    #[test]
    fn formats_sorted_and_once() {
        let names = ["z".to_string(), "index.html".to_string(), "z".to_string()];
        assert_eq!(
            format(&names),
            "# Written by `findings build`, which replaces only the files listed below.\nindex.html\nz\n"
        );
    }
}
