//! Languages and their knowledge: closed word classes, gazetteers and speech verbs, read
//! from the data files under `data/<lang>/` (each cites its source in its header).
//!
//! The tables are built once per language, on first use, and shared by every document.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::{Borrow, Cow};
use std::hash::Hash;
use std::sync::LazyLock;

mod key;
pub use key::{key, key_into};

/// A language the annotator knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    /// `fr` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// Parses a language code (`fr`, `FR`, `fr-CA`, `en_GB`, `french`…); `None` if unknown.
    pub fn from_code(code: &str) -> Option<Lang> {
        let c = code.trim().to_ascii_lowercase();
        let base = c.split(['-', '_']).next().unwrap_or("");
        match base {
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language's tables, built on first use.
    pub fn data(self) -> &'static LangData {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Guesses the language of `text` from its most frequent function words (French when
/// nothing tells, since French is the tool's first language).
pub fn detect(text: &str) -> Lang {
    let words = &*FUNCTION_WORDS;
    let bytes = text.as_bytes();
    let (mut fr, mut en) = (0usize, 0usize);
    let mut w = String::new();
    // Two thousand words decide; an archive-sized text need not be read whole.
    for (start, end, ascii) in alphabetic_runs(text).take(2000) {
        let len = end - start;
        let vote = if ascii && len > words.max_bytes {
            // Most words: longer than every function word (an ASCII word lowercases to as
            // many bytes).
            None
        } else if ascii && len <= 8 {
            // Their lowercase packed in an integer, without a string: the letters' eight
            // bytes with their case bit set, those past the word cleared.
            words.ascii_vote((load8(bytes, start) | splat(0x20)) & (u64::MAX >> (64 - 8 * len)))
        } else if text[start..end].chars().nth(words.max_chars).is_some() {
            None
        } else {
            // Per character, not `str::to_lowercase`: they differ only on a final sigma.
            w.clear();
            text[start..end].chars().for_each(|c| push_lowercase(c, &mut w));
            words.votes.get(w.as_str()).copied()
        };
        if let Some((f, e)) = vote {
            fr += usize::from(f);
            en += usize::from(e);
        }
    }
    if en > fr {
        Lang::En
    } else {
        Lang::Fr
    }
}

/// Appends `c.to_lowercase()`: a Latin-1 character, most of a French text's accented
/// letters, without the Unicode tables.
#[inline]
fn push_lowercase(c: char, out: &mut String) {
    match c {
        'A'..='Z' | '\u{c0}'..='\u{de}' if c != '\u{d7}' => out.push(char::from_u32(c as u32 + 0x20).unwrap_or(c)),
        '\0'..='\u{ff}' => out.push(c),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The eight bytes from `pos` as an integer, the first lowest; zeros past the end.
#[inline]
pub(crate) fn load8(bytes: &[u8], pos: usize) -> u64 {
    match bytes.get(pos..pos + 8) {
        Some(b) => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
        None => {
            let mut b = [0; 8];
            let tail = &bytes[pos.min(bytes.len())..];
            b[..tail.len()].copy_from_slice(tail);
            u64::from_le_bytes(b)
        }
    }
}

/// `char::is_alphabetic`, answered without the Unicode tables for ASCII, Latin-1 and the
/// accented Latin letters (U+00C0 to U+024F, all letters but `×` and `÷`), which make most
/// of the non-ASCII characters of news text.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\u{7f}' => false,
        '\u{80}'..='\u{bf}' => matches!(c, '\u{aa}' | '\u{b5}' | '\u{ba}'),
        '\u{c0}'..='\u{24f}' => c != '\u{d7}' && c != '\u{f7}',
        // General punctuation: dashes, quotes, spaces.
        '\u{2000}'..='\u{206f}' => false,
        _ => c.is_alphabetic(),
    }
}

/// `char::is_numeric`, without the Unicode tables on the ranges of [`is_alphabetic`].
#[inline]
pub(crate) fn is_numeric(c: char) -> bool {
    match c {
        '\0'..='\u{7f}' => c.is_ascii_digit(),
        '\u{80}'..='\u{bf}' => matches!(c, '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{bc}'..='\u{be}'),
        '\u{c0}'..='\u{24f}' | '\u{2000}'..='\u{206f}' => false,
        _ => c.is_numeric(),
    }
}

/// The maximal runs of alphabetic characters of `text`, as
/// `text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty())` gives them, as byte
/// ranges, each with whether it is ASCII; ASCII bytes are tested without decoding them.
fn alphabetic_runs(text: &str) -> impl Iterator<Item = (usize, usize, bool)> + '_ {
    let bytes = text.as_bytes();
    // Whether the non-ASCII character at byte `pos` is alphabetic, and its length.
    let other = move |pos: usize| -> (bool, usize) { text[pos..].chars().next().map_or((false, 1), |c| (is_alphabetic(c), c.len_utf8())) };
    let mut pos = 0;
    std::iter::from_fn(move || {
        loop {
            while bytes.get(pos).is_some_and(|&b| BYTE_KINDS[usize::from(b)] == ASCII_OTHER) {
                pos += 1;
            }
            let &b = bytes.get(pos)?;
            if b.is_ascii() {
                break;
            }
            let (alphabetic, len) = other(pos);
            if alphabetic {
                break;
            }
            pos += len;
        }
        let (start, mut ascii) = (pos, true);
        loop {
            pos = ascii_letters_end(bytes, pos);
            match bytes.get(pos) {
                Some(b) if !b.is_ascii() => {
                    let (alphabetic, len) = other(pos);
                    if !alphabetic {
                        break;
                    }
                    ascii = false;
                    pos += len;
                }
                _ => break,
            }
        }
        Some((start, pos, ascii))
    })
}

/// What a byte is to [`alphabetic_runs`], read from a table rather than found by comparisons.
const BYTE_KINDS: [u8; 256] = {
    let mut kinds = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        kinds[b] = if (b as u8).is_ascii_alphabetic() { ASCII_LETTER } else { ASCII_OTHER };
        b += 1;
    }
    kinds
};
const ASCII_LETTER: u8 = 0;
const ASCII_OTHER: u8 = 1;
const NOT_ASCII: u8 = 2;

/// Where the run of ASCII letters starting at `pos` ends: eight bytes at a time, the words
/// of a text being most of its bytes.
#[inline]
fn ascii_letters_end(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(chunk) = bytes.get(pos..pos + 8) {
        let x = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let others = !ascii_letter_mask(x) & HIGH_BITS;
        if others != 0 {
            return pos + (others.trailing_zeros() / 8) as usize;
        }
        pos += 8;
    }
    while bytes.get(pos).is_some_and(|&b| BYTE_KINDS[usize::from(b)] == ASCII_LETTER) {
        pos += 1;
    }
    pos
}

/// The high bit of every byte of a word: where the masks below mark the bytes they find.
pub(crate) const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `b` in every byte of a word.
const fn splat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each byte of `x` that is an ASCII letter, the others clear: its bytes
/// compared with `a` and `z` at once, once their case bit is set (no sum carries into the
/// next byte, every byte being at most 0x7F before it).
#[inline]
pub(crate) fn ascii_letter_mask(x: u64) -> u64 {
    let low = (x | splat(0x20)) & !HIGH_BITS;
    let from_a = low + splat(0x80 - b'a');
    let past_z = low + splat(0x80 - b'z' - 1);
    from_a & !past_z & !x & HIGH_BITS
}

/// The high bit of each byte of `x` that is an ASCII letter or digit, the others clear.
#[inline]
pub(crate) fn ascii_alphanumeric_mask(x: u64) -> u64 {
    let low = x & !HIGH_BITS;
    let digits = (low + splat(0x80 - b'0')) & !(low + splat(0x80 - b'9' - 1)) & !x & HIGH_BITS;
    ascii_letter_mask(x) | digits
}

