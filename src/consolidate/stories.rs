//! Stories: the articles split into the news events they report, by average-link clustering
//! of articles, two articles' similarity being the model's cosine of their vectors (each the
//! mean of its first embedded statements' vectors) and the cosine of the names they share,
//! weighted by how rare each name is among the articles.
//!
//! Average link rather than single link (which chains two earthquakes through one article on
//! quakes in general) or leader clustering (which depends on the order of the files). It runs
//! as a nearest-neighbour chain, O(n²) in time and memory for n articles, so at most
//! [`MAX_CLUSTERED`] articles are clustered; the embedding budget keeps n below it by default.

use rayon::prelude::*;

use super::{ArticleId, Claim, Story, SummaryLine};
use crate::embed::Vector;
use crate::model::Corpus;
use crate::union_find::UnionFind;

/// Most sentences in a story's summary.
const SUMMARY_LINES: usize = 5;

/// The id of story number `k` (0 for the largest).
pub(crate) fn id(k: u32) -> String {
    format!("story-{:02}", k + 1)
}

/// The stories, largest first, with their articles, their claims among those shown, and a
/// summary of their top claims (those of two articles or more, else the best three).
pub(crate) fn describe(
    corpus: &Corpus,
    article_ids: &[ArticleId],
    story_of_article: &[Option<u32>],
    vectors: &[Option<Vec<f64>>],
    claims: &[Claim],
) -> Vec<Story> {
    let count = story_of_article.iter().flatten().map(|&s| s as usize + 1).max().unwrap_or(0);
    let mut stories: Vec<Story> = (0..count as u32)
        .map(|k| Story {
            id: id(k),
            label: String::new(),
            articles: Vec::new(),
            summary: Vec::new(),
            claims: Vec::new(),
        })
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); count];
    for (ai, s) in story_of_article.iter().enumerate() {
        if let Some(s) = s {
            stories[*s as usize].articles.push(article_ids[ai].clone());
            members[*s as usize].push(ai);
        }
    }
    for c in claims {
        if let Some(story) = c.story.as_deref().and_then(|id| stories.iter_mut().find(|s| s.id == id)) {
            story.claims.push(c.id.clone());
            let corroborated = c.independent_sources > 1 || story.summary.len() < 3;
            if story.summary.len() < SUMMARY_LINES && corroborated {
                story.summary.push(SummaryLine { text: c.summary.clone(), claim: c.id.clone() });
            }
        }
    }
    for (story, members) in stories.iter_mut().zip(&members) {
        // The label: the headline of the article nearest the story's mean.
        let centre = mean_of(members.iter().filter_map(|&ai| vectors[ai].as_deref()));
        let central = members.iter().copied().max_by(|&a, &b| {
            let near = |ai: usize| {
                vectors[ai]
                    .as_deref()
                    .map_or(f64::MIN, |v| v.iter().zip(&centre).map(|(x, y)| x * y).sum::<f64>())
            };
            near(a).total_cmp(&near(b)).then(b.cmp(&a))
        });
        story.label = central
            .and_then(|ai| corpus.articles[ai].meta.title.clone())
            .or_else(|| story.summary.first().map(|s| s.text.clone()))
            .unwrap_or_else(|| story.id.clone());
    }
    stories
}

/// The plain mean of unit vectors.
fn mean_of<'v>(vectors: impl Iterator<Item = &'v [f64]>) -> Vec<f64> {
    let mut sum = vec![0.0f64; crate::embed::DIMENSIONS];
    for v in vectors {
        for (s, x) in sum.iter_mut().zip(v) {
            *s += x;
        }
    }
    sum
}

/// How many of an article's first statements make its vector: the lead says what the story
/// is, the tail adds background that other stories share (on events-dev, 6 against all:
/// B-cubed 0.83 against 0.80 at the best threshold of each).
pub(crate) const LEAD_STATEMENTS: usize = 6;

/// The weight of shared names in two articles' similarity, the model's cosine having the rest:
/// two earthquakes read alike, and differ in where and who (events-dev, all 40 mixed: B-cubed
/// 0.83 with names at 0.3, 0.85 at 0.5, at the best threshold of each; 0.80 without).
const NAMES: f64 = 0.5;

/// Articles beyond this many (in corpus order, among those with a vector) are left out of
/// stories: the similarity matrix of n articles takes 4n² bytes.
pub(crate) const MAX_CLUSTERED: usize = 8000;

/// The mean of `vectors`, unit length; `None` when there are none.
pub(crate) fn mean<'v>(vectors: impl Iterator<Item = &'v Vector>) -> Option<Vec<f64>> {
    let mut sum = vec![0.0f64; crate::embed::DIMENSIONS];
    let mut n = 0;
    for v in vectors {
        n += 1;
        for (s, x) in sum.iter_mut().zip(v.to_f64()) {
            *s += x;
        }
    }
    let norm = sum.iter().map(|x| x * x).sum::<f64>().sqrt();
    (n > 0 && norm > 0.0).then(|| sum.iter().map(|x| x / norm).collect())
}

