//! Legacy decoding: the cases of `tests/fixtures/decode.json` and
//! properties on arbitrary bytes and text.

use proptest::prelude::*;
use serde::Deserialize;
use unicode_normalization::{UnicodeNormalization, is_nfc};
use vitext::decode::{Encoding, ErrorKind, detect, detect_str};

#[derive(Deserialize)]
struct Fixture {
    round_trip: Vec<String>,
    bytes: Vec<BytesCase>,
    mojibake: Vec<MojibakeCase>,
    strict: Vec<StrictCase>,
    detect: Vec<DetectCase>,
    detect_bytes: Vec<DetectBytesCase>,
}

#[derive(Deserialize)]
struct BytesCase {
    encoding: String,
    hex: String,
    expected: String,
}

#[derive(Deserialize)]
struct MojibakeCase {
    encoding: String,
    text: String,
    expected: String,
}

#[derive(Deserialize)]
struct StrictCase {
    encoding: String,
    hex: String,
    offset: usize,
    byte: u8,
    lossy: String,
}

#[derive(Deserialize)]
struct DetectCase {
    text: String,
    expected: Option<String>,
}

#[derive(Deserialize)]
struct DetectBytesCase {
    hex: String,
    expected: Option<String>,
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("fixtures/decode.json")).expect("fixture parses")
}

fn encoding(name: &str) -> Encoding {
    name.parse()
        .unwrap_or_else(|_| panic!("fixture names unknown encoding {name:?}"))
}

fn unhex(hex: &str) -> Vec<u8> {
    assert!(hex.len() % 2 == 0, "odd hex {hex:?}");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digit"))
        .collect()
}

/// Legacy bytes as they look once read as Windows-1252.
fn as_windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

/// Collects failures so that one run reports all of them.
fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// What an encoding may fail to write: TCVN3 has no toned capitals, and
/// VISCII and VIQR (which keep to ASCII outside letters) have no
/// typographic punctuation. Every encoding writes every lower-case letter.
fn expected_gap(enc: Encoding, kind: &ErrorKind) -> bool {
    let ErrorKind::UnencodableChar(c) = *kind else {
        return false;
    };
    match enc {
        Encoding::Tcvn3 => c.is_uppercase() || !c.is_alphabetic(),
        Encoding::Viscii | Encoding::Viqr => !c.is_alphabetic(),
        _ => false,
    }
}

#[test]
fn round_trip_through_every_encoding() {
    let mut failures = Vec::new();
    for sentence in fixture().round_trip {
        for enc in Encoding::ALL {
            let bytes = match enc.encode(&sentence) {
                Ok(bytes) => bytes,
                Err(e) => {
                    if !expected_gap(enc, e.kind()) {
                        failures.push(format!("{enc}: encode({sentence:?}) failed: {e}"));
                    }
                    continue;
                }
            };
            match enc.decode(&bytes) {
                Ok(s) if s == sentence => {}
                other => failures.push(format!("{enc}: decode of {sentence:?}: got {other:?}")),
            }
            let mojibake = as_windows_1252(&bytes);
            match enc.repair(&mojibake) {
                Ok(s) if s == sentence => {}
                other => failures.push(format!(
                    "{enc}: repair({mojibake:?}): expected {sentence:?}, got {other:?}"
                )),
            }
            // Whole sentences are long enough to be recognised (VIQR only
            // when it has marks).
            if !sentence.is_ascii() {
                let found = detect(&bytes).map(|d| d.encoding());
                let found_str = detect_str(&mojibake).map(|d| d.encoding());
                // Windows-1258 and VISCII share Latin-1's letters: a
                // detection that decodes the same text is right.
                let right = |f: Option<Encoding>| {
                    f.is_some_and(|f| f.decode(&bytes).ok().as_deref() == Some(sentence.as_str()))
                };
                if !right(found) || !right(found_str) {
                    failures.push(format!(
                        "{enc}: detect on {sentence:?}: bytes {found:?}, mojibake {found_str:?}"
                    ));
                }
            }
        }
    }
    report(failures);
}

