//! The recognizer of persons, titles, organizations, places and credits,
//! and of the links between them.
//!
//! It reads the tokens once from left to right. At each word it tries, in
//! this order:
//!
//! 1. a **credit** at the start of a line or sentence (`Ảnh: H.P`, `Theo
//!    TTXVN`), and the byline in capitals on an article's last line;
//! 2. an **honorific** (`ông`, `bà`, `đồng chí`) and the title or name after
//!    it: after an honorific any capitalised run is a name (`bà Pha`,
//!    `ông Donald Trump`, `anh T.`);
//! 3. a **title**, or a chain of them joined by `,`, `kiêm` or `đồng thời
//!    là`, and the name after it (`Trưởng Ban Tổ chức Tỉnh ủy Nguyễn Giờ`);
//! 4. a **place**, an **organization** or a **person** with no cue before
//!    it, whichever reading is longest; at equal length a place beats a
//!    person (`Hà Nội`, `Cao Bằng`) and a person beats an organization
//!    (`Đoàn Văn Hậu`).
//!
//! After a person it reads the age or birth year beside the name and the
//! titles set after it (`ông Nguyễn Văn A, Giám đốc Sở Y tế,`). A second
//! pass ([`coref`]) links later mentions to the first full name (`ông A`,
//! `Hùng cho biết`, `N.V.A`), gives titles written without a name the
//! holder of the same title earlier, and re-reads bare place names the rest
//! of the text uses otherwise (`Quảng Nam` after `CLB Quảng Nam`).
//!
//! Names never take a token of a date or document reference: those are
//! settled first.
//!
//! # Limits
//!
//! Every look-ahead is bounded, so the pass is linear in the text: a
//! person's name has at most five words; a body's name runs over at most
//! sixteen tokens from its head; a credit's name at most eight words; a
//! phrase of the word lists at most sixteen words of at most sixteen bytes
//! each (the builder refuses longer ones). A name never runs across a line
//! break.

mod bodies;
mod coref;
pub(crate) mod lexicon;
mod parse;
mod people;
mod places;
mod titles;

use crate::extract::builder::{UserPattern, apply_patterns};
use crate::extract::context::{Ctx, word_keys};
use crate::extract::extraction::{forget_plain, owns_heap};
use crate::extract::resolve::take_kind;
use crate::extract::{
    Credit, CreditRole, EntityKind, LinkKind, NameForm, Organization, Person, Place, PlaceLevel,
    Title,
};
use crate::span::Span;
use crate::tokenize::{Casing, TokenKind};

use lexicon::{Lexicon, OPENS, Word, class};
use parse::{Complement, Cue, OrgParse, PersonParse, PlaceParse, Range, TitleParse, key};

/// One entity the recognizer found, over the tokens `first..end`.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub first: usize,
    pub end: usize,
    /// Where `first..end` lies in the text. Read from the records when the
    /// entity is found, while they are in the cache, and kept right as
    /// `first` or `end` change ([`Found::set_end`]): the second pass and
    /// the merge read it here, not from a large text's records, which lie
    /// far apart in memory by then.
    pub bytes: Bytes,
    pub kind: EntityKind,
    /// Found inside another name (a place in an organization, an
    /// organization in a title).
    pub inner: bool,
    /// For an organization built from a head noun, where the name after
    /// the head starts (`Quảng Nam` in `Câu lạc bộ Quảng Nam`). (A token
    /// index in 32 bits, as a brief keeps it: a text holds fewer tokens
    /// than bytes. The entity takes a word less.)
    pub name_from: Option<u32>,
}

impl Found {
    /// An entity over `first..end` that lies inside no other and sets no
    /// [`Found::name_from`].
    pub fn new(ctx: &Ctx<'_>, first: usize, end: usize, kind: EntityKind) -> Found {
        Found::spanning(first, end, ctx.span_of(first, end), kind)
    }

    /// [`Found::new`] for a caller that has the span of `first..end` at
    /// hand already (a name's span is often the entity's): the records
    /// are not read again.
    pub fn spanning(first: usize, end: usize, span: Span, kind: EntityKind) -> Found {
        Found {
            first,
            end,
            bytes: Bytes::from(span),
            kind,
            inner: false,
            name_from: None,
        }
    }

    /// Moves the entity's end to token `end`, its span with it.
    pub fn set_end(&mut self, ctx: &Ctx<'_>, end: usize) {
        self.end = end;
        self.bytes = Bytes::of(ctx, self.first, end);
    }
}

/// Where an entity lies in the text, as [`Ctx::span_of`] gives it for its
/// tokens: eight bytes where a [`Span`] takes sixteen (a [`Ctx`] holds no
/// more than [`MAX_TEXT`](crate::extract::context::MAX_TEXT) bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Bytes {
    pub start: u32,
    pub end: u32,
}

impl Bytes {
    /// The span of the tokens `first..end`, read from their records.
    pub fn of(ctx: &Ctx<'_>, first: usize, end: usize) -> Bytes {
        Bytes::from(ctx.span_of(first, end))
    }

    pub fn span(self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

impl From<Span> for Bytes {
    fn from(span: Span) -> Bytes {
        // (No offset of a `Ctx`'s text passes `u32::MAX`.)
        let at = |b: usize| u32::try_from(b).unwrap_or(u32::MAX);
        Bytes {
            start: at(span.start),
            end: at(span.end),
        }
    }
}

/// What the recognizer found: entities and links between them (indices
/// into `found`).
///
/// The caller keeps one between texts (the merge into the result empties
/// it, and [`find`] clears it): its vectors, its set and the second pass's
/// buffers are then allocated once, not for every text.
#[derive(Debug, Default)]
pub(crate) struct Names<'h> {
    pub found: Vec<Found>,
    pub links: Vec<(LinkKind, usize, usize)>,
    /// The keys of the one-word given names of the persons found so far
    /// (see [`Scanner::given_name_met`]). (Hashed as the trie's keys are:
    /// the standard SipHash costs more than the rest of a lookup.)
    pub givens: std::collections::HashSet<u128, coref::Fast>,
    /// What the second pass gathers for each text, kept for the next.
    coref: coref::Buffers<'h>,
}

impl Names<'_> {
    /// Adds, for each entity found over one token or more, its span and its
    /// index in `found`, in the order found. (Read from the second pass's
    /// briefs, a tenth of the memory of the entities; test builds check
    /// them against the entities.)
    pub(crate) fn spans_into(&self, out: &mut Vec<(usize, core::cmp::Reverse<usize>, usize)>) {
        let from = out.len();
        let by_entity = self
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.first < f.end)
            .map(|(k, f)| {
                (
                    f.bytes.start as usize,
                    core::cmp::Reverse(f.bytes.end as usize),
                    k,
                )
            });
        // (Entities not read by the second pass are read themselves.)
        if !self.coref.spans_into(self.found.len(), out) {
            out.extend(by_entity);
            return;
        }
        debug_assert!(
            out.get(from..)
                .unwrap_or_default()
                .iter()
                .copied()
                .eq(by_entity),
            "the briefs' spans differ from the entities'"
        );
    }
}

impl Names<'_> {
    /// The same buffers for a text of another lifetime (see
    /// [`coref::Buffers::relabel`]).
    pub(crate) fn relabel<'b>(self) -> Names<'b> {
        Names {
            found: self.found,
            links: self.links,
            givens: self.givens,
            coref: self.coref.relabel(),
        }
    }

    /// Empties `found`, keeping its capacity. Only the entities the second
    /// pass noted as owning memory on the heap (a few organizations) are
    /// dropped; the rest, which own nothing, are forgotten without being
    /// read: dropping each would read every entity, a large text's
    /// megabytes, to find nothing to free. (Entities the second pass did
    /// not read are dropped as usual.)
    pub(crate) fn clear_found(&mut self) {
        let Some(owners) = self.coref.owners(self.found.len()) else {
            self.found.clear();
            return;
        };
        for &k in owners {
            if let Some(f) = self.found.get_mut(k) {
                drop(take_kind(&mut f.kind));
            }
        }
        forget_plain(&mut self.found, |f| owns_heap(&f.kind));
    }

    /// Forgets the names of the last text, keeping the buffers.
    pub(crate) fn clear(&mut self) {
        self.clear_found();
        self.links.clear();
        self.givens.clear();
    }
}

