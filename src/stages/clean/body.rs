//! The body: which blocks between the head and the end of the article are its paragraphs
//! (repeats, recurring lines, lists and tables, short blocks judged by their neighbours, the
//! end marker, trailing headings, the author's bio).

use super::*;

/// Exact repeats of an earlier block, and a teaser block that restates the title and the lead.
pub(super) fn drop_repeats(blocks: &[Block], labels: &mut [Label], meta: &Metadata) {
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, b) in blocks.iter().enumerate() {
        if b.key.is_empty() {
            continue;
        }
        if let Some(&first) = seen.get(b.key.as_str()) {
            if first != i && labels[i] == Label::Undecided {
                labels[i] = Label::Drop(RemovalReason::Repeated);
            }
        } else {
            seen.insert(&b.key, i);
        }
    }
    if let Some(title) = &meta.title {
        let t = title_key(title);
        for (i, b) in blocks.iter().enumerate() {
            if labels[i] == Label::Undecided && b.key.len() > t.len() && b.key.starts_with(&t) {
                labels[i] = Label::Drop(RemovalReason::Repeated);
            }
        }
    }
}

/// A line the story itself repeats is part of it: the question put to each person in a
/// round of interviews, the label under each item of a list ("See it now: Amazon"). It recurs
/// [`RECURRING`] times or more, inside the body, has three words or more ("Advert" has not), and
/// its first occurrence was kept; a title or teaser printed twice recurs less, or above the body.
pub(super) fn keep_recurring_lines(blocks: &[Block], labels: &mut [Label]) {
    let body = || (0..blocks.len()).filter(|&i| labels[i] == Label::Body);
    let (Some(start), Some(end)) = (body().next(), body().next_back()) else { return };
    let repeats_inside = |i: usize| i > start && i < end && labels[i] == Label::Drop(RemovalReason::Repeated);
    // Most pages repeat nothing inside the story: no map for them.
    if !(0..blocks.len()).any(repeats_inside) {
        return;
    }
    let mut occurrences: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, b) in blocks.iter().enumerate().filter(|(_, b)| !b.key.is_empty()) {
        occurrences.entry(b.key.as_str()).or_default().push(i);
    }
    for at in occurrences.values().filter(|at| at.len() >= RECURRING) {
        let first = labels[at[0]];
        if !matches!(first, Label::Body | Label::Heading) || at[0] < start || blocks[at[0]].words < 3 {
            continue;
        }
        for &i in &at[1..] {
            if i < end && labels[i] == Label::Drop(RemovalReason::Repeated) {
                labels[i] = first;
            }
        }
    }
}

/// How many times a line recurs in a story at least to be part of it (see
/// [`keep_recurring_lines`]).
pub(super) const RECURRING: usize = 3;

/// The label of the last block before `i` that is kept, for passes that walk the blocks
/// forward and only relabel blocks from `i` on: it reads each label once, however many blocks
/// are dropped in a row (a scan back from each block cost a page of dropped lines its length
/// squared).
#[derive(Default)]
pub(super) struct LastKept {
    read: usize,
    last: Option<Label>,
}

impl LastKept {
    fn before(&mut self, labels: &[Label], i: usize) -> Option<Label> {
        for label in &labels[self.read.min(i)..i] {
            if !matches!(label, Label::Drop(_)) {
                self.last = Some(*label);
            }
        }
        self.read = self.read.max(i);
        self.last
    }
}

/// A numbered list that follows running text ("1) …", "2) …", in order) is part of the body,
/// however short its items: listicles and step-by-step guides are written so.
pub(super) fn keep_numbered_lists(blocks: &[Block], labels: &mut [Label]) {
    let number = |b: &Block| -> Option<u32> {
        let digits: String = b.text.chars().take_while(char::is_ascii_digit).collect();
        let rest = b.text.get(digits.len()..)?;
        let marked = rest.starts_with(") ") || rest.starts_with(". ");
        if marked && (1..=2).contains(&digits.len()) { digits.parse().ok() } else { None }
    };
    let mut last_kept = LastKept::default();
    let mut i = 0;
    while i < blocks.len() {
        if number(&blocks[i]) != Some(1) {
            i += 1;
            continue;
        }
        // The items 1, 2, 3 … in order; other blocks may sit between them (a link under each).
        let mut items = vec![i];
        let mut j = i + 1;
        while j < blocks.len() && j - items[items.len() - 1] <= 2 {
            if number(&blocks[j]) == Some(items.len() as u32 + 1) {
                items.push(j);
            }
            j += 1;
        }
        let after_text = last_kept.before(labels, i) == Some(Label::Body);
        if items.len() >= 3 && after_text {
            for &k in &items {
                if matches!(labels[k], Label::Undecided | Label::Drop(RemovalReason::Fragment)) {
                    labels[k] = Label::Body;
                }
            }
        }
        i = items[items.len() - 1] + 1;
    }
}

