//! The inline nodes of quotes, citations and roles as HTML: computed
//! values, cross-references, citations and what a citation style formats.
//! Text here is escaped with [`crate::escape`], which also escapes quote
//! marks, as the bibliography and citations always were.

use std::fmt::Write;

use crate::document::{Citation, Display, Inline, TextStyle};
use crate::escape::{html, push_html};

use super::quote::quote_link;
use super::SITE_MARK;

/// Writes `inlines`. Markdown's own inlines (emphasis, code…) are the
/// section writer's; none reaches here.
pub fn inlines(inlines: &[Inline], out: &mut String) {
    for i in inlines {
        inline(i, out);
    }
}

/// Writes one inline node.
pub fn inline(i: &Inline, out: &mut String) {
    match i {
        Inline::Text(t) => push_html(out, t),
        Inline::Html(h) => out.push_str(h),
        Inline::Link { url, content, .. } => {
            out.push_str("<a href=\"");
            push_html(out, url);
            out.push_str("\">");
            inlines(content, out);
            out.push_str("</a>");
        }
        Inline::WorkLink { id, content } => {
            out.push_str("<a href=\"#");
            push_html(out, id);
            out.push_str("\">");
            inlines(content, out);
            out.push_str("</a>");
        }
        Inline::Styled { style, content } => {
            let (open, close) = match style {
                TextStyle::Italic => ("<i>", "</i>"),
                TextStyle::Bold => ("<b>", "</b>"),
                TextStyle::SmallCaps => ("<span class=\"small-caps\">", "</span>"),
                TextStyle::Underline => ("<u>", "</u>"),
                TextStyle::Superscript => ("<sup>", "</sup>"),
                TextStyle::Subscript => ("<sub>", "</sub>"),
            };
            out.push_str(open);
            inlines(content, out);
            out.push_str(close);
        }
        Inline::Displayed { display, content } => {
            out.push_str("<span class=\"");
            out.push_str(match display {
                Display::Block => "csl-block",
                Display::Indent => "csl-indent",
                Display::LeftMargin => "csl-left",
                Display::RightInline => "csl-right",
            });
            out.push_str("\">");
            inlines(content, out);
            out.push_str("</span>");
        }
        Inline::Value { text, illustrative } => value(text, *illustrative, out),
        Inline::CrossRef {
            label,
            report,
            number,
        } => cross_ref(label, report.as_deref(), number, out),
        Inline::Citation(c) => citation(c, out),
        Inline::QuoteLink(link) => quote_link(link, out),
        _ => {}
    }
}

/// Writes a computed value; one from made-up data is marked with a dagger.
pub fn value(text: &str, illustrative: bool, out: &mut String) {
    if illustrative {
        out.push_str(
            "<span class=\"illustrative-value\" title=\"Computed from illustrative data\">",
        );
        push_html(out, text);
        out.push_str("<sup aria-label=\"illustrative\">†</sup></span>");
    } else {
        push_html(out, text);
    }
}

/// Writes a cross-reference to a figure, of this report or (`report`) of
/// another report of the site. A figure of another report is numbered by
/// the site once every report is built: until then its number is the
/// site's placeholder (`U+0001 X slug:label U+0001`), which the site
/// fills in the page.
pub fn cross_ref(label: &str, report: Option<&str>, number: &str, out: &mut String) {
    let href = match report {
        Some(report) if label.is_empty() => format!("../{report}/index.html"),
        Some(report) => format!("../{report}/index.html#{label}"),
        None => format!("#{label}"),
    };
    out.push_str("<a class=\"xref\" href=\"");
    push_html(out, &href);
    out.push_str("\">Figure&nbsp;");
    match report {
        Some(report) if number.is_empty() => {
            let _ = write!(out, "{SITE_MARK}X{report}:{label}{SITE_MARK}");
        }
        _ => push_html(out, number),
    }
    out.push_str("</a>");
}

/// Writes a citation: each cited work's part links to its entry, or, when
/// the style marks no parts, the whole citation links to the first work.
pub fn citation(c: &Citation, out: &mut String) {
    if c.content.iter().any(links_a_work) {
        out.push_str("<span class=\"citation\">");
        inlines(&c.content, out);
        out.push_str("</span>");
    } else {
        let first = c.works.first().map_or("", String::as_str);
        out.push_str("<a class=\"citation\" href=\"#");
        out.push_str(&html(first));
        out.push_str("\">");
        inlines(&c.content, out);
        out.push_str("</a>");
    }
}

/// Whether `i` holds a link (written as `<a>`).
fn links_a_work(i: &Inline) -> bool {
    match i {
        Inline::WorkLink { .. } | Inline::Link { .. } => true,
        Inline::Styled { content, .. } | Inline::Displayed { content, .. } => {
            content.iter().any(links_a_work)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(i: &Inline) -> String {
        let mut out = String::new();
        inline(i, &mut out);
        out
    }

    #[test]
    fn a_citation_links_its_parts_or_as_a_whole() {
        let whole = Citation {
            index: 0,
            works: vec!["ref-braun2006".into()],
            content: vec![Inline::Text("[1]".into())],
        };
        assert_eq!(
            written(&Inline::Citation(whole)),
            "<a class=\"citation\" href=\"#ref-braun2006\">[1]</a>"
        );
        let parts = Citation {
            index: 0,
            works: vec!["ref-a".into()],
            content: vec![Inline::Styled {
                style: TextStyle::Italic,
                content: vec![Inline::WorkLink {
                    id: "ref-a".into(),
                    content: vec![Inline::Text("A & B".into())],
                }],
            }],
        };
        assert_eq!(
            written(&Inline::Citation(parts)),
            "<span class=\"citation\"><i><a href=\"#ref-a\">A &amp; B</a></i></span>"
        );
    }

    #[test]
    fn a_value_from_made_up_data_is_marked() {
        let v = |illustrative| Inline::Value {
            text: "<3".into(),
            illustrative,
        };
        assert_eq!(written(&v(false)), "&lt;3");
        assert_eq!(
            written(&v(true)),
            "<span class=\"illustrative-value\" title=\"Computed from illustrative data\">&lt;3<sup aria-label=\"illustrative\">†</sup></span>"
        );
    }

    #[test]
    fn a_cross_reference_into_another_report_leaves_this_page() {
        let r = |report: Option<&str>, label: &str| Inline::CrossRef {
            label: label.into(),
            report: report.map(str::to_string),
            number: "2".into(),
        };
        assert_eq!(
            written(&r(None, "fig-a")),
            "<a class=\"xref\" href=\"#fig-a\">Figure&nbsp;2</a>"
        );
        assert_eq!(
            written(&r(Some("wave-2"), "fig-a")),
            "<a class=\"xref\" href=\"../wave-2/index.html#fig-a\">Figure&nbsp;2</a>"
        );
    }
}
