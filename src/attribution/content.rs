//! The content of reported speech: the clause a cue introduces (`X a déclaré que …`), the
//! clause before an inverted cue (`…, a déclaré X`) or around `selon` / `according to`.

use crate::lang::{Class, Lang};
use crate::quotes::Quote;
use crate::schema::EntityType;
use crate::segment::TokKind;

use super::{SOURCE_THEN_CLAUSE, Ctx, Cue, CueKind, MAX_CLAUSE_TOKENS, Who, bare_lemma, ctx_skippable, ends_with_class, is_that, k_tok, quote_at};
use super::cues::cue_at;

/// Reported speech found around a cue: its content (a byte span), its speaker, the rule that
/// found it, and whether it is quoted.
type Reported = ((usize, usize), Option<Who>, &'static str, bool);

impl Ctx<'_, '_> {
    /// Reported speech around a cue that no quotation took: (content, speaker, rule, quoted).
    pub(super) fn reported(&self, cue: &Cue, cues: &[Cue], quotes: &[Quote]) -> Option<Reported> {
        let doc = self.doc;
        let n = doc.tokens.len();
        match cue.kind {
            CueKind::Opinion => {
                let (who, np_end) = self.source_np(cue)?;
                let agent = match who {
                    Who::Mention(m) => matches!(self.mentions[m].kind, EntityType::Person | EntityType::Organization),
                    Who::Description(a, b) => self.role_key(a, b).is_some() || doc.match_class(a + 1, Class::OrgRole).is_some() || doc.match_class(a, Class::OrgRole).is_some(),
                    Who::Pronoun { .. } | Who::Group(..) => false,
                };
                if !agent || !doc.is_punct(np_end, ',') {
                    return None;
                }
                // "Pour X, son secrétaire général : « … »": the quotation is the view.
                if let Some(q) = self.quote_after_source(np_end, quotes) {
                    return Some((q.content, Some(who), "pour / for someone, then a quotation", true));
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
                    let from = self.past_apposition(np_end + 1, self.is_person(who));
                    let content = self.clause_content(from, cues, quotes)?;
                    return Some((content, Some(who), SOURCE_THEN_CLAUSE, false));
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
                // A passive cue's subject is who was spoken to or of ("was charged with"). A
                // verb that takes no content takes an infinitive: "appelle à manifester" (not
                // "a appelé ses partisans", nor "s'est félicité de l'accord").
                let infinitive = |t: usize| t < n && doc.tokens[t].kind == TokKind::Word && !doc.is_class(t, Class::Determiner);
                let called_to = cue.last < n && doc.is_class(cue.last, Class::InfinitiveMarker) && infinitive(cue.last + 1);
                if contentless && !called_to || passive {
                    return None;
                }
                if let Some(reported) = self.incise(cue, cues, quotes) {
                    return Some(reported);
                }
                let after_comma = cue.first > 0 && (doc.is_punct(cue.first - 1, ',') || doc.is_punct(cue.first - 1, '»') || doc.is_punct(cue.first - 1, '”'));
                if after_comma && cue.inverted.is_none() && !participle && self.subject_before(cue.first).is_none() {
                    // "La route restera fermée, a précisé le préfet dans un communiqué": a name
                    // or role after the verb, then nothing but adjuncts, is an inversion.
                    if let Some(w) = self.subject_after(cue).filter(|&w| !matches!(w, Who::Pronoun { .. })) {
                        if self.adjunct_tail(cue, self.who_end(w), cues) {
                            return self.inverted_content(cue, Some(w), cues);
                        }
                    }
                    // "The security firm Secunia.com, has said that …": a comma between the
                    // subject that opens the sentence and its verb, then "that".
                    let mut t = cue.last;
                    while t < n && ctx_skippable(doc, t) && t < cue.last + 3 {
                        t += 1;
                    }
                    let s = doc.sentence_of(cue.first);
                    // ("Un haut responsable de Tripoli, a confirmé ces incidents": or an object.)
                    let object = doc.is_class(t, Class::Determiner) && !is_that(doc, t) && self.takes_object(cue);
                    // ("Lydia Buchtmann for the agency, says they are looking …": a clause that
                    // opens with a subject pronoun.)
                    let pronoun_clause = doc.is_class(t, Class::PronounSubject) && !doc.is_class(t, Class::ObjectPronoun) && doc.is_class(cue.last - 1, Class::BareClauseVerb);
                    if doc.is_punct(cue.first - 1, ',') && (is_that(doc, t) || object || pronoun_clause) && !(s.first..cue.first - 1).any(|j| doc.tokens[j].kind == TokKind::Punct && !doc.is_punct(j, '.') && !doc.is_punct(j, '-')) {
                        // (Else all that stands before the comma, when it is short.)
                        let opening = || (cue.first - 1 > s.first_word && cue.first - 1 - s.first_word <= 24).then(|| Who::Description(s.first_word, cue.first - 1));
                        // (A person opening the sentence first: "Lydia Buchtmann for the agency, says".)
                        let person = self.sentence_subject(s.first, cue.first - 1).filter(|&w| self.is_person(w));
                        let subject = person.or_else(|| self.subject_before(cue.first - 1));
                        // ("La route restera fermée, a précisé la préfecture.": when no name or
                        // role opens the sentence, a noun phrase after the verb that ends it
                        // is the speaker, and the words before the comma what it reports; not
                        // "Un haut responsable électoral, a confirmé ces incidents".)
                        let named_opening = self.mention_starting_at(s.first_word).is_some() || (s.first_word..(s.first_word + 4).min(cue.first)).any(|t| doc.match_class(t, Class::Role).is_some());
                        if subject.is_none() && !named_opening && self.plain_speaker_after(cue, cues).is_some() {
                            return self.inverted_content(cue, None, cues);
                        }
                        if let Some(w) = subject.or_else(opening) {
                            let content = self.clause_content(if object || pronoun_clause { t } else { t + 1 }, cues, quotes)?;
                            return Some((content, Some(w), "subject, comma, speech verb, then the reported clause", false));
                        }
                    }
                    // "…, a déclaré Tokayev": the subject after the verb, the content before.
                    return self.inverted_content(cue, None, cues);
                }
                let mut who = if participle { self.participle_subject(cue) } else { self.subject_of(cue) };
                // "…, researchers say." / "…, the minister said.": the clause before the
                // subject, when the cue ends its sentence.
                if let Some(w) = who.filter(|_| !participle && cue.inverted.is_none()) {
                    // ("…, officials said on Tuesday.", "…, he told reporters.": adjuncts may
                    // follow the verb of a name, pronoun or role; not that of a plain phrase,
                    // where the verb may be a noun: "…, le pays faisant face à une menace pour …".)
                    // (Nor after a phrase that is no clause: "In her opening remarks, Waters
                    // pointed out …".)
                    let ends = cue.last >= doc.sentence_of(cue.first).last || doc.is_punct(cue.last, '.') || doc.is_punct(cue.last, '!');
                    let first = self.who_first(w);
                    if first > 0 && doc.is_punct(first - 1, ',') {
                        let start = self.clause_start(first - 1);
                        let prepositional = doc.is_class(start, Class::Preposition) || doc.is_class(start, Class::LocationPreposition);
                        let ends = ends || !prepositional && self.named_or_role(w) && self.adjunct_tail(cue, cue.last, cues);
                        if ends && first > start + 3 {
                            let content = self.trim(doc.tokens[start].start, doc.tokens[first - 2].end);
                            return Some((content, Some(w), "reported clause, then its speaker and the speech verb", false));
                        }
                    }
                }
                let mut k = cue.last;
                // Skip what stands between the verb and its content: adverbs, dates, a pronoun
                // object, "to reporters", the addressee of "told".
                while k < n && doc.tokens[k].breaks_before == 0 && k < cue.last + 4 && (ctx_skippable(doc, k) || self.mention_at(k).is_some_and(|m| self.mentions[m].kind == EntityType::Date)) {
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
                // "explains, in a light tone, that …": an aside between the verb and "that".
                if doc.is_punct(k, ',') {
                    let aside = (k + 1..(k + 8).min(n)).take_while(|&j| doc.tokens[j].breaks_before == 0 && doc.verb_form(j).is_none() && !doc.is_class(j, Class::Auxiliary)).find(|&j| doc.tokens[j].kind == TokKind::Punct);
                    if let Some(c) = aside.filter(|&c| c > k + 1 && doc.is_punct(c, ',') && is_that(doc, c + 1)) {
                        k = c + 1;
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
                    return self.inverted_content(cue, who, cues);
                }
                if who.is_none() && cue.inverted.is_none() && !participle {
                    // "…, a déclaré Tokayev": the subject after the verb, the content before.
                    return self.inverted_content(cue, None, cues);
                }
                if doc.is_punct(k, ':') {
                    k += 1;
                    if let Some(q) = quote_at(quotes, k).filter(|q| q.statement) {
                        return Some((q.content, who, "verb, colon, quotation", true));
                    }
                } else if is_that(doc, k) {
                    k += 1;
                } else if doc.tokens[k].kind == TokKind::Punct && !matches!(doc.text[doc.tokens[k].start..].chars().next(), Some('«' | '“' | '"' | '„')) {
                    return self.inverted_content(cue, who, cues);
                } else if let Some(q) = (k + 1..(k + 6).min(n)).take_while(|&j| doc.tokens[j].kind != TokKind::Punct).find(|&j| is_that(doc, j)) {
                    // "a déclaré au Sénat que …", "told reporters that …".
                    k = q + 1;
                } else if let Some(m) = self.infinitive_after_addressee(k) {
                    // "a demandé au Conseil de sécurité de l'ONU d'adopter …".
                    k = m;
                } else if doc.is_class(k, Class::InfinitiveMarker) && doc.lang == Lang::Fr {
                    // "a promis de fournir", "appelle à la grève"; not "s'exprimait à Chicago".
                    if k + 1 >= n || doc.is_cap(k + 1) || doc.tokens[k + 1].kind != TokKind::Word && doc.tokens[k + 1].kind != TokKind::Elision {
                        return None;
                    }
                } else if !accuses && doc.lang == Lang::Fr && !doc.is_class(k, Class::InfinitiveAuxiliary) {
                    // "s'est dit « très inquiet »", "se disent prêts à négocier": a reflexive
                    // speech verb and what the speaker calls himself.
                    let reflexive = (cue.first.saturating_sub(1)..cue.last).any(|j| doc.is_class(j, Class::ReflexivePronoun));
                    if reflexive {
                        if let Some(q) = quote_at(quotes, k) {
                            return Some((q.content, who.or_else(|| self.subject_after(cue)), "reflexive speech verb, then the speaker's word for himself", true));
                        }
                    }
                    let attribute = reflexive && doc.tokens[k].kind == TokKind::Word && !doc.is_cap(k) && !doc.is_class(k, Class::Determiner) && !doc.is_class(k, Class::Preposition) && doc.verb_form(k).is_none();
                    // French reporting verbs take "que", "de" + infinitive, an infinitive clause
                    // ("affirment avoir découvert"), or, for some, an object: "dénonce le
                    // recours à …", "a confirmé ces incidents" (not "a lancé une campagne").
                    if !attribute && (!doc.is_class(k, Class::Determiner) || !self.takes_object(cue)) {
                        return None;
                    }
                }
                if k >= n || doc.tokens[k].breaks_before > 0 && k > cue.last {
                    return None; // the verb (and its "que" or colon) ends the text or the line
                }
                let after_that = k > 0 && doc.is_class(k - 1, Class::Complementizer);
                // "admitted to taking part", "confessed to stealing": a verb that reports with
                // an object, then "to" and a gerund.
                // (The words skipped after the verb may hold the "to" already: it is a filler
                // there, as in "spoke to reporters".)
                let g = if k < n && doc.is_class(k, Class::InfinitiveMarker) { k + 1 } else { k };
                let gerund = g < n && g > cue.last && doc.is_class(g - 1, Class::InfinitiveMarker) && ends_with_class(doc, doc.low(g), Class::PresentParticipleSuffix) && self.takes_object(cue);
                if gerund {
                    k = g;
                }
                if doc.lang == Lang::En && !after_that && !accuses && !gerund {
                    // "said the team…": a bare clause only after verbs that take one, and only
                    // when a subject opens it (not "charged with", "worked for").
                    let opens_clause = doc.tokens[k].kind != TokKind::Punct
                        && !doc.is_class(k, Class::Preposition)
                        // ("it" and "her" are objects, but also a subject and a determiner.)
                        && (!doc.is_class(k, Class::ObjectPronoun) || doc.is_class(k, Class::PronounSubject) || doc.is_class(k, Class::Determiner))
                        // ("said talks had failed": a verb form before an auxiliary is its noun subject.)
                        && (doc.verb_form(k).is_none() || doc.is_class(k + 1, Class::Auxiliary) && !doc.is_class(k, Class::Auxiliary));
                    let quote_opens = quote_at(quotes, k).is_some();
                    // After most verbs a clause must show its verb ("said the boy was"); verbs that
                    // drop "that" as a rule, and a name opening the clause, need no such sign.
                    // ("asked the Council to help": a name, then "to", is an object and an order.)
                    let name_opens = self.mention_starting_at(k).is_some_and(|m| !doc.is_class(self.mentions[m].last, Class::InfinitiveMarker));
                    let bare_clause_verb = doc.is_class(cue.last - 1, Class::BareClauseVerb);
                    let clause_like = bare_clause_verb || name_opens || self.finite_clause_at(k);
                    // "wrote to the family": after a preposition comes the addressee, not a clause.
                    let addressed = (cue.last..k).any(|j| doc.is_class(j, Class::Preposition));
                    // Some verbs report with a bare object: "announces new homes for …",
                    // "characterized the conflict as …".
                    let object = opens_clause && !addressed && self.takes_object(cue);
                    // (A verb that drops "that" as a rule takes a clause, whatever its lexicon
                    // entry says: "insisted he had done nothing wrong".)
                    if !((clause || bare_clause_verb) && (opens_clause && clause_like && !addressed || quote_opens) || object) {
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
                // "Anna Keller, who had told him he would get a job, left": a cue in a relative
                // clause set off by commas reports up to the comma closing it.
                let relative = (cue.first.saturating_sub(3).max(start + 1)..cue.first).any(|j| doc.is_class(j, Class::RelativePronoun) && doc.is_punct(j - 1, ','));
                if relative || doc.is_class(start, Class::Subordinator) && !doc.is_class(start, Class::Coordinator) && (start..cue.first).all(|j| !doc.is_punct(j, ',')) {
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
    pub(super) fn takes_object(&self, cue: &Cue) -> bool {
        let doc = self.doc;
        let lemma = doc.verb_form(cue.last - 1).map(|v| doc.data.verb_lemmas[v.lemma as usize]);
        lemma.is_some_and(|l| doc.data.is(Class::ObjectSpeechVerb, bare_lemma(doc, l))) || (cue.first..cue.last).any(|p| doc.match_class(p, Class::PhrasalCue) == Some(cue.last))
    }

    /// Whether the words from token `k` read as a clause (a subject, then a verb: `the boy
    /// was welcome`, `only a quarter of citizens favoured`) rather than an object (`tweeted
    /// support of …`, `conceded a penalty which …`): a subject pronoun opens it, or an
    /// auxiliary, a speech verb or a past tense follows within a few words.
    pub(super) fn finite_clause_at(&self, k: usize) -> bool {
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

    /// A cue set in its clause between commas, with its speaker (`La situation, a-t-il
    /// ajouté, reste grave`, `The bill, the minister said, will be debated`): the clause
    /// around it, from its start to its end, is what it reports.
    fn incise(&self, cue: &Cue, cues: &[Cue], quotes: &[Quote]) -> Option<Reported> {
        let doc = self.doc;
        if matches!(cue.kind, CueKind::Verb { participle: true, .. }) || cue.first < 2 {
            return None;
        }
        let (who, open, close) = if doc.is_punct(cue.first - 1, ',') {
            // ", a-t-il ajouté," / ", a précisé le ministre,": the speaker after the verb.
            let w = self.subject_after(cue)?;
            let close = if cue.inverted.is_some() { cue.last } else { self.who_end(w) };
            (w, cue.first - 1, close)
        } else {
            // ", he added," / ", the minister said,": the speaker before it, after the comma
            // that closes the incise (asked first: this runs for every cue).
            if !(cue.last < doc.tokens.len() && doc.is_punct(cue.last, ',')) {
                return None;
            }
            let w = self.subject_before(cue.first)?;
            let first = self.who_first(w);
            if first == 0 || !doc.is_punct(first - 1, ',') || (first..cue.first).any(|t| doc.tokens[t].kind == TokKind::Punct) {
                return None;
            }
            (w, first - 1, cue.last)
        };
        let s = doc.sentence_of(cue.first);
        // The clause goes on after the closing comma, and a subject stands before the opening
        // one, with no other punctuation between it and the start of the sentence.
        // (Not "…, the spokesman said, adding that …": a cue after the comma.)
        if close + 2 >= s.last || !doc.is_punct(close, ',') || cue_at(cues, close + 1).is_some() || open <= s.first_word || (s.first_word..open).any(|t| doc.tokens[t].kind == TokKind::Punct) {
            return None;
        }
        let (_, end) = self.clause_content(close + 1, cues, quotes)?;
        let content = self.trim(doc.tokens[s.first_word].start, end);
        Some((content, Some(who), "clause around its cue and speaker set between commas", false))
    }

    /// Whether the words from token `k` to the end of the sentence only add to the speech
    /// verb before them (`on Tuesday`, `in a statement`, `told reporters`, `dans un
    /// communiqué`, `, adding that …`) and hold no clause of their own: then the cue closes
    /// the sentence, and what it reports stands before it.
    pub(super) fn adjunct_tail(&self, cue: &Cue, k: usize, cues: &[Cue]) -> bool {
        let doc = self.doc;
        let s = doc.sentence_of(cue.first);
        let end = (k..s.last).find(|&t| doc.tokens[t].kind == TokKind::Punct).unwrap_or(s.last);
        if !self.adjuncts(cue, k, end) {
            return false;
        }
        if end >= s.last {
            return true;
        }
        // The sentence's final mark, or a participle cue after a comma ("said, adding that"),
        // ends the tail.
        let last = (end + 1..s.last).all(|j| doc.tokens[j].kind == TokKind::Punct);
        let participle = doc.is_punct(end, ',') && cue_at(cues, end + 1).is_some_and(|c| matches!(cues[c].kind, CueKind::Verb { participle: true, .. }));
        (last && !doc.is_punct(end, ':')) || participle
    }

    /// Whether tokens `k..end` (at most ten, on one line, no punctuation) only add to the
    /// speech verb of `cue`: dates and names, adverbs, phrases after a preposition, the
    /// addressee of `told`.
    pub(super) fn adjuncts(&self, cue: &Cue, k: usize, end: usize) -> bool {
        let doc = self.doc;
        if end > k + 10 {
            return false;
        }
        // ("told reporters": an addressee verb takes its object bare.)
        let mut governed = doc.is_class(cue.last - 1, Class::AddresseeVerb);
        (k..end).all(|t| {
            if doc.tokens[t].breaks_before > 0 || doc.tokens[t].kind == TokKind::Punct {
                return false;
            }
            if doc.is_class(t, Class::Preposition) || doc.is_class(t, Class::LocationPreposition) {
                governed = true;
                return true;
            }
            self.mention_at(t).is_some() || ctx_skippable(doc, t) || doc.is_class(t, Class::Determiner) || governed && (self.np_token(t) || doc.is_class(t - 1, Class::Determiner) && self.np_token_but_verb(t))
        })
    }

    /// The speaker of an inversion that is neither a name nor a role (`…, ont indiqué les
    /// pompiers.`, `…, indique une analyse de l'ADN`): a noun phrase with its article right
    /// after the verb, when only adjuncts follow it (a date ending the phrase is one).
    fn plain_speaker_after(&self, cue: &Cue, cues: &[Cue]) -> Option<Who> {
        let doc = self.doc;
        let a = (cue.last..doc.tokens.len()).take(3).find(|&t| !ctx_skippable(doc, t))?;
        if !(doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision) {
            return None;
        }
        let mut e = self.np_after(a)?;
        // (Up to a preposition other than "de" / "of": "la préfecture | dans un communiqué".)
        let adjunct = |t: usize| (doc.is_class(t, Class::Preposition) || doc.is_class(t, Class::LocationPreposition)) && !doc.is_class(t, Class::Genitive) && !doc.is_class(t, Class::OrgConnector);
        e = (a + 1..e).find(|&t| adjunct(t)).unwrap_or(e);
        while e > a + 1 && self.mention_at(e - 1).is_some_and(|m| self.mentions[m].kind == EntityType::Date) {
            e -= 1;
        }
        self.adjunct_tail(cue, e, cues).then_some(Who::Description(a, e))
    }

    /// "Les militants ont prétendu …, a déclaré Tokayev": the clause before an inverted cue.
    pub(super) fn inverted_content(&self, cue: &Cue, who: Option<Who>, cues: &[Cue]) -> Option<Reported> {
        let doc = self.doc;
        if cue.first == 0 || !doc.is_punct(cue.first - 1, ',') {
            return None;
        }
        let start = self.clause_start(cue.first - 1);
        if cue.first - 1 < start + 3 {
            return None;
        }
        let who = who.or_else(|| self.subject_after(cue)).or_else(|| self.plain_speaker_after(cue, cues))?;
        let content = self.trim(doc.tokens[start].start, doc.tokens[cue.first - 2].end);
        Some((content, Some(who), "reported clause, then the speech verb and its speaker", false))
    }

    /// Past an apposition opening at token `k` (`a USI instructor in English,`, `le maire de
    /// Lyon,`): a determiner, then verbless words up to a comma. Else `k` itself.
    pub(super) fn past_apposition(&self, k: usize, after_person: bool) -> usize {
        let doc = self.doc;
        let n = doc.tokens.len();
        // "According to the ministry, which released a statement, the talks …": a relative
        // clause on the source, closed by its comma before the main clause.
        if k < n && doc.is_class(k, Class::RelativePronoun) {
            let s = doc.sentence_of(k);
            let comma = (k + 1..s.last.min(k + 25)).find(|&j| doc.tokens[j].kind == TokKind::Punct);
            return comma.filter(|&c| doc.is_punct(c, ',') && c + 2 < s.last).map_or(k, |c| c + 1);
        }
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

    /// Where the clause holding token `i` starts: its sentence start, or after a `;`/`:`.
    pub(super) fn clause_start(&self, i: usize) -> usize {
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
    pub(super) fn clause_content(&self, k: usize, cues: &[Cue], quotes: &[Quote]) -> Option<(usize, usize)> {
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
        // "« Il me disait que … », a confié X": reported speech inside a quotation ends with it.
        // (A closing mark is followed by punctuation; a mark before a word opens a quotation
        // and paired with an earlier stray one.)
        let closing = |c: usize| c + 1 >= doc.tokens.len() || doc.tokens[c + 1].kind == TokKind::Punct;
        if let Some(c) = quotes[..first_quote].iter().rev().take(4).find_map(|q| q.close.filter(|&c| c > k && closing(c))) {
            end = end.min(c);
        }
        // (The cues are in text order: the first one at or after `j`, kept as `j` grows,
        // tells which starts at `j` without a search per token.)
        let mut next_cue = cues.partition_point(|c| c.first < k);
        for j in k..end {
            while next_cue < cues.len() && cues[next_cue].first < j {
                next_cue += 1;
            }
            let cue_here = cues.get(next_cue).filter(|c| c.first == j);
            // (Most tokens: a word that is no conjunction and starts no cue ends nothing.)
            if doc.tokens[j].kind != TokKind::Punct && cue_here.is_none() && !doc.is_class(j, Class::Coordinator) {
                continue;
            }
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
            // ("defended the record whilst promising a review": after a subordinator too.)
            if j > k + 1 && cue_here.is_some_and(|c| matches!(c.kind, CueKind::Verb { participle: true, .. })) && (doc.is_punct(j + 1, ':') || doc.is_class(j + 1, Class::Complementizer) || doc.is_class(j - 1, Class::Subordinator)) {
                end = if doc.is_class(j - 1, Class::Subordinator) { j - 1 } else { j };
                break;
            }
            // "…: « … »": a quotation after a colon is a claim of its own.
            if j > k + 1 && doc.is_punct(j, ':') && quote_at(quotes, j + 1).is_some_and(|q| q.statement) {
                end = j;
                break;
            }
            // ", but the governor says …", ", et le ministre a ajouté …", ", comme le rappelle
            // HRW, « … »": another speaker's claim starts after the comma.
            let as_cue = || doc.match_class(j + 1, Class::AsClause).is_some_and(|a| cues[cues.partition_point(|c| c.first < a)..].first().is_some_and(|c| c.first <= a + 3));
            if j > k + 1 && doc.is_punct(j, ',') && (self.subject_cue_after(j, cues) || as_cue()) {
                // (Without the conjunction left before that comma: "…, bien que, comme …".)
                let mut e = j;
                while e > k + 1 && ([Class::Subordinator, Class::Coordinator, Class::Complementizer, Class::Adverb].iter().any(|&c| doc.is_class(e - 1, c)) || doc.is_punct(e - 1, ',')) {
                    e -= 1;
                }
                end = e;
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
                // ", with the paper reporting …": an absolute clause with a speaker of its own.
                if doc.is_class(c, Class::Preposition) {
                    let absolute = (c + 2..(c + 7).min(end)).find_map(|t| cue_at(cues, t)).filter(|&ci| {
                        let cue = &cues[ci];
                        matches!(cue.kind, CueKind::Verb { participle: true, .. }) && self.np_before(cue.first) == Some(c + 1)
                    });
                    if absolute.is_some() {
                        end = j;
                        break;
                    }
                }
            }
        }
        if end <= k {
            return None;
        }
        let content = self.trim(doc.tokens[k].start, doc.tokens[end - 1].end);
        // (At least two words: the second is enough to look for.)
        let two_words = doc.text[content.0..content.1].split_whitespace().nth(1).is_some();
        two_words.then_some(content)
    }

    /// The infinitive marker after an addressee opening at `k` (`au Conseil de sécurité de
    /// l'ONU d'adopter`): the marker that follows the addressee's words, outside any name.
    fn infinitive_after_addressee(&self, k: usize) -> Option<usize> {
        let doc = self.doc;
        if doc.lang != Lang::Fr || !doc.is_class(k, Class::LocationPreposition) {
            return None;
        }
        let n = doc.tokens.len();
        let m = (k + 1..(k + 10).min(n)).take_while(|&j| doc.tokens[j].kind != TokKind::Punct && doc.tokens[j].breaks_before == 0).find(|&j| self.mention_at(j).is_none() && doc.is_class(j, Class::InfinitiveMarker) && !doc.is_class(j, Class::LocationPreposition))?;
        // The addressee is a name ("au Conseil de sécurité de l'ONU"; not "estime à 75 000 le
        // nombre d'emplois"), and an infinitive follows: a lowercase word, no determiner.
        let named = (k + 1..m).all(|j| self.mention_at(j).is_some() || doc.is_class(j, Class::Determiner) || doc.tokens[j].kind == TokKind::Elision);
        let verb = m + 1 < n && doc.tokens[m + 1].kind == TokKind::Word && !doc.is_cap(m + 1) && !doc.is_class(m + 1, Class::Determiner);
        (named && verb && m > k + 1).then_some(m)
    }

    /// Whether a speech verb with a subject of its own follows the comma at `comma` within a
    /// few words (maybe after a conjunction): `, but Governor Ellison says`, `, et la CGT
    /// affirme`. Not a relative clause (`, which police say …`).
    fn subject_cue_after(&self, comma: usize, cues: &[Cue]) -> bool {
        let doc = self.doc;
        if doc.is_class(comma + 1, Class::RelativePronoun) {
            return false;
        }
        let from = cues.partition_point(|c| c.first <= comma);
        let Some(cue) = cues[from..].first().filter(|c| c.first <= comma + 8) else { return false };
        let CueKind::Verb { participle: false, contentless: false, passive: false, .. } = cue.kind else { return false };
        if cue.inverted.is_some() || (comma + 1..cue.first).any(|t| doc.tokens[t].kind == TokKind::Punct || doc.tokens[t].breaks_before > 0) {
            return false;
        }
        // The subject opens the new clause, maybe after a conjunction.
        let opens = if doc.is_class(comma + 1, Class::Coordinator) || doc.is_class(comma + 1, Class::Subordinator) { comma + 2 } else { comma + 1 };
        // (A plain noun phrase only when short: "le pays faisant face à une véritable menace"
        // is no subject and its verb.)
        let plain = || self.plain_subject_before(cue.first).filter(|&w| cue.first - self.who_first(w) <= 4);
        let who = self.subject_before(cue.first).or_else(plain);
        // (A title may stand before a name: ", but Regional Governor Mark Ellison says".)
        who.is_some_and(|w| (opens..=opens + 3).contains(&self.who_first(w)))
    }

    /// Trims spaces and final punctuation (but not a closing mark whose opener is inside).
    pub(super) fn trim(&self, a: usize, b: usize) -> (usize, usize) {
        let text = self.doc.text;
        let mut b = b;
        loop {
            let s = &text[a..b];
            let Some(c) = s.chars().next_back() else { break };
            let balanced_close = match c {
                '»' => s.contains('«'),
                '”' => s.contains('“'),
                '"' => s.matches('"').count().is_multiple_of(2),
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

    /// The comma that ends an opening `As X said` / `Comme l'a dit X` clause holding `cue`,
    /// when the words after the cue (from `k`) are its addressee or its inverted subject.
    pub(super) fn as_clause_end(&self, cue: &Cue, k: usize) -> Option<usize> {
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
}
