//! The timeline: dated events, the same sentence once, oldest first.

use super::*;

/// Dated events, the same sentence counted once, at most `max` entries (the most precise
/// first), shown oldest first.
pub(super) fn build_timeline(corpus: &Corpus, article_ids: &[ArticleId], max: usize) -> Vec<TimelineEntry> {
    let years = years_from_other_articles(corpus);
    let mut by_key: BTreeMap<(Day, &str), TimelineEntry> = BTreeMap::new();
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
                .and_modify(|t| {
                    if !t.sources.contains(id) {
                        t.sources.push(id.clone())
                    }
                })
                .or_insert_with(|| TimelineEntry {
                    date,
                    precision: date.precision(),
                    text: text.to_string(),
                    article: id.clone(),
                    paragraph,
                    sources: vec![id.clone()],
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

/// A month and day written without a year more than this many days before the article is
/// a guess: "February 24" in a December article may be that year's or, as often, a day the
/// reader is expected to know.
pub(super) const YEAR_GUESSED_AFTER: i64 = 180;

/// The events whose year was guessed (see [`YEAR_GUESSED_AFTER`]) and that another article
/// dates otherwise: by their article and its event, the year to use. The other article must
/// give the same month and day in a sentence that shares a word with this one ("before Russia
/// launched its invasion on February 24" and "from February 24, when the invasion began"),
/// and either write the year or have been written within [`YEAR_GUESSED_AFTER`] days of it;
/// the closest such article decides.
pub(super) fn years_from_other_articles(corpus: &Corpus) -> HashMap<(usize, usize), i32> {
    use crate::dates::{DateKind, DateMatch, find_dates};
    // An event dated to the day: its article and its place there, its year, and how sure that
    // is (0 days when written, else the days from it to its article).
    struct Mention<'a> {
        article: usize,
        event: usize,
        year: i32,
        doubt: i64,
        sentence: &'a str,
        as_written: &'a str,
    }
    let mentions = || {
        let articles = corpus.articles.iter().enumerate().filter(|(_, a)| a.duplicate_of.is_none());
        articles.flat_map(|(ai, a)| {
            a.extraction.events.iter().enumerate().filter_map(move |(ei, e)| {
                if e.date.month == 0 || e.date.day == 0 {
                    return None;
                }
                let sentence = a.text_at(e.sentence);
                let guessed = matches!(
                    find_dates(&e.as_written).first(),
                    Some(DateMatch { kind: DateKind::MonthDay { .. }, .. })
                ) && !sentence.contains(&e.date.year.to_string());
                let doubt = if guessed {
                    (a.meta.date.and_then(|d| d.to_date())? - e.date.to_date()?).whole_days()
                } else {
                    0
                };
                let m = Mention {
                    article: ai,
                    event: ei,
                    year: e.date.year,
                    doubt,
                    sentence,
                    as_written: &e.as_written,
                };
                Some(((e.date.month, e.date.day), m))
            })
        })
    };
    // Most corpora have no guessed year: only the days that have one are gathered.
    let doubted: BTreeSet<(u8, u8)> =
        mentions().filter(|(_, m)| m.doubt > YEAR_GUESSED_AFTER).map(|(day, _)| day).collect();
    let mut by_day: BTreeMap<(u8, u8), Vec<Mention<'_>>> = BTreeMap::new();
    if !doubted.is_empty() {
        for (day, m) in mentions().filter(|(day, _)| doubted.contains(day)) {
            by_day.entry(day).or_default().push(m);
        }
    }
    let mut out = HashMap::new();
    for mentions in by_day.values() {
        let words: Vec<BTreeSet<String>> =
            mentions.iter().map(|m| content_stems(m.sentence, m.as_written)).collect();
        for (k, m) in mentions.iter().enumerate().filter(|(_, m)| m.doubt > YEAR_GUESSED_AFTER) {
            let best = mentions
                .iter()
                .enumerate()
                .filter(|(_, o)| o.article != m.article && o.doubt <= YEAR_GUESSED_AFTER && o.year != m.year)
                .filter(|&(x, _)| words[x].intersection(&words[k]).next().is_some())
                .min_by_key(|(_, o)| (o.doubt, o.article, o.event));
            if let Some((_, o)) = best {
                out.insert((m.article, m.event), o.year);
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
