//! Where an article comes from, when its text does not say: the URL line a scraper wrote at
//! the top of the page, the date in that URL (`/2016/10/28/`) or in the file name
//! (`nyt_2016-10-28_comey-letter.txt`), and the outlet (the URL's host, or the file name's part
//! before its date). The cleaner reads what the text gives; this fills the gaps after it, and
//! records where the date came from.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Article, DateSource, Day};

/// Lines from the top of the file where a URL line is looked for.
const URL_LINES: usize = 5;

/// A year, month and day, written together or with one separator: 2016-10-28, 20161028,
/// 2016/10/28, 2016_10_28.
static YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)\d\d)([-_/.]?)(0[1-9]|1[0-2])([-_/.]?)(0[1-9]|[12]\d|3[01])(?:[^0-9]|$)",
    )
    .expect("ymd")
});

/// `/2008/12/15/` or `/2008/12/` in a URL's path.
static URL_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(?:(0?[1-9]|[12]\d|3[01])/)?").expect("url ymd")
});

/// Fills `url`, `outlet`, `date` and `date_source` where the cleaner left them empty.
pub(crate) fn fill(article: &mut Article, original: &str) {
    let meta = &mut article.meta;
    if meta.url.is_none() {
        meta.url = url_line(original);
    }
    if meta.date.is_some() {
        meta.date_source.get_or_insert(DateSource::Text);
    }
    let path = std::path::Path::new(&article.path);
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if meta.date.is_none() {
        if let Some(day) = meta.url.as_deref().and_then(date_in_url) {
            meta.date = Some(day);
            meta.date_source = Some(DateSource::Url);
        } else if let Some(day) = date_in_name(stem) {
            meta.date = Some(day);
            meta.date_source = Some(DateSource::FileName);
        }
    }
    if meta.outlet.is_none() {
        meta.outlet = meta
            .publisher
            .clone()
            .or_else(|| meta.url.as_deref().and_then(host))
            .or_else(|| outlet_in_name(stem));
    }
}

/// The first line among the file's first [`URL_LINES`] that is a URL, with spaces removed.
pub(crate) fn url_line(original: &str) -> Option<String> {
    original
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(URL_LINES)
        .find(|l| is_url_line(l))
        .map(|l| l.replace(' ', ""))
}

/// A URL on a line of its own. Scrapers sometimes write it with a space around each mark
/// (`http : / / www . bbc . co . uk / …`): no two words then stand side by side, as they do in
/// a sentence that starts with a URL.
fn is_url_line(line: &str) -> bool {
    let lower = line.get(..8).unwrap_or(line).to_ascii_lowercase();
    if !lower.starts_with("http") {
        return false;
    }
    let joined: String = line.split_whitespace().collect();
    let wordy =
        |t: &str| t.chars().filter(|c| c.is_alphanumeric()).count() > 0 && t.chars().any(char::is_alphabetic);
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let sentence_like =
        tokens.windows(2).any(|w| wordy(w[0]) && wordy(w[1]) && !w[0].ends_with(['/', '.', ':', '-', '_']));
    !sentence_like && (joined.starts_with("http://") || joined.to_ascii_lowercase().starts_with("https://"))
}

/// The URL's host without `www.`: `ocregister.com`.
pub(crate) fn host(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (host.contains('.') && host.len() > 3).then(|| host.to_string())
}

/// A date in the URL's path, to the day or the month.
pub(crate) fn date_in_url(url: &str) -> Option<Day> {
    let path = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = &path[path.find('/')?..];
    if let Some(c) = URL_YMD.captures(path) {
        let (year, month) = (c[1].parse().ok()?, c[2].parse().ok()?);
        let day = c.get(3).and_then(|d| d.as_str().parse().ok()).unwrap_or(0);
        let found = Day::ymd(year, month, day);
        return (day == 0 || found.to_date().is_some()).then_some(found);
    }
    full_date(path)
}

/// A full date in a file name: `2016-10-28`, `20161028`.
pub(crate) fn date_in_name(stem: &str) -> Option<Day> {
    full_date(stem)
}

