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
    value(out, &e.kind);
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
                    e.text
                );
                value(out, &e.kind);
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
                entities += 1;
            }
        }
        assert!(entities > 1000);
    }
}
