//! Consolidate: the corpus → a [`Digest`]: actors merged across articles and spellings, claims
//! grouped across sources with their corroboration, contradictions, the timeline, and the key
//! judgments. A plain function rather than a [`crate::stages::Stage`], because it changes the
//! data's shape.
//!
//! Everything here is extractive: a claim's summary is a sentence from an article, never text
//! we made up.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::{Arc, LazyLock};

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

use crate::cache::Cache;
use crate::config::ConsolidateConfig;
use crate::model::{ActorKind, Article, ClaimKind, Corpus, Day, Extraction, LocalActor, Precision, Span};
use crate::sorted::{common, shared};
use crate::stages::extract::actors::kind_of;
use crate::text::{close, close_pairs, fold, for_each_content_word, stem};
use crate::union_find::UnionFind;

mod actors;
mod contradictions;
mod judgments;
mod meaning;
mod stories;
mod timeline;

use actors::{ActorIds, merge_actors};
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
pub fn set_off(apposition: &str) -> String {
    if apposition.starts_with('(') || apposition.starts_with("of ") {
        format!(" {apposition}")
    } else {
        format!(", {apposition}")
    }
}

/// A direct quote, with its speaker resolved to a corpus actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteOut {
    /// The words.
    pub text: String,
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
    /// `conflict` when the sources are of the same date, `change` when the values moved over time.
    pub kind: String,
    /// The values side by side.
    pub values: Vec<ContradictionValue>,
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
            quotes.push(QuoteOut {
                text: q.text,
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
    let contradictions = find_contradictions(corpus, &figures, &cands, &weights, &actors);
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
    let story_of: Vec<Option<u32>> = cands.iter().map(|c| story_of_article[c.article as usize]).collect();
    let meaning = meaning::Meaning::new(&cands, &vectors, &story_of, &actors, cfg.meaning_similarity);
    drop(vectors);
    let claims = group_claims(corpus, cfg, &article_ids, &actors, cands, weights, &meaning, &story_of);
    let stories = stories::describe(corpus, &article_ids, &story_of_article, &article_vectors, &claims);
    let date_of: HashMap<&str, Day> =
        corpus.articles.iter().filter_map(|a| Some((a.id.as_str(), a.meta.date?))).collect();
    let key_judgments = pick_key_judgments(&claims, cfg.key_judgments, |id| date_of.get(id).copied());
    let timeline = build_timeline(corpus, &article_ids, cfg.max_timeline);
    for a in &mut corpus.articles {
        a.extraction = Extraction::default();
    }
    Digest { actors, quotes, stories, claims, key_judgments, figures, contradictions, timeline }
}

/// Which statements hold each stem, in statement order: the lists laid end to end in one
/// vector (a map of vectors would cost a header and an allocation per stem, and most stems are
/// in one statement).
struct StemIndex {
    /// Stem → its list's number (the stems are hashes already: a fast hasher will do).
    slot: FxHashMap<u32, u32>,
    /// Where each list starts in `statements`, and where the last ends.
    starts: Vec<u32>,
    statements: Vec<u32>,
}

impl StemIndex {
    fn new(cands: &[Candidate<'_>]) -> StemIndex {
        let mut slot: FxHashMap<u32, u32> = FxHashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        for &s in cands.iter().flat_map(|c| c.stems()) {
            let k = *slot.entry(s).or_insert_with(|| {
                counts.push(0);
                counts.len() as u32 - 1
            });
            counts[k as usize] += 1;
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        for n in counts {
            starts.push(at);
            at += n;
        }
        starts.push(at);
        let mut next = starts.clone();
        let mut statements = vec![0u32; at as usize];
        for (i, c) in cands.iter().enumerate() {
            for s in c.stems() {
                let k = slot[s] as usize;
                statements[next[k] as usize] = i as u32;
                next[k] += 1;
            }
        }
        StemIndex { slot, starts, statements }
    }

    /// The statements that hold stem `s`, ascending.
    fn get(&self, s: u32) -> &[u32] {
        self.slot.get(&s).map_or(&[], |&k| {
            &self.statements[self.starts[k as usize] as usize..self.starts[k as usize + 1] as usize]
        })
    }
}

/// The statements that give each figure key (see [`figure_keys`]), for the keys that two to
/// [`COMMON_FIGURE`] statements give: most keys are one statement's, and are left out.
struct FigureIndex {
    /// The keys, ascending, one per statement that gives it ...
    keys: Vec<u32>,
    /// ... and that statement.
    statements: Vec<u32>,
}

impl FigureIndex {
    fn new(cands: &[Candidate<'_>]) -> FigureIndex {
        let mut all: Vec<(u32, u32)> = cands
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.figure_keys().iter().map(move |&k| (k, i as u32)))
            .collect();
        all.par_sort_unstable();
        all.dedup();
        let mut index = FigureIndex { keys: Vec::new(), statements: Vec::new() };
        for run in all.chunk_by(|a, b| a.0 == b.0).filter(|run| (2..=COMMON_FIGURE).contains(&run.len())) {
            index.keys.extend(run.iter().map(|e| e.0));
            index.statements.extend(run.iter().map(|e| e.1));
        }
        index
    }

    /// The statements that give key `k`, ascending.
    fn get(&self, k: u32) -> &[u32] {
        let from = self.keys.partition_point(|&x| x < k);
        let to = self.keys.partition_point(|&x| x <= k);
        &self.statements[from..to]
    }
}

/// A statement with what we compare it on. Stems, actors and numbers are sorted, so that
/// comparing two statements is a merge of short integer lists.
struct Candidate<'a> {
    /// The article's position in the corpus (`u32`: a statement's fields add up by the million).
    article: u32,
    paragraph: u32,
    text: &'a str,
    kind: ClaimKind,
    /// The stems, then the actors, then the numbers, then the figure keys, in one allocation
    /// (a large corpus has millions of statements); [`Candidate::stems`] and the others cut it.
    features: Box<[u32]>,
    /// Where the actors, the numbers and the figure keys start in `features`.
    actors_at: u16,
    numbers_at: u16,
    figures_at: u16,
    attributed: Option<u32>,
    /// Whether the statement tells how a poll was taken (see [`describes_a_survey`]).
    survey_method: bool,
    /// The length of the statement's weight vector (see [`Weights`]).
    norm: f64,
}

impl Candidate<'_> {
    /// Hashes of the content stems that are not part of a name: names are compared as actors,
    /// so that "Ivan Petrenka" and "Petrenko" are the same and a name does not count
    /// twice.
    fn stems(&self) -> &[u32] {
        &self.features[..usize::from(self.actors_at)]
    }

    /// Indices in [`Digest::actors`].
    fn actors(&self) -> &[u32] {
        &self.features[usize::from(self.actors_at)..usize::from(self.numbers_at)]
    }

    /// Hashes of the numbers of the sentence's figures (bounds of ranges too).
    fn numbers(&self) -> &[u32] {
        &self.features[usize::from(self.numbers_at)..usize::from(self.figures_at)]
    }

    /// What the sentence's telling figures measure: for each one (see [`figure_keys`]), a hash
    /// of its number, its unit and one stem of what it is about.
    fn figure_keys(&self) -> &[u32] {
        &self.features[usize::from(self.figures_at)..]
    }
}

/// How much each shared feature counts: inverse document frequency over the statements, so
/// that "Belarus" in a briefing on Belarus counts for little and "legitimate" for much. An
/// actor counts half as much as a word: a shared name says who, not what. A stem's frequency
/// is the length of its list in the stem index, which the weights hold: no second map.
struct Weights {
    statements: f64,
    index: StemIndex,
    actors: Vec<u32>,
    numbers: HashMap<u32, u32>,
}

impl Weights {
    const ACTOR: f64 = 0.5;

    fn new(cands: &[Candidate<'_>], index: StemIndex, actors: usize) -> Weights {
        let mut w = Weights {
            statements: cands.len() as f64,
            index,
            actors: vec![0; actors],
            numbers: HashMap::new(),
        };
        for c in cands {
            for &a in c.actors() {
                w.actors[a as usize] += 1;
            }
            for &n in c.numbers() {
                *w.numbers.entry(n).or_default() += 1;
            }
        }
        w
    }

    /// The squared idf of a feature found in `df` statements; `ln(1 + N/df)` stays positive
    /// on a corpus of one article.
    fn of(&self, df: usize) -> f64 {
        (1.0 + self.statements / df.max(1) as f64).ln().powi(2)
    }

    fn stem(&self, s: u32) -> f64 {
        self.of(self.index.get(s).len())
    }

    fn actor(&self, a: u32) -> f64 {
        Self::ACTOR * self.of(self.actors[a as usize] as usize)
    }

    fn number(&self, n: u32) -> f64 {
        self.of(self.numbers.get(&n).map_or(1, |&df| df as usize))
    }

    /// The squared length of a statement's stems and actors (its numbers left out).
    fn words_and_actors(&self, c: &Candidate<'_>) -> f64 {
        c.stems().iter().map(|&s| self.stem(s)).sum::<f64>()
            + c.actors().iter().map(|&a| self.actor(a)).sum::<f64>()
    }

    /// What two statements' stems and actors share, weighted.
    fn shared_words_and_actors(&self, a: &Candidate<'_>, b: &Candidate<'_>) -> f64 {
        shared(a.stems(), b.stems()).map(|s| self.stem(*s)).sum::<f64>()
            + shared(a.actors(), b.actors()).map(|x| self.actor(*x)).sum::<f64>()
    }

    fn norm(&self, c: &Candidate<'_>) -> f64 {
        (self.words_and_actors(c) + c.numbers().iter().map(|&n| self.number(n)).sum::<f64>()).sqrt()
    }
}

/// The weighted cosine of two statements' stems and actors, leaving their numbers out: how
/// close two sentences are that give different figures.
fn similarity_but_numbers(a: &Candidate<'_>, b: &Candidate<'_>, w: &Weights) -> f64 {
    let norms = w.words_and_actors(a).sqrt() * w.words_and_actors(b).sqrt();
    if norms > 0.0 { w.shared_words_and_actors(a, b) / norms } else { 0.0 }
}

/// The weighted cosine of two statements' stems, actors and numbers.
fn similarity(a: &Candidate<'_>, b: &Candidate<'_>, w: &Weights) -> f64 {
    let shared =
        w.shared_words_and_actors(a, b) + shared(a.numbers(), b.numbers()).map(|n| w.number(*n)).sum::<f64>();
    let norms = a.norm * b.norm;
    if norms > 0.0 { shared / norms } else { 0.0 }
}

/// Whether two statements may say the same thing at all, whatever their similarity: they
/// share at least [`MIN_SHARED_STEMS`] words besides names; when both name people or
/// organisations, one of them at least ("a spokesman for X declined to comment" is not what
/// Y's spokesman declined); and when both give figures, one number at least (two counts that
/// differ are a disagreement, not a corroboration).
fn may_be_one_claim(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    common(a.stems(), b.stems()) >= MIN_SHARED_STEMS
        && agree(a.numbers(), b.numbers())
        && same_people_and_places(a, b, actors)
        && (a.numbers().is_empty() || b.numbers().is_empty() || same_people_all(a, b, actors))
}

/// Whether two statements that give figures name the same people: where both name several,
/// all of them, for figures about other people are other results however alike the words
/// ("Clinton leading Sanders, 48 percent to 45 percent" and "48 percent chose Clinton while 45
/// percent chose Cruz"); where one names one person, the other names them too. People compare
/// by surname: an article that names two Clintons may have been read as meaning the other.
fn same_people_all(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    let people = |c: &Candidate<'_>| -> Vec<&str> {
        let mut v: Vec<&str> = c
            .actors()
            .iter()
            .map(|&i| &actors[i as usize])
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.name.rsplit(' ').next().unwrap_or(&a.name))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let (x, y) = (people(a), people(b));
    let (fewer, more) = if x.len() <= y.len() { (&x, &y) } else { (&y, &x) };
    match fewer.len() {
        0 => true,
        1 => more.contains(&fewer[0]),
        _ => x == y,
    }
}

/// Whether two statements of similarity `sim` say one thing: similar enough and not kept
/// apart by [`may_be_one_claim`]; or, worded differently but not unlike, giving one telling
/// figure of one thing ("raised rates by half a point", "rates went up 0.5 percentage points": see
/// [`figure_keys`]) where both name one actor and neither names people, organisations or places
/// the other does not, or neither names any: a figure alone is often a coincidence ("raised $6
/// million").
fn one_claim(a: &Candidate<'_>, b: &Candidate<'_>, sim: f64, threshold: f64, actors: &[Actor]) -> bool {
    // Two polls' margins of error are alike in every word, and tell nothing about the world.
    if a.survey_method || b.survey_method {
        return false;
    }
    // A sentence that denies what the other states says the opposite, in the same words.
    if meaning::denies(a.text) != meaning::denies(b.text) {
        return false;
    }
    if sim >= threshold {
        return may_be_one_claim(a, b, actors);
    }
    sim >= FIGURE_SIMILARITY
        && common(a.figure_keys(), b.figure_keys()) > 0
        && (a.actors().is_empty() && b.actors().is_empty() || named_alike(a, b, actors))
}

/// How similar two statements that give one telling figure must be at least (see
/// [`one_claim`]): "the 1,237 delegates needed" is one thing, and a figure alone may be a
/// coincidence.
const FIGURE_SIMILARITY: f64 = 0.2;

/// Whether two sorted lists share an item, or one of them is empty.
fn agree<T: Ord>(x: &[T], y: &[T]) -> bool {
    x.is_empty() || y.is_empty() || common(x, y) > 0
}

/// Whether two statements name one person or organisation, or one of them names none.
fn same_people(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    same_kind(a, b, actors, |k| matches!(k, ActorKind::Person | ActorKind::Organization))
}

/// Whether two statements name one person or organisation and one place, each where both name
/// some: what keeps restatements of different people's or places' doings apart.
fn same_people_and_places(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    same_people(a, b, actors) && same_kind(a, b, actors, |k| k == ActorKind::Place)
}

/// Whether two statements name one actor of the kinds `kind` accepts, or one of them names
/// none.
fn same_kind(
    a: &Candidate<'_>,
    b: &Candidate<'_>,
    actors: &[Actor],
    kind: impl Fn(ActorKind) -> bool,
) -> bool {
    let of = |c: &Candidate<'_>| -> Vec<u32> {
        c.actors().iter().copied().filter(|&i| kind(actors[i as usize].kind)).collect()
    };
    agree(&of(a), &of(b))
}

