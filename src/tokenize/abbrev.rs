//! Abbreviations written with dots (`TP.HCM`, `GS.TS`, `v.v.`), from the
//! embedded list `src/data/abbreviations.txt`.

use std::sync::LazyLock;

const LIST: &str = include_str!("../data/abbreviations.txt");

/// The entries by first byte, longest first so that the first match is the
/// longest.
static ENTRIES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut entries: Vec<&'static str> = LIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    entries.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    entries.dedup();
    let mut by_first = vec![Vec::new(); 256];
    for entry in entries {
        if let Some(&b) = entry.as_bytes().first() {
            by_first[usize::from(b)].push(entry);
        }
    }
    by_first
});

/// The longest entry written at `start`, if one is there and ends at a word
/// boundary (an entry ending in a letter must not run into more letters).
/// Returns the end of the match.
pub(super) fn longest_at(
    text: &str,
    start: usize,
    is_word_char_at: impl Fn(usize) -> bool,
) -> Option<usize> {
    let rest = text.as_bytes().get(start..)?;
    let first = *rest.first()?;
    ENTRIES.get(usize::from(first))?.iter().find_map(|entry| {
        let end = start + entry.len();
        let matched =
            rest.starts_with(entry.as_bytes()) && (entry.ends_with('.') || !is_word_char_at(end));
        matched.then_some(end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scanner's plain path ends a word in lower or title case that has
    /// a letter outside ASCII at a period without looking here: no entry
    /// may start with such a word.
    #[test]
    fn no_entry_starts_with_a_vietnamese_lower_case_word() {
        for entry in LIST.lines().filter(|l| !l.starts_with('#')) {
            let word = entry.split('.').next().unwrap_or_default();
            let upper_after_first = word.chars().skip(1).any(char::is_uppercase);
            assert!(
                word.is_ascii() || upper_after_first || word.chars().count() < 2,
                "{entry}"
            );
        }
    }

    #[test]
    fn list_is_well_formed() {
        assert!(ENTRIES.iter().map(Vec::len).sum::<usize>() > 20);
        for entry in ENTRIES.iter().flatten() {
            assert!(!entry.contains(char::is_whitespace), "{entry:?}");
            assert!(
                entry.contains('.'),
                "{entry:?} needs no entry: it has no dot"
            );
            assert!(
                entry.chars().next().is_some_and(char::is_alphabetic),
                "{entry:?} must start with a letter"
            );
        }
    }

    #[test]
    fn longest_first() {
        let no_word = |_| false;
        assert_eq!(longest_at("TP.HCM", 0, no_word), Some(6));
        assert_eq!(longest_at("TP. Hà Nội", 0, no_word), Some(3));
        assert_eq!(longest_at("v.v...", 0, no_word), Some(4));
        assert_eq!(longest_at("Mr.ABC", 0, no_word), Some(3));
        assert_eq!(longest_at("gái.Dựa", 0, no_word), None);
    }
}
