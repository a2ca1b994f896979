//! Quotations: pairs of quotation marks and what they hold.
//!
//! Requires: a segmented [`Doc`]. Assigns: every quotation with its marks and content (byte
//! spans), nesting depth, and whether it holds a statement (a clause of four words or more, or
//! a short sentence closed inside its marks) rather than a quoted term. Marks pair within a
//! paragraph: an unbalanced mark never swallows the rest of the article. A quotation left open
//! at the end of its paragraph goes on into the next one when that paragraph closes it without
//! reopening it; else it counts to the paragraph end when it opened the paragraph or followed a
//! colon or comma (the conventions for quotes running over several paragraphs); otherwise it is
//! dropped.

use crate::lang::Class;
use crate::segment::{Doc, TokKind, Token};

/// A quotation.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Token of the opening mark.
    pub open: usize,
    /// Token of the closing mark, `None` when it ran to the end of its paragraph.
    pub close: Option<usize>,
    /// Byte span of the content, marks and surrounding spaces excluded.
    pub content: (usize, usize),
    /// First and one-past-last content tokens.
    pub tokens: (usize, usize),
    /// How many quotations enclose it.
    pub depth: usize,
    /// A statement (four words or more, or a short sentence of its own), not a quoted term.
    pub statement: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Guillemet,
    Curly,
    LowCurly,
    Straight,
    Angle,
    Single,
}

fn mark_of(doc: &Doc, i: usize, stack: &[(Mark, usize)]) -> Option<(Mark, bool)> {
    let t = doc.tokens[i];
    if !may_be_mark(doc, &t) {
        return None;
    }
    let c = doc.text[t.start..].chars().next()?;
    let top = stack.last().map(|s| s.0);
    Some(match c {
        '«' => (Mark::Guillemet, true),
        '»' => (Mark::Guillemet, false),
        '„' => (Mark::LowCurly, true),
        '“' if top == Some(Mark::LowCurly) => (Mark::LowCurly, false),
        '“' => (Mark::Curly, true),
        '”' => (Mark::Curly, false),
        '‹' => (Mark::Angle, true),
        '›' => (Mark::Angle, false),
        '"' => {
            let next_is_space = doc.tokens.get(i + 1).is_none_or(|n| n.space_before || n.breaks_before > 0);
            // (A straight mark glued between a word and punctuation closes: `exercise".`.)
            let next_is_punct = doc.tokens.get(i + 1).is_some_and(|n| n.kind == TokKind::Punct);
            if top == Some(Mark::Straight) {
                (Mark::Straight, false)
            } else if t.space_before || t.breaks_before > 0 || i == 0 || !next_is_space && !next_is_punct {
                (Mark::Straight, true)
            } else {
                return None;
            }
        }
        '‘' if t.space_before || t.breaks_before > 0 || i == 0 => (Mark::Single, true),
        '’' | '\'' if top == Some(Mark::Single) && next_is_space_or_punct(doc, i) => (Mark::Single, false),
        _ => return None,
    })
}

/// Whether token `t` may be a quotation mark: a punctuation token, and of the ASCII ones,
/// most punctuation, only the straight marks.
#[inline]
fn may_be_mark(doc: &Doc, t: &Token) -> bool {
    t.kind == TokKind::Punct && {
        let first = doc.text.as_bytes()[t.start];
        !first.is_ascii() || matches!(first, b'"' | b'\'')
    }
}

fn next_is_space_or_punct(doc: &Doc, i: usize) -> bool {
    doc.tokens.get(i + 1).is_none_or(|n| n.space_before || n.breaks_before > 0 || n.kind == TokKind::Punct)
}

/// Finds the quotations of `doc`, in order of their opening marks.
pub fn find(doc: &Doc) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut stack: Vec<(Mark, usize)> = Vec::new();
    let n = doc.tokens.len();
    // Paragraphs a quotation has been carried over (see `continues_into`).
    let mut carried = 0;
    // (A paragraph starts with a sentence: the tokens are read sentence by sentence.)
    for s in &doc.sentences {
        let first = s.first;
        if first > 0 && doc.tokens[first].breaks_before > 0 && s.paragraph != doc.sentence_of(first - 1).paragraph {
            let carry = carried < MAX_CARRIED && stack.first().is_some_and(|&(mark, _)| continues_into(doc, mark, first));
            if carry {
                carried += 1;
            } else {
                carried = 0;
                close_paragraph(doc, &mut stack, first, &mut out);
            }
        }
        for (i, t) in doc.tokens[first..s.last].iter().enumerate() {
            // (Only punctuation may be a mark, and little of it: the other tokens, most of
            // them, are passed at once.)
            if !may_be_mark(doc, t) {
                continue;
            }
            let i = first + i;
            let Some((mark, opens)) = mark_of(doc, i, &stack) else { continue };
            if opens {
                // Runaway nesting is data, not structure: past 64 levels marks are ignored.
                if stack.len() < 64 {
                    stack.push((mark, i));
                }
                continue;
            }
            if let Some(pos) = stack.iter().rposition(|s| s.0 == mark) {
                let (_, open) = stack[pos];
                stack.truncate(pos);
                out.push(make(doc, open, Some(i), i, pos));
            }
        }
    }
    close_paragraph(doc, &mut stack, n, &mut out);
    out.sort_by_key(|q| q.open);
    out
}

