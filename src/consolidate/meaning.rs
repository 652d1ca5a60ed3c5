//! Statements by meaning: which statements the sentence model embeds (the cascade's budget),
//! and the pairs of statements from different articles of one story that say the same thing
//! in other words.
//!
//! What runs when: every statement is compared by its words (see [`super::group_claims`]).
//! The model embeds, for each article, its first [`PER_ARTICLE`] statements (fewer when they
//! run past [`PER_ARTICLE_PIECES`]), taken across
//! articles rank by rank (every article's first statement, then every second one…) until
//! `consolidate.embed_budget` distinct sentences are embedded: a verbatim repeat costs
//! nothing, and on a large corpus the leads of every article come before the tails of a few.
//! Statements past the budget are compared by their words only.
//!
//! Within each story, its central fact comes first (see [`central_fact`]), then the claims
//! that average link finds on the centred vectors, then the pairs; last, the largest claims
//! gather the statements most like them (see [`Meaning::gather`]).

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use xxhash_rust::xxh3::xxh3_64;

use super::claims::{HEADLINE, agree, same_people_all};
use super::stories::{self, average_link};
use super::{Actor, Candidate, same_names_and_numbers};
use crate::cache::{Cache, EMBED, KeyBuilder};
use crate::embed::{Model, Vector};
use crate::model::ActorKind;
use crate::sorted::common;
use crate::union_find::UnionFind;

/// The centred cosine from which the statements that stand for two groups of statements join
/// those groups when their words alone would not (see `group_claims`): a single pair decides
/// there, where average link asks all pairs.
pub(crate) const JOIN_SIMILARITY: f64 = 0.4;

/// The raw cosine from which an article's statement most like a claim joins it (see
/// [`Meaning::gather`]): one sentence against the mean of several, where paraphrases of one
/// fact reach 0.7 to 0.9 and other sentences of the story 0.4 to 0.6.
const GATHER_SIMILARITY: f64 = 0.65;

/// The claims of one story that gather, largest first: each costs a pass over the story's
/// statements, and a briefing shows a few dozen claims.
const GATHERING_CLAIMS: usize = 64;

/// A story of fewer embedded statements than this is compared on raw vectors: centring on the
/// mean of a few sentences leaves mostly noise (in a story of eight sentences, "46 percent backed
/// the mayor" and "46 percent backed the new tax" come out alike).
const MIN_TO_CENTRE: usize = 24;

/// The raw cosine from which two statements of a small story say one thing: paraphrases of
/// one fact, where sentences of one topic reach 0.6 to 0.7.
const SMALL_STORY_SIMILARITY: f64 = 0.8;

/// Statements of one story clustered into claims by meaning, at most (in corpus order): the
/// similarity matrix takes 4n² bytes.
const MAX_PER_STORY: usize = 6000;

/// The statements at the head of an article that may state its story's central fact: the
/// headline and this many statements after it (news is written as an inverted pyramid: the
/// headline and the lede say what happened, the body adds detail, the tail background).
const LEAD_STATEMENTS: usize = 5;

/// The raw cosine from which a statement at the head of an article states its story's central
/// fact (the mean of the story's headlines, then of the statements found): what
/// [`GATHER_SIMILARITY`] asks of one sentence against the mean of several.
const LEAD_SIMILARITY: f64 = GATHER_SIMILARITY;

/// Statements of one article that may be embedded: the lead and body carry the facts, an
/// article's tail its background.
pub(crate) const PER_ARTICLE: usize = 64;

/// Word pieces of one article's new sentences that the model may read (see
/// [`crate::embed::pieces`]): its time is about linear in them. An article's sentences are
/// taken in order until their pieces run past this. On
/// events-dev the statements an article may embed hold a median of 233 pieces, 712 at the
/// 90th percentile and 1,441 at the 99th (4.4 bytes a piece), so this bounds only long pages;
/// it is about the 8 KiB of news text that bounded them before, where a page of names and
/// codes split into 2.6 bytes a piece cost the model half as much again. 1,024 pieces cost
/// the seeds' long articles four of their multi-source claims.
pub(crate) const PER_ARTICLE_PIECES: usize = 2048;

