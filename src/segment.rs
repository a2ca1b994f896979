//! Segmentation: tokens, sentences and paragraphs, all as byte spans of the original text.
//!
//! Requires: the text and its language. Assigns: [`Doc::tokens`], [`Doc::sentences`].
//! Whitespace (including NBSP and narrow NBSP) separates tokens and is never a token.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::lang::{ascii_alphanumeric_mask, ascii_letter_mask, fold_into, is_alphabetic, is_numeric, key, key_into, load8, Class, Lang, LangData, VerbForm, WordBits, HIGH_BITS};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters (with inner hyphens and apostrophes: `Kassym-Jomart`, `aujourd'hui`).
    Word,
    /// An elided article or pronoun with its apostrophe: `l’`, `d'`, `qu’`.
    Elision,
    /// An English clitic: `'s`, `n't`.
    Clitic,
    /// Digits, with inner `.`/`,` and letter suffixes: `3,5`, `18h15`, `1er`.
    Number,
    /// An acronym written with periods: `U.S.`, `J.-M.`.
    Dotted,
    /// Any other single character.
    Punct,
}

/// A token: a byte span and what it is.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// How many line breaks stand between this token and the previous one.
    pub breaks_before: u16,
    /// Whether whitespace stands right before it.
    pub space_before: bool,
    pub sentence: u32,
}

/// A sentence (or headline, byline, list item): a run of tokens.
#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub paragraph: u32,
    /// A line that stands alone without final punctuation (headline, byline, source line).
    pub headline: bool,
    /// Most of its letters are capitals.
    pub all_caps: bool,
    /// Most of its longer words start with a capital (English title case).
    pub title_case: bool,
    /// Its first token that is not an opening mark or bracket.
    pub first_word: usize,
}

/// A segmented document.
pub struct Doc<'t> {
    pub text: &'t str,
    pub lang: Lang,
    pub data: &'static LangData,
    pub tokens: Vec<Token>,
    /// In text order, each from the token after the previous one's last: together they hold
    /// every token once (stages read the tokens sentence by sentence on that account).
    pub sentences: Vec<Sentence>,
    /// The lowercase lexicon keys of the tokens: the text lowercased (ASCII letters only),
    /// where most tokens, plain ASCII, find their key at their own position, then the keys
    /// of the other tokens end to end.
    lows: String,
    /// The lexicon key (case kept) of the tokens whose key is not their text (typographic
    /// apostrophes and hyphens), by token; the others' key is their text.
    keys: FxHashMap<usize, String>,
    /// What is found once of every token but its closed classes.
    infos: Vec<Info>,
    /// The closed classes of every token, looked up once: borrowed from the language's
    /// tables, one word a token where a copy takes five (kept apart from the rest, so that
    /// the stages' many questions find them by the token's index at once).
    bits: Vec<&'static WordBits>,
}

/// What [`Doc::new`] finds of a token, once, for the stages to ask.
#[derive(Clone, Copy)]
struct Info {
    /// Where its lowercase key starts and ends in [`Doc::lows`].
    low: (usize, usize),
    /// Its letter cases: `is_cap` and `is_upper`, asked of most tokens by several stages,
    /// and the counts the sentences' descriptions add up.
    case: Case,
}

#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    is_other_word_char(c)
}

/// `is_word_char` for a character that is not ASCII.
fn is_other_word_char(c: char) -> bool {
    is_alphabetic(c) || is_numeric(c)
        || matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F | 0x200D)
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02bc}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Closing marks looked through after a sentence's final punctuation (`.»)`): a bound, so a
/// run of a million `»` costs linear time.
const MAX_CLOSERS: usize = 8;

const CLITICS: &[&str] = &["s", "t", "re", "ll", "ve", "d", "m"];

impl<'t> Doc<'t> {
    /// Segments `text`.
    pub fn new(text: &'t str, lang: Lang) -> Doc<'t> {
        let data = lang.data();
        let tokens = tokenize(text, data, lang);
        let n = tokens.len();
        // Room for the keys written after the text's (a few tokens'), without reallocating.
        let mut lows = String::with_capacity(text.len() + text.len() / 16 + 16);
        lows.push_str(text);
        lows.make_ascii_lowercase();
        let mut doc = Doc {
            text,
            lang,
            data,
            tokens,
            sentences: Vec::with_capacity(n / 16 + 1),
            lows,
            keys: FxHashMap::default(),
            infos: Vec::with_capacity(n),
            bits: Vec::with_capacity(n),
        };
        doc.read_tokens();
        doc
    }

    /// Looks up every token and splits the tokens into sentences, in one pass: a sentence
    /// ends before a token once that token is read (the test reads it and the tokens before
    /// it), and each token's letter cases are added to its sentence's counts as it is read.
    fn read_tokens(&mut self) {
        let (byte_bits, short_words) = (byte_bits(self.lang), ShortWords::of(self.lang));
        let n = self.tokens.len();
        let (mut start, mut paragraph) = (0, 0u32);
        let mut counts = CaseCounts::default();
        for i in 0..n {
            let (info, bits, letters) = self.info_of(i, byte_bits, short_words);
            self.infos.push(info);
            self.bits.push(bits);
            if i > 0 && self.boundary_before(i) {
                self.push_sentence(start, i, paragraph, &counts);
                counts = CaseCounts::default();
                if self.tokens[i].breaks_before > 0 {
                    paragraph += 1;
                }
                start = i;
            }
            let t = &mut self.tokens[i];
            t.sentence = self.sentences.len() as u32;
            counts.add(&letters);
        }
        if n > 0 {
            self.push_sentence(start, n, paragraph, &counts);
        }
    }

    /// Describes the sentence of tokens `first..last`, whose letter cases add up to
    /// `counts`, and appends it.
    fn push_sentence(&mut self, first: usize, last: usize, paragraph: u32, counts: &CaseCounts) {
        let mut s = Sentence { first, last, paragraph, headline: false, all_caps: false, title_case: false, first_word: first };
        self.describe(&mut s, counts);
        self.sentences.push(s);
    }

    /// Finds what [`Info`] holds of token `i`, writing its keys where they are kept, and
    /// the letters its sentence's description counts.
    #[inline]
    fn info_of(&mut self, i: usize, byte_bits: &'static ByteBits, short_words: &'static ShortWords) -> (Info, &'static WordBits, Letters) {
        let t = self.tokens[i];
        let text = self.text;
        // Bytes, not a `str`: the ASCII tokens, most, need no character boundary checked.
        let bytes = &text.as_bytes()[t.start..t.end];
        // An ASCII mark, a token in five: no letter, its own key, its bits by its byte.
        if t.kind == TokKind::Punct && bytes[0].is_ascii() && bytes[0] != b'`' {
            let case = Case { cap: false, capitals: false, keyed: false, ascii: true, opens: false };
            return (Info { low: (t.start, t.end), case }, &byte_bits[usize::from(bytes[0])], Letters { upper: 0, lower: 0 });
        }
        let word = matches!(t.kind, TokKind::Word | TokKind::Dotted);
        // Most words: plain ASCII of two to eight bytes, whose letters and lowercase key are
        // told from one read of their bytes.
        if let Some((upper, lower, key)) = short_ascii_word(text.as_bytes(), t.start, t.end) {
            let bits = short_words.get_packed(key);
            let case = Case {
                cap: word && bytes[0].is_ascii_uppercase(),
                capitals: lower == 0 && upper >= 2,
                keyed: false,
                ascii: true,
                opens: upper > 0 || t.kind == TokKind::Word && may_open_lowercase(bytes, bits),
            };
            return (Info { low: (t.start, t.end), case }, bits, Letters { upper, lower });
        }
        let (low, letters, mut case) = match ascii_shape(bytes) {
            // Most tokens: plain ASCII, their own key, told apart in one pass over bytes;
            // their lowercase is already written in the lowercased text.
            Some(shape) if !shape.backquote => {
                let cap = word && bytes[0].is_ascii_uppercase();
                let letters = Letters { upper: shape.upper, lower: shape.lower };
                ((t.start, t.end), letters, Case { cap, capitals: shape.lower == 0 && shape.upper >= 2, keyed: false, ascii: true, opens: false })
            }
            Some(shape) => {
                let tok = &text[t.start..t.end];
                let low = self.push_low(tok);
                self.keys.insert(i, key(tok));
                let cap = word && bytes[0].is_ascii_uppercase();
                let letters = Letters { upper: shape.upper, lower: shape.lower };
                (low, letters, Case { cap, capitals: all_capitals(tok), keyed: true, ascii: true, opens: false })
            }
            None => {
                let tok = &text[t.start..t.end];
                let shape = char_shape(tok);
                // Most: their key is already written in the lowercased text.
                let low = if shape.own_low { (t.start, t.end) } else { self.push_low(tok) };
                if !shape.own_key {
                    self.keys.insert(i, key(tok));
                }
                let letters = Letters { upper: shape.upper, lower: shape.lower };
                (low, letters, Case { cap: word && shape.first_upper, capitals: shape.letters >= 2 && shape.lower == 0, keyed: !shape.own_key, ascii: false, opens: false })
            }
        };
        let lows = self.lows.as_bytes();
        let bits = match low.1 - low.0 {
            // One-byte keys (punctuation, mostly) read from a table, and the other short
            // ones by their bytes as an integer, without hashing them as strings.
            1 => &byte_bits[usize::from(lows[low.0] & 0x7f)],
            2..=8 => short_words.get(lows, low.0, low.1),
            _ => self.data.words.get(&self.lows[low.0..low.1]).unwrap_or(&NO_BITS),
        };
        case.opens = letters.upper > 0 || t.kind == TokKind::Word && may_open_lowercase(bytes, bits);
        (Info { low, case }, bits, letters)
    }

    /// Appends the lowercase key of `tok`, one not written in the lowercased text, to
    /// [`Doc::lows`]; returns where it stands.
    fn push_low(&mut self, tok: &str) -> (usize, usize) {
        let start = self.lows.len();
        low_key_into(tok, &mut self.lows);
        (start, self.lows.len())
    }

    /// The text of token `i`.
    #[inline]
    pub fn tok(&self, i: usize) -> &'t str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The lowercase lexicon key of token `i`.
    #[inline]
    pub fn low(&self, i: usize) -> &str {
        let (start, end) = self.infos[i].low;
        &self.lows[start..end]
    }

    /// The lexicon key of token `i` (case kept): `key(doc.tok(i))`.
    pub fn key(&self, i: usize) -> &str {
        if !self.infos[i].case.keyed {
            return self.tok(i);
        }
        self.keys.get(&i).map_or_else(|| self.tok(i), String::as_str)
    }

    /// The text from the start of token `a` to the end of token `b - 1`.
    #[inline]
    pub fn span_text(&self, a: usize, b: usize) -> &'t str {
        &self.text[self.tokens[a].start..self.tokens[b - 1].end]
    }

