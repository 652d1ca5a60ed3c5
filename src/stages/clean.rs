//! Clean: a scraped page dump → title/date/author/publisher, body paragraphs, and a record of
//! every block removed and why.
//!
//! No list of sites: each line is judged from signals (jusText's idea, adapted to text without
//! a DOM). Length and stop-word share say "prose"; words like share/subscribe/© say
//! "boilerplate"; position relative to the body and the neighbours decide short blocks; a line
//! that recurs across unrelated articles of the corpus is site furniture. Lines that a page split
//! mid-sentence (`…," analyst X told` / `Al Jazeera` / `.`) are joined back first.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use anyhow::Result;
use rayon::prelude::*;
use regex::{Regex, RegexSet};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

use super::{Stage, StageContext};
use crate::cache::{Cache, KeyBuilder};
use crate::dates::{DateKind, find_dates};
use crate::model::{Article, Corpus, Day, Metadata, Paragraph, RemovalReason, Removed};
use crate::text::{is_capitalized, is_stop_word, normalize, words};

/// The clean stage.
pub struct Clean;

impl Stage for Clean {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn run(&self, ctx: &StageContext<'_>, mut corpus: Corpus) -> Result<Corpus> {
        let cfg = ctx.config;
        let keys: Vec<Vec<u64>> = corpus.articles.par_iter().map(|a| line_keys(&a.text)).collect();
        let repeated = repeated_lines(&keys, cfg.clean.corpus_repeat_min);
        let rules =
            Rules { extra: &cfg.extra_boilerplate, corpus_lines: &repeated, enabled: cfg.clean.enabled };
        let settings = format!("{:?}", cfg.clean);
        let progress = ctx.progress;
        corpus.articles = std::mem::take(&mut corpus.articles)
            .into_par_iter()
            .zip(keys)
            .map(|(mut article, keys)| {
                let text = std::mem::take(&mut article.text);
                // An article's result depends on its text, the settings, and which of its
                // lines the corpus repeats; the cache key covers exactly that.
                let key = ctx.cache.map(|cache| {
                    let mut deps: Vec<u64> = keys.into_iter().filter(|k| repeated.contains(k)).collect();
                    deps.sort_unstable();
                    deps.dedup();
                    let mut key = KeyBuilder::new(cache, self.name(), &settings).bytes(text.as_bytes());
                    for d in deps {
                        key = key.u64(d);
                    }
                    (cache, key.finish())
                });
                Cache::or_compute(key, self.name(), || clean_text(&text, &rules)).apply_to(&mut article);
                // From the path too, which the cache key leaves out.
                crate::provenance::fill(&mut article, &text);
                progress.inc();
                article
            })
            .collect();
        Ok(corpus)
    }
}

/// What the cleaner knows beyond the article itself.
pub struct Rules<'a> {
    /// `[clean] extra_boilerplate`.
    pub extra: &'a [Regex],
    /// Hashes of normalised lines that recur across unrelated articles.
    pub corpus_lines: &'a HashSet<u64>,
    /// When false, every non-empty block is kept.
    pub enabled: bool,
}

/// Cleans one article in place of its `meta`, `paragraphs` and `removed`.
pub fn clean_article(mut article: Article, rules: &Rules<'_>) -> Article {
    // The raw text is not needed once it is paragraphs and removed blocks; dropping it keeps
    // large corpora in memory once, not twice.
    let text = std::mem::take(&mut article.text);
    clean_text(&text, rules).apply_to(&mut article);
    article
}

/// The cleaner's output for one text.
#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Cleaned {
    /// Title, date, author, publisher.
    pub meta: Metadata,
    /// Kept paragraphs.
    pub paragraphs: Vec<Paragraph>,
    /// Removed blocks.
    pub removed: Vec<Removed>,
}

impl Cleaned {
    /// Puts the result into the article's `meta`, `paragraphs` and `removed`.
    pub(crate) fn apply_to(self, article: &mut Article) {
        article.meta = self.meta;
        article.paragraphs = self.paragraphs;
        article.removed = self.removed;
    }
}

/// One line of the page (or several, once split fragments are joined).
#[derive(Debug, Clone)]
struct Block {
    text: String,
    lines: [usize; 2],
    /// Lower-cased, punctuation-free key for repeat detection.
    key: String,
    words: usize,
    stop_share: f64,
    terminal: bool,
}

impl Block {
    fn new(text: String, lines: [usize; 2]) -> Self {
        // The key is the lower-case words: count the stop words on it rather than lowering twice.
        let key = key_of(&text);
        let (mut n, mut stops) = (0, 0);
        for w in key.split(' ').filter(|w| !w.is_empty()) {
            n += 1;
            stops += usize::from(is_stop_word(w));
        }
        let terminal = ends_sentence(&text);
        Block { text, lines, key, words: n, stop_share: stops as f64 / n.max(1) as f64, terminal }
    }

    /// The capitalised words after the first (a sentence's first word has its capital anyway).
    fn capitals(&self) -> usize {
        words(&self.text).skip(1).filter(|w| is_capitalized(w)).count()
    }
}

fn key_of(text: &str) -> String {
    // One buffer, not a string per word: every line of every page gets a key.
    let mut key = String::with_capacity(text.len());
    for w in words(text) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    key
}

/// Whether a text ends a sentence. An embedded post ends in the link its platform adds ("…
/// campaign. pic.twitter.com/3Bdn"): the sentence is before it.
fn ends_sentence(text: &str) -> bool {
    let mut t = text.trim_end();
    if let Some((before, link)) = t.rsplit_once(char::is_whitespace)
        && (link.starts_with("pic.twitter.com/") || link.starts_with("https://t.co/"))
    {
        t = before;
    }
    let t = t.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', ' ']);
    t.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// What the classifier decided for a block.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Body,
    Heading,
    Drop(RemovalReason),
    Undecided,
}

/// Cleans one page's text.
pub fn clean_text(text: &str, rules: &Rules<'_>) -> Cleaned {
    let blocks = join_fragments(split_blocks(text));
    if !rules.enabled {
        let paragraphs = blocks
            .into_iter()
            .enumerate()
            .map(|(index, b)| Paragraph {
                index,
                text: b.text,
                lines: b.lines,
                heading: false,
                duplicate_of: None,
            })
            .collect();
        return Cleaned { meta: Metadata::default(), paragraphs, removed: Vec::new() };
    }
    let mut labels = vec![Label::Undecided; blocks.len()];
    let mut meta = Metadata::default();

    hard_rules(&blocks, &mut labels, rules);
    read_metadata(&blocks, &mut labels, &mut meta);
    drop_repeats(&blocks, &mut labels, &meta);
    classify_body(&blocks, &mut labels);
    keep_numbered_lists(&blocks, &mut labels);
    keep_tables(&blocks, &mut labels);
    keep_cell_tables(&blocks, &mut labels);
    keep_recurring_lines(&blocks, &mut labels);
    cut_after_end(&blocks, &mut labels);
    drop_author_bio(&blocks, &mut labels, &meta);
    drop_trailing_headings(&mut labels);

    let mut out = Cleaned { meta, ..Cleaned::default() };
    for (block, label) in blocks.into_iter().zip(labels) {
        match label {
            Label::Body | Label::Heading => out.paragraphs.push(Paragraph {
                index: out.paragraphs.len(),
                text: block.text,
                lines: block.lines,
                heading: label == Label::Heading,
                duplicate_of: None,
            }),
            Label::Drop(reason) => out.removed.push(Removed { lines: block.lines, reason, text: block.text }),
            Label::Undecided => out.removed.push(Removed {
                lines: block.lines,
                reason: RemovalReason::Fragment,
                text: block.text,
            }),
        }
    }
    out
}

/// Every non-empty line is a block, normalised and with inner whitespace collapsed.
fn split_blocks(text: &str) -> Vec<Block> {
    text.lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let norm = normalize(line);
            let mut collapsed = String::with_capacity(norm.len());
            for piece in norm.split_whitespace() {
                if !collapsed.is_empty() {
                    collapsed.push(' ');
                }
                collapsed.push_str(piece);
            }
            (!collapsed.is_empty()).then(|| Block::new(collapsed, [i + 1, i + 1]))
        })
        .collect()
}

/// Joins a sentence that the page broke over lines: a line of running text that stops without
/// punctuation (`…," analyst X told`), followed by a short piece that names someone (`Al
/// Jazeera`) and that the sentence's end mark (`.`) closes, or by a piece that goes on in
/// lower case (also after a bracket: `… Foreign Relations (DGAP)` / `told Tagesspiegel`).
fn join_fragments(blocks: Vec<Block>) -> Vec<Block> {
    // Each join rebuilds the block; past this size a block is no sentence split over lines
    // (a page of lines with no sentence end), and joining on would cost its length squared.
    const MAX_JOINED_BYTES: usize = 10_000;
    let only_punct = |b: &Block| b.words == 0 && b.text.chars().count() <= 3;
    let open_end = |b: &Block| {
        !b.terminal
            && b.words >= 6
            && b.stop_share >= 0.2
            && b.text
                .chars()
                .next_back()
                .is_some_and(|c| c.is_lowercase() || matches!(c, ',' | ';' | '“' | '"' | '«'))
    };
    // "… András Rácz of the German Council on Foreign Relations (DGAP)" / "told Tagesspiegel".
    let open_bracket =
        |b: &Block| !b.terminal && b.words >= 6 && b.stop_share >= 0.2 && b.text.ends_with(')');
    let lower_start = |b: &Block| b.text.chars().next().is_some_and(char::is_lowercase);
    // The outlet or person an attribution names, on a line of its own ("Al Jazeera", "the
    // Guardian."): not a short sentence ("An example is Kazakhstan.").
    let a_name = |b: &Block| {
        words(&b.text).all(|w| is_capitalized(w) || matches!(w, "of" | "the" | "de" | "der" | "la" | "and"))
    };
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    for (i, block) in blocks.iter().enumerate() {
        if let Some(prev) = out.last_mut().filter(|prev| prev.text.len() < MAX_JOINED_BYTES) {
            let closes_next = blocks.get(i + 1).is_some_and(only_punct);
            let joins = (only_punct(block) && prev.words > 0)
                || ((open_end(prev) || open_bracket(prev)) && block.words > 0 && lower_start(block))
                || (open_end(prev) && block.words <= 4 && a_name(block) && (block.terminal || closes_next));
            if joins {
                let glue =
                    if only_punct(block) || block.text.starts_with([',', '.', ';', ':']) { "" } else { " " };
                let text = format!("{}{glue}{}", prev.text, block.text);
                *prev = Block::new(text, [prev.lines[0], block.lines[1]]);
                continue;
            }
        }
        out.push(block.clone());
    }
    out
}

/// Boilerplate phrases, for short lines only: a body paragraph may well mention "share".
static SOCIAL: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^(share|tweet|e-?mail|print|subscribe|sign (in|up)|log ?in|register|follow( us)?|like|comments?|leave a (comment|reply)|no comments|\d+ comments?|reply|read (more|also|next)|also read|see also|related( articles| stories| posts)?|recommended|more from|advert(isement)?|sponsored|newsletter|click here|download|listen|watch|back to top|skip to|menu|search|home|join( us)?|source link|original|translation\b|tags?|topics?)\b",
        r"(?i)\b(facebook|twitter|telegram|instagram|whatsapp|linkedin|pinterest|youtube|tiktok|reddit|vkontakte)\b",
        r"(?i)\b(newsletter|subscribe|subscription|sign up|akismet|cookies?|privacy policy|terms of (use|service)|all rights reserved|comment data|log in|sign in)\b",
        r"(?i)^(home|news|world|politics|business|opinion|sport|sports)\s*([»›>|/]|$)",
        r"(?i)\b(also available in|non-english news|you can see)\b",
    ])
    .expect("social patterns")
});

static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(©|\(c\)|photo\b|photograph\b|image\b|picture\b|credit\b|getty|file photo|video\b)|©|\b(photo|image|credit)s?:|/(dpa|afp|ap|reuters|epa|getty images|tass|ria novosti)\b|\((photo|image|getty|afp|reuters)[^)]*\)$")
        .expect("caption pattern")
});

