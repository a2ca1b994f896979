//! The invariants every annotation must satisfy, whatever the input (see SCHEMA.md).
//!
//! Shared by `tests/properties.rs`, `tests/hostile.rs` and the fuzz target
//! (`fuzz/fuzz_targets/annotate.rs` includes this file with `#[path]`), so that the three
//! check exactly the same thing. Each violated invariant panics with a message naming it.
#![allow(dead_code)]

use article_annotator::attribution::SOURCE_THEN_CLAUSE;
use article_annotator::{Annotation, ClaimKind};

/// The code-point slice `[start, end)` of a text, given its char boundaries.
struct Text<'t> {
    text: &'t str,
    /// Byte offset of every code point, plus the text's length at the end.
    bounds: Vec<usize>,
}

impl<'t> Text<'t> {
    fn new(text: &'t str) -> Self {
        let mut bounds: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        bounds.push(text.len());
        Text { text, bounds }
    }

    fn len(&self) -> usize {
        self.bounds.len() - 1
    }

    fn slice(&self, start: usize, end: usize) -> &'t str {
        &self.text[self.bounds[start]..self.bounds[end]]
    }
}

/// Names a part of the annotation in a failure message, formatted only on failure (the
/// checker must stay linear on huge annotations): kind, index, text (shortened), suffix.
struct What<'a>(&'static str, usize, &'a str, &'static str);

impl std::fmt::Display for What<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short: String = self.2.chars().take(80).collect();
        let more = if short.len() < self.2.len() { "…" } else { "" };
        write!(f, "{} {} ({:?}{more}){}", self.0, self.1, short, self.3)
    }
}

/// Checks one span: inside the text, not empty, and its `text` is its code-point slice.
fn span(t: &Text, what: &What, start: usize, end: usize, text: &str) {
    assert!(start < end, "{what}: start {start} is not before end {end}");
    assert!(end <= t.len(), "{what}: end {end} is past the text's {} code points", t.len());
    let slice = t.slice(start, end);
    assert_eq!(text, slice, "{what}: its text differs from the code points [{start}, {end}) of the input");
}

/// Panics, naming the broken invariant, unless `a` is a valid annotation of `text`.
pub fn check_invariants(text: &str, a: &Annotation) {
    check(text, a)
}

/// Checks every invariant; panics naming the first one broken.
fn check(text: &str, a: &Annotation) {
    let t = Text::new(text);
    assert!(a.language == "fr" || a.language == "en", "language {:?} is neither fr nor en", a.language);

    // Which entities their own cluster lists (the cluster checks below say more).
    let mut listed = vec![false; a.entities.len()];
    for (k, c) in a.clusters.iter().enumerate() {
        for &m in &c.mentions {
            if m < listed.len() && a.entities[m].cluster == k {
                listed[m] = true;
            }
        }
    }
    for (i, e) in a.entities.iter().enumerate() {
        let what = What("entity", i, &e.text, "");
        assert_eq!(e.id, i, "{what}: its id is not its index");
        span(&t, &what, e.start, e.end, &e.text);
        assert!(e.cluster < a.clusters.len(), "{what}: cluster {} does not exist ({} clusters)", e.cluster, a.clusters.len());
        assert!(listed[i], "{what}: its cluster {} does not list it among its mentions", e.cluster);
    }
    let mut by_start: Vec<_> = a.entities.iter().collect();
    by_start.sort_by_key(|e| (e.start, e.end));
    for w in by_start.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "entities {} {:?} [{}, {}) and {} {:?} [{}, {}) overlap",
            w[0].id, w[0].text, w[0].start, w[0].end, w[1].id, w[1].text, w[1].start, w[1].end
        );
    }

    for (i, c) in a.clusters.iter().enumerate() {
        let what = What("cluster", i, &c.name, "");
        assert_eq!(c.id, i, "{what}: its id is not its index");
        assert!(!c.mentions.is_empty(), "{what}: has no mention");
        let mut seen = std::collections::HashSet::new();
        for &m in &c.mentions {
            assert!(m < a.entities.len(), "{what}: mention {m} does not exist ({} entities)", a.entities.len());
            assert!(seen.insert(m), "{what}: lists mention {m} twice");
            assert_eq!(a.entities[m].cluster, i, "{what}: lists entity {m}, whose cluster is {}", a.entities[m].cluster);
        }
        assert!(
            c.mentions.iter().any(|&m| a.entities[m].text == c.name),
            "{what}: its name is none of its mentions' texts"
        );
        assert!(!c.aliases.contains(&c.name), "{what}: its name is also among its aliases");
    }

    for (i, c) in a.claims.iter().enumerate() {
        let what = What("claim", i, &c.text, "");
        assert_eq!(c.id, i, "{what}: its id is not its index");
        span(&t, &what, c.start, c.end, &c.text);
        if let Some(cue) = &c.cue {
            span(&t, &What("claim", i, &c.text, " cue"), cue.start, cue.end, &cue.text);
        }
        if let Some(s) = &c.speaker {
            span(&t, &What("claim", i, &c.text, " speaker"), s.start, s.end, &s.text);
            if let Some(k) = s.cluster {
                assert!(k < a.clusters.len(), "{what}: speaker cluster {k} does not exist ({} clusters)", a.clusters.len());
            }
        }
    }
    // No claim lies inside another (equal spans included), but for reported speech inside a
    // quotation ("« Il me disait que … »") or inside what a source says ("Selon l'AFP, le
    // ministre a assuré que …": the agency reports the minister's claim, whose pattern the
    // outer claim's `why` names): sorted by start, then longest first, a claim is nested
    // exactly when an earlier one reaches at least as far.
    let mut order: Vec<usize> = (0..a.claims.len()).collect();
    order.sort_by_key(|&i| (a.claims[i].start, std::cmp::Reverse(a.claims[i].end)));
    let mut reach: Option<usize> = None; // the earlier claim that ends last
    for &i in &order {
        let c = &a.claims[i];
        if let Some(j) = reach {
            let d = &a.claims[j];
            let outer_reports = d.kind == ClaimKind::Direct || d.why == SOURCE_THEN_CLAUSE;
            let reported_inside = outer_reports && c.kind == ClaimKind::Indirect && (d.start, d.end) != (c.start, c.end);
            assert!(
                d.end < c.end || reported_inside,
                "claim {i} {:?} [{}, {}) lies inside claim {j} {:?} [{}, {})",
                c.text, c.start, c.end, d.text, d.start, d.end
            );
        }
        if reach.is_none_or(|j| a.claims[j].end < c.end) {
            reach = Some(i);
        }
    }

    // The annotation survives a JSON round trip unchanged (what the CLI and the page rely on).
    let json = serde_json::to_string(a).expect("the annotation serialises");
    let back: Annotation = serde_json::from_str(&json).expect("the serialised annotation parses back");
    assert_eq!(&back, a, "the annotation changes in a JSON round trip");
}

