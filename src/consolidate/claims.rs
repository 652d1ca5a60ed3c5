//! Claims by words: statements compared on their stems, actors and figures, each weighted by
//! how rare it is, grouped across articles with the claims by meaning, ranked, and counted by
//! their independent sources.

use super::*;
use crate::stages::extract::SENTENCES_PER_TASK;

/// Which statements hold each stem, in statement order: the lists laid end to end in one
/// vector (a map of vectors would cost a header and an allocation per stem, and most stems are
/// in one statement).
pub(super) struct StemIndex {
    /// Stem → its list's number (the stems are hashes already: a fast hasher will do).
    pub(super) slot: FxHashMap<u32, u32>,
    /// Where each list starts in `statements`, and where the last ends.
    pub(super) starts: Vec<u32>,
    pub(super) statements: Vec<u32>,
}

impl StemIndex {
    pub(super) fn new(cands: &[Candidate<'_>]) -> StemIndex {
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
    pub(super) fn get(&self, s: u32) -> &[u32] {
        self.slot.get(&s).map_or(&[], |&k| {
            &self.statements[self.starts[k as usize] as usize..self.starts[k as usize + 1] as usize]
        })
    }
}

/// The statements that give each figure key (see [`figure_keys`]), for the keys that two to
/// [`COMMON_FIGURE`] statements give: most keys are one statement's, and are left out.
pub(super) struct FigureIndex {
    /// The keys, ascending, one per statement that gives it ...
    pub(super) keys: Vec<u32>,
    /// ... and that statement.
    pub(super) statements: Vec<u32>,
}

impl FigureIndex {
    pub(super) fn new(cands: &[Candidate<'_>]) -> FigureIndex {
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
    pub(super) fn get(&self, k: u32) -> &[u32] {
        let from = self.keys.partition_point(|&x| x < k);
        let to = self.keys.partition_point(|&x| x <= k);
        &self.statements[from..to]
    }
}

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

/// The keys of a figure that says something on its own: not a share in whole percent ("46
/// percent" is in every poll), a count below a hundred or a year, nor another whole number
/// below ten ("0.5 percentage points", "$16 billion" and "5,000 soldiers" do), with its unit
/// and, one key each, the stems of what it measures ("rates", not the "Thursday" it was on).
pub(super) fn figure_keys(f: &FigureOut, memo: &mut Stems) -> Vec<u32> {
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
pub(super) fn number_key(n: f64) -> u32 {
    xxh3_64(&n.to_bits().to_le_bytes()) as u32
}

/// The sorted keys of the numbers of figures given as (number, upper bound of a range).
fn number_keys(figures: impl Iterator<Item = (f64, Option<f64>)>) -> Vec<u32> {
    let mut keys: Vec<u32> =
        figures.flat_map(|(n, max)| std::iter::once(n).chain(max)).map(number_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
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

/// The line of an article's headline: the removed block that holds it.
pub(super) fn headline_line(corpus: &Corpus, article: usize) -> Option<usize> {
    let a = &corpus.articles[article];
    let title = a.meta.title.as_deref()?;
    a.removed.iter().find(|r| r.text.trim() == title).map(|r| r.lines[0])
}

/// Sentences of this many words or more that two articles print nearly word for word come
/// from one source (a wire story both ran), not from two.
pub(super) const COPIED_WORDS: usize = 15;

/// A quote's own words are not compared (see [`independent_articles`]); with fewer words than
/// this around it, two copies cannot be told from two outlets that heard one speech.
pub(super) const FRAMING_WORDS: usize = 5;

/// The text of a sentence outside its quotation marks.
pub(super) fn outside_quotes(text: &str) -> String {
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
pub(super) const COPIES_CHECKED_UP_TO: usize = 64;

/// How many independent articles a group's statements come from: distinct articles, where
/// two that carry one long sentence nearly word for word (four in five of their pairs of
/// adjacent words shared) count once. For a quote, outlets quote a speech word for word on
/// their own, so only the words around it are compared: an agency's "…," Ann Lee told
/// reporters in Minsk on Thursday, run by five papers, is one report.
pub(super) fn independent_articles(members: &[u32], cands: &[Candidate<'_>]) -> usize {
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
pub(super) fn without_doubled_stop(sentence: &str) -> &str {
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
pub(super) struct Stems(FxHashMap<String, u32>);

impl Stems {
    /// How many words one memo keeps before it starts again: a megabyte or two.
    pub(super) const WORDS: usize = 20_000;

    /// The sorted, distinct hashes of `text`'s content stems.
    pub(super) fn hashes(&mut self, text: &str) -> Box<[u32]> {
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
pub(super) const REPORTING: &[&str] = &[
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
