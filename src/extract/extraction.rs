//! The result of extraction: entities and the links between them.

use core::ops::Deref;

use super::context::{Ctx, CtxBuffers};
use super::link::{self, Link, LinkKind};
use super::names::Names;
use super::resolve::{self, Candidate};
use super::{
    Credit, DateRange, DateTime, DateValue, Entity, EntityKind, Organization, Person, Place,
    Quantity, TimeOfDay, Title,
};
use crate::span::Span;

/// The entities of a text and the links between them.
///
/// It dereferences to the slice of entities, so `found[0]`, `found.len()`
/// and `for e in &found` work as on a `Vec`; [`Extraction::links`] gives the
/// links, and [`Extraction::titles_of`] and [`Extraction::holder_of`] read
/// them for the common questions.
///
/// ```
/// use vitext::extract::extract;
///
/// let text = "Đồng chí Nguyễn Giờ - Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ \
///             chức Tỉnh ủy, dự Hội nghị.";
/// let found = extract(text);
/// let person = found.iter().position(|e| e.kind.name() == "person").unwrap();
/// let titles: Vec<&str> = found.titles_of(person).map(|t| found[t].text).collect();
/// assert_eq!(titles, ["Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Tổ chức Tỉnh ủy"]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction<'h> {
    entities: Vec<Entity<'h>>,
    links: Vec<Link>,
    /// For each entity, the first full mention of the same person (itself
    /// when it is none, or no person).
    referents: Vec<usize>,
    /// `(referent, title)` for each title held, sorted.
    holdings: Vec<(usize, usize)>,
    /// `(title, person)` for each title held, sorted.
    holders: Vec<(usize, usize)>,
    /// The entities whose values own memory on the heap.
    owners: Owners,
    /// The extractor's buffers, kept for the next text.
    pub(super) scratch: Scratch<'h>,
}

/// The buffers [`Extractor::extract_into`](super::Extractor::extract_into)
/// fills for each text (a record a token, candidates, name readings), kept with
/// the result so that extracting text after text into one [`Extraction`]
/// allocates them once. They hold nothing of the result: a clone starts
/// empty, and they never make two extractions unequal.
#[derive(Default)]
pub(super) struct Scratch<'h> {
    pub ctx: CtxBuffers,
    pub candidates: Vec<Candidate<'h>>,
    pub places: Vec<resolve::Reading>,
    pub kept: Vec<resolve::Reading>,
    pub resolver: resolve::Buffers,
    pub blocked: Vec<bool>,
    pub names: Names<'h>,
    pub merge: MergeBuffers,
    /// The candidates whose values own memory on the heap, by index.
    pub candidate_owners: Vec<usize>,
}

/// What [`merge`] gathers for each text: the names in order, each name's
/// place among the entities, the entities open around the one placed, and
/// the document references kept.
#[derive(Default)]
pub(super) struct MergeBuffers {
    /// Each name's first and end token (then its span's start and end)
    /// and its index, sorted by position.
    by_token: Vec<(usize, core::cmp::Reverse<usize>, usize)>,
    /// The names out of order, set aside as `by_token` is sorted.
    aside: Vec<(usize, core::cmp::Reverse<usize>, usize)>,
    final_of: Vec<Option<usize>>,
    stack: Vec<(usize, Span)>,
    docs: Vec<usize>,
}

impl Scratch<'_> {
    /// The same buffers, emptied, for a text of another lifetime (the
    /// normalized form of the caller's text): they keep their capacity.
    // The items change lifetime, which `filter` cannot do.
    #[allow(clippy::unnecessary_filter_map)]
    pub fn relabel<'b>(self) -> Scratch<'b> {
        Scratch {
            ctx: self.ctx,
            // (`filter_map` collects in place: same layout, no allocation.)
            candidates: self.candidates.into_iter().filter_map(|_| None).collect(),
            places: self.places,
            kept: self.kept,
            resolver: self.resolver,
            blocked: self.blocked,
            names: self.names.relabel(),
            merge: self.merge,
            candidate_owners: self.candidate_owners,
        }
    }
}

impl Clone for Scratch<'_> {
    fn clone(&self) -> Self {
        Scratch::default()
    }
}

impl PartialEq for Scratch<'_> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl core::fmt::Debug for Scratch<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Scratch")
    }
}

