//! What changed since the last run, as the briefing shows it.

use super::*;

/// What changed since the last run, as shown.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ChangesView {
    /// False on the first run in an output folder.
    pub compared: bool,
    /// "2 new articles, 3 new claims, 1 figure changed", or "No change".
    pub summary: String,
    /// New or edited articles: "Title (`path`)".
    pub articles: Vec<String>,
    /// Articles that are gone (ids).
    pub removed: Vec<String>,
    /// New claims, as shown in Key claims.
    pub new_claims: Vec<String>,
    /// Claims no longer in the briefing.
    pub dropped_claims: Vec<String>,
    /// "what: before → after [n]".
    pub figures: Vec<String>,
    /// Copies that update an earlier article: "Title (path) updates [n]: toll: 10 → 12; 3
    /// sentences added, 1 removed".
    pub updates: Vec<String>,
}

impl ChangesView {
    pub(super) fn build(
        changes: &Changes,
        corpus: &Corpus,
        digest: &Digest,
        max: usize,
        cite: &dyn Fn(&str) -> Cite,
    ) -> Self {
        let c = changes;
        let mut parts = Vec::new();
        for (n, one, many) in [
            (c.new_articles.len(), "new article", "new articles"),
            (c.edited_articles.len(), "edited article", "edited articles"),
            (c.removed_articles.len(), "removed article", "removed articles"),
            (c.new_claims.len(), "new claim", "new claims"),
            (c.dropped_claims.len(), "claim dropped", "claims dropped"),
            (c.changed_figures.len(), "figure changed", "figures changed"),
            (c.updates.len(), "update of an earlier article", "updates of earlier articles"),
        ] {
            if n > 0 {
                parts.push(crate::render::count(n as u64, one, Some(many)));
            }
        }
        let summary = if parts.is_empty() { "No change.".to_string() } else { parts.join(", ") + "." };
        let by_id: HashMap<&str, &Article> = corpus.articles.iter().map(|a| (a.id.as_str(), a)).collect();
        let articles = c
            .new_articles
            .iter()
            .map(|id| (id, "new"))
            .chain(c.edited_articles.iter().map(|id| (id, "edited")))
            .take(max)
            .filter_map(|(id, how)| {
                let a = by_id.get(id.as_str())?;
                let title = a.meta.title.as_deref().unwrap_or(&a.id);
                Some(format!("{title} ({how}, {})", a.path))
            })
            .collect();
        let summary_of: HashMap<&str, &str> =
            digest.claims.iter().map(|c| (c.id.as_str(), c.summary.as_str())).collect();
        ChangesView {
            compared: c.compared,
            summary,
            articles,
            removed: c.removed_articles.iter().take(max).cloned().collect(),
            new_claims: c
                .new_claims
                .iter()
                .filter_map(|id| summary_of.get(id.as_str()).map(|s| s.to_string()))
                .take(max)
                .collect(),
            dropped_claims: c.dropped_claims.iter().take(max).cloned().collect(),
            figures: c
                .changed_figures
                .iter()
                .take(max)
                .map(|f| format!("{}: {} → {} [{}]", f.about, f.before, f.after, cite(&f.article).n))
                .collect(),
            updates: c
                .updates
                .iter()
                .take(max)
                .filter_map(|u| {
                    let a = by_id.get(u.article.as_str())?;
                    let title = a.meta.title.as_deref().unwrap_or(&a.id);
                    let mut what: Vec<String> = u
                        .figures
                        .iter()
                        .map(|f| format!("{}: {} → {}", f.about, f.before, f.after))
                        .collect();
                    what.push(format!(
                        "{} added, {} removed",
                        crate::render::count(u.added_sentences as u64, "sentence", None),
                        u.removed_sentences
                    ));
                    Some(format!("{title} ({}) updates [{}]: {}", a.path, cite(&u.of).n, what.join("; ")))
                })
                .collect(),
        }
    }
}
