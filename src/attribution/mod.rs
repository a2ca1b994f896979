//! Attributed claims: direct quotes and reported speech, each tied to its cue and speaker.
//!
//! Requires: a segmented [`Doc`], the entity mentions with their clusters, and the
//! quotations. Assigns: claims (content, cue, speaker mention and resolved cluster), and
//! the descriptions that point to a cluster (`le président kazakh`) as its aliases.
//!
//! Steps: find cues (speech-verb forms with their auxiliaries and inversions, `selon`,
//! `according to`); attach statement quotations to the cue beside them (`« … », a-t-il
//! dit`, `X said: "…"`) or inside their marks (`« …, explique X. … »`), or to the speaker of
//! a neighbouring piece of the same quote; read reported speech after, before or around
//! each remaining cue (`X a déclaré que …`, `…, a déclaré X`, `…, officials said on
//! Tuesday`, `La situation, a-t-il ajouté, reste grave`, `selon X, …`); give a quotation left
//! alone the speaker of the claim or of the sentence before it; read headline attributions
//! (`… — porte-parole du Kremlin`, `X : « … »`); then resolve speakers: names to their
//! clusters, pronouns to the latest person in subject position, descriptions to the person
//! the article gives that role.
//!
//! [`find`] runs these steps in order over one `Ctx` (the shared context); each step's rules live in its
//! module: `cues` (cue tokens), `quotations` (quotes beside their cue, quote pieces),
//! `content` (the clause a cue reports), `headlines` (attributions without a verb),
//! `speakers` (the mention that speaks) and `resolve` (role bindings, the cluster a
//! pronoun or description refers to).

mod content;
mod cues;
mod headlines;
mod quotations;
mod resolve;
mod speakers;

use crate::clusters::{Group, Mention};
use crate::lang::Class;
use crate::quotes::Quote;
use crate::schema::{ClaimKind, EntityType};
use crate::segment::{Doc, TokKind};

use cues::find_cues;
use quotations::{Incise, enclosed_by_statements, same_quote_chain};
use resolve::cluster_genders;

/// The `why` of a claim reported by `selon X, …` / `according to X, …`: the one claim that
/// other claims may lie inside besides a quotation (the source's report of someone's claim).
pub const SOURCE_THEN_CLAUSE: &str = "selon / according to, then the clause";

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

/// A claim before resolution: kind, content bytes, cue index, speaker, rule, and the token
/// where it stands (claims are resolved in that order).
type Raw = (ClaimKind, (usize, usize), Option<usize>, Option<Who>, &'static str, usize);

/// Who a speaker mention is, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Who {
    Mention(usize),
    Pronoun { tok: usize, span: (usize, usize), plural: bool },
    Description(usize, usize),
    /// Several speakers joined by a conjunction (`the district and the police`): no one
    /// cluster.
    Group(usize, usize),
}

/// A role bound to a person: (token position, role key, head role, cluster).
type RoleBinding = (usize, String, String, usize);

