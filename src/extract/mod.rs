//! Extract dates and times, document references, quantities, persons,
//! titles, organizations, places and credits, each with its span into the
//! original text and a typed value, and the links between them.
//!
//! An [`Extractor`] is built once and shared (it is immutable, `Send` and
//! `Sync`); [`extract`] uses a read-only default one.
//!
//! ```
//! use vitext::extract::{extract, EntityKind};
//!
//! let text = "Sáng 17.1, Đảng ủy Khối thực hiện Kết luận số 01-KL/TW ngày 18.5.2021 \
//!             của Bộ Chính trị; tỷ lệ đạt 98,4%.";
//! let found = extract(text);
//! let kinds: Vec<&str> = found.iter().map(|e| e.kind.name()).collect();
//! assert_eq!(kinds, ["date", "organization", "doc_ref", "date", "organization", "quantity"]);
//! assert_eq!(found[2].text, "Kết luận số 01-KL/TW");
//! let EntityKind::DocRef(doc) = &found[2].kind else { panic!() };
//! assert_eq!(doc.issue_date.unwrap().year, Some(2021));
//! assert_eq!(doc.issuer_body.map(|s| &text[s]), Some("Bộ Chính trị"));
//! for e in &found {
//!     assert_eq!(&text[e.span], e.text);
//! }
//! ```
//!
//! # How it works
//!
//! The text is tokenized once. Three recognizers read the tokens (and, for
//! document numbers with stray spaces, the raw text around them) and
//! propose candidates: dates and times ([`DateValue`]), document
//! references ([`DocRef`]) and quantities ([`Quantity`]). The resolver
//! keeps one reading wherever candidates overlap, by the rules below. Partial dates then take their year from the reference date
//! (the caller's [`ExtractorConfig::reference_date`], or else the article's
//! dateline).
//!
//! Names come next, on the tokens the dates and documents left: one pass
//! from left to right reads credits ([`Credit`]), honorifics and the names
//! after them, chains of titles ([`Title`]) and their holders, places
//! ([`Place`]), organizations ([`Organization`]) and persons ([`Person`]),
//! from word lists in `src/data/` (honorifics, roles, ranks, head nouns of
//! bodies, unit words of places, provinces, countries from CLDR, known
//! bodies, family names) and the shape of the text (capitals, the second
//! syllables of words in names, commas, `kiêm`). A second pass links later
//! mentions to the first full name (`ông Giờ`, `Hùng cho biết`, `N.V.A`),
//! gives a title written again without a name its earlier holder, and
//! re-reads a bare place the text uses as a club's name. Entities inside
//! others (a place in an organization, an organization in a title) are
//! reported as well and marked with [`Entity::within`]. Finally the
//! [links](Link) of document references are attached: issue date, issuing
//! body, quoted title.
//!
//! The same string can be a place, a body or a person (`Quảng Nam` the
//! province or the club, `Đức` the country or a given name, `Hà Nội` the
//! city or `Hà Nội FC`): the context decides (a unit word, an honorific, a
//! head noun, a word of a match report) together with the rest of the text
//! (a given name met earlier in a full name, a club named with `CLB`).
//!
//! # Overlapping readings
//!
//! Every recognizer proposes candidates freely, each covering a run of
//! tokens and carrying a rank that says how strong its evidence is. The
//! resolver keeps a set of candidates no two of which share a token, by these
//! rules, in this order:
//!
//! 1. **A document reference beats everything it overlaps**, and one with a
//!    number beats one named by its title only. `01/2024` inside
//!    `01/2024/TT-BTC` is no date, and `15/2003` in `Số 15/2003/nđ-cp` is no
//!    ratio.
//! 2. **A date read with evidence beats a quantity.** Evidence is a date word
//!    (`ngày 5-10`, `tháng 5`, `năm 2023`, `Sáng 10.1`, a weekday), or a shape
//!    that only a date has (`18.5.2021`, `10-12/5`, `14:40`).
//! 3. **A quantity with its unit or noun beats a date with weak evidence.**
//!    `từ 5-10 người` is a count range, though `từ` may open a date range.
//! 4. **A date with weak evidence beats a bare number.**
//! 5. At equal rank, **the longer span wins**, then the earlier one.
//!
//! The names are read after these, around what the rules kept, and meet it
//! by two more:
//!
//! 6. **A name gives way to a date, document or quantity it crosses.** It
//!    may hold one whole (`quận 12`, `Công ty CP 32`) or lie inside one (a
//!    body named in a document's quoted title).
//! 7. **A bare number inside the name of a body, place or title is part of
//!    the name**, not a quantity: `Quân khu 4`, `quận 12`, `Trường THPT số
//!    2`.
//!
//! Shapes that no recognizer reads as a date never reach the resolver as
//! dates: a score (`thắng 2-1`) or `5-10 người` without a date word, a ratio
//! (`71/72 chi bộ`), a grouped number (`10.100 người`), a phone number or a
//! version string.
//!
//! The result is sorted by position. Time is `O(n log n)` in the number of
//! candidates plus linear in the number of tokens.
//!
//! # Damaged input
//!
//! The recognizers read text as it is written. Decomposed accents, the
//! look-alike `Ð` or invisible characters make words they do not know.
//! An extractor configured with [`ExtractorConfig::normalize`] normalizes
//! such text first ([`normalize`](crate::normalize())) and maps every span
//! back, the spans inside values too, so that `&text[entity.span] ==
//! entity.text` holds for the text given:
//!
//! ```
//! use vitext::NormalizeConfig;
//! use vitext::extract::{Extractor, ExtractorConfig};
//!
//! let raw = "Sa\u{301}ng 10.1, Nghị định 100/2019/NÐ-CP có hiệu lực.";
//! let config = ExtractorConfig::default().normalize(NormalizeConfig::default());
//! let found = Extractor::new(config).extract(raw);
//! let texts: Vec<&str> = found.iter().map(|e| e.text).collect();
//! assert_eq!(texts, ["Sa\u{301}ng 10.1", "Nghị định 100/2019/NÐ-CP"]);
//! assert!(found.iter().all(|e| &raw[e.span] == e.text));
//! ```
//!
//! # JSON
//!
//! With the `serde` feature, an [`EntityKind`] serializes as an object with
//! one key, the kind's [`name`](EntityKind::name), holding the value. A
//! value holds only what the text gave: a field that is `None` (or a `false`
//! flag) is left out, so `Sáng 10.1` is
//! `{"date":{"month":1,"day":10,"part_of_day":"morning","granularity":"day"}}`.
//! Spans inside a value are `{"start":…,"end":…}` byte offsets into the
//! input, never copies of its text. A date-time is its two parts,
//! `{"datetime":{"date":{…},"time":{"hour":14,"minute":40}}}`, and each
//! end of a range is tagged as a date, a time or a date-time:
//! `{"date_range":{"from":{"date":{"year":2019,…}},"to":{"date":{…}}}}`.
//! A quantity's kind is a `kind` field
//! beside its value, with what only that kind has (a ratio's
//! `denominator`, a count's or a currency's `unit` span); its numbers
//! ([`Decimal`]) are JSON numbers, integers as written, or strings of
//! digits where no JSON number read as `f64` or `i64` holds them exactly. Reading the JSON
//! back gives the same value, a missing field read as `None`. This shape is what `vitext extract` writes, and scripts may
//! rely on it: `tests/extract.rs` holds it to the examples here.
//!
//! ```
//! # #[cfg(feature = "serde")]
//! # {
//! use vitext::extract;
//!
//! let found = extract("Sáng 10.1, ông Nguyễn Văn An nói: 71/72 chi bộ đạt.");
//! let json: Vec<String> = found
//!     .iter()
//!     .map(|e| serde_json::to_string(&e.kind).unwrap())
//!     .collect();
//! assert_eq!(
//!     json,
//!     [
//!         r#"{"date":{"month":1,"day":10,"part_of_day":"morning","granularity":"day"}}"#,
//!         r#"{"person":{"form":"full","honorific":{"start":12,"end":16},"family":{"start":17,"end":25},"middle":{"start":26,"end":30},"given":{"start":31,"end":33}}}"#,
//!         r#"{"quantity":{"kind":"ratio","denominator":72,"unit":{"start":46,"end":54},"value":71}}"#,
//!     ]
//! );
//! # }
//! ```
//!
//! # Untrusted input
//!
//! Extraction never panics and is linear in the input: every look-around is
//! bounded, and numbers are parsed with checked arithmetic
//! (`99999999999/2024/NĐ-CP` is no document number, and no overflow).
//! Spans always fall on character boundaries: `&text[entity.span] ==
//! entity.text`.

