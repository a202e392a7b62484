//! Legacy decoding throughput, with encoding_rs as the baseline in the same
//! run.
//!
//! The input is the bench corpus (the bundled sample articles) encoded into
//! each legacy encoding by vitext's own encoder (`encode_lossy`: TCVN3 has
//! no toned capitals, which become `?`). `decode/vitext_<encoding>` decodes
//! those bytes to NFC; `decode/encoding_rs_cp1258` is encoding_rs's
//! windows-1258 decoder followed by unicode-normalization's NFC, the usual
//! way to get composed text out of Windows-1258; `decode_line/*` does the
//! same on one line of an article. `repair/vitext_<encoding>`
//! repairs the same bytes read as Windows-1252 (mojibake). Throughput is in
//! bytes of legacy input.
//!
//! ```text
//! cargo bench --bench decode
//! VITEXT_CORPUS=path/to/news.txt cargo bench --bench decode
//! ```

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use unicode_normalization::UnicodeNormalization;
use vitext::decode::{Encoding, detect};

mod corpus;

fn benches(c: &mut Criterion) {
    let text = corpus::load();
    let encoded: Vec<(Encoding, Vec<u8>)> = Encoding::ALL
        .iter()
        .map(|&e| (e, e.encode_lossy(&text)))
        .collect();
    // Warm the lazily built tables before timing.
    for (e, bytes) in &encoded {
        assert!(!e.decode_lossy(bytes).is_empty());
    }

    let mut group = c.benchmark_group("decode");
    for (encoding, bytes) in &encoded {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("vitext_{encoding}"), |b| {
            b.iter(|| encoding.decode_lossy(black_box(bytes)).len())
        });
        if *encoding == Encoding::Cp1258 {
            group.bench_function("encoding_rs_cp1258", |b| {
                b.iter(|| {
                    let (decoded, _) =
                        encoding_rs::WINDOWS_1258.decode_without_bom_handling(black_box(bytes));
                    decoded.nfc().collect::<String>().len()
                })
            });
        }
    }
    group.finish();

    // One line of a news article, as a line-by-line tool decodes it.
    let line = text.lines().find(|l| l.len() > 200).unwrap_or(&text);
    let line = Encoding::Cp1258.encode_lossy(line);
    let mut group = c.benchmark_group("decode_line");
    group.throughput(Throughput::Bytes(line.len() as u64));
    group.bench_function("vitext_cp1258", |b| {
        b.iter(|| Encoding::Cp1258.decode_lossy(black_box(&line)).len())
    });
    group.bench_function("encoding_rs_cp1258", |b| {
        b.iter(|| {
            let (decoded, _) =
                encoding_rs::WINDOWS_1258.decode_without_bom_handling(black_box(&line));
            decoded.nfc().collect::<String>().len()
        })
    });
    group.finish();

    let mut group = c.benchmark_group("repair");
    for (encoding, bytes) in &encoded {
        if *encoding == Encoding::Viqr {
            continue;
        }
        let (mojibake, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
        group.throughput(Throughput::Bytes(mojibake.len() as u64));
        group.bench_function(format!("vitext_{encoding}"), |b| {
            b.iter(|| encoding.repair_lossy(black_box(&mojibake)).len())
        });
    }
    group.finish();

    let mut group = c.benchmark_group("detect");
    for (encoding, bytes) in &encoded {
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(format!("vitext_{encoding}"), |b| {
            b.iter(|| detect(black_box(bytes)).map(|d| d.encoding()))
        });
    }
    group.finish();
}

criterion_group!(decode_benches, benches);
criterion_main!(decode_benches);
