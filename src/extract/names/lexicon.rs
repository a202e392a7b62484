//! The word lists of the name recognizer, parsed once into a trie of
//! lower-case token keys.
//!
//! A phrase is tokenized with the crate's own tokenizer and each token's
//! lower-case text is one step in the trie, so a lookup in running text
//! walks the tokens already there, comparing bytes, without building a
//! string. Capitals written in a list entry are required in the text (a
//! country `Anh` must be written `Anh`; the honorific `anh` may start a
//! sentence as `Anh`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::extract::context::{Ctx, MARKED_WORDS, pack};
use crate::extract::{CreditRole, OrgCategory, PlaceLevel, Tenure};
use crate::syllable::TonePlacement;
use crate::tokenize::{Casing, TokenKind, known, tokens};

/// What a list says a phrase is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    Honorific,
    Status(Tenure),
    /// A role head; `needs_org`: only a title with an organization after it.
    Role {
        needs_org: bool,
    },
    Rank,
    /// The head noun of an organization; `lower_ok`: also in lower case;
    /// `people`: its bodies are named after people (`Nhà hát Trần Hữu
    /// Trang`), as schools and hospitals are.
    Head {
        category: OrgCategory,
        lower_ok: bool,
        people: bool,
    },
    /// The unit word of a place; `number`: also before a number.
    Unit {
        level: PlaceLevel,
        number: bool,
    },
    Credit(CreditRole),
    Predicate,
    /// A lower-case word inside an organization's name; `may_end`: the
    /// name may end with it.
    InName {
        may_end: bool,
    },
    Stop,
    /// A word of brand, event and company names (`Cup`, `FC`).
    NotName,
    /// A word of competitions and events after a name (`Cup`, `Games`).
    Event,
    /// The last word of a foreign company's name (`Holdings`, `Group`).
    Corp,
    /// A verb that gives the person before it the title after it.
    Hold,
    /// A company's legal form after its name (`Co.`, `Ltd.`, `JSC`).
    Legal,
    /// A word of a match report beside a team (`đánh bại`, `thủ môn`).
    Match,
    /// The second syllable of a capitalised word in a body's name (`tế` in
    /// `Y tế`).
    Tail,
    Surname,
    /// A place known by name.
    Place(PlaceLevel),
    /// An organization known by name; `expansion` indexes
    /// [`Lexicon::expansions`].
    Org {
        category: OrgCategory,
        expansion: Option<u32>,
    },
}

/// The classes of [`Word`] as bits, so a lookup can say which classes it
/// wants and skip a token whose phrases hold none of them.
pub(crate) mod class {
    pub const HONORIFIC: u32 = 1 << 0;
    pub const STATUS: u32 = 1 << 1;
    pub const ROLE: u32 = 1 << 2;
    pub const RANK: u32 = 1 << 3;
    pub const HEAD: u32 = 1 << 4;
    pub const UNIT: u32 = 1 << 5;
    pub const CREDIT: u32 = 1 << 6;
    pub const PREDICATE: u32 = 1 << 7;
    pub const IN_NAME: u32 = 1 << 8;
    pub const STOP: u32 = 1 << 9;
    pub const NOT_NAME: u32 = 1 << 10;
    pub const SURNAME: u32 = 1 << 11;
    pub const PLACE: u32 = 1 << 12;
    pub const ORG: u32 = 1 << 13;
    pub const EVENT: u32 = 1 << 14;
    pub const MATCH: u32 = 1 << 15;
    pub const TAIL: u32 = 1 << 16;
    pub const CORP: u32 = 1 << 17;
    pub const HOLD: u32 = 1 << 18;
    pub const LEGAL: u32 = 1 << 19;
}

/// The classes a reading of a name may start at: an honorific, a status,
/// a role, a rank, a head noun, a unit word, a credit, a known place or
/// organization. (A word that starts with a capital may start one too.)
pub(crate) const OPENS: u32 = class::HONORIFIC
    | class::STATUS
    | class::ROLE
    | class::RANK
    | class::HEAD
    | class::UNIT
    | class::CREDIT
    | class::PLACE
    | class::ORG;

impl Word {
    /// The word's class bit.
    pub(crate) const fn class(self) -> u32 {
        match self {
            Word::Honorific => class::HONORIFIC,
            Word::Status(_) => class::STATUS,
            Word::Role { .. } => class::ROLE,
            Word::Rank => class::RANK,
            Word::Head { .. } => class::HEAD,
            Word::Unit { .. } => class::UNIT,
            Word::Credit(_) => class::CREDIT,
            Word::Predicate => class::PREDICATE,
            Word::InName { .. } => class::IN_NAME,
            Word::Stop => class::STOP,
            Word::NotName => class::NOT_NAME,
            Word::Surname => class::SURNAME,
            Word::Place(_) => class::PLACE,
            Word::Org { .. } => class::ORG,
            Word::Event => class::EVENT,
            Word::Match => class::MATCH,
            Word::Tail => class::TAIL,
            Word::Corp => class::CORP,
            Word::Hold => class::HOLD,
            Word::Legal => class::LEGAL,
        }
    }
}

