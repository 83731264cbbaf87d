//! Stage 3 of the pipeline: analysis.
//!
//! Pure functions over the indexed study: counts and shares by attribute,
//! code frequency, crosstabs and co-occurrence. Prose roles, tables and
//! charts all call these, so a number is computed one way only.

pub mod format;
pub mod memo;
pub mod select;

use std::collections::HashMap;

use format::NumberFormat;
use select::{check_field, value, Kind, Matches, Selection};

use crate::model::study::Study;

/// Why a number cannot be computed: what is wrong and how to fix it. The
/// caller knows where it was asked for and adds the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl Problem {
    /// A problem with its hint.
    pub fn new(message: impl Into<String>, help: impl Into<String>) -> Problem {
        Problem {
            message: message.into(),
            help: help.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.message, self.help)
    }
}

/// Directive renderers report `(message, help)` pairs.
impl From<Problem> for (String, String) {
    fn from(p: Problem) -> Self {
        (p.message, p.help)
    }
}

/// Label used for records that have no value for the field.
pub const NOT_RECORDED: &str = "Not recorded";

/// Counts of matched records per value of one field.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    /// The field counted by.
    pub field: String,
    /// `(value, display label, count)` in display order: the order of
    /// `[labels.FIELD]` in report.toml, then first appearance.
    pub values: Vec<(String, String, u64)>,
}

impl Tally {
    /// The counts alone, in order.
    pub fn counts(&self) -> Vec<u64> {
        self.values.iter().map(|v| v.2).collect()
    }

    /// The sum of the counts.
    pub fn total(&self) -> u64 {
        self.values.iter().map(|v| v.2).sum()
    }
}

/// Counts `m` by the value of `field`.
pub fn count_by(m: &Matches, field: &str) -> Result<Tally, Problem> {
    check_field(m.study, m.kind, &m.dataset, field)?;
    let mut order: Vec<(String, u64)> = Vec::new();
    let mut at: HashMap<String, usize> = HashMap::new();
    for &i in &m.indices {
        let v = value(m.study, m.kind, &m.dataset, i, field);
        match at.get(v.as_ref()) {
            Some(&k) => order[k].1 += 1,
            None => {
                at.insert(v.to_string(), order.len());
                order.push((v.into_owned(), 1));
            }
        }
    }
    Ok(ordered_tally(m.study, field, order))
}

fn ordered_tally(study: &Study, field: &str, order: Vec<(String, u64)>) -> Tally {
    let labels = &study.labels;
    let mut ranked: Vec<(usize, (String, u64))> = order.into_iter().enumerate().collect();
    ranked.sort_by_key(|(first, (v, _))| (labels.rank(field, v).unwrap_or(usize::MAX), *first));
    let values = ranked
        .into_iter()
        .map(|(_, (v, n))| {
            let label = if v.is_empty() {
                NOT_RECORDED.to_string()
            } else {
                labels.get(field, &v).to_string()
            };
            (v, label, n)
        })
        .collect();
    Tally {
        field: field.to_string(),
        values,
    }
}

/// A share as shown in prose and on charts: the rounded percent, with the
/// count and the total it was computed from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Share {
    /// Matching records.
    pub count: u64,
    /// The unfiltered dataset's size.
    pub total: u64,
    /// Rounded percent, as printed.
    pub percent: f64,
}

/// The share of the whole dataset that `sel` selects. A selection with one
/// `field=value` condition takes its part of the split of the dataset by
/// that field, rounded the way a chart of that split is (largest
/// remainder), so the sentence and the donut always agree.
pub fn share(study: &Study, sel: &Selection, format: &NumberFormat) -> Result<Share, Problem> {
    let m = select::select(study, sel)?;
    let count = m.indices.len() as u64;
    let total = m.total as u64;
    if let [c] = sel.conditions.as_slice() {
        let on_code = m.kind == Kind::Segments && c.field == "code";
        if !c.negated && !on_code {
            let tally = study.memo.tally(&sel.dataset, &c.field, || {
                let all = select::select(
                    study,
                    &Selection {
                        dataset: sel.dataset.clone(),
                        conditions: vec![],
                    },
                )?;
                count_by(&all, &c.field)
            })?;
            let parts = format.split(&tally.counts());
            let percent = tally
                .values
                .iter()
                .position(|v| v.0 == c.value)
                .map_or(0.0, |i| parts[i]);
            return Ok(Share {
                count,
                total,
                percent,
            });
        }
    }
    let parts = format.split(&[count, total - count]);
    Ok(Share {
        count,
        total,
        percent: parts[0],
    })
}

