//! Consolidate: the corpus → a [`Digest`]: actors merged across articles and spellings, claims
//! grouped across sources with their corroboration, contradictions, the timeline, and the key
//! judgments. A plain function rather than a [`crate::stages::Stage`], because it changes the
//! data's shape.
//!
//! Everything here is extractive: a claim's summary is a sentence from an article, never text
//! we made up.
//!
//! One module per concern, in the order [`consolidate`] runs them: `actors` (merged across
//! articles), `claims` (statements compared by words, grouped, ranked, counted), `contradictions`,
//! `stories` (articles clustered by meaning and names), `meaning` (which statements the sentence
//! model embeds, and claims by meaning within a story), `judgments` and `timeline`. This file holds
//! the digest's types and the sequence.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

use crate::cache::Cache;
use crate::config::ConsolidateConfig;
use crate::model::{ActorKind, ClaimKind, Corpus, DateSource, Day, Extraction, LocalActor, Precision, Span};
use crate::sorted::{common, shared};
use crate::stages::extract::actors::kind_of;
use crate::text::{close, close_pairs, fold, for_each_content_word, stem};
use crate::union_find::UnionFind;

mod actors;
mod claims;
mod contradictions;
mod judgments;
mod meaning;
mod stories;
mod timeline;

use actors::{ActorIds, merge_actors};
use claims::*;
use contradictions::{describes_a_survey, find_contradictions, named_alike};
use judgments::pick_key_judgments;
use timeline::build_timeline;

/// An article's id, shared: the digest names the same articles millions of times on a large
/// corpus (every actor's articles, every quote's and figure's source).
pub type ArticleId = Arc<str>;

/// An actor across the corpus.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    /// Stable slug of the name.
    pub id: String,
    /// The most used full form.
    pub name: String,
    /// Person, organisation, place or group.
    pub kind: ActorKind,
    /// Other forms seen.
    pub aliases: Vec<String>,
    /// Titles and roles.
    pub roles: Vec<String>,
    /// Mentions across the corpus.
    pub mentions: usize,
    /// Articles that name it.
    pub articles: Vec<ArticleId>,
}

/// An apposition as it follows a name: ", the chair of the Party", or " (R-Ohio), a member"
/// and " of the Party" with no comma.
pub(crate) fn set_off(apposition: &str) -> String {
    if apposition.starts_with('(') || apposition.starts_with("of ") {
        format!(" {apposition}")
    } else {
        format!(", {apposition}")
    }
}

/// A direct quote, with its speaker resolved to a corpus actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteOut {
    /// The words; for a partial quote, the clause that reports it, with the quoted words in
    /// their marks.
    pub text: String,
    /// Whether `text` is the clause around a partial quote; left out of the JSON when not.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub partial: bool,
    /// Actor id.
    pub speaker: Option<String>,
    /// Actor name, with what the attribution says of them right after it ("Ann Lee, the chair
    /// of the Party").
    pub speaker_name: Option<String>,
    /// What the attribution says of the speaker, as in [`Quote::speaker_apposition`]; part of
    /// `speaker_name` already.
    #[serde(skip)]
    pub speaker_apposition: Option<String>,
    /// Article id.
    pub article: ArticleId,
    /// Paragraph index.
    pub paragraph: usize,
    /// The rule that chose the speaker (see [`Quote::rule`]); `None` when no speaker is named
    /// or described.
    pub rule: Option<String>,
}

/// One source sentence of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimSource {
    /// Article id.
    pub article: ArticleId,
    /// Paragraph index; `None` for the article's headline, which is in no paragraph.
    pub paragraph: Option<usize>,
    /// The headline's 1-based line in the source file, when the source is the headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The sentence.
    pub text: String,
}

/// Sentences from one or more articles that say the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// `claim-001`, in briefing order.
    pub id: String,
    /// The most central source sentence, verbatim.
    pub summary: String,
    /// What the claim rests on.
    pub kind: ClaimKind,
    /// 0..=1: corroboration, centrality, named sourcing.
    pub score: f64,
    /// Actor ids.
    pub actors: Vec<String>,
    /// Who the claim is attributed to, by actor id.
    pub attributed_to: Vec<String>,
    /// Its story's id, when its articles are in one.
    pub story: Option<String>,
    /// Independent origins: distinct articles, where copies of one wire story count once.
    pub independent_sources: usize,
    /// Every source sentence.
    pub sources: Vec<ClaimSource>,
}

