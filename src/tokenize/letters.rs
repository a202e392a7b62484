//! Letter runs: the scanner's hot loop, and the syllable check on it.
//!
//! A run of Latin letters is read through tables that give, for every
//! letter of the Vietnamese model, its six-bit toneless code, its tone and
//! its case. The plain path ([`plain_run`]) steps the spelling automaton
//! (see `validity`) on each code as it reads, gathers the tones and the
//! case bits in one union, and turns the lot into a kind by table lookups,
//! without a branch on what the letters spell. The general path
//! ([`LetterRun`]) also takes letters outside the model and combining
//! marks; decomposed input goes to the exact, slower check: the syllable
//! parser.

use super::validity;
use super::{Casing, TokenKind};
use crate::chars::{
    self, FACT_TONE_AT, FACT_UPPER, FACT_WIDE, decode, decode_char, is_combining, is_latin_letter,
};
use crate::letter::CombiningMark;
use crate::syllable::{MAX_LETTERS, Syllable};

/// Running counts for a token's [`Casing`].
#[derive(Clone, Copy, Default)]
pub(super) struct CaseCount {
    pub letters: usize,
    pub upper: usize,
    pub first_upper: bool,
}

impl CaseCount {
    pub fn add(&mut self, other: CaseCount) {
        if self.letters == 0 {
            self.first_upper = other.first_upper;
        }
        self.letters += other.letters;
        self.upper += other.upper;
    }

    pub fn casing(self) -> Casing {
        if self.upper == 0 {
            Casing::Lower
        } else if self.upper == self.letters && self.letters >= 2 {
            Casing::Upper
        } else if self.first_upper && self.upper == 1 {
            Casing::Title
        } else {
            Casing::Mixed
        }
    }

    pub fn all_upper(self) -> bool {
        self.letters > 0 && self.upper == self.letters
    }
}

/// What the byte after a run of letters says about where the word ends,
/// for the plain path.
#[derive(Clone, Copy, PartialEq, Eq)]
enum After {
    /// A space: the word ends here, and the space is no token either, so
    /// the scan goes on after it.
    Space,
    /// White space, a control or a mark that no word runs into: the word
    /// ends here, whatever it is.
    Ends,
    /// The word may go on (a letter, a digit, `'`, `-`), or the byte starts
    /// a character the plain path does not know: take the general path.
    Unsure,
    /// `:` `@` `_` `+`: these may join an e-mail address or URL of ASCII
    /// letters, and end any other word.
    EndsUnlessAscii,
    /// `.`: a sentence's period after a word of two or more letters, in
    /// lower or title case, with a letter outside ASCII: such a word is no
    /// URL, e-mail address, chain of capitals or initial, and no listed
    /// abbreviation (a test in `abbrev` keeps the list so). Any other word
    /// before a period takes the general path.
    Period,
    /// 0xE2, which starts general punctuation (quotes, dashes, ellipsis).
    Punctuation,
}

/// [`After`] for each byte. The end of the text is not in it: the caller
/// reads it as [`After::Ends`].
const AFTER: [After; 256] = {
    let mut table = [After::Unsure; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        table[b] = match c {
            b'.' => After::Period,
            b':' | b'@' | b'_' | b'+' => After::EndsUnlessAscii,
            b'\'' | b'-' => After::Unsure,
            _ if c.is_ascii_alphanumeric() => After::Unsure,
            b' ' => After::Space,
            _ => After::Ends,
        };
        b += 1;
    }
    table[0xE2] = After::Punctuation;
    table
};

/// Whether a word of `casing` that is not all ASCII (`vietnamese`) and has
/// at least two letters ends before the mark at `i` (see [`After`]). The
/// caller answers the common cases, [`After::Space`], [`After::Ends`] and
/// [`After::Unsure`], itself; this one is kept out of line so that the rare
/// ones do not crowd the hot loop's registers.
#[inline(never)]
fn ends_at_mark(bytes: &[u8], i: usize, after: After, vietnamese: bool, casing: Casing) -> bool {
    match after {
        After::Space | After::Ends => true,
        After::Unsure => false,
        After::EndsUnlessAscii => vietnamese,
        After::Period => vietnamese && matches!(casing, Casing::Lower | Casing::Title),
        // General punctuation (U+2000 to U+203F), but for the apostrophe
        // `’`, which joins `H’Mông`.
        After::Punctuation => {
            bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2).is_some_and(|&b| b != 0x99)
        }
    }
}

/// Every table the plain path reads, in one structure. The path is inlined
/// into the caller's crate, where each static of this one is reached
/// through an address of its own; one address for all of them leaves
/// registers for the scan.
struct PlainTables {
    ascii: [u8; 256],
    leads: [u32; 256],
    wide: [u16; chars::SLOTS],
    after: [After; 256],
    kinds: [TokenKind; 16],
    automaton: validity::Automaton,
}

