//! `{sources}`: where the data was collected, with what each source holds.

use std::fmt::Write;

use crate::escape::{html, push_html};
use crate::markdown::context::{Directive, Renderer};

use super::super::Failure;

/// The sources, each with its kind, description and how many segments and
/// participants it gave.
pub fn render(r: &mut dyn Renderer<'_>, _: &Directive, _: usize) -> Result<String, Failure> {
    let ctx = r.ctx();
    let study = ctx.study;
    let f = ctx.format;
    if study.sources.is_empty() {
        return Err((
            "`{sources}` lists the study's sources, and it has none".into(),
            "add content/data/sources.json, or remove the directive".into(),
        ));
    }
    let privacy = &study.privacy;
    let mut out = String::from("<div class=\"table-wrap\"><table class=\"sources-table\">\n<caption>Sources</caption>\n<thead><tr><th scope=\"col\">Source</th><th scope=\"col\">Kind</th><th scope=\"col\">Description</th><th scope=\"col\">Segments</th><th scope=\"col\">Participants</th></tr></thead>\n<tbody>\n");
    // One pass over the segments: each source's segments and speakers.
    let mut speakers: Vec<Vec<usize>> = vec![Vec::new(); study.sources.len()];
    for (i, s) in study.segments.iter().enumerate() {
        if let Some(k) = s
            .source
            .as_deref()
            .and_then(|id| study.sources.iter().position(|x| x.id == id))
        {
            speakers[k].push(study.segment_participant[i]);
        }
    }
    for (src, mut people) in study.sources.iter().zip(speakers) {
        let segments = people.len() as u64;
        people.sort_unstable();
        people.dedup();
        out.push_str("<tr><th scope=\"row\">");
        push_html(&mut out, &src.title);
        let _ = write!(
            out,
            "</th><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            html(&src.kind),
            html(&src.description),
            html(&privacy.count(segments, f)),
            html(&privacy.count(people.len() as u64, f)),
        );
        out.push('\n');
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    Ok(out)
}
