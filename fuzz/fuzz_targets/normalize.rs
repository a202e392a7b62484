//! `normalize` with every configuration: the output is NFC, normalizing it
//! again changes nothing, `is_normalized` agrees, and the offset map sends
//! every edit to a span of the input on character boundaries, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unicode_normalization::is_nfc;
use vitext::normalize::Edge;
use vitext::{NormalizeConfig, Normalizer, TonePlacement};

fuzz_target!(|data: &[u8]| {
    let Some((&switches, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let tone = match switches % 3 {
        0 => TonePlacement::Keep,
        1 => TonePlacement::Traditional,
        _ => TonePlacement::Modern,
    };
    let config = NormalizeConfig::new()
        .tone(tone)
        .confusables(switches & 4 != 0)
        .invisibles(switches & 8 != 0)
        .spaces(switches & 16 != 0);
    let normalizer = Normalizer::new(config);
    let out = normalizer.normalize(text);
    let once = out.as_str();
    assert!(is_nfc(once), "not NFC: {text:?} -> {once:?}");
    let twice = normalizer.normalize(once);
    assert_eq!(twice.as_str(), once, "not idempotent on {text:?}");
    assert!(normalizer.is_normalized(once));
    assert_eq!(normalizer.is_normalized(text), out.is_unchanged());
    let mut last_end = 0;
    for (original, normalized) in out.edits() {
        assert!(original.start >= last_end && original.start <= original.end);
        assert!(text.is_char_boundary(original.start) && text.is_char_boundary(original.end));
        assert!(once.is_char_boundary(normalized.start) && once.is_char_boundary(normalized.end));
        last_end = original.end;
    }
    let mut last = 0;
    for offset in (0..=once.len()).filter(|&o| once.is_char_boundary(o)) {
        let mapped = out.original_offset(offset, Edge::Start);
        assert!(mapped >= last && mapped <= text.len() && text.is_char_boundary(mapped));
        last = mapped;
        let end = out.original_offset(offset, Edge::End);
        assert!(end <= text.len() && text.is_char_boundary(end));
    }
});