/// The story of each article (`None` for an article with no vector), numbered largest story
/// first (ties: the story whose first article comes first). `names[i]` are article `i`'s
/// actors with their unit-length weights, ascending. Two groups of articles are one story
/// while the mean similarity over their pairs of articles is at least `threshold`.
pub(crate) fn cluster(
    articles: &[Option<Vec<f64>>],
    names: &[Vec<(u32, f64)>],
    threshold: f64,
) -> Vec<Option<u32>> {
    let members: Vec<usize> =
        (0..articles.len()).filter(|&i| articles[i].is_some()).take(MAX_CLUSTERED).collect();
    let n = members.len();
    // In f32, whose dot products vectorise: at 100,000 articles the n² pairs took 19 s in f64.
    let unit: Vec<Vec<f32>> = members
        .iter()
        .map(|&i| articles[i].as_deref().expect("has a vector").iter().map(|&x| x as f32).collect())
        .collect();
    let pair = |a: usize, b: usize| {
        let cos = f64::from(crate::embed::dot(&unit[a], &unit[b]));
        let (x, y) = (&names[members[a]], &names[members[b]]);
        let mut shared = 0.0;
        let (mut i, mut j) = (0, 0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let dot = (1.0 - NAMES) * cos + NAMES * shared;
        // Rounded: a merge must not depend on the last bits of a float.
        ((dot * 1e4).round() / 1e4) as f32
    };
    // Each row on its own, in parallel: a pair's similarity is the same from either side.
    let mut sim = vec![0.0f32; n * n];
    sim.par_chunks_mut(n.max(1)).enumerate().for_each(|(a, row)| {
        for (b, s) in row.iter_mut().enumerate() {
            if a != b {
                *s = pair(a, b);
            }
        }
    });
    let mut sets = UnionFind::new(n);
    for (s, a, b) in average_link(&mut sim, n) {
        if f64::from(s) >= threshold {
            sets.union(a, b);
        }
    }
    let groups = sets.groups();
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| (std::cmp::Reverse(groups.get(g).len()), groups.get(g)[0]));
    let mut story = vec![None; articles.len()];
    for (rank, &g) in order.iter().enumerate() {
        for &k in groups.get(g) {
            story[members[k as usize]] = Some(rank as u32);
        }
    }
    story
}

/// Every merge of average-link clustering of `n` items whose similarities are in `sim` (n × n,
/// overwritten), as (similarity, a, b) of two items of the groups merged, by a nearest-neighbour
/// chain. Average link is reducible, so these merges, cut at any threshold, give the groups
/// that merging the most similar pair first would.
pub(crate) fn average_link(sim: &mut [f32], n: usize) -> Vec<(f32, usize, usize)> {
    let mut active = vec![true; n];
    let mut size = vec![1usize; n];
    let mut merges = Vec::with_capacity(n.saturating_sub(1));
    let mut chain: Vec<usize> = Vec::new();
    let mut left = n;
    while left > 1 {
        if chain.is_empty() {
            chain.push(active.iter().position(|&x| x).expect("an active group"));
        }
        let a = *chain.last().expect("chain");
        let prev = chain.len().checked_sub(2).map(|k| chain[k]);
        // The nearest other group; on a tie, the previous link of the chain, then the lowest.
        let mut best = prev;
        let mut best_sim = prev.map_or(f32::NEG_INFINITY, |p| sim[a * n + p]);
        for k in 0..n {
            if active[k] && k != a && sim[a * n + k] > best_sim {
                best = Some(k);
                best_sim = sim[a * n + k];
            }
        }
        let b = best.expect("another active group");
        if Some(b) != prev {
            chain.push(b);
            continue;
        }
        chain.truncate(chain.len() - 2);
        merges.push((best_sim, a, b));
        // The merged group lives on at `a`; average link by Lance and Williams.
        let (sa, sb) = (size[a] as f32, size[b] as f32);
        for k in 0..n {
            if active[k] && k != a && k != b {
                let s = (sa * sim[a * n + k] + sb * sim[b * n + k]) / (sa + sb);
                sim[a * n + k] = s;
                sim[k * n + a] = s;
            }
        }
        active[b] = false;
        size[a] += size[b];
        left -= 1;
    }
    merges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(v: &[f64]) -> Option<Vec<f64>> {
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt();
        Some(
            v.iter().map(|x| x / norm).chain(std::iter::repeat(0.0)).take(crate::embed::DIMENSIONS).collect(),
        )
    }

    #[test]
    fn close_articles_are_one_story_and_the_larger_story_comes_first() {
        let articles = vec![
            unit(&[1.0, 0.0, 0.1]),
            unit(&[0.0, 1.0, 0.0]),
            unit(&[1.0, 0.1, 0.0]),
            None,
            unit(&[0.9, 0.0, 0.0]),
            unit(&[0.1, 1.0, 0.1]),
            unit(&[0.0, 0.0, 1.0]),
        ];
        let names = vec![Vec::new(); articles.len()];
        let s = cluster(&articles, &names, 0.35);
        assert_eq!(s, [Some(0), Some(1), Some(0), None, Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn average_link_does_not_chain() {
        // a–b and b–c are close, a–c not: single link would make one story of the three.
        let articles = vec![unit(&[1.0, 0.0]), unit(&[1.0, 1.0]), unit(&[0.0, 1.0])];
        let names = vec![Vec::new(); articles.len()];
        let s = cluster(&articles, &names, 0.3);
        assert_eq!(s.iter().flatten().collect::<std::collections::BTreeSet<_>>().len(), 2);
    }
}
