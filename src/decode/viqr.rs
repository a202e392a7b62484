//! VIQR (RFC 1456): Vietnamese in ASCII, marks written after the vowel.

use super::error::Errors;
use super::{Encoding, Error, ErrorKind};
use crate::letter::{Case, Letter, Modifier, Tone};
use crate::syllable::MAX_LETTERS;

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

/// The word being decoded: where it starts in the output, and how it reads
/// with every mark character taken literally.
#[derive(Default)]
struct Word {
    start: usize,
    literal: String,
    letters: usize,
    /// A mark or `dd` was read as such.
    marked: bool,
    /// A letter no Vietnamese syllable has (`f`, `j`, `w`, `z`, `ñ`).
    foreign: bool,
    /// One tone per word: a second tone mark is punctuation (`No^.i.`).
    toned: bool,
}

impl Word {
    fn begin(&mut self, start: usize) {
        self.start = start;
        self.literal.clear();
        self.letters = 0;
        self.marked = false;
        self.foreign = false;
        self.toned = false;
    }

    fn letter(&mut self, c: char, vietnamese: bool) {
        self.literal.push(c);
        self.letters += 1;
        self.foreign |= !vietnamese || matches!(c, 'f' | 'j' | 'w' | 'z' | 'F' | 'J' | 'W' | 'Z');
    }

    /// Ends the word. A word that cannot be a syllable (too long, or with a
    /// letter Vietnamese does not use) is English or a name, a URL or an
    /// e-mail address: its mark characters were punctuation after all
    /// (`example.com`, `www.site.vn`), and it is written as it was.
    fn end(&mut self, out: &mut String) {
        if self.marked && (self.foreign || self.letters > MAX_LETTERS) {
            out.truncate(self.start);
            out.push_str(&self.literal);
        }
        self.marked = false;
        self.toned = false;
    }
}

/// Decodes VIQR into `out`.
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
    let mut word = Word::default();
    while let Some((offset, unit)) = input.next() {
        let c = match unit {
            Ok(c) => c,
            Err(b) => {
                errors.check(Error::new(ErrorKind::UnmappedByte(b), encoding, offset))?;
                if in_word {
                    word.end(out);
                }
                out.push(char::REPLACEMENT_CHARACTER);
                last = None;
                in_word = false;
                continue;
            }
        };
        if c == '\\' {
            let escaped = match input.peek() {
                Some(&(_, Ok(next))) if is_escapable(next) => Some(next),
                _ => None,
            };
            last = None;
            match escaped {
                Some(next) if next.is_ascii_alphabetic() => {
                    input.next();
                    if !in_word {
                        word.begin(out.len());
                    }
                    in_word = true;
                    word.letter(next, true);
                    out.push(next);
                }
                Some(next) => {
                    input.next();
                    if in_word {
                        word.end(out);
                    }
                    in_word = false;
                    out.push(next);
                }
                None => {
                    if in_word {
                        word.end(out);
                    }
                    in_word = false;
                    out.push(c);
                }
            }
            continue;
        }
        if let Some(mark) = mark(c) {
            if let Some((at, letter)) = last {
                let applied = match mark {
                    Mark::Modifier(m) if letter.modifier() == Modifier::None => {
                        letter.with_modifier(m)
                    }
                    Mark::Tone(t) if !word.toned && letter.tone() == Tone::Level => {
                        Some(letter.with_tone(t))
                    }
                    _ => None,
                };
                if let Some(marked) = applied {
                    out.truncate(at);
                    out.push(marked.to_char());
                    last = Some((at, marked));
                    word.literal.push(c);
                    word.marked = true;
                    word.toned |= marked.tone() != Tone::Level;
                    continue;
                }
            }
            if in_word {
                word.end(out);
            }
            out.push(c);
            last = None;
            in_word = false;
            continue;
        }
        if matches!(c, 'd' | 'D') && !in_word {
            if let Some(&(_, Ok(second @ ('d' | 'D')))) = input.peek() {
                input.next();
                word.begin(out.len());
                word.letter(c, true);
                word.literal.push(second);
                word.marked = true;
                out.push(if c == 'D' { 'Đ' } else { 'đ' });
                in_word = true;
                last = None;
                continue;
            }
        }
        let letter = Letter::from_char(c);
        if letter.is_some() || c.is_alphabetic() {
            if !in_word {
                word.begin(out.len());
            }
            in_word = true;
            word.letter(c, letter.is_some());
            word.toned |= letter.is_some_and(|l| l.tone() != Tone::Level);
            last = letter.filter(|l| l.is_vowel()).map(|l| (out.len(), l));
        } else {
            if in_word {
                word.end(out);
            }
            in_word = false;
            last = None;
        }
        out.push(c);
    }
    if in_word {
        word.end(out);
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

/// The first ASCII character VIQR writes for `c`: its base letter (`D` for
/// `Đ`, which is written `DD`), or `?` for a character it cannot write.
fn first_written(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match Letter::from_char(c) {
        Some(letter) if letter.case() == Case::Upper => letter.base().to_ascii_uppercase(),
        Some(letter) => letter.base(),
        None => '?',
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
            let escape = (mark(c).is_some() && after_vowel)
                || (c == '\\' && next.map(first_written).is_some_and(is_escapable));
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
