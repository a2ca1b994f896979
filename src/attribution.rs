//! Attributed claims: direct quotes and reported speech, each tied to its cue and speaker.
//!
//! Requires: a segmented [`Doc`], the entity mentions with their clusters, and the
//! quotations. Assigns: claims (content, cue, speaker mention and resolved cluster), and
//! the descriptions that point to a cluster (`le président kazakh`) as its aliases.
//!
//! Steps: find cues (speech-verb forms with their auxiliaries and inversions, `selon`,
//! `according to`); attach statement quotations to the cue beside them (`« … », a-t-il
//! dit`, `X said: "…"`), or to the speaker of a neighbouring piece of the same quote; read
//! reported speech after or before each remaining cue (`X a déclaré que …`, `…, a déclaré
//! X`, `selon X, …`); read headline attributions (`… — porte-parole du Kremlin`,
//! `X : « … »`); then resolve speakers: names to their clusters, pronouns to the latest
//! person in subject position, descriptions to the person the article gives that role.



use crate::lang::Class;
use crate::clusters::{Group, Mention};
use crate::lang::Lang;
use crate::quotes::Quote;
use crate::schema::{ClaimKind, EntityType};
use crate::segment::{Doc, TokKind};

/// The most tokens a reported clause (or the clause before an inverted cue) may span.
const MAX_CLAUSE_TOKENS: usize = 400;

/// A claim found, with byte spans.
#[derive(Debug, Clone)]
pub struct Found {
    pub kind: ClaimKind,
    pub content: (usize, usize),
    pub cue: Option<(usize, usize)>,
    pub speaker: Option<FoundSpeaker>,
    pub why: &'static str,
}

/// A speaker mention (byte span) and the cluster it refers to.
#[derive(Debug, Clone)]
pub struct FoundSpeaker {
    pub span: (usize, usize),
    pub cluster: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum CueKind {
    /// A speech verb; `participle` for `ajoutant`, `adding`.
    Verb { accuses: bool, participle: bool, contentless: bool, clause: bool, passive: bool },
    /// `selon`, `d'après`, `according to`.
    Source,
    /// `Pour X, …` / `For X, …` opening a sentence: a view when X is a person or organisation.
    Opinion,
}

#[derive(Debug, Clone, Copy)]
struct Cue {
    first: usize,
    last: usize,
    kind: CueKind,
    /// The pronoun of an inversion (`a-t-il`, `dit-elle`): token and byte span.
    inverted: Option<(usize, usize, usize)>,
}

/// Who a speaker mention is, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Mention(usize),
    Pronoun { tok: usize, span: (usize, usize), plural: bool },
    Description(usize, usize),
}

struct Ctx<'a, 't> {
    doc: &'a Doc<'t>,
    mentions: &'a [Mention],
    /// Mention covering each token.
    at: Vec<Option<usize>>,
    /// Role bindings: (token position, role key, head role, cluster).
    roles: Vec<(usize, String, String, usize)>,
    /// Clusters that have spoken, with the token where they did.
    spoken: Vec<(usize, usize)>,
    /// The type of each cluster.
    kinds: Vec<EntityType>,
    /// The gender of each person cluster when its names or titles tell it (`true`: a woman).
    female: Vec<Option<bool>>,
}

/// Finds the claims of `doc`.
pub fn find(doc: &Doc, mentions: &[Mention], groups: &mut [Group], quotes: &[Quote]) -> Vec<Found> {
    let mut at = vec![None; doc.tokens.len()];
    for (i, m) in mentions.iter().enumerate() {
        for slot in &mut at[m.first..m.last] {
            *slot = Some(i);
        }
    }
    let kinds = groups.iter().map(|g| g.kind).collect();
    let female = cluster_genders(doc, mentions, groups.len());
    let mut ctx = Ctx { doc, mentions, at, roles: Vec::new(), spoken: Vec::new(), kinds, female };
    ctx.bind_roles();
    let cues = find_cues(doc, &ctx);
    let mut raw: Vec<(ClaimKind, (usize, usize), Option<usize>, Option<Who>, &'static str, usize)> = Vec::new();
    // (kind, content bytes, cue index, who, why, position token)
    let mut used_cue = vec![false; cues.len()];
    let mut quote_speaker: Vec<Option<(Option<usize>, Option<Who>)>> = vec![None; quotes.len()];
    let cue_starting = |tok: usize| cue_at(&cues, tok);

    // 1. Quotations attached to a cue beside them.
    let enclosed = enclosed_by_statements(quotes);
    for (qi, q) in quotes.iter().enumerate() {
        if !q.statement || q.depth > 0 && enclosed[qi] {
            continue;
        }
        if let Some((ci, who)) = ctx.attach_right(q, &cues, cue_starting).or_else(|| ctx.attach_left(q, &cues)) {
            used_cue[ci] = true;
            quote_speaker[qi] = Some((Some(ci), who));
        } else if let Some(who) = ctx.headline_colon(q) {
            quote_speaker[qi] = Some((None, Some(who)));
        }
    }
    // 2. Pieces of one quotation: split by its cue, or reopened in the next paragraph.
    for _ in 0..2 {
        for qi in 0..quotes.len() {
            if quote_speaker[qi].is_some() || !quotes[qi].statement || quotes[qi].depth > 0 {
                continue;
            }
            let neighbour = |j: usize| quote_speaker[j].filter(|_| same_quote_chain(doc, &quotes[qi], &quotes[j], qi, j));
            let found = (qi.saturating_sub(4)..qi).rev().find_map(neighbour).or_else(|| (qi + 1..quotes.len().min(qi + 5)).find_map(neighbour));
            if let Some((ci, who)) = found {
                quote_speaker[qi] = Some((ci, who));
            }
        }
    }
    // A quotation that opens a paragraph right after a paragraph ending in an attributed
    // quotation goes on with the same speaker.
    for qi in 1..quotes.len() {
        let q = &quotes[qi];
        if quote_speaker[qi].is_some() || !q.statement || q.depth > 0 || doc.tokens[q.open].breaks_before == 0 {
            continue;
        }
        let para = doc.sentence_of(q.open).paragraph;
        let Some(pi) = (qi.saturating_sub(8)..qi).rev().find(|&j| quotes[j].depth == 0) else { continue };
        let prev = &quotes[pi];
        let prev_para = doc.sentence_of(prev.open).paragraph;
        let last_of_para = prev.close.map_or(prev.tokens.1, |c| c + 1);
        let tail = (last_of_para..q.open).filter(|&t| doc.tokens[t].kind != TokKind::Punct).count();
        if prev_para + 1 == para && tail <= 12 {
            if let Some((ci, who)) = quote_speaker[pi] {
                quote_speaker[qi] = Some((ci, who));
            }
        }
    }
    for (qi, q) in quotes.iter().enumerate() {
        if let Some((ci, who)) = quote_speaker[qi] {
            // "L'usine produira … jusqu'« à 500 millions », explique X": a quotation that
            // ends a clause its cue follows reports the whole clause.
            let start = ctx.clause_start(q.open);
            let words_before = (start..q.open).filter(|&t| doc.tokens[t].kind != TokKind::Punct).count();
            let cue_after = ci.is_some_and(|c| cues[c].first > q.open);
            let cue_inside = cues[cues.partition_point(|c| c.first < start)..].first().is_some_and(|c| c.first < q.open);
            if cue_after && !cue_inside && words_before >= 4 && doc.sentence_of(start).first == doc.sentence_of(q.open).first {
                let content = ctx.trim(doc.tokens[start].start, q.close.map_or(q.content.1, |c| doc.tokens[c].end));
                raw.push((ClaimKind::Direct, content, ci, who, "clause ending in a quotation, then its cue", start));
            } else {
                raw.push((ClaimKind::Direct, q.content, ci, who, "quotation beside its cue", q.open));
            }
        }
    }
    // 3. Reported speech around the other cues.
    let mut direct: Vec<(usize, usize)> = raw.iter().map(|r| r.1).collect();
    direct.sort_unstable();
    let inside_direct = |c: (usize, usize)| {
        let i = direct.partition_point(|d| d.0 <= c.0);
        i > 0 && direct[i - 1].1 >= c.1
    };
    let holds_direct = |c: (usize, usize)| {
        let i = direct.partition_point(|d| d.0 < c.0);
        direct.get(i).is_some_and(|d| d.1 <= c.1)
    };
    for (ci, cue) in cues.iter().enumerate() {
        if used_cue[ci] {
            continue;
        }
        if let Some((content, who, why, quoted)) = ctx.reported(cue, &cues, quotes) {
            let kind = if quoted { ClaimKind::Direct } else { ClaimKind::Indirect };
            // Content already claimed as a quotation is not claimed again.
            if inside_direct(content) || quoted && holds_direct(content) {
                continue;
            }
            raw.push((kind, content, Some(ci), who, why, cue.first));
        }
    }
    // 4. Headlines that attribute by a dash.
    for s in 0..doc.sentences.len() {
        if let Some((content, who)) = ctx.dash_headline(s) {
            raw.push((ClaimKind::Indirect, content, None, Some(who), "headline attributed by a dash", doc.sentences[s].first));
        }
    }
    // 5. Pull quotes signed at the end of their paragraph ("… suppressive. Valeska Paris",
    // "« … » — Jean Dupont, maire").
    for s in 0..doc.sentences.len() {
        if let Some((content, who, quoted)) = ctx.signed_paragraph(s, quotes) {
            if !raw.iter().any(|r| r.1 .0 < content.1 && content.0 < r.1 .1) {
                let kind = if quoted { ClaimKind::Direct } else { ClaimKind::Indirect };
                raw.push((kind, content, None, Some(who), "paragraph signed by its speaker", doc.sentences[s].first));
            }
        }
    }
    // A claim inside another claim's content is part of it ("Les militants ont prétendu …,
    // a déclaré Tokayev"): keep the outer one.
    raw.sort_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)));
    let mut outer_end = 0;
    let mut outer: Option<(usize, usize)> = None;
    let mut outer_direct = false;
    raw.retain(|r| {
        // Sorted by start, longest first: a span ending before the furthest end seen is inside.
        // (A span equal to an earlier one is a duplicate from a second cue: dropped too.) But
        // reported speech quoted inside a quotation is a claim of its own ("« Il me disait
        // que … »"), with its own cue and speaker.
        let nested = outer.is_some() && r.1 .1 <= outer_end && !(outer_direct && r.0 == ClaimKind::Indirect && r.2.is_some() && outer != Some(r.1));
        if r.1 .1 > outer_end || outer.is_none() {
            outer_end = r.1 .1;
            outer = Some(r.1);
            outer_direct = r.0 == ClaimKind::Direct;
        }
        !nested
    });
    raw.sort_by_key(|r| (r.5, r.1 .0));
    // Resolve speakers in text order, so pronouns see who spoke before them.
    let mut out = Vec::with_capacity(raw.len());
    for (kind, content, ci, who, why, pos) in raw {
        if content.1 <= content.0 {
            continue;
        }
        let speaker = who.map(|w| {
            let cluster = ctx.resolve(w, pos);
            if let (Some(c), Who::Description(a, b)) = (cluster, w) {
                let d = doc.span_text(a, b).to_string();
                if !groups[c].descriptions.contains(&d) {
                    groups[c].descriptions.push(d);
                }
            }
            if let Some(c) = cluster {
                ctx.spoken.push((pos, c));
            }
            FoundSpeaker { span: ctx.who_span(w), cluster }
        });
        let cue = ci.map(|i| (doc.tokens[cues[i].first].start, doc.tokens[cues[i].last - 1].end));
        out.push(Found { kind, content, cue, speaker, why });
    }
    out
}

