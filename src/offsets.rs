//! The one place that converts between byte offsets (used inside the analysis), Unicode
//! code points (used in the output, see SCHEMA.md) and UTF-16 code units (JavaScript).

use std::cell::Cell;

/// Converts byte offsets of one text to code-point offsets: a byte offset less the UTF-8
/// continuation bytes (`10xxxxxx`) up to it is its code-point offset. Most texts have few
/// (an accented letter has one), found a word at a time; a query steps on from the one
/// before when it is a little further on, as the entities come, else searches.
pub struct CodePoints {
    /// The byte offsets of the continuation bytes, in order.
    continuations: Vec<usize>,
    len: usize,
    /// How many continuation bytes the offset asked last had up to it.
    at: Cell<usize>,
}

impl CodePoints {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        // (Room for one in sixteen bytes, more than most texts need.)
        let mut continuations = Vec::with_capacity(bytes.len() / 16);
        let mut pairs = bytes.chunks_exact(16);
        let mut pos = 0;
        for pair in &mut pairs {
            let (a, b) = (word(&pair[..8]), word(&pair[8..]));
            // (Two words of ASCII, most, are passed over at once.)
            if (a | b) & HIGH != 0 {
                push_continuations(a, pos, &mut continuations);
                push_continuations(b, pos + 8, &mut continuations);
            }
            pos += 16;
        }
        continuations.extend(pairs.remainder().iter().enumerate().filter(|&(_, &b)| (b as i8) < -0x40).map(|(i, _)| pos + i));
        CodePoints { continuations, len: bytes.len(), at: Cell::new(0) }
    }

    /// The code-point offset of byte offset `byte` (clamped to the text; a byte inside a
    /// character counts as that character's start).
    pub fn of_byte(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let c = &self.continuations;
        // The continuation bytes up to `byte`: counted on from the offset asked before when
        // only a few lie between, else searched.
        let k = self.at.get();
        let k = if (k == 0 || c[k - 1] <= byte) && c.get(k + STEPS).is_none_or(|&x| x > byte) {
            k + c[k..].iter().take_while(|&&x| x <= byte).count()
        } else {
            c.partition_point(|&x| x <= byte)
        };
        self.at.set(k);
        // (A byte inside a character counts itself among them, and so lands on the
        // character's start.)
        byte - k
    }
}

/// Eight bytes as an integer, the first lowest.
#[inline]
fn word(w: &[u8]) -> u64 {
    u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]])
}

/// Appends the offsets of the continuation bytes of word `w`, which starts at `pos`.
#[inline]
fn push_continuations(w: u64, pos: usize, out: &mut Vec<usize>) {
    // Bit 7 of each continuation byte (bit 7 set, bit 6 clear: `w << 1` brings each byte's
    // bit 6 to its bit 7), taken lowest first.
    let mut marks = w & !(w << 1) & HIGH;
    while marks != 0 {
        out.push(pos + (marks.trailing_zeros() / 8) as usize);
        marks &= marks - 1;
    }
}

/// The most continuation bytes a query steps over before it searches instead.
const STEPS: usize = 8;

const HIGH: u64 = 0x8080_8080_8080_8080;

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
        // A byte inside a character counts as the character's start, in any order of queries.
        for b in (0..=text.len()).chain((0..=text.len()).rev().step_by(7)) {
            let start = (0..=b).rev().find(|&s| text.is_char_boundary(s)).unwrap();
            assert_eq!(cps.of_byte(b), text[..start].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn end_of_the_text() {
        let text = "a".repeat(128);
        assert_eq!(CodePoints::new(&text).of_byte(128), 128);
        assert_eq!(CodePoints::new(&"é".repeat(64)).of_byte(200), 64);
        assert_eq!(CodePoints::new("").of_byte(0), 0);
    }

    #[test]
    fn utf16_counts_surrogate_pairs() {
        assert_eq!(utf16_of_code_point("🙂Tokayev", 1), 2);
        assert_eq!(byte_of_code_point("🙂Tokayev", 1), Some(4));
        assert_eq!(byte_of_code_point("ab", 3), None);
    }
}
