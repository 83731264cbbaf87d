//! A report document made by hand with every kind of node the Word
//! writer must show: values, cross-references, citations, a chart, a
//! table with header, footer and notes, quotes in Hungarian, Arabic,
//! Chinese and emoji, a callout, the quote index and the bibliography.

use crate::document::*;

/// The chart: a real one, taken from the flagship example's page.
pub const CHART_SVG: &str = include_str!("../../../../tests/fixtures/docx_chart.svg");
pub const SUMMARY: &str = "Community sentiment index: 73 points from 20 Oct 2025 to 31 Dec 2025.";

/// Quotes: (anchor, text).
pub const QUOTES: [(&str, &str); 4] = [
    ("q-hu", "Nagyon féltem, hogy elvész minden megtakarításom."),
    ("q-ar", "لقد فقدت الثقة في المنصة بعد الاختراق"),
    ("q-zh", "资金被盗以后，我们整晚都在讨论。"),
    ("q-emoji", "Honestly 😱 then 🙏 when the funds came back"),
];

fn t(s: &str) -> Inlines {
    text(s)
}

fn quote(k: usize) -> Quote {
    Quote {
        text: QUOTES[k].1.to_string(),
        alias: Some(format!("P{}", k + 1)),
        detail: Some("trader".to_string()),
        illustrative: false,
        link: QuoteLink {
            anchor: QUOTES[k].0.to_string(),
            segment: k,
            number: (k + 1).to_string(),
        },
    }
}

fn intro() -> Section {
    let para = vec![
        Inline::Text("Of the participants, ".into()),
        Inline::Value {
            text: "42%".into(),
            illustrative: false,
        },
        Inline::Text(" saw a deeper crisis and ".into()),
        Inline::Value {
            text: "17".into(),
            illustrative: true,
        },
        Inline::Text(" left (see ".into()),
        Inline::CrossRef {
            label: "fig-sentiment".into(),
            report: None,
            number: "1".into(),
        },
        Inline::Text("; ".into()),
        Inline::Citation(Citation {
            index: 0,
            works: vec!["ref-braun".into()],
            content: t("Braun & Clarke, 2006"),
        }),
        Inline::Text(").\u{1} ".into()),
        Inline::Strong(t("Bold words")),
        Inline::Text(" and ".into()),
        Inline::Link {
            url: "https://example.org/a?b=1&c=2".into(),
            title: String::new(),
            content: t("a link"),
        },
    ];
    Section {
        id: "intro".into(),
        title: t("Introduction"),
        blocks: vec![
            Block::Paragraph(para),
            Block::Heading {
                level: 3,
                index: 0,
                id: "intro-method".into(),
                content: t("How we asked"),
            },
            Block::List {
                start: None,
                items: vec![
                    vec![Block::Plain(t("first bullet"))],
                    vec![Block::Plain(t("second bullet"))],
                ],
            },
            Block::List {
                start: Some(3),
                items: vec![vec![Block::Plain(t("third step"))]],
            },
            Block::Callout {
                kind: "insight".into(),
                title: t("Key insight"),
                body: vec![Block::Paragraph(t("Trust fell fast."))],
            },
            Block::Stat {
                value: "73".into(),
                illustrative: false,
                label: Some(t("days observed")),
                caption: vec![Block::Paragraph(t("From October to December."))],
            },
        ],
    }
}

fn data_table() -> Table {
    let mut d = Table::new(TableKind::ChartData);
    d.head.push(Row::new(vec![
        Cell::header(Scope::Col, t("Date")),
        Cell::header(Scope::Col, t("Index")),
    ]));
    d.body.push(Row::new(vec![
        Cell::header(Scope::Row, t("20 Oct 2025")),
        Cell::number(t("56.9")),
    ]));
    d
}

fn counts_table() -> Table {
    let mut c = Table::new(TableKind::Counts);
    c.caption = Some(t("Participants by stance"));
    c.number = Some("1".into());
    c.head.push(Row::new(vec![
        Cell::header(Scope::Col, t("Stance")),
        Cell::header(Scope::Col, t("Participants")),
    ]));
    for (stance, n) in [("Deeper crisis", "12"), ("Isolated incident", "9")] {
        c.body.push(Row::new(vec![
            Cell::header(Scope::Row, t(stance)),
            Cell::number(t(n)),
        ]));
    }
    c.foot.push(Row::new(vec![
        Cell::header(Scope::Row, t("Total")),
        Cell::number(t("21")),
    ]));
    c.notes.push(Note::reading(t("Base: 21 participants.")));
    c
}

