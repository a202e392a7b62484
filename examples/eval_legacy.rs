//! Measures the legacy decoders and detection against the reference data in
//! `../shared/data/legacy/` (generated with GNU recode and glibc iconv).
//!
//! 1. `syllable_legacy_encodings.tsv`: for each encoding, the share of rows
//!    that decode exactly from the hex bytes and from the Windows-1252
//!    surface (mojibake) strings, and the share the encoder writes with the
//!    same bytes. TCVN3 is measured on the rows marked
//!    `tcvn3_abc_representable=1`.
//! 2. `vni_synthetic_line_pairs.jsonl`: the share of VNI lines repaired
//!    exactly.
//! 3. Detection: lines of 3 to 6 syllables built from the table in each
//!    encoding (as bytes with `detect`, as mojibake with `detect_str`), the
//!    same lines in Unicode, and English, French and German sentences written
//!    for this test; printed as a confusion table.
//!
//! ```text
//! cargo run --release --example eval_legacy -- ../shared/data/legacy
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use vitext::decode::{Encoding, detect, detect_str};

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("../shared/data/legacy"));
    let table_path = dir.join("syllable_legacy_encodings.tsv");
    let lines_path = dir.join("vni_synthetic_line_pairs.jsonl");
    let (Ok(table), Ok(pairs)) = (
        std::fs::read_to_string(&table_path),
        std::fs::read_to_string(&lines_path),
    ) else {
        eprintln!(
            "eval_legacy: cannot read {} or {}: the reference data is missing",
            table_path.display(),
            lines_path.display()
        );
        return ExitCode::FAILURE;
    };
    let rows = match parse_rows(&table) {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("eval_legacy: {}: {e}", table_path.display());
            return ExitCode::FAILURE;
        }
    };
    let mut perfect = rows_exact(&rows);
    perfect &= vni_lines(&pairs, &lines_path);
    perfect &= detection(&rows);
    article_lines();
    if perfect {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One row of the syllable table.
struct Row {
    unicode: String,
    viqr: String,
    vni_surface: String,
    vni: Vec<u8>,
    tcvn_surface: String,
    tcvn: Vec<u8>,
    tcvn3_ok: bool,
    viscii: Vec<u8>,
    cp1258: Vec<u8>,
}

impl Row {
    /// The row's bytes in `encoding`, and its Windows-1252 surface string.
    fn bytes(&self, encoding: Encoding) -> (Vec<u8>, String) {
        match encoding {
            Encoding::Tcvn3 => (self.tcvn.clone(), self.tcvn_surface.clone()),
            Encoding::Vni => (self.vni.clone(), self.vni_surface.clone()),
            Encoding::Viqr => (self.viqr.as_bytes().to_vec(), self.viqr.clone()),
            Encoding::Viscii => (self.viscii.clone(), windows_1252(&self.viscii)),
            Encoding::Cp1258 => (self.cp1258.clone(), windows_1252(&self.cp1258)),
            _ => unreachable!("the table has no other encodings"),
        }
    }

    fn in_scope(&self, encoding: Encoding) -> bool {
        encoding != Encoding::Tcvn3 || self.tcvn3_ok
    }
}

/// Reads bytes as Windows-1252, undefined bytes as the C1 controls (the
/// WHATWG reading, which is how the table's surface columns were made).
fn windows_1252(bytes: &[u8]) -> String {
    encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned()
}

fn hex(s: &str) -> Result<Vec<u8>, String> {
    if s.len() % 2 != 0 {
        return Err(format!("odd hex {s:?}"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| {
            s.get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("bad hex {s:?}"))
        })
        .collect()
}

fn parse_rows(text: &str) -> Result<Vec<Row>, String> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().ok_or("empty file")?.split('\t').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .ok_or_else(|| format!("no column {name}"))
    };
    let c = [
        col("unicode_nfc")?,
        col("viqr")?,
        col("vni_surface_cp1252")?,
        col("vni_hex")?,
        col("tcvn_surface_cp1252")?,
        col("tcvn_hex")?,
        col("tcvn3_abc_representable")?,
        col("viscii_hex")?,
        col("cp1258_hex")?,
    ];
    let mut rows = Vec::new();
    for (n, line) in lines.enumerate() {
        let f: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| {
            f.get(c[i])
                .copied()
                .ok_or_else(|| format!("line {}: short row", n + 2))
        };
        rows.push(Row {
            unicode: get(0)?.to_string(),
            viqr: get(1)?.to_string(),
            vni_surface: get(2)?.to_string(),
            vni: hex(get(3)?)?,
            tcvn_surface: get(4)?.to_string(),
            tcvn: hex(get(5)?)?,
            tcvn3_ok: get(6)? == "1",
            viscii: hex(get(7)?)?,
            cp1258: hex(get(8)?)?,
        });
    }
    Ok(rows)
}

