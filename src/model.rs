//! The data that moves between stages, by value: `Vec<Article>` → [`Corpus`] → [`Digest`].
//!
//! No I/O here. Every list that reaches an output is a `Vec` in a documented order or a
//! `BTreeMap`/`BTreeSet`, so that the same input always gives the same bytes.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;

/// One input file after ingest, and everything the per-article stages learn about it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Article {
    /// Stable id: the file stem (`000_1a2b3c4d5e6f7a8b`), made unique with the relative path if needed.
    pub id: String,
    /// The path as the user would type it: the input folder joined with the relative path.
    pub path: String,
    /// The decoded text of the file (BOM removed, line ends normalised to `\n`). Clean turns
    /// it into `paragraphs` and `removed` and leaves it empty.
    pub text: String,
    /// A hash of `text` as read (xxh3), so that a later run can tell an edited file.
    pub hash: u64,
    /// Whether `text` is an HTML page (`.html`, `.htm`, `.html.gz`) rather than a text dump.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub html: bool,
    /// Title, date, author and publisher, when the text gives them.
    pub meta: Metadata,
    /// Body paragraphs kept by the cleaner, in source order.
    pub paragraphs: Vec<Paragraph>,
    /// Blocks the cleaner removed, with the reason, so nothing is lost silently.
    pub removed: Vec<Removed>,
    /// Set by dedup when this article is a copy of another (the fullest copy is kept).
    pub duplicate_of: Option<String>,
    /// What extract found in this article.
    pub extraction: Extraction,
}

impl Article {
    /// A dated article of plain paragraphs, one line each, as clean would leave it: for tests.
    #[cfg(test)]
    pub(crate) fn from_paragraphs(id: &str, date: Day, paras: &[&str]) -> Self {
        let mut a = Article::new(id.into(), format!("in/{id}.txt"), String::new());
        a.meta.date = Some(date);
        a.paragraphs = paras
            .iter()
            .enumerate()
            .map(|(i, t)| Paragraph {
                index: i,
                text: t.to_string(),
                lines: [i + 1, i + 1],
                heading: false,
                duplicate_of: None,
            })
            .collect();
        a
    }

    /// A fresh article with only its source text, as ingest makes it.
    pub fn new(id: String, path: String, text: String) -> Self {
        Article {
            id,
            path,
            hash: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
            html: false,
            text,
            meta: Metadata::default(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            duplicate_of: None,
            extraction: Extraction::default(),
        }
    }

    /// The text a [`Span`] points at; empty if the span does not fit this article.
    pub fn text_at(&self, span: Span) -> &str {
        let at = span.paragraph();
        let para = match self.paragraphs.get(at) {
            Some(p) if p.index == at => Some(p),
            _ => self.paragraphs.iter().find(|p| p.index == at),
        };
        para.and_then(|p| p.text.get(span.start as usize..span.end as usize)).unwrap_or("")
    }
}

/// Metadata found by the cleaner. A field the text does not give stays `None`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// Publication date.
    pub date: Option<Day>,
    /// Byline.
    pub author: Option<String>,
    /// Publishing outlet or producer.
    pub publisher: Option<String>,
    /// Where the story was filed, from a dateline line ("LA CORUNA, Spain 1996-08-31"): the
    /// place as written, with its country when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The page's address, from a URL line at the top of the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The outlet: the publisher the text names, else the URL's host, else the file name's
    /// part before its date (see [`crate::provenance`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where `date` came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_source: Option<DateSource>,
}

/// Where an article's date came from (`date_source` in `briefing.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DateSource {
    /// A date line or the dateline of the text.
    #[serde(rename = "text")]
    Text,
    /// The date in the URL line's path.
    #[serde(rename = "url")]
    Url,
    /// The date in the file name.
    #[serde(rename = "file name")]
    FileName,
    /// No date given: the date of the dated article closest in meaning.
    #[serde(rename = "inferred")]
    Inferred,
}

/// A kept paragraph (or subheading) of an article body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Position among the kept paragraphs, from 0.
    pub index: usize,
    /// The cleaned text.
    pub text: String,
    /// First and last 1-based line of the source file that the paragraph comes from.
    pub lines: [usize; 2],
    /// True for a subheading rather than running text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub heading: bool,
    /// Set by dedup when this paragraph repeats an earlier one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<ParagraphRef>,
}

/// Where a sentence sits: a byte range of one kept paragraph. Extract's findings point into
/// the article's text instead of copying it (see [`Article::text_at`]), which keeps a large
/// corpus in memory once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Paragraph index.
    pub paragraph: u32,
    /// Byte offset of the first character in the paragraph's text.
    pub start: u32,
    /// Byte offset just past the last character.
    pub end: u32,
}