/// The ASCII lowercase of a word of at most 8 ASCII letters, as the bytes of an integer
/// (no letter is a zero byte, so words of different lengths differ).
fn pack_lowercase(word: &str) -> u64 {
    word.bytes().rev().fold(0, |acc, b| acc << 8 | u64::from(b.to_ascii_lowercase()))
}

/// The slot of a packed word in [`FunctionWords::ascii_slots`].
#[inline]
fn ascii_slot(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - ASCII_SLOT_BITS)) as usize
}

const ASCII_SLOT_BITS: u32 = 8;

/// The function words `detect` counts, and the votes each gives (French, English).
struct FunctionWords {
    votes: HashMap<&'static str, (bool, bool)>,
    /// The same for the words of at most 8 ASCII letters, by [`pack_lowercase`], in an open
    /// addressing table (a zero key is an empty slot): a few instructions a word, where a
    /// hash map's lookup takes dozens.
    ascii_slots: Vec<(u64, (bool, bool))>,
    /// A word longer (in characters) than the longest of them is none of them, since
    /// lowercasing never makes fewer characters.
    max_chars: usize,
    /// The longest ASCII one, in bytes.
    max_bytes: usize,
}

/// A data file as `build.rs` copies it into `OUT_DIR` (without its `#` comment lines).
macro_rules! data {
    ($path:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $path))
    };
}

static FUNCTION_WORDS: LazyLock<FunctionWords> = LazyLock::new(|| {
    let mut votes: HashMap<&'static str, (bool, bool)> = HashMap::default();
    for w in lines(data!("fr/function_words.txt")) {
        votes.entry(w).or_default().0 = true;
    }
    for w in lines(data!("en/function_words.txt")) {
        votes.entry(w).or_default().1 = true;
    }
    let max_chars = votes.keys().map(|w| w.chars().count()).max().unwrap_or(0);
    let mut ascii_slots = vec![(0, (false, false)); 1 << ASCII_SLOT_BITS];
    for (w, &v) in votes.iter().filter(|(w, _)| w.is_ascii() && w.len() <= 8) {
        let packed = pack_lowercase(w);
        let mut slot = ascii_slot(packed);
        // Fewer words than slots (a test checks it): a free slot is always found.
        while ascii_slots[slot].0 != 0 && ascii_slots[slot].0 != packed {
            slot = (slot + 1) % ascii_slots.len();
        }
        ascii_slots[slot] = (packed, v);
    }
    let max_bytes = votes.keys().filter(|w| w.is_ascii()).map(|w| w.len()).max().unwrap_or(0);
    FunctionWords { votes, ascii_slots, max_chars, max_bytes }
});

impl FunctionWords {
    /// The votes of the word of at most 8 ASCII letters packed as `packed`.
    #[inline]
    fn ascii_vote(&self, packed: u64) -> Option<(bool, bool)> {
        let mut slot = ascii_slot(packed);
        loop {
            let (key, vote) = self.ascii_slots[slot];
            if key == packed {
                return Some(vote);
            }
            if key == 0 {
                return None;
            }
            slot = (slot + 1) % self.ascii_slots.len();
        }
    }
}

static FR: LazyLock<LangData> = LazyLock::new(|| {
    LangData::build(Sources {
        grammar: data!("fr/grammar.tsv"),
        locations: &[data!("fr/locations.txt"), data!("common/cities.txt"), data!("en/locations.txt")],
        organizations: &[data!("fr/organizations.txt"), data!("common/companies.txt")],
        org_words: data!("fr/org_words.txt"),
        given_names: &[data!("fr/given_names.txt"), data!("common/given_names.txt")],
        demonyms: data!("fr/demonyms.txt"),
        common_words: data!("fr/common_words.txt"),
        speech_verbs: data!("fr/speech_verbs.txt"),
    })
});

static EN: LazyLock<LangData> = LazyLock::new(|| {
    LangData::build(Sources {
        grammar: data!("en/grammar.tsv"),
        locations: &[data!("en/locations.txt"), data!("common/cities.txt"), data!("fr/locations.txt")],
        organizations: &[data!("en/organizations.txt"), data!("common/companies.txt")],
        org_words: data!("en/org_words.txt"),
        given_names: &[data!("en/given_names.txt"), data!("common/given_names.txt")],
        demonyms: data!("en/demonyms.txt"),
        common_words: data!("en/common_words.txt"),
        speech_verbs: data!("en/speech_verbs.txt"),
    })
});

struct Sources {
    grammar: &'static str,
    locations: &'static [&'static str],
    organizations: &'static [&'static str],
    org_words: &'static str,
    given_names: &'static [&'static str],
    demonyms: &'static str,
    common_words: &'static str,
    speech_verbs: &'static str,
}

/// A closed word class of `data/<lang>/grammar.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    Abbreviation,
    AddresseeVerb,
    AdjectiveSuffix,
    Adverb,
    Approximator,
    Auxiliary,
    Complementizer,
    Coordinator,
    /// Speech verbs that drop `that` before their clause as a rule (`said the boy was`).
    BareClauseVerb,
    DayPart,
    Determiner,
    Elision,
    /// Words that make a name an event's (`Coupe`, `Festival`, `Day`): no person, body or place.
    EventWord,
    Honorific,
    /// What introduces an infinitive complement (`de`, `à`, `to`): `a promis de fournir`.
    InfinitiveMarker,
    /// Auxiliary infinitives opening a reported infinitive clause (`affirment avoir découvert`).
    InfinitiveAuxiliary,
    LocationPreposition,
    Month,
    Multiplier,
    NameParticle,
    NotName,
    NumberWord,
    ObjectPronoun,
    /// Speech-verb lemmas whose direct object is what was said (`confirmer`, `dénoncer`):
    /// `a confirmé un plan de départs` reports a claim, `a lancé une campagne` does not.
    ObjectSpeechVerb,
    /// What opens a sentence giving someone's view (`Pour X, …`, `For X, …`).
    OpinionCue,
    OrdinalWord,
    OrgConnector,
    OrgRole,
    Period,
    /// Endings of past participles (`annoncée`, `prévu`): a verb form used as an adjective.
    ParticipleSuffix,
    /// Forms of `être` / `be`: before a past participle they make it passive (`was charged`).
    PassiveAuxiliary,
    PlaceAbbreviation,
    /// Words for an administrative or vague place that name it by its complement, which alone
    /// is the name (`région de Dorlin`, `town of Yeoncheon`).
    PlaceDescriptor,
    PlaceHead,
    PlaceModifier,
    PlaceSuffix,
    Preposition,
    /// What joins a body or place to the site or parent it stands at (`at`, `at the`):
    /// `University of North Carolina at Chapel Hill`.
    SiteConnector,
    /// Plural nouns that name a body in the possessive (`People's`, `Workers'`):
    /// `Korean People's Army`.
    CollectiveNoun,
    PronounSubject,
    RelativeDate,
    /// Reflexive pronouns (`se`, `s'`): what a pronominal speech verb needs before it.
    ReflexivePronoun,
    RelativePronoun,
    Role,
    SourceCue,
    /// Clause-opening conjunctions (`alors que`, `although`): a subject never spans one.
    Subordinator,
    TimeUnit,
    Unit,
    /// What links a head noun to its complement (`de`, `du`, `of`): `le porte-parole du Kremlin`.
    Genitive,
    /// What may lead a participle cue after a comma (`tout en`, `while`): `, tout en ajoutant`.
    ParticipleLead,
    /// Stressed pronouns (`lui`, `eux`, `him`): the source in `selon lui`, `according to him`.
    StressedPronoun,
    /// Words that may stand between a subject and its verb or a verb and its content (`ne`,
    /// `lui`, `also`, `to reporters`).
    VerbFiller,
    /// Endings of present participles (`ajoutant`, `adding`): a cue that hangs from a clause.
    PresentParticipleSuffix,
    /// Endings of regular past tenses (`favoured`): a sign that words form a clause.
    PastTenseSuffix,
    /// Endings of plural nouns (`reports`): a subject's head that looks like a verb form.
    PluralSuffix,
    /// What introduces an infinitive of purpose (`pour`, `afin de`): `ont manifesté pour dénoncer`.
    PurposeMarker,
    /// What opens a clause naming the source of the next one (`As X said, …`, `Comme l'a dit X, …`).
    AsClause,
    Weekday,
    /// Bodies named after the person who leads them (`le gouvernement X`, `the X administration`).
    LeaderBody,
    /// Nouns of works, vehicles and storms (`le film X`, `le navire X`, `the hurricane X`): the
    /// name after them is a title, not a person's, a body's or a place's.
    WorkNoun,
    /// Words for a text that speaks for its author (`statement`, `communiqué`): `X's statement
    /// added` is X's claim, and such a word never names a person.
    DocumentNoun,
    /// Speech verbs made of a verb and its particle, whose object is the claim (`calls for`).
    PhrasalCue,
}

