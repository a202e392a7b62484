//! The tokenizer against the cases in `tests/fixtures/tokenize.json`, and its
//! invariants as properties.

use proptest::prelude::*;
use serde::Deserialize;
use vitext::syllable::Syllable;
use vitext::tokenize::{Token, TokenKind, is_gap, tokens};

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    section: String,
    input: String,
    tokens: Vec<Expected>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    note: Option<String>,
}

/// A token's text, or its text and kind name.
#[derive(Deserialize)]
#[serde(untagged)]
enum Expected {
    Text(String),
    WithKind(String, String),
}

fn check(case: &Case) -> Result<(), String> {
    let got: Vec<Token<'_>> = tokens(&case.input).collect();
    let got_texts: Vec<&str> = got.iter().map(|t| t.text()).collect();
    let expected_texts: Vec<&str> = case
        .tokens
        .iter()
        .map(|e| match e {
            Expected::Text(t) | Expected::WithKind(t, _) => t.as_str(),
        })
        .collect();
    let describe = |what: &str| {
        let shown: Vec<String> = got
            .iter()
            .map(|t| format!("{}:{}", t.text(), t.kind().name()))
            .collect();
        format!(
            "[{}] input {:?}\n  {what}\n  expected {:?}\n  got      {:?}{}",
            case.section,
            case.input,
            expected_texts,
            shown,
            case.note
                .as_deref()
                .map(|n| format!("\n  note: {n}"))
                .unwrap_or_default()
        )
    };
    if got_texts != expected_texts {
        return Err(describe("token texts differ"));
    }
    for (token, expected) in got.iter().zip(&case.tokens) {
        if let Expected::WithKind(text, kind) = expected {
            if token.kind().name() != kind {
                return Err(describe(&format!(
                    "{text:?} should be {kind}, is {}",
                    token.kind().name()
                )));
            }
        }
    }
    for absent in &case.absent {
        if got_texts.contains(&absent.as_str()) {
            return Err(describe(&format!("{absent:?} must not be a token")));
        }
    }
    check_invariants(&case.input).map_err(|e| describe(&e))
}

#[test]
fn fixtures() {
    let text = include_str!("fixtures/tokenize.json");
    let fixture: Fixture = serde_json::from_str(text).expect("tests/fixtures/tokenize.json parses");
    assert!(fixture.cases.len() >= 50);
    let failures: Vec<String> = fixture
        .cases
        .iter()
        .filter_map(|c| check(c).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        fixture.cases.len(),
        failures.join("\n")
    );
}

/// Tokens plus gaps rebuild the input; spans are in order, on character
/// boundaries and slice to the token's text; letter tokens agree with the
/// syllable parser.
fn check_invariants(text: &str) -> Result<(), String> {
    let mut rebuilt = String::with_capacity(text.len());
    let mut pos = 0;
    for token in tokens(text) {
        let span = token.span();
        if span.start < pos || span.end <= span.start {
            return Err(format!("bad span {span:?} after {pos}"));
        }
        let gap = text.get(pos..span.start).ok_or("gap off a char boundary")?;
        if let Some(c) = gap.chars().find(|&c| !is_gap(c)) {
            return Err(format!("{c:?} fell into a gap before {:?}", token.text()));
        }
        let slice = text.get(span.range()).ok_or("span off a char boundary")?;
        if slice != token.text() {
            return Err(format!(
                "span {span:?} gives {slice:?}, token says {:?}",
                token.text()
            ));
        }
        rebuilt.push_str(gap);
        rebuilt.push_str(slice);
        pos = span.end;
        let plain_letters = token
            .text()
            .chars()
            .all(|c| c.is_alphabetic() || ('\u{300}'..='\u{36F}').contains(&c));
        let is_syllable = matches!(token.kind(), TokenKind::Syllable(_));
        if is_syllable && Syllable::parse(token.text()).is_none() {
            return Err(format!("{:?} is no syllable", token.text()));
        }
        let missed = !is_syllable && token.kind().is_wordlike() && plain_letters;
        if missed && Syllable::parse(token.text()).is_some() {
            return Err(format!(
                "{:?} is a syllable, got {:?}",
                token.text(),
                token.kind()
            ));
        }
    }
    let tail = text.get(pos..).ok_or("tail off a char boundary")?;
    if let Some(c) = tail.chars().find(|&c| !is_gap(c)) {
        return Err(format!("{c:?} left untokenized at the end"));
    }
    rebuilt.push_str(tail);
    if rebuilt != text {
        return Err("tokens and gaps do not rebuild the input".into());
    }
    Ok(())
}