const TABLE_ENCODINGS: [Encoding; 5] = [
    Encoding::Tcvn3,
    Encoding::Vni,
    Encoding::Viqr,
    Encoding::Viscii,
    Encoding::Cp1258,
];

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

fn rows_exact(rows: &[Row]) -> bool {
    println!("## Syllable table: rows decoded exactly\n");
    println!(
        "| encoding | rows | from bytes | from cp1252 surface | encoder gives the same bytes |"
    );
    println!("|---|---:|---:|---:|---:|");
    let mut perfect = true;
    for encoding in TABLE_ENCODINGS {
        let (mut total, mut bytes_ok, mut surface_ok, mut encode_same) = (0, 0, 0, 0);
        let mut misses = Vec::new();
        for row in rows.iter().filter(|r| r.in_scope(encoding)) {
            total += 1;
            let (bytes, surface) = row.bytes(encoding);
            match encoding.decode(&bytes) {
                Ok(s) if s == row.unicode => bytes_ok += 1,
                other => misses.push(format!("bytes {:?}: {other:?}", row.unicode)),
            }
            match encoding.repair(&surface) {
                Ok(s) if s == row.unicode => surface_ok += 1,
                other => misses.push(format!("surface {surface:?} {:?}: {other:?}", row.unicode)),
            }
            if encoding.encode(&row.unicode).as_deref() == Ok(bytes.as_slice()) {
                encode_same += 1;
            }
        }
        perfect &= bytes_ok == total && surface_ok == total;
        println!(
            "| {encoding} | {total} | {bytes_ok} ({:.2}%) | {surface_ok} ({:.2}%) | {encode_same} ({:.2}%) |",
            pct(bytes_ok, total),
            pct(surface_ok, total),
            pct(encode_same, total)
        );
        for miss in misses.iter().take(5) {
            println!("  miss: {miss}");
        }
    }
    println!();
    perfect
}

fn vni_lines(pairs: &str, path: &Path) -> bool {
    let (mut total, mut repaired, mut decoded, mut trimmed) = (0, 0, 0, 0);
    let mut misses = Vec::new();
    for (n, line) in pairs
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            eprintln!("eval_legacy: {}: line {}: bad JSON", path.display(), n + 1);
            return false;
        };
        let (Some(surface), Some(unicode)) =
            (value["vni_surface"].as_str(), value["unicode"].as_str())
        else {
            eprintln!(
                "eval_legacy: {}: line {}: missing fields",
                path.display(),
                n + 1
            );
            return false;
        };
        total += 1;
        match Encoding::Vni.repair(surface) {
            Ok(s) if s == unicode => repaired += 1,
            // The surface column lost some lines' tabs.
            Ok(s) if same_words(&s, unicode) => trimmed += 1,
            other => misses.push(format!("line {}: {other:?} != {unicode:?}", n + 1)),
        }
        // The same line as raw bytes.
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(surface);
        if !unmappable && Encoding::Vni.decode(&bytes).as_deref() == Ok(unicode) {
            decoded += 1;
        }
    }
    println!("## VNI line pairs\n");
    println!(
        "{repaired} / {total} lines exact from the surface strings ({:.2}%), {decoded} / {total} from bytes ({:.2}%)",
        pct(repaired, total),
        pct(decoded, total)
    );
    println!(
        "{trimmed} more lines equal up to white space (the surface column lacks tabs the Unicode column has); {} lines differ otherwise",
        misses.len()
    );
    for miss in misses.iter().take(10) {
        println!("  miss: {miss}");
    }
    println!();
    misses.is_empty() && total > 0
}

/// Whether two lines have the same words, whatever the white space.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// A small deterministic generator, so that runs are comparable.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, bound: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % bound.max(1)
    }
}

