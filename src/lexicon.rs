//! Word knowledge, apart from the code that reads it: function words and abbreviations,
//! countries and major places, demonyms, titles, organisation words, verbs of speech; each
//! list a file of `lexicon/` (one entry a line, `#` lines saying what the list is for), read
//! into the binary. Every stage reads its lists here, so each list is written once. Nothing
//! here is about any particular article.

use std::ops::Deref;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// English function words (lower case): left out of content words, claim keys and stem
/// matches.
pub static STOP_WORDS: Words = Words::new(include_str!("lexicon/stop_words.txt"));

/// Words that end with a full stop without ending a sentence (lower case): the sentence
/// splitter's, and the tokenizer's when capitalised.
pub static ABBREVIATIONS: Words = Words::new(include_str!("lexicon/abbreviations.txt"));

/// Nouns by which an article refers back to an organisation it has named ("the foundation
/// said").
pub static ORG_NOUNS: Words = Words::new(include_str!("lexicon/org_nouns.txt"));

/// Titles by which an article refers back to a person it has named ("the senator said").
pub static PERSON_NOUNS: Words = Words::new(include_str!("lexicon/person_nouns.txt"));

/// Words that may stand between a subject and its verb of speech ("Lee has also said").
pub static AUXILIARIES: Words = Words::new(include_str!("lexicon/auxiliaries.txt"));

/// Words that, before a quote, make its sentence's subject the speaker though they are not
/// verbs of speech ("what Ann Lee called “…”").
pub static INTRODUCERS: Words = Words::new(include_str!("lexicon/introducers.txt"));

/// Nouns that count people ("12 protesters").
pub static PEOPLE_NOUNS: Words = Words::new(include_str!("lexicon/people_nouns.txt"));

/// Given names (US Census 1990, `scripts/build_names.sh`): a gazetteer for the entity tagger.
pub static GIVEN_NAMES: Words = Words::new(include_str!("lexicon/given_names.txt"));

/// The 10,000 most frequent surnames (US Census 1990, `scripts/build_names.sh`): a gazetteer
/// for the entity tagger.
pub static SURNAMES: Words = Words::new(include_str!("lexicon/surnames.txt"));

/// Countries, regions and major cities (lower case, sorted).
pub static PLACES: Words = Words::new(include_str!("lexicon/places.txt"));

/// Plural demonyms and collective names (lower case, sorted): groups of people.
pub static GROUPS: Words = Words::new(include_str!("lexicon/groups.txt"));

/// Words whose presence in a name makes it an organisation (lower case, sorted).
pub static ORG_WORDS: Words = Words::new(include_str!("lexicon/org_words.txt"));

/// Titles and roles that precede a name (lower case, sorted).
pub static TITLES: Words = Words::new(include_str!("lexicon/titles.txt"));

/// The table of verbs of speech and report, every form of each: every list of such verbs
/// below is read from it.
const SPEECH_TABLE: &str = include_str!("lexicon/speech_verbs.txt");

/// Speech and report verbs (lower case, sorted).
pub static SPEECH_VERBS: Words = Words::table(SPEECH_TABLE, &[1, 2, 3]);

/// The -ing forms of the verbs of speech that introduce speech inside a sentence whose subject
/// is the speaker ("…, saying “…"): the last column of the same table.
pub static SPEECH_PARTICIPLES: Words = Words::table(SPEECH_TABLE, &[4]);

/// The commonest verbs of report, as a report is written ("said", "says", "told",
/// "reported", "announced"): a line that holds one reports what somebody said.
pub static REPORT_VERBS: Words =
    Words::table_rows(SPEECH_TABLE, &[2, 3], &["announce", "report", "say", "tell"]);

/// "tell" in every form: whom a speaker tells is no speaker ("…,” a businessman tells Al
/// Jazeera").
pub static TELL: Words = Words::table_rows(SPEECH_TABLE, &[1, 2, 3, 4], &["tell"]);

/// Words that say how a claim was reported, not what it says: the plain verbs of report in
/// every form ("said", "told reporters", "added", "noted", "explained"), and the nouns of
/// `reporting_nouns.txt` ("a press conference", "a spokeswoman", "according to"). Two outlets
/// that report one claim attribute it in their own words, so these would only keep
/// restatements apart.
pub static REPORTING_VERBS: Words =
    Words::table_rows(SPEECH_TABLE, &[1, 2, 3, 4], &["add", "explain", "note", "report", "say", "tell"]);

/// The nouns of [`REPORTING_VERBS`]'s note (lower case, sorted).
pub static REPORTING_NOUNS: Words = Words::new(include_str!("lexicon/reporting_nouns.txt"));