/// A figure, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureOut {
    /// As written.
    pub value: String,
    /// Normalised number.
    pub number: f64,
    /// Upper bound of a range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_max: Option<f64>,
    /// Unit.
    pub unit: String,
    /// What it measures.
    pub about: String,
    /// Article id.
    pub article: ArticleId,
    /// Paragraph index.
    pub paragraph: usize,
    /// Where the sentence is in its article (resolved where a section shows it).
    #[serde(skip)]
    pub sentence: Span,
}

/// Values that differ between sources about the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Contradiction {
    /// What they are about.
    pub about: String,
    /// `change` when each value was first reported on a different day, `conflict` otherwise.
    pub kind: String,
    /// The story it belongs to (`story-01`).
    pub story: String,
    /// The values side by side: the first report of each number first (oldest first), then
    /// the articles that repeat them.
    pub values: Vec<ContradictionValue>,
    /// How many of `values` lead, one for each number.
    #[serde(skip)]
    pub distinct: usize,
}

/// One side of a contradiction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContradictionValue {
    /// As written.
    pub value: String,
    /// Article id.
    pub article: ArticleId,
    /// Paragraph index.
    pub paragraph: usize,
    /// The article's date.
    pub date: Option<Day>,
    /// The sentence.
    pub text: String,
}

/// A dated event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineEntry {
    /// ISO date at its precision.
    pub date: Day,
    /// Day, month or year.
    pub precision: Precision,
    /// The sentence.
    pub text: String,
    /// Article id (the first source).
    pub article: ArticleId,
    /// Paragraph index.
    pub paragraph: usize,
    /// Every article that dates the same sentence.
    pub sources: Vec<ArticleId>,
    /// The story of its article (`story-01`), if the article is in one.
    pub story: Option<String>,
    /// Whether it happened long before the story it is told in (an anniversary, an earlier
    /// disaster): background rows follow the story's own events.
    pub background: bool,
}

/// A news event the corpus reports, with its articles and claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// `story-01`, largest story first.
    pub id: String,
    /// The headline of its most central article (or its most central claim).
    pub label: String,
    /// Its articles, in corpus order.
    pub articles: Vec<ArticleId>,
    /// Three to five sentences of its top claims, each with its claim.
    pub summary: Vec<SummaryLine>,
    /// Ids of its claims shown, best first.
    pub claims: Vec<String>,
}

/// One sentence of a story's summary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SummaryLine {
    /// The claim's summary sentence.
    pub text: String,
    /// The claim's id.
    pub claim: String,
}

/// A key judgment: a claim that leads the briefing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KeyJudgment {
    /// The claim's sentence.
    pub text: String,
    /// The claim's id.
    pub claim: String,
    /// The claim's story.
    pub story: Option<String>,
    /// The articles that carry it.
    pub sources: Vec<ArticleId>,
}

/// What consolidate makes of the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Digest {
    /// Actors, most mentioned first.
    pub actors: Vec<Actor>,
    /// Quotes in article and paragraph order.
    pub quotes: Vec<QuoteOut>,
    /// Stories, largest first.
    pub stories: Vec<Story>,
    /// Claims, best first.
    pub claims: Vec<Claim>,
    /// The key judgments, best first.
    pub key_judgments: Vec<KeyJudgment>,
    /// Figures in article and paragraph order.
    pub figures: Vec<FigureOut>,
    /// Disagreements between sources.
    pub contradictions: Vec<Contradiction>,
    /// Dated events, oldest first.
    pub timeline: Vec<TimelineEntry>,
}

