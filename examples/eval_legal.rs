//! Runs document-reference extraction over the legal and administrative
//! documents in `../shared/data/legal_corpus/`.
//!
//! 1. **The whole folder.** Counts the document numbers found, and lists the
//!    rejected candidates: text that looks like a document number (a
//!    [`DocCode`](vitext::TokenKind::DocCode) token, or `số` followed by
//!    digits and a `/` or `-`) that no extracted reference covers.
//! 2. **Ten hand-checked documents.** For each, the document numbers a
//!    reader finds in it (read by hand, written below in [`GOLD`] in a
//!    normal spelling: no spaces, codes in upper case except `TTg`), against
//!    the numbers extracted; prints precision and recall over the ten and
//!    every difference.
//!
//! ```text
//! cargo run --release --example eval_legal -- ../shared/data/legal_corpus
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vitext::extract::{DocCode, EntityKind, Extractor};
use vitext::tokenize::{TokenKind, tokens};

/// The hand-checked documents and the numbers each contains, in order of
/// first appearance, each once.
const GOLD: &[(&str, &[&str])] = &[
    (
        "2004-NghiDinh116_2003.txt",
        &["116/2003/NĐ-CP", "95/1998/NĐ-CP", "56/2000/NĐ-CP"],
    ),
    (
        "2004-0328NDCP.txt",
        &["28/2003/NĐ-CP", "12/1999/PL-UBTVQH10", "9/2002/QH11"],
    ),
    (
        "2006-16EZE_TT01.06GopvonDNNVV.txt",
        &[
            "1/2006/TT-NHNN",
            "193/2001/QĐ-TTg",
            "115/2004/QĐ-TTg",
            "40/2005/CT-TTg",
            "6/2003/TT-NHNN",
            "2/2003/NQ-CP",
        ],
    ),
    (
        "2008-23.QD-991-UBND.txt",
        &[
            "991/QĐ-UBND",
            "186/2006/QĐ-TTg",
            "39/TB-VPCP",
            "172/TB-VPCP",
            "38/2005/CT-TTg",
            "11/2007/QĐ-UBND",
            "1927/QĐ-UBND",
            "66/TTr-SNN",
        ],
    ),
    (
        "2004-B6.txt",
        &[
            "1141-TC/QĐ/CĐKT",
            "15/CP",
            "178/CP",
            // Written `06-LCT/HĐN N` (a space inside the code).
            "6-LCT/HĐNN",
            "25-HĐBT",
            "5762-KTTH",
            "212-TC/CĐKT",
            "224-TC/CĐKT",
            "598-TC/CĐKT",
            "1205-TC/CĐKT",
            "1206-TC/CĐKT",
            "7-TC/CĐKT",
        ],
    ),
    (
        "2004-TT1691998.txt",
        &[
            "169/1998/TT-BTC",
            "2/1997/QH9",
            "3/1997/QH9",
            "28/1998/NĐ-CP",
            "30/1998/NĐ-CP",
            "99/1998/TT-BTC",
            "79/1998/TT-BTC",
            "89/1998/TT-BTC",
        ],
    ),
    (
        "2005-QDINHUUDAI522.txt",
        &[
            "522/2002/QĐ-UB",
            "77-CP",
            "51/1999/NĐ-CP",
            "73/1999/NĐ-CP",
            "16/CP",
            "2/2000/NĐ-CP",
            "61/1998/NĐ-CP",
        ],
    ),
    (
        "2003-02144qd.txt",
        &[
            "144/2002/QĐ-BTC",
            "86/2002/NĐ-CP",
            "178/CP",
            "63/NQ-UBTVQH10",
            "94/1998/NĐ-CP",
            "4/1998/QH10",
            "147/2002/QĐ-TTg",
            "5110/VPCP-KTTH",
            "5521/VPCP-KTTH",
            "1803/1998/QĐ-BTC",
            "137/2001/QĐ-BTC",
        ],
    ),
    (
        "2006-19412_QD115.04TTg_BLTch_DNNVV.txt",
        &["115/2004/QĐ-TTg", "193/2001/QĐ-TTg", "90/2001/NĐ-CP"],
    ),
    (
        "2004-duanLD9820.txt",
        &["83/BCĐ-KHTC", "16/CT-UB", "49/TTg"],
    ),
];

