//! Quotations attached to the cue beside them (`« … », a-t-il dit`, `X said: "…"`), and
//! the pieces of one quote that share its speaker.

use crate::lang::Class;
use crate::quotes::Quote;
use crate::segment::{Doc, TokKind};

use super::{Ctx, Cue, CueKind, Raw, Who, k_tok, quote_at};
use super::cues::{cue_at, cue_ending_at};

/// For each quotation, whether a statement quotation encloses it (one sweep with a stack).
pub(super) fn enclosed_by_statements(quotes: &[Quote]) -> Vec<bool> {
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
pub(super) fn same_quote_chain(doc: &Doc, a: &Quote, b: &Quote, ai: usize, bi: usize) -> bool {
    let (first, second) = if ai < bi { (a, b) } else { (b, a) };
    let pa = doc.sentence_of(first.open).paragraph;
    let pb = doc.sentence_of(second.open).paragraph;
    if first.close.is_none() {
        return pb == pa + 1 && doc.tokens[second.open].breaks_before > 0;
    }
    // Two quotations of one paragraph with no other speech cue between them share a speaker.
    pa == pb
}

/// A cue set inside the marks of the quotation it introduces: the cue, its speaker, and the
/// quoted words before and after them (bytes; there may be none after).
pub(super) struct Incise {
    pub cue: usize,
    pub who: Who,
    pub first: (usize, usize),
    pub rest: Option<(usize, usize)>,
}

impl Ctx<'_, '_> {
    /// A quotation followed by its cue: `« … », a précisé X`, `"…," said X`, `"…," X said`.
    pub(super) fn attach_right(&self, q: &Quote, cues: &[Cue]) -> Option<(usize, Option<Who>)> {
        let doc = self.doc;
        let close = q.close?;
        let mut k = close + 1;
        if doc.is_punct(k, ',') || doc.is_punct(k, '—') || doc.is_punct(k, '–') {
            k += 1;
        } else {
            // The comma may stand inside the marks ("…," he said); otherwise a cue must follow at once.
            let inside_comma = q.tokens.1 > q.tokens.0 && (doc.is_punct(q.tokens.1 - 1, ',') || doc.is_punct(q.tokens.1 - 1, '?') || doc.is_punct(q.tokens.1 - 1, '!'));
            if !inside_comma && !doc.sentence_of(close).headline {
                cue_at(cues, k)?;
            }
        }
        if k >= doc.tokens.len() || doc.tokens[k].breaks_before > 0 {
            return None;
        }
        // "« … », s'indigne X": the reflexive pronoun before the verb is no part of its cue.
        if doc.is_class(k, Class::ReflexivePronoun) && k + 1 < doc.tokens.len() && cue_at(cues, k).is_none() {
            k += 1;
        }
        if let Some(ci) = cue_at(cues, k) {
            let cue = &cues[ci];
            if matches!(cue.kind, CueKind::Verb { .. }) {
                // '"…," said the post by an unknown author': a plain noun phrase after the cue.
                let plain = || {
                    let a = cue.last;
                    (a < doc.tokens.len() && doc.tokens[a].breaks_before == 0 && doc.is_class(a, Class::Determiner)).then(|| self.np_after(a)).flatten().map(|e| Who::Description(a, e))
                };
                return Some((ci, self.subject_after(cue).or_else(plain).or_else(|| self.participle_subject(cue))));
            }
        }
        // English order: '"…," Smith said' / '"…," the spokesman told reporters' /
        // '"…," Khaled Al-Maeena, editor at large at the Saudi Gazette, said'.
        // (The cues from `k + 1` on, in order: found once, then walked along with `j`.)
        let mut next = cues.partition_point(|c| c.first <= k);
        for j in k + 1..(k + 16).min(doc.tokens.len()) {
            if doc.tokens[j].breaks_before > 0 || doc.tokens[j].kind == TokKind::Punct && !doc.is_punct(j, ',') {
                break;
            }
            while cues.get(next).is_some_and(|c| c.first < j) {
                next += 1;
            }
            if let Some(ci) = cues.get(next).filter(|c| c.first == j).map(|_| next) {
                if matches!(cues[ci].kind, CueKind::Verb { .. }) {
                    let who = self.subject_before(j);
                    return who.map(|w| (ci, Some(w)));
                }
            }
        }
        None
    }

    /// A quotation after its cue: `X a déclaré : « … »`, `X said: "…"`, `ajoutant : «…»`.
    pub(super) fn attach_left(&self, q: &Quote, cues: &[Cue]) -> Option<(usize, Option<Who>)> {
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
            let a = self.mention_at(k.checked_sub(1)?)?;
            let mut first = self.mentions[a].first;
            while first > 0 && doc.is_class(first - 1, Class::Determiner) {
                first -= 1;
            }
            let c = cue_ending_at(cues, first)?;
            (introduced && self.mentions[a].last == k && doc.is_class(cues[c].last - 1, Class::AddresseeVerb)).then_some(c)
        }).or_else(|| {
            // "comme le rappelle HRW, « … »", "said Smith: "…"": the inverted subject between
            // the cue and the mark.
            let a = self.mention_ending_at(k.checked_sub(1)?)?;
            let mut first = self.mentions[a].first;
            while first > 0 && doc.is_class(first - 1, Class::Determiner) {
                first -= 1;
            }
            let c = cue_ending_at(cues, first)?;
            // (Not the addressee of "told": "As Heald told The Huffington Post, "…"".)
            let addressee = doc.is_class(cues[c].last - 1, Class::AddresseeVerb);
            (k < q.open && !addressee && matches!(cues[c].kind, CueKind::Verb { passive: false, participle: false, .. })).then_some(c)
        }).or_else(|| {
            // "a déclaré dans un communiqué : « … »", "told reporters on Monday: "…"": adjuncts
            // between the cue and the colon.
            if !(k < q.open && doc.is_punct(k, ':')) {
                return None;
            }
            let lo = cues.partition_point(|c| c.last + 10 < k);
            (lo..cues.partition_point(|c| c.last < k)).rev().find(|&c| matches!(cues[c].kind, CueKind::Verb { passive: false, .. }) && self.adjuncts(&cues[c], cues[c].last, k))
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
        let inverted = k.checked_sub(1).and_then(|e| self.mention_ending_at(e)).filter(|&m| self.mentions[m].first >= cue.last && k < q.open && !doc.is_class(cue.last - 1, Class::AddresseeVerb));
        let who = inverted.map(Who::Mention).or_else(|| self.subject_of(cue));
        Some((ci, who))
    }

    /// A statement quotation opening right after a source phrase and its appositions.
    pub(super) fn quote_after_source<'q>(&self, np_end: usize, quotes: &'q [Quote]) -> Option<&'q Quote> {
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

    /// A cue and its speaker set inside a quotation's own marks after a comma (`« Il faut
    /// agir vite, explique X. Le temps presse. »`).
    pub(super) fn incise_in_quote(&self, q: &Quote, cues: &[Cue]) -> Option<Incise> {
        let doc = self.doc;
        let (a, b) = q.tokens;
        let ci = (cues.partition_point(|c| c.first < a + 2)..cues.partition_point(|c| c.first < b)).find(|&c| {
            matches!(cues[c].kind, CueKind::Verb { participle: false, passive: false, .. }) && doc.is_punct(cues[c].first - 1, ',')
        })?;
        let cue = &cues[ci];
        let who = self.subject_after(cue)?;
        // The speaker ends the first part's sentence or clause: "explique X." / "explique X,".
        let end = if cue.inverted.is_some() { cue.last } else { self.who_end(who) };
        if end > b || end < b && !(doc.is_punct(end, '.') || doc.is_punct(end, ',')) {
            return None;
        }
        let first = (q.content.0, doc.tokens[cue.first - 2].end);
        let rest = (end + 1 < b).then(|| (doc.tokens[end + 1].start, q.content.1));
        Some(Incise { cue: ci, who, first, rest })
    }

    /// The person a quotation that makes a sentence of its own is by, when no cue or claim
    /// gives it one: the person the sentence before it, in its paragraph, opens with ("Jane
    /// Roe, the club's president, was disappointed. "We gave everything."").
    pub(super) fn subject_before_quote(&self, q: &Quote) -> Option<Who> {
        let doc = self.doc;
        let close = q.close?;
        let s = doc.sentence_of(q.open);
        let si = doc.tokens[q.open].sentence as usize;
        if si == 0 || s.first != q.open || s.headline || (close + 1..s.last).any(|t| doc.tokens[t].kind != TokKind::Punct) {
            return None;
        }
        let before = &doc.sentences[si - 1];
        if before.paragraph != s.paragraph || before.headline {
            return None;
        }
        self.sentence_subject(before.first, before.last).filter(|&w| self.is_person(w))
    }

    /// The claim a quotation goes on with: the quotation opens its sentence (or follows a
    /// colon) and ends it, and the claim ends right before it, in the same paragraph, with
    /// only punctuation between them.
    /// `by_end`: the claims with a speaker, by end, then outer first, then first.
    pub(super) fn claim_before_quote<'r>(&self, q: &Quote, raw: &'r [Raw], by_end: &[usize]) -> Option<&'r Raw> {
        let doc = self.doc;
        let s = doc.sentence_of(q.open);
        let after_colon = q.open > 0 && doc.is_punct(q.open - 1, ':');
        if !(doc.starts_sentence(q.open) || s.first == q.open || after_colon) {
            return None;
        }
        if let Some(c) = q.close {
            let cs = doc.sentence_of(c);
            if (c + 1..cs.last).any(|t| doc.tokens[t].kind != TokKind::Punct) {
                return None;
            }
        }
        let start = doc.tokens[q.open].start;
        // (Of claims ending together, the outer one, then the first: "X noted [the findings
        // show Y]".)
        let i = by_end.partition_point(|&i| raw[i].1 .1 <= start);
        let r = &raw[*by_end.get(i.checked_sub(1)?)?];
        let last = k_tok(doc, r.1 .1 - 1);
        let between = (last + 1..q.open).all(|t| doc.tokens[t].kind == TokKind::Punct);
        let same_paragraph = doc.sentence_of(last).paragraph == s.paragraph && doc.tokens[q.open].breaks_before == 0;
        (between && same_paragraph).then_some(r)
    }
}
