//! JSON Lines records, read and written without a value tree: the fields a
//! command adds are spliced into the line as written, so every other field
//! passes through byte for byte (numbers such as `1e400` or
//! `18446744073709551616` included).

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
        serde_json::from_slice::<String>(raw).map_err(|_| "\"text\" is not a string".to_owned())
    }

    /// Writes the record with `set`'s fields: a field already there takes
    /// its new value in place, the others follow the record's own fields.
    pub fn write(&self, set: &Fields, out: &mut Vec<u8>) {
        out.push(b'{');
        let mut first = true;
        let mut used = vec![false; set.items.len()];
        for (key, pair, _) in &self.fields {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            match set.items.iter().position(|(k, _)| k == key) {
                Some(n) => {
                    if let Some(u) = used.get_mut(n) {
                        *u = true;
                    }
                    set.write_item(n, out);
                }
                None => out.extend_from_slice(self.line.get(pair.clone()).unwrap_or_default()),
            }
        }
        for (n, _) in used.iter().enumerate().filter(|(_, u)| !**u) {
            if !std::mem::take(&mut first) {
                out.push(b',');
            }
            set.write_item(n, out);
        }
        out.extend_from_slice(b"}\n");
    }
}

/// The fields a command sets on a record, each a key and its JSON value.
#[derive(Default)]
pub struct Fields {
    buf: Vec<u8>,
    items: Vec<(&'static str, Range<usize>)>,
}

impl Fields {
    pub fn clear(&mut self) {
        self.buf.clear();
        self.items.clear();
    }

    /// Sets `key` to the JSON value `write` writes.
    pub fn set(&mut self, key: &'static str, write: impl FnOnce(&mut Vec<u8>)) {
        let start = self.buf.len();
        write(&mut self.buf);
        self.items.push((key, start..self.buf.len()));
    }

    fn write_item(&self, n: usize, out: &mut Vec<u8>) {
        if let Some((key, value)) = self.items.get(n) {
            string(out, key);
            out.push(b':');
            out.extend_from_slice(self.buf.get(value.clone()).unwrap_or_default());
        }
    }
}

/// Writes `s` as a JSON string.
pub fn string(out: &mut Vec<u8>, s: &str) {
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
pub fn number(out: &mut Vec<u8>, n: usize) {
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
        let mut fields = Fields::default();
        for &(k, v) in set {
            fields.set(k, |out| out.extend_from_slice(v.as_bytes()));
        }
        let mut out = Vec::new();
        record.write(&fields, &mut out);
        Ok(String::from_utf8(out).unwrap_or_default())
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
    fn a_field_set_again_keeps_its_place() {
        assert_eq!(
            rewrite(r#"{"text":"a","id":1}"#, &[("text", "\"b\"")]).unwrap(),
            "{\"text\":\"b\",\"id\":1}\n"
        );
    }

    #[test]
    fn bad_records_say_why() {
        assert!(rewrite("{oops", &[]).unwrap_err().starts_with("bad JSON"));
        assert_eq!(rewrite("[1]", &[]).unwrap_err(), "not a JSON object");
        let no_text = Record::parse(br#"{"id":1}"#).unwrap();
        assert_eq!(no_text.text().unwrap_err(), "no \"text\" field");
        let number = Record::parse(br#"{"text":1}"#).unwrap();
        assert_eq!(number.text().unwrap_err(), "\"text\" is not a string");
    }

    #[test]
    fn strings_are_escaped() {
        let mut out = Vec::new();
        string(&mut out, "a\"b\\c\nd\u{1}é");
        assert_eq!(String::from_utf8(out).unwrap(), r#""a\"b\\c\nd\u0001é""#);
    }
}
