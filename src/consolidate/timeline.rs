//! The timeline: dated events, the same sentence once; each story's own events oldest first,
//! then its background (an anniversary, an earlier disaster), marked and capped.

use super::*;

/// Days before a story's first article from which its events are its own: a story reports what
/// happened in the days before it, and background is what happened long before.
pub(super) const STORY_LEAD_DAYS: i64 = 31;

/// Background rows shown, at most, as a share of `consolidate.max_timeline`.
pub(super) const BACKGROUND_SHARE: usize = 4;

/// Dated events, the same sentence counted once: at most `max` of a story's own events and a
/// quarter as many background ones (the most precise and most reported first), shown own
/// events oldest first, then background oldest first. A story's own events fall between
/// [`STORY_LEAD_DAYS`] before its first dated article and the day after its last; a story with
/// no dated article takes the month its events most often fall in, and its neighbours.
pub(super) fn build_timeline(
    corpus: &Corpus,
    article_ids: &[ArticleId],
    story_of_article: &[Option<u32>],
    max: usize,
) -> Vec<TimelineEntry> {
    let years = years_from_other_articles(corpus);
    let mut by_key: BTreeMap<(Day, &str), (usize, TimelineEntry)> = BTreeMap::new();
    for (ai, (a, id)) in corpus.articles.iter().zip(article_ids).enumerate() {
        if a.duplicate_of.is_some() {
            continue;
        }
        // One row per sentence: a sentence that gives several dates ("On Tuesday, the president
        // flew to Tajikistan before going on to Turkmenistan on Wednesday") is dated by its most
        // exact one, the earliest of those.
        let mut dated: Vec<(&str, Day, usize)> = a
            .extraction
            .events
            .iter()
            .enumerate()
            .map(|(ei, e)| {
                let date = years.get(&(ai, ei)).map_or(e.date, |&year| Day { year, ..e.date });
                (without_doubled_stop(a.text_at(e.sentence)), date, e.sentence.paragraph())
            })
            .collect();
        dated.sort_by(|x, y| (x.0, x.1.precision(), x.1).cmp(&(y.0, y.1.precision(), y.1)));
        dated.dedup_by(|later, first| later.0 == first.0);
        for (text, date, paragraph) in dated {
            let key = (date, text);
            by_key
                .entry(key)
                .and_modify(|(_, t)| {
                    if !t.sources.contains(id) {
                        t.sources.push(id.clone())
                    }
                })
                .or_insert_with(|| {
                    let entry = TimelineEntry {
                        date,
                        precision: date.precision(),
                        text: text.to_string(),
                        article: id.clone(),
                        paragraph,
                        sources: vec![id.clone()],
                        story: story_of_article[ai].map(stories::id),
                        background: false,
                    };
                    (ai, entry)
                });
        }
    }
    let windows = story_windows(corpus, story_of_article, by_key.values().map(|(ai, t)| (*ai, t.date)));
    let mut own = Vec::new();
    let mut background = Vec::new();
    for (ai, mut t) in by_key.into_values() {
        let window = windows.get(&story_of_article[ai]);
        t.background = window.is_some_and(|&(from, to)| !own_period(t.date, from, to));
        if t.background { background.push(t) } else { own.push(t) }
    }
    let pick = |mut entries: Vec<TimelineEntry>, max: usize| {
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
    };
    let mut entries = pick(own, max);
    entries.extend(pick(background, max / BACKGROUND_SHARE));
    entries
}

