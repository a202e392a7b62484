//! The token window every recognizer reads: case-insensitive word tests,
//! number shapes and digit groups, without allocating.

mod keys;

use keys::key_of;
pub(crate) use keys::{
    KeyFilter, filter_of, key, keys, lower_letter, pack, passes, table_keys, word_keys,
};

use crate::extract::names::lexicon::{Lexicon, OPENS, Start};
use crate::span::Span;
use crate::tokenize::{Casing, NumberShape, Token, TokenKind, known, tokens};

/// The tokens of one text, with the text they came from and what every
/// recognizer asks of a token, computed once per token in the pass that
/// reads the tokens: its lower-case key, its capitals, a line break before
/// it and where it enters the word lists. Word tests are then an integer
/// comparison.
pub(crate) struct Ctx<'h> {
    pub text: &'h str,
    /// One record a token: the tokens themselves are not kept, but read
    /// again from `text` and the record (a large text's tokens and records
    /// take a third less memory so, and are read from one place).
    info: Vec<TokInfo>,
    /// The ends of the tokens too long for [`TokInfo::len`], by index, in
    /// order (none in any text but a contrived one).
    long: Vec<(usize, usize)>,
    /// The words a name may start at, in order: those that start with a
    /// capital or enter the name lists as an opener ([`OPENS`]). The
    /// passes that look for names only visit these.
    openers: Vec<usize>,
    /// The openers that start with a capital, in order, with what the
    /// second pass over names tests of them first ([`Capital`]): it reads
    /// only these, without touching the records.
    capitals: Vec<Capital>,
    /// The tokens the date, document and quantity recognizers start from,
    /// in order: numbers, document codes and marked words ([`MARKED_WORDS`]),
    /// handed to them a block at a time by [`Ctx::build`].
    notable: Vec<usize>,
}

/// The buffers a [`Ctx`] fills, kept between texts by the caller's
/// [`Extraction`](crate::extract::Extraction): a large text then costs no
/// fresh pages on every call.
#[derive(Default)]
pub(crate) struct CtxBuffers {
    info: Vec<TokInfo>,
    openers: Vec<usize>,
    capitals: Vec<Capital>,
    notable: Vec<usize>,
}

/// A word that starts with a capital (see [`Ctx::capitals`]), with its
/// place, its kind and the next token's: written with its record and the
/// next one's, while they are at hand, so that a pass over the capitals of
/// a large text need not read the records, far apart, again.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Capital {
    /// The token's index.
    pub i: usize,
    pub kind: TokenKind,
    /// The next token's kind; `None` at the end of the text.
    pub next: Option<TokenKind>,
    from: u32,
    end: u32,
    /// Where the next token ends; `from` at the end of the text.
    next_end: u32,
}

impl Capital {
    /// The word's text (as [`Ctx::text_of`] gives it).
    pub fn text<'h>(&self, text: &'h str) -> &'h str {
        text.get(self.from as usize..self.end as usize)
            .unwrap_or_default()
    }

    /// The text of the word and the next token (as [`Ctx::span`] gives it
    /// from the word to the next token): empty at the end of the text.
    pub fn pair<'h>(&self, text: &'h str) -> &'h str {
        text.get(self.from as usize..self.next_end as usize)
            .unwrap_or_default()
    }
}

/// What [`Ctx`] knows of one token, in 32 bytes.
#[derive(Clone, Copy)]
struct TokInfo {
    /// Where the token starts in the text (see [`MAX_TEXT`]).
    from: u32,
    /// Its length in bytes; [`LONG`] for a token of that length or more
    /// (a long URL, a run of letters), whose end [`Ctx::long`] keeps.
    len: u8,
    kind: TokenKind,
    /// The lower-case bytes of a word (or the bytes of a punctuation mark
    /// or symbol) of at most [`KEY_CAP`](keys::KEY_CAP) bytes, packed
    /// little-endian, zero bytes after them; `0` for longer words, numbers
    /// and the rest. Two halves, so that a record aligns to 8 bytes.
    key: [u64; 2],
    /// The name lists' trie node the token enters ([`Start`]).
    node: u32,
    /// The classes of [`Start`] in the low [`Start::CLASS_BITS`] bits;
    /// above them the key's length in bytes (5 bits, `0`: no key), then
    /// [`WORD`], [`BREAK_BEFORE`] and [`CAPITAL`] (3 bits), then the
    /// recognizers' marks ([`DATE_START`], …, 3 bits).
    bits: u32,
}

