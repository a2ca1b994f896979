//! Speaker mentions: the name, pronoun, role description or plain noun phrase before or
//! after a cue, or after `selon` / `according to`.

use crate::lang::{Class, Lang};
use crate::schema::EntityType;
use crate::segment::TokKind;

use super::{Ctx, Cue, CueKind, Who, ctx_skippable, ends_with_class, is_agent, low_value, lowercase};

impl Ctx<'_, '_> {
    pub(super) fn mention_ending_at(&self, tok: usize) -> Option<usize> {
        self.mention_at(tok).filter(|&m| self.mentions[m].last == tok + 1 && is_agent(self.mentions[m].kind))
    }

    pub(super) fn mention_starting_at(&self, tok: usize) -> Option<usize> {
        self.mention_at(tok).filter(|&m| self.mentions[m].first == tok && is_agent(self.mentions[m].kind))
    }

    /// The speaker before a cue (normal order): a name, a pronoun or a description,
    /// skipping adverbs, negation and comma-enclosed appositions.
    pub(super) fn subject_before(&self, cue_first: usize) -> Option<Who> {
        let doc = self.doc;
        let s = doc.sentence_of(cue_first);
        let mut k = cue_first;
        let mut steps = 0;
        // Whether the walk went over an apposition or a relative pronoun.
        let mut appositive = false;
        while k > s.first && steps < 16 {
            steps += 1;
            let j = k - 1;
            if doc.tokens[k].breaks_before > 0 && k != cue_first {
                return None;
            }
            // "The World Health Organisation (WHO) recommends": an acronym or aside in brackets.
            if doc.is_punct(j, ')') {
                if let Some(open) = (j.saturating_sub(6).max(s.first)..j).rev().find(|&p| doc.is_punct(p, '(')) {
                    if open > s.first && (open + 1..j).all(|p| doc.tokens[p].kind != TokKind::Punct) {
                        k = open;
                        continue;
                    }
                }
                return None;
            }
            // "Anna Keller, who had told …": the antecedent of a relative pronoun after a comma.
            if doc.is_punct(j, ',') && doc.is_class(k, Class::RelativePronoun) && j > s.first {
                if let Some(m) = self.mention_ending_at(j - 1) {
                    return Some(Who::Mention(m));
                }
            }
            if doc.is_punct(j, ',') {
                // An apposition: ", le président kazakh," or ", who ...,".
                let comma_before = |j: usize| {
                    let mut p = j;
                    while p > s.first && j - p < 14 {
                        p -= 1;
                        if doc.is_punct(p, ',') {
                            return Some(p);
                        }
                        // (Not the dot of a title: "Lt. Maria Fenn".)
                        let title_dot = p > s.first && !doc.tokens[p].space_before && doc.is_class(p - 1, Class::Abbreviation);
                        if doc.is_punct(p, '.') && !title_dot || doc.is_punct(p, '»') || doc.is_punct(p, '”') {
                            break;
                        }
                    }
                    None
                };
                let mut found = comma_before(j);
                // "X, director of A, and chair of B, says": an apposition joined to the one
                // before it.
                while let Some(p) = found.filter(|&p| doc.is_class(p + 1, Class::Coordinator)) {
                    match comma_before(p) {
                        Some(q) if q > s.first => found = Some(q),
                        _ => break,
                    }
                }
                match found {
                    // "Le maire de Lyon, Grégory Doucet, a annoncé": the person named in the
                    // apposition is the speaker.
                    // (Maybe after a title: ", Lt. Maria Fenn,".)
                    Some(p) if self.mention_ending_at(j - 1).is_some_and(|m| {
                        let titled = (p + 1..self.mentions[m].first).all(|t| doc.is_class(t, Class::Honorific) || doc.is_class(t, Class::Abbreviation) || doc.is_punct(t, '.') && !doc.tokens[t].space_before);
                        self.mentions[m].first > p && titled && self.mentions[m].kind == EntityType::Person
                    }) => {
                        return self.mention_ending_at(j - 1).map(Who::Mention);
                    }
                    Some(p) if p > s.first => {
                        k = p;
                        appositive = true;
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
                    // (The description takes its complement: "Le maire de Lyon a expliqué" is
                    // the mayor speaking, not the town; but a role word inside a name, "the
                    // European Food Agency", is no description of its own.)
                    let with_complement = self.description_ending_at(j).filter(|&d| d <= q && q + 1 < first);
                    if let Some(d) = self.description_ending_at(q).or(with_complement) {
                        return Some(Who::Description(d, j + 1));
                    }
                    // "L'avocat de Jean Dupont a assuré", "the daughter of John Smith said":
                    // someone of a person's is not that person.
                    if self.mentions[m].kind == EntityType::Person && doc.is_class(q + 1, Class::Genitive) {
                        if let Some(a) = self.np_before(j + 1).filter(|&a| a < q) {
                            return Some(Who::Description(a, j + 1));
                        }
                    }
                }
                if let Some(g) = self.group_before(first, j + 1) {
                    return Some(g);
                }
                // "Cynthia Thompson, director at the University of Arkansas, said", "a letter
                // seen by Sky News says": a name after a preposition is a complement; the
                // subject is before the apposition, or the whole phrase.
                let mut q = first;
                while q > s.first && doc.is_class(q - 1, Class::Determiner) {
                    q -= 1;
                }
                // (Not the antecedent of an apposition or a relative clause: "entretenu avec X,
                // le ministre, qui a déclaré"; nor a subject after "as".)
                let complement = q > 0
                    && (doc.is_class(q - 1, Class::Preposition) || doc.is_class(q - 1, Class::LocationPreposition))
                    && !doc.is_class(q - 1, Class::Genitive)
                    && !doc.is_class(q - 1, Class::Subordinator);
                if complement {
                    let comma = (q.saturating_sub(14).max(s.first)..q - 1).rev().find(|&p| doc.is_punct(p, ','));
                    // (An apposition has no verb: "À la suite de cette annonce, X s'est entretenu avec Y".)
                    let verbless = |p: usize| (p + 1..q).all(|t| !doc.is_class(t, Class::Auxiliary) && doc.verb_form(t).is_none() && !doc.is_class(t, Class::ReflexivePronoun));
                    match comma.filter(|&p| verbless(p)) {
                        Some(p) if p > s.first => {
                            k = p;
                            continue;
                        }
                        _ if !appositive => return None,
                        _ => {}
                    }
                }
                return Some(Who::Mention(m));
            }
            if ctx_skippable(doc, j) || self.mention_at(j).is_some_and(|m| self.mentions[m].kind == EntityType::Date) {
                k = j;
                continue;
            }
            // "X, le ministre, qui a déclaré": the antecedent of the relative pronoun.
            if doc.is_class(j, Class::RelativePronoun) {
                k = j;
                appositive = true;
                continue;
            }
            // "… et a suggéré que": a coordinated verb shares the sentence's subject.
            if doc.is_class(j, Class::Coordinator) {
                return self.sentence_subject(s.first, j);
            }
            if let Some(p) = self.pronoun_ending_at(j, s.first) {
                return Some(p);
            }
            if let Some(d) = self.description_ending_at(j) {
                if let Some(g) = self.group_before(d, j + 1) {
                    return Some(g);
                }
                // "The \"History\" section of the site explains": a role after "of" is a
                // complement; the phrase it completes speaks.
                if d > s.first && doc.is_class(d - 1, Class::Genitive) {
                    if let Some(a) = self.np_before(j + 1).filter(|&a| a + 1 < d) {
                        return Some(Who::Description(a, j + 1));
                    }
                }
                // "Cornyn's statement added": a text speaks for its possessor.
                if d > 1 && doc.tokens[d - 1].kind == TokKind::Clitic && (d..=j).any(|t| doc.is_class(t, Class::DocumentNoun)) {
                    if let Some(m) = self.mention_ending_at(d - 2) {
                        return Some(Who::Mention(m));
                    }
                }
                return Some(Who::Description(d, j + 1));
            }
            // "Aid groups, including X, said": a plain phrase before an apposition.
            if appositive {
                return self.np_before(j + 1).map(|a| Who::Description(a, j + 1));
            }
            return None;
        }
        None
    }

    /// The subject pronoun ending at token `j` (not before `lo`): one word (`il`, `she`) or
    /// two (`ce dernier`).
    fn pronoun_ending_at(&self, j: usize, lo: usize) -> Option<Who> {
        let doc = self.doc;
        let a = if j > lo && doc.match_class(j - 1, Class::PronounSubject) == Some(j + 1) { j - 1 } else { j };
        let (start, end) = (doc.tokens[a].start, doc.tokens[j].end);
        let g = if a == j { low_value(doc, j, Class::PronounSubject)? } else { doc.data.value(Class::PronounSubject, &lowercase(&doc.text[start..end]))? };
        Some(Who::Pronoun { tok: a, span: (start, end), plural: g.ends_with("pl") })
    }

    /// Speakers joined by a conjunction, the last one at `first..end` (`the school district
    /// and the police department have asserted`, `le maire et la CGT ont affirmé`).
    fn group_before(&self, first: usize, end: usize) -> Option<Who> {
        let doc = self.doc;
        let s = doc.sentence_of(first);
        // (Over the rest of a name the tagger split: "the Irving Police Department".)
        let mut c = first;
        while c > s.first && first - c < 6 && (doc.tokens[c - 1].kind == TokKind::Word && doc.verb_form(c - 1).is_none() && !doc.is_class(c - 1, Class::Coordinator) || self.mention_at(c - 1).is_some()) {
            c -= 1;
        }
        if c < s.first + 2 || !doc.is_class(c - 1, Class::Coordinator) {
            return None;
        }
        // Each side a name or a phrase with its determiner (not "academic and professor X").
        let named = |t: usize| self.mention_starting_at(t).is_some() || doc.is_class(t, Class::Determiner);
        if !named(c) {
            return None;
        }
        let mut a = self.mention_ending_at(c - 2).map(|o| self.mentions[o].first).or_else(|| self.description_ending_at(c - 2))?;
        while a > s.first && doc.is_class(a - 1, Class::Determiner) {
            a -= 1;
        }
        // The group opens its clause ("Both the council and the police have said"; not "X
        // met the mayor and the police said").
        // (One opening word may come first: "Both the council and …".)
        let lead = (s.first..a).filter(|&t| !(ctx_skippable(doc, t) || doc.tokens[t].kind == TokKind::Punct)).count();
        let opens = lead <= 1 || a > 0 && doc.is_punct(a - 1, ',');
        (opens && named(a)).then_some(Who::Group(a, end))
    }

    /// A plain noun phrase ending right before token `end` (`The authors`, `la direction`,
    /// `Le chef de la direction de l'aviation civile`), as its first token: the fallback
    /// subject of a speech verb when no name, pronoun or role stands there. The phrase
    /// starts with a determiner or a capital, takes `de`/`of` complements, and never spans
    /// punctuation, a conjunction, a verb or a second phrase (`In a statement the company`).
    pub(super) fn np_before(&self, end: usize) -> Option<usize> {
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
            // After a determiner a verb form is a noun ("The report's authors"); a dot or hyphen
            // glued between two words is part of a web name or compound ("Medica.com",
            // "45-year-old").
            let noun_after_determiner = t > lo && doc.is_class(t - 1, Class::Determiner) && self.np_token_but_verb(t);
            let glued_dot = (doc.is_punct(t, '.') || doc.is_punct(t, '-')) && t > lo && !doc.tokens[t].space_before && t + 1 < end && !doc.tokens[t + 1].space_before && doc.tokens[t + 1].kind == TokKind::Word;
            // (A word of a name is no verb: "The Daily Post says".)
            let named = self.mention_at(t).is_some();
            // A quoted word in the phrase: 'The "History" section'.
            let quoted_word = t > lo
                && t >= 2
                && t + 1 < end
                && (self.is_quote_mark(t) && (self.is_quote_mark(t - 2) && doc.tokens[t - 1].kind == TokKind::Word || self.is_quote_mark(t + 2) && doc.tokens[t + 1].kind == TokKind::Word)
                    || doc.tokens[t].kind == TokKind::Word && self.is_quote_mark(t - 1) && self.is_quote_mark(t + 1));
            let inside = self.np_token(t) || head_noun && self.np_token_but_verb(t) || noun_after_determiner || glued_dot || named || quoted_word;
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

    fn is_quote_mark(&self, t: usize) -> bool {
        ['"', '“', '”', '«', '»'].iter().any(|&c| self.doc.is_punct(t, c))
    }

    /// A plain noun phrase starting at token `a` and running to the next punctuation (at most
    /// ten tokens): the source after `selon` / `according to` when no name or role is there.
    pub(super) fn np_after(&self, a: usize) -> Option<usize> {
        let doc = self.doc;
        let n = doc.tokens.len();
        if a >= n || !(doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision || doc.is_cap(a)) {
            return None;
        }
        let mut e = a;
        // (A dot glued between two words is part of a web name: "Secunia.com".)
        let glued_dot = |e: usize| doc.is_punct(e, '.') && e > a && !doc.tokens[e].space_before && e + 1 < n && !doc.tokens[e + 1].space_before && doc.tokens[e + 1].kind == TokKind::Word;
        // (After a determiner a verb form is a noun: "the post by …".)
        let noun_after_determiner = |e: usize| e > a && doc.is_class(e - 1, Class::Determiner) && self.np_token_but_verb(e);
        while e < n && e < a + 10 && (self.np_token(e) || glued_dot(e) || noun_after_determiner(e)) && (e == a || doc.tokens[e].breaks_before == 0) {
            e += 1;
        }
        (e > a).then_some(e)
    }

    /// A token that may stand inside a plain noun phrase: a word, number or elision that is
    /// no verb, pronoun or conjunction.
    pub(super) fn np_token(&self, t: usize) -> bool {
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
    pub(super) fn np_token_but_verb(&self, t: usize) -> bool {
        let doc = self.doc;
        matches!(doc.tokens[t].kind, TokKind::Word) && !doc.is_class(t, Class::Auxiliary) && !doc.is_class(t, Class::PronounSubject) && !doc.is_class(t, Class::Subordinator)
    }

    /// The subject that opens the sentence starting at `first` (before token `limit`).
    pub(super) fn sentence_subject(&self, first: usize, limit: usize) -> Option<Who> {
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
            let mut after = self.mentions[m].last;
            // "Labour's health spokesperson Ann Hale", "Labour's Shadow Home Secretary Yvette
            // Cooper": a person after the possessor and the words of a role.
            if doc.tokens.get(after).is_some_and(|t| t.kind == TokKind::Clitic) {
                after += 1;
                let person = |t: usize| self.mention_starting_at(t).filter(|&p| self.mentions[p].kind == EntityType::Person);
                let plain = |t: usize| doc.tokens[t].kind == TokKind::Word && doc.verb_form(t).is_none() && doc.tokens[t].breaks_before == 0;
                let end = (after..(after + 5).min(limit)).find(|&t| person(t).is_some() || !plain(t));
                if let Some(p) = end.filter(|&t| t > after).and_then(person) {
                    return Some(Who::Mention(p));
                }
            }
            if let Some(p) = self.description_starting_at(after).and_then(|e| self.mention_starting_at(e)).filter(|&p| self.mentions[p].kind == EntityType::Person && p != m) {
                return Some(Who::Mention(p));
            }
            return Some(Who::Mention(m));
        }
        if let Some(g) = low_value(doc, k, Class::PronounSubject) {
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
    pub(super) fn subject_after(&self, cue: &Cue) -> Option<Who> {
        if let Some((tok, a, b)) = cue.inverted {
            let low = lowercase(&self.doc.text[a..b]);
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
        // "a déclaré à l'AFP Jean Dupont", "a affirmé lundi à la presse le porte-parole": a
        // date, then the addressee, before the subject.
        if let Some(m) = self.mention_starting_at(k).filter(|&m| self.mentions[m].kind == EntityType::Date) {
            k = self.mentions[m].last;
        }
        if k + 1 < n && doc.is_class(k, Class::Preposition) && doc.tokens[k + 1].breaks_before == 0 {
            let mut a = k + 1;
            while a < n && a < k + 3 && (doc.is_class(a, Class::Determiner) || doc.tokens[a].kind == TokKind::Elision) {
                a += 1;
            }
            // ("à l'agence RIA Novosti": a name after its kind.)
            if self.mention_starting_at(a).is_none() && a + 1 < n && self.mention_starting_at(a + 1).is_some() {
                a += 1;
            }
            let past = self.mention_starting_at(a).map_or(a + 1, |m| self.mentions[m].last);
            if past < n && doc.tokens[past].breaks_before == 0 && (self.mention_starting_at(past).is_some() || self.description_starting_at(past).is_some()) {
                k = past;
            }
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
        if let Some(g) = low_value(doc, k, Class::PronounSubject) {
            let t = doc.tokens[k];
            return Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
        }
        None
    }

    /// The speaker of a cue in any order.
    pub(super) fn subject_of(&self, cue: &Cue) -> Option<Who> {
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
    pub(super) fn plain_subject_before(&self, cue_first: usize) -> Option<Who> {
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
    pub(super) fn participle_subject(&self, cue: &Cue) -> Option<Who> {
        let doc = self.doc;
        let s = doc.sentence_of(cue.first);
        // "…, with one member writing": the phrase before it in an absolute clause.
        if let Some(a) = self.np_before(cue.first).filter(|&a| a > s.first && doc.is_class(a - 1, Class::Preposition)) {
            let p = a - 1;
            if self.mention_ending_at(cue.first - 1).is_none() && (doc.starts_sentence(p) || p > s.first && doc.is_punct(p - 1, ',')) {
                return Some(Who::Description(a, cue.first));
            }
        }
        // The nearest name or pronoun before it in the sentence, or after a verb before it;
        // not a complement ("said in a statement, adding", "told the BBC, adding").
        let complement = |a: usize| {
            let mut p = a;
            while p > s.first && p + 2 > a && (doc.is_class(p - 1, Class::Determiner) || doc.tokens[p - 1].kind == TokKind::Elision) {
                p -= 1;
            }
            p > s.first && (doc.is_class(p - 1, Class::Preposition) || doc.is_class(p - 1, Class::LocationPreposition) || doc.is_class(p - 1, Class::AddresseeVerb))
        };
        let mut k = cue.first;
        while k > s.first {
            k -= 1;
            // "the government's record": a possessor is no subject.
            if doc.tokens[k + 1].kind == TokKind::Clitic {
                continue;
            }
            if let Some(m) = self.mention_ending_at(k) {
                if matches!(self.mentions[m].kind, EntityType::Person | EntityType::Organization) && !complement(self.mentions[m].first) {
                    return Some(Who::Mention(m));
                }
            }
            if let Some(g) = low_value(doc, k, Class::PronounSubject) {
                let t = doc.tokens[k];
                return Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
            }
            if let Some(d) = self.description_ending_at(k).filter(|&d| !complement(d)) {
                return Some(Who::Description(d, k + 1));
            }
        }
        None
    }

    pub(super) fn is_person(&self, who: Who) -> bool {
        matches!(who, Who::Mention(m) if self.mentions[m].kind == EntityType::Person)
    }

    /// Whether a speaker mention is a name, a pronoun, a group of names, or a description
    /// headed by a role or an organisation's word (`the minister`, `officials`, `the
    /// ministry`): not just any noun phrase.
    pub(super) fn named_or_role(&self, who: Who) -> bool {
        match who {
            Who::Mention(_) | Who::Pronoun { .. } | Who::Group(..) => true,
            Who::Description(a, b) => self.role_key(a, b).is_some() || (a..b).any(|t| self.doc.is_class(t, Class::OrgRole)),
        }
    }

    /// The speaker after `selon` / `according to`, and where that phrase ends.
    pub(super) fn source_np(&self, cue: &Cue) -> Option<(Who, usize)> {
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
                    // "according to the festival website": the role word heads the phrase the
                    // plain words before it open.
                    let opener = (cue.last..k).all(|t| self.np_token(t) && !doc.is_class(t, Class::Preposition) && !doc.is_class(t, Class::Genitive));
                    let a = if opener && k > cue.last && (doc.is_class(cue.last, Class::Determiner) || doc.tokens[cue.last].kind == TokKind::Elision) { cue.last } else { k };
                    found = Some(Who::Description(a, e));
                    k = e;
                    end = k;
                    continue;
                }
                if let Some(g) = low_value(doc, k, Class::PronounSubject).or_else(|| low_value(doc, k, Class::StressedPronoun)) {
                    let t = doc.tokens[k];
                    found = Some(Who::Pronoun { tok: k, span: (t.start, t.end), plural: g.ends_with("pl") });
                }
            }
            k += 1;
            end = k;
        }
        let (who, end) = found.map(|w| (w, end)).or_else(|| self.np_after(cue.last).map(|e| (Who::Description(cue.last, e), e)))?;
        // "According to the team's coach, Alireza Mehraban, …": the person in apposition.
        if !self.is_person(who) && doc.is_punct(end, ',') {
            if let Some(m) = self.mention_starting_at(end + 1).filter(|&m| self.mentions[m].kind == EntityType::Person) {
                if doc.is_punct(self.mentions[m].last, ',') {
                    return Some((Who::Mention(m), self.mentions[m].last));
                }
            }
        }
        Some((who, end))
    }

    /// The first token of a speaker mention.
    pub(super) fn who_first(&self, w: Who) -> usize {
        match w {
            Who::Mention(m) => self.mentions[m].first,
            Who::Pronoun { tok, .. } => tok,
            Who::Description(a, _) | Who::Group(a, _) => a,
        }
    }

    /// The token past a speaker mention.
    pub(super) fn who_end(&self, w: Who) -> usize {
        match w {
            Who::Mention(m) => self.mentions[m].last,
            Who::Pronoun { tok, .. } => tok + 1,
            Who::Description(_, b) | Who::Group(_, b) => b,
        }
    }

    pub(super) fn who_span(&self, w: Who) -> (usize, usize) {
        let doc = self.doc;
        match w {
            Who::Mention(m) => (doc.tokens[self.mentions[m].first].start, doc.tokens[self.mentions[m].last - 1].end),
            Who::Pronoun { span, .. } => span,
            Who::Description(a, b) | Who::Group(a, b) => (doc.tokens[a].start, doc.tokens[b - 1].end),
        }
    }
}
