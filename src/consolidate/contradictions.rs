//! Disagreements: figures of one thing that differ between sources.
//!
//! Two figures of one story measure the same thing when they have one unit and one measure
//! key (what a count counts, and for counts of people what happened to them: "killed",
//! "injured", "arrested"…; see [`measure_key`]; a length of time its unit, in hours), and they
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

/// Words on each side of a figure that its phrase takes, within the clause.
const PHRASE_WORDS: usize = 5;

/// Nouns that count people: their counts are told apart by what happened to the people.
const PEOPLE: &[&str] = &[
    "adult",
    "children",
    "citizen",
    "civilian",
    "crowd",
    "demonstrator",
    "employee",
    "men",
    "other",
    "people",
    "person",
    "persons",
    "protester",
    "resident",
    "soldier",
    "student",
    "victim",
    "villager",
    "women",
    "worker",
];

/// What happened to people, by the words news uses for it (the class is the first word).
const FATES: &[&[&str]] = &[
    &[
        "killed",
        "kill",
        "killing",
        "kills",
        "dead",
        "died",
        "die",
        "dying",
        "death",
        "deaths",
        "toll",
        "lives",
        "bodies",
        "fatalities",
        "perished",
    ],
    &[
        "injured",
        "injuring",
        "injure",
        "injuries",
        "wounded",
        "wounding",
        "hurt",
        "hurting",
        "hospitalized",
        "hospitalised",
    ],
    &["arrested", "arresting", "arrest", "arrests", "detained", "detaining", "detention", "custody", "held"],
    &["missing"],
    &["evacuated", "evacuating", "evacuation", "displaced", "homeless", "fled", "rescued"],
];

/// One figure as the comparison sees it.
struct Measure<'v> {
    /// Index in the figures.
    figure: usize,
    article: usize,
    story: u32,
    /// Unit and measure key.
    key: String,
    /// What a count counts, when the key leaves it to meaning ("battalion tactical groups").
    noun: Option<String>,
    /// The sentence's vector.
    vector: &'v Vector,
    /// Names (capitalised words past the sentence's first) in the phrase around the figure.
    names: Vec<String>,
    /// Years the sentence names.
    years: Vec<u32>,
    /// The words around the figure, its number left out: what it measures.
    gist: String,
    /// The periods the sentence's figures are counted over (see [`scope_of`]).
    scope: Vec<(String, u64)>,
    /// Names the sentence gives (capitalised words past its first), sorted.
    sentence_names: Vec<String>,
    /// For a share, the whole it is a share of ("percent of Belarusians"), if the sentence says.
    whole: Option<String>,
    /// What one of the figure's units is worth in the key's unit: hours for a length of time,
    /// 1 for the rest.
    scale: f64,
    /// Whether the figure is written as a floor ("at least 50", "more than 50") or a ceiling
    /// ("up to 120", "nearly 300,000").
    bound: Bound,
}

impl Measure<'_> {
    /// The figure's number, in the key's unit.
    fn number(&self, figures: &[FigureOut]) -> f64 {
        figures[self.figure].number * self.scale
    }

    /// The figure's lowest and highest numbers, in the key's unit.
    fn range(&self, figures: &[FigureOut]) -> (f64, f64) {
        let f = &figures[self.figure];
        (f.number * self.scale, f.number_max.unwrap_or(f.number) * self.scale)
    }
}

