//! Who said a quote: the rules that find a quote's speaker in the words around it, and the
//! quotes that continue another's speaker.

use super::*;

/// Who said a quote, and the sieve that decided: the first of [`SIEVES`] that names a speaker
/// or finds that no one the article names said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub(crate) speaker: Option<Mention>,
    /// The sieve's name (see [`SIEVES`]).
    pub(crate) rule: &'static str,
}

/// What a sieve says of a quote.
enum Verdict {
    /// This one said it.
    Speaker(Mention),
    /// No one the article names said it here: a label, a speaker the attribution only
    /// describes, a pronoun that the quote before speaks for (see [`carry_speakers`]).
    Nobody,
    /// Not this sieve's case: the next one decides.
    Pass,
}

impl From<Option<Mention>> for Verdict {
    fn from(m: Option<Mention>) -> Verdict {
        m.map_or(Verdict::Nobody, Verdict::Speaker)
    }
}

/// Passes unless `m` names someone.
fn speaker_or_pass(m: Option<&Mention>) -> Verdict {
    m.map_or(Verdict::Pass, |m| Verdict::Speaker(*m))
}

/// One rule of attribution: its name, recorded on the quote it decides, and the rule.
pub(crate) struct Sieve {
    pub(crate) name: &'static str,
    decide: fn(&Context<'_>) -> Verdict,
}

/// The sieves, in the order they run (CoreNLP's quote attribution runs its sieves so): the
/// clause after the quote first ("…,” Ann Lee said", "…,” said Ann Lee", "…,” he said"), then
/// the sentence the quote sits in and the one before it ("according to Ann Lee", "Ann Lee said:
/// “…", "Ann Lee …, saying “…"), then the paragraphs around a quote that stands alone. A place
/// or a group never speaks.
pub(crate) const SIEVES: &[Sieve] = &[
    Sieve { name: "label", decide: label },
    Sieve { name: DESCRIBED, decide: described_after_it },
    Sieve { name: "pronoun-after", decide: pronoun_after },
    Sieve { name: "name-then-verb-after", decide: name_then_verb_after },
    Sieve { name: "noun-then-verb-after", decide: noun_then_verb_after },
    Sieve { name: "verb-then-name-after", decide: verb_then_name_after },
    Sieve { name: "according-to-after", decide: according_to_after },
    Sieve { name: "any-verb-after", decide: any_verb_after },
    Sieve { name: "sentence-before", decide: sentence_before },
    Sieve { name: "according-to-before", decide: according_to_before },
    Sieve { name: "as-puts-it", decide: as_puts_it },
    Sieve { name: "passive", decide: passive },
    Sieve { name: "verb-then-name-before", decide: verb_then_name_before },
    Sieve { name: "pronoun-before-verb", decide: pronoun_before_verb },
    Sieve { name: "participle-subject", decide: participle_subject },
    Sieve { name: "verb-subject", decide: verb_subject },
    Sieve { name: "noun-then-verb-before", decide: noun_then_verb_before },
    Sieve { name: "pronoun-before", decide: pronoun_before },
    Sieve { name: "colon", decide: colon },
    Sieve { name: "neighbouring-paragraph", decide: neighbouring_paragraph },
    Sieve { name: "names-a-thing", decide: names_a_thing_sieve },
    Sieve { name: "sentence-subject", decide: sentence_subject },
];

/// Who said a quote: the first of [`SIEVES`] that decides.
///
/// `paragraphs` are the article's paragraphs as read: the quote's own (for words before the
/// quote), the one where it closes (for words after), and its neighbours.
pub(crate) fn speaker(
    q: &RawQuote,
    paragraphs: &[(usize, &str)],
    mentions: &[Mention],
    actors: &[LocalActor],
    sexes: &[Option<Sex>],
) -> Attribution {
    let cx = Context::new(q, paragraphs, mentions, actors, sexes);
    for sieve in SIEVES {
        match (sieve.decide)(&cx) {
            Verdict::Speaker(m) => return Attribution { speaker: Some(m), rule: sieve.name },
            Verdict::Nobody => return Attribution { speaker: None, rule: sieve.name },
            Verdict::Pass => {}
        }
    }
    // The last sieve always decides.
    Attribution { speaker: None, rule: "none" }
}

/// What the sieves read of a quote, worked out once.
struct Context<'a> {
    q: &'a RawQuote,
    paragraphs: &'a [(usize, &'a str)],
    mentions: &'a [Mention],
    actors: &'a [LocalActor],
    sexes: &'a [Option<Sex>],
    /// The quote's paragraph, and the one its closing mark is in.
    para_text: &'a str,
    close_text: &'a str,
    /// The words after the closing mark, and where their clause ends in them.
    after: &'a str,
    after_end: usize,
    /// The clause after the quote, in words, and its verb of speech among the first sixteen.
    after_toks: Vec<Token<'a>>,
    after_verb: Option<usize>,
    /// The paragraph before the quote, without its opening mark.
    head: &'a str,
    /// Where the quote's sentence starts in the paragraph, and the sentence before it.
    sentence_start: usize,
    /// Where a short sentence of attribution before the quote's sentence starts (after the
    /// quote it continues, if one ends in it), its words, and whether a quote ends before it.
    previous: usize,
    attribution: Vec<Token<'a>>,
    follows_quote: bool,
    /// The quote's sentence up to the quote, in words and in lower case.
    clause: &'a str,
    toks: Vec<Token<'a>>,
    lower: Vec<String>,
    /// The finite verb that introduces the quote in its sentence, if any.
    finite: Option<usize>,
}

