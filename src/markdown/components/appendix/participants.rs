//! `{participants}`: the sample, as counts by the fields named in `:by:`
//! (its composition), or as the list of participants without their
//! private fields. Both are `{table}`s of participants, so they show what
//! a table would, small cells and privacy included.

use crate::document::Block;
use crate::markdown::context::{Directive, Renderer};

use super::super::{list, table, Failure};

/// `{participants}` with `:by: role, stance` or `:columns:`.
pub fn render(r: &mut dyn Renderer<'_>, d: &Directive, _: usize) -> Result<Vec<Block>, Failure> {
    let as_table = |options: Vec<(String, String)>| Directive {
        name: "table".into(),
        argument: "participants".into(),
        options,
        body: String::new(),
        body_offset: 0,
        at: d.at,
    };
    match d.option("by") {
        Some(by) => {
            let fields = list(by);
            if fields.is_empty() {
                return Err((
                    "`:by:` names no field".into(),
                    "e.g. :by: persona, stance".into(),
                ));
            }
            let mut blocks = Vec::new();
            for field in fields {
                let caption = format!("Participants by {}", field.replace(['_', '-'], " "));
                blocks.extend(table::render(
                    r,
                    &as_table(vec![("by".into(), field), ("caption".into(), caption)]),
                )?);
            }
            Ok(blocks)
        }
        None => {
            if r.ctx().study.privacy.participant_field_private("alias") {
                return Err((
                    "the participant list shows aliases, and `participants.alias` is private"
                        .into(),
                    "show the sample's composition instead: :by: persona".into(),
                ));
            }
            let mut options = vec![("caption".to_string(), "Participants".to_string())];
            if let Some(c) = d.option("columns") {
                options.push(("columns".into(), c.into()));
            }
            table::render(r, &as_table(options))
        }
    }
}
