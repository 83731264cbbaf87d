//! `quote` and `quotes`: coded segments, verbatim, with their attribution.

use crate::analysis::select::{select, Selection};
use crate::document::{Block, Quote, QuoteLink};
use crate::error::did_you_mean;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;

use crate::markdown::lints;

use super::{needs_argument, Failure};

/// `{quote} SEGMENT-ID`.
pub fn one(r: &mut dyn Renderer<'_>, d: &Directive) -> Result<Vec<Block>, Failure> {
    let id = d.argument.trim();
    if id.is_empty() {
        return Err(needs_argument("quote", "segment-id"));
    }
    let study = r.ctx().study;
    let i = study.segment_position(id).ok_or_else(|| {
        let help = did_you_mean(id, study.segment_ids()).map_or_else(
            || match &study.files.segments {
                Some(file) => format!(
                    "use the id of a segment of {} (a {{quote-index}} lists each with its id)",
                    file.display()
                ),
                None => "the study has no segments: add content/data/segments.json, or a coded export to content/data/".to_string(),
            },
            |m| format!("did you mean `{m}`?"),
        );
        (format!("unknown segment `{id}`"), help)
    })?;
    let field = role_field(d)?;
    text_not_private(r)?;
    let marked = marked(d)?;
    let quote = segment(r, i, field);
    check(r, i, field, marked, d.at);
    Ok(vec![Block::Quote(quote)])
}

/// `{quotes} SELECTION` with `:limit:`.
pub fn many(r: &mut dyn Renderer<'_>, d: &Directive) -> Result<Vec<Block>, Failure> {
    if d.argument.trim().is_empty() {
        return Err(needs_argument("quotes", "segments[code=diversification]"));
    }
    let sel = Selection::parse(&d.argument)
        .map_err(|e| (e, "e.g. ```{quotes} segments[stance=deeper-crisis]".into()))?;
    if sel.dataset != "segments" {
        return Err((
            format!("`{{quotes}}` selects segments, not {}", sel.dataset),
            "write segments[…]".into(),
        ));
    }
    let m = select(r.ctx().study, &sel)?;
    let limit = match d.option("limit") {
        Some(l) => l.parse::<usize>().map_err(|_| {
            (
                format!("`:limit:` must be a whole number, not `{l}`"),
                "e.g. :limit: 3".into(),
            )
        })?,
        None => usize::MAX,
    };
    let field = role_field(d)?;
    text_not_private(r)?;
    let marked = marked(d)?;
    let mut quotes = Vec::new();
    for &i in m.indices.iter().take(limit) {
        quotes.push(segment(r, i, field));
        check(r, i, field, marked, d.at);
    }
    Ok(vec![Block::Quotes(quotes)])
}

/// A quote is its segment's text: with `segments.text` private there is
/// nothing a quote could show.
fn text_not_private(r: &dyn Renderer<'_>) -> Result<(), Failure> {
    let privacy = &r.ctx().study.privacy;
    match privacy.private_entry(crate::analysis::select::Kind::Segments, "segments", "text") {
        Some(entry) => Err((
            format!("quotes show segment text, and `{entry}` is private"),
            "remove the quote, or take segments.text off the private list in report.toml".into(),
        )),
        None => Ok(()),
    }
}

/// `:illustrative:` says, in the source, that the author knows the quote
/// rests on made-up data; the page marks it either way.
fn marked(d: &Directive) -> Result<bool, Failure> {
    match d.option("illustrative") {
        None => Ok(false),
        Some("" | "true" | "yes") => Ok(true),
        Some(other) => Err((
            format!("`:illustrative:` takes no value, not `{other}`"),
            "write :illustrative: alone".into(),
        )),
    }
}

/// The quote lints: personal data in the text, and made-up data shown
/// without `:illustrative:`.
fn check(r: &mut dyn Renderer<'_>, i: usize, field: &str, marked: bool, at: usize) {
    let study = r.ctx().study;
    let s = &study.segments[i];
    let p = study.speaker(i);
    lints::personal(r, i, at);
    let made_up = s.illustrative.touches(&["text"]) || p.illustrative.touches(&["alias", field]);
    if made_up && !marked {
        r.lint(
            lints::UNMARKED_QUOTE,
            at,
            format!(
                "the quote of segment `{}` rests on illustrative data, and the section does not say so",
                s.id
            ),
            "add :illustrative: to the directive to say you mean to show it".into(),
        );
    }
}

fn role_field(d: &Directive) -> Result<&'static str, Failure> {
    match d.option("role").unwrap_or("role") {
        "role" => Ok("role"),
        "persona" => Ok("persona"),
        other => Err((
            format!("`:role:` is `{other}`"),
            "use :role: role or :role: persona".into(),
        )),
    }
}

/// The link from a quote to its quote-index entry, numbered there (`Q3`);
/// notes the segment as quoted.
pub fn quote_link(r: &mut dyn Renderer<'_>, i: usize) -> QuoteLink {
    r.trail().quote(i);
    QuoteLink {
        anchor: crate::slug::record_anchor("q", &r.ctx().study.segments[i].id),
        segment: i,
        number: String::new(),
    }
}

/// Segment `i` as a quote, attributed by its participant's alias and
/// `field` (role or persona).
fn segment(r: &mut dyn Renderer<'_>, i: usize, field: &str) -> Quote {
    let study = r.ctx().study;
    let s = &study.segments[i];
    let p = study.speaker(i);
    // A quote is made up when its segment is, or when the words or the
    // attribution it shows are.
    let illustrative =
        s.illustrative.touches(&["text"]) || p.illustrative.touches(&["alias", field]);
    // Private attribution fields are left out, not shown.
    let privacy = &study.privacy;
    let alias = (!privacy.participant_field_private("alias")).then(|| p.alias.clone());
    let detail = if field == "persona" {
        &p.persona
    } else {
        &p.role
    };
    let detail =
        (!detail.is_empty() && !privacy.participant_field_private(field)).then(|| detail.clone());
    // Coders select whole lines: the line break at the end is no word.
    let text = s.text.trim().to_string();
    if illustrative {
        r.illustrative();
    }
    let link = quote_link(r, i);
    Quote {
        text,
        alias,
        detail,
        illustrative,
        link,
    }
}
