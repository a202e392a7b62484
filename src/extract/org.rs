//! Organizations and places.

use crate::span::Span;

/// What kind of body an organization is, from its head noun or its entry
/// in the word lists.
///
/// ```
/// use vitext::extract::{extract, EntityKind, OrgCategory};
///
/// let found = extract("Công an tỉnh, Bệnh viện Chợ Rẫy và CLB Công an Hà Nội.");
/// let categories: Vec<OrgCategory> = found
///     .iter()
///     .filter_map(|e| match &e.kind {
///         EntityKind::Organization(o) => Some(o.category),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(categories, [OrgCategory::Police, OrgCategory::Hospital, OrgCategory::Sports]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OrgCategory {
    /// Party bodies: `Ban Thường vụ Tỉnh ủy`, `Đảng ủy Khối`, `Bộ Chính trị`.
    Party,
    /// Elected and state bodies: `Quốc hội`, `UBND tỉnh`, `HĐND`.
    State,
    /// Ministries, departments and agencies: `Bộ Tài chính`, `Sở Y tế`.
    Government,
    /// Police: `Công an tỉnh`, `Phòng CSGT`.
    Police,
    /// Armed forces: `Bộ Quốc phòng`, `Quân khu 5`.
    Military,
    /// Courts and procuracies: `Tòa án nhân dân tỉnh`, `VKSND`.
    Court,
    /// Companies, banks and cooperatives: `Tập đoàn Vingroup`.
    Company,
    /// Schools, universities and institutes: `trường THPT Nguyễn Du`.
    School,
    /// Hospitals and clinics: `Bệnh viện Chợ Rẫy`.
    Hospital,
    /// Newspapers, broadcasters and news agencies: `Báo Nhân Dân`, `TTXVN`.
    Media,
    /// Clubs and national teams: `CLB Công an Hà Nội`, `ĐT Việt Nam`.
    Sports,
    /// International bodies: `Liên Hợp Quốc`, `NATO`.
    International,
    /// Associations and mass organizations: `Hội Nông dân`, `MTTQ`.
    Association,
}

impl OrgCategory {
    pub(crate) fn parse(s: &str) -> Option<OrgCategory> {
        Some(match s {
            "party" => OrgCategory::Party,
            "state" => OrgCategory::State,
            "government" => OrgCategory::Government,
            "police" => OrgCategory::Police,
            "military" => OrgCategory::Military,
            "court" => OrgCategory::Court,
            "company" => OrgCategory::Company,
            "school" => OrgCategory::School,
            "hospital" => OrgCategory::Hospital,
            "media" => OrgCategory::Media,
            "sports" => OrgCategory::Sports,
            "international" => OrgCategory::International,
            "association" => OrgCategory::Association,
            _ => return None,
        })
    }

    /// Whether a person's name may follow the head inside the name
    /// (`trường THPT Nguyễn Du`, `Bệnh viện Trần Hưng Đạo`), rather than
    /// end it (`Bộ trưởng Bộ Y tế Đào Hồng Lan`).
    pub(crate) fn names_after_people(self) -> bool {
        matches!(
            self,
            OrgCategory::School
                | OrgCategory::Hospital
                | OrgCategory::Company
                | OrgCategory::Media
                | OrgCategory::Sports
                | OrgCategory::Association
        )
    }
}

/// An organization: `Ban Chấp hành Đảng bộ Khối các cơ quan tỉnh khóa XIV`,
/// `UBND tỉnh Bình Định`, `Bộ GD-ĐT`, `Vingroup`, `Hà Nội FC`.
///
/// The span holds the whole name, a place inside it and a term after it
/// included; the place is reported as an entity of its own as well, nested
/// in this one.
///
/// ```
/// use vitext::extract::{extract, EntityKind, OrgCategory};
///
/// let text = "Ban Chấp hành Đảng bộ Khối khóa XIV họp.";
/// let found = extract(text);
/// let EntityKind::Organization(org) = &found[0].kind else { panic!() };
/// assert_eq!(found[0].text, "Ban Chấp hành Đảng bộ Khối khóa XIV");
/// assert_eq!((org.category, org.term), (OrgCategory::Party, Some(14)));
///
/// let found = extract("Chủ tịch UBND tỉnh phát biểu.");
/// let org = found.iter().find_map(|e| match &e.kind {
///     EntityKind::Organization(o) => Some(o),
///     _ => None,
/// }).unwrap();
/// assert_eq!(org.expansion.as_deref(), Some("Ủy ban nhân dân tỉnh"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Organization {
    /// What kind of body it is.
    pub category: OrgCategory,
    /// The name with its abbreviations written out (`UBND tỉnh Bình Định`
    /// → `Ủy ban nhân dân tỉnh Bình Định`), when it has any the word lists
    /// know. Not text of the input, so owned.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub expansion: Option<String>,
    /// The term written after the name: `khóa XIV` → 14.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub term: Option<u16>,
}

