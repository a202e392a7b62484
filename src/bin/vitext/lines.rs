//! Input files read line by line, in batches that the worker threads share,
//! with the output written in input order and the per-line error policy
//! every subcommand follows.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::record::{Record, Sink};

/// How lines are read and written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One line of text in, the command's text out.
    Text,
    /// One JSON object in, the same object with the command's fields out.
    JsonLines,
}

/// One subcommand, applied line by line.
pub trait LineCommand: Send {
    /// Turns the raw bytes of a line into text. The default requires UTF-8;
    /// `decode` reads legacy encodings instead.
    fn line_text<'a>(&mut self, bytes: &'a [u8]) -> Result<Cow<'a, str>, String> {
        std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))
    }

    /// Writes the result for one line of plain text, newline included.
    fn text(&mut self, line: &str, out: &mut Sink<'_>);

    /// What a bad line leaves in plain output, so that output line *i*
    /// still answers input line *i*: an empty line, or an empty block.
    fn placeholder(&self) -> &'static [u8] {
        b"\n"
    }

    /// Writes one JSON Lines record whose `text` is `text` with the
    /// command's fields (through [`Record::write`]).
    fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>);

    /// A copy for another thread, or `None` when the lines must be read in
    /// order by one (a state carried from line to line).
    fn fork(&self) -> Option<Box<dyn LineCommand>>;
}

/// Where the lines come from and how to process them.
pub struct Run<'a> {
    pub files: &'a [PathBuf],
    pub format: Format,
    pub threads: usize,
}

/// A batch of lines read from one file.
#[derive(Default)]
struct Batch {
    data: Vec<u8>,
    /// Each line's bytes in `data` (line end removed) and its number.
    lines: Vec<(Range<usize>, u64)>,
}

/// What processing a part of a batch gave: output bytes and bad lines.
#[derive(Default)]
struct Done {
    out: Vec<u8>,
    bad: Vec<(u64, String)>,
}

/// About this much input is read before the workers start on it: memory
/// stays flat however large the input (a longer line is read whole).
const BATCH_BYTES: usize = 1 << 20;
const BATCH_LINES: usize = 20_000;

/// The outcome of a run.
pub struct Outcome {
    /// Lines (and files) reported bad.
    pub bad: u64,
}

impl Run<'_> {
    /// Runs `command` over the files (standard input when there are none,
    /// or for `-`), writing to `out`. An error is a failure to write; bad
    /// input is reported on standard error and counted.
    pub fn go(&self, command: Box<dyn LineCommand>, out: &mut dyn Write) -> io::Result<Outcome> {
        let mut workers: Vec<Box<dyn LineCommand>> = vec![command];
        while workers.len() < self.threads {
            match workers.first().and_then(|c| c.fork()) {
                Some(c) => workers.push(c),
                None => break,
            }
        }
        let mut progress = Progress::new();
        let mut bad = 0;
        let stdin = [PathBuf::from("-")];
        let files = if self.files.is_empty() {
            &stdin[..]
        } else {
            self.files
        };
        for path in files {
            let shown = if path.as_os_str() == "-" {
                "<stdin>".to_owned()
            } else {
                path.display().to_string()
            };
            let reader: Box<dyn Read> = match open(path) {
                Ok(r) => r,
                Err(message) => {
                    eprintln!("vitext: {shown}: {message}");
                    bad += 1;
                    continue;
                }
            };
            bad += self.file(&shown, reader, &mut workers, out, &mut progress)?;
        }
        progress.finish();
        Ok(Outcome { bad })
    }

    fn file(
        &self,
        name: &str,
        reader: Box<dyn Read>,
        workers: &mut [Box<dyn LineCommand>],
        out: &mut dyn Write,
        progress: &mut Progress,
    ) -> io::Result<u64> {
        let mut reader = BufReader::with_capacity(1 << 16, reader);
        let mut bad = 0;
        let mut number = 0u64;
        let mut batch = Batch::default();
        let mut done: Vec<Done> = Vec::new();
        // A UTF-16 file is named once, not reported line by line.
        match reader.fill_buf() {
            Ok(head) if utf16(head) => {
                eprintln!("vitext: {name}: UTF-16 text; convert it to UTF-8 (iconv -f UTF-16)");
                return Ok(1);
            }
            Ok(head) if head.starts_with(b"\xEF\xBB\xBF") => reader.consume(3),
            _ => {}
        }
        loop {
            batch.data.clear();
            batch.lines.clear();
            let mut ended = false;
            while batch.data.len() < BATCH_BYTES && batch.lines.len() < BATCH_LINES {
                let start = batch.data.len();
                match reader.read_until(b'\n', &mut batch.data) {
                    Ok(0) => {
                        ended = true;
                        break;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        eprintln!("vitext: {name}: cannot read on after line {number}: {e}");
                        bad += 1;
                        ended = true;
                        break;
                    }
                }
                number += 1;
                let mut end = batch.data.len();
                if batch.data.get(end - 1) == Some(&b'\n') {
                    end -= 1;
                }
                while end > start && batch.data.get(end - 1) == Some(&b'\r') {
                    end -= 1;
                }
                batch.lines.push((start..end, number));
            }
            bad += self.batch(name, &batch, workers, &mut done, out, progress)?;
            progress.advance(batch.lines.len(), batch.data.len());
            if ended {
                return Ok(bad);
            }
        }
    }

    /// Processes one batch on the workers, each taking a run of lines of
    /// about the same size, and writes the results in order.
    fn batch(
        &self,
        name: &str,
        batch: &Batch,
        workers: &mut [Box<dyn LineCommand>],
        done: &mut Vec<Done>,
        out: &mut dyn Write,
        progress: &mut Progress,
    ) -> io::Result<u64> {
        let parts = split(batch, workers.len());
        done.resize_with(parts.len(), Done::default);
        let format = self.format;
        if parts.len() <= 1 {
            // One thread: its output goes on to `out` as it grows (a line
            // of many megabytes is not answered in memory).
            if let (Some(worker), Some(d)) = (workers.first_mut(), done.first_mut()) {
                let all = 0..batch.lines.len();
                process(batch, all, format, worker.as_mut(), d, Some(&mut *out))?;
            }
        } else {
            let results: Vec<io::Result<()>> = std::thread::scope(|scope| {
                let running: Vec<_> = workers
                    .iter_mut()
                    .zip(&parts)
                    .zip(done.iter_mut())
                    .map(|((worker, part), d)| {
                        let part = part.clone();
                        std::thread::Builder::new().spawn_scoped(scope, move || {
                            process(batch, part, format, worker.as_mut(), d, None)
                        })
                    })
                    .collect();
                running
                    .into_iter()
                    .map(|h| match h {
                        Ok(h) => h.join().unwrap_or_else(|_| {
                            Err(io::Error::other("a worker thread stopped on a bug"))
                        }),
                        Err(e) => Err(io::Error::other(format!("cannot start a thread: {e}"))),
                    })
                    .collect()
            });
            for r in results {
                r?;
            }
        }
        let mut bad = 0;
        for d in done.iter_mut() {
            out.write_all(&d.out)?;
            if !d.bad.is_empty() {
                progress.clear();
            }
            for (number, message) in d.bad.drain(..) {
                eprintln!("vitext: {name}:{number}: {message}");
                bad += 1;
            }
            d.out.clear();
        }
        Ok(bad)
    }
}

