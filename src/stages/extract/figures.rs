//! Figures: money, percentages, counts and ranges, with a normalised number and what they
//! measure ("$16 billion", "between 6 and 11 percent", "five to ten battalion tactical groups").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::lexicon::{self, SPEECH_VERBS, TIME_UNITS};
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
/// Amounts written in words without a number: each stands for a range (see [`vague`]).
const VAGUE: &str = r"(?:a\s+few|several|a\s+handful\s+of|a\s+couple\s+of|scores\s+of|dozens\s+of|hundreds\s+of|thousands\s+of)";

/// A model or type written with letters and a number ("AK-47s", "F-16", "MiG-29"): the
/// number is part of a name, and a count before it counts what it names.
const DESIGNATION: &str = r"[A-Z][A-Za-z]{0,3}\s?-\s?\d{1,4}s?\b";

static FIGURE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?xi)
        (?P<money>(?P<cur>[$€£₽])\s?(?P<mn>{NUM})(?:\s*(?:-|–|to)\s*[$€£]?(?P<mx>{NUM}))?(?:\s*(?P<ms>trillion|billion|million|thousand|bn|mn|m|k)\b)?)
      | (?P<money2>(?P<wn>{NUM})(?:\s*(?P<ws>trillion|billion|million|thousand))?\s+(?P<wc>dollars|euros|pounds|rubles|roubles|hryvnias?|yuan))
      | (?P<pct>(?:between\s+)?(?P<p1>{NUM})(?:\s*(?:%|percent|per\s?cent))?(?:\s*(?:-|–|to|and)\s*(?P<p2>{NUM}))?\s*(?:%|percent\b|per\s?cent\b|percentage\s+points?\b))
      | (?P<frac>(?P<fw>half|a\s+quarter|three\s+quarters)\s+(?:of\s+)?an?\s+(?:percentage\s+point|point|percent|per\s?cent)\b)
      | (?P<count>(?:between\s+)?(?P<c1>{NUM}|{VAGUE}|{WORDNUM})(?:\s*(?P<cs>million|billion|thousand))?(?:\s*(?:-|–|to|and)\s*(?P<c2>{NUM}|{WORDNUM}))?(?:-man-strong|-strong)?(?:\s*-\s*|\s+)(?P<noun>(?:{DESIGNATION}\s+)?(?:[a-z][a-z-]+\s+){{0,2}}(?:{DESIGNATION}|[a-z][a-z-]+)))
    "
    );
    Regex::new(&crate::text::ascii_boundaries(&pattern)).expect("figure regex")
});

/// Whether `word` (lower case) is a number written in letters ("ten", "dozens") or a word of a
/// vague amount ("few", "several").
pub(crate) fn is_amount_word(word: &str) -> bool {
    const VAGUE_WORDS: &[&str] =
        &["a", "few", "several", "handful", "couple", "of", "scores", "between", "and", "to"];
    (parse_num(word).is_some() || VAGUE_WORDS.contains(&word)) && word.chars().all(|c| c.is_ascii_lowercase())
}

/// The range a vague amount stands for: "a few" is two to five, "dozens" 24 to 199 ("dozens"
/// is written of a hundred and more), "thousands" up to tens of thousands.
pub(crate) fn vague(s: &str) -> Option<(f64, f64)> {
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    match words.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["a", "few"] => Some((2.0, 5.0)),
        ["several"] => Some((3.0, 9.0)),
        ["a", "handful", "of"] => Some((2.0, 6.0)),
        ["a", "couple", "of"] => Some((2.0, 3.0)),
        ["dozens"] | ["dozens", "of"] | ["scores", "of"] => Some((24.0, 199.0)),
        ["hundreds"] | ["hundreds", "of"] => Some((200.0, 1999.0)),
        ["thousands"] | ["thousands", "of"] => Some((2000.0, 99_999.0)),
        _ => None,
    }
}

fn parse_num(s: &str) -> Option<f64> {
    if let Some((lo, _)) = vague(s) {
        return Some(lo);
    }
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

/// Words after a number that make it a date, a time or a rate rather than a count, besides
/// the months' names (`dates::MONTHS`).
const NOT_COUNTED: &[&str] =
    &["am", "and", "for", "from", "in", "of", "on", "or", "p.m", "percent", "pm", "the", "to", "was", "were"];

/// Ages: "a 60-year-old woman", "86 - year - old structure", "48 years old", "aged 61".
static AGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?xi)
        \b(?P<a1>\d{{1,3}}|{WORDNUM})\s*-\s*years?\s*-\s*old\b
      | \b(?P<a2>\d{{1,3}})\s+years?\s+old\b
      | \b(?:aged?|age\s+of)\s+(?P<a3>\d{{1,3}})\b
    "
    );
    Regex::new(&crate::text::ascii_boundaries(&pattern)).expect("age regex")
});

/// An age set off after a name, as news writes it: "Gray, 16, was shot".
static APPOSITIVE_AGE_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&crate::text::ascii_boundaries(r"\b(?P<name>[A-Z][a-z]+), (?P<age>\d{1,2}),"))
        .expect("age regex")
});

