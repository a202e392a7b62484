//! Detection on bytes and on text: no panic, confidence a probability.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitext::{detect, detect_str};

fuzz_target!(|data: &[u8]| {
    if let Some(d) = detect(data) {
        assert!((0.0..=1.0).contains(&d.confidence()));
    }
    if let Ok(text) = std::str::from_utf8(data) {
        if let Some(d) = detect_str(text) {
            assert!((0.0..=1.0).contains(&d.confidence()));
        }
    }
});
