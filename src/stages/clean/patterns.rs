//! The patterns of boilerplate lines (share buttons, captions, credits, bylines, prompts,
//! teasers) and the hard rules that drop a line on sight.

use super::*;
use crate::lexicon::REPORT_VERBS;

/// Boilerplate phrases, for short lines only: a body paragraph may well mention "share".
pub(super) static SOCIAL: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)^(share|tweet|e-?mail|print|subscribe|sign (in|up)|log ?in|register|follow( us)?|like|comments?|leave a (comment|reply)|no comments|\d+ comments?|reply|read (more|also|next)|also read|see also|related( articles| stories| posts)?|recommended|more from|advert(isement)?|sponsored|newsletter|click here|download|listen|watch|back to top|skip to|menu|search|home|join( us)?|source link|original|translation\b|tags?|topics?)\b",
        r"(?i)\b(facebook|twitter|telegram|instagram|whatsapp|linkedin|pinterest|youtube|tiktok|reddit|vkontakte)\b",
        r"(?i)\b(newsletter|subscribe|subscription|sign up|akismet|cookies?|privacy policy|terms of (use|service)|all rights reserved|comment data|log in|sign in)\b",
        r"(?i)^(home|news|world|politics|business|opinion|sport|sports)\s*([»›>|/]|$)",
        r"(?i)\b(also available in|non-english news|you can see)\b",
    ])
    .expect("social patterns")
});

pub(super) static CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(©|\(c\)|photo\b|photograph\b|image\b|picture\b|credit\b|getty|file photo|video\b)|©|\b(photo|image|credit)s?:|/(dpa|afp|ap|reuters|epa|getty images|tass|ria novosti)\b|\((photo|image|getty|afp|reuters)[^)]*\)$")
        .expect("caption pattern")
});

/// A photo credit on a line of its own: "Photo: Getty Images", "Ann Lee, AP", "Ann Lee |
/// Bloomberg | Getty Images", "(Image: © Harbor Project)".
pub(super) static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\(?(photo|image|picture|credit)s?:|©|getty images\)?$|^(\p{Lu}[\w.'-]*\s){1,3}\p{Lu}[\w.'-]*,\s(AP|AFP|Reuters|EPA|Getty Images)$")
        .expect("credit line pattern")
});

/// A caption of any length that ends in its credit ("… at the rally.Credit...Ann Lee/The Times",
/// "… November 19, 2019. © Reuters / Ann Lee", "… to the Moon [SpaceX via Nasa]").
pub(super) static CREDITED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)credit\s*(\.\.\.|…)\s*\p{Lu}|[.!?]\s*©\s*\p{Lu}[^.©]{0,60}$|(?-i)[\[(]\p{Lu}[\w.&'-]*(\s\p{Lu}[\w.&'-]*)*\s?(via|/)\s?\p{Lu}[\w.&'-]*(\s\p{Lu}[\w.&'-]*)*[\])]$")
        .expect("credit pattern")
});

pub(super) static DISCLAIMER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(this (article|story|material|content) (is|was) (produced|published|written|originally|first)|originally (published|appeared)|views (expressed|and opinions)|opinions expressed|exclusive rights? to|republish|reproduction|is prohibited|copyright|all rights reserved|the author\(s\)|do not necessarily reflect|editorial (standards|policy)|we may earn|affiliate|(this|our) (web ?)?site uses cookies|our use of cookies|by continuing to (use|browse) (this|our) (web ?)?site|we use cookies|uses? cookies (and|to|for)|cookies? (policy|settings|preferences)|contributed( reporting)? to this (report|story|article)|editing by|^(this|the) (article|story|post|piece|report) (has been|was) (updated|corrected|amended|shared))\b|^\(?reporting by\b")
        .expect("disclaimer pattern")
});

/// A call to the reader, however long it runs: to sign up for a newsletter, to comment
/// civilly, to buy a subscription; a page's cookie notice in any language. Phrases, and pairs
/// of words that make one together (see [`calls_the_reader`]): a pattern with a gap of any
/// 80 characters between the words costs a large automaton per thread for the whole run.
pub(super) static PROMPT: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)delivered (straight |directly )?to your inbox|no spam(?-u:\b)|unsubscribe at any time|activation link|activate your subscription|be respectful of other commenters|(comment|commenting) (policy|guidelines)|for as little as|receive a (small )?commission|follow (him|her|them|us|me) on (twitter|facebook|instagram)|(have|got) a (news )?tip(?-u:\b)",
        r"(?i)sign up (for|to)|subscribe (for|to)",
        r"(?i)newsletter|inbox|updates",
        r"(?i)cookie",
        r"(?i)(?-u:\b)(sito|site|website|navigazione|navegación|navigation)(?-u:\b)",
        r"(?i)join our",
        r"(?i)forums?|community",
    ])
    .expect("prompt patterns")
});

