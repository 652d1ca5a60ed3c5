//! Disagreements: figures of one thing that differ between sources.
//!
//! Two figures of one story measure the same thing when they have one unit and one measure
//! key (what a count counts, and for counts of people what happened to them: "killed",
//! "injured", "arrested"…; see [`measure_key`]; a length of time its unit), and they
//! say the same thing but for the numbers: the mean of the sentence model's cosines of their
//! sentences and of their gists (the words around each figure, its number left out; see
//! [`gist`]), by average link over each group, reaches [`SAME_MEASURE`]. Guards: figures whose
//! sentences name different years (a toll of 2003 is not today's), whose phrases name different
//! names ("in Ohio", "in Florida"), or whose numbers are more than [`MAX_RATIO`] apart are never
//! of one thing; periods of play and the figures of a poll's method are left out. A group whose
//! articles give different numbers (see [`differ`]) is a disagreement: a change when each
//! number was first reported on a different day, a conflict otherwise.

use super::meaning::{Meaning, PER_ARTICLE, PER_ARTICLE_PIECES, embeddable, vectors_of};
use super::*;
use crate::embed::Vector;
use crate::stages::extract::figures::{AGE, is_amount_word, looks_like_a_year};

mod measure;

pub(super) use measure::is_duration;
use measure::*;

/// The mean of the sentence model's raw cosines of two figures' sentences and of their gists,
/// by average link, from which two figures of one measure key say the same thing but for their
/// numbers.
pub(super) const SAME_MEASURE: f64 = 0.5;

/// The same, for counts of people whose key says what happened to them ("people injured"): the
/// key already says most of what the figure measures, and reports of one toll are written in
/// sentences that differ otherwise ("Police said 50 were injured", "killing 10 and injuring 80").
pub(super) const SAME_FATE: f64 = 0.35;

/// The sentence model's cosine from which two counted nouns are one thing ("observers" and
/// "experts", "battalions" and "battalion tactical groups").
pub(super) const SAME_NOUN: f64 = 0.7;

/// Two numbers further apart than this factor are not two reports of one figure.
pub(super) const MAX_RATIO: f64 = 10.0;

/// Figures of one key in one story that are grouped, at most (in corpus order): the similarity
/// matrix takes 4n² bytes.
const MAX_PER_GROUP: usize = 3000;

/// How far (as a share of the larger) a floor or a ceiling may be from a number that agrees
/// with it: "more than 50 charges" and "54 charges" agree, "at least three dead" and "ten
/// dead" do not (the toll of a developing story).
pub(super) const BOUND_SLACK: f64 = 0.2;