mod builder;
mod context;
mod credit;
mod date;
mod decimal;
mod doc_ref;
mod extraction;
mod link;
mod names;
mod org;
mod person;
mod quantity;
mod resolve;
mod sort;
mod title;

use std::sync::Arc;

use std::sync::LazyLock;

use crate::normalize::NormalizeConfig;

use crate::span::Span;

pub use builder::{BuildError, BuildErrorKind, ExtractorBuilder, PatternKind};
pub use credit::{Credit, CreditRole};
pub use date::{
    Anchor, DateRange, DateTime, DateValue, Granularity, Moment, PartOfDay, Relative, SolarDate,
    TimeOfDay, Weekday,
};
pub use decimal::{Decimal, ParseDecimalError};
pub use doc_ref::{DocCode, DocForm, DocRef, DocSystem, DocType};
pub use extraction::Extraction;
pub use link::{Link, LinkKind};
pub use org::{OrgCategory, Organization, Place, PlaceLevel};
pub use person::{NameForm, Person};
pub use quantity::{Approximation, Quantity, QuantityKind};
pub use title::{Tenure, Title};

/// One entity: its text, where it is, and what it is.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Entity<'h> {
    /// The text, borrowed from the input: `&input[entity.span] == entity.text`.
    pub text: &'h str,
    /// Where the entity is in the input.
    pub span: Span,
    /// What it is, with its value.
    pub kind: EntityKind,
    /// The index of the innermost entity this one lies inside, in the same
    /// [`Extraction`]: a place inside an organization (`tỉnh Thanh Hóa` in
    /// `Công an tỉnh Thanh Hóa`), an organization inside a title, a term
    /// inside an organization. `None` for an outer entity.
    pub within: Option<usize>,
}

