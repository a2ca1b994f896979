//! Names: people, organisations and places.
//!
//! Requires: a segmented [`Doc`]. Assigns: typed name mentions (token spans), each with
//! the rule that typed it. Works in three passes over the tokens: candidate spans
//! (capitalised runs with their particles and connectors, gazetteer phrases, acronym
//! expansions), typing from the span itself and its context, then document consistency
//! (one type per name; surnames and given names of known people; unknown single words
//! typed by what the document says of them elsewhere).

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::ops::Range;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::lang::Class;
use crate::lang::key;
use crate::schema::EntityType;
use crate::segment::{Doc, TokKind};

/// A name found in the text, as a token span.
#[derive(Debug, Clone)]
pub struct Name {
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    pub kind: EntityType,
    pub why: &'static str,
    /// Token span of a title or role right before it (`président`, `M.`), if any.
    pub title: Option<(usize, usize)>,
}

#[derive(Debug, Clone)]
struct Candidate {
    first: usize,
    last: usize,
    kind: Option<EntityType>,
    why: &'static str,
    title: Option<(usize, usize)>,
}

/// Finds and types the names of `doc`.
pub fn find(doc: &Doc) -> Vec<Name> {
    let mut recurring = None;
    let known = Known::for_doc(doc);
    let mut cands = candidates(doc, &mut recurring, &known);
    drop_work_titles(doc, &mut cands);
    for c in &mut cands {
        type_from_span(doc, &known, c);
    }
    expand_acronyms(doc, &mut cands);
    join_parent_organisations(doc, &mut cands);
    join_sites(doc, &mut cands);
    // A nationality word alone is no name, wherever the run was split (Afghan Ambassador X).
    cands.retain(|c| !(c.last == c.first + 1 && c.kind.is_none() && doc.data.demonyms.contains(doc.key(c.first))));
    consistency(doc, &known, &mut cands);
    sentence_initial_particles(doc, &mut cands);
    match_teams(doc, &mut cands);
    short_references(doc, &mut cands);
    drop_works(doc, &mut cands);
    cands
        .into_iter()
        .filter_map(|c| c.kind.map(|kind| Name { first: c.first, last: c.last, kind, why: c.why, title: c.title }))
        .collect()
}

/// "le film Harry Potter", "le navire Empress of Ireland", "the hurricane Katrina": a name
/// right after a noun of works, vehicles or storms is a title, and so is every mention of it
/// that no gazetteer knows.
fn drop_works(doc: &Doc, cands: &mut [Candidate]) {
    let mut titles: HashSet<String> = HashSet::default();
    for c in cands.iter_mut() {
        if c.kind.is_some() && after_work_noun(doc, c.first) {
            titles.insert(span_fold(doc, c.first, c.last));
            c.kind = None;
        }
    }
    if titles.is_empty() {
        return;
    }
    for c in cands.iter_mut().filter(|c| c.kind.is_some() && !c.why.starts_with("gazetteer")) {
        if titles.contains(&span_fold(doc, c.first, c.last)) {
            c.kind = None;
        }
    }
}

/// Whether a noun of works (`film`, `navire`) with its determiner stands right before token
/// `a`, maybe with adjectives after it (`le film américain X`).
fn after_work_noun(doc: &Doc, a: usize) -> bool {
    // (The noun is one of the three tokens before: most names have none.)
    if !(a.saturating_sub(3)..a).any(|w| doc.is_class(w, Class::WorkNoun)) {
        return false;
    }
    let lower = |t: usize| is_lowercase_word(doc, t);
    let mut r = a;
    while r > 1 && a - r < 2 && doc.tokens[r].breaks_before == 0 && lower(r - 1) && !doc.is_class(r - 1, Class::WorkNoun) && (is_adjective(doc, r - 1) || doc.data.demonyms.contains(doc.key(r - 1))) {
        r -= 1;
    }
    if r == 0 || doc.tokens[r].breaks_before > 0 {
        return false;
    }
    let w = r - 1;
    if !(lower(w) && doc.is_class(w, Class::WorkNoun)) || w == 0 || doc.tokens[w].breaks_before > 0 {
        return false;
    }
    doc.is_class(w - 1, Class::Determiner) || w > 1 && lower(w - 1) && doc.tokens[w - 1].breaks_before == 0 && doc.is_class(w - 2, Class::Determiner)
}

/// Why a short name of an organisation is one (clusters join it to the full name).
pub const SHORT_NAME: &str = "short name of an organisation named in full";

/// "the Church" after "the Church of Scientology", "la Commission" after "la Commission
/// européenne": a capitalised body word after a determiner, alone, names the organisation
/// the document gave in full with that word at either end.
fn short_references(doc: &Doc, cands: &mut Vec<Candidate>) {
    let mut words: HashSet<&str> = HashSet::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityType::Organization) && c.last > c.first + 1) {
        for t in [c.first, c.last - 1] {
            // The generic noun of the name (Church, Court, Commission), not its proper part.
            if (is_org_head(doc, t) || doc.data.org_suffixes.contains(doc.tok(t)) || doc.is_common_word(t)) && doc.is_cap(t) && !doc.is_upper(t) {
                words.insert(doc.tok(t));
            }
        }
    }
    if words.is_empty() {
        return;
    }
    // Tokens inside a typed name; an untyped one-word candidate may still be typed here.
    let mut taken = vec![false; doc.tokens.len()];
    for c in cands.iter().filter(|c| c.kind.is_some() || c.last > c.first + 1) {
        taken[c.first..c.last].iter_mut().for_each(|t| *t = true);
    }
    let n = doc.tokens.len();
    let mut added = Vec::new();
    // (Capitals open names: the tokens that open none are passed over on one bit each.)
    let mut i = 0;
    loop {
        i = doc.next_name_opener(i + 1);
        if i >= n {
            break;
        }
        if !doc.is_cap(i) {
            continue;
        }
        let capital_follows = i + 1 < n && doc.is_cap(i + 1) && doc.tokens[i + 1].breaks_before == 0;
        let alone = !taken[i] && !capital_follows;
        if alone && !doc.starts_sentence(i) && !doc.is_upper(i) && doc.is_class(i - 1, Class::Determiner) && words.contains(doc.tok(i)) {
            added.push(Candidate { first: i, last: i + 1, kind: Some(EntityType::Organization), why: SHORT_NAME, title: None });
        }
    }
    if !added.is_empty() {
        // (`added` is in the text's order.)
        cands.retain(|c| !(c.kind.is_none() && c.last == c.first + 1 && added.binary_search_by_key(&c.first, |a| a.first).is_ok()));
        cands.extend(added);
        cands.sort_by_key(|c| c.first);
    }
}

/// Words written with a capital somewhere other than at the start of a sentence or in a
/// headline: those are names even where a sentence starts with them. Only the words that
/// [`positional_capital`] may ask about are found.
fn recurring_capitals<'d>(doc: &'d Doc) -> Recurring<'d> {
    // (Room for a capital every sixteen tokens, rather than rehashing as it grows.)
    let mut capitals = Recurring::with_capacity_and_hasher(doc.tokens.len() / 16, Default::default());
    // `positional_capital` asks of ordinary words only (`ordinary_kind`), but of any word in
    // an all-caps line: the others are kept only when the document has one.
    let any_word = doc.data.has_common_words && doc.sentences.iter().any(|s| s.all_caps);
    // Any word: the word put in last with each shape (a document writes the same capitals
    // again and again, and one that is the last of its shape is in already, told without
    // hashing it).
    let mut last = if any_word { vec![""; 256] } else { Vec::new() };
    for i in 0..doc.tokens.len() {
        if !doc.is_cap(i) {
            continue;
        }
        let s = doc.sentence_of(i);
        // (The sentence's flags at hand first, the call after.)
        if !s.headline && !s.all_caps && !doc.starts_sentence(i) && (any_word || ordinary_kind(doc, i)) {
            let k = doc.key(i);
            match last.get_mut(Sought::shape(k) % 256) {
                Some(l) if *l == k => {}
                Some(l) => {
                    capitals.entry(k).or_insert(i);
                    *l = k;
                }
                None => {
                    capitals.entry(k).or_insert(i);
                }
            }
        }
    }
    if capitals.is_empty() {
        return capitals;
    }
    // A word also written in lowercase in the document is an ordinary word (In, The). The
    // lowercase words are many, the capitals few: those are looked up among these, by their
    // lowercase key (a token's `low` is its `key` in lowercase).
    let mut lowercase = Sought::new(capitals.values().map(|&i| doc.low(i)));
    let bytes = doc.text.as_bytes();
    for (i, t) in doc.tokens.iter().enumerate() {
        // (A word's shape is told from its span and first byte, before it is sliced.)
        if t.kind == TokKind::Word && t.end > t.start && lowercase.may_hold(t.end - t.start, bytes[t.start], bytes[t.end - 1]) && is_lowercase_word(doc, i) {
            lowercase.mark(doc.tok(i));
            if lowercase.all_found() {
                break;
            }
        }
    }
    capitals.retain(|_, &mut i| !lowercase.found(doc.low(i)));
    capitals
}

/// The words that [`recurring_capitals`] finds, each with a token that writes it.
type Recurring<'d> = HashMap<&'d str, usize>;

/// [`Recurring`], found when first asked (see [`recurring`]).
type LazyRecurring<'d> = Option<Recurring<'d>>;

/// What [`recurring_capitals`] finds, found when first asked: many documents never ask.
fn recurring<'r, 'd>(doc: &'d Doc, lazy: &'r mut LazyRecurring<'d>) -> &'r Recurring<'d> {
    lazy.get_or_insert_with(|| recurring_capitals(doc))
}

/// Whether token `i` is a word written with a lowercase first letter.
#[inline]
fn is_lowercase_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    // (An ASCII first letter told by its byte, without slicing the token.)
    t.kind == TokKind::Word
        && t.end > t.start
        && match doc.text.as_bytes()[t.start] {
            b if b.is_ascii() => b.is_ascii_lowercase(),
            _ => doc.tok(i).chars().next().is_some_and(char::is_lowercase),
        }
}

/// A few words sought among the many of a document: which of them it holds. A word's length
/// and first and last bytes turn most others away before any hashing, and a word once found
/// turns none away any more (the frequent ones are found early).
struct Sought<'w> {
    found: HashMap<&'w str, bool>,
    /// How many sought words not found yet have each shape (see [`Sought::shape`]), and each
    /// first byte (`u8::MAX`: that many or more, for good).
    shapes: [u8; SHAPES],
    firsts: [u8; 256],
    /// How many sought words are not found yet.
    left: usize,
}

/// The number of word shapes that [`Sought`] tells apart.
const SHAPES: usize = 1024;

impl<'w> Sought<'w> {
    fn new(words: impl Iterator<Item = &'w str>) -> Self {
        let mut sought = Sought { found: HashMap::with_capacity_and_hasher(words.size_hint().0, Default::default()), shapes: [0; SHAPES], firsts: [0; 256], left: 0 };
        for w in words {
            if sought.found.insert(w, false).is_none() {
                let n = &mut sought.shapes[Self::shape(w)];
                *n = n.saturating_add(1);
                let n = &mut sought.firsts[Self::first(w)];
                *n = n.saturating_add(1);
                sought.left += 1;
            }
        }
        sought
    }

    /// Whether a sought word not found yet may start with the byte `first`.
    #[inline]
    fn may_start(&self, first: u8) -> bool {
        self.firsts[usize::from(first)] != 0
    }

    fn first(w: &str) -> usize {
        usize::from(w.as_bytes().first().copied().unwrap_or(0))
    }

    fn shape(w: &str) -> usize {
        let b = w.as_bytes();
        Self::shape_of(b.len(), b.first().copied().unwrap_or(0), b.last().copied().unwrap_or(0))
    }

    /// The shape of a word of `len` bytes starting with the byte `first` and ending with `last`.
    #[inline]
    fn shape_of(len: usize, first: u8, last: u8) -> usize {
        (len.wrapping_mul(97) + usize::from(first) * 31 + usize::from(last)) % SHAPES
    }

    /// Whether a sought word not found yet may have `len` bytes, start with the byte `first`
    /// and end with `last`: `false` when [`Sought::mark`] would pass over such a word.
    #[inline]
    fn may_hold(&self, len: usize, first: u8, last: u8) -> bool {
        self.shapes[Self::shape_of(len, first, last)] != 0
    }

    fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Whether every sought word is found.
    fn all_found(&self) -> bool {
        self.left == 0
    }

    /// Notes that the document holds `w`, if it is sought.
    fn mark(&mut self, w: &str) {
        let s = Self::shape(w);
        if self.shapes[s] == 0 {
            return;
        }
        let Some(f) = self.found.get_mut(w) else { return };
        if *f {
            return;
        }
        *f = true;
        self.left -= 1;
        // (Its shape and first byte no longer call for a lookup, unless another word's.)
        for n in [&mut self.shapes[s], &mut self.firsts[Self::first(w)]] {
            if *n < u8::MAX {
                *n -= 1;
            }
        }
    }

    /// Whether the document holds the sought word `w`.
    fn found(&self, w: &str) -> bool {
        self.found.get(w).copied().unwrap_or(false)
    }
}

/// Whether token `i` is capitalised, or a name glued to its lowercase particle (`al-Assad`).
#[inline]
fn is_name_cap(doc: &Doc, i: usize) -> bool {
    doc.is_cap(i) || doc.tokens[i].kind == TokKind::Word && particle_glued(doc, i)
}

/// Whether token `i` is a name glued to its lowercase particle (`al-Assad`).
#[inline]
fn particle_glued(doc: &Doc, i: usize) -> bool {
    // (Particles are short: a hyphen among the first bytes, told before slicing the token;
    // most words have none.)
    let t = &doc.tokens[i];
    let b = doc.text.as_bytes();
    let p = if t.end > t.start + 2 && b[t.start + 2] == b'-' {
        2
    } else if t.end > t.start + 3 && b[t.start + 3] == b'-' {
        3
    } else {
        return false;
    };
    glued_at(doc, i, p)
}

/// Whether token `i`, whose byte `p` is a hyphen, is a name glued to its particle.
fn glued_at(doc: &Doc, i: usize, p: usize) -> bool {
    let w = doc.tok(i);
    w[p + 1..].chars().next().is_some_and(char::is_uppercase) && doc.data.is(Class::NameParticle, &w[..=p])
}

/// Whether token `i` is a word that may belong to a name.
#[inline]
fn namelike(doc: &Doc, known: &Known, i: usize) -> bool {
    // (Most tokens are no capitals: told without a call.)
    is_name_cap(doc, i) && namelike_capital(doc, known, i)
}

