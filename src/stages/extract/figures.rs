//! Figures: money, percentages, counts and ranges, with a normalised number and what they
//! measure ("$16 billion", "between 6 and 11 percent", "five to ten battalion tactical groups").

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::SPEECH_VERBS;
use crate::text::is_stop_word;

/// A figure found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct RawFigure {
    /// As written.
    pub value: String,
    /// Lower bound (or the value).
    pub number: f64,
    /// Upper bound of a range.
    pub number_max: Option<f64>,
    /// `USD`, `EUR`, `GBP`, `RUB`, `percent` or `count`.
    pub unit: String,
    /// What it measures.
    pub about: String,
}

const NUM: &str = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?";
const WORDNUM: &str = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozens|hundreds|thousands)";

static FIGURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?xi)
        (?P<money>(?P<cur>[$€£₽])\s?(?P<mn>{NUM})(?:\s*(?:-|–|to)\s*[$€£]?(?P<mx>{NUM}))?(?:\s*(?P<ms>trillion|billion|million|thousand|bn|mn|m|k)\b)?)
      | (?P<money2>(?P<wn>{NUM})(?:\s*(?P<ws>trillion|billion|million|thousand))?\s+(?P<wc>dollars|euros|pounds|rubles|roubles|hryvnias?|yuan))
      | (?P<pct>(?:between\s+)?(?P<p1>{NUM})(?:\s*(?:%|percent|per\s?cent))?(?:\s*(?:-|–|to|and)\s*(?P<p2>{NUM}))?\s*(?:%|percent\b|per\s?cent\b|percentage\s+points?\b))
      | (?P<frac>(?P<fw>half|a\s+quarter|three\s+quarters)\s+(?:of\s+)?an?\s+(?:percentage\s+point|point|percent|per\s?cent)\b)
      | (?P<count>(?:between\s+)?(?P<c1>{NUM}|{WORDNUM})(?:\s*(?P<cs>million|billion|thousand))?(?:\s*(?:-|–|to|and)\s*(?P<c2>{NUM}|{WORDNUM}))?(?:-man-strong|-strong)?\s+(?P<noun>(?:[a-z][a-z-]+\s+){{0,2}}[a-z][a-z-]+))
    "
    );
    Regex::new(&pattern).expect("figure regex")
});

fn parse_num(s: &str) -> Option<f64> {
    let lower = s.to_lowercase();
    let word = match lower.as_str() {
        "one" => Some(1.0),
        "two" => Some(2.0),
        "three" => Some(3.0),
        "four" => Some(4.0),
        "five" => Some(5.0),
        "six" => Some(6.0),
        "seven" => Some(7.0),
        "eight" => Some(8.0),
        "nine" => Some(9.0),
        "ten" => Some(10.0),
        "eleven" => Some(11.0),
        "twelve" => Some(12.0),
        "fifteen" => Some(15.0),
        "twenty" => Some(20.0),
        "thirty" => Some(30.0),
        "forty" => Some(40.0),
        "fifty" => Some(50.0),
        "hundred" | "hundreds" => Some(100.0),
        "dozens" => Some(24.0),
        "thousands" => Some(1000.0),
        _ => None,
    };
    word.or_else(|| lower.replace(',', "").parse().ok())
}

fn scale(s: Option<&str>) -> f64 {
    match s.map(str::to_lowercase).as_deref() {
        Some("trillion") => 1e12,
        Some("billion" | "bn") => 1e9,
        Some("million" | "mn" | "m") => 1e6,
        Some("thousand" | "k") => 1e3,
        _ => 1.0,
    }
}

/// Nouns after a number that make it a date, an age or a rank rather than a count.
const NOT_COUNTED: &[&str] = &[
    "am",
    "and",
    "april",
    "august",
    "december",
    "february",
    "for",
    "from",
    "in",
    "january",
    "july",
    "june",
    "march",
    "may",
    "november",
    "october",
    "of",
    "on",
    "or",
    "p.m",
    "pm",
    "percent",
    "september",
    "the",
    "to",
    "was",
    "were",
];