/// A photo credit on a line of its own: "Photo: Getty Images", "Ann Lee, AP", "Ann Lee |
/// Bloomberg | Getty Images", "(Image: © Harbor Project)".
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(photo|image|picture|credit)s?:|©|getty images\)?$|^(\p{Lu}[\w.'-]*\s){1,3}\p{Lu}[\w.'-]*,\s(AP|AFP|Reuters|EPA|Getty Images)$")
        .expect("credit line pattern")
});

/// A caption of any length that ends in its credit ("… at the rally.Credit...Ann Lee/The Times",
/// "… November 19, 2019. © Reuters / Ann Lee", "… to the Moon [SpaceX via Nasa]").
static CREDITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)credit\s*(\.\.\.|…)\s*\p{Lu}|[.!?]\s*©\s*\p{Lu}[^.©]{0,60}$|(?-i)[\[(]\p{Lu}[\w.&'-]*(\s\p{Lu}[\w.&'-]*)*\s?(via|/)\s?\p{Lu}[\w.&'-]*(\s\p{Lu}[\w.&'-]*)*[\])]$")
        .expect("credit pattern")
});

static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(this (article|story|material|content) (is|was) (produced|published|written|originally|first)|originally (published|appeared)|views (expressed|and opinions)|opinions expressed|exclusive rights? to|republish|reproduction|is prohibited|copyright|all rights reserved|the author\(s\)|do not necessarily reflect|editorial (standards|policy)|we may earn|affiliate|(this|our) (web ?)?site uses cookies|our use of cookies|by continuing to (use|browse) (this|our) (web ?)?site|we use cookies|uses? cookies (and|to|for)|cookies? (policy|settings|preferences)|contributed( reporting)? to this (report|story|article)|editing by|^(this|the) (article|story|post|piece|report) (has been|was) (updated|corrected|amended|shared))\b|^\(?reporting by\b")
        .expect("disclaimer pattern")
});

/// A call to the reader, however long it runs: to sign up for a newsletter, to comment
/// civilly, to buy a subscription; a page's cookie notice in any language. Phrases, and pairs
/// of words that make one together (see [`calls_the_reader`]): a pattern with a gap of any
/// 80 characters between the words costs a large automaton per thread for the whole run.
static PROMPT: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)delivered (straight |directly )?to your inbox|no spam(?-u:\b)|unsubscribe at any time|activation link|activate your subscription|be respectful of other commenters|(comment|commenting) (policy|guidelines)|for as little as|receive a (small )?commission|follow (him|her|them|us|me) on (twitter|facebook|instagram)|(have|got) a (news )?tip(?-u:\b)",
        r"(?i)sign up (for|to)|subscribe (for|to)",
        r"(?i)newsletter|inbox|updates",
        r"(?i)cookie",
        r"(?i)(?-u:\b)(sito|site|website|navigazione|navegación|navigation)(?-u:\b)",
        r"(?i)join our",
        r"(?i)forums?|community",
    ])
    .expect("prompt patterns")
});

/// Whether a block calls the reader to do something ([`PROMPT`]): one of its phrases, or a
/// pair: a sign-up and a newsletter, a cookie and a site, "join our" and a forum.
fn calls_the_reader(text: &str) -> bool {
    let m = PROMPT.matches(text);
    m.matched(0)
        || m.matched(1) && m.matched(2)
        || m.matched(3) && m.matched(4)
        || m.matched(5) && m.matched(6)
}

/// A teaser of another story: its headline run into its dateline and lead on one line
/// ("Deportees return home from US NEW DELHI: Their American dream…"). See [`is_teaser`].
static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^.!?]{15,160}?[a-z0-9’'”)]\s+\p{Lu}[\p{Lu} .'-]{3,30}(\s\([^)]{2,30}\))?:\s+\p{Lu}")
        .expect("teaser pattern")
});

/// Whether a block is a [`TEASER`]. A headline may hold a colon ("days are numbered: warns
/// cleric", "attendance high: Govt NEW DELHI: …") and a figure ("1.9 million"): figures are
/// masked first, since a pattern that allowed their dots would be several times slower on
/// every block.
fn is_teaser(text: &str) -> bool {
    if TEASER.is_match(text) {
        return true;
    }
    let b = text.as_bytes();
    let masks = |i: usize| {
        matches!(b[i], b'.' | b',')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..b.len()).any(masks) {
        return false;
    }
    // Same length, ASCII for ASCII: the masked text is still UTF-8.
    let masked: Vec<u8> = (0..b.len()).map(|i| if masks(i) { b'_' } else { b[i] }).collect();
    std::str::from_utf8(&masked).is_ok_and(|m| TEASER.is_match(m))
}

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by):?\s+(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})(?:\s*(?:,|\||and|$).*)?$",
    )
    .expect("byline pattern")
});

static OPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*\((?i:op-ed contributor|contributor|columnist|guest author|staff writer|correspondent|opinion)\)$")
        .expect("op-ed pattern")
});

static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source|publisher|published by|via):\s*(?P<name>.{2,60})$").expect("source pattern")
});

static PRODUCED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:produced by|published by|originally published (?:by|in|on))\s+(?:the\s+)?(?P<name>\p{Lu}[^,.(]{2,80}?)\s*(?:[,.(]|$)")
        .expect("produced-by pattern")
});

/// A dateline on a line of its own: a place in capitals, a country perhaps, and a date
/// ("LA CORUNA , Spain 1996-08-31", "MOSCOW, May 5").
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?)(?:\s*,\s*(?P<region>\p{Lu}[\p{L}.'’ -]{1,30}?))?\s*,?\s*(?:\d{4}-\d{2}-\d{2}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)$")
        .expect("dateline pattern")
});

/// A reporting verb: a long sentence with one is a news lead, however many names it packs.
static REPORTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(said|says|told|reported|announced|according to)\b").expect("reporting pattern")
});

/// Lines that end an article: what follows is comments, related stories or the site footer.
static END_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\[?\s*\d+\s+comments?\s*\]?|comments?(\s*\(\d+\))?|top rated comments|leave a (comment|reply)|post a comment|add a comment|join the (conversation|discussion)|no comments:?|want more( stories)?( like this)?\??|(view|show|load|read) (all )?comments|comments are closed|.*comments powered by disqus|first published\b.*|originally published\b.*|©.*|copyright\b.*|.*all rights reserved\.?)$")
        .expect("end-marker pattern")
});

/// Whether a "©" line gives no year and reserves no rights: a photo's credit, or a footer that
/// names only its owner (see [`cut_after_end`]).
fn credit_without_year(text: &str) -> bool {
    let year = text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    text.starts_with('©') && !year && !text.to_lowercase().contains("rights")
}

/// The heading of a list of other stories. At the end of an article it ends it like an
/// [`END_MARKER`]; a page dump may also put the list above the story, in a sidebar.
static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(you (may|might) (also )?like\b.*|most (read|popular|viewed|shared)\b.*|more stories\b.*|more (in|from|on) .+|trending( now)?|related (stories|articles|news|coverage))$")
        .expect("list-marker pattern")
});

/// Breadcrumb and menu separators in a text ("Home › World › Europe"); a '»' that closes a
/// '«' is a quotation mark, not one of them.
fn separators(text: &str) -> usize {
    let (mut marks, mut opened, mut closed) = (0, 0, 0usize);
    for c in text.chars() {
        match c {
            '›' | '|' | '>' => marks += 1,
            '«' => opened += 1,
            '»' => closed += 1,
            _ => {}
        }
    }
    marks + closed.saturating_sub(opened)
}

/// Whether a block is a long line in capitals: the headline of another story or video set in
/// the page ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM"), or
/// a banner. A subheading in capitals is short ("HOW TO USE A WATER BATH CANNER").
fn shouts(b: &Block) -> bool {
    // Most lines have a small letter among their first few: they are out at once.
    if b.words < SHOUTED_WORDS || b.text.chars().any(char::is_lowercase) {
        return false;
    }
    // Scripts without case (Hangul, Arabic) have no capitals to shout in.
    let letters = b.text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = b.text.chars().filter(|c| c.is_uppercase()).count();
    5 * upper >= 4 * letters
}

/// Words from which a line in capitals is no subheading (see [`shouts`]).
const SHOUTED_WORDS: usize = 8;

/// Rules that decide a block on its own: user regexes, corpus repetition, captions,
/// disclaimers, social prompts.
fn hard_rules(blocks: &[Block], labels: &mut [Label], rules: &Rules<'_>) {
    for (i, b) in blocks.iter().enumerate() {
        let short = b.words <= 14;
        labels[i] = if rules.extra.iter().any(|re| re.is_match(&b.text)) {
            Label::Drop(RemovalReason::UserRule)
        } else if b.lines[0] == b.lines[1]
            && b.words > 0
            && rules.corpus_lines.contains(&xxh3_64(b.key.as_bytes()))
        {
            Label::Drop(RemovalReason::CorpusRepeated)
        } else if b.words == 0 {
            Label::Drop(RemovalReason::Fragment)
        } else if short && CAPTION.is_match(&b.text)
            || b.text.starts_with('©')
            || b.words <= 40 && CREDITED.is_match(&b.text)
        {
            Label::Drop(RemovalReason::Caption)
        } else if b.words <= 80 && calls_the_reader(&b.text) {
            Label::Drop(RemovalReason::Social)
        } else if b.words <= 80 && DISCLAIMER.is_match(&b.text) {
            Label::Drop(RemovalReason::Disclaimer)
        } else if short && SOCIAL.is_match(&b.text) && !(b.terminal && b.words >= 9 && b.stop_share >= 0.3) {
            Label::Drop(RemovalReason::Social)
        } else if b.words >= 20 && is_teaser(&b.text) || separators(&b.text) >= 2 || shouts(b) {
            Label::Drop(RemovalReason::Navigation)
        } else {
            Label::Undecided
        };
    }
    // A sentence right above a photo credit is its caption.
    for i in 1..blocks.len() {
        // A credit with no words of its own ("Photo: Getty Images", not "Photo: a minister ©
        // Ann Lee/AFP") credits the block above it.
        let bare = || crate::text::words(&blocks[i].text).all(|w| !w.starts_with(char::is_lowercase));
        let credit = labels[i] == Label::Drop(RemovalReason::Caption) && blocks[i].text.starts_with('©')
            || CREDIT_LINE.is_match(&blocks[i].text) && bare();
        if credit && blocks[i].words <= 8 && labels[i - 1] == Label::Undecided && blocks[i - 1].words <= 45 {
            labels[i - 1] = Label::Drop(RemovalReason::Caption);
        }
    }
}

