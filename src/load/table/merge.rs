//! A CSV or XLSX file into datasets: by its stem (`participants`,
//! `codebook`, `sources`, `segments`, else a generic table), or, when its
//! headers are a QDA tool's export, by what the tool wrote: coded
//! segments (with a codebook, sources and participants made from the rows
//! where the project has none), or Taguette's codebook. Whether another
//! file gives the same dataset is the reading loop's concern.

use std::path::Path;

use super::coded::{self, Known};
use super::columns;
use super::records;
use crate::error::{Diagnostic, Location};
use crate::load::formats::{Input, Loaded};
use crate::model::input::DataFile;
use crate::model::records::Segment;

/// Reads the table `input` (CSV or XLSX, by its extension).
pub fn read(input: &Input) -> Loaded {
    let mut loaded = Loaded::default();
    let (rel, data, problems) = (input.rel, &mut loaded.data, &mut loaded.report);
    let mut sheet = match super::read(rel, input.bytes) {
        Ok(s) => s,
        Err(d) => {
            problems.push(d);
            return loaded;
        }
    };
    std::mem::take(&mut sheet.warnings)
        .into_iter()
        .for_each(|w| problems.push(w));
    let stem = rel
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let map = input.columns.get(&stem);
    if let Some(shape) = columns::shape(&sheet, map) {
        let known = Known {
            codes: input.known.codebook.as_ref().map(|f| f.records.as_slice()),
            sources: input.known.sources.as_ref().map(|f| f.records.as_slice()),
            participants: input
                .known
                .participants
                .as_ref()
                .map(|f| f.records.as_slice()),
        };
        match coded::read(&sheet, shape, map, known) {
            Ok(c) => {
                problems.extend(c.report);
                data.segments = Some(file(rel, c.segments));
                data.codebook = c.codes.map(|codes| file(rel, codes));
                data.sources = c.sources.map(|sources| file(rel, sources));
                data.participants = c.participants.map(|people| file(rel, people));
            }
            Err(e) => problems.extend(e),
        }
        return loaded;
    }
    let as_codebook = stem == "codebook" || columns::is_taguette_codebook(&sheet);
    match stem.as_str() {
        _ if as_codebook => match records::codebook(&sheet, map, problems) {
            Ok(codes) => data.codebook = Some(file(rel, codes)),
            Err(e) => problems.extend(e),
        },
        "participants" => match records::participants(&sheet, map) {
            Ok(people) => data.participants = Some(file(rel, people)),
            Err(e) => problems.extend(e),
        },
        "sources" => match records::sources(&sheet, map, problems) {
            Ok(sources) => data.sources = Some(file(rel, sources)),
            Err(e) => problems.extend(e),
        },
        "segments" => match records::segments(&sheet, map, problems) {
            Ok(mut segments) => {
                segments.iter_mut().for_each(Segment::union_codings);
                data.segments = Some(file(rel, segments));
            }
            Err(e) => problems.extend(e),
        },
        "series" => problems.push(
            Diagnostic::error(format!("{} cannot hold series", rel.display()))
                .at(Location::file(rel))
                .help("timeline series have points, events and phases: keep them in series.json"),
        ),
        _ => {
            data.tables.insert(stem, file(rel, records::table(&sheet)));
        }
    }
    loaded
}

fn file<T>(rel: &Path, records: T) -> DataFile<T> {
    DataFile::unlocated(rel, records)
}
