//! Independent sources: which articles of a claim copied another's words (a wire story run by
//! several papers counts once), and the article's headline line.

use super::*;

/// The line of an article's headline: the removed block that holds it.
pub(in crate::consolidate) fn headline_line(corpus: &Corpus, article: usize) -> Option<usize> {
    let a = &corpus.articles[article];
    let title = a.meta.title.as_deref()?;
    a.removed.iter().find(|r| r.text.trim() == title).map(|r| r.lines[0])
}

/// Sentences of this many words or more that two articles print nearly word for word come
/// from one source (a wire story both ran), not from two.
pub(in crate::consolidate) const COPIED_WORDS: usize = 15;

/// A quote's own words are not compared (see [`independent_articles`]); with fewer words than
/// this around it, two copies cannot be told from two outlets that heard one speech.
pub(in crate::consolidate) const FRAMING_WORDS: usize = 5;

/// The text of a sentence outside its quotation marks.
pub(in crate::consolidate) fn outside_quotes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut inside = false;
    for c in text.chars() {
        match c {
            '“' | '«' => inside = true,
            '”' | '»' => inside = false,
            '"' => inside = !inside,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// Groups larger than this count their articles without looking for copied sentences, which
/// compares every pair of members.
pub(in crate::consolidate) const COPIES_CHECKED_UP_TO: usize = 64;

/// How many independent articles a group's statements come from: distinct articles, where
/// two that carry one long sentence nearly word for word (four in five of their pairs of
/// adjacent words shared) count once. For a quote, outlets quote a speech word for word on
/// their own, so only the words around it are compared: an agency's "…," Ann Lee told
/// reporters in Minsk on Thursday, run by five papers, is one report.
pub(in crate::consolidate) fn independent_articles(members: &[u32], cands: &[Candidate<'_>]) -> usize {
    let articles: Vec<u32> = {
        let mut a: Vec<u32> = members.iter().map(|&i| cands[i as usize].article).collect();
        a.sort_unstable();
        a.dedup();
        a
    };
    if articles.len() < 2 || members.len() > COPIES_CHECKED_UP_TO {
        return articles.len();
    }
    // Each sentence's pairs of adjacent words: a copy keeps them, a rewording does not.
    let pairs: Vec<Option<BTreeSet<(String, String)>>> = members
        .iter()
        .map(|&i| {
            let c = &cands[i as usize];
            let w: Vec<String> = crate::text::words(c.text).map(str::to_lowercase).collect();
            // A quote is a copy when the words around it are copied too.
            let framing: Vec<String> =
                crate::text::words(&outside_quotes(c.text)).map(str::to_lowercase).collect();
            let long =
                w.len() >= COPIED_WORDS && (c.kind != ClaimKind::Quote || framing.len() >= FRAMING_WORDS);
            long.then(|| {
                let mut pairs: BTreeSet<(String, String)> =
                    w.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect();
                if c.kind == ClaimKind::Quote {
                    // Only the framing counts: the quote itself is the speaker's, not the outlet's.
                    pairs = framing.windows(2).map(|p| (p[0].clone(), p[1].clone())).collect();
                }
                pairs
            })
        })
        .collect();
    let mut origins = UnionFind::new(articles.len());
    let at = |i: u32| articles.binary_search(&cands[i as usize].article).expect("member's article");
    for (x, a) in pairs.iter().enumerate() {
        for (y, b) in pairs.iter().enumerate().skip(x + 1) {
            let (Some(a), Some(b)) = (a, b) else { continue };
            if 5 * a.intersection(b).count() >= 4 * a.union(b).count() {
                origins.union(at(members[x]), at(members[y]));
            }
        }
    }
    origins.groups().len()
}

/// A sentence as the briefing shows it (a claim's summary, a timeline entry): without the
/// typo of a doubled full stop at its end ("… attack.."); an ellipsis ("…...") stays.
pub(in crate::consolidate) fn without_doubled_stop(sentence: &str) -> &str {
    match sentence.strip_suffix("..") {
        Some(stem) if !stem.ends_with('.') => &sentence[..sentence.len() - 1],
        _ => sentence,
    }
}
