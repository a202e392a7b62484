//! Scores the date and time extractor on Duckling's Vietnamese time examples
//! in `../shared/data/duckling_vi/`, with the reference time 2017-02-02 03:55
//! those examples were written against.
//!
//! An example is **absolute** when its text names the date or time itself
//! (`ngày 3 tháng 3 năm 2017`, `15:23:24`, `quý 4 năm 2018`), and
//! **relative** when it needs a deictic word or the calendar around the
//! reference (`hôm qua`, `thứ 2 tới`, `năm ngoái`, a weekday alone); the two
//! are scored apart, the same way. Of relative dates the extractor supports
//! days, months and years (`hôm qua`, `ngày mai`, `sáng nay`, `tháng trước`,
//! `năm ngoái`), not weeks, quarters or weekdays relative to a week; Duckling's
//! intervals (`tối nay` is 18:00 to midnight for it) are not scored.
//!
//! An example is exact when the extractor finds one date or time
//! entity whose text is the whole example (leading `vào`, `lúc`, `đúng`,
//! `khoảng` aside), whose granularity is Duckling's grain, and whose value,
//! completed the way Duckling completes it, equals Duckling's at that grain:
//! a missing year is the reference year; a time without a date is the next
//! such time at or after the reference (a bare hour of 1–12 may be in the
//! afternoon, as Duckling reads `2:30` as 14:30). Misses are printed.
//!
//! ```text
//! cargo run --release --example eval_duckling -- ../shared/data/duckling_vi
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use serde_json::Value;
use vitext::extract::{DateValue, EntityKind, Extractor, ExtractorConfig, Granularity, TimeOfDay};

const FILE: &str = "duckling_vi_corpus_examples.jsonl";

const RELATIVE: [&str; 21] = [
    "nay",
    "qua",
    "mai",
    "kia",
    "tới",
    "sau",
    "trước",
    "này",
    "ngoái",
    "tiếp",
    "vừa",
    "bây",
    "tuần",
    "giáng",
    "mùa",
    "đầu tiên",
    "hiện tại",
    "rồi",
    "lúc này",
    "cuối",
    "kế",
];

fn is_relative(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    if RELATIVE.iter().any(|r| {
        if r.contains(' ') {
            lower.contains(r)
        } else {
            words.contains(r)
        }
    }) {
        return true;
    }
    let weekday =
        lower.starts_with("thứ") || lower.starts_with("chủ nhật") || lower.starts_with("chúa nhật");
    weekday && !lower.contains("ngày") && !lower.contains("mồng") && !lower.contains('/')
}

fn grain_of(name: &str) -> Option<Granularity> {
    Some(match name {
        "Year" => Granularity::Year,
        "Quarter" => Granularity::Quarter,
        "Month" => Granularity::Month,
        "Week" => Granularity::Week,
        "Day" => Granularity::Day,
        "Hour" => Granularity::Hour,
        "Minute" => Granularity::Minute,
        "Second" => Granularity::Second,
        _ => return None,
    })
}

/// Our value completed as Duckling completes it: `[y, m, d, h, mi, s]`.
fn complete(date: Option<&DateValue>, time: Option<&TimeOfDay>) -> [i64; 6] {
    let mut hour = i64::from(time.map_or(0, |t| t.hour));
    let minute = i64::from(time.and_then(|t| t.minute).unwrap_or(0));
    let second = i64::from(time.and_then(|t| t.second).unwrap_or(0));
    // A weekday alone gives no calendar field.
    let Some(v) = date.filter(|v| {
        v.year_or_assumed().is_some()
            || v.quarter.is_some()
            || v.month.or(v.assumed_month).is_some()
            || v.day.or(v.assumed_day).is_some()
            || v.relative.is_some()
    }) else {
        // A time alone: the next such time at or after 03:55 on 2017-02-02.
        let before = (hour, minute) < (3, 55);
        let part_of_day = time.and_then(|t| t.part_of_day);
        if before && part_of_day.is_none() && (1..=12).contains(&hour) {
            hour += 12;
            return [2017, 2, 2, hour, minute, second];
        }
        let day = if before { 3 } else { 2 };
        return [2017, 2, day, hour, minute, second];
    };
    let year = i64::from(v.year_or_assumed().unwrap_or(2017));
    let month = match (v.month.or(v.assumed_month), v.quarter) {
        (Some(m), _) => i64::from(m),
        (None, Some(q)) => i64::from(q) * 3 - 2,
        _ => 1,
    };
    let day = i64::from(v.day.or(v.assumed_day).unwrap_or(1));
    [year, month, day, hour, minute, second]
}

