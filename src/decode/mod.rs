//! Legacy Vietnamese encodings: decoding, repairing mojibake, encoding and
//! recognising them.
//!
//! Before Unicode, Vietnamese was typed in font encodings and conventions:
//! [TCVN3](Encoding::Tcvn3) (the ABC fonts, `.VnTime`),
//! [VNI](Encoding::Vni) (`VNI-Times`), [VISCII](Encoding::Viscii),
//! [Windows-1258](Encoding::Cp1258) and the ASCII convention
//! [VIQR](Encoding::Viqr). Such text reaches programs in two ways:
//!
//! - as the **raw bytes** of an old file: [`Encoding::decode`];
//! - far more often as **mojibake** inside UTF-8 text, because the legacy
//!   bytes were once read as Windows-1252 and saved again: a UTF-8 file that
//!   says `B¶o Th¾ng` (TCVN3 for `Bảo Thắng`) or `Xin chaøo` (VNI for
//!   `Xin chào`). [`Encoding::repair`] turns such text back into Vietnamese.
//!
//! Output is always NFC: VNI's two-byte letters and Windows-1258's
//! combining tones come out as precomposed letters. Decoding is faithful: it
//! writes what the bytes say, tone placement and spelling included, and
//! leaves repairs (misplaced marks, tone style, look-alikes, odd spaces) to
//! [`normalize`](crate::normalize()), which callers run after it when they
//! want them.
//!
//! ```
//! use vitext::decode::Encoding;
//!
//! // Raw bytes of a TCVN3 file.
//! assert_eq!(Encoding::Tcvn3.decode(b"B\xb6o Th\xbeng").unwrap(), "Bảo Thắng");
//! // The same bytes once read as Windows-1252 and saved as UTF-8.
//! assert_eq!(Encoding::Tcvn3.repair("B¶o Th¾ng").unwrap(), "Bảo Thắng");
//! assert_eq!(Encoding::Vni.repair("Xin chaøo caùc baïn").unwrap(), "Xin chào các bạn");
//! assert_eq!(Encoding::Viqr.repair("Tie^'ng Vie^.t").unwrap(), "Tiếng Việt");
//! ```
//!
//! # Strict and lossy
//!
//! [`decode`](Encoding::decode), [`repair`](Encoding::repair) and
//! [`encode`](Encoding::encode) stop at the first byte the encoding does not
//! define (or character it cannot write) and return an [`Error`] naming its
//! offset. The `_lossy` forms write U+FFFD (or `?` when encoding) and carry
//! on; they never fail.
//!
//! ```
//! use vitext::decode::{Encoding, ErrorKind};
//!
//! let bytes = b"Windows-1258 leaves \x8a undefined";
//! let err = Encoding::Cp1258.decode(bytes).unwrap_err();
//! assert_eq!(err.offset(), 20);
//! assert_eq!(err.kind(), &ErrorKind::UnmappedByte(0x8a));
//! assert_eq!(Encoding::Cp1258.decode_lossy(bytes), "Windows-1258 leaves \u{fffd} undefined");
//! ```
//!
//! # Recognising an encoding
//!
//! [`detect`] (raw bytes) and [`detect_str`] (mojibake) guess the encoding
//! from how many words come out as valid Vietnamese syllables; see
//! [`Detection`].
//!
//! ```
//! use vitext::decode::{detect_str, Encoding};
//!
//! let found = detect_str("Chñ tÞch n­íc tiÕp ®oµn ®¹i biÓu").unwrap();
//! assert_eq!(found.encoding(), Encoding::Tcvn3);
//! assert_eq!(detect_str("Chủ tịch nước tiếp đoàn đại biểu"), None);
//! assert_eq!(detect_str("The committee met on Tuesday."), None);
//! ```

