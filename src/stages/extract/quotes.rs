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

use super::actors::{Mention, mentions_in, tokenize};
use super::lexicon::{self, SPEECH_VERBS};
use crate::model::{ActorKind, LocalActor};
use crate::text::{is_quote_opener as is_opener, sentences};

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

/// Who said a quote: a local actor index, or `None`.
///
/// `paragraphs` are the article's paragraphs as read: the quote's own (for words before the
/// quote), the one where it closes (for words after), and its neighbours. The rules, in
/// order: the clause after the quote ("…,” X said", "…,” said X", "…,” he said"); the clause
/// before it ("according to X", "X said: “…", "X …, saying “…"); a quote introduced by a colon
/// belongs to the person the sentence is about. A place or a group never speaks.
pub(crate) fn speaker(
    q: &RawQuote,
    paragraphs: &[(usize, &str)],
    mentions: &[Mention],
    actors: &[LocalActor],
    sexes: &[Option<Sex>],
) -> Option<Mention> {
    let text_of = |p: usize| text_of(paragraphs, p);
    let (para_text, close_text) = (text_of(q.paragraph), text_of(q.close.0));
    if is_a_label(q, para_text) {
        return None;
    }
    let speakers = |p: usize, range: std::ops::Range<usize>| -> Vec<&Mention> {
        mentions_in(mentions, p, range).filter(|m| can_speak(&actors[m.actor])).collect()
    };
    let is_person = |m: &&Mention| actors[m.actor].kind == ActorKind::Person;

    let (cp, co) = q.close;
    let after = &close_text[co.min(close_text.len())..];
    // "…,” said an Iowa Democrat": someone the article does not name said it, whoever else
    // the sentences around name.
    if described_indefinitely(after) {
        return None;
    }
    let after_end = clause_end(after);
    let toks = tokenize(&after[..after_end]);
    if let Some(v) = (0..toks.len().min(16)).find(|&i| speaks_at(&toks, i)) {
        // "…,” he said during his Kremlin visit": the pronoun is the subject, and not whoever
        // the clause names after it ("…,” he told Ann Lee").
        if let Some(sex) = toks[..v].iter().find_map(|t| pronoun_sex(t.text)) {
            let addressed: Vec<usize> =
                mentions_in(mentions, cp, co + toks[v].end..co + after_end).map(|m| m.actor).collect();
            return antecedent(q, paragraphs, mentions, actors, sexes, sex, &addressed);
        }
        // "…,” Ann Lee, the chair of the Party, said", "…,” Party spokesman Ann Lee said", but
        // not "…” for Bo Ek, said Ann Lee".
        let subject: Vec<&Mention> = speakers(cp, co..co + toks[v].start)
            .into_iter()
            .filter(|m| !qualifies_a_noun(close_text, m.offset) && !after_preposition(close_text, m.offset))
            .collect();
        if let Some(m) = subject_before(&subject, close_text, &is_person) {
            return Some(*m);
        }
        // "…,” the group said": the organisation or person the article named before.
        let phrase: Vec<&str> = toks[..v].iter().map(|t| t.text).collect();
        if let Some(m) = referred_to(&phrase, q, mentions, actors) {
            return Some(m);
        }
        // "…,” said Blaze co-host Stu Burguiere": a name within eight words of the verb, a
        // person before an organisation, and no organisation that only qualifies a noun
        // ("said one former GOP leadership aide").
        // "…,” and said that Bo Ek …" reports what was said of Bo Ek. "…,” an anonymous
        // businessman tells Al Jazeera": whom a speaker tells is not the speaker.
        let tells = v > 0 && matches!(toks[v].text.to_lowercase().as_str(), "tell" | "tells" | "told");
        let window = toks[v + 1..]
            .iter()
            .take(7)
            .find(|t| t.text == "that")
            .or(toks.get(v + 8))
            .map_or(after_end, |t| t.start);
        let named = speakers(cp, co + toks[v].end..co + window);
        let heads: Vec<&Mention> =
            named.into_iter().filter(|m| is_person(m) || !qualifies_a_noun(close_text, m.offset)).collect();
        if let Some(m) = head_of(&heads, close_text, actors).filter(|_| !tells) {
            return Some(*m);
        }
    }

    // "…,” according to Ann Lee."
    if crate::text::according_to(toks.iter().map(|t| t.text)) == Some(0)
        && let Some(name) = toks.get(2)
        && let Some(m) = head_of(&speakers(cp, co + name.start..co + after_end), close_text, actors)
    {
        return Some(*m);
    }
    // "…,” Ann Lee barked.": a person and a verb in the past after a quote left open by its
    // comma, whatever the verb.
    if let Some(v) = unlisted_verb(q, &toks)
        && let Some(m) =
            speakers(cp, if v == 0 { co + toks[0].end..co + after_end } else { co..co + toks[v].start })
                .into_iter()
                .find(is_person)
    {
        return Some(*m);
    }

    let (p, start) = (q.paragraph, q.range.start);
    let head = para_text.get(..start).unwrap_or("").trim_end_matches(is_opener);
    // The sentence the quote sits in, and the one before (abbreviations and initials do not
    // end a sentence: "Sen. Ted Cruz (Tex.) has said that …").
    let starts: Vec<usize> =
        sentences(para_text).into_iter().map(|r| r.start).filter(|&s| s <= head.len()).collect();
    let sentence_start = starts.last().copied().unwrap_or(0);
    let before_start = starts.len().checked_sub(2).map_or(0, |i| starts[i]);
    // "“…,” Ann Lee said. “…”": a short sentence of attribution right before the quote,
    // after the quote it continues.
    let previous = head[before_start..sentence_start]
        .char_indices()
        .rfind(|&(_, c)| matches!(c, '”' | '"'))
        .map_or(before_start, |(i, c)| before_start + i + c.len_utf8());
    let follows_quote = previous > before_start;
    let attribution = &head[previous..sentence_start];
    let toks = tokenize(attribution);
    let short = sentence_start > 0 && head[sentence_start..].trim().is_empty();
    let verb = toks.iter().position(|t| is_speech_verb_token(t.text));
    // "Ann Lee added that the bank wants out. “…”": a sentence that opens with its speaker.
    let opens_with_speaker =
        |v: usize| v <= 3 && toks[..v].iter().all(|t| crate::text::is_capitalized(t.text));
    if let Some(v) =
        verb.filter(|&v| short && (toks.len() <= 6 || follows_quote && v <= 8 || opens_with_speaker(v)))
    {
        if toks[..v].iter().any(|t| is_pronoun(t.text)) {
            return None; // the quote before speaks for it: see `carry_speakers`
        }
        // "said Lee campaign spokesman Bo Ek. “…”": Bo Ek, not Lee.
        if let Some(m) = head_of(&speakers(p, previous..sentence_start), para_text, actors) {
            return Some(*m);
        }
    }
    let clause = &head[sentence_start..];
    let toks = tokenize(clause);
    let at = |i: usize| sentence_start + toks[i].start;
    let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    let according = crate::text::according_to(lower.iter().map(String::as_str));
    // "according to the expert, it depends on whether Ann Lee's …": the source ends at the comma.
    let according_end = |a: usize| {
        let from = at(a + 1);
        head[from..start.min(head.len())].find(',').map_or(start, |c| from + c)
    };
    if let Some(m) = according.and_then(|a| speakers(p, at(a + 1)..according_end(a)).first().copied()) {
        return Some(*m);
    }
    // "As The Post's Ann Lee puts it, Ivo Brandt is “…”": the one whose words they are.
    let puts_it = lower.windows(2).position(|w| matches!(w[0].as_str(), "put" | "puts") && w[1] == "it");
    if let Some(v) = puts_it.filter(|&v| v > 1 && lower[0] == "as")
        && let Some(m) = head_of(&speakers(p, at(1)..at(v)), para_text, actors)
    {
        return Some(*m);
    }
    // "X said, adding “…": the finite verb, when there is one, finds the subject.
    // "Ann Lee shot back: “…”": a verb with "back" answers.
    let answers =
        |i: usize| lower[i] == "back" && i > 0 && matches!(lower[i - 1].as_str(), "shot" | "fired" | "hit");
    let is_finite = |i: usize| {
        is_speech_verb_token(toks[i].text) || INTRODUCERS.contains(&lower[i].as_str()) || answers(i)
    };
    let mut finite = (0..toks.len()).rev().find(|&i| is_finite(i));
    // "Ann Lee said that Bo Ek is “…,” and said that …": a verb joined by "and" shares the
    // subject of the first.
    if let Some(v) = finite.filter(|&v| v > 0 && lower[v - 1] == "and") {
        finite = (0..v).find(|&i| is_finite(i)).or(finite);
    }
    // "Said Ann Lee, “…" and "Because of the calendar, explained Ann Lee, “…": the name right
    // after a verb that opens the sentence or that a comma sets off (not "Lee told Ivo Brandt:
    // “…").
    let opens = toks.first().is_some_and(|t| crate::text::is_capitalized(t.text) && is_speech_verb(t.text));
    let set_off = finite.filter(|&v| {
        is_speech_verb_token(toks[v].text)
            && !matches!(lower[v].as_str(), "tell" | "tells" | "told")
            && para_text[..at(v)].trim_end().ends_with(',')
    });
    let named_right_after = |v: usize| {
        let m = head_of(&speakers(p, at(v)..start), para_text, actors)?;
        let gap = para_text.get(at(v) + toks[v].text.len()..m.offset)?;
        let rest = para_text[m.offset..start].trim_end_matches(is_opener).trim_end();
        (gap.trim().is_empty() && rest.ends_with([',', ':'])).then_some(*m)
    };
    if let Some(m) = opens.then_some(0).into_iter().chain(set_off).find_map(named_right_after) {
        return Some(m);
    }
    if let Some(v) = finite.or_else(|| lower.iter().rposition(|w| PARTICIPLES.contains(&w.as_str()))) {
        // "In a recent AP interview, he even said …": a pronoun right before the verb is its
        // subject.
        if let Some(sex) = lower[v.saturating_sub(3)..v].iter().find_map(|w| pronoun_sex(w)) {
            return antecedent(q, paragraphs, mentions, actors, sexes, sex, &[]);
        }
        // "Ann Lee, the leader who ran against Ivo Brandt, called …": not the names inside an
        // apposition.
        let asides = appositions(&para_text[sentence_start..at(v)]);
        let before: Vec<&Mention> = speakers(p, sentence_start..at(v))
            .into_iter()
            .filter(|m| !asides.iter().any(|r| r.contains(&(m.offset - sentence_start))))
            .collect();
        // "X threw her support behind Y, saying “…": a participle's speaker is the subject.
        if PARTICIPLES.contains(&lower[v].as_str()) {
            if let Some(m) = before.iter().find(|m| is_person(m)).or(before.first()) {
                return Some(**m);
            }
        } else {
            // The verb's subject when one joins it ("Ann Lee, the chair, has said"); else the
            // nearest person, else the nearest name.
            let verb_at = at(v);
            let subject = before.iter().rev().find(|m| joins_its_verb(&para_text[m.offset..verb_at]));
            let heads: Vec<&&Mention> = before
                .iter()
                .filter(|m| !qualifies_a_noun(para_text, m.offset) && !after_preposition(para_text, m.offset))
                .collect();
            let nearest = heads
                .iter()
                .rfind(|m| is_person(m))
                .map(|m| **m)
                .or(before.iter().rfind(|m| !after_preposition(para_text, m.offset)).copied());
            if let Some(m) = subject.copied().or(nearest) {
                return Some(*m);
            }
            // "…, the Kazakh President said: “…": the one the article named before.
            let phrase_at = para_text[sentence_start..verb_at]
                .rfind(',')
                .map_or(sentence_start, |c| sentence_start + c + 1);
            let phrase: Vec<&str> = tokenize(&para_text[phrase_at..verb_at]).iter().map(|t| t.text).collect();
            if let Some(m) = referred_to(&phrase, q, mentions, actors) {
                return Some(m);
            }
        }
        if let Some(sex) = lower[..v].iter().find_map(|w| pronoun_sex(w)) {
            return antecedent(q, paragraphs, mentions, actors, sexes, sex, &[]);
        }
    }
    // "X responded by explaining it was impossible: “…": a quote introduced by a colon (or a dash)
    // belongs to the person the sentence is about.
    let introduced = clause.trim_end();
    if introduced.ends_with([':', '—', '–']) || introduced.ends_with("--") {
        // "The board was conclusive in its findings: “…”": an organisation when no person.
        let named = speakers(p, sentence_start..start);
        if let Some(m) = named.iter().find(|m| is_person(m)).or(named.first()) {
            return Some(**m);
        }
    }
    if clause.trim().is_empty() {
        return from_neighbours(q, paragraphs, mentions, actors);
    }
    // "Ann Lee worried that the net was becoming “a hammock …”": with no verb of speech, a
    // quote belongs to the person its sentence opens with; not a name or a thing the sentence
    // names ("acted in the movie “Hell No”", "bought a “promoted trend”").
    if names_a_thing(q, para_text) {
        return None;
    }
    let people: Vec<&Mention> = speakers(p, sentence_start..start).into_iter().filter(is_person).collect();
    opening_subject(&people, para_text, sentence_start).copied()
}

