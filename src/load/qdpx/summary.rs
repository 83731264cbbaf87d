//! What `findings check` says about an imported project: what was read,
//! how each source's offsets were counted, what overlaps, and what was
//! left out and why. Counts a reader can check against their QDA tool.

use std::collections::BTreeMap;

use super::archive::Archive;
use super::mapping::{Codebook, Sliced};
use super::project::{Kind, Qde};
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::records::Source;

/// Notes on what was read, warnings on what was left out.
pub fn report(
    qde: &Qde,
    sources: &[Source],
    book: &Codebook,
    sliced: &Sliced,
    archive: &Archive,
    file: &str,
) -> Diagnostics {
    let mut out = Diagnostics::new();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for s in &qde.sources {
        *kinds.entry(s.kind.name()).or_default() += 1;
    }
    let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
    let selections: usize = qde.sources.iter().map(|s| s.selections.len()).sum();
    let codings: usize = qde
        .sources
        .iter()
        .flat_map(|s| &s.selections)
        .map(|s| s.codings.len())
        .sum();
    let coders: Vec<&str> = qde.users.iter().map(|u| u.name.as_str()).collect();
    let not_codable = qde.codes.iter().filter(|c| !c.codable).count();
    out.push(Diagnostic::note(format!(
        "read {file}{}: {} sources ({}), {} {} ({}), {} codes{}, {} text selections with {} codings, merged into {} segments",
        qde.origin.as_deref().map(|o| format!(" (written by {o})")).unwrap_or_default(),
        qde.sources.len(),
        if kinds.is_empty() { "none".to_string() } else { kinds.join(", ") },
        coders.len(),
        if coders.len() == 1 { "coder" } else { "coders" },
        if coders.is_empty() { "none named".to_string() } else { coders.join(", ") },
        book.codes.len(),
        if not_codable > 0 { format!(" ({not_codable} not codable)") } else { String::new() },
        selections,
        codings,
        sliced.segments.len(),
    )));
    for r in &sliced.reports {
        let merged = r.selections - r.segments;
        out.push(Diagnostic::note(format!(
            "source `{}`: {} selections, {} segments{}; offsets read in {}{}",
            sources[r.source].title,
            r.selections,
            r.segments,
            if merged > 0 {
                format!(" ({merged} selections of the same span merged)")
            } else {
                String::new()
            },
            r.unit.describe(),
            match r.overlapping {
                0 => String::new(),
                n => format!("; {n} segments overlap another with a different span (kept apart)"),
            },
        )));
    }
    let renamed = book
        .codes
        .iter()
        .zip(&qde.codes)
        .filter(|(c, q)| c.id != super::ids::from_name(&q.name, "code"))
        .count();
    if renamed > 0 {
        out.push(Diagnostic::note(format!(
            "{renamed} codes share their name with another code; their ids carry their parent's id (the label is still the name)"
        )).help("run `findings codes` to list the ids; write an id where a label is shared (`code=…`, `:codes:`)"));
    }
    let rich = qde.sources.iter().filter(|s| s.rich_path.is_some()).count();
    if rich > 0 {
        out.push(Diagnostic::note(format!(
            "{rich} rich-text (.docx) copies of sources were ignored: the plain text is what the offsets count"
        )));
    }
    let other: Vec<_> = qde
        .sources
        .iter()
        .filter(|s| s.kind != Kind::Text)
        .collect();
    let left: usize = other.iter().map(|s| s.other_selections).sum();
    if !other.is_empty() {
        let mut what: BTreeMap<&str, usize> = BTreeMap::new();
        other
            .iter()
            .for_each(|s| *what.entry(s.kind.name()).or_default() += 1);
        let what: Vec<String> = what.iter().map(|(k, n)| format!("{n} {k}")).collect();
        out.push(
            Diagnostic::warning(format!(
                "{left} selections on {} sources ({}) are not text and were left out; the sources are listed",
                other.len(),
                what.join(", ")
            ))
            .help("findings quotes and counts text: code a transcript or the text of the document to have it in the report"),
        );
    }
    if sliced.uncoded > 0 {
        out.push(Diagnostic::note(format!(
            "{} text selections carry no coding and were left out",
            sliced.uncoded
        )));
    }
    if sliced.not_codable > 0 {
        out.push(
            Diagnostic::warning(format!(
                "{} codings apply codes marked not codable (isCodable=\"false\"); they were kept",
                sliced.not_codable
            ))
            .help("such codes usually only group others: move the codings to a sub-code in your QDA tool"),
        );
    }
    let empty_texts = sources
        .iter()
        .zip(&qde.sources)
        .filter(|(s, q)| q.kind == Kind::Text && s.text.is_none())
        .count();
    if empty_texts > 0 {
        out.push(Diagnostic::note(format!(
            "{empty_texts} text sources have no text in the archive (and no selections); they are listed without text"
        )));
    }
    if !qde.sets.is_empty() {
        out.push(Diagnostic::note(format!(
            "{} sets were read into the table `{}` (columns set, code, label); `:codes:` does not take a set name yet, so list a set's codes there",
            qde.sets.len(),
            super::SETS_TABLE
        )));
    }
    if qde.loose_notes > 0 {
        out.push(Diagnostic::note(format!(
            "{} notes (memos) are attached to no code or source and were left out",
            qde.loose_notes
        )));
    }
    if qde.notes_over_budget > 0 {
        out.push(
            Diagnostic::warning(format!(
                "{} references to notes (memos) were left out of descriptions: the notes copied reached {} MiB",
                qde.notes_over_budget,
                super::project::MAX_NOTE_BYTES >> 20
            ))
            .at(Location::file(file))
            .help("a note attached to many codes is copied into each description; attach long memos to fewer codes"),
        );
    }
    let unread = archive.unread();
    if unread > 0 {
        out.push(Diagnostic::note(format!(
            "{unread} files of the archive were not read (rich-text copies, media and other files the texts do not need)"
        )));
    }
    out
}
