//! The tagger's features: what it may look at around a word, hashed into a fixed number of
//! buckets. Training and tagging call the same function, so the two cannot drift apart.
//!
//! The templates follow the usual ones for English newswire (Ratinov and Roth 2009; spaCy's
//! first tagger): the word and its neighbours two either side, its shape (case and digits),
//! prefixes and suffixes, the tag before it, and membership of the lexicon's lists
//! (places, cities, organisation words, titles, demonyms, given names and surnames) for it
//! and its neighbours. A change
//! to a template or to those lists changes what a weight means: train again
//! (`scripts/train_ner.sh`).

use xxhash_rust::xxh3::xxh3_64_with_seed;

use crate::stages::extract::lexicon::{self, GIVEN_NAMES, ORG_WORDS, PLACES, SURNAMES, TITLES};

/// Buckets of the hashed feature space (a power of two). 2^18 keeps the committed weights at
/// 2.4 MB (one byte per bucket and tag). Typed span F1 on CoNLL `ner-dev`, ten passes: 0.894
/// with 2^17 buckets, 0.897 with 2^18, 0.899 with 2^20.
pub const BUCKETS: usize = 1 << 18;

/// A word as the features see it, computed once per sentence.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// As written, quotes and apostrophes made straight.
    raw: String,
    /// Lower case, digits as `0`.
    lower: String,
    /// Case and character classes, runs collapsed: "Xx", "XX", "X.X.", "0", "Xx-Xx".
    shape: String,
    /// Which of the lexicon's lists hold the word (bits of [`Gazetteer`]).
    lists: u16,
}

/// The lexicon's lists a word can be in, as bits.
#[derive(Clone, Copy)]
#[repr(u16)]
enum Gazetteer {
    Place = 1,
    City = 2,
    OrgWord = 4,
    Title = 8,
    Demonym = 16,
    /// Part of a place of several words ("New" and "Zealand"), set by [`words`].
    InPlace = 32,
    Weekday = 64,
    GivenName = 128,
    Surname = 256,
}

fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = None;
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            '0'
        } else {
            c
        };
        if last != Some(class) {
            out.push(class);
            last = Some(class);
        }
    }
    out
}

fn straight(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' | '«' | '»' | '„' => '"',
            '–' | '—' => '-',
            _ => c,
        })
        .collect()
}

/// The words of a sentence as the features see them.
pub(crate) fn words(tokens: &[&str]) -> Vec<Word> {
    let mut out: Vec<Word> = tokens
        .iter()
        .map(|t| {
            let raw = straight(t);
            let lower: String = raw
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_numeric() { '0' } else { c })
                .collect();
            let mut lists = 0u16;
            let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
            if PLACES.contains(&lower) {
                lists |= Gazetteer::Place as u16;
            }
            if capitalised && lexicon::is_city(&lower) {
                lists |= Gazetteer::City as u16;
            }
            if ORG_WORDS.contains(lower.trim_end_matches('.')) {
                lists |= Gazetteer::OrgWord as u16;
            }
            if TITLES.contains(lower.trim_end_matches('.')) {
                lists |= Gazetteer::Title as u16;
            }
            if capitalised && lexicon::is_demonym_adjective(&raw) {
                lists |= Gazetteer::Demonym as u16;
            }
            if lexicon::is_weekday(&raw) {
                lists |= Gazetteer::Weekday as u16;
            }
            if capitalised && GIVEN_NAMES.contains(&lower) {
                lists |= Gazetteer::GivenName as u16;
            }
            if capitalised && SURNAMES.contains(&lower) {
                lists |= Gazetteer::Surname as u16;
            }
            Word { shape: shape(&raw), raw, lower, lists }
        })
        .collect();
    // Places of two or three words ("New Zealand", "Bosnia and Herzegovina").
    for len in [2, 3] {
        for start in 0..out.len().saturating_sub(len - 1) {
            let joined =
                out[start..start + len].iter().map(|w| w.lower.as_str()).collect::<Vec<_>>().join(" ");
            if PLACES.contains(&joined) {
                for w in &mut out[start..start + len] {
                    w.lists |= Gazetteer::InPlace as u16;
                }
            }
        }
    }
    out
}