impl Class {
    /// Every class, in the order of their bits.
    pub const ALL: [Class; 62] = [Class::Abbreviation, Class::AddresseeVerb, Class::AdjectiveSuffix, Class::Adverb, Class::Approximator, Class::Auxiliary, Class::Complementizer, Class::Coordinator, Class::BareClauseVerb, Class::DayPart, Class::Determiner, Class::Elision, Class::EventWord, Class::Honorific, Class::InfinitiveMarker, Class::InfinitiveAuxiliary, Class::LocationPreposition, Class::Month, Class::Multiplier, Class::NameParticle, Class::NotName, Class::NumberWord, Class::ObjectPronoun, Class::ObjectSpeechVerb, Class::OpinionCue, Class::OrdinalWord, Class::OrgConnector, Class::OrgRole, Class::Period, Class::ParticipleSuffix, Class::PassiveAuxiliary, Class::PlaceAbbreviation, Class::PlaceDescriptor, Class::PlaceHead, Class::PlaceModifier, Class::PlaceSuffix, Class::Preposition, Class::SiteConnector, Class::CollectiveNoun, Class::PronounSubject, Class::RelativeDate, Class::ReflexivePronoun, Class::RelativePronoun, Class::Role, Class::SourceCue, Class::Subordinator, Class::TimeUnit, Class::Unit, Class::Genitive, Class::ParticipleLead, Class::StressedPronoun, Class::VerbFiller, Class::PresentParticipleSuffix, Class::PastTenseSuffix, Class::PluralSuffix, Class::PurposeMarker, Class::AsClause, Class::Weekday, Class::LeaderBody, Class::WorkNoun, Class::DocumentNoun, Class::PhrasalCue];

    /// The names of the classes in the data files, in the order of [`Class::ALL`].
    const NAMES: [&'static str; 62] = ["abbreviation", "addressee_verb", "adjective_suffix", "adverb", "approximator", "auxiliary", "complementizer", "coordinator", "bare_clause_verb", "day_part", "determiner", "elision", "event_word", "honorific", "infinitive_marker", "infinitive_auxiliary", "location_preposition", "month", "multiplier", "name_particle", "not_name", "number_word", "object_pronoun", "object_speech_verb", "opinion_cue", "ordinal_word", "org_connector", "org_role", "period", "participle_suffix", "passive_auxiliary", "place_abbreviation", "place_descriptor", "place_head", "place_modifier", "place_suffix", "preposition", "site_connector", "collective_noun", "pronoun_subject", "relative_date", "reflexive_pronoun", "relative_pronoun", "role", "source_cue", "subordinator", "time_unit", "unit", "genitive", "participle_lead", "stressed_pronoun", "verb_filler", "present_participle_suffix", "past_tense_suffix", "plural_suffix", "purpose_marker", "as_clause", "weekday", "leader_body", "work_noun", "document_noun", "phrasal_cue"];

    /// The class named `name` in the data files. A search of [`Class::NAMES`] rather than a
    /// `match`, which compiles to a string comparison per arm: this runs once per class at
    /// set-up, and the page's bytes are scarce.
    pub fn from_name(name: &str) -> Option<Class> {
        Class::NAMES.iter().position(|&n| n == name).map(|i| Class::ALL[i])
    }

    #[inline]
    const fn bit(self) -> u64 {
        1 << (self as u32)
    }

    /// The bits of `classes` in a [`WordBits`] field: a loop that asks several classes of
    /// every token tests them all against one mask.
    pub const fn mask(classes: &[Class]) -> u64 {
        let (mut m, mut k) = (0, 0);
        while k < classes.len() {
            m |= classes[k].bit();
            k += 1;
        }
        m
    }
}

/// What the lexicons say of a token's lowercase key, found with one lookup: the classes
/// it belongs to (`is`) or starts an entry of (`starts`), as bits, and its entries in the
/// lexicons keyed by lowercase keys.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordBits {
    pub is: u64,
    pub starts: u64,
    /// The classes having the key itself as an entry (`LangData::is`), whatever its tokens.
    pub entry: u64,
    /// `verb_forms.get(key)`.
    pub verb: Option<VerbForm>,
    /// The key is a common word (this bit is the language's set of them: see
    /// [`LangData::is_common_word`]).
    pub common: bool,
    /// Some organisation head lowercases to the key: for an ASCII token, `false` means that
    /// neither it nor its title case is a head (both lowercase to the key).
    pub org_head: bool,
}

impl WordBits {
    /// Whether the key is a one-token entry of `c`.
    #[inline]
    pub fn is(self, c: Class) -> bool {
        self.is & c.bit() != 0
    }

    /// Whether some entry of `c` starts with the key.
    #[inline]
    pub fn starts(self, c: Class) -> bool {
        self.starts & c.bit() != 0
    }

    /// Whether the key is an entry of `c`.
    #[inline]
    pub fn entry(self, c: Class) -> bool {
        self.entry & c.bit() != 0
    }
}

/// What a speech-verb form tells about its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbForm {
    /// Index of the lemma in [`LangData::verb_lemmas`].
    pub lemma: u32,
    /// The verb introduces an accusation or a charge (`accuser X de`, `accuse X of`).
    pub accuses: bool,
    /// The verb names a speech act but takes no reported content (`remercier`, `thank`).
    pub contentless: bool,
    /// The verb takes a `que` / `that` clause.
    pub clause: bool,
    /// A pronominal verb (`s'inquiéter`, `se plaindre`): a cue only with its reflexive
    /// pronoun (`s'inquiète`, `se sont plaints`), never alone (`l'usine inquiète`).
    pub reflexive: bool,
}

/// What the gazetteers say of a key, as bits: whether it is a place or an organisation name,
/// or the fold of one (an acronym's excepted: its capitals tell it from an ordinary word).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gazetteer(u8);

impl Gazetteer {
    const PLACE: u8 = 1;
    const ORGANIZATION: u8 = 2;
    const FOLDED_PLACE: u8 = 4;
    const FOLDED_ORGANIZATION: u8 = 8;

    pub fn place(self) -> bool {
        self.0 & Self::PLACE != 0
    }

    pub fn organization(self) -> bool {
        self.0 & Self::ORGANIZATION != 0
    }

    /// Whether the key is a place or an organisation name.
    pub fn named(self) -> bool {
        self.0 & (Self::PLACE | Self::ORGANIZATION) != 0
    }

    pub fn folded_place(self) -> bool {
        self.0 & Self::FOLDED_PLACE != 0
    }

    pub fn folded_organization(self) -> bool {
        self.0 & Self::FOLDED_ORGANIZATION != 0
    }
}

