//! The JSON shape of entity values, which scripts read (see the `JSON`
//! section of the `extract` docs).
#![cfg(feature = "serde")]

use serde_json::Value;
use vitext::extract::{Entity, EntityKind, Extractor};

/// Whether `v` holds a `null` or a `false` anywhere.
fn empty_field(v: &Value) -> Option<String> {
    match v {
        Value::Null | Value::Bool(false) => Some(v.to_string()),
        Value::Object(m) => m
            .iter()
            .find_map(|(k, v)| empty_field(v).map(|e| format!("{k}: {e}"))),
        Value::Array(a) => a.iter().find_map(empty_field),
        _ => None,
    }
}

/// Whether `e`'s value has the JSON shape scripts read (see the `JSON`
/// section of the `extract` docs): one key naming the kind, no empty
/// fields, and read back into the same value.
fn check_shape(e: &Entity<'_>) {
    let json = serde_json::to_value(&e.kind).unwrap();
    let object = json.as_object().expect("an entity is an object");
    assert_eq!(object.len(), 1, "{}: {json}", e.text);
    assert!(object.contains_key(e.kind.name()), "{}: {json}", e.text);
    if let Some(empty) = empty_field(&json) {
        panic!("{}: an empty field {empty} in {json}", e.text);
    }
    let back: EntityKind = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, e.kind, "{}: {json}", e.text);
}

/// Every entity of the bundled articles has that shape.
#[test]
fn values_serialize_without_empty_fields_and_read_back() {
    let articles = [
        include_str!("../examples/data/party-conference.txt"),
        include_str!("../examples/data/economy-news.txt"),
        include_str!("../examples/data/officials-meeting.txt"),
        include_str!("../examples/data/science-culture.txt"),
        include_str!("../examples/data/society-news.txt"),
        include_str!("../examples/data/sports-news.txt"),
        include_str!("../examples/data/world-news.txt"),
    ];
    let mut kinds = std::collections::BTreeSet::new();
    for text in articles {
        for e in Extractor::default().extract(text).iter() {
            check_shape(e);
            kinds.insert(e.kind.name());
        }
    }
    // Every kind the articles hold went through.
    for kind in [
        "date",
        "time",
        "date_range",
        "doc_ref",
        "quantity",
        "person",
        "title",
        "organization",
        "place",
        "credit",
    ] {
        assert!(kinds.contains(kind), "no {kind} in the articles: {kinds:?}");
    }
}

/// Values at the edges of their types read back too: numbers no `f64`
/// holds, ranges of times, lunar and relative dates, a time with its
/// offset, a range whose end is a date-time.
#[test]
fn edge_values_read_back() {
    let text = "Quỹ đạt 123456789012345678901234 đồng, tăng 0,1234567890123456789%; \
                71/72 chi bộ; từ 7h30 đến 11h; 23h-1h; \
                mùng 5 tháng Giêng năm Giáp Thìn; hôm qua; 14:40 (GMT+7); 14h40 ngày 11/1/2024; \
                từ 15.7 đến 17 giờ ngày 23.7; Nghị định 100/2019/NĐ-CP ngày 30/12/2019 \
                của Chính phủ về “Xử phạt vi phạm hành chính”.";
    let config = vitext::extract::ExtractorConfig::default().reference_date(2024, 3, 1);
    let found = Extractor::new(config).extract(text);
    let mut kinds = std::collections::BTreeSet::new();
    for e in found.iter() {
        check_shape(e);
        kinds.insert(e.kind.name());
    }
    for kind in [
        "quantity",
        "date",
        "time",
        "datetime",
        "date_range",
        "doc_ref",
    ] {
        assert!(kinds.contains(kind), "no {kind}: {kinds:?}");
    }
}
