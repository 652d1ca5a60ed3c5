//! The tokenizer: one cut of a sentence into tokens, and the views the stages read.
//!
//! [`tokens`] cuts as CoNLL-2003 does, the corpus the entity tagger learnt from: runs of
//! non-space characters, with punctuation at either end apart ("(", ",", "\""), "'s" apart from
//! its noun, and the full stop kept on an abbreviation or initials ("Mr.", "U.S.", "J.").
//! [`word_tokens`] is the view that finds and matches names: the same tokens without
//! punctuation, cut again at inner punctuation other than an apostrophe, a hyphen or a dot
//! between letters ("Smith/Jones" is two words, "al-Assad" and "U.S" one), with "'s" back on
//! its noun ("Germany's"). Both keep a dot by one test, [`keeps_its_dot`], which reads the
//! sentence splitter's list of abbreviations.
//!
//! [`super::words`] is the cheap view for counting and matching words in bulk (the cleaner's
//! densities, dedup's shingles, claim keys): letters and digits with inner apostrophes and
//! hyphens, cut at every other character, without the abbreviation and possessive handling,
//! and allocation-free.

use std::ops::Range;

use super::is_abbreviation;

/// A token: its text and its byte range in the string it was cut from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The token.
    pub text: &'a str,
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
}

impl<'a> Token<'a> {
    fn at(s: &'a str, range: Range<usize>) -> Token<'a> {
        Token { text: &s[range.clone()], start: range.start, end: range.end }
    }
}

/// Characters that are punctuation at the edge of a token. Signs that belong to what they
/// stand by ("&", "@", "#", "%", "$") are not.
fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !matches!(c, '&' | '@' | '#' | '%' | '$')
}

/// Whether a word keeps the full stop after it: initials, or a listed abbreviation written
/// with a capital ("Mr.", "Gen.", "Corp.", "Jan."). A lower-case "no." or "co." ends a sentence
/// more often than it abbreviates.
fn keeps_its_dot(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && is_abbreviation(word)
}

/// The possessive endings that are tokens of their own.
const POSSESSIVES: [&str; 3] = ["'s", "’s", "'S"];

/// The tokens of a sentence as CoNLL-2003 cuts them: see the module's notes.
pub(crate) fn tokens(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut chunk_start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if !c.is_whitespace() {
            chunk_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = chunk_start.take() {
            split_chunk(s, start..i, &mut out);
        }
    }
    out
}

/// Splits a run of non-space characters into tokens.
fn split_chunk<'a>(s: &'a str, mut range: Range<usize>, out: &mut Vec<Token<'a>>) {
    // Leading punctuation, one mark a token.
    while let Some(c) = s[range.clone()].chars().next().filter(|&c| is_punct(c) && c != '.') {
        out.push(Token::at(s, range.start..range.start + c.len_utf8()));
        range.start += c.len_utf8();
    }
    let mut tail = Vec::new();
    while let Some(c) = s[range.clone()].chars().next_back() {
        let word = &s[range.clone()];
        let keeps_its_dot = c == '.' && keeps_its_dot(&word[..word.len() - 1]);
        if is_punct(c) && !keeps_its_dot {
            tail.push(Token::at(s, range.end - c.len_utf8()..range.end));
            range.end -= c.len_utf8();
            continue;
        }
        // "Germany's", "Petrov’s": the possessive is a token of its own.
        if let Some(suffix) = POSSESSIVES.iter().find(|p| word.len() > p.len() && word.ends_with(**p)) {
            tail.push(Token::at(s, range.end - suffix.len()..range.end));
            range.end -= suffix.len();
        }
        break;
    }
    if !range.is_empty() {
        out.push(Token::at(s, range));
    }
    out.extend(tail.into_iter().rev());
}

/// The words of a sentence as names are read: see the module's notes. Where punctuation stood
/// between two words, the gap between their ranges holds it, and a name does not run over it.
pub(crate) fn word_tokens(s: &str) -> Vec<Token<'_>> {
    let mut out: Vec<Token<'_>> = Vec::new();
    for token in tokens(s) {
        if POSSESSIVES.contains(&token.text) {
            if let Some(last) = out.last_mut().filter(|last| last.end == token.start) {
                *last = Token::at(s, last.start..token.end);
            }
            continue;
        }
        inner_words(s, token, &mut out);
    }
    out
}

/// Cuts one token at inner punctuation: an apostrophe, a hyphen or a dot joins two runs of
/// letters or digits; a dot ends an abbreviation ("U.S.", "Gen."); anything else parts them.
fn inner_words<'a>(s: &'a str, token: Token<'a>, out: &mut Vec<Token<'a>>) {
    let mut start: Option<usize> = None;
    let mut chars = token.text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_alphanumeric = chars.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
        let joins = matches!(c, '\'' | '’' | '-' | '.') && start.is_some() && next_is_alphanumeric;
        if c.is_alphanumeric() || joins {
            start.get_or_insert(i);
        } else if let Some(from) = start.take() {
            let abbreviation = c == '.' && keeps_its_dot(&token.text[from..i]);
            let end = if abbreviation { i + 1 } else { i };
            out.push(Token::at(s, token.start + from..token.start + end));
        }
    }
    if let Some(from) = start {
        out.push(Token::at(s, token.start + from..token.end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(tokens: Vec<Token<'_>>) -> Vec<&str> {
        tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn tokens_split_punctuation_and_possessives_but_keep_abbreviations() {
        assert_eq!(
            texts(tokens("Mr. Petrov's firm (AMD) said, \"Yes.\" in the U.S.")),
            [
                "Mr.", "Petrov", "'s", "firm", "(", "AMD", ")", "said", ",", "\"", "Yes", ".", "\"", "in",
                "the", "U.S."
            ]
        );
        assert_eq!(
            texts(tokens("3,000 troops, $5bn and 20% — Acme Corp.")),
            ["3,000", "troops", ",", "$5bn", "and", "20%", "—", "Acme", "Corp."]
        );
    }

    #[test]
    fn word_tokens_drop_punctuation_and_keep_possessives_and_inner_joins() {
        assert_eq!(
            texts(word_tokens("Gen. al-Assad's U.S.-led foes (Smith/Jones) said “no.”")),
            ["Gen.", "al-Assad's", "U.S.", "led", "foes", "Smith", "Jones", "said", "no"]
        );
        assert_eq!(
            texts(word_tokens("O’Brien’s 3.5 per cent, 'Kyiv'")),
            ["O’Brien’s", "3.5", "per", "cent", "Kyiv"]
        );
    }

    #[test]
    fn word_tokens_keep_their_byte_ranges() {
        let s = "«Kaunas», said Ivo Brandt.";
        for t in word_tokens(s) {
            assert_eq!(&s[t.start..t.end], t.text);
        }
    }
}
