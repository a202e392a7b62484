//! The byte scanner behind [`Tokens`](super::Tokens).
//!
//! [`next_token`] first tries a syllable found whole (`known`), then the
//! plain path: a run of letters of the Vietnamese model read in one pass
//! (`letters::plain_run`), a single mark or run of periods, or an integer
//! before a mark that ends it; after such a token it also steps over one
//! space, which it has read anyway, so that the next token's start does
//! not wait for the gap to be scanned again. Everything else goes to the
//! general scanner,
//! which dispatches on a 256-entry class table: ASCII letters, digits and
//! marks never leave the table; a non-ASCII byte is decoded to a `char` and
//! classified by a few ranges (Latin letters, combining marks, punctuation,
//! invisible separators). Only characters of other scripts and emoji go
//! through `unicode-segmentation` (see `other`). Tests hold the fast paths
//! to the general scanner on every input they generate.
//!
//! Every look-ahead that can fail is either bounded by a constant or ends in
//! a token that covers what it read, so the scanner is linear in the input.

use super::known;
use super::letters::{self, CaseCount, LetterRun};
use super::number::{self, DigitRun, NumberShape};
use super::{Casing, TokenKind, abbrev, doc_code, other, web};
use crate::chars::{decode_char, is_combining, is_gap, is_latin_letter};

/// The scanner's position and the spans where words are taken plainly.
#[derive(Clone, Debug, Default)]
pub(super) struct State {
    /// Next byte to read.
    pub pos: usize,
    /// Up to here, letter runs are emitted as they are, without looking at
    /// what follows: the syllables of a split hyphenated compound
    /// (`hòa-bình`), or the unit after a number (`1.600m`).
    pub plain_until: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Gap,
    Letter,
    Digit,
    Dot,
    Hash,
    At,
    Punct,
    Symbol,
    NonAscii,
}

static CLASSES: [Class; 256] = {
    let mut table = [Class::NonAscii; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = match c {
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'.' => Class::Dot,
            b'#' => Class::Hash,
            b'@' => Class::At,
            b'!' | b'"' | b'\'' | b'(' | b')' | b',' | b'-' | b'/' | b':' | b';' | b'?' | b'['
            | b'\\' | b']' | b'_' | b'{' | b'}' => Class::Punct,
            b'$' | b'%' | b'&' | b'*' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~' => {
                Class::Symbol
            }
            _ => Class::Gap, // space and the C0 controls, DEL
        };
        b += 1;
    }
    table
};

/// Scans the next token; `None` at the end of the text.
#[inline(always)]
pub(super) fn next_token(text: &str, st: &mut State) -> Option<(usize, usize, TokenKind)> {
    next_token_slot(text, st).map(|(start, end, kind, _)| (start, end, kind))
}

