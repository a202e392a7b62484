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

/// The plain path of the scanner gives what the general path gives.
fn assert_paths_agree(text: &str) {
    let fast: Vec<(usize, usize, TokenKind)> = tokens(text)
        .map(|t| (t.start(), t.end(), t.kind()))
        .collect();
    assert_eq!(fast, scan::general_tokens(text), "{text:?}");
}

#[test]
fn plain_path_agrees_on_every_syllable_shape() {
    let onsets = ["", "b", "Đ", "gi", "Qu", "NGH", "gh", "tr", "k", "q"];
    let codas = ["", "c", "CH", "m", "n", "ng", "nh", "p", "t"];
    let mut text = String::new();
    for onset in onsets {
        for rime in crate::syllable::rime_keys() {
            for coda in codas {
                for (k, tone) in ["", "\u{300}", "\u{301}", "\u{309}", "\u{303}", "\u{323}"]
                    .into_iter()
                    .enumerate()
                {
                    let word = format!("{onset}{rime}{coda}");
                    // The tone on each vowel in turn, composed.
                    let at = k % word.chars().count().max(1);
                    let mut toned = String::new();
                    for (i, c) in word.chars().enumerate() {
                        toned.push(c);
                        if i == at {
                            toned.push_str(tone);
                        }
                    }
                    use unicode_normalization::UnicodeNormalization;
                    let composed: String = toned.nfc().collect();
                    // Each word after a space and before a space, a comma or
                    // a line feed, as it comes in running text.
                    text.push_str("x ");
                    text.push_str(&composed);
                    text.push_str(if k % 2 == 0 { " " } else { ", " });
                    text.push_str(&composed.to_uppercase());
                    text.push('\n');
                }
            }
        }
    }
    assert_paths_agree(&text);
}

#[test]
fn plain_path_agrees_next_to_urls_codes_and_abbreviations() {
    let pieces = [
        "http://báo.vn/a",
        "https:",
        "mailto:ai@x.vn",
        "tên@miền.vn",
        "abc@d.vn",
        "a_b@c.vn",
        "x+y@z.vn",
        "vnexpress.net",
        "tp.hcm",
        "TP.HCM",
        "ngày.",
        "Hà.",
        "Đ.",
        "H.",
        "v.v.",
        "tr.",
        "Th.",
        "H’Mông",
        "H'Mông",
        "Levi's",
        "F-16",
        "hòa-bình",
        "COVID-19",
        "Q.1",
        "đường:",
        "Sài_Gòn",
        "ăn+uống",
        "#hàng",
        "@mưa",
        "Bà“",
        "Ông”",
        "người…",
        "việc–",
        "UBND,",
        "KH-ĐT",
        "PS4",
        "nghiêng;",
        "Nguyễn)",
        "Lê/",
        "ồ!",
        "à?",
        "sao*",
        // Integers and marks that the dispatch takes, and the numbers and
        // codes next to them that it must leave to the general scanner.
        "Điều 1.",
        "năm 2024,",
        "lúc 15:",
        "(7)",
        "10\t",
        "3,5",
        "1.600m",
        "2019-2023",
        "12h",
        "01-KL/TW",
        "123/QĐ-UBND",
        "98,4%",
        "1\u{FE0F}\u{20E3}",
    ];
    let mut text = String::new();
    for a in pieces {
        for b in pieces {
            text.push_str("Tin ");
            text.push_str(a);
            text.push(' ');
            text.push_str(b);
            text.push_str(a);
            text.push('\n');
        }
    }
    assert_paths_agree(&text);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    #[test]
    fn plain_path_agrees_with_the_general_path(
        text in "([aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐbcdghklmnpqrstvxñ×ẁàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵÀÁẢÃẠỒỐỔỖỘỪỨỬỮỰ0-9 ,.\n\t'’\u{301}\u{323}:;“”–…!?()@_+#/%&\"-]{0,12}){0,20}"
    ) {
        assert_paths_agree(&text);
    }
}

#[test]
fn an_ellipsis_leaves_an_abbreviation_only_with_an_inner_dot() {
    // `No.` is an abbreviation, but before an ellipsis the word keeps no
    // dot and is the syllable `No`; `v.v` keeps its inner dot.
    let kinds = |s: &str| -> Vec<(String, TokenKind)> {
        tokens(s).map(|t| (t.text().to_owned(), t.kind())).collect()
    };
    assert_eq!(
        kinds("No.."),
        [
            ("No".to_owned(), TokenKind::Syllable(Casing::Title)),
            ("..".to_owned(), TokenKind::Punctuation)
        ]
    );
    assert_eq!(
        kinds("No. 5")[0],
        ("No.".to_owned(), TokenKind::Abbreviation)
    );
    assert_eq!(
        kinds("v.v...")[0],
        ("v.v".to_owned(), TokenKind::Abbreviation)
    );
}
