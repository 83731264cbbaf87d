//! The codebook as `findings codes` lists it: each code's id, label,
//! parent and place in the tree, with the segments and participants that
//! carry the code itself and those of its whole branch, counted by the
//! same functions as the report's tables.

use super::code_names::full_path;
use super::codes::tree_order;
use super::frequency::{code_frequency, own_code_frequency};
use super::select::{select, Selection};
use super::{Analysis, Problem};

/// One code of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The code's id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its parent's id (`None` for a top-level code).
    pub parent: Option<String>,
    /// The labels from the top of the tree down to it, joined by " › ".
    pub path: String,
    /// How many codes stand above it.
    pub depth: usize,
    /// Segments coded with the code itself.
    pub segments: u64,
    /// Distinct participants behind those segments.
    pub participants: u64,
    /// Segments carrying the code or one below it (each once), as the
    /// `{codebook}` appendix counts them.
    pub branch_segments: u64,
    /// Distinct participants behind the branch's segments.
    pub branch_participants: u64,
}

/// Every code of the study, in codebook file order, or in tree order
/// (each code followed by its sub-codes) when `tree`.
pub fn code_list(study: &Analysis, tree: bool) -> Result<Vec<Entry>, Problem> {
    let all = Selection::parse("segments").map_err(|e| Problem::new(e, ""))?;
    let m = select(study, &all)?;
    let own = own_code_frequency(&m);
    let branch = code_frequency(&m);
    let order: Vec<usize> = if tree {
        tree_order(study)
    } else {
        (0..study.codes.len()).collect()
    };
    Ok(order
        .into_iter()
        .map(|c| {
            let code = &study.codes[c];
            Entry {
                id: code.id.clone(),
                label: code.label.clone(),
                parent: code.parent.clone(),
                path: full_path(study, c),
                depth: study.code_ancestors[c].len().saturating_sub(1),
                segments: own[c].segments,
                participants: own[c].participants,
                branch_segments: branch[c].segments,
                branch_participants: branch[c].participants,
            }
        })
        .collect())
}
