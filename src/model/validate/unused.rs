//! Warnings for records nothing refers to: participants without
//! segments and codes on no segment, each with a hint naming the file
//! they came from.

use std::path::Path;

use super::Locations;
use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::study::Study;

/// How to take records off a dataset read from `file`: edit it, or, for a
/// project exported by a QDA tool, change the project there and export it
/// again (the export is not edited by hand).
fn remove_from(file: Option<&Path>, what: &str) -> String {
    let exported = file
        .and_then(Path::extension)
        .is_some_and(|e| e.eq_ignore_ascii_case("qdpx") || e.eq_ignore_ascii_case("qdc"));
    match file {
        Some(file) if exported => format!(
            "remove {what} in your QDA tool and export {} again",
            file.display()
        ),
        Some(file) => format!("remove {what} from {}", file.display()),
        None => format!("remove {what}"),
    }
}

/// Listed one by one up to this many; past it, one warning names the
/// count and the first few (an imported codebook of 262 codes may leave
/// 160 unused, and a page of warnings hides the one that matters).
const LIST_UNUSED: usize = 5;

/// Warnings for participants without segments and codes on no segment.
pub(super) fn unused_warnings(study: &Study, at: &Locations) -> Diagnostics {
    let mut warnings = Diagnostics::new();
    if study.segments.is_empty() {
        return warnings;
    }
    let mut quoted = vec![false; study.participants.len()];
    study
        .segment_participant
        .iter()
        .for_each(|&p| quoted[p] = true);
    let idle: Vec<usize> = (0..study.participants.len())
        .filter(|&i| !quoted[i])
        .collect();
    report_unused(
        &mut warnings,
        &idle,
        |i| study.participants[i].id.as_str(),
        at.participants.as_deref(),
        Unused {
            one: "participant `{}` has no segments",
            many: "participants have no segments",
            total: study.participants.len(),
            help_one: format!(
                "code at least one segment for them, or {}",
                remove_from(study.files.participants.as_deref(), "them")
            ),
            help: format!(
                "code at least one segment for each, or {}",
                remove_from(study.files.participants.as_deref(), "them")
            ),
        },
    );
    let mut carried = vec![false; study.codes.len()];
    for codes in &study.segment_codes {
        for &c in codes {
            for &a in &study.code_ancestors[c] {
                carried[a] = true;
            }
        }
    }
    let unused: Vec<usize> = (0..study.codes.len()).filter(|&i| !carried[i]).collect();
    report_unused(
        &mut warnings,
        &unused,
        |i| study.codes[i].id.as_str(),
        at.codes.as_deref(),
        Unused {
            one: "code `{}` is on no segment",
            many: "codes are on no segment",
            total: study.codes.len(),
            help_one: format!(
                "apply it to a segment, or {}",
                remove_from(study.files.codebook.as_deref(), "it")
            ),
            help: format!(
                "apply them to segments, or {} (a table by code lists them with 0)",
                remove_from(study.files.codebook.as_deref(), "them")
            ),
        },
    );
    warnings
}

/// The wording of an unused-records warning.
struct Unused {
    /// For one record; `{}` is its id.
    one: &'static str,
    /// For several, after "N of M".
    many: &'static str,
    /// Records in the dataset.
    total: usize,
    /// The hint for one.
    help_one: String,
    /// The hint for several.
    help: String,
}

fn report_unused<'a>(
    out: &mut Diagnostics,
    unused: &[usize],
    id: impl Fn(usize) -> &'a str,
    places: Option<&[Location]>,
    words: Unused,
) {
    let place = |i: usize| places.and_then(|l| l.get(i)).cloned();
    if unused.len() <= LIST_UNUSED {
        for &i in unused {
            let mut d =
                Diagnostic::warning(words.one.replace("{}", id(i))).help(words.help_one.clone());
            d.location = place(i);
            out.push(d);
        }
        return;
    }
    let first: Vec<String> = unused
        .iter()
        .take(3)
        .map(|&i| format!("`{}`", id(i)))
        .collect();
    let mut d = Diagnostic::warning(format!(
        "{} of {} {}: {}, and {} more",
        unused.len(),
        words.total,
        words.many,
        first.join(", "),
        unused.len() - first.len()
    ))
    .help(words.help);
    d.location = place(unused[0]);
    out.push(d);
}