/// Figures in one sentence.
pub fn find(sentence: &str) -> Vec<RawFigure> {
    let mut out = Vec::new();
    for caps in FIGURE_RE.captures_iter(sentence) {
        let whole = caps.get(0).expect("match");
        let value = whole.as_str().trim().to_string();
        let figure = if caps.name("money").is_some() {
            let s = scale(caps.name("ms").map(|m| m.as_str()));
            let unit = match &caps["cur"] {
                "$" => "USD",
                "€" => "EUR",
                "£" => "GBP",
                _ => "RUB",
            };
            let n = parse_num(&caps["mn"]).map(|n| n * s);
            let mx = caps.name("mx").and_then(|m| parse_num(m.as_str())).map(|n| n * s);
            n.map(|n| (n, mx, unit.to_string()))
        } else if caps.name("money2").is_some() {
            let s = scale(caps.name("ws").map(|m| m.as_str()));
            let unit = match caps["wc"].to_lowercase().as_str() {
                "dollars" => "USD",
                "euros" => "EUR",
                "pounds" => "GBP",
                "rubles" | "roubles" => "RUB",
                "yuan" => "CNY",
                _ => "UAH",
            };
            parse_num(&caps["wn"]).map(|n| (n * s, None, unit.to_string()))
        } else if let Some(fw) = caps.name("fw") {
            // "half a point", "a quarter of a percentage point".
            let n = match fw.as_str().split_whitespace().last().map(str::to_lowercase).as_deref() {
                Some("half") => 0.5,
                Some("quarter") => 0.25,
                _ => 0.75,
            };
            Some((n, None, "percent".to_string()))
        } else if caps.name("pct").is_some() {
            let lo = parse_num(&caps["p1"]);
            let hi = caps.name("p2").and_then(|m| parse_num(m.as_str()));
            lo.map(|lo| (lo, hi, "percent".to_string()))
        } else {
            let noun = caps.name("noun").map_or("", |m| m.as_str());
            let first_noun = noun.split_whitespace().next().unwrap_or("").to_lowercase();
            let c1 = &caps["c1"];
            let is_year =
                c1.len() == 4 && !c1.contains(',') && (c1.starts_with("19") || c1.starts_with("20"));
            let small = parse_num(c1).is_some_and(|n| n < 2.0) && caps.name("c2").is_none();
            if NOT_COUNTED.contains(&first_noun.as_str())
                || is_year
                || small
                || is_stop_word(&first_noun)
                || is_time_reference(&first_noun, noun)
            {
                None
            } else {
                let s = scale(caps.name("cs").map(|m| m.as_str()));
                let lo = parse_num(c1).map(|n| n * s);
                let hi = caps.name("c2").and_then(|m| parse_num(m.as_str())).map(|n| n * s);
                lo.map(|lo| (lo, hi, "count".to_string()))
            }
        };
        let Some((number, number_max, unit)) = figure else { continue };
        // Ordinals and clock times are not figures ("38th", "14:23").
        let next = sentence[whole.end()..].chars().next();
        let prev = sentence[..whole.start()].chars().next_back();
        if matches!(next, Some(':')) || matches!(prev, Some(':' | '/' | '.')) {
            continue;
        }
        // A day of a month ("the May 16 summit") is a date, not a count.
        let word_before = sentence[..whole.start()].split_whitespace().next_back().unwrap_or("");
        if unit == "count" && crate::dates::month_number(word_before).is_some() {
            continue;
        }
        let (value, about) = match caps.name("noun") {
            Some(noun) if unit == "count" => {
                let counted = counted_noun(noun.as_str());
                if counted.is_empty() {
                    continue;
                }
                let end = noun.start() + counted.len();
                (sentence[whole.start()..end].to_string(), counted.to_string())
            }
            _ => (value, about(sentence, whole.range())),
        };
        out.push(RawFigure { value, number, number_max, unit, about });
    }
    out
}

/// What a count counts: the words after the number up to the first stop word or verb in the
/// past ("33 employees of the" counts "employees", "45 members submitted" the "members"); empty
/// when that is a speech verb or no plural or lower-case noun ("10 said", "ten Gillibrand").
fn counted_noun(noun: &str) -> &str {
    let mut end = 0;
    for word in noun.split_whitespace() {
        let lower = word.to_lowercase();
        if end > 0 && (is_stop_word(&lower) || lower.ends_with("ed")) {
            break;
        }
        // `word` is a slice of `noun`: its end is its offset plus its length.
        end = word.as_ptr() as usize - noun.as_ptr() as usize + word.len();
    }
    let counted = &noun[..end];
    let last = counted.rsplit(' ').next().unwrap_or("");
    let lower = last.to_lowercase();
    let a_noun = !lower.ends_with("ed") && !is_stop_word(&lower) && !SPEECH_VERBS.contains(&lower);
    if a_noun && (last.starts_with(char::is_lowercase) || last.ends_with('s')) { counted } else { "" }
}

/// Units of time that place an event or give an age rather than measure something: "four
/// months after the invasion", "seven years later", "48 years old".
fn is_time_reference(first: &str, noun: &str) -> bool {
    const UNITS: &[&str] = &[
        "day", "days", "decade", "decades", "hours", "minutes", "month", "months", "week", "weeks", "year",
        "years",
    ];
    const RELATIVE: &[&str] =
        &["after", "ago", "before", "earlier", "later", "old", "older", "since", "younger"];
    UNITS.contains(&first)
        && noun.split_whitespace().nth(1).is_some_and(|w| RELATIVE.contains(&w.to_lowercase().as_str()))
}

