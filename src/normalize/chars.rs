//! Character classes the normalizer treats specially: look-alike letters,
//! invisible characters and Unicode spaces.

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
        }
    }
}
