//! The parts of a QDA-XML 1.0 `<Project>` that a report uses, read from the
//! element tree: users, the code tree, cases and their variables, sources
//! with their selections, notes and sets. Nothing here decides ids or
//! slices text; that is [`super::mapping`]'s job.

use std::collections::HashMap;

use super::xml::Element;

/// A coder.
#[derive(Debug, Clone)]
pub struct User {
    /// GUID, referenced by `creatingUser`.
    pub guid: String,
    /// Display name (`name`, else `id`, else the GUID).
    pub name: String,
}

/// One code, flattened in document (pre-)order.
#[derive(Debug, Clone)]
pub struct QCode {
    /// GUID, referenced by `CodeRef`.
    pub guid: String,
    /// Name as the tool shows it.
    pub name: String,
    /// Index of the parent in the flattened list.
    pub parent: Option<usize>,
    /// `isCodable` (default true).
    pub codable: bool,
    /// `color`, `#rrggbb` as QDA-XML writes it.
    pub color: Option<String>,
    /// `<Description>` and attached notes, joined by blank lines.
    pub description: String,
    /// Byte offset of the element, for errors.
    pub pos: usize,
}

/// A case: one participant, usually.
#[derive(Debug, Clone)]
pub struct Case {
    /// GUID.
    pub guid: String,
    /// Name.
    pub name: String,
    /// Variable name → value.
    pub values: Vec<(String, String)>,
    /// Targets of `SourceRef` (sources or selections).
    pub refs: Vec<String>,
}

/// What a source holds; only text can be sliced into segments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `TextSource`.
    Text,
    /// `PDFSource`.
    Pdf,
    /// `PictureSource`.
    Picture,
    /// `AudioSource`.
    Audio,
    /// `VideoSource`.
    Video,
}

impl Kind {
    /// The `kind` of the source record.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Pdf => "PDF",
            Kind::Picture => "picture",
            Kind::Audio => "audio",
            Kind::Video => "video",
        }
    }
}

/// One coding of a selection.
#[derive(Debug, Clone)]
pub struct QCoding {
    /// GUID of the code.
    pub code: String,
    /// GUID of the user (`Coding/@creatingUser`, else the selection's).
    pub user: Option<String>,
}

/// A `PlainTextSelection`.
#[derive(Debug, Clone)]
pub struct QSelection {
    /// GUID, named in errors.
    pub guid: String,
    /// `startPosition`, as written (unit decided per source); `None`
    /// when missing or not a number.
    pub start: Option<u64>,
    /// `endPosition`, likewise.
    pub end: Option<u64>,
    /// Its codings in order.
    pub codings: Vec<QCoding>,
    /// Byte offset of the element, for errors.
    pub pos: usize,
}

/// A source of any kind.
#[derive(Debug, Clone)]
pub struct QSource {
    /// GUID.
    pub guid: String,
    /// `name`, when given.
    pub name: Option<String>,
    /// What it is.
    pub kind: Kind,
    /// `plainTextPath`.
    pub plain_path: Option<String>,
    /// `richTextPath` (a `.docx` beside the text; ignored).
    pub rich_path: Option<String>,
    /// `<PlainTextContent>`.
    pub content: Option<String>,
    /// `<Description>` and attached notes.
    pub description: String,
    /// Variable name → value set on the source.
    pub values: Vec<(String, String)>,
    /// Text selections (text sources only).
    pub selections: Vec<QSelection>,
    /// Selections of any other kind (PDF, picture, audio, video), and text
    /// selections on a non-text source's representation: not sliced.
    pub other_selections: usize,
    /// Byte offset of the element.
    pub pos: usize,
}

/// A `Set`: a named group of codes (and sources).
#[derive(Debug, Clone)]
pub struct QSet {
    /// Name.
    pub name: String,
    /// GUIDs of member codes.
    pub codes: Vec<String>,
    /// GUIDs of member sources.
    pub sources: Vec<String>,
}

/// What a report needs from a project.
#[derive(Debug, Clone, Default)]
pub struct Qde {
    /// `Project/@name`.
    pub name: Option<String>,
    /// `Project/@origin`: the tool that wrote it.
    pub origin: Option<String>,
    /// Coders.
    pub users: Vec<User>,
    /// Codes in pre-order.
    pub codes: Vec<QCode>,
    /// Cases.
    pub cases: Vec<Case>,
    /// Sources in document order.
    pub sources: Vec<QSource>,
    /// Sets.
    pub sets: Vec<QSet>,
    /// Notes not attached to any code or source.
    pub loose_notes: usize,
    /// References to notes left out because the notes copied into
    /// descriptions reached [`MAX_NOTE_BYTES`].
    pub notes_over_budget: usize,
}

/// The most note text copied into code and source descriptions, in all.
pub const MAX_NOTE_BYTES: usize = 32 << 20;

