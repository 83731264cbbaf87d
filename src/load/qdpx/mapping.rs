//! A read project to the records of `model::records`: the codebook with
//! stable ids, the sources with their text, and the segments, one per
//! distinct passage (same source, same span) whatever number of
//! selections and coders marked it.

use std::collections::{BTreeMap, HashMap};

use super::ids::{self, Unique};
use super::offsets::{self, Bad, Indexed, Unit};
use super::project::{Kind, QSource, Qde};
use super::Doc;
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::records::{Code, Illustrative, Segment, Source};

/// At most this many bad selections are reported one by one.
const MAX_REPORTED: usize = 20;

/// Codes with stable ids; `by_guid` maps a code GUID to its index.
pub struct Codebook {
    /// The records, in the project's order (parents before children).
    pub codes: Vec<Code>,
    /// Code GUID → index in `codes`.
    pub by_guid: HashMap<String, usize>,
}

/// A code's id is its name as an id. A name that occurs more than once in
/// the codebook (QualCoder and NVivo allow it under different parents)
/// is prefixed with its parent's id on every occurrence, so that no
/// occurrence's id depends on which came first: `concepts-logic` and
/// `framings-logic`. The label stays the name.
pub fn codebook(qde: &Qde) -> Codebook {
    let mut times: HashMap<&str, usize> = HashMap::new();
    for c in &qde.codes {
        *times.entry(c.name.as_str()).or_default() += 1;
    }
    let mut unique = Unique::default();
    let mut codes: Vec<Code> = Vec::with_capacity(qde.codes.len());
    let mut by_guid = HashMap::new();
    for (i, c) in qde.codes.iter().enumerate() {
        let base = ids::from_name(&c.name, "code");
        let parent = c.parent.map(|p| codes[p].id.clone());
        let want = match (&parent, times[c.name.as_str()] > 1) {
            (Some(p), true) => format!("{p}-{base}"),
            _ => base,
        };
        by_guid.insert(c.guid.clone(), i);
        codes.push(Code {
            id: unique.take(want),
            label: if c.name.trim().is_empty() {
                c.guid.clone()
            } else {
                c.name.clone()
            },
            description: c.description.clone(),
            parent,
            colour: c.color.as_deref().and_then(colour),
        });
    }
    Codebook { codes, by_guid }
}