/// What an entity is, with its typed value.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum EntityKind {
    /// A calendar date, whole or partial: `ngày 18.5.2021`, `tháng 5/2021`,
    /// `năm 2023`, `quý I/2024`, `Sáng 10.1`.
    Date(DateValue),
    /// A time of day: `14:40`, `8h sáng`, `14 giờ 30 phút`.
    Time(TimeOfDay),
    /// A date with a time: `11/01/2024 14:40`, `14h40 ngày 11/1`.
    #[cfg_attr(feature = "serde", serde(rename = "datetime"))]
    DateTime(DateTime),
    /// A range of dates, years or times: `2019 - 2023`, `10-12/5`,
    /// `5h-7h`.
    DateRange(DateRange),
    /// A document reference: `Kết luận số 01-KL/TW`. Boxed: it is the
    /// largest value, and entities are moved as they are sorted.
    DocRef(Box<DocRef>),
    /// A quantity: `98,4%`, `71/72`, `33 tỷ đồng`, `210 đảng viên`.
    Quantity(Quantity),
    /// A person: `Nguyễn Thị Thu Pha`, `Donald Trump`, `anh T.`.
    Person(Person),
    /// A title or position: `Trưởng Ban Tổ chức Tỉnh ủy`, `Tổng thống Mỹ`,
    /// `GS.TS`.
    Title(Title),
    /// An organization: `Ban Thường vụ Tỉnh ủy`, `UBND tỉnh Bình Định`,
    /// `Vingroup`.
    Organization(Organization),
    /// A place: `tỉnh Bình Định`, `TP.HCM`, `Mỹ`, `đường Lê Lợi`.
    Place(Place),
    /// A photo, author or source credit: `Ảnh: H.P`, `Theo TTXVN`.
    Credit(Credit),
}

impl EntityKind {
    /// Moves every span inside the value (a person's honorific and name
    /// parts, a title's role, organization and rank, a place's unit word
    /// and name, a credit's name, a quantity's unit, a document's type
    /// noun, issuer and title) through `f`: for an entity read from a piece
    /// of a text, or from its normalized form, to point into the whole text.
    ///
    /// ```
    /// use vitext::Span;
    /// use vitext::extract::{EntityKind, extract};
    ///
    /// let found = extract("ông Nguyễn Văn An");
    /// let mut kind = found[0].kind.clone();
    /// kind.map_spans(|s| Span::new(s.start + 100, s.end + 100));
    /// let EntityKind::Person(p) = kind else { panic!() };
    /// assert_eq!(p.given, Some(Span::new(119, 121)));
    /// ```
    pub fn map_spans(&mut self, mut f: impl FnMut(Span) -> Span) {
        let mut move_span = |s: &mut Span| *s = f(*s);
        match self {
            EntityKind::Person(p) => {
                [&mut p.honorific, &mut p.family, &mut p.middle, &mut p.given]
                    .into_iter()
                    .flatten()
                    .for_each(&mut move_span);
            }
            EntityKind::Title(t) => {
                [&mut t.role, &mut t.organization, &mut t.rank]
                    .into_iter()
                    .flatten()
                    .for_each(&mut move_span);
            }
            EntityKind::Place(p) => {
                p.unit.iter_mut().for_each(&mut move_span);
                move_span(&mut p.name);
            }
            EntityKind::Credit(c) => move_span(&mut c.name),
            EntityKind::Quantity(q) => match &mut q.kind {
                QuantityKind::Count { unit }
                | QuantityKind::Money { unit }
                | QuantityKind::Ordinal { unit }
                | QuantityKind::Ratio {
                    unit: Some(unit), ..
                } => move_span(unit),
                _ => {}
            },
            EntityKind::DocRef(d) => {
                [&mut d.type_noun, &mut d.issuer_body, &mut d.title]
                    .into_iter()
                    .flatten()
                    .for_each(&mut move_span);
            }
            EntityKind::Date(_)
            | EntityKind::Time(_)
            | EntityKind::DateTime(_)
            | EntityKind::DateRange(_)
            | EntityKind::Organization(_) => {}
        }
    }