/// One language's knowledge, as lookup tables.
pub struct LangData {
    /// Entries of each closed class (indexed by [`Class`]), each once, in file order (their
    /// values are in `class_phrases`).
    class_entries: Vec<Vec<Key>>,
    /// Longest entry (in words) of each closed class, to bound phrase matching.
    class_max_words: Vec<usize>,
    /// Each class's entries with their values, and every proper prefix of one: phrase
    /// matching asks one table, at each word, both whether the phrase is an entry and
    /// whether it may go on.
    class_phrases: Vec<HashMap<Key, Phrase>>,
    /// For each token key: the classes it is a one-token entry of, and the classes having
    /// an entry that starts with it. One lookup per token answers every class question.
    pub words: HashMap<Key, WordBits>,
    /// What the gazetteers say of a key, in one lookup: the [`Gazetteer`] bits of the place and
    /// organisation names, and of their folds (spelling variants).
    gazetteer: HashMap<&'static str, u8>,
    /// Folded first words of the place and organisation names (see [`first_token`]).
    pub name_first: KeySet<&'static str>,
    /// The folded place and organisation names, sorted, to tell whether a phrase may
    /// still grow into one (see [`LangData::may_start_name`]).
    /// Each with its [`sort_prefix`], which answers most comparisons of the search.
    sorted_folded_names: Vec<(u64, &'static str)>,
    pub org_heads: KeySet,
    /// Organisation words (`org_words.txt`'s suffixes), asked of many words, few of them.
    pub org_suffixes: ShapedSet,
    /// Given names, each with the gender it is nearly always borne by, if one: `Some(true)`
    /// for women, `Some(false)` for men.
    pub given_names: KeyMap<Option<bool>>,
    /// Nationality words, asked of many words, few of them.
    pub demonyms: ShapedSet,
    /// Whether the language has a list of common words (see [`LangData::is_common_word`]).
    pub has_common_words: bool,
    pub verb_forms: KeyMap<VerbForm>,
    pub verb_lemmas: Vec<&'static str>,
    /// Longest gazetteer entry in words, to bound the n-gram lookups of names.
    pub max_name_words: usize,
}

/// What a class says of a phrase key (see [`LangData::phrase`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Phrase {
    /// The phrase's value column when it is an entry of the class.
    pub value: Option<&'static str>,
    /// Some longer entry of the class starts with the phrase.
    pub longer: bool,
}

impl Phrase {
    /// Whether the phrase is an entry of the class.
    #[inline]
    pub fn entry(self) -> bool {
        self.value.is_some()
    }
}

/// A lexicon key: borrowed from the embedded data files when the file already holds it in
/// its normal form (most entries), so that building the tables allocates little.
pub type Key = Cow<'static, str>;

/// A set of lexicon keys, asked with a `&str` (any key type that borrows as one).
pub struct KeySet<K = Key>(HashSet<K>);

impl<K: Hash + Eq + Borrow<str>> KeySet<K> {
    fn with_capacity(n: usize) -> Self {
        KeySet(HashSet::with_capacity_and_hasher(n, Default::default()))
    }

    fn insert(&mut self, k: K) -> bool {
        self.0.insert(k)
    }

    /// Whether `k` is in the set.
    #[inline]
    pub fn contains(&self, k: &str) -> bool {
        self.0.contains(k)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The keys, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|k| k.borrow())
    }
}

/// A set of lexicon keys that most words asked are not in: each is turned away by its shape
/// (length, first, middle and last bytes) before it is hashed.
pub struct ShapedSet {
    keys: KeySet,
    /// The shapes of the keys, as bits: a word whose shape is none of theirs is no key.
    shapes: Box<[u64; SHAPE_BITS / 64]>,
}

/// The number of shapes that a [`ShapedSet`] tells apart.
const SHAPE_BITS: usize = 1 << 14;

impl ShapedSet {
    fn new(keys: KeySet) -> Self {
        let mut shapes = Box::new([0; SHAPE_BITS / 64]);
        for k in keys.iter() {
            let s = Self::shape(k);
            shapes[s / 64] |= 1 << (s % 64);
        }
        ShapedSet { keys, shapes }
    }

    fn shape(w: &str) -> usize {
        let b = w.as_bytes();
        let Some(&last) = b.last() else { return 0 };
        let h = (b.len() as u32).wrapping_mul(0x9E37_79B1) ^ (u32::from(b[0]) << 16 | u32::from(b[b.len() / 2]) << 8 | u32::from(last)).wrapping_mul(0x85EB_CA6B);
        (h >> (32 - SHAPE_BITS.trailing_zeros())) as usize
    }

    /// Whether `k` is in the set.
    #[inline]
    pub fn contains(&self, k: &str) -> bool {
        let s = Self::shape(k);
        self.shapes[s / 64] & 1 << (s % 64) != 0 && self.keys.contains(k)
    }

    /// The keys, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.keys.iter()
    }
}

/// A map from lexicon keys, asked with a `&str`.
pub struct KeyMap<V>(HashMap<Key, V>);

impl<V> KeyMap<V> {
    /// The value of `k`.
    #[inline]
    pub fn get(&self, k: &str) -> Option<&V> {
        self.0.get(k)
    }

    #[inline]
    pub fn contains_key(&self, k: &str) -> bool {
        self.0.contains_key(k)
    }

    /// The entries, in no order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.0.iter().map(|(k, v)| (&**k, v))
    }
}

impl<V> std::ops::Index<&str> for KeyMap<V> {
    type Output = V;

    fn index(&self, k: &str) -> &V {
        &self.0[k]
    }
}

/// A data file's entry as a key: `build.rs` wrote every field of the files in key form.
fn static_key(s: &'static str) -> Key {
    Cow::Borrowed(s)
}

/// `key(&s.to_lowercase())` of an entry, borrowing `s` when that is `s` itself.
fn static_low_key(s: &'static str) -> Key {
    if is_own_lowercase(s) {
        Cow::Borrowed(s)
    } else {
        // Lowercasing a key leaves it a key: no letter lowercases to a space or an apostrophe.
        Cow::Owned(s.to_lowercase())
    }
}

/// `key(&k.to_lowercase())` of a key, borrowed when `k` is borrowed and that is `k` itself.
fn low_of_key(k: &Key) -> Key {
    match k {
        Cow::Borrowed(s) => static_low_key(s),
        Cow::Owned(s) => Cow::Owned(s.to_lowercase()),
    }
}

/// Whether `s.to_lowercase()` is `s`: every character is its own lowercase (a capital
/// sigma, the one character lowercased by its context, is not).
fn is_own_lowercase(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_uppercase());
    }
    s.chars().all(|c| match c {
        '\0'..='\x7f' => !c.is_ascii_uppercase(),
        // ß to ÿ (most accented letters of the lexicons): lowercase letters, and ÷.
        '\u{df}'..='\u{ff}' => true,
        _ => {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    })
}

/// A part of a key, borrowed when the key is.
fn sub_key(k: &Key, part: &str) -> Key {
    match k {
        // `part` is a slice of the static string.
        Cow::Borrowed(s) => {
            let start = part.as_ptr() as usize - s.as_ptr() as usize;
            Cow::Borrowed(&s[start..start + part.len()])
        }
        Cow::Owned(_) => Cow::Owned(part.to_string()),
    }
}

/// How many entries a one-entry-per-line file may hold: its lines.
fn line_count(file: &str) -> usize {
    file.bytes().filter(|&b| b == b'\n').count() + 1
}

/// A key that ignores case, accents and y/i transliteration (Tokayev = Tokaïev): the
/// compatibility decomposition (NFKD) without its combining marks, in lowercase.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out` (no allocation when `out` has room).
///
/// Works one character at a time from the table `data/common/folds.tsv` (compatibility
/// decomposition without marks, lowercase, for the blocks of news scripts; every mark of the
/// Basic Multilingual Plane dropped): NFKD only reorders characters of non-zero combining
/// class, all of them marks, which the fold drops; so folding each character alone gives
/// what folding the whole string gives (the tests check both premises against the
/// `unicode-normalization` crate).
pub fn fold_into(s: &str, out: &mut String) {
    out.reserve(s.len());
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // ASCII, most of the text: a byte, its fold read from a table.
        if b.is_ascii() {
            out.push(char::from(ASCII_FOLDS[usize::from(b)]));
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else { return };
        fold_other(c, out);
        i += c.len_utf8();
    }
}

