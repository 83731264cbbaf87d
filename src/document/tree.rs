//! Blocks and inlines: the nodes of a report's document.

use super::appendix::BuildFacts;
use super::citation::{Bibliography, Citation, Display, TextStyle};
use super::quote::{Quote, QuoteEntry, QuoteLink};
use super::table::Table;

/// A run of inline content.
pub type Inlines = Vec<Inline>;

/// `s` as a run of plain text.
pub fn text(s: &str) -> Inlines {
    vec![Inline::Text(s.to_string())]
}

/// Inline content: text and what sits inside a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    /// Plain text (unescaped).
    Text(String),
    /// Inline code.
    Code(String),
    /// Emphasised text.
    Emphasis(Inlines),
    /// Strong text.
    Strong(Inlines),
    /// Struck-through text.
    Strikethrough(Inlines),
    /// A link; `url` is already safe to follow (no script).
    Link {
        /// Destination.
        url: String,
        /// Title (may be empty).
        title: String,
        /// The linked content.
        content: Inlines,
    },
    /// An image; `url` is already safe.
    Image {
        /// Source.
        url: String,
        /// Title (may be empty).
        title: String,
        /// Alternative text.
        alt: Inlines,
    },
    /// A reference to footnote `name` (scoped to its section).
    FootnoteRef(String),
    /// A line break the writer may reflow.
    SoftBreak,
    /// A forced line break.
    HardBreak,
    /// Raw HTML the author wrote, cleaned by the HTML writer and left out
    /// by writers of other formats.
    RawHtml(String),
    /// A number computed from the data, the report's number format
    /// already applied.
    Value {
        /// The value as shown.
        text: String,
        /// Whether it rests on made-up data (the reader is told).
        illustrative: bool,
    },
    /// A cross-reference to a numbered figure (`{ref}`).
    CrossRef {
        /// The figure's label.
        label: String,
        /// The report of the site the figure is in; `None` for this one.
        report: Option<String>,
        /// The figure's number; empty until resolved (a figure of another
        /// report stays empty until the site resolves it).
        number: String,
    },
    /// A citation of works in the references (`{cite}`).
    Citation(Citation),
    /// A link to a cited work's bibliography entry (inside a citation).
    WorkLink {
        /// The entry's element id.
        id: String,
        /// The linked content.
        content: Inlines,
    },
    /// Text in a character style a citation style asks for.
    Styled {
        /// The style.
        style: TextStyle,
        /// The styled content.
        content: Inlines,
    },
    /// A part of a citation or bibliography entry displayed apart.
    Displayed {
        /// How it is displayed.
        display: Display,
        /// Its content.
        content: Inlines,
    },
    /// The link from a quote to its quote-index entry.
    QuoteLink(QuoteLink),
    /// Markup a component has not yet moved into the tree.
    Html(String),
    /// A name that joins words with `_`, `/` or `\` (a code, a category),
    /// which may break between its words.
    Label(String),
    /// A code's id: how a directive names the code.
    CodeId(String),
    /// A share beside a count, "40%" of "12 (40%)", or what the shares of
    /// a column divide by ("share of 30").
    Share(String),
    /// Words quoted within a line.
    Quoted(Inlines),
    /// Who said a quote.
    Speaker(Inlines),
    /// Content that links elsewhere in the report point at, by `id`.
    Target {
        /// The id.
        id: String,
        /// The content.
        content: Inlines,
    },
}

/// Column alignment of a Markdown table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alignment {
    /// Not given.
    None,
    /// Left.
    Left,
    /// Centre.
    Center,
    /// Right.
    Right,
}

