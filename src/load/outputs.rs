//! What `report.toml` asks of the outputs: `[output] formats`, and the
//! options of the PDF (`[pdf]`) and Word (`[docx]`) writers.

use serde::Deserialize;

/// A format a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// The self-contained page, `index.html`.
    Html,
    /// An accessible PDF, `<slug>.pdf`.
    Pdf,
    /// A Word file, `<slug>.docx`.
    Docx,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Format; 3] = [Format::Html, Format::Pdf, Format::Docx];

    /// The format a name (`html`, `pdf`, `docx`) stands for.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
    }

    /// Its name as written in `report.toml` and after `--format`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// What a reader calls it, for the page's download links.
    pub fn label(self) -> &'static str {
        match self {
            Format::Html => "Web page",
            Format::Pdf => "PDF",
            Format::Docx => "Word",
        }
    }
}

/// The `[output]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Output {
    /// The formats a build writes; none given means the page alone.
    #[serde(default)]
    pub formats: Vec<Format>,
}

/// The page size of a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    #[serde(rename = "a4", alias = "A4")]
    A4,
    /// US Letter, 8.5 × 11 in.
    #[serde(rename = "letter", alias = "Letter", alias = "us-letter")]
    Letter,
}

/// The `[pdf]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pdf {
    /// `a4` or `letter`.
    #[serde(default)]
    pub paper: Paper,
    /// Folders of the project's own fonts, relative to the project.
    #[serde(default)]
    pub fonts: Vec<String>,
}

/// The `[docx]` table.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Docx {
    /// A Word file whose styles, page size and margins the report takes,
    /// relative to the project (as pandoc's `--reference-doc`).
    #[serde(default)]
    pub reference: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_ones_are_refused() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(f));
        }
        assert_eq!(Format::parse(" PDF "), Some(Format::Pdf));
        assert_eq!(Format::parse("pfd"), None);
        let o: Output = toml::from_str("formats = [\"html\", \"docx\"]").unwrap();
        assert_eq!(o.formats, [Format::Html, Format::Docx]);
        assert!(toml::from_str::<Output>("formats = [\"odt\"]").is_err());
        let p: Pdf = toml::from_str("paper = \"letter\"").unwrap();
        assert_eq!(p.paper, Paper::Letter);
    }
}
