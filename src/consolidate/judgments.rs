//! Key judgments: the claims that lead the briefing.

use super::*;

/// The key judgments: the claims that the most independent sources carry, then the best
/// scored (corroboration and centrality in their story); a claim from one source only leads
/// when too few are corroborated, and a quote only when several outlets carry it.
pub(super) fn pick_key_judgments(claims: &[Claim], n: usize) -> Vec<KeyJudgment> {
    let mut ranked: Vec<&Claim> =
        claims.iter().filter(|c| c.kind != ClaimKind::Quote || c.independent_sources > 1).collect();
    // Headlines say what a story is about: a headline that states the claim counts as much as
    // one more independent report (events-dev: the first judgment reports one of the event's
    // three most reported facts in 30 of 40 events, 28 with headlines as a tie-break only).
    let headlines = |c: &Claim| c.sources.iter().filter(|s| s.paragraph.is_none()).count();
    ranked.sort_by(|a, b| {
        (b.independent_sources + headlines(b))
            .cmp(&(a.independent_sources + headlines(a)))
            .then(b.score.total_cmp(&a.score))
            .then(a.id.cmp(&b.id))
    });
    ranked
        .into_iter()
        .take(n)
        .map(|c| {
            let mut sources: Vec<ArticleId> = c.sources.iter().map(|s| s.article.clone()).collect();
            sources.dedup();
            KeyJudgment { text: c.summary.clone(), claim: c.id.clone(), story: c.story.clone(), sources }
        })
        .collect()
}