/// Scans the next token, with its slot in the table of syllables found
/// whole when it was found so ([`known::NO_SLOT`] otherwise); `None` at
/// the end of the text. (Where the slot goes unused, inlining drops it.)
#[inline(always)]
pub(super) fn next_token_slot(
    text: &str,
    st: &mut State,
) -> Option<(usize, usize, TokenKind, u32)> {
    let no_slot = |(start, end, kind)| (start, end, kind, known::NO_SLOT);
    let bytes = text.as_bytes();
    let mut start = st.pos;
    // Spaces, line breaks and the other ASCII controls (DEL and the gaps
    // outside ASCII are left to the general scanner).
    while bytes.get(start).is_some_and(|&b| b <= b' ') {
        start += 1;
    }
    // Most tokens are a syllable before a space or a mark, found whole.
    if let Some((end, next, kind, slot)) = known::run(bytes, start) {
        st.pos = next;
        return Some((start, end, kind, slot));
    }
    // Then a plain run of letters, read one by one.
    if let Some((end, next, kind)) = letters::plain_run(bytes, start) {
        st.pos = next;
        return Some((start, end, kind, known::NO_SLOT));
    }
    // Then punctuation: ASCII marks and periods, and the dashes, quotes and
    // ellipsis of U+2010 to U+2027 (`E2 80 90` to `E2 80 A7`).
    let punctuation = match bytes.get(start..).unwrap_or_default() {
        [b, ..] if CLASSES[usize::from(*b)] == Class::Punct => 1,
        [0xE2, 0x80, 0x90..=0xA7, ..] => 3,
        // A period, or a run of them (`...`).
        dots @ [b'.', ..] => dots.iter().take_while(|&&b| b == b'.').count(),
        _ => 0,
    };
    if punctuation > 0 {
        // Past a space after the mark, as the plain path does.
        let end = start + punctuation;
        st.pos = end + usize::from(bytes.get(end) == Some(&b' '));
        return Some((start, end, TokenKind::Punctuation, known::NO_SLOT));
    }
    // Then a number of digits alone (`2024`), which is an integer whatever
    // its length, before a mark that cannot continue it.
    let digits = bytes
        .get(start..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = start + digits;
    if digits > 0 && ends_integer(bytes, end) {
        st.pos = end + usize::from(bytes.get(end) == Some(&b' '));
        let integer = NumberShape::Number(number::Numeral::Integer);
        return Some((start, end, TokenKind::Number(integer), known::NO_SLOT));
    }
    st.pos = start;
    next_token_general(text, st).map(no_slot)
}

/// Whether digits before `end` are a number of their own, by the mark at
/// `end`: the end of the text, white space or a control, a closing bracket
/// or sentence mark, or a period, comma or colon that no digit follows
/// (`Điều 1.`, `năm 2024,`). Anything else (a separator before a digit,
/// `%`, an hour letter, a code's `/` or `-`, a letter, a character outside
/// ASCII) takes the general scanner, which gives the same answer here.
fn ends_integer(bytes: &[u8], end: usize) -> bool {
    match bytes.get(end) {
        None => true,
        Some(&b) if b <= b' ' => true,
        Some(b')' | b';' | b'!' | b'?' | b'"' | b']') => true,
        Some(b'.' | b',' | b':') => !bytes.get(end + 1).is_some_and(u8::is_ascii_digit),
        Some(_) => false,
    }
}

/// Every token of `text` by the general scanner alone, for the tests that
/// hold the plain path to it.
#[cfg(test)]
pub(super) fn general_tokens(text: &str) -> Vec<(usize, usize, TokenKind)> {
    let mut st = State::default();
    core::iter::from_fn(|| next_token_general(text, &mut st)).collect()
}

/// [`next_token`] for every token. Out of line: it is the rare path, and
/// inlining it would crowd the plain path where it is called.
#[inline(never)]
fn next_token_general(text: &str, st: &mut State) -> Option<(usize, usize, TokenKind)> {
    let bytes = text.as_bytes();
    loop {
        let start = st.pos;
        let &b = bytes.get(start)?;
        let (end, kind) = match CLASSES[usize::from(b)] {
            Class::Gap => {
                st.pos += 1;
                continue;
            }
            Class::Letter => word(text, start, st),
            Class::Digit | Class::Hash | Class::Symbol if other::keycap_len(bytes, start) > 0 => {
                let len = other::keycap_len(bytes, start);
                (start + len, TokenKind::Emoji)
            }
            Class::Digit => number(text, start, st),
            Class::Dot => {
                let dots = bytes.get(start..).unwrap_or_default();
                let end = start + dots.iter().take_while(|&&b| b == b'.').count();
                (end, TokenKind::Punctuation)
            }
            Class::Hash => match web::hashtag(start, |i| word_char_len(bytes, i)) {
                Some(end) => (end, TokenKind::Hashtag),
                None => (start + 1, TokenKind::Symbol),
            },
            Class::At => {
                let after_word = start > 0 && is_word_char_at(bytes, start - 1);
                match web::mention(bytes, start) {
                    Some(end) if !after_word => (end, TokenKind::Mention),
                    _ => (start + 1, TokenKind::Symbol),
                }
            }
            Class::Punct => (start + 1, TokenKind::Punctuation),
            Class::Symbol => (start + 1, TokenKind::Symbol),
            Class::NonAscii => {
                let (c, len) = decode_char(bytes, start);
                if is_latin_letter(c) {
                    word(text, start, st)
                } else if is_gap(c) {
                    st.pos += len;
                    continue;
                } else {
                    other::non_latin(text, start, c, len)
                }
            }
        };
        st.pos = end;
        return Some((start, end, kind));
    }
}

// ---------------------------------------------------------------------------
// Words

/// A token that starts with a Latin letter.
#[inline(always)]
fn word(text: &str, start: usize, st: &mut State) -> (usize, TokenKind) {
    let run = LetterRun::scan(text.as_bytes(), start);
    // The common case first: a run of letters before a space or a comma is a
    // token of its own, whatever it is.
    let simple = matches!(
        text.as_bytes().get(run.end),
        None | Some(b' ' | b',' | b'\n')
    );
    if simple || start < st.plain_until {
        return (run.end, run.kind());
    }
    word_with_more(text, start, &run, st)
}

/// A letter run followed by something that may extend it.
#[inline(never)]
fn word_with_more(text: &str, start: usize, run: &LetterRun, st: &mut State) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let Some(&next) = bytes.get(run.end) else {
        return (run.end, run.kind());
    };
    let ascii_run = run.end - start == run.count && run.model;
    if ascii_run {
        if next == b':' {
            if let Some(end) = web::scheme_url(bytes, start) {
                return (end, TokenKind::Url);
            }
        }
        if matches!(next, b'@' | b'.' | b'_' | b'+' | b'-') {
            if let Some(end) = web::email(bytes, start) {
                return (end, TokenKind::Email);
            }
        }
        if next == b'.' || next == b'-' {
            if let Some(end) = web::bare_url(bytes, start) {
                return (end, TokenKind::Url);
            }
        }
    }
    if next == b'.' {
        if let Some(end) = dotted(text, start, run) {
            return (end, TokenKind::Abbreviation);
        }
        return (run.end, run.kind());
    }
    if joins_word(bytes, run.end) {
        return compound(bytes, start, run, st);
    }
    (run.end, run.kind())
}

