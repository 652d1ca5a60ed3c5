//! Dates in running text: absolute (`20 May 2022`, `December 6, 2023`, `2022-06-29T12:38Z`,
//! `06/29/2022`), partial (`May 16`, `August 2020`, `in 2020`) and relative (`on Friday`).
//!
//! The cleaner uses [`find_dates`] to read an article's date line; extract uses it to date
//! events, resolving partial and relative dates against the article's own date.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Day;

/// A date found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Where it is.
    pub range: Range<usize>,
    /// What was written.
    pub kind: DateKind,
}

/// The forms a date takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// Year, month and day all written.
    Full(Day),
    /// Month and day, no year.
    MonthDay {
        /// 1..=12
        month: u8,
        /// 1..=31
        day: u8,
    },
    /// Month and year.
    MonthYear(Day),
    /// A year alone, after "in", "since" and the like.
    Year(i32),
    /// A weekday ("on Friday"), 0 = Monday.
    Weekday(u8),
    /// A month alone after a word that places something in it ("in February", "late
    /// February", "since March"), 1..=12.
    Month(u8),
    /// The same, where the sentence tells of what is to come ("will be announced in January":
    /// see [`tells_of_the_future`]).
    MonthAhead(u8),
}

const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    // A month is written capitalised or, in a dateline, in capitals ("JUNE 6, 2013"); never
    // in lower case ("may", "march" are words).
    let month = format!("(?:{MONTH}|{})", MONTH.to_uppercase());
    // Before the year a comma, with or without a space ("June 06,2013", as some pages print it).
    let pattern = format!(
        r"(?x)
        \b(?P<iso>(?P<iy>(?:19|20)\d\d)[-./](?P<im>[01]\d)[-./](?P<id>[0-3]\d))(?:T[\d:.]+Z?)?\b
      | \b(?P<num>(?P<n1>[0-3]?\d)[/.](?P<n2>[0-3]?\d)[/.](?P<ny>(?:19|20)\d\d))\b
      | \b(?P<dmy>(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{month})(?:(?:,\s*|\s+)(?P<y1>(?:19|20)\d\d))?)\b
      | \b(?P<mdy>(?P<m2>{month})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:(?:,\s*|\s+)(?P<y2>(?:19|20)\d\d))?)\b
      | \b(?P<my>(?P<m3>{month})(?:\s+of|,)?\s+(?P<y3>(?:19|20)\d\d))\b
      | \b(?:in|since|until|by|from|of|early|late|mid|during|before|after|summer|spring|autumn|fall|winter)\s+(?P<year>(?:19|20)\d\d)\b(?:-|–|\s?s\b)?
      | \b(?:on|last|this|next|On|Last|This|Next)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b
    "
    );
    Regex::new(&crate::text::ascii_boundaries(&pattern)).expect("date regex")
});

/// A month alone (see [`DateKind::Month`]): no day or year after it, which [`DATE_RE`] reads.
static MONTH_ALONE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Bb]y|[Ee]arly|[Ll]ate|[Mm]id|[Tt]his)(?:\s+|-)(?P<month>{MONTH})\b"
    );
    Regex::new(&crate::text::ascii_boundaries(&pattern)).expect("month regex")
});

