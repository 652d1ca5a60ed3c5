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
use crate::diagnostics::Diagnostic;
use crate::model::{Article, Corpus, Day, Metadata, Paragraph, RemovalReason, Removed};
use crate::text::{is_capitalized, is_stop_word, normalize, word_weight, words};

mod body;
mod html;
mod metadata;
mod patterns;
pub mod scores;
mod site;

use body::*;
use metadata::*;
use patterns::*;

/// The clean stage.
pub struct Clean;

impl Stage for Clean {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn run(&self, ctx: &StageContext<'_>, mut corpus: Corpus) -> Result<Corpus> {
        let cfg = ctx.config;
        let settings = format!("{:?}", cfg.clean);
        // HTML pages first: their article and metadata (see `html`), whose paragraphs then
        // count for the corpus's repeated lines as a text page's lines do.
        let pages: Vec<Option<Result<Cleaned, String>>> = corpus
            .articles
            .par_iter()
            .map(|a| {
                a.html.then(|| {
                    let key = ctx.cache.map(|cache| {
                        (
                            cache,
                            KeyBuilder::new(cache, "clean-html", &settings).bytes(a.text.as_bytes()).finish(),
                        )
                    });
                    Cache::or_compute(key, "clean-html", || html::clean_html(&a.text))
                })
            })
            .collect();
        // Each article's lines' keys, and those of its lines of prose, in one pass; with its site.
        let (keys, prose): (Vec<Vec<u64>>, Vec<Vec<u64>>) = corpus
            .articles
            .par_iter()
            .zip(&pages)
            .map(|(a, page)| match page {
                None => keys_and_prose(a.text.lines()),
                Some(Ok(page)) => keys_and_prose(page.paragraphs.iter().map(|p| p.text.as_str())),
                Some(Err(_)) => (Vec::new(), Vec::new()),
            })
            .unzip();
        let repeated = repeated_lines(&keys, cfg.clean.corpus_repeat_min);
        let sites: Vec<Option<String>> = corpus
            .articles
            .par_iter()
            .zip(&pages)
            .map(|(a, page)| site::site_of(a, page.as_ref().and_then(|p| p.as_ref().ok())))
            .collect();
        let site_lines = site::site_lines(&sites, &keys, &prose);
        let rules = Rules {
            extra: &cfg.extra_boilerplate,
            corpus_lines: &repeated,
            site_lines: None,
            enabled: cfg.clean.enabled,
            thresholds: Thresholds::default(),
        };
        let progress = ctx.progress;
        let cleaned: Vec<Result<Article, Diagnostic>> = std::mem::take(&mut corpus.articles)
            .into_par_iter()
            .zip(keys)
            .zip(pages)
            .zip(sites)
            .map(|(((mut article, keys), page), site)| {
                let text = std::mem::take(&mut article.text);
                progress.inc();
                let own = site.as_ref().and_then(|s| site_lines.get(s));
                let rules = Rules { site_lines: own, ..rules };
                if let Some(page) = page {
                    let page = page.map_err(|why| Diagnostic::skipped(&article.path, why))?;
                    html::drop_boilerplate(page, &rules).apply_to(&mut article);
                    crate::provenance::fill(&mut article, "");
                    return Ok(article);
                }
                // An article's result depends on its text, the settings, and which of its
                // lines the corpus or its site repeats; the cache key covers exactly that.
                let key = ctx.cache.map(|cache| {
                    let mut deps: Vec<u64> = keys
                        .into_iter()
                        .filter(|k| repeated.contains(k) || own.is_some_and(|o| o.contains(k)))
                        .collect();
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
                Ok(article)
            })
            .collect();
        for result in cleaned {
            match result {
                Ok(article) => corpus.articles.push(article),
                Err(diagnostic) => corpus.diagnostics.push(diagnostic),
            }
        }
        corpus.diagnostics.sort();
        Ok(corpus)
    }
}

/// What the cleaner knows beyond the article itself.
#[derive(Clone, Copy)]
pub struct Rules<'a> {
    /// `[clean] extra_boilerplate`.
    pub extra: &'a [Regex],
    /// Hashes of normalised lines that recur across unrelated articles.
    pub corpus_lines: &'a HashSet<u64>,
    /// Hashes of the lines that two stories of the article's site share (see `site`).
    pub site_lines: Option<&'a HashSet<u64>>,
    /// When false, every non-empty block is kept.
    pub enabled: bool,
    /// The numbers the body is told from the rest by.
    pub thresholds: Thresholds,
}

/// The numbers the cleaner's hard rules and its body classifier decide by, named and passed
/// in as jusText does (`LENGTH_LOW_DEFAULT = 70`), with the defaults the dev pages were read
/// with. Words are counted as `text::words` counts them; a stop-word share is the share of a
/// block's words that are English function words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Most words of a short line, which a caption or share-button pattern drops (14).
    pub short_line_words: usize,
    /// Most words of a line that a credit pattern ("Photo by …") drops (40).
    pub credit_words: usize,
    /// Most words of an appeal to the reader or a disclaimer that its pattern drops (80).
    pub appeal_words: usize,
    /// A short line with a share-button word stays when it is a sentence of at least this many
    /// words (9) with at least `social_sentence_stop_share` of stop words (0.3).
    pub social_sentence_words: usize,
    /// See `social_sentence_words`.
    pub social_sentence_stop_share: f64,
    /// Words from which a line in a teaser's shape ("Read more: …") is another story's (20).
    pub teaser_words: usize,
    /// Most words of a photo credit line (8), and of the caption right above it (45).
    pub credit_line_words: usize,
    /// See `credit_line_words`.
    pub caption_words: usize,
    /// Words from which a block is long (12): long blocks with stop words are prose, and their
    /// mean stop-word share says whether the page is English.
    pub long_words: usize,
    /// The long blocks' mean stop-word share under which a page is taken for another language,
    /// where length and sentence ends decide alone (0.12).
    pub english_stop_share: f64,
    /// Stop-word share from which a long block is prose (0.2); also of a worded heading and of
    /// a sentence above the story that stays.
    pub prose_stop_share: f64,
    /// Words from which a long block with stop words is prose though it ends in no sentence end
    /// (40): shorter, it is a teaser cut off mid-sentence.
    pub unended_prose_words: usize,
    /// Words from which a sentence is prose by itself (7), with at least
    /// `short_prose_stop_share` of stop words.
    pub short_prose_words: usize,
    /// Stop-word share of a sentence that is prose by itself, and of a lead-in line (0.25).
    pub short_prose_stop_share: f64,
    /// On a page in another language, words from which a punctuated block is prose (25).
    pub punctuated_prose_words: usize,
    /// Words of a sentence that stays above the story, or on a page with no prose at all (5).
    pub sentence_words: usize,
    /// Words from which a line in sentence case right above the story is its lead-in (8).
    pub lead_in_words: usize,
    /// Most words of a heading, and of a line that introduces the quote below it (20).
    pub heading_words: usize,
    /// Words from which a line that is no sentence is a heading by its own words and what
    /// follows it, when the next block is not prose (6).
    pub worded_heading_words: usize,
    /// Words from which a sentence inside the body, or running on below it, stays (3).
    pub short_sentence_words: usize,
    /// Words from which a line above the story that reports ("said", "according to") stays
    /// whatever its stop words (20).
    pub reporting_words: usize,
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            short_line_words: 14,
            credit_words: 40,
            appeal_words: 80,
            social_sentence_words: 9,
            social_sentence_stop_share: 0.3,
            teaser_words: 20,
            credit_line_words: 8,
            caption_words: 45,
            long_words: 12,
            english_stop_share: 0.12,
            prose_stop_share: 0.2,
            unended_prose_words: 40,
            short_prose_words: 7,
            short_prose_stop_share: 0.25,
            punctuated_prose_words: 25,
            sentence_words: 5,
            lead_in_words: 8,
            heading_words: 20,
            worded_heading_words: 6,
            short_sentence_words: 3,
            reporting_words: 20,
        }
    }
}

