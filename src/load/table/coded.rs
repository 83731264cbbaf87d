//! Coded-segment exports of QDA tools (MAXQDA, Taguette, QualCoder): one
//! row per coding, so rows of the same passage become one segment
//! carrying every code, each under its coder. A passage is a row id where
//! the exporter numbers them (Taguette's highlights: two highlights of the
//! same words stay two), else the same document, begin, end and text.
//! The codebook, sources and participants are taken from
//! their own datasets when the project has them, and otherwise made from
//! the rows: codes from the code paths (MAXQDA writes `Parent\Child`),
//! one source and one participant per document.

use std::collections::{BTreeMap, HashMap};

use serde_json::Map;

use super::columns::{self, Shape, CODED_FIELDS};
use super::Sheet;
use crate::error::{did_you_mean, Diagnostic, Diagnostics};
use crate::load::qdpx::ids::{self, Unique};
use crate::model::records::{scalar_text, Code, Illustrative, Participant, Segment, Source};

/// What a coded export gives; `None` where the project's own dataset stands.
#[derive(Debug, Default)]
pub struct Coded {
    /// One per passage.
    pub segments: Vec<Segment>,
    /// Made from the code paths, when there is no codebook.
    pub codes: Option<Vec<Code>>,
    /// One per document, when there are no sources.
    pub sources: Option<Vec<Source>>,
    /// One per document, when there are no participants.
    pub participants: Option<Vec<Participant>>,
    /// Notes and warnings.
    pub report: Diagnostics,
}

/// The datasets already read, which the rows refer to.
#[derive(Clone, Copy, Default)]
pub struct Known<'a> {
    /// The codebook.
    pub codes: Option<&'a [Code]>,
    /// The sources.
    pub sources: Option<&'a [Source]>,
    /// The participants.
    pub participants: Option<&'a [Participant]>,
}