struct Ctx<'a, 't> {
    doc: &'a Doc<'t>,
    mentions: &'a [Mention],
    /// Mention covering each token, plus one (0: none); see [`Ctx::mention_at`]. Four
    /// bytes a token: the table is zeroed and read for every token.
    at: Vec<u32>,
    roles: Vec<RoleBinding>,
    /// Any description set beside a person's name by commas (`son complice de toujours, X,`,
    /// `X, an Australian woman,`): (token position, its content words, cluster).
    appositions: Vec<(usize, Vec<&'a str>, usize)>,
    /// Clusters that have spoken, with the token where their claim ends.
    spoken: Vec<(usize, usize)>,
    /// Where the claims of unnamed groups (`The authors`, `les syndicats`) end: a plural
    /// pronoun after them refers to them, not to a body.
    groups_spoken: Vec<usize>,
    /// The type of each cluster.
    kinds: Vec<EntityType>,
    /// The gender of each person cluster when its names or titles tell it (`true`: a woman).
    female: Vec<Option<bool>>,
}

impl Ctx<'_, '_> {
    /// The mention covering token `t`.
    fn mention_at(&self, t: usize) -> Option<usize> {
        self.at.get(t).and_then(|&m| m.checked_sub(1)).map(|m| m as usize)
    }
}

/// Finds the claims of `doc`.
pub fn find(doc: &Doc, mentions: &[Mention], groups: &mut [Group], quotes: &[Quote]) -> Vec<Found> {
    let mut at = vec![0; doc.tokens.len()];
    for (i, m) in mentions.iter().enumerate() {
        at[m.first..m.last].fill(i as u32 + 1);
    }
    let kinds = groups.iter().map(|g| g.kind).collect();
    let female = cluster_genders(doc, mentions, groups.len());
    let mut ctx = Ctx { doc, mentions, at, roles: Vec::new(), appositions: Vec::new(), spoken: Vec::new(), groups_spoken: Vec::new(), kinds, female };
    ctx.bind_roles();
    let cues = find_cues(doc, &ctx);
    let mut raw: Vec<Raw> = Vec::with_capacity(cues.len() + quotes.len());
    let mut used_cue = vec![false; cues.len()];
    let mut quote_speaker: Vec<Option<(Option<usize>, Option<Who>)>> = vec![None; quotes.len()];
    // Quotations claimed in two pieces around the cue inside them.
    let mut incised = vec![false; quotes.len()];

    // 1. Quotations attached to a cue beside them.
    let enclosed = enclosed_by_statements(quotes);
    for (qi, q) in quotes.iter().enumerate() {
        if !q.statement || q.depth > 0 && enclosed[qi] {
            continue;
        }
        if let Some((ci, who)) = ctx.attach_right(q, &cues).or_else(|| ctx.attach_left(q, &cues)) {
            used_cue[ci] = true;
            quote_speaker[qi] = Some((Some(ci), who));
        } else if let Some(Incise { cue: ci, who, first, rest }) = ctx.incise_in_quote(q, &cues) {
            // Two claims of one speaker, as for a quotation split by its cue; its other
            // pieces and reopenings go on with that speaker.
            used_cue[ci] = true;
            quote_speaker[qi] = Some((Some(ci), Some(who)));
            incised[qi] = true;
            for part in std::iter::once(first).chain(rest) {
                raw.push((ClaimKind::Direct, part, Some(ci), Some(who), "quotation with its cue set inside its marks", q.open));
            }
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
        if quote_speaker[qi].is_some() {
            continue;
        }
        if let Some(pi) = continued_quote(doc, quotes, qi) {
            quote_speaker[qi] = quote_speaker[pi];
        }
    }
    for (qi, q) in quotes.iter().enumerate() {
        if incised[qi] {
            continue;
        }
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
    direct.sort();
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
        if let Some((mut content, who, why, quoted)) = ctx.reported(cue, &cues, quotes) {
            let kind = if quoted { ClaimKind::Direct } else { ClaimKind::Indirect };
            // What a cue inside a quotation reports ends with the quotation ('"I believe the
            // plan will fail," he said' is no claim running on to "he said").
            let cue_start = doc.tokens[cue.first].start;
            let enclosing = direct.partition_point(|d| d.0 <= cue_start).checked_sub(1).map(|i| direct[i]).filter(|d| cue_start < d.1);
            if let Some(d) = enclosing.filter(|d| content.0 < d.1 && content.1 > d.1) {
                content = ctx.trim(content.0, d.1);
            }
            // Content already claimed as a quotation is not claimed again (but a cue inside
            // the quotation reports a claim of its own: "« Il me disait que … »").
            let after_that = k_tok(doc, content.0).checked_sub(1).is_some_and(|t| is_that(doc, t));
            let cue_inside = after_that && matches!(who, Some(Who::Pronoun { .. } | Who::Mention(_))) && inside_direct((doc.tokens[cue.first].start, doc.tokens[cue.last - 1].end));
            if inside_direct(content) && !cue_inside || quoted && holds_direct(content) {
                continue;
            }
            raw.push((kind, content, Some(ci), who, why, cue.first));
        }
    }
    // A quotation that makes a sentence of its own right after a claim goes on with that
    // claim's speaker ("X noted the findings show Y. "…"", "X a estimé que Y : « … »"), and
    // so do its reopenings in the next paragraphs.
    // (The claims so far sorted by start with the furthest end reached: a quotation overlaps
    // one when a claim starting before its end reaches past its start. And those with a
    // speaker by where they end. One binary search per quotation.)
    let mut by_start: Vec<(usize, usize)> = raw.iter().map(|r| r.1).collect();
    by_start.sort();
    let reach: Vec<usize> = by_start.iter().scan(0, |m, s| {
        *m = (*m).max(s.1);
        Some(*m)
    }).collect();
    let overlaps = |c: (usize, usize)| {
        let i = by_start.partition_point(|s| s.0 < c.1);
        i > 0 && reach[i - 1] > c.0
    };
    let mut by_end: Vec<usize> = (0..raw.len()).filter(|&i| raw[i].3.is_some()).collect();
    by_end.sort_by_key(|&i| (raw[i].1 .1, std::cmp::Reverse((raw[i].1 .0, raw[i].5))));
    for qi in 0..quotes.len() {
        let q = &quotes[qi];
        if quote_speaker[qi].is_some() || !q.statement || q.depth > 0 || overlaps(q.content) {
            continue;
        }
        let follows = continued_quote(doc, quotes, qi).and_then(|pi| quote_speaker[pi]).or_else(|| {
            let r = ctx.claim_before_quote(q, &raw, &by_end)?;
            Some((r.2, r.3))
        });
        if let Some((ci, who)) = follows {
            quote_speaker[qi] = Some((ci, who));
            raw.push((ClaimKind::Direct, q.content, ci, who, "quotation after a claim of its speaker", q.open));
        } else if let Some(who) = ctx.subject_before_quote(q) {
            quote_speaker[qi] = Some((None, Some(who)));
            raw.push((ClaimKind::Direct, q.content, None, Some(who), "quotation after a sentence about its speaker", q.open));
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
            } else {
                // "I was told that …  Jane Doe": inside a signed paragraph, a speaker the
                // article names nowhere is the signer.
                for r in raw.iter_mut().filter(|r| content.0 <= r.1 .0 && r.1 .1 <= content.1) {
                    let unnamed = match r.3 {
                        None => true,
                        Some(w @ Who::Description(..)) => ctx.resolve(w, r.5, None).is_none(),
                        _ => false,
                    };
                    if unnamed {
                        r.3 = Some(who);
                    }
                }
            }
        }
    }
    // A claim inside another claim's content is part of it ("Les militants ont prétendu …,
    // a déclaré Tokayev"): keep the outer one.
    raw.sort_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)));
    let mut outer_end = 0;
    let mut outer: Option<(usize, usize)> = None;
    let mut outer_direct = false;
    let mut outer_source = false;
    raw.retain(|r| {
        // Sorted by start, longest first: a span ending before the furthest end seen is inside.
        // (A span equal to an earlier one is a duplicate from a second cue: dropped too.) But
        // reported speech quoted inside a quotation is a claim of its own ("« Il me disait
        // que … »"), with its own cue and speaker.
        // So is a claim inside what a source says ("According to ABC News, Basya believes
        // …": ABC News reports Basya's claim).
        let own = (outer_direct || outer_source) && r.0 == ClaimKind::Indirect && r.2.is_some() && outer != Some(r.1);
        let nested = outer.is_some() && r.1 .1 <= outer_end && !own;
        if r.1 .1 > outer_end || outer.is_none() {
            outer_end = r.1 .1;
            outer = Some(r.1);
            outer_direct = r.0 == ClaimKind::Direct;
            outer_source = r.4 == SOURCE_THEN_CLAUSE;
        }
        !nested
    });
    raw.sort_by_key(|r| (r.5, r.1 .0));
    // Resolve speakers in text order, so pronouns see who spoke before them.
    let mut out = Vec::with_capacity(raw.len());
    ctx.spoken.reserve(raw.len());
    // The latest quotation claimed and its speaker: "il" inside X's own words is someone else.
    let mut quoting: Option<((usize, usize), usize)> = None;
    for (kind, content, ci, who, why, pos) in raw {
        if content.1 <= content.0 {
            continue;
        }
        let speaker = who.map(|w| {
            let inside = |(a, b): (usize, usize)| quoting.filter(|q| q.0 .0 <= a && b <= q.0 .1).map(|q| q.1);
            let cluster = ctx.resolve(w, pos, inside(ctx.who_span(w)));
            if let (Some(c), Who::Description(a, b)) = (cluster, w) {
                let d = doc.span_text(a, b).to_string();
                if !groups[c].descriptions.contains(&d) {
                    groups[c].descriptions.push(d);
                }
            }
            // (Where its claim ends: a long quotation keeps its speaker recent.)
            if let Some(c) = cluster {
                ctx.spoken.push((k_tok(doc, content.1 - 1).max(pos), c));
            } else if let Who::Description(a, b) = w {
                if ctx.plural_phrase(a, b) {
                    ctx.groups_spoken.push(k_tok(doc, content.1 - 1).max(pos));
                }
            }
            FoundSpeaker { span: ctx.who_span(w), cluster }
        });
        if let (ClaimKind::Direct, Some(c)) = (kind, speaker.as_ref().and_then(|s| s.cluster)) {
            quoting = Some((content, c));
        }
        let cue = ci.map(|i| (doc.tokens[cues[i].first].start, doc.tokens[cues[i].last - 1].end));
        out.push(Found { kind, content, cue, speaker, why });
    }
    out
}

