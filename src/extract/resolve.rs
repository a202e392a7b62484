//! The resolver: the one place where overlapping readings are settled,
//! by the rules in the [module docs](super).

use super::{Entity, EntityKind, PlaceLevel, QuantityKind, TimeOfDay};
use crate::span::Span;

/// How strong a candidate's evidence is; a higher rank wins an overlap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Rank {
    /// A number with nothing after it that says what it counts.
    BareNumber,
    /// A date read from an ambiguous shape with only a weak cue (`từ 5-10`).
    WeakDate,
    /// A quantity with its unit, currency, percent sign or noun.
    Measure,
    /// A date or time with a date word or a date-only shape.
    Date,
    /// A document named by type and title, without a number.
    NamedDoc,
    /// A document reference with a number.
    DocRef,
}

/// One proposed entity over the tokens `first..end`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Candidate<'h> {
    pub entity: Entity<'h>,
    pub first: usize,
    pub end: usize,
    pub rank: Rank,
}

/// Where a candidate is and what it weighs: its tokens `first..end`, its
/// span in the text, its index among the candidates, its rank, whether its
/// tokens are closed to names (all but a quantity's), whether it holds
/// a date (which the reference date and the lunar months complete: the
/// others are not read for them), and whether one of its dates is a lunar
/// one with a month (only those are read for the months a text names
/// lunar). The extractor
/// notes each candidate's place as the candidate is proposed, and the
/// resolver works on these alone (a candidate is a large value, and a large
/// text's candidates are far apart in memory by the time they are
/// resolved); the kept ones tell the merge where each entity goes without
/// reading the entity again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    /// The tokens and the span, in 32 bits each: a text is read whole only
    /// up to [`MAX_TEXT`](super::context::MAX_TEXT) bytes, which they
    /// index. (A large text has a reading for every few tokens, and the
    /// resolver reads them all three times: a third smaller, they cost a
    /// third less memory to read.)
    first: u32,
    end: u32,
    start: u32,
    stop: u32,
    pub index: usize,
    pub rank: Rank,
    pub blocks: bool,
    pub dated: bool,
    pub lunar_month: bool,
}

