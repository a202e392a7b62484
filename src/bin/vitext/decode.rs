//! `vitext decode`: legacy Vietnamese encodings to UTF-8.

use std::borrow::Cow;

use vitext::Syllable;
use vitext::decode::{Encoding, detect, detect_str};

use crate::lines::{Format, LineCommand};
use crate::record::{Record, Sink, string};

/// What `decode` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Raw legacy bytes.
    Raw,
    /// UTF-8 text holding legacy bytes read as Windows-1252 (`--mojibake`).
    Mojibake,
}

/// What `decode` does with a byte the encoding does not define.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undefined {
    /// The line is bad: reported, and left out.
    Refuse,
    /// U+FFFD in its place (`--lossy`).
    Replace,
}

/// `vitext decode [--from auto|tcvn3|vni|viqr|viscii|cp1258] [--mojibake] [--lossy]`.
///
/// Reads raw legacy bytes line by line (or, with `--mojibake`, UTF-8 text
/// whose characters are legacy bytes read as Windows-1252) and writes UTF-8.
/// With `--from auto` (the default) each line's encoding is detected; a line
/// too short to tell takes the encoding last detected, and a line that is
/// already UTF-8 and not recognised passes through. A byte the encoding does
/// not define makes the line bad (reported, skipped) unless `--lossy`
/// writes U+FFFD for it. With `--jsonl`, each record's `text` is repaired as
/// mojibake and the encoding used is added as `"encoding"` (null when none
/// was found); a decoding error is added as `"decode_error"`, text kept.
pub struct Decode {
    from: Option<Encoding>,
    input: Input,
    undefined: Undefined,
    format: Format,
    /// The encoding detected last, for lines too short to tell.
    last: Option<Encoding>,
}

impl Decode {
    pub fn new(
        from: Option<Encoding>,
        input: Input,
        undefined: Undefined,
        format: Format,
    ) -> Decode {
        Decode {
            from,
            input,
            undefined,
            format,
            last: None,
        }
    }

    /// The encoding for one line: the one given, the one detected, or the
    /// last one detected.
    fn encoding(&mut self, found: impl FnOnce() -> Option<Encoding>) -> Option<Encoding> {
        if self.from.is_some() {
            return self.from;
        }
        if let Some(found) = found() {
            self.last = Some(found);
        }
        self.last
    }

    fn repair<'a>(&mut self, text: &'a str) -> Result<(Option<Encoding>, Cow<'a, str>), String> {
        let detected = self.from.is_some() || detect_str(text).is_some();
        if !detected && reads_as_unicode_vietnamese(text) {
            // The encoding last detected is for lines too short to tell, not
            // for text that is already right.
            return Ok((None, Cow::Borrowed(text)));
        }
        let Some(encoding) = self.encoding(|| detect_str(text).map(|d| d.encoding())) else {
            return Ok((None, Cow::Borrowed(text)));
        };
        let repaired = if self.undefined == Undefined::Replace {
            encoding.repair_lossy(text)
        } else {
            encoding.repair(text).map_err(|e| e.to_string())?
        };
        Ok((Some(encoding), repaired))
    }
}

/// Whether every word of `text` with a non-ASCII letter is already a valid
/// Vietnamese syllable (and there is at least one): Unicode text, which no
/// repair should touch.
fn reads_as_unicode_vietnamese(text: &str) -> bool {
    let mut words = text
        .split(|c: char| !c.is_alphabetic() && !unicode_normalization::char::is_combining_mark(c))
        .filter(|w| !w.is_ascii())
        .peekable();
    words.peek().is_some() && words.all(Syllable::is_valid)
}

impl LineCommand for Decode {
    fn line_text<'a>(&mut self, bytes: &'a [u8]) -> Result<Cow<'a, str>, String> {
        let jsonl = self.format == Format::JsonLines;
        if jsonl || self.input == Input::Mojibake {
            let text = std::str::from_utf8(bytes)
                .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
            if jsonl {
                return Ok(Cow::Borrowed(text));
            }
            return self.repair(text).map(|(_, repaired)| repaired);
        }
        let encoding = match self.from {
            Some(encoding) => encoding,
            None => match detect(bytes) {
                Some(found) => {
                    self.last = Some(found.encoding());
                    found.encoding()
                }
                None => match (std::str::from_utf8(bytes), self.last) {
                    // Unicode text (or plain ASCII) that no legacy encoding
                    // claims stays as it is.
                    (Ok(text), None) => return Ok(Cow::Borrowed(text)),
                    (Ok(text), Some(_)) if !text.is_ascii() => {
                        return Ok(Cow::Borrowed(text));
                    }
                    (_, Some(last)) => last,
                    (Err(_), None) => {
                        return Err(
                            "cannot tell the encoding of this line (not UTF-8; give --from)"
                                .to_owned(),
                        );
                    }
                },
            },
        };
        if self.undefined == Undefined::Replace {
            return Ok(Cow::Owned(encoding.decode_lossy(bytes)));
        }
        encoding
            .decode(bytes)
            .map(Cow::Owned)
            .map_err(|e| e.to_string())
    }

    fn text(&mut self, line: &str, out: &mut Sink<'_>) {
        out.extend_from_slice(line.as_bytes());
        out.push(b'\n');
    }

    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
        match self.repair(text) {
            Ok((encoding, repaired)) => {
                record.write(&["text", "encoding"], out, |key, out| {
                    match (key, encoding) {
                        ("text", _) => string(out, &repaired),
                        (_, Some(e)) => string(out, e.name()),
                        (_, None) => out.extend_from_slice(b"null"),
                    }
                });
            }
            Err(message) => {
                record.write(&["decode_error"], out, |_, out| string(out, &message));
            }
        }
    }

    fn fork(&self) -> Option<Box<dyn LineCommand>> {
        // Detected per line, a short line takes the encoding last detected:
        // the lines are read in order.
        let from = self.from?;
        Some(Box::new(Decode::new(
            Some(from),
            self.input,
            self.undefined,
            self.format,
        )))
    }
}
