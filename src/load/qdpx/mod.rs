//! REFI-QDA project exchange files (`.qdpx`, QDA-XML 1.0) read at build
//! time, in memory, into the same records the JSON datasets give.
//!
//! The stages, one file each: [`archive`] (the zip, with limits) →
//! [`decode`] (bytes to text) → [`xml`] (an element tree, no DTDs) →
//! [`project`] (the QDA-XML parts a report uses) → [`mapping`] (codebook,
//! sources, segments merged by span, with [`offsets`] deciding each
//! source's unit) → [`people`] (participants) → [`summary`] (what `check`
//! says was read). [`qdc`] reads a codebook exchange file (`.qdc`) with
//! the same parts.

pub mod archive;
pub mod decode;
pub mod guids;
pub mod ids;
pub mod mapping;
pub mod offsets;
pub mod people;
pub mod project;
pub mod qdc;
pub mod summary;
pub mod xml;

use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{Diagnostic, Diagnostics, Location};
use crate::model::records::{Code, Participant, Row, Segment, Source};
use archive::Archive;
use project::{Kind, Qde};

/// The name of the generic table that holds a project's Sets.
pub const SETS_TABLE: &str = "code_sets";

/// A project read into records.
#[derive(Debug, Clone, Default)]
pub struct Import {
    /// `Project/@name`.
    pub title: Option<String>,
    /// One per case, or per text source when there are none.
    pub participants: Vec<Participant>,
    /// The codebook.
    pub codes: Vec<Code>,
    /// One per distinct coded passage.
    pub segments: Vec<Segment>,
    /// Every source, text or not.
    pub sources: Vec<Source>,
    /// The Sets as rows `{set, code, label}` (empty without Sets).
    pub sets: Vec<Row>,
    /// Notes on what was read and warnings on what was left out.
    pub report: Diagnostics,
}

/// `project.qde` as the user sees it, for locating errors inside it.
pub struct Doc {
    /// `content/data/study.qdpx/project.qde`.
    pub path: PathBuf,
    /// Its text.
    pub xml: String,
}

impl Doc {
    /// The location of byte `pos`, spanning `len` bytes.
    pub fn at(&self, pos: usize, len: usize) -> Location {
        Location::in_text(&self.path, &self.xml, pos, len)
    }
}

/// Reads the `.qdpx` whose bytes are `bytes`; `rel` is its path as shown.
pub fn read(rel: &Path, bytes: &[u8]) -> Result<Import, Diagnostics> {
    let mut archive = Archive::open(rel, bytes)?;
    let name = project_member(&archive, rel)?;
    let doc_path = rel.join(&name);
    let xml = text_of(&mut archive, &name, &doc_path)?;
    let doc = Doc {
        path: doc_path,
        xml,
    };
    let root = xml::parse(&doc.xml).map_err(|e| {
        Diagnostic::error(format!("{} is not well-formed XML: {}", name, e.message))
            .at(doc.at(e.pos, 1))
            .help(e.help)
    })?;
    if root.name != "Project" {
        return Err(Diagnostic::error(format!(
            "{name} holds a `{}`, not a QDA-XML `Project`",
            root.name
        ))
        .at(doc.at(root.pos, 1))
        .help("export the project again as a REFI-QDA project (.qdpx)")
        .into());
    }
    let qde = project::read(&root);
    drop(root);
    guids::check(&qde, &doc)?;
    let texts = texts(&qde, &mut archive, rel)?;
    let book = mapping::codebook(&qde);
    let sources = mapping::sources(&qde, &texts);
    let mut sliced = mapping::segments(&qde, &sources, &book, &doc)?;
    let file = rel.display().to_string();
    let (participants, people_warnings) = people::assign(&qde, &sources, &mut sliced, &file);
    let mut report = summary::report(&qde, &sources, &book, &sliced, &archive, &file);
    people_warnings.into_iter().for_each(|w| report.push(w));
    let sets = sets(&qde, &book);
    Ok(Import {
        title: qde.name.clone(),
        participants,
        codes: book.codes,
        segments: sliced.segments,
        sources,
        sets,
        report,
    })
}

/// The registry entry: one `.qdpx`, read after the tables it may be
/// given beside it (participants), before the coded exports.
pub const FORMAT: crate::load::formats::Format = crate::load::formats::Format {
    name: "REFI-QDA project",
    extensions: &["qdpx"],
    single: true,
    rank: |_| 2,
    sniff: |b| b.starts_with(b"PK\x03\x04") && b.windows(4).any(|w| w == b".qde"),
    read: |input| match read(input.rel, input.bytes) {
        Ok(import) => into_loaded(input.rel, import),
        Err(problems) => crate::load::formats::Loaded::failed(problems),
    },
};

