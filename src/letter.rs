//! The Vietnamese letter model.
//!
//! Every letter of the Vietnamese alphabet is a base letter (an ASCII letter),
//! an optional [`Modifier`] (breve, circumflex, horn, or the stroke of `đ`), a
//! [`Tone`] and a [`Case`]. One table lists the twelve vowel letters with
//! their six tones in both cases; it is read in both directions:
//! [`Letter::from_char`] takes a precomposed character apart and
//! [`Letter::to_char`] builds it again.
//!
//! ```
//! use vitext::letter::{Case, Letter, Modifier, Tone};
//!
//! let l = Letter::from_char('Ộ').unwrap();
//! assert_eq!(l.base(), 'o');
//! assert_eq!(l.modifier(), Modifier::Circumflex);
//! assert_eq!(l.tone(), Tone::Dot);
//! assert_eq!(l.case(), Case::Upper);
//! assert_eq!(l.to_char(), 'Ộ');
//! assert_eq!(l.with_tone(Tone::Acute).to_char(), 'Ố');
//! ```

/// The six tones of Vietnamese, in the order the letter table lists them.
///
/// ```
/// use vitext::letter::{Letter, Tone};
///
/// // `Việt` carries the heavy (nặng) tone, written as a dot below.
/// let e = Letter::from_char('ệ').unwrap();
/// assert_eq!(e.tone(), Tone::Dot);
/// assert_eq!(e.tone().vietnamese_name(), "nặng");
/// assert_eq!(Tone::ALL.len(), 6);
/// assert_eq!(Tone::ALL[0], Tone::Level);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Tone {
    /// Thanh ngang: no mark (`a`).
    #[default]
    Level,
    /// Thanh huyền: grave accent (`à`).
    Grave,
    /// Thanh sắc: acute accent (`á`).
    Acute,
    /// Thanh hỏi: hook above (`ả`).
    Hook,
    /// Thanh ngã: tilde (`ã`).
    Tilde,
    /// Thanh nặng: dot below (`ạ`).
    Dot,
}

impl Tone {
    /// All six tones, in table order.
    ///
    /// ```
    /// use vitext::letter::{Letter, Tone};
    ///
    /// // `a` written with each tone: ngang, huyền, sắc, hỏi, ngã, nặng.
    /// let a = Letter::from_char('a').unwrap();
    /// let forms: String = Tone::ALL.iter().map(|&t| a.with_tone(t).to_char()).collect();
    /// assert_eq!(forms, "aàáảãạ");
    /// ```
    pub const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    /// The Vietnamese name of the tone (`"huyền"`, `"sắc"`, …).
    ///
    /// ```
    /// assert_eq!(vitext::letter::Tone::Tilde.vietnamese_name(), "ngã");
    /// ```
    pub const fn vietnamese_name(self) -> &'static str {
        match self {
            Tone::Level => "ngang",
            Tone::Grave => "huyền",
            Tone::Acute => "sắc",
            Tone::Hook => "hỏi",
            Tone::Tilde => "ngã",
            Tone::Dot => "nặng",
        }
    }

    /// The combining character that writes this tone, or `None` for the
    /// level tone, which has no mark.
    ///
    /// ```
    /// assert_eq!(vitext::letter::Tone::Hook.combining_mark(), Some('\u{309}'));
    /// ```
    pub const fn combining_mark(self) -> Option<char> {
        match self {
            Tone::Level => None,
            Tone::Grave => Some('\u{300}'),
            Tone::Acute => Some('\u{301}'),
            Tone::Hook => Some('\u{309}'),
            Tone::Tilde => Some('\u{303}'),
            Tone::Dot => Some('\u{323}'),
        }
    }

    const fn index(self) -> usize {
        self as usize
    }
}

