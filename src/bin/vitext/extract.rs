//! `vitext extract`.

use std::io::Write;

use serde::Serialize;
use vitext::extract::{Entity, EntityKind, Extraction, Extractor};

use crate::lines::LineCommand;
use crate::pieces::{LONG_LINE, pieces};
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

/// Writes the entity's value (the payload of its kind) as JSON, its spans
/// (`{"start", "end"}` objects: a person's name parts, a title's role, a
/// place's name) moved by `shift` bytes when the entity was read from a
/// piece of a longer line.
pub fn value(out: &mut Sink<'_>, kind: &EntityKind, shift: usize) {
    fn put(out: &mut Sink<'_>, v: &impl Serialize, shift: usize) {
        let written = if shift == 0 {
            serde_json::to_writer(&mut *out, v)
        } else {
            serde_json::to_value(v).and_then(|mut tree| {
                shift_spans(&mut tree, shift);
                serde_json::to_writer(&mut *out, &tree)
            })
        };
        if written.is_err() {
            out.extend_from_slice(b"null");
        }
    }
    match kind {
        EntityKind::Date(d) => put(out, d, shift),
        EntityKind::Time(t) => put(out, t, shift),
        EntityKind::DateTime(at) => put(out, at, shift),
        EntityKind::DateRange(r) => put(out, r, shift),
        EntityKind::DocRef(d) => put(out, d, shift),
        EntityKind::Quantity(q) => put(out, q, shift),
        EntityKind::Person(p) => put(out, p, shift),
        EntityKind::Title(t) => put(out, t, shift),
        EntityKind::Organization(o) => put(out, o, shift),
        EntityKind::Place(p) => put(out, p, shift),
        EntityKind::Credit(c) => put(out, c, shift),
        _ => out.extend_from_slice(b"null"),
    }
}

/// Adds `shift` to every span (an object of exactly `start` and `end`) in a
/// value.
fn shift_spans(tree: &mut serde_json::Value, shift: usize) {
    match tree {
        serde_json::Value::Object(map) => {
            let is_span = map.len() == 2
                && map.get("start").is_some_and(serde_json::Value::is_u64)
                && map.get("end").is_some_and(serde_json::Value::is_u64);
            if is_span {
                for edge in map.values_mut() {
                    if let Some(n) = edge.as_u64() {
                        *edge = serde_json::Value::from(n.saturating_add(shift as u64));
                    }
                }
            } else {
                map.values_mut().for_each(|v| shift_spans(v, shift));
            }
        }
        serde_json::Value::Array(list) => list.iter_mut().for_each(|v| shift_spans(v, shift)),
        _ => {}
    }
}

/// An entity's text in a tab-separated column: a tab, carriage return or
/// backslash inside it (`Ngày` and `18/5/2021` with a tab between) written
/// as `\t`, `\r`, `\\`, so that the line keeps its five columns.
struct Column<'a>(&'a str);

impl std::fmt::Display for Column<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for c in self.0.chars() {
            match c {
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                '\\' => f.write_str("\\\\")?,
                c => std::fmt::Write::write_char(f, c)?,
            }
        }
        Ok(())
    }
}

/// Writes one entity as JSON, its offsets moved by `shift` bytes and its
/// `within` by `base` entities.
fn entity_json(out: &mut Sink<'_>, e: &Entity<'_>, shift: usize, base: usize) {
    out.extend_from_slice(b"{\"kind\":\"");
    out.extend_from_slice(e.kind.name().as_bytes());
    out.extend_from_slice(b"\",\"start\":");
    number(out, e.span.start + shift);
    out.extend_from_slice(b",\"end\":");
    number(out, e.span.end + shift);
    out.extend_from_slice(b",\"text\":");
    string(out, e.text);
    out.extend_from_slice(b",\"value\":");
    value(out, &e.kind, shift);
    if let Some(within) = e.within {
        out.extend_from_slice(b",\"within\":");
        number(out, within + base);
    }
    out.push(b'}');
}

