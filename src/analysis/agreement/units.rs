//! From codings to reliability data, by the documented rules
//! (docs/format.md, "Inter-coder agreement").
//!
//! `segment` units are the selected passages that any compared coder
//! coded; a coder's value on a unit for a code is 1 if they applied that
//! code (or one below it) there, else 0, and missing when they coded
//! nothing in the unit's source. `character` units are the characters
//! (code points) of every source that all compared coders coded; a
//! coder's value is 1 where one of their codings of the code covers the
//! character. A code's units are pooled over sources; "all codes" pools
//! every (unit, code) pair.

use std::collections::{BTreeMap, HashSet};

use super::super::select::Matches;
use super::super::Problem;
use crate::model::study::Study;

/// How the material is cut into units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Each coded passage.
    Segment,
    /// Each character of the sources all coders coded.
    Character,
}

impl Unit {
    /// `segment` or `character`.
    pub fn parse(text: &str) -> Result<Unit, Problem> {
        match text.trim() {
            "segment" => Ok(Unit::Segment),
            "character" => Ok(Unit::Character),
            other => Err(Problem::new(
                format!("the agreement unit is `{other}`"),
                "use unit segment (each coded passage) or unit character (NVivo's coding comparison)",
            )),
        }
    }

    /// The name, for captions.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Segment => "segment",
            Unit::Character => "character",
        }
    }
}

/// Every coder named in the study's codings, in name order.
pub fn coders(study: &Study) -> Vec<String> {
    let mut all: Vec<String> = study
        .segments
        .iter()
        .flat_map(|s| s.codings.keys().cloned())
        .collect();
    all.sort();
    all.dedup();
    all
}

/// Reliability data as distinct rows of values with their multiplicity.
pub type Rows = BTreeMap<Vec<Option<u8>>, u64>;

/// Per code of `codes` (each counting its sub-codes), the reliability
/// data of `coders` over the segments of `m`.
pub fn reliability(
    m: &Matches,
    coders: &[String],
    codes: &[usize],
    unit: Unit,
) -> Result<Vec<Rows>, Problem> {
    let study: &Study = m.study;
    // Each selected segment's codes per compared coder, as code indices.
    let per_coder: Vec<(usize, Vec<Option<Vec<usize>>>)> = m
        .indices
        .iter()
        .map(|&i| {
            let s = &study.segments[i];
            let values = coders
                .iter()
                .map(|c| {
                    s.codings.get(c).map(|ids| {
                        ids.iter()
                            .filter_map(|id| study.code_position(id))
                            .collect()
                    })
                })
                .collect();
            (i, values)
        })
        .collect();
    let has = |applied: &[usize], code: usize| {
        applied
            .iter()
            .any(|&c| study.code_ancestors[c].contains(&code))
    };
    match unit {
        Unit::Segment => {
            // Which sources each coder coded anything in.
            let mut coded: HashSet<(usize, Option<&str>)> = HashSet::new();
            for s in &study.segments {
                for (k, c) in coders.iter().enumerate() {
                    if s.codings.get(c).is_some_and(|v| !v.is_empty()) {
                        coded.insert((k, s.source.as_deref()));
                    }
                }
            }
            let mut out = vec![Rows::new(); codes.len()];
            for (i, values) in &per_coder {
                if values.iter().all(Option::is_none) {
                    continue;
                }
                let source = study.segments[*i].source.as_deref();
                for (r, &code) in codes.iter().enumerate() {
                    let row: Vec<Option<u8>> = values
                        .iter()
                        .enumerate()
                        .map(|(k, v)| match v {
                            Some(applied) => Some(u8::from(has(applied, code))),
                            None if coded.contains(&(k, source)) => Some(0),
                            None => None,
                        })
                        .collect();
                    *out[r].entry(row).or_default() += 1;
                }
            }
            Ok(out)
        }
        Unit::Character => characters(study, &per_coder, coders.len(), codes, has),
    }
}

/// Character units: per source all coders coded, per code, which coder
/// covers each character; runs of equal rows are counted, not listed.
fn characters(
    study: &Study,
    per_coder: &[(usize, Vec<Option<Vec<usize>>>)],
    n_coders: usize,
    codes: &[usize],
    has: impl Fn(&[usize], usize) -> bool,
) -> Result<Vec<Rows>, Problem> {
    let mut by_source: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, (i, _)) in per_coder.iter().enumerate() {
        if let Some(src) = study.segments[*i].source.as_deref() {
            by_source.entry(src).or_default().push(k);
        }
    }
    let mut out = vec![Rows::new(); codes.len()];
    let mut any_positions = false;
    for (source, members) in by_source {
        let coded_by_all = (0..n_coders).all(|c| {
            members
                .iter()
                .any(|&k| per_coder[k].1[c].as_ref().is_some_and(|v| !v.is_empty()))
        });
        if !coded_by_all {
            continue;
        }
        let spans: Vec<(usize, u64, u64)> = members
            .iter()
            .filter_map(|&k| {
                let s = &study.segments[per_coder[k].0];
                Some((k, s.start?, s.end?))
            })
            .collect();
        if spans.is_empty() {
            continue;
        }
        any_positions = true;
        let text_len = study
            .sources
            .iter()
            .find(|s| s.id == source)
            .and_then(|s| s.text.as_ref())
            .map(|t| t.chars().count() as u64);
        let len = text_len
            .unwrap_or(0)
            .max(spans.iter().map(|s| s.2).max().unwrap_or(0));
        for (r, &code) in codes.iter().enumerate() {
            // Per coder, the +1/−1 edges of their coverage of this code.
            let mut edges: BTreeMap<u64, Vec<i64>> = BTreeMap::new();
            for &(k, start, end) in &spans {
                for (c, applied) in per_coder[k].1.iter().enumerate() {
                    if applied.as_ref().is_some_and(|a| has(a, code)) && end > start {
                        edges.entry(start).or_insert_with(|| vec![0; n_coders])[c] += 1;
                        edges.entry(end).or_insert_with(|| vec![0; n_coders])[c] -= 1;
                    }
                }
            }
            let mut depth = vec![0i64; n_coders];
            let mut at = 0u64;
            let mut push = |from: u64, to: u64, depth: &[i64]| {
                if to > from {
                    let row: Vec<Option<u8>> =
                        depth.iter().map(|&d| Some(u8::from(d > 0))).collect();
                    *out[r].entry(row).or_default() += to - from;
                }
            };
            for (&pos, delta) in &edges {
                let pos = pos.min(len);
                push(at, pos, &depth);
                for (d, e) in depth.iter_mut().zip(delta) {
                    *d += e;
                }
                at = pos;
            }
            push(at, len, &depth);
        }
    }
    if !any_positions {
        return Err(Problem::new(
            "character units need the segments' positions in their sources, and these segments have none",
            "use unit segment, or give segments `start` and `end` (a .qdpx export has them)",
        ));
    }
    Ok(out)
}
