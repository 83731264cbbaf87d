//! The writer on a document made by hand, read back with poppler: every
//! number, heading, caption and quote is in the PDF's text, the PDF is
//! tagged and identifies as PDF/UA-1, and two writes are the same bytes.
//! The expected values are written out here, not computed by the writer.

use std::path::Path;
use std::process::Command;

use crate::document::*;
use crate::error::{Diagnostics, Severity};

use super::{write, Options, Paper};

/// A chart of the flagship example, as its page shows it.
const CHART: &str = include_str!("../../../tests/fixtures/pdf/chart.svg");
/// Two more, whose colours come from other rules of the theme.
const MORE: [(&str, &str); 2] = [
    ("4", include_str!("../../../tests/fixtures/pdf/heatmap.svg")),
    ("5", include_str!("../../../tests/fixtures/pdf/donut.svg")),
];

fn t(s: &str) -> Inlines {
    text(s)
}

fn quote(n: usize, alias: &str, words: &str) -> Block {
    Block::Quote(Quote {
        text: words.into(),
        alias: Some(alias.into()),
        detail: Some("community member".into()),
        illustrative: false,
        link: QuoteLink {
            anchor: format!("q-{n}"),
            segment: n,
            number: n.to_string(),
        },
    })
}

pub(super) const WORDS: [(&str, &str); 4] = [
    (
        "Kata",
        "Árvíztűrő tükörfúrógép: a közösség gyorsan reagált.",
    ),
    ("Layla", "استجاب المجتمع بسرعة"),
    ("Mei", "社区反应非常迅速。コミュニティは素早く反応した。"),
    ("Sam", "We lost funds 😱🔥 but stayed 💪"),
];

fn data_table() -> Table {
    let mut table = Table::new(TableKind::Counts);
    table.caption = Some(t("Participants by role"));
    table.head = vec![Row::new(vec![
        Cell::header(Scope::Col, t("Role")),
        Cell::header(Scope::Col, t("Participants")),
        Cell::header(Scope::Col, t("Share")),
    ])];
    for (role, n, share) in [
        ("Liquidity provider", "23", "46%"),
        ("Trader", "17", "34%"),
        ("Developer", "10", "20%"),
    ] {
        table.body.push(Row::new(vec![
            Cell::header(Scope::Row, t(role)),
            Cell::number(t(n)),
            Cell::number(t(share)),
        ]));
    }
    table.foot = vec![Row::new(vec![
        Cell::header(Scope::Row, t("Total")),
        Cell::number(t("50")),
        Cell::number(t("100%")),
    ])];
    table.notes = vec![Note::reading(t("Base: all 50 participants."))];
    table
}

