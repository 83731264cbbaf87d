//! The writer on a document made by hand, read back with poppler: every
//! number, heading, caption and quote is in the PDF's text, the PDF is
//! tagged and identifies as PDF/UA-1, and two writes are the same bytes.
//! The expected values are written out here, not computed by the writer.

use std::path::Path;
use std::process::Command;

mod fixture;

use crate::document::*;
use crate::error::{Diagnostics, Severity};

use super::{write, Options, Paper};
use fixture::{document, t, WORDS};

/// Runs a poppler tool on `pdf`; `None` when poppler is not installed.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
    let mut command = Command::new(tool);
    command.args(args).arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().ok()?;
    assert!(
        out.status.success(),
        "{tool} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn written(doc: &Document) -> (Vec<u8>, Diagnostics) {
    let mut warnings = Diagnostics::new();
    let options = Options {
        paper: Paper::A4,
        ..Options::default()
    };
    let bytes = write(doc, &options, &mut warnings).unwrap_or_else(|e| panic!("{e:?}"));
    (bytes, warnings)
}

#[test]
fn the_pdf_holds_every_number_heading_caption_and_quote() {
    let (bytes, warnings) = written(&document());
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &bytes).expect("write the PDF");
    // To look at the pages: FINDINGS_PDF_KEEP=/tmp/test.pdf cargo test …
    if let Some(keep) = std::env::var_os("FINDINGS_PDF_KEEP") {
        std::fs::write(keep, &bytes).expect("keep the PDF");
    }
    let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &pdf).map(|t| {
        let t: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
        t
    }) else {
        eprintln!("note: pdftotext is not installed (Debian: poppler-utils); the PDF's text is not checked");
        return;
    };
    for expected in [
        "Trust after the exploit",
        "A study of community reactions",
        "Ada Lovelace",
        "20 Nov 2025",
        "Contents",
        "Overview",
        "Who answered",
        "42%",
        "17†",
        "Figure 3",
        "Braun & Clarke, 2006",
        "#set page(width: 1pt) *bold* $x$ @ref <lbl> // no.",
        "Figure 3. Participants by role after the exploit",
        "Data for Figure 3",
        "Figure 4. Illustrative data. Chart 4 of the example",
        "Figure 5. Illustrative data. Chart 5 of the example",
        "Liquidity provider",
        "23",
        "46%",
        "34%",
        "Total",
        "50",
        "100%",
        "Base: all 50 participants.",
        "KEY INSIGHT",
        "Trust recovered within nine days.",
        "9 days",
        "Voices",
        "Q1",
        "Q2",
        "Q3",
        "Q4",
        "Quote index",
        "seg-4",
        "Forum thread",
        "References",
        "Using thematic analysis in psychology",
        "About this report",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} is missing from the PDF's text:\n{text}"
        );
    }
    for (_, words) in WORDS {
        let squeezed: String = words.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            text.contains(&squeezed) || text.contains(&reversed_words(&squeezed)),
            "{words:?} is missing:\n{text}"
        );
    }
    let missing: Vec<_> = warnings
        .0
        .iter()
        .filter(|d| d.message.contains("no font has"))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    assert!(warnings.0.iter().all(|d| d.severity != Severity::Error));
}

/// Arabic words in the order a left-to-right text extractor may give them.
fn reversed_words(s: &str) -> String {
    s.split(' ').rev().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_pdf_is_tagged_titled_and_pdf_ua() {
    let (bytes, _) = written(&document());
    let xmp = String::from_utf8_lossy(&bytes);
    assert!(
        xmp.contains("pdfuaid:part"),
        "no PDF/UA identification in the metadata"
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &bytes).expect("write the PDF");
    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        eprintln!("note: pdfinfo is not installed (Debian: poppler-utils); the PDF's properties are not checked");
        return;
    };
    let field = |key: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
            .map(str::trim)
            .unwrap_or_default()
            .to_string()
    };
    assert_eq!(field("Title"), "Trust after the exploit");
    assert_eq!(field("Author"), "Ada Lovelace, Grace Hopper");
    assert_eq!(field("Tagged"), "yes");
    assert!(field("CreationDate").starts_with("Thu Nov 20"), "{info}");
    assert_eq!(field("Page size"), "595.276 x 841.89 pts (A4)");
    let fonts = poppler("pdffonts", &[], &pdf).expect("poppler");
    for line in fonts.lines().skip(2) {
        assert!(line.contains(" yes "), "a font is not embedded: {line}");
    }
}

#[test]
fn two_writes_are_byte_identical() {
    let doc = document();
    assert!(written(&doc).0 == written(&doc).0);
}

#[test]
fn a_figure_without_alternative_text_is_an_error_naming_it() {
    let mut doc = document();
    doc.sections[0].blocks.push(Block::Figure(Figure {
        index: 0,
        id: "fig-photo".into(),
        number: "4".into(),
        body: FigureBody::Image {
            mime: "image/png".into(),
            bytes: vec![0x89, b'P', b'N', b'G'],
            alt: " ".into(),
        },
        caption: vec![Block::Paragraph(t("A photo"))],
        data: vec![],
        illustrative: false,
    }));
    let mut warnings = Diagnostics::new();
    let errors = write(&doc, &Options::default(), &mut warnings).expect_err("no alt text");
    assert_eq!(errors.0.len(), 1, "{errors:?}");
    assert_eq!(
        errors.0[0].message,
        "figure `fig-photo` has no alternative text"
    );
    assert_eq!(errors.0[0].label.as_deref(), Some("in section `overview`"));
}