impl Span {
    /// The span of bytes `range` of paragraph `paragraph`. Paragraphs are far below 4 GB, the
    /// input file limit (`input.max_file_bytes`) sees to that.
    pub fn new(paragraph: usize, range: std::ops::Range<usize>) -> Span {
        Span { paragraph: paragraph as u32, start: range.start as u32, end: range.end as u32 }
    }

    /// The paragraph index.
    pub fn paragraph(&self) -> usize {
        self.paragraph as usize
    }
}

/// A block of the source file that the cleaner did not keep.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Removed {
    /// First and last 1-based line.
    pub lines: [usize; 2],
    /// Why it was removed.
    pub reason: RemovalReason,
    /// The removed text, verbatim.
    pub text: String,
}

/// Why the cleaner dropped a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalReason {
    /// Breadcrumbs, menus, site banners, link lists.
    Navigation,
    /// Share, subscribe, comment and follow prompts.
    Social,
    /// Captions, photo credits, copyright lines.
    Caption,
    /// Disclaimers, "produced by", republishing notices, footers.
    Disclaimer,
    /// The title, teaser or date repeated.
    Repeated,
    /// The standfirst under the title that sums the story up, set apart from it by the byline
    /// or the date.
    Teaser,
    /// Title, date, byline or publisher line: kept as metadata.
    Metadata,
    /// A line that recurs across many articles of the corpus.
    CorpusRepeated,
    /// Matched a user regex from `[clean] extra_boilerplate`.
    UserRule,
    /// Short text with no sentence shape, outside the body.
    Fragment,
    /// Comments, related stories and anything else after the article's end (a comment-count
    /// line, a copyright line).
    Trailing,
    /// Judged no part of the article by the block model (`clean::scores`), though no rule
    /// named it.
    Boilerplate,
}

impl fmt::Display for RemovalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Self::Navigation => "navigation",
            Self::Social => "social",
            Self::Caption => "caption",
            Self::Disclaimer => "disclaimer",
            Self::Repeated => "repeated",
            Self::Teaser => "teaser",
            Self::Metadata => "metadata",
            Self::CorpusRepeated => "corpus_repeated",
            Self::UserRule => "user_rule",
            Self::Fragment => "fragment",
            Self::Trailing => "trailing",
            Self::Boilerplate => "boilerplate",
        };
        f.write_str(s)
    }
}

/// Points at one paragraph of one article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ParagraphRef {
    /// Article id.
    pub article: String,
    /// Paragraph index within the article.
    pub paragraph: usize,
}

/// A calendar date with the precision the text gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct Day {
    /// Year.
    pub year: i32,
    /// Month 1..=12, or 0 for a year.
    pub month: u8,
    /// Day 1..=31, or 0 for a month or a year.
    pub day: u8,
}

impl Day {
    /// A full date.
    pub(crate) fn ymd(year: i32, month: u8, day: u8) -> Self {
        Day { year, month, day }
    }

    /// How exact the date is.
    pub(crate) fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The date as `time::Date` when it has day precision and is valid.
    pub(crate) fn to_date(self) -> Option<time::Date> {
        let month = time::Month::try_from(self.month).ok()?;
        time::Date::from_calendar_date(self.year, month, self.day).ok()
    }

    /// A reader's form: `16 May 2022`, `May 2022`, `2022`.
    pub(crate) fn human(&self) -> String {
        match self.precision() {
            Precision::Year => self.year.to_string(),
            Precision::Month => {
                format!("{} {}", crate::dates::MONTHS[usize::from(self.month - 1)], self.year)
            }
            Precision::Day => {
                format!("{} {} {}", self.day, crate::dates::MONTHS[usize::from(self.month - 1)], self.year)
            }
        }
    }
}

/// ISO 8601 with reduced precision: `2022-05-16`, `2022-05`, `2022`. Sorts as text.
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision() {
            Precision::Year => write!(f, "{:04}", self.year),
            Precision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
            Precision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

impl From<Day> for String {
    fn from(d: Day) -> String {
        d.to_string()
    }
}

impl TryFrom<String> for Day {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        let mut parts = s.split('-').map(str::parse::<u32>);
        let bad = || format!("not a date: {s}");
        let year = parts.next().and_then(Result::ok).ok_or_else(bad)?;
        let month = parts.next().transpose().map_err(|_| bad())?.unwrap_or(0);
        let day = parts.next().transpose().map_err(|_| bad())?.unwrap_or(0);
        Ok(Day { year: year as i32, month: month as u8, day: day as u8 })
    }
}

