//! Referent clusters: the mentions of one person, organisation, place or date grouped.
//!
//! Requires: all entity mentions, in text order. Assigns: a cluster to every mention.
//! People group by surname (with given names or initials that agree), organisations by
//! name or acronym ↔ expansion, places and dates by name; names compare folded (case,
//! accents and y/i transliteration ignored: Tokayev = Tokaïev). Every step is a hash
//! lookup: no pairwise pass over mentions.

use rustc_hash::FxHashMap as HashMap;

use crate::lang::Class;
use crate::names::{fold_key, span_fold};
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

/// The parts of a person's name that identify them.
struct PersonName {
    given: Option<String>,
    surname: String,
}

fn person_name(doc: &Doc, m: &Mention) -> PersonName {
    // The surname starts at its particle when it has one: "Kito de Pavant" → "de Pavant"; a
    // name that opens with it is a surname alone ("De Pavant", "Le Pen").
    let particle = (m.first..m.last).find(|&t| doc.is_class(t, Class::NameParticle) && t + 1 < m.last);
    let surname_start = match particle {
        Some(p) => p,
        None => (m.first..m.last).rev().find(|&t| doc.tokens[t].kind == TokKind::Word).unwrap_or(m.first),
    };
    let surname = span_fold(doc, surname_start, m.last);
    let given = if surname_start > m.first { Some(fold_key(doc.tok(m.first))) } else { None };
    PersonName { given, surname }
}

fn given_agrees(a: &str, b: &str) -> bool {
    a == b || a.chars().count() == 1 && b.starts_with(a) || b.chars().count() == 1 && a.starts_with(b)
}