/// A table under running text (results, standings, prices: a run of short lines that each
/// name something and give numbers; a line-up or a cast list, one line of names) is part of
/// the body, though no line reads as a sentence.
pub(super) fn keep_tables(blocks: &[Block], labels: &mut [Label]) {
    // A row names something and ends in a figure ("Leyton Orient 4 1 1 2 3 3 4", "Boroughmuir
    // 20 Hawick 23"), with few stop words: not a headline that starts with a number ("15
    // Amazing Images …") nor a count in brackets ("Akhlaq (47)").
    let row = |b: &Block| {
        let last = b.text.split_whitespace().next_back().unwrap_or("").trim_end_matches('.');
        let names = b.text.split_whitespace().any(|t| t.starts_with(char::is_uppercase));
        b.words <= 20 && b.stop_share < 0.25 && names && last.starts_with(|c: char| c.is_ascii_digit())
    };
    // A page that is only a table ("Results of Scottish league matches on Saturday:") keeps it.
    let no_body = !labels.iter().any(|l| matches!(l, Label::Body));
    let mut last_kept = LastKept::default();
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len() && labels[j] == Label::Drop(RemovalReason::Fragment) && row(&blocks[j]) {
            j += 1;
        }
        let after_text = matches!(last_kept.before(labels, i), Some(Label::Body | Label::Heading));
        let roster = || labels[i] == Label::Drop(RemovalReason::Fragment) && is_roster(&blocks[i].text);
        if (j - i >= TABLE_ROWS || j == i && roster()) && (after_text || no_body) {
            labels[i..j.max(i + 1)].fill(Label::Body);
        }
        i = j.max(i + 1);
    }
}

/// A table flattened one cell to a line ("Pos." / "Driver" / "1" / "Kyle Busch" / "5040" / …)
/// under running text is part of the body: a long run of blocks of a few words each, many of
/// them numbers (one in three). Cells repeat, on the page and across the corpus ("0", "1"), and some read as
/// sentences ("Martin Truex Jr."), so those count as cells too; the run ends at its last
/// number, so the menu that may follow it does not join it.
pub(super) fn keep_cell_tables(blocks: &[Block], labels: &mut [Label]) {
    let number = |b: &Block| {
        b.text.chars().any(|c| c.is_ascii_digit())
            && b.text.chars().all(|c| c.is_ascii_digit() || ".,:%+-–/ ".contains(c))
    };
    let cell = |labels: &[Label], i: usize| {
        blocks[i].words <= CELL_WORDS
            && matches!(
                labels[i],
                Label::Body
                    | Label::Drop(
                        RemovalReason::Fragment | RemovalReason::Repeated | RemovalReason::CorpusRepeated
                    )
            )
    };
    let mut last_kept = LastKept::default();
    let mut i = 0;
    while i < blocks.len() {
        let mut j = i;
        while j < blocks.len() && cell(labels, j) {
            j += 1;
        }
        let end = (i..j).rev().find(|&k| number(&blocks[k])).map_or(i, |k| k + 1);
        let numbers = (i..end).filter(|&k| number(&blocks[k])).count();
        let after_text = matches!(last_kept.before(labels, i), Some(Label::Body | Label::Heading));
        if end - i >= TABLE_CELLS && 3 * numbers >= end - i && after_text {
            labels[i..end].fill(Label::Body);
        }
        i = j.max(i + 1);
    }
}

/// Words a cell of a flattened table has at most (see [`keep_cell_tables`]).
pub(super) const CELL_WORDS: usize = 4;

