//! The second pass: later mentions linked to the first full name, titles
//! without a name given the holder of the same title earlier, and bare
//! names re-read in the light of the rest of the text.
//!
//! Every step keeps what it has seen in hash maps keyed by text, so the pass
//! is linear in the number of names however many distinct ones a text has.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::lexicon::{KeyHasher, OPENS, class};
use super::parse::{Cue, PersonParse, is_initials};
use super::{Bytes, Found, Scanner, foreign_capital_kind};
use crate::extract::context::{pack, word_keys};
use crate::extract::extraction::owns_heap;
use crate::extract::sort::sort_mostly_sorted;
use crate::extract::{
    EntityKind, LinkKind, NameForm, OrgCategory, Organization, Person, Place, PlaceLevel,
};
use crate::span::Span;
use crate::tokenize::{Casing, TokenKind};

/// The trie's hasher: the keys are short strings and small numbers.
pub(super) type Fast = BuildHasherDefault<KeyHasher>;

/// The second pass's buffers, kept between texts (in [`Names`](super::Names))
/// so that they are allocated once. Those keyed by the text's words take
/// its lifetime `'h`: they are emptied, not dropped, for the next text of
/// the same caller's [`Extraction`](crate::extract::Extraction), and
/// dropped only where the buffers move to a text of another lifetime (see
/// [`Buffers::relabel`]).
#[derive(Debug, Default)]
pub(super) struct Buffers<'h> {
    held: Held,
    /// The free capitals ([`Free`]), emptied: they borrow the text, and
    /// take its lifetime again for each text.
    free: Vec<Free<'static>>,
    /// The free capitals in foreign letters or abbreviations, emptied
    /// likewise: the steps that read only those walk these, a few of the
    /// free capitals.
    foreign: Vec<Free<'static>>,
    /// The [`Free::key`] of each free capital, in their order, and the
    /// [`Free::pair_key`] of those in title case before another, with
    /// their place in `free` (see [`Frees`]).
    keys: Vec<u64>,
    pair_keys: Vec<(u64, u32)>,
    /// A map from token to entity (or entity to entity) that a step fills
    /// and reads alone, emptied between steps.
    index: HashMap<usize, usize, Fast>,
    /// The entities in order of position, for the steps that walk them so.
    order: Vec<Spot>,
    briefs: Briefs,
    /// The vectors the steps fill and empty (see [`Spare`]).
    spare: Spare,
    /// The names met with their unit word or head ([`names_met`]).
    met: Met<'h>,
    /// What the persons named in full give ([`full_names`]).
    full: FullNames<'h>,
    /// The maps of names met before ([`same_person`], [`same_title`]).
    before: NamedBefore<'h>,
    /// The words that some steps gather before they test them.
    words: Words<'h>,
    /// The persons and the titles ([`persons_and_titles`]), emptied.
    persons: Vec<Spot>,
    titles: Vec<Spot>,
}

/// The words of the text that some steps gather in a loop of their own
/// before they test them (see each), kept between texts: in a large text
/// each vector holds some hundreds of kilobytes.
#[derive(Debug, Default)]
struct Words<'h> {
    /// The bare places ([`clubs_named_like_places`]): index, text, and
    /// whether a word of place comes before.
    located: Vec<(usize, &'h str, bool)>,
    /// The bare places of one word ([`given_names_alone`]): index, first
    /// token and text.
    places: Vec<(usize, usize, &'h str)>,
    /// The capitals alone that are a given name met before
    /// ([`given_names_alone`]): token and text.
    alone: Vec<(usize, &'h str)>,
    /// The same, with whether each follows `tiếng` and whether the next
    /// word is on its line.
    facts: Vec<(usize, &'h str, bool, bool)>,
}

/// Vectors that a step fills and empties before the next, kept between
/// steps and between texts. (In a large text each holds some hundreds of
/// kilobytes: allocated afresh at each step, they come as fresh pages from
/// the system, which each cost a fault on the first write.)
#[derive(Debug, Default)]
struct Spare {
    /// A flag for each entity: those a step drops.
    flags: Vec<bool>,
    /// A flag for each token: those a step marks.
    tokens: Vec<bool>,
    /// The entities a step adds, moved to the entities found at its end.
    added: Vec<Found>,
    /// Entities' places ([`Spot`]) that a step sorts.
    spots: Vec<Spot>,
    /// Where [`sort_mostly_sorted`] sets aside the items out of order.
    aside: Vec<Spot>,
    /// The bare places by their first token: index and end
    /// ([`names_met_before`]).
    bare_at: HashMap<usize, (usize, usize), Fast>,
    /// The organizations by the token they end before
    /// ([`bodies_joined_to_bodies`]).
    org_ends: HashMap<usize, OrgCategory, Fast>,
}

impl Spare {
    /// The flags, taken, one for each of `n` entities, none set. (Put back
    /// with [`Spare::put_flags`].)
    fn take_flags(&mut self, n: usize) -> Vec<bool> {
        let mut flags = core::mem::take(&mut self.flags);
        flags.clear();
        flags.resize(n, false);
        flags
    }

    fn put_flags(&mut self, flags: Vec<bool>) {
        self.flags = flags;
    }

    /// The vector of entities to add, taken empty. (Put back, once moved
    /// to the entities, with [`Spare::put_added`].)
    fn take_added(&mut self) -> Vec<Found> {
        let mut added = core::mem::take(&mut self.added);
        added.clear();
        added
    }

    /// Moves `added` to the end of `found` and keeps the vector.
    fn put_added(&mut self, found: &mut Vec<Found>, mut added: Vec<Found>) {
        found.append(&mut added);
        self.added = added;
    }
}

impl Buffers<'_> {
    /// The same buffers, for a text of another lifetime: those that hold
    /// none of the text keep their memory, the maps keyed by its words
    /// start anew.
    pub(super) fn relabel<'b>(self) -> Buffers<'b> {
        Buffers {
            held: self.held,
            free: self.free,
            foreign: self.foreign,
            keys: self.keys,
            pair_keys: self.pair_keys,
            index: self.index,
            order: self.order,
            briefs: self.briefs,
            spare: self.spare,
            met: Met::default(),
            full: FullNames::default(),
            before: NamedBefore::default(),
            words: Words::default(),
            persons: self.persons,
            titles: self.titles,
        }
    }

    /// Adds, for each of the `n` entities found over one token or more and
    /// not dropped, its span and index: what the merge sorts, read from the
    /// briefs and their spans (28 bytes an entity), not from the entities
    /// (216). [`resolve`] leaves the briefs up to date; whether they were
    /// (nothing is added if they hold other than `n` entities).
    pub(super) fn spans_into(
        &self,
        n: usize,
        out: &mut Vec<(usize, core::cmp::Reverse<usize>, usize)>,
    ) -> bool {
        let Briefs { list, bytes, .. } = &self.briefs;
        if list.len() != n || bytes.len() != n {
            return false;
        }
        out.extend(
            list.iter()
                .zip(bytes)
                .enumerate()
                .filter(|(_, (b, _))| b.first < b.end && b.sort != Sort::Gone)
                .map(|(k, (_, s))| (s.start as usize, core::cmp::Reverse(s.end as usize), k)),
        );
        true
    }

    /// The indices of the `n` entities whose values may own memory on the
    /// heap (see [`owns_heap`]): the entities read by the last pass, if
    /// there are `n` of them, or `None`. The others own nothing, and can be
    /// forgotten rather than dropped (see [`Names::clear_found`]).
    ///
    /// [`Names::clear_found`]: super::Names::clear_found
    pub(super) fn owners(&self, n: usize) -> Option<&[usize]> {
        let Briefs { list, owners, .. } = &self.briefs;
        (list.len() == n).then_some(owners.as_slice())
    }
}

pub(super) fn resolve(s: &mut Scanner<'_, '_, '_>) {
    let Buffers {
        mut held,
        free,
        foreign,
        mut keys,
        mut pair_keys,
        mut index,
        mut order,
        mut briefs,
        spare,
        mut met,
        mut full,
        mut before,
        mut words,
        mut persons,
        mut titles,
    } = core::mem::take(&mut s.names.coref);
    keys.clear();
    pair_keys.clear();
    briefs.start();
    clubs_named_like_places(s, &mut briefs, &mut words.located);
    held.start(s.ctx.len());
    // The steps below read only capitals that no name holds yet, and none
    // takes a name away: those free now are all they may read. (Most
    // capitals are held, and a large text's tokens are far from the cache:
    // what each step tests first is gathered here, once.)
    let mut free = relabel(free);
    let mut foreign = relabel(foreign);
    {
        let covered = held.update(briefs.update(&s.names.found));
        for c in s.ctx.capitals() {
            if covered.get(c.i).copied().unwrap_or(true) {
                continue;
            }
            // (What the records give, in test builds.)
            debug_assert!(
                c.text(s.ctx.text) == s.ctx.text_of(c.i)
                    && Some(c.kind) == s.ctx.kind(c.i)
                    && c.next == s.ctx.kind(c.i + 1)
                    && Some(c.pair(s.ctx.text)) == s.ctx.span(c.i, c.i + 1).get(s.ctx.text),
                "a capital's facts differ from its records"
            );
            let (text, pair) = (c.text(s.ctx.text), c.pair(s.ctx.text));
            let f = Free {
                i: c.i,
                text,
                kind: Some(c.kind),
                next: c.next,
                pair,
                key: TextFilter::key(text),
                // (Only pairs of two words in title case are asked for.)
                pair_key: if title_pair(Some(c.kind), c.next) {
                    TextFilter::key(pair)
                } else {
                    0
                },
            };
            if foreign_capital_kind(c.kind) {
                foreign.push(f);
            }
            keys.push(f.key);
            if f.pair_key != 0 {
                let at = u32::try_from(free.len()).unwrap_or(u32::MAX);
                pair_keys.push((f.pair_key, at));
            }
            free.push(f);
        }
    }
    let mut seen = Seen {
        held,
        briefs,
        spare,
    };
    let frees = Frees {
        list: &free,
        keys: &keys,
        pair_keys: &pair_keys,
    };
    places_listed_under_one_unit(s, &mut seen);
    bodies_joined_to_bodies(
        s,
        frees.list,
        &foreign,
        &mut seen.briefs,
        &mut seen.spare.org_ends,
    );
    names_met(s, &mut seen.briefs, &mut met);
    people_named_like_companies(s, &met, &mut seen.briefs, &mut index);
    names_met_before(s, &met, frees, &mut seen);
    places_met_inside_bodies(s, &met, &mut seen.briefs, &mut seen.spare.tokens);
    abbreviations_in_brackets(s, frees, &mut seen);
    aliases(s, frees, &mut seen);
    // (No step from here on adds or changes a full name.)
    full_names(s, &mut seen.briefs, &mut full);
    given_names_alone(s, frees, &mut seen, &full, &mut index, &mut words);
    holders_that_begin_words(s, &full, &mut seen);
    holders_read_into_bodies(s, &full, &mut seen);
    pairs_read_as_places(s, &mut seen, &full, &mut index);
    places_named_by_pairs(s, &mut seen, &full);
    persons_located_at(s, &mut seen, &full);
    places_named_like_people_just_met(s, &mut seen, &full);
    // (The three steps below read only words in foreign letters.)
    foreign_places_come_from(s, &foreign, &mut seen);
    lone_foreign_names(s, &foreign, &mut seen);
    foreign_family_names_alone(s, &foreign, &mut seen);
    // (No step from here on adds or changes an entity but the last, which
    // drops titles: the persons and titles are gathered once for them.)
    let briefs = seen.briefs.update(&s.names.found);
    persons_and_titles(briefs, &mut persons, &mut titles);
    let spare = &mut seen.spare;
    same_person(
        s,
        briefs,
        &persons,
        &mut order,
        &mut spare.aside,
        &mut before,
    );
    held_by_verb(
        s,
        briefs,
        &persons,
        &titles,
        &mut index,
        &mut spare.spots,
        &mut spare.aside,
    );
    same_title(
        s,
        briefs,
        &titles,
        &mut order,
        &mut index,
        &mut spare.aside,
        &mut before.by_text,
    );
    generic_titles(s, &titles, &mut seen);
    remove_dropped(s, &mut seen.briefs);
    let Seen {
        held,
        briefs,
        spare,
    } = seen;
    persons.clear();
    titles.clear();
    free.clear();
    foreign.clear();
    index.clear();
    s.names.coref = Buffers {
        held,
        free: relabel(free),
        foreign: relabel(foreign),
        keys,
        pair_keys,
        index,
        order,
        briefs,
        spare,
        met,
        full,
        before,
        words,
        persons,
        titles,
    };
}

/// What the persons named in full give for the names alone that follow.
#[derive(Debug, Default)]
struct FullNames<'h> {
    /// The first position each given name is met at in a full name.
    givens: HashMap<&'h str, usize, Fast>,
    /// Each middle and given name (`Thu Pha` of `Nguyễn Thị Thu Pha`) and
    /// where the first full name found with it starts.
    pairs: HashMap<&'h str, usize, Fast>,
    /// The texts of `givens` and of `pairs` in filters, which refuse most
    /// free capitals (and pairs) without a lookup.
    given_filter: TextFilter,
    pair_filter: TextFilter,
}

/// Gathers [`FullNames`] from the persons found into `names`, emptied
/// first, in one walk; the maps are sized once, for all of them.
fn full_names<'h>(s: &Scanner<'_, 'h, '_>, briefs: &mut Briefs, names: &mut FullNames<'h>) {
    let briefs = briefs.update(&s.names.found);
    let full = briefs.pick(|b| b.has(Marks::FULL));
    let n = full.len();
    names.givens.clear();
    names.givens.reserve(n);
    names.pairs.clear();
    names.pairs.reserve(n);
    for k in full {
        let Some(f) = s.names.found.get(k) else {
            continue;
        };
        let EntityKind::Person(p) = &f.kind else {
            continue;
        };
        if let Some(g) = given_of(s, p) {
            names
                .givens
                .entry(g)
                .and_modify(|at| *at = (*at).min(f.first))
                .or_insert(f.first);
        }
        if let Some(two) = last_two_names(s, p) {
            names.pairs.entry(two).or_insert(f.first);
        }
    }
    names.given_filter.fill(names.givens.keys().copied());
    names.pair_filter.fill(names.pairs.keys().copied());
}

/// The same vector, emptied, for another lifetime of the text: it keeps
/// its capacity.
// The items change lifetime, which `filter` cannot do.
#[allow(clippy::unnecessary_filter_map)]
fn relabel<'b>(free: Vec<Free<'_>>) -> Vec<Free<'b>> {
    // (`filter_map` collects in place: same layout, no allocation.)
    free.into_iter().filter_map(|_| None).collect()
}