/// Reads the coded export `sheet` of shape `shape`.
pub fn read(
    sheet: &Sheet,
    shape: Shape,
    map: Option<&BTreeMap<String, String>>,
    known: Known,
) -> Result<Coded, Diagnostics> {
    let cols = columns::find(sheet, &CODED_FIELDS, map)?;
    for needed in ["document", "code", "text"] {
        if !cols.contains_key(needed) {
            return Err(Diagnostic::error(format!(
                "{} has no column for `{needed}`",
                sheet.path.display()
            ))
            .at(sheet.at_row(0))
            .help("map it in report.toml under [columns.NAME], NAME the file's stem; see docs/format.md")
            .into());
        }
    }
    let cell = |r: usize, f: &str| cols.get(f).map_or("", |&c| sheet.cell(r, c));
    let taken: Vec<usize> = cols.values().copied().collect();
    let unread: Vec<&str> = sheet
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| !taken.contains(i) && !h.is_empty())
        .map(|(_, h)| h.as_str())
        .collect();
    let mut errors = super::CellErrors::default();
    let mut paths: Vec<Vec<String>> = Vec::new();
    let mut path_index: HashMap<Vec<String>, usize> = HashMap::new();
    let mut documents: Vec<String> = Vec::new();
    // (row, document index, path index), for the rows that could be read.
    let mut rows = Vec::new();
    for r in 0..sheet.rows.len() {
        let doc = cell(r, "document");
        let code = cell(r, "code");
        if doc.is_empty() || code.is_empty() {
            let field = if doc.is_empty() { "document" } else { "code" };
            errors.push(|| {
                sheet
                    .cell_error(r, cols[field], &format!("the {field} is empty"))
                    .help("every row of a coded-segments export names its document and its code")
            });
            continue;
        }
        let path: Vec<String> = if shape == Shape::Maxqda {
            code.split('\\')
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        } else {
            vec![code.to_string()]
        };
        for depth in 1..=path.len() {
            let prefix = path[..depth].to_vec();
            if !path_index.contains_key(&prefix) {
                path_index.insert(prefix.clone(), paths.len());
                paths.push(prefix);
            }
        }
        let d = match documents.iter().position(|x| x == doc) {
            Some(d) => d,
            None => {
                documents.push(doc.to_string());
                documents.len() - 1
            }
        };
        rows.push((r, d, path_index[&path]));
    }
    let mut out = Coded::default();
    let code_ids: Vec<Option<String>> = match known.codes {
        None => {
            let codes = codes_from_paths(&paths);
            let ids = codes.iter().map(|c| Some(c.id.clone())).collect();
            out.codes = Some(codes);
            ids
        }
        Some(book) => paths.iter().map(|p| resolve(book, p)).collect(),
    };
    let (source_ids, made_sources) = documents_to(&documents, known.sources);
    out.sources = made_sources;
    let (owners, made_people) = owners(&documents, &source_ids, known.participants);
    if let Some(people) = made_people {
        out.report.push(
            Diagnostic::warning(format!(
                "{} names no participants, so each of its {} documents stands for one participant",
                sheet.path.display(),
                documents.len()
            ))
            .help("add content/data/participants.csv (or .json) with one row per person whose `source` column names their document"),
        );
        out.participants = Some(people);
    }
    // A passage is its document and, where the exporter numbers its
    // segments, that number; otherwise its begin, end and text.
    let mut by_passage: HashMap<(usize, &str, &str, &str, &str), usize> = HashMap::new();
    let mut coders: Vec<String> = Vec::new();
    let stem = sheet
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    for &(r, d, p) in &rows {
        let Some(code) = code_ids[p].clone() else {
            let wanted = paths[p].join("\\");
            let labels = known
                .codes
                .unwrap_or_default()
                .iter()
                .map(|c| c.label.as_str());
            let help = match did_you_mean(paths[p].last().map_or("", String::as_str), labels) {
                Some(m) => format!("did you mean `{m}`?"),
                None => {
                    "add the code to the codebook, or export the codebook with the segments".into()
                }
            };
            errors.push(|| {
                sheet
                    .cell_error(
                        r,
                        cols["code"],
                        &format!("code `{wanted}` is not in the codebook"),
                    )
                    .help(help)
            });
            continue;
        };
        let Some(owner) = owners[d].clone() else {
            errors.push(|| {
                sheet
                    .cell_error(
                        r,
                        cols["document"],
                        &format!("document `{}` belongs to no participant", documents[d]),
                    )
                    .help("give a participant the attribute `source` with this document's name")
            });
            continue;
        };
        let key = match cell(r, "id") {
            "" => (d, "", cell(r, "begin"), cell(r, "end"), cell(r, "text")),
            id => (d, id, "", "", ""),
        };
        let seg = *by_passage.entry(key).or_insert_with(|| {
            out.segments.push(Segment {
                id: format!("{stem}-{}", sheet.lines[r]),
                participant: owner,
                source: Some(source_ids[d].clone()),
                text: cell(r, "text").to_string(),
                codes: Vec::new(),
                codings: BTreeMap::new(),
                start: None,
                end: None,
                stance: None,
                timestamp: None,
                illustrative: Illustrative::default(),
            });
            out.segments.len() - 1
        });
        let segment = &mut out.segments[seg];
        if !segment.codes.contains(&code) {
            segment.codes.push(code.clone());
        }
        let coder = cell(r, "coder");
        if !coder.is_empty() {
            if !coders.iter().any(|c| c == coder) {
                coders.push(coder.to_string());
            }
            let list = segment.codings.entry(coder.to_string()).or_default();
            if !list.contains(&code) {
                list.push(code);
            }
        }
    }
    if errors.any() {
        return Err(errors.finish(&sheet.path));
    }
    out.report.push(Diagnostic::note(format!(
        "read {} as a {} coded-segments export: {} codings in {} segments of {} documents, {} codes, {} coders{}",
        sheet.path.display(),
        match shape {
            Shape::Maxqda => "MAXQDA",
            Shape::Taguette => "Taguette",
            Shape::QualCoder => "QualCoder",
            Shape::Configured => "mapped",
        },
        rows.len(),
        out.segments.len(),
        documents.len(),
        paths.len(),
        coders.len(),
        if coders.is_empty() { String::new() } else { format!(" ({})", coders.join(", ")) }
    )));
    if !unread.is_empty() {
        out.report.push(Diagnostic::note(format!(
            "columns of {} not read (a coded export's other details): {}",
            sheet.path.display(),
            unread.join(", ")
        )));
    }
    Ok(out)
}

