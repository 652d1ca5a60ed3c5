//! Extract: per article, the actors, quotes with speakers, figures, dated events and the
//! sentences that carry claims. Rule-based and offline: general knowledge in [`lexicon`], no
//! model to download, nothing about particular articles.
//!
//! Articles run in parallel (rayon), and so do the sentences of a long one; copies of another
//! article are skipped, and so are paragraphs that repeat an earlier one, so that nothing is
//! counted twice.

pub mod actors;
pub mod figures;
pub mod lexicon;
pub mod quotes;

use anyhow::Result;
use rayon::prelude::*;

use super::{Stage, StageContext};
use crate::cache::{Cache, KeyBuilder};
use crate::config::ExtractConfig;
use crate::dates::{DateKind, find_dates, resolve};
use crate::model::{
    ActorKind, Article, ClaimKind, Corpus, Event, Extraction, Figure, Quote, Span, Statement,
};
use crate::text::{is_capitalized, sentences};

/// An article's sentences are read in parallel in tasks of at least this many: a news article
/// (20 to 80 sentences) stays one task on the thread that has it, while a page of thousands of
/// sentences is spread over every thread.
pub(crate) const SENTENCES_PER_TASK: usize = 256;

/// The extract stage.
pub struct Extract;

impl Stage for Extract {
    fn name(&self) -> &'static str {
        "extract"
    }

    fn run(&self, ctx: &StageContext<'_>, mut corpus: Corpus) -> Result<Corpus> {
        let cfg = &ctx.config.extract;
        let settings = format!("{cfg:?}");
        corpus.articles = std::mem::take(&mut corpus.articles)
            .into_par_iter()
            .map(|mut article| {
                if article.duplicate_of.is_none() {
                    let key = ctx.cache.map(|cache| (cache, input_key(cache, &settings, &article)));
                    article.extraction =
                        Cache::or_compute(key, self.name(), || extract_article(&article, cfg));
                }
                ctx.progress.inc();
                article
            })
            .collect();
        Ok(corpus)
    }
}

/// The cache key of an article's extraction: everything [`extract_article`] reads, which is the
/// paragraphs (text, heading flag, and whether dedup marked them as repeats), the date and the
/// dateline.
fn input_key(cache: &Cache, settings: &str, article: &Article) -> crate::cache::Key {
    let meta = format!("{:?} {:?}", article.meta.date, article.meta.dateline);
    let mut key = KeyBuilder::new(cache, "extract", settings).bytes(meta.as_bytes());
    for p in &article.paragraphs {
        key = key.u64(p.index as u64).u64(u64::from(p.heading) | u64::from(p.duplicate_of.is_some()) << 1);
        key = key.bytes(p.text.as_bytes());
    }
    key.finish()
}

/// A heading in Title Case ("Won’t Get Fooled Again") names nothing: most of its words are
/// capitalised only because it is a heading.
fn title_case(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    let caps = ws.iter().filter(|w| is_capitalized(w)).count();
    ws.len() >= 3 && caps * 10 >= ws.len() * 7
}

/// What sets a headline in Title Case apart from running text: its words with letters, how
/// many are capitalised, how many have a lower-case letter (a line in capitals is shouted,
/// not title-cased) and how many capitalised function words follow the first word ("The"
/// opens many names, and "May", "Will" and initials are names).
struct Casing {
    words: usize,
    capitalised: usize,
    mixed: usize,
    function_words: usize,
}

impl Casing {
    fn of(text: &str) -> Casing {
        let ws: Vec<&str> = crate::text::words(text).filter(|w| w.chars().any(char::is_alphabetic)).collect();
        let function_words = ws
            .iter()
            .skip(1)
            .filter(|w| w.chars().count() > 1 && is_capitalized(w))
            .map(|w| w.to_lowercase())
            .filter(|w| crate::text::is_stop_word(w) && !["the", "may", "will", "can"].contains(&w.as_str()))
            .count();
        Casing {
            words: ws.len(),
            capitalised: ws.iter().filter(|w| is_capitalized(w)).count(),
            mixed: ws.iter().filter(|w| w.chars().any(char::is_lowercase)).count(),
            function_words,
        }
    }

    fn mostly_capitalised(&self) -> bool {
        self.capitalised * 10 >= self.words * 7 && self.mixed * 2 >= self.words
    }
}

/// A headline set in Title Case inside running text ("Flint Water Response Perfectly Captures
/// The Difference Between Bernie Sanders And Hillary Clinton.", a title, a list of related
/// stories): its capitals are no evidence of names.
fn title_case_sentence(sentence: &str) -> bool {
    let casing = Casing::of(sentence);
    casing.words >= 4 && casing.mostly_capitalised() && casing.function_words >= 2
}

/// One part of a headline in Title Case, between colons, dashes and quotation marks: a name
/// ("Cecile Richards") has no function word.
fn title_case_part(part: &str) -> bool {
    let casing = Casing::of(part);
    casing.mostly_capitalised() && casing.function_words >= 1
}

/// Where a headline's parts meet.
const HEADLINE_BREAKS: &[char] = &[':', '—', '–', '|', '“', '”', '"', '‘'];

/// Whether the words at `at` belong to a relative clause ("Ana Lind, the leader who ran in
/// 2020, called …", "… Ana Lind, who took office in 2019."): a date there tells when something
/// else happened than what the sentence reports.
fn in_relative_clause(sentence: &str, at: usize) -> bool {
    let before = &sentence[..at];
    let clause = before.rfind([',', '(', '—', '–']).map_or(before, |i| &before[i..]);
    clause.split_whitespace().any(|w| matches!(w, "who" | "which" | "whose" | "whom"))
}