/// A project's records as the datasets of the file `rel`; its people
/// give way to a participants file beside it.
fn into_loaded(rel: &Path, import: Import) -> crate::load::formats::Loaded {
    use crate::model::input::DataFile;
    let mut data = crate::model::input::Datasets {
        participants: Some(DataFile::unlocated(rel, import.participants)),
        codebook: Some(DataFile::unlocated(rel, import.codes)),
        segments: Some(DataFile::unlocated(rel, import.segments)),
        sources: Some(DataFile::unlocated(rel, import.sources)),
        ..Default::default()
    };
    if !import.sets.is_empty() {
        data.tables.insert(
            SETS_TABLE.to_string(),
            DataFile::unlocated(rel, import.sets),
        );
    }
    crate::load::formats::Loaded {
        title: import.title,
        data,
        report: import.report,
        participants_yield: true,
    }
}

/// The member holding the project: `project.qde`, else the one `.qde` at
/// the archive's root (some exporters name it after the project).
fn project_member(archive: &Archive, rel: &Path) -> Result<String, Diagnostic> {
    if let Some(name) = archive.find("project.qde") {
        return Ok(name.to_string());
    }
    let at_root: Vec<&String> = archive
        .names()
        .iter()
        .filter(|n| !n.contains('/') && n.to_ascii_lowercase().ends_with(".qde"))
        .collect();
    match at_root.as_slice() {
        [one] => Ok((*one).clone()),
        [] => Err(Diagnostic::error("the archive has no project.qde")
            .at(Location::file(rel))
            .help("a REFI-QDA project (.qdpx) holds its project in project.qde: export the project again as a REFI-QDA project")),
        many => Err(Diagnostic::error(format!(
            "the archive has no project.qde but {} .qde files ({})",
            many.len(),
            many.iter().map(|n| n.as_str()).collect::<Vec<_>>().join(", ")
        ))
        .at(Location::file(rel))
        .help("a REFI-QDA project holds one project: export it again as a REFI-QDA project")),
    }
}

/// The text of every text source, from its `plainTextPath` member or its
/// `PlainTextContent`; `None` for other kinds and for text that cannot be
/// found (an error when the source has selections, which would be lost).
fn texts(qde: &Qde, archive: &mut Archive, rel: &Path) -> Result<Vec<Option<String>>, Diagnostics> {
    let mut out = Vec::with_capacity(qde.sources.len());
    let mut errors = Diagnostics::new();
    for s in &qde.sources {
        if s.kind != Kind::Text {
            out.push(None);
            continue;
        }
        let member = s.plain_path.as_deref().and_then(|p| member_for(archive, p));
        let text = match (member, &s.content) {
            (Some(m), _) => match text_of(archive, &m, &rel.join(&m)) {
                Ok(t) => Some(t),
                Err(d) => {
                    errors.push(d);
                    out.push(None);
                    continue;
                }
            },
            (None, Some(content)) => Some(content.clone()),
            (None, None) => None,
        };
        if text.is_none() && !s.selections.is_empty() {
            errors.push(
                Diagnostic::error(format!(
                    "text source `{}` has {} selections but its text is not in the archive ({})",
                    mapping::title(s),
                    s.selections.len(),
                    s.plain_path.as_deref().unwrap_or("no plainTextPath")
                ))
                .at(Location::file(rel))
                .help("export the project again with its sources included (internal:// paths)"),
            );
        }
        out.push(text);
    }
    if errors.has_errors() {
        Err(errors)
    } else {
        Ok(out)
    }
}

/// The member a `plainTextPath` names: `internal://x.txt` is `sources/x.txt`
/// (QualCoder writes the bare `x.txt`), found ignoring case.
fn member_for(archive: &Archive, path: &str) -> Option<String> {
    let bare = match path.get(..11) {
        Some(p) if p.eq_ignore_ascii_case("internal://") => &path[11..],
        _ => path,
    };
    archive
        .find(&format!("sources/{bare}"))
        .or_else(|| archive.find(bare))
        .map(String::from)
}

/// Decompresses and decodes member `name`; `shown` is its path in messages.
fn text_of(archive: &mut Archive, name: &str, shown: &Path) -> Result<String, Diagnostic> {
    let bytes = archive.read(name)?;
    decode::owned(bytes).map_err(|(bad, bytes)| {
        let valid = bytes.get(..bad.byte).unwrap_or(&bytes);
        let before = String::from_utf8_lossy(valid);
        Diagnostic::error(format!(
            "{name} is not valid {} (byte {})",
            bad.encoding, bad.byte
        ))
        .at(Location::in_text(shown, &before, before.len(), 1))
        .help("texts in a project must be UTF-8 (or UTF-16 with a byte-order mark): export the project again")
    })
}

fn sets(qde: &Qde, book: &mapping::Codebook) -> Vec<Row> {
    let mut rows = Vec::new();
    for set in &qde.sets {
        for guid in &set.codes {
            let Some(&i) = book.by_guid.get(guid) else {
                continue;
            };
            let mut row = Map::new();
            row.insert("set".into(), Value::String(set.name.clone()));
            row.insert("code".into(), Value::String(book.codes[i].id.clone()));
            row.insert("label".into(), Value::String(book.codes[i].label.clone()));
            rows.push(row);
        }
    }
    rows
}
