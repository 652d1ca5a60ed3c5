//! The block model: every block's features (its shape, what the rules decided for it and for
//! its neighbours, where it sits against the kept text), and gradient-boosted trees trained on
//! the dev pages that score how likely the block is part of the article. The rules still say
//! what each line is and find the metadata; the model then drops what the rules kept as prose
//! but is no part of the article (related stories' ledes, widgets, forms), judged by weights
//! fitted across many sites rather than by the order of hand-written exceptions.
//!
//! The trees are `models/clean/blocks.tsv`, written by `scripts/train_clean.py` from the blocks
//! that `examples/train_clean.rs` dumps: one readable line per node.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use super::body::long_blocks_stop_share;
use super::patterns::TIME_OF_DAY;
use super::{Block, Label, Thresholds, longest};
use crate::model::RemovalReason;

/// The features, in the order [`features`] writes them and the model file names them. Counts
/// stay counts: trees split on them as they are, and no logarithm can round differently on
/// another machine.
pub const FEATURES: &[&str] = &[
    "words",
    "chars",
    "stop_share",
    "lang_stop_share",
    "terminal",
    "punct_share",
    "digit_share",
    "capital_share",
    "comma_rate",
    "ends_colon",
    "link_like",
    "separator_like",
    "quote_like",
    "timestamp_like",
    "bullet_like",
    "unspaced",
    "position",
    "kept_words_before",
    "in_kept_span",
    "distance_to_kept",
    "english_page",
    "language_known",
    "window_words",
    "window_lang_stop_share",
    "rule_body",
    "rule_heading",
    "rule_navigation",
    "rule_social",
    "rule_caption",
    "rule_disclaimer",
    "rule_repeated",
    "rule_teaser",
    "rule_metadata",
    "rule_corpus_repeated",
    "rule_user",
    "rule_fragment",
    "rule_trailing",
    "prev_words",
    "prev_lang_stop_share",
    "prev_terminal",
    "prev_kept",
    "next_words",
    "next_lang_stop_share",
    "next_terminal",
    "next_kept",
    "prev2_words",
    "prev2_kept",
    "next2_words",
    "next2_kept",
];

/// How many features a block has.
pub const N_FEATURES: usize = FEATURES.len();

/// One block's features.
pub type Features = [f32; N_FEATURES];

/// A block's own shape, as its neighbours' features read it.
#[derive(Clone, Copy, Default)]
struct Shape {
    words: f32,
    lang_stop_share: f32,
    terminal: f32,
    kept: f32,
}

/// Whether a rule's removal is final, the model's to leave alone: the rules that say what a
/// block is (a share button, a caption or credit, a notice, the title or byline, the user's
/// pattern, a repeat of the page's or the corpus's lines, what follows an end marker such as
/// a comment count). The model judges the rest: what is prose and where the article begins
/// and ends. (Letting it overrule these too lowered cross-validated F1 on cleaning-dev by
/// 0.004, and kept tag lines and share buttons on short pages.)
pub(super) fn is_final(label: Label) -> bool {
    matches!(
        label,
        Label::Drop(
            RemovalReason::Social
                | RemovalReason::Caption
                | RemovalReason::Disclaimer
                | RemovalReason::Metadata
                | RemovalReason::UserRule
                | RemovalReason::Repeated
                | RemovalReason::Teaser
                | RemovalReason::CorpusRepeated
                | RemovalReason::Trailing
        )
    )
}

fn flag(b: bool) -> f32 {
    f32::from(u8::from(b))
}

/// Blocks either side of a block that its window counts (see `window_words`).
const WINDOW: usize = 3;

/// The NLTK stop-word lists (the `stop-words` crate), by whatlang's English name of the
/// language in lower case ("german").
static STOP_WORDS: LazyLock<FxHashMap<String, FxHashSet<&'static str>>> = LazyLock::new(|| {
    whatlang::Lang::all()
        .iter()
        .filter_map(|lang| {
            let name = lang.eng_name().to_lowercase();
            stop_words::lookup(&name).map(|words| (name, words.iter().copied().collect()))
        })
        .collect()
});

