//! Quotes as HTML: a figure with the words in a block quote and the
//! attribution in its caption, ending in the link to the quote index.

use crate::document::{Quote, QuoteLink};
use crate::escape::push_html;

/// Writes `{quotes}`: the quotes side by side.
pub fn quotes(quotes: &[Quote], out: &mut String) {
    out.push_str("<div class=\"quotes\">\n");
    for q in quotes {
        quote(q, out);
    }
    out.push_str("</div>\n");
}

/// Writes one quote.
pub fn quote(q: &Quote, out: &mut String) {
    out.push_str(if q.illustrative {
        "<figure class=\"quote illustrative\">"
    } else {
        "<figure class=\"quote\">"
    });
    out.push_str("<blockquote><p>\u{201c}");
    push_html(out, &q.text);
    out.push_str("\u{201d}</p></blockquote><figcaption>\u{2014} ");
    out.push_str("<span class=\"quote-alias\">");
    match &q.alias {
        Some(alias) => push_html(out, alias),
        None => out.push_str("A participant"),
    }
    out.push_str("</span>");
    if let Some(detail) = &q.detail {
        out.push_str(", <span class=\"quote-role\">");
        push_html(out, detail);
        out.push_str("</span>");
    }
    if q.illustrative {
        out.push_str(" <span class=\"badge\">Illustrative</span>");
    }
    out.push(' ');
    quote_link(&q.link, out);
    out.push_str("</figcaption></figure>\n");
}

/// Writes the link to a quote's index entry (`Q3`).
pub fn quote_link(link: &QuoteLink, out: &mut String) {
    out.push_str("<a class=\"quote-link\" href=\"#");
    push_html(out, &link.anchor);
    out.push_str("\" title=\"Where this quote comes from\">Q");
    push_html(out, &link.number);
    out.push_str("</a>");
}
