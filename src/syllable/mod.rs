//! The Vietnamese syllable: parse, validate, render.
//!
//! A written syllable is an onset, an optional glide (`o`/`u` in `hoa`,
//! `thuê`), a nucleus, a coda and a tone. [`Syllable::parse`] takes one
//! written syllable apart and says whether it is a syllable Vietnamese can
//! have; [`Syllable::render`] writes it back with the tone mark where a chosen
//! [`TonePlacement`] puts it.
//!
//! ```
//! use vitext::syllable::{Coda, Onset, Syllable, TonePlacement};
//! use vitext::letter::Tone;
//!
//! let s = Syllable::parse("Thủy").unwrap();
//! assert_eq!(s.onset(), Onset::Th);
//! assert_eq!(s.rime(), "uy");
//! assert_eq!(s.tone(), Tone::Hook);
//! assert_eq!(s.render(TonePlacement::Modern), "Thuỷ");
//! assert_eq!(s.render(TonePlacement::Traditional), "Thủy");
//!
//! // `gi` and `qu` are onsets; closed syllables have one placement only.
//! assert_eq!(Syllable::parse("giữ").unwrap().onset(), Onset::Gi);
//! assert_eq!(Syllable::parse("gì").unwrap().onset(), Onset::G);
//! assert_eq!(Syllable::parse("khuyến").unwrap().coda(), Coda::N);
//!
//! // Names and loanwords that Vietnamese phonotactics rules out.
//! assert!(Syllable::parse("Jean").is_none());
//! assert!(Syllable::parse("Krông").is_none());
//! assert!(Syllable::parse("hát").is_some());
//! assert!(Syllable::parse("hàt").is_none()); // -t takes only sắc or nặng
//! ```

mod rime;

use core::fmt;

use crate::letter::{CombiningMark, Letter, Modifier, Tone};
use rime::{CodaRule, Rime};

/// The vowel clusters of the rime inventory (`"a"`, `"oai"`, `"ươ"`, …), for
/// tests that walk every rime.
#[cfg(test)]
pub(crate) fn rime_keys() -> impl Iterator<Item = &'static str> {
    rime::RIMES.iter().map(|r| r.key)
}

/// The most letters a Vietnamese syllable has (`nghiêng` has seven).
///
/// ```
/// use vitext::syllable::{Syllable, MAX_LETTERS};
///
/// assert_eq!("nghiêng".chars().count(), MAX_LETTERS);
/// assert!(Syllable::is_valid("nghiêng"));
/// assert!(!Syllable::is_valid("nghiêngg"));
/// ```
pub const MAX_LETTERS: usize = 7;

/// Where to write the tone mark of open `oa`, `oe` and `uy` syllables, the only
/// syllables whose placement is a matter of style.
///
/// The two styles are often called "old" and "new", in opposite senses by
/// different tools; vitext names them by rule.
///
/// ```
/// use vitext::syllable::{Syllable, TonePlacement};
///
/// let s = Syllable::parse("thuý").unwrap();
/// assert_eq!(s.render(TonePlacement::Traditional), "thúy");
/// assert_eq!(s.render(TonePlacement::Modern), "thuý");
/// assert_eq!(s.render(TonePlacement::Keep), "thuý");
/// assert_eq!(TonePlacement::default(), TonePlacement::Keep);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum TonePlacement {
    /// Leave a correct placement as written; only move marks that are on a
    /// letter no style allows (`baì` → `bài`).
    #[default]
    Keep,
    /// The mark on the first vowel of open `oa`/`oe`/`uy`: `hòa`, `khỏe`,
    /// `thủy`. Also called the old or classic style; most Vietnamese news
    /// uses it.
    Traditional,
    /// The mark on the main vowel: `hoà`, `khoẻ`, `thuỷ`. Also called the
    /// new style; the 1980s spelling reform's recommendation.
    Modern,
}

