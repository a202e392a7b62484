//! `vitext analyze FILE`: a readable report of one article.

use std::collections::BTreeMap;
use std::process::ExitCode;

use vitext::extract::{
    DateRange, DateValue, EntityKind, Extraction, Extractor, ExtractorConfig, LinkKind, Quantity,
    Tenure, dateline,
};
use vitext::tokenize::{TokenKind, tokens};

use crate::input::Options;

pub fn run(options: &Options) -> ExitCode {
    if let Some(unused) = options.unused(&["reference-date"]) {
        eprintln!("vitext: option {unused} does not apply to analyze");
        return ExitCode::from(2);
    }
    let [file] = options.files.as_slice() else {
        eprintln!("vitext: analyze takes exactly one FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("vitext: {file}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut config = ExtractorConfig::default();
    if let Some(date) = options.get("reference-date") {
        let parsed = crate::extract::parse_reference(date);
        let Some((y, m, d)) = parsed else {
            eprintln!("vitext: --reference-date {date:?} is not YYYY-MM-DD");
            return ExitCode::from(2);
        };
        config = config.reference_date(y, m, d);
    }
    print!("{}", report(file, &text, &Extractor::new(config)));
    ExitCode::SUCCESS
}

fn report(name: &str, text: &str, extractor: &Extractor) -> String {
    use std::fmt::Write;
    let entities = extractor.extract(text);
    let mut out = String::new();
    let _ = writeln!(out, "{name}");
    if let Some(title) = text.lines().next() {
        let _ = writeln!(out, "  title     {}", title.trim());
    }
    match dateline(text, &entities) {
        Some(e) => {
            let v = e.kind.date().copied().unwrap_or_default();
            let _ = writeln!(out, "  dateline  {}  ({})", e.text, show_date(&v));
        }
        None => {
            let _ = writeln!(out, "  dateline  none found");
        }
    }
    // Line numbers from one pass over the text, looked up by binary search.
    let breaks: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let line_of = |start: usize| breaks.partition_point(|&b| b < start) + 1;

    people(&mut out, &line_of, &entities);

    let _ = writeln!(out, "\nDates and times");
    for e in &entities {
        let shown = match &e.kind {
            EntityKind::Date(v) | EntityKind::Time(v) | EntityKind::DateTime(v) => show_date(v),
            EntityKind::DateRange(r) => show_range(r),
            _ => continue,
        };
        let _ = writeln!(
            out,
            "  line {:>3}  {:<10} {:<32} {shown}",
            line_of(e.span.start),
            e.kind.name(),
            e.text
        );
    }

    let _ = writeln!(out, "\nDocument references");
    for e in &entities {
        let EntityKind::DocRef(doc) = &e.kind else {
            continue;
        };
        let _ = writeln!(out, "  line {:>3}  {}", line_of(e.span.start), e.text);
        if let Some(code) = &doc.code {
            let ty = code.doc_type.as_ref().map_or_else(
                || code.type_code.clone().unwrap_or_else(|| "-".into()),
                |t| format!("{} ({})", t.abbreviation, t.name),
            );
            let _ = writeln!(
                out,
                "             number {}{}, type {ty}, issuers {}, {:?} system, {:?} form",
                code.number,
                code.year.map(|y| format!("/{y}")).unwrap_or_default(),
                code.issuers.join("-"),
                code.system,
                code.form,
            );
        }
        if let (Some(noun), Some(ok)) = (&doc.type_noun, doc.type_matches) {
            let verdict = if ok {
                "agrees with the code"
            } else {
                "DISAGREES with the code"
            };
            let _ = writeln!(out, "             noun “{noun}” {verdict}");
        }
        if let Some(d) = &doc.issue_date {
            let _ = writeln!(out, "             issued {}", show_date(d));
        }
        if let Some(b) = &doc.issuer_body {
            let _ = writeln!(out, "             by {b}");
        }
        if let Some(t) = &doc.title {
            let _ = writeln!(out, "             title “{t}”");
        }
    }

    let _ = writeln!(out, "\nQuantities");
    for e in &entities {
        let EntityKind::Quantity(q) = &e.kind else {
            continue;
        };
        let _ = writeln!(
            out,
            "  line {:>3}  {:<28} {}",
            line_of(e.span.start),
            e.text,
            show_quantity(q)
        );
    }

    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let mut total = 0;
    for t in tokens(text) {
        total += 1;
        let name = match t.kind() {
            TokenKind::Syllable(_) => "syllable",
            k => k.name(),
        };
        *counts.entry(name).or_default() += 1;
    }
    let _ = writeln!(out, "\nTokens: {total}");
    for (k, n) in counts {
        let _ = writeln!(out, "  {k:<16} {n}");
    }
    out
}

/// Each person named (once, at the first full mention) with every title
/// the text gives them, the bodies and places named, and the credits.
fn people(out: &mut String, line_of: &dyn Fn(usize) -> usize, found: &Extraction<'_>) {
    use std::fmt::Write;
    // How many other mentions each first mention has, in one pass.
    let mut mentions = vec![0usize; found.len()];
    for (j, e) in found.iter().enumerate() {
        let r = found.referent(j);
        if matches!(e.kind, EntityKind::Person(_)) && r != j {
            if let Some(m) = mentions.get_mut(r) {
                *m += 1;
            }
        }
    }
    // The body or country each title is of, in one pass over the links.
    let mut of = vec![None; found.len()];
    for l in found.links().iter().filter(|l| l.kind == LinkKind::Of) {
        if let Some(slot) = of.get_mut(l.from) {
            *slot = Some(l.to);
        }
    }
    let _ = writeln!(out, "\nPeople and their titles");
    let mut any = false;
    for (k, e) in found.iter().enumerate() {
        let EntityKind::Person(p) = &e.kind else {
            continue;
        };
        if found.referent(k) != k {
            continue;
        }
        any = true;
        let mentions = mentions.get(k).copied().unwrap_or(0);
        let mut about = Vec::new();
        if let Some(age) = p.age {
            about.push(format!("{age} tuổi"));
        }
        if let Some(year) = p.birth_year {
            about.push(format!("sinh năm {year}"));
        }
        if mentions > 0 {
            about.push(format!(
                "{} more mention{}",
                mentions,
                if mentions == 1 { "" } else { "s" }
            ));
        }
        let about = if about.is_empty() {
            String::new()
        } else {
            format!("  ({})", about.join(", "))
        };
        let _ = writeln!(
            out,
            "  line {:>3}  {} [{:?}]{about}",
            line_of(e.span.start),
            e.text,
            p.form
        );
        let mut seen: Vec<&str> = Vec::new();
        for t in found.titles_of(k) {
            let title = &found[t];
            if seen.contains(&title.text) {
                continue;
            }
            seen.push(title.text);
            let tenure = match &title.kind {
                EntityKind::Title(v) if v.tenure == Tenure::Former => " (former)",
                EntityKind::Title(v) if v.tenure == Tenure::New => " (new)",
                _ => "",
            };
            let of = of
                .get(t)
                .copied()
                .flatten()
                .map(|o| format!("  — of {} {}", found[o].kind.name(), found[o].text))
                .unwrap_or_default();
            let _ = writeln!(out, "             {}{tenure}{of}", title.text);
        }
    }
    if !any {
        let _ = writeln!(out, "  none found");
    }
    for (heading, kind) in [
        ("Organizations", "organization"),
        ("Places", "place"),
        ("Credits", "credit"),
    ] {
        let mut names: Vec<&str> = Vec::new();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for e in found.iter().filter(|e| e.kind.name() == kind) {
            if !counts.contains_key(e.text) {
                names.push(e.text);
            }
            *counts.entry(e.text).or_default() += 1;
        }
        let _ = writeln!(out, "\n{heading}");
        if names.is_empty() {
            let _ = writeln!(out, "  none found");
        }
        for n in names {
            let times = counts.get(n).copied().unwrap_or(1);
            let times = if times > 1 {
                format!("  ×{times}")
            } else {
                String::new()
            };
            let _ = writeln!(out, "  {n}{times}");
        }
    }
}

fn show_date(v: &DateValue) -> String {
    let mut s = String::new();
    match (v.year, v.assumed_year) {
        (Some(y), _) => s.push_str(&format!("{y:04}")),
        (None, Some(y)) => s.push_str(&format!("({y:04})")),
        _ => s.push_str("????"),
    }
    if let Some(q) = v.quarter {
        s.push_str(&format!("-Q{q}"));
    }
    if let Some(m) = v.month {
        s.push_str(&format!("-{m:02}"));
    }
    if let Some(d) = v.day {
        s.push_str(&format!("-{d:02}"));
    }
    if !v.has_date() {
        s.clear();
    }
    if let Some(h) = v.hour {
        s.push_str(&format!(" {h:02}:{:02}", v.minute.unwrap_or(0)));
    }
    if let Some(p) = v.part_of_day {
        s.push_str(&format!(" {p:?}"));
    }
    if let Some(w) = v.weekday {
        let check = match v.weekday_matches {
            Some(true) => " ✓",
            Some(false) => " ✗ (does not match the date)",
            None => "",
        };
        s.push_str(&format!(" {w:?}{check}"));
    }
    s.trim().to_owned()
}

fn show_range(r: &DateRange) -> String {
    format!("{} → {}", show_date(&r.from), show_date(&r.to))
}

fn show_quantity(q: &Quantity) -> String {
    let mut s = format!("{:?} {}", q.kind, q.value);
    if let Some(u) = q.upper {
        s.push_str(&format!("–{u}"));
    }
    if let Some(d) = q.denominator {
        s.push_str(&format!("/{d}"));
    }
    if let Some(u) = &q.unit {
        s.push_str(&format!(" {u}"));
    }
    if let Some(a) = q.approximation {
        s.push_str(&format!(" ({a:?})"));
    }
    s
}