/// Every date in `text`, left to right.
pub(crate) fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut out = Vec::new();
    for caps in DATE_RE.captures_iter(text) {
        let whole = caps.get(0).expect("match");
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let kind = if let Some(iso) = caps.name("iso") {
            // 2012-08-08, 2012.08.08, 2012/08/08: one separator twice.
            let b = iso.as_str().as_bytes();
            if b[4] == b[7] { full(num("iy"), num("im"), num("id")) } else { None }
        } else if caps.name("num").is_some() {
            // 06/29/2022 is month first (US); 29.06.2022 is day first. A part over 12 decides.
            let (a, b, y) = (num("n1"), num("n2"), num("ny"));
            let day_first = text[whole.range()].contains('.') || a.is_some_and(|a| a > 12);
            if day_first { full(y, b, a) } else { full(y, a, b) }
        } else if caps.name("dmy").is_some() {
            partial(num("y1"), month(&caps["m1"]), num("d1"))
        } else if caps.name("mdy").is_some() {
            partial(num("y2"), month(&caps["m2"]), num("d2"))
        } else if caps.name("my").is_some() {
            let m = month(&caps["m3"]);
            num("y3").zip(m).map(|(y, m)| DateKind::MonthYear(Day::ymd(y as i32, m, 0)))
        } else if let Some(y) = num("year") {
            // "the 1990s", "2019–2020": a span, not a date
            let tail = &text[whole.end()..];
            let decade = whole.as_str().ends_with('s') || tail.starts_with("s ") || tail.starts_with("s,");
            (!decade && !whole.as_str().ends_with(['-', '–'])).then_some(DateKind::Year(y as i32))
        } else {
            caps.name("wd").map(|m| DateKind::Weekday(weekday(m.as_str())))
        };
        let range = match kind {
            Some(DateKind::Year(_)) => caps.name("year").expect("year").range(),
            Some(DateKind::Weekday(_)) => caps.name("wd").expect("weekday").range(),
            _ => whole.range(),
        };
        if let Some(kind) = kind {
            out.push(DateMatch { range, kind });
        }
    }
    // Months alone, where no date above holds them ("in May 16" is a month and day).
    let before = out.len();
    for caps in MONTH_ALONE_RE.captures_iter(text) {
        let m = caps.name("month").expect("month");
        let taken = out[..before].iter().any(|d| d.range.start < m.end() && m.start() < d.range.end);
        if let (false, Some(month)) = (taken, month(m.as_str())) {
            let kind = if tells_of_the_future(text, m.start()) {
                DateKind::MonthAhead(month)
            } else {
                DateKind::Month(month)
            };
            out.push(DateMatch { range: m.range(), kind });
        }
    }
    out.sort_by_key(|d| d.range.start);
    out
}

fn full(y: Option<u32>, m: Option<u32>, d: Option<u32>) -> Option<DateKind> {
    let (y, m, d) = (y?, m?, d?);
    let day = Day::ymd(y as i32, m as u8, d as u8);
    day.to_date().map(|_| DateKind::Full(day))
}

fn partial(y: Option<u32>, m: Option<u8>, d: Option<u32>) -> Option<DateKind> {
    let (m, d) = (m?, d?);
    if !(1..=31).contains(&d) {
        return None;
    }
    match y {
        Some(y) => full(Some(y), Some(u32::from(m)), Some(d)),
        None => Some(DateKind::MonthDay { month: m, day: d as u8 }),
    }
}

/// The months, January first: the one list of their names that every stage reads.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The days of the week, Monday first.
pub(crate) const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Whether `word` begins as `name` does, case aside (`name` is ASCII).
fn begins_as(word: &str, name: &str) -> bool {
    word.get(..name.len()).is_some_and(|head| head.eq_ignore_ascii_case(name))
}

/// The month whose first three letters begin `name`, case aside ("Sept." is 9).
fn month(name: &str) -> Option<u8> {
    MONTHS.iter().position(|m| begins_as(name, &m[..3])).map(|i| i as u8 + 1)
}

/// The month a whole word names ("May", "Sept.", "december"), or `None` ("Mayor", "marching").
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let bare = word.trim_end_matches('.');
    let exact = MONTHS.iter().any(|n| n.eq_ignore_ascii_case(bare))
        || (3..=4).contains(&bare.len())
            && !bare.eq_ignore_ascii_case("mar")
            && MONTHS.iter().any(|n| begins_as(n, bare));
    if exact { month(bare) } else { None }
}

/// The day of the week (0 for Monday) whose first three letters begin `name` ("Fri.", "Friday").
fn weekday(name: &str) -> u8 {
    WEEKDAYS.iter().position(|d| name.starts_with(&d[..3])).unwrap_or(0) as u8
}