/// Opens a file (`-`: standard input); a directory or an unreadable file
/// is an error that names what is wrong.
fn open(path: &Path) -> Result<Box<dyn Read>, String> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(io::stdin()));
    }
    let file = File::open(path).map_err(|e| e.to_string())?;
    match file.metadata() {
        Ok(m) if m.is_dir() => Err("is a directory, skipped".to_owned()),
        _ => Ok(Box::new(file)),
    }
}

/// Whether a file's first bytes are UTF-16: a byte-order mark, or a zero
/// byte in the same place of half the byte pairs or more (spaces, digits
/// and ASCII letters; UTF-8 text has no zero bytes).
fn utf16(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
        return true;
    }
    let pairs = head.chunks_exact(2).take(64);
    let n = pairs.len();
    let (mut low, mut high) = (0, 0);
    for p in pairs {
        low += usize::from(p.first() == Some(&0));
        high += usize::from(p.get(1) == Some(&0));
    }
    n >= 4 && (2 * low >= n || 2 * high >= n)
}

/// `batch`'s lines cut into at most `n` runs of about equal bytes.
fn split(batch: &Batch, n: usize) -> Vec<Range<usize>> {
    let total: usize = batch.data.len();
    if n <= 1 || batch.lines.len() < 2 {
        return std::iter::once(0..batch.lines.len()).collect();
    }
    let mut parts = Vec::with_capacity(n);
    let mut from = 0;
    for k in 1..n {
        let goal = total * k / n;
        let to = batch
            .lines
            .partition_point(|(range, _)| range.start < goal)
            .max(from);
        parts.push(from..to);
        from = to;
    }
    parts.push(from..batch.lines.len());
    parts.retain(|p| !p.is_empty());
    parts
}

/// Processes the lines `part` of `batch` into `done` (writing on to
/// `spill` as the output grows, when given).
fn process(
    batch: &Batch,
    part: Range<usize>,
    format: Format,
    command: &mut dyn LineCommand,
    done: &mut Done,
    spill: Option<&mut dyn Write>,
) -> io::Result<()> {
    let mut sink = Sink::new(std::mem::take(&mut done.out), spill);
    for (range, number) in batch.lines.get(part).unwrap_or_default() {
        let line = batch.data.get(range.clone()).unwrap_or_default();
        if let Err(message) = one_line(line, format, command, &mut sink) {
            done.bad.push((*number, message));
            if format == Format::Text {
                sink.extend_from_slice(command.placeholder());
            }
        }
    }
    let (rest, result) = sink.finish();
    done.out = rest;
    result
}

