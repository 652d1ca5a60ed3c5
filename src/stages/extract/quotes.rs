//! Direct quotes and their speakers.
//!
//! Quote marks are paired leniently: any opener (“ « „ ") closes with any closer (” » “ "), so
//! a page's `«…”` still pairs, and a quote left open at a paragraph's end runs on into the next
//! paragraph when that one opens with a quote mark (the print convention). The speaker comes
//! from the words after the quote ("…,” said X", "…,” X told") or before it ("X said: “…"),
//! "according to X", and a pronoun goes to the person last named before the quote.

use super::actors::{Mention, mentions_in, tokenize};
use super::lexicon::{self, SPEECH_VERBS};
use crate::model::{ActorKind, LocalActor};

/// A quote found in a paragraph, before its speaker is known.
#[derive(Debug, Clone, PartialEq)]
pub struct RawQuote {
    /// Paragraph where the quote opens.
    pub paragraph: usize,
    /// Byte range of the quoted words in that paragraph (without the marks); for a quote
    /// running over paragraphs, to the end of the first.
    pub range: std::ops::Range<usize>,
    /// The quoted words, over every paragraph they span.
    pub text: String,
    /// Paragraph and byte offset right after the closing mark.
    pub close: (usize, usize),
}

fn is_opener(c: char) -> bool {
    matches!(c, '“' | '«' | '„' | '"')
}

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '»' | '“' | '"')
}

/// Finds quotes across the paragraphs of an article.
pub fn find(paragraphs: &[(usize, &str)]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, String)> = None; // (paragraph, start byte, text so far)
    for (k, &(p, text)) in paragraphs.iter().enumerate() {
        let mut chars = text.char_indices();
        // A quote running on from the paragraph before: its opening mark continues, it does
        // not close.
        let mut body_start = 0;
        if open.is_some()
            && let Some((_, c)) = chars.next()
        {
            body_start = c.len_utf8();
        }
        for (i, c) in chars {
            match &mut open {
                None if is_opener(c) => open = Some((p, i + c.len_utf8(), String::new())),
                Some((op, start, acc)) if is_closer(c) && !(c == '“' && *op == p && i == *start) => {
                    let body = if *op == p { &text[*start..i] } else { &text[body_start..i] };
                    let mut full = std::mem::take(acc);
                    if !full.is_empty() {
                        full.push(' ');
                    }
                    full.push_str(body);
                    let first_end = if *op == p {
                        i
                    } else {
                        paragraphs.iter().find(|x| x.0 == *op).map_or(0, |x| x.1.len())
                    };
                    out.push(RawQuote {
                        paragraph: *op,
                        range: *start..first_end.max(*start),
                        text: full.trim().to_string(),
                        close: (p, i + c.len_utf8()),
                    });
                    open = None;
                }
                _ => {}
            }
        }
        // Still open at the paragraph's end: it runs on only if the next paragraph opens with
        // a quote mark; otherwise the mark was stray and is dropped.
        if let Some((op, start, acc)) = &mut open {
            let next_opens = paragraphs.get(k + 1).is_some_and(|(_, t)| t.starts_with(is_opener));
            if next_opens {
                let piece = if *op == p { &text[*start..] } else { &text[body_start..] };
                if !acc.is_empty() {
                    acc.push(' ');
                }
                acc.push_str(piece);
            } else {
                open = None;
            }
        }
    }
    out
}

