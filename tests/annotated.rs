//! Persons, titles, organizations, places and credits against the sample
//! articles annotated in full (`tests/fixtures/annotated/*.json`, the texts
//! in `examples/data/`): precision, recall and F1 per kind with exact
//! spans, and the share of title–holder links found.
//!
//! The floors asserted here are a little under what the extractor scores
//! today (`cargo test --test annotated -- --nocapture` prints the scores),
//! so that a change that loses accuracy fails.

use std::collections::BTreeMap;

use serde::Deserialize;
use vitext::extract::Extractor;

#[derive(Deserialize)]
struct Annotation {
    article: String,
    entities: Vec<Gold>,
    links: Vec<GoldLink>,
}

#[derive(Deserialize)]
struct Gold {
    kind: String,
    text: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct GoldLink {
    person: usize,
    title: usize,
}

const ARTICLES: [(&str, &str, &str); 6] = [
    (
        "officials-meeting",
        include_str!("fixtures/annotated/officials-meeting.json"),
        include_str!("../examples/data/officials-meeting.txt"),
    ),
    (
        "crime-report",
        include_str!("fixtures/annotated/crime-report.json"),
        include_str!("../examples/data/crime-report.txt"),
    ),
    (
        "world-news",
        include_str!("fixtures/annotated/world-news.json"),
        include_str!("../examples/data/world-news.txt"),
    ),
    (
        "sports-news",
        include_str!("fixtures/annotated/sports-news.json"),
        include_str!("../examples/data/sports-news.txt"),
    ),
    (
        "names-in-places",
        include_str!("fixtures/annotated/names-in-places.json"),
        include_str!("../examples/data/names-in-places.txt"),
    ),
    (
        "business-news",
        include_str!("fixtures/annotated/business-news.json"),
        include_str!("../examples/data/business-news.txt"),
    ),
];

const KINDS: [&str; 5] = ["person", "title", "organization", "place", "credit"];

#[derive(Default, Clone, Copy)]
struct Count {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Count {
    fn precision(self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
    fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores every article; returns the counts per kind, the link counts
/// (found, gold) and the differences, one line each.
fn score() -> (BTreeMap<&'static str, Count>, (usize, usize), Vec<String>) {
    let extractor = Extractor::default();
    let mut counts: BTreeMap<&str, Count> = KINDS.iter().map(|k| (*k, Count::default())).collect();
    let mut links = (0, 0);
    let mut diffs = Vec::new();
    for (name, json, text) in ARTICLES {
        let gold: Annotation = serde_json::from_str(json).expect("annotation is valid JSON");
        assert!(gold.article.ends_with(&format!("{name}.txt")));
        let found = extractor.extract(text);
        let got: Vec<(&str, usize, usize)> = found
            .iter()
            .filter(|e| KINDS.contains(&e.kind.name()))
            .map(|e| (e.kind.name(), e.span.start, e.span.end))
            .collect();
        for g in &gold.entities {
            assert_eq!(&text[g.start..g.end], g.text, "{name}: gold offsets");
            let c = counts.get_mut(g.kind.as_str()).expect("known kind");
            if got.contains(&(g.kind.as_str(), g.start, g.end)) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                diffs.push(format!(
                    "{name}: missed {} {:?} @{}",
                    g.kind, g.text, g.start
                ));
            }
        }
        for &(kind, start, end) in &got {
            if !gold
                .entities
                .iter()
                .any(|g| g.kind == kind && g.start == start && g.end == end)
            {
                if let Some(c) = counts.get_mut(kind) {
                    c.fp += 1;
                }
                diffs.push(format!(
                    "{name}: extra  {kind} {:?} @{start}",
                    &text[start..end]
                ));
            }
        }
        // A gold link is found when the title at its start is held by the
        // person at its start, directly or through the same person.
        for l in &gold.links {
            links.1 += 1;
            let person = found
                .iter()
                .position(|e| e.kind.name() == "person" && e.span.start == l.person);
            let title = found
                .iter()
                .position(|e| e.kind.name() == "title" && e.span.start == l.title);
            let ok = match (person, title) {
                (Some(p), Some(t)) => found.titles_of(p).any(|x| x == t),
                _ => false,
            };
            if ok {
                links.0 += 1;
            } else {
                diffs.push(format!(
                    "{name}: link missed {:?} holds {:?}",
                    text.get(l.person..)
                        .and_then(|s| s.split([',', ' ']).take(3).reduce(|a, _| a))
                        .unwrap_or(""),
                    found
                        .iter()
                        .find(|e| e.span.start == l.title)
                        .map_or("?", |e| e.text)
                ));
            }
        }
    }
    (counts, links, diffs)
}

#[test]
fn annotated_articles() {
    let (counts, links, diffs) = score();
    for d in &diffs {
        println!("{d}");
    }
    for (kind, c) in &counts {
        println!(
            "{kind:<13} precision {:.3} recall {:.3} F1 {:.3}  (tp {}, fp {}, fn {})",
            c.precision(),
            c.recall(),
            c.f1(),
            c.tp,
            c.fp,
            c.fn_
        );
    }
    println!(
        "links         {}/{} title–holder links found",
        links.0, links.1
    );
    let floor = |kind: &str, f1: f64| {
        let got = counts[kind].f1();
        assert!(got >= f1, "{kind} F1 {got:.3} fell under {f1}");
    };
    floor("person", 0.95);
    floor("title", 0.95);
    floor("organization", 0.93);
    floor("place", 0.93);
    floor("credit", 0.95);
    assert!(
        links.0 * 100 >= links.1 * 95,
        "title–holder links {}/{}",
        links.0,
        links.1
    );
}
