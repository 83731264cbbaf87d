//! The sections `findings new --from` writes around a study, fitted to
//! what it holds: an overview with its counts and its top-level codes as
//! a chart; each top-level code's sub-codes (`:under:`); the codebook and
//! the quote index as appendices; and a participants template to fill in.
//! Only what has data gets a chart, since a chart of nothing is an error.

use std::collections::HashMap;

use findings::load::formats::Loaded;
use findings::model::records::{scalar_text, Code, Segment};

/// A chart of more bars than this shows the most frequent only.
const MOST_BARS: usize = 30;

/// The template's name, at the project's root (where nothing is read).
pub const TEMPLATE: &str = "participants-template.csv";

/// The config, sections and template of the project around `loaded`,
/// which is `content/data/{name}`.
pub fn files(loaded: &Loaded, name: &str) -> Vec<(String, String)> {
    let data = &loaded.data;
    let codes: &[Code] = data.codebook.as_ref().map_or(&[], |f| &f.records);
    let segments: &[Segment] = data.segments.as_ref().map_or(&[], |f| &f.records);
    let counts = branch_counts(codes, segments);
    let title = loaded
        .title
        .clone()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| name.rsplit_once('.').map_or(name, |(s, _)| s).to_string());
    let config = format!(
        "title = {}\n\n# The study is content/data/{name}; findings reads it at every build.\n",
        toml::Value::String(title)
    );
    let mut files = vec![
        ("content/report.toml".to_string(), config),
        (
            "content/sections/01-overview.md".to_string(),
            overview(loaded, name, codes, &counts),
        ),
        (".gitignore".to_string(), "/output\n".to_string()),
        (TEMPLATE.to_string(), template(loaded)),
    ];
    if let Some(text) = sub_codes(codes, &counts) {
        files.push(("content/sections/02-codes.md".to_string(), text));
    }
    if !codes.is_empty() {
        files.push((
            "content/sections/80-codebook.md".to_string(),
            "+++\ntitle = \"Appendix: the codebook\"\nweight = 80\n+++\n\nThe code tree, each sub-code under its parent, with the segments and participants\nbehind each code. The id after each label is how a directive names the code\n(`:codes: ID`, `:under: ID`, `segments[code=ID]`).\n\n```{codebook}\n:examples: 0\n```\n".to_string(),
        ));
    }
    if !segments.is_empty() {
        files.push((
            "content/sections/90-quotes.md".to_string(),
            "+++\ntitle = \"Appendix: every coded segment\"\nweight = 90\n+++\n\nEvery coded segment, in the order of the study, with its participant, source,\nposition, codes and coders. To quote one in a section, give its id to a\n`{quote}` directive.\n\n```{quote-index} segments\n```\n".to_string(),
        ));
    }
    files
}

/// The overview: counts, the top-level codes, and what to do next.
fn overview(loaded: &Loaded, name: &str, codes: &[Code], counts: &[u64]) -> String {
    let data = &loaded.data;
    let mut held = Vec::new();
    if data.sources.is_some() {
        held.push("{count}`sources` sources".to_string());
    }
    if data.participants.is_some() {
        held.push("{count}`participants` participants".to_string());
    }
    held.push("{count}`codebook` codes".to_string());
    if data.segments.is_some() {
        held.push("{count}`segments` coded segments".to_string());
    }
    let last = held.pop().unwrap_or_default();
    let held = if held.is_empty() {
        last
    } else {
        format!("{},\nand {last}", held.join(",\n"))
    };
    let mut out = format!(
        "+++\ntitle = \"Overview\"\nweight = 10\n+++\n\nThis report is built from {}, read again at every build: re-export the study\nfrom your QDA tool into `content/data/` and build again. It holds {held}.\n",
        code(name)
    );
    let used_tops = (0..codes.len())
        .filter(|&c| codes[c].parent.is_none() && counts[c] > 0)
        .count();
    if used_tops > 0 {
        let (top, note) = if used_tops > MOST_BARS {
            (
                format!(":top: {MOST_BARS}\n"),
                format!(" (the {MOST_BARS} most frequent; the codebook has every code)"),
            )
        } else {
            (String::new(), String::new())
        };
        out.push_str(&format!("\n```{{chart}} bar\n:data: segments\n:by: code\n:level: top\n{top}:title: Coded segments per top-level code\n\nCoded segments per top-level code{note}, each counting the segments of its sub-codes once.\n```\n"));
    } else {
        out.push_str(
            "\nNothing is coded yet: code some text in your QDA tool and export the study again.\n",
        );
    }
    out.push_str(&format!(
        "\n### Who is who\n\n`{TEMPLATE}`, beside `content/`, has one row per participant the study\ngives (a case, or else a source) with the columns a report uses: `id` and\n`alias` (the name shown with a quote), `role`, `persona`, and `source` (the\nsources whose segments are that person's, separated by `;`). Fill in a role\nand a persona, add a column for any other attribute (`age`, `site`), then\nmove the file to `content/data/participants.csv`: it replaces the study's\nparticipants, and `{{participants}} :by: persona` or `:across: persona` in a\ntable can use what you wrote. Until it is moved, it is not read.\n"
    ));
    out
}

