//! `project.qde` to a small element tree, with quick-xml.
//!
//! QDA-XML needs no DTD, so a DOCTYPE is refused outright: entity
//! definitions are how "billion laughs" and external-entity attacks work,
//! and refusing them is simpler and safer than expanding them carefully.
//! Only the five predefined entities and character references are read.
//! Every element keeps the byte offset of its `<`, so later errors can
//! point at line and column.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Elements nested deeper than this are refused (codebooks nest a few
/// levels; thousands would only serve to exhaust the stack).
pub const MAX_DEPTH: usize = 256;

/// The most memory the element tree may take, as counted while it is
/// built (elements, names, attributes, text). A tree takes several times
/// its XML's size, so without a bound a small archive of many tiny
/// elements could ask for gigabytes; the largest real projects need a few
/// tens of megabytes.
pub const MAX_TREE_BYTES: usize = 160 << 20;

/// One element: local name (namespace prefix dropped), attributes, the
/// text directly inside it, and its children.
#[derive(Debug, Clone, Default)]
pub struct Element {
    /// Local name, `Code` for `<qda:Code>`.
    pub name: String,
    /// Attributes by local name, in document order, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Text and CDATA directly inside, concatenated, line ends as written.
    pub text: String,
    /// Child elements in order.
    pub children: Vec<Element>,
    /// Byte offset of the element's `<` in the document.
    pub pos: usize,
}

impl Element {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Children named `name`.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The first child named `name`.
    pub fn first(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The text of the first child named `name`, if any.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.first(name).map(|e| e.text.as_str())
    }
}

/// A syntax problem: what and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// What is wrong.
    pub message: String,
    /// Byte offset in the document.
    pub pos: usize,
    /// How to fix it.
    pub help: &'static str,
}

const RE_EXPORT: &str =
    "export the project again from your QDA tool; a hand-edited file must stay well-formed XML";

/// Parses `xml` into its root element.
pub fn parse(xml: &str) -> Result<Element, XmlError> {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let mut budget = Budget::default();
    loop {
        let before = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| XmlError {
            message: e.to_string(),
            pos: usize::try_from(reader.error_position()).unwrap_or(0),
            help: RE_EXPORT,
        })?;
        // A tag's position is its `<` (whitespace text may come first);
        // anything else starts where the last event ended.
        let pos = match event {
            Event::Start(_) | Event::Empty(_) | Event::DocType(_) => xml
                .get(before..)
                .and_then(|rest| rest.find('<').map(|i| before + i))
                .unwrap_or(before),
            _ => before,
        };
        match event {
            Event::Start(e) | Event::Empty(e) if root.is_some() => {
                return Err(XmlError {
                    message: format!("a second root element `{}`", name_of(&e)),
                    pos,
                    help: RE_EXPORT,
                })
            }
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError {
                        message: format!("elements are nested more than {MAX_DEPTH} deep"),
                        pos,
                        help: RE_EXPORT,
                    });
                }
                let el = element(&e, pos)?;
                budget.spend(el.weight(), 1, pos)?;
                stack.push(el);
            }
            Event::Empty(e) => {
                let el = element(&e, pos)?;
                budget.spend(el.weight(), 1, pos)?;
                close(el, &mut stack, &mut root);
            }
            Event::End(_) => {
                if let Some(el) = stack.pop() {
                    close(el, &mut stack, &mut root);
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    budget.spend(t.len(), 0, pos)?;
                    top.text.push_str(&t.into_inner());
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    budget.spend(t.len(), 0, pos)?;
                    top.text.push_str(&t.into_inner());
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => quick_xml::escape::resolve_predefined_entity(&r.into_inner())
                        .ok_or_else(|| entity_error(pos))?
                        .to_string(),
                    Err(e) => {
                        return Err(XmlError {
                            message: format!("a bad character reference: {e}"),
                            pos,
                            help: RE_EXPORT,
                        })
                    }
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&resolved);
                }
            }
            Event::DocType(_) => {
                return Err(XmlError {
                    message: "the XML has a DOCTYPE declaration, which is refused".into(),
                    pos,
                    help: "QDA-XML needs no DTD; entity definitions can expand without bound, so findings never reads them: export the project again",
                })
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(XmlError {
            message: format!("element `{}` is never closed", open.name),
            pos: xml.len(),
            help: "the file ends too early: export the project again",
        });
    }
    root.ok_or(XmlError {
        message: "the XML has no root element".into(),
        pos: 0,
        help: RE_EXPORT,
    })
}