/// Whether a quote is a name in capitals ("“Sharknado 3: Oh Hell No!”") or follows an article
/// ("a “promoted trend”", "the “Red Neck Country Club”").
fn names_a_thing(q: &RawQuote, text: &str) -> bool {
    let before =
        text.get(..q.range.start).unwrap_or("").trim_end_matches(|c: char| is_opener(c) || c.is_whitespace());
    let article = before
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"));
    let words: Vec<&str> = crate::text::words(&q.text).collect();
    article || words.iter().all(|w| in_a_name(w) || w.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a quote is a label that opens a clause as its subject ("…, “Europe's last
/// dictator” is attempting a balancing act"): words no one is said to have spoken, unlike
/// "his “political revolution” will end" or "a report that “less than one percent” were".
fn is_a_label(q: &RawQuote, text: &str) -> bool {
    let before =
        text.get(..q.range.start).unwrap_or("").trim_end_matches(|c: char| is_opener(c) || c.is_whitespace());
    let after = text.get(q.close.1..).filter(|_| q.close.0 == q.paragraph).unwrap_or("");
    // The rest of the sentence names no speaker ("“Boots on the ground” would be appropriate,
    // Ben Carson said").
    let rest = &after[..after.find(['.', '!', '?']).unwrap_or(after.len())];
    (before.is_empty() || before.ends_with([',', ';', '.']))
        && !q.text.ends_with([',', '.', '!', '?', ';', ':'])
        && crate::text::words(after).next().is_some_and(|w| {
            matches!(
                w,
                "is" | "was" | "are" | "were" | "has" | "had" | "have" | "will" | "would" | "does" | "did"
            )
        })
        && !tokenize(rest).iter().any(|t| is_speech_verb_token(t.text))
}

/// The person a sentence opens with, as the subject of its first verb: the first name after
/// nothing but a phrase set off by a comma ("On Tuesday, Ann Lee …") or words that say who
/// they are ("Lee campaign manager Bo Ek …"), neither a possessive nor after a preposition,
/// and followed by a word in lower case.
fn opening_subject<'m>(people: &[&'m Mention], text: &str, sentence_start: usize) -> Option<&'m Mention> {
    people.iter().copied().find(|m| {
        let lead = text[sentence_start..m.offset].trim_end();
        let phrase = lead.rsplit(',').next().unwrap_or("").trim();
        let opens = lead.is_empty() || lead.ends_with(',') || is_qualifier(phrase);
        let rest = &text[m.offset..];
        let toks = tokenize(rest);
        let name = name_words(rest, &toks);
        let verb = name
            .checked_sub(1)
            .and_then(|last| toks.get(name).filter(|t| rest[toks[last].end..t.start].trim().is_empty()))
            .is_some_and(|t| !crate::text::is_capitalized(t.text) && t.text.chars().all(char::is_alphabetic));
        // "Lee campaign manager Bo Ek": Lee only says whose manager.
        let qualifies =
            people.iter().any(|n| n.offset > m.offset && is_qualifier(text[m.offset..n.offset].trim()));
        opens && verb && !qualifies && !is_possessive(text, m.offset) && !after_preposition(text, m.offset)
    })
}

