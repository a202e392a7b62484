//! Split text into typed, zero-copy tokens: syllables, words, numbers by
//! shape, document codes, abbreviations, URLs, punctuation.
//!
//! [`tokens`] returns a lazy iterator of [`Token`]s over the caller's text.
//! Each token borrows its text and carries a [`Span`] into the original
//! string and a [`TokenKind`]. Nothing is allocated per token, nothing is
//! rewritten: run [`normalize`](crate::normalize()) first if the input may
//! be damaged, and map spans back with
//! [`Normalized::original_span`](crate::Normalized::original_span).
//!
//! ```
//! use vitext::tokenize::{tokens, Casing, TokenKind};
//!
//! let text = "Kết luận số 01-KL/TW ngày 18.5.2021 tại TP.HCM.";
//! let words: Vec<&str> = tokens(text).map(|t| t.text()).collect();
//! assert_eq!(
//!     words,
//!     ["Kết", "luận", "số", "01-KL/TW", "ngày", "18.5.2021", "tại", "TP.HCM", "."]
//! );
//! let first = tokens(text).next().unwrap();
//! assert_eq!(first.kind(), TokenKind::Syllable(Casing::Title));
//! assert_eq!(&text[first.span()], "Kết");
//! ```
//!
//! # Gaps
//!
//! Whitespace is not a token: it is the gap between tokens. A gap is a run
//! of characters for which [`is_gap`] holds: Unicode white space (the
//! no-break space included), control characters, and invisible format
//! characters (zero-width space and joiners, bidi marks, byte-order mark,
//! soft hyphen). The tokens plus the gaps between them rebuild the input
//! exactly, byte for byte.
//!
//! # The rules
//!
//! - **Syllables and words.** A run of Latin letters (with any combining
//!   marks after them, so decomposed input works) is a
//!   [`Syllable`](TokenKind::Syllable) when
//!   [`Syllable::parse`](crate::Syllable::parse) accepts it, an
//!   [`Abbreviation`](TokenKind::Abbreviation) when it is two or more
//!   capitals that are no syllable (`UBND`, `HĐND`; also hyphenated:
//!   `KH-ĐT`, `QĐ-UBND`), and a
//!   [`Word`](TokenKind::Word) otherwise (`Jean`, `Facebook`). Letters glued
//!   to digits, inner apostrophes and hyphens make one word: `PS4`,
//!   `Levi's`, `H'Mông`, `COVID-19`, `F-16`, `Su-34`, `Rolls-Royce`,
//!   `49X-6666`. But when every hyphen-joined part is a Vietnamese syllable
//!   (`hòa-bình`, `Nga-Mỹ`, `Hà Nội-Hải Phòng`), the hyphen is a dash between
//!   syllables and they are split: `hòa` · `-` · `bình`. The underscore of
//!   pre-segmented input (`Chào_bạn`) is punctuation: tokenize raw text.
//! - **Periods.** A period is its own token, except inside a number, a URL
//!   or an abbreviation; a run of periods (`...`) is one token. `gái.Dựa`
//!   gives three tokens. Abbreviations with dots come from an embedded list
//!   (`TP.HCM`, `GS.TS`, `TP.`, `Q.`, `v.v.`; the dot of a listed entry that
//!   ends in one stays, and digits right after it join: `Q.1`), from chains
//!   of capitals (`T.T.M`, `L.ANH`), and from initials (`H.`: a single
//!   capital keeps its dot). A sentence-final period after an abbreviation
//!   that does not end in one is split off: `TP.HCM.` gives `TP.HCM` · `.`.
//! - **Numbers** are kept whole with their inner separators, and labelled by
//!   [`NumberShape`]: `19.176`, `98,4%`, `18.5.2021`, `14:40`, `14h40`,
//!   `71/72`, `10-12/5`. A percent sign right after a number or a range
//!   joins it (`98,4%`, `3,5-4%`). A unit glued to a number is split off
//!   (`20km` → `20` · `km`); other letters glued to an integer make one
//!   word (`4K`, `53S5`).
//! - **Document codes** (`01-KL/TW`, `100/2019/NĐ-CP`, `123/QĐ-UBND`) are one
//!   [`DocCode`](TokenKind::DocCode) token, never with the sentence mark
//!   after them, and never leaving `01/2024` of `01/2024/TT-BTC` as a date.
//! - **URLs** (with a scheme, or a host name with a known top-level domain),
//!   **e-mail addresses**, **hashtags** and **mentions** are one token each.
//! - **Punctuation and symbols** are one character each, quotes and dashes
//!   included. Emoji (keycaps such as `1️⃣` included) and characters of
//!   other scripts are one grapheme cluster each; a prepended mark such as
//!   U+0600 does not take the Latin letter, digit or space after it.
//!
//! # Performance
//!
//! Most tokens are a syllable before a space or a mark, and the scanner
//! first looks for one whole: it reads nine bytes at the token's start,
//! finds where the word ends with a few arithmetic operations on them (the
//! first ASCII byte that is no letter), and looks the word up in a perfect
//! hash table of every syllable of eight bytes or fewer (about 21,000 in
//! lower case, both tone styles; a capital first letter is folded by one
//! table lookup). The table is generated from the
//! [syllable model](crate::syllable) into a committed file, and a test
//! holds its answers to the letter-by-letter path below. A word not found
//! takes the plain path: one pass over the bytes, ASCII letters through a
//! byte table, precomposed Vietnamese letters straight from their two or
//! three bytes, and the syllable check done as the run is read, one step
//! per letter of a small automaton (73 states, a 16 KB table) that accepts
//! exactly the valid toneless spellings, also generated from the model and
//! shared with the normalizer, whose states also say where each tone
//! placement puts the mark.
//! Everything else (numbers, abbreviations, URLs, decomposed text, other
//! scripts) takes the general scanner, which both paths are tested
//! against; only emoji and other scripts go through grapheme segmentation,
//! and decomposed text takes the exact syllable parser. Time is linear in
//! the input: every look-ahead that may fail is bounded.
//!
//! # Untrusted input
//!
//! Tokenizing never panics, whatever the `&str`: stray combining marks,
//! control characters, 100,000-digit numbers (group values saturate).