/// A number with no noun after it that a verb or a measure word gives a sense: "injuring 80.",
/// "the toll rose to 10,", "a magnitude of 5.9", "put the crowd at 70", "wounding another 70 in".
static BARE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?xi)
        \b(?P<pre>(?:[a-z]{{2,}}ing|[a-z]{{2,}}ed|rose|risen|grew|stood|toll|magnitude|crowd|turnout|tally)
            (?:\s+(?:to|at|of|by))?
            (?:\s+(?:at\s+least|about|around|nearly|almost|some|more\s+than|over|another|other|a\s+further
                |an\s+additional|roughly|approximately|an\s+estimated|an\s+approximate|up\s+to))?)
        \s+(?P<n>{NUM}|{WORDNUM})
        (?:\s*(?:[,;:)]|\.(?:\s|$)|$)
          | \s+(?:were|was|had|have|are|is|more|others|dead|injured|killed|wounded|hurt|and|in|on|at|by|after
               |when|while|with|since|during)\b)
      | \b(?P<n2>{NUM}|{WORDNUM})\s+(?:were|was|have\s+been|had\s+been|are|is)\s+(?:[a-z]+ly\s+)?
            (?P<done>[a-z]{{3,}}ed|hurt|dead|missing)\b
    "
    );
    Regex::new(&crate::text::ascii_boundaries(&pattern)).expect("bare number regex")
});

/// Figures in one sentence, in the order they are written.
pub(crate) fn find(sentence: &str) -> Vec<RawFigure> {
    let mut found = ages(sentence);
    counts_and_amounts(sentence, &mut found);
    bare_numbers(sentence, &mut found);
    found.sort_by_key(|(range, _)| range.start);
    found.into_iter().map(|(_, f)| f).collect()
}

/// Whether `range` overlaps a figure already found.
fn taken(found: &[(Range<usize>, RawFigure)], range: &Range<usize>) -> bool {
    found.iter().any(|(r, _)| r.start < range.end && range.start < r.end)
}

/// Ages, written as an adjective ("60-year-old"), a phrase ("48 years old", "aged 61") or set
/// off after a name ("Gray, 16,").
fn ages(sentence: &str) -> Vec<(Range<usize>, RawFigure)> {
    let mut out = Vec::new();
    for caps in AGE_RE.captures_iter(sentence) {
        let whole = caps.get(0).expect("match");
        let n = ["a1", "a2", "a3"].iter().find_map(|k| caps.name(k)).and_then(|m| parse_num(m.as_str()));
        if let Some(number) = n.filter(|&n| (1.0..130.0).contains(&n)) {
            let value = whole.as_str().to_string();
            out.push((
                whole.range(),
                RawFigure { value, number, number_max: None, unit: AGE.into(), about: "age".into() },
            ));
        }
    }
    for caps in APPOSITIVE_AGE_RE.captures_iter(sentence) {
        let name = &caps["name"];
        let age = caps.name("age").expect("age");
        let not_a_name = crate::dates::month_number(name).is_some() || lexicon::is_weekday(name);
        if not_a_name || taken(&out, &age.range()) {
            continue;
        }
        let number = parse_num(age.as_str()).unwrap_or(0.0);
        let figure = RawFigure {
            value: age.as_str().to_string(),
            number,
            number_max: None,
            unit: AGE.into(),
            about: format!("age of {name}"),
        };
        out.push((age.range(), figure));
    }
    out
}

/// Numbers with no noun after them that a verb or a measure word gives a sense (see
/// [`BARE_RE`]): counts and magnitudes that news writes after the verb.
fn bare_numbers(sentence: &str, found: &mut Vec<(Range<usize>, RawFigure)>) {
    let mut out = Vec::new();
    for caps in BARE_RE.captures_iter(sentence) {
        let Some(n) = caps.name("n").or_else(|| caps.name("n2")) else { continue };
        let Some(number) = parse_num(n.as_str()) else { continue };
        let is_year = looks_like_a_year(n.as_str());
        let word_before = sentence[..n.start()].split_whitespace().next_back().unwrap_or("");
        let prev = sentence[..n.start()].chars().next_back();
        let next = sentence[n.end()..].chars().next();
        if number < 2.0
            || is_year
            || crate::dates::month_number(word_before).is_some()
            || matches!(prev, Some(':' | '/' | '.' | '#' | '-'))
            || matches!(next, Some(':' | '/'))
            || taken(found, &n.range())
        {
            continue;
        }
        let range = match caps.name("pre") {
            Some(pre) => pre.start()..n.end(),
            None => n.start()..caps.name("done").expect("verb").end(),
        };
        let about = match caps.name("done") {
            Some(done) => done.as_str().to_lowercase(),
            None => about(sentence, n.range()),
        };
        let value = sentence[range.clone()].to_string();
        out.push((range, RawFigure { value, number, number_max: None, unit: "count".into(), about }));
    }
    found.extend(out);
}

/// Whether a number as written is a year of the last or this century ("1935", not "1,935").
pub(crate) fn looks_like_a_year(digits: &str) -> bool {
    digits.len() == 4 && !digits.contains(',') && (digits.starts_with("19") || digits.starts_with("20"))
}

