//! Recognising a legacy encoding by how Vietnamese its decoding looks.

use super::compose::{Composer, decode_bytes, repair_chars, restore_lost_u_horn};
use super::error::Errors;
use super::table::{self, WINDOWS_1252};
use super::{Encoding, viqr};
use crate::syllable::Syllable;

/// How much input detection looks at: the first 16 KiB (some 3,000 words),
/// cut at a space.
const SAMPLE: usize = 16 * 1024;

/// A guess of [`detect`] or [`detect_str`]: the encoding and how sure the
/// guess is.
///
/// The confidence, above 0 and at most 1, is the share of the words the
/// encoding changes that it turns into valid Vietnamese syllables, times the
/// share of all words that are valid syllables once decoded, times
/// `1 - 2^-n` for `n` words gained (one or two words are weak evidence).
/// Whole sentences of real legacy text score above 0.9.
///
/// ```
/// use vitext::decode::{detect, Encoding};
///
/// // A VISCII file's bytes: a whole sentence is strong evidence.
/// let bytes = Encoding::Viscii.encode("Người dân vui mừng đón Tết").unwrap();
/// let found = detect(&bytes).unwrap();
/// assert_eq!(found.encoding(), Encoding::Viscii);
/// assert!(found.confidence() > 0.9);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Detection {
    encoding: Encoding,
    confidence: f32,
}

impl Detection {
    /// The encoding found.
    ///
    /// ```
    /// use vitext::decode::{detect, Encoding};
    ///
    /// let bytes = Encoding::Vni.encode("Trường học mở cửa trở lại").unwrap();
    /// let found = detect(&bytes).unwrap();
    /// assert_eq!(found.encoding(), Encoding::Vni);
    /// assert_eq!(found.encoding().decode(&bytes).unwrap(), "Trường học mở cửa trở lại");
    /// ```
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// How sure the guess is, above 0 and at most 1.
    ///
    /// ```
    /// use vitext::decode::{detect, Encoding};
    ///
    /// let long = Encoding::Tcvn3.encode("Hội nghị bàn về phát triển kinh tế biển").unwrap();
    /// let short = Encoding::Tcvn3.encode("Hội nghị").unwrap();
    /// let long = detect(&long).unwrap().confidence();
    /// let short = detect(&short).unwrap().confidence();
    /// // One or two words are weak evidence; a sentence is strong.
    /// assert!(0.0 < short && short < long && long <= 1.0);
    /// ```
    pub fn confidence(&self) -> f32 {
        self.confidence
    }
}

/// Guesses the legacy encoding of raw bytes, or `None` when they do not
/// look like legacy Vietnamese.
///
/// Each encoding decodes the input word by word (words are split at ASCII
/// white space; a valid word is a [`Syllable`] written in lower case, title
/// case or capitals). A word the encoding changes (one with the encoding's
/// signature bytes, so that its decoding differs from how the bytes read as
/// Windows-1252) is evidence: for the encoding when it
/// becomes a valid syllable and was not one, against it when it is not one
/// after decoding, and none either way when it is one before and after. An
/// encoding is a candidate when at least 60% of that evidence is for it, at
/// least 60% of all words are valid once decoded, and more words are valid
/// than before; VIQR also needs one word with marks English punctuation
/// does not make (`^`, `(`, `+`, a grave or tilde, a tone inside a word,
/// `dd`). The candidate with the most valid words wins, then the one with
/// the higher confidence; ties go to TCVN3, then VNI, Windows-1258, VISCII.
/// Only the first 16 KiB are looked at.
///
/// Bytes that are valid UTF-8 and not all ASCII are Unicode text, not legacy
/// bytes: `detect` returns `None` for them (use [`detect_str`] to look for
/// mojibake inside text). Pure ASCII can only be VIQR.
///
/// Lines whose letters all read the same in Windows-1252 (`Ba má` in
/// Windows-1258 or VISCII) carry no evidence and give `None`; decoding them
/// as Windows-1252 is already right.
///
/// ```
/// use vitext::decode::{detect, Encoding};
///
/// let line = "Thủ tướng chủ trì cuộc họp";
/// for encoding in [Encoding::Tcvn3, Encoding::Vni, Encoding::Viscii, Encoding::Cp1258] {
///     let bytes = encoding.encode(line).unwrap();
///     assert_eq!(detect(&bytes).unwrap().encoding(), encoding);
/// }
/// assert_eq!(detect(line.as_bytes()), None);
/// assert_eq!(detect(b"Prices rose again in October."), None);
/// ```
pub fn detect(bytes: &[u8]) -> Option<Detection> {
    let sample = cut(bytes);
    if let Ok(text) = core::str::from_utf8(sample) {
        if !text.is_ascii() {
            return None;
        }
    }
    best(|encoding, scratch| score_bytes(sample, encoding, scratch))
}