/// The initial consonant of a syllable, as written.
///
/// ```
/// use vitext::syllable::{Onset, Syllable};
///
/// let onset = |s| Syllable::parse(s).unwrap().onset();
/// assert_eq!(onset("nghĩ"), Onset::Ngh);
/// assert_eq!(onset("đường"), Onset::Dd);
/// assert_eq!(onset("quê"), Onset::Qu);
/// assert_eq!(onset("ước"), Onset::None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[allow(missing_docs)] // The variant names are the spellings.
#[non_exhaustive]
pub enum Onset {
    /// No written onset (`anh`, `ước`).
    None,
    B,
    C,
    Ch,
    D,
    /// `đ`.
    Dd,
    G,
    Gh,
    /// `gi` before another vowel (`già`, `giữ`); in `gì`, `gìn` the `i` is the
    /// nucleus and the onset is `g`.
    Gi,
    H,
    K,
    Kh,
    L,
    M,
    N,
    Ng,
    Ngh,
    Nh,
    P,
    Ph,
    /// `qu`: the `u` belongs to the onset (`quý`, `quả`).
    Qu,
    R,
    S,
    T,
    Th,
    Tr,
    V,
    X,
}

/// The final sound of a syllable: a consonant, a semivowel, or nothing.
///
/// ```
/// use vitext::syllable::{Coda, Syllable};
///
/// let coda = |s| Syllable::parse(s).unwrap().coda();
/// assert_eq!(coda("sách"), Coda::Ch);
/// assert_eq!(coda("không"), Coda::Ng);
/// // The final `i` of `tuổi` and `o` of `kéo` are semivowel codas.
/// assert_eq!(coda("tuổi"), Coda::I);
/// assert_eq!(coda("kéo"), Coda::O);
/// assert_eq!(coda("mẹ"), Coda::None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[allow(missing_docs)] // The variant names are the spellings.
#[non_exhaustive]
pub enum Coda {
    /// An open syllable (`ba`, `hoa`).
    None,
    C,
    Ch,
    M,
    N,
    Ng,
    Nh,
    P,
    T,
    /// Semivowel `i` (`tai`, `người`).
    I,
    /// Semivowel `y` (`tay`, `khuấy`).
    Y,
    /// Semivowel `o` (`cao`, `ngoẹo`).
    O,
    /// Semivowel `u` (`cau`, `rượu`).
    U,
}

impl Coda {
    /// Whether this coda is a consonant.
    ///
    /// ```
    /// use vitext::syllable::{Coda, Syllable};
    ///
    /// assert!(Syllable::parse("làm").unwrap().coda().is_consonant());
    /// // The `u` of `đâu` is a semivowel, not a consonant.
    /// assert!(!Syllable::parse("đâu").unwrap().coda().is_consonant());
    /// assert!(!Coda::None.is_consonant());
    /// ```
    pub const fn is_consonant(self) -> bool {
        matches!(
            self,
            Coda::C | Coda::Ch | Coda::M | Coda::N | Coda::Ng | Coda::Nh | Coda::P | Coda::T
        )
    }

    /// Whether this is a stop (`-c -ch -p -t`), which takes only the sắc or
    /// nặng tone.
    ///
    /// ```
    /// use vitext::syllable::{Coda, Syllable};
    ///
    /// let s = Syllable::parse("học").unwrap();
    /// assert!(s.coda().is_stop());
    /// // Nasal codas are not stops, so `làng` may take the huyền tone …
    /// assert!(!Coda::Ng.is_stop());
    /// assert!(Syllable::is_valid("làng"));
    /// // … but `-p` is, and `hộp` must not.
    /// assert!(Syllable::is_valid("hộp"));
    /// assert!(!Syllable::is_valid("hồp"));
    /// ```
    pub const fn is_stop(self) -> bool {
        matches!(self, Coda::C | Coda::Ch | Coda::P | Coda::T)
    }
}

/// A parsed Vietnamese syllable.
///
/// Built by [`Syllable::parse`]; it keeps every letter with its case, the
/// tone, and which letter carried the tone in the input.
///
/// ```
/// use vitext::letter::Tone;
/// use vitext::syllable::{Coda, Onset, Syllable};
///
/// // `nghiêng`: onset `ngh`, nucleus `iê`, coda `ng`, level tone.
/// let s = Syllable::parse("nghiêng").unwrap();
/// assert_eq!(s.onset(), Onset::Ngh);
/// assert_eq!(s.rime(), "iê");
/// assert_eq!(s.coda(), Coda::Ng);
/// assert_eq!(s.tone(), Tone::Level);
/// assert_eq!(s.letters().len(), vitext::syllable::MAX_LETTERS);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Syllable {
    letters: [Letter; MAX_LETTERS],
    len: u8,
    onset: Onset,
    onset_len: u8,
    rime: &'static Rime,
    coda: Coda,
    tone: Tone,
    written_at: Option<u8>,
    repaired: bool,
}

