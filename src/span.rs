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
    ///
    /// ```
    /// use vitext::Span;
    /// let text = "Tây Nguyên";
    /// let span = Span::new(text.find("Nguyên").unwrap(), text.len());
    /// assert_eq!(span.start, 5); // `Tây` is four bytes, then the space
    /// ```
    pub start: usize,
    /// One past the last byte of the span.
    ///
    /// ```
    /// use vitext::Span;
    /// let span = Span::new(0, "Tây".len());
    /// assert_eq!(span.end, 4); // `â` is two bytes
    /// ```
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// ```
    /// use vitext::Span;
    /// let text = "Phú Quốc";
    /// assert_eq!(&text[Span::new(5, 11)], "Quốc");
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The length in bytes.
    ///
    /// ```
    /// use vitext::Span;
    /// // `ử` is three bytes in UTF-8: `cửa` is five.
    /// let text = "cửa";
    /// assert_eq!(Span::new(0, text.len()).len(), 5);
    /// assert_eq!(text.chars().count(), 3);
    /// ```
    #[inline]
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span is empty.
    ///
    /// ```
    /// use vitext::Span;
    /// assert!(Span::new(3, 3).is_empty());
    /// assert!(!Span::new(0, 2).is_empty()); // `đ`
    /// ```
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The span as a `Range<usize>`.
    ///
    /// ```
    /// use vitext::Span;
    /// let text = "Bà Rịa";
    /// let range = Span::new(4, 9).range();
    /// assert_eq!(range, 4..9);
    /// assert_eq!(&text[range], "Rịa");
    /// assert_eq!(Span::from(4..9), Span::new(4, 9));
    /// ```
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
