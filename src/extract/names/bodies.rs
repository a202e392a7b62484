//! Organizations: a known name, a head noun and the name after it, or a
//! foreign company by its last word.

use super::Scanner;
use super::lexicon::{Word, class};
use super::parse::{Cue, FirstBody, OrgParse, PlaceParse, key};
use crate::extract::context::{roman, word_keys};
use crate::extract::{OrgCategory, PlaceLevel};
use crate::tokenize::{Casing, TokenKind};

impl Scanner<'_, '_, '_> {
    /// An organization at `i`: a known name or a head noun, and the name
    /// after it; or a foreign company's name, capitalised words that end
    /// with a company word (`Kaneda Holdings`, `Samsung Electronics`).
    pub(crate) fn org(&self, i: usize) -> Option<OrgParse> {
        let mut org = self.org_core(i)?;
        self.branch_and_country(&mut org);
        self.lower_words_before_short_name(&mut org);
        if org.category == OrgCategory::Company {
            org.end = self.legal_form(org.end);
        }
        Some(org)
    }

    /// The lower-case words of a body's name that a short name in
    /// brackets closes: `Cục Xúc tiến thương mại (Vietrade)`, `Trung tâm
    /// Cấp cứu mỏ (VMRC)`. Five words at most, none that stops a name
    /// (`Sở Y tế cho biết (ảnh)` ends at `tế`).
    fn lower_words_before_short_name(&self, org: &mut OrgParse) {
        let lower_word = |k: usize| {
            k < org.end + 5
                && k < self.ctx.len()
                && self.ctx.same_line(k - 1, k)
                && self.ctx.kind(k) == Some(TokenKind::Syllable(Casing::Lower))
        };
        // (The words are walked in the lists only before a bracket: most
        // bodies have none after them. A walk that stops before the bracket
        // stops at a word, where no bracket is.)
        let mut k = org.end;
        while lower_word(k) {
            k += 1;
        }
        if k == org.end || !self.ctx.is_char(k, '(') {
            return;
        }
        let stop = (org.end..k).find(|&t| {
            self.lex
                .longest(self.ctx, t, class::PREDICATE | class::STOP)
                .is_some()
        });
        if stop.is_some() {
            return;
        }
        let short = k > org.end
            && self.ctx.is_char(k, '(')
            && self.ctx.same_line(k, k + 2)
            && self.ctx.is_char(k + 2, ')')
            && matches!(
                self.ctx.kind(k + 1),
                Some(
                    TokenKind::Word(_)
                        | TokenKind::Syllable(Casing::Upper)
                        | TokenKind::Abbreviation
                )
            );
        if short {
            org.end = k;
        }
    }

    /// The end of a company's legal form written after its name ending at
    /// `end`: `Co., Ltd.`, `Co.,Ltd`, `Corp.`, `Inc.`, `JSC` (the dot
    /// glued to its word).
    fn legal_form(&self, end: usize) -> usize {
        let glued = |a: usize, b: usize| match (self.ctx.tok(a), self.ctx.tok(b)) {
            (Some(x), Some(y)) => x.end() == y.start(),
            _ => false,
        };
        let form_at = |k: usize| {
            k > 0
                && self.ctx.same_line(k - 1, k)
                && self.ctx.capital(k)
                && self.lex.is(self.ctx, k, class::LEGAL)
        };
        let mut end = end;
        // A form after the name (`Samsung Electronics Co.`), past its dot,
        // then another after a comma or a space (`Co., Ltd.`, `Co. Ltd`).
        if form_at(end) {
            end += 1;
        }
        for _ in 0..2 {
            if end == 0 || !self.lex.is(self.ctx, end - 1, class::LEGAL) {
                break;
            }
            // (Only an abbreviated form takes its dot: `GmbH.` ends a
            // sentence.)
            let abbreviated = self
                .which_word(end - 1, word_keys!["co", "corp", "inc", "ltd", "pvt"])
                .is_some();
            if abbreviated && self.ctx.is_char(end, '.') && glued(end - 1, end) {
                end += 1;
            }
            let next = if self.ctx.is_char(end, ',') {
                end + 1
            } else {
                end
            };
            if !form_at(next) {
                break;
            }
            end = next + 1;
        }
        end
    }

    /// What goes on after a company's or bank's name, read from its end:
    /// the rest of a name after a place in it (`Ngân hàng TMCP Sài Gòn
    /// Thương Tín`), a branch (`Ngân hàng Nhà nước chi nhánh Khu vực 2`,
    /// `Vietcombank chi nhánh Hà Nội`), and the country of a subsidiary
    /// named with it before the clause ends (`Nishimoto Electronics Việt
    /// Nam,`).
    fn branch_and_country(&self, org: &mut OrgParse) {
        let goes_on = |k: usize| k < self.ctx.len() && self.ctx.same_line(k - 1, k);
        let free_capital = |k: usize| {
            goes_on(k)
                && self.ctx.capital(k)
                && self.person(k, Cue::None).is_none()
                && self
                    .lex
                    .longest(
                        self.ctx,
                        k,
                        class::ROLE | class::RANK | class::HONORIFIC | class::HEAD,
                    )
                    .is_none()
        };
        let company = org.category == OrgCategory::Company;
        // (Words in title case only: not an abbreviation after the place,
        // nor a heading in capitals running on.)
        let title_case = |k: usize| self.ctx.title_case(k);
        if company
            && !org.known
            && org.places.last().is_some_and(|p| p.end == org.end)
            && title_case(org.first)
            && title_case(org.end)
            && free_capital(org.end)
            && self.place(org.end).is_none()
        {
            if let Some(e) = self.name_run(org.end, true) {
                org.end = e;
            }
        }
        let end = org.end;
        if goes_on(end)
            && self.is_word(end, key!("chi"))
            && self.is_word(end + 1, key!("nhánh"))
            && goes_on(end + 2)
        {
            let j = end + 2;
            if let Some(p) = self.place(j).filter(|p| p.first == j) {
                org.end = p.end;
                org.places.push(p);
            } else if self.ctx.capital(j) {
                // `Khu vực 2`: capitals, the rest of their words, a number.
                let number =
                    |k: usize| goes_on(k) && matches!(self.ctx.kind(k), Some(TokenKind::Number(_)));
                let mut e = self.name_run(j, true).unwrap_or(j + 1);
                // (The rest of the word before a number: `Khu vực 2`.)
                if !number(e) && goes_on(e) && !self.ctx.capital(e) && number(e + 1) {
                    e += 1;
                }
                if number(e) {
                    e += 1;
                }
                org.end = e;
            }
            return;
        }
        if company && goes_on(end) {
            let country = self
                .place(end)
                .filter(|p| p.first == end && p.level == PlaceLevel::Country && p.unit.is_none());
            if let Some(p) = country {
                if self.clause_ends(p.end) {
                    org.end = p.end;
                    org.places.push(p);
                }
            }
        }
    }

    /// Whether token `i` is an abbreviation followed on its line by `chi
    /// nhánh` and a capital: a branch of the body it names.
    fn branch_follows(&self, i: usize) -> bool {
        self.ctx.kind(i) == Some(TokenKind::Abbreviation)
            && self.is_word(i + 1, key!("chi"))
            && self.is_word(i + 2, key!("nhánh"))
            && self.ctx.capital(i + 3)
            && self.ctx.same_line(i, i + 3)
    }

    fn org_core(&self, i: usize) -> Option<OrgParse> {
        if !self.open(i) {
            return None;
        }
        if let Some(end) = self.foreign_company(i) {
            let club = self.which_word(end - 1, CLUB_WORDS).is_some();
            // A club named after its province or city holds the place:
            // `Selangor FC`, `Buriram United`.
            let home = self
                .place(i)
                .filter(|p| club && p.end + 1 == end && p.unit.is_none());
            return Some(OrgParse {
                first: i,
                end,
                category: if club {
                    OrgCategory::Sports
                } else {
                    OrgCategory::Company
                },
                term: None,
                places: home.into_iter().collect(),
                after_head: None,
                known: true,
                after_people: true,
                first_body: None,
            });
        }
        // (Both from one walk: a known name and a head often share their
        // first words, `Ủy ban nhân dân` and `Ủy ban`.)
        let [known, head] = self
            .lex
            .longest_each(self.ctx, i, [class::ORG, class::HEAD]);
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
        // (A theatre or a museum is a public body named after people.)
        let head_people = head.is_some_and(|h| matches!(h.word, Word::Head { people: true, .. }));
        let (base, category, is_known, sufficient) = match (known, head) {
            (Some(k), Some(h)) if h.end > k.end => (h.end, head_category(h.word)?, false, false),
            (Some(k), Some(h)) if h.end == k.end => (k.end, org_category(k.word)?, false, true),
            (Some(k), _) => (k.end, org_category(k.word)?, true, true),
            (None, Some(h)) => (h.end, head_category(h.word)?, false, false),
            // An abbreviation the lists do not know before its branch is
            // a company's or a bank's name: `MB Chi nhánh Sài Gòn`.
            (None, None) if self.branch_follows(i) => (i + 1, OrgCategory::Company, true, true),
            (None, None) => return None,
        };
        if !self.clear(i, base) {
            return None;
        }
        // The heads that are also common words, read as those here.
        // (Tested only at the words they are about, found by one key
        // compared with theirs: most bodies start with none.)
        let tested = self.which_word(i, COMMON_WORD_HEADS).is_some();
        debug_assert!(
            tested || !self.common_word_at(i, base),
            "token {i}: a common word's test holds at a word it is not about"
        );
        if tested && self.common_word_at(i, base) {
            return None;
        }
        // In a line of capitals a head of one syllable after another word
        // of the line ends a compound more often than it opens a body:
        // `CƠ SỞ HẠ TẦNG`, `NHIỆM VỤ CỦA`, `CỤC BỘ`.
        // (So does a name the lists know in syllables: `NHÂN DÂN` of `ỦY
        // BAN NHÂN DÂN` is no newspaper.)
        let upper = |t: usize| self.ctx.kind(t) == Some(TokenKind::Syllable(Casing::Upper));
        if self.ctx.in_heading(i) && (base == i + 1 || (is_known && (i..base).all(upper))) {
            return None;
        }
        // A head written in lower case (`trường`, `công ty`) names a body
        // only with a capital right after it; a team's, with its sport
        // first (`đội tuyển điền kinh Việt Nam`, checked below).
        let lower_team = category == OrgCategory::Sports;
        if !self.ctx.capital(i) && !self.ctx.capital(base) && (!lower_team || self.plural(i)) {
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
            after_people: category.names_after_people() || head_people && !is_known,
            first_body: FirstBody::of(i, known),
        };
        // A head of several words with a capital past the first
        // (`Phòng Cảnh sát`, `Ủy ban Kiểm tra`) names a body with lower-case
        // words after it (`Phòng Cảnh sát kinh tế`).
        let head_named = (i + 1..base).any(|t| self.ctx.capital(t));
        let named = self.complement(&mut org);
        // A company's head in lower case with only a place after it is a
        // common noun (`các startup Việt Nam`, `công ty Nhật Bản`); a team's
        // is not (`đội tuyển Thái Lan`).
        // (At the start of a sentence the capital is the sentence's: `Tập
        // đoàn Nhật Bản chi …` is a Japanese group, when the place is a
        // country.)
        let only_place = org.category == OrgCategory::Company
            && org.places.first().is_some_and(|p| {
                p.first == base
                    && p.end == org.end
                    && (!self.ctx.capital(i)
                        || (self.sentence_start(i) && p.level == PlaceLevel::Country))
            });
        if only_place && !is_known {
            return None;
        }
        // `Cơ quan` names a body by the capital after it (`Cơ quan Hợp
        // tác quốc tế Nhật Bản`), not `Cơ quan điều tra xác định …`.
        if self.is_word(i, key!("cơ"))
            && self.is_word(i + 1, key!("quan"))
            && base == i + 2
            && !self.ctx.capital(base)
        {
            return None;
        }
        // `Đoàn doanh nghiệp Việt Nam`, `Đoàn khảo cổ Việt Nam, Pháp`: a
        // group of people of a place, named by lower-case words and places
        // alone, is no body (`Đoàn đại biểu Quốc hội tỉnh …` names one).
        let delegation = self.is_word(i, key!("đoàn"))
            && base == i + 1
            && !self.ctx.capital(base)
            && !org.places.is_empty()
            && (base..org.end).all(|t| {
                !self.ctx.capital(t) || org.places.iter().any(|p| p.first <= t && t < p.end)
            });
        if delegation {
            return None;
        }
        // `trung tâm` in lower case before a city's name alone is its
        // centre (`cách trung tâm Đà Nẵng 10 km`), no body.
        let centre_of_place = !self.ctx.capital(i)
            && self.is_word(i, key!("trung"))
            && org
                .places
                .first()
                .is_some_and(|p| p.first == base && p.end == org.end);
        if centre_of_place {
            return None;
        }
        // A team named in lower case ends with a capital: its country or
        // place (`đội tuyển bóng đá nữ Việt Nam`).
        if !self.ctx.capital(i)
            && !self.ctx.capital(base)
            && !(base..org.end).any(|t| self.ctx.capital(t))
        {
            return None;
        }
        // A mass organization's head of several words is its whole name
        // (`Hội Nông dân`, `Hội Cựu chiến binh` cùng tham gia).
        let whole_head = head_named && org.category == OrgCategory::Association;
        (sufficient || named || (head_named && org.end > base) || whole_head).then_some(org)
    }

    /// Whether the head at `i`, up to `base`, is a common word here and
    /// names no body: `thị trường`, `Bộ phim`, `Trường hợp`, `Hội nghị`,
    /// `ban hành` … Each test is about one head word (see
    /// [`COMMON_WORD_HEADS`]).
    fn common_word_at(&self, i: usize, base: usize) -> bool {
        // A lower-case head that ends a word is no body: `thị trường
        // ASEAN`, `môi trường Việt Nam` (no school), `văn phòng`, `quốc
        // phòng`, `dự phòng` (no office).
        let ends_word = |head: &str, before: &[u128]| {
            !self.ctx.capital(i)
                && self.ctx.is(i, head)
                && i > 0
                && self.ctx.same_line(i - 1, i)
                && self.which_word(i - 1, before).is_some()
        };
        let compound = ends_word(
            "trường",
            word_keys![
                "thị", "môi", "chiến", "công", "hiện", "lập", "thương", "quảng", "ngư", "đấu",
                "võ", "pháp", "trại", "lâm", "nông", "hội", "phi",
            ],
        ) || ends_word(
            "phòng",
            word_keys!["văn", "quốc", "dự", "đề", "biên", "phòng"],
        );
        // `Trường hợp` is "a case", no school; `bộ` before a film, a book
        // or a set of things counts them, no ministry (`Bộ phim Dune`).
        let counted = self.is_word(i, key!("bộ"))
            && self
                .which_word(
                    i + 1,
                    word_keys![
                        "phim", "sách", "truyện", "ảnh", "tranh", "sưu", "đồ", "trang", "quần",
                        "áo"
                    ],
                )
                .is_some();
        if compound
            || counted
            || (self.is_word(i, key!("trường")) && self.is_word(i + 1, key!("hợp")))
        {
            return true;
        }
        // `Khoa` is a given name too, and `Tổ` begins `Tổ quốc`: a
        // department or a team only after its head's role (`Trưởng Khoa
        // Nội tim mạch`, `Tổ trưởng Tổ Thể dục`).
        let unit_of_body = self.is_word(i, key!("khoa")) || self.is_word(i, key!("tổ"));
        if unit_of_body && base == i + 1 && !(i > 0 && self.is_word(i - 1, key!("trưởng"))) {
            return true;
        }
        // `Thuế` names the tax office only before its place's unit word
        // (`Thuế tỉnh Nghệ An`, since 2025), not a tax (`Thuế NK`, `Thuế
        // Thu nhập doanh nghiệp`).
        if self.is_word(i, key!("thuế"))
            && base == i + 1
            && !self.lex.is(self.ctx, base, class::UNIT)
        {
            return true;
        }
        // `Hải quan` names a customs office before its place (`Hải quan
        // cửa khẩu quốc tế Lao Bảo`, `Hải quan Hải Phòng`), not a customs
        // form or the service at large (`Tờ khai Hải quan hàng …`).
        let customs =
            self.is_word(i, key!("hải")) && self.is_word(i + 1, key!("quan")) && base == i + 2;
        if customs
            && self
                .lex
                .longest(self.ctx, base, class::UNIT | class::PLACE)
                .is_none()
        {
            return true;
        }
        // `ban hành`, `BAN HÀNH` (to issue) is no board; `Ban Hành chính`
        // is one.
        if self.is_word(i, key!("ban"))
            && self.is_word(i + 1, key!("hành"))
            && !self.ctx.title_case(i + 1)
        {
            return true;
        }
        // Nor is `báo cáo` (a report) or `báo chí` (the press) a paper.
        if self.is_word(i, key!("báo"))
            && self.which_word(i + 1, word_keys!["cáo", "chí"]).is_some()
        {
            return true;
        }
        // `Hội nghị`, `Hội thảo`, `Hội chợ`: an event, not an association.
        if self.is_word(i, key!("hội"))
            && base == i + 1
            && self.which_word(base, EVENT_AFTER_HOI).is_some()
        {
            return true;
        }
        false
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
    ///
    /// (Kept out of line: the readings that end before it, most of them,
    /// then save and restore fewer registers.)
    #[inline(never)]
    fn complement(&self, org: &mut OrgParse) -> bool {
        let mut k = org.end;
        let mut named = false;
        // Where the capitalised word the tokens before `k` belong to
        // starts, when they were taken as one, so a lower-case syllable may
        // follow it.
        let mut word_from: Option<usize> = None;
        // (Long enough for the longest official names: `Phòng Cảnh sát
        // phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an TP Hà Nội`.)
        let limit = org.first + 24;
        while k < limit && self.open(k) && k > 0 && self.ctx.same_line(k - 1, k) {
            let after_place = org.places.last().is_some_and(|p| p.end == k);
            // (The word's key is compared once with those of the words
            // that end a name.)
            let ending_word = self.which_word(k, ENDING_WORDS);
            if let Some(end) = self.ending(org, k, ending_word) {
                org.end = end;
                named = true;
                break;
            }
            if ending_word.is_some_and(|w| w < TERM_WORDS.len()) {
                break;
            }
            // A command over a numbered unit takes the unit whole, its
            // number too: `Bộ Tư lệnh Quân khu 4`, `Bộ Chỉ huy Sư đoàn 324`.
            // (The unit is read here, not by a nested reading of a body:
            // a chain of commands stays linear.)
            if org.category == OrgCategory::Military && k == org.end && self.ctx.capital(k) {
                let unit = self.lex.longest(self.ctx, k, class::HEAD).filter(|h| {
                    matches!(
                        h.word,
                        Word::Head {
                            category: OrgCategory::Military,
                            ..
                        }
                    )
                });
                let numbered = unit.filter(|h| {
                    self.ctx.integer(h.end, 3).is_some() && self.ctx.same_line(h.end - 1, h.end)
                });
                if let Some(h) = numbered {
                    k = h.end + 1;
                    org.end = k;
                    named = true;
                    word_from = None;
                    continue;
                }
            }
            // A body known by name inside this one: `Tỉnh ủy` in `Ban
            // Thường vụ Tỉnh ủy`, `UBND` in `Ban cán sự đảng UBND tỉnh`.
            // (The capital first: the walk is taken only at one.)
            let inner_body = if self.ctx.capital(k) {
                self.lex
                    .longest(self.ctx, k, class::ORG)
                    .filter(|_| !self.new_body(k))
            } else {
                None
            };
            if let Some(h) = inner_body {
                org.places.extend(self.places_inside(k, h.end));
                k = h.end;
                org.end = k;
                named = true;
                word_from = None;
                // An international body's office in a country or city:
                // `Văn phòng WHO tại Việt Nam`.
                let international = matches!(
                    h.word,
                    Word::Org {
                        category: OrgCategory::International,
                        ..
                    }
                );
                let host = (international && self.is_word(k, key!("tại")))
                    .then(|| self.host_place(k + 1))
                    .flatten();
                if let Some(p) = host {
                    k = p.end;
                    org.end = k;
                    org.places.push(p);
                }
                continue;
            }
            // `Hội người Việt tại Michigan`: the Vietnamese's association
            // in a place abroad.
            let of_vietnamese = org.category == OrgCategory::Association
                && k >= 2
                && self.is_word(k - 2, key!("người"))
                && self.is_word(k - 1, key!("việt"))
                && org.end == k;
            // (The place is read only after `tại`: most words of a name
            // are not.)
            let abroad = if of_vietnamese && self.is_word(k, key!("tại")) {
                self.host_place(k + 1)
            } else {
                None
            };
            if let Some(p) = abroad {
                k = p.end;
                org.end = k;
                org.places.push(p);
                named = true;
                continue;
            }
            if after_place {
                // `Ủy ban MTTQ Việt Nam tỉnh Quảng Nam`: a national body's
                // branch, named by the place with its unit word.
                let national = org
                    .places
                    .last()
                    .is_some_and(|p| p.level == PlaceLevel::Country);
                let branch = if national && org.places.len() == 1 {
                    self.administrative_unit(k)
                } else {
                    None
                };
                if let Some(p) = branch {
                    k = p.end;
                    org.end = k;
                    org.places.push(p);
                    continue;
                }
                // `Ủy ban MTTQ Việt Nam tỉnh`: the branch of the province
                // the text is about, its unit word alone.
                let bare_unit = self
                    .which_word(k, word_keys!["tỉnh", "huyện", "xã", "phường"])
                    .is_some()
                    && !self.ctx.capital(k)
                    && (k + 1 >= self.ctx.len()
                        || !self.ctx.same_line(k, k + 1)
                        || !self.ctx.capital(k + 1)
                            && self.ctx.shape(k + 1).is_none()
                            && !self.ctx.is_char(k + 1, '.'));
                if bare_unit && national && org.places.len() == 1 {
                    k += 1;
                    org.end = k;
                    continue;
                }
                // `Đại sứ quán Việt Nam tại Pháp`: a mission's host country.
                if self.is_word(k, key!("tại")) && org.places.len() == 1 {
                    // (And a national association's or school's branch
                    // abroad: `Hội người Việt Nam tại Ba Lan`, `Học viện
                    // Phật giáo Việt Nam tại Hà Nội`.)
                    let abroad = national
                        && matches!(org.category, OrgCategory::Association | OrgCategory::School);
                    // (And a foreign country's body in a country or in a
                    // province of ours: `Trung tâm Văn hóa Pháp tại Hà Nội`;
                    // not `Hải quân Nga tại Vladivostok`, a city abroad.)
                    let foreign = org.places.last().is_some_and(|p| {
                        p.level == PlaceLevel::Country
                            && !(self.is_word(p.first, key!("việt"))
                                && self.is_word(p.first + 1, key!("nam")))
                    });
                    let host = if self.is_mission(org) || abroad {
                        self.host_place(k + 1)
                    } else if foreign {
                        self.host_place(k + 1).filter(|p| {
                            matches!(p.level, PlaceLevel::Country | PlaceLevel::Province)
                        })
                    } else {
                        None
                    };
                    if let Some(p) = host {
                        k = p.end;
                        org.end = k;
                        org.places.push(p);
                        continue;
                    }
                }
                // `Tổng công ty Cảng hàng không Việt Nam - CTCP`: the legal
                // form after a dash.
                if self.ctx.is_dash(k)
                    && org.category == OrgCategory::Company
                    && self.which_word(k + 1, word_keys!["ctcp", "jsc"]).is_some()
                    && self.ctx.same_line(k, k + 1)
                {
                    k += 2;
                    org.end = k;
                    continue;
                }
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
                // A party known by name that goes on with a capital is
                // another party, named like it: `Đảng Dân chủ Tự do`
                // (Japan's), `Đảng Dân chủ Lập hiến`.
                let other_party = org.category == OrgCategory::Party
                    && k == org.end
                    && self.is_word(org.first, key!("đảng"))
                    && self.ctx.title_case(k)
                    && self.person(k, Cue::None).is_none()
                    && self
                        .lex
                        .longest(self.ctx, k, class::ORG | class::HEAD | class::ROLE)
                        .is_none()
                    // (A whole word: not `Tự` of `Tự do`, whose `do` is
                    // also "by".)
                    && (self.clause_ends(k + 1)
                        || self.ctx.is_char(k + 1, '(')
                        || self.ctx.capital(k + 1)
                        || self.lex.is(self.ctx, k + 1, class::TAIL)
                        || self.rest_of_word(k + 1));
                if other_party {
                    org.known = false;
                    k += 1;
                    org.end = k;
                    named = true;
                    word_from = Some(k - 1);
                    continue;
                }
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
                // (The first capital after the head, lower-case words of
                // names aside: `Trường THPT chuyên Lê Hồng Phong`.)
                let first_word = org
                    .after_head
                    .is_some_and(|a| a <= k && (a..k).all(|t| !self.ctx.capital(t)));
                // A Vietnamese full name ends the body's name (`Bộ trưởng
                // Bộ Y tế Đào Hồng Lan`) unless the body is named after it
                // (`trường THPT Nguyễn Du`); a foreign-looking run is part of
                // a company's name (`Công ty TNHH Hoshino Electronics`).
                let person_end = self.full_name(k).map(|p| p.end);
                // (A company's brand of two words reads like a name without
                // a middle one: `Công ty CP Sữa Đồng Xanh`.)
                let brand = org.category == OrgCategory::Company && person_end == Some(k + 2);
                // (Nor, in a body named after people that no role comes
                // before, a name that closes the clause: `đưa đến Bệnh viện
                // Bỏng Quốc gia Lê Hữu Trác.`; `Giám đốc Bệnh viện Chợ Rẫy
                // Nguyễn Tri Thức` names the holder.)
                let named_after = org.after_people
                    && person_end.is_some_and(|e| self.clause_ends(e))
                    && !self.role_ends_at(org.first);
                // (Nor, where no role comes before, a name after one word of
                // what the body is and the words of names after it: `Quỹ
                // Học bổng Mạc Đĩnh Chi trao …`.)
                let after_kind = org.after_people
                    && org.after_head.is_some_and(|a| {
                        a + 2 <= k
                            && self.ctx.capital(a)
                            && (a + 1..k).all(|t| {
                                self.ctx.kind(t) == Some(TokenKind::Syllable(Casing::Lower))
                                    && self.lex.is(self.ctx, t, class::IN_NAME)
                                    && !self.lex.is(self.ctx, t, class::STOP)
                            })
                    })
                    && person_end.is_some()
                    && !self.role_ends_at(org.first);
                // (The name stays the body's where it is named after the
                // name, begun by it or a brand.)
                let body_keeps =
                    (first_word && org.after_people) || brand || named_after || after_kind;
                if person_end.is_some() && !body_keeps {
                    break;
                }
                // Nor does a foreign person's name that a title's holder
                // after a public body is (`Bộ trưởng Bộ Phúc lợi Xã hội và
                // Phát triển Antonio Reyes`): two words in foreign letters
                // past the body's first word.
                // (Past the first word, or right after a head that is a
                // body's whole name: `Chủ tịch Hạ viện Ion Cârstea`.)
                // (The lists are walked last: most capitals here are no
                // foreign word.)
                let head_is_body = || {
                    org.after_head.is_some_and(|a| {
                        self.lex
                            .longest(self.ctx, org.first, class::ORG)
                            .is_some_and(|h| h.end == a)
                    })
                };
                let foreign_holder = (k..k + 2)
                    .all(|t| matches!(self.ctx.kind(t), Some(TokenKind::Word(Casing::Title))))
                    && self.ctx.same_line(k, k + 1)
                    && matches!(
                        org.category,
                        OrgCategory::Government
                            | OrgCategory::State
                            | OrgCategory::Party
                            | OrgCategory::Police
                            | OrgCategory::Military
                            | OrgCategory::Court
                    )
                    && (!first_word || head_is_body())
                    && self.role_ends_at(org.first);
                if foreign_holder {
                    break;
                }
                // A role after the name starts a title (`Sở Y tế Giám đốc`
                // is rare; `Đoàn Luật sư` is a body): only past the first
                // word. (An honorific with a capital inside a name is part
                // of it: `Công ty CP Du lịch Sinh thái Thác Bà`.)
                let role = self
                    .lex
                    .longest(self.ctx, k, class::ROLE | class::RANK | class::HONORIFIC)
                    .filter(|h| {
                        !(h.word == Word::Honorific
                            && h.end == k + 1
                            && self.ctx.title_case(k)
                            && self.ctx.capital(k - 1)
                            && self.ctx.same_line(k - 1, k)
                            && self.full_name(k + 1).is_none())
                    });
                if role.is_some() && !first_word {
                    break;
                }
                // The whole person-like name belongs to the body: `trường
                // THPT Nguyễn Du`.
                k = person_end.unwrap_or_else(|| self.hyphen_join(k + 1));
                org.end = k;
                named = true;
                // (A person's name takes no rest of a word after it:
                // `Nhà hát Trần Hữu Trang dựng vở` ends before the verb.)
                word_from = person_end.is_none().then(|| k - 1);
                continue;
            }
            // A number inside a name, between capitals: `Trung tâm Cấp cứu
            // 115 Đà Nẵng`, `Bệnh viện 175 Bộ Quốc phòng`.
            // (In title case: not a heading in capitals running on.)
            let numbered = k > org.first + 1
                && self.ctx.title_case(org.first)
                && self.may_be_figure(k)
                && self.ctx.integer(k, 4).is_some()
                && (self.ctx.title_case(k + 1) || self.place(k + 1).is_some())
                && self.ctx.same_line(k - 1, k + 1)
                && self.full_name(k + 1).is_none();
            if numbered {
                k += 1;
                continue;
            }
            let Some(t) = self.ctx.tok(k) else { break };
            if !t.kind().is_wordlike() {
                // `Bộ Văn hóa, Thể thao và Du lịch`: a comma inside a name
                // that goes on with capitals and `và`.
                // (Not before another body: `Trung tâm Hội nghị Quốc gia, Bộ
                // Khoa học và Công nghệ`.)
                if self.ctx.is_char(k, ',')
                    && self.ctx.capital(k + 1)
                    && self.and_follows(k + 1)
                    && !self.new_body(k + 1)
                {
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
            if self.is_word(k, key!("và")) || self.is_word(k, key!("các")) {
                // `Sở Kế hoạch và Đầu tư`; but `Bệnh viện A và Bệnh viện B`
                // are two.
                // (Or lower-case words of names of two words or more: `Cục
                // Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ`, `Quỹ
                // Phát triển khoa học và công nghệ Quốc gia`.)
                let goes_on = self.ctx.capital(k + 1)
                    || self.is_word(k + 1, key!("cơ"))
                    || self.place(k + 1).is_some()
                    || self
                        .lex
                        .longest(self.ctx, k + 1, class::IN_NAME)
                        .is_some_and(|h| h.end > k + 2);
                // Names of bodies join Vietnamese words with `và` (`Nông
                // nghiệp và PTNT`); a word in foreign letters after it, or
                // an abbreviation after one, is another body or a person:
                // `Tập đoàn Vingroup và Elon Musk`, `Samsung và IBM`.
                let foreign = |j: usize| {
                    matches!(
                        self.ctx.kind(j),
                        Some(TokenKind::Word(_) | TokenKind::Abbreviation)
                    )
                };
                // (Two known abbreviations after a head are one body's
                // name: `Văn phòng Đoàn ĐBQH và HĐND tỉnh`.)
                let known_pair = k > org.first + 1
                    && self
                        .lex
                        .longest(self.ctx, k + 1, class::HEAD | class::ORG)
                        .is_some();
                // (Nor a role: `Phó Giám đốc Công an tỉnh và Bí thư Huyện
                // ủy …` holds two titles.)
                let other = self.is_word(k, key!("và"))
                    && (matches!(self.ctx.kind(k + 1), Some(TokenKind::Word(_)))
                        || (foreign(k - 1) && foreign(k + 1) && !known_pair)
                        || self.lex.longest(self.ctx, k + 1, class::ROLE).is_some());
                if goes_on && !other && !self.new_body(k + 1) {
                    k += 1;
                    word_from = None;
                    continue;
                }
                break;
            }
            // The second syllable of a word the capital before it began
            // (`Y tế`, `Chính trị`, `Bất động sản`); any other lower-case
            // word ends the name (`Đảng ủy Khối chỉ đạo`, `Đảng bộ Khối
            // đạt`).
            // (A longer lower-case word of names wins: `thực vật` in
            // `Bảo vệ thực vật`, though `thực` ends `Thực phẩm`'s kin.)
            // `về` and the field a body studies, capitalised, closing the
            // name: `Viện Nghiên cứu cao cấp về Toán (VIASM)`; not a place
            // (`Sở Y tế về Hà Nội`) or a person.
            if self.is_word(k, key!("về")) && org.end == k {
                let field = k + 1;
                let end = if self.lex.is(self.ctx, field + 1, class::TAIL) {
                    field + 2
                } else {
                    field + 1
                };
                let closes = self.clause_ends(end) || self.ctx.is_char(end, '(');
                let plain = self.ctx.title_case(field)
                    && self.ctx.same_line(k, field)
                    && self.place(field).is_none()
                    && self.person(field, Cue::None).is_none()
                    && self
                        .lex
                        .longest(self.ctx, field, class::HEAD | class::ORG | class::ROLE)
                        .is_none();
                if plain && closes {
                    org.end = end;
                    named = true;
                    break;
                }
            }
            let in_name = self.lex.longest(self.ctx, k, class::IN_NAME);
            // (Nor the first syllable of a verb or of a word that stops a
            // name: `Sở Nội vụ chủ trì`, `Sở Xây dựng đồng thời là`.)
            if word_from.is_some()
                && self.lex.is(self.ctx, k, class::TAIL)
                && in_name.is_none_or(|h| h.end <= k + 1)
                && self
                    .lex
                    .longest(self.ctx, k, class::PREDICATE | class::STOP)
                    .is_none_or(|h| h.end <= k + 1)
            {
                k += 1;
                org.end = k;
                continue;
            }
            // The rest of a capitalised word the lists do not know
            // (`Trồng trọt`, `Kiến trúc`, `Bảo vệ thực vật`): a body's name
            // capitalises only the first syllable of each of its parts, so
            // a lower-case syllable right after one is its rest when the
            // name closes or goes on with another part right after it.
            // Words pair syllables: only a syllable that makes their count
            // even (`Y tế cấp,` is `Y tế` and a verb). A part written all
            // in capitals is a proper name, complete as written (`Công ty
            // Sao Nam cấp,`).
            let name_from = org.after_head.unwrap_or(org.first);
            let odd = word_from
                .is_some_and(|w| (k - w) % 2 == 1 && !(w > name_from && self.ctx.capital(w - 1)));
            if odd && self.rest_of_word(k) {
                k += 1;
                org.end = k;
                continue;
            }
            // A word of three syllables (`Hội Chữ thập đỏ tỉnh`, `Hội Người
            // cao tuổi phường`): its two lower-case syllables, where the
            // name closes or goes on after them.
            if odd
                && self.ctx.kind(k) == Some(TokenKind::Syllable(Casing::Lower))
                && self.ctx.same_line(k, k + 1)
                && !self.lex.is(self.ctx, k, class::TAIL)
                && self
                    .lex
                    .longest(self.ctx, k, class::STOP | class::PREDICATE)
                    .is_none()
                && self.rest_of_word(k + 1)
            {
                k += 2;
                org.end = k;
                word_from = None;
                continue;
            }
            // (A longer phrase that stops a name wins: `Chính phủ quản lý
            // nhà nước về …` is a body and its verb.)
            let stopped = in_name.is_some_and(|h| {
                self.lex
                    .longest(self.ctx, k, class::STOP)
                    .is_some_and(|s| s.end > h.end)
            });
            if let Some(h) = in_name.filter(|_| !stopped) {
                k = h.end;
                word_from = None;
                // A word that cannot end a name (`phát triển`, `cổ phần`)
                // is kept only when a capital follows later.
                if let Word::InName { may_end: true } = h.word {
                    org.end = k;
                    if self.lex.is(self.ctx, h.end - 1, class::UNIT)
                        || self.is_word(h.end - 1, key!("dân"))
                    {
                        named = true;
                    }
                }
                continue;
            }
            // A department's name, or the name of a body a title names,
            // ends in lower-case words before a mark: `Khoa Hồi sức tích
            // cực,`, `Cục trưởng Cục Nghệ thuật biểu diễn,`, `Chủ tịch Hội
            // đồng thi tuyển,`.
            if let Some(end) = self.department_tail(org, k) {
                org.end = end;
                named = true;
                break;
            }
            // Lower-case words of the name before a capital that goes on
            // with it: `Công ty TNHH Tư vấn tài chính An Khang`. Not across
            // a word that ends names (`Sở Y tế cho biết Nguyễn …`), and not
            // into a person's name.
            if let Some(next) = self.lower_run_to_capital(k) {
                k = next;
                word_from = None;
                continue;
            }
            break;
        }
        named
    }

    /// The end of one to three lower-case words at `k` (or from where the
    /// name may end so far) that end the name of a department (`Khoa`),
    /// before a comma, a full stop, a bracket or a full name, or of a body
    /// right after a role, before a comma, a semicolon, a bracket or a full
    /// name, when none is a word that ends names.
    ///
    /// (Only after a role for other bodies: a title names a body and then
    /// a holder or a mark, while a body alone is often the subject of a
    /// verb that ends its sentence, `… do Sở Y tế cấp phép.`)
    fn department_tail(&self, org: &OrgParse, k: usize) -> Option<usize> {
        // (From where the name may end so far: words of names that may not
        // end one, `thi` of `Hội đồng thi tuyển`, are read again.)
        let from = org.end;
        if k < from {
            return None;
        }
        let mut j = from;
        while j < from + 3
            && self.open(j)
            && self.ctx.same_line(j - 1, j)
            && self.ctx.kind(j).is_some_and(|t| t.is_wordlike())
            && !self.ctx.capital(j)
            && !self.lex.is(
                self.ctx,
                j,
                class::STOP | class::PREDICATE | class::HONORIFIC,
            )
        {
            j += 1;
        }
        if j < k || j == from {
            return None;
        }
        // (After a role, not before a full stop: `… được Thủ tướng Chính
        // phủ phê duyệt.` ends in the verb of the sentence.)
        let department = self.is_word(org.first, key!("khoa"));
        let marks: &[char] = if department {
            &[',', '.', ';', ')']
        } else {
            &[',', ';', ')']
        };
        let closes = marks.iter().any(|&c| self.ctx.is_char(j, c)) || self.full_name(j).is_some();
        // (The cheap tests first: most bodies come with no role.)
        (closes && (department || self.role_ends_at(org.first))).then_some(j)
    }

    /// A province, city, district or commune at `k` written with its unit
    /// word (`tỉnh Quảng Nam`, `huyện Sơn Tịnh`).
    fn administrative_unit(&self, k: usize) -> Option<PlaceParse> {
        self.place(k).filter(|p| {
            p.unit.is_some()
                && matches!(
                    p.level,
                    PlaceLevel::Province
                        | PlaceLevel::City
                        | PlaceLevel::District
                        | PlaceLevel::Commune
                )
        })
    }

    /// Whether a role ends right before token `first`: `Phó Cục trưởng`
    /// before `Cục …`, `Phó Trưởng` before `Ban …` (roles are at most four
    /// tokens long).
    fn role_ends_at(&self, first: usize) -> bool {
        (first.saturating_sub(4)..first).any(|t| {
            self.lex
                .longest_before(self.ctx, t, first, class::ROLE)
                .is_some_and(|h| h.end == first)
        })
    }

    /// Whether the lower-case syllable at `k`, after a capitalised word of
    /// a body's name, is the rest of that word: no word that ends names,
    /// and the name closes right after it (a comma, a bracket, a
    /// semicolon, the end of the line) or goes on with `và` or a dash and
    /// a capital (`Cục Trồng trọt và Bảo vệ thực vật`, `Sở Quy hoạch -
    /// Kiến trúc`).
    ///
    /// (Not before a full stop: a body that ends a sentence is often the
    /// subject of a verb of one syllable, `… do Bộ Công Thương cấp.`)
    fn rest_of_word(&self, k: usize) -> bool {
        let lower = self.ctx.kind(k) == Some(TokenKind::Syllable(Casing::Lower));
        // (Not the second syllable of a verb: `Sở Nội vụ chủ trì,`.)
        let verb = || {
            k.checked_sub(1)
                .and_then(|before| self.lex.longest(self.ctx, before, class::PREDICATE))
                .is_some_and(|h| h.end > k)
        };
        if !lower
            || !self.open(k)
            || verb()
            || self.lex.is(
                self.ctx,
                k,
                class::STOP | class::PREDICATE | class::HONORIFIC | class::HOLD | class::ROLE,
            )
        {
            return false;
        }
        let next = k + 1;
        if next >= self.ctx.len() || !self.ctx.same_line(k, next) {
            return true;
        }
        let closes = [',', ';', '(', ')']
            .iter()
            .any(|&c| self.ctx.is_char(next, c));
        let goes_on = (self.is_word(next, key!("và")) || self.ctx.is_dash(next))
            && self.ctx.capital(next + 1)
            && self.ctx.same_line(next, next + 1);
        // `Dàn nhạc Giao hưởng Việt Nam`: the place the body is of, or the
        // level it serves (`Bộ Chỉ huy Quân sự tỉnh`).
        closes
            || goes_on
            || self.place(next).is_some()
            || (self.lex.is(self.ctx, next, class::UNIT)
                && self.lex.is(self.ctx, next, class::IN_NAME))
    }

    /// Where the capital is after one to three lower-case words at `k`
    /// that may sit inside a body's name, when it begins no person's name
    /// and no title.
    fn lower_run_to_capital(&self, k: usize) -> Option<usize> {
        let mut j = k;
        while j < k + 3 {
            let t = self.ctx.tok(j)?;
            if !t.kind().is_wordlike() || self.ctx.capital(j) {
                break;
            }
            // An administrative unit with its name goes on the name as a
            // place: `Nhà hát Nghệ thuật truyền thống tỉnh Quảng Nam`.
            if j > k && self.administrative_unit(j).is_some() {
                return Some(j);
            }
            // (A phrase of these too: `phối hợp`, `cho biết`.)
            if !self.open(j)
                || !self.ctx.same_line(j - 1, j)
                || self
                    .lex
                    .longest(
                        self.ctx,
                        j,
                        class::STOP | class::PREDICATE | class::HONORIFIC,
                    )
                    .is_some()
            {
                return None;
            }
            j += 1;
        }
        let goes_on = j > k
            && self.open(j)
            && self.ctx.capital(j)
            && self.ctx.same_line(j - 1, j)
            && self.person(j, Cue::None).is_none()
            && self
                .lex
                .longest(self.ctx, j, class::ROLE | class::RANK | class::HONORIFIC)
                .is_none();
        goes_on.then_some(j)
    }

    /// A word that ends a body's name at `k` and where the name then ends:
    /// a term (`khóa XIV`, recorded in `org`), a number after `số` (`Đội
    /// CSGT số 2`), or a number right after the name of an armed, police or
    /// hospital unit (`Quân khu 5`, `Bệnh viện Quân y 175`).
    fn ending(&self, org: &mut OrgParse, k: usize, word: Option<usize>) -> Option<usize> {
        debug_assert_eq!(word, self.which_word(k, ENDING_WORDS));
        if word.is_some_and(|w| w < TERM_WORDS.len()) {
            let n = self
                .ctx
                .tok(k + 1)
                .and_then(|t| roman(t.text()).or_else(|| self.ctx.integer(k + 1, 3)))
                .filter(|_| self.open(k + 1))?;
            org.term = u16::try_from(n).ok();
            return Some(k + 2);
        }
        let number_word = word == Some(TERM_WORDS.len());
        if number_word && self.is_number_name(k + 1) && self.open(k + 1) {
            return Some(k + 2);
        }
        // (The number first: the name's words are read for a plant only
        // before one. A syllable or a mark is none, by its kind: the text
        // of most words is not read.)
        if org.end != k || !self.may_be_figure(k) || !self.is_number_name(k) {
            return None;
        }
        // (And a power plant: `Nhà máy Nhiệt điện Vũng Áng 1`, `Thủy điện
        // Hòa Bình 2`.)
        let plant = || {
            (org.first..org.end).any(|t| {
                (self.is_word(t, key!("nhiệt"))
                    || self.is_word(t, key!("thủy"))
                    || self.is_word(t, key!("thuỷ")))
                    && self.is_word(t + 1, key!("điện"))
            })
        };
        // (And any body whose abbreviation in brackets after the number
        // ends with it: `Công ty CP Tư vấn Xây dựng Điện 1 (PECC1)`.)
        let echoed = || {
            self.ctx.is_char(k + 1, '(')
                && self.ctx.is_char(k + 3, ')')
                && self.ctx.tok(k + 2).is_some_and(|a| {
                    let number = self.ctx.text_of(k);
                    a.text().len() > number.len()
                        && a.text().ends_with(number)
                        && a.text().starts_with(|c: char| c.is_uppercase())
                })
        };
        let numbered = matches!(
            org.category,
            OrgCategory::Military | OrgCategory::Hospital | OrgCategory::Police
        ) || plant()
            || echoed();
        numbered.then_some(k + 1)
    }

    /// Whether `org` is a diplomatic mission (`Đại sứ quán`, `Tổng lãnh
    /// sự quán`), a trade office (`Thương vụ Việt Nam tại Đức`) or a
    /// foreign chamber of commerce (`Phòng Thương mại châu Âu tại Việt
    /// Nam`), whose name may end with `tại` and the host country.
    fn is_mission(&self, org: &OrgParse) -> bool {
        let at = |k: usize, a: &str, b: &str| self.ctx.is(k, a) && self.ctx.is(k + 1, b);
        at(org.first, "đại", "sứ")
            || at(org.first + 1, "lãnh", "sự")
            || at(org.first, "lãnh", "sự")
            || at(org.first, "thương", "vụ")
            || (self.is_word(org.first, key!("phòng")) && at(org.first + 1, "thương", "mại"))
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
            && (self.is_word(k - 1, key!("và"))
                || self.ctx.is_dash(k - 1)
                || self.ctx.is_char(k - 1, ','))
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
                // (Company words may follow one another: `Seojin Energy
                // Solution`.)
                let mut end = k + 1;
                while end < k + 3
                    && self.ctx.same_line(end - 1, end)
                    && self.ctx.capital(end)
                    && self.lex.is(self.ctx, end, class::CORP)
                {
                    end += 1;
                }
                // A company's arm in a country is named by the company and
                // the country: `Samsung Electronics Việt Nam`.
                let country = self
                    .lex
                    .longest(self.ctx, end, class::PLACE)
                    .filter(|p| {
                        p.word == Word::Place(PlaceLevel::Country)
                            && self.ctx.same_line(end - 1, end)
                            && self.ctx.capital(end)
                    })
                    .map(|p| p.end);
                return Some(country.unwrap_or(end));
            }
            k += 1;
        }
        None
    }

    /// The place at `k` that a body's branch or mission abroad is in: a
    /// country, a city or a province, or a region with its unit word
    /// (`vùng Primorsky`).
    fn host_place(&self, k: usize) -> Option<PlaceParse> {
        self.place(k).filter(|p| {
            matches!(
                p.level,
                PlaceLevel::Country | PlaceLevel::City | PlaceLevel::Province
            ) || (p.level == PlaceLevel::Region && p.unit.is_some())
        })
    }

    /// Whether token `k` may be written in digits, by its kind: a syllable
    /// or a mark never is, and its text need not be read to say so.
    fn may_be_figure(&self, k: usize) -> bool {
        let figure = !matches!(
            self.ctx.kind(k),
            None | Some(TokenKind::Syllable(_) | TokenKind::Punctuation)
        );
        debug_assert!(
            figure
                || !self
                    .ctx
                    .text_of(k)
                    .bytes()
                    .next()
                    .is_some_and(|b| b.is_ascii_digit()),
            "token {k}: a syllable or a mark begins with a digit"
        );
        figure
    }

    /// Whether `và` and a capital come within four tokens of `k`.
    fn and_follows(&self, k: usize) -> bool {
        (k..k + 4).any(|j| self.is_word(j, key!("và")) && self.ctx.capital(j + 1))
    }
}

