//! Names in one sentence: the tagger's names combined with capitalised spans typed by general
//! knowledge, titles split off as roles, openers and headline capitals left out.

use std::ops::Range;

use crate::lexicon::{self, NOT_NAMES, ORG_WORDS, PLACES, PORTFOLIOS, SPEECH_VERBS, TITLES};
use crate::model::ActorKind;
use crate::ner::EntityKind;
use crate::text::{Token, is_capitalized, word_tokens};

/// A name found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Span {
    /// The name, titles stripped.
    pub name: String,
    /// Byte range of the name in the sentence.
    pub range: std::ops::Range<usize>,
    /// A title or role written before the name ("Prime Minister of Belarus").
    pub role: Option<String>,
    /// The kind, when the span itself tells.
    pub kind: Option<ActorKind>,
    /// Whether the span began the sentence.
    pub initial: bool,
    /// The word before the span, lower-cased ("in", "at", "said").
    pub before: String,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn is_connector(w: &str) -> bool {
    matches!(w, "of" | "for" | "the" | "de" | "del" | "da" | "van" | "von" | "bin" | "al" | "and" | "&")
}

/// Whether a word names a body that is "on" its subject ("Council on Foreign Relations",
/// "Committee on Ways and Means").
fn names_a_body(w: &str) -> bool {
    matches!(lower(w).as_str(), "commission" | "committee" | "conference" | "council" | "subcommittee")
}

pub(super) fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '&')
}

/// The kind a name has by itself, when general knowledge tells.
pub(crate) fn kind_of(name: &str) -> Option<ActorKind> {
    let l = lower(name);
    if PLACES.contains(&l) || matches!(name, "US" | "U.S." | "UK" | "U.K." | "USA") {
        return Some(ActorKind::Place);
    }
    if lexicon::is_group(&l) {
        return Some(ActorKind::Group);
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last().map(|w| lower(w)).unwrap_or_default();
    if words.len() >= 2 && lexicon::EVENT_WORDS.contains(&last) {
        return None; // "World Cup", "Hong Kong Open": an event, not an actor
    }
    if words.len() == 2 && last == "city" && lexicon::is_city(&lower(words[0])) {
        return Some(ActorKind::Organization); // "Manchester City": a city's club, not a city
    }
    if words.len() >= 2 && lexicon::PLACE_WORDS.contains(&last) {
        return Some(ActorKind::Place); // "Palm Beach County", "Red Square"
    }
    if words.iter().any(|w| ORG_WORDS.contains(&lower(w.trim_end_matches('.')))) {
        return Some(ActorKind::Organization);
    }
    if words.len() == 1 && is_acronym(name) {
        return Some(ActorKind::Organization);
    }
    if words.len() >= 2 && lexicon::is_city(&l) {
        return Some(ActorKind::Place); // "Mexico City", "Kuala Lumpur"
    }
    // "G.K. Butterfield": initials, not an acronym ("U.S.", "U.N." are no one's initials).
    let initials = |w: &str| {
        crate::text::is_initials(w.trim_end_matches('.')) && !matches!(w, "U.S." | "U.K." | "U.N." | "E.U.")
    };
    if words.len() >= 2 && words.iter().all(|w| is_capitalized(w) && (!is_acronym(w) || initials(w))) {
        // "People's Republics", "Western countries", "Central European": a demonym first or
        // last is no name.
        if lexicon::is_demonym_adjective(words[0]) || lexicon::is_demonym_adjective(&last) {
            return None;
        }
        return Some(ActorKind::Person);
    }
    None
}

/// Whether a line is in capitals (a wire headline, "CRICKET - LEICESTERSHIRE TAKE OVER"),
/// which names things by case alone: there is nothing to read from it.
fn in_capitals(toks: &[Token<'_>]) -> bool {
    let upper = toks
        .iter()
        .filter(|t| t.text.chars().any(char::is_alphabetic) && t.text == t.text.to_uppercase())
        .count();
    toks.len() >= 4 && upper * 10 >= toks.len() * 8
}

/// Capitalised spans of a sentence, with titles split off as roles.
pub(crate) fn spans(sentence: &str) -> Vec<Span> {
    let toks = word_tokens(sentence);
    if in_capitals(&toks) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_capitalized(toks[i].text) || toks[i].text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len() {
            let gap = &sentence[toks[j - 1].end..toks[j].start];
            if !gap.trim().is_empty() || toks[j - 1].text.ends_with("'s") || toks[j - 1].text.ends_with("’s")
            {
                break; // punctuation or a possessive ends the name
            }
            let w = toks[j].text;
            if lexicon::is_weekday(w) {
                break; // "in New Hampshire Monday": the day is no part of the name
            }
            if is_capitalized(w) && !w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
            } else if (is_connector(w) && w != "and" || w == "on" && names_a_body(toks[j - 1].text))
                && !reads_as_a_person(&toks[i..j])
            {
                // "Institute for the Study of War", "Council on Foreign Relations": a run of
                // connectors inside a name.
                let mut k = j + 1;
                while k < toks.len() && is_connector(toks[k].text) && toks[k].text != "and" {
                    k += 1;
                }
                if k < toks.len() && k - j <= 2 && is_capitalized(toks[k].text) {
                    j = k + 1;
                } else {
                    break;
                }
            } else if w == "and"
                && joins_an_organisation(sentence, &toks[j + 1..])
                && !names_on_its_own(&sentence[toks[i].start..toks[j - 1].end])
            {
                // "National Security and Defense Council": "and" inside an organisation's name,
                // but not "the US and European Union".
                j += 1;
            } else {
                break;
            }
        }
        // A quotation opens a sentence, unless a body's noun introduces it as a name: "the
        // private military company “Wagner”", "the newspaper “Vzglyad”".
        let introduced = |w: &str| !is_capitalized(w) && lexicon::is_body_noun(&lower(w));
        let opens = i > 0
            && opens_a_sentence(toks[i - 1].text, &sentence[toks[i - 1].end..toks[i].start])
            && !introduced(toks[i - 1].text);
        let before = if i > 0 && !opens { toks[i - 1].text.to_lowercase() } else { String::new() };
        if let Some(span) = make_span(sentence, &toks[i..j], before) {
            out.push(span);
        }
        i = j;
    }
    if is_team_row(sentence) {
        // A name followed by its score or its record is a team's.
        for span in &mut out {
            if sentence[span.range.end..].trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                span.kind = Some(ActorKind::Organization);
                span.initial = false;
            }
        }
    }
    out
}