/// Whether a block calls the reader to do something ([`PROMPT`]): one of its phrases, or a
/// pair: a sign-up and a newsletter, a cookie and a site, "join our" and a forum.
pub(super) fn calls_the_reader(text: &str) -> bool {
    let m = PROMPT.matches(text);
    m.matched(0)
        || m.matched(1) && m.matched(2)
        || m.matched(3) && m.matched(4)
        || m.matched(5) && m.matched(6)
}

/// A teaser of another story: its headline run into its dateline and lead on one line
/// ("Deportees return home from US NEW DELHI: Their American dream…"). See [`is_teaser`].
pub(super) static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^.!?]{15,160}?[a-z0-9’'”)]\s+\p{Lu}[\p{Lu} .'-]{3,30}(\s\([^)]{2,30}\))?:\s+\p{Lu}")
        .expect("teaser pattern")
});

/// Whether a block is a [`TEASER`]. A headline may hold a colon ("days are numbered: warns
/// cleric", "attendance high: Govt NEW DELHI: …") and a figure ("1.9 million"): figures are
/// masked first, since a pattern that allowed their dots would be several times slower on
/// every block.
pub(super) fn is_teaser(text: &str) -> bool {
    if TEASER.is_match(text) {
        return true;
    }
    let b = text.as_bytes();
    let masks = |i: usize| {
        matches!(b[i], b'.' | b',')
            && i > 0
            && b[i - 1].is_ascii_digit()
            && b.get(i + 1).is_some_and(u8::is_ascii_digit)
    };
    if !(0..b.len()).any(masks) {
        return false;
    }
    // Same length, ASCII for ASCII: the masked text is still UTF-8.
    let masked: Vec<u8> = (0..b.len()).map(|i| if masks(i) { b'_' } else { b[i] }).collect();
    std::str::from_utf8(&masked).is_ok_and(|m| TEASER.is_match(m))
}

pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:by):?\s+(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3})(?:\s*(?:,|\||and|$).*)?$",
    )
    .expect("byline pattern")
});

pub(super) static OPED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){1,3})\s*\((?i:op-ed contributor|contributor|columnist|guest author|staff writer|correspondent|opinion)\)$")
        .expect("op-ed pattern")
});

pub(super) static SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:source|publisher|published by|via):\s*(?P<name>.{2,60})$").expect("source pattern")
});

pub(super) static PRODUCED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:produced by|published by|originally published (?:by|in|on))\s+(?:the\s+)?(?P<name>\p{Lu}[^,.(]{2,80}?)\s*(?:[,.(]|$)")
        .expect("produced-by pattern")
});

/// A dateline on a line of its own: a place in capitals, a country perhaps, and a date
/// ("LA CORUNA , Spain 1996-08-31", "MOSCOW, May 5").
pub(super) static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<place>\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?)(?:\s*,\s*(?P<region>\p{Lu}[\p{L}.'’ -]{1,30}?))?\s*,?\s*(?:\d{4}-\d{2}-\d{2}|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)$")
        .expect("dateline pattern")
});

/// A story's first sentence opening with its dateline: a place in capitals, a region or a date
/// perhaps, an agency perhaps, then a dash or a colon ("JERUSALEM - Israeli …", "STATE
/// COLLEGE, Pa. - Hillary …", "WASHINGTON, Aug. 19 (UPI) — Former …").
pub(super) static LEDE_DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu}\p{M}.'’ -]*\p{Lu}\.?(?:,\s*(?:\p{Lu}\p{Ll}{2,4}\.?\s+\d{1,2}|\p{Lu}[\p{L}.'’ ]{1,30}?))*\s*(?:\([^)]{1,30}\)\s*)?[-–—:]\s+\p{Lu}")
        .expect("lede dateline pattern")
});

/// Whether a line reports what someone said: one of the commonest verbs of report
/// (`lexicon::REPORT_VERBS`), or "according to" (`text::according_to`, its one definition).
pub(super) fn reports(text: &str) -> bool {
    let words: Vec<&str> = crate::text::words(text).collect();
    words.iter().any(|w| REPORT_VERBS.contains(w))
        || crate::text::according_to(words.iter().copied()).is_some()
}

/// A time of day as comment and live-blog stamps give it ("9:58", "6:34 am", "6 pm"). ASCII
/// word boundaries: a Unicode `\b` sends the regex crate to its slowest engine on any line
/// with a non-ASCII letter.
pub(super) static TIME_OF_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i-u)\b\d{1,2}:\d{2}\b|\b\d{1,2} ?[ap]\.?m\b").expect("time-of-day pattern")
});

/// Lines that end an article: what follows is comments, related stories or the site footer.
pub(super) static END_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(\[?\s*\d+\s+comments?\s*\]?|comments?(\s*\(\d+\))?|top rated comments|leave a (comment|reply)|post a comment|add a comment|join the (conversation|discussion)|no comments:?|want more( stories)?( like this)?\??|(view|show|load|read) (all )?comments|comments are closed|.*comments powered by disqus|first published\b.*|originally published\b.*|©.*|copyright\b.*|.*all rights reserved\.?)$")
        .expect("end-marker pattern")
});

