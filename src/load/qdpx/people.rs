//! Who said each segment. QDA-XML ties people to text through Cases: a
//! case's `SourceRef` names a source (all its text is that person's) or a
//! selection. Projects without Cases (QualCoder's, NVivo's by default)
//! say nothing about people, so each text source stands for one
//! participant and a warning says how to say better.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::ids::{self, Unique};
use super::mapping::Sliced;
use super::project::{Kind, Qde};
use crate::error::Diagnostic;
use crate::model::records::{Illustrative, Participant, Source};

/// Fills in every segment's participant and returns the participants,
/// with a warning when they had to be derived from sources.
pub fn assign(
    qde: &Qde,
    sources: &[Source],
    sliced: &mut Sliced,
    file: &str,
) -> (Vec<Participant>, Vec<Diagnostic>) {
    let mut warnings = Vec::new();
    let mut unique = Unique::default();
    let mut people: Vec<Participant> = Vec::new();
    let source_index: HashMap<&str, usize> = qde
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| (s.guid.as_str(), i))
        .collect();
    // Source index → participant; selection GUID → participant.
    let mut of_source: HashMap<usize, usize> = HashMap::new();
    let mut of_selection: HashMap<&str, usize> = HashMap::new();
    for case in &qde.cases {
        let p = people.len();
        people.push(person(
            unique.take(ids::from_name(&case.name, "participant")),
            if case.name.trim().is_empty() {
                case.guid.clone()
            } else {
                case.name.clone()
            },
            &case.values,
        ));
        for r in &case.refs {
            match source_index.get(r.as_str()) {
                Some(&s) => {
                    of_source.entry(s).or_insert(p);
                }
                None => {
                    of_selection.entry(r.as_str()).or_insert(p);
                }
            }
        }
    }
    let had_cases = !people.is_empty();
    let mut derived = 0;
    let mut for_source = |s: usize, people: &mut Vec<Participant>| -> usize {
        *of_source.entry(s).or_insert_with(|| {
            derived += 1;
            let src = &sources[s];
            let mut values = qde.sources[s].values.clone();
            values.push(("source".to_string(), src.id.clone()));
            people.push(person(
                unique.take(src.id.clone()),
                src.title.clone(),
                &values,
            ));
            people.len() - 1
        })
    };
    if !had_cases {
        for (s, q) in qde.sources.iter().enumerate() {
            if q.kind == Kind::Text {
                for_source(s, &mut people);
            }
        }
    }
    for (seg, segment) in sliced.segments.iter_mut().enumerate() {
        let by_selection = sliced.selections_of[seg]
            .iter()
            .find_map(|g| of_selection.get(g.as_str()).copied());
        let p = match by_selection {
            Some(p) => p,
            None => for_source(sliced.source_of[seg], &mut people),
        };
        segment.participant = people[p].id.clone();
    }
    if !had_cases {
        warnings.push(
            Diagnostic::warning(format!(
                "{file} has no cases, so each of its {derived} text sources stands for one participant"
            ))
            .help("to say who is who, define Cases in your QDA tool and export again, or add content/data/participants.json with one record per person whose attribute `source` names their source (its id or title); see docs/format.md"),
        );
    } else if derived > 0 {
        warnings.push(
            Diagnostic::warning(format!(
                "{derived} coded sources of {file} belong to no case; each stands for one participant"
            ))
            .help("add the sources to a case (a SourceRef) in your QDA tool and export again"),
        );
    }
    (people, warnings)
}

fn person(id: String, alias: String, values: &[(String, String)]) -> Participant {
    let attributes: Map<String, Value> = values
        .iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect();
    Participant {
        id,
        alias,
        role: String::new(),
        persona: String::new(),
        illustrative: Illustrative::default(),
        attributes,
    }
}