/// The places listed after one written with a plural unit word: `các xã
/// Lệ Thủy, Tân Mỹ và Sen Ngư`, `hai huyện Tuy Phước và Vân Canh`. Each is
/// a place of the same level, its unit word shared; what the first pass
/// read of them alone (`Mỹ` in `Tân Mỹ`) gives way. So are the streets
/// of a corner, named after people as streets are: `góc đường Hai Bà
/// Trưng - Nguyễn Đình Chiểu`, `giao lộ đường Lê Lợi và Pasteur`.
fn places_listed_under_one_unit(s: &mut Scanner<'_, '_, '_>, seen: &mut Seen) {
    let plural = |s: &Scanner<'_, '_, '_>, k: usize| {
        s.ctx
            .which(
                k,
                word_keys![
                    "các", "những", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám"
                ],
            )
            .is_some()
    };
    let corner = |s: &Scanner<'_, '_, '_>, k: usize| {
        s.ctx
            .which(k, word_keys!["góc", "lộ", "tư", "ba"])
            .is_some_and(|w| {
                w == 0 || (k > 0 && s.ctx.which(k - 1, word_keys!["giao", "ngã"]).is_some())
            })
    };
    // A corner's first street written without its unit word: `giao lộ
    // Lê Lợi - Pasteur`. (Two names at least: `góc Hà Nội` is no street.)
    let joined = |s: &Scanner<'_, '_, '_>, k: usize| {
        (s.ctx.is_dash(k) || s.ctx.is(k, "và")) && s.ctx.capital(k + 1)
    };
    // (Where the list starts, the level, whether it is a corner's streets,
    // and whether the list's first name is one of them.)
    let briefs = seen.briefs.update(&s.names.found);
    let heads: Vec<(usize, PlaceLevel, bool, bool)> = briefs
        .iter()
        .filter(|b| !b.inner && b.first > 0)
        .filter_map(|b| {
            let (first, end) = (b.first(), b.end());
            match b.sort {
                Sort::Person { .. } | Sort::Place { unit: false, .. }
                    if corner(s, first - 1) && joined(s, end) =>
                {
                    Some((first, PlaceLevel::Street, true, true))
                }
                Sort::Place { level, unit: true }
                    if (level.is_division() || level == PlaceLevel::Village)
                        && plural(s, first - 1) =>
                {
                    Some((end, level, false, false))
                }
                Sort::Place {
                    level: PlaceLevel::Street,
                    unit: true,
                } if corner(s, first - 1) => Some((end, PlaceLevel::Street, true, false)),
                _ => None,
            }
        })
        .collect();
    if heads.is_empty() {
        return;
    }
    // The entities by their first token, to find what a listed name holds.
    let mut by_first = core::mem::take(&mut seen.spare.spots);
    by_first.clear();
    by_first.extend(
        briefs
            .iter()
            .enumerate()
            .filter(|(_, b)| b.sort != Sort::Gone)
            .map(|(k, b)| (b.first(), b.end(), k)),
    );
    // (No two are equal: each holds its index.)
    sort_mostly_sorted(&mut by_first, &mut seen.spare.aside, |&t| t);
    let mut gone = seen.spare.take_flags(s.names.found.len());
    let mut added = seen.spare.take_added();
    for (end, level, corner, first_named) in heads {
        let mut j = end;
        let mut first_named = first_named;
        // (Eight names at most, two more at a corner: the walk stays short
        // on any input.)
        for _ in 0..if corner { 2 } else { 8 } {
            // (A member's province in brackets is passed over: `các làng
            // Đào Thục (Hà Nội), Nguyên Xá, Đông Các (Hưng Yên) và …`.)
            if s.ctx.is_char(j, '(') {
                if let Some(close) = (j + 2..j + 6)
                    .find(|&c| s.ctx.is_char(c, ')'))
                    .filter(|&c| s.ctx.same_line(j, c))
                {
                    j = close + 1;
                }
            }
            let mut k = j;
            if s.ctx.is_char(k, ',') {
                k += 1;
            }
            // (A corner's streets are joined by a dash or a slash too.)
            let corner_mark = corner && k == j && (s.ctx.is_dash(k) || s.ctx.is_char(k, '/'));
            if s.ctx.is(k, "và") || s.ctx.is(k, "hoặc") || corner_mark {
                k += 1;
            }
            if (k == j && !first_named) || !s.ctx.same_line(j - 1, k) || !s.ctx.capital(k) {
                break;
            }
            first_named = false;
            let Some(e) = s.name_run(k, false) else {
                break;
            };
            // (`các xã Đạ Tẻh, Cát Tiên và Bảo Lâm 1`.)
            let numbered = level == PlaceLevel::Commune && s.numbered(e);
            let e = if numbered { e + 1 } else { e };
            // A full name is a person's, and a capital after the list
            // ends it (`…, tỉnh Quảng Trị`). (Not a name with a number
            // after it, which no person's has: `các xã Sơn Kim 1, Sơn Kim
            // 2`.)
            if (!corner
                && !numbered
                && s.person(k, Cue::None)
                    .is_some_and(|p| p.form == NameForm::Full))
                || s.lex.is(s.ctx, k, class::UNIT)
            {
                break;
            }
            // What the first pass found inside: bare places and names
            // alone give way; anything else ends the list.
            let from = by_first.partition_point(|&(first, _, _)| first < k);
            let before_overlaps = by_first[..from]
                .iter()
                .rev()
                .take(4)
                .any(|&(_, end, _)| end > k);
            let inside: Vec<usize> = by_first[from..]
                .iter()
                .take_while(|&&(first, _, _)| first < e)
                .map(|&(_, _, idx)| idx)
                .collect();
            let yields = inside.iter().all(|&idx| {
                s.names.found.get(idx).is_some_and(|f| {
                    f.end <= e
                        && match &f.kind {
                            EntityKind::Place(p) => p.unit.is_none(),
                            EntityKind::Person(p) => corner || numbered || p.form != NameForm::Full,
                            _ => false,
                        }
                })
            });
            // (A known place of another level, whole, ends it: `các
            // phường Hải Châu và Thanh Khê, Đà Nẵng`.)
            let other_level = inside.iter().any(|&idx| {
                s.names.found.get(idx).is_some_and(|f| {
                    f.first == k
                        && f.end == e
                        && matches!(&f.kind, EntityKind::Place(p) if p.level != level)
                })
            });
            if before_overlaps || !yields || other_level {
                break;
            }
            for idx in inside {
                if let Some(g) = gone.get_mut(idx) {
                    *g = true;
                }
            }
            let name = s.ctx.span(k, e - 1);
            let place = Place {
                level,
                unit: None,
                name,
            };
            added.push(Found::spanning(k, e, name, EntityKind::Place(place)));
            j = e;
        }
    }
    if gone.iter().any(|&g| g) {
        drop_found(s, &gone, seen);
    }
    seen.spare.put_flags(gone);
    seen.spare.spots = by_first;
    seen.spare.put_added(&mut s.names.found, added);
}

/// A capital that no name holds after the first pass, with its text, its
/// kind, the kind of the token after it, and the text of the two; and the
/// [`TextFilter::key`] of each text, worked out once, while the text is at
/// hand: the steps that ask a map of texts about every free capital ask a
/// filter first, which refuses most without reading the text again.
#[derive(Clone, Copy, Debug)]
struct Free<'h> {
    i: usize,
    text: &'h str,
    kind: Option<TokenKind>,
    next: Option<TokenKind>,
    pair: &'h str,
    key: u64,
    /// The key of `pair` where the two are words in title case (see
    /// [`title_pair`]); `0` elsewhere, where no step asks for it.
    pair_key: u64,
}

/// Whether a capital of kind `kind` and the token after it, of kind
/// `next`, are two syllables in title case: a middle and given name
/// (`Thu Pha`) may be.
fn title_pair(kind: Option<TokenKind>, next: Option<TokenKind>) -> bool {
    let title_syllable = Some(TokenKind::Syllable(Casing::Title));
    kind == title_syllable && next == title_syllable
}

/// The free capitals, with their keys apart: the steps that ask a filter
/// about every free capital walk the keys (8 bytes a capital) and read a
/// capital (some 60) only where the filter lets its key through. A large
/// text has thousands of free capitals, far more than the cache holds,
/// and several steps walk them.
#[derive(Clone, Copy)]
struct Frees<'a, 'h> {
    list: &'a [Free<'h>],
    /// The [`Free::key`] of each of `list`.
    keys: &'a [u64],
    /// The [`Free::pair_key`] of each of `list` in title case before
    /// another (see [`title_pair`]), and its place in `list`.
    pair_keys: &'a [(u64, u32)],
}

impl<'a, 'h> Frees<'a, 'h> {
    /// The free capitals whose key `filter` may hold, in order.
    fn passing(self, filter: &'a TextFilter) -> impl Iterator<Item = &'a Free<'h>> + 'a {
        self.keys
            .iter()
            .zip(self.list)
            .filter(|&(&key, _)| filter.may_hold(key))
            .map(|(_, f)| f)
    }

    /// [`Frees::passing`] for a filter of the texts `held` holds: test
    /// builds check first that the filter refuses no capital whose text
    /// it holds.
    fn passing_held(
        self,
        filter: &'a TextFilter,
        held: impl Fn(&str) -> bool,
    ) -> impl Iterator<Item = &'a Free<'h>> + 'a {
        debug_assert!(
            self.list
                .iter()
                .all(|f| filter.may_hold(f.key) || !held(f.text)),
            "a text held that the filter refuses"
        );
        self.passing(filter)
    }

    /// The free capitals in title case before another whose pair's key
    /// `filter` may hold, in order.
    fn pairs_passing(self, filter: &'a TextFilter) -> impl Iterator<Item = &'a Free<'h>> + 'a {
        let list = self.list;
        self.pair_keys
            .iter()
            .filter(|&&(key, _)| filter.may_hold(key))
            .filter_map(move |&(_, at)| list.get(at as usize))
    }
}

/// Which tokens the entities found so far hold, kept up to date as the
/// steps add entities: each entity is marked once, not again at every step
/// that asks. (No step takes a token from the names: an entity dropped lies
/// inside the one that replaces it, and one that grows in place is marked
/// again where it does.)
#[derive(Debug, Default)]
struct Held {
    tokens: Vec<bool>,
    /// How many entities, from the first, are marked in `tokens`.
    marked: usize,
}

impl Held {
    /// Starts over for a text of `len` tokens, none held.
    fn start(&mut self, len: usize) {
        self.tokens.clear();
        self.tokens.resize(len, false);
        self.marked = 0;
    }

    /// Marks the entities added since the last call, and gives the tokens
    /// held. A step may mark in them the tokens of entities it is about to
    /// add. (The entities are read in `briefs`, up to date: a walk over
    /// those reads a tenth of the memory that one over the entities does.)
    fn update(&mut self, briefs: &[Brief]) -> &mut [bool] {
        for b in briefs.get(self.marked..).unwrap_or_default() {
            self.mark(b.first(), b.end());
        }
        self.marked = briefs.len();
        // Test builds check them against the entities.
        #[cfg(debug_assertions)]
        {
            let mut again = vec![false; self.tokens.len()];
            for b in briefs {
                if let Some(c) = again.get_mut(b.first()..b.end()) {
                    c.fill(true);
                }
            }
            debug_assert!(
                again == self.tokens,
                "the tokens marked held differ from the entities'"
            );
        }
        &mut self.tokens
    }

    /// Marks the tokens `first..end` held.
    fn mark(&mut self, first: usize, end: usize) {
        if let Some(c) = self.tokens.get_mut(first..end) {
            c.fill(true);
        }
    }
}

/// What the steps keep of the entities found, up to date as they add,
/// change and drop them: the tokens held, and each entity in brief.
struct Seen {
    held: Held,
    briefs: Briefs,
    spare: Spare,
}

/// What the steps test of an entity first: where it lies, what it is and
/// whether it is inside another. (A large text's entities take some 200
/// bytes each, far from the cache, and most steps read a few of them: a
/// walk over these reads an eighteenth of the memory.)
#[derive(Clone, Copy, Debug, PartialEq)]
struct Brief {
    first: u32,
    end: u32,
    sort: Sort,
    inner: bool,
    /// Where the entity's name starts (`name_from`), [`NO_NAME_FROM`]
    /// when it says not.
    name_from: u32,
    /// What `sort` says as bits ([`Marks`]), which a test reads without
    /// branching (see [`Briefs::pick`]); none once the entity is gone.
    marks: u8,
}

/// The bits of [`Brief::marks`].
struct Marks;

impl Marks {
    const PERSON: u8 = 1;
    const TITLE: u8 = 1 << 1;
    const BODY: u8 = 1 << 2;
    /// A place with its unit word.
    const UNIT_PLACE: u8 = 1 << 3;
    /// A place without one ([`Brief::bare_place`]).
    const BARE_PLACE: u8 = 1 << 4;
    /// A province or a city.
    const PROVINCE_OR_CITY: u8 = 1 << 5;
    /// A person named in full.
    const FULL: u8 = 1 << 6;

    fn of(sort: Sort) -> u8 {
        match sort {
            Sort::Person { form, .. } => {
                Marks::PERSON
                    | if form == NameForm::Full {
                        Marks::FULL
                    } else {
                        0
                    }
            }
            Sort::Title => Marks::TITLE,
            Sort::Organization(_) => Marks::BODY,
            Sort::Place { level, unit } => {
                let unit = if unit {
                    Marks::UNIT_PLACE
                } else {
                    Marks::BARE_PLACE
                };
                let province_or_city = matches!(level, PlaceLevel::Province | PlaceLevel::City);
                unit | if province_or_city {
                    Marks::PROVINCE_OR_CITY
                } else {
                    0
                }
            }
            Sort::Other | Sort::Gone => 0,
        }
    }
}

/// [`Brief::name_from`] for an entity that sets none. (No token index
/// reaches it: a text holds fewer tokens than bytes.)
const NO_NAME_FROM: u32 = u32::MAX;

/// What an entity names, as far as the steps first ask.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sort {
    Person {
        form: NameForm,
        honorific: bool,
    },
    Title,
    Organization(OrgCategory),
    Place {
        level: PlaceLevel,
        unit: bool,
    },
    Other,
    /// Dropped by a step (see [`drop_found`]): no step reads it again.
    Gone,
}

impl Brief {
    fn of(f: &Found) -> Brief {
        let sort = match &f.kind {
            EntityKind::Person(p) => Sort::Person {
                form: p.form,
                honorific: p.honorific.is_some(),
            },
            EntityKind::Title(_) => Sort::Title,
            EntityKind::Organization(o) => Sort::Organization(o.category),
            EntityKind::Place(p) => Sort::Place {
                level: p.level,
                unit: p.unit.is_some(),
            },
            _ => Sort::Other,
        };
        // (Token indices fit 32 bits: a text holds fewer tokens than
        // bytes, and a `Ctx` no more than `MAX_TEXT` bytes.)
        let at = |t: usize| u32::try_from(t).unwrap_or(u32::MAX);
        Brief {
            first: at(f.first),
            end: at(f.end),
            sort,
            inner: f.inner,
            name_from: f.name_from.unwrap_or(NO_NAME_FROM),
            marks: Marks::of(sort),
        }
    }

    fn first(&self) -> usize {
        self.first as usize
    }

    fn name_from(&self) -> Option<usize> {
        (self.name_from != NO_NAME_FROM).then_some(self.name_from as usize)
    }

    fn end(&self) -> usize {
        self.end as usize
    }

    /// Whether it is a place read without a unit word (`Mỹ`, `Quảng Nam`).
    fn bare_place(&self) -> bool {
        self.has(Marks::BARE_PLACE)
    }

    fn person(&self) -> bool {
        self.has(Marks::PERSON)
    }

    /// Whether it has any of the [`Marks`] `marks`.
    fn has(&self, marks: u8) -> bool {
        self.marks & marks != 0
    }

    fn form(&self) -> Option<NameForm> {
        match self.sort {
            Sort::Person { form, .. } => Some(form),
            _ => None,
        }
    }

    /// Whether it is one token long and inside no other entity.
    fn one_word(&self) -> bool {
        // (Without a branch between the tests: see [`Briefs::pick`].)
        (self.end == self.first.wrapping_add(1)) & !self.inner & (self.sort != Sort::Gone)
    }
}

/// The briefs of the entities found, in their order, and where each lies
/// in the text. (The spans lie apart from the briefs: most walks read only
/// the briefs, and a brief stays small.) It derefs to the briefs.
#[derive(Debug, Default)]
struct Briefs {
    list: Vec<Brief>,
    /// Each entity's [`Found::bytes`]: the steps that read names' texts
    /// read them here, not from the records.
    bytes: Vec<Bytes>,
    slots: Slots,
    /// The entities dropped so far, in the order dropped: what
    /// [`remove_dropped`] empties, without a walk over the briefs.
    dropped: Vec<usize>,
    /// The entities whose values own memory on the heap ([`owns_heap`]),
    /// noted as their briefs are made: emptying the entities drops these
    /// alone, and the rest are not read again (see [`Buffers::owners`]).
    owners: Vec<usize>,
}

/// Where [`Briefs::pick`] writes, kept between its calls and between
/// texts: a vector as long as the briefs, zeroed for each step that picks,
/// costs more than the walk. (Taken out of its cell while a pick writes.)
#[derive(Default)]
struct Slots(core::cell::Cell<Vec<usize>>);

impl core::fmt::Debug for Slots {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Slots")
    }
}

impl core::ops::Deref for Briefs {
    type Target = [Brief];

    fn deref(&self) -> &[Brief] {
        &self.list
    }
}

impl Briefs {
    /// The indices of the briefs `keep` picks, in order. Written without a
    /// branch on what `keep` says: which entities a step reads is as good
    /// as random to the processor, and a walk that branches on each brief
    /// mispredicts one in a few, where this writes every index and moves
    /// on only past those picked. (`keep` is best written with `&` and
    /// `|`, which test without branching, rather than `&&` and `||`.)
    fn pick(&self, keep: impl Fn(&Brief) -> bool) -> Vec<usize> {
        let mut slots = self.slots.0.take();
        if slots.len() < self.list.len() {
            slots.resize(self.list.len(), 0);
        }
        let mut n = 0;
        for (k, b) in self.list.iter().enumerate() {
            // (`n` is at most `k`: always a place.)
            if let Some(slot) = slots.get_mut(n) {
                *slot = k;
            }
            n += usize::from(keep(b));
        }
        let picked = slots.get(..n).unwrap_or_default().to_vec();
        self.slots.0.set(slots);
        picked
    }

    /// Starts over for a text.
    fn start(&mut self) {
        self.list.clear();
        self.bytes.clear();
        self.dropped.clear();
        self.owners.clear();
    }

    /// Adds the briefs of the entities added since the last call, and
    /// gives them all. (A step that changes an entity in place says so
    /// with [`Briefs::refresh`]; test builds check them all here.)
    fn update(&mut self, found: &[Found]) -> &Briefs {
        for f in found.get(self.list.len()..).unwrap_or_default() {
            if owns_heap(&f.kind) {
                self.owners.push(self.list.len());
            }
            self.list.push(Brief::of(f));
            self.bytes.push(f.bytes);
        }
        debug_assert!(
            self.list.len() == found.len()
                && self.bytes.len() == found.len()
                && self
                    .list
                    .iter()
                    .zip(&self.bytes)
                    .zip(found)
                    .all(|((b, &bytes), f)| {
                        b.sort == Sort::Gone || (*b == Brief::of(f) && bytes == f.bytes)
                    }),
            "the briefs differ from the entities"
        );
        self
    }

