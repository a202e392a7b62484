//! `vitext analyze FILE`: a report of one article, for reading (aligned,
//! coloured on a terminal) or as one JSON document.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use vitext::Span;
use vitext::extract::{
    DateRange, DateValue, Entity, EntityKind, Extraction, Extractor, LinkKind, Moment, Quantity,
    QuantityKind, Tenure, TimeOfDay, dateline,
};
use vitext::tokenize::{TokenKind, tokens};

use crate::pieces::pieces;

/// How the report is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// Aligned text for reading.
    Text,
    /// One JSON document.
    Json,
}

/// Whether the report is coloured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Color {
    /// Plain text (into a pipe or a file, or with `NO_COLOR`).
    Never,
    /// ANSI codes for headings and positions (on a terminal).
    Ansi,
}

/// Styles for headings and positions: ANSI codes, or nothing.
struct Style {
    heading: (&'static str, &'static str),
    dim: (&'static str, &'static str),
}

impl Style {
    fn new(color: Color) -> Style {
        if color == Color::Ansi {
            Style {
                heading: ("\x1b[1m", "\x1b[0m"),
                dim: ("\x1b[2m", "\x1b[0m"),
            }
        } else {
            Style {
                heading: ("", ""),
                dim: ("", ""),
            }
        }
    }
}

/// Where the report has got to in the text: the line and column (both
/// from 1, the column in characters) of a byte offset, counted forward
/// once over the text (entities come in order).
struct Cursor {
    at: usize,
    line: usize,
    col: usize,
}

impl Cursor {
    fn new() -> Cursor {
        Cursor {
            at: 0,
            line: 1,
            col: 1,
        }
    }

    /// The line and column of byte `to` of `text`, at or after the last.
    fn advance(&mut self, text: &str, to: usize) -> (usize, usize) {
        let to = to.max(self.at);
        for c in text.get(self.at..to).unwrap_or_default().chars() {
            if c == '\n' {
                self.line += 1;
                self.col = 1;
            } else {
                self.col += 1;
            }
        }
        self.at = to;
        (self.line, self.col)
    }
}

/// The rows a section lists, and the names a list of names keeps: a
/// report is for reading, and `vitext extract` gives every entity.
const ROWS: usize = 1000;

/// One row of a section: where, what, and what it means.
struct Row {
    at: (usize, usize),
    text: String,
    kind: &'static str,
    detail: Vec<String>,
}

