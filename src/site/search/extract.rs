//! The searchable pieces of a report, taken from its sections' final
//! HTML (so what is found is exactly what the page shows): one piece per
//! section and per heading inside it, one per quote, one per code label.
//! Charts' SVG and data tables are left out: their words are labels and
//! numbers the section text already names, and the budget is 2 MB for
//! 200 reports.

use crate::render::page::SectionView;

/// What a search result points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A section's prose before its first heading.
    Section,
    /// A heading's prose, up to the next heading.
    Heading,
    /// A participant's words.
    Quote,
    /// A code of the codebook.
    Code,
}

/// One searchable piece of a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// What it is.
    pub kind: Kind,
    /// The element id the result links to (empty: the page's top).
    pub anchor: String,
    /// What the result is called: the section's or heading's title (a
    /// quote's and a code's are those of where they are found).
    pub title: String,
    /// Its words, as plain text.
    pub text: String,
}

/// Elements that end a run of words.
const BLOCKS: [&str; 19] = [
    "p",
    "li",
    "ul",
    "ol",
    "div",
    "section",
    "blockquote",
    "figure",
    "figcaption",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "dd",
    "dt",
    "aside",
    "pre",
];

/// Elements whose content is not searched.
const SKIPPED: [&str; 5] = ["svg", "table", "style", "script", "details"];

/// The pieces of one section. A quote links to its own id when it has
/// one, else to the nearest heading above it.
pub fn section_pieces(section: &SectionView) -> Vec<Piece> {
    let title = plain(&section.title)
        .trim_end_matches('#')
        .trim()
        .to_string();
    let mut pieces = vec![Piece {
        kind: Kind::Section,
        anchor: section.id.clone(),
        title: title.clone(),
        text: String::new(),
    }];
    let mut current = 0;
    let mut skip: Option<(&str, usize)> = None;
    let mut quote: Option<Piece> = None;
    let mut heading: Option<(String, String)> = None;
    let html = section.body.as_str();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        let text = &rest[..lt];
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        if skip.is_none() {
            let sink = if let Some((_, h)) = heading.as_mut() {
                h
            } else if let Some(q) = quote.as_mut() {
                &mut q.text
            } else {
                &mut pieces[current].text
            };
            push_text(sink, text);
            // Words of neighbouring blocks must not run together; inline
            // elements ("Ben</span>, Engineer") must not gain a space.
            if BLOCKS.contains(&tag_name(tag.trim_start_matches('/'))) {
                sink.push(' ');
            }
        }
        let name = tag_name(tag);
        if let Some((skipped, depth)) = skip.as_mut() {
            if name == *skipped {
                *depth += 1;
            } else if tag.strip_prefix('/').map(tag_name) == Some(*skipped) {
                *depth -= 1;
                if *depth == 0 {
                    skip = None;
                }
            }
            continue;
        }
        if let Some(s) = SKIPPED.iter().find(|s| **s == name) {
            skip = Some((s, 1));
        } else if name == "a" && tag.contains("class=\"quote-link\"") {
            // A quote links to its entry in the quote index, which search
            // leads to; its label ("Q3") is no word of the quote.
            if let (Some(q), Some(href)) = (quote.as_mut(), attribute(tag, "href")) {
                q.anchor = href.trim_start_matches('#').to_string();
            }
            skip = Some(("a", 1));
        } else if name == "ol"
            && (tag.contains("class=\"quote-index\"") || tag.contains("class=\"bibliography\""))
        {
            // The quote index repeats quotes found where they are quoted,
            // and the works cited are found by their citations.
            skip = Some(("ol", 1));
        } else if name == "p"
            && (tag.contains("class=\"table-note\"") || tag.contains("class=\"appendix-intro\""))
        {
            // Notes the report writes under every table are no findings.
            skip = Some(("p", 1));
        } else if name == "figure" && tag.contains("class=\"quote") {
            quote = Some(Piece {
                kind: Kind::Quote,
                anchor: attribute(tag, "id").unwrap_or_else(|| pieces[current].anchor.clone()),
                title: pieces[current].title.clone(),
                text: String::new(),
            });
        } else if tag == "/figure" {
            if let Some(q) = quote.take() {
                pieces.push(q);
            }
        } else if matches!(name, "h3" | "h4" | "h5" | "h6") {
            let id = attribute(tag, "id").unwrap_or_default();
            heading = Some((id, String::new()));
        } else if matches!(tag, "/h3" | "/h4" | "/h5" | "/h6") {
            if let Some((id, h)) = heading.take() {
                let h = h.trim().trim_end_matches('#').trim();
                pieces.push(Piece {
                    kind: Kind::Heading,
                    anchor: id,
                    title: h.to_string(),
                    text: String::new(),
                });
                current = pieces.len() - 1;
            }
        }
    }
    for p in &mut pieces {
        p.text = p.text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    // Empty quotes go; headings stay (a quote may be found at one), and
    // so does the section (its title alone is worth finding).
    pieces.retain(|p| !p.text.is_empty() || p.kind != Kind::Quote);
    pieces
}

