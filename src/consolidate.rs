//! Consolidate: the corpus → a [`Digest`]: actors merged across articles and spellings, claims
//! grouped across sources with their corroboration, contradictions, the timeline, and the key
//! judgments. A plain function rather than a [`crate::stages::Stage`], because it changes the
//! data's shape.
//!
//! Everything here is extractive: a claim's summary is a sentence from an article, never text
//! we made up.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use crate::config::ConsolidateConfig;
use crate::model::{ActorKind, ClaimKind, Corpus, Day, Precision};
use crate::stages::extract::actors::kind_of;
use crate::text::{close, content_stems, fold};
use crate::union_find::UnionFind;

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
    pub articles: Vec<String>,
}

/// A direct quote, with its speaker resolved to a corpus actor.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteOut {
    /// The words.
    pub text: String,
    /// Actor id.
    pub speaker: Option<String>,
    /// Actor name.
    pub speaker_name: Option<String>,
    /// Article id.
    pub article: String,
    /// Paragraph index.
    pub paragraph: usize,
}

/// One source sentence of a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimSource {
    /// Article id.
    pub article: String,
    /// Paragraph index.
    pub paragraph: usize,
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
    /// Distinct articles (syndicated copies were merged by dedup, so count once).
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
    pub article: String,
    /// Paragraph index.
    pub paragraph: usize,
    /// The sentence.
    pub sentence: String,
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
    pub article: String,
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
    pub article: String,
    /// Paragraph index.
    pub paragraph: usize,
    /// Every article that dates the same sentence.
    pub sources: Vec<String>,
}

/// What consolidate makes of the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Digest {
    /// Actors, most mentioned first.
    pub actors: Vec<Actor>,
    /// Quotes in article and paragraph order.
    pub quotes: Vec<QuoteOut>,
    /// Claims, best first.
    pub claims: Vec<Claim>,
    /// Ids of the key judgments, best first.
    pub key_judgments: Vec<String>,
    /// Figures in article and paragraph order.
    pub figures: Vec<FigureOut>,
    /// Disagreements between sources.
    pub contradictions: Vec<Contradiction>,
    /// Dated events, oldest first.
    pub timeline: Vec<TimelineEntry>,
}

/// Builds the digest.
pub fn consolidate(corpus: &Corpus, cfg: &ConsolidateConfig) -> Digest {
    let (actors, local_to_id) = merge_actors(corpus);
    let name_of: HashMap<&str, &str> = actors.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    let id_for =
        |article: &str, local: &str| local_to_id.get(&(article.to_string(), local.to_string())).cloned();

    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    for a in corpus.articles.iter().filter(|a| a.duplicate_of.is_none()) {
        for q in &a.extraction.quotes {
            let speaker = q.speaker.as_deref().and_then(|s| id_for(&a.id, s));
            quotes.push(QuoteOut {
                text: q.text.clone(),
                speaker_name: speaker.as_deref().and_then(|id| name_of.get(id)).map(|s| s.to_string()),
                speaker,
                article: a.id.clone(),
                paragraph: q.paragraph,
            });
        }
        for f in &a.extraction.figures {
            figures.push(FigureOut {
                value: f.value.clone(),
                number: f.number,
                number_max: f.number_max,
                unit: f.unit.clone(),
                about: f.about.clone(),
                article: a.id.clone(),
                paragraph: f.paragraph,
                sentence: f.sentence.clone(),
            });
        }
    }
    let claims = group_claims(corpus, cfg, &id_for);
    let key_judgments = pick_key_judgments(&claims, cfg.key_judgments);
    let contradictions = find_contradictions(corpus, &figures);
    let timeline = build_timeline(corpus, cfg.max_timeline);
    Digest { actors, quotes, claims, key_judgments, figures, contradictions, timeline }
}