    /// Follows a change to entity `k` (none dropped).
    fn refresh(&mut self, found: &[Found], k: usize) {
        if let (Some(b), Some(bytes), Some(f)) =
            (self.list.get_mut(k), self.bytes.get_mut(k), found.get(k))
        {
            if b.sort != Sort::Gone {
                *b = Brief::of(f);
                *bytes = f.bytes;
            }
            // (A value given in place may own memory: it is noted, once
            // more if it was already.)
            if owns_heap(&f.kind) {
                self.owners.push(k);
            }
        }
    }

    /// The text of entity `k` (what [`text_at`] reads from the records).
    fn text<'h>(&self, s: &Scanner<'_, 'h, '_>, k: usize) -> &'h str {
        let span = self.bytes.get(k).map(|b| b.span()).unwrap_or_default();
        let text = span.get(s.ctx.text).unwrap_or_default();
        debug_assert!(
            self.list
                .get(k)
                .is_none_or(|b| text == text_at(s, b.first(), b.end())),
            "an entity's kept span differs from its records'"
        );
        text
    }

    /// Marks the entities of `gone` dropped (see [`drop_found`]), and
    /// notes them in `dropped`. (The flags are walked, a byte an entity,
    /// and only the few briefs dropped are read.)
    fn drop(&mut self, gone: &[bool]) {
        for (k, _) in gone.iter().enumerate().filter(|&(_, &g)| g) {
            if let Some(b) = self.list.get_mut(k).filter(|b| b.sort != Sort::Gone) {
                b.sort = Sort::Gone;
                b.marks = 0;
                self.dropped.push(k);
            }
        }
    }
}

/// Puts in `persons` and in `titles` the persons and the titles, with
/// where they lie and their index, in the order found.
fn persons_and_titles(briefs: &Briefs, persons: &mut Vec<Spot>, titles: &mut Vec<Spot>) {
    let spots = |keep: fn(&Brief) -> bool, out: &mut Vec<Spot>| {
        out.clear();
        out.extend(
            briefs
                .pick(keep)
                .into_iter()
                .filter_map(|k| briefs.get(k).map(|b| (b.first(), b.end(), k))),
        );
    };
    spots(Brief::person, persons);
    spots(|b| b.has(Marks::TITLE), titles);
}

/// An entity's first token, its end and its index.
type Spot = (usize, usize, usize);

/// Where `part`, a slice of `text`, lies in it.
fn span_in(text: &str, part: &str) -> Span {
    // (A slice's place is the distance between the two starts: no byte
    // is read.)
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    Span::new(start, start.saturating_add(part.len()))
}

/// The text of the tokens `first..end`.
fn text_at<'h>(s: &Scanner<'_, 'h, '_>, first: usize, end: usize) -> &'h str {
    let span = s.ctx.span_of(first, end);
    span.get(s.ctx.text).unwrap_or_default()
}

/// The given name with the last middle name before it, as written: `Thu
/// Pha` of `Nguyễn Thị Thu Pha`, by which a text may name the person again.
fn last_two_names<'h>(s: &Scanner<'_, 'h, '_>, p: &Person) -> Option<&'h str> {
    let (m, g) = p.middle.zip(p.given)?;
    let words = m.cover(g).get(s.ctx.text)?;
    let cut = words
        .get(..words.len().saturating_sub(g.len()))?
        .trim_end()
        .rfind(' ')
        .map_or(0, |c| c + 1);
    words.get(cut..)
}

/// The given name of a person, as written.
/// Whether `text` is one capital letter and a full stop: `H.`, `Đ.`.
fn is_one_initial(text: &str) -> bool {
    let mut chars = text.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(c), Some('.'), None) if c.is_uppercase()
    ) || super::people::digraph_initial(text)
}

fn given_of<'h>(s: &Scanner<'_, 'h, '_>, p: &Person) -> Option<&'h str> {
    p.given.and_then(|g| g.get(s.ctx.text))
}

/// A bare place whose text a sports organization of the same text uses as
/// its name (`CLB Quảng Nam` … `Quảng Nam thắng 2-1`) is that club.
fn clubs_named_like_places<'h>(
    s: &mut Scanner<'_, 'h, '_>,
    briefs: &mut Briefs,
    bare: &mut Vec<(usize, &'h str, bool)>,
) {
    let mut club_names: HashSet<&str, Fast> = HashSet::default();
    // The clubs' first tokens by their ends, and their ends by their first
    // tokens, for the places their names end or begin with.
    let mut by_end: HashMap<usize, Vec<usize>, Fast> = HashMap::default();
    let mut by_first: HashMap<usize, usize, Fast> = HashMap::default();
    let list = briefs.update(&s.names.found);
    for b in list.iter() {
        if b.sort != Sort::Organization(OrgCategory::Sports) {
            continue;
        }
        by_end.entry(b.end()).or_default().push(b.first());
        by_first.insert(b.first(), b.end());
        if let Some(from) = b.name_from().filter(|&n| n < b.end()) {
            let span = s.ctx.span(from, b.end() - 1);
            if let Some(name) = span.get(s.ctx.text) {
                club_names.insert(name);
            }
        }
    }
    // A club named by its sponsor and its province or city is known by
    // the place alone: `Nam Định` after `Thép Xanh Nam Định`, `Selangor`
    // after `Selangor FC`. (Not a country: `U23 Việt Nam` leaves `Việt
    // Nam` the country.)
    let clubs = !by_first.is_empty();
    if !clubs {
        return;
    }
    let places = list.pick(|b| b.has(Marks::BARE_PLACE) & b.has(Marks::PROVINCE_OR_CITY));
    for (k, b) in places.into_iter().filter_map(|k| Some((k, list.get(k)?))) {
        let (first, end) = (b.first(), b.end());
        // (Not a police or army club's: `Hà Nội` after `Công an Hà
        // Nội` is the city, or another club.)
        let body_head = |club: usize| {
            (club..first).any(|k| {
                s.lex
                    .longest(s.ctx, k, class::HEAD)
                    .is_some_and(|h| h.end == first)
            })
        };
        let ends_club = by_end
            .get(&end)
            .is_some_and(|firsts| firsts.iter().any(|&club| first > club && !body_head(club)));
        let begins_club = b.inner && by_first.get(&first) == Some(&(end + 1));
        if ends_club || begins_club {
            club_names.insert(list.text(s, k));
        }
    }
    // In a text about clubs, a place named beside a word of a match is a
    // team: `đánh bại Quảng Nam`, `thủ môn Quảng Nam`. (A country stays
    // the country its national team plays for: `thua Philippines`.)
    let country = |b: &Brief| {
        matches!(
            b.sort,
            Sort::Place {
                level: PlaceLevel::Country,
                ..
            }
        )
    };
    let beside_match = |first: usize, end: usize| {
        (first > 0
            && (1..=2).any(|n| {
                first >= n
                    && s.lex
                        .longest(s.ctx, first - n, class::MATCH)
                        .is_some_and(|h| h.end == first)
            }))
            || s.lex.longest(s.ctx, end, class::MATCH).is_some()
    };
    // (`VĐV Kenya thắng`: after an honorific the place says where a
    // person is from.)
    let after_honorific = |first: usize| {
        (1..=3).any(|n| {
            first >= n
                && s.lex
                    .longest(s.ctx, first - n, class::HONORIFIC)
                    .is_some_and(|h| h.end == first)
        })
    };
    // The bare places (their index and text), each a team or not, in one
    // walk: the teams' names are known before any is renamed.
    bare.clear();
    for k in list.pick(|b| !b.inner & b.bare_place()) {
        let Some(b) = list.get(k) else {
            continue;
        };
        let (first, end) = (b.first(), b.end());
        let text = list.text(s, k);
        // `tại Hà Nội`, `ở Thanh Hóa`, `bay vào TP.HCM`: where something
        // happens or someone goes, the place, though a club of the text
        // bears its name.
        let travel = first > 1
            && s.ctx.is(first - 1, "vào")
            && s.ctx
                .which(first - 2, word_keys!["bay", "đi", "về", "quay", "trở"])
                .is_some();
        let located =
            travel || (first > 0 && s.ctx.which(first - 1, word_keys!["tại", "ở"]).is_some());
        if !located && !country(b) && beside_match(first, end) && !after_honorific(first) {
            club_names.insert(text);
        }
        bare.push((k, text, located));
    }
    for &(k, text, located) in bare.iter() {
        if located || !club_names.contains(text) {
            continue;
        }
        if let Some(f) = s.names.found.get_mut(k) {
            f.kind = EntityKind::Organization(Organization {
                category: OrgCategory::Sports,
                expansion: None,
                term: None,
            });
        }
        briefs.refresh(&s.names.found, k);
    }
}

/// The names met with their unit word or head, for [`names_met_before`].
/// (A large text meets thousands: no step allocates for each, and the
/// maps are sized once, for all.)
#[derive(Debug, Default)]
struct Met<'h> {
    /// For each first word: how many mentions of names it starts were met,
    /// and the lengths in tokens of those names.
    heads: HashMap<&'h str, (usize, Lengths), Fast>,
    /// The texts of `heads` in a small bitset, filled once `names_met`
    /// is done: most free capitals start no name met, and are refused
    /// here without a hash lookup.
    head_filter: TextFilter,
    /// Each name by its text and length: its first and last mention in
    /// `mentions`.
    names: HashMap<(&'h str, usize), (u32, u32), Fast>,
    /// The mentions of all names, each with the next mention of its name
    /// ([`NO_MENTION`] for its last): a list for each name in one vector.
    mentions: Vec<(Mention, u32)>,
    /// Each name met as a province, city, district or commune: where its
    /// earliest such mention ended. (Looked up once a name, however often
    /// the name was met as something else.)
    divisions: HashMap<(&'h str, usize), (usize, Named), Fast>,
    /// The first words of the names of `divisions` of two words or more,
    /// with the lengths of those names (for [`places_met_inside_bodies`]).
    division_heads: HashMap<&'h str, Lengths, Fast>,
    /// The first two words (as [`Free::pair`] gives them) of each name of
    /// three words or more, with its length: a name written again starts
    /// with them, and they are at hand where the rest of its text is not.
    long_openings: HashSet<(&'h str, usize), Fast>,
}

/// [`Met::mentions`]' end of a list.
const NO_MENTION: u32 = u32::MAX;

impl<'h> Met<'h> {
    /// Empties it for a text, keeping the maps' memory. (The filter is
    /// filled anew by [`names_met`].)
    fn clear(&mut self) {
        self.heads.clear();
        self.names.clear();
        self.mentions.clear();
        self.divisions.clear();
        self.division_heads.clear();
        self.long_openings.clear();
    }

    /// The mentions of the name `text` of `len` tokens, in order.
    fn mentions_of(
        &self,
        text: &'h str,
        len: usize,
    ) -> Option<impl Iterator<Item = &Mention> + Clone> {
        let &(first, _) = self.names.get(&(text, len))?;
        let mut at = first;
        Some(core::iter::from_fn(move || {
            let (m, next) = self.mentions.get(at as usize)?;
            at = *next;
            Some(m)
        }))
    }

    /// Adds a mention of the name `text` of `len` tokens, after its others.
    fn add_mention(&mut self, text: &'h str, len: usize, mention: Mention) {
        let at = u32::try_from(self.mentions.len()).unwrap_or(NO_MENTION);
        self.mentions.push((mention, NO_MENTION));
        match self.names.entry((text, len)) {
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let (_, last) = e.get_mut();
                if let Some((_, next)) = self.mentions.get_mut(*last as usize) {
                    *next = at;
                }
                *last = at;
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert((at, at));
            }
        }
    }
}

/// A small set of lengths in tokens, without an allocation for the
/// common ones: those under 64 are bits of a word, longer ones (rare)
/// spelled out. (The steps that read them take the best of all, in any
/// order: the order is not kept.)
#[derive(Debug, Default)]
struct Lengths {
    bits: u64,
    long: Vec<usize>,
}

impl Lengths {
    fn insert(&mut self, len: usize) {
        if len < 64 {
            self.bits |= 1 << len;
        } else if !self.long.contains(&len) {
            self.long.push(len);
        }
    }

    fn iter(&self) -> LengthsIter<'_> {
        LengthsIter {
            bits: self.bits,
            long: self.long.iter(),
        }
    }
}

/// The lengths of a [`Lengths`], the short ones first.
struct LengthsIter<'a> {
    bits: u64,
    long: core::slice::Iter<'a, usize>,
}

impl Iterator for LengthsIter<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.bits != 0 {
            let len = self.bits.trailing_zeros() as usize;
            self.bits &= self.bits - 1;
            return Some(len);
        }
        self.long.next().copied()
    }
}

/// A set of texts as a bitset of their hashes, which refuses most texts
/// outside it at the cost of a few instructions and a read of a small
/// table: a step that asks a map of a few hundred texts about every free
/// capital asks the map only for the few the filter lets through.
#[derive(Debug, Default)]
struct TextFilter {
    bits: Vec<u64>,
    /// How far a hash is shifted right to give a bit's place.
    shift: u32,
}

impl TextFilter {
    /// Fills the filter with `texts`, sized for them: some sixteen bits
    /// a text, so that about one text outside in sixteen gets through.
    fn fill<'a>(&mut self, texts: impl ExactSizeIterator<Item = &'a str>) {
        let want = (texts.len() * 16).next_power_of_two().max(1 << 10);
        self.shift = 64 - want.trailing_zeros();
        self.bits.clear();
        self.bits.resize(want / 64, 0);
        for text in texts {
            let at = self.place(TextFilter::key(text));
            if let Some(w) = self.bits.get_mut(at / 64) {
                *w |= 1 << (at % 64);
            }
        }
    }

    /// Whether the text of [`key`](TextFilter::key) `key` may be one of
    /// the texts filled (always, for one that is).
    #[inline]
    fn may_hold(&self, key: u64) -> bool {
        let at = self.place(key);
        self.bits
            .get(at / 64)
            .is_some_and(|w| w >> (at % 64) & 1 != 0)
    }

    /// A hash of the first sixteen bytes of `text` and its length (texts
    /// longer than that are few, and may share a key), the same for any
    /// filter: a text's key is worked out once, and asked of several.
    #[inline]
    fn key(text: &str) -> u64 {
        let bytes = text.as_bytes();
        let head = pack(bytes.get(..16).unwrap_or(bytes)).unwrap_or(0);
        let h = (head as u64 ^ (head >> 64) as u64).rotate_left(17) ^ bytes.len() as u64;
        h.wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }

    /// The bit of the text of key `key`: the key's top bits.
    #[inline]
    fn place(&self, key: u64) -> usize {
        (key >> self.shift) as usize
    }
}

/// A mention of a name met with its unit word or head: its rank among the
/// mentions under its first word, where it ended, and what it names.
type Mention = (usize, usize, Named);

/// What a name met with its unit word or head names alone: the place
/// without its unit word, or a body of the same kind with nothing written
/// out. (All that the entity it comes from gives it, in a few bytes: a
/// large text meets thousands of names, most never met again, and an
/// [`EntityKind`] is built only for those that are.)
#[derive(Clone, Copy, Debug)]
enum Named {
    Place { level: PlaceLevel, name: Span },
    Body(OrgCategory),
}

impl Named {
    fn kind(self) -> EntityKind {
        match self {
            Named::Place { level, name } => EntityKind::Place(Place {
                level,
                unit: None,
                name,
            }),
            Named::Body(category) => EntityKind::Organization(Organization {
                category,
                expansion: None,
                term: None,
            }),
        }
    }

    fn place(self) -> bool {
        matches!(self, Named::Place { .. })
    }

    fn body(self) -> bool {
        matches!(self, Named::Body(_))
    }
}