/// Whether a lower-case word is the -ing form of a verb of speech or of a quote's introducer
/// ("saying", "complaining", "denouncing", "accusing"): a form of the table's last column, or
/// a word whose stem makes a past or third-person form of either list ("complain" +
/// "ed", "denounc" + "ed").
pub(crate) fn is_report_participle(lower: &str) -> bool {
    let Some(stem) = lower.strip_suffix("ing").filter(|s| s.len() >= 3) else { return false };
    let known = |form: &str| SPEECH_VERBS.contains(form) || INTRODUCERS.contains(form);
    SPEECH_PARTICIPLES.contains(lower) || ["ed", "d", "s"].iter().any(|end| known(&format!("{stem}{end}")))
}

/// Whether a lower-case word says how a claim was reported: see [`REPORTING_VERBS`].
pub(crate) fn is_reporting(lower: &str) -> bool {
    REPORTING_VERBS.contains(lower) || REPORTING_NOUNS.contains(lower)
}

/// Last words of a named event or law ("World Cup", "Hong Kong Open", "Affordable Care Act"):
/// an event or a law is no person, place or organisation (lower case, sorted).
pub static EVENT_WORDS: Words = Words::new(include_str!("lexicon/event_words.txt"));

/// Words for a medium, which the medium's name follows ("the newspaper Vzglyad", "the channel
/// RT"). Sorted.
pub static MEDIA_NOUNS: Words = Words::new(include_str!("lexicon/media_nouns.txt"));

/// Whether a lower-case word names a kind of body or medium ("company", "newspaper"): a name
/// it introduces is an organisation's ("the company Acme", "the newspaper “Vzglyad”").
pub fn is_body_noun(word: &str) -> bool {
    ORG_NOUNS.contains(word) || MEDIA_NOUNS.contains(word)
}

/// Other names of a country or a body and the name it is known by (`other_names.txt`): an
/// acronym ("EU" → "European Union") or an official long form ("Russian Federation" →
/// "Russia"). Rows in file order.
pub(crate) fn other_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    include_str!("lexicon/other_names.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t'))
}

/// What a minister or secretary is "of" (lower case, sorted): "Secretary of State",
/// "Minister of Foreign Affairs".
pub static PORTFOLIOS: Words = Words::new(include_str!("lexicon/portfolios.txt"));

/// Last words that make a name a place (lower case, sorted): "Palm Beach County".
pub static PLACE_WORDS: Words = Words::new(include_str!("lexicon/place_words.txt"));

/// Capitalised words that start sentences or headings but never name anything.
pub static NOT_NAMES: Words = Words::new(include_str!("lexicon/not_names.txt"));

/// Month and weekday names: dates, not actors.
pub static CALENDAR: Words = Words::new(include_str!("lexicon/calendar.txt"));

/// Adjectives of nationality, region and creed (lower case, sorted): "Belarusian", "Western".
/// A capitalised word in this list describes; it names nobody.
pub static DEMONYMS: Words = Words::new(include_str!("lexicon/demonyms.txt"));

/// The AP style's abbreviations of US states, without their full stop (lower case, sorted):
/// "Tujunga, Calif.". Those with an inner dot ("N.H.") are told by it.
pub static STATE_ABBREVIATIONS: Words = Words::new(include_str!("lexicon/state_abbreviations.txt"));

/// Units of time, singular and plural: what dates an event or gives an age or a length of
/// time rather than measuring something.
pub static TIME_UNITS: Words = Words::new(include_str!("lexicon/time_units.txt"));

/// Periods a sports record is counted over ("54 games"): lengths of time of their own.
pub static PERIODS_OF_PLAY: Words = Words::new(include_str!("lexicon/periods_of_play.txt"));

/// Common verbs whose past tense does not end in "-ed" ("took", "won"): where a description
/// after a name ends and what the person did begins.
pub static IRREGULAR_PAST: Words = Words::new(include_str!("lexicon/irregular_past.txt"));

/// A party and state label after a legislator's name: "R-Ohio", "D-Va.".
pub(crate) fn is_party_label(word: &str) -> bool {
    word.split_once('-').is_some_and(|(party, state)| {
        matches!(party, "R" | "D" | "I") && state.starts_with(|c: char| c.is_ascii_uppercase())
    })
}

