//! `{codebook}`: the code tree with descriptions, how many segments and
//! participants each code has (its sub-codes included), and example
//! quotes, each linked to the quote index.

use crate::analysis::codes::code_rows;
use crate::analysis::select::{select, Selection};
use crate::analysis::CodeSort;
use crate::document::{
    text, Block, Cell, CodePlace, Content, Inline, Note, NoteKind, Row, RowKind, Scope, Table,
    TableKind,
};
use crate::markdown::context::{Directive, Renderer};
use crate::markdown::lints;
use crate::slug::record_anchor;

use super::super::code_options;
use super::super::quote::quote_link;
use super::super::Failure;

/// The options of `{codebook}`.
pub const OPTIONS: &[&str] = &[
    "examples", "codes", "under", "level", "sort", "top", "caption",
];

/// Longest example shown, in characters; the quote index has the rest.
const EXAMPLE_CHARS: usize = 240;

/// `{codebook}` with `:examples: N` (1 by default, 0 for none) and the
/// code options.
pub fn render(r: &mut dyn Renderer<'_>, d: &Directive, _: usize) -> Result<Vec<Block>, Failure> {
    let ctx = r.ctx();
    let study = ctx.study;
    let f = ctx.format;
    if study.codes.is_empty() {
        return Err((
            "`{codebook}` lists the study's codes, and it has none".into(),
            "add content/data/codebook.json, or remove the directive".into(),
        ));
    }
    let examples = match d.option("examples") {
        None => 1,
        Some(n) => n.trim().parse::<usize>().map_err(|_| {
            (
                format!("`:examples:` must be a whole number, not `{n}`"),
                "e.g. :examples: 2, or :examples: 0 for none".into(),
            )
        })?,
    };
    let text_private = study
        .privacy
        .private_entry(crate::analysis::select::Kind::Segments, "segments", "text")
        .is_some();
    let examples = if text_private { 0 } else { examples };
    let mut q = code_options::query(study, d, CodeSort::Codebook)?;
    let all = Selection::parse("segments").map_err(|e| (e, String::new()))?;
    let m = select(study, &all)?;
    // With nothing coded the codebook is the tree alone; otherwise codes
    // on no segment are named once in a note rather than as rows of zeros.
    let coded = !m.indices.is_empty();
    q.keep_empty = !coded;
    let rows = code_rows(&m, &q);
    let unused = if coded { unused(&m, &q) } else { Vec::new() };
    let hierarchy = code_options::hierarchy(study, &rows);
    let privacy = &study.privacy;
    let (ns, np) = (rows.base_segments, rows.base_participants);
    let caption = d.option("caption").map_or_else(
        || text("Codebook"),
        |c| crate::markdown::inline::inline(c, ctx.raw_html),
    );
    let mut table = Table::new(TableKind::Codebook);
    table.caption = Some(caption);
    let mut head = vec![Cell::header(
        Scope::Col,
        text(head(study, &rows, examples, coded)),
    )];
    if coded {
        head.push(share_head("Segments", &f.count(ns)));
        head.push(share_head("Participants", &f.count(np)));
    }
    table.head.push(Row::new(head));
    let columns = if coded { 3 } else { 1 };
    let mut listed = Vec::with_capacity(rows.rows.len());
    let mut illustrative = false;
    let shared = shared_labels(study);
    for (k, row) in rows.rows.iter().enumerate() {
        let code = &study.codes[row.code];
        listed.push(row.code);
        // The entry is the target of the quote index's code links.
        let mut cells = vec![Cell {
            id: Some(record_anchor("code", &code.id)),
            place: hierarchy.place(k),
            ..Cell::header(Scope::Row, name(&code.id, &code.label, &shared))
        }];
        if coded {
            cells.push(counted(
                privacy.count(row.segments, f),
                privacy.share(row.segments, ns, f.ratio(row.segments, ns), f),
            ));
            cells.push(counted(
                privacy.count(row.participants, f),
                privacy.share(row.participants, np, f.ratio(row.participants, np), f),
            ));
        }
        table.body.push(Row {
            kind: RowKind::Entry,
            cells,
        });
        let picked = if examples > 0 {
            picks(study, row.code, examples)
        } else {
            Vec::new()
        };
        if code.description.is_empty() && picked.is_empty() {
            continue;
        }
        let mut blocks = Vec::new();
        if !code.description.is_empty() {
            blocks.push(Block::CodeDescription(text(&code.description)));
        }
        for i in picked {
            lints::personal(r, i, d.at);
            illustrative |= study.segments[i].illustrative.touches(&["text"]);
            blocks.push(example(r, i));
        }
        table.body.push(detail(blocks, columns, hierarchy.place(k)));
    }
    close(&mut table, &rows, coded, f);
    if !unused.is_empty() {
        table.notes.push(unused_note(study, &unused, &shared));
        listed.extend(&unused);
    }
    if illustrative {
        r.illustrative();
    }
    let place = r.locate(d.at, 1);
    r.trail().codebooks.push((place, listed));
    Ok(vec![Block::Table(table)])
}

