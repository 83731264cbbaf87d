//! Files of `content/data/` that are not JSON datasets: a REFI-QDA
//! project (`.qdpx`) gives the study's participants, codebook, sources and
//! segments; any other file is named in a warning, so that nothing dropped
//! there is ignored without a word.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::qdpx::{self, Import};
use crate::model::input::{DataFile, Datasets};
use crate::model::records::scalar_text;

/// What `content/data/` reads, for the warning on other files.
pub const READ_FORMATS: &str =
    ".json, .csv and .xlsx datasets, one .qdpx (REFI-QDA project) and one .qdc (REFI-QDA codebook)";

/// Reads every `.qdpx` of `content/data/` into `data` (after the JSON
/// files) and warns about files of formats that are not read.
pub fn load(root: &Path, data: &mut Datasets, problems: &mut Diagnostics) {
    let dir = Path::new("content/data");
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return;
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    // A project or codebook first, then the tables the coded exports refer
    // to (participants, codebook, sources), then everything else.
    names.sort_by_key(|n| (order(n), n.clone()));
    let mapping = crate::load::table::columns::configured(root);
    let mut imported: Option<PathBuf> = None;
    for name in names {
        let rel = dir.join(&name);
        let ext = rel
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        match ext.as_str() {
            // Read by the JSON loader (which wants the lower-case extension).
            "json" if rel.extension().is_some_and(|e| e == "json") => {}
            "qdpx" => {
                if let Some(first) = &imported {
                    problems.push(
                        Diagnostic::error(format!(
                            "a second REFI-QDA project in content/data/ ({} is read already)",
                            first.display()
                        ))
                        .at(Location::file(&rel))
                        .help("a report reads one study: keep one .qdpx in content/data/"),
                    );
                    continue;
                }
                imported = Some(rel.clone());
                let read = super::read_bytes_limited(root, &rel, super::MAX_FILE_BYTES)
                    .map_err(Diagnostics::from)
                    .and_then(|bytes| qdpx::read(&rel, &bytes));
                match read {
                    Ok(import) => merge(&rel, import, data, problems),
                    Err(ds) => problems.extend(ds),
                }
            }
            "csv" | "xlsx" => match super::read_bytes_limited(root, &rel, super::MAX_FILE_BYTES) {
                Ok(bytes) => {
                    crate::load::table::merge::load(&rel, &bytes, &mapping, data, problems)
                }
                Err(d) => problems.push(d),
            },
            "qdc" => {
                let read = super::read_bytes_limited(root, &rel, super::MAX_FILE_BYTES)
                    .and_then(|bytes| qdpx::qdc::read(&rel, &bytes));
                match read {
                    Ok(book) => merge_codebook(&rel, book, data, problems),
                    Err(d) => problems.push(d),
                }
            }
            _ => problems.push(
                Diagnostic::warning(format!(
                    "{} is not read: findings reads {READ_FORMATS} in content/data/",
                    rel.display()
                ))
                .at(Location::file(&rel))
                .help("convert it to one of those formats, or move it out of content/data/"),
            ),
        }
    }
}

/// Where a file comes in the reading order.
fn order(name: &str) -> u8 {
    let lower = name.to_ascii_lowercase();
    let stem = lower.rsplit_once('.').map_or(lower.as_str(), |(s, _)| s);
    if lower.ends_with(".qdpx") {
        0
    } else if lower.ends_with(".qdc") {
        1
    } else if matches!(stem, "participants" | "codebook" | "sources") {
        2
    } else {
        3
    }
}

/// Puts an import into `data`. The `.qdpx` is the study's only codebook,
/// source list and segment list; a `participants.json` beside it replaces
/// its participants (see [`remap`]).
fn merge(rel: &Path, import: Import, data: &mut Datasets, problems: &mut Diagnostics) {
    let clashes = [
        ("codebook", data.codebook.as_ref().map(|f| f.path.clone())),
        ("segments", data.segments.as_ref().map(|f| f.path.clone())),
        ("sources", data.sources.as_ref().map(|f| f.path.clone())),
    ];
    let mut clashed = false;
    for (what, path) in clashes {
        if let Some(path) = path {
            clashed = true;
            problems.push(
                Diagnostic::error(format!(
                    "{} and {} both give the study's {what}",
                    path.display(),
                    rel.display()
                ))
                .at(Location::file(&path))
                .help(format!(
                    "the .qdpx holds the codebook, sources and segments: remove {}, or the .qdpx",
                    path.display()
                )),
            );
        }
    }
    problems.extend(import.report);
    if clashed {
        return;
    }
    let mut segments = import.segments;
    match &data.participants {
        Some(json) => {
            let moved = remap(json, &import.sources, &mut segments);
            problems.push(Diagnostic::note(format!(
                "participants come from {}; {moved} segments were matched to them by their source",
                json.path.display()
            )));
        }
        None => data.participants = Some(file(rel, import.participants)),
    }
    data.codebook = Some(file(rel, import.codes));
    data.segments = Some(file(rel, segments));
    data.sources = Some(file(rel, import.sources));
    if !import.sets.is_empty() {
        data.tables
            .entry(qdpx::SETS_TABLE.to_string())
            .or_insert_with(|| file(rel, import.sets));
    }
}

/// Puts a `.qdc` codebook into `data`; any other codebook is a clash.
fn merge_codebook(
    rel: &Path,
    book: qdpx::qdc::Codebook,
    data: &mut Datasets,
    problems: &mut Diagnostics,
) {
    if let Some(other) = &data.codebook {
        problems.push(
            Diagnostic::error(format!(
                "{} and {} both give the codebook",
                other.path.display(),
                rel.display()
            ))
            .at(Location::file(rel))
            .help("keep one codebook in content/data/"),
        );
        return;
    }
    problems.push(Diagnostic::note(format!(
        "read {}: {} codes",
        rel.display(),
        book.codes.len()
    )));
    data.codebook = Some(file(rel, book.codes));
    if !book.sets.is_empty() {
        data.tables
            .entry(qdpx::SETS_TABLE.to_string())
            .or_insert_with(|| file(rel, book.sets));
    }
}

fn file<T>(rel: &Path, records: T) -> DataFile<T> {
    DataFile::unlocated(rel, records)
}

/// Gives each segment the participant whose attribute `source` names the
/// segment's source (by id or title; several separated by `;`). Segments
/// of sources no participant claims keep the participant the project gave
/// them (a case's id, or the source's id), which `participants.json` must
/// then have, so it can also just add details to the project's people.
/// Returns how many segments were matched.
fn remap(
    json: &DataFile<Vec<crate::model::records::Participant>>,
    sources: &[crate::model::records::Source],
    segments: &mut [crate::model::records::Segment],
) -> usize {
    let mut claimed: HashMap<String, String> = HashMap::new();
    for p in &json.records {
        if let Some(v) = p.attributes.get("source") {
            for name in scalar_text(v)
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
            {
                claimed
                    .entry(name.to_string())
                    .or_insert_with(|| p.id.clone());
            }
        }
    }
    let title: HashMap<&str, &str> = sources
        .iter()
        .map(|s| (s.id.as_str(), s.title.as_str()))
        .collect();
    let mut moved = 0;
    for s in segments {
        let Some(src) = s.source.as_deref() else {
            continue;
        };
        let owner = claimed
            .get(src)
            .or_else(|| title.get(src).and_then(|t| claimed.get(*t)));
        if let Some(owner) = owner {
            s.participant = owner.clone();
            moved += 1;
        }
    }
    moved
}