/// The keys of a figure that says something on its own: not a share in whole percent ("46
/// percent" is in every poll), a count below a hundred or a year, nor another whole number
/// below ten ("0.5 percentage points", "$16 billion" and "5,000 soldiers" do), with its unit
/// and, one key each, the stems of what it measures ("rates", not the "Thursday" it was on).
fn figure_keys(f: &FigureOut, memo: &mut Stems) -> Vec<u32> {
    let n = f.number;
    let whole = n.fract() == 0.0;
    let telling = match f.unit.as_str() {
        // Shares in whole percent are what every poll reports ("46 percent of voters").
        "percent" => !whole,
        "count" => n >= 100.0 && !(whole && (1900.0..=2100.0).contains(&n)),
        _ => !whole || n >= 10.0,
    };
    if !telling {
        return Vec::new();
    }
    static CALENDAR: LazyLock<Box<[u32]>> =
        LazyLock::new(|| Stems::default().hashes(&crate::stages::extract::lexicon::CALENDAR.join(" ")));
    let head = xxh3_64(&n.to_bits().to_le_bytes()) ^ xxh3_64(f.unit.as_bytes()).rotate_left(17);
    let about = memo.hashes(&f.about);
    about
        .iter()
        .filter(|h| CALENDAR.binary_search(h).is_err())
        .map(|&h| xxh3_64(&(head ^ u64::from(h)).to_le_bytes()) as u32)
        .collect()
}