/// The sentences of paragraphs given as (index, text): (paragraph, byte offset, sentence).
/// Of a headline in Title Case, only the parts that are not, between colons, dashes and
/// quotation marks, are kept: "Cecile Richards" of "Cecile Richards: ‘I’m Sick Of Men …’".
fn sentences_of<'a>(paragraphs: &[(usize, &'a str)]) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    for &(p, text) in paragraphs {
        for r in sentences(text) {
            let sentence = &text[r.clone()];
            if !title_case_sentence(sentence) {
                out.push((p, r.start, sentence));
                continue;
            }
            let mut start = 0;
            let parts =
                sentence.match_indices(|c| HEADLINE_BREAKS.contains(&c)).chain([(sentence.len(), "")]);
            for (end, mark) in parts {
                let part = sentence[start..end].trim_start();
                let at = r.start + end - part.len();
                if crate::text::words(part).next().is_some() && !title_case_part(part) {
                    out.push((p, at, part.trim_end()));
                }
                start = end + mark.len();
            }
        }
    }
    out
}

/// The dated events of one sentence, its dates resolved against the article's date `anchor`
/// and a year the sentence names.
fn events_in(s: &str, sentence: Span, anchor: Option<crate::model::Day>) -> Vec<Event> {
    let dates = find_dates(s);
    let nearby_year = dates.iter().find_map(|m| match m.kind {
        DateKind::Year(y) => Some(y),
        DateKind::Full(d) | DateKind::MonthYear(d) => Some(d.year),
        _ => None,
    });
    dates
        .into_iter()
        .filter(|m| !in_relative_clause(s, m.range.start))
        .filter_map(|m| {
            let date = resolve(m.kind, anchor, nearby_year)?;
            Some(Event { date, as_written: s[m.range].to_string(), sentence })
        })
        .collect()
}

/// An article's dated events, resolved against `anchor`: once an undated article's date is
/// inferred, its "May 16" and "Friday" find their year and day.
pub(crate) fn events_of(article: &Article, anchor: crate::model::Day) -> Vec<Event> {
    let paragraphs: Vec<(usize, &str)> = article
        .paragraphs
        .iter()
        .filter(|p| !(p.heading && title_case(&p.text)) && p.duplicate_of.is_none())
        .map(|p| (p.index, p.text.as_str()))
        .collect();
    sentences_of(&paragraphs)
        .into_iter()
        .flat_map(|(p, offset, s)| events_in(s, Span::new(p, offset..offset + s.len()), Some(anchor)))
        .collect()
}