/// The stop words of the page's language: English when the English function words say so
/// (`english`: most pages, and no detection to pay for), else the language whatlang reads
/// from the page's longer blocks; `None` when it is not told or has no list.
fn page_stop_words(
    blocks: &[Block],
    english: bool,
    t: &Thresholds,
) -> Option<&'static FxHashSet<&'static str>> {
    // Enough for whatlang's trigrams; more cost the clean stage a third of its speed.
    const SAMPLE_BYTES: usize = 1_000;
    if english {
        return STOP_WORDS.get("english");
    }
    let mut sample = String::new();
    let long = |b: &&Block| b.words >= t.long_words;
    for b in blocks.iter().filter(long).chain(blocks.iter().filter(|b| !long(b))) {
        if sample.len() >= SAMPLE_BYTES {
            break;
        }
        sample.push_str(&b.key);
        sample.push(' ');
    }
    let lang = whatlang::detect_lang(&sample)?;
    STOP_WORDS.get(&lang.eng_name().to_lowercase())
}

/// The features of every block, given the rules' labels.
pub(super) fn features(blocks: &[Block], labels: &[Label], t: &Thresholds) -> Vec<Features> {
    let n = blocks.len();
    let english = long_blocks_stop_share(blocks, t).is_some_and(|share| share >= t.english_stop_share);
    let stops = page_stop_words(blocks, english, t);
    let lang_stop_share = |b: &Block| -> f32 {
        let Some(stops) = stops else { return 0.0 };
        let (mut all, mut hits) = (0usize, 0usize);
        for w in b.key.split(' ').filter(|w| !w.is_empty()) {
            all += 1;
            hits += usize::from(stops.contains(w));
        }
        hits as f32 / all.max(1) as f32
    };
    let shapes: Vec<Shape> = blocks
        .iter()
        .zip(labels)
        .map(|(b, &l)| Shape {
            words: b.words as f32,
            lang_stop_share: lang_stop_share(b),
            terminal: flag(b.terminal),
            kept: flag(l.is_kept()),
        })
        .collect();
    let total_kept: usize =
        blocks.iter().zip(labels).filter(|(_, l)| l.is_kept()).map(|(b, _)| b.words).sum();
    let first_kept = labels.iter().position(|l| l.is_kept());
    let last_kept = labels.iter().rposition(|l| l.is_kept());
    // Distance from each block to the nearest kept one, from both sides in two passes.
    let mut distance = vec![n; n];
    let mut last = None;
    for i in 0..n {
        if labels[i].is_kept() {
            last = Some(i);
        }
        if let Some(k) = last {
            distance[i] = i - k;
        }
    }
    last = None;
    for i in (0..n).rev() {
        if labels[i].is_kept() {
            last = Some(i);
        }
        if let Some(k) = last {
            distance[i] = distance[i].min(k - i);
        }
    }
    let neighbour = |i: isize| -> Shape {
        usize::try_from(i).ok().and_then(|i| shapes.get(i)).copied().unwrap_or_default()
    };
    let mut kept_before = 0usize;
    let mut out = Vec::with_capacity(n);
    for (i, (b, &label)) in blocks.iter().zip(labels).enumerate() {
        let (mut chars, mut punct, mut digits, mut unspaced) = (0usize, 0usize, 0usize, 0usize);
        for c in b.text.chars() {
            chars += 1;
            // Letters and spaces first: most characters, and nothing to count.
            match c {
                'a'..='z' | 'A'..='Z' | ' ' => {}
                '0'..='9' => digits += 1,
                _ if c.is_ascii_punctuation() || "«»“”‘’–—…·•|›‹".contains(c) => {
                    punct += 1
                }
                _ if crate::text::is_unspaced_script(c) => unspaced += 1,
                _ => {}
            }
        }
        let chars = chars.max(1);
        let words = b.words.max(1) as f32;
        let link_like = b.text.contains("http")
            || b.text.contains("www.")
            || b.text.contains(".com")
            || b.text.contains('@');
        let separator_like = b.text.contains(" | ") || b.text.contains('›') || b.text.contains(" > ");
        let quote_like = b.text.starts_with(crate::text::is_quote_opener) || b.text.contains(" said");
        let bullet_like = b.text.starts_with(['•', '-', '*', '–', '·', '►', '▪']);
        let window = i.saturating_sub(WINDOW)..(i + WINDOW + 1).min(n);
        let window_words: f32 = shapes[window.clone()].iter().map(|s| s.words).sum();
        let window_stop = shapes[window.clone()].iter().map(|s| s.lang_stop_share * s.words).sum::<f32>()
            / window_words.max(1.0);
        let rule = |r: RemovalReason| flag(label == Label::Drop(r));
        let (p, q) = (i as isize - 1, i as isize + 1);
        let (prev, next, prev2, next2) = (neighbour(p), neighbour(q), neighbour(p - 1), neighbour(q + 1));
        let s = shapes[i];
        let f: Features = [
            s.words,
            chars as f32,
            b.stop_share as f32,
            s.lang_stop_share,
            s.terminal,
            punct as f32 / chars as f32,
            digits as f32 / chars as f32,
            b.capitals() as f32 / words,
            b.text.matches(',').count() as f32 / words,
            flag(b.text.ends_with(':')),
            flag(link_like),
            flag(separator_like),
            flag(quote_like),
            flag(TIME_OF_DAY.is_match(&b.text)),
            flag(bullet_like),
            unspaced as f32 / chars as f32,
            i as f32 / n as f32,
            if total_kept == 0 { 0.0 } else { kept_before as f32 / total_kept as f32 },
            flag(first_kept.is_some_and(|f| f <= i) && last_kept.is_some_and(|l| i <= l)),
            distance[i] as f32,
            flag(english),
            flag(stops.is_some()),
            window_words,
            window_stop,
            flag(label == Label::Body),
            flag(label == Label::Heading),
            rule(RemovalReason::Navigation),
            rule(RemovalReason::Social),
            rule(RemovalReason::Caption),
            rule(RemovalReason::Disclaimer),
            rule(RemovalReason::Repeated),
            rule(RemovalReason::Teaser),
            rule(RemovalReason::Metadata),
            rule(RemovalReason::CorpusRepeated),
            rule(RemovalReason::UserRule),
            flag(matches!(label, Label::Drop(RemovalReason::Fragment) | Label::Undecided)),
            rule(RemovalReason::Trailing),
            prev.words,
            prev.lang_stop_share,
            prev.terminal,
            prev.kept,
            next.words,
            next.lang_stop_share,
            next.terminal,
            next.kept,
            prev2.words,
            prev2.kept,
            next2.words,
            next2.kept,
        ];
        out.push(f);
        if label.is_kept() {
            kept_before += b.words;
        }
    }
    out
}