    /// The lexicon key of tokens `a..b` (case kept); borrowed for one token, and for a span
    /// whose text is already its key (most: words parted by single spaces).
    pub fn span_key(&self, a: usize, b: usize) -> Cow<'_, str> {
        if b == a + 1 {
            Cow::Borrowed(self.key(a))
        } else if self.is_own_span_key(a, b) {
            Cow::Borrowed(self.span_text(a, b))
        } else {
            Cow::Owned(key(self.span_text(a, b)))
        }
    }

    /// Whether the text of tokens `a..b` is its own key, as most names' are: its tokens are
    /// their own keys, one space apart or none, and no space follows an apostrophe (`key`
    /// drops it).
    fn is_own_span_key(&self, a: usize, b: usize) -> bool {
        let bytes = self.text.as_bytes();
        (a..b).all(|t| !self.infos[t].case.keyed)
            && (a + 1..b).all(|t| {
                let (end, start) = (self.tokens[t - 1].end, self.tokens[t].start);
                start == end || start == end + 1 && bytes[end] == b' ' && bytes[end - 1] != b'\''
            })
    }

    /// Whether token `i` is its own key, as most are: `false` when `doc.key(i)` may not be
    /// `doc.tok(i)`, told without comparing them.
    #[inline]
    pub fn is_own_key(&self, i: usize) -> bool {
        !self.infos[i].case.keyed
    }

    /// Appends the fold of token `i`'s key: `lang::fold(doc.key(i))`.
    pub fn push_folded(&self, i: usize, out: &mut String) {
        if self.infos[i].case.ascii {
            // An ASCII token's key folds to its lowercase key with i for y.
            let low = self.low(i);
            if low.bytes().any(|b| b == b'y') {
                out.extend(low.bytes().map(|b| if b == b'y' { 'i' } else { char::from(b) }));
            } else {
                out.push_str(low);
            }
        } else {
            fold_into(self.key(i), out);
        }
    }

    /// Grows the key of a span ending with token `j - 1`, and its fold, by token `j`: what
    /// `key(doc.span_text(a, j + 1))` and its fold write, without building them anew.
    pub fn push_span_key(&self, j: usize, key: &mut String, folded: &mut String) {
        let mut space = false;
        // Whitespace, and the zero-width characters the tokenizer passes over, which the
        // key keeps (`key` joins the words with one space, none after an apostrophe).
        for c in self.text[self.tokens[j - 1].end..self.tokens[j].start].chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !key.ends_with('\'') {
                key.push(' ');
                folded.push(' ');
            }
            space = false;
            let start = key.len();
            key_into(c.encode_utf8(&mut [0; 4]), key);
            fold_into(&key[start..], folded);
        }
        if space && !key.ends_with('\'') {
            key.push(' ');
            folded.push(' ');
        }
        key.push_str(self.key(j));
        self.push_folded(j, folded);
    }

    /// Whether token `i` is a word starting with a capital letter.
    #[inline]
    pub fn is_cap(&self, i: usize) -> bool {
        self.infos[i].case.cap
    }

    /// The first token from `i` on that may open a name (see [`Case::opens`]), or the
    /// number of tokens: most tokens are passed over on one bit each.
    pub fn next_name_opener(&self, i: usize) -> usize {
        self.infos[i..].iter().position(|t| t.case.opens).map_or(self.infos.len(), |p| i + p)
    }

    /// Whether token `i` is written in capitals only (at least two letters).
    #[inline]
    pub fn is_upper(&self, i: usize) -> bool {
        self.infos[i].case.capitals
    }

    /// Whether token `i` is the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        let Some(t) = self.tokens.get(i) else { return false };
        // An ASCII mark is one byte: compared without slicing the text or encoding `c`.
        t.kind == TokKind::Punct && if c.is_ascii() { self.text.as_bytes()[t.start] == c as u8 } else { self.text[t.start..].starts_with(c) }
    }

    /// Whether token `i` is a word of the closed class `class` (one-word entries).
    #[inline]
    pub fn is_class(&self, i: usize, class: Class) -> bool {
        self.bits.get(i).is_some_and(|b| b.is(class))
    }

    /// Whether the lowercase key of token `i` is an entry of `class`:
    /// `doc.data.is(class, doc.low(i))` without hashing.
    #[inline]
    pub fn low_is(&self, i: usize, class: Class) -> bool {
        self.bits.get(i).is_some_and(|b| b.entry(class))
    }

    /// The speech-verb form that token `i` is: `doc.data.verb_forms.get(doc.low(i))`.
    #[inline]
    pub fn verb_form(&self, i: usize) -> Option<VerbForm> {
        self.bits[i].verb
    }

    /// Whether token `i` is a common word: `doc.data.is_common_word(doc.low(i))`.
    #[inline]
    pub fn is_common_word(&self, i: usize) -> bool {
        self.bits[i].common
    }

    /// Whether some organisation head lowercases to token `i`'s lowercase key: `false`
    /// means that the token's text is no head, nor, for an ASCII token, its title case.
    #[inline]
    pub fn may_be_org_head(&self, i: usize) -> bool {
        self.bits[i].org_head
    }

    /// Whether some entry of `class` starts with token `i`: `false` when `match_class`
    /// finds none.
    #[inline]
    pub fn may_start_class(&self, i: usize, class: Class) -> bool {
        self.bits.get(i).is_some_and(|b| b.starts(class))
    }

    /// The longest phrase of `class` starting at token `i`, as the index one past it.
    #[inline]
    pub fn match_class(&self, i: usize, class: Class) -> Option<usize> {
        // Most tokens start no entry: answered from the bits, without a call.
        if !self.may_start_class(i, class) {
            return None;
        }
        self.match_started_class(i, class)
    }

    /// `match_class` for a token that starts some entry of `class`.
    fn match_started_class(&self, i: usize, class: Class) -> Option<usize> {
        let max = self.data.max_words(class);
        let limit = (i + max + 2).min(self.tokens.len());
        let mut best = self.bits[i].entry(class).then_some(i + 1);
        // The phrase key grows token by token, as `key` would write it: words joined by a
        // space, none after an apostrophe, none before a token glued to the previous one.
        // It stops growing once no entry starts with it.
        // Some entry starts with this token (its bits say so), and the phrase grows without
        // asking the table about the token alone: when no longer entry starts with it, the
        // phrase of two tokens, asked anyway, is no entry nor the start of one.
        // The phrase is read in the lowercased text while its tokens' keys stand there one
        // space apart or none (most phrases); from the first token that breaks this, it is
        // written out.
        let lowered = &self.lows;
        let (from, mut to) = self.infos[i].low;
        let mut written: Option<String> = None;
        for j in i + 2..=limit {
            let t = &self.tokens[j - 1];
            if t.breaks_before > 0 {
                break;
            }
            let in_place = self.infos[j - 1].low == (t.start, t.end);
            match &mut written {
                None if in_place && (t.start == to || t.start == to + 1 && lowered.as_bytes()[to] == b' ' && lowered.as_bytes()[to - 1] != b'\'') => to = t.end,
                _ => {
                    // Room for the longest entries, so that the phrase grows without reallocating.
                    let phrase = written.get_or_insert_with(|| {
                        let mut phrase = String::with_capacity(to - from + 64);
                        phrase.push_str(&lowered[from..to]);
                        phrase
                    });
                    if t.space_before && !phrase.ends_with('\'') {
                        phrase.push(' ');
                    }
                    phrase.push_str(self.low(j - 1));
                }
            }
            let phrase = match written.as_deref() {
                Some(phrase) => phrase,
                None => &lowered[from..to],
            };
            let found = self.data.phrase(class, phrase);
            if found.entry() {
                best = Some(j);
            }
            if !found.longer {
                break;
            }
        }
        best
    }

    /// The sentence token `i` belongs to.
    #[inline]
    pub fn sentence_of(&self, i: usize) -> &Sentence {
        &self.sentences[self.tokens[i].sentence as usize]
    }

    /// Whether token `i` opens its sentence (after any opening quotes or brackets).
    pub fn starts_sentence(&self, i: usize) -> bool {
        self.sentence_of(i).first_word == i
            || (i > 0 && (self.is_punct(i - 1, ':') || self.is_punct(i - 1, '—') || self.is_punct(i - 1, '–'))
            && self.tokens[i - 1].space_before)
    }

    /// Whether a sentence ends before token `j`: answered at once after a word or a number
    /// on the same line, most tokens.
    #[inline]
    fn boundary_before(&self, j: usize) -> bool {
        let (t, prev) = (&self.tokens[j], &self.tokens[j - 1]);
        if t.breaks_before == 0 {
            match prev.kind {
                TokKind::Punct => {
                    // An ASCII mark that neither ends a sentence nor closes a quote or a
                    // bracket (a comma, mostly).
                    let b = self.text.as_bytes()[prev.start];
                    if b.is_ascii() && !matches!(b, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
                        return false;
                    }
                }
                TokKind::Dotted => {}
                _ => return false,
            }
        }
        self.boundary_after_mark(j)
    }

    /// `boundary_before` for a token at the start of a line or after a mark.
    fn boundary_after_mark(&self, j: usize) -> bool {
        let t = self.tokens[j];
        if t.breaks_before > 0 {
            // A hard-wrapped line goes on in lowercase after a line that ended mid-sentence.
            let prev_open = !self.ends_with_terminal(j);
            let lower_next = self.tok(j).chars().next().is_some_and(char::is_lowercase);
            return !(t.breaks_before == 1 && prev_open && lower_next && !self.line_is_short(j));
        }
        // After a terminal mark (and any closing quotes or brackets that follow it), or an
        // acronym's period: after a word or a number, most tokens, none ends.
        if !matches!(self.tokens[j - 1].kind, TokKind::Punct | TokKind::Dotted) {
            return false;
        }
        let mut k = j;
        while k > 0 && j - k < MAX_CLOSERS && self.is_closer(k - 1) {
            k -= 1;
        }
        // "Washington D.C. The team": an acronym's period may end the sentence too.
        if k == j && k > 0 && self.tokens[k - 1].kind == TokKind::Dotted && t.space_before {
            return self.tok(j).chars().next().is_some_and(char::is_uppercase)
                && (self.is_common_word(j) || self.low_is(j, Class::Determiner) || self.low_is(j, Class::PronounSubject));
        }
        if k == 0 || !self.is_terminal(k - 1) {
            return false;
        }
        if k == j && !t.space_before {
            return false;
        }
        let first = self.tok(j).chars().next().unwrap_or(' ');
        let opens = first.is_uppercase()
            || first.is_ascii_digit()
            || matches!(first, '«' | '“' | '"' | '„' | '‹' | '(' | '[' | '—' | '–' | '-');
        if !opens {
            return false;
        }
        if self.is_punct(k - 1, '.') && k >= 2 {
            let p = k - 2;
            let pt = self.tokens[p];
            if pt.end == self.tokens[k - 1].start {
                let w = self.tok(p);
                // An initial (J. Smith) or an abbreviation (M. Dupont, Dr. Who) does not end one.
                let mut chars = w.chars();
                if pt.kind == TokKind::Word && chars.next().is_some_and(char::is_uppercase) && chars.next().is_none() {
                    return false;
                }
                if self.low_is(p, Class::Abbreviation) || self.is_honorific_with_period(p) {
                    return false;
                }
            }
        }
        true
    }

    /// Whether token `i` with a period after it is an honorific (`M.`, `Dr.`).
    fn is_honorific_with_period(&self, i: usize) -> bool {
        let low = self.low(i);
        // The word of an honorific written with its period has the class's `starts` bit
        // (`LangData::build` marks `m` for `m.`), unless the word holds a period itself.
        if !self.may_start_class(i, Class::Honorific) && !low.bytes().any(|b| b == b'.') {
            return false;
        }
        // The key written on the stack, not allocated, for a word of usual length.
        let mut buf = [0; 32];
        match buf.get_mut(..=low.len()) {
            Some(key) => {
                key[..low.len()].copy_from_slice(low.as_bytes());
                key[low.len()] = b'.';
                std::str::from_utf8(key).is_ok_and(|k| self.data.is(Class::Honorific, k))
            }
            None => self.data.is(Class::Honorific, &format!("{low}.")),
        }
    }

    fn is_closer(&self, i: usize) -> bool {
        matches!(self.mark(i), Some('»' | '”' | '"' | '’' | ')' | ']' | '›' | '\''))
    }

    /// Whether token `i` is a mark that ends a sentence.
    fn is_terminal(&self, i: usize) -> bool {
        matches!(self.mark(i), Some('.' | '!' | '?' | '…'))
    }

    /// The character of token `i` when it is a mark, an ASCII one read without decoding.
    #[inline]
    fn mark(&self, i: usize) -> Option<char> {
        let t = &self.tokens[i];
        if t.kind != TokKind::Punct {
            return None;
        }
        let b = self.text.as_bytes()[t.start];
        if b.is_ascii() {
            Some(char::from(b))
        } else {
            self.text[t.start..].chars().next()
        }
    }

    fn ends_with_terminal(&self, j: usize) -> bool {
        let mut k = j;
        while k > 0 && j - k < MAX_CLOSERS && self.is_closer(k - 1) {
            k -= 1;
        }
        k > 0 && [('.'), ('!'), ('?'), ('…'), (':'), (';')].iter().any(|&c| self.is_punct(k - 1, c))
    }

    /// Whether the line that ends before token `j` is short enough to be a title or byline.
    fn line_is_short(&self, j: usize) -> bool {
        let mut k = j;
        let mut words = 0;
        while k > 0 {
            k -= 1;
            words += 1;
            if self.tokens[k].breaks_before > 0 || words > 12 {
                break;
            }
        }
        words <= 12
    }

    /// Fills in the description of sentence `s`, whose tokens' letter cases add up to `counts`.
    fn describe(&self, s: &mut Sentence, counts: &CaseCounts) {
        s.first_word = (s.first..s.last)
            .find(|&j| !(self.tokens[j].kind == TokKind::Punct && !self.is_punct(j, '.') && !self.is_punct(j, ',')))
            .unwrap_or(s.last);
        let last = s.last - 1;
        let mut k = s.last;
        while k > s.first && s.last - k < MAX_CLOSERS && self.is_closer(k - 1) {
            k -= 1;
        }
        let terminal = k > s.first && self.is_terminal(k - 1);
        let line_end = s.last == self.tokens.len() || self.tokens[s.last].breaks_before > 0;
        let line_start = s.first == 0 || self.tokens[s.first].breaks_before > 0;
        s.headline = !terminal && line_end && line_start && last >= s.first;
        let CaseCounts { upper, lower } = *counts;
        s.all_caps = upper >= 8 && upper > 4 * lower;
        s.title_case = s.headline && {
            let (long, caps) = self.long_words(s.first, s.last);
            long >= 3 && caps * 10 >= long * 7
        };
    }

    /// The words of at least four characters among tokens `first..last`, and those of them
    /// that start with a capital: counted for a headline only, the few sentences asked.
    fn long_words(&self, first: usize, last: usize) -> (usize, usize) {
        let (mut long, mut caps) = (0, 0);
        for j in (first..last).filter(|&j| self.tokens[j].kind == TokKind::Word) {
            let tok = self.tok(j);
            if if self.infos[j].case.ascii { tok.len() >= 4 } else { tok.chars().nth(3).is_some() } {
                long += 1;
                caps += usize::from(self.is_cap(j));
            }
        }
        (long, caps)
    }

    /// The closed-class bits of token `i`: for a stage that asks several classes of every
    /// token, one read where each accessor would read them anew.
    #[inline]
    pub fn bits(&self, i: usize) -> &'static WordBits {
        self.bits[i]
    }
}