impl<'a> Context<'a> {
    fn new(
        q: &'a RawQuote,
        paragraphs: &'a [(usize, &'a str)],
        mentions: &'a [Mention],
        actors: &'a [LocalActor],
        sexes: &'a [Option<Sex>],
    ) -> Context<'a> {
        let (para_text, close_text) = (text_of(paragraphs, q.paragraph), text_of(paragraphs, q.close.0));
        let after = &close_text[q.close.1.min(close_text.len())..];
        let after_end = clause_end(after);
        let after_toks = word_tokens(&after[..after_end]);
        let after_verb = (0..after_toks.len().min(16)).find(|&i| speaks_at(&after_toks, i));
        let head = para_text.get(..q.range.start).unwrap_or("").trim_end_matches(is_opener);
        // The sentence the quote sits in, and the one before (abbreviations and initials do not
        // end a sentence: "Sen. Ted Cruz (Tex.) has said that …").
        let starts: Vec<usize> =
            sentences(para_text).into_iter().map(|r| r.start).filter(|&s| s <= head.len()).collect();
        let sentence_start = starts.last().copied().unwrap_or(0);
        let before_start = starts.len().checked_sub(2).map_or(0, |i| starts[i]);
        // "“…,” Ann Lee said. “…”": after the quote it continues.
        let previous = head[before_start..sentence_start]
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '”' | '"'))
            .map_or(before_start, |(i, c)| before_start + i + c.len_utf8());
        let clause = &head[sentence_start..];
        let toks = word_tokens(clause);
        let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
        // "X said, adding “…": the finite verb, when there is one, finds the subject.
        // "Ann Lee shot back: “…”": a verb with "back" answers.
        let answers = |i: usize| {
            lower[i] == "back" && i > 0 && matches!(lower[i - 1].as_str(), "shot" | "fired" | "hit")
        };
        let is_finite = |i: usize| {
            is_speech_verb_token(toks[i].text)
                || lexicon::INTRODUCERS.contains(lower[i].as_str())
                || answers(i)
        };
        let mut finite = (0..toks.len()).rev().find(|&i| is_finite(i));
        // "Ann Lee said that Bo Ek is “…,” and said that …": a verb joined by "and" shares the
        // subject of the first.
        if let Some(v) = finite.filter(|&v| v > 0 && lower[v - 1] == "and") {
            finite = (0..v).find(|&i| is_finite(i)).or(finite);
        }
        Context {
            q,
            paragraphs,
            mentions,
            actors,
            sexes,
            para_text,
            close_text,
            after,
            after_end,
            after_toks,
            after_verb,
            head,
            sentence_start,
            previous,
            attribution: word_tokens(&head[previous..sentence_start]),
            follows_quote: previous > before_start,
            clause,
            toks,
            lower,
            finite,
        }
    }

    /// The people and organisations named in `range` of paragraph `p`.
    fn speakers(&self, p: usize, range: std::ops::Range<usize>) -> Vec<&'a Mention> {
        mentions_in(self.mentions, p, range).filter(|m| can_speak(&self.actors[m.actor])).collect()
    }

    fn is_person(&self, m: &Mention) -> bool {
        self.actors[m.actor].kind == ActorKind::Person
    }

    /// Where word `i` of the quote's sentence starts in the paragraph.
    fn at(&self, i: usize) -> usize {
        self.sentence_start + self.toks[i].start
    }

    /// The person a "he" or "she" stands for, passing over the actors in `not`.
    fn antecedent(&self, sex: Sex, not: &[usize]) -> Verdict {
        antecedent(self.q, self.paragraphs, self.mentions, self.actors, self.sexes, sex, not).into()
    }

    /// The verb that introduces the quote in its sentence: the finite one, else a participle
    /// ("…, saying “…").
    fn introducing_verb(&self) -> Option<usize> {
        self.finite.or_else(|| (0..self.lower.len()).rfind(|&i| self.is_participle(i)))
    }

    /// Whether word `i` of the quote's sentence is a participle that introduces speech.
    fn is_participle(&self, i: usize) -> bool {
        SPEECH_PARTICIPLES.contains(&self.lower[i])
    }

    /// The people and organisations named before the introducing verb `v` of the quote's
    /// sentence, but not inside an apposition ("Ann Lee, the leader who ran against Ivo
    /// Brandt, called …").
    fn named_before(&self, v: usize) -> Vec<&'a Mention> {
        let start = self.sentence_start;
        let asides = appositions(&self.para_text[start..self.at(v)]);
        self.speakers(self.q.paragraph, start..self.at(v))
            .into_iter()
            .filter(|m| !asides.iter().any(|r| r.contains(&(m.offset - start))))
            .collect()
    }
}