/// `namelike` for a token that `is_name_cap`.
fn namelike_capital(doc: &Doc, known: &Known, i: usize) -> bool {
    if is_date_word(doc, i) {
        return false;
    }
    if doc.low_is(i, Class::NotName) {
        return false;
    }
    // A caption or source label ("Image: …", "Photo : …") is an ordinary word.
    if doc.is_common_word(i) && i + 1 < doc.tokens.len() && doc.is_punct(i + 1, ':') && known.span(doc, i, i + 1).is_none() && !doc.data.given_names.contains_key(doc.key(i)) {
        return false;
    }
    // Function words with a capital (a typo, a title) are no part of a name.
    let function = [Class::Determiner, Class::LocationPreposition, Class::PronounSubject, Class::Complementizer, Class::Auxiliary]
        .iter()
        .any(|&c| doc.is_class(i, c));
    !(function && !doc.is_upper(i) && known.span(doc, i, i + 1).is_none())
}

#[inline]
fn is_date_word(doc: &Doc, i: usize) -> bool {
    doc.low_is(i, Class::Month) || doc.low_is(i, Class::Weekday)
}

/// Whether the capitalised token `i` is an ordinary word capitalised by its position (the
/// start of a sentence, a title-case headline, an all-caps line).
fn positional_capital<'d>(doc: &'d Doc, i: usize, lazy: &mut LazyRecurring<'d>, known: &Known) -> bool {
    let s = doc.sentence_of(i);
    let positional = doc.starts_sentence(i) || s.title_case || s.all_caps;
    if !positional {
        return false;
    }
    let word = doc.tok(i);
    let k = doc.key(i);
    // (The word's own kind first: most capitals at a sentence's start are no ordinary word.)
    let ordinary = ordinary_kind(doc, i) || s.all_caps && doc.data.has_common_words && !recurring(doc, lazy).contains_key(title_case(word).as_str());
    if !ordinary {
        return false;
    }
    let before_capital = i + 1 < doc.tokens.len() && doc.is_cap(i + 1) && doc.tokens[i + 1].breaks_before == 0;
    if before_capital && doc.data.given_names.contains_key(k) {
        return false;
    }
    // "Radio Habana Cuba", "Banque Populaire": a body's head word opens the name after it.
    if before_capital && is_org_head(doc, i) && !s.all_caps {
        return false;
    }
    if recurring(doc, lazy).contains_key(k) && !s.all_caps {
        return false;
    }
    if doc.is_upper(i) && !s.all_caps {
        return false; // an acronym (ET, OTSC) is no ordinary word
    }
    let function = [Class::Determiner, Class::PronounSubject, Class::Complementizer, Class::Adverb, Class::Auxiliary, Class::LocationPreposition]
        .iter()
        .any(|&c| doc.is_class(i, c));
    // "Poutine a averti": a capitalised word before a speech verb names its speaker.
    if !function && i + 1 < doc.tokens.len() && speaks_after(doc, i + 1) && doc.verb_form(i).is_none() {
        return false;
    }
    // (A known name is none: asked last, as the dearest question.)
    known.span(doc, i, i + 1).is_none()
}

/// Whether token `i` is an ordinary word by its kind: a common word, a function word, a
/// speech verb, a nationality. (Its bits and its key tell: tokens with one key agree.)
fn ordinary_kind(doc: &Doc, i: usize) -> bool {
    doc.is_common_word(i)
        || doc.low_is(i, Class::Determiner)
        || doc.low_is(i, Class::PronounSubject)
        || doc.verb_form(i).is_some()
        || doc.low_is(i, Class::SourceCue)
        || doc.low_is(i, Class::Complementizer)
        || doc.low_is(i, Class::Adverb)
        || doc.low_is(i, Class::Preposition)
        || doc.low_is(i, Class::Subordinator)
        || doc.low_is(i, Class::Coordinator)
        || doc.data.demonyms.contains(doc.key(i))
}

fn title_case(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}

/// Whether token `i` in lowercase is an entry of `class`: `doc.data.is(class,
/// &doc.tok(i).to_lowercase())`, told by the token's bits before any lowercasing (an entry is
/// a lowercase key, and a token's lowercase that is a key is its `low`).
#[inline]
fn lowercase_is(doc: &Doc, i: usize, class: Class) -> bool {
    doc.low_is(i, class) && lowercase_entry(doc, i, class)
}

/// `doc.data.is(class, &doc.tok(i).to_lowercase())`.
fn lowercase_entry(doc: &Doc, i: usize, class: Class) -> bool {
    with_lowercase(doc.tok(i), |l| doc.data.is(class, l))
}

/// `f(&s.to_lowercase())`, lowercased on the stack when `s` is short and ASCII (most).
fn with_lowercase<T>(s: &str, f: impl FnOnce(&str) -> T) -> T {
    with_ascii_mapped(s, |b| b.to_ascii_lowercase(), str::to_lowercase, f)
}

/// `f(&slow(s))`, where `slow` maps an ASCII `s` byte by byte as `byte` does: mapped into a
/// buffer on the stack when `s` is short and ASCII, rather than into a new string.
fn with_ascii_mapped<T>(s: &str, byte: impl Fn(u8) -> u8, slow: impl FnOnce(&str) -> String, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 48];
    if s.is_ascii() && s.len() <= buf.len() {
        for (d, b) in buf.iter_mut().zip(s.bytes()) {
            *d = byte(b);
        }
        if let Ok(mapped) = std::str::from_utf8(&buf[..s.len()]) {
            return f(mapped);
        }
    }
    f(&slow(s))
}

/// The gazetteer's answers for the phrases asked so far of a document: the stages ask many
/// again (a name at each of its mentions, a span at each pass). Most spans open with a word
/// that opens no name: each token is told so once (see [`Known::span`]).
struct Known {
    phrases: RefCell<HashMap<String, Option<(EntityType, &'static str)>>>,
    /// What each token's first word tells of the names it may open (`OPENING_*`), once asked.
    openings: Vec<Cell<u8>>,
    /// Room for a token's fold.
    fold: RefCell<String>,
    /// Where the capitalised run from a token ends, found for a run coordinated with one
    /// before it (see [`extend`]).
    extents: RefCell<HashMap<usize, usize>>,
    /// Whether each word with a hyphen or outside ASCII is a given name (see [`is_given_name`]).
    given: RefCell<HashMap<String, bool>>,
}

/// The token's opening was asked.
const OPENING_ASKED: u8 = 1;
/// No name's fold opens with the token's fold followed by a space or nothing (see
/// [`Known::span`]).
const OPENING_NONE: u8 = 2;
/// The token's fold holds a hyphen (a hyphenated word is also asked with spaces).
const OPENING_HYPHEN: u8 = 4;

impl Known {
    /// Room for a phrase every sixteen tokens, rather than rehashing as it grows.
    fn for_doc(doc: &Doc) -> Self {
        Known {
            phrases: RefCell::new(HashMap::with_capacity_and_hasher(doc.tokens.len() / 16, Default::default())),
            openings: vec![Cell::new(0); doc.tokens.len()],
            fold: RefCell::new(String::with_capacity(64)),
            extents: RefCell::default(),
            given: RefCell::default(),
        }
    }

    /// `gazetteer(doc, k)`, looked up once per phrase.
    fn gazetteer(&self, doc: &Doc, k: &str) -> Option<(EntityType, &'static str)> {
        if let Some(&g) = self.phrases.borrow().get(k) {
            return g;
        }
        let g = gazetteer(doc, k);
        self.phrases.borrow_mut().insert(k.to_owned(), g);
        g
    }

    /// `self.gazetteer(doc, &doc.span_key(a, b))`, told by the opening of token `a` when its key
    /// is the phrase's first word: a word alone without a hyphen, or before a space.
    fn span(&self, doc: &Doc, a: usize, b: usize) -> Option<(EntityType, &'static str)> {
        let o = self.opening(doc, a);
        let first_word = if b == a + 1 { o & OPENING_HYPHEN == 0 } else { spaced(doc, a) };
        if first_word && o & OPENING_NONE != 0 {
            return None;
        }
        self.gazetteer(doc, &doc.span_key(a, b))
    }

    /// The opening of token `i` (`OPENING_*`), found once.
    fn opening(&self, doc: &Doc, i: usize) -> u8 {
        let o = self.openings[i].get();
        if o != 0 {
            return o;
        }
        let mut f = self.fold.borrow_mut();
        f.clear();
        doc.push_folded(i, &mut f);
        let o = opening_of(&f, doc.data.name_first.contains(f.as_str()));
        self.openings[i].set(o);
        o
    }