/// The indices of the entities (or candidates) whose values own memory on
/// the heap ([`owns_heap`]), in order: emptying a vector then drops these
/// alone and forgets the rest, which own nothing, without reading them.
/// Two extractions with the same entities have the same owners: they
/// never make two extractions unequal.
#[derive(Clone, Debug, Default)]
struct Owners(Vec<usize>);

impl PartialEq for Owners {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

// The values of these kinds never own memory: [`owns_heap`] relies on it,
// and a field that owns some, added to one of them, must be added there.
const _: () = assert!(
    !core::mem::needs_drop::<DateValue>()
        && !core::mem::needs_drop::<TimeOfDay>()
        && !core::mem::needs_drop::<DateTime>()
        && !core::mem::needs_drop::<DateRange>()
        && !core::mem::needs_drop::<Quantity>()
        && !core::mem::needs_drop::<Person>()
        && !core::mem::needs_drop::<Title>()
        && !core::mem::needs_drop::<Place>()
        && !core::mem::needs_drop::<Credit>()
);

/// Whether an entity's value owns memory on the heap: a document
/// reference (boxed, with its strings) or an organization whose name is
/// written out. Few do: the others can be forgotten, not dropped.
pub(super) fn owns_heap(kind: &EntityKind) -> bool {
    match kind {
        EntityKind::DocRef(_) => true,
        // (Every field is named: one added must be looked at here.)
        EntityKind::Organization(Organization {
            category: _,
            expansion,
            term: _,
        }) => expansion.is_some(),
        EntityKind::Date(_)
        | EntityKind::Time(_)
        | EntityKind::DateTime(_)
        | EntityKind::DateRange(_)
        | EntityKind::Quantity(_)
        | EntityKind::Person(_)
        | EntityKind::Title(_)
        | EntityKind::Place(_)
        | EntityKind::Credit(_) => false,
    }
}

/// Whether an entity owns memory on the heap: only its value can.
fn entity_owns_heap(entity: &Entity<'_>) -> bool {
    // (Every field is named: one added must be looked at here.)
    let Entity {
        text: _,
        span: _,
        kind,
        within: _,
    } = entity;
    owns_heap(kind)
}

/// Whether a candidate owns memory on the heap: only its entity can.
pub(super) fn candidate_owns_heap(candidate: &Candidate<'_>) -> bool {
    // (Every field is named: one added must be looked at here.)
    let Candidate {
        entity,
        first: _,
        end: _,
        rank: _,
    } = candidate;
    entity_owns_heap(entity)
}

/// Empties `items`, whose values own no memory (`owns` says for each, and
/// test builds check it), without reading them: dropping each would read
/// every one, a large text's worth of memory, to find nothing to free.
/// The capacity is kept. (The items are forgotten, which is safe: a value
/// that owned memory would only leak it.)
pub(crate) fn forget_plain<T>(items: &mut Vec<T>, owns: impl Fn(&T) -> bool) {
    debug_assert!(
        !items.iter().any(owns),
        "a value that owns memory was left to forget"
    );
    // A drain forgotten leaves its vector without the drained items, not
    // dropped; should it ever leave some, they are dropped as usual.
    core::mem::forget(items.drain(..));
    items.clear();
}

/// Drops the values of the candidates at `owners` and empties
/// `candidates` without reading the others ([`forget_plain`]).
pub(super) fn clear_candidates(candidates: &mut Vec<Candidate<'_>>, owners: &mut Vec<usize>) {
    for &k in owners.iter() {
        if let Some(c) = candidates.get_mut(k) {
            drop(resolve::take_kind(&mut c.entity.kind));
        }
    }
    owners.clear();
    forget_plain(candidates, candidate_owns_heap);
}

impl<'h> Extraction<'h> {
    /// The entities, in order of position, an outer entity before those
    /// inside it.
    ///
    /// ```
    /// let found = vitext::extract("Công an tỉnh Thanh Hóa");
    /// let texts: Vec<&str> = found.entities().iter().map(|e| e.text).collect();
    /// assert_eq!(texts, ["Công an tỉnh Thanh Hóa", "tỉnh Thanh Hóa"]);
    /// assert_eq!(found.entities()[1].within, Some(0));
    /// ```
    pub fn entities(&self) -> &[Entity<'h>] {
        &self.entities
    }

