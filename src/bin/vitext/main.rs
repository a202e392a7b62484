//! `vitext`: the command-line tool.
//!
//! Reads files (or standard input) line by line and writes one result per
//! line, in input order, on every core; `analyze` reports on one article.
//! Install it with `cargo install vitext --features cli`; `vitext --help`
//! and `vitext COMMAND --help` say the rest.

mod analyze;
mod decode;
mod extract;
mod lines;
mod normalize;
mod pieces;
mod record;
mod tokenize;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use vitext::decode::Encoding;
use vitext::extract::{Extractor, ExtractorConfig, Layers};
use vitext::{FoldMode, NormalizeConfig, Normalizer, TonePlacement};

use lines::{Format, LineCommand, Run};

const ABOUT: &str = "Vietnamese text analysis: repair diacritics, decode legacy encodings, \
                     tokenize, and extract dates, documents, quantities, people, titles, \
                     organizations and places.";

const LONG_ABOUT: &str = "\
Vietnamese text analysis: repair diacritics, decode legacy encodings, tokenize, and extract \
dates, documents, quantities, people, titles, organizations and places.

Every command but analyze reads the FILEs (standard input when there are none, or for -) \
line by line and writes one result per input line, in input order, using every core \
(--threads). With --jsonl each line is a JSON object with a \"text\" field; the output is \
the same object, its other fields as written, with the command's result added. A bad line \
(invalid UTF-8, bad JSON, no \"text\") is reported on standard error with its file and line \
number and the run goes on; the exit status is then 1. Usage errors exit with 2.";

const EXAMPLES: &str = "\
Examples:
  vitext analyze examples/data/party-conference.txt
  vitext normalize --tone modern article.txt > repaired.txt
  vitext extract --jsonl --reference-date 2024-01-18 articles.jsonl > entities.jsonl
  vitext decode --from tcvn3 old-file.txt";

#[derive(Parser)]
#[command(name = "vitext", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Repair diacritics: NFC, misplaced tone marks, look-alike letters (Ð),
    /// invisible characters and odd spaces.
    #[command(after_help = "Example:\n  vitext normalize --tone modern article.txt")]
    Normalize {
        /// Where the tone mark goes in oa, oe, uy (hòa / hoà).
        #[arg(long, value_enum, default_value_t = Tone::Keep)]
        tone: Tone,
        #[command(flatten)]
        lines: LineArgs,
    },
    /// Strip diacritics, for search keys (Đảng → Dang).
    #[command(after_help = "Example:\n  vitext fold --mode tones names.txt")]
    Fold {
        /// What to remove: every diacritic (full), or tone marks only.
        #[arg(long, value_enum, default_value_t = Mode::Full)]
        mode: Mode,
        #[command(flatten)]
        lines: LineArgs,
    },
    /// Decode legacy encodings (TCVN3, VNI, VIQR, VISCII, CP1258) to UTF-8.
    ///
    /// Reads raw legacy bytes, or with --mojibake UTF-8 text holding legacy
    /// bytes read as Windows-1252. Detected per line by default: a line too
    /// short to tell takes the encoding last detected (lines are then read
    /// in order, on one thread). With --jsonl, each record's text is
    /// repaired as mojibake and "encoding" is added.
    #[command(
        after_help = "Examples:\n  vitext decode --from tcvn3 old-file.txt\n  \
                            vitext decode --mojibake < pasted.txt"
    )]
    Decode {
        /// The legacy encoding (default: detected).
        #[arg(long, value_enum, default_value_t = From::Auto)]
        from: From,
        /// The input is UTF-8 text holding legacy bytes.
        #[arg(long)]
        mojibake: bool,
        /// Write U+FFFD for bytes the encoding does not define instead of
        /// reporting the line.
        #[arg(long)]
        lossy: bool,
        #[command(flatten)]
        lines: LineArgs,
    },
    /// One token a line: start, end, kind, text (byte offsets into the
    /// line), an empty line after each input line; with --jsonl a "tokens"
    /// array.
    #[command(
        after_help = "Example:\n  echo 'Kết luận số 01-KL/TW ngày 18.5.2021' | vitext tokenize"
    )]
    Tokenize {
        #[command(flatten)]
        lines: LineArgs,
    },
    /// One entity a line: start, end, kind, text and value as JSON, then
    /// the links, an empty line after each input line; with --jsonl
    /// "entities" and "links" arrays.
    #[command(
        after_help = "Example:\n  vitext extract --jsonl --reference-date 2024-01-18 articles.jsonl"
    )]
    Extract {
        #[command(flatten)]
        reference: Reference,
        #[command(flatten)]
        lines: LineArgs,
    },
    /// A report of one article: dateline, people with their titles,
    /// dates, documents, quantities, organizations, places, token counts.
    #[command(after_help = "Example:\n  vitext analyze examples/data/party-conference.txt")]
    Analyze {
        /// The article (- for standard input).
        file: PathBuf,
        /// How to write the report.
        #[arg(long, value_enum, default_value_t = analyze::ReportFormat::Text)]
        format: analyze::ReportFormat,
        #[command(flatten)]
        reference: Reference,
    },
    /// Print a completion script for a shell.
    #[command(after_help = "Example:\n  vitext completions bash > /etc/bash_completion.d/vitext")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// The options of the commands that read lines.