/// What a sentence's description adds up of its tokens' letter cases.
#[derive(Clone, Copy, Default)]
struct CaseCounts {
    /// Capital and lowercase letters.
    upper: usize,
    lower: usize,
}

impl CaseCounts {
    #[inline]
    fn add(&mut self, letters: &Letters) {
        self.upper += letters.upper;
        self.lower += letters.lower;
    }
}

/// What the lookups ask of an ASCII token.
struct AsciiShape {
    /// It holds a backquote (which `key` rewrites).
    backquote: bool,
    /// Its capital and lowercase letters.
    upper: usize,
    lower: usize,
}

/// The shape of `tok` when it is all ASCII, in one pass over its bytes.
fn ascii_shape(tok: &[u8]) -> Option<AsciiShape> {
    if tok.len() > usize::from(u16::MAX) {
        return long_ascii_shape(tok);
    }
    // One addition a byte: each byte's counts sit in their own 16 bits (the token is
    // shorter than 64 KiB, so none overflows into the next), one word where a longer
    // token's take two.
    let counts: u64 = tok.iter().map(|&b| BYTE_COUNTS[usize::from(b)]).sum();
    let field = |k: u32| (counts >> (16 * k)) as u16 as usize;
    (field(3) == 0).then(|| AsciiShape { backquote: field(2) > 0, upper: field(0), lower: field(1) })
}