/// The mark that turns a base letter into another letter of the alphabet.
///
/// ```
/// use vitext::letter::{Letter, Modifier};
///
/// // `ă`, `â`, `ơ` and `đ` are letters of their own, not accented ones.
/// let modifiers: Vec<Modifier> = "ăâơđ"
///     .chars()
///     .map(|c| Letter::from_char(c).unwrap().modifier())
///     .collect();
/// assert_eq!(
///     modifiers,
///     [Modifier::Breve, Modifier::Circumflex, Modifier::Horn, Modifier::Stroke]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Modifier {
    /// No modifier (`a`, `e`, `o`, `d`).
    #[default]
    None,
    /// Breve: `ă`.
    Breve,
    /// Circumflex: `â`, `ê`, `ô`.
    Circumflex,
    /// Horn: `ơ`, `ư`.
    Horn,
    /// The stroke of `đ`.
    Stroke,
}

impl Modifier {
    /// The combining character for this modifier, where Unicode has one
    /// (there is no canonical combining stroke, so `Stroke` gives `None`).
    ///
    /// ```
    /// use vitext::letter::Modifier;
    ///
    /// // `ơ` decomposes into `o` and a combining horn.
    /// assert_eq!(Modifier::Horn.combining_mark(), Some('\u{31B}'));
    /// assert_eq!(Modifier::Circumflex.combining_mark(), Some('\u{302}'));
    /// // `đ` has no decomposition.
    /// assert_eq!(Modifier::Stroke.combining_mark(), None);
    /// ```
    pub const fn combining_mark(self) -> Option<char> {
        match self {
            Modifier::Breve => Some('\u{306}'),
            Modifier::Circumflex => Some('\u{302}'),
            Modifier::Horn => Some('\u{31B}'),
            Modifier::None | Modifier::Stroke => None,
        }
    }
}

/// Letter case.
///
/// ```
/// use vitext::letter::{Case, Letter};
///
/// assert_eq!(Letter::from_char('Đ').unwrap().case(), Case::Upper);
/// assert_eq!(Letter::from_char('ư').unwrap().case(), Case::Lower);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Case {
    /// Lower case.
    #[default]
    Lower,
    /// Upper case.
    Upper,
}

/// One row of the vowel table: a base vowel, its modifier, and the six toned
/// forms in lower and upper case, in [`Tone::ALL`] order.
#[derive(Debug)]
pub(crate) struct VowelRow {
    /// The ASCII base letter, lower case.
    pub base: char,
    /// The modifier that makes this vowel.
    pub modifier: Modifier,
    /// Lower-case forms, level tone first.
    pub lower: [char; 6],
    /// Upper-case forms, level tone first.
    pub upper: [char; 6],
}

const fn row(base: char, modifier: Modifier, lower: [char; 6], upper: [char; 6]) -> VowelRow {
    VowelRow {
        base,
        modifier,
        lower,
        upper,
    }
}

/// The twelve Vietnamese vowel letters with every tone, in both cases.
///
/// This is the one table of the letter model; everything else is derived
/// from it.
pub(crate) const VOWEL_ROWS: [VowelRow; 12] = [
    row(
        'a',
        Modifier::None,
        ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
        ['A', 'À', 'Á', 'Ả', 'Ã', 'Ạ'],
    ),
    row(
        'a',
        Modifier::Breve,
        ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
        ['Ă', 'Ằ', 'Ắ', 'Ẳ', 'Ẵ', 'Ặ'],
    ),
    row(
        'a',
        Modifier::Circumflex,
        ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
        ['Â', 'Ầ', 'Ấ', 'Ẩ', 'Ẫ', 'Ậ'],
    ),
    row(
        'e',
        Modifier::None,
        ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
        ['E', 'È', 'É', 'Ẻ', 'Ẽ', 'Ẹ'],
    ),
    row(
        'e',
        Modifier::Circumflex,
        ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
        ['Ê', 'Ề', 'Ế', 'Ể', 'Ễ', 'Ệ'],
    ),
    row(
        'i',
        Modifier::None,
        ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
        ['I', 'Ì', 'Í', 'Ỉ', 'Ĩ', 'Ị'],
    ),
    row(
        'o',
        Modifier::None,
        ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
        ['O', 'Ò', 'Ó', 'Ỏ', 'Õ', 'Ọ'],
    ),
    row(
        'o',
        Modifier::Circumflex,
        ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
        ['Ô', 'Ồ', 'Ố', 'Ổ', 'Ỗ', 'Ộ'],
    ),
    row(
        'o',
        Modifier::Horn,
        ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
        ['Ơ', 'Ờ', 'Ớ', 'Ở', 'Ỡ', 'Ợ'],
    ),
    row(
        'u',
        Modifier::None,
        ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
        ['U', 'Ù', 'Ú', 'Ủ', 'Ũ', 'Ụ'],
    ),
    row(
        'u',
        Modifier::Horn,
        ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
        ['Ư', 'Ừ', 'Ứ', 'Ử', 'Ữ', 'Ự'],
    ),
    row(
        'y',
        Modifier::None,
        ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
        ['Y', 'Ỳ', 'Ý', 'Ỷ', 'Ỹ', 'Ỵ'],
    ),
];