/// The gender of each cluster that a person's title (`Mme`, `Mr`) or given name (`Anne
/// Martin`, not a lone `Martin`) tells; the first mention that tells wins.
fn cluster_genders(doc: &Doc, mentions: &[Mention], clusters: usize) -> Vec<Option<bool>> {
    let mut out = vec![None; clusters];
    for m in mentions {
        if m.kind != EntityType::Person || out.get(m.cluster).is_none_or(|g| g.is_some()) {
            continue;
        }
        let by_title = m.title.and_then(|(a, b)| (a..b).find_map(|t| doc.data.value(Class::Honorific, doc.low(t))));
        let gender = match by_title {
            Some(v) => Some(v == "f"),
            None if m.last > m.first + 1 => doc.data.given_name_female.get(&crate::lang::key(doc.tok(m.first))).copied(),
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
            out[m.cluster] = doc.data.given_name_female.get(&crate::lang::key(doc.tok(m.first))).copied();
        }
    }
    out
}

/// For each quotation, whether a statement quotation encloses it (one sweep with a stack).
fn enclosed_by_statements(quotes: &[Quote]) -> Vec<bool> {
    let mut out = Vec::with_capacity(quotes.len());
    let mut open: Vec<(usize, bool)> = Vec::new(); // (content end, statement)
    let mut statements = 0usize;
    for q in quotes {
        while let Some(&(end, st)) = open.last() {
            if end >= q.content.1 {
                break;
            }
            open.pop();
            statements -= usize::from(st);
        }
        out.push(statements > 0);
        open.push((q.content.1, q.statement));
        statements += usize::from(q.statement);
    }
    out
}

/// Whether quotations `a` and `b` are pieces of one quote: in one paragraph with only a
/// cue between them, or `a`/`b` reopened at the start of the next paragraph.
fn same_quote_chain(doc: &Doc, a: &Quote, b: &Quote, ai: usize, bi: usize) -> bool {
    let (first, second) = if ai < bi { (a, b) } else { (b, a) };
    let pa = doc.sentence_of(first.open).paragraph;
    let pb = doc.sentence_of(second.open).paragraph;
    if first.close.is_none() {
        return pb == pa + 1 && doc.tokens[second.open].breaks_before > 0;
    }
    // Two quotations of one paragraph with no other speech cue between them share a speaker.
    pa == pb
}

fn find_cues(doc: &Doc, ctx: &Ctx) -> Vec<Cue> {
    let data = doc.data;
    let n = doc.tokens.len();
    let mut cues: Vec<Cue> = Vec::new();
    let mut i = 0;
    while i < n {
        if ctx.at[i].is_some_and(|m| ctx.mentions[m].kind != EntityType::Date) {
            i += 1;
            continue;
        }
        if doc.is_class(i, Class::OpinionCue) && doc.starts_sentence(i) {
            cues.push(Cue { first: i, last: i + 1, kind: CueKind::Opinion, inverted: None });
            i += 1;
            continue;
        }
        if let Some(end) = doc.match_class(i, Class::SourceCue) {
            cues.push(Cue { first: i, last: end, kind: CueKind::Source, inverted: None });
            i = end;
            continue;
        }
        let t = doc.tokens[i];
        if t.kind != TokKind::Word {
            i += 1;
            continue;
        }
        let word = doc.tok(i);
        let low = doc.low(i);
        // Inversions written as one token: a-t-il, déclare-t-elle, dit-il, ajoutent-ils.
        if doc.lang == Lang::Fr && word.contains('-') {
            if let Some((base, pron_start)) = split_inversion(data, &low) {
                let pron = (i, t.start + pron_start, t.end);
                if let Some(v) = data.verb_forms.get(base).filter(|v| reflexive_ok(doc, v, i, i)) {
                    cues.push(Cue { first: i, last: i + 1, kind: verb_kind(doc, v, base), inverted: Some(pron) });
                    i += 1;
                    continue;
                }
                if data.is(Class::Auxiliary, base) {
                    if let Some(p) = participle_after(doc, i + 1).filter(|&p| doc.verb_form(p).is_some_and(|v| reflexive_ok(doc, &v, i, p))) {
                        let v = data.verb_forms[doc.low(p)];
                        cues.push(with_voice(doc, Cue { first: i, last: p + 1, kind: verb_kind(doc, &v, doc.low(p)), inverted: Some(pron) }));
                        i = p + 1;
                        continue;
                    }
                }
            }
        }
        if doc.low_is(i, Class::Auxiliary) && !doc.is_cap(i) || doc.low_is(i, Class::Auxiliary) && doc.starts_sentence(i) {
            if let Some(p) = participle_after(doc, i + 1).filter(|&p| doc.verb_form(p).is_some_and(|v| reflexive_ok(doc, &v, i, p))) {
                let v = data.verb_forms[doc.low(p)];
                cues.push(with_voice(doc, Cue { first: i, last: p + 1, kind: verb_kind(doc, &v, doc.low(p)), inverted: None }));
                i = p + 1;
                continue;
            }
        }
        if let Some(v) = &doc.verb_form(i).filter(|v| reflexive_ok(doc, v, i, i)) {
            // "the report", "in reports", "Recent reports have revealed": a noun, not a verb.
            let noun_use = i > 0 && (doc.is_class(i - 1, Class::Determiner) || doc.is_class(i - 1, Class::LocationPreposition) && doc.lang == Lang::En)
                || doc.lang == Lang::En && doc.is_class(i + 1, Class::Auxiliary) && !doc.is_class(i + 1, Class::VerbFiller);
            let capital_mid = doc.is_cap(i) && !doc.starts_sentence(i);
            if !noun_use && !capital_mid {
                cues.push(Cue { first: i, last: i + 1, kind: verb_kind(doc, v, &low), inverted: None });
            }
        }
        i += 1;
    }
    cues
}

/// Whether a cue from token `first` to its verb at `verb` has the reflexive pronoun its
/// verb needs (`s'inquiète`, `se sont plaints`; not `l'usine inquiète`).
fn reflexive_ok(doc: &Doc, v: &crate::lang::VerbForm, first: usize, verb: usize) -> bool {
    !v.reflexive || (first.saturating_sub(1)..verb).any(|j| doc.is_class(j, Class::ReflexivePronoun))
}

fn verb_kind(doc: &Doc, v: &crate::lang::VerbForm, form: &str) -> CueKind {
    let participle = ends_with_class(doc, form, Class::PresentParticipleSuffix);
    CueKind::Verb { accuses: v.accuses, participle, contentless: v.contentless, clause: v.clause, passive: false }
}

/// Marks a cue passive when a form of `être` / `be` stands before its past participle and no
/// reflexive pronoun does (`was charged with`, `est accusé de`, but not `s'est plaint`, `is saying`).
fn with_voice(doc: &Doc, mut cue: Cue) -> Cue {
    let verb = cue.last - 1;
    let progressive = doc.lang == Lang::En && ends_with_class(doc, doc.low(verb), Class::PresentParticipleSuffix);
    let passive = !progressive
        && (cue.first..verb).any(|j| doc.is_class(j, Class::PassiveAuxiliary))
        && !(cue.first.saturating_sub(1)..verb).any(|j| doc.is_class(j, Class::ReflexivePronoun));
    if let CueKind::Verb { passive: p, .. } = &mut cue.kind {
        *p = passive;
    }
    cue
}