    /// The kind's name in `snake_case`, as the command-line tool prints it.
    ///
    /// ```
    /// let found = vitext::extract::extract("năm 2023");
    /// assert_eq!(found[0].kind.name(), "date");
    /// ```
    pub const fn name(&self) -> &'static str {
        match self {
            EntityKind::Date(_) => "date",
            EntityKind::Time(_) => "time",
            EntityKind::DateTime(_) => "datetime",
            EntityKind::DateRange(_) => "date_range",
            EntityKind::DocRef(_) => "doc_ref",
            EntityKind::Quantity(_) => "quantity",
            EntityKind::Person(_) => "person",
            EntityKind::Title(_) => "title",
            EntityKind::Organization(_) => "organization",
            EntityKind::Place(_) => "place",
            EntityKind::Credit(_) => "credit",
        }
    }

    /// The calendar date of a date or a date-time.
    ///
    /// ```
    /// let found = vitext::extract::extract("14h40 ngày 11/1/2024");
    /// assert_eq!(found[0].kind.date().and_then(|d| d.year), Some(2024));
    /// ```
    pub fn date(&self) -> Option<&DateValue> {
        match self {
            EntityKind::Date(d) | EntityKind::DateTime(DateTime { date: d, .. }) => Some(d),
            _ => None,
        }
    }

    /// The time of day of a time or a date-time.
    ///
    /// ```
    /// let found = vitext::extract::extract("14h40 ngày 11/1/2024");
    /// assert_eq!(found[0].kind.time().map(|t| t.hour), Some(14));
    /// ```
    pub fn time(&self) -> Option<&TimeOfDay> {
        match self {
            EntityKind::Time(t) | EntityKind::DateTime(DateTime { time: t, .. }) => Some(t),
            _ => None,
        }
    }
}

/// How an [`Extractor`] reads text.
///
/// ```
/// use vitext::extract::{Extractor, ExtractorConfig, EntityKind};
///
/// let config = ExtractorConfig::default().reference_date(2024, 6, 1);
/// let found = Extractor::new(config).extract("Chiều 14.5, đoàn công tác lên đường.");
/// let EntityKind::Date(date) = &found[0].kind else { panic!() };
/// assert_eq!((date.year, date.assumed_year), (None, Some(2024)));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExtractorConfig {
    reference: Option<DateValue>,
    normalize: Option<NormalizeConfig>,
    layers: Layers,
}

/// Which layers of entities an [`Extractor`] reads.
///
/// The names layer (persons, titles, organizations, places, credits, and
/// the links between them) takes about two thirds of extraction's time on
/// news. A reader that wants only dates, document references and
/// quantities can leave it out.
///
/// ```
/// use vitext::extract::{Extractor, ExtractorConfig, Layers};
///
/// let text = "Sáng 10.1, ông Nguyễn Văn An, Giám đốc Sở Y tế, ký Quyết định 12/QĐ-SYT.";
/// let all = Extractor::default().extract(text);
/// let config = ExtractorConfig::default().layers(Layers::WithoutNames);
/// let some = Extractor::new(config).extract(text);
/// let kinds = |found: &vitext::extract::Extraction<'_>| -> Vec<&str> {
///     found.iter().map(|e| e.kind.name()).collect()
/// };
/// assert_eq!(kinds(&some), ["date", "doc_ref"]);
/// assert!(kinds(&all).contains(&"person") && kinds(&all).contains(&"title"));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layers {
    /// Every kind of entity, and every link.
    #[default]
    All,
    /// Dates, times, ranges, document references and quantities, with the
    /// links between them (a document's issue date). No person, title,
    /// organization, place or credit is read, and so no link to one (a
    /// document's issuing body, a title's holder); the caller's patterns
    /// ([`ExtractorBuilder::pattern`]), which find names, are not applied.
    ///
    /// Every date, document and quantity read with the names is read
    /// without them, as it was. What the names layer would have held
    /// comes out besides: a number inside a name (`quận 8`, `Bệnh viện
    /// Quân y 87`) is a quantity here, and a street named for a date
    /// (`đường 3 Tháng 2`) a date.
    WithoutNames,
}

impl ExtractorConfig {
    /// The date partial dates are read against (their year is assumed from
    /// it). Without one, the dateline at the top of an article is used when
    /// there is one; the clock never is.
    pub fn reference_date(mut self, year: i32, month: u8, day: u8) -> ExtractorConfig {
        let mut v = DateValue {
            year: Some(year),
            month: Some(month),
            day: Some(day),
            ..DateValue::default()
        };
        v.granularity = Some(Granularity::Day);
        self.reference = Some(v);
        self
    }

    /// The reference date, if one was given.
    pub fn reference(&self) -> Option<&DateValue> {
        self.reference.as_ref()
    }

