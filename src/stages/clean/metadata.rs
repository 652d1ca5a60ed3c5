//! The page's metadata: its title, date, author and publisher, read from the head of the page,
//! and the lines that carry them marked.

use super::*;

/// Finds the title, date, author and publisher, and marks their lines.
pub(super) fn read_metadata(blocks: &[Block], labels: &mut [Label], meta: &mut Metadata) {
    let head = head_end(blocks, labels);
    // Date: a line that is mostly a date, near the top (or failing that, near the end).
    for i in (0..head).chain(blocks.len().saturating_sub(8)..blocks.len()) {
        if let Some(day) = date_line(&blocks[i].text) {
            if meta.date.is_none() {
                meta.date = Some(day);
            }
            if labels[i] == Label::Undecided {
                labels[i] = Label::Drop(RemovalReason::Metadata);
            }
        }
    }
    // Dateline: where the story was filed, in the first lines.
    for i in 0..head.min(6) {
        let Some(c) = DATELINE.captures(&blocks[i].text) else { continue };
        if meta.dateline.is_none() {
            let region = c.name("region").map(|r| r.as_str().trim());
            let place = c["place"].trim();
            meta.dateline = Some(region.map_or_else(|| place.to_string(), |r| format!("{place}, {r}")));
        }
        if labels[i] == Label::Undecided {
            labels[i] = Label::Drop(RemovalReason::Metadata);
        }
    }
    // Author: "By X", "X (Op-Ed Contributor)", or a bare name line next to the title.
    for i in 0..head {
        let t = &blocks[i].text;
        let name = BYLINE
            .captures(t)
            .or_else(|| OPED.captures(t))
            .and_then(|c| c.name("name"))
            .map(|m| m.as_str().trim().to_string());
        if let Some(name) = name.filter(|n| looks_like_person(n)) {
            if meta.author.is_none() {
                meta.author = Some(name);
            }
            labels[i] = Label::Drop(RemovalReason::Metadata);
        }
    }
    // A bare name right next to the date line is the byline.
    for i in 0..head {
        let b = &blocks[i];
        let by_date = [i.wrapping_sub(1), i + 1].iter().any(|&j| {
            labels.get(j) == Some(&Label::Drop(RemovalReason::Metadata))
                && date_line(&blocks[j].text).is_some()
        });
        if meta.author.is_none()
            && by_date
            && labels[i] == Label::Undecided
            && (2..=4).contains(&b.words)
            && !b.terminal
            && looks_like_person(&b.text)
        {
            meta.author = Some(b.text.clone());
            labels[i] = Label::Drop(RemovalReason::Metadata);
        }
    }
    // Publisher: "Source: X", "produced by X".
    for (i, b) in blocks.iter().enumerate() {
        if let Some(c) = SOURCE.captures(&b.text) {
            meta.publisher.get_or_insert_with(|| c["name"].trim().to_string());
            labels[i] = Label::Drop(RemovalReason::Metadata);
        } else if matches!(labels[i], Label::Drop(RemovalReason::Disclaimer))
            && let Some(c) = PRODUCED_BY.captures(&b.text)
        {
            meta.publisher.get_or_insert_with(|| c["name"].trim().to_string());
        }
    }
    meta.title = find_title(blocks, labels);
    if let Some(title) = &meta.title {
        // A bare name line right after the title (or after its date) is the byline.
        let t = title_key(title);
        let after_title = blocks.iter().position(|b| b.key == t).map_or(0, |p| p + 1);
        for i in after_title..(after_title + 3).min(blocks.len()) {
            let b = &blocks[i];
            if meta.author.is_none()
                && labels[i] == Label::Undecided
                && b.words >= 2
                && b.words <= 4
                && !b.terminal
                && looks_like_person(&b.text)
            {
                meta.author = Some(b.text.clone());
                labels[i] = Label::Drop(RemovalReason::Metadata);
            }
        }
    }
}

/// Where the title, date and byline are looked for: the first blocks of the page.
pub(super) const HEAD_BLOCKS: usize = 25;