/// Builds the digest. Takes what extract left in the articles as it goes (local actors,
/// quotes and figures once they are in the digest, then statements and events), so that a
/// large corpus is not held twice; the articles' text and metadata stay for the renderers.
pub fn consolidate(corpus: &mut Corpus, cfg: &ConsolidateConfig, cache: Option<&Cache>) -> Digest {
    let article_ids: Vec<ArticleId> = corpus.articles.iter().map(|a| Arc::from(a.id.as_str())).collect();
    let (actors, ids) = merge_actors(corpus, &article_ids);

    // Quotes and figures move into the digest, and each article's local actors go once its
    // quotes have their speakers. Both are sized up front: on a large corpus they are
    // millions, and a vector that doubles holds its old and new buffers at once.
    let live = || corpus.articles.iter().filter(|a| a.duplicate_of.is_none()).map(|a| &a.extraction);
    let mut quotes = Vec::with_capacity(live().map(|x| x.quotes.len()).sum());
    let mut figures = Vec::with_capacity(live().map(|x| x.figures.len()).sum());
    // Where each article's figures start in `figures` (and where the last one's end).
    let mut figures_from = Vec::with_capacity(corpus.articles.len() + 1);
    for (ai, a) in corpus.articles.iter_mut().enumerate() {
        figures_from.push(figures.len());
        if a.duplicate_of.is_some() {
            continue;
        }
        let x = &mut a.extraction;
        let local = std::mem::take(&mut x.actors);
        for q in std::mem::take(&mut x.quotes) {
            let speaker =
                q.speaker.as_deref().and_then(|s| ids.get(ai, &local, s)).map(|i| &actors[i as usize]);
            let named = speaker.is_some() || q.described_speaker.is_some();
            quotes.push(QuoteOut {
                rule: named.then_some(q.rule),
                text: q.text,
                partial: q.partial,
                speaker_name: speaker
                    .map(|s| {
                        let about = q.speaker_apposition.as_deref().map_or_else(String::new, set_off);
                        format!("{}{about}", s.name)
                    })
                    .or(q.described_speaker),
                speaker_apposition: q.speaker_apposition.filter(|_| speaker.is_some()),
                speaker: speaker.map(|s| s.id.clone()),
                article: article_ids[ai].clone(),
                paragraph: q.paragraph,
            });
        }
        for f in std::mem::take(&mut x.figures) {
            figures.push(FigureOut {
                value: f.value,
                number: f.number,
                number_max: f.number_max,
                unit: f.unit,
                about: f.about,
                article: article_ids[ai].clone(),
                paragraph: f.sentence.paragraph(),
                sentence: f.sentence,
            });
        }
    }
    figures_from.push(figures.len());
    let by_article = |ai: usize| &figures[figures_from[ai]..figures_from[ai + 1]];
    let cands = candidates(corpus, &actors, &ids, by_article);
    let weights = Weights::new(&cands, StemIndex::new(&cands), actors.len());
    let vectors = meaning::embed(&cands, cfg.embed_budget, cache);
    let article_vectors: Vec<Option<Vec<f64>>> = {
        let mut of_article: Vec<Vec<usize>> = vec![Vec::new(); corpus.articles.len()];
        for (i, c) in cands.iter().enumerate() {
            of_article[c.article as usize].push(i);
        }
        of_article
            .iter()
            .map(|list| {
                stories::mean(list.iter().filter_map(|&i| vectors.get(i)).take(stories::LEAD_STATEMENTS))
            })
            .collect()
    };
    // Each article's actors, weighted by how rare they are among articles, unit length.
    let names: Vec<Vec<(u32, f64)>> = {
        let mut of_article: Vec<Vec<u32>> = vec![Vec::new(); corpus.articles.len()];
        for c in &cands {
            of_article[c.article as usize].extend_from_slice(c.actors());
        }
        let mut df = vec![0usize; actors.len()];
        for list in &mut of_article {
            list.sort_unstable();
            list.dedup();
            for &a in list.iter() {
                df[a as usize] += 1;
            }
        }
        let n = corpus.articles.len() as f64;
        of_article
            .into_iter()
            .map(|list| {
                let w: Vec<(u32, f64)> =
                    list.iter().map(|&a| (a, (1.0 + n / df[a as usize] as f64).ln())).collect();
                let norm = w.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt().max(1e-9);
                w.into_iter().map(|(a, x)| (a, x / norm)).collect()
            })
            .collect()
    };
    let story_of_article = stories::cluster(&article_vectors, &names, cfg.story_similarity);
    let inferred = infer_dates(corpus, &article_vectors, &story_of_article);
    let story_of: Vec<Option<u32>> = cands.iter().map(|c| story_of_article[c.article as usize]).collect();
    let meaning = meaning::Meaning::new(&cands, vectors, &story_of, &actors, cfg.meaning_similarity);
    let index_of: HashMap<&str, usize> =
        corpus.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    // The statement of each figure's sentence (a figure in a short sentence has none).
    // A figure's statement, by its article, paragraph and sentence: one map, not a scan of the
    // article's statements per figure (their product on a long page). The first of equal
    // statements wins, as a scan would find it.
    let mut statement_at: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        statement_at.entry((c.article as usize, c.paragraph as usize, c.text)).or_insert(i);
    }
    let statement_of = |f: &FigureOut| {
        let ai = index_of[&*f.article];
        let text = corpus.articles[ai].text_at(f.sentence);
        statement_at.get(&(ai, f.paragraph, text)).copied()
    };
    let contradictions = find_contradictions(
        corpus,
        &figures,
        &story_of_article,
        statement_of,
        &meaning,
        &inferred,
        cfg.embed_budget,
        cache,
    );
    let claims = group_claims(corpus, cfg, &article_ids, &actors, cands, weights, &meaning, &story_of);
    // The statements are done with the text: undated articles now take their inferred dates,
    // and their month-and-day dates resolve against them.
    for (ai, date) in inferred.iter().enumerate() {
        if let Some(date) = *date {
            let a = &mut corpus.articles[ai];
            a.meta.date = Some(date);
            a.meta.date_source = Some(DateSource::Inferred);
            a.extraction.events = crate::stages::extract::events_of(a, date);
        }
    }
    let stories = stories::describe(corpus, &article_ids, &story_of_article, &article_vectors, &claims);
    let date_of: HashMap<&str, Day> =
        corpus.articles.iter().filter_map(|a| Some((a.id.as_str(), a.meta.date?))).collect();
    let key_judgments = pick_key_judgments(&claims, cfg.key_judgments, |id| date_of.get(id).copied());
    let timeline = build_timeline(corpus, &article_ids, &story_of_article, cfg.max_timeline);
    for a in &mut corpus.articles {
        a.extraction = Extraction::default();
    }
    Digest { actors, quotes, stories, claims, key_judgments, figures, contradictions, timeline }
}