/// Whether words before a name say who the person is: names, then a title in lower case
/// ("Lee campaign manager", "Florida-based Republican strategist").
fn is_qualifier(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let names = words.iter().take_while(|w| crate::text::is_capitalized(w)).count();
    let rest = &words[names..];
    names > 0
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        && rest.last().is_some_and(|w| lexicon::TITLES.contains(w))
}

/// Whether the quote's marks open `text`, its paragraph.
fn opens_its_paragraph(q: &RawQuote, text: &str) -> bool {
    text.len() - text.trim_start_matches(is_opener).len() == q.range.start
}

/// The speaker of a quote that opens its paragraph, named in the paragraph before or after:
/// "Ann Lee said:" / "“…”", "The paper quotes Ann Lee:" / "“…”", "“…”" / "- Ann Lee,
/// Philadelphia." (the quotations column's dash), or "Ann Lee went on." / "“…”".
fn from_neighbours(
    q: &RawQuote,
    paragraphs: &[(usize, &str)],
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Option<Mention> {
    let k = paragraphs.iter().position(|(p, _)| *p == q.paragraph)?;
    let speaks = |m: &&Mention| can_speak(&actors[m.actor]);
    let is_person = |m: &&Mention| actors[m.actor].kind == ActorKind::Person;
    if let Some(&(prev, text)) = k.checked_sub(1).and_then(|i| paragraphs.get(i))
        && text.trim_end().ends_with(':')
    {
        let last = sentences(text).last().map_or(0..text.len(), Clone::clone);
        let toks = tokenize(&text[last.clone()]);
        // "quotes Ann Lee:": the one quoted, not the one quoting.
        let quoting = toks.iter().position(|t| matches!(t.text, "quotes" | "quoted" | "quoting"));
        let from = quoting.map_or(last.start, |i| last.start + toks[i].end);
        let named: Vec<&Mention> = mentions_in(mentions, prev, from..last.end).filter(speaks).collect();
        if let Some(m) = head_of(&named, text, actors) {
            return Some(*m);
        }
    }
    let (cp, co) = q.close;
    let rest = text_of(paragraphs, cp).get(co..).unwrap_or("");
    let ends_paragraph = rest.trim().chars().all(|c| c.is_ascii_punctuation());
    let after = paragraphs.iter().position(|(p, _)| *p == cp).and_then(|i| paragraphs.get(i + 1));
    if let Some(&(next, text)) = after.filter(|_| ends_paragraph)
        && text.starts_with(['-', '–', '—'])
    {
        let end = text.find([',', '.']).unwrap_or(text.len());
        return mentions_in(mentions, next, 0..end).find(speaks).copied();
    }
    // "Ann Lee continued her remarks." / "“…”": a paragraph that is one quote continues the
    // person the sentence before opens with, when that sentence quotes nobody.
    if let Some(&(prev, text)) = k.checked_sub(1).and_then(|i| paragraphs.get(i))
        && ends_paragraph
        && opens_its_paragraph(q, text_of(paragraphs, q.paragraph))
    {
        let last = sentences(text).last().map_or(0..text.len(), Clone::clone);
        let opening =
            tokenize(&text[last.clone()]).get(SUBJECT_WORDS).map_or(last.end, |t| last.start + t.start);
        let quotes_nobody = !text[last.clone()].contains(is_opener);
        let subject = mentions_in(mentions, prev, last.start..opening)
            .find(|m| is_person(m) && !after_preposition(text, m.offset) && !is_possessive(text, m.offset));
        return subject.filter(|_| quotes_nobody).copied();
    }
    None
}

/// How many words into a sentence its subject may start ("On Friday, Ann Lee …").
const SUBJECT_WORDS: usize = 4;

/// Whether a quote is a whole utterance with its speech verb right after it (“It was
/// offensive,” Ann Lee said), so that it is a quote however short, not a scare quote.
pub(crate) fn is_utterance(q: &RawQuote, paragraphs: &[(usize, &str)]) -> bool {
    let (cp, co) = q.close;
    let after = text_of(paragraphs, cp).get(co..).unwrap_or("");
    // A full stop inside the marks ends the sentence there: “dragging on.” He also urged …
    let toks = tokenize(after);
    q.text.ends_with([',', '!', '?']) && (0..toks.len().min(4)).any(|i| speaks_at(&toks, i))
}

/// "…,” Ann Lee barked.", "…?” reacted Ann Lee", "…,” Ann Lee shot back": the index of a
/// verb in the past next to a name, in the words after a quote that its comma leaves open,
/// whatever the verb. Only for a quote that is long enough to be one: "“Scandal,” thanked
/// Ann Lee" names a show.
fn unlisted_verb(q: &RawQuote, after: &[super::actors::Token<'_>]) -> Option<usize> {
    let v = after.iter().take(6).position(|t| !crate::text::is_capitalized(t.text))?;
    let verb = after[v].text;
    let past = verb.len() > 4 && verb.ends_with("ed") || after.get(v + 1).is_some_and(|t| t.text == "back");
    let named = v > 0 || after.get(1).is_some_and(|t| crate::text::is_capitalized(t.text));
    (named && past && q.text.ends_with([',', '!', '?'])).then_some(v)
}

/// Whether a short quote is some of a speaker's own words ("called the sanctions “illegal
/// piggery”"): at least two words, not a name in capitals ("“Fox and Friends”", "“Bernie or
/// Bust”") and not a term the writer holds at a distance ("the so-called “special
/// operation”").
pub(crate) fn is_partial_quote(q: &RawQuote, paragraphs: &[(usize, &str)]) -> bool {
    let words: Vec<&str> = crate::text::words(&q.text).collect();
    let named = words.iter().all(|w| in_a_name(w));
    let before = text_of(paragraphs, q.paragraph).get(..q.range.start).unwrap_or("");
    let before = before.trim_end_matches(|c: char| is_opener(c) || c.is_whitespace()).to_lowercase();
    let distanced = before.ends_with("so-called") || before.ends_with("so called");
    words.len() >= 2 && !named && !distanced
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

/// Words that, before a quote, make its sentence's subject the speaker though they are not
/// speech verbs: "what Ann Lee called “…”", "Ann Lee issued a statement, “…”", "the ad
/// accuses Lee of “…”".
const INTRODUCERS: &[&str] = &[
    "accused",
    "accuses",
    "blamed",
    "branded",
    "call",
    "called",
    "calls",
    "criticized",
    "decried",
    "denounced",
    "derided",
    "describes",
    "described",
    "dismissed",
    "dubbed",
    "hailed",
    "labeled",
    "lambasted",
    "praised",
    "slammed",
    "statement",
    "termed",
    "welcomed",
];

/// Verb forms that introduce speech inside a sentence whose subject is the speaker.
const PARTICIPLES: &[&str] = &[
    "adding",
    "arguing",
    "asking",
    "calling",
    "citing",
    "claiming",
    "declaring",
    "describing",
    "explaining",
    "insisting",
    "joking",
    "labeling",
    "labelling",
    "noting",
    "saying",
    "stating",
    "telling",
    "tweeting",
    "vowing",
    "warning",
    "writing",
];

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word.to_lowercase())
}

/// A speech verb as written in running text, in lower case ("States" in "the United States"
/// is a name).
pub(crate) fn is_speech_verb_token(word: &str) -> bool {
    !crate::text::is_capitalized(word) && is_speech_verb(word)
}

/// Whether the word at `i` is a verb of speech, or goes on speaking ("…,” she went on.").
fn speaks_at(toks: &[super::actors::Token<'_>], i: usize) -> bool {
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

/// The one a phrase of names after a verb speaks for: its first person that does not only
/// qualify a noun ("said Cruz constituent Bo Ek", "quotes former Carter adviser Bo Ek:"), else
/// its first person, else its first name.
fn head_of<'m>(named: &[&'m Mention], text: &str, actors: &[LocalActor]) -> Option<&'m Mention> {
    let is_person = |m: &&&Mention| actors[m.actor].kind == ActorKind::Person;
    let people = || named.iter().filter(is_person);
    people().find(|m| !qualifies_a_noun(text, m.offset)).or(people().next()).or(named.first()).copied()
}

