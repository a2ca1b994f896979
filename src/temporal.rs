//! Dates and quantities, as the guidelines define them.
//!
//! Requires: a segmented [`Doc`] and the tokens already taken by names. Assigns: date and
//! quantity mentions (token spans). Dates are found first, so a number inside a date is
//! never a quantity; ordinals, `un`/`une`/`a` alone and numbers inside names are not
//! quantities.

use crate::lang::Class;
use crate::lang::Lang;
use crate::schema::EntityType;
use crate::segment::{Doc, TokKind};

/// A date or quantity mention.
#[derive(Debug, Clone)]
pub struct Measure {
    pub first: usize,
    pub last: usize,
    pub kind: EntityType,
    pub why: &'static str,
}

/// Finds dates, then quantities, in tokens not marked in `taken` (and marks them).
pub fn find(doc: &Doc, taken: &mut [bool]) -> Vec<Measure> {
    let mut out = Vec::new();
    let n = doc.tokens.len();
    // The tokens where a quantity may start, noted on the way: the second pass visits
    // only them.
    let mut numbers = Vec::new();
    // (Both as long as the tokens, said once for the loop's reads.)
    let (tokens, taken) = (&doc.tokens[..n], &mut taken[..n]);
    let mut i = 0;
    while i < n {
        if taken[i] {
            i += 1;
            continue;
        }
        // Most tokens start neither a number nor a date, as their kind and bits tell at once.
        let (number, bits) = (tokens[i].kind == TokKind::Number, doc.bits(i));
        if number || bits.is & NUMBER_WORDS != 0 {
            numbers.push(i);
        }
        let may_date = number || bits.is & DATE_WORDS != 0 || bits.entry & DATE_ENTRIES != 0 || bits.starts & DATE_STARTS != 0;
        if !(may_date || doc.lang == Lang::Fr && is_il_or_mois(doc, i)) {
            i += 1;
            continue;
        }
        if let Some((end, why)) = date_at(doc, i) {
            if (i..end).all(|k| !taken[k]) {
                taken[i..end].iter_mut().for_each(|t| *t = true);
                out.push(Measure { first: i, last: end, kind: EntityType::Date, why });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    // (A quantity's tokens are passed over: none starts another.)
    let mut quantities = Vec::new();
    let mut next = 0;
    for i in numbers {
        if i < next || taken[i] {
            continue;
        }
        if let Some((start, end)) = quantity_at(doc, i, taken) {
            taken[start..end].iter_mut().for_each(|t| *t = true);
            quantities.push(Measure { first: start, last: end, kind: EntityType::Quantity, why: "number" });
            next = end;
        }
    }
    // Dates and quantities are each found in the text's order and never overlap: merged, not
    // sorted (a sort here cost the page a kilobyte of code).
    let mut merged = Vec::with_capacity(out.len() + quantities.len());
    let (mut dates, mut quantities) = (out.into_iter().peekable(), quantities.into_iter().peekable());
    while let (Some(d), Some(q)) = (dates.peek(), quantities.peek()) {
        let next = if d.first <= q.first { dates.next() } else { quantities.next() };
        merged.extend(next);
    }
    merged.extend(dates);
    merged.extend(quantities);
    merged
}

/// The classes of which a token may start a number ([`number_at`]): `is` bits.
const NUMBER_WORDS: u64 = Class::mask(&[Class::NumberWord, Class::Multiplier]);
/// What [`date_at`] asks of a token before it looks further (with its kind, and the words
/// `il` and `mois`): [`may_start_other_date`]'s classes, and the starts of relative dates
/// and month abbreviations.
const DATE_WORDS: u64 = Class::mask(&[Class::OrdinalWord, Class::Period, Class::NumberWord]);
const DATE_ENTRIES: u64 = Class::mask(&[Class::Weekday, Class::Month]);
const DATE_STARTS: u64 = Class::mask(&[Class::RelativeDate, Class::Month]);

fn same_line(doc: &Doc, j: usize) -> bool {
    j < doc.tokens.len() && doc.tokens[j].breaks_before == 0
}

fn int_of(doc: &Doc, i: usize) -> Option<u32> {
    let t = doc.tokens[i];
    if t.kind != TokKind::Number {
        return None;
    }
    doc.tok(i).parse().ok()
}

fn is_year(doc: &Doc, i: usize) -> bool {
    doc.tok(i).len() == 4 && int_of(doc, i).is_some_and(|y| (1000..=2100).contains(&y))
}

fn is_day(doc: &Doc, i: usize) -> bool {
    // Every form below starts with a digit, and a token starting with one is a number.
    if doc.tokens[i].kind != TokKind::Number {
        return false;
    }
    let w = doc.tok(i);
    int_of(doc, i).is_some_and(|d| (1..=31).contains(&d)) || w == "1er" || w.eq_ignore_ascii_case("1st")
        || ["st", "nd", "rd", "th"].iter().any(|s| w.ends_with(s) && w[..w.len() - 2].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)))
}

fn is_month(doc: &Doc, i: usize) -> bool {
    // An abbreviation's stem starts an entry (its bits say so): most words before a period
    // are told apart before the abbreviation is written.
    (doc.low_is(i, Class::Month) || doc.may_start_class(i, Class::Month) && doc.is_punct(i + 1, '.') && is_month_abbreviation(doc, doc.low(i)))
        && !(doc.lang == Lang::En && doc.low(i) == "may" && !doc.is_cap(i))
}

fn is_month_abbreviation(doc: &Doc, low: &str) -> bool {
    doc.data.is_proper_prefix(Class::Month, low) && doc.data.is(Class::Month, &format!("{low}."))
}

/// The end of a month token (abbreviations take their period).
fn month_end(doc: &Doc, i: usize) -> usize {
    if !doc.low_is(i, Class::Month) && doc.is_punct(i + 1, '.') {
        i + 2
    } else {
        i + 1
    }
}

fn is_weekday(doc: &Doc, i: usize) -> bool {
    doc.low_is(i, Class::Weekday)
}

/// Whether some rule of [`date_at`] after the relative dates may match at token `i`: each
/// starts with a number, a word of a date class, a month abbreviation (a word before a
/// period) or `il`/`mois`, so the other tokens, most of them, are told apart from their bits
/// alone.
fn may_start_other_date(doc: &Doc, i: usize) -> bool {
    // (`|`, not `||`: the token's bits are looked up once for all the classes.)
    (doc.tokens[i].kind == TokKind::Number)
        | doc.low_is(i, Class::Weekday)
        | doc.low_is(i, Class::Month)
        | doc.is_class(i, Class::OrdinalWord)
        | doc.is_class(i, Class::Period)
        | doc.is_class(i, Class::NumberWord)
        || doc.may_start_class(i, Class::Month) && doc.is_punct(i + 1, '.')
        || doc.lang == Lang::Fr && is_il_or_mois(doc, i)
}

/// Whether token `i` is the word `il` or `mois`, told from its bytes (no other character
/// lowercases to these ASCII letters; `| 0x20` lowercases an ASCII letter and turns no
/// other byte into one).
#[inline]
fn is_il_or_mois(doc: &Doc, i: usize) -> bool {
    let t = doc.tokens[i];
    t.kind == TokKind::Word
        && match doc.text.as_bytes()[t.start..t.end] {
            [a, b] => [a | 0x20, b | 0x20] == *b"il",
            [a, b, c, d] => [a | 0x20, b | 0x20, c | 0x20, d | 0x20] == *b"mois",
            _ => false,
        }
}

/// A date starting at token `i`, as (end, rule).
fn date_at(doc: &Doc, i: usize) -> Option<(usize, &'static str)> {
    // (`the`, `le`, `la` start relative dates, and nothing else here: most are passed over
    // once that phrase is not found.)
    let other = may_start_other_date(doc, i);
    if !other && !doc.may_start_class(i, Class::RelativeDate) {
        return None;
    }
    let n = doc.tokens.len();
    // Relative dates: hier, aujourd'hui, last week, this year (and "hier dimanche").
    if let Some(end) = doc.match_class(i, Class::RelativeDate) {
        let mut end = end;
        if is_weekday(doc, end) && same_line(doc, end) {
            end = weekday_end(doc, end);
        } else if let Some(e) = doc.match_class(end, Class::DayPart).filter(|_| same_line(doc, end)) {
            end = e;
        }
        return Some((end, "relative date"));
    }
    if !other {
        return None;
    }
    // "il y a 30 ans", "il y a deux mois".
    if doc.lang == Lang::Fr && doc.low(i) == "il" && i + 3 < n && doc.low(i + 1) == "y" && doc.low(i + 2) == "a" {
        if let Some(e) = number_at(doc, i + 3) {
            if e < n && doc.is_class(e, Class::TimeUnit) {
                return Some((e + 1, "time ago"));
            }
        }
    }
    // English: [weekday,] month day[, year] / month year.
    if doc.lang == Lang::En {
        let mut k = i;
        let mut had_weekday = false;
        if is_weekday(doc, k) {
            had_weekday = true;
            k += 1;
            if doc.is_punct(k, ',') {
                k += 1;
            }
        }
        if is_month(doc, k) && doc.is_cap(k) {
            let m_end = month_end(doc, k);
            if m_end < n && is_day(doc, m_end) && same_line(doc, m_end) {
                let mut end = m_end + 1;
                if doc.is_punct(end, ',') && end + 1 < n && is_year(doc, end + 1) {
                    end += 2;
                } else if end < n && is_year(doc, end) && same_line(doc, end) {
                    end += 1;
                }
                return Some((end, "calendar date"));
            }
            if m_end < n && is_year(doc, m_end) && same_line(doc, m_end) {
                return Some((m_end + 1, "month and year"));
            }
            if doc.is_cap(k) && doc.low(k) != "may" && !had_weekday {
                return Some((m_end, "month"));
            }
        }
        if had_weekday {
            return Some((weekday_end(doc, i), "weekday"));
        }
    }
    // French (and English day-first): [weekday] day [et day] month [year].
    {
        let mut k = i;
        if is_weekday(doc, k) {
            k += 1;
        }
        if k < n && is_day(doc, k) {
            let mut m = k + 1;
            if m + 1 < n && matches!(doc.low(m), "et" | "and" | "au") && is_day(doc, m + 1) {
                m += 2;
            }
            if (doc.is_punct(m, '-') || doc.is_punct(m, '–')) && m + 1 < n && is_day(doc, m + 1) {
                m += 2;
            }
            if m < n && is_month(doc, m) && same_line(doc, m) {
                let mut end = month_end(doc, m);
                if end < n && is_year(doc, end) && same_line(doc, end) {
                    end += 1;
                }
                return Some((end, "calendar date"));
            }
        }
    }
    if is_weekday(doc, i) {
        return Some((weekday_end(doc, i), "weekday"));
    }
    // "mois de mai", "premier semestre 2012", "années 1970", "février 2009".
    if doc.lang == Lang::Fr {
        if doc.low(i) == "mois" && i + 2 < n && doc.low(i + 1) == "de" && is_month(doc, i + 2) {
            return Some((month_end(doc, i + 2), "month"));
        }
        if doc.is_class(i, Class::OrdinalWord) && i + 2 < n && doc.is_class(i + 1, Class::Period) && is_year(doc, i + 2) {
            return Some((i + 3, "period of a year"));
        }
        if is_month(doc, i) {
            let e = month_end(doc, i);
            if e < n && is_year(doc, e) && same_line(doc, e) {
                return Some((e + 1, "month and year"));
            }
            let after_date_prep = i > 0 && matches!(doc.low(i - 1), "en" | "depuis" | "fin" | "début" | "mi" | "courant" | "dès");
            if after_date_prep && doc.low(i) != "mars" || i > 0 && doc.low(i - 1) == "en" {
                return Some((e, "month"));
            }
        }
    }
    if doc.is_class(i, Class::Period) && i + 1 < n && is_year(doc, i + 1) && doc.low(i).starts_with(['a', 'y']) {
        return Some((i + 2, "decade"));
    }
    // Clock times: 18h15 [UTC], 22:30, 6:00am, 15:11 GMT, 19 heures.
    if let Some(end) = clock_at(doc, i) {
        return Some((end, "clock time"));
    }
    // A year on its own, unless it counts something ("2000 soldats").
    let after_approximator = i > 0 && doc.is_class(i - 1, Class::Approximator);
    if is_year(doc, i) && !counts_something(doc, i + 1) && !after_approximator && !grouped_digits_before(doc, i) {
        return Some((i + 1, "year"));
    }
    // English decades: "the 1990s".
    if doc.lang == Lang::En && doc.tokens[i].kind == TokKind::Number {
        let w = doc.tok(i);
        if w.len() == 5 && w.ends_with('s') && w[..4].parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y)) {
            return Some((i + 1, "decade"));
        }
    }
    None
}

