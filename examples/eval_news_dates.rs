//! Dates, times and document references on annotated news articles: a
//! folder of `NAME.txt` articles, each with `NAME.json` beside it holding
//! `{"entities": [{"kind", "text", "value"}], "negatives": [..]}` (the
//! conventions of `tests/fixtures/ANNOTATED.md`, dates and documents part).
//!
//! Counts, for the date kinds together (`date`, `time`, `datetime`,
//! `date_range`) and for document references with a number:
//!
//! - **found**: an extracted entity of a kind of the group with exactly the
//!   gold text at the gold position (the n-th occurrence of the text is
//!   matched to the n-th gold entity with it);
//! - **values right**: of those, the ones whose value holds every field the
//!   gold value gives (a date's year, month, day, hour, minute, lunar; a
//!   range's two ends; a reference's number and year); a gold value of
//!   `null`, like none, asks for no field;
//! - precision and recall over the folder, and every miss and extra;
//! - the negatives (look-alikes that are no date) read as a date.
//!
//! ```text
//! cargo run --release --example eval_news_dates -- tests/fixtures/heldout3
//! ```

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use serde_json::Value;
use vitext::extract::{EntityKind, Extractor};

/// Whether `needle` occurs in `hay` with no letter or digit right before
/// or after it.
fn contains_whole(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(at, _)| {
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Which group an entity kind counts in.
fn group(kind: &str) -> Option<&'static str> {
    match kind {
        "date" | "time" | "datetime" | "date_range" => Some("dates"),
        "doc_ref" => Some("documents"),
        _ => None,
    }
}

/// Whether every field of `want` holds in `got`; `null` in `want` asks for
/// the field to be absent.
fn holds(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => w
            .iter()
            .all(|(k, v)| holds(v, g.get(k).unwrap_or(&Value::Null))),
        (Value::Number(w), Value::Number(g)) => w.as_f64() == g.as_f64(),
        _ => want == got,
    }
}

/// The value of an extracted entity in the shape the gold files use: a
/// reference's number and year at the top.
fn value_of(kind: &EntityKind) -> Value {
    let full = serde_json::to_value(kind).unwrap_or(Value::Null);
    let inner = full
        .as_object()
        .and_then(|o| o.values().next().cloned())
        .unwrap_or(Value::Null);
    match kind {
        EntityKind::DocRef(doc) => match &doc.code {
            Some(code) => serde_json::json!({"number": code.number, "year": code.year}),
            None => Value::Null,
        },
        _ => inner,
    }
}

#[derive(Default)]
struct Tally {
    gold: usize,
    found: usize,
    values: usize,
    extracted: usize,
    misses: Vec<String>,
    extras: Vec<String>,
    wrong: Vec<String>,
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: eval_news_dates DIR (articles NAME.txt with NAME.json)");
        return ExitCode::FAILURE;
    };
    let mut paths: Vec<_> = match std::fs::read_dir(Path::new(&dir)) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("eval_news_dates: cannot read {dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    paths.sort();
    let extractor = Extractor::default();
    let mut tallies: BTreeMap<&str, Tally> = BTreeMap::new();
    let (mut negatives, mut negatives_read) = (0usize, Vec::new());
    for path in &paths {
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (Ok(text), Ok(gold)) = (
            std::fs::read_to_string(path),
            std::fs::read_to_string(path.with_extension("json")),
        ) else {
            eprintln!("eval_news_dates: {name}: article or annotation missing");
            return ExitCode::FAILURE;
        };
        let Ok(gold) = serde_json::from_str::<Value>(&gold) else {
            eprintln!("eval_news_dates: {name}.json: not JSON");
            return ExitCode::FAILURE;
        };
        let found = extractor.extract(&text);
        // The gold entities, placed: the n-th gold entity with a text is at
        // the n-th occurrence of that text after the previous one placed.
        let mut placed: Vec<(usize, &str, &str, Option<&Value>)> = Vec::new();
        let mut from_by_text: BTreeMap<&str, usize> = BTreeMap::new();
        for e in gold["entities"].as_array().into_iter().flatten() {
            let (Some(kind), Some(t)) = (e["kind"].as_str(), e["text"].as_str()) else {
                continue;
            };
            let from = from_by_text.get(t).copied().unwrap_or(0);
            let Some(at) = text
                .get(from..)
                .and_then(|rest| rest.find(t))
                .map(|p| p + from)
            else {
                eprintln!("eval_news_dates: {name}: gold text not in the article: {t:?}");
                return ExitCode::FAILURE;
            };
            from_by_text.insert(t, at + t.len().max(1));
            placed.push((at, t, kind, e.get("value")));
        }
        for (at, t, kind, want) in &placed {
            let Some(g) = group(kind) else { continue };
            let tally = tallies.entry(g).or_default();
            tally.gold += 1;
            let hit = found
                .iter()
                .find(|e| e.span.start == *at && e.text == *t && group(e.kind.name()) == Some(g));
            match hit {
                Some(e) => {
                    tally.found += 1;
                    let got = value_of(&e.kind);
                    if want.is_none_or(|w| w.is_null() || holds(w, &got)) {
                        tally.values += 1;
                    } else {
                        tally.wrong.push(format!("{name}: {t:?} value {got}"));
                    }
                }
                None => tally.misses.push(format!("{name}: {kind} {t:?}")),
            }
        }
        for e in found.iter() {
            let Some(g) = group(e.kind.name()) else {
                continue;
            };
            if g == "documents" && !matches!(&e.kind, EntityKind::DocRef(d) if d.code.is_some()) {
                // A document named by title is not counted either way.
                continue;
            }
            let tally = tallies.entry(g).or_default();
            tally.extracted += 1;
            if !placed
                .iter()
                .any(|(at, t, _, _)| e.span.start == *at && e.text == *t)
            {
                tally
                    .extras
                    .push(format!("{name}: {} {:?}", e.kind.name(), e.text));
            }
        }
        for n in gold["negatives"].as_array().into_iter().flatten() {
            let Some(t) = n.as_str() else { continue };
            negatives += 1;
            // (The look-alike as a whole inside the date: `1/2` is not read
            // in `2/11/2024`.)
            let read = found.iter().any(|e| {
                group(e.kind.name()) == Some("dates")
                    && text
                        .get(e.span.start..e.span.end)
                        .is_some_and(|s| contains_whole(s, t))
                    && e.text.len() <= t.len() + 12
            });
            if read {
                negatives_read.push(format!("{name}: {t:?}"));
            }
        }
    }
    println!("{} articles in {dir}", paths.len());
    for (g, t) in &tallies {
        let precision = (t.extracted - t.extras.len()) as f64 / t.extracted.max(1) as f64;
        let recall = t.found as f64 / t.gold.max(1) as f64;
        println!(
            "{g}: gold {}, found {} (recall {recall:.3}), extracted {}, extra {} (precision {precision:.3}), values right {}/{} ({:.3} of gold)",
            t.gold,
            t.found,
            t.extracted,
            t.extras.len(),
            t.values,
            t.found,
            t.values as f64 / t.gold.max(1) as f64
        );
        for m in &t.misses {
            println!("  missed  {m}");
        }
        for x in &t.extras {
            println!("  extra   {x}");
        }
        for w in &t.wrong {
            println!("  wrong   {w}");
        }
    }
    println!(
        "negatives read as dates: {}/{negatives}",
        negatives_read.len()
    );
    for n in &negatives_read {
        println!("  {n}");
    }
    ExitCode::SUCCESS
}