/// The names of places and bodies met with their unit word or head
/// (`huyện Tuy Phước`, `Huyện ủy Tuy Phước`), with what each names alone.
/// A company is met under its short names too: the capitalised words
/// that end its name, past the trade word that opens it (`Nam Phát` of
/// `Công ty CP Thép Nam Phát`, `Hải Vương` of `Công ty CP Thủy sản Hải
/// Vương`), two words at least; and a foreign one without its company
/// word (`Kaneda` of `Kaneda Holdings`).
fn names_met<'h>(s: &Scanner<'_, 'h, '_>, briefs: &mut Briefs, met: &mut Met<'h>) {
    let briefs = briefs.update(&s.names.found);
    // (Only places with their unit word and bodies are read.)
    let read = briefs.pick(|b| b.has(Marks::UNIT_PLACE | Marks::BODY));
    let n = read.len();
    met.clear();
    met.heads.reserve(n);
    met.names.reserve(n);
    met.mentions.reserve(n);
    for k in read {
        let Some(f) = s.names.found.get(k) else {
            continue;
        };
        let (from, kind) = match &f.kind {
            EntityKind::Place(p) if p.unit.is_some() => {
                let first = (f.first..f.end)
                    .find(|&t| s.ctx.tok(t).is_some_and(|t| t.start() >= p.name.start));
                let kind = Named::Place {
                    level: p.level,
                    name: p.name,
                };
                (first, kind)
            }
            // Party and state bodies are named after their place (`Huyện
            // ủy Tuy Phước`): their name alone is the place, not the body.
            EntityKind::Organization(o)
                if f.name_from.is_some() && o.category.names_after_people() =>
            {
                (f.name_from.map(|n| n as usize), Named::Body(o.category))
            }
            // A company met later without its last company word or its
            // legal form: `Kaneda Holdings` → `Kaneda`, `Hanseong
            // Semiconductor Co., Ltd.` → `Hanseong Semiconductor`.
            EntityKind::Organization(o)
                if matches!(o.category, OrgCategory::Company | OrgCategory::Sports)
                    && f.end > f.first + 1
                    && (legal_form_from(s, f.first, f.end) < f.end
                        || s.lex.is(s.ctx, f.end - 1, class::CORP)) =>
            {
                let kind = Named::Body(o.category);
                let form = legal_form_from(s, f.first, f.end);
                let end = if form < f.end { form } else { f.end - 1 };
                meet(s, met, f.first, end, kind);
                continue;
            }
            _ => continue,
        };
        let Some(from) = from.filter(|&t| t < f.end) else {
            continue;
        };
        if matches!(kind, Named::Body(OrgCategory::Company)) {
            // The last run of capitals, past the name's first word and
            // before a legal form (`Co., Ltd.`): at least two words.
            let end = legal_form_from(s, from, f.end);
            let run = (from + 1..end)
                .rev()
                .take_while(|&t| s.ctx.capital(t))
                .last();
            if let Some(short) = run.filter(|&t| end >= t + 2) {
                meet(s, met, short, end, kind);
            }
            if end < f.end {
                meet(s, met, from, end, kind);
            }
        }
        meet(s, met, from, f.end, kind);
    }
    met.head_filter.fill(met.heads.keys().copied());
}

/// Files the name of tokens `from..end`, which names `kind` alone, in
/// `met`: only a name of capitalised words (not `Y tế` of `Sở Y tế`).
fn meet<'h>(s: &Scanner<'_, 'h, '_>, met: &mut Met<'h>, from: usize, end: usize, kind: Named) {
    if from >= end || !s.ctx.capital(from) {
        return;
    }
    if !(from..end).all(|t| s.ctx.capital(t) || !s.ctx.kind(t).is_some_and(TokenKind::is_wordlike))
    {
        return;
    }
    let span = s.ctx.span(from, end - 1);
    let (Some(text), head) = (span.get(s.ctx.text), s.ctx.text_of(from)) else {
        return;
    };
    let len = end - from;
    if len >= 3 {
        if let Some(opening) = s.ctx.span(from, from + 1).get(s.ctx.text) {
            met.long_openings.insert((opening, len));
        }
    }
    let (count, lens) = met.heads.entry(head).or_default();
    let rank = *count;
    *count += 1;
    lens.insert(len);
    if matches!(kind, Named::Place { level, .. } if level.is_division()) {
        if len >= 2 {
            met.division_heads.entry(head).or_default().insert(len);
        }
        met.divisions
            .entry((text, len))
            .and_modify(|seen| {
                if end < seen.0 {
                    *seen = (end, kind);
                }
            })
            .or_insert((end, kind));
    }
    met.add_mention(text, len, (rank, end, kind));
}

/// A place or body named with its unit word or head earlier and later by
/// its name alone: `Tuy Phước` after `huyện Tuy Phước`, `Lumira` after
/// `startup Lumira`. The name takes in what the first pass read of its
/// words as bare places: inside a body they are places it names (`Việt
/// Nam` in `Hanseong Semiconductor Việt Nam` after `Công ty TNHH Hanseong
/// Semiconductor Việt Nam`), inside a place only words of its name (`Mỹ`
/// in `Tân Mỹ` after `xã Tân Mỹ`).
fn names_met_before(
    s: &mut Scanner<'_, '_, '_>,
    met: &Met<'_>,
    free: Frees<'_, '_>,
    seen: &mut Seen,
) {
    if met.names.is_empty() {
        return;
    }
    // The bare places of the first pass by their first token: index and
    // end.
    let briefs = seen.briefs.update(&s.names.found);
    let mut bare_at = core::mem::take(&mut seen.spare.bare_at);
    bare_at.clear();
    bare_at.extend(
        briefs
            .pick(|b| !b.inner & b.bare_place())
            .into_iter()
            .filter_map(|k| briefs.get(k).map(|b| (b.first(), (k, b.end())))),
    );
    let covered = &*seen.held.update(seen.briefs.update(&s.names.found));
    // Whether the tokens `i..end` are free but for bare places that lie
    // inside them, which go into `taken`.
    let free_but_places = |i: usize, end: usize, taken: &mut Vec<usize>| {
        let mut t = i;
        while t < end {
            if !covered.get(t).copied().unwrap_or(true) {
                t += 1;
                continue;
            }
            match bare_at.get(&t) {
                Some(&(k, e)) if e <= end => {
                    taken.push(k);
                    t = e;
                }
                _ => return false,
            }
        }
        true
    };
    let mut gone = seen.spare.take_flags(s.names.found.len());
    let mut found = seen.spare.take_added();
    // The first token a new mention may start at.
    let mut free_from = 0;
    // (Most free capitals start no name met: the filter refuses them
    // before they are read.)
    let heads = |text: &str| met.heads.contains_key(text);
    for &Free {
        i,
        text,
        pair,
        kind: word_kind,
        next,
        ..
    } in free.passing_held(&met.head_filter, heads)
    {
        if i < free_from {
            continue;
        }
        // A syllable met alone as a place opens a word with the lower-case
        // syllable after it (`phố Hội` … `tại Hội nghị`, `Hội đồng`): it is
        // read again as the place only before anything else.
        let opens_a_word = word_kind == Some(TokenKind::Syllable(Casing::Title))
            && next == Some(TokenKind::Syllable(Casing::Lower))
            && s.ctx.same_line(i, i + 1);
        let Some((_, lens)) = met.heads.get(text) else {
            continue;
        };
        // The earliest mention, ended before `i`, of a name written here
        // again; each length of the names with this first word is one
        // lookup.
        let mut hit: Option<(usize, usize, Named, Vec<usize>)> = None;
        for len in lens.iter() {
            let end = i + len;
            // (A longer name than two words opens with two met so: its
            // text is read from the records, far from the cache, only
            // then.)
            if end > s.ctx.len() || (len >= 3 && !met.long_openings.contains(&(pair, len))) {
                continue;
            }
            // (Most names are of one or two words: their text is at hand,
            // and most are not met, so it is looked up before the tokens
            // are read.)
            let text = match len {
                1 => Some(text),
                2 => Some(pair),
                _ => s.ctx.span(i, end - 1).get(s.ctx.text),
            };
            let Some(mentions) = text.and_then(|t| met.mentions_of(t, len)) else {
                continue;
            };
            let mut taken = Vec::new();
            if !(free_but_places(i, end, &mut taken) && (i..end).all(|t| s.open(t))) {
                continue;
            }
            // (A place may be named alone first after `ở` or `tại`, with
            // its unit word further on: `đặt ở Hòa Lạc` … `xã Hòa Lạc`.)
            let first = mentions
                .clone()
                .find(|&&(_, seen_end, _)| seen_end <= i)
                .or_else(|| {
                    mentions
                        .clone()
                        .find(|(_, _, kind)| kind.place())
                        .filter(|_| located_at(s, i))
                });
            if let Some(&(rank, _, kind)) = first {
                if len == 1 && opens_a_word && kind.place() {
                    continue;
                }
                if hit.as_ref().is_none_or(|(best, ..)| rank < *best) {
                    hit = Some((rank, len, kind, taken));
                }
            }
        }
        if let Some((_, n, kind, taken)) = hit {
            let body = kind.body();
            for k in taken {
                if body {
                    if let Some(f) = s.names.found.get_mut(k) {
                        f.inner = true;
                    }
                    seen.briefs.refresh(&s.names.found, k);
                } else if let Some(g) = gone.get_mut(k) {
                    *g = true;
                }
            }
            // (Where a name of one or two words lies is where the text
            // `free` holds lies: the records, far from the cache, are read
            // only for a longer one.)
            let span = match n {
                1 => span_in(s.ctx.text, text),
                2 => span_in(s.ctx.text, pair),
                _ => s.ctx.span(i, i + n - 1),
            };
            debug_assert_eq!(span, s.ctx.span(i, i + n - 1), "a name's span");
            let mut kind = kind.kind();
            if let EntityKind::Place(p) = &mut kind {
                // The name is the one written here, not the first mention's.
                p.name = span;
            }
            found.push(Found::spanning(i, i + n, span, kind));
            free_from = i + n;
        }
    }
    if gone.iter().any(|&g| g) {
        drop_found(s, &gone, seen);
    }
    seen.spare.bare_at = bare_at;
    seen.spare.put_flags(gone);
    seen.spare.put_added(&mut s.names.found, found);
}

/// A place named with its unit word earlier and later inside a body's name
/// without it: `Ngũ Hiệp` in `Hợp tác xã Sầu riêng Ngũ Hiệp` after `xã
/// Ngũ Hiệp`. It is nested in the body, as a place the lists know is.
fn places_met_inside_bodies(
    s: &mut Scanner<'_, '_, '_>,
    met: &Met<'_>,
    briefs: &mut Briefs,
    in_place: &mut Vec<bool>,
) {
    if met.division_heads.is_empty() {
        return;
    }
    // The tokens places hold already (in `in_place`), marked at the first
    // name met inside a body (most texts have none).
    let mut marked = false;
    let mut found = Vec::new();
    let briefs = briefs.update(&s.names.found);
    for b in briefs.iter() {
        let (Sort::Organization(category), Some(from)) = (b.sort, b.name_from()) else {
            continue;
        };
        let company = matches!(category, OrgCategory::Company | OrgCategory::Sports);
        let mut t = from;
        while t < b.end() {
            // (A word with lower-case letters: a capital alone or an
            // abbreviation, `Công ty B`, names no commune.) (Only the first
            // words of divisions: no other name met is asked for below.)
            let word = s.ctx.text_of(t);
            let Some(lens) = met
                .division_heads
                .get(word)
                .filter(|_| word.chars().any(char::is_lowercase))
            else {
                t += 1;
                continue;
            };
            // The longest name met earlier as a place, written here. (The
            // lookups first: the tokens places hold, and the reading as a
            // person below, are asked only of the few that pass them.)
            let hit = lens
                .iter()
                // (Two words or more: a place of one word, `Đức`, `Quốc`,
                // is too often a word of the body's own name.)
                .filter(|&len| len >= 2 && t + len <= b.end())
                .filter(|&len| {
                    let text = s.ctx.span(t, t + len - 1).get(s.ctx.text);
                    // (Met before the body, or anywhere in the text for
                    // a body that is no company: `Giáo xứ Măng Đen` … `xã
                    // Măng Đen`; `Công ty Tân Phú` is not named after it.)
                    text.and_then(|x| met.divisions.get(&(x, len)))
                        .is_some_and(|&(seen_end, _)| seen_end <= b.first() || !company)
                })
                .filter(|&len| {
                    if !marked {
                        in_place.clear();
                        in_place.resize(s.ctx.len(), false);
                        for p in briefs.iter() {
                            if matches!(p.sort, Sort::Place { .. }) {
                                if let Some(c) = in_place.get_mut(p.first()..p.end()) {
                                    c.fill(true);
                                }
                            }
                        }
                        marked = true;
                    }
                    in_place
                        .get(t..t + len)
                        .is_some_and(|c| c.iter().all(|&x| !x))
                })
                .max();
            // A name that reads as a Vietnamese full name is the body's
            // namesake, not the ward of the same name (`trường THPT Nguyễn
            // Du` after `phường Nguyễn Du`).
            let namesake = || {
                s.person(t, Cue::None)
                    .is_some_and(|p| p.form == NameForm::Full)
            };
            let Some(len) = hit.filter(|_| !namesake()) else {
                t += 1;
                continue;
            };
            let kind = met
                .divisions
                .get(&(
                    s.ctx
                        .span(t, t + len - 1)
                        .get(s.ctx.text)
                        .unwrap_or_default(),
                    len,
                ))
                .map(|&(_, k)| k.kind());
            if let Some(EntityKind::Place(mut p)) = kind {
                p.name = s.ctx.span(t, t + len - 1);
                found.push(Found {
                    inner: true,
                    ..Found::spanning(t, t + len, p.name, EntityKind::Place(p))
                });
            }
            t += len;
        }
    }
    s.names.found.extend(found);
}

/// A name of two words or more read as a person's, with nothing before it
/// that marks a person (an honorific), written as a company named earlier
/// in full is known by (`Đồng Xanh` after `Công ty CP Sữa Đồng Xanh`,
/// `Hoàng Gia Nha Trang` after `Công ty CP … Thương mại Hoàng Gia Nha
/// Trang`): the company. A title right before it is then a title in that
/// company.
fn people_named_like_companies(
    s: &mut Scanner<'_, '_, '_>,
    met: &Met<'_>,
    briefs: &mut Briefs,
    person_ending: &mut HashMap<usize, usize, Fast>,
) {
    // The earliest mention of a company by each name of two words or
    // more: where it ends, and what it names.
    let mut companies: HashMap<&str, (usize, Named), Fast> = HashMap::default();
    for &(text, len) in met.names.keys().filter(|&&(_, len)| len >= 2) {
        let company = met
            .mentions_of(text, len)
            .into_iter()
            .flatten()
            .filter(|(_, _, kind)| matches!(kind, Named::Body(OrgCategory::Company)))
            .min_by_key(|&&(_, seen_end, _)| seen_end);
        if let Some(&(_, seen_end, kind)) = company {
            companies.insert(text, (seen_end, kind));
        }
    }
    if companies.is_empty() {
        return;
    }
    let mut renamed = vec![false; s.names.found.len()];
    let mut kinds = Vec::new();
    // Persons whose first two words are such a company's name and the rest
    // a full name of their own, as a title before them writes them: `Tổng
    // Giám đốc Sao Bắc Lê Minh Khôi` is the company's head.
    let mut split = Vec::new();
    let list = briefs.update(&s.names.found);
    for (k, b) in list.iter().enumerate() {
        let Sort::Person {
            honorific: false, ..
        } = b.sort
        else {
            continue;
        };
        let first = b.first();
        if b.inner || b.end() < first + 2 {
            continue;
        }
        let whole = companies
            .get(list.text(s, k))
            .filter(|&&(seen_end, _)| seen_end <= first);
        if let Some(&(_, kind)) = whole {
            kinds.push((k, kind.kind()));
            if let Some(r) = renamed.get_mut(k) {
                *r = true;
            }
            continue;
        }
        if b.end() > first + 3 {
            let company = text_at(s, first, first + 2);
            let named = companies
                .get(company)
                .filter(|&&(seen_end, _)| seen_end <= first);
            let rest = named.and_then(|_| s.person(first + 2, Cue::None));
            if let (Some(&(_, kind)), Some(p)) = (named, rest) {
                if p.form == NameForm::Full && p.end == b.end() {
                    split.push((k, kind, p));
                }
            }
            continue;
        }
    }
    if kinds.is_empty() {
        split_companies_from_persons(s, briefs, split);
        return;
    }
    // They hold no title: a title one was given is a title in it.
    let is_renamed = |k: usize| renamed.get(k).copied().unwrap_or(false);
    let held: Vec<(usize, usize)> = s
        .names
        .links
        .iter()
        .filter(|l| l.0 == LinkKind::Holds && is_renamed(l.1))
        .map(|l| (l.2, l.1))
        .collect();
    s.names
        .links
        .retain(|l| !(l.0 == LinkKind::Holds && is_renamed(l.1)));
    // The other persons by their last token, for `bà A, Tổng giám đốc
    // Đồng Xanh,`: the person set before such a title holds it.
    person_ending.clear();
    person_ending.extend(
        list.iter()
            .enumerate()
            .filter(|&(k, b)| b.person() && !is_renamed(k))
            .map(|(k, b)| (b.end(), k)),
    );
    for (k, kind) in kinds {
        if let Some(f) = s.names.found.get_mut(k) {
            f.kind = kind;
        }
        briefs.refresh(&s.names.found, k);
    }
    for (t, k) in held {
        let (first, end, bytes) = s
            .names
            .found
            .get(k)
            .map_or((0, 0, Bytes::default()), |f| (f.first, f.end, f.bytes));
        let Some(title) = s.names.found.get_mut(t) else {
            continue;
        };
        let EntityKind::Title(tt) = &mut title.kind else {
            continue;
        };
        if title.end != first || tt.organization.is_some() {
            continue;
        }
        // (The body's span is the entity's, and the title now ends where
        // it ends: no record is read.)
        tt.organization = Some(if end > first {
            bytes.span()
        } else {
            s.ctx.span(first, end - 1)
        });
        if end > first {
            title.bytes.end = bytes.end;
        }
        title.end = end;
        let title_first = title.first;
        s.names.links.push((LinkKind::Of, t, k));
        if let Some(f) = s.names.found.get_mut(k) {
            f.inner = true;
        }
        briefs.refresh(&s.names.found, t);
        briefs.refresh(&s.names.found, k);
        let apposed = title_first >= 1 && s.ctx.is_char(title_first - 1, ',');
        let holder = title_first
            .checked_sub(1)
            .and_then(|e| person_ending.get(&e));
        if let Some(&h) = holder.filter(|_| apposed) {
            s.names.links.push((LinkKind::Holds, h, t));
        }
    }
    split_companies_from_persons(s, briefs, split);
}