/// About what the model reads of a sentence: it stops at 128 word pieces, some 600 bytes of
/// prose. No sentence of the 6,956 in events-dev is longer; what is longer is text the
/// sentence splitter could not cut (a table, a list, a page dumped on one line), which the
/// model would read only the start of, at its highest cost: such a "sentence" is compared by
/// its words only.
const MODEL_READS_BYTES: usize = 640;

/// Whether the model embeds `text` (see [`MODEL_READS_BYTES`]).
pub(crate) fn embeddable(text: &str) -> bool {
    text.len() <= MODEL_READS_BYTES
}

/// The statements' vectors: `of[i]` is the index in `vectors` of statement `i`'s, if it was
/// embedded.
pub(crate) struct StatementVectors {
    pub(crate) of: Vec<Option<u32>>,
    pub(crate) vectors: Vec<Vector>,
}

impl StatementVectors {
    /// Statement `i`'s vector, if it was embedded.
    pub(crate) fn get(&self, i: usize) -> Option<&Vector> {
        self.of[i].map(|v| &self.vectors[v as usize])
    }
}

/// Embeds the statements the cascade chooses (see the module's header).
pub(crate) fn embed(cands: &[Candidate<'_>], budget: usize, cache: Option<&Cache>) -> StatementVectors {
    let mut of = vec![None; cands.len()];
    // Each statement's rank in its article (candidates are in article order).
    let mut rank = vec![0usize; cands.len()];
    for i in 1..cands.len() {
        if cands[i].article == cands[i - 1].article {
            rank[i] = rank[i - 1] + 1;
        }
    }
    let mut chosen: Vec<usize> =
        (0..cands.len()).filter(|&i| rank[i] < PER_ARTICLE && embeddable(cands[i].text)).collect();
    chosen.sort_by_key(|&i| (rank[i], i));
    let mut texts: Vec<&str> = Vec::new();
    let mut seen: FxHashMap<u64, u32> = FxHashMap::default();
    // The pieces each article's new sentences cost the model so far.
    let mut spent: FxHashMap<u32, usize> = FxHashMap::default();
    for i in chosen {
        let key = xxh3_64(cands[i].text.as_bytes());
        if let Some(&v) = seen.get(&key) {
            of[i] = Some(v);
        } else if texts.len() < budget {
            let spent = spent.entry(cands[i].article).or_default();
            if *spent >= PER_ARTICLE_PIECES {
                continue;
            }
            *spent += crate::embed::pieces(cands[i].text);
            seen.insert(key, texts.len() as u32);
            of[i] = Some(texts.len() as u32);
            texts.push(cands[i].text);
        }
    }
    match vectors_of(&texts, cache) {
        Some(vectors) => StatementVectors { of, vectors },
        // The weights are compiled in and checked by the tests: a model that does not load
        // leaves every statement to be compared by its words.
        None => StatementVectors { of: vec![None; cands.len()], vectors: Vec::new() },
    }
}

/// The model's vectors of `texts`, in order: those kept from earlier runs (keyed by the
/// program and the text), then the others, which join the cache. `None` when the model does
/// not load.
pub(crate) fn vectors_of(texts: &[&str], cache: Option<&Cache>) -> Option<Vec<Vector>> {
    let key = |c: &Cache, text: &str| KeyBuilder::new(c, EMBED, "").bytes(text.as_bytes()).finish();
    let mut vectors: Vec<Option<Vector>> = match cache {
        Some(c) => texts.par_iter().map(|t| c.get(EMBED, key(c, t))).collect(),
        None => vec![None; texts.len()],
    };
    let missing: Vec<usize> = (0..texts.len()).filter(|&i| vectors[i].is_none()).collect();
    let fresh = match missing.is_empty() {
        true => Vec::new(),
        false => Model::get().ok()?.embed(&missing.iter().map(|&i| texts[i]).collect::<Vec<_>>()),
    };
    for (i, v) in missing.into_iter().zip(fresh) {
        if let Some(c) = cache {
            c.put(EMBED, key(c, texts[i]), &v);
        }
        vectors[i] = Some(v);
    }
    Some(vectors.into_iter().map(|v| v.expect("embedded")).collect())
}

/// Vectors centred on their mean and scaled to unit length, in f32: within one story every
/// sentence shares the story's direction, and raw cosines bunch up; what is left after taking
/// the mean away is what each sentence says.
pub(crate) fn centred<'v>(vectors: impl Iterator<Item = &'v Vector> + Clone) -> Vec<Vec<f32>> {
    let n = vectors.clone().count().max(1) as f64;
    let mut mean = vec![0.0f64; crate::embed::DIMENSIONS];
    for v in vectors.clone() {
        for (m, x) in mean.iter_mut().zip(v.to_f64()) {
            *m += x;
        }
    }
    mean.iter_mut().for_each(|m| *m /= n);
    vectors
        .map(|v| {
            let c: Vec<f64> = v.to_f64().zip(&mean).map(|(x, m)| x - m).collect();
            let norm = c.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-9);
            c.iter().map(|x| (x / norm) as f32).collect()
        })
        .collect()
}

