//! `vitext`: the command-line tool.
//!
//! ```text
//! vitext <command> [options] [FILE...]
//! ```
//!
//! Reads the files (or standard input) line by line and writes one result per
//! line, so that it can be driven by `xargs -P`, Hadoop streaming or
//! `RDD.pipe`. With `--jsonl`, each input line is a JSON object with a
//! `"text"` field; the output is the same object (other fields passed through)
//! with the command's result added. Byte offsets in JSON output are offsets
//! into that line's `text`, as `start`/`end`.
//!
//! A bad line (invalid UTF-8, bad JSON, no `text`) is reported on standard
//! error with its file and line number; the other lines are still processed,
//! and the exit status is 1 at the end. Usage errors exit with 2.

mod analyze;
mod decode;
mod extract;
mod input;
mod normalize;
mod tokenize;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use input::{Format, LineCommand, Options, run};

const USAGE: &str = "\
usage: vitext <command> [options] [FILE...]

commands:
  normalize   repair diacritics (NFC, misplaced tone marks, Ð, invisible
              characters, odd spaces); --tone keep|traditional|modern
  fold        strip diacritics for search keys; --mode full|tones
  decode      legacy encodings to UTF-8: raw bytes, or with --mojibake
              UTF-8 text holding legacy bytes read as Windows-1252;
              --from auto|tcvn3|vni|viqr|viscii|cp1258 (default auto)
  tokenize    one token a line: start, end, kind, text (byte offsets into
              the line), an empty line after each input line; with --jsonl,
              a \"tokens\" array of {text, start, end, kind}
  extract     one entity a line: start, end, kind, text, value as JSON
              (dates, times, ranges, document references, quantities), an
              empty line after each input line; with --jsonl, an
              \"entities\" array of {kind, start, end, text, value};
              --reference-date YYYY-MM-DD gives partial dates their year
  analyze     a readable report of one article FILE: dateline, dates,
              document references with their links, quantities, token counts
  help        print this message

options:
  --jsonl     input and output are JSON Lines: {\"id\": …, \"text\": …}
  --tone P    tone placement for normalize (default keep)
  --mode M    what fold removes (default full)
  --reference-date YYYY-MM-DD
              the date partial dates are read against (extract, analyze)
  --from E    the legacy encoding for decode (default auto: detected per
              line; short lines take the encoding last detected)
  --mojibake  decode: input is UTF-8 text holding legacy bytes
  --lossy     decode: write U+FFFD for undefined bytes instead of
              reporting the line

Reads standard input when no FILE is given (or FILE is -).";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((command, rest)) = args.split_first() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let options = match Options::parse(rest) {
        Ok(options) => options,
        Err(message) => return usage_error(&message),
    };
    let mut handler: Box<dyn LineCommand> = match command.as_str() {
        "normalize" => match normalize::Normalize::from_options(&options) {
            Ok(h) => Box::new(h),
            Err(message) => return usage_error(&message),
        },
        "fold" => match normalize::Fold::from_options(&options) {
            Ok(h) => Box::new(h),
            Err(message) => return usage_error(&message),
        },
        "decode" => match decode::Decode::from_options(&options) {
            Ok(h) => Box::new(h),
            Err(message) => return usage_error(&message),
        },
        "tokenize" => Box::new(tokenize::Tokenize),
        "extract" => match extract::Extract::from_options(&options) {
            Ok(h) => Box::new(h),
            Err(message) => return usage_error(&message),
        },
        "analyze" => return analyze::run(&options),
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        other => return usage_error(&format!("unknown command {other:?}")),
    };
    if let Some(unused) = options.unused(handler.option_names()) {
        return usage_error(&format!("option {unused} does not apply to {command}"));
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let format = if options.jsonl {
        Format::JsonLines
    } else {
        Format::Text
    };
    let result = run(&options.files, format, handler.as_mut(), &mut out);
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(0), Ok(())) => ExitCode::SUCCESS,
        (Ok(bad), Ok(())) => {
            eprintln!("vitext: {bad} bad line(s) skipped");
            ExitCode::FAILURE
        }
        (Err(e), _) | (_, Err(e)) => {
            if e.kind() == io::ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
            eprintln!("vitext: {e}");
            ExitCode::FAILURE
        }
    }
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("vitext: {message}\n\n{USAGE}");
    ExitCode::from(2)
}
