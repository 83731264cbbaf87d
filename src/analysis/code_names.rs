//! A code as a report names it: by its id, or by its label where no other
//! code has that label. Imported codebooks generate their ids (with a
//! parent's prefix for a repeated name), so the label is what a researcher
//! knows; a label several codes share must not silently pick one of them.

use super::codes::path;
use super::Problem;
use crate::error::did_you_mean;
use crate::model::study::Study;

/// What a name given for a code finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// One code: its id, or a label only it has.
    Code(usize),
    /// A label several codes have (indices in codebook order).
    Ambiguous(Vec<usize>),
    /// No code has that id or label.
    Unknown,
}

/// The code `name` stands for. An id wins over a label; then a label
/// written exactly; then an id or a label differing only in case.
pub fn lookup(study: &Study, name: &str) -> Lookup {
    if let Some(code) = study.code_position(name) {
        return Lookup::Code(code);
    }
    let exact: Vec<usize> = (0..study.codes.len())
        .filter(|&c| study.codes[c].label == name)
        .collect();
    if !exact.is_empty() {
        return one_or_many(exact);
    }
    let folded = name.to_lowercase();
    let loose: Vec<usize> = (0..study.codes.len())
        .filter(|&c| {
            let code = &study.codes[c];
            code.label.to_lowercase() == folded || code.id.to_lowercase() == folded
        })
        .collect();
    if loose.is_empty() {
        Lookup::Unknown
    } else {
        one_or_many(loose)
    }
}

fn one_or_many(codes: Vec<usize>) -> Lookup {
    match codes.as_slice() {
        [one] => Lookup::Code(*one),
        _ => Lookup::Ambiguous(codes),
    }
}

/// The code `name` stands for, or the problem a reader sees.
pub fn find(study: &Study, name: &str) -> Result<usize, Problem> {
    match lookup(study, name) {
        Lookup::Code(code) => Ok(code),
        Lookup::Ambiguous(codes) => Err(ambiguous(study, name, &codes)),
        Lookup::Unknown => Err(unknown(study, name, None)),
    }
}

/// "`programming` names 2 codes: `concepts-programming` (Concepts ›
/// programming), `skills-programming` (Skills › programming)".
pub fn ambiguous(study: &Study, name: &str, codes: &[usize]) -> Problem {
    let each: Vec<String> = codes
        .iter()
        .map(|&c| format!("`{}` ({})", study.codes[c].id, full_path(study, c)))
        .collect();
    Problem::new(
        format!("`{name}` names {} codes: {}", codes.len(), each.join(", ")),
        "several codes have this label; write one of these ids",
    )
}

/// No code is called `name`: the nearest id or label, else where the
/// codes can be listed. `or` adds what else the name may be ("the name
/// of a code set").
pub fn unknown(study: &Study, name: &str, or: Option<&str>) -> Problem {
    let names = study
        .codes
        .iter()
        .flat_map(|c| [c.id.as_str(), c.label.as_str()]);
    let help = match did_you_mean(name, names) {
        Some(m) => format!("did you mean `{m}`?"),
        None => {
            let list = where_listed(study);
            match or {
                Some(other) => format!("{list}; or give {other}"),
                None => list,
            }
        }
    };
    Problem::new(format!("unknown code `{name}`"), help)
}

/// Where a researcher finds the codes of this project: the command that
/// lists them and the file they come from, whatever its format.
pub fn where_listed(study: &Study) -> String {
    match &study.files.codebook {
        Some(file) => format!(
            "run `findings codes` to list the codes of {}",
            file.display()
        ),
        None => "the study has no codes: add content/data/codebook.json, or a coded export (.qdpx, .csv, .xlsx) to content/data/".into(),
    }
}

/// The labels from the top of the tree down to `code` itself, joined by
/// " › ".
pub fn full_path(study: &Study, code: usize) -> String {
    let above = path(study, code);
    let label = &study.codes[code].label;
    if above.is_empty() {
        label.clone()
    } else {
        format!("{above} › {label}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::json::parse_file;
    use crate::model::input::Datasets;
    use crate::model::labels::Labels;
    use crate::Diagnostics;
    use std::path::Path;

    fn study() -> Study {
        let mut data = Datasets::default();
        let mut problems = Diagnostics::new();
        parse_file(
            "codebook",
            Path::new("content/data/codebook.json"),
            r#"[{"id":"concepts","label":"Concepts"},
                {"id":"concepts-programming","label":"programming","parent":"concepts"},
                {"id":"skills","label":"Skills"},
                {"id":"skills-programming","label":"programming","parent":"skills"},
                {"id":"trust","label":"Trust in audits"}]"#
                .into(),
            &mut data,
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems}");
        match Study::build(data, Labels::default()) {
            Ok((study, _)) => study,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn ids_then_unique_labels_then_any_case() {
        let s = study();
        assert_eq!(lookup(&s, "skills"), Lookup::Code(2));
        assert_eq!(lookup(&s, "Trust in audits"), Lookup::Code(4));
        assert_eq!(lookup(&s, "trust in audits"), Lookup::Code(4));
        assert_eq!(lookup(&s, "SKILLS"), Lookup::Code(2));
        assert_eq!(lookup(&s, "programming"), Lookup::Ambiguous(vec![1, 3]));
        assert_eq!(lookup(&s, "nothing"), Lookup::Unknown);
    }

    #[test]
    fn a_shared_label_names_each_id_with_its_path() {
        let p = find(&study(), "programming").unwrap_err();
        assert_eq!(
            p.message,
            "`programming` names 2 codes: `concepts-programming` (Concepts › programming), `skills-programming` (Skills › programming)"
        );
        assert_eq!(
            p.help,
            "several codes have this label; write one of these ids"
        );
    }

    #[test]
    fn an_unknown_name_gets_the_nearest_or_the_command_that_lists_codes() {
        let s = study();
        assert_eq!(
            find(&s, "Skils").unwrap_err().help,
            "did you mean `Skills`?"
        );
        let p = find(&s, "zebra").unwrap_err();
        assert_eq!(p.message, "unknown code `zebra`");
        assert_eq!(
            p.help,
            "run `findings codes` to list the codes of content/data/codebook.json"
        );
    }
}
