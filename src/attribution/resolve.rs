//! Speaker resolution: the roles the article binds to people (titles, appositions), and the
//! cluster a name, pronoun or description refers to.

use crate::clusters::Mention;
use crate::lang::Class;
use crate::schema::EntityType;
use crate::segment::{Doc, TokKind};

use super::{Ctx, RoleBinding, Who, low_value, lowercase};

/// The gender of each cluster that a person's title (`Mme`, `Mr`) or given name (`Anne
/// Martin`, not a lone `Martin`) tells; the first mention that tells wins.
pub(super) fn cluster_genders(doc: &Doc, mentions: &[Mention], clusters: usize) -> Vec<Option<bool>> {
    let mut out = vec![None; clusters];
    for m in mentions {
        if m.kind != EntityType::Person || out.get(m.cluster).is_none_or(|g| g.is_some()) {
            continue;
        }
        // (A title of no gender, "Dr", "Me", tells nothing: the given name may.)
        // (The title may be written with its period, "M.", one entry of two tokens.)
        let gender_of = |t: usize| doc.match_class(t, Class::Honorific).and_then(|e| doc.data.value(Class::Honorific, &lowercase(doc.span_text(t, e))));
        let by_title = m.title.and_then(|(a, b)| (a..b).find_map(|t| gender_of(t).filter(|v| !v.is_empty())));
        let gender = match by_title {
            Some(v) => Some(v == "f"),
            None if m.last > m.first + 1 => doc.data.given_names.get(doc.key(m.first)).copied().flatten(),
            None => None,
        };
        out[m.cluster] = gender;
    }
    // A person only ever called by a given name ("Gloria"): that name's gender. (A lone word
    // in a cluster with fuller names is more likely a surname: "Martin" for "Anne Martin".)
    let mut longest = vec![0; clusters];
    for m in mentions {
        if let Some(l) = longest.get_mut(m.cluster) {
            *l = (*l).max(m.last - m.first);
        }
    }
    for m in mentions {
        if m.kind == EntityType::Person && longest.get(m.cluster) == Some(&1) && out[m.cluster].is_none() {
            out[m.cluster] = doc.data.given_names.get(doc.key(m.first)).copied().flatten();
        }
    }
    out
}