mod abbrev;
pub(crate) mod doc_code;
pub(crate) mod known;
mod letters;
mod number;
mod other;
mod scan;
mod validity;
mod web;

use core::iter::FusedIterator;

use crate::span::Span;
use crate::syllable::Syllable;

pub use number::{NumberShape, Numeral, Separator, TimeStyle};

/// Tokenizes `text` lazily.
///
/// ```
/// use vitext::tokenize::tokens;
/// let text = "Tăng 98,4%, đạt 19.176 chiếc.";
/// let parts: Vec<&str> = tokens(text).map(|t| t.text()).collect();
/// assert_eq!(parts, ["Tăng", "98,4%", ",", "đạt", "19.176", "chiếc", "."]);
/// ```
pub fn tokens(text: &str) -> Tokens<'_> {
    Tokens {
        text,
        state: scan::State::default(),
        end: 0,
    }
}

/// Every syllable of eight bytes or fewer in lower case, with every tone it
/// takes, the mark placed in each style: what the generated tables of whole
/// syllables hold.
#[cfg(test)]
pub(crate) fn syllable_inventory() -> std::collections::BTreeSet<String> {
    known::tests::syllables()
}

/// `word` with its first letter in capital, for the tests of the tables
/// built from [`syllable_inventory`].
#[cfg(test)]
pub(crate) fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether `c` belongs to the gap between tokens rather than to a token (see
/// [the module docs](self#gaps)).
///
/// ```
/// use vitext::tokenize::is_gap;
/// assert!(is_gap(' ') && is_gap('\u{A0}') && is_gap('\u{200B}') && is_gap('\n'));
/// assert!(!is_gap('a') && !is_gap('.'));
/// ```
pub fn is_gap(c: char) -> bool {
    crate::chars::is_gap(c)
}

/// The iterator returned by [`tokens`].
///
/// It is lazy, fused, and borrows the text: tokens come one at a time.
///
/// ```
/// use vitext::tokenize::{tokens, TokenKind};
///
/// // Stop at the first document code without tokenizing the rest.
/// let text = "Theo Nghị định 100/2019/NĐ-CP của Chính phủ";
/// let mut it = tokens(text);
/// let code = it.find(|t| t.kind() == TokenKind::DocCode).unwrap();
/// assert_eq!(code.text(), "100/2019/NĐ-CP");
/// assert_eq!(it.rest(), " của Chính phủ");
/// ```
#[derive(Clone, Debug)]
pub struct Tokens<'h> {
    text: &'h str,
    state: scan::State,
    /// The end of the last token. The scanner may have read on past it
    /// (over the space after a word), so [`Tokens::rest`] starts here.
    end: usize,
}

