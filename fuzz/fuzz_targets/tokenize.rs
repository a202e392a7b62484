//! Tokens slice the input on character boundaries, in order, and with the
//! gaps between them (white space, control and format characters,
//! [`is_gap`]) rebuild it exactly.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitext::tokenize::{is_gap, tokens};

fuzz_target!(|text: &str| {
    let mut rebuilt = String::with_capacity(text.len());
    let mut end = 0;
    for t in tokens(text) {
        assert!(t.start() >= end && t.start() < t.end(), "{text:?}");
        let gap = &text[end..t.start()];
        assert!(gap.chars().all(is_gap), "gap {gap:?} in {text:?}");
        assert_eq!(&text[t.span()], t.text());
        rebuilt.push_str(gap);
        rebuilt.push_str(t.text());
        end = t.end();
    }
    let tail = &text[end..];
    assert!(tail.chars().all(is_gap), "tail {tail:?} in {text:?}");
    rebuilt.push_str(tail);
    assert_eq!(rebuilt, text);
});
