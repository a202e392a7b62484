//! Titles: `nguyên`/`tân`, then a rank alone, or a role and the body or
//! country it is in.

use super::Scanner;
use super::lexicon::{Word, class};
use super::parse::{Complement, Cue, OrgParse, PlaceParse, TitleParse};
use crate::extract::context::word_keys;
use crate::extract::{NameForm, PlaceLevel, Tenure};
use crate::tokenize::{Casing, TokenKind};

/// The words before a rank that make it the honour given (`danh hiệu`,
/// `phong`, `tặng`, `hạng mục`, `thăng hàm`), not a holder's title.
const AWARD_BEFORE: &[u128] =
    crate::extract::context::word_keys!["hiệu", "phong", "tặng", "mục", "hàm"];

impl Scanner<'_, '_, '_> {
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
        // A rank that is also a role, with a body after it, is the role in
        // that body: `Giám mục Giáo phận Kon Tum`, `tấn phong Giám mục phụ
        // tá Giáo phận …`.
        // (The rank and the role from one walk: many words are both.)
        let [rank, role] = self
            .lex
            .longest_each(self.ctx, j, [class::RANK, class::ROLE]);
        let role_in_body = |h: &super::lexicon::Hit| {
            role.is_some_and(|r| r.end >= h.end && self.org(r.end).is_some())
        };
        if let Some(h) = rank.filter(|h| !role_in_body(h)) {
            // `danh hiệu NSND`, `được phong NSƯT`, `thăng hàm Đại tá`: the
            // honour or rank given, no one's title.
            let given = j > 0 && self.ctx.which(j - 1, AWARD_BEFORE).is_some();
            if given {
                return None;
            }
            if self.clear(j, h.end) {
                return Some(TitleParse {
                    first: j,
                    end: h.end,
                    tenure,
                    rank: Some((j, h.end)),
                    role: None,
                    complement: None,
                    host: None,
                });
            }
        }
        let h = role?;
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
        // `Đại hội đại biểu Đảng bộ tỉnh`: a congress of delegates, no
        // delegate's post.
        let congress = j >= 2
            && self.ctx.is(j, "đại")
            && self.ctx.is(j + 1, "biểu")
            && self.ctx.is(j - 1, "hội")
            && self.ctx.is(j - 2, "đại");
        if congress {
            return None;
        }
        let mut role_end = h.end;
        let mut needs_org = needs_org;
        // `Trưởng Ban Tổ chức …` is `Trưởng` of `Ban Tổ chức …`, though
        // `Trưởng ban` is a role too: a shorter role wins when the words it
        // leaves begin a body longer than the role.
        for cut in (j + 1..role_end).rev() {
            // Not where the rest is a role itself: `Phó` + `Viện trưởng`
            // in `Phó Viện trưởng Viện Lúa`.
            if self
                .lex
                .longest(self.ctx, cut, class::ROLE)
                .is_some_and(|r| r.end >= role_end)
            {
                continue;
            }
            let shorter = self
                .lex
                .longest_before(self.ctx, j, cut, class::ROLE)
                .filter(|s| s.end == cut);
            // `Chánh Văn phòng Bộ`, `Phó Chánh Thanh tra Sở Y tế`: the chief
            // of the office or inspectorate that the rest names, a body
            // when a capital follows its head (not `Chánh Văn phòng trình
            // …`).
            // (Or a unit word: `Chánh Thanh tra tỉnh Lê Thanh Bình`.)
            let chief = self.ctx.is(cut - 1, "chánh")
                && (cut - 1 == j || (cut - 2 == j && self.ctx.is(j, "phó")))
                && (self.ctx.capital(role_end) || self.lex.is(self.ctx, role_end, class::UNIT))
                && self.ctx.same_line(role_end - 1, role_end);
            // (The body is read only where a shorter role or a chief would
            // take it.)
            if shorter.is_none() && !chief {
                continue;
            }
            let body = self.org(cut).is_some_and(|o| o.end > role_end);
            if let Some(s) = shorter.filter(|_| body) {
                role_end = cut;
                needs_org = s.word == (Word::Role { needs_org: true });
                break;
            }
            if chief && body {
                role_end = cut;
                needs_org = true;
                break;
            }
        }
        // `Bộ trưởng Nông nghiệp Ba Lan`, `Bộ trưởng Y tế Đào Hồng Lan`,
        // `Thứ trưởng Kế hoạch và Đầu tư …`: a portfolio (capitalised
        // words, the rest of their words, `và`) between a minister's role
        // and a country or the minister's full name.
        if self.ctx.is(j, "bộ") || self.ctx.is(j, "thứ") || self.ctx.is(j + 1, "thứ") {
            // (A listed portfolio, `Bộ trưởng Kinh tế`, may go on with
            // more parts.)
            let listed = role_end > j + 2;
            if let Some(end) = self.portfolio(role_end, listed) {
                role_end = end;
            }
        }
        // `Giám đốc Phân tích Công ty Chứng khoán SSI`: a function (a
        // capital and the rest of its word) between a role and its body,
        // or before `của` and the body; not a head of two words (`Giám đốc
        // Công ty Thủy điện Hòa Bình`).
        if role_end == h.end
            && self.ctx.capital(role_end)
            && self
                .lex
                .longest(self.ctx, role_end, class::HEAD | class::ORG)
                .is_none()
            && !self.given_name_met(role_end)
            && self.ctx.kind(role_end + 1) == Some(TokenKind::Syllable(Casing::Lower))
            && !self
                .lex
                .is(self.ctx, role_end + 1, class::STOP | class::PREDICATE)
            && self.ctx.same_line(role_end, role_end + 1)
            && (self
                .org(role_end + 2)
                .is_some_and(|o| o.first == role_end + 2)
                || (self.ctx.is(role_end + 2, "của") && self.org(role_end + 3).is_some()))
        {
            role_end += 2;
        }
        // `Phó Bí thư Thường trực`, `Bí thư thứ nhất`, `Phó Chủ tịch điều
        // hành`.
        // `Phó Giám đốc phụ trách Sở Nội vụ`: the body a deputy runs.
        if self.ctx.is(role_end, "phụ")
            && self.ctx.is(role_end + 1, "trách")
            && self.ctx.same_line(role_end + 1, role_end + 2)
            && self
                .org(role_end + 2)
                .is_some_and(|o| o.first == role_end + 2)
        {
            role_end += 2;
        }
        if (self.ctx.is(role_end, "thường") && self.ctx.is(role_end + 1, "trực"))
            || (self.ctx.is(role_end, "thứ") && self.ctx.is(role_end + 1, "nhất"))
            || (self.ctx.is(role_end, "điều") && self.ctx.is(role_end + 1, "hành"))
        {
            role_end += 2;
        }
        // `Bộ trưởng Ngoại giao Đoàn Minh Trí`: a head that is a family
        // name too begins the holder's name when the words after it make
        // a full name.
        let holder_first = self.lex.is(self.ctx, role_end, class::SURNAME)
            && self
                .person(role_end, Cue::None)
                .is_some_and(|p| p.form == NameForm::Full && p.end > role_end + 1);
        let complement = self
            .org(role_end)
            .filter(|o| o.known || !holder_first)
            .map(Complement::Org)
            // (`Chủ tịch Vinh chỉ đạo …` after `Lê Quang Vinh`: the
            // holder, not the city; but `Tổng thống Mỹ Thomas Caldwell`
            // names its holder after the country.)
            .or_else(|| {
                self.place(role_end)
                    .filter(|p| {
                        p.end > role_end + 1
                            || self.ctx.capital(p.end)
                            || !self.given_name_met(role_end)
                    })
                    .map(Complement::Place)
            })
            .filter(|c| c.first() == role_end && self.ctx.same_line(role_end - 1, role_end))
            .or_else(|| self.unknown_abbreviation(role_end).map(Complement::Org))
            .or_else(|| self.city_before_holder(j, role_end).map(Complement::Place))
            .or_else(|| self.village_of_head(role_end).map(Complement::Place));
        if needs_org && complement.is_none() {
            return None;
        }
        let mut end = complement.as_ref().map_or(role_end, Complement::end);
        // `Đại sứ Việt Nam tại Pháp`: an envoy's host country.
        // (These three are asked only after a complement followed by
        // `tại` or `về`: most titles end with none.)
        let envoy = || self.ctx.is(j + 1, "sứ") || self.ctx.is(role_end - 1, "sự");
        // `Đặc phái viên về Trung Đông`, `Đặc sứ Mỹ về Ukraine`: a special
        // envoy's region or country, after `về`.
        let special = || {
            (role_end >= j + 2
                && self.ctx.is(role_end - 2, "phái")
                && self.ctx.is(role_end - 1, "viên"))
                || (self.ctx.is(j, "đặc") && self.ctx.is(j + 1, "sứ"))
        };
        let representative =
            || (j..role_end).any(|k| k > 0 && self.ctx.is(k, "diện") && self.ctx.is(k - 1, "đại"));
        let host = match &complement {
            // (A consulate's host city may be a province-level one:
            // `Tổng Lãnh sự Hàn Quốc tại TP Hồ Chí Minh`.)
            Some(Complement::Place(p)) if self.ctx.is(end, "tại") && envoy() => {
                self.place(end + 1).filter(|h| {
                    matches!(
                        h.level,
                        PlaceLevel::Country | PlaceLevel::City | PlaceLevel::Province
                    ) && p.level == PlaceLevel::Country
                })
            }
            Some(Complement::Place(p)) if p.level != PlaceLevel::Country && special() => None,
            // `Trưởng Đại diện WHO tại Việt Nam`: a body's representative
            // in a country.
            // (And the country head of an international or a foreign body:
            // `Giám đốc WCS tại Việt Nam`, `Giám đốc Ngân hàng Thế giới tại
            // Việt Nam`.)
            Some(Complement::Org(o))
                if self.ctx.is(end, "tại")
                    && (representative()
                        || o.category == crate::extract::OrgCategory::International
                        || (self.foreign_capital(o.first)
                            && o.category != crate::extract::OrgCategory::Media)) =>
            {
                self.place(end + 1).filter(|h| {
                    matches!(h.level, PlaceLevel::Country | PlaceLevel::City)
                        && self.ctx.same_line(end, end + 1)
                })
            }
            // `Phó Chủ tịch NVIDIA khu vực châu Á - Thái Bình Dương`: a
            // foreign company's post over a world region.
            Some(Complement::Org(o))
                if self.foreign_capital(o.first)
                    && self.ctx.is(end, "khu")
                    && self.ctx.is(end + 1, "vực")
                    && self.ctx.same_line(end, end + 2) =>
            {
                self.place(end + 2)
                    .filter(|h| h.level == PlaceLevel::Region && h.unit.is_none())
            }
            Some(Complement::Org(_)) => None,
            // `Đại sứ tại Bắc Kinh`: an envoy's post named by its city
            // alone.
            None if self.ctx.is(end, "tại") && envoy() && self.ctx.same_line(end, end + 1) => {
                self.place(end + 1)
                    .filter(|h| matches!(h.level, PlaceLevel::Country | PlaceLevel::City))
            }
            _ if self.ctx.is(end, "về") && special() && self.ctx.same_line(end, end + 1) => self
                .place(end + 1)
                .filter(|h| matches!(h.level, PlaceLevel::Country | PlaceLevel::Region)),
            _ => None,
        };
        if let Some(h) = &host {
            end = h.end;
        }
        Some(TitleParse {
            first: j,
            end,
            tenure,
            rank: None,
            role: Some((j, role_end)),
            complement,
            host,
        })
    }

    /// Whether the word at `k` is the one-word given name of a person found
    /// before it: `Chủ tịch Hiếu giao Sở Nội vụ …` after `Trần Văn Hiếu`
    /// names the holder, not a function.
    pub(crate) fn given_name_met(&self, k: usize) -> bool {
        // (A role begins no name: `Thư ký Giám đốc Bệnh viện …`.)
        if self
            .lex
            .longest(self.ctx, k, class::ROLE | class::RANK)
            .is_some()
        {
            return false;
        }
        self.ctx
            .key(k)
            .is_some_and(|key| self.names.givens.contains(&key))
    }

    /// A city the lists do not know between a mayor's or a governor's
    /// role and the holder's foreign name: `Thị trưởng Detroit Marcus
    /// Bell`, `Thị trưởng Ulsan Kim Hyun-woo`. One capitalised word, then
    /// a foreign name of two words or more that ends where the run does.
    fn city_before_holder(&self, role: usize, k: usize) -> Option<PlaceParse> {
        let heads_a_place = (role..k).any(|t| {
            (self.ctx.is(t, "thị") && self.ctx.is(t + 1, "trưởng"))
                || (self.ctx.is(t, "thống") && self.ctx.is(t + 1, "đốc"))
                || (self.ctx.is(t, "tỉnh") && self.ctx.is(t + 1, "trưởng"))
        });
        if !heads_a_place || !self.foreign_capital(k) || !self.ctx.same_line(k - 1, k) {
            return None;
        }
        let whole = self.person(k, Cue::Strong)?;
        let holder = self.person(k + 1, Cue::None)?;
        let fits = holder.form == NameForm::Foreign
            && holder.end == whole.end
            && holder.end >= k + 3
            && self.ctx.same_line(k, k + 1);
        fits.then(|| PlaceParse::bare(k, k + 1, PlaceLevel::City))
    }

    /// The village a village head heads, named right after the role whose
    /// last word is its unit (`Trưởng thôn Đồng Sơn,`): the place reads
    /// from that word. One or two words, and the clause closes after them
    /// (`Trưởng thôn Nguyễn Văn Tư cho biết` names the head).
    fn village_of_head(&self, k: usize) -> Option<PlaceParse> {
        let unit = k >= 1
            && self
                .ctx
                .which(k - 1, word_keys!["thôn", "ấp", "bản", "xóm"])
                .is_some();
        if !unit || !self.ctx.capital(k) || !self.ctx.same_line(k - 1, k) {
            return None;
        }
        let place = self.place(k - 1)?;
        (place.end <= k + 2 && self.clause_ends(place.end)).then_some(place)
    }

    /// A body named by an abbreviation the lists do not know, right after
    /// a role: `Thống đốc BOJ`, `Tổng Thư ký LDP`, `Giám đốc WCS`. Two to
    /// eight capitals without dots (not initials, `N.V.A`), on the role's
    /// line, that no list holds.
    fn unknown_abbreviation(&self, k: usize) -> Option<OrgParse> {
        let text = self.ctx.text_of(k);
        // (No Vietnamese syllable in capitals: `GIẢI PHÁP CHỦ YẾU` is a
        // heading.)
        let syllable = matches!(self.ctx.kind(k), Some(TokenKind::Syllable(_)));
        let capitals = (2..=8).contains(&text.chars().count())
            && !syllable
            && text.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && text.chars().next().is_some_and(char::is_uppercase);
        let known = self.ctx.start(k).is_some_and(|s| s.has(u32::MAX));
        if !capitals || known || !self.open(k) || k == 0 || !self.ctx.same_line(k - 1, k) {
            return None;
        }
        // (With the place it is of: `ĐHBK Hà Nội`.)
        let place = self
            .place(k + 1)
            .filter(|p| p.first == k + 1 && self.ctx.same_line(k, k + 1));
        Some(OrgParse {
            first: k,
            end: place.as_ref().map_or(k + 1, |p| p.end),
            category: crate::extract::OrgCategory::Company,
            term: None,
            places: place.into_iter().collect(),
            after_head: None,
            known: false,
            after_people: false,
            first_body: None,
        })
    }

    /// The end of a minister's portfolio at `k`, when a country or a full
    /// name follows it: one to ten tokens of capitalised words, the
    /// lower-case syllables that end their words, and `,` or `và` between
    /// them. A portfolio of several parts may also close the clause (`bà
    /// Emiko Tsuruta, Bộ trưởng Kinh tế, Thương mại và Công nghiệp,`).
    /// `listed`: the role already holds the first part (`Bộ trưởng Kinh
    /// tế`), and only further parts are read.
    fn portfolio(&self, k: usize, listed: bool) -> Option<usize> {
        let joins = |end: usize| {
            (self.ctx.is(end, "và") || self.ctx.is_char(end, ','))
                && self.ctx.capital(end + 1)
                && self.place(end + 1).is_none()
                && self.ctx.same_line(end, end + 1)
        };
        // (Not a ministry named in full: `Bộ trưởng Bộ Y tế …`.)
        let first = if listed {
            joins(k)
        } else {
            self.ctx.capital(k)
        };
        if !first || self.lex.is(self.ctx, k, class::HEAD | class::ORG) {
            return None;
        }
        // (Nor the holder's own full name: `Thứ trưởng Lương Thị Hồng Vân`.)
        if self
            .person(k, Cue::None)
            .is_some_and(|p| p.form == NameForm::Full)
        {
            return None;
        }
        let mut end = k + 1;
        let mut parts = usize::from(listed);
        while end < k + 10 && self.ctx.same_line(end - 1, end) {
            let joined = joins(end);
            let goes_on = (self.ctx.capital(end) && self.place(end).is_none())
                || self.lex.is(self.ctx, end, class::TAIL)
                || joined;
            if !goes_on
                || self
                    .person(end, Cue::None)
                    .is_some_and(|p| p.form == NameForm::Full)
            {
                break;
            }
            parts += usize::from(joined);
            end += 1;
        }
        // (A part must close: not `…, Thương` cut inside a word.)
        if self.ctx.is_char(end - 1, ',') || self.ctx.is(end - 1, "và") {
            return None;
        }
        let country = self
            .place(end)
            .is_some_and(|p| p.level == PlaceLevel::Country);
        let minister = self
            .person(end, Cue::None)
            .is_some_and(|p| p.form == NameForm::Full);
        let several = parts > 0 && self.clause_ends(end);
        (self.ctx.same_line(end - 1, end) && (country || minister || several)).then_some(end)
    }
}
