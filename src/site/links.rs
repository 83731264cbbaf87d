//! Links between reports, checked once every report is built: the target
//! report must have the anchor (any element id of its page) or, for
//! {ref}`slug:label`, the figure label. Each problem is an error at the
//! link's file and line, with did-you-mean.

use std::collections::{BTreeSet, HashMap};

use crate::error::{did_you_mean, Diagnostic, Diagnostics};
use crate::report::Built;

/// The element ids of a page, the anchors a link may name.
pub fn anchors(html: &str) -> BTreeSet<&str> {
    html.match_indices(" id=\"")
        .filter_map(|(i, m)| {
            let start = i + m.len();
            html[start..].find('"').map(|end| &html[start..start + end])
        })
        .collect()
}

/// Every problem with the links of `from` (its file paths still relative
/// to its own folder) into the reports of `built`, by slug.
pub fn check(
    from: &Built,
    built: &HashMap<&str, &Built>,
    ids: &mut HashMap<String, BTreeSet<String>>,
) -> Diagnostics {
    let mut problems = Diagnostics::new();
    for link in &from.facts.links {
        // The report itself was checked against the site's slugs already.
        let Some(target) = built.get(link.report.as_str()) else {
            continue;
        };
        if link.figure {
            let labels = &target.facts.figures;
            if !labels.iter().any(|(l, _)| *l == link.anchor) {
                problems.push(
                    Diagnostic::error(format!(
                        "report `{}` has no figure labelled `{}`",
                        link.report, link.anchor
                    ))
                    .at(link.at.clone())
                    .help(
                        match did_you_mean(&link.anchor, labels.iter().map(|(l, _)| l.as_str())) {
                            Some(m) => format!("did you mean `{}:{m}`?", link.report),
                            None if labels.is_empty() => {
                                format!("report `{}` has no labelled figures", link.report)
                            }
                            None => format!(
                                "its figure labels are: {}",
                                labels
                                    .iter()
                                    .map(|(l, _)| l.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            ),
                        },
                    ),
                );
            }
            continue;
        }
        if link.anchor.is_empty() {
            continue;
        }
        let known = ids.entry(link.report.clone()).or_insert_with(|| {
            anchors(&target.html)
                .into_iter()
                .map(str::to_string)
                .collect()
        });
        if !known.contains(&link.anchor) {
            let hint = match did_you_mean(&link.anchor, known.iter().map(String::as_str)) {
                Some(m) => format!("did you mean `{}#{m}`?", link.report),
                None => "link to a section id, a heading's id or a figure label of that report"
                    .to_string(),
            };
            problems.push(
                Diagnostic::error(format!(
                    "report `{}` has no anchor `{}`",
                    link.report, link.anchor
                ))
                .at(link.at.clone())
                .help(hint),
            );
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_are_the_ids_of_the_page() {
        let html = "<section id=\"intro\"><h3 id=\"why\">x</h3><p data-id=\"no\">";
        assert_eq!(
            anchors(html).into_iter().collect::<Vec<_>>(),
            ["intro", "why"]
        );
    }
}
