//! Referent clusters: the mentions of one person, organisation, place or date grouped.
//!
//! Requires: all entity mentions, in text order. Assigns: a cluster to every mention.
//! People group by surname (with given names or initials that agree), organisations by
//! name or acronym ↔ expansion, places and dates by name; names compare folded (case,
//! accents and y/i transliteration ignored: Tokayev = Tokaïev). Every step is a hash
//! lookup: no pairwise pass over mentions.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;

use crate::lang::{fold_into, Class};
use crate::names::push_span_fold;
use crate::schema::EntityType;
use crate::segment::{Doc, TokKind};

/// An entity mention with its cluster.
#[derive(Debug, Clone)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: EntityType,
    pub why: &'static str,
    pub cluster: usize,
    /// Token span of a title or role right before it.
    pub title: Option<(usize, usize)>,
}

/// A cluster under construction.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: EntityType,
    pub mentions: Vec<usize>,
    /// Descriptions that refer to it (`le président kazakh`), added by attribution.
    pub descriptions: Vec<String>,
}

/// Where a mention's folded names stand in the buffer they all share: the tables key on
/// slices of it, not on a string of each name.
#[derive(Default)]
struct Folds {
    /// A person's surname, or the whole name of any other mention.
    name: Range<usize>,
    /// A person's given name, or a place's name without its article.
    other: Option<Range<usize>>,
    /// An acronym (`OTAN`), or the initials of an organisation's name of several words.
    initials: Option<Range<usize>>,
    /// The first and last words of an organisation's name of several words.
    ends: Option<(Range<usize>, Range<usize>)>,
}

fn folds_of(doc: &Doc, m: &Mention, buf: &mut String) -> Folds {
    let mut f = Folds::default();
    match m.kind {
        EntityType::Quantity => {}
        EntityType::Person => {
            // The surname starts at its particle when it has one: "Kito de Pavant" → "de Pavant";
            // a name that opens with it is a surname alone ("De Pavant", "Le Pen").
            let particle = (m.first..m.last).find(|&t| doc.is_class(t, Class::NameParticle) && t + 1 < m.last);
            let surname_start = match particle {
                Some(p) => p,
                None => (m.first..m.last).rev().find(|&t| doc.tokens[t].kind == TokKind::Word).unwrap_or(m.first),
            };
            f.name = push_span_fold(doc, surname_start, m.last, buf);
            if surname_start > m.first {
                fold_into(doc.tok(m.first), buf);
                f.other = Some(f.name.end..buf.len());
            }
        }
        _ => {
            f.name = push_span_fold(doc, m.first, m.last, buf);
            // "Le Havre" and "du Havre": a place's name without its article.
            if m.kind == EntityType::Location && m.last > m.first + 1 && doc.is_class(m.first, Class::Determiner) {
                f.other = Some(push_span_fold(doc, m.first + 1, m.last, buf));
            }
            if m.last == m.first + 1 && (doc.is_upper(m.first) || doc.tokens[m.first].kind == TokKind::Dotted) {
                let at = buf.len();
                fold_into(doc.tok(m.first), buf);
                if buf[at..].contains('.') {
                    let acronym = buf[at..].replace('.', "");
                    buf.truncate(at);
                    buf.push_str(&acronym);
                }
                f.initials = Some(at..buf.len());
            } else if m.kind == EntityType::Organization && m.last > m.first + 1 {
                f.initials = push_initials(doc, m, buf);
                let at = buf.len();
                fold_into(doc.tok(m.first), buf);
                let mid = buf.len();
                fold_into(doc.tok(m.last - 1), buf);
                f.ends = Some((at..mid, mid..buf.len()));
            }
        }
    }
    f
}

fn given_agrees(a: &str, b: &str) -> bool {
    a == b || a.chars().count() == 1 && b.starts_with(a) || b.chars().count() == 1 && a.starts_with(b)
}

/// The tables of names that share one map: a mention's name by its type, acronyms and
/// initials, and the first and last words of organisation names (`Church` of `Church of
/// Scientology`), for their short names (`the Church`; the latest name wins).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Table {
    Name(EntityType),
    Initials,
    EndWord,
}

