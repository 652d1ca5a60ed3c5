//! Disagreements: figures of one thing that differ between sources.

use super::*;

/// Figures of the same unit about the same thing from different articles whose numbers differ
/// by more than 5 %. The same thing: what they measure overlaps ("people killed"), and their
/// sentences are alike but for the numbers (at least [`SAME_THING`]) and name the same people
/// or organisations, so that "three people were shot" and "a crowd of 3,000 people" are not
/// a disagreement.
pub(super) fn find_contradictions(
    corpus: &Corpus,
    figures: &[FigureOut],
    cands: &[Candidate<'_>],
    weights: &Weights,
    actors: &[Actor],
) -> Vec<Contradiction> {
    let article_of: HashMap<&str, (usize, &Article)> =
        corpus.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), (i, a))).collect();
    let date_of = |id: &str| article_of[id].1.meta.date;
    // The statement of each figure's sentence (a figure in a short sentence has none).
    let statement_of = |f: &FigureOut| {
        let (ai, a) = article_of[&*f.article];
        let text = a.text_at(f.sentence);
        let from = cands.partition_point(|c| (c.article as usize) < ai);
        cands[from..]
            .iter()
            .take_while(|c| c.article as usize == ai)
            .find(|c| c.paragraph as usize == f.paragraph && c.text == text)
            .filter(|c| !c.survey_method)
    };
    let statements: Vec<Option<&Candidate<'_>>> = figures.par_iter().map(statement_of).collect();
    let stems: Vec<Box<[u32]>> =
        figures.par_iter().map_init(Stems::default, |s, f| s.hashes(&f.about)).collect();
    // Candidates share a unit and at least one stem of what they measure: an inverted index
    // keeps this from comparing every pair of figures.
    let mut by_stem: HashMap<(&str, u32), Vec<usize>> = HashMap::new();
    for (i, f) in figures.iter().enumerate() {
        for &s in &stems[i] {
            by_stem.entry((f.unit.as_str(), s)).or_default().push(i);
        }
    }
    // The cheap tests first: most candidates measure something else or give the same number.
    let same_thing = |i: usize, j: usize| {
        let (a, b) = (&figures[i], &figures[j]);
        let shared = common(&stems[i], &stems[j]);
        let union = (stems[i].len() + stems[j].len() - shared).max(1);
        let differs = (a.number - b.number).abs() > 0.05 * a.number.abs().max(b.number.abs());
        shared * 2 >= union
            && differs
            && !is_duration(a)
            && match (statements[i], statements[j]) {
                (Some(x), Some(y)) => {
                    named_alike(x, y, actors)
                        && !gives(y, a.number)
                        && !gives(x, b.number)
                        && similarity_but_numbers(x, y, weights) >= SAME_THING
                }
                _ => false,
            }
    };
    // Which later figures each one disagrees with, in parallel; then the groups, in order.
    // The candidates are gathered in one buffer per thread; what is kept for each figure is
    // only its matches (most have none), so the list stays small on a large corpus.
    let matches: Vec<Vec<usize>> = (0..figures.len())
        .into_par_iter()
        .map_init(Vec::new, |later: &mut Vec<usize>, i| {
            if stems[i].is_empty() || statements[i].is_none() {
                return Vec::new();
            }
            // Words of what many figures measure ("year", "per") find nothing particular and
            // would make this quadratic; like claims, only rare ones find candidates.
            later.clear();
            later.extend(
                stems[i]
                    .iter()
                    .map(|&s| &by_stem[&(figures[i].unit.as_str(), s)])
                    .filter(|list| list.len() <= COMMON_STEM)
                    .flat_map(|list| list.iter().copied())
                    .filter(|&j| j > i && figures[j].article != figures[i].article),
            );
            later.sort_unstable();
            later.dedup();
            later.iter().copied().filter(|&j| same_thing(i, j)).collect()
        })
        .collect();
    let mut out = Vec::new();
    let mut used = vec![false; figures.len()];
    for (i, later) in matches.into_iter().enumerate() {
        if used[i] || later.is_empty() {
            continue;
        }
        let mut group = vec![i];
        for j in later {
            if !used[j] && !group.iter().any(|&g| figures[g].article == figures[j].article) {
                group.push(j);
            }
        }
        if group.len() < 2 {
            continue;
        }
        for &g in &group {
            used[g] = true;
        }
        let dates: BTreeSet<Option<Day>> = group.iter().map(|&g| date_of(&figures[g].article)).collect();
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
                    date: date_of(&figures[g].article),
                    text: article_of[&*figures[g].article].1.text_at(figures[g].sentence).to_string(),
                })
                .collect(),
        });
    }
    out
}

/// How alike, but for their numbers, two sentences must be for their figures to be about the
/// same thing (see [`find_contradictions`]).
pub(super) const SAME_THING: f64 = 0.4;

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

/// Whether a sentence gives `number` among its figures or in its words: then it agrees with
/// the figure that gives it, and its other figure is of something else ("Florida, 99 delegates,
/// and Ohio, 66 delegates" against "all 99 delegates in Florida"; "within 150 delegates of the
/// 2,383 needed" against "needs 2,383 delegates").
pub(super) fn gives(c: &Candidate<'_>, number: f64) -> bool {
    c.numbers().contains(&number_key(number)) || writes(c.text, number)
}

/// Whether `text` writes the whole number `number` in digits, with or without thousands
/// separators, and not as part of a longer number.
pub(super) fn writes(text: &str, number: f64) -> bool {
    if number.fract() != 0.0 || !(0.0..1e15).contains(&number) {
        return false;
    }
    let plain = format!("{}", number as u64);
    let grouped: String = {
        let digits = plain.as_bytes();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, &d) in digits.iter().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(char::from(d));
        }
        out
    };
    // "12,383" and "2,383.5" do not write 2,383; "2,383." at the end of a sentence does.
    let digit_at = |rest: &str| rest.starts_with(|c: char| c.is_ascii_digit());
    [plain, grouped].iter().any(|form| {
        text.match_indices(form.as_str()).any(|(at, _)| {
            let before = text[..at].trim_end_matches([',', '.']);
            let after = &text[at + form.len()..];
            let continues = digit_at(after) || after.starts_with([',', '.']) && digit_at(&after[1..]);
            !before.ends_with(|c: char| c.is_ascii_digit()) && !continues
        })
    })
}

/// Whether a figure is a length of time ("two weeks", "three years"): periods of different
/// lengths are other periods, not a disagreement.
pub(super) fn is_duration(f: &FigureOut) -> bool {
    const UNITS: &[&str] = &["days", "decades", "hours", "minutes", "months", "weeks", "years"];
    f.unit == "count"
        && f.about.split_whitespace().next().is_some_and(|w| UNITS.contains(&w.to_lowercase().as_str()))
}