/// `ascii_shape` for a token of 64 KiB or more.
#[cold]
fn long_ascii_shape(tok: &[u8]) -> Option<AsciiShape> {
    // Each byte's counts in their own 32 bits (a token is shorter than 4 GiB).
    let counts: u128 = tok.iter().map(|&b| u128::from(BYTE_COUNTS[usize::from(b)])).map(|c| (0..4).map(|k| (c >> (16 * k) & 1) << (32 * k)).sum::<u128>()).sum();
    let field = |k: u32| (counts >> (32 * k)) as u32 as usize;
    (field(3) == 0).then(|| AsciiShape { backquote: field(2) > 0, upper: field(0), lower: field(1) })
}

/// For a token `text[start..end]` of two to eight ASCII bytes without a backquote: its
/// capitals, its lowercase letters, and its lowercase key as [`ShortWords`] packs it.
#[inline]
fn short_ascii_word(text: &[u8], start: usize, end: usize) -> Option<(usize, usize, u64)> {
    let len = end - start;
    let chunk = text.get(start..start + 8).filter(|_| (2..=8).contains(&len))?;
    let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]) & (u64::MAX >> (64 - 8 * len));
    // The bytes past the token, cleared, are no backquote.
    let q = x ^ 0x6060_6060_6060_6060;
    if (x | q.wrapping_sub(0x0101_0101_0101_0101) & !q) & HIGH_BITS != 0 {
        return None;
    }
    let letters = ascii_letter_mask(x);
    // A letter's case bit (0x20) moved to its high bit: set for a lowercase one.
    let case = x << 2;
    let count = |mask: u64| ((mask >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    Some((count(letters & !case), count(letters & case), x | letters >> 2))
}

/// What [`ascii_shape`] counts of each byte: whether it is an uppercase letter, a lowercase
/// letter, a backquote, or not ASCII, as a 1 in the first, second, third or fourth 16 bits.
const BYTE_COUNTS: [u64; 256] = {
    let mut counts = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        counts[b] = if byte.is_ascii_uppercase() {
            1
        } else if byte.is_ascii_lowercase() {
            1 << 16
        } else if byte == b'`' {
            1 << 32
        } else if !byte.is_ascii() {
            1 << 48
        } else {
            0
        };
        b += 1;
    }
    counts
};

