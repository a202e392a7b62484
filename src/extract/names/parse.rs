//! The phrase parsers of the name recognizer: places, organizations,
//! titles and persons, each from a token index, each returning token ranges
//! without emitting anything. [`super::Scanner`] decides which reading to
//! keep.

use super::Scanner;
use super::lexicon::{Word, class};
use crate::extract::context::roman;
use crate::extract::{NameForm, OrgCategory, PlaceLevel, Tenure};
use crate::tokenize::{Casing, TokenKind};

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

/// The most name tokens a run may have.
const MAX_NAME: usize = 5;

impl Scanner<'_, '_, '_, '_> {
    /// A place at `i`: a known name, or a unit word and a name.
    pub(crate) fn place(&self, i: usize) -> Option<PlaceParse> {
        if !self.open(i) {
            return None;
        }
        if let Some(h) = self.lex.longest(self.ctx, i, class::PLACE) {
            if self.clear(i, h.end) {
                let Word::Place(level) = h.word else {
                    return None;
                };
                return Some(PlaceParse {
                    first: i,
                    end: h.end,
                    level,
                    unit: None,
                    name: (i, h.end),
                });
            }
        }
        let h = self.lex.longest(self.ctx, i, class::UNIT)?;
        let Word::Unit { level, number } = h.word else {
            return None;
        };
        // `Hồ`, `Châu`, `Sông` with a capital inside a sentence begin a name
        // (`tư tưởng Hồ Chí Minh`, `Hồ Gươm`); as unit words they are
        // written in lower case.
        if matches!(level, PlaceLevel::Landmark | PlaceLevel::Region)
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
        // A unit word glued to its name (`TP.Hà Nội` is tokenized apart
        // already); a unit word that ends a compound (`văn bản`, `gia đình`)
        // is not one: those take a lower-case word before them, which a
        // listed unit does not need, so only the name after is checked.
        let name_end = if let Some(k) = self.lex.longest(self.ctx, j, class::PLACE) {
            k.end
        } else if self.ctx.capital(j)
            && self
                .lex
                .longest(self.ctx, j, class::ROLE | class::RANK | class::HONORIFIC)
                .is_none()
        {
            // A province or city the lists do not know may be foreign
            // (`bang California`), but is no Vietnamese person's name
            // (`Chủ tịch UBND tỉnh Lê Văn Thạnh`); streets, wards and
            // schools are named after people.
            let big = matches!(
                level,
                PlaceLevel::Province | PlaceLevel::City | PlaceLevel::Region | PlaceLevel::Country
            );
            if big
                && self
                    .person(j, Cue::None)
                    .is_some_and(|p| p.form == NameForm::Full)
            {
                return None;
            }
            self.name_run(j, true)?
        } else if number && self.is_number_name(j) {
            j + 1
        } else {
            return None;
        };
        if !self.clear(j, name_end) {
            return None;
        }
        Some(PlaceParse {
            first: i,
            end: name_end,
            level,
            unit: Some((i, j)),
            name: (j, name_end),
        })
    }