/// Nouns by which an article refers back to an organisation it has named ("the foundation
/// said"). Not "group": "the trade group for …" is often one the article never names.
const ORG_NOUNS: &[&str] = &[
    "agency",
    "association",
    "bank",
    "coalition",
    "committee",
    "company",
    "council",
    "court",
    "department",
    "foundation",
    "institute",
    "ministry",
    "network",
    "organization",
    "party",
    "union",
];

/// Titles by which an article refers back to a person it has named ("the senator said").
const PERSON_NOUNS: &[&str] = &[
    "chairman",
    "chairwoman",
    "congressman",
    "congresswoman",
    "governor",
    "mayor",
    "minister",
    "president",
    "senator",
];

/// The actor a noun phrase refers back to, when the article named exactly one before the
/// quote, or one last and close by: "the foundation" (or "the civil rights foundation") an organisation whose name ends
/// in that noun, "the senator" a person with that title among their roles ("Sen.").
fn referred_to(
    phrase: &[&str],
    q: &RawQuote,
    mentions: &[Mention],
    actors: &[LocalActor],
) -> Option<Mention> {
    let [first, .., noun] = phrase else { return None };
    if !first.eq_ignore_ascii_case("the") || phrase.len() > 4 {
        return None;
    }
    let noun = noun.to_lowercase();
    // "the former president" is not the president in office.
    let former = phrase.iter().any(|w| w.eq_ignore_ascii_case("former"));
    let fits = |a: &LocalActor| match a.kind {
        _ if former && !a.roles.iter().any(|r| r.to_lowercase().contains("former")) => false,
        ActorKind::Organization if ORG_NOUNS.contains(&noun.as_str()) => {
            a.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(&noun))
        }
        ActorKind::Person if PERSON_NOUNS.contains(&noun.as_str()) => {
            a.roles.iter().flat_map(|r| r.split_whitespace()).any(|w| {
                let w = w.trim_end_matches('.').to_lowercase();
                w.len() >= 3 && noun.starts_with(&w)
            })
        }
        _ => false,
    };
    let mut named = mentions
        .iter()
        .rev()
        .filter(|m| (m.paragraph, m.offset) < (q.paragraph, q.range.start) && fits(&actors[m.actor]));
    let nearest = named.next()?;
    // Two such actors: "the senator" could be either, unless one was named last, in the
    // paragraph or the one before, and the other only in a paragraph before that ("Tokayev
    // countered." then "the Kazakh President said", Putin two paragraphs up).
    let recent = nearest.paragraph + 1 >= q.paragraph;
    named
        .filter(|m| m.actor != nearest.actor)
        .all(|m| recent && m.paragraph < nearest.paragraph)
        .then_some(*nearest)
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
        // "Ann Lee, director of the Critical Threats Project at the Party, said": a comma
        // after the person's name opens their description, names and all.
        let toks = tokenize(gap);
        let name = name_words(gap, &toks);
        let described = name > 0 && gap[toks[name - 1].end..].starts_with(',');
        // The words between: the person's own name, then an apposition in lower case, where
        // names come only after a preposition ("Ann Lee from the Harbor Council (HC) told").
        let mut in_phrase = false;
        let joins = described
            || gap.split_whitespace().skip_while(|w| crate::text::is_capitalized(w)).all(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                in_phrase |= matches!(w, "of" | "from" | "at" | "with");
                w.is_empty()
                    || !crate::text::is_capitalized(w)
                    || in_phrase
                    || lexicon::TITLES.contains(&w.to_lowercase())
            });
        if joins {
            return Some(person);
        }
    }
    Some(last)
}