/// Whether the word goes on at `i`: a digit, a hyphen before a letter or
/// digit, or an apostrophe between letters (`Levi's`, `H'Mông`).
fn joins_word(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        Some(b) if b.is_ascii_digit() => true,
        Some(b'-') => is_word_char_at(bytes, i + 1),
        Some(b'\'') => letter_len(bytes, i + 1) > 0,
        Some(0xE2) if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x99]) => {
            letter_len(bytes, i + 3) > 0
        }
        _ => false,
    }
}

/// A word with digits, inner apostrophes or hyphens: `COVID-19`, `PS4`,
/// `Rolls-Royce`, `Levi's`, `49X-6666`; an abbreviation when every part is
/// two or more capitals (`KH-ĐT`, `QĐ-UBND`). When every hyphen-joined part
/// is a Vietnamese syllable (`hòa-bình`, `Nga-Mỹ`), the syllables are split
/// instead: this returns the first, and the rest follow plainly.
fn compound(bytes: &[u8], start: usize, first: &LetterRun, st: &mut State) -> (usize, TokenKind) {
    let mut i = start;
    let mut case = CaseCount::default();
    let mut all_syllables = true;
    // Every part a run of two or more capitals: `KH-ĐT`, `QĐ-UBND`.
    let mut all_capitals = true;
    let mut parts = 0usize;
    loop {
        let part_start = i;
        let mut part_syllable = true;
        loop {
            if letter_len(bytes, i) > 0 {
                let run = if i == start {
                    None
                } else {
                    Some(LetterRun::scan(bytes, i))
                };
                let run = run.as_ref().unwrap_or(first);
                part_syllable &= i == part_start && run.is_syllable();
                all_capitals &= i == part_start && run.case.all_upper() && run.case.letters >= 2;
                case.add(run.case);
                i = run.end;
            } else if bytes.get(i).is_some_and(u8::is_ascii_digit) {
                part_syllable = false;
                all_capitals = false;
                i += 1;
            } else if i > part_start && joins_word(bytes, i) && bytes.get(i) != Some(&b'-') {
                // An apostrophe between letters.
                part_syllable = false;
                all_capitals = false;
                i += if bytes.get(i) == Some(&b'\'') { 1 } else { 3 };
            } else {
                break;
            }
        }
        parts += 1;
        all_syllables &= part_syllable && i > part_start;
        if bytes.get(i) == Some(&b'-') && is_word_char_at(bytes, i + 1) {
            i += 1;
        } else {
            break;
        }
    }
    if parts > 1 && all_syllables {
        st.plain_until = i;
        return (first.end, first.kind());
    }
    if all_capitals {
        return (i, TokenKind::Abbreviation);
    }
    (i, TokenKind::Word(case.casing()))
}

