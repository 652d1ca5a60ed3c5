//! The reported clause around a partial quote: "Clinton said there was “no daylight” between
//! their plans" reports that there was no daylight between their plans, in words some of
//! which are hers. The quote's words alone ("no daylight") say little; the clause is what an
//! attribution reports (PolNeAR's content span), with the speaker's own words in their marks.

use std::ops::Range;

use super::{RawQuote, is_opener, is_speech_verb_token, text_of};
use crate::lexicon;
use crate::text::word_tokens;

/// The most words of a reported clause: a longer one is not one clause.
pub(crate) const MAX_CLAUSE_WORDS: usize = 60;

/// The fewest words of the writer's own that make a clause more than its quote.
pub(crate) const MIN_OWN_WORDS: usize = 3;

/// The byte range, in the quote's paragraph, of the clause that reports a quote set inside
/// the writer's words, marks included:
/// - after the last verb of speech, participle of one or introducer before the quote in its
///   sentence (and after a colon that follows it), the rest of the sentence up to a second
///   report ("said [there was “no daylight” between their plans], adding …", "called [the
///   move “illegal”.]");
/// - with the verb after the quote ("…,” Lee said"), the sentence up to the quote's closing
///   mark ("[Trump's misinformation may be “strategic,”] Hemsley said").
///
/// `None` for a quote that is its clause (fewer than [`MIN_OWN_WORDS`] of the writer's words
/// around it, or a preposition alone before it: the quote is then what the verb is about),
/// one running over paragraphs, one with no verb in its sentence, or a clause of over
/// [`MAX_CLAUSE_WORDS`] words.
pub(crate) fn reported_clause(q: &RawQuote, paragraphs: &[(usize, &str)]) -> Option<Range<usize>> {
    if q.close.0 != q.paragraph {
        return None;
    }
    let text = text_of(paragraphs, q.paragraph);
    let (open, close) = (mark_before(text, q.range.start)?, q.close.1);
    let sentence = crate::text::sentences(text).into_iter().find(|s| s.start <= open && close <= s.end)?;
    let verb = |t: &crate::text::Token<'_>| {
        is_speech_verb_token(t.text)
            || lexicon::is_report_participle(t.text)
            || lexicon::INTRODUCERS.contains(&t.text.to_lowercase())
    };
    let before = &text[sentence.start..open];
    let clause = match word_tokens(before).iter().rev().find(|t| verb(t)) {
        Some(v) => {
            sentence.start + v.end
                ..next_report(text, close..sentence.end).unwrap_or(trim_end(text, sentence.clone()))
        }
        None => {
            // The attribution after the quote: a comma, inside the marks or after them, then a
            // verb within a few words.
            let after = &text[close..sentence.end];
            let comma = q.text.trim_end().ends_with(',') || after.trim_start().starts_with(',');
            if !comma || !word_tokens(after).iter().take(6).any(verb) {
                return None;
            }
            sentence.start..close
        }
    };
    // "… the war's end: Belarus was “involved from day one”": the clause starts after a colon.
    let clause = match text[clause.start..open].rfind(':') {
        Some(colon) => clause.start + colon + 1..clause.end,
        None => clause,
    };
    let clause = trim(text, clause);
    // "complained about “hellish sanctions” on Monday": the quote is what the verb is about,
    // no clause of its own.
    let lead: Vec<&str> = crate::text::words(&text[clause.start..open]).collect();
    if let [preposition] = lead[..]
        && matches!(
            preposition,
            "about" | "against" | "at" | "by" | "for" | "from" | "of" | "on" | "over" | "with"
        )
    {
        return None;
    }
    let own = lead.len() + crate::text::words(text.get(close..clause.end).unwrap_or("")).count();
    let words = crate::text::words(&text[clause.clone()]).count();
    (own >= MIN_OWN_WORDS && words <= MAX_CLAUSE_WORDS).then_some(clause)
}

/// Where a second report in the rest of a sentence begins ("…, but said …", "… and warned
/// …", "…, adding …"): the clause of the first ends before it, and before the word that joins
/// the two.
fn next_report(text: &str, rest: Range<usize>) -> Option<usize> {
    let tokens = word_tokens(&text[rest.clone()]);
    let at =
        tokens.iter().position(|t| is_speech_verb_token(t.text) || lexicon::is_report_participle(t.text))?;
    let joins = |w: &str| matches!(w, "and" | "but" | "while" | "then" | "also" | "he" | "she" | "they");
    let first = tokens[..at].iter().rposition(|t| !joins(t.text)).map_or(0, |k| k + 1);
    let end = tokens.get(first).map_or(rest.end, |t| rest.start + t.start);
    Some(rest.start + text[rest.start..end].trim_end_matches([' ', ',', ';']).len())
}

/// Where the opening mark before `start` begins.
fn mark_before(text: &str, start: usize) -> Option<usize> {
    let (at, c) = text[..start].char_indices().next_back()?;
    is_opener(c).then_some(at)
}

/// A range without the spaces and commas at its ends.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start_matches([' ', ',', ':']).len();
    let tail = s.len() - s.trim_end().len();
    r.start + lead..r.end - tail
}

/// A sentence's range without its spaces at the end.
fn trim_end(text: &str, r: Range<usize>) -> usize {
    r.start + text[r].trim_end().len()
}
