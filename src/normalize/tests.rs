use super::*;

fn norm(text: &str, tone: TonePlacement) -> String {
    Normalizer::new(NormalizeConfig::new().tone(tone))
        .normalize(text)
        .as_str()
        .to_owned()
}

#[test]
fn repairs_and_styles() {
    use TonePlacement::*;
    assert_eq!(
        norm("Ðảm baỏ chất lựơng phòng thí nghịêm hoá học", Traditional),
        "Đảm bảo chất lượng phòng thí nghiệm hóa học"
    );
    assert_eq!(
        norm("Ðảm baỏ chất lựơng phòng thí nghịêm hoá học", Modern),
        "Đảm bảo chất lượng phòng thí nghiệm hoá học"
    );
    assert_eq!(
        norm("HÒA BÌNH, Òa khóc, THỦY", Modern),
        "HOÀ BÌNH, Oà khóc, THUỶ"
    );
    assert_eq!(
        norm("loà xoà, hoà-bình, Thuỷ_điện", Traditional),
        "lòa xòa, hòa-bình, Thủy_điện"
    );
    assert_eq!(norm("Đaị Việt", Keep), "Đại Việt");
    assert_eq!(
        norm("quý giữ hoàng khuyến Quỳnh", Modern),
        "quý giữ hoàng khuyến Quỳnh"
    );
}

#[test]
fn characters() {
    let out = normalize("Ông  Ba\u{a0}ở\u{200b}đây\u{feff}");
    assert_eq!(out.as_str(), "Ông  Ba ở đây");
    let off = NormalizeConfig::new()
        .spaces(false)
        .invisibles(false)
        .confusables(false);
    assert!(
        Normalizer::new(off)
            .normalize("Ð\u{a0}\u{200b}")
            .is_unchanged()
    );
}

#[test]
fn borrowed_when_clean() {
    for text in [
        "",
        "abc",
        "Tiếng Việt có dấu.",
        "Müller 中文 😀",
        "1\u{301}",
    ] {
        assert!(normalize(text).is_unchanged(), "{text:?}");
        assert!(is_normalized(text), "{text:?}");
    }
}

#[test]
fn non_vietnamese_is_composed_only() {
    let out = normalize("Mu\u{308}ller Kro\u{302}ng");
    assert_eq!(out.as_str(), "Müller Krông");
}

/// A word of Vietnamese letters that is no syllable is written as the
/// letters it reads as: marks in an order NFC cannot compose, a mark typed
/// twice. With two tones it is only composed.
#[test]
fn letters_of_no_syllable_are_written_as_read() {
    // `Lắk` with the acute typed before the breve.
    assert_eq!(normalize("L\u{e1}\u{306}k").as_str(), "L\u{1eaf}k");
    assert_eq!(normalize("Ða\u{306}\u{301}k").as_str(), "Đắk");
    // `ẩnh` (no syllable: `â` takes no `nh`) with the circumflex twice.
    assert_eq!(normalize("a\u{309}\u{302}\u{302}nh").as_str(), "ẩnh");
    // Two tones on a word that is no syllable: NFC only.
    assert_eq!(normalize("a\u{301}bà").as_str(), "ábà");
    // After an eight-letter word and a curly quote (the fast path once
    // stepped into the quote's bytes there and stopped).
    assert_eq!(
        normalize("abcdefgh\u{201C}giiêC\u{301}").as_str(),
        "abcdefgh“giiếC"
    );
    // Precomposed, such words are left as they are (and borrowed).
    for word in ["Lắk", "QĐ", "ẩnh", "đ", "caffé"] {
        assert!(normalize(word).is_unchanged(), "{word}");
    }
}