/// Where the top of the article ends: the first [`HEAD_BLOCKS`] blocks, or, below a long menu,
/// up to a few blocks past the first sentence of prose (the date and byline sit around it).
pub(super) fn head_end(blocks: &[Block], labels: &[Label]) -> usize {
    let prose =
        blocks.iter().zip(labels).position(|(b, l)| *l == Label::Undecided && b.terminal && b.words >= 15);
    prose.map_or(HEAD_BLOCKS, |p| (p + 10).max(HEAD_BLOCKS)).min(blocks.len())
}

pub(super) fn title_key(title: &str) -> String {
    key_of(title)
}

/// A line whose content, once dates, times and date words are taken out, is (nearly) nothing.
pub(super) fn date_line(text: &str) -> Option<Day> {
    if text.chars().count() > 80 {
        return None;
    }
    let dates = find_dates(text);
    let first = dates.iter().find_map(|m| match m.kind {
        DateKind::Full(d) => Some(d),
        _ => None,
    })?;
    // What is left once every full date is out ("on April 30,2008 at 4:31 AM, updated April
    // 30,2008 at 8:33 AM" is a date line).
    let mut rest = String::new();
    let mut at = 0;
    for m in dates.iter().filter(|m| matches!(m.kind, DateKind::Full(_))) {
        rest.push_str(&text[at..m.range.start]);
        rest.push(' ');
        at = m.range.end;
    }
    rest.push_str(&text[at..]);
    let leftover = words(&rest)
        .filter(|w| {
            let l = w.to_lowercase();
            // A time, with its "pm" written on ("11:34PM").
            let time = l.trim_end_matches("am").trim_end_matches("pm");
            // A time zone in capitals: "AKDT", "HST", "AEST", "EDT".
            let zone =
                (2..=5).contains(&w.len()) && w.ends_with('T') && w.chars().all(|c| c.is_ascii_uppercase());
            !(zone
                || time.chars().all(|c| c.is_ascii_digit() || c == ':')
                || matches!(
                    l.as_str(),
                    "created"
                        | "story"
                        | "published"
                        | "updated"
                        | "posted"
                        | "on"
                        | "at"
                        | "last"
                        | "modified"
                        | "date"
                        | "am"
                        | "pm"
                        | "gmt"
                        | "utc"
                        | "est"
                        | "cet"
                        | "msk"
                        | "et"
                        | "edt"
                        | "pt"
                        | "pdt"
                        | "pst"
                        | "ct"
                        | "cdt"
                        | "cst"
                        | "mt"
                        | "mdt"
                        | "mst"
                        | "bst"
                        | "cest"
                        | "eet"
                        | "eest"
                        | "ist"
                        | "jst"
                        | "aest"
                        | "aedt"
                )
                || crate::dates::WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w)))
        })
        .count();
    (leftover == 0).then_some(first)
}

/// Two to four capitalised words, letters only, with no stop word: the shape of a name.
pub(super) fn looks_like_person(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    (2..=4).contains(&ws.len())
        && ws.iter().all(|w| is_capitalized(w) && w.chars().all(|c| c.is_alphabetic() || "-.'’".contains(c)))
        && !ws.iter().any(|w| is_stop_word(&w.to_lowercase()))
}

/// Most words of a headline that ends with a period (see [`find_title`]).
pub(super) const HEADLINE_WORDS: usize = 15;
/// A headline's share of function words is below this; running prose's is near one half.
/// A headline in title case may have more ("The Biggest Blow To Obamacare Yet Could Come From
/// Democrats."): see [`title_cased`].
pub(super) const HEADLINE_STOP_SHARE: f64 = 0.45;

/// Most words of a headline in title case that ends with a period ("Kasich: ‘We Are Going To
/// Go All The Way To Cleveland and Secure The Republican Nomination."): the case says
/// headline where the length alone would not.
pub(super) const TITLE_CASE_WORDS: usize = 30;

