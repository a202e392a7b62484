//! `vitext tokenize`.

use std::io::Write;

use vitext::tokenize::tokens;

use crate::lines::LineCommand;
use crate::record::{Record, Sink, number, string};

/// `vitext tokenize`: one token a line, `start\tend\tkind\ttext`, with an
/// empty line after each input line; with `--jsonl`, a `tokens` array of
/// `{text, start, end, kind}` added to each record. Offsets are bytes into
/// the line's text; kinds are [`TokenKind::name`](vitext::TokenKind::name)s.
pub struct Tokenize;

impl LineCommand for Tokenize {
    fn text(&mut self, line: &str, out: &mut Sink<'_>) {
        for token in tokens(line) {
            // Writing to a vector cannot fail.
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}",
                token.start(),
                token.end(),
                token.kind().name(),
                token.text()
            );
        }
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
        record.write(&["tokens"], out, |_, out| {
            out.push(b'[');
            for (k, t) in tokens(text).enumerate() {
                if k > 0 {
                    out.push(b',');
                }
                out.extend_from_slice(b"{\"text\":");
                string(out, t.text());
                out.extend_from_slice(b",\"start\":");
                number(out, t.start());
                out.extend_from_slice(b",\"end\":");
                number(out, t.end());
                out.extend_from_slice(b",\"kind\":\"");
                out.extend_from_slice(t.kind().name().as_bytes());
                out.extend_from_slice(b"\"}");
            }
            out.push(b']');
        });
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        Some(Box::new(Tokenize))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_output_is_one_token_a_line() {
        let mut out = Sink::new(Vec::new(), None);
        Tokenize.text("Theo 01-KL/TW, ngày 5/6.", &mut out);
        assert_eq!(
            String::from_utf8(out.finish().0).unwrap(),
            "0\t4\tsyllable\tTheo\n5\t13\tdoc_code\t01-KL/TW\n13\t14\tpunctuation\t,\n\
             15\t20\tsyllable\tngày\n21\t24\tday_month\t5/6\n24\t25\tpunctuation\t.\n\n"
        );
    }

    #[test]
    fn records_get_tokens_with_byte_offsets() {
        let record = Record::parse(r#"{"text":"Hà Nội 98,4%"}"#.as_bytes()).unwrap();
        let mut out = Sink::new(Vec::new(), None);
        Tokenize.record("Hà Nội 98,4%", &record, &mut out);
        let got: serde_json::Value = serde_json::from_slice(&out.finish().0).unwrap();
        assert_eq!(
            got,
            serde_json::json!({"text": "Hà Nội 98,4%", "tokens": [
                {"text": "Hà", "start": 0, "end": 3, "kind": "syllable"},
                {"text": "Nội", "start": 4, "end": 9, "kind": "syllable"},
                {"text": "98,4%", "start": 10, "end": 15, "kind": "percent"},
            ]})
        );
    }
}