fn prefix_len(grain: Granularity) -> usize {
    match grain {
        Granularity::Year => 1,
        Granularity::Quarter | Granularity::Month => 2,
        // A week is its Monday, in Duckling as in the extractor.
        Granularity::Week | Granularity::Day => 3,
        Granularity::Hour => 4,
        Granularity::Minute => 5,
        _ => 6,
    }
}

fn strip_cues(text: &str) -> &str {
    let mut t = text.trim();
    for cue in ["vào ", "lúc ", "đúng ", "khoảng "] {
        t = t.strip_prefix(cue).unwrap_or(t);
    }
    t
}

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data/duckling_vi".into()),
    );
    let path = dir.join(FILE);
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!(
            "eval_duckling: {} is missing; this evaluation needs the shared reference data \
             (../shared/data/duckling_vi/) next to the checkout",
            path.display()
        );
        return ExitCode::FAILURE;
    };
    let extractor = Extractor::new(ExtractorConfig::default().reference_date(2017, 2, 2));
    let (mut absolute, mut exact, mut relative, mut relative_exact, mut intervals) =
        (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    let mut relative_misses = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(row) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if row["dimension"] != "Time" {
            continue;
        }
        let text = row["text"].as_str().unwrap_or_default();
        if row["kind"] != "datetime" {
            intervals += 1;
            continue;
        }
        let found = extractor.extract(text);
        let relative_example = is_relative(text);
        if relative_example {
            relative += 1;
        } else {
            absolute += 1;
        }
        let expected: Vec<i64> = row["value"]
            .as_array()
            .map(|a| a.iter().filter_map(Value::as_i64).collect())
            .unwrap_or_default();
        let grain = row["grain"].as_str().and_then(grain_of);
        let dates: Vec<_> = found
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EntityKind::Date(_) | EntityKind::Time(_) | EntityKind::DateTime(_)
                )
            })
            .collect();
        let verdict = match (dates.as_slice(), grain) {
            ([e], Some(grain)) => {
                let (date, time) = (e.kind.date(), e.kind.time());
                let ours = complete(date, time);
                let granularity = time
                    .map(TimeOfDay::granularity)
                    .or(date.and_then(|d| d.granularity));
                let n = prefix_len(grain);
                if e.text != strip_cues(text) {
                    Err(format!("found only {:?}", e.text))
                } else if granularity != Some(grain) {
                    Err(format!("granularity {granularity:?}, expected {grain:?}"))
                } else if ours.get(..n) != expected.get(..n) {
                    Err(format!(
                        "value {:?}, expected {:?}",
                        &ours[..n],
                        expected.get(..n)
                    ))
                } else {
                    Ok(())
                }
            }
            ([], _) => Err("nothing found".to_owned()),
            (many, _) => Err(format!("{} entities", many.len())),
        };
        match (verdict, relative_example) {
            (Ok(()), false) => exact += 1,
            (Ok(()), true) => relative_exact += 1,
            (Err(why), false) => misses.push(format!("  {text:<45} {why}")),
            (Err(why), true) => relative_misses.push(format!("  {text:<45} {why}")),
        }
    }
    println!("Duckling Vietnamese time examples, reference 2017-02-02 03:55");
    println!(
        "absolute dates and times: {exact}/{absolute} exact ({:.1}%)",
        100.0 * exact as f64 / absolute.max(1) as f64
    );
    println!(
        "relative dates and times: {relative_exact}/{relative} exact ({:.1}%)",
        100.0 * relative_exact as f64 / relative.max(1) as f64
    );
    println!("intervals (not scored): {intervals}");
    for (label, list) in [("absolute", &misses), ("relative", &relative_misses)] {
        if !list.is_empty() {
            println!("\nmisses, {label}:");
            for m in list.iter() {
                println!("{m}");
            }
        }
    }
    ExitCode::SUCCESS
}
