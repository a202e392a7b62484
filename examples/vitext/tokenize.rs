//! `vitext tokenize`.

use std::io::{self, Write};

use serde_json::{Map, Value, json};
use vitext::tokenize::tokens;

use crate::input::LineCommand;

/// `vitext tokenize`: one token a line, `start\tend\tkind\ttext`, with an
/// empty line after each input line; with `--jsonl`, a `tokens` array of
/// `{text, start, end, kind}` added to each record. Offsets are bytes into
/// the line's text; kinds are [`TokenKind::name`](vitext::TokenKind::name)s.
pub struct Tokenize;

impl LineCommand for Tokenize {
    fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()> {
        for token in tokens(line) {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                token.start(),
                token.end(),
                token.kind().name(),
                token.text()
            )?;
        }
        out.write_all(b"\n")
    }

    fn record(&mut self, text: &str, record: &mut Map<String, Value>) {
        let list: Vec<Value> = tokens(text)
            .map(|t| {
                json!({
                    "text": t.text(),
                    "start": t.start(),
                    "end": t.end(),
                    "kind": t.kind().name(),
                })
            })
            .collect();
        record.insert("tokens".into(), Value::Array(list));
    }
}
