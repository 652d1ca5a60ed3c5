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

use xxhash_rust::xxh3::xxh3_64;

use crate::lexicon::{self, GIVEN_NAMES, ORG_WORDS, PLACES, SURNAMES, TITLES};

/// Buckets of the hashed feature space (a power of two). 2^18 keeps the committed weights at
/// 2.4 MB (one byte per bucket and tag). Typed span F1 on CoNLL `ner-dev` of the first,
/// greedy tagger: 0.894 with 2^17 buckets, 0.897 with 2^18, 0.899 with 2^20.
pub const BUCKETS: usize = 1 << 18;

/// A word as the features see it, computed once per sentence: hashes of its forms, so that
/// each feature is a few integer operations, not a string built and hashed.
#[derive(Debug, Clone)]
pub(crate) struct Word {
    /// Hashes of the word's forms, by [`Form`].
    forms: [u64; Form::COUNT],
    /// Which of the lexicon's lists hold the word (bits of [`Gazetteer`]).
    lists: u16,
}

/// The forms of a word that features read.
#[derive(Clone, Copy)]
enum Form {
    /// As written, quotes and apostrophes made straight.
    Raw,
    /// Lower case, digits as `0`.
    Lower,
    /// Case and character classes, runs collapsed: "Xx", "XX", "X.X.", "0", "Xx-Xx".
    Shape,
    /// The first three characters of the lower-case form.
    Prefix3,
    /// The last two, three and four characters of the lower-case form.
    Suffix2,
    Suffix3,
    Suffix4,
}

impl Form {
    const COUNT: usize = 7;
}

/// The forms' hashes of the positions before and after the sentence.
const START: [u64; Form::COUNT] = [1; Form::COUNT];
const END: [u64; Form::COUNT] = [2; Form::COUNT];

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
    let lowers: Vec<String> = tokens
        .iter()
        .map(|t| {
            straight(t)
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_numeric() { '0' } else { c })
                .collect()
        })
        .collect();
    let mut out: Vec<Word> = tokens
        .iter()
        .zip(&lowers)
        .map(|(t, lower)| {
            let raw = straight(t);
            let mut lists = 0u16;
            let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
            if PLACES.contains(lower) {
                lists |= Gazetteer::Place as u16;
            }
            if capitalised {
                if lexicon::is_city(lower) {
                    lists |= Gazetteer::City as u16;
                }
                if lexicon::is_demonym_adjective(&raw) {
                    lists |= Gazetteer::Demonym as u16;
                }
                if lexicon::is_weekday(&raw) {
                    lists |= Gazetteer::Weekday as u16;
                }
                if GIVEN_NAMES.contains(lower) {
                    lists |= Gazetteer::GivenName as u16;
                }
                if SURNAMES.contains(lower) {
                    lists |= Gazetteer::Surname as u16;
                }
            }
            let bare = lower.trim_end_matches('.');
            if ORG_WORDS.contains(bare) {
                lists |= Gazetteer::OrgWord as u16;
            }
            if TITLES.contains(bare) {
                lists |= Gazetteer::Title as u16;
            }
            let chars: Vec<char> = lower.chars().collect();
            let part =
                |range: std::ops::Range<usize>| hash(chars[range].iter().collect::<String>().as_bytes());
            let n = chars.len();
            let mut forms = [0u64; Form::COUNT];
            forms[Form::Raw as usize] = hash(raw.as_bytes());
            forms[Form::Lower as usize] = hash(lower.as_bytes());
            forms[Form::Shape as usize] = hash(shape(&raw).as_bytes());
            forms[Form::Prefix3 as usize] = part(0..n.min(3));
            forms[Form::Suffix2 as usize] = part(n.saturating_sub(2)..n);
            forms[Form::Suffix3 as usize] = part(n.saturating_sub(3)..n);
            forms[Form::Suffix4 as usize] = part(n.saturating_sub(4)..n);
            Word { forms, lists }
        })
        .collect();
    // Places of two or three words ("New Zealand", "Bosnia and Herzegovina"), which begin with
    // a capital.
    for len in [2, 3] {
        for start in 0..out.len().saturating_sub(len - 1) {
            if !tokens[start].starts_with(char::is_uppercase) {
                continue;
            }
            let joined = lowers[start..start + len].join(" ");
            if PLACES.contains(&joined) {
                for w in &mut out[start..start + len] {
                    w.lists |= Gazetteer::InPlace as u16;
                }
            }
        }
    }
    out
}

fn hash(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// A feature's bucket from its template and the hashes of its parts: a multiply-rotate mix
/// (FxHash's step) finished by MurmurHash3's 64-bit finaliser, integer operations that give
/// the same bucket on every platform.
fn bucket(template: u8, parts: &[u64]) -> u32 {
    let mut h = u64::from(template).wrapping_add(0x9e37_79b9_7f4a_7c15);
    for &p in parts {
        h = (h.rotate_left(5) ^ p).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    (h as usize & (BUCKETS - 1)) as u32
}

/// Appends the hashed features of word `i` that do not depend on the tags to `out`.
pub(crate) fn extract(words: &[Word], i: usize, out: &mut Vec<u32>) {
    let at = |k: isize| -> &[u64; Form::COUNT] {
        match usize::try_from(i as isize + k).ok().and_then(|k| words.get(k)) {
            Some(w) => &w.forms,
            None if k < 0 => &START,
            None => &END,
        }
    };
    let (lower, shape) = (Form::Lower as usize, Form::Shape as usize);
    let w = &words[i];
    let f = &w.forms;
    let mut add = |template: u8, parts: &[u64]| out.push(bucket(template, parts));
    add(0, &[]);
    add(1, &[f[lower]]);
    add(2, &[f[Form::Raw as usize]]);
    add(3, &[f[Form::Prefix3 as usize]]);
    add(4, &[f[Form::Suffix2 as usize]]);
    add(5, &[f[Form::Suffix3 as usize]]);
    add(6, &[f[Form::Suffix4 as usize]]);
    add(7, &[f[shape]]);
    add(8, &[at(-1)[lower]]);
    add(9, &[at(1)[lower]]);
    add(10, &[at(-2)[lower]]);
    add(11, &[at(2)[lower]]);
    add(12, &[at(-1)[shape], f[shape]]);
    add(13, &[f[shape], at(1)[shape]]);
    add(14, &[at(-1)[lower], f[lower]]);
    add(15, &[f[lower], at(1)[lower]]);
    add(20, &[u64::from(i == 0), f[shape]]);
    for (template, k) in [(21u8, 0isize), (22, -1), (23, 1)] {
        let lists = usize::try_from(i as isize + k).ok().and_then(|k| words.get(k)).map_or(0, |w| w.lists);
        for bit in 0..16u64 {
            if lists & (1 << bit) != 0 {
                add(template, &[bit]);
            }
        }
    }
    add(24, &[at(-1)[shape], f[shape], at(1)[shape]]);
    add(25, &[u64::from(w.lists), f[shape]]);
}

/// How many features [`transition`] gives.
pub(crate) const TRANSITION_FEATURES: usize = 3;

/// The hashed features of word `i` given the tag before it (`prev`; [`super::Tag::COUNT`]
/// before the sentence): the pair of tags, and the tag before with the word and its shape.
pub(crate) fn transition(words: &[Word], i: usize, prev: u8) -> [u32; TRANSITION_FEATURES] {
    let f = &words[i].forms;
    let prev = u64::from(prev);
    [
        bucket(16, &[prev]),
        bucket(18, &[prev, f[Form::Lower as usize]]),
        bucket(19, &[prev, f[Form::Shape as usize]]),
    ]
}