/// [`split_company_from_person`] for each person of `split`, with the
/// company's kind.
fn split_companies_from_persons(
    s: &mut Scanner<'_, '_, '_>,
    briefs: &mut Briefs,
    split: Vec<(usize, Named, PersonParse)>,
) {
    for (k, kind, p) in split {
        split_company_from_person(s, k, kind.kind(), p);
        briefs.refresh(&s.names.found, k);
        if let Some(t) = k.checked_sub(1) {
            briefs.refresh(&s.names.found, t);
        }
    }
}

/// Cuts the company's name, `kind`, off the front of the person `k`: the
/// person is `p`, after it, and holds the titles `k` held; a title just
/// before is a title in the company.
fn split_company_from_person(
    s: &mut Scanner<'_, '_, '_>,
    k: usize,
    kind: EntityKind,
    p: PersonParse,
) {
    let Some(f) = s.names.found.get_mut(k) else {
        return;
    };
    let first = f.first;
    f.set_end(s.ctx, p.first);
    f.kind = kind;
    let company = f.bytes;
    let name_first = p.first;
    let person = s.emit_person(p, None);
    for link in &mut s.names.links {
        if link.0 == LinkKind::Holds && link.1 == k {
            link.1 = person;
        }
    }
    // (The title was found just before the name.)
    let title = k.checked_sub(1).filter(|&t| {
        s.names.found.get(t).is_some_and(|t| {
            t.end == first && matches!(&t.kind, EntityKind::Title(tt) if tt.organization.is_none())
        })
    });
    let Some(t) = title else {
        return;
    };
    if let Some(title) = s.names.found.get_mut(t) {
        if let EntityKind::Title(tt) = &mut title.kind {
            tt.organization = Some(company.span());
        }
        title.end = name_first;
        title.bytes.end = company.end;
    }
    s.names.links.push((LinkKind::Of, t, k));
    if let Some(f) = s.names.found.get_mut(k) {
        f.inner = true;
    }
}

/// A short name defined in brackets: its words, the token after its
/// definition, and the kind of the body it names.
type ShortName<'h> = (Vec<&'h str>, usize, OrgCategory);

/// The short name in brackets after an organization (`Tổng công ty … (PV
/// Power)`, `(VSIP)`, `(Becamex IDC)`): one to three capitalised words,
/// one in foreign letters, an organization of the same kind; and the same
/// words met again, alone (`VSIP là liên doanh …`, `Chủ tịch HĐQT
/// Becamex IDC`), in the headline above too.
fn abbreviations_in_brackets(s: &mut Scanner<'_, '_, '_>, free: Frees<'_, '_>, seen: &mut Seen) {
    // The organizations a bracket follows: their end and kind. (Most
    // texts have none: the coverage is worked out only for those that
    // do.)
    let briefs = seen.briefs.update(&s.names.found);
    let opened: Vec<(usize, OrgCategory)> = briefs
        .iter()
        .filter_map(|b| match b.sort {
            Sort::Organization(category) if s.ctx.is_char(b.end(), '(') => {
                Some((b.end(), category))
            }
            _ => None,
        })
        .collect();
    if opened.is_empty() {
        return;
    }
    // A role with no body right before one of them is a role in it (see
    // below).
    let bare_roles: HashMap<usize, usize, Fast> = briefs
        .iter()
        .enumerate()
        .filter(|(_, b)| b.sort == Sort::Title && !b.inner)
        .filter_map(|(k, b)| match &s.names.found.get(k)?.kind {
            EntityKind::Title(t) if t.role.is_some() && t.organization.is_none() => {
                Some((b.end(), k))
            }
            _ => None,
        })
        .collect();
    let covered = seen.held.update(seen.briefs.update(&s.names.found));
    let mut found = Vec::new();
    // The short names defined: their words, where, and the kind.
    let mut short: Vec<(usize, usize, OrgCategory)> = Vec::new();
    for (end, category) in opened {
        let k = end + 1;
        // (The short name may end at a comma, before the body above it:
        // `(A05, Bộ Công an)`.)
        let Some(close) = (k + 1..k + 4).find(|&c| s.ctx.is_char(c, ')') || s.ctx.is_char(c, ','))
        else {
            continue;
        };
        let words_ok =
            (k..close).all(|t| s.ctx.capital(t) && (t == k || s.ctx.same_line(t - 1, t)));
        let foreign = (k..close).any(|t| {
            s.ctx.tok(t).is_some_and(|t| {
                matches!(
                    t.kind(),
                    TokenKind::Word(_)
                        | TokenKind::Syllable(Casing::Upper)
                        | TokenKind::Abbreviation
                )
            })
        });
        // (One word in Vietnamese letters is a place or a name: `(Hà
        // Nội)`; several may name a company, `(Hòa Phát)`, but also
        // a place: only one word in foreign letters makes it sure.)
        if !words_ok || !foreign || (k..close).any(|t| covered.get(t).copied().unwrap_or(true)) {
            continue;
        }
        if let Some(c) = covered.get_mut(k..close) {
            c.fill(true);
        }
        short.push((k, close, category));
        let org = Organization {
            category,
            expansion: None,
            term: None,
        };
        found.push(Found::new(s.ctx, k, close, EntityKind::Organization(org)));
    }
    // Other mentions: the same words, free, on one line, later or before
    // (a headline names a bank by its short name above the sentence that
    // defines it). (Each short name once, at its first definition, and at
    // most eight by their first word: one pass over the free capitals on
    // any input.)
    let mut by_first: HashMap<&str, Vec<ShortName<'_>>, Fast> = HashMap::default();
    for &(k, close, category) in &short {
        let words: Vec<&str> = (k..close).map(|t| s.ctx.text_of(t)).collect();
        let Some(&head) = words.first() else { continue };
        let defs = by_first.entry(head).or_default();
        if defs.len() < 8 && !defs.iter().any(|(w, _, _)| *w == words) {
            defs.push((words, close, category));
        }
    }
    let mut heads = TextFilter::default();
    heads.fill(by_first.keys().copied());
    for f in free.passing_held(&heads, |text| by_first.contains_key(text)) {
        let Some(defs) = by_first.get(f.text) else {
            continue;
        };
        for (words, close, category) in defs {
            let (i, close, category, len) = (f.i, *close, *category, words.len());
            if i + len == close {
                continue;
            }
            let same =
                (1..len).all(|d| s.ctx.text_of(i + d) == words[d] && s.ctx.same_line(i, i + d));
            // Not inside a longer run of capitals (`VSIP III` is a park),
            // nor a unit after a number (`100 USD`, `5 USD/lít`).
            let alone = !s.ctx.capital(i + len) || !s.ctx.same_line(i + len - 1, i + len);
            // (A headline may open with the short name: `i` may be 0.)
            let unit = i
                .checked_sub(1)
                .is_some_and(|b| matches!(s.ctx.kind(b), Some(TokenKind::Number(_))))
                || s.ctx.is_char(i + len, '/')
                || ["USD", "VND", "EUR", "JPY", "CNY", "GBP"].contains(&words[0]);
            if !same
                || !alone
                || unit
                || (i..i + len).any(|t| covered.get(t).copied().unwrap_or(true))
            {
                continue;
            }
            if let Some(c) = covered.get_mut(i..i + len) {
                c.fill(true);
            }
            let org = Organization {
                category,
                expansion: None,
                term: None,
            };
            found.push(Found::new(s.ctx, i, i + len, EntityKind::Organization(org)));
        }
    }
    // A role with no body right before one of them is a role in it:
    // `Chủ tịch HĐQT Becamex IDC kiêm …`, `Tổng giám đốc VSIP, …`.
    let base = s.names.found.len();
    s.names.found.extend(found);
    seen.briefs.update(&s.names.found);
    for n in base..s.names.found.len() {
        let Some(&(first, end, bytes)) = s
            .names
            .found
            .get(n)
            .map(|f| (f.first, f.end, f.bytes))
            .as_ref()
        else {
            continue;
        };
        let Some(&title) = bare_roles.get(&first) else {
            continue;
        };
        let closes = s.clause_ends(end) || s.ctx.is(end, "kiêm");
        if !closes || !s.ctx.same_line(first - 1, first) {
            continue;
        }
        // (The body's span is the entity's: no record is read.)
        let span = if end > first {
            bytes.span()
        } else {
            s.ctx.span(first, end - 1)
        };
        if let Some(f) = s.names.found.get_mut(title) {
            if let EntityKind::Title(t) = &mut f.kind {
                t.organization = Some(span);
            }
            f.set_end(s.ctx, end);
        }
        if let Some(f) = s.names.found.get_mut(n) {
            f.inner = true;
        }
        seen.briefs.refresh(&s.names.found, title);
        seen.briefs.refresh(&s.names.found, n);
        s.names.links.push((LinkKind::Of, title, n));
    }
}

