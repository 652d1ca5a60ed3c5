//! Claims by words: statements compared on their stems, actors and figures, each weighted by
//! how rare it is, grouped across articles with the claims by meaning, ranked, and counted by
//! their independent sources.

use super::*;
use crate::stages::extract::SENTENCES_PER_TASK;

mod index;
mod sources;

pub(super) use index::*;
pub(super) use sources::*;

/// A statement with what we compare it on. Stems, actors and numbers are sorted, so that
/// comparing two statements is a merge of short integer lists.
pub(super) struct Candidate<'a> {
    /// The article's position in the corpus (`u32`: a statement's fields add up by the million).
    pub(super) article: u32,
    pub(super) paragraph: u32,
    pub(super) text: &'a str,
    pub(super) kind: ClaimKind,
    /// The stems, then the actors, then the numbers, then the figure keys, in one allocation
    /// (a large corpus has millions of statements); [`Candidate::stems`] and the others cut it.
    pub(super) features: Box<[u32]>,
    /// Where the actors, the numbers and the figure keys start in `features`.
    pub(super) actors_at: u16,
    pub(super) numbers_at: u16,
    pub(super) figures_at: u16,
    pub(super) attributed: Option<u32>,
    /// Whether the statement tells how a poll was taken (see [`describes_a_survey`]).
    pub(super) survey_method: bool,
    /// Whether the statement denies something (see [`meaning::denies`]).
    pub(super) negated: bool,
    /// The length of the statement's weight vector (see [`Weights`]).
    pub(super) norm: f64,
}

impl<'a> Candidate<'a> {
    /// A statement at `paragraph` of `article`, with its sorted, distinct stems (names left
    /// out), actors, numbers and figure keys laid out in one allocation.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn new(
        article: usize,
        paragraph: u32,
        text: &'a str,
        kind: ClaimKind,
        mut stems: Vec<u32>,
        mut actors: Vec<u32>,
        mut numbers: Vec<u32>,
        mut keys: Vec<u32>,
        attributed: Option<u32>,
    ) -> Candidate<'a> {
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
            article: article as u32,
            paragraph,
            text,
            kind,
            features: features.into_boxed_slice(),
            actors_at: actors_at as u16,
            numbers_at,
            figures_at,
            attributed,
            survey_method: describes_a_survey(text),
            negated: meaning::denies(text),
            norm: 0.0,
        }
    }
}

impl Candidate<'_> {
    /// Hashes of the content stems that are not part of a name: names are compared as actors,
    /// so that "Ivan Petrenka" and "Petrenko" are the same and a name does not count
    /// twice.
    pub(super) fn stems(&self) -> &[u32] {
        &self.features[..usize::from(self.actors_at)]
    }

    /// Indices in [`Digest::actors`].
    pub(super) fn actors(&self) -> &[u32] {
        &self.features[usize::from(self.actors_at)..usize::from(self.numbers_at)]
    }

    /// Hashes of the numbers of the sentence's figures (bounds of ranges too).
    pub(super) fn numbers(&self) -> &[u32] {
        &self.features[usize::from(self.numbers_at)..usize::from(self.figures_at)]
    }

    /// What the sentence's telling figures measure: for each one (see [`figure_keys`]), a hash
    /// of its number, its unit and one stem of what it is about.
    pub(super) fn figure_keys(&self) -> &[u32] {
        &self.features[usize::from(self.figures_at)..]
    }
}

/// How much each shared feature counts: inverse document frequency over the statements, so
/// that "Belarus" in a briefing on Belarus counts for little and "legitimate" for much. An
/// actor counts half as much as a word: a shared name says who, not what. A stem's frequency
/// is the length of its list in the stem index, which the weights hold: no second map.
pub(super) struct Weights {
    pub(super) statements: f64,
    pub(super) index: StemIndex,
    pub(super) actors: Vec<u32>,
    pub(super) numbers: HashMap<u32, u32>,
}

impl Weights {
    pub(super) const ACTOR: f64 = 0.5;