/// The level of a place.
///
/// ```
/// use vitext::extract::{extract, EntityKind, PlaceLevel};
///
/// let found = extract("Từ Mỹ về xã Tam Thanh, quận 12 và đường Lê Lợi.");
/// let levels: Vec<PlaceLevel> = found
///     .iter()
///     .filter_map(|e| match &e.kind {
///         EntityKind::Place(p) => Some(p.level),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(
///     levels,
///     [PlaceLevel::Country, PlaceLevel::Commune, PlaceLevel::District, PlaceLevel::Street]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum PlaceLevel {
    /// A country or territory: `Mỹ`, `Triều Tiên`.
    Country,
    /// A world or national region: `Trung Đông`, `châu Âu`, `Tây Nguyên`.
    Region,
    /// A province, or a state of another country: `tỉnh Bình Định`.
    Province,
    /// A city: `TP.HCM`, `thành phố Huế`, `Bình Nhưỡng`.
    City,
    /// A district: `huyện Bình Chánh`, `quận 12`.
    District,
    /// A commune or ward: `xã Tam Thanh`, `phường Thới An`.
    Commune,
    /// A village or hamlet: `thôn 3`, `ấp Bình Lợi`.
    Village,
    /// A street or road: `đường Lê Lợi`, `quốc lộ 1A`.
    Street,
    /// A landmark, site or natural feature: `sân Mỹ Đình`, `cầu Rồng`.
    Landmark,
}

impl PlaceLevel {
    /// A province, a city, a district or a commune: the units a body of
    /// the place is named after (`Hợp tác xã Bưởi Phú Cường`).
    pub(crate) fn is_division(self) -> bool {
        matches!(
            self,
            PlaceLevel::Province | PlaceLevel::City | PlaceLevel::District | PlaceLevel::Commune
        )
    }

    pub(crate) fn parse(s: &str) -> Option<PlaceLevel> {
        Some(match s {
            "country" => PlaceLevel::Country,
            "region" => PlaceLevel::Region,
            "province" => PlaceLevel::Province,
            "city" => PlaceLevel::City,
            "district" => PlaceLevel::District,
            "commune" => PlaceLevel::Commune,
            "village" => PlaceLevel::Village,
            "street" => PlaceLevel::Street,
            "landmark" => PlaceLevel::Landmark,
            _ => return None,
        })
    }
}

/// A place: `tỉnh Bình Định`, `quận 12`, `TP. Thanh Hóa`, `TP.HCM`, `Mỹ`,
/// `châu Âu`, `đường Lê Lợi`.
///
/// The span holds the unit word when it is written (`phường Đông Sơn`).
///
/// ```
/// use vitext::extract::{extract, EntityKind, PlaceLevel};
///
/// let text = "Mưa lớn ở huyện Bình Chánh.";
/// let found = extract(text);
/// let EntityKind::Place(place) = &found[0].kind else { panic!() };
/// assert_eq!(found[0].text, "huyện Bình Chánh");
/// assert_eq!(place.level, PlaceLevel::District);
/// assert_eq!(&text[place.unit.unwrap()], "huyện");
/// assert_eq!(&text[place.name], "Bình Chánh");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Place {
    /// What level of place it is.
    pub level: PlaceLevel,
    /// The unit word (`tỉnh`, `huyện`, `TP.`), when written.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub unit: Option<Span>,
    /// The name without its unit word.
    pub name: Span,
}