/// How a figure bounds what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exact,
    Floor,
    Ceiling,
}

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
            let scale = hours_in(f);
            if scale.is_some() && frames_a_period(&words) {
                return None;
            }
            // Lengths of time are compared in one unit only: "four days" of deliberation and
            // "30 hours" of it are two measures of one time, not a disagreement.
            let (key, noun) = if scale.is_some() {
                (format!("duration {}", f.about.split_whitespace().next().unwrap_or("").to_lowercase()), None)
            } else {
                measure_key(f, &words)?
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
                scope: if scale.is_some() {
                    Vec::new()
                } else {
                    scope_of(in_sentence[&(sentence.as_ptr() as usize)].iter().map(|&k| &figures[k]))
                },
                scale: scale.unwrap_or(1.0),
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

/// What a figure measures, beyond its unit: for a count, the thing counted (its last word,
/// stemmed), and for people what happened to them; for an age, whose it is; `None` when a
/// count says too little ("rose to 10" with no people in sight).
fn measure_key(f: &FigureOut, phrase: &[&str]) -> Option<(String, Option<String>)> {
    let lower = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let class_of = |w: &str| FATES.iter().find(|words| words.contains(&w)).map(|words| words[0]);
    let fate = || {
        // The fate the figure's own words give ("50 were injured", "injuring 80"), else the
        // class of the fate word nearest it.
        if let Some(class) = f.value.split_whitespace().find_map(|w| class_of(&lower(w))) {
            return Some(class);
        }
        // The verb before a count governs it ("killing 10 people, injuring dozens"); after it,
        // only a passive or an adjective does ("three people killed").
        let at = phrase.iter().position(|w| w.is_empty()).unwrap_or(0);
        let before = phrase[..at].iter().rev().find_map(|w| class_of(&lower(w)));
        before.or_else(|| phrase[at..].iter().find_map(|w| class_of(&lower(w))))
    };
    if f.unit == AGE {
        // The name set off before it, or the noun an age adjective describes.
        let name = f.about.strip_prefix("age of ").map(str::to_string);
        let name = name.or_else(|| phrase.iter().skip_while(|w| !w.is_empty()).nth(1).map(|w| lower(w)));
        return name.map(|n| (n, None));
    }
    if f.unit != "count" {
        return Some((String::new(), None));
    }
    let words: Vec<String> = f.value.split_whitespace().map(lower).filter(|w| !w.is_empty()).collect();
    let counted = words.first().is_some_and(|w| is_number(w));
    let noun: (String, String) = if counted {
        // Words that follow a unit without being what is counted ("940 miles south").
        const AFTER_UNIT: &[&str] = &[
            "were",
            "was",
            "been",
            "have",
            "had",
            "north",
            "south",
            "east",
            "west",
            "northeast",
            "northwest",
            "southeast",
            "southwest",
            "away",
            "long",
            "wide",
            "high",
            "deep",
            "tall",
            "old",
            "more",
        ];
        let mut nouns: Vec<&str> =
            words.iter().map(String::as_str).filter(|w| !is_number(w) && !AFTER_UNIT.contains(w)).collect();
        // The phrase ends at its first plural: what follows is a verb or another phrase
        // ("20,000 people took to the streets", "565 shops suffering serious damage").
        if let Some(head) = nouns.iter().position(|w| is_plural(w)) {
            nouns.truncate(head + 1);
        }
        let last = *nouns.last()?;
        // How often something happened is told apart by what happened ("arrested four times",
        // "shot 11 times").
        if last == "times" {
            return Some((format!("times {}", fate().unwrap_or("")), None));
        }
        let people = PEOPLE.contains(&singular(last)) || PEOPLE.contains(&last) || class_of(last).is_some();
        match (people, fate()) {
            // People are pooled by what happened to them.
            (true, Some(class)) => return Some((format!("people {class}"), None)),
            (true, None) => ("people".to_string(), nouns.join(" ")),
            (false, _) => ("thing".to_string(), nouns.join(" ")),
        }
    } else {
        // A number after a verb or a measure word ("injuring 80", "a magnitude of 5.9").
        let first = words.first()?;
        if let Some(class) = class_of(first).or_else(|| (first == "crowd").then_some("")).or_else(fate) {
            return Some((format!("people {class}"), None));
        }
        if ["magnitude", "turnout"].contains(&first.as_str()) {
            return Some((first.clone(), None));
        }
        return None;
    };
    // Other counts, and people without a fate, are told apart by what they count, compared by
    // meaning ("observers" and "experts"; "children" and "women" are not one figure).
    Some((noun.0, Some(noun.1)))
}

/// The last word of a noun phrase without a plural "s" ("rifles" → "rifle").
fn singular(noun: &str) -> &str {
    let last = noun.rsplit(' ').next().unwrap_or(noun);
    last.strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with('x'))
        .or_else(|| last.strip_suffix('s'))
        .unwrap_or(last)
}