    /// Notes the opening of token `i`, whose fold `f` is (`first`: a name's first word).
    fn note_opening(&self, i: usize, f: &str, first: bool) {
        // (A name's first word proves nothing: its phrases are looked up, as a hyphenated
        // word's, without reading its fold again.)
        self.openings[i].set(if first { OPENING_ASKED | OPENING_HYPHEN } else { opening_of(f, first) });
    }
}

/// The opening (`OPENING_*`) of a token whose key folds to `f`, `first` telling whether a
/// name's first word is `f`.
fn opening_of(f: &str, first: bool) -> u8 {
    let (mut hyphen, mut cut) = (false, false);
    for b in f.bytes() {
        hyphen |= b == b'-';
        cut |= b == b' ' || b == b'\'';
    }
    let none = !first && !cut;
    OPENING_ASKED | if none { OPENING_NONE } else { 0 } | if hyphen { OPENING_HYPHEN } else { 0 }
}

/// Whether only whitespace, some, parts token `a` from the next: then the key of a span from
/// `a` on goes on with a space after `a`'s key.
fn spaced(doc: &Doc, a: usize) -> bool {
    let (end, start) = (doc.tokens[a].end, doc.tokens[a + 1].start);
    let bytes = doc.text.as_bytes();
    start == end + 1 && bytes[end] == b' ' || start > end && doc.text[end..start].chars().all(char::is_whitespace)
}

/// Gazetteer type of a phrase, if any.
fn gazetteer(doc: &Doc, k: &str) -> Option<(EntityType, &'static str)> {
    gazetteer_exact(doc, k).or_else(|| with_fold(k, |f| gazetteer_variant(doc, k, f)))
}

/// `f(&fold_key(s))`, folded on the stack when `s` is short and ASCII (most keys): its
/// lowercase with i for y.
fn with_fold<T>(s: &str, f: impl FnOnce(&str) -> T) -> T {
    with_ascii_mapped(s, |b| if b.eq_ignore_ascii_case(&b'y') { b'i' } else { b.to_ascii_lowercase() }, fold_key, f)
}

/// `gazetteer` of a phrase whose fold is known: `f` is `fold_key(k)`.
fn gazetteer_exact(doc: &Doc, k: &str) -> Option<(EntityType, &'static str)> {
    let g = doc.data.gazetteer(k);
    if g.organization() {
        return Some((EntityType::Organization, "gazetteer: organisations"));
    }
    if g.place() {
        return Some((EntityType::Location, "gazetteer: places"));
    }
    None
}

/// The gazetteer type of a phrase that no entry spells so: `f` is its fold.
fn gazetteer_variant(doc: &Doc, k: &str, f: &str) -> Option<(EntityType, &'static str)> {
    // Spelling variants: Etats-Unis for États-Unis, Tokyo for Tōkyō.
    let g = doc.data.gazetteer(f);
    if g.folded_organization() {
        return Some((EntityType::Organization, "gazetteer: organisations"));
    } else if g.folded_place() {
        return Some((EntityType::Location, "gazetteer: places"));
    }
    // "la Maison-Blanche" for "Maison Blanche".
    if k.contains('-') && !k.contains(' ') {
        return gazetteer(doc, &k.replace('-', " "));
    }
    None
}

/// "l'Otan", "la Fifa": French writes the acronyms it reads as words with one capital.
/// (Uppercased char by char: `str::to_uppercase` would add 3 KB to the page for this call.)
fn acronym_as_word(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && w.len() >= 4 && chars.all(char::is_lowercase) && doc.data.gazetteer(&w.chars().flat_map(char::to_uppercase).collect::<String>()).organization()
}

/// A capitalised run that fills a quotation on its own is the title of a work (a film, a
/// book, a programme: `« Les Misérables »`, `"The Social Network"`), not a name, unless a
/// gazetteer knows it.
fn drop_work_titles(doc: &Doc, cands: &mut Vec<Candidate>) {
    let opens = |i: usize| doc.tokens[i].kind == TokKind::Punct && matches!(doc.text[doc.tokens[i].start..].chars().next(), Some('«' | '“' | '"' | '„' | '‹'));
    let closes = |i: usize| doc.tokens[i].kind == TokKind::Punct && matches!(doc.text[doc.tokens[i].start..].chars().next(), Some('»' | '”' | '"' | '“' | '›'));
    cands.retain(|c| {
        if c.kind.is_some() && c.why.starts_with("gazetteer") {
            return true;
        }
        // Walk out over the title's own leading article ("The", "Les") to the marks.
        let mut a = c.first;
        while a > 0 && !opens(a - 1) && a + 2 > c.first && doc.is_cap(a - 1) && doc.tokens[a - 1].breaks_before == 0 {
            a -= 1;
        }
        !(a > 0 && opens(a - 1) && c.last < doc.tokens.len() && closes(c.last))
    });
}

/// Whether tokens `a..b` sit on one line with nothing but spaces between them.
fn joined(doc: &Doc, a: usize, b: usize) -> bool {
    (a + 1..b).all(|j| doc.tokens[j].breaks_before == 0)
}

/// The run of particles starting at token `j` (`da`, `von der`), as the index past it.
fn particle_chain(doc: &Doc, j: usize) -> Option<usize> {
    let mut end = doc.match_class(j, Class::NameParticle)?;
    for _ in 0..2 {
        match doc.match_class(end, Class::NameParticle) {
            Some(e) if doc.tokens[end].breaks_before == 0 && !doc.is_cap(end) => end = e,
            _ => break,
        }
    }
    Some(end)
}

/// The connector (particle, `de`, `of the`, `&`) starting at token `j`, as the index past it.
#[inline]
fn connector(doc: &Doc, j: usize) -> Option<usize> {
    // (Most tokens start no connector: told by their bits, without a call.)
    if !doc.may_start_class(j, Class::NameParticle) && !doc.may_start_class(j, Class::OrgConnector) {
        return None;
    }
    started_connector(doc, j)
}

/// `connector` for a token that starts some particle or connector.
fn started_connector(doc: &Doc, j: usize) -> Option<usize> {
    if j >= doc.tokens.len() || doc.tokens[j].breaks_before > 0 {
        return None;
    }
    let a = particle_chain(doc, j);
    let b = doc.match_class(j, Class::OrgConnector);
    a.max(b)
}

fn candidates<'d>(doc: &'d Doc, recurring: &mut LazyRecurring<'d>, known: &Known) -> Vec<Candidate> {
    let n = doc.tokens.len();
    // (Room for a candidate every eight tokens, rather than regrowing.)
    let mut out = Vec::with_capacity(n / 8);
    let mut phrase = (String::with_capacity(64), String::with_capacity(64));
    let mut i = 0;
    loop {
        // Most tokens are lowercase words that open nothing: passed over on one bit each,
        // and the few others told apart below.
        i = doc.next_name_opener(i);
        if i >= n {
            break;
        }
        if !doc.is_cap(i) && !may_open_lowercase(doc, i) {
            i += 1;
            continue;
        }
        // A gazetteer phrase may hold lowercase words (Asie centrale, Union européenne).
        // (A known name may open with its elided article: "L'Oréal".)
        let capital_elision = doc.tokens[i].kind == TokKind::Elision && doc.tok(i).chars().next().is_some_and(char::is_uppercase);
        if doc.is_cap(i) || capital_elision || doc.tokens[i].kind == TokKind::Word && is_head_text(doc, i) {
            // A lowercase head starts a known name only with its capitalised complement
            // ("ministère des Affaires étrangères", not a generic "assemblée nationale").
            if let Some((end, (k, why))) = longest_gazetteer(doc, known, i, &mut phrase).filter(|&(e, _)| (i..e).any(|t| doc.is_cap(t))) {
                if end > i + 1 || doc.is_cap(i) {
                    let mut c = Candidate { first: i, last: end, kind: None, why: "", title: None };
                    c.kind = Some(k);
                    c.why = why;
                    // A known name that goes on with an organisation or place word is part of
                    // a longer name: "New Zealand Herald", "ABC News", "Paris Airport".
                    if end < n && namelike(doc, known, end) && doc.tokens[end].breaks_before == 0 && doc.tokens[end].sentence == doc.tokens[i].sentence {
                        let run = extend(doc, known, i);
                        let last = doc.tok(run - 1);
                        if doc.data.org_suffixes.contains(last) {
                            c.last = run;
                            c.kind = Some(EntityType::Organization);
                            c.why = "known name with an organisation word";
                        } else if lowercase_is(doc, run - 1, Class::PlaceSuffix) {
                            c.last = run;
                            c.kind = Some(EntityType::Location);
                            c.why = "known name with a place word";
                        }
                    }
                    // A known body named by its head word goes on with adjectives: Congrès
                    // national, Assemblée nationale.
                    if c.last == i + 1 && c.kind == Some(EntityType::Organization) && is_head_text(doc, i) {
                        while c.last < n && c.last < i + 8 && doc.tokens[c.last].breaks_before == 0 && is_adjective(doc, c.last) {
                            c.last += 1;
                        }
                    }
                    let end = c.last;
                    let lone_positional_capital = end == i + 1 && positional_capital(doc, i, recurring, known) && !doc.data.gazetteer(doc.key(i)).named();
                    if !lone_positional_capital {
                        out.push(c);
                        i = end;
                        continue;
                    }
                }
            }
        }
        // An elided article written with a capital inside a sentence opens the name it is
        // glued to: "de L'Oréal", "à L'Aquila" (a sentence's first "L'État" is no name).
        let elided = doc.tokens[i].kind == TokKind::Elision && doc.tok(i).chars().next().is_some_and(char::is_uppercase) && doc.low_is(i, Class::Determiner) && !doc.starts_sentence(i) && !doc.sentence_of(i).all_caps;
        // (A known name keeps its article out: "L'Inde".)
        let glued = elided && i + 1 < n && namelike(doc, known, i + 1) && doc.tokens[i + 1].breaks_before == 0 && !doc.tokens[i + 1].space_before;
        let end = if glued { extend(doc, known, i + 1) } else { i + 1 };
        let mut known_rest = || longest_gazetteer(doc, known, i + 1, &mut phrase).is_some() || known.span(doc, i + 1, end).is_some();
        if glued && (!known_rest() || known.span(doc, i, end).is_some()) {
            // "à L'Aquila": a place; otherwise a body ("de L'Oréal").
            let place = i > 0 && doc.is_class(i - 1, Class::LocationPreposition);
            let guess = if place { (EntityType::Location, "name opened by an elided article, after a place preposition") } else { (EntityType::Organization, "name opened by an elided article") };
            let (kind, why) = known.span(doc, i, end).unwrap_or(guess);
            out.push(Candidate { first: i, last: end, kind: Some(kind), why, title: None });
            i = end;
            continue;
        }
        if !namelike(doc, known, i) {
            // A place head before a name: pont Mathilde, rue de Rivoli, aéroport international X.
            let descriptor = doc.is_class(i, Class::PlaceDescriptor);
            if doc.tokens[i].kind == TokKind::Word && (descriptor || doc.is_class(i, Class::PlaceHead)) && doc.tok(i).chars().next().is_some_and(char::is_lowercase) {
                let mut c = i + 1;
                while c < n && c < i + 3 && doc.tokens[c].breaks_before == 0 && is_adjective(doc, c) {
                    c += 1;
                }
                let c = connector(doc, c).filter(|&e| e < n && namelike(doc, known, e)).unwrap_or(c);
                let body = c < n && (is_org_head(doc, c) || doc.data.org_suffixes.contains(doc.tok(c)));
                // ("la ville de La Rochelle": the capitalised article belongs to the known name.)
                let with_article = c > i + 1 && c < n && doc.is_cap(c - 1) && namelike(doc, known, c) && known.span(doc, c - 1, extend(doc, known, c)).is_some();
                if c < n && namelike(doc, known, c) && !body && !with_article && joined(doc, i, c + 1) && known.span(doc, c, c + 1).is_none_or(|g| g.0 != EntityType::Location) {
                    let mut end = extend(doc, known, c);
                    // The name stops before a person's name glued to it ("site de Jababeka
                    // David Quentin") and before the known place it belongs to ("pont Mathilde
                    // de Rouen": the bridge, then Rouen).
                    if let Some(k) = (c + 1..end.saturating_sub(1)).find(|&k| !doc.is_common_word(k) && doc.data.given_names.contains_key(doc.key(k)) && namelike(doc, known, k + 1)) {
                        end = k;
                    }
                    if let Some(k) = (c + 1..end).find(|&k| connector(doc, k).is_some_and(|e| e < end && known.span(doc, e, end).is_some_and(|g| g.0 == EntityType::Location))) {
                        end = k;
                    }
                    // An administrative word is no part of the name: "région de Dorlin" → Dorlin.
                    let (first, why) = if descriptor { (c, "name after a place word") } else { (i, "place head word") };
                    out.push(Candidate { first, last: end, kind: Some(EntityType::Location), why, title: None });
                    i = end;
                    continue;
                }
            }
            // A lowercase organisation head before a capitalised complement:
            // ministère de l'Intérieur, direction des Renseignements.
            if doc.tokens[i].kind == TokKind::Word && is_org_head(doc, i) {
                // Adjectives may stand between the head and its complement: "tribunal
                // correctionnel de Nanterre", "conseil municipal de X".
                let mut h = i + 1;
                while h < n && h < i + 3 && doc.tokens[h].breaks_before == 0 && is_adjective(doc, h) && !doc.data.demonyms.contains(doc.key(h)) {
                    h += 1;
                }
                // Or a noun: "cour d'appel de Paris", "chambre de commerce de Lyon" (when
                // a known place closes the name).
                let known_place = |c: usize| c < n && namelike(doc, known, c) && known.span(doc, c, extend(doc, known, c)).is_some_and(|g| g.0 == EntityType::Location);
                let noun = connector(doc, i + 1).filter(|&c| c < n && common_noun(doc, c) && connector(doc, c + 1).is_some_and(known_place) && joined(doc, i, c + 2));
                let h = if let Some(c) = noun {
                    c + 1
                } else if h > i + 1 && connector(doc, h).is_some_and(|c| c < n && namelike(doc, known, c)) {
                    h
                } else {
                    i + 1
                };
                // "lycée Victor-Hugo", "université Paris-Saclay": a school or a hospital named
                // after a person or a place with a hyphen (a body's role noun names it alone:
                // "le groupe Saint-Gobain").
                let hyphenated = |t: usize| t < n && doc.tokens[t].breaks_before == 0 && doc.is_cap(t) && doc.tok(t).contains('-') && doc.tok(t).split('-').all(|p| p.chars().next().is_some_and(|ch| ch.is_uppercase()) || doc.data.is(Class::NameParticle, p));
                if doc.tok(i).chars().next().is_some_and(char::is_lowercase) && !doc.is_class(i, Class::OrgRole) && !doc.is_class(i, Class::LeaderBody) && hyphenated(i + 1) {
                    out.push(Candidate { first: i, last: i + 2, kind: Some(EntityType::Organization), why: "organisation head word", title: None });
                    i += 2;
                    continue;
                }
                // A place word before a known place names that place ("le département de la
                // Loire", "le centre historique de Lyon"): the place alone is tagged.
                let place_word = doc.is_class(i, Class::PlaceDescriptor) || doc.is_class(i, Class::PlaceHead);
                if let Some(c) = connector(doc, h).filter(|&c| !(place_word && h == i + 1 && known_place(c))) {
                    // "direction de l'aviation civile", "service des renseignements militaires"
                    // (a nationality after the complement describes the body: "ministère de
                    // l'Intérieur malien").
                    let body = doc.is_class(i, Class::OrgRole) || doc.low_is(i, Class::OrgRole);
                    if !body && h == i + 1 && c + 1 < n && doc.tokens[c].kind == TokKind::Word && !namelike(doc, known, c) && is_adjective(doc, c + 1) && joined(doc, i, c + 2) && !doc.is_class(c, Class::Determiner) {
                        let mut end = c + 2;
                        while end < n && end < c + 4 && doc.tokens[end].breaks_before == 0 && is_adjective(doc, end) && !doc.data.demonyms.contains(doc.key(end)) {
                            end += 1;
                        }
                        out.push(Candidate { first: i, last: end, kind: Some(EntityType::Organization), why: "organisation head word", title: None });
                        i = end;
                        continue;
                    }
                    if c < n && namelike(doc, known, c) && joined(doc, i, c + 1) && (h == i + 1 || !known_place(c) || !place_word) {
                        let mut end = extend(doc, known, c);
                        while end < n && end < c + 6 && doc.tokens[end].breaks_before == 0 && is_adjective(doc, end) && !doc.data.demonyms.contains(doc.key(end)) {
                            end += 1;
                        }
                        out.push(Candidate { first: i, last: end, kind: Some(EntityType::Organization), why: "organisation head word", title: None });
                        i = end;
                        continue;
                    }
                }
            }
            i += 1;
            continue;
        }
        let mut end = extend(doc, known, i);
        if let Some(e) = body_after_dotted_place(doc, known, i, end) {
            out.push(Candidate { first: i, last: e, kind: Some(EntityType::Organization), why: "organisation word after a place's abbreviation", title: None });
            i = e;
            continue;
        }
        // A capitalised organisation head may take a lowercase complement: Chambre des
        // représentants, Coalition de la gauche radicale, Cour des comptes.
        // An ordinary noun written with a capital inside a sentence, with its adjective, names
        // an institution: la Gauche démocratique, la Sécurité sociale, l'Éducation nationale
        // (a nationality makes it a description: "la Révolution française" is an event's).
        let s = doc.sentence_of(i);
        if end == i + 1 && doc.is_common_word(i) && !is_org_head(doc, i) && !doc.starts_sentence(i) && !s.headline && !s.title_case && !s.all_caps && !doc.is_upper(i) && !doc.low_is(i, Class::EventWord) {
            let mut e = end;
            while e < end + 2 && e < n && doc.tokens[e].breaks_before == 0 && is_adjective(doc, e) && !doc.data.demonyms.contains(doc.key(e)) {
                e += 1;
            }
            if e > end && !(e < n && doc.data.demonyms.contains(doc.key(e))) {
                out.push(Candidate { first: i, last: e, kind: Some(EntityType::Organization), why: "ordinary noun with a capital and its adjective", title: None });
                i = e;
                continue;
            }
        }
        // So after its adjectives: Musée national d'art moderne, Banque publique
        // d'investissement, Institut national de la statistique.
        if is_head_text(doc, i) {
            let adjective = |t: usize| t < n && doc.tokens[t].breaks_before == 0 && is_adjective(doc, t) && !doc.data.demonyms.contains(doc.key(t));
            let mut e = end;
            while e < end + 3 && adjective(e) {
                e += 1;
            }
            if e > end || end == i + 1 {
                if let Some(c) = connector(doc, e).filter(|&c| c < n && common_noun(doc, c) && joined(doc, e - 1, c + 1)) {
                    end = c + 1;
                    while end < c + 3 && adjective(end) {
                        end += 1;
                    }
                }
            }
        }
        // A body's name goes on with a lowercase complement that leads to a name:
        // "Université d'État d'hydrométéorologie de Russie".
        if is_org_head(doc, i) {
            if let Some(c) = connector(doc, end).filter(|&c| c < n && common_noun(doc, c) && joined(doc, end - 1, c + 1)) {
                if let Some(e) = connector(doc, c + 1).filter(|&e| e < n && namelike(doc, known, e) && doc.tokens[e].breaks_before == 0) {
                    end = extend(doc, known, e);
                }
            }
        }
        // French organisation names go on with adjectives: Banque centrale européenne,
        // ministère des Affaires étrangères, Cour pénale internationale.
        if is_head_text(doc, i) {
            while end < n && end < i + 8 && doc.tokens[end].breaks_before == 0 && is_adjective(doc, end) {
                end += 1;
            }
        }
        out.push(Candidate { first: i, last: end, kind: None, why: "", title: None });
        i = end;
    }
    let mut trimmed = Vec::with_capacity(out.len());
    for c in out {
        if c.kind.is_some() {
            trimmed.push(c);
            continue;
        }
        trim(doc, c, recurring, known, &mut trimmed);
    }
    trimmed
}

/// The end of a body's name opened by a place's dotted abbreviation (`U.S.`) at token `i`,
/// whose run ends at `end`: the sentences are cut after the abbreviation's period before a
/// capitalised ordinary word ("U.S. Department of Agriculture", "U.S. Environmental
/// Protection Agency"), but a body's head word opening the rest, or its word closing it,
/// makes one name of both.
fn body_after_dotted_place(doc: &Doc, known: &Known, i: usize, end: usize) -> Option<usize> {
    let n = doc.tokens.len();
    if end != i + 1 || end >= n || doc.tokens[i].kind != TokKind::Dotted || doc.tokens[end].sentence == doc.tokens[i].sentence || doc.tokens[end].breaks_before > 0 || !namelike(doc, known, end) {
        return None;
    }
    let place = doc.low_is(i, Class::PlaceAbbreviation) || known.span(doc, i, end).is_some_and(|g| g.0 == EntityType::Location);
    let run = extend(doc, known, end);
    (place && (is_org_head(doc, end) || doc.data.org_suffixes.contains(doc.tok(run - 1)))).then_some(run)
}

