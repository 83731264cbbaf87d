//! HTML escaping for every string that comes from content or data.

use std::fmt::Write;

/// Escapes `text` for HTML text and attribute values (both quote kinds).
/// Hidden characters are shown (see [`is_hidden`]).
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_html(&mut out, text);
    out
}

/// Appends the escaped `text` to `out`.
pub fn push_html(out: &mut String, text: &str) {
    let mut last = 0;
    for (i, c) in text.char_indices() {
        let rep = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '"' => "&quot;",
            '\'' => "&#39;",
            c if is_hidden(c) => {
                out.push_str(&text[last..i]);
                push_shown(out, c);
                last = i + c.len_utf8();
                continue;
            }
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&text[last..]);
}

/// Appends the escaped `label` (a code's name, a row head) with a line
/// break opportunity (`<wbr>`) after each `_`, `/` and `\\` that joins two
/// words: a snake_case name then wraps between its words, never inside
/// one, and a column need not be as wide as the whole name.
pub fn push_label_html(out: &mut String, label: &str) {
    let mut rest = label;
    while let Some(at) = rest.find(['_', '/', '\\']) {
        let (head, tail) = rest.split_at(at + 1);
        push_html(out, head);
        let joins = head.len() > 1 && tail.chars().next().is_some_and(char::is_alphanumeric);
        if joins {
            out.push_str("<wbr>");
        }
        rest = tail;
    }
    push_html(out, rest);
}

/// Whether `c` must not reach the page as itself: control characters
/// other than tab and line breaks (invalid in HTML, and the pipeline uses
/// U+0001 for its own placeholders), and the bidirectional embeddings,
/// overrides and isolates, which would silently reorder the text around
/// them (a quote reading backwards, a label swapping places with its
/// number). The marks U+200E, U+200F and U+061C only nudge neutral
/// characters and are left for right-to-left writing.
pub fn is_hidden(c: char) -> bool {
    match c {
        '\t' | '\n' | '\r' => false,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// `text` with every [`is_hidden`] character written out as `[U+202E]`,
/// so a reader sees that it was there and nothing is reordered.
pub fn show_hidden(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(is_hidden) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            push_shown(&mut out, c);
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn push_shown(out: &mut String, c: char) {
    let _ = write!(out, "[U+{:04X}]", u32::from(c));
}

/// A `data:` URI of `bytes` with media type `mime`.
pub fn data_uri(mime: &str, bytes: &[u8]) -> String {
    use base64::Engine as _;
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + 32);
    let _ = write!(out, "data:{mime};base64,");
    base64::engine::general_purpose::STANDARD.encode_string(bytes, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_may_wrap_between_joined_words_only() {
        let mut out = String::new();
        push_label_html(&mut out, "high_school/<b>_x");
        assert_eq!(out, "high_<wbr>school/&lt;b&gt;_<wbr>x");
        let mut out = String::new();
        push_label_html(&mut out, "_lead and trail_");
        assert_eq!(out, "_lead and trail_");
    }

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(html("a\u{1}b\nc"), "a[U+0001]b\nc");
    }

    #[test]
    fn shows_controls_and_bidi_overrides_and_keeps_marks() {
        assert_eq!(
            html("x\u{202E}cba\u{202C} \u{2066}i\u{2069}\u{7}\u{9b}\t"),
            "x[U+202E]cba[U+202C] [U+2066]i[U+2069][U+0007][U+009B]\t"
        );
        assert_eq!(html("\u{200F}עברית\u{200E}"), "\u{200F}עברית\u{200E}");
        assert_eq!(show_hidden("a\u{202D}<b>"), "a[U+202D]<b>");
        assert!(matches!(
            show_hidden("plain"),
            std::borrow::Cow::Borrowed("plain")
        ));
    }
}