    /// The links between entities, by index into [`Extraction::entities`].
    ///
    /// ```
    /// use vitext::extract::LinkKind;
    ///
    /// let found = vitext::extract("Tổng thống Mỹ Donald Trump");
    /// let kinds: Vec<LinkKind> = found.links().iter().map(|l| l.kind).collect();
    /// assert_eq!(kinds, [LinkKind::Of, LinkKind::Holds]);
    /// ```
    pub fn links(&self) -> &[Link] {
        &self.links
    }

    /// Removes every entity and link, keeping the buffers.
    ///
    /// ```
    /// let extractor = vitext::Extractor::default();
    /// let mut found = vitext::Extraction::default();
    /// extractor.extract_into("năm 2023", &mut found);
    /// found.clear();
    /// assert!(found.is_empty() && found.links().is_empty());
    /// ```
    pub fn clear(&mut self) {
        // (Only the few values that own memory are visited: a large text's
        // entities are not all read again to be dropped.)
        for &k in &self.owners.0 {
            if let Some(e) = self.entities.get_mut(k) {
                drop(resolve::take_kind(&mut e.kind));
            }
        }
        self.owners.0.clear();
        forget_plain(&mut self.entities, entity_owns_heap);
        self.links.clear();
        self.referents.clear();
        self.holdings.clear();
        self.holders.clear();
    }

    /// The entities, without the links.
    ///
    /// ```
    /// let entities = vitext::extract("năm 2023").into_entities();
    /// assert_eq!(entities[0].text, "năm 2023");
    /// ```
    pub fn into_entities(self) -> Vec<Entity<'h>> {
        self.entities
    }

    /// The first full mention of the person at `person`: itself, or the
    /// mention it is [the same person](LinkKind::SameAs) as.
    ///
    /// ```
    /// let found = vitext::extract("Anh Lê Văn Hùng kể lại. Hùng cho biết thêm.");
    /// let later = found.iter().rposition(|e| e.text == "Hùng").unwrap();
    /// assert_eq!(found[found.referent(later)].text, "Lê Văn Hùng");
    /// ```
    pub fn referent(&self, person: usize) -> usize {
        self.referents.get(person).copied().unwrap_or(person)
    }

    /// The titles held by the person at `person`, at this mention or at any
    /// other mention of the same person, in order of position.
    ///
    /// ```
    /// use vitext::extract::extract;
    ///
    /// let text = "Ông Lê Văn Tám, Giám đốc Sở Y tế, cho biết. Ông Tám nói thêm.";
    /// let found = extract(text);
    /// let later = found.iter().rposition(|e| e.text == "Tám").unwrap();
    /// let titles: Vec<&str> = found.titles_of(later).map(|t| found[t].text).collect();
    /// assert_eq!(titles, ["Giám đốc Sở Y tế"]);
    /// ```
    pub fn titles_of(&self, person: usize) -> impl Iterator<Item = usize> + '_ {
        let who = self.referent(person);
        let from = self.holdings.partition_point(|&(r, _)| r < who);
        self.holdings
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(move |&&(r, _)| r == who)
            .map(|&(_, t)| t)
    }

    /// The person who holds the title at `title`, at the mention the text
    /// links it to.
    ///
    /// ```
    /// use vitext::extract::extract;
    ///
    /// let found = extract("Thủ tướng Phạm Minh Chính tiếp khách.");
    /// let holder = found.holder_of(0).unwrap();
    /// assert_eq!(found[holder].text, "Phạm Minh Chính");
    /// ```
    pub fn holder_of(&self, title: usize) -> Option<usize> {
        let at = self.holders.partition_point(|&(t, _)| t < title);
        self.holders
            .get(at)
            .filter(|&&(t, _)| t == title)
            .map(|&(_, p)| p)
    }

    /// Appends the entities and links of `found`, read from another text
    /// whose spans `map` takes into `text`: the spans inside values too,
    /// and each entity's text taken from `text` again.
    pub(super) fn append_mapped(
        &mut self,
        found: Extraction<'_>,
        text: &'h str,
        map: impl Fn(Span) -> Span,
    ) {
        let base = self.entities.len();
        let link_base = self.links.len();
        for e in found.entities {
            let span = map(e.span);
            let mut kind = e.kind;
            kind.map_spans(&map);
            if owns_heap(&kind) {
                self.owners.0.push(self.entities.len());
            }
            self.entities.push(Entity {
                text: span.get(text).unwrap_or_default(),
                span,
                kind,
                within: e.within.map(|w| w + base),
            });
        }
        self.links.extend(
            found
                .links
                .into_iter()
                .map(|l| Link::new(l.kind, l.from + base, l.to + base)),
        );
        self.index_from(base, link_base);
    }

    /// Indexes the entities and links from `base` and `link_base` on (the
    /// ones just appended): their indices are past every earlier one, so
    /// the sorted indexes stay sorted when extended.
    fn index_from(&mut self, base: usize, link_base: usize) {
        let new = base..self.entities.len();
        self.referents.extend(new);
        let links = self.links.get(link_base..).unwrap_or_default();
        for l in links.iter().filter(|l| l.kind == LinkKind::SameAs) {
            if let Some(r) = self.referents.get_mut(l.from) {
                *r = l.to;
            }
        }
        let mut holdings: Vec<(usize, usize)> = Vec::new();
        let mut holders: Vec<(usize, usize)> = Vec::new();
        for l in links.iter().filter(|l| l.kind == LinkKind::Holds) {
            let who = self.referents.get(l.from).copied().unwrap_or(l.from);
            holdings.push((who, l.to));
            holders.push((l.to, l.from));
        }
        holdings.sort_unstable();
        holdings.dedup();
        holders.sort_unstable();
        holders.dedup_by_key(|h| h.0);
        self.holdings.extend(holdings);
        self.holders.extend(holders);
    }
}

