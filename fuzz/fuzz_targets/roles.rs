//! Role names before inline code, and selections.

#![no_main]

use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{CowStr, Event};

fuzz_target!(|text: &str| {
    let event = Event::Text(CowStr::from(text));
    if let Some(name) = findings::markdown::roles::trailing_role(Some(&event)) {
        assert!(text.ends_with(&format!("{{{name}}}")));
    }
    let _ = findings::analysis::select::Selection::parse(text);
});
