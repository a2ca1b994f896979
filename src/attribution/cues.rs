//! Cues: speech-verb forms with their auxiliaries, voice and inversions (`a-t-il dit`,
//! `has said`), `selon` / `according to`, and `Pour X,` opening a view.

use crate::lang::{Class, Lang};
use crate::schema::EntityType;
use crate::segment::{Doc, TokKind};

use super::{Ctx, Cue, CueKind, ends_with_class};

pub(super) fn find_cues(doc: &Doc, ctx: &Ctx) -> Vec<Cue> {
    let data = doc.data;
    let n = doc.tokens.len();
    // (About one token in twenty starts a cue in news: room for most articles' cues at once.)
    let mut cues: Vec<Cue> = Vec::with_capacity(n / 16);
    // Inversions written as one token (a-t-il, déclare-t-elle, dit-il, ajoutent-ils) hold a
    // hyphen. Hyphens are rare: the words holding one are told by where the next hyphen
    // stands (searched for again once passed), rather than by searching every word.
    let text = doc.text;
    let next_hyphen = |from: usize| text[from..].find('-').map_or(usize::MAX, |p| from + p);
    let mut hyphen = if doc.lang == Lang::Fr { next_hyphen(0) } else { usize::MAX };
    let mut holds_hyphen = |t: &crate::segment::Token| {
        if hyphen < t.start {
            hyphen = next_hyphen(t.start);
        }
        hyphen < t.end
    };
    let mut i = 0;
    while i < n {
        let t = doc.tokens[i];
        let word = t.kind == TokKind::Word;
        // Most tokens start no cue, as their bits tell without reading their text (read once
        // for all the classes).
        let bits = doc.bits(i);
        let may_cue = bits.is(Class::OpinionCue) | bits.starts(Class::PhrasalCue) | bits.starts(Class::SourceCue)
            || word && (bits.entry(Class::Auxiliary) || bits.verb.is_some() || holds_hyphen(&t));
        if !may_cue || ctx.mention_at(i).is_some_and(|m| ctx.mentions[m].kind != EntityType::Date) {
            i += 1;
            continue;
        }
        let inversion = word && holds_hyphen(&t);
        let word_cue = word && (inversion || doc.low_is(i, Class::Auxiliary) || doc.verb_form(i).is_some());
        if doc.is_class(i, Class::OpinionCue) && doc.starts_sentence(i) {
            cues.push(Cue { first: i, last: i + 1, kind: CueKind::Opinion, inverted: None });
            i += 1;
            continue;
        }
        // "calls for a probe": a verb and its particle.
        if let Some(end) = doc.match_class(i, Class::PhrasalCue).filter(|_| !doc.is_cap(i) || doc.starts_sentence(i)) {
            let participle = ends_with_class(doc, doc.low(i), Class::PresentParticipleSuffix);
            let kind = CueKind::Verb { accuses: false, participle, contentless: false, clause: false, passive: false };
            cues.push(with_voice(doc, Cue { first: i, last: end, kind, inverted: None }));
            i = end;
            continue;
        }
        if let Some(end) = doc.match_class(i, Class::SourceCue) {
            cues.push(Cue { first: i, last: end, kind: CueKind::Source, inverted: None });
            i = end;
            continue;
        }
        if !word_cue {
            i += 1;
            continue;
        }
        let low = doc.low(i);
        if inversion {
            if let Some((base, pron_start)) = split_inversion(data, low) {
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
        if doc.low_is(i, Class::Auxiliary) && (!doc.is_cap(i) || doc.starts_sentence(i)) {
            // "have called for", "has repeatedly called for".
            let p = if doc.is_class(i + 1, Class::Adverb) { i + 2 } else { i + 1 };
            if let Some(end) = doc.match_class(p, Class::PhrasalCue) {
                let kind = CueKind::Verb { accuses: false, participle: false, contentless: false, clause: false, passive: false };
                cues.push(with_voice(doc, Cue { first: i, last: end, kind, inverted: None }));
                i = end;
                continue;
            }
            if let Some(p) = participle_after(doc, i + 1).filter(|&p| doc.verb_form(p).is_some_and(|v| reflexive_ok(doc, &v, i, p))) {
                let v = data.verb_forms[doc.low(p)];
                cues.push(with_voice(doc, Cue { first: i, last: p + 1, kind: verb_kind(doc, &v, doc.low(p)), inverted: None }));
                i = p + 1;
                continue;
            }
            // "a tenu à préciser que", "a voulu rappeler que": the participle of a verb of
            // will between the auxiliary and the speech verb it governs.
            let governed = if i + 2 < n && doc.is_class(i + 2, Class::InfinitiveMarker) { i + 3 } else { i + 2 };
            let will = governed < n && doc.tokens[i + 1].kind == TokKind::Word && doc.verb_form(i + 1).is_none() && ends_with_class(doc, doc.low(i + 1), Class::ParticipleSuffix);
            if let Some(v) = will.then(|| doc.verb_form(governed)).flatten().filter(|v| reflexive_ok(doc, v, i, governed)) {
                cues.push(with_voice(doc, Cue { first: i, last: governed + 1, kind: verb_kind(doc, &v, doc.low(governed)), inverted: None }));
                i = governed + 1;
                continue;
            }
        }
        if let Some(v) = &doc.verb_form(i).filter(|v| reflexive_ok(doc, v, i, i)) {
            // "the report", "in reports", "Recent reports have revealed": a noun, not a verb.
            // (After "comme", "il", "qui", "le" is an object pronoun: "comme le rappelle HRW".)
            let clitic = i >= 2 && (doc.is_class(i - 2, Class::AsClause) || doc.is_class(i - 2, Class::PronounSubject) || doc.is_class(i - 2, Class::RelativePronoun));
            let noun_use = i > 0 && (doc.is_class(i - 1, Class::Determiner) && !clitic || doc.is_class(i - 1, Class::LocationPreposition) && doc.lang == Lang::En)
                || doc.lang == Lang::En && doc.is_class(i + 1, Class::Auxiliary) && !doc.is_class(i + 1, Class::VerbFiller);
            let capital_mid = doc.is_cap(i) && !doc.starts_sentence(i);
            if !noun_use && !capital_mid {
                // "De Pavant à indiqué" for "a indiqué": an infinitive marker between a subject
                // and a past participle stands for the auxiliary it sounds like.
                let subject = |t: usize| doc.is_class(t, Class::PronounSubject) || ctx.mention_ending_at(t).is_some_and(|m| matches!(ctx.mentions[m].kind, EntityType::Person | EntityType::Organization));
                let misspelt = i >= 2 && doc.is_class(i - 1, Class::InfinitiveMarker) && doc.is_class(i - 1, Class::Preposition) && ends_with_class(doc, low, Class::ParticipleSuffix) && subject(i - 2);
                let first = if misspelt { i - 1 } else { i };
                cues.push(Cue { first, last: i + 1, kind: verb_kind(doc, v, low), inverted: None });
            }
        }
        i += 1;
    }
    cues
}

/// Whether a cue from token `first` to its verb at `verb` has the reflexive pronoun its
/// verb needs (`s'inquiète`, `se sont plaints`; not `l'usine inquiète`).
pub(super) fn reflexive_ok(doc: &Doc, v: &crate::lang::VerbForm, first: usize, verb: usize) -> bool {
    !v.reflexive || (first.saturating_sub(1)..verb).any(|j| doc.is_class(j, Class::ReflexivePronoun))
}

pub(super) fn verb_kind(doc: &Doc, v: &crate::lang::VerbForm, form: &str) -> CueKind {
    let participle = ends_with_class(doc, form, Class::PresentParticipleSuffix);
    CueKind::Verb { accuses: v.accuses, participle, contentless: v.contentless, clause: v.clause, passive: false }
}

/// Marks a cue passive when a form of `être` / `be` stands before its past participle and no
/// reflexive pronoun does (`was charged with`, `est accusé de`, but not `s'est plaint`, `is saying`).
pub(super) fn with_voice(doc: &Doc, mut cue: Cue) -> Cue {
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
pub(super) fn split_inversion<'w>(data: &crate::lang::LangData, low: &'w str) -> Option<(&'w str, usize)> {
    let (head, pron) = low.rsplit_once('-')?;
    if !data.is(Class::PronounSubject, pron) {
        return None;
    }
    let base = head.strip_suffix("-t").unwrap_or(head);
    Some((base, low.len() - pron.len()))
}

/// A past participle of a speech verb after an auxiliary (maybe past adverbs).
pub(super) fn participle_after(doc: &Doc, mut j: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let mut skipped = 0;
    while j < n && skipped <= 3 && doc.tokens[j].breaks_before == 0 {
        if doc.verb_form(j).is_some() && doc.tokens[j].kind == TokKind::Word {
            return Some(j);
        }
        let adverb_end = doc.match_class(j, Class::Adverb);
        if !(doc.is_class(j, Class::Adverb) || doc.is_class(j, Class::Auxiliary) && skipped < 2 || adverb_end.is_some()) {
            return None;
        }
        j = adverb_end.unwrap_or(j + 1);
        skipped += 1;
    }
    None
}

/// The cue starting at token `tok` (cues are in text order).
pub(super) fn cue_at(cues: &[Cue], tok: usize) -> Option<usize> {
    let i = cues.partition_point(|c| c.first < tok);
    (i < cues.len() && cues[i].first == tok).then_some(i)
}

/// The cue ending right before token `tok`.
pub(super) fn cue_ending_at(cues: &[Cue], tok: usize) -> Option<usize> {
    let i = cues.partition_point(|c| c.last < tok);
    (i < cues.len() && cues[i].last == tok).then_some(i)
}
