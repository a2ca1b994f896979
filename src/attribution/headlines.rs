//! Attributions without a speech verb: `X : « … »` and `… — porte-parole du Kremlin` in
//! headlines, and paragraphs signed by their speaker.

use crate::lang::Class;
use crate::quotes::Quote;
use crate::schema::EntityType;

use super::{Ctx, Who, quote_at};

impl Ctx<'_, '_> {
    /// `Tokayev : « … »` in a headline or at the start of a paragraph.
    pub(super) fn headline_colon(&self, q: &Quote) -> Option<Who> {
        let doc = self.doc;
        if q.open < 2 || !doc.is_punct(q.open - 1, ':') {
            return None;
        }
        let m = self.mention_ending_at(q.open - 2)?;
        let first = self.mentions[m].first;
        (doc.starts_sentence(first) && self.mentions[m].kind == EntityType::Person).then_some(Who::Mention(m))
    }

    /// `… — porte-parole du Kremlin` / `… — Kremlin` in a headline.
    pub(super) fn dash_headline(&self, s: usize) -> Option<((usize, usize), Who)> {
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
            let dated = (after..sent.last.min(after + 3)).any(|t| self.mention_at(t).is_some_and(|d| self.mentions[d].kind == EntityType::Date));
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
    pub(super) fn signed_paragraph(&self, s: usize, quotes: &[Quote]) -> Option<((usize, usize), Who, bool)> {
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
}