/// Groups `mentions` (sorted by position) into clusters.
pub fn group(doc: &Doc, mentions: &mut [Mention]) -> Vec<Group> {
    // Every name folded first, into one buffer, for the tables to borrow (room for twice the
    // mentions' text: a name, a bare name or end words, and folds are about as long).
    let mut buf = String::with_capacity(mentions.iter().map(|m| 2 * (doc.tokens[m.last - 1].end - doc.tokens[m.first].start)).sum());
    let folds: Vec<Folds> = mentions.iter().map(|m| folds_of(doc, m, &mut buf)).collect();
    let at = |r: &Range<usize>| &buf[r.clone()];
    // (Tables sized for the mentions up front, rather than rehashing as they grow.)
    let n = mentions.len();
    // The kind of each cluster; its mentions are listed at the end.
    let mut kinds: Vec<EntityType> = Vec::with_capacity(n);
    let new_group = |kinds: &mut Vec<EntityType>, kind| {
        kinds.push(kind);
        kinds.len() - 1
    };
    // Full names of people first, so a surname met before its full name still joins it.
    let mut by_surname: HashMap<&str, Vec<(usize, Option<&str>)>> = HashMap::with_capacity_and_hasher(n, Default::default());
    // A given name's first full name, and whether another one has it.
    let mut by_given: HashMap<&str, (usize, bool)> = HashMap::default();
    let mut tables: HashMap<(Table, &str), usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    for (m, f) in mentions.iter_mut().zip(&folds) {
        let (EntityType::Person, Some(given)) = (m.kind, &f.other) else { continue };
        let given = at(given);
        let entry = by_surname.entry(at(&f.name)).or_default();
        let g = match entry.iter().find(|(_, g)| g.is_none_or(|g| given_agrees(g, given))) {
            Some(&(g, _)) => g,
            None => {
                let g = new_group(&mut kinds, EntityType::Person);
                by_given.entry(given).and_modify(|e| e.1 = true).or_insert((g, false));
                entry.push((g, Some(given)));
                g
            }
        };
        m.cluster = g;
    }
    for (m, f) in mentions.iter_mut().zip(&folds) {
        if m.kind == EntityType::Quantity {
            m.cluster = new_group(&mut kinds, m.kind);
            continue;
        }
        let key = at(&f.name);
        if m.kind == EntityType::Person {
            if f.other.is_some() {
                continue;
            }
            // (A surname alone: its whole name is its surname.)
            let g = by_surname
                .get(key)
                .and_then(|v| v.first().map(|&(g, _)| g))
                .or_else(|| by_given.get(key).filter(|e| !e.1).map(|e| e.0));
            m.cluster = match g {
                Some(g) => g,
                None => {
                    let g = new_group(&mut kinds, EntityType::Person);
                    by_surname.entry(key).or_default().push((g, None));
                    g
                }
            };
            continue;
        }
        let name = (Table::Name(m.kind), key);
        let initials = f.initials.as_ref().map(|i| (Table::Initials, at(i)));
        let short = m.kind == EntityType::Organization && m.last == m.first + 1 && m.why == crate::names::SHORT_NAME;
        let bare = f.other.as_ref().map(|b| (Table::Name(m.kind), at(b)));
        let named = tables.get(&name).copied();
        let g = named
            .or_else(|| bare.and_then(|b| tables.get(&b).copied()))
            .or_else(|| initials.and_then(|i| tables.get(&i).copied()))
            .or_else(|| short.then(|| tables.get(&(Table::EndWord, key)).copied()).flatten());
        let g = match g {
            Some(g) => g,
            None => new_group(&mut kinds, m.kind),
        };
        if named.is_none() {
            tables.insert(name, g);
        }
        for k in [bare, initials].into_iter().flatten() {
            tables.entry(k).or_insert(g);
        }
        if let Some((first, last)) = &f.ends {
            tables.insert((Table::EndWord, at(first)), g);
            tables.insert((Table::EndWord, at(last)), g);
        }
        m.cluster = g;
    }
    // The clusters with mentions (a full name absorbed elsewhere leaves one without), their
    // mentions listed in order in vectors of the right size.
    let mut sizes = vec![0; kinds.len()];
    for m in mentions.iter() {
        sizes[m.cluster] += 1;
    }
    let mut kept = Vec::with_capacity(kinds.len());
    for (size, kind) in sizes.iter_mut().zip(kinds) {
        if *size > 0 {
            kept.push(Group { kind, mentions: Vec::with_capacity(*size), descriptions: Vec::new() });
            // (The size, once read, becomes the cluster's new number.)
            *size = kept.len() - 1;
        }
    }
    for (idx, m) in mentions.iter_mut().enumerate() {
        m.cluster = sizes[m.cluster];
        kept[m.cluster].mentions.push(idx);
    }
    kept
}

/// Appends the initials of the content words of a multi-word organisation name (`OTSC`)
/// to `buf`, when there are two or more.
fn push_initials(doc: &Doc, m: &Mention, buf: &mut String) -> Option<Range<usize>> {
    let start = buf.len();
    for t in m.first..m.last {
        if doc.tokens[t].kind != TokKind::Word || doc.low_is(t, Class::OrgConnector) || doc.low_is(t, Class::NameParticle) || doc.low_is(t, Class::Determiner) || doc.low_is(t, Class::Coordinator) {
            continue;
        }
        for part in doc.tok(t).split('-') {
            if let Some(c) = part.chars().next() {
                fold_into(c.encode_utf8(&mut [0; 4]), buf);
            }
        }
    }
    if buf[start..].chars().count() >= 2 {
        Some(start..buf.len())
    } else {
        buf.truncate(start);
        None
    }
}