fn weekday_end(doc: &Doc, i: usize) -> usize {
    let mut end = i + 1;
    if end < doc.tokens.len() && same_line(doc, end) {
        if let Some(e) = doc.match_class(end, Class::DayPart) {
            end = e;
        } else if is_day(doc, end) && !is_month(doc, end + 1) {
            // "dimanche 17" without a month: keep the weekday alone.
        }
    }
    end
}

fn clock_at(doc: &Doc, i: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let t = doc.tokens[i];
    if t.kind != TokKind::Number && !doc.is_class(i, Class::NumberWord) {
        return None;
    }
    let w = doc.tok(i);
    let zone = |e: usize| {
        if e < n && same_line(doc, e) && matches!(doc.tok(e), "UTC" | "GMT" | "CET" | "CEST" | "EST" | "EDT" | "PST" | "PDT" | "HNE" | "UT") {
            e + 1
        } else {
            e
        }
    };
    // 18h15, 6h
    if let Some((h, m)) = w.split_once('h') {
        if h.parse::<u32>().is_ok_and(|h| h < 25) && (m.is_empty() || m.parse::<u32>().is_ok_and(|m| m < 60)) && !m.is_empty() {
            return Some(zone(i + 1));
        }
    }
    // 22:30, 6:00am, 6:00 a.m.
    if doc.is_punct(i + 1, ':') && i + 2 < n && doc.tokens[i + 2].kind == TokKind::Number && !doc.tokens[i + 1].space_before && !doc.tokens[i + 2].space_before {
        let mut e = i + 3;
        let m = doc.tok(i + 2);
        let ampm = m.ends_with("am") || m.ends_with("pm");
        if !ampm && e < n && same_line(doc, e) && matches!(doc.low(e), "am" | "pm" | "a.m." | "p.m.") {
            e += 1;
        }
        if w.parse::<u32>().is_ok_and(|h| h < 25) {
            return Some(zone(e));
        }
    }
    // "à 19 heures", "trois heures du matin".
    if doc.lang == Lang::Fr && i + 1 < n && matches!(doc.low(i + 1), "heures" | "heure") {
        if i + 3 < n && doc.low(i + 2) == "du" && doc.is_class(i + 3, Class::DayPart) {
            return Some(i + 4);
        }
        if i > 0 && matches!(doc.low(i - 1), "à" | "vers" | "dès" | "jusqu'à" | "avant" | "après") {
            return Some(zone(i + 2));
        }
    }
    None
}