/// The quotation that quotation `qi` goes on with, when `qi` opens a paragraph right after
/// a paragraph that ends in that quotation (at most a short tail after it).
fn continued_quote(doc: &Doc, quotes: &[Quote], qi: usize) -> Option<usize> {
    let q = &quotes[qi];
    if !q.statement || q.depth > 0 || doc.tokens[q.open].breaks_before == 0 {
        return None;
    }
    let para = doc.sentence_of(q.open).paragraph;
    let pi = (qi.saturating_sub(8)..qi).rev().find(|&j| quotes[j].depth == 0)?;
    let prev = &quotes[pi];
    let prev_para = doc.sentence_of(prev.open).paragraph;
    let last_of_para = prev.close.map_or(prev.tokens.1, |c| c + 1);
    let tail = (last_of_para..q.open).filter(|&t| doc.tokens[t].kind != TokKind::Punct).count();
    (prev_para + 1 == para && tail <= 12).then_some(pi)
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
    doc.is_class(j, Class::Complementizer) && low_value(doc, j, Class::Complementizer) == Some("that")
}

/// `s.to_lowercase()`, without its table search for ASCII and Latin-1 letters (most
/// words and phrases, `président` too).
fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    if s.contains('Σ') {
        // (A final sigma lowercases by its context.)
        return s.to_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0'..='\u{7f}' => out.push(c.to_ascii_lowercase()),
            // Latin-1 capitals (but the sign ×) lie 0x20 before their small letters.
            '\u{c0}'..='\u{de}' if c != '\u{d7}' => out.push(char::from(c as u8 + 0x20)),
            '\u{80}'..='\u{ff}' => out.push(c),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The value in `class` of token `j`'s lowercase key: `doc.data.value(class, doc.low(j))`,
/// asking the table only of a token whose bits say that it is an entry.
#[inline]
fn low_value(doc: &Doc, j: usize, class: Class) -> Option<&'static str> {
    if doc.low_is(j, class) { doc.data.value(class, doc.low(j)) } else { None }
}

/// Words that may stand between a subject and its verb, or a verb and its content.
fn ctx_skippable(doc: &Doc, j: usize) -> bool {
    doc.is_class(j, Class::Adverb) || doc.is_class(j, Class::ReflexivePronoun) || doc.is_class(j, Class::VerbFiller)
}


#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lowercase_is_to_lowercase() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            let s = format!("a{c}É{c}");
            assert_eq!(lowercase(&s), s.to_lowercase(), "{c:?}");
        }
        for s in ["Président", "ΣΟΦΊΑ Σ", "ÀÉÎÕÜ×ÞßÿŸ", "İstanbul", "Ǆemal"] {
            assert_eq!(lowercase(s), s.to_lowercase());
        }
    }
}