/// Least words of the story's first sentence, under a headline that opens the file ("What
/// would Donald Trump sound like if he had elocution lessons?").
pub(super) const LEDE_WORDS: usize = 8;

/// Whether a line is written in title case, as headlines are and sentences are not: its
/// function words capitalised too ("Could Come From"), at least two of them and as many as
/// stay in lower case; or every word but the function words capitalised, three at least ("A
/// Rush for Books on Trump."), where a sentence has a verb or a noun in lower case.
pub(super) fn title_cased(text: &str) -> bool {
    let (mut upper, mut lower, mut content, mut capital) = (0, 0, 0, 0);
    for w in crate::text::words(text).skip(1) {
        let capitalised = is_capitalized(w);
        if is_stop_word(&w.to_lowercase()) {
            if capitalised {
                upper += 1;
            } else {
                lower += 1;
            }
        } else if w.chars().any(char::is_alphabetic) {
            content += 1;
            capital += usize::from(capitalised);
        }
    }
    upper >= 2 && upper >= lower || content >= 3 && capital == content
}

/// A headline ending with a period that a deck follows has a share of function words below
/// this ("Misinformation enters mainstream with Trump."): two short sentences of prose ("The
/// council met on Friday." and "It agreed on the budget.") are not a headline and its deck.
pub(super) const DECKED_HEADLINE_STOP_SHARE: f64 = 0.3;

/// Most words of a headline's deck (see [`deck_of`]).
pub(super) const DECK_WORDS: usize = 30;

/// The deck of a headline that opens the file and ends with a semicolon, as news archives
/// write the two (NYT, USA Today): the headline's block index is 0 and the deck is the block
/// right after it, one sentence of at most [`DECK_WORDS`] words, however the hard rules
/// labelled it.
pub(super) fn deck_of(blocks: &[Block], labels: &[Label]) -> Option<usize> {
    let (head, deck) = (blocks.first()?, blocks.get(1)?);
    let headline = (3..=HEADLINE_WORDS).contains(&head.words)
        && head.text.trim_end().ends_with(';')
        && !head.text.contains("://")
        // A headline in capitals reads as shouting, which the hard rules take for navigation.
        && matches!(labels[0], Label::Undecided | Label::Drop(RemovalReason::Navigation));
    // One sentence by the splitter's reading: "Sen. Kelly Ayotte returns $43,100" is one.
    let one_sentence = crate::text::sentences(&deck.text).len() == 1;
    // The headline's semicolon says a deck follows, whatever the page's rules made of it: a
    // column's name the corpus repeats ("Economic Scene."), a deck that names a share button
    // ("Facebook activates tool…"). Not a date or a byline.
    let shaped = (2..=DECK_WORDS).contains(&deck.words)
        && one_sentence
        && labels[1] != Label::Drop(RemovalReason::Metadata);
    (headline && shaped).then_some(1)
}

