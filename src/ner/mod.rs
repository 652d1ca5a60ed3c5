//! A statistical named-entity tagger: an averaged perceptron over hashed features
//! ([`features`]), trained on CoNLL-2003 English (`scripts/train_ner.sh`, see [`train`]), with
//! Viterbi decoding over BIO tags for people, organisations, places and other
//! names (MISC: events, nationalities, titles of works).
//!
//! Why our own and not a crate: the NER crates on crates.io are for other languages with
//! their own features (`nerrs` for Persian, `chinese-ner`), keep string-keyed models as JSON
//! (`crfrs`, which `nerrs` builds on), or bind a C library (`crfsuite`). A perceptron over
//! hashed features is a few hundred lines here, the model is 2.4 MB of bytes embedded in the
//! binary (`models/ner/weights.bin`, one signed byte per bucket and tag, copied once on first
//! use), and one [`features::extract`] for training and tagging keeps the two in step.

use std::ops::Range;
use std::sync::LazyLock;

mod features;
pub mod train;

pub use features::BUCKETS;

/// What a name is, as the tagger tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    /// A person.
    Person,
    /// A company, institution, team, party or outlet.
    Organization,
    /// A country, city, region or other place.
    Location,
    /// Another name: an event, a nationality, a work, a product.
    Misc,
}

impl EntityKind {
    /// Every kind, in the order of the tags.
    pub const ALL: [EntityKind; 4] =
        [EntityKind::Person, EntityKind::Organization, EntityKind::Location, EntityKind::Misc];

    /// The CoNLL label ("PER", "ORG", "LOC", "MISC").
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "PER",
            EntityKind::Organization => "ORG",
            EntityKind::Location => "LOC",
            EntityKind::Misc => "MISC",
        }
    }

    fn from_label(label: &str) -> Option<EntityKind> {
        EntityKind::ALL.into_iter().find(|k| k.label() == label)
    }
}

/// A BIO tag: 0 is outside a name; `1 + 2k` begins and `2 + 2k` continues a name of the `k`th
/// [`EntityKind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag(u8);

impl Tag {
    /// Outside any name.
    pub const OUTSIDE: Tag = Tag(0);
    /// How many tags there are.
    pub const COUNT: usize = 1 + 2 * EntityKind::ALL.len();

    /// The tag that begins (`inside` false) or continues a name of `kind`.
    pub fn new(kind: EntityKind, inside: bool) -> Tag {
        let k = EntityKind::ALL.iter().position(|&x| x == kind).expect("a kind") as u8;
        Tag(1 + 2 * k + u8::from(inside))
    }

    /// The kind of name the tag is part of.
    pub fn kind(self) -> Option<EntityKind> {
        (self.0 > 0).then(|| EntityKind::ALL[usize::from((self.0 - 1) / 2)])
    }

    /// Whether the tag continues a name.
    pub fn inside(self) -> bool {
        self.0 > 0 && self.0.is_multiple_of(2)
    }

    /// Whether this tag may follow `prev` (`None` at the start): a name is continued only by
    /// its own kind.
    fn may_follow(self, prev: Option<Tag>) -> bool {
        !self.inside() || prev.is_some_and(|p| p.kind() == self.kind())
    }

    fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// The tagger's weights: for each feature bucket, one score per tag.
pub struct Tagger {
    weights: Box<[i8]>,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger").field("buckets", &(self.weights.len() / Tag::COUNT)).finish()
    }
}

const MAGIC: &[u8; 8] = b"NBNER\0\0\x01";

/// The committed model, read on first use.
pub static TAGGER: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../models/ner/weights.bin"))
        .expect("the committed NER weights are valid")
});