/// First code point covered by the reverse table.
const TABLE_START: u32 = 0xC0;
/// One past the last code point covered by the reverse table (`ỹ` is U+1EF9).
const TABLE_END: u32 = 0x1EFA;
/// Reverse-table codes for `đ` and `Đ`; vowel codes are `row * 12 + tone * 2 + case + 1`.
const CODE_D_LOWER: u8 = 145;
const CODE_D_UPPER: u8 = 146;

/// The reverse of [`VOWEL_ROWS`]: for each code point in
/// `TABLE_START..TABLE_END`, 0 when it is not a Vietnamese letter, otherwise a
/// code naming its row, tone and case. Built at compile time from the table.
static REVERSE: [u8; (TABLE_END - TABLE_START) as usize] = build_reverse();

const fn build_reverse() -> [u8; (TABLE_END - TABLE_START) as usize] {
    let mut table = [0u8; (TABLE_END - TABLE_START) as usize];
    let mut r = 0;
    while r < VOWEL_ROWS.len() {
        let mut t = 0;
        while t < 6 {
            let lower = VOWEL_ROWS[r].lower[t] as u32;
            let upper = VOWEL_ROWS[r].upper[t] as u32;
            let code = (r * 12 + t * 2 + 1) as u8;
            if lower >= TABLE_START {
                table[(lower - TABLE_START) as usize] = code;
            }
            if upper >= TABLE_START {
                table[(upper - TABLE_START) as usize] = code + 1;
            }
            t += 1;
        }
        r += 1;
    }
    table[('đ' as u32 - TABLE_START) as usize] = CODE_D_LOWER;
    table[('Đ' as u32 - TABLE_START) as usize] = CODE_D_UPPER;
    table
}

/// A letter of the Vietnamese alphabet, taken apart.
///
/// Consonants are `Letter`s too (with [`Modifier::None`] and [`Tone::Level`],
/// or [`Modifier::Stroke`] for `đ`); so are the ASCII letters Vietnamese does
/// not use (`f`, `j`, `w`, `z`), which appear in names and loanwords.
///
/// ```
/// use vitext::letter::{Letter, Modifier, Tone};
///
/// let w = Letter::from_char('W').unwrap();
/// assert_eq!((w.base(), w.is_vowel()), ('w', false));
/// let d = Letter::from_char('đ').unwrap();
/// assert_eq!((d.modifier(), d.tone()), (Modifier::Stroke, Tone::Level));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Letter {
    base: u8,
    modifier: Modifier,
    tone: Tone,
    case: Case,
}

/// Every letter's precomposed character, by [`Letter::table_index`]; built
/// at compile time from [`VOWEL_ROWS`], so that composing a letter is one
/// load. Combinations that are no letter of the model hold whatever the
/// rule gives; no `Letter` has them.
static CHARS: [char; 26 * 5 * 6 * 2] = {
    const MODIFIERS: [Modifier; 5] = [
        Modifier::None,
        Modifier::Breve,
        Modifier::Circumflex,
        Modifier::Horn,
        Modifier::Stroke,
    ];
    const CASES: [Case; 2] = [Case::Lower, Case::Upper];
    let mut table = ['\0'; 26 * 5 * 6 * 2];
    let mut base = 0;
    while base < 26 {
        let mut m = 0;
        while m < 5 {
            let mut t = 0;
            while t < 6 {
                let mut c = 0;
                while c < 2 {
                    let letter = Letter {
                        base: b'a' + base as u8,
                        modifier: MODIFIERS[m],
                        tone: Tone::ALL[t],
                        case: CASES[c],
                    };
                    table[letter.table_index()] = letter.compute_char();
                    c += 1;
                }
                t += 1;
            }
            m += 1;
        }
        base += 1;
    }
    table
};

