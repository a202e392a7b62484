use super::table::{self, WINDOWS_1252};
use super::*;
use crate::letter::Letter;

#[test]
fn tables_parse_and_hold_vietnamese_letters() {
    // Windows-1252 defines all but five bytes.
    let undefined: Vec<u8> = (0..=255u8)
        .filter(|&b| WINDOWS_1252.get(b).is_none())
        .collect();
    assert_eq!(undefined, [0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    for encoding in [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viscii,
        Encoding::Cp1258,
    ] {
        let t = table::table(encoding).unwrap();
        for b in 0..0x80u8 {
            let text = t.get(b).unwrap();
            // ASCII stays ASCII, except VISCII's six capitals.
            if encoding != Encoding::Viscii || ![2, 5, 6, 0x14, 0x19, 0x1e].contains(&b) {
                assert_eq!(text.as_bytes(), [b], "{encoding} byte {b:#04x}");
            } else {
                assert!(Letter::from_char(text.chars().next().unwrap()).is_some());
            }
        }
    }
}

#[test]
fn every_vietnamese_letter_encodes_and_decodes_back() {
    for row in crate::letter::VOWEL_ROWS.iter() {
        for c in row
            .lower
            .iter()
            .chain(row.upper.iter())
            .copied()
            .chain("đĐ".chars())
        {
            let s = c.to_string();
            for encoding in Encoding::ALL {
                match encoding.encode(&s) {
                    Ok(bytes) => assert_eq!(encoding.decode(&bytes).unwrap(), s, "{encoding} {c}"),
                    // Only TCVN3 lacks letters: its toned capitals.
                    Err(_) => assert!(
                        encoding == Encoding::Tcvn3 && c.is_uppercase(),
                        "{encoding} {c}"
                    ),
                }
            }
        }
    }
}

#[test]
fn viqr_marks_and_escapes() {
    let cases = [
        ("Vie^.t Nam", "Việt Nam"),
        ("Tie^'ng Vie^.t", "Tiếng Việt"),
        ("DDa` Na(~ng, dde^`n", "Đà Nẵng, đền"),
        ("Hi\\.", "Hi."),
        ("No^.i.", "Nội."),
        ("NGU+O+`I", "NGƯỜI"),
        ("add", "add"),
        ("a\\\\b", "a\\b"),
        ("50\\%", "50\\%"),
        // Marks only in words that can be syllables: not in URLs...
        ("xem www.example.com", "xem www.example.com"),
        // ...but a bare vowel before `.` or `?` takes the tone, as in
        // RFC 1456 (escape it: `Hello\.`).
        ("Really? Hello.", "Reallỷ Hellọ"),
        ("Thu+ gu+?i to+'i ba.n.", "Thư gửi tới bạn."),
    ];
    for (input, expected) in cases {
        assert_eq!(Encoding::Viqr.repair(input).unwrap(), expected, "{input}");
        assert_eq!(
            Encoding::Viqr.decode(input.as_bytes()).unwrap(),
            expected,
            "{input}"
        );
    }
}

#[test]
fn viqr_encode_round_trips_punctuation() {
    for text in [
        "Hi. Đi đâu? Ờ, về nhà.",
        "a\\.b",
        "dd và đ",
        "(ghi chú) ~5%",
        // A backslash before a letter written with an escapable first
        // character (`Đ` is written `DD`).
        "\\Đ \\đi \\ấ",
    ] {
        let bytes = Encoding::Viqr.encode(text).unwrap();
        assert_eq!(
            Encoding::Viqr.decode(&bytes).unwrap(),
            text,
            "{:?}",
            String::from_utf8_lossy(&bytes)
        );
    }
}
