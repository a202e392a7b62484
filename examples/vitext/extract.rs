//! `vitext extract`.

use std::io::{self, Write};

use serde_json::{Map, Value, json};
use vitext::extract::{Entity, EntityKind, Extractor, ExtractorConfig};

use crate::input::{LineCommand, Options};

/// `vitext extract`: one entity a line, `start\tend\tkind\ttext\tvalue`
/// (the value as JSON), then one link a line, `link\tFROM\tKIND\tTO` (FROM
/// and TO count the line's entities from 0), with an empty line after each
/// input line; with `--jsonl`, an `entities` array of `{kind, start, end,
/// text, value, within}` (`within`: the index of the entity this one lies
/// in, when it does) and a `links` array of `{kind, from, to}` added to each
/// record. `--reference-date YYYY-MM-DD` gives partial dates their
/// year.
pub struct Extract {
    extractor: Extractor,
}

impl Extract {
    pub fn from_options(options: &Options) -> Result<Extract, String> {
        let mut config = ExtractorConfig::default();
        if let Some(date) = options.get("reference-date") {
            let (y, m, d) = parse_reference(date)
                .ok_or_else(|| format!("--reference-date {date:?} is not YYYY-MM-DD"))?;
            config = config.reference_date(y, m, d);
        }
        Ok(Extract {
            extractor: Extractor::new(config),
        })
    }
}

pub fn parse_reference(s: &str) -> Option<(i32, u8, u8)> {
    let mut parts = s.split('-');
    let y = parts.next()?.parse().ok()?;
    let m = parts
        .next()?
        .parse()
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let d = parts
        .next()?
        .parse()
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    parts.next().is_none().then_some((y, m, d))
}

/// The entity's value as JSON: the payload of its kind.
pub fn value(kind: &EntityKind) -> Value {
    let value = match kind {
        EntityKind::Date(v) | EntityKind::Time(v) | EntityKind::DateTime(v) => {
            serde_json::to_value(v)
        }
        EntityKind::DateRange(r) => serde_json::to_value(r),
        EntityKind::DocRef(d) => serde_json::to_value(d),
        EntityKind::Quantity(q) => serde_json::to_value(q),
        EntityKind::Person(p) => serde_json::to_value(p),
        EntityKind::Title(t) => serde_json::to_value(t),
        EntityKind::Organization(o) => serde_json::to_value(o),
        EntityKind::Place(p) => serde_json::to_value(p),
        EntityKind::Credit(c) => serde_json::to_value(c),
        _ => Ok(Value::Null),
    };
    value.unwrap_or(Value::Null)
}

fn entity_json(e: &Entity<'_>) -> Value {
    let mut v = json!({
        "kind": e.kind.name(),
        "start": e.span.start,
        "end": e.span.end,
        "text": e.text,
        "value": value(&e.kind),
    });
    if let (Some(within), Some(map)) = (e.within, v.as_object_mut()) {
        map.insert("within".into(), json!(within));
    }
    v
}

impl LineCommand for Extract {
    fn option_names(&self) -> &'static [&'static str] {
        &["reference-date"]
    }

    fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()> {
        let found = self.extractor.extract(line);
        for e in &found {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                e.span.start,
                e.span.end,
                e.kind.name(),
                e.text,
                value(&e.kind)
            )?;
        }
        for l in found.links() {
            writeln!(out, "link\t{}\t{}\t{}", l.from, l.kind.name(), l.to)?;
        }
        out.write_all(b"\n")
    }

    fn record(&mut self, text: &str, record: &mut Map<String, Value>) {
        let found = self.extractor.extract(text);
        let list = found.iter().map(entity_json).collect();
        let links = found
            .links()
            .iter()
            .map(|l| json!({"kind": l.kind.name(), "from": l.from, "to": l.to}))
            .collect();
        record.insert("entities".into(), Value::Array(list));
        record.insert("links".into(), Value::Array(links));
    }
}