/// Guesses which legacy encoding `text` holds as mojibake (legacy bytes read
/// as Windows-1252), or `None` when it does not look like any: ordinary
/// Unicode Vietnamese, English, or other languages with accents.
///
/// It works like [`detect`] on the bytes the characters stand for;
/// characters that no Windows-1252 byte reads as are kept as they are. What
/// keeps real Vietnamese text from being "repaired": its words are valid
/// syllables already, so changing them gains nothing, and words with letters
/// no Windows-1252 byte reads as (`ư`, `ạ`, `ế`) count against every
/// encoding. Pure ASCII can only be VIQR.
///
/// ```
/// use vitext::decode::{detect_str, Encoding};
///
/// let found = detect_str("Thuû töôùng chuû trì hoïp").unwrap();
/// assert_eq!(found.encoding(), Encoding::Vni);
/// assert!(found.confidence() > 0.9);
/// assert_eq!(detect_str("Le café était très célèbre à Paris, où l'été est doux."), None);
/// assert_eq!(detect_str("Die Straße in München ist schön."), None);
/// ```
pub fn detect_str(text: &str) -> Option<Detection> {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = text.get(..end).unwrap_or("");
    best(|encoding, scratch| score_str(sample, encoding, scratch))
}

/// The first [`SAMPLE`] bytes, cut after the last white space in them.
fn cut(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= SAMPLE {
        return bytes;
    }
    let head = bytes.get(..SAMPLE).unwrap_or(bytes);
    match head.iter().rposition(u8::is_ascii_whitespace) {
        Some(i) => head.get(..i).unwrap_or(head),
        None => head,
    }
}

/// Buffers reused across words.
#[derive(Default)]
struct Scratch {
    decoded: Composer,
    plain: Composer,
    /// How each word of the input parses as it is, once known.
    plain_cases: Vec<Option<Option<Cased>>>,
}

/// The cache slot of word `n`.
fn slot(cases: &mut Vec<Option<Option<Cased>>>, n: usize) -> &mut Option<Option<Cased>> {
    if cases.len() <= n {
        cases.resize(n + 1, None);
    }
    &mut cases[n]
}

/// Evidence for one encoding.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    /// Words with at least one letter after decoding.
    words: u32,
    /// Of those, the ones that are valid syllables once decoded.
    valid: u32,
    /// The ones that are valid syllables as the input reads.
    valid_before: u32,
    /// Words the encoding changes that become valid syllables.
    gained: u32,
    /// Words the encoding changes from a valid syllable to an invalid one.
    broken: u32,
    /// Words the encoding changes that are invalid before and after.
    junk: u32,
    /// Gained words whose marks only VIQR writes and English punctuation
    /// does not: a modifier, a tone inside the word, `dd`.
    strong: u32,
    /// Valid syllables with a Vietnamese letter that no Windows-1252 byte
    /// reads as (`ư`, `ạ`, `ế`): real Unicode Vietnamese, which mojibake
    /// cannot hold.
    native: u32,
}

impl Tally {
    /// Whether the evidence is enough to name the encoding, and how strong
    /// it is.
    fn confidence(&self, encoding: Encoding) -> Option<f32> {
        if self.gained == 0
            || self.words == 0
            || self.valid <= self.valid_before
            || self.gained <= self.native
        {
            return None;
        }
        if encoding == Encoding::Viqr && self.strong == 0 {
            return None;
        }
        let evidence = (self.gained + self.broken + self.junk) as f32;
        let gained_share = self.gained as f32 / evidence;
        let valid_share = self.valid as f32 / self.words as f32;
        if gained_share < 0.6 || valid_share < 0.6 {
            return None;
        }
        // One or two words are weak evidence.
        let amount = 1.0 - 0.5f32.powi(self.gained.min(16) as i32);
        Some((gained_share * valid_share * amount).clamp(0.0, 1.0))
    }