/// Reads the project from its root element.
pub fn read(root: &Element) -> Qde {
    let notes: HashMap<&str, &str> = root
        .first("Notes")
        .into_iter()
        .flat_map(|n| n.all("Note"))
        .filter_map(|n| Some((n.attr("guid")?, n.child_text("PlainTextContent")?)))
        .collect();
    let variables: HashMap<&str, &str> = root
        .first("Variables")
        .into_iter()
        .flat_map(|v| v.all("Variable"))
        .filter_map(|v| Some((v.attr("guid")?, v.attr("name")?)))
        .collect();
    let mut attached = 0;
    let mut copied = 0usize;
    let mut over_budget = 0;
    let mut describe = |e: &Element| {
        let mut parts: Vec<String> = e
            .child_text("Description")
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(String::from)
            .into_iter()
            .collect();
        let mut seen: Vec<&str> = Vec::new();
        for r in e.all("NoteRef") {
            let Some((guid, text)) = r.attr("targetGUID").and_then(|g| notes.get_key_value(g))
            else {
                continue;
            };
            // A note referenced twice from one element is attached once.
            if seen.contains(guid) {
                continue;
            }
            seen.push(guid);
            let text = text.trim();
            // A note is copied into each description that references it:
            // bounded, so one large note referenced thousands of times
            // cannot take gigabytes.
            if copied.saturating_add(text.len()) > MAX_NOTE_BYTES {
                over_budget += 1;
                continue;
            }
            copied += text.len();
            attached += 1;
            parts.push(text.to_string());
        }
        parts.join("\n\n")
    };
    let mut qde = Qde {
        name: root.attr("name").map(String::from),
        origin: root.attr("origin").map(String::from),
        ..Qde::default()
    };
    for u in root.first("Users").into_iter().flat_map(|u| u.all("User")) {
        let Some(guid) = u.attr("guid") else { continue };
        let name = u.attr("name").or(u.attr("id")).unwrap_or(guid);
        qde.users.push(User {
            guid: guid.to_string(),
            name: name.to_string(),
        });
    }
    if let Some(codes) = root.first("CodeBook").and_then(|c| c.first("Codes")) {
        let mut pending: Vec<(&Element, Option<usize>)> =
            codes.all("Code").map(|c| (c, None)).collect();
        pending.reverse();
        while let Some((c, parent)) = pending.pop() {
            let index = qde.codes.len();
            qde.codes.push(QCode {
                guid: c.attr("guid").unwrap_or_default().to_string(),
                name: c.attr("name").unwrap_or_default().to_string(),
                parent,
                codable: c.attr("isCodable") != Some("false"),
                color: c.attr("color").map(String::from),
                description: describe(c),
                pos: c.pos,
            });
            let mut children: Vec<_> = c.all("Code").map(|k| (k, Some(index))).collect();
            children.reverse();
            pending.extend(children);
        }
    }
    let values = |e: &Element| -> Vec<(String, String)> {
        e.all("VariableValue")
            .filter_map(|v| {
                let var = v.first("VariableRef")?.attr("targetGUID")?;
                let name = variables.get(var)?;
                let value = v.children.iter().find(|c| c.name.ends_with("Value"))?;
                Some((name.to_string(), value.text.trim().to_string()))
            })
            .collect()
    };
    for c in root.first("Cases").into_iter().flat_map(|c| c.all("Case")) {
        qde.cases.push(Case {
            guid: c.attr("guid").unwrap_or_default().to_string(),
            name: c.attr("name").unwrap_or_default().to_string(),
            values: values(c),
            refs: c
                .all("SourceRef")
                .filter_map(|r| r.attr("targetGUID").map(String::from))
                .collect(),
        });
    }
    for s in root.first("Sources").into_iter().flat_map(|s| &s.children) {
        let kind = match s.name.as_str() {
            "TextSource" => Kind::Text,
            "PDFSource" => Kind::Pdf,
            "PictureSource" => Kind::Picture,
            "AudioSource" => Kind::Audio,
            "VideoSource" => Kind::Video,
            _ => continue,
        };
        let mut source = QSource {
            guid: s.attr("guid").unwrap_or_default().to_string(),
            name: s.attr("name").map(String::from),
            kind,
            plain_path: s.attr("plainTextPath").map(String::from),
            rich_path: s.attr("richTextPath").map(String::from),
            content: s.child_text("PlainTextContent").map(String::from),
            description: describe(s),
            values: values(s),
            selections: Vec::new(),
            other_selections: 0,
            pos: s.pos,
        };
        for sel in &s.children {
            match sel.name.as_str() {
                "PlainTextSelection" if kind == Kind::Text => {
                    source.selections.push(selection(sel));
                }
                n if n.ends_with("Selection") => source.other_selections += 1,
                // A PDF's or a transcript's text representation.
                "Representation" | "Transcript" => {
                    source.other_selections += sel
                        .children
                        .iter()
                        .filter(|c| c.name.ends_with("Selection"))
                        .count();
                }
                _ => {}
            }
        }
        qde.sources.push(source);
    }
    for s in root.first("Sets").into_iter().flat_map(|s| s.all("Set")) {
        let refs = |name: &str| -> Vec<String> {
            s.all(name)
                .filter_map(|m| m.attr("targetGUID").map(String::from))
                .collect()
        };
        qde.sets.push(QSet {
            name: s.attr("name").unwrap_or_default().to_string(),
            codes: refs("MemberCode"),
            sources: refs("MemberSource"),
        });
    }
    qde.loose_notes = notes.len().saturating_sub(attached);
    qde.notes_over_budget = over_budget;
    qde
}

fn selection(sel: &Element) -> QSelection {
    let number = |name: &str| sel.attr(name).and_then(|v| v.trim().parse::<u64>().ok());
    let own_user = sel.attr("creatingUser");
    QSelection {
        guid: sel.attr("guid").unwrap_or_default().to_string(),
        start: number("startPosition"),
        end: number("endPosition"),
        codings: sel
            .all("Coding")
            .filter_map(|c| {
                Some(QCoding {
                    code: c.first("CodeRef")?.attr("targetGUID")?.to_string(),
                    user: c.attr("creatingUser").or(own_user).map(String::from),
                })
            })
            .collect(),
        pos: sel.pos,
    }
}