/// QDA-XML writes `#RRGGBB`; the codebook wants `#rrggbb`. Anything else
/// is dropped (a colour is decoration, not data).
fn colour(c: &str) -> Option<String> {
    let hex = c.strip_prefix('#')?;
    (hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// A source's display title: its name, else the file name of its plain
/// text, else its GUID.
pub fn title(s: &QSource) -> String {
    if let Some(name) = s.name.as_deref().filter(|n| !n.trim().is_empty()) {
        return name.to_string();
    }
    s.plain_path
        .as_deref()
        .map(|p| p.rsplit(['/', '\\']).next().unwrap_or(p))
        .map(|f| f.rsplit_once('.').map_or(f, |(stem, _)| stem))
        .filter(|f| !f.is_empty())
        .unwrap_or(&s.guid)
        .to_string()
}

/// The source records, with ids from their titles.
pub fn sources(qde: &Qde, texts: &[Option<String>]) -> Vec<Source> {
    let mut unique = Unique::default();
    qde.sources
        .iter()
        .zip(texts)
        .map(|(s, text)| {
            let title = title(s);
            Source {
                id: unique.take(ids::from_name(&title, "source")),
                kind: s.kind.name().to_string(),
                title,
                description: s.description.clone(),
                text: text.clone(),
            }
        })
        .collect()
}

/// What slicing one source found, for `check`.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// Index of the source.
    pub source: usize,
    /// The unit its offsets were read in.
    pub unit: Unit,
    /// Its text selections.
    pub selections: usize,
    /// Segments after merging.
    pub segments: usize,
    /// Segments overlapping another segment of a different span.
    pub overlapping: usize,
}

/// The segments of every text source, merged by span, and per-source
/// figures. `participant` is filled in later ([`super::people`]).
pub struct Sliced {
    /// One per distinct passage, in document order of first selection.
    pub segments: Vec<Segment>,
    /// Source index of each segment.
    pub source_of: Vec<usize>,
    /// Selection GUIDs merged into each segment.
    pub selections_of: Vec<Vec<String>>,
    /// Per text source with selections.
    pub reports: Vec<SourceReport>,
    /// Selections without any coding (nothing to report).
    pub uncoded: usize,
    /// Codings applying a code marked not codable.
    pub not_codable: usize,
}

/// Slices and merges every selection; every bad selection is an error.
pub fn segments(
    qde: &Qde,
    sources: &[Source],
    book: &Codebook,
    doc: &Doc,
) -> Result<Sliced, Diagnostics> {
    let users: HashMap<&str, &str> = qde
        .users
        .iter()
        .map(|u| (u.guid.as_str(), u.name.as_str()))
        .collect();
    let origin = qde.origin.as_deref().unwrap_or_default();
    let mut errors = Diagnostics::new();
    // Locating an error costs a pass over the document, so a file with
    // thousands of bad selections reports the first ones and a count.
    let mut more = 0usize;
    let mut out = Sliced {
        segments: Vec::new(),
        source_of: Vec::new(),
        selections_of: Vec::new(),
        reports: Vec::new(),
        uncoded: 0,
        not_codable: 0,
    };
    for (si, (q, source)) in qde.sources.iter().zip(sources).enumerate() {
        if q.kind != Kind::Text || q.selections.is_empty() {
            continue;
        }
        let Some(text) = source.text.as_deref() else {
            continue;
        };
        let index = Indexed::new(text);
        let spans: Vec<(u64, u64)> = q
            .selections
            .iter()
            .filter_map(|s| Some((s.start?, s.end?)))
            .collect();
        let unit = offsets::detect(&index, &spans, origin);
        let mut by_span: HashMap<(usize, usize), usize> = HashMap::new();
        let first_segment = out.segments.len();
        for sel in &q.selections {
            // Locating is linear in the document: only for errors.
            let at = || doc.at(sel.pos, "<PlainTextSelection".len());
            let (Some(start), Some(end)) = (sel.start, sel.end) else {
                if errors.0.len() >= MAX_REPORTED {
                    more += 1;
                    continue;
                }
                errors.push(
                    Diagnostic::error(format!(
                        "selection {} on source `{}` has no readable startPosition and endPosition",
                        sel.guid, source.title
                    ))
                    .at(at())
                    .help("both must be whole numbers: export the project again"),
                );
                continue;
            };
            let (s, e) = match index.to_chars(unit, start, end) {
                Ok(r) => r,
                Err(_) if errors.0.len() >= MAX_REPORTED => {
                    more += 1;
                    continue;
                }
                Err(bad) => {
                    errors.push(bad_selection(&sel.guid, source, unit, start, end, &bad).at(at()));
                    continue;
                }
            };
            if sel.codings.is_empty() {
                out.uncoded += 1;
                continue;
            }
            let mut coded: Vec<(Option<&str>, &str)> = Vec::new();
            for c in &sel.codings {
                let Some(&ci) = book.by_guid.get(&c.code) else {
                    if errors.0.len() >= MAX_REPORTED {
                        more += 1;
                        continue;
                    }
                    errors.push(
                        Diagnostic::error(format!(
                            "selection {} on source `{}` is coded with code {}, which is not in the codebook",
                            sel.guid, source.title, c.code
                        ))
                        .at(at())
                        .help("export the project again; every CodeRef must name a Code of the CodeBook"),
                    );
                    continue;
                };
                if !qde.codes[ci].codable {
                    out.not_codable += 1;
                }
                let coder = c
                    .user
                    .as_deref()
                    .map(|g| users.get(g).copied().unwrap_or(g));
                coded.push((coder, book.codes[ci].id.as_str()));
            }
            let seg = *by_span.entry((s, e)).or_insert_with(|| {
                out.segments.push(Segment {
                    id: sel.guid.clone(),
                    participant: String::new(),
                    source: Some(source.id.clone()),
                    text: index.slice(s, e).to_string(),
                    codes: Vec::new(),
                    codings: BTreeMap::new(),
                    start: Some(s as u64),
                    end: Some(e as u64),
                    stance: None,
                    timestamp: None,
                    illustrative: Illustrative::default(),
                });
                out.source_of.push(si);
                out.selections_of.push(Vec::new());
                out.segments.len() - 1
            });
            out.selections_of[seg].push(sel.guid.clone());
            let segment = &mut out.segments[seg];
            for (coder, code) in coded {
                if !segment.codes.iter().any(|c| c == code) {
                    segment.codes.push(code.to_string());
                }
                if let Some(coder) = coder {
                    let list = segment.codings.entry(coder.to_string()).or_default();
                    if !list.iter().any(|c| c == code) {
                        list.push(code.to_string());
                    }
                }
            }
        }
        let spans: Vec<(usize, usize)> = by_span.keys().copied().collect();
        out.reports.push(SourceReport {
            source: si,
            unit,
            selections: q.selections.len(),
            segments: out.segments.len() - first_segment,
            overlapping: overlapping(&spans),
        });
    }
    if more > 0 {
        errors.push(
            Diagnostic::error(format!(
                "and {more} more selections like these (only the first {MAX_REPORTED} are shown)"
            ))
            .at(Location::file(&doc.path))
            .help("the project's offsets do not fit its texts: export the project again"),
        );
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(out)
    }
}

fn bad_selection(
    guid: &str,
    source: &Source,
    unit: Unit,
    start: u64,
    end: u64,
    bad: &Bad,
) -> Diagnostic {
    let unit_name = match unit {
        Unit::Utf16 => "UTF-16 units",
        _ => "characters",
    };
    let what = match bad {
        Bad::Reversed => format!("starts at {start}, after its end {end}"),
        Bad::Outside { len } => {
            format!("ends at {end}, past the end of the text ({len} {unit_name})")
        }
        Bad::SplitsPair { at } => format!(
            "has an offset ({at}) that splits a character outside the BMP (an emoji, say) in two"
        ),
    };
    Diagnostic::error(format!(
        "selection {guid} on source `{}` {what}",
        source.title
    ))
    .help(format!(
        "the offsets of this source were read in {}; the text in the archive may not be the one that was coded: export the project again",
        unit.describe()
    ))
}

/// How many of `spans` (distinct) overlap at least one other. Sorted by
/// start, a span overlaps an earlier one when it starts before the
/// furthest end so far, and a later one when the next span starts before
/// its end.
fn overlapping(spans: &[(usize, usize)]) -> usize {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut furthest = 0;
    let mut count = 0;
    for (i, &(start, end)) in sorted.iter().enumerate() {
        let earlier = i > 0 && start < furthest;
        let later = sorted.get(i + 1).is_some_and(|next| next.0 < end);
        count += usize::from(earlier || later);
        furthest = furthest.max(end);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_overlapping_spans() {
        assert_eq!(overlapping(&[(0, 5), (5, 9)]), 0);
        assert_eq!(overlapping(&[(0, 5), (4, 9), (20, 30)]), 2);
        assert_eq!(overlapping(&[(0, 50), (10, 12), (20, 22)]), 3);
    }

    #[test]
    fn colours_are_normalised_or_dropped() {
        assert_eq!(colour("#A1B2C3").as_deref(), Some("#a1b2c3"));
        assert_eq!(colour("red"), None);
    }
}
