//! Which codes a code analysis shows, in what order, and where each sits
//! in the code tree: `:level:`, `:codes:`, `:top:` and `:sort:` resolved
//! once for tables, bar charts, crosstabs and heatmaps alike.

use super::chart_data::Hierarchy;
use super::frequency::code_frequency;
use super::select::Matches;
use super::Problem;
use crate::model::study::Study;

/// Which codes a code analysis looks at. Every shown code counts the
/// segments of its sub-codes (once per segment), whatever the level.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeLevel {
    /// Every code.
    All,
    /// Top-level codes only: the themes, each counting its whole branch.
    Top,
    /// These codes only (indices), in the order given.
    Listed(Vec<usize>),
    /// The codes below `code`: its sub-codes, or with `all` every code
    /// of its branch under it.
    Under {
        /// The code whose branch is shown (not itself).
        code: usize,
        /// Every level below it, not only its sub-codes.
        all: bool,
    },
}

impl CodeLevel {
    /// Whether code `code` is shown at this level.
    pub fn shows(&self, study: &Study, code: usize) -> bool {
        match self {
            CodeLevel::All => true,
            CodeLevel::Top => study.codes[code].parent.is_none(),
            CodeLevel::Listed(codes) => codes.contains(&code),
            CodeLevel::Under { code: under, all } => {
                let above = study.code_ancestors[code].get(1..).unwrap_or_default();
                if *all {
                    above.contains(under)
                } else {
                    above.first() == Some(under)
                }
            }
        }
    }
}

/// The order rows of codes are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeSort {
    /// Most frequent first.
    Count,
    /// The code tree: each parent followed by its sub-codes, siblings in
    /// codebook file order.
    Codebook,
    /// Alphabetically by label.
    Label,
    /// The order of `:codes:`.
    Given,
}

impl CodeSort {
    /// Every sort with its option name.
    pub const ALL: [(&'static str, CodeSort); 4] = [
        ("count", CodeSort::Count),
        ("codebook", CodeSort::Codebook),
        ("label", CodeSort::Label),
        ("given", CodeSort::Given),
    ];

    /// The sort called `name` in a directive.
    pub fn parse(name: &str) -> Option<CodeSort> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|&(_, s)| s)
    }
}

/// What a code analysis asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeQuery {
    /// Which codes.
    pub level: CodeLevel,
    /// In what order.
    pub sort: CodeSort,
    /// Keep only the N most frequent.
    pub top: Option<usize>,
    /// Rank and filter by distinct participants instead of segments.
    pub people: bool,
    /// Keep codes no selected segment carries.
    pub keep_empty: bool,
}

/// One code shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRow {
    /// Index of the code in the codebook.
    pub code: usize,
    /// How many shown codes stand above it (0 for the first level shown).
    pub depth: usize,
    /// Selected segments carrying it or a code below it.
    pub segments: u64,
    /// Distinct participants behind those segments.
    pub participants: u64,
}

impl CodeRow {
    /// The count the query ranks by.
    pub fn count(&self, people: bool) -> u64 {
        if people {
            self.participants
        } else {
            self.segments
        }
    }
}

/// The codes an analysis shows, with the bases their shares divide by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRows {
    /// The codes, in display order.
    pub rows: Vec<CodeRow>,
    /// How many codes the level holds before `top` and before codes
    /// without segments are left out.
    pub available: usize,
    /// Segments in the selection: the base of segment shares.
    pub base_segments: u64,
    /// Distinct participants in the selection: the base of their shares.
    pub base_participants: u64,
    /// True when the rows are in tree order (parents before children).
    pub tree_order: bool,
    /// True when `top` left codes out.
    pub top_applied: bool,
}

