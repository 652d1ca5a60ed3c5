//! The grammar of attributions: the head of a phrase of names, appositions and the roles they
//! give, the subject before a verb, possessives, and what a noun like "the company" refers to.

use super::*;

/// The one a phrase of names after a verb speaks for: its first person that does not only
/// qualify a noun ("said Cruz constituent Bo Ek", "quotes former Carter adviser Bo Ek:"), else
/// its first person, else its first name.
pub(super) fn head_of<'m>(named: &[&'m Mention], text: &str, actors: &[LocalActor]) -> Option<&'m Mention> {
    let is_person = |m: &&&Mention| actors[m.actor].kind == ActorKind::Person;
    let people = || named.iter().filter(is_person);
    people().find(|m| !qualifies_a_noun(text, m.offset)).or(people().next()).or(named.first()).copied()
}

/// The actor a noun phrase refers back to, when the article named exactly one before the
/// quote, or one last and close by: "the foundation" (or "the civil rights foundation") an organisation whose name ends
/// in that noun, "the senator" a person with that title among their roles ("Sen.").
pub(super) fn referred_to(
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
        ActorKind::Organization if lexicon::ORG_NOUNS.contains(noun.as_str()) => {
            a.name.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(&noun))
        }
        ActorKind::Person if lexicon::PERSON_NOUNS.contains(noun.as_str()) => {
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
pub(super) fn subject_before<'m>(
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
        let toks = word_tokens(gap);
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
pub(super) fn name_words(s: &str, toks: &[Token<'_>]) -> usize {
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
pub(super) fn qualifies_a_noun(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    let toks = word_tokens(rest);
    let name_end = name_words(rest, &toks);
    let Some(last) = name_end.checked_sub(1).map(|i| toks[i]) else { return false };
    if is_possessive(text, offset) {
        return true;
    }
    toks.get(name_end).is_some_and(|next| {
        rest[last.end..next.start].trim().is_empty()
            && !is_speech_verb(next.text)
            && !SPEECH_PARTICIPLES.contains(next.text)
            && !lexicon::NOT_NAMES.contains(next.text)
            && !matches!(next.text, "goes" | "has" | "had" | "is" | "later" | "recently" | "was" | "went")
    })
}

/// Whether `gap`, from the start of a name to a verb, holds only that name, an apposition set
/// off by commas and adverbs or auxiliaries ("Ann Lee, the party's leader, has repeatedly"), so
/// that the name is the verb's subject.
pub(crate) fn joins_its_verb(gap: &str) -> bool {
    let toks = word_tokens(gap);
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
    word_tokens(rest).iter().all(|t| {
        let w = t.text.to_lowercase();
        w.ends_with("ly") || lexicon::AUXILIARIES.contains(w.as_str())
    })
}

/// Whether the name at `offset` follows a preposition or a conjunction ("between Ann Lee and
/// Bo Ek"), where it is not a subject.
pub(super) fn after_preposition(text: &str, offset: usize) -> bool {
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

/// Byte ranges of the appositions in a clause: from ", who", ", the", ", a" … after a name to
/// the comma that closes them ("Ann Lee, the leader who ran against Ivo Brandt in 2020, called").
pub(super) fn appositions(clause: &str) -> Vec<std::ops::Range<usize>> {
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
pub(super) const MAX_APPOSITION_WORDS: usize = 25;

/// What an attribution says of the speaker right after their name, as written: "the chair of
/// the Party" in "Ann Lee, the chair of the Party, said" or "…,” said Ann Lee, the chair of the
/// Party.", "(R-Ohio), a member of the Ways and Means Committee" after "Rep. Bo Ek", "of the
/// Heritage Foundation" after the person "Bo Ek". A comma's apposition starts with a lower-case word, a
/// number or a party label, and runs to a comma before a verb or an adverbial, a quote mark,
/// or the end of the sentence.
pub(crate) fn apposition<'t>(text: &'t str, offset: usize, speaker: &LocalActor) -> Option<&'t str> {
    let rest = text.get(offset..)?;
    let toks = word_tokens(rest);
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
    let says = word_tokens(found)
        .iter()
        .take_while(|t| !matches!(t.text, "who" | "whose" | "which" | "that"))
        .any(|t| is_speech_verb_token(t.text));
    let words = crate::text::words(found).count();
    (words > 0 && words <= MAX_APPOSITION_WORDS && !says).then_some(found)
}

/// At most this many words in a role taken from an apposition.
pub(super) const MAX_ROLE_WORDS: usize = 15;

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
pub(super) fn phrase_end(s: &str, commas: bool) -> usize {
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
            let verb = is_speech_verb_token(word) || lexicon::AUXILIARIES.contains(word) || is_modal(word);
            if !commas && (verb || SPEECH_PARTICIPLES.contains(word) || word.ends_with("ed")) {
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
pub(super) fn closes_apposition(word: &str) -> bool {
    is_speech_verb(word)
        || lexicon::IRREGULAR_PAST.contains(word)
        || word.len() > 4 && word.ends_with("ly") && word != "family"
        || is_pronoun(word)
        || is_modal(word)
        || lexicon::AUXILIARIES.contains(word)
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
pub(super) fn is_modal(word: &str) -> bool {
    matches!(word, "can" | "could" | "may" | "might" | "must" | "shall" | "should")
        || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// Whether the name at `offset` is a possessive ("NBC’s show").
pub(crate) fn is_possessive(text: &str, offset: usize) -> bool {
    let rest = text.get(offset..).unwrap_or("");
    let toks = word_tokens(rest);
    let name_end = name_words(rest, &toks);
    name_end.checked_sub(1).is_some_and(|i| toks[i].text.ends_with("'s") || toks[i].text.ends_with("’s"))
}