/// What the lookups ask of a token that is not all ASCII.
struct CharShape {
    /// Its capital and lowercase letters.
    upper: usize,
    lower: usize,
    /// Its alphabetic characters.
    letters: usize,
    /// Its first character is uppercase.
    first_upper: bool,
    /// `key(tok)` is `tok`: it holds none of the characters `key` rewrites (typographic
    /// apostrophes, primes, accents and hyphens; a token holds no whitespace).
    own_key: bool,
    /// Its lowercase key is its text with its ASCII letters lowercased: it holds no
    /// character `key` rewrites and no other capital (`président`, `«`, not `État`).
    own_low: bool,
}

/// The shape of a token that is not all ASCII, in one pass over its bytes: ASCII and
/// Latin-1 characters, most of them, are read from a table without decoding them, and only
/// the others are decoded.
#[inline(never)]
fn char_shape(tok: &str) -> CharShape {
    let bytes = tok.as_bytes();
    let (mut upper, mut lower, mut letters, mut chars) = (0, 0, 0, 0);
    // What every character is, and what some character is.
    let (mut all, mut any) = (OWN, 0);
    let mut first = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let shape = if b.is_ascii() {
            i += 1;
            LATIN1_SHAPES[usize::from(b)]
        } else if b & 0xfe == 0xc2 {
            // U+0080 to U+00FF: its two bytes' low bits.
            let c = 0x80 | usize::from(b & 1) << 6 | usize::from(bytes[i + 1] & 0x3f);
            i += 2;
            LATIN1_SHAPES[c]
        } else {
            let Some(c) = tok[i..].chars().next() else { break };
            i += c.len_utf8();
            other_char_shape(c)
        };
        if chars == 0 {
            first = shape;
        }
        upper += usize::from(shape & UPPER != 0);
        lower += usize::from(shape & LOWER != 0);
        letters += usize::from(shape & LETTER != 0);
        all &= shape;
        any |= shape;
        chars += 1;
    }
    CharShape { upper, lower, letters, first_upper: first & UPPER != 0, own_key: any & REWRITTEN == 0, own_low: all & OWN != 0 }
}

/// What [`char_shape`] tells of a character, as bits: a capital, a lowercase letter, a
/// letter, a character `key` rewrites, one that is its own lowercase key (ASCII capitals aside).
const UPPER: u8 = 1;
const LOWER: u8 = 2;
const LETTER: u8 = 4;
const REWRITTEN: u8 = 8;
const OWN: u8 = 16;

/// The shape of each character from U+0000 to U+00FF, by its code.
const LATIN1_SHAPES: [u8; 256] = {
    let mut shapes = [0; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        shapes[c] = match c {
            _ if b.is_ascii_uppercase() => UPPER | LETTER | OWN,
            _ if b.is_ascii_lowercase() => LOWER | LETTER | OWN,
            0x60 | 0xb4 => REWRITTEN,
            0xaa | 0xb5 | 0xba => LOWER | LETTER | OWN,
            0xd7 | 0xf7 => OWN,
            0xc0..=0xde => UPPER | LETTER,
            0xdf..=0xff => LOWER | LETTER | OWN,
            _ => OWN,
        };
        c += 1;
    }
    shapes
};

/// The shape (see [`LATIN1_SHAPES`]) of a character past U+00FF.
fn other_char_shape(c: char) -> u8 {
    match c {
        // General punctuation: dashes, quotes, spaces.
        '\u{2000}'..='\u{206f}' if matches!(c, '\u{2019}' | '\u{2032}' | '\u{2010}' | '\u{2011}') => REWRITTEN,
        '\u{2000}'..='\u{206f}' => OWN,
        _ => {
            let letter = if is_alphabetic(c) { LETTER } else { 0 };
            let rewritten = if c == '\u{02bc}' { REWRITTEN } else { 0 };
            let upper = if c.is_uppercase() { UPPER } else { 0 };
            let lower = if c.is_lowercase() { LOWER } else { 0 };
            letter | rewritten | upper | lower
        }
    }
}

/// What a sentence's description counts of a token's letters: added up as the token is
/// read, and not kept.
struct Letters {
    /// Its capital and lowercase letters.
    upper: usize,
    lower: usize,
}

/// A token's letter cases, found once.
#[derive(Clone, Copy)]
struct Case {
    /// It is a word starting with a capital letter.
    cap: bool,
    /// It is written in capitals only (at least two letters).
    capitals: bool,
    /// Its key is not its text (it is in `Doc::keys`): asked first, so that most tokens'
    /// keys cost no hashing.
    keyed: bool,
    /// It is all ASCII.
    ascii: bool,
    /// It may open a name: a token with a capital letter (`L'`, `ONU`), or one of the few
    /// other words `names::candidates` looks at (a head word of a place or body, a word with
    /// a hyphen after its first two or three bytes, as a name glued to its particle has).
    /// Those are told apart once, here, from the bits at hand.
    opens: bool,
}

/// Whether a word with no capital letter may still open a name (see [`Case::opens`]);
/// `bytes` are its text's.
#[inline]
fn may_open_lowercase(bytes: &[u8], bits: &WordBits) -> bool {
    bits.org_head || bits.is(Class::PlaceDescriptor) || bits.is(Class::PlaceHead) || bytes.len() > 2 && (bytes[2] == b'-' || bytes.len() > 3 && bytes[3] == b'-')
}

/// Whether `s` is written in capitals only (at least two letters).
fn all_capitals(s: &str) -> bool {
    if s.is_ascii() {
        // The same, without decoding characters.
        return !s.bytes().any(|b| b.is_ascii_lowercase()) && s.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some();
    }
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !s.chars().any(char::is_lowercase)
}

/// The closed classes of every one-byte key (an ASCII character), by its byte.
type ByteBits = [WordBits; 128];

// Boxed: a static holding the 5 KB array itself would be written out, zeros and all, in the
// wasm module's data.
static FR_BYTE_BITS: LazyLock<Box<ByteBits>> = LazyLock::new(|| byte_bits_of(Lang::Fr.data()));
static EN_BYTE_BITS: LazyLock<Box<ByteBits>> = LazyLock::new(|| byte_bits_of(Lang::En.data()));

fn byte_bits(lang: Lang) -> &'static ByteBits {
    match lang {
        Lang::Fr => &FR_BYTE_BITS,
        Lang::En => &EN_BYTE_BITS,
    }
}

fn byte_bits_of(data: &LangData) -> Box<ByteBits> {
    Box::new(std::array::from_fn(|b| data.bits(char::from(b as u8).encode_utf8(&mut [0; 4]))))
}