impl PartialEq for Syllable {
    fn eq(&self, other: &Syllable) -> bool {
        self.letters() == other.letters()
            && self.tone == other.tone
            && self.written_at == other.written_at
    }
}

impl Eq for Syllable {}

/// Why a run of letters could not be collected for parsing.
enum Collected {
    Letters(usize),
    Rejected,
}

impl Syllable {
    /// Parses one written syllable, in any case and in composed or decomposed
    /// form, with the tone mark on any of its vowels. Returns `None` when the
    /// text is not a Vietnamese syllable (loanwords, names such as `Jean` or
    /// `Krông`, anything with digits, spaces or other marks).
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    /// // Misplaced and decomposed marks parse; the tone is the syllable's.
    /// let s = Syllable::parse("nghie\u{323}\u{302}m").unwrap();
    /// assert_eq!(s.to_string(), "nghiệm");
    /// let s = Syllable::parse("chìêu").unwrap();
    /// assert_eq!(s.to_string(), "chiều");
    /// ```
    pub fn parse(text: &str) -> Option<Syllable> {
        let mut letters = [Letter::from_char('a')?; MAX_LETTERS];
        match collect_letters(text, &mut letters) {
            Collected::Letters(n) => Syllable::from_letters(&letters[..n]),
            Collected::Rejected => None,
        }
    }

    /// Whether `text` is one valid Vietnamese syllable.
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    /// assert!(Syllable::is_valid("Nguyễn"));
    /// assert!(!Syllable::is_valid("Facebook"));
    /// ```
    pub fn is_valid(text: &str) -> bool {
        Syllable::parse(text).is_some()
    }

    /// Parses a syllable from letters already taken apart. At most one tone
    /// may be written (the same tone twice counts once).
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// use vitext::syllable::Syllable;
    /// let letters: Vec<Letter> = "ngưòi".chars().filter_map(Letter::from_char).collect();
    /// let s = Syllable::from_letters(&letters).unwrap();
    /// assert_eq!(s.to_string(), "người");
    /// assert!(s.is_repaired()); // the missing horn of ươ
    /// ```
    pub fn from_letters(input: &[Letter]) -> Option<Syllable> {
        let (mut letters, tone, mut written_at) = strip_tone(input)?;
        let mut len = input.len();
        let (mut onset, mut onset_len) = split_onset(&letters[..len])?;
        let mut repaired = drop_slipped_h(&mut letters, &mut len, &mut onset, &mut onset_len);
        if repaired {
            written_at = written_at.map(|i| i.saturating_sub(1));
        }
        let rest = &letters[onset_len..len];
        let vowels = rest.iter().take_while(|l| l.is_vowel()).count();
        if vowels == 0 || vowels > 3 {
            return None;
        }
        let mut rows = [0u8; 3];
        for (row, letter) in rows.iter_mut().zip(&rest[..vowels]) {
            *row = letter.vowel_row()?;
        }
        let final_consonant = coda_of(&rest[vowels..])?;
        if vowels >= 2 && vowels + usize::from(final_consonant != Coda::None) >= 3 {
            repaired |= restore_horn(&mut letters, onset_len, &mut rows)?;
        }
        let rime = rime::lookup(&rows[..vowels])?;
        if !coda_allowed(rime, onset, final_consonant)
            || (final_consonant.is_stop() && !matches!(tone, Tone::Acute | Tone::Dot))
        {
            return None;
        }
        let coda = if rime.semivowel == Coda::None {
            final_consonant
        } else {
            rime.semivowel
        };
        Some(Syllable {
            letters,
            len: len as u8,
            onset,
            onset_len: onset_len as u8,
            rime,
            coda,
            tone,
            written_at,
            repaired,
        })
    }

