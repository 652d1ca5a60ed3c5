//! Extract: per article, the actors, quotes with speakers, figures, dated events and the
//! sentences that carry claims. Rule-based and offline: general knowledge in [`crate::lexicon`], no
//! model to download, nothing about particular articles.
//!
//! Articles run in parallel (rayon), and so do the sentences of a long one; copies of another
//! article are skipped, and so are paragraphs that repeat an earlier one, so that nothing is
//! counted twice.

pub mod actors;
pub mod figures;
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
        // A partial quote of a speaker is shown in the clause that reports it; two quotes in
        // one clause ("accused Cruz of being “politically correct” and “very queasy”") are one.
        let clause = (who.is_some() || described_speaker.is_some())
            .then(|| quotes::reported_clause(&q, &paragraphs))
            .flatten()
            .map(|r| quotes::text_of(&paragraphs, q.paragraph)[r].to_string());
        if clause.is_some()
            && quotes.last().is_some_and(|last: &Quote| {
                last.partial && last.paragraph == q.paragraph && Some(&last.text) == clause.as_ref()
            })
        {
            continue;
        }
        quotes.push(Quote {
            partial: clause.is_some(),
            text: clause.unwrap_or(q.text),
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
    let toks = crate::text::word_tokens(s);
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
mod tests;