/// What the tree has taken so far, against [`MAX_TREE_BYTES`].
#[derive(Default)]
struct Budget {
    bytes: usize,
    elements: usize,
}

impl Budget {
    fn spend(&mut self, bytes: usize, elements: usize, pos: usize) -> Result<(), XmlError> {
        self.bytes = self.bytes.saturating_add(bytes);
        self.elements += elements;
        if self.bytes > MAX_TREE_BYTES {
            return Err(XmlError {
                message: format!(
                    "the project is larger than findings reads: past {} elements it would take more than {} MiB of memory",
                    self.elements,
                    MAX_TREE_BYTES >> 20
                ),
                pos,
                help: "the largest real projects take a few tens of MiB; export the project again, or split it into smaller projects",
            });
        }
        Ok(())
    }
}

impl Element {
    /// Roughly what the element takes in memory: itself, its name, its
    /// attributes, and its slot in the parent's list.
    fn weight(&self) -> usize {
        let own = std::mem::size_of::<Element>() * 2 + self.name.len();
        self.attrs.iter().fold(own, |w, (k, v)| {
            w + std::mem::size_of::<(String, String)>() + k.len() + v.len()
        })
    }
}

fn entity_error(pos: usize) -> XmlError {
    XmlError {
        message: "the XML uses an entity that is not one of &lt; &gt; &amp; &apos; &quot;".into(),
        pos,
        help: "custom entities are never expanded: export the project again",
    }
}

fn close(el: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(el),
        None => *root = Some(el),
    }
}

fn name_of(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

fn element(e: &BytesStart, pos: usize) -> Result<Element, XmlError> {
    let mut attrs = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| XmlError {
            message: format!("a malformed attribute: {err}"),
            pos,
            help: RE_EXPORT,
        })?;
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|_| entity_error(pos))?;
        let key = a.key.local_name().as_ref().to_string();
        attrs.push((key, value.into_owned()));
    }
    Ok(Element {
        name: name_of(e),
        attrs,
        text: String::new(),
        children: Vec::new(),
        pos,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_the_tree_with_positions() {
        let xml = "<?xml version=\"1.0\"?>\n<p:Project xmlns:p=\"u\" name=\"A &amp; B\">\n <Code name=\"x\"><Description>d &lt; e&#x1F600;</Description></Code>\n</p:Project>";
        let root = parse(xml).expect("parses");
        assert_eq!(root.name, "Project");
        assert_eq!(root.attr("name"), Some("A & B"));
        let code = root.first("Code").expect("code");
        assert_eq!(code.pos, xml.find("<Code").unwrap_or(0));
        assert_eq!(code.child_text("Description"), Some("d < e😀"));
    }

    #[test]
    fn refuses_doctype_and_entities() {
        let e = parse("<!DOCTYPE p [<!ENTITY a \"aaaa\">]><p>&a;</p>").unwrap_err();
        assert!(e.message.contains("DOCTYPE"), "{e:?}");
        assert_eq!(e.pos, 0);
        let e = parse("<p>&a;</p>").unwrap_err();
        assert!(e.message.contains("entity"), "{e:?}");
        let e = parse("<p a=\"&a;\"/>").unwrap_err();
        assert!(e.message.contains("entity"), "{e:?}");
    }

    #[test]
    fn refuses_broken_documents() {
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a><b>")
            .unwrap_err()
            .message
            .contains("never closed"));
        assert!(parse("").is_err());
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().message.contains("nested"));
    }

    #[test]
    fn a_tree_too_large_is_refused_where_it_crosses_the_bound() {
        // Each `<a/>` takes far more as an element than its 4 bytes.
        let per = std::mem::size_of::<Element>() * 2 + 1;
        let n = MAX_TREE_BYTES / per + 10;
        let xml = format!("<r>{}</r>", "<a/>".repeat(n));
        let e = parse(&xml).unwrap_err();
        assert!(e.message.contains("larger than findings reads"), "{e:?}");
        assert!(e.pos > 0 && e.pos < xml.len(), "{e:?}");
    }
}
