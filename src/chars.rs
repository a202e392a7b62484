//! The character classes of the crate, each defined once: what the
//! normalizer replaces or removes (look-alike letters, invisible
//! characters, Unicode spaces), what separates tokens (gaps), combining
//! marks, Latin letters, and the punctuation and emoji the tokenizer takes
//! one at a time. Letters of the Vietnamese alphabet themselves are the
//! letter model's ([`crate::letter`]). Classes of Unicode properties come
//! from tables generated with their Unicode version (`unicode_tables.rs`).
//!
//! It also holds the crate's two readers of UTF-8 bytes, which every stage
//! that reads bytes goes through: [`decode`], a character from its bytes,
//! and [`letter_slot_in`], the lookup of a Vietnamese letter's facts
//! straight from its bytes, without decoding; and the one layout of those
//! facts ([`WIDE_FACTS`], [`ASCII_FACTS`], read by [`letter_facts`]): the
//! letter's code in the spelling automaton (`crate::spelling`), its case
//! and its tone, which the tokenizer and the normalizer both read.

use crate::letter::VOWEL_ROWS;
use crate::unicode_tables;

/// The letter a look-alike stands for: `Ð` (U+00D0, Icelandic eth) and `ð`
/// (U+00F0) are typed for `Đ`/`đ` by keyboards and OCR.
#[inline]
pub(crate) fn confusable(c: char) -> Option<char> {
    match c {
        '\u{D0}' => Some('Đ'),
        '\u{F0}' => Some('đ'),
        _ => None,
    }
}

/// Whether an eth here stands for `Đ`/`đ`: at the start of a word, where
/// Vietnamese `đ` stands (`ðường`), or as a capital after a capital, inside
/// an abbreviation (`NÐ-CP`, `HÐND`). An eth after a lower-case letter is
/// Icelandic or Faroese (`Guðni`, `Sigurðardóttir`) and is kept.
#[inline]
pub(crate) fn is_lookalike_here(c: char, at_start: bool, after_capital: bool) -> bool {
    at_start || (c == '\u{D0}' && after_capital)
}

/// Characters that carry no text and are removed: zero-width space, soft
/// hyphen, byte order mark (zero-width no-break space) and word joiner.
/// Zero-width joiner and non-joiner are kept: emoji sequences and other
/// scripts need them.
#[inline]
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{AD}' | '\u{FEFF}' | '\u{2060}')
}

/// Spaces other than U+0020 that become a plain space: no-break space,
/// the spaces of U+2000..U+200A, narrow no-break, medium mathematical,
/// ideographic and Ogham space. Tabs and line breaks are kept.
#[inline]
pub(crate) fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// Whether a character separates tokens without being one: Unicode white
/// space, control characters, and the invisible format characters that
/// separate or join (zero-width space and joiners, bidi marks, word joiner,
/// byte-order mark, soft hyphen). Every [invisible](is_invisible) character
/// and every [odd space](is_odd_space) is one.
pub(crate) fn is_gap(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Letters of the Latin script, Vietnamese included: ASCII, Latin-1,
/// Extended-A and -B, IPA, Latin Extended Additional.
pub(crate) fn is_latin_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | 'A'..='Z' | '\u{C0}'..='\u{24F}' | '\u{250}'..='\u{2AF}' | '\u{1E00}'..='\u{1EFF}')
        && c != '\u{D7}'
        && c != '\u{F7}'
}

/// Combining marks, which belong to the letter before them: the marks of
/// Unicode (general category M) as `unicode-normalization` lists them, the
/// normalizer's and the legacy decoder's test too. Only characters that
/// are no letter of the alphabet reach it.
pub(crate) fn is_combining(c: char) -> bool {
    // No mark lies below the Combining Diacritical Marks block, and the
    // block is all marks: text and decomposed Vietnamese are answered
    // without the table's hash.
    match c {
        '\0'..'\u{300}' => false,
        '\u{300}'..='\u{36F}' => true,
        _ => unicode_normalization::char::is_combining_mark(c),
    }
}

/// Punctuation: general category P of Unicode, and the modifier-letter
/// primes and apostrophes (U+02B9..U+02BF), which text writes as quotes.
pub(crate) fn is_punctuation(c: char) -> bool {
    in_ranges(&unicode_tables::PUNCTUATION, c) || matches!(c, '\u{2B9}'..='\u{2BF}')
}