/// "…, “Europe's last dictator” is attempting a balancing act": a label no one said.
fn label(cx: &Context<'_>) -> Verdict {
    if is_a_label(cx.q, cx.para_text) { Verdict::Nobody } else { Verdict::Pass }
}

/// "…,” said an Iowa Democrat": someone the article does not name said it, whoever else the
/// sentences around name.
fn described_after_it(cx: &Context<'_>) -> Verdict {
    if described_indefinitely(cx.after) { Verdict::Nobody } else { Verdict::Pass }
}

/// "…,” he said during his Kremlin visit": the pronoun is the subject, and not whoever the
/// clause names after it ("…,” he told Ann Lee").
fn pronoun_after(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.after_verb else { return Verdict::Pass };
    let toks = &cx.after_toks;
    let Some(sex) = toks[..v].iter().find_map(|t| pronoun_sex(t.text)) else { return Verdict::Pass };
    let (cp, co) = cx.q.close;
    let addressed: Vec<usize> =
        mentions_in(cx.mentions, cp, co + toks[v].end..co + cx.after_end).map(|m| m.actor).collect();
    cx.antecedent(sex, &addressed)
}

/// "…,” Ann Lee, the chair of the Party, said", "…,” Party spokesman Ann Lee said", but not
/// "…” for Bo Ek, said Ann Lee".
fn name_then_verb_after(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.after_verb else { return Verdict::Pass };
    let (cp, co) = cx.q.close;
    let subject: Vec<&Mention> = cx
        .speakers(cp, co..co + cx.after_toks[v].start)
        .into_iter()
        .filter(|m| !qualifies_a_noun(cx.close_text, m.offset) && !after_preposition(cx.close_text, m.offset))
        .collect();
    speaker_or_pass(subject_before(&subject, cx.close_text, &|m: &&Mention| cx.is_person(m)))
}

/// "…,” the group said": the organisation or person the article named before.
fn noun_then_verb_after(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.after_verb else { return Verdict::Pass };
    let phrase: Vec<&str> = cx.after_toks[..v].iter().map(|t| t.text).collect();
    referred_to(&phrase, cx.q, cx.mentions, cx.actors).map_or(Verdict::Pass, Verdict::Speaker)
}