/// What a money or percent figure measures: the words of its clause nearest before it and the
/// phrase after it ("Western sanctions cost the country", "survey found that only … of
/// Belarusians support"), neither running past punctuation or into another figure.
fn about(sentence: &str, range: std::ops::Range<usize>) -> String {
    const SCALES: &[&str] = &["billion", "million", "percent", "thousand", "trillion"];
    let breaks = |w: &str| {
        w.chars().any(|c| c.is_ascii_digit() || "$€£₽()—–".contains(c))
            || SCALES.contains(&w.to_lowercase().trim_end_matches([',', '.', ';']))
    };
    let content = |w: &&str| !is_stop_word(&w.to_lowercase());
    let mut before: Vec<&str> = Vec::new();
    for w in sentence[..range.start].split_whitespace().rev().take(6) {
        if breaks(w) || w.ends_with([',', ';', ':']) {
            break;
        }
        before.push(w);
    }
    before.reverse();
    let from = before.iter().position(content).unwrap_or(before.len());
    let mut after: Vec<&str> = Vec::new();
    for w in sentence[range.end..].split_whitespace().take(4) {
        if breaks(w) {
            break;
        }
        let bare = w.trim_end_matches([',', '.', ';', ':', '”', '"']);
        after.push(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    let to = after.iter().rposition(content).map_or(0, |i| i + 1);
    let (before, after) = (before[from..].join(" "), after[..to].join(" "));
    match (before.is_empty(), after.is_empty()) {
        (_, true) => before,
        (true, false) => after,
        (false, false) => format!("{before} … {after}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> (f64, Option<f64>, String) {
        let f = find(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        (f[0].number, f[0].number_max, f[0].unit.clone())
    }

    #[test]
    fn money_percent_counts_and_ranges() {
        assert_eq!(one("sanctions cost the country $16 billion."), (16e9, None, "USD".into()));
        assert_eq!(
            one("support is between 6 and 11 percent, depending"),
            (6.0, Some(11.0), "percent".into())
        );
        assert_eq!(one("supporters (25–35 percent of the country"), (25.0, Some(35.0), "percent".into()));
        assert_eq!(
            one("could generate five to ten battalion tactical groups"),
            (5.0, Some(10.0), "count".into())
        );
        assert_eq!(one("the 48,000-man-strong Belarusian military"), (48000.0, None, "count".into()));
        assert_eq!(one("only 3 percent of Belarusians"), (3.0, None, "percent".into()));
    }

    #[test]
    fn years_times_and_ordinals_are_not_figures() {
        assert!(
            find("In 2015 he said so at 14:23 on May 16.").is_empty(),
            "{:?}",
            find("In 2015 he said so.")
        );
        assert!(find("the 38th Airborne Brigade").is_empty());
        assert!(find("At the May 16 summit in Moscow, the leaders met.").is_empty());
        assert_eq!(one("The Mayor said 16 soldiers were wounded."), (16.0, None, "count".into()));
    }

    #[test]
    fn counts_say_what_they_count() {
        let f = find("The country has more than 1,000 political prisoners.");
        assert_eq!(f[0].about, "political prisoners");
        let f = find("the 48,000-man-strong Belarusian military is standing pat");
        assert_eq!(
            (f[0].value.as_str(), f[0].about.as_str()),
            ("48,000-man-strong Belarusian military", "Belarusian military")
        );
        let f = find("He fired 33 employees of the agency.");
        assert_eq!((f[0].value.as_str(), f[0].about.as_str()), ("33 employees", "employees"));
        let f = find("Only 45 members submitted forms.");
        assert_eq!(f[0].value, "45 members");
        assert!(find("Of the voters, 10 said no.").is_empty());
    }

    #[test]
    fn money_and_percent_say_what_they_measure() {
        let f = find(
            "Golovchenko said that Western sanctions cost the country $16 billion and about $18 billion lost from exports.",
        );
        let about: Vec<&str> = f.iter().map(|f| f.about.as_str()).collect();
        assert_eq!(about, ["Western sanctions cost the country", "lost from exports"]);
        let f = find(
            "It would be unpopular — a survey found that only 3 percent of Belarusians support such an idea.",
        );
        assert_eq!(f[0].about, "survey found that only … of Belarusians support");
    }

    #[test]
    fn fractions_of_a_point() {
        assert_eq!(one("The bank raised rates by half a point."), (0.5, None, "percent".into()));
        assert_eq!(one("Yields fell a quarter of a percentage point."), (0.25, None, "percent".into()));
    }

    #[test]
    fn times_that_place_an_event_are_not_counts() {
        assert!(find("More than four months after the invasion, he left.").is_empty());
        assert!(find("Seven years later, he was back.").is_empty());
        assert!(find("The senator, 48 years old, said no.").is_empty());
        assert_eq!(one("He was sentenced to 15 years in prison."), (15.0, None, "count".into()));
    }
}
