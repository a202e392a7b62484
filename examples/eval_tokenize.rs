//! Compares the tokenizer's syllable and punctuation boundaries with the
//! Vietnamese VTB treebank (Universal Dependencies) in `../shared/data/ud_vtb/`.
//!
//! For each sentence, the gold units are the FORM column split on spaces
//! (the treebank's words are syllables joined by spaces); ours are the tokens
//! of the `# text` line. Both are laid over the sentence with its whitespace
//! removed, and the boundaries between units are compared: precision is the
//! share of our boundaries that are gold, recall the share of gold ones we
//! find. "Inside words" counts only boundaries with no space there in the
//! text, the ones a tokenizer can get wrong. The most frequent disagreements
//! are printed by shape (letters as `a`/`A`, digits as `9`) with an example.
//!
//! ```text
//! cargo run --release --example eval_tokenize -- ../shared/data/ud_vtb
//! ```

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::process::ExitCode;

use vitext::tokenize::{is_gap, tokens};

const FILES: [&str; 2] = ["vi_vtb-ud-train.conllu", "vi_vtb-ud-dev.conllu"];

#[derive(Default)]
struct Counts {
    ours: usize,
    gold: usize,
    both: usize,
}

impl Counts {
    fn report(&self, label: &str) {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                "n/a".to_string()
            } else {
                format!("{:.4}", a as f64 / b as f64)
            }
        };
        println!(
            "{label:<14} precision {} ({}/{})  recall {} ({}/{})",
            ratio(self.both, self.ours),
            self.both,
            self.ours,
            ratio(self.both, self.gold),
            self.both,
            self.gold
        );
    }
}

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/ud_vtb"));
    let mut as_written = Eval::default();
    let mut glued = Eval::default();
    let mut sentences = 0;
    let mut skipped = 0;
    for name in FILES {
        let path = dir.join(name);
        let Ok(data) = std::fs::read_to_string(&path) else {
            eprintln!(
                "eval_tokenize: cannot read {}: the reference data is missing",
                path.display()
            );
            return ExitCode::FAILURE;
        };
        for block in data.split("\n\n") {
            let Some(text) = block
                .lines()
                .find_map(|l| l.strip_prefix("# text"))
                .and_then(|l| l.trim_start().strip_prefix('='))
                .map(str::trim)
            else {
                continue;
            };
            let gold_units: Vec<&str> = block
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut cols = l.split('\t');
                    let id = cols.next()?;
                    let form = cols.next()?;
                    id.parse::<usize>().is_ok().then_some(form)
                })
                .flat_map(str::split_whitespace)
                .collect();
            sentences += 1;
            let detokenized = detokenize(&gold_units);
            for (text, eval) in [(text, &mut as_written), (detokenized.as_str(), &mut glued)] {
                if !eval.compare(text, &gold_units) {
                    skipped += 1;
                }
            }
        }
    }
    println!(
        "UD Vietnamese VTB train+dev: {sentences} sentences, {skipped} comparisons skipped (text and FORMs differ)"
    );
    println!("\n# text as written (the treebank spaces out most punctuation)");
    as_written.report();
    println!(
        "\n# the FORMs rejoined as news text: no space before , . ; : ! ? ) % ... nor after ("
    );
    glued.report();
    ExitCode::SUCCESS
}

/// Boundary counts and disagreements for one way of writing the sentences.
#[derive(Default)]
struct Eval {
    all: Counts,
    inside: Counts,
    /// (ours only or gold only, shape of the word) -> (count, example).
    diffs: HashMap<(&'static str, String), (usize, String)>,
}

impl Eval {
    /// Compares our tokens of `text` with the gold units; `false` when the
    /// two do not cover the same characters.
    fn compare(&mut self, text: &str, gold_units: &[&str]) -> bool {
        // Offsets into the text with its gaps removed.
        let mut squeezed = vec![0usize; text.len() + 1];
        let mut n = 0;
        for (i, c) in text.char_indices() {
            squeezed[i] = n;
            if !is_gap(c) {
                n += c.len_utf8();
            }
        }
        squeezed[text.len()] = n;
        let joined: String = text.chars().filter(|&c| !is_gap(c)).collect();
        if joined != gold_units.concat() {
            return false;
        }
        // The end of the sentence is no boundary between units.
        let mut gold = BTreeSet::new();
        let mut at = 0;
        for unit in gold_units {
            at += unit.len();
            gold.insert(at);
        }
        gold.remove(&n);
        let mut ours: BTreeSet<usize> = tokens(text).map(|t| squeezed[t.end()]).collect();
        ours.remove(&n);
        // A boundary is "inside a word" when no gap separates the sides.
        let spaced: BTreeSet<usize> = text
            .char_indices()
            .filter(|&(_, c)| is_gap(c))
            .map(|(i, _)| squeezed[i])
            .collect();
        for (set, other, label) in [(&ours, &gold, "ours only"), (&gold, &ours, "gold only")] {
            for &b in set.difference(other) {
                let chunk = chunk_around(text, &squeezed, b);
                let entry = self
                    .diffs
                    .entry((label, shape(chunk)))
                    .or_insert((0, chunk.to_string()));
                entry.0 += 1;
            }
        }
        for (counts, inside_only) in [(&mut self.all, false), (&mut self.inside, true)] {
            let keep = |b: &&usize| !inside_only || !spaced.contains(*b);
            counts.ours += ours.iter().filter(keep).count();
            counts.gold += gold.iter().filter(keep).count();
            counts.both += ours.intersection(&gold).filter(keep).count();
        }
        true
    }

    fn report(&self) {
        self.all.report("all");
        self.inside.report("inside words");
        let mut diffs: Vec<_> = self.diffs.iter().collect();
        diffs.sort_by(|a, b| b.1.0.cmp(&a.1.0).then(a.0.cmp(b.0)));
        println!("most frequent disagreements (boundary, shape of the word, count, example):");
        for ((label, shape), (count, example)) in diffs.iter().take(20) {
            println!("  {label:<10} {shape:<16} {count:>5}  {example}");
        }
    }
}

/// Joins the gold units the way news text is written.
fn detokenize(units: &[&str]) -> String {
    let mut out = String::new();
    let mut glue_next = true;
    for unit in units {
        let closing = matches!(*unit, "," | "." | ";" | ":" | "!" | "?" | ")" | "%" | "...");
        if !glue_next && !closing {
            out.push(' ');
        }
        out.push_str(unit);
        glue_next = *unit == "(";
    }
    out
}

/// The whitespace-delimited piece of `text` around squeezed offset `b`.
fn chunk_around<'t>(text: &'t str, squeezed: &[usize], b: usize) -> &'t str {
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_gap(c) {
            if squeezed[i] >= b && i > start {
                return &text[start..i];
            }
            start = i + c.len_utf8();
        }
    }
    &text[start..]
}

/// Letters as `a`/`A`, digits as `9`, runs squeezed: `TP.HCM` → `A.A`.
fn shape(chunk: &str) -> String {
    let mut out = String::new();
    for c in chunk.chars() {
        let s = if c.is_uppercase() {
            'A'
        } else if c.is_alphabetic() {
            'a'
        } else if c.is_ascii_digit() {
            '9'
        } else {
            c
        };
        if !out.ends_with(s) || !s.is_alphanumeric() {
            out.push(s);
        }
    }
    out
}
