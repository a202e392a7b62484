//! The offset map from normalized text back to the original.

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::Span;

/// One replaced piece: `src` in the original became `dst` in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Edit {
    src: Span,
    dst: Span,
}

/// Normalized text together with the map back to the original.
///
/// Produced by [`normalize`](super::normalize). When nothing changed it
/// borrows the input and holds no map.
///
/// ```
/// use vitext::normalize::{NormalizeConfig, Normalizer};
/// use vitext::{Span, TonePlacement};
///
/// let input = "Ðảm baỏ chất lựơng";
/// let out = Normalizer::new(NormalizeConfig::new().tone(TonePlacement::Traditional)).normalize(input);
/// assert_eq!(out.as_str(), "Đảm bảo chất lượng");
/// // "bảo" in the output is "baỏ" in the input.
/// let span = Span::new(out.as_str().find("bảo").unwrap(), out.as_str().find(" chất").unwrap());
/// assert_eq!(&input[out.original_span(span)], "baỏ");
/// ```
#[derive(Clone, Debug)]
pub struct Normalized<'h> {
    /// The text normalized, for the words inside a replaced piece.
    input: &'h str,
    text: Cow<'h, str>,
    edits: Vec<Edit>,
    /// The edits split word by word and at the letters a repair left alone
    /// (see [`refine`]), made when the first offset is mapped back.
    fine: OnceLock<Vec<Edit>>,
}

impl PartialEq for Normalized<'_> {
    // The split edits follow from the rest.
    fn eq(&self, other: &Normalized<'_>) -> bool {
        (self.input, &self.text, &self.edits) == (other.input, &other.text, &other.edits)
    }
}

impl Eq for Normalized<'_> {}

impl<'h> Normalized<'h> {
    pub(crate) fn unchanged(text: &'h str) -> Normalized<'h> {
        Normalized {
            input: text,
            text: Cow::Borrowed(text),
            edits: Vec::new(),
            fine: OnceLock::new(),
        }
    }

    /// The normalized text.
    ///
    /// ```
    /// use vitext::normalize::{normalize};
    ///
    /// // A decomposed `ễ` comes out precomposed.
    /// let out = normalize("Nguye\u{302}\u{303}n");
    /// assert_eq!(out.as_str(), "Nguyễn");
    /// ```
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The normalized text, borrowed from the input when nothing changed.
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use vitext::normalize::{NormalizeConfig, Normalizer};
    ///
    /// let config = NormalizeConfig::default();
    /// let same = Normalizer::new(config).normalize("Hà Nội").into_cow();
    /// assert!(matches!(same, Cow::Borrowed("Hà Nội")));
    /// let fixed = Normalizer::new(config).normalize("Hà Nộị").into_cow();
    /// assert!(matches!(fixed, Cow::Owned(_)));
    /// ```
    #[inline]
    pub fn into_cow(self) -> Cow<'h, str> {
        self.text
    }

    /// Whether the output is the input itself (nothing was changed and
    /// nothing was allocated).
    ///
    /// ```
    /// use vitext::normalize::{NormalizeConfig, Normalizer};
    ///
    /// let config = NormalizeConfig::default();
    /// assert!(Normalizer::new(config).normalize("Sài Gòn").is_unchanged());
    /// // The tone of `Gòn` typed on the wrong letter: `Gòn` is written again.
    /// assert!(!Normalizer::new(config).normalize("Sài Gon\u{300}").is_unchanged());
    /// ```
    #[inline]
    pub fn is_unchanged(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The replaced pieces, in order, as `(original span, output span)` pairs.
    ///
    /// ```
    /// use vitext::normalize::{normalize};
    /// use vitext::Span;
    /// let out = normalize("a baì");
    /// let edits: Vec<_> = out.edits().collect();
    /// assert_eq!(edits, [(Span::new(2, 6), Span::new(2, 6))]);
    /// ```
    pub fn edits(&self) -> impl ExactSizeIterator<Item = (Span, Span)> + '_ {
        self.edits.iter().map(|e| (e.src, e.dst))
    }

