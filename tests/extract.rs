//! The extractor against the cases in `tests/fixtures/extract.json`, and its
//! invariants as properties.

use proptest::prelude::*;
use serde::Deserialize;
use serde_json::Value;
use vitext::NormalizeConfig;
use vitext::extract::{
    Decimal, Entity, EntityKind, Extraction, Extractor, ExtractorConfig, Layers, LinkKind,
};

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
    negative: Vec<Negative>,
}

/// A text and every entity it holds, in order.
#[derive(Deserialize)]
struct Case {
    section: String,
    input: String,
    #[serde(default)]
    reference_date: Option<String>,
    /// The kinds checked; the others are not. By default the kinds of
    /// dates, documents and quantities.
    #[serde(default)]
    kinds: Option<Vec<String>>,
    entities: Vec<Expected>,
}

/// The kinds a case checks unless it names its own.
const DEFAULT_KINDS: [&str; 6] = [
    "date",
    "time",
    "datetime",
    "date_range",
    "doc_ref",
    "quantity",
];

/// An entity: its kind name, its text, and the fields of its value that
/// must hold (the others are not checked).
#[derive(Deserialize)]
struct Expected {
    kind: String,
    text: String,
    /// Checked only with the `serde` feature, which serializes values.
    #[serde(default)]
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    value: Option<Value>,
}

/// A text in which no entity of the listed kinds may be found.
#[derive(Deserialize)]
struct Negative {
    input: String,
    kinds: Vec<String>,
    why: String,
}

fn fixture() -> Fixture {
    let text = include_str!("fixtures/extract.json");
    serde_json::from_str(text).expect("tests/fixtures/extract.json is valid")
}

fn extractor(reference: Option<&str>) -> Extractor {
    let mut config = ExtractorConfig::default();
    if let Some(date) = reference {
        let parts: Vec<i64> = date.split('-').map(|p| p.parse().unwrap()).collect();
        config = config.reference_date(parts[0] as i32, parts[1] as u8, parts[2] as u8);
    }
    Extractor::new(config)
}

#[cfg(feature = "serde")]
fn value_of(e: &Entity<'_>) -> Value {
    let tagged = serde_json::to_value(&e.kind).unwrap();
    tagged
        .as_object()
        .and_then(|m| m.values().next().cloned())
        .unwrap_or(Value::Null)
}

/// Whether every field of `expected` is in `got` with the same value. A
/// span of `input` (`{"start", "end"}`) is written in the fixture as the
/// text it covers.
#[cfg(feature = "serde")]
fn subset(expected: &Value, got: &Value, input: &str, path: &str, errors: &mut Vec<String>) {
    let span_text = |g: &Value| {
        let edge = |k: &str| g.get(k).and_then(Value::as_u64).map(|n| n as usize);
        input.get(edge("start")?..edge("end")?)
    };
    match (expected, got) {
        (Value::String(e), Value::Object(_)) if span_text(got).is_some() => {
            let text = span_text(got).unwrap_or_default();
            if text != e {
                errors.push(format!("{path}: expected {e:?}, got the span of {text:?}"));
            }
        }
        (Value::Object(e), Value::Object(g)) => {
            for (k, v) in e {
                let sub = format!("{path}.{k}");
                match g.get(k) {
                    Some(gv) => subset(v, gv, input, &sub, errors),
                    // An empty field is left out of the JSON.
                    None if v.is_null() => {}
                    None => errors.push(format!("{sub}: missing")),
                }
            }
        }
        // Numbers are compared as the exact decimals they read as, not as
        // floats: `4100000000.5` and `4100000000.500001` differ.
        (Value::Number(e), Value::Number(g))
            if decimal(e).is_some() && decimal(e) == decimal(g) => {}
        (e, g) if e == g => {}
        (e, g) => errors.push(format!("{path}: expected {e}, got {g}")),
    }
}

/// The exact value of a JSON number, as a quantity's value reads it: an
/// integer as written, a float as the shortest decimal that reads back as
/// it.
fn decimal(n: &serde_json::Number) -> Option<Decimal> {
    match (n.as_i64(), n.as_f64()) {
        (Some(i), _) => Some(Decimal::from_int(i.into())),
        (None, Some(x)) => format!("{x}").parse().ok(),
        _ => None,
    }
}