/// Finds the title, date, author and publisher, and marks their lines.
fn read_metadata(blocks: &[Block], labels: &mut [Label], meta: &mut Metadata) {
    let head = head_end(blocks, labels);
    // Date: a line that is mostly a date, near the top (or failing that, near the end).
    for i in (0..head).chain(blocks.len().saturating_sub(8)..blocks.len()) {
        if let Some(day) = date_line(&blocks[i].text) {
            if meta.date.is_none() {
                meta.date = Some(day);
            }
            if labels[i] == Label::Undecided {
                labels[i] = Label::Drop(RemovalReason::Metadata);
            }
        }
    }
    // Dateline: where the story was filed, in the first lines.
    for i in 0..head.min(6) {
        let Some(c) = DATELINE.captures(&blocks[i].text) else { continue };
        if meta.dateline.is_none() {
            let region = c.name("region").map(|r| r.as_str().trim());
            let place = c["place"].trim();
            meta.dateline = Some(region.map_or_else(|| place.to_string(), |r| format!("{place}, {r}")));
        }
        if labels[i] == Label::Undecided {
            labels[i] = Label::Drop(RemovalReason::Metadata);
        }
    }
    // Author: "By X", "X (Op-Ed Contributor)", or a bare name line next to the title.
    for i in 0..head {
        let t = &blocks[i].text;
        let name = BYLINE
            .captures(t)
            .or_else(|| OPED.captures(t))
            .and_then(|c| c.name("name"))
            .map(|m| m.as_str().trim().to_string());
        if let Some(name) = name.filter(|n| looks_like_person(n)) {
            if meta.author.is_none() {
                meta.author = Some(name);
            }
            labels[i] = Label::Drop(RemovalReason::Metadata);
        }
    }
    // A bare name right next to the date line is the byline.
    for i in 0..head {
        let b = &blocks[i];
        let by_date = [i.wrapping_sub(1), i + 1].iter().any(|&j| {
            labels.get(j) == Some(&Label::Drop(RemovalReason::Metadata))
                && date_line(&blocks[j].text).is_some()
        });
        if meta.author.is_none()
            && by_date
            && labels[i] == Label::Undecided
            && (2..=4).contains(&b.words)
            && !b.terminal
            && looks_like_person(&b.text)
        {
            meta.author = Some(b.text.clone());
            labels[i] = Label::Drop(RemovalReason::Metadata);
        }
    }
    // Publisher: "Source: X", "produced by X".
    for (i, b) in blocks.iter().enumerate() {
        if let Some(c) = SOURCE.captures(&b.text) {
            meta.publisher.get_or_insert_with(|| c["name"].trim().to_string());
            labels[i] = Label::Drop(RemovalReason::Metadata);
        } else if matches!(labels[i], Label::Drop(RemovalReason::Disclaimer))
            && let Some(c) = PRODUCED_BY.captures(&b.text)
        {
            meta.publisher.get_or_insert_with(|| c["name"].trim().to_string());
        }
    }
    meta.title = find_title(blocks, labels);
    if let Some(title) = &meta.title {
        // A bare name line right after the title (or after its date) is the byline.
        let t = title_key(title);
        let after_title = blocks.iter().position(|b| b.key == t).map_or(0, |p| p + 1);
        for i in after_title..(after_title + 3).min(blocks.len()) {
            let b = &blocks[i];
            if meta.author.is_none()
                && labels[i] == Label::Undecided
                && b.words >= 2
                && b.words <= 4
                && !b.terminal
                && looks_like_person(&b.text)
            {
                meta.author = Some(b.text.clone());
                labels[i] = Label::Drop(RemovalReason::Metadata);
            }
        }
    }
}

/// Where the title, date and byline are looked for: the first blocks of the page.
const HEAD_BLOCKS: usize = 25;

/// Where the top of the article ends: the first [`HEAD_BLOCKS`] blocks, or, below a long menu,
/// up to a few blocks past the first sentence of prose (the date and byline sit around it).
fn head_end(blocks: &[Block], labels: &[Label]) -> usize {
    let prose =
        blocks.iter().zip(labels).position(|(b, l)| *l == Label::Undecided && b.terminal && b.words >= 15);
    prose.map_or(HEAD_BLOCKS, |p| (p + 10).max(HEAD_BLOCKS)).min(blocks.len())
}

fn title_key(title: &str) -> String {
    key_of(title)
}

/// A line whose content, once dates, times and date words are taken out, is (nearly) nothing.
fn date_line(text: &str) -> Option<Day> {
    if text.chars().count() > 80 {
        return None;
    }
    let dates = find_dates(text);
    let first = dates.iter().find_map(|m| match m.kind {
        DateKind::Full(d) => Some(d),
        _ => None,
    })?;
    // What is left once every full date is out ("on April 30,2008 at 4:31 AM, updated April
    // 30,2008 at 8:33 AM" is a date line).
    let mut rest = String::new();
    let mut at = 0;
    for m in dates.iter().filter(|m| matches!(m.kind, DateKind::Full(_))) {
        rest.push_str(&text[at..m.range.start]);
        rest.push(' ');
        at = m.range.end;
    }
    rest.push_str(&text[at..]);
    let leftover = words(&rest)
        .filter(|w| {
            let l = w.to_lowercase();
            // A time, with its "pm" written on ("11:34PM").
            let time = l.trim_end_matches("am").trim_end_matches("pm");
            // A time zone in capitals: "AKDT", "HST", "AEST", "EDT".
            let zone =
                (2..=5).contains(&w.len()) && w.ends_with('T') && w.chars().all(|c| c.is_ascii_uppercase());
            !(zone
                || time.chars().all(|c| c.is_ascii_digit() || c == ':')
                || matches!(
                    l.as_str(),
                    "created"
                        | "story"
                        | "published"
                        | "updated"
                        | "posted"
                        | "on"
                        | "at"
                        | "last"
                        | "modified"
                        | "date"
                        | "am"
                        | "pm"
                        | "gmt"
                        | "utc"
                        | "est"
                        | "cet"
                        | "msk"
                        | "et"
                        | "edt"
                        | "pt"
                        | "pdt"
                        | "pst"
                        | "ct"
                        | "cdt"
                        | "cst"
                        | "mt"
                        | "mdt"
                        | "mst"
                        | "bst"
                        | "cest"
                        | "eet"
                        | "eest"
                        | "ist"
                        | "jst"
                        | "aest"
                        | "aedt"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                ))
        })
        .count();
    (leftover == 0).then_some(first)
}

/// Two to four capitalised words, letters only, with no stop word: the shape of a name.
fn looks_like_person(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| is_capitalized(w) && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c)))
        && !ws.iter().any(|w| is_stop_word(&w.to_lowercase()))
}

/// Most words of a headline that ends with a period (see [`find_title`]).
const HEADLINE_WORDS: usize = 15;
/// A headline's share of function words is below this; running prose's is near one half.
const HEADLINE_STOP_SHARE: f64 = 0.45;

/// A headline ending with a period that a deck follows has a share of function words below
/// this ("Misinformation enters mainstream with Trump."): two short sentences of prose ("The
/// council met on Friday." and "It agreed on the budget.") are not a headline and its deck.
const DECKED_HEADLINE_STOP_SHARE: f64 = 0.3;

/// Most words of a headline's deck (see [`deck_of`]).
const DECK_WORDS: usize = 30;

/// The deck of a headline that opens the file and ends with a semicolon, as news archives
/// write the two (NYT, USA Today): the headline's block index is 0 and the deck is the block
/// right after it, one sentence of at most [`DECK_WORDS`] words.
fn deck_of(blocks: &[Block], labels: &[Label]) -> Option<usize> {
    let (head, deck) = (blocks.first()?, blocks.get(1)?);
    let headline = (3..=HEADLINE_WORDS).contains(&head.words)
        && head.text.trim_end().ends_with(';')
        && !head.text.contains("://")
        && labels[0] == Label::Undecided;
    let one_sentence = !deck.text.trim_end_matches('.').contains(". ");
    let shaped = (2..=DECK_WORDS).contains(&deck.words) && one_sentence && labels[1] == Label::Undecided;
    (headline && shaped).then_some(1)
}

/// The headline: a line near the top that the page repeats (banner, breadcrumb, teaser), or
/// the line that stands next to the date or byline, or a headline and its deck at the top of
/// the file. Marks its copies as repeated.
fn find_title(blocks: &[Block], labels: &mut [Label]) -> Option<String> {
    // The title stands above the story: a line that recurs only from the first paragraph of
    // prose on is the story's own (the question put to each person interviewed).
    let prose = (0..blocks.len()).find(|&i| {
        let b = &blocks[i];
        labels[i] == Label::Undecided && b.words >= 12 && b.terminal && b.stop_share >= 0.2
    });
    let head = blocks.len().min(HEAD_BLOCKS);
    // A date line ("Tuesday, August 7,2012" atop a blog post) is never the title.
    let candidate =
        |b: &Block| b.words >= 3 && b.words <= 30 && !b.text.ends_with('.') && date_line(&b.text).is_none();
    let mut best: Option<(usize, usize)> = None; // (repeats, index)
    for i in 0..head.min(prose.unwrap_or(head)) {
        let b = &blocks[i];
        if !candidate(b)
            || labels[i] != Label::Undecided && labels[i] != Label::Drop(RemovalReason::Navigation)
        {
            continue;
        }
        let repeats = blocks[..head]
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && (o.key == b.key || o.key.ends_with(&format!(" {}", b.key))))
            .count();
        if repeats > 0 && best.is_none_or(|(r, _)| repeats > r) {
            best = Some((repeats, i));
        }
    }
    let index = match best {
        Some((_, i)) => i,
        None => {
            // No repeat: the first headline-shaped line next to a date or byline line, which
            // may sit below a long menu; failing that, the line right above the story's first
            // prose when only a URL or a few words stand above it (a page saved without its site
            // around it).
            let headline = |i: usize| {
                candidate(&blocks[i])
                    && blocks[i].words >= 4
                    && !blocks[i].text.ends_with([':', ';', ','])
                    && !blocks[i].text.contains(['|', '»', '›'])
                    && !blocks[i].text.contains("://")
                    && !blocks[i].text.starts_with("www.")
            };
            (0..head_end(blocks, labels))
                .find(|&i| {
                    // A line of five words or more within two lines of a date or a byline;
                    // of four, right next to a date ("Klitschko retains belts" over "Updated:
                    // July 7,2012"; in a menu, two capitalised words look like a byline).
                    let dated = |j: usize| labels[j] == Label::Drop(RemovalReason::Metadata);
                    let near = i.saturating_sub(2)..(i + 3).min(blocks.len());
                    let next_to = i.saturating_sub(1)..(i + 2).min(blocks.len());
                    headline(i)
                        && labels[i] == Label::Undecided
                        && (blocks[i].words >= 5
                            && near
                                .into_iter()
                                .any(|j| j != i && (dated(j) || looks_like_person(&blocks[j].text)))
                            || next_to.into_iter().any(|j| j != i && dated(j)))
                })
                .or_else(|| {
                    // Right above the first prose, below nothing but a URL or a few words.
                    let i = prose?.checked_sub(1)?;
                    let above =
                        |b: &Block| b.words <= 3 || b.text.contains("://") || b.text.starts_with("www.");
                    (i < head && headline(i) && blocks[..i].iter().all(above)).then_some(i)
                })
                .or_else(|| deck_of(blocks, labels).map(|_| 0))
                .or_else(|| {
                    // A file that opens with its headline, then the story: some dumps end the
                    // headline with a period. One short sentence, with the story's first prose
                    // right below it, and nothing above it.
                    let first = blocks.first()?;
                    // One sentence by the splitter's reading ("All eggs in N.H. and Iowa
                    // baskets." is one).
                    let one_sentence = |text: &str| crate::text::sentences(text).len() == 1;
                    // Short, and sparing with function words as headlines are: a one-line
                    // lede ("The council met on Friday to agree the budget.") is neither.
                    let shaped = (3..=HEADLINE_WORDS).contains(&first.words)
                        && first.stop_share < HEADLINE_STOP_SHARE
                        && first.text.ends_with('.')
                        && !first.text.ends_with("..")
                        && one_sentence(&first.text)
                        && labels[0] == Label::Undecided
                        && !first.text.contains("://");
                    // The story's first prose comes next, after at most a section label of a
                    // word or two, however labelled ("ABSTRACT.", which the corpus repeats
                    // and drops) or a deck of one sentence ("Sources come in
                    // from fringe to help perpetuate questionable contentions.").
                    let prose_at = |j: usize| {
                        let b = &blocks[j];
                        labels[j] == Label::Undecided && b.words >= 12 && b.terminal && b.stop_share >= 0.2
                    };
                    let deck_at = |j: usize| {
                        let b = &blocks[j];
                        labels[j] == Label::Undecided
                            && (3..=DECK_WORDS).contains(&b.words)
                            && b.text.ends_with('.')
                            && one_sentence(&b.text)
                    };
                    let next_is_prose =
                        (1..blocks.len().min(3)).find(|&j| blocks[j].words > 2).is_some_and(|j| {
                            prose_at(j)
                                || first.stop_share < DECKED_HEADLINE_STOP_SHARE
                                    && deck_at(j)
                                    && j + 1 < blocks.len()
                                    && prose_at(j + 1)
                        });
                    (next_is_prose && shaped).then_some(0)
                })?
        }
    };
    // A headline that goes on in a deck ("Jobs report gives Democrats a lift;" then "Solid
    // upturn … could blunt Republican claims."): both lines, as the archive cites them.
    let title = match deck_of(blocks, labels).filter(|_| index == 0) {
        Some(deck) => format!("{} {}", blocks[0].text.trim_end(), blocks[deck].text.trim_end_matches('.')),
        None => blocks[index].text.clone(),
    };
    let key = blocks[index].key.clone();
    let mut seen_first = false;
    for (j, b) in blocks.iter().enumerate() {
        let same = b.key == key;
        let crumb = !same && b.key.ends_with(&format!(" {key}")) && b.words <= blocks[index].words + 6;
        if same && !seen_first {
            seen_first = true;
            labels[j] = Label::Drop(RemovalReason::Metadata);
        } else if same {
            labels[j] = Label::Drop(RemovalReason::Repeated);
        } else if crumb {
            labels[j] = Label::Drop(RemovalReason::Navigation);
        }
    }
    Some(title)
}