/// Where each token of a text enters the trie: the node after its key and
/// the classes of every phrase that starts with it. Computed once per text
/// ([`Lexicon::enter`]), so most lookups cost a load and a test.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Start {
    node: u32,
    classes: u32,
}

/// The class bits fit the low [`Start::CLASS_BITS`] bits of a word: a
/// token's record keeps its own bits above them.
const _: () = assert!(
    (class::LEGAL << 1) <= 1 << Start::CLASS_BITS,
    "a class past the bits a token's record keeps"
);

impl Start {
    /// How many low bits of `classes` the classes use.
    pub(crate) const CLASS_BITS: u32 = 20;

    /// The trie node and the classes, for a token's record to pack.
    pub(crate) fn parts(self) -> (u32, u32) {
        (self.node, self.classes)
    }

    /// A start from its [`Start::parts`].
    pub(crate) fn from_parts(node: u32, classes: u32) -> Start {
        Start { node, classes }
    }

    /// Whether a phrase of a class in `classes` may start at this token.
    pub(crate) fn has(self, classes: u32) -> bool {
        self.classes & classes != 0
    }
}

/// One list entry at the end of its phrase.
#[derive(Clone, Copy, Debug)]
struct Entry {
    word: Word,
    /// Bit `k` set: token `k` of the phrase must start with a capital.
    caps: u16,
}

/// A node of the trie as the lists are read into it. A walk reads the
/// same node's [`Step`] instead ([`Lexicon::seal`] lays them out).
#[derive(Debug, Default)]
struct Node {
    children: HashMap<u128, u32, BuildHasherDefault<KeyHasher>>,
    entries: Vec<Entry>,
    /// The classes of the entries here: a walk asks `entries` (a vector
    /// elsewhere in memory) only when one of its classes is among them.
    here: u32,
    /// The classes of the entries here and below.
    below: u32,
    /// The classes of the entries below whose first word may be written in
    /// lower case: a lower-case token starts no other.
    below_lower: u32,
    /// The classes of the entries strictly below (not here): a walk reads
    /// the next token only when one of its classes is among them.
    deeper: u32,
    /// The same for the entries whose first word may be written in lower
    /// case, for a walk from a lower-case token.
    deeper_lower: u32,
    /// The marks the date, document and quantity recognizers give the
    /// word that leads here from the root ([`MARKED_WORDS`]).
    marks: u8,
}

/// What a walk reads of a node, in 32 bytes, its edges and entries in the
/// lexicon's flat tables: a step down costs a few loads near each other,
/// not a hash, a probe into the node's own map and a node of 88 bytes.
#[derive(Clone, Copy, Debug, Default)]
struct Step {
    /// The [`child_slot`] bits of the node's children: a walk looks at the
    /// edges only for a key whose bit is set, and most tokens after a
    /// phrase's first word go on no phrase. (32 bits let few more keys
    /// through than 64, and keep the step in 32 bytes.)
    child_bits: u32,
    /// [`Node::here`].
    here: u32,
    /// [`Node::deeper`], then [`Node::deeper_lower`]: indexed by whether
    /// the walk's first token is in lower case.
    further: [u32; 2],
    /// Where the node's edges start in [`Lexicon::edges`]: an
    /// open-addressed table of its own, a power of two of slots.
    edges: u32,
    /// The number of slots of that table, less one (a mask).
    mask: u32,
    /// Where the node's entries start in [`Lexicon::entries`].
    entries: u32,
    /// Where they end.
    entries_end: u32,
}

/// An entry as a walk reads it: [`Entry`] with its word's class.
#[derive(Clone, Copy, Debug)]
struct Found {
    word: Word,
    caps: u16,
    class: u32,
}

/// A slot of a node's table of edges: a child and the key that leads to
/// it; `child` `0` (the root, no node's child) for an empty slot.
#[derive(Clone, Copy, Debug, Default)]
struct Edge {
    /// The packed key, in two halves (a `u128` would align the edge to 16
    /// bytes and make it 32).
    key: [u64; 2],
    child: u32,
}

