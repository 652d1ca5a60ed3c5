//! What a figure measures: its measure key, its phrase and gist, the names and years of its
//! sentence, how it bounds its number, and the lengths of time that scope a sentence's figures.

use super::*;

/// Words on each side of a figure that its phrase takes, within the clause.
pub(super) const PHRASE_WORDS: usize = 5;

/// What happened to people, by the words news uses for it (the class is the first word).
pub(super) const FATES: &[&[&str]] = &[
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
pub(super) struct Measure<'v> {
    /// Index in the figures.
    pub(super) figure: usize,
    pub(super) article: usize,
    pub(super) story: u32,
    /// Unit and measure key.
    pub(super) key: String,
    /// What a count counts, when the key leaves it to meaning ("battalion tactical groups").
    pub(super) noun: Option<String>,
    /// The sentence's vector.
    pub(super) vector: &'v Vector,
    /// Names (capitalised words past the sentence's first) in the phrase around the figure.
    pub(super) names: Vec<String>,
    /// Years the sentence names.
    pub(super) years: Vec<u32>,
    /// The words around the figure, its number left out: what it measures.
    pub(super) gist: String,
    /// The periods the sentence's figures are counted over (see [`scope_of`]).
    pub(super) scope: Vec<(String, u64)>,
    /// Names the sentence gives (capitalised words past its first), sorted.
    pub(super) sentence_names: Vec<String>,
    /// For a share, the whole it is a share of ("percent of Belarusians"), if the sentence says.
    pub(super) whole: Option<String>,
    /// Whether the figure is written as a floor ("at least 50", "more than 50") or a ceiling
    /// ("up to 120", "nearly 300,000").
    pub(super) bound: Bound,
}

impl Measure<'_> {
    /// The figure's number.
    pub(super) fn number(&self, figures: &[FigureOut]) -> f64 {
        figures[self.figure].number
    }

    /// The figure's lowest and highest numbers.
    pub(super) fn range(&self, figures: &[FigureOut]) -> (f64, f64) {
        let f = &figures[self.figure];
        (f.number, f.number_max.unwrap_or(f.number))
    }
}

/// How a figure bounds what it measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Bound {
    Exact,
    Floor,
    Ceiling,
}

/// What a figure measures, beyond its unit: for a count, the thing counted (its last word,
/// stemmed), and for people what happened to them; for an age, whose it is; `None` when a
/// count says too little ("rose to 10" with no people in sight).
pub(super) fn measure_key(f: &FigureOut, phrase: &[&str]) -> Option<(String, Option<String>)> {
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
        let people = crate::lexicon::PEOPLE_NOUNS.contains(singular(last))
            || crate::lexicon::PEOPLE_NOUNS.contains(last)
            || class_of(last).is_some();
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
pub(super) fn singular(noun: &str) -> &str {
    let last = noun.rsplit(' ').next().unwrap_or(noun);
    last.strip_suffix("es")
        .filter(|s| s.ends_with("ss") || s.ends_with('x'))
        .or_else(|| last.strip_suffix('s'))
        .unwrap_or(last)
}

/// Whether a lower-case word looks like a plural noun: one of the plurals without an "s" that
/// count people, or a word of four letters or more in "s" but not "ss", "us" nor "is" ("shops",
/// "rifles"; not "this", "across", "status", "crisis").
pub(super) fn is_plural(w: &str) -> bool {
    ["people", "men", "women", "children", "police", "staff", "crew", "folk"].contains(&w)
        || w.len() >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is")
}

/// Whether a word is a number, in digits or letters.
pub(super) fn is_number(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit()) || is_amount_word(w)
}

/// What a share is of: the first word after "of" (and an article) right after the figure
/// ("3 percent of Belarusians", "25 percent of the country").
pub(super) fn whole_of(phrase: &[&str]) -> Option<String> {
    let at = phrase.iter().position(|w| w.is_empty())?;
    let mut after =
        phrase[at + 1..].iter().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase());
    if after.next()? != "of" {
        return None;
    }
    after.find(|w| !["the", "a", "an", "all", "its", "their"].contains(&w.as_str()))
}

/// Whether the words just before a figure make it a floor or a ceiling.
pub(super) fn bound_before(sentence: &str, value: &str) -> Bound {
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
pub(super) fn names_in(sentence: &str) -> Vec<String> {
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
pub(super) fn is_name(w: &str) -> bool {
    const NOT_NAMES: &[&str] = &[
        "A", "An", "And", "But", "He", "I", "In", "It", "Mr", "Mrs", "Ms", "On", "She", "The", "They",
        "This", "We",
    ];
    w.starts_with(char::is_uppercase)
        && !NOT_NAMES.contains(&w)
        && !crate::lexicon::is_weekday(w)
        && crate::dates::month_number(w).is_none()
}

/// The words around a figure (up to [`PHRASE_WORDS`] on each side, within its clause) with an
/// empty word where the figure stands, and the names among the two words before it and those
/// after it (capitalised words that do not open the sentence).
pub(super) fn phrase<'s>(sentence: &'s str, value: &str) -> (Vec<&'s str>, Vec<String>) {
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
pub(super) fn gist(words: &[&str], value: &str) -> String {
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
pub(super) fn years(sentence: &str) -> Vec<u32> {
    let mut out: Vec<u32> = crate::text::words(sentence)
        .filter(|w| looks_like_a_year(w))
        .filter_map(|w| w.parse().ok())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether a figure is a length of time ("two weeks", "three years", "54 games", "five
/// seasons"): periods of different lengths are other periods, not a disagreement, and they set
/// the scope of the other figures of their sentence (see [`scope_of`]). A unit in the singular
/// is no length of its own: "an eight-year offer" describes the offer, whose money is what
/// disagrees.
pub(in crate::consolidate) fn is_duration(f: &FigureOut) -> bool {
    use crate::lexicon::{PERIODS_OF_PLAY, TIME_UNITS};
    f.unit == "count"
        && f.about.split_whitespace().next().is_some_and(|w| {
            let w = w.to_lowercase();
            w.ends_with('s') && TIME_UNITS.contains(&w) || PERIODS_OF_PLAY.contains(&w)
        })
}

/// Whether a figure in parentheses right after another restates it in another unit or
/// currency ("200 million euros ($265.3 million)", "58km (36 miles)"): the same amount, which
/// the first figure already gives.
pub(super) fn converts(sentence: &str, value: &str) -> bool {
    let Some(at) = sentence.find(value) else { return false };
    let Some(before) = sentence[..at].trim_end().strip_suffix('(') else { return false };
    before.split_whitespace().rev().take(3).any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

/// A length of time's unit in hours ("three weeks": 168), `None` for other figures and for
/// periods of play ("54 games"), which set a record's scope and are no length of their own.
pub(super) fn hours_in(f: &FigureOut) -> Option<f64> {
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
pub(super) fn frames_a_period(phrase: &[&str]) -> bool {
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
pub(super) fn scope_of<'f>(figures: impl Iterator<Item = &'f FigureOut>) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = figures
        .filter(|f| is_duration(f))
        .map(|f| (f.about.to_lowercase(), (f.number * 100.0).round() as u64))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
