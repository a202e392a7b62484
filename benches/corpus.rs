//! The bench input, shared by every bench: the file named by the
//! `VITEXT_CORPUS` environment variable, or the bundled sample articles in
//! `examples/data/` concatenated.

use std::path::Path;

/// Reads the bench corpus; panics with a clear message when it is missing
/// (a bench without input measures nothing).
pub fn load() -> String {
    if let Ok(path) = std::env::var("VITEXT_CORPUS") {
        return std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("VITEXT_CORPUS={path}: {e}"));
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut text = String::new();
    for p in paths {
        text.push_str(
            &std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display())),
        );
        text.push('\n');
    }
    assert!(!text.is_empty(), "no bench input in {}", dir.display());
    text
}

/// The tokenizer's bench body, shared by the benches that compare against
/// it: consume every token, kind included.
#[allow(dead_code)] // Not every bench that loads the corpus tokenizes.
pub fn consume_tokens(text: &str) -> (usize, usize) {
    let mut syllables = 0usize;
    let mut bytes = 0usize;
    for token in vitext::tokens(text) {
        syllables += usize::from(matches!(token.kind(), vitext::TokenKind::Syllable(_)));
        bytes += token.text().len();
    }
    (syllables, bytes)
}

/// The word-bounds baseline's bench body, shared by the benches that
/// time it: split at `unicode-segmentation`'s word bounds (UAX #29).
#[allow(dead_code)] // Not every bench that loads the corpus times it.
pub fn consume_word_bounds(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bounds().map(str::len).sum::<usize>()
}