impl Tagger {
    /// Reads weights written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, String> {
        let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or("not a newsbrief NER model")?;
        let (header, weights) = body.split_at_checked(8).ok_or("truncated header")?;
        let buckets = u32::from_le_bytes(header[..4].try_into().expect("4 bytes")) as usize;
        let tags = u32::from_le_bytes(header[4..].try_into().expect("4 bytes")) as usize;
        if buckets != BUCKETS || tags != Tag::COUNT || weights.len() != buckets * tags {
            return Err(format!(
                "the model has {buckets} buckets and {tags} tags, this build expects {BUCKETS} and {}",
                Tag::COUNT
            ));
        }
        Ok(Tagger { weights: weights.iter().map(|&b| b as i8).collect() })
    }

    /// The bytes of the model file.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend_from_slice(&(BUCKETS as u32).to_le_bytes());
        out.extend_from_slice(&(Tag::COUNT as u32).to_le_bytes());
        out.extend(self.weights.iter().map(|&w| w as u8));
        out
    }

    /// Tags the words of one sentence.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        decode(&features::words(tokens), |feats, scores| {
            for &f in feats {
                let row = &self.weights[f as usize * Tag::COUNT..][..Tag::COUNT];
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += f32::from(w);
                }
            }
        })
    }
}

/// Viterbi decoding: the best-scoring sequence of tags in which a name is continued only by
/// its own kind. A word's score for a tag is the sum of its features' weights: those of the
/// word and its neighbours ([`features::extract`]) and those of the tag before it
/// ([`features::transition`]). `score` adds a list of features' weights to the tags' scores.
/// Of equal scores the first tag wins, so the result does not depend on anything but the
/// weights.
fn decode(words: &[features::Word], score: impl Fn(&[u32], &mut [f32; Tag::COUNT])) -> Vec<Tag> {
    let mut feats = Vec::with_capacity(48);
    // For each word and tag: the best score of the tags up to it, and the tag before.
    let mut path: Vec<[(f32, u8); Tag::COUNT]> = Vec::with_capacity(words.len());
    for i in 0..words.len() {
        feats.clear();
        features::extract(words, i, &mut feats);
        let mut base = [0f32; Tag::COUNT];
        score(&feats, &mut base);
        let mut here = [(f32::NEG_INFINITY, 0u8); Tag::COUNT];
        let before: Vec<(Option<Tag>, f32)> = match path.last() {
            None => vec![(None, 0.0)],
            Some(last) => (0..Tag::COUNT)
                .map(|p| (Some(Tag(p as u8)), last[p].0))
                .filter(|(_, s)| s.is_finite())
                .collect(),
        };
        for (prev, so_far) in before {
            let mut scores = base;
            score(&features::transition(words, i, history(prev)), &mut scores);
            for (t, &s) in scores.iter().enumerate() {
                let total = so_far + s;
                if Tag(t as u8).may_follow(prev) && total > here[t].0 {
                    here[t] = (total, prev.map_or(0, |p| p.0));
                }
            }
        }
        path.push(here);
    }
    let Some(last) = path.last() else { return Vec::new() };
    let mut tag = (0..Tag::COUNT).fold(0, |b, t| if last[t].0 > last[b].0 { t } else { b }) as u8;
    let mut tags = vec![Tag::OUTSIDE; words.len()];
    for i in (0..words.len()).rev() {
        tags[i] = Tag(tag);
        tag = path[i][usize::from(tag)].1;
    }
    tags
}

/// A previous tag as a feature value; [`Tag::COUNT`] before the sentence.
fn history(tag: Option<Tag>) -> u8 {
    tag.map_or(Tag::COUNT as u8, |t| t.0)
}

/// A name the tagger found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Byte range in the sentence.
    pub range: Range<usize>,
    /// What it names.
    pub kind: EntityKind,
}

/// The names in a sentence.
pub fn entities(sentence: &str) -> Vec<Entity> {
    let tokens = crate::text::tokens(sentence);
    let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    spans(&TAGGER.tag(&words))
        .into_iter()
        .map(|(r, kind)| Entity { range: tokens[r.start].start..tokens[r.end - 1].end, kind })
        .collect()
}

/// The names in a tag sequence, as token ranges.
pub fn spans(tags: &[Tag]) -> Vec<(Range<usize>, EntityKind)> {
    let mut out: Vec<(Range<usize>, EntityKind)> = Vec::new();
    for (i, tag) in tags.iter().enumerate() {
        let Some(kind) = tag.kind() else { continue };
        match out.last_mut() {
            Some((r, k)) if tag.inside() && r.end == i && *k == kind => r.end = i + 1,
            _ => out.push((i..i + 1, kind)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