/// Everything extract finds in one article.
pub fn extract_article(article: &Article, cfg: &ExtractConfig) -> Extraction {
    // Actors are read from every paragraph: a dateline or a paragraph that another article
    // also carries still names who this article is about. Quotes, claims, figures and dates
    // come from the paragraphs that are this article's own, so that copies count once.
    let readable: Vec<&crate::model::Paragraph> =
        article.paragraphs.iter().filter(|p| !(p.heading && title_case(&p.text))).collect();
    let named: Vec<(usize, &str)> = readable.iter().map(|p| (p.index, p.text.as_str())).collect();
    let paragraphs: Vec<(usize, &str)> =
        readable.iter().filter(|p| p.duplicate_of.is_none()).map(|p| (p.index, p.text.as_str())).collect();
    let named_sents = sentences_of(&named);
    let sents = sentences_of(&paragraphs);
    let headings: Vec<usize> = readable.iter().filter(|p| p.heading).map(|p| p.index).collect();
    let full_text: String = named.iter().map(|(_, t)| *t).collect::<Vec<_>>().join("\n");
    let (mut actors, mentions) = actors::collect(&named_sents, &full_text);
    if let Some(dateline) = &article.meta.dateline {
        actors::add_dateline(&mut actors, dateline);
    }

    // Quotes and their speakers.
    let mut quotes = Vec::new();
    let mut quote_speakers: Vec<(usize, std::ops::Range<usize>, Option<usize>)> = Vec::new();
    let sexes = quotes::sexes(&paragraphs, &mentions, &actors);
    let mut found_quotes: Vec<(quotes::RawQuote, quotes::Attribution)> = quotes::find(&paragraphs)
        .into_iter()
        .map(|q| {
            let who = quotes::speaker(&q, &paragraphs, &mentions, &actors, &sexes);
            (q, who)
        })
        .collect();
    // Short quotes ("“It's unusual,” said Ann Lee. “…”") pass their speaker on, and go unless
    // they are a whole utterance or a speaker's partial quote ("denounced the sanctions as
    // “illegal piggery”"); a scare quote without a speaker goes.
    quotes::carry_speakers(&mut found_quotes, &paragraphs);
    found_quotes.retain(|(q, who)| {
        crate::text::words(&q.text).count() >= cfg.min_quote_words
            || who.speaker.is_some()
                && (quotes::is_utterance(q, &paragraphs) || quotes::is_partial_quote(q, &paragraphs))
    });
    // What the attribution says of the speaker; where it says nothing ("Lee added"), what the
    // article first says of them elsewhere ("Ann Lee, the chair of the Party, called …"), so
    // that each of a person's quotes describes them alike.
    let at = |m: &actors::Mention| {
        quotes::apposition(quotes::text_of(&paragraphs, m.paragraph), m.offset, &actors[m.actor])
    };
    // Looked up once per actor, however many of their quotes need it.
    let mut first_description: Vec<Option<Option<&str>>> = vec![None; actors.len()];
    let mut described = Vec::with_capacity(found_quotes.len());
    for (q, quotes::Attribution { speaker: who, rule }) in found_quotes {
        let apposition = who.and_then(|m| {
            at(&m).or_else(|| {
                *first_description[m.actor].get_or_insert_with(|| {
                    mentions
                        .iter()
                        .filter(|n| n.actor == m.actor)
                        .find_map(|n| at(n).filter(|a| quotes::names_a_role(a)))
                })
            })
        });
        described.push((q, who, rule, apposition));
    }
    // A described speaker goes on, as a named one does (see `quotes::carry_speakers`), to the
    // unattributed quote that follows in the same paragraph: "“…,” added a Nevada Democrat. “…”".
    let mut last_described: Option<(usize, String)> = None;
    for (q, who, rule, apposition) in described {
        let (described_speaker, rule) = if who.is_some() {
            (None, rule)
        } else if let Some(d) = quotes::described_speaker(&q, &paragraphs) {
            (Some(d), quotes::DESCRIBED)
        } else {
            let carried = last_described.as_ref().filter(|(p, _)| *p == q.paragraph).map(|(_, d)| d.clone());
            // With no one named nor described, the sieve that found no one.
            let rule = if carried.is_some() { quotes::DESCRIBED_CARRIED } else { rule };
            (carried, rule)
        };
        last_described = described_speaker.clone().map(|d| (q.close.0, d));
        quote_speakers.push((q.paragraph, q.range.clone(), who.map(|m| m.actor)));
        // "Ann Lee, the chair of the Party, said": the chair of the Party is one of her roles.
        if let (Some(m), Some(role)) = (who, apposition.and_then(quotes::role_in))
            && actors[m.actor].kind == ActorKind::Person
        {
            let mut roles = std::mem::take(&mut actors[m.actor].roles).into_vec();
            crate::sorted::insert(&mut roles, role.to_string());
            actors[m.actor].roles = roles.into_boxed_slice();
        }
        quotes.push(Quote {
            text: q.text,
            speaker: who.map(|m| actors[m.actor].name.clone()),
            speaker_apposition: apposition.map(str::to_string),
            described_speaker,
            rule: rule.to_string(),
            paragraph: q.paragraph,
        });
    }

    let anchor = article.meta.date;
    let mut figures = Vec::new();
    let mut events = Vec::new();
    let mut statements = Vec::new();
    // What each sentence holds on its own, found in parallel; what follows reads it in order.
    let per_sentence: Vec<(Vec<figures::RawFigure>, Vec<Event>)> = sents
        .par_iter()
        .with_min_len(SENTENCES_PER_TASK)
        .map(|&(p, offset, s)| {
            (figures::find(s), events_in(s, Span::new(p, offset..offset + s.len()), anchor))
        })
        .collect();
    for (&(p, offset, s), (found, dated_events)) in sents.iter().zip(per_sentence) {
        let sentence = Span::new(p, offset..offset + s.len());
        for f in &found {
            figures.push(Figure {
                value: f.value.clone(),
                number: f.number,
                number_max: f.number_max,
                unit: f.unit.clone(),
                about: f.about.clone(),
                sentence,
            });
        }
        let dated = !dated_events.is_empty();
        events.extend(dated_events);
        // A claim: a sentence of some length that names an actor, a number or a date.
        let words = crate::text::words(s).count();
        let in_sentence: Vec<u32> = {
            let mut named: Vec<u32> =
                actors::mentions_in(&mentions, p, offset..offset + s.len()).map(|m| m.actor as u32).collect();
            named.sort_unstable();
            named.dedup();
            named
        };
        // A sentence that ends in a colon only introduces what follows (a list, an update of a
        // live report, a quote in the next paragraph): it says nothing of its own. Nor does a
        // subheading, which names what the paragraphs under it say.
        let introduces = s.trim_end().ends_with(':') || headings.contains(&p);
        if words < 8 || introduces || (in_sentence.is_empty() && found.is_empty() && !dated) {
            continue;
        }
        let quoted = quote_speakers
            .iter()
            .find(|(qp, r, _)| *qp == p && r.start >= offset && r.start < offset + s.len());
        let attributed_to = quoted
            .and_then(|&(_, _, who)| who)
            .or_else(|| reported_by(s, offset, p, &mentions, &actors))
            .map(|i| i as u32);
        let kind = if quoted.is_some() {
            ClaimKind::Quote
        } else if !found.is_empty() {
            ClaimKind::Figure
        } else if dated {
            ClaimKind::Event
        } else {
            ClaimKind::Statement
        };
        statements.push(Statement { sentence, kind, actors: in_sentence, attributed_to });
    }
    Extraction { actors, quotes, figures, events, statements }
}

