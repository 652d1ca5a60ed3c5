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
/// `close_text` the text of the paragraph where it closes (for words after). The rules, in
/// order: the clause after the quote ("…,” X said", "…,” said X", "…,” he said"); the clause
/// before it ("according to X", "X said: “…", "X …, saying “…"); a quote introduced by a colon
/// belongs to the person the sentence is about. A place or a group never speaks.
pub fn speaker(
    q: &RawQuote,
    para_text: &str,
    close_text: &str,
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Option<usize> {
    let speakers = |p: usize, range: std::ops::Range<usize>| -> Vec<&Mention> {
        mentions_in(mentions, p, range).filter(|m| can_speak(&actors[m.actor])).collect()
    };
    let is_person = |m: &&Mention| actors[m.actor].kind == ActorKind::Person;

    let (cp, co) = q.close;
    let after = &close_text[co.min(close_text.len())..];
    let after_end = clause_end(after);
    let toks = tokenize(&after[..after_end]);
    if let Some(v) = toks.iter().take(16).position(|t| is_speech_verb(t.text)) {
        // "…,” he said during his Kremlin visit": the pronoun is the subject.
        if toks[..v].iter().any(|t| is_pronoun(t.text)) {
            return nearest_person_before(q, mentions, actors);
        }
        // "…,” Ann Lee, the chair of the Party, said", "…,” Party spokesman Ann Lee said".
        let subject: Vec<&Mention> = speakers(cp, co..co + toks[v].start)
            .into_iter()
            .filter(|m| !qualifies_a_noun(close_text, m.offset))
            .collect();
        if let Some(m) = subject_before(&subject, close_text, &is_person) {
            return Some(m.actor);
        }
        // "…,” said Blaze co-host Stu Burguiere": a name within eight words of the verb, a
        // person before an organisation, and no organisation that only qualifies a noun
        // ("said one former GOP leadership aide").
        let window = toks.get(v + 8).map_or(after_end, |t| t.start);
        let named = speakers(cp, co + toks[v].end..co + window);
        let heads: Vec<&&Mention> =
            named.iter().filter(|m| is_person(m) || !qualifies_a_noun(close_text, m.offset)).collect();
        if let Some(m) = heads.iter().find(|m| is_person(m)).or(heads.first()) {
            return Some(m.actor);
        }
    }

    let (p, start) = (q.paragraph, q.range.start);
    let head = para_text.get(..start).unwrap_or("").trim_end_matches(is_opener);
    let sentence_start = head.rfind(['.', '!', '?']).map_or(0, |i| i + 1);
    // "“…,” Ann Lee said. “…”": a short sentence of attribution right before the quote.
    let previous = head[..sentence_start.saturating_sub(1)]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '.' | '!' | '?' | '”' | '"'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let attribution = &head[previous..sentence_start];
    let toks = tokenize(attribution);
    let short = sentence_start > 0 && head[sentence_start..].trim().is_empty() && toks.len() <= 6;
    if let Some(v) = toks.iter().position(|t| is_speech_verb(t.text)).filter(|_| short) {
        if toks[..v].iter().any(|t| is_pronoun(t.text)) {
            return None; // the quote before speaks for it: see `carry_speakers`
        }
        let named = speakers(p, previous..sentence_start);
        if let Some(m) = named.iter().find(|m| is_person(m)).or(named.first()) {
            return Some(m.actor);
        }
    }
    let clause = &head[sentence_start..];
    let toks = tokenize(clause);
    let at = |i: usize| sentence_start + toks[i].start;
    let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    let according = lower.windows(2).position(|w| w[0] == "according" && w[1] == "to");
    if let Some(m) = according.and_then(|a| speakers(p, at(a + 1)..start).first().copied()) {
        return Some(m.actor);
    }
    // "X said, adding “…": the finite verb, when there is one, finds the subject.
    let finite = lower.iter().rposition(|w| is_speech_verb(w));
    if let Some(v) = finite.or_else(|| lower.iter().rposition(|w| PARTICIPLES.contains(&w.as_str()))) {
        let before = speakers(p, sentence_start..at(v));
        // "X threw her support behind Y, saying “…": a participle's speaker is the subject.
        if PARTICIPLES.contains(&lower[v].as_str()) {
            if let Some(m) = before.iter().find(|m| is_person(m)).or(before.first()) {
                return Some(m.actor);
            }
        } else if let Some(m) = before
            .iter()
            .filter(|m| !qualifies_a_noun(para_text, m.offset))
            .rfind(|m| is_person(m))
            .or(before.last())
        {
            return Some(m.actor);
        }
        if lower[..v].iter().any(|w| is_pronoun(w)) {
            return nearest_person_before(q, mentions, actors);
        }
    }
    // "X responded by explaining it was impossible: “…": a quote introduced by a colon
    // belongs to the person the sentence is about.
    if clause.trim_end().ends_with(':') {
        let people = mentions_in(mentions, p, sentence_start..start).filter(|m| is_person(m));
        if let Some(m) = people.min_by_key(|m| m.offset) {
            return Some(m.actor);
        }
    }
    None
}

/// Where the clause that starts `s` ends: at a quote mark or at the end of a sentence, not at
/// the dot of an initial or a title ("Gov. Kasich replied", "Jeffrey M. Jones wrote").
fn clause_end(s: &str) -> usize {
    for (i, c) in s.char_indices() {
        match c {
            '!' | '?' | '“' | '"' | '«' => return i,
            '.' => {
                let word = s[..i].rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
                let abbreviation = word.chars().count() == 1 && word.chars().all(char::is_uppercase)
                    || word.contains('.')
                    || matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Jr" | "St")
                    || word.len() <= 4 && lexicon::contains(lexicon::TITLES, &word.to_lowercase());
                if !abbreviation {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

/// Verb forms that introduce speech inside a sentence whose subject is the speaker.
const PARTICIPLES: &[&str] = &["adding", "arguing", "explaining", "insisting", "noting", "saying", "warning"];

fn is_speech_verb(word: &str) -> bool {
    lexicon::contains(SPEECH_VERBS, &word.to_lowercase())
}

fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "He" | "She")
}

/// The subject of a speech verb among the speakers before it: the nearest one, except that
/// "Ann Lee of the Party said" and "Ann Lee, director of research at the Party, said" name the
/// person, not the organisation that only tells where she works.
fn subject_before<'m>(
    before: &[&'m Mention],
    text: &str,
    is_person: &dyn Fn(&&Mention) -> bool,
) -> Option<&'m Mention> {
    let last = *before.last()?;
    if is_person(&last) {
        return Some(last);
    }
    let person = before.iter().rev().skip(1).find(|m| is_person(m));
    if let Some(person) = person {
        let gap = text.get(person.offset..last.offset).unwrap_or("");
        // The words between: the person's own name, then an apposition in lower case.
        let joins = gap.split_whitespace().skip_while(|w| crate::text::is_capitalized(w)).all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.is_empty()
                || !crate::text::is_capitalized(w)
                || lexicon::contains(lexicon::TITLES, &w.to_lowercase())
        });
        if joins {
            return Some(person);
        }
    }
    Some(last)
}

/// Whether the name at `offset` is followed by a lower-case word or a possessive, so that it
/// only qualifies a noun ("GOP leadership aide", "NBC’s show").
fn qualifies_a_noun(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    let toks = tokenize(rest);
    let name_end = toks.iter().take_while(|t| crate::text::is_capitalized(t.text)).count();
    let Some(last) = name_end.checked_sub(1).map(|i| toks[i]) else { return false };
    if last.text.ends_with("'s") || last.text.ends_with("’s") {
        return true;
    }
    toks.get(name_end).is_some_and(|next| {
        rest[last.end..next.start].trim().is_empty()
            && !is_speech_verb(next.text)
            && !PARTICIPLES.contains(&next.text)
            && !lexicon::contains(lexicon::NOT_NAMES, next.text)
            && !matches!(next.text, "has" | "had" | "is" | "was" | "later" | "recently")
    })
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
