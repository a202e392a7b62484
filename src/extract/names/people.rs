//! Persons: a Vietnamese name with a known family name, a foreign-looking
//! name, any name after a cue, or initials after one.

use super::Scanner;
use super::lexicon::{OPENS, Word, class};
use super::parse::{Cue, MAX_NAME, PersonParse, Range, is_initials};
use crate::extract::context::word_keys;
use crate::extract::{NameForm, OrgCategory, PlaceLevel};
use crate::tokenize::{Casing, TokenKind};

impl Scanner<'_, '_, '_> {
    /// A person's name at `i`.
    pub(crate) fn person(&self, i: usize, cue: Cue) -> Option<PersonParse> {
        // A foreign family name that opens with its particle, after an
        // honorific: `ông de Graaf`, `bà van der Berg`.
        if cue == Cue::Strong && i > 0 && !self.ctx.capital(i) {
            let particles = self.particles_before_name(i);
            if particles > 0 {
                let mut p = self.person(i + particles, cue)?;
                p.first = i;
                p.form = NameForm::Foreign;
                return Some(p);
            }
        }
        if !self.open(i) || !self.ctx.capital(i) {
            return None;
        }
        // Without a cue a name is read only from a family name of the
        // lists or as a foreign name: a word that opens no family name
        // (`Theo`, `Bộ`, `Trong`) and no foreign word or hyphen after it
        // among its capitals is passed over at the cost of a few tests.
        let no_family = !self.ctx.start(i).is_some_and(|s| s.has(class::SURNAME));
        if cue == Cue::None && no_family && !self.foreign_in_run(i) {
            debug_assert!(
                self.name_at(i, cue).is_none(),
                "token {i}: a name without a family name or a foreign word"
            );
            return None;
        }
        // Nor is one read where no second word may follow the first:
        // without a cue a name has two words or more, and most capitals
        // asked here go on with a word in lower case or a mark (`Hà cho
        // biết`, `Nam,`).
        if cue == Cue::None && !self.second_word_may_follow(i) {
            debug_assert!(
                self.name_at(i, cue).is_none(),
                "token {i}: a name without a cue of one word"
            );
            return None;
        }
        let p = self.name_at(i, cue)?;
        // A place of two words or more before a name is no part of it:
        // `của Lâm Đồng Nguyễn Văn Đẳng`.
        // (Tested once a name is read: most words a name is asked at make
        // none, and the place's walk costs more than the test of a word.)
        let place_before = self
            .lex
            .longest(self.ctx, i, class::PLACE)
            .filter(|p| p.end > i + 1)
            .is_some_and(|place| {
                self.ctx.same_line(place.end - 1, place.end)
                    && self.lex.is(self.ctx, place.end, class::SURNAME)
            });
        (!place_before).then_some(p)
    }

    /// The name [`Scanner::person`] reads at `i`, an open capital, but for
    /// its test of a place before a name.
    fn name_at(&self, i: usize, cue: Cue) -> Option<PersonParse> {
        let t = self.ctx.tok(i)?;
        if matches!(t.kind(), TokenKind::Abbreviation) {
            // Initials: `N.V.A`, `T.`, only after an honorific.
            return (cue == Cue::Strong && is_initials(t.text())).then_some(PersonParse {
                first: i,
                end: i + 1,
                form: NameForm::Initials,
                family: None,
                middle: None,
                given: None,
            });
        }
        // After an honorific, a body, a place with its unit word or a place
        // of two words or more is no name: `sinh viên Trường Đại học …`,
        // `bà con Hà Nội`; a one-word place may be a given name (`ông
        // Đức`).
        // The words of the name (a hyphenated part is one word), without
        // allocating: at most MAX_NAME.
        let mut words: [Range; MAX_NAME] = [(0, 0); MAX_NAME];
        let mut n = 0;
        let mut k = i;
        // Words that are no Vietnamese syllable, and whether one came
        // before the last word: `Hồ Đức Phớc` (a rare spelling at the end of
        // a Vietnamese name) is no foreign name, `Donald Trump` is.
        let mut foreign_words = 0;
        let mut foreign_inside = false;
        // Whether a particle other than `do` joined a word: `da Silva`.
        // (`do` is also the Vietnamese `by`: `phim Dune do Denis
        // Villeneuve đạo diễn`.)
        let mut particle = false;
        let mut hyphenated = false;
        while n < MAX_NAME && self.open(k) {
            let Some(t) = self.ctx.tok(k) else { break };
            // `Đỗ Văn T.`: a name whose given name is written as its
            // initial, after a family name.
            // (A pattern, not `==`: the kind's comparison is a call.)
            let initial_last = matches!(t.kind(), TokenKind::Abbreviation)
                && n >= 1
                && ((is_initials(t.text()) && t.text().chars().count() == 2)
                    || digraph_initial(t.text()))
                && self.lex.is(self.ctx, i, class::SURNAME)
                && self.ctx.same_line(k - 1, k);
            if initial_last {
                if let Some(w) = words.get_mut(n) {
                    *w = (k, k + 1);
                }
                n += 1;
                break;
            }
            // A particle inside a foreign name joins the word after it:
            // `Lula da Silva`, `Corrêa do Lago`, `van Dijk`, `von der
            // Leyen`.
            // (`do` joins no name's second word without a cue, as
            // [`Scanner::may_open`] has it.)
            let particles = if k > i
                && foreign_words > 0
                && !(k == i + 1 && cue == Cue::None && self.particle_is_by(k))
            {
                self.particles_before_name(k)
            } else {
                0
            };
            if particles > 0 {
                if let Some(w) = words.get_mut(n) {
                    *w = (k, k + particles + 1);
                }
                n += 1;
                particle |= !self.particle_is_by(k);
                k += particles + 1;
                continue;
            }
            let ok = match t.kind() {
                TokenKind::Syllable(Casing::Title) => true,
                _ if foreign_word(&t) => {
                    foreign_inside |= foreign_words > 0;
                    foreign_words += 1;
                    true
                }
                _ => false,
            };
            // A Roman numeral is no name's word: `Chương V`, `Chương
            // II-Cân đối …` head a document's chapters.
            // (Its first two letters are a numeral's, or it has one
            // letter before a hyphen or none: `Văn`, `Lê`, `Mai` are read
            // no further.)
            let numeral = t
                .text()
                .as_bytes()
                .first()
                .is_some_and(|b| b"IVXLCDM".contains(b))
                && t.text()
                    .as_bytes()
                    .get(1)
                    .is_none_or(|b| b"IVXLCDM-".contains(b))
                && t.text()
                    .split('-')
                    .next()
                    .is_some_and(|w| crate::extract::context::roman(w).is_some());
            if !ok || numeral || (k > i && !self.ctx.same_line(k - 1, k)) {
                break;
            }
            // A role, rank or body after the name ends it (`… Nguyễn Văn A
            // Bộ trưởng`); a phrase of the lists written all in name-like
            // capitals is part of the name (`Nguyễn Vũ Trường Sơn`, `Võ
            // Tiến Sĩ`).
            if k > i {
                let hit = self.lex.longest(
                    self.ctx,
                    k,
                    class::ROLE | class::RANK | class::HEAD | class::ORG,
                );
                let name_like = |h: &super::lexicon::Hit| {
                    (k..h.end).all(|j| {
                        matches!(self.ctx.kind(j), Some(TokenKind::Syllable(Casing::Title)))
                    })
                };
                if hit.is_some_and(|h| !name_like(&h)) {
                    break;
                }
            }
            let end = self.hyphen_join(k + 1);
            if end > k + 1 {
                hyphenated = true;
            }
            if let Some(w) = words.get_mut(n) {
                *w = (k, end);
            }
            n += 1;
            k = end;
        }
        let (last, end) = *words.get(n.checked_sub(1)?)?;
        // A single letter ends a name only after a middle name or a cue
        // (`ông Nguyễn Văn A`): `Phần Đ`, `Lâm trường A` label parts.
        // (One character: the first, and no second; not a count of all.)
        let one_char = |s: &str| {
            let mut chars = s.chars();
            chars.next().is_some() && chars.next().is_none()
        };
        let letter = end == last + 1 && one_char(self.ctx.text_of(last));
        if letter && n < 3 && cue != Cue::Strong {
            return None;
        }
        // The head noun of a public body alone after a title is the body,
        // named short (`Chánh Văn phòng Bộ`, `Chủ tịch Ban giám khảo`),
        // unless a person of that given name was met. (Heads of schools,
        // hospitals and associations are given names too: `anh Trường`,
        // `chị Khoa`, `ông Hội`.)
        let public_head = || {
            self.lex.longest(self.ctx, i, class::HEAD).is_some_and(|h| {
                h.end == i + 1
                    && matches!(
                        h.word,
                        Word::Head {
                            category: OrgCategory::Party
                                | OrgCategory::State
                                | OrgCategory::Government
                                | OrgCategory::Police
                                | OrgCategory::Military
                                | OrgCategory::Court
                                | OrgCategory::Media,
                            ..
                        }
                    )
            })
        };
        let head_alone = n == 1
            && end == i + 1
            && cue == Cue::Strong
            && public_head()
            && !self.lex.is(self.ctx, i, class::SURNAME)
            && !self.given_name_met(i);
        // A listed organization in foreign letters is no name after a cue
        // either: `Kỹ sư Viettel giới thiệu …`.
        let listed_company = || {
            self.lex
                .longest(self.ctx, i, class::ORG)
                .is_some_and(|o| o.end == end)
                && (i..end).all(|k| matches!(self.ctx.kind(k), Some(TokenKind::Word(_))))
        };
        if cue == Cue::Strong
            && (head_alone
                || listed_company()
                || self.org(i).is_some_and(|o| o.end > end)
                || self.place(i).is_some_and(|p| {
                    // (A district's name alone reads as a name after a
                    // cue: `NSƯT Sơn Trà`, where `bà con Hà Nội` does not;
                    // not one of the highlands, `nông dân Đạ Huoai`.)
                    let bare_district = p.unit.is_none()
                        && p.level == PlaceLevel::District
                        && self.highland_name(i).is_none();
                    p.end >= end && (p.unit.is_some() || (p.end > i + 1 && !bare_district))
                }))
        {
            return None;
        }
        let surname = self
            .lex
            .longest(self.ctx, i, class::SURNAME)
            .map(|h| h.end)
            .filter(|&e| e < end);
        let last_is_foreign = matches!(self.ctx.kind(end - 1), Some(TokenKind::Word(_)));
        let foreign = hyphenated
            || foreign_words > 1
            || (foreign_words == 1 && (surname.is_none() || !last_is_foreign || n < 3))
            || foreign_inside;
        if cue == Cue::None {
            let ok = if foreign {
                // `Tại Tel Aviv, …`, `Theo Reuters`: a function word that
                // opens a sentence opens no foreign name.
                // (Nor a run that holds a place's name of two words:
                // `Hanseong Semiconductor Việt Nam` is a company's
                // subsidiary.) Four words need a particle among them
                // (`Luiz Inácio Lula da Silva`).
                ((2..=3).contains(&n) || (n == 4 && particle))
                    && (particle || !self.in_long_foreign_run(i))
                    && !self.lex.is(self.ctx, i, class::STOP)
                    && !(i..end).any(|j| {
                        self.lex.is(
                            self.ctx,
                            j,
                            class::NOT_NAME
                                | class::EVENT
                                | class::CORP
                                | class::PLACE
                                | class::ORG,
                        ) || self
                            .lex
                            .longest(self.ctx, j, class::PLACE)
                            .is_some_and(|h| h.end <= end)
                    })
            } else {
                // `Từ Mỹ về …`, `Từ Hà Nội …`: a family name that is also a
                // function word, before a known place, is that word. (Other
                // family names keep a place as a given name: `Võ Đức`,
                // `Nguyễn Thái Bình`.)
                let place_after = surname.is_some_and(|s| {
                    self.lex.is(self.ctx, i, class::STOP)
                        && self
                            .lex
                            .longest(self.ctx, s, class::PLACE)
                            .is_some_and(|p| p.end == end)
                });
                // (Nor a family name that is also the head noun of a body
                // before a country of two words: `Đoàn Việt Nam` is the
                // country's delegation; `Hồng Đức` and `Nguyễn Trung Quốc`
                // stay names.)
                let country_after = self.lex.is(self.ctx, i, class::HEAD)
                    && surname.is_some_and(|s| {
                        self.lex
                            .longest(self.ctx, s, class::PLACE)
                            .is_some_and(|p| {
                                p.end == end
                                    && p.end > s + 1
                                    && matches!(
                                        p.word,
                                        Word::Place(crate::extract::PlaceLevel::Country)
                                    )
                            })
                    });
                // (Nor a run that ends in a word of events or brands:
                // `Thái Lan Masters` is a tournament.)
                let event_last = last_is_foreign
                    && self.lex.is(
                        self.ctx,
                        end - 1,
                        class::EVENT | class::NOT_NAME | class::CORP,
                    );
                surname.is_some()
                    && (2..=MAX_NAME).contains(&n)
                    && !place_after
                    && !country_after
                    && !event_last
            };
            if !ok {
                return None;
            }
        }
        let mut p = PersonParse {
            first: i,
            end,
            form: NameForm::Given,
            family: None,
            middle: None,
            given: None,
        };
        if foreign {
            p.form = NameForm::Foreign;
            // A generation after the name is part of it: `Ferdinand Marcos
            // Jr.`, `Martin Luther King Jr.`.
            let generation = self.open(end)
                && self.ctx.same_line(end - 1, end)
                && matches!(self.ctx.text_of(end), "Jr." | "Sr." | "Jr" | "Sr");
            if generation {
                p.end = end + 1;
            }
        } else if n == 1 || (n == 2 && surname.is_none()) {
            p.given = Some((i, end));
        } else {
            let family_end = surname.unwrap_or(i + 1);
            let (last, _) = *words.get(n - 1)?;
            p.form = NameForm::Full;
            p.family = Some((i, family_end));
            p.middle = (family_end < last).then_some((family_end, last));
            p.given = Some((last, end));
        }
        Some(p)
    }

    /// Whether a name's second word may start after its first word at
    /// `i`, as [`Scanner::name_at`] reads one: a capitalised word, an
    /// initial or a foreign name's particle on the line. (More than it
    /// reads: a test that passes may still find a name of one word.)
    fn second_word_may_follow(&self, i: usize) -> bool {
        let e = self.hyphen_join(i + 1);
        if e > i + 1 {
            return true;
        }
        if !self.open(e) || !self.ctx.same_line(i, e) {
            return false;
        }
        match self.ctx.kind(e) {
            Some(
                TokenKind::Syllable(Casing::Title)
                | TokenKind::Word(Casing::Title | Casing::Mixed)
                | TokenKind::Abbreviation,
            ) => true,
            Some(TokenKind::Syllable(Casing::Lower) | TokenKind::Word(Casing::Lower)) => {
                self.particles_before_name(e) > 0
            }
            _ => false,
        }
    }

    /// Whether a word in foreign letters or a hyphen comes among the
    /// capitalised syllables from `i` on (at most [`MAX_NAME`] of them and
    /// the token after): what a name [`Scanner::name_at`] reads without a
    /// family name needs to be foreign. (More than it reads: a test that
    /// passes may still find no name.)
    fn foreign_in_run(&self, i: usize) -> bool {
        let end = self.ctx.len().min(i + MAX_NAME + 1);
        for k in i..end {
            match self.ctx.kind(k) {
                Some(TokenKind::Syllable(Casing::Title)) => {}
                Some(TokenKind::Word(_)) => return true,
                _ => return self.ctx.is_char(k, '-'),
            }
        }
        false
    }

    /// Whether token `i` lies in a run of four or more capitalised words
    /// in foreign letters that the lists do not know, on one line: without
    /// a cue no name is read from inside it, lest its tail be read as one
    /// (`Manuel López Obrador` of `Andrés Manuel López Obrador`; `Network
    /// Management Protocols` of a longer heading).
    fn in_long_foreign_run(&self, i: usize) -> bool {
        let foreign = |k: usize| {
            self.open(k)
                && !self.ctx.start(k).is_some_and(|st| st.has(u32::MAX))
                && self.ctx.tok(k).is_some_and(|t| foreign_word(&t))
        };
        let mut words = 0;
        let mut k = i;
        while words < 3 && k > 0 && self.ctx.same_line(k - 1, k) && foreign(k - 1) {
            words += 1;
            k -= 1;
        }
        let mut k = i;
        while words < 4 && foreign(k) && (k == i || self.ctx.same_line(k - 1, k)) {
            words += 1;
            k += 1;
        }
        words >= 4
    }

    /// Whether the particle at `k` is `do`, which is also the Vietnamese
    /// `by` (`phim Dune do Denis Villeneuve đạo diễn`): without a cue it
    /// joins no name's second word and makes no name of four words.
    pub(super) fn particle_is_by(&self, k: usize) -> bool {
        self.ctx.is(k, "do")
    }

    /// How many lower-case particles of a foreign name (`da`, `do`, `de`,
    /// `van`, `von`, `bin` …, or two: `van der`, `von der`, `de la`) start
    /// at token `k` before a capitalised word on its line that opens
    /// nothing of the lists; `0` for none (`Kim Jong-un do Bình Nhưỡng cử`
    /// keeps `do` out).
    ///
    /// (Every particle is a word of two or three ASCII letters: a word
    /// whose key has a fourth byte or a byte past ASCII, as most
    /// Vietnamese syllables have, is none, and is refused by its key
    /// before the call that compares the lists.)
    #[inline]
    pub(super) fn particles_before_name(&self, k: usize) -> usize {
        let short_ascii = self
            .ctx
            .key(k)
            .is_some_and(|key| key >> 24 == 0 && key & 0x0080_8080 == 0);
        if !short_ascii {
            debug_assert_eq!(
                self.particles_listed(k),
                0,
                "token {k}: a particle refused by its key"
            );
            return 0;
        }
        self.particles_listed(k)
    }

    /// [`Scanner::particles_before_name`] past its test of the key.
    #[inline(never)]
    fn particles_listed(&self, k: usize) -> usize {
        let lower = |j: usize| {
            matches!(
                self.ctx.kind(j),
                Some(TokenKind::Syllable(Casing::Lower) | TokenKind::Word(Casing::Lower))
            )
        };
        let first = lower(k)
            && self
                .ctx
                .which(
                    k,
                    word_keys![
                        "da", "do", "dos", "das", "de", "di", "del", "van", "von", "der", "bin",
                        "ibn"
                    ],
                )
                .is_some();
        if !first {
            return 0;
        }
        // (The second of two: `van der`, `van den`, `von der`, `de la`.)
        let second = lower(k + 1)
            && self
                .ctx
                .which(k + 1, word_keys!["der", "den", "de", "la", "los", "las"])
                .is_some();
        let count = 1 + usize::from(second);
        let name = k + count;
        let before_name = k > 0
            && self.ctx.same_line(k - 1, name)
            && matches!(
                self.ctx.kind(name),
                Some(TokenKind::Word(Casing::Title) | TokenKind::Syllable(Casing::Title))
            )
            && self.open(name)
            && self.lex.longest(self.ctx, name, OPENS).is_none();
        if before_name { count } else { 0 }
    }
}

/// Whether `t` is a capitalised word in foreign letters, no digit in it
/// (`Trump`, `McCain`; not `4Đ`): a foreign name's word.
fn foreign_word(t: &crate::tokenize::Token<'_>) -> bool {
    matches!(t.kind(), TokenKind::Word(Casing::Title | Casing::Mixed))
        && !t.text().bytes().any(|b| b.is_ascii_digit())
}

/// Whether `text` is the initial of a given name that opens with two
/// letters, written as they are: `Th.`, `Tr.`, `Ng.` (`Lô Văn Th.`).
pub(super) fn digraph_initial(text: &str) -> bool {
    ["Th.", "Tr.", "Ng.", "Nh.", "Ch.", "Gi.", "Kh.", "Ph."].contains(&text)
}