fn slug(name: &str) -> String {
    let mut s: String = fold_ascii(name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
        .collect();
    while s.contains("--") {
        s = s.replace("--", "-");
    }
    let s = s.trim_matches('-').to_string();
    if s.is_empty() { "actor".into() } else { s }
}

fn fold_ascii(s: &str) -> String {
    s.nfd().filter(|c| c.is_ascii()).collect()
}

type LocalKey = (String, String);

/// Merges the articles' local actors into corpus actors. Returns the actors and a map from
/// (article id, local name) to actor id.
fn merge_actors(corpus: &Corpus) -> (Vec<Actor>, HashMap<LocalKey, String>) {
    struct Entry<'a> {
        article: &'a str,
        actor: &'a crate::model::LocalActor,
        folded: Vec<String>,
    }
    let entries: Vec<Entry<'_>> = corpus
        .articles
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .flat_map(|a| a.extraction.actors.iter().map(move |l| (a.id.as_str(), l)))
        .map(|(article, actor)| Entry {
            article,
            actor,
            folded: fold(&actor.name).split(' ').map(String::from).collect(),
        })
        .collect();
    let mut sets = UnionFind::new(entries.len());
    // Exact: same kind and folded name, or a shared alias (an acronym).
    let mut by_key: BTreeMap<(ActorKind, String), usize> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        let mut keys = vec![e.folded.join(" ")];
        keys.extend(e.actor.aliases.iter().filter(|a| a.chars().all(|c| c.is_uppercase())).map(|a| fold(a)));
        for k in keys {
            match by_key.get(&(e.actor.kind, k.clone())) {
                Some(&j) => sets.union(i, j),
                None => {
                    by_key.insert((e.actor.kind, k), i);
                }
            }
        }
    }
    // Fuzzy, for people: same surname up to spelling, and first names that agree (or one
    // missing); compared within buckets of the surname's first letter.
    let mut buckets: BTreeMap<char, Vec<usize>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.actor.kind == ActorKind::Person
            && let Some(c) = e.folded.last().and_then(|s| s.chars().next())
        {
            buckets.entry(c).or_default().push(i);
        }
    }
    for members in buckets.values() {
        // Distinct folded names only: the bucket stays small even for large corpora.
        let mut distinct: BTreeMap<&[String], usize> = BTreeMap::new();
        for &i in members {
            distinct.entry(entries[i].folded.as_slice()).or_insert(i);
        }
        let reps: Vec<(&[String], usize)> = distinct.into_iter().collect();
        // The distinct people (after the exact pass) whose full name ends in this surname.
        let full_count = |sets: &mut UnionFind, surname: &str| {
            let roots: BTreeSet<usize> = reps
                .iter()
                .filter(|(f, _)| f.len() >= 2 && f.last().is_some_and(|s| close(s, surname)))
                .map(|&(_, i)| sets.find(i))
                .collect();
            roots.len()
        };
        for x in 0..reps.len() {
            for y in x + 1..reps.len() {
                let (a, b) = (reps[x].0, reps[y].0);
                let (sa, sb) = (a.last().expect("name"), b.last().expect("name"));
                if !close(sa, sb) {
                    continue;
                }
                let agree = match (a.len(), b.len()) {
                    (1, 1) => true,
                    // A surname alone merges only when one full name carries it.
                    (1, _) | (_, 1) => full_count(&mut sets, sa) == 1,
                    _ => {
                        close(&a[0], &b[0])
                            || a[0].chars().next() == b[0].chars().next()
                                && (a[0].len() <= 2 || b[0].len() <= 2)
                    }
                };
                if agree {
                    sets.union(reps[x].1, reps[y].1);
                }
            }
        }
    }
    // A single word typed only by its context ("in Petrov's eyes" read as a place) that is the
    // surname of exactly one person joins that person.
    let mut surnames: BTreeMap<char, Vec<(&str, usize)>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        if e.actor.kind == ActorKind::Person
            && e.folded.len() >= 2
            && let Some(last) = e.folded.last()
            && let Some(c) = last.chars().next()
        {
            surnames.entry(c).or_default().push((last.as_str(), i));
        }
    }
    for (i, e) in entries.iter().enumerate() {
        if e.actor.kind == ActorKind::Person || e.folded.len() != 1 || kind_of(&e.actor.name).is_some() {
            continue;
        }
        let Some(initial) = e.folded[0].chars().next() else { continue };
        let roots: BTreeSet<usize> = surnames
            .get(&initial)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter(|(s, _)| close(s, &e.folded[0]))
            .map(|&(_, j)| sets.find(j))
            .collect();
        if let [root] = roots.into_iter().collect::<Vec<_>>()[..] {
            sets.union(i, root);
        }
    }
    // Gather groups.
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..entries.len() {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let mut actors = Vec::new();
    let mut local_to_id = HashMap::new();
    let mut used_ids: BTreeSet<String> = BTreeSet::new();
    let mut staged: Vec<(Actor, Vec<usize>)> = Vec::new();
    for members in groups.into_values() {
        let mut form_counts: BTreeMap<&str, usize> = BTreeMap::new();
        let mut aliases = BTreeSet::new();
        let mut roles = BTreeSet::new();
        let mut articles = BTreeSet::new();
        let mut mentions = 0;
        for &i in &members {
            let e = &entries[i];
            *form_counts.entry(e.actor.name.as_str()).or_default() += e.actor.mentions;
            aliases.extend(e.actor.aliases.iter().cloned());
            aliases.insert(e.actor.name.clone());
            roles.extend(e.actor.roles.iter().cloned());
            articles.insert(e.article.to_string());
            mentions += e.actor.mentions;
        }
        // The name: the most mentioned multi-word form, then the longest, then the first.
        let name = form_counts
            .iter()
            .max_by(|a, b| {
                (a.0.contains(' '), a.1, a.0.len(), std::cmp::Reverse(a.0)).cmp(&(
                    b.0.contains(' '),
                    b.1,
                    b.0.len(),
                    std::cmp::Reverse(b.0),
                ))
            })
            .map(|(n, _)| n.to_string())
            .expect("group has members");
        aliases.remove(&name);
        // A person among the members makes the actor a person (see the surname pass above);
        // otherwise the kind most mentions agree on.
        let mut kinds: BTreeMap<ActorKind, usize> = BTreeMap::new();
        for &i in &members {
            *kinds.entry(entries[i].actor.kind).or_default() += entries[i].actor.mentions;
        }
        let kind = if kinds.contains_key(&ActorKind::Person) {
            ActorKind::Person
        } else {
            kinds
                .iter()
                .max_by_key(|&(k, n)| (*n, std::cmp::Reverse(*k)))
                .map_or(ActorKind::Organization, |(k, _)| *k)
        };
        let actor = Actor {
            id: String::new(),
            name,
            kind,
            aliases: aliases.into_iter().collect(),
            roles: roles.into_iter().collect(),
            mentions,
            articles: articles.into_iter().collect(),
        };
        staged.push((actor, members));
    }
    // Most mentioned first; ids are given in that order so that clashes resolve the same way.
    staged.sort_by(|a, b| b.0.mentions.cmp(&a.0.mentions).then_with(|| a.0.name.cmp(&b.0.name)));
    for (mut actor, members) in staged {
        let base = slug(&actor.name);
        let mut id = base.clone();
        let mut n = 2;
        while used_ids.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        used_ids.insert(id.clone());
        actor.id = id.clone();
        for &i in &members {
            local_to_id.insert((entries[i].article.to_string(), entries[i].actor.name.clone()), id.clone());
        }
        actors.push(actor);
    }
    (actors, local_to_id)
}