/// A letter run followed by a dot: an abbreviation from the list (`TP.HCM`,
/// `TP.`, `Q.1`, `v.v.`), a chain of capitals (`GS.TS`, `T.T.M`, `L.ANH`) or
/// an initial (`H.`). Returns the abbreviation's end.
fn dotted(text: &str, start: usize, run: &LetterRun) -> Option<usize> {
    let bytes = text.as_bytes();
    if let Some(end) = capital_chain(bytes, start, run) {
        return Some(end);
    }
    let end = abbrev::longest_at(text, start, |i| is_word_char_at(bytes, i))?;
    if bytes.get(end.wrapping_sub(1)) != Some(&b'.') {
        return Some(end);
    }
    // An ellipsis right after keeps all its dots (`v.v...`); what is left
    // is an abbreviation only if a dot remains inside it (`No..` is the
    // word `No` before an ellipsis).
    if bytes.get(end) == Some(&b'.') {
        return (end - 1 > run.end).then_some(end - 1);
    }
    Some(number_label_end(bytes, end))
}

/// Capitals joined by dots (`GS.TS`, `T.T.M`, `L.ANH`, `Q.1`), or a single
/// capital with its dot (`H.`). A chain that ends in a single capital keeps
/// the final dot (`T.T.M.`), unless an ellipsis follows. A single capital
/// with a mark that is a word of its own ends a sentence rather than being
/// an initial: `Đông Nam Á.`, `sang Ý.`.
fn capital_chain(bytes: &[u8], start: usize, run: &LetterRun) -> Option<usize> {
    if !run.case.all_upper() || run.case.letters > 5 {
        return None;
    }
    let marked_word = run.case.letters == 1 && run.end - start > 1 && run.is_syllable();
    if marked_word
        && !bytes
            .get(run.end + 1)
            .is_some_and(|&b| letter_len(bytes, run.end + 1) > 0 || b.is_ascii_digit())
    {
        return None;
    }
    let mut end = run.end;
    let mut last_single = run.case.letters == 1;
    let mut parts = 0;
    while bytes.get(end) == Some(&b'.') {
        let after = end + 1;
        if bytes.get(after).is_some_and(u8::is_ascii_digit) {
            end = number_label_end(bytes, after);
            last_single = false;
        } else if letter_len(bytes, after) > 0 {
            let part = LetterRun::scan(bytes, after);
            if !part.case.all_upper() {
                break;
            }
            last_single = part.case.letters == 1;
            end = part.end;
        } else {
            break;
        }
        parts += 1;
    }
    let initial_dot = last_single
        && bytes.get(end) == Some(&b'.')
        && bytes.get(end + 1) != Some(&b'.')
        && !is_word_char_at(bytes, end + 1);
    if initial_dot {
        return Some(end + 1);
    }
    (parts > 0).then_some(end)
}

fn digits_end(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(u8::is_ascii_digit) {
        i += 1;
    }
    i
}

/// The end of the number after an abbreviation's dot, with letters glued to
/// it: `Q.1`, `P.12`, `QL.1A` (national road 1A), `TL.10B`.
fn number_label_end(bytes: &[u8], i: usize) -> usize {
    let mut end = digits_end(bytes, i);
    while end > i && bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
        end += 1;
    }
    end
}

// ---------------------------------------------------------------------------
// Numbers

