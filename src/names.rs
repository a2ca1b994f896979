//! Names: people, organisations and places.
//!
//! Requires: a segmented [`Doc`]. Assigns: typed name mentions (token spans), each with
//! the rule that typed it. Works in three passes over the tokens: candidate spans
//! (capitalised runs with their particles and connectors, gazetteer phrases, acronym
//! expansions), typing from the span itself and its context, then document consistency
//! (one type per name; surnames and given names of known people; unknown single words
//! typed by what the document says of them elsewhere).

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
    let recurring = recurring_capitals(doc);
    let mut cands = candidates(doc, &recurring);
    drop_work_titles(doc, &mut cands);
    for c in &mut cands {
        type_from_span(doc, c);
    }
    expand_acronyms(doc, &mut cands);
    // A nationality word alone is no name, wherever the run was split (Afghan Ambassador X).
    cands.retain(|c| !(c.last == c.first + 1 && c.kind.is_none() && doc.data.demonyms.contains(doc.key(c.first))));
    consistency(doc, &mut cands);
    cands
        .into_iter()
        .filter_map(|c| c.kind.map(|kind| Name { first: c.first, last: c.last, kind, why: c.why, title: c.title }))
        .collect()
}

/// Words written with a capital somewhere other than at the start of a sentence or in a
/// headline: those are names even where a sentence starts with them.
fn recurring_capitals(doc: &Doc) -> HashSet<String> {
    let mut set = HashSet::default();
    // Most words are lowercase: room for them up front rather than rehashing as it grows.
    let mut lowercase = HashSet::with_capacity_and_hasher(doc.tokens.len() / 2, Default::default());
    for i in 0..doc.tokens.len() {
        let s = doc.sentence_of(i);
        if doc.is_cap(i) && !doc.starts_sentence(i) && !s.headline && !s.all_caps {
            set.insert(doc.key(i).to_string());
        } else if doc.tokens[i].kind == TokKind::Word && doc.tok(i).chars().next().is_some_and(char::is_lowercase) {
            lowercase.insert(doc.tok(i));
        }
    }
    // A word also written in lowercase in the document is an ordinary word (In, The).
    set.retain(|w| !lowercase.contains(w.to_lowercase().as_str()));
    set
}

/// Whether token `i` is a word that may belong to a name.
fn namelike(doc: &Doc, i: usize) -> bool {
    if !doc.is_cap(i) || is_date_word(doc, i) {
        return false;
    }
    if doc.low_is(i, Class::NotName) {
        return false;
    }
    // Function words with a capital (a typo, a title) are no part of a name.
    let function = [Class::Determiner, Class::LocationPreposition, Class::PronounSubject, Class::Complementizer, Class::Auxiliary]
        .iter()
        .any(|&c| doc.is_class(i, c));
    !(function && !doc.is_upper(i) && gazetteer(doc, doc.key(i)).is_none())
}

fn is_date_word(doc: &Doc, i: usize) -> bool {
    doc.low_is(i, Class::Month) || doc.low_is(i, Class::Weekday)
}

