//! The list of Markdown events a section is rewritten into, whose trailing
//! text is kept in one growable string.
//!
//! Role detection needs consecutive text events merged (a `{name}` may be
//! split over pieces), and pulldown-cmark splits text at every `]`, `*`,
//! `!`…: merging by copying the text so far at each piece took quadratic
//! time, half a minute for a hostile line of 100,000 `](b)`. Appending to
//! one `String` is linear.

use pulldown_cmark::{CowStr, Event};

use super::roles;
use crate::escape::show_hidden;

/// Events so far, and the text after the last of them.
#[derive(Default)]
pub struct EventBuffer<'a> {
    events: Vec<Event<'a>>,
    text: String,
}

impl<'a> EventBuffer<'a> {
    /// An empty buffer.
    pub fn new() -> Self {
        EventBuffer::default()
    }

    /// Appends an event other than text.
    pub fn push(&mut self, event: Event<'a>) {
        self.flush();
        self.events.push(event);
    }

    /// Appends text, merged with the text before it, with hidden
    /// characters (controls, bidi overrides) shown.
    pub fn push_text(&mut self, text: &str) {
        self.text.push_str(&show_hidden(text));
    }

    /// The role name when the text so far ends with `{name}`.
    pub fn trailing_role(&self) -> Option<String> {
        roles::trailing_role_in(&self.text).map(str::to_string)
    }

    /// Drops the last `len` bytes of the text (a role's `{name}`).
    pub fn drop_text_suffix(&mut self, len: usize) {
        let keep = self.text.len().saturating_sub(len);
        self.text.truncate(keep);
    }

    /// The events, with the pending text as the last one.
    pub fn events(&mut self) -> &mut Vec<Event<'a>> {
        self.flush();
        &mut self.events
    }

    /// All the events, the pending text included.
    pub fn into_events(mut self) -> Vec<Event<'a>> {
        self.flush();
        self.events
    }

    fn flush(&mut self) {
        if !self.text.is_empty() {
            let text = std::mem::take(&mut self.text);
            self.events.push(Event::Text(CowStr::from(text)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merges_text_and_keeps_the_order_of_events() {
        let mut b = EventBuffer::new();
        b.push_text("We spoke to {co");
        b.push_text("unt}");
        assert_eq!(b.trailing_role().as_deref(), Some("count"));
        b.drop_text_suffix("{count}".len());
        b.push(Event::Code("participants".into()));
        b.push_text("x");
        let events = b.into_events();
        assert_eq!(
            events,
            [
                Event::Text("We spoke to ".into()),
                Event::Code("participants".into()),
                Event::Text("x".into()),
            ]
        );
    }
}
