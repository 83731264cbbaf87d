//! Finds where a value sits in JSON text, for error messages.
//!
//! serde_json reports syntax and type errors with a line and column, but a
//! problem found later (a segment naming an unknown participant) needs the
//! place of `[12].participant` in the file. Walking the text once more on
//! error is cheaper than keeping spans for every value on every build.

pub use crate::model::input::Step;

/// The byte range of the value at `path` in `text`, if the path exists.
/// For the last `Key` step the range covers the value, not the key.
pub fn locate(text: &str, path: &[Step]) -> Option<(usize, usize)> {
    locate_from(text, skip_ws(text.as_bytes(), 0), path)
}

/// Like [`locate`], for the value that starts at byte `pos` of `text`.
pub fn locate_from(text: &str, mut pos: usize, path: &[Step]) -> Option<(usize, usize)> {
    let b = text.as_bytes();
    for step in path {
        match (step, b.get(pos)?) {
            (Step::Index(n), b'[') => {
                pos = skip_ws(b, pos + 1);
                for _ in 0..*n {
                    pos = skip_ws(b, skip_value(b, pos)?);
                    if b.get(pos)? != &b',' {
                        return None;
                    }
                    pos = skip_ws(b, pos + 1);
                }
                if b.get(pos)? == &b']' {
                    return None;
                }
            }
            (Step::Key(key), b'{') => {
                pos = skip_ws(b, pos + 1);
                loop {
                    if b.get(pos)? != &b'"' {
                        return None;
                    }
                    let end = skip_string(b, pos)?;
                    let found = &text[pos + 1..end - 1] == *key;
                    pos = skip_ws(b, end);
                    if b.get(pos)? != &b':' {
                        return None;
                    }
                    pos = skip_ws(b, pos + 1);
                    if found {
                        break;
                    }
                    pos = skip_ws(b, skip_value(b, pos)?);
                    if b.get(pos)? != &b',' {
                        return None;
                    }
                    pos = skip_ws(b, pos + 1);
                }
            }
            _ => return None,
        }
    }
    let end = skip_value(b, pos)?;
    Some((pos, end - pos))
}

/// Where each element of the top-level array of `text` starts, in one
/// pass: a diagnostic about record 90,000 then needs no walk over the
/// 89,999 before it.
pub fn element_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = Vec::new();
    let mut pos = skip_ws(b, 0);
    if b.get(pos) != Some(&b'[') {
        return starts;
    }
    pos = skip_ws(b, pos + 1);
    while pos < b.len() && b[pos] != b']' {
        starts.push(pos);
        let Some(end) = skip_value(b, pos) else {
            break;
        };
        pos = skip_ws(b, end);
        if b.get(pos) != Some(&b',') {
            break;
        }
        pos = skip_ws(b, pos + 1);
    }
    starts
}

fn skip_ws(b: &[u8], mut pos: usize) -> usize {
    while pos < b.len() && b[pos].is_ascii_whitespace() {
        pos += 1;
    }
    pos
}

fn skip_string(b: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

fn skip_value(b: &[u8], pos: usize) -> Option<usize> {
    match b.get(pos)? {
        b'"' => skip_string(b, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            while i < b.len() {
                match b[i] {
                    b'"' => {
                        i = skip_string(b, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        }
        _ => {
            let mut i = pos;
            while i < b.len() && !matches!(b[i], b',' | b'}' | b']') && !b[i].is_ascii_whitespace()
            {
                i += 1;
            }
            Some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_where_top_level_elements_start() {
        let text = " [ {\"a\": [1, 2]}, \"x,]\" ,3 ]";
        assert_eq!(element_starts(text), [3, 18, 25]);
        assert_eq!(element_starts("[]"), Vec::<usize>::new());
        assert_eq!(element_starts("{\"a\": 1}"), Vec::<usize>::new());
        assert_eq!(
            locate_from(text, 3, &[Step::Key("a"), Step::Index(1)]),
            Some((13, 1))
        );
    }

    #[test]
    fn finds_nested_values() {
        let text =
            r#"[ {"id": "a", "x": {"y": [1, "two]"]}}, {"id": "b\"q", "codes": ["c1", "c2"]} ]"#;
        let at = |p: &[Step]| locate(text, p).map(|(s, l)| &text[s..s + l]);
        assert_eq!(at(&[Step::Index(1), Step::Key("id")]), Some(r#""b\"q""#));
        assert_eq!(
            at(&[Step::Index(1), Step::Key("codes"), Step::Index(1)]),
            Some(r#""c2""#)
        );
        assert_eq!(
            at(&[
                Step::Index(0),
                Step::Key("x"),
                Step::Key("y"),
                Step::Index(1)
            ]),
            Some(r#""two]""#)
        );
        assert_eq!(at(&[Step::Index(2)]), None);
        assert_eq!(at(&[Step::Index(0), Step::Key("missing")]), None);
    }
}
