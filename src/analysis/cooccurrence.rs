//! Code co-occurrence: how many segments carry both of two codes. A
//! segment counts for a code when it carries that code or one below it,
//! as in code frequency, so the diagonal equals each code's frequency.

use super::codes::{tree_order, CodeLevel};
use super::select::Matches;

/// Co-occurrence among matched segments at `level`: the codes that occur
/// (in tree order) and `counts[i][j]`, the segments coded with both; the
/// diagonal is each code's own count.
pub fn cooccurrence(m: &Matches, level: &CodeLevel) -> (Vec<usize>, Vec<Vec<u64>>) {
    // Memoized for the plain level only: rolled-up variants are rarer and
    // the memo is keyed by selection alone.
    if *level == CodeLevel::All {
        let found = m.study.memo().cooccurrence(&m.selection, || {
            let codes = occurring(m, level);
            let counts = cooccurrence_of(m, &codes);
            (codes, counts)
        });
        return (*found).clone();
    }
    let codes = occurring(m, level);
    let counts = cooccurrence_of(m, &codes);
    (codes, counts)
}

/// The codes shown at `level` that some matched segment carries (itself
/// or below it), in tree order.
fn occurring(m: &Matches, level: &CodeLevel) -> Vec<usize> {
    let study = m.study;
    let mut used = vec![false; study.codes.len()];
    for &i in &m.indices {
        for &c in &study.segment_codes[i] {
            for &a in &study.code_ancestors[c] {
                used[a] = true;
            }
        }
    }
    let order: Vec<usize> = match level {
        CodeLevel::Listed(codes) => codes.clone(),
        _ => tree_order(study),
    };
    order
        .into_iter()
        .filter(|&c| used[c] && level.shows(study, c))
        .collect()
}

/// `counts[i][j]`: matched segments carrying `codes[i]` and `codes[j]`
/// (each itself or below it).
pub fn cooccurrence_of(m: &Matches, codes: &[usize]) -> Vec<Vec<u64>> {
    let study = m.study;
    let mut at = vec![usize::MAX; study.codes.len()];
    for (k, &c) in codes.iter().enumerate() {
        at[c] = k;
    }
    let mut counts = vec![vec![0u64; codes.len()]; codes.len()];
    let mut present = Vec::new();
    for &i in &m.indices {
        present.clear();
        for &c in &study.segment_codes[i] {
            present.extend(
                study.code_ancestors[c]
                    .iter()
                    .map(|&a| at[a])
                    .filter(|&k| k != usize::MAX),
            );
        }
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
    counts
}
