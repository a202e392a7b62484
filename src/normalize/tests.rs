use super::*;

fn norm(text: &str, tone: TonePlacement) -> String {
    normalize(text, &NormalizeConfig::new().tone(tone))
        .as_str()
        .to_owned()
}

#[test]
fn repairs_and_styles() {
    use TonePlacement::*;
    assert_eq!(
        norm("Ðảm baỏ chất lựơng phòng thí nghịêm hoá học", Traditional),
        "Đảm bảo chất lượng phòng thí nghiệm hóa học"
    );
    assert_eq!(
        norm("Ðảm baỏ chất lựơng phòng thí nghịêm hoá học", Modern),
        "Đảm bảo chất lượng phòng thí nghiệm hoá học"
    );
    assert_eq!(
        norm("HÒA BÌNH, Òa khóc, THỦY", Modern),
        "HOÀ BÌNH, Oà khóc, THUỶ"
    );
    assert_eq!(
        norm("loà xoà, hoà-bình, Thuỷ_điện", Traditional),
        "lòa xòa, hòa-bình, Thủy_điện"
    );
    assert_eq!(norm("Đaị Việt", Keep), "Đại Việt");
    assert_eq!(
        norm("quý giữ hoàng khuyến Quỳnh", Modern),
        "quý giữ hoàng khuyến Quỳnh"
    );
}

#[test]
fn characters() {
    let out = normalize(
        "Ông  Ba\u{a0}ở\u{200b}đây\u{feff}",
        &NormalizeConfig::default(),
    );
    assert_eq!(out.as_str(), "Ông  Ba ở đây");
    let off = NormalizeConfig::new()
        .spaces(false)
        .invisibles(false)
        .confusables(false);
    assert!(normalize("Ð\u{a0}\u{200b}", &off).is_unchanged());
}

#[test]
fn borrowed_when_clean() {
    for text in [
        "",
        "abc",
        "Tiếng Việt có dấu.",
        "Müller 中文 😀",
        "1\u{301}",
    ] {
        assert!(
            normalize(text, &NormalizeConfig::default()).is_unchanged(),
            "{text:?}"
        );
        assert!(is_normalized(text, &NormalizeConfig::default()), "{text:?}");
    }
}

#[test]
fn non_vietnamese_is_composed_only() {
    let out = normalize("Mu\u{308}ller Kro\u{302}ng", &NormalizeConfig::default());
    assert_eq!(out.as_str(), "Müller Krông");
}

#[test]
fn offsets_map_back() {
    let input = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
    let out = normalize(input, &NormalizeConfig::default());
    assert_eq!(out.as_str(), "Tiếng Việt");
    let s = out.as_str();
    let viet = Span::new(s.find("Việt").unwrap(), s.len());
    assert_eq!(&input[out.original_span(viet)], "Vie\u{323}\u{302}t");
    let tieng = Span::new(0, s.find(' ').unwrap());
    assert_eq!(&input[out.original_span(tieng)], "Tie\u{302}\u{301}ng");
    // A span inside a replaced piece widens to the whole piece.
    assert_eq!(
        &input[out.original_span(Span::new(1, 2))],
        "Tie\u{302}\u{301}ng"
    );
}