/// The names of a sentence, each with the tagger's kind for it (`None` where the rules alone
/// decide): the tagger's names of people, organisations and places ([`crate::ner`]), with
/// what the rules know better (the title in front, split off as a role, which makes the name
/// a person's; openers and headline capitals; names they keep apart or read whole, see the
/// comments below); and the rules' names the tagger did not tag, which the article-level
/// steps of [`collect`] keep only where something supports them (a full name it is part of,
/// an acronym, a verb of speech, the lexicon). A name the tagger reads as something else (an
/// event, a nationality, a law) is no actor, unless the rules know it as a people
/// ("Belarusians") or it speaks as a surname does ("Cuban said").
///
/// Measured on CoNLL `ner-dev` (document-level typed F1, extraction alone): the rules alone
/// 0.785, the names of an earlier (greedy) tagger alone 0.886, this combination 0.876. The
/// rules' part keeps PolNeAR speakers where they were (P 0.932, R 0.691; 0.931, 0.691 before);
/// a first combination that dropped the rules' untagged names lost them (P 0.859, R 0.635).
pub(crate) fn names(sentence: &str) -> Vec<(Span, Option<EntityKind>)> {
    let rules = spans(sentence);
    // The sentence's words, once: every name below looks at the words around it.
    let toks = word_tokens(sentence);
    if rules.is_empty() && in_capitals(&toks) {
        return Vec::new();
    }
    let words_in =
        |range: Range<usize>| toks.iter().filter(move |t| t.start >= range.start && t.end <= range.end);
    let overlap = |a: &Range<usize>, b: &Range<usize>| a.end.min(b.end).saturating_sub(a.start.max(b.start));
    // The titles the rules split off as roles, where they stand in the sentence.
    let roles: Vec<Range<usize>> = rules
        .iter()
        .filter_map(|r| {
            let role = r.role.as_deref()?;
            let end = sentence[..r.range.start].trim_end().len();
            sentence[..end].ends_with(role).then(|| end - role.len()..end)
        })
        .collect();
    let word_before = |at: usize| words_in(0..at).next_back().map(|t| lower(t.text)).unwrap_or_default();
    let mut out: Vec<(Span, Option<EntityKind>)> = Vec::new();
    let tagged = crate::ner::entities(sentence);
    for e in &tagged {
        let e_range = person_before_of(sentence, e);
        let covered: Vec<&Span> = rules.iter().filter(|r| overlap(&r.range, &e_range) > 0).collect();
        let rule = covered.iter().copied().max_by_key(|r| overlap(&r.range, &e_range));
        let is_event = e.kind == EntityKind::Misc || {
            let words: Vec<&str> = sentence[e_range.clone()].split_whitespace().collect();
            words.len() >= 2 && words.last().is_some_and(|w| lexicon::EVENT_WORDS.contains(&lower(w)))
        };
        if is_event {
            // No actor; but the rules know a people ("Belarusians"), an organisation by the
            // words of its name ("German Council on Foreign Relations") and a demonym that
            // speaks as a surname does ("Cuban said").
            if let Some(r) = rule.filter(|r| {
                matches!(r.kind, Some(ActorKind::Group | ActorKind::Organization))
                    || !r.name.contains(' ') && speaks_after(&sentence[r.range.end..])
            }) {
                out.push((r.clone(), None));
            }
            continue;
        }
        if covered.len() >= 2
            && covered.iter().all(|r| r.range.start >= e_range.start && r.range.end <= e_range.end)
        {
            // Names the rules keep apart ("the European Union and North America"): theirs.
            out.extend(covered.into_iter().map(|r| (r.clone(), None)));
            continue;
        }
        if roles.iter().any(|role| role.start <= e_range.start && e_range.end <= role.end)
            || out.iter().any(|(span, _)| span.range.start <= e_range.start && e_range.end <= span.range.end)
        {
            continue; // a title ("Party Chairman"), or a name already taken whole
        }
        let span = match rule {
            // Where the rules found the name too: the tagger's words, but for a title the
            // rules split off as a role ("Governor Hassan"), a sentence's opener they left
            // out ("And Trump", "Specifically, Cruz") and a function word capitalised in a
            // headline ("Endorsed By Trump"); and the rules' words after it where the
            // tagger stopped short, if capitalised ("Karl Lund") or a body's ("Institute for
            // the Study of War"; not "Atlanta at Chicago", "Acme Inc and Lear Corp"). Other words the
            // tagger takes before the rules' are a name's ("First Union").
            Some(r) => {
                let skipped = &sentence[e_range.start..r.range.start.max(e_range.start)];
                let opener = !skipped.is_empty() && words_in(0..e_range.start).next().is_none();
                let function_word =
                    words_in(e_range.start..r.range.start).any(|t| crate::text::is_stop_word(&lower(t.text)));
                // A people's adjective that begins an organisation's name the rules read
                // whole ("German Council on Foreign Relations") is the name's.
                let demonym = r.range.start < e_range.start
                    && r.kind == Some(ActorKind::Organization)
                    && words_in(r.range.start..e_range.start).all(|t| lexicon::is_demonym_adjective(t.text));
                let start = if demonym {
                    r.range.start
                } else if r.role.is_some() || opener || function_word {
                    r.range.start.max(e_range.start)
                } else {
                    e_range.start
                };
                // A titled name is a person's, which no "of" continues ("Party Chairman
                // G.K. Lund of Tula").
                let beyond = &sentence[e_range.end.min(r.range.end)..r.range.end];
                let body = r.kind == Some(ActorKind::Organization);
                let continues = beyond.split_whitespace().all(|w| {
                    !w.starts_with(char::is_lowercase)
                        || body && matches!(w, "of" | "for" | "on" | "the" | "and")
                });
                let end = if r.role.is_some() {
                    r.range.end
                } else if continues {
                    e_range.end.max(r.range.end)
                } else {
                    e_range.end
                };
                let range = start..end;
                let name = &sentence[range.clone()];
                let from_rule = r.range.start == range.start;
                Span {
                    name: name.to_string(),
                    role: if r.range.end == range.end { r.role.clone() } else { None },
                    kind: kind_of(name),
                    initial: if from_rule { r.initial } else { range.start == 0 },
                    before: if from_rule { r.before.clone() } else { word_before(range.start) },
                    range,
                }
            }
            // The tagger's alone, read as the rules read capitalised words: openers, titles
            // and calendar words left out.
            None => {
                let name: Vec<Token<'_>> = words_in(e_range.clone()).copied().collect();
                match make_span(sentence, &name, word_before(e_range.start)) {
                    Some(span) => span,
                    None => continue,
                }
            }
        };
        if span.name.chars().count() < 2 || !span.name.chars().any(char::is_alphabetic) {
            continue;
        }
        // A common noun cut from the name it begins ("People" of "the People's Republic of
        // China"): the tagger stops at the possessive, the name goes on.
        if cut_at_possessive(sentence, &span) {
            continue;
        }
        let vote = if span.role.is_some() {
            Some(EntityKind::Person) // a title is a person's
        } else if span.initial && !span.name.contains(' ') && sentence[span.range.end..].starts_with(',') {
            // "Interestingly, …": a word set apart at the start reads as an opener to the
            // tagger too; the rules ask whether the article names it elsewhere.
            None
        } else {
            Some(e.kind)
        };
        out.push((span, vote));
    }
    // The rules' names that no tagged name touches (one the tagger reads as an event, "the
    // Cold War", is no actor).
    for r in rules {
        if out.iter().all(|(span, _)| overlap(&r.range, &span.range) == 0)
            && tagged.iter().all(|e| overlap(&r.range, &e.range) == 0)
        {
            out.push((r, None));
        }
    }
    out.sort_by_key(|(span, _)| span.range.start);
    out
}

