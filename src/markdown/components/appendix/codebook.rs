//! `{codebook}`: the code tree with descriptions, how many segments and
//! participants each code has (its sub-codes included), and example
//! quotes, each linked to the quote index.

use std::fmt::Write;

use crate::analysis::codes::code_rows;
use crate::analysis::select::{select, Selection};
use crate::analysis::CodeSort;
use crate::charts::open_row_head;
use crate::escape::{html, push_html, push_label_html};
use crate::markdown::context::{Directive, Renderer};
use crate::markdown::lints;
use crate::slug::record_anchor;

use super::super::code_options;
use super::super::quote::provenance_link;
use super::super::Failure;

/// The options of `{codebook}`.
pub const OPTIONS: &[&str] = &[
    "examples", "codes", "under", "level", "sort", "top", "caption",
];

/// Longest example shown, in characters; the quote index has the rest.
const EXAMPLE_CHARS: usize = 240;

/// `{codebook}` with `:examples: N` (1 by default, 0 for none) and the
/// code options.
pub fn render(r: &mut dyn Renderer<'_>, d: &Directive, _: usize) -> Result<String, Failure> {
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
    let caption = d
        .option("caption")
        .map(|c| crate::markdown::inline::inline_html(c, ctx.raw_html))
        .unwrap_or_else(|| "Codebook".into());
    let head = head(study, &rows, examples, coded);
    let mut out = format!(
        "<div class=\"table-wrap\"><table class=\"codebook\">\n<caption>{caption}</caption>\n<thead><tr><th scope=\"col\">{head}</th>"
    );
    if coded {
        let _ = write!(
            out,
            "<th scope=\"col\" class=\"num\">Segments <span class=\"share\">(share of {})</span></th><th scope=\"col\" class=\"num\">Participants <span class=\"share\">(share of {})</span></th>",
            html(&f.count(ns)),
            html(&f.count(np)),
        );
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let columns = if coded { 3 } else { 1 };
    let mut listed = Vec::with_capacity(rows.rows.len());
    let mut illustrative = false;
    let shared = shared_labels(study);
    for (k, row) in rows.rows.iter().enumerate() {
        let code = &study.codes[row.code];
        listed.push(row.code);
        out.push_str("<tr class=\"codebook-code\">");
        let mut head = String::new();
        open_row_head(&mut head, &hierarchy, k);
        // The entry is the target of the quote index's code links.
        out.push_str(&head.replacen(
            "<th ",
            &format!("<th id=\"{}\" ", html(&record_anchor("code", &code.id))),
            1,
        ));
        push_label_html(&mut out, &code.label);
        push_id(&mut out, &code.id, &code.label, &shared);
        out.push_str("</th>");
        if coded {
            let _ = write!(
                out,
                "<td class=\"num\">{} <span class=\"share\">({})</span></td><td class=\"num\">{} <span class=\"share\">({})</span></td>",
                html(&privacy.count(row.segments, f)),
                html(&privacy.share(row.segments, ns, f.ratio(row.segments, ns), f)),
                html(&privacy.count(row.participants, f)),
                html(&privacy.share(row.participants, np, f.ratio(row.participants, np), f)),
            );
        }
        out.push_str("</tr>\n");
        let picked = if examples > 0 {
            picks(study, row.code, examples)
        } else {
            Vec::new()
        };
        if code.description.is_empty() && picked.is_empty() {
            continue;
        }
        // The description and examples run under the code across the
        // whole table, so the numbers keep their columns at any length.
        let _ = write!(
            out,
            "<tr class=\"codebook-detail\"><td colspan=\"{columns}\" class=\"code-depth-{}\">",
            hierarchy_depth(&hierarchy, k)
        );
        if !code.description.is_empty() {
            out.push_str("<p class=\"code-description\">");
            push_html(&mut out, &code.description);
            out.push_str("</p>");
        }
        {
            for i in picked {
                lints::personal(r, i, d.at);
                let s = &study.segments[i];
                let p = study.speaker(i);
                illustrative |= s.illustrative.touches(&["text"]);
                out.push_str("<p class=\"codebook-quote\"><q>");
                push_html(&mut out, &shorten(s.text.trim()));
                out.push_str("</q> <span class=\"quote-alias\">");
                if privacy.participant_field_private("alias") {
                    out.push_str("A participant");
                } else {
                    push_html(&mut out, &p.alias);
                }
                out.push_str("</span> ");
                out.push_str(&provenance_link(r, i));
                out.push_str("</p>");
            }
        }
        out.push_str("</td></tr>\n");
    }
    out.push_str("</tbody>\n");
    close(&mut out, &rows, coded, f);
    if !unused.is_empty() {
        push_unused(&mut out, study, &unused, &shared);
        listed.extend(&unused);
    }
    out.push_str("</div>\n");
    if illustrative {
        r.illustrative();
    }
    let place = r.locate(d.at, 1);
    r.trail().codebooks.push((place, listed));
    Ok(out)
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

/// The totals (when anything is coded), the end of the table and its note.
fn close(
    out: &mut String,
    rows: &crate::analysis::CodeRows,
    coded: bool,
    f: &crate::model::numbers::NumberFormat,
) {
    let (ns, np) = (rows.base_segments, rows.base_participants);
    if coded {
        let _ = writeln!(
            out,
            "<tfoot><tr><th scope=\"row\">Segments (n = {}), participants (n = {})</th><td class=\"num\">{} <span class=\"share\">({})</span></td><td class=\"num\">{} <span class=\"share\">({})</span></td></tr></tfoot>",
            html(&f.count(ns)),
            html(&f.count(np)),
            html(&f.count(ns)),
            html(&f.percent(100.0)),
            html(&f.count(np)),
            html(&f.percent(if np > 0 { 100.0 } else { 0.0 })),
        );
    }
    out.push_str("</table>\n");
    if coded {
        out.push_str("<p class=\"table-note\">A segment can carry several codes, so the shares do not add up to 100%; a parent code counts the segments of its sub-codes once each.");
        if let Some(note) = code_options::top_note(rows) {
            let _ = write!(out, " {}.", html(&note));
        }
        out.push_str("</p>\n");
    } else {
        out.push_str("<p class=\"table-note\">No segment is coded yet, so the codebook shows no counts.</p>\n");
    }
}

/// The note naming the codes on no segment, once each, with their ids
/// (each an anchor, as its row would have been).
fn push_unused(
    out: &mut String,
    study: &crate::model::study::Study,
    unused: &[usize],
    shared: &std::collections::HashSet<&str>,
) {
    let _ = write!(
        out,
        "<p class=\"table-note codebook-unused\">{} on no segment, so not in the table: ",
        match unused.len() {
            1 => "One code is".to_string(),
            n => format!("{n} codes are"),
        }
    );
    for (k, &c) in unused.iter().enumerate() {
        if k > 0 {
            out.push_str(", ");
        }
        let code = &study.codes[c];
        let _ = write!(
            out,
            "<span id=\"{}\">",
            html(&record_anchor("code", &code.id))
        );
        push_label_html(out, &code.label);
        push_id(out, &code.id, &code.label, shared);
        out.push_str("</span>");
    }
    out.push_str(".</p>\n");
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

/// The id beside a code's label, whole and on one line: how a directive
/// names the code. Left out where it is the label itself and no other
/// code has that label, since the label then names the code as well.
fn push_id(out: &mut String, id: &str, label: &str, shared: &std::collections::HashSet<&str>) {
    if id != label || shared.contains(label) {
        out.push_str(" <code class=\"code-id\">");
        push_html(out, id);
        out.push_str("</code>");
    }
}

/// The indent of row `k`'s detail, as its code's (capped like it).
fn hierarchy_depth(h: &crate::charts::Hierarchy, k: usize) -> usize {
    match h {
        crate::charts::Hierarchy::Tree(depths) => depths.get(k).copied().unwrap_or(0).min(6),
        _ => 0,
    }
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
