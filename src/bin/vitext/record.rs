//! JSON Lines records, read and written without a value tree: the fields a
//! command adds are spliced into the line as written, so every other field
//! passes through byte for byte (numbers such as `1e400` or
//! `18446744073709551616` included).

use std::io;
use std::ops::Range;

use serde::de::IgnoredAny;

/// One record: the line and where its top-level fields are.
pub struct Record<'a> {
    line: &'a [u8],
    /// For each field, its key (decoded) and the bytes from its key to the
    /// end of its value.
    fields: Vec<(String, Range<usize>, Range<usize>)>,
}

impl<'a> Record<'a> {
    /// Reads a JSON object; the error says what is wrong with the line.
    pub fn parse(line: &'a [u8]) -> Result<Record<'a>, String> {
        serde_json::from_slice::<IgnoredAny>(line).map_err(|e| format!("bad JSON: {e}"))?;
        let mut at = skip_space(line, 0);
        if line.get(at) != Some(&b'{') {
            return Err("not a JSON object".to_owned());
        }
        at = skip_space(line, at + 1);
        let mut fields = Vec::new();
        while line.get(at) == Some(&b'"') {
            let key_end = skip_string(line, at);
            let key: String = line
                .get(at..key_end)
                .and_then(|raw| serde_json::from_slice(raw).ok())
                .unwrap_or_default();
            // The line is valid JSON: a colon, a value, then `,` or `}`.
            let value_start = skip_space(line, skip_space(line, key_end) + 1);
            let value_end = skip_value(line, value_start);
            fields.push((key, at..value_end, value_start..value_end));
            at = skip_space(line, value_end);
            if line.get(at) == Some(&b',') {
                at = skip_space(line, at + 1);
            }
        }
        Ok(Record { line, fields })
    }

    /// The raw JSON value of field `key` (the last one, if repeated).
    pub fn raw(&self, key: &str) -> Option<&'a [u8]> {
        let line: &'a [u8] = self.line;
        self.fields
            .iter()
            .rev()
            .find(|(k, _, _)| k == key)
            .and_then(|(_, _, value)| line.get(value.clone()))
    }

    /// The string value of `text`.
    pub fn text(&self) -> Result<String, String> {
        let raw = self.raw("text").ok_or("no \"text\" field")?;
        serde_json::from_slice::<String>(raw).map_err(|e| {
            if raw.first() == Some(&b'"') {
                // A string the JSON check passes but that is no text, such
                // as a lone surrogate escape (`\ud800`).
                format!("\"text\" is not valid text: {e}")
            } else {
                "\"text\" is not a string".to_owned()
            }
        })
    }

    /// Writes the record with the fields `keys` set to what `value`
    /// writes for each: a field already there takes its new value in place,
    /// the others follow the record's own fields.
    pub fn write(
        &self,
        keys: &[&str],
        out: &mut Sink<'_>,
        mut value: impl FnMut(&str, &mut Sink<'_>),
    ) {
        out.push(b'{');
        let mut first = true;
        let mut used = vec![false; keys.len()];
        for (key, pair, _) in &self.fields {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            match keys.iter().position(|k| k == key) {
                Some(n) => {
                    if let Some(u) = used.get_mut(n) {
                        *u = true;
                    }
                    string(out, key);
                    out.push(b':');
                    value(key, out);
                }
                None => out.extend_from_slice(self.line.get(pair.clone()).unwrap_or_default()),
            }
        }
        for (key, _) in keys.iter().zip(&used).filter(|(_, u)| !**u) {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            string(out, key);
            out.push(b':');
            value(key, out);
        }
        out.extend_from_slice(b"}\n");
    }
}

/// Where a command writes its output: a buffer, handed on to the real
/// output as it grows when one line's output may be large (a line of many
/// megabytes read by one thread), so that it is never held whole.
pub struct Sink<'w> {
    buf: Vec<u8>,
    spill: Option<&'w mut dyn io::Write>,
    error: Option<io::Error>,
}

/// How much a spilling sink holds before it writes.
const SPILL_BYTES: usize = 1 << 20;

impl<'w> Sink<'w> {
    /// A sink into `buf`, writing on to `spill` (if any) past a megabyte.
    pub fn new(buf: Vec<u8>, spill: Option<&'w mut dyn io::Write>) -> Sink<'w> {
        Sink {
            buf,
            spill,
            error: None,
        }
    }

    pub fn push(&mut self, b: u8) {
        self.buf.push(b);
    }

    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= SPILL_BYTES {
            self.spill();
        }
    }

    fn spill(&mut self) {
        if let Some(w) = self.spill.as_mut() {
            if self.error.is_none() {
                if let Err(e) = w.write_all(&self.buf) {
                    self.error = Some(e);
                }
            }
            self.buf.clear();
        }
    }

    /// The bytes not yet written on, and the first write error.
    pub fn finish(mut self) -> (Vec<u8>, io::Result<()>) {
        let error = self.error.take();
        (std::mem::take(&mut self.buf), error.map_or(Ok(()), Err))
    }
}