/// A token that starts with a digit.
fn number(text: &str, start: usize, st: &mut State) -> (usize, TokenKind) {
    let bytes = text.as_bytes();
    let run = DigitRun::scan(bytes, start);
    let end = run.end;
    let Some(&next) = bytes.get(end) else {
        return (end, TokenKind::Number(run.shape()));
    };
    if next == b' ' || next == b',' && !bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        return (end, TokenKind::Number(run.shape()));
    }
    if next == b'%' {
        match run.shape() {
            NumberShape::Number(numeral) => {
                return (end + 1, TokenKind::Number(NumberShape::Percent(numeral)));
            }
            // A range of percentages (`3,5-4%`) keeps its sign; the shape
            // stays a range, and the text says it is one of percentages.
            NumberShape::Range | NumberShape::DayMonth(number::Separator::Hyphen) => {
                return (end + 1, TokenKind::Number(NumberShape::Range));
            }
            _ => {}
        }
    }
    if let Some(time_end) = hour_letter(bytes, &run) {
        return (
            time_end,
            TokenKind::Number(NumberShape::Time(number::TimeStyle::HourLetter)),
        );
    }
    if run.is_doc_number() && doc_code::starts_at(bytes, end) {
        let has_slash = !run.is_integer();
        if let Some(code_end) = doc_code::scan(bytes, end, has_slash) {
            return (code_end, TokenKind::DocCode);
        }
    }
    if letter_len(bytes, end) > 0 {
        let letters = LetterRun::scan(bytes, end);
        let unit = text.get(end..letters.end).is_some_and(number::is_unit);
        let glued = joins_word(bytes, letters.end);
        if run.is_integer() && (glued || !unit) {
            // `4K`, `1A`, `53S5`, `49X-6666`: one word.
            if glued {
                let (word_end, kind) = compound(bytes, start, &letters, &mut State::default());
                return (word_end, kind_of_alnum(kind));
            }
            return (letters.end, TokenKind::Word(letters.case.casing()));
        }
        // `20km`, `140.000đ`, `1.600m`: the unit follows as a plain word.
        st.plain_until = letters.end;
    }
    (end, TokenKind::Number(run.shape()))
}

/// A word that started with digits is a word whatever its parts are.
fn kind_of_alnum(kind: TokenKind) -> TokenKind {
    match kind {
        TokenKind::Word(_) => kind,
        _ => TokenKind::Word(Casing::Mixed),
    }
}

/// `14h40`, `8h`, `14g30`: an hour (at most 24, one or two digits), the hour
/// letter, and two digits of minutes (optional after `h`).
fn hour_letter(bytes: &[u8], run: &DigitRun) -> Option<usize> {
    let hour = run.small_integer(2)?;
    let letter = *bytes.get(run.end)?;
    if hour > 24 || !matches!(letter, b'h' | b'H' | b'g') {
        return None;
    }
    let after = run.end + 1;
    let minutes = bytes
        .get(after..after + 2)
        .filter(|m| m.iter().all(u8::is_ascii_digit));
    if let Some(m) = minutes {
        let value = (m[0] - b'0') * 10 + (m[1] - b'0');
        if value <= 59 && !is_word_char_at(bytes, after + 2) {
            return Some(after + 2);
        }
    }
    (letter != b'g' && !is_word_char_at(bytes, after)).then_some(after)
}

// ---------------------------------------------------------------------------
// Bytes

/// Byte length of a Latin letter at `i`, or 0.
#[inline]
fn letter_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        None => 0,
        Some(b) if b.is_ascii_alphabetic() => 1,
        Some(&b) if b < 0x80 => 0,
        Some(_) => {
            let (c, len) = decode_char(bytes, i);
            if is_latin_letter(c) { len } else { 0 }
        }
    }
}

/// Byte length of a word character (Latin letter, digit, `_`, combining
/// mark) at `i`, or 0.
fn word_char_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        None => 0,
        Some(b) if b.is_ascii_alphanumeric() || *b == b'_' => 1,
        Some(&b) if b < 0x80 => 0,
        Some(_) => {
            let (c, len) = decode_char(bytes, i);
            if is_latin_letter(c) || is_combining(c) {
                len
            } else {
                0
            }
        }
    }
}

/// Whether a letter or digit starts at `i` (or, for a byte inside a
/// character, whether that character is one: used to look one byte back).
fn is_word_char_at(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i) {
        None => false,
        Some(b) if b.is_ascii_alphanumeric() => true,
        Some(&b) if b < 0x80 => false,
        Some(&b) if b & 0xC0 == 0x80 => {
            // A continuation byte: find the character it belongs to.
            let lead = (i.saturating_sub(3)..i)
                .rev()
                .find(|&k| bytes.get(k).is_some_and(|b| b & 0xC0 != 0x80));
            lead.is_some_and(|k| letter_len(bytes, k) > 0 || is_combining(decode_char(bytes, k).0))
        }
        Some(_) => letter_len(bytes, i) > 0 || is_combining(decode_char(bytes, i).0),
    }
}