/// Whether token `i`, not capitalised, may open a candidate below: an elided article with a
/// capital (`L'`), a name glued to its particle (`al-Assad`), a head word of a place or body.
#[inline]
fn may_open_lowercase(doc: &Doc, i: usize) -> bool {
    match doc.tokens[i].kind {
        TokKind::Elision => doc.tok(i).starts_with(char::is_uppercase),
        TokKind::Word => {
            doc.may_be_org_head(i) || doc.is_upper(i) || doc.is_class(i, Class::PlaceDescriptor) || doc.is_class(i, Class::PlaceHead) || particle_glued(doc, i)
        }
        _ => false,
    }
}

/// The end of the longest gazetteer phrase starting at token `i`, and its type. `phrase`
/// is room for the phrase's key and fold, kept between calls.
fn longest_gazetteer(doc: &Doc, known: &Known, i: usize, phrase: &mut (String, String)) -> Option<(usize, (EntityType, &'static str))> {
    let n = doc.tokens.len();
    let (k, f) = phrase;
    k.clear();
    f.clear();
    doc.push_folded(i, f);
    // (A name's first word is a start of that name: its fold needs no other check.)
    let first_word = doc.data.name_first.contains(f.as_str());
    known.note_opening(i, f, first_word);
    let known_first = first_word || !doc.is_own_key(i) && doc.key(i) != doc.tok(i) && doc.data.name_first.contains(&fold_key(doc.tok(i)));
    if !known_first {
        return None;
    }
    k.push_str(doc.key(i));
    let max = (i + doc.data.max_name_words * 2).min(n);
    let mut best = None;
    // Whether a word after the first is written in lowercase (see below).
    let mut lowercase_word = false;
    for j in i + 1..=max {
        if j > i + 1 && doc.tokens[j - 1].breaks_before > 0 {
            break;
        }
        if matches!(doc.tokens[j - 1].kind, TokKind::Punct) && !doc.is_punct(j - 1, '&') && !doc.is_punct(j - 1, '-') {
            break;
        }
        // The phrase `doc.span_key(i, j)` and its fold, grown by a token.
        if j > i + 1 {
            doc.push_span_key(j - 1, k, f);
        }
        // Longer phrases only add to this one's fold: once no name starts so, none will.
        let known_first_word = j == i + 1 && first_word;
        if !known_first_word && !doc.data.may_start_name(f) {
            break;
        }
        // A phrase never ends on a connector or inside a longer capitalised name. A spelling
        // variant may drop accents or capitals all through (ETATS-UNIS), not write a word of the
        // name as an ordinary lowercase word ("La réunion est finie" is no La Réunion).
        let t = j - 1;
        lowercase_word |= t > i
            && doc.tokens[t].kind == TokKind::Word
            && doc.tok(t).starts_with(char::is_lowercase)
            && !doc.is_class(t, Class::NameParticle)
            && !doc.is_class(t, Class::OrgConnector);
        // (A lone word before a capital on its line is no name: its phrase goes unasked.)
        if j == i + 1 && j < n && doc.is_cap(j) && doc.tokens[j].breaks_before == 0 && !doc.is_upper(i) {
            continue;
        }
        let found = match gazetteer_exact(doc, k) {
            Some(g) => Some(g),
            None if lowercase_word => None,
            None => gazetteer_variant(doc, k, f),
        };
        if let Some(g) = found {
            best = Some((j, g));
        }
    }
    best
}

/// Whether token `i` is a lowercase content word (`représentants`, `comptes`), neither a
/// function word nor a verb.
fn common_noun(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    let low = doc.low(i);
    doc.tokens[i].kind == TokKind::Word
        && doc.tokens[i].breaks_before == 0
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() > 3
        && !doc.data.verb_forms.contains_key(low)
        && ![Class::Determiner, Class::Adverb, Class::PronounSubject, Class::Complementizer, Class::Auxiliary, Class::Preposition, Class::RelativePronoun, Class::NumberWord]
            .iter()
            .any(|&c| doc.is_class(i, c))
}

/// Whether token `i` opens an organisation name (`Ministère`, `MINISTÈRE`, and `ministère`
/// where the language writes heads in lowercase: the data lists those forms).
#[inline]
fn is_org_head(doc: &Doc, i: usize) -> bool {
    // Most tokens are no head: told by their bits, without a call.
    (doc.may_be_org_head(i) || doc.is_upper(i)) && org_head_text(doc, i)
}

/// `is_org_head` for a token that may be a head or is written in capitals.
fn org_head_text(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    // (Nor is an ASCII token in capitals whose bits say no head lowercases to it.)
    if !doc.may_be_org_head(i) && w.is_ascii() {
        return false;
    }
    doc.data.org_heads.contains(w) || doc.is_upper(i) && doc.data.org_heads.contains(&title_case(w))
}

/// Whether token `i`'s text is an organisation head: `doc.data.org_heads.contains(doc.tok(i))`.
#[inline]
fn is_head_text(doc: &Doc, i: usize) -> bool {
    doc.may_be_org_head(i) && head_entry(doc, i)
}

/// `doc.data.org_heads.contains(doc.tok(i))`.
fn head_entry(doc: &Doc, i: usize) -> bool {
    doc.data.org_heads.contains(doc.tok(i))
}

/// A lowercase word with an adjective ending of the language (`centrale`, `européenne`).
#[inline]
fn is_adjective(doc: &Doc, i: usize) -> bool {
    // (Most tokens are no lowercase words of content: told without a call.)
    is_lowercase_word(doc, i) && !doc.is_class(i, Class::Determiner) && !doc.is_class(i, Class::Adverb) && adjective_word(doc, i)
}

/// `is_adjective` for a lowercase word that is no determiner nor adverb.
fn adjective_word(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    // (The suffixes last.)
    w.chars().nth(3).is_some()
        && !doc.data.verb_forms.contains_key(w)
        && doc.data.entries(Class::AdjectiveSuffix).any(|suf| w.ends_with(suf))
}

/// Extends a capitalised run from token `i`: capitalised words, initials, and connectors
/// that stand between two capitalised words.
fn extend(doc: &Doc, known: &Known, i: usize) -> usize {
    // A run coordinated with the next ("National Air and Space Museum") needs that one's end
    // first: the runs waiting on another are kept on a stack, from which each is taken up
    // again where it stopped, once the other's end is known (and kept). A long list of names
    // coordinated one after the other is then no deep recursion, and each run is found once.
    let mut waiting: Vec<(usize, usize)> = Vec::new();
    let (mut s, mut j) = (i, i + 1);
    loop {
        match extend_from(doc, known, s, j) {
            Ok(e) => {
                let Some((w, at)) = waiting.pop() else { return e };
                known.extents.borrow_mut().insert(s, e);
                (s, j) = (w, at);
            }
            Err(at) => {
                waiting.push((s, at));
                (s, j) = (at + 1, at + 2);
            }
        }
    }
}

/// `extend(doc, known, i)`, from token `j` on (the tokens before it in the run): `Err(j)`
/// when a coordinator at `j` joins the run from `j + 1`, whose end is not known yet.
fn extend_from(doc: &Doc, known: &Known, i: usize, mut j: usize) -> Result<usize, usize> {
    let n = doc.tokens.len();
    loop {
        if j >= n || doc.tokens[j].breaks_before > 0 || doc.tokens[j].sentence != doc.tokens[i].sentence {
            break;
        }
        if (doc.tokens[j].space_before || doc.is_punct(j - 1, '.')) && namelike(doc, known, j) {
            j += 1;
            continue;
        }
        // "Council on Arab - Israeli Relations": a nationality's compound written with a
        // spaced hyphen goes on inside a longer name (not after a name alone: "France -
        // Germany").
        if j > i + 1 && j + 1 < n && doc.is_punct(j, '-') && doc.tokens[j].space_before && doc.tokens[j + 1].space_before && doc.tokens[j + 1].breaks_before == 0 && doc.data.demonyms.contains(doc.key(j - 1)) && namelike(doc, known, j + 1) {
            j += 2;
            continue;
        }
        // A body named by a collective noun in the possessive: "Korean People's Army".
        if collective_possessive(doc, j) && doc.is_cap(j - 1) && j + 1 < n && namelike(doc, known, j + 1) && doc.tokens[j + 1].breaks_before == 0 {
            j += 1;
            continue;
        }
        // An initial: "V. Sapounov", "L. Ron Hubbard".
        if doc.is_punct(j, '.') && doc.tok(j - 1).chars().count() == 1 && j + 1 < n && namelike(doc, known, j + 1) && doc.tokens[j + 1].breaks_before == 0 {
            j += 1;
            continue;
        }
        if let Some(c) = connector(doc, j) {
            if c < n && namelike(doc, known, c) && doc.tokens[c].breaks_before == 0 {
                j = c + 1;
                continue;
            }
        }
        // "and" inside one name: two words sharing the place or body word that closes the
        // name ("National Air and Space Museum", "Investment and Securities"), or the last
        // complement of a body named by its head ("Union of Atheists and Agnostics").
        if doc.is_class(j, Class::Coordinator) && j + 1 < n && namelike(doc, known, j + 1) && doc.tokens[j + 1].breaks_before == 0 && !doc.is_cap(j) {
            let Some(e) = known.extents.borrow().get(&(j + 1)).copied() else { return Err(j) };
            // (Not over a complement: "Chan of DAB and Eunice Yung of the Party" are two.)
            // ("National Air and Space Museum": a body's word before a place's is no name's end.)
            // ("Tarsia Mining and Energy Agency": a second name that opens with a sector's word
            // is none; "Dunmore Mining and Kestrel Energy" are two.)
            let two_bodies = ends_with_place_or_body(doc, j) && doc.data.org_suffixes.contains(doc.tok(j - 1)) == doc.data.org_suffixes.contains(doc.tok(e - 1)) && !(e > j + 2 && doc.data.org_suffixes.contains(doc.tok(j + 1)));
            let shared = ends_with_place_or_body(doc, e) && !two_bodies && known.span(doc, i, j).is_none() && !(j + 1..e).any(|t| doc.is_class(t, Class::OrgConnector));
            // ("Board of Trade and Industry of Norland": one word, then the complement of both.)
            let one_word = e == j + 2 || connector(doc, j + 2).is_some_and(|c| c < e);
            let complement = one_word
                && is_org_head(doc, i)
                && (i + 1..j).any(|t| doc.is_class(t, Class::OrgConnector))
                && known.span(doc, j + 1, j + 2).is_none()
                && !doc.data.given_names.contains_key(doc.key(j + 1));
            if shared || complement {
                j = e;
                continue;
            }
        }
        break;
    }
    Ok(j)
}

/// Whether token `j` is the possessive mark (`'s`, or `'` after a plural) of a collective noun
/// right before it: `People's`, `Workers'`.
#[inline]
fn collective_possessive(doc: &Doc, j: usize) -> bool {
    // (The noun's bit first: most words are none.)
    let mark = || doc.tokens[j].kind == TokKind::Clitic || (doc.is_punct(j, '\'') || doc.is_punct(j, '’')) && !doc.tokens[j].space_before;
    j > 0 && doc.low_is(j - 1, Class::CollectiveNoun) && mark()
}

/// Removes ordinary words capitalised by position, titles, and unlicensed connectors, then
/// pushes what remains (maybe several names) to `out`.
fn trim<'d>(doc: &'d Doc, c: Candidate, recurring: &mut LazyRecurring<'d>, known: &Known, out: &mut Vec<Candidate>) {
    let (mut a, b) = (c.first, c.last);
    let mut title = None;
    // Leading: positional capitals, honorifics and roles (Le, Selon, M., Président, Prime Minister).
    loop {
        if a >= b {
            return;
        }
        let title_end = title_at(doc, a);
        if title_end.is_some_and(|t| t >= b) {
            return; // a title alone: "Prime Minister"
        }
        if let Some(t) = title_end {
            title = Some((a, t));
            a = t;
            if doc.is_punct(a, '.') {
                a += 1;
            }
            continue;
        }
        if positional_capital(doc, a, recurring, known) && known.span(doc, a, b).is_none() {
            a += 1;
            // "Le Premier ministre": the connector-like article left behind goes too.
            while a < b && !namelike(doc, known, a) {
                a += 1;
            }
            continue;
        }
        break;
    }
    // "le Français Marc Guillemot", "les Sud-Coréens Song Myung-Sup": a nationality noun after
    // its determiner introduces the person's name and is no part of it (but "the American
    // Medical Association").
    if b > a + 1
        && a > 0
        && doc.is_class(a - 1, Class::Determiner)
        && doc.data.demonyms.contains(doc.key(a))
        && namelike(doc, known, a + 1)
        && !ends_with_place_or_body(doc, b)
        && known.span(doc, a, b).is_none()
        // (What follows looks like a person's name: rare capitalised words, no body's word.)
        && !is_org_head(doc, a + 1)
        && (a + 1..b).all(|t| doc.is_cap(t) && !doc.is_upper(t) && !doc.is_common_word(t) || doc.is_class(t, Class::NameParticle) || doc.is_punct(t, '.'))
    {
        // (It tells who the name is: "le Brésilien Neymar".)
        title = title.or(Some((a, a + 1)));
        a += 1;
    }
    if title.is_none() {
        title = title_before(doc, a);
    }
    // "Afghan Ambassador", "Mr Toccafondi Undersecretary": a person's title after the name
    // is no part of it (a body's word is: "Irving Police", "Catholic Church").
    let mut b = b;
    // ("Bruno Le Maire": a particle makes the word a surname.)
    while b > a + 1 && doc.is_cap(b - 1) && !(doc.is_class(b - 2, Class::NameParticle) && doc.is_cap(b - 2)) && doc.low_is(b - 1, Class::Role) && !is_collective_role(doc.low(b - 1), doc) && !doc.data.org_suffixes.contains(doc.tok(b - 1)) && !doc.low_is(b - 1, Class::OrgRole) {
        b -= 1;
    }
    // "Ahmed Mohamed Image: Twitter": a caption label glued to the name before it.
    if b > a + 2 && doc.is_punct(b, ':') && doc.is_common_word(b - 1) {
        b -= 1;
    }
    // A nationality word alone is no name (Afghan, Russes).
    if b == a + 1 && doc.data.demonyms.contains(doc.key(a)) && known.span(doc, a, a + 1).is_none() {
        return;
    }
    // Title-case and all-caps headlines: any ordinary word splits the run.
    let s = doc.sentence_of(a);
    if s.title_case || s.all_caps {
        let mut start = a;
        let mut k = a;
        while k < b {
            // (A body's word that closes the run stays with it: "Follow us on Google News".)
            let closes_body = k + 1 == b && k > start && doc.data.org_suffixes.contains(doc.tok(k));
            if namelike(doc, known, k) && positional_capital(doc, k, recurring, known) && !closes_body {
                if start < k {
                    split_connectors(doc, known, start, k, title.take(), out);
                }
                start = k + 1;
            }
            k += 1;
        }
        if start < b {
            split_connectors(doc, known, start, b, title, out);
        }
        return;
    }
    // "US President Barack Obama", "Jababeka David Quentin": a title or a given name
    // inside the run starts a person's name, and titles in a row make one ("Police Chief").
    // A run that ends with a body's or place's word is that body, whose name may hold a role
    // noun: "Oakfield Police Department", "Mayor's Office".
    let body = ends_with_place_or_body(doc, b);
    for k in a + 1..b.saturating_sub(1) {
        if let Some(mut t) = title_at(doc, k).filter(|&t| t < b && namelike(doc, known, t) && !body) {
            while let Some(u) = title_at(doc, t).filter(|&u| u < b && namelike(doc, known, u)) {
                t = u;
            }
            split_connectors(doc, known, a, k, title.take(), out);
            split_connectors(doc, known, t, b, Some((k, t)), out);
            return;
        }
        if person_after_body(doc, known, a, k, b) {
            split_connectors(doc, known, a, k, title.take(), out);
            split_connectors(doc, known, k, b, None, out);
            return;
        }
        // Not inside a place or a body ("Chiang Kai Shek Memorial", "Weatherspoon Art
        // Museum"), not at a given name that is also an ordinary word, and not after one unknown
        // word, which is more often the first given name of the same person ("Hernan Dario
        // Gomez", "Farouk Ben Mustapha").
        let known_before = || k > a + 1 || known.span(doc, a, a + 1).is_some() || doc.is_common_word(a);
        let inner_given = !doc.is_common_word(k)
            && doc.data.given_names.contains_key(doc.key(k))
            && namelike(doc, known, k + 1)
            && !doc.data.given_names.contains_key(doc.key(a))
            && known_before()
            && !(ends_with_place_or_body(doc, b) && known.span(doc, a, k).is_none())
            && (a..k).any(|t| doc.tokens[t].kind == TokKind::Word && doc.tok(t).chars().count() > 1)
            && known.span(doc, a, b).is_none();
        if inner_given {
            split_connectors(doc, known, a, k, title.take(), out);
            split_connectors(doc, known, k, b, None, out);
            return;
        }
    }
    split_connectors(doc, known, a, b, title, out);
}