/// The parsed word lists.
pub(crate) struct Lexicon {
    /// The trie as the lists are read into it (a builder adds to it).
    nodes: Vec<Node>,
    /// The same trie laid out for walks, a step for each node
    /// ([`Lexicon::seal`] fills these three).
    steps: Vec<Step>,
    /// The edges of every node, a node's together (see [`Step::edges`]).
    edges: Vec<Edge>,
    /// The entries of every node, a node's together.
    entries: Vec<Found>,
    expansions: Vec<Box<str>>,
    /// The root's children again, in a flat table that gives a token's
    /// [`Start`] and marks in one probe: every token of a text is looked
    /// up here ([`Lexicon::seal`] fills it).
    roots: Vec<RootSlot>,
    /// Beside each slot of `roots`, a 16-bit tag of its key's hash (`0`:
    /// empty). The tags fit the first-level cache, so a word that starts
    /// no phrase (most words) is passed over without touching `roots`.
    root_tags: Vec<u16>,
    /// The same for the syllables the tokenizer finds whole, by their slot
    /// in its table (as `Tokens::next_with_slot` gives it): their place in
    /// `slot_facts`. Empty when the roots outnumber what 16 bits count (a
    /// builder's huge lists): tokens are then looked up by key.
    slot_roots: Vec<u16>,
    /// What `slot_roots` points at, 16 bytes a word: a text's tokens read
    /// these few lines, not the slots of `roots`. The first, where every
    /// syllable that starts no phrase points, gives no start and no marks,
    /// so that a lookup by slot takes no branch.
    slot_facts: Vec<RootFacts>,
    /// The same for the keys of one byte, by the byte (256 places; empty
    /// with `slot_roots`): punctuation, which has no slot, is most of the
    /// tokens looked up by key, and each would cost a hash and a probe.
    byte_roots: Vec<u16>,
}

/// What [`Lexicon::enter`] gives of a first word: its node and, from the
/// node, the classes below it and the recognizers' marks.
#[derive(Clone, Copy, Debug, Default)]
struct RootFacts {
    node: u32,
    /// [`Node::below`], then [`Node::below_lower`]: indexed by whether the
    /// token is in lower case.
    below: [u32; 2],
    marks: u8,
}

impl RootFacts {
    fn of(node: u32, n: &Node) -> RootFacts {
        RootFacts {
            node,
            below: [n.below, n.below_lower],
            marks: n.marks,
        }
    }

    /// The start and marks of a token with these facts.
    #[inline(always)]
    fn start(self, capital: bool) -> (Start, u8) {
        let classes = self
            .below
            .get(usize::from(!capital))
            .copied()
            .unwrap_or_default();
        let start = Start {
            node: self.node,
            classes,
        };
        (start, self.marks)
    }
}

/// A slot of [`Lexicon::roots`]: an open-addressed table of the first
/// words of phrases, keyed by packed key (`0`: an empty slot).
#[derive(Clone, Copy, Debug, Default)]
struct RootSlot {
    key: u128,
    facts: RootFacts,
}

/// The slot a key's probe starts at, in a table of `len` slots (a power of
/// two), and the key's tag (never `0`).
fn root_slot(key: u128, len: usize) -> (usize, u16) {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    let h = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((h >> 32) as usize & (len - 1), (h >> 16) as u16 | 1)
}

impl core::fmt::Debug for Lexicon {
    // The trie has thousands of nodes: show its size, not its contents.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Lexicon")
            .field("nodes", &self.nodes.len())
            .field("expansions", &self.expansions.len())
            .finish()
    }
}

/// A longest match: the word and the token after the phrase.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub word: Word,
    pub end: usize,
}

const WORDS: &str = include_str!("../../data/name_words.txt");
const SURNAMES: &str = include_str!("../../data/surnames.txt");
const PLACES: &str = include_str!("../../data/places.txt");
const COUNTRIES: &str = include_str!("../../data/countries.txt");
const ORGANIZATIONS: &str = include_str!("../../data/organizations.txt");

/// The longest phrase, in tokens, the trie may hold.
const MAX_TOKENS: usize = 16;

/// A row that a list file could not be read from: the file and the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BadRow {
    pub file: &'static str,
    pub line: String,
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

impl Lexicon {
    /// The embedded lists. Rows that cannot be read are returned beside
    /// the lexicon (a test keeps that list empty).
    pub(crate) fn embedded() -> (Lexicon, Vec<BadRow>) {
        let mut lex = Lexicon {
            nodes: vec![Node::default()],
            steps: Vec::new(),
            edges: Vec::new(),
            entries: Vec::new(),
            expansions: Vec::new(),
            roots: Vec::new(),
            root_tags: Vec::new(),
            slot_roots: Vec::new(),
            slot_facts: Vec::new(),
            byte_roots: Vec::new(),
        };
        lex.mark_words();
        let mut bad = Vec::new();
        // Reads every row of `text` with `read`; a row it cannot read, or
        // whose phrase can never match, is reported.
        let mut load =
            |lex: &mut Lexicon,
             file: &'static str,
             text: &str,
             read: &dyn Fn(&mut Lexicon, &[&str]) -> Option<bool>| {
                for cols in rows(text) {
                    if read(lex, &cols) != Some(true) {
                        bad.push(BadRow {
                            file,
                            line: cols.join("\t"),
                        });
                    }
                }
            };
        load(&mut lex, "name_words.txt", WORDS, &|lex, cols| {
            let (phrase, word) = word_row(cols)?;
            Some(lex.add(phrase, word))
        });
        load(&mut lex, "surnames.txt", SURNAMES, &|lex, cols| {
            Some(lex.add(cols.first()?, Word::Surname))
        });
        load(&mut lex, "places.txt", PLACES, &|lex, cols| {
            let level = PlaceLevel::parse(cols.first()?)?;
            Some(lex.add(cols.get(1)?, Word::Place(level)))
        });
        load(&mut lex, "countries.txt", COUNTRIES, &|lex, cols| {
            let level = PlaceLevel::parse(cols.first()?)?;
            Some(lex.add(cols.get(2)?, Word::Place(level)))
        });
        load(
            &mut lex,
            "organizations.txt",
            ORGANIZATIONS,
            &|lex, cols| {
                let category = OrgCategory::parse(cols.first()?)?;
                let expansion = cols.get(2).filter(|e| !e.is_empty()).copied();
                Some(lex.add_org(cols.get(1)?, category, expansion))
            },
        );
        lex.seal();
        (lex, bad)
    }