/// The token table's keys of two to eight bytes (`LangData::words`), indexed by their bytes
/// as an integer: a token's key is read from the lowercased text in one load, hashed with
/// one multiplication and compared as an integer. No key holds a zero byte, nor does a token
/// of two bytes or more: keys of different lengths differ as integers, and none is zero.
struct ShortWords {
    /// Open addressing, at most half full: a key's bytes (0 in an empty slot) and its bits.
    slots: Vec<(u64, &'static WordBits)>,
}

static FR_SHORT_WORDS: LazyLock<ShortWords> = LazyLock::new(|| ShortWords::new(Lang::Fr.data()));
static EN_SHORT_WORDS: LazyLock<ShortWords> = LazyLock::new(|| ShortWords::new(Lang::En.data()));

/// The bits of a word that is in no table.
static NO_BITS: WordBits = WordBits { is: 0, starts: 0, entry: 0, verb: None, common: false, org_head: false };

impl ShortWords {
    fn of(lang: Lang) -> &'static ShortWords {
        match lang {
            Lang::Fr => &FR_SHORT_WORDS,
            Lang::En => &EN_SHORT_WORDS,
        }
    }

    fn new(data: &'static LangData) -> ShortWords {
        let mut short = Vec::with_capacity(data.words.len());
        short.extend(data.words.iter().filter(|(k, _)| (2..=8).contains(&k.len())).map(|(k, bits)| (load8(k.as_bytes(), 0), bits)));
        let size = (short.len() * 2).next_power_of_two();
        let mut slots = vec![(0, &NO_BITS); size];
        for (head, bits) in short {
            let mut i = short_slot(head, size);
            while slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (head, bits);
        }
        ShortWords { slots }
    }

    /// `data.bits(&buf[start..end])` for a key of two to eight bytes.
    #[inline]
    fn get(&self, buf: &[u8], start: usize, end: usize) -> &'static WordBits {
        self.get_packed(load8(buf, start) & (u64::MAX >> (64 - 8 * (end - start))))
    }

    /// The bits of the key of two to eight bytes packed as `head` (its bytes, the first lowest).
    #[inline]
    fn get_packed(&self, head: u64) -> &'static WordBits {
        let size = self.slots.len();
        let mut i = short_slot(head, size);
        loop {
            let (key, bits) = self.slots[i];
            if key == head {
                return bits;
            }
            if key == 0 {
                return &NO_BITS;
            }
            i = (i + 1) & (size - 1);
        }
    }
}

/// The slot of a short key's bytes in a table of `size` (a power of two) slots.
#[inline]
fn short_slot(head: u64, size: usize) -> usize {
    (head.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & (size - 1)
}


/// Appends `key(&tok.to_lowercase())` (`tok` a token: no whitespace), without allocating.
fn low_key_into(tok: &str, out: &mut String) {
    if tok.is_ascii() && !tok.contains('`') {
        let start = out.len();
        out.push_str(tok);
        out[start..].make_ascii_lowercase();
        return;
    }
    let start = out.len();
    let rewrite = |c: char| match c {
        '\u{2019}' | '\u{02bc}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        c => c,
    };
    for c in tok.chars() {
        if c.is_ascii() {
            out.push(rewrite(c.to_ascii_lowercase()));
        } else if let Some(l) = latin1_lowercase(c) {
            out.push(l);
        } else if c == 'Σ' {
            // `str::to_lowercase`, not per character: a final sigma lowercases by its context.
            out.truncate(start);
            key_into(&tok.to_lowercase(), out);
            return;
        } else {
            out.extend(c.to_lowercase().map(rewrite));
        }
    }
}

/// The lowercase of a Latin-1 letter (`É` → `é`, `é` → `é`), the most frequent non-ASCII
/// characters of news text, without the Unicode tables; `None` for any other character.
#[inline]
fn latin1_lowercase(c: char) -> Option<char> {
    match c {
        '\u{c0}'..='\u{de}' if c != '\u{d7}' => char::from_u32(c as u32 + 0x20),
        '\u{df}'..='\u{ff}' => Some(c),
        _ => None,
    }
}

fn tokenize(text: &str, data: &LangData, lang: Lang) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut breaks: u16 = 0;
    let mut space = false;
    let mut it = Cursor { text, pos: 0 };
    let peek_at = |pos: usize| text[pos..].chars().next();
    let mut elided = String::new();
    loop {
        // Plain spaces, most of the whitespace, passed over without decoding a character.
        while text.as_bytes().get(it.pos) == Some(&b' ') {
            it.pos += 1;
            space = true;
        }
        let Some((i, c)) = it.next() else { break };
        // An ASCII letter, the start of most words, is told at once from the tests below,
        // which it fails up to `is_word_char`.
        let letter = c.is_ascii_alphabetic();
        if !letter && (c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}') {
            if c == '\n' || c == '\u{2029}' || c == '\u{2028}' {
                breaks = breaks.saturating_add(1);
            }
            space = true;
            continue;
        }
        let mut end = i + c.len_utf8();
        let mut kind = TokKind::Punct;
        if !letter && (c.is_ascii_digit() || (is_numeric(c) && !is_alphabetic(c))) {
            kind = TokKind::Number;
            while let Some((j, d)) = it.peek() {
                // (Decoded only when asked: most characters are told without it.)
                let after = || peek_at(j + d.len_utf8());
                // Digits, letter suffixes (18h15, 1er), and a decimal or thousands mark between digits.
                let goes_on = d.is_ascii_digit() || is_alphabetic(d) && !matches!(after(), Some('\'' | '’')) || matches!(d, '.' | ',') && after().is_some_and(|a| a.is_ascii_digit());
                if !goes_on {
                    break;
                }
                end = j + d.len_utf8();
                it.next();
            }
        } else if letter || is_word_char(c) {
            kind = TokKind::Word;
            // Dotted acronyms and initials: U.S., U.N., J.-M.
            if c.is_uppercase() && text.as_bytes().get(end) == Some(&b'.') {
                let rest = &text[end..];
                let dotted = dotted_len(rest);
                if dotted > 0 {
                    end += dotted;
                    it.skip_to(end);
                    tokens.push(Token { start: i, end, kind: TokKind::Dotted, breaks_before: breaks, space_before: space, sentence: 0 });
                    breaks = 0;
                    space = false;
                    continue;
                }
            }
            // The word ends where the cursor stops: it moves over word characters (ASCII
            // letters and digits at once) and the inner hyphens and apostrophes taken below.
            'word: loop {
                loop {
                    end = it.skip_ascii_alphanumeric();
                    // Most words end at an ASCII character that neither joins two words nor
                    // goes on one (a space, a comma, a period), or at the end of the text.
                    match text.as_bytes().get(end) {
                        Some(&b) if b.is_ascii() && !matches!(b, b'-' | b'\'' | b'`') => break 'word,
                        None => break 'word,
                        _ => {}
                    }
                    match it.peek() {
                        Some((_, d)) if !d.is_ascii() && is_word_char(d) => {
                            it.next();
                        }
                        _ => break,
                    }
                }
                let Some((j, d)) = it.peek() else { break };
                let after = || peek_at(j + d.len_utf8());
                if is_hyphen(d) && after().is_some_and(is_word_char) {
                    it.next();
                    continue;
                }
                // Typed texts also write the apostrophe with an acute or grave accent (Cléac´h).
                if (is_apostrophe(d) || matches!(d, '\u{b4}' | '`')) && after().is_some_and(is_alphabetic) {
                    let word = &text[i..end];
                    // `key(&format!("{}'", word.to_lowercase()))`, in a buffer kept between words.
                    elided.clear();
                    low_key_into(word, &mut elided);
                    elided.push('\'');
                    if data.is(Class::Elision, &elided) {
                        end = j + d.len_utf8();
                        it.next();
                        kind = TokKind::Elision;
                        break;
                    }
                    if lang == Lang::En {
                        let rest = alphabetic_prefix(&text[j + d.len_utf8()..]);
                        if is_clitic(rest) || (lowercase_is(rest, "t") && word.ends_with(['n', 'N'])) {
                            break;
                        }
                    }
                    it.next();
                    continue;
                }
                break;
            }
            // A web address's domain belongs to its word (Medica.com, bbc.co.uk): a name that
            // is an address keeps it, and its dots end no sentence.
            if kind == TokKind::Word && text.as_bytes().get(end) == Some(&b'.') {
                let domain = domain_len(&text[end..]);
                if domain > 0 {
                    end += domain;
                    it.skip_to(end);
                }
            }
            // English "n't": split "don't" as "do" + "n't".
            if lang == Lang::En && kind == TokKind::Word {
                if let Some((_, d)) = it.peek() {
                    // Only `N` lowercases to `n`.
                    if is_apostrophe(d) && text[i..end].ends_with(['n', 'N']) && peek_at(end + d.len_utf8()).is_some_and(|c| c == 't' || c == 'T') {
                        let n_len = 1;
                        if end - i > n_len {
                            tokens.push(Token { start: i, end: end - n_len, kind, breaks_before: breaks, space_before: space, sentence: 0 });
                            breaks = 0;
                            space = false;
                            let cl_end = end + d.len_utf8() + 1;
                            it.skip_to(cl_end);
                            tokens.push(Token { start: end - n_len, end: cl_end, kind: TokKind::Clitic, breaks_before: 0, space_before: false, sentence: 0 });
                            continue;
                        }
                    }
                }
            }
        } else if is_apostrophe(c) && lang == Lang::En && !space && !tokens.is_empty() {
            // A clitic after a word: 's, 're, 'll.
            let rest = alphabetic_prefix(&text[end..]);
            if is_clitic(rest) {
                end += rest.len();
                it.skip_to(end);
                kind = TokKind::Clitic;
            }
        }
        tokens.push(Token { start: i, end, kind, breaks_before: breaks, space_before: space, sentence: 0 });
        breaks = 0;
        space = false;
    }
    tokens
}