fn check(case: &Case) -> Result<(), String> {
    let extraction = extractor(case.reference_date.as_deref()).extract(&case.input);
    let checked = |kind: &str| match &case.kinds {
        Some(kinds) => kinds.iter().any(|k| k == kind),
        None => DEFAULT_KINDS.contains(&kind),
    };
    let found: Vec<&Entity<'_>> = extraction
        .iter()
        .filter(|e| checked(e.kind.name()))
        .collect();
    let got: Vec<(&str, &str)> = found.iter().map(|e| (e.kind.name(), e.text)).collect();
    let expected: Vec<(&str, &str)> = case
        .entities
        .iter()
        .map(|e| (e.kind.as_str(), e.text.as_str()))
        .collect();
    if got != expected {
        return Err(format!(
            "[{}] input {:?}\n  expected {:?}\n  got      {:?}",
            case.section, case.input, expected, got
        ));
    }
    #[cfg(feature = "serde")]
    for (e, x) in found.iter().zip(&case.entities) {
        if let Some(value) = &x.value {
            let mut errors = Vec::new();
            subset(value, &value_of(e), &case.input, "value", &mut errors);
            if !errors.is_empty() {
                return Err(format!(
                    "[{}] input {:?}\n  entity {:?}: {}\n  got {}",
                    case.section,
                    case.input,
                    e.text,
                    errors.join("; "),
                    value_of(e)
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn fixture_cases() {
    let fixture = fixture();
    let failures: Vec<String> = fixture
        .cases
        .iter()
        .filter_map(|c| check(c).err())
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
    let fixture = fixture();
    let extractor = Extractor::default();
    let mut failures = Vec::new();
    for n in &fixture.negative {
        let found = extractor.extract(&n.input);
        let wrong: Vec<String> = found
            .iter()
            .filter(|e| n.kinds.iter().any(|k| k == e.kind.name()))
            .map(|e| format!("{} {:?}", e.kind.name(), e.text))
            .collect();
        if !wrong.is_empty() {
            failures.push(format!(
                "input {:?} ({}): found {}",
                n.input,
                n.why,
                wrong.join(", ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn bundled_article_is_annotated_in_full() {
    let fixture = fixture();
    let article = include_str!("../examples/data/party-conference.txt");
    assert!(
        fixture.cases.iter().any(|c| c.input == article),
        "the fixture must annotate examples/data/party-conference.txt as it is"
    );
}

/// Spans slice the text; entities are sorted, outer before inner; an
/// entity overlaps an earlier one only inside it, and `within` names the
/// innermost; links point at entities.
fn check_spans(text: &str, found: &Extraction<'_>) -> Result<(), TestCaseError> {
    for (k, e) in found.iter().enumerate() {
        prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        prop_assert_eq!(&text[e.span], e.text);
        let earlier = &found[..k];
        if let Some(prev) = earlier.last() {
            prop_assert!(
                (prev.span.start, std::cmp::Reverse(prev.span.end))
                    <= (e.span.start, std::cmp::Reverse(e.span.end)),
                "entities unsorted"
            );
        }
        let containers: Vec<usize> = (0..k)
            .filter(|&j| earlier[j].span.start < e.span.end && e.span.start < earlier[j].span.end)
            .collect();
        for &j in &containers {
            let c = earlier[j].span;
            prop_assert!(
                c.start <= e.span.start && e.span.end <= c.end,
                "{:?} crosses {:?}",
                e.text,
                earlier[j].text
            );
        }
        prop_assert_eq!(
            e.within,
            containers.last().copied(),
            "within of {:?}",
            e.text
        );
    }
    for l in found.links() {
        prop_assert!(l.from < found.len() && l.to < found.len() && l.from != l.to);
    }
    Ok(())
}

/// Pieces that make dates, codes and numbers likely in random text.
const PIECES: &[&str] = &[
    "ngày ",
    "tháng ",
    "năm ",
    "Sáng ",
    "Thứ năm",
    " - ",
    "số ",
    "Số: ",
    "Kết luận ",
    "18.5.2021",
    "10.1",
    "5-10",
    "10-12/5",
    "2019 - 2023",
    "14:40",
    "14h",
    " giờ ",
    "01-KL/TW",
    "/",
    "-",
    "100/2019/NĐ-CP",
    "99999999999",
    "nđ-cp",
    "98,4%",
    "71/72",
    // The forms of issue 11: days without a date word, lists, glued
    // dates, hours joined by a dash, years in names, the lunar calendar,
    // numbers alone after a document noun.
    "(",
    ")",
    "vào ",
    "Cùng ",
    " và ",
    "ngày13/11",
    "5h",
    "7h",
    "SEA Games ",
    "Luật Đất đai ",
    "mùng ",
    "rằm ",
    "tháng Giêng ",
    "âm lịch",
    "Tết ",
    "Nguyên đán ",
    "Giáp Thìn",
    "Nghị định ",
    "168",
    "lễ Quốc khánh ",
    "\n- ",
    ": ",
    " người",
    " tỷ đồng",
    "khóa XIV",
    "quý I/",
    "2024",
    " đến ",
    "từ ",
    "của Bộ Chính trị",
    " về “",
    "”",
    ",",
    "\n",
    "  ",
    "đ",
    "Đ",
    "ông ",
    "Nguyễn Văn ",
    "Hùng",
    " cho biết",
    "Trưởng Ban ",
    "Tổ chức ",
    "Tỉnh ủy ",
    "tỉnh ",
    "Quảng Nam",
    "Ảnh: ",
    "H.P",
    "N.V.A",
    "(37 tuổi)",
    "(SN 1994)",
    "Bộ Y tế",
    "CLB ",
    "UBND ",
    "kiêm ",
    ", ",
    " - ",
    "Donald Trump",
    "Kim Jong-un",
    "Park Hang-seo",
    "đường ",
    "TP.HCM",
    "Hà Nội",
    "nguyên ",
    "Đại tá ",
];

proptest! {
    #[test]
    fn never_panics_and_spans_slice(text in "\\PC{0,64}") {
        let found = Extractor::default().extract(&text);
        check_spans(&text, &found)?;
    }

    #[test]
    fn spans_slice_on_date_and_code_soup(parts in proptest::collection::vec(0..PIECES.len(), 0..24)) {
        let text: String = parts.iter().map(|&i| PIECES[i]).collect();
        let found = extractor(Some("2024-06-01")).extract(&text);
        check_spans(&text, &found)?;
    }

    #[test]
    fn normalizing_first_keeps_spans_in_the_text_given(
        parts in proptest::collection::vec(0..DAMAGED.len(), 0..24),
        noise in "\\PC{0,16}",
    ) {
        let text: String = parts.iter().map(|&i| DAMAGED[i]).collect::<String>() + &noise;
        let config = ExtractorConfig::default().normalize(NormalizeConfig::default());
        let found = Extractor::new(config).extract(&text);
        check_spans(&text, &found)?;
        check_value_spans(&text, &found)?;
    }
}

/// Pieces of damaged text: decomposed accents, misplaced tone marks, the
/// look-alike `Ð`, invisible characters and odd spaces, around names,
/// titles, places, dates and codes.
const DAMAGED: &[&str] = &[
    "Sa\u{301}ng ",
    "10.1",
    ", ",
    ". ",
    "ông ",
    "Nguye\u{302}\u{303}n ",
    "Văn ",
    "An",
    "Ð",
    "HÐND ",
    "tỉnh ",
    "Bi\u{300}nh Đi\u{323}nh",
    "\u{200B}",
    "\u{A0}",
    "baì ",
    "Chủ ti\u{323}ch ",
    "UBND ",
    "Nghị định ",
    "100/2019/NÐ-CP",
    "\u{301}",
    "thuỷ ",
    "ngày 18.5.2021",
];

/// The spans inside each value fall inside the entity's (a person's
/// honorific before it), on character boundaries of the text.
fn check_value_spans(text: &str, found: &Extraction<'_>) -> Result<(), TestCaseError> {
    for e in found.iter() {
        let mut inside = true;
        let mut kind = e.kind.clone();
        if let EntityKind::Person(p) = &mut kind {
            if let Some(h) = p.honorific.take() {
                prop_assert!(h.end <= e.span.start && text.get(h.range()).is_some());
            }
        }
        kind.map_spans(|s| {
            inside &= e.span.start <= s.start
                && s.end <= e.span.end
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end);
            s
        });
        prop_assert!(inside, "a span of {:?} outside it: {:?}", e.text, e.kind);
    }
    Ok(())
}

/// Reading damaged text normalized first finds what reading the clean text
/// finds, at the places the damaged text has it.
#[test]
fn normalizing_first_finds_what_the_clean_text_holds() {
    let raw = "Sa\u{301}ng 10.1, ông Nguye\u{302}\u{303}n Văn An, Chủ ti\u{323}ch UBND tỉnh \
               Bi\u{300}nh Đi\u{323}nh, ký Nghị định 100/2019/NÐ-CP.\u{200B}";
    let config = ExtractorConfig::default().normalize(NormalizeConfig::default());
    let damaged = Extractor::new(config).extract(raw);
    let clean = vitext::normalize(raw);
    let expected = Extractor::default().extract(clean.as_str());
    assert_eq!(damaged.len(), expected.len());
    assert!(expected.len() >= 6, "{expected:?}");
    for (d, c) in damaged.iter().zip(expected.iter()) {
        let mut kind = c.kind.clone();
        kind.map_spans(|s| clean.original_span(s));
        assert_eq!(d.kind, kind);
        assert_eq!(d.span, clean.original_span(c.span));
        assert_eq!(d.within, c.within);
    }
    assert_eq!(damaged.links(), expected.links());
    // Normal text is read as it is.
    let config = ExtractorConfig::default().normalize(NormalizeConfig::default());
    let text = clean.as_str();
    assert_eq!(
        Extractor::new(config).extract(text),
        Extractor::default().extract(text)
    );
}

#[test]
fn odd_configs_and_huge_inputs_do_not_panic() {
    for (y, m, d) in [
        (i32::MAX, 12, 31),
        (i32::MIN, 1, 1),
        (2024, 13, 40),
        (0, 0, 0),
    ] {
        let extractor = Extractor::new(ExtractorConfig::default().reference_date(y, m, d));
        let text = "Thứ hai, 6/6 lúc 14h; Sáng 10.1 và từ 10-12/5";
        let found = extractor.extract(text);
        assert!(!found.is_empty(), "{y}-{m}-{d}");
    }
    let inputs = [
        "9".repeat(100_000),
        "số ".repeat(20_000) + "1/2024/NĐ-CP",
        "ngày ".repeat(20_000),
        "1/".repeat(30_000),
        "Nghị quyết Đại ".repeat(10_000),
        "1 - ".repeat(30_000) + "7 tỷ đồng",
        "từ 1 đến ".repeat(20_000) + "15%",
        "1 tỷ ".repeat(20_000) + "đồng",
        "Kết luận số 01-KL/TW của ".repeat(5_000),
        "Thứ năm - ".repeat(10_000),
        "ông Nguyễn ".repeat(20_000),
        "Ủy viên Ban Thường vụ Tỉnh ủy, ".repeat(5_000) + "Nguyễn Giờ",
        "Hà Nội ".repeat(20_000),
        "Ban Tổ chức ".repeat(10_000),
        "Nguyễn Văn A. A cho biết. ".repeat(5_000),
        "Ảnh: ".repeat(10_000),
        "A".repeat(100_000),
        "N.V.A (".repeat(10_000),
        "năm 2000".to_owned() + &", 2001".repeat(30_000),
        "từ ngày 1 đến hết ".repeat(20_000),
        "8h thứ Hai tuần tới (".repeat(10_000),
        // Short names in brackets, defined and met again; roles before a
        // long run of foreign capitals; agencies in brackets.
        "Công ty Alpha (Xa Yb) ký. ".repeat(5_000) + &"Xa Yb tăng. ".repeat(5_000),
        "ông Lê Văn An, ".to_owned() + &"Giám đốc Xyz ".repeat(20_000),
        "Tập đoàn A và Bxy và ".repeat(10_000),
        "Tin.\n(TTXVN)\n".repeat(10_000),
        // A company named again and again (once read in quadratic time),
        // commands over numbered units, legal forms, pairs in brackets,
        // week numbers, table cells.
        "Công ty Daeyang Precision Co., Ltd. ".repeat(10_000),
        "Bộ Tư lệnh Quân khu 4 ".repeat(10_000),
        "tháng Giêng (28/2 và 1/3) ".repeat(10_000),
        "tuần 38 ".repeat(20_000),
        "Xã Phú Cường\t".repeat(20_000),
        // Readings that once recursed as deep as the input was long.
        "5h mùng ".repeat(100_000),
        "5h thứ Hai ".repeat(100_000),
        "từ ngày 1 đến ".repeat(50_000),
        // Clubs and the places they are named after, far apart (once
        // read in quadratic time: every place against every club, and
        // the tokens between them); months named in letters, lunar once.
        "CLB Quảng Nam thắng Huế 2-1 tại Hà Nội. ".repeat(20_000),
        "mùng 10 tháng Chín âm lịch, rằm tháng Chín và ".repeat(10_000),
    ];
    for text in &inputs {
        let found = Extractor::default().extract(text);
        for e in &found {
            assert_eq!(&text.as_str()[e.span], e.text);
        }
    }
}

/// Dates and document numbers on a folder of held-out articles
/// (`tests/fixtures/heldout3/` and the like): per group, dates then
/// documents, the gold count, those found at their place, those extracted
/// and the extra ones; and the look-alikes read as dates.
fn held_out_dates(folder: &str, articles: usize) -> ([[usize; 4]; 2], Vec<String>) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("a held-out folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert_eq!(paths.len(), articles, "{folder}");
    let group = |kind: &str| match kind {
        "date" | "time" | "datetime" | "date_range" => Some(0),
        "doc_ref" => Some(1),
        _ => None,
    };
    // Per group: gold, found, extracted, extra.
    let mut counts = [[0usize; 4]; 2];
    let mut negatives_read = Vec::new();
    let extractor = Extractor::default();
    for path in &paths {
        let text = std::fs::read_to_string(path).expect("article");
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(path.with_extension("json")).expect("json"),
        )
        .expect("annotation");
        let found = extractor.extract(&text);
        let mut placed = Vec::new();
        let mut from_by_text = std::collections::HashMap::new();
        for e in gold["entities"].as_array().into_iter().flatten() {
            let (kind, t) = (
                e["kind"].as_str().unwrap_or(""),
                e["text"].as_str().unwrap_or(""),
            );
            let from = from_by_text.get(t).copied().unwrap_or(0);
            let at = text[from..]
                .find(t)
                .map(|p| p + from)
                .expect("gold text in the article");
            from_by_text.insert(t, at + t.len());
            placed.push((at, t, kind));
        }
        for &(at, t, kind) in &placed {
            let Some(g) = group(kind) else { continue };
            counts[g][0] += 1;
            let hit = found
                .iter()
                .any(|e| e.span.start == at && e.text == t && group(e.kind.name()) == Some(g));
            counts[g][1] += usize::from(hit);
        }
        for e in found.iter() {
            let Some(g) = group(e.kind.name()) else {
                continue;
            };
            if matches!(&e.kind, EntityKind::DocRef(d) if d.code.is_none()) {
                continue;
            }
            counts[g][2] += 1;
            let extra = !placed
                .iter()
                .any(|&(at, t, _)| e.span.start == at && e.text == t);
            counts[g][3] += usize::from(extra);
        }
        for n in gold["negatives"].as_array().into_iter().flatten() {
            let t = n.as_str().unwrap_or("");
            if found
                .iter()
                .any(|e| group(e.kind.name()) == Some(0) && e.text == t)
            {
                negatives_read.push(t.to_owned());
            }
        }
    }
    (counts, negatives_read)
}

/// What a held-out dates set keeps: its count of articles and of gold
/// dates, the fewest of them found, the most extra, its documents (every
/// one found, none extra) and the most look-alikes read as dates.
struct Floors {
    articles: usize,
    dates: usize,
    found: usize,
    extra: usize,
    documents: usize,
    look_alikes: usize,
}

/// Scores the set in `dir` and fails under its floors.
fn assert_held_out(dir: &str, floors: Floors) {
    let ([dates, docs], negatives_read) = held_out_dates(dir, floors.articles);
    println!("{dir}: dates {dates:?}, documents {docs:?} (gold, found, extracted, extra)");
    assert_eq!(dates[0], floors.dates, "{dir}: gold dates");
    assert!(
        dates[1] >= floors.found,
        "{dir}: dates found {} of {}",
        dates[1],
        dates[0]
    );
    assert!(
        dates[3] <= floors.extra,
        "{dir}: dates extra {} of {}",
        dates[3],
        dates[2]
    );
    assert_eq!(
        (docs[0], docs[1], docs[3]),
        (floors.documents, floors.documents, 0),
        "{dir}: documents (gold, found, extra)"
    );
    assert!(
        negatives_read.len() <= floors.look_alikes,
        "{dir}: {negatives_read:?}"
    );
}

/// The held-out articles of `tests/fixtures/heldout3/`: every date and
/// document number found at its place, and no look-alike read as a date.
/// The floors are the figures after the blind run was read (see
/// `docs/evaluation.md`); the three differences left are conventions.
#[test]
fn held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout3",
        Floors {
            articles: 10,
            dates: 129,
            found: 126,
            extra: 3,
            documents: 15,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout7/`, by a writer who saw
/// neither the code nor its output, scored blind once (dates: 122 of 134
/// found, 15 extra; documents: 22 of 24, 2 extra), then read. The floors
/// are the figures after: the one date missed and the five extras left
/// are conventions the annotation does not share (`Tết Nguyên đán` read
/// as a lunar date, `cuối tuần này` whose `cuối` the value cannot hold).
#[test]
fn second_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout7",
        Floors {
            articles: 8,
            dates: 134,
            found: 133,
            extra: 5,
            documents: 24,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout9/`, by a tenth writer who
/// saw neither the code nor its output, scored blind once at the end of
/// stop 23: dates 156 of 179 found (all with their values right), 6 extra;
/// documents 25 of 25, none extra; one look-alike read (`9 tháng` of `9
/// tháng đầu năm`). Read in stop 24, whose rules (seasons `2025/26`, days
/// after `phiên`, `chậm nhất` or a named day, hours after `trước`, `tức`
/// or `sang`, `thứ Hai tới (6/10)`, ordinals after `kỳ họp`, lunar ranges,
/// week numbers, law titles with a comma) find 176 with 4 extra, and 177
/// with 3 once `hôm sau` is read (from the fourth set), 178 once `Từ đầu
/// năm đến nay` is read as this year to today (stop 25). The one left:
/// `năm 2026` inside `6 tháng đầu năm 2026`, read whole as a range.
#[test]
fn third_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout9",
        Floors {
            articles: 8,
            dates: 179,
            found: 177,
            extra: 5,
            documents: 25,
            look_alikes: 1,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout11/`, by a twelfth writer
/// who saw neither the code nor its output, scored blind once in stop 24
/// before any failure was read: dates 175 of 189 found (all with their
/// values right), 20 extra; documents 19 of 19, one extra; three
/// look-alikes read (`9 tháng` twice, `1 giờ 20 phút`). Read the same
/// stop; after the rules its failures led to (`chiều tối`, a time before
/// `mùng 1 Tết`, `từ ngày 12 đến 13 tháng Giêng`, `14 giờ 30 thứ Ba
/// (16/12)`, `Phiên 12/11`, `là 19/11 để`, two solar days in brackets,
/// `hôm sau` counted from the day told of before, forms after `mẫu`):
/// 189 of 189, 7 extra, no document extra, the two `9 tháng` read.
#[test]
fn fourth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout11",
        Floors {
            articles: 8,
            dates: 189,
            found: 187,
            extra: 8,
            documents: 19,
            look_alikes: 2,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout12/`, by a thirteenth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 25 before any failure was read: dates 200 of 208 found (all with
/// their values right), 5 extra; documents 20 of 20, none extra; three
/// durations read as times. Read the same stop; after the rules its
/// failures led to (`14:15-15:30`, the last of a list of times, `các ngày
/// 19, 26/8 và 2/9`, `mùa du lịch 2026`, durations after `mất` past a
/// hedge or before `sau`, `từ 6.5 điểm`): 207 of 208, one extra (`6 tháng
/// đầu năm 2026`, our reading), no look-alike read.
#[test]
fn fifth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout12",
        Floors {
            articles: 8,
            dates: 208,
            found: 206,
            extra: 2,
            documents: 20,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout15/`, by a sixteenth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 26 before any failure was read: dates 207 of 215 found, 5 extra
/// (three values read as solar where the writer meant lunar `tháng Tư`);
/// documents 21 of 21, none extra; no look-alike read. After the rules its
/// failures led to (`ngày thanh toán 26/2`, `đến hết 30/11`, `Chủ nhật
/// (25/10) và 1/11`, `vào 28 tháng Chạp`, an hour alone in brackets after
/// a name): 212 of 215, 4 extra, all conventions we keep (`Tết Nguyên đán
/// Đinh Mùi` is a date; `cuối tuần này` is read as `tuần này`).
#[test]
fn sixth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout15",
        Floors {
            articles: 8,
            dates: 215,
            found: 211,
            extra: 5,
            documents: 21,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout18/`, by a nineteenth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 26: dates 217 of 221 found, 3 extra (a delay read as a time, a
/// quarter and a day joined into a range); documents 21 of 21, none
/// extra; one look-alike read. After the rules its failures led to (a
/// delay after `chậm`, an hour opening a schedule line, ends of different
/// precision joined by `đến` without `từ`): 220 of 221, one extra, no
/// look-alike read.
#[test]
fn seventh_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout18",
        Floors {
            articles: 8,
            dates: 221,
            found: 219,
            extra: 2,
            documents: 21,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout20/`, by a twenty-first
/// writer who saw neither the code nor its output, scored blind once in
/// stop 27: dates 216 of 219 found, 4 extra; documents 29 of 29, none
/// extra; one look-alike read (a stop's length, `1 giờ 12 phút`). After
/// the rules its failures led to (a year after `Tết Dương lịch`, a length
/// after `dừng`, `năm sau` before `Tết`): 217 of 219, 2 extra, both
/// conventions we keep (`8 tháng đầu năm 2026` is a range; `rạng sáng`
/// belongs to the date, as two earlier writers have it).
#[test]
fn eighth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout20",
        Floors {
            articles: 8,
            dates: 219,
            found: 216,
            extra: 3,
            documents: 29,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout22/`, by a twenty-third
/// writer who saw neither the code nor its output, scored blind once in
/// stop 27: dates 212 of 225 found, 5 extra (a range that ran into the
/// next paragraph, two lengths of time read as times); documents 25 of
/// 25, none extra; two look-alikes read. After the rules its failures led
/// to: 219 of 225, one extra, no look-alike read. Left: centuries (`thế kỷ
/// XX`), lunar days listed before one month (`các ngày 16, 17 và 18 tháng
/// Mười âm lịch`), an hour after `không quá`.
#[test]
fn ninth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout22",
        Floors {
            articles: 8,
            dates: 225,
            found: 218,
            extra: 2,
            documents: 25,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout24/`, by a twenty-fifth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 27: dates 217 of 220 found, 2 extra; documents 25 of 25, none
/// extra; no look-alike read. After the rules its failures led to (a bare
/// day before `đến hết` or before a part of the day and the second end, a
/// day before a month in words that `âm lịch` follows): 220 of 220, none
/// extra.
#[test]
fn tenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout24",
        Floors {
            articles: 8,
            dates: 220,
            found: 219,
            extra: 1,
            documents: 25,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout27/`, by a twenty-seventh
/// writer who saw neither the code nor its output, scored blind once in
/// stop 28: dates 213 of 219 found, 1 extra; documents 28 of 28, none
/// extra; no look-alike of 129 read. After the rules its failures led to
/// (days listed after `đêm`, a late hour after `sau` that ends its
/// sentence, ordinals after `thi`, a year after a short name in brackets
/// or after `lưu diễn`): 219 of 219, none extra.
#[test]
fn eleventh_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout27",
        Floors {
            articles: 8,
            dates: 219,
            found: 219,
            extra: 0,
            documents: 28,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout29/`, by a thirtieth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 28: dates 207 of 214 found, 2 extra; documents 29 of 29, none
/// extra; no look-alike of 128 read. After the rules its failures led to
/// (lunar days listed after `mùng`, the last days of the year before
/// `Tết`, a holiday's break before its date): 211 of 214. Left: decades
/// and a century (`thập niên 1930`, `thế kỷ XV`), which the values cannot
/// hold, and `Tết Mậu Thân` read as a date beside its year.
#[test]
fn twelfth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout29",
        Floors {
            articles: 8,
            dates: 214,
            found: 211,
            extra: 2,
            documents: 29,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout31/`, by a thirty-second
/// writer who saw neither the code nor its output, scored blind once in
/// stop 28: dates 221 of 221 found, 5 extra; documents 29 of 29, none
/// extra; 2 look-alikes of 117 read (race times, `2:21:15`). After the
/// rule they led to (a time taken after `thành tích`, `kỷ lục`, `về
/// đích`): 221 of 221, 3 extra, no look-alike read. The extras are the
/// writer's conventions: `Giáng sinh` and `Tết Mậu Thân` as no dates.
#[test]
fn thirteenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout31",
        Floors {
            articles: 8,
            dates: 221,
            found: 221,
            extra: 3,
            documents: 29,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout33/`, by a thirty-fourth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 29: dates 216 of 217 found, none extra, 212 values right (four
/// festival days the writer reads as lunar months without `âm lịch`);
/// documents 25 of 25, none extra; no look-alike of 105 read. After the
/// rules they led to (a month named in letters is lunar throughout once
/// the text says so; `sau 22 giờ.` is the clock's): 217 of 217, every
/// value right.
#[test]
fn fourteenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout33",
        Floors {
            articles: 8,
            dates: 217,
            found: 217,
            extra: 0,
            documents: 25,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout35/`, by a thirty-sixth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 29: dates 218 of 222 found, none extra, every value right;
/// documents 25 of 26, one extra (`lệnh số 147/SL` for `Sắc lệnh số
/// 147/SL`); no look-alike of 141 read. After the rules they led to
/// (`Sắc lệnh`, an hour after a bound word opening a line of a schedule,
/// a work's year in brackets after its quoted title, a day's name of up to
/// ten words before its date): 222 of 222, none extra; 26 of 26.
#[test]
fn fifteenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout35",
        Floors {
            articles: 8,
            dates: 222,
            found: 222,
            extra: 0,
            documents: 26,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout37/`, by a thirty-eighth
/// writer who saw neither the code nor its output, scored blind once in
/// stop 29: dates 196 of 201 found, 4 extra, every value right; documents
/// 32 of 32, none extra; 1 look-alike of 145 read. After the rules they
/// led to (a race time named by `kỷ lục` a few words before, a deadline's
/// `hạn chót`, a month inside a street's name, a span of lunar days that
/// ends at `rằm`): 198 of 201, 1 extra, no look-alike read. Stop 39 took
/// the writer's split of `từ 6h đến 9h Chủ nhật (12/12)` into a range of
/// hours and a day, as four writers made it: 200 of 201, none extra. Left:
/// a tournament's year after a lower-case word.
#[test]
fn sixteenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout37",
        Floors {
            articles: 8,
            dates: 201,
            found: 200,
            extra: 0,
            documents: 32,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout39/`, by a fortieth writer
/// who saw neither the code nor its output (a bridge closure, V-League
/// fixtures, a dairy company's results, new regulations, hand, foot and
/// mouth disease, a climate summit abroad, a lantern festival, a grade-10
/// exam calendar), scored blind once in stop 38: dates 184 of 189 found, 2
/// extra, every value right; documents 15 of 15, none extra; no look-alike
/// of 120 read. After its one family of misses (`tuần 38 năm ngoái` read
/// as a count of years): 186 of 189; after stop 39's split of a range of
/// hours from the day after it (`từ 15h đến 16h30` and `thứ Năm tuần sau
/// (30/10)`, as the writer has them): 188 of 189, 1 extra. Left: `từ 7h`
/// (the writer keeps `từ` before a single time, against the
/// conventions).
#[test]
fn seventeenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout39",
        Floors {
            articles: 8,
            dates: 189,
            found: 188,
            extra: 1,
            documents: 15,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout42/`, by a forty-third
/// writer who saw neither the code nor its output (a storm's landfall,
/// mortgage rates, new tax rules, a V-League round, a temple festival, a
/// phone launch across time zones, a land-fraud trial, one-stop offices'
/// hours), scored blind once in stop 39: dates 213 of 224 found, 4 extra,
/// every value right; documents 15 of 15, none extra; no look-alike of 140
/// read. After its one family of misses (a weekday with no day after it,
/// `sáng thứ Bảy`, `từ thứ Hai đến thứ Sáu`): 217 of 224; after a range
/// of hours is split from the day after it (`từ 8h đến 11h` and `sáng thứ
/// Bảy`): 219, 3 extra; after an hour before `giờ` and a place is read as
/// the place's clock (`(15h giờ Hà Nội)`): 220. Left: `23h-1h đêm 16/10`,
/// which the writer splits in two; `(3/3)` with its brackets and `2019 -
/// 2023` without its `năm`.
#[test]
fn eighteenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout42",
        Floors {
            articles: 8,
            dates: 224,
            found: 220,
            extra: 3,
            documents: 15,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout44/`, by a forty-fifth
/// writer who saw neither the code nor its output (a rice harvest, a
/// listed company's quarter, the social insurance law taking effect, a
/// badminton tournament in Japan, a pagoda's feast days, night flights for
/// Tết, a gold-shop robbery, a university's admissions calendar), scored
/// blind once in stop 39 after that stop's weekday rule: dates 205 of 215
/// found, 8 extra, every value right; documents 12 of 12, none extra; no
/// look-alike of 136 read. After a range of hours is split from the day
/// after it, and a time read with the lunar day after it (`7h sáng rằm
/// tháng Bảy`, `19h30 ngày 29 Tết`): 209 of 215, 3 extra. Left: `mùng 1`
/// and `rằm` alone for every lunar month; `ngày mùng 5` after `các`;
/// `23h-4h` without its `đêm`.
#[test]
fn nineteenth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout44",
        Floors {
            articles: 8,
            dates: 215,
            found: 210,
            extra: 3,
            documents: 12,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout46/`, by a forty-seventh
/// writer who saw neither the code nor its output (a provincial budget, an
/// U23 tournament in Saudi Arabia, holiday travel, a fraud trial, a temple
/// festival by the lunar calendar, a rain and flood bulletin, tax
/// deadlines, a satellite launch), scored blind once in stop 40: dates 206
/// of 215 found, 7 extra, every value right; documents 14 of 14, none
/// extra; no look-alike of 129 read. After a day of every month (`trước
/// ngày 20 hằng tháng`), a day past its month after `trước` mid-clause
/// (`trước 30/9 được giảm`) and two years after `từ` joined by `đến` (`từ
/// 2019 đến 2023,`): 211 of 215, 7 extra. Left: `cuối tháng 8` (the
/// conventions keep `cuối` outside), `năm Giáp Ngọ 2014` as one span,
/// `23h-1h` split from its `đêm nay`.
#[test]
fn twentieth_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout46",
        Floors {
            articles: 8,
            dates: 215,
            found: 211,
            extra: 7,
            documents: 14,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout48/`, by a forty-ninth
/// writer who saw neither the code nor its output (the national exam
/// calendar, a land-price table, Asian Games football, a corruption case,
/// Buddha's birthday in Huế, a new railway timetable, a measles and dengue
/// campaign, a ten-month economic report), scored blind once in stop 40
/// after that stop's date rules: dates 195 of 199 found, 3 extra, every
/// value right; documents 13 of 13, none extra; no look-alike of 107 read.
#[test]
fn twenty_first_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout48",
        Floors {
            articles: 8,
            dates: 199,
            found: 195,
            extra: 3,
            documents: 13,
            look_alikes: 0,
        },
    );
}

/// The eight articles of `tests/fixtures/heldout50/`, by a fifty-first
/// writer who saw neither the code nor its output (a provincial Party
/// congress, a week on the stock market, a V-League round, a hydro-power
/// discharge, traffic-law changes, the Perfume Pagoda festival, a fraud
/// hearing, a phone launch), scored blind once in stop 40: dates 190 of 204
/// found, 13 extra, every value right; documents 13 of 13, none extra; no
/// look-alike of 98 read. Most misses are spans cut against the earlier
/// sets' conventions (`SN 1982` for the year alone, `cuối tháng 8` for
/// `tháng 8`, `giai đoạn 2021 - 2024`, `từ 14h`, `các ngày 3`). After `lần
/// đầu` counts no times and a dashed range of hours is split from the day
/// after it: 193 of 204, 12 extra.
#[test]
fn twenty_second_held_out_news_dates_and_documents() {
    assert_held_out(
        "tests/fixtures/heldout50",
        Floors {
            articles: 8,
            dates: 204,
            found: 193,
            extra: 12,
            documents: 13,
            look_alikes: 0,
        },
    );
}

/// One `Extraction` reused for text after text (its buffers kept between
/// calls) gives what a fresh one gives, whether cleared between texts or
/// not, and in any order of long and short texts.
#[test]
fn a_reused_extraction_matches_a_fresh_one() {
    let articles = [
        include_str!("../examples/data/party-conference.txt"),
        "Sáng 10.1, ông Nguyễn Văn A nhận Quyết định số 12/QĐ-UBND.",
        include_str!("../examples/data/sports-news.txt"),
        "",
        include_str!("../examples/data/world-news.txt"),
        "năm 2023",
    ];
    let extractor = Extractor::default();
    let fresh: Vec<Extraction<'_>> = articles.iter().map(|a| extractor.extract(a)).collect();
    let mut reused = Extraction::default();
    for (article, expected) in articles.iter().zip(&fresh) {
        reused.clear();
        extractor.extract_into(article, &mut reused);
        assert_eq!(&reused, expected);
    }
    // Appended without clearing: each text's entities and links follow
    // the earlier ones', their indices shifted.
    let mut appended = Extraction::default();
    for article in articles {
        extractor.extract_into(article, &mut appended);
    }
    let total: usize = fresh.iter().map(|f| f.len()).sum();
    assert_eq!(appended.len(), total);
    let mut at = 0;
    for f in &fresh {
        let got: Vec<(&str, &str)> = appended[at..at + f.len()]
            .iter()
            .map(|e| (e.text, e.kind.name()))
            .collect();
        let want: Vec<(&str, &str)> = f.iter().map(|e| (e.text, e.kind.name())).collect();
        assert_eq!(got, want);
        at += f.len();
    }
}

/// Without the names layer, every date, document and quantity found with
/// it is found as it was, and what comes out besides lies inside a name
/// the names layer would have read (`quận 8`, `đường 3 Tháng 2`). No name
/// and no link to one is left; one `Extraction` reused across both
/// extractors gives what fresh ones give.
#[test]
fn leaving_out_names_keeps_every_other_entity() {
    let articles = [
        include_str!("../examples/data/party-conference.txt"),
        include_str!("../examples/data/sports-news.txt"),
        include_str!("../examples/data/world-news.txt"),
        "Anh Tài (37 tuổi, trú tại phường 5, quận 8, TP.HCM) bị bắt sáng 12/3 trên đường 3 Tháng 2.",
        "Kết luận số 01-KL/TW ngày 18.5.2021 của Bộ Chính trị, do Bệnh viện Quân y 87 gửi.",
    ];
    let names = ["person", "title", "organization", "place", "credit"];
    let all = Extractor::default();
    let some = Extractor::new(ExtractorConfig::default().layers(Layers::WithoutNames));
    let mut reused = Extraction::default();
    let mut extra = 0;
    for article in articles {
        let with = all.extract(article);
        let without = some.extract(article);
        assert!(
            without.iter().all(|e| !names.contains(&e.kind.name())),
            "{without:?}"
        );
        assert!(
            without.links().iter().all(|l| l.kind == LinkKind::IssuedOn),
            "{:?}",
            without.links()
        );
        let first: Vec<&Entity<'_>> = with
            .iter()
            .filter(|e| !names.contains(&e.kind.name()))
            .collect();
        for e in &first {
            assert!(
                without.iter().any(|w| w.span == e.span && w.kind == e.kind),
                "lost without names: {e:?}"
            );
        }
        for w in without.iter() {
            if first.iter().any(|e| e.span == w.span && e.kind == w.kind) {
                continue;
            }
            extra += 1;
            assert!(
                with.iter().any(|e| names.contains(&e.kind.name())
                    && e.span.start <= w.span.start
                    && w.span.end <= e.span.end),
                "found without names outside any name: {w:?}"
            );
        }
        for extractor in [&some, &all] {
            reused.clear();
            extractor.extract_into(article, &mut reused);
            assert_eq!(reused, extractor.extract(article));
        }
    }
    // (The short texts hold numbers inside names: the property is tested.)
    assert!(extra >= 3, "{extra}");
}