/// The cosine of two unit vectors, rounded to three decimals: decisions must not flip with the
/// last bits of a float.
pub(crate) fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    (f64::from(dot) * 1000.0).round() / 1000.0
}

/// Whether two statements may say one thing by what they name and give, whatever their words:
/// they share a name or a number (two sentences alike in meaning and anchored in one thing are
/// one claim about twice as often as those alike in meaning alone), neither tells how a poll
/// was taken, they give no different numbers, name no different people, organisations or
/// places, and neither denies what the other does not.
pub(crate) fn compatible(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    (common(a.actors(), b.actors()) > 0 || common(a.numbers(), b.numbers()) > 0)
        && !a.survey_method
        && !b.survey_method
        && a.negated == b.negated
        && same_names_and_numbers(a, b, actors)
}

/// Whether a sentence says that something did not happen or is not so.
pub(crate) fn denies(text: &str) -> bool {
    const NEGATIONS: &[&str] = &["never", "no", "none", "not", "nobody", "nothing", "without"];
    crate::text::words(text)
        .any(|w| w.ends_with("n't") || w.ends_with("n’t") || NEGATIONS.contains(&w.to_lowercase().as_str()))
}

/// The story-centred vectors of the embedded statements, and the pairs of statements from
/// different articles of one story that say one thing by their meaning.
pub(crate) struct Meaning {
    /// Statement `i`'s vector centred on its story's mean (see [`centred`]).
    centred: Vec<Option<Box<[f32]>>>,
    /// The statements' own vectors, which [`Meaning::gather`] compares with claims' means.
    vectors: StatementVectors,
    /// What is taken off statement `i`'s similarities so that they compare with the
    /// threshold: its story's raw threshold less the centred one, in a small story.
    shift: Vec<f64>,
    /// `(similarity, i, j)`, `i < j`: statements of different articles in one story whose
    /// centred vectors are at least `threshold` alike and that are [`compatible`].
    pub(crate) pairs: Vec<(f64, u32, u32)>,
    /// Groups of statements that average-link clustering of the centred vectors makes one
    /// claim (see [`Meaning::new`]), each of two statements or more.
    pub(crate) claims: Vec<Vec<u32>>,
    /// Each story's central fact (see [`central_fact`]), when two articles or more state it.
    pub(crate) central: Vec<Vec<u32>>,
}

/// What one story's statements give: their centred vectors, the pairs alike enough, and the
/// claims average link makes of them.
struct StoryMeaning {
    centred: Vec<Vec<f32>>,
    /// How much higher than the threshold this story's cut is (see [`SMALL_STORY_SIMILARITY`]).
    shift: f64,
    pairs: Vec<(f64, u32, u32)>,
    claims: Vec<Vec<u32>>,
    central: Vec<u32>,
}

