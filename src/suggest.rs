//! "Did you mean …?": the nearest known name to a misspelt one, for config keys, template
//! fields and helpers.

/// The closest of `candidates` to `name` when it is close enough to be a misspelling
/// (Jaro–Winkler similarity of at least 0.8, which `shingle_word`/`shingle_words` and
/// `key_judgment`/`key_judgments` pass and unrelated names of similar length do not).
pub(crate) fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::jaro_winkler(name, c), c))
        .filter(|&(score, c)| score >= SIMILAR && c != name)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// The least Jaro–Winkler similarity of a suggestion.
const SIMILAR: f64 = 0.8;

#[cfg(test)]
mod tests {
    use super::nearest;

    #[test]
    fn suggests_only_a_close_name() {
        let keys = ["enabled", "shingle_words", "article_threshold", "paragraph_threshold"];
        assert_eq!(nearest("shingle_word", keys.into_iter()), Some("shingle_words"));
        assert_eq!(nearest("enable", keys.into_iter()), Some("enabled"));
        assert_eq!(nearest("formats", keys.into_iter()), None);
        assert_eq!(nearest("enabled", keys.into_iter()), None);
    }
}
