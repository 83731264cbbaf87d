//! The checks of a section that need no datasets: unclosed directive
//! fences, directive names and options, role names. Run when the datasets
//! are broken, so these are reported with the data errors instead of only
//! after the data is fixed.

use std::path::Path;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::load::SectionSource;
use crate::markdown::fence::{block_text, fence_closes};
use crate::markdown::parser_options as options;
use crate::markdown::{directive, roles};

/// Checks what can be checked in `section` without the datasets: unclosed
/// directive fences, directive names and options, role names. Used when
/// the datasets are broken, so these are reported with the data errors
/// instead of only after the data is fixed.
pub fn check_syntax(section: &SectionSource) -> Diagnostics {
    let mut problems = Diagnostics::new();
    syntax(
        &section.path,
        &section.text,
        section.body(),
        section.body_start,
        &mut problems,
    );
    problems
}

fn syntax(path: &Path, file: &str, text: &str, base: usize, problems: &mut Diagnostics) {
    let error =
        |problems: &mut Diagnostics, at: usize, len: usize, (message, help): (String, String)| {
            problems.push(
                Diagnostic::error(message)
                    .at(Location::in_text(path, file, at, len))
                    .help(help),
            );
        };
    // Text since the last other event, for roles split over pieces.
    let mut last_text = String::new();
    let mut iter = Parser::new_ext(text, options()).into_offset_iter();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let block = block_text(&mut iter);
                let Some((name, argument)) = directive::info(&info) else {
                    continue;
                };
                let source = &text[range.clone()];
                let fence_len = source.find('\n').unwrap_or(source.len());
                let at = base + range.start;
                if !fence_closes(source) {
                    let message = format!("the directive `{{{name}}}` never closes");
                    let help = "close it with a line holding only the opening fence (as many backticks or tildes)";
                    error(problems, at, fence_len, (message, help.to_string()));
                    continue;
                }
                match directive::parse(name, argument, &block) {
                    Ok(d) => {
                        let body_at = at + fence_len + 1 + d.body_offset;
                        syntax(path, file, &d.body, body_at, problems);
                    }
                    Err((message, offset, help)) => {
                        let pos = if offset == 0 && message.starts_with("unknown directive") {
                            at
                        } else {
                            at + fence_len + 1 + offset
                        };
                        error(problems, pos, fence_len, (message, help));
                    }
                }
            }
            Event::Code(_) => {
                if let Some(name) = roles::trailing_role_in(&last_text) {
                    if !roles::ROLES.contains(&name) {
                        let at = (base + range.start).saturating_sub(name.len() + 2);
                        error(problems, at, name.len() + 2, roles::unknown(name));
                    }
                }
                last_text.clear();
            }
            Event::Text(t) => last_text.push_str(&t),
            _ => last_text.clear(),
        }
    }
}