    /// Rebuilds the flat table of first words ([`Lexicon::roots`]) and the
    /// trie's layout for walks ([`Lexicon::steps`]) from the trie; called
    /// once the lists are read, and again after a builder's words.
    pub(crate) fn seal(&mut self) {
        self.lay_out();
        let Some(root) = self.nodes.first() else {
            return;
        };
        // At most half full, so that a probe ends soon.
        let len = (root.children.len() * 2).next_power_of_two().max(16);
        let mut roots = vec![RootSlot::default(); len];
        let mut tags = vec![0u16; len];
        for (&key, &node) in &root.children {
            let Some(n) = self.nodes.get(node as usize) else {
                continue;
            };
            let (mut at, tag) = root_slot(key, len);
            while tags.get(at).is_some_and(|&t| t != 0) {
                at = (at + 1) & (len - 1);
            }
            if let Some(t) = tags.get_mut(at) {
                *t = tag;
            }
            if let Some(slot) = roots.get_mut(at) {
                *slot = RootSlot {
                    key,
                    facts: RootFacts::of(node, n),
                };
            }
        }
        self.roots = roots;
        self.root_tags = tags;
        self.file_by_slot();
    }

    /// Lays the trie out for walks: a [`Step`] for each node, its edges
    /// and its entries in flat tables, by node.
    fn lay_out(&mut self) {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let mut steps = Vec::with_capacity(self.nodes.len());
        let mut edges = Vec::with_capacity(self.nodes.len());
        let mut entries = Vec::new();
        for n in &self.nodes {
            let from = edges.len();
            let mut child_bits = 0u32;
            // A third of the slots or more empty (for a node of three
            // children or more), so that a probe ends soon; none for a
            // leaf, whose bits refuse every key.
            let len = match n.children.len() {
                0 => 0,
                c => (c + c / 2).next_power_of_two(),
            };
            edges.resize(from + len, Edge::default());
            for (&key, &child) in &n.children {
                let (index, mut at) = child_slot(key);
                child_bits |= 1 << index;
                for _ in 0..len {
                    match edges.get_mut(from + (at & (len - 1))) {
                        Some(slot) if slot.child == 0 => {
                            *slot = Edge {
                                key: [key as u64, (key >> 64) as u64],
                                child,
                            };
                            break;
                        }
                        _ => at += 1,
                    }
                }
            }
            let first = entries.len();
            entries.extend(n.entries.iter().map(|e| Found {
                word: e.word,
                caps: e.caps,
                class: e.word.class(),
            }));
            steps.push(Step {
                child_bits,
                here: n.here,
                further: [n.deeper, n.deeper_lower],
                edges: count(from),
                mask: count(len.saturating_sub(1)),
                entries: count(first),
                entries_end: count(entries.len()),
            });
        }
        self.steps = steps;
        self.edges = edges;
        self.entries = entries;
    }

    /// Files the first words that are syllables of the tokenizer's table
    /// by their slot there ([`Lexicon::slot_roots`]), and those of one byte
    /// by the byte ([`Lexicon::byte_roots`]).
    fn file_by_slot(&mut self) {
        self.slot_roots.clear();
        self.slot_facts.clear();
        self.byte_roots.clear();
        let Some(root) = self.nodes.first() else {
            return;
        };
        let mut by_slot = vec![0u16; known::SLOT_COUNT];
        let mut by_byte = vec![0u16; 256];
        let mut facts = vec![RootFacts::default()];
        for (&key, &node) in &root.children {
            // (Keys of more than eight bytes are no syllable of the table.)
            let slot = u64::try_from(key).ok().and_then(known::slot_of);
            let byte = usize::try_from(key).ok().filter(|&b| b < 256);
            let (Some(n), true) = (
                self.nodes.get(node as usize),
                slot.is_some() || byte.is_some(),
            ) else {
                continue;
            };
            let Ok(index) = u16::try_from(facts.len()) else {
                // Too many to count in 16 bits: every token goes by key.
                return;
            };
            facts.push(RootFacts::of(node, n));
            if let Some(at) = slot.and_then(|s| by_slot.get_mut(s)) {
                *at = index;
            }
            if let Some(at) = byte.and_then(|b| by_byte.get_mut(b)) {
                *at = index;
            }
        }
        self.slot_roots = by_slot;
        self.slot_facts = facts;
        self.byte_roots = by_byte;
    }