/// The unit of an age.
pub const AGE: &str = "age";

/// Money, percentages and counts of things (see [`FIGURE_RE`]).
fn counts_and_amounts(sentence: &str, found: &mut Vec<(Range<usize>, RawFigure)>) {
    let mut out = Vec::new();
    for caps in FIGURE_RE.captures_iter(sentence) {
        let whole = caps.get(0).expect("match");
        if taken(found, &whole.range()) {
            continue;
        }
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
            let is_year = looks_like_a_year(c1);
            let small = parse_num(c1).is_some_and(|n| n < 2.0) && caps.name("c2").is_none();
            if NOT_COUNTED.contains(&first_noun.as_str())
                || crate::dates::MONTHS.iter().any(|m| m.eq_ignore_ascii_case(&first_noun))
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
                // A vague amount alone is its range ("a few battalions": two to five).
                let hi = hi.or_else(|| vague(c1).map(|(_, hi)| hi * s));
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
        // A number in letters joined to a word is an adjective ("a two-pronged approach", "a
        // three-game streak"), not a count.
        let joined = caps.name("noun").is_some_and(|noun| sentence[..noun.start()].trim_end().ends_with('-'));
        if joined && caps.name("c1").is_some_and(|c| c.as_str().starts_with(char::is_alphabetic)) {
            continue;
        }
        // The number of a name ("an AK-47 rifle") is not a count.
        let before = sentence[..whole.start()].trim_end();
        if before.strip_suffix('-').is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_uppercase()))
        {
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
        let range = whole.start()..whole.start() + value.len();
        out.push((range, RawFigure { value, number, number_max, unit, about }));
    }
    found.extend(out);
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
    const RELATIVE: &[&str] =
        &["after", "ago", "before", "earlier", "later", "old", "older", "since", "younger"];
    TIME_UNITS.contains(first)
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
        assert_eq!(one("He was sentenced to 15 years in prison."), (15.0, None, "count".into()));
    }

    fn values(s: &str) -> Vec<(String, f64, String)> {
        find(s).into_iter().map(|f| (f.value, f.number, f.unit)).collect()
    }

    #[test]
    fn ages_are_figures_of_their_own() {
        let age = |v: &str, n: f64| (v.to_string(), n, AGE.to_string());
        assert_eq!(values("A 60-year-old woman was charged."), [age("60-year-old", 60.0)]);
        assert_eq!(values("the 86 - year - old structure burned"), [age("86 - year - old", 86.0)]);
        assert_eq!(values("The senator, 48 years old, said no."), [age("48 years old", 48.0)]);
        assert_eq!(values("Smith, who was arrested at age 61, is ill."), [age("age 61", 61.0)]);
        assert_eq!(values("Gray, 16, was shot by the police."), [age("16", 16.0)]);
        // A date set off by commas is not an age.
        assert!(values("On Friday, 12, the court sat.").is_empty());
    }

    #[test]
    fn numbers_after_a_verb_or_a_measure_word() {
        let count = |v: &str, n: f64| (v.to_string(), n, "count".to_string());
        assert_eq!(
            values("The quake killed 10 people and injured 80."),
            [count("10 people", 10.0), count("injured 80", 80.0)]
        );
        assert_eq!(values("The death toll rose to 10, officials said."), [count("rose to 10", 10.0)]);
        assert_eq!(values("The USGS put the magnitude at 6.1."), [count("magnitude at 6.1", 6.1)]);
        assert_eq!(values("The 6.1 - magnitude quake was felt."), [count("6.1 - magnitude quake", 6.1)]);
        assert_eq!(values("Governor Lee said 50 were injured."), [count("50 were injured", 50.0)]);
        assert_eq!(
            values("killing ten and wounding another 70 in the town"),
            [count("killing ten", 10.0), count("wounding another 70", 70.0)]
        );
        // Years, dates and one are not counts.
        assert!(
            values("The plant opened in 1935 and closed on May 16.").is_empty(),
            "{:?}",
            values("opened in 1935")
        );
        assert!(values("It was founded in 1935.").is_empty());
        assert!(values("Only one was injured.").is_empty());
    }

    #[test]
    fn a_count_before_a_designation_counts_what_it_names() {
        let f = find("Seven AK-47s and three machine guns were found.");
        assert_eq!((f[0].value.as_str(), f[0].number), ("Seven AK-47s", 7.0));
        let f = find("They recovered six AK - 47 rifles from the boat.");
        assert_eq!((f[0].number, f[0].about.as_str()), (6.0, "AK - 47 rifles"));
        assert!(find("He carried an AK-47 rifle.").is_empty());
    }

    #[test]
    fn vague_amounts_are_ranges() {
        assert_eq!(one("They will rather send a few battalions."), (2.0, Some(5.0), "count".into()));
        assert_eq!(one("Several villages were destroyed."), (3.0, Some(9.0), "count".into()));
        assert_eq!(one("Dozens of homes burned."), (24.0, Some(199.0), "count".into()));
    }
}