/// How exact a date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// What kind of thing an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named person.
    Person,
    /// A company, institution, party, agency or outlet.
    Organization,
    /// A country, city or region.
    Place,
    /// A people or collective ("Belarusians", "the opposition").
    Group,
}

/// Everything extract found in one article. Names are local to the article until consolidate
/// merges them across the corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    /// Actors named in the article, variants within the article already merged.
    pub actors: Vec<LocalActor>,
    /// Direct quotes.
    pub quotes: Vec<Quote>,
    /// Numbers with what they measure.
    pub figures: Vec<Figure>,
    /// Dated sentences.
    pub events: Vec<Event>,
    /// Sentences that carry a claim: attributed statements, figures, events.
    pub statements: Vec<Statement>,
}

/// An actor as one article names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalActor {
    /// The fullest name in the article.
    pub name: String,
    /// Person, organisation, place or group.
    pub kind: ActorKind,
    /// Other forms seen in this article (surname alone, acronym, other spelling), sorted.
    pub aliases: Box<[String]>,
    /// Titles and roles ("Prime Minister of Belarus"), sorted.
    pub roles: Box<[String]>,
    /// How many times the article names it.
    pub mentions: u32,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the quote marks; for a partial quote, the clause that
    /// reports it, with the quoted words in their marks (see [`Quote::partial`]).
    pub text: String,
    /// Whether the quote is set inside the writer's words ("said there was “no daylight”
    /// between their plans"), so that `text` is the clause that reports it
    /// (`quotes::reported_clause`).
    #[serde(default)]
    pub partial: bool,
    /// The speaker as named in the article (a [`LocalActor::name`]), if found.
    pub speaker: Option<String>,
    /// What the attribution says of the speaker right after their name ("the chair of the
    /// Party" in "Ann Lee, the chair of the Party, said"), as written.
    pub speaker_apposition: Option<String>,
    /// Who said it, as the attribution describes a speaker it does not name ("an anonymous
    /// businessman", "British intelligence"); only when `speaker` is `None`.
    pub described_speaker: Option<String>,
    /// The rule that chose the speaker or the described speaker (a sieve of
    /// `quotes::SIEVES`, or a carried or described speaker's rule), or, when there is neither,
    /// the sieve that found that no one the article names said it.
    pub rule: String,
    /// Paragraph index where the quote starts.
    pub paragraph: usize,
}

/// A number found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The number as written ("$16 billion", "between 6 and 11 percent").
    pub value: String,
    /// The number, normalised (the lower bound of a range).
    pub number: f64,
    /// Upper bound of a range.
    pub number_max: Option<f64>,
    /// `USD`, `EUR`, `percent`, `count`, …
    pub unit: String,
    /// What it measures: the words around it.
    pub about: String,
    /// The sentence it comes from.
    pub sentence: Span,
}

/// A dated sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The date, resolved against the article date when it was partial or relative.
    pub date: Day,
    /// The date as written.
    pub as_written: String,
    /// The sentence.
    pub sentence: Span,
}

/// A sentence that carries a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// The sentence.
    pub sentence: Span,
    /// What makes it a claim.
    pub kind: ClaimKind,
    /// The actors the sentence mentions, as indices in [`Extraction::actors`], ascending.
    pub actors: Vec<u32>,
    /// Who the sentence attributes it to ("said X", "according to X"), if anyone: an index in
    /// [`Extraction::actors`].
    pub attributed_to: Option<u32>,
}

/// What a claim rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Reported speech or a plain assertion.
    Statement,
    /// A direct quote.
    Quote,
    /// A number.
    Figure,
    /// A dated event.
    Event,
}

/// Dedup's record of copies: what was kept, what was dropped, how similar they were.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// `article` or `paragraph`.
    pub kind: DuplicateKind,
    /// The copy that was kept.
    pub kept: ParagraphRefOpt,
    /// The copies that point at it.
    pub dropped: Vec<ParagraphRefOpt>,
    /// Jaccard similarity of word shingles (1.0 for exact copies).
    pub similarity: f64,
}

/// A reference to an article, or to one of its paragraphs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ParagraphRefOpt {
    /// Article id.
    pub article: String,
    /// Paragraph index, for paragraph duplicates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
}

/// Whole article or single paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateKind {
    /// A whole article.
    Article,
    /// One paragraph.
    Paragraph,
}

/// The articles and what the corpus-wide stages learned, as clean, dedup and extract pass it on.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Articles in id order.
    pub articles: Vec<Article>,
    /// Duplicate groups found by dedup, in the order of the kept copy.
    pub duplicates: Vec<Duplicate>,
    /// Per-file problems: skipped, damaged, or warned about.
    pub diagnostics: Vec<Diagnostic>,
}
