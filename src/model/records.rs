//! The records a study is made of, as they are written in `content/data/`.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::{Map, Value};

/// Fields every participant has; `attributes` add more.
pub const PARTICIPANT_FIELDS: [&str; 4] = ["id", "alias", "role", "persona"];

/// Fields a segment has itself; any other field named on a segment is its
/// participant's.
pub const SEGMENT_FIELDS: [&str; 7] = [
    "id",
    "participant",
    "source",
    "stance",
    "code",
    "text",
    "timestamp",
];

/// Fields of a code.
pub const CODE_FIELDS: [&str; 4] = ["id", "label", "parent", "description"];

/// Fields of a source.
pub const SOURCE_FIELDS: [&str; 4] = ["id", "kind", "title", "description"];

/// A person interviewed.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    /// Unique id, referenced by segments.
    pub id: String,
    /// The pseudonym shown in the report.
    pub alias: String,
    /// Job or role, shown after the alias in quote attributions.
    #[serde(default)]
    pub role: String,
    /// Persona or segment of the sample.
    #[serde(default)]
    pub persona: String,
    /// What of this record the study does not give.
    #[serde(default)]
    pub illustrative: Illustrative,
    /// Any further attributes (stance, risk profile, …).
    #[serde(default)]
    pub attributes: Map<String, Value>,
}

/// One code of the codebook.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Code {
    /// Unique id, referenced by segments.
    pub id: String,
    /// Display label.
    pub label: String,
    /// What the code means.
    #[serde(default)]
    pub description: String,
    /// The code this one refines.
    #[serde(default)]
    pub parent: Option<String>,
    /// Optional colour for charts (`#rrggbb`).
    #[serde(default)]
    pub colour: Option<String>,
}

/// A coded excerpt of what a participant said.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    /// Unique id, referenced by `quote`.
    pub id: String,
    /// Who said it (a participant id).
    pub participant: String,
    /// Where it was collected (a source id).
    #[serde(default)]
    pub source: Option<String>,
    /// The verbatim text.
    pub text: String,
    /// Code ids: every code any coder applied, in the order first seen.
    /// When only `codings` is given, its union (see [`Segment::union_codings`]).
    #[serde(default)]
    pub codes: Vec<String>,
    /// The codes per coder (coder name → code ids), for inter-coder
    /// agreement. Empty when the data does not say who coded what; a
    /// `.qdpx` fills it from each coding's `creatingUser`.
    #[serde(default)]
    pub codings: BTreeMap<String, Vec<String>>,
    /// Where the text starts in its source's text, in Unicode code points
    /// (whatever unit the exporter counted in), when known.
    #[serde(default)]
    pub start: Option<u64>,
    /// Where the text ends (exclusive), in code points, when known.
    #[serde(default)]
    pub end: Option<u64>,
    /// The stance the excerpt expresses.
    #[serde(default)]
    pub stance: Option<String>,
    /// When it was said (`YYYY-MM-DD`).
    #[serde(default)]
    pub timestamp: Option<String>,
    /// What of this record the study does not give.
    #[serde(default)]
    pub illustrative: Illustrative,
}

impl Segment {
    /// Adds every code of `codings` missing from `codes`, coders in name
    /// order, so that a segment given only per-coder codes still counts
    /// for every other figure.
    pub fn union_codings(&mut self) {
        for ids in self.codings.values() {
            for id in ids {
                if !self.codes.contains(id) {
                    self.codes.push(id.clone());
                }
            }
        }
    }
}

/// Where data was collected.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Unique id, referenced by segments.
    pub id: String,
    /// Kind of source ("interviews", "social", "documents").
    #[serde(default)]
    pub kind: String,
    /// Display title.
    pub title: String,
    /// What it holds.
    #[serde(default)]
    pub description: String,
    /// The source's plain text, when the study gives it (a `.qdpx` text
    /// source does): segments' `start`/`end` point into it.
    #[serde(default)]
    pub text: Option<String>,
}

/// A timeline metric.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesRecord {
    /// Unique id, referenced by charts.
    pub id: String,
    /// Display label.
    pub label: String,
    /// Unit of the values.
    #[serde(default)]
    pub unit: String,
    /// Not from the study: made up to show the format.
    #[serde(default)]
    pub illustrative: bool,
    /// Dated values.
    #[serde(default)]
    pub points: Vec<PointRecord>,
    /// Labelled moments.
    #[serde(default)]
    pub events: Vec<EventRecord>,
    /// Shaded spans.
    #[serde(default)]
    pub phases: Vec<PhaseRecord>,
}

/// One dated value.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointRecord {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// The value.
    pub value: f64,
}

/// A labelled moment.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventRecord {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What happened.
    pub label: String,
}

/// A shaded span.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRecord {
    /// First day, `YYYY-MM-DD`.
    pub start: String,
    /// Last day, `YYYY-MM-DD`.
    pub end: String,
    /// Name.
    pub label: String,
}

/// Which parts of a record are made up to show the format rather than
/// given by the study: `true` (the whole record, its very existence
/// included) or a list of fields (`["role", "persona"]`: the person is
/// real, those details are not). Anything computed from a made-up part is
/// marked in the report.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Illustrative {
    /// Nothing (`false`) or everything (`true`).
    Whole(bool),
    /// Only these fields.
    Fields(Vec<String>),
}

impl Default for Illustrative {
    fn default() -> Self {
        Illustrative::Whole(false)
    }
}

impl Illustrative {
    /// The flag of a generic table row's `illustrative` cell.
    pub fn of_cell(v: Option<&Value>) -> Illustrative {
        match v {
            Some(Value::Bool(b)) => Illustrative::Whole(*b),
            Some(Value::Array(a)) => Illustrative::Fields(
                a.iter()
                    .filter_map(|f| f.as_str().map(String::from))
                    .collect(),
            ),
            _ => Illustrative::Whole(false),
        }
    }

    /// True when the whole record is made up.
    pub fn whole(&self) -> bool {
        matches!(self, Illustrative::Whole(true))
    }

    /// True when `field` is made up.
    pub fn covers(&self, field: &str) -> bool {
        match self {
            Illustrative::Whole(b) => *b,
            Illustrative::Fields(f) => f.iter().any(|x| x == field),
        }
    }

    /// True when a result that depends on the record's existence and on
    /// `fields` rests on anything made up.
    pub fn touches(&self, fields: &[&str]) -> bool {
        match self {
            Illustrative::Whole(b) => *b,
            Illustrative::Fields(f) => f.iter().any(|x| fields.contains(&x.as_str())),
        }
    }
}

/// A row of a generic table: column name to scalar value, in file order.
pub type Row = Map<String, Value>;

/// The text of a scalar as it is compared and shown: strings as they are,
/// numbers and booleans as written, null as empty.
pub fn scalar_text(v: &Value) -> std::borrow::Cow<'_, str> {
    match v {
        Value::String(s) => s.as_str().into(),
        Value::Null => "".into(),
        other => other.to_string().into(),
    }
}
