//! The normal form lexicons and tokens are looked up by (`key`). Shared with `build.rs`, which
//! writes the data files in this form so that building the tables needs no check of its own:
//! this file uses nothing but `std`.

/// Normalises a lexicon key: typographic apostrophes become ASCII, spaces single.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// [`key`], appended to `out` (what `out` held before is not looked at).
pub fn key_into(s: &str, out: &mut String) {
    // Most keys are plain ASCII words, already normalised.
    if is_plain_key(s) {
        out.push_str(s);
    } else {
        normalise_key_into(s, out);
    }
}

/// `key_into` character by character.
pub(crate) fn normalise_key_into(s: &str, out: &mut String) {
    let start = out.len();
    let mut space = false;
    for c in s.trim().chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && out.len() > start && !out.ends_with('\'') {
            out.push(' ');
        }
        space = false;
        out.push(match c {
            '\u{2019}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{2010}' | '\u{2011}' => '-',
            c => c,
        });
    }
}

/// Whether `key(s)` is `s`: ASCII words without backquotes, single spaces between them
/// and none after an apostrophe.
pub(crate) fn is_plain_key(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    // One pass: each byte, and the one before a space.
    let mut prev = 0u8;
    for &c in b {
        if c == b' ' {
            if matches!(prev, b' ' | b'\'') {
                return false;
            }
        } else if !c.is_ascii_graphic() || c == b'`' {
            return false;
        }
        prev = c;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_keys_are_their_own_key() {
        for s in ["Asie centrale", "l'an dernier", "l' an", "a  b", " a", "a ", "a`b", "", "U.S. Army", "été"] {
            let mut expected = String::new();
            normalise_key_into(s, &mut expected);
            assert_eq!(key(s), expected, "{s:?}");
            assert!(!is_plain_key(s) || expected == s, "{s:?}");
        }
    }
}
