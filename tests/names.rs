//! Persons, titles, organizations, places and credits against the cases in
//! `tests/fixtures/names.json`: every entity of those kinds in order, the
//! fields of values that must hold, the links, and the negatives.

use serde::Deserialize;
use serde_json::Value;
use vitext::extract::{Extraction, Extractor, LinkKind};

const KINDS: [&str; 5] = ["person", "title", "organization", "place", "credit"];

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
    negative: Vec<Negative>,
}

#[derive(Deserialize)]
struct Case {
    section: String,
    input: String,
    /// `[kind, text]`, in order.
    entities: Vec<(String, String)>,
    /// `[text, fields]`: fields of that entity's value that must hold.
    #[serde(default)]
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    values: Vec<(String, Value)>,
    /// `[from text, kind, to text]`; `text#2` is the second entity with
    /// that text.
    links: Vec<(String, String, String)>,
    /// Links, written as `links` are, that must not hold.
    #[serde(default)]
    no_links: Vec<(String, String, String)>,
}

#[derive(Deserialize)]
struct Negative {
    input: String,
    /// A kind, or `kind:text` for one entity that must not appear.
    kinds: Vec<String>,
    why: String,
}

fn fixture() -> Fixture {
    serde_json::from_str(include_str!("fixtures/names.json"))
        .expect("tests/fixtures/names.json is valid")
}

/// The index of the entity named `text` or `text#n`.
fn find(found: &Extraction<'_>, name: &str) -> Option<usize> {
    let (text, nth) = match name.rsplit_once('#') {
        Some((t, n)) => (t, n.parse::<usize>().ok()?),
        None => (name, 1),
    };
    found
        .iter()
        .enumerate()
        .filter(|(_, e)| e.text == text && KINDS.contains(&e.kind.name()))
        .nth(nth - 1)
        .map(|(k, _)| k)
}

fn link_kind(name: &str) -> Option<LinkKind> {
    Some(match name {
        "holds" => LinkKind::Holds,
        "same_as" => LinkKind::SameAs,
        "of" => LinkKind::Of,
        _ => return None,
    })
}