/// Emoji and pictographs (`Extended_Pictographic`, which keeps code
/// points for emoji yet to come), and regional indicators (the halves of
/// a flag).
pub(crate) fn is_emoji(c: char) -> bool {
    in_ranges(&unicode_tables::PICTOGRAPHIC, c)
}

/// Whether `c` lies in one of `ranges` (sorted, apart, inclusive).
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let c = u32::from(c);
    let at = ranges.partition_point(|&(_, last)| last < c);
    ranges.get(at).is_some_and(|&(first, _)| first <= c)
}

/// The code point at byte `i` of UTF-8 text (a character boundary) and its
/// length in bytes. Past the end it reads a NUL of length 1; the bytes are
/// assumed valid UTF-8 (they come from a `&str`), and a continuation byte
/// where a lead was expected reads as some code point of length 2, never
/// past the text. A `const fn`, for the tables built at compile time.
#[inline(always)]
pub(crate) const fn decode(bytes: &[u8], i: usize) -> (u32, usize) {
    // The six payload bits of byte `i`, a continuation byte (those of one
    // past the end).
    const fn at(bytes: &[u8], i: usize) -> u32 {
        let b = if i < bytes.len() { bytes[i] } else { 0x80 };
        (b & 0x3F) as u32
    }
    let b0 = if i < bytes.len() { bytes[i] } else { 0 };
    let b0 = b0 as u32;
    if b0 < 0x80 {
        (b0, 1)
    } else if b0 < 0xE0 {
        ((b0 & 0x1F) << 6 | at(bytes, i + 1), 2)
    } else if b0 < 0xF0 {
        (
            (b0 & 0x0F) << 12 | at(bytes, i + 1) << 6 | at(bytes, i + 2),
            3,
        )
    } else {
        (
            (b0 & 0x07) << 18 | at(bytes, i + 1) << 12 | at(bytes, i + 2) << 6 | at(bytes, i + 3),
            4,
        )
    }
}

/// [`decode`] as a `char` (U+FFFD where the bytes are no character).
#[inline(always)]
pub(crate) fn decode_char(bytes: &[u8], i: usize) -> (char, usize) {
    let (cp, len) = decode(bytes, i);
    (
        char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER),
        len,
    )
}

/// The size of a table indexed by [`letter_slot_in`]: one slot for each code
/// point below U+0200 (ASCII and every two-byte letter of the alphabet),
/// then one for each of U+1000..U+1FFF (the three-byte letters, U+1EA0 to
/// U+1EF9, lie there), rounded up to a power of two so that a slot is
/// masked into range instead of checked.
pub(crate) const SLOTS: usize = 0x2000;

/// The slot of a character that no table holds a letter for: U+1000.
/// Every table indexed by [`letter_slot_in`] checks at compile time that this
/// slot holds no letter.
pub(crate) const NO_LETTER: u32 = 0x200;

/// The slot of `c` in a table indexed by [`letter_slot_in`], for building
/// such tables; `None` for a character that has none.
pub(crate) const fn slot_of(c: char) -> Option<usize> {
    let cp = c as u32;
    if cp < 0x200 {
        Some(cp as usize)
    } else if cp >= 0x1000 && cp < 0x2000 {
        Some((NO_LETTER + cp - 0x1000) as usize)
    } else {
        None
    }
}

/// For each lead byte from 0x80 on, how [`letter_slot_in`] reads the bytes
/// after it: bits 0–15 the slot of its first character, bits 16–19 how far
/// to shift the twelve payload bits of the next two bytes (6 keeps the
/// second byte's six, 0 keeps both, 12 none). Leads of no letter point at
/// [`NO_LETTER`] and keep no payload.
pub(crate) const LEADS: [u32; 256] = {
    let mut table = [NO_LETTER | 12 << 16; 256];
    // U+0080 to U+01FF: the slot is the code point.
    let mut lead = 0xC2;
    while lead <= 0xC7 {
        table[lead] = ((lead as u32 & 0x1F) << 6) | 6 << 16;
        lead += 1;
    }
    // U+1000 to U+1FFF, by both continuation bytes.
    table[0xE1] = NO_LETTER;
    table
};