impl Letter {
    /// Takes a character apart; `None` when it is not a letter of the model
    /// (digits, punctuation, letters of other alphabets, combining marks).
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// assert!(Letter::from_char('ữ').is_some());
    /// assert!(Letter::from_char('7').is_none());
    /// assert!(Letter::from_char('ñ').is_none());
    /// ```
    #[inline]
    pub fn from_char(c: char) -> Option<Letter> {
        let cp = c as u32;
        if cp < 0x80 {
            let b = cp as u8;
            return if b.is_ascii_lowercase() {
                Some(Letter::plain(b, Case::Lower))
            } else if b.is_ascii_uppercase() {
                Some(Letter::plain(b.to_ascii_lowercase(), Case::Upper))
            } else {
                None
            };
        }
        if !(TABLE_START..TABLE_END).contains(&cp) {
            return None;
        }
        let code = REVERSE[(cp - TABLE_START) as usize];
        match code {
            0 => None,
            CODE_D_LOWER => Some(Letter::stroked_d(Case::Lower)),
            CODE_D_UPPER => Some(Letter::stroked_d(Case::Upper)),
            _ => {
                let n = (code - 1) as usize;
                let row = &VOWEL_ROWS[n / 12];
                let case = if n % 2 == 1 { Case::Upper } else { Case::Lower };
                Some(Letter {
                    base: row.base as u8,
                    modifier: row.modifier,
                    tone: Tone::ALL[(n % 12) / 2],
                    case,
                })
            }
        }
    }

    /// The letter for an ASCII letter byte; any other byte gives `a`, so
    /// check with [`u8::is_ascii_alphabetic`] first.
    #[inline]
    pub(crate) const fn from_ascii(b: u8) -> Letter {
        if b.is_ascii_uppercase() {
            Letter::plain(b.to_ascii_lowercase(), Case::Upper)
        } else if b.is_ascii_lowercase() {
            Letter::plain(b, Case::Lower)
        } else {
            Letter::plain(b'a', Case::Lower)
        }
    }

    /// Builds a letter from its parts. Returns `None` for a combination the
    /// alphabet does not have (`b` with a circumflex, a toned consonant).
    ///
    /// ```
    /// use vitext::letter::{Case, Letter, Modifier, Tone};
    /// let l = Letter::new('u', Modifier::Horn, Tone::Tilde, Case::Lower).unwrap();
    /// assert_eq!(l.to_char(), 'ữ');
    /// assert!(Letter::new('b', Modifier::Horn, Tone::Level, Case::Lower).is_none());
    /// ```
    pub fn new(base: char, modifier: Modifier, tone: Tone, case: Case) -> Option<Letter> {
        if !base.is_ascii_lowercase() {
            return None;
        }
        let letter = Letter {
            base: base as u8,
            modifier,
            tone,
            case,
        };
        let valid = match (letter.vowel_row(), modifier) {
            (Some(_), _) => true,
            (None, Modifier::Stroke) => base == 'd' && tone == Tone::Level,
            (None, Modifier::None) => !letter.is_vowel() && tone == Tone::Level,
            (None, _) => false,
        };
        valid.then_some(letter)
    }

    const fn plain(base: u8, case: Case) -> Letter {
        Letter {
            base,
            modifier: Modifier::None,
            tone: Tone::Level,
            case,
        }
    }

    const fn stroked_d(case: Case) -> Letter {
        Letter {
            base: b'd',
            modifier: Modifier::Stroke,
            tone: Tone::Level,
            case,
        }
    }

    /// The ASCII base letter, lower case (`'a'` for `Ẫ`, `'d'` for `đ`).
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// assert_eq!(Letter::from_char('Ẫ').unwrap().base(), 'a');
    /// assert_eq!(Letter::from_char('đ').unwrap().base(), 'd');
    /// ```
    #[inline]
    pub const fn base(self) -> char {
        self.base as char
    }

