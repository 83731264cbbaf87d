//! The bibliography as HTML: an ordered list of the works cited, each
//! entry's id the target of the citations of that work.

use crate::document::Bibliography;
use crate::escape::push_html;

use super::inline_parts::inlines;

/// Writes the bibliography.
pub fn list(b: &Bibliography, out: &mut String) {
    out.push_str("<ol class=\"bibliography\">\n");
    for entry in &b.entries {
        out.push_str("<li class=\"csl-entry\" id=\"");
        push_html(out, &entry.id);
        out.push_str("\">");
        if let Some(label) = &entry.label {
            out.push_str("<span class=\"csl-left\">");
            inlines(label, out);
            out.push_str("</span> ");
        }
        inlines(&entry.content, out);
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n");
}

/// Writes the place `{bibliography}` gives the works cited, around `list`
/// (the written list, or the placeholder the report fills in).
pub fn placed(list: &str, out: &mut String) {
    out.push_str("<div class=\"bibliography-wrap\">");
    out.push_str(list);
    out.push_str("</div>\n");
}