/// The block model's word on the prose the rules keep: a block it scores as no part of the
/// article (log-odds below the model's `drop_below`) is dropped as boilerplate, except the
/// longest, which anchors the article (without it, 6 of the 1,259 training pages lost all
/// their text, at no gain). It
/// leaves alone what a named rule removed ([`is_final`]) or kept as a `structure` (a numbered
/// list, a table, a line the story repeats), and it only drops: letting it also keep what the
/// rules drop gained 0.005 of cross-validated snippet F1, lost 0.007 on cleaning-dev, and kept
/// share buttons and tag lines under short stories.
pub(super) fn rescore(
    blocks: &[Block],
    labels: &mut [Label],
    structure: &[bool],
    model: &BlockModel,
    t: &Thresholds,
) {
    let anchor = longest(blocks, |i| labels[i].is_kept());
    let features = features(blocks, labels, t);
    for (i, f) in features.iter().enumerate() {
        if labels[i].is_kept() && !structure[i] && Some(i) != anchor && model.log_odds(f) < model.drop_below {
            labels[i] = Label::Drop(RemovalReason::Boilerplate);
        }
    }
}

/// Gradient-boosted trees over [`FEATURES`] (scikit-learn's `HistGradientBoostingClassifier`,
/// trained by `scripts/train_clean.py`): the log-odds that a block is part of the article are
/// the baseline plus one leaf value from each tree. Inputs and thresholds compare as `f64`, as
/// scikit-learn compares them, and the sum runs in the trees' order: the same file gives the
/// same decisions on any machine.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockModel {
    /// The log-odds before any tree.
    pub baseline: f64,
    /// The log-odds under which a kept block is dropped (below 0: the model must be surer that
    /// a block is no part of the article than even odds; see `scripts/train_clean.py`).
    pub drop_below: f64,
    /// The trees, each a list of nodes whose first is the root.
    pub trees: Vec<Vec<Node>>,
}