    /// Maps an offset in the output back to the original. The words and
    /// gaps of a replaced piece that holds several (a zero-width space
    /// between two words) map one to one, and the letters a repair left
    /// alone at the start and end of a word map to themselves; an offset
    /// inside what was rewritten maps to its start when `edge` is
    /// [`Edge::Start`] and to its end when it is [`Edge::End`]. So a mapped
    /// span covers whole rewritten pieces and lies on character boundaries
    /// of the original, and two spans that meet between words do not
    /// overlap in the original (removed characters where they meet go to
    /// the second). The first call splits the replaced pieces so, once;
    /// each call after it is a binary search.
    ///
    /// ```
    /// use vitext::normalize::{normalize, Edge};
    ///
    /// // Decomposed `về` (6 bytes) is written again precomposed (4 bytes).
    /// let input = "ve\u{302}\u{300} nhà";
    /// let out = normalize(input);
    /// assert_eq!(out.as_str(), "về nhà");
    /// // Offset 2 is inside the replaced letter: it rounds to either end.
    /// assert_eq!(out.original_offset(2, Edge::Start), 1);
    /// assert_eq!(out.original_offset(2, Edge::End), 6);
    /// // After the change, offsets shift by the two bytes saved.
    /// let space = out.as_str().find(' ').unwrap();
    /// assert_eq!(out.original_offset(space, Edge::Start), input.find(' ').unwrap());
    /// ```
    pub fn original_offset(&self, offset: usize, edge: Edge) -> usize {
        // Past the end of the output is the end of the input.
        let offset = offset.min(self.text.len());
        let at_end = edge == Edge::End && offset == self.text.len();
        let whole = Edit {
            src: Span::new(0, self.input.len()),
            dst: Span::new(0, self.text.len()),
        };
        let fine = self.fine.get_or_init(|| {
            let mut fine = Vec::with_capacity(self.edits.len());
            for e in &self.edits {
                let src = self.input.get(e.src.range()).unwrap_or_default();
                let dst = self.text.get(e.dst.range()).unwrap_or_default();
                refine(&mut fine, src, e.src.start, dst, e.dst.start);
            }
            fine
        });
        match locate(fine, whole, offset, at_end) {
            Ok(original) => original,
            Err(piece) => match edge {
                Edge::Start => piece.src.start,
                Edge::End => piece.src.end,
            },
        }
    }

    /// Maps a span of the output back to the span of the original it came
    /// from (see [`Normalized::original_offset`]).
    ///
    /// ```
    /// use vitext::normalize::{normalize};
    /// use vitext::Span;
    ///
    /// let input = "Thủ đô Hà Nộị";
    /// let out = normalize(input);
    /// assert_eq!(out.as_str(), "Thủ đô Hà Nội");
    /// let start = out.as_str().find("Nội").unwrap();
    /// let span = Span::new(start, out.as_str().len());
    /// assert_eq!(&input[out.original_span(span)], "Nộị");
    /// ```
    pub fn original_span(&self, span: Span) -> Span {
        let start = self.original_offset(span.start, Edge::Start);
        let end = self.original_offset(span.end, Edge::End).max(start);
        Span::new(start, end)
    }

    pub(crate) fn from_parts(
        input: &'h str,
        text: String,
        edits: Vec<(Span, Span)>,
    ) -> Normalized<'h> {
        Normalized {
            input,
            text: Cow::Owned(text),
            edits: edits
                .into_iter()
                .map(|(src, dst)| Edit { src, dst })
                .collect(),
            fine: OnceLock::new(),
        }
    }
}

/// Where `offset` of the output is in the original, by `edits`, which lie
/// inside the piece `from` (the whole text, or a replaced piece); the edit
/// `offset` lies strictly inside when the edits cannot say.
///
/// Where pieces start, a span that starts takes them whole, even empty
/// ones (removed invisible characters), and a span that ends takes none,
/// so two spans that meet there do not overlap; only the end of the text
/// (`at_end`) takes the pieces after it.
fn locate(edits: &[Edit], from: Edit, offset: usize, at_end: bool) -> Result<usize, Edit> {
    let first = edits.partition_point(|e| e.dst.start < offset);
    if let Some(edit) = edits.get(first).filter(|e| e.dst.start == offset) {
        if !at_end {
            return Ok(edit.src.start);
        }
    }
    // The last edit that starts at or before `offset`.
    let i = edits.partition_point(|e| e.dst.start <= offset);
    let Some(&edit) = i.checked_sub(1).and_then(|i| edits.get(i)) else {
        // Before every edit: as far from the start of `from` as in the
        // output.
        return Ok(from.src.start + (offset - from.dst.start));
    };
    if offset >= edit.dst.end {
        return Ok(edit.src.end + (offset - edit.dst.end));
    }
    Err(edit)
}