/// The days each story's own events fall in (see [`build_timeline`]), for the stories that can
/// tell: by their articles' dates; else by the month their day-exact events most often fall in;
/// else by the dates of all the corpus's articles; else by the year their events most often
/// name.
fn story_windows(
    corpus: &Corpus,
    story_of_article: &[Option<u32>],
    events: impl Iterator<Item = (usize, Day)>,
) -> HashMap<Option<u32>, (time::Date, time::Date)> {
    let days = time::Duration::days;
    let mut out: HashMap<Option<u32>, (time::Date, time::Date)> = HashMap::new();
    let mut corpus_window: Option<(time::Date, time::Date)> = None;
    for (ai, a) in corpus.articles.iter().enumerate() {
        let Some(date) = a.meta.date.and_then(Day::to_date) else { continue };
        let window = (date - days(STORY_LEAD_DAYS), date + days(1));
        let widen = |w: (time::Date, time::Date)| (w.0.min(window.0), w.1.max(window.1));
        out.entry(story_of_article[ai]).and_modify(|w| *w = widen(*w)).or_insert(window);
        corpus_window = Some(corpus_window.map_or(window, widen));
    }
    // The others: the months their day-exact events fall in, and the years all their events name.
    let mut months: BTreeMap<Option<u32>, BTreeMap<(i32, u8), usize>> = BTreeMap::new();
    let mut years: BTreeMap<Option<u32>, BTreeMap<i32, usize>> = BTreeMap::new();
    for (ai, day) in events {
        let story = story_of_article[ai];
        if out.contains_key(&story) {
            continue;
        }
        if day.precision() == Precision::Day {
            *months.entry(story).or_default().entry((day.year, day.month)).or_default() += 1;
        }
        *years.entry(story).or_default().entry(day.year).or_default() += 1;
    }
    // The most frequent; on a tie, the latest (news reports the recent past).
    fn most<K: Ord + Copy>(counts: &BTreeMap<K, usize>) -> Option<K> {
        counts.iter().max_by_key(|(k, n)| (**n, **k)).map(|(k, _)| *k)
    }
    for (story, counts) in &years {
        let window = match months.get(story).and_then(most) {
            Some((year, month)) => {
                Day::ymd(year, month, 1).to_date().map(|d| (d - days(STORY_LEAD_DAYS), d + days(62)))
            }
            None => corpus_window.or_else(|| {
                let year = most(counts)?;
                Some((Day::ymd(year, 1, 1).to_date()?, Day::ymd(year, 12, 31).to_date()?))
            }),
        };
        if let Some(window) = window {
            out.insert(*story, window);
        }
    }
    out
}

/// Whether a date, at its precision (a day, a month or a year), overlaps the days `from..=to`.
/// Days before a story's first article from which a month named alone ("in March", "in July
/// alone, they lost $300,000") is the story's own: its middle must fall in them, for a month
/// that merely touches the story's window is most often what came before it.
pub(super) const MONTH_LEAD_DAYS: i64 = 7;

/// Whether a row dated `date` falls in a story's window `from..=to`: a day or a year that
/// overlaps it; a month that starts by the window's end and whose middle is no earlier than
/// [`MONTH_LEAD_DAYS`] before the story's first article.
fn own_period(date: Day, from: time::Date, to: time::Date) -> bool {
    if date.precision() != Precision::Month {
        return overlaps(date, from, to);
    }
    let from = from + time::Duration::days(STORY_LEAD_DAYS - MONTH_LEAD_DAYS);
    match (Day::ymd(date.year, date.month, 1).to_date(), Day::ymd(date.year, date.month, 15).to_date()) {
        (Some(start), Some(mid)) => from <= mid && start <= to,
        _ => true,
    }
}

fn overlaps(date: Day, from: time::Date, to: time::Date) -> bool {
    let (start, end) = match date.precision() {
        Precision::Day => {
            (Day::ymd(date.year, date.month, date.day), Day::ymd(date.year, date.month, date.day))
        }
        Precision::Month => (Day::ymd(date.year, date.month, 1), Day::ymd(date.year, date.month, 28)),
        Precision::Year => (Day::ymd(date.year, 1, 1), Day::ymd(date.year, 12, 31)),
    };
    match (start.to_date(), end.to_date()) {
        (Some(start), Some(end)) => start <= to && from <= end,
        _ => true,
    }
}

/// A month and day written without a year more than this many days before the article is
/// a guess: "February 24" in a December article may be that year's or, as often, a day the
/// reader is expected to know.
pub(super) const YEAR_GUESSED_AFTER: i64 = 180;

