//! Sorting the lists extraction builds mostly in order.

/// Sorts `list` by `key`, which no two items share (so that any sort
/// gives the same order), for a list mostly in order already, as the
/// names found are: each item after the last one kept in order stays, in
/// place; the few others are set aside in `aside`, sorted, and merged back
/// from the end. (A stable sort allocates a buffer as long as the list at
/// each call; an unstable one, and a merge of the runs two by two, cost
/// several times the instructions and cache misses on such a list.)
pub(crate) fn sort_mostly_sorted<T: Copy, K: Ord>(
    list: &mut [T],
    aside: &mut Vec<T>,
    key: impl Fn(&T) -> K,
) {
    aside.clear();
    let mut kept: usize = 0;
    for at in 0..list.len() {
        let Some(&x) = list.get(at) else {
            break;
        };
        let in_order = kept
            .checked_sub(1)
            .and_then(|last| list.get(last))
            .is_none_or(|last| key(last) < key(&x));
        if !in_order {
            aside.push(x);
        } else if let Some(slot) = list.get_mut(kept) {
            *slot = x;
            kept += 1;
        }
    }
    aside.sort_unstable_by_key(&key);
    // (From the end: a place written is never one still to be read.)
    let mut to = list.len();
    while let Some(&y) = aside.last() {
        let from_list = kept
            .checked_sub(1)
            .and_then(|last| list.get(last).copied())
            .filter(|x| key(x) > key(&y));
        let Some(slot) = to.checked_sub(1).and_then(|t| list.get_mut(t)) else {
            break;
        };
        to -= 1;
        if let Some(x) = from_list {
            *slot = x;
            kept -= 1;
        } else {
            *slot = y;
            aside.pop();
        }
    }
    // (Test builds check that no two keys were equal.)
    debug_assert!(
        list.windows(2)
            .all(|w| matches!(w, [a, b] if key(a) < key(b))),
        "two items to sort share a key"
    );
}
