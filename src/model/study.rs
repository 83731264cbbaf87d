//! The indexed study: records plus the lookups analysis needs.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use crate::error::{Diagnostics, Location};
use crate::model::input::Datasets;
use crate::model::labels::Labels;
use crate::model::privacy::Privacy;
use crate::model::records::{Code, Illustrative, Participant, Row, Segment, Source};
use crate::model::series::{Event, Phase, Series};
use std::sync::OnceLock;

/// A timeline metric with its dates parsed.
#[derive(Debug, Clone)]
pub struct TimeSeries {
    /// Id referenced by charts.
    pub id: String,
    /// Not from the study.
    pub illustrative: bool,
    /// The points, sorted by date.
    pub series: Series,
    /// Labelled moments.
    pub events: Vec<Event>,
    /// Shaded spans.
    pub phases: Vec<Phase>,
}

/// Everything the datasets say, validated and indexed.
#[derive(Debug, Clone, Default)]
pub struct Study {
    /// Participants in file order.
    pub participants: Vec<Participant>,
    /// Codes in file order.
    pub codes: Vec<Code>,
    /// Segments in file order.
    pub segments: Vec<Segment>,
    /// Sources in file order.
    pub sources: Vec<Source>,
    /// Timeline series in file order.
    pub series: Vec<TimeSeries>,
    /// Generic tables by name.
    pub tables: BTreeMap<String, Vec<Row>>,
    /// Display labels of attribute values.
    pub labels: Labels,
    /// What may not be shown (`[privacy]`); set by [`Study::configure`].
    pub privacy: Privacy,
    /// The file each dataset came from, so hints name the file the
    /// researcher has (`content/data/study.qdpx`), not a JSON file that
    /// is not there.
    pub files: Files,
    /// For each segment, the index of its participant.
    pub segment_participant: Vec<usize>,
    /// For each segment, the indices of its codes.
    pub segment_codes: Vec<Vec<usize>>,
    /// For each code, itself and every code above it.
    pub code_ancestors: Vec<Vec<usize>>,
    pub(crate) participant_index: HashMap<String, usize>,
    pub(crate) code_index: HashMap<String, usize>,
    pub(crate) segment_index: HashMap<String, usize>,
    pub(crate) series_index: HashMap<String, usize>,
    /// Indexes derived from the records the first time they are needed.
    pub(crate) derived: Derived,
}

/// The file each fixed-schema dataset was read from (`None`: the project
/// has none).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Files {
    /// Where the participants came from.
    pub participants: Option<PathBuf>,
    /// Where the codebook came from.
    pub codebook: Option<PathBuf>,
    /// Where the segments came from.
    pub segments: Option<PathBuf>,
}

/// Indexes of a study computed on first use. Cloning gives empty ones: a
/// clone of a study may be changed, so it must not inherit them.
#[derive(Default)]
pub(crate) struct Derived {
    /// Per code, the segments carrying it or a code below it, ascending.
    code_segments: OnceLock<Vec<Vec<usize>>>,
    /// Attribute keys of participants, in first-appearance order.
    participant_attributes: OnceLock<Vec<String>>,
    /// Whether any participant / any segment is (partly) made up.
    illustrative: OnceLock<(bool, bool)>,
}

impl Clone for Derived {
    fn clone(&self) -> Derived {
        Derived::default()
    }
}

impl std::fmt::Debug for Derived {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Derived").finish_non_exhaustive()
    }
}

impl Study {
    /// Validates `data` and indexes it. Errors name the file and line of
    /// each bad record; warnings (unused codes, …) come back with the study.
    pub fn build(data: Datasets, labels: Labels) -> Result<(Study, Diagnostics), Diagnostics> {
        super::validate::build(data, labels)
    }

    /// Applies the report's settings that concern the data: `privacy`
    /// (private fields that name nothing are errors) and where each
    /// `[labels.FIELD] value` was written (labels for fields or values no
    /// record has are warnings).
    pub fn configure(
        &mut self,
        privacy: &Privacy,
        label_places: &[(String, String, Location)],
    ) -> Diagnostics {
        let mut problems = privacy.check(self);
        problems.extend(super::labels::unused(self, label_places));
        self.privacy = privacy.clone();
        problems
    }

    /// The participant with id `id`.
    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participant_index
            .get(id)
            .map(|&i| &self.participants[i])
    }

    /// The segment with id `id`.
    pub fn segment(&self, id: &str) -> Option<&Segment> {
        self.segment_index.get(id).map(|&i| &self.segments[i])
    }

    /// Index of the segment with id `id`.
    pub fn segment_position(&self, id: &str) -> Option<usize> {
        self.segment_index.get(id).copied()
    }

    /// Index of the code with id `id`.
    pub fn code_position(&self, id: &str) -> Option<usize> {
        self.code_index.get(id).copied()
    }

    /// The series with id `id`.
    pub fn time_series(&self, id: &str) -> Option<&TimeSeries> {
        self.series_index.get(id).map(|&i| &self.series[i])
    }

    /// Ids of every segment, for "did you mean" hints.
    pub fn segment_ids(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().map(|s| s.id.as_str())
    }

    /// Ids of every code.
    pub fn code_ids(&self) -> impl Iterator<Item = &str> {
        self.codes.iter().map(|c| c.id.as_str())
    }

    /// Ids of every series.
    pub fn series_ids(&self) -> impl Iterator<Item = &str> {
        self.series.iter().map(|s| s.id.as_str())
    }

    /// The participant who said segment `i`.
    pub fn speaker(&self, segment: usize) -> &Participant {
        &self.participants[self.segment_participant[segment]]
    }

    /// Attribute keys of the participants, in order of first appearance.
    pub fn participant_attributes(&self) -> &[String] {
        self.derived.participant_attributes.get_or_init(|| {
            let mut keys: Vec<String> = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for p in &self.participants {
                for k in p.attributes.keys() {
                    if seen.insert(k.as_str()) {
                        keys.push(k.clone());
                    }
                }
            }
            keys
        })
    }

    /// Whether any participant, and any segment, is made up in whole or
    /// in part. Most studies have none, and then no result needs the
    /// record-by-record check.
    pub fn any_illustrative(&self) -> (bool, bool) {
        *self.derived.illustrative.get_or_init(|| {
            let real = Illustrative::default();
            (
                self.participants.iter().any(|p| p.illustrative != real),
                self.segments.iter().any(|s| s.illustrative != real),
            )
        })
    }

    /// The segments carrying code `code` or one below it, ascending.
    pub fn segments_with_code(&self, code: usize) -> &[usize] {
        let index = self.derived.code_segments.get_or_init(|| {
            let mut index = vec![Vec::new(); self.codes.len()];
            for (i, codes) in self.segment_codes.iter().enumerate() {
                for &c in codes {
                    for &a in &self.code_ancestors[c] {
                        let list: &mut Vec<usize> = &mut index[a];
                        if list.last() != Some(&i) {
                            list.push(i);
                        }
                    }
                }
            }
            index
        });
        index.get(code).map_or(&[], Vec::as_slice)
    }

    /// True when segment `i` carries code `code` or one of its descendants.
    pub fn segment_has_code(&self, segment: usize, code: usize) -> bool {
        self.segment_codes[segment]
            .iter()
            .any(|&c| self.code_ancestors[c].contains(&code))
    }
}