#[test]
fn hand_written_bytes() {
    let mut failures = Vec::new();
    for case in fixture().bytes {
        let enc = encoding(&case.encoding);
        let bytes = unhex(&case.hex);
        match enc.decode(&bytes) {
            Ok(s) if s == case.expected => {}
            other => failures.push(format!(
                "{enc}: decode({}): expected {:?}, got {other:?}",
                case.hex, case.expected
            )),
        }
        let mojibake = as_windows_1252(&bytes);
        match enc.repair(&mojibake) {
            Ok(s) if s == case.expected => {}
            other => failures.push(format!(
                "{enc}: repair({mojibake:?}): expected {:?}, got {other:?}",
                case.expected
            )),
        }
    }
    report(failures);
}

#[test]
fn mojibake_repairs() {
    let mut failures = Vec::new();
    for case in fixture().mojibake {
        let enc = encoding(&case.encoding);
        match enc.repair(&case.text) {
            Ok(s) if s == case.expected => {}
            other => failures.push(format!(
                "{enc}: repair({:?}): expected {:?}, got {other:?}",
                case.text, case.expected
            )),
        }
    }
    report(failures);
}

#[test]
fn unchanged_text_is_borrowed() {
    for enc in Encoding::ALL {
        let out = enc.repair("Plain ASCII text, 2024.").unwrap();
        assert!(matches!(out, std::borrow::Cow::Borrowed(_)), "{enc}");
    }
}

#[test]
fn strict_names_the_offset_and_lossy_replaces() {
    let mut failures = Vec::new();
    for case in fixture().strict {
        let enc = encoding(&case.encoding);
        let bytes = unhex(&case.hex);
        match enc.decode(&bytes) {
            Err(e)
                if e.offset() == case.offset
                    && e.kind() == &ErrorKind::UnmappedByte(case.byte)
                    && e.encoding() == enc => {}
            other => failures.push(format!(
                "{enc}: decode({}): expected an error at {} for byte {:#04x}, got {other:?}",
                case.hex, case.offset, case.byte
            )),
        }
        let lossy = enc.decode_lossy(&bytes);
        if lossy != case.lossy {
            failures.push(format!(
                "{enc}: decode_lossy({}): expected {:?}, got {lossy:?}",
                case.hex, case.lossy
            ));
        }
    }
    report(failures);
}

#[test]
fn strict_repair_offsets_are_into_the_text() {
    // U+0081 is how Latin-1 readers show byte 0x81, undefined in TCVN3; the
    // offset counts the bytes of the UTF-8 text before it.
    let err = Encoding::Tcvn3.repair("Hµ \u{81}").unwrap_err();
    assert_eq!(err.offset(), 4);
    assert_eq!(err.kind(), &ErrorKind::UnmappedByte(0x81));
    assert_eq!(Encoding::Tcvn3.repair_lossy("Hµ \u{81}"), "Hà \u{fffd}");
    assert_eq!(
        err.to_string(),
        "byte 0x81 at offset 4 is not defined in tcvn3"
    );
}

#[test]
fn encode_errors_name_the_character() {
    let err = Encoding::Tcvn3.encode("Hà NỘI").unwrap_err();
    assert_eq!(err.kind(), &ErrorKind::UnencodableChar('Ộ'));
    assert_eq!(err.offset(), "Hà N".len());
    assert_eq!(Encoding::Tcvn3.encode_lossy("Hà NỘI"), b"H\xb5 N?I");
    assert!(Encoding::Viqr.encode("München").is_err());
    assert!(Encoding::Vni.encode("中文").is_err());
}

#[test]
fn detection_cases() {
    let mut failures = Vec::new();
    let fixture = fixture();
    for case in &fixture.detect {
        let found = detect_str(&case.text);
        if found.map(|d| d.encoding().name()) != case.expected.as_deref() {
            failures.push(format!(
                "detect_str({:?}): expected {:?}, got {found:?}",
                case.text, case.expected
            ));
        }
        if let Some(d) = found {
            if !(0.0..=1.0).contains(&d.confidence()) {
                failures.push(format!(
                    "detect_str({:?}): confidence {}",
                    case.text,
                    d.confidence()
                ));
            }
        }
    }
    for case in &fixture.detect_bytes {
        let found = detect(&unhex(&case.hex)).map(|d| d.encoding());
        if found.map(Encoding::name) != case.expected.as_deref() {
            failures.push(format!(
                "detect({}): expected {:?}, got {found:?}",
                case.hex, case.expected
            ));
        }
    }
    report(failures);
}

#[test]
fn encoding_names() {
    for enc in Encoding::ALL {
        assert_eq!(enc.name().parse::<Encoding>(), Ok(enc));
        assert_eq!(enc.to_string(), enc.name());
    }
    assert_eq!("ABC".parse::<Encoding>(), Ok(Encoding::Tcvn3));
    assert!("utf-8".parse::<Encoding>().is_err());
}

