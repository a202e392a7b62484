//! Tokenizer throughput against std's `split_whitespace` and
//! unicode-segmentation's `split_word_bounds`, in one run.
//!
//! `tokenize/vitext` consumes every token with its kind; the baselines
//! consume every piece. Input: the bundled sample articles, or the file named
//! by `VITEXT_CORPUS`.
//!
//! ```text
//! cargo bench --bench tokenize -- --warm-up-time 1 --measurement-time 3
//! VITEXT_CORPUS=path/to/news.txt cargo bench --bench tokenize
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use vitext::tokenize::tokens;

mod corpus;

fn benches(c: &mut Criterion) {
    let text = corpus::load();
    // Warm the abbreviation list (built on first use) outside the timing.
    black_box(tokens("TP.HCM.").count());

    let mut group = c.benchmark_group("tokenize");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("vitext", |b| {
        b.iter(|| corpus::consume_tokens(black_box(&text)))
    });
    group.bench_function("split_whitespace", |b| {
        b.iter(|| {
            black_box(&text)
                .split_whitespace()
                .map(str::len)
                .sum::<usize>()
        })
    });
    group.bench_function("unicode_word_bounds", |b| {
        b.iter(|| corpus::consume_word_bounds(black_box(&text)))
    });
    group.finish();
}

criterion_group!(tokenize_benches, benches);
criterion_main!(tokenize_benches);