/// Cleans one article in place of its `meta`, `paragraphs` and `removed`; an HTML page that
/// holds no article is refused with the reason.
pub fn clean_article(mut article: Article, rules: &Rules<'_>) -> Result<Article, String> {
    // The raw text is not needed once it is paragraphs and removed blocks; dropping it keeps
    // large corpora in memory once, not twice.
    let text = std::mem::take(&mut article.text);
    if article.html {
        html::drop_boilerplate(html::clean_html(&text)?, rules).apply_to(&mut article);
    } else {
        clean_text(&text, rules).apply_to(&mut article);
    }
    Ok(article)
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
            n += word_weight(w);
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
    let t = t.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', ' ', '」', '』', '）']);
    // With the full-width marks of Chinese and Japanese.
    t.ends_with(['.', '!', '?', '…', ':', ';', '。', '！', '？', '：', '；', '．'])
}

/// What the classifier decided for a block.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Label {
    Body,
    Heading,
    Drop(RemovalReason),
    Undecided,
}

impl Label {
    /// Whether the block is kept, as body or heading.
    fn is_kept(self) -> bool {
        matches!(self, Label::Body | Label::Heading)
    }
}

/// The block with the most words among those `among` admits, the first of equals: the
/// story's anchor for the block model and the comment-thread rule.
fn longest(blocks: &[Block], among: impl Fn(usize) -> bool) -> Option<usize> {
    (0..blocks.len()).filter(|&i| among(i)).min_by_key(|&i| (std::cmp::Reverse(blocks[i].words), i))
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
    let RuleLabels { mut labels, structure, meta } = rule_labels(&blocks, rules);
    scores::rescore(&blocks, &mut labels, &structure, &scores::SHIPPED, &rules.thresholds);

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

/// What the rules decide for each block, and the page's metadata.
struct RuleLabels {
    labels: Vec<Label>,
    /// The blocks that a rule for a structure keeps (a numbered list, a table, a line the
    /// story repeats): the block model leaves them kept.
    structure: Vec<bool>,
    meta: Metadata,
}

fn rule_labels(blocks: &[Block], rules: &Rules<'_>) -> RuleLabels {
    let mut labels = vec![Label::Undecided; blocks.len()];
    let mut meta = Metadata::default();
    hard_rules(blocks, &mut labels, rules);
    read_metadata(blocks, &mut labels, &mut meta);
    drop_repeats(blocks, &mut labels, &meta);
    classify_body(blocks, &mut labels, &rules.thresholds);
    let prose = labels.clone();
    keep_numbered_lists(blocks, &mut labels);
    keep_tables(blocks, &mut labels);
    keep_cell_tables(blocks, &mut labels);
    keep_recurring_lines(blocks, &mut labels);
    let structure = prose.iter().zip(&labels).map(|(was, is)| was != is).collect();
    cut_after_end(blocks, &mut labels);
    cut_comment_thread(blocks, &mut labels);
    drop_author_bio(blocks, &mut labels, &meta);
    drop_trailing_headings(&mut labels);
    RuleLabels { labels, structure, meta }
}

/// One block of a page as the block model's training reads it.
#[doc(hidden)]
pub struct BlockRow {
    /// The block's text.
    pub text: String,
    /// Its first and last line.
    pub lines: [usize; 2],
    /// Whether the rules keep it.
    pub rule_kept: bool,
    /// Whether a named rule removed it or kept it as a structure: the block model leaves it
    /// as it is.
    pub rule_final: bool,
    /// Its features (see [`scores::FEATURES`]).
    pub features: scores::Features,
}

/// Every block of a page with its features, for training the block model
/// (`examples/train_clean.rs`).
#[doc(hidden)]
pub fn block_rows(text: &str, rules: &Rules<'_>) -> Vec<BlockRow> {
    let blocks = join_fragments(split_blocks(text));
    let RuleLabels { labels, structure, .. } = rule_labels(&blocks, rules);
    let features = scores::features(&blocks, &labels, &rules.thresholds);
    blocks
        .into_iter()
        .zip(labels)
        .zip(structure)
        .zip(features)
        .map(|(((b, l), structure), features)| BlockRow {
            text: b.text,
            lines: b.lines,
            rule_kept: l.is_kept(),
            rule_final: scores::is_final(l) || structure,
            features,
        })
        .collect()
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

/// The hashed key of every non-empty line of a text, in order (what corpus repetition is
/// counted on).
/// The keys of `lines` (see [`line_keys`]), and, sorted and distinct, those of its lines of
/// prose (see `site::PROSE_WORDS`).
fn keys_and_prose<'t>(lines: impl Iterator<Item = &'t str>) -> (Vec<u64>, Vec<u64>) {
    let (mut keys, mut prose) = (Vec::new(), Vec::new());
    for line in lines {
        let key = key_of(&normalize(line));
        if key.is_empty() {
            continue;
        }
        let hash = xxh3_64(key.as_bytes());
        keys.push(hash);
        if key.split(' ').map(word_weight).sum::<usize>() >= site::PROSE_WORDS {
            site::prose_shingles(&key, &mut prose);
        }
    }
    prose.sort_unstable();
    prose.dedup();
    (keys, prose)
}

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

/// What recurs across the files of the `clean` command (see [`corpus_and_site_boilerplate`]).
pub struct Boilerplate {
    /// The lines the corpus repeats, as [`corpus_boilerplate`] finds them.
    pub corpus_lines: HashSet<u64>,
    /// Each article's site.
    pub sites: Vec<Option<String>>,
    /// For each site, the lines two of its stories share (see `site`).
    pub site_lines: HashMap<String, HashSet<u64>>,
}

/// The corpus's and the sites' repeated lines, from one reading of the articles' lines: for
/// the `clean` command, which reads text dumps' sites only (it has no HTML page's extraction
/// to read them from).
pub fn corpus_and_site_boilerplate(articles: &[Article], min_articles: usize) -> Boilerplate {
    let (keys, prose): (Vec<Vec<u64>>, Vec<Vec<u64>>) =
        articles.par_iter().map(|a| keys_and_prose(a.text.lines())).unzip();
    let sites: Vec<Option<String>> = articles.iter().map(|a| site::site_of(a, None)).collect();
    let site_lines = site::site_lines(&sites, &keys, &prose);
    Boilerplate { corpus_lines: repeated_lines(&keys, min_articles), sites, site_lines }
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
mod tests;
