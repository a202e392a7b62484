//! The check that keeps a committed generated file (a table the tests
//! derive from the crate's own rules) current.

/// Asserts that `committed`, the text of the generated file `path` (from
/// the crate root) as compiled, is `text`, what its generator gives
/// today. With `VITEXT_BLESS` set, the file is written first, for the next
/// build: `VITEXT_BLESS=1 cargo test --lib {test}`.
pub(crate) fn check(path: &str, committed: &str, text: &str, test: &str) {
    check_bytes(path, committed.as_bytes(), text.as_bytes(), test);
}

/// [`check`] for a generated binary file.
pub(crate) fn check_bytes(path: &str, committed: &[u8], bytes: &[u8], test: &str) {
    if std::env::var_os("VITEXT_BLESS").is_some() {
        let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(&full, bytes).unwrap_or_else(|e| panic!("write {path}: {e}"));
    }
    assert!(
        committed == bytes,
        "{path} is stale: run VITEXT_BLESS=1 cargo test --lib {test}"
    );
}
