//! Normalization throughput against unicode-normalization, in one run.
//!
//! `normalize/*` runs on already-normal text (the common case), where the
//! baseline is unicode-normalization's `is_nfc_quick`; `normalize_nfd/*` runs
//! on the same text decomposed to NFD, where the baseline is its `nfc()`.
//!
//! ```text
//! cargo bench --bench normalize
//! VITEXT_CORPUS=path/to/news.txt cargo bench --bench normalize
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::{UnicodeNormalization, is_nfc_quick};
use vitext::{FoldMode, NormalizeConfig, Normalizer, TonePlacement, fold};

mod corpus;

fn benches(c: &mut Criterion) {
    let text = corpus::load();
    let nfd: String = text.nfd().collect();
    let keep = Normalizer::new(NormalizeConfig::new());
    let traditional = Normalizer::new(NormalizeConfig::new().tone(TonePlacement::Traditional));

    let mut group = c.benchmark_group("normalize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("vitext_keep", |b| {
        b.iter(|| keep.normalize(black_box(&text)).is_unchanged())
    });
    group.bench_function("vitext_traditional", |b| {
        b.iter(|| traditional.normalize(black_box(&text)).as_str().len())
    });
    group.bench_function("is_nfc_quick", |b| {
        b.iter(|| is_nfc_quick(black_box(&text).chars()))
    });
    group.finish();

    let mut group = c.benchmark_group("normalize_nfd");
    group.throughput(Throughput::Bytes(nfd.len() as u64));
    group.bench_function("vitext_keep", |b| {
        b.iter(|| keep.normalize(black_box(&nfd)).as_str().len())
    });
    group.bench_function("unicode_nfc", |b| {
        b.iter(|| black_box(&nfd).nfc().collect::<String>().len())
    });
    group.finish();

    let mut group = c.benchmark_group("fold");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("vitext_full", |b| {
        b.iter(|| fold(black_box(&text), FoldMode::Full).len())
    });
    group.finish();
}

criterion_group!(normalize_benches, benches);
criterion_main!(normalize_benches);