/// Cells from which a run of them is a table: three rows of four.
pub(super) const TABLE_CELLS: usize = 12;

/// Whether a line lists names: after an optional label ("Austria :"), at least
/// [`ROSTER_NAMES`] items between commas or semicolons, four in five of them one to four
/// capitalised words once shirt numbers, bracketed notes and trailing figures are set aside
/// ("Mexico - 1 - Osvaldo Sanchez ( 12 - Alfonso Rios 78th ) ; 13 - Pavel Pardo , …").
pub(super) fn is_roster(text: &str) -> bool {
    let list = match text.split_once(':') {
        Some((label, rest)) if label.len() <= 40 && !label.contains(',') => rest,
        _ => text,
    };
    // Lower-case particles of names ("Danie van Schalkwyk").
    let particle = |w: &str| matches!(w, "van" | "de" | "der" | "da" | "von" | "al" | "bin" | "le" | "la");
    let mut items = 0;
    let mut names = 0;
    for item in list.split([',', ';']) {
        // Bracketed notes ("( captain )", "( 12 - Alfonso Rios 78th )") are set aside.
        let mut bare = String::with_capacity(item.len());
        let mut depth = 0usize;
        for c in item.chars() {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ if depth == 0 => bare.push(c),
                _ => {}
            }
        }
        let words: Vec<&str> = bare
            .split_whitespace()
            .filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()) && *w != "-" && *w != ".")
            .collect();
        if words.is_empty() {
            continue;
        }
        items += 1;
        if words.len() <= 4 && words.iter().all(|w| is_capitalized(w) || particle(w)) {
            names += 1;
        }
    }
    // Not "Tags: …" or "Follow us on …".
    items >= ROSTER_NAMES && names * 5 >= items * 4 && !SOCIAL.is_match(text)
}

/// Names from which a line that lists them is a roster (see [`is_roster`]).
pub(super) const ROSTER_NAMES: usize = 5;

/// Rows from which a run of short lines with numbers is a table.
pub(super) const TABLE_ROWS: usize = 3;

/// The mean English stop-word share of the page's long blocks (`t.long_words` or more), which
/// tells an English page; `None` when it has none.
pub(super) fn long_blocks_stop_share(blocks: &[Block], t: &Thresholds) -> Option<f64> {
    let long: Vec<f64> = blocks.iter().filter(|b| b.words >= t.long_words).map(|b| b.stop_share).collect();
    (!long.is_empty()).then(|| long.iter().sum::<f64>() / long.len() as f64)
}