/// Whether a span is one common word ("People", "Council") that a possessive joins to the
/// capitalised words after it ("People's Republics"): the start of a longer name.
fn cut_at_possessive(sentence: &str, span: &Span) -> bool {
    let word = lower(&span.name);
    let common = lexicon::PEOPLE_NOUNS.contains(&word) || lexicon::ORG_NOUNS.contains(&word);
    let rest = &sentence[span.range.end..];
    let after = rest.strip_prefix("'s ").or_else(|| rest.strip_prefix("’s "));
    common && after.is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// A tagged person's range up to an "of" inside it: no "of" continues a person's name ("G.K.
/// Lund of Tula"), though it does an organisation's or a place's.
fn person_before_of(sentence: &str, e: &crate::ner::Entity) -> Range<usize> {
    let text = &sentence[e.range.clone()];
    match text.find(" of ") {
        Some(at) if e.kind == EntityKind::Person => e.range.start..e.range.start + at,
        _ => e.range.clone(),
    }
}

/// Whether a line is a row of a sports table, whose names are teams: a result ("Detroit 5
/// Baltimore 3", two names with a score each) or a standing ("Leyton Orient 4 1 1 2 3 3 4":
/// five numbers or more, or a winning share such as ".545"). A golfer's round ("Ann Lee 68 70
/// 138") has too few numbers to be either.
fn is_team_row(line: &str) -> bool {
    let numeric = |t: &str| {
        let digits = t.trim_start_matches('.');
        t == "-" || !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit())
    };
    let toks: Vec<&str> = line.split_whitespace().collect();
    if toks.first().is_none_or(|t| numeric(t)) || toks.len() > 24 {
        return false;
    }
    // Runs of words and of numbers, in turn.
    let mut runs: Vec<(bool, usize)> = Vec::new();
    for t in &toks {
        match runs.last_mut() {
            Some((n, count)) if *n == numeric(t) => *count += 1,
            _ => runs.push((numeric(t), 1)),
        }
    }
    let result = matches!(runs[..], [(false, _), (true, 1), (false, _), (true, 1)]);
    let standing = matches!(runs[..], [(false, _), (true, n)] if n >= 5)
        || runs.len() == 2 && toks.iter().any(|t| t.len() == 4 && t.starts_with('.') && numeric(t));
    result || standing
}

