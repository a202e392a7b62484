//! Byte tables: the single-byte encodings (TCVN3, VNI, VISCII, Windows-1258)
//! as data, parsed once from the text files in `src/data/`.
//!
//! Every table maps each of the 256 byte values to the Unicode text it stands
//! for (one letter, a combining mark or two, or a punctuation character), or
//! to nothing when the byte is not defined. VNI and Windows-1258 bytes that
//! stand for marks decode to combining characters; composition happens after
//! decoding, in [`crate::normalize`].

use std::collections::HashMap;

use std::sync::LazyLock;

use super::Encoding;

/// One parsed table.
#[derive(Debug)]
pub(crate) struct ByteTable {
    /// The decoded text of every byte; `None` for undefined bytes.
    entries: Vec<Option<Box<str>>>,
    /// The character of each byte that decodes to one character that is
    /// not a mark: the fast path.
    chars: [Option<char>; 256],
    /// Bytes that decode to combining marks only.
    marks: [bool; 256],
    /// Bytes the file lists itself, not inherited from its base.
    listed: [bool; 256],
    /// Whether the encoder writes a base letter and a mark byte rather than
    /// a precomposed letter the table only inherits from its base (VNI
    /// writes `y` + `ù`, not Latin-1 `ý`).
    marks_first: bool,
}

impl ByteTable {
    /// The text byte `b` stands for, or `None` when the table leaves it
    /// undefined.
    #[inline]
    pub(crate) fn get(&self, b: u8) -> Option<&str> {
        self.entries.get(usize::from(b))?.as_deref()
    }

    /// The one character `b` decodes to, unless it is undefined, a mark or
    /// more than one character.
    #[inline]
    pub(crate) fn char(&self, b: u8) -> Option<char> {
        self.chars[usize::from(b)]
    }

    /// Whether `b` decodes to combining marks only (VNI, Windows-1258).
    #[inline]
    pub(crate) fn is_mark(&self, b: u8) -> bool {
        self.marks[usize::from(b)]
    }

    /// Parses a table file, laid over `base` (or over the base its `base`
    /// line names).
    fn parse(source: &str, windows_1252: Option<&ByteTable>) -> ByteTable {
        let mut entries: Vec<Option<String>> = vec![None; 256];
        let mut listed = [false; 256];
        let mut marks_first = false;
        for (number, raw) in source.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut fields = line.split_whitespace();
            let (Some(first), Some(second)) = (fields.next(), fields.next()) else {
                panic!("table line {}: expected two fields: {raw:?}", number + 1);
            };
            if first == "encode" {
                match second {
                    "marks-first" => marks_first = true,
                    "precomposed-first" => marks_first = false,
                    other => panic!("table line {}: unknown encode rule {other:?}", number + 1),
                }
                continue;
            }
            if first == "base" {
                match second {
                    "ascii" => {
                        for (b, entry) in entries.iter_mut().enumerate().take(0x80) {
                            *entry = char::from_u32(b as u32).map(String::from);
                        }
                    }
                    "latin-1" => {
                        for (b, entry) in entries.iter_mut().enumerate() {
                            *entry = char::from_u32(b as u32).map(String::from);
                        }
                    }
                    "windows-1252" => {
                        let base = windows_1252.expect("windows-1252 is parsed first");
                        for (b, entry) in entries.iter_mut().enumerate() {
                            *entry = base.get(b as u8).map(String::from);
                        }
                    }
                    other => panic!("table line {}: unknown base {other:?}", number + 1),
                }
                continue;
            }
            let byte = u8::from_str_radix(first, 16)
                .unwrap_or_else(|_| panic!("table line {}: bad byte {first:?}", number + 1));
            listed[usize::from(byte)] = true;
            let slot = &mut entries[usize::from(byte)];
            if second == "-" {
                *slot = None;
                continue;
            }
            let mut text = String::new();
            for field in core::iter::once(second).chain(fields) {
                let c = field
                    .strip_prefix("U+")
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .and_then(char::from_u32)
                    .unwrap_or_else(|| {
                        panic!("table line {}: bad code point {field:?}", number + 1)
                    });
                text.push(c);
            }
            *slot = Some(text);
        }
        let mut chars = [None; 256];
        let mut marks = [false; 256];
        for (b, entry) in entries.iter().enumerate() {
            if let Some(entry) = entry {
                marks[b] = entry.chars().all(crate::chars::is_combining);
                let mut cs = entry.chars();
                if let (Some(c), None, false) = (cs.next(), cs.next(), marks[b]) {
                    chars[b] = Some(c);
                }
            }
        }
        ByteTable {
            entries: entries
                .into_iter()
                .map(|e| e.map(String::into_boxed_str))
                .collect(),
            chars,
            marks,
            listed,
            marks_first,
        }
    }
}

/// The tables, parsed on first use. The files are part of the crate, so a
/// parse failure is a bug caught by the tests, not an input error.
pub(crate) static WINDOWS_1252: LazyLock<ByteTable> =
    LazyLock::new(|| ByteTable::parse(include_str!("../data/windows-1252.txt"), None));
static TCVN3: LazyLock<ByteTable> =
    LazyLock::new(|| ByteTable::parse(include_str!("../data/tcvn3.txt"), Some(&WINDOWS_1252)));