/// jusText-style: long prose blocks are body; the body spans from the first to the last of
/// them; short blocks inside it stay when they read as a sentence or a subheading.
pub(super) fn classify_body(blocks: &[Block], labels: &mut [Label], t: &Thresholds) {
    // English stop words say nothing about a page in another language: there, length and a
    // sentence end decide.
    let english = long_blocks_stop_share(blocks, t).is_none_or(|share| share >= t.english_stop_share);
    let prose = |b: &Block| {
        if english {
            // A long line cut off mid-sentence is a teaser of another story, not body text.
            (b.words >= t.long_words
                && b.stop_share >= t.prose_stop_share
                && (b.terminal || b.words >= t.unended_prose_words))
                || (b.words >= t.short_prose_words && b.terminal && b.stop_share >= t.short_prose_stop_share)
        } else {
            // A long run of words with no punctuation at all is a tag cloud, not prose.
            let punctuated = || b.text.contains(['.', ',', ';', ':', '!', '?', '。', '،', '、']);
            (b.words >= t.long_words && b.terminal) || b.words >= t.punctuated_prose_words && punctuated()
        }
    };
    let mut undecided: Vec<usize> = (0..blocks.len()).filter(|&i| labels[i] == Label::Undecided).collect();
    let mut good: Vec<usize> = undecided.iter().copied().filter(|&i| prose(&blocks[i])).collect();
    if let [dek, second, ..] = good[..]
        && is_dek(blocks, labels, dek, second)
    {
        labels[dek] = Label::Drop(RemovalReason::Teaser);
        good.remove(0);
        undecided.retain(|&i| i != dek);
    }
    let (Some(&first), Some(&last)) = (good.first(), good.last()) else {
        // No prose at all: keep what has sentence shape, drop the rest.
        for i in undecided {
            let b = &blocks[i];
            labels[i] = if b.terminal && b.words >= t.sentence_words {
                Label::Body
            } else {
                Label::Drop(RemovalReason::Fragment)
            };
        }
        return;
    };
    // The standfirst right above the story, and the lines of a lead that the page broke
    // before its sentences ended: sentence case, with stop words, up to the story with nothing
    // else between.
    let sentence_case = |b: &Block| {
        english
            && b.words >= t.lead_in_words
            && b.stop_share >= t.short_prose_stop_share
            && 2 * b.capitals() <= b.words
    };
    let lead_in: Vec<usize> = undecided
        .iter()
        .rev()
        .filter(|&&i| i < first)
        .take_while(|&&i| sentence_case(&blocks[i]))
        .copied()
        .collect();
    for &i in &undecided {
        let b = &blocks[i];
        if i > 0 && matches!(labels[i - 1], Label::Body) && signs_quote(&blocks[i - 1].text, &b.text) {
            labels[i] = Label::Body;
            continue;
        }
        // The text under a heading may open with a short sentence ("An example is Kazakhstan.").
        let mut next_good =
            (i + 1..blocks.len()).filter(|&j| labels[j] == Label::Undecided || labels[j] == Label::Body);
        let (next, then) = (next_good.next(), next_good.next());
        // "Stated Stone:" over a paragraph that is the quote it introduces.
        let introduces_quote = b.text.ends_with(':')
            && b.words <= t.heading_words
            && blocks.get(i + 1).is_some_and(|n| n.text.starts_with(crate::text::is_quote_opener));
        if introduces_quote && (first..=last).contains(&i) {
            labels[i] = Label::Body;
            continue;
        }
        let heading_shape = !b.terminal
            && b.words <= t.heading_words
            && is_capitalized(&b.text)
            && (next.is_some_and(|j| prose(&blocks[j]))
                || b.words >= t.worded_heading_words
                    && b.stop_share >= t.prose_stop_share
                    && next.is_some_and(|j| {
                        blocks[j].terminal
                            && blocks[j].words >= t.short_sentence_words
                            && blocks[j].stop_share > 0.0
                    })
                    && then.is_some_and(|j| prose(&blocks[j])));
        labels[i] = if prose(b) {
            if !b.terminal && b.words <= t.heading_words { Label::Heading } else { Label::Body }
        } else if i < first {
            // Above the body: a lead or teaser sentence stays (a long one that reports, however
            // many names it packs), menus and banners go.
            let reports = b.words >= t.reporting_words && reports(&b.text);
            let above_story =
                labels[i + 1..first].iter().all(|l| *l == Label::Undecided || *l == Label::Body);
            if lead_in.contains(&i)
                || above_story
                    && b.terminal
                    && b.words >= t.sentence_words
                    && (b.stop_share >= t.prose_stop_share || reports || !english)
            {
                Label::Body
            } else {
                Label::Drop(RemovalReason::Navigation)
            }
        } else if i > last {
            // Below the last long paragraph, the body runs on through the sentences that
            // directly follow it ("Garcia finished second in the 50 yard freestyle."); the
            // first block that is no sentence, or was removed, ends it.
            let runs_on = matches!(labels[i - 1], Label::Body | Label::Heading);
            if runs_on && b.terminal && b.words >= t.short_sentence_words {
                Label::Body
            } else {
                Label::Drop(RemovalReason::Fragment)
            }
        } else if heading_shape {
            Label::Heading
        } else if b.terminal && b.words >= t.short_sentence_words || enumerates(b) {
            Label::Body
        } else {
            Label::Drop(RemovalReason::Fragment)
        };
    }
}

/// Whether a block inside the body lists things, though it is no sentence: the ingredients of
/// a dish ("Asparagus and Eggs [1 cup asparagus, 2 poached eggs, ½ cup sweet potato, …]"), the
/// items of a kit. A list of names is a tag line or another story's teaser ("… tagged Consider
/// This, Jessie Buckley, Mary Steenburgen"): at most one word in three is capitalised.
pub(super) fn enumerates(b: &Block) -> bool {
    b.words >= 12 && b.text.matches(',').count() >= 3 && 3 * b.capitals() <= b.words
}