/// A name in foreign letters joined by `và` to an organization before it
/// is one of the same kind: `Vietnam Airlines và Embraer ký …`, `(PV
/// Power) và JERA, nhà sản xuất …`. Its words are the free capitals in
/// foreign letters from there on its line, and what follows them closes
/// the name (punctuation or a word in lower case).
fn bodies_joined_to_bodies(
    s: &mut Scanner<'_, '_, '_>,
    free: &[Free<'_>],
    foreign: &[Free<'_>],
    briefs: &mut Briefs,
    orgs: &mut HashMap<usize, OrgCategory, Fast>,
) {
    let is_free = |k: usize| free.binary_search_by_key(&k, |f| f.i).is_ok();
    // The organizations by the token they end before.
    orgs.clear();
    orgs.extend(
        briefs
            .update(&s.names.found)
            .iter()
            .filter_map(|b| match b.sort {
                Sort::Organization(category) if !b.inner => Some((b.end(), category)),
                _ => None,
            }),
    );
    let orgs = &*orgs;
    if orgs.is_empty() {
        return;
    }
    let mut found = Vec::new();
    let mut taken_to = 0;
    // (Only the capitals in foreign letters: the tokens of the others are
    // not read.)
    for f in foreign {
        let i = f.i;
        if i < taken_to || i < 2 || !s.ctx.is(i - 1, "và") {
            continue;
        }
        if !s.ctx.same_line(i - 1, i) {
            continue;
        }
        let org_end = if s.ctx.is_char(i - 2, ')') {
            i - 2
        } else {
            i - 1
        };
        let Some(&next_to) = orgs.get(&org_end) else {
            continue;
        };
        // Of the neighbour's kind where foreign names are common; else a
        // company (`Bộ Y tế và Pfizer`).
        let category = match next_to {
            OrgCategory::Sports | OrgCategory::International | OrgCategory::Media => next_to,
            _ => OrgCategory::Company,
        };
        let mut end = i + 1;
        while s.ctx.same_line(end - 1, end) && s.foreign_capital(end) && is_free(end) {
            end += 1;
        }
        let closes = end >= s.ctx.len()
            || !s.ctx.same_line(end - 1, end)
            || !s.ctx.capital(end)
                && (s.ctx.kind(end).is_some_and(TokenKind::is_wordlike)
                    || [',', '.', ';', ')', ':']
                        .iter()
                        .any(|&c| s.ctx.is_char(end, c)));
        if !closes {
            continue;
        }
        taken_to = end;
        let mixed = (i..end).any(|t| s.ctx.text_of(t).chars().skip(1).any(char::is_lowercase));
        let org = Organization {
            category,
            expansion: None,
            term: None,
        };
        found.push(Found {
            // (A name in lower-case letters too is met again alone: `do
            // Embraer cung cấp`; one in capitals may be a common noun's
            // abbreviation, `NHNN và NHTM`.)
            name_from: mixed.then_some(i).and_then(|i| u32::try_from(i).ok()),
            ..Found::new(s.ctx, i, end, EntityKind::Organization(org))
        });
    }
    s.names.found.extend(found);
}

/// A capital alone read as the holder of the title right before it that
/// begins a word with the lower-case syllable after it (`Giám đốc Dự án`,
/// `Trưởng Ban Chỉ đạo`), where no full name in the text has it as its
/// given name, is no person (`Bí thư Lộc giao …` keeps `Lộc` when
/// `Nguyễn Hữu Lộc` is named).
fn holders_that_begin_words(s: &mut Scanner<'_, '_, '_>, full: &FullNames<'_>, seen: &mut Seen) {
    let mut gone: Vec<usize> = Vec::new();
    for &(kind, person, title) in &s.names.links {
        let (Some(f), Some(t)) = (s.names.found.get(person), s.names.found.get(title)) else {
            continue;
        };
        let EntityKind::Person(p) = &f.kind else {
            continue;
        };
        let alone = kind == LinkKind::Holds
            && p.form == NameForm::Given
            && p.honorific.is_none()
            && f.end == f.first + 1
            && t.end == f.first;
        let i = f.first;
        let word_goes_on = || {
            s.ctx.kind(i + 1) == Some(TokenKind::Syllable(Casing::Lower))
                && s.ctx.same_line(i, i + 1)
                && s.lex.is(s.ctx, i + 1, class::TAIL)
                && s.lex.longest(s.ctx, i + 1, class::PREDICATE).is_none()
        };
        if alone && word_goes_on() && !full.givens.contains_key(s.ctx.text_of(i)) {
            gone.push(person);
        }
    }
    if gone.is_empty() {
        return;
    }
    let mut marked = vec![false; s.names.found.len()];
    for k in gone {
        if let Some(g) = marked.get_mut(k) {
            *g = true;
        }
    }
    drop_found(s, &marked, seen);
}

/// A title whose body ends with one capitalised syllable that is the
/// given name of a full name met earlier, and no place or body the lists
/// know, before a word in lower case: `Phó Chủ tịch Quốc hội Tuệ đề nghị`
/// after `Hà Minh Tuệ`, `Chủ tịch UBND tỉnh Tâm cho biết` after `Đỗ Minh
/// Tâm`. The name is the title's holder, cut from the body (and a place
/// the body's last words made, `tỉnh Tâm`, goes).
fn holders_read_into_bodies(s: &mut Scanner<'_, '_, '_>, full: &FullNames<'_>, seen: &mut Seen) {
    if full.givens.is_empty() {
        return;
    }
    let briefs = seen.briefs.update(&s.names.found);
    let title_syllable = Some(TokenKind::Syllable(Casing::Title));
    let lower = Some(TokenKind::Syllable(Casing::Lower));
    let text = s.ctx.text;
    let role_of = |k: usize| match s.names.found.get(k).map(|f| &f.kind) {
        Some(EntityKind::Title(tt)) => tt.role.and_then(|r| text.get(r.start..r.end)),
        _ => None,
    };
    let candidates: Vec<(usize, usize)> = briefs
        .pick(|b| b.sort == Sort::Title)
        .into_iter()
        .filter_map(|k| {
            let f = s.names.found.get(k)?;
            let EntityKind::Title(tt) = &f.kind else {
                return None;
            };
            let t = f.end.checked_sub(1)?;
            let body = tt.organization?;
            let name_ends_body = body.end == f.bytes.end as usize
                && s.ctx.span(t, t).start > body.start
                && f.end >= f.first + 3;
            // (One word after a word in lower case, `hội` or `tỉnh`: not
            // the last of a name of several, `Việt Nam`, `Nghi Sơn`, nor
            // the first of a word, `Luận án`.)
            let given = name_ends_body
                && s.ctx.kind(t) == title_syllable
                && !s.ctx.capital(t - 1)
                && s.ctx.kind(t + 1) == lower
                && s.ctx.same_line(t, t + 1)
                && !s.lex.is(s.ctx, t + 1, class::TAIL)
                && !s.lex.is(s.ctx, t, class::PLACE | class::ORG)
                && full.givens.get(s.ctx.text_of(t)).is_some_and(|&at| at < t);
            given.then_some((k, t))
        })
        .collect();
    if candidates.is_empty() {
        return;
    }
    // The roles each given name's full names hold: the holder cut from a
    // body must hold the same role there (`Phó Chủ tịch Quốc hội Hà Minh
    // Tuệ` … `Phó Chủ tịch Quốc hội Tuệ`). (Gathered only for the few
    // candidates: most texts have none.)
    let held: Vec<(&str, &str)> = s
        .names
        .links
        .iter()
        .filter(|l| l.0 == LinkKind::Holds)
        .filter_map(|&(_, person, title)| {
            let EntityKind::Person(p) = &s.names.found.get(person)?.kind else {
                return None;
            };
            let given = given_of(s, p).filter(|_| p.form == NameForm::Full)?;
            Some((given, role_of(title)?))
        })
        .collect();
    let cuts: Vec<(usize, usize)> = candidates
        .into_iter()
        .filter(|&(k, t)| {
            role_of(k).is_some_and(|role| {
                held.iter()
                    .any(|&(g, r)| g == s.ctx.text_of(t) && r == role)
            })
        })
        .collect();
    if cuts.is_empty() {
        return;
    }
    let mut gone = vec![false; s.names.found.len()];
    let mut touched = Vec::new();
    let mut added = seen.spare.take_added();
    for &(k, t) in &cuts {
        let name = s.ctx.text_of(t);
        let cut_end = s.ctx.span(t - 1, t - 1).end;
        // What ends with the name inside the title: its body, and a place
        // of the body's last words.
        for (n, f) in s.names.found.iter_mut().enumerate() {
            if n == k || f.end != t + 1 || f.first >= t {
                if n != k && f.end == t + 1 && f.first == t {
                    if let Some(g) = gone.get_mut(n) {
                        *g = true;
                    }
                }
                continue;
            }
            match &mut f.kind {
                EntityKind::Organization(o) => {
                    if let Some(e) = &mut o.expansion {
                        if let Some(rest) = e.strip_suffix(name) {
                            *e = rest.trim_end().to_owned();
                        }
                    }
                    f.set_end(s.ctx, t);
                    touched.push(n);
                }
                EntityKind::Place(_) => {
                    if let Some(g) = gone.get_mut(n) {
                        *g = true;
                    }
                }
                _ => {}
            }
        }
        if let Some(f) = s.names.found.get_mut(k) {
            if let EntityKind::Title(tt) = &mut f.kind {
                tt.organization = tt.organization.map(|o| Span::new(o.start, cut_end));
            }
            f.set_end(s.ctx, t);
        }
        let mut person = Person::new(NameForm::Given);
        let span = s.ctx.span(t, t);
        person.given = Some(span);
        added.push(Found::spanning(t, t + 1, span, EntityKind::Person(person)));
    }
    // (The holders are added after the entities there are: their indices
    // follow.)
    let base = s.names.found.len();
    for (n, &(k, _)) in cuts.iter().enumerate() {
        s.names.links.push((LinkKind::Holds, base + n, k));
    }
    for k in cuts.iter().map(|&(k, _)| k).chain(touched) {
        seen.briefs.refresh(&s.names.found, k);
    }
    seen.spare.put_added(&mut s.names.found, added);
    if gone.iter().any(|&g| g) {
        drop_found(s, &gone, seen);
    }
}

/// A capitalised word alone that is the given name of a person named in
/// full earlier, used as a subject (`Hùng cho biết`), even where the lists
/// read it as a place (`Đức nói`).
fn given_names_alone<'h>(
    s: &mut Scanner<'_, 'h, '_>,
    free: Frees<'_, 'h>,
    seen: &mut Seen,
    full: &FullNames<'_>,
    one_word: &mut HashMap<usize, usize, Fast>,
    words: &mut Words<'h>,
) {
    let FullNames {
        givens,
        pairs,
        given_filter,
        pair_filter,
    } = full;
    if givens.is_empty() {
        return;
    }
    let subject = |s: &Scanner<'_, '_, '_>, i: usize| {
        s.ctx.same_line(i, i + 1) && s.lex.longest(s.ctx, i + 1, class::PREDICATE).is_some()
    };
    let known_before = |word: &str, i: usize| givens.get(word).is_some_and(|&at| at < i);
    let Seen { held, briefs, .. } = seen;
    // The bare places of one word, with their text: read in a loop of
    // their own, whose reads of the text depend on nothing before them,
    // so that many are waited for at once.
    let list = briefs.update(&s.names.found);
    let bare = &mut words.places;
    bare.clear();
    bare.extend(
        list.pick(|b| b.bare_place() & b.one_word())
            .into_iter()
            .filter_map(|k| list.get(k).map(|b| (k, b.first(), list.text(s, k)))),
    );
    let mut to_person = Vec::new();
    for &(k, i, text) in bare.iter() {
        if known_before(text, i) && subject(s, i) {
            to_person.push(k);
        }
    }
    for k in to_person {
        if let Some(f) = s.names.found.get_mut(k) {
            let mut person = Person::new(NameForm::Given);
            person.given = Some(s.ctx.span(f.first, f.first));
            f.kind = EntityKind::Person(person);
        }
        briefs.refresh(&s.names.found, k);
    }
    let covered = held.update(briefs.update(&s.names.found));
    // A middle and given name alone (`Ngọc Hân` after `Nguyễn Thị Ngọc
    // Hân`).
    let title_syllable = Some(TokenKind::Syllable(Casing::Title));
    // The entities of one word, by their token, for the pairs below:
    // gathered at the first pair whose second word is held (most texts
    // have none). (A pair found before then replaces only the entity of
    // its own second word, which no later pair asks for.)
    let mut one_word_gathered = false;
    debug_assert!(
        free.list.iter().all(|f| !title_pair(f.kind, f.next)
            || pair_filter.may_hold(f.pair_key)
            || !pairs.contains_key(f.pair)),
        "a pair the filter refuses"
    );
    for &Free {
        i,
        kind,
        next,
        pair,
        ..
    } in free.pairs_passing(pair_filter)
    {
        debug_assert!(title_pair(kind, next), "a pair not in title case");
        // (The pair's text first, from what `free` holds: the records are
        // read only for the few met in a full name.)
        if covered.get(i).is_none_or(|&c| c) || pairs.get(pair).is_none_or(|&at| at >= i) {
            continue;
        }
        if !s.ctx.same_line(i, i + 1) {
            continue;
        }
        // The second word may have been read alone, as a bare place
        // (`Thành Vinh`) or as a given name after a capitalised honorific
        // inside a sentence (`cho Anh Khoa`): the pair takes its place.
        let second = if covered.get(i + 1).copied().unwrap_or(true) {
            if !one_word_gathered {
                one_word.clear();
                one_word.extend(
                    briefs
                        .update(&s.names.found)
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| b.one_word())
                        .map(|(k, b)| (b.first(), k)),
                );
                one_word_gathered = true;
            }
            let alone = one_word.get(&(i + 1)).copied().filter(|&k| {
                let Some(f) = s.names.found.get(k) else {
                    return false;
                };
                !f.inner
                    && match &f.kind {
                        EntityKind::Place(p) => p.unit.is_none(),
                        EntityKind::Person(p) => {
                            p.form == NameForm::Given
                                && p.honorific == Some(s.ctx.span(i, i))
                                && !s.sentence_start(i)
                        }
                        _ => false,
                    }
            });
            match alone {
                Some(k) => Some(k),
                None => continue,
            }
        } else {
            None
        };
        let mut person = Person::new(NameForm::Given);
        let span = s.ctx.span(i, i + 1);
        person.given = Some(span);
        if let Some(c) = covered.get_mut(i..i + 2) {
            c.fill(true);
        }
        let found = Found::spanning(i, i + 2, span, EntityKind::Person(person));
        match second.and_then(|k| s.names.found.get_mut(k)) {
            Some(f) => *f = found,
            None => s.names.found.push(found),
        }
        if let Some(k) = second {
            briefs.refresh(&s.names.found, k);
        }
    }
    // The capitals alone that are a given name met before, free and open.
    let alone = &mut words.alone;
    alone.clear();
    // (Most are no given name met: the filter refuses them before they
    // are read, and the tokens around them.)
    let given = |text: &str| givens.contains_key(text);
    for &Free { i, text, kind, .. } in free.passing_held(given_filter, given) {
        // (Or the initial a full name ends with: `H.` after `Nguyễn Văn
        // H.`, as crime news names suspects.)
        // (Not before a capital: `H. Long Thành` is a district, `huyện`
        // cut short.)
        // A title or an honorific after it opens the next sentence: `…
        // của H. Thiếu tướng Đặng Hồng Quân …`. (Walked only for an
        // initial: the walk costs more than every test before it.)
        let next_opens_title = || {
            s.lex
                .longest(s.ctx, i + 1, class::ROLE | class::RANK | class::HONORIFIC)
                .is_some()
        };
        let initial = kind == Some(TokenKind::Abbreviation)
            && is_one_initial(text)
            && (!(s.ctx.capital(i + 1) && s.ctx.same_line(i, i + 1)) || next_opens_title());
        if !(kind == title_syllable || initial)
            || covered.get(i).copied().unwrap_or(true)
            || !s.open(i)
            || !known_before(text, i)
        {
            continue;
        }
        alone.push((i, text));
    }
    // What the tests below read first of each, gathered in a loop of its
    // own: the records of the few left lie far apart in a large text, and
    // a short loop of reads that depend on nothing waits for many at once,
    // where the tests would wait for one at a time. (Whether the word
    // follows `tiếng`, and whether the next word is on its line; the two
    // reads bring in the records the tests read after them.)
    let facts = &mut words.facts;
    facts.clear();
    facts.extend(alone.iter().map(|&(i, text)| {
        (
            i,
            text,
            i > 0 && s.ctx.is(i - 1, "tiếng"),
            s.ctx.same_line(i, i + 1),
        )
    }));
    for &(i, text, after_tieng, next_on_line) in facts.iter() {
        // Inside a sentence a capital marks a name; at its start the word
        // must be followed by what a subject takes. (After `tiếng` it is a
        // language: `môn Tiếng Anh`.)
        // (Nor after `người`, nor `Việt` after a noun of people or before
        // `nam`: a people or the country, `người Hoa`, `cô dâu Việt`,
        // `tại Việt nam`.)
        let after_noun = |nouns: &[u128]| {
            i > 0 && s.ctx.same_line(i - 1, i) && s.ctx.which(i - 1, nouns).is_some()
        };
        let people = || {
            after_noun(word_keys!["người"])
                || (text == "Việt"
                    && (after_noun(word_keys![
                        "gái", "dâu", "nữ", "trai", "bé", "hồn", "hàng", "dân", "kiều", "bào"
                    ]) || s.ctx.is(i + 1, "nam")))
        };
        if after_tieng || people() {
            continue;
        }
        // Before the rest of a word (`Nông nghiệp`), the capital may begin a
        // name of a body or a term, not the person: a subject's verb must
        // follow then too.
        let word_goes_on = next_on_line && s.lex.is(s.ctx, i + 1, class::TAIL);
        let named = if s.sentence_start(i) || word_goes_on {
            subject(s, i)
        } else {
            true
        };
        if named {
            let mut person = Person::new(NameForm::Given);
            let span = s.ctx.span(i, i);
            person.given = Some(span);
            s.names
                .found
                .push(Found::spanning(i, i + 1, span, EntityKind::Person(person)));
        }
    }
}

/// A person's alias given right after the full name (`Nguyễn Văn Tư (SN
/// 1985, tức Tư Sún, …)`, `Lê Văn H., biệt danh Hùng Râu`, `… còn gọi là
/// Ba Đen`, `pháp danh Diệu Thanh`, `bút danh`, `nghệ danh`), or a stage name right before it (`Bảy Cúc (tên thật Lê Thị
/// Cúc)`): a person of its own, the same as the full name, and met again
/// alone later when it has two words or more (`Tư Sún từng có 2 tiền án`).
fn aliases(s: &mut Scanner<'_, '_, '_>, free: Frees<'_, '_>, seen: &mut Seen) {
    // The words after a full name, on its line, that may give an alias.
    const REACH: usize = 8;
    let briefs = seen.briefs.update(&s.names.found);
    let covered = seen.held.update(briefs);
    let mut added: Vec<(Found, usize)> = Vec::new();
    // Each alias of two or three words by its text: the full name.
    let mut known: HashMap<&str, usize, Fast> = HashMap::default();
    // The first words of those aliases: a free capital that is none of
    // them begins none, and its neighbours are not read.
    let mut known_first: HashSet<&str, Fast> = HashSet::default();
    // The stage names the first pass read as persons, by their end: the
    // real name they are.
    let mut named_before: HashMap<usize, usize, Fast> = HashMap::default();
    for k in briefs.pick(|b| b.has(Marks::FULL)) {
        let Some(b) = briefs.get(k) else {
            continue;
        };
        let (name_first, name_end) = (b.first(), b.end());
        // A stage or pen name before the real one: `Bảy Cúc (tên thật Lê
        // Thị Cúc, 84 tuổi)`.
        let real_name = name_first >= 4
            && s.ctx.is_char(name_first - 3, '(')
            && s.ctx.is(name_first - 2, "tên")
            && s.ctx.is(name_first - 1, "thật");
        if real_name {
            let end = name_first - 3;
            let mut first = end;
            while first + 3 > end
                && first > 0
                && s.ctx.kind(first - 1) == Some(TokenKind::Syllable(Casing::Title))
                && s.ctx.same_line(first - 1, end)
                && !covered.get(first - 1).copied().unwrap_or(true)
                && s.open(first - 1)
            {
                first -= 1;
            }
            // (Read as a person already by the first pass: only the link.)
            if covered.get(end - 1).copied().unwrap_or(false) {
                named_before.insert(end, k);
            }
            let whole =
                first == 0 || !s.ctx.capital(first - 1) || !s.ctx.same_line(first - 1, first);
            let opens = s.lex.longest(s.ctx, first, OPENS).is_some();
            if first < end && whole && !opens {
                if let Some(c) = covered.get_mut(first..end) {
                    c.fill(true);
                }
                if end > first + 1 {
                    if let Some(text) = s.ctx.span(first, end - 1).get(s.ctx.text) {
                        known.entry(text).or_insert(k);
                        known_first.insert(s.ctx.text_of(first));
                    }
                }
                added.push((given_name(s, first, end), k));
            }
        }
        let mut j = name_end;
        while j < name_end + REACH && s.ctx.same_line(j - 1, j) && !s.ctx.is_char(j, ')') {
            // (`biệt danh`, and the Buddhist, pen and stage names:
            // `pháp danh`, `bút danh`, `nghệ danh`.)
            let cue = s.ctx.is(j, "tức")
                || (s.ctx.is(j, "danh")
                    && s.ctx
                        .which(j - 1, word_keys!["biệt", "pháp", "bút", "nghệ"])
                        .is_some())
                || (s.ctx.is(j, "là") && s.ctx.is(j - 1, "gọi"));
            j += 1;
            if !cue {
                continue;
            }
            // The alias: capitalised Vietnamese words, three at most, that
            // open nothing of the lists (`tức Phó Chủ tịch …` names no
            // alias) and no other reading took.
            let first = j;
            let mut end = first;
            while end < first + 3
                && end < s.ctx.len()
                && s.ctx.kind(end) == Some(TokenKind::Syllable(Casing::Title))
                && (end == first || s.ctx.same_line(end - 1, end))
                && !covered.get(end).copied().unwrap_or(true)
                && s.open(end)
            {
                end += 1;
            }
            let opens = s.lex.longest(s.ctx, first, OPENS).is_some();
            if end == first || opens || s.ctx.capital(end) {
                break;
            }
            if let Some(c) = covered.get_mut(first..end) {
                c.fill(true);
            }
            if end > first + 1 {
                let span = s.ctx.span(first, end - 1);
                if let Some(text) = span.get(s.ctx.text) {
                    known.entry(text).or_insert(k);
                    known_first.insert(s.ctx.text_of(first));
                }
            }
            added.push((given_name(s, first, end), k));
            break;
        }
    }
    if !known.is_empty() {
        let mut firsts = TextFilter::default();
        firsts.fill(known_first.iter().copied());
        for &Free { i, text, .. } in free.passing_held(&firsts, |text| known_first.contains(text)) {
            if !known_first.contains(text) {
                continue;
            }
            // (One lookup for each length an alias may have.)
            let Some((len, k)) = (2..=3).find_map(|len| {
                let end = i + len;
                let here = end <= s.ctx.len()
                    && covered.get(i..end).is_some_and(|c| c.iter().all(|&x| !x))
                    && (i..end).all(|t| s.open(t))
                    && !s.ctx.capital(end);
                let text = s.ctx.span(i, end - 1).get(s.ctx.text);
                let k = text.filter(|_| here).and_then(|t| known.get(t))?;
                Some((len, *k))
            }) else {
                continue;
            };
            // (Only after the full name it stands for.)
            if s.names.found.get(k).is_none_or(|f| f.end > i) {
                continue;
            }
            if let Some(c) = covered.get_mut(i..i + len) {
                c.fill(true);
            }
            added.push((given_name(s, i, i + len), k));
        }
    }
    if !named_before.is_empty() {
        for (n, b) in briefs.iter().enumerate() {
            if let Some(&k) = named_before
                .get(&b.end())
                .filter(|_| b.person() && !b.inner)
            {
                s.names.links.push((LinkKind::SameAs, n, k));
            }
        }
    }
    for (f, k) in added {
        s.names
            .links
            .push((LinkKind::SameAs, s.names.found.len(), k));
        s.names.found.push(f);
    }
}