mod compose;
mod detect;
mod error;
mod table;
mod viqr;

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use compose::{Composer, decode_bytes, nfc, repair_chars, restore_lost_u_horn};
pub use detect::{Detection, detect, detect_str};
use error::Errors;
pub use error::{Error, ErrorKind, UnknownEncoding};

/// A legacy Vietnamese encoding.
///
/// The tables behind the byte encodings are plain text files in the crate's
/// `src/data/`, each naming the standard it follows.
///
/// ```
/// use vitext::decode::Encoding;
///
/// // `đ` is one byte in TCVN3, VISCII and Windows-1258, and the letter
/// // pair `dd` in VIQR.
/// assert_eq!(Encoding::Tcvn3.encode("đ").unwrap(), b"\xae");
/// assert_eq!(Encoding::Viqr.encode("đ").unwrap(), b"dd");
/// assert_eq!(Encoding::Viqr.decode(b"ddu+o+`ng").unwrap(), "đường");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Encoding {
    /// TCVN3 (ABC), the VN3 table of TCVN 5712:1993, used by the `.VnTime`
    /// fonts. It has no toned capitals (documents set capitals in a
    /// separate `.VnTimeH` font whose bytes are the lower-case ones); the
    /// decoder reads what the bytes say and does not guess case. Bytes the
    /// table does not use keep their Windows-1252 meaning, so dashes and
    /// curly quotes typed in TCVN3 documents stay punctuation.
    Tcvn3,
    /// VNI (VNI-Times and the other VNI fonts): a toned or modified vowel is
    /// the base letter followed by a byte of marks. Bytes it does not use
    /// keep their Windows-1252 meaning.
    Vni,
    /// VIQR (RFC 1456), Vietnamese in plain ASCII: marks follow the vowel
    /// they belong to, modifier first: `(` breve, `^` circumflex, `+` horn,
    /// then `'` acute, `` ` `` grave, `?` hook above, `~` tilde, `.` dot
    /// below; `dd` at the start of a word is `đ` (`DD` or `Dd` is `Đ`). A
    /// backslash makes the next mark character literal: `Hi\.` is `Hi.`.
    ///
    /// A mark character is read as a mark only after a vowel that can take
    /// it, only one tone is read per word, and none in a word that cannot
    /// be a syllable (more than seven letters, or `f`, `j`, `w`, `z`:
    /// `www.example.com` stays as it is); otherwise it is punctuation. As
    /// RFC 1456 says, a sentence-final `.` or `?` right after a toneless
    /// vowel is read as a tone unless escaped.
    Viqr,
    /// VISCII (RFC 1456): every precomposed Vietnamese letter has one byte,
    /// including six in control positions.
    Viscii,
    /// Windows-1258 (code page 1258): Windows-1252 with the modified letters
    /// and five combining tone marks; toned letters are mostly a base letter
    /// followed by a tone byte.
    Cp1258,
}

impl Encoding {
    /// Every encoding, in declaration order.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    ///
    /// // Every encoding can write lower-case Vietnamese and read it back.
    /// for encoding in Encoding::ALL {
    ///     let bytes = encoding.encode("nghiêng ngửa").unwrap();
    ///     assert_eq!(encoding.decode(&bytes).unwrap(), "nghiêng ngửa");
    /// }
    /// ```
    pub const ALL: [Encoding; 5] = [
        Encoding::Tcvn3,
        Encoding::Vni,
        Encoding::Viqr,
        Encoding::Viscii,
        Encoding::Cp1258,
    ];