/// The first year-month-day written with the same separator twice (or none), that is a date.
fn full_date(text: &str) -> Option<Day> {
    YMD.captures_iter(text).find_map(|c| {
        if c[2] != c[4] {
            return None;
        }
        let day = Day::ymd(c[1].parse().ok()?, c[3].parse().ok()?, c[5].parse().ok()?);
        day.to_date().map(|_| day)
    })
}

/// The part of a file name before its date, when it is a short name of letters:
/// `wash-post` of `wash-post_2016-10-28_comey-letter`.
pub(crate) fn outlet_in_name(stem: &str) -> Option<String> {
    let at = YMD.captures(stem)?.get(1)?.start();
    let before = stem[..at].trim_end_matches(['-', '_', '.', ' ']);
    let name_like = (2..=30).contains(&before.len())
        && before.chars().all(|c| c.is_ascii_alphabetic() || c == '-' || c == '.')
        && before.chars().any(|c| c.is_ascii_alphabetic());
    name_like.then(|| before.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_outlets_come_from_file_names() {
        let cases = [
            ("nyt_2016-10-28_comey-letter", Some(Day::ymd(2016, 10, 28)), Some("nyt")),
            ("wash-post_2016-02-29_the-leap", Some(Day::ymd(2016, 2, 29)), Some("wash-post")),
            ("report20160311", Some(Day::ymd(2016, 3, 11)), Some("report")),
            ("017_5ab3c0de12aa90ff", None, None),
            ("breitbart_2015-13-01_no-month-13", None, None),
            ("2016-02-30-not-a-day", None, None),
            ("2016-10_28-mixed", None, None),
        ];
        for (stem, date, outlet) in cases {
            assert_eq!(date_in_name(stem), date, "{stem}");
            assert_eq!(outlet_in_name(stem).as_deref(), outlet, "{stem}");
        }
    }

    #[test]
    fn the_text_comes_first_then_the_url_then_the_file_name() {
        let fill_of = |path: &str, text: &str, date: Option<Day>, publisher: Option<&str>| {
            let mut a = Article::new("a".into(), path.into(), String::new());
            a.meta.date = date;
            a.meta.publisher = publisher.map(str::to_string);
            fill(&mut a, text);
            (a.meta.date, a.meta.date_source, a.meta.outlet, a.meta.url)
        };
        let url = "http://www.ocregister.com/2008/12/15/story.html\nHeadline\n";
        assert_eq!(
            fill_of("in/nyt_2016-10-28_x.txt", url, None, None),
            (
                Some(Day::ymd(2008, 12, 15)),
                Some(DateSource::Url),
                Some("ocregister.com".into()),
                Some("http://www.ocregister.com/2008/12/15/story.html".into())
            )
        );
        assert_eq!(
            fill_of("in/nyt_2016-10-28_x.txt", "Headline\n", None, None),
            (Some(Day::ymd(2016, 10, 28)), Some(DateSource::FileName), Some("nyt".into()), None)
        );
        let given = Some(Day::ymd(2020, 1, 2));
        assert_eq!(
            fill_of("in/nyt_2016-10-28_x.txt", url, given, Some("The Times")),
            (
                given,
                Some(DateSource::Text),
                Some("The Times".into()),
                Some("http://www.ocregister.com/2008/12/15/story.html".into())
            )
        );
    }

    #[test]
    fn a_url_line_gives_the_host_and_the_date_of_its_path() {
        let text = "http://www.ocregister.com/angels/2008/12/15/million-416271.html\nReport: Red Sox offer\n";
        let url = url_line(text).unwrap();
        assert_eq!(host(&url).as_deref(), Some("ocregister.com"));
        assert_eq!(date_in_url(&url), Some(Day::ymd(2008, 12, 15)));
        let spaced = "http : / / www . bbc . co . uk / news / 2004 / 05 / story . html\n\nText.";
        let url = url_line(spaced).unwrap();
        assert_eq!(url, "http://www.bbc.co.uk/news/2004/05/story.html");
        assert_eq!(date_in_url(&url), Some(Day::ymd(2004, 5, 0)));
        assert_eq!(url_line("Title\n\nSee http://example.com for more, said the minister.\n"), None);
        assert_eq!(
            date_in_url("http://joyofsox.blogspot.nl/2008/12/herald-sox.html"),
            Some(Day::ymd(2008, 12, 0))
        );
    }
}