/// How often a code is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeFrequency {
    /// Index of the code in the codebook.
    pub code: usize,
    /// Segments carrying the code or one below it.
    pub segments: u64,
    /// Distinct participants behind those segments.
    pub participants: u64,
}

/// Frequency of every code among the matched segments, in codebook order.
/// A parent code counts its children's segments (once per segment).
pub fn code_frequency(m: &Matches) -> Vec<CodeFrequency> {
    m.study
        .memo
        .frequencies(&m.selection, || count_codes(m))
        .to_vec()
}

fn count_codes(m: &Matches) -> Vec<CodeFrequency> {
    let study = m.study;
    let mut segments = vec![0u64; study.codes.len()];
    let mut people: Vec<Vec<bool>> = vec![Vec::new(); study.codes.len()];
    let mut participants = vec![0u64; study.codes.len()];
    let mut touched = Vec::new();
    for &i in &m.indices {
        touched.clear();
        for &c in &study.segment_codes[i] {
            touched.extend_from_slice(&study.code_ancestors[c]);
        }
        touched.sort_unstable();
        touched.dedup();
        let p = study.segment_participant[i];
        for &c in &touched {
            segments[c] += 1;
            let seen = &mut people[c];
            if seen.is_empty() {
                seen.resize(study.participants.len(), false);
            }
            if !std::mem::replace(&mut seen[p], true) {
                participants[c] += 1;
            }
        }
    }
    (0..study.codes.len())
        .map(|code| CodeFrequency {
            code,
            segments: segments[code],
            participants: participants[code],
        })
        .collect()
}

/// Counts of matched records by two fields.
#[derive(Debug, Clone, PartialEq)]
pub struct Crosstab {
    /// Row values (the `by` field) as `(value, label)`.
    pub rows: Vec<(String, String)>,
    /// Column values (the `across` field) as `(value, label)`.
    pub columns: Vec<(String, String)>,
    /// `counts[row][column]`.
    pub counts: Vec<Vec<u64>>,
}

/// Crosstab of `m` by `by` (rows) and `across` (columns).
pub fn crosstab(m: &Matches, by: &str, across: &str) -> Result<Crosstab, Problem> {
    let rows = count_by(m, by)?;
    let columns = count_by(m, across)?;
    let row_at: HashMap<&str, usize> = rows
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| (v.0.as_str(), i))
        .collect();
    let col_at: HashMap<&str, usize> = columns
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| (v.0.as_str(), i))
        .collect();
    let mut counts = vec![vec![0u64; columns.values.len()]; rows.values.len()];
    for &i in &m.indices {
        let r = row_at[value(m.study, m.kind, &m.dataset, i, by).as_ref()];
        let c = col_at[value(m.study, m.kind, &m.dataset, i, across).as_ref()];
        counts[r][c] += 1;
    }
    let pairs = |t: Tally| t.values.into_iter().map(|(v, l, _)| (v, l)).collect();
    Ok(Crosstab {
        rows: pairs(rows),
        columns: pairs(columns),
        counts,
    })
}

/// Which codes a code analysis looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeLevel {
    /// Every code as applied.
    All,
    /// Top-level codes only: a segment coded with a sub-code counts for
    /// the theme at the top of its branch.
    Top,
    /// These codes only (indices), each counting its sub-codes; codes
    /// outside their branches are left out.
    Listed(Vec<usize>),
}

impl CodeLevel {
    /// The code `code` counts for at this level, if any.
    pub fn of(&self, study: &Study, code: usize) -> Option<usize> {
        let ancestors = &study.code_ancestors[code];
        match self {
            CodeLevel::All => Some(code),
            CodeLevel::Top => ancestors.last().copied(),
            CodeLevel::Listed(codes) => ancestors.iter().copied().find(|a| codes.contains(a)),
        }
    }