    /// Counts one word. `cached` holds how the unchanged word parses, shared
    /// by the encodings that leave the word alone.
    fn add(
        &mut self,
        decoded: &str,
        plain: &str,
        encoding: Encoding,
        cached: &mut Option<Option<Cased>>,
    ) {
        let word = trim(decoded);
        if word.is_empty() {
            return;
        }
        let case = if decoded == plain {
            *cached.get_or_insert_with(|| syllable_case(word))
        } else {
            syllable_case(word)
        };
        let valid = match case {
            Some(Cased::Usual) => true,
            // TCVN3 has no toned capitals, so capitals typed in the plain
            // font come out with lower-case marked letters (`VIệT`). Such a
            // word is not evidence for TCVN3 over the others, nor against
            // it: leave it out.
            Some(Cased::Tcvn3Capitals) if encoding == Encoding::Tcvn3 => return,
            _ => false,
        };
        self.words += 1;
        self.valid += u32::from(valid);
        if decoded == plain {
            self.valid_before += u32::from(valid);
            let native = || {
                word.chars()
                    .any(|c| c > '\u{ff}' && table::mojibake_byte(c).is_none())
            };
            if valid && native() {
                self.native += 1;
            }
            return;
        }
        let was_valid = syllable_case(trim_plain(plain, decoded)) == Some(Cased::Usual);
        self.valid_before += u32::from(was_valid);
        // A lone letter (`“` is `Ộ` in VISCII) proves little.
        let lone = word.chars().nth(1).is_none();
        match (was_valid, valid) {
            (false, true) if lone => {}
            (false, true) => {
                self.gained += 1;
                if encoding == Encoding::Viqr && is_strong_viqr(plain) {
                    self.strong += 1;
                }
            }
            (true, false) => self.broken += 1,
            (false, false) => self.junk += 1,
            // Both readings are Vietnamese: no evidence either way.
            (true, true) => {}
        }
    }
}

/// Runs `score` for every encoding and returns the best guess: the one
/// under which most words are valid syllables, then the one with the
/// larger share of gained words. Ties go to the earlier encoding in
/// [`PREFERENCE`].
fn best(mut score: impl FnMut(Encoding, &mut Scratch) -> Tally) -> Option<Detection> {
    let mut scratch = Scratch::default();
    let mut best: Option<(Detection, u32)> = None;
    for encoding in PREFERENCE {
        let tally = score(encoding, &mut scratch);
        let Some(confidence) = tally.confidence(encoding) else {
            continue;
        };
        let better = match best {
            None => true,
            Some((b, b_valid)) => (tally.valid, confidence) > (b_valid, b.confidence),
        };
        if better {
            best = Some((
                Detection {
                    encoding,
                    confidence,
                },
                tally.valid,
            ));
        }
    }
    best.map(|(d, _)| d)
}

/// The order ties are broken in: Windows-1258 and VISCII decode many
/// letters the same way (both keep Latin-1's `à á â ã è é …`), and
/// Windows-1258 is the more common.
const PREFERENCE: [Encoding; 5] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Cp1258,
    Encoding::Viscii,
    Encoding::Viqr,
];

fn score_bytes(bytes: &[u8], encoding: Encoding, scratch: &mut Scratch) -> Tally {
    let mut tally = Tally::default();
    let words = bytes
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty());
    for (n, word) in words.enumerate() {
        scratch.decoded.clear();
        scratch.plain.clear();
        let decoded = match table::table(encoding) {
            Some(t) => decode_bytes(t, encoding, word, &mut scratch.decoded, Errors::Replace),
            None => viqr::decode(
                viqr::bytes(word),
                encoding,
                &mut scratch.decoded.text,
                Errors::Replace,
            ),
        };
        let plain = decode_bytes(
            &WINDOWS_1252,
            encoding,
            word,
            &mut scratch.plain,
            Errors::Replace,
        );
        if decoded.is_ok() && plain.is_ok() {
            let cached = slot(&mut scratch.plain_cases, n);
            tally.add(&scratch.decoded.text, &scratch.plain.text, encoding, cached);
        }
    }
    tally
}