/// The fold of each ASCII character: its lowercase, `i` for `y`.
const ASCII_FOLDS: [u8; 128] = {
    let mut folds = [0; 128];
    let mut b = 0;
    while b < 128 {
        let low = (b as u8).to_ascii_lowercase();
        folds[b] = if low == b'y' { b'i' } else { low };
        b += 1;
    }
    folds
};

/// `fold_into` for one character that is not ASCII.
fn fold_other(c: char, out: &mut String) {
    let folds = &*FOLDS;
    if let Some(f) = folds.latin.get(c as usize - 0x80) {
        out.push_str(f);
    } else {
        fold_char(c, &folds.other, &folds.marks, out);
    }
}

/// Appends the fold of `c` from the table's folds and mark ranges (the uncached path, also
/// what fills [`Folds::latin`]).
fn fold_char(c: char, other: &HashMap<char, &'static str>, marks: &[(u32, u32)], out: &mut String) {
    let u = c as u32;
    let i = marks.partition_point(|&(_, last)| last < u);
    if marks.get(i).is_some_and(|&(first, _)| first <= u) {
        return; // a mark: accents, diacritics
    }
    match other.get(&c) {
        Some(f) => f.chars().for_each(|d| push(out, d)),
        None => c.to_lowercase().for_each(|d| push(out, d)),
    }
}

/// Appends a folded character with the two equivalences names are matched under: y = i
/// (Tokayev = Tokaïev) and ’ = '.
fn push(out: &mut String, c: char) {
    out.push(match c {
        'y' => 'i',
        '\u{2019}' => '\'',
        c => c,
    })
}

/// The character folds of `data/common/folds.tsv`, as lookup tables.
struct Folds {
    /// The fold of each character from U+0080 to U+024F (the accented letters of Latin
    /// scripts, most non-ASCII characters of French and English news), ready to append.
    latin: Vec<String>,
    /// The folds of the other listed characters.
    other: HashMap<char, &'static str>,
    /// Ranges of marks (first, last code point), sorted: they fold to nothing.
    marks: Vec<(u32, u32)>,
}

static FOLDS: LazyLock<Folds> = LazyLock::new(|| {
    let mut other: HashMap<char, &'static str> = HashMap::default();
    let mut marks = Vec::new();
    for line in data!("common/folds.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let (code, fold) = line.split_once('\t').unwrap_or((line, ""));
        let hex = |h: &str| u32::from_str_radix(h, 16).ok();
        match code.split_once('-') {
            Some((a, b)) => marks.extend(hex(a).zip(hex(b))),
            None => match hex(code).and_then(char::from_u32) {
                Some(c) if fold.is_empty() => marks.push((c as u32, c as u32)),
                Some(c) => {
                    other.insert(c, fold);
                }
                None => {}
            },
        }
    }
    marks.sort();
    let latin = (0x80..0x250u32)
        .map(|u| {
            let mut f = String::new();
            if let Some(c) = char::from_u32(u) {
                fold_char(c, &other, &marks, &mut f);
            }
            f
        })
        .collect();
    Folds { latin, other, marks }
});

/// The first token of a lowercase lexicon key as the tokenizer cuts it: up to the first
/// space, or through an apostrophe that ends one of the language's `elisions`
/// (`l'an dernier` → `l'`, `aujourd'hui` whole).
pub fn first_token<'k>(k: &'k str, elisions: &KeySet) -> &'k str {
    // Bytes, not characters: both marks are ASCII (a hot loop of building the tables).
    let word = &k[..k.bytes().position(|b| b == b' ').unwrap_or(k.len())];
    match word.bytes().position(|b| b == b'\'') {
        Some(p) if p + 1 < word.len() && elisions.contains(&word[..=p]) => &word[..=p],
        _ => word,
    }
}

/// The first eight bytes of `s` as a big-endian integer, zero-padded: `a < b` whenever
/// `sort_prefix(a) < sort_prefix(b)`, so it orders strings as `str::cmp` does up to ties.
fn sort_prefix(s: &str) -> u64 {
    let mut b = [0u8; 8];
    let n = s.len().min(8);
    b[..n].copy_from_slice(&s.as_bytes()[..n]);
    u64::from_be_bytes(b)
}

/// The verbs of a speech-verb file: lemma, forms, flags. A regular verb's forms are written as
/// the name of a paradigm (`*er`), given once by a line `*er<TAB>e ent ons …`: the lemma, then
/// the lemma without that ending plus each suffix (scripts/lexicons/paradigms.py).
fn speech_verbs(file: &'static str) -> Vec<(&'static str, Vec<&'static str>, &'static str)> {
    // The spelled-out forms of every paradigm verb, in one buffer borrowed by all of them.
    let mut paradigms: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    let mut spelled = String::new();
    let mut rows = Vec::new();
    for line in lines(file) {
        let mut cols = line.split('\t');
        let (Some(lemma), Some(forms)) = (cols.next(), cols.next()) else { continue };
        let flags = cols.next().unwrap_or("");
        if let Some(ending) = lemma.strip_prefix('*') {
            paradigms.push((ending, forms.split(' ').filter(|f| !f.is_empty()).collect()));
        } else {
            rows.push((lemma, forms, flags));
        }
    }
    let paradigm = |forms: &str| forms.strip_prefix('*').and_then(|e| paradigms.iter().find(|(ending, _)| *ending == e));
    let mut ends = Vec::new();
    for &(lemma, forms, _) in &rows {
        if let Some((ending, suffixes)) = paradigm(forms) {
            let stem = lemma.strip_suffix(ending).unwrap_or(lemma);
            for suffix in suffixes {
                spelled.push_str(stem);
                spelled.push_str(suffix);
                ends.push(spelled.len());
            }
        }
    }
    let spelled: &'static str = Box::leak(spelled.into_boxed_str());
    let mut ends = ends.into_iter();
    let mut start = 0;
    rows.into_iter()
        .map(|(lemma, forms, flags)| {
            let list = match paradigm(forms) {
                Some((_, suffixes)) => std::iter::once(lemma)
                    .chain(ends.by_ref().take(suffixes.len()).map(|end| {
                        let f = &spelled[start..end];
                        start = end;
                        f
                    }))
                    .collect(),
                None => forms.split(' ').filter(|f| !f.is_empty()).collect(),
            };
            (lemma, list, flags)
        })
        .collect()
}

/// Entries of a one-entry-per-line file, `#` header lines and blank lines skipped.
fn lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    // `str::lines` then `trim`, which removes a `\r` too; most lines need no trimming, as
    // their two ends tell without decoding them.
    let trim = |l: &'static str| match (l.as_bytes().first(), l.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => l,
        _ => l.trim(),
    };
    // `file.split('\n')`, with a plain loop rather than a search call per short line.
    let mut rest = file;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let (line, tail) = match rest.bytes().position(|b| b == b'\n') {
                Some(end) => (&rest[..end], &rest[end + 1..]),
                None => (rest, ""),
            };
            rest = tail;
            let l = trim(line);
            if !l.is_empty() && !l.starts_with('#') {
                return Some(l);
            }
        }
        None
    })
}

/// Whether a key holds a space (is more than one word), byte by byte: keys are short.
fn has_space(k: &str) -> bool {
    k.as_bytes().contains(&b' ')
}

/// The lines of a file that `build.rs` wrote in blocks (`@VALUE` heading the lines that have
/// that value in a column it took out), each with its block's value.
fn blocks(file: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    let mut value = "";
    lines(file).filter_map(move |l| match l.strip_prefix('@') {
        Some(v) => {
            value = v;
            None
        }
        None => Some((value, l)),
    })
}

/// The words of a key: its runs of bytes other than spaces and apostrophes (a key's only
/// whitespace is single spaces).
fn words_in(k: &str) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for &b in k.as_bytes() {
        let sep = b == b' ' || b == b'\'';
        words += usize::from(!sep && !in_word);
        in_word = !sep;
    }
    words
}

