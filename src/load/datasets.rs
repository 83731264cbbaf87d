//! Every file of `content/data/`, read through the format registry
//! ([`super::formats`]) in the formats' order and merged into one
//! [`Datasets`]: a dataset given by two files is an error naming both, and
//! a file of no format is named in a warning, so that nothing dropped
//! there is ignored without a word.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::formats::{self, Format, Input, Loaded};
use super::table::columns::Mapping;
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::input::Datasets;
use crate::model::records::{scalar_text, Participant, Segment, Source};

/// Reads every file of `root`'s `content/data/` into datasets.
pub fn load(root: &Path, problems: &mut Diagnostics) -> Datasets {
    let dir = Path::new("content/data");
    let mut data = Datasets::default();
    let mut files: Vec<(u8, String, Option<&Format>)> = names(root, dir, problems)
        .into_iter()
        .map(|name| {
            let format = formats::by_extension(Path::new(&name));
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            let rank = format.map_or(u8::MAX, |f| (f.rank)(&stem.to_ascii_lowercase()));
            (rank, name, format)
        })
        .collect();
    files.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let columns = super::table::columns::configured(root);
    let mut first_of: HashMap<&str, PathBuf> = HashMap::new();
    for (_, name, format) in files {
        let rel = dir.join(&name);
        let Some(format) = format else {
            problems.push(
                Diagnostic::warning(format!(
                    "{} is not read: findings reads {} in content/data/",
                    rel.display(),
                    formats::listed()
                ))
                .at(Location::file(&rel))
                .help("convert it to one of those formats, or move it out of content/data/"),
            );
            continue;
        };
        if format.single {
            if let Some(first) = first_of.get(format.name) {
                problems.push(
                    Diagnostic::error(format!(
                        "a second {} in content/data/ ({} is read already)",
                        format.name,
                        first.display()
                    ))
                    .at(Location::file(&rel))
                    .help(format!(
                        "a report reads one study: keep one .{} in content/data/",
                        format.extensions.first().copied().unwrap_or_default()
                    )),
                );
                continue;
            }
            first_of.insert(format.name, rel.clone());
        }
        let bytes = match super::read_bytes_limited(root, &rel, super::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        read_one(format, &rel, &bytes, &columns, &mut data, problems);
    }
    data
}

/// Reads the file `rel` (its bytes `bytes`) as `format` and merges it
/// into `data`, as the loop does for each file of `content/data/`.
pub fn read_one(
    format: &Format,
    rel: &Path,
    bytes: &[u8],
    columns: &Mapping,
    data: &mut Datasets,
    problems: &mut Diagnostics,
) {
    let loaded = (format.read)(&Input {
        rel,
        bytes,
        columns,
        known: data,
    });
    merge(rel, loaded, data, problems);
}

/// The files of `dir` (not starting with `.`), symbolic links included so
/// that one leading out of the project is refused rather than skipped.
fn names(root: &Path, dir: &Path, problems: &mut Diagnostics) -> Vec<String> {
    let base = root.join(dir);
    if !base.is_dir() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for entry in WalkDir::new(&base).min_depth(1).max_depth(1) {
        match entry {
            Ok(e) if e.file_type().is_file() || e.path_is_symlink() => {
                let name = e.file_name().to_string_lossy().into_owned();
                if !name.starts_with('.') {
                    out.push(name);
                }
            }
            Ok(_) => {}
            Err(err) => problems.push(
                Diagnostic::error(format!("cannot list {}: {err}", dir.display()))
                    .at(Location::file(dir))
                    .help("check the folder's permissions"),
            ),
        }
    }
    out
}

/// Puts what one file gave into `data`. A dataset that another file
/// gives already is an error naming both, and then nothing of the file
/// is merged; participants a reader made give way to a participants file
/// (see [`remap`]).
pub fn merge(rel: &Path, loaded: Loaded, data: &mut Datasets, problems: &mut Diagnostics) {
    let failed = loaded.report.has_errors();
    problems.extend(loaded.report);
    if failed {
        return;
    }
    let new = loaded.data;
    let mut clashes: Vec<(String, PathBuf)> = Vec::new();
    let mut check = |what: &str, old: Option<&PathBuf>, given: bool| {
        if let (Some(old), true) = (old, given) {
            clashes.push((what.to_string(), old.clone()));
        }
    };
    check(
        "codebook",
        data.codebook.as_ref().map(|f| &f.path),
        new.codebook.is_some(),
    );
    check(
        "segments",
        data.segments.as_ref().map(|f| &f.path),
        new.segments.is_some(),
    );
    check(
        "sources",
        data.sources.as_ref().map(|f| &f.path),
        new.sources.is_some(),
    );
    check(
        "series",
        data.series.as_ref().map(|f| &f.path),
        new.series.is_some(),
    );
    if !loaded.participants_yield {
        check(
            "participants",
            data.participants.as_ref().map(|f| &f.path),
            new.participants.is_some(),
        );
    }
    for name in new.tables.keys() {
        check(
            &format!("table `{name}`"),
            data.tables.get(name).map(|f| &f.path),
            true,
        );
    }
    if !clashes.is_empty() {
        for (what, first) in clashes {
            problems.push(
                Diagnostic::error(format!(
                    "{} and {} both give the {what}",
                    first.display(),
                    rel.display()
                ))
                .at(Location::file(rel))
                .help("a dataset comes from one file: keep one of them in content/data/"),
            );
        }
        return;
    }
    let mut segments = new.segments;
    let made = new.participants;
    match &data.participants {
        Some(people) if made.is_some() => {
            let sources = new.sources.as_ref().map_or(&[][..], |f| &f.records[..]);
            if let Some(segs) = segments.as_mut() {
                let moved = remap(&people.records, sources, &mut segs.records);
                problems.push(Diagnostic::note(format!(
                    "participants come from {}; {moved} segments were matched to them by their source",
                    people.path.display()
                )));
            }
        }
        _ => data.participants = made.or(data.participants.take()),
    }
    data.codebook = new.codebook.or(data.codebook.take());
    data.segments = segments.or(data.segments.take());
    data.sources = new.sources.or(data.sources.take());
    data.series = new.series.or(data.series.take());
    data.tables.extend(new.tables);
}

/// Gives each segment the participant whose attribute `source` names the
/// segment's source (by id or title; several separated by `;`). Segments
/// of sources no participant claims keep the participant the reader gave
/// them (a case's id, or the source's id), which the participants file
/// must then have, so it can also just add details to the project's
/// people. Returns how many segments were matched.
fn remap(people: &[Participant], sources: &[Source], segments: &mut [Segment]) -> usize {
    let mut claimed: HashMap<String, String> = HashMap::new();
    for p in people {
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
