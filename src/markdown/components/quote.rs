//! `quote` and `quotes`: coded segments, verbatim, with their attribution.

use crate::analysis::select::{select, Selection};
use crate::error::did_you_mean;
use crate::escape::push_html;
use crate::markdown::context::Directive;
use crate::markdown::context::Renderer;

use crate::markdown::context::MARK;
use crate::markdown::lints;

use super::{needs_argument, Failure};

/// `{quote} SEGMENT-ID`.
pub fn one(r: &mut dyn Renderer<'_>, d: &Directive) -> Result<String, Failure> {
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
    let mut html = String::new();
    segment(r, i, field, &mut html);
    check(r, i, field, marked, d.at);
    Ok(html)
}

/// `{quotes} SELECTION` with `:limit:`.
pub fn many(r: &mut dyn Renderer<'_>, d: &Directive) -> Result<String, Failure> {
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
    let mut html = String::from("<div class=\"quotes\">\n");
    for &i in m.indices.iter().take(limit) {
        segment(r, i, field, &mut html);
        check(r, i, field, marked, d.at);
    }
    html.push_str("</div>\n");
    Ok(html)
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
pub fn provenance_link(r: &mut dyn Renderer<'_>, i: usize) -> String {
    r.trail().quote(i);
    let id = &r.ctx().study.segments[i].id;
    let anchor = crate::slug::record_anchor("q", id);
    format!(
        "<a class=\"quote-link\" href=\"#{}\" title=\"Where this quote comes from\">Q{MARK}N{i}{MARK}</a>",
        crate::escape::html(&anchor)
    )
}

fn segment(r: &mut dyn Renderer<'_>, i: usize, field: &str, html: &mut String) {
    let study = r.ctx().study;
    let s = &study.segments[i];
    let p = study.speaker(i);
    // A quote is made up when its segment is, or when the words or the
    // attribution it shows are.
    let illustrative =
        s.illustrative.touches(&["text"]) || p.illustrative.touches(&["alias", field]);
    if illustrative {
        r.illustrative();
    }
    html.push_str(if illustrative {
        "<figure class=\"quote illustrative\">"
    } else {
        "<figure class=\"quote\">"
    });
    html.push_str("<blockquote><p>\u{201c}");
    // Coders select whole lines: the line break at the end is no word.
    push_html(html, s.text.trim());
    html.push_str("\u{201d}</p></blockquote><figcaption>\u{2014} ");
    // Private attribution fields are left out, not shown.
    let privacy = &study.privacy;
    let alias = (!privacy.participant_field_private("alias")).then_some(p.alias.as_str());
    let detail = if field == "persona" {
        &p.persona
    } else {
        &p.role
    };
    let detail = (!detail.is_empty() && !privacy.participant_field_private(field))
        .then_some(detail.as_str());
    match alias {
        Some(alias) => {
            html.push_str("<span class=\"quote-alias\">");
            push_html(html, alias);
            html.push_str("</span>");
        }
        None => html.push_str("<span class=\"quote-alias\">A participant</span>"),
    }
    if let Some(detail) = detail {
        html.push_str(", <span class=\"quote-role\">");
        push_html(html, detail);
        html.push_str("</span>");
    }
    if illustrative {
        html.push_str(" <span class=\"badge\">Illustrative</span>");
    }
    html.push(' ');
    html.push_str(&provenance_link(r, i));
    html.push_str("</figcaption></figure>\n");
}