/// Pieces that exercise every path of the scanner.
const PIECES: &[&str] = &[
    "a",
    "ệ",
    "Đ",
    "ng",
    "TP",
    "h",
    "g",
    "Q",
    "v",
    "x",
    "ñ",
    "\u{301}",
    "\u{302}",
    "\u{308}",
    "0",
    "1",
    "12",
    "2024",
    ".",
    "..",
    ",",
    "/",
    "-",
    ":",
    "%",
    "'",
    "’",
    "@",
    "#",
    "_",
    "http",
    "://",
    "www",
    "vn",
    "com",
    "QĐ",
    "KL",
    "TW",
    "-CP",
    " ",
    "\n",
    "\t",
    "\u{0}",
    "\u{A0}",
    "\u{200B}",
    "\u{200D}",
    "\u{FE0F}",
    "😀",
    "🇻",
    "中",
    "“",
    "–",
    "…",
    "€",
    "km",
    "GS.TS",
    "v.v.",
    "H'",
    "\u{1F3FD}",
    "\u{600}",
];

fn pieces() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn invariants_on_pieces(text in pieces()) {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn invariants_on_any_string(text in any::<String>()) {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }

    #[test]
    fn invariants_on_vietnamese_like_text(text in "[a-zA-ZđĐăâêôơưàáảãạầấẩẫậềếểễệờớởỡợừứửữựỳýỷỹỵ0-9 .,/:%-]{0,80}") {
        prop_assert_eq!(check_invariants(&text), Ok(()));
    }
}

/// Adversarial inputs: 1 MB of digits, dots, slashes, hyphens and combining
/// marks, 1 MB of one number, and 64 KB of each repeated trap. Every one
/// must finish (a quadratic scanner would not) and keep the invariants.
#[test]
fn linear_on_a_megabyte() {
    const SIZE: usize = 1 << 20;
    let units = [
        "1.",
        "1/",
        "1-",
        "1,",
        "1:",
        "a.",
        "A.",
        "1/A",
        "a-",
        "hòa-",
        "\u{301}",
        "a\u{301}",
        "a@",
        "#",
        "x.vn.",
        "www.",
        "1/QĐ-",
        "Q.1.",
        "0.1/2-3:4,5",
        "T.T.",
        "http://a",
    ];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut mixed = String::with_capacity(SIZE + 8);
    while mixed.len() < SIZE {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        mixed.push_str(["1", "2", ".", "/", "\u{301}", "-", "9"][(seed % 7) as usize]);
    }
    let mut inputs: Vec<String> = units
        .iter()
        .map(|u| u.repeat(SIZE / 16 / u.len()))
        .collect();
    inputs.push(mixed);
    inputs.push("9".repeat(SIZE));
    // URLs ending in a long run of closing parentheses.
    inputs.push(format!("http://a{}", ")".repeat(SIZE / 16)));
    inputs.push(format!("abc.vn/{}", ")".repeat(SIZE / 16)));
    inputs.push(format!("http://a{}", ").".repeat(SIZE / 32)));
    for input in &inputs {
        let count = tokens(input).count();
        assert!(count > 0);
        let head: String = input.chars().take(12).collect();
        assert_eq!(check_invariants(input), Ok(()), "{head:?}…");
    }
}