impl LangData {
    fn build(src: Sources) -> LangData {
        // The grammar's entries, parsed once; each class's entries and their bytes (at most
        // that many prefixes), to size its tables; and the elisions, which decide where every
        // other entry's first token ends.
        let mut class_sizes = vec![(0usize, 0usize); Class::ALL.len()];
        let mut elisions = KeySet::with_capacity(16);
        let mut grammar = Vec::with_capacity(line_count(src.grammar));
        // The lines come grouped by class (build.rs writes them so): a class is looked up
        // where its block starts.
        let mut block: Option<(&str, Option<Class>)> = None;
        for (name, line) in blocks(src.grammar) {
            let class = match block {
                Some((n, class)) if n == name => class,
                _ => block.insert((name, Class::from_name(name))).1,
            };
            let Some(class) = class else { continue };
            let (entry, value) = line.split_once('\t').unwrap_or((line, ""));
            grammar.push((class, entry, value));
            let (entries, bytes) = &mut class_sizes[class as usize];
            *entries += 1;
            *bytes += entry.len();
            if class == Class::Elision {
                elisions.insert(static_low_key(entry));
            }
        }
        let mut class_lines: Vec<Vec<(Key, &'static str)>> = class_sizes.iter().map(|&(n, _)| Vec::with_capacity(n)).collect();
        let mut class_max_words = vec![0; Class::ALL.len()];
        let mut class_phrases: Vec<HashMap<Key, Phrase>> = class_sizes.iter().map(|&(n, b)| HashMap::with_capacity_and_hasher(n + b, Default::default())).collect();
        // The verbs' paradigms spelled out first: their forms are most of the token table.
        let verbs = speech_verbs(src.speech_verbs);
        let verb_form_count: usize = verbs.iter().map(|(_, forms, _)| forms.len()).sum();
        let word_count = line_count(src.grammar) + verb_form_count + line_count(src.common_words) + line_count(src.org_words);
        let mut words: HashMap<Key, WordBits> = HashMap::with_capacity_and_hasher(word_count, Default::default());
        for (class, entry, value) in grammar {
            let k = static_low_key(entry);
            let first = first_token(&k, &elisions);
            // "M." and "Dr." are two tokens: the word, then its period.
            if let Some(stem) = first.strip_suffix('.').filter(|s| !s.is_empty() && !s.contains('.')) {
                words.entry(sub_key(&k, stem)).or_default().starts |= class.bit();
            }
            let whole = first.len() == k.len();
            let bits = words.entry(sub_key(&k, first)).or_default();
            bits.starts |= class.bit();
            if whole {
                bits.is |= class.bit();
            }
            let m = &mut class_max_words[class as usize];
            *m = (*m).max(words_in(&k));
            if !has_space(&k) {
                words.entry(k.clone()).or_default().entry |= class.bit();
            }
            let prefixes = &mut class_phrases[class as usize];
            for (p, _) in k.char_indices().skip(1) {
                // A borrowed key's parts are borrowed too: one hash, no allocation.
                if matches!(k, Cow::Borrowed(_)) || !prefixes.contains_key(&k[..p]) {
                    // (No entry is marked yet: nothing to keep.)
                    prefixes.insert(sub_key(&k, &k[..p]), Phrase { value: None, longer: true });
                }
            }
            class_lines[class as usize].push((k, value));
        }
        // The entries marked once every prefix is. An entry on several lines is listed once,
        // with the value of its last.
        let class_entries: Vec<Vec<Key>> = class_phrases
            .iter_mut()
            .zip(class_lines)
            .map(|(phrases, lines)| lines.into_iter().filter_map(|(k, value)| phrases.entry(k.clone()).or_default().value.replace(value).is_none().then_some(k)).collect())
            .collect();
        let set = |files: &[&'static str]| -> KeySet {
            let mut set = KeySet::with_capacity(files.iter().map(|f| line_count(f)).sum());
            for l in files.iter().flat_map(|f| lines(f)) {
                set.insert(static_key(l));
            }
            set
        };
        // Each name file's entries in file order (sorted by fold, which the folded names'
        // sort below takes advantage of), and the gazetteer's bits of them.
        let in_order = |files: &[&'static str]| -> Vec<&'static str> {
            let mut order = Vec::new();
            for l in files.iter().flat_map(|f| lines(f)) {
                order.push(l);
            }
            order
        };
        let (location_order, organization_order) = (in_order(src.locations), in_order(src.organizations));
        let gazetteer_count = location_order.len() + organization_order.len();
        // (Room for their folds too.)
        let mut gazetteer: HashMap<&'static str, u8> = HashMap::with_capacity_and_hasher(2 * gazetteer_count, Default::default());
        for (names, bit) in [(&location_order, Gazetteer::PLACE), (&organization_order, Gazetteer::ORGANIZATION)] {
            for &k in names {
                *gazetteer.entry(k).or_default() |= bit;
            }
        }
        // "Kevin<TAB>M": the name, and the gender a pronoun takes when it is nearly always one
        // (in blocks by gender).
        let name_count = src.given_names.iter().map(|f| line_count(f)).sum();
        let mut given_names = HashMap::with_capacity_and_hasher(name_count, Default::default());
        for (gender, name) in src.given_names.iter().flat_map(|f| blocks(f)) {
            let k = static_key(name);
            // A later file's gender wins; a later file without one leaves the earlier's.
            match gender {
                "F" => {
                    given_names.insert(k, Some(true));
                }
                "M" => {
                    given_names.insert(k, Some(false));
                }
                _ => {
                    given_names.entry(k).or_insert(None);
                }
            }
        }
        let max_name_words = location_order.iter().chain(&organization_order).map(|k| words_in(k)).max().unwrap_or(1).clamp(1, 8);
        let mut org_heads = KeySet::with_capacity(line_count(src.org_words));
        let mut org_suffixes = KeySet::with_capacity(64);
        for line in lines(src.org_words) {
            match line.split_once('\t') {
                Some(("head", w)) => {
                    let k = static_key(w);
                    // Token keys hold no space: only those entries can be a token's.
                    if !has_space(&k) {
                        words.entry(low_of_key(&k)).or_default().org_head = true;
                    }
                    org_heads.insert(k);
                }
                Some(("suffix", w)) => {
                    org_suffixes.insert(static_key(w));
                }
                _ => {}
            }
        }
        let mut verb_forms = HashMap::with_capacity_and_hasher(verb_form_count, Default::default());
        let mut verb_lemmas = Vec::new();
        for (lemma, forms, flags) in verbs {
            let form = VerbForm {
                clause: flags.split([',', ' ']).any(|f| f == "que" || f == "that"),
                lemma: verb_lemmas.len() as u32,
                accuses: flags.split([',', ' ']).any(|f| f == "accuse"),
                reflexive: flags.split([',', ' ']).any(|f| f == "pron"),
                // Accusation verbs report a charge even without a "que" clause.
                contentless: flags.split([',', ' ']).any(|f| f == "noncontent")
                    && !flags.split([',', ' ']).any(|f| f == "accuse"),
            };
            verb_lemmas.push(lemma);
            for f in forms {
                let k = static_low_key(f);
                if let std::collections::hash_map::Entry::Vacant(v) = verb_forms.entry(k) {
                    if !has_space(v.key()) {
                        words.entry(v.key().clone()).or_default().verb = Some(form);
                    }
                    v.insert(form);
                }
            }
        }
        // Spelling variants fold case and accents; acronyms (AS, ET) keep their capitals, or
        // they would match ordinary words (As, Et). Each name is folded once.
        let acronym = |e: &str| e.chars().any(char::is_alphabetic) && !e.chars().any(char::is_lowercase);
        // Every folded name in one buffer, made static so that the sets below borrow it
        // instead of allocating each name (the tables live as long as the program anyway).
        let mut arena = String::with_capacity(location_order.iter().chain(&organization_order).map(|k| k.len() + 2).sum());
        let mut ends = Vec::with_capacity(location_order.len() + organization_order.len());
        for e in location_order.iter().chain(&organization_order) {
            fold_into(e, &mut arena);
            ends.push(arena.len());
        }
        let arena: &'static str = Box::leak(arena.into_boxed_str());
        let mut name_first: KeySet<&'static str> = KeySet::with_capacity(gazetteer_count);
        // Every name, acronyms included: this only says whether a longer phrase may still match.
        // Sorted by their first eight bytes, then whole: most comparisons are one integer's.
        let mut sorted_folded_names: Vec<(u64, &'static str)> = Vec::with_capacity(ends.len());
        let mut start = 0;
        for (i, (e, &end)) in location_order.iter().chain(&organization_order).zip(&ends).enumerate() {
            let f = &arena[start..end];
            start = end;
            name_first.insert(first_token(f, &elisions));
            if !acronym(e) {
                *gazetteer.entry(f).or_default() |= if i < location_order.len() { Gazetteer::FOLDED_PLACE } else { Gazetteer::FOLDED_ORGANIZATION };
            }
            sorted_folded_names.push((sort_prefix(f), f));
        }
        // Each gazetteer file is sorted by fold (scripts/lexicons/foldsort.py): a stable sort
        // finds those runs and merges them.
        sorted_folded_names.sort();
        sorted_folded_names.dedup();
        // Common words are single words (a test checks it): the token table's bit is their set.
        let mut has_common_words = false;
        for w in lines(src.common_words) {
            words.entry(static_low_key(w)).or_default().common = true;
            has_common_words = true;
        }
        LangData {
            sorted_folded_names,
            class_entries,
            words,
            class_max_words,
            class_phrases,
            name_first,
            gazetteer,
            org_heads,
            org_suffixes: ShapedSet::new(org_suffixes),
            given_names: KeyMap(given_names),
            demonyms: ShapedSet::new(set(&[src.demonyms])),
            has_common_words,
            verb_forms: KeyMap(verb_forms),
            verb_lemmas,
            max_name_words,
        }
    }

    /// What the gazetteers say of the key `k` (a phrase's key or its fold).
    #[inline]
    pub fn gazetteer(&self, k: &str) -> Gazetteer {
        Gazetteer(self.gazetteer.get(k).copied().unwrap_or(0))
    }

    /// Whether some folded place or organisation name starts with `folded` (a folded key).
    pub fn may_start_name(&self, folded: &str) -> bool {
        let key = (sort_prefix(folded), folded);
        let i = self.sorted_folded_names.partition_point(|e| *e < key);
        self.sorted_folded_names.get(i).is_some_and(|e| e.1.starts_with(folded))
    }

    /// Whether the lowercase key `word` (one token or a phrase) is an entry of `class`.
    pub fn is(&self, class: Class, word: &str) -> bool {
        self.phrase(class, word).entry()
    }

    /// Whether the lowercase key `low` is a common word of the language (an ordinary word,
    /// from the frequency lists).
    pub fn is_common_word(&self, low: &str) -> bool {
        self.words.get(low).is_some_and(|b| b.common)
    }

    /// The class bits of the token key `word`.
    pub fn bits(&self, word: &str) -> WordBits {
        self.words.get(word).copied().unwrap_or_default()
    }

    /// The value column of `word` in `class`.
    pub fn value(&self, class: Class, word: &str) -> Option<&'static str> {
        self.phrase(class, word).value
    }

    /// Whether some entry of `class` is longer than `phrase` and starts with it.
    pub fn is_proper_prefix(&self, class: Class, phrase: &str) -> bool {
        self.phrase(class, phrase).longer
    }

    /// What `class` says of the lowercase key `phrase`: `is` and `is_proper_prefix` in one lookup.
    #[inline]
    pub fn phrase(&self, class: Class, phrase: &str) -> Phrase {
        self.class_phrases[class as usize].get(phrase).copied().unwrap_or_default()
    }

    /// The most words an entry of `class` has.
    pub fn max_words(&self, class: Class) -> usize {
        self.class_max_words[class as usize]
    }

    /// All entries of a class (lowercase keys).
    pub fn entries(&self, class: Class) -> impl Iterator<Item = &str> {
        self.class_entries[class as usize].iter().map(|k| &**k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_are_named_and_ordered_by_their_bits() {
        for (i, (&class, name)) in Class::ALL.iter().zip(Class::NAMES).enumerate() {
            assert_eq!(class as usize, i, "{name}");
            assert_eq!(Class::from_name(name), Some(class));
        }
        assert_eq!(Class::from_name("no_such_class"), None);
    }

    #[test]
    fn push_lowercase_is_to_lowercase() {
        for c in (0..0x800).filter_map(char::from_u32) {
            let mut low = String::new();
            push_lowercase(c, &mut low);
            assert_eq!(low, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn detects_french_and_english() {
        assert_eq!(detect("Le président a déclaré que la situation était critique."), Lang::Fr);
        assert_eq!(detect("The president said that the situation was critical."), Lang::En);
        assert_eq!(detect(""), Lang::Fr);
    }

    #[test]
    fn speech_verbs_expand_their_paradigms() {
        let file = "*er\te ent é\nannoncer\tannoncer annonce annoncent annonçons annoncé\tque\naffirmer\t*er\tque\n*e\tes ed\nargue\t*e\n";
        let verbs = speech_verbs(file);
        let forms: Vec<(&str, Vec<&str>, &str)> = verbs.iter().map(|(l, f, x)| (*l, f.clone(), *x)).collect();
        assert_eq!(
            forms,
            vec![
                ("annoncer", vec!["annoncer", "annonce", "annoncent", "annonçons", "annoncé"], "que"),
                ("affirmer", vec!["affirmer", "affirme", "affirment", "affirmé"], "que"),
                ("argue", vec!["argue", "argues", "argued"], ""),
            ]
        );
    }

    #[test]
    fn keys_fold_apostrophes_and_spaces() {
        assert_eq!(key("l’Intérieur"), "l'Intérieur");
        assert_eq!(key(" Asie \u{a0} centrale "), "Asie centrale");
        assert_eq!(key("aujourd’ hui"), "aujourd'hui");
    }

    #[test]
    fn characters_of_nonzero_combining_class_are_combining_marks() {
        use unicode_normalization::char::{canonical_combining_class, is_combining_mark};
        // The premise of `fold_into` folding one character at a time.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(canonical_combining_class(c) == 0 || is_combining_mark(c), "{c:?}");
        }
    }

    #[test]
    fn character_tests_match_the_standard_library() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_numeric(c), c.is_numeric(), "{c:?}");
        }
    }

    #[test]
    fn fold_matches_the_streaming_decomposition() {
        use unicode_normalization::UnicodeNormalization;
        let stream = |s: &str| -> String {
            s.nfkd()
                .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
                .flat_map(char::to_lowercase)
                .map(|c| match c {
                    'y' => 'i',
                    '\u{2019}' => '\'',
                    c => c,
                })
                .collect()
        };
        for s in ["Kassym-Jomart TOKAYEV", "y", "Yy Ýý yé", "Tokaïev", "États-Unis", "Tōkyō", "l’ONU", "ﬁnance ½ Ⅻ", "Ωμέγα ΣΑΣ", "e\u{301}\u{327}x", "Đà Nẵng", "İstanbul", "Ёлка Київ", "ＡＢＣ①"] {
            assert_eq!(fold(s), stream(s), "{s}");
        }
        // Every character of the Latin, Greek and Cyrillic blocks the table covers.
        for (a, b) in [(0x80, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1FFF)] {
            for c in (a..=b).filter_map(char::from_u32) {
                let one = c.to_string();
                assert_eq!(fold(&one), stream(&one), "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn function_words_leave_free_slots() {
        let words = &*FUNCTION_WORDS;
        assert!(words.ascii_slots.iter().filter(|(k, _)| *k == 0).count() > words.ascii_slots.len() / 2);
        for (w, &v) in &words.votes {
            if w.is_ascii() && w.len() <= 8 {
                assert_eq!(words.ascii_vote(pack_lowercase(w)), Some(v), "{w}");
            }
        }
        assert_eq!(words.ascii_vote(pack_lowercase("zzz")), None);
        for w in ["Le", "THE", "selon", "x", "Internat"] {
            assert_eq!((load8(w.as_bytes(), 0) | splat(0x20)) & (u64::MAX >> (64 - 8 * w.len())), pack_lowercase(w), "{w}");
        }
    }

    #[test]
    fn ascii_letter_mask_marks_the_letters() {
        for b in 0..=255u8 {
            let x = u64::from(b) << 24 | u64::from(b'a');
            let expected = if b.is_ascii_alphabetic() { 0x8000_0080 } else { 0x80 };
            assert_eq!(ascii_letter_mask(x), expected, "{b:#x}");
            let expected = if b.is_ascii_alphanumeric() { 0x8000_0080 } else { 0x80 };
            assert_eq!(ascii_alphanumeric_mask(x), expected, "{b:#x}");
        }
    }

    #[test]
    fn alphabetic_runs_split_as_str_split_does() {
        for text in ["", "  ", "Le président, l’ONU: « 3,5 % » été—Ωμέγα\u{301}x 北京 e\u{301}", "a1b2c", "été", "Internationalisation, [Zz@`{]azertyuiopQSDFGHJKLMWXCVBN~Ωabcdefghé"] {
            let expected: Vec<&str> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
            assert_eq!(alphabetic_runs(text).map(|(a, b, _)| &text[a..b]).collect::<Vec<_>>(), expected, "{text}");
            assert!(alphabetic_runs(text).all(|(a, b, ascii)| ascii == text[a..b].is_ascii()), "{text}");
        }
    }

    #[test]
    fn gazetteers_are_sorted_by_fold() {
        // What makes the sort of the folded names at start-up a merge of a few runs.
        for file in [data!("fr/locations.txt"), data!("en/locations.txt"), data!("common/cities.txt"), data!("fr/organizations.txt"), data!("en/organizations.txt"), data!("common/companies.txt")] {
            let folded: Vec<String> = lines(file).map(fold).collect();
            for pair in folded.windows(2) {
                assert!(pair[0] <= pair[1], "{:?} before {:?}: run scripts/lexicons/foldsort.py", pair[0], pair[1]);
            }
        }
    }

    #[test]
    fn common_words_are_single_words() {
        // Their set is the token table's `common` bit, which only single words reach.
        for file in [data!("fr/common_words.txt"), data!("en/common_words.txt")] {
            for w in lines(file) {
                assert!(!has_space(w), "{w:?}");
            }
        }
    }

    #[test]
    fn data_files_are_written_in_key_form() {
        // build.rs's promise, which lets the tables borrow every entry unchecked.
        let texts = [data!("fr/grammar.tsv"), data!("fr/locations.txt"), data!("fr/organizations.txt"), data!("fr/org_words.txt"), data!("fr/given_names.txt"), data!("fr/demonyms.txt"), data!("fr/common_words.txt"), data!("fr/speech_verbs.txt"), data!("en/grammar.tsv"), data!("en/locations.txt"), data!("en/organizations.txt"), data!("en/org_words.txt"), data!("en/given_names.txt"), data!("en/demonyms.txt"), data!("en/common_words.txt"), data!("en/speech_verbs.txt"), data!("common/cities.txt"), data!("common/companies.txt"), data!("common/given_names.txt")];
        for text in texts {
            for field in text.lines().flat_map(|l| l.split('\t')) {
                assert_eq!(key(field), field, "{field:?}");
            }
        }
    }

    #[test]
    fn given_names_are_those_of_their_files_with_the_common_file_last() {
        // build.rs drops from a language's file the lines the common file repeats: the table
        // must be what reading both files whole, in that order, gives.
        let read = |path: &str| std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(path)).expect("a data file");
        let common = read("common/given_names.txt");
        for (lang, file) in [(Lang::Fr, "fr/given_names.txt"), (Lang::En, "en/given_names.txt")] {
            let own = read(file);
            let mut expected: HashMap<String, Option<bool>> = HashMap::default();
            for line in own.lines().chain(common.lines()).filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
                let (name, gender) = line.split_once('\t').unwrap_or((line, ""));
                match gender {
                    "F" => drop(expected.insert(key(name), Some(true))),
                    "M" => drop(expected.insert(key(name), Some(false))),
                    _ => drop(expected.entry(key(name)).or_insert(None)),
                }
            }
            let table = &lang.data().given_names;
            assert_eq!(table.iter().count(), expected.len(), "{file}");
            for (name, gender) in &expected {
                assert_eq!(table.get(name), Some(gender), "{file}: {name}");
            }
        }
    }

    #[test]
    fn shaped_sets_answer_as_their_keys_do() {
        for lang in [Lang::Fr, Lang::En] {
            let data = lang.data();
            for set in [&data.demonyms, &data.org_suffixes] {
                assert!(set.iter().all(|k| set.contains(k)));
                let others = [data!("fr/common_words.txt"), data!("en/common_words.txt"), data!("fr/demonyms.txt"), data!("en/org_words.txt")];
                for w in others.into_iter().flat_map(lines).chain(["", "a", "é"]) {
                    assert_eq!(set.contains(w), set.keys.contains(w), "{lang:?} {w:?}");
                }
            }
        }
    }

    #[test]
    fn gazetteers_are_the_sets_of_their_files_read_whole() {
        // build.rs drops from a gazetteer file the lines that another file read into the same
        // set holds: each language's places and organisations must be what reading every one
        // of its files whole gives.
        let read = |path: &str| -> &'static str { std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(path)).expect("a data file").leak() };
        let places = |own: &str, other: &str| [own.to_owned() + "/locations.txt", "common/cities.txt".to_owned(), other.to_owned() + "/locations.txt"];
        for (lang, own, other) in [(Lang::Fr, "fr", "en"), (Lang::En, "en", "fr")] {
            let data = lang.data();
            let organizations = [format!("{own}/organizations.txt"), "common/companies.txt".to_owned()];
            for (files, is_in) in [(&places(own, other)[..], Gazetteer::place as fn(Gazetteer) -> bool), (&organizations[..], Gazetteer::organization)] {
                let expected: HashSet<String> = files.iter().flat_map(|f| lines(read(f))).map(key).collect();
                assert_eq!(data.gazetteer.values().filter(|&&bits| is_in(Gazetteer(bits))).count(), expected.len(), "{lang:?} {files:?}");
                for k in &expected {
                    assert!(is_in(data.gazetteer(k)), "{lang:?} {files:?}: {k}");
                }
            }
        }
    }

    #[test]
    fn own_lowercases_are_what_lowercase_leaves_alone() {
        for s in ["été", " été", "été ", "a  é", "l' été", "l'été", "é\u{a0}a", "é’a", "é`", "É", "ÉTÉ", "Σ", "ß", "ÿ÷", "İ", "a é", "é\t"] {
            assert_eq!(is_own_lowercase(s), s.to_lowercase() == s, "{s:?}");
        }
        for c in (0..0x250).filter_map(char::from_u32) {
            let one = c.to_string();
            assert_eq!(is_own_lowercase(&one), one.to_lowercase() == one, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn lines_are_trimmed_entries() {
        for file in ["", "\n", "a\nb", "a\r\nb\r\n", " a \n\n# x\n\u{a0}é\u{a0}\nc\r", "#\n  \n\tz"] {
            let expected: Vec<&str> = file.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
            assert_eq!(lines(file).collect::<Vec<_>>(), expected, "{file:?}");
        }
    }

    #[test]
    fn language_codes() {
        assert_eq!(Lang::from_code("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("EN_gb"), Some(Lang::En));
        assert_eq!(Lang::from_code("de"), None);
    }
}