/// What a statement's numbers are compared on (see [`Candidate::numbers`]).
fn number_key(n: f64) -> u32 {
    xxh3_64(&n.to_bits().to_le_bytes()) as u32
}

/// Two statements that share fewer content words than this are not one claim, however rare
/// the words: "Michael Briggs, a spokesman for Sanders" is not a claim of its own.
const MIN_SHARED_STEMS: usize = 3;

/// How many characters of a stem compare (see [`Stems`]).
const STEM_PREFIX: usize = 6;

/// Stems in more statements than this are too common to find restatements by; the bound also
/// keeps the pass linear on large corpora.
const COMMON_STEM: usize = 200;

/// Figure keys (see [`figure_keys`]) in more statements than this find no restatements: a
/// figure that many give of one thing is a commonplace, and the bound keeps the pass linear.
const COMMON_FIGURE: usize = 32;

/// Statements compared per parallel batch: bounds the memory the pairs take.
const BATCH: usize = 8192;

/// The statements of the articles that are not copies, with what they are compared on.
fn candidates<'c, 'f>(
    corpus: &'c Corpus,
    actors: &[Actor],
    ids: &ActorIds,
    figures: impl Fn(usize) -> &'f [FigureOut] + Sync,
) -> Vec<Candidate<'c>> {
    // The stems of each actor's names, to tell a sentence's names from its other words.
    let name_stems: Vec<Box<[u32]>> = actors
        .par_iter()
        .map_init(Stems::default, |stems, a| {
            let names = std::iter::once(&a.name).chain(&a.aliases);
            let mut v: Vec<u32> = names.flat_map(|n| stems.hashes(n).into_vec()).collect();
            v.sort_unstable();
            v.dedup();
            v.into_boxed_slice()
        })
        .collect();
    corpus
        .articles
        .par_iter()
        .enumerate()
        .filter(|(_, a)| a.duplicate_of.is_none())
        .map_init(Stems::default, |memo, (ai, a)| {
            let name_stems = &name_stems;
            let figures = figures(ai);
            let each = a.extraction.statements.iter().map(|s| {
                let text = a.text_at(s.sentence);
                let mut actors: Vec<u32> = s.actors.iter().filter_map(|&n| ids.at(ai, n)).collect();
                actors.sort_unstable();
                actors.dedup();
                let mut stems = memo.hashes(text).into_vec();
                stems.retain(|h| !actors.iter().any(|&x| name_stems[x as usize].binary_search(h).is_ok()));
                let mut numbers: Vec<u32> = figures
                    .iter()
                    .filter(|f| f.sentence == s.sentence)
                    .flat_map(|f| std::iter::once(f.number).chain(f.number_max))
                    .map(number_key)
                    .collect();
                numbers.sort_unstable();
                numbers.dedup();
                let mut keys: Vec<u32> = figures
                    .iter()
                    .filter(|f| f.sentence == s.sentence)
                    .flat_map(|f| figure_keys(f, memo))
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                // The offsets are `u16`: a sentence has far fewer words than these bounds.
                let actors_at = stems.len().min(usize::from(u16::MAX / 2));
                stems.truncate(actors_at);
                actors.truncate(usize::from(u16::MAX / 8));
                numbers.truncate(usize::from(u16::MAX / 8));
                keys.truncate(usize::from(u16::MAX / 8));
                let numbers_at = (actors_at + actors.len()) as u16;
                let figures_at = numbers_at + numbers.len() as u16;
                let mut features = stems;
                features.extend(actors);
                features.extend(numbers);
                features.extend(keys);
                Candidate {
                    article: ai as u32,
                    paragraph: s.sentence.paragraph,
                    text,
                    kind: s.kind,
                    features: features.into_boxed_slice(),
                    actors_at: actors_at as u16,
                    numbers_at,
                    figures_at,
                    attributed: s.attributed_to.and_then(|n| ids.at(ai, n)),
                    survey_method: describes_a_survey(text),
                    norm: 0.0,
                }
            });
            let statements: Vec<Candidate<'c>> = each.collect();
            let headline = a.meta.title.as_deref().and_then(|t| headline(t, ai, &statements, actors));
            headline.into_iter().chain(statements).collect::<Vec<_>>()
        })
        .flat_map_iter(|cands| cands)
        .collect()
}

/// [`Candidate::paragraph`] of an article's headline, which is in no paragraph.
const HEADLINE: u32 = u32::MAX;

/// Headlines shorter than this many words ("Rehab again") state too little to be a claim.
const HEADLINE_WORDS: usize = 4;

