//! Markdown rendered inline (option values such as titles and captions)
//! and the link check every rendering applies, shared by the section
//! renderer and the components.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::document::Inlines;
use crate::escape::show_hidden;

/// A one-line Markdown string (a title, a side heading) as inlines,
/// without the paragraph around it, with smart punctuation. A value that
/// Markdown would read as a block ("1. Introduction" is a list, "# x" a
/// heading) is its text as written: a title is one line, never a list.
pub fn inline(text: &str, raw_html: bool) -> Inlines {
    let events = Parser::new_ext(
        text,
        Options::ENABLE_SMART_PUNCTUATION | Options::ENABLE_STRIKETHROUGH,
    )
    .filter_map(|e| match e {
        Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => None,
        Event::Html(h) | Event::InlineHtml(h) if !raw_html => Some(Event::Text(shown(h))),
        Event::Text(t) => Some(Event::Text(shown(t))),
        Event::Code(t) => Some(Event::Code(shown(t))),
        Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
            Some(Event::Start(safe_link(tag)))
        }
        other => Some(other),
    });
    let events: Vec<Event<'_>> = events.collect();
    let block = events.iter().any(|e| {
        matches!(e, Event::Rule)
            || matches!(e, Event::Start(tag) if !matches!(
                tag,
                Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }
            ))
    });
    if block {
        return vec![crate::document::Inline::Text(
            show_hidden(text.trim()).into_owned(),
        )];
    }
    crate::markdown::tree_of::inlines(events, &mut Default::default())
}

/// URL schemes that run code or smuggle a document when followed.
const UNSAFE_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// `text` with hidden characters (controls, bidi overrides) shown.
pub fn shown(text: CowStr<'_>) -> CowStr<'_> {
    match show_hidden(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(s) => CowStr::from(s),
    }
}

/// A link or image whose destination would run script when followed
/// (`javascript:` and friends, however they are cased or padded) gets a
/// harmless `#` instead: the page is meant to carry no script at all.
/// Images may still be `data:` images.
pub fn safe_link(tag: Tag<'_>) -> Tag<'_> {
    let unsafe_url = |url: &str, allow_data_image: bool| {
        let folded: String = url
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<String>()
            .to_ascii_lowercase();
        UNSAFE_SCHEMES.iter().any(|s| folded.starts_with(s))
            && !(allow_data_image
                && folded.starts_with("data:image/")
                && !folded.starts_with("data:image/svg"))
    };
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } if unsafe_url(&dest_url, false) => Tag::Link {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        },
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } if unsafe_url(&dest_url, true) => Tag::Image {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::inline;
    use crate::document::Inline;

    /// Every link and image destination in `inlines`.
    fn urls(inlines: &[Inline]) -> Vec<String> {
        let mut out = Vec::new();
        for i in inlines {
            match i {
                Inline::Link { url, content, .. }
                | Inline::Image {
                    url, alt: content, ..
                } => {
                    out.push(url.clone());
                    out.extend(urls(content));
                }
                Inline::Emphasis(x) | Inline::Strong(x) | Inline::Strikethrough(x) => {
                    out.extend(urls(x))
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn script_urls_never_become_links() {
        for md in [
            "[x](javascript:alert(1))",
            "<javascript:alert(1)>",
            "[x]( JaVaScRiPt:alert(1))",
            "[x](vbscript:msgbox)",
            "[x](data:text/html,<script>alert(1)</script>)",
            "![x](data:image/svg+xml,<svg onload=alert(1)>)",
        ] {
            let found = urls(&inline(md, false));
            assert!(found.iter().all(|u| u == "#"), "{md} → {found:?}");
        }
        assert_eq!(
            urls(&inline("[ok](https://example.org)", false)),
            ["https://example.org"]
        );
        assert_eq!(
            urls(&inline("![ok](data:image/png;base64,AAAA)", false)),
            ["data:image/png;base64,AAAA"]
        );
    }

    #[test]
    fn a_value_markdown_reads_as_a_block_is_its_text() {
        for title in ["1. Introduction", "# Findings", "- a", "> quoted", "---"] {
            assert_eq!(inline(title, false), [Inline::Text(title.to_string())]);
        }
        assert_eq!(
            inline("A *short* title", false),
            [
                Inline::Text("A ".into()),
                Inline::Emphasis(vec![Inline::Text("short".into())]),
                Inline::Text(" title".into()),
            ]
        );
    }
}