/// The description and examples of the code at `place`: they run under
/// the code across the whole table, so the numbers keep their columns at
/// any length.
fn detail(blocks: Vec<Block>, columns: usize, place: Option<CodePlace>) -> Row {
    let depth = match place {
        Some(CodePlace::Depth { depth, .. }) => depth,
        _ => 0,
    };
    Row {
        kind: RowKind::Detail,
        cells: vec![Cell {
            content: Content::Blocks(blocks),
            span: columns,
            place: Some(CodePlace::Depth {
                depth,
                parent: false,
            }),
            ..Cell::data(Vec::new())
        }],
    }
}

/// A column head of counts with the base of their shares.
fn share_head(what: &str, base: &str) -> Cell {
    Cell {
        numeric: true,
        ..Cell::header(
            Scope::Col,
            vec![
                Inline::Text(format!("{what} ")),
                Inline::Share(format!("share of {base}")),
            ],
        )
    }
}

/// A count and its share.
fn counted(count: String, share: String) -> Cell {
    Cell::number(vec![
        Inline::Text(format!("{count} ")),
        Inline::Share(share),
    ])
}

/// Segment `i` as a codebook example: its words (shortened), who said
/// them and the link to where they come from.
fn example(r: &mut dyn Renderer<'_>, i: usize) -> Block {
    let study = r.ctx().study;
    let speaker = if study.privacy.participant_field_private("alias") {
        "A participant".to_string()
    } else {
        study.speaker(i).alias.clone()
    };
    let quoted = shorten(study.segments[i].text.trim());
    Block::CodeExample(vec![
        Inline::Quoted(text(&quoted)),
        Inline::Text(" ".into()),
        Inline::Speaker(text(&speaker)),
        Inline::Text(" ".into()),
        Inline::QuoteLink(quote_link(r, i)),
    ])
}

/// The rows' descriptions and examples, as the first column's head says.
fn head(
    study: &crate::model::study::Study,
    rows: &crate::analysis::CodeRows,
    examples: usize,
    coded: bool,
) -> &'static str {
    let described = rows
        .rows
        .iter()
        .any(|r| !study.codes[r.code].description.is_empty());
    match (described, examples > 0 && coded) {
        (true, true) if examples == 1 => "Code (id), description and an example",
        (true, true) => "Code (id), description and examples",
        (true, false) => "Code (id) and description",
        (false, true) if examples == 1 => "Code (id) and an example",
        (false, true) => "Code (id) and examples",
        (false, false) => "Code (id)",
    }
}

/// The codes the query shows that no segment carries, whatever `:top:`.
fn unused(
    m: &crate::analysis::select::Matches,
    q: &crate::analysis::codes::CodeQuery,
) -> Vec<usize> {
    let mut q = q.clone();
    q.keep_empty = true;
    q.top = None;
    code_rows(m, &q)
        .rows
        .iter()
        .filter(|r| r.segments == 0)
        .map(|r| r.code)
        .collect()
}

