//! Byte spans into the caller's original text.

use core::ops::{Index, Range};

/// A half-open byte range `start..end` into the text the caller passed in.
///
/// Every token and entity carries one; `&text[span]` is the surface text.
///
/// ```
/// use vitext::Span;
/// let text = "Hòa Bình";
/// let span = Span::new(0, 4);
/// assert_eq!(&text[span], "Hòa");
/// assert_eq!(span.len(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The length in bytes.
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`.
    #[inline]
    pub const fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// The smallest span covering both.
    ///
    /// ```
    /// use vitext::Span;
    /// assert_eq!(Span::new(2, 4).cover(Span::new(7, 9)), Span::new(2, 9));
    /// ```
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text of this span in `haystack`, or `None` when the span is out
    /// of bounds or not on character boundaries.
    ///
    /// ```
    /// use vitext::Span;
    /// assert_eq!(Span::new(0, 1).get("đi"), None); // inside `đ`
    /// assert_eq!(Span::new(0, 3).get("đi"), Some("đi"));
    /// ```
    #[inline]
    pub fn get(self, haystack: &str) -> Option<&str> {
        haystack.get(self.range())
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

impl Index<Span> for str {
    type Output = str;

    #[inline]
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}
