//! Directive fences as pulldown-cmark delimits them: whether a block's
//! closing fence is there, and the block's raw text.

use pulldown_cmark::{Event, TagEnd};

/// True when the fenced block `source` (as pulldown-cmark delimits it)
/// ends with a closing fence: a line of at least as many of the opening
/// fence's characters and nothing else. Container markers (`>`, list
/// indentation) before either fence are ignored.
pub fn fence_closes(source: &str) -> bool {
    let strip = |line: &str| {
        line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
            .trim_end()
            .to_string()
    };
    let mut lines = source.lines();
    let opening = strip(lines.next().unwrap_or(""));
    let Some(fence_char) = opening.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return true;
    };
    let width = opening.chars().take_while(|&c| c == fence_char).count();
    let Some(last) = lines.last().map(strip) else {
        return false;
    };
    last.chars().count() >= width && last.chars().all(|c| c == fence_char)
}

/// The text of a fenced block whose start was just read, up to its end.
pub fn block_text<'t>(events: impl Iterator<Item = (Event<'t>, std::ops::Range<usize>)>) -> String {
    let mut block = String::new();
    for (e, _) in events {
        match e {
            Event::Text(t) => block.push_str(&t),
            Event::End(TagEnd::CodeBlock) => break,
            _ => {}
        }
    }
    block
}

#[cfg(test)]
mod tests {
    use super::fence_closes;

    #[test]
    fn sees_whether_a_fence_closes() {
        assert!(fence_closes("```{note}\nbody\n```\n"));
        assert!(fence_closes("````{compare}\n```{side} A\n```\n````"));
        assert!(fence_closes("> ```{quote} s\n> ```"));
        assert!(!fence_closes("```{note}\nbody\n"));
        assert!(!fence_closes("````{compare}\nbody\n```\n"));
        assert!(!fence_closes("```{note}"));
        assert!(!fence_closes("~~~{note}\nbody\n```\n"));
    }
}
