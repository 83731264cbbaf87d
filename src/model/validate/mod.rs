//! Checks the datasets hang together: unique ids, resolvable references,
//! no cycles in the codebook, parseable dates.

use std::collections::HashMap;
use std::path::Path;

use crate::error::{did_you_mean, Diagnostic, Diagnostics, Location};
use crate::model::date::Date;
use crate::model::input::Step;
use crate::model::input::{is_scalar, DataFile, Datasets};
use crate::model::labels::Labels;
use crate::model::study::{Files, Study};

mod cycles;
mod series;
mod unused;

use cycles::report_cycles;
use series::{bad_date, check_series};
use unused::unused_warnings;

/// Builds the index of ids of `file`, reporting duplicates.
fn index<T>(
    file: Option<&DataFile<Vec<T>>>,
    id: impl Fn(&T) -> &str,
    what: &str,
    problems: &mut Diagnostics,
) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    let Some(file) = file else { return map };
    map.reserve(file.records.len());
    for (i, r) in file.records.iter().enumerate() {
        let key = id(r);
        if key.trim().is_empty() {
            problems.push(
                Diagnostic::error(format!("{what} {} has an empty id", i + 1))
                    .at(file.locate(&[Step::Index(i), Step::Key("id")]))
                    .help("give every record a unique, non-empty id"),
            );
        } else if let Some(first) = map.insert(key.to_string(), i) {
            map.insert(key.to_string(), first);
            problems.push(
                Diagnostic::error(format!("duplicate {what} id `{key}`"))
                    .at(file.locate(&[Step::Index(i), Step::Key("id")]))
                    .label("used again here")
                    .help(format!(
                        "{what} {} already has this id (line {}); ids must be unique",
                        first + 1,
                        file.locate(&[Step::Index(first), Step::Key("id")]).line
                    )),
            );
        }
    }
    map
}

fn unknown_ref(
    kind: &str,
    id: &str,
    known: &HashMap<String, usize>,
    file: Option<&Path>,
    dataset: &str,
) -> (String, String) {
    let message = format!("unknown {kind} `{id}`");
    let help = match (did_you_mean(id, known.keys().map(String::as_str)), file) {
        (Some(m), _) => format!("did you mean `{m}`?"),
        (None, Some(file)) if !known.is_empty() => format!("use an id from {}", file.display()),
        _ => format!("add content/data/{dataset} with this {kind}"),
    };
    (message, help)
}

pub(super) fn build(data: Datasets, labels: Labels) -> Result<(Study, Diagnostics), Diagnostics> {
    let mut problems = Diagnostics::new();
    let participant_index = index(
        data.participants.as_ref(),
        |p| &p.id,
        "participant",
        &mut problems,
    );
    let code_index = index(data.codebook.as_ref(), |c| &c.id, "code", &mut problems);
    let segment_index = index(data.segments.as_ref(), |s| &s.id, "segment", &mut problems);
    let source_index = index(data.sources.as_ref(), |s| &s.id, "source", &mut problems);
    let series_index = index(data.series.as_ref(), |s| &s.id, "series", &mut problems);

    if let Some(file) = &data.participants {
        for (i, p) in file.records.iter().enumerate() {
            for (key, value) in &p.attributes {
                if !is_scalar(value) {
                    problems.push(
                        Diagnostic::error(format!(
                            "attribute `{key}` of participant `{}` is a list or an object",
                            p.id
                        ))
                        .at(file.locate(&[Step::Index(i), Step::Key("attributes"), Step::Key(key)]))
                        .help("attributes must be strings, numbers, booleans or null"),
                    );
                }
            }
        }
    }

    let code_ancestors = check_codebook(&data, &code_index, &mut problems);
    let (segment_participant, segment_codes) = check_segments(
        &data,
        &participant_index,
        &code_index,
        &source_index,
        &mut problems,
    );
    let series = check_series(&data, &mut problems);

    if problems.has_errors() {
        return Err(problems);
    }
    // Where each participant's and code's id is, for the warnings below
    // (the files themselves move into the study).
    let data_locations = Locations {
        participants: data.participants.as_ref().map(ids),
        codes: data.codebook.as_ref().map(ids),
    };
    let files = Files {
        participants: data.participants.as_ref().map(|f| f.path.clone()),
        codebook: data.codebook.as_ref().map(|f| f.path.clone()),
        segments: data.segments.as_ref().map(|f| f.path.clone()),
    };
    let study = Study {
        participants: data.participants.map(|f| f.records).unwrap_or_default(),
        codes: data.codebook.map(|f| f.records).unwrap_or_default(),
        segments: data.segments.map(|f| f.records).unwrap_or_default(),
        sources: data.sources.map(|f| f.records).unwrap_or_default(),
        series,
        tables: data
            .tables
            .into_iter()
            .map(|(k, f)| (k, f.records))
            .collect(),
        labels,
        privacy: Default::default(),
        files,
        segment_participant,
        segment_codes,
        code_ancestors,
        participant_index,
        code_index,
        segment_index,
        series_index,
        derived: Default::default(),
    };
    let warnings = unused_warnings(&study, &data_locations);
    Ok((study, warnings))
}