/// Whether the first paragraph of prose, `dek`, is the standfirst under the title that sums
/// the story up, not its lead: a sentence or two, set apart from the story (`second`, the next
/// paragraph of prose) by the byline or the date line, with no dated line right above it.
pub(super) fn is_dek(blocks: &[Block], labels: &[Label], dek: usize, second: usize) -> bool {
    let metadata = |j: &usize| labels[*j] == Label::Drop(RemovalReason::Metadata);
    let dated = |j: usize| find_dates(&blocks[j].text).iter().any(|m| matches!(m.kind, DateKind::Full(_)));
    blocks[dek].words <= DEK_WORDS
        && (dek + 1..second).any(|j| metadata(&j))
        && !(dek.saturating_sub(DEK_DATE_ABOVE)..dek).filter(metadata).any(dated)
}

/// Words a standfirst has at most (see [`is_dek`]).
pub(super) const DEK_WORDS: usize = 45;

/// Blocks above the first paragraph where a date line makes it the story's lead (see
/// [`is_dek`]): a site's header may give today's date far above.
pub(super) const DEK_DATE_ABOVE: usize = 4;

/// Whether `line` signs the quote that ends the paragraph before it, as a quotations column
/// does: "“…”" / "- Ann Lee, Philadelphia.".
pub(super) fn signs_quote(before: &str, line: &str) -> bool {
    let Some(signature) = line.strip_prefix(['-', '–', '—']) else { return false };
    before.trim_end().trim_end_matches(['.', ',']).ends_with(['”', '"', '»'])
        && is_capitalized(signature.trim_start())
        && signature.split_whitespace().count() <= 6
}

/// Once the body has begun, a comment-section or copyright line ends the article: everything
/// after it goes, however much it reads like prose (comments and teasers of other stories do).
/// A "Most popular" list ends it too, unless more running text follows it than came before:
/// then it is a sidebar, and only the list's headlines go. A "©" line under a caption that
/// gives no year and reserves no rights ends nothing: it is the photo's credit ("© Mikhail
/// Metzel/dpa"), not the page's footer.
pub(super) fn cut_after_end(blocks: &[Block], labels: &mut [Label]) {
    let mut body_words = 0;
    let mut cut = None;
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        // A marker may read as a sentence ("Want more stories like this?"), but a short one.
        let body = matches!(labels[i], Label::Body);
        if body_words >= 60
            && b.words <= if body { 6 } else { 12 }
            && END_MARKER.is_match(&b.text)
            && !(credit_without_year(&b.text)
                && i > 0
                && labels[i - 1] == Label::Drop(RemovalReason::Caption))
        {
            cut = Some(i);
            break;
        } else if body {
            body_words += b.words;
        } else if b.words <= 6 && LIST_MARKER.is_match(&b.text) {
            let after: usize = (i + 1..blocks.len())
                .filter(|&j| matches!(labels[j], Label::Body))
                .map(|j| blocks[j].words)
                .sum();
            if body_words >= 60 && body_words >= after {
                cut = Some(i);
                break;
            }
            // A sidebar: the marker and the headlines under it (short lines, or lines that do
            // not end a sentence) go; the first paragraph of running text ends the list.
            labels[i] = Label::Drop(RemovalReason::Navigation);
            while i + 1 < blocks.len() && (!blocks[i + 1].terminal || blocks[i + 1].words <= 8) {
                i += 1;
                if !matches!(labels[i], Label::Drop(_)) {
                    labels[i] = Label::Drop(RemovalReason::Navigation);
                }
            }
        }
        i += 1;
    }
    let Some(cut) = cut else { return };
    for label in &mut labels[cut..] {
        if matches!(label, Label::Body | Label::Heading | Label::Drop(RemovalReason::Fragment)) {
            *label = Label::Drop(RemovalReason::Trailing);
        }
    }
}

