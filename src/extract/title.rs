//! Titles and positions: a role in an organization, a rank or a degree.

use crate::span::Span;

/// Whether a title is held now, was held, or was just taken up.
///
/// ```
/// use vitext::extract::{extract, EntityKind, Tenure};
///
/// let found = extract("tân Chủ tịch UBND tỉnh Lê Văn Ba và nguyên Bí thư Tỉnh ủy Hồ Văn Tư");
/// let tenures: Vec<Tenure> = found
///     .iter()
///     .filter_map(|e| match &e.kind {
///         EntityKind::Title(t) => Some(t.tenure),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(tenures, [Tenure::New, Tenure::Former]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Tenure {
    /// No word says otherwise.
    #[default]
    Current,
    /// `nguyên`, `cựu`: formerly held.
    Former,
    /// `tân`: newly appointed or elected.
    New,
}

/// A title or position: `Ủy viên Ban Thường vụ Tỉnh ủy`, `Trưởng Ban Tổ
/// chức Tỉnh ủy`, `Tổng thống Mỹ`, `HLV trưởng ĐT Việt Nam`; or a rank or
/// degree standing on its own before a name (`Đại tá`, `GS.TS`).
///
/// The entity's span holds the role and its organization; `nguyên` and
/// `tân` stand before it and are read into [`Title::tenure`]. The person
/// who holds the title is given by the [links](crate::extract::Link) of the
/// [`Extraction`](crate::extract::Extraction).
///
/// ```
/// use vitext::extract::{extract, EntityKind, Tenure};
///
/// let text = "nguyên Trưởng Ban Tổ chức Tỉnh ủy Nguyễn Giờ";
/// let found = extract(text);
/// let EntityKind::Title(title) = &found[0].kind else { panic!() };
/// assert_eq!(found[0].text, "Trưởng Ban Tổ chức Tỉnh ủy");
/// assert_eq!(&text[title.role.unwrap()], "Trưởng");
/// assert_eq!(&text[title.organization.unwrap()], "Ban Tổ chức Tỉnh ủy");
/// assert_eq!(title.tenure, Tenure::Former);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Title {
    /// The role: `Trưởng`, `Phó Bí thư Thường trực`, `Tổng thống`, `HLV
    /// trưởng`. None for a rank or degree alone.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub role: Option<Span>,
    /// The organization or country the role is in: `Ban Tổ chức Tỉnh ủy`,
    /// `Mỹ`. The entity found there is linked with
    /// [`LinkKind::Of`](crate::extract::LinkKind::Of).
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub organization: Option<Span>,
    /// A rank, degree or honour: `Đại tá`, `GS.TS`, `NSND`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub rank: Option<Span>,
    /// Held now, formerly (`nguyên`) or newly (`tân`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub tenure: Tenure,
}
