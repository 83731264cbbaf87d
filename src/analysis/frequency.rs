//! Code frequency: how many segments, and how many distinct participants,
//! carry each code. A multi-response count: a segment coded `[a, b]`
//! counts once for `a` and once for `b`, and once (not twice) for a parent
//! of both.

use super::select::Matches;

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
        .memo()
        .frequencies(&m.selection, || count_codes(m, true))
        .to_vec()
}

/// Frequency of every code among the matched segments counting only the
/// segments coded with the code itself, its sub-codes' left out: what a
/// list of the codebook shows beside the rolled-up counts.
pub fn own_code_frequency(m: &Matches) -> Vec<CodeFrequency> {
    count_codes(m, false)
}

/// Counts per code; `roll_up` credits a segment to every code above the
/// ones it carries too.
fn count_codes(m: &Matches, roll_up: bool) -> Vec<CodeFrequency> {
    let study = m.study;
    let mut segments = vec![0u64; study.codes.len()];
    let mut people: Vec<Vec<bool>> = vec![Vec::new(); study.codes.len()];
    let mut participants = vec![0u64; study.codes.len()];
    let mut touched = Vec::new();
    for &i in &m.indices {
        touched.clear();
        for &c in &study.segment_codes[i] {
            if roll_up {
                touched.extend_from_slice(&study.code_ancestors[c]);
            } else {
                touched.push(c);
            }
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
