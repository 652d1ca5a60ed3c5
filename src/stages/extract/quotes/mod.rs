//! Direct quotes and their speakers.
//!
//! Quote marks are paired leniently: any opener (“ « „ ") closes with any closer (” » “ "), so
//! a page's `«…”` still pairs, and a quote left open at a paragraph's end runs on into the next
//! paragraph when that one opens with a quote mark (the print convention). The speaker comes
//! from the words after the quote ("…,” said X", "…,” X told") or before it ("X said: “…"),
//! "according to X", and a pronoun goes to the person last named before the quote. A speaker
//! the attribution only describes ("…,” an anonymous businessman tells") is kept as described.

use std::sync::LazyLock;

use regex::Regex;

use super::actors::{Mention, mentions_in};
use crate::lexicon::{self, SPEECH_PARTICIPLES, SPEECH_VERBS};
use crate::model::{ActorKind, LocalActor};
use crate::text::{Token, word_tokens};
use crate::text::{is_quote_opener as is_opener, sentences};

mod grammar;
mod reported;
mod speaker;

pub(crate) use reported::reported_clause;

pub(crate) use grammar::*;
pub(crate) use speaker::*;

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

fn is_closer(c: char) -> bool {
    matches!(c, '”' | '»' | '“' | '"')
}

/// Finds quotes across the paragraphs of an article.
pub(crate) fn find(paragraphs: &[(usize, &str)]) -> Vec<RawQuote> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, String)> = None; // (paragraph, start byte, text so far)
    for (k, &(p, text)) in paragraphs.iter().enumerate() {
        let mut chars = text.char_indices();
        // A quote running on from the paragraph before: its opening mark continues, it does
        // not close.
        let mut body_start = 0;
        if open.is_some()
            && text.starts_with(is_opener)
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
        // a quote mark, or closes one before it opens any (a page that broke the quote over
        // two lines); otherwise the mark was stray and is dropped.
        if let Some((op, start, acc)) = &mut open {
            let next_opens = paragraphs.get(k + 1).is_some_and(|(_, t)| {
                t.starts_with(is_opener)
                    || t.chars()
                        .find(|&c| is_opener(c) || is_closer(c))
                        .is_some_and(|c| matches!(c, '”' | '»'))
            });
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

/// The text of paragraph `p` among an article's paragraphs given as (index, text).
pub(crate) fn text_of<'t>(paragraphs: &[(usize, &'t str)], p: usize) -> &'t str {
    paragraphs.iter().find(|x| x.0 == p).map_or("", |x| x.1)
}

/// A speaker the attribution describes right after the quote, before or after its verb of
/// speech ("…,” an anonymous businessman tells", "…,” added a South Carolina Democrat."): a
/// determiner and at most five words.
static DESCRIBED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let who = |name: &str| {
        format!(
            r"(?P<{name}>(?i:a|an|the|one|another|these|those|some|several|many|other|two|three|four|five)\s+(?:[\p{{L}}’'.-]+\s+){{0,4}}?[\p{{L}}’'-]+)"
        )
    };
    const VERB: &str = r"(?:said|says|told|tells|added|adds|wrote|writes|explained|explains|claimed|claims|argued|argues|noted|notes|insisted|insists|warned|warns)";
    let (before_verb, after_verb) = (who("who"), who("after"));
    Regex::new(&format!(r#"^[\s,.!?”»"]*(?:{before_verb}\s+{VERB}\b|{VERB}\s+{after_verb}\s*[.,;:])"#))
        .expect("described speaker pattern")
});

/// The source a sentence gives for itself: "According to British intelligence, … “…”".
static ACCORDING_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:according to)\s+(?P<who>(?:[\p{L}’'.-]+\s+){0,4}?[\p{L}’'-]+)\s*,")
        .expect("according-to pattern")
});

/// Whether the words right after a quote attribute it to someone described, not named, and
/// not one the article has named before: "…,” said an Iowa Democrat", "…,” one aide told".
fn described_indefinitely(after: &str) -> bool {
    described_after(after).is_some_and(|who| {
        let first = who.split_whitespace().next().unwrap_or("").to_lowercase();
        !matches!(first.as_str(), "the" | "these" | "those")
    })
}

