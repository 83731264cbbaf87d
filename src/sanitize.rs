//! Raw HTML in sections, made safe with ammonia's allow-list.
//!
//! Researchers write a little HTML in Markdown (`<sup>`, `<kbd>`,
//! `<details>`, a table Markdown cannot draw), so raw HTML stays on by
//! default; but a section from a contributor could also carry a
//! `<meta http-equiv="refresh">` that sends the reader elsewhere, which
//! the page's Content-Security-Policy cannot stop. So a section that holds
//! raw HTML is cleaned as a whole after Markdown is rendered: raw tags can
//! open in one Markdown block and close in another, and only the whole
//! fragment is balanced.
//!
//! What findings itself writes there (directives, charts, headings, role
//! values) must not be cleaned: it is set aside as [`Slots`] while the
//! section is rendered and put back after cleaning. What the allow-list
//! drops is also found by [`dropped`], so each piece of raw HTML that
//! loses something gets a warning at its line.

use std::collections::{HashMap, HashSet};
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::OnceLock;

use regex::Regex;

/// The elements a section's raw HTML may use: formatting, tables, lists,
/// disclosure, figures, links and images; and what Markdown renders.
const TAGS: [&str; 60] = [
    "a",
    "abbr",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

/// Attributes any allowed element may carry.
const GENERIC: [&str; 5] = ["class", "id", "title", "lang", "dir"];

/// Attributes of particular elements.
const PER_TAG: [(&str, &[&str]); 12] = [
    ("a", &["href"]),
    ("img", &["src", "alt", "width", "height"]),
    ("ol", &["start", "reversed"]),
    ("td", &["colspan", "rowspan", "style"]),
    ("th", &["colspan", "rowspan", "scope", "style"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("details", &["open"]),
    ("q", &["cite"]),
    ("blockquote", &["cite"]),
    ("input", &["type", "checked", "disabled"]),
    ("abbr", &["title"]),
];

/// The one CSS property kept: Markdown tables align cells with it.
const STYLE_PROPERTIES: [&str; 1] = ["text-align"];

/// Image types a `data:` URL may carry (SVG may hold script).
const DATA_IMAGES: [&str; 4] = [
    "data:image/png",
    "data:image/jpeg",
    "data:image/gif",
    "data:image/webp",
];

fn cleaner() -> &'static ammonia::Builder<'static> {
    static CLEANER: OnceLock<ammonia::Builder<'static>> = OnceLock::new();
    CLEANER.get_or_init(|| {
        let mut b = ammonia::Builder::empty();
        let per_tag: HashMap<&str, HashSet<&str>> = PER_TAG
            .iter()
            .map(|(t, attrs)| (*t, attrs.iter().copied().collect()))
            .collect();
        b.tags(TAGS.into_iter().collect())
            .generic_attributes(GENERIC.into_iter().collect())
            .tag_attributes(per_tag)
            .filter_style_properties(STYLE_PROPERTIES.into_iter().collect())
            .url_schemes(
                ["http", "https", "mailto", "tel", "data"]
                    .into_iter()
                    .collect(),
            )
            .clean_content_tags(["script", "style", "template"].into_iter().collect())
            .link_rel(None)
            .strip_comments(true)
            .attribute_filter(|element, attribute, value| {
                let lower = value.trim_start().to_ascii_lowercase();
                if !lower.starts_with("data:") {
                    return Some(value.into());
                }
                let image = element == "img"
                    && attribute == "src"
                    && DATA_IMAGES.iter().any(|d| lower.starts_with(d));
                image.then(|| value.into())
            });
        b
    })
}

/// `html` cleaned by the allow-list.
pub fn sanitize(html: &str) -> String {
    cleaner().clean(html).to_string()
}

/// What the allow-list takes out of one piece of raw HTML, as the user
/// would name it: "`<meta>`", "`onclick` on `<a>`". Empty when nothing.
pub fn dropped(raw: &str) -> Vec<String> {
    static TAG: OnceLock<Regex> = OnceLock::new();
    static ATTR: OnceLock<Regex> = OnceLock::new();
    let tag = TAG.get_or_init(|| {
        Regex::new(r#"<([A-Za-z][A-Za-z0-9-]*)((?:\s+[^\s/>"'=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"#)
            .unwrap_or_else(|_| unreachable!("a fixed pattern"))
    });
    let attr = ATTR.get_or_init(|| {
        Regex::new(r#"([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"#)
            .unwrap_or_else(|_| unreachable!("a fixed pattern"))
    });
    let mut out: Vec<String> = Vec::new();
    for t in tag.captures_iter(raw) {
        let name = t[1].to_ascii_lowercase();
        if !TAGS.contains(&name.as_str()) {
            out.push(format!("`<{name}>`"));
            continue;
        }
        let own = PER_TAG
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[][..], |(_, a)| *a);
        for a in attr.captures_iter(&t[2]) {
            let key = a[1].to_ascii_lowercase();
            let value = a
                .get(2)
                .or(a.get(3))
                .or(a.get(4))
                .map_or("", |m| m.as_str());
            let allowed = GENERIC.contains(&key.as_str()) || own.contains(&key.as_str());
            let lower = value.trim_start().to_ascii_lowercase();
            let bad_url = matches!(key.as_str(), "href" | "src" | "cite")
                && (["javascript:", "vbscript:"]
                    .iter()
                    .any(|s| lower.starts_with(s))
                    || (lower.starts_with("data:")
                        && !(key == "src" && DATA_IMAGES.iter().any(|d| lower.starts_with(d)))));
            if !allowed || bad_url {
                out.push(format!("`{key}` on `<{name}>`"));
            }
        }
    }
    out.dedup();
    out
}

/// What findings wrote into a section, set aside while the section's raw
/// HTML is cleaned. Each piece is replaced by a token that ammonia keeps
/// as text: private-use characters around a number and a nonce drawn
/// from the section's text, which the text itself therefore cannot hold.
#[derive(Debug, Default)]
pub struct Slots {
    nonce: String,
    parts: Vec<String>,
    /// Whether the text can hold raw HTML at all (it has a `<`): most
    /// sections do not, and then nothing is set aside or cleaned.
    active: bool,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

impl Slots {
    /// Slots for a section whose source text is `text`.
    pub fn new(text: &str) -> Self {
        let mut h = DefaultHasher::new();
        text.hash(&mut h);
        Slots {
            nonce: format!("{:016x}", h.finish()),
            parts: Vec::new(),
            active: text.contains('<'),
        }
    }

    /// False when the section's text has no `<`, so no raw HTML.
    pub fn active(&self) -> bool {
        self.active
    }

    /// Sets `html` aside and returns its token. A final line break stays
    /// outside the token: the Markdown writer looks at it to decide
    /// whether the next block needs one, so the page comes out the same.
    pub fn keep(&mut self, mut html: String) -> String {
        let newline = html.ends_with('\n');
        if newline {
            html.pop();
        }
        self.parts.push(html);
        let token = format!("{OPEN}{}:{}{CLOSE}", self.nonce, self.parts.len() - 1);
        if newline {
            token + "\n"
        } else {
            token
        }
    }

    /// Whether `text` is one of the tokens.
    pub fn is_token(&self, text: &str) -> bool {
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.starts_with(OPEN) && text.ends_with(CLOSE) && text.contains(&self.nonce)
    }

    /// `html` with every token replaced by what it stands for (tokens in
    /// what was set aside included: a heading's role values).
    pub fn expand(&self, html: &str) -> String {
        if !html.contains(OPEN) {
            return html.to_string();
        }
        let prefix = format!("{OPEN}{}:", self.nonce);
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = rest.find(&prefix) {
            out.push_str(&rest[..at]);
            let after = &rest[at + prefix.len()..];
            let part = after
                .find(CLOSE)
                .and_then(|end| Some((end, after[..end].parse::<usize>().ok()?)))
                .and_then(|(end, n)| Some((end, self.parts.get(n)?)));
            match part {
                Some((end, part)) => {
                    out.push_str(&self.expand(part));
                    rest = &after[end + CLOSE.len_utf8()..];
                }
                None => {
                    out.push_str(&prefix);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_formatting_and_drops_what_navigates_or_runs() {
        let html = "<p>H<sub>2</sub>O <kbd>Ctrl</kbd> <mark>x</mark> <abbr title=\"t\">T</abbr></p>\
                    <details open><summary>More</summary><p>in</p></details>\
                    <meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\
                    <a href=\"javascript:alert(1)\" onclick=\"x()\">a</a>\
                    <script>alert(1)</script><style>@import url(x)</style>\
                    <iframe src=\"https://x\"></iframe><form><input type=\"text\"></form>\
                    <base href=\"https://evil.example/\"><object data=\"x\"></object><embed src=\"x\">";
        let clean = sanitize(html);
        for kept in [
            "<sub>2</sub>",
            "<kbd>Ctrl</kbd>",
            "<mark>x</mark>",
            "<abbr title=\"t\">",
            "<details open=\"\"><summary>More</summary>",
        ] {
            assert!(clean.contains(kept), "{kept} in {clean}");
        }
        for gone in [
            "<meta",
            "javascript",
            "onclick",
            "<script",
            "alert",
            "@import",
            "<iframe",
            "<form",
            "<base",
            "<object",
            "<embed",
        ] {
            assert!(!clean.contains(gone), "{gone} in {clean}");
        }
        assert!(sanitize("<img src=\"data:image/png;base64,AA\">").contains("data:image/png"));
        assert!(!sanitize("<img src=\"data:image/svg+xml,<svg onload=x>\">").contains("data:"));
        assert!(!sanitize("<a href=\"data:text/html,x\">a</a>").contains("data:"));
    }

    #[test]
    fn names_what_it_drops() {
        assert_eq!(dropped("<sup>1</sup> <kbd>k</kbd>"), Vec::<String>::new());
        assert_eq!(
            dropped("<meta http-equiv=\"refresh\" content=\"0\">"),
            ["`<meta>`"]
        );
        assert_eq!(
            dropped("<a href=\"x\" onclick=\"y()\">"),
            ["`onclick` on `<a>`"]
        );
        assert_eq!(dropped("<a href='javascript:x'>"), ["`href` on `<a>`"]);
        assert_eq!(
            dropped("<img src=\"data:image/png;base64,AA\">"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn slots_come_back_whole_even_nested() {
        let mut slots = Slots::new("text");
        let inner = slots.keep("<b>1</b>".into());
        let outer = slots.keep(format!("<h3>{inner}</h3>"));
        assert!(slots.is_token(&outer));
        let cleaned = sanitize(&format!("<p>{outer}</p><script>x</script>"));
        assert_eq!(slots.expand(&cleaned), "<p><h3><b>1</b></h3></p>");
        // A token from another section's nonce is left as text.
        let other = Slots::new("other").keep("x".into());
        assert_eq!(slots.expand(&other), other);
    }
}
