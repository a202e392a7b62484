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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_output_is_one_token_a_line() {
        let mut out = Vec::new();
        Tokenize.text("Theo 01-KL/TW, ngày 5/6.", &mut out).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "0\t4\tsyllable\tTheo\n5\t13\tdoc_code\t01-KL/TW\n13\t14\tpunctuation\t,\n\
             15\t20\tsyllable\tngày\n21\t24\tday_month\t5/6\n24\t25\tpunctuation\t.\n\n"
        );
    }

    #[test]
    fn records_get_tokens_with_byte_offsets() {
        let mut record = Map::new();
        Tokenize.record("Hà Nội 98,4%", &mut record);
        assert_eq!(
            Value::Object(record),
            json!({"tokens": [
                {"text": "Hà", "start": 0, "end": 3, "kind": "syllable"},
                {"text": "Nội", "start": 4, "end": 9, "kind": "syllable"},
                {"text": "98,4%", "start": 10, "end": 15, "kind": "percent"},
            ]})
        );
    }
}