/// Whether the run `a..b` is a body's name glued to the name of the person who speaks for it,
/// from token `k`: "Valmont Refugee Council Idris Dostani said", "University of Kansas
/// Laleh Qasrawi": the body's name ends with its word (`Council`) or with the known place
/// its head word's complement names, and two or three rare words follow, a person's given
/// name and surname (a body's name goes on with a place's or a body's word, a known place
/// or an ordinary word instead: "Bank Negara Malaysia", "Council Tax", "Kestrel Bank Dunmore
/// Branch").
fn person_after_body(doc: &Doc, known: &Known, a: usize, k: usize, b: usize) -> bool {
    let body_end = || doc.data.org_suffixes.contains(doc.tok(k - 1)) || is_org_head(doc, a) && known.span(doc, k - 1, k).is_some_and(|g| g.0 == EntityType::Location);
    (2..=3).contains(&(b - k)) && !ends_with_place_or_body(doc, b) && (k..b).all(|t| rare_word(doc, known, t)) && body_end()
}

/// Whether token `t` is a rare capitalised word: no ordinary word, acronym or known name
/// (a given name or a surname most often).
#[inline(never)]
fn rare_word(doc: &Doc, known: &Known, t: usize) -> bool {
    doc.tokens[t].kind == TokKind::Word && doc.is_cap(t) && !doc.is_upper(t) && !doc.is_common_word(t) && known.span(doc, t, t + 1).is_none()
}

/// Whether the name ending before token `b` ends with a place or organisation word
/// (`Memorial`, `Museum`, `Council`).
fn ends_with_place_or_body(doc: &Doc, b: usize) -> bool {
    let last = doc.tok(b - 1);
    doc.is_cap(b - 1) && (lowercase_is(doc, b - 1, Class::PlaceSuffix) || doc.data.org_suffixes.contains(last))
}

/// Honorific or role at token `i` (`M.`, `Mme`, `président`, `Prime Minister`), as the index past it.
#[inline]
fn title_at(doc: &Doc, i: usize) -> Option<usize> {
    // (Most tokens start neither: told by their bits, without a call.)
    if !doc.may_start_class(i, Class::Honorific) && !doc.may_start_class(i, Class::Role) {
        return None;
    }
    started_title_at(doc, i)
}

/// `title_at` for a token that starts some honorific or role.
fn started_title_at(doc: &Doc, i: usize) -> Option<usize> {
    let h = doc.match_class(i, Class::Honorific);
    // Roles of bodies (groupe, company, church) are no titles of people.
    let org_role = |e: usize| if e == i + 1 { lowercase_is(doc, i, Class::OrgRole) } else { doc.data.is(Class::OrgRole, &doc.span_text(i, e).to_lowercase()) };
    let r = doc.match_class(i, Class::Role).filter(|&e| !org_role(e));
    let end = h.max(r)?;
    // "M" + "." is the honorific "M.".
    if end < doc.tokens.len() && doc.is_punct(end, '.') && doc.data.is(Class::Honorific, &format!("{}.", doc.low(end - 1))) {
        return Some(end + 1);
    }
    Some(end)
}

/// A title or role right before token `a`, maybe with a demonym or adjective between
/// (`le président kazakh Kassym-Jomart Tokaïev`, `Premier ministre kirghize Akylbek Japarov`).
fn title_before(doc: &Doc, a: usize) -> Option<(usize, usize)> {
    let mut k = a;
    if k > 0 && doc.is_punct(k - 1, '.') {
        k -= 1;
    }
    let mut skipped = 0;
    while k > 0 && skipped <= 2 && doc.tokens[k].breaks_before == 0 {
        for len in 1..=3.min(k) {
            let start = k - len;
            let t = title_at(doc, start);
            if t == Some(k) || t == Some(k + 1) && doc.is_punct(k, '.') {
                return Some((start, k));
            }
        }
        let t = doc.tokens[k - 1];
        let adjective = t.kind == TokKind::Word
            && (doc.tok(k - 1).chars().next().is_some_and(char::is_lowercase) || doc.data.demonyms.contains(doc.key(k - 1)))
            && !doc.low_is(k - 1, Class::Determiner)
            && !doc.low_is(k - 1, Class::NameParticle)
            && !doc.low_is(k - 1, Class::OrgConnector)
            && doc.verb_form(k - 1).is_none()
            && !doc.low_is(k - 1, Class::Auxiliary);
        if !adjective {
            return None;
        }
        k -= 1;
        skipped += 1;
    }
    None
}

/// Splits a run at connectors that do not belong to one name, and pushes the parts.
/// `de`/`of` joins when the part before it opens with an organisation word, or is a
/// person's given name (`Kito de Pavant`), or the whole is a known name.
fn split_connectors(doc: &Doc, known: &Known, a: usize, b: usize, title: Option<(usize, usize)>, out: &mut Vec<Candidate>) {
    let mut start = a;
    let mut k = a;
    let mut title = title;
    while k < b {
        if !namelike(doc, known, k) && !doc.is_punct(k, '.') {
            let conn_end = connector(doc, k).unwrap_or(k + 1);
            // (The whole known as a name: asked last, as the dearest question.)
            let keep = is_head_text(doc, start)
                || doc.is_class(start, Class::PlaceHead) && doc.is_cap(start)
                || (start..k).any(|t| doc.data.org_suffixes.contains(doc.tok(t)) || is_head_text(doc, t))
                // "Kito de Pavant", "Luiz Inácio Lula da Silva", "Ursula von der Leyen".
                || (doc.is_class(k, Class::NameParticle) && conn_end + 1 == b && (k == start + 1 || is_given_name(doc, known, start))
                    && known.span(doc, start, start + 1).is_none() && known.span(doc, conn_end, conn_end + 1).is_none())
                || doc.is_punct(k, '&')
                // "Mme Le Pen": a capitalised particle right after a title opens the surname.
                || k == start && title.is_some() && doc.is_cap(k) && doc.is_class(k, Class::NameParticle) && conn_end < b
                || k > start && collective_possessive(doc, k)
                // "Museum of Art", "Space Museum of McMinnville": a place word takes its complement.
                || k > start && doc.is_class(k, Class::OrgConnector) && doc.is_cap(k - 1) && doc.low_is(k - 1, Class::PlaceSuffix)
                || doc.is_class(k, Class::Coordinator) && ends_with_place_or_body(doc, b)
                || doc.tok(k).ends_with('-')
                || known.span(doc, start, b).is_some();
            if !keep {
                if start < k {
                    out.push(Candidate { first: start, last: k, kind: None, why: "", title: title.take() });
                }
                start = conn_end;
                k = conn_end;
                continue;
            }
            k = conn_end;
            continue;
        }
        k += 1;
    }
    if start < b {
        out.push(Candidate { first: start, last: b, kind: None, why: "", title });
    }
}

/// Types a candidate from itself and its immediate context.
fn type_from_span(doc: &Doc, known: &Known, c: &mut Candidate) {
    if c.kind.is_some() {
        return;
    }
    let (a, b) = (c.first, c.last);
    let set = |c: &mut Candidate, t, why| {
        c.kind = Some(t);
        c.why = why;
    };
    if let Some((t, why)) = known.span(doc, a, b) {
        return set(c, t, why);
    }
    if b == a + 1 && acronym_as_word(doc, a) {
        return set(c, EntityType::Organization, "gazetteer: organisations");
    }
    if b == a + 1 && doc.data.demonyms.contains(doc.key(a)) {
        return; // a nationality word, not a name
    }
    if title_at(doc, a).is_some_and(|t| t >= b) {
        return; // a role alone, split from the name it followed ("Sommet des Chefs d'État")
    }
    // "McDonnell Douglas MD-83", "Airbus A380": a maker's name with a model code is a product
    // (but "Groupe M6" is a body).
    if b > a + 1 && doc.tok(b - 1).bytes().any(|ch| ch.is_ascii_digit()) && doc.tok(b - 1).chars().any(char::is_alphabetic) && !is_org_head(doc, a) {
        return;
    }
    // "South Korean", "North African": a nationality with its compass word.
    if b > a + 1 && (a..b - 1).all(|t| doc.is_class(t, Class::PlaceModifier)) && doc.data.demonyms.contains(doc.key(b - 1)) {
        return;
    }
    // An event is no person, body or place: "Coupe du Monde", "Waitangi Day" (but "Doris Day").
    let event = |t: usize| doc.is_cap(t) && doc.low_is(t, Class::EventWord);
    if b > a + 1 && (event(a) || event(b - 1)) && !doc.data.given_names.contains_key(doc.key(a)) {
        return;
    }
    // A known place followed by an ordinary word names a body, not a person ("Russia Today").
    // (The word's bit first, the lookups last.)
    let holds_place = || b == a + 2
        && doc.is_common_word(a + 1)
        && !doc.data.given_names.contains_key(doc.key(a))
        && known.span(doc, a, a + 1).is_some_and(|g| g.0 == EntityType::Location);
    if b == a + 1 && (is_head_text(doc, a) || doc.data.org_suffixes.contains(doc.tok(a))) {
        return; // "Congrès", "Group" alone: a common noun with a capital
    }
    // "Météo-France", "Radio-Canada": an ordinary word hyphenated to a known place names a
    // body (a compass word names a region: "Nord-Kivu").
    if b == a + 1 {
        if let Some((head, place)) = doc.tok(a).rsplit_once('-') {
            let low = head.to_lowercase();
            let ordinary = !head.contains('-') && head.chars().count() >= 4 && doc.data.is_common_word(&low) && !doc.data.is(Class::PlaceModifier, &low) && !doc.data.given_names.contains_key(head);
            if ordinary && known.gazetteer(doc, &key(place)).is_some_and(|g| g.0 == EntityType::Location) {
                return set(c, EntityType::Organization, "ordinary word joined to a place");
            }
        }
    }
    // An English-style name without a connector is headed by its last word: "National Air and
    // Space Museum", "Royal Albert Hall" are places.
    let head_first = (a + 1..b).any(|t| doc.is_class(t, Class::OrgConnector));
    let two_word_person = || b == a + 2 && doc.data.given_names.contains_key(doc.key(a)); // "Tony Hall"
    if !head_first && b > a + 1 && doc.is_cap(b - 1) && lowercase_is(doc, b - 1, Class::PlaceSuffix) && !two_word_person() && !doc.data.org_suffixes.contains(doc.tok(b - 1)) {
        return set(c, EntityType::Location, "place word");
    }
    // (A word alone was asked above as a head and by its text, most often its key.)
    let body_word = if b == a + 1 {
        !doc.is_own_key(a) && doc.key(a) != doc.tok(a) && doc.data.org_suffixes.contains(doc.key(a))
    } else {
        is_head_text(doc, a) || doc.data.org_suffixes.contains(doc.tok(b - 1)) || doc.data.org_suffixes.contains(doc.span_key(b.saturating_sub(2).max(a), b).as_ref())
    };
    if body_word {
        return set(c, EntityType::Organization, "organisation word");
    }
    // "Hurricane Katrina", "Opération Barkhane": a storm or a work named with its noun.
    if b > a + 1 && doc.is_class(a, Class::WorkNoun) && !doc.is_upper(a) {
        return;
    }
    // A long name that goes on past a person's name with a place or organisation word is
    // that place or body, not the person: "Andy Warhol Foundation for the Visual Arts",
    // "Chiang Kai Shek Memorial Hall". Two words stay a person's ("Tony Hall").
    if b > a + 2 {
        if doc.is_class(b - 1, Class::PlaceSuffix) && lowercase_is(doc, b - 1, Class::PlaceSuffix) {
            return set(c, EntityType::Location, "place word");
        }
        if (a + 1..b).any(|t| doc.is_cap(t) && (doc.data.org_suffixes.contains(doc.tok(t)) || is_head_text(doc, t))) {
            return set(c, EntityType::Organization, "organisation word inside");
        }
    }
    // "Museum of Flight": a capitalised place head with its complement.
    if b > a + 2 && doc.is_class(a, Class::PlaceHead) && connector(doc, a + 1).is_some() {
        return set(c, EntityType::Location, "place word");
    }
    // "Block Museum of Art", "Space Museum of McMinnville": a place word with its complement.
    if (a + 1..b.saturating_sub(1)).any(|t| doc.is_cap(t) && doc.is_class(t + 1, Class::OrgConnector) && doc.low_is(t, Class::PlaceSuffix)) {
        return set(c, EntityType::Location, "place word with its complement");
    }
    if holds_place() {
        return set(c, EntityType::Organization, "place name with an ordinary word");
    }
    if let Some((ta, tb)) = c.title {
        let role = doc.span_key(ta, tb).to_lowercase();
        let honorific = doc.data.is(Class::Honorific, &role) || doc.data.is(Class::Honorific, &format!("{role}."));
        let nationality = doc.is_cap(ta) && doc.data.demonyms.contains(&doc.span_key(ta, tb));
        let person_role = honorific || nationality || doc.data.is(Class::Role, &role) && !is_collective_role(&role, doc);
        // ("le député UMP Jean Dupont": an acronym after a role is the person's party.)
        if person_role && !(b == a + 1 && doc.is_upper(a)) {
            return set(c, EntityType::Person, "title before a name");
        }
    }
    // "l'hebdomadaire Charlie Hebdo", "la compagnie Dana Air": a body's role noun outweighs a
    // given name (but "le gouvernement Jean-Marc Ayrault" is led by a person).
    // (Asked once: the context below asks it again.)
    let role = if b > a + 1 { org_role_before(doc, a) } else { None };
    if role.is_some_and(|r| !doc.is_class(r, Class::LeaderBody)) {
        return set(c, EntityType::Organization, "a body's role noun before it");
    }
    if b > a + 1 && (is_given_name(doc, known, a) || doc.tok(a).chars().count() == 1 && doc.is_punct(a + 1, '.')) && !doc.is_upper(a) {
        return set(c, EntityType::Person, "given name");
    }
    // "K.C. Dunmore": a person's initials written as one dotted token (a place's are known:
    // "U.S.", "L.A.").
    if b > a + 1 && doc.tokens[a].kind == TokKind::Dotted && doc.is_upper(a) && !doc.low_is(a, Class::PlaceAbbreviation) && known.span(doc, a, a + 1).is_none() {
        return set(c, EntityType::Person, "initials");
    }
    if b == a + 1 && (doc.is_upper(a) || doc.tokens[a].kind == TokKind::Dotted) && !doc.low_is(a, Class::PlaceAbbreviation) {
        let w = doc.tok(a);
        // Model numbers (IE6), Roman numerals (XVII) and shouted words (UNLESS) are no acronyms.
        let roman = w.chars().all(|c| "IVXLCDM".contains(c));
        if w.chars().any(|c| c.is_ascii_digit()) || roman || doc.is_common_word(a) && w.chars().count() > 3 {
            return;
        }
        return set(c, EntityType::Organization, "acronym");
    }
    // "East Los Angeles", "South East Asia", "Constitution Hall", "Grand Mosque".
    if b > a + 1 && doc.is_class(b - 1, Class::PlaceSuffix) && lowercase_is(doc, b - 1, Class::PlaceSuffix) {
        return set(c, EntityType::Location, "place word");
    }
    if b > a + 1 {
        let mut m = a;
        while m < b - 1 && doc.is_class(m, Class::PlaceModifier) {
            m += 1;
        }
        if m > a && known.span(doc, m, b).is_some_and(|g| g.0 == EntityType::Location) {
            return set(c, EntityType::Location, "compass word before a place");
        }
    }
    // (A token's `low` is its key in lowercase.)
    let abbreviation = if b == a + 1 { doc.low_is(a, Class::PlaceAbbreviation) } else { with_lowercase(&doc.span_key(a, b), |l| doc.data.is(Class::PlaceAbbreviation, l)) };
    if abbreviation {
        return set(c, EntityType::Location, "abbreviation of a place");
    }
    // Unknown words that are also ordinary words name things more often than people
    // (Civic Passion, Home Office); names made of rare words are mostly people's.
    let ordinary = (a..b).any(|t| doc.tokens[t].kind == TokKind::Word && doc.is_common_word(t) && !doc.is_class(t, Class::NameParticle));
    if b > a + 1 && !ordinary && (a..b).all(|t| is_name_cap(doc, t) && !doc.is_upper(t) || doc.is_class(t, Class::NameParticle) || doc.is_punct(t, '.')) && b - a <= 4 {
        if let Some((t, why)) = body_context(doc, a, b, role) {
            return set(c, t, why);
        }
        return set(c, EntityType::Person, "capitalised words");
    }
    // "Quintus Ho said": a rare word, then a short surname that is also an ordinary word,
    // speaking, is a person (a body's name of that shape ends with its body's word, typed
    // above: "Valmont Inc said"; a longer ordinary word names a body more often: "Velora
    // Passion said").
    if b == a + 2 && rare_word(doc, known, a) && doc.is_cap(a + 1) && doc.tok(a + 1).chars().count() <= 3 && !doc.is_upper(a + 1) && !doc.data.demonyms.contains(doc.key(a + 1)) && speaks_after(doc, b) {
        return set(c, EntityType::Person, "rare given name of a speaker");
    }
    if b > a + 1 {
        set(c, EntityType::Organization, "capitalised words with connectors");
    }
}