    pub(super) fn new(cands: &[Candidate<'_>], index: StemIndex, actors: usize) -> Weights {
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
    pub(super) fn of(&self, df: usize) -> f64 {
        (1.0 + self.statements / df.max(1) as f64).ln().powi(2)
    }

    pub(super) fn stem(&self, s: u32) -> f64 {
        self.of(self.index.get(s).len())
    }

    pub(super) fn actor(&self, a: u32) -> f64 {
        Self::ACTOR * self.of(self.actors[a as usize] as usize)
    }

    pub(super) fn number(&self, n: u32) -> f64 {
        self.of(self.numbers.get(&n).map_or(1, |&df| df as usize))
    }

    /// The squared length of a statement's stems and actors (its numbers left out).
    pub(super) fn words_and_actors(&self, c: &Candidate<'_>) -> f64 {
        c.stems().iter().map(|&s| self.stem(s)).sum::<f64>()
            + c.actors().iter().map(|&a| self.actor(a)).sum::<f64>()
    }

    /// What two statements' stems and actors share, weighted.
    pub(super) fn shared_words_and_actors(&self, a: &Candidate<'_>, b: &Candidate<'_>) -> f64 {
        shared(a.stems(), b.stems()).map(|s| self.stem(*s)).sum::<f64>()
            + shared(a.actors(), b.actors()).map(|x| self.actor(*x)).sum::<f64>()
    }

    pub(super) fn norm(&self, c: &Candidate<'_>) -> f64 {
        (self.words_and_actors(c) + c.numbers().iter().map(|&n| self.number(n)).sum::<f64>()).sqrt()
    }
}

/// The weighted cosine of two statements' stems, actors and numbers.
pub(super) fn similarity(a: &Candidate<'_>, b: &Candidate<'_>, w: &Weights) -> f64 {
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
pub(super) fn may_be_one_claim(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    common(a.stems(), b.stems()) >= MIN_SHARED_STEMS && same_names_and_numbers(a, b, actors)
}

/// Whether two statements give no different numbers and name no different people,
/// organisations or places (all the people, where both give figures): what keeps statements
/// about other things apart, however alike their words or their meaning.
pub(super) fn same_names_and_numbers(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    agree(a.numbers(), b.numbers())
        && same_people_and_places(a, b, actors)
        && (a.numbers().is_empty() || b.numbers().is_empty() || same_people_all(a, b, actors))
}

/// Whether two statements that give figures name the same people: where both name several,
/// all of them, for figures about other people are other results however alike the words
/// ("Clinton leading Sanders, 48 percent to 45 percent" and "48 percent chose Clinton while 45
/// percent chose Cruz"); where one names one person, the other names them too. People compare
/// by surname: an article that names two Clintons may have been read as meaning the other.
pub(super) fn same_people_all(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
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
pub(super) fn one_claim(
    a: &Candidate<'_>,
    b: &Candidate<'_>,
    sim: f64,
    threshold: f64,
    actors: &[Actor],
) -> bool {
    // Two polls' margins of error are alike in every word, and tell nothing about the world.
    if a.survey_method || b.survey_method {
        return false;
    }
    // A sentence that denies what the other states says the opposite, in the same words.
    if a.negated != b.negated {
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
pub(super) const FIGURE_SIMILARITY: f64 = 0.2;

/// Whether two sorted lists share an item, or one of them is empty.
pub(super) fn agree<T: Ord>(x: &[T], y: &[T]) -> bool {
    x.is_empty() || y.is_empty() || common(x, y) > 0
}

/// Whether two statements name one person or organisation, or one of them names none.
pub(super) fn same_people(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    same_kind(a, b, actors, |k| matches!(k, ActorKind::Person | ActorKind::Organization))
}

/// Whether two statements name one person or organisation and one place, each where both name
/// some: what keeps restatements of different people's or places' doings apart.
pub(super) fn same_people_and_places(a: &Candidate<'_>, b: &Candidate<'_>, actors: &[Actor]) -> bool {
    same_people(a, b, actors) && same_kind(a, b, actors, |k| k == ActorKind::Place)
}

/// Whether two statements name one actor of the kinds `kind` accepts, or one of them names
/// none.
pub(super) fn same_kind(
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

/// Two statements that share fewer content words than this are not one claim, however rare
/// the words: "Michael Briggs, a spokesman for Sanders" is not a claim of its own.
pub(super) const MIN_SHARED_STEMS: usize = 3;

/// How many characters of a stem compare (see [`Stems`]).
pub(super) const STEM_PREFIX: usize = 6;

/// Stems in more statements than this are too common to find restatements by; the bound also
/// keeps the pass linear on large corpora.
pub(super) const COMMON_STEM: usize = 200;

/// Figure keys (see [`figure_keys`]) in more statements than this find no restatements: a
/// figure that many give of one thing is a commonplace, and the bound keeps the pass linear.
pub(super) const COMMON_FIGURE: usize = 32;

/// Statements compared per parallel batch: bounds the memory the pairs take.
pub(super) const BATCH: usize = 8192;

/// The statements of the articles that are not copies, with what they are compared on.
pub(super) fn candidates<'c, 'f>(
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
            // Each sentence's figures, found once: scanning the article's figures for every
            // statement took their product on a long page.
            let mut of_sentence: HashMap<(u32, u32, u32), Vec<&FigureOut>> = HashMap::new();
            for f in figures(ai) {
                of_sentence
                    .entry((f.sentence.paragraph, f.sentence.start, f.sentence.end))
                    .or_default()
                    .push(f);
            }
            // A long page's statements are spread over the threads too (see
            // `SENTENCES_PER_TASK`), each task with its own memo of stems.
            let each = a.extraction.statements.par_iter().with_min_len(SENTENCES_PER_TASK).map_init(
                Stems::default,
                |memo, s| {
                    let at = (s.sentence.paragraph, s.sentence.start, s.sentence.end);
                    let figures = of_sentence.get(&at).map_or(&[][..], Vec::as_slice);
                    let text = a.text_at(s.sentence);
                    let mut actors: Vec<u32> = s.actors.iter().filter_map(|&n| ids.at(ai, n)).collect();
                    actors.sort_unstable();
                    actors.dedup();
                    let mut stems = memo.hashes(text).into_vec();
                    stems
                        .retain(|h| !actors.iter().any(|&x| name_stems[x as usize].binary_search(h).is_ok()));
                    let numbers = number_keys(figures.iter().map(|f| (f.number, f.number_max)));
                    let mut keys: Vec<u32> = figures.iter().flat_map(|f| figure_keys(f, memo)).collect();
                    keys.sort_unstable();
                    keys.dedup();
                    Candidate::new(
                        ai,
                        s.sentence.paragraph,
                        text,
                        s.kind,
                        stems,
                        actors,
                        numbers,
                        keys,
                        s.attributed_to.and_then(|n| ids.at(ai, n)),
                    )
                },
            );
            let statements: Vec<Candidate<'c>> = each.collect();
            let headline =
                a.meta.title.as_deref().and_then(|t| headline(t, ai, &statements, actors, name_stems, memo));
            headline.into_iter().chain(statements).collect::<Vec<_>>()
        })
        .flat_map_iter(|cands| cands)
        .collect()
}

/// [`Candidate::paragraph`] of an article's headline, which is in no paragraph.
pub(super) const HEADLINE: u32 = u32::MAX;

/// Headlines shorter than this many words ("Rehab again") state too little to be a claim.
pub(super) const HEADLINE_WORDS: usize = 4;

/// An article's headline as a statement: it states the fact the article is about, in the
/// fewest words. Extraction reads paragraphs only, so the headline's actors are those of the
/// article's statements whose name or a variant it writes, and its numbers are its figures'.
pub(super) fn headline<'c>(
    title: &'c str,
    article: usize,
    statements: &[Candidate<'c>],
    actors: &[Actor],
    name_stems: &[Box<[u32]>],
    memo: &mut Stems,
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
    let numbers =
        number_keys(crate::stages::extract::figures::find(title).iter().map(|f| (f.number, f.number_max)));
    let mut stems = memo.hashes(title).into_vec();
    stems.retain(|h| !named.iter().any(|&x| name_stems[x as usize].binary_search(h).is_ok()));
    Some(Candidate::new(
        article,
        HEADLINE,
        title,
        ClaimKind::Statement,
        stems,
        named,
        numbers,
        Vec::new(),
        None,
    ))
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
pub(super) fn group_claims(
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
    // Each story's central fact first, then the claims by meaning: each is already one claim.
    for group in meaning.central.iter().chain(&meaning.claims) {
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
    meaning.gather(&mut sets, &cands, story_of);
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