/// Where a word is, for the features that look past the sentence's ends.
const START: &str = "<s>";
const END: &str = "</s>";

/// Hashes a template and its parts into a bucket.
struct Hasher {
    key: Vec<u8>,
}

impl Hasher {
    fn new() -> Hasher {
        Hasher { key: Vec::with_capacity(64) }
    }

    fn bucket(&mut self, template: u8, parts: &[&[u8]]) -> u32 {
        self.key.clear();
        for (k, p) in parts.iter().enumerate() {
            if k > 0 {
                self.key.push(0x1f);
            }
            self.key.extend_from_slice(p);
        }
        (xxh3_64_with_seed(&self.key, u64::from(template)) as usize & (BUCKETS - 1)) as u32
    }
}

/// Appends the hashed features of word `i` that do not depend on the tags to `out`.
pub(crate) fn extract(words: &[Word], i: usize, out: &mut Vec<u32>) {
    let mut h = Hasher::new();
    let mut add = |template: u8, parts: &[&[u8]]| out.push(h.bucket(template, parts));
    let at = |k: isize| -> Option<&Word> { usize::try_from(i as isize + k).ok().and_then(|k| words.get(k)) };
    let lower = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |w| w.lower.as_str()).as_bytes();
    let shape_at = |k: isize| at(k).map_or(if k < 0 { START } else { END }, |w| w.shape.as_str()).as_bytes();
    let w = &words[i];
    let chars: Vec<char> = w.lower.chars().collect();
    let prefix = |n: usize| chars[..n.min(chars.len())].iter().collect::<String>();
    let suffix = |n: usize| chars[chars.len().saturating_sub(n)..].iter().collect::<String>();

    add(0, &[]);
    add(1, &[w.lower.as_bytes()]);
    add(2, &[w.raw.as_bytes()]);
    add(3, &[prefix(3).as_bytes()]);
    add(4, &[suffix(2).as_bytes()]);
    add(5, &[suffix(3).as_bytes()]);
    add(6, &[suffix(4).as_bytes()]);
    add(7, &[shape_at(0)]);
    add(8, &[lower(-1)]);
    add(9, &[lower(1)]);
    add(10, &[lower(-2)]);
    add(11, &[lower(2)]);
    add(12, &[shape_at(-1), shape_at(0)]);
    add(13, &[shape_at(0), shape_at(1)]);
    add(14, &[lower(-1), lower(0)]);
    add(15, &[lower(0), lower(1)]);
    add(20, &[&[u8::from(i == 0)], shape_at(0)]);
    for (template, k) in [(21u8, 0isize), (22, -1), (23, 1)] {
        let lists = at(k).map_or(0, |w| w.lists);
        for bit in 0..16u8 {
            if lists & (1 << bit) != 0 {
                add(template, &[&[bit]]);
            }
        }
    }
    add(24, &[shape_at(-1), shape_at(0), shape_at(1)]);
    add(25, &[&w.lists.to_le_bytes(), shape_at(0)]);
}

/// How many features [`transition`] gives.
pub(crate) const TRANSITION_FEATURES: usize = 3;

/// The hashed features of word `i` given the tag before it (`prev`; [`super::Tag::COUNT`]
/// before the sentence): the pair of tags, and the tag before with the word and its shape.
pub(crate) fn transition(words: &[Word], i: usize, prev: u8) -> [u32; TRANSITION_FEATURES] {
    let mut h = Hasher::new();
    let w = &words[i];
    [
        h.bucket(16, &[&[prev]]),
        h.bucket(18, &[&[prev], w.lower.as_bytes()]),
        h.bucket(19, &[&[prev], w.shape.as_bytes()]),
    ]
}