/// Exact repeats of an earlier block, and a teaser block that restates the title and the lead.
fn drop_repeats(blocks: &[Block], labels: &mut [Label], meta: &Metadata) {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, b) in blocks.iter().enumerate() {
        if b.key.is_empty() {
            continue;
        }
        if let Some(&first) = seen.get(b.key.as_str()) {
            if first != i && labels[i] == Label::Undecided {
                labels[i] = Label::Drop(RemovalReason::Repeated);
            }
        } else {
            seen.insert(&b.key, i);
        }
    }
    if let Some(title) = &meta.title {
        let t = title_key(title);
        for (i, b) in blocks.iter().enumerate() {
            if labels[i] == Label::Undecided && b.key.len() > t.len() && b.key.starts_with(&t) {
                labels[i] = Label::Drop(RemovalReason::Repeated);
            }
        }
    }
}

/// A line the story itself repeats is part of it: the question put to each person in a
/// round of interviews, the label under each item of a list ("See it now: Amazon"). It recurs
/// [`RECURRING`] times or more, inside the body, has three words or more ("Advert" has not), and
/// its first occurrence was kept; a title or teaser printed twice recurs less, or above the body.
fn keep_recurring_lines(blocks: &[Block], labels: &mut [Label]) {
    let body = || (0..blocks.len()).filter(|&i| labels[i] == Label::Body);
    let (Some(start), Some(end)) = (body().next(), body().next_back()) else { return };
    let repeats_inside = |i: usize| i > start && i < end && labels[i] == Label::Drop(RemovalReason::Repeated);
    // Most pages repeat nothing inside the story: no map for them.
    if !(0..blocks.len()).any(repeats_inside) {
        return;
    }
    let mut occurrences: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| !b.key.is_empty()) {
        occurrences.entry(b.key.as_str()).or_default().push(i);
    }
    for at in occurrences.values().filter(|at| at.len() >= RECURRING) {
        let first = labels[at[0]];
        if !matches!(first, Label::Body | Label::Heading) || at[0] < start || blocks[at[0]].words < 3 {
            continue;
        }
        for &i in &at[1..] {
            if i < end && labels[i] == Label::Drop(RemovalReason::Repeated) {
                labels[i] = first;
            }
        }
    }
}

/// How many times a line recurs in a story at least to be part of it (see
/// [`keep_recurring_lines`]).
const RECURRING: usize = 3;

/// The label of the last block before `i` that is kept, for passes that walk the blocks
/// forward and only relabel blocks from `i` on: it reads each label once, however many blocks
/// are dropped in a row (a scan back from each block cost a page of dropped lines its length
/// squared).
#[derive(Default)]
struct LastKept {
    read: usize,
    last: Option<Label>,
}

impl LastKept {
    fn before(&mut self, labels: &[Label], i: usize) -> Option<Label> {
        for label in &labels[self.read.min(i)..i] {
            if !matches!(label, Label::Drop(_)) {
                self.last = Some(*label);
            }
        }
        self.read = self.read.max(i);
        self.last
    }
}

/// A numbered list that follows running text ("1) …", "2) …", in order) is part of the body,
/// however short its items: listicles and step-by-step guides are written so.
fn keep_numbered_lists(blocks: &[Block], labels: &mut [Label]) {
    let number = |b: &Block| -> Option<u32> {
        let digits: String = b.text.chars().take_while(char::is_ascii_digit).collect();
        let rest = b.text.get(digits.len()..)?;
        let marked = rest.starts_with(") ") || rest.starts_with(". ");
        if marked && (1..=2).contains(&digits.len()) { digits.parse().ok() } else { None }
    };
    let mut last_kept = LastKept::default();
    let mut i = 0;
    while i < blocks.len() {
        if number(&blocks[i]) != Some(1) {
            i += 1;
            continue;
        }
        // The items 1, 2, 3 … in order; other blocks may sit between them (a link under each).
        let mut items = vec![i];
        let mut j = i + 1;
        while j < blocks.len() && j - items[items.len() - 1] <= 2 {
            if number(&blocks[j]) == Some(items.len() as u32 + 1) {
                items.push(j);
            }
            j += 1;
        }
        let after_text = last_kept.before(labels, i) == Some(Label::Body);
        if items.len() >= 3 && after_text {
            for &k in &items {
                if matches!(labels[k], Label::Undecided | Label::Drop(RemovalReason::Fragment)) {
                    labels[k] = Label::Body;
                }
            }
        }
        i = items[items.len() - 1] + 1;
    }
}

/// A table under running text (results, standings, prices: a run of short lines that each
/// name something and give numbers; a line-up or a cast list, one line of names) is part of
/// the body, though no line reads as a sentence.
fn keep_tables(blocks: &[Block], labels: &mut [Label]) {
    // A row names something and ends in a figure ("Leyton Orient 4 1 1 2 3 3 4", "Boroughmuir
    // 20 Hawick 23"), with few stop words: not a headline that starts with a number ("15
    // Amazing Images …") nor a count in brackets ("Akhlaq (47)").
    let row = |b: &Block| {
        let last = b.text.split_whitespace().next_back().unwrap_or("").trim_end_matches('.');
        let names = b.text.split_whitespace().any(|t| t.starts_with(char::is_uppercase));
        b.words <= 20 && b.stop_share < 0.25 && names && last.starts_with(|c: char| c.is_ascii_digit())
    };
    // A page that is only a table ("Results of Scottish league matches on Saturday:") keeps it.
    let no_body = !labels.iter().any(|l| matches!(l, Label::Body));
    let mut last_kept = LastKept::default();
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len() && labels[j] == Label::Drop(RemovalReason::Fragment) && row(&blocks[j]) {
            j += 1;
        }
        let after_text = matches!(last_kept.before(labels, i), Some(Label::Body | Label::Heading));
        let roster = || labels[i] == Label::Drop(RemovalReason::Fragment) && is_roster(&blocks[i].text);
        if (j - i >= TABLE_ROWS || j == i && roster()) && (after_text || no_body) {
            labels[i..j.max(i + 1)].fill(Label::Body);
        }
        i = j.max(i + 1);
    }
}

/// A table flattened one cell to a line ("Pos." / "Driver" / "1" / "Kyle Busch" / "5040" / …)
/// under running text is part of the body: a long run of blocks of a few words each, many of
/// them numbers (one in three). Cells repeat, on the page and across the corpus ("0", "1"), and some read as
/// sentences ("Martin Truex Jr."), so those count as cells too; the run ends at its last
/// number, so the menu that may follow it does not join it.
fn keep_cell_tables(blocks: &[Block], labels: &mut [Label]) {
    let number = |b: &Block| {
        b.text.chars().any(|c| c.is_ascii_digit())
            && b.text.chars().all(|c| c.is_ascii_digit() || ".,:%+-–/ ".contains(c))
    };
    let cell = |labels: &[Label], i: usize| {
        blocks[i].words <= CELL_WORDS
            && matches!(
                labels[i],
                Label::Body
                    | Label::Drop(
                        RemovalReason::Fragment | RemovalReason::Repeated | RemovalReason::CorpusRepeated
                    )
            )
    };
    let mut last_kept = LastKept::default();
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len() && cell(labels, j) {
            j += 1;
        }
        let end = (i..j).rev().find(|&k| number(&blocks[k])).map_or(i, |k| k + 1);
        let numbers = (i..end).filter(|&k| number(&blocks[k])).count();
        let after_text = matches!(last_kept.before(labels, i), Some(Label::Body | Label::Heading));
        if end - i >= TABLE_CELLS && 3 * numbers >= end - i && after_text {
            labels[i..end].fill(Label::Body);
        }
        i = j.max(i + 1);
    }
}

/// Words a cell of a flattened table has at most (see [`keep_cell_tables`]).
const CELL_WORDS: usize = 4;

/// Cells from which a run of them is a table: three rows of four.
const TABLE_CELLS: usize = 12;

/// Whether a line lists names: after an optional label ("Austria :"), at least
/// [`ROSTER_NAMES`] items between commas or semicolons, four in five of them one to four
/// capitalised words once shirt numbers, bracketed notes and trailing figures are set aside
/// ("Mexico - 1 - Osvaldo Sanchez ( 12 - Alfonso Rios 78th ) ; 13 - Pavel Pardo , …").
fn is_roster(text: &str) -> bool {
    let list = match text.split_once(':') {
        Some((label, rest)) if label.len() <= 40 && !label.contains(',') => rest,
        _ => text,
    };
    // Lower-case particles of names ("Danie van Schalkwyk").
    let particle = |w: &str| matches!(w, "van" | "de" | "der" | "da" | "von" | "al" | "bin" | "le" | "la");
    let mut items = 0;
    let mut names = 0;
    for item in list.split([',', ';']) {
        // Bracketed notes ("( captain )", "( 12 - Alfonso Rios 78th )") are set aside.
        let mut bare = String::with_capacity(item.len());
        let mut depth = 0usize;
        for c in item.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        let words: Vec<&str> = bare
            .split_whitespace()
            .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()) && *w != "-" && *w != ".")
            .collect();
        if words.is_empty() {
            continue;
        }
        items += 1;
        if words.len() <= 4 && words.iter().all(|w| is_capitalized(w) || particle(w)) {
            names += 1;
        }
    }
    // Not "Tags: …" or "Follow us on …".
    items >= ROSTER_NAMES && names * 5 >= items * 4 && !SOCIAL.is_match(text)
}

/// Names from which a line that lists them is a roster (see [`is_roster`]).
const ROSTER_NAMES: usize = 5;

/// Rows from which a run of short lines with numbers is a table.
const TABLE_ROWS: usize = 3;