impl<'h> Tokens<'h> {
    /// The text not yet tokenized (it may start with a gap).
    ///
    /// ```
    /// let mut it = vitext::tokenize::tokens("Xin chào");
    /// it.next();
    /// assert_eq!(it.rest(), " chào");
    /// ```
    pub fn rest(&self) -> &'h str {
        self.text.get(self.end..).unwrap_or_default()
    }

    /// The next token, with its slot in the table of syllables found whole
    /// (below [`known::SLOT_COUNT`]) when it was found so: a syllable of at
    /// most eight bytes, in lower or title case. Two tokens with a slot
    /// have the same one exactly when their lower case is the same.
    #[inline(always)]
    pub(crate) fn next_with_slot(&mut self) -> Option<(Token<'h>, Option<usize>)> {
        let Some((start, end, kind, slot)) = scan::next_token_slot(self.text, &mut self.state)
        else {
            // The scan read to the end of the text: nothing is left.
            self.end = self.state.pos;
            return None;
        };
        let slot = (slot != known::NO_SLOT).then_some(slot as usize);
        Some((self.token(start, end, kind), slot))
    }

    /// The token over `start..end`, the last one scanned.
    #[inline(always)]
    fn token(&mut self, start: usize, end: usize, kind: TokenKind) -> Token<'h> {
        self.end = end;
        // The scanner steps over whole characters only, so the slice is
        // always there (the property tests in `tests/tokenize.rs` hold it
        // to that). Checked all the same: the check costs 6% of a pass on
        // 3.2 MB of news, too little to trade for `unsafe`.
        let text = self.text.get(start..end);
        debug_assert!(
            text.is_some(),
            "token span {start}..{end} is out of order, out of bounds or off a character boundary"
        );
        Token {
            text: text.unwrap_or_default(),
            span: Span::new(start, end),
            kind,
        }
    }
}

impl<'h> Iterator for Tokens<'h> {
    type Item = Token<'h>;

    // Always inlined: the plain path is most tokens, and a call per token
    // (with the token returned through memory) costs as much as reading it.
    #[inline(always)]
    fn next(&mut self) -> Option<Token<'h>> {
        let Some((start, end, kind)) = scan::next_token(self.text, &mut self.state) else {
            // The scan read to the end of the text: nothing is left.
            self.end = self.state.pos;
            return None;
        };
        Some(self.token(start, end, kind))
    }
}

impl FusedIterator for Tokens<'_> {}

/// One token: its text, where it is, and what it is.
///
/// ```
/// use vitext::tokenize::{tokens, Casing, TokenKind};
///
/// let text = "Đà Lạt se lạnh";
/// let t = tokens(text).nth(1).unwrap();
/// assert_eq!(t.text(), "Lạt");
/// assert_eq!((t.start(), t.end()), (5, 10)); // `Đà` is four bytes
/// assert_eq!(&text[t.span()], "Lạt");
/// assert_eq!(t.kind(), TokenKind::Syllable(Casing::Title));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token<'h> {
    text: &'h str,
    span: Span,
    kind: TokenKind,
}