    /// Normalizes text as `config` says ([`Normalizer::normalize`](crate::Normalizer::normalize))
    /// before reading it, so that decomposed accents, misplaced tone marks,
    /// the look-alike `Ð` and invisible characters hide no entity. Spans
    /// still point into the text given, and so do the spans inside values
    /// (a person's given name, a title's role): each is mapped back from
    /// the normalized text, and an entity's text is the text given, as
    /// written there. Text that is already normal costs one check.
    ///
    /// ```
    /// use vitext::NormalizeConfig;
    /// use vitext::extract::{EntityKind, Extractor, ExtractorConfig};
    ///
    /// let raw = "Sa\u{301}ng 10.1, ông Nguye\u{302}\u{303}n Văn An đến HÐND tỉnh.";
    /// let config = ExtractorConfig::default().normalize(NormalizeConfig::default());
    /// let found = Extractor::new(config).extract(raw);
    /// let texts: Vec<&str> = found.iter().map(|e| e.text).collect();
    /// assert_eq!(texts, ["Sa\u{301}ng 10.1", "Nguye\u{302}\u{303}n Văn An", "HÐND tỉnh"]);
    /// let EntityKind::Person(p) = &found[1].kind else { panic!() };
    /// assert_eq!(&raw[p.family.unwrap()], "Nguye\u{302}\u{303}n");
    /// ```
    pub fn normalize(mut self, config: NormalizeConfig) -> ExtractorConfig {
        self.normalize = Some(config);
        self
    }

    /// How text is normalized before it is read, if it is.
    pub fn normalization(&self) -> Option<&NormalizeConfig> {
        self.normalize.as_ref()
    }

    /// Reads only the layers `layers` names ([`Layers`]); every layer by
    /// default.
    pub fn layers(mut self, layers: Layers) -> ExtractorConfig {
        self.layers = layers;
        self
    }

    /// The layers read.
    pub fn read_layers(&self) -> Layers {
        self.layers
    }
}

/// The entity extractor: configuration, the document tables and the word
/// lists, built once. Build one with [`Extractor::new`] for the embedded
/// lists, or with an [`ExtractorBuilder`] to add a newsroom's own.
#[derive(Debug)]
pub struct Extractor {
    config: ExtractorConfig,
    tables: doc_ref::DocTables,
    /// The word lists: the embedded ones are parsed once and shared by
    /// every extractor built with [`Extractor::new`].
    lexicon: Arc<names::lexicon::Lexicon>,
    patterns: Vec<builder::UserPattern>,
}

/// The embedded word lists, parsed on first use.
static EMBEDDED_LISTS: LazyLock<Arc<names::lexicon::Lexicon>> =
    LazyLock::new(|| Arc::new(names::lexicon::Lexicon::embedded().0));

impl Default for Extractor {
    fn default() -> Extractor {
        Extractor::new(ExtractorConfig::default())
    }
}

static DEFAULT: LazyLock<Extractor> = LazyLock::new(Extractor::default);

/// Extracts entities with the shared default [`Extractor`].
///
/// ```
/// let found = vitext::extract::extract("Thông tư 01/2024/TT-BTC");
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].kind.name(), "doc_ref");
/// ```
pub fn extract(text: &str) -> Extraction<'_> {
    DEFAULT.extract(text)
}

impl Extractor {
    /// Builds an extractor with the embedded word lists.
    pub fn new(config: ExtractorConfig) -> Extractor {
        Extractor {
            config,
            tables: doc_ref::DocTables::new(),
            lexicon: Arc::clone(&EMBEDDED_LISTS),
            patterns: Vec::new(),
        }
    }

    /// A builder, to add word lists and patterns to the embedded ones.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The configuration.
    pub fn config(&self) -> &ExtractorConfig {
        &self.config
    }