/// `n` in 32 bits: every token and byte offset of a text read whole fits.
/// (Past them, the largest, which no text read whole reaches.)
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Reading {
    /// The place of the candidate at `index`.
    pub(crate) fn of((c, index): (&Candidate<'_>, usize)) -> Reading {
        Reading {
            first: narrow(c.first),
            end: narrow(c.end),
            start: narrow(c.entity.span.start),
            stop: narrow(c.entity.span.end),
            index,
            rank: c.rank,
            blocks: !matches!(c.entity.kind, EntityKind::Quantity(_)),
            dated: matches!(
                c.entity.kind,
                EntityKind::Date(_) | EntityKind::DateTime(_) | EntityKind::DateRange(_)
            ),
            lunar_month: super::date::has_lunar_month(&c.entity.kind),
        }
    }

    /// The candidate's first token.
    pub(crate) fn first(&self) -> usize {
        self.first as usize
    }

    /// The token after the candidate's last.
    pub(crate) fn end(&self) -> usize {
        self.end as usize
    }

    /// The candidate's span in the text.
    pub(crate) fn span(&self) -> Span {
        Span::new(self.start as usize, self.stop as usize)
    }
}

/// The resolver's buffers, kept by the caller between texts.
#[derive(Default)]
pub(crate) struct Buffers {
    /// `(rank, length, first, place in the sorted places)` of the
    /// candidates of one cluster. (Where two have the same tokens, the
    /// earlier place is the earlier proposal.)
    cluster: Vec<(
        core::cmp::Reverse<Rank>,
        core::cmp::Reverse<usize>,
        usize,
        usize,
    )>,
}

/// Keeps one reading wherever the candidates at `places` (in the order
/// proposed) overlap and fills `kept` with the places of the candidates
/// kept, in order of position (the earlier proposal first where two start
/// together). The candidates themselves are not read: a kept entity is
/// moved once, into the caller's result, and never while the readings are
/// sorted. `places` is left sorted by token, without the candidates whose
/// tokens are not all in the text, which are never kept. `taken` (a buffer
/// kept by the caller between texts) ends marking which of the
/// `token_count` tokens a kept entity other than a quantity holds: the
/// tokens no name may take. (Quantities stay open: `khóa XIV` ends an
/// organization's name, `12` names `quận 12`.)
pub(crate) fn resolve(
    places: &mut Vec<Reading>,
    token_count: usize,
    taken: &mut Vec<bool>,
    buffers: &mut Buffers,
    kept: &mut Vec<Reading>,
) {
    // Candidates that share no token, directly or through others, never
    // meet: the rules are applied to each cluster of overlapping ones on
    // its own, in the order they set, and a candidate alone is kept. (Most
    // are alone: a large text's candidates are not all sorted by rank.)
    let Buffers { cluster } = buffers;
    taken.clear();
    taken.resize(token_count, false);
    places.retain(|r| r.first <= r.end && r.end() <= token_count);
    // (Proposed nearly in order of position: little to sort.)
    sort_nearly_sorted_by_key(places, |r| (r.first, r.end, r.index));
    let by_position = &places[..];
    kept.clear();
    // (Most readings are kept: room is made for them all at once.)
    kept.reserve(by_position.len());
    let mut at = 0;
    while at < by_position.len() {
        let (open, mut reach) = by_position.get(at).map_or((0, 0), |r| (r.first(), r.end()));
        let mut next = at + 1;
        while let Some(r) = by_position.get(next) {
            if r.first() >= reach {
                break;
            }
            reach = reach.max(r.end());
            next += 1;
        }
        let members = by_position.get(at..next).unwrap_or_default();
        if let [alone] = members {
            kept.push(*alone);
        } else {
            // Sort small keys, not the candidates themselves (a document
            // reference is a large value).
            cluster.clear();
            cluster.extend(members.iter().zip(at..).map(|(r, place)| {
                (
                    core::cmp::Reverse(r.rank),
                    core::cmp::Reverse(r.end() - r.first()),
                    r.first(),
                    place,
                )
            }));
            cluster.sort_unstable();
            for &(_, core::cmp::Reverse(len), first, place) in cluster.iter() {
                let Some(span) = taken.get_mut(first..first + len) else {
                    continue;
                };
                if span.iter().any(|&t| t) {
                    continue;
                }
                span.fill(true);
                kept.extend(by_position.get(place));
            }
            // The cluster's tokens are free again: clusters never share a
            // token, so only its own are cleared, not the whole text's.
            if let Some(held) = taken.get_mut(open..reach) {
                held.fill(false);
            }
        }
        at = next;
    }
    // Kept in order of their first tokens, which is nearly the order of
    // position: the indices break ties, as a stable sort of the entities
    // would.
    sort_nearly_sorted_by_key(kept, |r| (r.start, r.index));
    // The tokens of the kept entities, from their candidates' tokens: no
    // entity's span is searched for among the tokens.
    for r in kept.iter().filter(|r| r.blocks) {
        if let Some(held) = taken.get_mut(r.first()..r.end()) {
            held.fill(true);
        }
    }
}

/// Sorts `items`, nearly in order of their keys (all distinct), by moving
/// each one that is out of order back to its place: in time linear in
/// their number and in how far they are out of order. The recognizers
/// propose in order of position but for a few readings of the same tokens,
/// where the standard sorts find runs too short to use and sort the whole
/// again. (Past a budget of moves, `items` are sorted the standard way: no
/// input makes this quadratic.)
fn sort_nearly_sorted_by_key<T: Copy, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    let mut budget = items.len();
    for w in 1..items.len() {
        let Some(item) = items.get(w) else { break };
        let item = key(item);
        let mut to = w;
        while to > 0 && items.get(to - 1).is_some_and(|before| key(before) > item) {
            to -= 1;
            if w - to > budget {
                items.sort_unstable_by_key(key);
                return;
            }
        }
        if to < w {
            budget -= w - to;
            if let Some(run) = items.get_mut(to..=w) {
                run.rotate_right(1);
            }
        }
    }
}

/// The entities of `candidates` that [`resolve`] kept, in order of
/// position.
pub(crate) fn kept<'a, 'h>(
    candidates: &'a [Candidate<'h>],
    kept: &'a [Reading],
) -> impl Iterator<Item = &'a Entity<'h>> {
    kept.iter()
        .filter_map(|r| candidates.get(r.index))
        .map(|c| &c.entity)
}

/// Moves an entity's value out, leaving one that costs nothing to drop in
/// its place: what it was taken from is emptied as a whole afterwards.
pub(crate) fn take_kind(kind: &mut EntityKind) -> EntityKind {
    core::mem::replace(kind, EntityKind::Time(TimeOfDay::default()))
}

/// Rule 6: whether a name read by the second layer (a person, title,
/// organization or place) over `name` gives way to an entity of the first
/// layer over `kept`: when the two overlap without one holding the other.
/// A name may hold one whole (`quận 12`) or lie inside one (a body named
/// in a document's quoted title).
pub(crate) fn name_gives_way(kept: Span, name: Span) -> bool {
    kept.start < name.end
        && name.start < kept.end
        && !(kept.start <= name.start && name.end <= kept.end)
        && !(name.start <= kept.start && kept.end <= name.end)
}

