//! `fold` in both modes: NFC out, and folding again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_normalization::is_nfc;
use vitext::{FoldMode, fold};

fuzz_target!(|text: &str| {
    for mode in [FoldMode::Full, FoldMode::TonesOnly] {
        let once = fold(text, mode);
        assert!(is_nfc(&once), "not NFC: {text:?} -> {once:?}");
        let twice = fold(&once, mode);
        assert_eq!(twice, once, "not idempotent on {text:?} ({mode:?})");
    }
});
