//! Persons: a name, its parts, and what the text says beside it.

use crate::span::Span;

/// How a person is named at this mention.
///
/// ```
/// use vitext::extract::{extract, EntityKind, NameForm};
///
/// let found = extract("Ông Trần Văn Hòa gặp Donald Trump; anh T. và bà Hòa dự.");
/// let forms: Vec<(&str, NameForm)> = found
///     .iter()
///     .filter_map(|e| match &e.kind {
///         EntityKind::Person(p) => Some((e.text, p.form)),
///         _ => None,
///     })
///     .collect();
/// assert_eq!(
///     forms,
///     [
///         ("Trần Văn Hòa", NameForm::Full),
///         ("Donald Trump", NameForm::Foreign),
///         ("T.", NameForm::Initials),
///         ("Hòa", NameForm::Given),
///     ]
/// );
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum NameForm {
    /// A Vietnamese full name, family name first: `Nguyễn Thị Thu Pha`,
    /// `Hồ Chí Minh`, or a Sino-Vietnamese reading of a foreign one
    /// (`Tập Cận Bình`).
    Full,
    /// A given name alone (`bà Pha`, `Hùng cho biết`, `Bí thư Giờ`), or a
    /// name without a known family name (`anh Minh Anh`).
    Given,
    /// Initials: `N.V.A`, `anh T.`.
    Initials,
    /// A name in a foreign spelling, whose order of parts is not known:
    /// `Donald Trump`, `Kim Jong-un`, `Lionel Messi`.
    Foreign,
}

/// A person mention. The entity's span holds the name only: honorifics
/// (`ông`, `bà`, `đồng chí`) and titles are outside it.
///
/// ```
/// use vitext::extract::{extract, EntityKind, NameForm};
///
/// let text = "Bà Nguyễn Thị Thu Pha (37 tuổi) cho biết.";
/// let found = extract(text);
/// let person = found.iter().find_map(|e| match &e.kind {
///     EntityKind::Person(p) => Some(p),
///     _ => None,
/// }).unwrap();
/// assert_eq!(person.form, NameForm::Full);
/// assert_eq!(&text[person.family.unwrap()], "Nguyễn");
/// assert_eq!(&text[person.middle.unwrap()], "Thị Thu");
/// assert_eq!(&text[person.given.unwrap()], "Pha");
/// assert_eq!(&text[person.honorific.unwrap()], "Bà");
/// assert_eq!(person.age, Some(37));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct Person {
    /// How the name is written.
    pub form: NameForm,
    /// The honorific before the name (`ông`, `bà`, `anh`, `đồng chí`),
    /// outside the entity's span.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub honorific: Option<Span>,
    /// The family name (`Nguyễn`, `Tôn Nữ`), for [`NameForm::Full`].
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub family: Option<Span>,
    /// The middle names (`Thị Thu`), when there are any.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub middle: Option<Span>,
    /// The given name (`Pha`), for full and given-name forms.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub given: Option<Span>,
    /// The age written beside the name: `(37 tuổi)`, `, 37 tuổi,`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub age: Option<u16>,
    /// The birth year written beside the name: `(SN 1994)`, `(sinh năm 1980,
    /// trú tại …)`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none", default)
    )]
    pub birth_year: Option<u16>,
}

impl Person {
    pub(crate) fn new(form: NameForm) -> Person {
        Person {
            form,
            honorific: None,
            family: None,
            middle: None,
            given: None,
            age: None,
            birth_year: None,
        }
    }
}