/// Whether a lower-case word looks like a plural noun: one of the plurals without an "s" that
/// count people, or a word of four letters or more in "s" but not "ss", "us" nor "is" ("shops",
/// "rifles"; not "this", "across", "status", "crisis").
fn is_plural(w: &str) -> bool {
    ["people", "men", "women", "children", "police", "staff", "crew", "folk"].contains(&w)
        || w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
}

/// Whether a word is a number, in digits or letters.
fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || is_amount_word(w)
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

/// What a share is of: the first word after "of" (and an article) right after the figure
/// ("3 percent of Belarusians", "25 percent of the country").
fn whole_of(phrase: &[&str]) -> Option<String> {
    let at = phrase.iter().position(|w| w.is_empty())?;
    let mut after =
        phrase[at + 1..].iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    if after.next()? != "of" {
        return None;
    }
    after.find(|w| !["the", "a", "an", "all", "its", "their"].contains(&w.as_str()))
}

/// Whether the words just before a figure make it a floor or a ceiling.
fn bound_before(sentence: &str, value: &str) -> Bound {
    let at = sentence.find(value).unwrap_or(0);
    let before: Vec<String> =
        sentence[..at].split_whitespace().rev().take(3).map(|w| w.to_lowercase()).collect();
    let last = |n: usize| before.iter().take(n).rev().cloned().collect::<Vec<_>>().join(" ");
    const FLOORS: &[&str] =
        &["at least", "more than", "over", "above", "upwards of", "in excess of", "no fewer than"];
    const CEILINGS: &[&str] =
        &["up to", "nearly", "almost", "fewer than", "less than", "under", "as many as", "no more than"];
    let ends = |list: &[&str]| list.iter().any(|p| (1..=3).any(|n| last(n) == *p));
    if ends(FLOORS) || value.to_lowercase().contains("more than") {
        Bound::Floor
    } else if ends(CEILINGS) {
        Bound::Ceiling
    } else {
        Bound::Exact
    }
}

/// Capitalised words of a sentence past its first, sorted and distinct: a rough list of the
/// people, organisations and places it names, so that a figure of the British navy's and one of
/// the Indian navy's are not taken for one.
fn names_in(sentence: &str) -> Vec<String> {
    let mut out: Vec<String> = sentence
        .split_whitespace()
        .skip(1)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| is_name(w))
        .map(str::to_string)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a word (inside a sentence) looks like part of a name: capitalised, and not a word
/// that is capitalised for other reasons (a pronoun, a day, a month).
fn is_name(w: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "A",
        "An",
        "And",
        "But",
        "He",
        "I",
        "In",
        "It",
        "Mr",
        "Mrs",
        "Ms",
        "On",
        "She",
        "The",
        "They",
        "This",
        "We",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    w.starts_with(char::is_uppercase) && !NOT_NAMES.contains(&w) && crate::dates::month_number(w).is_none()
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

/// The words around a figure (up to [`PHRASE_WORDS`] on each side, within its clause) with an
/// empty word where the figure stands, and the names among the two words before it and those
/// after it (capitalised words that do not open the sentence).
fn phrase<'s>(sentence: &'s str, value: &str) -> (Vec<&'s str>, Vec<String>) {
    let at = sentence.find(value).unwrap_or(0);
    let end = (at + value.len()).min(sentence.len());
    let ends_clause = |w: &str| w.ends_with([',', ';', ':']) || w.contains(['(', ')', '—', '–']);
    let mut before: Vec<&str> = Vec::new();
    for w in sentence[..at].split_whitespace().rev() {
        if before.len() == PHRASE_WORDS || (!before.is_empty() && ends_clause(w)) {
            break;
        }
        before.push(w);
    }
    before.reverse();
    let mut after: Vec<&str> = Vec::new();
    for w in sentence.get(end..).unwrap_or("").split_whitespace() {
        if after.len() == PHRASE_WORDS || w.starts_with(['(', '—', '–']) {
            break;
        }
        after.push(w);
        if ends_clause(w) {
            break;
        }
    }
    let first = sentence.split_whitespace().next().map(|w| w.as_ptr() as usize);
    // The names that place or own the figure stand right before it or after it ("Ohio, 66
    // delegates", "99 delegates in Florida"); further before, the subject and the source.
    let names = before[before.len().saturating_sub(2)..]
        .iter()
        .chain(&after)
        .filter(|w| Some(w.as_ptr() as usize) != first)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| is_name(w))
        .map(str::to_string)
        .collect();
    let mut words = before;
    words.push("");
    words.extend(after);
    (words, names)
}