    /// The entities of `text` and the links between them. Entities are in
    /// order of position, an outer entity before those inside it.
    pub fn extract<'h>(&self, text: &'h str) -> Extraction<'h> {
        let mut out = Extraction::default();
        self.extract_into(text, &mut out);
        // A result kept is not extracted into again: its working buffers
        // (a record a token, candidates, name readings) go now.
        out.scratch = extraction::Scratch::default();
        out
    }

    /// Appends the entities and links of `text` to `out`, so a caller can
    /// reuse one buffer. Link indices count from the start of `out`. `out`
    /// keeps the working buffers of the call (a record a token, the
    /// candidates, the name readings), so that extracting text after text
    /// into it allocates them once; [`Extractor::extract`] drops them.
    ///
    /// ```
    /// use vitext::extract::{Extraction, Extractor};
    ///
    /// let extractor = Extractor::default();
    /// let mut found = Extraction::default();
    /// extractor.extract_into("năm 2023", &mut found);
    /// extractor.extract_into("Nghị định 100/2019/NĐ-CP", &mut found);
    /// assert_eq!(found.len(), 2);
    /// ```
    pub fn extract_into<'h>(&self, text: &'h str, out: &mut Extraction<'h>) {
        if let Some(config) = &self.config.normalize {
            let clean = crate::normalize::Normalizer::new(*config).normalize(text);
            if !clean.is_unchanged() {
                // The caller's buffers serve the normalized text, and come
                // back.
                let mut found = Extraction::default();
                found.scratch = core::mem::take(&mut out.scratch).relabel();
                self.read_into(clean.as_str(), &mut found);
                let scratch = core::mem::take(&mut found.scratch).relabel();
                out.append_mapped(found, text, |span| clean.original_span(span));
                out.scratch = scratch;
                return;
            }
        }
        self.read_into(text, out);
    }

    /// Reads a text longer than `max` bytes in pieces of at most `max`
    /// bytes, each cut after its last line break (or, on a line longer
    /// than `max`, at a character boundary), and appends what each piece
    /// gives with its spans moved to the whole text. Nothing is read across
    /// a cut.
    fn read_in_pieces<'h>(&self, text: &'h str, out: &mut Extraction<'h>, max: usize) {
        let max = max.max(4);
        let mut from = 0;
        while let Some(rest) = text.get(from..).filter(|r| !r.is_empty()) {
            let mut cut = rest.len().min(max);
            if cut < rest.len() {
                let window = rest.as_bytes().get(..cut).unwrap_or_default();
                if let Some(line_end) = window.iter().rposition(|&b| b == b'\n') {
                    cut = line_end + 1;
                }
                while !rest.is_char_boundary(cut) {
                    cut -= 1;
                }
            }
            let piece = rest.get(..cut).unwrap_or_default();
            let mut found = Extraction::default();
            found.scratch = core::mem::take(&mut out.scratch).relabel();
            self.read_into(piece, &mut found);
            let scratch = core::mem::take(&mut found.scratch).relabel();
            out.append_mapped(found, text, |s| Span::new(s.start + from, s.end + from));
            out.scratch = scratch;
            from += cut;
        }
    }

    /// [`Extractor::extract_into`] on text as it is.
    fn read_into<'h>(&self, text: &'h str, out: &mut Extraction<'h>) {
        if text.len() > context::MAX_TEXT {
            self.read_in_pieces(text, out, context::MAX_TEXT);
            return;
        }
        // The buffers of the last text extracted into `out`, if any.
        let mut scratch = core::mem::take(&mut out.scratch);
        let mut candidates = core::mem::take(&mut scratch.candidates);
        candidates.clear();
        // One walk over the notable tokens steps every recognizer, a block
        // at a time as the tokens are read: a large text's tokens are read
        // from memory once, not five times. (Each recognizer proposes in
        // order of position, and no two propose with the same rank: the
        // resolver's choice does not depend on how their proposals
        // interleave.)
        let mut recognizers = Recognizers::default();
        let buffers = core::mem::take(&mut scratch.ctx);
        // Each proposal's place (its tokens, span, rank) is noted as it is
        // made, while it is in the cache: the resolver works on these and
        // never reads the proposals again.
        let mut places = core::mem::take(&mut scratch.places);
        places.clear();
        // The candidates whose values own memory, noted as they are made:
        // the others are emptied without being read again.
        let mut owners = core::mem::take(&mut scratch.candidate_owners);
        owners.clear();
        // News proposes about a candidate every hundred bytes: room for
        // them is made once, and fresh buffers (those of `extract`) do not
        // copy a large text's candidates again each time they grow.
        candidates.reserve(text.len() / 64);
        places.reserve(text.len() / 64);
        let ctx = context::Ctx::build(text, &self.lexicon, buffers, |ctx, block| {
            for &i in block {
                let from = candidates.len();
                recognizers.step(ctx, &self.tables, i, &mut candidates);
                // (Most steps propose nothing.)
                if candidates.len() > from {
                    let new = candidates.get(from..).unwrap_or_default();
                    for (c, k) in new.iter().zip(from..) {
                        places.push(resolve::Reading::of((c, k)));
                        if extraction::candidate_owns_heap(c) {
                            owners.push(k);
                        }
                    }
                }
            }
        });
        // Test builds step them again over the whole text, and fail if a
        // block stepped early read less than the whole text would give.
        #[cfg(debug_assertions)]
        {
            let mut again = Vec::new();
            let mut recognizers = Recognizers::default();
            for &i in ctx.notable() {
                recognizers.step(&ctx, &self.tables, i, &mut again);
            }
            debug_assert!(
                again == candidates,
                "a recognizer read past the tokens read so far"
            );
        }
        // The readings kept stay among the candidates, by index: each is
        // moved once, into `out`, as the layers are merged.
        let mut kept = core::mem::take(&mut scratch.kept);
        // The tokens of dates and document references: no name may take
        // them.
        let mut blocked = core::mem::take(&mut scratch.blocked);
        let mut resolver = core::mem::take(&mut scratch.resolver);
        // (Test builds check the places against the proposals.)
        debug_assert!(
            places
                .iter()
                .copied()
                .eq(candidates.iter().zip(0..).map(resolve::Reading::of)),
            "a proposal's place was not noted as it was made"
        );
        resolve::resolve(
            &mut places,
            ctx.len(),
            &mut blocked,
            &mut resolver,
            &mut kept,
        );
        // (The dateline is read before a month is made lunar: that changes
        // none of the fields it reads, nor those of the reference date that
        // `assume` reads. Both then change each date in one pass.)
        let reference = self.config.reference.or_else(|| {
            dateline_in(text, resolve::kept(&candidates, &kept))
                .and_then(|e| e.kind.date().copied())
        });
        // The months the text names lunar, from the lunar dates alone. (A
        // large text's other entities are not visited: each date is then
        // completed as the merge moves it, while it is in the cache.)
        let lunar = date::months_named_lunar(
            kept.iter()
                .filter(|r| r.lunar_month)
                .filter_map(|r| candidates.get(r.index))
                .map(|c| &c.entity),
        );
        let mut assumer = reference.map(Assumer::new);
        let completes = assumer.is_some() || !lunar.is_empty();
        // (Completing a date reads nothing but it, the months named lunar
        // and the reference, and changes none of the fields the merge or
        // the names read: done as the merge moves it, it gives what done
        // here would.)
        let complete = |e: &mut Entity<'h>| {
            if !completes {
                return;
            }
            lunar.apply(e);
            if let Some(assumer) = &mut assumer {
                assumer.assume(&mut e.kind);
            }
        };
        // Test builds find the same tokens from the entities' spans.
        #[cfg(debug_assertions)]
        {
            let mut again = Vec::new();
            block_tokens(&ctx, resolve::kept(&candidates, &kept), &mut again);
            debug_assert!(
                again == blocked,
                "the resolver marked other tokens than its entities hold"
            );
        }
        let mut names = core::mem::take(&mut scratch.names);
        match self.config.layers {
            Layers::All => {
                names = names::find(&ctx, &self.lexicon, &blocked, &self.patterns, names);
            }
            Layers::WithoutNames => names.clear(),
        }
        let mut merge = core::mem::take(&mut scratch.merge);
        let first = extraction::FirstLayer {
            candidates: &mut candidates,
            kept: &kept,
            complete,
        };
        extraction::merge(text, &ctx, first, &mut names, out, &mut merge);
        // (What is left of the candidates is dropped now, not held until
        // the next text.)
        extraction::clear_candidates(&mut candidates, &mut owners);
        out.scratch = extraction::Scratch {
            ctx: ctx.into_buffers(),
            candidates,
            places,
            kept,
            resolver,
            blocked,
            names,
            merge,
            candidate_owners: owners,
        };
    }
}

