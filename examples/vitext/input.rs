//! Options, input files, line splitting and the per-line error policy shared
//! by every subcommand.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};

use serde_json::{Map, Value};

/// Parsed command-line options: `--jsonl`, `--name value` pairs and files.
#[derive(Debug, Default)]
pub struct Options {
    pub jsonl: bool,
    pub values: Vec<(String, String)>,
    pub files: Vec<String>,
}

/// Options that are flags (take no value).
const FLAGS: &[&str] = &["jsonl", "mojibake", "lossy"];

impl Options {
    pub fn parse(args: &[String]) -> Result<Options, String> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if arg == "-" || !arg.starts_with("--") {
                options.files.push(arg.clone());
                continue;
            }
            let body = &arg[2..];
            let (name, inline) = match body.split_once('=') {
                Some((n, v)) => (n, Some(v.to_owned())),
                None => (body, None),
            };
            if FLAGS.contains(&name) && inline.is_some() {
                return Err(format!("option --{name} takes no value"));
            }
            if name == "jsonl" {
                options.jsonl = true;
            } else if FLAGS.contains(&name) {
                options.values.push((name.to_owned(), "true".to_owned()));
            } else {
                let value = match inline {
                    Some(v) => v,
                    None => args
                        .next()
                        .cloned()
                        .ok_or_else(|| format!("option --{name} needs a value"))?,
                };
                options.values.push((name.to_owned(), value));
            }
        }
        Ok(options)
    }

    /// The value of `--name`, if given (the last one wins).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.values
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first option that `known` does not list.
    pub fn unused(&self, known: &[&str]) -> Option<String> {
        self.values
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
            .map(|(n, _)| format!("--{n}"))
    }
}

/// How lines are read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line of text in, the command's text out.
    Text,
    /// One JSON object in, the same object with the result added out.
    JsonLines,
}

/// One subcommand, applied line by line.
pub trait LineCommand {
    /// The `--name` options this command reads.
    fn option_names(&self) -> &'static [&'static str] {
        &[]
    }

    /// Turns the raw bytes of a line into text. The default requires UTF-8;
    /// `decode` reads legacy encodings instead.
    fn line_text<'a>(&mut self, bytes: &'a [u8]) -> Result<Cow<'a, str>, String> {
        std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))
    }

    /// Writes the result for one line of plain text, newline included.
    fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()>;

    /// Adds the result for one JSON Lines record whose `text` is `text`.
    fn record(&mut self, text: &str, record: &mut Map<String, Value>);
}

/// Runs `command` over the files (standard input when there are none) and
/// returns how many lines were bad.
pub fn run(
    files: &[String],
    format: Format,
    command: &mut dyn LineCommand,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut bad = 0;
    if files.is_empty() {
        return run_one("<stdin>", io::stdin().lock(), format, command, out);
    }
    for name in files {
        let reader: Box<dyn Read> = if name == "-" {
            Box::new(io::stdin())
        } else {
            match File::open(name) {
                Ok(f) => Box::new(f),
                Err(e) => {
                    eprintln!("vitext: {name}: {e}");
                    bad += 1;
                    continue;
                }
            }
        };
        bad += run_one(name, BufReader::new(reader), format, command, out)?;
    }
    Ok(bad)
}

fn run_one(
    name: &str,
    mut reader: impl BufRead,
    format: Format,
    command: &mut dyn LineCommand,
    out: &mut dyn Write,
) -> io::Result<usize> {
    let mut bad = 0;
    let mut buf = Vec::new();
    let mut number = 0u64;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            return Ok(bad);
        }
        number += 1;
        let mut line = buf.as_slice();
        line = line.strip_suffix(b"\n").unwrap_or(line);
        line = line.strip_suffix(b"\r").unwrap_or(line);
        if let Err(message) = one_line(line, format, command, out)? {
            eprintln!("vitext: {name}:{number}: {message}");
            bad += 1;
        }
    }
}

/// Handles one line: the outer `Result` is an output failure (fatal), the
/// inner one a bad line (reported, then skipped).
fn one_line(
    line: &[u8],
    format: Format,
    command: &mut dyn LineCommand,
    out: &mut dyn Write,
) -> io::Result<Result<(), String>> {
    let text = match command.line_text(line) {
        Ok(text) => text,
        Err(message) => return Ok(Err(message)),
    };
    match format {
        Format::Text => command.text(&text, out).map(Ok),
        Format::JsonLines => {
            let mut record = match serde_json::from_str::<Value>(&text) {
                Ok(Value::Object(map)) => map,
                Ok(_) => return Ok(Err("not a JSON object".to_owned())),
                Err(e) => return Ok(Err(format!("bad JSON: {e}"))),
            };
            let Some(Value::String(field)) = record.get("text") else {
                return Ok(Err("no \"text\" string field".to_owned()));
            };
            let field = field.clone();
            command.record(&field, &mut record);
            serde_json::to_writer(&mut *out, &record).map_err(io::Error::other)?;
            out.write_all(b"\n").map(Ok)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Upper-cases text lines; adds the length of JSON records.
    struct Upper;

    impl LineCommand for Upper {
        fn text(&mut self, line: &str, out: &mut dyn Write) -> io::Result<()> {
            writeln!(out, "{}", line.to_uppercase())
        }

        fn record(&mut self, text: &str, record: &mut Map<String, Value>) {
            record.insert("len".into(), Value::from(text.len()));
        }
    }

    #[test]
    fn bad_lines_are_counted_and_skipped() {
        let input: &[u8] = b"m\xc3\xb4t\n\xff\xfe\r\nhai\r\nba";
        let mut out = Vec::new();
        let bad = run_one("t", input, Format::Text, &mut Upper, &mut out).unwrap();
        assert_eq!(bad, 1);
        assert_eq!(String::from_utf8(out).unwrap(), "MÔT\nHAI\nBA\n");
    }

    #[test]
    fn json_lines_pass_other_fields_through() {
        let input: &[u8] = b"{\"id\":7,\"text\":\"ab\",\"x\":[1]}\n{oops\n{\"id\":8}\n[1]\n";
        let mut out = Vec::new();
        let bad = run_one("t", input, Format::JsonLines, &mut Upper, &mut out).unwrap();
        assert_eq!(bad, 3);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "{\"id\":7,\"text\":\"ab\",\"x\":[1],\"len\":2}\n"
        );
    }

    #[test]
    fn options() {
        let args: Vec<String> = ["--jsonl", "--tone=modern", "a.txt", "--mode", "tones", "-"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let o = Options::parse(&args).unwrap();
        assert!(o.jsonl);
        assert_eq!(o.get("tone"), Some("modern"));
        assert_eq!(o.get("mode"), Some("tones"));
        assert_eq!(o.files, ["a.txt", "-"]);
        assert_eq!(o.unused(&["tone"]), Some("--mode".to_owned()));
        assert!(Options::parse(&["--tone".to_owned()]).is_err());
        assert!(Options::parse(&["--jsonl=false".to_owned()]).is_err());
    }
}