/// Block content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Inlines),
    /// Inline content directly in a tight list item.
    Plain(Inlines),
    /// A heading inside a section (sections are level 2, so 3 to 6).
    Heading {
        /// 3 to 6.
        level: u8,
        /// Its position among the section's headings.
        index: usize,
        /// Its element id, unique in the report; empty until the report
        /// resolves it, since a section alone cannot know which ids the
        /// others take.
        id: String,
        /// Its content.
        content: Inlines,
    },
    /// A block quote written in Markdown.
    BlockQuote(Vec<Block>),
    /// A code block: `info` is the fence's info string (`None` when indented).
    CodeBlock {
        /// The info string of a fenced block.
        info: Option<String>,
        /// The code.
        text: String,
    },
    /// A block of raw HTML (or, when raw HTML is off, its text).
    HtmlBlock(Inlines),
    /// A list; `start` is the first number of an ordered list.
    List {
        /// First number, for an ordered list.
        start: Option<u64>,
        /// Each item's blocks.
        items: Vec<Vec<Block>>,
    },
    /// A thematic break.
    Rule,
    /// A footnote's text.
    Footnote {
        /// Its name (scoped to its section).
        name: String,
        /// Its content.
        blocks: Vec<Block>,
    },
    /// A table written in Markdown.
    Grid {
        /// Alignment per column.
        alignments: Vec<Alignment>,
        /// Header cells.
        head: Vec<Inlines>,
        /// Body rows.
        rows: Vec<Vec<Inlines>>,
    },
    /// A box of prose set apart: a note, an insight, a warning.
    Callout {
        /// Its kind, as written (`note`, `insight`, `finding`, `strategic`, `warning`).
        kind: String,
        /// Its title.
        title: Inlines,
        /// Its content.
        body: Vec<Block>,
    },
    /// A headline number computed from the data, with its caption.
    Stat {
        /// The number, formatted.
        value: String,
        /// Whether it rests on illustrative data.
        illustrative: bool,
        /// A short label under the number.
        label: Option<Inlines>,
        /// Its caption.
        caption: Vec<Block>,
    },
    /// A numbered figure: an image or a chart.
    Figure(Figure),
    /// Narratives side by side: its blocks are mostly [`Block::Side`]s.
    Compare(Vec<Block>),
    /// One narrative of a comparison.
    Side {
        /// Its heading.
        heading: Inlines,
        /// Its content.
        body: Vec<Block>,
    },
    /// A table of data (records, counts, the codebook, a chart's data…).
    Table(Table),
    /// What a code means, as the codebook defines it.
    CodeDescription(Inlines),
    /// An example of a code: a short quote, who said it and where it
    /// comes from.
    CodeExample(Inlines),
    /// A coded segment quoted verbatim.
    Quote(Quote),
    /// Several quotes shown together (`{quotes}`).
    Quotes(Vec<Quote>),
    /// The quote index: every quoted segment and where it comes from.
    QuoteIndex(Vec<QuoteEntry>),
    /// The works cited.
    Bibliography(Bibliography),
    /// What the page was built from ("About this report").
    BuildManifest(BuildFacts),
    /// Where the author placed a part only the whole report gives.
    Placed(Place),
    /// Markup a component has not yet moved into the tree.
    Html(String),
}

/// A part of the report an author may place (`{quote-index}`,
/// `{bibliography}`): `None` until the report resolves it, and when the
/// report has nothing to put there (no quotes, no works cited).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The quote index.
    QuoteIndex(Option<Vec<QuoteEntry>>),
    /// The works cited.
    Bibliography(Option<Bibliography>),
}

/// A numbered figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Its element id (its label, or one made from its section).
    pub id: String,
    /// Its position among its section's figures.
    pub index: usize,
    /// Its number in the report; empty until the report resolves it.
    pub number: String,
    /// What it shows.
    pub body: FigureBody,
    /// Its caption.
    pub caption: Vec<Block>,
    /// The data behind it (a chart's data table); empty for an image.
    pub data: Vec<Block>,
    /// Whether it shows illustrative data.
    pub illustrative: bool,
}

/// What a figure shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureBody {
    /// An image from the project's assets.
    Image {
        /// Its media type.
        mime: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// Its alternative text.
        alt: String,
    },
    /// A chart, drawn as SVG.
    Chart {
        /// The SVG.
        svg: String,
        /// What it shows, in words (its alternative text on paper).
        summary: String,
    },
}
