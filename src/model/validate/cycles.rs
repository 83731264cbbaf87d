//! Cycles in the codebook's parents, each reported once in one pass.

use crate::error::{Diagnostic, Diagnostics};
use crate::model::input::{DataFile, Step};
use crate::model::records::Code;

/// Reports every cycle of `parents` once, in one pass: each code is walked
/// up only until it meets a code walked before.
pub(super) fn report_cycles(
    file: &DataFile<Vec<Code>>,
    parents: &[Option<usize>],
    problems: &mut Diagnostics,
) {
    const NEW: u8 = 0;
    const ON_WALK: u8 = 1;
    const DONE: u8 = 2;
    let mut state = vec![NEW; parents.len()];
    let mut position = vec![0; parents.len()];
    for i in 0..parents.len() {
        let mut walk = Vec::new();
        let mut at = Some(i);
        while let Some(c) = at {
            match state[c] {
                NEW => {
                    state[c] = ON_WALK;
                    position[c] = walk.len();
                    walk.push(c);
                    at = parents[c];
                }
                ON_WALK => {
                    let cycle = &walk[position[c]..];
                    let closing = walk.last().copied().unwrap_or(c);
                    problems.push(
                        Diagnostic::error(format!(
                            "the codebook has a cycle: {} → {}",
                            cycle_names(file, cycle),
                            file.records[c].id
                        ))
                        .at(file.locate(&[Step::Index(closing), Step::Key("parent")]))
                        .help(format!(
                            "a code cannot be its own ancestor: change the `parent` of `{}`",
                            file.records[closing].id
                        )),
                    );
                    break;
                }
                _ => break,
            }
        }
        for c in walk {
            state[c] = DONE;
        }
    }
}

/// The ids of a cycle's codes joined by arrows; a long cycle shows its
/// first and last few.
fn cycle_names(file: &DataFile<Vec<Code>>, cycle: &[usize]) -> String {
    let id = |&c: &usize| file.records[c].id.as_str();
    if cycle.len() <= 8 {
        return cycle.iter().map(id).collect::<Vec<_>>().join(" → ");
    }
    let head: Vec<&str> = cycle[..4].iter().map(id).collect();
    let tail: Vec<&str> = cycle[cycle.len() - 3..].iter().map(id).collect();
    format!(
        "{} → … ({} more) → {}",
        head.join(" → "),
        cycle.len() - 7,
        tail.join(" → ")
    )
}