/// Whether a "©" line gives no year and reserves no rights: a photo's credit, or a footer that
/// names only its owner (see [`cut_after_end`]).
pub(super) fn credit_without_year(text: &str) -> bool {
    let year = text.as_bytes().windows(4).any(|w| w.iter().all(u8::is_ascii_digit));
    text.starts_with('©') && !year && !text.to_lowercase().contains("rights")
}

/// The heading of a list of other stories. At the end of an article it ends it like an
/// [`END_MARKER`]; a page dump may also put the list above the story, in a sidebar.
pub(super) static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(you (may|might) (also )?like\b.*|most (read|popular|viewed|shared)\b.*|more stories\b.*|more (in|from|on) .+|trending( now)?|related (stories|articles|news|coverage))$")
        .expect("list-marker pattern")
});

/// Breadcrumb and menu separators in a text ("Home › World › Europe"); a '»' that closes a
/// '«' is a quotation mark, not one of them.
pub(super) fn separators(text: &str) -> usize {
    let (mut marks, mut opened, mut closed) = (0, 0, 0usize);
    for c in text.chars() {
        match c {
            '›' | '|' | '>' => marks += 1,
            '«' => opened += 1,
            '»' => closed += 1,
            _ => {}
        }
    }
    marks + closed.saturating_sub(opened)
}

/// Whether a block is a long line in capitals: the headline of another story or video set in
/// the page ("CO-FOUNDER 'PROUD' OF HOME DEPOT EMPLOYEES LIVING OUT THEIR AMERICAN DREAM"), or
/// a banner. A subheading in capitals is short ("HOW TO USE A WATER BATH CANNER").
pub(super) fn shouts(b: &Block) -> bool {
    // Most lines have a small letter among their first few: they are out at once.
    if b.words < SHOUTED_WORDS || b.text.chars().any(char::is_lowercase) {
        return false;
    }
    // Scripts without case (Hangul, Arabic) have no capitals to shout in.
    let letters = b.text.chars().filter(|c| c.is_alphabetic()).count();
    let upper = b.text.chars().filter(|c| c.is_uppercase()).count();
    5 * upper >= 4 * letters
}

/// Words from which a line in capitals is no subheading (see [`shouts`]).
pub(super) const SHOUTED_WORDS: usize = 8;

/// Rules that decide a block on its own: user regexes, corpus repetition, captions,
/// disclaimers, social prompts.
pub(super) fn hard_rules(blocks: &[Block], labels: &mut [Label], rules: &Rules<'_>) {
    let t = &rules.thresholds;
    for (i, b) in blocks.iter().enumerate() {
        let short = b.words <= t.short_line_words;
        labels[i] = if rules.extra.iter().any(|re| re.is_match(&b.text)) {
            Label::Drop(RemovalReason::UserRule)
        } else if b.lines[0] == b.lines[1] && b.words > 0 && {
            let key = xxh3_64(b.key.as_bytes());
            rules.corpus_lines.contains(&key) || rules.site_lines.is_some_and(|s| s.contains(&key))
        } {
            Label::Drop(RemovalReason::CorpusRepeated)
        } else if b.words == 0 {
            Label::Drop(RemovalReason::Fragment)
        } else if short && CAPTION.is_match(&b.text)
            || b.text.starts_with('©')
            || b.words <= t.credit_words && CREDITED.is_match(&b.text)
        {
            Label::Drop(RemovalReason::Caption)
        } else if b.words <= t.appeal_words && calls_the_reader(&b.text) {
            Label::Drop(RemovalReason::Social)
        } else if b.words <= t.appeal_words && DISCLAIMER.is_match(&b.text) {
            Label::Drop(RemovalReason::Disclaimer)
        } else if short
            && SOCIAL.is_match(&b.text)
            && !(b.terminal
                && b.words >= t.social_sentence_words
                && b.stop_share >= t.social_sentence_stop_share)
        {
            Label::Drop(RemovalReason::Social)
        } else if b.words >= t.teaser_words && is_teaser(&b.text) || separators(&b.text) >= 2 || shouts(b) {
            Label::Drop(RemovalReason::Navigation)
        } else {
            Label::Undecided
        };
    }
    // A sentence right above a photo credit is its caption.
    for i in 1..blocks.len() {
        // A credit with no words of its own ("Photo: Getty Images", not "Photo: a minister ©
        // Ann Lee/AFP") credits the block above it.
        let bare = || crate::text::words(&blocks[i].text).all(|w| !w.starts_with(char::is_lowercase));
        let credit = labels[i] == Label::Drop(RemovalReason::Caption) && blocks[i].text.starts_with('©')
            || CREDIT_LINE.is_match(&blocks[i].text) && bare();
        if credit
            && blocks[i].words <= t.credit_line_words
            && labels[i - 1] == Label::Undecided
            && blocks[i - 1].words <= t.caption_words
        {
            labels[i - 1] = Label::Drop(RemovalReason::Caption);
        }
    }
}