/// The headline: a line near the top that the page repeats (banner, breadcrumb, teaser), or
/// the line that stands next to the date or byline, or a headline and its deck at the top of
/// the file. Marks its copies as repeated.
pub(super) fn find_title(blocks: &[Block], labels: &mut [Label]) -> Option<String> {
    // The title stands above the story: a line that recurs only from the first paragraph of
    // prose on is the story's own (the question put to each person interviewed).
    let prose = (0..blocks.len()).find(|&i| {
        let b = &blocks[i];
        labels[i] == Label::Undecided && b.words >= 12 && b.terminal && b.stop_share >= 0.2
    });
    let head = blocks.len().min(HEAD_BLOCKS);
    // A date line ("Tuesday, August 7,2012" atop a blog post) is never the title.
    let candidate =
        |b: &Block| b.words >= 3 && b.words <= 30 && !b.text.ends_with('.') && date_line(&b.text).is_none();
    let mut best: Option<(usize, usize)> = None; // (repeats, index)
    for i in 0..head.min(prose.unwrap_or(head)) {
        let b = &blocks[i];
        if !candidate(b)
            || labels[i] != Label::Undecided && labels[i] != Label::Drop(RemovalReason::Navigation)
        {
            continue;
        }
        let repeats = blocks[..head]
            .iter()
            .enumerate()
            .filter(|&(j, o)| j != i && (o.key == b.key || o.key.ends_with(&format!(" {}", b.key))))
            .count();
        if repeats > 0 && best.is_none_or(|(r, _)| repeats > r) {
            best = Some((repeats, i));
        }
    }
    // A file that opens with a headline and its deck, as news archives write them, has its
    // title there, whatever the story repeats below ("Should federal funding … be eliminated?").
    let opens_with_deck = deck_of(blocks, labels).is_some();
    let index = match best {
        _ if opens_with_deck => 0,
        Some((_, i)) => i,
        None => {
            // No repeat: the first headline-shaped line next to a date or byline line, which
            // may sit below a long menu; failing that, the line right above the story's first
            // prose when only a URL or a few words stand above it (a page saved without its site
            // around it).
            let headline = |i: usize| {
                candidate(&blocks[i])
                    && blocks[i].words >= 4
                    && !blocks[i].text.ends_with([':', ';', ','])
                    && !blocks[i].text.contains(['|', '»', '›'])
                    && !blocks[i].text.contains("://")
                    && !blocks[i].text.starts_with("www.")
            };
            // Down to the story's first prose, which may be the headline itself ("Won’t Get
            // Fooled Again: Is … From Russia?"): a line by a byline further down is a quote over
            // a subheading ("“That’s because …”" over "TRUMP COUNTER.").
            (0..head_end(blocks, labels).min(prose.map_or(usize::MAX, |p| p + 1)))
                .find(|&i| {
                    // A line of five words or more within two lines of a date or a byline;
                    // of four, right next to a date ("Klitschko retains belts" over "Updated:
                    // July 7,2012"; in a menu, two capitalised words look like a byline).
                    let dated = |j: usize| labels[j] == Label::Drop(RemovalReason::Metadata);
                    let near = i.saturating_sub(2)..(i + 3).min(blocks.len());
                    let next_to = i.saturating_sub(1)..(i + 2).min(blocks.len());
                    headline(i)
                        && labels[i] == Label::Undecided
                        && (blocks[i].words >= 5
                            && near
                                .into_iter()
                                .any(|j| j != i && (dated(j) || looks_like_person(&blocks[j].text)))
                            || next_to.into_iter().any(|j| j != i && dated(j)))
                })
                .or_else(|| {
                    // Right above the first prose, below nothing but a URL or a few words.
                    let i = prose?.checked_sub(1)?;
                    let above =
                        |b: &Block| b.words <= 3 || b.text.contains("://") || b.text.starts_with("www.");
                    (i < head && headline(i) && blocks[..i].iter().all(above)).then_some(i)
                })
                .or_else(|| deck_of(blocks, labels).map(|_| 0))
                .or_else(|| {
                    // A file that opens with its headline, then the story: some dumps end the
                    // headline with a period. One short sentence, with the story's first prose
                    // right below it, and nothing above it.
                    let first = blocks.first()?;
                    // One sentence by the splitter's reading ("All eggs in N.H. and Iowa
                    // baskets." is one).
                    let one_sentence = |text: &str| crate::text::sentences(text).len() == 1;
                    // Short, and sparing with function words as headlines are: a one-line
                    // lede ("The council met on Friday to agree the budget.") is neither.
                    // Its end mark may stand inside a closing quote ("… ‘Bad Angels Of Our
                    // Nature.’"), and a headline may ask or exclaim.
                    let bare = first.text.trim_end().trim_end_matches(['’', '”', '"', '\'', ')']);
                    let ends_like_a_headline = bare.ends_with(['.', '?', '!'])
                        && !bare.ends_with("..")
                        && !first.text.contains("://");
                    let title_case = title_cased(&first.text);
                    let shaped = (3..=if title_case { TITLE_CASE_WORDS } else { HEADLINE_WORDS })
                        .contains(&first.words)
                        && (first.stop_share < HEADLINE_STOP_SHARE || title_case)
                        && ends_like_a_headline
                        // A headline in title case may run to a second sentence ("Sanders
                        // Suffered A Big Blow. Here’s His Plan Going Forward.").
                        && crate::text::sentences(&first.text).len() <= if title_case { 2 } else { 1 }
                        // A share button's word in a headline ("… mocks Trump on Twitter.") is
                        // no share button when the story follows.
                        && matches!(
                            labels[0],
                            Label::Undecided | Label::Drop(RemovalReason::Social | RemovalReason::Navigation)
                        );
                    // The story's first prose comes next, after at most a section label of a
                    // word or two, however labelled ("ABSTRACT.", which the corpus repeats
                    // and drops) or a deck of one sentence ("Sources come in
                    // from fringe to help perpetuate questionable contentions.").
                    let prose_at = |j: usize| {
                        let b = &blocks[j];
                        labels[j] == Label::Undecided
                            && b.words >= LEDE_WORDS
                            && b.terminal
                            && b.stop_share >= 0.2
                    };
                    let deck_at = |j: usize| {
                        let b = &blocks[j];
                        labels[j] == Label::Undecided
                            && (3..=DECK_WORDS).contains(&b.words)
                            && b.text.ends_with('.')
                            && one_sentence(&b.text)
                    };
                    let next_is_prose =
                        (1..blocks.len().min(3)).find(|&j| blocks[j].words > 2).is_some_and(|j| {
                            prose_at(j)
                                || first.stop_share < DECKED_HEADLINE_STOP_SHARE
                                    && deck_at(j)
                                    && j + 1 < blocks.len()
                                    && prose_at(j + 1)
                        });
                    // A headline in title case says what it is: the story may open a line or two
                    // below it ("Co-authored by …", "America is conflicted."), with a lede of
                    // names ("Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) …").
                    let story_below = title_case
                        && (1..blocks.len().min(4)).any(|j| {
                            labels[j] == Label::Undecided
                                && blocks[j].words >= LEDE_WORDS
                                && blocks[j].terminal
                        });
                    // A story that opens with its dateline ("JERUSALEM - Israeli Prime Minister
                    // …") says that the line above it, or above its one-sentence deck, is the
                    // headline, however thick with function words ("Netanyahu rejects Trump's
                    // remarks about Muslims but will meet with him.").
                    let dated_lede = |j: usize| prose_at(j) && LEDE_DATELINE.is_match(&blocks[j].text);
                    let dated_below =
                        (1..blocks.len().min(3)).find(|&j| blocks[j].words > 2).is_some_and(|j| {
                            dated_lede(j) || deck_at(j) && j + 1 < blocks.len() && dated_lede(j + 1)
                        });
                    let dated_shape = (3..=DECK_WORDS).contains(&first.words)
                        && ends_like_a_headline
                        && one_sentence(&first.text)
                        && labels[0] == Label::Undecided;
                    ((next_is_prose || story_below) && shaped || dated_below && dated_shape).then_some(0)
                })?
        }
    };
    // A headline that goes on in a deck ("Jobs report gives Democrats a lift;" then "Solid
    // upturn … could blunt Republican claims."): both lines, as the archive cites them.
    let title = match deck_of(blocks, labels).filter(|_| index == 0) {
        Some(deck) => format!("{} {}", blocks[0].text.trim_end(), blocks[deck].text.trim_end_matches('.')),
        None => blocks[index].text.clone(),
    };
    let key = blocks[index].key.clone();
    let mut seen_first = false;
    for (j, b) in blocks.iter().enumerate() {
        let same = b.key == key;
        let crumb = !same && b.key.ends_with(&format!(" {key}")) && b.words <= blocks[index].words + 6;
        if same && !seen_first {
            seen_first = true;
            labels[j] = Label::Drop(RemovalReason::Metadata);
        } else if same {
            labels[j] = Label::Drop(RemovalReason::Repeated);
        } else if crumb {
            labels[j] = Label::Drop(RemovalReason::Navigation);
        }
    }
    Some(title)
}