const ENGLISH: &[&str] = &[
    "The city council approved the new budget on Tuesday evening.",
    "Prices for rice and coffee rose sharply in the third quarter.",
    "She said the project would be finished before the rainy season.",
    "Where are you going after the meeting?",
    "We will go to the market tomorrow morning.",
    "The minister met a delegation from the provincial government.",
    "Exports of electronics grew by twelve percent last year.",
    "He doesn't think the bridge can be repaired in time.",
    "I'm not sure, but I'll ask the director about it.",
    "Is it true that the factory will close next month?",
    "The report was published by the national statistics office.",
    "Heavy rain caused flooding in several northern districts.",
    "Let's go. The bus leaves at half past seven.",
    "Students from the university joined the volunteer campaign.",
    "The company plans to open two new branches in the south.",
    "A new law on land use takes effect in January.",
    "No one expected the team to win the final so easily.",
    "They're building a hospital near the old railway station.",
    "The museum holds more than ten thousand objects.",
    "Can you send me the figures by Friday?",
    "Tourism recovered quickly after the border reopened.",
    "The festival attracts visitors from all over the region.",
    "Officials warned that the drought may last until May.",
    "Our reporter spoke to farmers in the Mekong Delta.",
    "So far, so good. We'll see what happens next.",
];

const FRENCH: &[&str] = &[
    "Le café était très célèbre à Paris, où l'été est doux.",
    "Le conseil municipal a approuvé le budget mardi soir.",
    "Les prix du riz ont augmenté au troisième trimestre.",
    "Elle a déclaré que le projet serait achevé avant l'hiver.",
    "Où allez-vous après la réunion de ce matin ?",
    "Le ministre a reçu une délégation du gouvernement provincial.",
    "Les exportations ont progressé de douze pour cent l'année dernière.",
    "Il ne pense pas que le pont puisse être réparé à temps.",
    "La fête attire des visiteurs de toute la région.",
    "Des pluies diluviennes ont provoqué des inondations dans le nord.",
    "Les étudiants de l'université ont rejoint la campagne bénévole.",
    "Une nouvelle loi sur l'utilisation des terres entre en vigueur.",
    "Le musée possède plus de dix mille objets.",
    "Pouvez-vous m'envoyer les chiffres avant vendredi ?",
    "Le tourisme a repris rapidement après la réouverture des frontières.",
    "Notre correspondant a rencontré des agriculteurs du delta du Mékong.",
    "À côté de l'église, il y a un hôtel très agréable.",
    "Ça coûte cher, mais c'est la qualité qui compte.",
    "Les élèves préfèrent étudier à la bibliothèque.",
    "Noël approche et les rues sont déjà illuminées.",
];

const GERMAN: &[&str] = &[
    "Die Straße in München ist schön und sehr ruhig.",
    "Der Stadtrat hat den Haushalt am Dienstag beschlossen.",
    "Die Preise für Reis und Kaffee sind stark gestiegen.",
    "Über hundert Schüler nahmen an der Veranstaltung teil.",
    "Der Minister empfing eine Delegation aus der Provinz.",
    "Die Exporte wuchsen im letzten Jahr um zwölf Prozent.",
    "Er glaubt nicht, dass die Brücke rechtzeitig repariert wird.",
    "Das Museum besitzt mehr als zehntausend Gegenstände.",
    "Können Sie mir die Zahlen bis Freitag schicken?",
    "Müller und Söhne eröffnen ein Geschäft in Köln.",
];

/// What a detection counts as.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    Found(Encoding),
    Nothing,
}

impl Outcome {
    fn label(self) -> &'static str {
        match self {
            Outcome::Found(e) => e.name(),
            Outcome::Nothing => "none",
        }
    }
}

fn outcome(found: Option<vitext::decode::Detection>) -> Outcome {
    found.map_or(Outcome::Nothing, |d| Outcome::Found(d.encoding()))
}

/// Counts for one row of the confusion table.
#[derive(Default)]
struct Confusion {
    cells: BTreeMap<Outcome, usize>,
    total: usize,
    correct: usize,
    /// Wrong label, but the label decodes the line to the same text.
    equivalent: usize,
    /// `None` on a line that reads the same as Windows-1252.
    indistinguishable: usize,
    /// A few lines that went wrong, for the report.
    misses: Vec<String>,
}