/// A statement with what we compare it on.
struct Candidate<'a> {
    article: &'a str,
    paragraph: usize,
    text: &'a str,
    kind: ClaimKind,
    stems: BTreeSet<String>,
    actors: BTreeSet<String>,
    attributed: Option<String>,
}

fn similarity(a: &Candidate<'_>, b: &Candidate<'_>) -> f64 {
    let shared = a.stems.intersection(&b.stems).count() as f64;
    let cosine = shared / ((a.stems.len() * b.stems.len()) as f64).sqrt().max(1.0);
    let actors_shared = a.actors.intersection(&b.actors).count() as f64;
    let actor_union = a.actors.union(&b.actors).count() as f64;
    let actor_sim = if actor_union > 0.0 { actors_shared / actor_union } else { 0.0 };
    0.75 * cosine + 0.25 * actor_sim
}

/// Groups statements that say the same thing, across articles. Candidates are found through
/// an inverted index of stems (rare stems only), so the pass is not quadratic in statements.
fn group_claims(
    corpus: &Corpus,
    cfg: &ConsolidateConfig,
    id_for: &dyn Fn(&str, &str) -> Option<String>,
) -> Vec<Claim> {
    let cands: Vec<Candidate<'_>> = corpus
        .articles
        .iter()
        .filter(|a| a.duplicate_of.is_none())
        .flat_map(|a| a.extraction.statements.iter().map(move |s| (a, s)))
        .map(|(a, s)| Candidate {
            article: &a.id,
            paragraph: s.paragraph,
            text: &s.text,
            kind: s.kind,
            stems: content_stems(&s.text).into_iter().collect(),
            actors: s.actors.iter().filter_map(|n| id_for(&a.id, n)).collect(),
            attributed: s.attributed_to.as_deref().and_then(|n| id_for(&a.id, n)),
        })
        .collect();
    let n = cands.len();
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        for s in &c.stems {
            index.entry(s.as_str()).or_default().push(i);
        }
    }
    // Stems in more statements than this are too common to find restatements by; the bound
    // also keeps the pass near-linear on large corpora.
    let common = 200;
    let mut sets = UnionFind::new(n);
    let mut centrality = vec![0.0f64; n];
    // Shared-stem counts per later statement, reset through `touched` after each statement.
    let mut shared = vec![0u32; n];
    let mut touched: Vec<usize> = Vec::new();
    for i in 0..n {
        for s in &cands[i].stems {
            let list = &index[s.as_str()];
            if list.len() > common {
                continue;
            }
            for &j in list.iter().filter(|&&j| j > i) {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        touched.sort_unstable();
        for &j in &touched {
            let count = std::mem::take(&mut shared[j]);
            if count < 2 {
                continue;
            }
            let sim = similarity(&cands[i], &cands[j]);
            centrality[i] += sim;
            centrality[j] += sim;
            // Restatements within one article are not corroboration; group across articles only.
            if sim >= cfg.claim_similarity && cands[i].article != cands[j].article {
                sets.union(i, j);
            }
        }
        touched.clear();
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..n {
        groups.entry(sets.find(i)).or_default().push(i);
    }
    let max_c = centrality.iter().cloned().fold(0.0, f64::max).max(1e-9);
    let mut claims: Vec<Claim> = groups
        .into_values()
        .map(|members| {
            let articles: BTreeSet<&str> = members.iter().map(|&i| cands[i].article).collect();
            let rep = *members
                .iter()
                .max_by(|&&a, &&b| centrality[a].total_cmp(&centrality[b]).then_with(|| b.cmp(&a)))
                .expect("members");
            let attributed: BTreeSet<String> =
                members.iter().filter_map(|&i| cands[i].attributed.clone()).collect();
            let actors: BTreeSet<String> =
                members.iter().flat_map(|&i| cands[i].actors.iter().cloned()).collect();
            let corroboration = ((articles.len() as f64 - 1.0) / 3.0).min(1.0);
            let central = members.iter().map(|&i| centrality[i]).fold(0.0, f64::max) / max_c;
            let sourced = if attributed.is_empty() { 0.0 } else { 1.0 };
            let score = 0.55 * corroboration + 0.3 * central + 0.15 * sourced;
            let mut sources: Vec<ClaimSource> = members
                .iter()
                .map(|&i| ClaimSource {
                    article: cands[i].article.to_string(),
                    paragraph: cands[i].paragraph,
                    text: cands[i].text.to_string(),
                })
                .collect();
            sources
                .sort_by(|a, b| (&a.article, a.paragraph, &a.text).cmp(&(&b.article, b.paragraph, &b.text)));
            Claim {
                id: String::new(),
                summary: cands[rep].text.to_string(),
                kind: cands[rep].kind,
                score: (score * 1000.0).round() / 1000.0,
                actors: actors.into_iter().collect(),
                attributed_to: attributed.into_iter().collect(),
                independent_sources: articles.len(),
                sources,
            }
        })
        .collect();
    claims.sort_by(|a, b| {
        b.independent_sources
            .min(2)
            .cmp(&a.independent_sources.min(2))
            .then(b.score.total_cmp(&a.score))
            .then_with(|| a.sources[0].article.cmp(&b.sources[0].article))
            .then_with(|| a.sources[0].paragraph.cmp(&b.sources[0].paragraph))
            .then_with(|| a.summary.cmp(&b.summary))
    });
    claims.truncate(cfg.max_claims);
    for (i, c) in claims.iter_mut().enumerate() {
        c.id = format!("claim-{:03}", i + 1);
    }
    claims
}

/// The best claims by corroboration and score; a claim from one source only leads when too
/// few are corroborated.
fn pick_key_judgments(claims: &[Claim], n: usize) -> Vec<String> {
    let mut ranked: Vec<&Claim> =
        claims.iter().filter(|c| c.kind != ClaimKind::Quote || c.independent_sources > 1).collect();
    ranked.sort_by(|a, b| {
        b.independent_sources
            .cmp(&a.independent_sources)
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
    ranked.into_iter().take(n).map(|c| c.id.clone()).collect()
}

/// Figures of the same unit about the same thing (their stems overlap) from different
/// articles whose numbers differ by more than 5 %.
fn find_contradictions(corpus: &Corpus, figures: &[FigureOut]) -> Vec<Contradiction> {
    let date_of: HashMap<&str, Option<Day>> =
        corpus.articles.iter().map(|a| (a.id.as_str(), a.meta.date)).collect();
    let stems: Vec<BTreeSet<String>> =
        figures.iter().map(|f| content_stems(&f.about).into_iter().collect()).collect();
    // Candidates share a unit and at least one stem of what they measure: an inverted index
    // keeps this from comparing every pair of figures.
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        for s in &stems[i] {
            index.entry((f.unit.as_str(), s.as_str())).or_default().push(i);
        }
    }
    let mut out = Vec::new();
    let mut used = vec![false; figures.len()];
    for i in 0..figures.len() {
        if used[i] || stems[i].is_empty() {
            continue;
        }
        let mut candidates: Vec<usize> = stems[i]
            .iter()
            .flat_map(|s| index[&(figures[i].unit.as_str(), s.as_str())].iter().copied())
            .filter(|&j| j > i)
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut group = vec![i];
        for j in candidates {
            let (a, b) = (&figures[i], &figures[j]);
            if used[j] || group.iter().any(|&g| figures[g].article == b.article) {
                continue;
            }
            let shared = stems[i].intersection(&stems[j]).count();
            let union = stems[i].union(&stems[j]).count().max(1);
            let differs = (a.number - b.number).abs() > 0.05 * a.number.abs().max(b.number.abs());
            if shared * 2 >= union && differs {
                group.push(j);
            }
        }
        if group.len() < 2 {
            continue;
        }
        for &g in &group {
            used[g] = true;
        }
        let dates: BTreeSet<Option<Day>> =
            group.iter().map(|&g| date_of[figures[g].article.as_str()]).collect();
        let kind = if dates.len() == group.len() && !dates.contains(&None) { "change" } else { "conflict" };
        out.push(Contradiction {
            about: figures[i].about.clone(),
            kind: kind.into(),
            values: group
                .iter()
                .map(|&g| ContradictionValue {
                    value: figures[g].value.clone(),
                    article: figures[g].article.clone(),
                    paragraph: figures[g].paragraph,
                    date: date_of[figures[g].article.as_str()],
                    text: figures[g].sentence.clone(),
                })
                .collect(),
        });
    }
    out
}

/// Dated events, the same sentence counted once, at most `max` entries (the most precise
/// first), shown oldest first.
fn build_timeline(corpus: &Corpus, max: usize) -> Vec<TimelineEntry> {
    let mut by_key: BTreeMap<(Day, String), TimelineEntry> = BTreeMap::new();
    for a in corpus.articles.iter().filter(|a| a.duplicate_of.is_none()) {
        for e in &a.extraction.events {
            let key = (e.date, e.text.clone());
            by_key
                .entry(key)
                .and_modify(|t| {
                    if !t.sources.contains(&a.id) {
                        t.sources.push(a.id.clone())
                    }
                })
                .or_insert_with(|| TimelineEntry {
                    date: e.date,
                    precision: e.date.precision(),
                    text: e.text.clone(),
                    article: a.id.clone(),
                    paragraph: e.paragraph,
                    sources: vec![a.id.clone()],
                });
        }
    }
    let mut entries: Vec<TimelineEntry> = by_key.into_values().collect();
    entries.sort_by(|a, b| {
        (a.precision, std::cmp::Reverse(a.sources.len()), a.date, &a.article, a.paragraph).cmp(&(
            b.precision,
            std::cmp::Reverse(b.sources.len()),
            b.date,
            &b.article,
            b.paragraph,
        ))
    });
    entries.truncate(max);
    entries.sort_by(|a, b| {
        (a.date, &a.article, a.paragraph, &a.text).cmp(&(b.date, &b.article, b.paragraph, &b.text))
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Ségolène Royal"), "segolene-royal");
        assert_eq!(slug("Институт"), "actor");
    }
}
