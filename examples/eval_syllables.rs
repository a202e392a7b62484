//! Checks the syllable model against the inventories in `../shared/data/syllables/`.
//!
//! For every line of every list: it must parse as a valid syllable, render
//! back byte-identical under `Keep`, and survive Traditional → Modern →
//! Traditional (and Modern → Traditional → Modern) unchanged. Lines that fail
//! are printed, so junk lines can be named.
//!
//! ```text
//! cargo run --release --example eval_syllables -- ../shared/data/syllables
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use vitext::syllable::{Syllable, TonePlacement};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/syllables"));
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "eval_syllables: cannot read {}: the reference data is missing",
            dir.display()
        );
        return ExitCode::FAILURE;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut all_ok = true;
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("eval_syllables: cannot read {}", path.display());
            return ExitCode::FAILURE;
        };
        let (mut total, mut parsed, mut keep, mut round) = (0, 0, 0, 0);
        let mut failures = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            total += 1;
            let Some(s) = Syllable::parse(line) else {
                failures.push(format!("{line:?}: does not parse"));
                continue;
            };
            parsed += 1;
            if s.render(TonePlacement::Keep) == line {
                keep += 1;
            } else {
                failures.push(format!(
                    "{line:?}: Keep gives {:?}",
                    s.render(TonePlacement::Keep)
                ));
            }
            let trad = s.render(TonePlacement::Traditional);
            let modern = s.render(TonePlacement::Modern);
            let back = |t: &str, p| Syllable::parse(t).map(|x| x.render(p));
            let t_m_t = back(&trad, TonePlacement::Modern)
                .and_then(|m| back(&m, TonePlacement::Traditional));
            let m_t_m = back(&modern, TonePlacement::Traditional)
                .and_then(|t| back(&t, TonePlacement::Modern));
            if t_m_t.as_deref() == Some(trad.as_str()) && m_t_m.as_deref() == Some(modern.as_str())
            {
                round += 1;
            } else {
                failures.push(format!("{line:?}: style round trip fails"));
            }
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name}: {total} lines, {parsed} parse, {keep} render back identically, {round} round-trip"
        );
        for f in &failures {
            println!("    {f}");
        }
        all_ok &= failures.is_empty();
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
