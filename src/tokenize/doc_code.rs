//! Document numbers of the Party and the State: `01-KL/TW`, `36-HD/VPTW`,
//! `100/2019/NĐ-CP`, `123/QĐ-UBND`, `4537/VPCP-KTTH`, `45/2019/QH14`.
//!
//! The shape: a number (`123`, or `100/2019` with a four-digit year), then a
//! code of segments joined by `/` or `-`, each segment starting with a
//! capital letter and going on with letters and digits (`QH14`, `TTg`,
//! `BLĐTBXH`). The whole must contain a `/` and at least two letters, so
//! `5-A` is no document number. The code never takes a sentence mark
//! (`123/QĐ-UBND.` ends before the dot).

/// Longest code part, in bytes; a longer run is not read as a code at all,
/// which bounds the look-ahead when it fails.
pub(crate) const MAX_CODE_LEN: usize = 64;

/// Scans the code part starting at `at`, the `/` or `-` right after the
/// number. `number_has_slash` says whether the number was `100/2019`.
/// Returns the end of the code.
pub(super) fn scan(bytes: &[u8], at: usize, number_has_slash: bool) -> Option<usize> {
    let mut has_slash = number_has_slash;
    let mut letters = 0usize;
    let mut end = at;
    while let Some(&sep) = bytes.get(end) {
        if sep != b'/' && sep != b'-' {
            break;
        }
        let seg_start = end + 1;
        if capital_len(bytes, seg_start) == 0 {
            break;
        }
        let (i, seg_letters) = segment_end(bytes, seg_start);
        letters += seg_letters;
        has_slash |= sep == b'/';
        end = i;
        if end - at > MAX_CODE_LEN {
            return None;
        }
    }
    (end > at && has_slash && letters >= 2).then_some(end)
}

/// Whether a document code can start at `at`: a `/` or `-` and a capital.
pub(super) fn starts_at(bytes: &[u8], at: usize) -> bool {
    matches!(bytes.get(at), Some(b'/' | b'-')) && capital_len(bytes, at + 1) > 0
}

/// Length of an ASCII capital or `Đ` at `i`, or 0.
fn capital_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b) if b.is_ascii_uppercase() => 1,
        Some(0xC4) if bytes.get(i + 1) == Some(&0x90) => 2,
        _ => 0,
    }
}

/// Reads one segment of a code from `i` (`QĐ`, `UBND`, `QH14`, `TTg`):
/// letters and digits. Returns its end and how many letters it holds. Shared
/// with the extractor, which reads codes in looser real-world spelling.
pub(crate) fn segment_end(bytes: &[u8], mut i: usize) -> (usize, usize) {
    let mut letters = 0;
    loop {
        let n = letter_len(bytes, i);
        if n > 0 {
            letters += 1;
            i += n;
        } else if bytes.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            return (i, letters);
        }
    }
}

/// Length of an ASCII letter, `Đ` or `đ` at `i`, or 0.
pub(crate) fn letter_len(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i) {
        Some(b) if b.is_ascii_alphabetic() => 1,
        Some(0xC4) if matches!(bytes.get(i + 1), Some(0x90 | 0x91)) => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes() {
        fn code(s: &str, at: usize, slash: bool) -> Option<&str> {
            scan(s.as_bytes(), at, slash).map(|e| &s[..e])
        }
        assert_eq!(code("01-KL/TW", 2, false), Some("01-KL/TW"));
        assert_eq!(code("100/2019/NĐ-CP.", 8, true), Some("100/2019/NĐ-CP"));
        assert_eq!(code("123/QĐ-UBND;", 3, false), Some("123/QĐ-UBND"));
        assert_eq!(code("45/2019/QH14", 7, true), Some("45/2019/QH14"));
        assert_eq!(code("176/1999/QĐ-TTg", 8, true), Some("176/1999/QĐ-TTg"));
        assert_eq!(code("5-A", 1, false), None);
        assert_eq!(code("5-AB", 1, false), None, "no slash");
        assert_eq!(code("5/A", 1, false), None, "one letter");
        let long = format!("1/{}", "AB-".repeat(40));
        assert_eq!(code(&long, 1, false), None);
    }
}