    /// Adds an organization known by name, with its expansion when it is an
    /// abbreviation.
    pub(crate) fn add_org(
        &mut self,
        name: &str,
        category: OrgCategory,
        expansion: Option<&str>,
    ) -> bool {
        let expansion = expansion.map(|e| {
            self.expansions.push(e.into());
            u32::try_from(self.expansions.len() - 1).unwrap_or(u32::MAX)
        });
        self.add(
            name,
            Word::Org {
                category,
                expansion,
            },
        )
    }

    /// Adds `phrase` as `word`, in both tone placements (`Hòa Bình` and
    /// `Hoà Bình`, `Ủy ban` and `Uỷ ban`), since text comes in either.
    ///
    /// Returns whether the phrase can be matched: a phrase with no token, a
    /// word longer than 16 bytes or more than [`MAX_TOKENS`] words is left
    /// out, since no text's tokens are looked up that far.
    pub(crate) fn add(&mut self, phrase: &str, word: Word) -> bool {
        if !self.add_spelling(phrase, word) {
            return false;
        }
        for placement in [TonePlacement::Traditional, TonePlacement::Modern] {
            // Each syllable written in the placement; the rest as it is.
            let mut other = String::with_capacity(phrase.len());
            let mut at = 0;
            for t in tokens(phrase) {
                other.push_str(phrase.get(at..t.start()).unwrap_or_default());
                match t.syllable() {
                    Some(s) => other.push_str(&s.render(placement)),
                    None => other.push_str(t.text()),
                }
                at = t.end();
            }
            other.push_str(phrase.get(at..).unwrap_or_default());
            if other != phrase {
                self.add_spelling(&other, word);
            }
        }
        true
    }

    /// Adds one spelling of `phrase`. A phrase with no token, or more than
    /// [`MAX_TOKENS`], is left out.
    fn add_spelling(&mut self, phrase: &str, word: Word) -> bool {
        let toks: Vec<_> = tokens(phrase).collect();
        if toks.is_empty() || toks.len() > MAX_TOKENS {
            return false;
        }
        // Every word must fit a packed key before anything is added.
        let keys: Option<Vec<u128>> = toks
            .iter()
            .map(|t| {
                pack(
                    t.text()
                        .chars()
                        .flat_map(char::to_lowercase)
                        .collect::<String>()
                        .as_bytes(),
                )
            })
            .collect();
        let Some(keys) = keys else {
            return false;
        };
        let mut node = 0usize;
        let mut caps = 0u16;
        let lower_first = !matches!(word, Word::Head { lower_ok: true, .. })
            && toks.first().is_some_and(|t| !capital_token(t.kind()));
        let lower_first = lower_first || matches!(word, Word::Head { lower_ok: true, .. });
        if let Some(root) = self.nodes.first_mut() {
            root.below |= word.class();
        }
        for (k, t) in toks.iter().enumerate() {
            let Some(&key) = keys.get(k) else {
                return false;
            };
            if capital_token(t.kind()) {
                caps |= 1 << k;
            }
            let next = self.nodes.len();
            let Some(current) = self.nodes.get_mut(node) else {
                return false;
            };
            current.deeper |= word.class();
            if lower_first {
                current.deeper_lower |= word.class();
            }
            node = match current.children.get(&key) {
                Some(&child) => child as usize,
                None => {
                    current
                        .children
                        .insert(key, u32::try_from(next).unwrap_or(u32::MAX));
                    self.nodes.push(Node::default());
                    next
                }
            };
            if let Some(n) = self.nodes.get_mut(node) {
                n.below |= word.class();
                if lower_first {
                    n.below_lower |= word.class();
                }
            }
        }
        // A head also written in lower case (`trường THPT …`) requires no
        // capital.
        if matches!(word, Word::Head { lower_ok: true, .. }) {
            caps = 0;
        }
        // A role or rank listed with capitals inside is also written with
        // its first capital alone: `Tổng bí thư`, `Phó giám đốc`.
        if matches!(word, Word::Role { .. } | Word::Rank) {
            caps &= 1;
        }
        if let Some(n) = self.nodes.get_mut(node) {
            if !n.entries.iter().any(|e| e.word == word && e.caps == caps) {
                n.entries.push(Entry { word, caps });
                n.here |= word.class();
            }
        }
        true
    }

    pub(crate) fn expansion(&self, index: u32) -> Option<&str> {
        self.expansions.get(index as usize).map(|e| &**e)
    }