/// Figures of one thing, in one story, whose numbers differ between articles (see the
/// module's header). `statement_of` gives a figure's statement, whose vector
/// `meaning` holds when it was embedded; `inferred` the dates inferred for undated articles.
#[allow(clippy::too_many_arguments)]
pub(super) fn find_contradictions(
    corpus: &Corpus,
    figures: &[FigureOut],
    story_of_article: &[Option<u32>],
    statement_of: impl Fn(&FigureOut) -> Option<usize> + Sync,
    meaning: &Meaning,
    inferred: &[Option<Day>],
    budget: usize,
    cache: Option<&Cache>,
) -> Vec<Contradiction> {
    let index_of: HashMap<&str, usize> =
        corpus.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let sentence_of = |f: &FigureOut| corpus.articles[index_of[&*f.article]].text_at(f.sentence);
    // The figures that may disagree: in a story, not a length of time nor a poll's method.
    let eligible = |f: &FigureOut| {
        story_of_article[index_of[&*f.article]].is_some()
            && (!is_duration(f) || hours_in(f).is_some())
            && !describes_a_survey(sentence_of(f))
            && !converts(sentence_of(f), &f.value)
    };
    // Their sentences' vectors: a statement's when the cascade embedded it, else the
    // sentence's own (a short sentence, "Police said 50 were injured.", is no statement), up
    // to what `budget` (`consolidate.embed_budget`) leaves after the statements.
    let statement_vector = |f: &FigureOut| statement_of(f).and_then(|i| meaning.vector(i));
    // One budget for all the model's work: what the statements left of it, taken in corpus
    // order.
    // Each article gets a quarter of what its statements may (`PER_ARTICLE` sentences,
    // `PER_ARTICLE_PIECES`): most figures are in statements, and one 5 MB page of figures must
    // not spend the corpus's budget nor a minute of the model's time.
    let mut left = budget.saturating_sub(meaning.embedded());
    let mut own: HashMap<&str, usize> = HashMap::new();
    let mut texts: Vec<&str> = Vec::new();
    let mut spent: HashMap<&str, (usize, usize)> = HashMap::new();
    for f in figures.iter().filter(|f| eligible(f) && statement_vector(f).is_none()) {
        let sentence = sentence_of(f);
        let (count, pieces) = spent.entry(&*f.article).or_default();
        if texts.len() < left
            && *count < PER_ARTICLE / 4
            && *pieces < PER_ARTICLE_PIECES / 4
            && embeddable(sentence)
            && !own.contains_key(sentence)
        {
            *count += 1;
            *pieces += crate::embed::pieces(sentence);
            own.insert(sentence, texts.len());
            texts.push(sentence);
        }
    }
    left -= texts.len();
    let own_vectors = vectors_of(&texts, cache).unwrap_or_default();
    let vector_of = |f: &FigureOut| {
        statement_vector(f).or_else(|| own.get(sentence_of(f)).and_then(|&k| own_vectors.get(k)))
    };
    // Each sentence's figures.
    let mut in_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        in_sentence.entry(sentence_of(f).as_ptr() as usize).or_default().push(i);
    }
    let measures: Vec<Measure<'_>> = (0..figures.len())
        .into_par_iter()
        .filter_map(|i| {
            let f = &figures[i];
            if !eligible(f) {
                return None;
            }
            let article = index_of[&*f.article];
            let story = story_of_article[article]?;
            let sentence = sentence_of(f);
            let vector = vector_of(f)?;
            let (words, names) = phrase(sentence, &f.value);
            let hours = hours_in(f);
            if hours.is_some() && frames_a_period(&words) {
                return None;
            }
            // Lengths of time are compared in one unit only, keyed by its length in hours:
            // "four days" of deliberation and "30 hours" of it are two measures of one time,
            // not a disagreement. So the numbers of a key are always in one unit.
            let (key, noun) = match hours {
                Some(hours) => (format!("duration {hours}"), None),
                None => measure_key(f, &words)?,
            };
            let key = format!("{}/{key}", f.unit);
            let bound = bound_before(sentence, &f.value);
            let sentence_names = names_in(sentence);
            let whole = (f.unit == "percent").then(|| whole_of(&words)).flatten();
            Some(Measure {
                figure: i,
                article,
                story,
                key,
                noun,
                vector,
                names,
                years: years(sentence),
                gist: gist(&words, &f.value),
                // A length of time is the scope of the others, not of itself.
                scope: if hours.is_some() {
                    Vec::new()
                } else {
                    scope_of(in_sentence[&(sentence.as_ptr() as usize)].iter().map(|&k| &figures[k]))
                },
                sentence_names,
                whole,
                bound,
            })
        })
        .collect();
    // The nouns counted, by meaning.
    let mut nouns: Vec<&str> = measures.iter().filter_map(|m| m.noun.as_deref()).collect();
    nouns.sort_unstable();
    nouns.dedup();
    // Nouns past the budget are compared by their words only.
    let noun_vectors = vectors_of(&nouns[..nouns.len().min(left)], cache).unwrap_or_default();
    // The gists, by meaning, with what the nouns leave of the budget: past it, two figures
    // are compared by their sentences only.
    let left = left.saturating_sub(nouns.len());
    let mut gists: Vec<&str> = measures.iter().map(|m| m.gist.as_str()).collect();
    gists.sort_unstable();
    gists.dedup();
    let gist_vectors = vectors_of(&gists[..gists.len().min(left)], cache).unwrap_or_default();
    let gist_vector = |m: &Measure<'_>| gist_vectors.get(gists.binary_search(&m.gist.as_str()).ok()?);
    // How alike two figures' measures are: the mean of their sentences' cosine (the event) and
    // their gists' (what is measured: "home to 120,000 people" and "which has about 200,000
    // residents" are far apart in sentences that say much else).
    let alike = |x: &Measure<'_>, y: &Measure<'_>| {
        let sentences = x.vector.cosine(y.vector);
        match gist_vector(x).zip(gist_vector(y)) {
            Some((p, q)) => (sentences + p.cosine(q)) / 2.0,
            None => sentences,
        }
    };
    let noun_vector = |m: &Measure<'_>| {
        let k = nouns.binary_search(&m.noun.as_deref()?).ok()?;
        noun_vectors.get(k)
    };
    let same_noun = |x: &Measure<'_>, y: &Measure<'_>| match (&x.noun, &y.noun) {
        (Some(a), Some(b)) => {
            a == b
                || singular(a) == singular(b)
                || noun_vector(x)
                    .zip(noun_vector(y))
                    .is_some_and(|(p, q)| f64::from(round(p.cosine(q))) >= SAME_NOUN)
        }
        _ => true,
    };
    // The numbers of each sentence's figures, by key: a sentence that gives the other's number
    // for the same key agrees with it, and its own number is of something else ("Florida, 99
    // delegates, and Ohio, 66 delegates" against "all 99 delegates in Florida").
    let mut given: HashMap<(usize, &str), Vec<f64>> = HashMap::new();
    for m in &measures {
        let f = &figures[m.figure];
        given.entry((sentence_of(f).as_ptr() as usize, m.key.as_str())).or_default().push(m.number(figures));
    }
    let gives = |m: &Measure<'_>, number: f64| {
        given[&(sentence_of(&figures[m.figure]).as_ptr() as usize, m.key.as_str())]
            .iter()
            .any(|&n| !apart(n, number))
    };
    // The groups to cluster: one per story and key, in order.
    let mut groups: BTreeMap<(u32, &str), Vec<usize>> = BTreeMap::new();
    for (k, m) in measures.iter().enumerate() {
        let list = groups.entry((m.story, m.key.as_str())).or_default();
        if list.len() < MAX_PER_GROUP {
            list.push(k);
        }
    }
    let date_of = |ai: usize| corpus.articles[ai].meta.date.or(inferred[ai]);
    let found: Vec<Vec<Contradiction>> = groups
        .into_par_iter()
        .map(|((story, key), members)| {
            let n = members.len();
            let mut sim = vec![0f32; n * n];
            for a in 0..n {
                for b in a + 1..n {
                    let (x, y) = (&measures[members[a]], &measures[members[b]]);
                    let (nx, ny) = (x.number(figures), y.number(figures));
                    let restated = x.article != y.article && (gives(x, ny) || gives(y, nx)) && nx != ny;
                    let s = if one_measure(x, y, figures) && !restated && same_noun(x, y) {
                        // Rounded, so that no decision turns on the last bits of a float.
                        round(alike(x, y))
                    } else {
                        -1.0
                    };
                    sim[a * n + b] = s;
                    sim[b * n + a] = s;
                }
            }
            let threshold = if key.starts_with("count/people ") { SAME_FATE } else { SAME_MEASURE };
            let mut groups = UnionFind::new(n);
            for (s, a, b) in stories::average_link(&mut sim, n) {
                if f64::from(s) >= threshold {
                    groups.union(a, b);
                }
            }
            restatements_join(&mut groups, &members, &measures, figures, |x, y| {
                one_measure(x, y, figures) && same_noun(x, y)
            });
            let mut by_root: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
            for (k, &member) in members.iter().enumerate() {
                by_root.entry(groups.find(k)).or_default().push(member);
            }
            by_root
                .into_values()
                .filter_map(|group| disagreement(&group, &measures, figures, corpus, story, date_of))
                .collect()
        })
        .collect();
    found.into_iter().flatten().collect()
}

