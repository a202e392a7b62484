//! Places: a known name, or a unit word and a name (`huyện Bình Chánh`,
//! `quận 12`, `TP. Thanh Hóa`).

use super::Scanner;
use super::lexicon::{OPENS, Word, class};
use super::parse::{Cue, PlaceParse, key};
use crate::extract::context::word_keys;
use crate::extract::{NameForm, PlaceLevel};
use crate::tokenize::{Casing, TokenKind};

/// The directions that begin a ward's or commune's name before a
/// district's or town's (see [`Scanner::directional_name`]).
const DIRECTIONS: &[u128] = word_keys!["bắc", "nam", "đông", "tây", "trung"];

/// The words that begin the names of places of the Central Highlands (see
/// [`Scanner::highland_name`]).
const HIGHLAND_OPENERS: &[u128] =
    word_keys!["đạ", "krông", "ea", "ia", "chư", "đắk", "đăk", "kon", "cư"];

/// The capitalised words that begin a place the lists do not name whole
/// and that no unit word opens: a state's form ([`Scanner::state_form`]:
/// the first three), a direction ([`DIRECTIONS`], the next five) and a
/// highland name ([`HIGHLAND_OPENERS`], the rest), in one list so that a
/// word is compared with them all at once.
const BARE_OPENERS: &[u128] = word_keys![
    "cộng", "vương", "liên", "bắc", "nam", "đông", "tây", "trung", "đạ", "krông", "ea", "ia",
    "chư", "đắk", "đăk", "kon", "cư"
];

/// A set of 256 bits: bit [`opener_bit`] of each key of [`BARE_OPENERS`].
/// Most capitals a place is asked at (`Nguyễn`, `Thành`, `Hà`) have a bit
/// the set lacks, and are refused without comparing their key with all
/// seventeen.
const BARE_OPENER_BITS: [u64; 4] = {
    let mut bits = [0u64; 4];
    let mut n = 0;
    while n < BARE_OPENERS.len() {
        let b = opener_bit(BARE_OPENERS[n]);
        bits[b / 64] |= 1 << (b % 64);
        n += 1;
    }
    bits
};

/// The bit of [`BARE_OPENER_BITS`] a key falls on, from its first two
/// bytes (a word's first letter and the start of its second, or its
/// first letter's two bytes: `na`, `tâ`, `tr`, `đ`).
const fn opener_bit(key: u128) -> usize {
    ((key as u64 & 0xFFFF).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 56) as usize
}

/// Where the directions start in [`BARE_OPENERS`].
const DIRECTIONS_AT: usize = 3;
/// Where the highland openers start in [`BARE_OPENERS`].
const HIGHLANDS_AT: usize = 8;

/// The most names read in a list after a unit word's place (see
/// [`Scanner::listed_places_end`]).
const MAX_LISTED: usize = 6;