impl io::Write for Sink<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes `s` as a JSON string.
pub fn string(out: &mut Sink<'_>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut from = 0;
    for (k, &b) in bytes.iter().enumerate() {
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0..=0x1F => b"",
            _ => continue,
        };
        out.extend_from_slice(bytes.get(from..k).unwrap_or_default());
        if escape.is_empty() {
            out.extend_from_slice(format!("\\u{b:04x}").as_bytes());
        } else {
            out.extend_from_slice(escape);
        }
        from = k + 1;
    }
    out.extend_from_slice(bytes.get(from..).unwrap_or_default());
    out.push(b'"');
}

/// Writes `n` as a JSON number.
pub fn number(out: &mut Sink<'_>, n: usize) {
    out.extend_from_slice(n.to_string().as_bytes());
}

fn skip_space(line: &[u8], mut at: usize) -> usize {
    while line
        .get(at)
        .is_some_and(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
    {
        at += 1;
    }
    at
}

/// The end of the string that opens at `at`.
fn skip_string(line: &[u8], mut at: usize) -> usize {
    at += 1;
    while let Some(&b) = line.get(at) {
        match b {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    at
}

/// The end of the value that starts at `at`.
fn skip_value(line: &[u8], at: usize) -> usize {
    match line.get(at) {
        Some(b'"') => skip_string(line, at),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut k = at;
            while let Some(&b) = line.get(k) {
                match b {
                    b'"' => {
                        k = skip_string(line, k);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return k + 1;
                        }
                    }
                    _ => {}
                }
                k += 1;
            }
            k
        }
        _ => {
            let mut k = at;
            while line
                .get(k)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                k += 1;
            }
            k
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrite(line: &str, set: &[(&'static str, &str)]) -> Result<String, String> {
        let record = Record::parse(line.as_bytes())?;
        let keys: Vec<&str> = set.iter().map(|(k, _)| *k).collect();
        let mut out = Sink::new(Vec::new(), None);
        record.write(&keys, &mut out, |key, out| {
            if let Some((_, v)) = set.iter().find(|(k, _)| *k == key) {
                out.extend_from_slice(v.as_bytes());
            }
        });
        let (bytes, _) = out.finish();
        Ok(String::from_utf8(bytes).unwrap_or_default())
    }

    #[test]
    fn other_fields_pass_through_as_written() {
        let line =
            r#"{"id": 18446744073709551616, "x":1e400,"text":"a\u00e9", "y" : [1, {"z":"}"}]}"#;
        assert_eq!(
            rewrite(line, &[("n", "2")]).unwrap(),
            "{\"id\": 18446744073709551616,\"x\":1e400,\"text\":\"a\\u00e9\",\"y\" : [1, {\"z\":\"}\"}],\"n\":2}\n"
        );
        let record = Record::parse(line.as_bytes()).unwrap();
        assert_eq!(record.text().unwrap(), "aé");
    }

    #[test]
    fn odd_keys_pass_through() {
        // Escaped keys, an empty key, a repeated key: written as they were.
        let line = r#"{ "t\u0065xt" : "a" , "" : {"}": "\""}, "k":1, "k":2 }"#;
        let out = rewrite(line, &[("n", "0")]).unwrap();
        assert_eq!(
            out,
            "{\"t\\u0065xt\" : \"a\",\"\" : {\"}\": \"\\\"\"},\"k\":1,\"k\":2,\"n\":0}\n"
        );
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["text"], "a");
        assert_eq!(rewrite("{}", &[("n", "0")]).unwrap(), "{\"n\":0}\n");
    }

    #[test]
    fn a_field_set_again_keeps_its_place() {
        assert_eq!(
            rewrite(r#"{"text":"a","id":1}"#, &[("text", "\"b\"")]).unwrap(),
            "{\"text\":\"b\",\"id\":1}\n"
        );
    }

    #[test]
    fn a_spilling_sink_writes_on_as_it_grows() {
        let mut written = Vec::new();
        let mut sink = Sink::new(Vec::new(), Some(&mut written));
        for _ in 0..3 * 1024 {
            sink.extend_from_slice(&[b'x'; 1024]);
        }
        let (rest, result) = sink.finish();
        assert!(result.is_ok() && rest.len() < SPILL_BYTES);
        assert_eq!(written.len() + rest.len(), 3 * 1024 * 1024);
    }

    #[test]
    fn bad_records_say_why() {
        assert!(rewrite("{oops", &[]).unwrap_err().starts_with("bad JSON"));
        assert_eq!(rewrite("[1]", &[]).unwrap_err(), "not a JSON object");
        let no_text = Record::parse(br#"{"id":1}"#).unwrap();
        assert_eq!(no_text.text().unwrap_err(), "no \"text\" field");
        let number = Record::parse(br#"{"text":1}"#).unwrap();
        assert_eq!(number.text().unwrap_err(), "\"text\" is not a string");
        let surrogate = Record::parse(br#"{"text":"\ud800"}"#).unwrap();
        assert!(
            surrogate
                .text()
                .unwrap_err()
                .starts_with("\"text\" is not valid text")
        );
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = Sink::new(Vec::new(), None);
        string(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(
            String::from_utf8(out.finish().0).unwrap(),
            r#""a\"b\\c\nd\u0001é""#
        );
    }
}