    /// Where a token with lower-case key `key` enters the trie (see
    /// [`Start`]), and the recognizers' marks of the word, by the token's
    /// slot in the tokenizer's table when it has one (`slot`, a syllable
    /// found whole), else by [`Lexicon::enter`].
    #[inline(always)]
    pub(crate) fn enter_token(&self, key: u128, slot: Option<usize>, capital: bool) -> (Start, u8) {
        // (No slot table, a builder's huge lists: by key.)
        if let Some(&k) = slot.and_then(|slot| self.slot_roots.get(slot)) {
            return self.filed_facts(usize::from(k), key, capital);
        }
        self.enter(key, capital)
    }

    /// The facts filed at `k` of [`Lexicon::slot_facts`] (for a syllable's
    /// slot or a key's byte), which test builds check against the hash
    /// lookup of `key` they stand for.
    #[inline(always)]
    fn filed_facts(&self, k: usize, key: u128, capital: bool) -> (Start, u8) {
        let filed = self
            .slot_facts
            .get(k)
            .map_or((Start::default(), 0), |f| f.start(capital));
        debug_assert!(
            {
                let (a, m) = self.enter_by_key(key, capital);
                (a.node, a.classes, m) == (filed.0.node, filed.0.classes, filed.1)
            },
            "a token's filed facts differ from its key's"
        );
        filed
    }

    /// Where a token with lower-case key `key` enters the trie (see
    /// [`Start`]), and the recognizers' marks of the word: by the byte for
    /// a key of one byte ([`Lexicon::byte_roots`]), else one hash lookup.
    #[inline]
    pub(crate) fn enter(&self, key: u128, capital: bool) -> (Start, u8) {
        if let Some(&k) = usize::try_from(key)
            .ok()
            .and_then(|b| self.byte_roots.get(b))
        {
            return self.filed_facts(usize::from(k), key, capital);
        }
        self.enter_by_key(key, capital)
    }

    /// [`Lexicon::enter`] by the key's hash alone.
    #[inline]
    fn enter_by_key(&self, key: u128, capital: bool) -> (Start, u8) {
        let len = self.roots.len();
        if len == 0 || key == 0 {
            return (Start::default(), 0);
        }
        let (mut at, tag) = root_slot(key, len);
        // The table is never full: a probe meets the key or an empty slot.
        for _ in 0..len {
            match self.root_tags.get(at) {
                Some(0) | None => break,
                Some(&t) if t == tag => {
                    if let Some(slot) = self.roots.get(at).filter(|s| s.key == key) {
                        return slot.facts.start(capital);
                    }
                }
                Some(_) => {}
            }
            at = (at + 1) & (len - 1);
        }
        (Start::default(), 0)
    }

    /// Files each word of [`MARKED_WORDS`] under its key at the root,
    /// with its marks.
    fn mark_words(&mut self) {
        for &(word, marks) in MARKED_WORDS {
            let Some(key) = pack(word.as_bytes()) else {
                continue;
            };
            let next = self.nodes.len();
            let Some(root) = self.nodes.first_mut() else {
                return;
            };
            let node = *root
                .children
                .entry(key)
                .or_insert(u32::try_from(next).unwrap_or(u32::MAX));
            if node as usize == next {
                self.nodes.push(Node::default());
            }
            if let Some(n) = self.nodes.get_mut(node as usize) {
                n.marks |= marks;
            }
        }
    }

    /// The longest phrase at token `i` of a class in `classes`, with its
    /// capitals written as the list requires.
    #[inline]
    pub(crate) fn longest(&self, ctx: &Ctx<'_>, i: usize, classes: u32) -> Option<Hit> {
        self.longest_before(ctx, i, usize::MAX, classes)
    }

    /// [`Lexicon::longest`], for phrases that end at or before token
    /// `limit`.
    #[inline]
    pub(crate) fn longest_before(
        &self,
        ctx: &Ctx<'_>,
        i: usize,
        limit: usize,
        classes: u32,
    ) -> Option<Hit> {
        let start = ctx.start(i)?;
        if start.classes & classes == 0 || i >= limit {
            return None;
        }
        let [hit] = self.walk(ctx, i, start, limit, [classes]);
        hit
    }

    /// The longest phrase at token `i` of each class set of `classes`, from
    /// one walk: what [`Lexicon::longest`] gives for each, where a reader
    /// needs several kinds of phrase at one token (a known body and a head
    /// noun).
    #[inline]
    pub(crate) fn longest_each<const N: usize>(
        &self,
        ctx: &Ctx<'_>,
        i: usize,
        classes: [u32; N],
    ) -> [Option<Hit>; N] {
        let Some(start) = ctx.start(i) else {
            return [None; N];
        };
        // (A class the token's start lacks has no phrase from here that
        // its capital allows: it is left out of the walk, and a set left
        // alone is walked for alone, the cheaper walk.)
        let wanted = classes.map(|c| c & start.classes);
        let hits = match wanted.iter().filter(|&&c| c != 0).count() {
            0 => [None; N],
            1 => wanted.map(|c| match c {
                0 => None,
                c => {
                    let [hit] = self.walk(ctx, i, start, usize::MAX, [c]);
                    hit
                }
            }),
            _ => self.walk(ctx, i, start, usize::MAX, wanted),
        };
        debug_assert!(
            (0..N).all(|n| {
                let one = self.longest(ctx, i, classes[n]);
                one.map(|h| (h.word, h.end)) == hits[n].map(|h| (h.word, h.end))
            }),
            "one walk for several classes at token {i} finds other phrases than a walk for each"
        );
        hits
    }

