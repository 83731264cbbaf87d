//! Thin evidence: a code the report shows (by a role, a directive's
//! selection, a chart's `:data:`, `:codes:`) that fewer than `[lints]
//! min_participants` distinct participants stand behind, sub-codes
//! included. Said once per code and section, however often it is named.

use std::collections::HashSet;

use crate::analysis::code_names::{lookup, Lookup};
use crate::analysis::select::Selection;
use crate::markdown::context::Renderer;
use crate::model::study::Study;

use super::THIN_EVIDENCE;

/// Fewer participants than this behind a code is thin evidence when
/// `[lints] min_participants` is not given.
const DEFAULT_MIN: u64 = 2;

/// The threshold of a build: `configured` when given; otherwise 2, or 0
/// (the lint off) when every coded segment comes from one participant, or
/// from one document of a QDA export: then every code rests on that one,
/// and the lint would fire on each. A JSON study's source is a channel
/// the researcher declared ("Interviews"), which many participants share,
/// so one of those leaves the lint on. The second value is the note
/// saying why it is off.
pub fn threshold(configured: Option<u64>, study: &Study) -> (u64, Option<String>) {
    if let Some(min) = configured {
        return (min, None);
    }
    let people: HashSet<usize> = study.segment_participant.iter().copied().collect();
    let sources: HashSet<&str> = study
        .segments
        .iter()
        .filter_map(|s| s.source.as_deref())
        .collect();
    let exported = study
        .files
        .segments
        .as_deref()
        .and_then(|p| p.extension())
        .is_some_and(|e| !e.eq_ignore_ascii_case("json"));
    let one = if people.len() == 1 {
        "one participant"
    } else if exported && sources.len() == 1 {
        "one source"
    } else {
        return (DEFAULT_MIN, None);
    };
    (
        0,
        Some(format!(
            "the thin-evidence lint is off: every coded segment comes from {one}, so every code rests on it; set [lints] min_participants in content/report.toml to turn it on"
        )),
    )
}

/// Thin evidence of each code a selection filters on (`code=…`).
pub fn thin_codes(r: &mut dyn Renderer<'_>, sel: &Selection, at: usize) {
    let codes: Vec<String> = sel
        .conditions
        .iter()
        .filter(|c| c.field == "code" && !c.negated)
        .map(|c| c.value.clone())
        .collect();
    thin(r, &codes, at);
}

/// Thin evidence of codes named by id or label (`:codes:` of a chart or
/// table). Names that find no single code are left to the directive's
/// own error.
pub fn thin(r: &mut dyn Renderer<'_>, names: &[String], at: usize) {
    let ctx = r.ctx();
    let study = ctx.study;
    let min = ctx.min_participants;
    if min == 0 {
        return;
    }
    for name in names {
        let Lookup::Code(code) = lookup(study, name) else {
            continue;
        };
        if !r.trail().thin_checked.insert(code) {
            continue;
        }
        // Once per code per study: at 100,000 segments, sorting a code's
        // participants again for every section took a third of the build.
        let people = study.memo().code_people(code, || {
            let mut seen = vec![false; study.participants.len()];
            let mut count = 0;
            for &i in study.segments_with_code(code).iter() {
                let p = study.segment_participant[i];
                if let Some(s) = seen.get_mut(p).filter(|s| !**s) {
                    *s = true;
                    count += 1;
                }
            }
            count
        });
        if (people as u64) < min {
            let c = &study.codes[code];
            let named = if c.label == c.id {
                format!("`{}`", c.id)
            } else {
                format!("`{}` ({})", c.id, c.label)
            };
            r.lint(
                THIN_EVIDENCE,
                at,
                format!(
                    "the code {named} rests on {} participant{}, fewer than {min}",
                    people,
                    if people == 1 { "" } else { "s" }
                ),
                "say how thin the evidence is, merge the code into a broader one, or lower [lints] min_participants in report.toml".into(),
            );
        }
    }
}