/// Resolves a date against the article's date (`anchor`) and a year named nearby. Month-day
/// dates take the anchor's year, or the year before when that would put them more than a month
/// after publication (news reports the past). Weekdays resolve to the last such day on or before
/// the anchor (a wire story filed on a Friday says "on Friday" of that day), and stay unresolved
/// without one.
pub(crate) fn resolve(kind: DateKind, anchor: Option<Day>, nearby_year: Option<i32>) -> Option<Day> {
    match kind {
        DateKind::Full(d) | DateKind::MonthYear(d) => Some(d),
        DateKind::Year(y) => Some(Day { year: y, month: 0, day: 0 }),
        DateKind::MonthDay { month, day } => {
            if let Some(y) = nearby_year {
                return Some(Day::ymd(y, month, day)).filter(|d| d.to_date().is_some());
            }
            let anchor = anchor?;
            let candidate = Day::ymd(anchor.year, month, day);
            let candidate_date = candidate.to_date()?;
            let anchor_date = anchor.to_date()?;
            if candidate_date > anchor_date + time::Duration::days(31) {
                Some(Day::ymd(anchor.year - 1, month, day)).filter(|d| d.to_date().is_some())
            } else {
                Some(candidate)
            }
        }
        DateKind::Month(month) => {
            // The last such month on or before the anchor, else the year named nearby: a
            // year elsewhere in the sentence is often another event's ("checked in in May, a
            // plea deal from her June 2012 case").
            let year = match (anchor, nearby_year) {
                (Some(a), _) if month <= a.month => a.year,
                (Some(a), _) => a.year - 1,
                (None, Some(y)) => y,
                (None, None) => return None,
            };
            Some(Day::ymd(year, month, 0))
        }
        DateKind::MonthAhead(month) => match anchor {
            Some(a) => Some(month_ahead(month, a)),
            None => resolve(DateKind::Month(month), None, nearby_year),
        },
        DateKind::Weekday(wd) => {
            let anchor_date = anchor?.to_date()?;
            let current = anchor_date.weekday().number_days_from_monday();
            let back = (i64::from(current) - i64::from(wd)).rem_euclid(7);
            let d = anchor_date - time::Duration::days(back);
            Some(Day::ymd(d.year(), d.month() as u8, d.day()))
        }
    }
}

/// Words before a month that may say it is to come (see [`tells_of_the_future`]).
const AHEAD_WORDS: usize = 5;

/// Whether the clause before `at` (a month named alone) tells of what is to come ("will be
/// announced in January", "begins shooting in August", "is due in March"): a month so named is
/// the next such month, not the last. Up to [`AHEAD_WORDS`] words, and not past a quotation's
/// end or a comma ("'We will support,' he told journalists in late February" is past).
fn tells_of_the_future(sentence: &str, at: usize) -> bool {
    const AHEAD: &[&str] =
        &["will", "won't", "shall", "begins", "starts", "due", "scheduled", "expected", "plans", "upcoming"];
    let before = &sentence[..at.min(sentence.len())];
    let clause = before.rsplit(['"', '”', '’', ',', ';', ':']).next().unwrap_or(before);
    let words: Vec<&str> = crate::text::words(clause).collect();
    words.iter().rev().take(AHEAD_WORDS).any(|w| {
        let w = w.to_lowercase();
        AHEAD.contains(&w.as_str()) || w.ends_with("'ll")
    })
}