impl Scanner<'_, '_, '_> {
    /// The end of the names listed after a unit word's place that ends at
    /// `end`, which share its unit word: `xã Bến Cầu, Long Thuận và Phước
    /// Chỉ`. The list must close with `và` and a name that ends its
    /// clause or goes on with a word in lower case, each name two or three
    /// syllables in title case (see
    /// [`Scanner::listed_place`]); `None` where no such list follows.
    pub(crate) fn listed_places_end(&self, end: usize) -> Option<usize> {
        let mut k = end;
        for _ in 0..MAX_LISTED {
            let and = self.is_word(k, key!("và"));
            if !(and || self.ctx.is_char(k, ',')) || !self.ctx.same_line(k, k + 1) {
                return None;
            }
            let name_end = self.listed_place(k + 1)?;
            if and {
                let lower = self.ctx.kind(name_end) == Some(TokenKind::Syllable(Casing::Lower));
                return (self.clause_ends(name_end) || lower).then_some(name_end);
            }
            k = name_end;
        }
        None
    }

    /// The end of a name in a list of places at `k`: two or three
    /// Vietnamese syllables in title case on one line, opened by no family
    /// name (`Nguyễn Văn A` is a person) nor by a word of the lists that
    /// begins a title, a body or another place's unit.
    pub(crate) fn listed_place(&self, k: usize) -> Option<usize> {
        let syllable = |t: usize| self.ctx.kind(t) == Some(TokenKind::Syllable(Casing::Title));
        let n = (k..k + 3)
            .take_while(|&t| syllable(t) && (t == k || self.ctx.same_line(t - 1, t)))
            .count();
        if n < 2 {
            return None;
        }
        let listed = class::SURNAME
            | class::HONORIFIC
            | class::ROLE
            | class::RANK
            | class::HEAD
            | class::ORG
            | class::UNIT;
        if self.lex.longest(self.ctx, k, listed).is_some() {
            return None;
        }
        Some(k + n)
    }

    /// A place at `i`: a known name, or a unit word and a name.
    ///
    /// (Asked at most words a name may start at and at every word of a
    /// body's name: a word that starts no phrase of a place or a unit word
    /// in the lists, nor a name of [`BARE_OPENERS`] with its capital, starts
    /// no place, and is refused from its record here, before the reading.)
    #[inline]
    pub(crate) fn place(&self, i: usize) -> Option<PlaceParse> {
        let start = self.ctx.start(i)?;
        let opener = if self.ctx.capital(i) {
            self.bare_opener(i)
        } else {
            None
        };
        if opener.is_none() && !start.has(class::PLACE | class::UNIT) {
            debug_assert!(
                self.place_at(i, None).is_none(),
                "token {i}: a place starts at a word its record refuses"
            );
            return None;
        }
        self.place_at(i, opener)
    }

    /// The index in [`BARE_OPENERS`] of the word at `i`, if it is one.
    #[inline]
    fn bare_opener(&self, i: usize) -> Option<usize> {
        let key = self.ctx.key(i)?;
        let b = opener_bit(key);
        let maybe = BARE_OPENER_BITS
            .get(b / 64)
            .is_some_and(|w| w >> (b % 64) & 1 != 0);
        if !maybe {
            debug_assert!(
                self.which_word(i, BARE_OPENERS).is_none(),
                "token {i}: a word of the bare openers whose bit is not set"
            );
            return None;
        }
        self.which_word(i, BARE_OPENERS)
    }

    /// [`Scanner::place`] past its first test; `opener` is the index in
    /// [`BARE_OPENERS`] of the word at `i` when it is capitalised.
    fn place_at(&self, i: usize, opener: Option<usize>) -> Option<PlaceParse> {
        if !self.open(i) {
            return None;
        }
        if opener.is_some_and(|w| w < DIRECTIONS_AT) {
            if let Some(end) = self.state_form(i) {
                return Some(PlaceParse::bare(i, end, PlaceLevel::Country));
            }
        }
        // A direction's name and a highland name start with one of a few
        // words in title case: the others a place is asked at (most words)
        // skip both calls.
        let title_case = self.ctx.title_case(i);
        if title_case && opener.is_some_and(|w| (DIRECTIONS_AT..HIGHLANDS_AT).contains(&w)) {
            debug_assert!(self.which_word(i, DIRECTIONS).is_some());
            if let Some(end) = self.directional_name(i) {
                return Some(PlaceParse::bare(i, end, PlaceLevel::Commune));
            }
            // `Nam Darfur`, `Bắc Kordofan`: a region or state abroad, a
            // direction before one word in foreign letters.
            let abroad = self.ctx.kind(i + 1) == Some(TokenKind::Word(Casing::Title))
                && self.ctx.same_line(i, i + 1)
                && self.lex.longest(self.ctx, i, class::PLACE).is_none()
                && self.clear(i, i + 2)
                && !(self.ctx.capital(i + 2) && self.ctx.same_line(i + 1, i + 2))
                && !self.lex.is(
                    self.ctx,
                    i + 1,
                    class::NOT_NAME | class::EVENT | class::CORP | class::ORG,
                );
            if abroad {
                return Some(PlaceParse::bare(i, i + 2, PlaceLevel::Province));
            }
        }
        if let Some(h) = self.lex.longest(self.ctx, i, class::PLACE) {
            if self.clear(i, h.end) {
                let Word::Place(level) = h.word else {
                    return None;
                };
                // `tiếng Anh`, `Tiếng Đức`: a language, not the country;
                // nor is `Đức` in `Hữu nghị Việt Đức` (Vietnamese-German).
                let joined_to_viet = i > 0
                    && self.is_word(i - 1, key!("việt"))
                    && self.ctx.capital(i - 1)
                    && self.ctx.same_line(i - 1, i);
                if level == PlaceLevel::Country
                    && i > 0
                    && (self.is_word(i - 1, key!("tiếng")) || joined_to_viet)
                {
                    return None;
                }
                // `Anh` opening a sentence before a word in lower case is
                // the pronoun (`Anh dự định …`), not Britain, which news
                // opens with `Nước Anh`, `Vương quốc Anh` or a clause
                // before it; `Anh và Pháp` stays the country.
                let pronoun = self.is_word(i, key!("anh"))
                    && self.sentence_start(i)
                    && self.ctx.kind(h.end) == Some(TokenKind::Syllable(Casing::Lower))
                    && self.ctx.same_line(i, h.end)
                    && !self.is_word(h.end, key!("và"));
                if pronoun {
                    return None;
                }
                // `Đức` before a role is the honorific of a religious
                // dignitary: `Đức Pháp chủ`, `Đức Giáo hoàng`; `Đức cha`
                // is one whole (`"Đức cha từng dạy …"`).
                let honorific = self.is_word(i, key!("đức"))
                    && self.ctx.same_line(i, h.end)
                    && (self.lex.longest(self.ctx, h.end, class::ROLE).is_some()
                        || self
                            .lex
                            .longest(self.ctx, i, class::HONORIFIC)
                            .is_some_and(|o| o.end > h.end));
                if honorific {
                    return None;
                }
                // A word of one syllable in a line of capitals ends a
                // word of the heading more often than it names a country:
                // `MỘT SỐ GIẢI PHÁP`, `TRUNG TÂM ANH NGỮ`.
                if h.end == i + 1 && self.ctx.in_heading(i) {
                    return None;
                }
                // A country of one word that begins a longer name of
                // Vietnamese words is not the country: `Đồn Biên phòng Mỹ
                // Lý`, `Trường THCS Đức Phổ`.
                if self.foreign_begins_name(i, h.end, level) {
                    return None;
                }
                // A district's name that begins a longer name is not the
                // district: `Trường THPT Phú Hòa Đông`, `Tân Sơn Nhì`.
                if level == PlaceLevel::District && self.continues_name(h.end) {
                    return None;
                }
                return Some(PlaceParse::bare(i, h.end, level));
            }
        }
        if title_case && opener.is_some_and(|w| w >= HIGHLANDS_AT) {
            debug_assert!(self.which_word(i, HIGHLAND_OPENERS).is_some());
            if let Some(end) = self.highland_name(i) {
                return Some(PlaceParse::bare(i, end, PlaceLevel::Commune));
            }
        }
        let h = self.lex.longest(self.ctx, i, class::UNIT)?;
        let Word::Unit { level, number } = h.word else {
            return None;
        };
        // `Hồ`, `Châu`, `Sông` with a capital inside a sentence begin a name
        // (`tư tưởng Hồ Chí Minh`, `Hồ Gươm`); as unit words they are
        // written in lower case. (A unit of two words keeps its capital:
        // `Thánh địa Mỹ Sơn`, `Sân bay Nội Bài`.)
        if matches!(level, PlaceLevel::Landmark | PlaceLevel::Region)
            && h.end == i + 1
            && self.ctx.capital(i)
            && !self.sentence_start(i)
        {
            return None;
        }
        // At the start of a sentence a unit word that is also a family
        // name begins a person's name: `Hồ Quốc Tài cho biết`, `Châu Việt
        // Anh`.
        if self.ctx.capital(i)
            && self.lex.is(self.ctx, i, class::SURNAME)
            && self
                .person(i, Cue::None)
                .is_some_and(|p| p.form == NameForm::Full)
        {
            return None;
        }
        let j = h.end;
        if !self.open(j) || !self.ctx.same_line(j - 1, j) {
            return None;
        }
        // `tung vào sân Moreira`: a player sent onto the pitch, no stadium.
        let pitch = j == i + 1
            && i >= 2
            && self.is_word(i, key!("sân"))
            && self.which_word(i - 1, word_keys!["vào", "ra"]).is_some()
            && self
                .which_word(i - 2, word_keys!["tung", "đưa", "cho"])
                .is_some();
        if pitch {
            return None;
        }
        // A unit word that begins a body's head is the body's: `TỈNH UỶ
        // LÂM ĐỒNG` in a heading of capitals is the Party committee.
        if self.ctx.capital(i)
            && self
                .lex
                .longest(self.ctx, i, class::HEAD | class::ORG)
                .is_some_and(|b| b.end > j)
        {
            return None;
        }
        // `yêu cầu`, `nhu cầu`, `toàn cầu`: the second word of a compound,
        // no bridge; nor is `phố` of `Thành phố` a street (`Công an Thành
        // phố Nguyễn Văn Hùng` is the city's police and its head).
        // (The unit word's key is compared once with those of the words
        // the tests below are about, not packed again for each.)
        let word = self.which_word(i, word_keys!["cầu", "phố", "bản", "thủ"]);
        let (bridge, street, village, capital_city) = (Some(0), Some(1), Some(2), Some(3));
        let compound: &[u128] = if word == bridge {
            word_keys!["yêu", "nhu", "toàn"]
        } else if word == street {
            word_keys!["thành"]
        } else if word == village {
            // `phiên bản iOS`, `văn bản`, `Nhật Bản`: no village.
            word_keys![
                "phiên", "văn", "cơ", "kịch", "nhật", "tái", "xuất", "nguyên", "bộ"
            ]
        } else {
            &[]
        };
        if !compound.is_empty() && i > 0 && self.which_word(i - 1, compound).is_some() {
            return None;
        }
        // A village of the northern uplands (`bản Huồi Xái`) is written in
        // lower case before a name of two words or more; `Bản Quy định`,
        // `bản Photocopy` and `BẢN SAO` are a copy of a document.
        if word == village
            && (self.ctx.capital(i) || self.name_run(j, true).is_none_or(|e| e < j + 2))
        {
            return None;
        }
        // `thủ đô Indonesia` describes the country's capital: the country
        // is the place, not a city of its name.
        if word == capital_city && self.is_word(i + 1, key!("đô")) {
            let country = self
                .lex
                .longest(self.ctx, j, class::PLACE)
                .is_some_and(|k| matches!(k.word, Word::Place(PlaceLevel::Country)));
            if country {
                return None;
            }
        }
        let domestic = matches!(
            level,
            PlaceLevel::Province | PlaceLevel::District | PlaceLevel::Commune | PlaceLevel::Village
        );
        // A unit word glued to its name (`TP.Hà Nội` is tokenized apart
        // already); a unit word that ends a compound (`văn bản`, `gia đình`)
        // is not one: those take a lower-case word before them, which a
        // listed unit does not need, so only the name after is checked.
        let known = self.lex.longest(self.ctx, j, class::PLACE);
        // `các tỉnh miền Trung`: the provinces of a region, not a province
        // named after it; the region is read on its own.
        if domestic && known.is_some_and(|k| matches!(k.word, Word::Place(PlaceLevel::Region))) {
            return None;
        }
        // `các thành phố Hàn Quốc`: the cities of a country, which is read
        // on its own (a name that only begins with a country's goes on
        // below: `thành phố Mỹ Tho`).
        let of_country = known.is_some_and(|k| {
            matches!(k.word, Word::Place(PlaceLevel::Country))
                && self.name_run(j, true).is_none_or(|e| e <= k.end)
        });
        if of_country && (domestic || level == PlaceLevel::City) {
            return None;
        }
        // A country's name that begins a longer name of a unit at home is
        // part of it: `xã Đức Trọng`, `phường Anh Dũng`, not the country
        // `Đức` or `Anh` (nor the honorific `anh`).
        // (The run is read only where it may count: most known names after
        // a unit word are at home.)
        let run_past_country = known.and_then(|k| {
            let foreign = matches!(
                k.word,
                Word::Place(PlaceLevel::Country | PlaceLevel::Region)
            );
            // (So does a bridge's or a road's, in title case: `cầu Mỹ
            // Thuận`, `cao tốc Mỹ An - Cao Lãnh`; not a heading, `KHU CÔNG
            // NGHIỆP VIỆT NAM ĐẾN …`, nor `biển Trường Sa VN`.)
            let named_here = domestic
                || (matches!(level, PlaceLevel::Street | PlaceLevel::Landmark)
                    && self.ctx.title_case(k.end));
            if !(named_here && foreign) {
                return None;
            }
            self.name_run(j, true).filter(|&e| e > k.end)
        });
        // A district's or town's name that a longer local name begins
        // takes one more capitalised word: `xã Vĩnh Lộc A`, `phường Tân
        // Thạnh Tây`, `đường An Dương Vương`, `Khu công nghiệp Tân Phú
        // Thạnh` (not a person's name after it:
        // `UBND huyện Bình Chánh Lê Văn A`).
        let run_past_district = known.and_then(|k| {
            let local = matches!(k.word, Word::Place(PlaceLevel::District | PlaceLevel::City));
            let one_more = local
                && (domestic || matches!(level, PlaceLevel::Street | PlaceLevel::Landmark))
                && self.continues_name(k.end);
            one_more.then_some(k.end + 1)
        });
        let run_past_country = run_past_country.or(run_past_district).or_else(|| {
            // (Its first test here: most names after a unit word are no
            // direction.)
            let direction = self.ctx.title_case(j) && self.which_word(j, DIRECTIONS).is_some();
            direction.then(|| self.directional_name(j)).flatten()
        });
        let known = known.filter(|_| run_past_country.is_none());
        let expressway = self.is_word(i, key!("cao")) && self.is_word(i + 1, key!("tốc"));
        let name_end = if let Some(run) = run_past_country {
            if expressway {
                self.end_points(run)
            } else {
                run
            }
        } else if let Some(k) = known {
            if level == PlaceLevel::Street {
                self.end_points(k.end)
            } else {
                k.end
            }
        } else if self.ctx.capital(j)
            && self
                .lex
                .longest(self.ctx, j, class::ROLE | class::RANK | class::HONORIFIC)
                .is_none_or(|h| {
                    // (An honorific with a capital that begins a name after
                    // a unit word is part of it: `cầu Ông Lãnh`, `chợ Bà
                    // Chiểu`, `đường Bà Triệu`.)
                    h.word == Word::Honorific
                        && h.end == j + 1
                        && self.ctx.title_case(j)
                        && self.ctx.title_case(j + 1)
                        && self.ctx.same_line(j, j + 1)
                })
        {
            // A province or city the lists do not know may be foreign
            // (`bang California`), but is no Vietnamese person's name
            // (`Chủ tịch UBND tỉnh Lê Văn Thạnh`); streets, wards and
            // schools are named after people.
            let big = matches!(
                level,
                PlaceLevel::Province | PlaceLevel::City | PlaceLevel::Region | PlaceLevel::Country
            );
            // (A person's name is read only where a test below asks for
            // it: after a big unit's word or a street's.)
            let person = if big || level == PlaceLevel::Street {
                self.full_name(j)
            } else {
                None
            };
            if big && person.is_some() {
                return None;
            }
            let run = self.name_run(j, true)?;
            // Units named in the plural before a full name are no place of
            // that name: `Trưởng Ban Quản lý … và các khu công nghiệp Hoàng
            // Thị Thu Trang` is the head's name.
            // (A landmark's unit, and a name of three words: `các xã Châu
            // Khê, …` and `các làng Đào Thục, …` list places.)
            let plural = level == PlaceLevel::Landmark
                && i > 0
                && self.which_word(i - 1, word_keys!["các", "những"]).is_some();
            if plural
                && self
                    .person(j, Cue::None)
                    .is_some_and(|p| p.form == NameForm::Full && p.end >= run && p.end >= j + 3)
            {
                return None;
            }
            // A street is named after a person whole, though a family name
            // begins a word inside (`đường Nguyễn Thái Học`, `Thái` a
            // family name): not a name and a person after it.
            let run = match person {
                Some(p) if level == PlaceLevel::Street => run.max(p.end),
                _ => run,
            };
            // An expressway is named by the places it links (`cao tốc Tân
            // Phú - Bảo Lộc`), whether the lists know the first or not.
            if expressway {
                self.end_points(run)
            } else if level == PlaceLevel::Street
                && self.is_word(run - 1, key!("vành"))
                && self.is_word(run, key!("đai"))
                && self.ctx.same_line(run - 1, run)
            {
                // A ring road and its number: `đường Vành đai 4`.
                let numbered =
                    self.ctx.integer(run + 1, 2).is_some() && self.ctx.same_line(run, run + 1);
                run + 1 + usize::from(numbered)
            } else {
                run
            }
        } else if number && self.is_number_name(j) {
            // A street named after a day: `đường 3 Tháng 2`, `đường 30
            // Tháng 4`.
            // (The date the first layer reads there is part of the name:
            // rule 7.)
            if level == PlaceLevel::Street && self.day_named(j) {
                j + 3
            } else {
                j + 1
            }
        } else {
            return None;
        };
        let street_day = level == PlaceLevel::Street && self.day_named(j);
        if !(street_day || self.clear(j, name_end)) {
            return None;
        }
        // The wards named with their city since 2025: `phường Xuân Hương -
        // Đà Lạt`, `phường Lâm Viên - Đà Lạt`.
        let name_end = if level == PlaceLevel::Commune
            && self.ctx.is_dash(name_end)
            && self.ctx.same_line(name_end - 1, name_end)
            && self.ctx.same_line(name_end, name_end + 1)
        {
            self.lex
                .longest(self.ctx, name_end + 1, class::PLACE)
                .filter(|k| k.word == Word::Place(PlaceLevel::City) && self.clear(name_end, k.end))
                .map_or(name_end, |k| k.end)
        } else {
            name_end
        };
        // (So are bridges and works built again beside the first: `cầu Mỹ
        // Thuận 2`.)
        let numbered = matches!(level, PlaceLevel::Commune | PlaceLevel::Landmark)
            && name_end > j
            && self.numbered(name_end);
        let name_end = if numbered { name_end + 1 } else { name_end };
        // `thủ đô` says what the city is, not what it is called: the place
        // is `Nairobi` in `thủ đô Nairobi`, as a city without it would be.
        let (first, unit) = if word == capital_city {
            (j, None)
        } else {
            (i, Some((i, j)))
        };
        Some(PlaceParse {
            first,
            end: name_end,
            level,
            unit,
            name: (j, name_end),
        })
    }
    /// Whether a day and month in words, `3 Tháng 2`, start at `j`: the
    /// name of a street after a date (`đường 3 Tháng 2`, `đường 30 Tháng
    /// 4`).
    fn day_named(&self, j: usize) -> bool {
        self.ctx
            .integer(j, 2)
            .is_some_and(|d| (1..=31).contains(&d))
            && self.is_word(j + 1, key!("tháng"))
            && self.ctx.capital(j + 1)
            && self
                .ctx
                .integer(j + 2, 2)
                .is_some_and(|m| (1..=12).contains(&m))
            && self.ctx.same_line(j, j + 2)
            && self.open(j)
    }

    /// Whether the name of a commune or a landmark that ends before `end`
    /// takes the figure at `end`: communes are numbered since the 2025
    /// merger (`xã A Lưới 1`, `xã A Lưới 2`; not `xã Tân Lập 12 hộ`, a
    /// count), and bridges built beside the first (`cầu Mỹ Thuận 2`).
    pub(crate) fn numbered(&self, end: usize) -> bool {
        end > 0
            && self.ctx.capital(end - 1)
            && self.ctx.same_line(end - 1, end)
            && self.ctx.integer(end, 1).is_some()
            && matches!(self.ctx.kind(end), Some(TokenKind::Number(_)))
            && self.open(end)
            && !crate::extract::quantity::counted(self.ctx, end + 1)
    }

    /// The end of a place of the Central Highlands named without its unit
    /// word at `i`: a capitalised word that begins the names of places
    /// there and no Vietnamese person's name (`Đạ Huoai`, `Krông Pắc`, `Ea
    /// Súp`, `Ia Grai`, `Chư Prông`, `Đắk Mil`, `Kon Plông`, `Cư Jút`), then
    /// capitalised words. Most are communes since the 2025 merger.
    pub(super) fn highland_name(&self, i: usize) -> Option<usize> {
        // (In title case: a heading in capitals, `DÂN CƯ NÔNG THÔN`, names
        // nothing.)
        let opens = self.ctx.title_case(i) && self.which_word(i, HIGHLAND_OPENERS).is_some();
        if !opens || !self.ctx.capital(i + 1) || !self.ctx.same_line(i, i + 1) {
            return None;
        }
        let end = self.name_run(i, true)?;
        (end > i + 1 && end <= i + 3 && self.clear(i, end)).then_some(end)
    }

    /// The end of a country named in its state's form at `i`: `Cộng hòa Ba
    /// Lan`, `Cộng hòa Liên bang Đức`, `Vương quốc Thái Lan`, `Liên bang
    /// Nga` (the forms the lists do not hold already).
    fn state_form(&self, i: usize) -> Option<usize> {
        if !self.ctx.capital(i) {
            return None;
        }
        // (One comparison for most words: the first word's key.)
        let second = match self.which_word(i, word_keys!["cộng", "vương", "liên"])? {
            0 => self.is_word(i + 1, key!("hòa")) || self.is_word(i + 1, key!("hoà")),
            1 => self.is_word(i + 1, key!("quốc")),
            _ => self.is_word(i + 1, key!("bang")),
        };
        if !second {
            return None;
        }
        let mut k = i + 2;
        // (`Cộng hòa Liên bang`, `Cộng hòa Nhân dân`, `Cộng hòa Dân chủ
        // Nhân dân`, `Cộng hòa Hồi giáo`.)
        for words in [
            ["liên", "bang"],
            ["nhân", "dân"],
            ["dân", "chủ"],
            ["hồi", "giáo"],
        ] {
            if self.ctx.capital(k) && self.ctx.is(k, words[0]) && self.ctx.is(k + 1, words[1]) {
                k += 2;
            }
        }
        if !self.ctx.same_line(i, k) {
            return None;
        }
        let country = self.lex.longest(self.ctx, k, class::PLACE)?;
        (country.word == Word::Place(PlaceLevel::Country) && self.clear(i, country.end))
            .then_some(country.end)
    }

    /// Whether a known place of `level` at `i..end` is a country or region
    /// of one word that begins a longer name: a capitalised Vietnamese
    /// syllable follows on its line that opens nothing of its own (no
    /// place, unit word, head noun, title or person's full name: `Đại sứ
    /// Việt Nam tại Pháp Đinh Thị Thu Hằng`).
    fn foreign_begins_name(&self, i: usize, end: usize, level: PlaceLevel) -> bool {
        // (A country's syllable that begins a common word written with its
        // first capital in a body's name: `Vụ Pháp chế`, `Viện Pháp y`,
        // `Trường Mỹ thuật`, `các Anh hùng liệt sĩ`.)
        let word = end == i + 1
            && self.ctx.same_line(i, end)
            && ((self.is_word(i, key!("pháp"))
                && self
                    .which_word(
                        end,
                        word_keys!["chế", "y", "luật", "lý", "lệnh", "quyền", "nhân"],
                    )
                    .is_some())
                || (self.is_word(i, key!("mỹ"))
                    && self
                        .which_word(end, word_keys!["thuật", "phẩm", "nghệ"])
                        .is_some())
                || (self.is_word(i, key!("nhật"))
                    && self.which_word(end, word_keys!["ký", "báo"]).is_some())
                || (self.is_word(i, key!("anh")) && self.is_word(end, key!("hùng"))));
        if word && level == PlaceLevel::Country {
            return true;
        }
        matches!(level, PlaceLevel::Country | PlaceLevel::Region)
            && end == i + 1
            && self.ctx.same_line(i, end)
            && self.ctx.kind(end) == Some(TokenKind::Syllable(Casing::Title))
            && self.open(end)
            && self
                .lex
                .longest(self.ctx, end, OPENS & !class::HONORIFIC)
                .is_none()
            && self.full_name(end).is_none()
    }

    /// The end of a road's name that goes on from a known place ending at
    /// `k` to the places it links, each after a dash (`cao tốc TP.HCM -
    /// Long Thành - Dầu Giây`, `quốc lộ Hà Nội - Lạng Sơn`): at most three
    /// more places, on one line. (A road named after a person, `đường
    /// Nguyễn Văn Linh`, takes no dash: only one whose first name is a
    /// known place does.)
    fn end_points(&self, k: usize) -> usize {
        let mut end = k;
        for _ in 0..3 {
            let dash = self.ctx.is_dash(end)
                && self.ctx.same_line(end - 1, end)
                && self.ctx.same_line(end, end + 1);
            if !dash {
                break;
            }
            // A known place, or capitalised words that name no person (a
            // township the lists do not know: `Dầu Giây`).
            // (Two words after the dash read as a person's name are a
            // place here too: `cao tốc Cam Lộ - La Sơn`.)
            let next = match self.lex.longest(self.ctx, end + 1, class::PLACE) {
                Some(p) => Some(p.end),
                None if self
                    .person(end + 1, Cue::None)
                    .is_none_or(|p| p.end <= end + 3) =>
                {
                    self.name_run(end + 1, true)
                }
                None => None,
            };
            match next.filter(|&e| self.clear(end, e)) {
                Some(e) => end = e,
                None => break,
            }
        }
        end
    }

    /// The end of a ward's or commune's name made of a direction and a
    /// district's or town's name (the 2025 merger named many so): `phường
    /// Bắc Hồng Lĩnh`, `Nam Hồng Lĩnh`. The whole is no known place.
    fn directional_name(&self, k: usize) -> Option<usize> {
        let direction = self.ctx.title_case(k) && self.which_word(k, DIRECTIONS).is_some();
        if !direction || !self.ctx.same_line(k, k + 1) || !self.clear(k, k + 2) {
            return None;
        }
        if self
            .lex
            .longest(self.ctx, k, class::PLACE)
            .is_some_and(|h| h.end > k + 1)
        {
            return None;
        }
        let h = self.lex.longest(self.ctx, k + 1, class::PLACE)?;
        matches!(h.word, Word::Place(PlaceLevel::District | PlaceLevel::City))
            .then_some(h.end)
            .filter(|&end| self.clear(k + 1, end))
    }

    /// Whether the word at `k`, right after a known name, is one more word
    /// of a longer name: a word in title case on the same line that begins
    /// no person's name, no known place, body, role or unit word.
    fn continues_name(&self, k: usize) -> bool {
        self.ctx.title_case(k)
            && self.open(k)
            && k > 0
            && self.ctx.same_line(k - 1, k)
            && self.person(k, Cue::None).is_none()
            && self
                .lex
                .longest(
                    self.ctx,
                    k,
                    class::PLACE | class::ORG | class::HEAD | class::ROLE | class::UNIT,
                )
                .is_none()
    }
}
