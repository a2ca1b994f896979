//! # article_annotator
//!
//! Reads a news article (French or English) and returns its annotation: named entities,
//! dates and quantities, the mentions of one referent grouped in clusters, and the claims
//! the article attributes to someone, each with its cue and its speaker resolved to a name.
//! The contract is `SCHEMA.md`: JSON with offsets in Unicode code points.
//!
//! The analysis is a pipeline of stages over one document (see `ARCHITECTURE.md`):
//! segment → names → dates and quantities → clusters → quotes → attribution. It never
//! fails: any text, even empty or hostile, gets an annotation.
//!
//! ```
//! use article_annotator::{annotate, Options};
//!
//! let text = "Le président kazakh, Kassym-Jomart Tokaïev, a déclaré lundi que la situation était critique.";
//! let a = annotate(text, &Options::default());
//! assert_eq!(a.language, "fr");
//! let tokayev = a.entities.iter().find(|e| e.text == "Kassym-Jomart Tokaïev").unwrap();
//! assert_eq!(tokayev.kind.as_str(), "person");
//! assert!(a.entities.iter().any(|e| e.text == "lundi" && e.kind.as_str() == "date"));
//! let claim = &a.claims[0];
//! assert_eq!(claim.text, "la situation était critique");
//! assert_eq!(claim.cue.as_ref().unwrap().text, "a déclaré");
//! assert_eq!(a.clusters[claim.speaker.as_ref().unwrap().cluster.unwrap()].name, "Kassym-Jomart Tokaïev");
//! ```

pub mod attribution;
pub mod clusters;
pub mod lang;
pub mod names;
pub mod offsets;
pub mod quotes;
pub mod render;
pub mod request;
pub mod schema;
pub mod segment;
pub mod temporal;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use lang::Lang;
pub use schema::{Annotation, Claim, ClaimKind, Cluster, Entity, EntityType, Span, Speaker};

use clusters::Mention;
use offsets::CodePoints;
use segment::Doc;

/// What the caller may say about a document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The document's language; detected from the text when `None`.
    pub lang: Option<Lang>,
    /// Copied to the annotation's `id`.
    pub id: Option<serde_json::Value>,
}

/// Annotates one article. Never fails and never panics on any input.
pub fn annotate(text: &str, options: &Options) -> Annotation {
    let lang = options.lang.unwrap_or_else(|| lang::detect(text));
    let doc = Doc::new(text, lang);
    let names = names::find(&doc);
    let mut taken = vec![false; doc.tokens.len()];
    for n in &names {
        taken[n.first..n.last].iter_mut().for_each(|t| *t = true);
    }
    let measures = temporal::find(&doc, &mut taken);
    let mut mentions: Vec<Mention> = names
        .into_iter()
        .map(|n| Mention { first: n.first, last: n.last, kind: n.kind, why: n.why, cluster: 0, title: n.title })
        .chain(measures.into_iter().map(|m| Mention { first: m.first, last: m.last, kind: m.kind, why: m.why, cluster: 0, title: None }))
        .collect();
    mentions.sort_by_key(|m| m.first);
    let mut groups = clusters::group(&doc, &mut mentions);
    let quotes = quotes::find(&doc);
    let claims = attribution::find(&doc, &mentions, &mut groups, &quotes);
    output(&doc, options.id.clone(), &mentions, groups, &claims)
}

/// Converts the analysis (token and byte spans) to the schema (code points): the only
/// place positions leave the byte world.
fn output(doc: &Doc, id: Option<serde_json::Value>, mentions: &[Mention], groups: Vec<clusters::Group>, claims: &[attribution::Found]) -> Annotation {
    let cps = CodePoints::new(doc.text);
    let bytes = |a: usize, b: usize| (cps.of_byte(a), cps.of_byte(b), doc.text[a..b].to_string());
    let entities = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (start, end, text) = bytes(doc.tokens[m.first].start, doc.tokens[m.last - 1].end);
            Entity { id: i, kind: m.kind, start, end, text, cluster: m.cluster, why: m.why.to_string() }
        })
        .collect::<Vec<_>>();
    // (The groups are moved into the clusters: their mentions are not copied.)
    let clusters = groups
        .into_iter()
        .enumerate()
        .map(|(i, g)| {
            let texts = || g.mentions.iter().map(|&m| entities[m].text.as_str());
            let name = cluster_name(texts()).to_string();
            let mut aliases: Vec<String> = Vec::new();
            for t in texts().chain(g.descriptions.iter().map(String::as_str)) {
                if t != name && !aliases.iter().any(|a| a == t) {
                    aliases.push(t.to_string());
                }
            }
            Cluster { id: i, kind: g.kind, name, aliases, mentions: g.mentions }
        })
        .collect();
    let claims = claims
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let (start, end, text) = bytes(c.content.0, c.content.1);
            Claim {
                id: i,
                kind: c.kind,
                start,
                end,
                text,
                cue: c.cue.map(|(a, b)| {
                    let (start, end, text) = bytes(a, b);
                    Span { start, end, text }
                }),
                speaker: c.speaker.as_ref().map(|s| {
                    let (start, end, text) = bytes(s.span.0, s.span.1);
                    Speaker { start, end, text, cluster: s.cluster }
                }),
                why: c.why.to_string(),
            }
        })
        .collect();
    Annotation { id, language: doc.lang.code().to_string(), entities, clusters, claims }
}

/// The name of a cluster: the text of its mentions that ranks highest by [`name_rank`], the
/// last of equals. (A text is ranked once in a row of its repeats, and a mention alone, as
/// most are, is not ranked at all.)
fn cluster_name<'a>(mut texts: impl Iterator<Item = &'a str>) -> &'a str {
    let Some(mut best) = texts.next() else { return "" };
    let mut rank = None;
    for t in texts {
        if t == best {
            continue;
        }
        let r = name_rank(t);
        let best_rank = *rank.get_or_insert_with(|| name_rank(best));
        if r >= best_rank {
            (best, rank) = (t, Some(r));
        }
    }
    best
}

/// How a cluster's name is chosen among its mentions' texts: the most words, then the most
/// characters, then the fewest non-ASCII characters.
fn name_rank(t: &str) -> (usize, usize, std::cmp::Reverse<usize>) {
    if t.is_ascii() {
        // The same counts byte by byte: a word starts at each non-space after a space.
        let (mut words, mut after_space) = (0, true);
        for b in t.bytes() {
            // (`char::is_whitespace` of an ASCII byte: tab to carriage return, and space.)
            let space = matches!(b, b'\t'..=b'\r' | b' ');
            words += usize::from(after_space && !space);
            after_space = space;
        }
        return (words, t.len(), std::cmp::Reverse(0));
    }
    // One pass for the three counts.
    let (mut words, mut chars, mut non_ascii, mut after_space) = (0, 0, 0, true);
    for c in t.chars() {
        let space = c.is_whitespace();
        words += usize::from(after_space && !space);
        after_space = space;
        chars += 1;
        non_ascii += usize::from(!c.is_ascii());
    }
    (words, chars, std::cmp::Reverse(non_ascii))
}
