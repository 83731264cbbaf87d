//! Citations and the bibliography, as the report's citation style formats
//! them: the style's formatting (italic, small caps, links…) is inline
//! content like any other, so every writer can show it.

use super::tree::Inlines;

/// A `{cite}` of one or more works.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Its position among its section's citations: the report formats
    /// every citation at once (a numeric style numbers works in the order
    /// first cited, an author-date style tells works apart).
    pub index: usize,
    /// The element ids of the cited works' bibliography entries, in order.
    pub works: Vec<String>,
    /// The citation as the style writes it; each cited work's part is an
    /// [`super::Inline::WorkLink`] when the style marks the parts.
    pub content: Inlines,
}

/// The works cited, in the style's order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bibliography {
    /// One entry per work.
    pub entries: Vec<BibEntry>,
}

/// One work of the bibliography.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BibEntry {
    /// Its element id (what a citation links to).
    pub id: String,
    /// What the style sets in the margin before the entry (a number, a
    /// label), when it does.
    pub label: Option<Inlines>,
    /// The entry.
    pub content: Inlines,
}

/// A character style a citation style asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextStyle {
    /// Italic.
    Italic,
    /// Bold.
    Bold,
    /// Small capitals.
    SmallCaps,
    /// Underlined.
    Underline,
    /// Superscript.
    Superscript,
    /// Subscript.
    Subscript,
}

/// How a citation style displays a part of an entry (CSL's `display`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Display {
    /// A block of its own.
    Block,
    /// An indented block.
    Indent,
    /// In the left margin (a number or label before the entry).
    LeftMargin,
    /// Inline, to the right of a left-margin part.
    RightInline,
}