#[derive(Args)]
struct LineArgs {
    /// Input and output are JSON Lines: {"id": …, "text": …}.
    #[arg(long)]
    jsonl: bool,
    /// Threads to process lines on, 1 to 256 (default: every core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    threads: Option<u16>,
    /// Files to read (default: standard input; - is standard input).
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

impl LineArgs {
    fn format(&self) -> Format {
        if self.jsonl {
            Format::JsonLines
        } else {
            Format::Text
        }
    }
}

#[derive(Args)]
struct Reference {
    /// The date partial dates (10.1, thứ Hai) are read against.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_reference)]
    reference_date: Option<(i32, u8, u8)>,
    /// Normalize damaged text first (decomposed accents, misplaced marks,
    /// Ð, invisible characters); offsets still point into the input.
    #[arg(long)]
    normalize: bool,
    /// Read dates, times, document references and quantities only: no
    /// persons, titles, organizations, places or credits.
    #[arg(long)]
    without_names: bool,
}

impl Reference {
    fn extractor(&self) -> Extractor {
        let mut config = ExtractorConfig::default();
        if let Some((y, m, d)) = self.reference_date {
            config = config.reference_date(y, m, d);
        }
        if self.normalize {
            config = config.normalize(vitext::NormalizeConfig::default());
        }
        if self.without_names {
            config = config.layers(Layers::WithoutNames);
        }
        Extractor::new(config)
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Tone {
    /// As written.
    Keep,
    /// On the first vowel: hòa, thủy.
    Traditional,
    /// By syllable structure: hoà, thuỷ.
    Modern,
}

#[derive(Clone, Copy, ValueEnum)]
enum Mode {
    /// Every diacritic, đ → d.
    Full,
    /// Tone marks only; â, ư, đ stay.
    Tones,
}

#[derive(Clone, Copy, ValueEnum)]
enum From {
    Auto,
    Tcvn3,
    Vni,
    Viqr,
    Viscii,
    Cp1258,
}

/// A calendar date `YYYY-MM-DD` that exists.
fn parse_reference(s: &str) -> Result<(i32, u8, u8), String> {
    let bad = || format!("{s:?} is not a date YYYY-MM-DD (such as 2024-01-18)");
    let mut parts = s.split('-');
    let (Some(y), Some(m), Some(d), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(bad());
    };
    let y: i32 = y.parse().map_err(|_| bad())?;
    let m: u8 = m.parse().map_err(|_| bad())?;
    let d: u8 = d.parse().map_err(|_| bad())?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("{s:?}: there is no month {m}")),
    };
    if !(1..=days).contains(&d) {
        return Err(format!("{s:?}: month {m} of {y} has {days} days"));
    }
    Ok((y, m, d))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return parse_error(&e),
    };
    let stdout = io::stdout();
    let color = if stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    {
        analyze::Color::Ansi
    } else {
        analyze::Color::Never
    };
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = dispatch(cli.command, color, &mut out).and_then(|ok| out.flush().map(|()| ok));
    match result {
        Ok(0) => ExitCode::SUCCESS,
        Ok(bad) => {
            eprintln!("vitext: {bad} bad line(s) or file(s) skipped");
            ExitCode::FAILURE
        }
        // A reader that has seen enough (`| head`) is no failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("vitext: cannot write the output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Usage errors go to standard error with status 2; `--help` and
/// `--version` to standard output, where a closed pipe is no failure and a
/// full disk is one.
fn parse_error(e: &clap::Error) -> ExitCode {
    if e.use_stderr() {
        let _ = e.print();
        return ExitCode::from(2);
    }
    let mut out = io::stdout().lock();
    let written = write!(out, "{}", e.render()).and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("vitext: cannot write the output: {e}");
            ExitCode::FAILURE
        }
        _ => ExitCode::SUCCESS,
    }
}

