//! HTML escaping for every string that comes from content or data.

use std::fmt::Write;

/// Escapes `text` for HTML text and attribute values (both quote kinds).
/// Control characters other than tab and newline are replaced: they are
/// invalid in HTML and the pipeline uses U+0001 for its own placeholders.
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
            '\t' | '\n' | '\r' => continue,
            c if c.is_control() => "\u{FFFD}",
            _ => continue,
        };
        out.push_str(&text[last..i]);
        out.push_str(rep);
        last = i + c.len_utf8();
    }
    out.push_str(&text[last..]);
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
    fn escapes_markup_and_quotes() {
        assert_eq!(
            html(r#"<script>"x" & 'y'</script>"#),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(html("a\u{1}b\nc"), "a\u{FFFD}b\nc");
    }
}