/// The company words of the names list (`corp`) that end a football
/// club's name rather than a company's.
const CLUB_WORDS: &[u128] = word_keys![
    "fc",
    "fs",
    "united",
    "city",
    "steelers",
    "rovers",
    "warriors",
    "wanderers",
    "rangers",
    "hotspur",
    "albion",
];

/// The head words that [`Scanner::common_word_at`] tests.
const COMMON_WORD_HEADS: &[u128] = word_keys![
    "trường",
    "phòng",
    "bộ",
    "khoa",
    "tổ",
    "thuế",
    "hải",
    "ban",
    "báo",
    "hội",
];

/// The words of a body's term, `khóa XIV`, in both tone placements.
const TERM_WORDS: &[u128] = word_keys!["khóa", "khoá"];

/// The words that end a body's name before a term or a number
/// ([`Scanner::ending`]): [`TERM_WORDS`], then `số`.
const ENDING_WORDS: &[u128] = word_keys!["khóa", "khoá", "số"];

/// The second syllables that make `Hội` an event: `Hội nghị`, `Hội thảo`,
/// `Hội chợ`, `Hội diễn`, `Hội thi`, `Hội thao`, `Hội báo`, `Hội trại`.
const EVENT_AFTER_HOI: &[u128] =
    word_keys!["nghị", "thảo", "chợ", "diễn", "thi", "thao", "báo", "trại"];

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
