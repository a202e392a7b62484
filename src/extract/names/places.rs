//! Places: a known name, or a unit word and a name (`huyện Bình Chánh`,
//! `quận 12`, `TP. Thanh Hóa`).

use super::Scanner;
use super::lexicon::{Word, class};
use super::parse::{Cue, PlaceParse};
use crate::extract::{NameForm, PlaceLevel};

impl Scanner<'_, '_, '_> {
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
                // `tiếng Anh`, `Tiếng Đức`: a language, not the country.
                if level == PlaceLevel::Country && i > 0 && self.ctx.is(i - 1, "tiếng") {
                    return None;
                }
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
}