/// The most paragraphs one quotation is carried over without being reopened.
const MAX_CARRIED: usize = 3;

/// Whether a quotation left open at the end of a paragraph goes on into the paragraph that
/// starts at token `first`: that paragraph does not reopen it and does close it
/// (`He said, "It felt good.¶We could have scored." After the match, …`). Scans one
/// paragraph, so the whole pass stays linear.
fn continues_into(doc: &Doc, mark: Mark, first: usize) -> bool {
    let para = doc.sentence_of(first).paragraph;
    for j in first..doc.tokens.len() {
        if doc.tokens[j].breaks_before > 0 && j > first && doc.sentence_of(j).paragraph != para {
            return false;
        }
        if doc.tokens[j].kind != TokKind::Punct {
            continue;
        }
        match mark_of(doc, j, &[]) {
            Some((m, opens)) if m == mark => return !opens,
            // A straight mark read with nothing open is an opener only after a space; one
            // glued to the word before it closes.
            None if mark == Mark::Straight && doc.text[doc.tokens[j].start..].starts_with('"') => return true,
            _ => {}
        }
    }
    false
}

fn close_paragraph(doc: &Doc, stack: &mut Vec<(Mark, usize)>, end: usize, out: &mut Vec<Quote>) {
    for (depth, &(_, open)) in stack.iter().enumerate() {
        let opens_paragraph = open == 0 || doc.tokens[open].breaks_before > 0;
        // `… said, "It was …` or `… a déclaré : « Nous …` left open: the quotation runs to
        // the paragraph end (the next paragraph may go on with a reopened mark).
        let introduced = open > 0 && (doc.is_punct(open - 1, ':') || doc.is_punct(open - 1, ','));
        if depth == 0 && (opens_paragraph || introduced) && end > open + 1 {
            out.push(make(doc, open, None, end, 0));
        }
    }
    stack.clear();
}

fn make(doc: &Doc, open: usize, close: Option<usize>, end_tok: usize, depth: usize) -> Quote {
    let first = open + 1;
    let last = end_tok.max(first);
    let (a, b) = if first < last { (doc.tokens[first].start, doc.tokens[last - 1].end) } else { (doc.tokens[open].end, doc.tokens[open].end) };
    let words = (first..last).filter(|&t| matches!(doc.tokens[t].kind, TokKind::Word | TokKind::Number | TokKind::Dotted)).count();
    // ("We will rebuild," / "It is over!" / '"We lost everything," said X': a short
    // sentence of its own, closed inside the marks, with an auxiliary or opening the
    // sentence, is a statement too.)
    // (French puts the comma after the marks: "« C'est un désastre », a déclaré X".)
    let opens_sentence = doc.sentence_of(open).first == open;
    let closed_inside = last > first + 1 && [',', '.', '!', '?'].iter().any(|&c| doc.is_punct(last - 1, c));
    let comma_after = close.is_some_and(|c| doc.is_punct(c + 1, ','));
    let sentence = words >= 2
        && (closed_inside && (first..last).any(|t| doc.is_class(t, Class::Auxiliary)) || opens_sentence && close.is_some() && (closed_inside || comma_after));
    Quote { open, close, content: (a, b), tokens: (first, last), depth, statement: words >= 4 || sentence }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    fn contents(text: &str) -> Vec<String> {
        let d = Doc::new(text, Lang::Fr);
        find(&d).iter().map(|q| text[q.content.0..q.content.1].to_string()).collect()
    }

    #[test]
    fn every_style_and_nesting() {
        assert_eq!(contents("« A «b» c » “d” \"e\" ‹f› „g“"), ["A «b» c", "b", "d", "e", "f", "g"]);
    }

    #[test]
    fn apostrophes_are_not_marks_and_unbalanced_marks_stop_at_the_paragraph() {
        assert_eq!(contents("l’OTSC « ouvert sans fin\n\nAutre « paragraphe »"), ["paragraphe"]);
        assert_eq!(contents("« Un paragraphe ouvert\n\n« Et repris. »"), ["Un paragraphe ouvert", "Et repris."]);
    }

    #[test]
    fn a_stray_straight_mark_before_punctuation_does_not_open() {
        assert_eq!(contents("as part of their exercise\". He said, \"We have one vote\"."), ["We have one vote"]);
    }

    #[test]
    fn a_quotation_closed_in_the_next_paragraph_spans_both() {
        assert_eq!(contents("Il a dit : « Un.\n\nDeux. » Fin."), ["Un.\n\nDeux."]);
        assert_eq!(contents("He said, \"One.\n\nTwo.\" After."), ["One.\n\nTwo."]);
        // Not closed in the next paragraph: each paragraph on its own, the first one kept to
        // its end because a colon introduced it.
        assert_eq!(contents("Il a dit : « Un.\n\nDeux « trois » quatre."), ["Un.", "trois"]);
        assert_eq!(contents("Un « deux.\n\nTrois."), Vec::<String>::new());
    }
}
