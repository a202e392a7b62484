//! The character classes of the crate, each defined once: what the
//! normalizer replaces or removes (look-alike letters, invisible
//! characters, Unicode spaces), what separates tokens (gaps), combining
//! marks, Latin letters, and the punctuation and emoji the tokenizer takes
//! one at a time. Letters of the Vietnamese alphabet themselves are the
//! letter model's ([`crate::letter`]).

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

/// Punctuation outside ASCII: quotes, dashes, the ellipsis, guillemets,
/// general punctuation, CJK and full-width marks.
pub(crate) fn is_punctuation(c: char) -> bool {
    matches!(c,
        '\u{A1}' | '\u{A7}' | '\u{AB}' | '\u{B6}' | '\u{B7}' | '\u{BB}' | '\u{BF}'
        | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}'
        | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'
    ) || matches!(c, '\u{2B9}'..='\u{2BF}')
}

/// Emoji and pictographs (the blocks of `Extended_Pictographic`), and
/// regional indicators.
pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c,
        '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2300}'..='\u{23FF}'
        | '\u{2B00}'..='\u{2BFF}' | '\u{3030}' | '\u{303D}'
        | '\u{3297}' | '\u{3299}' | '\u{A9}' | '\u{AE}' | '\u{203C}' | '\u{2049}' | '\u{2122}'
        | '\u{2139}' | '\u{2194}'..='\u{21AA}'
    )
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
}
