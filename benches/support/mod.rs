//! Shared by the benches: builds a corpus of any size from the BBC articles in
//! `../shared/corpus/bbc/` with deterministic perturbations, so that every run and every
//! machine measures the same bytes.
//!
//! Article `i` is BBC article `i mod 2225`. The first round is the articles as they are; every
//! later round is, by a seeded draw, one of:
//! - a syndicated copy under another name (the text unchanged, a byline line added: 10 %),
//! - a light edit (a few words changed, maybe the last paragraph dropped: 15 %), a near copy
//!   that dedup should merge,
//! - a rewrite (a fifth of the words replaced by words of another article, paragraphs
//!   reordered, one dropped: 75 %), a new article as far as dedup is concerned.
//!
//! The draws come from ChaCha8 seeded with the article number, whose output `rand_chacha`
//! promises not to change between versions.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Where the BBC articles are when the repository sits beside `shared/`.
pub fn bbc_dir() -> PathBuf {
    let dir = std::env::var_os("NEWSBRIEF_BBC")
        .map_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/bbc"), PathBuf::from);
    assert!(
        dir.is_dir(),
        "the benches need the BBC corpus: `{}` is not a folder (set NEWSBRIEF_BBC to its path)",
        dir.display()
    );
    dir
}

/// The BBC articles, sorted by path, as text.
pub fn read_bbc(dir: &Path) -> Vec<String> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    paths.iter().map(|p| String::from_utf8_lossy(&std::fs::read(p).expect("readable")).into_owned()).collect()
}

/// Article number `i` of a generated corpus.
pub fn article(base: &[String], i: usize) -> String {
    let original = &base[i % base.len()];
    if i < base.len() {
        return original.clone();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(i as u64);
    let draw: f64 = rng.random();
    let mut paragraphs: Vec<String> =
        original.split("\n\n").map(str::to_string).filter(|p| !p.trim().is_empty()).collect();
    if draw < 0.10 {
        let outlet = rng.random_range(1..=50);
        return format!("{original}\n\nThis story was syndicated by Outlet {outlet}.\n");
    }
    if draw < 0.25 {
        replace_words(&mut paragraphs[1..], &[], 0.01, &mut rng);
        if paragraphs.len() > 4 && rng.random_bool(0.5) {
            paragraphs.pop();
        }
        return paragraphs.join("\n\n") + "\n";
    }
    let donor = &base[rng.random_range(0..base.len())];
    let donor_words: Vec<&str> = donor.split_whitespace().collect();
    replace_words(&mut paragraphs[1..], &donor_words, 0.2, &mut rng);
    if paragraphs.len() > 3 {
        paragraphs[1..].shuffle(&mut rng);
        let drop = rng.random_range(1..paragraphs.len());
        paragraphs.remove(drop);
    }
    paragraphs.join("\n\n") + "\n"
}

/// Replaces about `share` of the words with words of the donor (or with a numbered word).
fn replace_words(paragraphs: &mut [String], donor: &[&str], share: f64, rng: &mut ChaCha8Rng) {
    for p in paragraphs {
        let words: Vec<String> = p
            .split_whitespace()
            .map(|w| {
                if !rng.random_bool(share) {
                    w.to_string()
                } else if donor.is_empty() {
                    format!("word{}", rng.random_range(0..1000))
                } else {
                    donor[rng.random_range(0..donor.len())].to_string()
                }
            })
            .collect();
        *p = words.join(" ");
    }
}

/// Writes a corpus of `n` articles under `dir` (1,000 per subfolder) unless a marker says it
/// is already there, and returns the folder.
pub fn ensure_corpus(n: usize) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("target/bench-corpus/{n}"));
    let marker = dir.join(".complete");
    if marker.exists() {
        return dir;
    }
    let base = read_bbc(&bbc_dir());
    let _ = std::fs::remove_dir_all(&dir);
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 1000));
        if i % 1000 == 0 {
            std::fs::create_dir_all(&sub).expect("create the corpus folder");
        }
        std::fs::write(sub.join(format!("{i:06}.txt")), article(&base, i)).expect("write an article");
    }
    std::fs::write(&marker, "").expect("write the marker");
    dir
}
