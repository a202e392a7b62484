//! Entities slice the input on character boundaries, sorted, an inner one
//! inside the entity it names as outer; links point at entities; a reused
//! `Extraction` gives what a fresh one gives.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vitext::extract::{Extraction, Extractor};

fuzz_target!(|text: &str| {
    let extractor = Extractor::default();
    let found = extractor.extract(text);
    let mut last_start = 0;
    for (k, e) in found.iter().enumerate() {
        assert!(e.span.start < e.span.end && e.span.end <= text.len(), "{text:?}");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert_eq!(&text[e.span], e.text);
        assert!(e.span.start >= last_start, "unsorted in {text:?}");
        last_start = e.span.start;
        if let Some(w) = e.within {
            assert!(w < k, "within points forward in {text:?}");
            let outer = found[w].span;
            assert!(outer.start <= e.span.start && e.span.end <= outer.end);
        }
    }
    for l in found.links() {
        assert!(l.from < found.len() && l.to < found.len() && l.from != l.to);
    }
    let mut reused = Extraction::default();
    extractor.extract_into("Sáng 10.1, ông Nguyễn Văn A nhận Quyết định số 12/QĐ-UBND.", &mut reused);
    reused.clear();
    extractor.extract_into(text, &mut reused);
    assert!(reused == found, "a reused Extraction differs on {text:?}");
});