/// "…,” said Blaze co-host Stu Burguiere": a name within eight words of the verb, a person
/// before an organisation, and no organisation that only qualifies a noun ("said one former
/// GOP leadership aide"). "…,” and said that Bo Ek …" reports what was said of Bo Ek. "…,” an
/// anonymous businessman tells Al Jazeera": whom a speaker tells is not the speaker.
fn verb_then_name_after(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.after_verb else { return Verdict::Pass };
    let toks = &cx.after_toks;
    let (cp, co) = cx.q.close;
    let tells = v > 0 && lexicon::TELL.contains(&toks[v].text.to_lowercase());
    if tells {
        return Verdict::Pass;
    }
    let window = toks[v + 1..]
        .iter()
        .take(7)
        .find(|t| t.text == "that")
        .or(toks.get(v + 8))
        .map_or(cx.after_end, |t| t.start);
    let heads: Vec<&Mention> = cx
        .speakers(cp, co + toks[v].end..co + window)
        .into_iter()
        .filter(|m| cx.is_person(m) || !qualifies_a_noun(cx.close_text, m.offset))
        .collect();
    speaker_or_pass(head_of(&heads, cx.close_text, cx.actors))
}

/// "…,” according to Ann Lee."
fn according_to_after(cx: &Context<'_>) -> Verdict {
    let toks = &cx.after_toks;
    let (cp, co) = cx.q.close;
    if crate::text::according_to(toks.iter().map(|t| t.text)) != Some(0) {
        return Verdict::Pass;
    }
    let Some(name) = toks.get(2) else { return Verdict::Pass };
    speaker_or_pass(head_of(&cx.speakers(cp, co + name.start..co + cx.after_end), cx.close_text, cx.actors))
}

/// "…,” Ann Lee barked.": a person and a verb in the past after a quote left open by its
/// comma, whatever the verb.
fn any_verb_after(cx: &Context<'_>) -> Verdict {
    let toks = &cx.after_toks;
    let (cp, co) = cx.q.close;
    let Some(v) = unlisted_verb(cx.q, toks) else { return Verdict::Pass };
    let range = if v == 0 { co + toks[0].end..co + cx.after_end } else { co..co + toks[v].start };
    speaker_or_pass(cx.speakers(cp, range).into_iter().find(|m| cx.is_person(m)))
}

/// "“…,” Ann Lee said. “…”": a short sentence of attribution right before the quote's
/// sentence, with nothing else before the quote; "Ann Lee added that the bank wants out. “…”":
/// a sentence that opens with its speaker. A pronoun there speaks for the quote before (see
/// [`carry_speakers`]); "said Lee campaign spokesman Bo Ek. “…”": Bo Ek, not Lee; "an
/// anonymous businessman tells Harbor Radio. “…”": whom a speaker tells is not the speaker.
fn sentence_before(cx: &Context<'_>) -> Verdict {
    let toks = &cx.attribution;
    let short = cx.sentence_start > 0 && cx.head[cx.sentence_start..].trim().is_empty();
    let opens_with_speaker =
        |v: usize| v <= 3 && toks[..v].iter().all(|t| crate::text::is_capitalized(t.text));
    let verb = toks.iter().position(|t| is_speech_verb_token(t.text));
    let Some(v) =
        verb.filter(|&v| short && (toks.len() <= 6 || cx.follows_quote && v <= 8 || opens_with_speaker(v)))
    else {
        return Verdict::Pass;
    };
    if toks[..v].iter().any(|t| is_pronoun(t.text)) {
        return Verdict::Nobody;
    }
    let tells = lexicon::TELL.contains(&toks[v].text.to_lowercase());
    let end = if tells { cx.previous + toks[v].start } else { cx.sentence_start };
    speaker_or_pass(head_of(&cx.speakers(cx.q.paragraph, cx.previous..end), cx.para_text, cx.actors))
}