impl Extract {
    /// Extracts each piece of `text` in turn and hands it to `use_it` with
    /// its offset in bytes and the number of entities before it.
    fn each_piece(&self, text: &str, mut use_it: impl FnMut(&Extraction<'_>, usize, usize)) {
        let mut base = 0;
        for (shift, piece) in pieces(text) {
            let found = self.extractor.extract(piece);
            use_it(&found, shift, base);
            base += found.len();
        }
    }
}

impl LineCommand for Extract {
    fn text(&mut self, line: &str, out: &mut Sink<'_>) {
        let mut links = Vec::new();
        self.each_piece(line, |found, shift, base| {
            for e in found.iter() {
                let _ = write!(
                    out,
                    "{}\t{}\t{}\t{}\t",
                    e.span.start + shift,
                    e.span.end + shift,
                    e.kind.name(),
                    Column(e.text)
                );
                value(out, &e.kind, shift);
                out.push(b'\n');
            }
            links.extend(
                found
                    .links()
                    .iter()
                    .map(|l| (l.from + base, l.kind, l.to + base)),
            );
        });
        for (from, kind, to) in links {
            let _ = writeln!(out, "link\t{from}\t{}\t{to}", kind.name());
        }
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
        // The links are few: gathered first (a long line is then read twice,
        // its entities written as each piece is read).
        let mut links = Vec::new();
        let whole = (text.len() <= LONG_LINE).then(|| self.extractor.extract(text));
        match &whole {
            Some(found) => links.extend(found.links().iter().map(|l| (l.from, l.kind, l.to))),
            None => self.each_piece(text, |found, _, base| {
                links.extend(
                    found
                        .links()
                        .iter()
                        .map(|l| (l.from + base, l.kind, l.to + base)),
                );
            }),
        }
        record.write(&["entities", "links"], out, |key, out| {
            out.push(b'[');
            if key == "entities" {
                let mut first = true;
                let mut write = |found: &Extraction<'_>, shift: usize, base: usize| {
                    for e in found.iter() {
                        if !std::mem::take(&mut first) {
                            out.push(b',');
                        }
                        entity_json(out, e, shift, base);
                    }
                };
                match &whole {
                    Some(found) => write(found, 0, 0),
                    None => self.each_piece(text, write),
                }
            } else {
                for (k, &(from, kind, to)) in links.iter().enumerate() {
                    if k > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(b"{\"kind\":\"");
                    out.extend_from_slice(kind.name().as_bytes());
                    out.extend_from_slice(b"\",\"from\":");
                    number(out, from);
                    out.extend_from_slice(b",\"to\":");
                    number(out, to);
                    out.push(b'}');
                }
            }
            out.push(b']');
        });
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Extract {
            extractor: self.extractor.clone(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pieces::PIECE_BYTES;

    #[test]
    fn a_tab_inside_an_entity_keeps_the_columns() {
        let mut out = Sink::new(Vec::new(), None);
        Extract::new(Extractor::default()).text("Ngày\t18/5/2021, họp.", &mut out);
        let out = String::from_utf8(out.finish().0).unwrap();
        let first = out.lines().next().unwrap();
        assert_eq!(first.split('\t').count(), 5, "{first}");
        assert!(first.contains("Ngày\\t18/5/2021"), "{first}");
    }

    #[test]
    fn a_long_line_is_cut_after_sentences() {
        let sentence = "Sáng 10.1, ông Nguyễn Văn A đến Hà Nội. ";
        let text = sentence.repeat(LONG_LINE / sentence.len() + 10);
        let cut = pieces(&text);
        assert!(cut.len() > 4);
        let mut at = 0;
        for (offset, piece) in &cut {
            assert_eq!(*offset, at);
            assert!(piece.len() <= PIECE_BYTES);
            assert!(piece.ends_with(". ") || at + piece.len() == text.len());
            at += piece.len();
        }
        assert_eq!(at, text.len());
        // No space at all: cut at character boundaries.
        let dense = "ạ".repeat(LONG_LINE);
        let cut = pieces(&dense);
        assert_eq!(cut.iter().map(|(_, p)| p.len()).sum::<usize>(), dense.len());
    }

    #[test]
    fn pieces_keep_offsets_and_indices() {
        let sentence = "Sáng 10.1, ông Nguyễn Văn A, Giám đốc Sở Y tế, đến Hà Nội. ";
        let text = sentence.repeat(LONG_LINE / sentence.len() + 10);
        let mut out = Sink::new(Vec::new(), None);
        Extract::new(Extractor::default()).text(&text, &mut out);
        let out = String::from_utf8(out.finish().0).unwrap();
        let mut entities = 0;
        for line in out.lines() {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.first() == Some(&"link") {
                let (from, to): (usize, usize) =
                    (cols[1].parse().unwrap(), cols[3].parse().unwrap());
                assert!(from < entities && to < entities);
            } else if cols.len() == 5 {
                let (start, end): (usize, usize) =
                    (cols[0].parse().unwrap(), cols[1].parse().unwrap());
                assert_eq!(&text[start..end], cols[3]);
                // The spans inside the value moved with the piece too.
                let value: serde_json::Value = serde_json::from_str(cols[4]).unwrap();
                let part = |name: &str| {
                    let span = &value[name];
                    let (a, b) = (span["start"].as_u64()?, span["end"].as_u64()?);
                    text.get(a as usize..b as usize)
                };
                if cols[2] == "person" {
                    assert_eq!((part("family"), part("given")), (Some("Nguyễn"), Some("A")));
                    assert_eq!(part("honorific"), Some("ông"));
                }
                entities += 1;
            }
        }
        assert!(entities > 1000);
    }
}
