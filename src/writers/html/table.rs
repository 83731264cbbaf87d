//! A document table as HTML: a `<table>` with caption, `<thead>`,
//! `<tbody>` and `<tfoot>`, header cells with their scope, and the notes
//! under it. A report's tables sit in `<div class="table-wrap">` (it
//! scrolls a wide table), one row a line; a chart's data table sits in
//! the figure's `<details>`, on one line.

use super::inline::push_inlines;
use crate::document::{
    Block, Cell, CodePlace, Content, NoteKind, Row, RowKind, Scope, Table, TableKind,
};
use crate::escape::push_html;

/// Deepest indentation drawn; deeper codes are indented as far.
const MAX_INDENT: usize = 6;

/// How a kind of table is written.
struct Style {
    /// The `<table>`'s class.
    class: Option<&'static str>,
    /// In a `table-wrap`, one row a line, notes under it.
    wrapped: bool,
    /// The foot's rows on the line of `<tfoot>`.
    tight_foot: bool,
    /// Numbers set apart (aligned right by the theme).
    numbers: bool,
}

fn style(kind: TableKind) -> Style {
    let (class, wrapped) = match kind {
        TableKind::Records
        | TableKind::Counts
        | TableKind::Crosstab
        | TableKind::CodeFrequency
        | TableKind::CodeCrosstab => (None, true),
        TableKind::Codebook => (Some("codebook"), true),
        TableKind::Sources => (Some("sources-table"), true),
        TableKind::Agreement => (Some("agreement"), true),
        TableKind::ChartData => (Some("chart-data"), false),
    };
    Style {
        class,
        wrapped,
        tight_foot: kind == TableKind::Codebook,
        numbers: kind != TableKind::ChartData,
    }
}

/// `table` as HTML.
pub fn write(table: &Table) -> String {
    let mut out = String::new();
    push_table(&mut out, table);
    out
}

/// Appends `table` as HTML.
pub fn push_table(out: &mut String, t: &Table) {
    let s = style(t.kind);
    let nl = if s.wrapped { "\n" } else { "" };
    if s.wrapped {
        out.push_str("<div class=\"table-wrap\">");
    }
    out.push_str("<table");
    if let Some(class) = s.class {
        out.push_str(" class=\"");
        out.push_str(class);
        out.push('"');
    }
    out.push('>');
    out.push_str(nl);
    if let Some(caption) = &t.caption {
        out.push_str("<caption>");
        push_inlines(out, caption);
        out.push_str("</caption>");
        out.push_str(nl);
    }
    out.push_str("<thead>");
    push_rows(out, &t.head, "", s.numbers);
    out.push_str("</thead>");
    out.push_str(nl);
    out.push_str("<tbody>");
    out.push_str(nl);
    push_rows(out, &t.body, nl, s.numbers);
    out.push_str("</tbody>");
    out.push_str(nl);
    if !t.foot.is_empty() {
        let row_nl = if s.tight_foot { "" } else { nl };
        out.push_str("<tfoot>");
        out.push_str(row_nl);
        push_rows(out, &t.foot, row_nl, s.numbers);
        out.push_str("</tfoot>");
        out.push_str(nl);
    }
    out.push_str("</table>");
    out.push_str(nl);
    for note in &t.notes {
        out.push_str(match note.kind {
            NoteKind::Reading => "<p class=\"table-note\">",
            NoteKind::Omitted => "<p class=\"table-note codebook-unused\">",
        });
        push_inlines(out, &note.content);
        out.push_str("</p>\n");
    }
    if s.wrapped {
        out.push_str("</div>\n");
    }
}

/// Each row, followed by `end`; `numbers` sets numeric cells apart.
fn push_rows(out: &mut String, rows: &[Row], end: &str, numbers: bool) {
    for row in rows {
        out.push_str(match row.kind {
            RowKind::Plain => "<tr>",
            RowKind::Entry => "<tr class=\"codebook-code\">",
            RowKind::Detail => "<tr class=\"codebook-detail\">",
        });
        for cell in &row.cells {
            // A detail runs across the whole table, whatever its width.
            push_cell(out, cell, row.kind == RowKind::Detail, numbers);
        }
        out.push_str("</tr>");
        out.push_str(end);
    }
}

fn push_cell(out: &mut String, cell: &Cell, spans: bool, numbers: bool) {
    let tag = if cell.header.is_some() { "th" } else { "td" };
    out.push('<');
    out.push_str(tag);
    if let Some(id) = &cell.id {
        out.push_str(" id=\"");
        push_html(out, id);
        out.push('"');
    }
    if let Some(scope) = cell.header {
        out.push_str(match scope {
            Scope::Col => " scope=\"col\"",
            Scope::Row => " scope=\"row\"",
            Scope::Colgroup => " scope=\"colgroup\"",
        });
    }
    if spans || cell.span > 1 {
        out.push_str(" colspan=\"");
        out.push_str(&cell.span.to_string());
        out.push('"');
    }
    let mut classes: Vec<String> = Vec::new();
    if numbers && cell.numeric {
        classes.push("num".into());
    }
    if let Some(CodePlace::Depth { depth, parent }) = &cell.place {
        classes.push(format!("code-depth-{}", depth.min(&MAX_INDENT)));
        if *parent {
            classes.push("code-parent".into());
        }
    }
    if !classes.is_empty() {
        out.push_str(" class=\"");
        out.push_str(&classes.join(" "));
        out.push('"');
    }
    out.push('>');
    if let Some(CodePlace::Path(path)) = &cell.place {
        out.push_str("<span class=\"code-path\">");
        push_html(out, path);
        out.push_str(" › </span>");
    }
    match &cell.content {
        Content::Text(t) => push_html(out, t),
        Content::Inlines(inlines) => push_inlines(out, inlines),
        Content::Blocks(blocks) => push_blocks(out, blocks),
    }
    if cell.illustrative {
        out.push_str("<sup class=\"made-up\" title=\"Illustrative\">†</sup>");
    }
    out.push_str("</");
    out.push_str(tag);
    out.push('>');
}