/// Reported speech: "X said (that) …", "according to X, …", "…, X said." Returns the speaker
/// as an index in `local`.
fn reported_by(
    s: &str,
    offset: usize,
    p: usize,
    mentions: &[actors::Mention],
    local: &[crate::model::LocalActor],
) -> Option<usize> {
    let toks = actors::tokenize(s);
    let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    let in_range = |from: usize, to: usize| {
        actors::mentions_in(mentions, p, offset + from..offset + to)
            .filter(|m| quotes::can_speak(&local[m.actor]))
    };
    if let Some(a) = crate::text::according_to(lower.iter().map(String::as_str)) {
        // "according to the expert, it depends on Russia": the source ends at the comma.
        let from = toks[a + 1].end;
        let to = toks.get(a + 8).map_or(s.len(), |t| t.end);
        let to = s[from..to].find(',').map_or(to, |c| from + c);
        if let Some(m) = in_range(from, to).next() {
            return Some(m.actor);
        }
    }
    // A speech verb in lower case: "the United States" says nothing; nor do "the NATO states"
    // or "his claims", where the word is a noun.
    let noun = |i: usize| {
        let after_determiner = i > 0
            && matches!(
                lower[i - 1].as_str(),
                "the"
                    | "these"
                    | "those"
                    | "many"
                    | "some"
                    | "other"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "of"
            );
        let next = lower.get(i + 1).map(String::as_str);
        after_determiner
            || lower[i] == "states" && next != Some("that")
            // "Ann Lee continues to tie the country to Russia": going on, not speaking.
            || lower[i].starts_with("continue") && next == Some("to")
    };
    let verb = (0..toks.len()).find(|&i| quotes::is_speech_verb_token(toks[i].text) && !noun(i))?;
    let at = toks[verb].start;
    let from = toks[verb.saturating_sub(20)].start;
    // The subject: the nearest name before the verb that only its own name, an apposition or
    // an adverb separate from it ("Ann Lee, the leader, has repeatedly said"); not the object
    // of another verb ("the resolution did not recognize Ann Lee and demanded …").
    let before: Vec<&actors::Mention> = in_range(from, at).collect();
    let subject = before.iter().rev().find(|m| quotes::joins_its_verb(&s[m.offset - offset..at]));
    if let Some(m) = subject {
        return Some(m.actor);
    }
    // "…, said Ann Lee": a name right after the verb, not "wrote that Ann Lee’s …".
    if lower.get(verb + 1).is_some_and(|w| w == "that") {
        return None;
    }
    in_range(toks[verb].end, toks.get(verb + 3).map_or(s.len(), |t| t.end))
        .find(|m| !quotes::is_possessive(&s[m.offset - offset..], 0))
        .map(|m| m.actor)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Day;

    fn article(paras: &[&str]) -> Article {
        Article::from_paragraphs("a", Day::ymd(2022, 5, 20), paras)
    }

    /// Asserts the speaker of each quote extract finds in an article of these paragraphs.
    #[track_caller]
    fn assert_speakers(paras: &[&str], expected: &[Option<&str>]) {
        let x = extract_article(&article(paras), &ExtractConfig::default());
        let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, expected);
    }

    /// Asserts what the attribution says of each quote's speaker in an article of these paragraphs.
    #[track_caller]
    fn assert_descriptions(paras: &[&str], expected: &[Option<&str>]) {
        let x = extract_article(&article(paras), &ExtractConfig::default());
        let asides: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker_apposition.as_deref()).collect();
        assert_eq!(asides, expected);
    }

    /// One case of `tests/rules/speakers.toml`.
    #[derive(serde::Deserialize)]
    struct SpeakerCase {
        name: String,
        paragraphs: Vec<String>,
        quotes: Vec<ExpectedQuote>,
    }

    /// What a case expects of one quote.
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct ExpectedQuote {
        speaker: Option<String>,
        described: Option<String>,
        rule: String,
    }

    #[test]
    fn every_speaker_rule_decides_its_cases() {
        #[derive(serde::Deserialize)]
        struct Table {
            case: Vec<SpeakerCase>,
        }
        let table: Table =
            toml::from_str(include_str!("../../../tests/rules/speakers.toml")).expect("speakers.toml");
        let mut failures = Vec::new();
        for case in &table.case {
            let paras: Vec<&str> = case.paragraphs.iter().map(String::as_str).collect();
            let x = extract_article(&article(&paras), &ExtractConfig::default());
            let found: Vec<ExpectedQuote> = x
                .quotes
                .iter()
                .map(|q| ExpectedQuote {
                    speaker: q.speaker.clone(),
                    described: q.described_speaker.clone(),
                    rule: q.rule.clone(),
                })
                .collect();
            if found != case.quotes {
                failures.push(format!("{}: expected {:?}, found {:?}", case.name, case.quotes, found));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        // Every sieve and every other rule has a case that it decides.
        let decided: std::collections::HashSet<&str> =
            table.case.iter().flat_map(|c| c.quotes.iter().map(|q| q.rule.as_str())).collect();
        let rules = quotes::SIEVES.iter().map(|s| s.name).chain([
            quotes::CARRIED_IN_PARAGRAPH,
            quotes::CARRIED_FROM_PARAGRAPH_BEFORE,
            quotes::DESCRIBED,
            quotes::DESCRIBED_CARRIED,
        ]);
        let untested: Vec<&str> = rules.filter(|r| !decided.contains(r)).collect();
        assert!(untested.is_empty(), "rules with no case in tests/rules/speakers.toml: {untested:?}");
    }

    #[test]
    fn a_speaker_is_not_whom_the_attribution_addresses_or_mentions() {
        assert_speakers(
            &[
                "Ivo Brandt asked Tom Frey about the wall.",
                "“It could be higher than that,” he told Brandt.",
                "“This will be a challenge” for Frey, said Anna Berg.",
                "“Nobody is safe,” said Frey supporter Jon Lind when asked about it.",
                "“We gave it all back,” said Frey campaign manager Olaf Berg. Frey called on others to do so.",
                "Senator Eva Holm said that Frey is a “good and decent man,” and said that Brandt “melted down last night.”",
                "The book quotes former Brandt adviser Karl Lund:",
                "“I would love the unions to be worse off, and I am not ashamed to say it.”",
                "“Many have opened offices here,” an anonymous businessman tells Harbor Radio.",
                "“It is a war of three,” Ana Lind from the Harbor Council on Foreign Relations (HCFR) told the paper.",
            ],
            &[
                Some("Tom Frey"),
                Some("Anna Berg"),
                Some("Jon Lind"),
                Some("Olaf Berg"),
                Some("Eva Holm"),
                Some("Eva Holm"),
                Some("Karl Lund"),
                None,
                Some("Ana Lind"),
            ],
        );
    }

    #[test]
    fn the_senator_and_the_foundation_are_the_ones_named_before() {
        assert_speakers(
            &[
                "Sen. Ana Lind and the Harbor Foundation met on Monday.",
                "“We will fund it,” the foundation said. “The bill will pass,” the senator said.",
                "Asked about the vote, the senator said: “We will win it by ten votes.”",
                "Sen. Jon Frey disagreed with her.",
                "“It will not pass this year or in any other year,” the senator said.",
                "Sen. Ana Lind and Sen. Jon Frey left the chamber together.",
                "“We will try again next year, with a bill that has more votes,” the senator said.",
            ],
            // Two senators by then: "the senator" is the one named last, just before, and
            // could be either once both are named together.
            &[Some("Harbor Foundation"), Some("Ana Lind"), Some("Ana Lind"), Some("Jon Frey"), None],
        );
        // A senator in office is not "the former senator".
        assert_speakers(
            &[
                "Sen. Ana Lind met the mayor on Monday.",
                "“We will pass the bill next year, whatever it takes,” the former senator said.",
            ],
            &[None],
        );
    }

    #[test]
    fn a_speaker_keeps_what_the_attribution_says_of_them() {
        let x = extract_article(
            &article(&[
                "“The vote is close,” said Ana Lind, the chair of the Farmers' Union. Ana Lind, 52, of Tula, Ark., has said before: “We will win the vote.”",
                "“It was not close at all,” Rep. Jon Frey (R-Ohio), a member of the committee, told reporters in a statement.",
                "“They lost,” said Bo Ek, adding that nobody was surprised. Frey, he said, was “not a good loser at all today”.",
                "“It is over,” said Eva Lund of the Heritage Institute. “It is,” said Lund of the plans of Ivo Brandt, “a defeat for everybody here.”",
                "“We are done with it,” said Nils Berg, clearly tired.",
                "“It is late,” said voter Kim Holm of Derry, N.H., before the event.",
                "“No,” replied Per Dahl, President of the Farmers' Union, when asked.",
            ]),
            &ExtractConfig::default(),
        );
        let asides: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker_apposition.as_deref()).collect();
        // The description's first clause is a role; an age, a home or a clause about them is not.
        let roles = |name: &str| x.actors.iter().find(|a| a.name == name).map(|a| a.roles.to_vec());
        assert_eq!(roles("Ana Lind"), Some(vec!["chair of the Farmers' Union".to_string()]));
        assert_eq!(roles("Per Dahl"), Some(vec!["President of the Farmers' Union".to_string()]));
        assert_eq!(roles("Kim Holm"), Some(Vec::new()));
        assert_eq!(
            asides,
            [
                Some("the chair of the Farmers' Union"),
                Some("52, of Tula, Ark."),
                Some("(R-Ohio), a member of the committee"),
                None,
                None,
                Some("of the Heritage Institute"),
                None,
                None,
                None,
                Some("of Derry, N.H."),
                Some("President of the Farmers' Union"),
            ]
        );
    }

    #[test]
    fn a_speaker_named_again_is_described_as_first_described() {
        assert_descriptions(
            &[
                "Ana Lind, the chair of the Farmers' Union, called the vote a “disgrace.”",
                "“We will not accept it,” Lind said. “It is over,” said Ivo Brandt, the Post reported.",
                "“It was a good vote,” said Jon Frey, a pollster who advised Brandt.",
                "“We have won it,” said Tor Lid of Madison, Alabama, after the vote.",
                "Eva Holm, a conservative independent, went to see Brandt last week. “She is a fake,” Holm said.",
                "Ivo Brandt brought Bo Ek, a former county chairman in Tula, onto the stage. Ek added that it was over. “I make my own money.”",
            ],
            &[
                Some("the chair of the Farmers' Union"),
                None,
                Some("a pollster who advised Brandt"),
                Some("of Madison, Alabama"),
                Some("a conservative independent"),
                Some("a former county chairman in Tula"),
            ],
        );
    }

    #[test]
    fn a_short_quote_is_a_speakers_partial_quote_not_a_name_or_a_distanced_term() {
        let x = extract_article(
            &article(&[
                "Ivo Brandt called the sanctions “illegal piggery” and the so-called “special operation” a success.",
                "Ivo Brandt called the show “Fox and Friends” once, and the “bill” a mistake.",
                "Critics called it “a disaster” though.",
            ]),
            &ExtractConfig::default(),
        );
        let quotes: Vec<(&str, Option<&str>)> =
            x.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
        assert_eq!(quotes, [("illegal piggery", Some("Ivo Brandt"))]);
    }

    #[test]
    fn a_quote_after_a_sentence_that_opens_with_its_speaker_is_theirs() {
        assert_speakers(
            &[
                "Analysts expect the bank to raise its rates in the spring.",
                "Ana Lind added that the bank very much wants to get out of the way well before the election in the autumn, when the parties and their candidates will have other things to talk about than rates. “They don't like to talk about it, but they will.”",
            ],
            &[Some("Ana Lind")],
        );
        // Not the subject of the paragraph before when the quote does not open its own.
        assert_speakers(
            &[
                "Ana Lind expects the bank to raise its rates in the spring.",
                "The bank held its rates on Monday, as it had done for most of the year, and the markets barely moved at all on the news from the meeting. “They don't like to talk about it, but they will.”",
            ],
            &[None],
        );
    }

    #[test]
    fn speakers_after_brackets_according_to_colons_and_any_verb() {
        assert_speakers(
            &[
                "“It reminds us how important this election is,” Sen. Ana Lind (R-Fla.) said on Saturday.",
                "“The material shows that the department compiled files,” according to the Harbor Foundation.",
                "The Board of Elections was conclusive in its findings: “Further discussion is unnecessary.”",
                "“For a start, that was not what she said at all,” Ivo Brandt erupted.",
                "“He will always be the one to blame,” an angry crowd chanted.",
                "“This is a fantastic day for us!” beamed Jon Frey. “It is not a good day,” Eva Holm shot back.",
                "“Nothing we do now would make a difference,” Per Dahl, director of the Open Markets Project at the Harbor Institute, said.",
                "Gov. Ole Sand blamed the court's “four liberal justices who blocked our sensible laws.”",
                "Kim Holm also embraced the new rules -- “I think the rules are peanuts compared to theirs.”",
                "Because of the calendar, explained Tor Lid, “it will be over by March.”",
                "Olaf Berg, who was on the slate, told Harbor Radio, “Of the three, I like Lid the best.”",
                "Gov. Eva Lund endorsed her, citing her “firm grasp of the issues” and more.",
                "Ana Lind asked Ivo Brandt: “Where were you on the day of the vote?”",
                "Tor Lid estimated that there are “somewhere between 23 and 28 people who are opposed.”",
                "“You know, it happens, right?” Jon Frey went on, as if he did not hear. “But you get over it.”",
                "Said Eva Holm, “The thought that we erred is very painful to us.”",
            ],
            &[
                Some("Ana Lind"),
                Some("Harbor Foundation"),
                Some("Board of Elections"),
                Some("Ivo Brandt"),
                None,
                Some("Jon Frey"),
                Some("Eva Holm"),
                Some("Per Dahl"),
                Some("Ole Sand"),
                Some("Kim Holm"),
                Some("Tor Lid"),
                Some("Olaf Berg"),
                Some("Eva Lund"),
                Some("Ana Lind"),
                Some("Tor Lid"),
                Some("Jon Frey"),
                Some("Jon Frey"),
                Some("Eva Holm"),
            ],
        );
    }

    #[test]
    fn a_quote_with_no_verb_of_speech_is_the_sentence_subjects_not_a_things_name_nor_a_qualifiers() {
        assert_speakers(
            &[
                "In the depths of the recession, Ana Lind worried that the safety net was becoming “a hammock that lulls people.”",
                "Lind campaign manager Ivo Brandt fretted that voters were “tired of the same old promises.”",
                "Olaf Berg acted in the movie “Hell On The High Seas 3: Tonight” last year.",
                "As The Harbor Times’s Eva Holm puts it, Jon Frey is making the voters “an offer they cannot refuse.”",
                "After Jon Frey criticized the plan, Ana Lind shot back: “That plan was never ours to begin with.”",
                "“We are not worried,” said Lind campaign spokesman Tor Lid. “The numbers are with us.”",
                "Jon Frey bought a “promoted trend” for the convention.",
            ],
            &[
                Some("Ana Lind"),
                Some("Ivo Brandt"),
                None,
                Some("Eva Holm"),
                Some("Ana Lind"),
                Some("Tor Lid"),
                Some("Tor Lid"),
            ],
        );
    }

    #[test]
    fn a_pronoun_goes_to_the_person_it_fits() {
        assert_speakers(
            &[
                "“We have the votes,” Senator Ana Lind told reporters, and she said the bill would pass.",
                "Her rival, Mr. Jon Frey, disagreed with the count.",
                "“The count is wrong, and everybody in the chamber knows it,” she said.",
                "Asked on Tuesday about Tor Lid, Eva Holm said “I know nothing about Lid and his emails,” she said.",
            ],
            &[Some("Ana Lind"), Some("Ana Lind"), Some("Eva Holm")],
        );
    }

    #[test]
    fn quotes_get_speakers_from_either_side() {
        let a = article(&[
            "Foreign Minister Anna Berg arrived in Vilnius on Friday.",
            "“We will not accept these terms under any circumstances,” Berg told reporters.",
            "Later, Jon Frey said: “The talks are over for this year at least.”",
            "“There is nothing more to discuss with them,” he said.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Anna Berg"), Some("Jon Frey"), Some("Jon Frey")]);
        let berg = x.actors.iter().find(|a| a.name == "Anna Berg").unwrap();
        assert!(berg.roles.iter().any(|r| r == "Foreign Minister"), "{berg:?}");
        let friday = x.events.iter().find(|e| e.as_written == "Friday").unwrap();
        assert_eq!(friday.date, Day::ymd(2022, 5, 20), "20 May 2022 is a Friday");
    }

    #[test]
    fn a_date_in_a_relative_clause_is_not_when_the_sentence_happened() {
        let a = article(&[
            "Ana Lind, the opposition leader who ran against Jon Frey in 2020, called for new elections on Monday.",
            "She met Eva Berg, who took office in 2019.",
            "The party, founded in 1998, won the vote in 2021.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let dates: Vec<&str> = x.events.iter().map(|e| e.as_written.as_str()).collect();
        assert_eq!(dates, ["Monday", "1998", "2021"]);
    }

    #[test]
    fn a_continued_quote_keeps_its_speaker() {
        assert_speakers(
            &[
                "“The ones who have been here for years,” Dana Holt asked the crowd. “Do we throw them out or work with them?”",
            ],
            &[Some("Dana Holt"), Some("Dana Holt")],
        );
    }

    #[test]
    fn speakers_are_people_with_their_titles_and_days_split_off() {
        let a = article(&[
            "“We have absolutely no violations of any kind,” Wasserman Schultz said.",
            "“There is a special place for all of them,” Former Secretary of State Madeleine Albright said in New Hampshire Monday.",
            "“Imagine the two of them on the same stage,” mused Blaze co-host Stu Burguiere.",
            "“I will say we are tired of being told that it is wrong!” Cruz said.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            speakers,
            [Some("Wasserman Schultz"), Some("Madeleine Albright"), Some("Stu Burguiere"), Some("Cruz")]
        );
        let kind = |name: &str| x.actors.iter().find(|a| a.name == name).map(|a| a.kind);
        assert_eq!(kind("New Hampshire"), Some(crate::model::ActorKind::Place));
        let albright = x.actors.iter().find(|a| a.name == "Madeleine Albright").unwrap();
        assert!(albright.roles.iter().any(|r| r == "Secretary of State"), "{albright:?}");
    }

    #[test]
    fn speakers_past_abbreviations_employers_and_participles() {
        assert_speakers(
            &[
                "“We are going to win that one easily,” Gov. Kasich replied.",
                "“The vote was fair and the count was honest,” Acme Group spokesman Lars Odum said.",
                "The minister met Ivo Brandt on Monday, Nina Vold said, adding: “We will not sign anything today.”",
            ],
            &[Some("Kasich"), Some("Lars Odum"), Some("Nina Vold")],
        );
    }

    #[test]
    fn speakers_named_in_the_paragraph_before_or_after() {
        assert_speakers(
            &[
                "“We will look at every option we have,” Tomas Rand told the committee on Monday.",
                "“None of them is cheap, and none of them is quick.”",
                "“And the money is not there yet,” a spokesman said.",
                "Sen. Ivo Kell (Ark.) has said that he would \"cut the budget in half before the year is out.\"",
                "“It's unusual,” said Lena Marsh, an attorney with the Civic Law Center. “It is a hard thing to do well.”",
                "Reporter Mia Soto says:",
                "“The crowd has been waiting here since the early morning.”",
                "“She never quits, and that is why she should be our next president.”",
                "- Ola Brun, Philadelphia.",
                "The deal is what Petra Lind called “a bad bargain for every family in this state.”",
                "Carl Moen, clearly annoyed, went on about the budget.",
                "“Nobody in this building has read the bill, and nobody will read it before the vote.”",
                "The vote was delayed after the session with Mark Dahl.",
                "“We will need another week to count what was spent.”",
            ],
            &[
                Some("Tomas Rand"),
                // The paragraph before continues; a paragraph with its own (unnamed) speaker does not.
                Some("Tomas Rand"),
                None,
                Some("Ivo Kell"),
                // "“It's unusual,” said Lena Marsh" is short but a whole utterance.
                Some("Lena Marsh"),
                Some("Lena Marsh"),
                Some("Mia Soto"),
                Some("Ola Brun"),
                Some("Petra Lind"),
                // A paragraph that is one quote continues the person the sentence before opens
                // with, not one it names elsewhere.
                Some("Carl Moen"),
                None,
            ],
        );
    }

    #[test]
    fn speakers_past_appositions_and_not_from_far_quotes() {
        assert_speakers(
            &[
                "Dana Vick, the opposition leader who ran against Karl Moss in 2020, called for soldiers “to lay down their arms and go home to their families.”",
                "Karl Moss spoke on Monday. The contrast with the warmongering cries to “keep going until the bitter end” is vivid, even if, predictably, the ministry puts the blame for the conflict on its neighbours and their many allies. In a recent interview with the Acme News agency, he even said he had not expected the war to “drag on for so long.”",
            ],
            &[Some("Dana Vick"), None, Some("Karl Moss")],
        );
    }

    #[test]
    fn reported_speech_becomes_an_attributed_claim() {
        let a = article(&["According to Mark Lane, the army has lost 5,000 soldiers since the war began."]);
        let x = extract_article(&a, &ExtractConfig::default());
        assert_eq!(x.statements.len(), 1);
        let speaker = x.statements[0].attributed_to.map(|i| x.actors[i as usize].name.as_str());
        assert_eq!(speaker, Some("Mark Lane"));
        // Findings point into the article's text rather than copying it.
        assert_eq!(a.text_at(x.statements[0].sentence), a.paragraphs[0].text);
        assert_eq!(a.text_at(x.figures[0].sentence), a.paragraphs[0].text);
        assert_eq!(x.figures[0].number, 5000.0);
    }

    #[test]
    fn a_sentence_that_introduces_what_follows_is_no_claim() {
        let a = article(&[
            "WASHINGTON (AP) — The Latest on the campaign of Lena Marsh in Tolby on Tuesday (all times local):",
            "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
        ]);
        let claims_of = |a: &Article| -> Vec<String> {
            let x = extract_article(a, &ExtractConfig::default());
            x.statements.iter().map(|s| a.text_at(s.sentence).to_string()).collect()
        };
        assert_eq!(claims_of(&a), [a.paragraphs[1].text.as_str()]);

        // Nor does a subheading.
        let mut a = article(&[
            "Tolby: Lena Marsh with a balancing act – no new bridge over the river this year",
            "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
        ]);
        a.paragraphs[0].heading = true;
        assert_eq!(claims_of(&a), [a.paragraphs[1].text.as_str()]);
    }

    #[test]
    fn a_label_in_quotation_marks_is_nobody_s_words() {
        let a = article(&[
            "But even if Lena Marsh continues to tie her town closely to the capital, “the last mayor of the valley” is attempting a balancing act.",
            "“Boots on the ground” would be appropriate, council member Per Dahl said after the attacks.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let quotes: Vec<(&str, Option<&str>)> =
            x.quotes.iter().map(|q| (q.text.as_str(), q.speaker.as_deref())).collect();
        assert_eq!(
            quotes,
            [("the last mayor of the valley", None), ("Boots on the ground", Some("Per Dahl"))]
        );
        assert_eq!(x.statements[0].attributed_to, None, "continuing to do something is not speaking");
    }

    #[test]
    fn a_plural_noun_is_no_verb_of_speech() {
        let a = article(&[
            "Its position between Russia and the NATO states may enable Lena Marsh to resist the pressure.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        assert_eq!(x.statements.len(), 1);
        assert_eq!(x.statements[0].attributed_to, None);
        let a =
            article(&["Lena Marsh states that the pressure on the council was never higher than this year."]);
        let x = extract_article(&a, &ExtractConfig::default());
        let speaker = x.statements[0].attributed_to.map(|i| x.actors[i as usize].name.as_str());
        assert_eq!(speaker, Some("Lena Marsh"));
    }

    #[test]
    fn a_paragraph_another_article_carries_still_names_actors_but_adds_no_claims() {
        let mut a = article(&[
            "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
            "“We have waited for this bridge for twenty years,” Lena Marsh said at the opening.",
        ]);
        a.paragraphs[1].duplicate_of =
            Some(crate::model::ParagraphRef { article: "other".into(), paragraph: 3 });
        let x = extract_article(&a, &ExtractConfig::default());
        let marsh = x.actors.iter().find(|a| a.name == "Lena Marsh").expect("actor");
        assert_eq!(marsh.mentions, 2, "the copied paragraph's mention counts");
        assert!(x.quotes.is_empty(), "the copied quote belongs to the other article");
        assert_eq!(x.statements.len(), 1);
    }

    #[test]
    fn a_pronoun_may_point_into_a_paragraph_another_article_carries() {
        let mut a = article(&[
            "Lena Marsh, the mayor of Tolby, opened the new bridge over the river on Friday.",
            "About the delays, Per Dahl told the council that the money had run out.",
            "“We have waited for this bridge for twenty years,” he said at the opening.",
        ]);
        a.paragraphs[1].duplicate_of =
            Some(crate::model::ParagraphRef { article: "other".into(), paragraph: 3 });
        let x = extract_article(&a, &ExtractConfig::default());
        let speakers: Vec<Option<&str>> = x.quotes.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(speakers, [Some("Per Dahl")]);
    }

    #[test]
    fn a_speaker_no_one_names_is_described_as_the_attribution_describes_them() {
        let a = article(&[
            "“Many firms have opened offices in Tolby to move their money through them,” an anonymous businessman tells the paper.",
            "According to British intelligence, the leader walks a knife edge, “probably balancing between the two sides of the war.”",
            "“We will see what the week brings for all of us here,” he said.",
            "“The gap is too wide for her to close in a week,” added a Nevada Democrat. “She needs to win big in the south.”",
            "Mayor Ana Lind lost the vote on Tuesday.",
            "“The council does not even care any more about the port,” wrote one Lind supporter, with a link.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let described: Vec<Option<&str>> = x.quotes.iter().map(|q| q.described_speaker.as_deref()).collect();
        let nevada = Some("a Nevada Democrat");
        let supporter = Some("one Lind supporter");
        assert_eq!(
            described,
            [Some("an anonymous businessman"), Some("British intelligence"), None, nevada, nevada, supporter]
        );
        assert!(x.quotes.iter().all(|q| q.speaker.is_none()), "{:?}", x.quotes);
    }

    #[test]
    fn a_headline_in_title_case_names_only_what_stands_apart_in_it() {
        let a = article(&[
            "Flint Water Response Perfectly Captures The Difference Between Bernie Sanders And Hillary Clinton.",
            "Cecile Richards: ‘I’m Sick Of Men Telling Us What To Do With Our Bodies.’",
            "From Ann Lee of The Tolby Post, with Will Hay.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let names: Vec<&str> = x.actors.iter().map(|a| a.name.as_str()).collect();
        assert!(names.iter().all(|n| !n.contains("Water") && !n.contains("Sick")), "{names:?}");
        // The part of a headline that is no headline, and a sentence with a few names in it,
        // are read as usual.
        for name in ["Cecile Richards", "Ann Lee", "Tolby Post", "Will Hay"] {
            assert!(names.contains(&name), "{name}: {names:?}");
        }
    }

    #[test]
    fn the_places_of_the_dateline_are_actors() {
        let mut a =
            article(&["Deportivo beat Valencia 2-1 on Saturday in front of a full stadium in Tolby."]);
        a.meta.dateline = Some("LA CORUNA, Spain".into());
        let x = extract_article(&a, &ExtractConfig::default());
        for place in ["La Coruna", "Spain"] {
            let actor = x.actors.iter().find(|a| a.name == place);
            assert_eq!(
                actor.map(|a| a.kind),
                Some(crate::model::ActorKind::Place),
                "{place}: {:?}",
                x.actors
            );
        }
        // A place the text names again gains a mention rather than a second actor.
        a.meta.dateline = Some("TOLBY".into());
        let x = extract_article(&a, &ExtractConfig::default());
        let tolby: Vec<_> = x.actors.iter().filter(|a| a.name.eq_ignore_ascii_case("Tolby")).collect();
        assert_eq!(tolby.len(), 1, "{:?}", x.actors);
        assert_eq!(tolby[0].mentions, 2);
    }

    #[test]
    fn reported_speech_needs_a_subject_and_a_verb() {
        let a = article(&[
            "In particular, the resolution did not recognize Karl Moss as a legitimate president and demanded the release of all prisoners.",
            "Neither the EU nor the United States recognizes Karl Moss as a legitimate president of the country.",
            "I already wrote that Karl Moss’s survival instincts push him in opposite directions on the war.",
            "Dana Vick, the opposition leader, has repeatedly warned that the army is not ready for any war.",
        ]);
        let x = extract_article(&a, &ExtractConfig::default());
        let by: Vec<Option<&str>> = x
            .statements
            .iter()
            .map(|s| s.attributed_to.map(|i| x.actors[i as usize].name.as_str()))
            .collect();
        assert_eq!(by, [None, None, None, Some("Dana Vick")]);
    }
}
