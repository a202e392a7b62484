//! `vitext extract`.

use std::io::{self, Write};

use serde_json::{Map, Value, json};
use vitext::extract::{Entity, EntityKind, Extractor, ExtractorConfig};

use crate::input::{LineCommand, Options};

/// `vitext extract`: one entity a line, `start\tend\tkind\ttext\tvalue`
/// (the value as JSON), with an empty line after each input line; with
/// `--jsonl`, an `entities` array of `{kind, start, end, text, value}` added
/// to each record. `--reference-date YYYY-MM-DD` gives partial dates their
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
        _ => Ok(Value::Null),
    };
    value.unwrap_or(Value::Null)
}

fn entity_json(e: &Entity<'_>) -> Value {
    json!({
        "kind": e.kind.name(),
        "start": e.span.start,
        "end": e.span.end,
        "text": e.text,
        "value": value(&e.kind),
    })
}

impl LineCommand for Extract {
    fn option_names(&self) -> &'static [&'static str] {
        &["reference-date"]
    }

    fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()> {
        for e in self.extractor.extract(line) {
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
        out.write_all(b"\n")
    }

    fn record(&mut self, text: &str, record: &mut Map<String, Value>) {
        let list = self
            .extractor
            .extract(text)
            .iter()
            .map(entity_json)
            .collect();
        record.insert("entities".into(), Value::Array(list));
    }
}