/// What the words right before token `a` say of a name that no word of its own types: a body's
/// role noun (`la secte islamiste X`, `le constructeur X`) or a determiner (`la X Y`, `the X
/// Y`: people's names take none) make it a body, or a place after a determiner of place (`au X
/// Y`) or when it holds a particle (`des Sables d'Olonne`, `le Puy de Dôme`). `role` is
/// `org_role_before(doc, a)`.
fn body_context(doc: &Doc, a: usize, b: usize, role: Option<usize>) -> Option<(EntityType, &'static str)> {
    if a == 0 || doc.tokens[a].breaks_before > 0 {
        return None;
    }
    if role.is_some() {
        return Some((EntityType::Organization, "a body's role noun before it"));
    }
    let d = a - 1;
    if doc.is_class(d, Class::Determiner) && (!doc.is_cap(d) || doc.starts_sentence(d)) {
        if doc.is_class(d, Class::LocationPreposition) || (a + 1..b).any(|t| doc.is_class(t, Class::NameParticle) && !doc.is_cap(t)) {
            return Some((EntityType::Location, "determiner of place before it"));
        }
        return Some((EntityType::Organization, "determiner before it"));
    }
    None
}

/// The token of a body's role noun before token `a`, maybe with lowercase adjectives between
/// (`la secte islamiste`, `the carrier`).
fn org_role_before(doc: &Doc, a: usize) -> Option<usize> {
    // (The noun is one of the three tokens before: most names have none.)
    if !(a.saturating_sub(3)..a).any(|p| doc.is_class(p, Class::OrgRole)) {
        return None;
    }
    let mut k = a;
    while k > 0 && a - k <= 2 && doc.tokens[k].breaks_before == 0 {
        let p = k - 1;
        if doc.is_class(p, Class::OrgRole) && doc.tokens[p].kind == TokKind::Word && !doc.is_cap(p) {
            return Some(p);
        }
        let adjective = doc.tokens[p].kind == TokKind::Word
            && doc.tok(p).chars().next().is_some_and(char::is_lowercase)
            && (is_adjective(doc, p) || doc.data.demonyms.contains(doc.key(p)));
        if !adjective {
            return None;
        }
        k = p;
    }
    None
}

/// An organisation opened by an organisation head, followed by a connector and another
/// organisation, is one name: `Conseil de sécurité de l'ONU`, `Department of Defense of
/// the NATO`… (a body of its parent is named with it).
fn join_parent_organisations(doc: &Doc, cands: &mut Vec<Candidate>) {
    let org = |c: &Candidate| c.kind == Some(EntityType::Organization);
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands.drain(..) {
        if let Some(prev) = out.last_mut() {
            let joins = org(prev) && org(&c) && is_org_head(doc, prev.first) && connector(doc, prev.last) == Some(c.first) && doc.tokens[c.first].breaks_before == 0;
            if joins {
                prev.last = c.last;
                continue;
            }
        }
        out.push(c);
    }
    *cands = out;
}

/// A body or place joined by a site connector (`at`, `at the`) to the body, base or campus it
/// stands at is one name: `Art Museum at the University of X`, `Museum of the Air Force at Y Air
/// Force Base`, `University of X at Chapel Hill`. The whole takes the type of the site when the site is
/// a body or a place named by its word, and the type of the first part when the site is a bare
/// place (a campus's town).
fn join_sites(doc: &Doc, cands: &mut Vec<Candidate>) {
    let typed = |c: &Candidate| matches!(c.kind, Some(EntityType::Organization | EntityType::Location));
    let mut out: Vec<Candidate> = Vec::with_capacity(cands.len());
    // The first token of the last part joined into `out.last()`: whether it opens with an
    // organisation head is asked of the few joined names only.
    let mut last_part = 0;
    for c in cands.drain(..) {
        if let Some(prev) = out.last_mut() {
            let linked = typed(prev) && typed(&c) && doc.match_class(prev.last, Class::SiteConnector) == Some(c.first) && joined(doc, prev.last - 1, c.first + 1);
            if linked {
                let last_head = is_org_head(doc, last_part);
                let left_body = (prev.first + 1..=prev.last).any(|t| ends_with_place_or_body(doc, t)) || is_org_head(doc, prev.first) || last_head;
                let right_body = ends_with_place_or_body(doc, c.last) || is_org_head(doc, c.first);
                let right_town = c.kind == Some(EntityType::Location) && (is_org_head(doc, prev.first) || last_head);
                if left_body && (right_body || right_town) {
                    if right_body {
                        prev.kind = c.kind;
                    }
                    prev.last = c.last;
                    prev.why = "body or place at its site";
                    last_part = c.first;
                    continue;
                }
            }
        }
        last_part = c.first;
        out.push(c);
    }
    *cands = out;
}

/// Whether token `i` is a given name, or a compound of given names (`Jean-Mimi`; but a
/// person's full name joined by a hyphen names a place or an event: `Roland-Garros`).
fn is_given_name(doc: &Doc, known: &Known, i: usize) -> bool {
    let k = doc.key(i);
    if doc.data.given_names.contains_key(k) {
        return true;
    }
    // (A hyphen in the text is one in the key.)
    if k.is_ascii() && !k.contains('-') {
        return false;
    }
    // (The other questions fold or split the word: asked once of each.)
    if let Some(&g) = known.given.borrow().get(k) {
        return g;
    }
    let g = given_name_variant(doc, i);
    known.given.borrow_mut().insert(k.to_owned(), g);
    g
}

/// `is_given_name` for a word that the lexicon does not write as the token's key.
fn given_name_variant(doc: &Doc, i: usize) -> bool {
    let k = doc.key(i);
    // (The lexicon writes some names without their accents: Noel for Noël.)
    if !k.is_ascii() && doc.data.given_names.contains_key(&title_case(&fold_key(k))) {
        return true;
    }
    let w = doc.tok(i);
    w.contains('-') && w.split('-').all(|p| doc.data.given_names.contains_key(&key(p))) && gazetteer(doc, k).is_none()
}

/// Roles that name a body rather than a person (`gouvernement`, `police`).
fn is_collective_role(role: &str, doc: &Doc) -> bool {
    doc.data.org_heads.contains(role) || doc.data.org_heads.contains(&title_case(role)) || role.ends_with('s')
}

/// An acronym in parentheses right after its expansion gives the expansion its bounds and
/// both of them one type: `Organisation du Traité de sécurité collective (OTSC)`.
fn expand_acronyms(doc: &Doc, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    // Each expansion: its first word and the "(" after it, in the text's order.
    let mut expansions: Vec<(usize, usize)> = Vec::new();
    // The tokens that open a parenthesis, found from the text's "(" rather than token by token.
    let opening = doc.text.match_indices('(').filter_map(|(at, _)| doc.tokens.binary_search_by_key(&at, |t| t.start).ok());
    // (Room for each acronym's fold, its letters and the initials before it, kept between them.)
    let (mut folded, mut acro, mut initials) = (String::new(), Vec::new(), Vec::new());
    for i in opening.filter(|&i| (1..n.saturating_sub(2)).contains(&i)) {
        if !(doc.is_punct(i, '(') && doc.is_upper(i + 1) && doc.is_punct(i + 2, ')')) {
            continue;
        }
        folded.clear();
        crate::lang::fold_into(doc.tok(i + 1), &mut folded);
        acro.clear();
        acro.extend(folded.chars().filter(|c| c.is_alphabetic()));
        // Walk back over the words before "(" collecting initials of content words.
        initials.clear();
        let mut k = i;
        let mut found = None;
        while k > 0 && i - k < 16 && doc.tokens[k].breaks_before == 0 {
            k -= 1;
            let t = doc.tokens[k];
            if t.kind == TokKind::Punct && !doc.is_punct(k, '-') && !doc.is_punct(k, '&') {
                break;
            }
            let function = doc.low_is(k, Class::OrgConnector) || doc.low_is(k, Class::NameParticle) || doc.low_is(k, Class::Determiner) || doc.low_is(k, Class::Coordinator) || t.kind == TokKind::Elision;
            if !function && t.kind == TokKind::Word {
                // The first letter of each part between hyphens, the last part first.
                let w = doc.tok(k);
                let mut end = w.len();
                loop {
                    let start = w.as_bytes()[..end].iter().rposition(|&b| b == b'-').map_or(0, |p| p + 1);
                    if let Some(c) = w[start..end].chars().next() {
                        initials.insert(0, initial_fold(c));
                    }
                    if start == 0 {
                        break;
                    }
                    end = start - 1;
                }
                let tail = &acro[acro.len().saturating_sub(initials.len())..];
                if initials.len() > acro.len() || tail != initials.as_slice() {
                    // Hyphenated words may count for one letter only.
                    if initials.len() > acro.len() {
                        break;
                    }
                }
                if initials == acro && doc.is_cap(k) {
                    found = Some(k);
                    break;
                }
            }
        }
        if let Some(start) = found {
            expansions.push((start, i));
        }
    }
    if expansions.is_empty() {
        return;
    }
    // Each expansion, in turn, replaces the candidates inside it and types its acronym
    // everywhere else; done in one pass over the candidates, not one per expansion (an
    // archive-sized text holds hundreds), with the same result: a candidate inside an earlier
    // expansion is gone, and a lone acronym has the kind of its latest expansion so far.
    let index: HashMap<(usize, usize), usize> = expansions.iter().enumerate().map(|(j, &span)| (span, j)).collect();
    let mut naming: Vec<Vec<usize>> = vec![Vec::new(); expansions.len()];
    // (An expansion ends before a "(": asked of the candidates that do only.)
    for (ci, c) in cands.iter().enumerate().filter(|(_, c)| doc.is_punct(c.last, '(')) {
        if let Some(&j) = index.get(&(c.first, c.last)) {
            naming[j].push(ci);
        }
    }
    let mut acronym_kinds: HashMap<&str, EntityType> = HashMap::default();
    let mut added = Vec::with_capacity(expansions.len());
    for (j, &(start, i)) in expansions.iter().enumerate() {
        // The candidate naming the whole expansion, as the expansions before left it: gone
        // when it overlaps one of them. (Each ends at its "(", before this one's: it overlaps
        // one when it overlaps the last, which ends last.)
        let gone = j > 0 && start < expansions[j - 1].1;
        let kind = naming[j]
            .iter()
            .map(|&ci| &cands[ci])
            .filter(|_| !gone)
            .find_map(|c| if c.last == c.first + 1 { acronym_kinds.get(doc.key(c.first)).copied().or(c.kind) } else { c.kind })
            .unwrap_or(EntityType::Organization);
        acronym_kinds.insert(doc.key(i + 1), kind);
        added.push(Candidate { first: start, last: i, kind: Some(kind), why: "expansion of an acronym in parentheses", title: None });
    }
    // Whether a candidate overlaps an expansion: the spans by start, with the furthest end so far.
    let mut by_start = expansions.clone();
    by_start.sort();
    let furthest: Vec<usize> = by_start.iter().scan(0, |m, &(_, e)| {
        *m = (*m).max(e);
        Some(*m)
    }).collect();
    // (The candidates come in the text's order, mostly: the count of spans starting before a
    // candidate's end is walked on from the last one's while the ends grow.)
    let mut p = 0;
    let mut last = 0;
    cands.retain(|c| {
        if c.last < last {
            p = 0;
        }
        last = c.last;
        while p < by_start.len() && by_start[p].0 < c.last {
            p += 1;
        }
        p == 0 || furthest[p - 1] <= c.first
    });
    // (An acronym is written in capitals, and so is any token with its key.)
    for c in cands.iter_mut().filter(|c| c.first + 1 == c.last && doc.is_upper(c.first)) {
        if let Some(&kind) = acronym_kinds.get(doc.key(c.first)) {
            c.kind = Some(kind);
            c.why = "acronym of a name expanded in the text";
        }
    }
    cands.extend(added);
    cands.sort_by_key(|c| c.first);
}