/// "According to Ann Lee, “…"; "according to the expert, it depends on whether Ann Lee's …":
/// the source ends at the comma.
fn according_to_before(cx: &Context<'_>) -> Verdict {
    let Some(a) = crate::text::according_to(cx.lower.iter().map(String::as_str)) else {
        return Verdict::Pass;
    };
    let start = cx.q.range.start;
    let from = cx.at(a + 1);
    let end = cx.head[from..start.min(cx.head.len())].find(',').map_or(start, |c| from + c);
    speaker_or_pass(cx.speakers(cx.q.paragraph, from..end).first().copied())
}

/// "As The Post's Ann Lee puts it, Ivo Brandt is “…”": the one whose words they are.
fn as_puts_it(cx: &Context<'_>) -> Verdict {
    let lower = &cx.lower;
    let puts_it = lower.windows(2).position(|w| matches!(w[0].as_str(), "put" | "puts") && w[1] == "it");
    let Some(v) = puts_it.filter(|&v| v > 1 && lower[0] == "as") else { return Verdict::Pass };
    speaker_or_pass(head_of(&cx.speakers(cx.q.paragraph, cx.at(1)..cx.at(v)), cx.para_text, cx.actors))
}

/// "Said Ann Lee, “…" and "Because of the calendar, explained Ann Lee, “…": the name right
/// after a verb that opens the sentence or that a comma sets off (not "Lee told Ivo Brandt:
/// “…").
fn verb_then_name_before(cx: &Context<'_>) -> Verdict {
    let (toks, lower, para_text) = (&cx.toks, &cx.lower, cx.para_text);
    let start = cx.q.range.start;
    let opens = toks.first().is_some_and(|t| crate::text::is_capitalized(t.text) && is_speech_verb(t.text));
    let set_off = cx.finite.filter(|&v| {
        is_speech_verb_token(toks[v].text)
            && !lexicon::TELL.contains(&lower[v])
            && para_text[..cx.at(v)].trim_end().ends_with(',')
    });
    let named_right_after = |v: usize| {
        let m = head_of(&cx.speakers(cx.q.paragraph, cx.at(v)..start), para_text, cx.actors)?;
        let gap = para_text.get(cx.at(v) + toks[v].text.len()..m.offset)?;
        let rest = para_text[m.offset..start].trim_end_matches(is_opener).trim_end();
        (gap.trim().is_empty() && rest.ends_with([',', ':'])).then_some(*m)
    };
    opens
        .then_some(0)
        .into_iter()
        .chain(set_off)
        .find_map(named_right_after)
        .map_or(Verdict::Pass, Verdict::Speaker)
}

/// "He is being described by the international community as a “co-aggressor”": a verb of
/// speech in the passive is said of its subject, not by it. Its speaker is the one named
/// after "by", or no one named; "was quoted as saying “…”" is the subject's own.
fn passive(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.finite.filter(|&v| v > 0) else { return Verdict::Pass };
    let lower = &cx.lower;
    let be = |w: &str| matches!(w, "is" | "was" | "are" | "were" | "be" | "been" | "being");
    // "was described", "is widely described", "has been called".
    let passive = be(&lower[v - 1]) || v > 1 && lower[v - 1].ends_with("ly") && be(&lower[v - 2]);
    if !passive || lower[v + 1..].iter().any(|w| w == "saying") {
        return Verdict::Pass;
    }
    let by = (v + 1..lower.len()).find(|&i| lower[i] == "by");
    let agent = by.and_then(|b| {
        let next = cx.toks.get(b + 1).map_or(cx.q.range.start, |_| cx.at(b + 1));
        // Right after "by", or after a title: "by Senator Ann Lee".
        let first = *cx.speakers(cx.q.paragraph, next..cx.q.range.start).first()?;
        let title = crate::text::words(&cx.para_text[next..first.offset]).all(crate::text::is_capitalized);
        title.then_some(first)
    });
    agent.copied().into()
}

/// "In a recent AP interview, he even said …": a pronoun right before the verb is its subject.
fn pronoun_before_verb(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.introducing_verb() else { return Verdict::Pass };
    match cx.lower[v.saturating_sub(3)..v].iter().find_map(|w| pronoun_sex(w)) {
        Some(sex) => cx.antecedent(sex, &[]),
        None => Verdict::Pass,
    }
}

