//! The `vitext` tool as a user meets it: help, bad input, closed pipes, a
//! full disk, directories among the files, threads. Built with the `cli`
//! feature (`cargo test --all-features`).
#![cfg(feature = "cli")]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};

fn vitext() -> Command {
    Command::new(env!("CARGO_BIN_EXE_vitext"))
}

/// Starts `vitext args`, its output piped, and a thread writing `input` to
/// its standard input (the thread ends when the input is written or the
/// tool stops reading).
fn start(args: &[&str], input: &[u8]) -> (Child, std::thread::JoinHandle<()>) {
    let mut child = vitext()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vitext runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    (child, writer)
}

/// Runs `vitext args` with `input` on standard input.
fn run(args: &[&str], input: &[u8]) -> Output {
    let (child, writer) = start(args, input);
    let output = child.wait_with_output().expect("vitext ends");
    let _ = writer.join();
    output
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A directory of its own for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vitext-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn help_and_version() {
    let version = run(&["--version"], b"");
    assert!(version.status.success());
    assert_eq!(
        text(&version.stdout).trim(),
        format!("vitext {}", env!("CARGO_PKG_VERSION"))
    );
    for command in [
        "normalize",
        "fold",
        "decode",
        "tokenize",
        "extract",
        "analyze",
    ] {
        let help = run(&[command, "--help"], b"");
        assert!(help.status.success(), "{command} --help");
        let shown = text(&help.stdout);
        assert!(shown.contains("Usage: vitext"), "{command}: {shown}");
        assert!(shown.contains("Example"), "{command} --help has an example");
    }
    let unknown = run(&["extract", "--bogus"], b"");
    assert_eq!(unknown.status.code(), Some(2));
    assert!(text(&unknown.stderr).contains("--bogus"));
    for threads in ["0", "300", "two"] {
        let bad = run(&["tokenize", "--threads", threads], b"");
        assert_eq!(bad.status.code(), Some(2), "--threads {threads}");
    }
    let date = run(&["extract", "--reference-date", "2024-02-31"], b"");
    assert_eq!(date.status.code(), Some(2));
    assert!(text(&date.stderr).contains("29 days"));
}

#[test]
fn bad_json_lines_are_named_and_the_rest_pass_through() {
    let mut input =
        b"\xEF\xBB\xBF{\"id\":1,\"n\":18446744073709551616,\"text\":\"n\xC4\x83m 2023\"}\n"
            .to_vec();
    input.extend_from_slice(b"{\"id\":2,\"text\":\"\xFF\"}\n"); // 2: invalid UTF-8
    input.extend_from_slice(b"{\"id\":3,\"text\":\n"); // 3: bad JSON
    input.extend_from_slice(b"{\"id\":4}\n"); // 4: no text
    input.extend_from_slice(b"{\"id\":5,\"text\":5}\n"); // 5: not a string
    input.extend_from_slice(b"[\"text\"]\n"); // 6: not an object
    input.extend_from_slice(b"\n"); // 7: blank, no record
    input.extend_from_slice(b"{\"x\": 1e400, \"text\": \"ng\xC3\xA0y 5/6\"}\r\n"); // 8
    let out = run(&["extract", "--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(lines[0].starts_with("{\"id\":1,\"n\":18446744073709551616,\"text\":\"năm 2023\","));
    assert!(lines[0].contains("\"entities\":[{\"kind\":\"date\""));
    // Each field as written; the separators between fields are plain commas.
    assert!(lines[1].starts_with("{\"x\": 1e400,\"text\": \"ngày 5/6\","));
    let stderr = text(&out.stderr);
    for (number, reason) in [
        (2, "invalid UTF-8"),
        (3, "bad JSON"),
        (4, "no \"text\" field"),
        (5, "\"text\" is not a string"),
        (6, "not a JSON object"),
    ] {
        assert!(
            stderr.contains(&format!("<stdin>:{number}: {reason}")),
            "line {number}: {stderr}"
        );
    }
    assert!(!stderr.contains(":7:") && !stderr.contains(":8:") && !stderr.contains(":1:"));
}

#[test]
fn a_bad_plain_line_keeps_the_lines_aligned() {
    let out = run(&["normalize"], b"mot\n\xFF\nba\r\r\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "mot\n\nba\n");
    assert!(text(&out.stderr).contains("<stdin>:2: invalid UTF-8"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let line = "Sáng 10.1, ông Nguyễn Văn A nhận Quyết định số 12/QĐ-UBND ngày 5/6/2023.\n";
    let input = line.repeat(20_000);
    for command in ["tokenize", "extract", "normalize"] {
        let (mut child, writer) = start(&[command], input.as_bytes());
        let mut first = [0u8; 64];
        let mut stdout = child.stdout.take().expect("stdout");
        let _ = stdout.read(&mut first);
        drop(stdout);
        let out = child.wait_with_output().expect("vitext ends");
        let _ = writer.join();
        let stderr = text(&out.stderr);
        assert!(!stderr.contains("panicked"), "{command}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{command}: {stderr}");
    }
}

#[test]
fn a_full_disk_is_an_error_message() {
    // The report, and a line command on one thread (writing on as it goes)
    // and on two.
    let article = "examples/data/party-conference.txt";
    for args in [
        vec!["analyze", article],
        vec!["tokenize", "--threads", "1", article],
        vec!["tokenize", "--threads", "2", article],
    ] {
        let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
            return; // Not Linux: nothing to test against.
        };
        let out = vitext()
            .args(&args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("vitext runs");
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.contains("cannot write the output"),
            "{args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn a_directory_among_the_files_is_named_and_skipped() {
    let dir = scratch("dir");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Hoà bình\n").expect("write");
    let out = vitext()
        .arg("fold")
        .arg(&dir)
        .arg(&good)
        .output()
        .expect("vitext runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "Hoa binh\n");
    assert!(text(&out.stderr).contains("is a directory, skipped"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn threads_keep_the_input_order() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut input = String::new();
    for entry in std::fs::read_dir(&root).expect("examples/data") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|x| x == "txt") {
            for line in std::fs::read_to_string(&path).expect("article").lines() {
                let record = serde_json::json!({"file": path.file_name().and_then(|n| n.to_str()), "text": line});
                input.push_str(&record.to_string());
                input.push('\n');
            }
        }
    }
    // Enough lines that every thread gets a share of each batch.
    let input = input.repeat(40);
    let one = run(&["extract", "--jsonl", "--threads", "1"], input.as_bytes());
    assert!(one.status.success(), "{}", text(&one.stderr));
    for threads in ["2", "3"] {
        let many = run(
            &["extract", "--jsonl", "--threads", threads],
            input.as_bytes(),
        );
        assert!(many.status.success());
        assert!(
            many.stdout == one.stdout,
            "--threads {threads} changed the output"
        );
    }
}

#[test]
fn analyze_reports_people_with_their_titles() {
    let out = vitext()
        .args(["analyze", "examples/data/party-conference.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vitext runs");
    assert!(out.status.success());
    let report = text(&out.stdout);
    assert!(!report.contains('\x1b'), "no colour into a pipe");
    assert!(report.contains("Trần Văn Hòa"), "{report}");
    assert!(report.contains("Trưởng Ban Tổ chức Tỉnh ủy"), "{report}");
    let json = vitext()
        .args([
            "analyze",
            "--format",
            "json",
            "examples/data/party-conference.txt",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("vitext runs");
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).expect("one JSON document");
    assert!(
        doc["people"]["rows"]
            .as_array()
            .is_some_and(|p| !p.is_empty())
    );
}

#[test]
fn extract_normalizes_damaged_text_on_request() {
    let input = "Sa\u{301}ng 10.1, ông Nguye\u{302}\u{303}n Văn An đến HÐND tỉnh.\n";
    let plain = text(&run(&["extract"], input.as_bytes()).stdout);
    let fixed = text(&run(&["extract", "--normalize"], input.as_bytes()).stdout);
    // Without it the decomposed words hide the date and the name.
    assert!(!plain.contains("\tdate\t"), "{plain}");
    let rows: Vec<Vec<&str>> = fixed
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("link"))
        .map(|l| l.split('\t').collect())
        .collect();
    let kinds: Vec<&str> = rows.iter().map(|r| r[2]).collect();
    assert_eq!(kinds, ["date", "person", "organization"], "{fixed}");
    for r in &rows {
        let (start, end): (usize, usize) = (r[0].parse().unwrap(), r[1].parse().unwrap());
        assert_eq!(&input[start..end], r[3], "{fixed}");
    }
}

#[test]
fn extract_leaves_out_names_on_request() {
    let input = "Sáng 10.1, ông Nguyễn Văn An, Giám đốc Sở Y tế, ký Quyết định 12/QĐ-SYT.\n";
    let kinds = |out: &str| -> Vec<String> {
        out.lines()
            .filter(|l| !l.is_empty() && !l.starts_with("link"))
            .map(|l| l.split('\t').nth(2).unwrap_or_default().to_owned())
            .collect()
    };
    let all = text(&run(&["extract"], input.as_bytes()).stdout);
    let some = text(&run(&["extract", "--without-names"], input.as_bytes()).stdout);
    assert!(kinds(&all).iter().any(|k| k == "person"), "{all}");
    assert_eq!(kinds(&some), ["date", "doc_ref"], "{some}");
    // No link to a name is left behind.
    assert!(!some.contains("holds"), "{some}");
}