/// The letters `s` starts with.
fn alphabetic_prefix(s: &str) -> &str {
    &s[..s.find(|c: char| !is_alphabetic(c)).unwrap_or(s.len())]
}

/// Whether `s.to_lowercase()` is `low` (an ASCII word), without allocating for ASCII `s`.
fn lowercase_is(s: &str, low: &str) -> bool {
    if s.is_ascii() {
        s.eq_ignore_ascii_case(low)
    } else {
        s.to_lowercase() == low
    }
}

/// Whether the lowercase of `s` is an English clitic (`s`, `ll`, …).
fn is_clitic(s: &str) -> bool {
    if s.is_ascii() {
        CLITICS.iter().any(|c| s.eq_ignore_ascii_case(c))
    } else {
        CLITICS.contains(&s.to_lowercase().as_str())
    }
}

/// The tokenizer's position in the text: `char_indices().peekable()` that can also jump.
struct Cursor<'t> {
    text: &'t str,
    /// A character boundary.
    pos: usize,
}

impl Cursor<'_> {
    /// The character at the position, and its offset.
    #[inline]
    fn peek(&self) -> Option<(usize, char)> {
        let b = *self.text.as_bytes().get(self.pos)?;
        if b.is_ascii() {
            Some((self.pos, char::from(b)))
        } else {
            self.text[self.pos..].chars().next().map(|c| (self.pos, c))
        }
    }

    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        let next = self.peek();
        if let Some((_, c)) = next {
            self.pos += c.len_utf8();
        }
        next
    }

    /// Moves past the characters that start before byte `end`.
    fn skip_to(&mut self, end: usize) {
        while self.pos < end.min(self.text.len()) {
            self.pos += 1;
            while !self.text.is_char_boundary(self.pos) {
                self.pos += 1;
            }
        }
    }

    /// Moves over ASCII letters and digits; returns the new position.
    #[inline]
    fn skip_ascii_alphanumeric(&mut self) -> usize {
        let bytes = self.text.as_bytes();
        // Eight bytes at a time: most words are longer than a byte or two.
        while let Some(chunk) = bytes.get(self.pos..self.pos + 8) {
            let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
            let others = !ascii_alphanumeric_mask(x) & HIGH_BITS;
            if others != 0 {
                self.pos += (others.trailing_zeros() / 8) as usize;
                return self.pos;
            }
            self.pos += 8;
        }
        while bytes.get(self.pos).is_some_and(|&b| ASCII_ALPHANUMERIC[usize::from(b)]) {
            self.pos += 1;
        }
        self.pos
    }
}

/// Whether each byte is an ASCII letter or digit, read from a table rather than found by
/// comparisons (the tokenizer's inner loop).
const ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Length in bytes of a web domain's ending at the start of `rest` (`.com`, `.co.uk`): dots,
/// each followed by two to six lowercase ASCII letters and then no word character.
fn domain_len(rest: &str) -> usize {
    let b = rest.as_bytes();
    let mut len = 0;
    while b.get(len) == Some(&b'.') {
        let letters = b[len + 1..].iter().take_while(|c| c.is_ascii_lowercase()).count();
        let next = len + 1 + letters;
        if !(2..=6).contains(&letters) || rest[next..].chars().next().is_some_and(is_word_char) {
            break;
        }
        len = next;
    }
    len
}