    /// The short lower-case name, as [`FromStr`] reads it: `tcvn3`, `vni`,
    /// `viqr`, `viscii`, `cp1258`.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// assert_eq!(Encoding::Tcvn3.name(), "tcvn3");
    /// assert_eq!("windows-1258".parse::<Encoding>(), Ok(Encoding::Cp1258));
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
            Encoding::Viqr => "viqr",
            Encoding::Viscii => "viscii",
            Encoding::Cp1258 => "cp1258",
        }
    }

    /// Decodes raw bytes in this encoding into NFC Unicode. Fails at the
    /// first byte the encoding does not define.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// // Windows-1258 writes most tones as a combining byte after the letter.
    /// assert_eq!(Encoding::Cp1258.decode(b"Vi\xea\xf2t Nam").unwrap(), "Việt Nam");
    /// assert_eq!(Encoding::Viscii.decode(b"Vi\xaet Nam").unwrap(), "Việt Nam");
    /// ```
    pub fn decode(self, bytes: &[u8]) -> Result<String, Error> {
        self.decode_with(bytes, Errors::Strict)
    }

    /// Decodes raw bytes, writing U+FFFD for bytes the encoding does not
    /// define.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// assert_eq!(Encoding::Viqr.decode_lossy(b"Vie^.t \xff"), "Vi\u{1ec7}t \u{fffd}");
    /// ```
    pub fn decode_lossy(self, bytes: &[u8]) -> String {
        self.decode_with(bytes, Errors::Replace)
            .unwrap_or_else(|_| unreachable!("lossy decoding does not fail"))
    }

    /// Repairs mojibake: `text` holds legacy bytes that were read as
    /// Windows-1252 (or Latin-1); each character is taken back to its byte
    /// and the bytes are decoded in this encoding. Characters that no
    /// Windows-1252 byte reads as (real Vietnamese letters, emoji) are kept as
    /// they are, so partly repaired text is safe to repair again only if it
    /// holds no Windows-1252 characters. Fails at the first character whose
    /// byte the encoding does not define; the error's offset is a byte
    /// offset into `text`.
    ///
    /// Text that needs no change comes back borrowed.
    ///
    /// TCVN3 writes `ư` as byte `0xAD`, the soft hyphen of Windows-1252,
    /// which editors and web pages often drop as invisible. When the text
    /// holds no soft hyphen at all and a word
    /// repairs to an impossible syllable with `ơ` right after a consonant,
    /// and `ươ` there makes it valid (`Mêng` → `Mờng` → `Mường`,
    /// `níc` → `nớc` → `nước`), the lost `ư` is put back. Where both
    /// readings are syllables (`Ngêi` is `Ngời` as well as `Người`) the
    /// word is left as the bytes say.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// assert_eq!(Encoding::Tcvn3.repair("Mêng Kh¬ng – Ninh B×nh").unwrap(), "Mường Khương – Ninh Bình");
    /// assert_eq!(Encoding::Vni.repair("Haø Noäi").unwrap(), "Hà Nội");
    /// ```
    pub fn repair<'h>(self, text: &'h str) -> Result<Cow<'h, str>, Error> {
        self.repair_with(text, Errors::Strict)
    }

    /// Repairs mojibake like [`repair`](Encoding::repair), writing U+FFFD
    /// for characters whose byte the encoding does not define.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// assert_eq!(Encoding::Cp1258.repair_lossy("Vi\u{ea}\u{f2}t \u{8a}"), "Việt \u{fffd}");
    /// ```
    pub fn repair_lossy(self, text: &str) -> Cow<'_, str> {
        self.repair_with(text, Errors::Replace)
            .unwrap_or_else(|_| unreachable!("lossy repair does not fail"))
    }

    /// Encodes Unicode text into this encoding: the inverse of
    /// [`decode`](Encoding::decode). The text is composed (NFC) first, so
    /// decomposed input is fine; each letter takes the shortest byte
    /// sequence the encoding has for it (VNI and Windows-1258 use a base
    /// letter and a mark byte where they must). Fails at the first
    /// character the encoding cannot write, such as a toned capital in
    /// TCVN3; the error's offset is into the composed text. (VIQR reads one
    /// tone mark per word and none in words too long to be a syllable, so
    /// such words, which are not Vietnamese, do not come back the same.)
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// assert_eq!(Encoding::Vni.encode("Việt Nam").unwrap(), b"Vie\xe4t Nam");
    /// assert_eq!(Encoding::Viqr.encode("Tiếng Việt, đi.").unwrap(), b"Tie^'ng Vie^.t, ddi\\.");
    /// assert!(Encoding::Tcvn3.encode("VIỆT NAM").is_err());
    /// ```
    pub fn encode(self, text: &str) -> Result<Vec<u8>, Error> {
        self.encode_with(text, Errors::Strict)
    }

    /// Encodes like [`encode`](Encoding::encode), writing `?` for characters
    /// the encoding cannot write.
    ///
    /// ```
    /// use vitext::decode::Encoding;
    /// assert_eq!(Encoding::Tcvn3.encode_lossy("VIỆT"), b"VI?T");
    /// ```
    pub fn encode_lossy(self, text: &str) -> Vec<u8> {
        self.encode_with(text, Errors::Replace)
            .unwrap_or_else(|_| unreachable!("lossy encoding does not fail"))
    }

    fn decode_with(self, bytes: &[u8], errors: Errors) -> Result<String, Error> {
        let mut out = Composer::with_capacity(bytes.len() + bytes.len() / 4);
        match table::table(self) {
            Some(table) => decode_bytes(table, self, bytes, &mut out, errors)?,
            None => viqr::decode(viqr::bytes(bytes), self, &mut out.text, errors)?,
        }
        Ok(out.finish())
    }

    fn repair_with(self, text: &str, errors: Errors) -> Result<Cow<'_, str>, Error> {
        let mut out = Composer::with_capacity(0);
        let changed = match table::table(self) {
            Some(table) => repair_chars(table, self, text, &mut out, errors)?,
            None => {
                out.text.reserve(text.len());
                viqr::decode(viqr::chars(text), self, &mut out.text, errors)?;
                out.text != text
            }
        };
        if !changed {
            return Ok(nfc(Cow::Borrowed(text)));
        }
        // Characters passed through from the input may not be NFC.
        out.unsure = true;
        let mut repaired = out.finish();
        // Only where the soft hyphens are gone: where they are still
        // there, every `ư` came through.
        if self == Encoding::Tcvn3 && !text.contains('\u{ad}') {
            restore_lost_u_horn(&mut repaired);
        }
        Ok(Cow::Owned(repaired))
    }

    fn encode_with(self, text: &str, errors: Errors) -> Result<Vec<u8>, Error> {
        let text = nfc(Cow::Borrowed(text));
        let text = text.as_ref();
        let mut out = Vec::with_capacity(text.len());
        match table::encoder(self) {
            Some(encoder) => {
                for (offset, c) in text.char_indices() {
                    match encoder.get(c) {
                        Some(bytes) => out.extend_from_slice(bytes),
                        None => {
                            errors.check(Error::new(
                                ErrorKind::UnencodableChar(c),
                                self,
                                offset,
                            ))?;
                            out.push(b'?');
                        }
                    }
                }
            }
            None => viqr::encode(text, self, &mut out, errors)?,
        }
        Ok(out)
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Reads an encoding's name, ignoring case: `tcvn3` (or `abc`, `tcvn`),
/// `vni`, `viqr`, `viscii`, `cp1258` (or `windows-1258`).
impl FromStr for Encoding {
    type Err = UnknownEncoding;

    fn from_str(name: &str) -> Result<Encoding, UnknownEncoding> {
        let name = name.trim().to_ascii_lowercase();
        Ok(match name.as_str() {
            "tcvn3" | "tcvn" | "abc" | "tcvn-3" => Encoding::Tcvn3,
            "vni" => Encoding::Vni,
            "viqr" => Encoding::Viqr,
            "viscii" => Encoding::Viscii,
            "cp1258" | "windows-1258" | "windows1258" => Encoding::Cp1258,
            _ => return Err(UnknownEncoding),
        })
    }
}

#[cfg(test)]
mod tests;