/// jusText-style: long prose blocks are body; the body spans from the first to the last of
/// them; short blocks inside it stay when they read as a sentence or a subheading.
fn classify_body(blocks: &[Block], labels: &mut [Label]) {
    // English stop words say nothing about a page in another language: there, length and a
    // sentence end decide.
    let long: Vec<f64> = blocks.iter().filter(|b| b.words >= 12).map(|b| b.stop_share).collect();
    let english = long.is_empty() || long.iter().sum::<f64>() / long.len() as f64 >= 0.12;
    let prose = |b: &Block| {
        if english {
            // A long line cut off mid-sentence is a teaser of another story, not body text.
            (b.words >= 12 && b.stop_share >= 0.2 && (b.terminal || b.words >= 40))
                || (b.words >= 7 && b.terminal && b.stop_share >= 0.25)
        } else {
            // A long run of words with no punctuation at all is a tag cloud, not prose.
            let punctuated = || b.text.contains(['.', ',', ';', ':', '!', '?', '。', '،', '、']);
            (b.words >= 12 && b.terminal) || b.words >= 25 && punctuated()
        }
    };
    let mut undecided: Vec<usize> = (0..blocks.len()).filter(|&i| labels[i] == Label::Undecided).collect();
    let mut good: Vec<usize> = undecided.iter().copied().filter(|&i| prose(&blocks[i])).collect();
    if let [dek, second, ..] = good[..]
        && is_dek(blocks, labels, dek, second)
    {
        labels[dek] = Label::Drop(RemovalReason::Teaser);
        good.remove(0);
        undecided.retain(|&i| i != dek);
    }
    let (Some(&first), Some(&last)) = (good.first(), good.last()) else {
        // No prose at all: keep what has sentence shape, drop the rest.
        for i in undecided {
            let b = &blocks[i];
            labels[i] =
                if b.terminal && b.words >= 5 { Label::Body } else { Label::Drop(RemovalReason::Fragment) };
        }
        return;
    };
    // The standfirst right above the story, and the lines of a lead that the page broke
    // before its sentences ended: sentence case, with stop words, up to the story with nothing
    // else between.
    let sentence_case =
        |b: &Block| english && b.words >= 8 && b.stop_share >= 0.25 && 2 * b.capitals() <= b.words;
    let lead_in: Vec<usize> = undecided
        .iter()
        .rev()
        .filter(|&&i| i < first)
        .take_while(|&&i| sentence_case(&blocks[i]))
        .copied()
        .collect();
    for &i in &undecided {
        let b = &blocks[i];
        if i > 0 && matches!(labels[i - 1], Label::Body) && signs_quote(&blocks[i - 1].text, &b.text) {
            labels[i] = Label::Body;
            continue;
        }
        // The text under a heading may open with a short sentence ("An example is Kazakhstan.").
        let mut next_good =
            (i + 1..blocks.len()).filter(|&j| labels[j] == Label::Undecided || labels[j] == Label::Body);
        let (next, then) = (next_good.next(), next_good.next());
        // "Stated Stone:" over a paragraph that is the quote it introduces.
        let introduces_quote = b.text.ends_with(':')
            && b.words <= 20
            && blocks.get(i + 1).is_some_and(|n| n.text.starts_with(crate::text::is_quote_opener));
        if introduces_quote && (first..=last).contains(&i) {
            labels[i] = Label::Body;
            continue;
        }
        let heading_shape = !b.terminal
            && b.words <= 20
            && is_capitalized(&b.text)
            && (next.is_some_and(|j| prose(&blocks[j]))
                || b.words >= 6
                    && b.stop_share >= 0.2
                    && next.is_some_and(|j| {
                        blocks[j].terminal && blocks[j].words >= 3 && blocks[j].stop_share > 0.0
                    })
                    && then.is_some_and(|j| prose(&blocks[j])));
        labels[i] = if prose(b) {
            if !b.terminal && b.words <= 20 { Label::Heading } else { Label::Body }
        } else if i < first {
            // Above the body: a lead or teaser sentence stays (a long one that reports, however
            // many names it packs), menus and banners go.
            let reports = b.words >= 20 && REPORTS.is_match(&b.text);
            let above_story =
                labels[i + 1..first].iter().all(|l| *l == Label::Undecided || *l == Label::Body);
            if lead_in.contains(&i)
                || above_story && b.terminal && b.words >= 5 && (b.stop_share >= 0.2 || reports || !english)
            {
                Label::Body
            } else {
                Label::Drop(RemovalReason::Navigation)
            }
        } else if i > last {
            // Below the last long paragraph, the body runs on through the sentences that
            // directly follow it ("Garcia finished second in the 50 yard freestyle."); the
            // first block that is no sentence, or was removed, ends it.
            let runs_on = matches!(labels[i - 1], Label::Body | Label::Heading);
            if runs_on && b.terminal && b.words >= 3 {
                Label::Body
            } else {
                Label::Drop(RemovalReason::Fragment)
            }
        } else if heading_shape {
            Label::Heading
        } else if b.terminal && b.words >= 3 || enumerates(b) {
            Label::Body
        } else {
            Label::Drop(RemovalReason::Fragment)
        };
    }
}

/// Whether a block inside the body lists things, though it is no sentence: the ingredients of
/// a dish ("Asparagus and Eggs [1 cup asparagus, 2 poached eggs, ½ cup sweet potato, …]"), the
/// items of a kit. A list of names is a tag line or another story's teaser ("… tagged Consider
/// This, Jessie Buckley, Mary Steenburgen"): at most one word in three is capitalised.
fn enumerates(b: &Block) -> bool {
    b.words >= 12 && b.text.matches(',').count() >= 3 && 3 * b.capitals() <= b.words
}

/// Whether the first paragraph of prose, `dek`, is the standfirst under the title that sums
/// the story up, not its lead: a sentence or two, set apart from the story (`second`, the next
/// paragraph of prose) by the byline or the date line, with no dated line right above it.
fn is_dek(blocks: &[Block], labels: &[Label], dek: usize, second: usize) -> bool {
    let metadata = |j: &usize| labels[*j] == Label::Drop(RemovalReason::Metadata);
    let dated = |j: usize| find_dates(&blocks[j].text).iter().any(|m| matches!(m.kind, DateKind::Full(_)));
    blocks[dek].words <= DEK_WORDS
        && (dek + 1..second).any(|j| metadata(&j))
        && !(dek.saturating_sub(DEK_DATE_ABOVE)..dek).filter(metadata).any(dated)
}

/// Words a standfirst has at most (see [`is_dek`]).
const DEK_WORDS: usize = 45;

/// Blocks above the first paragraph where a date line makes it the story's lead (see
/// [`is_dek`]): a site's header may give today's date far above.
const DEK_DATE_ABOVE: usize = 4;

/// Whether `line` signs the quote that ends the paragraph before it, as a quotations column
/// does: "“…”" / "- Ann Lee, Philadelphia.".
fn signs_quote(before: &str, line: &str) -> bool {
    let Some(signature) = line.strip_prefix(['-', '–', '—']) else { return false };
    before.trim_end().trim_end_matches(['.', ',']).ends_with(['”', '"', '»'])
        && is_capitalized(signature.trim_start())
        && signature.split_whitespace().count() <= 6
}

/// Once the body has begun, a comment-section or copyright line ends the article: everything
/// after it goes, however much it reads like prose (comments and teasers of other stories do).
/// A "Most popular" list ends it too, unless more running text follows it than came before:
/// then it is a sidebar, and only the list's headlines go. A "©" line under a caption that
/// gives no year and reserves no rights ends nothing: it is the photo's credit ("© Mikhail
/// Metzel/dpa"), not the page's footer.
fn cut_after_end(blocks: &[Block], labels: &mut [Label]) {
    let mut body_words = 0;
    let mut cut = None;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        // A marker may read as a sentence ("Want more stories like this?"), but a short one.
        let body = matches!(labels[i], Label::Body);
        if body_words >= 60
            && b.words <= if body { 6 } else { 12 }
            && END_MARKER.is_match(&b.text)
            && !(credit_without_year(&b.text)
                && i > 0
                && labels[i - 1] == Label::Drop(RemovalReason::Caption))
        {
            cut = Some(i);
            break;
        } else if body {
            body_words += b.words;
        } else if b.words <= 6 && LIST_MARKER.is_match(&b.text) {
            let after: usize = (i + 1..blocks.len())
                .filter(|&j| matches!(labels[j], Label::Body))
                .map(|j| blocks[j].words)
                .sum();
            if body_words >= 60 && body_words >= after {
                cut = Some(i);
                break;
            }
            // A sidebar: the marker and the headlines under it (short lines, or lines that do
            // not end a sentence) go; the first paragraph of running text ends the list.
            labels[i] = Label::Drop(RemovalReason::Navigation);
            while i + 1 < blocks.len() && (!blocks[i + 1].terminal || blocks[i + 1].words <= 8) {
                i += 1;
                if !matches!(labels[i], Label::Drop(_)) {
                    labels[i] = Label::Drop(RemovalReason::Navigation);
                }
            }
        }
        i += 1;
    }
    let Some(cut) = cut else { return };
    for label in &mut labels[cut..] {
        if matches!(label, Label::Body | Label::Heading | Label::Drop(RemovalReason::Fragment)) {
            *label = Label::Drop(RemovalReason::Trailing);
        }
    }
}

/// A heading with no text under it ends nothing: the last kept blocks, while they are
/// headings, are what follows the article ("Digest of the author's views every Tuesday").
fn drop_trailing_headings(labels: &mut [Label]) {
    for label in labels.iter_mut().rev() {
        match label {
            Label::Heading => *label = Label::Drop(RemovalReason::Trailing),
            Label::Body => return,
            _ => {}
        }
    }
}

/// "X is a journalist…": the author's bio, where X is the byline; or, among the last three
/// paragraphs, anyone introduced by a trade of the newsroom ("Meg James is a corporate media
/// reporter for …", "Molly Wood (@mollywood) is an Ideas contributor at …").
fn drop_author_bio(blocks: &[Block], labels: &mut [Label], meta: &Metadata) {
    let by_author = |text: &str| {
        meta.author.as_ref().is_some_and(|author| {
            text.strip_prefix(author.as_str())
                .is_some_and(|rest| rest.starts_with(" is ") || rest.starts_with(" was "))
        })
    };
    let body: Vec<usize> = (0..blocks.len()).filter(|&i| matches!(labels[i], Label::Body)).collect();
    let last_three = &body[body.len().saturating_sub(3)..];
    for &i in &body {
        let b = &blocks[i];
        if b.words <= 80 && (by_author(&b.text) || last_three.contains(&i) && BIO.is_match(&b.text)) {
            labels[i] = Label::Drop(RemovalReason::Disclaimer);
        }
    }
}

/// A name, perhaps a handle, then a trade of the newsroom in the same sentence.
static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*\(@\w+\))?\s+(?:is|was|has been)\s+[^.]{0,120}?\b(?:reporter|writer|editor|correspondent|contributor|columnist|journalist|author|producer|anchor)\b")
        .expect("bio pattern")
});

/// The hashed key of every non-empty line of a text, in order (what corpus repetition is
/// counted on).
pub(crate) fn line_keys(text: &str) -> Vec<u64> {
    text.lines()
        .map(|l| key_of(&normalize(l)))
        .filter(|k| !k.is_empty())
        .map(|k| xxh3_64(k.as_bytes()))
        .collect()
}

/// Lines that recur in several articles with different neighbours: site furniture. Syndicated
/// copies share lines too, but with the same neighbours, so they do not count.
pub fn corpus_boilerplate(articles: &[Article], min_articles: usize) -> HashSet<u64> {
    let keys: Vec<Vec<u64>> = articles.par_iter().map(|a| line_keys(&a.text)).collect();
    repeated_lines(&keys, min_articles)
}

