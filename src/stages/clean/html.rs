//! HTML pages: the article's region and its title, date, byline and site, from the
//! `trafilatura` crate (a port of Python's trafilatura: its own extractor, then readability
//! and jusText as fallbacks, over an HTML5 parse of the page), its paragraphs and headings
//! from the markup it keeps. Why a crate and not our own rules: the page's DOM, the HTML5
//! parsing rules and years of site-agnostic heuristics are there, and measured: on the 90
//! `cleaning-dev` pages, token F1 0.972 with the fallbacks on and the precision focus (0.955
//! with the crate's defaults; `rs-trafilatura` 0.957, and it overflowed the stack on deep
//! nesting).
//!
//! What this module adds: a page nested deeper than [`MAX_DEPTH`] is refused before parsing
//! (the extractor's time grows with the square of the depth: 5,000 levels took 3.6 s, 20,000
//! took 60 s), and each paragraph gets the lines of the page it comes from.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::{Cleaned, Rules, line_keys};
use crate::model::{Day, Metadata, Paragraph, RemovalReason, Removed};
use crate::text::normalize;

/// Deepest nesting of elements a page may have, as a browser's parser allows it (Chromium's
/// stops nesting at 512 levels). Real pages stay far below it.
pub(crate) const MAX_DEPTH: usize = 512;

/// The cleaner's output for one HTML page, or why the page holds no article.
pub(super) fn clean_html(html: &str) -> Result<Cleaned, String> {
    let depth = nesting_depth(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "nests its elements {depth} levels deep, over the {MAX_DEPTH} a browser builds; skipped"
        ));
    }
    let mut options = trafilatura::Options::default();
    options.enable_fallback = true;
    options.focus = trafilatura::ExtractionFocus::FavorPrecision;
    let result = trafilatura::extract(html, &options).map_err(|e| format!("holds no article text ({e})"))?;
    let lines = Lines::new(html);
    // From the body on: the head repeats the headline in `<title>` and its meta tags.
    let mut cursor = find_tag(html.as_bytes(), 0, b"<body").unwrap_or(0);
    let paragraphs: Vec<Paragraph> = blocks_of(&result.content_html)
        .into_iter()
        .enumerate()
        .map(|(index, (text, heading))| {
            let (first, last, end) = lines.locate(&text, cursor);
            cursor = end;
            Paragraph { index, text, lines: [first, last], heading, duplicate_of: None }
        })
        .collect();
    if paragraphs.is_empty() {
        return Err("holds no article text".into());
    }
    let m = result.metadata;
    let given = |s: String| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    // A site name that is an address says no more than the address: the outlet is then its host.
    let site = given(m.sitename).filter(|s| !s.contains("://"));
    let meta = Metadata {
        title: given(m.title).map(|t| without_site(&t, site.as_deref()).to_string()),
        date: m.date.map(|d| {
            use chrono::Datelike;
            Day::ymd(d.year(), d.month() as u8, d.day() as u8)
        }),
        author: given(m.author),
        publisher: site,
        url: given(m.url).filter(|u| u.starts_with("http")),
        ..Metadata::default()
    };
    Ok(Cleaned { meta, paragraphs, removed: Vec::new() })
}

/// A page's title without the site's name that pages put after it ("Nadal keeps Spain alive -
/// Sportsnet.ca").
fn without_site<'t>(title: &'t str, site: Option<&str>) -> &'t str {
    let Some(site) = site else { return title };
    for separator in [" - ", " | ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(separator)
            && tail.trim().eq_ignore_ascii_case(site)
            && !head.trim().is_empty()
        {
            return head.trim_end();
        }
    }
    title
}