/// Whether a word of `text` has two toned letters, a `đ` after its first
/// letter, or more letters than a syllable.
fn not_viqr_words(text: &str) -> bool {
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        word.chars().count() > vitext::syllable::MAX_LETTERS
            || word.chars().skip(1).any(|c| matches!(c, 'đ' | 'Đ'))
            || word
                .chars()
                .filter(|&c| {
                    vitext::letter::Letter::from_char(c)
                        .is_some_and(|l| l.tone() != vitext::letter::Tone::Level)
                })
                .count()
                > 1
    })
}

/// Vietnamese-looking text: letters of the alphabet, spaces, punctuation.
fn vietnamese_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(
            "aàáảãạăắằẳẵặâấầẩẫậbcdđeèéẻẽẹêếềểễệghiìíỉĩịklmnoòóỏõọôốồổỗộơớờởỡợpqrstuùúủũụưứừửữựvxyỳýỷỹỵAÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÊẾỀỂỄỆÔỐỒỔỖỘƠỚỜỞỠỢƯỨỪỬỮỰ .,;:?!'\"()-–“”…0123456789\\^~`+"
                .chars()
                .collect::<Vec<_>>(),
        ),
        0..40,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn decoding_any_bytes_never_panics_and_gives_nfc(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        for enc in Encoding::ALL {
            let lossy = enc.decode_lossy(&bytes);
            prop_assert!(is_nfc(&lossy), "{enc}: {lossy:?}");
            match enc.decode(&bytes) {
                Ok(s) => prop_assert_eq!(s, lossy),
                Err(e) => {
                    prop_assert!(e.offset() < bytes.len());
                    prop_assert_eq!(e.kind(), &ErrorKind::UnmappedByte(bytes[e.offset()]));
                    prop_assert!(lossy.contains(char::REPLACEMENT_CHARACTER), "{}", lossy);
                }
            }
        }
        if let Some(d) = detect(&bytes) {
            prop_assert!((0.0..=1.0).contains(&d.confidence()));
        }
    }

    #[test]
    fn repairing_any_text_never_panics_and_gives_nfc(text in any::<String>()) {
        for enc in Encoding::ALL {
            let lossy = enc.repair_lossy(&text);
            prop_assert!(is_nfc(&lossy), "{enc}: {lossy:?}");
            match enc.repair(&text) {
                Ok(s) => prop_assert_eq!(s, lossy),
                Err(e) => prop_assert!(text.is_char_boundary(e.offset()) && e.offset() < text.len()),
            }
            let _ = enc.encode_lossy(&text);
        }
        let _ = detect_str(&text);
    }

    #[test]
    fn encoding_then_decoding_gives_the_text_back(text in vietnamese_text()) {
        let nfc: String = text.nfc().collect();
        for enc in Encoding::ALL {
            match enc.encode(&text) {
                // VIQR reads one tone per word (`No^.i.` ends with a full
                // stop), `dd` only where a word starts (`add`), and no marks
                // in words longer than a syllable (`example.com`); such
                // words are not Vietnamese.
                Ok(_) if enc == Encoding::Viqr && not_viqr_words(&nfc) => {}
                Ok(bytes) => {
                    prop_assert_eq!(enc.decode(&bytes).unwrap(), nfc.clone(), "{} {:?}", enc, bytes);
                    // TCVN3 repair puts back an `ư` lost with its soft
                    // hyphen when the text has none; keep one in.
                    if enc != Encoding::Tcvn3 || nfc.contains('ư') {
                        let mojibake = as_windows_1252(&bytes);
                        prop_assert_eq!(enc.repair(&mojibake).unwrap(), nfc.clone(), "{}", enc);
                    }
                }
                Err(e) => prop_assert!(expected_gap(enc, e.kind()), "{enc}: {e}"),
            }
        }
    }

    #[test]
    fn detect_handles_any_text(words in prop::collection::vec("[a-zA-Z\\u{80}-\\u{24f}\\u{1ea0}-\\u{1ef9}.,'^`~?()+ ]{0,12}", 0..20)) {
        let text = words.join(" ");
        if let Some(d) = detect_str(&text) {
            prop_assert!((0.0..=1.0).contains(&d.confidence()));
        }
        let _ = detect(text.as_bytes());
    }
}