fn detection(rows: &[Row]) -> bool {
    const LINES: usize = 2000;
    let mut rng = Lcg(0x005e_ed1e_9ac7);
    let mut table: Vec<(String, Confusion)> = Vec::new();
    let mut unicode_lines: Vec<String> = Vec::new();

    for encoding in TABLE_ENCODINGS {
        let scoped: Vec<&Row> = rows.iter().filter(|r| r.in_scope(encoding)).collect();
        let mut as_bytes = Confusion::default();
        let mut as_text = Confusion::default();
        for _ in 0..LINES {
            let words = 3 + rng.next(4);
            let picked: Vec<&Row> = (0..words).map(|_| scoped[rng.next(scoped.len())]).collect();
            let unicode = picked
                .iter()
                .map(|r| r.unicode.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let mut bytes = Vec::new();
            let mut surface = String::new();
            for (i, r) in picked.iter().enumerate() {
                if i > 0 {
                    bytes.push(b' ');
                    surface.push(' ');
                }
                let (b, s) = r.bytes(encoding);
                bytes.extend_from_slice(&b);
                surface.push_str(&s);
            }
            let plain_same = windows_1252(&bytes) == unicode;
            let found = outcome(detect(&bytes));
            if !tally(&mut as_bytes, encoding, found, plain_same, |e| {
                e.decode(&bytes).ok().as_deref() == Some(unicode.as_str())
            }) && as_bytes.misses.len() < 8
            {
                as_bytes
                    .misses
                    .push(format!("{unicode:?} as {surface:?}: {}", found.label()));
            }
            let found = outcome(detect_str(&surface));
            tally(&mut as_text, encoding, found, plain_same, |e| {
                e.repair(&surface).ok().as_deref() == Some(unicode.as_str())
            });
            if encoding == Encoding::Vni {
                unicode_lines.push(unicode);
            }
        }
        table.push((format!("{encoding} bytes"), as_bytes));
        table.push((format!("{encoding} mojibake"), as_text));
    }

    let mut negatives: Vec<(&str, Vec<String>)> = vec![
        ("unicode vi", unicode_lines),
        ("english", ENGLISH.iter().map(|s| s.to_string()).collect()),
        ("french", FRENCH.iter().map(|s| s.to_string()).collect()),
        ("german", GERMAN.iter().map(|s| s.to_string()).collect()),
    ];
    // Whole paragraphs too: detection sees more words at once.
    let paragraphs: Vec<(&str, String)> = vec![
        ("english", ENGLISH.join(" ")),
        ("french", FRENCH.join(" ")),
        ("german", GERMAN.join(" ")),
    ];
    for (name, text) in paragraphs {
        if let Some((_, lines)) = negatives.iter_mut().find(|(n, _)| *n == name) {
            lines.push(text);
        }
    }
    for (name, lines) in &negatives {
        let mut as_text = Confusion::default();
        let mut as_bytes = Confusion::default();
        for line in lines {
            negative(&mut as_text, outcome(detect_str(line)), line);
            negative(&mut as_bytes, outcome(detect(line.as_bytes())), line);
            // Latin-1 bytes of French and German, as an old file would hold.
            if *name != "unicode vi" {
                let (latin1, _, _) = encoding_rs::WINDOWS_1252.encode(line);
                negative(&mut as_bytes, outcome(detect(&latin1)), line);
            }
        }
        table.push((format!("{name} text"), as_text));
        table.push((format!("{name} bytes"), as_bytes));
    }

    println!("## Detection confusion table\n");
    println!(
        "Lines of 3 to 6 syllables ({LINES} per encoding and form), English, French and German sentences and paragraphs (as UTF-8 text, and as UTF-8 and Windows-1252 bytes). `equivalent`: another encoding that decodes the line to the same text; `same as cp1252`: `none` on a line whose bytes already read right as Windows-1252.\n"
    );
    let columns = [
        Outcome::Found(Encoding::Tcvn3),
        Outcome::Found(Encoding::Vni),
        Outcome::Found(Encoding::Viqr),
        Outcome::Found(Encoding::Viscii),
        Outcome::Found(Encoding::Cp1258),
        Outcome::Nothing,
    ];
    print!("| truth | lines |");
    for c in columns {
        print!(" {} |", c.label());
    }
    println!(" correct | equivalent | same as cp1252 | accuracy |");
    println!(
        "|---|---:|{}---:|---:|---:|---:|",
        "---:|".repeat(columns.len())
    );
    let mut ok = true;
    let (mut all, mut all_right) = (0, 0);
    for (name, c) in &table {
        print!("| {name} | {} |", c.total);
        for col in columns {
            print!(" {} |", c.cells.get(&col).copied().unwrap_or(0));
        }
        let right = c.correct + c.equivalent + c.indistinguishable;
        all += c.total;
        all_right += right;
        println!(
            " {} | {} | {} | {:.2}% |",
            c.correct,
            c.equivalent,
            c.indistinguishable,
            pct(right, c.total)
        );
        ok &= pct(right, c.total) >= 99.0;
        if name.starts_with("unicode vi") {
            ok &= right == c.total;
        }
    }
    println!(
        "\nOverall: {all_right} / {all} ({:.2}%) right.\n",
        pct(all_right, all)
    );
    for (name, c) in &table {
        for miss in &c.misses {
            println!("  {name} miss: {miss}");
        }
    }
    ok
}

/// Detection on the lines of the bundled sample articles (real sentences,
/// written for this project), encoded with vitext's encoder. TCVN3 writes
/// toned capitals with the lower-case bytes, as documents set in the
/// `.VnTimeH` capital font do.
fn article_lines() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data");
    let mut lines = Vec::new();
    for name in [
        "economy-news.txt",
        "party-conference.txt",
        "science-culture.txt",
        "society-news.txt",
    ] {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else {
            println!("(article lines skipped: cannot read {name})");
            return;
        };
        lines.extend(
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned),
        );
    }
    println!(
        "## Detection on the sample articles
"
    );
    println!(
        "{} lines of `examples/data/*.txt`, each encoded and detected on its own (as bytes; as mojibake it is the same).\n",
        lines.len()
    );
    println!("| encoding | lines | right | wrong encoding | none |");
    println!("|---|---:|---:|---:|---:|");
    for encoding in TABLE_ENCODINGS {
        let (mut right, mut wrong, mut none) = (0, 0, 0);
        for line in &lines {
            let source: String = if encoding == Encoding::Tcvn3 {
                line.chars()
                    .map(|c| {
                        if Encoding::Tcvn3.encode(c.encode_utf8(&mut [0; 4])).is_ok() {
                            c
                        } else {
                            c.to_lowercase().next().unwrap_or(c)
                        }
                    })
                    .collect()
            } else {
                line.clone()
            };
            let bytes = encoding.encode_lossy(&source);
            let expected = encoding.decode_lossy(&bytes);
            match detect(&bytes).map(|d| d.encoding()) {
                Some(e) if e.decode_lossy(&bytes) == expected => right += 1,
                None if windows_1252(&bytes) == expected => right += 1,
                Some(_) => wrong += 1,
                None => none += 1,
            }
        }
        println!(
            "| {encoding} | {} | {right} ({:.2}%) | {wrong} | {none} |",
            lines.len(),
            pct(right, lines.len())
        );
    }
    let false_positives = lines.iter().filter(|l| detect_str(l).is_some()).count();
    println!(
        "\nThe same lines in Unicode: {false_positives} detected as legacy by `detect_str`.\n"
    );
}

/// Counts one detection; returns whether it was right.
fn tally(
    c: &mut Confusion,
    truth: Encoding,
    found: Outcome,
    plain_same: bool,
    decodes_right: impl Fn(Encoding) -> bool,
) -> bool {
    c.total += 1;
    *c.cells.entry(found).or_default() += 1;
    match found {
        Outcome::Found(e) if e == truth => c.correct += 1,
        Outcome::Found(e) if decodes_right(e) => c.equivalent += 1,
        Outcome::Nothing if plain_same => c.indistinguishable += 1,
        _ => return false,
    }
    true
}

fn negative(c: &mut Confusion, found: Outcome, line: &str) {
    c.total += 1;
    *c.cells.entry(found).or_default() += 1;
    if found == Outcome::Nothing {
        c.correct += 1;
    } else if c.misses.len() < 8 {
        c.misses.push(format!("{line:?}: {}", found.label()));
    }
}
