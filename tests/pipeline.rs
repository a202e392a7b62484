//! The stages together: normalize, then tokenize the normalized text, then
//! map every token back to the original. Spans must land on the original's
//! character boundaries, in order, and cover the same text.

use proptest::prelude::*;
use vitext::{NormalizeConfig, Normalizer, Span, TonePlacement, tokens};

fn check_pipeline(input: &str) -> Result<(), TestCaseError> {
    for placement in [
        TonePlacement::Keep,
        TonePlacement::Traditional,
        TonePlacement::Modern,
    ] {
        let out = Normalizer::new(NormalizeConfig::new().tone(placement)).normalize(input);
        let mut last_start = 0;
        for token in tokens(out.as_str()) {
            let original = out.original_span(token.span());
            prop_assert!(
                input.get(original.range()).is_some(),
                "{:?} maps to {:?}, off the original's boundaries",
                token.text(),
                original
            );
            prop_assert!(original.start >= last_start, "spans go backwards");
            prop_assert!(!original.is_empty(), "{:?} maps to nothing", token.text());
            last_start = original.start;
        }
        let whole = out.original_span(Span::new(0, out.as_str().len()));
        prop_assert_eq!(whole, Span::new(0, input.len()));
    }
    Ok(())
}

#[test]
fn news_sentence_maps_back() {
    let input = "Ðồng chí Nguyễn Văn Hoà, Ủy viên Ban Thường vụ Tỉnh uỷ, phát biểu sáng 10.1 \
                 tại TP.HCM về Kết luận số 01-KL/TW; tỷ lệ đạt 98,4%.";
    let out =
        Normalizer::new(NormalizeConfig::new().tone(TonePlacement::Traditional)).normalize(input);
    let surface: Vec<&str> = tokens(out.as_str())
        .map(|t| &input[out.original_span(t.span())])
        .collect();
    assert_eq!(
        surface[0], "Ðồng",
        "the look-alike maps back to what was written"
    );
    assert!(
        surface.contains(&"Hoà"),
        "Traditional writes Hòa; the span shows Hoà"
    );
    assert!(surface.contains(&"01-KL/TW"));
    assert!(surface.contains(&"98,4%"));
    assert!(surface.contains(&"TP.HCM"));
    check_pipeline(input).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn tokens_of_normalized_text_map_back(
        input in prop::collection::vec(
            prop_oneof![
                4 => prop::sample::select("aàáạăằâầeèêềiíoóôốơờuúưừyýđĐ".chars().collect::<Vec<_>>()),
                3 => prop::sample::select("bchnmgtkqrsTHNGQ".chars().collect::<Vec<_>>()),
                2 => prop::sample::select(vec![
                    '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}',
                    '\u{31b}', '\u{200b}', '\u{a0}', '\u{D0}', '\u{ad}'
                ]),
                2 => prop::sample::select(" .,-/:%0123456789".chars().collect::<Vec<_>>()),
                1 => any::<char>(),
            ],
            0..60,
        ).prop_map(|v| v.into_iter().collect::<String>())
    ) {
        check_pipeline(&input)?;
    }
}

/// Words joined by zero-width spaces make one long replaced piece; mapping
/// every entity's spans back out of it stays linear (it took minutes on
/// 128 KB when each offset split the piece again).
#[test]
fn spans_map_back_out_of_one_long_replaced_piece() {
    use vitext::extract::{Extractor, ExtractorConfig};
    let raw = "Ông\u{200B}Nguye\u{302}\u{303}n\u{200B}Văn\u{200B}An\u{200B}".repeat(4_000);
    let config = ExtractorConfig::default().normalize(NormalizeConfig::default());
    let found = Extractor::new(config).extract(&raw);
    assert!(found.len() >= 2_000, "{}", found.len());
    for e in found.iter() {
        assert_eq!(raw.get(e.span.range()), Some(e.text));
    }
}
