//! Building an extractor with a newsroom's own word lists and patterns.

use core::fmt;

use regex::Regex;

use super::context::Ctx;
use super::names::lexicon::{Lexicon, Word};
use super::names::{Found, Names};
use super::{
    EntityKind, Extractor, ExtractorConfig, NameForm, OrgCategory, Organization, Person, Place,
    PlaceLevel, doc_ref,
};

/// What a user pattern's matches are.
///
/// ```
/// use vitext::extract::{Extractor, PatternKind, PlaceLevel};
///
/// let extractor = Extractor::builder()
///     .pattern(r"Khu tái định cư số \d+", PatternKind::Place(PlaceLevel::Village))
///     .build()
///     .unwrap();
/// let found = extractor.extract("Dân về Khu tái định cư số 3 từ tháng trước.");
/// assert_eq!(found[0].text, "Khu tái định cư số 3");
/// assert_eq!(found[0].kind.name(), "place");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum PatternKind {
    /// A person; the whole match is the name.
    Person,
    /// An organization of a category.
    Organization(OrgCategory),
    /// A place of a level; the whole match is the name.
    Place(PlaceLevel),
}

/// A pattern the caller added, compiled.
#[derive(Debug)]
pub(crate) struct UserPattern {
    regex: Regex,
    kind: PatternKind,
}

/// Builds an [`Extractor`] with names, titles and patterns added to the
/// embedded word lists, without touching any global.
///
/// ```
/// use vitext::extract::{Extractor, OrgCategory, PatternKind, PlaceLevel};
///
/// let extractor = Extractor::builder()
///     .organization("Báo Sông Trà", OrgCategory::Media)
///     .place("Xóm Chài", PlaceLevel::Village)
///     .role("Trưởng ban biên tập")
///     .pattern(r"Đội \d+ Thanh niên xung phong", PatternKind::Organization(OrgCategory::Association))
///     .build()
///     .unwrap();
/// let found = extractor.extract("Trưởng ban biên tập Báo Sông Trà Lê Văn Ba về Xóm Chài cùng Đội 5 Thanh niên xung phong.");
/// let kinds: Vec<(&str, &str)> = found.iter().map(|e| (e.kind.name(), e.text)).collect();
/// assert!(kinds.contains(&("organization", "Báo Sông Trà")));
/// assert!(kinds.contains(&("place", "Xóm Chài")));
/// assert!(kinds.contains(&("person", "Lê Văn Ba")));
/// assert!(kinds.contains(&("organization", "Đội 5 Thanh niên xung phong")));
/// ```
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    config: ExtractorConfig,
    words: Vec<(String, Entry)>,
    patterns: Vec<(String, PatternKind)>,
}

#[derive(Clone, Debug)]
enum Entry {
    Org(OrgCategory),
    Place(PlaceLevel),
    Role,
    Rank,
    Honorific,
    Surname,
}

impl ExtractorBuilder {
    /// The configuration (reference date) of the extractor.
    pub fn config(&mut self, config: ExtractorConfig) -> &mut ExtractorBuilder {
        self.config = config;
        self
    }

    /// Adds an organization known by name (`Báo Sông Trà`, `FLC`).
    pub fn organization(&mut self, name: &str, category: OrgCategory) -> &mut ExtractorBuilder {
        self.words.push((name.to_owned(), Entry::Org(category)));
        self
    }

    /// Adds a place known by name.
    pub fn place(&mut self, name: &str, level: PlaceLevel) -> &mut ExtractorBuilder {
        self.words.push((name.to_owned(), Entry::Place(level)));
        self
    }

    /// Adds a role head (`Trưởng ban biên tập`): a title, with the
    /// organization after it when there is one.
    pub fn role(&mut self, role: &str) -> &mut ExtractorBuilder {
        self.words.push((role.to_owned(), Entry::Role));
        self
    }

    /// Adds a rank, degree or honour (`Thiếu tá`, `TSKH`).
    pub fn rank(&mut self, rank: &str) -> &mut ExtractorBuilder {
        self.words.push((rank.to_owned(), Entry::Rank));
        self
    }

    /// Adds an honorific (`ông`, `bà` are embedded; `sư thầy`, say).
    pub fn honorific(&mut self, word: &str) -> &mut ExtractorBuilder {
        self.words.push((word.to_owned(), Entry::Honorific));
        self
    }

    /// Adds a family name.
    pub fn surname(&mut self, name: &str) -> &mut ExtractorBuilder {
        self.words.push((name.to_owned(), Entry::Surname));
        self
    }

    /// Adds a pattern (the syntax of the `regex` crate) whose matches are
    /// entities of `kind`. A match must start and end on token boundaries,
    /// and takes precedence over the names the word lists find there; it
    /// never takes a date or a document reference.
    pub fn pattern(&mut self, pattern: &str, kind: PatternKind) -> &mut ExtractorBuilder {
        self.patterns.push((pattern.to_owned(), kind));
        self
    }

