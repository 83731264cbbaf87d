//! `[coding]` in report.toml: which codes of a segment coded by several
//! coders count for every figure other than agreement. By default the
//! union over coders; `consensus = "ann"` takes one coder's codes;
//! `consensus = "all"` keeps only the codes every coder applied.

use serde::Deserialize;

use crate::error::{did_you_mean, Diagnostic, Location};
use crate::model::input::Datasets;

/// The `[coding]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coding {
    /// A coder's name, or `all`; absent: the union of every coder's codes.
    #[serde(default)]
    pub consensus: Option<String>,
}

impl Coding {
    /// Sets each segment's codes by the consensus rule. Segments that do
    /// not say who coded what keep their codes. `at` is where the rule is
    /// written, for the error on an unknown coder.
    pub fn apply(&self, data: &mut Datasets, at: Location) -> Result<(), Diagnostic> {
        let Some(rule) = self.consensus.as_deref() else {
            return Ok(());
        };
        let Some(file) = data.segments.as_mut() else {
            return Ok(());
        };
        let mut coders: Vec<String> = file
            .records
            .iter()
            .flat_map(|s| s.codings.keys().cloned())
            .collect();
        coders.sort();
        coders.dedup();
        if rule != "all" && !coders.iter().any(|c| c == rule) {
            let help = did_you_mean(rule, coders.iter().map(String::as_str)).map_or_else(
                || {
                    format!(
                        "use `all` or one of the coders in the data: {}",
                        if coders.is_empty() {
                            "none".to_string()
                        } else {
                            coders.join(", ")
                        }
                    )
                },
                |m| format!("did you mean `{m}`?"),
            );
            return Err(Diagnostic::error(format!(
                "`consensus` names `{rule}`, who coded nothing"
            ))
            .at(at)
            .help(help));
        }
        for s in file.records.iter_mut().filter(|s| !s.codings.is_empty()) {
            s.codes = if rule == "all" {
                let first = s.codings.values().next().cloned().unwrap_or_default();
                first
                    .into_iter()
                    .filter(|code| {
                        coders
                            .iter()
                            .all(|c| s.codings.get(c).is_some_and(|v| v.contains(code)))
                    })
                    .collect()
            } else {
                s.codings.get(rule).cloned().unwrap_or_default()
            };
        }
        Ok(())
    }
}