/// The slot (see [`SLOTS`]) of the character at byte `i`, whose lead byte
/// `lead` (read by the caller) is not ASCII, and its length in bytes: the
/// way the tokenizer reads a letter's facts (which the normalizer's fast
/// path reads through it) from a table without decoding it. Two- and
/// three-byte letters are read alike, with no branch between them (the low
/// six bits of the next two bytes, shifted as the lead says), and the
/// length comes from the lead byte by arithmetic, not from a table, to keep
/// the chain of loads from one letter to the next short. A character
/// outside the slots reads the slot of U+1000, which holds no letter.
/// `leads` is [`LEADS`] where the caller keeps it: the tokenizer's hot loop
/// reaches all its tables through one address.
#[inline(always)]
pub(crate) fn letter_slot_in(
    leads: &[u32; 256],
    lead: u8,
    bytes: &[u8],
    i: usize,
) -> (usize, usize) {
    let at = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
    let payload = at(1) << 6 | at(2);
    let how = leads[usize::from(lead)];
    let slot = (how & 0xFFFF) + (payload >> ((how >> 16) & 0xF));
    let len = 2 + usize::from(lead >= 0xE0) + usize::from(lead >= 0xF0);
    (slot as usize & (SLOTS - 1), len)
}

/// A capital, in the letter facts ([`WIDE_FACTS`], [`ASCII_FACTS`]).
pub(crate) const FACT_UPPER: u16 = 1 << 6;
/// A small letter, in the letter facts.
pub(crate) const FACT_LOWER: u16 = 1 << 7;
/// The letter code in the letter facts
/// ([`spelling::letter_code`](crate::spelling::letter_code), never 0).
pub(crate) const FACT_CODE: u16 = 0x3F;
/// Where the tone is in the letter facts: one bit of
/// [`Tone::ALL`](crate::letter::Tone::ALL) from here, level written as none.
pub(crate) const FACT_TONE_AT: u32 = 8;
/// A letter outside ASCII, in [`WIDE_FACTS`].
pub(crate) const FACT_WIDE: u16 = 1 << 14;

/// The facts of a letter of the model: its code, its case, its tone (the
/// index in [`Tone::ALL`](crate::letter::Tone::ALL)).
pub(crate) const fn facts(code: u8, upper: bool, tone: usize) -> u16 {
    let case = if upper { FACT_UPPER } else { FACT_LOWER };
    let tone_bit = (1u16 << tone) & !1;
    code as u16 | case | tone_bit << FACT_TONE_AT
}

/// The one layout of letter facts that every stage reads letters from
/// bytes by: for the letters of two or three bytes, by their slot
/// ([`letter_slot_in`]), bits 0–5 the letter code ([`FACT_CODE`]),
/// bit 6 set for a capital ([`FACT_UPPER`]), bit 7 for a small letter
/// ([`FACT_LOWER`]), bits 8–13 the tone as one bit of
/// [`Tone::ALL`](crate::letter::Tone::ALL) (level written as none), bit 14
/// set on every letter ([`FACT_WIDE`]); 0 for anything that is no letter
/// of the model. Built at compile time from [`VOWEL_ROWS`].
pub(crate) const WIDE_FACTS: [u16; SLOTS] = {
    const fn put(table: &mut [u16; SLOTS], c: char, facts: u16) {
        match slot_of(c) {
            Some(slot) => table[slot] = facts | FACT_WIDE,
            None => panic!("a letter outside the slots"),
        }
    }
    let mut table = [0; SLOTS];
    put(&mut table, 'đ', facts(39, false, 0));
    put(&mut table, 'Đ', facts(39, true, 0));
    let mut row = 0;
    while row < VOWEL_ROWS.len() {
        let mut tone = 0;
        while tone < 6 {
            let code = row as u8 + 1;
            let (lower, upper) = (VOWEL_ROWS[row].lower[tone], VOWEL_ROWS[row].upper[tone]);
            // ASCII vowels are read from their own table.
            if !lower.is_ascii() {
                put(&mut table, lower, facts(code, false, tone));
                put(&mut table, upper, facts(code, true, tone));
            }
            tone += 1;
        }
        row += 1;
    }
    table
};

