//! Quotes, the quote index, the bibliography and the build manifest:
//! each quote-index and bibliography entry carries a bookmark, so quote
//! numbers and citations link to it.

use crate::document::{BibEntry, Bibliography, BuildFacts, Quote, QuoteEntry};

use super::ctx::Ctx;
use super::inlines::internal;
use super::para::{with, Para};
use super::runs::{mostly_rtl, run, Fmt};

/// Writes a quote: the words in the Quote style, then who said it and
/// the link to its entry in the quote index.
pub fn quote(ctx: &mut Ctx, q: &Quote) {
    let words = format!("\u{201c}{}\u{201d}", q.text);
    let p = Para {
        keep_next: true,
        ..Para::styled("Quote")
    };
    with(ctx, p, mostly_rtl(&q.text), |ctx| {
        run(ctx, Fmt::default(), &words)
    });
    let p = Para {
        align: Some("right"),
        ..Para::styled("Quote")
    };
    with(ctx, p, false, |ctx| {
        let upright = Fmt::default();
        run(ctx, upright, "\u{2014} ");
        run(ctx, upright, q.alias.as_deref().unwrap_or("A participant"));
        if let Some(detail) = &q.detail {
            run(ctx, upright, &format!(", {detail}"));
        }
        if q.illustrative {
            run(ctx, upright, " [Illustrative]");
        }
        run(ctx, upright, " ");
        let shown = format!("Q{}", q.link.number);
        internal(ctx, upright, &q.link.anchor, |ctx, f| run(ctx, f, &shown));
    });
}

/// Writes the quote index: per entry its number and segment id (the
/// bookmark quote links point at), the words, and where they come from.
pub fn index(ctx: &mut Ctx, entries: &[QuoteEntry]) {
    for e in entries {
        entry(ctx, e);
    }
}

fn entry(ctx: &mut Ctx, e: &QuoteEntry) {
    let p = Para {
        keep_next: true,
        ..Para::default()
    };
    with(ctx, p, false, |ctx| {
        let n = ctx.bookmark_start(&e.anchor);
        let bold = Fmt {
            bold: true,
            ..Fmt::default()
        };
        run(ctx, bold, &format!("Q{}", e.number));
        ctx.bookmark_end(n);
        run(ctx, Fmt::default(), " ");
        let code = Fmt {
            style: Some("HTMLCode"),
            ..Fmt::default()
        };
        run(ctx, code, &e.segment_id);
        if e.illustrative {
            run(ctx, Fmt::default(), " [Illustrative]");
        }
    });
    let text = e.text.as_deref().unwrap_or("");
    let p = Para {
        keep_next: true,
        ..Para::styled("Quote")
    };
    with(ctx, p, mostly_rtl(text), |ctx| {
        run(ctx, Fmt::default(), &format!("\u{201c}{text}\u{201d}"))
    });
    let mut speaker = e
        .participant
        .alias
        .clone()
        .unwrap_or_else(|| "A participant".to_string());
    if let Some(role) = &e.participant.role {
        speaker.push_str(", ");
        speaker.push_str(role);
    }
    if e.participant.illustrative {
        speaker.push_str(" [Illustrative]");
    }
    provenance(ctx, "Participant", &speaker);
    if let Some(src) = &e.source {
        let value = match &src.kind {
            Some(kind) => format!("{} ({kind})", src.title),
            None => src.title.clone(),
        };
        provenance(ctx, "Source", &value);
    }
    for (term, value) in [("Position", &e.position), ("Date", &e.date)] {
        if let Some(value) = value {
            provenance(ctx, term, value);
        }
    }
    if let Some(codes) = &e.codes {
        let labels: Vec<&str> = codes.iter().map(|c| c.label.as_str()).collect();
        provenance(ctx, "Codes", &labels.join(", "));
    }
    if !e.coders.is_empty() {
        let term = if e.coders.len() == 1 {
            "Coder"
        } else {
            "Coders"
        };
        provenance(ctx, term, &e.coders.join(", "));
    }
    if !e.quoted_in.is_empty() {
        with(ctx, Para::styled("Compact"), false, |ctx| {
            run(ctx, bold(), "Quoted in: ");
            for (k, s) in e.quoted_in.iter().enumerate() {
                if k > 0 {
                    run(ctx, Fmt::default(), ", ");
                }
                internal(ctx, Fmt::default(), &s.id, |ctx, f| {
                    super::inlines::inlines(ctx, f, &s.title)
                });
            }
        });
    }
}

fn bold() -> Fmt {
    Fmt {
        bold: true,
        ..Fmt::default()
    }
}

/// One line of where a quote comes from: "Source: …".
fn provenance(ctx: &mut Ctx, term: &str, value: &str) {
    with(ctx, Para::styled("Compact"), mostly_rtl(value), |ctx| {
        run(ctx, bold(), &format!("{term}: "));
        run(ctx, Fmt::default(), value);
    });
}

/// Writes the works cited, one Bibliography paragraph per work, each
/// with the bookmark its citations link to.
pub fn bibliography(ctx: &mut Ctx, b: &Bibliography) {
    for e in &b.entries {
        bib_entry(ctx, e);
    }
}

fn bib_entry(ctx: &mut Ctx, e: &BibEntry) {
    let mut text = String::new();
    super::inlines::plain(&e.content, &mut text);
    with(
        ctx,
        Para::styled("Bibliography"),
        mostly_rtl(&text),
        |ctx| {
            let n = ctx.bookmark_start(&e.id);
            if let Some(label) = &e.label {
                super::inlines::inlines(ctx, Fmt::default(), label);
                super::runs::tab(ctx);
            }
            super::inlines::inlines(ctx, Fmt::default(), &e.content);
            ctx.bookmark_end(n);
        },
    );
}

/// Writes what the report was built from: the counts, how to verify it,
/// and every input file with its SHA-256.
pub fn manifest(ctx: &mut Ctx, facts: &BuildFacts) {
    let [sources, participants, codes, segments] = &facts.counts;
    let sentence = format!(
        "Built by findings {} from {} input files: {sources} sources, {participants} participants, {codes} codes and {segments} coded segments. Every number, chart and quote above was computed from these files at build time.",
        facts.version, facts.files
    );
    with(ctx, Para::default(), false, |ctx| {
        run(ctx, Fmt::default(), &sentence)
    });
    super::tables::table(ctx, &super::properties::inputs_table(facts));
}