/// The speaker [`DESCRIBED_AFTER`] finds in the words right after a quote, before or after its
/// verb.
fn described_after(after: &str) -> Option<&str> {
    let c = DESCRIBED_AFTER.captures(after)?;
    c.name("who").or_else(|| c.name("after")).map(|m| m.as_str())
}

/// Who said a quote that [`speaker`] finds no one for, as the attribution describes them: "an
/// anonymous businessman" of "…,” an anonymous businessman tells", "British intelligence" of
/// "According to British intelligence, the leader walks a knife edge “…”". A description is
/// better than none to a reader, and names no actor.
pub(crate) fn described_speaker(q: &RawQuote, paragraphs: &[(usize, &str)]) -> Option<String> {
    let (cp, co) = q.close;
    let close_text = text_of(paragraphs, cp);
    let after = close_text.get(co..).unwrap_or("");
    if let Some(who) = described_after(after) {
        return Some(who.to_string());
    }
    let para_text = text_of(paragraphs, q.paragraph);
    let sentence = sentences(para_text).into_iter().find(|r| r.contains(&q.range.start))?;
    let before = para_text.get(sentence.start..q.range.start)?;
    let who = ACCORDING_TO.captures_iter(before).last()?;
    let who = who["who"].to_string();
    (!is_pronoun(who.split_whitespace().next().unwrap_or(""))).then_some(who)
}

/// Whether a quote is a whole utterance with its speech verb right after it (“It was
/// offensive,” Ann Lee said), so that it is a quote however short, not a scare quote.
pub(crate) fn is_utterance(q: &RawQuote, paragraphs: &[(usize, &str)]) -> bool {
    let (cp, co) = q.close;
    let after = text_of(paragraphs, cp).get(co..).unwrap_or("");
    // A full stop inside the marks ends the sentence there: “dragging on.” He also urged …
    let toks = word_tokens(after);
    q.text.ends_with([',', '!', '?']) && (0..toks.len().min(4)).any(|i| speaks_at(&toks, i))
}

/// "…,” Ann Lee barked.", "…?” reacted Ann Lee", "…,” Ann Lee shot back": the index of a
/// verb in the past next to a name, in the words after a quote that its comma leaves open,
/// whatever the verb. Only for a quote that is long enough to be one: "“Scandal,” thanked
/// Ann Lee" names a show.
fn unlisted_verb(q: &RawQuote, after: &[Token<'_>]) -> Option<usize> {
    let v = after.iter().take(6).position(|t| !crate::text::is_capitalized(t.text))?;
    let verb = after[v].text;
    let past = verb.len() > 4 && verb.ends_with("ed") || after.get(v + 1).is_some_and(|t| t.text == "back");
    let named = v > 0 || after.get(1).is_some_and(|t| crate::text::is_capitalized(t.text));
    (named && past && q.text.ends_with([',', '!', '?'])).then_some(v)
}

/// Whether a short quote is some of a speaker's own words ("called the sanctions “illegal
/// piggery”"): at least two words, or one inside the clause that reports it ("called
/// Britain's vote “fantastic”", "Trump's misinformation may be “strategic,” Lee said"); not a
/// name in capitals ("“Fox and Friends”", "“Bernie or Bust”") and not a term the writer holds
/// at a distance ("the so-called “special operation”").
pub(crate) fn is_partial_quote(q: &RawQuote, paragraphs: &[(usize, &str)]) -> bool {
    let words: Vec<&str> = crate::text::words(&q.text).collect();
    let named = words.iter().all(|w| in_a_name(w));
    let before = text_of(paragraphs, q.paragraph).get(..q.range.start).unwrap_or("");
    let before = before.trim_end_matches(|c: char| is_opener(c) || c.is_whitespace()).to_lowercase();
    let distanced = before.ends_with("so-called") || before.ends_with("so called");
    let reported = || words.len() == 1 && reported_clause(q, paragraphs).is_some();
    !named && !distanced && (words.len() >= 2 || reported())
}

/// Whether a word may be part of a name in capitals: capitalised, or one of the small words
/// such a name keeps in lower case ("Bernie or Bust", "Fox and Friends").
fn in_a_name(w: &str) -> bool {
    crate::text::is_capitalized(w)
        || matches!(w, "a" | "an" | "and" | "at" | "for" | "in" | "of" | "on" | "or" | "the" | "to")
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
                    || word.len() <= 4 && lexicon::TITLES.contains(&word.to_lowercase());
                // "Sen. Bo Ek (R-Fla.) said": a dot inside a bracket ends no sentence.
                if !abbreviation && !s[i + 1..].starts_with(')') {
                    return i;
                }
            }
            _ => {}
        }
    }
    s.len()
}

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word.to_lowercase())
}