    /// The walk of [`Lexicon::longest_before`] past its first test: the
    /// longest phrase of each class set of `classes`, down the trie once
    /// (a walk for one set is no shorter: it goes on while a phrase of the
    /// set may be further down, and stops at the same tokens).
    fn walk<const N: usize>(
        &self,
        ctx: &Ctx<'_>,
        i: usize,
        start: Start,
        limit: usize,
        classes: [u32; N],
    ) -> [Option<Hit>; N] {
        let mut best = [None; N];
        let mut at = start.node as usize;
        let Some(mut step) = self.steps.get(at) else {
            return best;
        };
        let all = classes.iter().fold(0, |all, &c| all | c);
        let capital = ctx.capital(i);
        let lower = usize::from(!capital);
        let mut caps = u16::from(capital);
        self.take_entries(step, caps, &classes, i + 1, &mut best);
        // Only a phrase further down may be longer; from a lower-case
        // token, only one whose first word may be written so (the others
        // require a capital there, and `entry_at` would refuse them). (Most
        // walks end here or at the next token: the rest is set up after.)
        let further = |step: &Step| step.further.get(lower).is_some_and(|&f| f & all != 0);
        if !further(step) {
            return best;
        }
        // (At most `MAX_TOKENS` tokens from `i`, so `caps` has a bit for
        // each.)
        let end = ctx.len().min(limit).min(i.saturating_add(MAX_TOKENS));
        for j in i + 1..end {
            let Some(key) = ctx.key(j) else {
                break;
            };
            // A phrase runs over adjacent tokens or tokens apart by spaces,
            // never across a line.
            if !ctx.same_line(j - 1, j) {
                break;
            }
            let child = self.child(step, key);
            debug_assert_eq!(
                child,
                self.nodes
                    .get(at)
                    .and_then(|n| n.children.get(&key).copied()),
                "the edges laid out for walks lead elsewhere than the trie"
            );
            let Some(next) = child.and_then(|c| self.steps.get(c as usize)) else {
                break;
            };
            at = child.map_or(at, |c| c as usize);
            step = next;
            if ctx.capital(j) {
                caps |= 1 << (j - i);
            }
            self.take_entries(step, caps, &classes, j + 1, &mut best);
            if !further(step) {
                break;
            }
        }
        best
    }

    /// Whether a phrase of a class in `classes` may start at token `i`:
    /// the token's node holds an entry of one, or the next token on its
    /// line leads further down to one. `false` says a walk from `i`
    /// ([`Lexicon::longest`]) finds none, at the cost of one step, where
    /// most words that begin a phrase of the lists go on with none.
    #[inline]
    pub(crate) fn may_start(&self, ctx: &Ctx<'_>, i: usize, classes: u32) -> bool {
        let Some(start) = ctx.start(i).filter(|s| s.classes & classes != 0) else {
            return false;
        };
        let Some(step) = self.steps.get(start.node as usize) else {
            return false;
        };
        if step.here & classes != 0 {
            return true;
        }
        let lower = usize::from(!ctx.capital(i));
        let further = step.further.get(lower).is_some_and(|&f| f & classes != 0);
        let j = i + 1;
        further
            && j < ctx.len()
            && ctx.same_line(i, j)
            && ctx
                .key(j)
                .is_some_and(|key| self.child(step, key).is_some())
    }

    /// The child of `step` by key `key`, if it has one.
    #[inline(always)]
    fn child(&self, step: &Step, key: u128) -> Option<u32> {
        let (index, mut at) = child_slot(key);
        // (Most keys are refused by their bit, before the edges.)
        if step.child_bits >> index & 1 == 0 {
            return None;
        }
        let key = [key as u64, (key >> 64) as u64];
        let edges = self.edges.get(step.edges as usize..)?;
        // (A probe meets the key, an empty slot or, in a full table, every
        // slot once.)
        for _ in 0..=step.mask {
            let e = edges.get(at & step.mask as usize)?;
            if e.key == key && e.child != 0 {
                return Some(e.child);
            }
            if e.child == 0 {
                return None;
            }
            at += 1;
        }
        None
    }

    /// Records in `best` the entry of `step` of each class set of
    /// `classes`, as the phrase that ends before token `end`.
    #[inline(always)]
    fn take_entries<const N: usize>(
        &self,
        step: &Step,
        caps: u16,
        classes: &[u32; N],
        end: usize,
        best: &mut [Option<Hit>; N],
    ) {
        for (slot, &c) in best.iter_mut().zip(classes) {
            if let Some(word) = self.entry_at(step, caps, c) {
                *slot = Some(Hit { word, end });
            }
        }
    }

