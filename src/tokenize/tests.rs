use super::*;

fn texts(s: &str) -> Vec<&str> {
    tokens(s).map(|t| t.text()).collect()
}

#[test]
fn letter_runs_agree_with_syllable_parse() {
    let words = [
        "nghiêng",
        "Nguyễn",
        "ĐẢNG",
        "ỦY",
        "khuya",
        "gì",
        "quý",
        "Jean",
        "Krông",
        "hàt",
        "xyz",
        "nghiêngg",
        "Đaị",
        "chìêu",
        "hóà",
        "Müller",
        "ñandu",
        "a",
        "A",
        "f",
        "Zalo",
        "nghi\u{323}\u{302}m",
        "yê\u{301}u",
        "e\u{308}",
        "u\u{31B}\u{31B}",
    ];
    for w in words {
        let toks: Vec<Token<'_>> = tokens(w).collect();
        assert_eq!(toks.len(), 1, "{w:?}: {toks:?}");
        let is_syllable = matches!(toks[0].kind(), TokenKind::Syllable(_));
        assert_eq!(is_syllable, Syllable::parse(w).is_some(), "{w:?}");
    }
}

#[test]
fn casing() {
    let casing = |s: &str| match tokens(s).next().map(|t| t.kind()) {
        Some(TokenKind::Syllable(c) | TokenKind::Word(c)) => Some(c),
        _ => None,
    };
    assert_eq!(casing("hòa"), Some(Casing::Lower));
    assert_eq!(casing("Hòa"), Some(Casing::Title));
    assert_eq!(casing("HÒA"), Some(Casing::Upper));
    assert_eq!(casing("iPhone"), Some(Casing::Mixed));
    assert_eq!(casing("COVID-19"), Some(Casing::Upper));
}

#[test]
fn split_compounds_do_not_rescan() {
    // Every part of a long compound of syllables comes out once.
    let text = "hòa-".repeat(1000) + "bình";
    let toks: Vec<Token<'_>> = tokens(&text).collect();
    assert_eq!(toks.len(), 2001);
    assert!(
        toks.iter()
            .step_by(2)
            .all(|t| matches!(t.kind(), TokenKind::Syllable(_)))
    );
}

#[test]
fn rest_and_fused() {
    let mut it = tokens("a ");
    assert_eq!(it.next().map(|t| t.text()), Some("a"));
    assert_eq!(it.next(), None);
    assert_eq!(it.next(), None);
    assert_eq!(it.rest(), "");
}

#[test]
fn units_split_only_after_numbers() {
    assert_eq!(texts("1.600m-2.000m"), ["1.600", "m", "-", "2.000", "m"]);
    assert_eq!(texts("140.000đ / kg"), ["140.000", "đ", "/", "kg"]);
    assert_eq!(texts("20km 4K 53S5"), ["20", "km", "4K", "53S5"]);
}
