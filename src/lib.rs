//! Vietnamese text analysis: diacritic normalization, the syllable model,
//! tokenization and entity extraction for news and official text.
//!
//! # Overview
//!
//! vitext is a pipeline of stages, each usable, testable and measurable on
//! its own:
//!
//! | stage | module | what it does |
//! |---|---|---|
//! | letters | [`letter`] | every Vietnamese letter as base, modifier, tone and case, from one table |
//! | syllables | [`syllable`] | parse a syllable into onset, glide, nucleus, coda and tone; validate it; write it with a chosen tone placement |
//! | decode | [`decode`] | legacy encodings (TCVN3, VNI, VIQR, VISCII, Windows-1258) from raw bytes or from mojibake, to NFC; encoding; detection |
//! | normalize | [`mod@normalize`] | NFC repair, misplaced tone marks, tone style, look-alikes, invisible characters; an offset map back to the original; folding for search |
//! | extract | [`mod@extract`] | dates and times, document references (`Kết luận số 01-KL/TW`), quantities, persons, titles, organizations, places and credits: typed values with spans, overlaps settled by one resolver, and the links between them (who holds which title, which body issued a document) |
//!
//! Every result that points into text carries a [`Span`]: a byte range into
//! the text the caller passed in, so `&text[span]` is always the surface
//! text, even after normalization changed the bytes.
//!
//! # Example
//!
//! ```
//! use vitext::{NormalizeConfig, Normalizer, Span, Syllable, TonePlacement};
//!
//! // Decomposed input, a misplaced mark, a look-alike letter and the modern
//! // tone style, repaired towards the traditional style news uses.
//! let input = "Ðảm baỏ chất lựơng, hoà bình";
//! let config = NormalizeConfig::new().tone(TonePlacement::Traditional);
//! let out = Normalizer::new(config).normalize(input);
//! assert_eq!(out.as_str(), "Đảm bảo chất lượng, hòa bình");
//!
//! // Any span of the output maps back to the original.
//! let start = out.as_str().find("lượng").unwrap();
//! let span = Span::new(start, start + "lượng".len());
//! assert_eq!(&input[out.original_span(span)], "lựơng");
//!
//! // The syllable model underneath.
//! let s = Syllable::parse("khuyến").unwrap();
//! assert_eq!((s.rime(), s.tone().vietnamese_name()), ("uyê", "sắc"));
//!
//! // Persons, the titles they hold and the bodies those titles are in.
//! let text = "Trưởng Ban Tổ chức Tỉnh ủy Nguyễn Giờ dự họp.";
//! let found = vitext::extract(text);
//! let person = found.iter().position(|e| e.text == "Nguyễn Giờ").unwrap();
//! let titles: Vec<&str> = found.titles_of(person).map(|t| found[t].text).collect();
//! assert_eq!(titles, ["Trưởng Ban Tổ chức Tỉnh ủy"]);
//!
//! // Legacy text: TCVN3 bytes once read as Windows-1252 (mojibake),
//! // recognised and repaired.
//! let found = vitext::detect_str("Së Gi¸o dôc vµ §µo t¹o").unwrap();
//! assert_eq!(found.encoding(), vitext::Encoding::Tcvn3);
//! assert_eq!(found.encoding().repair("Së Gi¸o dôc vµ §µo t¹o").unwrap(), "Sở Giáo dục và Đào tạo");
//! ```
//!
//! # One calling style
//!
//! As in `regex`, a stage with options is an engine built once from its
//! configuration and then shared: [`Normalizer::new`] takes a
//! [`NormalizeConfig`], [`Extractor::new`] an [`ExtractorConfig`] (and
//! [`Extractor::builder`] adds word lists and patterns). A free function
//! runs the default engine: [`normalize()`], [`is_normalized`],
//! [`extract()`]. Stages without options are free functions ([`tokens`],
//! [`detect`]); a choice that is the input's, not the engine's, is an
//! argument ([`fold`] and its [`FoldMode`]) or the value a method is called
//! on ([`Encoding::decode`]).
//!
//! # Tone placement, named by rule
//!
//! Vietnamese writes the tone mark of open `oa`, `oe`, `uy` syllables in two
//! ways, and tools call them "old" and "new" in opposite senses. vitext names
//! them by rule ([`TonePlacement`]):
//!
//! - `Traditional`: on the first vowel, `hòa`, `khỏe`, `thủy`, `Thanh Hóa`
//!   (most Vietnamese news);
//! - `Modern`: on the main vowel, `hoà`, `khoẻ`, `thuỷ`, `Thanh Hoá`;
//! - `Keep`: as written, only repairing marks on a letter no style allows.
//!
//! Closed syllables (`hoàng`, `toán`, `khuyến`) and syllables with `qu` or
//! `gi` onsets (`quý`, `giữ`, `già`; but `gì`) are the same in both. Upper and
//! mixed case follow the same rules, with case kept per letter. Placement is
//! computed from the parsed syllable, never looked up in a word list.
//!
//! # Performance
//!
//! Text that is already normal is checked with a byte-level scan: a word
//! of ASCII letters, or a syllable written in the style asked for, is
//! skipped whole (looked up in the tokenizer's table of syllables, below);
//! any other letter is read from its bytes with one table lookup (the
//! letter facts the tokenizer reads too) and steps the spelling automaton
//! that the tokenizer steps, whose states say, for each tone placement,
//! which marks a syllable ending there takes where: a word that spells no
//! syllable, or one written as the model writes it, is left as it is
//! without a parse. The automaton and the tables are generated from the
//! syllable model and committed, so nothing is built at run time; the
//! check allocates nothing and returns the input borrowed. A decomposed
//! syllable is looked up whole in a table of every syllable in decomposed
//! form and written composed in one step; other decomposed words are
//! composed letter by letter, and only words whose marks are misplaced are
//! parsed.
//! `benches/normalize.rs` measures this against `unicode-normalization` in
//! the same run: on 3.8 MB of news and legal text written by
//! `scripts/news_corpus.py` (`VITEXT_CORPUS=/tmp/news4.txt cargo bench
//! --bench normalize`; `docs/evaluation.md`, stop 33), checking text that
//! is already normal took 6.9–7.3 ms against 9.8–11.2 ms for `is_nfc_quick`
//! (1.34–1.61×), and repairing the same text decomposed (NFD) 33–42 ms
//! against 61–84 ms for `nfc()` (1.81–2.03×); on the bundled articles
//! (`cargo bench --bench normalize`) 1.39–1.68× and 1.80–2.00× (three
//! runs, a shared 2-core machine).
//!
//! The tokenizer first looks a word up whole: nine bytes at the token's
//! start give the word's end by arithmetic, and a perfect hash table of
//! every syllable of eight bytes or fewer (generated from the syllable
//! model) says whether it is one. Other words are read in one pass over
//! their bytes, checking the syllable as it goes with the 73-state
//! automaton of every valid spelling, and turned into a kind by table lookups;
//! numbers, abbreviations, URLs and other scripts take a general scanner.
//! It allocates nothing per token. `benches/tokenize.rs` measures it against
//! `str::split_whitespace` and `unicode-segmentation`'s word bounds in the
//! same run: on the 3.8 MB file (`VITEXT_CORPUS=/tmp/news4.txt cargo bench
//! --bench tokenize`, stop 33) 7.3–7.5 ms against 9.6–9.9 ms for
//! `split_whitespace` (1.28–1.34×) and 44–46 ms for the word bounds
//! (5.8–6.3×), in three of four runs (in the other, on a noisy stretch of
//! the machine, 9.5 ms: 1.26× and 4.6×); on the bundled articles (`cargo
//! bench --bench tokenize`) 0.86–0.97× the first, with every token typed
//! (`split_whitespace`'s time there moves by 15% from one build to the
//! next), and 7.4–8.1× the second.
//!
//! Extraction reads the tokens once into one record a token (its span,
//! kind, lower-case key and where it enters the word lists: for a syllable
//! the tokenizer found whole, read by its slot in the tokenizer's table;
//! for another word, one hash lookup in a trie of the word lists); the
//! date, document and quantity recognizers are stepped together over the
//! numbers and marked words, and the names over the capitals and listed
//! openers. `benches/extract.rs` measures it against the tokenizer and
//! against `unicode-segmentation`'s word bounds in the same run (`cargo
//! bench --bench extract`, stop 40, medians of six and four runs): with
//! every kind on, 0.62–0.78 ms for the bundled articles and 59–67 ms for
//! 3.8 MB of news and legal text written by `scripts/news_corpus.py`
//! (`VITEXT_CORPUS=/tmp/news4.txt`), about 60 MB/s: 0.085–0.113× and
//! 0.117–0.135× the tokenizer's throughput, and 0.73–0.90× the word
//! bounds'. With [`Layers::WithoutNames`](extract::Layers::WithoutNames)
//! (dates, documents and quantities only) it takes 0.23–0.32 ms and 33–37
//! ms: 0.21–0.31× and 0.22–0.24× the tokenizer. The figures, how they move from one run to
//! another, and where extraction's time goes, stage by stage and in cache
//! and branch misses, are in `docs/evaluation.md`, stops 30 to 40. A
//! caller that extracts text after text into one [`Extraction`] with
//! [`Extractor::extract_into`] reuses its buffers. The
//! embedded word lists are parsed into that trie once per process, in a
//! few milliseconds, and shared by every [`Extractor`].
//!
//! # Untrusted input
//!
//! The crate has no `unsafe` code (`#![forbid(unsafe_code)]`).
//!
//! No function of this crate panics on any `&str`, and time and memory grow
//! linearly with the input: stray combining marks, 10 MB lines without a
//! space, control characters, emoji and other scripts are data. Words too
//! long to be a syllable are passed through (composed to NFC) rather than
//! parsed. Legacy decoding takes any bytes and any text: bytes an encoding
//! does not define are a [`decode::Error`] in strict mode and U+FFFD in
//! lossy mode. The properties are checked with proptest in `tests/`.
//!
//! # Crate features
//!
//! - `serde` (on by default): `Serialize`/`Deserialize` for the value types
//!   ([`Span`], [`TonePlacement`], [`NormalizeConfig`], the letter and
//!   syllable enums, [`Encoding`], [`Detection`], every entity value and
//!   [`Link`]).
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod chars;
pub mod decode;
pub mod extract;
#[cfg(test)]
mod generated;
pub mod letter;
pub mod normalize;
pub mod span;
mod spelling;
pub mod syllable;
pub mod tokenize;
mod unicode_tables;
mod word_table;

pub use decode::{Detection, Encoding, detect, detect_str};
pub use extract::{
    DateRange, DateValue, DocCode, DocRef, Entity, EntityKind, Extraction, Extractor,
    ExtractorBuilder, ExtractorConfig, Link, LinkKind, Quantity, extract,
};
pub use normalize::{
    FoldMode, NormalizeConfig, Normalized, Normalizer, fold, is_normalized, normalize,
};
pub use span::Span;
pub use syllable::{Syllable, TonePlacement};
pub use tokenize::{Token, TokenKind, tokens};

/// The README's examples, compiled and run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