/// Groups `mentions` (sorted by position) into clusters.
pub fn group(doc: &Doc, mentions: &mut [Mention]) -> Vec<Group> {
    // (Tables sized for the mentions up front, rather than rehashing as they grow.)
    let n = mentions.len();
    let mut groups: Vec<Group> = Vec::with_capacity(n);
    let new_group = |groups: &mut Vec<Group>, kind| {
        groups.push(Group { kind, mentions: Vec::new(), descriptions: Vec::new() });
        groups.len() - 1
    };
    // Full names of people first, so a surname met before its full name still joins it.
    let mut by_surname: HashMap<String, Vec<(usize, Option<String>)>> = HashMap::with_capacity_and_hasher(n, Default::default());
    let mut by_given: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_name: HashMap<(EntityType, String), usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    let mut by_initials: HashMap<String, usize> = HashMap::default();
    // The first and last words of organisation names (`Church` of `Church of Scientology`),
    // for their short names (`the Church`); the latest name wins.
    let mut by_end_word: HashMap<String, usize> = HashMap::default();
    // Each person's name parts, worked out once for both passes.
    let mut names: Vec<Option<PersonName>> = mentions.iter().map(|m| (m.kind == EntityType::Person).then(|| person_name(doc, m))).collect();
    for (m, p) in mentions.iter_mut().zip(&mut names) {
        let Some(p) = p else { continue };
        let Some(given) = &mut p.given else { continue };
        // The second pass asks of a full name only whether it has a given name: its parts
        // are moved into the tables, not copied.
        let entry = by_surname.entry(std::mem::take(&mut p.surname)).or_default();
        let g = match entry.iter().find(|(_, g)| g.as_deref().is_none_or(|g| given_agrees(g, given))) {
            Some(&(g, _)) => g,
            None => {
                let g = new_group(&mut groups, EntityType::Person);
                let given = std::mem::take(given);
                by_given.entry(given.clone()).or_default().push(g);
                entry.push((g, Some(given)));
                g
            }
        };
        m.cluster = g;
    }
    for (idx, m) in mentions.iter_mut().enumerate() {
        if m.kind == EntityType::Quantity {
            m.cluster = new_group(&mut groups, m.kind);
            groups[m.cluster].mentions.push(idx);
            continue;
        }
        if m.kind == EntityType::Person {
            let p = names[idx].take().unwrap_or_else(|| person_name(doc, m));
            if p.given.is_some() {
                groups[m.cluster].mentions.push(idx);
                continue;
            }
            let key = span_fold(doc, m.first, m.last);
            let g = by_surname
                .get(&p.surname)
                .and_then(|v| v.first().map(|&(g, _)| g))
                .or_else(|| by_given.get(&key).filter(|v| v.len() == 1).map(|v| v[0]));
            let g = match g {
                Some(g) => g,
                None => {
                    let g = new_group(&mut groups, EntityType::Person);
                    by_surname.entry(p.surname).or_default().push((g, None));
                    g
                }
            };
            m.cluster = g;
            groups[g].mentions.push(idx);
            continue;
        }
        let key = span_fold(doc, m.first, m.last);
        let initials = if m.kind == EntityType::Organization && m.last > m.first + 1 { initials_of(doc, m) } else { None };
        let upper = m.last == m.first + 1 && (doc.is_upper(m.first) || doc.tokens[m.first].kind == TokKind::Dotted);
        let acronym = if upper { Some(fold_key(doc.tok(m.first)).replace('.', "")) } else { None };
        let short = m.kind == EntityType::Organization && m.last == m.first + 1 && m.why == crate::names::SHORT_NAME;
        // "Le Havre" and "du Havre": a place's name without its article.
        let bare = (m.kind == EntityType::Location && m.last > m.first + 1 && doc.is_class(m.first, Class::Determiner)).then(|| (m.kind, span_fold(doc, m.first + 1, m.last)));
        let name = (m.kind, key);
        let named = by_name.get(&name).copied();
        let g = named
            .or_else(|| bare.as_ref().and_then(|b| by_name.get(b).copied()))
            .or_else(|| acronym.as_ref().and_then(|a| by_initials.get(a).copied()))
            .or_else(|| initials.as_ref().and_then(|i| by_initials.get(i).copied()))
            .or_else(|| short.then(|| by_end_word.get(&name.1).copied()).flatten());
        let g = match g {
            Some(g) => g,
            None => new_group(&mut groups, m.kind),
        };
        if named.is_none() {
            by_name.insert(name, g);
        }
        if let Some(b) = bare {
            by_name.entry(b).or_insert(g);
        }
        if let Some(i) = initials {
            by_initials.entry(i).or_insert(g);
        }
        if let Some(a) = acronym {
            by_initials.entry(a).or_insert(g);
        }
        if m.kind == EntityType::Organization && m.last > m.first + 1 {
            for t in [m.first, m.last - 1] {
                by_end_word.insert(fold_key(doc.tok(t)), g);
            }
        }
        m.cluster = g;
        groups[g].mentions.push(idx);
    }
    // Drop groups that ended up with no mentions (a full name absorbed elsewhere).
    let mut remap = vec![usize::MAX; groups.len()];
    let mut kept = Vec::new();
    for (i, g) in groups.into_iter().enumerate() {
        if !g.mentions.is_empty() {
            remap[i] = kept.len();
            kept.push(g);
        }
    }
    for m in mentions.iter_mut() {
        m.cluster = remap[m.cluster];
    }
    kept
}

/// Initials of the content words of a multi-word organisation name (`OTSC`).
fn initials_of(doc: &Doc, m: &Mention) -> Option<String> {
    let mut s = String::new();
    for t in m.first..m.last {
        if doc.tokens[t].kind != TokKind::Word || doc.low_is(t, Class::OrgConnector) || doc.low_is(t, Class::NameParticle) || doc.low_is(t, Class::Determiner) || doc.low_is(t, Class::Coordinator) {
            continue;
        }
        for part in doc.tok(t).split('-') {
            if let Some(c) = part.chars().next() {
                crate::lang::fold_into(c.encode_utf8(&mut [0; 4]), &mut s);
            }
        }
    }
    (s.chars().count() >= 2).then_some(s)
}
