//! Directive info strings and blocks: the first line is the info string,
//! the rest the block text.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let (info, block) = text.split_once('\n').unwrap_or((text, ""));
    let (name, argument) = findings::markdown::directive::info(info).unwrap_or(("note", info));
    if let Ok(d) = findings::markdown::directive::parse(name, argument, block) {
        assert!(block.is_char_boundary(d.body_offset));
        assert_eq!(&block[d.body_offset..], d.body);
    }
});