/// Rule 7: whether `inner`, lying inside an entity of kind `host`, is part
/// of that entity's name and no entity of its own: a bare number inside
/// the name of a body, a place or a title (`Quân khu 4`, `quận 12`,
/// `Trường THPT số 2`), and a date inside a street's name (`đường 3 Tháng
/// 2`).
pub(crate) fn part_of_name(inner: &EntityKind, host: &EntityKind) -> bool {
    let number = matches!(inner, EntityKind::Quantity(q) if q.kind == QuantityKind::Number)
        && matches!(
            host,
            EntityKind::Organization(_) | EntityKind::Place(_) | EntityKind::Title(_)
        );
    let street_day = matches!(inner, EntityKind::Date(_))
        && matches!(host, EntityKind::Place(p) if p.level == PlaceLevel::Street);
    number || street_day
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Decimal, EntityKind, Quantity, QuantityKind};
    use crate::span::Span;

    fn candidate(first: usize, end: usize, rank: Rank) -> Candidate<'static> {
        Candidate {
            entity: Entity {
                within: None,
                text: "",
                span: Span::new(first, end),
                kind: EntityKind::Quantity(Quantity::new(
                    QuantityKind::Number,
                    Decimal::from_int(first as i128),
                )),
            },
            first,
            end,
            rank,
        }
    }

    fn kept(candidates: Vec<Candidate<'static>>) -> Vec<(usize, usize)> {
        let mut kept = Vec::new();
        let mut places = candidates.iter().zip(0..).map(Reading::of).collect();
        let mut buffers = Buffers::default();
        resolve(&mut places, 10, &mut Vec::new(), &mut buffers, &mut kept);
        kept.iter()
            .map(|r| (r.span().start, r.span().end))
            .collect()
    }

    #[test]
    fn doc_ref_beats_a_longer_date() {
        let got = kept(vec![
            candidate(0, 4, Rank::Date),
            candidate(2, 3, Rank::DocRef),
        ]);
        assert_eq!(got, [(2, 3)]);
    }

    #[test]
    fn numbered_doc_ref_beats_a_longer_named_one() {
        let got = kept(vec![
            candidate(0, 8, Rank::NamedDoc),
            candidate(6, 9, Rank::DocRef),
        ]);
        assert_eq!(got, [(6, 9)]);
    }

    #[test]
    fn date_beats_quantity_and_measure_beats_weak_date() {
        assert_eq!(
            kept(vec![
                candidate(1, 2, Rank::Measure),
                candidate(0, 2, Rank::Date)
            ]),
            [(0, 2)]
        );
        assert_eq!(
            kept(vec![
                candidate(0, 2, Rank::WeakDate),
                candidate(1, 3, Rank::Measure)
            ]),
            [(1, 3)]
        );
        assert_eq!(
            kept(vec![
                candidate(0, 2, Rank::WeakDate),
                candidate(1, 2, Rank::BareNumber)
            ]),
            [(0, 2)]
        );
    }

    #[test]
    fn longer_then_earlier_at_equal_rank() {
        assert_eq!(
            kept(vec![
                candidate(2, 4, Rank::Date),
                candidate(0, 5, Rank::Date)
            ]),
            [(0, 5)]
        );
        assert_eq!(
            kept(vec![
                candidate(3, 5, Rank::Date),
                candidate(2, 4, Rank::Date)
            ]),
            [(2, 4)]
        );
        assert_eq!(
            kept(vec![
                candidate(5, 6, Rank::Date),
                candidate(0, 2, Rank::Measure)
            ]),
            [(0, 2), (5, 6)]
        );
    }

    #[test]
    fn out_of_range_candidates_are_dropped() {
        assert_eq!(kept(vec![candidate(8, 12, Rank::Date)]), []);
    }

    #[test]
    fn a_name_gives_way_only_to_what_it_crosses() {
        let kept = Span::new(10, 20);
        assert!(name_gives_way(kept, Span::new(5, 15)));
        assert!(name_gives_way(kept, Span::new(15, 25)));
        // Holding it, inside it, or beside it.
        assert!(!name_gives_way(kept, Span::new(5, 20)));
        assert!(!name_gives_way(kept, Span::new(12, 18)));
        assert!(!name_gives_way(kept, Span::new(20, 30)));
    }

    #[test]
    fn only_a_bare_number_is_part_of_a_name() {
        let number =
            EntityKind::Quantity(Quantity::new(QuantityKind::Number, Decimal::from_int(12)));
        let percent =
            EntityKind::Quantity(Quantity::new(QuantityKind::Percent, Decimal::from_int(12)));
        let place = EntityKind::Place(crate::extract::Place {
            level: crate::extract::PlaceLevel::District,
            unit: None,
            name: Span::new(0, 0),
        });
        assert!(part_of_name(&number, &place));
        assert!(!part_of_name(&percent, &place));
        assert!(!part_of_name(&place, &place));
    }

    #[test]
    fn a_date_is_part_of_a_street_only() {
        let date = EntityKind::Date(crate::extract::DateValue::default());
        let place = |level| {
            EntityKind::Place(crate::extract::Place {
                level,
                unit: None,
                name: Span::new(0, 0),
            })
        };
        assert!(part_of_name(&date, &place(PlaceLevel::Street)));
        assert!(!part_of_name(&date, &place(PlaceLevel::Commune)));
    }
}
