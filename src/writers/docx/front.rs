//! The title block and the table of contents. The contents is a Word TOC
//! field (so Word rebuilds it with page numbers), marked dirty so Word
//! updates it on opening; its shown result is the report's own contents,
//! linked to the headings, for readers that do not compute fields.

use crate::document::{ContentsEntry, Front};

use super::ctx::Ctx;
use super::inlines::internal;
use super::para::{paragraph, with, Para};
use super::runs::{field_char, run, Fmt};

/// Writes the title, subtitle, authors and date.
pub fn title_block(ctx: &mut Ctx, f: &Front, illustrative: bool) {
    ctx.enter("the title block".to_string());
    if f.title.is_empty() {
        with(ctx, Para::styled("Title"), false, |ctx| {
            run(ctx, Fmt::default(), &f.title_text)
        });
    } else {
        paragraph(ctx, Para::styled("Title"), Fmt::default(), &f.title);
    }
    if let Some(subtitle) = &f.subtitle {
        paragraph(ctx, Para::styled("Subtitle"), Fmt::default(), subtitle);
    }
    if !f.authors.is_empty() {
        let authors = f.authors.join(", ");
        with(ctx, Para::styled("Author"), false, |ctx| {
            run(ctx, Fmt::default(), &authors)
        });
    }
    if let Some(date) = &f.date {
        with(ctx, Para::styled("Date"), false, |ctx| {
            run(ctx, Fmt::default(), date)
        });
    }
    if illustrative {
        let note = "Parts of this report rest on illustrative data, not study results; values computed from it are marked \u{2020}.";
        let italic = Fmt {
            italic: true,
            ..Fmt::default()
        };
        with(ctx, Para::default(), false, |ctx| run(ctx, italic, note));
    }
}

/// Writes the contents as a TOC field.
pub fn contents(ctx: &mut Ctx, entries: &[ContentsEntry]) {
    ctx.enter("the contents".to_string());
    with(ctx, Para::styled("TOCHeading"), false, |ctx| {
        run(ctx, Fmt::default(), "Contents")
    });
    let mut lines: Vec<(&ContentsEntry, &'static str)> = Vec::new();
    for e in entries {
        lines.push((e, "TOC1"));
        lines.extend(e.children.iter().map(|c| (c, "TOC2")));
    }
    with(ctx, Para::styled("TOC1"), false, |ctx| {
        ctx.xml.open("w:r", &[]);
        ctx.xml.empty(
            "w:fldChar",
            &[("w:fldCharType", "begin"), ("w:dirty", "true")],
        );
        ctx.xml.close("w:r");
        ctx.xml.open("w:r", &[]);
        let instruction = " TOC \\o \"1-3\" \\h \\z \\u ";
        ctx.xml
            .element("w:instrText", &[("xml:space", "preserve")], instruction);
        ctx.xml.close("w:r");
        field_char(ctx, "separate");
        if let Some((first, _)) = lines.first() {
            entry(ctx, first);
        }
    });
    for (e, style) in lines.iter().skip(1) {
        with(ctx, Para::styled(style), false, |ctx| entry(ctx, e));
    }
    with(ctx, Para::default(), false, |ctx| field_char(ctx, "end"));
}

fn entry(ctx: &mut Ctx, e: &ContentsEntry) {
    internal(ctx, Fmt::default(), &e.id, |ctx, f| {
        super::inlines::inlines(ctx, f, &e.title)
    });
}