    /// The first entry of `step` of a class in `classes` that the
    /// capitals `caps` allow.
    #[inline(always)]
    fn entry_at(&self, step: &Step, caps: u16, classes: u32) -> Option<Word> {
        if step.here & classes == 0 {
            return None;
        }
        self.entries
            .get(step.entries as usize..step.entries_end as usize)?
            .iter()
            .find(|e| e.caps & !caps == 0 && e.class & classes != 0)
            .map(|e| e.word)
    }

    /// Whether token `i` alone is a word of a class in `classes`.
    #[inline]
    pub(crate) fn is(&self, ctx: &Ctx<'_>, i: usize, classes: u32) -> bool {
        let Some(start) = ctx.start(i).filter(|s| s.classes & classes != 0) else {
            return false;
        };
        let caps = u16::from(ctx.capital(i));
        self.steps
            .get(start.node as usize)
            .is_some_and(|s| self.entry_at(s, caps, classes).is_some())
    }
}

/// A key's bit in a node's [`Step::child_bits`] (one of 32) and the slot
/// its probe starts at in the node's table of edges (before the mask),
/// from its bytes mixed.
#[inline(always)]
fn child_slot(key: u128) -> (u32, usize) {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    let h = folded.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    ((h >> 59) as u32, (h >> 32) as usize)
}

/// Whether a token of a list phrase is written with a capital, so that the
/// text must have one there.
fn capital_token(kind: TokenKind) -> bool {
    match kind {
        TokenKind::Syllable(c) | TokenKind::Word(c) => c != Casing::Lower,
        TokenKind::Abbreviation => true,
        _ => false,
    }
}

/// A row of `name_words.txt`: the phrase and what it is.
fn word_row<'a>(cols: &[&'a str]) -> Option<(&'a str, Word)> {
    let (&class, &phrase) = (cols.first()?, cols.get(1)?);
    let extra = cols.get(2).copied();
    let flag = cols.get(3).copied();
    let word = match (class, extra) {
        ("honorific", None) => Word::Honorific,
        ("status", Some("former")) => Word::Status(Tenure::Former),
        ("status", Some("new")) => Word::Status(Tenure::New),
        ("role", None | Some("bare")) => Word::Role { needs_org: false },
        ("role", Some("org")) => Word::Role { needs_org: true },
        ("rank", None) => Word::Rank,
        ("head", Some(category)) => {
            let flags = cols.get(3..).unwrap_or_default();
            if flags.iter().any(|f| !matches!(*f, "lower" | "people")) {
                return None;
            }
            Word::Head {
                category: OrgCategory::parse(category)?,
                lower_ok: flags.contains(&"lower"),
                people: flags.contains(&"people"),
            }
        }
        ("unit", Some(level)) => Word::Unit {
            level: PlaceLevel::parse(level)?,
            number: match flag {
                None => false,
                Some("number") => true,
                Some(_) => return None,
            },
        },
        ("credit", Some(role)) => Word::Credit(CreditRole::parse(role)?),
        ("predicate", None) => Word::Predicate,
        ("orgword", None) => Word::InName { may_end: false },
        ("orgword", Some("end")) => Word::InName { may_end: true },
        ("stop", None) => Word::Stop,
        ("notname", None) => Word::NotName,
        ("match", None) => Word::Match,
        ("event", None) => Word::Event,
        ("corp", None) => Word::Corp,
        ("legal", None) => Word::Legal,
        ("hold", None) => Word::Hold,
        ("tail", None) => Word::Tail,
        _ => return None,
    };
    Some((phrase, word))
}

/// A small multiplicative hasher for the trie's short byte keys: the
/// standard SipHash costs more than the rest of a lookup.
#[derive(Default)]
pub(crate) struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // (Packed by whole reads: a copy of a few bytes would be a
            // call to `memcpy`, on every string a map is asked for.)
            let w = pack(rest).unwrap_or(0) as u64;
            h = (h.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }

    fn write_u128(&mut self, n: u128) {
        let (lo, hi) = (n as u64, (n >> 64) as u64);
        let h = (self.0.rotate_left(5) ^ lo).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        self.0 = (h.rotate_left(5) ^ hi).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0.rotate_left(5) ^ n as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_embedded_lists_is_read() {
        let (_, bad) = Lexicon::embedded();
        assert!(
            bad.is_empty(),
            "rows that cannot be read or matched: {bad:#?}"
        );
    }

    #[test]
    fn packed_keys() {
        assert_eq!(pack(b""), Some(0));
        assert!(pack("nghiêng".as_bytes()).is_some());
        assert_eq!(pack(&[b'a'; 17]), None);
        assert_ne!(pack(b"ab"), pack(b"ba"));
    }
}