#[test]
fn offsets_map_back() {
    let input = "Tie\u{302}\u{301}ng Vie\u{323}\u{302}t";
    let out = normalize(input);
    assert_eq!(out.as_str(), "Tiếng Việt");
    let s = out.as_str();
    let viet = Span::new(s.find("Việt").unwrap(), s.len());
    assert_eq!(&input[out.original_span(viet)], "Vie\u{323}\u{302}t");
    let tieng = Span::new(0, s.find(' ').unwrap());
    assert_eq!(&input[out.original_span(tieng)], "Tie\u{302}\u{301}ng");
    // Letters a repair leaves alone map to themselves; a repaired letter
    // to what it was made from.
    assert_eq!(&input[out.original_span(Span::new(1, 2))], "i");
    let e = s.find('ế').unwrap();
    assert_eq!(
        &input[out.original_span(Span::new(e, e + 'ế'.len_utf8()))],
        "e\u{302}\u{301}"
    );
    // Words and the gaps between them map one to one, even where one
    // repair took several words (the zero-width space was a gap inside
    // the run of letters and marks).
    let input = "Bi\u{300}nh Đi\u{323}nh\u{200B}Nguye\u{302}\u{303}n";
    let out = normalize(input);
    let s = out.as_str();
    for word in ["Bình", "Định", "Nguyễn"] {
        let at = s.find(word).unwrap();
        let back = &input[out.original_span(Span::new(at, at + word.len()))];
        assert_eq!(normalize(back).as_str(), word);
    }
}

/// The skip of a scanner without the fast path: only ASCII outside words and
/// ASCII words are skipped (they never change); every other word and
/// character takes the full path.
fn skip_ascii_only(text: &str, from: usize, config: &NormalizeConfig) -> fast::Stop {
    let bytes = text.as_bytes();
    let mut j = from;
    loop {
        while bytes
            .get(j)
            .is_some_and(|b| b.is_ascii() && !b.is_ascii_alphabetic())
        {
            j += 1;
        }
        let start = j;
        while bytes.get(j).is_some_and(u8::is_ascii_alphabetic) {
            j += 1;
        }
        match bytes.get(j) {
            None => return fast::Stop::End,
            Some(b) if b.is_ascii() => continue,
            Some(_) => {
                let c = text[j..].chars().next().unwrap_or(' ');
                if start < j && is_run_char(c, config) {
                    return fast::Stop::Word(start);
                }
                return if Letter::from_char(c).is_some() {
                    fast::Stop::Word(j)
                } else {
                    fast::Stop::Char(j)
                };
            }
        }
    }
}

/// A [`Builder`] that takes no shortcut: every word the scan hands over is
/// parsed.
struct ParseEverything<'h>(Builder<'h>);

impl Sink for ParseEverything<'_> {
    const WANTS_TEXT: bool = true;
    const SHORTCUTS: bool = false;
    const WHOLE_WORDS: bool = false;

    fn replace(&mut self, text: &str, span: Span, replacement: &str) -> bool {
        self.0.replace(text, span, replacement)
    }

    fn replace_with(&mut self, text: &str, span: Span, new: impl Iterator<Item = char>) -> bool {
        self.0.replace_with(text, span, new)
    }
}

/// A [`Builder`] that looks no decomposed syllable up whole.
struct NoTable<'h>(Builder<'h>);

impl Sink for NoTable<'_> {
    const WANTS_TEXT: bool = true;
    const WHOLE_WORDS: bool = false;

    fn replace(&mut self, text: &str, span: Span, replacement: &str) -> bool {
        self.0.replace(text, span, replacement)
    }

    fn replace_with(&mut self, text: &str, span: Span, new: impl Iterator<Item = char>) -> bool {
        self.0.replace_with(text, span, new)
    }
}

/// `normalize` without the table of decomposed syllables.
pub(super) fn normalize_without_table(text: &str, config: &NormalizeConfig) -> String {
    let mut sink = NoTable(Builder {
        text,
        out: String::new(),
        edits: Vec::new(),
        copied: 0,
    });
    scan(text, config, &mut sink);
    sink.0.finish().as_str().to_owned()
}

/// `normalize` with neither the fast path nor the spelling automaton's
/// shortcut (`fast::letters_placed`): ASCII aside, every word is parsed.
fn normalize_without_fast_path(text: &str, config: &NormalizeConfig) -> String {
    let mut sink = ParseEverything(Builder {
        text,
        out: String::new(),
        edits: Vec::new(),
        copied: 0,
    });
    scan_with(text, config, &mut sink, |i| {
        skip_ascii_only(text, i, config)
    });
    sink.0.finish().as_str().to_owned()
}

