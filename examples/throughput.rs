//! Steadier speed ratios than a criterion run on a shared machine: each
//! stage and its baseline run in turns, many rounds, and the fastest round
//! of each is kept, so that load from other processes, which only ever adds
//! time, cancels out of the ratio.
//!
//! ```text
//! cargo run --release --example throughput -- tokenize
//! cargo run --release --example throughput -- normalize
//! cargo run --release --example throughput -- nfd
//! VITEXT_CORPUS=path/to/news.txt cargo run --release --example throughput -- tokenize
//! ```
//!
//! The criterion benches in `benches/` remain the measurement of record;
//! this prints, for each contender, the time of one pass in its fastest
//! round and its speed relative to the first (the baseline).

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

#[path = "../benches/corpus.rs"]
mod corpus;

const ROUNDS: usize = 30;
const PASSES: usize = 50;

/// One contender: a name and one pass over the text.
type Contender = (&'static str, fn(&str) -> usize);

fn main() -> ExitCode {
    let stage = std::env::args().nth(1).unwrap_or_default();
    let contenders: &[Contender] = match stage.as_str() {
        "tokenize" => &[
            ("split_whitespace", split_whitespace),
            ("vitext tokens", vitext_tokens),
            ("split_word_bounds", split_word_bounds),
        ],
        "normalize" => &[
            ("is_nfc_quick", nfc_quick),
            ("vitext normalize (keep)", vitext_normalize),
        ],
        "nfd" => &[
            ("nfc().collect()", nfc_collect),
            ("vitext normalize (keep)", vitext_normalize),
        ],
        _ => {
            eprintln!("usage: throughput tokenize|normalize|nfd");
            return ExitCode::from(2);
        }
    };
    // The benches' input, read by the benches' own loader.
    let text = corpus::load();
    let text: String = if stage == "nfd" {
        text.nfd().collect()
    } else {
        text
    };
    let mut best = vec![f64::MAX; contenders.len()];
    let mut sink = 0usize;
    for _ in 0..ROUNDS {
        for ((_, run), best) in contenders.iter().zip(&mut best) {
            let start = Instant::now();
            for _ in 0..PASSES {
                sink = sink.wrapping_add(run(black_box(&text)));
            }
            *best = best.min(start.elapsed().as_secs_f64() / PASSES as f64);
        }
    }
    println!(
        "{} bytes, fastest of {ROUNDS} rounds of {PASSES} passes",
        text.len()
    );
    for ((name, _), time) in contenders.iter().zip(&best) {
        println!(
            "{name:<26} {:>8.1} µs  {:.2}× the first",
            time * 1e6,
            best[0] / time
        );
    }
    black_box(sink);
    ExitCode::SUCCESS
}

fn split_whitespace(text: &str) -> usize {
    text.split_whitespace().map(str::len).sum()
}

fn split_word_bounds(text: &str) -> usize {
    text.split_word_bounds().map(str::len).sum()
}

/// The tokenizer bench's body, the same function the bench times.
fn vitext_tokens(text: &str) -> usize {
    let (syllables, bytes) = corpus::consume_tokens(text);
    syllables + bytes
}

fn nfc_quick(text: &str) -> usize {
    usize::from(is_nfc_quick(text.chars()) == IsNormalized::Yes)
}

fn nfc_collect(text: &str) -> usize {
    text.nfc().collect::<String>().len()
}

fn vitext_normalize(text: &str) -> usize {
    vitext::normalize(text).as_str().len()
}
