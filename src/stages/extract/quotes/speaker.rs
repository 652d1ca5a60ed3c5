//! Who said a quote: the rules that find a quote's speaker in the words around it, and the
//! quotes that continue another's speaker.

use super::*;

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
pub(super) fn names_a_thing(q: &RawQuote, text: &str) -> bool {
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
pub(super) fn is_a_label(q: &RawQuote, text: &str) -> bool {
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
pub(super) fn opening_subject<'m>(
    people: &[&'m Mention],
    text: &str,
    sentence_start: usize,
) -> Option<&'m Mention> {
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
pub(super) fn is_qualifier(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let names = words.iter().take_while(|w| crate::text::is_capitalized(w)).count();
    let rest = &words[names..];
    names > 0
        && (1..=3).contains(&rest.len())
        && rest.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'))
        && rest.last().is_some_and(|w| lexicon::TITLES.contains(w))
}

/// Whether the quote's marks open `text`, its paragraph.
pub(super) fn opens_its_paragraph(q: &RawQuote, text: &str) -> bool {
    text.len() - text.trim_start_matches(is_opener).len() == q.range.start
}

/// The speaker of a quote that opens its paragraph, named in the paragraph before or after:
/// "Ann Lee said:" / "“…”", "The paper quotes Ann Lee:" / "“…”", "“…”" / "- Ann Lee,
/// Philadelphia." (the quotations column's dash), or "Ann Lee went on." / "“…”".
pub(super) fn from_neighbours(
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
pub(super) const SUBJECT_WORDS: usize = 4;

/// At most this many words between two quotes of a paragraph for one to lend the other its
/// speaker (`“…,” Ann Lee said outside the building. But “…”` has six).
pub(super) const MAX_CARRY_GAP: usize = 25;

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
pub(super) fn antecedent(
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

pub(super) fn other(sex: Sex) -> Sex {
    match sex {
        Sex::Male => Sex::Female,
        Sex::Female => Sex::Male,
    }
}