/// A token length too long for [`TokInfo::len`].
const LONG: u8 = u8::MAX;
const KEY_LEN_AT: u32 = Start::CLASS_BITS;
const FLAGS_AT: u32 = KEY_LEN_AT + 5;
const MARKS_AT: u32 = FLAGS_AT + 3;
// Each field fits its bits: a new flag or mark needs a wider record.
const _: () = assert!(keys::KEY_CAP < 1 << 5, "a key's length past 5 bits");
const _: () = assert!(
    (WORD | BREAK_BEFORE | CAPITAL) >> 3 == 0,
    "a flag past 3 bits"
);
const _: () = assert!(
    (DATE_START | ORDINAL_NOUN | DOC_NOUN_START) >> 3 == 0 && MARKS_AT + 3 <= 32,
    "a mark past 3 bits"
);

impl TokInfo {
    /// The packed key (see [`pack`]).
    #[inline(always)]
    fn key(&self) -> u128 {
        u128::from(self.key[0]) | u128::from(self.key[1]) << 64
    }

    /// The key's length in bytes (`0`: no key).
    #[inline(always)]
    fn key_len(&self) -> u8 {
        (self.bits >> KEY_LEN_AT & 0x1F) as u8
    }

    #[inline(always)]
    fn flags(&self) -> u8 {
        (self.bits >> FLAGS_AT & 7) as u8
    }

    #[inline(always)]
    fn marks(&self) -> u8 {
        (self.bits >> MARKS_AT & 7) as u8
    }

    #[inline(always)]
    fn start(&self) -> Start {
        Start::from_parts(self.node, self.bits & ((1 << Start::CLASS_BITS) - 1))
    }
}

/// The longest text a [`Ctx`] holds: its records keep 32-bit offsets (a
/// third less memory to walk than machine words). The extractor reads a
/// longer text in pieces (`Extractor::read_in_pieces`).
pub(crate) const MAX_TEXT: usize = u32::MAX as usize;

/// The fewest tokens [`Ctx::build`] reads past a block of notable tokens
/// before handing it on: about 10 KB of text, whose records stay in the
/// cache until the recognizers step them.
const BLOCK: usize = 2048;

/// How far [`Ctx::build`] reads past a block when no line ends.
const LONG_LINE: usize = 8 * BLOCK;

/// A word-like token (syllable, word, abbreviation).
const WORD: u8 = 1;
/// A line break, or a tab (between the cells of a table), lies between
/// this token and the one before.
const BREAK_BEFORE: u8 = 2;
/// A word that starts with a capital (see [`Ctx::capital`]).
const CAPITAL: u8 = 4;