/// Finds the names of `ctx`'s text. `blocked[i]` marks the tokens of dates
/// and document references, which no name may take.
///
/// The caller's patterns are applied after the first pass and before the
/// second, so a later `ông Ba` refers back to a name a pattern found.
/// `names` holds the caller's buffers, kept between texts: what it held
/// is cleared first.
pub(crate) fn find<'h>(
    ctx: &Ctx<'h>,
    lex: &Lexicon,
    blocked: &[bool],
    patterns: &[UserPattern],
    mut names: Names<'h>,
) -> Names<'h> {
    names.clear();
    let mut scanner = Scanner {
        ctx,
        lex,
        blocked,
        names,
    };
    scanner.run();
    apply_patterns(patterns, ctx, blocked, &mut scanner.names);
    coref::resolve(&mut scanner);
    scanner.names
}

/// Whether a token of kind `kind` is a capitalised word in foreign letters
/// or an abbreviation (see [`Scanner::foreign_capital`]).
pub(crate) fn foreign_capital_kind(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Word(Casing::Title | Casing::Upper | Casing::Mixed) | TokenKind::Abbreviation
    )
}

/// The most words a byline (the author's name alone on the text's last
/// line) may have.
const BYLINE_WORDS: usize = 6;

pub(crate) struct Scanner<'a, 'h, 'l> {
    pub ctx: &'a Ctx<'h>,
    pub lex: &'l Lexicon,
    blocked: &'a [bool],
    pub names: Names<'h>,
}