#[test]
fn hostile_documents_give_a_pdf_or_an_error_never_a_panic() {
    let hostile = "#panic() ] [ } { \" \\ <x> @y $ ` // /* = - + 1. \u{0}\u{202e}";
    let mut doc = document();
    doc.front.title_text = hostile.into();
    doc.front.title = t(hostile);
    doc.front.language = hostile.into();
    doc.front.date_iso = Some("2025-02-31".into());
    doc.sections[0].id = hostile.into();
    doc.sections[0].blocks.push(Block::Paragraph(vec![
        Inline::Link {
            url: format!("#{hostile}"),
            title: String::new(),
            content: t(hostile),
        },
        Inline::Link {
            url: "javascript:x".into(),
            title: String::new(),
            content: t(hostile),
        },
        Inline::Code(hostile.into()),
        Inline::FootnoteRef(hostile.into()),
        Inline::Target {
            id: hostile.into(),
            content: t(hostile),
        },
        Inline::Target {
            id: hostile.into(),
            content: t("twice"),
        },
    ]));
    doc.sections[0].blocks.push(Block::List {
        start: Some(u64::MAX),
        items: vec![vec![Block::CodeBlock {
            info: None,
            text: hostile.into(),
        }]],
    });
    doc.sections[0]
        .blocks
        .push(Block::Table(Table::new(TableKind::Records)));
    doc.sections[0].blocks.push(Block::Grid {
        alignments: vec![],
        head: vec![],
        rows: vec![vec![t(hostile)], vec![]],
    });
    let mut warnings = Diagnostics::new();
    let bytes = write(&doc, &Options::default(), &mut warnings).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(bytes.starts_with(b"%PDF-"));
    let empty = Document {
        front: Front::default(),
        contents: vec![],
        sections: vec![],
        appendices: vec![],
        illustrative: false,
    };
    let bytes =
        write(&empty, &Options::default(), &mut warnings).unwrap_or_else(|e| panic!("{e:?}"));
    assert!(bytes.starts_with(b"%PDF-"));
}

#[test]
fn a_character_no_font_has_is_a_warning_naming_script_character_and_section() {
    // CJK Extension H (Unicode 15) and Kawi: no font of Debian's Noto has them.
    let has = |c: &str| {
        Command::new("fc-list")
            .arg(format!(":charset={c}"))
            .output()
            .map(|o| !o.stdout.is_empty())
            .unwrap_or(false)
    };
    if has("31350") || has("11f04") {
        eprintln!(
            "note: this machine has a font for U+31350 or U+11F04; the warning is not checked"
        );
        return;
    }
    let mut doc = document();
    doc.sections[1]
        .blocks
        .push(Block::Paragraph(t("Rare: \u{31350} and \u{11F04}.")));
    let (_, warnings) = written(&doc);
    let missing: Vec<_> = warnings
        .0
        .iter()
        .filter(|d| d.message.starts_with("no font has"))
        .collect();
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert_eq!(missing[0].message, "no font has the Han characters \u{31350} (U+31350): the PDF shows a replacement mark for each");
    assert_eq!(missing[1].message, "no font has the Kawi characters \u{11F04} (U+11F04): the PDF shows a replacement mark for each");
    for d in missing {
        assert_eq!(d.label.as_deref(), Some("in section `voices`"));
        assert!(d
            .help
            .as_deref()
            .is_some_and(|h| h.contains("[pdf] fonts = [\"fonts/\"]")));
    }
}

/// How long a write takes: `cargo test --release --lib time_the_writer
/// -- --ignored --nocapture`. The first write scans the system's fonts.
#[test]
#[ignore]
fn time_the_writer() {
    let doc = document();
    let start = std::time::Instant::now();
    let first = written(&doc).0;
    let first_time = start.elapsed();
    let mut times: Vec<_> = (0..10)
        .map(|_| {
            let start = std::time::Instant::now();
            assert!(written(&doc).0 == first);
            start.elapsed()
        })
        .collect();
    times.sort();
    eprintln!(
        "first write (with the font scan): {first_time:?}; median of 10 more: {:?}; {} bytes",
        times[5],
        first.len()
    );
}

#[test]
fn letter_paper_is_us_letter() {
    let mut warnings = Diagnostics::new();
    let options = Options {
        paper: Paper::Letter,
        ..Options::default()
    };
    let bytes = write(&document(), &options, &mut warnings).unwrap_or_else(|e| panic!("{e:?}"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &bytes).expect("write the PDF");
    let Some(info) = poppler("pdfinfo", &[], &pdf) else {
        eprintln!(
            "note: pdfinfo is not installed (Debian: poppler-utils); the paper is not checked"
        );
        return;
    };
    assert!(info.contains("612 x 792 pts (letter)"), "{info}");
}

#[test]
fn the_build_manifest_travels_in_the_pdf() {
    let manifest = br#"{"inputs":[{"path":"content/data/segments.json","sha256":"9f86d0"}]}"#;
    let mut warnings = Diagnostics::new();
    let options = Options {
        manifest: Some(manifest.to_vec()),
        ..Options::default()
    };
    let bytes = write(&document(), &options, &mut warnings).unwrap_or_else(|e| panic!("{e:?}"));
    let dir = tempfile::tempdir().expect("a temporary folder");
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, &bytes).expect("write the PDF");
    let Some(list) = poppler("pdfdetach", &["-list"], &pdf) else {
        eprintln!("note: pdfdetach is not installed (Debian: poppler-utils); the attachment is not checked");
        return;
    };
    assert!(list.contains("1: manifest.json"), "{list}");
    let saved = dir.path().join("manifest.json");
    let out = Command::new("pdfdetach")
        .args(["-save", "1", "-o"])
        .arg(&saved)
        .arg(&pdf)
        .output()
        .expect("pdfdetach");
    assert!(out.status.success());
    assert_eq!(std::fs::read(&saved).expect("the saved manifest"), manifest);
}