/// The report's content, written as text or JSON.
struct Report {
    file: String,
    title: Option<String>,
    dateline: Option<(String, String)>,
    people: Section,
    dates: Section,
    documents: Section,
    quantities: Section,
    named: Vec<(&'static str, Names)>,
    tokens: (usize, BTreeMap<&'static str, usize>),
}

/// The first [`ROWS`] rows of a section and how many more there were.
#[derive(Default)]
struct Section {
    rows: Vec<Row>,
    more: usize,
}

impl Section {
    fn push(&mut self, row: impl FnOnce() -> Row) {
        if self.rows.len() < ROWS {
            self.rows.push(row());
        } else {
            self.more += 1;
        }
    }
}

/// Names in the order first met, with how often each is met; past
/// [`ROWS`] names, only how many mentions the others had.
#[derive(Default)]
struct Names {
    order: Vec<String>,
    counts: BTreeMap<String, usize>,
    more: usize,
}

impl Names {
    fn add(&mut self, name: &str) {
        if let Some(n) = self.counts.get_mut(name) {
            *n += 1;
        } else if self.order.len() < ROWS {
            self.order.push(name.to_owned());
            self.counts.insert(name.to_owned(), 1);
        } else {
            self.more += 1;
        }
    }
}

pub fn report(
    file: &str,
    text: &str,
    extractor: &Extractor,
    format: ReportFormat,
    color: Color,
) -> String {
    let mut report = Report {
        file: file.to_owned(),
        title: text
            .lines()
            .next()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty()),
        dateline: None,
        people: Section::default(),
        dates: Section::default(),
        documents: Section::default(),
        quantities: Section::default(),
        named: ["Organizations", "Places", "Credits"]
            .into_iter()
            .map(|h| (h, Names::default()))
            .collect(),
        tokens: token_counts(text),
    };
    // A long text is read in pieces, its people each named in their piece.
    let mut cursor = Cursor::new();
    for (shift, piece) in pieces(text) {
        let found = extractor.extract(piece);
        if shift == 0 {
            report.dateline = dateline(piece, &found)
                .map(|e| (e.text.to_owned(), show_when(e.kind.date(), e.kind.time())));
        }
        let at: Vec<(usize, usize)> = found
            .iter()
            .map(|e| cursor.advance(text, e.span.start + shift))
            .collect();
        let where_ = |k: usize| at.get(k).copied().unwrap_or((0, 0));
        people(&found, &where_, &mut report.people);
        for (k, e) in found.iter().enumerate() {
            let row = |detail: Vec<String>| Row {
                at: where_(k),
                text: e.text.to_owned(),
                kind: e.kind.name(),
                detail,
            };
            match &e.kind {
                EntityKind::Date(_) | EntityKind::Time(_) | EntityKind::DateTime(_) => report
                    .dates
                    .push(|| row(vec![show_when(e.kind.date(), e.kind.time())])),
                EntityKind::DateRange(r) => report.dates.push(|| row(vec![show_range(r)])),
                EntityKind::DocRef(_) => report.documents.push(|| row(document(piece, e))),
                EntityKind::Quantity(q) => report
                    .quantities
                    .push(|| row(vec![show_quantity(piece, q)])),
                EntityKind::Organization(_) | EntityKind::Place(_) | EntityKind::Credit(_) => {
                    let list = match e.kind.name() {
                        "organization" => 0,
                        "place" => 1,
                        _ => 2,
                    };
                    if let Some((_, names)) = report.named.get_mut(list) {
                        names.add(e.text);
                    }
                }
                _ => {}
            }
        }
    }
    match format {
        ReportFormat::Text => report.text(&Style::new(color)),
        ReportFormat::Json => report.json(),
    }
}

fn token_counts(text: &str) -> (usize, BTreeMap<&'static str, usize>) {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut total = 0;
    for t in tokens(text) {
        total += 1;
        let name = match t.kind() {
            TokenKind::Syllable(_) => "syllable",
            k => k.name(),
        };
        *counts.entry(name).or_default() += 1;
    }
    (total, counts)
}

/// Each person named (once, at the first full mention) with every title
/// the text gives them and what each title is of.
fn people(found: &Extraction<'_>, where_: &dyn Fn(usize) -> (usize, usize), rows: &mut Section) {
    // How many other mentions each first mention has, in one pass.
    let mut mentions = vec![0usize; found.len()];
    for (j, e) in found.iter().enumerate() {
        let r = found.referent(j);
        if matches!(e.kind, EntityKind::Person(_)) && r != j {
            if let Some(m) = mentions.get_mut(r) {
                *m += 1;
            }
        }
    }
    // The body or country each title is of, in one pass over the links.
    let mut of = vec![None; found.len()];
    for l in found.links().iter().filter(|l| l.kind == LinkKind::Of) {
        if let Some(slot) = of.get_mut(l.from) {
            *slot = Some(l.to);
        }
    }
    for (k, e) in found.iter().enumerate() {
        let EntityKind::Person(p) = &e.kind else {
            continue;
        };
        if found.referent(k) != k {
            continue;
        }
        let mut about = vec![format!("{:?}", p.form)];
        if let Some(age) = p.age {
            about.push(format!("{age} tuổi"));
        }
        if let Some(year) = p.birth_year {
            about.push(format!("sinh năm {year}"));
        }
        let more = mentions.get(k).copied().unwrap_or(0);
        if more > 0 {
            about.push(format!(
                "{more} more mention{}",
                if more == 1 { "" } else { "s" }
            ));
        }
        let mut detail = vec![about.join(", ")];
        let mut seen: Vec<&str> = Vec::new();
        for t in found.titles_of(k) {
            let title = &found[t];
            if seen.contains(&title.text) {
                continue;
            }
            seen.push(title.text);
            let tenure = match &title.kind {
                EntityKind::Title(v) if v.tenure == Tenure::Former => " (former)",
                EntityKind::Title(v) if v.tenure == Tenure::New => " (new)",
                _ => "",
            };
            let of = of
                .get(t)
                .copied()
                .flatten()
                .map(|o| format!("  — of {} {}", found[o].kind.name(), found[o].text))
                .unwrap_or_default();
            detail.push(format!("{}{tenure}{of}", title.text));
        }
        rows.push(|| Row {
            at: where_(k),
            text: e.text.to_owned(),
            kind: "person",
            detail,
        });
    }
}

fn document(piece: &str, e: &Entity<'_>) -> Vec<String> {
    let EntityKind::DocRef(doc) = &e.kind else {
        return Vec::new();
    };
    let text_of = |s: Span| piece.get(s.start..s.end).unwrap_or_default();
    let mut lines = Vec::new();
    if let Some(code) = &doc.code {
        let ty = code.doc_type.as_ref().map_or_else(
            || code.type_code.clone().unwrap_or_else(|| "-".into()),
            |t| format!("{} ({})", t.abbreviation, t.name),
        );
        lines.push(format!(
            "number {}{}, type {ty}, issuers {}, {:?} system, {:?} form",
            code.number,
            code.year.map(|y| format!("/{y}")).unwrap_or_default(),
            code.issuers.join("-"),
            code.system,
            code.form,
        ));
    }
    if let (Some(noun), Some(ok)) = (doc.type_noun.map(text_of), doc.type_matches) {
        let verdict = if ok {
            "agrees with the code"
        } else {
            "DISAGREES with the code"
        };
        lines.push(format!("noun “{noun}” {verdict}"));
    }
    if let Some(d) = &doc.issue_date {
        lines.push(format!("issued {}", show_when(Some(d), None)));
    }
    if let Some(b) = doc.issuer_body.map(text_of) {
        lines.push(format!("by {b}"));
    }
    if let Some(t) = doc.title.map(text_of) {
        lines.push(format!("title “{t}”"));
    }
    lines
}

/// The width of `s` in characters (what a terminal shows for Vietnamese).
fn width(s: &str) -> usize {
    s.chars().count()
}

impl Report {
    fn sections(&self) -> [(&'static str, &Section); 4] {
        [
            ("People and their titles", &self.people),
            ("Dates and times", &self.dates),
            ("Document references", &self.documents),
            ("Quantities", &self.quantities),
        ]
    }

    fn text(&self, style: &Style) -> String {
        use std::fmt::Write;
        let (h0, h1) = style.heading;
        let (d0, d1) = style.dim;
        let mut out = String::new();
        let _ = writeln!(out, "{h0}{}{h1}", self.file);
        if let Some(t) = &self.title {
            let _ = writeln!(out, "  title     {t}");
        }
        match &self.dateline {
            Some((text, value)) => {
                let _ = writeln!(out, "  dateline  {text}  ({value})");
            }
            None => {
                let _ = writeln!(out, "  dateline  none found");
            }
        }
        for (heading, section) in self.sections() {
            let _ = writeln!(out, "\n{h0}{heading}{h1}");
            let rows = &section.rows;
            if rows.is_empty() {
                let _ = writeln!(out, "  none found");
                continue;
            }
            let place = |r: &Row| format!("{}:{}", r.at.0, r.at.1);
            let wp = rows.iter().map(|r| width(&place(r))).max().unwrap_or(0);
            let wk = rows.iter().map(|r| width(r.kind)).max().unwrap_or(0);
            // Long texts do not widen the column for every row.
            let wt = rows
                .iter()
                .map(|r| width(&r.text))
                .max()
                .unwrap_or(0)
                .min(40);
            for r in rows {
                let p = place(r);
                let pad = |s: &str, w: usize| " ".repeat(w.saturating_sub(width(s)));
                let mut detail = r.detail.iter();
                let _ = writeln!(
                    out,
                    "  {d0}{p}{d1}{}  {}{}  {}{}  {}",
                    pad(&p, wp),
                    r.kind,
                    pad(r.kind, wk),
                    r.text,
                    pad(&r.text, wt),
                    detail.next().map(String::as_str).unwrap_or_default()
                );
                let indent = " ".repeat(2 + wp + 2 + wk + 2 + wt + 2);
                for more in detail {
                    let _ = writeln!(out, "{indent}{more}");
                }
            }
            if section.more > 0 {
                let _ = writeln!(out, "  … and {} more", section.more);
            }
        }
        for (heading, names) in &self.named {
            let _ = writeln!(out, "\n{h0}{heading}{h1}");
            if names.order.is_empty() {
                let _ = writeln!(out, "  none found");
            }
            for name in &names.order {
                let times = match names.counts.get(name) {
                    Some(&n) if n > 1 => format!("  ×{n}"),
                    _ => String::new(),
                };
                let _ = writeln!(out, "  {name}{times}");
            }
            if names.more > 0 {
                let _ = writeln!(out, "  … and {} more mentions of other names", names.more);
            }
        }
        let _ = writeln!(out, "\n{h0}Tokens: {}{h1}", self.tokens.0);
        let wk = self.tokens.1.keys().map(|k| width(k)).max().unwrap_or(0);
        for (k, n) in &self.tokens.1 {
            let _ = writeln!(out, "  {k}{}  {n:>6}", " ".repeat(wk - width(k)));
        }
        out
    }

    fn json(&self) -> String {
        let rows = |section: &Section| -> Value {
            let rows: Value = section
                .rows
                .iter()
                .map(|r| {
                    json!({
                        "line": r.at.0,
                        "column": r.at.1,
                        "kind": r.kind,
                        "text": r.text,
                        "detail": r.detail,
                    })
                })
                .collect();
            json!({"rows": rows, "more": section.more})
        };
        let named: serde_json::Map<String, Value> = self
            .named
            .iter()
            .map(|(heading, names)| {
                let list: Value = names
                    .order
                    .iter()
                    .map(|name| json!({"text": name, "count": names.counts.get(name)}))
                    .collect();
                let value = json!({"names": list, "more_mentions": names.more});
                (heading.to_lowercase(), value)
            })
            .collect();
        let doc = json!({
            "file": self.file,
            "title": self.title,
            "dateline": self.dateline.as_ref().map(|(t, v)| json!({"text": t, "value": v})),
            "people": rows(&self.people),
            "dates": rows(&self.dates),
            "documents": rows(&self.documents),
            "quantities": rows(&self.quantities),
            "named": named,
            "tokens": {"total": self.tokens.0, "by_kind": self.tokens.1},
        });
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// A date, a time or both: `2024-01-11 14:40 Thursday ✓`.
fn show_when(date: Option<&DateValue>, time: Option<&TimeOfDay>) -> String {
    let mut s = String::new();
    if let Some(v) = date {
        match (v.year, v.assumed_year) {
            (Some(y), _) => s.push_str(&format!("{y:04}")),
            (None, Some(y)) => s.push_str(&format!("({y:04})")),
            _ => s.push_str("????"),
        }
        if let Some(q) = v.quarter {
            s.push_str(&format!("-Q{q}"));
        }
        if let Some(m) = v.month {
            s.push_str(&format!("-{m:02}"));
        }
        if let Some(w) = v.week {
            s.push_str(&format!("-W{w:02}"));
        }
        if let Some(d) = v.day {
            s.push_str(&format!("-{d:02}"));
        }
    }
    if let Some(t) = time {
        s.push_str(&format!(" {:02}:{:02}", t.hour, t.minute.unwrap_or(0)));
    }
    let part = date
        .and_then(|v| v.part_of_day)
        .or(time.and_then(|t| t.part_of_day));
    if let Some(p) = part {
        s.push_str(&format!(" {p:?}"));
    }
    if let Some(v) = date {
        if let Some(w) = v.weekday {
            let check = match v.weekday_matches {
                Some(true) => " ✓",
                Some(false) => " ✗ (does not match the date)",
                None => "",
            };
            s.push_str(&format!(" {w:?}{check}"));
        }
    }
    s.trim().to_owned()
}

fn show_range(r: &DateRange) -> String {
    let end = |m: &Moment| show_when(m.date(), m.time());
    format!("{} → {}", end(&r.from), end(&r.to))
}

fn show_quantity(piece: &str, q: &Quantity) -> String {
    let kind = match q.kind {
        QuantityKind::Number => "Number",
        QuantityKind::Count { .. } => "Count",
        QuantityKind::Percent => "Percent",
        QuantityKind::Ratio { .. } => "Ratio",
        QuantityKind::Money { .. } => "Money",
        QuantityKind::Ordinal { .. } => "Ordinal",
        _ => "Quantity",
    };
    let mut s = format!("{kind} {}", q.value);
    if let Some(u) = q.upper {
        s.push_str(&format!("–{u}"));
    }
    if let QuantityKind::Ratio { denominator, .. } = q.kind {
        s.push_str(&format!("/{denominator}"));
    }
    if let Some(u) = q.unit().and_then(|u| piece.get(u.start..u.end)) {
        s.push_str(&format!(" {u}"));
    }
    if let Some(a) = q.approximation {
        s.push_str(&format!(" ({a:?})"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "Tiêu đề\nSáng 10.1, ông Nguyễn Văn A đến Hà Nội.";
        let mut cursor = Cursor::new();
        assert_eq!(cursor.advance(text, 0), (1, 1));
        let sang = text.find("Sáng").unwrap();
        assert_eq!(cursor.advance(text, sang), (2, 1));
        let ha = text.find("Hà Nội").unwrap();
        assert_eq!(cursor.advance(text, ha), (2, 33));
        // Never backwards.
        assert_eq!(cursor.advance(text, sang), (2, 33));
    }

    #[test]
    fn a_long_text_is_reported_in_pieces_with_capped_sections() {
        let sentence = "Sáng 10.1, ông Nguyễn Văn A, Giám đốc Sở Y tế, đến Hà Nội.\n";
        let text = sentence.repeat(crate::pieces::LONG_LINE / sentence.len() + 100);
        let out = report(
            "long.txt",
            &text,
            &Extractor::default(),
            ReportFormat::Json,
            Color::Never,
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        let dates = &v["dates"];
        assert_eq!(dates["rows"].as_array().map(Vec::len), Some(ROWS));
        let lines = text.lines().count() as u64;
        assert_eq!(dates["more"].as_u64(), Some(lines - ROWS as u64));
        // Positions run on across pieces.
        assert_eq!(dates["rows"][ROWS - 1]["line"].as_u64(), Some(ROWS as u64));
    }

    #[test]
    fn json_report_is_one_document() {
        let text = "Tiêu đề\nSáng 10.1, ông Nguyễn Văn A, Giám đốc Sở Y tế, nhận Quyết định số 12/QĐ-UBND.";
        let extractor = Extractor::default();
        let of = |format, color| report("a.txt", text, &extractor, format, color);
        let out = of(ReportFormat::Json, Color::Never);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["file"], "a.txt");
        assert_eq!(v["people"]["rows"][0]["text"], "Nguyễn Văn A");
        assert_eq!(v["people"]["rows"][0]["line"], 2);
        assert_eq!(
            v["documents"]["rows"][0]["text"],
            "Quyết định số 12/QĐ-UBND"
        );
        let plain = of(ReportFormat::Text, Color::Never);
        assert!(!plain.contains('\x1b'));
        let colored = of(ReportFormat::Text, Color::Ansi);
        assert!(colored.contains("\x1b[1m"));
    }
}