/// The blocks of a cell, on one line.
pub(super) fn push_blocks(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::Paragraph(c) => around(out, "<p>", c, "</p>"),
            Block::Plain(c) => push_inlines(out, c),
            Block::CodeDescription(c) => around(out, "<p class=\"code-description\">", c, "</p>"),
            Block::CodeExample(c) => around(out, "<p class=\"codebook-quote\">", c, "</p>"),
            Block::List { start, items } => {
                let (open, close) = match start {
                    None => ("<ul>".to_string(), "</ul>"),
                    Some(1) => ("<ol>".to_string(), "</ol>"),
                    Some(n) => (format!("<ol start=\"{n}\">"), "</ol>"),
                };
                out.push_str(&open);
                for item in items {
                    out.push_str("<li>");
                    push_blocks(out, item);
                    out.push_str("</li>");
                }
                out.push_str(close);
            }
            Block::Table(table) => push_table(out, table),
            Block::Html(html) => out.push_str(html),
            // Anything else a cell could hold is written as a run of its own.
            other => out.push_str(&super::blocks(std::slice::from_ref(other))),
        }
    }
}

fn around(out: &mut String, open: &str, content: &[crate::document::Inline], close: &str) {
    out.push_str(open);
    push_inlines(out, content);
    out.push_str(close);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{text, Inline, Note};

    /// A cell of one text run is kept as text; on the page it is the
    /// same escaped text as the run.
    #[test]
    fn a_text_cell_is_written_as_its_run() {
        let cell = Cell::number(text("1 < 2 & ü"));
        assert_eq!(cell.content, Content::Text("1 < 2 & ü".into()));
        let mut t = Table::new(TableKind::Codebook);
        t.body.push(Row::new(vec![cell]));
        assert!(
            write(&t).contains(">1 &lt; 2 &amp; ü</td>"),
            "{}",
            write(&t)
        );
        let label = Cell::data(vec![Inline::Label("a".into())]);
        assert!(matches!(label.content, Content::Inlines(_)));
    }

    /// A codebook before anything is coded (no page of the comparisons
    /// has one): one column, and a detail spanning it all the same.
    #[test]
    fn an_uncoded_codebook_spans_its_one_column() {
        let mut t = Table::new(TableKind::Codebook);
        t.caption = Some(text("Codebook"));
        t.head
            .push(Row::new(vec![Cell::header(Scope::Col, text("Code (id)"))]));
        let place = |depth| {
            Some(CodePlace::Depth {
                depth,
                parent: false,
            })
        };
        t.body.push(Row {
            kind: RowKind::Entry,
            cells: vec![Cell {
                id: Some("code-a_b".into()),
                place: place(9),
                ..Cell::header(Scope::Row, vec![Inline::Label("a_b".into())])
            }],
        });
        t.body.push(Row {
            kind: RowKind::Detail,
            cells: vec![Cell {
                content: Content::Blocks(vec![Block::CodeDescription(text("<x>"))]),
                place: place(0),
                ..Cell::data(Vec::new())
            }],
        });
        t.notes
            .push(Note::reading(text("No segment is coded yet.")));
        assert_eq!(
            write(&t),
            "<div class=\"table-wrap\"><table class=\"codebook\">\n<caption>Codebook</caption>\n\
             <thead><tr><th scope=\"col\">Code (id)</th></tr></thead>\n<tbody>\n\
             <tr class=\"codebook-code\"><th id=\"code-a_b\" scope=\"row\" class=\"code-depth-6\">a_<wbr>b</th></tr>\n\
             <tr class=\"codebook-detail\"><td colspan=\"1\" class=\"code-depth-0\"><p class=\"code-description\">&lt;x&gt;</p></td></tr>\n\
             </tbody>\n</table>\n<p class=\"table-note\">No segment is coded yet.</p>\n</div>\n"
        );
    }

    #[test]
    fn a_chart_data_table_is_one_line_without_number_classes() {
        let mut t = Table::new(TableKind::ChartData);
        t.caption = Some(text("A & B"));
        t.head
            .push(Row::new(vec![Cell::header(Scope::Col, text("n"))]));
        t.body.push(Row::new(vec![Cell {
            illustrative: true,
            ..Cell::number(text("3"))
        }]));
        assert_eq!(
            write(&t),
            "<table class=\"chart-data\"><caption>A &amp; B</caption><thead><tr><th scope=\"col\">n</th></tr></thead>\
             <tbody><tr><td>3<sup class=\"made-up\" title=\"Illustrative\">†</sup></td></tr></tbody></table>"
        );
    }
}