/// "X threw her support behind Y, saying “…": a participle's speaker is the subject, a person
/// before an organisation.
fn participle_subject(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.introducing_verb().filter(|&v| cx.is_participle(v)) else {
        return Verdict::Pass;
    };
    let before = cx.named_before(v);
    speaker_or_pass(before.iter().find(|m| cx.is_person(m)).or(before.first()).copied())
}

/// "Ann Lee, the chair, has said “…": the finite verb's subject when one joins it; else the
/// nearest person, else the nearest name.
fn verb_subject(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.introducing_verb().filter(|&v| !cx.is_participle(v)) else {
        return Verdict::Pass;
    };
    let para_text = cx.para_text;
    let before = cx.named_before(v);
    let verb_at = cx.at(v);
    let subject = before.iter().rev().find(|m| joins_its_verb(&para_text[m.offset..verb_at]));
    let heads: Vec<&&Mention> = before
        .iter()
        .filter(|m| !qualifies_a_noun(para_text, m.offset) && !after_preposition(para_text, m.offset))
        .collect();
    let nearest = heads
        .iter()
        .rfind(|m| cx.is_person(m))
        .map(|m| **m)
        .or(before.iter().rfind(|m| !after_preposition(para_text, m.offset)).copied());
    speaker_or_pass(subject.copied().or(nearest))
}

/// "…, the Kazakh President said: “…": the one the article named before.
fn noun_then_verb_before(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.introducing_verb().filter(|&v| !cx.is_participle(v)) else {
        return Verdict::Pass;
    };
    let (start, verb_at) = (cx.sentence_start, cx.at(v));
    let phrase_at = cx.para_text[start..verb_at].rfind(',').map_or(start, |c| start + c + 1);
    let phrase: Vec<&str> = word_tokens(&cx.para_text[phrase_at..verb_at]).iter().map(|t| t.text).collect();
    referred_to(&phrase, cx.q, cx.mentions, cx.actors).map_or(Verdict::Pass, Verdict::Speaker)
}

/// "He then turned to the budget, and said …": a pronoun anywhere before the verb.
fn pronoun_before(cx: &Context<'_>) -> Verdict {
    let Some(v) = cx.introducing_verb() else { return Verdict::Pass };
    match cx.lower[..v].iter().find_map(|w| pronoun_sex(w)) {
        Some(sex) => cx.antecedent(sex, &[]),
        None => Verdict::Pass,
    }
}

/// "X responded by explaining it was impossible: “…": a quote introduced by a colon (or a
/// dash) belongs to the person the sentence is about; "The board was conclusive in its
/// findings: “…”": an organisation when no person.
fn colon(cx: &Context<'_>) -> Verdict {
    let introduced = cx.clause.trim_end();
    if !(introduced.ends_with([':', '—', '–']) || introduced.ends_with("--")) {
        return Verdict::Pass;
    }
    let named = cx.speakers(cx.q.paragraph, cx.sentence_start..cx.q.range.start);
    speaker_or_pass(named.iter().find(|m| cx.is_person(m)).or(named.first()).copied())
}

/// A quote with nothing before it in its sentence: its speaker is named in the paragraph
/// before or after (see [`from_neighbours`]), or is no one.
fn neighbouring_paragraph(cx: &Context<'_>) -> Verdict {
    if !cx.clause.trim().is_empty() {
        return Verdict::Pass;
    }
    from_neighbours(cx.q, cx.paragraphs, cx.mentions, cx.actors).into()
}

/// "acted in the movie “Hell No”", "bought a “promoted trend”": a name or a thing the sentence
/// names, which no one said.
fn names_a_thing_sieve(cx: &Context<'_>) -> Verdict {
    if names_a_thing(cx.q, cx.para_text) { Verdict::Nobody } else { Verdict::Pass }
}