/// Whether the token at `j` makes the number before it a count ("2000 soldats", "1500 euros").
fn counts_something(doc: &Doc, j: usize) -> bool {
    if j >= doc.tokens.len() || !same_line(doc, j) {
        return false;
    }
    if doc.is_class(j, Class::Unit) || doc.is_class(j, Class::Multiplier) || doc.is_punct(j, '%') {
        return true;
    }
    let w = doc.tok(j);
    let low = doc.low(j);
    let lower_word = doc.tokens[j].kind == TokKind::Word && w.chars().next().is_some_and(char::is_lowercase);
    lower_word
        && (low.ends_with('s') || low.ends_with('x'))
        && low.chars().count() > 3
        && doc.verb_form(j).is_none()
        && !doc.is_class(j, Class::Adverb)
}

fn grouped_digits_before(doc: &Doc, i: usize) -> bool {
    i > 0 && doc.tokens[i - 1].kind == TokKind::Number && same_line(doc, i)
}

/// A number starting at token `i`: digits (with groups of three: `2 000`), number words
/// (`deux cent mille`), maybe a multiplier (`10 millions`). Returns the index past it.
fn number_at(doc: &Doc, i: usize) -> Option<usize> {
    let n = doc.tokens.len();
    let t = doc.tokens[i];
    let mut end;
    if t.kind == TokKind::Number {
        let w = doc.tok(i);
        if w.chars().any(char::is_alphabetic) {
            return None; // 1er, 9e, 3DS, 18h15
        }
        end = i + 1;
        // Thousands groups separated by spaces: "2 000", "2 700 000".
        while end < n && same_line(doc, end) && doc.tokens[end].kind == TokKind::Number && doc.tok(end).len() == 3 && doc.tok(end).bytes().all(|b| b.is_ascii_digit()) && doc.tokens[end].start - doc.tokens[end - 1].end <= 3 {
            end += 1;
        }
    } else if doc.is_class(i, Class::NumberWord) || doc.is_class(i, Class::Multiplier) && doc.low(i) != "mille" {
        end = i + 1;
        while end < n && same_line(doc, end) && (doc.is_class(end, Class::NumberWord) || doc.is_class(end, Class::Multiplier) || (doc.low(end) == "et" || doc.low(end) == "and") && end + 1 < n && doc.is_class(end + 1, Class::NumberWord)) {
            end += 1;
        }
    } else {
        return None;
    }
    if end < n && same_line(doc, end) && doc.is_class(end, Class::Multiplier) {
        end += 1;
    }
    Some(end)
}

