//! A site's furniture from two of its pages: a line that two different stories of one site
//! both hold ("Get breaking news alerts and special reports", "Tell us what YOU think...", the
//! site's "most read" list) is the site's, not either story's. The corpus-wide rule (see
//! `repeated_lines`) wants a line in `clean.corpus_repeat_min` articles with different
//! neighbours; within one site two pages are enough, once they are two stories: pages that
//! share at least [`SAME_STORY`] of their lines of prose (of [`PROSE_WORDS`] words or more:
//! a site's menus and footers, on every page, would make any two pages alike) are versions of
//! one story (an update, a syndicated copy), and what they share is the story.
//!
//! The site is the host of the page's URL line (or, for an HTML page, of its canonical URL,
//! else its site name), else the outlet its file name gives before its date
//! (`nyt_2016-10-28_….txt`); a page of no known site is left to the corpus-wide rule.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Cleaned;
use crate::model::Article;
use crate::provenance::{host, outlet_in_name, url_line};

/// The share of two pages' distinct lines of prose (Jaccard) from which they are one story.
pub(crate) const SAME_STORY: f64 = 0.5;

/// Words from which a line is prose, for telling two stories from two versions of one.
pub(crate) const PROSE_WORDS: usize = 12;

/// Articles of one site whose pairs are compared for a line they share, at most: the first
/// ones that hold it, in corpus order.
const PAIRS_FROM: usize = 4;

/// The site of an article: see the module's header. `page` is an HTML page's extraction.
pub(crate) fn site_of(article: &Article, page: Option<&Cleaned>) -> Option<String> {
    if let Some(page) = page {
        return page.meta.url.as_deref().and_then(host).or_else(|| page.meta.publisher.clone());
    }
    let stem = std::path::Path::new(&article.path).file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    url_line(&article.text).as_deref().and_then(host).or_else(|| outlet_in_name(stem))
}

/// For each site, the keys of the lines that two different stories of it hold. `sites[i]` is
/// article `i`'s site, `keys[i]` its lines' keys (see `line_keys`) and `prose[i]` those of its
/// lines of prose (of [`PROSE_WORDS`] words or more).
pub(crate) fn site_lines(
    sites: &[Option<String>],
    keys: &[Vec<u64>],
    prose: &[Vec<u64>],
) -> HashMap<String, HashSet<u64>> {
    let mut by_site: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, site) in sites.iter().enumerate() {
        if let Some(site) = site {
            by_site.entry(site).or_default().push(i);
        }
    }
    let mut out = HashMap::new();
    for (site, members) in by_site.into_iter().filter(|(_, m)| m.len() >= 2) {
        let sets: Vec<HashSet<u64>> = members.iter().map(|&i| keys[i].iter().copied().collect()).collect();
        let stories: Vec<HashSet<u64>> =
            members.iter().map(|&i| prose[i].iter().copied().collect()).collect();
        // Which of the site's articles hold each line, the first few.
        let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
        for (k, set) in sets.iter().enumerate() {
            for &key in set {
                let list = holders.entry(key).or_default();
                if list.len() < PAIRS_FROM {
                    list.push(k);
                }
            }
        }
        let mut two_stories: HashMap<(usize, usize), bool> = HashMap::new();
        let mut different = |a: usize, b: usize| {
            *two_stories.entry((a, b)).or_insert_with(|| {
                let shared = stories[a].intersection(&stories[b]).count();
                let union = stories[a].len() + stories[b].len() - shared;
                (shared as f64) < SAME_STORY * union as f64
            })
        };
        let mut furniture = HashSet::new();
        for (key, list) in holders {
            let pairs = (0..list.len()).flat_map(|x| (x + 1..list.len()).map(move |y| (x, y)));
            let mut pairs: Vec<(usize, usize)> = pairs.map(|(x, y)| (list[x], list[y])).collect();
            pairs.sort_unstable();
            if pairs.into_iter().any(|(a, b)| different(a, b)) {
                furniture.insert(key);
            }
        }
        out.insert(site.to_string(), furniture);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_stories_of_one_site_share_furniture_two_versions_of_one_story_share_the_story() {
        let site = |s: &str| Some(s.to_string());
        // Lines 1-3 are two stories' own; 90 is the site's newsletter box, on both.
        let keys = vec![
            vec![1, 2, 3, 90],
            vec![4, 5, 6, 90],
            // An update of the first story, and a page of another site with the same box.
            vec![1, 2, 3, 7, 90],
            vec![8, 9, 90],
        ];
        // Their prose: the story lines, not the box.
        let prose: Vec<Vec<u64>> =
            keys.iter().map(|k| k.iter().copied().filter(|&k| k < 90).collect()).collect();
        let lines = site_lines(&[site("a.com"), site("a.com"), site("a.com"), site("b.org")], &keys, &prose);
        assert_eq!(lines["a.com"], HashSet::from([90]));
        assert!(!lines.contains_key("b.org"), "one page is no site's furniture");
        // Only the story and its update: nothing.
        let lines = site_lines(&[site("a.com"), None, site("a.com"), None], &keys, &prose);
        assert!(lines["a.com"].is_empty(), "{lines:?}");
    }

    #[test]
    fn the_site_is_the_url_lines_host_else_the_file_names_outlet() {
        let text = "https://www.example.com/2019/11/19/story.html\n\nA story.\n";
        let article = Article::new("x".into(), "in/x.txt".into(), text.into());
        assert_eq!(site_of(&article, None).as_deref(), Some("example.com"));
        let article = Article::new("nyt".into(), "in/nyt_2016-10-28_letter.txt".into(), "A story.\n".into());
        assert_eq!(site_of(&article, None).as_deref(), Some("nyt"));
        let article = Article::new("a".into(), "in/0a12df42.txt".into(), "A story.\n".into());
        assert_eq!(site_of(&article, None), None);
    }
}