    /// The modifier.
    ///
    /// ```
    /// use vitext::letter::{Letter, Modifier};
    /// assert_eq!(Letter::from_char('ằ').unwrap().modifier(), Modifier::Breve);
    /// assert_eq!(Letter::from_char('ữ').unwrap().modifier(), Modifier::Horn);
    /// assert_eq!(Letter::from_char('Đ').unwrap().modifier(), Modifier::Stroke);
    /// assert_eq!(Letter::from_char('a').unwrap().modifier(), Modifier::None);
    /// ```
    #[inline]
    pub const fn modifier(self) -> Modifier {
        self.modifier
    }

    /// The tone; always [`Tone::Level`] for consonants.
    ///
    /// ```
    /// use vitext::letter::{Letter, Tone};
    /// assert_eq!(Letter::from_char('ẫ').unwrap().tone(), Tone::Tilde);
    /// assert_eq!(Letter::from_char('ỏ').unwrap().tone(), Tone::Hook);
    /// assert_eq!(Letter::from_char('n').unwrap().tone(), Tone::Level);
    /// ```
    #[inline]
    pub const fn tone(self) -> Tone {
        self.tone
    }

    /// The case.
    ///
    /// ```
    /// use vitext::letter::{Case, Letter};
    /// assert_eq!(Letter::from_char('Ư').unwrap().case(), Case::Upper);
    /// assert_eq!(Letter::from_char('ư').unwrap().case(), Case::Lower);
    /// ```
    #[inline]
    pub const fn case(self) -> Case {
        self.case
    }