/// A document number in the normal spelling used by [`GOLD`].
fn spelled(code: &DocCode) -> String {
    let mut s = code.number.to_string();
    let form_dash = matches!(
        code.form,
        vitext::extract::DocForm::Party | vitext::extract::DocForm::Older
    );
    if let Some(y) = code.year {
        s.push_str(&format!("/{y}"));
    }
    let mut segs: Vec<&str> = Vec::new();
    if let Some(t) = code.type_code.as_deref() {
        segs.push(t);
    }
    segs.extend(code.issuers.iter().map(String::as_str));
    // Older numbers put the issuer before the type: `1141-TC/QĐ/CĐKT`.
    if code.form == vitext::extract::DocForm::Older && code.type_code.is_some() && segs.len() >= 2 {
        segs.swap(0, 1);
    }
    if form_dash {
        s.push('-');
        s.push_str(&segs.join("/"));
    } else {
        s.push('/');
        s.push_str(&segs.join("-"));
    }
    s
}

/// Byte ranges that look like document numbers.
fn candidates(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let toks: Vec<_> = tokens(text).collect();
    for (i, t) in toks.iter().enumerate() {
        if t.kind() == TokenKind::DocCode {
            out.push((t.start(), t.end()));
            continue;
        }
        let after_so = i > 0
            && toks[..i]
                .iter()
                .rev()
                .find(|p| p.text() != ":")
                .is_some_and(|p| p.text().to_lowercase() == "số");
        if after_so && matches!(t.kind(), TokenKind::Number(_)) {
            let rest = &text[t.end()..];
            let rest = rest.trim_start_matches(' ');
            if rest.starts_with('/') || rest.starts_with('-') || t.text().contains('/') {
                let end = text[t.start()..]
                    .find(['\n', ',', ';', '(', ')'])
                    .map_or(text.len(), |n| t.start() + n.min(40));
                out.push((t.start(), end));
            }
        }
    }
    out
}

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/data/legal_corpus".into()),
    );
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "eval_legal: {} is missing; this evaluation needs the shared reference data \
             (../shared/data/legal_corpus/) next to the checkout",
            dir.display()
        );
        return ExitCode::FAILURE;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let extractor = Extractor::default();
    let verbose = std::env::args().any(|a| a == "--list");
    let mut found_total = 0;
    let mut with_refs = 0;
    let mut rejected: Vec<String> = Vec::new();
    let mut by_form: BTreeMap<String, usize> = BTreeMap::new();
    let mut found_by_file: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let entities = extractor.extract(&text);
        let refs: Vec<_> = entities
            .iter()
            .filter_map(|e| match &e.kind {
                EntityKind::DocRef(d) => d.code.as_ref().map(|c| (e, c)),
                _ => None,
            })
            .collect();
        found_total += refs.len();
        with_refs += usize::from(!refs.is_empty());
        for (_, c) in &refs {
            *by_form.entry(format!("{:?}", c.form)).or_default() += 1;
        }
        let list = found_by_file.entry(name.clone()).or_default();
        for (e, c) in &refs {
            let s = spelled(c);
            if verbose {
                println!("{name}\t{}\t{s}", e.text.replace('\n', " "));
            }
            if !list.contains(&s) {
                list.push(s);
            }
        }
        for (start, end) in candidates(&text) {
            let covered = refs
                .iter()
                .any(|(e, _)| e.span.start <= start && start < e.span.end);
            if !covered {
                let shown = text.get(start..end).unwrap_or_default().trim();
                rejected.push(format!("  {name}: {shown:?}"));
            }
        }
    }
    println!(
        "legal corpus: {} files, {with_refs} with document numbers",
        files.len()
    );
    println!("document numbers found: {found_total}");
    for (form, n) in &by_form {
        println!("  {form:<16} {n}");
    }
    println!("rejected candidates: {}", rejected.len());
    for r in &rejected {
        println!("{r}");
    }

    if GOLD.is_empty() {
        return ExitCode::SUCCESS;
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    println!("\nhand-checked documents:");
    for (file, gold) in GOLD {
        let ours = found_by_file.get(*file).cloned().unwrap_or_default();
        let hit = gold.iter().filter(|g| ours.iter().any(|o| o == *g)).count();
        let extra: Vec<&String> = ours
            .iter()
            .filter(|o| !gold.contains(&o.as_str()))
            .collect();
        let missed: Vec<&&str> = gold
            .iter()
            .filter(|g| !ours.iter().any(|o| o == *g))
            .collect();
        tp += hit;
        fp += extra.len();
        fn_ += missed.len();
        println!(
            "  {file}: {hit}/{} found, {} extra",
            gold.len(),
            extra.len()
        );
        for m in missed {
            println!("      missed {m}");
        }
        for x in extra {
            println!("      extra  {x}");
        }
        if !Path::new(&dir).join(file).exists() {
            println!("      (file missing)");
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fn_).max(1) as f64;
    println!(
        "precision {p:.3} ({tp}/{})  recall {r:.3} ({tp}/{})",
        tp + fp,
        tp + fn_
    );
    ExitCode::SUCCESS
}