/// Reader comments under the story, however the page words its heading ("Kommentare:", "3
/// Responses to …", or none): [`THREAD_STAMPS`] or more short lines that stamp a date and a
/// time of day ("06.01.2020 um 9:58", "Nov 19, 2019 at 6:34 am", "Sana6. Juni 2015 um 10:23"),
/// each with words under it, below the story's longest paragraph and once the story has run
/// [`THREAD_AFTER_WORDS`] words. The thread
/// starts at its first stamp, or at the name right above it ("gnaddrig sagt:"), and everything
/// from there on goes. A live blog's entries are stamped with a time alone, and a story's own
/// date line stands above its text: neither is a thread.
pub(super) fn cut_comment_thread(blocks: &[Block], labels: &mut [Label]) {
    let stamp = |b: &Block| b.words <= 12 && TIME_OF_DAY.is_match(&b.text) && YEAR.is_match(&b.text);
    // Below the story's longest paragraph: a byline's stamp above the story is no comment's.
    let Some(longest) = longest(blocks, |i| labels[i] == Label::Body) else { return };
    let mut body_words = 0;
    let mut stamps = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        if i > longest && body_words >= THREAD_AFTER_WORDS && stamp(b) {
            let text_under = blocks[i + 1..].iter().take(3).any(|n| n.words >= 1 && !stamp(n));
            if text_under {
                stamps.push(i);
            }
        } else if matches!(labels[i], Label::Body) {
            body_words += b.words;
        }
    }
    if stamps.len() < THREAD_STAMPS {
        return;
    }
    let first = stamps[0];
    // The commenter's name ("Mark Smith", "gnaddrig sagt:"), not the story's last sentence.
    let name = |b: &Block| b.words <= 4 && (!b.terminal || b.text.ends_with(':'));
    let start = if first > 0 && name(&blocks[first - 1]) { first - 1 } else { first };
    for label in &mut labels[start..] {
        if !matches!(label, Label::Drop(_)) || *label == Label::Drop(RemovalReason::Fragment) {
            *label = Label::Drop(RemovalReason::Trailing);
        }
    }
}

/// Stamped comments from which a run of them is a thread (see [`cut_comment_thread`]).
pub(super) const THREAD_STAMPS: usize = 2;

/// Words of the story above which a stamped line may begin a thread.
pub(super) const THREAD_AFTER_WORDS: usize = 60;

/// A year of the last two centuries, not part of a longer number.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9])(?:19|20)[0-9]{2}(?:[^0-9]|$)").expect("year pattern"));

/// A heading with no text under it ends nothing: the last kept blocks, while they are
/// headings, are what follows the article ("Digest of the author's views every Tuesday").
pub(super) fn drop_trailing_headings(labels: &mut [Label]) {
    for label in labels.iter_mut().rev() {
        match label {
            Label::Heading => *label = Label::Drop(RemovalReason::Trailing),
            Label::Body => return,
            _ => {}
        }
    }
}

/// "X is a journalist…": the author's bio, where X is the byline; or, among the last three
/// paragraphs, anyone introduced by a trade of the newsroom ("Meg James is a corporate media
/// reporter for …", "Molly Wood (@mollywood) is an Ideas contributor at …").
pub(super) fn drop_author_bio(blocks: &[Block], labels: &mut [Label], meta: &Metadata) {
    let by_author = |text: &str| {
        meta.author.as_ref().is_some_and(|author| {
            text.strip_prefix(author.as_str())
                .is_some_and(|rest| rest.starts_with(" is ") || rest.starts_with(" was "))
        })
    };
    let body: Vec<usize> = (0..blocks.len()).filter(|&i| matches!(labels[i], Label::Body)).collect();
    let last_three = &body[body.len().saturating_sub(3)..];
    for &i in &body {
        let b = &blocks[i];
        if b.words <= 80 && (by_author(&b.text) || last_three.contains(&i) && BIO.is_match(&b.text)) {
            labels[i] = Label::Drop(RemovalReason::Disclaimer);
        }
    }
}

/// A name, perhaps a handle, then a trade of the newsroom in the same sentence.
pub(super) static BIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3}(?:\s*\(@\w+\))?\s+(?:is|was|has been)\s+[^.]{0,120}?\b(?:reporter|writer|editor|correspondent|contributor|columnist|journalist|author|producer|anchor)\b")
        .expect("bio pattern")
});