/// Completes the dates of a text from its reference date
/// ([`DateValue::assume`], [`DateRange::assume`]). (A lunar date's solar
/// day needs the new moons of its year: the calendar computes each year's
/// once and keeps them, so a text that repeats its lunar dates, a
/// festival's `rằm tháng Giêng`, pays for them once.)
struct Assumer {
    reference: DateValue,
}

impl Assumer {
    fn new(reference: DateValue) -> Assumer {
        Assumer { reference }
    }

    /// Completes the dates of an entity's value.
    fn assume(&mut self, kind: &mut EntityKind) {
        let reference = &self.reference;
        match kind {
            EntityKind::Date(d) | EntityKind::DateTime(DateTime { date: d, .. }) => {
                d.assume(reference);
            }
            EntityKind::DateRange(r) => r.assume(reference),
            _ => {}
        }
    }
}

/// The recognizers stepped at every notable token: coded and named
/// document references, dates and quantities.
#[derive(Default)]
struct Recognizers {
    docs: doc_ref::Finder,
    named: doc_ref::NamedFinder,
    dates: date::Finder,
    quantities: quantity::Finder,
}

impl Recognizers {
    /// Steps each recognizer at token `i`, in order of position: those
    /// that may start at a token of its kind and marks, which the record
    /// tells at once (a recognizer stepped at another token returns
    /// without a change, as it would here).
    #[inline]
    fn step<'h>(
        &mut self,
        ctx: &context::Ctx<'h>,
        tables: &doc_ref::DocTables,
        i: usize,
        out: &mut Vec<resolve::Candidate<'h>>,
    ) {
        use crate::tokenize::TokenKind;
        let Some((kind, marks)) = ctx.kind_and_marks(i) else {
            return;
        };
        let number = matches!(kind, TokenKind::Number(_));
        if number || kind == TokenKind::DocCode {
            self.docs.step(ctx, tables, i, out);
        }
        if marks & context::DOC_NOUN_START != 0 {
            self.named.step(ctx, i, out);
        }
        // (A word glued to its date, `ngày13/11`, is a word.)
        if number || marks & context::DATE_START != 0 || matches!(kind, TokenKind::Word(_)) {
            self.dates.step(ctx, i, out);
        }
        if number || marks & context::ORDINAL_NOUN != 0 {
            self.quantities.step(ctx, i, out);
        }
    }
}

