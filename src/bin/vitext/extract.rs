//! `vitext extract`.

use std::io::Write;

use serde::Serialize;
use vitext::extract::{Entity, EntityKind, Extraction, Extractor};

use crate::lines::LineCommand;
use crate::record::{Record, Sink, number, string};

/// `vitext extract`: one entity a line, `start\tend\tkind\ttext\tvalue`
/// (the value as JSON), then one link a line, `link\tFROM\tKIND\tTO` (FROM
/// and TO count the line's entities from 0), with an empty line after each
/// input line; with `--jsonl`, an `entities` array of `{kind, start, end,
/// text, value, within}` (`within`: the index of the entity this one lies
/// in, when it does) and a `links` array of `{kind, from, to}` added to each
/// record.
pub struct Extract {
    extractor: std::sync::Arc<Extractor>,
}

impl Extract {
    pub fn new(extractor: Extractor) -> Extract {
        Extract {
            extractor: std::sync::Arc::new(extractor),
        }
    }
}

/// Writes the entity's value (the payload of its kind) as JSON.
pub fn value(out: &mut Sink<'_>, kind: &EntityKind) {
    fn put(out: &mut Sink<'_>, v: &impl Serialize) {
        if serde_json::to_writer(&mut *out, v).is_err() {
            out.extend_from_slice(b"null");
        }
    }
    match kind {
        EntityKind::Date(v) | EntityKind::Time(v) | EntityKind::DateTime(v) => put(out, v),
        EntityKind::DateRange(r) => put(out, r),
        EntityKind::DocRef(d) => put(out, d),
        EntityKind::Quantity(q) => put(out, q),
        EntityKind::Person(p) => put(out, p),
        EntityKind::Title(t) => put(out, t),
        EntityKind::Organization(o) => put(out, o),
        EntityKind::Place(p) => put(out, p),
        EntityKind::Credit(c) => put(out, c),
        _ => out.extend_from_slice(b"null"),
    }
}

fn entity_json(out: &mut Sink<'_>, e: &Entity<'_>) {
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(e.kind.name().as_bytes());
    out.extend_from_slice(b"\",\"start\":");
    number(out, e.span.start);
    out.extend_from_slice(b",\"end\":");
    number(out, e.span.end);
    out.extend_from_slice(b",\"text\":");
    string(out, e.text);
    out.extend_from_slice(b",\"value\":");
    value(out, &e.kind);
    if let Some(within) = e.within {
        out.extend_from_slice(b",\"within\":");
        number(out, within);
    }
    out.push(b'}');
}

impl Extract {
    fn with<R>(&self, text: &str, use_it: impl FnOnce(&Extraction<'_>) -> R) -> R {
        use_it(&self.extractor.extract(text))
    }
}

impl LineCommand for Extract {
    fn text(&mut self, line: &str, out: &mut Sink<'_>) {
        self.with(line, |found| {
            for e in found.iter() {
                let _ = write!(
                    out,
                    "{}\t{}\t{}\t{}\t",
                    e.span.start,
                    e.span.end,
                    e.kind.name(),
                    e.text
                );
                value(out, &e.kind);
                out.push(b'\n');
            }
            for l in found.links() {
                let _ = writeln!(out, "link\t{}\t{}\t{}", l.from, l.kind.name(), l.to);
            }
            out.push(b'\n');
        });
    }

    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
        self.with(text, |found| {
            record.write(&["entities", "links"], out, |key, out| {
                out.push(b'[');
                if key == "entities" {
                    for (k, e) in found.iter().enumerate() {
                        if k > 0 {
                            out.push(b',');
                        }
                        entity_json(out, e);
                    }
                } else {
                    for (k, l) in found.links().iter().enumerate() {
                        if k > 0 {
                            out.push(b',');
                        }
                        out.extend_from_slice(b"{\"kind\":\"");
                        out.extend_from_slice(l.kind.name().as_bytes());
                        out.extend_from_slice(b"\",\"from\":");
                        number(out, l.from);
                        out.extend_from_slice(b",\"to\":");
                        number(out, l.to);
                        out.push(b'}');
                    }
                }
                out.push(b']');
            });
        });
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Extract {
            extractor: self.extractor.clone(),
        }))
    }
}
