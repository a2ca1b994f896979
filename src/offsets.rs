//! The one place that converts between byte offsets (used inside the analysis), Unicode
//! code points (used in the output, see SCHEMA.md) and UTF-16 code units (JavaScript).

/// Converts byte offsets of one text to code-point offsets in O(1) amortised per query.
///
/// Keeps the code-point count at every 32nd byte, so memory is 1/8 of the text and a
/// lookup scans at most 31 bytes (four words).
pub struct CodePoints<'t> {
    text: &'t str,
    /// Empty for an ASCII text, whose code-point offsets are its byte offsets.
    checkpoints: Vec<u32>,
}

const STRIDE: usize = 32;

impl<'t> CodePoints<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            return CodePoints { text, checkpoints: Vec::new() };
        }
        let mut checkpoints = Vec::with_capacity(bytes.len() / STRIDE + 1);
        let mut count: u32 = 0;
        for chunk in bytes.chunks(STRIDE) {
            checkpoints.push(count);
            count += count_starts(chunk) as u32;
        }
        CodePoints { text, checkpoints }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text; a byte inside a
    /// character counts as that character's start).
    pub fn of_byte(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let byte = byte.min(bytes.len());
        if self.checkpoints.is_empty() {
            // ASCII (or empty): one byte, one code point.
            return byte;
        }
        if byte == bytes.len() && bytes.len().is_multiple_of(STRIDE) {
            // The last checkpoint does not cover the end; count from the previous one.
            return match self.checkpoints.last() {
                Some(&c) => c as usize + count_starts(&bytes[bytes.len() - STRIDE..]),
                None => 0,
            };
        }
        let k = byte / STRIDE;
        let before = self.checkpoints[k] as usize + count_starts_within(bytes, k * STRIDE, byte);
        // A byte inside a character belongs to that character, already counted.
        if byte < bytes.len() && !is_char_start(bytes[byte]) {
            before.saturating_sub(1)
        } else {
            before
        }
    }
}

fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

/// How many characters start in `bytes`: the bytes that are not UTF-8 continuation bytes
/// (`10xxxxxx`), counted eight at a time.
fn count_starts(bytes: &[u8]) -> usize {
    // Each byte of `lanes` counts the continuation bytes at its place in the words of a
    // block, and the block's count (at most 248, so no byte overflows) is summed with one
    // multiplication: not a bit count per word, which x86-64 without `popcnt` does slowly.
    let mut continuations = 0;
    for block in bytes.chunks(248) {
        let mut words = block.chunks_exact(8);
        let mut lanes = 0u64;
        for w in &mut words {
            lanes += continuation_lanes(u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
        }
        continuations += (lanes.wrapping_mul(LOW) >> 56) as usize;
        continuations += words.remainder().iter().filter(|&&b| !is_char_start(b)).count();
    }
    bytes.len() - continuations
}

/// `count_starts(&bytes[start..end])` for a span shorter than a stride: a word at a time,
/// the last one cut to the span, without the blocks' set-up.
#[inline]
fn count_starts_within(bytes: &[u8], start: usize, end: usize) -> usize {
    let mut lanes = 0u64;
    let mut pos = start;
    while pos + 8 <= end {
        lanes += continuation_lanes(word_at(bytes, pos));
        pos += 8;
    }
    let rest = end - pos;
    if rest > 0 {
        if pos + 8 <= bytes.len() {
            // The bytes past the span cleared: a zero byte is no continuation byte.
            lanes += continuation_lanes(word_at(bytes, pos) & (u64::MAX >> (64 - 8 * rest)));
        } else {
            lanes += bytes[pos..end].iter().filter(|&&b| !is_char_start(b)).count() as u64;
        }
    }
    // Fewer continuation bytes than a stride: no byte of the sum overflows.
    end - start - (lanes.wrapping_mul(LOW) >> 56) as usize
}

/// The eight bytes at `pos` (which has eight after it) as an integer, the first lowest.
#[inline]
fn word_at(bytes: &[u8], pos: usize) -> u64 {
    let w = &bytes[pos..pos + 8];
    u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])
}

/// A 1 in each byte of `w` that is a UTF-8 continuation byte (`10xxxxxx`), 0 in the others.
#[inline]
fn continuation_lanes(w: u64) -> u64 {
    // Bit 7 set and bit 6 clear: `w << 1` brings each byte's bit 6 to its bit 7.
    (w & !(w << 1) & HIGH) >> 7
}

const HIGH: u64 = 0x8080_8080_8080_8080;
const LOW: u64 = 0x0101_0101_0101_0101;

/// The byte offset of code-point offset `cp` in `text`, or `None` past the end.
pub fn byte_of_code_point(text: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).nth(cp)
}

/// The UTF-16 offset of code-point offset `cp` in `text` (clamped to the text).
pub fn utf16_of_code_point(text: &str, cp: usize) -> usize {
    text.chars().take(cp).map(char::len_utf16).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_points_match_a_naive_count() {
        let text = "é🙂a«b»\u{a0}c".repeat(40);
        let cps = CodePoints::new(&text);
        for (b, _) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            assert_eq!(cps.of_byte(b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn counts_character_starts_eight_bytes_at_a_time() {
        let text = "aé🙂«b»\u{a0}ĳ€x".repeat(9);
        for a in 0..text.len() {
            for b in a..=text.len().min(a + 70) {
                let naive = text.as_bytes()[a..b].iter().filter(|&&c| is_char_start(c)).count();
                assert_eq!(count_starts(&text.as_bytes()[a..b]), naive, "{a}..{b}");
            }
        }
    }

    #[test]
    fn counts_character_starts_within_a_stride() {
        let text = "aé🙂«b»\u{a0}ĳ€x".repeat(9);
        let bytes = text.as_bytes();
        for a in 0..bytes.len() {
            for b in a..=bytes.len().min(a + STRIDE - 1) {
                assert_eq!(count_starts_within(bytes, a, b), count_starts(&bytes[a..b]), "{a}..{b}");
            }
        }
    }

    #[test]
    fn end_of_a_text_whose_length_is_a_multiple_of_the_stride() {
        let text = "a".repeat(128);
        assert_eq!(CodePoints::new(&text).of_byte(128), 128);
        assert_eq!(CodePoints::new("").of_byte(0), 0);
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        assert_eq!(utf16_of_code_point("🙂Tokayev", 1), 2);
        assert_eq!(byte_of_code_point("🙂Tokayev", 1), Some(4));
        assert_eq!(byte_of_code_point("ab", 3), None);
    }
}