/// Codes for every path prefix; a name used under two parents gets its
/// parent's id as a prefix, as in a `.qdpx`.
fn codes_from_paths(paths: &[Vec<String>]) -> Vec<Code> {
    let mut times: HashMap<&str, usize> = HashMap::new();
    for p in paths {
        *times.entry(p[p.len() - 1].as_str()).or_default() += 1;
    }
    let mut unique = Unique::default();
    let mut ids_by_path: HashMap<&[String], String> = HashMap::new();
    let mut codes = Vec::with_capacity(paths.len());
    for p in paths {
        let name = &p[p.len() - 1];
        let parent = (p.len() > 1).then(|| ids_by_path[&p[..p.len() - 1]].clone());
        let base = ids::from_name(name, "code");
        let want = match &parent {
            Some(parent) if times[name.as_str()] > 1 => format!("{parent}-{base}"),
            _ => base,
        };
        let id = unique.take(want);
        ids_by_path.insert(p, id.clone());
        codes.push(Code {
            id,
            label: name.clone(),
            description: String::new(),
            parent,
            colour: None,
        });
    }
    codes
}

/// The code of `book` a path names: by id or label, the parent's label
/// (or id) deciding between codes of the same label.
fn resolve(book: &[Code], path: &[String]) -> Option<String> {
    let name = path.last()?;
    let matches: Vec<&Code> = book
        .iter()
        .filter(|c| &c.label == name || &c.id == name)
        .collect();
    if matches.len() <= 1 {
        return matches.first().map(|c| c.id.clone());
    }
    let parent = path.get(path.len().wrapping_sub(2))?;
    matches
        .iter()
        .find(|c| {
            c.parent.as_deref().is_some_and(|p| {
                p == parent || book.iter().any(|b| b.id == p && &b.label == parent)
            })
        })
        .map(|c| c.id.clone())
}

/// Each document's source id, and the sources made when there were none.
fn documents_to(
    documents: &[String],
    known: Option<&[Source]>,
) -> (Vec<String>, Option<Vec<Source>>) {
    match known {
        Some(sources) => (
            documents
                .iter()
                .map(|d| {
                    sources
                        .iter()
                        .find(|s| &s.id == d || &s.title == d)
                        .map_or_else(|| ids::from_name(d, "source"), |s| s.id.clone())
                })
                .collect(),
            None,
        ),
        None => {
            let mut unique = Unique::default();
            let made: Vec<Source> = documents
                .iter()
                .map(|d| Source {
                    id: unique.take(ids::from_name(d, "source")),
                    kind: "text".into(),
                    title: d.clone(),
                    description: String::new(),
                    text: None,
                })
                .collect();
            (made.iter().map(|s| s.id.clone()).collect(), Some(made))
        }
    }
}

/// Each document's participant, and the participants made when there
/// were none. A participant owns a document when its `source` attribute,
/// id or alias names it (or the document's source id).
fn owners(
    documents: &[String],
    source_ids: &[String],
    known: Option<&[Participant]>,
) -> (Vec<Option<String>>, Option<Vec<Participant>>) {
    match known {
        Some(people) => (
            documents
                .iter()
                .zip(source_ids)
                .map(|(d, s)| {
                    people
                        .iter()
                        .find(|p| {
                            let claims = p
                                .attributes
                                .get("source")
                                .map(|v| scalar_text(v).into_owned());
                            claims.is_some_and(|c| {
                                c.split(';').map(str::trim).any(|c| c == d || c == s)
                            }) || &p.id == d
                                || &p.id == s
                                || &p.alias == d
                        })
                        .map(|p| p.id.clone())
                })
                .collect(),
            None,
        ),
        None => {
            let made: Vec<Participant> = documents
                .iter()
                .zip(source_ids)
                .map(|(d, s)| {
                    let mut attributes = Map::new();
                    attributes.insert("source".into(), s.clone().into());
                    Participant {
                        id: s.clone(),
                        alias: d.clone(),
                        role: String::new(),
                        persona: String::new(),
                        illustrative: Illustrative::default(),
                        attributes,
                    }
                })
                .collect();
            (
                source_ids.iter().map(|s| Some(s.clone())).collect(),
                Some(made),
            )
        }
    }
}
