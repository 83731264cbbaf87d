//! Tests of the Markdown-to-tree conversion.

use super::*;

fn depth(blocks: &[Block]) -> usize {
    blocks
        .iter()
        .map(|b| match b {
            Block::BlockQuote(inner) => 1 + depth(inner),
            _ => 0,
        })
        .max()
        .unwrap_or(0)
}

#[test]
fn containers_nest_no_deeper_than_the_bound_and_keep_their_text() {
    let text = format!("{} deep\n", ">".repeat(500));
    let events: Vec<Event<'_>> = pulldown_cmark::Parser::new(&text).collect();
    let tree = blocks(events, &mut Kept::default());
    assert_eq!(depth(&tree), MAX_DEPTH);
    assert!(format!("{tree:?}").contains("deep"));
    // Within the bound, nothing changes.
    let events: Vec<Event<'_>> = pulldown_cmark::Parser::new("> > x\n").collect();
    assert_eq!(depth(&blocks(events, &mut Kept::default())), 2);
}

/// Through the tree and the HTML writer, CommonMark comes out byte for
/// byte as pulldown-cmark's own serializer writes it straight from the
/// parser (the oracle), over the constructs sections use. (Headings are
/// the section renderer's own node, with an id the report decides.)
#[test]
fn markdown_through_the_tree_is_written_as_pulldown_cmark_writes_it() {
    let samples = [
        "Plain *em* **strong** ~~gone~~ `code` and a\nsoft break, a hard  \nbreak.",
        "- tight\n- list\n  - nested\n  - items\n- back",
        "- loose\n\n- list\n\n  with two paragraphs",
        "3. starts\n4. at three\n\n1. and one",
        "> quoted\n> > twice\n>\n> - a list inside",
        "```rust\nfn main() {}\n```\n\n    indented code\n\n~~~\n~~~",
        "| a | b | c |\n|:--|:-:|--:|\n| 1 | *2* | `3` |\n| x |",
        "Text[^n] and again[^n].\n\n[^n]: The *note*.\n\n    with code",
        "[link](https://example.org \"Title\") <https://example.org/a?b=c&d> <me@example.org>",
        "![alt *text*](img.png \"t\") and [ref][r]\n\n[r]: /x \"y\"",
        "Smart \"quotes\" -- dashes --- and ellipses...",
        "***\n\nAfter a rule\n\n---",
        "Entities &amp; &copy; &#x41; < > \" ' and \\* escapes",
        "1. a\n   ```\n   code in an item\n   ```\n2. b\n\n   > quote in an item",
        "| only | head |\n|---|---|",
        "Unicode: Magyar ő ű, العربية, 日本語, 🎉 and a zero\u{200b}width space",
        "",
    ];
    for md in samples {
        let parse = || pulldown_cmark::Parser::new_ext(md, crate::markdown::parser_options());
        let mut oracle = String::new();
        pulldown_cmark::html::push_html(&mut oracle, parse());
        let tree = blocks(parse().collect(), &mut Kept::default());
        assert_eq!(crate::writers::html::blocks(&tree), oracle, "{md}");
    }
}