/// Resolves `q` over the segments of `m`.
pub fn code_rows(m: &Matches, q: &CodeQuery) -> CodeRows {
    let study = m.study;
    let freq = code_frequency(m);
    let tree = tree_order(study);
    let mut rank = vec![0usize; study.codes.len()];
    for (k, &c) in tree.iter().enumerate() {
        rank[c] = k;
    }
    let candidates: Vec<usize> = match &q.level {
        CodeLevel::Listed(codes) => codes.clone(),
        level => tree
            .iter()
            .copied()
            .filter(|&c| level.shows(study, c))
            .collect(),
    };
    let available = candidates.len();
    let mut shown = vec![false; study.codes.len()];
    for &c in &candidates {
        shown[c] = true;
    }
    let mut rows: Vec<CodeRow> = candidates
        .iter()
        .map(|&c| CodeRow {
            code: c,
            depth: study.code_ancestors[c][1..]
                .iter()
                .filter(|&&a| shown[a])
                .count(),
            segments: freq[c].segments,
            participants: freq[c].participants,
        })
        .filter(|r| q.keep_empty || r.count(q.people) > 0)
        .collect();
    let by_count = |a: &CodeRow, b: &CodeRow| {
        b.count(q.people)
            .cmp(&a.count(q.people))
            .then(rank[a.code].cmp(&rank[b.code]))
    };
    let mut top_applied = false;
    if let Some(n) = q.top {
        if n < rows.len() {
            top_applied = true;
            let mut ranked = rows.clone();
            ranked.sort_by(by_count);
            let keep: std::collections::HashSet<usize> =
                ranked[..n].iter().map(|r| r.code).collect();
            rows.retain(|r| keep.contains(&r.code));
        }
    }
    match q.sort {
        CodeSort::Count => rows.sort_by(by_count),
        CodeSort::Codebook => rows.sort_by_key(|r| rank[r.code]),
        CodeSort::Label => rows.sort_by(|a, b| {
            let la = study.codes[a.code].label.to_lowercase();
            let lb = study.codes[b.code].label.to_lowercase();
            la.cmp(&lb).then(rank[a.code].cmp(&rank[b.code]))
        }),
        CodeSort::Given => {}
    }
    let tree_order = q.sort == CodeSort::Codebook
        || (q.sort == CodeSort::Given
            && rows.windows(2).all(|w| rank[w[0].code] < rank[w[1].code]));
    let (base_segments, base_participants) =
        (m.indices.len() as u64, m.distinct_participants() as u64);
    CodeRows {
        rows,
        available,
        base_segments,
        base_participants,
        tree_order,
        top_applied,
    }
}

/// Every code in tree order: each code followed by its sub-codes, depth
/// first, siblings in codebook file order.
pub fn tree_order(study: &Study) -> Vec<usize> {
    let n = study.codes.len();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for c in 0..n {
        match study.code_ancestors[c].get(1) {
            Some(&p) => children[p].push(c),
            None => roots.push(c),
        }
    }
    let mut out = Vec::with_capacity(n);
    let mut stack: Vec<usize> = roots.into_iter().rev().collect();
    while let Some(c) = stack.pop() {
        out.push(c);
        stack.extend(children[c].iter().rev());
    }
    out
}

/// The labels of the codes above `code`, from the top down, joined by
/// " › " (empty for a top-level code).
pub fn path(study: &Study, code: usize) -> String {
    let above: Vec<&str> = study.code_ancestors[code][1..]
        .iter()
        .rev()
        .map(|&a| study.codes[a].label.as_str())
        .collect();
    above.join(" › ")
}

/// The labels of `rows` as a chart or table shows them: a label that more
/// than one shown code has (real codebooks repeat "Other" under every
/// theme) is followed by its parent's label, so the rows can be told apart.
pub fn labels(study: &Study, rows: &CodeRows) -> Vec<String> {
    let plain: Vec<&str> = rows
        .rows
        .iter()
        .map(|r| study.codes[r.code].label.as_str())
        .collect();
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for &l in &plain {
        *seen.entry(l).or_default() += 1;
    }
    rows.rows
        .iter()
        .zip(&plain)
        .map(|(r, &label)| {
            let twice = seen.get(label).is_some_and(|&n| n > 1);
            match study.code_ancestors[r.code].get(1) {
                Some(&parent) if twice => {
                    format!("{label} ({})", study.codes[parent].label)
                }
                _ => label.to_string(),
            }
        })
        .collect()
}

/// Where the rows sit in the code tree.
pub fn hierarchy(study: &Study, rows: &CodeRows) -> Hierarchy {
    if rows.tree_order {
        Hierarchy::Tree(rows.rows.iter().map(|r| r.depth).collect())
    } else {
        Hierarchy::Paths(rows.rows.iter().map(|r| path(study, r.code)).collect())
    }
}

/// "Top 10 of 152 codes" when fewer codes are shown than the level holds
/// because of `:top:`.
pub fn top_note(rows: &CodeRows) -> Option<String> {
    rows.top_applied
        .then(|| format!("Top {} of {} codes", rows.rows.len(), rows.available))
}

/// Parses a `:top:` value: a whole number of at least 1.
pub fn parse_top(text: &str) -> Result<usize, Problem> {
    match text.trim().parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(Problem::new(
            format!("`:top:` is `{}`", text.trim()),
            "give a whole number of codes, e.g. :top: 20",
        )),
    }
}
