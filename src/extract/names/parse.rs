//! What the phrase parsers of the name recognizer return, and the helpers
//! they share. The parsers read places ([`places`](super::places)),
//! organizations ([`bodies`](super::bodies)), titles
//! ([`titles`](super::titles)) and persons ([`people`](super::people)),
//! each from a token index, each returning token ranges without emitting
//! anything; [`super::Scanner`] decides which reading to keep.

use super::Scanner;
use super::lexicon::{Hit, Word, class};
use crate::extract::context::word_keys;

use crate::extract::{NameForm, OrgCategory, PlaceLevel, Tenure};
use crate::tokenize::TokenKind;

/// A half-open range of token indices.
pub(crate) type Range = (usize, usize);

#[derive(Clone, Debug)]
pub(crate) struct PlaceParse {
    pub first: usize,
    pub end: usize,
    pub level: PlaceLevel,
    pub unit: Option<Range>,
    pub name: Range,
}

impl PlaceParse {
    /// A place named without a unit word over `first..end`.
    pub fn bare(first: usize, end: usize, level: PlaceLevel) -> PlaceParse {
        PlaceParse {
            first,
            end,
            level,
            unit: None,
            name: (first, end),
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct OrgParse {
    pub first: usize,
    pub end: usize,
    pub category: OrgCategory,
    pub term: Option<u16>,
    pub places: Vec<PlaceParse>,
    /// Where the name after the head starts (`Quảng Nam` in `CLB Quảng
    /// Nam`), when the head is a generic one.
    pub after_head: Option<usize>,
    /// Known by name, not built from a head noun.
    pub known: bool,
    /// Bodies of its kind are named after people (a school, a hospital, a
    /// company, a theatre …): a full name after the head is the body's.
    pub after_people: bool,
    /// The longest known body's name at `first`, when the reading walked
    /// the lists for one there: writing out the name's abbreviations
    /// ([`Scanner::expansion`]) then need not walk again at its first
    /// word, where most walks would be.
    pub first_body: Option<FirstBody>,
}

/// The longest known body's name at an organization's first word (see
/// [`OrgParse::first_body`]), in a few bytes: an organization is moved
/// about whole by each reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FirstBody {
    /// How many tokens the name has (`0`: no known body starts there).
    pub len: u8,
    /// The index of its expansion when it is an abbreviation.
    pub expansion: Option<u32>,
}

impl FirstBody {
    /// What the walk's `hit` at `first` says; `None` for a name too long
    /// to count (the lists hold none).
    pub fn of(first: usize, hit: Option<Hit>) -> Option<FirstBody> {
        let Some(h) = hit else {
            return Some(FirstBody {
                len: 0,
                expansion: None,
            });
        };
        let expansion = match h.word {
            Word::Org { expansion, .. } => expansion,
            _ => None,
        };
        let len = u8::try_from(h.end.checked_sub(first)?).ok()?;
        Some(FirstBody { len, expansion })
    }
}

#[derive(Clone, Debug)]
pub(crate) enum Complement {
    Org(OrgParse),
    Place(PlaceParse),
}

impl Complement {
    pub fn end(&self) -> usize {
        match self {
            Complement::Org(o) => o.end,
            Complement::Place(p) => p.end,
        }
    }

    pub fn first(&self) -> usize {
        match self {
            Complement::Org(o) => o.first,
            Complement::Place(p) => p.first,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct TitleParse {
    pub first: usize,
    pub end: usize,
    pub tenure: Tenure,
    pub rank: Option<Range>,
    pub role: Option<Range>,
    pub complement: Option<Complement>,
    /// The host country of an envoy (`Pháp` in `Đại sứ Việt Nam tại
    /// Pháp`).
    pub host: Option<PlaceParse>,
}

#[derive(Clone, Debug)]
pub(crate) struct PersonParse {
    pub first: usize,
    pub end: usize,
    pub form: NameForm,
    pub family: Option<Range>,
    pub middle: Option<Range>,
    pub given: Option<Range>,
}

/// How much the context says a name follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cue {
    /// Nothing: only a Vietnamese name with a known family name, or a
    /// foreign-looking name, is read.
    None,
    /// An honorific or a title before it: any capitalised run is a name.
    Strong,
}

/// The keys of the marks after which a sentence starts (see
/// [`Scanner::sentence_start`]).
const SENTENCE_MARKS: &[u128] = word_keys![".", "!", "?", ":", "“", "\"", "(", "…", "-", "–"];

/// The most name tokens a run may have.
pub(crate) const MAX_NAME: usize = 5;

/// The packed key of one word in lower case, computed at compile time, for
/// [`Scanner::is_word`].
macro_rules! key {
    ($word:literal) => {
        const { $crate::extract::context::keys([$word])[0] }
    };
}
pub(crate) use key;

impl Scanner<'_, '_, '_> {
    /// Whether token `i` is the word whose key is `key` (see [`key!`]), in
    /// any case: what [`Ctx::is`](crate::extract::context::Ctx::is) says of
    /// the word, from one comparison of keys, where that packs the word
    /// again at each call. (A word of the readers' fits a key: a token
    /// equal to it has one.)
    #[inline]
    pub(crate) fn is_word(&self, i: usize, key: u128) -> bool {
        let is = self.ctx.key(i) == Some(key);
        debug_assert_eq!(
            is,
            self.ctx.which(i, &[key]).is_some(),
            "token {i}: its key says otherwise than its word"
        );
        is
    }

    /// The index in `keys` (a [`word_keys!`] list of words) of the word
    /// token `i` is, in any case: what
    /// [`Ctx::which`](crate::extract::context::Ctx::which) says, compared
    /// here where the readers ask, so that a short list costs a few
    /// comparisons and no call.
    #[inline]
    pub(crate) fn which_word(&self, i: usize, keys: &[u128]) -> Option<usize> {
        let key = self.ctx.key(i)?;
        let at = keys.iter().position(|&k| k == key);
        debug_assert_eq!(
            at,
            self.ctx.which(i, keys),
            "token {i}: its key says otherwise than its word"
        );
        at
    }

    /// A Vietnamese full name at `k` read with no cue: what
    /// `person(k, Cue::None)` reads when its form is
    /// [`NameForm::Full`]. Such a name starts with a family name of the
    /// lists (without a cue, a name without one is read only as a foreign
    /// name), so a word that starts none is refused from its record, before
    /// the reading.
    #[inline]
    pub(crate) fn full_name(&self, k: usize) -> Option<PersonParse> {
        if !self.ctx.start(k).is_some_and(|s| s.has(class::SURNAME)) {
            debug_assert!(
                self.person(k, Cue::None)
                    .is_none_or(|p| p.form != NameForm::Full),
                "token {k}: a full name without a family name of the lists"
            );
            return None;
        }
        self.person(k, Cue::None)
            .filter(|p| p.form == NameForm::Full)
    }

    /// Whether token `i` starts a line or a sentence.
    pub(crate) fn sentence_start(&self, i: usize) -> bool {
        // (The mark before is compared by its key with the keys of all the
        // marks at once: a mark's key is its text, and no word's key is.)
        let after_mark = || {
            let mark = self
                .ctx
                .key(i - 1)
                .is_some_and(|k| SENTENCE_MARKS.contains(&k));
            debug_assert_eq!(
                mark,
                ['.', '!', '?', ':', '“', '"', '(', '…', '-', '–']
                    .iter()
                    .any(|&c| self.ctx.is_char(i - 1, c)),
                "token {i}: the mark before says otherwise by its key"
            );
            mark
        };
        i == 0 || !self.ctx.same_line(i - 1, i) || after_mark()
    }

    /// `12`, `1A`, `5B`: the number of a district, ward or road.
    pub(crate) fn is_number_name(&self, j: usize) -> bool {
        let Some(t) = self.ctx.tok(j) else {
            return false;
        };
        let s = t.text();
        // (Not a count of people, vehicles or a length: `trao trả cho
        // Công an tỉnh Thanh Hóa 9 công dân`, `đoạn đường 110 km`; but
        // `Quân khu 5 tổ chức …`.)
        let k = j + 1;
        let two = |a: &str, b: &str| self.ctx.is(k, a) && self.ctx.is(k + 1, b);
        let count = || {
            self.ctx.same_line(j, k)
                && (self
                    .ctx
                    .which(k, word_keys!["người", "km", "m", "xe", "tàu", "hộ", "ha"])
                    .is_some()
                    || two("công", "dân")
                    || two("đối", "tượng")
                    || two("chiến", "sĩ")
                    || two("cán", "bộ")
                    || two("ngư", "dân")
                    || two("bị", "can")
                    || two("học", "viên"))
        };
        // (The token's shape first: most are no number, and the words
        // after it are read only after one.)
        s.len() <= 6
            && s.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && s.bytes().all(|b| b.is_ascii_alphanumeric())
            && !count()
    }

    /// The end of a run of capitalised words from `j` that may be a place
    /// or organization name: on one line, at most [`MAX_NAME`] words, not
    /// running into a person's name after it (`tỉnh Bình Định Nguyễn Văn
    /// A`).
    pub(crate) fn name_run(&self, j: usize, stop_at_person: bool) -> Option<usize> {
        // (`Văn` and `Thị` are family names too, but after a family name
        // they are the middle of a full name: `xã Châu Khê Lương Văn Đức`
        // is the commune and its chairman.)
        let middle = |k: usize| self.ctx.is(k, "thị") || self.ctx.is(k, "văn");
        let mut k = j;
        let mut words = 0;
        while words < MAX_NAME && self.open(k) && self.ctx.capital(k) {
            if k > j {
                if !self.ctx.same_line(k - 1, k) {
                    break;
                }
                // (Unless a full name starts one word later and ends where
                // this one does: `xã Tiên Điền Đặng Quốc Việt` is the
                // commune `Tiên Điền` and its chairman, though `Điền` is a
                // family name too.)
                if stop_at_person {
                    if let Some(p) = self.person(k, Cue::None) {
                        let later = self.person(k + 1, Cue::None).filter(|q| {
                            q.end == p.end
                                && q.form == NameForm::Full
                                && self.lex.is(self.ctx, k + 1, class::SURNAME)
                                && !middle(k + 1)
                        });
                        if later.is_none() {
                            break;
                        }
                    }
                }
            }
            k += 1;
            words += 1;
            k = self.hyphen_join(k);
            // `sân vận động Quốc gia Mỹ Đình`: the rest of a capitalised
            // word in a name.
            if self.open(k)
                && self.ctx.same_line(k - 1, k)
                && !self.ctx.capital(k)
                && self.lex.is(self.ctx, k, class::TAIL)
                && self.ctx.capital(k + 1)
            {
                k += 1;
            }
        }
        (k > j).then_some(k)
    }

    /// After a word ending at `k`: past `-word` when the hyphen is glued on
    /// both sides (`Hang-seo`, tokenized `Hang` `-` `seo`).
    ///
    /// (Asked after every word of a name: most are followed by no hyphen,
    /// told here by the next token's key, without a call.)
    #[inline]
    pub(crate) fn hyphen_join(&self, k: usize) -> usize {
        if self.ctx.key(k) != Some(key!("-")) {
            debug_assert_eq!(
                self.hyphen_joined(k),
                k,
                "token {k}: a hyphen told by its key"
            );
            return k;
        }
        self.hyphen_joined(k)
    }

    /// [`Scanner::hyphen_join`] past its test of the key.
    #[inline(never)]
    fn hyphen_joined(&self, k: usize) -> usize {
        let glued = |a: usize, b: usize| match (self.ctx.tok(a), self.ctx.tok(b)) {
            (Some(x), Some(y)) => x.end() == y.start(),
            _ => false,
        };
        if self.ctx.is_char(k, '-')
            && k > 0
            && glued(k - 1, k)
            && glued(k, k + 1)
            && self.ctx.kind(k + 1).is_some_and(TokenKind::is_wordlike)
        {
            k + 2
        } else {
            k
        }
    }
}

/// `N.V.A`, `H.P`, `T.`: capitals each followed by a dot (the last dot may
/// be missing).
pub(crate) fn is_initials(s: &str) -> bool {
    let mut expect_letter = true;
    let mut letters = 0;
    for c in s.chars() {
        if expect_letter {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    letters >= 1 && (letters > 1 || s.ends_with('.'))
}