/// [`corpus_boilerplate`] from the articles' [`line_keys`].
fn repeated_lines(per_article_keys: &[Vec<u64>], min_articles: usize) -> HashSet<u64> {
    if per_article_keys.len() < min_articles.max(2) {
        return HashSet::new();
    }
    let per_article: Vec<Vec<(u64, u64)>> = per_article_keys
        .par_iter()
        .map(|keys| {
            let mut pairs: Vec<(u64, u64)> = (0..keys.len())
                .map(|i| {
                    let prev = if i > 0 { keys[i - 1] } else { 0 };
                    let next = keys.get(i + 1).copied().unwrap_or(0);
                    (keys[i], prev.rotate_left(1) ^ next)
                })
                .collect();
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        })
        .collect();
    let mut contexts: HashMap<u64, HashSet<u64>> = HashMap::new();
    let mut articles_with: HashMap<u64, usize> = HashMap::new();
    for pairs in &per_article {
        let mut last = None;
        for &(line, context) in pairs {
            contexts.entry(line).or_default().insert(context);
            if last != Some(line) {
                *articles_with.entry(line).or_default() += 1;
                last = Some(line);
            }
        }
    }
    contexts
        .into_iter()
        .filter(|(line, ctx)| ctx.len() >= min_articles && articles_with[line] >= min_articles)
        .map(|(line, _)| line)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(text: &str) -> Cleaned {
        let empty = HashSet::new();
        clean_text(text, &Rules { extra: &[], corpus_lines: &empty, enabled: true })
    }

    /// The texts of the paragraphs kept.
    fn kept(c: &Cleaned) -> Vec<&str> {
        c.paragraphs.iter().map(|p| p.text.as_str()).collect()
    }

    const PAGE: &str = "Home » World » The Council Meets Again\n\nThe Council Meets Again\n\n20 May 2022\n\n\
        By: Jane Roe\n\nThe council met on Friday in the capital to discuss the budget, and the ministers agreed on most of the items.\n\n\
        “We are not going to raise taxes this year,” the finance minister told\nReuters\n.\n\n\
        A new section\n\nThe debate went on late into the night, and several members of the opposition walked out of the chamber.\n\n\
        Photo: a minister © Jane Doe/AFP\n\nShare this post\n\nShare on facebook\n\nLeave a Comment\n";

    #[test]
    fn the_date_and_byline_below_a_long_menu_are_metadata() {
        let menu: String = (1..=40).map(|i| format!("Section {i}\n\n")).collect();
        let lead = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
        let page = format!(
            "{menu}The Council Meets Again\n\nNov. 18, 2019 7:04 pm ET\n\nJane Roe\n\n{lead}\n\n\
             The debate went on late into the night, and several members of the opposition walked out.\n"
        );
        let c = clean(&page);
        assert_eq!(c.meta.date, Some(Day::ymd(2019, 11, 18)));
        assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
        let texts = kept(&c);
        assert!(!texts.iter().any(|t| t.contains("7:04") || *t == "Jane Roe"), "{texts:#?}");
        assert_eq!(texts[0], lead, "{texts:#?}");

        // With no title to stand under, the name stands by the date.
        let c = clean(&format!("{menu}Jane Roe\n\nNov. 18, 2019 7:04 pm ET\n\n{lead}\n"));
        assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
        assert_eq!(kept(&c), [lead]);

        let c = clean(&format!("{menu}By Troy L. Smith, Cleveland.com\n\n{lead}\n"));
        assert_eq!(c.meta.author.as_deref(), Some("Troy L. Smith"));
        assert_eq!(kept(&c), [lead]);
    }

    #[test]
    fn keeps_body_and_reads_metadata() {
        let c = clean(PAGE);
        assert_eq!(c.meta.title.as_deref(), Some("The Council Meets Again"));
        assert_eq!(c.meta.date, Some(Day::ymd(2022, 5, 20)));
        assert_eq!(c.meta.author.as_deref(), Some("Jane Roe"));
        let texts: Vec<&str> = c.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts.len(), 4, "{texts:#?}");
        assert!(texts[1].ends_with("the finance minister told Reuters."), "{texts:#?}");
        assert_eq!(c.paragraphs[1].lines, [11, 13]);
        assert!(c.paragraphs[2].heading);
    }

    #[test]
    fn a_photo_credit_mid_story_does_not_end_it_but_a_footer_does() {
        let para = |n: usize| {
            format!(
                "The council met on Friday in the capital to discuss the budget, and the ministers agreed on item {n}."
            )
        };
        let caption = "Close allies: the two presidents shake hands at a meeting.";
        let page = |before: usize, between: &[&str], after: usize| {
            let mut blocks: Vec<String> = (1..=before).map(para).collect();
            blocks.extend(between.iter().map(|b| b.to_string()));
            blocks.extend((before + 1..=before + after).map(para));
            blocks.join("\n\n")
        };
        // Under a caption, a credit with no year is the photo's.
        let c = clean(&page(4, &[caption, "© Mikhail Metzel/dpa"], 2));
        assert_eq!(kept(&c).len(), 6, "{:#?}", kept(&c));
        // A footer gives the year or reserves the rights: what follows is not the story.
        for footer in ["© 2019 The Daily Planet", "© The Daily Planet. All rights reserved."] {
            let c = clean(&page(4, &[caption, footer], 5));
            assert_eq!(kept(&c).len(), 4, "{footer}: {:#?}", kept(&c));
        }
    }

    #[test]
    fn a_subheading_over_a_short_sentence_stays_apart_from_it() {
        let lead = "Even if most summit participants support the plan, the president could also encounter critical voices there.";
        let heading =
            "Kazakhstan is on a confrontational course with the council: the plan is not recognized";
        let split = "De facto, this is not a war of two states but a war of three, said Ann Lee of the Council on Foreign Relations (CFR)";
        let page = format!(
            "{lead}\n\n{heading}\n\nAn example is Kazakhstan.\n\n\
             The country's president caused a stir a few days ago with critical statements that are rarely heard outside.\n\n\
             {split}\n\ntold Tagesspiegel\n\n.\n\n{lead}\n"
        );
        let c = clean(&page);
        let texts = kept(&c);
        assert_eq!(texts[1], heading, "{texts:#?}");
        assert!(c.paragraphs[1].heading);
        assert_eq!(texts[2], "An example is Kazakhstan.", "{texts:#?}");
        assert_eq!(texts[4], format!("{split} told Tagesspiegel."), "{texts:#?}");
    }

    #[test]
    fn a_headline_between_a_url_and_the_story_is_the_title_and_a_url_never_is() {
        let body = "The coach said the team had trained twice a day since August and would now aim for the national title.";
        let page = format!(
            "http://www.example.com/sport/2024/03/05/team-aims-for-title\n\nTeam aims for the national title\n\n{body}\n\n{body} Again.\n"
        );
        let c = clean(&page);
        assert_eq!(c.meta.title.as_deref(), Some("Team aims for the national title"));
        assert!(!kept(&c).iter().any(|p| p.contains("http")));
        // With the story right under the URL, there is no title at all.
        let c =
            clean(&format!("http://www.example.com/sport/team-aims-for-title\n\n{body}\n\n{body} Again.\n"));
        assert_eq!(c.meta.title, None);
        // A headline under another one above the story is a line of the page, not its title.
        let c = clean(&format!(
            "Sport\n\nFootball news and more from the league\n\nTeam aims for the national title\n\n{body}\n"
        ));
        assert_eq!(c.meta.title, None, "{:?}", kept(&c));
    }

    #[test]
    fn a_dateline_printed_without_a_space_or_in_capitals_dates_the_page_and_marks_its_headline() {
        let body = "The swimming champion turned actress died in her sleep on Thursday, her publicist said.";
        for (above, below) in [("June 06,2013", ""), ("", "JUNE 6,2013 11:34PM")] {
            let page = format!(
                "http://www.example.com/video/52126262\n\n{above}\n\nSwimming star dies at 91\n\n{below}\n\n{body}\n\n{body} Again.\n"
            );
            let c = clean(&page);
            assert_eq!(c.meta.title.as_deref(), Some("Swimming star dies at 91"), "{page}");
            assert_eq!(c.meta.date.map(|d| d.to_string()).as_deref(), Some("2013-06-06"), "{page}");
        }
        // A line of four words right above a date line that gives two dates.
        let page = format!(
            "http://www.example.com/boxing/8139047\n\nChampion retains his belts\n\non July 7,2012 at 4:31 AM, updated July 7,2012 at 10:04 PM\n\n{body}\n\n{body} Again.\n"
        );
        let c = clean(&page);
        assert_eq!(c.meta.title.as_deref(), Some("Champion retains his belts"));
        assert_eq!(c.meta.date.map(|d| d.to_string()).as_deref(), Some("2012-07-07"));
        // A time zone in capitals, and a date line that the page repeats, which is no title.
        let page = format!(
            "Overnight fire destroys the old dairy building\n\nStory Created: Aug 7,2012 at 9:56 AM AKDT\n\n{body}\n\n{body} Again.\n"
        );
        let c = clean(&page);
        assert_eq!(c.meta.title.as_deref(), Some("Overnight fire destroys the old dairy building"));
        assert_eq!(c.meta.date.map(|d| d.to_string()).as_deref(), Some("2012-08-07"));
        let page = format!("Tuesday, August 7,2012\n\nTuesday, August 7,2012\n\n{body}\n\n{body} Again.\n");
        assert_eq!(clean(&page).meta.title, None);
        // Four words beside two capitalised words in a menu are not a headline.
        let menu = format!(
            "Pensions\n\nPersonal banking and insurance\n\nSchroders Talk\n\nSport\n\n{body}\n\n{body} Again.\n"
        );
        assert_eq!(clean(&menu).meta.title, None);
    }

    #[test]
    fn the_standfirst_above_the_story_is_its_lead() {
        let standfirst = "Perhaps the president is the last remaining ally of the council in the region";
        let body = "At the May 16 summit in the capital, the president was the only leader to call on the bloc to join forces.";
        let page = format!("Will The President Stay Loyal?\n\n{standfirst}\n\n{body}\n\n{body} Again.\n");
        let texts = kept(&clean(&page)).join("\n");
        assert!(texts.contains(&format!("{standfirst}\n{body}")), "{texts}");
        // A headline in title case is not one.
        let headline = "Tim Cook On Apple Being Pulled Into The Enterprise Market Again";
        let page = format!("{headline}\n\n{body}\n\n{body} Again.\n");
        assert!(!kept(&clean(&page)).contains(&headline));
        // A lead the page broke into lines before its sentences ended is kept whole.
        let broken = [
            "Chelsea have this morning paid the fee to the Spanish league to secure the signing of the keeper",
            "This has freed the move of Thibaut Courtois to Real Madrid",
        ];
        let page = format!("{headline}\n\n{}\n\n{}\n\n{body}\n\n{body} Again.\n", broken[0], broken[1]);
        assert_eq!(kept(&clean(&page))[..2], broken);
    }

    #[test]
    fn a_standfirst_set_apart_by_the_byline_is_a_teaser() {
        let dek = "The deal comes on top of five sales earlier this week, and it cuts an older order for a larger model.";
        let lead = "The carrier finalized a deal to purchase 30 of the jets, executives of both companies announced on Wednesday.";
        let more = "The order replaces part of an earlier one for a larger model, which has been delayed by problems with its engines.";
        let page =
            format!("The Carrier Buys Jets\n\n{dek}\n\nBy Jane Roe\n\nNov. 18, 2019\n\n{lead}\n\n{more}\n");
        let c = clean(&page);
        assert_eq!(kept(&c), [lead, more]);
        assert!(c.removed.iter().any(|r| r.text == dek && r.reason == RemovalReason::Teaser));
        // Under the date line, the first paragraph is the story's.
        let page =
            format!("The Carrier Buys Jets\n\nNov. 18, 2019\n\n{dek}\n\nBy Jane Roe\n\n{lead}\n\n{more}\n");
        assert_eq!(kept(&clean(&page)), [dek, lead, more]);
        // Today's date in the site's header, far above, says nothing of it.
        let header = "November 20, 2019\n\nWorld\n\nBusiness\n\nMarkets\n\nTech\n\nOpinion";
        let page = format!(
            "{header}\n\nThe Carrier Buys Jets\n\n{dek}\n\nBy Jane Roe\n\nNov. 18, 2019\n\n{lead}\n\n{more}\n"
        );
        assert_eq!(kept(&clean(&page)), [lead, more]);
        // A byline spread over lines may push the date line well below the standfirst.
        let byline =
            "By\n\nJane Roe\n\nThe Carrier Times\n\nBiographyJane Roe\n\n@janeroe\n\njane.roe@example.com";
        let menu: String = (1..=30).map(|i| format!("Section {i}\n\n")).collect();
        let page = format!(
            "{menu}The Carrier Buys Jets\n\n{dek}\n\n{byline}\n\nNov. 18, 2019 8:03 am ET\n\n{lead}\n\n{}",
            [more; 8].join("\n\n")
        );
        let c = clean(&page);
        assert_eq!(c.meta.date, Some(Day::ymd(2019, 11, 18)));
        assert_eq!(kept(&c)[..2], [lead, more]);
    }

    #[test]
    fn a_sentence_above_the_story_stays_only_next_to_it() {
        let lead = "The carrier finalized a deal to purchase 30 of the jets, executives of both companies announced on Wednesday.";
        let more = "The order replaces part of an earlier one for a larger model, which has been delayed by problems with its engines.";
        let other = "Is the new runway ready now?";
        let page = format!(
            "The Carrier Buys Jets\n\nThe Carrier Buys Jets\n\n{other}\n\nShare this article\n\n{lead}\n\n{more}\n"
        );
        assert_eq!(kept(&clean(&page)), [lead, more]);
        let page = format!("The Carrier Buys Jets\n\nThe Carrier Buys Jets\n\n{other}\n\n{lead}\n\n{more}\n");
        assert_eq!(kept(&clean(&page)), [other, lead, more]);
    }

    #[test]
    fn a_table_flattened_one_cell_to_a_line_is_body() {
        let body = "The final standings of the series after 36 races, with the points each driver scored this season:";
        let mut rows = ["Pos.", "Driver", "Points", "Wins"].join("\n\n");
        for (pos, name, points, wins) in [
            (1, "Kyle Busch", 5040, 5),
            (2, "Martin Truex Jr.", 5035, 7),
            (3, "Ann Lee", 5033, 4),
            (4, "Joey Logano", 2380, 1),
        ] {
            rows.push_str(&format!("\n\n{pos}\n\n{name}\n\n{points}\n\n{wins}"));
        }
        let menu = "Home\n\nNews\n\nSport";
        let c = clean(&format!("{body}\n\n{rows}\n\n{menu}\n"));
        let texts = kept(&c);
        assert_eq!(texts.len(), 1 + 4 + 16, "{texts:#?}");
        assert!(texts.contains(&"5040") && texts.contains(&"Kyle Busch") && !texts.contains(&"Sport"));
        // Three rows of a quote table, its changes signed.
        let quotes = "Ticker\n\nSecurity\n\nLast\n\nChange\n\nHD\n\nTHE HOME DEPOT INC.\n\n225.86\n\n-12.99\n\nLOW\n\nLOWE'S COMPANIES INC.\n\n113.40\n\n-1.62";
        let c = clean(&format!("{body}\n\n{quotes}\n\n{menu}\n"));
        assert_eq!(kept(&c).len(), 1 + 12, "{:#?}", kept(&c));
        // A list of short links under the text is no table.
        let links = ["Home", "World", "Sport", "Business", "Science", "Culture", "Travel", "Weather"]
            .repeat(2)
            .join("\n\n");
        assert_eq!(kept(&clean(&format!("{body}\n\n{links}\n"))), [body]);
    }

    #[test]
    fn a_list_inside_the_body_is_body_and_a_tag_line_is_not() {
        let intro = "This meal plan works for both programs, so there is no need to work out a new one when you finish the first.";
        let dish = "Beef and Peppers [4 oz. ground beef, 1 cup sweet peppers, 10 olives, 1 Tbsp. cilantro or green onions]";
        let tags = "This Article is related to: Awards and tagged Consider This, Jessie Buckley, Mary Steenburgen, Wild Rose";
        let end = "Drink plenty of water through the day, and eat the last meal at least two hours before you go to bed.";
        let c = clean(&format!(
            "Meal Prep for the Week\n\n{intro}\n\n{dish}\n\n{tags}\n\n{}\n\n{end}\n",
            dish.replace("Beef", "Lamb")
        ));
        assert_eq!(kept(&c)[..2], [intro, dish]);
        assert!(!kept(&c).contains(&tags));
    }

    #[test]
    fn a_headline_in_capitals_inside_the_story_goes() {
        let body = "The retailer earned $2.8 billion in the third quarter, as revenue rose 3.5 percent to $27.2 billion.";
        let heading = "WHAT THE COMPANY EXPECTS FOR THE YEAR";
        let more = "Comparable sales rose 3.6 percent, missing the 4.8 percent gain that analysts surveyed had expected.";
        let video = "CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM";
        let end = "The shares are up 39 percent this year, while the broader market is up 24.5 percent over the same time.";
        let c =
            clean(&format!("The Retailer Reports\n\n{body}\n\n{heading}\n\n{more}\n\n{video}\n\n{end}\n"));
        assert_eq!(kept(&c), [body, heading, more, end]);
        // A script without capitals does not shout.
        let korean = "엔터미디어 KBS 예능국의 아침마당 접수한 유재석, 그가 뜨는 이유는 무엇인가 하는 질문에 대한 답이다";
        assert!(!shouts(&Block::new(korean.to_string(), [1, 1])));
    }

    #[test]
    fn a_line_the_story_repeats_is_part_of_it() {
        let intro = "We asked five of the city's food bloggers the same questions about their work and their kitchens.";
        let question = "What inspired you to start your page?";
        let answer = "My grandmother cooked for the whole street every Sunday, and I wanted to keep her recipes alive.";
        let page: String =
            (1..=4).map(|i| format!("{question}\n\nAdvert\n\n{answer} Blogger {i}.\n\n")).collect::<String>();
        let c = clean(&format!("The City's Food Bloggers\n\n{intro}\n\n{page}"));
        let texts = kept(&c);
        assert_eq!(texts.iter().filter(|t| **t == question).count(), 4, "{texts:#?} {:#?}", c.removed);
        assert!(!texts.contains(&"Advert"));
        // A title printed twice is dropped the second time.
        let title = "Bloggers of the city talk about their kitchens";
        let c = clean(&format!("{title}\n\n{intro}\n\n{title}\n\n{answer}\n\n{title}\n\n{answer} Again.\n"));
        assert!(!kept(&c).contains(&title), "{:#?}", kept(&c));
    }

    #[test]
    fn a_quote_keeps_its_signature_line() {
        let page = "The Quotes Of The Week\n\n\
            The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.\n\n\
            “The idea that I would cut health care in this state while we wait for a new law is just not accurate at all.”\n\n\
            - Ann Lee.\n\n\
            - Share this\n";
        let c = clean(page);
        assert_eq!(kept(&c).last(), Some(&"- Ann Lee."), "{:#?}", kept(&c));
    }

    #[test]
    fn a_heading_with_no_text_under_it_goes() {
        let page = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.\n\n\
            The vote on the new law is due in the spring, and the council expects it to pass by a wide margin.\n\n\
            The opposition says that it will take the law to the courts if it passes, and that it has the votes to win there.\n\n\
            Subscribe to the daily newsletter\n\n\
            Digest of the author’s views on the most pressing issues Every Tuesday\n\n\
            Leave a Comment\n\n\
            This site uses a filter to reduce spam. Learn how your comment data is processed.\n";
        let c = clean(page);
        assert_eq!(kept(&c).len(), 3, "{:#?}", kept(&c));
    }

    #[test]
    fn calls_to_the_reader_go_however_long() {
        let body = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.";
        let prompts = [
            "There is plenty more where that came from. Sign up for The Morning Bell today to get the free daily newsletter delivered to your inbox.",
            "As you comment, please be respectful of other commenters and other viewpoints, and keep the conversation civil and on topic.",
            "Utilizziamo i cookie per essere sicuri che tu possa avere la migliore esperienza sul nostro sito web.",
            "Ann Lee's book about the search for life, out now, is a good read. Follow her on Twitter and join our Space Forums.",
        ];
        let page = format!("{body}\n\n{}\n\n{body} Again.\n", prompts.join("\n\n"));
        let c = clean(&page);
        for p in prompts {
            assert!(
                c.removed.iter().any(|r| r.text == p && r.reason == RemovalReason::Social),
                "{p}: {:#?}",
                kept(&c)
            );
        }
    }

    #[test]
    fn a_caption_goes_with_the_bare_credit_under_it() {
        let body = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.";
        let caption = "Teachers wearing red carry signs as they rally at the Statehouse on Tuesday.";
        let page = format!(
            "{body}\n\n{caption}\n\nAnn Lee, AP\n\n{body} Again.\n\n{body} Once more.\n\nPhoto: a minister © Ann Lee/AFP\n"
        );
        let c = clean(&page);
        assert!(
            c.removed.iter().any(|r| r.text == caption && r.reason == RemovalReason::Caption),
            "{:#?}",
            kept(&c)
        );
        assert!(
            kept(&c).iter().any(|p| p.ends_with("Once more.")),
            "a credit with its own words is its own caption"
        );
    }

    #[test]
    fn a_line_that_introduces_a_quote_is_body() {
        let page = "The week brought the candidates to the state, and the voters heard a great deal from each of them about taxes.\n\n\
            Stated Lee:\n\n\
            “The idea that I would cut health care in this state while we wait for a new law is just not accurate at all.”\n\n\
            The vote on the new law is due in the spring, and the council expects it to pass by a wide margin.\n";
        let c = clean(page);
        assert!(kept(&c).contains(&"Stated Lee:"), "{:#?}", kept(&c));
    }

    #[test]
    fn records_every_removed_block() {
        let c = clean(PAGE);
        let reasons: Vec<RemovalReason> = c.removed.iter().map(|r| r.reason).collect();
        use RemovalReason::*;
        assert_eq!(reasons, [Navigation, Metadata, Metadata, Metadata, Caption, Social, Social, Social]);
        let kept: usize = c.paragraphs.iter().map(|p| p.lines[1] - p.lines[0] + 1).sum();
        assert_eq!(kept + c.removed.len(), PAGE.lines().filter(|l| !l.trim().is_empty()).count());
    }

    #[test]
    fn bad_shapes_do_not_panic() {
        for text in
            ["", "\n\n\n", "Share\nSubscribe\n© AFP", "one line with no blank lines at all", "x\u{FFFD}y"]
        {
            let c = clean(text);
            assert!(c.paragraphs.len() <= 1, "{text:?}");
        }
    }

    #[test]
    fn comments_after_the_article_are_cut() {
        let body = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
        let comment =
            "I think this is a terrible idea and the council should be ashamed of what it has done here.";
        let text = format!(
            "{body}\n\n{body} Again.\n\n{body} Once more.\n\n[ 12 comments ]\n\nuser1\n\n{comment}\n"
        );
        let c = clean(&text);
        assert_eq!(c.paragraphs.len(), 3);
        assert!(c.removed.iter().any(|r| r.reason == RemovalReason::Trailing && r.text == comment));
        // A prompt that reads as a sentence ends it too.
        let text = format!(
            "{body}\n\n{body} Again.\n\n{body} Once more.\n\nWant more stories like this?\n\n{comment}\n"
        );
        assert_eq!(clean(&text).paragraphs.len(), 3);
    }

    #[test]
    fn a_most_popular_list_above_the_story_is_a_sidebar_below_it_an_end() {
        let body = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
        let teaser = "Police close the river road after a truck spills its load near the bridge";
        let story = [format!("{body} One."), format!("{body} Two."), format!("{body} Three.")].join("\n\n");
        // Above: the list and its headlines go, the story stays whole.
        let c = clean(&format!("Most Popular\n\n{teaser}\n\n{teaser} again\n\n{story}\n"));
        let kept = kept(&c);
        assert_eq!(kept.len(), 3, "{kept:#?}");
        assert!(kept.iter().all(|p| p.starts_with("The council met")), "{kept:#?}");
        // Below: it ends the article, even before prose.
        let c = clean(&format!("{story}\n\nMore in Politics\n\n{body} Four.\n"));
        assert_eq!(c.paragraphs.len(), 3, "{:#?}", c.paragraphs);
        assert!(c.removed.iter().any(|r| r.reason == RemovalReason::Trailing && r.text.ends_with("Four.")));
    }

    #[test]
    fn teasers_of_other_stories_and_cookie_banners_go() {
        let lead = "NEW DELHI: The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
        let teaser = "Deportees return home from the border after months NEW DELHI: Their dream shattered and their savings gone, nearly 150 people came back on a flight this week.";
        let with_colon = "Schools open again in the valley, attendance high: Govt NEW DELHI: All schools and colleges in the valley are now open, the government said.";
        let cookies = "This website uses cookies. By continuing to use our website without changing the settings, you are agreeing to our use of cookies.";
        let c = clean(&format!("{cookies}\n\n{lead}\n\n{lead} Again.\n\n{teaser}\n\n{with_colon}\n"));
        let kept = kept(&c);
        assert_eq!(kept.len(), 2, "{kept:#?}");
        assert!(kept.iter().all(|p| p.starts_with("NEW DELHI")), "{kept:#?}");
        // News about cookies is not a cookie banner.
        let news = "The regulator fined the firm on Friday over its use of cookies to track readers, officials said.";
        assert_eq!(clean(&format!("{lead}\n\n{news}\n")).paragraphs.len(), 2);
    }

    #[test]
    fn a_headline_and_its_deck_are_the_title_and_a_section_label_does_not_hide_the_story() {
        let story = "Ben Carson says he is under political attack because of his rise in the polls, and his campaign raised more money.";
        let c = clean(&format!(
            "Carson on defense, attacking critics as scrutiny heats up; \nRepublican presidential candidate's biography questioned.\n\n{story}\n"
        ));
        assert_eq!(
            c.meta.title.as_deref(),
            Some(
                "Carson on defense, attacking critics as scrutiny heats up; Republican presidential candidate's biography questioned"
            )
        );
        // A headline ending with a period, then a section label, then the story.
        let c =
            clean(&format!("Clinton stays well ahead of Sanders in latest poll.\n\nABSTRACT.\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some("Clinton stays well ahead of Sanders in latest poll."));
        // A semicolon in a first line that is prose makes no deck.
        let prose = "The mayor said the budget would pass; the council was less sure that it would, and said so at length on Monday.";
        let c = clean(&format!("{prose}\nIt did not.\n\n{story}\n"));
        assert_eq!(c.meta.title, None);
    }

    #[test]
    fn a_file_that_opens_with_a_headline_ending_in_a_period_has_it_as_title() {
        let story = "ROME - Bernie Sanders met privately with Pope Francis on Saturday, the capstone to an unusual detour from the campaign.";
        let c = clean(&format!("O’Malley campaign to shift staff, resources to Iowa.\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some("O’Malley campaign to shift staff, resources to Iowa."));
        assert_eq!(kept(&c), [story]);
        // A one-line lede is the story, not its headline.
        let lede = "The council met on Friday to agree on the budget.";
        let c = clean(&format!("{lede}\n\n{story}\n"));
        assert_eq!(c.meta.title, None);
        assert_eq!(kept(&c), [lede, story]);
        // An abbreviation inside the headline, and a deck of one sentence before the story.
        let c = clean(&format!("All eggs in N.H. and Iowa baskets.\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some("All eggs in N.H. and Iowa baskets."));
        let deck = "Sources come in from fringe to help perpetuate questionable contentions.";
        let c = clean(&format!("Misinformation enters mainstream with Trump.\n\n{deck}\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some("Misinformation enters mainstream with Trump."));
        assert_eq!(kept(&c), [deck, story]);
        // A line of a word or two between them, whatever the page's rules made of it.
        let c = clean(&format!("Columbia defends Exxon articles.\n\nAdvertisement\n\n{story}\n"));
        assert_eq!(c.meta.title.as_deref(), Some("Columbia defends Exxon articles."));
        // Two short lines before the story are no headline and deck.
        let c = clean(&format!("The council met on Friday.\n\nIt agreed on the budget.\n\n{story}\n"));
        assert_eq!(c.meta.title, None);
    }

    #[test]
    fn a_numbered_list_after_the_text_is_body() {
        let body = "The council met on Friday in the capital to discuss the budget, and the ministers agreed on most items.";
        let list = "1) Lower fuel taxes\n\nhttp://example.org/a\n\n2) New rail line\n\n3) School meals";
        let c = clean(&format!("{body}\n\n{body} Again.\n\n{list}\n"));
        let kept = kept(&c);
        assert_eq!(kept[2..], ["1) Lower fuel taxes", "2) New rail line", "3) School meals"], "{kept:#?}");
        // Two items, or items out of order, are not a list.
        let c = clean(&format!("{body}\n\n{body} Again.\n\n1) Home\n\n3) Sport\n\n2) Weather\n"));
        assert_eq!(c.paragraphs.len(), 2, "{:#?}", c.paragraphs);
    }

    #[test]
    fn a_dateline_line_is_metadata() {
        let body =
            "Deportivo beat Valencia 2-1 on Saturday in front of a full stadium, and they lead the league.";
        for (line, place) in
            [("LA CORUNA , Spain 1996-08-31", "LA CORUNA, Spain"), ("MOSCOW, May 5", "MOSCOW")]
        {
            let c = clean(&format!("SOCCER - DEPORTIVO WIN\n\n{line}\n\n{body}\n"));
            assert_eq!(c.meta.dateline.as_deref(), Some(place), "{line}");
            assert!(c.paragraphs.iter().all(|p| p.text != line), "{:#?}", c.paragraphs);
        }
        // A headline in capitals is no dateline.
        assert_eq!(clean(&format!("SOCCER - DEPORTIVO WIN\n\n{body}\n")).meta.dateline, None);
    }

    #[test]
    fn a_results_table_after_the_text_is_body() {
        let body = "Leaders Varna United were held at home on Saturday, and their lead at the top of the table fell to two points.";
        let table = "Varna United 1 Nordby 1\n\nPort Ellis 3 Hamar Town 0\n\nOstby Rovers 2 Lund 2";
        let c = clean(&format!("{body}\n\n{table}\n"));
        let kept = kept(&c);
        assert_eq!(
            kept[1..],
            ["Varna United 1 Nordby 1", "Port Ellis 3 Hamar Town 0", "Ostby Rovers 2 Lund 2"]
        );
        // Headlines of other stories that start with a number, and counts in brackets, are not rows.
        let links =
            "15 Amazing Images of Stars\n\n11 Facts About Our Galaxy\n\nAstronomy (47)\n\nPhysics (12)";
        let c = clean(&format!("{body}\n\n{links}\n"));
        assert_eq!(c.paragraphs.len(), 1, "{:#?}", c.paragraphs);
    }

    #[test]
    fn long_notices_credits_and_bios_are_not_body() {
        let body = "Varna West won the city swimming final on Saturday, and three of its seniors set school records in the pool.";
        let body2 = "The coach said the team had trained twice a day since August and would now aim for the national title in March.";
        let cookies = "We use cookies and other tracking technologies to improve your browsing experience on our site, show personalized content and targeted ads, analyze site traffic, and understand where our audience is coming from. To find out more or to opt out, please read our privacy notice, and note that by choosing I Accept you consent to our use of cookies and other tracking technologies across all of our pages and partner sites.";
        let caption = "Swimmers wait for the start of the final at the city pool on Saturday.Credit...Ana Lind/The Varna Times";
        let credits = "Associated Press writers Ana Lind and Jon Frey contributed to this report.";
        let wire = "(Reporting by Ana Lind; editing by Jon Frey)";
        let bio = "Kari Dahl is a sports reporter for the Varna Times, covering swimming and athletics.";
        let consent =
            "By choosing I Accept, you consent to our use of cookies and other tracking technologies.";
        let credited =
            "A swimmer dives at the start of the final in Varna, November 19, 2019. © Reuters / Ana Lind";
        let via =
            "This illustration shows the plans for the new city pool in Varna [City Council via Reuters]";
        let file = "FILE PHOTO: Swimmers train at the city pool in Varna, Bulgaria, November 18, 2019, ahead of the final. REUTERS/Ana Lind";
        let updated = "This story has been updated with comments from the coach and from the city council.";
        let page = [cookies, consent, credited, body, caption, via, file, body2, updated, credits, wire, bio]
            .join("\n\n");
        let c = clean(&page);
        let kept = kept(&c);
        assert_eq!(kept, [body, body2]);
        // A teaser of another story whose headline holds a figure or a colon.
        let teaser = "Court says 1.9 million residents may lose their votes: report NEW DELHI: The court on Wednesday said that the rolls would be checked again before the vote in May.";
        let c = clean(&format!("{body}\n\n{body2}\n\n{teaser}\n"));
        assert_eq!(c.paragraphs.len(), 2, "{:#?}", c.paragraphs);
    }

    #[test]
    fn an_embedded_post_ends_its_sentence_before_its_link() {
        let body = "Varna West won the city swimming final on Saturday, and three of its seniors set school records in the pool.";
        let post = "What a night for the team, and what a season it has been for all of us. pic.twitter.com/3BdnrvkoMs";
        let c = clean(&format!("{body}\n\n{post}\n\n{body} Again.\n"));
        let kept = kept(&c);
        assert_eq!(kept.len(), 3, "{kept:?}");
    }

    #[test]
    fn sentences_right_after_the_text_are_body_and_a_footer_is_not() {
        let body = "Varna West won the city swimming final on Saturday, and three of its seniors set school records in the pool.";
        let short = "Ana Lind finished second in the 50 yard freestyle.";
        let footer = "Example Press Theme. Designed by Studio Nine.";
        let c = clean(&format!("{body}\n\n{short}\n\nShare\n\n{footer}\n"));
        let kept = kept(&c);
        assert_eq!(kept, [body, short]);
    }

    #[test]
    fn a_line_up_after_the_text_is_body_and_a_tag_list_is_not() {
        let body = "Varna United named an unchanged side on Saturday for the match against Nordby, which they must win.";
        let line_up =
            "Varna United : Ola Berg ( captain ) , Jon Frey , Ana Lind , Per Holt , Kari Dahl , Nils Moe";
        let tags = "Tags: Varna United, Nordby, Port Ellis, Hamar Town, Ostby Rovers, Lund, Premier League, Cup Results, Transfer News";
        let c = clean(&format!("{body}\n\n{line_up}\n\n{tags}\n"));
        let kept = kept(&c);
        assert_eq!(kept, [body, line_up]);
    }

    #[test]
    fn guillemets_are_quotes_and_breadcrumb_marks_are_not() {
        let para = "Вместе с дочерью мы придумали «Замешайку», а потом и «Тёплый суп»: блюда полезные, несложные и готовятся из того, что есть дома.";
        let c = clean(&format!("Главная » Новости » Мир\n\n{para}\n\n{para} Ещё.\n"));
        let kept = kept(&c);
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept.iter().all(|k| k.starts_with("Вместе")), "{kept:?}");
    }

    #[test]
    fn non_english_prose_is_kept() {
        let para = "Menghina para sahabat nabi tidak dibenarkan apa pun alasannya menurut para ulama yang hadir dalam acara itu.";
        let c = clean(&format!("Beranda\n\n{para}\n\n{para} Lagi.\n\nBagikan\n"));
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
        // A tag cloud: many words, no punctuation.
        let tags = "Afghanistan Akhlak aliran sesat arab saudi Bekam Buku Iman Caleg Dinar Doa Ekonomi Fiqih Hadits Haji Hukum Islam Jihad Kesehatan Khilafah Muamalah Nasihat Pemilu Politik Puasa Sejarah Syariah Tafsir Tauhid Umrah Zakat";
        let c = clean(&format!("{para}\n\n{para} Lagi.\n\n{tags}\n"));
        assert_eq!(c.paragraphs.len(), 2, "{:?}", c.paragraphs);
    }

    #[test]
    fn missing_metadata_stays_null() {
        let c = clean("The minister spoke for an hour about the plan and what it would cost the country.");
        assert_eq!(c.meta, Metadata::default());
        assert_eq!(c.paragraphs.len(), 1);
    }

    #[test]
    fn corpus_repetition_needs_different_neighbours() {
        let make = |id: &str, body: &str| {
            Article::new(id.into(), id.into(), format!("Site Banner Line\n{body}\nFooter text here\n"))
        };
        let articles = vec![make("a", "alpha"), make("b", "beta"), make("c", "gamma")];
        let lines = corpus_boilerplate(&articles, 3);
        assert!(lines.contains(&xxh3_64(b"site banner line")));
        // The same story three times: nothing is boilerplate.
        let copies = vec![make("a", "alpha"), make("b", "alpha"), make("c", "alpha")];
        assert!(corpus_boilerplate(&copies, 3).is_empty());
    }
}
