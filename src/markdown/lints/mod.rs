//! Evidence lints: warnings about a report's claims that the data does not
//! carry, or carries too thinly, and about quotes that may expose someone.
//!
//! Each lint has a stable name, written after its message in brackets;
//! a section allows one with `allow = ["name"]` in its front matter, and
//! `--deny-warnings` makes the rest errors.

pub mod numbers;
mod personal;

pub use numbers::hand_typed_numbers;
pub use personal::personal_data;

use crate::analysis::select::Selection;
use crate::markdown::context::Renderer;

/// A number typed by hand that a role computes.
pub const HAND_TYPED_NUMBER: &str = "hand-typed-number";
/// A code named in the report with too few participants behind it.
pub const THIN_EVIDENCE: &str = "thin-evidence";
/// E-mail, phone number, handle, personal URL or a private field's value
/// in a quote.
pub const PERSONAL_DATA: &str = "personal-data";
/// A quote resting on illustrative data, shown without saying so.
pub const UNMARKED_QUOTE: &str = "unmarked-quote";

/// Every lint name, for `allow` and its did-you-mean.
pub const NAMES: [&str; 4] = [
    HAND_TYPED_NUMBER,
    THIN_EVIDENCE,
    PERSONAL_DATA,
    UNMARKED_QUOTE,
];

/// Personal data in the text of segment `i`, shown at byte `at`.
pub fn personal(r: &mut dyn Renderer<'_>, i: usize, at: usize) {
    let study = r.ctx().study;
    let s = &study.segments[i];
    for what in personal_data(&s.text, study.speaker(i), &study.privacy) {
        r.lint(
            PERSONAL_DATA,
            at,
            format!("the quote of segment `{}` holds {what}", s.id),
            "redact it in the segment's text (e.g. [email removed]) or quote another segment"
                .into(),
        );
    }
}

/// Thin evidence: each code a selection filters on (`code=…`) needs
/// `[lints] min_participants` distinct participants behind its segments
/// (sub-codes included).
pub fn thin_codes(r: &mut dyn Renderer<'_>, sel: &Selection, at: usize) {
    let codes: Vec<String> = sel
        .conditions
        .iter()
        .filter(|c| c.field == "code" && !c.negated)
        .map(|c| c.value.clone())
        .collect();
    thin(r, &codes, at);
}

/// Thin evidence for codes named by id (`:codes:` of a chart or table).
pub fn thin(r: &mut dyn Renderer<'_>, codes: &[String], at: usize) {
    let ctx = r.ctx();
    let study = ctx.study;
    let min = ctx.min_participants;
    for id in codes {
        let Some(code) = study.code_position(id) else {
            continue;
        };
        let mut people: Vec<usize> = study
            .segments_with_code(code)
            .iter()
            .map(|&i| study.segment_participant[i])
            .collect();
        people.sort_unstable();
        people.dedup();
        if (people.len() as u64) < min {
            let label = &study.codes[code].label;
            r.lint(
                THIN_EVIDENCE,
                at,
                format!(
                    "the code `{id}` ({label}) rests on {} participant{}, fewer than {min}",
                    people.len(),
                    if people.len() == 1 { "" } else { "s" }
                ),
                "say how thin the evidence is, merge the code into a broader one, or lower [lints] min_participants in report.toml".into(),
            );
        }
    }
}
