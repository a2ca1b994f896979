//! Property tests: the offset conversions of `article_annotator::offsets` against naive
//! definitions, and the invariants of `common::check_invariants` on arbitrary texts.
//!
//! Two kinds of generated text: any Unicode string, and "news-like" strings assembled from
//! pieces that wake the analysis up (names, titles, speech verbs, quotation marks of every
//! kind, dates, numbers, NBSP, emoji, RTL and CJK, combining marks, line breaks), so that
//! entities, clusters and claims actually appear and their invariants are exercised.

mod common;

use article_annotator::offsets::{byte_of_code_point, utf16_of_code_point, CodePoints};
use article_annotator::{annotate, Lang, Options};
use common::check_invariants;
use proptest::prelude::*;

/// Pieces of French and English news text, and troublemakers.
const PIECES: &[&str] = &[
    "Le président kazakh", "Kassym-Jomart Tokayev", "Tokaïev", "Emmanuel Macron", "Macron", "Joe Biden",
    "le ministre de l'Intérieur", "Gérald Darmanin", "Angela Merkel", "l'OTAN", "l'ONU", "Moscou", "Paris",
    "Washington", "the White House", "The president", "Mr. Smith", "Mme Dupont", "M. Martin", "Il", "Elle",
    "He", "She", "They", "a déclaré", "a affirmé", "a assuré que", "a-t-il dit", "selon", "d'après",
    "said", "told reporters", "according to", "added that", "que", "that", "«", "»", "« ", " »",
    "«\u{a0}", "\u{a0}»", "“", "”", "\"", "'", "‘", "’", "„", "‹", "›", ":", ",", ".", ";", "!", "?", "…",
    "(", ")", "-", "—", " – ", "\n", "\r\n", "\n\n", " ", "  ", "\t", "\u{a0}", "\u{202f}",
    "lundi", "10 janvier", "le 1er mai 2022", "January 10, 2022", "Monday", "en 2021", "hier",
    "42", "3,5 millions", "1 000", "12.5%", "30 %", "$4 billion", "200 000 euros", "1,234.56",
    "la situation est critique", "nous ne céderons pas", "the economy is strong", "ATTENTION",
    "URGENT", "ÉMEUTES AU KAZAKHSTAN", "🙂", "👍🏽", "👨‍👩‍👧", "🇫🇷", "שלום", "مرحبا", "北京", "東京都",
    "e\u{301}", "\u{301}", "\u{200d}", "\u{feff}", "\u{fffd}", "ﬁ", "İ", "ß", "ǅ",
];

