//! A CSV or XLSX file into the project's datasets: by its stem
//! (`participants`, `codebook`, `sources`, `segments`, else a generic
//! table), or, when its headers are a QDA tool's coded-segments export,
//! as segments (with a codebook, sources and participants made from the
//! rows where the project has none). A dataset given by two files is an
//! error: which one counts would otherwise be a guess.

use std::path::Path;

use super::coded::{self, Known};
use super::columns::{self, Mapping};
use super::records;
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::input::{DataFile, Datasets};
use crate::model::records::Segment;

/// Reads the table `rel` (bytes `bytes`) into `data`.
pub fn load(
    rel: &Path,
    bytes: &[u8],
    mapping: &Mapping,
    data: &mut Datasets,
    problems: &mut Diagnostics,
) {
    let mut sheet = match super::read(rel, bytes) {
        Ok(s) => s,
        Err(d) => return problems.push(d),
    };
    std::mem::take(&mut sheet.warnings)
        .into_iter()
        .for_each(|w| problems.push(w));
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let map = mapping.get(&stem);
    if let Some(shape) = columns::shape(&sheet, map) {
        let known = Known {
            codes: data.codebook.as_ref().map(|f| f.records.as_slice()),
            sources: data.sources.as_ref().map(|f| f.records.as_slice()),
            participants: data.participants.as_ref().map(|f| f.records.as_slice()),
        };
        if let Some(other) = &data.segments {
            return problems.push(clash(&other.path, rel, "segments"));
        }
        match coded::read(&sheet, shape, map, known) {
            Ok(c) => {
                problems.extend(c.report);
                data.segments = Some(file(rel, c.segments));
                if let Some(codes) = c.codes {
                    data.codebook = Some(file(rel, codes));
                }
                if let Some(sources) = c.sources {
                    data.sources = Some(file(rel, sources));
                }
                if let Some(people) = c.participants {
                    data.participants = Some(file(rel, people));
                }
            }
            Err(e) => problems.extend(e),
        }
        return;
    }
    macro_rules! put {
        ($slot:expr, $what:literal, $read:expr) => {{
            if let Some(other) = &$slot {
                return problems.push(clash(&other.path, rel, $what));
            }
            match $read {
                Ok(records) => $slot = Some(file(rel, records)),
                Err(e) => problems.extend(e),
            }
        }};
    }
    match stem.as_str() {
        "participants" => put!(
            data.participants,
            "participants",
            records::participants(&sheet, map)
        ),
        "codebook" => put!(
            data.codebook,
            "codebook",
            records::codebook(&sheet, map, problems)
        ),
        "sources" => put!(
            data.sources,
            "sources",
            records::sources(&sheet, map, problems)
        ),
        "segments" => put!(
            data.segments,
            "segments",
            records::segments(&sheet, map, problems).map(|mut s| {
                s.iter_mut().for_each(Segment::union_codings);
                s
            })
        ),
        "series" => problems.push(
            Diagnostic::error(format!("{} cannot hold series", rel.display()))
                .at(Location::file(rel))
                .help("timeline series have points, events and phases: keep them in series.json"),
        ),
        _ => {
            if let Some(other) = data.tables.get(&stem) {
                return problems.push(clash(&other.path, rel, "table"));
            }
            data.tables.insert(stem, file(rel, records::table(&sheet)));
        }
    }
}

fn file<T>(rel: &Path, records: T) -> DataFile<T> {
    DataFile::unlocated(rel, records)
}

fn clash(first: &Path, second: &Path, what: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "{} and {} both give the {what}",
        first.display(),
        second.display()
    ))
    .at(Location::file(second))
    .help("keep one of them in content/data/")
}