/// "Ann Lee worried that the net was becoming “a hammock …”": with no verb of speech, a quote
/// belongs to the person its sentence opens with.
fn sentence_subject(cx: &Context<'_>) -> Verdict {
    let people: Vec<&Mention> = cx
        .speakers(cx.q.paragraph, cx.sentence_start..cx.q.range.start)
        .into_iter()
        .filter(|m| cx.is_person(m))
        .collect();
    opening_subject(&people, cx.para_text, cx.sentence_start).copied().into()
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
        && !word_tokens(rest).iter().any(|t| is_speech_verb_token(t.text))
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
        let toks = word_tokens(rest);
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
        let toks = word_tokens(&text[last.clone()]);
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
            word_tokens(&text[last.clone()]).get(SUBJECT_WORDS).map_or(last.end, |t| last.start + t.start);
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

/// The rule of a quote whose speaker is that of a quote near it in its paragraph.
pub(crate) const CARRIED_IN_PARAGRAPH: &str = "carried-in-paragraph";

/// The rule of a quote that opens a paragraph and continues the speech of the one before.
pub(crate) const CARRIED_FROM_PARAGRAPH_BEFORE: &str = "carried-from-paragraph-before";

/// The rule of a quote whose speaker the attribution describes without a name ("…,” an
/// anonymous businessman tells Al Jazeera), and of one that the quote before it in the
/// paragraph passes such a speaker on to.
pub(crate) const DESCRIBED: &str = "described";
pub(crate) const DESCRIBED_CARRIED: &str = "described-carried";

/// Fills in speakers for quotes that continue another quote, with the rule that did.
///
/// Within a paragraph (`“…,” he said. “And …”`) the nearest attributed quote speaks for an
/// unattributed one. Across paragraphs, a paragraph that opens with a quote and names no
/// speaker of its own continues the speaker of the paragraph before when that paragraph's last
/// quote is attributed: the print convention for a speech quoted over several paragraphs
/// (`“…,” Ann Lee said.` / `“It is changing every day.”`). `order` lists the article's
/// paragraphs as read.
pub(crate) fn carry_speakers(quotes: &mut [(RawQuote, Attribution)], order: &[(usize, &str)]) {
    let text_of = |p: usize| text_of(order, p);
    // Words between two quotes of one paragraph, when one ends before the other opens.
    let gap = |a: &RawQuote, b: &RawQuote| {
        let (first, second) = if a.range.start < b.range.start { (a, b) } else { (b, a) };
        let text = text_of(first.paragraph);
        let between = text.get(first.close.1.min(second.range.start)..second.range.start).unwrap_or("");
        crate::text::words(between).count()
    };
    for i in 0..quotes.len() {
        if quotes[i].1.speaker.is_some() {
            continue;
        }
        let p = quotes[i].0.paragraph;
        // Close by: "… cries to “keep going”" three sentences away from someone else's quote
        // is not theirs.
        let near = (0..quotes.len())
            .filter(|&j| j != i && quotes[j].0.paragraph == p && quotes[j].1.speaker.is_some())
            .filter(|&j| quotes[j].0.close.0 != p || gap(&quotes[i].0, &quotes[j].0) <= MAX_CARRY_GAP)
            .min_by_key(|&j| (j as isize - i as isize).unsigned_abs());
        if let Some(j) = near {
            quotes[i].1 = Attribution { speaker: quotes[j].1.speaker, rule: CARRIED_IN_PARAGRAPH };
        }
    }
    // In reading order, so that a speech over three paragraphs carries to the third.
    for i in 0..quotes.len() {
        let (q, who) = &quotes[i];
        let Some(k) = order.iter().position(|(p, _)| *p == q.paragraph).filter(|_| who.speaker.is_none())
        else {
            continue;
        };
        let text = order[k].1;
        // "“…,” a spokesman said." has a speaker, only not one with a name.
        let (cp, co) = q.close;
        let after = text_of(cp).get(co..).unwrap_or("");
        let toks = word_tokens(&after[..clause_end(after)]);
        let attributed = (0..toks.len()).any(|i| speaks_at(&toks, i)) || unlisted_verb(q, &toks).is_some();
        if !opens_its_paragraph(q, text) || attributed {
            continue;
        }
        let Some(&(previous, _)) = k.checked_sub(1).and_then(|k| order.get(k)) else { continue };
        let last = quotes[..i].iter().rfind(|(q, _)| q.paragraph == previous || q.close.0 == previous);
        if let Some(speaker) = last.and_then(|(_, a)| a.speaker) {
            quotes[i].1 = Attribution { speaker: Some(speaker), rule: CARRIED_FROM_PARAGRAPH_BEFORE };
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