fn news_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "[A-ZÉ][a-zé]{1,8}",
            1 => "[a-zàéèêç]{1,10}",
            1 => "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|parts| {
        // Join mostly with spaces, sometimes with nothing, as real texts do.
        let mut s = String::new();
        for (i, p) in parts.iter().enumerate() {
            if i > 0 && i % 3 != 0 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn any_lang() -> impl Strategy<Value = Option<Lang>> {
    prop_oneof![Just(None), Just(Some(Lang::Fr)), Just(Some(Lang::En))]
}

/// The byte offset of every code point, then the text's length.
fn boundaries(text: &str) -> Vec<usize> {
    text.char_indices().map(|(b, _)| b).chain(std::iter::once(text.len())).collect()
}

proptest! {
    // 512 cases per property; PROPTEST_CASES=N for a longer run.
    #![proptest_config(ProptestConfig::with_cases(std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)))]

    /// At every char boundary, `of_byte` is the number of code points before it.
    #[test]
    fn code_point_of_a_boundary_byte(text in "\\PC{0,300}") {
        let cps = CodePoints::new(&text);
        for (cp, b) in boundaries(&text).into_iter().enumerate() {
            prop_assert_eq!(cps.of_byte(b), cp, "byte {}", b);
        }
    }

    /// Past the end, `of_byte` clamps to the text's length in code points.
    #[test]
    fn code_point_of_a_byte_past_the_end(text in "\\PC{0,200}", past in 0usize..1000) {
        let cps = CodePoints::new(&text);
        prop_assert_eq!(cps.of_byte(text.len() + past), text.chars().count());
    }

    /// Texts of one repeated character (one to four bytes, or a combining pair), so that
    /// multi-byte characters straddle the 16-byte blocks the index reads at every offset, and
    /// the queries step over runs of continuation bytes longer than the cursor's reach.
    #[test]
    fn code_points_across_checkpoints(unit in prop::sample::select(vec!["a", "é", "€", "🙂", "e\u{301}"]), n in 0usize..300) {
        let text = unit.repeat(n);
        let cps = CodePoints::new(&text);
        for (cp, b) in boundaries(&text).into_iter().enumerate() {
            prop_assert_eq!(cps.of_byte(b), cp);
        }
    }

    /// `byte_of_code_point` inverts `of_byte` and is `None` past the end.
    #[test]
    fn byte_of_code_point_round_trips(text in "\\PC{0,300}", past in 1usize..50) {
        let cps = CodePoints::new(&text);
        let bounds = boundaries(&text);
        for (cp, &b) in bounds.iter().enumerate() {
            prop_assert_eq!(byte_of_code_point(&text, cp), Some(b));
            prop_assert_eq!(cps.of_byte(b), cp);
        }
        prop_assert_eq!(byte_of_code_point(&text, bounds.len() - 1 + past), None);
    }

    /// `utf16_of_code_point` is the UTF-16 length of the prefix (what JavaScript counts),
    /// clamped to the whole text.
    #[test]
    fn utf16_of_code_point_is_the_prefix_length(text in "\\PC{0,300}", past in 0usize..50) {
        let n = text.chars().count();
        for (cp, &b) in boundaries(&text).iter().enumerate() {
            prop_assert_eq!(utf16_of_code_point(&text, cp), text[..b].encode_utf16().count());
        }
        prop_assert_eq!(utf16_of_code_point(&text, n + past), text.encode_utf16().count());
    }

    /// The three offsets of one position agree: the code point found from a byte and the
    /// UTF-16 offset found from that code point name the same prefix.
    #[test]
    fn byte_code_point_and_utf16_agree(text in "\\PC{1,200}", pick in any::<prop::sample::Index>()) {
        let bounds = boundaries(&text);
        let b = bounds[pick.index(bounds.len())];
        let cp = CodePoints::new(&text).of_byte(b);
        let prefix = &text[..b];
        prop_assert_eq!(cp, prefix.chars().count());
        prop_assert_eq!(utf16_of_code_point(&text, cp), prefix.encode_utf16().count());
        prop_assert_eq!(byte_of_code_point(&text, cp), Some(b));
    }

    /// Annotation invariants on any Unicode text.
    #[test]
    fn invariants_on_any_text(text in "\\PC{0,400}", lang in any_lang()) {
        let a = annotate(&text, &Options { lang, id: None });
        check_invariants(&text, &a);
    }

    /// Annotation invariants on any string, control characters included.
    #[test]
    fn invariants_on_any_string(text in any::<String>(), lang in any_lang()) {
        let a = annotate(&text, &Options { lang, id: None });
        check_invariants(&text, &a);
    }

    /// Annotation invariants on news-like texts, where entities and claims do appear.
    #[test]
    fn invariants_on_news_like_text(text in news_like(), lang in any_lang()) {
        let a = annotate(&text, &Options { lang, id: None });
        check_invariants(&text, &a);
    }

    /// The annotation does not depend on anything but its input: same text, same result.
    #[test]
    fn annotation_is_deterministic(text in news_like()) {
        let o = Options::default();
        prop_assert_eq!(annotate(&text, &o), annotate(&text, &o));
    }

    /// `id` is copied as given.
    #[test]
    fn id_is_copied(text in news_like(), id in any::<i64>()) {
        let a = annotate(&text, &Options { lang: None, id: Some(id.into()) });
        prop_assert_eq!(a.id, Some(serde_json::Value::from(id)));
    }
}

/// The documented contract of `of_byte`: "a byte inside a character counts as that
/// character's start".
#[test]
fn code_point_of_a_byte_inside_a_character() {
    for text in ["é", "a🙂b", "€€", &"é".repeat(40)] {
        let cps = CodePoints::new(text);
        for b in 0..=text.len() {
            let start = (0..=b).rev().find(|&i| text.is_char_boundary(i)).unwrap();
            assert_eq!(cps.of_byte(b), text[..start].chars().count(), "{text:?} byte {b}");
        }
    }
}

/// Sanity: the seeds do produce entities and claims, so the invariants above are not
/// vacuously checked on empty annotations.
#[test]
fn seeds_satisfy_the_invariants_and_are_not_empty() {
    let mut seen = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            let a = annotate(&text, &Options::default());
            check_invariants(&text, &a);
            assert!(!a.entities.is_empty(), "{}: no entity", path.display());
            assert!(!a.claims.is_empty(), "{}: no claim", path.display());
            seen += 1;
        }
    }
    assert!(seen > 0, "no seed found");
}