/// Syllable-shaped words (every onset shape × every rime × every coda) with
/// one tone on any letter (often the wrong one), case per letter, the odd
/// horn dropped, joined by spaces, punctuation and now and then a character
/// the fast path must hand over (a combining mark, a look-alike, a letter of
/// another alphabet, a no-break space).
fn vietnamese_ish() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    const ONSETS: [&str; 14] = [
        "", "b", "gi", "qu", "ngh", "gh", "g", "ng", "nh", "th", "tr", "đ", "k", "q",
    ];
    const CODAS: [&str; 9] = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];
    const GLUE: [&str; 12] = [
        " ", " ", " ", ", ", ". ", "-", "“", "”", "\u{301}", "\u{D0}", "ü", "\u{A0}",
    ];
    let rimes: Vec<&'static str> = crate::syllable::rime_keys().collect();
    let word = (
        prop::sample::select(ONSETS.to_vec()),
        prop::sample::select(rimes),
        prop::sample::select(CODAS.to_vec()),
        0..6usize,
        0..8usize,
        any::<u8>(),
        0..8usize,
        prop::sample::select(GLUE.to_vec()),
    )
        .prop_map(|(onset, rime, coda, tone, at, cases, unhorn, glue)| {
            let mut letters: Vec<Letter> = format!("{onset}{rime}{coda}")
                .chars()
                .filter_map(Letter::from_char)
                .collect();
            let n = letters.len();
            letters[at % n] = letters[at % n].with_tone(Tone::ALL[tone]);
            let mut out = String::new();
            for (i, l) in letters.iter().enumerate() {
                let l = if cases & (1 << (i % 8)) != 0 {
                    l.with_case(Case::Upper)
                } else {
                    *l
                };
                let c = l.to_char();
                // Now and then a horn dropped: `ươ` written `uơ` or `ưo`.
                let c = match (c, unhorn == i) {
                    ('ư', true) => 'u',
                    ('ơ', true) => 'o',
                    (c, _) => c,
                };
                out.push(c);
            }
            out.push_str(glue);
            out
        });
    prop::collection::vec(word, 0..12).prop_map(|words| words.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]

    /// The fast path (and the spelling automaton behind it) only skips what
    /// the parser would leave as it is.
    #[test]
    fn fast_path_changes_nothing(text in vietnamese_ish()) {
        for placement in [TonePlacement::Keep, TonePlacement::Traditional, TonePlacement::Modern] {
            let config = NormalizeConfig::new().tone(placement);
            let fast = Normalizer::new(config).normalize(&text);
            let slow = normalize_without_fast_path(&text, &config);
            proptest::prop_assert_eq!(fast.as_str(), slow.as_str(), "{:?}", placement);
        }
    }
}

#[test]
fn a_tone_typed_on_a_consonant_moves_to_the_vowel() {
    use TonePlacement::Keep;
    // `học` typed as `hoc` and a dot below: the syllable's tone.
    assert_eq!(norm("hoc\u{323}", Keep), "học");
    // The names of the Central Highlands, which are no Vietnamese
    // syllables: the tone goes to the vowel before the consonant, or after
    // the first consonant of a cluster to the vowel after it.
    assert_eq!(norm("Ea Sup\u{301}", Keep), "Ea Súp");
    assert_eq!(norm("Cư Jut\u{301}", Keep), "Cư Jút");
    assert_eq!(norm("Đăk\u{301} Lăk\u{301}", Keep), "Đắk Lắk");
    assert_eq!(norm("K\u{323}rông", Keep), "Krộng");
    assert_eq!(norm("qac\u{301}", Keep), "qa\u{107}");
    // A word with no mark on a consonant stays as it is, and a mark that
    // is no Vietnamese tone stays on its consonant, composed.
    assert_eq!(norm("Krông Pắc", Keep), "Krông Pắc");
    assert_eq!(norm("Ea H'leo", Keep), "Ea H'leo");
    assert_eq!(norm("Duc\u{30C}", Keep), "Du\u{10D}");
    // The marked consonants of other languages stay marked: `ñ`, `ń`, `ć`.
    assert_eq!(norm("Espan\u{303}a", Keep), "Espa\u{F1}a");
    assert_eq!(norm("Gdan\u{301}sk", Keep), "Gda\u{144}sk");
    assert_eq!(norm("Đokovic\u{301}", Keep), "Đokovi\u{107}");
}