/// Marks the tokens that dates, times and document references hold, from
/// their spans: what the resolver marks from their tokens, for test builds
/// to check.
#[cfg(debug_assertions)]
fn block_tokens<'a, 'h: 'a>(
    ctx: &context::Ctx<'_>,
    found: impl Iterator<Item = &'a Entity<'h>>,
    blocked: &mut Vec<bool>,
) {
    blocked.clear();
    blocked.resize(ctx.len(), false);
    let mut t = 0;
    for e in found {
        if matches!(e.kind, EntityKind::Quantity(_)) {
            continue;
        }
        // (A galloping search for the entity's first token: a large
        // text's tokens are not all walked for the few entities in it.)
        t = ctx.first_ending_after(e.span.start, t);
        let mut k = t;
        while k < ctx.len() && ctx.span(k, k).start < e.span.end {
            if let Some(b) = blocked.get_mut(k) {
                *b = true;
            }
            k += 1;
        }
    }
}

/// The dateline of an article: a full date (with a weekday or a time) in its
/// first three lines, standing on a line of its own, such as
/// `Thứ năm - 11/01/2024 14:40`.
///
/// ```
/// use vitext::extract::{dateline, extract};
/// let text = "Tiêu đề bài viết\nThứ năm - 11/01/2024 14:40\nSáng 10.1, …";
/// let found = extract(text);
/// assert_eq!(dateline(text, &found).unwrap().text, "Thứ năm - 11/01/2024 14:40");
/// ```
pub fn dateline<'a, 'h>(text: &str, entities: &'a [Entity<'h>]) -> Option<&'a Entity<'h>> {
    dateline_in(text, entities.iter())
}

/// [`dateline`] among `entities`, in order of position.
fn dateline_in<'a, 'h: 'a>(
    text: &str,
    entities: impl Iterator<Item = &'a Entity<'h>>,
) -> Option<&'a Entity<'h>> {
    entities
        .take_while(|e| {
            text.get(..e.span.start)
                .is_some_and(|before| before.len() < 600 && before.matches('\n').count() < 3)
        })
        .filter(|e| {
            // The date stands on a line of its own (a short tail such as
            // `(GMT+7)` aside).
            let before = text.get(..e.span.start).unwrap_or_default();
            let line_start = before.rfind('\n').map_or(0, |n| n + 1);
            let after = text.get(e.span.end..).unwrap_or_default();
            let tail = after.split('\n').next().unwrap_or_default();
            text.get(line_start..e.span.start)
                .is_some_and(|head| head.trim().is_empty())
                && tail.trim().len() <= 16
        })
        .find(|e| {
            let (v, timed) = match &e.kind {
                EntityKind::Date(v) => (v, false),
                EntityKind::DateTime(at) => (&at.date, true),
                _ => return false,
            };
            v.year.is_some()
                && v.month.is_some()
                && v.day.is_some()
                && (timed || v.weekday.is_some())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A text past the longest one read whole is read in pieces cut at
    /// line breaks (a lower limit stands in for 4 GiB here): each line's
    /// entities, at their places in the whole text.
    #[test]
    fn long_text_is_read_in_pieces() {
        let line = "Sáng 10.1, ông Nguyễn Văn An nhận Quyết định số 12/QĐ-UBND.\n";
        let text = line.repeat(7);
        let extractor = Extractor::default();
        let one = extractor.extract(line);
        assert!(one.len() >= 3, "{one:?}");
        let mut whole = Extraction::default();
        // Two lines and a half fit a piece: each piece holds two lines.
        extractor.read_in_pieces(&text, &mut whole, line.len() * 5 / 2);
        assert_eq!(whole.len(), 7 * one.len());
        for (k, e) in whole.iter().enumerate() {
            let want = one.get(k % one.len()).map(|e| (e.kind.name(), e.text));
            assert_eq!(Some((e.kind.name(), e.text)), want);
            assert_eq!(text.get(e.span.range()), Some(e.text));
        }
        // A line longer than a piece is cut at a character boundary.
        let mut cut = Extraction::default();
        extractor.read_in_pieces(&text, &mut cut, 7);
        assert!(cut.iter().all(|e| text.get(e.span.range()) == Some(e.text)));
    }

    #[test]
    fn extractor_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Extractor>();
    }
}