/// Resolves parents and returns, per code, itself and its ancestors.
fn check_codebook(
    data: &Datasets,
    code_index: &HashMap<String, usize>,
    problems: &mut Diagnostics,
) -> Vec<Vec<usize>> {
    let Some(file) = &data.codebook else {
        return Vec::new();
    };
    let parents: Vec<Option<usize>> = file
        .records
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let parent = c.parent.as_deref()?;
            let found = code_index.get(parent).copied();
            if found.is_none() {
                let (message, help) = unknown_ref(
                    "parent code",
                    parent,
                    code_index,
                    Some(&file.path),
                    "codebook.json",
                );
                problems.push(
                    Diagnostic::error(message)
                        .at(file.locate(&[Step::Index(i), Step::Key("parent")]))
                        .help(help),
                );
            }
            found
        })
        .collect();
    report_cycles(file, &parents, problems);
    let mut ancestors = Vec::with_capacity(parents.len());
    let mut reported_depth = false;
    for i in 0..parents.len() {
        let mut chain = vec![i];
        let mut at = parents[i];
        while let Some(p) = at {
            // A cycle was reported above; its walk just ends.
            if chain.contains(&p) {
                break;
            }
            if chain.len() > MAX_CODE_DEPTH {
                if !reported_depth {
                    reported_depth = true;
                    problems.push(
                        Diagnostic::error(format!(
                            "code `{}` is nested more than {MAX_CODE_DEPTH} levels deep",
                            file.records[i].id
                        ))
                        .at(file.locate(&[Step::Index(i), Step::Key("parent")]))
                        .help("a codebook is a shallow tree of themes: give deep codes a parent nearer the top"),
                    );
                }
                break;
            }
            chain.push(p);
            at = parents[p];
        }
        ancestors.push(chain);
    }
    ancestors
}

/// A code may sit at most this many levels below its top-level theme.
/// Each code keeps its chain of ancestors, so the depth bounds the memory
/// and time of everything that walks them.
const MAX_CODE_DEPTH: usize = 32;

fn check_segments(
    data: &Datasets,
    participants: &HashMap<String, usize>,
    codes: &HashMap<String, usize>,
    sources: &HashMap<String, usize>,
    problems: &mut Diagnostics,
) -> (Vec<usize>, Vec<Vec<usize>>) {
    let Some(file) = &data.segments else {
        return (Vec::new(), Vec::new());
    };
    let mut speaker = Vec::with_capacity(file.records.len());
    let mut coded = Vec::with_capacity(file.records.len());
    for (i, s) in file.records.iter().enumerate() {
        match participants.get(&s.participant) {
            Some(&p) => speaker.push(p),
            None => {
                let (message, help) = unknown_ref(
                    "participant",
                    &s.participant,
                    participants,
                    data.participants.as_ref().map(|f| f.path.as_path()),
                    "participants.json",
                );
                problems.push(
                    Diagnostic::error(format!("segment `{}` names {message}", s.id))
                        .at(file.locate(&[Step::Index(i), Step::Key("participant")]))
                        .help(help),
                );
                speaker.push(0);
            }
        }
        if let Some(source) = &s.source {
            if !sources.contains_key(source) {
                let (message, help) = unknown_ref(
                    "source",
                    source,
                    sources,
                    data.sources.as_ref().map(|f| f.path.as_path()),
                    "sources.json",
                );
                problems.push(
                    Diagnostic::error(format!("segment `{}` names {message}", s.id))
                        .at(file.locate(&[Step::Index(i), Step::Key("source")]))
                        .help(help),
                );
            }
        }
        let mut ids = Vec::with_capacity(s.codes.len());
        for (j, code) in s.codes.iter().enumerate() {
            match codes.get(code) {
                Some(&c) => ids.push(c),
                None => {
                    let (message, help) = unknown_ref(
                        "code",
                        code,
                        codes,
                        data.codebook.as_ref().map(|f| f.path.as_path()),
                        "codebook.json",
                    );
                    problems.push(
                        Diagnostic::error(format!("segment `{}` names {message}", s.id))
                            .at(file.locate(&[Step::Index(i), Step::Key("codes"), Step::Index(j)]))
                            .help(help),
                    );
                }
            }
        }
        if let Some(ts) = &s.timestamp {
            if Date::parse(ts).is_none() {
                problems.push(bad_date(
                    file.locate(&[Step::Index(i), Step::Key("timestamp")]),
                    ts,
                ));
            }
        }
        coded.push(ids);
    }
    (speaker, coded)
}

/// The location of every record's id in a dataset file.
pub(super) struct Locations {
    pub(super) participants: Option<Vec<Location>>,
    pub(super) codes: Option<Vec<Location>>,
}

fn ids<T>(file: &DataFile<Vec<T>>) -> Vec<Location> {
    (0..file.records.len())
        .map(|i| file.locate(&[Step::Index(i), Step::Key("id")]))
        .collect()
}