impl<'h> Token<'h> {
    /// A token of `kind` with text `text` at `span` (`text` is the span's
    /// text).
    pub(crate) const fn new(text: &'h str, span: Span, kind: TokenKind) -> Token<'h> {
        Token { text, span, kind }
    }

    /// The token's text, borrowed from the input.
    ///
    /// ```
    /// use vitext::tokenize::tokens;
    ///
    /// let text = "Giá vàng tăng 2,5%.";
    /// let parts: Vec<&str> = tokens(text).map(|t| t.text()).collect();
    /// assert_eq!(parts, ["Giá", "vàng", "tăng", "2,5%", "."]);
    /// ```
    #[inline]
    pub fn text(&self) -> &'h str {
        self.text
    }

    /// Where the token is in the input: `&input[token.span()] == token.text()`.
    ///
    /// ```
    /// use vitext::tokenize::tokens;
    /// use vitext::Span;
    ///
    /// let text = "Sở Y tế";
    /// let spans: Vec<Span> = tokens(text).map(|t| t.span()).collect();
    /// // `Sở` is four bytes: `S` and the three-byte `ở`.
    /// assert_eq!(spans, [Span::new(0, 4), Span::new(5, 6), Span::new(7, 11)]);
    /// assert_eq!(&text[spans[2]], "tế");
    /// ```
    #[inline]
    pub fn span(&self) -> Span {
        self.span
    }

    /// The first byte of the token.
    ///
    /// ```
    /// use vitext::tokenize::tokens;
    ///
    /// let text = "  Cần Thơ";
    /// let starts: Vec<usize> = tokens(text).map(|t| t.start()).collect();
    /// // `Cần` takes bytes 2 to 7 (`ầ` is three bytes).
    /// assert_eq!(starts, [2, 8]);
    /// assert_eq!(&text[8..], "Thơ");
    /// ```
    #[inline]
    pub fn start(&self) -> usize {
        self.span.start
    }

    /// One past the last byte of the token.
    ///
    /// ```
    /// use vitext::tokenize::tokens;
    ///
    /// let text = "Huế, mưa";
    /// let hue = tokens(text).next().unwrap();
    /// assert_eq!(hue.end(), "Huế".len());
    /// assert_eq!(&text[hue.end()..], ", mưa");
    /// ```
    #[inline]
    pub fn end(&self) -> usize {
        self.span.end
    }

    /// What the token is.
    ///
    /// ```
    /// use vitext::tokenize::{tokens, Casing, TokenKind};
    ///
    /// let kinds: Vec<TokenKind> = tokens("HĐND tỉnh Quảng Ninh").map(|t| t.kind()).collect();
    /// assert_eq!(
    ///     kinds,
    ///     [
    ///         TokenKind::Abbreviation,
    ///         TokenKind::Syllable(Casing::Lower),
    ///         TokenKind::Syllable(Casing::Title),
    ///         TokenKind::Syllable(Casing::Title),
    ///     ]
    /// );
    /// ```
    #[inline]
    pub fn kind(&self) -> TokenKind {
        self.kind
    }

    /// The parsed syllable, for a [`TokenKind::Syllable`] token.
    ///
    /// ```
    /// use vitext::letter::Tone;
    /// let t = vitext::tokenize::tokens("Thủy").next().unwrap();
    /// assert_eq!(t.syllable().unwrap().tone(), Tone::Hook);
    /// ```
    pub fn syllable(&self) -> Option<Syllable> {
        match self.kind {
            TokenKind::Syllable(_) => Syllable::parse(self.text),
            _ => None,
        }
    }
}

/// How the letters of a word are capitalized.
///
/// ```
/// use vitext::tokenize::{tokens, Casing, TokenKind};
///
/// let casing = |s: &str| match tokens(s).next().unwrap().kind() {
///     TokenKind::Syllable(c) | TokenKind::Word(c) => Some(c),
///     _ => None,
/// };
/// assert_eq!(casing("đường"), Some(Casing::Lower));
/// assert_eq!(casing("Đường"), Some(Casing::Title));
/// assert_eq!(casing("ĐƯỜNG"), Some(Casing::Upper));
/// assert_eq!(casing("iPhone"), Some(Casing::Mixed));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Casing {
    /// No capitals: `nhà`, `iphone`.
    Lower,
    /// Only the first letter is a capital: `Hà`, `A`, `Rolls-royce`.
    Title,
    /// Two or more letters, all capitals: `ĐẢNG`, `COVID-19`.
    Upper,
    /// Anything else: `iPhone`, `Rolls-Royce`, `McDonald`.
    Mixed,
}