/// ASCII letters in the same layout (no tone, and [`FACT_WIDE`] clear):
/// the vowels by their row, the consonants 13 and on.
pub(crate) const ASCII_FACTS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = b'a';
    while b <= b'z' {
        table[b as usize] = facts(13 + (b - b'a'), false, 0) as u8;
        table[(b - 32) as usize] = facts(13 + (b - b'a'), true, 0) as u8;
        b += 1;
    }
    let mut row = 0;
    while row < VOWEL_ROWS.len() {
        let (lower, upper) = (VOWEL_ROWS[row].lower[0], VOWEL_ROWS[row].upper[0]);
        if lower.is_ascii() {
            table[lower as usize] = facts(row as u8 + 1, false, 0) as u8;
            table[upper as usize] = facts(row as u8 + 1, true, 0) as u8;
        }
        row += 1;
    }
    table
};

// Only ASCII bytes have facts in `ASCII_FACTS`, no slot below 0x80
// holds a letter in `WIDE_FACTS` (ASCII is read from its own table), nor does the
// slot that characters outside the slots read: checked at
// compile time, so that a change to the tables cannot make a token end
// inside a character.
const _: () = {
    let mut b = 0;
    while b < 256 {
        assert!(
            b < 0x80 || ASCII_FACTS[b] == 0,
            "only ASCII bytes have facts of their own"
        );
        assert!(
            b >= 0x80 || WIDE_FACTS[b] == 0,
            "ASCII has no slot of its own"
        );
        b += 1;
    }
    // Every character outside the slots reads this one.
    assert!(
        WIDE_FACTS[NO_LETTER as usize] == 0,
        "the slot of no letter holds one"
    );
};