/// The cosine of two articles' vectors from which an undated article takes the date of the
/// dated article closest to it in meaning.
pub(crate) const INFER_DATE_SIMILARITY: f64 = 0.5;

/// Dates for the articles that give none (no date line, URL or file name): the date of the
/// dated article of the same story closest in meaning, at a cosine of [`INFER_DATE_SIMILARITY`] or more, unless
/// the article names a later year than that date's (it cannot be older than what it reports).
fn infer_dates(
    corpus: &Corpus,
    article_vectors: &[Option<Vec<f64>>],
    story_of_article: &[Option<u32>],
) -> Vec<Option<Day>> {
    // The dated articles of each story: an article is compared with those of its own story only.
    let mut dated: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, a) in corpus.articles.iter().enumerate().filter(|(_, a)| a.duplicate_of.is_none()) {
        if let (Some(_), Some(_), Some(story)) = (a.meta.date, &article_vectors[i], story_of_article[i]) {
            dated.entry(story).or_default().push(i);
        }
    }
    // Article vectors are unit length (`stories::mean`): their cosine is their dot product,
    // rounded so that no choice turns on the last bits of a float.
    let cosine =
        |x: &[f64], y: &[f64]| (x.iter().zip(y).map(|(a, b)| a * b).sum::<f64>() * 1000.0).round() / 1000.0;
    corpus
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| {
            if a.meta.date.is_some() || a.duplicate_of.is_some() {
                return None;
            }
            let v = article_vectors[i].as_ref()?;
            // The closest; on a tie, the first in corpus order.
            let (sim, date) = dated
                .get(&story_of_article[i]?)?
                .iter()
                .filter_map(|&j| {
                    let (date, w) = (corpus.articles[j].meta.date?, article_vectors[j].as_ref()?);
                    Some((cosine(v, w), std::cmp::Reverse(j), date))
                })
                .max_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)))
                .map(|(sim, _, date)| (sim, date))?;
            let latest_named = a.extraction.events.iter().map(|e| e.date.year).max();
            (sim >= INFER_DATE_SIMILARITY && latest_named.is_none_or(|y| y <= date.year)).then_some(date)
        })
        .collect()
}

#[cfg(test)]
mod tests;