    /// The letters, without tone, with their case as written.
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// let s = Syllable::parse("Nguyễn").unwrap();
    /// let plain: String = s.letters().iter().map(|l| l.to_char()).collect();
    /// assert_eq!(plain, "Nguyên");
    /// assert_eq!(s.letters().len(), 6);
    /// ```
    pub fn letters(&self) -> &[Letter] {
        &self.letters[..usize::from(self.len)]
    }

    /// The onset.
    ///
    /// ```
    /// use vitext::syllable::{Onset, Syllable};
    ///
    /// assert_eq!(Syllable::parse("trường").unwrap().onset(), Onset::Tr);
    /// assert_eq!(Syllable::parse("gia").unwrap().onset(), Onset::Gi);
    /// assert_eq!(Syllable::parse("ăn").unwrap().onset(), Onset::None);
    /// ```
    pub fn onset(&self) -> Onset {
        self.onset
    }

    /// The glide (`o` in `hoa`, `u` in `thuê`), if the syllable has one.
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// let glide = |s| Syllable::parse(s).unwrap().glide().map(|l| l.to_char());
    /// assert_eq!(glide("xoắn"), Some('o'));
    /// assert_eq!(glide("huệ"), Some('u'));
    /// // In `quê` the `u` belongs to the onset `qu`.
    /// assert_eq!(glide("quê"), None);
    /// assert_eq!(glide("bàn"), None);
    /// ```
    pub fn glide(&self) -> Option<Letter> {
        (self.rime.glide == 1).then(|| self.letters[usize::from(self.onset_len)])
    }

    /// The letters of the nucleus (`iê` in `tiếng`, `a` in `hoa`).
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// let nucleus = |s| -> String {
    ///     Syllable::parse(s).unwrap().nucleus().iter().map(|l| l.to_char()).collect()
    /// };
    /// assert_eq!(nucleus("muốn"), "uô");
    /// assert_eq!(nucleus("người"), "ươ");
    /// assert_eq!(nucleus("hoàn"), "a");
    /// ```
    pub fn nucleus(&self) -> &[Letter] {
        let start = usize::from(self.onset_len + self.rime.glide);
        &self.letters[start..start + usize::from(self.rime.nucleus)]
    }

    /// The coda: a consonant, a semivowel (`i y o u`), or [`Coda::None`].
    ///
    /// ```
    /// use vitext::syllable::{Coda, Syllable};
    ///
    /// assert_eq!(Syllable::parse("nhanh").unwrap().coda(), Coda::Nh);
    /// assert_eq!(Syllable::parse("cây").unwrap().coda(), Coda::Y);
    /// assert_eq!(Syllable::parse("hoa").unwrap().coda(), Coda::None);
    /// ```
    pub fn coda(&self) -> Coda {
        self.coda
    }

    /// The tone.
    ///
    /// ```
    /// use vitext::letter::Tone;
    /// use vitext::syllable::Syllable;
    ///
    /// assert_eq!(Syllable::parse("Việt").unwrap().tone(), Tone::Dot);
    /// assert_eq!(Syllable::parse("Nam").unwrap().tone(), Tone::Level);
    /// // The tone belongs to the syllable wherever its mark was typed.
    /// assert_eq!(Syllable::parse("hoạ").unwrap().tone(), Tone::Dot);
    /// ```
    pub fn tone(&self) -> Tone {
        self.tone
    }