/// Whether `token` is a word that starts with a capital: `Hà`, `UBND`,
/// `TP.HCM`, but not `iPhone` or `v.v.`.
fn starts_with_capital(token: &Token<'_>) -> bool {
    match token.kind() {
        TokenKind::Syllable(Casing::Title | Casing::Upper)
        | TokenKind::Word(Casing::Title | Casing::Upper) => true,
        TokenKind::Word(Casing::Mixed) | TokenKind::Abbreviation => {
            token.text().chars().next().is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// Whether `token` is notable for its digits alone (see [`Ctx::notable`]):
/// a number, a document code, or a word that ends in a digit, which may be
/// a date glued to its word (`ngày13/11`).
fn notable_digits(token: &Token<'_>) -> bool {
    match token.kind() {
        TokenKind::Number(_) | TokenKind::DocCode => true,
        TokenKind::Word(_) => token
            .text()
            .as_bytes()
            .last()
            .is_some_and(u8::is_ascii_digit),
        _ => false,
    }
}

/// A word that may open a date or time expression (see [`Ctx::may_start_date`]).
pub(crate) const DATE_START: u8 = 1;
/// A noun that takes an ordinal after it (see [`Ctx::takes_ordinal`]).
pub(crate) const ORDINAL_NOUN: u8 = 2;
/// The first word of a document noun (see [`Ctx::may_start_doc_noun`]).
pub(crate) const DOC_NOUN_START: u8 = 4;

/// The words the date, document and quantity recognizers start from, with
/// their marks; the lexicon files them under their keys, so that a token's
/// marks come with its one lookup.
pub(crate) const MARKED_WORDS: &[(&str, u8)] = &[
    ("từ", DATE_START),
    ("thứ", DATE_START),
    ("chủ", DATE_START),
    ("chúa", DATE_START),
    ("sáng", DATE_START),
    ("trưa", DATE_START),
    ("chiều", DATE_START),
    ("tối", DATE_START),
    ("đêm", DATE_START),
    ("khuya", DATE_START),
    ("rạng", DATE_START),
    ("ngày", DATE_START),
    ("hôm", DATE_START),
    ("bữa", DATE_START),
    ("mồng", DATE_START),
    ("mùng", DATE_START),
    ("tháng", DATE_START),
    ("năm", DATE_START),
    ("tuần", DATE_START),
    ("quý", DATE_START),
    ("một", DATE_START),
    ("hai", DATE_START),
    ("ba", DATE_START),
    ("bốn", DATE_START),
    ("sáu", DATE_START),
    ("bảy", DATE_START),
    ("tám", DATE_START),
    ("chín", DATE_START),
    ("mười", DATE_START),
    ("rằm", DATE_START),
    ("tết", DATE_START),
    ("giáng", DATE_START),
    ("noel", DATE_START),
    ("lần", ORDINAL_NOUN),
    ("khóa", ORDINAL_NOUN),
    ("khoá", ORDINAL_NOUN),
    ("kỳ", ORDINAL_NOUN),
    ("hạng", ORDINAL_NOUN),
    ("lượt", ORDINAL_NOUN),
    ("phiên", ORDINAL_NOUN),
    ("đợt", ORDINAL_NOUN),
    ("vòng", ORDINAL_NOUN),
    ("phần", ORDINAL_NOUN),
    ("chương", ORDINAL_NOUN),
    ("mục", ORDINAL_NOUN),
    ("thi", ORDINAL_NOUN),
    ("trận", ORDINAL_NOUN),
    ("tập", ORDINAL_NOUN),
    ("mùa", ORDINAL_NOUN),
    ("nghị", DOC_NOUN_START),
    ("chỉ", DOC_NOUN_START),
    ("thông", DOC_NOUN_START),
    ("pháp", DOC_NOUN_START),
    ("hiến", DOC_NOUN_START),
    ("bộ", DOC_NOUN_START),
    ("luật", DOC_NOUN_START),
];

impl<'h> Ctx<'h> {
    /// Tokenizes `text` and reads what every recognizer needs of each
    /// token, once: one pass, one lookup in `lex` per token with a key.
    ///
    /// The notable tokens ([`Ctx::notable`]) are handed to `step` a block
    /// at a time, in order, while their records are still in the cache:
    /// a block goes once the tokens after it reach the end of a line at
    /// least [`BLOCK`] tokens further on (or, on a line with no end in
    /// sight, [`LONG_LINE`] tokens further on). A recognizer stepped at a
    /// token may so read every token to the end of its line and beyond;
    /// `len()` is then the count of tokens read so far.
    pub fn build(
        text: &'h str,
        lex: &Lexicon,
        buffers: CtxBuffers,
        mut step: impl FnMut(&Ctx<'h>, &[usize]),
    ) -> Ctx<'h> {
        let CtxBuffers {
            mut info,
            mut openers,
            mut capitals,
            mut notable,
        } = buffers;
        info.clear();
        openers.clear();
        capitals.clear();
        notable.clear();
        // Vietnamese news runs at about five bytes a token: one allocation
        // holds the tokens of most texts.
        info.reserve(text.len() / 4 + 8);
        let mut ctx = Ctx {
            text,
            info,
            long: Vec::new(),
            openers,
            capitals,
            notable,
        };
        // The notable tokens handed on (`..stepped`), and those that go
        // with the next block (`..pending`, the tokens before `cut`).
        let (mut stepped, mut pending, mut cut) = (0, 0, 0);
        // (`cut + BLOCK`, kept: the one test on every token.)
        let mut block_end = BLOCK;
        let mut prev_end = 0;
        // Whether the last token is a capital, which learns what follows
        // it from the next one.
        let mut capital_before = false;
        let mut scan = tokens(text);
        let mut i = 0;
        while let Some((t, slot)) = scan.next_with_slot() {
            let t = &t;
            if i >= block_end {
                let line_ends = text
                    .as_bytes()
                    .get(prev_end..t.start())
                    .is_some_and(|gap| gap.contains(&b'\n'));
                if line_ends || i >= cut + LONG_LINE {
                    step(&ctx, ctx.notable.get(stepped..pending).unwrap_or_default());
                    stepped = pending;
                    pending = ctx.notable.len();
                    cut = i;
                    block_end = i + BLOCK;
                }
            }
            if capital_before {
                if let Some(c) = ctx.capitals.last_mut() {
                    c.next = Some(t.kind());
                    c.next_end = u32::try_from(t.end()).unwrap_or(u32::MAX);
                }
            }
            // Gaps are short, and most are one space: one byte is read for
            // those, and a plain loop (no call) reads the rest. A tab
            // separates the cells of a table, which no entity crosses.
            let line_break = if t.start() == prev_end + 1 {
                matches!(text.as_bytes().get(prev_end), Some(b'\n' | b'\t'))
            } else {
                text.as_bytes()
                    .get(prev_end..t.start())
                    .unwrap_or_default()
                    .iter()
                    .fold(false, |seen, &b| seen | (b == b'\n') | (b == b'\t'))
            };
            prev_end = t.end();
            // Most tokens are syllables the tokenizer found whole: their
            // key is the table's, their facts are filed by its slot, and
            // they are neither numbers nor words glued to one.
            let (key, len, capital, wordlike, digits) = match slot {
                Some(slot) => (
                    u128::from(known::key_at(slot)),
                    t.text().len() as u8,
                    t.kind() == TokenKind::Syllable(Casing::Title),
                    true,
                    false,
                ),
                None => {
                    let (key, len) = key_of(text, t);
                    (
                        key,
                        len,
                        starts_with_capital(t),
                        t.kind().is_wordlike(),
                        notable_digits(t),
                    )
                }
            };
            debug_assert!(
                slot.is_none()
                    || (key, len, capital, wordlike, digits)
                        == (
                            key_of(text, t).0,
                            key_of(text, t).1,
                            starts_with_capital(t),
                            t.kind().is_wordlike(),
                            notable_digits(t)
                        ),
                "a syllable's slot gives another key than its text"
            );
            // (Without branches: the three are set apart from each other.)
            let flags = (u8::from(wordlike) * WORD)
                | (u8::from(line_break) * BREAK_BEFORE)
                | (u8::from(capital) * CAPITAL);
            let (start, marks) = if len == 0 {
                (Start::default(), 0)
            } else {
                lex.enter_token(key, slot, capital)
            };
            capital_before = wordlike && capital;
            if wordlike && (capital || start.has(OPENS)) {
                ctx.openers.push(i);
                if capital {
                    let from = u32::try_from(t.start()).unwrap_or(u32::MAX);
                    ctx.capitals.push(Capital {
                        i,
                        kind: t.kind(),
                        next: None,
                        from,
                        end: u32::try_from(t.end()).unwrap_or(u32::MAX),
                        next_end: from,
                    });
                }
            }
            if marks != 0 || digits {
                ctx.notable.push(i);
            }
            let (node, classes) = start.parts();
            let len8 = u8::try_from(t.text().len()).unwrap_or(LONG);
            if len8 == LONG {
                ctx.long.push((i, t.end()));
            }
            ctx.info.push(TokInfo {
                from: u32::try_from(t.start()).unwrap_or(u32::MAX),
                len: len8,
                kind: t.kind(),
                key: [key as u64, (key >> 64) as u64],
                node,
                bits: classes
                    | u32::from(len) << KEY_LEN_AT
                    | u32::from(flags) << FLAGS_AT
                    | u32::from(marks) << MARKS_AT,
            });
            i += 1;
        }
        step(&ctx, ctx.notable.get(stepped..).unwrap_or_default());
        ctx
    }

    /// Where token `i`, whose record is `t`, is in the text.
    #[inline(always)]
    fn span_at(&self, i: usize, t: &TokInfo) -> Span {
        let from = t.from as usize;
        let end = if t.len == LONG {
            // (A binary search: the long tokens are in order.)
            self.long
                .binary_search_by_key(&i, |&(k, _)| k)
                .ok()
                .and_then(|k| self.long.get(k))
                .map_or(from, |&(_, end)| end)
        } else {
            from + usize::from(t.len)
        };
        Span::new(from, end)
    }

    /// The buffers, for the next text.
    pub fn into_buffers(self) -> CtxBuffers {
        CtxBuffers {
            info: self.info,
            openers: self.openers,
            capitals: self.capitals,
            notable: self.notable,
        }
    }

    fn flag(&self, i: usize, flag: u8) -> bool {
        self.info.get(i).is_some_and(|t| t.flags() & flag != 0)
    }

    fn marked(&self, i: usize, mark: u8) -> bool {
        self.info.get(i).is_some_and(|t| t.marks() & mark != 0)
    }

    /// The kind of token `i` and its recognizers' marks ([`DATE_START`],
    /// [`ORDINAL_NOUN`], [`DOC_NOUN_START`]), from one read of its record.
    #[inline]
    pub fn kind_and_marks(&self, i: usize) -> Option<(TokenKind, u8)> {
        self.info.get(i).map(|t| (t.kind, t.marks()))
    }
}

impl<'h> Ctx<'h> {
    pub fn len(&self) -> usize {
        self.info.len()
    }

    /// Where token `i` enters the name lists' trie.
    #[inline]
    pub fn start(&self, i: usize) -> Option<Start> {
        self.info.get(i).map(TokInfo::start)
    }

    /// Token `i`, read again from the text.
    #[inline]
    pub fn tok(&self, i: usize) -> Option<Token<'h>> {
        let t = self.info.get(i)?;
        let span = self.span_at(i, t);
        let text = self.text.get(span.range())?;
        Some(Token::new(text, span, t.kind))
    }

    /// The kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.info.get(i).map(|t| t.kind)
    }

    pub fn text_of(&self, i: usize) -> &'h str {
        self.info
            .get(i)
            .and_then(|t| self.text.get(self.span_at(i, t).range()))
            .unwrap_or_default()
    }

    /// Whether token `i` is the word `lower`, in any case. `lower` is lower
    /// case.
    #[inline]
    pub fn is(&self, i: usize, lower: &str) -> bool {
        let Some(t) = self.info.get(i) else {
            return false;
        };
        match pack(lower.as_bytes()) {
            // The key first, the one test most tokens fail: equal keys of
            // no zero byte are equal texts of one length, and only a word
            // is then left to be told from a mark with the same bytes.
            Some(key) if key != 0 => {
                let word = t.key() == key && t.flags() & WORD != 0;
                debug_assert_eq!(word, self.is_by_parts(t, i, lower));
                word
            }
            _ => self.is_by_parts(t, i, lower),
        }
    }

    /// [`Ctx::is`] a part of the record at a time, for any `lower`.
    fn is_by_parts(&self, t: &TokInfo, i: usize, lower: &str) -> bool {
        if t.flags() & WORD == 0 {
            return false;
        }
        if t.key_len() == 0 {
            // A word too long for a key.
            return eq_lower(self.text_of(i), lower);
        }
        usize::from(t.key_len()) == lower.len() && pack(lower.as_bytes()) == Some(t.key())
    }

    /// The packed key of token `i` (see [`pack`]): the lower-case bytes of a
    /// word of at most 16 bytes, or the text of a punctuation mark or
    /// symbol. `None` for longer words, numbers and the rest.
    #[inline]
    pub fn key(&self, i: usize) -> Option<u128> {
        self.info
            .get(i)
            .filter(|t| t.key_len() != 0)
            .map(TokInfo::key)
    }

    /// The words a name may start at, in order: those that start with a
    /// capital, and those that enter the name lists as an opener
    /// ([`OPENS`]: an honorific, a role, a unit word, a head noun …).
    pub fn openers(&self) -> &[usize] {
        &self.openers
    }

    /// The notable tokens, in order (see [`Ctx::build`]).
    #[cfg(debug_assertions)]
    pub fn notable(&self) -> &[usize] {
        &self.notable
    }

    /// The openers that start with a capital ([`Ctx::capital`]), in order.
    pub fn capitals(&self) -> &[Capital] {
        &self.capitals
    }

    /// Whether token `i` is a word that starts with a capital: `Hà`,
    /// `UBND`, `TP.HCM`, `iPhone` excluded.
    #[inline]
    pub fn capital(&self, i: usize) -> bool {
        self.flag(i, CAPITAL)
    }

    /// Whether token `i` is a syllable in capitals after another on its
    /// line: a word inside a heading written in capitals (`CƠ SỞ HẠ TẦNG`,
    /// `GIẢI PHÁP`), where capitals mark no name.
    pub fn in_heading(&self, i: usize) -> bool {
        let upper = |t: usize| self.kind(t) == Some(TokenKind::Syllable(Casing::Upper));
        i > 0 && upper(i) && upper(i - 1) && self.same_line(i - 1, i)
    }

    /// Whether token `i` is a word in title case (`Hà`, `Jean`): not in
    /// capitals, as a heading is (`UBND`, `DÂN CƯ`).
    pub fn title_case(&self, i: usize) -> bool {
        matches!(
            self.kind(i),
            Some(TokenKind::Syllable(Casing::Title) | TokenKind::Word(Casing::Title))
        )
    }

    /// Whether token `i` may open a date or time: a number, or one of the
    /// words the date recognizer starts from (`ngày`, `sáng`, `thứ`, …).
    pub fn may_start_date(&self, i: usize) -> bool {
        self.shape(i).is_some() || self.marked(i, DATE_START)
    }

    /// Whether token `i` may begin a document noun named without a number:
    /// `Nghị quyết`, `Luật`, …
    pub fn may_start_doc_noun(&self, i: usize) -> bool {
        self.marked(i, DOC_NOUN_START)
    }

    /// Whether token `i` is a noun that takes an ordinal: `lần`, `khóa`, …
    pub fn takes_ordinal(&self, i: usize) -> bool {
        self.marked(i, ORDINAL_NOUN)
    }

    /// The index in `keys` (a [`word_keys!`] list) of the word token `i` is, in
    /// any case.
    pub fn which(&self, i: usize, keys: &[u128]) -> Option<usize> {
        let t = self.info.get(i)?;
        // (The keys first: a token of no key, or no word, is refused after
        // a match, which few tokens reach.)
        let key = t.key();
        keys.iter()
            .position(|&k| k == key)
            .filter(|_| t.flags() & WORD != 0 && t.key_len() != 0)
    }

    /// Whether token `i` is the punctuation or symbol `c`.
    #[inline]
    pub fn is_char(&self, i: usize, c: char) -> bool {
        // A punctuation mark's or symbol's key is its text.
        let mut buf = [0u8; 4];
        let Some(key) = pack(c.encode_utf8(&mut buf).as_bytes()) else {
            return false;
        };
        self.info
            .get(i)
            .is_some_and(|t| t.key() == key && t.flags() & WORD == 0 && t.key_len() != 0)
    }

    /// Whether token `i` is a dash: `-`, `–` or `—`.
    #[inline]
    pub fn is_dash(&self, i: usize) -> bool {
        self.is_char(i, '-') || self.is_char(i, '–') || self.is_char(i, '—')
    }

    pub fn shape(&self, i: usize) -> Option<NumberShape> {
        match self.info.get(i)?.kind {
            TokenKind::Number(shape) => Some(shape),
            _ => None,
        }
    }

    /// The value of token `i` when it is a plain integer of at most `max_len` digits.
    pub fn integer(&self, i: usize, max_len: usize) -> Option<u32> {
        // Only a number is all digits: the record refuses the words and
        // marks, most of the tokens asked about, without reading the text.
        let t = self.info.get(i)?;
        if !matches!(t.kind, TokenKind::Number(_)) {
            debug_assert!(
                !self.text_of(i).bytes().all(|b| b.is_ascii_digit()) || self.text_of(i).is_empty(),
                "token {i}, all digits, is no number"
            );
            return None;
        }
        let s = self.text_of(i);
        if s.is_empty() || s.len() > max_len {
            return None;
        }
        // (What `str::parse` gives of the digits, without its sign and
        // radix handling.)
        s.bytes().try_fold(0u32, |v, b| {
            if b.is_ascii_digit() {
                v.checked_mul(10)?.checked_add(u32::from(b - b'0'))
            } else {
                None
            }
        })
    }

    /// The span from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Span {
        let start = self.info.get(first).map_or(0, |t| t.from as usize);
        let end = self
            .info
            .get(last)
            .map_or(start, |t| self.span_at(last, t).end);
        Span::new(start, end.max(start))
    }

    /// The first token at or after `from` that ends past byte `at`, or
    /// [`Ctx::len`] when none does. Tokens end in order: a search that
    /// gallops from `from` (1, 2, 4 … tokens on) and then halves, so that a
    /// caller stepping through the text in order reads few records, near
    /// each other, and never walks the tokens between two far entities.
    /// (Test builds only: they check the resolver's marks against it.)
    #[cfg(debug_assertions)]
    pub fn first_ending_after(&self, at: usize, from: usize) -> usize {
        let ends_before = |k: usize| {
            self.info
                .get(k)
                .is_some_and(|t| self.span_at(k, t).end <= at)
        };
        let (mut lo, mut step) = (from.min(self.len()), 1);
        // Gallop: `lo` ends before `at` (or is `from`), `lo + step` is
        // tried next.
        while lo < self.len() && ends_before(lo) {
            let next = lo.saturating_add(step);
            if next >= self.len() || !ends_before(next) {
                // The answer is in `lo + 1..=next`.
                let mut hi = next.min(self.len());
                lo += 1;
                while lo < hi {
                    let mid = lo + (hi - lo) / 2;
                    if ends_before(mid) {
                        lo = mid + 1;
                    } else {
                        hi = mid;
                    }
                }
                return lo;
            }
            lo = next;
            step *= 2;
        }
        lo
    }

    /// The span of the tokens `first..end` (half-open; an empty range gives
    /// the span of token `first`).
    pub fn span_of(&self, first: usize, end: usize) -> Span {
        self.span(first, end.saturating_sub(1).max(first))
    }

    /// Whether tokens `i` and `j` are on one line: no line break between
    /// them, nor a tab (a table's cells are read as lines).
    #[inline]
    pub fn same_line(&self, i: usize, j: usize) -> bool {
        if j == i + 1 {
            if let Some(t) = self.info.get(j) {
                return t.flags() & BREAK_BEFORE == 0;
            }
        }
        let apart = self.same_line_apart(i, j);
        debug_assert_eq!(
            apart,
            self.same_line_by_text(i, j),
            "tokens {i} and {j}: the records tell their line otherwise than the text"
        );
        apart
    }

    /// [`Ctx::same_line`] for tokens that are no neighbours, from the
    /// records: no break before any token of `i + 1..=j` (the gaps), and
    /// no line break or tab inside the tokens between them. Only tokens of
    /// other kinds than words and marks (made of letters, digits and marks
    /// alone) have their text read for that.
    #[inline(never)]
    fn same_line_apart(&self, i: usize, j: usize) -> bool {
        // (`j` before `i`, or `i` itself, is no later token on the line:
        // the gap between them is no range of the text.)
        let Some(between) = self.info.get(i.saturating_add(1)..=j).filter(|_| i < j) else {
            return false;
        };
        if between.iter().any(|t| t.flags() & BREAK_BEFORE != 0) {
            return false;
        }
        (i + 1..j).all(|k| {
            let plain = self
                .kind(k)
                .is_some_and(|kind| kind.is_wordlike() || kind == TokenKind::Punctuation);
            plain || !self.text_of(k).bytes().any(|b| b == b'\n' || b == b'\t')
        })
    }

    /// [`Ctx::same_line`] by the text between the tokens, as test builds
    /// check the records against.
    fn same_line_by_text(&self, i: usize, j: usize) -> bool {
        match (self.info.get(i), self.info.get(j)) {
            (Some(a), Some(b)) => self
                .text
                .get(self.span_at(i, a).end..b.from as usize)
                .is_some_and(|gap| !gap.bytes().any(|b| b == b'\n' || b == b'\t')),
            _ => false,
        }
    }
}