/// A speech verb as written in running text, in lower case ("States" in "the United States"
/// is a name).
pub(crate) fn is_speech_verb_token(word: &str) -> bool {
    !crate::text::is_capitalized(word) && is_speech_verb(word)
}

/// Whether the word at `i` is a verb of speech, or goes on speaking ("…,” she went on.").
fn speaks_at(toks: &[Token<'_>], i: usize) -> bool {
    let on = || toks.get(i + 1).is_some_and(|t| t.text == "on");
    is_speech_verb_token(toks[i].text) || matches!(toks[i].text, "went" | "goes") && on()
}

fn is_pronoun(word: &str) -> bool {
    pronoun_sex(word).is_some()
}

/// A person's grammatical gender, as the pronouns and honorifics of the article tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    /// "he", "Mr."
    Male,
    /// "she", "Mrs.", "Ms."
    Female,
}

/// The gender of a subject pronoun ("he", "She").
fn pronoun_sex(word: &str) -> Option<Sex> {
    match word {
        "he" | "He" => Some(Sex::Male),
        "she" | "She" => Some(Sex::Female),
        _ => None,
    }
}

/// What each person of the article is called by: an honorific before a mention ("Mr.", "Mrs.",
/// "Ms."), and the first pronoun that speaks ("she said") after a mention, in its sentence or
/// the next one, with no other person named in between. Unknown when there is no evidence or
/// it is even.
pub(crate) fn sexes(
    paragraphs: &[(usize, &str)],
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Vec<Option<Sex>> {
    let mut votes = vec![0i32; actors.len()];
    let is_person = |m: &Mention| actors[m.actor].kind == ActorKind::Person;
    let people: Vec<&Mention> = mentions.iter().filter(|m| is_person(m)).collect();
    for (k, m) in people.iter().enumerate() {
        let text = text_of(paragraphs, m.paragraph);
        let before = text.get(..m.offset).unwrap_or("").split_whitespace().next_back().unwrap_or("");
        votes[m.actor] += match before {
            "Mr." | "Mr" => 2,
            "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => -2,
            _ => 0,
        };
        // Up to the next person named in the paragraph, within two sentences (a name holds no
        // pronoun, so the window may start at it).
        let from = m.offset.min(text.len());
        let next = people.get(k + 1).filter(|n| n.paragraph == m.paragraph).map_or(text.len(), |n| n.offset);
        let window = text.get(from..next.clamp(from, text.len())).unwrap_or("");
        let ends = window.match_indices(['.', '!', '?']).nth(1).map_or(window.len(), |(i, _)| i);
        // The first "he said" or "she added" after the mention: a pronoun that speaks. Other
        // pronouns ("her position", "his chops") as often name someone else.
        let words: Vec<&str> =
            window[..ends].split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
        let vote = words.windows(2).find_map(|w| match pronoun_sex(w[0]) {
            Some(sex) if is_speech_verb(w[1]) => Some(if sex == Sex::Male { 1 } else { -1 }),
            _ => None,
        });
        votes[m.actor] += vote.unwrap_or(0);
    }
    votes
        .into_iter()
        .map(|v| match v.signum() {
            1 => Some(Sex::Male),
            -1 => Some(Sex::Female),
            _ => None,
        })
        .collect()
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
            // A page that broke a quote over two lines: the second has no opening mark.
            (3, "“The country has been involved from day one."),
            (4, "De facto, it is a war of three,” Ann Lee told the paper. An “aside” follows."),
            (5, "An \"open mark with no end"),
        ];
        let qs = find(&paras);
        let texts: Vec<&str> = qs.iter().map(|q| q.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Now it is obvious,",
                "scare",
                "This runs on and ends here,",
                "The country has been involved from day one. De facto, it is a war of three,",
                "aside"
            ]
        );
        assert_eq!(qs[2].paragraph, 1);
        assert_eq!(qs[2].close.0, 2);
        assert_eq!((qs[3].paragraph, qs[3].close.0), (3, 4));
    }
}