/// How many of the `toks` of `s` make the name it opens with: capitalised words with only spaces
/// between them ("Jon Kohan" in "Jon Kohan. Ayotte called").
fn name_words(s: &str, toks: &[super::actors::Token<'_>]) -> usize {
    let Some(first) = toks.first().filter(|t| crate::text::is_capitalized(t.text)) else { return 0 };
    let mut end = first.end;
    1 + toks[1..]
        .iter()
        .take_while(|t| {
            let joins = crate::text::is_capitalized(t.text) && s[end..t.start].trim().is_empty();
            end = t.end;
            joins
        })
        .count()
}

/// Whether the name at `offset` is followed by a lower-case word or a possessive, so that it
/// only qualifies a noun ("GOP leadership aide", "NBC’s show").
fn qualifies_a_noun(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    let toks = tokenize(rest);
    let name_end = name_words(rest, &toks);
    let Some(last) = name_end.checked_sub(1).map(|i| toks[i]) else { return false };
    if is_possessive(text, offset) {
        return true;
    }
    toks.get(name_end).is_some_and(|next| {
        rest[last.end..next.start].trim().is_empty()
            && !is_speech_verb(next.text)
            && !PARTICIPLES.contains(&next.text)
            && !lexicon::NOT_NAMES.contains(next.text)
            && !matches!(next.text, "goes" | "has" | "had" | "is" | "later" | "recently" | "was" | "went")
    })
}

/// Whether `gap`, from the start of a name to a verb, holds only that name, an apposition set
/// off by commas and adverbs or auxiliaries ("Ann Lee, the party's leader, has repeatedly"), so
/// that the name is the verb's subject.
pub(crate) fn joins_its_verb(gap: &str) -> bool {
    let toks = tokenize(gap);
    let name = toks.iter().take_while(|t| crate::text::is_capitalized(t.text)).count();
    let mut rest = toks.get(name).map_or("", |t| &gap[t.start..]);
    let between = toks.get(name).map_or(gap, |t| &gap[..t.start]);
    // "Sen. Ann Lee (Ark.) has said": a name in brackets qualifies the one before it.
    if between.contains(')') {
        return false;
    }
    if between.trim_end().ends_with(',') {
        // An apposition runs to the next comma; a comma with nothing after it closes a clause.
        match rest.find(',') {
            Some(end) => rest = &rest[end + 1..],
            None => return false,
        }
    }
    tokenize(rest).iter().all(|t| {
        let w = t.text.to_lowercase();
        w.ends_with("ly") || AUXILIARIES.contains(&w.as_str())
    })
}

/// Whether the name at `offset` follows a preposition or a conjunction ("between Ann Lee and
/// Bo Ek"), where it is not a subject.
fn after_preposition(text: &str, offset: usize) -> bool {
    let word = text.get(..offset).unwrap_or("").split_whitespace().next_back().unwrap_or("");
    matches!(
        word.to_lowercase().as_str(),
        "about"
            | "after"
            | "against"
            | "and"
            | "at"
            | "before"
            | "between"
            | "by"
            | "for"
            | "from"
            | "in"
            | "into"
            | "of"
            | "on"
            | "or"
            | "over"
            | "than"
            | "to"
            | "under"
            | "with"
            | "without"
    )
}

/// Words that may stand between a subject and its speech verb.
const AUXILIARIES: &[&str] = &[
    "again", "also", "already", "did", "does", "even", "first", "had", "has", "have", "is", "just", "later",
    "never", "not", "now", "once", "still", "then", "was", "will", "would",
];

/// Byte ranges of the appositions in a clause: from ", who", ", the", ", a" … after a name to
/// the comma that closes them ("Ann Lee, the leader who ran against Ivo Brandt in 2020, called").
fn appositions(clause: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for (i, _) in clause.match_indices(", ") {
        let rest = &clause[i + 2..];
        let first = rest.split_whitespace().next().unwrap_or("");
        let after_name = clause[..i].rsplit(' ').next().is_some_and(crate::text::is_capitalized);
        if after_name
            && matches!(first, "who" | "whose" | "which" | "the" | "a" | "an")
            && let Some(end) = rest.find(',')
        {
            out.push(i + 2..i + 2 + end);
        }
    }
    out
}

/// At most this many words in the apposition that describes a speaker.
const MAX_APPOSITION_WORDS: usize = 25;

/// What an attribution says of the speaker right after their name, as written: "the chair of
/// the Party" in "Ann Lee, the chair of the Party, said" or "…,” said Ann Lee, the chair of the
/// Party.", "(R-Ohio), a member of the Ways and Means Committee" after "Rep. Bo Ek", "of the
/// Heritage Foundation" after the person "Bo Ek". A comma's apposition starts with a lower-case word, a
/// number or a party label, and runs to a comma before a verb or an adverbial, a quote mark,
/// or the end of the sentence.
pub(crate) fn apposition<'t>(text: &'t str, offset: usize, speaker: &LocalActor) -> Option<&'t str> {
    let rest = text.get(offset..)?;
    let toks = tokenize(rest);
    // The name: as the actor is called ("Ministry of Defence"), else its capitalised words.
    let run = name_words(rest, &toks);
    let run_end = offset + toks.get(run.checked_sub(1)?)?.end;
    let name_end = if rest.starts_with(speaker.name.as_str()) {
        run_end.max(offset + speaker.name.len())
    } else {
        run_end
    };
    let sentence_end =
        sentences(text).into_iter().find(|r| r.contains(&offset)).map_or(text.len(), |r| r.end);
    if name_end >= sentence_end {
        return None;
    }
    // Right after the name, with no comma: a bracket ("Rep. Bo Ek (R-Ohio)"), or where they
    // work or live when it ends in a name ("Bo Ek of the Heritage Foundation", not "said Bo Ek
    // of the decision").
    let tail = &text[name_end..sentence_end];
    let mut cursor = name_end;
    if let Some(close) = tail.strip_prefix(" (").and_then(|b| b.find(')')) {
        cursor = name_end + 2 + close + 1;
    } else if let Some(of) = tail.strip_prefix(" of ").filter(|_| speaker.kind == ActorKind::Person) {
        let phrase = of[..phrase_end(of, false)].trim_end();
        let last = phrase.split_whitespace().next_back().unwrap_or("");
        // "of the actions of Ann Lee" is what was spoken of.
        let lead = phrase.split_whitespace().take_while(|w| !crate::text::is_capitalized(w));
        let about_something = lead.clone().any(|w| matches!(w, "of" | "for" | "to" | "about" | "on"));
        if crate::text::is_capitalized(last) && !is_possessive(last, 0) && !about_something {
            cursor = name_end + " of ".len() + phrase.len();
        }
    }
    let opens = text[cursor..sentence_end]
        .strip_prefix(", ")
        .and_then(|after| after.split_whitespace().next())
        .is_some_and(|first| {
            let first = first.trim_end_matches(',');
            // "Ann Lee, clearly frustrated, …" is how she spoke, not who she is.
            let adverb = first.ends_with("ly") && first != "family";
            // "Bo Ek, President of the Party, said": a title opens one in capitals too.
            let title = lexicon::TITLES.contains(&first.to_lowercase());
            (first.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || title)
                && !closes_apposition(first)
                && !adverb
                || lexicon::is_party_label(first)
        });
    if opens {
        cursor += ", ".len() + phrase_end(&text[cursor + 2..sentence_end], true);
    }
    let mut found = text[name_end..cursor]
        .trim_start_matches([',', ' '])
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '—' | '–'));
    // The sentence's full stop goes, an abbreviation's stays ("of Tujunga, Calif.").
    if let Some(stem) = found.strip_suffix('.') {
        let last = stem.rsplit([' ', '-']).next().unwrap_or("");
        if !(last.contains('.') || lexicon::STATE_ABBREVIATIONS.contains(&last.to_lowercase())) {
            found = stem;
        }
    }
    // "Ann Lee, President Bo Ek said he expected …" reports someone else's words; "a pollster
    // who advised Bo Ek" still describes her.
    let says = tokenize(found)
        .iter()
        .take_while(|t| !matches!(t.text, "who" | "whose" | "which" | "that"))
        .any(|t| is_speech_verb_token(t.text));
    let words = crate::text::words(found).count();
    (words > 0 && words <= MAX_APPOSITION_WORDS && !says).then_some(found)
}