impl<'h> Deref for Extraction<'h> {
    type Target = [Entity<'h>];

    fn deref(&self) -> &[Entity<'h>] {
        &self.entities
    }
}

impl<'a, 'h> IntoIterator for &'a Extraction<'h> {
    type Item = &'a Entity<'h>;
    type IntoIter = core::slice::Iter<'a, Entity<'h>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entities.iter()
    }
}

impl<'h> IntoIterator for Extraction<'h> {
    type Item = Entity<'h>;
    type IntoIter = std::vec::IntoIter<Entity<'h>>;

    fn into_iter(self) -> Self::IntoIter {
        self.entities.into_iter()
    }
}

/// The first layer of a text's entities as the resolver left it: the
/// dates, documents and quantities among the `candidates` at `kept` (in
/// order, without overlaps), and what completes each date (the reference
/// date and the months named lunar).
pub(super) struct FirstLayer<'a, 'h, C: FnMut(&mut Entity<'h>)> {
    pub candidates: &'a mut [Candidate<'h>],
    pub kept: &'a [resolve::Reading],
    pub complete: C,
}

/// Puts the first layer and the names together into `out`: in order, each
/// inner entity marked with the one it lies in, the names' links and the
/// documents' links added. Where the two layers meet, the resolver's rules
/// decide ([`resolve::name_gives_way`], [`resolve::part_of_name`]). Each
/// entity is moved once, from where it was found into `out`, and each
/// date is completed there: what is left in the candidates is for the
/// caller to empty. `buffers` are the caller's, kept between texts.
#[inline(always)]
pub(super) fn merge<'h, C: FnMut(&mut Entity<'h>)>(
    text: &'h str,
    ctx: &Ctx<'h>,
    first: FirstLayer<'_, 'h, C>,
    names: &mut Names<'h>,
    out: &mut Extraction<'h>,
    buffers: &mut MergeBuffers,
) {
    let FirstLayer {
        candidates,
        kept,
        mut complete,
    } = first;
    let MergeBuffers {
        by_token,
        aside,
        final_of,
        stack,
        docs,
    } = buffers;
    let base = out.entities.len();
    let link_base = out.links.len();
    // The names in order: position, the longer first. Only small keys are
    // sorted, by the span each name keeps (tokens and their bytes come in
    // the same order, so this is the order of their tokens, and no record
    // is read); each entity is then moved once, as the two sorted runs are
    // merged into `out`.
    by_token.clear();
    names.spans_into(by_token);
    debug_assert!(
        names.found.iter().all(|f| f.first >= f.end
            || f.bytes == crate::extract::names::Bytes::of(ctx, f.first, f.end)),
        "a name's kept span differs from its records'"
    );
    // (Each holds its index: no two are equal.)
    crate::extract::sort::sort_mostly_sorted(by_token, aside, |&t| t);
    debug_assert!(
        by_token.windows(2).all(|w| {
            let at = |k: usize| {
                names
                    .found
                    .get(k)
                    .map(|f| (f.first, core::cmp::Reverse(f.end)))
            };
            at(w[0].2) <= at(w[1].2)
        }),
        "the names' spans and tokens come in different orders"
    );
    // The names that cross no entity of the first layer, each read (its
    // span and text) just before it is placed. The entities of the first
    // layer are sorted and apart: only those from the one before a name on
    // can touch it, and that one moves on with the names.
    let mut in_order = by_token.iter().copied();
    let mut from = 0;
    let next_name = || {
        for (start, core::cmp::Reverse(end), k) in in_order.by_ref() {
            let span = Span::new(start, end);
            let Some(name) = span.get(text).filter(|t| !t.is_empty()) else {
                continue;
            };
            while kept.get(from).is_some_and(|r| r.span().end <= span.start) {
                from += 1;
            }
            let crossing = kept
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|r| r.span().start < span.end)
                .any(|r| resolve::name_gives_way(r.span(), span));
            if !crossing {
                return Some((span, name, k));
            }
        }
        None
    };
    let mut named = core::iter::from_fn(next_name).peekable();
    final_of.clear();
    final_of.resize(names.found.len(), None);
    stack.clear();
    // The document references kept, by their index among the new entities.
    docs.clear();
    out.entities.reserve(kept.len() + by_token.len());
    let mut firsts = kept.iter().peekable();
    loop {
        // At the same place and length, the entity of the first layer goes
        // first.
        let from_first = match (firsts.peek(), named.peek()) {
            (Some(r), Some(&(span, _, _))) => {
                (r.span().start, core::cmp::Reverse(r.span().end))
                    <= (span.start, core::cmp::Reverse(span.end))
            }
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        // The next entity's span and kind, read where it lies: it is
        // moved once, into `out`, and only if kept.
        let (span, k, name, dated) = if from_first {
            let Some(r) = firsts.next() else {
                break;
            };
            (r.span(), r.index, None, r.dated)
        } else {
            let Some((span, name, k)) = named.next() else {
                break;
            };
            (span, k, Some(name), false)
        };
        let kind = match name {
            Some(_) => names.found.get(k).map(|f| &f.kind),
            None => candidates.get(k).map(|c| &c.entity.kind),
        };
        let Some(kind) = kind else {
            continue;
        };
        while stack
            .last()
            .is_some_and(|&(_, s)| !(s.start <= span.start && span.end <= s.end))
        {
            stack.pop();
        }
        let host = stack.last().and_then(|&(i, _)| out.entities.get(i));
        if host.is_some_and(|host| resolve::part_of_name(kind, &host.kind)) {
            continue;
        }
        let index = out.entities.len();
        if owns_heap(kind) {
            out.owners.0.push(index);
            if matches!(kind, EntityKind::DocRef(_)) {
                docs.push(index - base);
            }
        }
        let within = stack.last().map(|&(i, _)| i);
        stack.push((index, span));
        match name {
            Some(name) => {
                if let Some(slot) = final_of.get_mut(k) {
                    *slot = Some(index);
                }
                if let Some(f) = names.found.get_mut(k) {
                    out.entities.push(Entity {
                        text: name,
                        span,
                        kind: resolve::take_kind(&mut f.kind),
                        within,
                    });
                }
            }
            None => {
                if let Some(c) = candidates.get_mut(k) {
                    out.entities.push(Entity {
                        text: c.entity.text,
                        span,
                        kind: resolve::take_kind(&mut c.entity.kind),
                        within,
                    });
                    if let Some(e) = out.entities.last_mut().filter(|_| dated) {
                        complete(e);
                    }
                }
            }
        }
    }
    for (kind, from, to) in names.links.drain(..) {
        let at = |n: usize| final_of.get(n).copied().flatten();
        if let (Some(from), Some(to)) = (at(from), at(to)) {
            out.links.push(Link::new(kind, from, to));
        }
    }
    // The emptied vectors keep their capacity for the next text.
    names.clear_found();
    let new = out.entities.get_mut(base..).unwrap_or_default();
    link::documents(text, new, docs, base, &mut out.links);
    // Only entities found may be linked: a title kept whose holder was
    // dropped loses the link with it (done above), and no name is
    // linked to itself. (The new links are kept in place, in order.)
    let mut linked = link_base;
    for k in link_base..out.links.len() {
        if out.links.get(k).is_some_and(|l| l.from != l.to) {
            out.links.swap(linked, k);
            linked += 1;
        }
    }
    out.links.truncate(linked);
    out.index_from(base, link_base);
}
