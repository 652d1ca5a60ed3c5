//! The indexes that find claim candidates worth comparing: statements by their rare stems,
//! figures by their numbers and what they count, and the stems themselves.

use super::*;
use crate::lexicon::is_reporting;

/// Which statements hold each stem, in statement order: the lists laid end to end in one
/// vector (a map of vectors would cost a header and an allocation per stem, and most stems are
/// in one statement).
pub(in crate::consolidate) struct StemIndex {
    /// Stem → its list's number (the stems are hashes already: a fast hasher will do).
    pub(in crate::consolidate) slot: FxHashMap<u32, u32>,
    /// Where each list starts in `statements`, and where the last ends.
    pub(in crate::consolidate) starts: Vec<u32>,
    pub(in crate::consolidate) statements: Vec<u32>,
}

impl StemIndex {
    pub(in crate::consolidate) fn new(cands: &[Candidate<'_>]) -> StemIndex {
        let mut slot: FxHashMap<u32, u32> = FxHashMap::default();
        let mut counts: Vec<u32> = Vec::new();
        for &s in cands.iter().flat_map(|c| c.stems()) {
            let k = *slot.entry(s).or_insert_with(|| {
                counts.push(0);
                counts.len() as u32 - 1
            });
            counts[k as usize] += 1;
        }
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut at = 0u32;
        for n in counts {
            starts.push(at);
            at += n;
        }
        starts.push(at);
        let mut next = starts.clone();
        let mut statements = vec![0u32; at as usize];
        for (i, c) in cands.iter().enumerate() {
            for s in c.stems() {
                let k = slot[s] as usize;
                statements[next[k] as usize] = i as u32;
                next[k] += 1;
            }
        }
        StemIndex { slot, starts, statements }
    }

    /// The statements that hold stem `s`, ascending.
    pub(in crate::consolidate) fn get(&self, s: u32) -> &[u32] {
        self.slot.get(&s).map_or(&[], |&k| {
            &self.statements[self.starts[k as usize] as usize..self.starts[k as usize + 1] as usize]
        })
    }
}

/// The statements that give each figure key (see [`figure_keys`]), for the keys that two to
/// [`COMMON_FIGURE`] statements give: most keys are one statement's, and are left out.
pub(in crate::consolidate) struct FigureIndex {
    /// The keys, ascending, one per statement that gives it ...
    pub(in crate::consolidate) keys: Vec<u32>,
    /// ... and that statement.
    pub(in crate::consolidate) statements: Vec<u32>,
}

impl FigureIndex {
    pub(in crate::consolidate) fn new(cands: &[Candidate<'_>]) -> FigureIndex {
        let mut all: Vec<(u32, u32)> = cands
            .iter()
            .enumerate()
            .flat_map(|(i, c)| c.figure_keys().iter().map(move |&k| (k, i as u32)))
            .collect();
        all.par_sort_unstable();
        all.dedup();
        let mut index = FigureIndex { keys: Vec::new(), statements: Vec::new() };
        for run in all.chunk_by(|a, b| a.0 == b.0).filter(|run| (2..=COMMON_FIGURE).contains(&run.len())) {
            index.keys.extend(run.iter().map(|e| e.0));
            index.statements.extend(run.iter().map(|e| e.1));
        }
        index
    }

    /// The statements that give key `k`, ascending.
    pub(in crate::consolidate) fn get(&self, k: u32) -> &[u32] {
        let from = self.keys.partition_point(|&x| x < k);
        let to = self.keys.partition_point(|&x| x <= k);
        &self.statements[from..to]
    }
}

/// The keys of a figure that says something on its own: not a share in whole percent ("46
/// percent" is in every poll), a count below a hundred or a year, nor another whole number
/// below ten ("0.5 percentage points", "$16 billion" and "5,000 soldiers" do), with its unit
/// and, one key each, the stems of what it measures ("rates", not the "Thursday" it was on).
pub(in crate::consolidate) fn figure_keys(f: &FigureOut, memo: &mut Stems) -> Vec<u32> {
    let n = f.number;
    let whole = n.fract() == 0.0;
    let telling = match f.unit.as_str() {
        // Shares in whole percent are what every poll reports ("46 percent of voters").
        "percent" => !whole,
        "count" => n >= 100.0 && !(whole && (1900.0..=2100.0).contains(&n)),
        _ => !whole || n >= 10.0,
    };
    if !telling {
        return Vec::new();
    }
    static CALENDAR: LazyLock<Box<[u32]>> = LazyLock::new(|| {
        Stems::default().hashes(&crate::lexicon::calendar_words().collect::<Vec<_>>().join(" "))
    });
    let head = xxh3_64(&n.to_bits().to_le_bytes()) ^ xxh3_64(f.unit.as_bytes()).rotate_left(17);
    let about = memo.hashes(&f.about);
    about
        .iter()
        .filter(|h| CALENDAR.binary_search(h).is_err())
        .map(|&h| xxh3_64(&(head ^ u64::from(h)).to_le_bytes()) as u32)
        .collect()
}

/// What a statement's numbers are compared on (see [`Candidate::numbers`]).
pub(in crate::consolidate) fn number_key(n: f64) -> u32 {
    xxh3_64(&n.to_bits().to_le_bytes()) as u32
}

/// The sorted keys of the numbers of figures given as (number, upper bound of a range).
pub(super) fn number_keys(figures: impl Iterator<Item = (f64, Option<f64>)>) -> Vec<u32> {
    let mut keys: Vec<u32> =
        figures.flat_map(|(n, max)| std::iter::once(n).chain(max)).map(number_key).collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The content stems of texts as sorted, distinct 32-bit hashes, with a memo of word → hash:
/// the stemmer is the costly part of comparing statements, and a corpus uses few words often.
/// One per parallel task, dropped with it. Two stems that share a hash (one pair in millions
/// among a corpus's stems) only nudge a similarity.
///
/// A stem counts by its first [`STEM_PREFIX`] characters: the stemmer leaves "recognition"
/// and "recognize", "presidential" and "president" apart, which restatements mix.
#[derive(Default)]
pub(in crate::consolidate) struct Stems(FxHashMap<String, u32>);

impl Stems {
    /// How many words one memo keeps before it starts again: a megabyte or two.
    pub(in crate::consolidate) const WORDS: usize = 20_000;

    /// The sorted, distinct hashes of `text`'s content stems.
    pub(in crate::consolidate) fn hashes(&mut self, text: &str) -> Box<[u32]> {
        let prefix = |s: &str| s.char_indices().nth(STEM_PREFIX).map_or(s.len(), |(at, _)| at);
        if self.0.len() > Self::WORDS {
            self.0.clear();
        }
        let mut v = Vec::new();
        for_each_content_word(text, |word| {
            if is_reporting(word) {
                return;
            }
            let hash = match self.0.get(word) {
                Some(&hash) => hash,
                None => {
                    let s = stem(word);
                    let hash = xxh3_64(&s.as_bytes()[..prefix(&s)]) as u32;
                    self.0.insert(word.to_string(), hash);
                    hash
                }
            };
            v.push(hash);
        });
        v.sort_unstable();
        v.dedup();
        v.into_boxed_slice()
    }
}