    /// Whether the base letter is a vowel (`a e i o u y`).
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// let vowel = |c| Letter::from_char(c).unwrap().is_vowel();
    /// assert!(vowel('ơ') && vowel('Ỵ') && vowel('â'));
    /// assert!(!vowel('đ') && !vowel('q'));
    /// ```
    #[inline]
    pub const fn is_vowel(self) -> bool {
        matches!(self.base, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
    }

    /// Whether the letter is a front vowel (`i e ê y`), the vowels before
    /// which `k`, `gh` and `ngh` are written.
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// let front = |c| Letter::from_char(c).unwrap().is_front_vowel();
    /// // `kẻ`, `ghế`, `nghỉ` are spelled with k, gh, ngh before a front vowel …
    /// assert!(front('ẻ') && front('ế') && front('ỉ') && front('y'));
    /// // … and `cá`, `gõ`, `ngủ` with c, g, ng before a back one.
    /// assert!(!front('á') && !front('õ') && !front('ủ'));
    /// ```
    #[inline]
    pub fn is_front_vowel(self) -> bool {
        matches!(self.base, b'i' | b'y' | b'e')
    }

    /// The same letter with another tone. Tones on consonants are ignored.
    ///
    /// ```
    /// use vitext::letter::{Letter, Tone};
    /// let a = Letter::from_char('â').unwrap();
    /// assert_eq!(a.with_tone(Tone::Grave).to_char(), 'ầ');
    /// assert_eq!(a.with_tone(Tone::Dot).to_char(), 'ậ');
    /// // A consonant cannot carry a tone.
    /// let m = Letter::from_char('m').unwrap();
    /// assert_eq!(m.with_tone(Tone::Acute).to_char(), 'm');
    /// ```
    #[inline]
    pub const fn with_tone(self, tone: Tone) -> Letter {
        if self.is_vowel() {
            Letter { tone, ..self }
        } else {
            self
        }
    }

    /// The same letter in another case.
    ///
    /// ```
    /// use vitext::letter::{Case, Letter};
    /// let l = Letter::from_char('ự').unwrap();
    /// assert_eq!(l.with_case(Case::Upper).to_char(), 'Ự');
    /// let d = Letter::from_char('Đ').unwrap();
    /// assert_eq!(d.with_case(Case::Lower).to_char(), 'đ');
    /// ```
    #[inline]
    pub const fn with_case(self, case: Case) -> Letter {
        Letter { case, ..self }
    }

    /// The same letter with another modifier, if the alphabet has that
    /// letter (`a` + breve is `ă`; `e` + horn is not a letter).
    ///
    /// ```
    /// use vitext::letter::{Letter, Modifier};
    /// let a = Letter::from_char('á').unwrap();
    /// assert_eq!(a.with_modifier(Modifier::Breve).unwrap().to_char(), 'ắ');
    /// let o = Letter::from_char('ò').unwrap();
    /// assert_eq!(o.with_modifier(Modifier::Horn).unwrap().to_char(), 'ờ');
    /// let e = Letter::from_char('e').unwrap();
    /// assert!(e.with_modifier(Modifier::Horn).is_none());
    /// ```
    pub fn with_modifier(self, modifier: Modifier) -> Option<Letter> {
        Letter::new(self.base(), modifier, self.tone, self.case)
    }

    /// The row of this vowel in [`VOWEL_ROWS`] (ignoring tone and case).
    #[inline]
    pub(crate) fn vowel_row(self) -> Option<u8> {
        let row = match (self.base, self.modifier) {
            (b'a', Modifier::None) => 0,
            (b'a', Modifier::Breve) => 1,
            (b'a', Modifier::Circumflex) => 2,
            (b'e', Modifier::None) => 3,
            (b'e', Modifier::Circumflex) => 4,
            (b'i', Modifier::None) => 5,
            (b'o', Modifier::None) => 6,
            (b'o', Modifier::Circumflex) => 7,
            (b'o', Modifier::Horn) => 8,
            (b'u', Modifier::None) => 9,
            (b'u', Modifier::Horn) => 10,
            (b'y', Modifier::None) => 11,
            _ => return None,
        };
        Some(row)
    }

    /// The precomposed character for this letter.
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// for c in "ĐẢNG đảng ưỡn".chars().filter(|c| *c != ' ') {
    ///     assert_eq!(Letter::from_char(c).unwrap().to_char(), c);
    /// }
    /// ```
    #[inline]
    pub fn to_char(self) -> char {
        CHARS[self.table_index()]
    }

    /// The letter's place in [`CHARS`]: base, modifier, tone and case.
    #[inline(always)]
    const fn table_index(self) -> usize {
        ((self.base.wrapping_sub(b'a') as usize % 26 * 5 + self.modifier as usize) * 6
            + self.tone.index())
            * 2
            + self.case as usize
    }

    /// [`Letter::to_char`] by cases, for building [`CHARS`].
    const fn compute_char(self) -> char {
        if matches!(self.modifier, Modifier::None) && matches!(self.tone, Tone::Level) {
            return match self.case {
                Case::Lower => self.base as char,
                Case::Upper => self.base.to_ascii_uppercase() as char,
            };
        }
        let mut r = 0;
        while r < VOWEL_ROWS.len() {
            let row = &VOWEL_ROWS[r];
            if row.base as u32 == self.base as u32 && row.modifier as u8 == self.modifier as u8 {
                return match self.case {
                    Case::Lower => row.lower[self.tone as usize],
                    Case::Upper => row.upper[self.tone as usize],
                };
            }
            r += 1;
        }
        match self.case {
            Case::Lower => 'đ',
            Case::Upper => 'Đ',
        }
    }

    /// The letter with neither tone nor modifier (`ữ` → `u`, `Đ` → `D`),
    /// case kept.
    ///
    /// ```
    /// use vitext::letter::Letter;
    /// let folded: String = "Đường"
    ///     .chars()
    ///     .map(|c| Letter::from_char(c).unwrap().folded())
    ///     .collect();
    /// assert_eq!(folded, "Duong");
    /// ```
    pub fn folded(self) -> char {
        match self.case {
            Case::Lower => self.base as char,
            Case::Upper => self.base.to_ascii_uppercase() as char,
        }
    }
}

/// What a Vietnamese combining mark adds to the letter before it.
///
/// ```
/// use vitext::letter::{CombiningMark, Modifier, Tone};
///
/// // Decomposed `ở`: `o`, a combining horn, a combining hook above.
/// let marks: Vec<_> = "o\u{31B}\u{309}".chars().filter_map(CombiningMark::from_char).collect();
/// assert_eq!(
///     marks,
///     [CombiningMark::Modifier(Modifier::Horn), CombiningMark::Tone(Tone::Hook)]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CombiningMark {
    /// A tone mark (U+0300, U+0301, U+0303, U+0309, U+0323, and the
    /// deprecated U+0340 and U+0341).
    Tone(Tone),
    /// A modifier mark (U+0302 circumflex, U+0306 breve, U+031B horn).
    Modifier(Modifier),
}