/// One node of a tree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Node {
    /// Go to `left` when the feature is at most `threshold`, else to `right`.
    Split {
        /// The feature's index in [`FEATURES`].
        feature: usize,
        /// The threshold.
        threshold: f64,
        /// The node below on the left.
        left: usize,
        /// The node below on the right.
        right: usize,
    },
    /// A leaf: what the tree adds to the log-odds.
    Leaf(f64),
}

impl BlockModel {
    /// The log-odds that a block with these features is part of the article (at least 0: it
    /// is kept).
    pub fn log_odds(&self, f: &Features) -> f64 {
        let mut z = self.baseline;
        for tree in &self.trees {
            let mut at = 0;
            loop {
                match tree[at] {
                    Node::Split { feature, threshold, left, right } => {
                        at = if f64::from(f[feature]) <= threshold { left } else { right };
                    }
                    Node::Leaf(value) => {
                        z += value;
                        break;
                    }
                }
            }
        }
        z
    }

    /// Reads the model file: `#` comments; `baseline VALUE`; `drop_below VALUE`; then per tree a `tree` line and
    /// its nodes in order, `split FEATURE THRESHOLD LEFT RIGHT` (the feature by name, the
    /// children by their index in the tree) or `leaf VALUE`; fields are tab-separated.
    pub fn parse(text: &str) -> Result<BlockModel, String> {
        let (mut baseline, mut drop_below) = (None, None);
        let mut trees: Vec<Vec<Node>> = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let num = |s: &str| s.parse::<f64>().map_err(|e| format!("line {n}: {s:?}: {e}"));
            let index = |s: &str| s.parse::<usize>().map_err(|e| format!("line {n}: {s:?}: {e}"));
            let fields: Vec<&str> = line.split('\t').collect();
            let node = match fields.as_slice() {
                ["baseline", v] => {
                    baseline = Some(num(v)?);
                    continue;
                }
                ["drop_below", v] => {
                    drop_below = Some(num(v)?);
                    continue;
                }
                ["tree"] => {
                    trees.push(Vec::new());
                    continue;
                }
                ["split", name, threshold, left, right] => Node::Split {
                    feature: FEATURES
                        .iter()
                        .position(|f| f == name)
                        .ok_or_else(|| format!("line {n}: unknown feature {name}"))?,
                    threshold: num(threshold)?,
                    left: index(left)?,
                    right: index(right)?,
                },
                ["leaf", v] => Node::Leaf(num(v)?),
                _ => return Err(format!("line {n}: not a model line: {line:?}")),
            };
            trees.last_mut().ok_or_else(|| format!("line {n}: a node before any `tree` line"))?.push(node);
        }
        // Every child is inside its tree and below its parent, so a walk always ends at a leaf.
        for (t, tree) in trees.iter().enumerate() {
            let bad = tree.iter().enumerate().any(|(i, node)| match *node {
                Node::Split { left, right, .. } => {
                    left <= i || right <= i || left >= tree.len() || right >= tree.len()
                }
                Node::Leaf(_) => false,
            });
            if tree.is_empty() || bad {
                return Err(format!("tree {t}: a child out of place"));
            }
        }
        Ok(BlockModel {
            baseline: baseline.ok_or("no baseline line")?,
            drop_below: drop_below.ok_or("no drop_below line")?,
            trees,
        })
    }
}

/// The model the binary ships.
pub(super) static SHIPPED: LazyLock<BlockModel> = LazyLock::new(|| {
    BlockModel::parse(include_str!("../../../models/clean/blocks.tsv"))
        .expect("models/clean/blocks.tsv parses")
});