/// Length in bytes of a dotted acronym or initial at the start of `rest` (which starts
/// with the period after the first capital), or 0.
fn dotted_len(rest: &str) -> usize {
    // ".S." / ".N." / ".-M.": a lone initial ("J. Smith") is not one; its period stays a
    // token of its own and the names stage joins the initial to the name after it.
    let mut pos = 1; // past the first '.'
    let mut letters = 1;
    loop {
        let tail = &rest[pos..];
        let mut chars = tail.chars();
        let c1 = chars.next();
        let (skip_hyphen, c) = match c1 {
            Some('-') => (1, chars.next()),
            other => (0, other),
        };
        match c {
            Some(c) if c.is_uppercase() && tail[skip_hyphen + c.len_utf8()..].starts_with('.') => {
                pos += skip_hyphen + c.len_utf8() + 1;
                letters += 1;
            }
            _ => break,
        }
    }
    if letters >= 2 {
        pos
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_lowercase_matches_the_standard_library() {
        for c in (0x80..0x300).filter_map(char::from_u32) {
            if let Some(l) = latin1_lowercase(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
    }

    /// The names stage reads a capital's lowercase form from `low` instead of lowercasing
    /// its `key`: the two agree on every token.
    #[test]
    fn low_is_the_key_in_lowercase() {
        let text = "Aujourd’hui ÉLYSÉE l`Oréal ΟΔΥΣΣΕΑΣ İstanbul Straße Ǆemal SAINT‐DENIS Ωmega ʼAli µ ÿ";
        for lang in [Lang::Fr, Lang::En] {
            let d = Doc::new(text, lang);
            for i in 0..d.tokens.len() {
                assert_eq!(d.low(i), d.key(i).to_lowercase(), "{:?}", d.tok(i));
            }
        }
    }

    #[test]
    fn ascii_shape_counts_the_letters() {
        let long = "aB`".repeat(30_000);
        for tok in ["", "a", "Ab`", "INTERNATIONAL-isation`s", "l'ONU", "1,5", "Zz@[`{", "é", "abcdefgé", &long, &format!("{long}é")] {
            let shape = ascii_shape(tok.as_bytes());
            assert_eq!(shape.is_some(), tok.is_ascii(), "{tok}");
            if let Some(shape) = shape {
                assert_eq!(shape.upper, tok.bytes().filter(u8::is_ascii_uppercase).count(), "{tok}");
                assert_eq!(shape.lower, tok.bytes().filter(u8::is_ascii_lowercase).count(), "{tok}");
                assert_eq!(shape.backquote, tok.contains('`'), "{tok}");
            }
        }
    }

    #[test]
    fn short_ascii_words_read_as_ascii_shape_and_the_lowercase_text_do() {
        let text = "Ab aB`c ABCDEFGH abcdefghi 12ab é-x Zz@[{ xy, l'ONU `q";
        let (bytes, lows) = (text.as_bytes(), text.to_ascii_lowercase());
        for start in 0..text.len() {
            for end in start + 1..=(start + 9).min(text.len()) {
                let shape = ascii_shape(&bytes[start..end]).filter(|s| !s.backquote);
                match short_ascii_word(bytes, start, end) {
                    Some((upper, lower, key)) => {
                        let shape = shape.expect("an ASCII token");
                        assert_eq!((upper, lower), (shape.upper, shape.lower), "{start}..{end}");
                        assert_eq!(key, load8(lows.as_bytes(), start) & (u64::MAX >> (64 - 8 * (end - start))), "{start}..{end}");
                    }
                    None => assert!(shape.is_none() || !(2..=8).contains(&(end - start)) || start + 8 > text.len(), "{start}..{end}"),
                }
            }
        }
    }

    #[test]
    fn char_shape_tells_what_the_character_tests_tell() {
        for c in (0x21..0x3000).filter_map(char::from_u32).filter(|c| !c.is_whitespace()) {
            for tok in [format!("é{c}"), format!("{c}Éa")] {
                let shape = char_shape(&tok);
                assert_eq!(shape.upper, tok.chars().filter(|c| c.is_uppercase()).count(), "{c:?}");
                assert_eq!(shape.lower, tok.chars().filter(|c| c.is_lowercase()).count(), "{c:?}");
                assert_eq!(shape.letters, tok.chars().filter(|c| c.is_alphabetic()).count(), "{c:?}");
                assert_eq!(shape.first_upper, tok.chars().next().is_some_and(char::is_uppercase), "{c:?}");
                assert_eq!(shape.own_key, key(&tok) == tok, "{c:?}");
                let mut low = String::new();
                low_key_into(&tok, &mut low);
                assert!(!shape.own_low || low == tok.to_ascii_lowercase(), "{c:?}");
            }
        }
        for tok in ["président", "«", "»", "“", "—", "×", "÷", "µ"] {
            assert!(char_shape(tok).own_low, "{tok}");
        }
    }

    #[test]
    fn short_words_have_their_bits() {
        for lang in [Lang::Fr, Lang::En] {
            let (data, short) = (lang.data(), ShortWords::of(lang));
            for k in data.words.keys().filter(|k| (2..=8).contains(&k.len())) {
                // What lets the table tell keys of different lengths apart by their bytes alone.
                assert!(!k.contains('\0'), "{k:?}");
                let text = format!("x{k}--------");
                assert_eq!(*short.get(text.as_bytes(), 1, 1 + k.len()), data.bits(k), "{k}");
                assert_eq!(*short.get(k.as_bytes(), 0, k.len()), data.bits(k), "{k}");
            }
            for k in ["zq", "zzzzzzzz", "l'", "qu'", "lé"] {
                assert_eq!(*short.get(k.as_bytes(), 0, k.len()), data.bits(k), "{k}");
            }
        }
    }

    #[test]
    fn one_byte_keys_have_their_bits() {
        for lang in [Lang::Fr, Lang::En] {
            for b in 0..128u8 {
                let key = char::from(b).to_string();
                assert_eq!(byte_bits(lang)[usize::from(b)], lang.data().bits(&key), "{key:?}");
            }
        }
    }

    /// `match_class` as it read phrases before borrowing them: each written out, key by key.
    fn match_class_by_keys(d: &Doc, i: usize, class: Class) -> Option<usize> {
        if !d.may_start_class(i, class) {
            return None;
        }
        let mut best = d.bits[i].entry(class).then_some(i + 1);
        let mut phrase = d.low(i).to_string();
        if best.is_some() && !d.data.is_proper_prefix(class, &phrase) {
            return best;
        }
        for j in i + 2..=(i + d.data.max_words(class) + 2).min(d.tokens.len()) {
            if d.tokens[j - 1].breaks_before > 0 {
                break;
            }
            if d.tokens[j - 1].space_before && !phrase.ends_with('\'') {
                phrase.push(' ');
            }
            phrase.push_str(d.low(j - 1));
            if d.data.is(class, &phrase) {
                best = Some(j);
            }
            if !d.data.is_proper_prefix(class, &phrase) {
                break;
            }
        }
        best
    }

    #[test]
    fn phrases_match_as_their_keys_do() {
        let text = "Selon lui, il y a deux ans. Au cours de l’année dernière, l' an  dernier, \
            l'an\u{200b} dernier, à la fin de, according to, ACCORDING TO the, in   order to, États-Unis d’Amérique";
        for lang in [Lang::Fr, Lang::En] {
            let d = Doc::new(text, lang);
            let mut phrases = 0;
            for class in Class::ALL {
                for i in 0..d.tokens.len() {
                    let end = d.match_class(i, class);
                    assert_eq!(end, match_class_by_keys(&d, i, class), "{class:?} {:?}", d.tok(i));
                    phrases += usize::from(end.is_some_and(|e| e > i + 1));
                }
            }
            assert!(phrases >= 3, "{lang:?}");
        }
    }

    fn toks(text: &str, lang: Lang) -> Vec<String> {
        let d = Doc::new(text, lang);
        (0..d.tokens.len()).map(|i| d.tok(i).to_string()).collect()
    }

    #[test]
    fn elisions_with_both_apostrophes() {
        assert_eq!(toks("l’OTSC d'Afghanistan qu’il aujourd'hui", Lang::Fr), ["l’", "OTSC", "d'", "Afghanistan", "qu’", "il", "aujourd'hui"]);
    }

    #[test]
    fn hyphens_numbers_and_nbsp() {
        assert_eq!(toks("Kassym-Jomart a-t-il 3,5\u{a0}% 2\u{202f}000 18h15", Lang::Fr), ["Kassym-Jomart", "a-t-il", "3,5", "%", "2", "000", "18h15"]);
    }

    #[test]
    fn english_clitics_and_dotted_acronyms() {
        assert_eq!(toks("Afghanistan's U.S. team didn't", Lang::En), ["Afghanistan", "'s", "U.S.", "team", "did", "n't"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let d = Doc::new("M. Dupont est venu. «Il part.» Elle reste. Le Dr. Who arrive", Lang::Fr);
        let s: Vec<&str> = d.sentences.iter().map(|s| d.span_text(s.first, s.last)).collect();
        assert_eq!(s, ["M. Dupont est venu.", "«Il part.»", "Elle reste.", "Le Dr. Who arrive"]);
    }

    #[test]
    fn lines_are_sentences_and_headlines() {
        let d = Doc::new("Titre sans point\nUne phrase. Une autre.\n\nFin", Lang::Fr);
        assert_eq!(d.sentences.len(), 4);
        assert!(d.sentences[0].headline);
        assert!(!d.sentences[1].headline);
        assert_eq!(d.sentences[3].paragraph, 2);
    }
}