fn check(case: &Case, extractor: &Extractor) -> Result<(), String> {
    let found = extractor.extract(&case.input);
    let got: Vec<(&str, &str)> = found
        .iter()
        .filter(|e| KINDS.contains(&e.kind.name()))
        .map(|e| (e.kind.name(), e.text))
        .collect();
    let expected: Vec<(&str, &str)> = case
        .entities
        .iter()
        .map(|(k, t)| (k.as_str(), t.as_str()))
        .collect();
    let here = || format!("[{}] {:?}", case.section, case.input);
    if got != expected {
        return Err(format!(
            "{}\n  expected {expected:?}\n  got      {got:?}",
            here()
        ));
    }
    let wanted = case.links.iter().map(|l| (l, true));
    let unwanted = case.no_links.iter().map(|l| (l, false));
    for ((from, kind, to), want) in wanted.chain(unwanted) {
        let (Some(f), Some(t), Some(kind)) =
            (find(&found, from), find(&found, to), link_kind(kind))
        else {
            return Err(format!(
                "{}: bad link in the fixture {from:?} {kind:?} {to:?}",
                here()
            ));
        };
        let holds = match kind {
            LinkKind::Holds => found.titles_of(f).any(|x| x == t),
            _ => found
                .links()
                .iter()
                .any(|l| l.kind == kind && l.from == f && l.to == t),
        };
        if holds != want {
            let what = if want { "no link" } else { "an unwanted link" };
            return Err(format!(
                "{}: {what} {from:?} {kind:?} {to:?}; links {:?}",
                here(),
                found.links()
            ));
        }
    }
    #[cfg(feature = "serde")]
    for (text, fields) in &case.values {
        let Some(k) = find(&found, text) else {
            return Err(format!("{}: no entity {text:?} for its value", here()));
        };
        let value = serde_json::to_value(&found[k].kind).unwrap();
        let value = value
            .as_object()
            .and_then(|m| m.values().next())
            .cloned()
            .unwrap_or(Value::Null);
        for (key, want) in fields.as_object().into_iter().flatten() {
            if value.get(key) != Some(want) {
                return Err(format!(
                    "{}: {text:?}.{key} expected {want}, got {value}",
                    here()
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn fixture_cases() {
    let extractor = Extractor::default();
    let fixture = fixture();
    let failures: Vec<String> = fixture
        .cases
        .iter()
        .filter_map(|c| check(c, &extractor).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n\n{}",
        failures.len(),
        fixture.cases.len(),
        failures.join("\n\n")
    );
}

#[test]
fn fixture_negatives() {
    let extractor = Extractor::default();
    let mut failures = Vec::new();
    for n in &fixture().negative {
        let found = extractor.extract(&n.input);
        let wrong: Vec<String> = found
            .iter()
            .filter(|e| {
                n.kinds.iter().any(|k| match k.split_once(':') {
                    Some((kind, text)) => e.kind.name() == kind && e.text == text,
                    None => e.kind.name() == k,
                })
            })
            .map(|e| format!("{} {:?}", e.kind.name(), e.text))
            .collect();
        if !wrong.is_empty() {
            failures.push(format!(
                "{:?} ({}): found {}",
                n.input,
                n.why,
                wrong.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn builder_adds_words_and_rejects_bad_patterns() {
    use vitext::extract::{OrgCategory, PatternKind};
    let err = Extractor::builder()
        .pattern("(", PatternKind::Person)
        .build()
        .unwrap_err();
    assert_eq!(err.to_string(), "pattern \"(\" does not compile");
    assert!(std::error::Error::source(&err).is_some());
    let text = "Điều dưỡng trưởng Lê Văn Ba có mặt.";
    // The default extractor does not know the newsroom's role.
    let plain = Extractor::default().extract(text);
    assert!(!plain.iter().any(|e| e.kind.name() == "title"));
    let extractor = Extractor::builder()
        .role("Điều dưỡng trưởng")
        .organization("Báo Sông Trà", OrgCategory::Media)
        .build()
        .unwrap();
    let found = extractor.extract(text);
    let title = found
        .iter()
        .position(|e| e.kind.name() == "title" && e.text == "Điều dưỡng trưởng")
        .unwrap();
    let person = found.holder_of(title).unwrap();
    assert_eq!(found[person].text, "Lê Văn Ba");
}

/// The bundled Party-news article: each official with every title the text
/// gives them (what `vitext analyze` lists).
#[test]
fn officials_of_the_bundled_article() {
    let text = include_str!("../examples/data/party-conference.txt");
    let found = Extractor::default().extract(text);
    let titles_of = |name: &str| -> Vec<&str> {
        let person = found
            .iter()
            .position(|e| e.kind.name() == "person" && e.text == name)
            .unwrap_or_else(|| panic!("{name} not found"));
        let mut titles: Vec<&str> = found.titles_of(person).map(|t| found[t].text).collect();
        titles.dedup();
        titles
    };
    assert_eq!(
        titles_of("Trần Văn Hòa"),
        [
            "Ủy viên Ban Thường vụ Tỉnh ủy",
            "Trưởng Ban Tổ chức Tỉnh ủy"
        ]
    );
    assert_eq!(
        titles_of("Phan Minh Tuấn"),
        ["Bí thư Đảng ủy Khối các cơ quan tỉnh"]
    );
    assert_eq!(
        titles_of("Lê Thị Thu Hà"),
        ["Phó Bí thư Thường trực Tỉnh ủy"]
    );
    // `Kết luận số 01-KL/TW … của Bộ Chính trị` is issued by the body found.
    let doc = found
        .iter()
        .position(|e| e.text == "Kết luận số 01-KL/TW")
        .unwrap();
    let issuer = found
        .links()
        .iter()
        .find(|l| l.kind == LinkKind::IssuedBy && l.from == doc)
        .map(|l| found[l.to].text);
    assert_eq!(issuer, Some("Bộ Chính trị"));
    let date = found
        .links()
        .iter()
        .find(|l| l.kind == LinkKind::IssuedOn && l.from == doc)
        .map(|l| found[l.to].text);
    assert_eq!(date, Some("ngày 18.5.2021"));
}

#[test]
fn lists_parse_without_bad_rows() {
    // The embedded lists are read by a function the tests cannot reach;
    // an extractor built from them must know a word of each list.
    let found = Extractor::default().extract("vòng loại World Cup 2026");
    assert!(
        !found.iter().any(|e| e.kind.name() == "person"),
        "{:?}",
        found.entities()
    );
}

#[test]
fn builder_rejects_words_that_can_never_match() {
    use vitext::extract::{BuildErrorKind, PlaceLevel};
    let many = "a ".repeat(17);
    let err = Extractor::builder()
        .place(&many, PlaceLevel::Village)
        .build()
        .unwrap_err();
    assert_eq!(err.kind(), &BuildErrorKind::Unmatchable(many.clone()));
    let long = "Internationalization";
    let err = Extractor::builder().surname(long).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{long:?} can never match a text's words")
    );
    let err = Extractor::builder().honorific(" ").build().unwrap_err();
    assert_eq!(err.kind(), &BuildErrorKind::EmptyWord);
}