/// Splits `déclare-t-il` into (`déclare`, byte offset of `il`).
fn split_inversion<'w>(data: &crate::lang::LangData, low: &'w str) -> Option<(&'w str, usize)> {
    let (head, pron) = low.rsplit_once('-')?;
    if !data.is(Class::PronounSubject, pron) {
        return None;
    }
    let base = head.strip_suffix("-t").unwrap_or(head);
    Some((base, low.len() - pron.len()))
}

/// A past participle of a speech verb after an auxiliary (maybe past adverbs).
fn participle_after(doc: &Doc, mut j: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let mut skipped = 0;
    while j < n && skipped <= 3 && doc.tokens[j].breaks_before == 0 {
        if doc.verb_form(j).is_some() && doc.tokens[j].kind == TokKind::Word {
            return Some(j);
        }
        let skippable = doc.is_class(j, Class::Adverb) || doc.is_class(j, Class::Auxiliary) && skipped < 2 || doc.match_class(j, Class::Adverb).is_some();
        if !skippable {
            return None;
        }
        j = doc.match_class(j, Class::Adverb).unwrap_or(j + 1);
        skipped += 1;
    }
    None
}

impl<'a, 't> Ctx<'a, 't> {
    fn mention_ending_at(&self, tok: usize) -> Option<usize> {
        self.at[tok].filter(|&m| self.mentions[m].last == tok + 1 && is_agent(self.mentions[m].kind))
    }

    fn mention_starting_at(&self, tok: usize) -> Option<usize> {
        self.at.get(tok).copied().flatten().filter(|&m| self.mentions[m].first == tok && is_agent(self.mentions[m].kind))
    }

