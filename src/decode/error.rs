//! The error type of strict decoding, repairing and encoding.

use core::fmt;

use super::Encoding;

/// The error of parsing an [`Encoding`] from its name (`FromStr`): the name
/// is not one of ours.
///
/// ```
/// use vitext::decode::{Encoding, UnknownEncoding};
///
/// assert_eq!("VNI".parse::<Encoding>(), Ok(Encoding::Vni));
/// // UTF-8 is not a legacy Vietnamese encoding.
/// assert_eq!("utf-8".parse::<Encoding>(), Err(UnknownEncoding));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnknownEncoding;

impl fmt::Display for UnknownEncoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown encoding (expected tcvn3, vni, viqr, viscii or cp1258)")
    }
}

impl std::error::Error for UnknownEncoding {}

/// What went wrong in strict decoding, repairing or encoding.
///
/// ```
/// use vitext::decode::{Encoding, ErrorKind};
///
/// // TCVN3 has no toned capitals: `Ệ` cannot be written.
/// let err = Encoding::Tcvn3.encode("VIỆT").unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::UnencodableChar('Ệ'));
/// // Windows-1258 leaves byte 0x8A undefined.
/// let err = Encoding::Cp1258.decode(b"Nam \x8a").unwrap_err();
/// assert_eq!(err.kind(), &ErrorKind::UnmappedByte(0x8a));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A byte the encoding does not define (when repairing mojibake: the
    /// byte a character stands for).
    UnmappedByte(u8),
    /// A character the encoding cannot write.
    UnencodableChar(char),
}

/// The error of strict decoding, repairing and encoding: what went wrong,
/// in which encoding, and where.
///
/// ```
/// use vitext::decode::Encoding;
/// let err = Encoding::Viqr.decode(b"Vie^.t \xc3").unwrap_err();
/// assert_eq!(err.to_string(), "byte 0xc3 at offset 7 is not defined in viqr");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    encoding: Encoding,
    offset: usize,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, encoding: Encoding, offset: usize) -> Error {
        Error {
            kind,
            encoding,
            offset,
        }
    }

    /// What went wrong.
    ///
    /// ```
    /// use vitext::decode::{Encoding, ErrorKind};
    ///
    /// let err = Encoding::Viscii.encode("Hà Nội ✓").unwrap_err();
    /// assert_eq!(err.kind(), &ErrorKind::UnencodableChar('✓'));
    /// ```
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The encoding being decoded or encoded.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    ///
    /// let err = Encoding::Tcvn3.encode("ĐẢNG").unwrap_err();
    /// assert_eq!(err.encoding(), Encoding::Tcvn3);
    /// assert!(err.to_string().ends_with("cannot be written in tcvn3"));
    /// ```
    pub fn encoding(&self) -> Encoding {
        self.encoding
    }

    /// The byte offset of the offending byte or character in the input.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    ///
    /// // `Đ` can be written; the toned capital `Ả` after it (at byte 2) cannot.
    /// let err = Encoding::Tcvn3.encode("ĐẢNG").unwrap_err();
    /// assert_eq!(err.offset(), "Đ".len());
    /// ```
    pub fn offset(&self) -> usize {
        self.offset
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::UnmappedByte(b) => write!(
                f,
                "byte {b:#04x} at offset {} is not defined in {}",
                self.offset, self.encoding
            ),
            ErrorKind::UnencodableChar(c) => write!(
                f,
                "character {c:?} (U+{:04X}) at offset {} cannot be written in {}",
                u32::from(c),
                self.offset,
                self.encoding
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        None
    }
}

/// What to do with a byte or character the encoding has no place for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Errors {
    Strict,
    Replace,
}

impl Errors {
    /// Returns the error in strict mode, `Ok` (carry on with a replacement)
    /// in lossy mode.
    #[inline]
    pub(crate) fn check(self, error: Error) -> Result<(), Error> {
        match self {
            Errors::Strict => Err(error),
            Errors::Replace => Ok(()),
        }
    }
}