/// A quantity around token `i`: [approximator] number [range] [unit], as (start, end).
fn quantity_at(doc: &Doc, i: usize, taken: &[bool]) -> Option<(usize, usize)> {
    let n = doc.tokens.len();
    let mut end = number_at(doc, i)?;
    if (i..end).any(|k| taken[k]) {
        return None;
    }
    let low = doc.low(i);
    // (An article before a multiplier counts one of it too: "un milliard", "a billion".)
    let approx_word = low.ends_with("aine") || low.ends_with("aines") || matches!(low, "dozen" | "dozens" | "hundreds" | "thousands" | "millier" | "milliers" | "centaines") || doc.is_class(i, Class::Multiplier);
    // Unit or range: "93 mm", "3,5 %", "1 000 à 4 000", "3 h à 5 h", "une vingtaine de kilomètres".
    let unit_end = |e: usize| -> usize {
        if e < n && same_line(doc, e) {
            if let Some(u) = doc.match_class(e, Class::Unit) {
                return u;
            }
            if matches!(doc.low(e), "de" | "d'" | "of") && e + 1 < n {
                if let Some(u) = doc.match_class(e + 1, Class::Unit) {
                    return u;
                }
            }
        }
        e
    };
    end = unit_end(end);
    if end + 1 < n && same_line(doc, end) && matches!(doc.low(end), "à" | "to" | "-" | "–") {
        if let Some(e2) = number_at(doc, end + 1) {
            if (end + 1..e2).all(|k| !taken[k]) {
                end = unit_end(e2);
            }
        }
    }
    // "3 h 30": minutes after an hour.
    if end < n && doc.tokens[end].kind == TokKind::Number && doc.tok(end - 1) == "h" {
        end += 1;
    }
    // A unit or a range never reaches into a name or a date ("10 M. Martin", "3 h 2022").
    if let Some(t) = (i..end).find(|&t| taken[t]) {
        end = t;
    }
    // Approximator before: plus de, au moins, environ, une (vingtaine), about, more than.
    let mut start = i;
    for len in (1..=4).rev() {
        if i < len {
            continue;
        }
        let a = i - len;
        // (Most tokens start no approximator: told from their bits first.)
        if !doc.may_start_class(a, Class::Approximator) || (a..i).any(|k| taken[k]) || !(a + 1..=i).all(|k| same_line(doc, k)) {
            continue;
        }
        if doc.match_class(a, Class::Approximator) == Some(i) {
            let phrase = doc.span_text(a, i).to_lowercase();
            let article = matches!(phrase.as_str(), "un" | "une" | "a" | "an");
            if article && !approx_word {
                continue;
            }
            start = a;
            // "au moins une quarantaine": an article after the approximator.
            break;
        }
    }
    if start == i && i >= 1 && matches!(doc.low(i - 1), "une" | "un") && approx_word {
        start = i - 1;
    }
    if start > 0 && start < i && matches!(doc.low(start), "une" | "un") {
        for len in (1..=3).rev() {
            if start >= len && doc.match_class(start - len, Class::Approximator) == Some(start) && same_line(doc, start) {
                start -= len;
                break;
            }
        }
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::WordBits;

    #[test]
    fn masks_hold_the_classes_bits() {
        let bits = WordBits { is: NUMBER_WORDS | DATE_WORDS, entry: DATE_ENTRIES, starts: DATE_STARTS, ..WordBits::default() };
        for c in [Class::NumberWord, Class::Multiplier, Class::OrdinalWord, Class::Period] {
            assert!(bits.is(c));
        }
        assert!(bits.entry(Class::Weekday) && bits.entry(Class::Month) && !bits.entry(Class::Period));
        assert!(bits.starts(Class::RelativeDate) && bits.starts(Class::Month));
    }
}