/// The facts ([`WIDE_FACTS`]) of the letter at `i` and its length in bytes;
/// 0 for anything that is no letter of the model, and the length is then
/// of no use.
#[inline(always)]
pub(crate) fn letter_facts(bytes: &[u8], i: usize) -> (u16, usize) {
    static ASCII: [u8; 256] = ASCII_FACTS;
    static WIDE: [u16; SLOTS] = WIDE_FACTS;
    let Some(&b) = bytes.get(i) else {
        return (0, 1);
    };
    if b < 0x80 {
        return (u16::from(ASCII[usize::from(b)]), 1);
    }
    let (slot, len) = letter_slot_in(&LEADS, b, bytes, i);
    (WIDE[slot], len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{Case, Letter};

    /// The letter facts agree with `Letter::from_char` on every character
    /// of the slots, and on ASCII.
    #[test]
    fn facts_agree_with_the_letter_model() {
        let slots = (0..0x200u32).chain(0x1000..0x2000);
        for c in slots.filter_map(char::from_u32) {
            let expected = Letter::from_char(c).map_or(0, |l| {
                let wide = if c.is_ascii() { 0 } else { FACT_WIDE };
                facts(
                    crate::spelling::letter_code(l),
                    l.case() == Case::Upper,
                    l.tone() as usize,
                ) | wide
            });
            let mut buf = [0; 4];
            let (got, len) = letter_facts(c.encode_utf8(&mut buf).as_bytes(), 0);
            assert_eq!(got, expected, "{c:?}");
            if got != 0 {
                assert_eq!(len, c.len_utf8(), "{c:?}");
            }
        }
    }

    /// Both readers agree with the standard library on every character
    /// (the slot reader on every one that has a slot).
    #[test]
    fn readers_agree_with_std() {
        let text: String = (0x80..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .step_by(7)
            .chain(('\u{C0}'..='\u{1B0}').chain('\u{1EA0}'..='\u{1EF9}'))
            .collect();
        let bytes = text.as_bytes();
        for (i, c) in text.char_indices() {
            assert_eq!(decode_char(bytes, i), (c, c.len_utf8()), "{c:?}");
            let (slot, len) = letter_slot_in(&LEADS, bytes[i], bytes, i);
            assert_eq!(len, c.len_utf8(), "{c:?}");
            assert_eq!(Some(slot), slot_of(c).or(Some(NO_LETTER as usize)), "{c:?}");
        }
        assert_eq!(decode(b"", 0), (0, 1));
        assert_eq!(
            letter_slot_in(&LEADS, 0xE1, "\u{1EA0}".as_bytes(), 0).0,
            0x200 + 0xEA0
        );
    }

    /// The ranges answered without the table answer as the table does.
    #[test]
    fn combining_marks_as_unicode_normalization_lists_them() {
        for c in (0..0x11_0000u32).filter_map(char::from_u32) {
            assert_eq!(
                is_combining(c),
                unicode_normalization::char::is_combining_mark(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn classes_do_not_overlap() {
        for cp in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let n = usize::from(confusable(c).is_some())
                + usize::from(is_invisible(c))
                + usize::from(is_odd_space(c));
            assert!(n <= 1, "U+{cp:04X}");
            if is_odd_space(c) {
                assert!(c.is_whitespace(), "U+{cp:04X}");
            }
            // What the normalizer removes or turns into a space separates
            // tokens; a mark or a letter never does.
            if is_invisible(c) || is_odd_space(c) {
                assert!(is_gap(c), "U+{cp:04X}");
            }
            if is_combining(c) || is_latin_letter(c) {
                assert!(!is_gap(c), "U+{cp:04X}");
            }
        }
    }

    /// The committed Unicode tables are those of the `regex` crate's
    /// Unicode data. Run with `VITEXT_BLESS=1` to rewrite them when that
    /// data moves to a new Unicode version (and write the version below).
    #[test]
    fn unicode_tables_are_current() {
        const VERSION: &str = "16.0.0";
        let ranges = |class: &str| -> Vec<(u32, u32)> {
            let re = regex::Regex::new(&format!("^{class}$")).unwrap();
            let mut out: Vec<(u32, u32)> = Vec::new();
            for cp in 0..0x11_0000u32 {
                let Some(c) = char::from_u32(cp) else {
                    continue;
                };
                if !re.is_match(c.encode_utf8(&mut [0; 4])) {
                    continue;
                }
                match out.last_mut() {
                    Some((_, last)) if *last + 1 == cp => *last = cp,
                    _ => out.push((cp, cp)),
                }
            }
            out
        };
        let render = |name: &str, what: &str, ranges: &[(u32, u32)]| {
            let mut t = format!(
                "\n/// {what}.\n#[rustfmt::skip]\npub(crate) static {name}: [(u32, u32); {}] = [\n",
                ranges.len()
            );
            for row in ranges.chunks(6) {
                let cells: Vec<String> = row
                    .iter()
                    .map(|(a, b)| format!("(0x{a:04X}, 0x{b:04X})"))
                    .collect();
                t.push_str(&format!("    {},\n", cells.join(", ")));
            }
            t.push_str("];\n");
            t
        };
        let mut text = format!(
            "// @generated by `VITEXT_BLESS=1 cargo test --lib unicode_tables_are_current`\n\
             // (src/chars.rs) from the Unicode data of the `regex` crate: Unicode\n\
             // {VERSION}. Do not edit. Inclusive ranges of code points, sorted.\n"
        );
        text.push_str(&render(
            "PUNCTUATION",
            "General category P (punctuation)",
            &ranges(r"\p{P}"),
        ));
        text.push_str(&render(
            "PICTOGRAPHIC",
            "`Extended_Pictographic` and `Regional_Indicator`",
            &ranges(r"[\p{Extended_Pictographic}\p{Regional_Indicator}]"),
        ));
        crate::generated::check(
            "src/unicode_tables.rs",
            include_str!("unicode_tables.rs"),
            &text,
            "unicode_tables_are_current",
        );
    }

    #[test]
    fn unicode_classes() {
        for c in [
            '“', '”', '…', '–', '—', '«', '»', '、', '。', '！', '‰', 'ʼ',
        ] {
            assert!(is_punctuation(c), "{c:?}");
        }
        for c in ['😀', '👍', '❤', '©', '™', '‼', '🇻', '\u{1FAFF}'] {
            assert!(is_emoji(c), "{c:?}");
        }
        for c in ['a', 'đ', '中', '€', '+', '⌀'] {
            assert!(!is_punctuation(c) && !is_emoji(c), "{c:?}");
        }
    }
}