fn results() -> Section {
    let figure = Figure {
        id: "fig-sentiment".into(),
        index: 0,
        number: "1".into(),
        body: FigureBody::Chart {
            svg: CHART_SVG.into(),
            summary: SUMMARY.into(),
        },
        caption: vec![Block::Paragraph(t("Sentiment over the quarter."))],
        data: vec![Block::Table(data_table())],
        illustrative: true,
    };
    Section {
        id: "results".into(),
        title: t("Results"),
        blocks: vec![
            Block::Figure(figure),
            Block::Table(counts_table()),
            Block::Quote(quote(0)),
            Block::Quotes(vec![quote(1), quote(2), quote(3)]),
        ],
    }
}

fn quote_index() -> Vec<QuoteEntry> {
    (0..4)
        .map(|k| QuoteEntry {
            anchor: QUOTES[k].0.into(),
            number: k + 1,
            segment_id: format!("s-{k}"),
            illustrative: false,
            text: Some(QUOTES[k].1.into()),
            participant: Speaker {
                alias: Some(format!("P{}", k + 1)),
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
            coders: vec!["ana".into()],
            quoted_in: vec![SectionNote {
                id: "results".into(),
                title: t("Results"),
            }],
        })
        .collect()
}

fn bibliography() -> Bibliography {
    let entry = |id: &str, content: Inlines| BibEntry {
        id: id.into(),
        label: None,
        content,
    };
    Bibliography {
        entries: vec![
            entry(
                "ref-braun",
                vec![
                    Inline::Text(
                        "Braun, V., & Clarke, V. (2006). Using thematic analysis in psychology. "
                            .into(),
                    ),
                    Inline::Styled {
                        style: TextStyle::Italic,
                        content: t("Qualitative Research in Psychology"),
                    },
                    Inline::Text(", 3(2), 77–101.".into()),
                ],
            ),
            entry(
                "ref-small",
                vec![
                    Inline::Styled {
                        style: TextStyle::SmallCaps,
                        content: t("Saldaña, J."),
                    },
                    Inline::Text(" (2021). The coding manual.".into()),
                ],
            ),
        ],
    }
}

/// The whole report.
pub fn document() -> Document {
    let facts = BuildFacts {
        version: "0.1.0".into(),
        files: "3".into(),
        counts: ["2".into(), "21".into(), "14".into(), "88".into()],
        inputs: vec![InputFact {
            path: "content/data/segments.json".into(),
            bytes: "1024".into(),
            sha256: "ab".repeat(32),
        }],
    };
    let appendix = |id: &str, title: &str, blocks: Vec<Block>| Appendix {
        id: id.into(),
        title: title.into(),
        intro: Vec::new(),
        blocks,
    };
    Document {
        front: Front {
            title_text: "Wörd öutput: a study".into(),
            title: t("Wörd öutput: a study"),
            subtitle: Some(t("Community reactions")),
            authors: vec!["Ana Kovács".into(), "Omar Ali".into()],
            date: Some("20 Nov 2025".into()),
            date_iso: Some("2025-11-20".into()),
            language: "en".into(),
        },
        contents: vec![
            ContentsEntry {
                id: "intro".into(),
                title: t("Introduction"),
                children: vec![ContentsEntry {
                    id: "intro-method".into(),
                    title: t("How we asked"),
                    children: vec![],
                }],
            },
            ContentsEntry {
                id: "results".into(),
                title: t("Results"),
                children: vec![],
            },
        ],
        sections: vec![intro(), results()],
        appendices: vec![
            appendix(
                "quote-index",
                "Quote index",
                vec![Block::QuoteIndex(quote_index())],
            ),
            appendix(
                "references",
                "References",
                vec![Block::Bibliography(bibliography())],
            ),
            appendix(
                "about",
                "About this report",
                vec![Block::BuildManifest(facts)],
            ),
        ],
        illustrative: true,
    }
}
