//! `{sources}`: where the data was collected, with what each source holds.

use crate::document::{text, Block, Cell, Row, Scope, Table, TableKind};
use crate::markdown::context::{Directive, Renderer};

use super::super::Failure;

/// The sources, each with its kind, description and how many segments and
/// participants it gave.
pub fn render(r: &mut dyn Renderer<'_>, _: &Directive, _: usize) -> Result<Vec<Block>, Failure> {
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
    let mut table = Table::new(TableKind::Sources);
    table.caption = Some(text("Sources"));
    let head = ["Source", "Kind", "Description", "Segments", "Participants"];
    let head = head.iter().map(|h| Cell::header(Scope::Col, text(h)));
    table.head.push(Row::new(head.collect()));
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
        table.body.push(Row::new(vec![
            Cell::header(Scope::Row, text(&src.title)),
            Cell::data(text(&src.kind)),
            Cell::data(text(&src.description)),
            Cell::number(text(&privacy.count(segments, f))),
            Cell::number(text(&privacy.count(people.len() as u64, f))),
        ]));
    }
    Ok(vec![Block::Table(table)])
}