/// One chart of sub-codes per top-level code whose sub-codes have
/// segments; `None` when no code has any.
fn sub_codes(codes: &[Code], counts: &[u64]) -> Option<String> {
    let mut out = "+++\ntitle = \"Codes\"\nweight = 20\n+++\n\nEach top-level code with its sub-codes; a sub-code counts the segments of the\ncodes below it once each, and codes on no segment are left out (the codebook\nnames them).\n".to_string();
    let mut any = false;
    for top in codes.iter().filter(|c| c.parent.is_none()) {
        let used = codes
            .iter()
            .zip(counts)
            .filter(|(c, &n)| c.parent.as_deref() == Some(top.id.as_str()) && n > 0)
            .count();
        if used == 0 {
            continue;
        }
        any = true;
        let label = md(&top.label);
        let cut = if used > MOST_BARS {
            format!(":top: {MOST_BARS}\n")
        } else {
            String::new()
        };
        out.push_str(&format!(
            "\n### {label}\n\n```{{chart}} bar\n:data: segments\n:by: code\n:under: {}\n{cut}:title: Sub-codes of {}\n\nCoded segments per sub-code of {label}.\n```\n",
            top.id,
            one_line(&top.label)
        ));
    }
    any.then_some(out)
}

/// For each code, the segments carrying it or a code below it (each
/// segment once).
fn branch_counts(codes: &[Code], segments: &[Segment]) -> Vec<u64> {
    let index: HashMap<&str, usize> = codes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.as_str(), i))
        .collect();
    let parent: Vec<Option<usize>> = codes
        .iter()
        .map(|c| c.parent.as_deref().and_then(|p| index.get(p).copied()))
        .collect();
    let mut counts = vec![0u64; codes.len()];
    let mut seen = vec![usize::MAX; codes.len()];
    for (s, segment) in segments.iter().enumerate() {
        for code in &segment.codes {
            let mut at = index.get(code.as_str()).copied();
            // A cycle is the build's error to report; stop at a seen code.
            while let Some(c) = at.filter(|&c| seen[c] != s) {
                seen[c] = s;
                counts[c] += 1;
                at = parent[c];
            }
        }
    }
    counts
}

/// The participants template: one row per participant the study gives,
/// with the sources their segments come from.
fn template(loaded: &Loaded) -> String {
    let data = &loaded.data;
    let people = data.participants.as_ref().map_or(&[][..], |f| &f.records);
    let mut extra: Vec<&str> = Vec::new();
    for p in people {
        for key in p.attributes.keys() {
            if key != "source" && !extra.contains(&key.as_str()) {
                extra.push(key);
            }
        }
    }
    let mut sources: HashMap<&str, Vec<&str>> = HashMap::new();
    for s in data.segments.as_ref().map_or(&[][..], |f| &f.records) {
        if let Some(src) = s.source.as_deref() {
            let list = sources.entry(s.participant.as_str()).or_default();
            if !list.contains(&src) {
                list.push(src);
            }
        }
    }
    let mut out = String::new();
    let header: Vec<&str> = ["id", "alias", "role", "persona", "source"]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    push_row(&mut out, header.iter().map(|h| h.to_string()));
    for p in people {
        let source = match p.attributes.get("source") {
            Some(v) => scalar_text(v).into_owned(),
            None => sources
                .get(p.id.as_str())
                .map_or(String::new(), |l| l.join("; ")),
        };
        let fixed = [
            p.id.clone(),
            p.alias.clone(),
            p.role.clone(),
            p.persona.clone(),
            source,
        ];
        let rest = extra.iter().map(|k| {
            p.attributes
                .get(*k)
                .map_or(String::new(), |v| scalar_text(v).into_owned())
        });
        push_row(&mut out, fixed.into_iter().chain(rest));
    }
    out
}

/// One CSV row, cells quoted where they must be.
fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    let cells: Vec<String> = cells
        .map(|c| {
            if c.contains([',', ';', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    out.push_str(&cells.join(","));
    out.push('\n');
}

/// `text` as inline code, or as escaped text when it holds a backtick.
fn code(text: &str) -> String {
    if text.contains('`') || text.contains('\n') {
        md(text)
    } else {
        format!("`{text}`")
    }
}

/// `text` on one line, as an option's value must be.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as Markdown text: on one line, every ASCII punctuation mark
/// escaped, so a label reads as written (never as emphasis, a link or a
/// role).
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_escaped_for_markdown() {
        assert_eq!(md("a *b* [c](d)\n`e`"), "a \\*b\\* \\[c\\]\\(d\\) \\`e\\`");
    }

    #[test]
    fn a_branch_counts_a_segment_once() {
        let code = |id: &str, parent: Option<&str>| Code {
            id: id.into(),
            label: id.into(),
            description: String::new(),
            parent: parent.map(String::from),
            colour: None,
        };
        let codes = [code("t", None), code("a", Some("t")), code("b", Some("t"))];
        let segment = Segment {
            codes: vec!["a".into(), "b".into()],
            ..serde_json::from_str(r#"{"id":"s","participant":"p","text":"x"}"#).expect("segment")
        };
        assert_eq!(branch_counts(&codes, &[segment]), vec![1, 1, 1]);
    }
}