/// A tag's name: `figure` of `figure class="quote"`, lower case as we write it.
fn tag_name(tag: &str) -> &str {
    let end = tag
        .find(|c: char| c.is_whitespace() || c == '/' && !tag.starts_with('/'))
        .unwrap_or(tag.len());
    &tag[..end]
}

/// The value of attribute `name` in a tag we wrote (`id="x"`).
fn attribute(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')?;
    Some(unescape(&tag[start..start + end]))
}

/// Appends the text between two tags, entities decoded.
fn push_text(sink: &mut String, text: &str) {
    if !text.is_empty() {
        sink.push_str(&unescape(text));
    }
}

/// Inline HTML as plain text.
fn plain(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    out.push_str(rest);
    unescape(&out)
}

/// The entities our escaping writes, decoded.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_leads_to_its_quote_index_entry_which_is_not_searched_again() {
        let section = SectionView {
            id: "s".into(),
            title: "S".into(),
            body: "<figure class=\"quote\"><blockquote><p>“Oltás”</p></blockquote><figcaption>— Ana <a class=\"quote-link\" href=\"#q-s1\" title=\"t\">Q1</a></figcaption></figure>\
                   <ol class=\"quote-index\">\n<li id=\"q-s1\"><blockquote><p>“Oltás”</p></blockquote></li></ol><p>After.</p>"
                .into(),
            generated: false,
        };
        let got: Vec<(Kind, String, String)> = section_pieces(&section)
            .into_iter()
            .map(|p| (p.kind, p.anchor, p.text))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Section, "s".into(), "After.".into()),
                (Kind::Quote, "q-s1".into(), "“Oltás” — Ana".into()),
            ]
        );
    }

    #[test]
    fn splits_a_section_into_prose_headings_and_quotes() {
        let section = SectionView {
            id: "findings".into(),
            title: "Find<em>ings</em>".into(),
            body: "<p>Trust &amp; fear.</p><svg><text>9</text></svg>\
                   <h3 id=\"why\">Why <a class=\"anchor\" href=\"#why\">#</a></h3><p>Because.</p>\
                   <figure class=\"quote\"><blockquote><p>“Oltás”</p></blockquote><figcaption>— <span>Ana</span>, Designer</figcaption></figure>"
                .into(),
            generated: false,
        };
        let pieces = section_pieces(&section);
        let got: Vec<(Kind, &str, &str, &str)> = pieces
            .iter()
            .map(|p| (p.kind, p.anchor.as_str(), p.title.as_str(), p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Section, "findings", "Findings", "Trust & fear."),
                (Kind::Heading, "why", "Why", "Because."),
                (Kind::Quote, "why", "Why", "“Oltás” — Ana, Designer"),
            ]
        );
    }
}