/// An article's headline as a statement: it states the fact the article is about, in the
/// fewest words. Extraction reads paragraphs only, so the headline's actors are those of the
/// article's statements whose name or a variant it writes, and its numbers are its figures'.
fn headline<'c>(
    title: &'c str,
    article: usize,
    statements: &[Candidate<'c>],
    actors: &[Actor],
) -> Option<Candidate<'c>> {
    // A headline that asks ("Will the president stay loyal to the end?") states nothing.
    if crate::text::words(title).count() < HEADLINE_WORDS || title.trim_end().ends_with('?') {
        return None;
    }
    let writes_name = |name: &str| {
        title.match_indices(name).any(|(at, _)| {
            let before = title[..at].chars().next_back();
            let after = title[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    let mut named: Vec<u32> = statements
        .iter()
        .flat_map(|c| c.actors().iter().copied())
        .filter(|&i| {
            let a = &actors[i as usize];
            std::iter::once(&a.name).chain(&a.aliases).any(|n| writes_name(n))
        })
        .collect();
    named.sort_unstable();
    named.dedup();
    let mut numbers: Vec<u32> = crate::stages::extract::figures::find(title)
        .iter()
        .flat_map(|f| std::iter::once(f.number).chain(f.number_max))
        .map(number_key)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    let mut memo = Stems::default();
    let mut stems = memo.hashes(title).into_vec();
    let name_stems: Vec<u32> = named
        .iter()
        .flat_map(|&i| {
            let a = &actors[i as usize];
            std::iter::once(&a.name)
                .chain(&a.aliases)
                .flat_map(|n| memo.hashes(n).into_vec())
                .collect::<Vec<_>>()
        })
        .collect();
    stems.retain(|h| !name_stems.contains(h));
    let actors_at = stems.len().min(usize::from(u16::MAX / 2));
    stems.truncate(actors_at);
    let numbers_at = (actors_at + named.len()) as u16;
    let figures_at = numbers_at + numbers.len() as u16;
    let mut features = stems;
    features.extend(named);
    features.extend(numbers);
    Some(Candidate {
        article: article as u32,
        paragraph: HEADLINE,
        text: title,
        kind: ClaimKind::Statement,
        features: features.into_boxed_slice(),
        actors_at: actors_at as u16,
        numbers_at,
        figures_at,
        attributed: None,
        survey_method: false,
        norm: 0.0,
    })
}

/// Groups statements that say the same thing, across articles. Candidates are found through
/// an inverted index of stems (rare stems only), so the pass is not quadratic in statements;
/// batches of statements are compared in parallel and the pairs applied in order, so the
/// result does not depend on the thread count.
///
/// Pairs join from the most similar down, and two groups join only when their first pairs
/// (the statements that stand for them) are similar too: one sentence that restates two
/// claims does not chain them into one.
#[allow(clippy::too_many_arguments)]
fn group_claims(
    corpus: &Corpus,
    cfg: &ConsolidateConfig,
    article_ids: &[ArticleId],
    actors: &[Actor],
    mut cands: Vec<Candidate<'_>>,
    weights: Weights,
    meaning: &meaning::Meaning,
    story_of: &[Option<u32>],
) -> Vec<Claim> {
    let n = cands.len();
    cands.par_iter_mut().for_each(|c| c.norm = weights.norm(c));
    let figures = FigureIndex::new(&cands);
    let mut centrality = vec![0.0f64; n];
    let mut close: Vec<(f64, u32, u32)> = Vec::new();
    for start in (0..n).step_by(BATCH) {
        let end = (start + BATCH).min(n);
        let pairs: Vec<Vec<(u32, f64)>> = (start..end)
            .into_par_iter()
            .map_init(Vec::new, |later: &mut Vec<u32>, i| {
                // Later statements that share at least two rare stems with this one.
                later.clear();
                let add = |later: &mut Vec<u32>, s: u32| {
                    let list = weights.index.get(s);
                    if list.len() <= COMMON_STEM {
                        let after = list.partition_point(|&j| j as usize <= i);
                        later.extend_from_slice(&list[after..]);
                    }
                };
                for &s in cands[i].stems() {
                    add(later, s);
                }
                // One figure in common is enough to compare two statements, unless many give
                // it ("$1 million" of "people").
                for &k in cands[i].figure_keys() {
                    let list = figures.get(k);
                    let after = list.partition_point(|&j| j as usize <= i);
                    later.extend_from_slice(&list[after..]);
                    later.extend_from_slice(&list[after..]);
                }
                later.sort_unstable();
                let mut out = Vec::new();
                for run in later.chunk_by(|a, b| a == b).filter(|run| run.len() >= 2) {
                    let j = run[0];
                    out.push((j, similarity(&cands[i], &cands[j as usize], &weights)));
                }
                out
            })
            .collect();
        for (i, list) in (start..end).zip(pairs) {
            for (j, sim) in list {
                centrality[i] += sim;
                centrality[j as usize] += sim;
                // Restatements within one article are not corroboration: group across articles only.
                let (a, b) = (&cands[i], &cands[j as usize]);
                if a.article != b.article && one_claim(a, b, sim, cfg.claim_similarity, actors) {
                    close.push((sim.max(cfg.claim_similarity), i as u32, j));
                }
            }
        }
    }
    // Pairs that say one thing in other words, by the sentence model.
    for &(sim, i, j) in &meaning.pairs {
        centrality[i as usize] += sim;
        centrality[j as usize] += sim;
        close.push((sim, i, j));
    }
    let same_meaning = |i: u32, j: u32| {
        meaning.similarity(i as usize, j as usize, story_of).is_some_and(|s| {
            s >= meaning::JOIN_SIMILARITY
                && meaning::compatible(&cands[i as usize], &cands[j as usize], actors)
        })
    };
    close.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut sets = UnionFind::new(n);
    // The statement that stands for each group (by its root): the earliest of those that
    // stood for the groups it joined, so a group is never further from it than one pair.
    let mut stands_for: Vec<u32> = (0..n as u32).collect();
    // The claims by meaning first: each is already one claim, by average link.
    for group in &meaning.claims {
        for &j in &group[1..] {
            let (ri, rj) = (sets.find(group[0] as usize), sets.find(j as usize));
            if ri != rj {
                let first = stands_for[ri].min(stands_for[rj]);
                sets.union(ri, rj);
                stands_for[sets.find(ri)] = first;
            }
        }
    }
    for (_, i, j) in close {
        let (ri, rj) = (sets.find(i as usize), sets.find(j as usize));
        if ri == rj {
            continue;
        }
        let (x, y) = (stands_for[ri], stands_for[rj]);
        let (a, b) = (&cands[x as usize], &cands[y as usize]);
        if one_claim(a, b, similarity(a, b, &weights), cfg.claim_similarity, actors) || same_meaning(x, y) {
            let first = stands_for[ri].min(stands_for[rj]);
            sets.union(ri, rj);
            stands_for[sets.find(ri)] = first;
        }
    }
    drop(stands_for);
    // The stem index (in the weights) is the largest thing here: free it before ranking
    // allocates.
    drop(weights);
    let groups = sets.groups();
    drop(sets);
    let max_c = centrality.iter().cloned().fold(0.0, f64::max).max(1e-9);
    // Rank every group on cheap keys, then build only the claims the briefing keeps. Only the
    // best are held (most groups are one statement, and a corpus has millions): the list is
    // cut back to `max_claims` whenever it doubles. The group's number settles ties, so the
    // result is the order a full sort of all groups would give.
    struct Ranked {
        group: usize,
        articles: usize,
        score: f64,
        first: usize,
    }
    let rank = |group: usize, members: &[u32]| {
        let articles = match members {
            [_] => 1,
            _ => independent_articles(members, &cands),
        };
        let members_usize = || members.iter().map(|&i| i as usize);
        let corroboration = ((articles as f64 - 1.0) / 3.0).min(1.0);
        let central = members_usize().map(|i| centrality[i]).fold(0.0, f64::max) / max_c;
        let sourced = if members_usize().any(|i| cands[i].attributed.is_some()) { 1.0 } else { 0.0 };
        let score = ((0.55 * corroboration + 0.3 * central + 0.15 * sourced) * 1000.0).round() / 1000.0;
        // Members are in corpus order, so the first is the earliest source sentence.
        let first = members_usize()
            .min_by_key(|&i| (cands[i].article, cands[i].paragraph, cands[i].text))
            .expect("members");
        Ranked { group, articles, score, first }
    };
    let rep_of = |members: &[u32]| {
        members
            .iter()
            .map(|&i| i as usize)
            .max_by(|&a, &b| centrality[a].total_cmp(&centrality[b]).then_with(|| b.cmp(&a)))
            .expect("members")
    };
    let key = |r: &Ranked| (cands[r.first].article, cands[r.first].paragraph);
    let order = |a: &Ranked, b: &Ranked| {
        b.articles
            .min(2)
            .cmp(&a.articles.min(2))
            .then(b.score.total_cmp(&a.score))
            .then_with(|| key(a).cmp(&key(b)))
            .then_with(|| {
                cands[rep_of(groups.get(a.group))].text.cmp(cands[rep_of(groups.get(b.group))].text)
            })
            .then(a.group.cmp(&b.group))
    };
    let mut ranked: Vec<Ranked> = Vec::with_capacity(2 * cfg.max_claims + 1);
    for (group, members) in groups.iter().enumerate() {
        ranked.push(rank(group, members));
        if ranked.len() > 2 * cfg.max_claims {
            ranked.sort_by(order);
            ranked.truncate(cfg.max_claims);
        }
    }
    ranked.sort_by(order);
    ranked.truncate(cfg.max_claims);
    // Where each paragraph that dedup marked as a repeat came from: (article, paragraph) of
    // the original → the copies.
    let mut copies: HashMap<(&str, usize), Vec<(ArticleId, usize)>> = HashMap::new();
    for (a, id) in corpus.articles.iter().zip(article_ids) {
        for p in &a.paragraphs {
            if let Some(of) = &p.duplicate_of {
                copies.entry((of.article.as_str(), of.paragraph)).or_default().push((id.clone(), p.index));
            }
        }
    }
    ranked
        .into_iter()
        .enumerate()
        .map(|(k, r)| {
            let rep = rep_of(groups.get(r.group));
            let members = || groups.get(r.group).iter().map(|&i| &cands[i as usize]);
            let id = |i: u32| actors[i as usize].id.as_str();
            let attributed: BTreeSet<&str> = members().filter_map(|c| c.attributed).map(id).collect();
            let actor_ids: BTreeSet<&str> =
                members().flat_map(|c| c.actors().iter().copied()).map(id).collect();
            let mut sources: Vec<ClaimSource> = members()
                .map(|c| ClaimSource {
                    article: article_ids[c.article as usize].clone(),
                    paragraph: (c.paragraph != HEADLINE).then_some(c.paragraph as usize),
                    line: (c.paragraph == HEADLINE)
                        .then(|| headline_line(corpus, c.article as usize))
                        .flatten(),
                    text: c.text.to_string(),
                })
                .collect();
            // The paragraphs that dedup found repeated in other articles carry the sentence
            // too: more outlets, not more independent reports.
            let copied: Vec<ClaimSource> = sources
                .iter()
                .filter_map(|s| Some((copies.get(&(&*s.article, s.paragraph?))?, s)))
                .flat_map(|(list, s)| {
                    list.iter().map(|(article, paragraph)| ClaimSource {
                        article: article.clone(),
                        paragraph: Some(*paragraph),
                        line: None,
                        text: s.text.clone(),
                    })
                })
                .collect();
            sources.extend(copied);
            sources
                .sort_by(|a, b| (&a.article, a.paragraph, &a.text).cmp(&(&b.article, b.paragraph, &b.text)));
            sources.dedup();
            Claim {
                id: format!("claim-{:03}", k + 1),
                summary: without_doubled_stop(cands[rep].text).to_string(),
                kind: cands[rep].kind,
                score: r.score,
                actors: actor_ids.into_iter().map(String::from).collect(),
                attributed_to: attributed.into_iter().map(String::from).collect(),
                story: story_of[rep].map(stories::id),
                independent_sources: r.articles,
                sources,
            }
        })
        .collect()
}

/// The line of an article's headline: the removed block that holds it.
fn headline_line(corpus: &Corpus, article: usize) -> Option<usize> {
    let a = &corpus.articles[article];
    let title = a.meta.title.as_deref()?;
    a.removed.iter().find(|r| r.text.trim() == title).map(|r| r.lines[0])
}

/// Sentences of this many words or more that two articles print nearly word for word come
/// from one source (a wire story both ran), not from two.
const COPIED_WORDS: usize = 15;

/// A quote's own words are not compared (see [`independent_articles`]); with fewer words than
/// this around it, two copies cannot be told from two outlets that heard one speech.
const FRAMING_WORDS: usize = 5;

/// The text of a sentence outside its quotation marks.
fn outside_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '“' | '«' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Groups larger than this count their articles without looking for copied sentences, which
/// compares every pair of members.
const COPIES_CHECKED_UP_TO: usize = 64;

/// How many independent articles a group's statements come from: distinct articles, where
/// two that carry one long sentence nearly word for word (four in five of their pairs of
/// adjacent words shared) count once. For a quote, outlets quote a speech word for word on
/// their own, so only the words around it are compared: an agency's "…," Ann Lee told
/// reporters in Minsk on Thursday, run by five papers, is one report.
fn independent_articles(members: &[u32], cands: &[Candidate<'_>]) -> usize {
    let articles: Vec<u32> = {
        let mut a: Vec<u32> = members.iter().map(|&i| cands[i as usize].article).collect();
        a.sort_unstable();
        a.dedup();
        a
    };
    if articles.len() < 2 || members.len() > COPIES_CHECKED_UP_TO {
        return articles.len();
    }
    // Each sentence's pairs of adjacent words: a copy keeps them, a rewording does not.
    let pairs: Vec<Option<BTreeSet<(String, String)>>> = members
        .iter()
        .map(|&i| {
            let c = &cands[i as usize];
            let w: Vec<String> = crate::text::words(c.text).map(str::to_lowercase).collect();
            // A quote is a copy when the words around it are copied too.
            let framing: Vec<String> =
                crate::text::words(&outside_quotes(c.text)).map(str::to_lowercase).collect();
            let long =
                w.len() >= COPIED_WORDS && (c.kind != ClaimKind::Quote || framing.len() >= FRAMING_WORDS);
            long.then(|| {
                let mut pairs: BTreeSet<(String, String)> =
                    w.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect();
                if c.kind == ClaimKind::Quote {
                    // Only the framing counts: the quote itself is the speaker's, not the outlet's.
                    pairs = framing.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect();
                }
                pairs
            })
        })
        .collect();
    let mut origins = UnionFind::new(articles.len());
    let at = |i: u32| articles.binary_search(&cands[i as usize].article).expect("member's article");
    for (x, a) in pairs.iter().enumerate() {
        for (y, b) in pairs.iter().enumerate().skip(x + 1) {
            let (Some(a), Some(b)) = (a, b) else { continue };
            if 5 * a.intersection(b).count() >= 4 * a.union(b).count() {
                origins.union(at(members[x]), at(members[y]));
            }
        }
    }
    origins.groups().len()
}

/// A sentence as the briefing shows it (a claim's summary, a timeline entry): without the
/// typo of a doubled full stop at its end ("… attack.."); an ellipsis ("…...") stays.
fn without_doubled_stop(sentence: &str) -> &str {
    match sentence.strip_suffix("..") {
        Some(stem) if !stem.ends_with('.') => &sentence[..sentence.len() - 1],
        _ => sentence,
    }
}

/// The content stems of texts as sorted, distinct 32-bit hashes, with a memo of word → hash:
/// the stemmer is the costly part of comparing statements, and a corpus uses few words often.
/// One per parallel task, dropped with it. Two stems that share a hash (one pair in millions
/// among a corpus's stems) only nudge a similarity.
///
/// A stem counts by its first [`STEM_PREFIX`] characters: the stemmer leaves "recognition"
/// and "recognize", "presidential" and "president" apart, which restatements mix.
#[derive(Default)]
struct Stems(FxHashMap<String, u32>);

impl Stems {
    /// How many words one memo keeps before it starts again: a megabyte or two.
    const WORDS: usize = 20_000;

    /// The sorted, distinct hashes of `text`'s content stems.
    fn hashes(&mut self, text: &str) -> Box<[u32]> {
        let prefix = |s: &str| s.char_indices().nth(STEM_PREFIX).map_or(s.len(), |(at, _)| at);
        if self.0.len() > Self::WORDS {
            self.0.clear();
        }
        let mut v = Vec::new();
        for_each_content_word(text, |word| {
            if REPORTING.binary_search(&word).is_ok() {
                return;
            }
            let hash = match self.0.get(word) {
                Some(&hash) => hash,
                None => {
                    let s = stem(word);
                    let hash = xxh3_64(&s.as_bytes()[..prefix(&s)]) as u32;
                    self.0.insert(word.to_string(), hash);
                    hash
                }
            };
            v.push(hash);
        });
        v.sort_unstable();
        v.dedup();
        v.into_boxed_slice()
    }
}

/// Words that say how a claim was reported, not what it says (lower case, sorted): two outlets
/// that report one claim attribute it in their own words ("said at a press conference", "told
/// reporters"), so these would only keep restatements apart.
const REPORTING: &[&str] = &[
    "according",
    "add",
    "added",
    "adding",
    "adds",
    "briefing",
    "conference",
    "explained",
    "interview",
    "noted",
    "press",
    "reported",
    "reporters",
    "reports",
    "said",
    "say",
    "saying",
    "says",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "stated",
    "statement",
    "tell",
    "telling",
    "tells",
    "told",
];

#[cfg(test)]
mod tests {
    use super::actors::slug;
    use super::contradictions::writes;
    use super::*;
    use crate::config::ExtractConfig;
    use crate::model::{Article, Day};
    use crate::stages::extract::extract_article;

    /// An article as extract leaves it.
    fn article(id: &str, date: Day, paras: &[&str]) -> Article {
        let mut a = Article::from_paragraphs(id, date, paras);
        a.extraction = extract_article(&a, &ExtractConfig::default());
        a
    }

    fn corpus(articles: Vec<Article>) -> Corpus {
        Corpus { articles, ..Corpus::default() }
    }

    /// The digest of articles all dated 5 March 2024, each given as its id and paragraphs.
    fn digest_of(articles: &[(&str, &[&str])]) -> Digest {
        let day = Day::ymd(2024, 3, 5);
        let mut c = corpus(articles.iter().map(|(id, paras)| article(id, day, paras)).collect());
        consolidate(&mut c, &ConsolidateConfig::default(), None)
    }

    /// The claim whose summary holds `words`.
    fn claim_with<'d>(digest: &'d Digest, words: &str) -> &'d Claim {
        let claim = digest.claims.iter().find(|c| c.summary.contains(words));
        claim.unwrap_or_else(|| panic!("no claim with {words:?} in {:#?}", digest.claims))
    }

    /// The sources of the claim whose summary holds `words`.
    fn sources_of<'d>(digest: &'d Digest, words: &str) -> BTreeSet<&'d str> {
        claim_with(digest, words).sources.iter().map(|s| &*s.article).collect()
    }

    #[test]
    fn a_summary_loses_a_doubled_full_stop_but_not_an_ellipsis() {
        assert_eq!(without_doubled_stop("It came from a attack.."), "It came from a attack.");
        assert_eq!(without_doubled_stop("And then..."), "And then...");
        assert_eq!(without_doubled_stop("It ended."), "It ended.");
    }

    #[test]
    fn the_same_claim_from_two_outlets_is_one_claim_with_both_sources() {
        let digest = digest_of(&[
            (
                "a",
                &[
                    "The central bank of Norland raised its key interest rate by half a point on Tuesday, governor Ola Berg said.",
                    "Farmers in the south of Norland protested against new fuel taxes for a third day in a row.",
                ],
            ),
            (
                "b",
                &[
                    "On Tuesday the central bank of Norland raised the key interest rate by half a point, Ola Berg said.",
                ],
            ),
        ]);
        let rate = claim_with(&digest, "interest rate");
        assert_eq!(rate.independent_sources, 2, "{rate:?}");
        assert_eq!(sources_of(&digest, "interest rate"), BTreeSet::from(["a", "b"]));
        let farmers = claim_with(&digest, "Farmers");
        assert_eq!(farmers.independent_sources, 1);
        assert_eq!(
            digest.key_judgments.first().map(|k| &k.claim),
            Some(&rate.id),
            "the corroborated claim leads"
        );
    }

    #[test]
    fn a_sentence_two_articles_print_word_for_word_is_one_source_but_a_quote_is_not() {
        let wire = "The central bank of Norland raised its key interest rate by half a point on Tuesday, the largest increase in two decades, governor Ola Berg said.";
        let quote = "“We will not raise taxes this year, whatever the opposition says about the budget and the deficit,” said Ola Berg.";
        let digest = digest_of(&[
            ("a", &[wire, quote]),
            ("b", &["Farmers blocked the roads of Varna province for a third day.", wire, quote]),
            (
                "c",
                &[
                    "Ola Berg told reporters on Tuesday that the central bank of Norland had raised its interest rate by half a point.",
                ],
            ),
        ]);
        let rate = claim_with(&digest, "interest rate");
        assert_eq!(sources_of(&digest, "interest rate"), BTreeSet::from(["a", "b", "c"]));
        assert_eq!(rate.independent_sources, 2, "a and b ran one wire story: {rate:?}");
        let taxes = claim_with(&digest, "raise taxes");
        assert_eq!(taxes.independent_sources, 2, "{taxes:?}");
    }

    #[test]
    fn how_outlets_attribute_a_claim_does_not_keep_it_apart() {
        assert!(REPORTING.windows(2).all(|w| w[0] < w[1]), "sorted, for the binary search");
        let digest = digest_of(&[
            (
                "a",
                &[
                    "Lena Marsh said at a press conference on Friday that the new bridge over the Tolby river will open in May.",
                ],
            ),
            (
                "b",
                &[
                    "The new bridge over the Tolby river will open in May, Lena Marsh told reporters in a statement.",
                ],
            ),
        ]);
        assert_eq!(sources_of(&digest, "bridge"), BTreeSet::from(["a", "b"]), "{:#?}", digest.claims);
    }

    #[test]
    fn a_sentence_that_restates_two_claims_does_not_chain_them() {
        let digest = digest_of(&[
            (
                "a",
                &[
                    "The parliament of Norland voted to lower the national speed limit on motorways to 100 kilometres an hour.",
                ],
            ),
            (
                "b",
                &[
                    "The parliament of Norland voted to lower the national speed limit on motorways to 100 kilometres an hour, and the health ministry ordered every school in Varna province closed until the flu season ends.",
                ],
            ),
            (
                "c",
                &[
                    "The health ministry ordered every school in Varna province closed until the flu season ends, officials confirmed.",
                ],
            ),
        ]);
        let speed = sources_of(&digest, "speed limit");
        let schools = sources_of(&digest, "every school");
        assert!(speed.len() == 2 || schools.len() == 2, "{:#?}", digest.claims);
        assert!(!(speed.contains("a") && speed.contains("c")), "a and c say different things: {speed:?}");
    }

    #[test]
    fn shared_names_or_differing_numbers_do_not_make_one_claim() {
        let digest = digest_of(&[
            (
                "a",
                &[
                    "A spokesman for Ola Berg declined to comment on the report on Tuesday evening.",
                    "At least 12 people were killed in the flooding in Varna province, officials said.",
                ],
            ),
            (
                "b",
                &[
                    "A spokesman for Kari Lund declined to comment on the report on Tuesday evening.",
                    "At least 20 people were killed in the flooding in Varna province, officials said.",
                ],
            ),
        ]);
        assert_eq!(sources_of(&digest, "Ola Berg"), BTreeSet::from(["a"]));
        assert_eq!(sources_of(&digest, "12 people"), BTreeSet::from(["a"]));
        assert_eq!(digest.contradictions.len(), 1, "the counts differ: {:?}", digest.contradictions);
    }

    #[test]
    fn one_telling_figure_of_one_thing_makes_one_claim_however_worded() {
        let digest = digest_of(&[
            (
                "a",
                &[
                    "The central bank raised rates by half a point on Thursday, its biggest increase in two decades.",
                    "In Varna, 46 percent of voters backed the mayor in the poll published on Monday.",
                    "Unemployment in Varna fell to 4.9 percent last month, the statistics office said.",
                    "Ola Berg's campaign raised $6 million from small donors in March.",
                ],
            ),
            (
                "b",
                &[
                    "Interest rates went up 0.5 percentage points after the central bank's board met in the capital.",
                    "In Varna, 46 percent of voters backed the new tax on tourists, a separate survey found.",
                    "Unemployment in Tolby fell to 4.9 percent in the spring, the statistics office said.",
                    "The online appeal raised $6 million in the day after the polls closed.",
                ],
            ),
        ]);
        assert_eq!(sources_of(&digest, "half a point"), BTreeSet::from(["a", "b"]));
        // A share in whole percent is in every poll; one figure of two places is two claims.
        assert_eq!(
            sources_of(&digest, "46 percent of voters backed the mayor in the poll"),
            BTreeSet::from(["a"])
        );
        assert_eq!(sources_of(&digest, "Unemployment in Varna"), BTreeSet::from(["a"]));
        // Worded differently, one figure is one claim only where both name the same actor or
        // neither names any: whose campaign raised the $6 million the other does not say.
        assert_eq!(sources_of(&digest, "Ola Berg's campaign raised"), BTreeSet::from(["a"]));
    }

    #[test]
    fn two_polls_are_one_claim_only_for_one_result_about_the_same_people() {
        let digest = digest_of(&[
            (
                "a",
                &[
                    "Ana Lind is leading Jon Frey among likely voters in Tolby, 48 percent to 45 percent, the poll found.",
                    "The poll has a margin of error of 3 percentage points.",
                    "The poll by the Tolby Institute shows Ana Lind leading Eva Berg, 51 percent to 40 percent.",
                ],
            ),
            (
                "b",
                &[
                    "Ana Lind is leading Ola Dahl among likely voters in Tolby, 48 percent to 45 percent, the poll found.",
                    "The new poll has a margin of error of three percentage points.",
                    "The survey by the Tolby Institute finds Ana Lind ahead of Eva Berg, 51 percent to 40 percent.",
                ],
            ),
        ]);
        // The same figures of two races, and two polls' margins of error, are two claims each.
        assert_eq!(sources_of(&digest, "leading Jon Frey"), BTreeSet::from(["a"]));
        assert_eq!(sources_of(&digest, "The poll has a margin"), BTreeSet::from(["a"]));
        // One poll's result, reported twice, is one claim.
        assert_eq!(sources_of(&digest, "Tolby Institute shows"), BTreeSet::from(["a", "b"]));
    }

    #[test]
    fn a_day_long_past_takes_its_year_from_an_article_written_near_it() {
        let early =
            "From February 24, when the invasion began, it was clear the leader hoped for a quick end.";
        let late = |what: &str| {
            format!("He accused the council of planning an attack before the {what} on February 24.")
        };
        let dates_of = |late_text: &str| -> Vec<(Day, String)> {
            let mut c = corpus(vec![
                article("early", Day::ymd(2022, 5, 20), &[early]),
                article("late", Day::ymd(2023, 12, 6), &[late_text]),
            ]);
            let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
            digest.timeline.iter().map(|t| (t.date, t.article.to_string())).collect()
        };
        // Both speak of the invasion: the article three months after it dates it.
        assert_eq!(
            dates_of(&late("invasion")),
            [(Day::ymd(2022, 2, 24), "early".to_string()), (Day::ymd(2022, 2, 24), "late".to_string())]
        );
        // Nothing shared: each article's own reading stands.
        assert_eq!(
            dates_of(&late("vote")),
            [(Day::ymd(2022, 2, 24), "early".to_string()), (Day::ymd(2023, 2, 24), "late".to_string())]
        );
    }

    #[test]
    fn a_sentence_with_two_dates_is_one_row_dated_by_the_earlier() {
        // 29 June 2022 was a Wednesday.
        let trip =
            "On Tuesday, the president flew to Tajikistan before going on to Turkmenistan on Wednesday.";
        let vote = "The council voted on the budget in March 2021, and again in May 2021.";
        let mut c = corpus(vec![article("trip", Day::ymd(2022, 6, 29), &[trip, vote])]);
        let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
        let rows: Vec<(Day, &str)> = digest.timeline.iter().map(|t| (t.date, t.text.as_str())).collect();
        assert_eq!(rows, [(Day::ymd(2021, 3, 0), vote), (Day::ymd(2022, 6, 28), trip)]);
    }

    #[test]
    fn differing_figures_are_a_conflict_on_one_day_and_a_change_over_days() {
        let flood = |n: u32| {
            format!("At least {n} people were killed in the flooding in Varna province, officials said.")
        };
        for (second_day, kind) in [(Day::ymd(2024, 3, 5), "conflict"), (Day::ymd(2024, 3, 9), "change")] {
            let mut c = corpus(vec![
                article("a", Day::ymd(2024, 3, 5), &[&flood(12)]),
                article("b", second_day, &[&flood(20)]),
            ]);
            let digest = consolidate(&mut c, &ConsolidateConfig::default(), None);
            assert_eq!(digest.contradictions.len(), 1, "{:?}", digest.contradictions);
            let found = &digest.contradictions[0];
            assert_eq!(found.kind, kind);
            let values: Vec<&str> = found.values.iter().map(|v| v.value.as_str()).collect();
            assert!(
                values.iter().any(|v| v.contains("12")) && values.iter().any(|v| v.contains("20")),
                "{values:?}"
            );
        }
    }

    #[test]
    fn counts_of_unrelated_things_are_no_disagreement() {
        let digest = digest_of(&[
            ("a", &["Three people were shot last summer at a cinema screening in Lafayette."]),
            ("b", &["The senator spoke to a crowd of 3,000 people in downtown Reno on Sunday."]),
        ]);
        assert_eq!(digest.figures.len(), 2, "{:?}", digest.figures);
        assert!(digest.contradictions.is_empty(), "{:?}", digest.contradictions);
    }

    /// The disagreements between two articles of one sentence each.
    fn disagreements(a: &str, b: &str) -> Vec<Contradiction> {
        digest_of(&[("a", &[a]), ("b", &[b])]).contradictions
    }

    #[test]
    fn figures_of_unnamed_polls_or_of_other_states_are_no_disagreement() {
        // Two polls' margins of error: nothing names which poll.
        let found = disagreements(
            "The poll of likely voters has a margin of error of plus or minus 3 percentage points.",
            "The poll of likely voters has a margin of error of plus or minus 4.5 percentage points.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Named or not, two polls' margins of error and samples are how each was taken.
        let found = disagreements(
            "The Quinnipiac poll of 1,237 voters has a margin of error of 3 percentage points.",
            "The Quinnipiac poll of 1,561 voters has a margin of error of 2.5 percentage points.",
        );
        assert!(found.is_empty(), "{found:?}");
        // A sentence that gives the other's number too speaks of something else with its own.
        let florida = "Senator Ann Lee picked up all 99 delegates in Florida on Tuesday night.";
        let found = disagreements(
            florida,
            "Both Florida, 99 delegates, and Ohio, 66 delegates, went to Senator Ann Lee on Tuesday.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Named, and with nothing to tell them apart, they disagree.
        let found = disagreements(florida, &florida.replace("99", "92"));
        assert_eq!(found.len(), 1, "{found:?}");
        // One that writes the other's number without a noun after it speaks of it too.
        let found = disagreements(
            "Senator Ann Lee is within 150 delegates of the 2,383 needed to clinch the nomination.",
            "Senator Ann Lee needs 2,383 delegates to clinch the nomination of the party.",
        );
        assert!(found.is_empty(), "{found:?}");
        // Another state is another race.
        let found = disagreements(florida, &florida.replace("99", "92").replace("Florida", "Ohio"));
        assert!(found.is_empty(), "{found:?}");
        // Two lengths of time are two periods.
        let found = disagreements(
            "Ann Lee has done more presidential things in two weeks than Eva Berg has in 2016.",
            "Ann Lee has done more presidential things in three weeks than Eva Berg has done in 2016.",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_number_is_written_only_where_it_stands_alone() {
        assert!(writes("the 2,383 needed", 2383.0));
        assert!(writes("needs 2383.", 2383.0));
        assert!(!writes("the 12,383 needed", 2383.0));
        assert!(!writes("2,383.5 points", 2383.0));
        assert!(!writes("half a point", 0.5));
    }

    #[test]
    fn a_described_speaker_is_the_quotes_speaker_name_but_no_actor() {
        let digest = digest_of(&[(
            "a",
            &[
                "“Many firms have opened offices in Tolby to move their money,” an anonymous businessman tells the paper.",
            ],
        )]);
        let quote = &digest.quotes[0];
        assert_eq!(
            (quote.speaker.as_deref(), quote.speaker_name.as_deref()),
            (None, Some("an anonymous businessman"))
        );
    }

    #[test]
    fn a_surname_alone_is_the_namesake_far_more_articles_name() {
        let ana = "Ana Lind, the mayor of Tolby, opened the new bridge on Monday.";
        let eva = "Eva Lind, her cousin, spoke at the opening of the bridge in Tolby.";
        let lone = "Lind said the bridge would cut the drive to the capital by an hour.";
        let aliases_of = |articles: &[(&str, &[&str])]| {
            let digest = digest_of(articles);
            let ana = digest.actors.iter().find(|a| a.name == "Ana Lind").expect("Ana Lind");
            ana.aliases.clone()
        };
        let (ana, eva, lone): (&[&str], &[&str], &[&str]) = (&[ana], &[eva], &[lone]);
        let mut articles = vec![("a", ana), ("b", ana), ("c", ana), ("d", ana), ("e", eva), ("f", lone)];
        assert_eq!(aliases_of(&articles), ["Lind"]);
        // With a second namesake as well known, "Lind" could be either.
        articles.extend([("g", eva), ("h", eva)]);
        assert!(aliases_of(&articles).is_empty());
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Ségolène Royal"), "segolene-royal");
        assert_eq!(slug("Институт"), "actor");
    }

    /// Sentences of other news, each naming someone else: enough of a story around a pair for
    /// its mean to say what the story is about (see `meaning::MIN_TO_CENTRE`).
    fn other_news(article: usize) -> Vec<String> {
        const PEOPLE: [&str; 8] =
            ["Ola Berg", "Dana Vick", "Ivo Lund", "Mira Holt", "Tom Frey", "Ana Lind", "Bo Ek", "Kai Dahl"];
        const DOINGS: [&str; 14] = [
            "opened a new bakery in the old harbour district on Monday morning",
            "won the regional chess championship after a nine-hour final game",
            "published a cookbook of traditional fish recipes from the islands",
            "was appointed coach of the national volleyball team for two years",
            "restored a medieval church organ that had been silent since the war",
            "sailed alone around the southern cape in a small wooden boat",
            "planted four hundred apple trees on the hills above the village",
            "released an album of folk songs recorded in a mountain cabin",
            "donated a collection of rare butterflies to the natural history museum",
            "designed the new footbridge that links the two halves of the town",
            "ran the city marathon in under three hours at the age of seventy",
            "opened a school for young violin makers in a former fire station",
            "found the wreck of a merchant ship off the northern coast",
            "painted a mural of the town's fishermen on the wall of the market hall",
        ];
        DOINGS
            .iter()
            .enumerate()
            .map(|(i, d)| format!("{} {d}.", PEOPLE[(i + article * 3) % PEOPLE.len()]))
            .collect()
    }

    /// The digest of two articles of one story: each holds other news and `said`.
    fn story_of_two(a: &[&str], b: &[&str]) -> Digest {
        let (mut pa, mut pb) = (other_news(0), other_news(1));
        pa.extend(a.iter().map(|s| s.to_string()));
        pb.extend(b.iter().map(|s| s.to_string()));
        let pa: Vec<&str> = pa.iter().map(String::as_str).collect();
        let pb: Vec<&str> = pb.iter().map(String::as_str).collect();
        digest_of(&[("a", &pa), ("b", &pb)])
    }

    #[test]
    fn one_fact_worded_differently_by_two_outlets_is_one_claim() {
        let digest = story_of_two(
            &[
                "Almost all exports of Norland to the European Union are now blocked by the sanctions, Ola Berg said.",
            ],
            &[
                "Ola Berg said trade restrictions have put a stop to most of what Norland sells to the European Union.",
            ],
        );
        assert_eq!(sources_of(&digest, "exports of Norland"), BTreeSet::from(["a", "b"]));
        assert_eq!(claim_with(&digest, "exports of Norland").story.as_deref(), Some("story-01"));
    }

    #[test]
    fn a_denial_or_another_number_is_not_the_same_fact_however_alike() {
        let digest = story_of_two(
            &[
                "Almost all exports of Norland to the European Union are now blocked by the sanctions, Ola Berg said.",
                "The storm destroyed 120 houses on the coast of Norland, Dana Vick said.",
            ],
            &[
                "Ola Berg said the sanctions have not blocked the exports of Norland to the European Union.",
                "The storm destroyed 300 houses on the coast of Norland, Dana Vick said.",
            ],
        );
        assert_eq!(sources_of(&digest, "are now blocked"), BTreeSet::from(["a"]));
        assert_eq!(sources_of(&digest, "120 houses"), BTreeSet::from(["a"]));
    }

    #[test]
    fn a_folder_of_two_events_is_two_stories() {
        let quake = [
            "A strong earthquake struck the island of Qeshm in southern Iran on Sunday, killing at least five people.",
            "Rescue teams searched the rubble of collapsed houses in the villages of Qeshm for survivors.",
        ];
        let transfer = [
            "Real Madrid signed the goalkeeper Thibaut Courtois from Chelsea for a fee of 35 million euros.",
            "Courtois passed a medical in Madrid and signed a six-year contract with the Spanish club.",
        ];
        let digest = digest_of(&[
            ("q1", &quake[..]),
            ("t1", &transfer[..]),
            ("q2", &[quake[1], quake[0]][..]),
            ("t2", &[transfer[1], transfer[0]][..]),
        ]);
        let stories: Vec<Vec<&str>> =
            digest.stories.iter().map(|s| s.articles.iter().map(|a| &**a).collect()).collect();
        assert_eq!(stories, [vec!["q1", "q2"], vec!["t1", "t2"]]);
    }

    #[test]
    fn a_quote_copied_with_its_framing_is_one_report_and_quoted_anew_is_two() {
        let quote = "“We will not send a single soldier across the border, whatever Moscow asks of us,”";
        let copied = format!("{quote} Ann Lee told reporters in the capital on Thursday after the meeting.");
        let anew = format!("{quote} Ann Lee said in parliament on Thursday.");
        let digest = digest_of(&[("a", &[&copied]), ("b", &[&copied]), ("c", &[&anew])]);
        let claim = claim_with(&digest, "single soldier");
        assert_eq!(claim.sources.len(), 3, "{claim:#?}");
        assert_eq!(claim.independent_sources, 2);
    }

    #[test]
    fn text_outside_quotes_is_the_framing() {
        assert_eq!(outside_quotes("“Go,” she said, “now.” Then “x"), " she said,  Then ");
        assert_eq!(outside_quotes("He said \"no\" twice."), "He said  twice.");
    }
}