/// The totals (when anything is coded) and the table's note.
fn close(
    table: &mut Table,
    rows: &crate::analysis::CodeRows,
    coded: bool,
    f: &crate::model::numbers::NumberFormat,
) {
    let (ns, np) = (rows.base_segments, rows.base_participants);
    if coded {
        let base = format!(
            "Segments (n = {}), participants (n = {})",
            f.count(ns),
            f.count(np)
        );
        table.foot.push(Row::new(vec![
            Cell::header(Scope::Row, text(&base)),
            counted(f.count(ns), f.percent(100.0)),
            counted(f.count(np), f.percent(if np > 0 { 100.0 } else { 0.0 })),
        ]));
    }
    let note = if coded {
        let mut note = "A segment can carry several codes, so the shares do not add up to 100%; a parent code counts the segments of its sub-codes once each.".to_string();
        if let Some(top) = code_options::top_note(rows) {
            note.push_str(&format!(" {top}."));
        }
        note
    } else {
        "No segment is coded yet, so the codebook shows no counts.".into()
    };
    table.notes.push(Note::reading(text(&note)));
}

/// The note naming the codes on no segment, once each, with their ids
/// (each a link target, as its row would have been).
fn unused_note(
    study: &crate::model::study::Study,
    unused: &[usize],
    shared: &std::collections::HashSet<&str>,
) -> Note {
    let count = match unused.len() {
        1 => "One code is".to_string(),
        n => format!("{n} codes are"),
    };
    let mut content = vec![Inline::Text(format!(
        "{count} on no segment, so not in the table: "
    ))];
    for (k, &c) in unused.iter().enumerate() {
        if k > 0 {
            content.push(Inline::Text(", ".into()));
        }
        let code = &study.codes[c];
        content.push(Inline::Target {
            id: record_anchor("code", &code.id),
            content: name(&code.id, &code.label, shared),
        });
    }
    content.push(Inline::Text(".".into()));
    Note {
        kind: NoteKind::Omitted,
        content,
    }
}

/// The labels more than one code has: such a label names no code, so
/// each of those codes shows its id.
fn shared_labels(study: &crate::model::study::Study) -> std::collections::HashSet<&str> {
    let mut seen = std::collections::HashSet::new();
    let mut shared = std::collections::HashSet::new();
    for c in &study.codes {
        if !seen.insert(c.label.as_str()) {
            shared.insert(c.label.as_str());
        }
    }
    shared
}

/// A code's label, and beside it its id, whole and on one line: how a
/// directive names the code. The id is left out where it is the label
/// itself and no other code has that label, since the label then names
/// the code as well.
fn name(id: &str, label: &str, shared: &std::collections::HashSet<&str>) -> Vec<Inline> {
    let mut name = vec![Inline::Label(label.to_string())];
    if id != label || shared.contains(label) {
        name.push(Inline::Text(" ".into()));
        name.push(Inline::CodeId(id.to_string()));
    }
    name
}

/// Up to `n` segments to show for `code`: those coded with it directly
/// first, then those of its sub-codes, each participant once while others
/// are left, in data order.
fn picks(study: &crate::model::study::Study, code: usize, n: usize) -> Vec<usize> {
    let all = study.segments_with_code(code);
    let direct = all
        .iter()
        .filter(|&&i| study.segment_codes[i].contains(&code));
    let below = all
        .iter()
        .filter(|&&i| !study.segment_codes[i].contains(&code));
    let ordered: Vec<usize> = direct.chain(below).copied().collect();
    let mut out: Vec<usize> = Vec::with_capacity(n);
    for &i in &ordered {
        if out.len() == n {
            break;
        }
        let speaker = study.segment_participant[i];
        if !out.iter().any(|&o| study.segment_participant[o] == speaker) {
            out.push(i);
        }
    }
    for &i in &ordered {
        if out.len() == n {
            break;
        }
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}

/// `text` cut at a word boundary to at most [`EXAMPLE_CHARS`] characters.
fn shorten(text: &str) -> String {
    if text.chars().count() <= EXAMPLE_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(EXAMPLE_CHARS).collect();
    let at = cut.rfind(char::is_whitespace).unwrap_or(cut.len());
    format!("{}\u{2026}", cut[..at].trim_end())
}