/// A page's paragraphs without those the user's `[clean] extra_boilerplate` patterns match
/// and those the corpus repeats (see `repeated_lines`), each moved to `removed` with its
/// reason; with the cleaner off (`clean.enabled = false`), the page as the extractor gave it.
pub(super) fn drop_boilerplate(page: Cleaned, rules: &Rules<'_>) -> Cleaned {
    if !rules.enabled {
        return page;
    }
    let Cleaned { meta, paragraphs, mut removed } = page;
    let mut kept = Vec::with_capacity(paragraphs.len());
    for p in paragraphs {
        let repeated = || {
            line_keys(&p.text).first().is_some_and(|k| {
                rules.corpus_lines.contains(k) || rules.site_lines.is_some_and(|s| s.contains(k))
            })
        };
        let reason = if rules.extra.iter().any(|re| re.is_match(&p.text)) {
            Some(RemovalReason::UserRule)
        } else if repeated() {
            Some(RemovalReason::CorpusRepeated)
        } else {
            None
        };
        match reason {
            Some(reason) => removed.push(Removed { lines: p.lines, reason, text: p.text }),
            None => kept.push(Paragraph { index: kept.len(), ..p }),
        }
    }
    Cleaned { meta, paragraphs: kept, removed }
}

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tr",
    "ul",
];

/// The text blocks of the markup the extractor kept, in order, each normalised (see
/// [`normalize`]) with its whitespace collapsed, and whether it is a heading (`h1`–`h6`). A
/// line break ends a block; table cells of one row are one block.
fn blocks_of(markup: &str) -> Vec<(String, bool)> {
    let fragment = Html::parse_fragment(markup);
    let mut out = Vec::new();
    let mut text = String::new();
    let mut in_heading = 0usize;
    let flush = |text: &mut String, heading: bool, out: &mut Vec<(String, bool)>| {
        let collapsed = normalize(text).split_whitespace().collect::<Vec<_>>().join(" ");
        if !collapsed.is_empty() {
            out.push((collapsed, heading));
        }
        text.clear();
    };
    let is_heading = |name: &str| matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    for edge in fragment.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => text.push_str(t),
                Node::Element(e) => {
                    let name = e.name();
                    if BLOCKS.contains(&name) || name == "br" {
                        flush(&mut text, in_heading > 0, &mut out);
                    } else if matches!(name, "td" | "th") {
                        text.push(' ');
                    }
                    in_heading += usize::from(is_heading(name));
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if BLOCKS.contains(&e.name()) {
                        flush(&mut text, in_heading > 0, &mut out);
                    }
                    in_heading -= usize::from(is_heading(e.name()));
                }
            }
        }
    }
    flush(&mut text, false, &mut out);
    out
}

/// Elements whose end tag may be left out (the parser closes them at the next sibling) and
/// elements without content: neither nests what follows them.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "colgroup", "dd", "dt", "embed", "hr", "img", "input", "li", "link", "meta",
    "option", "p", "param", "rp", "rt", "source", "tbody", "td", "tfoot", "th", "thead", "tr", "track",
    "wbr",
];

/// Formatting elements, which the HTML parser reopens and closes by its own rules ("adoption
/// agency") rather than nesting every unclosed one.
const FORMATTING: &[&str] =
    &["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"];

/// How deep a page's elements nest, read from its tags without parsing it: each start tag of
/// an element that nests opens a level, its end tag closes one. Comments, declarations and
/// the content of `script`, `style`, `textarea` and `title` are skipped.
pub(crate) fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr(b'<', &bytes[at..]).map(|k| at + k) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            at = rest.find("-->").map_or(bytes.len(), |k| lt + k + 3);
            continue;
        }
        let closing = rest.as_bytes().get(1) == Some(&b'/');
        let name_from = lt + 1 + usize::from(closing);
        let name_len =
            bytes[name_from..].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'-').count();
        let Some(tag_end) = memchr(b'>', &bytes[name_from..]).map(|k| name_from + k) else { break };
        at = tag_end + 1;
        if name_len == 0 {
            // `<!DOCTYPE …>`, `<?xml …?>`, or a lone "<" in text.
            continue;
        }
        let name = &html[name_from..name_from + name_len];
        let among = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        if among(NOT_NESTING) || among(FORMATTING) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if bytes[tag_end - 1] != b'/' {
            if among(&["script", "style", "textarea", "title"]) {
                // Their content is text, not markup: on to their end tag.
                let end = format!("</{name}");
                at = find_tag(bytes, at, end.as_bytes()).unwrap_or(bytes.len());
                continue;
            }
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Where `tag` (its start: `<body`, `</script`) first stands from `from` on, in any case.
fn find_tag(bytes: &[u8], mut from: usize, tag: &[u8]) -> Option<usize> {
    while let Some(k) = memchr(b'<', &bytes[from..]).map(|k| from + k) {
        if bytes.get(k..k + tag.len()).is_some_and(|t| t.eq_ignore_ascii_case(tag)) {
            return Some(k);
        }
        from = k + 1;
    }
    None
}

/// The position of the first `needle` byte in `haystack`.
fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// Where the lines of a page start, to give a paragraph the lines it comes from.
struct Lines<'h> {
    html: &'h str,
    starts: Vec<usize>,
}