/// The first character of the fold of `c`: accents fold ("électoral" gives the E of TSE).
fn initial_fold(c: char) -> char {
    // (An ASCII letter folds to its lowercase, with i for y.)
    if c.is_ascii() {
        return match c.to_ascii_lowercase() {
            'y' => 'i',
            l => l,
        };
    }
    fold_key(c.encode_utf8(&mut [0; 4])).chars().next().unwrap_or(c)
}

/// One type per name in a document; people's surnames and given names; unknown single
/// words typed by the document, then by their context.
fn consistency(doc: &Doc, known: &Known, cands: &mut [Candidate]) {
    // A person's parts spread from the strongest evidence first (a given name, a title): a
    // weaker name that opens with such a surname and goes on with unknown words is that
    // person's name followed by a thing ("Warhol Polaroids"), and its words are no parts.
    let strong = |c: &Candidate| c.kind == Some(EntityType::Person) && c.last > c.first + 1 && matches!(c.why, "given name" | "title before a name");
    let weak = |c: &Candidate| matches!(c.why, "capitalised words" | "determiner before it") && c.last > c.first + 1;
    let mut surnames: HashSet<String> = HashSet::default();
    // (Folded only when some weaker name may open with one, each written surname once.)
    if cands.iter().any(weak) {
        let mut written: HashSet<&str> = HashSet::default();
        for c in cands.iter().filter(|c| strong(c)) {
            let w = doc.tok(c.last - 1);
            if written.insert(w) {
                surnames.insert(fold_key(w));
            }
        }
    }
    // (Asked only when some surname is known, each written word folded once, into one buffer.)
    let mut fold = String::new();
    let mut asked: HashMap<&str, bool> = HashMap::default();
    let mut surname = |w: usize| {
        *asked.entry(doc.tok(w)).or_insert_with_key(|w| {
            fold.clear();
            crate::lang::fold_into(w, &mut fold);
            surnames.contains(fold.as_str())
        })
    };
    for c in cands.iter_mut().filter(|_| !surnames.is_empty()) {
        if weak(c) && surname(c.first) && !(c.first + 1..c.last).any(|w| surname(w) || doc.is_class(w, Class::NameParticle)) {
            c.last = c.first + 1;
            c.kind = Some(EntityType::Person);
            c.why = "part of a person's name given in full";
        }
    }
    // "du Havre", "du Caire", "aux Sables-d'Olonne": a place whose name opens with an article
    // loses it in the contracted determiner before it.
    // The one-word articles that open some name, each with the capitalised start it gives
    // the name ("Le ", "L'"): found at the first candidate that asks, once for all.
    let mut articles: Option<Vec<(&str, String)>> = None;
    let mut name = String::new();
    for c in cands.iter_mut().filter(|c| c.kind.is_none() || c.why == "determiner before it") {
        let a = c.first;
        if a == 0 || doc.tokens[a].breaks_before > 0 || !doc.is_class(a - 1, Class::Determiner) || doc.is_cap(a - 1) {
            continue;
        }
        let rest = doc.span_key(a, c.last);
        // (Only an article other than the one written: "la Défense" is no "La Défense".)
        let written = doc.low(a - 1);
        let articles = articles.get_or_insert_with(|| {
            let opening = doc.data.entries(Class::Determiner).filter(|d| !d.contains(' ') && doc.data.name_first.contains(d));
            opening
                .map(|d| {
                    let mut start = title_case(d);
                    if !d.ends_with('\'') {
                        start.push(' ');
                    }
                    (d, start)
                })
                .collect()
        });
        let known = articles.iter().filter(|(d, _)| *d != written).any(|(_, start)| {
            name.clear();
            name.push_str(start);
            name.push_str(&rest);
            known.gazetteer(doc, &name).is_some_and(|g| g.0 == EntityType::Location)
        });
        if known {
            c.kind = Some(EntityType::Location);
            c.why = "place named with its article";
        }
    }
    // A name the document once shows as a body or a place by its context ("la Tablighi
    // Jamaat", "le groupe X Y") is that wherever nothing but its capitals typed it.
    let by_context = |why: &str| matches!(why, "determiner before it" | "determiner of place before it" | "a body's role noun before it");
    // The last pass below asks of the untyped names, and of the typed ones that may turn out
    // a person's part (see `asks_parts`): most documents have few, and many none. Until it,
    // only the context above sets a type, and never takes one away.
    let untyped = cands.iter().any(|c| c.kind.is_none());
    let by_contexts = cands.iter().any(|c| by_context(c.why));
    if !untyped && !by_contexts && !cands.iter().any(|c| asks_parts(doc, c)) {
        return;
    }
    // Each name's fold, for the passes below (which keep the spans): every name's when the
    // types of all are compared, or else those of the names the last pass asks of.
    let all = untyped || by_contexts;
    let mut ids = FoldIds::default();
    let folds: Vec<u32> = cands.iter().map(|c| if all || asks_parts(doc, c) { ids.of_span(doc, c.first, c.last) } else { NO_FOLD }).collect();
    // (By fold number: each name's type and the context's, the first found.)
    let mut context_typed: Vec<Option<EntityType>> = Vec::new();
    for (c, &f) in cands.iter().zip(&folds).filter(|(c, _)| by_context(c.why)) {
        if let Some(t) = c.kind {
            first_at(&mut context_typed, f, t);
        }
    }
    if !context_typed.is_empty() {
        for (c, &f) in cands.iter_mut().zip(&folds).filter(|(c, _)| c.why == "capitalised words") {
            if let Some(t) = found_at(&context_typed, f) {
                c.kind = Some(t);
                c.why = "typed elsewhere in the document";
            }
        }
    }
    // The ordinary words among the capitalised parts of people's names below, and which of
    // them the document also writes in lowercase (a token's bits follow from its key).
    let ordinary_part = |w: usize| doc.is_cap(w) && !doc.is_class(w, Class::NameParticle) && doc.is_common_word(w);
    let people = cands.iter().filter(|c| c.kind == Some(EntityType::Person) && c.last > c.first + 1);
    let mut lowercase = Sought::new(people.flat_map(|c| c.first..c.last).filter(|&w| ordinary_part(w)).map(|w| doc.low(w)));
    if !lowercase.is_empty() {
        let bytes = doc.text.as_bytes();
        for (i, t) in doc.tokens.iter().enumerate() {
            // (A lowercase word's first byte, when ASCII, is its key's: most turn away on it.)
            if t.kind != TokKind::Word || t.end <= t.start || bytes[t.start].is_ascii() && !lowercase.may_start(bytes[t.start]) {
                continue;
            }
            if doc.is_common_word(i) && is_lowercase_word(doc, i) {
                lowercase.mark(doc.low(i));
                if lowercase.all_found() {
                    break;
                }
            }
        }
    }
    // (The types of other names are asked of untyped ones only.)
    let mut typed: Vec<Option<EntityType>> = Vec::new();
    // The folds of people's parts, by number (only a name's own fold is asked of them).
    let mut person_parts: Vec<Option<bool>> = Vec::new();
    // The people's names whose parts are in, by their text and number of tokens: a name's
    // parts follow from its tokens, and a person is named again and again.
    let mut people: HashMap<&str, usize> = HashMap::default();
    for (c, &k) in cands.iter().zip(&folds) {
        let Some(t) = c.kind else { continue };
        if untyped {
            first_at(&mut typed, k, t);
        }
        if t == EntityType::Person && c.last > c.first + 1 && people.insert(doc.span_text(c.first, c.last), c.last - c.first) != Some(c.last - c.first) {
            for w in c.first..c.last {
                // A part that the document also writes in lowercase is an ordinary word
                // caught in the name ("Image" of a caption), not the person's name.
                if doc.is_cap(w) && !doc.is_class(w, Class::NameParticle) && !(doc.is_common_word(w) && lowercase.found(doc.low(w))) {
                    first_at(&mut person_parts, ids.of_word(doc, w), true);
                }
            }
            // The surname with its particle: "de Pavant".
            if let Some(p) = (c.first + 1..c.last).find(|&w| doc.is_class(w, Class::NameParticle)) {
                first_at(&mut person_parts, ids.number(&span_fold(doc, p, c.last)), true);
            }
        }
    }
    // The start of each name right after "et"/"and" and a place or body (typed before this
    // pass): the type it inherits.
    let mut coordinated_kind: HashMap<usize, EntityType> = HashMap::default();
    for c in cands.iter().filter(|c| matches!(c.kind, Some(EntityType::Location | EntityType::Organization))) {
        if doc.is_class(c.last, Class::Coordinator) && doc.tokens.get(c.last + 1).is_some_and(|t| t.breaks_before == 0) {
            coordinated_kind.insert(c.last + 1, c.kind.unwrap_or(EntityType::Location));
        }
    }
    for (c, &k) in cands.iter_mut().zip(&folds) {
        if c.kind.is_some() && !asks_parts(doc, c) {
            continue; // typed, and kept
        }
        if found_at(&person_parts, k).is_some() {
            c.kind = Some(EntityType::Person);
            c.why = "part of a person's name given in full";
            continue;
        }
        if c.kind.is_some() {
            continue;
        }
        if let Some(t) = found_at(&typed, k) {
            c.kind = Some(t);
            c.why = "typed elsewhere in the document";
            continue;
        }
        let (a, b) = (c.first, c.last);
        if b != a + 1 {
            continue;
        }
        // "à Jalo et Ojla", "Google and Apple", "le PSG et Chelsea": a name coordinated with
        // a place or a body right before it is one too, given name or not.
        if let Some(kind) = coordinated_kind.get(&a).copied() {
            c.kind = Some(kind);
            c.why = "coordinated with a name of that type";
            continue;
        }
        // "à Lagos", "en Grèce", "in Kabul".
        let before = if a > 0 && doc.tokens[a].breaks_before == 0 { Some(a - 1) } else { None };
        // ("according to Rathbun" is a source, not a place.)
        let in_source_cue = |p: usize| (p.saturating_sub(3)..p).any(|q| doc.match_class(q, Class::SourceCue) == Some(p + 1));
        // ("face à Apple": a compound preposition ending in "à" introduces no place.)
        let compound = |p: usize| (p.saturating_sub(2)..p).any(|q| doc.match_class(q, Class::Preposition) == Some(p + 1));
        if before.is_some_and(|p| doc.is_class(p, Class::LocationPreposition) && !in_source_cue(p) && !compound(p)) {
            c.kind = Some(EntityType::Location);
            c.why = "preposition of place before it";
            // Typed here, it passes its type on to a name coordinated with it ("à Jalo et Ojla").
            if doc.is_class(b, Class::Coordinator) && doc.tokens.get(b + 1).is_some_and(|t| t.breaks_before == 0) {
                coordinated_kind.insert(b + 1, EntityType::Location);
            }
            continue;
        }
        // ("la Marine", "the Chase": a determiner makes a given name that is also an ordinary
        // word that word; "the Marilyn pictures" is still hers.)
        let determined = a > 0 && doc.tokens[a].breaks_before == 0 && doc.is_class(a - 1, Class::Determiner) && doc.is_common_word(a);
        if is_given_name(doc, known, a) && !determined {
            c.kind = Some(EntityType::Person);
            c.why = "given name";
            continue;
        }
        // "le gouvernement Papadimos", "l'après Kadhafi", "the Obama administration": a body
        // or period named after its leader.
        let det = |t: usize| doc.is_class(t, Class::Determiner) && doc.tokens[t + 1].breaks_before == 0;
        let led_after = a >= 2 && doc.is_class(a - 1, Class::LeaderBody) && det(a - 2) && doc.tokens[a].breaks_before == 0;
        let led_before = a >= 1 && doc.is_class(b, Class::LeaderBody) && det(a - 1) && doc.tokens[b].breaks_before == 0;
        if (led_after || led_before) && !doc.is_common_word(a) && !doc.is_upper(a) {
            c.kind = Some(EntityType::Person);
            c.why = "leader of a body named after them";
            continue;
        }
        // "l'américain Apple", "le chinois Huawei": a nationality adjective used as a noun
        // (in lowercase, unlike "le Français X", a person) stands for a company.
        let company = a >= 2
            && doc.tokens[a - 1].kind == TokKind::Word
            && doc.tok(a - 1).chars().next().is_some_and(char::is_lowercase)
            && doc.data.demonyms.contains(doc.key(a - 1))
            && doc.is_class(a - 2, Class::Determiner)
            && joined(doc, a - 2, a + 1);
        if company && !doc.starts_sentence(a) {
            c.kind = Some(EntityType::Organization);
            c.why = "a nationality noun before it";
            continue;
        }
        // "le constructeur X", "le groupe Total" (a body named after its leader is typed
        // above): an ordinary word too, when the role noun stands right before it.
        let role = org_role_before(doc, a).filter(|&r| !doc.is_class(r, Class::LeaderBody));
        if role.is_some_and(|r| r + 1 == a || !doc.is_common_word(a)) && !doc.starts_sentence(a) {
            c.kind = Some(EntityType::Organization);
            c.why = "a body's role noun before it";
            continue;
        }
        if doc.is_common_word(a) {
            continue; // "État", "Sommet": an ordinary word with a capital
        }
        // "Barroso, le président de la Commission": a person's role in apposition.
        let mut r = b + 1;
        while r < doc.tokens.len() && r < b + 3 && (doc.is_class(r, Class::Determiner) || doc.tokens[r].kind == TokKind::Elision) {
            r += 1;
        }
        if doc.is_punct(b, ',') && doc.match_class(r, Class::Role).is_some() && !doc.is_class(r, Class::OrgRole) {
            c.kind = Some(EntityType::Person);
            c.why = "a role in apposition";
            continue;
        }
        // The subject or the source of a speech verb that the document never names in full
        // is a body that speaks: a newspaper, an agency, a website ("Reuters reported",
        // "selon Wikinews"). People are introduced by their full names, whose parts were
        // typed above.
        if speaks_after(doc, b) || spoken_before(doc, a) {
            c.kind = Some(EntityType::Organization);
            c.why = "speaker of a speech verb";
            continue;
        }
        // A single unknown capitalised word without evidence is left untyped: on news text
        // it is a person's name less often than a product, an event or a common noun.
}
}

