//! Credits: who took the photo, wrote the story, or which agency it is
//! from.

use crate::span::Span;

/// What a credit is for.
///
/// ```
/// use vitext::extract::{extract, CreditRole, EntityKind};
///
/// let found = extract("Tin bài.\nBài, ảnh: Minh Anh\nTheo TTXVN");
/// let roles: Vec<CreditRole> = found
///     .iter()
///     .filter_map(|e| match &e.kind {
///         EntityKind::Credit(c) => Some(c.role),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(roles, [CreditRole::TextAndPhoto, CreditRole::Source]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CreditRole {
    /// `Ảnh: H.P`.
    Photo,
    /// `Bài: …`, `Thực hiện: …`.
    Text,
    /// `Bài, ảnh: Minh Anh`.
    TextAndPhoto,
    /// `Video: …`, `Clip: …`.
    Video,
    /// `Đồ họa: …`.
    Graphics,
    /// `Theo TTXVN`, `Nguồn: …`.
    Source,
    /// The byline in capitals on the last line of an article: `MINH KHÔI`.
    Byline,
}

impl CreditRole {
    pub(crate) fn parse(s: &str) -> Option<CreditRole> {
        Some(match s {
            "photo" => CreditRole::Photo,
            "text" => CreditRole::Text,
            "text_and_photo" => CreditRole::TextAndPhoto,
            "video" => CreditRole::Video,
            "graphics" => CreditRole::Graphics,
            "source" => CreditRole::Source,
            _ => return None,
        })
    }
}

/// A credit: `Ảnh: H.P`, `Bài, ảnh: Minh Anh`, `Theo TTXVN`, `MINH KHÔI`.
/// The name in it is no person entity.
///
/// ```
/// use vitext::extract::{extract, CreditRole, EntityKind};
///
/// let text = "Các đại biểu dự hội nghị. Ảnh: H.P";
/// let found = extract(text);
/// let EntityKind::Credit(credit) = &found[0].kind else { panic!() };
/// assert_eq!(found[0].text, "Ảnh: H.P");
/// assert_eq!(credit.role, CreditRole::Photo);
/// assert_eq!(&text[credit.name], "H.P");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Credit {
    /// What the credit is for.
    pub role: CreditRole,
    /// The name credited.
    pub name: Span,
}
