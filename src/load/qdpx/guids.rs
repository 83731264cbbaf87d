//! GUIDs that must name one thing. A `CodeRef` names its code by GUID: two
//! codes sharing one would bind every coding to whichever came last, and
//! two selections sharing one would become two segments with one id.
//! Exporters never write either; a hand-merged file can.

use std::collections::HashMap;

use super::project::Qde;
use super::Doc;
use crate::error::{Diagnostic, Diagnostics};

/// At most this many repeated GUIDs are reported one by one.
const MAX_REPORTED: usize = 20;

/// Every code GUID and every selection GUID of `qde` used twice, each at
/// its second element.
pub fn check(qde: &Qde, doc: &Doc) -> Result<(), Diagnostics> {
    let mut errors = Diagnostics::new();
    let mut codes: HashMap<&str, usize> = HashMap::new();
    // A missing GUID is not a shared one: nothing can refer to it.
    for (i, code) in qde
        .codes
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.guid.is_empty())
    {
        if let Some(&first) = codes.get(code.guid.as_str()) {
            if errors.error_count() < MAX_REPORTED {
                let other = &qde.codes[first];
                errors.push(
                    Diagnostic::error(format!(
                        "codes `{}` and `{}` have the same GUID {}",
                        other.name, code.name, code.guid
                    ))
                    .at(doc.at(code.pos, "<Code".len()))
                    .help("each code needs a GUID of its own, or codings would go to the wrong code: export the project again from your QDA tool"),
                );
            }
            continue;
        }
        codes.insert(&code.guid, i);
    }
    let mut selections: HashMap<&str, &str> = HashMap::new();
    for source in &qde.sources {
        for sel in source.selections.iter().filter(|s| !s.guid.is_empty()) {
            let title = source.name.as_deref().unwrap_or(&source.guid);
            if let Some(first) = selections.insert(&sel.guid, title) {
                if errors.error_count() < MAX_REPORTED {
                    errors.push(
                        Diagnostic::error(format!(
                            "two selections have the GUID {} (on sources `{first}` and `{title}`)",
                            sel.guid
                        ))
                        .at(doc.at(sel.pos, "<PlainTextSelection".len()))
                        .help("each selection needs a GUID of its own: export the project again from your QDA tool"),
                    );
                }
            }
        }
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(())
    }
}