/// Each figure that stands alone joins a group of figures of its key that gives its number
/// ("nearly 235,000 comments" where "235,000 public comments" and "300,000 comments" disagree):
/// a restatement of one of the group's values, of one measure with the figure that gives it
/// (`alike`) and in a sentence at least [`SAME_FATE`] alike. Average link holds a group to
/// figures alike two by two, and outlets state one value in sentences that differ otherwise.
/// A group of several articles that does not cite the figure's takes it, the largest first,
/// then the earliest.
fn restatements_join(
    groups: &mut UnionFind,
    members: &[usize],
    measures: &[Measure<'_>],
    figures: &[FigureOut],
    alike: impl Fn(&Measure<'_>, &Measure<'_>) -> bool,
) {
    let n = members.len();
    let (roots, size) = groups.roots_and_sizes();
    // Only groups of several articles take figures in: two figures of one sentence ("Klitschko
    // (52-3, 46 KOs) blasted Rahman (45-7-2, 36 KOs)") are of two people.
    let mut articles: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for k in 0..n {
        articles.entry(roots[k]).or_default().insert(measures[members[k]].article);
    }
    let several = |k: usize| articles[&roots[k]].len() > 1;
    let number = |k: usize| measures[members[k]].number(figures);
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for k in (0..n).filter(|&k| size[roots[k]] == 1) {
        let x = &measures[members[k]];
        let home = (0..n)
            .filter(|&j| several(j) && !articles[&roots[j]].contains(&x.article))
            .filter(|&j| !apart(number(j), number(k)))
            .filter(|&j| {
                let y = &measures[members[j]];
                alike(x, y) && f64::from(round(x.vector.cosine(y.vector))) >= SAME_FATE
            })
            .min_by_key(|&j| (std::cmp::Reverse(size[roots[j]]), roots[j]));
        if let Some(j) = home {
            joins.push((k, roots[j]));
        }
    }
    for (k, root) in joins {
        groups.union(k, root);
    }
}

/// Whether two figures of one key may measure one thing: their sentences name the same years
/// (a toll of 2003 is not today's), their phrases, where both name someone or somewhere, share
/// a name, and their numbers are within [`MAX_RATIO`] of each other.
fn one_measure(x: &Measure<'_>, y: &Measure<'_>, figures: &[FigureOut]) -> bool {
    let (a, b) = (x.number(figures).abs(), y.number(figures).abs());
    let share = |p: &[String], q: &[String]| p.is_empty() || q.is_empty() || p.iter().any(|n| q.contains(n));
    // A name at one figure that the other's sentence never gives, both ways: "99 delegates in
    // Florida" and "92 delegates in Ohio".
    let placed_apart =
        |p: &Measure<'_>, q: &Measure<'_>| p.names.iter().any(|n| !q.sentence_names.contains(n));
    x.years == y.years
        && (x.scope.is_empty() || y.scope.is_empty() || x.scope == y.scope)
        && (x.whole.is_none() || y.whole.is_none() || x.whole == y.whole)
        && !(placed_apart(x, y) && placed_apart(y, x))
        && !(x.sentence_names.len() >= 2
            && y.sentence_names.len() >= 2
            && !share(&x.sentence_names, &y.sentence_names))
        && a.max(b) <= MAX_RATIO * a.min(b)
}

/// Whether two numbers are different numbers, not one written with more or fewer digits
/// ("$265.3 million" and "$265 million" are one; 5.9 and 6.1 are two).
fn apart(x: f64, y: f64) -> bool {
    (x - y).abs() > SAME_NUMBER * x.abs().max(y.abs())
}

/// How far apart, as a share of the larger, two numbers are still one number written with
/// fewer digits.
const SAME_NUMBER: f64 = 0.005;

/// Rounds a cosine to three decimals.
fn round(x: f64) -> f32 {
    ((x * 1000.0).round() / 1000.0) as f32
}

/// The disagreement a group of figures of one thing makes, if its articles give different
/// numbers: each article's first figure, the first to report each number ahead.
fn disagreement(
    group: &[usize],
    measures: &[Measure<'_>],
    figures: &[FigureOut],
    corpus: &Corpus,
    story: u32,
    date_of: impl Fn(usize) -> Option<Day>,
) -> Option<Contradiction> {
    let mut per_article: BTreeMap<usize, usize> = BTreeMap::new();
    for &k in group {
        per_article.entry(measures[k].article).or_insert(k);
    }
    if per_article.len() < 2 {
        return None;
    }
    let rows: Vec<usize> = per_article.into_values().collect();
    let f = |k: usize| &figures[measures[k].figure];
    let differ = |j: usize, k: usize| differ(&measures[j], &measures[k], figures);
    // Each distinct number once: its first report by date (undated last), then by article.
    let when = |k: usize| {
        let ai = measures[k].article;
        (date_of(ai).is_none(), date_of(ai), ai)
    };
    let mut by_date = rows;
    by_date.sort_by_key(|&k| when(k));
    let mut firsts: Vec<usize> = Vec::new();
    for &k in &by_date {
        if firsts.iter().all(|&j| differ(j, k)) {
            firsts.push(k);
        }
    }
    if firsts.len() < 2 {
        return None;
    }
    let dates: BTreeSet<Option<Day>> = firsts.iter().map(|&k| date_of(measures[k].article)).collect();
    let kind = if dates.len() == firsts.len() && !dates.contains(&None) { "change" } else { "conflict" };
    let rest = by_date.iter().copied().filter(|k| !firsts.contains(k));
    let values = firsts
        .iter()
        .copied()
        .chain(rest)
        .map(|k| {
            let (fig, ai) = (f(k), measures[k].article);
            ContradictionValue {
                value: fig.value.clone(),
                article: fig.article.clone(),
                paragraph: fig.paragraph,
                date: date_of(ai),
                text: corpus.articles[ai].text_at(fig.sentence).to_string(),
            }
        })
        .collect();
    let first = f(firsts[0]);
    Some(Contradiction {
        about: first.about.clone(),
        kind: kind.into(),
        story: stories::id(story),
        distinct: firsts.len(),
        values,
    })
}

/// Whether two figures of one measure give different numbers. A number inside the other's
/// range does not ("a few" and 3), nor two ranges that overlap ("a few blocks", "several
/// blocks"), nor a number a little past a floor or short of a ceiling ("more than 50" and 54,
/// within [`BOUND_SLACK`]); two bounds of one kind are two outlets' own numbers ("more than
/// 26,000 killed" and "more than 31,000 killed" disagree).
fn differ(x: &Measure<'_>, y: &Measure<'_>, figures: &[FigureOut]) -> bool {
    let (lo_x, hi_x) = x.range(figures);
    let (lo_y, hi_y) = y.range(figures);
    let ranged = |m: &Measure<'_>| figures[m.figure].number_max.is_some();
    let near = |a: f64, b: f64| (a - b).abs() <= BOUND_SLACK * a.abs().max(b.abs());
    let inside = lo_x >= lo_y && hi_x <= hi_y || lo_y >= lo_x && hi_y <= hi_x;
    let overlap = ranged(x) && ranged(y) && lo_x < hi_y && lo_y < hi_x;
    // Whether `b`'s numbers are within the slack of `a`'s bound.
    let bounded = |a: &Measure<'_>, (lo_a, hi_a): (f64, f64), b: &Measure<'_>, (lo_b, hi_b): (f64, f64)| {
        match a.bound {
            _ if a.bound == b.bound => false,
            Bound::Floor => lo_b >= lo_a && near(lo_a, lo_b),
            Bound::Ceiling => hi_b <= hi_a && near(hi_a, hi_b),
            Bound::Exact => false,
        }
    };
    let agree = inside
        || overlap
        || bounded(x, (lo_x, hi_x), y, (lo_y, hi_y))
        || bounded(y, (lo_y, hi_y), x, (lo_x, hi_x));
    !agree && (apart(lo_x, lo_y) || apart(hi_x, hi_y))
}

/// Whether a sentence tells how a poll was taken ("The Quinnipiac poll of 1,237 voters has a
/// margin of error of 2.8 points"): its figures describe the survey, not the world, and two
/// polls' margins and samples differ without disagreeing.
pub(super) fn describes_a_survey(sentence: &str) -> bool {
    // Asked of every statement: most have no "margin" at all.
    if !(sentence.contains("argin") || sentence.contains("ARGIN")) {
        return false;
    }
    let lower = sentence.to_lowercase();
    lower.contains("margin of error") || lower.contains("margin of sampling error")
}

/// Whether two sentences whose figures may disagree are about one named thing: they name one
/// actor at least (the place of the flood, the poll's sponsor), and one person or organisation
/// and one place each where both name some ("within 4 points in Ohio" is not "up 15.6 points
/// in Florida"). Sentences that name nothing ("The poll has a margin of error of 3 percentage
/// points") may be about any poll.
pub(super) fn named_alike(x: &Candidate<'_>, y: &Candidate<'_>, actors: &[Actor]) -> bool {
    common(x.actors(), y.actors()) > 0 && same_people_and_places(x, y, actors)
}

#[cfg(test)]
mod tests;