/// What a token is. See [the module docs](self#the-rules) for the rules.
///
/// ```
/// use vitext::tokenize::{tokens, Casing, TokenKind};
///
/// let kinds: Vec<TokenKind> = tokens("Xem baodautu.vn 👍 #VietNam")
///     .map(|t| t.kind())
///     .collect();
/// assert_eq!(
///     kinds,
///     [
///         TokenKind::Syllable(Casing::Title),
///         TokenKind::Url,
///         TokenKind::Emoji,
///         TokenKind::Hashtag,
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum TokenKind {
    /// A valid Vietnamese syllable, in any case: `Đảng`, `ỦY`, `khuya`.
    /// [`Token::syllable`] parses it.
    Syllable(Casing),
    /// A Latin-script word that is no Vietnamese syllable: `Jean`, `Levi's`,
    /// `COVID-19`, `Rolls-Royce`, `49X-6666`.
    Word(Casing),
    /// An abbreviation: `UBND`, `HĐND`, `TP.HCM`, `GS.TS`, `Q.1`, `TP.`,
    /// `v.v.`, `H.`, `KH-ĐT`.
    Abbreviation,
    /// A number, date, time, ratio or range, labelled by its shape.
    Number(NumberShape),
    /// A document number: `01-KL/TW`, `100/2019/NĐ-CP`, `123/QĐ-UBND`.
    DocCode,
    /// A URL: `https://example.vn/a`, `baodautu.vn`.
    Url,
    /// An e-mail address.
    Email,
    /// `#` and a word: `#VietNam`.
    Hashtag,
    /// `@` and a name: `@vitext`.
    Mention,
    /// One punctuation mark (`,`, `“`, `–`, `(`), or a run of periods.
    Punctuation,
    /// One symbol: `+`, `&`, `€`, `°`, or a lone `%`.
    Symbol,
    /// One emoji, as a whole grapheme cluster: `😀`, `👍🏽`, `🇻🇳`.
    Emoji,
    /// One grapheme cluster of another script (`中`, `Д`), or combining marks
    /// with no letter before them.
    Other,
}

impl TokenKind {
    /// The kind's name in `snake_case`; numbers give their shape's name.
    ///
    /// ```
    /// let kinds: Vec<&str> = vitext::tokenize::tokens("Ngày 5/6, UBND")
    ///     .map(|t| t.kind().name())
    ///     .collect();
    /// assert_eq!(kinds, ["syllable", "day_month", "punctuation", "abbreviation"]);
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            TokenKind::Syllable(_) => "syllable",
            TokenKind::Word(_) => "word",
            TokenKind::Abbreviation => "abbreviation",
            TokenKind::Number(shape) => shape.name(),
            TokenKind::DocCode => "doc_code",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Punctuation => "punctuation",
            TokenKind::Symbol => "symbol",
            TokenKind::Emoji => "emoji",
            TokenKind::Other => "other",
        }
    }

    /// Whether the token is a letter token: a syllable, word or
    /// abbreviation.
    ///
    /// ```
    /// use vitext::tokenize::tokens;
    ///
    /// let words: Vec<&str> = tokens("UBND cấp 3 xe Toyota, 20%.")
    ///     .filter(|t| t.kind().is_wordlike())
    ///     .map(|t| t.text())
    ///     .collect();
    /// assert_eq!(words, ["UBND", "cấp", "xe", "Toyota"]);
    /// ```
    pub const fn is_wordlike(self) -> bool {
        matches!(
            self,
            TokenKind::Syllable(_) | TokenKind::Word(_) | TokenKind::Abbreviation
        )
    }
}

#[cfg(test)]
mod tests;