    /// Whether code `code` is shown at this level.
    pub fn shows(&self, study: &Study, code: usize) -> bool {
        match self {
            CodeLevel::All => true,
            CodeLevel::Top => study.codes[code].parent.is_none(),
            CodeLevel::Listed(codes) => codes.contains(&code),
        }
    }
}

/// Code co-occurrence among matched segments: the codes that occur (in
/// codebook order) and `counts[i][j]`, the segments coded with both; the
/// diagonal is each code's own count.
pub fn cooccurrence(m: &Matches, level: &CodeLevel) -> (Vec<usize>, Vec<Vec<u64>>) {
    // Memoized for the plain level only: rolled-up variants are rarer and
    // the memo is keyed by selection alone.
    if *level == CodeLevel::All {
        let found = m
            .study
            .memo
            .cooccurrence(&m.selection, || count_pairs(m, level));
        return (*found).clone();
    }
    count_pairs(m, level)
}

fn count_pairs(m: &Matches, level: &CodeLevel) -> (Vec<usize>, Vec<Vec<u64>>) {
    let study = m.study;
    let mut used = vec![false; study.codes.len()];
    for &i in &m.indices {
        for &c in &study.segment_codes[i] {
            if let Some(shown) = level.of(study, c) {
                used[shown] = true;
            }
        }
    }
    let codes: Vec<usize> = (0..study.codes.len()).filter(|&c| used[c]).collect();
    let mut at = vec![usize::MAX; study.codes.len()];
    for (k, &c) in codes.iter().enumerate() {
        at[c] = k;
    }
    let mut counts = vec![vec![0u64; codes.len()]; codes.len()];
    let mut present = Vec::new();
    for &i in &m.indices {
        present.clear();
        present.extend(
            study.segment_codes[i]
                .iter()
                .filter_map(|&c| level.of(study, c))
                .map(|c| at[c]),
        );
        present.sort_unstable();
        present.dedup();
        for (x, &a) in present.iter().enumerate() {
            for &b in &present[x..] {
                counts[a][b] += 1;
                if a != b {
                    counts[b][a] += 1;
                }
            }
        }
    }
    (codes, counts)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::load::config::Labels;
    use crate::load::datasets::{parse_file, Datasets};
    use crate::Diagnostics;
    use std::path::Path;

    /// Nine participants (7 crisis, 2 cycle), five codes with one parent.
    pub fn study() -> Study {
        let mut data = Datasets::default();
        let mut problems = Diagnostics::new();
        let mut people = Vec::new();
        for i in 0..9 {
            let stance = if i < 7 { "crisis" } else { "cycle" };
            let persona = [
                "expert",
                "expert",
                "builder",
                "expert",
                "builder",
                "journalist",
                "expert",
                "trader",
                "trader",
            ][i];
            people.push(format!(
                r#"{{"id":"p{i}","alias":"P{i}","persona":"{persona}","attributes":{{"stance":"{stance}"}}}}"#
            ));
        }
        parse_file(
            "participants",
            Path::new("p.json"),
            format!("[{}]", people.join(",")),
            &mut data,
            &mut problems,
        );
        parse_file(
            "codebook",
            Path::new("c.json"),
            r#"[{"id":"trust","label":"Trust"},{"id":"audit","label":"Audits","parent":"trust"},
               {"id":"div","label":"Diversify"},{"id":"fomo","label":"FOMO"},{"id":"unused","label":"Unused"}]"#
                .into(),
            &mut data,
            &mut problems,
        );
        parse_file(
            "segments",
            Path::new("s.json"),
            r#"[{"id":"s1","participant":"p0","text":"a","codes":["audit","div"]},
               {"id":"s2","participant":"p0","text":"b","codes":["trust"]},
               {"id":"s3","participant":"p1","text":"c","codes":["audit","trust"]},
               {"id":"s4","participant":"p7","text":"d","codes":["fomo","div"]}]"#
                .into(),
            &mut data,
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems}");
        let mut labels = Labels::default();
        labels.0.insert(
            "stance".into(),
            vec![
                ("cycle".into(), "Cycle".into()),
                ("crisis".into(), "Crisis".into()),
            ],
        );
        Study::build(data, labels).unwrap().0
    }

    fn sel(s: &str) -> Selection {
        Selection::parse(s).unwrap()
    }

    #[test]
    fn shares_of_participants_by_stance() {
        let s = study();
        let f = NumberFormat::default();
        let share = share(&s, &sel("participants[stance=crisis]"), &f).unwrap();
        assert_eq!((share.count, share.total), (7, 9));
        assert_eq!(f.percent(share.percent), "77.8%");
        let m = select::select(&s, &sel("participants")).unwrap();
        let t = count_by(&m, "stance").unwrap();
        // Configured label order first: cycle before crisis.
        assert_eq!(
            t.values,
            vec![
                ("cycle".into(), "Cycle".into(), 2),
                ("crisis".into(), "Crisis".into(), 7)
            ]
        );
    }

    #[test]
    fn parent_codes_count_their_children_once_per_segment() {
        let s = study();
        let m = select::select(&s, &sel("segments")).unwrap();
        let f = code_frequency(&m);
        let trust = &f[s.code_position("trust").unwrap()];
        assert_eq!((trust.segments, trust.participants), (3, 2));
        let audit = &f[s.code_position("audit").unwrap()];
        assert_eq!((audit.segments, audit.participants), (2, 2));
        assert_eq!(f[s.code_position("unused").unwrap()].segments, 0);
        let m = select::select(&s, &sel("segments[code=trust]")).unwrap();
        assert_eq!(m.indices, vec![0, 1, 2]);
        assert_eq!(m.distinct_participants(), 2);
    }

    #[test]
    fn crosstab_and_cooccurrence() {
        let s = study();
        let m = select::select(&s, &sel("participants")).unwrap();
        let x = crosstab(&m, "persona", "stance").unwrap();
        assert_eq!(x.rows[3].0, "trader");
        assert_eq!(x.counts[3], vec![2, 0]);
        assert_eq!(x.counts.iter().flatten().sum::<u64>(), 9);
        let m = select::select(&s, &sel("segments")).unwrap();
        let (codes, counts) = cooccurrence(&m, &CodeLevel::All);
        let names: Vec<&str> = codes.iter().map(|&c| s.codes[c].id.as_str()).collect();
        assert_eq!(names, ["trust", "audit", "div", "fomo"]);
        assert_eq!(counts[1][2], 1); // audit & div in s1
        assert_eq!(counts[0][1], 1); // trust & audit in s3
        assert_eq!(counts[2][2], 2); // div alone
        let (top, counts) = cooccurrence(&m, &CodeLevel::Top);
        let names: Vec<&str> = top.iter().map(|&c| s.codes[c].id.as_str()).collect();
        assert_eq!(names, ["trust", "div", "fomo"]);
        assert_eq!(counts[0][0], 3); // audit rolls up into trust; s3 counts once
        assert_eq!(counts[0][1], 1);
        let listed = CodeLevel::Listed(vec![
            s.code_position("audit").unwrap(),
            s.code_position("div").unwrap(),
        ]);
        let (codes, counts) = cooccurrence(&m, &listed);
        assert_eq!(codes.len(), 2);
        assert_eq!(counts, vec![vec![2, 1], vec![1, 2]]);
    }

    #[test]
    fn unknown_fields_and_codes_are_explained() {
        let s = study();
        let e = select::select(&s, &sel("participants[stanse=crisis]")).unwrap_err();
        assert_eq!(e.message, "participants have no field `stanse`");
        assert_eq!(e.help, "did you mean `stance`?");
        let e = select::select(&s, &sel("segments[code=audits]")).unwrap_err();
        assert_eq!(
            (e.message.as_str(), e.help.as_str()),
            ("unknown code `audits`", "did you mean `audit`?")
        );
        let e = select::select(&s, &sel("particpants")).unwrap_err();
        assert_eq!(e.help, "did you mean `participants`?");
    }
}