    /// Whether token `i` starts a line or a sentence.
    pub(crate) fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || !self.ctx.same_line(i - 1, i)
            || ['.', '!', '?', ':', '“', '"', '(', '…', '-', '–']
                .iter()
                .any(|&c| self.ctx.is_char(i - 1, c))
    }

    /// `12`, `1A`, `5B`: the number of a district, ward or road.
    fn is_number_name(&self, j: usize) -> bool {
        let Some(t) = self.ctx.tok(j) else {
            return false;
        };
        let s = t.text();
        s.len() <= 6
            && s.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && s.bytes().all(|b| b.is_ascii_alphanumeric())
    }

    /// The end of a run of capitalised words from `j` that may be a place
    /// or organization name: on one line, at most [`MAX_NAME`] words, not
    /// running into a person's name after it (`tỉnh Bình Định Nguyễn Văn
    /// A`).
    fn name_run(&self, j: usize, stop_at_person: bool) -> Option<usize> {
        let mut k = j;
        let mut words = 0;
        while words < MAX_NAME && self.open(k) && self.ctx.capital(k) {
            if k > j {
                if !self.ctx.same_line(k - 1, k) {
                    break;
                }
                if stop_at_person && self.person(k, Cue::None).is_some() {
                    break;
                }
            }
            k += 1;
            words += 1;
            k = self.hyphen_join(k);
        }
        (k > j).then_some(k)
    }

    /// After a word ending at `k`: past `-word` when the hyphen is glued on
    /// both sides (`Hang-seo`, tokenized `Hang` `-` `seo`).
    fn hyphen_join(&self, k: usize) -> usize {
        let glued = |a: usize, b: usize| match (self.ctx.tok(a), self.ctx.tok(b)) {
            (Some(x), Some(y)) => x.end() == y.start(),
            _ => false,
        };
        if self.ctx.is_char(k, '-')
            && k > 0
            && glued(k - 1, k)
            && glued(k, k + 1)
            && self.ctx.tok(k + 1).is_some_and(|t| t.kind().is_wordlike())
        {
            k + 2
        } else {
            k
        }
    }

    /// An organization at `i`: a known name or a head noun, and the name
    /// after it; or a foreign company's name, capitalised words that end
    /// with a company word (`Kaneda Holdings`, `Samsung Electronics`).
    pub(crate) fn org(&self, i: usize) -> Option<OrgParse> {
        if !self.open(i) {
            return None;
        }
        if let Some(end) = self.foreign_company(i) {
            return Some(OrgParse {
                first: i,
                end,
                category: OrgCategory::Company,
                term: None,
                places: Vec::new(),
                after_head: None,
                known: true,
            });
        }
        let known = self.lex.longest(self.ctx, i, class::ORG);
        let head = self.lex.longest(self.ctx, i, class::HEAD);
        // `AFF Cup`, `V-League`: a body's name before an event word names
        // the event.
        if let Some(k) = known {
            if self.lex.is(self.ctx, k.end, class::EVENT) && self.ctx.capital(k.end) {
                return None;
            }
        }
        // A name that is both known and a head (`Đảng ủy`, `Tỉnh ủy`)
        // stands alone, and takes the name after it as a head does
        // (`Đảng ủy Khối các cơ quan tỉnh`).
        let (base, category, is_known, sufficient) = match (known, head) {
            (Some(k), Some(h)) if h.end > k.end => (h.end, head_category(h.word)?, false, false),
            (Some(k), Some(h)) if h.end == k.end => (k.end, org_category(k.word)?, false, true),
            (Some(k), _) => (k.end, org_category(k.word)?, true, true),
            (None, Some(h)) => (h.end, head_category(h.word)?, false, false),
            (None, None) => return None,
        };
        if !self.clear(i, base) {
            return None;
        }
        // A head written in lower case (`trường`, `công ty`) names a body
        // only with a capital right after it.
        if !self.ctx.capital(i) && !self.ctx.capital(base) {
            return None;
        }
        let mut org = OrgParse {
            first: i,
            end: base,
            category,
            term: None,
            places: Vec::new(),
            after_head: (!is_known).then_some(base),
            known: is_known,
        };
        let named = self.complement(&mut org);
        (sufficient || named).then_some(org)
    }

    /// Extends `org` over the name after its head; whether that name holds
    /// a capital, a place or a unit word (a head alone, `Hội nghị`, is no
    /// organization).
    ///
    /// The name goes on over capitalised words, the lower-case second
    /// syllables of their words (`Y tế`, `Bất động sản`), a known body
    /// (`Tỉnh ủy`), a place, the lower-case words of bodies' names (`nhân
    /// dân`, `các cơ quan`), `và` or `-` between capitals, and ends with a
    /// term (`khóa XIV`) or a number (`số 2`). After a place only a known
    /// body, a term or a number may follow: `Công an tỉnh Nghệ An điều
    /// tra` ends at `An`.
    fn complement(&self, org: &mut OrgParse) -> bool {
        let mut k = org.end;
        let mut named = false;
        // Whether the token before `k` was taken as part of a word that a
        // capital began, so a lower-case syllable may follow it.
        let mut in_word = false;
        let limit = org.first + 16;
        while k < limit && self.open(k) && k > 0 && self.ctx.same_line(k - 1, k) {
            let after_place = org.places.last().is_some_and(|p| p.end == k);
            if self.ctx.is(k, "khóa") || self.ctx.is(k, "khoá") {
                let n = self
                    .ctx
                    .tok(k + 1)
                    .and_then(|t| roman(t.text()).or_else(|| self.ctx.integer(k + 1, 3)));
                if let Some(n) = n.filter(|_| self.open(k + 1)) {
                    org.term = u16::try_from(n).ok();
                    org.end = k + 2;
                    named = true;
                }
                break;
            }
            if self.ctx.is(k, "số") && self.is_number_name(k + 1) && self.open(k + 1) {
                org.end = k + 2;
                named = true;
                break;
            }
            // `Quân khu 5`, `Bệnh viện Quân y 175`, `Sư đoàn 320`.
            let numbered = matches!(
                org.category,
                OrgCategory::Military | OrgCategory::Hospital | OrgCategory::Police
            );
            if numbered && org.end == k && self.is_number_name(k) {
                org.end = k + 1;
                named = true;
                break;
            }
            // A body known by name inside this one: `Tỉnh ủy` in `Ban
            // Thường vụ Tỉnh ủy`, `UBND` in `Ban cán sự đảng UBND tỉnh`.
            if let Some(h) = self
                .lex
                .longest(self.ctx, k, class::ORG)
                .filter(|_| self.ctx.capital(k) && !self.new_body(k))
            {
                k = h.end;
                org.end = k;
                named = true;
                in_word = false;
                continue;
            }
            if after_place {
                // `Ngân hàng TMCP Sài Gòn - Hà Nội`: two places joined by a
                // dash name a company.
                if self.ctx.is_dash(k)
                    && org.category == OrgCategory::Company
                    && self.place(k + 1).is_some()
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if let Some(p) = self.place(k) {
                k = p.end;
                org.end = k;
                org.places.push(p);
                named = true;
                continue;
            }
            if org.known {
                // A name known as a whole takes only a place, a unit word
                // or another known body after it (`UBND tỉnh`, `Tỉnh ủy
                // Quảng Nam`, `Hội đồng Bảo an Liên Hợp Quốc`).
                if self.lex.is(self.ctx, k, class::UNIT) && self.lex.is(self.ctx, k, class::IN_NAME)
                {
                    k += 1;
                    org.end = k;
                    continue;
                }
                break;
            }
            if self.ctx.capital(k) {
                let first_word = k == org.end && Some(k) == org.after_head;
                // A Vietnamese full name ends the body's name (`Bộ trưởng
                // Bộ Y tế Đào Hồng Lan`) unless the body is named after it
                // (`trường THPT Nguyễn Du`); a foreign-looking run is part of
                // a company's name (`Công ty TNHH Hoshino Electronics`).
                let person_here = self
                    .person(k, Cue::None)
                    .is_some_and(|p| p.form == NameForm::Full);
                if person_here && !(first_word && org.category.names_after_people()) {
                    break;
                }
                // A role after the name starts a title (`Sở Y tế Giám đốc`
                // is rare; `Đoàn Luật sư` is a body): only past the first
                // word.
                let role =
                    self.lex
                        .longest(self.ctx, k, class::ROLE | class::RANK | class::HONORIFIC);
                if role.is_some() && !first_word {
                    break;
                }
                if person_here {
                    // The whole person-like name belongs to the body:
                    // `trường THPT Nguyễn Du`.
                    k = self.person(k, Cue::None).map_or(k + 1, |p| p.end);
                } else {
                    k = self.hyphen_join(k + 1);
                }
                org.end = k;
                named = true;
                in_word = true;
                continue;
            }
            let Some(t) = self.ctx.tok(k) else { break };
            if !t.kind().is_wordlike() {
                // `Bộ Văn hóa, Thể thao và Du lịch`: a comma inside a name
                // that goes on with capitals and `và`.
                if self.ctx.is_char(k, ',') && self.ctx.capital(k + 1) && self.and_follows(k + 1) {
                    k += 1;
                    continue;
                }
                // `Ban Văn hóa - Xã hội`, `Ngân hàng TMCP Sài Gòn - Hà Nội`:
                // a dash between two capitalised names.
                if self.ctx.is_dash(k)
                    && org.end == k
                    && self.ctx.capital(k + 1)
                    && !self.new_body(k + 1)
                    && (self.place(k + 1).is_some() || self.person(k + 1, Cue::None).is_none())
                {
                    k += 1;
                    continue;
                }
                break;
            }
            if self.ctx.is(k, "và") || self.ctx.is(k, "các") {
                // `Sở Kế hoạch và Đầu tư`; but `Bệnh viện A và Bệnh viện B`
                // are two.
                let goes_on = self.ctx.capital(k + 1)
                    || self.ctx.is(k + 1, "cơ")
                    || self.place(k + 1).is_some();
                if goes_on && !self.new_body(k + 1) {
                    k += 1;
                    in_word = false;
                    continue;
                }
                break;
            }
            // The second syllable of a word the capital before it began
            // (`Y tế`, `Chính trị`, `Bất động sản`); any other lower-case
            // word ends the name (`Đảng ủy Khối chỉ đạo`, `Đảng bộ Khối
            // đạt`).
            if in_word && self.lex.is(self.ctx, k, class::TAIL) {
                k += 1;
                org.end = k;
                continue;
            }
            if let Some(h) = self.lex.longest(self.ctx, k, class::IN_NAME) {
                k = h.end;
                in_word = false;
                // A word that cannot end a name (`phát triển`, `cổ phần`)
                // is kept only when a capital follows later.
                if let Word::InName { may_end: true } = h.word {
                    org.end = k;
                    if self.lex.is(self.ctx, h.end - 1, class::UNIT)
                        || self.ctx.is(h.end - 1, "dân")
                    {
                        named = true;
                    }
                }
                continue;
            }
            break;
        }
        named
    }

    /// Whether a new body starts at `k` (a head noun with a capital, as in
    /// `… và Bệnh viện Quân y 87`), rather than the name going on.
    fn new_body(&self, k: usize) -> bool {
        self.ctx.capital(k)
            && self
                .lex
                .longest(self.ctx, k, class::HEAD)
                .is_some_and(|h| h.end > k + 1 || self.ctx.capital(h.end))
            && k > 0
            && (self.ctx.is(k - 1, "và") || self.ctx.is_dash(k - 1) || self.ctx.is_char(k - 1, ','))
    }

    /// The end of `Kaneda Holdings` at `i`: one to three capitalised words
    /// and a company word, on one line.
    fn foreign_company(&self, i: usize) -> Option<usize> {
        if !self.ctx.capital(i) || self.lex.is(self.ctx, i, class::CORP) {
            return None;
        }
        let mut k = i + 1;
        while k < i + 4 && self.open(k) && self.ctx.capital(k) && self.ctx.same_line(k - 1, k) {
            if self.lex.is(self.ctx, k, class::CORP) {
                return Some(k + 1);
            }
            k += 1;
        }
        None
    }

    /// Whether `và` and a capital come within four tokens of `k`.
    fn and_follows(&self, k: usize) -> bool {
        (k..k + 4).any(|j| self.ctx.is(j, "và") && self.ctx.capital(j + 1))
    }

    /// A title at `i`: `nguyên`/`tân`, then a rank alone, or a role and the
    /// organization or country it is in.
    pub(crate) fn title(&self, i: usize) -> Option<TitleParse> {
        if !self.open(i) {
            return None;
        }
        let mut j = i;
        let mut tenure = Tenure::Current;
        if let Some(h) = self.lex.longest(self.ctx, i, class::STATUS) {
            if let Word::Status(t) = h.word {
                tenure = t;
            }
            j = h.end;
        }
        if let Some(h) = self.lex.longest(self.ctx, j, class::RANK) {
            if self.clear(j, h.end) {
                return Some(TitleParse {
                    first: j,
                    end: h.end,
                    tenure,
                    rank: Some((j, h.end)),
                    role: None,
                    complement: None,
                });
            }
        }
        let h = self.lex.longest(self.ctx, j, class::ROLE)?;
        let Word::Role { needs_org } = h.word else {
            return None;
        };
        // `Đại sứ quán Mỹ` is a body, not the role `Đại sứ`.
        if self
            .lex
            .longest(self.ctx, j, class::HEAD)
            .is_some_and(|b| b.end > h.end)
        {
            return None;
        }
        if !self.clear(j, h.end) {
            return None;
        }
        let mut role_end = h.end;
        let mut needs_org = needs_org;
        // `Trưởng Ban Tổ chức …` is `Trưởng` of `Ban Tổ chức …`, though
        // `Trưởng ban` is a role too: a shorter role wins when the words it
        // leaves begin a body longer than the role.
        for cut in (j + 1..role_end).rev() {
            let shorter = self
                .lex
                .longest_before(self.ctx, j, cut, class::ROLE)
                .filter(|s| s.end == cut);
            let body = self.org(cut).is_some_and(|o| !o.known && o.end > role_end);
            if let Some(s) = shorter.filter(|_| body) {
                role_end = cut;
                needs_org = s.word == (Word::Role { needs_org: true });
                break;
            }
        }
        // `Bộ trưởng Nông nghiệp Ba Lan`: a portfolio (a capital and the
        // rest of its word) between a minister's role and a country.
        if self.ctx.capital(role_end)
            && self.lex.is(self.ctx, role_end + 1, class::TAIL)
            && self
                .place(role_end + 2)
                .is_some_and(|p| p.level == PlaceLevel::Country)
            && (self.ctx.is(j, "bộ") || self.ctx.is(j, "thứ"))
        {
            role_end += 2;
        }
        // `Phó Bí thư Thường trực`, `Bí thư thứ nhất`.
        if (self.ctx.is(role_end, "thường") && self.ctx.is(role_end + 1, "trực"))
            || (self.ctx.is(role_end, "thứ") && self.ctx.is(role_end + 1, "nhất"))
        {
            role_end += 2;
        }
        let complement = self
            .org(role_end)
            .map(Complement::Org)
            .or_else(|| self.place(role_end).map(Complement::Place))
            .filter(|c| c.first() == role_end && self.ctx.same_line(role_end - 1, role_end));
        if needs_org && complement.is_none() {
            return None;
        }
        Some(TitleParse {
            first: j,
            end: complement.as_ref().map_or(role_end, Complement::end),
            tenure,
            rank: None,
            role: Some((j, role_end)),
            complement,
        })
    }

    /// A person's name at `i`.
    pub(crate) fn person(&self, i: usize, cue: Cue) -> Option<PersonParse> {
        if !self.open(i) || !self.ctx.capital(i) {
            return None;
        }
        let t = self.ctx.tok(i)?;
        // A place of two words or more before a name is no part of it:
        // `của Lâm Đồng Nguyễn Văn Đẳng`.
        if let Some(place) = self
            .lex
            .longest(self.ctx, i, class::PLACE)
            .filter(|p| p.end > i + 1)
        {
            if self.ctx.same_line(place.end - 1, place.end)
                && self.lex.is(self.ctx, place.end, class::SURNAME)
            {
                return None;
            }
        }
        if t.kind() == TokenKind::Abbreviation {
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
        let mut hyphenated = false;
        while n < MAX_NAME && self.open(k) {
            let Some(t) = self.ctx.tok(k) else { break };
            let ok = match t.kind() {
                TokenKind::Syllable(Casing::Title) => true,
                TokenKind::Word(Casing::Title | Casing::Mixed)
                    if !t.text().bytes().any(|b| b.is_ascii_digit()) =>
                {
                    foreign_inside |= foreign_words > 0;
                    foreign_words += 1;
                    true
                }
                _ => false,
            };
            if !ok || (k > i && !self.ctx.same_line(k - 1, k)) {
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
                        self.ctx
                            .tok(j)
                            .is_some_and(|t| t.kind() == TokenKind::Syllable(Casing::Title))
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
        let (_, end) = *words.get(n.checked_sub(1)?)?;
        if cue == Cue::Strong
            && (self.org(i).is_some_and(|o| o.end > end)
                || self
                    .place(i)
                    .is_some_and(|p| p.end >= end && (p.unit.is_some() || p.end > i + 1)))
        {
            return None;
        }
        let surname = self
            .lex
            .longest(self.ctx, i, class::SURNAME)
            .map(|h| h.end)
            .filter(|&e| e < end);
        let last_is_foreign = self
            .ctx
            .tok(end - 1)
            .is_some_and(|t| matches!(t.kind(), TokenKind::Word(_)));
        let foreign = hyphenated
            || foreign_words > 1
            || (foreign_words == 1 && (surname.is_none() || !last_is_foreign || n < 3))
            || foreign_inside;
        if cue == Cue::None {
            let ok = if foreign {
                (2..=3).contains(&n)
                    && !(i..end).any(|j| {
                        self.lex.is(
                            self.ctx,
                            j,
                            class::NOT_NAME
                                | class::EVENT
                                | class::CORP
                                | class::PLACE
                                | class::ORG,
                        )
                    })
            } else {
                surname.is_some() && (2..=MAX_NAME).contains(&n)
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
}

fn head_category(w: Word) -> Option<OrgCategory> {
    match w {
        Word::Head { category, .. } => Some(category),
        _ => None,
    }
}

fn org_category(w: Word) -> Option<OrgCategory> {
    match w {
        Word::Org { category, .. } => Some(category),
        _ => None,
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
