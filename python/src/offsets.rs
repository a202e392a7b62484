//! Byte offsets into UTF-8 text turned into code-point offsets, the
//! indices of a Python `str`.

/// The bytes between two counts kept for looking back: a lookup behind
/// the cursor counts at most this many bytes.
const BLOCK: usize = 64;

/// Maps byte offsets of one text to code-point offsets. Offsets asked in
/// increasing order (a text's tokens, its entities) cost the bytes between
/// them; an offset behind the last one asked starts from a count kept every
/// [`BLOCK`] bytes, built on the first such lookup.
pub(crate) struct CharOffsets<'a> {
    bytes: &'a [u8],
    ascii: bool,
    /// The last offset asked, in bytes and in code points.
    byte: usize,
    chars: usize,
    /// The code points before each block, once a lookup has gone back.
    blocks: Vec<usize>,
}

impl<'a> CharOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> CharOffsets<'a> {
        CharOffsets {
            bytes: text.as_bytes(),
            ascii: text.is_ascii(),
            byte: 0,
            chars: 0,
            blocks: Vec::new(),
        }
    }

    /// The code-point offset of byte offset `byte`, which lies on a
    /// character boundary of the text (a token's or a span's edge).
    pub(crate) fn at(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.ascii {
            return byte;
        }
        if byte < self.byte {
            if self.blocks.is_empty() {
                self.blocks = self
                    .bytes
                    .chunks(BLOCK)
                    .scan(0, |before, block| {
                        let here = *before;
                        *before += count_chars(block);
                        Some(here)
                    })
                    .collect();
            }
            let block = byte / BLOCK;
            self.byte = block * BLOCK;
            self.chars = self.blocks.get(block).copied().unwrap_or(0);
        }
        self.chars += count_chars(self.bytes.get(self.byte..byte).unwrap_or_default());
        self.byte = byte;
        self.chars
    }
}

/// The code points that start in `bytes`: every byte but the continuation
/// bytes `0x80..=0xBF`.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_code_points_forward_and_back() {
        let text = "Bà Nguyễn Thị 😀 Pha (37 tuổi) ".repeat(9);
        let mut offsets = CharOffsets::new(&text);
        let edges: Vec<usize> = (0..=text.len())
            .filter(|&b| text.is_char_boundary(b))
            .collect();
        for &b in edges.iter().chain(edges.iter().rev()).step_by(3) {
            assert_eq!(offsets.at(b), text[..b].chars().count(), "byte {b}");
        }
        let mut ascii = CharOffsets::new("UBND tỉnh");
        assert_eq!(ascii.at(4), 4);
    }
}