/// The events whose year was guessed (see [`YEAR_GUESSED_AFTER`]) and that another article
/// dates otherwise: by their article and its event, the year to use. The other article must
/// give the same month and day, or the same month with its year ("the contested August 2020
/// presidential election" for "the presidential elections held on August 9"), in a sentence
/// that shares a word with this one ("before Russia launched its invasion on February 24" and
/// "from February 24, when the invasion began"), and either write the year or have been written
/// within [`YEAR_GUESSED_AFTER`] days of it; the closest such article decides. The article's
/// other guessed dates that no article dates then take the year its dated ones took, when that
/// is one year (its own context: "September 14 in Sochi", a month after that election).
pub(super) fn years_from_other_articles(corpus: &Corpus) -> HashMap<(usize, usize), i32> {
    use crate::dates::{DateKind, DateMatch, find_dates};
    // An event dated to the day or the month: its article and its place there, its date, and
    // how sure its year is (0 days when written, else the days from it to its article).
    struct Mention<'a> {
        article: usize,
        event: usize,
        year: i32,
        day: u8,
        doubt: i64,
        sentence: &'a str,
        as_written: &'a str,
    }
    let mentions = || {
        let articles = corpus.articles.iter().enumerate().filter(|(_, a)| a.duplicate_of.is_none());
        articles.flat_map(|(ai, a)| {
            a.extraction.events.iter().enumerate().filter_map(move |(ei, e)| {
                if e.date.month == 0 {
                    return None;
                }
                let sentence = a.text_at(e.sentence);
                let guessed = e.date.day != 0
                    && matches!(
                        find_dates(&e.as_written).first(),
                        Some(DateMatch { kind: DateKind::MonthDay { .. }, .. })
                    )
                    && !sentence.contains(&e.date.year.to_string());
                let doubt = if guessed {
                    (a.meta.date.and_then(|d| d.to_date())? - e.date.to_date()?).whole_days()
                } else {
                    0
                };
                let m = Mention {
                    article: ai,
                    event: ei,
                    year: e.date.year,
                    day: e.date.day,
                    doubt,
                    sentence,
                    as_written: &e.as_written,
                };
                Some((e.date.month, m))
            })
        })
    };
    // Most corpora have no guessed year: only the months that have one are gathered.
    let doubted: BTreeSet<u8> =
        mentions().filter(|(_, m)| m.doubt > YEAR_GUESSED_AFTER).map(|(month, _)| month).collect();
    let mut by_month: BTreeMap<u8, Vec<Mention<'_>>> = BTreeMap::new();
    if !doubted.is_empty() {
        for (month, m) in mentions().filter(|(month, _)| doubted.contains(month)) {
            by_month.entry(month).or_default().push(m);
        }
    }
    let mut out = HashMap::new();
    // The guessed events no other article dates, by article.
    let mut undecided: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for mentions in by_month.values() {
        let words: Vec<BTreeSet<String>> =
            mentions.iter().map(|m| content_stems(m.sentence, m.as_written)).collect();
        for (k, m) in mentions.iter().enumerate().filter(|(_, m)| m.doubt > YEAR_GUESSED_AFTER) {
            let best = mentions
                .iter()
                .enumerate()
                .filter(|(_, o)| o.article != m.article && o.doubt <= YEAR_GUESSED_AFTER && o.year != m.year)
                .filter(|(_, o)| o.day == m.day || o.day == 0)
                .filter(|&(x, _)| words[x].intersection(&words[k]).next().is_some())
                .min_by_key(|(_, o)| (o.doubt, o.day == 0, o.article, o.event));
            match best {
                Some((_, o)) => {
                    out.insert((m.article, m.event), o.year);
                }
                None => undecided.entry(m.article).or_default().push(m.event),
            }
        }
    }
    // The article's own context.
    for (article, events) in undecided {
        let years: BTreeSet<i32> =
            out.iter().filter(|((a, _), _)| *a == article).map(|(_, &year)| year).collect();
        if let [year] = years.into_iter().collect::<Vec<_>>()[..] {
            for event in events {
                out.insert((article, event), year);
            }
        }
    }
    out
}

/// The stems of a sentence's content words, leaving out those of the date it gives.
pub(super) fn content_stems(sentence: &str, date: &str) -> BTreeSet<String> {
    let mut date_words = BTreeSet::new();
    for_each_content_word(date, |w| {
        date_words.insert(w.to_string());
    });
    let mut out = BTreeSet::new();
    for_each_content_word(sentence, |w| {
        if !date_words.contains(w) && !w.chars().all(|c| c.is_ascii_digit()) {
            out.insert(stem(w));
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_named_alone_is_the_storys_own_only_when_its_middle_is_near_the_story() {
        // A story whose first article is of 7 August 2012: its window opens 31 days before.
        let first = Day::ymd(2012, 8, 7).to_date().unwrap();
        let (from, to) = (first - time::Duration::days(STORY_LEAD_DAYS), first + time::Duration::days(1));
        // "In July alone, they lost $300,000": the month before the story is background.
        assert!(!own_period(Day::ymd(2012, 7, 0), from, to));
        assert!(own_period(Day::ymd(2012, 8, 0), from, to));
        // A day of that July is the story's own, as before.
        assert!(own_period(Day::ymd(2012, 7, 20), from, to));
    }
}