/// The number of no fold: a name whose fold no pass asks.
const NO_FOLD: u32 = u32::MAX;

/// The folds of a document's names, numbered, each found once per distinct text: a long
/// document names the same people and places again and again, and the passes of
/// [`consistency`] then compare numbers.
#[derive(Default)]
struct FoldIds<'d> {
    /// Each span's text (its key, and so its fold, follow from it), with its fold's number.
    spans: HashMap<&'d str, u32>,
    /// Each word's text, with the number of its fold as a person's part (see
    /// [`FoldIds::of_word`]).
    words: HashMap<&'d str, u32>,
    /// Each fold, with its number.
    folds: HashMap<String, u32>,
    word: String,
}

impl<'d> FoldIds<'d> {
    /// The number of `name_fold(doc, a, b)`.
    fn of_span(&mut self, doc: &'d Doc, a: usize, b: usize) -> u32 {
        let text = doc.span_text(a, b);
        if let Some(&id) = self.spans.get(text) {
            return id;
        }
        let id = self.number(&name_fold(doc, a, b));
        self.spans.insert(text, id);
        id
    }

    /// The number of the fold of token `w`'s text.
    fn of_word(&mut self, doc: &'d Doc, w: usize) -> u32 {
        let text = doc.tok(w);
        if let Some(&id) = self.words.get(text) {
            return id;
        }
        let mut f = std::mem::take(&mut self.word);
        f.clear();
        crate::lang::fold_into(text, &mut f);
        let id = self.number(&f);
        self.word = f;
        self.words.insert(text, id);
        id
    }

    /// The number of the fold `f`.
    fn number(&mut self, f: &str) -> u32 {
        if let Some(&id) = self.folds.get(f) {
            return id;
        }
        let id = self.folds.len() as u32;
        self.folds.insert(f.to_owned(), id);
        id
    }
}

/// Sets `v[id]` to `x` unless it is set (the first found wins), for a fold (not `NO_FOLD`).
fn first_at<T: Copy>(v: &mut Vec<Option<T>>, id: u32, x: T) {
    let i = id as usize;
    if id == NO_FOLD {
        return;
    }
    if i >= v.len() {
        v.resize(i + 1, None);
    }
    v[i].get_or_insert(x);
}

/// `v[id]`, if set.
fn found_at<T: Copy>(v: &[Option<T>], id: u32) -> Option<T> {
    v.get(id as usize).copied().flatten()
}

/// Whether the typed candidate `c` becomes a person's part when the document gives a person
/// in full with its name (see [`consistency`]).
fn asks_parts(doc: &Doc, c: &Candidate) -> bool {
    let connectors = || c.why == "capitalised words with connectors";
    // A surname that is also a company's name (Eastman, Dell) names the person the
    // document gives in full.
    // So does a surname that is also a place's (Valeska Paris, then "Paris said"), unless a
    // place preposition introduces it ("in Paris").
    let one_word = || c.last == c.first + 1 && !doc.is_upper(c.first);
    match c.kind {
        Some(EntityType::Organization) => connectors() || one_word() && c.why == "gazetteer: organisations",
        Some(EntityType::Location) => one_word() && c.why == "gazetteer: places" && !(c.first > 0 && doc.is_class(c.first - 1, Class::LocationPreposition)),
        _ => false,
    }
}

/// "De Pavant a dit": a sentence's first word is the particle of a surname the document gave
/// with it ("Kito de Pavant"), not an ordinary word capitalised by its position.
fn sentence_initial_particles(doc: &Doc, cands: &mut [Candidate]) {
    let mut with_particle: HashSet<String> = HashSet::default();
    // (Each written surname folded once: a person is named again and again.)
    let mut written: HashSet<&str> = HashSet::default();
    for c in cands.iter().filter(|c| c.kind == Some(EntityType::Person) && c.last > c.first + 2) {
        if let Some(p) = (c.first + 1..c.last - 1).find(|&w| doc.is_class(w, Class::NameParticle)) {
            if written.insert(doc.span_text(p, c.last)) {
                with_particle.insert(span_fold(doc, p, c.last));
            }
        }
    }
    if with_particle.is_empty() {
        return;
    }
    for c in cands.iter_mut().filter(|c| c.kind == Some(EntityType::Person) && c.first > 0) {
        let p = c.first - 1;
        if doc.starts_sentence(p) && doc.is_cap(p) && doc.is_class(p, Class::NameParticle) && with_particle.contains(&span_fold(doc, p, c.last)) {
            c.first = p;
        }
    }
}

/// Places that meet in a match score (`Sweden 1 – 0 Korea Republic`, `Belgium defeated Panama
/// 3-0`) are teams, and so organisations wherever the document names them. A score is two
/// numbers of at most two digits joined by a dash and not followed by a unit (`aged 8–10
/// years`); the teams are the places of its sentence that no place preposition introduces.
fn match_teams(doc: &Doc, cands: &mut [Candidate]) {
    let n = doc.tokens.len();
    let small = |i: usize| doc.tokens[i].kind == TokKind::Number && doc.tok(i).len() <= 2 && doc.tok(i).bytes().all(|b| b.is_ascii_digit());
    let mut scores: HashSet<u32> = HashSet::default();
    for i in 0..n.saturating_sub(2) {
        if doc.tokens[i].kind != TokKind::Number {
            continue; // (most tokens: no score starts there)
        }
        let dash = || doc.is_punct(i + 1, '-') || doc.is_punct(i + 1, '–') || doc.is_punct(i + 1, '—');
        if small(i) && dash() && small(i + 2) && doc.tokens[i + 1].breaks_before == 0 && doc.tokens[i + 2].breaks_before == 0 {
            let unit = i + 3 < n && [Class::TimeUnit, Class::Unit, Class::Month].iter().any(|&c| doc.is_class(i + 3, c));
            let part_of_number = i > 0 && (doc.tokens[i - 1].kind == TokKind::Number || doc.is_punct(i - 1, '-') || doc.is_punct(i - 1, '/'));
            if !unit && !part_of_number {
                scores.insert(doc.tokens[i].sentence);
            }
        }
    }
    if scores.is_empty() {
        return;
    }
    let place = |c: &Candidate| c.kind == Some(EntityType::Location) || c.kind.is_none();
    let mut teams: HashSet<String> = HashSet::default();
    for c in cands.iter().filter(|c| place(c) && scores.contains(&doc.tokens[c.first].sentence)) {
        let introduced = c.first > 0 && doc.is_class(c.first - 1, Class::LocationPreposition);
        if !introduced {
            teams.insert(span_fold(doc, c.first, c.last));
        }
    }
    for c in cands.iter_mut().filter(|c| place(c)) {
        if teams.contains(&span_fold(doc, c.first, c.last)) {
            c.kind = Some(EntityType::Organization);
            c.why = "team in a match score";
        }
    }
}

/// Whether a speech verb follows token `b` (maybe after an auxiliary and adverbs).
fn speaks_after(doc: &Doc, b: usize) -> bool {
    let n = doc.tokens.len();
    let mut j = b;
    let mut steps = 0;
    while j < n && steps < 4 && doc.tokens[j].breaks_before == 0 && doc.tokens[j].kind == TokKind::Word {
        if doc.verb_form(j).is_some() {
            return true;
        }
        if !(doc.low_is(j, Class::Auxiliary) || doc.low_is(j, Class::Adverb) || doc.match_class(j, Class::Adverb).is_some()) {
            return false;
        }
        j = doc.match_class(j, Class::Adverb).unwrap_or(j + 1);
        steps += 1;
    }
    false
}

/// Whether token `a` follows an inverted speech verb or a source cue (`, a déclaré X`, `selon X`).
fn spoken_before(doc: &Doc, a: usize) -> bool {
    if a == 0 || doc.tokens[a].breaks_before > 0 {
        return false;
    }
    let p = a - 1;
    if doc.tokens[p].kind != TokKind::Word && doc.tokens[p].kind != TokKind::Elision {
        return false;
    }
    // ("selon l'Insee": the article between the cue and the name.)
    let article = doc.is_class(p, Class::Determiner) && !doc.is_cap(p);
    let source = (p.saturating_sub(2)..=p).any(|s| doc.match_class(s, Class::SourceCue) == Some(a) || article && doc.match_class(s, Class::SourceCue) == Some(p));
    source || doc.verb_form(p).is_some() && (p > 0 && (doc.is_punct(p - 1, ',') || doc.low_is(p - 1, Class::Auxiliary)))
}

/// `span_fold(doc, a, b)`, borrowed for a one-word ASCII name without y (most): its fold is
/// its lowercase key.
fn name_fold<'d>(doc: &'d Doc, a: usize, b: usize) -> Cow<'d, str> {
    if b == a + 1 && doc.tok(a).is_ascii() && !doc.low(a).bytes().any(|c| c == b'y') {
        return Cow::Borrowed(doc.low(a));
    }
    Cow::Owned(span_fold(doc, a, b))
}

/// The fold of the key of tokens `a..b`: `fold_key(&doc.span_key(a, b))`, lowercased
/// whole when ASCII (most names: their key is their text).
pub fn span_fold(doc: &Doc, a: usize, b: usize) -> String {
    let k = doc.span_key(a, b);
    if !k.is_ascii() {
        return fold_key(&k);
    }
    // (An ASCII fold is the lowercase with i for y.)
    let f = k.to_ascii_lowercase();
    if f.contains('y') { f.replace('y', "i") } else { f }
}

/// Appends `span_fold(doc, a, b)` to `buf`, built from the folds of its tokens (one space
/// where whitespace parts two of them, none after an apostrophe), and returns where it
/// stands: for callers that fold many spans into one buffer.
pub fn push_span_fold(doc: &Doc, a: usize, b: usize, buf: &mut String) -> Range<usize> {
    let start = buf.len();
    doc.push_folded(a, buf);
    for j in a + 1..b {
        let gap = &doc.text[doc.tokens[j - 1].end..doc.tokens[j].start];
        if !gap.chars().all(char::is_whitespace) {
            // A character the tokenizer passed over.
            buf.truncate(start);
            crate::lang::fold_into(&doc.span_key(a, b), buf);
            break;
        }
        if !gap.is_empty() && !doc.key(j - 1).ends_with('\'') {
            buf.push(' ');
        }
        doc.push_folded(j, buf);
    }
    start..buf.len()
}

/// A key that ignores case, accents and y/i transliteration (Tokayev = Tokaïev).
pub fn fold_key(s: &str) -> String {
    crate::lang::fold(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    /// Folding a span's key gives its tokens' folds, one space where whitespace parts two of
    /// them (none after an apostrophe): what [`Known::span`] reads a phrase's first word by,
    /// and what `push_span_fold` builds.
    #[test]
    fn span_fold_is_made_of_the_tokens_folds() {
        let text = "l’ Oréal de L' Aquila  Jean\n\nDupont New\u{a0}York Saint‐Denis Ǆemal\u{200b}Tokaïev YELTSIN d’Arc";
        for lang in [Lang::Fr, Lang::En] {
            let d = Doc::new(text, lang);
            for a in 0..d.tokens.len() {
                for b in a + 1..=(a + 4).min(d.tokens.len()) {
                    // (After what the buffer already holds, as clusters fold many names into one.)
                    let mut f = String::from("x ");
                    let at = push_span_fold(&d, a, b, &mut f);
                    let f = &f[at];
                    assert_eq!(span_fold(&d, a, b), f, "{:?}", d.span_text(a, b));
                    assert_eq!(span_fold(&d, a, b), fold_key(&d.span_key(a, b)), "{:?}", d.span_text(a, b));
                }
            }
        }
    }

    /// `Known::span` answers what looking the span's key up gives, whether the openings were
    /// found by it or noted by `longest_gazetteer`.
    #[test]
    fn known_span_is_the_gazetteer_of_the_span_key() {
        let text = "Le Havre, New York et la Maison-Blanche. La Maison Blanche à Saint-Denis ; L'Oréal, l’Oréal \
            aux États-Unis, Etats-Unis, ETATS-UNIS, au Royaume-Uni. The Hague and the United States, \
            New\u{a0}York,  Emmanuel Macron et Jean-Pierre Dupont de L' Aquila. U.S. Army d’Arc Tōkyō Tokyo";
        for lang in [Lang::Fr, Lang::En] {
            let d = Doc::new(text, lang);
            let (found, noted) = (Known::for_doc(&d), Known::for_doc(&d));
            let mut phrase = (String::new(), String::new());
            for i in 0..d.tokens.len() {
                longest_gazetteer(&d, &noted, i, &mut phrase);
            }
            for a in 0..d.tokens.len() {
                for b in a + 1..=(a + 4).min(d.tokens.len()) {
                    let g = gazetteer(&d, &d.span_key(a, b));
                    assert_eq!(found.span(&d, a, b), g, "{:?}", d.span_text(a, b));
                    assert_eq!(noted.span(&d, a, b), g, "{:?}", d.span_text(a, b));
                }
            }
        }
    }
}