/// Text that mixes Vietnamese with the marks of other scripts (Arabic,
/// Hebrew, musical symbols, a combining solidus) after letters, digits and
/// symbols.
fn mixed_marks() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    const PIECES: &[&str] = &[
        "a",
        "A",
        "ư",
        "Ư",
        "ơ",
        "i",
        "y",
        "o",
        "e",
        "ê",
        "Í",
        "Á",
        "đ",
        "Đ",
        "n",
        "g",
        "h",
        "1",
        "=",
        " ",
        "-",
        "\u{1D161}",
        "\u{2260}",
        "\u{300}",
        "\u{301}",
        "\u{303}",
        "\u{309}",
        "\u{323}",
        "\u{302}",
        "\u{306}",
        "\u{31B}",
        "\u{308}",
        "\u{338}",
        "\u{64B}",
        "\u{5B0}",
        "\u{1D165}",
        "\u{A0}",
        "\u{200B}",
    ];
    proptest::collection::vec(0..PIECES.len(), 0..16).prop_map(|parts| {
        parts
            .iter()
            .filter_map(|&i| PIECES.get(i).copied())
            .collect()
    })
}

proptest::proptest! {
    #[test]
    fn normalize_is_nfc_and_idempotent_and_fold_is_nfc(text in mixed_marks()) {
        use unicode_normalization::is_nfc;
        for placement in [TonePlacement::Keep, TonePlacement::Traditional, TonePlacement::Modern] {
            let config = NormalizeConfig::new().tone(placement);
            let once = Normalizer::new(config).normalize(&text);
            proptest::prop_assert!(is_nfc(once.as_str()), "{:?} → {:?}", text, once.as_str());
            let twice = Normalizer::new(config).normalize(once.as_str());
            proptest::prop_assert_eq!(once.as_str(), twice.as_str());
        }
        // Folding gives NFC. (It is not yet idempotent on stacked
        // Vietnamese marks: `ê` + circumflex + grave + `ư` folds to `ê` +
        // circumflex + `ư`, which folds again to `êư`; issue 12.)
        for mode in [FoldMode::Full, FoldMode::TonesOnly] {
            let once = fold(&text, mode);
            proptest::prop_assert!(is_nfc(&once), "{:?} → {:?}", text, once);
        }
    }
}

#[test]
fn marks_after_a_symbol_or_a_folded_letter_are_composed() {
    let config = NormalizeConfig::default();
    // A musical symbol decomposes, and the Arabic mark after it moves in.
    assert_eq!(
        Normalizer::new(config)
            .normalize("\u{1D161}\u{64B}")
            .as_str(),
        "\u{1D158}\u{64B}\u{1D165}\u{1D16F}"
    );
    assert_eq!(
        Normalizer::new(config).normalize("x=\u{338}y").as_str(),
        "x\u{2260}y"
    );
    assert_eq!(
        Normalizer::new(config).normalize("1\u{301}").as_str(),
        "1\u{301}"
    );
    // Folding keeps marks of other languages and composes them again.
    assert_eq!(fold("Í\u{308}", FoldMode::Full), "Ï");
    assert_eq!(fold("Á\u{303}\u{302}", FoldMode::TonesOnly), "Â");
}

/// Found by the fold fuzz target: a word with two tone marks is no
/// syllable and is not repaired, but once its tones are gone it is one the
/// normalizer repairs (`uơ` typed for `ươ`). Folding reads it again.
#[test]
fn folding_twice_changes_nothing_when_folding_makes_a_repairable_word() {
    for text in ["Thủớng", "Tại Tokyo, Thủớng Ohậtc ản", "thủớng"] {
        for mode in [FoldMode::Full, FoldMode::TonesOnly] {
            let once = fold(text, mode);
            assert_eq!(fold(&once, mode), once, "{text:?} {mode:?}");
        }
    }
    assert_eq!(fold("Thủớng", FoldMode::TonesOnly), "Thương");
    assert_eq!(fold("Thủớng", FoldMode::Full), "Thuong");
}

/// Every syllable of the tokenizer's table, in lower and title case, in
/// running text: the fast path, which skips those written in the style asked
/// for whole, gives what parsing every word gives, in every style.
#[test]
fn table_syllables_agree_with_the_parser() {
    let words: Vec<String> = crate::tokenize::syllable_inventory()
        .into_iter()
        .flat_map(|w| {
            let title = crate::tokenize::title_case(&w);
            [w, title]
        })
        .collect();
    let text = words.join(" ") + ".\n";
    for placement in [
        TonePlacement::Keep,
        TonePlacement::Traditional,
        TonePlacement::Modern,
    ] {
        let config = NormalizeConfig::new().tone(placement);
        assert_eq!(
            Normalizer::new(config).normalize(&text).as_str(),
            normalize_without_fast_path(&text, &config),
            "{placement:?}"
        );
    }
}