/// Splits the piece `src` (at byte `src_at` of the input) that became `dst`
/// (at `dst_at` of the output) into the smallest edits the two allow, so
/// that offsets inside it map back word by word. Where both hold as many
/// words, the words are paired in order, each an edit of its own, and so
/// are the gaps between them; a gap with no counterpart (a removed
/// zero-width space) is removed or inserted alone:
/// `Đi\u{323}nh\u{200B}Nguye\u{302}\u{303}n` → `Định Nguyễn`. Each edit
/// drops the characters its two sides begin and end with alike, and an
/// unchanged piece is no edit.
fn refine(edits: &mut Vec<Edit>, src: &str, src_at: usize, dst: &str, dst_at: usize) {
    // Most repairs are of one word.
    if !src.chars().chain(dst.chars()).any(crate::chars::is_gap) {
        push_trimmed(edits, src, src_at, dst, dst_at);
        return;
    }
    // Maximal runs of gap characters and of the rest: (start, end, gap).
    let runs = |s: &str| -> Vec<(usize, usize, bool)> {
        let mut out: Vec<(usize, usize, bool)> = Vec::new();
        for (i, c) in s.char_indices() {
            let gap = crate::chars::is_gap(c);
            match out.last_mut() {
                Some((_, end, g)) if *g == gap => *end = i + c.len_utf8(),
                _ => out.push((i, i + c.len_utf8(), gap)),
            }
        }
        out
    };
    let (a, b) = (runs(src), runs(dst));
    let words = |r: &[(usize, usize, bool)]| r.iter().filter(|x| !x.2).count();
    if words(&a) != words(&b) {
        push_trimmed(edits, src, src_at, dst, dst_at);
        return;
    }
    fn piece<'s>(s: &'s str, r: Option<&(usize, usize, bool)>) -> &'s str {
        r.and_then(|&(i, e, _)| s.get(i..e)).unwrap_or_default()
    }
    let (mut i, mut j) = (0, 0);
    // Where the next piece starts on each side.
    let (mut x, mut y) = (0, 0);
    while i < a.len() || j < b.len() {
        let (ra, rb) = (a.get(i), b.get(j));
        let (take_a, take_b) = match (ra, rb) {
            (Some(p), Some(q)) if p.2 == q.2 => (true, true),
            // A gap on one side only: removed or inserted alone.
            (Some(p), _) if p.2 => (true, false),
            (_, Some(q)) if q.2 => (false, true),
            _ => (ra.is_some(), rb.is_some()),
        };
        let from = if take_a { piece(src, ra) } else { "" };
        let to = if take_b { piece(dst, rb) } else { "" };
        push_trimmed(edits, from, src_at + x, to, dst_at + y);
        x += from.len();
        y += to.len();
        i += usize::from(take_a);
        j += usize::from(take_b);
    }
}

/// Records that `src` became `dst`, without the characters they begin and
/// end with alike; nothing when they are equal.
fn push_trimmed(edits: &mut Vec<Edit>, src: &str, src_at: usize, dst: &str, dst_at: usize) {
    let head: usize = src
        .chars()
        .zip(dst.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let (src_rest, dst_rest) = (
        src.get(head..).unwrap_or_default(),
        dst.get(head..).unwrap_or_default(),
    );
    let tail: usize = src_rest
        .chars()
        .rev()
        .zip(dst_rest.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    if src_rest.len() == tail && dst_rest.len() == tail {
        return;
    }
    edits.push(Edit {
        src: Span::new(src_at + head, src_at + src.len() - tail),
        dst: Span::new(dst_at + head, dst_at + dst.len() - tail),
    });
}

/// Which end of a span an offset is, when it falls inside a replaced piece.
///
/// ```
/// use vitext::normalize::{normalize, Edge};
///
/// // `baì` is rewritten as `bài`: `aì` became `ài`, so byte 2 of the
/// // output is inside a replaced piece, `à`.
/// let out = normalize("baì");
/// assert_eq!(out.as_str(), "bài");
/// assert_eq!(out.original_offset(2, Edge::Start), 1);
/// assert_eq!(out.original_offset(2, Edge::End), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The start of a span: round down to the piece's start.
    Start,
    /// The end of a span: round up to the piece's end.
    End,
}