static VNI: LazyLock<ByteTable> =
    LazyLock::new(|| ByteTable::parse(include_str!("../data/vni.txt"), Some(&WINDOWS_1252)));
static VISCII: LazyLock<ByteTable> =
    LazyLock::new(|| ByteTable::parse(include_str!("../data/viscii.txt"), Some(&WINDOWS_1252)));
static WINDOWS_1258: LazyLock<ByteTable> = LazyLock::new(|| {
    ByteTable::parse(
        include_str!("../data/windows-1258.txt"),
        Some(&WINDOWS_1252),
    )
});

/// The byte table of `encoding`, or `None` for VIQR, which is not a byte
/// table but a convention over ASCII.
pub(crate) fn table(encoding: Encoding) -> Option<&'static ByteTable> {
    match encoding {
        Encoding::Tcvn3 => Some(&TCVN3),
        Encoding::Vni => Some(&VNI),
        Encoding::Viscii => Some(&VISCII),
        Encoding::Cp1258 => Some(&WINDOWS_1258),
        Encoding::Viqr => None,
    }
}

/// The byte a character stands for when legacy bytes were read as
/// Windows-1252 (or as Latin-1, which is how most tools read the five bytes
/// Windows-1252 leaves undefined). `None` for characters no byte reads as.
#[inline]
pub(crate) fn mojibake_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code < 0x100 {
        return u8::try_from(code).ok();
    }
    MOJIBAKE_HIGH.get(&c).copied()
}

/// The characters of Windows-1252's 80-9F block, back to their bytes.
static MOJIBAKE_HIGH: LazyLock<HashMap<char, u8>> = LazyLock::new(|| {
    (0x80..=0x9Fu8)
        .filter_map(|b| {
            let mut chars = WINDOWS_1252.get(b)?.chars();
            let c = chars.next()?;
            (u32::from(c) >= 0x100).then_some((c, b))
        })
        .collect()
});

/// The reverse of a byte table: each character to the shortest byte
/// sequence that decodes (after composition) to it.
pub(crate) struct Encoder {
    map: HashMap<char, Vec<u8>>,
}

impl Encoder {
    /// The bytes for `c`, if the encoding can write it.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<&[u8]> {
        self.map.get(&c).map(Vec::as_slice)
    }

    fn build(table: &ByteTable) -> Encoder {
        use unicode_normalization::UnicodeNormalization;

        let mut map: HashMap<char, Vec<u8>> = HashMap::new();
        let single = |map: &mut HashMap<char, Vec<u8>>, inherited: bool| {
            for b in 0..=255u8 {
                if inherited == (b < 0x80 || table.listed[usize::from(b)]) {
                    continue;
                }
                let Some(text) = table.get(b) else { continue };
                let mut chars = text.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    map.entry(c).or_insert_with(|| vec![b]);
                }
            }
        };
        // ASCII and the table's own single bytes first; on a tie the lower
        // byte wins. Then the bytes inherited from the base table, unless
        // the encoding writes letters with mark bytes first.
        single(&mut map, false);
        if !table.marks_first {
            single(&mut map, true);
        }
        // Then a letter and a byte of marks (VNI, Windows-1258).
        let is_marks = |s: &str| !s.is_empty() && s.chars().all(crate::chars::is_combining);
        let marks: Vec<u8> = (0..=255u8)
            .filter(|&b| table.get(b).is_some_and(is_marks))
            .collect();
        for first in 0..=255u8 {
            let Some(base) = table.get(first) else {
                continue;
            };
            if !base.chars().all(char::is_alphabetic) || base.chars().count() != 1 {
                continue;
            }
            // The mark byte in the base letter's case first: VNI writes
            // `a` + `ù` but `A` + `Ù`.
            let upper = base.chars().any(char::is_uppercase);
            let (same_case, other_case): (Vec<u8>, Vec<u8>) =
                marks.iter().partition(|&&b| (b < 0xE0) == upper);
            for &second in same_case.iter().chain(&other_case) {
                let Some(mark) = table.get(second) else {
                    continue;
                };
                let composed: String = base.chars().chain(mark.chars()).nfc().collect();
                let mut chars = composed.chars();
                if let (Some(c), None) = (chars.next(), chars.next()) {
                    map.entry(c).or_insert_with(|| vec![first, second]);
                }
            }
        }
        if table.marks_first {
            single(&mut map, true);
        }
        Encoder { map }
    }
}

static TCVN3_ENCODER: LazyLock<Encoder> = LazyLock::new(|| Encoder::build(&TCVN3));
static VNI_ENCODER: LazyLock<Encoder> = LazyLock::new(|| Encoder::build(&VNI));
static VISCII_ENCODER: LazyLock<Encoder> = LazyLock::new(|| Encoder::build(&VISCII));
static WINDOWS_1258_ENCODER: LazyLock<Encoder> = LazyLock::new(|| Encoder::build(&WINDOWS_1258));

/// The encoder of `encoding`, or `None` for VIQR.
pub(crate) fn encoder(encoding: Encoding) -> Option<&'static Encoder> {
    match encoding {
        Encoding::Tcvn3 => Some(&TCVN3_ENCODER),
        Encoding::Vni => Some(&VNI_ENCODER),
        Encoding::Viscii => Some(&VISCII_ENCODER),
        Encoding::Cp1258 => Some(&WINDOWS_1258_ENCODER),
        Encoding::Viqr => None,
    }
}