    /// The vowel cluster without tone, lower case (`"uyê"`, `"oa"`, `"ươi"`).
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// assert_eq!(Syllable::parse("NGƯỜI").unwrap().rime(), "ươi");
    /// assert_eq!(Syllable::parse("thuyền").unwrap().rime(), "uyê");
    /// ```
    pub fn rime(&self) -> &'static str {
        self.rime.key
    }

    /// Whether the syllable ends without a consonant coda (`hoa`, `tai`).
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// assert!(Syllable::parse("hoà").unwrap().is_open());
    /// assert!(Syllable::parse("mùa").unwrap().is_open());
    /// assert!(Syllable::parse("cười").unwrap().is_open()); // a semivowel coda
    /// assert!(!Syllable::parse("hoàng").unwrap().is_open());
    /// ```
    pub fn is_open(&self) -> bool {
        !self.coda.is_consonant()
    }

    /// The index in [`Syllable::letters`] of the letter that carried the tone
    /// mark in the input, if any.
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// // The mark on the `o` (index 1) or the `a` (index 2) of `hoa`.
    /// assert_eq!(Syllable::parse("hòa").unwrap().written_tone_index(), Some(1));
    /// assert_eq!(Syllable::parse("hoà").unwrap().written_tone_index(), Some(2));
    /// // The level tone has no mark.
    /// assert_eq!(Syllable::parse("hoa").unwrap().written_tone_index(), None);
    /// ```
    pub fn written_tone_index(&self) -> Option<usize> {
        self.written_at.map(usize::from)
    }

    /// Whether parsing changed a letter of the input: the missing horn of
    /// `ươ` in `nuớc` or `bưóc` is restored (the tone mark's position does
    /// not count; see [`Syllable::is_placed`]).
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// let s = Syllable::parse("nuớc").unwrap();
    /// assert!(s.is_repaired());
    /// assert_eq!(s.to_string(), "nước");
    /// // A misplaced mark alone is not a repair of a letter.
    /// assert!(!Syllable::parse("hoaì").unwrap().is_repaired());
    /// assert!(!Syllable::parse("nước").unwrap().is_repaired());
    /// ```
    pub fn is_repaired(&self) -> bool {
        self.repaired
    }

    /// Whether the placement of the mark is a matter of style here: an open
    /// `oa`, `oe` or `uy` (a glide, then a plain one-letter nucleus, then
    /// nothing).
    ///
    /// ```
    /// use vitext::syllable::Syllable;
    ///
    /// let choice = |s| Syllable::parse(s).unwrap().has_style_choice();
    /// // `hòa`/`hoà`, `khỏe`/`khoẻ`, `thủy`/`thuỷ` are both written.
    /// assert!(choice("hoà") && choice("khỏe") && choice("thủy"));
    /// // A coda, a `qu` onset or a modified nucleus leaves one placement.
    /// assert!(!choice("hoàng") && !choice("quý") && !choice("thuở"));
    /// ```
    pub fn has_style_choice(&self) -> bool {
        let rime = self.rime;
        rime.glide == 1
            && rime.nucleus == 1
            && rime.semivowel == Coda::None
            && !self.coda.is_consonant()
            && self.nucleus()[0].modifier() == Modifier::None
    }

    /// The index in [`Syllable::letters`] of the letter that carries the tone
    /// mark under `placement`. For the level tone this is where a mark would
    /// go.
    ///
    /// ```
    /// use vitext::syllable::{Syllable, TonePlacement};
    /// let s = Syllable::parse("hoà").unwrap();
    /// assert_eq!(s.tone_index(TonePlacement::Traditional), 1);
    /// assert_eq!(s.tone_index(TonePlacement::Modern), 2);
    /// assert_eq!(s.tone_index(TonePlacement::Keep), 2);
    /// ```
    pub fn tone_index(&self, placement: TonePlacement) -> usize {
        let main = usize::from(self.onset_len + self.rime.main);
        if !self.has_style_choice() {
            return main;
        }
        let first = usize::from(self.onset_len);
        match placement {
            TonePlacement::Modern => main,
            TonePlacement::Traditional => first,
            TonePlacement::Keep => match self.written_tone_index() {
                Some(i) if i == first => first,
                _ => main,
            },
        }
    }

    /// Whether the mark is already where `placement` puts it (always true
    /// for the level tone).
    ///
    /// ```
    /// use vitext::syllable::{Syllable, TonePlacement};
    ///
    /// let s = Syllable::parse("khỏe").unwrap();
    /// assert!(s.is_placed(TonePlacement::Traditional));
    /// assert!(!s.is_placed(TonePlacement::Modern));
    /// assert!(s.is_placed(TonePlacement::Keep));
    /// // A mark no style allows is misplaced under every placement.
    /// let s = Syllable::parse("baì").unwrap();
    /// assert!(!s.is_placed(TonePlacement::Keep));
    /// ```
    pub fn is_placed(&self, placement: TonePlacement) -> bool {
        match self.written_tone_index() {
            None => true,
            Some(i) => i == self.tone_index(placement),
        }
    }

    /// The characters of the syllable, precomposed, with the mark where
    /// `placement` puts it.
    ///
    /// ```
    /// use vitext::syllable::{Syllable, TonePlacement};
    /// let s = Syllable::parse("thủy").unwrap();
    /// assert!(s.chars(TonePlacement::Modern).eq("thuỷ".chars()));
    /// ```
    pub fn chars(&self, placement: TonePlacement) -> impl Iterator<Item = char> + '_ {
        let at = self.tone_index(placement);
        self.letters().iter().enumerate().map(move |(i, letter)| {
            let tone = if i == at { self.tone } else { Tone::Level };
            letter.with_tone(tone).to_char()
        })
    }

    /// Writes the syllable, precomposed, with the mark where `placement`
    /// puts it.
    ///
    /// ```
    /// use std::fmt::Write;
    /// use vitext::syllable::{Syllable, TonePlacement};
    ///
    /// let mut out = String::from("Thanh ");
    /// let s = Syllable::parse("Hoá").unwrap();
    /// s.write_to(&mut out, TonePlacement::Traditional).unwrap();
    /// write!(out, " và Thanh ").unwrap();
    /// s.write_to(&mut out, TonePlacement::Modern).unwrap();
    /// assert_eq!(out, "Thanh Hóa và Thanh Hoá");
    /// ```
    pub fn write_to<W: fmt::Write>(&self, out: &mut W, placement: TonePlacement) -> fmt::Result {
        self.chars(placement).try_for_each(|c| out.write_char(c))
    }

    /// The syllable as a string, with the mark where `placement` puts it.
    ///
    /// ```
    /// use vitext::syllable::{Syllable, TonePlacement};
    /// let s = Syllable::parse("HOÀ").unwrap();
    /// assert_eq!(s.render(TonePlacement::Traditional), "HÒA");
    /// ```
    pub fn render(&self, placement: TonePlacement) -> String {
        let mut out = String::with_capacity(usize::from(self.len) * 3);
        // Writing to a String cannot fail.
        let _ = self.write_to(&mut out, placement);
        out
    }
}