impl<'h> Lines<'h> {
    fn new(html: &'h str) -> Self {
        let starts = std::iter::once(0).chain(html.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { html, starts }
    }

    /// The 1-based line of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The first and last lines of the page that a paragraph comes from, found by its first and
    /// last words of four letters or more (markup and entities break the text up between
    /// them), searched from `from`, where the paragraph before it was found; and the offset
    /// to search the next paragraph from. A paragraph whose words are not found (an entity in
    /// each) takes the line the search stands at.
    fn locate(&self, text: &str, from: usize) -> (usize, usize, usize) {
        let long = |w: &&str| w.chars().count() >= 4 && w.chars().all(char::is_alphanumeric);
        let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(long).collect();
        let find = |word: &str, from: usize| self.html.get(from..)?.find(word).map(|k| from + k);
        let start = words.first().and_then(|w| find(w, from));
        let Some(start) = start else {
            let line = self.line_of(from);
            return (line, line, from);
        };
        let end = words.last().and_then(|w| find(w, start)).unwrap_or(start);
        (self.line_of(start), self.line_of(end), start)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A news page as sites write them: a menu, the article, a "related" box, comments and a
    /// footer.
    const PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Storm closes port | Daily Courier</title>
<meta property="og:title" content="Storm closes the port of Klaipeda">
<meta property="og:site_name" content="Daily Courier">
<meta name="author" content="Ann Lee">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
<link rel="canonical" href="https://courier.example.com/2024/03/05/storm-port">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<article>
<h1>Storm closes the port of Klaipeda</h1>
<p>A winter storm closed the port of Klaipeda on Tuesday, stranding 40 ships at anchor off the coast, the port authority said.</p>
<p>Winds reached 120 kilometres an hour overnight, and the authority said the port would stay closed until the storm passed, probably on Thursday.</p>
<h2>Ferries cancelled</h2>
<p>All ferries to Kiel and Karlshamn were cancelled, and about 2,000 passengers were waiting in the terminal for news of the next sailing.</p>
</article>
<aside><h3>Related</h3><ul><li><a href="/a">Port strike ends</a></li><li><a href="/b">New terminal opens</a></li></ul></aside>
<footer><p>© 2024 Daily Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"#;

    #[test]
    fn an_article_page_gives_its_paragraphs_headings_and_metadata() {
        let cleaned = clean_html(PAGE).expect("an article");
        let texts: Vec<&str> = cleaned.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert!(texts.iter().any(|t| t.starts_with("A winter storm closed the port")), "{texts:?}");
        assert!(texts.iter().any(|t| t.starts_with("All ferries to Kiel")), "{texts:?}");
        for chrome in ["Home", "Port strike ends", "All rights reserved", "Privacy"] {
            assert!(!texts.iter().any(|t| t.contains(chrome)), "{chrome} kept: {texts:?}");
        }
        let heading = cleaned.paragraphs.iter().find(|p| p.text == "Ferries cancelled").expect("subheading");
        assert!(heading.heading);
        assert!(!cleaned.paragraphs.iter().find(|p| p.text.starts_with("Winds")).expect("body").heading);
        assert_eq!(cleaned.meta.title.as_deref(), Some("Storm closes the port of Klaipeda"));
        assert_eq!(cleaned.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(cleaned.meta.publisher.as_deref(), Some("Daily Courier"));
        assert_eq!(cleaned.meta.date, Some(Day::ymd(2024, 3, 5)));
        assert_eq!(cleaned.meta.url.as_deref(), Some("https://courier.example.com/2024/03/05/storm-port"));
    }

    #[test]
    fn each_paragraph_names_the_lines_of_the_page_it_comes_from() {
        let cleaned = clean_html(PAGE).expect("an article");
        let line_of = |start: &str| {
            let para = cleaned.paragraphs.iter().find(|p| p.text.starts_with(start)).expect(start);
            para.lines
        };
        let page_line = |start: &str| {
            PAGE.lines().position(|l| l.contains(start) && !l.contains("<meta")).expect(start) + 1
        };
        // The headline at its `<h1>`, not at the `<title>` and meta tags that repeat it above.
        for start in ["Storm closes the port", "A winter storm", "Winds reached", "All ferries"] {
            assert_eq!(line_of(start), [page_line(start), page_line(start)], "{start}");
        }
    }

    #[test]
    fn a_page_nested_past_what_a_browser_builds_is_refused_at_once() {
        let deep =
            format!("<html><body>{}<p>Some text of the page.</p></body></html>", "<div>".repeat(20_000));
        let started = std::time::Instant::now();
        let why = clean_html(&deep).expect_err("refused");
        assert!(why.contains("20002 levels deep"), "{why}");
        // Parsed, it would take a minute; the guard reads the tags only.
        assert!(started.elapsed().as_secs() < 5);
    }

    #[test]
    fn nesting_depth_counts_what_the_parser_nests() {
        assert_eq!(nesting_depth("<html><body><div><div><p>a<p>b<br>c</div></div></body></html>"), 4);
        // Unclosed paragraphs and list items do not nest; neither do unclosed formatting tags.
        assert_eq!(nesting_depth(&"<p>text".repeat(1000)), 0);
        assert_eq!(nesting_depth(&"<li><font>x".repeat(1000)), 0);
        // Comments, scripts and self-closed tags open nothing.
        assert_eq!(
            nesting_depth("<!-- <div><div> --><script>if (a<b) { x('<div>') }</script><div/><span>x</span>"),
            1
        );
    }

    #[test]
    fn the_site_name_after_a_title_is_left_out() {
        let site = Some("Sportsnet.ca");
        assert_eq!(without_site("Nadal keeps Spain alive - Sportsnet.ca", site), "Nadal keeps Spain alive");
        assert_eq!(without_site("Nadal keeps Spain alive | SPORTSNET.CA", site), "Nadal keeps Spain alive");
        // Another outlet's name, or a dash of the title's own, stays.
        assert_eq!(without_site("Spain - Russia: 2-1", site), "Spain - Russia: 2-1");
        assert_eq!(without_site("Sportsnet.ca", site), "Sportsnet.ca");
        assert_eq!(without_site("Nadal - Sportsnet.ca", None), "Nadal - Sportsnet.ca");
    }

    #[test]
    fn a_page_without_article_text_says_so() {
        let why =
            clean_html("<html><body><nav><a href='/'>Home</a></nav></body></html>").expect_err("no article");
        assert!(why.starts_with("holds no article text"), "{why}");
    }

    #[test]
    fn blocks_break_at_block_elements_and_line_breaks_and_join_table_cells() {
        let blocks = blocks_of(
            "<h2>Results</h2><p>First line<br>second <b>line</b></p><table><tr><td>Kiel</td><td>12</td></tr></table>",
        );
        assert_eq!(
            blocks,
            [
                ("Results".to_string(), true),
                ("First line".to_string(), false),
                ("second line".to_string(), false),
                ("Kiel 12".to_string(), false),
            ]
        );
    }
}