/// At most this many words in a role taken from an apposition.
const MAX_ROLE_WORDS: usize = 15;

/// The role an apposition gives a person, when it gives one: "the chair of the Party" gives
/// "chair of the Party", "President of CNN Worldwide" itself, "the opposition leader who ran
/// in 2020" "opposition leader"; not an age, a home town, a bracket or a relative clause alone,
/// and not more than its first clause.
pub(crate) fn role_in(apposition: &str) -> Option<&str> {
    let first = apposition.split(", ").next()?;
    // "the opposition leader who ran in 2020": the role ends where a clause about them starts.
    let first = [" who ", " who’s ", " who's ", " whose ", " which ", " that ", " based ", " now "]
        .iter()
        .filter_map(|w| first.find(w))
        .min()
        .map_or(first, |end| &first[..end]);
    let role = ["the ", "a ", "an "].iter().find_map(|a| first.strip_prefix(a)).unwrap_or(first);
    let opener = role.split_whitespace().next()?;
    let descriptive = !matches!(opener, "who" | "whose" | "which" | "of")
        && !role.starts_with(|c: char| c == '(' || c.is_ascii_digit());
    let words = crate::text::words(role).count();
    (descriptive && (1..=MAX_ROLE_WORDS).contains(&words)).then_some(role)
}

