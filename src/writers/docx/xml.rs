//! A small XML writer over quick-xml: every text and attribute value goes
//! through quick-xml's escaping, after the characters XML 1.0 forbids are
//! taken out (and counted, so the writer can warn where they were).

use std::borrow::Cow;

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;

/// An XML part being written.
pub struct Xml {
    w: Writer<Vec<u8>>,
    /// Characters removed since the count was last taken.
    stripped: usize,
}

impl Xml {
    /// A part starting with the XML declaration Word writes.
    pub fn new() -> Xml {
        let mut w = Writer::new(Vec::with_capacity(64 * 1024));
        // Writing into a Vec cannot fail.
        let _ = w.write_event(Event::Decl(BytesDecl::new(
            "1.0",
            Some("UTF-8"),
            Some("yes"),
        )));
        Xml { w, stripped: 0 }
    }

    /// Opens element `name` with `attrs`.
    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = self.start(name, attrs);
        let _ = self.w.write_event(Event::Start(start));
    }

    /// Writes the empty element `name` with `attrs`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        let start = self.start(name, attrs);
        let _ = self.w.write_event(Event::Empty(start));
    }

    /// Closes element `name`.
    pub fn close(&mut self, name: &str) {
        let _ = self.w.write_event(Event::End(BytesEnd::new(name)));
    }

    /// Writes `text` as character data.
    pub fn text(&mut self, text: &str) {
        let clean = clean(text, &mut self.stripped);
        let _ = self.w.write_event(Event::Text(BytesText::new(&clean)));
    }

    /// `<name>text</name>`.
    pub fn element(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.close(name);
    }

    /// Appends markup that is already XML (a style of the built-in set,
    /// a style read from the reference document and checked there).
    pub fn raw(&mut self, xml: &str) {
        self.w.get_mut().extend_from_slice(xml.as_bytes());
    }

    /// How many characters were removed since the last call.
    pub fn take_stripped(&mut self) -> usize {
        std::mem::take(&mut self.stripped)
    }

    /// The bytes written.
    pub fn finish(self) -> Vec<u8> {
        self.w.into_inner()
    }

    fn start<'a>(&mut self, name: &'a str, attrs: &[(&str, &str)]) -> BytesStart<'a> {
        let mut start = BytesStart::new(name);
        for (key, value) in attrs {
            let value = clean(value, &mut self.stripped);
            start.push_attribute((*key, value.as_ref()));
        }
        start
    }
}

/// Whether XML 1.0 allows `c` in a document (its `Char` production;
/// surrogates cannot occur in a Rust string).
pub fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

/// `text` without the characters XML forbids, adding how many went to
/// `count`.
pub fn clean<'a>(text: &'a str, count: &mut usize) -> Cow<'a, str> {
    if text.chars().all(allowed) {
        return Cow::Borrowed(text);
    }
    let kept: String = text.chars().filter(|&c| allowed(c)).collect();
    *count += text.chars().count() - kept.chars().count();
    Cow::Owned(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_counted_and_dropped() {
        let mut x = Xml::new();
        x.element("w:t", &[("a", "x\u{1}<")], "a\u{0}b\u{FFFF}&\tc");
        assert_eq!(x.take_stripped(), 3);
        let out = String::from_utf8(x.finish()).expect("utf-8");
        assert!(out.ends_with("<w:t a=\"x&lt;\">ab&amp;\tc</w:t>"), "{out}");
    }
}
