//! A site's furniture from two of its pages: a line that two different stories of one site
//! both hold ("Get breaking news alerts and special reports", "Tell us what YOU think...", the
//! site's "most read" list) is the site's, not either story's. The corpus-wide rule (see
//! `repeated_lines`) wants a line in `clean.corpus_repeat_min` articles with different
//! neighbours; within one site two pages are enough, once they are two stories: pages that
//! share at least [`SAME_STORY`] of the word sequences of their lines of prose (of
//! [`PROSE_WORDS`] words or more: a site's menus and footers, on every page, would make any two
//! pages alike) are versions of one story (an update, a syndicated copy), and what they share
//! is the story. Word sequences, not whole lines: an update that edits a word in every
//! paragraph ("beyond-the- fringe" to "beyond-the-fringe") is still the story, and its
//! headline and short paragraphs are not the site's.
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

/// Words in a sequence of [`prose_shingles`].
const SHINGLE_WORDS: usize = 4;

/// One in this many word sequences is kept (those whose hash it divides), so that a page's
/// sample stays small and two pages' samples estimate how much of their prose they share.
const SAMPLE: u64 = 4;

/// Adds to `out` the sampled hashes of the [`SHINGLE_WORDS`]-word sequences of a line of prose
/// (its key: normalised words joined by spaces), hashed as dedup hashes its shingles.
pub(crate) fn prose_shingles(key: &str, out: &mut Vec<u64>) {
    let shingles = crate::stages::dedup::shingles(key, SHINGLE_WORDS);
    out.extend(shingles.into_iter().filter(|h| h.is_multiple_of(SAMPLE)));
}

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
/// article `i`'s site, `keys[i]` its lines' keys (see `line_keys`) and `prose[i]` the sampled
/// word sequences of its lines of prose (see [`prose_shingles`]).
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
    fn an_update_that_edits_every_paragraph_is_still_the_story() {
        let story = [
            "Misinformation enters the mainstream.",
            "The radio host may be the most successful conspiracy theorist in the country, with a daily program heard on a hundred stations.",
            "His website promotes a variety of beyond-the- fringe ideas, from faked moon landings to poisoned water, to millions of readers.",
            "The candidate, in turn, cites his followers as the source for some of his own claims about crime and the economy.",
            "The host did not reply.",
            "Sign up for our newsletter.",
        ];
        let page = |edit: bool| {
            let lines: Vec<String> = story
                .iter()
                .map(|l| {
                    if edit {
                        l.replace("the- fringe", "the-fringe").replace("a hundred", "100")
                    } else {
                        l.to_string()
                    }
                })
                .collect();
            lines.join("\n")
        };
        let other = "Another story entirely about the city council and its budget, which was passed on Monday night after a long debate.\nSign up for our newsletter.";
        let texts = [page(false), page(true).replace("in turn,", "in his turn,"), other.to_string()];
        let (keys, prose): (Vec<Vec<u64>>, Vec<Vec<u64>>) =
            texts.iter().map(|t| super::super::keys_and_prose(t.lines())).unzip();
        let site = Some("a.com".to_string());
        let lines = site_lines(&[site.clone(), site.clone(), site], &keys, &prose);
        let key = |line: &str| super::super::line_keys(line)[0];
        assert!(lines["a.com"].contains(&key("Sign up for our newsletter.")));
        assert!(!lines["a.com"].contains(&key("The host did not reply.")));
        assert!(!lines["a.com"].contains(&key("Misinformation enters the mainstream.")));
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