impl fmt::Display for Syllable {
    /// Writes the syllable with [`TonePlacement::Keep`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f, TonePlacement::Keep)
    }
}

/// Copies the letters without their tones, and returns the one tone written
/// and where; `None` for too many letters or two different tones.
fn strip_tone(input: &[Letter]) -> Option<([Letter; MAX_LETTERS], Tone, Option<u8>)> {
    let first = *input.first()?;
    if input.len() > MAX_LETTERS {
        return None;
    }
    let mut letters = [first; MAX_LETTERS];
    let mut tone = Tone::Level;
    let mut written_at = None;
    for (i, (slot, &letter)) in letters.iter_mut().zip(input).enumerate() {
        if letter.tone() != Tone::Level {
            if written_at.is_none() {
                tone = letter.tone();
                written_at = Some(i as u8);
            } else if letter.tone() != tone {
                return None;
            }
        }
        *slot = letter.with_tone(Tone::Level);
    }
    Some((letters, tone, written_at))
}

/// `ngh` and `gh` are written only before `i e ê y`; before any other vowel
/// the `h` is a slip (`nghành` is `ngành`). Drops it; returns whether it did.
fn drop_slipped_h(
    letters: &mut [Letter; MAX_LETTERS],
    len: &mut usize,
    onset: &mut Onset,
    onset_len: &mut usize,
) -> bool {
    let back_vowel_next = letters[..*len]
        .get(*onset_len)
        .is_some_and(|l| l.is_vowel() && !l.is_front_vowel());
    if !(matches!(onset, Onset::Ngh | Onset::Gh) && back_vowel_next) {
        return false;
    }
    letters.copy_within(*onset_len..*len, *onset_len - 1);
    *len -= 1;
    *onset_len -= 1;
    *onset = if *onset == Onset::Ngh {
        Onset::Ng
    } else {
        Onset::G
    };
    true
}

