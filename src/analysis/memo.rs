//! Memoized analysis results of one study.
//!
//! A report asks the same questions again and again: every section may
//! count `participants[stance=a]` or `segments[code=c3]`, and each such
//! selection is a scan of the whole dataset (100,000 segments in a large
//! study). A study never changes once built, so each distinct selection
//! is computed once and then shared by every role, chart and table, across
//! the threads rendering sections and, in `serve`, across rebuilds for as
//! long as the datasets are unchanged.

use crate::analysis::Problem;
use std::collections::HashMap;
use std::convert::Infallible;
use std::fmt;
use std::hash::Hash;
use std::sync::{Arc, OnceLock, RwLock};

use super::select::Selection;
use super::CodeFrequency;

/// Code co-occurrence: the codes present and the counts between them.
pub(crate) type Cooccurrence = (Vec<usize>, Vec<Vec<u64>>);

/// The memo an [`super::Analysis`] keeps beside its study. Cloning gives
/// an empty memo.
#[derive(Default)]
pub struct Memo {
    selections: Table<Selection, Arc<[usize]>>,
    frequencies: Table<Selection, Arc<Vec<CodeFrequency>>>,
    cooccurrences: Table<Selection, Arc<Cooccurrence>>,
    people: Table<Selection, usize>,
    code_people: Table<usize, usize>,
    figures: OnceLock<Vec<super::figures::Figure>>,
}

impl Clone for Memo {
    fn clone(&self) -> Memo {
        Memo::default()
    }
}

impl fmt::Debug for Memo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Memo")
            .field("selections", &self.selections.len())
            .finish_non_exhaustive()
    }
}

impl Memo {
    /// The indices `sel` selects, computing them with `compute` the first
    /// time. Errors are not remembered (they are rare and cheap to redo).
    pub(crate) fn selection(
        &self,
        sel: &Selection,
        compute: impl FnOnce() -> Result<Vec<usize>, Problem>,
    ) -> Result<Arc<[usize]>, Problem> {
        self.selections.get_or_try(sel, || compute().map(Arc::from))
    }

    /// The study's figures, computing them with `compute` the first time.
    pub(crate) fn figures(
        &self,
        compute: impl FnOnce() -> Vec<super::figures::Figure>,
    ) -> &[super::figures::Figure] {
        self.figures.get_or_init(compute)
    }
}

impl Memo {
    /// Code frequencies among the segments `sel` selects.
    pub(crate) fn frequencies(
        &self,
        sel: &Selection,
        compute: impl FnOnce() -> Vec<CodeFrequency>,
    ) -> Arc<Vec<CodeFrequency>> {
        self.frequencies.get_or(sel, || Arc::new(compute()))
    }

    /// Code co-occurrence among the segments `sel` selects.
    pub(crate) fn cooccurrence(
        &self,
        sel: &Selection,
        compute: impl FnOnce() -> Cooccurrence,
    ) -> Arc<Cooccurrence> {
        self.cooccurrences.get_or(sel, || Arc::new(compute()))
    }

    /// Distinct participants behind the segments `sel` selects.
    pub(crate) fn people(&self, sel: &Selection, compute: impl FnOnce() -> usize) -> usize {
        self.people.get_or(sel, compute)
    }

    /// Distinct participants behind the segments of code `code` (itself
    /// or below it), which the thin-evidence lint asks of every section
    /// that names the code.
    pub(crate) fn code_people(&self, code: usize, compute: impl FnOnce() -> usize) -> usize {
        self.code_people.get_or(&code, compute)
    }
}

/// A map shared by threads that mostly read it.
struct Table<K, V>(RwLock<HashMap<K, V>>);

impl<K, V> Default for Table<K, V> {
    fn default() -> Self {
        Table(RwLock::new(HashMap::new()))
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Table<K, V> {
    fn len(&self) -> usize {
        self.0.read().map_or(0, |m| m.len())
    }

    /// Two threads missing the same key both compute it; the results are
    /// equal, and computing outside the lock keeps readers unblocked.
    fn get_or_try<E>(&self, key: &K, compute: impl FnOnce() -> Result<V, E>) -> Result<V, E> {
        if let Some(v) = self.0.read().ok().and_then(|m| m.get(key).cloned()) {
            return Ok(v);
        }
        let v = compute()?;
        if let Ok(mut m) = self.0.write() {
            m.entry(key.clone()).or_insert_with(|| v.clone());
        }
        Ok(v)
    }

    fn get_or(&self, key: &K, compute: impl FnOnce() -> V) -> V {
        match self.get_or_try::<Infallible>(key, || Ok(compute())) {
            Ok(v) => v,
            Err(never) => match never {},
        }
    }
}
