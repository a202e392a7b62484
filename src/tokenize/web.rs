//! URLs, e-mail addresses, hashtags and mentions.
//!
//! Hand-written scanners with bounded look-ahead: a host name is at most 253
//! bytes and an e-mail local part at most 64 (the limits of RFC 1035 and
//! RFC 5321), so a failed attempt never reads far.

/// Top-level domains accepted for bare host names (`baodautu.vn`) and
/// e-mail addresses; a scheme (`https://`) needs none.
const TLDS: &[&str] = &[
    "ai", "app", "asia", "au", "biz", "ca", "cn", "co", "com", "de", "dev", "edu", "eu", "fr",
    "gov", "info", "int", "io", "jp", "kh", "kr", "la", "me", "mobi", "net", "news", "online",
    "org", "pro", "ru", "sg", "site", "th", "tv", "uk", "us", "vn", "xyz",
];

const MAX_HOST: usize = 253;
const MAX_LABEL: usize = 63;
const MAX_LOCAL: usize = 64;

/// A URL with a scheme (`https://…`, `http://…`, `ftp://…`) at `start`.
pub(super) fn scheme_url(bytes: &[u8], start: usize) -> Option<usize> {
    let rest = bytes.get(start..)?;
    let scheme_len = ["https://", "http://", "ftp://"]
        .iter()
        .find(|s| rest.len() >= s.len() && rest[..s.len()].eq_ignore_ascii_case(s.as_bytes()))?
        .len();
    let body = start + scheme_len;
    if !bytes.get(body).is_some_and(u8::is_ascii_alphanumeric) {
        return None;
    }
    Some(url_tail(bytes, body))
}

/// A bare host name with a known top-level domain at `start`, with its path:
/// `baodautu.vn`, `www.example.org/a/b`.
pub(super) fn bare_url(bytes: &[u8], start: usize) -> Option<usize> {
    let host_end = host(bytes, start)?;
    match bytes.get(host_end) {
        Some(b'/' | b'?' | b'#' | b':') => Some(url_tail(bytes, host_end)),
        _ => Some(host_end),
    }
}

/// An e-mail address at `start`.
pub(super) fn email(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    while let Some(&b) = bytes.get(i) {
        if !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-')) {
            break;
        }
        i += 1;
        if i - start > MAX_LOCAL {
            return None;
        }
    }
    let local = bytes.get(start..i)?;
    if local.is_empty() || local.ends_with(b".") || bytes.get(i) != Some(&b'@') {
        return None;
    }
    host(bytes, i + 1)
}

/// A hashtag: `#` and letters, digits or `_`. `len_of_word_char` gives the
/// byte length of a word character at a position (0 when there is none).
pub(super) fn hashtag(start: usize, len_of_word_char: impl Fn(usize) -> usize) -> Option<usize> {
    let mut i = start + 1;
    loop {
        let n = len_of_word_char(i);
        if n == 0 {
            break;
        }
        i += n;
    }
    (i > start + 1).then_some(i)
}

/// A mention: `@` and ASCII letters, digits, `_` or inner dots.
pub(super) fn mention(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while let Some(&b) = bytes.get(i) {
        let inner_dot = b == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if !(b.is_ascii_alphanumeric() || b == b'_' || inner_dot) {
            break;
        }
        i += 1;
    }
    (i > start + 1).then_some(i)
}

/// Scans a host name: two or more labels of ASCII letters, digits and inner
/// hyphens, the last a known top-level domain in lower case, not followed by
/// another letter or digit (`gái.Dựa` is no host).
fn host(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start;
    let mut labels = 0;
    let mut last_label = start..start;
    loop {
        let label_start = i;
        while let Some(&b) = bytes.get(i) {
            if !(b.is_ascii_alphanumeric() || (b == b'-' && i > label_start)) {
                break;
            }
            i += 1;
            if i - label_start > MAX_LABEL || i - start > MAX_HOST {
                return None;
            }
        }
        if i == label_start || bytes.get(i - 1) == Some(&b'-') {
            return None;
        }
        labels += 1;
        last_label = label_start..i;
        let dot_then_label =
            bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if !dot_then_label {
            break;
        }
        i += 1;
    }
    // One label is no host name, whatever it is (a word before its
    // sentence's period): the list of domains is not searched for it.
    if labels < 2 {
        return None;
    }
    let tld = bytes.get(last_label)?;
    let known = TLDS.iter().any(|t| t.as_bytes() == tld);
    let boundary = bytes
        .get(i)
        .is_none_or(|&b| !b.is_ascii_alphanumeric() && b < 0x80);
    (labels >= 2 && known && boundary).then_some(i)
}

/// The rest of a URL from `i`: printable ASCII up to a space, a quote or an
/// angle bracket, without trailing sentence marks or an unmatched `)`.
fn url_tail(bytes: &[u8], mut i: usize) -> usize {
    let start = i;
    while let Some(&b) = bytes.get(i) {
        if !b.is_ascii_graphic() || matches!(b, b'"' | b'<' | b'>' | b'`') {
            break;
        }
        i += 1;
    }
    // Found once, so that stripping a long run of `)` stays linear.
    let first_open = bytes
        .get(start..i)
        .and_then(|s| s.iter().position(|&b| b == b'('))
        .map_or(usize::MAX, |p| start + p);
    while i > start {
        let Some(&last) = bytes.get(i - 1) else { break };
        let unmatched_paren = last == b')' && first_open >= i;
        if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'') || unmatched_paren {
            i -= 1;
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(s: &str, f: impl Fn(&[u8], usize) -> Option<usize>) -> Option<&str> {
        f(s.as_bytes(), 0).map(|e| &s[..e])
    }

    #[test]
    fn urls() {
        assert_eq!(
            cut("https://vnexpress.net/a-b.html.", scheme_url),
            Some("https://vnexpress.net/a-b.html")
        );
        assert_eq!(
            cut("ftp://mp3.zing.vn vinh", scheme_url),
            Some("ftp://mp3.zing.vn")
        );
        assert_eq!(cut("baodautu.vn)", bare_url), Some("baodautu.vn"));
        assert_eq!(
            cut("www.example.org/x?y=1,", bare_url),
            Some("www.example.org/x?y=1")
        );
        assert_eq!(cut("gái.Dựa", bare_url), None);
        assert_eq!(cut("mã.ftp", bare_url), None);
        assert_eq!(cut("TP.HCM", bare_url), None);
        assert_eq!(cut("abc.vnx", bare_url), None);
        assert_eq!(cut("http:// x", scheme_url), None);
    }

    #[test]
    fn emails() {
        assert_eq!(cut("vinh@zing.com.vn.", email), Some("vinh@zing.com.vn"));
        assert_eq!(
            cut("nguyen.van_a@gmail.com", email),
            Some("nguyen.van_a@gmail.com")
        );
        assert_eq!(cut("a.@gmail.com", email), None);
        assert_eq!(cut("vinh@zing", email), None);
    }

    #[test]
    fn mentions() {
        assert_eq!(cut("@user.name.", mention), Some("@user.name"));
        assert_eq!(cut("@ x", mention), None);
    }
}