/// `uơ` and `ưo` before a coda are the diphthong `ươ` with one horn left out
/// (`nuớc`, `bưóc`, `nguời`): no other reading exists. Restores the horn;
/// returns whether it did (`None` if a letter cannot take one).
fn restore_horn(
    letters: &mut [Letter; MAX_LETTERS],
    at: usize,
    rows: &mut [u8; 3],
) -> Option<bool> {
    let pair = (rows[0], rows[1]);
    if pair != (rime::ROW_U, rime::ROW_HORN_O) && pair != (rime::ROW_HORN_U, rime::ROW_O) {
        return Some(false);
    }
    rows[0] = rime::ROW_HORN_U;
    rows[1] = rime::ROW_HORN_O;
    letters[at] = letters[at].with_modifier(Modifier::Horn)?;
    letters[at + 1] = letters[at + 1].with_modifier(Modifier::Horn)?;
    Some(true)
}

/// Whether the consonant coda (or none) may follow the rime.
fn coda_allowed(rime: &Rime, onset: Onset, coda: Coda) -> bool {
    match (rime.rule, coda.is_consonant()) {
        (CodaRule::Open, true) | (CodaRule::Closed, false) => false,
        (_, false) => true,
        (_, true) => {
            let mut codas = rime.codas;
            // After `gi`, `ê` stands for the diphthong `iê` (`giếng`, `giếc`).
            if onset == Onset::Gi && rime.key == "ê" {
                codas |= rime::C | rime::NG;
            }
            codas & rime::coda_bit(coda) != 0
        }
    }
}

/// Collects the letters of `text`, attaching combining marks to the letter
/// before them.
fn collect_letters(text: &str, out: &mut [Letter; MAX_LETTERS]) -> Collected {
    let mut n = 0;
    for c in text.chars() {
        if let Some(letter) = Letter::from_char(c) {
            if n == MAX_LETTERS {
                return Collected::Rejected;
            }
            out[n] = letter;
            n += 1;
            continue;
        }
        let Some(mark) = CombiningMark::from_char(c) else {
            return Collected::Rejected;
        };
        // A tone typed after the final consonant is the syllable's tone.
        let target = match mark {
            CombiningMark::Tone(_) => out[..n].iter().rposition(|l| l.is_vowel()),
            CombiningMark::Modifier(_) => n.checked_sub(1),
        };
        let Some(prev) = target.and_then(|i| out.get_mut(i)) else {
            return Collected::Rejected;
        };
        match apply_mark(*prev, mark) {
            Some(letter) => *prev = letter,
            None => return Collected::Rejected,
        }
    }
    Collected::Letters(n)
}

/// Adds a combining mark to a letter; `None` when the result is not a letter
/// (`b` with a tone, `e` with a horn) or the letter already has a different
/// mark of the same kind.
pub(crate) fn apply_mark(letter: Letter, mark: CombiningMark) -> Option<Letter> {
    match mark {
        CombiningMark::Tone(tone) => {
            if !letter.is_vowel() || (letter.tone() != Tone::Level && letter.tone() != tone) {
                return None;
            }
            Some(letter.with_tone(tone))
        }
        CombiningMark::Modifier(modifier) => {
            if letter.modifier() != Modifier::None && letter.modifier() != modifier {
                return None;
            }
            letter.with_modifier(modifier)
        }
    }
}