    /// Builds the extractor. Fails when a pattern does not compile or a
    /// word is empty.
    pub fn build(&self) -> Result<Extractor, BuildError> {
        let mut lexicon = Lexicon::embedded().0;
        for (phrase, entry) in &self.words {
            if phrase.trim().is_empty() {
                return Err(BuildError {
                    kind: BuildErrorKind::EmptyWord,
                    source: None,
                });
            }
            let added = match *entry {
                Entry::Org(category) => lexicon.add_org(phrase, category, None),
                Entry::Place(level) => lexicon.add(phrase, Word::Place(level)),
                Entry::Role => lexicon.add(phrase, Word::Role { needs_org: false }),
                Entry::Rank => lexicon.add(phrase, Word::Rank),
                Entry::Honorific => lexicon.add(phrase, Word::Honorific),
                Entry::Surname => lexicon.add(phrase, Word::Surname),
            };
            if !added {
                return Err(BuildError {
                    kind: BuildErrorKind::Unmatchable(phrase.clone()),
                    source: None,
                });
            }
        }
        lexicon.seal();
        let mut patterns = Vec::new();
        for (pattern, kind) in &self.patterns {
            let regex = Regex::new(pattern).map_err(|e| BuildError {
                kind: BuildErrorKind::Pattern(pattern.clone()),
                source: Some(e),
            })?;
            patterns.push(UserPattern { regex, kind: *kind });
        }
        Ok(Extractor {
            config: self.config.clone(),
            tables: doc_ref::DocTables::new(),
            lexicon: std::sync::Arc::new(lexicon),
            patterns,
        })
    }
}

/// Why an [`ExtractorBuilder`] could not build.
///
/// ```
/// use vitext::extract::{BuildErrorKind, Extractor, PatternKind};
///
/// let err = Extractor::builder().pattern("(", PatternKind::Person).build().unwrap_err();
/// assert_eq!(err.kind(), &BuildErrorKind::Pattern("(".into()));
/// assert_eq!(err.to_string(), "pattern \"(\" does not compile");
/// assert!(std::error::Error::source(&err).is_some());
/// ```
#[derive(Debug)]
pub struct BuildError {
    kind: BuildErrorKind,
    source: Option<regex::Error>,
}

/// What went wrong in a [`BuildError`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BuildErrorKind {
    /// A pattern does not compile.
    Pattern(String),
    /// A word to add is empty.
    EmptyWord,
    /// A word to add can never match: it has a word longer than 16 bytes,
    /// or more than 16 words.
    Unmatchable(String),
}

impl BuildError {
    /// What went wrong.
    pub fn kind(&self) -> &BuildErrorKind {
        &self.kind
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            BuildErrorKind::Pattern(p) => write!(f, "pattern {p:?} does not compile"),
            BuildErrorKind::EmptyWord => write!(f, "a word to add is empty"),
            BuildErrorKind::Unmatchable(w) => write!(f, "{w:?} can never match a text's words"),
        }
    }
}

impl std::error::Error for BuildError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Adds the matches of the user's patterns to `names`, in place of the
/// names they overlap. Linear in the text and the matches.
pub(crate) fn apply_patterns(
    patterns: &[UserPattern],
    ctx: &Ctx<'_>,
    blocked: &[bool],
    names: &mut Names<'_>,
) {
    if patterns.is_empty() {
        return;
    }
    let starts: Vec<usize> = (0..ctx.len())
        .filter_map(|i| ctx.tok(i).map(|t| t.start()))
        .collect();
    let ends: Vec<usize> = (0..ctx.len())
        .filter_map(|i| ctx.tok(i).map(|t| t.end()))
        .collect();
    let mut claimed = vec![false; ctx.len()];
    let mut matches = Vec::new();
    for p in patterns {
        for m in p.regex.find_iter(ctx.text) {
            let (Ok(first), Ok(last)) = (
                starts.binary_search(&m.start()),
                ends.binary_search(&m.end()),
            ) else {
                continue;
            };
            let end = last + 1;
            let taken = |b: &[bool]| b.get(first..end).is_none_or(|b| b.iter().any(|&x| x));
            if end <= first || taken(blocked) || taken(&claimed) {
                continue;
            }
            if let Some(c) = claimed.get_mut(first..end) {
                c.fill(true);
            }
            let span = ctx.span(first, last);
            let kind = match p.kind {
                PatternKind::Person => EntityKind::Person(person_of(ctx, first, last)),
                PatternKind::Organization(category) => EntityKind::Organization(Organization {
                    category,
                    expansion: None,
                    term: None,
                }),
                PatternKind::Place(level) => EntityKind::Place(Place {
                    level,
                    unit: None,
                    name: span,
                }),
            };
            matches.push(Found::spanning(first, end, span, kind));
        }
    }
    if matches.is_empty() {
        return;
    }
    let mut map = vec![None; names.found.len()];
    let mut keep = Vec::with_capacity(names.found.len());
    for (k, f) in std::mem::take(&mut names.found).into_iter().enumerate() {
        let overlaps = claimed
            .get(f.first..f.end)
            .is_some_and(|c| c.iter().any(|&x| x));
        if !overlaps {
            if let Some(slot) = map.get_mut(k) {
                *slot = Some(keep.len());
            }
            keep.push(f);
        }
    }
    names.found = keep;
    names.links = std::mem::take(&mut names.links)
        .into_iter()
        .filter_map(|(kind, a, b)| {
            Some((
                kind,
                map.get(a).copied().flatten()?,
                map.get(b).copied().flatten()?,
            ))
        })
        .collect();
    names.found.extend(matches);
}

/// A person matched by a pattern over the tokens `first..=last`: one word
/// is a given name; more are read family name first (`Lê Văn Ba`).
fn person_of(ctx: &Ctx<'_>, first: usize, last: usize) -> Person {
    if first == last {
        let mut person = Person::new(NameForm::Given);
        person.given = Some(ctx.span(first, last));
        return person;
    }
    let mut person = Person::new(NameForm::Full);
    person.family = Some(ctx.span(first, first));
    person.middle = (first + 1 < last).then(|| ctx.span(first + 1, last - 1));
    person.given = Some(ctx.span(last, last));
    person
}