/// A month alone resolved forward: the next such month on or after the anchor (see
/// [`tells_of_the_future`]).
fn month_ahead(month: u8, anchor: Day) -> Day {
    let year = if month < anchor.month { anchor.year + 1 } else { anchor.year };
    Day::ymd(year, month, 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(text: &str) -> Option<DateKind> {
        find_dates(text).first().map(|m| m.kind)
    }

    #[test]
    fn absolute_forms() {
        let d = |y, m, d| Some(DateKind::Full(Day::ymd(y, m, d)));
        assert_eq!(first("20 May 2022"), d(2022, 5, 20));
        assert_eq!(first("December 6, 2023"), d(2023, 12, 6));
        assert_eq!(first("2022-06-29T12:38:49.806Z"), d(2022, 6, 29));
        assert_eq!(first("Created: 06/29/2022, 14:23"), d(2022, 6, 29));
        assert_eq!(first("29.06.2022"), d(2022, 6, 29));
        assert_eq!(first("Feb. 24, 2022"), d(2022, 2, 24));
        // As some pages print them: no space after the comma, a dateline in capitals.
        assert_eq!(first("June 06,2013"), d(2013, 6, 6));
        assert_eq!(first("JUNE 6,2013 11:34PM"), d(2013, 6, 6));
        assert_eq!(first("7 SEPT. 2014"), d(2014, 9, 7));
        assert_eq!(first("Published: 2012.08.08 09:01 AM"), d(2012, 8, 8));
        assert_eq!(first("2012/08/08"), d(2012, 8, 8));
        assert_eq!(first("2012-08.08"), None);
    }

    #[test]
    fn partial_and_relative_forms() {
        assert_eq!(first("the May 16 summit"), Some(DateKind::MonthDay { month: 5, day: 16 }));
        assert_eq!(first("in August 2020"), Some(DateKind::MonthYear(Day::ymd(2020, 8, 0))));
        assert_eq!(first("protests in 2020 were"), Some(DateKind::Year(2020)));
        assert_eq!(first("visited Moscow on Friday"), Some(DateKind::Weekday(4)));
        assert_eq!(first("in the 1980s"), None);
        assert_eq!(first("9.5 million people and $1.5 billion"), None);
        assert_eq!(first("May I say"), None);
        // A count after a month is no year, nor is a lower-case "may".
        assert_eq!(first("In May 5,000 people marched"), Some(DateKind::MonthDay { month: 5, day: 5 }));
        assert_eq!(first("it may 2013"), None);
        // A month alone, after a word that places something in it; not a month with its day.
        assert_eq!(first("prices rose in late February"), Some(DateKind::Month(2)));
        assert_eq!(first("Since March, the talks have stalled"), Some(DateKind::Month(3)));
        assert_eq!(first("in May 16"), Some(DateKind::MonthDay { month: 5, day: 16 }));
        assert_eq!(first("they may in March go"), Some(DateKind::Month(3)));
        assert_eq!(first("in march"), None);
        assert_eq!(first("by mid-April"), Some(DateKind::Month(4)));
        assert_eq!(
            first("convicted of murder in June, 2005"),
            Some(DateKind::MonthYear(Day::ymd(2005, 6, 0)))
        );
    }

    #[test]
    fn resolution_against_the_article_date() {
        let anchor = Some(Day::ymd(2022, 5, 20));
        let md = DateKind::MonthDay { month: 5, day: 16 };
        assert_eq!(resolve(md, anchor, None), Some(Day::ymd(2022, 5, 16)));
        let later = DateKind::MonthDay { month: 12, day: 1 };
        assert_eq!(resolve(later, anchor, None), Some(Day::ymd(2021, 12, 1)));
        // 20 May 2022 was a Friday: "on Friday" is that day, "on Tuesday" the one before.
        assert_eq!(resolve(DateKind::Weekday(4), anchor, None), Some(Day::ymd(2022, 5, 20)));
        assert_eq!(resolve(DateKind::Weekday(1), anchor, None), Some(Day::ymd(2022, 5, 17)));
        assert_eq!(resolve(DateKind::Weekday(4), None, None), None);
        assert_eq!(resolve(md, None, None), None);
        // A month alone is the last such month on or before the article's date.
        assert_eq!(resolve(DateKind::Month(2), anchor, None), Some(Day::ymd(2022, 2, 0)));
        assert_eq!(resolve(DateKind::Month(9), anchor, None), Some(Day::ymd(2021, 9, 0)));
        assert_eq!(resolve(DateKind::Month(9), anchor, Some(2012)), Some(Day::ymd(2021, 9, 0)));
        assert_eq!(resolve(DateKind::Month(9), None, Some(2020)), Some(Day::ymd(2020, 9, 0)));
        assert_eq!(resolve(DateKind::Month(9), None, None), None);
        // What is to come: the next such month.
        let ahead = |s: &str| tells_of_the_future(s, find_dates(s).last().expect("a date").range.start);
        assert!(ahead("Nominations will be announced in January."));
        assert!(ahead("Filming begins in August."));
        assert!(!ahead("He was traded to Los Angeles in July."));
        assert!(!ahead(
            "“We will provide treatment and we will support,” he told journalists in late February."
        ));
        assert_eq!(month_ahead(1, Day::ymd(2008, 12, 11)), Day::ymd(2009, 1, 0));
        assert_eq!(month_ahead(12, Day::ymd(2008, 12, 11)), Day::ymd(2008, 12, 0));
        assert_eq!(first("Nominations will be announced in January."), Some(DateKind::MonthAhead(1)));
        assert_eq!(
            resolve(DateKind::MonthAhead(1), Some(Day::ymd(2008, 12, 11)), None),
            Some(Day::ymd(2009, 1, 0))
        );
    }
}
