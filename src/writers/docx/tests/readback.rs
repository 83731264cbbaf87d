//! The file read back by an independent reader, pandoc: every heading,
//! number, quote and caption of the document is in its text (pandoc's
//! plain text writes a superscript as `^(…)`, small capitals as capitals,
//! and keeps a subtitle in its metadata only). Skipped,
//! with a note, where pandoc is not installed (CI installs it).

use std::process::Command;

use super::fixture::QUOTES;
use super::written;

#[test]
fn pandoc_reads_every_heading_number_quote_and_caption() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.docx");
    std::fs::write(&path, written()).expect("write");
    if let Ok(sample) = std::env::var("FINDINGS_DOCX_SAMPLE") {
        std::fs::copy(&path, sample).expect("copy the sample");
    }
    let out = match Command::new("pandoc")
        .args(["-s", "-f", "docx", "-t", "plain", "--wrap=none"])
        .arg(&path)
        .output()
    {
        Ok(out) => out,
        Err(_) => {
            eprintln!("note: pandoc is not installed; the read-back test is skipped (apt-get install pandoc)");
            return;
        }
    };
    assert!(
        out.status.success(),
        "pandoc failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut wanted: Vec<&str> = vec![
        "Wörd öutput: a study",
        "Ana Kovács, Omar Ali",
        "20 Nov 2025",
        "Introduction",
        "How we asked",
        "Results",
        "Quote index",
        "References",
        "About this report",
        "42%",
        "17^(†)",
        "Figure 1",
        "Braun & Clarke, 2006",
        "Bold words",
        "a link",
        "first bullet",
        "third step",
        "Key insight",
        "Trust fell fast.",
        "73",
        "days observed",
        "Sentiment over the quarter.",
        "Data for Figure 1",
        "56.9",
        "20 Oct 2025",
        "Table 1. Participants by stance",
        "Deeper crisis",
        "12",
        "Isolated incident",
        "Total",
        "21",
        "Base: 21 participants.",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Forum thread (forum)",
        "Qualitative Research in Psychology",
        "SALDAÑA, J.",
        "segments.json",
        "88 coded segments",
    ];
    wanted.extend(QUOTES.iter().map(|(_, q)| *q));
    let missing: Vec<&&str> = wanted.iter().filter(|w| !text.contains(**w)).collect();
    assert!(missing.is_empty(), "missing {missing:?} in:\n{text}");
}