impl Meaning {
    /// Centres each story's statement vectors (`stories[i]` is statement `i`'s story) and
    /// finds the pairs.
    pub(crate) fn new(
        cands: &[Candidate<'_>],
        vectors: StatementVectors,
        stories: &[Option<u32>],
        actors: &[Actor],
        threshold: f64,
    ) -> Meaning {
        let mut by_story: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (i, (&story, vector)) in stories.iter().zip(&vectors.of).enumerate() {
            if let (Some(s), Some(_)) = (story, vector) {
                by_story.entry(s).or_default().push(i);
            }
        }
        let mut groups: Vec<(u32, Vec<usize>)> = by_story.into_iter().collect();
        groups.sort_unstable_by_key(|g| g.0);
        let per_story: Vec<StoryMeaning> = groups
            .par_iter()
            .map(|(_, members)| {
                let members = &members[..members.len().min(MAX_PER_STORY)];
                let n = members.len();
                let each = members.iter().map(|&i| vectors.get(i).expect("embedded"));
                // A small story's mean says little of its direction: its vectors stay as they
                // are, and are compared at the higher raw threshold.
                let (unit, cut) = if n >= MIN_TO_CENTRE {
                    (centred(each), threshold)
                } else {
                    (each.map(|v| v.to_f64().map(|x| x as f32).collect()).collect(), SMALL_STORY_SIMILARITY)
                };
                // Statements of one article, and statements kept apart by what they name or
                // give, are never one claim: their similarity is the lowest there is. Rows in
                // parallel (a story may hold thousands of statements); a pair is the same
                // from either side.
                let mut sim = vec![-1.0f32; n * n];
                sim.par_chunks_mut(n.max(1)).enumerate().for_each(|(x, row)| {
                    for (y, s) in row.iter_mut().enumerate() {
                        let (i, j) = (members[x], members[y]);
                        if x != y
                            && cands[i].article != cands[j].article
                            && compatible(&cands[i], &cands[j], actors)
                        {
                            *s = cosine(&unit[x], &unit[y]) as f32;
                        }
                    }
                });
                let mut out = Vec::new();
                for x in 0..n {
                    for y in x + 1..n {
                        let s = f64::from(sim[x * n + y]);
                        if s >= cut {
                            out.push((s - cut + threshold, members[x] as u32, members[y] as u32));
                        }
                    }
                }
                let mut sets = UnionFind::new(n);
                for (s, a, b) in average_link(&mut sim, n) {
                    if f64::from(s) >= cut {
                        sets.union(a, b);
                    }
                }
                let claims: Vec<Vec<u32>> = sets
                    .groups()
                    .iter()
                    .filter(|g| g.len() > 1)
                    .map(|g| g.iter().map(|&k| members[k as usize] as u32).collect())
                    .collect();
                let central = central_fact(members, cands, &vectors, actors);
                StoryMeaning { centred: unit, shift: cut - threshold, pairs: out, claims, central }
            })
            .collect();
        let mut centred_of: Vec<Option<Box<[f32]>>> = vec![None; cands.len()];
        let mut shift_of = vec![0.0; cands.len()];
        let mut pairs = Vec::new();
        let mut claims = Vec::new();
        let mut central = Vec::new();
        for ((_, members), story) in groups.iter().zip(per_story) {
            for (&i, v) in members.iter().zip(story.centred) {
                centred_of[i] = Some(v.into_boxed_slice());
                shift_of[i] = story.shift;
            }
            pairs.extend(story.pairs);
            claims.extend(story.claims);
            if !story.central.is_empty() {
                central.push(story.central);
            }
        }
        Meaning { centred: centred_of, vectors, shift: shift_of, pairs, claims, central }
    }

    /// The centred cosine of statements `i` and `j` (less the small story's shift), when both
    /// were embedded and are of one story.
    pub(crate) fn similarity(&self, i: usize, j: usize, stories: &[Option<u32>]) -> Option<f64> {
        match (&self.centred[i], &self.centred[j]) {
            (Some(a), Some(b)) if stories[i] == stories[j] => Some(cosine(a, b) - self.shift[i]),
            _ => None,
        }
    }

    /// How many distinct sentences the statements' vectors are of.
    pub(crate) fn embedded(&self) -> usize {
        self.vectors.vectors.len()
    }

    /// Statement `i`'s own vector, if it was embedded.
    pub(crate) fn vector(&self, i: usize) -> Option<&Vector> {
        self.vectors.get(i)
    }

    /// Gathers into each claim of several articles, from every article of its story that it
    /// does not cite yet, the one statement most like the claim (the raw cosine of the
    /// statement's vector and the mean of the claim's, at least [`GATHER_SIMILARITY`]), when
    /// that statement is in no claim and fits one of the claim's statements (see [`fits`]).
    ///
    /// Average link keeps a claim to statements alike two by two, and the statements of a
    /// story's central fact differ in their details ("23 Somali and Yemeni pirates", "23
    /// pirates in the Gulf of Aden"): each outlet states that fact once, in whatever words,
    /// and the claim's centre finds it. Claims are served largest first; a statement joins
    /// one claim. Each story's [`GATHERING_CLAIMS`] largest claims gather.
    pub(crate) fn gather(&self, sets: &mut UnionFind, cands: &[Candidate<'_>], stories: &[Option<u32>]) {
        let n = cands.len();
        let (roots, size) = sets.roots_and_sizes();
        // The members of the groups of two statements or more (most statements are alone: a
        // list each would cost an allocation per statement on a large corpus).
        let mut members: FxHashMap<usize, Vec<u32>> = FxHashMap::default();
        for (i, &r) in roots.iter().enumerate() {
            if size[r] > 1 {
                members.entry(r).or_default().push(i as u32);
            }
        }
        // The claims of several articles with a story, most articles first.
        let mut claims: Vec<(usize, usize, u32)> = Vec::new();
        for (&r, m) in &members {
            let Some(story) = m.iter().find_map(|&i| stories[i as usize]) else { continue };
            let mut articles: Vec<u32> = m.iter().map(|&i| cands[i as usize].article).collect();
            articles.sort_unstable();
            articles.dedup();
            if articles.len() >= 2 {
                claims.push((articles.len(), r, story));
            }
        }
        claims.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut by_story: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
        for (i, (story, vector)) in stories.iter().zip(&self.vectors.of).enumerate() {
            if let (Some(s), Some(_), 1) = (story, vector, size[roots[i]]) {
                by_story.entry(*s).or_default().push(i as u32);
            }
        }
        let mut taken = vec![false; n];
        let mut served: FxHashMap<u32, usize> = FxHashMap::default();
        for (_, root, story) in claims {
            let count = served.entry(story).or_default();
            *count += 1;
            if *count > GATHERING_CLAIMS {
                continue;
            }
            let m = &members[&root];
            let Some(centre) = stories::mean(m.iter().filter_map(|&i| self.vectors.get(i as usize))) else {
                continue;
            };
            let mut cited: Vec<u32> = m.iter().map(|&i| cands[i as usize].article).collect();
            cited.sort_unstable();
            // The best statement of each article not cited, in article order.
            let mut best: BTreeMap<u32, (f64, u32)> = BTreeMap::new();
            for &j in by_story.get(&story).map_or(&[][..], Vec::as_slice) {
                let c = &cands[j as usize];
                if taken[j as usize] || cited.binary_search(&c.article).is_ok() {
                    continue;
                }
                let s = likeness(&centre, self.vectors.get(j as usize).expect("embedded"));
                let e = best.entry(c.article).or_insert((s, j));
                if s > e.0 {
                    *e = (s, j);
                }
            }
            for (s, j) in best.into_values() {
                if s >= GATHER_SIMILARITY && m.iter().any(|&i| fits(&cands[i as usize], &cands[j as usize])) {
                    taken[j as usize] = true;
                    sets.union(root, j as usize);
                }
            }
        }
    }
}

/// The raw cosine of a statement's vector and a unit mean of vectors, to three places (so
/// that no decision turns on the last bits of a float).
fn likeness(centre: &[f64], vector: &Vector) -> f64 {
    (centre.iter().zip(vector.to_f64()).map(|(x, y)| x * y).sum::<f64>() * 1000.0).round() / 1000.0
}

/// The story's central fact: from the head of each of its articles (see [`LEAD_STATEMENTS`]),
/// the statement most like the mean of the story's headlines (an article without one offers
/// its first statement), when at least [`LEAD_SIMILARITY`] alike; the mean of those found then
/// finds them again, once. Most alike first, a statement joins when [`Named::admits`] it
/// and, where it gives figures, it names the people that each statement of the fact that gives
/// figures names.
/// Empty when fewer than two articles state the fact.
///
/// Statements alike two by two miss this fact most: every outlet states it, each in its own
/// words and with its own details, and centring on the story's mean takes it out of the
/// vectors, for the story's mean is that fact.
fn central_fact(
    members: &[usize],
    cands: &[Candidate<'_>],
    vectors: &StatementVectors,
    actors: &[Actor],
) -> Vec<u32> {
    // Each article's head, in corpus order (members are in corpus order, an article's run
    // together): its headline first, then its first statements.
    let heads: Vec<Vec<usize>> = members
        .chunk_by(|&a, &b| cands[a].article == cands[b].article)
        .map(|run| {
            let headline = run.iter().copied().filter(|&i| cands[i].paragraph == HEADLINE);
            let body = run.iter().copied().filter(|&i| cands[i].paragraph != HEADLINE);
            headline.chain(body.take(LEAD_STATEMENTS)).collect()
        })
        .collect();
    if heads.len() < 2 {
        return Vec::new();
    }
    let vector = |i: usize| vectors.get(i).expect("embedded");
    let Some(mut centre) = stories::mean(heads.iter().map(|h| vector(h[0]))) else {
        return Vec::new();
    };
    let mut found: Vec<(f64, usize)> = Vec::new();
    for _ in 0..2 {
        found = heads
            .iter()
            .filter_map(|head| {
                head.iter()
                    .map(|&i| (likeness(&centre, vector(i)), i))
                    .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
                    .filter(|&(s, _)| s >= LEAD_SIMILARITY)
            })
            .collect();
        match stories::mean(found.iter().map(|&(_, i)| vector(i))) {
            Some(c) => centre = c,
            None => return Vec::new(),
        }
    }
    found.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut named = Named::default();
    let mut fact: Vec<u32> = Vec::new();
    for (_, i) in found {
        let c = &cands[i];
        // Figures about other people are other results (see `same_people_all`).
        let same_results = c.numbers().is_empty()
            || fact.iter().all(|&j| {
                let m = &cands[j as usize];
                m.numbers().is_empty() || same_people_all(m, c, actors)
            });
        if same_results && named.admits(c, actors) {
            named.add(c, actors);
            fact.push(i as u32);
        }
    }
    fact.sort_unstable();
    let first = fact.first().map(|&i| cands[i as usize].article);
    if fact.iter().all(|&i| Some(cands[i as usize].article) == first) {
        return Vec::new();
    }
    fact
}

/// What the statements of a fact name and give so far: its people, organisations and places
/// (each list sorted) and its numbers.
#[derive(Default)]
struct Named {
    people: Vec<u32>,
    organisations: Vec<u32>,
    places: Vec<u32>,
    numbers: Vec<u32>,
    /// Whether the fact denies what it states (`None` before its first statement).
    negated: Option<bool>,
}

impl Named {
    /// A statement's actors of one kind, sorted.
    fn of(c: &Candidate<'_>, actors: &[Actor], kind: ActorKind) -> Vec<u32> {
        c.actors().iter().copied().filter(|&a| actors[a as usize].kind == kind).collect()
    }

    /// Whether `c` may state the same fact: it does not tell how a poll was taken, denies as
    /// the fact does, and of each kind (people, organisations, places, numbers) names one that
    /// the fact names, or names none, or the fact names none yet. Against everything the fact
    /// has named, not each statement: outlets name different details of one event.
    fn admits(&self, c: &Candidate<'_>, actors: &[Actor]) -> bool {
        !c.survey_method
            && self.negated.is_none_or(|n| n == c.negated)
            && agree(&Self::of(c, actors, ActorKind::Person), &self.people)
            && agree(&Self::of(c, actors, ActorKind::Organization), &self.organisations)
            && agree(&Self::of(c, actors, ActorKind::Place), &self.places)
            && agree(c.numbers(), &self.numbers)
    }

    fn add(&mut self, c: &Candidate<'_>, actors: &[Actor]) {
        let merge = |into: &mut Vec<u32>, more: &[u32]| {
            into.extend_from_slice(more);
            into.sort_unstable();
            into.dedup();
        };
        merge(&mut self.people, &Self::of(c, actors, ActorKind::Person));
        merge(&mut self.organisations, &Self::of(c, actors, ActorKind::Organization));
        merge(&mut self.places, &Self::of(c, actors, ActorKind::Place));
        merge(&mut self.numbers, c.numbers());
        self.negated = Some(c.negated);
    }
}

/// Whether a statement may join a claim that holds `member`, by what the two state rather
/// than their words: neither tells how a poll was taken, both deny or neither does, and where
/// both give numbers they share one (two counts that differ are a disagreement).
fn fits(member: &Candidate<'_>, c: &Candidate<'_>) -> bool {
    !member.survey_method
        && !c.survey_method
        && member.negated == c.negated
        && agree(member.numbers(), c.numbers())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimKind;

    /// A statement of `article` that gives `numbers`, denying what it says if `negated`.
    fn statement<'a>(article: usize, text: &'a str, numbers: &[u32]) -> Candidate<'a> {
        let c = Candidate::new(
            article,
            0,
            text,
            ClaimKind::Statement,
            vec![],
            vec![],
            numbers.to_vec(),
            vec![],
            None,
        );
        Candidate { negated: denies(text), ..c }
    }

    /// A unit vector at `degrees` from the first axis, in a plane.
    fn at(degrees: f64) -> Vector {
        let r = degrees.to_radians();
        Vector([r.cos(), r.sin()].map(|x| (x * Vector::ONE).round() as i16).into())
    }

    #[test]
    fn the_model_reads_a_bounded_number_of_word_pieces_of_each_article() {
        let long: Vec<String> = (0..PER_ARTICLE)
            .map(|i| {
                format!(
                    "Minister number {i} said the talks in Minsk would raise exports of grain and potash by {i} \
                     percent next year and by twice that in three years, officials of the ministry told reporters in the capital on Monday."
                )
            })
            .collect();
        let short = ["The talks ended on Monday.", "Exports of grain rose."];
        let cands: Vec<Candidate<'_>> = long
            .iter()
            .map(|t| statement(0, t, &[]))
            .chain(short.iter().map(|t| statement(1, t, &[])))
            // A verbatim repeat of the long article's first sentence costs nothing.
            .chain(std::iter::once(statement(1, &long[0], &[])))
            .collect();
        let v = embed(&cands, 5000, None);
        let read = |article: u32| -> usize {
            (0..cands.len())
                .filter(|&i| cands[i].article == article && v.of[i].is_some())
                .map(|i| crate::embed::pieces(cands[i].text))
                .sum()
        };
        let taken = (0..PER_ARTICLE).filter(|&i| v.of[i].is_some()).count();
        assert!(taken < PER_ARTICLE, "every long sentence was embedded");
        // The first sentences, in order, up to the bound and one sentence past it.
        assert!((0..taken).all(|i| v.of[i].is_some()));
        assert!(read(0) >= PER_ARTICLE_PIECES && read(0) < PER_ARTICLE_PIECES + 128, "{}", read(0));
        assert!(cands.iter().enumerate().filter(|(_, c)| c.article == 1).all(|(i, _)| v.of[i].is_some()));
        assert_eq!(v.of[cands.len() - 1], v.of[0]);
        assert_eq!(v.vectors.len(), taken + short.len());
    }

    #[test]
    fn a_claim_gathers_the_closest_statement_of_each_article_it_does_not_cite() {
        let cands = [
            statement(0, "the claim", &[23]),
            statement(1, "the claim again", &[23]),
            statement(2, "alike", &[23]),
            statement(2, "less alike", &[]),
            statement(3, "unlike", &[]),
            statement(4, "alike but denied: not so", &[]),
            statement(5, "alike, another number", &[26]),
            statement(6, "alike, and plain", &[]),
        ];
        // Cosines with the claim's centre (at 0°): 0.77, 0.71, 0.5, then 0.94 for the rest.
        let each = [-10.0, 10.0, 40.0, 45.0, 60.0, 20.0, 20.0, -20.0];
        let n = cands.len();
        let vectors =
            StatementVectors { of: (0..n as u32).map(Some).collect(), vectors: each.map(at).into() };
        let meaning = Meaning {
            centred: vec![None; n],
            vectors,
            shift: vec![0.0; n],
            pairs: vec![],
            claims: vec![],
            central: vec![],
        };
        let mut sets = UnionFind::new(n);
        sets.union(0, 1);
        meaning.gather(&mut sets, &cands, &vec![Some(0); n]);
        let joined: Vec<usize> = (2..n).filter(|&i| sets.find(i) == sets.find(0)).collect();
        assert_eq!(joined, [2, 7]);
    }

    /// An actor of `kind` called `name`.
    fn actor(name: &str, kind: ActorKind) -> Actor {
        Actor {
            id: name.to_lowercase(),
            name: name.into(),
            kind,
            aliases: vec![],
            roles: vec![],
            mentions: 1,
            articles: vec![],
        }
    }

    /// A statement at `paragraph` of `article` (its headline: [`HEADLINE`]) that names
    /// `actors`.
    fn said<'a>(article: usize, paragraph: u32, text: &'a str, actors: &[u32]) -> Candidate<'a> {
        let c = Candidate::new(
            article,
            paragraph,
            text,
            ClaimKind::Statement,
            vec![],
            actors.to_vec(),
            vec![],
            vec![],
            None,
        );
        Candidate { negated: denies(text), ..c }
    }

    #[test]
    fn the_central_fact_is_each_articles_headline_or_lede_most_like_the_storys_headlines() {
        let actors = [actor("Palmer", ActorKind::Place), actor("Wasilla", ActorKind::Place)];
        let cands = [
            said(0, HEADLINE, "Historic warehouse burns", &[]),
            said(0, 0, "A fire destroyed the warehouse in Palmer on Tuesday.", &[0]),
            said(0, 1, "Crews came from two departments.", &[]),
            said(1, HEADLINE, "Warehouse destroyed by fire", &[]),
            said(1, 0, "The historic warehouse burned to the ground early Tuesday.", &[]),
            // Its head says another thing; the fact is only in its tail.
            said(2, 0, "Voters approved a bond last year.", &[]),
            said(2, 1, "The mayor spoke.", &[]),
            said(2, 2, "The council met.", &[]),
            said(2, 3, "A park opened.", &[]),
            said(2, 4, "Taxes rose.", &[]),
            said(2, 5, "A fire destroyed the warehouse.", &[]),
            // Alike, but about another place.
            said(3, 0, "A fire destroyed a warehouse in Wasilla on Tuesday.", &[1]),
            // Alike, but denied.
            said(4, 0, "The warehouse was not destroyed.", &[]),
        ];
        let degrees = [0.0, 5.0, 80.0, 10.0, -5.0, 70.0, 75.0, 80.0, 85.0, 90.0, 0.0, 3.0, 2.0];
        let n = cands.len();
        let vectors =
            StatementVectors { of: (0..n as u32).map(Some).collect(), vectors: degrees.map(at).into() };
        let members: Vec<usize> = (0..n).collect();
        // Article 0's lede is most like the headlines' mean; article 1's headline is; the
        // place and the denial keep articles 3 and 4 out, the tail article 2.
        assert_eq!(central_fact(&members, &cands, &vectors, &actors), [1, 3]);
        // One article alone states no fact across outlets.
        assert!(central_fact(&members[..3], &cands, &vectors, &actors).is_empty());
    }

    #[test]
    fn a_fact_admits_what_names_one_of_its_actors_or_none_and_gives_its_numbers() {
        let actors = [
            actor("Esther Williams", ActorKind::Person),
            actor("Beverly Hills", ActorKind::Place),
            actor("Harlan Boll", ActorKind::Person),
            actor("Malibu", ActorKind::Place),
        ];
        let mut named = Named::default();
        named.add(&said(0, 0, "Esther Williams died in Beverly Hills.", &[0, 1]), &actors);
        assert!(named.admits(&said(1, 0, "The swimming star died on Thursday.", &[]), &actors));
        assert!(named.admits(&said(1, 0, "Williams died, Harlan Boll said.", &[0, 2]), &actors));
        assert!(!named.admits(&said(1, 0, "Harlan Boll spoke.", &[2]), &actors));
        assert!(!named.admits(&said(1, 0, "She died in Malibu.", &[3]), &actors));
        assert!(!named.admits(&said(1, 0, "Esther Williams did not die.", &[0]), &actors));
        let mut counted = Named::default();
        counted.add(&statement(0, "Three people died.", &[3]), &actors);
        assert!(counted.admits(&statement(1, "Three were killed, two of them women.", &[2, 3]), &actors));
        assert!(!counted.admits(&statement(1, "Five people died.", &[5]), &actors));
    }
}
