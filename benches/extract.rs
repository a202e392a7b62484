//! Extraction throughput (every entity kind) against the tokenizer alone, in
//! one run, on the same input.
//!
//! `extract/vitext` runs [`Extractor::extract_into`] into a reused buffer;
//! `extract/without_names` the same with [`Layers::WithoutNames`];
//! `tokenize/vitext` consumes every token with its kind, as the tokenize
//! bench does, and `tokenize/unicode_word_bounds` splits the text at
//! `unicode-segmentation`'s word bounds, a baseline that does not move
//! when our tokenizer does. Building an extractor is timed apart: `construct/extractor`
//! (the document tables; the embedded word lists are parsed once and shared)
//! and `construct/word_lists` (a builder parsing the word lists afresh).
//! Input: the bundled sample articles, or the file named by `VITEXT_CORPUS`.
//!
//! ```text
//! cargo bench --bench extract -- --warm-up-time 1 --measurement-time 3
//! VITEXT_CORPUS=path/to/news.txt cargo bench --bench extract
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vitext::extract::{Extractor, ExtractorConfig, Layers};

mod corpus;

fn benches(c: &mut Criterion) {
    let text = corpus::load();
    let extractor = Extractor::default();
    // Warm the lazily built tables outside the timing.
    black_box(extractor.extract("TP.HCM. Kết luận số 01-KL/TW ngày 18.5.2021"));

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text.len() as u64));
    let mut found = vitext::extract::Extraction::default();
    group.bench_function("vitext", |b| {
        b.iter(|| {
            found.clear();
            extractor.extract_into(black_box(&text), &mut found);
            found.len()
        })
    });
    // The first layer alone (dates, documents, quantities): what the names
    // layer costs is the difference.
    let first_layer = Extractor::new(ExtractorConfig::default().layers(Layers::WithoutNames));
    group.bench_function("without_names", |b| {
        b.iter(|| {
            found.clear();
            first_layer.extract_into(black_box(&text), &mut found);
            found.len()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("vitext", |b| {
        b.iter(|| corpus::consume_tokens(black_box(&text)))
    });
    // A fixed baseline beside our own tokenizer: UAX #29 word bounds.
    group.bench_function("unicode_word_bounds", |b| {
        b.iter(|| corpus::consume_word_bounds(black_box(&text)))
    });
    group.finish();

    let mut group = c.benchmark_group("construct");
    group.bench_function("extractor", |b| {
        b.iter(|| Extractor::new(black_box(ExtractorConfig::default())))
    });
    group.bench_function("word_lists", |b| {
        b.iter(|| {
            Extractor::builder()
                .build()
                .map(|e| black_box(e).config().clone())
        })
    });
    group.finish();
}

criterion_group!(extract_benches, benches);
criterion_main!(extract_benches);