/// Runs a command; the count is of bad lines and files, the error a failure
/// to write.
fn dispatch(command: Command, color: analyze::Color, out: &mut dyn Write) -> io::Result<u64> {
    let (handler, lines): (Box<dyn LineCommand>, LineArgs) = match command {
        Command::Normalize { tone, lines } => {
            let tone = match tone {
                Tone::Keep => TonePlacement::Keep,
                Tone::Traditional => TonePlacement::Traditional,
                Tone::Modern => TonePlacement::Modern,
            };
            let normalizer = Normalizer::new(NormalizeConfig::new().tone(tone));
            (Box::new(normalize::Normalize { normalizer }), lines)
        }
        Command::Fold { mode, lines } => {
            let mode = match mode {
                Mode::Full => FoldMode::Full,
                Mode::Tones => FoldMode::TonesOnly,
            };
            (Box::new(normalize::Fold { mode }), lines)
        }
        Command::Decode {
            from,
            mojibake,
            lossy,
            lines,
        } => {
            let from = match from {
                From::Auto => None,
                From::Tcvn3 => Some(Encoding::Tcvn3),
                From::Vni => Some(Encoding::Vni),
                From::Viqr => Some(Encoding::Viqr),
                From::Viscii => Some(Encoding::Viscii),
                From::Cp1258 => Some(Encoding::Cp1258),
            };
            let input = if mojibake {
                decode::Input::Mojibake
            } else {
                decode::Input::Raw
            };
            let undefined = if lossy {
                decode::Undefined::Replace
            } else {
                decode::Undefined::Refuse
            };
            let decode = decode::Decode::new(from, input, undefined, lines.format());
            (Box::new(decode), lines)
        }
        Command::Tokenize { lines } => (Box::new(tokenize::Tokenize), lines),
        Command::Extract { reference, lines } => (
            Box::new(extract::Extract::new(reference.extractor())),
            lines,
        ),
        Command::Analyze {
            file,
            format,
            reference,
        } => return analyze_file(&file, format, &reference, color, out),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "vitext", &mut buf);
            out.write_all(&buf)?;
            return Ok(0);
        }
    };
    let threads = lines.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        usize::from,
    );
    let run = Run {
        files: &lines.files,
        format: lines.format(),
        threads,
    };
    run.go(handler, out).map(|o| o.bad)
}

fn analyze_file(
    file: &std::path::Path,
    format: analyze::ReportFormat,
    reference: &Reference,
    color: analyze::Color,
    out: &mut dyn Write,
) -> io::Result<u64> {
    let read = if file.as_os_str() == "-" {
        io::read_to_string(io::stdin())
    } else if file.is_dir() {
        Err(io::Error::other("is a directory"))
    } else {
        std::fs::read_to_string(file)
    };
    let text = match read {
        Ok(text) => text,
        Err(e) => {
            eprintln!("vitext: {}: {e}", file.display());
            return Ok(1);
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let name = file.display().to_string();
    let report = analyze::report(&name, text, &reference.extractor(), format, color);
    out.write_all(report.as_bytes())?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn reference_dates_must_exist() {
        assert_eq!(parse_reference("2024-02-29"), Ok((2024, 2, 29)));
        assert!(parse_reference("2023-02-29").is_err());
        assert!(parse_reference("2024-02-31").is_err());
        assert!(parse_reference("2024-13-01").is_err());
        assert!(parse_reference("2024-1").is_err());
        assert!(parse_reference("18.5.2021").is_err());
    }
}