/// Who said a quote: a local actor index, or `None`.
///
/// `para_text` is the text of the quote's paragraph (for words before the quote) and
/// `close_text` the text of the paragraph where it closes (for words after).
pub fn speaker(
    q: &RawQuote,
    para_text: &str,
    close_text: &str,
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Option<usize> {
    let (cp, co) = q.close;
    // After the quote, up to the end of its sentence: "…,” said X" or "…,” X said".
    let after = &close_text[co.min(close_text.len())..];
    let after_end = after.find(['.', '!', '?', '“', '"', '«']).unwrap_or(after.len());
    let after_clause = &after[..after_end];
    let toks = tokenize(after_clause);
    if let Some(v) =
        toks.iter().take(10).position(|t| lexicon::contains(SPEECH_VERBS, &t.text.to_lowercase()))
    {
        let verb_at = co + toks[v].start;
        // Subject before the verb within the clause, else the name right after it.
        if let Some(m) = mentions_in(mentions, cp, co..verb_at).rfind(|m| can_speak(&actors[m.actor])) {
            return Some(m.actor);
        }
        let verb_end = co + toks[v].end;
        let clause_end = co + after_end;
        if let Some(m) = mentions_in(mentions, cp, verb_end..clause_end).next() {
            return Some(m.actor);
        }
        if toks[..v].iter().any(|t| matches!(t.text, "he" | "she" | "He" | "She")) {
            return nearest_person_before(q, mentions, actors);
        }
    }
    // Before the quote, in its sentence: "X said: “…", "X told reporters that “…",
    // "according to X, …".
    let (p, start) = (q.paragraph, q.range.start);
    let head = para_text.get(..start).unwrap_or("").trim_end_matches(is_opener);
    let sentence_start = head.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    let clause = &head[sentence_start..];
    let toks = tokenize(clause);
    let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    let according = lower.windows(2).position(|w| w[0] == "according" && w[1] == "to");
    let verb = lower.iter().rposition(|w| lexicon::contains(SPEECH_VERBS, w) || w == "saying");
    if let Some(a) = according {
        let from = sentence_start + toks[a + 1].end;
        if let Some(m) = mentions_in(mentions, p, from..start).find(|m| can_speak(&actors[m.actor])) {
            return Some(m.actor);
        }
    }
    if let Some(v) = verb {
        let verb_at = sentence_start + toks[v].start;
        let candidates: Vec<&Mention> = mentions_in(mentions, p, sentence_start..verb_at).collect();
        if let Some(m) =
            candidates.iter().rev().find(|m| actors[m.actor].kind == ActorKind::Person).or(candidates.last())
        {
            return Some(m.actor);
        }
        if lower[..v].iter().any(|w| w == "he" || w == "she") {
            return nearest_person_before(q, mentions, actors);
        }
    }
    // "X responded by explaining it was impossible: “…": a quote introduced by a colon
    // belongs to the person the sentence is about.
    if clause.trim_end().ends_with(':') {
        let people = mentions_in(mentions, p, sentence_start..start)
            .filter(|m| actors[m.actor].kind == ActorKind::Person);
        if let Some(m) = people.min_by_key(|m| m.offset) {
            return Some(m.actor);
        }
    }
    None
}

/// Fills in speakers for quotes that continue another quote of the same paragraph
/// (`“…,” he said. “And …”`): the nearest attributed quote in the paragraph speaks for them.
pub fn carry_speakers(quotes: &mut [(RawQuote, Option<usize>)]) {
    for i in 0..quotes.len() {
        if quotes[i].1.is_some() {
            continue;
        }
        let p = quotes[i].0.paragraph;
        let near = (0..quotes.len())
            .filter(|&j| j != i && quotes[j].0.paragraph == p && quotes[j].1.is_some())
            .min_by_key(|&j| (j as isize - i as isize).unsigned_abs());
        if let Some(j) = near {
            quotes[i].1 = quotes[j].1;
        }
    }
}

/// People and organisations speak; places and groups ("Russia said") are not speakers we can
/// cite for a quote.
pub fn can_speak(actor: &LocalActor) -> bool {
    matches!(actor.kind, ActorKind::Person | ActorKind::Organization)
}

fn nearest_person_before(q: &RawQuote, mentions: &[Mention], actors: &[LocalActor]) -> Option<usize> {
    mentions
        .iter()
        .filter(|m| (m.paragraph, m.offset) < (q.paragraph, q.range.start))
        .filter(|m| actors[m.actor].kind == ActorKind::Person)
        .max_by_key(|m| (m.paragraph, m.offset))
        .map(|m| m.actor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_mixed_marks_and_spans_paragraphs() {
        let paras = [
            (0, "«Now it is obvious,” he said. A “scare” quote."),
            (1, "“This runs on"),
            (2, "“and ends here,” she added."),
            (3, "An \"open mark with no end"),
        ];
        let qs = find(&paras);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(texts, ["Now it is obvious,", "scare", "This runs on and ends here,"]);
        assert_eq!(qs[2].paragraph, 1);
        assert_eq!(qs[2].close.0, 2);
    }
}
