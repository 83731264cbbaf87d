//! Quotes: a coded segment shown verbatim with who said it, the link from a
//! quote to its quote-index entry, and the entries of the quote index with
//! where each quote comes from.

use super::tree::Inlines;

/// A coded segment quoted verbatim (`{quote}`, `{quotes}`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The segment's words (unescaped, trimmed).
    pub text: String,
    /// The participant's alias; `None` when the alias is private, and a
    /// writer says "A participant" instead.
    pub alias: Option<String>,
    /// The participant's role or persona, as the directive asked; `None`
    /// when it is empty or private.
    pub detail: Option<String>,
    /// Whether the words or the attribution shown are made up.
    pub illustrative: bool,
    /// The link to the quote's entry in the quote index.
    pub link: QuoteLink,
}

/// The link from a quote to its entry in the quote index (`Q3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLink {
    /// The element id of the entry.
    pub anchor: String,
    /// The quoted segment, by its index in the study: the report numbers
    /// quotes in reading order once every section is known.
    pub segment: usize,
    /// The quote number; empty until the report resolves it.
    pub number: String,
}

/// One entry of the quote index: a quoted segment and where it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteEntry {
    /// The entry's element id (what a [`QuoteLink`] points at).
    pub anchor: String,
    /// Its quote number.
    pub number: usize,
    /// The segment's id in the data.
    pub segment_id: String,
    /// Whether the segment's text is made up.
    pub illustrative: bool,
    /// The segment's words; `None` when the text is private.
    pub text: Option<String>,
    /// Who said it.
    pub participant: Speaker,
    /// The source it was coded in, when the data names one.
    pub source: Option<SourceNote>,
    /// Where in the source, in words ("line 2 of the source text").
    pub position: Option<String>,
    /// The segment's date.
    pub date: Option<String>,
    /// Its codes; `None` when the segment has none or they are private.
    pub codes: Option<Vec<CodeNote>>,
    /// The coders who coded it.
    pub coders: Vec<String>,
    /// The sections quoting it.
    pub quoted_in: Vec<SectionNote>,
}

/// The participant of a quote-index entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The alias; `None` when it is private.
    pub alias: Option<String>,
    /// The role; `None` when empty or private.
    pub role: Option<String>,
    /// Whether the alias or role is made up.
    pub illustrative: bool,
}

/// The source of a quote-index entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceNote {
    /// Its title.
    pub title: String,
    /// Its kind (interview, focus group…), when given.
    pub kind: Option<String>,
}

/// A code of a quote-index entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeNote {
    /// Its label.
    pub label: String,
    /// The element id of its codebook entry, when a codebook on the page
    /// lists it.
    pub anchor: Option<String>,
}

/// A section a quote-index entry links back to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionNote {
    /// The section's element id.
    pub id: String,
    /// Its title.
    pub title: Inlines,
}
