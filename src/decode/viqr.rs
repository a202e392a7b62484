//! VIQR (RFC 1456): Vietnamese in ASCII, marks written after the vowel.

use super::error::Errors;
use super::{Encoding, Error, ErrorKind};
use crate::letter::{Case, Letter, Modifier, Tone};

/// A VIQR mark character.
#[derive(Clone, Copy)]
enum Mark {
    Modifier(Modifier),
    Tone(Tone),
}

/// The mark a character writes, per RFC 1456.
#[inline]
fn mark(c: char) -> Option<Mark> {
    Some(match c {
        '(' => Mark::Modifier(Modifier::Breve),
        '^' => Mark::Modifier(Modifier::Circumflex),
        '+' => Mark::Modifier(Modifier::Horn),
        '\'' => Mark::Tone(Tone::Acute),
        '`' => Mark::Tone(Tone::Grave),
        '?' => Mark::Tone(Tone::Hook),
        '~' => Mark::Tone(Tone::Tilde),
        '.' => Mark::Tone(Tone::Dot),
        _ => return None,
    })
}

/// Whether a backslash before `c` makes `c` literal.
#[inline]
fn is_escapable(c: char) -> bool {
    mark(c).is_some() || matches!(c, 'd' | 'D' | '\\')
}

/// One unit of input: a character, or a byte that is not ASCII (VIQR is a
/// 7-bit convention).
pub(super) type Unit = (usize, Result<char, u8>);

/// Raw bytes as units.
pub(super) fn bytes(bytes: &[u8]) -> impl Iterator<Item = Unit> + '_ {
    bytes.iter().enumerate().map(|(i, &b)| {
        (
            i,
            if b.is_ascii() {
                Ok(char::from(b))
            } else {
                Err(b)
            },
        )
    })
}

/// Text as units: characters that are not ASCII pass through as they are.
pub(super) fn chars(text: &str) -> impl Iterator<Item = Unit> + '_ {
    text.char_indices().map(|(i, c)| (i, Ok(c)))
}

/// Decodes VIQR into `out` (not yet normalized).
pub(super) fn decode(
    input: impl Iterator<Item = Unit>,
    encoding: Encoding,
    out: &mut String,
    errors: Errors,
) -> Result<(), Error> {
    let mut input = input.peekable();
    // The vowel just written, while marks may still follow it: where it
    // starts in `out`, and the letter.
    let mut last: Option<(usize, Letter)> = None;
    let mut in_word = false;
    // One tone per word: a second tone mark is punctuation (`No^.i.`).
    let mut word_toned = false;
    while let Some((offset, unit)) = input.next() {
        let c = match unit {
            Ok(c) => c,
            Err(b) => {
                errors.check(Error::new(ErrorKind::UnmappedByte(b), encoding, offset))?;
                out.push(char::REPLACEMENT_CHARACTER);
                last = None;
                in_word = false;
                word_toned = false;
                continue;
            }
        };
        if c == '\\' {
            if let Some(&(_, Ok(next))) = input.peek() {
                if is_escapable(next) {
                    input.next();
                    out.push(next);
                    last = None;
                    in_word = next.is_ascii_alphabetic();
                    word_toned &= in_word;
                    continue;
                }
            }
            out.push(c);
            last = None;
            in_word = false;
            word_toned = false;
            continue;
        }
        if let Some(mark) = mark(c) {
            if let Some((at, letter)) = last {
                let applied = match mark {
                    Mark::Modifier(m) if letter.modifier() == Modifier::None => {
                        letter.with_modifier(m)
                    }
                    Mark::Tone(t) if !word_toned && letter.tone() == Tone::Level => {
                        Some(letter.with_tone(t))
                    }
                    _ => None,
                };
                if let Some(marked) = applied {
                    out.truncate(at);
                    out.push(marked.to_char());
                    last = Some((at, marked));
                    word_toned |= marked.tone() != Tone::Level;
                    continue;
                }
            }
            out.push(c);
            last = None;
            in_word = false;
            word_toned = false;
            continue;
        }
        if matches!(c, 'd' | 'D') && !in_word {
            if let Some(&(_, Ok('d' | 'D'))) = input.peek() {
                input.next();
                out.push(if c == 'D' { 'Đ' } else { 'đ' });
                in_word = true;
                last = None;
                continue;
            }
        }
        match Letter::from_char(c) {
            Some(letter) => {
                if !in_word {
                    word_toned = false;
                }
                in_word = true;
                word_toned |= letter.tone() != Tone::Level;
                last = letter.is_vowel().then_some((out.len(), letter));
            }
            None => {
                last = None;
                in_word = c.is_alphabetic();
                word_toned &= in_word;
            }
        }
        out.push(c);
    }
    Ok(())
}

/// The ASCII character that writes a modifier.
fn modifier_char(modifier: Modifier) -> Option<u8> {
    match modifier {
        Modifier::Breve => Some(b'('),
        Modifier::Circumflex => Some(b'^'),
        Modifier::Horn => Some(b'+'),
        Modifier::None | Modifier::Stroke => None,
    }
}

/// The ASCII character that writes a tone.
fn tone_char(tone: Tone) -> Option<u8> {
    match tone {
        Tone::Level => None,
        Tone::Grave => Some(b'`'),
        Tone::Acute => Some(b'\''),
        Tone::Hook => Some(b'?'),
        Tone::Tilde => Some(b'~'),
        Tone::Dot => Some(b'.'),
    }
}

/// Encodes NFC text as VIQR, escaping mark characters that would otherwise
/// be read as marks.
pub(super) fn encode(
    text: &str,
    encoding: Encoding,
    out: &mut Vec<u8>,
    errors: Errors,
) -> Result<(), Error> {
    // Whether the previous character was a vowel (so a mark character now
    // would attach to it), and whether we are inside a word.
    let mut after_vowel = false;
    let mut in_word = false;
    let mut chars = text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if let Some(letter) = Letter::from_char(c) {
            if letter.modifier() == Modifier::Stroke {
                out.extend_from_slice(if letter.case() == Case::Upper {
                    b"DD"
                } else {
                    b"dd"
                });
            } else if c.is_ascii() {
                // A literal `dd` at the start of a word must not read as `đ`.
                if matches!(c, 'd' | 'D') && !in_word && matches!(next, Some('d' | 'D')) {
                    out.push(c as u8);
                    out.push(b'\\');
                    if let Some((_, n)) = chars.next() {
                        out.push(n as u8);
                    }
                    after_vowel = false;
                    in_word = true;
                    continue;
                }
                out.push(c as u8);
            } else {
                let base = letter.base();
                let base = if letter.case() == Case::Upper {
                    base.to_ascii_uppercase()
                } else {
                    base
                };
                out.push(base as u8);
                out.extend(modifier_char(letter.modifier()));
                out.extend(tone_char(letter.tone()));
            }
            after_vowel = letter.is_vowel();
            in_word = true;
            continue;
        }
        if c.is_ascii() {
            let escape =
                (mark(c).is_some() && after_vowel) || (c == '\\' && next.is_some_and(is_escapable));
            if escape {
                out.push(b'\\');
            }
            out.push(c as u8);
        } else {
            errors.check(Error::new(ErrorKind::UnencodableChar(c), encoding, offset))?;
            // The replacement must not read as a hook on the vowel before.
            if after_vowel {
                out.push(b'\\');
            }
            out.push(b'?');
        }
        after_vowel = false;
        in_word = c.is_alphabetic();
    }
    Ok(())
}
