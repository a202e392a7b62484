//! A token's text, sliced from the input without the slicing checks: the
//! crate's one `unsafe` block.
//!
//! `&text[start..end]` checks that both ends are in bounds and fall on
//! character boundaries. On the tokenizer's hot path those checks were about
//! a quarter of the time of a whole pass (`cargo run --release --example
//! throughput -- tokenize`, fastest of three runs each: 102.0 µs with the
//! checks, 75.8 µs without, over the bundled articles), so the tokenizer
//! relies on the scanner's own guarantee instead, and checks it in debug
//! builds, where every test of the crate runs.
#![allow(unsafe_code)]

/// `&text[start..end]`, for a span the scanner returned.
///
/// The scanner (`scan`) only ever steps over whole characters: an ASCII
/// byte at a time, any other character by the length its lead byte gives,
/// which in a `&str` is always followed by that many bytes, and every byte
/// it reads is read with a bounds check. Two kinds of place take a length
/// without decoding: the plain path in `letters` (two bytes for a letter,
/// three from lead 0xE0 on; compile-time checks there keep every other lead
/// from reaching a letter), and a few steps in `scan` over a mark it has
/// just checked (an ASCII `.`, `'` or space, or the three bytes of `’`). So each position it returns, a
/// token's start and end included, is in bounds and on a character
/// boundary, and a token's start is never after its end. The property tests
/// in `tests/tokenize.rs` (any string, pieces of every path, Vietnamese-like
/// text) and the adversarial inputs there hold the scanner to that, with the
/// assertion below checking each span.
#[inline(always)]
pub(super) fn slice(text: &str, start: usize, end: usize) -> &str {
    debug_assert!(
        text.get(start..end).is_some(),
        "token span {start}..{end} is out of order, out of bounds or off a character boundary"
    );
    // SAFETY: `start..end` is a span the scanner returned: `start <= end
    // <= text.len()`, both on character boundaries (see above).
    unsafe { text.get_unchecked(start..end) }
}
