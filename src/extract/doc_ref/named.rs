//! Documents named by type and title, without a number: `Nghị quyết Đại hội
//! Đảng các cấp`, `Luật Tổ chức Chính phủ`.

use super::*;
use crate::extract::context::word_keys;

/// Nouns that name a document by its title without a number, written with
/// a capital: `Nghị quyết Đại hội Đảng các cấp`, `Luật Tổ chức Chính phủ`.
/// Nouns that are as often verbs or common nouns (`Kết luận`, `Hướng dẫn`,
/// `Quy định`, `Kế hoạch`) are left out.
const NAMED: [&[&str]; 8] = [
    &["nghị", "quyết"],
    &["chỉ", "thị"],
    &["nghị", "định"],
    &["thông", "tư"],
    &["pháp", "lệnh"],
    &["hiến", "pháp"],
    &["bộ", "luật"],
    &["luật"],
];

/// Words that end a document's title written without quotes.
const TITLE_ENDS: [&str; 35] = [
    "ngày", "số", "của", "và", "về", "do", "đã", "được", "là", "theo", "tại", "trong", "với", "để",
    "cho", "năm", "khóa", "khoá", "thì", "mà", "này", "đó", "như", "có", "hiện", "lần", "đề",
    "đầu", "cũng", "quy", "sẽ", "nêu", "hướng", "một", "khi",
];

/// The recognizer of documents named by type and title, without a
/// number: a capitalized type noun (`Nghị quyết`, `Luật`) and a title that
/// starts with a capital, up to ten words, ending before punctuation or a
/// word of [`TITLE_ENDS`]. It is stepped over a text's notable tokens in
/// order ([`Ctx::notable`]).
#[derive(Default)]
pub(crate) struct NamedFinder {
    /// The first token a new reference may start at.
    free_from: usize,
}

impl NamedFinder {
    pub(crate) fn step<'h>(&mut self, ctx: &Ctx<'h>, i: usize, out: &mut Vec<Candidate<'h>>) {
        if i < self.free_from {
            return;
        }
        let title_case = ctx.may_start_doc_noun(i)
            && ctx.kind(i) == Some(TokenKind::Syllable(crate::tokenize::Casing::Title));
        let noun = title_case
            .then(|| {
                NAMED
                    .iter()
                    .find(|words| words.iter().enumerate().all(|(o, w)| ctx.is(i + o, w)))
            })
            .flatten();
        let Some(noun) = noun else {
            return;
        };
        // A school or a degree in law is no law: `Đại học Luật Hà Nội`,
        // `trường Luật`, `cử nhân Luật`, `khoa Luật`; nor is `Pháp Luật`,
        // nor a law firm (`Công ty Luật TNHH Phúc Minh`, `hãng Luật …`,
        // `Văn phòng Luật …`).
        let school = i > 0
            && ctx
                .which(
                    i - 1,
                    word_keys![
                        "học",
                        "trường",
                        "khoa",
                        "ngành",
                        "nhân",
                        "sĩ",
                        "viện",
                        "môn",
                        "ty",
                        "hãng",
                        "phòng",
                        // (`pháp luật`: the law in general, and the
                        // newspaper `Pháp Luật TP.HCM`.)
                        "pháp",
                    ],
                )
                .is_some();
        if school {
            return;
        }
        let start = i + noun.len();
        let capital = ctx.tok(start).is_some_and(|t| {
            matches!(
                t.kind(),
                TokenKind::Syllable(
                    crate::tokenize::Casing::Title | crate::tokenize::Casing::Upper
                ) | TokenKind::Word(
                    crate::tokenize::Casing::Title | crate::tokenize::Casing::Upper
                ) | TokenKind::Abbreviation
            )
        });
        if !capital {
            self.free_from = start;
            return;
        }
        // The title stays on the noun's line and ends before another
        // document noun (`Thông tư Hướng dẫn thi hành Nghị định số …`).
        let mut end = start;
        let mut comma = false;
        loop {
            // One comma between two words or pairs in parallel: `Luật
            // Phòng, chống tham nhũng`, `Pháp lệnh Cán bộ, công chức`, `Luật
            // Trật tự, an toàn giao thông đường bộ`; not `Luật Doanh
            // nghiệp, riêng 9 tháng`.
            let before = end - start;
            if !comma && (1..=2).contains(&before) && ctx.is_char(end, ',') {
                let parallel = (end + 1..=end + before).all(|k| {
                    ctx.kind(k) == Some(TokenKind::Syllable(crate::tokenize::Casing::Lower))
                        && ctx.which(k, word_keys!(TITLE_ENDS)).is_none()
                        && ctx.same_line(end, k)
                });
                if parallel {
                    comma = true;
                    end += 1 + before;
                    continue;
                }
            }
            let goes_on = end < start + 10
                && ctx.kind(end).is_some_and(TokenKind::is_wordlike)
                && (end == start || ctx.which(end, word_keys!(TITLE_ENDS)).is_none())
                && ctx.same_line(end - 1, end)
                && !NAMED
                    .iter()
                    .any(|words| words.iter().enumerate().all(|(o, w)| ctx.is(end + o, w)));
            if !goes_on {
                break;
            }
            end += 1;
        }
        if ctx
            .tok(start)
            .is_some_and(|_| !ctx.same_line(start - 1, start))
            || end == start
        {
            self.free_from = start;
            return;
        }
        let span = ctx.span(i, end - 1);
        let title_span = ctx.span(start, end - 1);
        let doc = DocRef {
            type_noun: Some(ctx.span(i, start - 1)),
            title: Some(title_span),
            ..DocRef::default()
        };
        out.push(Candidate {
            entity: Entity {
                within: None,
                text: ctx.text.get(span.start..span.end).unwrap_or_default(),
                span,
                kind: EntityKind::DocRef(Box::new(doc)),
            },
            first: i,
            end,
            rank: Rank::NamedDoc,
        });
        self.free_from = end;
    }
}
