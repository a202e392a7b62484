//! The offset map from normalized text back to the original.

use std::borrow::Cow;

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
/// use vitext::normalize::{normalize, NormalizeConfig};
/// use vitext::{Span, TonePlacement};
///
/// let input = "Ðảm baỏ chất lựơng";
/// let out = normalize(input, &NormalizeConfig::new().tone(TonePlacement::Traditional));
/// assert_eq!(out.as_str(), "Đảm bảo chất lượng");
/// // "bảo" in the output is "baỏ" in the input.
/// let span = Span::new(out.as_str().find("bảo").unwrap(), out.as_str().find(" chất").unwrap());
/// assert_eq!(&input[out.original_span(span)], "baỏ");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Normalized<'h> {
    text: Cow<'h, str>,
    edits: Vec<Edit>,
}

impl<'h> Normalized<'h> {
    pub(crate) fn unchanged(text: &'h str) -> Normalized<'h> {
        Normalized {
            text: Cow::Borrowed(text),
            edits: Vec::new(),
        }
    }

    /// The normalized text.
    ///
    /// ```
    /// use vitext::normalize::{normalize, NormalizeConfig};
    ///
    /// // A decomposed `ễ` comes out precomposed.
    /// let out = normalize("Nguye\u{302}\u{303}n", &NormalizeConfig::default());
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
    /// use vitext::normalize::{normalize, NormalizeConfig};
    ///
    /// let config = NormalizeConfig::default();
    /// let same = normalize("Hà Nội", &config).into_cow();
    /// assert!(matches!(same, Cow::Borrowed("Hà Nội")));
    /// let fixed = normalize("Hà Nộị", &config).into_cow();
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
    /// use vitext::normalize::{normalize, NormalizeConfig};
    ///
    /// let config = NormalizeConfig::default();
    /// assert!(normalize("Sài Gòn", &config).is_unchanged());
    /// // The tone of `Gòn` typed on the wrong letter: `Gòn` is written again.
    /// assert!(!normalize("Sài Gon\u{300}", &config).is_unchanged());
    /// ```
    #[inline]
    pub fn is_unchanged(&self) -> bool {
        matches!(self.text, Cow::Borrowed(_))
    }

    /// The replaced pieces, in order, as `(original span, output span)` pairs.
    ///
    /// ```
    /// use vitext::normalize::{normalize, NormalizeConfig};
    /// use vitext::Span;
    /// let out = normalize("a baì", &NormalizeConfig::default());
    /// let edits: Vec<_> = out.edits().collect();
    /// assert_eq!(edits, [(Span::new(2, 6), Span::new(2, 6))]);
    /// ```
    pub fn edits(&self) -> impl ExactSizeIterator<Item = (Span, Span)> + '_ {
        self.edits.iter().map(|e| (e.src, e.dst))
    }

    /// Maps an offset in the output back to the original. An offset inside a
    /// replaced piece maps to that piece's start when `edge` is
    /// [`Edge::Start`] and to its end when it is [`Edge::End`], so a mapped
    /// span always covers whole replaced pieces and lies on character
    /// boundaries of the original.
    ///
    /// ```
    /// use vitext::normalize::{normalize, Edge, NormalizeConfig};
    ///
    /// // Decomposed `về` (6 bytes) is written again precomposed (4 bytes).
    /// let input = "ve\u{302}\u{300} nhà";
    /// let out = normalize(input, &NormalizeConfig::default());
    /// assert_eq!(out.as_str(), "về nhà");
    /// // Offset 1 is inside the replaced word: it rounds to either end.
    /// assert_eq!(out.original_offset(1, Edge::Start), 0);
    /// assert_eq!(out.original_offset(1, Edge::End), 6);
    /// // After the change, offsets shift by the two bytes saved.
    /// let space = out.as_str().find(' ').unwrap();
    /// assert_eq!(out.original_offset(space, Edge::Start), input.find(' ').unwrap());
    /// ```
    pub fn original_offset(&self, offset: usize, edge: Edge) -> usize {
        // Past the end of the output is the end of the input.
        let offset = offset.min(self.text.len());
        // A span that starts where pieces start takes them whole, even empty
        // ones (removed invisible characters).
        if edge == Edge::Start {
            let first = self.edits.partition_point(|e| e.dst.start < offset);
            if let Some(edit) = self.edits.get(first).filter(|e| e.dst.start == offset) {
                return edit.src.start;
            }
        }
        // The last edit that starts at or before `offset`.
        let i = self.edits.partition_point(|e| e.dst.start <= offset);
        let Some(edit) = i.checked_sub(1).and_then(|i| self.edits.get(i)) else {
            return offset;
        };
        if offset >= edit.dst.end {
            return edit.src.end + (offset - edit.dst.end);
        }
        match edge {
            Edge::Start => edit.src.start,
            Edge::End if offset == edit.dst.start => edit.src.start,
            Edge::End => edit.src.end,
        }
    }

    /// Maps a span of the output back to the span of the original it came
    /// from (see [`Normalized::original_offset`]).
    ///
    /// ```
    /// use vitext::normalize::{normalize, NormalizeConfig};
    /// use vitext::Span;
    ///
    /// let input = "Thủ đô Hà Nộị";
    /// let out = normalize(input, &NormalizeConfig::default());
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

    pub(crate) fn from_parts(text: String, edits: Vec<(Span, Span)>) -> Normalized<'h> {
        Normalized {
            text: Cow::Owned(text),
            edits: edits
                .into_iter()
                .map(|(src, dst)| Edit { src, dst })
                .collect(),
        }
    }
}

/// Which end of a span an offset is, when it falls inside a replaced piece.
///
/// ```
/// use vitext::normalize::{normalize, Edge, NormalizeConfig};
///
/// // `baì` (5 bytes) is rewritten as `bài` (4 bytes), so byte 2 of the
/// // output is inside a replaced piece.
/// let out = normalize("baì", &NormalizeConfig::default());
/// assert_eq!(out.as_str(), "bài");
/// assert_eq!(out.original_offset(2, Edge::Start), 0);
/// assert_eq!(out.original_offset(2, Edge::End), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Edge {
    /// The start of a span: round down to the piece's start.
    Start,
    /// The end of a span: round up to the piece's end.
    End,
}