/// Handles one line; the error is what makes the line bad.
fn one_line(
    line: &[u8],
    format: Format,
    command: &mut dyn LineCommand,
    out: &mut Sink<'_>,
) -> Result<(), String> {
    match format {
        Format::Text => {
            let text = command.line_text(line)?;
            command.text(&text, out);
        }
        Format::JsonLines => {
            // A blank line is no record (JSON Lines writers leave them).
            if line.iter().all(u8::is_ascii_whitespace) {
                return Ok(());
            }
            let line = command.line_text(line)?;
            let record = Record::parse(line.as_bytes())?;
            let text = record.text()?;
            command.record(&text, &record, out);
        }
    }
    Ok(())
}

/// A progress line on standard error while a long run goes on, only when
/// standard error is a terminal; cleared at the end.
struct Progress {
    shown: bool,
    on: bool,
    start: Instant,
    last: Instant,
    lines: u64,
    bytes: u64,
}

impl Progress {
    fn new() -> Progress {
        let now = Instant::now();
        Progress {
            shown: false,
            on: io::stderr().is_terminal(),
            start: now,
            last: now,
            lines: 0,
            bytes: 0,
        }
    }

    fn advance(&mut self, lines: usize, bytes: usize) {
        self.lines += lines as u64;
        self.bytes += bytes as u64;
        let now = Instant::now();
        // Quiet for a second, then at most five times a second.
        if !self.on
            || now.duration_since(self.start) < Duration::from_secs(1)
            || now.duration_since(self.last) < Duration::from_millis(200)
        {
            return;
        }
        self.last = now;
        let secs = now.duration_since(self.start).as_secs_f64();
        let mb = self.bytes as f64 / 1e6;
        eprint!(
            "\r\x1b[Kvitext: {} lines, {mb:.1} MB, {:.1} MB/s",
            self.lines,
            mb / secs.max(1e-9)
        );
        self.shown = true;
    }

    /// Erases the progress line (before a message, or at the end).
    fn clear(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            self.shown = false;
        }
    }

    fn finish(&mut self) {
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Upper-cases text lines; adds the length of JSON records.
    struct Upper;

    impl LineCommand for Upper {
        fn text(&mut self, line: &str, out: &mut Sink<'_>) {
            out.extend_from_slice(line.to_uppercase().as_bytes());
            out.push(b'\n');
        }

        fn record(&mut self, text: &str, record: &Record<'_>, out: &mut Sink<'_>) {
            let n = text.len();
            record.write(&["len"], out, |_, out| crate::record::number(out, n));
        }

        fn fork(&self) -> Option<Box<dyn LineCommand>> {
            Some(Box::new(Upper))
        }
    }

    fn run_on(input: &[u8], format: Format, threads: usize) -> (String, u64) {
        // A directory of its own for each call: tests run in parallel.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("vitext-lines-{}-{call}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("in.txt");
        std::fs::write(&path, input).unwrap();
        let files = [path];
        let run = Run {
            files: &files,
            format,
            threads,
        };
        let mut out = Vec::new();
        let outcome = run.go(Box::new(Upper), &mut out).unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        (String::from_utf8(out).unwrap(), outcome.bad)
    }

    #[test]
    fn a_bad_line_keeps_its_place() {
        let input: &[u8] = b"\xEF\xBB\xBFm\xc3\xb4t\n\xff\xfe\r\nhai\r\r\nba";
        for threads in [1, 2, 3] {
            assert_eq!(
                run_on(input, Format::Text, threads),
                ("MÔT\n\nHAI\nBA\n".to_owned(), 1)
            );
        }
    }

    #[test]
    fn json_lines_pass_other_fields_through() {
        let input: &[u8] =
            b"\xEF\xBB\xBF{\"id\":7,\"text\":\"ab\",\"x\":1e400}\n\n{oops\n{\"id\":8}\n[1]\n";
        assert_eq!(
            run_on(input, Format::JsonLines, 2),
            (
                "{\"id\":7,\"text\":\"ab\",\"x\":1e400,\"len\":2}\n".to_owned(),
                3
            )
        );
    }

    #[test]
    fn utf16_is_named_not_read() {
        assert!(utf16(b"\xFF\xFEa\x00b\x00"));
        let le: Vec<u8> = "Hà Nội, ngày 5/6"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Hà Nội, ngày 5/6"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert!(utf16(&le) && utf16(&be));
        assert!(!utf16("Hà Nội".as_bytes()));
        let (out, bad) = run_on(b"\xFF\xFEa\x00\n\x00", Format::Text, 1);
        assert_eq!((out.as_str(), bad), ("", 1));
    }

    #[test]
    fn many_threads_keep_the_order() {
        let input: String = (0..50_000).map(|n| format!("dòng {n}\n")).collect();
        let one = run_on(input.as_bytes(), Format::Text, 1);
        assert_eq!(one.1, 0);
        assert_eq!(run_on(input.as_bytes(), Format::Text, 2), one);
        assert_eq!(run_on(input.as_bytes(), Format::Text, 5), one);
    }
}
