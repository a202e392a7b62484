//! Long texts read in pieces cut after a sentence, so that what is held
//! while a piece is read stays a small multiple of the piece.

/// A text longer than this is read in pieces of about
/// [`PIECE_BYTES`], cut at the end of a sentence, so that memory stays a
/// small multiple of the piece, not of the line. Links and references to
/// a person named earlier do not cross pieces.
pub const LONG_LINE: usize = 1 << 20;
pub const PIECE_BYTES: usize = 256 << 10;

/// The pieces of `text` with their offsets: the whole text when it is not
/// long, else pieces cut after a line's end, or else a sentence's (`. `,
/// `! `, `? `), or at a space, or at a character boundary when there is
/// none of these.
pub fn pieces(text: &str) -> Vec<(usize, &str)> {
    if text.len() <= LONG_LINE {
        return vec![(0, text)];
    }
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let mut end = (at + PIECE_BYTES).min(text.len());
        if end < text.len() {
            let window = bytes.get(at..end).unwrap_or_default();
            let line = window.iter().rposition(|&b| b == b'\n').map(|k| at + k + 1);
            let sentence = window
                .windows(2)
                .rposition(|w| matches!(w, [b'.' | b'!' | b'?', b' ']))
                .map(|k| at + k + 2);
            let space = window.iter().rposition(|&b| b == b' ').map(|k| at + k + 1);
            end = line
                .or(sentence)
                .or(space)
                .filter(|&e| e > at)
                .unwrap_or(end);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
        }
        out.push((at, text.get(at..end).unwrap_or_default()));
        at = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_cut_at_their_ends_first() {
        // Sentences end with a full stop and a line break: the cut falls
        // after the break, never inside a sentence.
        let text = "Sáng 10.1, ông Nguyễn Văn A đến Hà Nội. Chiều, ông về.\n".repeat(40_000);
        let cut = pieces(&text);
        assert!(cut.len() > 4);
        let mut at = 0;
        for (offset, piece) in &cut {
            assert_eq!(*offset, at);
            assert!(piece.ends_with('\n') && piece.len() <= PIECE_BYTES);
            at += piece.len();
        }
        assert_eq!(at, text.len());
    }
}