/// Splits off the onset.
fn split_onset(letters: &[Letter]) -> Option<(Onset, usize)> {
    let consonants = letters.iter().take_while(|l| !l.is_vowel()).count();
    let next_is_vowel = |i: usize| letters.get(i).is_some_and(|l| l.is_vowel());
    let plain = |i: usize, c: char| {
        letters
            .get(i)
            .is_some_and(|l| l.base() == c && l.modifier() == Modifier::None)
    };
    if consonants == 1 && plain(0, 'q') && plain(1, 'u') && next_is_vowel(2) {
        return Some((Onset::Qu, 2));
    }
    if consonants == 1 && plain(0, 'g') && plain(1, 'i') && next_is_vowel(2) {
        return Some((Onset::Gi, 2));
    }
    let mut key = [0u8; 3];
    if consonants > key.len() {
        return None;
    }
    for (k, l) in key.iter_mut().zip(letters) {
        *k = if l.modifier() == Modifier::Stroke {
            b'0'
        } else {
            l.base() as u8
        };
    }
    let onset = match &key[..consonants] {
        b"" => Onset::None,
        b"b" => Onset::B,
        b"c" => Onset::C,
        b"ch" => Onset::Ch,
        b"d" => Onset::D,
        b"0" => Onset::Dd,
        b"g" => Onset::G,
        b"gh" => Onset::Gh,
        b"h" => Onset::H,
        b"k" => Onset::K,
        b"kh" => Onset::Kh,
        b"l" => Onset::L,
        b"m" => Onset::M,
        b"n" => Onset::N,
        b"ng" => Onset::Ng,
        b"ngh" => Onset::Ngh,
        b"nh" => Onset::Nh,
        b"p" => Onset::P,
        b"ph" => Onset::Ph,
        b"r" => Onset::R,
        b"s" => Onset::S,
        b"t" => Onset::T,
        b"th" => Onset::Th,
        b"tr" => Onset::Tr,
        b"v" => Onset::V,
        b"x" => Onset::X,
        _ => return None,
    };
    Some((onset, consonants))
}

/// Reads the consonant coda; `None` when the letters are not one.
fn coda_of(letters: &[Letter]) -> Option<Coda> {
    let mut key = [0u8; 2];
    if letters.len() > key.len() {
        return None;
    }
    for (k, l) in key.iter_mut().zip(letters) {
        if l.modifier() != Modifier::None || l.is_vowel() {
            return None;
        }
        *k = l.base() as u8;
    }
    Some(match &key[..letters.len()] {
        b"" => Coda::None,
        b"c" => Coda::C,
        b"ch" => Coda::Ch,
        b"m" => Coda::M,
        b"n" => Coda::N,
        b"ng" => Coda::Ng,
        b"nh" => Coda::Nh,
        b"p" => Coda::P,
        b"t" => Coda::T,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(s: &str, p: TonePlacement) -> String {
        Syllable::parse(s)
            .unwrap_or_else(|| panic!("{s} should parse"))
            .render(p)
    }

    #[test]
    fn placements() {
        use TonePlacement::*;
        for (trad, modern) in [
            ("hòa", "hoà"),
            ("khỏe", "khoẻ"),
            ("thủy", "thuỷ"),
            ("HÒA", "HOÀ"),
            ("Òa", "Oà"),
            ("lòa", "loà"),
        ] {
            assert_eq!(render(trad, Modern), modern);
            assert_eq!(render(modern, Traditional), trad);
            assert_eq!(render(trad, Keep), trad);
            assert_eq!(render(modern, Keep), modern);
        }
        for same in [
            "hoàng", "toán", "khuyến", "quý", "giữ", "già", "gì", "gìn", "Quỳnh", "thuở", "khuỷu",
            "ngoẹo", "người", "rượu", "hoài", "khuấy", "thuế", "giếng",
        ] {
            for p in [Keep, Traditional, Modern] {
                assert_eq!(render(same, p), same, "{same} {p:?}");
            }
        }
    }

    #[test]
    fn repairs() {
        for (bad, good) in [
            ("baì", "bài"),
            ("chìêu", "chiều"),
            ("lựơng", "lượng"),
            ("nghịêm", "nghiệm"),
            ("Đaị", "Đại"),
            ("gìa", "già"),
            ("qùa", "quà"),
            ("hoaì", "hoài"),
        ] {
            assert_eq!(render(bad, TonePlacement::Keep), good);
        }
    }

    #[test]
    fn rejects() {
        for s in [
            "Jean",
            "Krông",
            "Facebook",
            "COVID",
            "hàt",
            "ă",
            "xyz",
            "q",
            "qu",
            "",
            "a1",
            "hóà",
            "nghiêngg",
            "tiê",
            "ia1",
        ] {
            assert!(Syllable::parse(s).is_none(), "{s}");
        }
        assert!(Syllable::parse("ăn").is_some());
    }
}