static PLAIN: PlainTables = PlainTables {
    ascii: chars::ASCII_FACTS,
    leads: chars::LEADS,
    wide: chars::WIDE_FACTS,
    after: AFTER,
    kinds: PLAIN_KINDS,
    automaton: validity::Automaton::TABLES,
};

/// The facts ([`chars::WIDE_FACTS`]) of the letter at `i`, and its length
/// in bytes, from the plain path's copy of the tables. The facts are 0 for
/// anything that is no letter of the model, and the length is then of no
/// use.
#[inline(always)]
fn plain_letter(bytes: &[u8], i: usize) -> (u16, usize) {
    let Some(&b) = bytes.get(i) else {
        return (0, 1);
    };
    if b < 0x80 {
        return (u16::from(PLAIN.ascii[usize::from(b)]), 1);
    }
    let (slot, len) = chars::letter_slot_in(&PLAIN.leads, b, bytes, i);
    (PLAIN.wide[slot], len)
}

/// The casing of a run by [`casing_bits`].
const CASINGS: [Casing; 8] = {
    let mut table = [Casing::Mixed; 8];
    // No capital after a first small letter, or after a first capital.
    table[0b000] = Casing::Lower;
    table[0b100] = Casing::Lower;
    table[0b001] = Casing::Title;
    table[0b101] = Casing::Title;
    // Capitals only, more than one.
    table[0b011] = Casing::Upper;
    table
};

/// Three bits that decide a run's casing, taken without a branch: bit 0 the
/// first letter is a capital, bit 1 a later one is, bit 2 a later one is a
/// small letter. `rest` is the union of the facts of the letters after the
/// first.
#[inline(always)]
fn casing_bits(first: u16, rest: u16) -> usize {
    usize::from((first >> 6) & 1 | (rest >> 5) & 6)
}

/// The kind of a plain run by whether it is a syllable (bit 3) and by
/// [`casing_bits`]: a syllable in its casing, else all capitals make an
/// abbreviation, and anything else a word.
const PLAIN_KINDS: [TokenKind; 16] = {
    let mut table = [TokenKind::Abbreviation; 16];
    let mut bits = 0;
    while bits < 8 {
        let casing = CASINGS[bits];
        table[8 | bits] = TokenKind::Syllable(casing);
        if !matches!(casing, Casing::Upper) {
            table[bits] = TokenKind::Word(casing);
        }
        bits += 1;
    }
    table
};

/// The common token in one pass: a run of letters of the model, ASCII or
/// precomposed, followed by something that cannot continue it (see
/// [`After`]: white space, most marks, general punctuation, and a period
/// after a word that can be no abbreviation, URL or e-mail address). Returns
/// its end, where the scan goes on (past a space that ends it: the byte is
/// read here anyway, and reading it again before the next token would put
/// it on the chain from one token's end to the next one's start), and its
/// kind, the same as [`LetterRun::kind`] gives; `None` for anything else
/// (another character in the run, one after it that may continue it),
/// which the general scanner takes.
///
/// Nothing here branches on what the letters spell: the spelling
/// automaton's state, the tones and the case bits flow into the kind
/// through table lookups only, so the processor need not wait for the
/// automaton's chain of loads to go on to the next token.
#[inline(always)]
pub(super) fn plain_run(bytes: &[u8], start: usize) -> Option<(usize, usize, TokenKind)> {
    let (first, len) = plain_letter(bytes, start);
    if first == 0 {
        return None;
    }
    // The spelling automaton, stepped on every letter.
    let mut state = PLAIN.automaton.step(validity::START, first as u8);
    // The union of the facts of the letters after the first: tones, and
    // small letters and capitals seen.
    let mut rest = 0u16;
    let second = start + len;
    let mut i = second;
    while let Some(&b) = bytes.get(i) {
        // ASCII letters first: the table is 0 for every byte from 0x80 on.
        let ascii = u16::from(PLAIN.ascii[usize::from(b)]);
        let (info, len) = if ascii != 0 {
            (ascii, 1)
        } else if b >= 0x80 {
            let (info, len) = plain_letter(bytes, i);
            if info == 0 {
                break;
            }
            (info, len)
        } else {
            break;
        };
        state = PLAIN.automaton.step(state, info as u8);
        rest |= info;
        i += len;
    }
    let case_bits = casing_bits(first, rest);
    let any = first | rest;
    let next = word_ends(
        bytes,
        i,
        bytes.get(i).copied(),
        || any & FACT_WIDE != 0 && i > second,
        || CASINGS[case_bits],
    )?;
    let valid = PLAIN
        .automaton
        .is_valid_with_tones(state, u32::from(any >> FACT_TONE_AT));
    let kind = PLAIN.kinds[usize::from(valid) << 3 | case_bits];
    Some((i, next, kind))
}