fn score_str(text: &str, encoding: Encoding, scratch: &mut Scratch) -> Tally {
    let mut tally = Tally::default();
    // As in `Encoding::repair`: TCVN3 mojibake that lost its soft hyphens
    // lost its `ư` (`Mêng` for `Mường`).
    let lost_u_horn = encoding == Encoding::Tcvn3 && !text.contains('\u{ad}');
    let words = text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty());
    for (n, word) in words.enumerate() {
        scratch.decoded.clear();
        let decoded = match table::table(encoding) {
            Some(t) => repair_chars(t, encoding, word, &mut scratch.decoded, Errors::Replace),
            None => viqr::decode(
                viqr::chars(word),
                encoding,
                &mut scratch.decoded.text,
                Errors::Replace,
            )
            .map(|()| scratch.decoded.text != word),
        };
        if lost_u_horn && decoded == Ok(true) {
            restore_lost_u_horn(&mut scratch.decoded.text);
        }
        match decoded {
            Ok(true) => {
                let mut cached = *slot(&mut scratch.plain_cases, n);
                tally.add(&scratch.decoded.text, word, encoding, &mut cached);
            }
            Ok(false) => tally.add(word, word, encoding, slot(&mut scratch.plain_cases, n)),
            Err(_) => {}
        }
    }
    tally
}

/// How a valid syllable is cased.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cased {
    /// One of the three cases text uses: `việt`, `Việt`, `VIỆT`.
    Usual,
    /// Capitals but for lower-case marked letters (`VIệT`), as TCVN3 writes
    /// capitals in its lower-case font.
    Tcvn3Capitals,
}

/// Whether `word` is a valid syllable, and how it is cased; `None` for an
/// invalid syllable or a mix of cases a wrong decoding makes (`GIếM` from
/// VISCII bytes read as TCVN3, `vIệT`).
fn syllable_case(word: &str) -> Option<Cased> {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    let first_upper = letters.next().is_some_and(char::is_uppercase);
    let (mut upper, mut lower, mut lower_ascii) = (0u32, 0u32, 0u32);
    for c in letters {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
            lower_ascii += u32::from(c.is_ascii());
        }
    }
    let cased = if upper == 0 || (lower == 0 && first_upper) {
        Cased::Usual
    } else if first_upper && lower_ascii == 0 {
        Cased::Tcvn3Capitals
    } else {
        return None;
    };
    Syllable::parse(word).map(|_| cased)
}

/// The word without the punctuation around it.
fn trim(word: &str) -> &str {
    let keep = |c: char| c.is_alphabetic() || crate::chars::is_combining(c);
    word.trim_start_matches(|c: char| !c.is_alphabetic())
        .trim_end_matches(|c: char| !keep(c))
}

/// The input's reading of a word without the punctuation that the decoding
/// keeps too. What the decoding changes is not stripped: `®i` (TCVN3 `đi`)
/// must not pass for the syllable `i`, nor VIQR `ca'` for `ca`.
fn trim_plain<'a>(plain: &'a str, decoded: &str) -> &'a str {
    let (mut p, mut d) = (plain, decoded);
    while let (Some(a), Some(b)) = (p.chars().next(), d.chars().next()) {
        if a != b || a.is_alphabetic() {
            break;
        }
        p = p.get(a.len_utf8()..).unwrap_or("");
        d = d.get(b.len_utf8()..).unwrap_or("");
    }
    while let (Some(a), Some(b)) = (p.chars().next_back(), d.chars().next_back()) {
        if a != b || a.is_alphabetic() {
            break;
        }
        p = p.get(..p.len() - a.len_utf8()).unwrap_or("");
        d = d.get(..d.len() - b.len_utf8()).unwrap_or("");
    }
    p
}

/// Whether a VIQR word carries marks that English punctuation does not
/// make: a modifier (`^ ( +`), a grave or tilde, a tone mark followed by a
/// letter, or a `dd` onset. A lone `.`, `?` or `'` at the end of a word
/// (`go.`) is not.
fn is_strong_viqr(raw: &str) -> bool {
    let word = raw.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.starts_with("dd") || word.starts_with("DD") || word.starts_with("Dd") {
        return true;
    }
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '^' | '(' | '+' | '`' | '~' => return true,
            '\'' | '.' | '?' if chars.peek().is_some_and(|n| n.is_alphabetic()) => return true,
            _ => {}
        }
    }
    false
}