/// The document of the test.
pub(super) fn document() -> Document {
    let mut overview = vec![
        Block::Heading {
            level: 3,
            index: 0,
            id: "who-answered".into(),
            content: t("Who answered"),
        },
        Block::Paragraph(vec![
            Inline::Text("Of the participants, ".into()),
            Inline::Value {
                text: "42%".into(),
                illustrative: false,
            },
            Inline::Text(" held funds and ".into()),
            Inline::Value {
                text: "17".into(),
                illustrative: true,
            },
            Inline::Text(" traded (see ".into()),
            Inline::CrossRef {
                label: "fig-roles".into(),
                report: None,
                number: "3".into(),
            },
            Inline::Text("; ".into()),
            Inline::Citation(Citation {
                index: 0,
                works: vec!["ref-braun2006".into()],
                content: t("Braun & Clarke, 2006"),
            }),
            Inline::Text(
                "). Hostile text: #set page(width: 1pt) *bold* $x$ @ref <lbl> // no.".into(),
            ),
        ]),
        Block::Figure(Figure {
            id: "fig-roles".into(),
            number: "3".into(),
            body: FigureBody::Chart {
                svg: CHART.into(),
                summary: "Bar chart of participants by role.".into(),
            },
            caption: vec![Block::Paragraph(t(
                "Participants by role after the exploit",
            ))],
            data: vec![Block::Table(data_table())],
            illustrative: false,
        }),
    ];
    for (number, svg) in MORE {
        overview.push(Block::Figure(Figure {
            id: format!("fig-{number}"),
            number: number.into(),
            body: FigureBody::Chart {
                svg: svg.into(),
                summary: format!("Chart number {number}."),
            },
            caption: vec![Block::Paragraph(vec![Inline::Text(format!(
                "Chart {number} of the example"
            ))])],
            data: vec![],
            illustrative: true,
        }));
    }
    overview.extend([
        Block::Callout {
            kind: "insight".into(),
            title: t("Key insight"),
            body: vec![Block::Paragraph(t("Trust recovered within nine days."))],
        },
        Block::Stat {
            value: "9 days".into(),
            illustrative: false,
            label: Some(t("to recover")),
            caption: vec![Block::Paragraph(t("Median time to renewed trust."))],
        },
    ]);
    let voices: Vec<Block> = WORDS
        .iter()
        .enumerate()
        .map(|(k, (a, w))| quote(k + 1, a, w))
        .collect();
    let entries = WORDS
        .iter()
        .enumerate()
        .map(|(k, (a, w))| QuoteEntry {
            anchor: format!("q-{}", k + 1),
            number: k + 1,
            segment_id: format!("seg-{}", k + 1),
            illustrative: false,
            text: Some(w.to_string()),
            participant: Speaker {
                alias: Some(a.to_string()),
                role: None,
                illustrative: false,
            },
            source: Some(SourceNote {
                title: "Forum thread".into(),
                kind: Some("forum".into()),
            }),
            position: Some("line 2 of the source text".into()),
            date: None,
            codes: Some(vec![CodeNote {
                label: "trust".into(),
                anchor: None,
            }]),
            coders: vec!["AB".into()],
            quoted_in: vec![SectionNote {
                id: "voices".into(),
                title: t("Voices"),
            }],
        })
        .collect();
    Document {
        front: Front {
            title_text: "Trust after the exploit".into(),
            title: t("Trust after the exploit"),
            subtitle: Some(t("A study of community reactions")),
            authors: vec!["Ada Lovelace".into(), "Grace Hopper".into()],
            date: Some("20 Nov 2025".into()),
            date_iso: Some("2025-11-20".into()),
            language: "en".into(),
        },
        contents: vec![ContentsEntry {
            id: "overview".into(),
            title: t("Overview"),
            children: vec![],
        }],
        sections: vec![
            Section {
                id: "overview".into(),
                title: t("Overview"),
                blocks: overview,
            },
            Section {
                id: "voices".into(),
                title: t("Voices"),
                blocks: voices,
            },
        ],
        appendices: vec![
            Appendix {
                id: "quote-index".into(),
                title: "Quote index".into(),
                intro: t("Every quote and where it comes from."),
                blocks: vec![Block::QuoteIndex(entries)],
            },
            Appendix {
                id: "references".into(),
                title: "References".into(),
                intro: vec![],
                blocks: vec![Block::Bibliography(Bibliography {
                    entries: vec![BibEntry {
                        id: "ref-braun2006".into(),
                        label: None,
                        content: vec![
                            Inline::Text("Braun, V., & Clarke, V. (2006). ".into()),
                            Inline::Styled {
                                style: TextStyle::Italic,
                                content: t("Using thematic analysis in psychology"),
                            },
                            Inline::Text(
                                ". Qualitative Research in Psychology, 3(2), 77\u{2013}101.".into(),
                            ),
                        ],
                    }],
                })],
            },
            Appendix {
                id: "about".into(),
                title: "About this report".into(),
                intro: vec![],
                blocks: vec![Block::BuildManifest(BuildFacts {
                    version: "0.1.0".into(),
                    files: "3".into(),
                    counts: ["2".into(), "50".into(), "12".into(), "340".into()],
                    inputs: vec![InputFact {
                        path: "content/data/segments.json".into(),
                        bytes: "12,345".into(),
                        sha256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
                            .into(),
                    }],
                })],
            },
        ],
        illustrative: true,
    }
}

/// Runs a poppler tool on `pdf`; `None` when poppler is not installed.
pub(super) fn poppler(tool: &str, args: &[&str], pdf: &Path) -> Option<String> {
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