/// The phrase around a figure without its number: the words of [`phrase`], the figure's own
/// words in place of the gap ("home to people, and the city of").
fn gist(words: &[&str], value: &str) -> String {
    let own = value.split_whitespace().filter(|w| !is_number(&w.to_lowercase()));
    let mut out: Vec<&str> = Vec::new();
    for &w in words {
        if w.is_empty() {
            out.extend(own.clone());
        } else {
            out.push(w);
        }
    }
    out.join(" ")
}

/// The years a sentence names ("in December 2003", "since 1990").
fn years(sentence: &str) -> Vec<u32> {
    let mut out: Vec<u32> = crate::text::words(sentence)
        .filter(|w| looks_like_a_year(w))
        .filter_map(|w| w.parse().ok())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
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

/// Whether a figure is a length of time ("two weeks", "three years", "54 games", "five
/// seasons"): periods of different lengths are other periods, not a disagreement, and they set
/// the scope of the other figures of their sentence (see [`scope_of`]). A unit in the singular
/// is no length of its own: "an eight-year offer" describes the offer, whose money is what
/// disagrees.
pub(super) fn is_duration(f: &FigureOut) -> bool {
    use crate::stages::extract::lexicon::{PERIODS_OF_PLAY, TIME_UNITS};
    f.unit == "count"
        && f.about.split_whitespace().next().is_some_and(|w| {
            let w = w.to_lowercase();
            w.ends_with('s') && TIME_UNITS.contains(&w) || PERIODS_OF_PLAY.contains(&w)
        })
}

/// Whether a figure in parentheses right after another restates it in another unit or
/// currency ("200 million euros ($265.3 million)", "58km (36 miles)"): the same amount, which
/// the first figure already gives.
fn converts(sentence: &str, value: &str) -> bool {
    let Some(at) = sentence.find(value) else { return false };
    let Some(before) = sentence[..at].trim_end().strip_suffix('(') else { return false };
    before.split_whitespace().rev().take(3).any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// A length of time's unit in hours ("three weeks": 168), `None` for other figures and for
/// periods of play ("54 games"), which set a record's scope and are no length of their own.
fn hours_in(f: &FigureOut) -> Option<f64> {
    if !is_duration(f) {
        return None;
    }
    let unit = f.about.split_whitespace().next()?.to_lowercase();
    let hours = match unit.trim_end_matches('s') {
        "second" => 1.0 / 3600.0,
        "minute" => 1.0 / 60.0,
        "hour" => 1.0,
        "day" => 24.0,
        "week" => 168.0,
        "month" => 730.5,
        "year" => 8766.0,
        "decade" => 87_660.0,
        "century" | "centurie" => 876_600.0,
        _ => return None,
    };
    Some(hours)
}

/// Whether the words before a length of time make it the frame of what the sentence counts
/// rather than a length of its own: "more in two weeks than", "in the last five years", "over
/// the past three years" (against "hospitalized for three weeks", "for the past three weeks",
/// "30 hours of deliberation").
fn frames_a_period(phrase: &[&str]) -> bool {
    // Not "over": before a number it is mostly a floor ("just over 10 seconds").
    const FRAMES: &[&str] = &["during", "in", "within"];
    const RECENT: &[&str] = &["first", "last", "next", "past", "previous"];
    let at = phrase.iter().position(|w| w.is_empty()).unwrap_or(0);
    let mut before = phrase[..at].iter().rev().map(|w| w.to_lowercase()).filter(|w| w != "the");
    match before.next() {
        Some(w) if FRAMES.contains(&w.as_str()) => true,
        Some(w) if RECENT.contains(&w.as_str()) => before.next().is_none_or(|w| w != "for"),
        _ => false,
    }
}

/// The periods a sentence's figures are counted over: its lengths of time, as (what, how many).
/// "13 homers in 54 games" and "33 homers in 157 games" are two stat lines, not a disagreement.
fn scope_of<'f>(figures: impl Iterator<Item = &'f FigureOut>) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = figures
        .filter(|f| is_duration(f))
        .map(|f| (f.about.to_lowercase(), (f.number * 100.0).round() as u64))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A figure of `number` comments in `article`.
    fn comments(number: f64) -> FigureOut {
        FigureOut {
            value: format!("{number} comments"),
            number,
            number_max: None,
            unit: "count".into(),
            about: "comments".into(),
            article: "a".into(),
            paragraph: 0,
            sentence: Span { paragraph: 0, start: 0, end: 0 },
        }
    }

    /// Figure `figure` measured in `article`, its sentence's vector `vector`.
    fn measure(figure: usize, article: usize, vector: &Vector) -> Measure<'_> {
        Measure {
            figure,
            article,
            story: 0,
            key: "count/comment".into(),
            noun: None,
            vector,
            names: vec![],
            years: vec![],
            gist: String::new(),
            scope: vec![],
            scale: 1.0,
            sentence_names: vec![],
            whole: None,
            bound: Bound::Exact,
        }
    }

    /// A figure whose value is `value`, of `unit`, about `about`.
    fn figure(value: &str, number: f64, unit: &str, about: &str) -> FigureOut {
        FigureOut { value: value.into(), number, unit: unit.into(), about: about.into(), ..comments(number) }
    }

    #[test]
    fn two_bounds_of_one_kind_disagree_a_number_near_a_bound_agrees_with_it() {
        let figures = [26_000.0, 31_000.0, 27_000.0, 40_000.0].map(comments);
        let vector = Vector([Vector::ONE as i16].into());
        let bound = |k: usize, bound: Bound| Measure { bound, ..measure(k, k, &vector) };
        // "more than 26,000 killed" against "more than 31,000 killed".
        assert!(differ(&bound(0, Bound::Floor), &bound(1, Bound::Floor), &figures));
        // "more than 26,000" against "27,000": within the slack past the floor.
        assert!(!differ(&bound(0, Bound::Floor), &bound(2, Bound::Exact), &figures));
        assert!(!differ(&bound(2, Bound::Exact), &bound(0, Bound::Floor), &figures));
        // "more than 26,000" against "40,000": too far past it.
        assert!(differ(&bound(0, Bound::Floor), &bound(3, Bound::Exact), &figures));
        // "nearly 31,000" against "27,000", and two exact numbers.
        assert!(!differ(&bound(1, Bound::Ceiling), &bound(2, Bound::Exact), &figures));
        assert!(differ(&bound(1, Bound::Exact), &bound(2, Bound::Exact), &figures));
    }

    #[test]
    fn a_range_agrees_with_a_number_inside_it_and_with_a_range_it_overlaps() {
        let range = |lo: f64, hi: f64| FigureOut { number_max: Some(hi), ..comments(lo) };
        let figures = [range(6.0, 11.0), comments(8.0), comments(3.0), range(10.0, 20.0)];
        let vector = Vector([Vector::ONE as i16].into());
        let m = |k: usize| measure(k, k, &vector);
        assert!(!differ(&m(0), &m(1), &figures));
        assert!(differ(&m(0), &m(2), &figures), "\"between 6 and 11 percent\" against 3 percent");
        assert!(!differ(&m(0), &m(3), &figures));
    }

    #[test]
    fn a_count_counts_the_first_plural_after_its_number() {
        let key = |value: &str| {
            let f = figure(value, 1.0, "count", "");
            measure_key(&f, &["", "in", "Athens"]).map(|(_, noun)| noun)
        };
        assert_eq!(key("565 shops suffering serious"), Some(Some("shops".into())));
        assert_eq!(key("355 damaged shops"), Some(Some("damaged shops".into())));
        assert_eq!(key("20,000 people took"), Some(Some("people".into())));
        assert_eq!(key("seven AK-47 assault rifles"), Some(Some("assault rifles".into())));
        assert!(is_plural("rifles") && is_plural("men"));
        assert!(!is_plural("this") && !is_plural("across") && !is_plural("status") && !is_plural("crisis"));
    }

    #[test]
    fn lengths_of_time_are_measured_in_hours_and_periods_of_play_are_not() {
        let hours = |value: &str, number: f64, about: &str| hours_in(&figure(value, number, "count", about));
        assert_eq!(hours("three weeks", 3.0, "weeks"), Some(168.0));
        assert_eq!(hours("30 hours", 30.0, "hours of deliberation"), Some(1.0));
        assert_eq!(hours("two decades", 2.0, "decades"), Some(87_660.0));
        // Set a record's scope, measure nothing of their own.
        assert_eq!(hours("54 games", 54.0, "games"), None);
        // "an eight-year offer": the unit describes the offer.
        assert_eq!(hours("eight-year", 8.0, "year offer"), None);
        assert_eq!(hours("12 rifles", 12.0, "rifles"), None);
    }

    #[test]
    fn a_length_of_time_after_in_or_past_frames_a_period() {
        let frames = |sentence: &str, value: &str| frames_a_period(&phrase(sentence, value).0);
        assert!(frames("Lee has done more in two weeks than Berg has in a year.", "two weeks"));
        assert!(frames("He has led the unit over the past five years.", "five years"));
        assert!(frames("Cheeks will be the fifth coach in the last four years.", "four years"));
        assert!(!frames("Page had been hospitalized for the past three weeks.", "three weeks"));
        assert!(!frames("Page had been hospitalized for three weeks.", "three weeks"));
        assert!(!frames("The initial tremor lasted just over 10 seconds.", "10 seconds"));
        assert!(!frames("The jury was unable to decide after 30 hours of deliberation.", "30 hours"));
    }

    #[test]
    fn a_figure_in_parentheses_after_another_is_a_conversion() {
        let sentence = "Eight days of clashes have caused 200 million euros ($265.3 million) of damage.";
        assert!(converts(sentence, "$265.3 million"));
        assert!(!converts(sentence, "200 million euros"));
        assert!(converts("The epicentre was about 58km (36 miles) south-west of the port.", "36 miles"));
        assert!(!converts("Klitschko (52-3, 46 KOs) beat Rahman.", "46 KOs"));
    }

    #[test]
    fn a_gist_is_the_phrase_around_a_figure_without_its_number() {
        let sentence = "The 6.1 - magnitude quake struck Qeshm island, home to 120,000 people, and the city.";
        let (words, _) = phrase(sentence, "120,000 people");
        assert_eq!(gist(&words, "120,000 people"), "home to people ,");
        let sentence = "The island, which has about 200,000 residents, is about 940 miles south of Tehran.";
        let (words, _) = phrase(sentence, "200,000 residents");
        assert_eq!(gist(&words, "200,000 residents"), "which has about residents ,");
    }

    #[test]
    fn a_figure_alone_joins_the_group_of_several_articles_that_gives_its_number() {
        let figures = [235_000.0, 300_000.0, 235_000.0, 300_000.0, 46.0, 36.0, 36.0].map(comments);
        // One direction for every sentence, but the last: unlike every other.
        let alike = Vector([Vector::ONE as i16, 0].into());
        let unlike = Vector([0, Vector::ONE as i16].into());
        let measures = [
            measure(0, 0, &alike), // a group of two articles that disagree: 235,000 against 300,000
            measure(1, 1, &alike),
            measure(2, 2, &alike),  // gives 235,000: joins them
            measure(3, 3, &unlike), // gives 300,000, in a sentence like none of theirs
            measure(4, 4, &alike),  // a group of one article: two people's records in a sentence
            measure(5, 4, &alike),
            measure(6, 5, &alike), // gives 36, but a group of one article takes nothing in
        ];
        let members: Vec<usize> = (0..measures.len()).collect();
        let mut groups = UnionFind::new(members.len());
        groups.union(0, 1);
        groups.union(4, 5);
        restatements_join(&mut groups, &members, &measures, &figures, |_, _| true);
        let with_first: Vec<usize> =
            members.iter().copied().filter(|&k| groups.find(k) == groups.find(0)).collect();
        assert_eq!(with_first, [0, 1, 2]);
        assert_ne!(groups.find(6), groups.find(4));
        // What is not of one measure never joins.
        let mut groups = UnionFind::new(members.len());
        groups.union(0, 1);
        restatements_join(&mut groups, &members, &measures, &figures, |_, _| false);
        assert_ne!(groups.find(2), groups.find(0));
    }
}