    /// Role bindings from titles before names (`le président russe Vladimir Poutine`) and
    /// appositions (`le président kazakh, Kassym-Jomart Tokaïev,` / `X, porte-parole de Y,`).
    fn bind_roles(&mut self) {
        let doc = self.doc;
        for m in self.mentions {
            if m.kind != EntityType::Person {
                continue;
            }
            if let Some((ta, _)) = m.title {
                if let Some((key, head)) = self.role_key(ta, m.first) {
                    self.roles.push((m.first, key, head, m.cluster));
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
            // "X, porte-parole du Kremlin,": a description right after "X,".
            if doc.is_punct(m.last, ',') {
                if let Some(b) = self.description_starting_at(m.last + 1) {
                    if let Some((key, head)) = self.role_key(m.last + 1, b) {
                        self.roles.push((m.first, key, head, m.cluster));
                    }
                }
            }
        }
    }

    /// The lowercase role phrase of tokens `a..b` without its determiner, and its head role.
    fn role_key(&self, a: usize, b: usize) -> Option<(String, String)> {
        let doc = self.doc;
        let mut a = a;
        while a < b && (doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision) {
            a += 1;
        }
        if a >= b {
            return None;
        }
        let head_end = doc.match_class(a, Class::Role).or_else(|| doc.match_class(a, Class::Honorific))?;
        let head = doc.span_text(a, head_end.min(b)).to_lowercase();
        let key = doc.span_text(a, b).to_lowercase();
        Some((key, head))
    }

    /// A description (`le président kazakh`, `the spokesman`) ending at token `end`, as its first token.
    fn description_ending_at(&self, end: usize) -> Option<usize> {
        let doc = self.doc;
        let lo = end.saturating_sub(8);
        (lo..=end).find(|&d| {
            (d == 0 || !doc.is_class(d - 1, Class::Determiner) && doc.tokens[d - 1].kind != TokKind::Elision)
                && self.description_starting_at(d) == Some(end + 1)
        })
    }

    /// A description starting at token `a`, as the index past it: [det] role [adjectives]
    /// [de + name or word].
    fn description_starting_at(&self, a: usize) -> Option<usize> {
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

    /// The speaker before a cue (normal order): a name, a pronoun or a description,
    /// skipping adverbs, negation and comma-enclosed appositions.
    fn subject_before(&self, cue_first: usize) -> Option<Who> {
        let doc = self.doc;
        let s = doc.sentence_of(cue_first);
        let mut k = cue_first;
        let mut steps = 0;
        while k > s.first && steps < 16 {
            steps += 1;
            let j = k - 1;
            if doc.tokens[k].breaks_before > 0 && k != cue_first {
                return None;
            }
            if doc.is_punct(j, ',') {
                // An apposition: ", le président kazakh," or ", who ...,".
                let mut p = j;
                let mut found = None;
                while p > s.first && j - p < 14 {
                    p -= 1;
                    if doc.is_punct(p, ',') {
                        found = Some(p);
                        break;
                    }
                    if doc.is_punct(p, '.') || doc.is_punct(p, '»') || doc.is_punct(p, '”') {
                        break;
                    }
                }
                match found {
                    // "Le maire de Lyon, Grégory Doucet, a annoncé": the person named in the
                    // apposition is the speaker.
                    Some(p) if self.mention_ending_at(j - 1).is_some_and(|m| self.mentions[m].first == p + 1 && self.mentions[m].kind == EntityType::Person) => {
                        return self.mention_ending_at(j - 1).map(Who::Mention);
                    }
                    Some(p) if p > s.first => {
                        k = p;
                        continue;
                    }
                    _ => return None,
                }
            }
            if let Some(m) = self.mention_ending_at(j) {
                let first = self.mentions[m].first;
                // "le porte-parole du Kremlin": the name is inside a description.
                if first > 0 && (doc.is_class(first - 1, Class::Genitive) || doc.is_class(first - 1, Class::Determiner)) {
                    let mut q = first - 1;
                    while q > s.first && (doc.is_class(q, Class::Determiner) || doc.is_class(q, Class::Genitive)) {
                        q -= 1;
                    }
                    if let Some(d) = self.description_ending_at(q) {
                        return Some(Who::Description(d, j + 1));
                    }
                }
                return Some(Who::Mention(m));
            }
            if ctx_skippable(doc, j) || self.at[j].is_some_and(|m| self.mentions[m].kind == EntityType::Date) {
                k = j;
                continue;
            }
            // "X, le ministre, qui a déclaré": the antecedent of the relative pronoun.
            if doc.is_class(j, Class::RelativePronoun) {
                k = j;
                continue;
            }
            // "… et a suggéré que": a coordinated verb shares the sentence's subject.
            if doc.is_class(j, Class::Coordinator) {
                return self.sentence_subject(s.first, j);
            }
            let low = doc.low(j);
            if let Some(g) = doc.data.value(Class::PronounSubject, &low) {
                let t = doc.tokens[j];
                return Some(Who::Pronoun { tok: j, span: (t.start, t.end), plural: g.ends_with("pl") });
            }
            if let Some(d) = self.description_ending_at(j) {
                return Some(Who::Description(d, j + 1));
            }
            return None;
        }
        None
    }

    /// A plain noun phrase ending right before token `end` (`The authors`, `la direction`,
    /// `Le chef de la direction de l'aviation civile`), as its first token: the fallback
    /// subject of a speech verb when no name, pronoun or role stands there. The phrase
    /// starts with a determiner or a capital, takes `de`/`of` complements, and never spans
    /// punctuation, a conjunction, a verb or a second phrase (`In a statement the company`).
    fn np_before(&self, end: usize) -> Option<usize> {
        let doc = self.doc;
        let s = doc.sentence_of(end.saturating_sub(1));
        let lo = s.first.max(end.saturating_sub(12));
        let mut j = end;
        let mut start = None;
        while j > lo {
            let t = j - 1;
            // The head next to the verb may look like a verb form: "Recent reports have
            // revealed", "Estimates suggest".
            let head_noun = t + 1 == end && (ends_with_class(doc, doc.low(t), Class::PluralSuffix) || doc.starts_sentence(t) && doc.is_cap(t));
            let inside = self.np_token(t) || head_noun && self.np_token_but_verb(t);
            if !inside || doc.tokens[j.min(end)].breaks_before > 0 && j != end {
                break;
            }
            if doc.is_class(t, Class::Determiner) || doc.tokens[t].kind == TokKind::Elision {
                start = Some(t);
                // A determiner after a plain word opens this phrase ("a statement | the company").
                // "des", "du" hold their own "de": the phrase goes on before them.
                let linked = t > lo && (doc.is_class(t, Class::OrgConnector) || doc.is_class(t - 1, Class::OrgConnector) || doc.is_class(t - 1, Class::Preposition));
                if !linked {
                    break;
                }
            } else if doc.is_cap(t) || doc.starts_sentence(t) {
                start = Some(t);
            }
            j = t;
        }
        let a = start?;
        let opens = doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision
            // English bare plurals open a sentence ("Officials say", "Estimates suggest");
            // French subjects take their article.
            || doc.lang == Lang::En && doc.starts_sentence(a);
        let last = end - 1;
        let complete = !doc.is_class(last, Class::Determiner) && !doc.is_class(last, Class::OrgConnector) && !doc.is_class(last, Class::Preposition) && doc.tokens[last].kind != TokKind::Elision;
        (opens && complete && !doc.is_class(a, Class::Preposition) && !doc.is_class(a, Class::LocationPreposition)).then_some(a)
    }

    /// A plain noun phrase starting at token `a` and running to the next punctuation (at most
    /// ten tokens): the source after `selon` / `according to` when no name or role is there.
    fn np_after(&self, a: usize) -> Option<usize> {
        let doc = self.doc;
        let n = doc.tokens.len();
        if a >= n || !(doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision || doc.is_cap(a)) {
            return None;
        }
        let mut e = a;
        while e < n && e < a + 10 && self.np_token(e) && (e == a || doc.tokens[e].breaks_before == 0) {
            e += 1;
        }
        (e > a).then_some(e)
    }

    /// A token that may stand inside a plain noun phrase: a word, number or elision that is
    /// no verb, pronoun or conjunction.
    fn np_token(&self, t: usize) -> bool {
        let doc = self.doc;
        let tok = doc.tokens[t];
        let wordlike = matches!(tok.kind, TokKind::Word | TokKind::Number | TokKind::Elision | TokKind::Dotted) || tok.kind == TokKind::Clitic;
        wordlike
            && !doc.is_class(t, Class::Subordinator)
            && !doc.is_class(t, Class::Complementizer)
            && !doc.is_class(t, Class::RelativePronoun)
            && !doc.is_class(t, Class::Coordinator)
            && !doc.is_class(t, Class::Auxiliary)
            && !doc.is_class(t, Class::PronounSubject)
            && !doc.is_class(t, Class::ObjectPronoun)
            && doc.verb_form(t).is_none()
    }

    /// [`np_token`](Self::np_token) for a word that is also a speech-verb form.
    fn np_token_but_verb(&self, t: usize) -> bool {
        let doc = self.doc;
        matches!(doc.tokens[t].kind, TokKind::Word) && !doc.is_class(t, Class::Auxiliary) && !doc.is_class(t, Class::PronounSubject) && !doc.is_class(t, Class::Subordinator)
    }

    /// The subject that opens the sentence starting at `first` (before token `limit`).
    fn sentence_subject(&self, first: usize, limit: usize) -> Option<Who> {
        let doc = self.doc;
        let mut k = first;
        while k < limit && (doc.tokens[k].kind == TokKind::Punct || ctx_skippable(doc, k)) {
            k += 1;
        }
        if k >= limit {
            return None;
        }
        if let Some(m) = self.mention_starting_at(k) {
            // "Facebook co-founder Mark Zuckerberg": the person after the body and the role.
            let after = self.mentions[m].last;
            if let Some(p) = self.description_starting_at(after).and_then(|e| self.mention_starting_at(e)).filter(|&p| self.mentions[p].kind == EntityType::Person && p != m) {
                return Some(Who::Mention(p));
            }
            return Some(Who::Mention(m));
        }
        if let Some(g) = doc.data.value(Class::PronounSubject, doc.low(k)) {
            let t = doc.tokens[k];
            return Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
        }
        let Some(end) = self.description_starting_at(k) else {
            return self.np_after(k).filter(|&e| e < limit).map(|e| Who::Description(k, e));
        };
        if let Some(m) = self.mention_starting_at(end).filter(|&m| self.mentions[m].kind == EntityType::Person) {
            return Some(Who::Mention(m));
        }
        Some(Who::Description(k, end))
    }

    /// The speaker after a cue (inverted order: `a déclaré le porte-parole`, `said Smith`).
    fn subject_after(&self, cue: &Cue) -> Option<Who> {
        if let Some((tok, a, b)) = cue.inverted {
            let low = self.doc.text[a..b].to_lowercase();
            return Some(Who::Pronoun { tok, span: (a, b), plural: low.ends_with('s') });
        }
        let doc = self.doc;
        let n = doc.tokens.len();
        let mut k = cue.last;
        while k < n && doc.tokens[k].breaks_before == 0 && (ctx_skippable(doc, k) || doc.is_class(k, Class::Adverb)) && k < cue.last + 3 {
            k += 1;
        }
        if k >= n || doc.tokens[k].breaks_before > 0 {
            return None;
        }
        if let Some(m) = self.mention_starting_at(k) {
            return Some(Who::Mention(m));
        }
        if let Some(end) = self.description_starting_at(k) {
            // "le président kazakh Kassym-Jomart Tokaïev": the name after its description.
            if let Some(m) = self.mention_starting_at(end) {
                if self.mentions[m].kind == EntityType::Person {
                    return Some(Who::Mention(m));
                }
            }
            return Some(Who::Description(k, end));
        }
        let low = doc.low(k);
        if let Some(g) = doc.data.value(Class::PronounSubject, &low) {
            let t = doc.tokens[k];
            return Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
        }
        None
    }

    /// A quotation followed by its cue: `« … », a précisé X`, `"…," said X`, `"…," X said`.
    fn attach_right(&self, q: &Quote, cues: &[Cue], cue_starting: impl Fn(usize) -> Option<usize>) -> Option<(usize, Option<Who>)> {
        let doc = self.doc;
        let close = q.close?;
        let mut k = close + 1;
        if doc.is_punct(k, ',') || doc.is_punct(k, '—') || doc.is_punct(k, '–') {
            k += 1;
        } else {
            // The comma may stand inside the marks ("…," he said); otherwise a cue must follow at once.
            let inside_comma = q.tokens.1 > q.tokens.0 && (doc.is_punct(q.tokens.1 - 1, ',') || doc.is_punct(q.tokens.1 - 1, '?') || doc.is_punct(q.tokens.1 - 1, '!'));
            if !inside_comma && !doc.sentence_of(close).headline {
                if cue_starting(k).is_none() {
                    return None;
                }
            }
        }
        if k >= doc.tokens.len() || doc.tokens[k].breaks_before > 0 {
            return None;
        }
        if let Some(ci) = cue_starting(k) {
            let cue = &cues[ci];
            if matches!(cue.kind, CueKind::Verb { .. }) {
                return Some((ci, self.subject_after(cue).or_else(|| self.participle_subject(cue))));
            }
        }
        // English order: '"…," Smith said' / '"…," the spokesman told reporters' /
        // '"…," Khaled Al-Maeena, editor at large at the Saudi Gazette, said'.
        for j in k + 1..(k + 16).min(doc.tokens.len()) {
            if doc.tokens[j].breaks_before > 0 || doc.tokens[j].kind == TokKind::Punct && !doc.is_punct(j, ',') {
                break;
            }
            if let Some(ci) = cue_starting(j) {
                if matches!(cues[ci].kind, CueKind::Verb { .. }) {
                    let who = self.subject_before(j);
                    return who.map(|w| (ci, Some(w)));
                }
            }
        }
        None
    }

    /// A quotation after its cue: `X a déclaré : « … »`, `X said: "…"`, `ajoutant : «…»`.
    fn attach_left(&self, q: &Quote, cues: &[Cue]) -> Option<(usize, Option<Who>)> {
        let doc = self.doc;
        let mut k = q.open;
        if k > 0 && (doc.is_punct(k - 1, ':') || doc.is_punct(k - 1, ',')) {
            k -= 1;
        }
        if k > 0 && doc.is_class(k - 1, Class::Complementizer) && doc.sentence_of(q.open).first < k {
            k -= 1;
        }
        let ci = cue_ending_at(cues, k).filter(|&c| matches!(cues[c].kind, CueKind::Verb { .. })).or_else(|| {
            // "They call for "…"": a verb's particle between it and the quotation.
            let particle = k.checked_sub(1).filter(|&p| doc.is_class(p, Class::Preposition))?;
            cue_ending_at(cues, particle).filter(|&c| matches!(cues[c].kind, CueKind::Verb { passive: false, .. }))
        }).or_else(|| {
            // "Heald told The Huffington Post, "…"": the addressee between the cue and the mark.
            let introduced = k < q.open;
            let a = self.at.get(k.checked_sub(1)?).copied().flatten()?;
            let mut first = self.mentions[a].first;
            while first > 0 && doc.is_class(first - 1, Class::Determiner) {
                first -= 1;
            }
            let c = cue_ending_at(cues, first)?;
            (introduced && self.mentions[a].last == k && doc.is_class(cues[c].last - 1, Class::AddresseeVerb)).then_some(c)
        }).or_else(|| {
            // "Obama tweeted using his account:" then the quotation in the next paragraph.
            if !(doc.tokens[q.open].breaks_before > 0 && q.open > 0 && doc.is_punct(q.open - 1, ':')) {
                return None;
            }
            let s = doc.sentence_of(q.open - 1);
            let before = cues.partition_point(|c| c.last < q.open);
            (cues.partition_point(|c| c.first < s.first)..before).rev().find(|&c| matches!(cues[c].kind, CueKind::Verb { .. }))
        })?;
        // A quotation after "que" must be all that follows (else it is reported speech).
        let cue = &cues[ci];
        let who = self.subject_of(cue);
        Some((ci, who))
    }

    /// The speaker of a cue in any order.
    fn subject_of(&self, cue: &Cue) -> Option<Who> {
        if cue.inverted.is_some() {
            return self.subject_after(cue);
        }
        if let CueKind::Verb { participle: true, .. } = cue.kind {
            return self.participle_subject(cue);
        }
        let before = self.subject_before(cue.first);
        if before.is_some() {
            return before;
        }
        let prev_comma = cue.first > 0 && (self.doc.is_punct(cue.first - 1, ',') || self.doc.is_punct(cue.first - 1, '»') || self.doc.is_punct(cue.first - 1, '”'));
        if prev_comma {
            return self.subject_after(cue);
        }
        // "Elles ont manifesté pour dénoncer …": an infinitive of purpose speaks for the
        // subject of its sentence.
        let purpose = (cue.first.saturating_sub(2)..cue.first).find(|&j| self.doc.match_class(j, Class::PurposeMarker) == Some(cue.first));
        if let Some(p) = purpose {
            let s = self.doc.sentence_of(cue.first);
            return self.sentence_subject(s.first, p);
        }
        self.plain_subject_before(cue.first)
    }

    /// A plain noun phrase subject before a cue (`The authors say`, `la direction a
    /// confirmé`), over the adverbs between them.
    fn plain_subject_before(&self, cue_first: usize) -> Option<Who> {
        let doc = self.doc;
        // "la fermeture annoncée de l'usine": a participle without auxiliary is an adjective.
        let w = doc.low(cue_first);
        if doc.data.entries(Class::ParticipleSuffix).any(|suf| w.ends_with(suf)) {
            return None;
        }
        let mut e = cue_first;
        while e > 0 && ctx_skippable(self.doc, e - 1) && cue_first - e < 3 {
            e -= 1;
        }
        self.np_before(e).map(|a| Who::Description(a, e))
    }

    /// The subject of the clause a participle (`ajoutant`, `adding`) hangs from.
    fn participle_subject(&self, cue: &Cue) -> Option<Who> {
        let doc = self.doc;
        let s = doc.sentence_of(cue.first);
        // The nearest name or pronoun before it in the sentence, or after a verb before it.
        let mut k = cue.first;
        while k > s.first {
            k -= 1;
            if let Some(m) = self.mention_ending_at(k) {
                if self.mentions[m].kind == EntityType::Person || self.mentions[m].kind == EntityType::Organization {
                    return Some(Who::Mention(m));
                }
            }
            if let Some(g) = doc.data.value(Class::PronounSubject, doc.low(k)) {
                let t = doc.tokens[k];
                return Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
            }
            if let Some(d) = self.description_ending_at(k) {
                return Some(Who::Description(d, k + 1));
            }
        }
        None
    }

    /// `Tokayev : « … »` in a headline or at the start of a paragraph.
    fn headline_colon(&self, q: &Quote) -> Option<Who> {
        let doc = self.doc;
        if q.open < 2 || !doc.is_punct(q.open - 1, ':') {
            return None;
        }
        let m = self.mention_ending_at(q.open - 2)?;
        let first = self.mentions[m].first;
        (doc.starts_sentence(first) && self.mentions[m].kind == EntityType::Person).then_some(Who::Mention(m))
    }

    /// Reported speech around a cue that no quotation took: (content, speaker, rule, quoted).
    fn reported(&self, cue: &Cue, cues: &[Cue], quotes: &[Quote]) -> Option<((usize, usize), Option<Who>, &'static str, bool)> {
        let doc = self.doc;
        let n = doc.tokens.len();
        match cue.kind {
            CueKind::Opinion => {
                let (who, np_end) = self.source_np(cue)?;
                let agent = match who {
                    Who::Mention(m) => matches!(self.mentions[m].kind, EntityType::Person | EntityType::Organization),
                    Who::Description(a, b) => self.role_key(a, b).is_some() || doc.match_class(a + 1, Class::OrgRole).is_some() || doc.match_class(a, Class::OrgRole).is_some(),
                    Who::Pronoun { .. } => false,
                };
                if !agent || !doc.is_punct(np_end, ',') {
                    return None;
                }
                let content = self.clause_content(self.past_apposition(np_end + 1, self.is_person(who)), cues, quotes)?;
                Some((content, Some(who), "pour / for someone, then the view", false))
            }
            CueKind::Source => {
                let (who, np_end) = self.source_np(cue)?;
                let s = doc.sentence_of(cue.first);
                // "selon son complice, « … »", "in the words of the prosecutor, Mark Tedeschi, QC, "…"".
                if let Some(q) = self.quote_after_source(np_end, quotes) {
                    return Some((q.content, Some(who), "selon / according to, then a quotation", true));
                }
                let after_comma = np_end < s.last && doc.is_punct(np_end, ',');
                let clause_start = self.clause_start(cue.first);
                // "En février 2009, selon X, …": a short adverbial may come first.
                let at_start = clause_start == cue.first || cue.first > clause_start && cue.first - clause_start <= 5 && doc.is_punct(cue.first - 1, ',');
                if at_start && after_comma {
                    let content = self.clause_content(self.past_apposition(np_end + 1, self.is_person(who)), cues, quotes)?;
                    return Some((content, Some(who), "selon / according to, then the clause", false));
                }
                // "According to Rathbun the property was returned …": no comma after a name.
                if let Who::Mention(m) = who {
                    let after = self.mentions[m].last;
                    if at_start && after < s.last && doc.tokens[after].kind != TokKind::Punct && !doc.is_class(after, Class::Genitive) {
                        let content = self.clause_content(after, cues, quotes)?;
                        return Some((content, Some(who), "selon / according to a name, then the clause", false));
                    }
                }
                // "…, qui, selon X, fut enlevée …" / "Le crash, selon X, serait dû …": the
                // source set off by commas inside its clause.
                let enclosed = cue.first > clause_start + 1 && doc.is_punct(cue.first - 1, ',');
                if enclosed && after_comma {
                    let from = if doc.is_class(cue.first - 2, Class::RelativePronoun) { np_end + 1 } else { clause_start };
                    let content = self.clause_content(from, cues, quotes)?;
                    return Some((content, Some(who), "selon / according to inside the clause", false));
                }
                // "…, selon X." / "… selon la CGT" at the end.
                let start = self.clause_start(cue.first);
                let mut end_tok = cue.first;
                while end_tok > start && doc.tokens[end_tok - 1].kind == TokKind::Punct && !doc.is_punct(end_tok - 1, '»') && !doc.is_punct(end_tok - 1, '”') {
                    end_tok -= 1;
                }
                let ends_sentence = np_end >= s.last || doc.tokens[np_end].kind == TokKind::Punct && !doc.is_punct(np_end, '(');
                if end_tok > start + 2 && ends_sentence {
                    let content = self.trim(doc.tokens[start].start, doc.tokens[end_tok - 1].end);
                    return Some((content, Some(who), "clause, then selon / according to", false));
                }
                None
            }
            CueKind::Verb { accuses, participle, contentless, clause, passive } => {
                // A passive cue's subject is who was spoken to or of ("was charged with").
                if contentless || passive {
                    return None;
                }
                let after_comma = cue.first > 0 && (doc.is_punct(cue.first - 1, ',') || doc.is_punct(cue.first - 1, '»') || doc.is_punct(cue.first - 1, '”'));
                if after_comma && cue.inverted.is_none() && !participle && self.subject_before(cue.first).is_none() {
                    // "The security firm Secunia.com, has said that …": a comma between the
                    // subject that opens the sentence and its verb, then "that".
                    let mut t = cue.last;
                    while t < n && ctx_skippable(doc, t) && t < cue.last + 3 {
                        t += 1;
                    }
                    let s = doc.sentence_of(cue.first);
                    if doc.is_punct(cue.first - 1, ',') && is_that(doc, t) && !(s.first..cue.first - 1).any(|j| doc.tokens[j].kind == TokKind::Punct && !doc.is_punct(j, '.') && !doc.is_punct(j, '-')) {
                        if let Some(w) = self.subject_before(cue.first - 1).or_else(|| self.plain_subject_before(cue.first - 1)) {
                            let content = self.clause_content(t + 1, cues, quotes)?;
                            return Some((content, Some(w), "subject, comma, speech verb, then the reported clause", false));
                        }
                    }
                    // "…, a déclaré Tokayev": the subject after the verb, the content before.
                    return self.inverted_content(cue, None);
                }
                let mut who = if participle { self.participle_subject(cue) } else { self.subject_of(cue) };
                // "…, researchers say." / "…, the minister said.": the clause before the
                // subject, when the cue ends its sentence.
                if let Some(w) = who.filter(|_| !participle && cue.inverted.is_none()) {
                    let ends = cue.last >= doc.sentence_of(cue.first).last || doc.is_punct(cue.last, '.') || doc.is_punct(cue.last, '!');
                    let first = self.who_first(w);
                    if ends && first > 0 && doc.is_punct(first - 1, ',') {
                        let start = self.clause_start(first - 1);
                        if first - 1 >= start + 3 {
                            let content = self.trim(doc.tokens[start].start, doc.tokens[first - 2].end);
                            return Some((content, Some(w), "reported clause, then its speaker and the speech verb", false));
                        }
                    }
                }
                let mut k = cue.last;
                // Skip what stands between the verb and its content: adverbs, dates, a pronoun
                // object, "to reporters", the addressee of "told".
                while k < n && doc.tokens[k].breaks_before == 0 && k < cue.last + 4 && (ctx_skippable(doc, k) || self.at[k].is_some_and(|m| self.mentions[m].kind == EntityType::Date)) {
                    k += 1;
                }
                // "told the New Zealand Herald the flag …": the addressee is no content.
                if k < n && doc.is_class(cue.last - 1, Class::AddresseeVerb) {
                    let mut a = k;
                    while a < n && doc.is_class(a, Class::Determiner) && a < k + 2 {
                        a += 1;
                    }
                    if let Some(m) = self.mention_starting_at(a) {
                        k = self.mentions[m].last;
                    } else if doc.is_class(k, Class::ObjectPronoun) {
                        k += 1;
                    }
                }
                // "As Heald told The Huffington Post, US ozone has dropped …", "Comme l'a
                // expliqué le ministre, la réforme …": the main clause after the one that names
                // the source.
                if let Some(comma) = self.as_clause_end(cue, k) {
                    let content = self.clause_content(comma + 1, cues, quotes)?;
                    return Some((content, who.or_else(|| self.subject_after(cue)), "as the source said, then the clause", false));
                }
                if k >= n || doc.tokens[k].breaks_before > 0 {
                    return self.inverted_content(cue, who);
                }
                if who.is_none() && cue.inverted.is_none() && !participle {
                    // "…, a déclaré Tokayev": the subject after the verb, the content before.
                    return self.inverted_content(cue, None);
                }
                if doc.is_punct(k, ':') {
                    k += 1;
                    if let Some(q) = quote_at(quotes, k).filter(|q| q.statement) {
                        return Some((q.content, who, "verb, colon, quotation", true));
                    }
                } else if is_that(doc, k) {
                    k += 1;
                } else if doc.tokens[k].kind == TokKind::Punct && !matches!(doc.text[doc.tokens[k].start..].chars().next(), Some('«' | '“' | '"' | '„')) {
                    return self.inverted_content(cue, who);
                } else if let Some(q) = (k + 1..(k + 6).min(n)).take_while(|&j| doc.tokens[j].kind != TokKind::Punct).find(|&j| is_that(doc, j)) {
                    // "a déclaré au Sénat que …", "told reporters that …".
                    k = q + 1;
                } else if doc.is_class(k, Class::InfinitiveMarker) && doc.lang == Lang::Fr {
                    // "a promis de fournir", "appelle à la grève"; not "s'exprimait à Chicago".
                    if k + 1 >= n || doc.is_cap(k + 1) || doc.tokens[k + 1].kind != TokKind::Word && doc.tokens[k + 1].kind != TokKind::Elision {
                        return None;
                    }
                } else if !accuses && doc.lang == Lang::Fr && !doc.is_class(k, Class::InfinitiveAuxiliary) {
                    // French reporting verbs take "que", "de" + infinitive, an infinitive clause
                    // ("affirment avoir découvert"), or, for some, an object: "dénonce le
                    // recours à …", "a confirmé ces incidents" (not "a lancé une campagne").
                    if !doc.is_class(k, Class::Determiner) || !self.takes_object(cue) {
                        return None;
                    }
                }
                if k >= n || doc.tokens[k].breaks_before > 0 && k > cue.last {
                    return None; // the verb (and its "que" or colon) ends the text or the line
                }
                let after_that = k > 0 && doc.is_class(k - 1, Class::Complementizer);
                if doc.lang == Lang::En && !after_that && !accuses {
                    // "said the team…": a bare clause only after verbs that take one, and only
                    // when a subject opens it (not "charged with", "worked for").
                    let opens_clause = doc.tokens[k].kind != TokKind::Punct
                        && !doc.is_class(k, Class::Preposition)
                        // ("it" and "her" are objects, but also a subject and a determiner.)
                        && (!doc.is_class(k, Class::ObjectPronoun) || doc.is_class(k, Class::PronounSubject) || doc.is_class(k, Class::Determiner))
                        && doc.verb_form(k).is_none();
                    let quote_opens = quote_at(quotes, k).is_some();
                    // After most verbs a clause must show its verb ("said the boy was"); verbs that
                    // drop "that" as a rule, and a name opening the clause, need no such sign.
                    // ("asked the Council to help": a name, then "to", is an object and an order.)
                    let name_opens = self.mention_starting_at(k).is_some_and(|m| !doc.is_class(self.mentions[m].last, Class::InfinitiveMarker));
                    let clause_like = doc.is_class(cue.last - 1, Class::BareClauseVerb) || name_opens || self.finite_clause_at(k);
                    // "wrote to the family": after a preposition comes the addressee, not a clause.
                    let addressed = (cue.last..k).any(|j| doc.is_class(j, Class::Preposition));
                    // Some verbs report with a bare object: "announces new homes for …",
                    // "characterized the conflict as …".
                    let object = opens_clause && !addressed && self.takes_object(cue);
                    if !(clause && (opens_clause && clause_like && !addressed || quote_opens) || object) {
                        return None;
                    }
                }
                if who.is_none() {
                    who = self.subject_after(cue);
                }
                let mut content = self.clause_content(k, cues, quotes)?;
                // "Although a poll found X, the mayor went ahead": a cue inside a subordinate
                // clause that opens the sentence reports up to the comma closing that clause.
                let start = self.clause_start(cue.first);
                if doc.is_class(start, Class::Subordinator) && !doc.is_class(start, Class::Coordinator) && (start..cue.first).all(|j| !doc.is_punct(j, ',')) {
                    if let Some(comma) = (k..k_tok(doc, content.1)).find(|&j| doc.is_punct(j, ',')) {
                        if comma > k + 1 {
                            content = self.trim(doc.tokens[k].start, doc.tokens[comma - 1].end);
                        }
                    }
                }
                let first = k_tok(doc, content.0);
                let opening = first.checked_sub(1).and_then(|o| quote_at(quotes, o));
                let quoted = opening.is_some_and(|q| q.content.0 <= content.0 && content.1 <= q.content.1 + 1 && q.statement);
                let quoted_content = if quoted { opening.map(|q| q.content) } else { None };
                Some((quoted_content.unwrap_or(content), who, "speech verb, then the reported clause", quoted))
            }
        }
    }

    /// Whether the cue's verb reports with a bare object (`a confirmé un plan`, `announces
    /// new homes`): its lemma is an object speech verb.
    fn takes_object(&self, cue: &Cue) -> bool {
        let doc = self.doc;
        let lemma = doc.verb_form(cue.last - 1).map(|v| doc.data.verb_lemmas[v.lemma as usize]);
        lemma.is_some_and(|l| doc.data.is(Class::ObjectSpeechVerb, bare_lemma(doc, l)))
    }

    /// Whether the words from token `k` read as a clause (a subject, then a verb: `the boy
    /// was welcome`, `only a quarter of citizens favoured`) rather than an object (`tweeted
    /// support of …`, `conceded a penalty which …`): a subject pronoun opens it, or an
    /// auxiliary, a speech verb or a past tense follows within a few words.
    fn finite_clause_at(&self, k: usize) -> bool {
        let doc = self.doc;
        if doc.is_class(k, Class::PronounSubject) {
            return true;
        }
        for j in k + 1..(k + 16).min(doc.tokens.len()) {
            let t = doc.tokens[j];
            let glued = t.kind == TokKind::Clitic || doc.is_punct(j, '-') || doc.is_punct(j, '\'') || doc.is_punct(j, '"') || doc.is_punct(j, '“') || doc.is_punct(j, '”');
            if t.breaks_before > 0 || t.kind == TokKind::Punct && !glued || doc.is_class(j, Class::RelativePronoun) || doc.is_class(j, Class::Subordinator) {
                return false;
            }
            let low = doc.low(j);
            if doc.is_class(j, Class::Auxiliary) || doc.is_class(j, Class::PassiveAuxiliary) || doc.verb_form(j).is_some() || t.kind == TokKind::Word && ends_with_class(doc, low, Class::PastTenseSuffix) && !doc.is_cap(j) {
                return true;
            }
        }
        false
    }

    /// "Les militants ont prétendu …, a déclaré Tokayev": the clause before an inverted cue.
    fn inverted_content(&self, cue: &Cue, who: Option<Who>) -> Option<((usize, usize), Option<Who>, &'static str, bool)> {
        let doc = self.doc;
        if cue.first == 0 || !doc.is_punct(cue.first - 1, ',') {
            return None;
        }
        let start = self.clause_start(cue.first - 1);
        if cue.first - 1 < start + 3 {
            return None;
        }
        let who = who.or_else(|| self.subject_after(cue))?;
        let content = self.trim(doc.tokens[start].start, doc.tokens[cue.first - 2].end);
        Some((content, Some(who), "reported clause, then the speech verb and its speaker", false))
    }

    /// Past an apposition opening at token `k` (`a USI instructor in English,`, `le maire de
    /// Lyon,`): a determiner, then verbless words up to a comma. Else `k` itself.
    fn past_apposition(&self, k: usize, after_person: bool) -> usize {
        let doc = self.doc;
        if !doc.is_class(k, Class::Determiner) {
            return k;
        }
        let mut j = k + 1;
        while j < doc.tokens.len() && j < k + 9 && doc.tokens[j].breaks_before == 0 {
            if doc.is_punct(j, ',') {
                return if after_person || doc.match_class(k + 1, Class::Role).is_some() || doc.match_class(k + 1, Class::OrgRole).is_some() || (k + 1..j).any(|t| doc.is_class(t, Class::Role)) { j + 1 } else { k };
            }
            let t = doc.tokens[j];
            if t.kind == TokKind::Punct || doc.is_class(j, Class::Auxiliary) || doc.verb_form(j).is_some() {
                return k;
            }
            j += 1;
        }
        k
    }

    fn is_person(&self, who: Who) -> bool {
        matches!(who, Who::Mention(m) if self.mentions[m].kind == EntityType::Person)
    }

    /// A statement quotation opening right after a source phrase and its appositions.
    fn quote_after_source<'q>(&self, np_end: usize, quotes: &'q [Quote]) -> Option<&'q Quote> {
        let doc = self.doc;
        let s = doc.sentence_of(np_end.saturating_sub(1));
        let mut j = np_end;
        while j < doc.tokens.len() && j < np_end + 12 && j < s.last.max(np_end + 1) {
            if let Some(q) = quote_at(quotes, j) {
                return q.statement.then_some(q);
            }
            let t = doc.tokens[j];
            if t.breaks_before > 0 && j > np_end || t.kind == TokKind::Punct && !doc.is_punct(j, ',') && !doc.is_punct(j, ':') && !doc.is_punct(j, '(') && !doc.is_punct(j, ')') && !doc.is_punct(j, '-') {
                return None;
            }
            j += 1;
        }
        None
    }

    /// The speaker after `selon` / `according to`, and where that phrase ends.
    fn source_np(&self, cue: &Cue) -> Option<(Who, usize)> {
        let doc = self.doc;
        let n = doc.tokens.len();
        let mut k = cue.last;
        let mut found: Option<Who> = None;
        let mut end = k;
        while k < n && k < cue.last + 10 && doc.tokens[k].breaks_before == 0 {
            if doc.tokens[k].kind == TokKind::Punct && !doc.is_punct(k, '\'') && !doc.is_punct(k, '’') {
                break;
            }
            if let Some(m) = self.mention_starting_at(k) {
                // "Saudi Arabia's Civil Defense Authority": the possessor gives way to the head.
                let possessive = matches!(found, Some(Who::Mention(_))) && k > 0 && doc.tokens[k - 1].kind == TokKind::Clitic;
                let after_description = matches!(found, Some(Who::Description(_, e)) if e == k);
                // "selon le directeur du site de X Jean Dupont": the person named after the
                // description is the source.
                let person_after_description = matches!(found, Some(Who::Description(..))) && self.mentions[m].kind == EntityType::Person;
                if found.is_none() || possessive || after_description || person_after_description {
                    found = Some(Who::Mention(m));
                }
                k = self.mentions[m].last;
                end = k;
                continue;
            }
            // "selon le Groupe France Télécom": a name after its article is the source.
            if found.is_none() && doc.is_class(k, Class::Determiner) {
                if let Some(m) = self.mention_starting_at(k + 1) {
                    found = Some(Who::Mention(m));
                    k = self.mentions[m].last;
                    end = k;
                    continue;
                }
            }
            if found.is_none() {
                if let Some(e) = self.description_starting_at(k) {
                    found = Some(Who::Description(k, e));
                    k = e;
                    end = k;
                    continue;
                }
                if let Some(g) = doc.data.value(Class::PronounSubject, doc.low(k)).or_else(|| doc.data.value(Class::StressedPronoun, doc.low(k))) {
                    let t = doc.tokens[k];
                    found = Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
                }
            }
            k += 1;
            end = k;
        }
        found.map(|w| (w, end)).or_else(|| self.np_after(cue.last).map(|e| (Who::Description(cue.last, e), e)))
    }

    /// Where the clause holding token `i` starts: its sentence start, or after a `;`/`:`.
    fn clause_start(&self, i: usize) -> usize {
        let doc = self.doc;
        let s = doc.sentence_of(i);
        let mut k = i;
        let first = s.first.max(i.saturating_sub(MAX_CLAUSE_TOKENS));
        while k > first {
            if doc.is_punct(k - 1, ';') || doc.is_punct(k - 1, ':') && !doc.sentence_of(k).headline {
                return k;
            }
            k -= 1;
        }
        // Opening marks and dashes at the start are not content.
        while k < i && doc.tokens[k].kind == TokKind::Punct {
            k += 1;
        }
        k
    }

    /// The reported clause from token `k` to the end of its clause: the sentence end (or
    /// the end of a quotation running past it), a `;`, or a comma before another cue.
    fn clause_content(&self, k: usize, cues: &[Cue], quotes: &[Quote]) -> Option<(usize, usize)> {
        let doc = self.doc;
        if k >= doc.tokens.len() {
            return None;
        }
        let s = doc.sentence_of(k);
        // A reported clause is never longer than this: a bound that keeps every cue's work
        // constant however long a sentence (or a line without punctuation) is.
        let mut end = s.last.min(k + MAX_CLAUSE_TOKENS);
        // A quotation open at k that runs past the sentence end carries the clause with it.
        let first_quote = quotes.partition_point(|q| q.open < k);
        // (Only one that opens the content: a mark further in may be a stray one that
        // paired with the next quotation.)
        if let Some(q) = quotes[first_quote..].iter().take(4).find(|q| q.open <= k + 2 && q.open < end && q.tokens.1 > s.last) {
            end = q.close.map_or(q.tokens.1, |c| c + 1).min(k + 2 * MAX_CLAUSE_TOKENS);
        }
        for j in k..end {
            if doc.is_punct(j, ';') {
                end = j;
                break;
            }
            // "… et a suggéré que …": a coordinated speech verb starts another claim.
            if j > k && doc.is_class(j, Class::Coordinator) && cue_at(cues, j + 1).is_some() {
                end = j;
                break;
            }
            // "a réfuté l'idée affirmant : « … »": a participle cue starts another claim.
            if j > k + 1 && cue_at(cues, j).is_some_and(|ci| matches!(cues[ci].kind, CueKind::Verb { participle: true, .. })) && (doc.is_punct(j + 1, ':') || doc.is_class(j + 1, Class::Complementizer)) {
                end = j;
                break;
            }
            // ", ajoutant que …", ", a-t-il ajouté", ", tout en ajoutant": another claim starts.
            if doc.is_punct(j, ',') {
                let mut c = j + 1;
                if let Some(lead_end) = doc.match_class(c, Class::ParticipleLead).filter(|&e| e < end) {
                    c = lead_end;
                }
                // (A gerund with no content of its own, "…, en décrivant les méthodes", goes on
                // with the clause.)
                let new_claim = |ci: usize| {
                    let after = cues[ci].last;
                    let reports = doc.is_punct(after, ':') || doc.is_punct(after, ',') || is_that(doc, after) || quote_at(quotes, after).is_some() || after >= end;
                    cues[ci].inverted.is_some() || matches!(cues[ci].kind, CueKind::Verb { participle: true, .. }) && (reports || c == j + 1)
                };
                if cue_at(cues, c).is_some_and(new_claim) {
                    end = j;
                    break;
                }
            }
        }
        if end <= k {
            return None;
        }
        let content = self.trim(doc.tokens[k].start, doc.tokens[end - 1].end);
        let words = doc.text[content.0..content.1].split_whitespace().count();
        (words >= 2).then_some(content)
    }

    /// Trims spaces and final punctuation (but not a closing mark whose opener is inside).
    fn trim(&self, a: usize, b: usize) -> (usize, usize) {
        let text = self.doc.text;
        let mut b = b;
        loop {
            let s = &text[a..b];
            let Some(c) = s.chars().next_back() else { break };
            let balanced_close = match c {
                '»' => s.contains('«'),
                '”' => s.contains('“'),
                '"' => s.matches('"').count() % 2 == 0,
                ')' => s.contains('('),
                _ => false,
            };
            if c.is_whitespace() || (matches!(c, '.' | ',' | ';' | ':' | '»' | '”' | '"' | '—' | '–' | '-' | '(' | ')') && !balanced_close) {
                b -= c.len_utf8();
            } else {
                break;
            }
        }
        let mut a = a;
        while a < b {
            let c = text[a..b].chars().next().unwrap_or('x');
            if c.is_whitespace() || matches!(c, ',' | ':' | '—' | '–') {
                a += c.len_utf8();
            } else {
                break;
            }
        }
        (a, b)
    }

    /// `… — porte-parole du Kremlin` / `… — Kremlin` in a headline.
    fn dash_headline(&self, s: usize) -> Option<((usize, usize), Who)> {
        let doc = self.doc;
        let sent = doc.sentences[s];
        if !sent.headline {
            return None;
        }
        let dash = (sent.first + 3..sent.last).find(|&j| doc.is_punct(j, '—') && doc.tokens[j].space_before)?;
        let k = dash + 1;
        let who = if let Some(e) = self.description_starting_at(k) {
            Who::Description(k, e)
        } else if let Some(m) = self.mention_starting_at(k) {
            if !matches!(self.mentions[m].kind, EntityType::Person | EntityType::Organization) {
                return None;
            }
            // "“Title of a story” — Toronto Star, August 15, 2008": a citation, not a claim.
            let after = self.mentions[m].last;
            let dated = (after..sent.last.min(after + 3)).any(|t| self.at[t].is_some_and(|d| self.mentions[d].kind == EntityType::Date));
            if dated {
                return None;
            }
            Who::Mention(m)
        } else {
            return None;
        };
        let start = self.clause_start(sent.first);
        let content = self.trim(doc.tokens[start].start, doc.tokens[dash - 1].end);
        let words = doc.text[content.0..content.1].split_whitespace().count();
        (words >= 4).then_some((content, who))
    }

    /// A paragraph whose last line is only a person's name (maybe after a dash, maybe with a
    /// title after a comma): what the paragraph says before it is that person's.
    fn signed_paragraph(&self, s: usize, quotes: &[Quote]) -> Option<((usize, usize), Who, bool)> {
        let doc = self.doc;
        let sent = doc.sentences[s];
        let ends_paragraph = doc.sentences.get(s + 1).is_none_or(|n| n.paragraph != sent.paragraph);
        if s == 0 || !ends_paragraph || doc.sentences[s - 1].paragraph != sent.paragraph {
            return None;
        }
        let mut k = sent.first;
        if doc.is_punct(k, '-') || doc.is_punct(k, '—') || doc.is_punct(k, '–') {
            k += 1;
        }
        let m = self.mention_starting_at(k).filter(|&m| self.mentions[m].kind == EntityType::Person)?;
        let after = self.mentions[m].last;
        // Nothing after the name but a title: ", NASA Administrator", " (R-Texas)".
        let titled = after == sent.last || (doc.is_punct(after, ',') || doc.is_punct(after, '(')) && sent.last - after <= 10;
        // A signature has no sentence-final mark and at most one comma: not "X, le
        // président de l'institut, reste prudent."
        let last = sent.last - 1;
        let signature = !(doc.is_punct(last, '.') || doc.is_punct(last, '!') || doc.is_punct(last, '?')) && (after..sent.last).filter(|&t| doc.is_punct(t, ',')).count() <= 1;
        if !signature {
            return None;
        }
        let verbless = (after..sent.last).all(|j| doc.verb_form(j).is_none() && !doc.is_class(j, Class::Auxiliary));
        if !titled || !verbless {
            return None;
        }
        let first = (0..s).rev().take_while(|&p| doc.sentences[p].paragraph == sent.paragraph).last()?;
        let (a, b) = (doc.sentences[first].first, doc.sentences[s - 1].last);
        if b - a < 4 {
            return None;
        }
        // A paragraph that is one quotation: its content, marks excluded.
        let whole = quote_at(quotes, a).filter(|q| q.close.is_some_and(|c| c + 2 >= b));
        let content = whole.map_or_else(|| self.trim(doc.tokens[a].start, doc.tokens[b - 1].end), |q| q.content);
        Some((content, Who::Mention(m), whole.is_some()))
    }

    /// The comma that ends an opening `As X said` / `Comme l'a dit X` clause holding `cue`,
    /// when the words after the cue (from `k`) are its addressee or its inverted subject.
    fn as_clause_end(&self, cue: &Cue, k: usize) -> Option<usize> {
        let doc = self.doc;
        let start = self.clause_start(cue.first);
        if doc.match_class(start, Class::AsClause).is_none() || (start..cue.first).any(|j| doc.is_punct(j, ',')) {
            return None;
        }
        if doc.is_punct(k, ',') {
            return Some(k);
        }
        let w = self.subject_after(cue)?;
        let (_, end) = self.who_span(w);
        let after = doc.tokens.partition_point(|t| t.end <= end);
        doc.is_punct(after, ',').then_some(after)
    }

    /// The first token of a speaker mention.
    fn who_first(&self, w: Who) -> usize {
        match w {
            Who::Mention(m) => self.mentions[m].first,
            Who::Pronoun { tok, .. } => tok,
            Who::Description(a, _) => a,
        }
    }

    fn who_span(&self, w: Who) -> (usize, usize) {
        let doc = self.doc;
        match w {
            Who::Mention(m) => (doc.tokens[self.mentions[m].first].start, doc.tokens[self.mentions[m].last - 1].end),
            Who::Pronoun { span, .. } => span,
            Who::Description(a, b) => (doc.tokens[a].start, doc.tokens[b - 1].end),
        }
    }

    /// The cluster a speaker mention refers to.
    fn resolve(&self, w: Who, pos: usize) -> Option<usize> {
        match w {
            Who::Mention(m) => Some(self.mentions[m].cluster),
            Who::Pronoun { tok, span, plural } => self.resolve_pronoun(tok.min(pos), span, plural),
            Who::Description(a, b) => self.resolve_description(a, b),
        }
    }

    /// A pronoun: the latest person who spoke or stood first in a sentence before it;
    /// a plural pronoun: the latest organisation that spoke.
    fn resolve_pronoun(&self, tok: usize, span: (usize, usize), plural: bool) -> Option<usize> {
        let doc = self.doc;
        let wanted = if plural { EntityType::Organization } else { EntityType::Person };
        // "il" / "she": a person of another gender is not its referent.
        let pronoun_female = doc.data.value(Class::PronounSubject, &doc.text[span.0..span.1].to_lowercase()).and_then(|v| match v.as_bytes().first() {
            Some(b'f') => Some(true),
            Some(b'm') => Some(false),
            _ => None,
        });
        let fits = |c: usize| pronoun_female.is_none() || self.female.get(c).copied().flatten().is_none_or(|f| Some(f) == pronoun_female);
        // The latest speaker within the last few sentences, whatever its type ("elle" for
        // "l'ONG", "it" for a company); further back, only one of the pronoun's type.
        let sentence = doc.tokens[tok].sentence;
        let last_spoken = self.spoken.iter().rev().take(64).find(|(p, c)| {
            let near = sentence.saturating_sub(doc.tokens[*p].sentence) <= 2;
            (near && !plural || self.cluster_kind(*c) == Some(wanted)) && fits(*c)
        });
        // Latest subject-position mention before the pronoun.
        let before = self.mentions.partition_point(|m| m.first < tok);
        let mut latest_subject = None;
        let mut latest_any = None;
        for m in self.mentions[..before].iter().rev().take(200) {
            if m.kind != wanted || !fits(m.cluster) {
                continue;
            }
            if latest_any.is_none() {
                latest_any = Some((m.first, m.cluster));
            }
            let subject = doc.starts_sentence(m.first) || m.title.is_some_and(|(a, _)| doc.starts_sentence(a) || a > 0 && doc.is_class(a - 1, Class::Determiner) && doc.starts_sentence(a - 1));
            if subject {
                latest_subject = Some((m.first, m.cluster));
                break;
            }
        }
        let candidates = [last_spoken.copied(), latest_subject];
        candidates.into_iter().flatten().max_by_key(|(p, _)| *p).map(|(_, c)| c).or(latest_any.map(|(_, c)| c))
    }

    fn cluster_kind(&self, c: usize) -> Option<EntityType> {
        self.kinds.get(c).copied()
    }

    /// A description: the person the article gives that role (nearest before, else the
    /// first after), matching the whole role phrase first, then its head.
    fn resolve_description(&self, a: usize, b: usize) -> Option<usize> {
        let Some((key, head)) = self.role_key(a, b) else {
            // "l'organisation militant pour …", "le collectif de défense …": an organisation word.
            let mut h = a;
            while h < b && (self.doc.is_class(h, Class::Determiner) || self.doc.tokens[h].kind == TokKind::Elision) {
                h += 1;
            }
            if h >= b {
                return None;
            }
            // "the Church" for the Church of Scientology, "la Commission" for the Commission
            // européenne: an organisation named with that word.
            return self.organisation_named_with(a, h).or_else(|| self.doc.is_class(h, Class::OrgRole).then(|| self.latest_organisation(a)).flatten());
        };
        // Roles are bound in text order; the nearest before `a`, else the first after.
        let pick = |f: &dyn Fn(&(usize, String, String, usize)) -> bool| {
            let split = self.roles.partition_point(|r| r.0 <= a);
            let before = self.roles[..split].iter().rev().take(256).find(|r| f(r));
            let after = self.roles[split..].iter().take(256).find(|r| f(r));
            before.or(after).map(|r| r.3)
        };
        let bound = pick(&|r| r.1 == key).or_else(|| {
            // The head alone ("le président") only when the description adds nothing else.
            (key == head).then(|| pick(&|r| r.2 == head)).flatten()
        });
        if bound.is_some() {
            return bound;
        }
        // "l'ONG", "le groupe", "the company": the organisation that last spoke or was named.
        if self.doc.data.is(Class::OrgRole, &head) {
            let h = (a..b).find(|&t| self.doc.is_class(t, Class::OrgRole)).unwrap_or(a);
            return self.organisation_named_with(a, h).or_else(|| self.latest_organisation(a));
        }
        None
    }

    /// The latest organisation before token `a` whose name holds the word at token `h`.
    fn organisation_named_with(&self, a: usize, h: usize) -> Option<usize> {
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
    fn latest_organisation(&self, a: usize) -> Option<usize> {
        let before = self.mentions.partition_point(|m| m.first < a);
        let spoken = self.spoken.iter().rev().take(64).find(|(_, c)| self.cluster_kind(*c) == Some(EntityType::Organization)).map(|&(p, c)| (p, c));
        let named = self.mentions[..before].iter().rev().take(200).find(|m| m.kind == EntityType::Organization).map(|m| (m.first, m.cluster));
        [spoken, named].into_iter().flatten().max_by_key(|(p, _)| *p).map(|(_, c)| c)
    }
}

/// The cue starting at token `tok` (cues are in text order).
fn cue_at(cues: &[Cue], tok: usize) -> Option<usize> {
    let i = cues.partition_point(|c| c.first < tok);
    (i < cues.len() && cues[i].first == tok).then_some(i)
}

/// The cue ending right before token `tok`.
fn cue_ending_at(cues: &[Cue], tok: usize) -> Option<usize> {
    let i = cues.partition_point(|c| c.last < tok);
    (i < cues.len() && cues[i].last == tok).then_some(i)
}

/// The quotation whose opening mark is token `tok` (quotations are in order of their marks).
fn quote_at(quotes: &[Quote], tok: usize) -> Option<&Quote> {
    let i = quotes.partition_point(|q| q.open < tok);
    quotes.get(i).filter(|q| q.open == tok)
}

fn k_tok(doc: &Doc, byte: usize) -> usize {
    doc.tokens.partition_point(|t| t.end <= byte)
}

fn is_agent(kind: EntityType) -> bool {
    matches!(kind, EntityType::Person | EntityType::Organization | EntityType::Location)
}

/// Whether `word` ends with one of the suffixes of `class`.
fn ends_with_class(doc: &Doc, word: &str, class: Class) -> bool {
    doc.data.entries(class).any(|suf| word.ends_with(suf))
}

/// A pronominal lemma without its reflexive pronoun (`se plaindre` → `plaindre`).
fn bare_lemma<'l>(doc: &Doc, lemma: &'l str) -> &'l str {
    doc.data
        .entries(Class::ReflexivePronoun)
        .find_map(|r| lemma.strip_prefix(r).filter(|rest| r.ends_with('\'') || rest.starts_with(' ')))
        .map_or(lemma, str::trim_start)
}

/// `que`, `qu'`, `that`: the complementizer of a declarative clause.
fn is_that(doc: &Doc, j: usize) -> bool {
    doc.is_class(j, Class::Complementizer) && doc.data.value(Class::Complementizer, doc.low(j)) == Some("that")
}

/// Words that may stand between a subject and its verb, or a verb and its content.
fn ctx_skippable(doc: &Doc, j: usize) -> bool {
    doc.is_class(j, Class::Adverb) || doc.is_class(j, Class::ReflexivePronoun) || doc.is_class(j, Class::VerbFiller)
}