impl Scanner<'_, '_, '_> {
    /// Whether a name that ends before token `end` closes its clause there:
    /// the text or the line ends, or a comma, semicolon, closing bracket or
    /// full stop follows.
    pub(crate) fn clause_ends(&self, end: usize) -> bool {
        end >= self.ctx.len()
            || end == 0
            || !self.ctx.same_line(end - 1, end)
            || [',', ';', ')', '.']
                .iter()
                .any(|&c| self.ctx.is_char(end, c))
    }

    /// Whether token `k` is a capitalised word in foreign letters or an
    /// abbreviation, no Vietnamese syllable (`Embraer`, `JERA`, `VSIP`):
    /// how a foreign body's name begins.
    pub(crate) fn foreign_capital(&self, k: usize) -> bool {
        self.ctx.kind(k).is_some_and(foreign_capital_kind)
    }

    /// Whether token `i` exists and no date or document holds it.
    pub(crate) fn open(&self, i: usize) -> bool {
        i < self.ctx.len() && !self.blocked.get(i).copied().unwrap_or(false)
    }

    /// Whether every token of `first..end` is open.
    pub(crate) fn clear(&self, first: usize, end: usize) -> bool {
        (first..end).all(|i| self.open(i))
    }

    fn span(&self, (first, end): Range) -> Span {
        self.ctx.span_of(first, end)
    }

    #[inline(always)]
    fn push(&mut self, first: usize, end: usize, kind: EntityKind) -> usize {
        // (Built in place: through `Found::new` the kind would be copied
        // once more.)
        self.names.found.push(Found {
            first,
            end,
            bytes: Bytes::of(self.ctx, first, end),
            kind,
            inner: false,
            name_from: None,
        });
        self.names.found.len() - 1
    }

    fn run(&mut self) {
        // Every reading starts at a capital or at a word of the lists (an
        // honorific, a role, a unit word, a head noun): the other words
        // are never visited.
        let ctx = self.ctx;
        // The first token a new reading may start at.
        let mut free_from = 0;
        for &i in ctx.openers() {
            if i < free_from || !self.open(i) {
                continue;
            }
            // The title of a film, a book or a song in quotes names no one
            // (`phim “Gió Lang Biang”`): passed over whole.
            if let Some(end) = self.quoted_work(i) {
                free_from = end;
                continue;
            }
            if !self.may_open(i) {
                // Test builds still try every reading here, and fail if
                // one starts: the test must stay exact as readings change.
                #[cfg(debug_assertions)]
                {
                    let before = self.names.found.len();
                    let read = self.read_at(i);
                    debug_assert!(
                        read.is_none() && self.names.found.len() == before,
                        "a reading starts at token {i}, passed over by may_open"
                    );
                }
                continue;
            }
            free_from = self.read_at(i).unwrap_or(i + 1).max(i + 1);
        }
    }

    /// The end (past the closing quote) of a work's title in quotes that
    /// starts at `i`: after a noun of works (`phim`, `ca khúc`, `tác
    /// phẩm`, `cuốn`, `vở` …) or before `của` and its maker (`“Gió Lang
    /// Biang” của Hãng phim …`, `… của đạo diễn …`). At most twelve words,
    /// on one line.
    fn quoted_work(&self, i: usize) -> Option<usize> {
        let ctx = self.ctx;
        let quote = |k: usize| ctx.is_char(k, '“') || ctx.is_char(k, '"');
        // (Most openers follow a word: the kind says so before any mark is
        // compared.)
        let open = i.checked_sub(1).filter(|&q| {
            !ctx.kind(q).is_some_and(TokenKind::is_wordlike) && quote(q) && ctx.same_line(q, i)
        })?;
        // (On the line of the opening quote: each token on from `i` is
        // tested against the one before it, and the text of a token in
        // between, of a kind that may hold a line break, for one, as
        // `same_line(open, k)` tests the whole gap at once.)
        let inside_breaks = |k: usize| {
            !ctx.kind(k)
                .is_some_and(|kind| kind.is_wordlike() || kind == TokenKind::Punctuation)
                && ctx.text_of(k).bytes().any(|b| b == b'\n' || b == b'\t')
        };
        let close = (i..(i + 12).min(ctx.len()))
            .take_while(|&k| k == i || (ctx.same_line(k - 1, k) && !inside_breaks(k - 1)))
            .find(|&k| ctx.is_char(k, '”') || ctx.is_char(k, '"'))?;
        debug_assert!(
            (i..=close).all(|k| ctx.same_line(open, k)),
            "a work's title in quotes read across a line"
        );
        let noun_before = open > 0
            && ctx
                .which(
                    open - 1,
                    word_keys![
                        "phim", "phẩm", "khúc", "hát", "sách", "cuốn", "vở", "kịch", "thuyết",
                        "tuồng", "chèo", "lương", "đoạn", "album", "truyện", "thơ", "đề",
                    ],
                )
                .is_some();
        let maker_after = ctx.is(close + 1, "của")
            && ctx
                .which(
                    close + 2,
                    word_keys!["hãng", "đạo", "nhà", "tác", "nhạc", "ca"],
                )
                .is_some();
        (noun_before || maker_after).then_some(close + 1)
    }

    /// The first reading that starts at `i`, in order of strength: a
    /// credit, an honorific and what follows, a title and its holder, a
    /// bare name. Emits what it reads and returns its end.
    fn read_at(&mut self, i: usize) -> Option<usize> {
        self.credit(i)
            .or_else(|| self.honorific_mention(i))
            .or_else(|| self.titled_mention(i))
            .or_else(|| self.bare_name(i))
    }

    /// Whether a reading ([`Scanner::read_at`]) may start at opener `i`;
    /// `false` where every one would fail, found at the cost of a test or a
    /// walk.
    ///
    /// A word in lower case opens a reading only through a listed phrase
    /// of an opening class ([`OPENS`]) written out from it (`ông`, `tỉnh
    /// Bình Định`, `công ty`; not `công nghệ`). A capital that starts no
    /// such phrase opens one only as a name of two words or more (a
    /// capital, an initial, a hyphen or a foreign name's particle after it
    /// on the line), as initials,
    /// or as a byline of the text's last words: `Theo báo cáo`, `Các đơn
    /// vị`, `Trong năm` open nothing.
    fn may_open(&self, i: usize) -> bool {
        let ctx = self.ctx;
        if !ctx.capital(i) {
            return self.lower_may_open(i);
        }
        // (A word of the lists opens a reading whatever follows: the next
        // token is not read for it.)
        if ctx.start(i).is_some_and(|s| s.has(OPENS)) {
            return true;
        }
        let abbreviation = |k: usize| ctx.kind(k) == Some(TokenKind::Abbreviation);
        // (A name's word may be in mixed case: `McCain`, and `hHai` too.)
        let mixed = ctx.kind(i + 1) == Some(TokenKind::Word(Casing::Mixed));
        // (Or a foreign name goes on past a particle: `Lula da Silva`; not
        // `do`, the Vietnamese `by` too: `phim Dune do Denis Villeneuve`.)
        let name_goes_on = ctx.same_line(i, i + 1)
            && (ctx.capital(i + 1)
                || mixed
                || abbreviation(i + 1)
                || ctx.is_dash(i + 1)
                || (self.particles_before_name(i + 1) > 0 && !self.particle_is_by(i + 1)));
        name_goes_on || abbreviation(i) || ctx.len().saturating_sub(i) <= BYLINE_WORDS
    }

    /// [`Scanner::may_open`] for a word in lower case, from one walk of
    /// the lists: only a byline (the text's last words), an honorific, a
    /// title, a known place or body, a unit word before a name (a capital,
    /// a number or a known place after it) or a head noun before a capital
    /// (or a team's, named in lower case: `đội tuyển điền kinh Việt Nam`)
    /// may open a reading there; `trường đã`, `đường đi`, `tỉnh sửa` open
    /// none.
    fn lower_may_open(&self, i: usize) -> bool {
        let ctx = self.ctx;
        if ctx.len().saturating_sub(i) <= BYLINE_WORDS {
            return true;
        }
        let whole = class::HONORIFIC
            | class::STATUS
            | class::RANK
            | class::ROLE
            | class::PLACE
            | class::ORG;
        // (Most such words go on with no phrase, `công nghệ`, `người
        // dân`: refused at the trie's first step, with no walk.)
        if !self
            .lex
            .may_start(ctx, i, whole | class::UNIT | class::HEAD)
        {
            debug_assert!(
                self.lex
                    .longest_each(ctx, i, [whole, class::UNIT, class::HEAD])
                    .iter()
                    .all(Option::is_none),
                "token {i}: a phrase starts where the trie's first step says none may"
            );
            return false;
        }
        let [whole, unit, head] = self
            .lex
            .longest_each(ctx, i, [whole, class::UNIT, class::HEAD]);
        let name_after_unit = |j: usize| {
            ctx.capital(j)
                || ctx.start(j).is_some_and(|s| s.has(class::PLACE))
                || ctx
                    .text_of(j)
                    .as_bytes()
                    .first()
                    .is_some_and(u8::is_ascii_digit)
        };
        let team = |w: Word| {
            matches!(
                w,
                Word::Head {
                    category: crate::extract::OrgCategory::Sports,
                    ..
                }
            )
        };
        whole.is_some()
            || unit.is_some_and(|h| name_after_unit(h.end))
            || head.is_some_and(|h| ctx.capital(h.end) || team(h.word))
    }

    /// Whether the word before `i` makes what follows plural or generic:
    /// `các đồng chí Phó Bí thư`, `những ông chủ`, `tổ trọng tài`, `đội
    /// ngũ bác sĩ`.
    fn plural(&self, i: usize) -> bool {
        // (`vị` of `cương vị`, `địa vị`, `đơn vị` is no classifier: `Trên
        // cương vị Bộ trưởng Thương mại, ông …`.)
        let noun_vi = i >= 2
            && self.ctx.is(i - 1, "vị")
            && self
                .ctx
                .which(i - 2, word_keys!["cương", "địa", "đơn", "tước", "chức"])
                .is_some();
        // (One key compared per word, not each word packed again.)
        i > 0
            && !noun_vi
            && self
                .ctx
                .which(
                    i - 1,
                    word_keys![
                        "các", "những", "nhiều", "mọi", "vị", "hai", "ba", "tổ", "nhóm", "ngũ",
                    ],
                )
                .is_some()
    }

    /// `ông`, `bà`, `đồng chí` … and the title or name after it.
    fn honorific_mention(&mut self, i: usize) -> Option<usize> {
        let h = self.lex.longest(self.ctx, i, class::HONORIFIC)?;
        let j = h.end;
        // `đàn ông`, `đàn bà`: a man, a woman, no honorific (`một người
        // đàn ông Mỹ`).
        if i > 0 && self.ctx.is(i - 1, "đàn") && self.ctx.same_line(i - 1, i) {
            return None;
        }
        // `Bà Rịa - Vũng Tàu`: a known place read from here wins; but not
        // one of a single word after the honorific that a word for what
        // someone does follows (`Anh Sơn, tài xế xe khách, kể …`).
        if let Some(pl) = self.place(i).filter(|p| p.end > j) {
            let e = pl.end;
            let apposed = pl.unit.is_none()
                && e == j + 1
                && self.ctx.is_char(e, ',')
                && self.ctx.same_line(e - 1, e)
                && self
                    .lex
                    .longest(
                        self.ctx,
                        e + 1,
                        class::HONORIFIC | class::ROLE | class::RANK,
                    )
                    .is_some();
            if !apposed {
                return None;
            }
        }
        if !self.open(j) || !self.ctx.same_line(i, j) {
            return None;
        }
        if self.plural(i) {
            // `các đồng chí Phó Bí thư`: a generic mention, passed over.
            return self.title(j).map(|t| t.end);
        }
        if let Some(end) = self.title_chain(j, Some((i, j))) {
            return Some(end);
        }
        let p = self.person(j, Cue::Strong)?;
        // `VĐV Kenya`: a country in foreign letters names where the athlete
        // is from, not the athlete (`anh Đức` may be a man named Đức).
        let country = p.end == j + 1
            && matches!(self.ctx.kind(j), Some(TokenKind::Word(_)))
            && self
                .lex
                .longest(self.ctx, j, class::PLACE)
                .is_some_and(|h| h.end == j + 1 && h.word == Word::Place(PlaceLevel::Country));
        if country {
            return None;
        }
        // `tiền đạo Pháp Kylian Mbappé`, `tay vợt Serbia Novak Djokovic`:
        // a country before a full or foreign name of its own says where
        // the person is from, and the name starts after it.
        let from = self
            .lex
            .longest(self.ctx, j, class::PLACE)
            .filter(|c| c.word == Word::Place(PlaceLevel::Country) && c.end + 2 <= p.end)
            .and_then(|c| {
                self.person(c.end, Cue::Strong).filter(|r| {
                    r.end == p.end && matches!(r.form, NameForm::Full | NameForm::Foreign)
                })
            });
        if let Some(rest) = from {
            let place = PlaceParse::bare(j, rest.first, PlaceLevel::Country);
            self.emit_place(place);
            let end = rest.end;
            let person = self.emit_person(rest, Some((i, j)));
            return Some(self.after_person(person, end));
        }
        let end = p.end;
        let person = self.emit_person(p, Some((i, j)));
        Some(self.after_person(person, end))
    }

    /// A title (or a chain of them) and the name after it.
    fn titled_mention(&mut self, i: usize) -> Option<usize> {
        let opens = self
            .lex
            .longest(self.ctx, i, class::STATUS | class::RANK | class::ROLE)
            .is_some();
        if !opens {
            return None;
        }
        // (`các tân NSND`: the plural word may come before the status.)
        let plural_before_status =
            || i > 0 && self.lex.is(self.ctx, i - 1, class::STATUS) && self.plural(i - 1);
        if self.plural(i) || plural_before_status() {
            return None;
        }
        // A role in lower case right after a name is what the person does
        // (`phim do Trần Anh Hùng đạo diễn`), not a title.
        let after_name = !self.ctx.capital(i)
            && self.names.found.last().is_some_and(|f| {
                f.end == i
                    && matches!(f.kind, EntityKind::Person(_))
                    && self.ctx.same_line(i - 1, i)
            });
        // Nor is one after `trả lời`, `nói với`, `trao đổi với`: the one
        // spoken to, named by what they do (`Trả lời phóng viên TTXVN, Đại
        // sứ … cho rằng`).
        let spoken_to = !self.ctx.capital(i)
            && i > 0
            && self.ctx.same_line(i - 1, i)
            && (self.ctx.is(i - 1, "với")
                || (i > 1 && self.ctx.is(i - 1, "lời") && self.ctx.is(i - 2, "trả")));
        if after_name || spoken_to {
            return None;
        }
        self.title_chain(i, None)
    }

    /// Titles from `i` joined by `,`, `kiêm`, `đồng thời là`; then the
    /// holder's name right after the last one, or `, ông X`. Emits them and
    /// returns the end.
    fn title_chain(&mut self, i: usize, honorific: Option<Range>) -> Option<usize> {
        let first = self.title(i)?;
        // The titles after the first, kept apart: most chains hold one
        // title, which is then never moved to the heap.
        let mut more: Vec<TitleParse> = Vec::new();
        while let Some(next) = self.chain_join(more.last().unwrap_or(&first).end) {
            match self.title(next) {
                Some(t) => more.push(t),
                None => break,
            }
        }
        // A rank between the titles and the name is one more of them:
        // `Phó Cục trưởng Cục CSGT Đại tá Đặng Minh Khôi`.
        let last_end = more.last().unwrap_or(&first).end;
        // (Only a word that starts a rank or a status may start one: a
        // role there, a title of its own, is not read whole to be
        // refused.)
        let rank = Some(last_end)
            .filter(|&e| {
                self.ctx
                    .start(e)
                    .is_some_and(|s| s.has(class::STATUS | class::RANK))
                    && self.ctx.same_line(e - 1, e)
            })
            .and_then(|e| self.title(e))
            .filter(|t| t.role.is_none() && self.person(t.end, Cue::Strong).is_some());
        more.extend(rank);
        let end = more.last().unwrap_or(&first).end;
        // The holder: a name right after the title on the same line
        // (`Tổng thống Mỹ Donald Trump`), or after a comma and an
        // honorific (`Giám đốc Sở Y tế, ông Lê Văn B`).
        let mut holder = None;
        let mut honor = honorific;
        // `HLV người Kenya Joseph Kiprono`: the holder's country between.
        let mut nationality = None;
        if self.ctx.same_line(end - 1, end) {
            // (Not a name that a body's head goes on from: `Chủ tịch Hội
            // đồng thi tuyển`, `học sinh Trường THPT chuyên …`.)
            // (Nor, after a role that ends in its body's head, a capital
            // alone that a word goes on from: `Phó Trưởng Ban Chỉ đạo …`.)
            let person = self.person(end, Cue::Strong).filter(|p| {
                self.lex
                    .longest(self.ctx, end, class::HEAD | class::ORG)
                    .is_none_or(|h| h.end <= p.end)
                    && !(p.form == NameForm::Given
                        && self.ctx.is(end - 1, "ban")
                        && self.ctx.same_line(end, p.end)
                        && self.lex.is(self.ctx, p.end, class::TAIL))
            });
            if let Some(p) = person {
                holder = Some(p);
            } else if let Some(p) = self.after_abbreviation(end) {
                holder = Some(p);
            } else if self.ctx.is(end, "người") {
                let country = self.place(end + 1).filter(|pl| {
                    pl.level == PlaceLevel::Country && self.ctx.same_line(end, pl.end)
                });
                if let Some(pl) = country {
                    holder = self.person(pl.end, Cue::Strong);
                    nationality = holder.as_ref().map(|_| pl);
                }
            } else {
                // (Past the body's abbreviation too: `Chủ tịch Phòng Thương
                // mại và Công nghiệp Hàn Quốc (KCCI), ông Han Dong-jin`.)
                let comma = Some(end).filter(|&e| self.ctx.is_char(e, ',')).or_else(|| {
                    self.past_abbreviation(end)
                        .filter(|&a| self.ctx.is_char(a, ','))
                });
                let honorific = comma.and_then(|c| {
                    self.lex
                        .longest(self.ctx, c + 1, class::HONORIFIC)
                        .map(|h| (c, h))
                });
                if let Some((c, h)) = honorific {
                    if let Some(p) = self.person(h.end, Cue::Strong) {
                        honor = Some((c + 1, h.end));
                        holder = Some(p);
                    }
                }
            }
        }
        // `sự tín nhiệm của đại biểu HĐND tỉnh`: delegates in general, no
        // title; their body stays.
        let delegates = holder.is_none()
            && more.is_empty()
            && i > 0
            && self.ctx.is(i - 1, "của")
            && !self.ctx.capital(i)
            && self.ctx.is(i, "đại")
            && self.ctx.is(i + 1, "biểu");
        if delegates {
            match first.complement {
                Some(Complement::Org(o)) => {
                    self.emit_org(o);
                }
                Some(Complement::Place(p)) => {
                    self.emit_place(p);
                }
                None => {}
            }
            return Some(end);
        }
        let first_title = self.emit_title(first);
        let more_titles: Vec<usize> = more.into_iter().map(|t| self.emit_title(t)).collect();
        if let Some(pl) = nationality {
            self.emit_place(pl);
        }
        let Some(p) = holder else {
            return Some(end);
        };
        let person_end = p.end;
        let person = self.emit_person(p, honor);
        for t in std::iter::once(first_title).chain(more_titles) {
            self.names.links.push((LinkKind::Holds, person, t));
        }
        Some(self.after_titled_person(person, person_end))
    }

    /// [`Scanner::after_person`] for a person named after a title of their
    /// own, whose titles set after the name may instead open the next
    /// person's: in a list of guests (`Thứ trưởng Bộ Công Thương Lương Đức
    /// Khiêm, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Khánh Hòa Lâm Quốc
    /// Trung`) a chain of titles whose last one has a name right after it
    /// is that name's, and is left for it whole.
    fn after_titled_person(&mut self, person: usize, end: usize) -> usize {
        if self.ctx.is_char(end, ',') && self.chain_before_next_name(end + 1) {
            return end;
        }
        self.after_person(person, end)
    }

    /// Whether the titles joined from `j` on (by `,`, `kiêm`, `đồng thời
    /// là`), two or more, end in a role with a full or foreign name right
    /// after it on its line (which is then not a body named after that
    /// person).
    fn chain_before_next_name(&self, j: usize) -> bool {
        let Some(mut t) = self.title(j) else {
            return false;
        };
        let mut joined = 0;
        loop {
            let next_name = self
                .ctx
                .same_line(t.end - 1, t.end)
                .then(|| self.person(t.end, Cue::None))
                .flatten()
                .filter(|p| matches!(p.form, NameForm::Full | NameForm::Foreign));
            if let Some(p) = next_name {
                return joined > 0
                    && t.role.is_some()
                    && !self.body_named_after(&mut t.clone(), &p);
            }
            // (Not past `và`, which may open the next person: `Thiếu tá
            // A, Đồn trưởng …, và Thượng tá B, Chỉ huy trưởng …`.)
            let Some(next) = self
                .chain_join(t.end)
                .filter(|&n| joined < 6 && !self.ctx.is(n - 1, "và"))
            else {
                return false;
            };
            match self.title(next) {
                Some(n) => t = n,
                None => return false,
            }
            joined += 1;
        }
    }

    /// The holder's name after a body's abbreviation in brackets at `k`,
    /// which closes the title before it: `Tổng Thư ký Hiệp hội Rau quả
    /// Việt Nam (VINAFRUIT) Phan Minh Trọng`.
    fn after_abbreviation(&self, k: usize) -> Option<PersonParse> {
        self.past_abbreviation(k)
            .and_then(|after| self.person(after, Cue::Strong))
    }

    /// Where a body's abbreviation in brackets at `k` (`(VINAFRUIT)`) ends,
    /// with the token after it on the same line.
    fn past_abbreviation(&self, k: usize) -> Option<usize> {
        // (Capitals, not a year or a number: `(2020)` dates what is before.)
        let abbreviation = self.ctx.tok(k + 1).is_some_and(|t| {
            t.text().chars().any(char::is_uppercase)
                && (t.kind() == TokenKind::Abbreviation
                    || t.text().chars().all(|c| !c.is_lowercase()))
        });
        if !self.ctx.is_char(k, '(') || !abbreviation || !self.ctx.is_char(k + 2, ')') {
            return None;
        }
        self.ctx.same_line(k, k + 3).then_some(k + 3)
    }

    /// Where the next title of a chain starts after `k`: past `,`, `;`,
    /// `kiêm`, `đồng thời là`, `và`.
    fn chain_join(&self, k: usize) -> Option<usize> {
        if !self.ctx.same_line(k.saturating_sub(1), k) {
            return None;
        }
        let mut j = k;
        if self.ctx.is_char(j, ')') {
            j += 1;
        }
        if self.ctx.is_char(j, ',') || self.ctx.is_char(j, ';') || self.ctx.is_char(j, '(') {
            j += 1;
        }
        if self.ctx.is(j, "kiêm") || self.ctx.is(j, "và") {
            j += 1;
        } else if self.ctx.is(j, "đồng") && self.ctx.is(j + 1, "thời") {
            j += 2;
            if self.ctx.is(j, "là") {
                j += 1;
            }
        }
        (j > k).then_some(j)
    }

    /// A place, organization or person with no cue before it.
    fn bare_name(&mut self, i: usize) -> Option<usize> {
        // Initials of two letters or more with an age or birth year after
        // them: `N.V.A (SN 1994)`.
        // (The kind first: most words are no abbreviation, and their text
        // is not read.)
        let initials = self.ctx.kind(i) == Some(TokenKind::Abbreviation)
            && self
                .ctx
                .tok(i)
                .is_some_and(|t| t.text().contains('.') && parse::is_initials(t.text()));
        if initials {
            let mid_sentence = i > 0
                && self.ctx.kind(i - 1).is_some_and(TokenKind::is_wordlike)
                && self.ctx.same_line(i - 1, i);
            let letters = self.ctx.text_of(i).matches('.').count();
            if self.age(i + 1).2 > i + 1 || (mid_sentence && letters >= 2) {
                let p = self.person(i, Cue::Strong)?;
                let person = self.emit_person(p, None);
                return Some(self.after_person(person, i + 1));
            }
        }
        let place = self.place(i);
        // `tiếng Bồ Đào Nha`: a language named after a country of several
        // words is passed over whole, or its last words would read as a
        // person (`Đào Nha`). (`tiếng` first: most words follow another.)
        if place.is_none() && i > 0 && self.is_word(i - 1, key!("tiếng")) {
            let language = self
                .lex
                .longest(self.ctx, i, class::PLACE)
                .filter(|h| h.word == Word::Place(PlaceLevel::Country) && h.end > i + 1);
            if let Some(h) = language {
                return Some(h.end);
            }
        }
        let org = self.org(i);
        let place_end = place.as_ref().map_or(0, |p| p.end);
        let org_end = org.as_ref().map_or(0, |o| o.end);
        // A place whose name runs past a body's head word holds that word:
        // `Đài Loan`, `Hội An` (no `Đài`, no `Hội`, before `Loan nhập`).
        let head_in_place = place.as_ref().is_some_and(|p| p.unit.is_none())
            && org
                .as_ref()
                .and_then(|o| o.after_head)
                .is_some_and(|after_head| after_head < place_end);
        // A person's name read from `i` runs no further than a place that
        // the word after it cannot go on with (a word in lower case that
        // joins no foreign name, a mark, a number, the end): where the
        // place beats the body, the person does not beat it either, and is
        // not read.
        let name_stops = |k: usize| match self.ctx.kind(k) {
            None | Some(TokenKind::Number(_)) => true,
            Some(TokenKind::Punctuation) => !self.ctx.is_char(k, '-'),
            Some(TokenKind::Syllable(Casing::Lower)) => self
                .ctx
                .which(
                    k,
                    word_keys![
                        "da", "do", "dos", "das", "de", "di", "del", "van", "von", "der", "bin",
                        "ibn"
                    ],
                )
                .is_none(),
            _ => false,
        };
        let person_short =
            place.is_some() && (place_end >= org_end || head_in_place) && name_stops(place_end);
        // `Ông`, `Bà` are family names too, but not before a name.
        let honorific = self.lex.is(self.ctx, i, class::HONORIFIC);
        let person = if honorific || person_short {
            None
        } else {
            self.person(i, Cue::None)
        };
        debug_assert!(
            !person_short
                || honorific
                || self.person(i, Cue::None).is_none_or(|p| p.end <= place_end),
            "token {i}: a person's name runs past the place it was not read for"
        );
        let person_end = person.as_ref().map_or(0, |p| p.end);
        if let Some(p) =
            place.filter(|_| (place_end >= org_end || head_in_place) && place_end >= person_end)
        {
            let level = p.level;
            let unit = p.unit.is_some();
            self.emit_place(p);
            // The names listed after it share its unit word: `xã Bến Cầu,
            // Long Thuận và Phước Chỉ`.
            if let Some(list_end) = unit.then(|| self.listed_places_end(place_end)).flatten() {
                let mut k = place_end;
                while let Some(end) = self.listed_place(k + 1).filter(|&e| e <= list_end) {
                    self.emit_place(PlaceParse::bare(k + 1, end, level));
                    k = end;
                }
                return Some(list_end);
            }
            return Some(place_end);
        }
        // A person beats a body of the same length built from a head
        // (`Đoàn Văn Hậu`), not one known by name (`Hoàng Anh Gia Lai`).
        // (A foreign-looking name loses to a body: `Startup Lumira`.)
        let org_known = org.as_ref().is_some_and(|o| o.known);
        let vietnamese = person.as_ref().is_some_and(|p| p.form != NameForm::Foreign);
        let wins_tie = !org_known && vietnamese;
        // A head of one word that is a family name begins a full name
        // whatever joins it after: `Đoàn Quốc Hưng và Trịnh Hải Yến` are
        // two boxers, no delegation.
        let family_head = org.as_ref().is_some_and(|o| o.after_head == Some(i + 1))
            && self.lex.is(self.ctx, i, class::SURNAME)
            && person.as_ref().is_some_and(|p| p.form == NameForm::Full);
        // A foreign name right after `ở` or `tại` is a city the lists do
        // not know: `sống ở Grand Rapids`.
        // (Asked only of a foreign name that wins.)
        let at_place = || {
            i > 0
                && self.ctx.same_line(i - 1, i)
                && self.ctx.which(i - 1, word_keys!["ở", "tại"]).is_some()
        };
        if let Some(p) = person
            .filter(|_| person_end > org_end || (person_end == org_end && wins_tie) || family_head)
        {
            // (A word in foreign letters of three or more: not `tại Phần B
            // Thông tư …`.)
            let foreign_word = || {
                (i..p.end).any(|k| {
                    matches!(self.ctx.kind(k), Some(TokenKind::Word(_)))
                        && self.ctx.text_of(k).chars().count() >= 3
                })
            };
            let city = p.form == NameForm::Foreign
                && at_place()
                && foreign_word()
                && !self.ctx.capital(i - 1);
            if city {
                self.emit_place(PlaceParse::bare(i, p.end, PlaceLevel::City));
                return Some(p.end);
            }
            let person = self.emit_person(p, None);
            return Some(self.after_person(person, person_end));
        }
        let o = org?;
        self.emit_org(o);
        Some(org_end)
    }

    /// After a person ending at `end`: the age or birth year beside the
    /// name, and titles set after it with `,` or a dash. Returns the end
    /// of what was read.
    fn after_person(&mut self, person: usize, end: usize) -> usize {
        let mut k = end;
        let (age, birth, after) = self.age(k);
        if let Some(EntityKind::Person(p)) = self.names.found.get_mut(person).map(|f| &mut f.kind) {
            p.age = p.age.or(age);
            p.birth_year = p.birth_year.or(birth);
        }
        if after > k {
            k = after;
        }
        // `Kim Liên (tên thật Phạm Thị Liên), Phó Giám đốc …`: past the
        // bracket of a real name, the title is the same person's.
        let real_name = || {
            self.names.found.get(person).is_some_and(|f| {
                f.first >= 3
                    && self.ctx.is_char(f.first - 3, '(')
                    && self.ctx.is(f.first - 2, "tên")
                    && self.ctx.is(f.first - 1, "thật")
            })
        };
        if self.ctx.is_char(k, ')') && real_name() {
            k += 1;
        }
        // A short note in brackets between the name and its titles, as the
        // delegation a deputy sits for: `Đại biểu Thạch Thị Sa Ry (đoàn
        // Vĩnh Long), Ủy viên Ủy ban Văn hóa và Xã hội`.
        if self.ctx.is_char(k, '(') && self.title(k + 1).is_none() {
            let close = (k + 2..k + 8)
                .take_while(|&c| self.ctx.same_line(c - 1, c))
                .find(|&c| self.ctx.is_char(c, ')'));
            // (Not a bracket that names the person again: `Kim Liên (tên
            // thật Phạm Thị Liên), Phó Giám đốc …`.)
            let names_someone = |c: usize| {
                (k + 1..c).any(|t| {
                    self.place(t).is_none()
                        && self
                            .person(t, Cue::None)
                            .is_some_and(|p| p.form != NameForm::Given)
                })
            };
            let note = close.filter(|&c| {
                self.ctx.is_char(c + 1, ',') && !names_someone(c) && self.title(c + 2).is_some()
            });
            if let Some(c) = note {
                // (The places it names are read as the scan would: `Vĩnh
                // Long`.)
                let mut t = k + 1;
                while t < c {
                    match self.place(t).filter(|pl| pl.end <= c) {
                        Some(pl) => {
                            t = pl.end;
                            self.emit_place(pl);
                        }
                        None => t += 1,
                    }
                }
                k = c + 1;
            }
        }
        let dash = self.ctx.is_dash(k) || self.ctx.is_char(k, ',') || self.ctx.is_char(k, '(');
        if !dash || !self.ctx.same_line(k.saturating_sub(1), k) {
            return k;
        }
        let mut j = k + 1;
        let mut last = k;
        while let Some(mut t) = self.title(j) {
            // (The first title, or one joined by `kiêm`: not one after `,
            // và`, which may be the next person's.)
            let first_or_kiem = j == k + 1 || self.ctx.is(j - 1, "kiêm");
            // A title with a name right after it is that name's (`Chủ tịch
            // nước Lương Cường, Chủ tịch Quốc hội Trần Thanh Mẫn`), as is a
            // rank (`…, và PGS.TS Hà Thị Kim Oanh`): not this person's.
            let next_name = if !self.ctx.same_line(t.end - 1, t.end) {
                None
            } else if t.role.is_none() {
                self.person(t.end, Cue::Strong)
            } else {
                self.person(t.end, Cue::None)
            };
            if let Some(p) = next_name {
                // Unless the name closes the clause and the title's body
                // may be named after a person: its holder is named
                // already, so the name is the body's (`ông A, Phó Hiệu
                // trưởng Trường Đại học Y khoa Phạm Ngọc Thạch, cho biết`).
                let foreign = p.form == NameForm::Foreign && first_or_kiem;
                let body = self.body_named_after(&mut t, &p)
                    || (foreign && self.foreign_body_after_role(&mut t));
                if !body {
                    break;
                }
            } else if first_or_kiem {
                self.foreign_body_after_role(&mut t);
            }
            let end = t.end;
            let title = self.emit_title(t);
            self.names.links.push((LinkKind::Holds, person, title));
            last = end;
            match self.chain_join(end) {
                Some(next) => j = next,
                None => break,
            }
        }
        last.max(k)
    }

    /// Extends title `t`, whose holder is named before it, over `p`, the
    /// full name right after it, when that name closes the clause (a
    /// comma, a bracket, the end of a sentence or line) and the title's
    /// body ends the title and is of a kind named after people (a school,
    /// a hospital, a company …); whether it did.
    fn body_named_after(&self, t: &mut TitleParse, p: &PersonParse) -> bool {
        let Some(Complement::Org(org)) = t.complement.as_mut() else {
            return false;
        };
        let closes = self.clause_ends(p.end);
        let fits = p.form == NameForm::Full
            && p.first == t.end
            && org.end == t.end
            && !org.known
            && org.after_people;
        if !(closes && fits) {
            return false;
        }
        org.end = p.end;
        t.end = p.end;
        true
    }

    /// Makes the capitals right after `t`, a bare role first after its
    /// holder's name, the role's body when they open with a word that is
    /// no Vietnamese syllable and close the clause: `ông Park, Giám đốc
    /// Doosan Enerbility Việt Nam, cho biết` names a company, not a second
    /// person. Whether it did.
    fn foreign_body_after_role(&self, t: &mut TitleParse) -> bool {
        let first = t.end;
        if t.role.is_none()
            || t.complement.is_some()
            || !self.foreign_capital(first)
            || !self.ctx.same_line(first - 1, first)
        {
            return false;
        }
        // The capitals after it on its line belong to the body too, places
        // among them (`Việt Nam`).
        let mut end = first;
        let mut places = Vec::new();
        // (At most eight words: a longer run of capitals is no body's
        // name, and the walk stays short on any input.)
        while end == first || (self.ctx.same_line(end - 1, end) && self.ctx.capital(end)) {
            if end >= first + 8 {
                return false;
            }
            match self.place(end).filter(|pl| pl.first == end && end > first) {
                Some(pl) => {
                    end = pl.end;
                    places.push(pl);
                }
                None => end += 1,
            }
        }
        let closes = self.clause_ends(end) || self.ctx.is(end, "kiêm");
        if !closes {
            return false;
        }
        t.complement = Some(Complement::Org(OrgParse {
            first,
            end,
            category: crate::extract::OrgCategory::Company,
            term: None,
            places,
            after_head: None,
            known: false,
            after_people: true,
            first_body: None,
        }));
        t.end = end;
        true
    }

    /// `(37 tuổi)`, `(SN 1994)`, `(sinh năm 1980, …)`, `, 37 tuổi,` at `k`:
    /// the age, the birth year, and where the reading stopped.
    fn age(&self, k: usize) -> (Option<u16>, Option<u16>, usize) {
        let open = self.ctx.is_char(k, '(') || self.ctx.is_char(k, ',');
        if !open {
            return (None, None, k);
        }
        let j = k + 1;
        if let Some(n) = self.ctx.integer(j, 3).filter(|&n| n <= 130) {
            if self.ctx.is(j + 1, "tuổi") {
                let end = if self.ctx.is_char(j + 2, ')') {
                    j + 3
                } else {
                    j + 2
                };
                return (u16::try_from(n).ok(), None, end);
            }
        }
        let year_at = if self.ctx.is(j, "sn") {
            Some(j + 1)
        } else if self.ctx.is(j, "sinh") {
            Some(if self.ctx.is(j + 1, "năm") {
                j + 2
            } else {
                j + 1
            })
        } else {
            None
        };
        if let Some(y) = year_at {
            if let Some(year) = self.ctx.integer(y, 4).filter(|y| (1880..=2100).contains(y)) {
                let end = if self.ctx.is_char(y + 1, ')') {
                    y + 2
                } else {
                    y + 1
                };
                return (None, u16::try_from(year).ok(), end);
            }
        }
        (None, None, k)
    }

    /// A credit at `i`: a label at the start of a line or sentence and a
    /// name (`Ảnh: H.P`, `Bài, ảnh: Minh Anh`, `Theo TTXVN` at the end of a
    /// line), or the byline in capitals on the last line.
    fn credit(&mut self, i: usize) -> Option<usize> {
        if let Some(end) = self.byline(i) {
            return Some(end);
        }
        if let Some(end) = self.bracketed_source(i) {
            return Some(end);
        }
        let h = self.lex.longest(self.ctx, i, class::CREDIT)?;
        let at_start = i == 0
            || !self.ctx.same_line(i - 1, i)
            || self.ctx.is_char(i - 1, '.')
            || self.ctx.is_char(i - 1, '(')
            || self.ctx.is_char(i - 1, '…');
        if !at_start || !self.ctx.capital(i) {
            return None;
        }
        let Word::Credit(role) = h.word else {
            return None;
        };
        let mut j = h.end;
        let source = role == CreditRole::Source && self.ctx.is(i, "theo");
        if !source {
            if !self.ctx.is_char(j, ':') {
                return None;
            }
            j += 1;
        }
        // The name: words up to the end of the line, a closing bracket or
        // a final period.
        let first = j;
        let mut k = j;
        // Whether a comma came in the name.
        let mut comma = false;
        while self.open(k) && self.ctx.same_line(k - 1, k) {
            let Some(t) = self.ctx.tok(k) else { break };
            // (`Ảnh: Tuấn Anh/TTXVN`: the agency after a slash.)
            let agency = self.ctx.is_char(k, '/') && self.ctx.capital(k + 1);
            // (A unit's number after its name: `Ảnh: Vùng Cảnh sát biển 2`.)
            let number = k > first && self.ctx.integer(k, 3).is_some();
            // (A site's address: `Ảnh: Quochoi.vn`.)
            if t.kind().is_wordlike()
                || t.kind() == TokenKind::Url
                || number
                || self.ctx.is_dash(k)
                || self.ctx.is_char(k, '&')
                || self.ctx.is_char(k, ',')
                || agency
            {
                k += 1;
            } else {
                break;
            }
            if k - first > 8 {
                return None;
            }
            // After a comma a source's credit names more sources, in
            // capitals; a word in lower case there goes on with a clause:
            // `Theo Reuters, giá dầu tăng`, `Theo Reuters, Nga phóng tên
            // lửa` are no credits (`Theo Reuters, AFP` is one).
            comma |= self.ctx.is_char(k - 1, ',');
            let clause = source
                && comma
                && t.kind().is_wordlike()
                && !self.ctx.capital(k - 1)
                && !self.ctx.is(k - 1, "và");
            if clause {
                return None;
            }
        }
        while k > first && (self.ctx.is_char(k - 1, ',') || self.ctx.is_dash(k - 1)) {
            k -= 1;
        }
        let site = self.ctx.kind(first) == Some(TokenKind::Url);
        if k == first || !(self.ctx.capital(first) || site) {
            return None;
        }
        let ends_line = !self.ctx.same_line(k - 1, k)
            || k >= self.ctx.len()
            || self.ctx.is_char(k, ')')
            || (self.ctx.is_char(k, '.') && !self.ctx.same_line(k, k + 1));
        if source && !ends_line {
            return None;
        }
        let name = self.span((first, k));
        // A source's line in brackets, `(Theo Reuters)`, is credited whole,
        // brackets and all, as `(TTXVN)` is.
        let bracketed = source
            && i > 0
            && self.ctx.is_char(i - 1, '(')
            && (i == 1 || !self.ctx.same_line(i - 2, i - 1))
            && self.ctx.is_char(k, ')')
            && (k + 1 >= self.ctx.len() || !self.ctx.same_line(k, k + 1));
        let (from, to) = if bracketed { (i - 1, k + 1) } else { (i, k) };
        self.push(from, to, EntityKind::Credit(Credit { role, name }));
        Some(to)
    }

    /// A news agency in brackets on a line of its own after the text,
    /// `(TTXVN)`, `(Reuters)`: the credit holds its brackets.
    fn bracketed_source(&mut self, i: usize) -> Option<usize> {
        let open = i.checked_sub(1)?;
        let line_start = open == 0 || !self.ctx.same_line(open - 1, open);
        if !line_start || !self.ctx.is_char(open, '(') || !self.ctx.same_line(open, i) {
            return None;
        }
        let close = (i + 1..i + 4).find(|&k| self.ctx.is_char(k, ')'))?;
        // (An agency's name, in capitals or foreign letters: not a place,
        // `(Hà Nội)`.)
        let agency = |k: usize| {
            matches!(
                self.ctx.kind(k),
                Some(
                    TokenKind::Abbreviation
                        | TokenKind::Word(_)
                        | TokenKind::Syllable(Casing::Upper)
                )
            )
        };
        let words = (i..close)
            .all(|k| self.ctx.capital(k) && agency(k) && self.ctx.same_line(k - 1, k))
            && self.place(i).is_none();
        let ends_line = close + 1 >= self.ctx.len() || !self.ctx.same_line(close, close + 1);
        // Only after a sentence that ends the line before, or as the
        // text's last line: a first line in brackets, or a cell of a
        // table, is no credit.
        let after_sentence = ['.', '…', '"', '”', '!', '?']
            .iter()
            .any(|&c| self.ctx.is_char(open.wrapping_sub(1), c));
        let last_line = close + 1 >= self.ctx.len();
        if !words
            || !ends_line
            || !self.ctx.same_line(close - 1, close)
            || open == 0
            || !(after_sentence || last_line)
        {
            return None;
        }
        let name = self.span((i, close));
        self.push(
            open,
            close + 1,
            EntityKind::Credit(Credit {
                role: CreditRole::Source,
                name,
            }),
        );
        Some(close + 1)
    }

    /// The byline: the last line of a text of several lines, one to four
    /// words all in capitals (`MINH KHÔI`).
    fn byline(&mut self, i: usize) -> Option<usize> {
        let end = self.ctx.len();
        if end.saturating_sub(i) > BYLINE_WORDS
            || end == i
            || i == 0
            || self.ctx.same_line(i - 1, i)
        {
            return None;
        }
        let upper = (i..end).all(|k| {
            self.ctx.tok(k).is_some_and(|t| {
                matches!(
                    t.kind(),
                    TokenKind::Syllable(Casing::Upper | Casing::Title) | TokenKind::Abbreviation
                ) && t.text().chars().all(|c| !c.is_lowercase())
            }) || self.ctx.is_dash(k)
        });
        // (Or a group of reporters: `Nhóm PV`, `Nhóm phóng viên`.)
        let group = self.ctx.is(i, "nhóm")
            && (self.ctx.is(i + 1, "pv")
                || self.ctx.is(i + 1, "phóng") && self.ctx.is(i + 2, "viên"));
        if !(upper || group) || !(i..end).all(|k| k == i || self.ctx.same_line(k - 1, k)) {
            return None;
        }
        let name = self.span((i, end));
        self.push(
            i,
            end,
            EntityKind::Credit(Credit {
                role: CreditRole::Byline,
                name,
            }),
        );
        Some(end)
    }

    fn emit_person(&mut self, p: PersonParse, honorific: Option<Range>) -> usize {
        let mut person = Person::new(p.form);
        person.honorific = honorific.map(|r| self.span(r));
        person.family = p.family.map(|r| self.span(r));
        person.middle = p.middle.map(|r| self.span(r));
        person.given = p.given.map(|r| self.span(r));
        if let Some(key) = p
            .given
            .filter(|r| r.1 == r.0 + 1)
            .and_then(|r| self.ctx.key(r.0))
        {
            self.names.givens.insert(key);
        }
        self.push(p.first, p.end, EntityKind::Person(person))
    }

    fn emit_place(&mut self, p: PlaceParse) -> usize {
        let place = Place {
            level: p.level,
            unit: p.unit.map(|r| self.span(r)),
            name: self.span(p.name),
        };
        self.push(p.first, p.end, EntityKind::Place(place))
    }

    fn emit_org(&mut self, o: OrgParse) -> usize {
        let org = Organization {
            category: o.category,
            expansion: self.expansion(o.first, o.end, o.first_body),
            term: o.term,
        };
        let index = self.push(o.first, o.end, EntityKind::Organization(org));
        if let Some(f) = self.names.found.get_mut(index) {
            f.name_from = o.after_head.and_then(|a| u32::try_from(a).ok());
        }
        let mut places = o.places;
        if o.known && places.is_empty() {
            places = self.places_inside(o.first, o.end);
        }
        if places.is_empty() {
            places.extend(self.committee_place(o.first, o.after_head, o.end));
        }
        for p in places {
            let inner = self.emit_place(p);
            self.mark_inner(inner);
        }
        index
    }

    /// The place a Party committee is named after, when the lists do not
    /// know it: `Tuy Phước` of `Huyện ủy Tuy Phước` (a district), of
    /// `Tỉnh ủy …` a province, of `Thành ủy …` a city. The capitalised
    /// words after the head, `name_from..`, up to `end`.
    fn committee_place(
        &self,
        first: usize,
        name_from: Option<usize>,
        end: usize,
    ) -> Option<PlaceParse> {
        let from = name_from.filter(|&a| a == first + 2)?;
        if !self.ctx.is(first + 1, "ủy") && !self.ctx.is(first + 1, "uỷ") {
            return None;
        }
        let level = if self.ctx.is(first, "tỉnh") {
            PlaceLevel::Province
        } else if self.ctx.is(first, "thành") {
            PlaceLevel::City
        } else if ["huyện", "quận", "thị"]
            .iter()
            .any(|w| self.ctx.is(first, w))
        {
            PlaceLevel::District
        } else {
            return None;
        };
        let name_end = (from..end)
            .take_while(|&t| self.ctx.capital(t))
            .last()
            .map(|t| t + 1)?;
        Some(PlaceParse::bare(from, name_end, level))
    }

    /// The places inside a name known as a whole (`Công an Hà Nội`, `Thép
    /// Xanh Nam Định`): only a place of two words or more, or one that ends
    /// the name, not `Anh` in `Hoàng Anh Gia Lai`.
    pub(crate) fn places_inside(&self, first: usize, end: usize) -> Vec<PlaceParse> {
        let mut places = Vec::new();
        let mut k = first;
        while k < end {
            let inside = |p: &PlaceParse| {
                p.end <= end
                    && (p.first, p.end) != (first, end)
                    && (p.end > p.first + 1 || p.end == end)
            };
            match self.place(k).filter(inside) {
                Some(p) => {
                    k = p.end;
                    places.push(p);
                }
                None => k += 1,
            }
        }
        places
    }

    fn emit_title(&mut self, t: TitleParse) -> usize {
        let title = Title {
            role: t.role.map(|r| self.span(r)),
            organization: t
                .complement
                .as_ref()
                .map(|c| self.span((c.first(), c.end()))),
            rank: t.rank.map(|r| self.span(r)),
            tenure: t.tenure,
        };
        let index = self.push(t.first, t.end, EntityKind::Title(title));
        let inner = match t.complement {
            Some(Complement::Org(o)) => Some(self.emit_org(o)),
            Some(Complement::Place(p)) => Some(self.emit_place(p)),
            None => None,
        };
        if let Some(inner) = inner {
            self.mark_inner(inner);
            self.names.links.push((LinkKind::Of, index, inner));
        }
        if let Some(host) = t.host {
            let host = self.emit_place(host);
            self.mark_inner(host);
        }
        index
    }

    fn mark_inner(&mut self, index: usize) {
        if let Some(f) = self.names.found.get_mut(index) {
            f.inner = true;
        }
    }

    /// The name over `first..end` with its abbreviations written out, when
    /// it has any the word lists know. `first_body` is the longest known
    /// body's name at `first` when the reading found it already (see
    /// [`OrgParse::first_body`]).
    fn expansion(
        &self,
        first: usize,
        end: usize,
        first_body: Option<parse::FirstBody>,
    ) -> Option<String> {
        let expanded = |k: usize| {
            // (The name the reading found at the first word is the one the
            // walk would find when it ends within this one: nothing longer
            // starts there, and nothing at all when it found none.)
            let known = first_body.filter(|b| k == first && first + usize::from(b.len) <= end);
            if let Some(b) = known {
                debug_assert!(
                    match self
                        .lex
                        .longest_before(self.ctx, k, end, class::ORG)
                        .map(|h| (h.end, h.word))
                    {
                        None => b.len == 0,
                        Some((e, Word::Org { expansion, .. })) =>
                            e == first + usize::from(b.len) && expansion == b.expansion,
                        Some(_) => false,
                    },
                    "token {k}: the reading's known body differs from the walk's"
                );
                let x = b.expansion.filter(|_| b.len > 0)?;
                return Some((self.lex.expansion(x)?, first + usize::from(b.len)));
            }
            self.lex
                .longest_before(self.ctx, k, end, class::ORG)
                .and_then(|h| match h.word {
                    Word::Org {
                        expansion: Some(x), ..
                    } => Some((self.lex.expansion(x)?, h.end)),
                    _ => None,
                })
        };
        // Most names have nothing to write out: the words before the first
        // abbreviation are read one by one, so the first one the loop below
        // would meet is the first found here, and the name is built only
        // when there is one.
        let (from, at_from) = (first..end).find_map(|k| expanded(k).map(|x| (k, x)))?;
        let mut out = String::new();
        let mut k = first;
        while k < end {
            if k > first {
                out.push(' ');
            }
            if k < from {
                out.push_str(self.ctx.text_of(k));
                k += 1;
                continue;
            }
            // (The first abbreviation is known already.)
            let x = if k == from {
                Some(at_from)
            } else {
                expanded(k)
            };
            match x {
                Some((x, after)) => {
                    out.push_str(x);
                    k = after;
                }
                None => {
                    out.push_str(self.ctx.text_of(k));
                    k += 1;
                }
            }
        }
        Some(out)
    }
}