/// A person named by a given name alone (or a name without a known family
/// name) over the tokens `first..end`.
fn given_name(s: &Scanner<'_, '_, '_>, first: usize, end: usize) -> Found {
    let mut person = Person::new(NameForm::Given);
    let span = s.ctx.span_of(first, end);
    person.given = Some(span);
    Found::spanning(first, end, span, EntityKind::Person(person))
}

/// A middle and given name alone whose first word the first pass read as
/// a bare place of one word: `Đức Anh` after `Lương Đức Anh` (`Đức` is
/// Germany to the lists, and `Anh` England or a given name alone). The
/// place becomes the person, and what was read of the second word goes.
fn pairs_read_as_places(
    s: &mut Scanner<'_, '_, '_>,
    seen: &mut Seen,
    full: &FullNames<'_>,
    at: &mut HashMap<usize, usize, Fast>,
) {
    // Each middle and given name of a full name, and where it is first met.
    let pairs = &full.pairs;
    if pairs.is_empty() {
        return;
    }
    let title_syllable = Some(TokenKind::Syllable(Casing::Title));
    let briefs = seen.briefs.update(&s.names.found);
    // The bare places of one word that open a pair met earlier in a full
    // name (rare: what follows is built only for them).
    let candidates: Vec<usize> = briefs
        .pick(|b| b.bare_place() & b.one_word())
        .into_iter()
        .filter_map(|k| Some((k, briefs.get(k)?)))
        .filter(|(_, b)| {
            let i = b.first();
            s.ctx.same_line(i, i + 1)
                && s.ctx.kind(i) == title_syllable
                && s.ctx.kind(i + 1) == title_syllable
                && pairs
                    .get(s.ctx.span(i, i + 1).get(s.ctx.text).unwrap_or_default())
                    .is_some_and(|&seen| seen < i)
        })
        .map(|(k, _)| k)
        .collect();
    if candidates.is_empty() {
        return;
    }
    // The entity of one word at each token, and whether any holds it.
    at.clear();
    for (k, b) in briefs.iter().enumerate() {
        if b.one_word() {
            at.insert(b.first(), k);
        }
    }
    let covered = &*seen.held.update(seen.briefs.update(&s.names.found));
    let mut merged = Vec::new();
    for k in candidates {
        let Some(i) = s.names.found.get(k).map(|f| f.first) else {
            continue;
        };
        // The second word: free, or read alone as a bare place or a given
        // name.
        let second = match at
            .get(&(i + 1))
            .and_then(|&n| Some((n, s.names.found.get(n)?)))
        {
            Some((n, g)) => match &g.kind {
                EntityKind::Place(p) if p.unit.is_none() => Some(n),
                EntityKind::Person(p) if p.form == NameForm::Given => Some(n),
                _ => continue,
            },
            None if !covered.get(i + 1).copied().unwrap_or(true) => None,
            None => continue,
        };
        merged.push((k, second));
    }
    if merged.is_empty() {
        return;
    }
    let mut gone = vec![false; s.names.found.len()];
    for &(k, second) in &merged {
        if let Some(f) = s.names.found.get_mut(k) {
            let mut person = Person::new(NameForm::Given);
            let span = s.ctx.span(f.first, f.first + 1);
            person.given = Some(span);
            f.end = f.first + 2;
            f.bytes = Bytes::from(span);
            f.kind = EntityKind::Person(person);
            // (It may take a free word: marked here, as it is no new
            // entity.)
            seen.held.mark(f.first, f.end);
        }
        seen.briefs.refresh(&s.names.found, k);
        if let Some(g) = second.and_then(|n| gone.get_mut(n)) {
            *g = true;
        }
    }
    drop_found(s, &gone, seen);
}

/// How many tokens back a full name makes a place named like its middle
/// and given name that person (see [`places_named_by_pairs`]): about an
/// article.
const ARTICLE: usize = 600;

/// A known place of two words that a full name met earlier ends with, as
/// its middle and given name, within an article (`Hà Giang` after `Lê Thị
/// Hà Giang`): the person, where nothing marks the place (`ở Hà Giang`,
/// `tại`, a unit word before, `Hà Giang cũ`, a list).
fn places_named_by_pairs(s: &mut Scanner<'_, '_, '_>, seen: &mut Seen, full: &FullNames<'_>) {
    if full.pairs.is_empty() {
        return;
    }
    let briefs = seen.briefs.update(&s.names.found);
    let title_syllable = Some(TokenKind::Syllable(Casing::Title));
    let people: Vec<usize> = briefs
        .pick(|b| b.bare_place() & !b.inner)
        .into_iter()
        .filter(|&k| {
            let Some(b) = briefs.get(k) else {
                return false;
            };
            let i = b.first();
            b.end() == i + 2
                && s.ctx.kind(i) == title_syllable
                && s.ctx.kind(i + 1) == title_syllable
                && s.ctx.same_line(i, i + 1)
                && !located_at(s, i)
                && !s.ctx.is(i + 2, "cũ")
                && !(i > 0 && s.lex.is(s.ctx, i - 1, class::UNIT))
                // (Nor one of a list, `Thái Bình, Nam Định và …`.)
                && !(i > 1
                    && (s.ctx.is_char(i - 1, ',')
                        || s.ctx.which(i - 1, word_keys!["và", "hoặc"]).is_some())
                    && s.ctx.capital(i - 2))
                && !(s.ctx.is_char(i + 2, ',') && s.ctx.capital(i + 3))
                && full
                    .pairs
                    .get(s.ctx.span(i, i + 1).get(s.ctx.text).unwrap_or_default())
                    .is_some_and(|&at| at < i && i - at <= ARTICLE)
        })
        .collect();
    into_given_names(s, seen, &people);
}

/// A full name right after `ở` or `tại`, with no honorific, no title and
/// no earlier full name of its given name: a place named alone (`mực nước
/// tại Sơn Diệm`, `đỉnh lũ tại Kim Long`), which news names so mostly for
/// communes and wards. (No person stands right after these words in news.)
fn persons_located_at(s: &mut Scanner<'_, '_, '_>, seen: &mut Seen, full: &FullNames<'_>) {
    let briefs = seen.briefs.update(&s.names.found);
    let full_person = |b: &Brief| {
        !b.inner
            && b.sort
                == Sort::Person {
                    form: NameForm::Full,
                    honorific: false,
                }
    };
    let located: Vec<usize> = briefs
        .pick(full_person)
        .into_iter()
        .filter(|&k| briefs.get(k).is_some_and(|b| located_at(s, b.first())))
        .filter(|&k| !s.names.links.iter().any(|l| l.1 == k || l.2 == k))
        .filter(|&k| {
            let Some(f) = s.names.found.get(k) else {
                return false;
            };
            let EntityKind::Person(p) = &f.kind else {
                return false;
            };
            given_of(s, p)
                .and_then(|g| full.givens.get(g))
                .is_none_or(|&at| at >= f.first)
        })
        .collect();
    for k in located {
        if let Some(f) = s.names.found.get_mut(k) {
            f.kind = EntityKind::Place(Place {
                level: PlaceLevel::Commune,
                unit: None,
                name: f.bytes.span(),
            });
        }
        seen.briefs.refresh(&s.names.found, k);
    }
}

/// How many tokens back a full name makes a place of its given name at
/// the start of a sentence that person (see
/// [`places_named_like_people_just_met`]): a sentence or two.
const JUST_MET: usize = 60;

/// A bare place of one word that opens a sentence and is followed by a
/// word in lower case, a sentence or two after a full name with that given
/// name (`Em Hồ Sỹ Vinh … đoạt Huy chương Vàng. Vinh chọn thi …`): the
/// person again, not the city. Further on, or mid-sentence (`về Vinh`), it
/// stays the place.
fn places_named_like_people_just_met(
    s: &mut Scanner<'_, '_, '_>,
    seen: &mut Seen,
    full: &FullNames<'_>,
) {
    if full.givens.is_empty() {
        return;
    }
    let briefs = seen.briefs.update(&s.names.found);
    let title_syllable = Some(TokenKind::Syllable(Casing::Title));
    let lower = Some(TokenKind::Syllable(Casing::Lower));
    let people: Vec<usize> = briefs
        .pick(|b| b.bare_place() & b.one_word())
        .into_iter()
        .filter(|&k| {
            let Some(i) = briefs.get(k).map(Brief::first) else {
                return false;
            };
            s.ctx.kind(i) == title_syllable
                && s.ctx.kind(i + 1) == lower
                && s.ctx.same_line(i, i + 1)
                && s.sentence_start(i)
                && full
                    .givens
                    .get(s.ctx.text_of(i))
                    .is_some_and(|&at| at < i && i - at <= JUST_MET)
        })
        .collect();
    into_given_names(s, seen, &people);
}

/// Makes each entity of `people` (a place read where the text names a
/// person) a person named by a given name over its span.
fn into_given_names(s: &mut Scanner<'_, '_, '_>, seen: &mut Seen, people: &[usize]) {
    for &k in people {
        if let Some(f) = s.names.found.get_mut(k) {
            let mut person = Person::new(NameForm::Given);
            person.given = Some(f.bytes.span());
            f.kind = EntityKind::Person(person);
        }
        seen.briefs.refresh(&s.names.found, k);
    }
}

/// Drops the entities marked in `gone`, and their links: their briefs
/// say they are gone, and the steps pass them over. They leave the
/// entities once, at the end ([`remove_dropped`]), not at each step that
/// drops some: a large text's entities are megabytes to move, and their
/// indices, which the links hold, stay the same until then.
fn drop_found(s: &mut Scanner<'_, '_, '_>, gone: &[bool], seen: &mut Seen) {
    seen.briefs.update(&s.names.found);
    seen.briefs.drop(gone);
    let is_gone = |k: usize| gone.get(k).copied().unwrap_or(false);
    s.names.links.retain(|l| !is_gone(l.1) && !is_gone(l.2));
}

/// Empties the entities [`drop_found`] dropped (none of their tokens),
/// which the merge passes over as it passes over any empty entity. They
/// stay where they are, not removed: a large text's entities are megabytes
/// to move, and the links' indices stay right without renumbering. (No
/// link holds a dropped entity: they went with it.)
fn remove_dropped(s: &mut Scanner<'_, '_, '_>, briefs: &mut Briefs) {
    let briefs = briefs.update(&s.names.found);
    // (Test builds check that those noted are all that are gone.)
    #[cfg(debug_assertions)]
    {
        let mut noted = vec![false; briefs.len()];
        for &k in &briefs.dropped {
            if let Some(n) = noted.get_mut(k) {
                *n = true;
            }
        }
        debug_assert!(
            briefs
                .iter()
                .zip(&noted)
                .all(|(b, &n)| (b.sort == Sort::Gone) == n),
            "the entities noted dropped differ from those gone"
        );
    }
    for &k in &briefs.dropped {
        if let Some(f) = s.names.found.get_mut(k) {
            f.end = f.first;
            f.bytes.end = f.bytes.start;
        }
    }
    debug_assert!(
        s.names.links.iter().all(|l| {
            let held = |k: usize| s.names.found.get(k).is_some_and(|f| f.first < f.end);
            held(l.1) && held(l.2)
        }),
        "a link holds a dropped entity"
    );
}

/// The family name of a foreign person alone, after the full name
/// (`Moreau` after `Julien Moreau`): a free capital of a foreign spelling
/// that ends an earlier foreign name of two words or more.
fn foreign_family_names_alone(s: &mut Scanner<'_, '_, '_>, free: &[Free<'_>], seen: &mut Seen) {
    // The last word of each foreign name met with a cue (an honorific, a
    // title it holds, an age: `đạo diễn người Pháp Julien Moreau`,
    // `Daniel Kemboi (29 tuổi, Kenya)`), and where it
    // is first met. (A run of capitals read as a name on no cue, in a
    // table or a list, `Fax Modem`, lends its last word to nothing.)
    let titled: HashSet<usize, Fast> = s
        .names
        .links
        .iter()
        .filter(|l| l.0 == LinkKind::Holds)
        .map(|l| l.1)
        .collect();
    // The countries in brackets, by the token of their bracket: `Liam
    // Fairbairn (Australia)` is a player of that country.
    let briefs = seen.briefs.update(&s.names.found);
    let countries_in_brackets: HashSet<usize, Fast> = briefs
        .iter()
        .filter(|b| {
            matches!(
                b.sort,
                Sort::Place {
                    level: PlaceLevel::Country,
                    ..
                }
            ) && b.first > 0
                && s.ctx.is_char(b.first() - 1, '(')
                && s.ctx.is_char(b.end(), ')')
        })
        .map(|b| b.first() - 1)
        .collect();
    let mut families: HashMap<&str, usize, Fast> = HashMap::default();
    for (k, b) in briefs.iter().enumerate() {
        if b.form() != Some(NameForm::Foreign) || b.end() < b.first() + 2 {
            continue;
        }
        let Some(f) = s.names.found.get(k) else {
            continue;
        };
        let cued = match &f.kind {
            EntityKind::Person(p) => {
                p.honorific.is_some()
                    || titled.contains(&k)
                    || p.age.is_some()
                    || p.birth_year.is_some()
                    || countries_in_brackets.contains(&f.end)
            }
            _ => false,
        };
        if cued {
            families.entry(s.ctx.text_of(f.end - 1)).or_insert(f.first);
        }
    }
    if families.is_empty() {
        return;
    }
    let mut found = Vec::new();
    for &Free { i, text, kind, .. } in free {
        // (A word with lower-case letters: a capital alone, `X`, `B`, is
        // a letter of a form or a list.)
        let foreign = matches!(kind, Some(TokenKind::Word(Casing::Title)))
            && text.chars().any(char::is_lowercase);
        if !foreign || families.get(text).is_none_or(|&at| at >= i) || !s.open(i) {
            continue;
        }
        let held = seen.held.update(seen.briefs.update(&s.names.found));
        if held.get(i).copied().unwrap_or(true) {
            continue;
        }
        if alone_capital(s, i) {
            found.push(foreign_word(s, i, text));
        }
    }
    s.names.found.extend(found);
}

/// Whether the name at `i` follows `ở` or `tại` on its line.
fn located_at(s: &Scanner<'_, '_, '_>, i: usize) -> bool {
    i > 0 && s.ctx.same_line(i - 1, i) && s.ctx.which(i - 1, word_keys!["ở", "tại"]).is_some()
}

/// Whether the capital at `i` stands alone: no capitalised word right
/// before or after it on its line.
fn alone_capital(s: &Scanner<'_, '_, '_>, i: usize) -> bool {
    let capital_before = i > 0 && s.ctx.capital(i - 1) && s.ctx.same_line(i - 1, i);
    let capital_after = s.ctx.capital(i + 1) && s.ctx.same_line(i, i + 1);
    !capital_before && !capital_after
}

/// A foreign person named by the one word at `i`, `word` (a slice of
/// `s`'s text).
fn foreign_word(s: &Scanner<'_, '_, '_>, i: usize, word: &str) -> Found {
    let span = span_in(s.ctx.text, word);
    debug_assert_eq!(span, s.ctx.span(i, i), "a word's span");
    Found::spanning(
        i,
        i + 1,
        span,
        EntityKind::Person(Person::new(NameForm::Foreign)),
    )
}

