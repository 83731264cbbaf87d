//! The document of the PDF writer's tests, made by hand: headings,
//! values (one illustrative), a cross-reference and a citation, three
//! charts of the flagship example, a table with header, footer and
//! notes, a callout, a stat, quotes in Hungarian, Arabic, Chinese and
//! Japanese and with emoji, the quote index, references and the manifest.

use crate::document::*;

/// A chart of the flagship example, as its page shows it.
const CHART: &str = include_str!("../../../../tests/fixtures/pdf/chart.svg");
/// Two more, whose colours come from other rules of the theme.
const MORE: [(&str, &str); 2] = [
    (
        "4",
        include_str!("../../../../tests/fixtures/pdf/heatmap.svg"),
    ),
    (
        "5",
        include_str!("../../../../tests/fixtures/pdf/donut.svg"),
    ),
];

/// Plain text.
pub fn t(s: &str) -> Inlines {
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

pub const WORDS: [(&str, &str); 4] = [
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
pub fn document() -> Document {
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
            index: 0,
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
            index: 0,
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