/// Where the scan goes on after a word that ends at `i`, before the byte
/// `next` (`None` at the end of the text): past it when it is a space, else
/// at `i`; `None` when the word may go on there, or the plain path cannot
/// tell (see [`After`]). Whether the word has a letter outside ASCII and
/// two letters or more (`vietnamese`), and its casing, are asked for only
/// before the rarer marks.
#[inline(always)]
pub(super) fn word_ends(
    bytes: &[u8],
    i: usize,
    next: Option<u8>,
    vietnamese: impl FnOnce() -> bool,
    casing: impl FnOnce() -> Casing,
) -> Option<usize> {
    let after = next.map_or(After::Ends, |b| PLAIN.after[usize::from(b)]);
    let ends = if matches!(after, After::Space | After::Ends) {
        true
    } else if after == After::Unsure {
        false
    } else {
        ends_at_mark(bytes, i, after, vietnamese(), casing())
    };
    ends.then_some(i + usize::from(after == After::Space))
}

/// A maximal run of Latin letters and the combining marks after them.
pub(super) struct LetterRun {
    /// One past the run's last byte.
    pub end: usize,
    /// Letters seen.
    pub count: usize,
    /// Every character is a letter of the Vietnamese model (or a Vietnamese
    /// mark that applies to the letter before it), as `Syllable::parse` needs.
    pub model: bool,
    pub case: CaseCount,
    /// The spelling automaton after the run's letters (see `validity`).
    state: validity::State,
    /// The tones written, one bit per index in [`Tone::ALL`](crate::letter::Tone::ALL) (level excluded).
    tones: u8,
    /// The parser's answer, for runs with combining marks.
    parsed: Option<bool>,
}

impl LetterRun {
    /// Scans from `start`, which holds a Latin letter.
    #[inline(always)]
    pub fn scan(bytes: &[u8], start: usize) -> LetterRun {
        let mut state = validity::START;
        let mut tones = 0u8;
        let mut count = 0usize;
        let mut upper = 0usize;
        let mut model = true;
        let mut marks = false;
        let mut i = start;
        loop {
            // ASCII letters: one byte each, never a tone.
            let rest = bytes.get(i..).unwrap_or_default();
            let mut n = 0;
            for &b in rest {
                // The plain path's facts: no ASCII letter has a tone.
                let facts = PLAIN.ascii[usize::from(b)];
                if facts == 0 {
                    break;
                }
                state = PLAIN.automaton.step(state, facts & 0x3F);
                upper += usize::from(u16::from(facts) & FACT_UPPER != 0);
                n += 1;
            }
            count += n;
            i += n;
            if rest.get(n).is_none_or(|&b| b < 0x80) {
                break;
            }
            let (facts, len) = plain_letter(bytes, i);
            if facts != 0 {
                state = PLAIN.automaton.step(state, facts as u8);
                // (The tone's bits alone: `FACT_WIDE` is above them.)
                tones |= (facts >> FACT_TONE_AT) as u8 & 0x3E;
                upper += usize::from(facts & FACT_UPPER != 0);
                count += 1;
                i += len;
                continue;
            }
            let (cp, len) = decode(bytes, i);
            {
                let c = char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER);
                if CombiningMark::from_char(c).is_some() {
                    marks = true;
                } else if is_combining(c) {
                    model = false;
                } else if is_latin_letter(c) {
                    model = false;
                    upper += usize::from(c.is_uppercase());
                    count += 1;
                } else {
                    break;
                }
            }
            i += len;
        }
        let first_upper = match bytes.get(start) {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => match plain_letter(bytes, start) {
                (0, _) => decode_char(bytes, start).0.is_uppercase(),
                (facts, _) => facts & FACT_UPPER != 0,
            },
        };
        // Decomposed text takes the exact, slower path: the parser itself.
        let parsed = (marks && model).then(|| {
            let text = bytes
                .get(start..i)
                .and_then(|b| core::str::from_utf8(b).ok());
            text.is_some_and(|t| Syllable::parse(t).is_some())
        });
        LetterRun {
            end: i,
            count,
            model,
            case: CaseCount {
                letters: count,
                upper,
                first_upper,
            },
            state,
            tones,
            parsed,
        }
    }

    /// Whether the run is one valid Vietnamese syllable; agrees with
    /// [`Syllable::parse`](crate::Syllable::parse) on the run's text.
    #[inline(always)]
    pub fn is_syllable(&self) -> bool {
        if let Some(parsed) = self.parsed {
            return parsed;
        }
        // At most one tone may be written (the same one twice counts once):
        // the tone sets the automaton accepts say so.
        self.model
            && (1..=MAX_LETTERS).contains(&self.count)
            && PLAIN
                .automaton
                .is_valid_with_tones(self.state, u32::from(self.tones))
    }

    /// The kind of the run as a token of its own. Inlined, so that the
    /// run's fields stay in registers on the hot path.
    #[inline(always)]
    pub fn kind(&self) -> TokenKind {
        if self.is_syllable() {
            TokenKind::Syllable(self.case.casing())
        } else if self.case.casing() == Casing::Upper {
            TokenKind::Abbreviation
        } else {
            TokenKind::Word(self.case.casing())
        }
    }
}
