//! Measures normalization against the underthesea token map in
//! `../shared/data/normalization/` (rows towards the traditional placement).
//!
//! Rows marked `suspicious=1` are upstream bugs and are skipped. Every row
//! that does not come out as expected is printed, so it can be listed with
//! its reason in `tests/fixtures/normalization_exceptions.tsv`.
//!
//! ```text
//! cargo run --release --example eval_normalization -- ../shared/data/normalization
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use vitext::{NormalizeConfig, Normalizer, TonePlacement};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/normalization"));
    let path = dir.join("underthesea_tn_rules_2023_07_14_token_map.tsv");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "eval_normalization: cannot read {}: the reference data is missing",
            path.display()
        );
        return ExitCode::FAILURE;
    };
    let config = NormalizeConfig::new().tone(TonePlacement::Traditional);
    let (mut rows, mut skipped, mut exact) = (0, 0, 0);
    let mut misses = Vec::new();
    for line in text.lines().skip(1) {
        let mut fields = line.split('\t');
        let (Some(input), Some(expected), Some(suspicious)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        if suspicious.trim() == "1" {
            skipped += 1;
            continue;
        }
        rows += 1;
        let got = Normalizer::new(config).normalize(input);
        if got.as_str() == expected {
            exact += 1;
        } else {
            misses.push(format!("{input}\t{expected}\t{}", got.as_str()));
        }
    }
    let share = if rows == 0 {
        0.0
    } else {
        100.0 * exact as f64 / rows as f64
    };
    println!(
        "token map: {rows} rows checked ({skipped} suspicious skipped), {exact} exact ({share:.2}%)"
    );
    println!("input\texpected\tgot");
    for m in &misses {
        println!("{m}");
    }
    ExitCode::SUCCESS
}