/// Whether an apposition is a description of who someone is ("the chair of the Party",
/// "President of CNN"), and not a clause that goes on about something else ("these analysts
/// admitted that …").
pub(crate) fn names_a_role(apposition: &str) -> bool {
    let first = apposition.split_whitespace().next().unwrap_or("");
    let opens = matches!(first, "the" | "a" | "an") || lexicon::TITLES.contains(&first.to_lowercase());
    opens && role_in(apposition).is_some()
}

/// Where a phrase after a name ends: at a quote mark, a semicolon or a colon; at a comma before
/// a verb or an adverbial, or at any comma unless `commas` ("a technician in Chalmette, La.");
/// without commas, also at a speech verb or an auxiliary ("of the Party told reporters").
fn phrase_end(s: &str, commas: bool) -> usize {
    let mut last_comma = None;
    for (i, c) in s.char_indices() {
        if matches!(c, '“' | '”' | '"' | '«' | '»' | ';' | ':' | '—' | '–') {
            return i;
        }
        if c == ',' {
            let next = s[i + 1..].split_whitespace().next().unwrap_or("");
            let next = next.trim_matches(|c: char| !c.is_alphanumeric());
            // "of Derry, N.H.": a state after its town.
            let state = crate::text::is_capitalized(next)
                && (next.contains('.')
                    || lexicon::STATE_ABBREVIATIONS.contains(&next.to_lowercase())
                    || lexicon::PLACES.contains(&next.to_lowercase()));
            if !commas && !state || next.is_empty() || closes_apposition(next) {
                return i;
            }
            last_comma = Some(i);
        }
        if c == ' ' {
            let word = s[i + 1..].split_whitespace().next().unwrap_or("");
            let word = word.trim_matches(|c: char| !c.is_alphanumeric());
            let verb = is_speech_verb_token(word) || AUXILIARIES.contains(&word) || is_modal(word);
            if !commas && (verb || PARTICIPLES.contains(&word) || word.ends_with("ed")) {
                return i;
            }
            // "Ann Lee, a senator from Ohio, who said none of it was true": the clause that
            // says something is no description.
            if let Some(comma) = last_comma.filter(|_| commas && is_speech_verb_token(word)) {
                return comma;
            }
        }
    }
    s.len()
}

/// Whether a word after a comma ends an apposition, or keeps one from starting: a verb
/// ("said", "has", "tweeted", "adding"), a pronoun, a conjunction or a preposition that opens an adverbial ("in a
/// statement", "via email", "after a long pause").
fn closes_apposition(word: &str) -> bool {
    is_speech_verb(word)
        || lexicon::IRREGULAR_PAST.contains(word)
        || word.len() > 4 && word.ends_with("ly") && word != "family"
        || is_pronoun(word)
        || is_modal(word)
        || AUXILIARIES.contains(&word)
        || word.ends_with("ing")
        || word.ends_with("ed")
        || matches!(
            word,
            "about"
                | "across"
                | "after"
                | "against"
                | "also"
                | "among"
                | "and"
                | "as"
                | "at"
                | "before"
                | "but"
                | "by"
                | "during"
                | "for"
                | "from"
                | "however"
                | "if"
                | "in"
                | "into"
                | "it"
                | "on"
                | "onto"
                | "or"
                | "than"
                | "then"
                | "they"
                | "though"
                | "through"
                | "to"
                | "too"
                | "toward"
                | "upon"
                | "via"
                | "we"
                | "when"
                | "while"
                | "with"
                | "you"
        )
}

