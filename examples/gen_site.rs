//! Writes a research site of N reports for benchmarks and the search
//! index's size budget:
//!
//! ```text
//! cargo run --release --example gen_site -- --reports 200 --out /tmp/site
//! ```
//!
//! Each report is the flagship example (`content/` of this repository:
//! nine sections, eighteen quotes, its charts and asset) with its own
//! title, date, tags and headline, and each section gets a sentence of 30
//! words drawn from a vocabulary of 20,000 made-up words, so the search
//! dictionary grows the way a real site's does instead of staying that of
//! one report. The output depends only on the arguments.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

/// Made-up words in the vocabulary.
const VOCABULARY: usize = 20_000;

const TAGS: [&str; 8] = [
    "defi",
    "security",
    "trust",
    "governance",
    "onboarding",
    "pricing",
    "support",
    "community",
];
const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mi", "ra", "te", "su", "no", "vi", "ze", "po", "ha", "ri", "du", "fa", "go", "ly",
];

fn main() {
    let mut reports = 200;
    let mut out = PathBuf::from("/tmp/findings-site");
    let args: Vec<String> = std::env::args().skip(1).collect();
    for pair in args.chunks(2) {
        match (pair[0].as_str(), pair.get(1)) {
            ("--reports", Some(n)) => reports = n.parse().expect("--reports N"),
            ("--out", Some(dir)) => out = PathBuf::from(dir),
            _ => panic!("usage: gen_site [--reports N] [--out DIR]"),
        }
    }
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    // Word k spells k's four base-16 digits as syllables: all distinct.
    let vocabulary: Vec<String> = (0..VOCABULARY)
        .map(|k| (0..4).map(|d| SYLLABLES[(k >> (4 * d)) & 15]).collect())
        .collect();
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).expect("create the site folder");
    fs::write(
        out.join("site.toml"),
        format!("title = \"Generated Research Site\"\ndescription = \"{reports} copies of the flagship example, for benchmarks.\"\nreports = [\"reports/*\"]\n"),
    )
    .expect("write site.toml");
    for i in 0..reports {
        let dir = out.join(format!("reports/study-{i:03}/content"));
        copy_dir(&example, &dir);
        let config = fs::read_to_string(dir.join("report.toml")).expect("read report.toml");
        let first = TAGS[i % TAGS.len()];
        let second = TAGS[(i % TAGS.len() + 1 + (i / TAGS.len()) % (TAGS.len() - 1)) % TAGS.len()];
        let header = format!(
            "title = \"Study {i:03}: The Balancer Exploit Response\"\ndate = \"{}-{:02}-{:02}\"\ntags = [\"{first}\", \"{second}\"]\nheadline = \"{{share}}`participants[stance=deeper-crisis]` see a deeper crisis\"\n",
            2020 + i / 120,
            1 + (i / 10) % 12,
            1 + i % 28,
        );
        let rest: String = config
            .lines()
            .filter(|l| !l.starts_with("title =") && !l.starts_with("date ="))
            .map(|l| format!("{l}\n"))
            .collect();
        fs::write(dir.join("report.toml"), header + &rest).expect("write report.toml");
        for entry in fs::read_dir(dir.join("sections")).expect("sections") {
            let path = entry.expect("entry").path();
            let mut text = fs::read_to_string(&path).expect("read section");
            // A stride through the vocabulary that differs per report and
            // section: spread, and the same on every run.
            let seed = i * 7_919 + text.len() * 104_729;
            let words: Vec<&str> = (0..30)
                .map(|j| vocabulary[(seed + j * 3_571) % VOCABULARY].as_str())
                .collect();
            text.push_str(&format!(
                "\nIn this study people also said {}.\n",
                words.join(" ")
            ));
            fs::write(&path, text).expect("write section");
        }
    }
    println!("wrote {} with {reports} reports", out.display());
}

/// Copies the folder `from` to `to`, walking it.
fn copy_dir(from: &Path, to: &Path) {
    for entry in WalkDir::new(from).sort_by_file_name() {
        let entry = entry.expect("walk the example");
        let target = to.join(entry.path().strip_prefix(from).expect("below the example"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("create a folder");
        } else {
            fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}
