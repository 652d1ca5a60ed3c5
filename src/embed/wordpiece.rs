//! BERT's uncased WordPiece tokenizer, as `BertTokenizer(do_lower_case=True)` runs it for
//! all-MiniLM-L6-v2: clean the text, space out CJK ideographs, split on white space and
//! punctuation, lower-case and strip accents, then take each word's longest pieces from the
//! vocabulary, left to right.
//!
//! Our own rather than the `tokenizers` crate: the model needs this one pipeline of some 150
//! lines, where the crate brings a regex engine in C (or `fancy-regex`), a JSON config with
//! padding and truncation presets to undo, and a dozen more dependencies. It is checked
//! against the reference tokenizer's ids in the tests below.

use rustc_hash::FxHashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};

/// Token ids of a vocabulary.
pub(crate) struct WordPiece {
    ids: FxHashMap<String, u32>,
    unk: u32,
    /// `[CLS]`, which opens every sequence.
    pub(crate) cls: u32,
    /// `[SEP]`, which closes it.
    pub(crate) sep: u32,
}

/// Words longer than this, in characters, are `[UNK]` (BERT's `max_input_chars_per_word`).
const MAX_WORD_CHARS: usize = 100;

impl WordPiece {
    /// Reads a vocabulary of one token per line, the line number being its id.
    pub(crate) fn new(vocab: &str) -> WordPiece {
        let ids: FxHashMap<String, u32> =
            vocab.lines().enumerate().map(|(i, t)| (t.to_string(), i as u32)).collect();
        let id = |t: &str| ids.get(t).copied().unwrap_or(0);
        let (unk, cls, sep) = (id("[UNK]"), id("[CLS]"), id("[SEP]"));
        WordPiece { ids, unk, cls, sep }
    }

    /// The ids of `text`'s word pieces, without `[CLS]` and `[SEP]`, at most `max` of them.
    pub(crate) fn encode(&self, text: &str, max: usize) -> Vec<u32> {
        let mut out = Vec::new();
        let mut word = String::new();
        for c in text.chars() {
            if out.len() >= max {
                break;
            }
            if c == '\0' || c == '\u{fffd}' || (is_control(c) && !c.is_whitespace()) {
                continue;
            }
            if c.is_whitespace() {
                self.push_word(&mut word, &mut out);
            } else if is_punctuation(c) || is_cjk(c) {
                self.push_word(&mut word, &mut out);
                word.push(c);
                self.push_word(&mut word, &mut out);
            } else {
                word.push(c);
            }
        }
        self.push_word(&mut word, &mut out);
        out.truncate(max);
        out
    }

    /// Appends the pieces of the word in `word` (lower-cased and without accents here), and
    /// empties it.
    fn push_word(&self, word: &mut String, out: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        let folded: String = word
            .to_lowercase()
            .nfd()
            .filter(|&c| c.general_category() != GeneralCategory::NonspacingMark)
            .collect();
        word.clear();
        // Stripping an accent may leave punctuation or nothing; BERT splits again after it.
        let mut part = String::new();
        for c in folded.chars() {
            if is_punctuation(c) {
                self.pieces(&part, out);
                part.clear();
                self.pieces(&c.to_string(), out);
            } else {
                part.push(c);
            }
        }
        self.pieces(&part, out);
    }

    /// Greedy longest-match-first pieces of one word; `[UNK]` for the whole word when some
    /// part of it matches nothing.
    fn pieces(&self, word: &str, out: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        let chars: Vec<(usize, char)> = word.char_indices().collect();
        if chars.len() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let from = out.len();
        let mut start = 0;
        let mut piece = String::new();
        while start < chars.len() {
            let mut end = chars.len();
            let mut found = None;
            while end > start {
                piece.clear();
                if start > 0 {
                    piece.push_str("##");
                }
                let to = chars.get(end).map_or(word.len(), |&(at, _)| at);
                piece.push_str(&word[chars[start].0..to]);
                if let Some(&id) = self.ids.get(piece.as_str()) {
                    found = Some(id);
                    break;
                }
                end -= 1;
            }
            match found {
                Some(id) => out.push(id),
                None => {
                    out.truncate(from);
                    out.push(self.unk);
                    return;
                }
            }
            start = end;
        }
    }
}

/// Control and format characters, which BERT drops (tab, newline and carriage return are
/// white space).
fn is_control(c: char) -> bool {
    matches!(c.general_category(), GeneralCategory::Control | GeneralCategory::Format)
}

/// BERT's punctuation: every non-letter, non-digit ASCII symbol, and Unicode's P categories.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || c.general_category_group() == GeneralCategoryGroup::Punctuation
}

/// The CJK ideograph blocks BERT spaces out, so that each ideograph is a word of its own.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B820..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> WordPiece {
        WordPiece::new(super::super::VOCAB)
    }

    fn tokens(text: &str) -> Vec<String> {
        let v = vocab();
        let names: FxHashMap<u32, &str> = v.ids.iter().map(|(t, &i)| (i, t.as_str())).collect();
        v.encode(text, 256).iter().map(|i| names[i].to_string()).collect()
    }

    #[test]
    fn splits_punctuation_lowercases_and_finds_pieces() {
        assert_eq!(
            tokens("Golovchenko's exports, “blocked”."),
            ["go", "##lov", "##chenko", "'", "s", "exports", ",", "“", "blocked", "”", "."]
        );
    }

    #[test]
    fn strips_accents_and_drops_controls() {
        assert_eq!(tokens("Café\u{200b} naïve\u{7}"), ["cafe", "naive"]);
    }

    #[test]
    fn a_word_with_no_pieces_is_unknown_and_cjk_is_one_word_a_character() {
        assert_eq!(tokens("☃☃"), ["[UNK]"]);
        assert_eq!(tokens("北京"), ["北", "京"]);
    }

    #[test]
    fn stops_at_the_limit() {
        assert_eq!(vocab().encode("one two three four", 2).len(), 2);
    }
}
