//! Decoding through a byte table and composing as we go.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::table::{self, ByteTable};
use super::{Encoding, Error, ErrorKind, Errors};
use crate::letter::{Case, CombiningMark, Letter, Modifier, Tone};
use crate::syllable::Syllable;

/// The output of decoding: text, composed as it is written.
///
/// A mark byte (VNI, Windows-1258) is composed with the letter before it
/// right away when the Vietnamese letter model gives the same letter that
/// canonical composition would (a tone on a toneless vowel, a modifier on a
/// letter without one). Anything else (a mark after a toned letter, a
/// consonant or a symbol) is written as a combining character and the text
/// is run through full NFC at the end. Every step keeps the text canonically
/// equivalent to the raw decoding, so the result is exactly its NFC.
#[derive(Default)]
pub(crate) struct Composer {
    pub(crate) text: String,
    /// Whether the text may not be NFC yet.
    pub(crate) unsure: bool,
}

impl Composer {
    pub(crate) fn with_capacity(capacity: usize) -> Composer {
        Composer {
            text: String::with_capacity(capacity),
            unsure: false,
        }
    }

    pub(crate) fn clear(&mut self) {
        self.text.clear();
        self.unsure = false;
    }

    /// Appends the decoded text of one byte: a letter or a symbol, or
    /// (`marks`) one or two combining marks.
    #[inline]
    fn push(&mut self, decoded: &str, marks: bool) {
        if !marks {
            self.text.push_str(decoded);
            return;
        }
        for mark in decoded.chars() {
            self.push_mark(mark);
        }
    }

    #[inline]
    fn push_mark(&mut self, mark: char) {
        let composed = self
            .text
            .chars()
            .next_back()
            .and_then(|last| compose(last, mark).map(|c| (last, c)));
        match composed {
            Some((last, c)) => {
                self.text.truncate(self.text.len() - last.len_utf8());
                self.text.push(c);
            }
            None => {
                self.text.push(mark);
                self.unsure = true;
            }
        }
    }

    pub(crate) fn finish(self) -> String {
        if !self.unsure {
            return self.text;
        }
        nfc(Cow::Owned(self.text)).into_owned()
    }
}

/// The letter `mark` makes of `letter`, where that is what canonical
/// composition gives.
#[inline]
fn compose(letter: char, mark: char) -> Option<char> {
    let letter = Letter::from_char(letter)?;
    match CombiningMark::from_char(mark)? {
        CombiningMark::Tone(tone) => (letter.is_vowel() && letter.tone() == Tone::Level)
            .then(|| letter.with_tone(tone).to_char()),
        CombiningMark::Modifier(modifier) => (letter.modifier() == Modifier::None
            && letter.tone() == Tone::Level)
            .then(|| letter.with_modifier(modifier))
            .flatten()
            .map(Letter::to_char),
    }
}

/// `text` in NFC, borrowed when it already is.
pub(super) fn nfc(text: Cow<'_, str>) -> Cow<'_, str> {
    if is_nfc_quick(text.chars()) == IsNormalized::Yes {
        return text;
    }
    Cow::Owned(text.nfc().collect())
}

/// Puts back TCVN3's `ư` where it was lost with the soft hyphen that
/// carries it in Windows-1252: in a word that is not a valid syllable, a
/// lower-case `ơ` (any tone) right after a consonant becomes `ươ` when that
/// makes the word valid.
pub(super) fn restore_lost_u_horn(text: &mut String) {
    let is_o_horn = |c: char| {
        Letter::from_char(c).is_some_and(|l| {
            l.base() == 'o' && l.modifier() == Modifier::Horn && l.case() == Case::Lower
        })
    };
    if !text.chars().any(is_o_horn) {
        return;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut changed = false;
    let mut candidate = String::new();
    for word in text.split_inclusive(|c: char| !c.is_alphabetic()) {
        let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
        let tail = word.get(letters.len()..).unwrap_or("");
        let fix = letters.char_indices().find(|&(i, c)| {
            is_o_horn(c)
                && letters
                    .get(..i)
                    .and_then(|s| s.chars().next_back())
                    .is_some_and(|p| Letter::from_char(p).is_some_and(|l| !l.is_vowel()))
        });
        if let Some((at, _)) = fix.filter(|_| Syllable::parse(letters).is_none()) {
            candidate.clear();
            candidate.push_str(letters.get(..at).unwrap_or(""));
            candidate.push('ư');
            candidate.push_str(letters.get(at..).unwrap_or(""));
            if Syllable::parse(&candidate).is_some() {
                out.push_str(&candidate);
                out.push_str(tail);
                changed = true;
                continue;
            }
        }
        out.push_str(word);
    }
    if changed {
        *text = out;
    }
}

/// Decodes bytes through a table into `out`.
pub(super) fn decode_bytes(
    table: &ByteTable,
    encoding: Encoding,
    bytes: &[u8],
    out: &mut Composer,
    errors: Errors,
) -> Result<(), Error> {
    for (i, &b) in bytes.iter().enumerate() {
        // Most bytes are one character: ASCII, or a precomposed letter.
        if let Some(c) = table.char(b) {
            out.text.push(c);
            continue;
        }
        match table.get(b) {
            Some(text) => out.push(text, table.is_mark(b)),
            None => {
                errors.check(Error::new(ErrorKind::UnmappedByte(b), encoding, i))?;
                out.text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    Ok(())
}

/// Repairs mojibake through a table into `out`. Returns whether anything
/// changed; `out` is only written from the first change on (it holds the
/// whole text when the result is `true`).
pub(super) fn repair_chars(
    table: &ByteTable,
    encoding: Encoding,
    text: &str,
    out: &mut Composer,
    errors: Errors,
) -> Result<bool, Error> {
    let mut copied = 0;
    let mut changed = false;
    for (offset, c) in text.char_indices() {
        let Some(b) = table::mojibake_byte(c) else {
            continue;
        };
        let decoded = table.get(b);
        let unchanged = decoded.is_some_and(|d| {
            let mut chars = d.chars();
            chars.next() == Some(c) && chars.next().is_none()
        });
        if unchanged {
            continue;
        }
        if out.text.capacity() == 0 {
            out.text.reserve(text.len() + text.len() / 4);
        }
        out.text.push_str(text.get(copied..offset).unwrap_or(""));
        copied = offset + c.len_utf8();
        changed = true;
        match decoded {
            Some(d) => out.push(d, table.is_mark(b)),
            None => {
                errors.check(Error::new(ErrorKind::UnmappedByte(b), encoding, offset))?;
                out.text.push(char::REPLACEMENT_CHARACTER);
            }
        }
    }
    if !changed {
        return Ok(false);
    }
    out.text.push_str(text.get(copied..).unwrap_or(""));
    Ok(true)
}
