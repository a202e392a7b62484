//! The character classes of the crate, each defined once: what the
//! normalizer replaces or removes (look-alike letters, invisible
//! characters, Unicode spaces), what separates tokens (gaps), combining
//! marks, Latin letters, and the punctuation and emoji the tokenizer takes
//! one at a time. Letters of the Vietnamese alphabet themselves are the
//! letter model's ([`crate::letter`]). Classes of Unicode properties come
//! from tables generated with their Unicode version (`unicode_tables.rs`).

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
    unicode_normalization::char::is_combining_mark(c)
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

#[cfg(test)]
mod tests {
    use super::*;

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
