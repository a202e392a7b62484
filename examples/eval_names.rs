//! Person names in sentence frames: the 8,757 real full names of
//! `../shared/data/names/duyet_namedb_uit_member.json`, and the 63 province
//! names of `../shared/data/admin_units/provinces_63_pre2025.tsv` as a
//! negative set, each put into the same five frames (sentences of our own).
//!
//! For the names it counts the share found as exactly one person span over
//! the name; for the provinces, the share read as a person anywhere in the
//! name (false positives), and the share read as a place.
//!
//! ```text
//! cargo run --release --example eval_names -- ../shared/data
//! ```

use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;
use vitext::extract::{Extractor, NameForm};

/// Sentence frames; `{}` is where the name goes.
const FRAMES: [&str; 5] = [
    "Ông {} phát biểu tại hội nghị tổng kết năm.",
    "{} cho biết công trình sẽ hoàn thành trước mùa mưa.",
    "Bà {}, Giám đốc Sở Y tế, đã kiểm tra công tác phòng dịch tại huyện.",
    "Theo lời kể của {}, sự việc xảy ra vào khoảng 15 giờ.",
    "Tham dự buổi lễ có {} cùng nhiều đại biểu của các sở, ngành.",
];

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/data".into());
    let dir = Path::new(&dir);
    let names_path = dir.join("names/duyet_namedb_uit_member.json");
    let provinces_path = dir.join("admin_units/provinces_63_pre2025.tsv");
    let (Ok(names), Ok(provinces)) = (
        std::fs::read_to_string(&names_path),
        std::fs::read_to_string(&provinces_path),
    ) else {
        eprintln!(
            "eval_names: the reference data is missing ({} or {}); nothing was measured",
            names_path.display(),
            provinces_path.display()
        );
        return ExitCode::FAILURE;
    };
    let Ok(Value::Array(rows)) = serde_json::from_str::<Value>(&names) else {
        eprintln!("eval_names: {} is not a JSON array", names_path.display());
        return ExitCode::FAILURE;
    };
    let names: Vec<String> = rows
        .iter()
        .filter_map(|r| r.get("full_name")?.as_str())
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty())
        .collect();
    let provinces: Vec<String> = provinces
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .map(|n| {
            n.trim_start_matches("Tỉnh ")
                .trim_start_matches("Thành phố ")
                .to_owned()
        })
        .collect();
    let extractor = Extractor::default();

    let mut per_frame = [0usize; FRAMES.len()];
    let mut full_form = 0usize;
    let mut misses: Vec<String> = Vec::new();
    for name in &names {
        for (f, frame) in FRAMES.iter().enumerate() {
            let text = frame.replacen("{}", name, 1);
            let at = frame.find("{}").unwrap_or(0);
            let found = extractor.extract(&text);
            let hit = found.iter().find(|e| {
                e.kind.name() == "person" && e.span.start == at && e.span.end == at + name.len()
            });
            match hit {
                Some(e) => {
                    per_frame[f] += 1;
                    if let vitext::EntityKind::Person(p) = &e.kind {
                        if p.form == NameForm::Full {
                            full_form += 1;
                        }
                    }
                }
                None if misses.len() < 40 => misses.push(format!("frame {}: {text}", f + 1)),
                None => {}
            }
        }
    }
    let total = names.len() * FRAMES.len();
    let found: usize = per_frame.iter().sum();
    println!(
        "Full names ({} names × {} frames = {total}):",
        names.len(),
        FRAMES.len()
    );
    for (f, n) in per_frame.iter().enumerate() {
        println!(
            "  frame {}: {n}/{} ({:.2}%)  {}",
            f + 1,
            names.len(),
            100.0 * *n as f64 / names.len() as f64,
            FRAMES[f]
        );
    }
    println!(
        "  all frames: {found}/{total} ({:.2}%) found as one person span; {full_form} of them read as a full name with its parts",
        100.0 * found as f64 / total as f64
    );

    let mut person_fp = 0usize;
    let mut as_place = 0usize;
    let mut fp_examples = Vec::new();
    for name in &provinces {
        for frame in FRAMES {
            let text = frame.replacen("{}", name, 1);
            let at = frame.find("{}").unwrap_or(0);
            let found = extractor.extract(&text);
            let inside = |e: &&vitext::extract::Entity<'_>| {
                e.span.start < at + name.len() && at < e.span.end
            };
            if found
                .iter()
                .filter(inside)
                .any(|e| e.kind.name() == "person")
            {
                person_fp += 1;
                fp_examples.push(text.clone());
            }
            if found.iter().any(|e| {
                e.kind.name() == "place" && e.span.start == at && e.span.end == at + name.len()
            }) {
                as_place += 1;
            }
        }
    }
    let ptotal = provinces.len() * FRAMES.len();
    println!(
        "Province names ({} names × {} frames = {ptotal}):",
        provinces.len(),
        FRAMES.len()
    );
    println!(
        "  read as a person: {person_fp}/{ptotal} ({:.2}%); read as a place: {as_place}/{ptotal} ({:.2}%)",
        100.0 * person_fp as f64 / ptotal as f64,
        100.0 * as_place as f64 / ptotal as f64
    );
    for e in fp_examples.iter().take(10) {
        println!("    {e}");
    }
    println!("First misses:");
    for m in &misses {
        println!("  {m}");
    }
    ExitCode::SUCCESS
}
