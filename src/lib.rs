//! vitext (crate docs are written in a later step)
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod decode;
pub mod letter;
pub mod normalize;
pub mod span;
pub mod syllable;

pub use decode::{Detection, Encoding, detect, detect_str};
pub use normalize::{FoldMode, NormalizeConfig, Normalized, fold, is_normalized, normalize};
pub use span::Span;
pub use syllable::{Syllable, TonePlacement};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