/// A modal verb, or any verb negated with "n't" ("wouldn't", "didn’t").
fn is_modal(word: &str) -> bool {
    matches!(word, "can" | "could" | "may" | "might" | "must" | "shall" | "should")
        || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// Whether the name at `offset` is a possessive ("NBC’s show").
pub(crate) fn is_possessive(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    let toks = tokenize(rest);
    let name_end = name_words(rest, &toks);
    name_end.checked_sub(1).is_some_and(|i| toks[i].text.ends_with("'s") || toks[i].text.ends_with("’s"))
}

/// At most this many words between two quotes of a paragraph for one to lend the other its
/// speaker (`“…,” Ann Lee said outside the building. But “…”` has six).
const MAX_CARRY_GAP: usize = 25;

/// Fills in speakers for quotes that continue another quote.
///
/// Within a paragraph (`“…,” he said. “And …”`) the nearest attributed quote speaks for an
/// unattributed one. Across paragraphs, a paragraph that opens with a quote and names no
/// speaker of its own continues the speaker of the paragraph before when that paragraph's last
/// quote is attributed: the print convention for a speech quoted over several paragraphs
/// (`“…,” Ann Lee said.` / `“It is changing every day.”`). `order` lists the article's
/// paragraphs as read.
pub(crate) fn carry_speakers(quotes: &mut [(RawQuote, Option<Mention>)], order: &[(usize, &str)]) {
    let text_of = |p: usize| text_of(order, p);
    // Words between two quotes of one paragraph, when one ends before the other opens.
    let gap = |a: &RawQuote, b: &RawQuote| {
        let (first, second) = if a.range.start < b.range.start { (a, b) } else { (b, a) };
        let text = text_of(first.paragraph);
        let between = text.get(first.close.1.min(second.range.start)..second.range.start).unwrap_or("");
        crate::text::words(between).count()
    };
    for i in 0..quotes.len() {
        if quotes[i].1.is_some() {
            continue;
        }
        let p = quotes[i].0.paragraph;
        // Close by: "… cries to “keep going”" three sentences away from someone else's quote
        // is not theirs.
        let near = (0..quotes.len())
            .filter(|&j| j != i && quotes[j].0.paragraph == p && quotes[j].1.is_some())
            .filter(|&j| quotes[j].0.close.0 != p || gap(&quotes[i].0, &quotes[j].0) <= MAX_CARRY_GAP)
            .min_by_key(|&j| (j as isize - i as isize).unsigned_abs());
        if let Some(j) = near {
            quotes[i].1 = quotes[j].1;
        }
    }
    // In reading order, so that a speech over three paragraphs carries to the third.
    for i in 0..quotes.len() {
        let (q, who) = &quotes[i];
        let Some(k) = order.iter().position(|(p, _)| *p == q.paragraph).filter(|_| who.is_none()) else {
            continue;
        };
        let text = order[k].1;
        // "“…,” a spokesman said." has a speaker, only not one with a name.
        let (cp, co) = q.close;
        let after = text_of(cp).get(co..).unwrap_or("");
        let toks = tokenize(&after[..clause_end(after)]);
        let attributed = (0..toks.len()).any(|i| speaks_at(&toks, i)) || unlisted_verb(q, &toks).is_some();
        if !opens_its_paragraph(q, text) || attributed {
            continue;
        }
        let Some(&(previous, _)) = k.checked_sub(1).and_then(|k| order.get(k)) else { continue };
        let last = quotes[..i].iter().rfind(|(q, _)| q.paragraph == previous || q.close.0 == previous);
        if let Some((_, Some(speaker))) = last {
            quotes[i].1 = Some(*speaker);
        }
    }
}

/// People and organisations speak; places and groups ("Russia said") are not speakers we can
/// cite for a quote.
pub(crate) fn can_speak(actor: &LocalActor) -> bool {
    matches!(actor.kind, ActorKind::Person | ActorKind::Organization)
}

/// The person a "he" or "she" before or after a quote refers to: the subject of the last
/// sentence before the quote that names a person, taken as the first person it names
/// ("Attorney General Ann Lee said the department would not prosecute Clinton. “…,” she said.")
/// unless that name is a possessive ("Clinton’s aide"). A person of the other sex, and the
/// actors in `not` (whom the attribution addresses: "…,” he told Ann Lee), are passed over.
fn antecedent(
    q: &RawQuote,
    paragraphs: &[(usize, &str)],
    mentions: &[Mention],
    actors: &[LocalActor],
    sexes: &[Option<Sex>],
    sex: Sex,
    not: &[usize],
) -> Option<Mention> {
    // The person the pronoun stands for: the nearest one it does not call by the other
    // pronoun. (Preferring the nearest one it does call by it, over a person of unknown sex,
    // went wrong more often than right on PolNeAR: "he said" after a name often speaks for
    // someone named later.)
    let fits = |m: &&Mention| {
        actors[m.actor].kind == ActorKind::Person
            && sexes[m.actor] != Some(other(sex))
            && !not.contains(&m.actor)
    };
    let nearest = mentions
        .iter()
        .filter(|m| (m.paragraph, m.offset) < (q.paragraph, q.range.start))
        .filter(fits)
        .max_by_key(|m| (m.paragraph, m.offset))?;
    let text = text_of(paragraphs, nearest.paragraph);
    let sentence = sentences(text).into_iter().find(|r| r.contains(&nearest.offset)).unwrap_or(0..text.len());
    let subject = mentions_in(mentions, nearest.paragraph, sentence.start..nearest.offset + 1)
        .filter(|m| (m.paragraph, m.offset) < (q.paragraph, q.range.start))
        .filter(fits)
        .find(|m| !is_possessive(text, m.offset) && !after_preposition(text, m.offset));
    Some(*subject.unwrap_or(nearest))
}

fn other(sex: Sex) -> Sex {
    match sex {
        Sex::Male => Sex::Female,
        Sex::Female => Sex::Male,
    }
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