/// Links each person mention to the first full name it refers to: the
/// same full name, the same given name (the latest such person), or
/// matching initials.
fn same_person<'h>(
    s: &mut Scanner<'_, 'h, '_>,
    briefs: &Briefs,
    persons: &[Spot],
    order: &mut Vec<Spot>,
    aside: &mut Vec<Spot>,
    before: &mut NamedBefore<'h>,
) {
    // The persons in order of position (at one position, in the order
    // found), and the maps sized once for those named in full.
    order.clear();
    order.extend_from_slice(persons);
    // (By position, then in the order found, which `persons` is in: what
    // a stable sort by position gives.)
    debug_assert!(
        persons.windows(2).all(|w| matches!(w, [a, b] if a.2 < b.2)),
        "the persons are out of the order found"
    );
    sort_mostly_sorted(order, aside, |&(first, _, k)| (first, k));
    // (Counted among the persons, not over all the briefs.)
    let full = persons
        .iter()
        .filter(|&&(_, _, k)| {
            matches!(
                briefs.get(k).and_then(Brief::form),
                Some(NameForm::Full | NameForm::Foreign)
            )
        })
        .count();
    let NamedBefore {
        by_text,
        by_given,
        by_initials,
    } = before;
    by_text.clear();
    by_text.reserve(full);
    by_given.clear();
    by_given.reserve(2 * full);
    by_initials.clear();
    by_initials.reserve(full);
    let mut by_first_letter: HashMap<char, usize, Fast> = HashMap::default();
    for &(_, _, k) in order.iter() {
        // (The entity itself is read only for a full name met first.)
        let Some(form) = briefs.get(k).and_then(Brief::form) else {
            continue;
        };
        let text = briefs.text(s, k);
        let target = match form {
            NameForm::Full | NameForm::Foreign => by_text.get(text).copied(),
            NameForm::Given => by_given.get(text).copied(),
            NameForm::Initials => {
                let letters = text.chars().filter(|c| *c != '.');
                let mut chars = letters.clone();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if is_initials(text) => by_first_letter.get(&c).copied(),
                    _ => by_initials.get(&Letters::of(letters)).copied(),
                }
            }
        };
        if let Some(t) = target {
            s.names.links.push((LinkKind::SameAs, k, t));
            continue;
        }
        if !matches!(form, NameForm::Full | NameForm::Foreign) {
            continue;
        }
        let Some(EntityKind::Person(p)) = s.names.found.get(k).map(|f| &f.kind) else {
            continue;
        };
        by_text.insert(text, k);
        let initials = text.split([' ', '-']).filter_map(|w| w.chars().next());
        by_initials.insert(Letters::of(initials), k);
        if let Some(g) = given_of(s, p) {
            by_given.insert(g, k);
            // `Thu Pha` for `Nguyễn Thị Thu Pha`: the given name with the
            // middle name before it.
            if let Some(two) = last_two_names(s, p) {
                by_given.insert(two, k);
            }
            if let Some(c) = g.chars().next() {
                by_first_letter.insert(c, k);
            }
        } else if let Some(last) = text.rsplit(' ').next() {
            // A foreign name is referred to by its last part: `Trump`.
            by_given.insert(last, k);
        }
    }
}

/// The persons named before, by what a later mention may write of them:
/// [`same_person`]'s maps, kept between texts ([`same_title`] reuses
/// `by_text` for the titles).
#[derive(Debug, Default)]
struct NamedBefore<'h> {
    /// Each full name by its text.
    by_text: HashMap<&'h str, usize, Fast>,
    /// Each full name by its given name, its last two names, or a foreign
    /// name's last part.
    by_given: HashMap<&'h str, usize, Fast>,
    /// Each full name by its initials.
    by_initials: HashMap<Letters, usize, Fast>,
}

/// A run of letters as a key, without a string allocated for each: packed
/// in a number when its UTF-8 fits sixteen bytes (initials do), else
/// spelled out. (The same letters always give the same key.)
#[derive(Debug, PartialEq, Eq, Hash)]
enum Letters {
    Packed(u128, usize),
    Spelled(String),
}

impl Letters {
    fn of(letters: impl Iterator<Item = char> + Clone) -> Letters {
        let mut bytes = [0u8; 16];
        let mut len = 0;
        for c in letters.clone() {
            let mut utf8 = [0u8; 4];
            let c = c.encode_utf8(&mut utf8).as_bytes();
            match bytes.get_mut(len..len + c.len()) {
                Some(slot) => slot.copy_from_slice(c),
                None => return Letters::Spelled(letters.collect()),
            }
            len += c.len();
        }
        Letters::Packed(u128::from_le_bytes(bytes), len)
    }
}

/// A title written again without its holder's name (`đồng chí Trưởng Ban
/// Tổ chức Tỉnh ủy`) is held by whoever held the same title earlier; a
/// seat (`ghế Chủ tịch …`) is not.
fn same_title<'h>(
    s: &mut Scanner<'_, 'h, '_>,
    briefs: &Briefs,
    titles: &[Spot],
    order: &mut Vec<Spot>,
    holder: &mut HashMap<usize, usize, Fast>,
    aside: &mut Vec<Spot>,
    by_text: &mut HashMap<&'h str, usize, Fast>,
) {
    holder.clear();
    for l in &s.names.links {
        if l.0 == LinkKind::Holds {
            holder.entry(l.2).or_insert(l.1);
        }
    }
    // The titles in order of position (at one position, in the order
    // found).
    order.clear();
    order.extend_from_slice(titles);
    // (As in `same_person`: the titles are in the order found.)
    debug_assert!(
        titles.windows(2).all(|w| matches!(w, [a, b] if a.2 < b.2)),
        "the titles are out of the order found"
    );
    sort_mostly_sorted(order, aside, |&(first, _, k)| (first, k));
    by_text.clear();
    by_text.reserve(order.len());
    let mut added = Vec::new();
    for &(first, _, k) in order.iter() {
        // (`Ghế Chủ tịch UBND xã … tạm để trống`: the seat names the post,
        // which may be empty, not its holder.)
        if first > 0 && s.ctx.is(first - 1, "ghế") {
            continue;
        }
        let text = briefs.text(s, k);
        match holder.get(&k) {
            Some(&person) => {
                by_text.entry(text).or_insert(person);
            }
            None => {
                if let Some(&person) = by_text.get(text) {
                    added.push((LinkKind::Holds, person, k));
                }
            }
        }
    }
    s.names.links.extend(added);
}

/// A title that names no post: no holder, no body or place, and a rank
/// alone (`Bác sĩ cho biết`: the doctor), a role in lower case (`một luật
/// sư nói`, `nhóm phóng viên`) or a role after a plural (`các Phó Chủ
/// tịch`). A post written with its capitals stays, holder or not (`Thủ
/// tướng khẳng định`).
fn generic_titles(s: &mut Scanner<'_, '_, '_>, titles: &[Spot], seen: &mut Seen) {
    let mut held = vec![false; s.names.found.len()];
    for l in &s.names.links {
        if let Some(h) = held.get_mut(l.2).filter(|_| l.0 == LinkKind::Holds) {
            *h = true;
        }
    }
    let text = s.ctx.text;
    let mut gone = vec![false; s.names.found.len()];
    for &(_, _, k) in titles {
        if held.get(k).copied().unwrap_or(true) {
            continue;
        }
        let Some(f) = s.names.found.get(k) else {
            continue;
        };
        let generic = (|| {
            let EntityKind::Title(t) = &f.kind else {
                return false;
            };
            // A reporter of a paper or agency named by no name is the
            // paper's, no post (`nói với phóng viên TTXVN tại Busan`).
            let reporter = t
                .role
                .and_then(|r| r.get(text))
                .is_some_and(|r| r == "phóng viên" || r == "Phóng viên");
            if reporter {
                return true;
            }
            if t.organization.is_some() {
                return false;
            }
            let lower = t.role.is_some_and(|r| {
                r.get(text)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_lowercase)
            });
            let plural = f.first > 0
                && s.ctx
                    .which(f.first - 1, word_keys!["các", "những", "nhiều", "nhóm"])
                    .is_some();
            t.role.is_none() || lower || plural
        })();
        if let Some(g) = gone.get_mut(k) {
            *g = generic;
        }
    }
    if gone.contains(&true) {
        drop_found(s, &gone, seen);
    }
}

/// A title with no holder yet, given to a person by a verb in the same
/// sentence (`Ông A tái đắc cử Bí thư Huyện ủy`, `đồng chí B được bầu làm
/// Phó Bí thư`), or naming its holder after `là` (`Tân Phó Bí thư là đồng chí
/// C`).
fn held_by_verb(
    s: &mut Scanner<'_, '_, '_>,
    briefs: &[Brief],
    persons: &[Spot],
    titles: &[Spot],
    reach: &mut HashMap<usize, usize, Fast>,
    by_place: &mut Vec<Spot>,
    aside: &mut Vec<Spot>,
) {
    let mut held = vec![false; s.names.found.len()];
    // How far each person's titles set beside the name reach: a verb
    // after them is as close as one right after the name (`bà A, Phó
    // Trưởng Ban Tổ chức Tỉnh ủy, được điều động, bổ nhiệm giữ chức …`).
    reach.clear();
    for l in &s.names.links {
        if l.0 == LinkKind::Holds {
            if let Some(h) = held.get_mut(l.2) {
                *h = true;
            }
            if let Some(t) = briefs.get(l.2) {
                let r = reach.entry(l.1).or_default();
                *r = (*r).max(t.end());
            }
        }
    }
    // Persons by position, to find the nearest one before a verb.
    by_place.clear();
    by_place.extend_from_slice(persons);
    // (No two are equal: each holds its index.)
    sort_mostly_sorted(by_place, aside, |&t| t);
    let persons = &*by_place;
    let all_titles = titles;
    // The titles by position: for the title between a person and a verb,
    // and for the titles joined to one given a holder.
    let mut titles: Vec<Spot> = all_titles.to_vec();
    titles.sort_unstable();
    let sentence_break = |s: &Scanner<'_, '_, '_>, a: usize, b: usize| {
        (a..b).any(|j| {
            [".", ";", "!", "?"].iter().any(|p| s.ctx.text_of(j) == *p)
                || !s.ctx.same_line(j.saturating_sub(1), j)
        })
    };
    let mut links = Vec::new();
    // The person named at `j`, past an honorific.
    let holder_at = |mut j: usize| {
        if let Some(h) = s.lex.longest(s.ctx, j, class::HONORIFIC) {
            j = h.end;
        }
        let at = persons.partition_point(|&(first, _, _)| first < j);
        persons
            .get(at)
            .filter(|&&(first, _, _)| first == j)
            .map(|&(_, _, person)| person)
    };
    for &(title_first, title_end, k) in all_titles {
        let inner = briefs.get(k).is_none_or(|b| b.inner);
        if held.get(k).copied().unwrap_or(true) || inner {
            continue;
        }
        // `thôi giữ chức … đối với bà C`, `miễn nhiệm chức danh … đối với
        // ông C`: the post is named for the person after it, whoever the
        // sentence's subject is.
        let post = title_first >= 1
            && (s.ctx.is(title_first - 1, "chức")
                || (title_first >= 2
                    && s.ctx.is(title_first - 2, "chức")
                    && s.ctx
                        .which(title_first - 1, word_keys!["danh", "vụ"])
                        .is_some()));
        if post && s.ctx.is(title_end, "đối") && s.ctx.is(title_end + 1, "với") {
            if let Some(person) = holder_at(title_end + 2) {
                links.push((LinkKind::Holds, person, k));
                continue;
            }
        }
        // A verb that ends right before the title.
        let verb = (title_first.saturating_sub(6)..title_first).find(|&v| {
            s.lex
                .longest(s.ctx, v, class::HOLD)
                .is_some_and(|h| h.end == title_first)
        });
        if let Some(v) = verb {
            let before = persons.partition_point(|&(_, end, _)| end <= v);
            let nearest = before.checked_sub(1).and_then(|p| persons.get(p));
            // The subject of the sentence reaches further, over its age,
            // its home town and the like (`Ông Tấn năm nay 49 tuổi, quê
            // xã …, từng là Phó Giám đốc …`), while no title comes between.
            let close = |&&(first, end, person): &&(usize, usize, usize)| {
                let end = reach.get(&person).map_or(end, |&r| r.max(end).min(v));
                let subject = s.sentence_start(first) || (first > 0 && s.sentence_start(first - 1));
                // (The first title from `end` on, by a binary search.)
                let next_title = titles.partition_point(|&(first, _, _)| first < end);
                let title_between = titles
                    .get(next_title)
                    .is_some_and(|&(_, title_end, _)| title_end <= v);
                let limit = if subject && !title_between { 20 } else { 8 };
                v - end <= limit && !sentence_break(s, end, v)
            };
            if let Some(&(_, _, person)) = nearest.filter(close) {
                links.push((LinkKind::Holds, person, k));
                continue;
            }
        }
        // `… là đồng chí C`: the holder after the title.
        if s.ctx.is(title_end, "là") {
            if let Some(person) = holder_at(title_end + 1) {
                links.push((LinkKind::Holds, person, k));
            }
        }
    }
    // The titles joined to one given so (`từng là Phó Chánh Thanh tra tỉnh
    // và Bí thư Huyện ủy …`, `được bầu làm Phó Bí thư kiêm Chủ tịch …`)
    // are the same person's, while none has a holder of its own.
    let mut joined = Vec::new();
    for &(_, person, k) in &links {
        let mut end = briefs.get(k).map(Brief::end);
        while let Some(e) = end {
            let after = e + usize::from(s.ctx.is_char(e, ','));
            let join = s.ctx.which(after, word_keys!["và", "kiêm"]).is_some();
            let next = titles.partition_point(|&(first, _, _)| first < after + 1);
            end = None;
            if let Some(&(first, next_end, n)) = titles.get(next) {
                let free = !held.get(n).copied().unwrap_or(true)
                    && !briefs.get(n).is_none_or(|b| b.inner)
                    && !links.iter().any(|l| l.2 == n);
                if join && first == after + 1 && free && s.ctx.same_line(e, first) {
                    joined.push((LinkKind::Holds, person, n));
                    end = Some(next_end);
                }
            }
        }
    }
    s.names.links.extend(links);
    s.names.links.extend(joined);
}

/// A lone capitalised word that is no Vietnamese syllable and that no list
/// knows, after `đến từ` or `tới từ`: the place someone comes from
/// (`Kemboi, người đến từ Eldoret`), a city the lists do not know.
fn foreign_places_come_from(s: &mut Scanner<'_, '_, '_>, free: &[Free<'_>], seen: &mut Seen) {
    let mut found = Vec::new();
    for &Free { i, text, kind, .. } in free {
        // (The word first, from what `free` holds: the words before it
        // are read only for the few foreign words.)
        let lone_word =
            kind == Some(TokenKind::Word(Casing::Title)) && text.chars().all(char::is_alphabetic);
        let origin = || {
            i >= 2
                && s.ctx.is(i - 1, "từ")
                && s.ctx.which(i - 2, word_keys!["đến", "tới"]).is_some()
                && s.ctx.same_line(i - 2, i)
        };
        if !lone_word || !origin() || !s.open(i) || !alone_capital(s, i) {
            continue;
        }
        let listed = s.ctx.start(i).is_some_and(|st| st.has(u32::MAX));
        let held = seen.held.update(seen.briefs.update(&s.names.found));
        if listed || held.get(i).copied().unwrap_or(true) {
            continue;
        }
        let name = span_in(s.ctx.text, text);
        debug_assert_eq!(name, s.ctx.span(i, i), "a word's span");
        let place = Place {
            level: PlaceLevel::City,
            unit: None,
            name,
        };
        found.push(Found::spanning(i, i + 1, name, EntityKind::Place(place)));
    }
    s.names.found.extend(found);
}

/// In a text about sport (a club or team found, or a word of a match), a
/// lone capitalised word that is no Vietnamese syllable and that no list
/// knows is a player or coach named by one name (`cú đánh đầu của
/// Gustavinho`, `Moreira ghi bàn`), inside a sentence or before what a
/// subject takes.
fn lone_foreign_names(s: &mut Scanner<'_, '_, '_>, free: &[Free<'_>], seen: &mut Seen) {
    let sporty = seen
        .briefs
        .update(&s.names.found)
        .iter()
        .any(|b| b.sort == Sort::Organization(OrgCategory::Sports));
    if !sporty {
        return;
    }
    let covered = &*seen.held.update(seen.briefs.update(&s.names.found));
    let mut found = seen.spare.take_added();
    for &Free { i, text, kind, .. } in free {
        let lone_word = kind == Some(TokenKind::Word(Casing::Title))
            && text.chars().count() >= 4
            && text.chars().all(char::is_alphabetic);
        if !lone_word || covered.get(i).copied().unwrap_or(true) || !s.open(i) {
            continue;
        }
        // `tiền đạo người Brazil Mateus`: a national's name after the
        // country.
        let national = (2..=4).any(|back| {
            i >= back
                && s.ctx.is(i - back, "người")
                && s.place(i - back + 1)
                    .is_some_and(|p| p.level == PlaceLevel::Country && p.end == i)
        }) && !(s.ctx.capital(i + 1) && s.ctx.same_line(i, i + 1));
        let alone = alone_capital(s, i) || national;
        let listed = s.ctx.start(i).is_some_and(|st| st.has(u32::MAX));
        let subject =
            s.ctx.same_line(i, i + 1) && s.lex.longest(s.ctx, i + 1, class::PREDICATE).is_some();
        if alone && !listed && (!s.sentence_start(i) || subject) {
            found.push(foreign_word(s, i, text));
        }
    }
    seen.spare.put_added(&mut s.names.found, found);
}

/// Where the legal form at the end of a company's name `first..end` starts
/// (`Co., Ltd.`, `Inc.`), or `end` when it has none; one word of name is
/// always left.
fn legal_form_from(s: &Scanner<'_, '_, '_>, first: usize, end: usize) -> usize {
    let mut k = end;
    let mut forms = 0;
    while k > first + 1 {
        let prev = k - 1;
        if s.ctx.is_char(prev, '.') || s.ctx.is_char(prev, ',') {
            k = prev;
        } else if s.lex.is(s.ctx, prev, class::LEGAL) {
            k = prev;
            forms += 1;
        } else {
            break;
        }
    }
    if forms > 0 { k } else { end }
}