/// Whether the capitalised token `i` is an ordinary word capitalised by its position (the
/// start of a sentence, a title-case headline, an all-caps line).
fn positional_capital(doc: &Doc, i: usize, recurring: &HashSet<String>) -> bool {
    let s = doc.sentence_of(i);
    let positional = doc.starts_sentence(i) || s.title_case || s.all_caps;
    if !positional {
        return false;
    }
    let word = doc.tok(i);
    let k = key(word);
    let before_capital = i + 1 < doc.tokens.len() && doc.is_cap(i + 1) && doc.tokens[i + 1].breaks_before == 0;
    if doc.data.given_names.contains(&k) && before_capital || gazetteer(doc, &k).is_some() {
        return false;
    }
    if recurring.contains(&k) && !s.all_caps {
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
    doc.is_common_word(i)
        || doc.low_is(i, Class::Determiner)
        || doc.low_is(i, Class::PronounSubject)
        || doc.verb_form(i).is_some()
        || doc.low_is(i, Class::SourceCue)
        || doc.low_is(i, Class::Complementizer)
        || doc.low_is(i, Class::Adverb)
        || doc.data.demonyms.contains(&k)
        || s.all_caps && !doc.data.common_words.is_empty() && !recurring.contains(&title_case(word))
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

/// Gazetteer type of a phrase, if any.
fn gazetteer(doc: &Doc, k: &str) -> Option<(EntityType, &'static str)> {
    let d = doc.data;
    if d.organizations.contains(k) {
        return Some((EntityType::Organization, "gazetteer: organisations"));
    }
    if d.locations.contains(k) {
        return Some((EntityType::Location, "gazetteer: places"));
    }
    // Spelling variants: Etats-Unis for États-Unis, Tokyo for Tōkyō.
    let f = fold_key(k);
    if d.folded_organizations.contains(&f) {
        Some((EntityType::Organization, "gazetteer: organisations"))
    } else if d.folded_locations.contains(&f) {
        Some((EntityType::Location, "gazetteer: places"))
    } else {
        None
    }
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

/// The connector (particle, `de`, `of the`, `&`) starting at token `j`, as the index past it.
fn connector(doc: &Doc, j: usize) -> Option<usize> {
    if j >= doc.tokens.len() || doc.tokens[j].breaks_before > 0 {
        return None;
    }
    let a = doc.match_class(j, Class::NameParticle);
    let b = doc.match_class(j, Class::OrgConnector);
    a.max(b)
}

fn candidates(doc: &Doc, recurring: &HashSet<String>) -> Vec<Candidate> {
    let n = doc.tokens.len();
    let mut out = Vec::new();
    let mut i = 0;
    while i < n {
        // A gazetteer phrase may hold lowercase words (Asie centrale, Union européenne).
        if doc.is_cap(i) || doc.tokens[i].kind == TokKind::Word && doc.may_be_org_head(i) && doc.data.org_heads.contains(doc.tok(i)) {
            if let Some(end) = longest_gazetteer(doc, i) {
                if end > i + 1 || doc.is_cap(i) {
                    let mut c = Candidate { first: i, last: end, kind: None, why: "", title: None };
                    let (k, why) = gazetteer(doc, &doc.span_key(i, end)).expect("matched above");
                    c.kind = Some(k);
                    c.why = why;
                    // A known name that goes on with an organisation or place word is part of
                    // a longer name: "New Zealand Herald", "ABC News", "Paris Airport".
                    if end < n && namelike(doc, end) && doc.tokens[end].breaks_before == 0 && doc.tokens[end].sentence == doc.tokens[i].sentence {
                        let run = extend(doc, i);
                        let last = doc.tok(run - 1);
                        if doc.data.org_suffixes.contains(last) {
                            c.last = run;
                            c.kind = Some(EntityType::Organization);
                            c.why = "known name with an organisation word";
                        } else if doc.data.is(Class::PlaceSuffix, &last.to_lowercase()) {
                            c.last = run;
                            c.kind = Some(EntityType::Location);
                            c.why = "known name with a place word";
                        }
                    }
                    let end = c.last;
                    if !(end == i + 1 && positional_capital(doc, i, recurring) && !doc.data.locations.contains(doc.key(i)) && !doc.data.organizations.contains(doc.key(i))) {
                        out.push(c);
                        i = end;
                        continue;
                    }
                }
            }
        }
        if !namelike(doc, i) {
            // A place head before a name: pont Mathilde, rue de Rivoli, aéroport international X.
            if doc.tokens[i].kind == TokKind::Word && doc.is_class(i, Class::PlaceHead) && doc.tok(i).chars().next().is_some_and(char::is_lowercase) {
                let mut c = i + 1;
                while c < n && c < i + 3 && doc.tokens[c].breaks_before == 0 && is_adjective(doc, c) {
                    c += 1;
                }
                let c = connector(doc, c).filter(|&e| e < n && namelike(doc, e)).unwrap_or(c);
                if c < n && namelike(doc, c) && joined(doc, i, c + 1) && gazetteer(doc, doc.key(c)).is_none_or(|g| g.0 != EntityType::Location) {
                    let end = extend(doc, c);
                    out.push(Candidate { first: i, last: end, kind: Some(EntityType::Location), why: "place head word", title: None });
                    i = end;
                    continue;
                }
            }
            // A lowercase organisation head before a capitalised complement:
            // ministère de l'Intérieur, direction des Renseignements.
            if doc.tokens[i].kind == TokKind::Word && is_org_head(doc, i) {
                if let Some(c) = connector(doc, i + 1) {
                    // "direction de l'aviation civile", "service des renseignements militaires".
                    let body = doc.is_class(i, Class::OrgRole) || doc.low_is(i, Class::OrgRole);
                    if !body && c + 1 < n && doc.tokens[c].kind == TokKind::Word && !namelike(doc, c) && is_adjective(doc, c + 1) && joined(doc, i, c + 2) && !doc.is_class(c, Class::Determiner) {
                        let mut end = c + 2;
                        while end < n && end < c + 4 && doc.tokens[end].breaks_before == 0 && is_adjective(doc, end) {
                            end += 1;
                        }
                        out.push(Candidate { first: i, last: end, kind: Some(EntityType::Organization), why: "organisation head word", title: None });
                        i = end;
                        continue;
                    }
                    if c < n && namelike(doc, c) && joined(doc, i, c + 1) {
                        let mut end = extend(doc, c);
                        while end < n && end < c + 6 && doc.tokens[end].breaks_before == 0 && is_adjective(doc, end) {
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
        let mut end = extend(doc, i);
        // French organisation names go on with adjectives: Banque centrale européenne,
        // ministère des Affaires étrangères, Cour pénale internationale.
        if doc.data.org_heads.contains(doc.tok(i)) {
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
        trim(doc, c, recurring, &mut trimmed);
    }
    trimmed
}

/// The end of the longest gazetteer phrase starting at token `i`.
fn longest_gazetteer(doc: &Doc, i: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let known_first = doc.data.name_first.contains(&fold_key(doc.key(i)))
        || doc.key(i) != doc.tok(i) && doc.data.name_first.contains(&fold_key(doc.tok(i)));
    if !known_first {
        return None;
    }
    let max = (i + doc.data.max_name_words * 2).min(n);
    let mut best = None;
    for j in i + 1..=max {
        if j > i + 1 && doc.tokens[j - 1].breaks_before > 0 {
            break;
        }
        if matches!(doc.tokens[j - 1].kind, TokKind::Punct) && !doc.is_punct(j - 1, '&') && !doc.is_punct(j - 1, '-') {
            break;
        }
        let k = doc.span_key(i, j);
        // Longer phrases only add to this one's fold: once no name starts so, none will.
        if !doc.data.may_start_name(&fold_key(&k)) {
            break;
        }
        // A phrase never ends on a connector or inside a longer capitalised name.
        if gazetteer(doc, &k).is_some() && (j == n || !(doc.is_cap(j) && doc.tokens[j].breaks_before == 0 && j == i + 1 && !doc.is_upper(i))) {
            best = Some(j);
        }
    }
    best
}

/// Whether token `i` opens an organisation name (`Ministère`, `ministère`, `musée`).
fn is_org_head(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    if w.is_ascii() && !doc.may_be_org_head(i) {
        return false; // the cheap answer: no head has this word's lowercase
    }
    doc.data.org_heads.contains(w) || doc.data.org_heads.contains(&title_case(w))
}

/// A lowercase word with an adjective ending of the language (`centrale`, `européenne`).
fn is_adjective(doc: &Doc, i: usize) -> bool {
    let w = doc.tok(i);
    doc.tokens[i].kind == TokKind::Word
        && w.chars().next().is_some_and(char::is_lowercase)
        && w.chars().count() > 3
        && !doc.data.verb_forms.contains_key(w)
        && doc.data.entries(Class::AdjectiveSuffix).any(|suf| w.ends_with(suf))
        && !doc.is_class(i, Class::Determiner)
        && !doc.is_class(i, Class::Adverb)
}

/// Extends a capitalised run from token `i`: capitalised words, initials, and connectors
/// that stand between two capitalised words.
fn extend(doc: &Doc, i: usize) -> usize {
    let n = doc.tokens.len();
    let mut j = i + 1;
    loop {
        if j >= n || doc.tokens[j].breaks_before > 0 || doc.tokens[j].sentence != doc.tokens[i].sentence {
            break;
        }
        if namelike(doc, j) && doc.tokens[j].space_before || (namelike(doc, j) && doc.is_punct(j - 1, '.')) {
            j += 1;
            continue;
        }
        // An initial: "V. Sapounov", "L. Ron Hubbard".
        if doc.is_punct(j, '.') && doc.tok(j - 1).chars().count() == 1 && j + 1 < n && namelike(doc, j + 1) && doc.tokens[j + 1].breaks_before == 0 {
            j += 1;
            continue;
        }
        if let Some(c) = connector(doc, j) {
            if c < n && namelike(doc, c) && doc.tokens[c].breaks_before == 0 {
                j = c + 1;
                continue;
            }
        }
        break;
    }
    j
}

/// Removes ordinary words capitalised by position, titles, and unlicensed connectors, then
/// pushes what remains (maybe several names) to `out`.
fn trim(doc: &Doc, c: Candidate, recurring: &HashSet<String>, out: &mut Vec<Candidate>) {
    let (mut a, b) = (c.first, c.last);
    let mut title = None;
    // Leading: positional capitals, honorifics and roles (Le, Selon, M., Président, Prime Minister).
    loop {
        if a >= b {
            return;
        }
        if title_at(doc, a).is_some_and(|t| t >= b) {
            return; // a title alone: "Prime Minister"
        }
        if let Some(t) = title_at(doc, a).filter(|&t| t < b) {
            title = Some((a, t));
            a = t;
            if doc.is_punct(a, '.') {
                a += 1;
            }
            continue;
        }
        if positional_capital(doc, a, recurring) && gazetteer(doc, &doc.span_key(a, b)).is_none() {
            a += 1;
            // "Le Premier ministre": the connector-like article left behind goes too.
            while a < b && !namelike(doc, a) {
                a += 1;
            }
            continue;
        }
        break;
    }
    if title.is_none() {
        title = title_before(doc, a);
    }
    // "Ahmed Mohamed Image: Twitter": a caption label glued to the name before it.
    let mut b = b;
    if b > a + 2 && doc.is_punct(b, ':') && doc.is_common_word(b - 1) {
        b -= 1;
    }
    // A nationality word alone is no name (Afghan, Russes).
    if b == a + 1 && doc.data.demonyms.contains(doc.key(a)) && gazetteer(doc, doc.key(a)).is_none() {
        return;
    }
    // Title-case and all-caps headlines: any ordinary word splits the run.
    let s = doc.sentence_of(a);
    if s.title_case || s.all_caps {
        let mut start = a;
        let mut k = a;
        while k < b {
            if namelike(doc, k) && positional_capital(doc, k, recurring) {
                if start < k {
                    split_connectors(doc, start, k, title.take(), out);
                }
                start = k + 1;
            }
            k += 1;
        }
        if start < b {
            split_connectors(doc, start, b, title, out);
        }
        return;
    }
    // "US President Barack Obama", "Jababeka David Quentin": a title or a given name
    // inside the run starts a person's name.
    for k in a + 1..b.saturating_sub(1) {
        let inner_title = title_at(doc, k).filter(|&t| t < b && namelike(doc, t));
        let inner_given = doc.data.given_names.contains(doc.key(k))
            && namelike(doc, k + 1)
            && !doc.data.given_names.contains(doc.key(a))
            && (a..k).any(|t| doc.tokens[t].kind == TokKind::Word && doc.tok(t).chars().count() > 1)
            && gazetteer(doc, &doc.span_key(a, b)).is_none();
        if let Some(t) = inner_title {
            split_connectors(doc, a, k, title.take(), out);
            split_connectors(doc, t, b, Some((k, t)), out);
            return;
        }
        if inner_given {
            split_connectors(doc, a, k, title.take(), out);
            split_connectors(doc, k, b, None, out);
            return;
        }
    }
    split_connectors(doc, a, b, title, out);
}

/// Honorific or role at token `i` (`M.`, `Mme`, `président`, `Prime Minister`), as the index past it.
fn title_at(doc: &Doc, i: usize) -> Option<usize> {
    let h = doc.match_class(i, Class::Honorific);
    // Roles of bodies (groupe, company, church) are no titles of people.
    let r = doc.match_class(i, Class::Role).filter(|&e| !doc.data.is(Class::OrgRole, &doc.span_text(i, e).to_lowercase()));
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
            if title_at(doc, start) == Some(k) || title_at(doc, start) == Some(k + 1) && doc.is_punct(k, '.') {
                return Some((start, k));
            }
        }
        let t = doc.tokens[k - 1];
        let adjective = t.kind == TokKind::Word
            && (doc.data.demonyms.contains(doc.key(k - 1)) || doc.tok(k - 1).chars().next().is_some_and(char::is_lowercase))
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
fn split_connectors(doc: &Doc, a: usize, b: usize, title: Option<(usize, usize)>, out: &mut Vec<Candidate>) {
    let mut start = a;
    let mut k = a;
    let mut title = title;
    while k < b {
        if !namelike(doc, k) && !doc.is_punct(k, '.') {
            let conn_end = connector(doc, k).unwrap_or(k + 1);
            let whole = doc.span_key(start, b);
            let keep = gazetteer(doc, &whole).is_some()
                || doc.data.org_heads.contains(doc.tok(start))
                || (start..k).any(|t| doc.data.org_suffixes.contains(doc.tok(t)) || doc.data.org_heads.contains(doc.tok(t)))
                || (doc.is_class(k, Class::NameParticle) && conn_end + 1 == b && k == start + 1
                    && gazetteer(doc, doc.key(start)).is_none() && gazetteer(doc, doc.key(conn_end)).is_none())
                || doc.is_punct(k, '&')
                || doc.tok(k).ends_with('-');
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
fn type_from_span(doc: &Doc, c: &mut Candidate) {
    if c.kind.is_some() {
        return;
    }
    let (a, b) = (c.first, c.last);
    let k = doc.span_key(a, b);
    let set = |c: &mut Candidate, t, why| {
        c.kind = Some(t);
        c.why = why;
    };
    if let Some((t, why)) = gazetteer(doc, &k) {
        return set(c, t, why);
    }
    if b == a + 1 && doc.data.demonyms.contains(&*k) {
        return; // a nationality word, not a name
    }
    if b == a + 1 && (doc.data.org_heads.contains(doc.tok(a)) || doc.data.org_suffixes.contains(doc.tok(a))) {
        return; // "Congrès", "Group" alone: a common noun with a capital
    }
    if doc.data.org_heads.contains(doc.tok(a)) || doc.data.org_suffixes.contains(doc.tok(b - 1)) || doc.data.org_suffixes.contains(&key(doc.span_text(b.saturating_sub(2).max(a), b))) {
        return set(c, EntityType::Organization, "organisation word");
    }
    if let Some((ta, tb)) = c.title {
        let role = doc.span_key(ta, tb).to_lowercase();
        let honorific = doc.data.is(Class::Honorific, &role) || doc.data.is(Class::Honorific, &format!("{role}."));
        let person_role = honorific || doc.data.is(Class::Role, &role) && !is_collective_role(&role, doc);
        if person_role {
            return set(c, EntityType::Person, "title before a name");
        }
    }
    let first = doc.key(a);
    if b > a + 1 && (doc.data.given_names.contains(first) || doc.tok(a).chars().count() == 1 && doc.is_punct(a + 1, '.')) && !doc.is_upper(a) {
        return set(c, EntityType::Person, "given name");
    }
    if b == a + 1 && (doc.is_upper(a) || doc.tokens[a].kind == TokKind::Dotted) && !doc.data.is(Class::PlaceAbbreviation, &k.to_lowercase()) {
        let w = doc.tok(a);
        // Model numbers (IE6), Roman numerals (XVII) and shouted words (UNLESS) are no acronyms.
        let roman = w.chars().all(|c| "IVXLCDM".contains(c));
        if w.chars().any(|c| c.is_ascii_digit()) || roman || doc.is_common_word(a) && w.chars().count() > 3 {
            return;
        }
        return set(c, EntityType::Organization, "acronym");
    }
    // "East Los Angeles", "South East Asia", "Constitution Hall", "Grand Mosque".
    let last_word = doc.tok(b - 1);
    if b > a + 1 && doc.is_class(b - 1, Class::PlaceSuffix) && doc.data.is(Class::PlaceSuffix, &last_word.to_lowercase()) {
        return set(c, EntityType::Location, "place word");
    }
    if b > a + 1 {
        let mut m = a;
        while m < b - 1 && doc.is_class(m, Class::PlaceModifier) {
            m += 1;
        }
        if m > a && gazetteer(doc, &doc.span_key(m, b)).is_some_and(|g| g.0 == EntityType::Location) {
            return set(c, EntityType::Location, "compass word before a place");
        }
    }
    if doc.data.is(Class::PlaceAbbreviation, &k.to_lowercase()) {
        return set(c, EntityType::Location, "abbreviation of a place");
    }
    // Unknown words that are also ordinary words name things more often than people
    // (Civic Passion, Home Office); names made of rare words are mostly people's.
    let ordinary = (a..b).any(|t| doc.tokens[t].kind == TokKind::Word && doc.is_common_word(t) && !doc.is_class(t, Class::NameParticle));
    if b > a + 1 && !ordinary && (a..b).all(|t| doc.is_cap(t) && !doc.is_upper(t) || doc.is_class(t, Class::NameParticle) || doc.is_punct(t, '.')) && b - a <= 4 {
        return set(c, EntityType::Person, "capitalised words");
    }
    if b > a + 1 {
        return set(c, EntityType::Organization, "capitalised words with connectors");
    }
}

/// Roles that name a body rather than a person (`gouvernement`, `police`).
fn is_collective_role(role: &str, doc: &Doc) -> bool {
    doc.data.org_heads.contains(role) || doc.data.org_heads.contains(&title_case(role)) || role.ends_with('s')
}

/// An acronym in parentheses right after its expansion gives the expansion its bounds and
/// both of them one type: `Organisation du Traité de sécurité collective (OTSC)`.
fn expand_acronyms(doc: &Doc, cands: &mut Vec<Candidate>) {
    let n = doc.tokens.len();
    let mut added = Vec::new();
    for i in 1..n.saturating_sub(2) {
        if !(doc.is_punct(i, '(') && doc.is_upper(i + 1) && doc.is_punct(i + 2, ')')) {
            continue;
        }
        let acro: Vec<char> = doc.tok(i + 1).chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
        // Walk back over the words before "(" collecting initials of content words.
        let mut initials: Vec<char> = Vec::new();
        let mut k = i;
        let mut found = None;
        while k > 0 && i - k < 16 && doc.tokens[k].breaks_before == 0 {
            k -= 1;
            let t = doc.tokens[k];
            if t.kind == TokKind::Punct && !doc.is_punct(k, '-') && !doc.is_punct(k, '&') {
                break;
            }
            let function = doc.low_is(k, Class::OrgConnector) || doc.low_is(k, Class::NameParticle) || doc.low_is(k, Class::Determiner) || t.kind == TokKind::Elision;
            if !function && t.kind == TokKind::Word {
                for part in doc.tok(k).split('-').rev() {
                    if let Some(c) = part.chars().next() {
                        initials.insert(0, c.to_lowercase().next().unwrap_or(c));
                    }
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
        let Some(start) = found else { continue };
        let kind = cands
            .iter()
            .find(|c| c.first == start && c.last == i && c.kind.is_some())
            .and_then(|c| c.kind)
            .unwrap_or(EntityType::Organization);
        // The expansion replaces the candidates inside it.
        cands.retain(|c| c.last <= start || c.first >= i);
        added.push(Candidate { first: start, last: i, kind: Some(kind), why: "expansion of an acronym in parentheses", title: None });
        let acronym_key = doc.key(i + 1);
        for c in cands.iter_mut() {
            if c.first + 1 == c.last && doc.key(c.first) == acronym_key {
                c.kind = Some(kind);
                c.why = "acronym of a name expanded in the text";
            }
        }
    }
    cands.extend(added);
    cands.sort_by_key(|c| c.first);
}

/// One type per name in a document; people's surnames and given names; unknown single
/// words typed by the document, then by their context.
fn consistency(doc: &Doc, cands: &mut [Candidate]) {
    // Only asked about common words (below), so only those are kept.
    let mut lowercase: HashSet<&str> = HashSet::with_capacity_and_hasher(doc.tokens.len() / 2, Default::default());
    lowercase.extend(
        (0..doc.tokens.len())
            .filter(|&i| doc.tokens[i].kind == TokKind::Word && doc.tok(i).chars().next().is_some_and(char::is_lowercase) && doc.is_common_word(i))
            .map(|i| doc.low(i)),
    );
    let mut typed: HashMap<String, (EntityType, usize)> = HashMap::default();
    let mut person_parts: HashSet<String> = HashSet::default();
    for c in cands.iter() {
        let Some(t) = c.kind else { continue };
        let k = fold_key(&doc.span_key(c.first, c.last));
        let e = typed.entry(k).or_insert((t, 0));
        if e.0 == t {
            e.1 += 1;
        }
        if t == EntityType::Person && c.last > c.first + 1 {
            for w in c.first..c.last {
                // A part that the document also writes in lowercase is an ordinary word
                // caught in the name ("Image" of a caption), not the person's name.
                if doc.is_cap(w) && !doc.is_class(w, Class::NameParticle) && !(doc.is_common_word(w) && lowercase.contains(doc.low(w))) {
                    person_parts.insert(fold_key(doc.tok(w)));
                }
            }
            // The surname with its particle: "de Pavant".
            if let Some(p) = (c.first + 1..c.last).find(|&w| doc.is_class(w, Class::NameParticle)) {
                person_parts.insert(fold_key(&doc.span_key(p, c.last)));
            }
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::default();
    for c in cands.iter().filter(|c| c.kind.is_none() && c.last == c.first + 1) {
        *counts.entry(fold_key(doc.tok(c.first))).or_default() += 1;
    }
    for c in cands.iter_mut() {
        let connectors = c.kind == Some(EntityType::Organization) && c.why == "capitalised words with connectors";
        if !connectors && c.kind.is_some() {
            continue; // typed, and kept
        }
        let k = fold_key(&doc.span_key(c.first, c.last));
        if connectors || c.kind.is_none() {
            if person_parts.contains(&k) {
                c.kind = Some(EntityType::Person);
                c.why = "part of a person's name given in full";
                continue;
            }
        }
        if c.kind.is_some() {
            continue;
        }
        if let Some(&(t, _)) = typed.get(&k) {
            c.kind = Some(t);
            c.why = "typed elsewhere in the document";
            continue;
        }
        let (a, b) = (c.first, c.last);
        if b != a + 1 {
            continue;
        }
        if doc.data.given_names.contains(doc.key(a)) {
            c.kind = Some(EntityType::Person);
            c.why = "given name";
            continue;
        }
        // "à Lagos", "en Grèce", "in Kabul".
        let before = if a > 0 && doc.tokens[a].breaks_before == 0 { Some(a - 1) } else { None };
        if before.is_some_and(|p| doc.is_class(p, Class::LocationPreposition)) {
            c.kind = Some(EntityType::Location);
            c.why = "preposition of place before it";
            continue;
        }
        if doc.is_common_word(a) {
            continue; // "État", "Sommet": an ordinary word with a capital
        }
        // The subject or the source of a speech verb is a person: "Poutine a averti",
        // ", a déclaré Tokayev", "selon Tokayev".
        if speaks_after(doc, b) || spoken_before(doc, a) {
            c.kind = Some(EntityType::Person);
            c.why = "speaker of a speech verb";
            continue;
        }
        // A rare word the document keeps writing with a capital is the name of what it is
        // about; people are known by their full names, so it names an organisation.
        if counts.get(&k).copied().unwrap_or(0) >= 4 && !doc.is_upper(a) {
            c.kind = Some(EntityType::Organization);
            c.why = "recurring capitalised word";
            continue;
        }
        // A single unknown capitalised word without evidence is left untyped: on news text
        // it is a person's name less often than a product, an event or a common noun.
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
    let source = (p.saturating_sub(2)..=p).any(|s| doc.match_class(s, Class::SourceCue) == Some(a));
    source || doc.verb_form(p).is_some() && (p > 0 && (doc.is_punct(p - 1, ',') || doc.low_is(p - 1, Class::Auxiliary)))
}

/// A key that ignores case, accents and y/i transliteration (Tokayev = Tokaïev).
pub fn fold_key(s: &str) -> String {
    crate::lang::fold(s)
}
