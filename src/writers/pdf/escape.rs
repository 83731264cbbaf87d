//! Text from the document made safe for Typst: as markup (where a `#`,
//! `*`, `=` at a line's start or `//` would mean something) and as a
//! string literal (alternative text, the document's title).
//!
//! Every ASCII punctuation mark is escaped with a backslash, whatever its
//! place: Typst takes any character after `\` literally, so escaping more
//! than strictly needed costs nothing and no rule of the markup grammar
//! (shorthands like `--` or `...`, smart quotes, list markers, comments,
//! labels, math) can ever apply to text from the data.

/// `s` as Typst markup showing exactly its characters.
///
/// Line breaks and tabs become spaces (a blank line would end the
/// paragraph); other control characters are dropped, since no font has a
/// glyph for them.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    push_text(&mut out, s);
    out
}

/// Appends `s` as markup (see [`text`]).
pub fn push_text(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(' ')
            }
            c if unprintable(c) => {}
            c => out.push(c),
        }
    }
}

/// Characters a PDF/UA-1 file may not map a glyph to (NUL, byte-order
/// marks) and the other control characters: no font draws them, so they
/// are dropped rather than failing the PDF.
fn unprintable(c: char) -> bool {
    c.is_control() || matches!(c, '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
}

/// `s` as a Typst string literal, quotes included; characters no PDF may
/// show are dropped, as in [`text`].
pub fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{2028}' | '\u{2029}' => out.push(' '),
            c if unprintable(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A Typst label for element id `id`: the id itself when Typst's label
/// syntax allows it, otherwise `x-` and its bytes in hex (ids come from
/// slugs, so that is rare; the prefix keeps it apart from real ids, which
/// never hold uppercase hex after `x-` written by a slug).
pub fn label(id: &str) -> String {
    let plain = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'));
    if plain {
        format!("<{id}>")
    } else {
        let hex: String = id.bytes().map(|b| format!("{b:02X}")).collect();
        format!("<x-{hex}>")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(
            text(r#"\ # * _ $ @ < > [ ] ` ~ / ""#),
            r#"\\ \# \* \_ \$ \@ \< \> \[ \] \` \~ \/ \""#
        );
        assert_eq!(text("= Heading"), r"\= Heading");
        assert_eq!(text("- item"), r"\- item");
        assert_eq!(text("1. two"), r"1\. two");
        assert_eq!(text("// not a comment"), r"\/\/ not a comment");
        assert_eq!(text("a -- b ... c"), r"a \-\- b \.\.\. c");
        assert_eq!(text("#set page(width: 1pt)"), r"\#set page\(width\: 1pt\)");
        assert_eq!(text("<lbl> @ref"), r"\<lbl\> \@ref");
        assert_eq!(text("\\u{41}"), r"\\u\{41\}");
    }

    #[test]
    fn keeps_letters_of_every_script() {
        let s = "Árvíztűrő tükörfúrógép مرحبا 漢字かな 🙂 Ωμέγα Привет";
        assert_eq!(text(s), s);
    }

    #[test]
    fn line_breaks_become_spaces_and_controls_go() {
        assert_eq!(text("a\n\nb\r\nc\td"), "a  b  c d");
        assert_eq!(text("a\u{0}b\u{1b}[31mc"), r"ab\[31mc");
        assert_eq!(text("a\u{2028}b"), "a b");
    }

    #[test]
    fn strings_are_quoted_and_escaped() {
        assert_eq!(string(r#"say "hi" \ bye"#), r#""say \"hi\" \\ bye""#);
        assert_eq!(string("a\nb\u{0}c\u{feff}d"), r#""a\nbcd""#);
        assert_eq!(string("#[x]"), r##""#[x]""##);
    }

    #[test]
    fn labels_are_valid_or_hex() {
        assert_eq!(label("fig-roles_2.a:b"), "<fig-roles_2.a:b>");
        assert_eq!(label("a b>"), "<x-6120623E>");
        assert_eq!(label(""), "<x->");
    }
}