/// Whether capitalised words read as a person's name, which no "of" continues ("Margarita
/// Simonyan of the Kremlin-funded TV channel"): two words or more, none of them a word of an
/// organisation's or a place's name or a title ("Bank of England", "Prime Minister of
/// Belarus", "Democratic Republic of the Congo").
/// Titles in front ("Presenter Ana Lind") are not part of the name.
fn reads_as_a_person(run: &[Token<'_>]) -> bool {
    let title = |t: &Token<'_>| is_title(t) || lexicon::is_demonym_adjective(t.text);
    let name = &run[run.iter().rposition(title).map_or(0, |k| k + 1)..];
    // A title last ("Prime Minister") is a role that "of Belarus" continues.
    name.len() >= 2
        && name.iter().all(|t| {
            let w = lower(t.text);
            is_capitalized(t.text) && !ORG_WORDS.contains(&w) && !PLACES.contains(&w)
        })
}

/// Whether a name is complete as it stands: an acronym ("US", "NATO"), which an "and" does not
/// join to what follows ("the US and European Union", but "Russia and Eurasia Program").
fn names_on_its_own(name: &str) -> bool {
    !name.contains(' ') && is_acronym(name)
}

/// Whether the capitalised words that follow (up to punctuation) end in an organisation word,
/// so that an "and" before them belongs to one name ("Security and Defense Council").
fn joins_an_organisation(sentence: &str, rest: &[Token<'_>]) -> bool {
    let mut last = None;
    for (k, t) in rest.iter().enumerate() {
        let gap = if k == 0 { "" } else { &sentence[rest[k - 1].end..t.start] };
        if !gap.trim().is_empty() || !is_capitalized(t.text) {
            break;
        }
        last = Some(t.text);
    }
    last.is_some_and(|w| ORG_WORDS.contains(&lower(w)))
}

/// Whether a word is a title or a rank ("President", "Gen.").
fn is_title(t: &Token<'_>) -> bool {
    TITLES.contains(&lower(t.text.trim_end_matches('.')))
}

/// Whether the word after `previous` and `gap` opens a sentence of its own: a quotation
/// (`said: “Therefore we …`, an opening mark after a colon, a comma or a space) or the text
/// after a dateline's dash (`MOSCOW – More than …`, `WASHINGTON (AP) — The …`).
fn opens_a_sentence(previous: &str, gap: &str) -> bool {
    let gap = gap.trim_end();
    let quotation = gap.ends_with(['“', '«', '„'])
        || gap.ends_with('"') && gap.len() > 1 && !gap[..gap.len() - 1].trim().is_empty();
    let dateline = gap.ends_with(['–', '—', '-'])
        && previous.chars().any(char::is_alphabetic)
        && !previous.chars().any(char::is_lowercase);
    quotation || dateline
}

/// "Russia-Ukraine" (war), "Russian-Belarusian" (relations): places or demonyms joined by a
/// hyphen qualify a noun; they name no actor.
fn is_compound_of_places(lower: &str) -> bool {
    lower.contains('-')
        && lower.split('-').all(|part| PLACES.contains(part) || lexicon::is_demonym_adjective(part))
}

/// A single word with the ending of an idea or a process ("Russophobia", "Putinism",
/// "Westernize"), capitalised for its root: no actor.
fn is_abstract_noun(lower: &str) -> bool {
    const ENDINGS: &[&str] = &["ism", "isms", "phobia", "philia", "ization", "isation", "ize", "ized"];
    !lower.contains(' ') && !PLACES.contains(lower) && ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// A span from its tokens; `before` is the lower-cased word ahead of it, empty at the start of
/// the sentence or of a quotation.
fn make_span(sentence: &str, toks: &[Token<'_>], mut before: String) -> Option<Span> {
    let initial = before.is_empty();
    let start = toks.first()?.start;
    let mut toks: Vec<Token<'_>> = toks.to_vec();
    // Possessive on the last word: "Petrov’s" → "Petrov".
    if let Some(last) = toks.last_mut() {
        for suffix in ["'s", "’s"] {
            if let Some(stripped) = last.text.strip_suffix(suffix) {
                last.text = stripped;
                last.end -= suffix.len();
            }
        }
    }
    // Leading words that only start a sentence ("However", "The", "In").
    // A weekday in front is a date ("on Friday Mitchell won"); a month may be a first name.
    while toks.first().is_some_and(|t| {
        let l = lower(t.text);
        // "Stated Stone:", "Said Ann Lee:": a speech verb opening the sentence.
        NOT_NAMES.contains(&l) || lexicon::is_weekday(t.text) || SPEECH_VERBS.contains(&l)
    }) {
        before = lower(toks.remove(0).text);
    }
    // "Los Angeles-based Republican strategist", "Kremlin-funded TV": a name made an adjective
    // qualifies a noun.
    let adjective = |t: &Token<'_>| {
        let l = lower(t.text);
        ["-backed", "-based", "-funded", "-led", "-owned"].iter().any(|s| l.ends_with(s))
    };
    if let Some(i) = toks.iter().rposition(adjective) {
        before = lower(toks[i].text);
        toks.drain(..=i);
    }
    while toks.last().is_some_and(|t| is_connector(&lower(t.text))) {
        toks.pop();
    }
    if toks.is_empty() {
        return None;
    }
    // Titles: "Prime Minister of Belarus Marta Kovalchuk", "Russian President Ivan Petrov".
    let mut role = None;
    if let Some(last_title) = toks.iter().rposition(is_title) {
        let mut name_start = last_title + 1;
        // "Minister of Belarus Marta Kovalchuk": the "of Place" belongs to the role.
        if toks.get(name_start).is_some_and(|t| t.text == "of") {
            let mut k = name_start + 1;
            while k < toks.len() && {
                let w = lower(toks[k].text);
                PLACES.contains(&w) || PORTFOLIOS.contains(&w)
            } {
                k += 1;
            }
            name_start = k;
        }
        let rest = &toks[name_start.min(toks.len())..];
        let rest_is_org = rest.iter().any(|t| ORG_WORDS.contains(&lower(t.text)));
        if !rest.is_empty() && !rest_is_org && rest.iter().all(|t| !is_connector(t.text)) {
            let role_text = &sentence[toks[0].start..toks[name_start - 1].end];
            role = Some(role_text.to_string());
            toks = rest.to_vec();
        } else if rest.is_empty() && toks.iter().all(|t| is_title(t) || lexicon::is_demonym_adjective(t.text))
        {
            return None; // a title alone: "President", "Belarusian President"
        } else if rest.is_empty()
            && last_title > 0
            && kind_of(&sentence[toks[0].start..toks[last_title - 1].end]) == Some(ActorKind::Place)
        {
            return None; // a place's title or party, no one's name: "an Iowa Republican"
        }
    }
    // A demonym adjective alone ("Belarusian") or in front of a plain name part is no actor,
    // unless it speaks as a surname does ("Cuban said", not "a Russian said").
    if toks.len() == 1 && lexicon::is_demonym_adjective(toks[0].text) {
        let article = matches!(before.as_str(), "a" | "an" | "the" | "one" | "another");
        // The verb right after it: "…, who is Hispanic, said" is no name.
        let rest = &sentence[toks[0].end..];
        if article || !rest.starts_with(' ') || !speaks_after(rest) {
            return None;
        }
    }
    let first = toks.first()?;
    let last = toks.last()?;
    let name = &sentence[first.start..last.end];
    let l = lower(name);
    if lexicon::is_calendar_word(&l)
        || NOT_NAMES.contains(&l)
        || lexicon::is_party_label(name)
        || is_compound_of_places(&l)
        || is_abstract_noun(&l)
        || name.chars().count() < 2
    {
        return None;
    }
    let initial = initial && role.is_none() && first.start == start;
    Some(Span {
        name: name.to_string(),
        range: first.start..last.end,
        role,
        kind: kind_of(name),
        initial,
        before,
    })
}

/// Whether the text after a name opens with a speech verb ("said", ", told"): the name speaks.
pub(super) fn speaks_after(rest: &str) -> bool {
    let next = rest.trim_start_matches([',', ' ']).split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    // "former Soviet states", "the Baltic states": countries, not a verb.
    next != "states" && SPEECH_VERBS.contains(&lower(next))
}