impl<'a> Ctx<'a, '_> {
    /// Role bindings from titles before names (`le président russe Vladimir Poutine`) and
    /// appositions (`le président kazakh, Kassym-Jomart Tokaïev,` / `X, porte-parole de Y,`).
    pub(super) fn bind_roles(&mut self) {
        let doc = self.doc;
        for m in self.mentions {
            // "L'ONG Human Rights Watch", "the company Medica": an organisation after its kind.
            if m.kind == EntityType::Organization && m.first > 0 && doc.is_class(m.first - 1, Class::OrgRole) {
                if let Some((key, head)) = self.description_ending_at(m.first - 1).and_then(|a| self.role_key(a, m.first)) {
                    self.roles.push((m.first, key, head, m.cluster));
                }
            }
            if m.kind != EntityType::Person {
                continue;
            }
            // (Not a title the name's tagger took from the end of the sentence before: "…, a
            // expliqué le dirigeant. Marie Delorme a quitté …".)
            if let Some((ta, _)) = m.title.filter(|&(ta, _)| doc.tokens[ta].sentence == doc.tokens[m.first].sentence) {
                if let Some((key, head)) = self.role_key(ta, m.first) {
                    self.roles.push((m.first, key, head, m.cluster));
                }
            }
            if m.first >= 2 && doc.is_punct(m.first - 1, ',') {
                if let Some(words) = self.apposition_before(m.first - 1) {
                    self.appositions.push((m.first, words, m.cluster));
                }
            }
            if doc.is_punct(m.last, ',') {
                if let Some(words) = self.apposition_after(m.last + 1) {
                    self.appositions.push((m.first, words, m.cluster));
                }
            }
            // "le président kazakh, X,": a description right before ", X".
            if m.first >= 2 && doc.is_punct(m.first - 1, ',') {
                if let Some(a) = self.description_ending_at(m.first - 2) {
                    if let Some((key, head)) = self.role_key(a, m.first - 1) {
                        self.roles.push((m.first, key, head, m.cluster));
                    }
                }
            }
            // "X, porte-parole du Kremlin,": a description right after "X,", closed by
            // punctuation or after a person who opens the sentence (not "Selon X, le ministre
            // a promis …", where the description is the next clause's subject).
            if doc.is_punct(m.last, ',') {
                let closed = |b: usize| b >= doc.tokens.len() || doc.tokens[b].kind == TokKind::Punct || m.first == doc.sentence_of(m.first).first_word;
                if let Some(b) = self.description_starting_at(m.last + 1).filter(|&b| closed(b)) {
                    if let Some((key, head)) = self.role_key(m.last + 1, b) {
                        self.roles.push((m.first, key, head, m.cluster));
                    }
                }
            }
        }
    }

    /// The content words of a description (lowercase, without determiners, prepositions and
    /// conjunctions), or `None` when a verb or punctuation stands in it.
    fn description_words(&self, a: usize, b: usize) -> Option<Vec<&'a str>> {
        let doc = self.doc;
        let mut words = Vec::new();
        for t in a..b {
            let tok = doc.tokens[t];
            if tok.kind == TokKind::Punct || tok.breaks_before > 0 && t > a || doc.verb_form(t).is_some() || doc.is_class(t, Class::Auxiliary) {
                return None;
            }
            let function = [Class::Determiner, Class::Genitive, Class::Preposition, Class::OrgConnector, Class::Coordinator].iter().any(|&c| doc.is_class(t, c));
            if tok.kind == TokKind::Word && !function {
                // (A token's key is lowercase already.)
                words.push(doc.low(t));
            }
        }
        (!words.is_empty()).then_some(words)
    }

    /// The description ending before the comma at `comma` that opens with a determiner
    /// (`avec son complice de toujours, X`), as its content words.
    fn apposition_before(&self, comma: usize) -> Option<Vec<&'a str>> {
        let doc = self.doc;
        let s = doc.sentence_of(comma);
        let lo = s.first.max(comma.saturating_sub(8));
        let start = (lo..comma).rev().find(|&d| {
            let opens = doc.is_class(d, Class::Determiner) || doc.tokens[d].kind == TokKind::Elision;
            // (Not "de la" inside the description.)
            opens && (d == 0 || !doc.is_class(d - 1, Class::Genitive) && !doc.is_class(d - 1, Class::OrgConnector))
        })?;
        self.description_words(start, comma)
    }

    /// The description after a name's comma, from a determiner to the next comma or the end
    /// of the sentence (`X, an Australian woman and former member,`).
    fn apposition_after(&self, a: usize) -> Option<Vec<&'a str>> {
        let doc = self.doc;
        if a >= doc.tokens.len() || !(doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision) {
            return None;
        }
        let s = doc.sentence_of(a);
        let end = (a + 1..s.last.min(a + 10)).find(|&t| doc.tokens[t].kind == TokKind::Punct)?;
        if !(doc.is_punct(end, ',') || doc.is_punct(end, '.') || doc.is_punct(end, ';')) {
            return None;
        }
        self.description_words(a, end)
    }

    /// The person the article described with all the words of the description `a..b`
    /// (`son complice` for `son complice de toujours, X`): the nearest before, else the first
    /// after.
    fn apposition_person(&self, a: usize, b: usize) -> Option<usize> {
        let words = self.description_words(a, b)?;
        let fits = |r: &&(usize, Vec<&str>, usize)| words.iter().all(|w| r.1.contains(w));
        let split = self.appositions.partition_point(|r| r.0 <= a);
        let before = self.appositions[..split].iter().rev().take(256).find(fits);
        before.or_else(|| self.appositions[split..].iter().take(256).find(fits)).map(|r| r.2)
    }

    /// A definite singular person's role after its cue (`« … » a poursuivi l'expert`, `added
    /// the spokesman`) that nothing binds: the person who spoke in the last two sentences
    /// before its claim (at token `pos`), or the subject of its sentence or the one before. (Before its cue, `Le chercheur précise` may well
    /// bring in someone new.)
    fn recent_speaker(&self, a: usize, b: usize, pos: usize) -> Option<usize> {
        let doc = self.doc;
        if a < pos {
            return None;
        }
        let det = low_value(doc, a, Class::Determiner).or_else(|| (doc.tokens[a].kind == TokKind::Elision).then_some(""))?;
        let last = doc.low(b - 1);
        // (A determiner's value is "pl", "indef" or "indef.pl": prefix and suffix tests, where
        // `contains` would bring a substring searcher into the page.)
        let plural = det.ends_with("pl") || det.starts_with("indef") || doc.data.entries(Class::PluralSuffix).any(|s| last.ends_with(s));
        // (Nor a role of a body, "le porte-parole de la police": someone new but for a role
        // the article bound.)
        if plural || doc.data.is(Class::OrgRole, last) || (a..b).any(|t| doc.is_class(t, Class::DocumentNoun) || doc.is_class(t, Class::OrgConnector)) {
            return None;
        }
        let sentence = doc.tokens[pos].sentence;
        let near = |t: usize, n: u32| sentence.saturating_sub(doc.tokens[t].sentence) <= n;
        let mut best = self.spoken.last().copied().filter(|&(p, c)| near(p, 2) && self.cluster_kind(c) == Some(EntityType::Person));
        // Or the person who stood as the subject of the sentence before, if later, and whom
        // the article gave a role: "Le président du club, X, a limogé l'entraîneur. « … », a
        // expliqué le dirigeant." (Not "X a été interpellé. « … », a indiqué le procureur".)
        let before = self.mentions.partition_point(|m| m.first < pos);
        for m in self.mentions[..before].iter().rev() {
            if !near(m.first, 1) || best.is_some_and(|(p, _)| m.first < p) {
                break;
            }
            if m.kind == EntityType::Person && self.is_subject(m) {
                if self.roles.iter().any(|r| r.3 == m.cluster) {
                    best = Some((m.first, m.cluster));
                }
                break;
            }
        }
        best.map(|(_, c)| c)
    }

    /// The lowercase role phrase of tokens `a..b` without its determiner, and its head role.
    pub(super) fn role_key(&self, a: usize, b: usize) -> Option<(String, String)> {
        let doc = self.doc;
        let mut a = a;
        while a < b && (doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision) {
            a += 1;
        }
        if a >= b {
            return None;
        }
        let head_end = doc.match_class(a, Class::Role).or_else(|| doc.match_class(a, Class::Honorific))?;
        let key = lowercase(doc.span_text(a, b));
        // (Most descriptions are their head role: "le président".)
        let head = if head_end >= b { key.clone() } else { lowercase(doc.span_text(a, head_end)) };
        Some((key, head))
    }

    /// A description (`le président kazakh`, `the spokesman`) ending at token `end`, as its first token.
    pub(super) fn description_ending_at(&self, end: usize) -> Option<usize> {
        let doc = self.doc;
        let lo = end.saturating_sub(8);
        // Its role starts at or before `end`: without a token that may start one, no
        // description ends there (most calls, as speakers are looked for word by word).
        let role = (lo..=end).find(|&t| doc.may_start_class(t, Class::Role))?;
        // Its role stands at most two tokens (determiners) after its start.
        (role.saturating_sub(2).max(lo)..=end).find(|&d| {
            (d == 0 || !doc.is_class(d - 1, Class::Determiner) && doc.tokens[d - 1].kind != TokKind::Elision)
                && self.description_starting_at(d) == Some(end + 1)
        })
    }

    /// A description starting at token `a`, as the index past it: [det] role [adjectives]
    /// [de + name or word].
    pub(super) fn description_starting_at(&self, a: usize) -> Option<usize> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let mut k = a;
        while k < n && (doc.is_class(k, Class::Determiner) || doc.tokens[k].kind == TokKind::Elision) && k < a + 2 {
            k += 1;
        }
        let mut end = doc.match_class(k, Class::Role)?;
        // Adjectives and demonyms: "kazakh", "russe", "japonais", "américain".
        while end < n && end < k + 6 && doc.tokens[end].breaks_before == 0 && doc.tokens[end].kind == TokKind::Word {
            let w = doc.tok(end);
            let low = doc.low(end);
            let adjective = (doc.data.demonyms.contains(w) || doc.data.demonyms.contains(low)) && w.chars().next().is_some_and(char::is_lowercase);
            if adjective {
                end += 1;
                continue;
            }
            break;
        }
        // "de la MEA", "du Kremlin", "of the company", "de l'OTSC".
        if end < n && doc.tokens[end].breaks_before == 0 {
            let conn = doc.match_class(end, Class::OrgConnector).filter(|_| doc.match_class(end, Class::Genitive).is_some());
            if let Some(c) = conn {
                let mut c = c;
                while c < n && (doc.is_class(c, Class::Determiner) || doc.tokens[c].kind == TokKind::Elision) && c < end + 3 {
                    c += 1;
                }
                if let Some(m) = self.mention_starting_at(c) {
                    return Some(self.mentions[m].last);
                }
                if c < n && doc.tokens[c].kind == TokKind::Word && doc.tokens[c].breaks_before == 0 && doc.verb_form(c).is_none() {
                    return Some(c + 1);
                }
            }
        }
        Some(end)
    }

    /// The cluster a speaker mention refers to.
    pub(super) fn resolve(&self, w: Who, pos: usize, not: Option<usize>) -> Option<usize> {
        match w {
            Who::Mention(m) => Some(self.mentions[m].cluster),
            Who::Pronoun { tok, span, plural } => self.resolve_pronoun(tok.min(pos), span, plural, not),
            Who::Description(a, b) => self.resolve_description(a, b, pos),
            Who::Group(..) => None,
        }
    }

    /// A pronoun: the latest person who spoke or stood first in a sentence before it;
    /// a plural pronoun: the latest organisation that spoke.
    pub(super) fn resolve_pronoun(&self, tok: usize, span: (usize, usize), plural: bool, not: Option<usize>) -> Option<usize> {
        let doc = self.doc;
        // "il" / "she": a person of another gender is not its referent.
        // ("selon lui", "according to her": a stressed pronoun tells its gender too.)
        let low = lowercase(&doc.text[span.0..span.1]);
        let value = doc.data.value(Class::PronounSubject, &low).or_else(|| doc.data.value(Class::StressedPronoun, &low));
        // "he" / "she" never stand for an organisation, "it" never for a person.
        let only_person = value.is_some_and(|v| v.ends_with("person"));
        let neuter = value.is_some_and(|v| v.starts_with('n'));
        let wanted = if plural || neuter { EntityType::Organization } else { EntityType::Person };
        let pronoun_female = value.and_then(|v| match v.as_bytes().first() {
            Some(b'f') => Some(true),
            Some(b'm') => Some(false),
            _ => None,
        });
        let fits = |c: usize| Some(c) != not && (pronoun_female.is_none() || self.female.get(c).copied().flatten().is_none_or(|f| Some(f) == pronoun_female));
        // "Ce dernier", "celui-ci": the person named last, whatever their place.
        let named_last = value.is_some_and(|v| v.ends_with("last"));
        // The latest speaker within the last few sentences, whatever its type ("elle" for
        // "l'ONG", "it" for a company); further back, only one of the pronoun's type.
        let sentence = doc.tokens[tok].sentence;
        let last_spoken = self.spoken.iter().rev().take(64).find(|(p, c)| {
            let near = sentence.saturating_sub(doc.tokens[*p].sentence) <= 2;
            let kind = self.cluster_kind(*c);
            let neuter_for_person = neuter && kind == Some(EntityType::Person);
            (near && !plural && !only_person && !neuter_for_person || kind == Some(wanted)) && fits(*c)
        });
        // Latest subject-position mention before the pronoun.
        let before = self.mentions.partition_point(|m| m.first < tok);
        let mut latest_subject = None;
        let mut latest_any = None;
        for m in self.mentions[..before].iter().rev().take(200) {
            // (What "cette dernière" takes may be a body: "… a racheté la société X. Cette
            // dernière a annoncé …".)
            let body_named_last = named_last && m.kind == EntityType::Organization;
            if m.kind != wanted && !body_named_last || !fits(m.cluster) {
                continue;
            }
            if latest_any.is_none() {
                latest_any = Some((m.first, m.cluster));
                if named_last {
                    return Some(m.cluster);
                }
            }
            if self.is_subject(m) {
                latest_subject = Some((m.first, m.cluster));
                break;
            }
        }
        let candidates = [last_spoken.copied(), latest_subject];
        let best = candidates.into_iter().flatten().max_by_key(|(p, _)| *p).or(latest_any);
        // "The authors say … They call for …": an unnamed group that spoke since is the
        // referent, and it has no cluster.
        if plural {
            let group = self.groups_spoken.last().filter(|&&g| g < tok && sentence.saturating_sub(doc.tokens[g].sentence) <= 2);
            if group.is_some_and(|&g| best.is_none_or(|(p, _)| p < g)) {
                return None;
            }
        }
        best.map(|(_, c)| c)
    }

    /// Whether mention `m` opens its sentence, the subject's place.
    /// (One copy for its two callers: the page is at its size budget.)
    #[inline(never)]
    fn is_subject(&self, m: &Mention) -> bool {
        let doc = self.doc;
        // ("Allegedly, X …", "On Monday, X …": after a short opening phrase.)
        let opens = |a: usize| doc.starts_sentence(a) || self.after_opening_phrase(a);
        // ("Le maire de Rennes, Louis Perrin, s'est dit …": after the role that opens it.)
        let apposed = m.first >= 2 && doc.is_punct(m.first - 1, ',') && self.description_ending_at(m.first - 2).is_some_and(opens);
        opens(m.first) || apposed || m.title.is_some_and(|(a, _)| opens(a) || a > 0 && doc.is_class(a - 1, Class::Determiner) && opens(a - 1))
    }

    /// Whether the phrase `a..b` names several (`les syndicats`, `The authors`).
    pub(super) fn plural_phrase(&self, a: usize, b: usize) -> bool {
        let doc = self.doc;
        let det = low_value(doc, a, Class::Determiner);
        let last = doc.low(b - 1);
        det.is_some_and(|d| d.ends_with("pl")) || doc.data.entries(Class::PluralSuffix).any(|s| last.ends_with(s))
    }

    /// Whether token `a` follows the comma of a short verbless phrase that opens its sentence.
    fn after_opening_phrase(&self, a: usize) -> bool {
        let doc = self.doc;
        let s = doc.sentence_of(a);
        a >= s.first_word + 2
            && a - s.first_word <= 5
            && doc.is_punct(a - 1, ',')
            && (s.first_word..a - 1).all(|t| doc.tokens[t].kind != TokKind::Punct && doc.verb_form(t).is_none() && !doc.is_class(t, Class::Auxiliary) && self.mention_at(t).is_none_or(|m| self.mentions[m].kind == EntityType::Date))
    }

    pub(super) fn cluster_kind(&self, c: usize) -> Option<EntityType> {
        self.kinds.get(c).copied()
    }

    /// A description: the person the article gives that role (nearest before, else the
    /// first after), matching the whole role phrase first, then its head.
    pub(super) fn resolve_description(&self, a: usize, b: usize, pos: usize) -> Option<usize> {
        // "Barroso, le président de la Commission européenne se dit …": a role set after the
        // person who opens the sentence (the closing comma forgotten) is that person.
        if a >= 2 && self.doc.is_punct(a - 1, ',') && self.role_key(a, b).is_some() {
            let person = self.mention_ending_at(a - 2).filter(|&m| self.mentions[m].kind == EntityType::Person && self.mentions[m].first == self.doc.sentence_of(a).first_word);
            if let Some(m) = person {
                return Some(self.mentions[m].cluster);
            }
        }
        // "le communiqué du ministère", "The results of the X Study": the body whose text it is.
        if self.doc.is_class(a, Class::DocumentNoun) || self.doc.is_class(a + 1, Class::DocumentNoun) {
            // (Not a name that qualifies the document, "NCLAN studies", or is part of its
            // title, "the Iodine Nutrition Study": the document speaks, not a body.)
            let titled = |m: usize| {
                let l = self.mentions[m].last;
                l < b && self.doc.is_class(l, Class::DocumentNoun)
            };
            if let Some(m) = (a..b).find_map(|t| self.mention_at(t)).filter(|&m| matches!(self.mentions[m].kind, EntityType::Person | EntityType::Organization) && !titled(m)) {
                return Some(self.mentions[m].cluster);
            }
        }
        let Some((key, head)) = self.role_key(a, b) else {
            // "l'organisation militant pour …", "le collectif de défense …": an organisation word.
            let mut h = a;
            while h < b && (self.doc.is_class(h, Class::Determiner) || self.doc.tokens[h].kind == TokKind::Elision) {
                h += 1;
            }
            if let Some(c) = self.apposition_person(a, b) {
                return Some(c);
            }
            // "The security firm Kelbrix.net": a name that ends the description (but for a web
            // suffix glued to it) is its head, and so its referent.
            let glued = |t: usize| !self.doc.tokens[t].space_before;
            if let Some(m) = (h + 1..b).rev().take_while(|&t| self.mention_at(t).is_some() || glued(t)).find_map(|t| self.mention_at(t)) {
                let m = &self.mentions[m];
                // (Not a complement: "a letter seen by Sky News".)
                let head_words = (h..m.first).all(|t| self.np_token(t) && ![Class::Preposition, Class::LocationPreposition, Class::Genitive, Class::OrgConnector].iter().any(|&c| self.doc.is_class(t, c)));
                if m.first > h && head_words && (m.last..b).all(glued) && matches!(m.kind, EntityType::Person | EntityType::Organization) {
                    return Some(m.cluster);
                }
            }
            // "The security firm Secunia.com": a name the description holds is its own referent.
            if h >= b || (h + 1..b).any(|t| self.doc.is_cap(t) && self.mention_at(t).is_none()) {
                return None;
            }
            // "the Church" for the Church of Scientology, "la Commission" for the Commission
            // européenne: an organisation named with that word.
            return self.organisation_named_with(a, h).or_else(|| self.doc.is_class(h, Class::OrgRole).then(|| self.latest_organisation(a)).flatten());
        };
        // Roles are bound in text order; the nearest before `a`, else the first after.
        // ("the government", "le groupe": an organisation's word never names a person.)
        let org_word = self.doc.data.is(Class::OrgRole, &head);
        let fits = |r: &RoleBinding| !org_word || self.cluster_kind(r.3) == Some(EntityType::Organization);
        let pick = |f: &dyn Fn(&RoleBinding) -> bool| {
            let split = self.roles.partition_point(|r| r.0 <= a);
            let before = self.roles[..split].iter().rev().take(256).find(|r| f(r) && fits(r));
            let after = self.roles[split..].iter().take(256).find(|r| f(r) && fits(r));
            before.or(after).map(|r| r.3)
        };
        let bound = pick(&|r| r.1 == key).or_else(|| {
            // The head alone ("le président") only when the description adds nothing else.
            (key == head).then(|| pick(&|r| r.2 == head)).flatten()
        });
        if bound.is_some() {
            return bound;
        }
        if !org_word {
            if let Some(c) = self.apposition_person(a, b).or_else(|| self.recent_speaker(a, b, pos)) {
                return Some(c);
            }
        }
        // "l'ONG", "le groupe", "the company": the organisation that last spoke or was named.
        if self.doc.data.is(Class::OrgRole, &head) {
            let h = (a..b).find(|&t| self.doc.is_class(t, Class::OrgRole)).unwrap_or(a);
            // "The Department of Agriculture" with capitals the tagger did not take for a
            // name: a body named by itself, not the last one named.
            let doc = self.doc;
            let named = |t: usize| doc.is_cap(t) && !doc.starts_sentence(t) && self.mention_at(t).is_none();
            if doc.is_cap(h) && self.mention_at(h).is_none() && (h + 1..b).any(named) {
                return None;
            }
            return self.organisation_named_with(a, h).or_else(|| self.latest_organisation(a));
        }
        None
    }

    /// The latest organisation before token `a` whose name holds the word at token `h`.
    pub(super) fn organisation_named_with(&self, a: usize, h: usize) -> Option<usize> {
        let doc = self.doc;
        let word = doc.low(h);
        let before = self.mentions.partition_point(|m| m.first < a);
        self.mentions[..before]
            .iter()
            .rev()
            .take(300)
            .find(|m| m.kind == EntityType::Organization && m.last - m.first > 1 && (m.first..m.last).any(|t| doc.low(t) == word))
            .map(|m| m.cluster)
    }

    /// The organisation that last spoke or was named before token `a`.
    pub(super) fn latest_organisation(&self, a: usize) -> Option<usize> {
        let before = self.mentions.partition_point(|m| m.first < a);
        let spoken = self.spoken.iter().rev().take(64).find(|(_, c)| self.cluster_kind(*c) == Some(EntityType::Organization)).map(|&(p, c)| (p, c));
        // (Not the addressee of a speaker: "he told the BBC. The company said …", "a indiqué
        // à l'AFP".)
        let doc = self.doc;
        let addressee = |m: &Mention| {
            let mut p = m.first;
            while p > 0 && (doc.is_class(p - 1, Class::Determiner) || doc.tokens[p - 1].kind == TokKind::Elision) && m.first - p < 2 {
                p -= 1;
            }
            let to = |t: usize| doc.is_class(t, Class::Preposition) || doc.is_class(t, Class::LocationPreposition);
            p > 0 && (doc.is_class(p - 1, Class::AddresseeVerb) || p > 1 && to(p - 1) && doc.verb_form(p - 2).is_some())
        };
        let named = self.mentions[..before].iter().rev().take(200).find(|m| m.kind == EntityType::Organization && !addressee(m)).map(|m| (m.first, m.cluster));
        [spoken, named].into_iter().flatten().max_by_key(|(p, _)| *p).map(|(_, c)| c)
    }
}