/// A list of general knowledge: a file of `lexicon/`, one entry a line, sorted so that a
/// reader finds a word and a diff stays small, with `#` lines saying what the list is.
/// Extraction asks several lists about every word of every sentence: the lookup goes through a
/// hash set built on first use, which took a 10k run's extract stage from 1.15 to 0.90 s
/// against a binary search of strings.
pub struct Words {
    text: &'static str,
    /// For a table of several columns (`speech_verbs.txt`), the columns (from 0) whose cells
    /// are the list's entries, `-` for none and `/` between two spellings; `None` for a list
    /// of one entry a line.
    columns: Option<&'static [usize]>,
    /// For a table, the rows it keeps, by their first cell; `None` for every row.
    rows: Option<&'static [&'static str]>,
    sorted: OnceLock<Vec<&'static str>>,
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    /// A list read from `text` (see the type's doc); its entries are in lower case unless its
    /// header says otherwise.
    pub const fn new(text: &'static str) -> Words {
        Words { text, columns: None, rows: None, sorted: OnceLock::new(), set: OnceLock::new() }
    }

    /// A list made of the cells of `columns` in a table read from `text`: one row a line, its
    /// cells apart by spaces (see the field `columns`).
    pub const fn table(text: &'static str, columns: &'static [usize]) -> Words {
        Words { text, columns: Some(columns), rows: None, sorted: OnceLock::new(), set: OnceLock::new() }
    }

    /// A list made as by [`Words::table`] of the rows whose first cell is one of `rows`.
    pub const fn table_rows(
        text: &'static str,
        columns: &'static [usize],
        rows: &'static [&'static str],
    ) -> Words {
        Words {
            text,
            columns: Some(columns),
            rows: Some(rows),
            sorted: OnceLock::new(),
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is in the list, as written.
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.set.get_or_init(|| self.iter().copied().collect()).contains(word)
    }
}

impl Deref for Words {
    type Target = [&'static str];

    fn deref(&self) -> &Self::Target {
        self.sorted.get_or_init(|| {
            let rows = self.text.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#'));
            let Some(columns) = self.columns else { return rows.collect() };
            let kept = |row: &&'static str| {
                self.rows.is_none_or(|keep| {
                    row.split_whitespace().next().is_some_and(|first| keep.contains(&first))
                })
            };
            let mut cells: Vec<&'static str> = rows
                .filter(kept)
                .flat_map(|row| {
                    let cells: Vec<&'static str> = row.split_whitespace().collect();
                    columns.iter().filter_map(move |&c| cells.get(c).copied())
                })
                .flat_map(|cell| cell.split('/'))
                .filter(|w| *w != "-")
                .collect();
            cells.sort_unstable();
            cells.dedup();
            cells
        })
    }
}

/// An adjectival demonym ("Belarusian", "pro-Russian", "Anti-Western").
pub(crate) fn is_demonym_adjective(word: &str) -> bool {
    let lower = word.to_lowercase();
    let bare = lower.strip_prefix("pro-").or_else(|| lower.strip_prefix("anti-")).unwrap_or(&lower);
    DEMONYMS.contains(bare)
}

/// A city of the world (lower case), from the `cities` crate's 10,000 largest cities. Many
/// city names are also surnames or words ("Reading", "Young"), so callers ask only when
/// nothing else tells what a name is.
pub(crate) fn is_city(lower: &str) -> bool {
    static CITIES: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| cities::all().iter().map(|c| c.city.to_lowercase()).collect());
    CITIES.contains(lower)
}

/// A day of the week, capitalised ("Monday").
pub(crate) fn is_weekday(word: &str) -> bool {
    crate::dates::WEEKDAYS.contains(&word)
}

/// A word of the calendar, in lower case: a month's or a day's name (`dates::MONTHS`,
/// `dates::WEEKDAYS`) or one of [`CALENDAR`]'s other words ("sept", "gmt").
pub(crate) fn is_calendar_word(lower: &str) -> bool {
    calendar_names().any(|name| name.eq_ignore_ascii_case(lower)) || CALENDAR.contains(lower)
}

/// Every word of the calendar, as [`is_calendar_word`] reads it.
pub(crate) fn calendar_words() -> impl Iterator<Item = String> {
    calendar_names().map(str::to_ascii_lowercase).chain(CALENDAR.iter().map(|w| w.to_string()))
}

fn calendar_names() -> impl Iterator<Item = &'static str> {
    crate::dates::MONTHS.iter().chain(&crate::dates::WEEKDAYS).copied()
}

/// A plural demonym or a collective name ("Ukrainians", "the West"): a group of people.
pub(crate) fn is_group(lower: &str) -> bool {
    GROUPS.contains(lower) || lower.strip_suffix('s').is_some_and(|one| DEMONYMS.contains(one))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [
            &PLACES,
            &PLACE_WORDS,
            &GROUPS,
            &DEMONYMS,
            &PORTFOLIOS,
            &ORG_WORDS,
            &SPEECH_VERBS,
            &SPEECH_PARTICIPLES,
            &NOT_NAMES,
            &CALENDAR,
            &EVENT_WORDS,
            &STATE_ABBREVIATIONS,
            &IRREGULAR_PAST,
            &REPORTING_NOUNS,
            &STOP_WORDS,
            &ABBREVIATIONS,
            &ORG_NOUNS,
            &PERSON_NOUNS,
            &AUXILIARIES,
            &INTRODUCERS,
            &PEOPLE_NOUNS,
            &MEDIA_NOUNS,
            &TIME_UNITS,
            &PERIODS_OF_PLAY,
            &GIVEN_NAMES,
            &SURNAMES,
        ] {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{} >= {}", w[0], w[1]);
            }
        }
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
    }
}