/// Whether `s` lowercases to `lower`.
pub(crate) fn eq_lower(s: &str, lower: &str) -> bool {
    if s.len() != lower.len() {
        return false;
    }
    if s == lower {
        return true;
    }
    // Most words differ in their first letter, and most first letters are
    // ASCII: decide those without decoding.
    match (s.as_bytes().first(), lower.as_bytes().first()) {
        (Some(&a), Some(&b)) if a < 0x80 && a.to_ascii_lowercase() != b => return false,
        _ => {}
    }
    s.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Up to four digit groups of a number token and the separators between them.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Groups {
    pub vals: [u32; 4],
    pub lens: [u8; 4],
    pub seps: [u8; 3],
    pub n: usize,
}

impl Groups {
    /// Splits `s` (a number token) into groups; `None` when it has more than
    /// four groups or any other character. Values saturate.
    pub fn parse(s: &str) -> Option<Groups> {
        let mut g = Groups::default();
        let mut cur: u32 = 0;
        let mut len: u8 = 0;
        for b in s.bytes() {
            if b.is_ascii_digit() {
                cur = cur.saturating_mul(10).saturating_add(u32::from(b - b'0'));
                len = len.saturating_add(1);
            } else if matches!(b, b'.' | b',' | b'/' | b'-' | b':') && len > 0 {
                *g.vals.get_mut(g.n)? = cur;
                *g.lens.get_mut(g.n)? = len;
                *g.seps.get_mut(g.n)? = b;
                g.n += 1;
                cur = 0;
                len = 0;
            } else {
                return None;
            }
        }
        if len == 0 {
            return None;
        }
        *g.vals.get_mut(g.n)? = cur;
        *g.lens.get_mut(g.n)? = len;
        g.n += 1;
        Some(g)
    }

    pub fn val(&self, i: usize) -> u32 {
        self.vals.get(i).copied().unwrap_or(0)
    }

    pub fn len_of(&self, i: usize) -> u8 {
        self.lens.get(i).copied().unwrap_or(0)
    }

    pub fn sep(&self, i: usize) -> u8 {
        self.seps.get(i).copied().unwrap_or(0)
    }
}

/// The value of a Roman numeral of capitals (`XIV` = 14), 1 to 3999, in
/// canonical form only.
pub(crate) fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 15 {
        return None;
    }
    let value = |c: u8| match c {
        b'I' => Some(1),
        b'V' => Some(5),
        b'X' => Some(10),
        b'L' => Some(50),
        b'C' => Some(100),
        b'D' => Some(500),
        b'M' => Some(1000),
        _ => None,
    };
    let bytes = s.as_bytes();
    // (Signed: a numeral may open with a letter taken away, `IV`, `IX`.)
    let mut total: i32 = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let v = value(b)?;
        let next = bytes.get(i + 1).and_then(|&n| value(n)).unwrap_or(0);
        if v < next {
            total -= v;
        } else {
            total += v;
        }
    }
    // Only the canonical spelling: `IIII` and `IC` are no numerals.
    let total = u32::try_from(total).ok()?;
    (total > 0 && total < 4000 && to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_record_is_32_bytes() {
        assert_eq!(core::mem::size_of::<TokInfo>(), 32);
    }

    /// A token too long for a record's length is read whole, and so are
    /// the tokens after it.
    #[test]
    fn long_tokens_keep_their_end() {
        let (lex, _) = Lexicon::embedded();
        let long = "a".repeat(70_000);
        let text = format!("Ngày {long} và {long}b năm 2024");
        let ctx = Ctx::build(&text, &lex, CtxBuffers::default(), |_, _| {});
        let texts: Vec<&str> = (0..ctx.len()).map(|i| ctx.text_of(i)).collect();
        assert_eq!(
            texts,
            [
                "Ngày",
                long.as_str(),
                "và",
                &format!("{long}b"),
                "năm",
                "2024"
            ]
        );
        assert!(ctx.is(0, "ngày") && ctx.is(2, "và") && ctx.same_line(1, 2));
        assert_eq!(
            ctx.span(1, 3).get(&text).map(str::len),
            Some(2 * 70_000 + 1 + " và ".len())
        );
    }

    #[test]
    fn romans() {
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IV"), Some(4));
        assert_eq!(roman("IX"), Some(9));
        assert_eq!(roman("XC"), Some(90));
        assert_eq!(roman("CM"), Some(900));
        assert_eq!(roman("IM"), None);
        assert_eq!(roman("XII"), Some(12));
        assert_eq!(roman("I"), Some(1));
        assert_eq!(roman("MMXXIV"), Some(2024));
        assert_eq!(roman("IIII"), None);
        assert_eq!(roman("UBND"), None);
        assert_eq!(roman(""), None);
    }

    #[test]
    fn groups() {
        let g = Groups::parse("18.5.2021").unwrap();
        assert_eq!((g.n, g.val(0), g.val(1), g.val(2)), (3, 18, 5, 2021));
        assert!(Groups::parse("1.2.3.4.5").is_none());
        assert_eq!(Groups::parse("99999999999").unwrap().val(0), u32::MAX);
    }

    #[test]
    fn lower() {
        assert!(eq_lower("Ngày", "ngày"));
        assert!(eq_lower("NGÀY", "ngày"));
        assert!(!eq_lower("ngay", "ngày"));
    }
}