impl CombiningMark {
    /// Classifies a combining character; `None` for characters that are not
    /// Vietnamese marks.
    ///
    /// ```
    /// use vitext::letter::{CombiningMark, Tone};
    /// assert_eq!(CombiningMark::from_char('\u{323}'), Some(CombiningMark::Tone(Tone::Dot)));
    /// assert_eq!(CombiningMark::from_char('\u{308}'), None);
    /// ```
    #[inline]
    pub fn from_char(c: char) -> Option<CombiningMark> {
        Some(match c {
            '\u{300}' | '\u{340}' => CombiningMark::Tone(Tone::Grave),
            '\u{301}' | '\u{341}' => CombiningMark::Tone(Tone::Acute),
            '\u{303}' => CombiningMark::Tone(Tone::Tilde),
            '\u{309}' => CombiningMark::Tone(Tone::Hook),
            '\u{323}' => CombiningMark::Tone(Tone::Dot),
            '\u{302}' => CombiningMark::Modifier(Modifier::Circumflex),
            '\u{306}' => CombiningMark::Modifier(Modifier::Breve),
            '\u{31B}' => CombiningMark::Modifier(Modifier::Horn),
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vowel_row_holds_six_tones_in_both_cases() {
        // The row of `ơ`: the horned `o`.
        let row = VOWEL_ROWS
            .iter()
            .find(|r| r.base == 'o' && r.modifier == Modifier::Horn)
            .unwrap();
        assert_eq!(row.lower, ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ']);
        assert_eq!(row.upper[5], 'Ợ');
        // 12 vowel letters × 6 tones × 2 cases: 144 precomposed characters,
        // each of which the letter model reads back as a vowel.
        let all: Vec<char> = VOWEL_ROWS
            .iter()
            .flat_map(|r| r.lower.iter().chain(&r.upper).copied())
            .collect();
        assert_eq!(all.len(), 144);
        assert!(all.contains(&'ễ'));
        assert!(
            all.iter()
                .all(|&c| Letter::from_char(c).unwrap().is_vowel())
        );
    }

    #[test]
    fn every_table_letter_round_trips() {
        let mut count = 0;
        for row in &VOWEL_ROWS {
            for (tone_index, (&lo, &up)) in row.lower.iter().zip(&row.upper).enumerate() {
                for (c, case) in [(lo, Case::Lower), (up, Case::Upper)] {
                    let l = Letter::from_char(c).unwrap_or_else(|| panic!("{c} not found"));
                    assert_eq!(l.base(), row.base, "{c}");
                    assert_eq!(l.modifier(), row.modifier, "{c}");
                    assert_eq!(l.tone(), Tone::ALL[tone_index], "{c}");
                    assert_eq!(l.case(), case, "{c}");
                    assert_eq!(l.to_char(), c);
                    count += 1;
                }
            }
        }
        assert_eq!(count, 144);
    }

    #[test]
    fn table_agrees_with_unicode_decomposition() {
        use unicode_normalization::UnicodeNormalization;
        for row in &VOWEL_ROWS {
            for (t, &c) in row.lower.iter().enumerate() {
                let mut expected = String::from(row.base);
                expected.extend(row.modifier.combining_mark());
                expected.extend(Tone::ALL[t].combining_mark());
                assert_eq!(c.to_string(), expected.nfc().collect::<String>(), "{c}");
                assert_eq!(c.to_uppercase().next(), Some(row.upper[t]), "{c}");
            }
        }
    }

    #[test]
    fn consonants_and_non_letters() {
        assert_eq!(Letter::from_char('Đ').map(|l| l.folded()), Some('D'));
        assert_eq!(Letter::from_char('q').map(|l| l.to_char()), Some('q'));
        assert!(
            Letter::from_char('Ð').is_none(),
            "eth is a look-alike, not a letter"
        );
        assert!(Letter::from_char('é').is_some());
        assert!(Letter::from_char('è').is_some());
        assert!(Letter::from_char('ç').is_none());
        assert!(Letter::from_char('\u{301}').is_none());
    }
}
